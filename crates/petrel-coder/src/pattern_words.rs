//! The words of a lexicon's verb patterns (literal, and in synsets), numbered once when the
//! coder is made, so that telling which patterns could match a sentence compares bits, and
//! matching a synset compares numbers, not strings.
//!
//! A big verb block has hundreds of patterns and most need a word or a synset the sentence
//! lacks; that test runs before any tree search and, done with string hashing per pattern
//! word, cost a tenth of all coding. Synsets are tried at every position a pattern could use
//! them, and looking their phrases up by string cost as much again.
//!
//! The same table gives each word's numbers in the actor and agent name indexes, so that a
//! sentence's words are looked up by string once each ([`PatternWords::read`]) and every
//! later dictionary lookup compares numbers.

use petrel_lexicon::verbs::{BlockId, Element, SynsetId, VerbId};
use petrel_lexicon::Lexicon;
use rustc_hash::FxHashMap;

use crate::word_table::WordTable;

/// Every word a pattern names, what each pattern needs, and the synsets' phrases as a trie of
/// word numbers.
///
/// What a sentence may hold, for the patterns' sake, are *members*: the words, numbered from
/// 0, then the synsets, numbered after the words. A sentence holds a synset when a phrase of
/// it begins with one of the sentence's forms or lemmas.
pub struct PatternWords {
    /// Every word a pattern, a synset or an actor or agent name uses, and the regular plurals
    /// of the pattern words.
    words: WordTable<Word>,
    /// How many pattern words there are (numbered `0..word_count`).
    word_count: u32,
    /// By word number: the members of the synsets some phrase of which begins with the word.
    opens: Vec<Vec<u32>>,
    /// Where each block's patterns start in `patterns`.
    block_start: Vec<usize>,
    /// Every pattern of every block, in order.
    patterns: Vec<Required>,
    /// The members each pattern needs, pattern after pattern.
    needs: Vec<u32>,
    synsets: SynsetTrie,
    /// The verbs each verb form names, by the number in its [`Word`].
    verbs: Vec<Box<[VerbId]>>,
}

/// The members one pattern needs: `needs[start..end]`, sorted, without repeats, and their
/// [`summary_bit`]s, which reject most patterns with one comparison.
struct Required {
    summary: u64,
    start: u32,
    end: u32,
}

/// What the coder's dictionaries know of one upper-cased word: its numbers in each of them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// Its number as a pattern word.
    pub pattern: Option<u32>,
    /// The pattern words it is the regular plural of ("TIES" of "TIE"), so that a pattern's
    /// "TIE" finds "TIES" without a second lookup. Filled from the first slot.
    pub plural_of: [Option<u32>; 3],
    /// Its number in the actor name index.
    pub actor: Option<u32>,
    /// Its number in the agent name index.
    pub agent: Option<u32>,
    /// The verbs it is a form of, by number ([`PatternWords::verbs`]).
    pub verbs: Option<u32>,
    /// Whether an actor or an agent name begins with it.
    pub begins_name: bool,
}

impl Word {
    /// A word no dictionary has.
    pub const NONE: Word = Word {
        pattern: None,
        plural_of: [None; 3],
        actor: None,
        agent: None,
        verbs: None,
        begins_name: false,
    };
}

/// The endings of regular plurals and what replaces them in the singular ("TIES" → "TIE",
/// "BUSES" → "BUS", "PARTIES" → "PARTY").
const PLURALS: [(&str, &str); 3] = [("IES", "Y"), ("ES", ""), ("S", "")];

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

