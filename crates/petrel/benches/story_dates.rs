//! Throughput of the text-level story passes on a wire-style story of a few kilobytes:
//! [`non_body`] over the whole story and [`find_dates`] over each of its sentences.
//!
//! Run with `cargo bench -p petrel --bench story_dates`; criterion reports MB/s of story text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use jiff::civil::date;
use petrel::dates::find_dates;
use petrel::story::non_body;

/// A made-up story in the shape of agency copy: headline, byline, dateline, reporting with
/// dates in most sentences, a photo caption, production credits, a biography and boilerplate.
const STORY: &str = "\
Kenya and Ethiopia agree to pull troops back from disputed border
By Jane Achieng and Dawit Bekele
NAIROBI, 4 March (Reuters) - Kenyan President William Ruto met Ethiopian Prime Minister Abiy \
Ahmed in Nairobi on Monday and urged Addis Ababa to pull its troops back from the border, his \
office said on Tuesday. The two leaders last met in June 2023, when they signed a trade accord \
that both sides said had been broken within months. Ruto told reporters that the talks had \
been frank. \"We agreed that our soldiers will withdraw by the end of the month,\" he said.
Kenyan President William Ruto speaks during a news conference at State House in Nairobi, \
Kenya, March 3, 2025. REUTERS/Monicah Mwangi
Ethiopian troops crossed into the Moyale area in early January, according to a United Nations \
report published last week, and clashes with Kenyan police two weeks ago killed at least \
four people. The African Union called for restraint on Sunday and said its envoy would travel \
to both capitals next week. Ethiopia's foreign ministry said in a statement late on Monday \
that Abiy had accepted an invitation to return to Nairobi in May for a summit on regional \
security. The ministry gave no date for a withdrawal.
Border disputes between the two countries date back to the 1960s. A joint commission set up \
in 2019 to mark the frontier has met only three times, most recently in September 2022, and \
its report has not been published. Analysts said the agreement reached on Monday was unlikely \
to hold unless both governments committed money to the commission. \"Since last year the \
situation on the ground has only got worse,\" said Mary Wanjiru, a researcher at the Nairobi \
Centre for Policy Studies. \"Yesterday's statement is a start, but we have heard this before.\"
Kenya's parliament is expected to debate the deal on Thursday. Opposition leaders have said \
they will oppose any agreement that cedes territory, and planned protests in Nairobi and \
Mombasa for Friday. Police said 50,000 officers would be deployed nationwide. The United \
States, which supplies both countries with military aid including F-16 spare parts, welcomed \
the talks earlier this week. Washington's envoy met Ruto on 28 February and Abiy on Feb. 26, \
a State Department spokesperson said. Troops may march back to their barracks in stages, \
officials said, with the first units leaving two days ago and the last due on April 15.
(Reporting by Jane Achieng in Nairobi and Dawit Bekele in Addis Ababa; Additional reporting \
by Tom Otieno; Editing by Peter Graff)
Jane Achieng is a senior correspondent for Reuters in East Africa. Follow her on Twitter \
@jachieng
Our Standards: The Thomson Reuters Trust Principles.
Sign up for our Africa newsletter
\u{a9} 2025 Thomson Reuters. All rights reserved.
";

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
