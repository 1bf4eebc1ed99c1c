//! Feature templates of the tagger and of the morphological-feature classifier.
//!
//! The tagger looks at the word and its spelling, two words either side, the two tags it has
//! already chosen on the left, and the *ambiguity classes* of the word and of the words to its
//! right: the set of tags each was seen with in training. Ambiguity classes act like word
//! clusters learned from the training data, and give the greedy tagger a look at what is coming.

use crate::hashing::key;
use crate::lexeme::Lexeme;

/// Stands for a word before the start or past the end of the sentence.
const OUTSIDE: u64 = 0x6f75_7473_6964_6501;
/// The tag "before the first word".
pub const START_TAG: u64 = 0x5354_4152_5400_0001;
/// The tag "after the last word".
pub const END_TAG: u64 = 0x454e_445f_5441_4701;

/// Number of features of the tagger's first pass.
pub const TAG: usize = 32;
/// Number of features of the second pass (the first pass's and eight more).
pub const SECOND: usize = 40;
/// Number of features of the FEATS classifier.
pub const MORPH: usize = 13;

/// One sentence's words as the tagger sees them.
pub struct TagContext<'a> {
    pub lexemes: &'a [Lexeme],
    /// Ambiguity class of each word (a constant for words too rare to have one).
    pub ambiguity: &'a [u64],
}

impl TagContext<'_> {
    fn lower(&self, i: isize) -> u64 {
        self.get(i).map_or(OUTSIDE, |l| l.lower)
    }

    fn suffix3(&self, i: isize) -> u64 {
        self.get(i).map_or(OUTSIDE, |l| l.suffix[2])
    }

    fn amb(&self, i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.ambiguity.get(i).copied())
            .unwrap_or(OUTSIDE)
    }

    fn get(&self, i: isize) -> Option<&Lexeme> {
        usize::try_from(i).ok().and_then(|i| self.lexemes.get(i))
    }

    /// The tagger's features for word `i`, given the tags chosen for the two words before it
    /// (as tag numbers, or [`START_TAG`]).
    pub fn tag_features(&self, i: usize, prev: u64, prev2: u64) -> [u64; TAG] {
        let w = &self.lexemes[i];
        let j = i as isize;
        let first = u64::from(i == 0);
        [
            key(0, &[]),
            key(1, &[w.form]),
            key(2, &[w.lower]),
            key(3, &[w.suffix[0]]),
            key(4, &[w.suffix[1]]),
            key(5, &[w.suffix[2]]),
            key(6, &[w.suffix[3]]),
            key(7, &[w.prefix[0]]),
            key(8, &[w.prefix[1]]),
            key(9, &[w.shape]),
            key(10, &[u64::from(w.flags), first]),
            key(11, &[prev]),
            key(12, &[prev2]),
            key(13, &[prev, prev2]),
            key(14, &[prev, w.lower]),
            key(15, &[self.lower(j - 1)]),
            key(16, &[self.suffix3(j - 1)]),
            key(17, &[self.lower(j - 2)]),
            key(18, &[self.lower(j + 1)]),
            key(19, &[self.suffix3(j + 1)]),
            key(20, &[self.lower(j + 2)]),
            key(21, &[self.amb(j)]),
            key(22, &[self.amb(j + 1)]),
            key(23, &[self.amb(j), prev]),
            key(24, &[self.amb(j), self.amb(j + 1)]),
            key(25, &[w.lower, self.lower(j + 1)]),
            key(26, &[self.lower(j - 1), w.lower]),
            key(27, &[prev, self.amb(j + 1)]),
            key(28, &[self.amb(j + 2)]),
            key(29, &[self.get(j + 1).map_or(OUTSIDE, |l| l.shape)]),
            key(30, &[w.suffix[2], prev]),
            key(31, &[w.shape, self.amb(j)]),
        ]
    }

    /// The second pass's features for word `i`: the first pass's, with the tags the second
    /// pass chose on the left (`prev`, `prev2`), and the tags the first pass chose for the two
    /// words on the right (`next`, `next2`), which ambiguity classes only guess at.
    pub fn second_features(&self, i: usize, left: [u64; 2], right: [u64; 2]) -> [u64; SECOND] {
        let [prev, prev2] = left;
        let [next, next2] = right;
        let w = &self.lexemes[i];
        let mut out = [0; SECOND];
        out[..TAG].copy_from_slice(&self.tag_features(i, prev, prev2));
        out[TAG..].copy_from_slice(&[
            key(50, &[next]),
            key(51, &[next, next2]),
            key(52, &[prev, next]),
            key(53, &[w.lower, next]),
            key(54, &[self.amb(i as isize), next]),
            key(55, &[w.suffix[2], next]),
            key(56, &[self.amb(i as isize), next, next2]),
            key(57, &[w.shape, next]),
        ]);
        out
    }

    /// Features for choosing word `i`'s morphological features, given its tag, the tags of its
    /// neighbours, and the tag and features of the nearest nominal word before it (the likely
    /// subject a verb agrees with).
    pub fn morph_features(&self, i: usize, tags: &MorphTags) -> [u64; MORPH] {
        let w = &self.lexemes[i];
        let j = i as isize;
        let t = tags.tag;
        [
            key(100, &[t]),
            key(101, &[t, w.lower]),
            key(102, &[t, w.suffix[1]]),
            key(103, &[t, w.suffix[2]]),
            key(104, &[t, self.lower(j - 1)]),
            key(105, &[t, self.lower(j + 1)]),
            key(106, &[t, tags.prev]),
            key(107, &[t, tags.next]),
            key(108, &[t, tags.cue_tag, tags.cue_morph]),
            key(109, &[t, tags.cue_word]),
            key(110, &[t, self.lower(j - 2)]),
            key(111, &[t, u64::from(w.flags)]),
            key(112, &[t, tags.cue_distance]),
        ]
    }
}

