//! End to end, one core: raw news stories (petrel's corpus) through segmentation, tagging,
//! parsing, coding and output records. Throughput is in sentences.
//! `cargo bench -p petrel --bench pipeline`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use petrel::pipeline::{Options, Pipeline};
use petrel::stories::parse_record;
use petrel_lexicon::Lexicon;

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = std::fs::read_to_string(root.join("corpus/stories.jsonl")).expect("corpus");
    let stories: Vec<_> = corpus
        .lines()
        .map(|l| parse_record(l).expect("corpus record"))
        .collect();
    let (lexicon, _) = Lexicon::load_own(&root.join("lexicon")).expect("lexicon");
    let syntax = petrel_syntax::Pipeline::load(&root.join("models")).expect("models");
    let pipeline = Pipeline::new(&syntax, &lexicon, &lexicon.ontology, Options::default());
    let sentences: usize = stories
        .iter()
        .map(|s| pipeline.code_story(s).sentences)
        .sum();

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Elements(sentences as u64));
    group.bench_function("corpus stories, raw text to events", |b| {
        b.iter(|| {
            stories
                .iter()
                .map(|s| pipeline.code_story(s).events.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
