//! Feature templates of the parser, after Zhang & Nivre (2011) adapted to the arc-hybrid
//! system: words and tags of the top three stack items and the first three buffer items, their
//! outermost children and those children's labels, the distance between stack top and buffer
//! front, how many children each already has and with which labels, and conjunctions of these;
//! also the second stack item against the buffer front (the two candidate heads of the stack
//! top) and how many punctuation marks and verbs lie between the words a move would join.
//!
//! The label model, which names an arc once the move model has chosen it, looks at the head and
//! dependent, their children so far, the words around them, and the next word not yet attached.

use super::state::{State, NONE};
use crate::hashing::{hash_str, key};

const ABSENT: u64 = 0x6162_7365_6e74_0001;
const ROOT: u64 = 0x726f_6f74_0000_0001;
const NO_LABEL: u64 = 0x6e6f_6c61_6265_6c01;

/// The atoms of each word of a sentence, with the root last.
#[derive(Default)]
pub struct Words {
    /// Lower-case form hash.
    pub word: Vec<u64>,
    /// XPOS hash.
    pub tag: Vec<u64>,
    /// UPOS hash.
    pub upos: Vec<u64>,
    /// Number of punctuation marks and of verbs before each word (prefix counts), so that
    /// what lies between two words is known in constant time.
    punct_before: Vec<u32>,
    verbs_before: Vec<u32>,
}

impl Words {
    /// Starts a sentence; push each word with [`Words::push`], then call [`Words::finish`].
    pub fn clear(&mut self) {
        self.word.clear();
        self.tag.clear();
        self.upos.clear();
    }

    pub fn push(&mut self, word: u64, tag: u64, upos: u64) {
        self.word.push(word);
        self.tag.push(tag);
        self.upos.push(upos);
    }

    /// Adds the root and counts punctuation and verbs.
    pub fn finish(&mut self) {
        self.push(ROOT, ROOT, ROOT);
        let (punct, verb) = (hash_str("PUNCT"), hash_str("VERB"));
        self.punct_before.clear();
        self.verbs_before.clear();
        let (mut p, mut v) = (0u32, 0u32);
        for &u in &self.upos {
            self.punct_before.push(p);
            self.verbs_before.push(v);
            p += u32::from(u == punct);
            v += u32::from(u == verb);
        }
    }

    /// Punctuation marks and verbs strictly between `a` and `b` (each capped at 3), as one
    /// atom; a fixed atom when either is absent.
    #[inline]
    fn between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return ABSENT;
        }
        let (lo, hi) = (a.min(b) as usize, a.max(b) as usize);
        if hi == lo {
            return 0;
        }
        let p = self.punct_before[hi] - self.punct_before[lo + 1];
        let v = self.verbs_before[hi] - self.verbs_before[lo + 1];
        u64::from(p.min(3)) * 4 + u64::from(v.min(3))
    }

    #[inline]
    fn w(&self, i: u32) -> u64 {
        if i == NONE {
            ABSENT
        } else {
            self.word[i as usize]
        }
    }

    #[inline]
    fn p(&self, i: u32) -> u64 {
        if i == NONE {
            ABSENT
        } else {
            self.tag[i as usize]
        }
    }

    #[inline]
    fn u(&self, i: u32) -> u64 {
        if i == NONE {
            ABSENT
        } else {
            self.upos[i as usize]
        }
    }
}

#[inline]
fn label(s: &State, i: u32) -> u64 {
    if i == NONE || s.heads[i as usize] == NONE {
        NO_LABEL
    } else {
        u64::from(s.labels[i as usize]) + 1
    }
}

#[inline]
fn child(children: &[[u32; 2]], i: u32, which: usize) -> u32 {
    if i == NONE {
        NONE
    } else {
        children[i as usize][which]
    }
}

#[inline]
fn count(counts: &[u8], i: u32) -> u64 {
    if i == NONE {
        u64::MAX
    } else {
        u64::from(counts[i as usize])
    }
}

#[inline]
fn label_set(sets: &[u64], i: u32) -> u64 {
    if i == NONE {
        u64::MAX
    } else {
        sets[i as usize]
    }
}

/// Distance between two words in buckets 1–4, 5–7, 8–12, 13+ (0 when either is absent).
#[inline]
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d),
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// Number of move features that look at no relation label and are not [`Role`] features.
pub const UNLABELLED: usize = 44;
/// Number of move features that look at relation labels and are not [`Role`] features.
pub const LABELLED: usize = 7;
/// Number of features of the label model.
pub const LABEL: usize = 31;
/// The most features a [`Role`] has.
pub const MAX_ROLE: usize = 24;
/// Number of move features in all: the roles' (55), the other unlabelled ones, the labelled.
pub const MOVE: usize = 55 + UNLABELLED + LABELLED;