impl PatternWords {
    pub fn new(lexicon: &Lexicon) -> PatternWords {
        let verbs = &lexicon.verbs;
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut number = |word: &str| {
            let next = ids.len() as u32;
            *ids.entry(word.into()).or_insert(next)
        };
        let mut synsets = SynsetTrie::default();
        let mut first_words: Vec<(u32, SynsetId)> = Vec::new();
        for (s, synset) in verbs.synsets.iter().enumerate() {
            let root = synsets.node();
            synsets.roots.push(root);
            for phrase in synset.phrases.iter().filter(|p| !p.is_empty()) {
                let mut node = root;
                for (k, word) in phrase.iter().enumerate() {
                    let id = number(word);
                    if k == 0 {
                        first_words.push((id, s));
                    }
                    node = match synsets.edges.get(&(node, id)) {
                        Some(&child) => child,
                        None => {
                            let child = synsets.node();
                            synsets.edges.insert((node, id), child);
                            child
                        }
                    };
                }
                synsets.ends[node as usize] = true;
            }
        }
        // Each pattern's literal words and synsets; synsets become members once every word
        // has its number.
        let mut block_start = Vec::with_capacity(verbs.blocks.len());
        let mut wanted: Vec<(Vec<u32>, Vec<SynsetId>)> = Vec::with_capacity(verbs.pattern_count());
        for block in &verbs.blocks {
            block_start.push(wanted.len());
            for pattern in &block.patterns {
                let (mut words, mut sets) = (Vec::new(), Vec::new());
                for element in pattern.before.iter().chain(&pattern.after) {
                    requirements(element, &mut |need| match need {
                        Need::Word(w) => words.push(number(w)),
                        Need::Synset(s) => sets.push(s),
                    });
                }
                wanted.push((words, sets));
            }
        }
        let word_count = ids.len() as u32;
        let synset_member = |s: SynsetId| word_count + s as u32;
        let mut opens = vec![Vec::new(); ids.len()];
        for (word, s) in first_words {
            opens[word as usize].push(synset_member(s));
        }
        for members in &mut opens {
            members.dedup();
        }
        let mut patterns = Vec::with_capacity(wanted.len());
        let mut needs = Vec::new();
        for (words, sets) in wanted {
            let mut members: Vec<u32> = words
                .into_iter()
                .chain(sets.into_iter().map(synset_member))
                .collect();
            members.sort_unstable();
            members.dedup();
            let start = needs.len() as u32;
            needs.extend_from_slice(&members);
            patterns.push(Required {
                summary: members.iter().fold(0, |bits, &m| bits | summary_bit(m)),
                start,
                end: needs.len() as u32,
            });
        }
        let (words, verb_lists) = vocabulary(&ids, lexicon);
        PatternWords {
            words: WordTable::new(words),
            verbs: verb_lists,
            word_count,
            opens,
            block_start,
            patterns,
            needs,
            synsets,
        }
    }

    /// The verbs a word names as their form or base form, by the number in its [`Word`].
    pub fn verbs(&self, number: Option<u32>) -> &[VerbId] {
        number.map_or(&[], |n| &self.verbs[n as usize])
    }

    /// What the dictionaries know of `word`, which is appended upper-cased to `upper`; `None`
    /// for a word none of them has.
    pub fn read(&self, word: &str, upper: &mut String) -> Option<&Word> {
        self.words.read(word, upper)
    }

    /// The members of the synsets that a phrase beginning with word `id` opens.
    pub fn opened_by(&self, id: u32) -> &[u32] {
        &self.opens[id as usize]
    }

    /// How many members (words and synsets) there are.
    pub fn len(&self) -> usize {
        self.word_count as usize + self.synsets.roots.len()
    }

    /// The patterns of `block` (by their index in it) that the sentence whose members are
    /// `present` could match: those it holds every needed member of. Most patterns of a big
    /// block fail on their summary bits, one comparison each in one pass over the block.
    pub fn candidates<'a>(
        &'a self,
        present: &'a WordSet,
        block: BlockId,
    ) -> impl Iterator<Item = usize> + 'a {
        let end = self
            .block_start
            .get(block + 1)
            .copied()
            .unwrap_or(self.patterns.len());
        self.patterns[self.block_start[block]..end]
            .iter()
            .enumerate()
            .filter(move |(_, required)| {
                required.summary & !present.summary == 0
                    && self.needs[required.start as usize..required.end as usize]
                        .iter()
                        .all(|&m| present.contains(m))
            })
            .map(|(k, _)| k)
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
}

