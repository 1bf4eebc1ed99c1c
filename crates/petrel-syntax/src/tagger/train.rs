//! Training the tagger: inventories and word tables from the training data, then averaged
//! perceptron epochs over shuffled sentences, keeping the epoch that scores best on dev.
//!
//! Both passes learn on every sentence: the first pass tags it (learning as it goes), and the
//! second learns from the right-context tags the first pass actually chose, mistakes included,
//! so that it learns how far to trust them. (At run time the second pass only sees the words the
//! first was unsure of; training it on all of them gives it more to learn from.)

use std::collections::HashMap;
use std::time::Instant;

use petrel_text::Sentence;

use super::features::{MorphTags, TagContext};
use super::{left_atoms, morph_context, right_atoms, TagWork, Tagger, RARE_WORD};
use crate::hashing::{finish, mix, HashedMap};
use crate::lexeme::{Lexeme, Scratch};
use crate::perceptron::Perceptron;
use crate::rng::Rng;
use crate::weights::Weights;

/// Settings of [`train_tagger`].
#[derive(Clone, Debug)]
pub struct TaggerOptions {
    pub iterations: usize,
    pub seed: u64,
    /// Weights whose quantised magnitude is below this are dropped from the model.
    pub min_weight: i16,
}

impl Default for TaggerOptions {
    fn default() -> TaggerOptions {
        TaggerOptions {
            iterations: 10,
            seed: 1,
            min_weight: 1,
        }
    }
}

/// Dev accuracy after one training iteration (percentages).
#[derive(Clone, Debug)]
pub struct TaggerReport {
    pub iteration: usize,
    pub upos: f64,
    pub xpos: f64,
    pub feats: f64,
    pub seconds: f64,
}

impl TaggerReport {
    fn mean(&self) -> f64 {
        (self.upos + self.xpos + self.feats) / 3.0
    }
}

/// Words seen at least this often have an ambiguity class.
const AMBIGUITY_MIN_COUNT: u32 = 2;
/// Tags below this share of a word's occurrences are left out of its ambiguity class.
const AMBIGUITY_MIN_SHARE: f64 = 0.05;
/// Words seen at least this often with one tag at least this share of the time are tagged
/// from the dictionary.
const DICTIONARY_MIN_COUNT: u32 = 20;
const DICTIONARY_MIN_SHARE: f64 = 0.995;

/// One training sentence, prepared once.
struct Example {
    lexemes: Vec<Lexeme>,
    ambiguity: Vec<u64>,
    tags: Vec<u16>,
    feats: Vec<u16>,
}