/// A word's place in a configuration, for the move features that are fixed while that word is
/// in it:
/// - the buffer front: it and the next two words of the sentence (the buffer is the rest of
///   the sentence in order);
/// - the stack top: the top three stack items, and the children of the second. The items
///   under a word never change while it is on the stack, and the second gains children only
///   by taking the top as one, which pops the top for good;
/// - an outer child of the stack top or buffer front: the child's form, tag and relation
///   (named before the next move is chosen, and never changed).
///
/// These features score the same whenever the same word is in the same place again, which
/// happens about twice a word in a sentence, so the parser keeps their scores for the
/// sentence rather than look them up again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Front,
    Top,
    S0Left,
    S0Left2,
    S0Right,
    S0Right2,
    FrontLeft,
    FrontLeft2,
}

pub const ROLES: [Role; 8] = [
    Role::Front,
    Role::Top,
    Role::S0Left,
    Role::S0Left2,
    Role::S0Right,
    Role::S0Right2,
    Role::FrontLeft,
    Role::FrontLeft2,
];

impl Role {
    /// The word in this place in `s` ([`NONE`] if there is none).
    #[inline(always)]
    pub fn word(self, s: &State) -> u32 {
        match self {
            Role::Front => s.buffer(0),
            Role::Top => s.stack(0),
            Role::S0Left => child(&s.left, s.stack(0), 0),
            Role::S0Left2 => child(&s.left, s.stack(0), 1),
            Role::S0Right => child(&s.right, s.stack(0), 0),
            Role::S0Right2 => child(&s.right, s.stack(0), 1),
            Role::FrontLeft => child(&s.left, s.buffer(0), 0),
            Role::FrontLeft2 => child(&s.left, s.buffer(0), 1),
        }
    }

    /// The features of this place in `s`, where word `i` is (see [`Role::word`]), into the
    /// start of `out`; how many.
    #[inline(always)]
    pub fn features(self, x: &Words, s: &State, i: u32, out: &mut [u64]) -> usize {
        let (w, p) = (x.w(i), x.p(i));
        let mut put = |keys: &[u64]| {
            out[..keys.len()].copy_from_slice(keys);
            keys.len()
        };
        match self {
            Role::Front => {
                let last = x.word.len() as u32 - 1;
                let next = |i: u32| if i < last { i + 1 } else { NONE };
                let (b1, b2) = (next(i), next(next(i)));
                let (b1w, b1p, b2w, b2p) = (x.w(b1), x.p(b1), x.w(b2), x.p(b2));
                put(&[
                    key(0, &[]),
                    key(4, &[w, p]),
                    key(5, &[w]),
                    key(6, &[p]),
                    key(7, &[b1w, b1p]),
                    key(8, &[b1w]),
                    key(9, &[b1p]),
                    key(10, &[b2w, b2p]),
                    key(11, &[b2w]),
                    key(12, &[b2p]),
                    key(27, &[p, b1p]),
                    key(32, &[w, b1w]),
                    key(40, &[p, b1p, b2p]),
                ])
            }
            Role::Top => {
                let (s0, s1, s2) = (i, s.stack(1), s.stack(2));
                let (s0w, s0p, s1w, s1p, s2w, s2p) = (w, p, x.w(s1), x.p(s1), x.w(s2), x.p(s2));
                let (s1l, s1r) = (child(&s.left, s1, 0), child(&s.right, s1, 0));
                let d1 = distance(s1, s0);
                put(&[
                    key(1, &[s0w, s0p]),
                    key(2, &[s0w]),
                    key(3, &[s0p]),
                    key(13, &[s1w, s1p]),
                    key(14, &[s1w]),
                    key(15, &[s1p]),
                    key(16, &[s2p]),
                    key(17, &[s2w]),
                    key(28, &[s1w, s0w]),
                    key(29, &[s1p, s0p]),
                    key(30, &[s1p, s0w]),
                    key(31, &[s1w, s0p]),
                    key(46, &[s1p, x.p(s1r), s0p]),
                    key(47, &[s2p, s1p, s0p]),
                    key(50, &[s1p, x.p(s1l), s0p]),
                    key(66, &[s1p, s0p, d1]),
                    key(67, &[s1w, s0w, d1]),
                    key(76, &[s1p, count(&s.right_count, s1)]),
                    key(101, &[label(s, s1r), s1p]),
                    key(102, &[label(s, s1l), s1p]),
                    key(116, &[s1p, label_set(&s.left_labels, s1)]),
                    key(123, &[s2w, s1p, s0p]),
                    key(136, &[s1p, s0p, x.between(s1, s0)]),
                    key(142, &[s1w, s1p, s0w, s0p]),
                ])
            }
            Role::S0Left => put(&[key(80, &[w]), key(81, &[p]), key(82, &[label(s, i)])]),
            Role::S0Right => put(&[key(83, &[w]), key(84, &[p]), key(85, &[label(s, i)])]),
            Role::FrontLeft => put(&[key(86, &[w]), key(87, &[p]), key(88, &[label(s, i)])]),
            Role::S0Left2 => put(&[key(89, &[w]), key(90, &[p]), key(91, &[label(s, i)])]),
            Role::S0Right2 => put(&[key(92, &[w]), key(93, &[p]), key(94, &[label(s, i)])]),
            Role::FrontLeft2 => put(&[key(95, &[w]), key(96, &[p]), key(97, &[label(s, i)])]),
        }
    }
}

