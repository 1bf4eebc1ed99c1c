//! The words of a lexicon's verb patterns (literal, and in synsets), numbered once when the
//! coder is made, so that telling which patterns could match a sentence compares bits, and
//! matching a synset compares numbers, not strings.
//!
//! A big verb block has hundreds of patterns and most name a word the sentence lacks; that
//! test ran before any tree search and, done with string hashing per pattern word, cost a
//! tenth of all coding. Synsets are tried at every position a pattern could use them, and
//! looking their phrases up by string cost as much again.

use petrel_lexicon::verbs::{BlockId, Element, SynsetId, VerbDict};
use rustc_hash::FxHashMap;

/// Every word a pattern names, each pattern's literal words as numbers, and the synsets'
/// phrases as a trie of numbers.
pub struct PatternWords {
    ids: FxHashMap<Box<str>, u32>,
    /// Where each block's patterns start in `patterns`.
    block_start: Vec<usize>,
    /// Every pattern of every block, in order.
    patterns: Vec<Required>,
    /// The ids of the words the patterns name, pattern after pattern.
    words: Vec<u32>,
    synsets: SynsetTrie,
}

/// Every synset's phrases, as word numbers, in one trie: each synset has a root of its own.
#[derive(Default)]
struct SynsetTrie {
    /// The root node of each synset.
    roots: Vec<u32>,
    /// (node, word) → the node one word further down.
    edges: FxHashMap<(u32, u32), u32>,
    /// Whether a phrase ends at each node.
    ends: Vec<bool>,
}

/// The words one pattern names: `words[start..end]`, sorted, without repeats, and their
/// [`WordSet::summary`] bits, which reject most patterns with one comparison.
struct Required {
    summary: u64,
    start: u32,
    end: u32,
}

impl PatternWords {
    pub fn new(verbs: &VerbDict) -> PatternWords {
        let mut index = PatternWords {
            ids: FxHashMap::default(),
            block_start: Vec::with_capacity(verbs.blocks.len()),
            patterns: Vec::with_capacity(verbs.pattern_count()),
            words: Vec::new(),
            synsets: SynsetTrie::default(),
        };
        let mut found = Vec::new();
        for block in &verbs.blocks {
            index.block_start.push(index.patterns.len());
            for pattern in &block.patterns {
                found.clear();
                for element in pattern.before.iter().chain(&pattern.after) {
                    literal_words(element, &mut |w| {
                        let next = index.ids.len() as u32;
                        found.push(*index.ids.entry(w.into()).or_insert(next));
                    });
                }
                found.sort_unstable();
                found.dedup();
                let start = index.words.len() as u32;
                index.words.extend_from_slice(&found);
                index.patterns.push(Required {
                    summary: found.iter().fold(0, |bits, &id| bits | summary_bit(id)),
                    start,
                    end: index.words.len() as u32,
                });
            }
        }
        for synset in &verbs.synsets {
            let root = index.synsets.node();
            index.synsets.roots.push(root);
            for phrase in synset.phrases.iter().filter(|p| !p.is_empty()) {
                let mut node = root;
                for word in phrase {
                    let next = index.ids.len() as u32;
                    let id = *index.ids.entry(word.as_str().into()).or_insert(next);
                    node = match index.synsets.edges.get(&(node, id)) {
                        Some(&child) => child,
                        None => {
                            let child = index.synsets.node();
                            index.synsets.edges.insert((node, id), child);
                            child
                        }
                    };
                }
                index.synsets.ends[node as usize] = true;
            }
        }
        index
    }

    /// The number of words of the longest phrase of synset `id` that the words `words` (by
    /// number; `None` for a word no pattern names) begin with.
    pub fn synset_match(
        &self,
        id: SynsetId,
        words: impl IntoIterator<Item = Option<u32>>,
    ) -> Option<usize> {
        let trie = &self.synsets;
        let mut node = trie.roots[id];
        let mut longest = None;
        for (depth, word) in words.into_iter().enumerate() {
            match word.and_then(|w| trie.edges.get(&(node, w))) {
                Some(&next) => node = next,
                None => break,
            }
            if trie.ends[node as usize] {
                longest = Some(depth + 1);
            }
        }
        longest
    }

    /// The number of a pattern word; `None` for a word no pattern names.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// How many distinct words the patterns name.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the sentence whose pattern words are `present` holds every word that the
    /// `pattern`-th pattern of `block` names.
    pub fn present(&self, present: &WordSet, block: BlockId, pattern: usize) -> bool {
        let required = &self.patterns[self.block_start[block] + pattern];
        required.summary & !present.summary == 0
            && self.words[required.start as usize..required.end as usize]
                .iter()
                .all(|&id| present.contains(id))
    }
}

impl SynsetTrie {
    /// A new node, with no phrase ending at it.
    fn node(&mut self) -> u32 {
        self.ends.push(false);
        (self.ends.len() - 1) as u32
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

/// The bit standing for a word in a set's summary: words share the 64 bits by number.
fn summary_bit(id: u32) -> u64 {
    1 << (id % 64)
}

/// A set of pattern words (by number), as bits.
pub struct WordSet {
    bits: Vec<u64>,
    /// The union of the members' [`summary_bit`]s: a pattern needing a bit not here cannot
    /// be matched.
    summary: u64,
}

impl WordSet {
    /// An empty set for the words of `words`.
    pub fn new(words: &PatternWords) -> WordSet {
        WordSet {
            bits: vec![0; words.len().div_ceil(64)],
            summary: 0,
        }
    }

    pub fn insert(&mut self, id: u32) {
        self.bits[id as usize / 64] |= 1 << (id % 64);
        self.summary |= summary_bit(id);
    }

    pub fn contains(&self, id: u32) -> bool {
        self.bits[id as usize / 64] & (1 << (id % 64)) != 0
    }
}
