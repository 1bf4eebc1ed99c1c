//! Training the sentence-boundary model: an averaged perceptron over the gaps of text whose
//! sentences are known (UD English EWT train, rebuilt with [`crate::ud_text`]).
//!
//! The text is tokenized with petrel's own tokenizer, so the model learns from the same words
//! it will see at run time; a gap is a positive example when a gold sentence ends in it. Gaps
//! that are always or never boundaries (blank lines, the inside of a contraction) are left
//! out, as at run time. Tiny weights are pruned so the model file stays small.

use std::collections::HashMap;

use crate::sentence_model::{
    feature_hash, feature_name, paragraph_ends, word_infos, FeatureSink, GapContext, SentenceModel,
    Template, Value, MAX_SENTENCE_WORDS,
};
use crate::tokenize::{tokenize, Gap};
use crate::ud_text::UdText;

/// Settings for [`train`].
#[derive(Clone, Debug)]
pub struct TrainingOptions {
    pub epochs: usize,
    /// Averaged weights smaller than this in magnitude are dropped.
    pub prune_below: f32,
}

impl Default for TrainingOptions {
    fn default() -> Self {
        TrainingOptions {
            epochs: 8,
            prune_below: 1.0,
        }
    }
}

/// A trained model, with the text of the model file that holds it.
pub struct Trained {
    pub model: SentenceModel,
    /// `template<TAB>values...<TAB>weight` lines, sorted, after a comment header.
    pub file: String,
}

/// One training example: a gap's features and whether a sentence ends there.
struct Example {
    features: Vec<u64>,
    boundary: bool,
    paragraph: usize,
}

struct Collect<'a> {
    hashes: Vec<u64>,
    names: &'a mut HashMap<u64, String>,
}

impl FeatureSink for Collect<'_> {
    fn add(&mut self, template: Template, values: &[Value]) {
        let hash = feature_hash(template.hash, values);
        self.names
            .entry(hash)
            .or_insert_with(|| feature_name(template.name, values));
        self.hashes.push(hash);
    }
}

/// Trains a model on documents whose sentence spans are known.
pub fn train_sentence_model(documents: &[UdText], options: &TrainingOptions) -> Trained {
    let mut names = HashMap::new();
    let mut examples = Vec::new();
    let mut paragraphs = 0;
    for doc in documents {
        collect_examples(doc, &mut names, &mut examples, &mut paragraphs);
    }
    let weights = perceptron(&examples, options);
    let mut lines: Vec<(String, f32)> = weights
        .iter()
        .filter(|(_, w)| w.abs() >= options.prune_below)
        .map(|(h, w)| (names[h].clone(), *w))
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut file = String::from(
        "# petrel sentence-boundary model: averaged perceptron weights over gap features\n\
         # (crates/petrel-text/src/sentence_model.rs); regenerate as models/README.md says.\n\
         # template<TAB>values...<TAB>weight\n",
    );
    for (name, weight) in &lines {
        file.push_str(&format!("{name}\t{weight:.3}\n"));
    }
    let model = SentenceModel::parse(&file).expect("a model file just written parses");
    Trained { model, file }
}

fn collect_examples(
    doc: &UdText,
    names: &mut HashMap<u64, String>,
    examples: &mut Vec<Example>,
    paragraphs: &mut usize,
) {
    let words = tokenize(&doc.text);
    let paragraph_ends = paragraph_ends(&words);
    let infos = word_infos(&doc.text, &words);
    let mut gold_ends = doc.sentences.iter().map(|s| s.end).peekable();
    let mut length = 0;
    for i in 0..words.len() {
        length += 1;
        if words[i].gap == Gap::Paragraph {
            *paragraphs += 1;
        }
        while gold_ends.next_if(|&e| e < words[i].end).is_some() {}
        let next_start = words.get(i + 1).map_or(usize::MAX, |w| w.start);
        let boundary = gold_ends.peek().is_some_and(|&e| e <= next_start);
        if paragraph_ends[i] == i || words[i + 1].clitic {
            length = 0;
            continue;
        }
        if length < MAX_SENTENCE_WORDS {
            let gap = GapContext {
                words: &words,
                infos: &infos,
                i,
                length,
                remaining: paragraph_ends[i] - i,
            };
            let mut sink = Collect {
                hashes: Vec::new(),
                names,
            };
            gap.features(&mut sink);
            examples.push(Example {
                features: sink.hashes,
                boundary,
                paragraph: *paragraphs,
            });
        }
        if boundary {
            length = 0;
        }
    }
}

/// Averaged perceptron over the examples, visiting paragraphs in a shuffled order each epoch
/// (a fixed-seed generator, so training is reproducible).
fn perceptron(examples: &[Example], options: &TrainingOptions) -> HashMap<u64, f32> {
    // Example ranges per paragraph.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (k, e) in examples.iter().enumerate() {
        match ranges.last_mut() {
            Some(r) if examples[r.0].paragraph == e.paragraph => r.1 = k + 1,
            _ => ranges.push((k, k + 1)),
        }
    }
    // weight, running sum of weight over time, time of last update
    let mut state: HashMap<u64, (f32, f64, u64)> = HashMap::new();
    let mut time: u64 = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..options.epochs {
        shuffle(&mut ranges, &mut seed);
        for &(from, to) in &ranges {
            for example in &examples[from..to] {
                time += 1;
                let score: f32 = example
                    .features
                    .iter()
                    .filter_map(|h| state.get(h).map(|s| s.0))
                    .sum();
                if (score > 0.0) == example.boundary {
                    continue;
                }
                let delta = if example.boundary { 1.0 } else { -1.0 };
                for h in &example.features {
                    let s = state.entry(*h).or_insert((0.0, 0.0, time));
                    s.1 += f64::from(s.0) * (time - s.2) as f64;
                    s.2 = time;
                    s.0 += delta;
                }
            }
        }
    }
    let total = time.max(1) as f64;
    state
        .into_iter()
        .map(|(h, (w, sum, last))| {
            let sum = sum + f64::from(w) * (time - last) as f64;
            (h, (sum / total) as f32)
        })
        .collect()
}

/// Fisher–Yates with a xorshift generator.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