/// The word in each of the [`ROLES`] in `s`, in that order: [`Role::word`] of each, made in
/// one straight run rather than a dispatch per role, as this runs for every move chosen.
#[inline]
pub fn role_words(s: &State) -> [u32; ROLES.len()] {
    let (s0, b0) = (s.stack(0), s.buffer(0));
    [
        b0,
        s0,
        child(&s.left, s0, 0),
        child(&s.left, s0, 1),
        child(&s.right, s0, 0),
        child(&s.right, s0, 1),
        child(&s.left, b0, 0),
        child(&s.left, b0, 1),
    ]
}

/// Features for choosing the next move, into `out` (cleared first).
pub fn move_features(x: &Words, s: &State, out: &mut Vec<u64>) {
    out.clear();
    let mut keys = [0; MAX_ROLE];
    for role in ROLES {
        let n = role.features(x, s, role.word(s), &mut keys);
        out.extend_from_slice(&keys[..n]);
    }
    out.extend_from_slice(&unlabelled_move_features(x, s));
    out.extend_from_slice(&labelled_move_features(x, s));
}

/// The move features that look at no relation label, other than the [`Role`] features: those
/// can be made while the label of the arc just made is still being chosen.
pub fn unlabelled_move_features(x: &Words, s: &State) -> [u64; UNLABELLED] {
    let (s0, s1) = (s.stack(0), s.stack(1));
    let (b0, b1) = (s.buffer(0), s.buffer(1));
    let (s0w, s0p, b0w, b0p) = (x.w(s0), x.p(s0), x.w(b0), x.p(b0));
    let b1p = x.p(b1);
    let (s1w, s1p) = (x.w(s1), x.p(s1));
    let (s0l, s0l2) = (child(&s.left, s0, 0), child(&s.left, s0, 1));
    let (s0r, s0r2) = (child(&s.right, s0, 0), child(&s.right, s0, 1));
    let (b0l, b0l2) = (child(&s.left, b0, 0), child(&s.left, b0, 1));
    let (s0lp, s0rp, b0lp) = (x.p(s0l), x.p(s0r), x.p(b0l));
    let d = distance(s0, b0);
    [
        // Pairs.
        key(20, &[s0w, s0p, b0w, b0p]),
        key(21, &[s0w, s0p, b0w]),
        key(22, &[s0w, b0w, b0p]),
        key(23, &[s0w, s0p, b0p]),
        key(24, &[s0p, b0w, b0p]),
        key(25, &[s0w, b0w]),
        key(26, &[s0p, b0p]),
        // Triples.
        key(41, &[s0p, b0p, b1p]),
        key(42, &[s1p, s0p, b0p]),
        key(43, &[s0p, s0lp, b0p]),
        key(44, &[s0p, s0rp, b0p]),
        key(45, &[s0p, b0p, b0lp]),
        key(48, &[s1p, s0p, s0rp]),
        key(49, &[s1p, s0p, s0lp]),
        key(51, &[s0w, s0p, b0p, b1p]),
        // Distance.
        key(60, &[s0w, d]),
        key(61, &[s0p, d]),
        key(62, &[b0w, d]),
        key(63, &[b0p, d]),
        key(64, &[s0w, b0w, d]),
        key(65, &[s0p, b0p, d]),
        // Valency.
        key(70, &[s0w, count(&s.right_count, s0)]),
        key(71, &[s0p, count(&s.right_count, s0)]),
        key(72, &[s0w, count(&s.left_count, s0)]),
        key(73, &[s0p, count(&s.left_count, s0)]),
        key(74, &[b0w, count(&s.left_count, b0)]),
        key(75, &[b0p, count(&s.left_count, b0)]),
        // Children.
        key(98, &[s0p, s0lp, x.p(s0l2)]),
        key(99, &[s0p, s0rp, x.p(s0r2)]),
        key(100, &[b0p, b0lp, x.p(b0l2)]),
        // Universal tags.
        key(120, &[x.u(s0), x.u(b0)]),
        key(121, &[x.u(s1), x.u(s0), x.u(b0)]),
        key(122, &[x.u(s0), x.u(b0), x.u(b1)]),
        // Second stack item against the buffer front (RIGHT against LEFT).
        key(130, &[s1w, s0p, b0p]),
        key(131, &[s1p, s0w, b0p]),
        key(132, &[s1p, s0p, b0w]),
        key(133, &[s1p, b0p, distance(s1, b0)]),
        key(134, &[s1w, b0w]),
        // What lies between the words to be joined.
        key(135, &[s0p, b0p, x.between(s0, b0)]),
        key(137, &[s0w, b0p, x.between(s0, b0)]),
        // More conjunctions.
        key(138, &[s0p, s0lp, s0rp, b0p]),
        key(139, &[b0w, b0p, b0lp]),
        key(140, &[s0w, b0p, b1p]),
        key(141, &[s0p, b0w, b1p]),
    ]
}

