//! A dependency parser over BiLSTM features (Kiperwasser & Goldberg 2016): the arc-hybrid
//! transitions and dynamic oracle of [`crate::parser`], with each configuration scored by an
//! MLP over the BiLSTM vectors of the top three stack items and the buffer front.
//!
//! The encoder reads the whole sentence, so a word's vector already knows its context; that
//! is what a greedy linear model lacks. The price is speed: every word costs two LSTM steps
//! and four slot products (see [`scorer`]). Several such parsers trained from different
//! seeds parse as one ([`NeuralEnsemble`], what a model file holds), which is more accurate
//! than any of them and costs each one's work.

mod adam;
mod cache;
mod embeddings;
mod encoder;
mod ensemble;
mod linalg;
mod lstm;
mod param;
mod pretrained;
mod scorer;
mod tags;
mod train;

pub use ensemble::{EnsembleWork, NeuralEnsemble};
pub use pretrained::{Pretrained, VectorsError};
pub use train::{train_neural_parser, NeuralData, NeuralOptions, NeuralReport};

use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::parser::state::{Move, State, MOVES, NONE};
use crate::rng::Rng;
use cache::InputCache;
use embeddings::{Inputs, FIELDS};
use encoder::{Encoder, EncoderWork};
use param::Param;
use scorer::{Scorer, ScorerWork, SLOTS};
use tags::TagHead;

/// Embedding rows per table whose first-layer products are cached. Of the running words of
/// EWT dev, 1,000 rows cover 75% in the form table and 65% in the pretrained one; the rest
/// are multiplied as they come. A row takes 4 KB with 128 LSTM units per direction, so the
/// two large tables take 8 MB a member, and building them is most of the model's load time.
/// Caching 2,000 rows parsed no faster (within noise) and took 24 MB more memory and about
/// 40 ms more to load two members on one core.
const CACHED_ROWS: usize = 1000;

/// The neural parser's file name in a models directory.
pub const NEURAL_PARSER_FILE: &str = "nparser.bin";

/// A trained neural parser: one member of a [`NeuralEnsemble`], which is what a file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct NeuralParser {
    /// Dependency relations (UD v2, with subtypes); one of them is `root`.
    labels: Vec<String>,
    root: u16,
    inputs: Inputs,
    encoder: Encoder,
    /// Outputs: the three moves, then a score per relation for LEFT, then for RIGHT.
    scorer: Scorer,
    tagger: TagHead,
    /// Made from the weights above (not saved); see [`NeuralParser::refresh_cache`].
    cache: InputCache,
}

/// Reusable buffers for parsing.
#[derive(Default)]
pub struct NeuralWork {
    /// Row numbers of each word in each embedding table.
    ids: Vec<[u32; FIELDS]>,
    encoder: EncoderWork,
    scorer: ScorerWork,
    hidden: Vec<f32>,
}

impl NeuralParser {
    /// Encodes the sentence in `work.ids` (through the input cache) and prepares the
    /// scorer's slot products.
    fn encode(&self, work: &mut NeuralWork) {
        let n = work.ids.len();
        let vectors =
            self.encoder
                .forward_cached(&mut work.encoder, &work.ids, &self.inputs, &self.cache);
        self.scorer.prepare(vectors, n, &mut work.scorer);
        work.hidden.resize(self.scorer.hidden_width(), 0.0);
    }

    /// [`NeuralParser::encode`] for training: from the embeddings (the weights change, so
    /// the cache would be stale), with dropout of probability `dropout` in the encoder.
    fn encode_train(&self, work: &mut NeuralWork, dropout: f32, rng: &mut Rng) {
        let n = work.ids.len();
        let width = self.inputs.width();
        let xs = self.encoder.input(&mut work.encoder, n);
        for (ids, x) in work.ids.iter().zip(xs.chunks_exact_mut(width)) {
            self.inputs.embed(*ids, x);
        }
        let vectors = self
            .encoder
            .forward_train(&mut work.encoder, n, dropout, rng);
        self.scorer.prepare(vectors, n, &mut work.scorer);
        work.hidden.resize(self.scorer.hidden_width(), 0.0);
    }

    fn move_scores(&self, hidden: &[f32]) -> [f32; 3] {
        MOVES.map(|m| self.scorer.score(hidden, self.move_output(m)))
    }

