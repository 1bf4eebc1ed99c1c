//! Coding throughput with the full Phoenix dictionaries, given UD parses: the coder alone,
//! without tokenizing or parsing. Also the time to load those dictionaries.
//!
//! Input: every parse in the PETRARCH unit-test suite and the GigaWord sample (UD versions),
//! coded over and over. `cargo bench -p petrel --bench coding`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use petrel::validation;
use petrel_coder::Coder;
use petrel_lexicon::{Lexicon, PetrarchFiles};
use petrel_syntax::conllu;

fn phoenix_files() -> Option<PetrarchFiles> {
    let dir = petrel_testdata::require("petrarch/dictionaries")?;
    Some(PetrarchFiles::phoenix(&dir))
}

fn bench(c: &mut Criterion) {
    let Some(files) = phoenix_files() else { return };
    let Some(dir) = petrel_testdata::require("petrarch/validation") else {
        return;
    };
    let mut sentences = Vec::new();
    for name in [
        "PETR.UnitTest.records.ud.xml",
        "GigaWord.sample.PETR.ud.xml",
    ] {
        let file = validation::read_file(&dir.join(name)).expect("validation file");
        for record in file.records {
            if let Ok(parsed) = conllu::parse_str(&record.parse) {
                sentences.extend(parsed.into_iter().map(|s| (s, record.date)));
            }
        }
    }

    let mut group = c.benchmark_group("phoenix");
    group.sample_size(10);
    group.bench_function("load dictionaries", |b| {
        b.iter(|| Lexicon::load_petrarch(&files).expect("load"))
    });
    let (lexicon, _) = Lexicon::load_petrarch(&files).expect("load");
    let coder = Coder::new(&lexicon);
    group.sample_size(30);
    group.throughput(Throughput::Elements(sentences.len() as u64));
    group.bench_function("code sentences", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|(s, date)| coder.code(s, *date).events.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
