//! Trains petrel's sentence-boundary model and writes `models/sentences.tsv`.
//!
//! ```text
//! cargo run --release -p petrel-text --example train_sentences -- \
//!     ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu \
//!     ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu models/sentences.tsv
//! ```
//!
//! Prints the exact-match sentence F1 on the dev file (sentence spans in the rebuilt raw text;
//! `petrel eval-ud` gives the official-style figures), with paragraphs separated as in the
//! treebank by a blank line, and also by a single line break or only spaces. The test file is
//! never read here.

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
    // Also train on the same text with its blank lines turned into single line breaks or
    // spaces, alternately, so that the model does not lean on blank lines that much news
    // text lacks. (Same length, so the gold spans still hold.)
    let mut breaks = 0;
    let flat = UdText {
        text: train
            .text
            .split("\n\n")
            .enumerate()
            .fold(String::new(), |mut text, (k, part)| {
                if k > 0 {
                    breaks += 1;
                    text.push_str(if breaks % 2 == 0 { "\n " } else { "  " });
                }
                text.push_str(part);
                text
            }),
        sentences: train.sentences.clone(),
    };
    let trained = train_sentence_model(&[train, flat], &TrainingOptions::default());
    std::fs::write(out, &trained.file).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} features, {} bytes",
        trained.model.len(),
        trained.file.len()
    );
    let gold: Vec<(usize, usize)> = dev.sentences.iter().map(|s| (s.start, s.end)).collect();
    for (style, separator) in [
        ("blank line", "\n\n"),
        ("line break", "\n "),
        ("space", "  "),
    ] {
        let text = dev.text.replace("\n\n", separator);
        let system: Vec<(usize, usize)> = segment_with(&text, &trained.model)
            .iter()
            .filter_map(|s| s.span.map(|span| (span.start, span.end)))
            .collect();
        let correct = system
            .iter()
            .filter(|s| gold.binary_search(s).is_ok())
            .count();
        let f1 = 200.0 * correct as f64 / (system.len() + gold.len()) as f64;
        println!(
            "dev, paragraphs separated by {style}: {} gold, {} system, {correct} exact, F1 {f1:.2}",
            gold.len(),
            system.len()
        );
    }
    Ok(())
}
