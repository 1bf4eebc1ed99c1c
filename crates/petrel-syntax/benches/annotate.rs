//! Throughput of tagging, lemmatizing and parsing (gold tokenization) on EWT dev, in tokens
//! per second on one core, with the committed models: the default (perceptron) parser, and
//! the neural parser with its tagging head.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use petrel_syntax::conllu::Reader;
use petrel_syntax::{ParserKind, Pipeline};
use petrel_text::{Sentence, Token};

fn annotate(c: &mut Criterion) {
    let Some(path) = petrel_testdata::require("ud/en_ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
    let file = std::fs::File::open(path).expect("dev set");
    let sentences: Vec<Sentence> = Reader::new(std::io::BufReader::new(file))
        .map(|s| {
            let mut s = s.expect("dev set parses");
            for t in &mut s.tokens {
                *t = Token {
                    form: std::mem::take(&mut t.form),
                    ..Token::default()
                };
            }
            s
        })
        .collect();
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut group = c.benchmark_group("ewt-dev");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    for (name, kind) in [
        ("tag+lemmatize+parse", ParserKind::Perceptron),
        ("tag+lemmatize+parse (neural)", ParserKind::Neural),
    ] {
        let pipeline = Pipeline::load_with(&models, kind).expect("committed models load");
        group.bench_function(name, |b| {
            let mut work = sentences.clone();
            b.iter(|| {
                for s in &mut work {
                    pipeline.annotate(s);
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, annotate);
criterion_main!(benches);
