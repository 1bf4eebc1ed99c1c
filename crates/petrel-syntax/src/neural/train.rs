//! Training the neural parser: hinge losses on the move and relation scores of every
//! configuration met while following the dynamic oracle (with exploration of the model's own
//! mistakes after the first epochs), plus the tagging head's cross-entropy on every word,
//! summed over a few sentences per Adam step.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use petrel_text::Sentence;

use super::adam::Adam;
use super::cache::InputCache;
use super::embeddings::{Inputs, Table, Vocab, FIELDS};
use super::encoder::Encoder;
#[cfg(test)]
use super::ensemble::NeuralEnsemble;
use super::ensemble::{annotate_jointly, EnsembleWork};
use super::linalg::add;
use super::pretrained::Pretrained;
use super::scorer::Scorer;
use super::tags::TagHead;
use super::{best_allowed, best_move, slot_rows, NeuralParser, NeuralWork};
use crate::eval::{evaluate, Document};
use crate::lexeme::{Lexeme, Scratch};
use crate::parser::oracle::Gold;
use crate::parser::state::{Move, State, MOVES};
use crate::parser::{label_index, label_inventory};
use crate::rng::Rng;

/// Settings of [`train_neural_parser`].
#[derive(Clone, Debug)]
pub struct NeuralOptions {
    pub epochs: usize,
    pub seed: u64,
    pub word_dim: usize,
    pub tag_dim: usize,
    /// LSTM units per direction.
    pub lstm_hidden: usize,
    pub lstm_layers: usize,
    pub mlp_hidden: usize,
    pub rate: f32,
    /// Sentences per optimiser step.
    pub batch: usize,
    /// Epochs trained on the oracle's moves alone before exploring.
    pub explore_after: usize,
    /// Probability of following a wrong predicted move once exploring.
    pub explore: f64,
    /// Word dropout: a word seen `c` times is replaced by the unknown word with probability
    /// `alpha / (alpha + c)`, so that the unknown vector is trained on rare words.
    pub word_dropout: f32,
    /// Forms seen fewer times than this get no vector of their own.
    pub min_count: usize,
    /// Dropout on the encoder's layer inputs (embeddings included) and output.
    pub dropout: f32,
    /// Dropout on the MLP's hidden layer.
    pub mlp_dropout: f32,
}

impl Default for NeuralOptions {
    fn default() -> NeuralOptions {
        NeuralOptions {
            epochs: 20,
            seed: 1,
            word_dim: 100,
            tag_dim: 25,
            lstm_hidden: 64,
            lstm_layers: 1,
            mlp_hidden: 100,
            rate: 1e-3,
            batch: 16,
            explore_after: 1,
            explore: 0.5,
            word_dropout: 0.25,
            min_count: 2,
            dropout: 0.3,
            mlp_dropout: 0.1,
        }
    }
}

/// What the neural parser trains on. Each treebank comes twice: with the tags the perceptron
/// tagger predicts (the parser's input, jackknifed for the training set) and with the gold
/// tags (what the tagging head learns); both have the gold trees.
pub struct NeuralData<'a> {
    pub train: &'a [Sentence],
    pub train_gold: &'a [Sentence],
    pub dev: &'a [Sentence],
    pub dev_gold: &'a [Sentence],
    /// Vectors for the frozen table; without them that table has only its zero row.
    pub vectors: Option<&'a Pretrained>,
}

/// Dev scores after one epoch: UPOS of the tagging head, UAS and LAS as the CoNLL 2018
/// scorer counts them (relations without subtypes), the summed training loss, and the
/// epoch's training time.
#[derive(Clone, Debug)]
pub struct NeuralReport {
    pub epoch: usize,
    pub upos: f64,
    pub uas: f64,
    pub las: f64,
    pub loss: f64,
    pub train_seconds: f64,
}

struct Example {
    ids: Vec<[u32; FIELDS]>,
    gold: Gold,
    labels: Vec<u16>,
    /// The tagging head's gold class of each word.
    tags: Vec<usize>,
}

