//! Bylines and production credits: "By Jane Smith and John Doe", "Reporting by ...; Editing by
//! ...", "(Writing by ...)", "Additional reporting by ...", "Compiled by ...".

use super::lines::starts_with_any;
use crate::dates::names;

/// Credit lines and parentheticals start with one of these.
const CREDIT_LEADS: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "additional reporting from",
    "reporting and writing by",
    "writing by",
    "written by",
    "editing by",
    "edited by",
    "compiled by",
    "reported by",
    "produced by",
    "research by",
    "translated by",
    "graphics by",
];

/// "Reporting by ...", "Editing by ..." at the start of `chunk`.
pub(crate) fn is_credit(chunk: &str) -> bool {
    starts_with_any(chunk, CREDIT_LEADS)
}

/// The longest line taken as a "By ..." byline.
const BYLINE_MAX: usize = 160;

/// Lower-case words that may appear in a byline's list of names and affiliations.
const BYLINE_LINKS: &[&str] = &[
    "and",
    "in",
    "for",
    "of",
    "at",
    "the",
    "de",
    "da",
    "das",
    "do",
    "dos",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "al",
    "el",
    "bin",
    "ibn",
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "with",
];

/// A whole line that is a byline: "By Jane Smith and John Doe", "By JANE SMITH, Reuters",
/// "By The Associated Press". Every word after "By" must be capitalised or one of a few linking
/// words, which keeps out "By Tuesday, rebels had taken the town." and "By 2030, ...".
pub(crate) fn is_byline(line: &str) -> bool {
    if line.len() > BYLINE_MAX || !starts_with_any(line, &["by"]) {
        return false;
    }
    let rest = &line[2..];
    let mut words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '&' | '|' | ';' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .peekable();
    let Some(first) = words.peek() else {
        return false;
    };
    let first = first.trim_end_matches(['.', ':']);
    if names::month(first).is_some() || names::weekday(first).is_some() {
        return false;
    }
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    words.all(|word| {
        let word = word.trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '\'' | '"'));
        // "al-Masri", "el-Sisi": the name after a lower-case particle.
        let name = word.rsplit('-').next().unwrap_or(word);
        word.is_empty()
            || word.starts_with(char::is_uppercase)
            || name.starts_with(char::is_uppercase)
            || BYLINE_LINKS
                .iter()
                .any(|link| link.eq_ignore_ascii_case(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Smith and John Doe"));
        assert!(is_byline("By JANE SMITH, Reuters"));
        assert!(is_byline("By The Associated Press"));
        assert!(is_byline("BY Ahmed al-Masri in Cairo"));
        assert!(is_byline("By Jane Smith, BBC News | Nairobi"));
    }

    #[test]
    fn sentences_starting_with_by_are_not_bylines() {
        assert!(!is_byline("By Tuesday, rebels had taken the town."));
        assert!(!is_byline("By March the talks had stalled"));
        assert!(!is_byline("By 2030, emissions must halve."));
        assert!(!is_byline("Byron Smith"));
        assert!(!is_byline("By"));
        assert!(!is_byline("By Ruto's own account, talks failed."));
    }

    #[test]
    fn credits() {
        assert!(is_credit("Reporting by Jane Smith; Editing by John Doe"));
        assert!(is_credit("Additional reporting by X in Y"));
        assert!(is_credit("Compiled by Z"));
        assert!(is_credit("Writing by Y"));
        assert!(!is_credit("Reporting restrictions apply"));
    }
}