/// The move features that look at relation labels (of children so far), other than the
/// [`Role`] features.
pub fn labelled_move_features(x: &Words, s: &State) -> [u64; LABELLED] {
    let (s0, b0) = (s.stack(0), s.buffer(0));
    let (s0w, s0p, b0w, b0p) = (x.w(s0), x.p(s0), x.w(b0), x.p(b0));
    let (s0l, s0r) = (child(&s.left, s0, 0), child(&s.right, s0, 0));
    [
        key(103, &[s0p, label(s, s0l), label(s, s0r)]),
        key(110, &[s0w, label_set(&s.right_labels, s0)]),
        key(111, &[s0p, label_set(&s.right_labels, s0)]),
        key(112, &[s0w, label_set(&s.left_labels, s0)]),
        key(113, &[s0p, label_set(&s.left_labels, s0)]),
        key(114, &[b0w, label_set(&s.left_labels, b0)]),
        key(115, &[b0p, label_set(&s.left_labels, b0)]),
    ]
}

/// Features for naming the arc `head` → `dep` just chosen.
pub fn label_features(x: &Words, s: &State, head: u32, dep: u32) -> [u64; LABEL] {
    let dir = u64::from(dep < head);
    let (hw, hp, hu) = (x.w(head), x.p(head), x.u(head));
    let (dw, dp, du) = (x.w(dep), x.p(dep), x.u(dep));
    let (dl, dr) = (child(&s.left, dep, 0), child(&s.right, dep, 0));
    let next = |i: u32| {
        if i == NONE || i as usize >= s.len() {
            NONE
        } else {
            i + 1
        }
    };
    let prev = |i: u32| {
        if i == NONE || i == 0 || i as usize > s.len() {
            NONE
        } else {
            i - 1
        }
    };
    let (dn, dpv) = (next(dep), prev(dep));
    let dist = distance(head, dep);
    let next_free = if s.buffer(0) == head {
        s.buffer(1)
    } else {
        s.buffer(0)
    };
    [
        key(200, &[dir]),
        key(201, &[dir, dw]),
        key(202, &[dir, dp]),
        key(203, &[dir, du]),
        key(204, &[dir, hw]),
        key(205, &[dir, hp]),
        key(206, &[dir, hu, du]),
        key(207, &[dir, hp, dp]),
        key(208, &[dir, hw, dp]),
        key(209, &[dir, hp, dw]),
        key(210, &[dir, hw, dw]),
        key(211, &[dir, hp, dp, dist]),
        key(212, &[dir, dp, label(s, dl), x.w(dl)]),
        key(213, &[dir, dp, label(s, dr)]),
        key(214, &[dir, hu, x.w(dl)]),
        key(215, &[dir, dp, label_set(&s.left_labels, dep)]),
        key(216, &[dir, dp, label_set(&s.right_labels, dep)]),
        key(217, &[dir, dp, label_set(&s.left_labels, head)]),
        key(218, &[dir, dp, label_set(&s.right_labels, head)]),
        key(219, &[dir, dp, x.p(dn)]),
        key(220, &[dir, dp, x.p(dpv)]),
        key(221, &[dir, hp, dp, x.p(dn)]),
        key(222, &[dir, hu, du, x.u(dl)]),
        key(223, &[dir, dw, x.w(dn)]),
        key(224, &[dir, hw, du]),
        key(225, &[dir, du, x.w(dr)]),
        // The next word not yet attached: what follows the dependent (a second object, a
        // verb after a subject).
        key(226, &[dir, dp, x.p(next_free)]),
        key(227, &[dir, hp, dp, x.p(next_free)]),
        key(228, &[dir, du, x.w(next_free)]),
        key(229, &[dir, hp, dp, x.between(head, dep)]),
        key(230, &[dir, hu, du, label_set(&s.left_labels, dep)]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::state::Move;

    fn words(n: usize) -> Words {
        let mut x = Words::default();
        for i in 0..n as u64 {
            x.push(100 + i, 200 + i % 3, 300 + i % 2);
        }
        x.finish();
        x
    }

    #[test]
    fn templates_never_collide_and_see_the_configuration() {
        let x = words(4);
        let mut s = State::default();
        s.start(4);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        move_features(&x, &s, &mut a);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), a.len(), "two templates gave the same key");
        s.apply(Move::Shift, 0);
        move_features(&x, &s, &mut b);
        assert_eq!(a.len(), b.len());
        assert_eq!(a[0], b[0], "bias is constant");
        assert_ne!(a[1], b[1], "the buffer front changed");
        assert_eq!(a.len(), MOVE);
    }

    #[test]
    fn role_features_stay_fixed_while_their_word_is_in_place() {
        // Random valid moves over sentences of every length up to 12, with random labels:
        // whenever a word is back in a place, that place's features are what they were the
        // first time, which is what lets the parser keep their scores.
        let mut rng = crate::rng::Rng::new(7);
        for n in 1..=12 {
            for _ in 0..20 {
                let x = words(n);
                let mut s = State::default();
                s.start(n);
                let mut seen: std::collections::HashMap<(usize, u32), Vec<u64>> =
                    Default::default();
                while !s.is_final() {
                    assert_eq!(role_words(&s), ROLES.map(|role| role.word(&s)));
                    for (r, role) in ROLES.into_iter().enumerate() {
                        let word = role.word(&s);
                        let mut keys = [0; MAX_ROLE];
                        let len = role.features(&x, &s, word, &mut keys);
                        let first = seen
                            .entry((r, word))
                            .or_insert_with(|| keys[..len].to_vec());
                        assert_eq!(first[..], keys[..len], "{role:?} of word {word}");
                    }
                    let valid: Vec<Move> = [Move::Shift, Move::Left, Move::Right]
                        .into_iter()
                        .filter(|&m| s.is_valid(m))
                        .collect();
                    let m = valid[rng.below(valid.len())];
                    s.apply(m, rng.below(40) as u16);
                }
            }
        }
    }

    #[test]
    fn between_counts_punctuation_and_verbs_strictly_inside() {
        let (punct, verb, noun) = (hash_str("PUNCT"), hash_str("VERB"), hash_str("NOUN"));
        let mut x = Words::default();
        for u in [noun, punct, verb, punct, verb, noun] {
            x.push(1, 2, u);
        }
        x.finish();
        assert_eq!(x.between(0, 5), 2 * 4 + 2);
        assert_eq!(x.between(5, 0), x.between(0, 5));
        assert_eq!(x.between(1, 3), 1, "the ends themselves do not count");
        assert_eq!(x.between(2, 3), 0);
        assert_eq!(x.between(0, NONE), ABSENT);
        // The root (number 6) is past every word.
        assert_eq!(x.between(2, 6), 4 + 1);
    }

    #[test]
    fn label_features_depend_on_direction() {
        let x = words(3);
        let mut s = State::default();
        s.start(3);
        let (a, b) = (label_features(&x, &s, 1, 0), label_features(&x, &s, 0, 1));
        assert_ne!(a[0], b[0]);
        // The root as head, and the last word as dependent, stay inside the sentence.
        label_features(&x, &s, 3, 2);
    }
}
