//! Throughput of `segment` on the raw text of UD English EWT dev (rebuilt from the treebank's
//! `# text` comments): bytes per second as criterion reports it, and tokens per second printed
//! alongside. `cargo bench -p petrel-text --bench segment`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use petrel_text::{rebuild_ud_text, segment};

fn bench_segment(c: &mut Criterion) {
    let Some(path) = petrel_testdata::require("ud/en_ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let conllu = std::fs::read_to_string(&path).expect("readable EWT dev file");
    let text = rebuild_ud_text(&conllu)
        .expect("EWT dev has # text comments")
        .text;
    let tokens: usize = segment(&text).iter().map(|s| s.tokens.len()).sum();
    println!("EWT dev raw text: {} bytes, {tokens} tokens", text.len());

    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("ewt_dev_bytes", |b| b.iter(|| segment(&text)));
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("ewt_dev_tokens", |b| b.iter(|| segment(&text)));
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
