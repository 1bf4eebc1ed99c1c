//! The arc-hybrid transition system (Kuhlmann et al. 2011), with the root as the last item of
//! the buffer (Ballesteros & Nivre 2013) so that every word receives exactly one head and the
//! sentence exactly one root.
//!
//! Words are numbered 0..n; the root is number n. SHIFT moves the front of the buffer onto the
//! stack; LEFT makes the buffer front the head of the stack top and pops it; RIGHT makes the
//! second stack item the head of the top and pops it. LEFT onto the root is allowed only when
//! the stack holds one word, which makes it the sentence root.

use petrel_text::Token;

/// No word: an absent head, child or position.
pub const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift = 0,
    Left = 1,
    Right = 2,
}

pub const MOVES: [Move; 3] = [Move::Shift, Move::Left, Move::Right];

/// A parser configuration, with the tree built so far and what the features need to know
/// about each word's children.
#[derive(Default)]
pub struct State {
    n: usize,
    stack: Vec<u32>,
    /// Front of the buffer (n when only the root is left).
    front: usize,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    /// Outermost and second-outermost left children of each word (and the root).
    pub left: Vec<[u32; 2]>,
    /// Outermost and second-outermost right children.
    pub right: Vec<[u32; 2]>,
    pub left_count: Vec<u8>,
    pub right_count: Vec<u8>,
    /// Labels of the left and right children, as bit sets (label number mod 64).
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
    pub on_stack: Vec<bool>,
}

impl State {
    /// Writes the finished tree into `tokens`: heads numbered from 1 with 0 for the root (the
    /// state's word n), relations named from `labels`.
    pub fn write_tree(&self, tokens: &mut [Token], labels: &[String]) {
        let n = tokens.len();
        for (i, t) in tokens.iter_mut().enumerate() {
            let head = self.heads[i] as usize;
            t.head = if head == n { 0 } else { head + 1 };
            t.deprel.clear();
            t.deprel.push_str(&labels[usize::from(self.labels[i])]);
        }
    }

    /// Resets to the initial configuration for a sentence of `n` words, reusing the buffers.
    pub fn start(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.front = 0;
        let reset = |v: &mut Vec<_>, x| {
            v.clear();
            v.resize(n + 1, x);
        };
        reset(&mut self.heads, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.left.clear();
        self.left.resize(n + 1, [NONE; 2]);
        self.right.clear();
        self.right.resize(n + 1, [NONE; 2]);
        self.left_count.clear();
        self.left_count.resize(n + 1, 0);
        self.right_count.clear();
        self.right_count.resize(n + 1, 0);
        self.left_labels.clear();
        self.left_labels.resize(n + 1, 0);
        self.right_labels.clear();
        self.right_labels.resize(n + 1, 0);
        self.on_stack.clear();
        self.on_stack.resize(n + 1, false);
    }

    /// The number of words (also the root's number).
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.front == self.n
    }