/// Trains a tagger on `train`, reporting dev accuracy after each iteration through `report`,
/// and returns the model of the best iteration (the last when `dev` is empty).
pub fn train_tagger(
    train: &[Sentence],
    dev: &[Sentence],
    options: &TaggerOptions,
    mut report: impl FnMut(&TaggerReport),
) -> Tagger {
    let started = Instant::now();
    let mut base = inventory(train);
    let mut scratch = Scratch::default();
    let examples: Vec<Example> = train
        .iter()
        .map(|s| prepare(&base, s, &mut scratch))
        .collect();
    let mut tagger = Perceptron::new(base.tags.len());
    let mut second = Perceptron::new(base.tags.len());
    let mut morph = Perceptron::new(base.feats.len());
    let mut rng = Rng::new(options.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(f64, Tagger)> = None;
    let mut scores = Vec::new();
    let (mut first, mut predicted) = (Vec::new(), Vec::new());
    for iteration in 1..=options.iterations {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = &examples[e];
            let ctx = TagContext {
                lexemes: &ex.lexemes,
                ambiguity: &ex.ambiguity,
            };
            first.clear();
            for i in 0..ex.lexemes.len() {
                let guess = match base.dictionary.get(&ex.lexemes[i].form) {
                    Some(&tag) => tag,
                    None => {
                        let left = left_atoms(&first, i);
                        let keys = ctx.tag_features(i, left[0], left[1]);
                        learn(&mut tagger, &keys, ex.tags[i], &mut scores)
                    }
                };
                first.push(guess);
            }
            predicted.clear();
            for i in 0..ex.lexemes.len() {
                let guess = match base.dictionary.get(&ex.lexemes[i].form) {
                    Some(&tag) => tag,
                    None => {
                        let (left, right) = (left_atoms(&predicted, i), right_atoms(&first, i));
                        let keys = ctx.second_features(i, left, right);
                        learn(&mut second, &keys, ex.tags[i], &mut scores)
                    }
                };
                predicted.push(guess);
            }
            for i in 0..ex.lexemes.len() {
                let candidates = &base.feats_of_tag[usize::from(ex.tags[i])];
                if candidates.len() < 2 {
                    continue;
                }
                let context: MorphTags = morph_context(&base, &ex.tags, &ex.feats, &ctx, i);
                let keys = ctx.morph_features(i, &context);
                scores.clear();
                scores.resize(morph.classes(), 0);
                morph.score(&keys, &mut scores);
                let guess = *candidates
                    .iter()
                    .max_by_key(|&&c| (scores[usize::from(c)], std::cmp::Reverse(c)))
                    .expect("two candidates");
                morph.correct(&keys, usize::from(ex.feats[i]), usize::from(guess));
                morph.tick();
            }
        }
        base.weights = Weights::new(tagger.freeze(options.min_weight));
        base.second = Weights::new(second.freeze(options.min_weight));
        base.morph = Weights::new(morph.freeze(options.min_weight));
        let (upos, xpos, feats) = evaluate(&base, dev);
        let line = TaggerReport {
            iteration,
            upos,
            xpos,
            feats,
            seconds: started.elapsed().as_secs_f64(),
        };
        report(&line);
        let improved = match &best {
            Some((score, _)) => dev.is_empty() || line.mean() > *score,
            None => true,
        };
        if improved {
            best = Some((line.mean(), base.clone()));
        }
    }
    match best {
        Some((_, model)) => model,
        None => base,
    }
}

/// Predicts the tag of one word with `model`, learns from the gold `tag`, and returns the
/// prediction (the tag that the following words then see).
fn learn(model: &mut Perceptron, features: &[u64], tag: u16, scores: &mut Vec<i32>) -> u16 {
    scores.clear();
    scores.resize(model.classes(), 0);
    model.score(features, scores);
    let guess = super::argmax(scores) as u16;
    model.correct(features, usize::from(tag), usize::from(guess));
    model.tick();
    guess
}

/// Tag and FEATS inventories, the dictionary and ambiguity classes; weights left empty.
fn inventory(train: &[Sentence]) -> Tagger {
    let mut tag_counts: HashMap<(&str, &str), u32> = HashMap::new();
    let mut feats_counts: HashMap<&str, u32> = HashMap::new();
    for t in train.iter().flat_map(|s| &s.tokens) {
        *tag_counts.entry((&t.upos, &t.xpos)).or_default() += 1;
        *feats_counts.entry(&t.feats).or_default() += 1;
    }
    let tags: Vec<(String, String)> = by_frequency(tag_counts)
        .into_iter()
        .map(|(u, x)| (u.to_string(), x.to_string()))
        .collect();
    let feats: Vec<String> = by_frequency(feats_counts)
        .into_iter()
        .map(str::to_string)
        .collect();
    let tag_index: HashMap<(&str, &str), u16> = tags
        .iter()
        .enumerate()
        .map(|(i, (u, x))| ((u.as_str(), x.as_str()), i as u16))
        .collect();
    let feats_index: HashMap<&str, u16> = feats
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), i as u16))
        .collect();
    let mut pair_counts: HashMap<(u16, u16), u32> = HashMap::new();
    let mut by_lower: HashedMap<HashMap<u16, u32>> = HashedMap::default();
    let mut by_form: HashedMap<HashMap<u16, u32>> = HashedMap::default();
    let mut scratch = Scratch::default();
    for t in train.iter().flat_map(|s| &s.tokens) {
        let tag = tag_index[&(t.upos.as_str(), t.xpos.as_str())];
        *pair_counts
            .entry((tag, feats_index[t.feats.as_str()]))
            .or_default() += 1;
        let lex = Lexeme::new(&t.form, &mut scratch);
        *by_lower
            .entry(lex.lower)
            .or_default()
            .entry(tag)
            .or_default() += 1;
        *by_form.entry(lex.form).or_default().entry(tag).or_default() += 1;
    }
    let mut feats_of_tag: Vec<Vec<(u32, u16)>> = vec![Vec::new(); tags.len()];
    for ((tag, f), count) in pair_counts {
        feats_of_tag[usize::from(tag)].push((count, f));
    }
    let feats_of_tag = feats_of_tag
        .into_iter()
        .map(|mut list| {
            list.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            list.into_iter().map(|(_, f)| f).collect()
        })
        .collect();
    let mut ambiguity = HashedMap::default();
    for (&lower, counts) in &by_lower {
        let total: u32 = counts.values().sum();
        if total < AMBIGUITY_MIN_COUNT {
            continue;
        }
        let mut set: Vec<u16> = counts
            .iter()
            .filter(|&(_, &c)| f64::from(c) >= AMBIGUITY_MIN_SHARE * f64::from(total))
            .map(|(&t, _)| t)
            .collect();
        set.sort_unstable();
        let class = set
            .iter()
            .fold(0x616d_6267, |h, &t| mix(h, u64::from(t) + 1));
        ambiguity.insert(lower, finish(class));
    }
    let mut dictionary = HashedMap::default();
    for (&form, counts) in &by_form {
        let total: u32 = counts.values().sum();
        let (&tag, &top) = counts
            .iter()
            .max_by_key(|&(&t, &c)| (c, std::cmp::Reverse(t)))
            .expect("counted");
        if total >= DICTIONARY_MIN_COUNT
            && f64::from(top) >= DICTIONARY_MIN_SHARE * f64::from(total)
        {
            dictionary.insert(form, tag);
        }
    }
    Tagger {
        tags,
        feats,
        feats_of_tag,
        dictionary,
        ambiguity,
        weights: Weights::new(Perceptron::new(1).freeze(1)),
        second: Weights::new(Perceptron::new(1).freeze(1)),
        morph: Weights::new(Perceptron::new(1).freeze(1)),
    }
}