/// The tag-level context of [`TagContext::morph_features`].
pub struct MorphTags {
    pub tag: u64,
    pub prev: u64,
    pub next: u64,
    pub cue_tag: u64,
    pub cue_morph: u64,
    pub cue_word: u64,
    /// Distance to the cue word, capped at 6 (0: no cue).
    pub cue_distance: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexeme::Scratch;

    #[test]
    fn features_are_distinct_and_look_at_neighbours() {
        let mut scratch = Scratch::default();
        let words = ["The", "talks", "failed"];
        let lexemes: Vec<Lexeme> = words.iter().map(|w| Lexeme::new(w, &mut scratch)).collect();
        let ambiguity = vec![1, 2, 3];
        let ctx = TagContext {
            lexemes: &lexemes,
            ambiguity: &ambiguity,
        };
        let a = ctx.tag_features(1, 7, START_TAG);
        let mut sorted = a.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), a.len(), "two templates collided");
        // Changing the next word changes some features but not the word's own.
        let lexemes2: Vec<Lexeme> = ["The", "talks", "resumed"]
            .iter()
            .map(|w| Lexeme::new(w, &mut scratch))
            .collect();
        let ctx2 = TagContext {
            lexemes: &lexemes2,
            ambiguity: &ambiguity,
        };
        let b = ctx2.tag_features(1, 7, START_TAG);
        assert_eq!(a[1], b[1]);
        assert_ne!(a, b);
        // The first and last words have features for the outside.
        assert_ne!(ctx.tag_features(0, START_TAG, START_TAG), a);
        assert_ne!(ctx.tag_features(2, 7, 8), a);
        // The second pass adds its own features to the first pass's, and sees the right.
        let second = ctx.second_features(1, [7, START_TAG], [8, END_TAG]);
        assert_eq!(&second[..TAG], &a[..]);
        let c = ctx.second_features(1, [7, START_TAG], [9, END_TAG]);
        assert_ne!(second, c);
        let mut sorted = c.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), c.len(), "two templates collided");
    }
}
