//! The PETRARCH actor dictionary: a primary phrase with an optional default code, synonyms on
//! `+` lines, and date restrictions (`[RUSGOV >080508]`) on indented lines or inline.

use std::sync::Arc;

use super::dates::parse_restriction;
use super::source::{self, split_code};
use crate::actors::{ActorDict, ActorEntry, NameFlags, NameRef, Role};
use crate::words::split_phrase;
use crate::{Diagnostic, Origin};

/// Reads an actor dictionary into `dict`, returning what was skipped and why.
pub fn read_actors(file: &str, text: &str, dict: &mut ActorDict) -> Vec<Diagnostic> {
    let file: Arc<str> = Arc::from(file);
    let origin = |line| Origin {
        file: file.clone(),
        line,
    };
    let mut diags = Vec::new();
    let mut current: Option<usize> = None;
    for line in source::lines(text) {
        let n = line.number;
        let indented = line.text.starts_with([' ', '\t']);
        let text = line.text.trim();
        let (body, codes) = match bracketed(text) {
            Ok(parts) => parts,
            Err(message) => {
                diags.push(Diagnostic {
                    origin: origin(n),
                    message,
                });
                continue;
            }
        };
        let body = body.trim();
        if indented && body.is_empty() || (body.is_empty() && !codes.is_empty()) {
            // A restriction line for the current entry.
            let Some(actor) = current else {
                diags.push(Diagnostic {
                    origin: origin(n),
                    message: "date restriction before any actor".into(),
                });
                continue;
            };
            add_codes(&mut dict.entries[actor], &codes, &origin(n), &mut diags);
            continue;
        }
        if let Some(synonym) = body.strip_prefix('+') {
            let Some(actor) = current else {
                diags.push(Diagnostic {
                    origin: origin(n),
                    message: "synonym before any actor".into(),
                });
                continue;
            };
            add_name(dict, actor, synonym, n, &origin, &mut diags);
            add_codes(&mut dict.entries[actor], &codes, &origin(n), &mut diags);
            continue;
        }
        let actor = dict.push(ActorEntry {
            name: body.to_string(),
            default: None,
            roles: Vec::new(),
            origin: origin(n),
        });
        current = Some(actor);
        add_name(dict, actor, body, n, &origin, &mut diags);
        add_codes(&mut dict.entries[actor], &codes, &origin(n), &mut diags);
    }
    diags
}

fn add_name(
    dict: &mut ActorDict,
    actor: usize,
    phrase: &str,
    n: usize,
    origin: &impl Fn(usize) -> Origin,
    diags: &mut Vec<Diagnostic>,
) {
    let words = split_phrase(phrase);
    if words.is_empty() {
        diags.push(Diagnostic {
            origin: origin(n),
            message: "actor line without a name".into(),
        });
        return;
    }
    dict.add_name(
        words,
        NameRef {
            actor,
            flags: NameFlags::default(),
            written: phrase.trim().to_string(),
        },
    );
}

/// Splits off every `[...]` group: `("JOHN_DOE", ["USAGOV >080508", "USA"])`.
fn bracketed(text: &str) -> Result<(String, Vec<String>), String> {
    let mut body = String::new();
    let mut codes = Vec::new();
    let mut rest = text;
    loop {
        let (before, code) = split_code(rest)?;
        body.push_str(before);
        match code {
            Some(code) => {
                codes.push(code.to_string());
                rest = &rest[rest.find(']').map_or(rest.len(), |i| i + 1)..];
            }
            None => return Ok((body, codes)),
        }
    }
}

/// Adds `CODE` (a default) or `CODE RESTRICTION` (a dated role) to an entry.
fn add_codes(
    entry: &mut ActorEntry,
    codes: &[String],
    origin: &Origin,
    diags: &mut Vec<Diagnostic>,
) {
    for code in codes {
        let (code, restriction) = match code.split_once(char::is_whitespace) {
            Some((c, r)) => (c, Some(r)),
            None => match code.find(['<', '>']) {
                Some(i) if i > 0 => (&code[..i], Some(&code[i..])),
                _ => (code.as_str(), None),
            },
        };
        if code.is_empty() {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: "empty actor code".into(),
            });
            continue;
        }
        let code = code.to_uppercase();
        match restriction {
            None => entry.default = Some(code),
            Some(r) => match parse_restriction(r) {
                Ok((from, until)) => entry.roles.push(Role {
                    code,
                    from,
                    until,
                    note: None,
                    origin: origin.clone(),
                }),
                Err(message) => diags.push(Diagnostic {
                    origin: origin.clone(),
                    message,
                }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (ActorDict, Vec<Diagnostic>) {
        let mut dict = ActorDict::default();
        let diags = read_actors("test.actors", text, &mut dict);
        (dict, diags)
    }

    fn code(dict: &ActorDict, name: &str, date: &str) -> Option<String> {
        let words = split_phrase(name);
        let (_, r) = dict.names.matches(&words).next()?;
        let code = dict.entries[r.actor]
            .resolve(Some(date.parse().unwrap()))
            .map(|(c, _)| c.to_string());
        code
    }

    #[test]
    fn synonyms_defaults_and_dated_codes() {
        let (dict, diags) = read(
            "GOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n\
UNITED_STATES [USA]\n+U.S.\nVLADIMIR_PUTIN [RUSGOV >000507]\nPALESTINIAN [pse]\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(code(&dict, "SMEAGOL", "1994-01-01").as_deref(), Some("HOB"));
        assert_eq!(code(&dict, "GOLLUM", "1995-06-01").as_deref(), Some("HOB"));
        assert_eq!(
            code(&dict, "GOLLUM", "1999-08-15").as_deref(),
            Some("HOBGOV")
        );
        assert_eq!(
            code(&dict, "GOLLUM", "2001-01-01").as_deref(),
            Some("HOBREB")
        );
        assert_eq!(code(&dict, "U.S.", "2001-01-01").as_deref(), Some("USA"));
        assert_eq!(code(&dict, "VLADIMIR PUTIN", "1999-01-01"), None);
        assert_eq!(
            code(&dict, "VLADIMIR PUTIN", "2001-01-01").as_deref(),
            Some("RUSGOV")
        );
        assert_eq!(
            code(&dict, "PALESTINIAN", "2001-01-01").as_deref(),
            Some("PSE")
        );
    }

    #[test]
    fn bad_restrictions_and_orphans_are_reported() {
        let (_, diags) = read("\t[ABC 990101-980101]\n+ORPHAN\nX [ABC 991399]\nY [ABC\n");
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 2, 3, 4], "{diags:?}");
    }
}