/// Keys sorted by descending count, ties by key, so that class numbers are reproducible.
fn by_frequency<K: Ord + Copy>(counts: HashMap<K, u32>) -> Vec<K> {
    let mut list: Vec<(K, u32)> = counts.into_iter().collect();
    list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.into_iter().map(|(k, _)| k).collect()
}

fn prepare(base: &Tagger, sentence: &Sentence, scratch: &mut Scratch) -> Example {
    let lexemes: Vec<Lexeme> = sentence
        .tokens
        .iter()
        .map(|t| Lexeme::new(&t.form, scratch))
        .collect();
    let ambiguity = lexemes
        .iter()
        .map(|l| base.ambiguity.get(&l.lower).copied().unwrap_or(RARE_WORD))
        .collect();
    let tag_of = |u: &str, x: &str| {
        base.tags
            .iter()
            .position(|(a, b)| a == u && b == x)
            .expect("inventory covers training") as u16
    };
    let feats_of = |f: &str| {
        base.feats
            .iter()
            .position(|g| g == f)
            .expect("inventory covers training") as u16
    };
    Example {
        tags: sentence
            .tokens
            .iter()
            .map(|t| tag_of(&t.upos, &t.xpos))
            .collect(),
        feats: sentence.tokens.iter().map(|t| feats_of(&t.feats)).collect(),
        lexemes,
        ambiguity,
    }
}

/// UPOS, XPOS and FEATS accuracy (%) on gold-tokenized sentences.
fn evaluate(tagger: &Tagger, sentences: &[Sentence]) -> (f64, f64, f64) {
    let (mut upos, mut xpos, mut feats, mut total) = (0usize, 0usize, 0usize, 0usize);
    let mut scratch = Scratch::default();
    let mut work = TagWork::default();
    let mut lexemes = Vec::new();
    for s in sentences {
        lexemes.clear();
        lexemes.extend(s.tokens.iter().map(|t| Lexeme::new(&t.form, &mut scratch)));
        tagger.predict(&lexemes, &mut work);
        for (i, gold) in s.tokens.iter().enumerate() {
            let (u, x) = &tagger.tags[usize::from(work.tags[i])];
            upos += usize::from(*u == gold.upos);
            xpos += usize::from(*x == gold.xpos);
            feats += usize::from(tagger.feats[usize::from(work.feats[i])] == gold.feats);
            total += 1;
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    (pct(upos), pct(xpos), pct(feats))
}