    /// The `i`th stack item from the top, or [`NONE`].
    #[inline]
    pub fn stack(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    /// The `i`th buffer item (the root counts as the last), or [`NONE`].
    #[inline]
    pub fn buffer(&self, i: usize) -> u32 {
        let j = self.front + i;
        if j <= self.n {
            j as u32
        } else {
            NONE
        }
    }

    /// Index of the buffer front.
    pub fn front(&self) -> usize {
        self.front
    }

    pub fn is_valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.front < self.n,
            Move::Left => !self.stack.is_empty() && (self.front < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// The only valid move, when there is just one (the first move, the moves once only the
    /// root is left in the buffer): no need to score the others.
    pub fn forced(&self) -> Option<Move> {
        let mut valid = MOVES.into_iter().filter(|&m| self.is_valid(m));
        let first = valid.next();
        if valid.next().is_some() {
            None
        } else {
            first
        }
    }

    /// The (head, dependent) an arc move would add.
    pub fn arc(&self, m: Move) -> Option<(u32, u32)> {
        match m {
            Move::Shift => None,
            Move::Left => Some((self.front as u32, self.stack(0))),
            Move::Right => Some((self.stack(1), self.stack(0))),
        }
    }

    /// Applies a valid move; arc moves attach with `label`.
    pub fn apply(&mut self, m: Move, label: u16) {
        if let Some((_, dep)) = self.apply_unlabelled(m) {
            self.set_label(dep, label);
        }
    }

    /// Applies a valid move, returning the arc it made (if any) without a label: name it with
    /// [`State::set_label`] before anything looks at labels.
    pub fn apply_unlabelled(&mut self, m: Move) -> Option<(u32, u32)> {
        debug_assert!(self.is_valid(m));
        match m {
            Move::Shift => {
                self.on_stack[self.front] = true;
                self.stack.push(self.front as u32);
                self.front += 1;
                None
            }
            Move::Left | Move::Right => {
                let (head, dep) = self.arc(m).expect("arc move");
                self.stack.pop();
                self.on_stack[dep as usize] = false;
                self.attach(head, dep);
                Some((head, dep))
            }
        }
    }

    fn attach(&mut self, head: u32, dep: u32) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        if dep < head {
            self.left[h] = [dep, self.left[h][0]];
            self.left_count[h] = self.left_count[h].saturating_add(1);
        } else {
            self.right[h] = [dep, self.right[h][0]];
            self.right_count[h] = self.right_count[h].saturating_add(1);
        }
    }

    /// Names the arc that made `dep` a dependent.
    pub fn set_label(&mut self, dep: u32, label: u16) {
        let (d, h) = (dep as usize, self.heads[dep as usize] as usize);
        self.labels[d] = label;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.left_labels[h] |= bit;
        } else {
            self.right_labels[h] |= bit;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_parses_to_one_root() {
        // "John saw Mary": saw is the root, John and Mary its children.
        let mut s = State::default();
        s.start(3);
        assert!(!s.is_valid(Move::Left) && !s.is_valid(Move::Right));
        s.apply(Move::Shift, 0); // [John]
        s.apply(Move::Left, 1); // saw <- John
        s.apply(Move::Shift, 0); // [saw]
        s.apply(Move::Shift, 0); // [saw Mary]
        assert!(!s.is_valid(Move::Shift));
        assert!(
            !s.is_valid(Move::Left),
            "root takes a left child only when alone"
        );
        s.apply(Move::Right, 2); // saw -> Mary
        assert!(s.is_valid(Move::Left));
        s.apply(Move::Left, 3); // root <- saw
        assert!(s.is_final());
        assert_eq!(&s.heads[..3], &[1, 3, 1]);
        assert_eq!(s.left[1], [0, NONE]);
        assert_eq!(s.right[1], [2, NONE]);
        assert_eq!(s.left_labels[1], 1 << 1);
        assert_eq!(s.right_labels[1], 1 << 2);
    }

    #[test]
    fn forced_moves_are_the_only_valid_ones() {
        let mut s = State::default();
        s.start(2);
        assert_eq!(
            s.forced(),
            Some(Move::Shift),
            "an empty stack can only shift"
        );
        s.apply(Move::Shift, 0);
        assert_eq!(s.forced(), None, "SHIFT or LEFT");
        s.apply(Move::Shift, 0);
        assert_eq!(
            s.forced(),
            Some(Move::Right),
            "only the root is left to shift onto"
        );
        s.apply(Move::Right, 0);
        assert_eq!(s.forced(), Some(Move::Left), "the last word takes the root");
    }

    #[test]
    fn outermost_children_come_first() {
        // a b c: c heads both a and b.
        let mut s = State::default();
        s.start(3);
        s.apply(Move::Shift, 0);
        s.apply(Move::Shift, 0);
        s.apply(Move::Left, 0); // c <- b
        s.apply(Move::Left, 0); // c <- a
        assert_eq!(s.left[2], [0, 1]);
        assert_eq!(s.left_count[2], 2);
    }
}