/// Trains on `data.train`, scoring `data.dev` after each epoch; returns the model of the
/// epoch with the best dev LAS.
pub fn train_neural_parser(
    data: &NeuralData,
    options: &NeuralOptions,
    mut report: impl FnMut(&NeuralReport),
) -> NeuralParser {
    let train = data.train;
    let labels = label_inventory(train);
    let (index, root) = label_index(&labels);
    let mut rng = Rng::new(options.seed);
    let mut scratch = Scratch::default();
    let keys: Vec<Vec<[u64; FIELDS]>> = train.iter().map(|s| word_keys(s, &mut scratch)).collect();
    let field = |f: usize| keys.iter().flatten().map(move |k| k[f]);
    let (word_vocab, word_counts) = vocabulary(field(0), options.min_count);
    let mut tables = vec![Table::new(word_vocab, options.word_dim, &mut rng)];
    // The last field is the frozen table, made below.
    for f in 1..FIELDS - 1 {
        // Tags are all kept; suffixes and shapes seen once are left to the unknown row.
        let min_count = if f < 3 { 1 } else { options.min_count };
        let vocab = vocabulary(field(f), min_count).0;
        tables.push(Table::new(vocab, options.tag_dim, &mut rng));
    }
    let empty = Pretrained {
        dim: 1,
        ..Pretrained::default()
    };
    let vectors = data.vectors.unwrap_or(&empty);
    tables.push(Table::frozen(
        Vocab::new(vectors.keys.clone()),
        vectors.dim,
        &vectors.values,
    ));
    let inputs = Inputs {
        tables: tables
            .into_iter()
            .map(Arc::new)
            .collect::<Vec<_>>()
            .try_into()
            .expect("one table per field"),
    };
    let encoder = Encoder::new(
        inputs.width(),
        options.lstm_hidden,
        options.lstm_layers,
        &mut rng,
    );
    let scorer = Scorer::new(
        encoder.output_width(),
        options.mlp_hidden,
        3 + 2 * labels.len(),
        &mut rng,
    );
    let tag_pairs = tag_inventory(data.train_gold);
    let tag_index: HashMap<(&str, &str), usize> = tag_pairs
        .iter()
        .enumerate()
        .map(|(i, (u, x))| ((u.as_str(), x.as_str()), i))
        .collect();
    let tagger = TagHead::new(tag_pairs.clone(), encoder.output_width(), &mut rng);
    let mut model = NeuralParser {
        labels: labels.clone(),
        root,
        inputs,
        encoder,
        scorer,
        tagger,
        cache: InputCache::default(),
    };
    for p in model.params() {
        p.trainable();
    }
    let examples: Vec<Example> = train
        .iter()
        .zip(data.train_gold)
        .zip(&keys)
        .map(|((s, g), k)| Example {
            ids: k.iter().map(|&k| model.inputs.ids(k)).collect(),
            gold: Gold::new(&s.tokens.iter().map(|t| t.head).collect::<Vec<_>>()),
            labels: s.tokens.iter().map(|t| index[t.deprel.as_str()]).collect(),
            tags: g
                .tokens
                .iter()
                .map(|t| tag_index[&(t.upos.as_str(), t.xpos.as_str())])
                .collect(),
        })
        .collect();
    let mut adam = Adam::new(options.rate, 5.0);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut work = NeuralWork::default();
    let mut trainer = Trainer::default();
    let mut best: Option<(f64, NeuralParser)> = None;
    for epoch in 1..=options.epochs {
        let started = Instant::now();
        rng.shuffle(&mut order);
        let exploring = epoch > options.explore_after;
        let mut loss = 0.0;
        for (k, &e) in order.iter().enumerate() {
            let ex = &examples[e];
            work.ids.clear();
            work.ids.extend(ex.ids.iter().map(|&ids| {
                let mut ids = ids;
                let count = word_counts[ids[0] as usize];
                let drop = options.word_dropout / (options.word_dropout + count as f32);
                if ids[0] != 0 && rng.chance(f64::from(drop)) {
                    ids[0] = 0;
                }
                ids
            }));
            let explore = if exploring { options.explore } else { 0.0 };
            let dropout = (options.dropout, options.mlp_dropout);
            loss += trainer.sentence(&mut model, &mut work, ex, explore, dropout, &mut rng);
            if (k + 1) % options.batch == 0 || k + 1 == order.len() {
                adam.step(&mut model.params());
            }
        }
        let train_seconds = started.elapsed().as_secs_f64();
        model.refresh_cache();
        let (upos, uas, las) = score(&model, data.dev, data.dev_gold);
        report(&NeuralReport {
            epoch,
            upos,
            uas,
            las,
            loss,
            train_seconds,
        });
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, model.clone()));
        }
    }
    let mut best = best.map_or(model, |(_, m)| m);
    for p in best.params() {
        p.g = Vec::new();
    }
    best
}

