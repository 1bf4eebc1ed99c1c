//! Throughput of the text-level story passes on a wire-style story of a few kilobytes:
//! [`non_body`] over the whole story and [`find_dates`] over each of its sentences.
//!
//! Run with `cargo bench -p petrel --bench story_dates`; criterion reports MB/s of story text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use jiff::civil::date;
use petrel::dates::find_dates;
use petrel::story::non_body;

/// A made-up story in the shape of agency copy (see `tests/story_dates.rs` for what is found in
/// it): headline, byline, dateline, reporting with dates in most sentences, a photo caption,
/// production credits, a biography and boilerplate.
const STORY: &str = include_str!("../tests/fixtures/wire_story.txt");

/// The story's sentences, split naively on line breaks and on ". " (outside the timing).
fn sentences(text: &str) -> Vec<&str> {
    text.lines()
        .flat_map(|line| line.split(". "))
        .filter(|s| !s.trim().is_empty())
        .collect()
}

fn bench(c: &mut Criterion) {
    let story_date = date(2025, 3, 4);
    let mut group = c.benchmark_group("story_text");
    group.throughput(Throughput::Bytes(STORY.len() as u64));
    group.bench_function("non_body", |b| b.iter(|| non_body(black_box(STORY))));
    let sentences = sentences(STORY);
    group.bench_function("find_dates_per_sentence", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| find_dates(black_box(s), story_date).len())
                .sum::<usize>()
        })
    });
    group.bench_function("both", |b| {
        b.iter(|| {
            let parts = non_body(black_box(STORY)).len();
            let dates: usize = sentences
                .iter()
                .map(|s| find_dates(black_box(s), story_date).len())
                .sum();
            parts + dates
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