/// Every word the coder looks up, and the verbs of each verb form by number.
type Vocabulary = (FxHashMap<Box<str>, Word>, Vec<Box<[VerbId]>>);

/// The coder's table of words: the pattern words numbered in `ids`, each regular plural of
/// one, the words of the actor and agent names with their numbers in those indexes, and the
/// verb forms with the verbs they name (the lists returned alongside).
fn vocabulary(ids: &FxHashMap<Box<str>, u32>, lexicon: &Lexicon) -> Vocabulary {
    let mut words: FxHashMap<Box<str>, Word> = FxHashMap::default();
    for (word, &id) in ids {
        words.entry(word.clone()).or_default().pattern = Some(id);
        // The plural forms whose singular, as the tree makes singulars, is this word.
        for (suffix, replacement) in PLURALS {
            let Some(stem) = word.strip_suffix(replacement).filter(|s| s.len() > 1) else {
                continue;
            };
            let plural = words.entry(format!("{stem}{suffix}").into()).or_default();
            if let Some(slot) = plural.plural_of.iter_mut().find(|s| s.is_none()) {
                *slot = Some(id);
            }
        }
    }
    for (word, number) in lexicon.actors.names.words() {
        let entry = words.entry(word.into()).or_default();
        entry.actor = Some(number);
        entry.begins_name |= lexicon.actors.names.begins(number);
    }
    for (word, number) in lexicon.agents.names.words() {
        let entry = words.entry(word.into()).or_default();
        entry.agent = Some(number);
        entry.begins_name |= lexicon.agents.names.begins(number);
    }
    let mut verbs = Vec::new();
    for (form, named) in lexicon.verbs.forms() {
        words.entry(form.into()).or_default().verbs = Some(verbs.len() as u32);
        verbs.push(named.into());
    }
    (words, verbs)
}

impl SynsetTrie {
    /// A new node, with no phrase ending at it.
    fn node(&mut self) -> u32 {
        self.ends.push(false);
        (self.ends.len() - 1) as u32
    }
}

/// Something a pattern cannot match without.
enum Need<'p> {
    Word(&'p str),
    Synset(SynsetId),
}

/// Calls `found` with every word and synset a pattern element needs, however deeply nested:
/// every element of a pattern must match for the pattern to.
fn requirements<'p>(element: &'p Element, found: &mut impl FnMut(Need<'p>)) {
    match element {
        Element::Word(w) => found(Need::Word(w)),
        Element::Synset(s) => found(Need::Synset(*s)),
        Element::NounPhrase(inner) => inner.iter().for_each(|e| requirements(e, found)),
        Element::Prep(prep, inner) => {
            requirements(prep, found);
            inner.iter().for_each(|e| requirements(e, found));
        }
        Element::Source | Element::Target | Element::Skip | Element::Compound => {}
    }
}

/// The bit standing for a member in a set's summary: members share the 64 bits by number.
fn summary_bit(member: u32) -> u64 {
    1 << (member % 64)
}

/// A set of members (words and synsets, by number), as bits.
#[derive(Default)]
pub struct WordSet {
    bits: Vec<u64>,
    /// The union of the members' [`summary_bit`]s: a pattern needing a bit not here cannot
    /// be matched.
    summary: u64,
}

impl WordSet {
    /// Empties the set, making room for the members of `words`.
    pub fn reset(&mut self, words: &PatternWords) {
        self.bits.clear();
        self.bits.resize(words.len().div_ceil(64), 0);
        self.summary = 0;
    }

    pub fn insert(&mut self, member: u32) {
        self.bits[member as usize / 64] |= 1 << (member % 64);
        self.summary |= summary_bit(member);
    }

    pub fn contains(&self, member: u32) -> bool {
        self.bits[member as usize / 64] & (1 << (member % 64)) != 0
    }
}
