//! The literal words of a lexicon's verb patterns, numbered once when the coder is made, so
//! that telling which patterns could match a sentence compares bits, not strings.
//!
//! A big verb block has hundreds of patterns and most name a word the sentence lacks; that
//! test ran before any tree search and, done with string hashing per pattern word, cost a
//! tenth of all coding.

use petrel_lexicon::verbs::{BlockId, Element, VerbDict};
use rustc_hash::FxHashMap;

/// Every word a pattern names, and each pattern's words as numbers.
pub struct PatternWords {
    ids: FxHashMap<Box<str>, u32>,
    /// By block, then pattern (in block order): the ids of the words the pattern names,
    /// sorted, without repeats.
    required: Vec<Vec<Box<[u32]>>>,
}

impl PatternWords {
    pub fn new(verbs: &VerbDict) -> PatternWords {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let required = verbs
            .blocks
            .iter()
            .map(|block| {
                block
                    .patterns
                    .iter()
                    .map(|pattern| {
                        let mut words = Vec::new();
                        for element in pattern.before.iter().chain(&pattern.after) {
                            literal_words(element, &mut |w| {
                                let next = ids.len() as u32;
                                words.push(*ids.entry(w.into()).or_insert(next));
                            });
                        }
                        words.sort_unstable();
                        words.dedup();
                        words.into_boxed_slice()
                    })
                    .collect()
            })
            .collect();
        PatternWords { ids, required }
    }

    /// The number of a pattern word; `None` for a word no pattern names.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// How many distinct words the patterns name.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The words the `pattern`-th pattern of `block` names.
    pub fn required(&self, block: BlockId, pattern: usize) -> &[u32] {
        &self.required[block][pattern]
    }
}

/// Calls `found` with every literal word of a pattern element, however deeply nested.
fn literal_words(element: &Element, found: &mut impl FnMut(&str)) {
    match element {
        Element::Word(w) => found(w),
        Element::NounPhrase(inner) => inner.iter().for_each(|e| literal_words(e, found)),
        Element::Prep(prep, inner) => {
            literal_words(prep, found);
            inner.iter().for_each(|e| literal_words(e, found));
        }
        Element::Synset(_)
        | Element::Source
        | Element::Target
        | Element::Skip
        | Element::Compound => {}
    }
}

/// A set of pattern words (by number), as bits.
pub struct WordSet {
    bits: Vec<u64>,
}

impl WordSet {
    /// An empty set for the words of `words`.
    pub fn new(words: &PatternWords) -> WordSet {
        WordSet {
            bits: vec![0; words.len().div_ceil(64)],
        }
    }

    pub fn insert(&mut self, id: u32) {
        self.bits[id as usize / 64] |= 1 << (id % 64);
    }

    pub fn contains(&self, id: u32) -> bool {
        self.bits[id as usize / 64] & (1 << (id % 64)) != 0
    }

    pub fn contains_all(&self, ids: &[u32]) -> bool {
        ids.iter().all(|&id| self.contains(id))
    }
}