/// The configuration followed through a sentence, and buffers of its backward pass.
#[derive(Default)]
struct Trainer {
    state: State,
    dh: Vec<f32>,
    /// The MLP hidden layer's dropout mask, and the hidden layer with it applied.
    mask: Vec<f32>,
    dropped: Vec<f32>,
    grads: Vec<(usize, f32)>,
    dx: Vec<f32>,
    /// The gradient of the encoder vectors, from the scorer and the tagging head.
    dvectors: Vec<f32>,
    probs: Vec<f32>,
}

impl Trainer {
    /// Follows the oracle (and sometimes the model) through one sentence whose (dropped out)
    /// ids are in `work`, adds the gradients of its losses, and returns the summed loss.
    /// `dropout` is the encoder's and the MLP's.
    fn sentence(
        &mut self,
        model: &mut NeuralParser,
        work: &mut NeuralWork,
        ex: &Example,
        explore: f64,
        (dropout, mlp_dropout): (f32, f32),
        rng: &mut Rng,
    ) -> f64 {
        let n = ex.labels.len();
        model.encode_train(work, dropout, rng);
        let width = model.encoder.output_width();
        self.dvectors.clear();
        self.dvectors.resize(n * width, 0.0);
        let mut loss = 0.0f64;
        let vectors = work.scorer.vectors(n, width).chunks_exact(width);
        for ((v, dv), &gold) in vectors
            .zip(self.dvectors.chunks_exact_mut(width))
            .zip(&ex.tags)
        {
            loss += model.tagger.backward(v, gold, dv, &mut self.probs);
        }
        model.scorer.start_backward(&mut work.scorer);
        let m = model.scorer.hidden_width();
        self.dh.resize(m, 0.0);
        self.mask.resize(m, 1.0);
        self.dropped.resize(m, 0.0);
        let keep = 1.0 / (1.0 - mlp_dropout);
        let NeuralWork {
            scorer,
            hidden,
            encoder,
            ..
        } = work;
        let state = &mut self.state;
        state.start(n);
        while !state.is_final() {
            let rows = slot_rows(state);
            model.scorer.hidden(scorer, rows, hidden);
            for ((d, k), h) in self
                .dropped
                .iter_mut()
                .zip(&mut self.mask)
                .zip(hidden.iter())
            {
                *k = if mlp_dropout > 0.0 && rng.chance(f64::from(mlp_dropout)) {
                    0.0
                } else if mlp_dropout > 0.0 {
                    keep
                } else {
                    1.0
                };
                *d = h * *k;
            }
            let dropped = &self.dropped;
            self.grads.clear();
            let scores = model.move_scores(dropped);
            let mut costs = [u32::MAX; 3];
            for m in MOVES {
                if state.is_valid(m) {
                    costs[m as usize] = ex.gold.cost(state, m);
                }
            }
            let least = *costs.iter().min().expect("three moves");
            let oracle = best_move(state, scores, |m| costs[m as usize] == least);
            let guess = best_move(state, scores, |_| true);
            if let Some(wrong) = best_allowed(state, scores, |m| costs[m as usize] > least) {
                let margin = 1.0 - scores[oracle as usize] + scores[wrong as usize];
                if margin > 0.0 {
                    loss += f64::from(margin);
                    self.grads.push((oracle as usize, -1.0));
                    self.grads.push((wrong as usize, 1.0));
                }
            }
            for m in [Move::Left, Move::Right] {
                let Some((head, dep)) = state.is_valid(m).then(|| state.arc(m)).flatten() else {
                    continue;
                };
                if head as usize == n || ex.gold.heads[dep as usize] != head {
                    continue;
                }
                let gold = ex.labels[dep as usize];
                let right = model.scorer.score(dropped, model.label_output(m, gold));
                let (wrong, score) = model.best_label_except(dropped, m, gold);
                let margin = 1.0 - right + score;
                if margin > 0.0 && wrong != u16::MAX {
                    loss += f64::from(margin);
                    self.grads.push((model.label_output(m, gold), -1.0));
                    self.grads.push((model.label_output(m, wrong), 1.0));
                }
            }
            if !self.grads.is_empty() {
                model.scorer.backward_outputs(
                    scorer,
                    rows,
                    hidden,
                    &self.mask,
                    &self.grads,
                    &mut self.dh,
                );
            }
            let right = costs[guess as usize] == least;
            let next = if right || rng.chance(explore) {
                guess
            } else {
                oracle
            };
            state.apply(next, 0);
        }
        add(&mut self.dvectors, model.scorer.backward_rows(scorer, n));
        let dx = model.encoder.backward(encoder, n, &self.dvectors);
        self.dx.clear();
        self.dx.extend_from_slice(dx);
        let width = model.inputs.width();
        for (ids, grad) in work.ids.iter().zip(self.dx.chunks_exact(width)) {
            model.inputs.backward(*ids, grad);
        }
        loss
    }
}

