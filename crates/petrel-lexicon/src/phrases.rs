//! An index of multi-word phrases for longest-match lookup over a sentence's words.

use rustc_hash::FxHashMap;

/// Phrases (sequences of upper-cased words) mapped to values, looked up by longest match.
///
/// A word trie: a lookup walks one node per word of the sentence, so its cost is the length
/// of the longest phrase that starts there, however many phrases share a first word (the
/// Phoenix actor files have thousands beginning with "THE"). Each node knows its parent, so
/// the matches come out longest first by walking back up, with nothing to collect or sort:
/// the coder asks once per token of every sentence.
///
/// Every word of the index has a number ([`PhraseIndex::word`]), and the trie's edges are
/// keyed by those numbers. A caller that numbers a sentence's words once
/// ([`PhraseIndex::matches_numbered`]) walks the trie comparing integers only; the edges are
/// one table rather than a string-keyed table per node, which also keeps the index small.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    /// The number of every word used in a phrase, in order of first use.
    words: FxHashMap<Box<str>, u32>,
    /// The node each word leads to from the root ([`NONE`] if no phrase begins with it), by
    /// word number: every word of a sentence is looked up here, most of them no further.
    first: Vec<u32>,
    /// [`edge`]`(node, word)` → the node one word further down, below the first word. Node
    /// 0 is the root.
    edges: FxHashMap<u64, u32>,
    nodes: Vec<Node>,
    values: Vec<Value<T>>,
}

#[derive(Debug)]
struct Node {
    /// The node one word up (the root is its own parent).
    parent: u32,
    /// The first and last value of the phrases ending here ([`NONE`] when none does); the
    /// others are linked from the first, in insertion order.
    first: u32,
    last: u32,
}

#[derive(Debug)]
struct Value<T> {
    words: Vec<String>,
    value: T,
    /// The next value of a phrase ending at the same node, or [`NONE`].
    next: u32,
}

/// No node or value.
const NONE: u32 = u32::MAX;

/// The key of the edge leaving `node` by word number `word`.
fn edge(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

impl Node {
    fn new(parent: u32) -> Node {
        Node {
            parent,
            first: NONE,
            last: NONE,
        }
    }
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            words: FxHashMap::default(),
            first: Vec::new(),
            edges: FxHashMap::default(),
            nodes: vec![Node::new(0)],
            values: Vec::new(),
        }
    }
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase; an empty phrase is ignored.
    pub fn insert(&mut self, words: Vec<String>, value: T) {
        if words.is_empty() {
            return;
        }
        let mut node = 0;
        for word in &words {
            let fresh = self.words.len() as u32;
            let number = match self.words.get(word.as_str()) {
                Some(&number) => number,
                None => {
                    self.words.insert(word.as_str().into(), fresh);
                    fresh
                }
            };
            let fresh = self.nodes.len() as u32;
            let next = if node == 0 {
                if self.first.len() <= number as usize {
                    self.first.resize(number as usize + 1, NONE);
                }
                let slot = &mut self.first[number as usize];
                if *slot == NONE {
                    *slot = fresh;
                }
                *slot
            } else {
                *self.edges.entry(edge(node, number)).or_insert(fresh)
            };
            if next == fresh {
                self.nodes.push(Node::new(node));
            }
            node = next;
        }
        let v = self.values.len() as u32;
        self.values.push(Value {
            words,
            value,
            next: NONE,
        });
        let end = &mut self.nodes[node as usize];
        let last = std::mem::replace(&mut end.last, v);
        if end.first == NONE {
            end.first = v;
        } else {
            self.values[last as usize].next = v;
        }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The number of a word (upper-cased) in this index; `None` for a word no phrase uses.
    pub fn word(&self, word: &str) -> Option<u32> {
        self.words.get(word).copied()
    }

    /// Whether some phrase begins with the word numbered `word`.
    pub fn begins(&self, word: u32) -> bool {
        self.first
            .get(word as usize)
            .is_some_and(|&node| node != NONE)
    }

    /// Every word used in a phrase, with its number.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.words.iter().map(|(word, &number)| (&**word, number))
    }

    /// All phrases matching `words` from its start, longest first (phrases of one length in
    /// insertion order), with their lengths.
    pub fn matches<'s, S: AsRef<str>>(
        &'s self,
        words: &[S],
    ) -> impl Iterator<Item = (usize, &'s T)> + use<'s, S, T> {
        let (node, depth) = self.walk(words.iter().map(|w| self.word(w.as_ref())));
        self.ending_above(node, depth)
    }

    /// [`PhraseIndex::matches`] for words given by their numbers in this index (`None` for a
    /// word the index does not have). Numbers are taken only as far as a phrase could reach.
    pub fn matches_numbered(
        &self,
        words: impl IntoIterator<Item = Option<u32>>,
    ) -> impl Iterator<Item = (usize, &T)> {
        let (node, depth) = self.walk(words);
        self.ending_above(node, depth)
    }

    /// The deepest node the words lead to from the root, and how many words down it is.
    fn walk(&self, words: impl IntoIterator<Item = Option<u32>>) -> (u32, usize) {
        let (mut node, mut depth) = (0, 0);
        for word in words {
            let next = match word {
                Some(w) if node == 0 => self.first.get(w as usize).copied(),
                Some(w) => self.edges.get(&edge(node, w)).copied(),
                None => None,
            };
            match next.filter(|&n| n != NONE) {
                Some(next) => node = next,
                None => break,
            }
            depth += 1;
        }
        (node, depth)
    }

    /// The values of the phrases ending at `node` (`depth` words down) and at each node above
    /// it, deepest first: one node per length.
    fn ending_above(&self, node: u32, depth: usize) -> Matches<'_, T> {
        Matches {
            index: self,
            node,
            depth,
            value: if depth == 0 {
                NONE
            } else {
                self.nodes[node as usize].first
            },
        }
    }

    /// Every phrase and its value, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&[String], &T)> {
        self.values.iter().map(|v| (v.words.as_slice(), &v.value))
    }
}

