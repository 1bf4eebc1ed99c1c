//! Discards: phrases that mark a sentence (or a whole story) as not to be coded, such as
//! sports reports.

use crate::Origin;

#[derive(Clone, Debug)]
pub struct Discard {
    /// The phrase, upper-cased, words separated by single spaces.
    pub phrase: String,
    /// A match discards the whole story, not only the sentence.
    pub story: bool,
    /// The phrase must end at a word boundary (PETRARCH's trailing `_`); otherwise it is a stem.
    pub whole_word: bool,
    pub origin: Origin,
}

impl Discard {
    /// Whether the phrase occurs in `text` (case-insensitively, starting at a word boundary).
    pub fn matches(&self, upper_text: &str) -> bool {
        occurs(upper_text, &self.phrase, self.whole_word)
    }
}

/// Whether `phrase` occurs in `upper_text` starting at a word boundary, and, if `whole_word`,
/// ending at one too (otherwise it is a stem: "BASKETBALL" finds "BASKETBALLS").
pub fn occurs(upper_text: &str, phrase: &str, whole_word: bool) -> bool {
    let mut from = 0;
    while let Some(at) = upper_text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let starts_word = upper_text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ends_word = upper_text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word && (ends_word || !whole_word) {
            return true;
        }
        from = start + phrase.len().max(1);
    }
    false
}

/// Normalises text for [`Discard::matches`]: upper case, runs of white space as one space.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_words(text.split_whitespace(), &mut out);
    out
}

/// [`normalise_text`] of the words joined by spaces, appended to `out` in one pass (no
/// joined copy, no second upper-cased one): the coder does this for every sentence.
pub fn normalise_words<'w>(words: impl IntoIterator<Item = &'w str>, out: &mut String) {
    let start = out.len();
    for word in words {
        // Words are joined by a space, and runs of white space inside them become one.
        let mut space = true;
        for c in word.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space && out.len() > start {
                    out.push(' ');
                }
                space = false;
                if c.is_ascii() {
                    out.push(c.to_ascii_uppercase());
                } else {
                    out.extend(c.to_uppercase());
                }
            }
        }
    }
}

/// Appends `word` upper-cased; ASCII (nearly every word of news text) is copied in one go and
/// upper-cased in place.
pub fn push_upper(word: &str, out: &mut String) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_uppercase();
    } else {
        out.extend(word.chars().flat_map(char::to_uppercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn discard(phrase: &str, whole_word: bool) -> Discard {
        Discard {
            phrase: phrase.into(),
            story: false,
            whole_word,
            origin: Origin {
                file: Arc::from("t"),
                line: 1,
            },
        }
    }

    #[test]
    fn stems_and_whole_words() {
        let text = normalise_text("He played   baseball and basketballs.");
        assert!(discard("BASEBALL", true).matches(&text));
        assert!(discard("BASKETBALL", false).matches(&text));
        assert!(!discard("BASKETBALL", true).matches(&text));
        assert!(!discard("ASEBALL", false).matches(&text));
    }

    #[test]
    fn words_normalise_as_their_joined_text() {
        let words = ["Straße ", " in\tKöln", "", "über"];
        let mut out = String::new();
        normalise_words(words, &mut out);
        assert_eq!(out, normalise_text(&words.join(" ")));
        assert_eq!(out, "STRASSE IN KÖLN ÜBER");
    }
}