/// The hashes of each word (see [`FIELDS`]).
fn word_keys(s: &Sentence, scratch: &mut Scratch) -> Vec<[u64; FIELDS]> {
    s.tokens
        .iter()
        .map(|t| Inputs::keys(&Lexeme::new(&t.form, scratch), &t.upos, &t.xpos))
        .collect()
}

/// The (UPOS, XPOS) pairs of `sentences`, most frequent first (ties by name).
fn tag_inventory(sentences: &[Sentence]) -> Vec<(String, String)> {
    let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
    for t in sentences.iter().flat_map(|s| &s.tokens) {
        *counts.entry((&t.upos, &t.xpos)).or_default() += 1;
    }
    let mut pairs: Vec<_> = counts.into_iter().collect();
    pairs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    pairs
        .into_iter()
        .map(|((u, x), _)| (u.to_string(), x.to_string()))
        .collect()
}

/// The keys seen at least `min_count` times, most frequent first (ties by key, so the
/// numbering does not depend on hash-map order), and the count of each row (0 for unknown).
fn vocabulary(keys: impl Iterator<Item = u64>, min_count: usize) -> (Vocab, Vec<usize>) {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    let mut kept: Vec<(u64, usize)> = counts
        .into_iter()
        .filter(|&(_, c)| c >= min_count)
        .collect();
    kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let row_counts = std::iter::once(0)
        .chain(kept.iter().map(|&(_, c)| c))
        .collect();
    (
        Vocab::new(kept.into_iter().map(|(k, _)| k).collect()),
        row_counts,
    )
}

