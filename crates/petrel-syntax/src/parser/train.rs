//! Training the parser with the dynamic oracle (Goldberg & Nivre 2013): at each step the
//! model's best move is compared with the best zero-cost move; after the first iterations the
//! parser sometimes follows its own mistake, so that it learns to act well in the
//! configurations its errors lead to.

use std::collections::HashMap;
use std::time::Instant;

use petrel_text::Sentence;

use super::features::{label_features, move_features, Words};
use super::oracle::Gold;
use super::state::{State, MOVES};
use super::{best_label, best_move, ParseWork, Parser};
use crate::hashing::hash_str;
use crate::lexeme::{Lexeme, Scratch};
use crate::perceptron::Perceptron;
use crate::rng::Rng;
use crate::weights::{SmallWeights, Weights};

/// Settings of [`train_parser`].
#[derive(Clone, Debug)]
pub struct ParserOptions {
    pub iterations: usize,
    pub seed: u64,
    /// Iterations trained on the oracle's moves alone before exploring.
    pub explore_after: usize,
    /// Probability of following a wrong predicted move once exploring.
    pub explore: f64,
    /// Weights whose quantised magnitude is below this are dropped from the model.
    pub min_weight: i16,
}

impl Default for ParserOptions {
    fn default() -> ParserOptions {
        ParserOptions {
            iterations: 15,
            seed: 1,
            explore_after: 1,
            explore: 0.9,
            min_weight: 1,
        }
    }
}

/// Dev attachment scores after one iteration (percentages). `las` compares relations without
/// subtypes, as the CoNLL 2018 scorer does; `las_full` compares them with.
#[derive(Clone, Debug)]
pub struct ParserReport {
    pub iteration: usize,
    pub uas: f64,
    pub las: f64,
    pub las_full: f64,
    pub seconds: f64,
}

struct Example {
    words: Words,
    gold: Gold,
    labels: Vec<u16>,
}

