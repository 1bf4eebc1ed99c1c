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
///
/// ASCII is handled byte by byte; other characters are decoded only where they occur.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 5);
    let mut spaced = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alphanumeric, width) = if b.is_ascii() {
            if b.is_ascii_whitespace() {
                spaced = true;
                i += 1;
                continue;
            }
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = char_at(text, i);
            if c.is_whitespace() {
                spaced = true;
                i += c.len_utf8();
                continue;
            }
            (c.is_alphanumeric(), c.len_utf8())
        };
        let start = i;
        i += width;
        let kind = if alphanumeric {
            let mut digits_only = b.is_ascii_digit();
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_alphanumeric() {
                    digits_only &= b.is_ascii_digit();
                    i += 1;
                } else if b.is_ascii() {
                    break;
                } else {
                    let c = char_at(text, i);
                    if !c.is_alphanumeric() {
                        break;
                    }
                    digits_only = false;
                    i += c.len_utf8();
                }
            }
            if digits_only {
                Kind::Number
            } else {
                Kind::Word
            }
        } else {
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

/// The character starting at byte `i`, a character boundary.
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
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
