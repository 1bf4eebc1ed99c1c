//! An index of multi-word phrases for longest-match lookup over a sentence's words.

use std::collections::HashMap;

/// Phrases (sequences of upper-cased words) mapped to values, looked up by longest match.
///
/// Phrases are bucketed by their first word and kept longest first, so a lookup tries only the
/// phrases that could start at a position, and the first that matches is the longest.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    len: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            by_first: HashMap::new(),
            len: 0,
        }
    }
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase; an empty phrase is ignored.
    pub fn insert(&mut self, words: Vec<String>, value: T) {
        let Some(first) = words.first().cloned() else {
            return;
        };
        let bucket = self.by_first.entry(first).or_default();
        let at = bucket.partition_point(|(w, _)| w.len() >= words.len());
        bucket.insert(at, (words, value));
        self.len += 1;
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All phrases matching `words` from its start, longest first, with their lengths.
    pub fn matches<'s, 'w, S: AsRef<str>>(
        &'s self,
        words: &'w [S],
    ) -> impl Iterator<Item = (usize, &'s T)> + use<'s, 'w, S, T> {
        words
            .first()
            .and_then(|w| self.by_first.get(w.as_ref()))
            .into_iter()
            .flatten()
            .filter(move |(phrase, _)| {
                phrase.len() <= words.len()
                    && phrase.iter().zip(words).all(|(p, w)| p == w.as_ref())
            })
            .map(|(phrase, value)| (phrase.len(), value))
    }

    /// Every phrase and its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&[String], &T)> {
        self.by_first
            .values()
            .flatten()
            .map(|(words, value)| (words.as_slice(), value))
    }
}

#[cfg(test)]
mod tests {
    use super::PhraseIndex;
    use crate::words::split_phrase;

    #[test]
    fn longest_phrase_matches_first() {
        let mut index = PhraseIndex::default();
        index.insert(split_phrase("WHITE"), 1);
        index.insert(split_phrase("WHITE_HOUSE"), 2);
        index.insert(split_phrase("WHITE HOUSE SPOKESMAN"), 3);
        let words = ["WHITE", "HOUSE", "OFFICIALS"];
        let found: Vec<_> = index.matches(&words).collect();
        assert_eq!(found, [(2, &2), (1, &1)]);
        assert_eq!(index.matches(&["BLACK"]).count(), 0);
    }
}
