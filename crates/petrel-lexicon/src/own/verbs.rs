//! Reading verb pattern files: `PATTERN => CODE [mutual | reverse CODE | foretold | joint CODE]`,
//! one pattern per line.

use super::lines::lines;
use super::Origins;
use crate::verbs::Predicate;
use crate::{Diagnostic, Origin};

/// One pattern line as written.
#[derive(Clone, Debug)]
pub struct PatternRecord {
    /// The verb (first word), as written.
    pub verb: String,
    /// What follows the verb.
    pub words: Vec<PatternWord>,
    /// The CAMEO event code.
    pub code: String,
    /// The code of the event the other way (target → source): the same code for `mutual`
    /// ("met"), another for `reverse CODE` ("hosted" 043 one way is a visit, 042, the other).
    pub reverse: Option<String>,
    /// `foretold`: the pattern names a fate foretold for its subject ("India *will pay* for
    /// this"), coded as the speaker's threat against the subject (see
    /// [`crate::verbs::EventCodes::foretold`]).
    pub foretold: bool,
    /// `joint CODE`: the code of the act when two or more countries do it together and no one
    /// else is named ("Russian and Chinese warships *held exercises*" is military cooperation
    /// between them, 062; see [`crate::verbs::EventCodes::joint`]).
    pub joint: Option<String>,
    /// The pattern as written, spaces normalised (`hold talks with +`).
    pub text: String,
    /// What the first word is: a verb, a noun naming the event (a file of `nouns/`: "meeting
    /// with +") or a predicate adjective (a file of `adjectives/`: "critical of +").
    pub kind: Predicate,
    pub origin: Origin,
}

impl PatternRecord {
    /// The verb written alone: the verb's default code.
    pub fn is_bare_verb(&self) -> bool {
        self.words.is_empty()
    }
}

/// One item of a pattern after its verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternWord {
    Word(String),
    /// `a|b|c`: any one of the words.
    Either(Vec<String>),
    /// `+`
    Target,
    /// `$`
    Source,
}

/// Reads one verb, noun or adjective file (`kind` says which); bad lines are reported and
/// skipped.
pub(crate) fn read(
    origins: &Origins,
    text: &str,
    kind: Predicate,
) -> (Vec<PatternRecord>, Vec<Diagnostic>) {
    let mut records = Vec::new();
    let mut diags = Vec::new();
    for line in lines(text) {
        let origin = origins.at(line.number);
        match parse(line.body, origin.clone()) {
            Ok(record) => records.push(PatternRecord { kind, ..record }),
            Err(message) => diags.push(Diagnostic { origin, message }),
        }
    }
    (records, diags)
}

fn parse(body: &str, origin: Origin) -> Result<PatternRecord, String> {
    let (pattern, rest) = body
        .split_once("=>")
        .ok_or_else(|| format!("pattern line {body:?} lacks '=> CODE'"))?;
    let mut rest = rest.split_whitespace();
    let code = rest.next().ok_or("no event code after '=>'")?;
    if !is_code(code) {
        return Err(format!(
            "bad event code {code:?}: expected 2 to 4 digits (\"040\")"
        ));
    }
    let (reverse, foretold, joint) = match rest.next() {
        None => (None, false, None),
        Some("mutual") => (Some(code.to_string()), false, None),
        Some("reverse") => (Some(flag_code(&mut rest, "reverse")?), false, None),
        Some("joint") => (None, false, Some(flag_code(&mut rest, "joint")?)),
        Some("foretold") => (None, true, None),
        Some(other) => {
            return Err(format!(
                "unknown flag {other:?} (flags are 'mutual', 'reverse CODE', 'foretold' and \
                 'joint CODE')"
            ))
        }
    };
    if rest.next().is_some() {
        return Err(
            "only one of 'mutual', 'reverse CODE', 'foretold' or 'joint CODE' may be given, once"
                .into(),
        );
    }
    let mut tokens = pattern.split_whitespace();
    let verb = tokens.next().ok_or("empty pattern")?;
    if !is_word(verb) {
        return Err(format!("a pattern starts with its verb, not {verb:?}"));
    }
    let mut words = Vec::new();
    for token in tokens {
        let word = match token {
            "+" => PatternWord::Target,
            "$" => PatternWord::Source,
            _ if token.contains('|') => {
                let options: Vec<String> = token.split('|').map(str::to_string).collect();
                if let Some(bad) = options.iter().find(|o| !is_word(o)) {
                    return Err(format!("cannot read alternative {bad:?} in {token:?}"));
                }
                PatternWord::Either(options)
            }
            _ if is_word(token) => PatternWord::Word(token.to_string()),
            _ => return Err(format!("cannot read {token:?} in pattern")),
        };
        words.push(word);
    }
    for (marker, what) in [
        (PatternWord::Target, "target '+'"),
        (PatternWord::Source, "source '$'"),
    ] {
        if words.iter().filter(|w| **w == marker).count() > 1 {
            return Err(format!("more than one {what}"));
        }
    }
    Ok(PatternRecord {
        verb: verb.to_string(),
        words,
        code: code.to_string(),
        reverse,
        foretold,
        joint,
        text: pattern.split_whitespace().collect::<Vec<_>>().join(" "),
        kind: Predicate::Verb,
        origin,
    })
}

