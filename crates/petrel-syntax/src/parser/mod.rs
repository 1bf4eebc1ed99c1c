//! The dependency parser: greedy arc-hybrid transitions chosen by an averaged perceptron
//! trained with a dynamic oracle, and arcs named by a second perceptron as they are made.
//!
//! Naming arcs separately (rather than scoring every labelled move) keeps the move model three
//! classes wide, which makes it small and fast; the label model runs once per word.

mod features;
pub(crate) mod oracle;
pub(crate) mod state;
mod train;

pub use features::Words;
pub(crate) use train::{label_index, label_inventory};
pub use train::{train_parser, ParserOptions, ParserReport};

use petrel_text::Token;

use crate::hashing::hash_str;
use crate::lexeme::Lexeme;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::weights::{SmallWeights, Weights};
use features::{
    label_features, labelled_move_features, role_words, unlabelled_move_features, LABEL, LABELLED,
    MOVE, ROLES, UNLABELLED,
};
use state::{Move, State, MOVES, NONE};

const MAGIC: &[u8] = b"petrel parser v1\n";

/// A trained parser.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    /// Dependency relations (UD v2, with subtypes); one of them is `root`.
    labels: Vec<String>,
    root: u16,
    moves: SmallWeights,
    labeller: Weights,
}

/// Reusable buffers for parsing.
#[derive(Default)]
pub struct ParseWork {
    state: State,
    words: Words,
    scores: Vec<i32>,
    /// The move scores of each role's features (see [`features::Role`]) with each word in it
    /// (the last for no word), once looked up in this sentence: `ROLES.len()` runs of n + 2.
    roles: Vec<Option<[i32; 3]>>,
}

impl Parser {
    /// Fills in `head` and `deprel` of tagged tokens (UPOS and XPOS set).
    pub fn annotate(&self, tokens: &mut [Token], lexemes: &[Lexeme], work: &mut ParseWork) {
        work.words.clear();
        for (t, l) in tokens.iter().zip(lexemes) {
            work.words
                .push(l.lower, hash_str(&t.xpos), hash_str(&t.upos));
        }
        work.words.finish();
        self.parse(work);
        work.state.write_tree(tokens, &self.labels);
    }

    /// Parses the sentence in `work.words`, leaving the tree in `work.state`.
    ///
    /// An arc's label is looked up while the next decision's features that need no label are
    /// made, so that the label model's memory accesses (a slot, then its row) wait less.
    fn parse(&self, work: &mut ParseWork) {
        let ParseWork {
            state,
            words,
            scores,
            roles,
        } = work;
        let n = words.word.len() - 1;
        state.start(n);
        roles.clear();
        roles.resize(ROLES.len() * (n + 2), None);
        // The move features of a decision (see `move_scores`), in one buffer for the sentence.
        let mut keys = [0; MOVE];
        // Whether the first `UNLABELLED` keys are the current state's, made while a label was
        // chosen.
        let mut ahead = false;
        while !state.is_final() {
            let m = match state.forced() {
                Some(m) => m,
                None => {
                    if !ahead {
                        keys[..UNLABELLED].copy_from_slice(&unlabelled_move_features(words, state));
                    }
                    ahead = false;
                    let move_scores = self.move_scores(words, state, &mut keys, roles);
                    best_move(state, &move_scores, |_| true)
                }
            };
            let Some((head, dep)) = state.arc(m) else {
                state.apply(m, 0);
                continue;
            };
            if head as usize == n {
                state.apply(m, self.root);
                continue;
            }
            let label_keys = label_features(words, state, head, dep);
            self.labeller.prefetch(&label_keys);
            state.apply_unlabelled(m);
            if !state.is_final() && state.forced().is_none() {
                keys[..UNLABELLED].copy_from_slice(&unlabelled_move_features(words, state));
                ahead = true;
            }
            let mut rows = [(0, 0); LABEL];
            let found = self.labeller.find_rows(&label_keys, &mut rows);
            scores.clear();
            scores.resize(self.labels.len(), 0);
            self.labeller.add_rows(&rows[..found], scores);
            state.set_label(dep, best_label(scores, self.root));
        }
    }

