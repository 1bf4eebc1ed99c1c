//! An index of multi-word phrases for longest-match lookup over a sentence's words.

use rustc_hash::FxHashMap;

/// Phrases (sequences of upper-cased words) mapped to values, looked up by longest match.
///
/// A word trie: a lookup walks one node per word of the sentence, so its cost is the length
/// of the longest phrase that starts there, however many phrases share a first word (the
/// Phoenix actor files have thousands beginning with "THE"). Each node knows its parent, so
/// the matches come out longest first by walking back up, with nothing to collect or sort:
/// the coder asks once per token of every sentence.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    nodes: Vec<Node>,
    values: Vec<(Vec<String>, T)>,
}

#[derive(Debug, Default)]
struct Node {
    children: FxHashMap<Box<str>, u32>,
    /// Values of the phrases ending here, in insertion order.
    ends: Vec<u32>,
    /// The node one word up (the root is its own parent).
    parent: u32,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            nodes: vec![Node::default()],
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
            node = match self.nodes[node].children.get(word.as_str()) {
                Some(&next) => next as usize,
                None => {
                    self.nodes.push(Node {
                        parent: node as u32,
                        ..Node::default()
                    });
                    let next = self.nodes.len() - 1;
                    self.nodes[node]
                        .children
                        .insert(word.as_str().into(), next as u32);
                    next
                }
            };
        }
        self.nodes[node].ends.push(self.values.len() as u32);
        self.values.push((words, value));
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// All phrases matching `words` from its start, longest first (phrases of one length in
    /// insertion order), with their lengths.
    pub fn matches<'s, S: AsRef<str>>(
        &'s self,
        words: &[S],
    ) -> impl Iterator<Item = (usize, &'s T)> + use<'s, S, T> {
        let (mut node, mut depth) = (0, 0);
        for word in words {
            match self.nodes[node].children.get(word.as_ref()) {
                Some(&next) => node = next as usize,
                None => break,
            }
            depth += 1;
        }
        // From the deepest node reached back up to the first word: one node per length.
        let path = std::iter::successors(Some((node, depth)), |&(node, depth)| {
            (depth > 1).then(|| (self.nodes[node].parent as usize, depth - 1))
        })
        .filter(|&(_, depth)| depth > 0);
        path.flat_map(move |(node, depth)| {
            self.nodes[node]
                .ends
                .iter()
                .map(move |&v| (depth, &self.values[v as usize].1))
        })
    }

    /// Every phrase and its value, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&[String], &T)> {
        self.values
            .iter()
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
}
