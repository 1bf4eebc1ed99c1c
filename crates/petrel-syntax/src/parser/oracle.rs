//! The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013): the cost of a move is
//! the number of gold arcs it makes unreachable. Training follows zero-cost moves, or after the
//! first iterations sometimes the model's own mistakes, and learns to recover from them.
//!
//! Costs are exact for projective gold trees; for the few non-projective ones they are a close
//! approximation, which is all training needs.

use super::state::{Move, State, NONE};

/// A sentence's gold tree, with the root numbered n as in [`State`].
pub struct Gold {
    pub heads: Vec<u32>,
    pub children: Vec<Vec<u32>>,
}

impl Gold {
    /// From CoNLL-U heads (1-based, 0 for the root).
    pub fn new(conllu_heads: &[usize]) -> Gold {
        let n = conllu_heads.len();
        let heads: Vec<u32> = conllu_heads
            .iter()
            .map(|&h| if h == 0 { n as u32 } else { (h - 1) as u32 })
            .collect();
        let mut children = vec![Vec::new(); n + 1];
        for (d, &h) in heads.iter().enumerate() {
            children[h as usize].push(d as u32);
        }
        Gold { heads, children }
    }

    /// Gold arcs lost by making `m` in `state` (`m` must be valid).
    pub fn cost(&self, state: &State, m: Move) -> u32 {
        let front = state.front();
        let in_buffer = |i: u32| i != NONE && i as usize >= front;
        match m {
            Move::Shift => {
                let b0 = front;
                let s0 = state.stack(0);
                let head = self.heads[b0];
                let lost_head = u32::from(state.on_stack[head as usize] && head != s0);
                let lost_children = self.children[b0]
                    .iter()
                    .filter(|&&d| state.on_stack[d as usize])
                    .count() as u32;
                lost_head + lost_children
            }
            Move::Left | Move::Right => {
                let s0 = state.stack(0);
                let head = self.heads[s0 as usize];
                let lost_head = match m {
                    Move::Left => u32::from(
                        head != front as u32 && (head == state.stack(1) || in_buffer(head)),
                    ),
                    _ => u32::from(in_buffer(head)),
                };
                let lost_children = self.children[s0 as usize]
                    .iter()
                    .filter(|&&d| in_buffer(d))
                    .count() as u32;
                lost_head + lost_children
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::state::MOVES;
    use super::*;

    /// Follows zero-cost moves only; must rebuild any projective tree exactly.
    fn follow(heads: &[usize]) -> Vec<u32> {
        let gold = Gold::new(heads);
        let mut s = State::default();
        s.start(heads.len());
        while !s.is_final() {
            let m = MOVES
                .into_iter()
                .find(|&m| s.is_valid(m) && gold.cost(&s, m) == 0)
                .expect("a zero-cost move always exists for a projective tree");
            s.apply(m, 0);
        }
        s.heads[..heads.len()].to_vec()
    }

    #[test]
    fn zero_cost_moves_rebuild_projective_trees() {
        for heads in [
            vec![2, 0, 2],
            vec![0],
            vec![2, 0, 4, 2, 2],
            vec![3, 3, 0, 5, 3, 7, 5],
            vec![0, 1, 2, 3, 4],
            vec![5, 5, 5, 5, 0],
        ] {
            let n = heads.len() as u32;
            let expected: Vec<u32> = heads
                .iter()
                .map(|&h| if h == 0 { n } else { h as u32 - 1 })
                .collect();
            assert_eq!(follow(&heads), expected, "{heads:?}");
        }
    }

    #[test]
    fn costs_count_lost_arcs() {
        // "John saw Mary" with John <- saw -> Mary.
        let gold = Gold::new(&[2, 0, 2]);
        let mut s = State::default();
        s.start(3);
        s.apply(Move::Shift, 0); // [John], buffer saw
        assert_eq!(gold.cost(&s, Move::Left), 0);
        // Shifting "saw" over John loses John's head.
        assert_eq!(gold.cost(&s, Move::Shift), 1);
        s.apply(Move::Shift, 0); // [John saw], buffer Mary
                                 // RIGHT makes John the head of "saw", losing saw's arcs to Mary (in the buffer) and
                                 // to the root. (John's own head was already lost by the shift.)
        assert_eq!(gold.cost(&s, Move::Right), 2);
    }
}