    /// The scores of the three moves in `state`, whose unlabelled features are the first
    /// `UNLABELLED` of `keys`; the rest of `keys` is written over. The features of each role
    /// are looked up only when the role's word is new to it, along with the other features,
    /// and their scores are kept in `roles` for the rest of the sentence.
    fn move_scores(
        &self,
        words: &Words,
        state: &State,
        keys: &mut [u64; MOVE],
        roles: &mut [Option<[i32; 3]>],
    ) -> [i32; 3] {
        let run = roles.len() / ROLES.len();
        keys[UNLABELLED..UNLABELLED + LABELLED]
            .copy_from_slice(&labelled_move_features(words, state));
        // Key groups: the features above, then those of each role whose scores are not known.
        let mut ends = [0; 1 + ROLES.len()];
        ends[0] = UNLABELLED + LABELLED;
        let mut groups = 1;
        let mut places = [0; ROLES.len()];
        let mut missing = [0; ROLES.len()];
        for (r, (word, place)) in role_words(state).into_iter().zip(&mut places).enumerate() {
            *place = r * run + if word == NONE { run - 1 } else { word as usize };
            if roles[*place].is_none() {
                let end = ends[groups - 1];
                ends[groups] = end + ROLES[r].features(words, state, word, &mut keys[end..]);
                missing[groups - 1] = *place;
                groups += 1;
            }
        }
        let mut sums = [[0; 3]; 1 + ROLES.len()];
        self.moves
            .score_groups(&keys[..ends[groups - 1]], &ends[..groups], &mut sums);
        for (&place, sum) in missing[..groups - 1].iter().zip(&sums[1..]) {
            roles[place] = Some(*sum);
        }
        let mut scores = sums[0];
        for &place in &places {
            let role = roles[place].expect("every role's scores are known by now");
            for (s, r) in scores.iter_mut().zip(role) {
                *s += r;
            }
        }
        scores
    }

    pub fn save(&self, w: &mut ModelWriter) {
        w.raw(MAGIC);
        w.strings(&self.labels);
        self.moves.write(w);
        self.labeller.write(w);
    }

    pub fn load(r: &mut ModelReader) -> Result<Parser, ModelError> {
        r.expect_magic(MAGIC)?;
        let (labels, root) = read_labels(r)?;
        let moves = SmallWeights::read(r)?;
        let labeller = Weights::read(r)?;
        if labeller.classes() != labels.len() {
            return Err(r.corrupt("class counts do not match"));
        }
        Ok(Parser {
            labels,
            root,
            moves,
            labeller,
        })
    }

    /// Sizes for reports: (labels, move weights, label weights).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.labels.len(), self.moves.len(), self.labeller.len())
    }
}

/// The best-scoring valid move among those `allowed`; ties go to the earlier move.
fn best_move(state: &State, scores: &[i32; 3], allowed: impl Fn(Move) -> bool) -> Move {
    MOVES
        .into_iter()
        .filter(|&m| state.is_valid(m) && allowed(m))
        .max_by_key(|&m| (scores[m as usize], std::cmp::Reverse(m as u8)))
        .expect("a non-final state has a valid move")
}

/// The best label other than `root` (which only the root's arc takes); ties go to the
/// earlier label. The root's score is overwritten.
///
/// The root's score is made the lowest there is, so that the highest score is found over the
/// plain slice (a few vector instructions), then where it first is.
fn best_label(scores: &mut [i32], root: u16) -> u16 {
    let root = usize::from(root);
    if let Some(s) = scores.get_mut(root) {
        *s = i32::MIN;
    }
    let top = scores.iter().copied().max().unwrap_or(i32::MIN);
    scores
        .iter()
        .enumerate()
        .position(|(i, &s)| s == top && i != root)
        .unwrap_or(usize::from(root == 0)) as u16
}

/// A parser model's relations, and the number of `root` among them (which must be there).
pub(crate) fn read_labels(r: &mut ModelReader) -> Result<(Vec<String>, u16), ModelError> {
    let labels = r.strings()?;
    let root = labels
        .iter()
        .position(|l| l == "root")
        .ok_or_else(|| r.corrupt("no root relation"))? as u16;
    Ok((labels, root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_label_never_picks_root() {
        assert_eq!(best_label(&mut [5, 9, 1], 1), 0);
        assert_eq!(best_label(&mut [9, 1, 3], 0), 2);
        assert_eq!(
            best_label(&mut [4, 7, 7], 0),
            1,
            "ties go to the earlier label"
        );
        assert_eq!(best_label(&mut [7, 9, 7], 1), 0);
        assert_eq!(best_label(&mut [i32::MIN, i32::MIN], 0), 1);
        assert_eq!(best_label(&mut [i32::MIN, i32::MIN], 1), 0);
    }

    #[test]
    fn best_move_respects_validity() {
        let mut s = State::default();
        s.start(2);
        // Only SHIFT is valid at the start, whatever the scores.
        assert_eq!(best_move(&s, &[-5, 10, 10], |_| true), Move::Shift);
        s.apply(Move::Shift, 0);
        assert_eq!(best_move(&s, &[0, 3, 10], |_| true), Move::Left);
        assert_eq!(best_move(&s, &[0, 3, 10], |m| m != Move::Left), Move::Shift);
    }
}
