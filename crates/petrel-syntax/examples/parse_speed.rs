//! Compares the perceptron parser and the neural parser on the same tagged sentences: parse
//! speed (one thread, models loaded, tagging not timed) and UAS/LAS by the CoNLL 2018 scorer.
//!
//! ```text
//! cargo run --release -p petrel-syntax --example parse_speed -- \
//!     TAGGER.bin PARSER.bin NPARSER.bin GOLD.conllu
//! ```

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use petrel_syntax::eval::{evaluate, Document};
use petrel_syntax::lexeme::{Lexeme, Scratch};
use petrel_syntax::load_model;
use petrel_syntax::neural::{EnsembleWork, NeuralEnsemble};
use petrel_syntax::parser::{ParseWork, Parser};
use petrel_syntax::tagger::{TagWork, Tagger};
use petrel_text::{Sentence, Token};

/// Timed passes over the data; the fastest counts.
const PASSES: usize = 3;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parse_speed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [tagger, parser, nparser, gold] = args.as_slice() else {
        return Err("usage: parse_speed TAGGER.bin PARSER.bin NPARSER.bin GOLD.conllu".into());
    };
    let tagger = load_model(Path::new(tagger), Tagger::load)?;
    let parser = load_model(Path::new(parser), Parser::load)?;
    let nparser = load_model(Path::new(nparser), NeuralEnsemble::load)?;
    let text = std::fs::read_to_string(gold).map_err(|e| format!("{gold}: {e}"))?;
    let gold_sentences =
        petrel_syntax::conllu::parse_str(&text).map_err(|e| format!("{gold}: {e}"))?;
    let gold_doc = Document::from_sentences(&gold_sentences);

    // Tag once, untimed: both parsers read the same predicted tags.
    let mut scratch = Scratch::default();
    let mut tag_work = TagWork::default();
    let mut sentences = gold_sentences.clone();
    let mut lexemes: Vec<Vec<Lexeme>> = Vec::new();
    for s in &mut sentences {
        let lex: Vec<Lexeme> = s
            .tokens
            .iter()
            .map(|t| Lexeme::new(&t.form, &mut scratch))
            .collect();
        tagger.annotate(&mut s.tokens, &lex, &mut tag_work);
        lexemes.push(lex);
    }
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    println!(
        "{} sentences, {tokens} tokens, best of {PASSES} passes",
        sentences.len()
    );

    let mut work = ParseWork::default();
    let perceptron = measure(&mut sentences, &lexemes, |t, l| {
        parser.annotate(t, l, &mut work)
    });
    report("perceptron", perceptron, tokens, &gold_doc, &sentences)?;
    let mut work = EnsembleWork::default();
    let neural = measure(&mut sentences, &lexemes, |t, l| {
        nparser.annotate(t, l, &mut work)
    });
    report("neural", neural, tokens, &gold_doc, &sentences)?;
    Ok(())
}

/// The fastest of [`PASSES`] parses of every sentence, in seconds.
fn measure(
    sentences: &mut [Sentence],
    lexemes: &[Vec<Lexeme>],
    mut parse: impl FnMut(&mut [Token], &[Lexeme]),
) -> f64 {
    (0..PASSES)
        .map(|_| {
            let started = Instant::now();
            for (s, l) in sentences.iter_mut().zip(lexemes) {
                parse(&mut s.tokens, l);
            }
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn report(
    name: &str,
    seconds: f64,
    tokens: usize,
    gold: &Document,
    parsed: &[Sentence],
) -> Result<(), Box<dyn std::error::Error>> {
    let scores = evaluate(gold, &Document::from_sentences(parsed))?;
    let f1 = |m: &str| scores.get(m).map_or(0.0, |s| s.f1());
    println!(
        "{name:<11} {:>9.0} tokens/s   UAS {:.2}  LAS {:.2}",
        tokens as f64 / seconds,
        f1("UAS"),
        f1("LAS")
    );
    Ok(())
}
