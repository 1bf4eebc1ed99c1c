//! The PETRARCH issues list: `phrase [CODE]` lines inside `<ISSUE ...>` sections, with
//! expansions `n:` (noun plural), `v:` (verb forms) and `+` (joined by space or hyphen), and
//! `~` lines naming phrases that suppress issue coding.

use std::sync::Arc;

use super::source::{self, split_code};
use crate::discards::{normalise_text, Discard};
use crate::issues::{Issue, IssueDict};
use crate::words::{key, plural, verb_forms};
use crate::{Diagnostic, Origin};

/// Reads an issues list into `dict`, returning what was skipped and why.
pub fn read_issues(file: &str, text: &str, dict: &mut IssueDict) -> Vec<Diagnostic> {
    let file: Arc<str> = Arc::from(file);
    let mut diags = Vec::new();
    for line in source::lines(text) {
        let origin = Origin {
            file: file.clone(),
            line: line.number,
        };
        let text = line.text.trim();
        if text.starts_with("<ISSUE") || text.starts_with("</ISSUE") {
            continue;
        }
        if let Some(ignore) = text.strip_prefix('~') {
            for phrase in expand(ignore.trim_start_matches('~')) {
                dict.ignore.push(Discard {
                    phrase,
                    story: false,
                    whole_word: true,
                    origin: origin.clone(),
                });
            }
            continue;
        }
        match split_code(text) {
            Ok((phrase, Some(code))) if !phrase.trim().is_empty() && !code.is_empty() => {
                for phrase in expand(phrase) {
                    dict.issues.push(Issue {
                        phrase,
                        code: code.to_string(),
                        origin: origin.clone(),
                    });
                }
            }
            Ok(_) => diags.push(Diagnostic {
                origin,
                message: "issue line needs a phrase and a [CODE]".into(),
            }),
            Err(message) => diags.push(Diagnostic { origin, message }),
        }
    }
    diags
}

/// All the phrases one issue line stands for.
fn expand(phrase: &str) -> Vec<String> {
    let mut phrases = vec![String::new()];
    for part in phrase.split_whitespace() {
        let mut variants: Vec<String> = vec![String::new()];
        for (i, piece) in part.split('+').enumerate() {
            let forms = word_forms(piece);
            let mut next = Vec::new();
            for v in &variants {
                for f in &forms {
                    if i == 0 {
                        next.push(f.clone());
                    } else {
                        next.push(format!("{v} {f}"));
                        next.push(format!("{v}-{f}"));
                    }
                }
            }
            variants = next;
        }
        phrases = phrases
            .iter()
            .flat_map(|p| variants.iter().map(move |v| format!("{p} {v}")))
            .collect();
    }
    phrases
        .iter()
        .map(|p| normalise_text(p))
        .filter(|p| !p.is_empty())
        .collect()
}

fn word_forms(piece: &str) -> Vec<String> {
    if let Some(noun) = piece.strip_prefix("n:") {
        let k = key(noun);
        vec![plural(&k), k]
    } else if let Some(verb) = piece.strip_prefix("v:") {
        verb_forms(&key(verb))
    } else {
        vec![key(piece)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansions_and_ignores() {
        let mut dict = IssueDict::default();
        let diags = read_issues(
            "t",
            "<ISSUE CATEGORY=\"X\">\npre+n:school [EARLY]\nv:massacre [ATROCITY]\n~a head start\nbad line\n",
            &mut dict,
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].origin.line, 5);
        let text = normalise_text("Troops massacred villagers near two pre-schools");
        assert_eq!(dict.find(&text), [("EARLY", 1), ("ATROCITY", 1)]);
        assert!(dict
            .find(&normalise_text("They got a head start at pre school"))
            .is_empty());
    }
}
