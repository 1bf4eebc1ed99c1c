//! Time to load a whole lexicon into memory: petrel's own (`lexicon/`, read and built, the
//! ontology tables included) and the PETRARCH Phoenix set, for comparison.
//! `cargo bench -p petrel-lexicon --bench load`.
//!
//! petrel loads its lexicon at start-up for every run, so this is start-up latency; the
//! target for the own lexicon is under 200 ms in a release build.

use criterion::{criterion_group, criterion_main, Criterion};
use petrel_lexicon::{default_dir, Lexicon, PetrarchFiles};

fn phoenix_files() -> Option<PetrarchFiles> {
    let dir = petrel_testdata::require("petrarch/dictionaries")?;
    Some(PetrarchFiles {
        issues: vec![dir.join("Phoenix.IssueCoding.txt")],
        ontology: Some(dir.join("PETR.Internal.Coding.Ontology.txt")),
        ..PetrarchFiles::phoenix(&dir)
    })
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    let dir = default_dir();
    group.bench_function("own lexicon", |b| {
        b.iter_with_large_drop(|| Lexicon::load_own(&dir).expect("the lexicon loads"))
    });
    if let Some(files) = phoenix_files() {
        group.bench_function("Phoenix dictionaries", |b| {
            b.iter_with_large_drop(|| Lexicon::load_petrarch(&files).expect("Phoenix loads"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
