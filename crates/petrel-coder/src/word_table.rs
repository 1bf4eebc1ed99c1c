//! A table from upper-cased words to what the coder's dictionaries know of them, looked up
//! with every form and lemma of every sentence.
//!
//! Nearly every word of news text is ASCII and at most 15 bytes long. Such a word is kept as
//! its bytes packed into two integers, so that a lookup upper-cases it eight bytes at a time,
//! hashes two integers and compares two integers, where a string key cost a pass over the
//! bytes to upper-case them, another to hash them, and a call to compare them with a key
//! stored apart from the table (a cache miss as often as not). Longer words are looked up by
//! string as before.

use std::collections::HashMap;

use petrel_lexicon::discards::push_upper;
use rustc_hash::FxHashMap;

/// The longest word kept packed; its length goes in the 16th byte.
const PACKED_MAX: usize = 15;

/// The high bit of every byte: set in some byte of a word that is not ASCII.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Words mapped to values, by their upper-cased spelling.
pub struct WordTable<V> {
    packed: FxHashMap<Packed, V>,
    long: FxHashMap<Box<str>, V>,
}

/// A word of at most [`PACKED_MAX`] bytes: its bytes, zero-padded, in little-endian order,
/// and its length in the last byte (so that words differing only in trailing NULs differ).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Packed(u64, u64);

impl Packed {
    fn of(bytes: &[u8]) -> Option<Packed> {
        if bytes.len() > PACKED_MAX {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[15] = bytes.len() as u8;
        let (lo, hi) = buf.split_at(8);
        Some(Packed(word_of(lo), word_of(hi)))
    }

    /// The key of `word` upper-cased, when it is ASCII and short enough to pack.
    fn upper(word: &str) -> Option<Packed> {
        let key = Packed::of(word.as_bytes())?;
        // The length byte is below 16, so its high bit is clear too.
        if (key.0 | key.1) & HIGH_BITS != 0 {
            return None;
        }
        Some(Packed(upper_ascii(key.0), upper_ascii(key.1)))
    }
}

/// Eight bytes as one little-endian integer.
fn word_of(bytes: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(bytes);
    u64::from_le_bytes(eight)
}

/// Upper-cases the ASCII letters among eight ASCII bytes at once: a byte from `a` to `z`
/// loses 0x20. (Each sum below stays within its byte, as no byte exceeds 0x7F.)
fn upper_ascii(bytes: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let from_a = bytes + ONES * u64::from(0x80 - b'a');
    let past_z = bytes + ONES * u64::from(0x80 - b'z' - 1);
    let lower = from_a & !past_z & HIGH_BITS;
    bytes - (lower >> 2)
}

impl<V> WordTable<V> {
    /// The table of `words`, each upper-cased already.
    pub fn new(words: HashMap<Box<str>, V, impl std::hash::BuildHasher>) -> WordTable<V> {
        let mut table = WordTable {
            packed: FxHashMap::default(),
            long: FxHashMap::default(),
        };
        for (word, value) in words {
            match Packed::of(word.as_bytes()) {
                Some(key) => table.packed.insert(key, value),
                None => table.long.insert(word, value),
            };
        }
        table
    }

    /// Appends `word` upper-cased to `upper` and returns its value, if the table has one.
    pub fn read(&self, word: &str, upper: &mut String) -> Option<&V> {
        let from = upper.len();
        if let Some(key) = Packed::upper(word) {
            // An ASCII word: the key holds its bytes upper-cased already. All sixteen are
            // copied at once and the length byte and padding cut off again, where copying
            // the word and upper-casing it byte by byte cost a fifth of building a tree.
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&key.0.to_le_bytes());
            bytes[8..].copy_from_slice(&key.1.to_le_bytes());
            // SAFETY: every byte of the key is ASCII (`Packed::upper` refuses any other), the
            // length byte and padding included, so the string stays UTF-8 after the copy, and
            // cutting it at `from + word.len()` cuts between ASCII bytes.
            let text = unsafe { upper.as_mut_vec() };
            text.extend_from_slice(&bytes);
            text.truncate(from + word.len());
            return self.packed.get(&key);
        }
        push_upper(word, upper);
        self.get(&upper[from..])
    }

    /// The value of an upper-cased word.
    pub fn get(&self, upper: &str) -> Option<&V> {
        match Packed::of(upper.as_bytes()) {
            Some(key) => self.packed.get(&key),
            None => self.long.get(upper),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> WordTable<u32> {
        let words: FxHashMap<Box<str>, u32> = [
            ("TIES", 1),
            ("ÉTAT", 2),
            ("A", 3),
            ("A\0", 4),
            ("INTERNATIONALISATION", 5),
            ("", 6),
            ("@[`{~", 7),
        ]
        .into_iter()
        .map(|(w, v)| (w.into(), v))
        .collect();
        WordTable::new(words)
    }

    #[test]
    fn reads_words_upper_cased() {
        let table = table();
        for (word, upper, value) in [
            ("ties", "TIES", Some(1)),
            ("TiEs", "TIES", Some(1)),
            ("état", "ÉTAT", Some(2)),
            ("a", "A", Some(3)),
            ("a\0", "A\0", Some(4)),
            ("Internationalisation", "INTERNATIONALISATION", Some(5)),
            ("", "", Some(6)),
            ("@[`{~", "@[`{~", Some(7)),
            ("tie", "TIE", None),
            ("zz", "ZZ", None),
        ] {
            let mut out = String::from("x");
            assert_eq!(table.read(word, &mut out).copied(), value, "{word:?}");
            assert_eq!(out, format!("x{upper}"));
            assert_eq!(table.get(upper).copied(), value, "{upper:?}");
        }
    }

    #[test]
    fn upper_cases_as_the_standard_library() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for chunk in all.as_bytes().chunks(8) {
            let mut eight = [0u8; 8];
            eight[..chunk.len()].copy_from_slice(chunk);
            let expected = u64::from_le_bytes(eight.map(|b| b.to_ascii_uppercase()));
            assert_eq!(upper_ascii(u64::from_le_bytes(eight)), expected);
        }
    }
}
