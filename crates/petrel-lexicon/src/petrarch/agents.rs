//! The PETRARCH agent dictionary: `PHRASE {PLURALS} [~CODE]`, with substitution sets
//! (`!PERSON! = MAN, MEN, WOMAN`) used inside phrases.

use std::collections::HashMap;
use std::sync::Arc;

use super::source::{self, split_code};
use crate::agents::{AgentDict, AgentEntry, Placement};
use crate::words::{key, plural, split_phrase};
use crate::{Diagnostic, Origin};

/// Reads an agent dictionary into `dict`, returning what was skipped and why.
pub fn read_agents(file: &str, text: &str, dict: &mut AgentDict) -> Vec<Diagnostic> {
    let file: Arc<str> = Arc::from(file);
    let mut diags = Vec::new();
    let mut substitutions: HashMap<String, Vec<String>> = HashMap::new();
    for line in source::lines(text) {
        let origin = Origin {
            file: file.clone(),
            line: line.number,
        };
        let mut report = |message: String| {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message,
            })
        };
        let text = line.text.trim();
        let defines_set = text.starts_with('!')
            && text[1..]
                .find('!')
                .is_some_and(|end| text[end + 2..].trim_start().starts_with('='));
        if defines_set || (text.starts_with('!') && !text.contains('[')) {
            match text.split_once('=') {
                Some((marker, items))
                    if marker.trim().len() > 2 && marker.trim().ends_with('!') =>
                {
                    let items = items
                        .split(',')
                        .map(|i| key(i.trim()))
                        .filter(|i| !i.is_empty());
                    substitutions.insert(key(marker.trim()), items.collect());
                }
                _ => report(format!("cannot read substitution set {text:?}")),
            }
            continue;
        }
        let (body, code) = match split_code(text) {
            Ok((body, Some(code))) => (body, code),
            Ok((_, None)) => {
                report("agent without a [code]".into());
                continue;
            }
            Err(e) => {
                report(e);
                continue;
            }
        };
        let (code, placement) = match (code.trim().strip_prefix('~'), code.trim().strip_suffix('~'))
        {
            (Some(c), _) => (c, Placement::After),
            (None, Some(c)) => (c, Placement::Before),
            (None, None) => {
                report(format!("agent code {code:?} has no '~'"));
                continue;
            }
        };
        if code.is_empty() {
            report("empty agent code".into());
            continue;
        }
        let (phrase, plurals) = match body.split_once('{') {
            Some((p, rest)) => match rest.split_once('}') {
                Some((pl, _)) => (p.trim(), Some(pl)),
                None => {
                    report("'{' without a closing '}'".into());
                    continue;
                }
            },
            None => (body.trim(), None),
        };
        let expanded = match expand(&key(phrase), &substitutions) {
            Ok(e) => e,
            Err(e) => {
                report(e);
                continue;
            }
        };
        if expanded.iter().all(|p| split_phrase(p).is_empty()) {
            report("agent without a name".into());
            continue;
        }
        let id = dict.push(AgentEntry {
            name: phrase.to_string(),
            code: code.to_uppercase(),
            placement,
            origin: origin.clone(),
        });
        let substituted = phrase.contains('!');
        for form in &expanded {
            let words = split_phrase(form);
            if words.is_empty() {
                continue;
            }
            if plurals.is_none() && !substituted {
                let mut p = words.clone();
                let last = p.len() - 1;
                p[last] = plural(&p[last]);
                dict.names.insert(p, id);
            }
            dict.names.insert(words, id);
        }
        for form in plurals.unwrap_or("").split_whitespace() {
            dict.names.insert(split_phrase(form), id);
        }
    }
    diags
}

/// Replaces each `!MARKER!` with every item of its set.
fn expand(
    phrase: &str,
    substitutions: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let end = phrase[start + 1..]
        .find('!')
        .map(|e| start + 1 + e)
        .ok_or_else(|| format!("unclosed substitution marker in {phrase:?}"))?;
    let marker = &phrase[start..=end];
    let items = substitutions
        .get(marker)
        .ok_or_else(|| format!("undefined substitution set {marker}"))?;
    let mut out = Vec::new();
    for item in items {
        let replaced = format!("{}{}{}", &phrase[..start], item, &phrase[end + 1..]);
        out.extend(expand(&replaced, substitutions)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (AgentDict, Vec<Diagnostic>) {
        let mut dict = AgentDict::default();
        let diags = read_agents("test.agents", text, &mut dict);
        (dict, diags)
    }

    fn find<'a>(dict: &'a AgentDict, phrase: &str) -> Option<&'a AgentEntry> {
        let words = split_phrase(phrase);
        let found = dict
            .names
            .matches(&words)
            .find(|(len, _)| *len == words.len())
            .map(|(_, &id)| &dict.entries[id]);
        found
    }

    #[test]
    fn plurals_placement_and_substitutions() {
        let (dict, diags) = read(
            "!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nMINISTRY [~GOV]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n\
MSF {} [NGO~]\nCONGRESS!PERSON! [~LEG]\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(find(&dict, "POLICE").is_some());
        assert!(find(&dict, "POLICES").is_none());
        assert_eq!(find(&dict, "MINISTRIES").unwrap().code, "GOV");
        assert!(find(&dict, "ATTORNEYS GENERAL").is_some());
        assert_eq!(find(&dict, "MSF").unwrap().placement, Placement::Before);
        assert_eq!(find(&dict, "CONGRESSMEN").unwrap().code, "LEG");
    }

    #[test]
    fn bad_agent_lines_are_reported() {
        let (_, diags) = read("POLICE [COP]\nARMY\nX!NOPE! [~A]\n!BAD = A\n");
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 2, 3, 4], "{diags:?}");
    }
}
