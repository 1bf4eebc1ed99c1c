//! News datelines and bylines at the start of a paragraph.
//!
//! Wire copy opens with a dateline, "NAIROBI, March 4 (Reuters) - Kenyan President ...", and
//! sometimes a byline line, "By Jane Doe". petrel makes each its own sentence-like segment,
//! ending at the dateline's dash or the byline's line break, so that the first real sentence
//! starts after it: no event is coded from a dateline, and the parser does not see "NAIROBI"
//! as the subject of the first sentence.

use crate::tokenize::{Gap, Word};

/// Datelines longer than this (in words, before the dash) are not datelines.
const MAX_DATELINE_WORDS: usize = 12;

/// Bylines longer than this (in words) are not bylines.
const MAX_BYLINE_WORDS: usize = 8;

/// If the paragraph starting at word `start` opens with a dateline or a byline, the index of
/// its last word (the dash, or the last word of the byline's line).
pub(crate) fn header_end(text: &str, words: &[Word], start: usize) -> Option<usize> {
    byline_end(text, words, start).or_else(|| dateline_end(text, words, start))
}

fn form<'t>(text: &'t str, word: &Word) -> &'t str {
    &text[word.start..word.end]
}

/// "By Jane Doe" alone on a line: capitalised words after "By", then a line break.
fn byline_end(text: &str, words: &[Word], start: usize) -> Option<usize> {
    if !matches!(form(text, &words[start]), "By" | "BY") {
        return None;
    }
    for (k, word) in words
        .iter()
        .enumerate()
        .skip(start + 1)
        .take(MAX_BYLINE_WORDS)
    {
        let f = form(text, word);
        let capitalised = f.starts_with(char::is_uppercase) || matches!(f, "," | "and" | ".");
        if !capitalised {
            return None;
        }
        match words.get(k + 1).map(|w| w.gap) {
            Some(Gap::Newline) => return Some(k),
            None | Some(Gap::Paragraph) => return None,
            _ => {}
        }
    }
    None
}

/// "WASHINGTON (AP) —", "NAIROBI, March 4 (Reuters) -": an all-capitals place name, then
/// only capitalised words, numbers and ",()/." up to a dash that has words after it.
fn dateline_end(text: &str, words: &[Word], start: usize) -> Option<usize> {
    let first = form(text, &words[start]);
    let place = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '/' | '-' | '\''));
    if !place {
        return None;
    }
    for (k, word) in words
        .iter()
        .enumerate()
        .skip(start + 1)
        .take(MAX_DATELINE_WORDS)
    {
        if word.gap == Gap::Paragraph {
            return None;
        }
        let f = form(text, word);
        if matches!(f, "-" | "--" | "—" | "–") {
            // A dateline's dash stands apart ("NAIROBI -"); a hyphen inside a word
            // ("AL-SHABAAB" in a headline) does not end one.
            let continues = words
                .get(k + 1)
                .is_some_and(|w| matches!(w.gap, Gap::Space | Gap::Newline));
            return (word.gap != Gap::None && continues).then_some(k);
        }
        let allowed = f.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(f, "," | "(" | ")" | "/" | ".");
        if !allowed {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn header(text: &str) -> Option<String> {
        let words = tokenize(text);
        header_end(text, &words, 0).map(|k| text[..words[k].end].to_string())
    }

    #[test]
    fn finds_datelines() {
        assert_eq!(
            header("NAIROBI, March 4 (Reuters) - Kenyan President William Ruto met Abiy.")
                .as_deref(),
            Some("NAIROBI, March 4 (Reuters) -")
        );
        assert_eq!(
            header("WASHINGTON (AP) — The Senate voted.").as_deref(),
            Some("WASHINGTON (AP) —")
        );
        assert_eq!(
            header("NEW YORK, Jan. 5 -- Stocks fell.").as_deref(),
            Some("NEW YORK, Jan. 5 --")
        );
    }

    #[test]
    fn finds_bylines() {
        assert_eq!(
            header("By Jane Doe\nWASHINGTON (AP) — The Senate voted.").as_deref(),
            Some("By Jane Doe")
        );
    }

    #[test]
    fn ordinary_openings_are_not_headers() {
        for text in [
            "US troops - who arrived today - left.",
            "NATO said the talks - which failed - would resume.",
            "By the way, Kenya won.",
            "I - and only I - know.",
            "KENYA -",
            "KENYAN TROOPS KILL 12 AL-SHABAAB FIGHTERS",
        ] {
            assert_eq!(header(text), None, "{text}");
        }
    }
}
