//! Contractions: one surface token, two syntactic words ("don't" → "do" + "n't").
//!
//! UD English EWT writes a contraction as a multiword token whose words are substrings of the
//! surface form: "can't" → "ca" + "n't", "gonna" → "gon" + "na", "cannot" → "can" + "not". The
//! tokenizer splits with [`split_point`]; [`surface_tokens`] regroups words into surface tokens
//! with the same rule, so the split and the grouping can never disagree.

use std::ops::Range;

use crate::Sentence;

/// Apostrophes that mark a clitic: straight, right single quotation mark, and the backtick
/// some writers use ("mama`s").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// Clitics written with an apostrophe, without it, lower-cased.
const APOSTROPHE_CLITICS: [&str; 7] = ["s", "m", "d", "ll", "re", "ve", "t"];

/// Contractions written without an apostrophe that EWT splits, with the split point. Only
/// unambiguous ones: "its", "lets", "hes", "wont"... are also ordinary words.
const BARE: [(&str, usize); 24] = [
    ("aint", 2),
    ("arent", 3),
    ("cannot", 3),
    ("cant", 2),
    ("couldnt", 5),
    ("didnt", 3),
    ("doesnt", 4),
    ("dont", 2),
    ("gonna", 3),
    ("gotta", 3),
    ("hadnt", 3),
    ("hasnt", 3),
    ("havent", 4),
    ("isnt", 2),
    ("ive", 1),
    ("shouldnt", 6),
    ("thats", 4),
    ("theyre", 4),
    ("wanna", 3),
    ("wasnt", 3),
    ("werent", 4),
    ("whats", 4),
    ("wouldnt", 5),
    ("youre", 3),
];

/// Where a word splits into host + clitic, as a byte offset into `word`; `None` if it is not a
/// contraction. The host is never empty.
pub(crate) fn split_point(word: &str) -> Option<usize> {
    if let Some(at) = apostrophe_split(word) {
        return Some(at);
    }
    if word.len() > 8 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // "Im"/"im" but not "IM" (instant message); the bare list is matched case-insensitively
    // so that all-caps headlines ("DONT") split too.
    if word == "im" || word == "Im" {
        return Some(1);
    }
    // Lower-cased on the stack: this runs for nearly every word of every story.
    let mut buffer = [0u8; 8];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    BARE.binary_search_by(|(w, _)| w.as_bytes().cmp(lower))
        .ok()
        .map(|i| BARE[i].1)
}

/// "don't" → 2 (before "n't"); "Bush's" → 4; "I'm" → 1; "parents'" → 7. A number keeps
/// its "'s" ("the 70's").
fn apostrophe_split(word: &str) -> Option<usize> {
    let (at, apostrophe) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let after = &word[at + apostrophe.len_utf8()..];
    if after.is_empty() {
        let host = &word[..at];
        let possessive = host.len() > 1 && host.ends_with(['s', 'S']) && apostrophe != '`';
        return possessive.then_some(at);
    }
    let lower_after = after.to_ascii_lowercase();
    if !APOSTROPHE_CLITICS.contains(&lower_after.as_str()) {
        return None;
    }
    if lower_after == "t" {
        // n't: the host ends in "n" which belongs to the clitic ("ca" + "n't").
        let before = &word[..at];
        if !before.ends_with(['n', 'N']) || before.len() < 2 {
            return None;
        }
        let host = &before[..before.len() - 1];
        return host.chars().all(|c| c.is_alphabetic()).then_some(at - 1);
    }
    let host = &word[..at];
    (host.chars().any(char::is_alphabetic)).then_some(at)
}

/// Whether two adjacent words are the two halves of one contraction.
pub(crate) fn is_contraction(host: &str, clitic: &str) -> bool {
    let mut joined = String::with_capacity(host.len() + clitic.len());
    joined.push_str(host);
    joined.push_str(clitic);
    split_point(&joined) == Some(host.len())
}

/// Groups a sentence's words into surface tokens: each range holds the positions (0-based)
/// of the words of one token, in order. A word joins the previous one when their spans touch
/// and together they form a contraction; words without spans stand alone.
///
/// ```
/// let s = &petrel_text::segment("I don't know.")[0];
/// let groups = petrel_text::surface_tokens(s);
/// assert_eq!(groups, vec![0..1, 1..3, 3..4, 4..5]);
/// ```
pub fn surface_tokens(sentence: &Sentence) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(sentence.tokens.len());
    for (i, word) in sentence.tokens.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| &sentence.tokens[p]);
        match (groups.last_mut(), prev) {
            (Some(last), Some(prev))
                if last.len() == 1
                    && matches!((prev.span, word.span), (Some(a), Some(b)) if a.end == b.start)
                    && is_contraction(&prev.form, &word.form) =>
            {
                last.end = i + 1;
            }
            _ => groups.push(i..i + 1),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> Option<(&str, &str)> {
        split_point(word).map(|at| word.split_at(at))
    }

    #[test]
    fn bare_list_is_sorted_for_binary_search() {
        assert!(BARE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BARE.iter().all(|(w, at)| *at > 0 && *at < w.len()));
    }

    #[test]
    fn splits_clitics_as_ewt_does() {
        assert_eq!(split("don't"), Some(("do", "n't")));
        assert_eq!(split("can't"), Some(("ca", "n't")));
        assert_eq!(split("won't"), Some(("wo", "n't")));
        assert_eq!(split("WON'T"), Some(("WO", "N'T")));
        assert_eq!(split("I'm"), Some(("I", "'m")));
        assert_eq!(split("Bush’s"), Some(("Bush", "’s")));
        assert_eq!(split("they'll"), Some(("they", "'ll")));
        assert_eq!(split("cannot"), Some(("can", "not")));
        assert_eq!(split("gonna"), Some(("gon", "na")));
        assert_eq!(split("dont"), Some(("do", "nt")));
        assert_eq!(split("Im"), Some(("I", "m")));
        assert_eq!(split("parents'"), Some(("parents", "'")));
    }

    #[test]
    fn leaves_ordinary_words_alone() {
        for word in [
            "its",
            "O'Brien",
            "'s",
            "n't",
            "IM",
            "rock'n'roll",
            "hello",
            "'t",
        ] {
            assert_eq!(split(word), None, "{word}");
        }
    }

    #[test]
    fn recognises_halves() {
        assert!(is_contraction("ca", "n't"));
        assert!(is_contraction("Iran", "'s"));
        assert!(!is_contraction("Al", "-"));
        assert!(!is_contraction("do", "not"));
    }
}