/// Dev UPOS, UAS and LAS (CoNLL 2018: relations without subtypes) against `gold`, in
/// percent, parsing `dev` (the same sentences with predicted tags).
fn score(model: &NeuralParser, dev: &[Sentence], gold: &[Sentence]) -> (f64, f64, f64) {
    if dev.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut scratch = Scratch::default();
    let mut work = EnsembleWork::default();
    let mut lexemes = Vec::new();
    let parsed: Vec<Sentence> = dev
        .iter()
        .map(|s| {
            let mut s = s.clone();
            lexemes.clear();
            lexemes.extend(s.tokens.iter().map(|t| Lexeme::new(&t.form, &mut scratch)));
            annotate_jointly(
                std::slice::from_ref(model),
                &mut s.tokens,
                &lexemes,
                &mut work,
            );
            s
        })
        .collect();
    let gold = Document::from_sentences(gold);
    let system = Document::from_sentences(&parsed);
    match evaluate(&gold, &system) {
        Ok(e) => {
            let f1 = |m: &str| e.get(m).map_or(0.0, |s| s.f1());
            (f1("UPOS"), f1("UAS"), f1("LAS"))
        }
        Err(_) => (0.0, 0.0, 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-layer model small enough to check by finite differences.
    fn tiny(rng: &mut Rng) -> NeuralParser {
        let inputs = Inputs {
            tables: [
                Arc::new(Table::new(Vocab::new(vec![11, 12, 13]), 4, rng)),
                Arc::new(Table::new(Vocab::new(vec![21, 22]), 3, rng)),
                Arc::new(Table::new(Vocab::new(vec![31]), 2, rng)),
                Arc::new(Table::new(Vocab::new(vec![41, 42]), 2, rng)),
                Arc::new(Table::new(Vocab::new(vec![51]), 1, rng)),
                Arc::new(Table::frozen(
                    Vocab::new(vec![11, 13]),
                    2,
                    &[0.5, -0.25, 1.0, 0.75],
                )),
            ],
        };
        let encoder = Encoder::new(inputs.width(), 5, 2, rng);
        let scorer = Scorer::new(encoder.output_width(), 6, 3 + 2 * 3, rng);
        let tags = [("NOUN", "NN"), ("VERB", "VBD")]
            .map(|(u, x)| (u.to_string(), x.to_string()))
            .to_vec();
        let tagger = TagHead::new(tags, encoder.output_width(), rng);
        NeuralParser {
            labels: ["root", "nsubj", "obj"].map(String::from).to_vec(),
            root: 0,
            inputs,
            encoder,
            scorer,
            tagger,
            cache: InputCache::default(),
        }
    }

    fn tokens_of(forms: &[&str]) -> (Vec<petrel_text::Token>, Vec<Lexeme>) {
        let mut scratch = Scratch::default();
        let tokens: Vec<petrel_text::Token> = forms
            .iter()
            .map(|f| petrel_text::Token {
                form: f.to_string(),
                upos: "NOUN".into(),
                xpos: "NN".into(),
                ..Default::default()
            })
            .collect();
        let lexemes = tokens
            .iter()
            .map(|t| Lexeme::new(&t.form, &mut scratch))
            .collect();
        (tokens, lexemes)
    }

    const SENTENCE: [&str; 7] = ["Rebels", "took", "the", "town", "near", "Goma", "."];

    #[test]
    fn annotation_gives_one_tree() {
        let mut model = tiny(&mut Rng::new(4));
        model.refresh_cache();
        let (mut tokens, lexemes) = tokens_of(&SENTENCE);
        let members = std::slice::from_ref(&model);
        annotate_jointly(members, &mut tokens, &lexemes, &mut EnsembleWork::default());
        let roots: Vec<&petrel_text::Token> = tokens.iter().filter(|t| t.head == 0).collect();
        assert_eq!(roots.len(), 1);
        assert_eq!(roots[0].deprel, "root");
        for t in &tokens {
            assert!(t.head <= tokens.len());
            assert!(t.head == 0 || t.deprel != "root", "{t:?}");
        }
    }

    /// The bytes that `write` writes.
    fn written(write: impl Fn(&mut crate::model_io::ModelWriter)) -> Vec<u8> {
        let mut w = crate::model_io::ModelWriter::new();
        write(&mut w);
        w.into_bytes()
    }

    fn saved(ensemble: &NeuralEnsemble) -> Vec<u8> {
        written(|w| ensemble.save(w))
    }

    #[test]
    fn models_round_trip_and_truncation_is_an_error() {
        let mut model = tiny(&mut Rng::new(9));
        model.refresh_cache();
        let weights = model.weight_count();
        let bytes = saved(&NeuralEnsemble::new(vec![model]).unwrap());
        let mut r = crate::model_io::ModelReader::new(&bytes, "tiny.bin");
        let loaded = NeuralEnsemble::load(&mut r).unwrap();
        r.finish().unwrap();
        // The large matrices are stored as bytes: close to the trained weights, and written
        // back exactly as read.
        assert_eq!(loaded.members()[0].labels, ["root", "nsubj", "obj"]);
        assert_eq!(loaded.members()[0].weight_count(), weights);
        assert!(
            saved(&loaded) == bytes,
            "a loaded model is written back unchanged"
        );
        for cut in [10, bytes.len() / 2, bytes.len() - 1] {
            let mut r = crate::model_io::ModelReader::new(&bytes[..cut], "tiny.bin");
            let e = NeuralEnsemble::load(&mut r).unwrap_err().to_string();
            assert!(e.starts_with("tiny.bin:"), "{e}");
        }
    }

    /// Two copies of a member double every score, which changes no choice; the second copy's
    /// frozen table is stored as a reference to the first's.
    #[test]
    fn a_member_joined_with_itself_parses_as_it_alone() {
        let mut model = tiny(&mut Rng::new(6));
        model.refresh_cache();
        let (mut alone, lexemes) = tokens_of(&SENTENCE);
        let mut joined = alone.clone();
        let mut work = EnsembleWork::default();
        annotate_jointly(
            std::slice::from_ref(&model),
            &mut alone,
            &lexemes,
            &mut work,
        );
        let pair = NeuralEnsemble::new(vec![model.clone(), model.clone()]).unwrap();
        pair.annotate(&mut joined, &lexemes, &mut work);
        assert_eq!(joined, alone);

        let one = saved(&NeuralEnsemble::new(vec![model.clone()]).unwrap()).len();
        let two = saved(&pair);
        let member = written(|w| model.write(w, None)).len();
        let table = written(|w| model.inputs.tables[FIELDS - 1].write(w)).len();
        assert_eq!(two.len(), one + member - table);
        let mut r = crate::model_io::ModelReader::new(&two, "pair.bin");
        let loaded = NeuralEnsemble::load(&mut r).unwrap();
        let frozen = &model.inputs.tables[FIELDS - 1];
        assert_eq!(&loaded.members()[1].inputs.tables[FIELDS - 1], frozen);
    }

    #[test]
    fn members_must_have_the_same_outputs() {
        let model = tiny(&mut Rng::new(1));
        let mut other = tiny(&mut Rng::new(2));
        other.labels[2] = "iobj".into();
        assert!(NeuralEnsemble::new(vec![model.clone(), other]).is_err());
        assert!(NeuralEnsemble::new(Vec::new()).is_err());
        assert!(NeuralEnsemble::new(vec![model.clone()])
            .unwrap()
            .with(model)
            .is_ok());
    }

    #[test]
    fn cached_encoding_matches_the_plain_one() {
        let mut rng = Rng::new(5);
        let mut model = tiny(&mut rng);
        // Two rows cached per table: both the cached and the computed path are taken.
        model.cache = InputCache::new(&model.inputs, model.encoder.first_layer(), 2);
        let mut hidden = [Vec::new(), Vec::new()];
        for (cached, h) in [true, false].into_iter().zip(&mut hidden) {
            let mut work = NeuralWork {
                ids: vec![
                    [1, 1, 1, 2, 1, 1],
                    [2, 2, 0, 1, 0, 0],
                    [3, 1, 1, 0, 1, 2],
                    [0, 2, 1, 2, 1, 0],
                ],
                ..NeuralWork::default()
            };
            if cached {
                model.encode(&mut work);
            } else {
                model.encode_train(&mut work, 0.0, &mut rng);
            }
            h.resize(model.scorer.hidden_width(), 0.0);
            model.scorer.hidden(&mut work.scorer, [0, 1, 2, 3], h);
        }
        for (a, b) in hidden[0].iter().zip(&hidden[1]) {
            assert!((a - b).abs() < 1e-5, "{a} vs {b}");
        }
    }

    #[test]
    fn gradients_match_finite_differences() {
        let mut rng = Rng::new(3);
        let mut model = tiny(&mut rng);
        for p in model.params() {
            p.trainable();
        }
        let ex = Example {
            ids: vec![
                [1, 1, 1, 2, 1, 1],
                [2, 2, 0, 1, 0, 0],
                [3, 1, 1, 0, 1, 2],
                [0, 2, 1, 2, 1, 0],
                [1, 0, 1, 1, 0, 1],
            ],
            gold: Gold::new(&[2, 0, 2, 3, 2]),
            labels: vec![1, 0, 2, 2, 1],
            tags: vec![0, 1, 0, 0, 1],
        };
        let mut work = NeuralWork::default();
        let mut trainer = Trainer::default();
        let mut loss = |model: &mut NeuralParser| {
            work.ids.clone_from(&ex.ids);
            trainer.sentence(model, &mut work, &ex, 0.0, (0.0, 0.0), &mut Rng::new(1))
        };
        let base = loss(&mut model);
        assert!(base > 0.0, "an untrained model makes mistakes");
        let analytic: Vec<Vec<f32>> = model.params().iter().map(|p| p.g.clone()).collect();
        let mut checked = 0;
        for (b, grads) in analytic.iter().enumerate() {
            let len = grads.len();
            for i in (0..len).step_by(len.div_ceil(7)) {
                let eps = 2e-3;
                let original = model.params()[b].w[i];
                model.params()[b].w[i] = original + eps;
                let up = loss(&mut model);
                model.params()[b].w[i] = original - eps;
                let down = loss(&mut model);
                model.params()[b].w[i] = original;
                let a = grads[i];
                // Central, forward and backward differences: at a kink of a hinge or an
                // argmax only the one-sided difference on the gradient's side agrees.
                let eps = f64::from(eps);
                let diffs = [
                    (up - down) / (2.0 * eps),
                    (up - base) / eps,
                    (base - down) / eps,
                ];
                let close = |d: f64| {
                    let d = d as f32;
                    (d - a).abs() <= 0.02 + 0.05 * d.abs().max(a.abs())
                };
                assert!(
                    diffs.iter().any(|&d| close(d)),
                    "block {b} weight {i}: analytic {a}, numeric {diffs:?}"
                );
                checked += usize::from(a != 0.0);
            }
        }
        assert!(checked > 20, "only {checked} non-zero gradients checked");
    }
}