/// Trains a parser on `train` (tagged with predicted tags, for realism, and gold trees),
/// reporting attachment scores on `dev` after each iteration; returns the best iteration's
/// model.
pub fn train_parser(
    train: &[Sentence],
    dev: &[Sentence],
    options: &ParserOptions,
    mut report: impl FnMut(&ParserReport),
) -> Parser {
    let started = Instant::now();
    let labels = label_inventory(train);
    let (index, root) = label_index(&labels);
    let mut scratch = Scratch::default();
    let examples: Vec<Example> = train
        .iter()
        .map(|s| Example {
            words: words_of(s, &mut scratch),
            gold: Gold::new(&s.tokens.iter().map(|t| t.head).collect::<Vec<_>>()),
            labels: s.tokens.iter().map(|t| index[t.deprel.as_str()]).collect(),
        })
        .collect();
    let mut moves = Perceptron::new(MOVES.len());
    let mut labeller = Perceptron::new(labels.len());
    let mut rng = Rng::new(options.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = State::default();
    let (mut features, mut scores) = (Vec::new(), Vec::new());
    let mut best: Option<(f64, Parser)> = None;
    for iteration in 1..=options.iterations {
        rng.shuffle(&mut order);
        let exploring = iteration > options.explore_after;
        for &e in &order {
            let ex = &examples[e];
            let n = ex.labels.len();
            state.start(n);
            while !state.is_final() {
                move_features(&ex.words, &state, &mut features);
                let mut move_scores = [0i32; 3];
                moves.score(&features, &mut move_scores);
                let mut costs = [u32::MAX; 3];
                for m in MOVES {
                    if state.is_valid(m) {
                        costs[m as usize] = ex.gold.cost(&state, m);
                    }
                }
                let least = *costs.iter().min().expect("three moves");
                let guess = best_move(&state, &move_scores, |_| true);
                let oracle = best_move(&state, &move_scores, |m| costs[m as usize] == least);
                let next = if costs[guess as usize] == least {
                    guess
                } else {
                    moves.update(&features, oracle as usize, 1);
                    moves.update(&features, guess as usize, -1);
                    if exploring && rng.chance(options.explore) {
                        guess
                    } else {
                        oracle
                    }
                };
                moves.tick();
                let label = match state.arc(next) {
                    None => 0,
                    Some((head, _)) if head as usize == n => root,
                    Some((head, dep)) => {
                        let keys = label_features(&ex.words, &state, head, dep);
                        scores.clear();
                        scores.resize(labels.len(), 0);
                        labeller.score(&keys, &mut scores);
                        let guess = best_label(&mut scores, root);
                        if ex.gold.heads[dep as usize] == head {
                            let gold = ex.labels[dep as usize];
                            labeller.correct(&keys, usize::from(gold), usize::from(guess));
                            labeller.tick();
                        }
                        guess
                    }
                };
                state.apply(next, label);
            }
        }
        let parser = Parser {
            labels: labels.clone(),
            root,
            moves: SmallWeights::new(moves.freeze(options.min_weight)),
            labeller: Weights::new(labeller.freeze(options.min_weight)),
        };
        let (uas, las, las_full) = evaluate(&parser, dev);
        let line = ParserReport {
            iteration,
            uas,
            las,
            las_full,
            seconds: started.elapsed().as_secs_f64(),
        };
        report(&line);
        let improved = match &best {
            Some((score, _)) => dev.is_empty() || line.las > *score,
            None => true,
        };
        if improved {
            best = Some((line.las, parser));
        }
    }
    match best {
        Some((_, parser)) => parser,
        None => Parser {
            labels,
            root,
            moves: SmallWeights::new(moves.freeze(options.min_weight)),
            labeller: Weights::new(labeller.freeze(options.min_weight)),
        },
    }
}

/// Relations by descending frequency (ties by name), with `root` always present.
pub(crate) fn label_inventory(train: &[Sentence]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    counts.insert("root", 0);
    for t in train.iter().flat_map(|s| &s.tokens) {
        *counts.entry(&t.deprel).or_default() += 1;
    }
    let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
    list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    list.into_iter().map(|(l, _)| l.to_string()).collect()
}

/// Each relation's number in `labels`, and the number of `root`.
pub(crate) fn label_index(labels: &[String]) -> (HashMap<&str, u16>, u16) {
    let index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16))
        .collect();
    let root = index.get("root").copied().unwrap_or(0);
    (index, root)
}

fn words_of(s: &Sentence, scratch: &mut Scratch) -> Words {
    let mut words = Words::default();
    for t in &s.tokens {
        let lex = Lexeme::new(&t.form, scratch);
        words.push(lex.lower, hash_str(&t.xpos), hash_str(&t.upos));
    }
    words.finish();
    words
}

/// UAS, LAS (relations without subtypes) and LAS (full relations), in percent.
fn evaluate(parser: &Parser, dev: &[Sentence]) -> (f64, f64, f64) {
    let mut scratch = Scratch::default();
    let mut work = ParseWork::default();
    let (mut uas, mut las, mut full, mut total) = (0usize, 0usize, 0usize, 0usize);
    for s in dev {
        work.words = words_of(s, &mut scratch);
        parser.parse(&mut work);
        let n = s.tokens.len();
        for (i, t) in s.tokens.iter().enumerate() {
            let head = work.state.heads[i];
            let head = if head as usize == n {
                0
            } else {
                head as usize + 1
            };
            let label = &parser.labels[usize::from(work.state.labels[i])];
            let base = |l: &str| l.split(':').next().unwrap_or("").to_string();
            total += 1;
            if head == t.head {
                uas += 1;
                las += usize::from(base(label) == base(&t.deprel));
                full += usize::from(*label == t.deprel);
            }
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / total.max(1) as f64;
    (pct(uas), pct(las), pct(full))
}