    /// The scorer output of move `m`.
    fn move_output(&self, m: Move) -> usize {
        m as usize
    }

    /// The scorer output of relation `label` for arc move `m`.
    fn label_output(&self, m: Move, label: u16) -> usize {
        let base = if m == Move::Left {
            3
        } else {
            3 + self.labels.len()
        };
        base + usize::from(label)
    }

    /// The best relation other than `root` and `except` for arc move `m`, with its score.
    fn best_label_except(&self, hidden: &[f32], m: Move, except: u16) -> (u16, f32) {
        let mut best = (u16::MAX, f32::NEG_INFINITY);
        for l in 0..self.labels.len() as u16 {
            if l == self.root || l == except {
                continue;
            }
            let s = self.scorer.score(hidden, self.label_output(m, l));
            if s > best.1 {
                best = (l, s);
            }
        }
        best
    }

    /// Recomputes the input cache from the current weights.
    fn refresh_cache(&mut self) {
        self.cache = InputCache::new(&self.inputs, self.encoder.first_layer(), CACHED_ROWS);
    }

    fn params(&mut self) -> Vec<&mut Param> {
        let mut all = self.inputs.params();
        all.extend(self.encoder.params());
        all.extend(self.scorer.params());
        all.extend(self.tagger.params());
        all
    }

    /// Writes the member's weights; a frozen table equal to `first`'s (the first member's
    /// inputs) is written as a reference to it.
    fn write(&self, w: &mut ModelWriter, first: Option<&Inputs>) {
        self.inputs.write(w, first);
        self.encoder.write(w);
        self.scorer.write(w);
        self.tagger.write(w);
    }

    /// Reads a member written by [`NeuralParser::write`], with the relations of its file.
    fn read(
        r: &mut ModelReader,
        labels: &[String],
        root: u16,
        first: Option<&Inputs>,
    ) -> Result<NeuralParser, ModelError> {
        let inputs = Inputs::read(r, first)?;
        let encoder = Encoder::read(r)?;
        if encoder.input_width() != inputs.width() {
            return Err(r.corrupt("embedding and LSTM sizes do not match"));
        }
        let scorer = Scorer::read(r)?;
        if scorer.width() != encoder.output_width() {
            return Err(r.corrupt("LSTM and MLP sizes do not match"));
        }
        if scorer.outputs() != 3 + 2 * labels.len() {
            return Err(r.corrupt("output count does not match the relations"));
        }
        let tagger = TagHead::read(r)?;
        if tagger.width() != encoder.output_width() {
            return Err(r.corrupt("LSTM and tagging head sizes do not match"));
        }
        let mut parser = NeuralParser {
            labels: labels.to_vec(),
            root,
            inputs,
            encoder,
            scorer,
            tagger,
            cache: InputCache::default(),
        };
        parser.refresh_cache();
        Ok(parser)
    }

    /// The number of weights, for reports.
    pub fn weight_count(&self) -> usize {
        let tables: usize = self.inputs.tables.iter().map(|t| t.weights.w.len()).sum();
        tables
            + self.encoder.weight_count()
            + self.scorer.weight_count()
            + self.tagger.weight_count()
    }
}

/// The scorer rows of the slots of `state`: a word's number (the root's is n), or n + 1 for
/// an empty slot.
fn slot_rows(state: &State) -> [usize; SLOTS] {
    let empty = state.len() + 1;
    let row = |i: u32| if i == NONE { empty } else { i as usize };
    [
        row(state.stack(0)),
        row(state.stack(1)),
        row(state.stack(2)),
        row(state.buffer(0)),
    ]
}

/// The best-scoring valid move among those `allowed`, if any; ties go to the earlier move.
fn best_allowed(state: &State, scores: [f32; 3], allowed: impl Fn(Move) -> bool) -> Option<Move> {
    let mut best: Option<Move> = None;
    for m in MOVES {
        if state.is_valid(m)
            && allowed(m)
            && best.is_none_or(|b| scores[m as usize] > scores[b as usize])
        {
            best = Some(m);
        }
    }
    best
}

fn best_move(state: &State, scores: [f32; 3], allowed: impl Fn(Move) -> bool) -> Move {
    best_allowed(state, scores, allowed).expect("a non-final state has a valid move")
}
