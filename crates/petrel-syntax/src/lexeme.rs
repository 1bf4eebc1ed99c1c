//! What the tagger and parser need to know about a word's spelling, computed once per token as
//! hashes (no strings kept): the form, its lower-case form, prefixes, suffixes and shape.

use crate::hashing::{finish, hash_bytes, hash_str, mix};

/// Spelling features of one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lexeme {
    pub form: u64,
    pub lower: u64,
    /// Lower-case prefix of one and of three characters.
    pub prefix: [u64; 2],
    /// Lower-case suffixes of one to four characters (the whole word when shorter).
    pub suffix: [u64; 4],
    /// Character classes with runs shortened: `Obama` → `Xxx`, `1984` → `ddd`.
    pub shape: u64,
    pub flags: u8,
}

/// First letter upper-case.
pub const TITLE: u8 = 1;
/// Every letter upper-case (and at least one letter).
pub const UPPER: u8 = 2;
/// Contains a digit.
pub const DIGIT: u8 = 4;
/// Contains a hyphen.
pub const HYPHEN: u8 = 8;
/// Contains no letter or digit.
pub const PUNCT: u8 = 16;

/// Reusable buffers, so that computing lexemes allocates nothing once warm.
#[derive(Default)]
pub struct Scratch {
    lower: String,
    shape: Vec<u8>,
}

impl Lexeme {
    pub fn new(form: &str, scratch: &mut Scratch) -> Lexeme {
        scratch.lower.clear();
        scratch.shape.clear();
        let (mut letters, mut uppers, mut alnum) = (0usize, 0usize, false);
        let mut flags = 0u8;
        let mut run = (0u8, 0usize);
        let ascii = form.is_ascii();
        for (i, c) in form.chars().enumerate() {
            let class = if c.is_uppercase() {
                letters += 1;
                uppers += 1;
                if i == 0 {
                    flags |= TITLE;
                }
                b'X'
            } else if c.is_alphabetic() {
                letters += 1;
                b'x'
            } else if c.is_numeric() {
                flags |= DIGIT;
                b'd'
            } else {
                if c == '-' {
                    flags |= HYPHEN;
                }
                if c.is_ascii() {
                    c as u8
                } else {
                    b'?'
                }
            };
            alnum |= c.is_alphanumeric();
            if run.0 == class {
                run.1 += 1;
            } else {
                run = (class, 1);
            }
            if run.1 <= 3 {
                scratch.shape.push(class);
            }
            if !ascii {
                scratch.lower.extend(c.to_lowercase());
            }
        }
        // Most words are ASCII: lower-cased in one pass, and cut by bytes below.
        if ascii {
            scratch.lower.push_str(form);
            scratch.lower.make_ascii_lowercase();
        }
        if letters > 0 && uppers == letters {
            flags |= UPPER;
        }
        if !alnum {
            flags |= PUNCT;
        }
        let lower = scratch.lower.as_str();
        let prefix_end = |n: usize| match ascii {
            true => n.min(lower.len()),
            false => lower.char_indices().nth(n).map_or(lower.len(), |(i, _)| i),
        };
        let suffix_start = |n: usize| match ascii {
            true => lower.len().saturating_sub(n),
            false => lower.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i),
        };
        let mut suffix = [0u64; 4];
        for (n, slot) in suffix.iter_mut().enumerate() {
            *slot = finish(mix(hash_str(&lower[suffix_start(n + 1)..]), 0x5f));
        }
        Lexeme {
            form: hash_str(form),
            lower: hash_str(lower),
            prefix: [
                finish(mix(hash_str(&lower[..prefix_end(1)]), 0x9e)),
                finish(mix(hash_str(&lower[..prefix_end(3)]), 0x9e)),
            ],
            suffix,
            shape: hash_bytes(&scratch.shape),
            flags,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(form: &str) -> Lexeme {
        Lexeme::new(form, &mut Scratch::default())
    }

    #[test]
    fn case_variants_share_lower_and_affixes() {
        let (a, b) = (lex("Talks"), lex("talks"));
        assert_ne!(a.form, b.form);
        assert_eq!(a.lower, b.lower);
        assert_eq!(a.suffix, b.suffix);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.flags & TITLE, TITLE);
    }

    #[test]
    fn shapes_shorten_runs() {
        assert_eq!(lex("Obamaaaa").shape, lex("Obama").shape);
        assert_eq!(lex("1984").shape, lex("20001").shape);
        assert_ne!(lex("1984").shape, lex("1,984").shape);
    }

    #[test]
    fn suffixes_and_prefixes_count_characters_not_bytes() {
        assert_eq!(lex("café").suffix[0], lex("é").suffix[0]);
        assert_eq!(lex("émigré").prefix[0], lex("é").prefix[0]);
        assert_eq!(lex("a").suffix[3], lex("a").suffix[0]);
        assert_ne!(lex("").form, lex("a").form);
    }

    #[test]
    fn flags_describe_the_characters() {
        assert_eq!(lex("UN").flags & UPPER, UPPER);
        assert_eq!(lex("co-op").flags & HYPHEN, HYPHEN);
        assert_eq!(lex("...").flags & PUNCT, PUNCT);
        assert_eq!(lex("G8").flags & DIGIT, DIGIT);
    }
}
