//! Trains petrel's sentence-boundary model and writes `models/sentences.tsv`.
//!
//! ```text
//! cargo run --release -p petrel-text --example train_sentences -- \
//!     ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu \
//!     ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu models/sentences.tsv
//! ```
//!
//! Prints the exact-match sentence F1 on the dev file (sentence spans in the rebuilt raw text;
//! `petrel eval-ud` gives the official-style figures). The test file is never read here.

use std::process::ExitCode;

use petrel_text::{rebuild_ud_text, segment_with, train_sentence_model, TrainingOptions, UdText};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train, dev, out] = args.as_slice() else {
        eprintln!("usage: train_sentences TRAIN.conllu DEV.conllu OUT.tsv");
        return ExitCode::from(2);
    };
    match run(train, dev, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_sentences: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<UdText, String> {
    let conllu = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    rebuild_ud_text(&conllu).map_err(|e| format!("{path}: {e}"))
}

fn run(train: &str, dev: &str, out: &str) -> Result<(), String> {
    let (train, dev) = (read(train)?, read(dev)?);
    let trained = train_sentence_model(&[train], &TrainingOptions::default());
    std::fs::write(out, &trained.file).map_err(|e| format!("{out}: {e}"))?;
    let system: Vec<(usize, usize)> = segment_with(&dev.text, &trained.model)
        .iter()
        .filter_map(|s| s.span.map(|span| (span.start, span.end)))
        .collect();
    let gold: Vec<(usize, usize)> = dev.sentences.iter().map(|s| (s.start, s.end)).collect();
    let correct = system
        .iter()
        .filter(|s| gold.binary_search(s).is_ok())
        .count();
    let f1 = 200.0 * correct as f64 / (system.len() + gold.len()) as f64;
    println!(
        "{} features, {} bytes; dev: {} gold, {} system, {} exact sentences, F1 {f1:.2}",
        trained.model.len(),
        trained.file.len(),
        gold.len(),
        system.len(),
        correct
    );
    Ok(())
}