/// The phrases ending on the path from a node up to the first word, longest first: see
/// [`PhraseIndex::matches`].
struct Matches<'a, T> {
    index: &'a PhraseIndex<T>,
    node: u32,
    /// How many words down `node` is; 0 when the path is used up.
    depth: usize,
    /// The next value at `node`, or [`NONE`] when its values are used up.
    value: u32,
}

impl<'a, T> Iterator for Matches<'a, T> {
    type Item = (usize, &'a T);

    fn next(&mut self) -> Option<Self::Item> {
        while self.value == NONE {
            if self.depth <= 1 {
                self.depth = 0;
                return None;
            }
            self.node = self.index.nodes[self.node as usize].parent;
            self.depth -= 1;
            self.value = self.index.nodes[self.node as usize].first;
        }
        let value = &self.index.values[self.value as usize];
        self.value = value.next;
        Some((self.depth, &value.value))
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
        index.insert(split_phrase("WHITE HOUSE"), 4);
        let words = ["WHITE", "HOUSE", "OFFICIALS"];
        let found: Vec<_> = index.matches(&words).collect();
        assert_eq!(found, [(2, &2), (2, &4), (1, &1)]);
        assert_eq!(index.matches(&["BLACK"]).count(), 0);
        // A path through words that end no phrase yields only the shorter phrases on it.
        let found: Vec<_> = index.matches(&["WHITE", "HOUSE", "SPOKESMAN"]).collect();
        assert_eq!(found, [(3, &3), (2, &2), (2, &4), (1, &1)]);
        index.insert(split_phrase("BLUE HOUSE GUARD"), 5);
        assert_eq!(index.matches(&["BLUE", "HOUSE"]).count(), 0);
        assert_eq!(index.len(), 5);
    }

    #[test]
    fn numbered_words_match_as_their_strings() {
        let mut index = PhraseIndex::default();
        index.insert(split_phrase("WHITE HOUSE"), 1);
        index.insert(split_phrase("HOUSE"), 2);
        let number = |w: &str| index.word(w);
        assert_eq!(
            number("WHITE").zip(number("HOUSE")).map(|(a, b)| a != b),
            Some(true)
        );
        assert_eq!(number("SPOKESMAN"), None);
        let words = ["WHITE", "HOUSE", "SPOKESMAN"];
        let by_number: Vec<_> = index.matches_numbered(words.map(number)).collect();
        assert_eq!(by_number, index.matches(&words).collect::<Vec<_>>());
        assert_eq!(by_number, [(2, &1)]);
        assert_eq!(index.words().count(), 2);
    }
}
