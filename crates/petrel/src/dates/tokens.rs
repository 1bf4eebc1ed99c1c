//! A minimal tokenizer for date finding: runs of letters and digits, and single other characters,
//! each with its byte range and whether whitespace came before it.
//!
//! Date expressions are recognised over these tokens rather than over the full tokenizer of
//! `petrel-text` because they need to see punctuation that the sentence tokenizer folds into
//! words or numbers ("4,000" must stay distinguishable from "4, 2023", "mid-June" from "mid").

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Only ASCII digits.
    Number,
    /// Letters and digits, with at least one that is not an ASCII digit ("June", "4th", "F16").
    Word,
    /// Any other single character that is not whitespace.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace, or the start of the text, comes right before this token.
    pub spaced: bool,
}

/// Splits `text` into tokens. Token ranges always lie on character boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 4);
    let mut spaced = true;
    let mut i = 0;
    while i < bytes.len() {
        let (c, width) = char_at(text, i);
        if c.is_whitespace() {
            spaced = true;
            i += width;
            continue;
        }
        let start = i;
        let kind = if c.is_alphanumeric() {
            let mut digits_only = c.is_ascii_digit();
            i += width;
            while i < bytes.len() {
                let (c, width) = char_at(text, i);
                if !c.is_alphanumeric() {
                    break;
                }
                digits_only &= c.is_ascii_digit();
                i += width;
            }
            if digits_only {
                Kind::Number
            } else {
                Kind::Word
            }
        } else {
            i += width;
            Kind::Punct
        };
        tokens.push(Token {
            start,
            end: i,
            kind,
            spaced,
        });
        spaced = false;
    }
    tokens
}

/// The character starting at byte `i` (a character boundary) and its width in bytes.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(&str, Kind, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.kind, t.spaced))
            .collect()
    }

    #[test]
    fn numbers_words_and_punctuation_keep_their_spacing() {
        assert_eq!(
            shapes("June 4,000 mid-2019 4th"),
            vec![
                ("June", Kind::Word, true),
                ("4", Kind::Number, true),
                (",", Kind::Punct, false),
                ("000", Kind::Number, false),
                ("mid", Kind::Word, true),
                ("-", Kind::Punct, false),
                ("2019", Kind::Number, false),
                ("4th", Kind::Word, true),
            ]
        );
    }

    #[test]
    fn non_ascii_letters_join_words_and_other_symbols_stand_alone() {
        assert_eq!(
            shapes("Junés\u{a0}—é"),
            vec![
                ("Junés", Kind::Word, true),
                ("—", Kind::Punct, true),
                ("é", Kind::Word, false),
            ]
        );
    }
}