/// A CAMEO event code as written: two to four digits.
fn is_code(code: &str) -> bool {
    (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

/// The event code a flag takes (`reverse 042`, `joint 062`).
fn flag_code<'a>(rest: &mut impl Iterator<Item = &'a str>, flag: &str) -> Result<String, String> {
    let code = rest
        .next()
        .ok_or_else(|| format!("no event code after '{flag}'"))?;
    if !is_code(code) {
        return Err(format!("bad {flag} event code {code:?}"));
    }
    Ok(code.to_string())
}

/// A dictionary word: letters and digits, with inner hyphens, apostrophes or periods.
fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> (Vec<PatternRecord>, Vec<Diagnostic>) {
        read(&Origins::new("verbs/04-consult.txt"), text, Predicate::Verb)
    }

    #[test]
    fn patterns_with_markers_alternatives_and_flags() {
        let (records, diags) = read_text(
            "meet   => 040  mutual   # default\nimpose sanctions|embargo on +  => 163\naccuse $ of +   => 112\nhost +  => 043 reverse 042\npay price => 130 foretold\nhold exercises => 150 joint 062\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(records[4].foretold && records[4].reverse.is_none());
        assert!(!records[0].foretold);
        assert_eq!(records[5].joint.as_deref(), Some("062"));
        assert_eq!(records[5].reverse, None);
        assert_eq!(records[0].joint, None);
        assert!(records[0].is_bare_verb());
        assert_eq!(records[0].reverse.as_deref(), Some("040"));
        assert_eq!(records[1].reverse, None);
        assert_eq!(records[3].reverse.as_deref(), Some("042"));
        assert_eq!(records[1].verb, "impose");
        assert_eq!(
            records[1].words,
            [
                PatternWord::Either(vec!["sanctions".into(), "embargo".into()]),
                PatternWord::Word("on".into()),
                PatternWord::Target
            ]
        );
        assert_eq!(records[1].text, "impose sanctions|embargo on +");
        assert_eq!(records[2].words[0], PatternWord::Source);
        assert_eq!(records[2].origin.line, 3);
    }

    #[test]
    fn bad_lines_are_reported_with_their_lines() {
        let (records, diags) = read_text(
            "meet\nmeet => 40a\nmeet => 040 both\n+ meet => 040\nmeet (with) + => 040\nmeet + + => 040\nmeet a||b => 040\nmeet =>\nhost => 043 reverse\nhost => 043 reverse 4x2\nhost => 043 mutual reverse 042\npay => 130 foretold foretold\npay => 130 mutual foretold\nhold => 150 joint\nhold => 150 joint 062 mutual\n",
        );
        assert!(records.is_empty());
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(
            lines,
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
            "{diags:?}"
        );
    }
}
