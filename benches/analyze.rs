//! Speed of the whole analysis (`claimlens::analyze` + JSON), per article and per megabyte.
//!
//! `cargo bench` prints throughput; criterion keeps medians and compares runs. The inputs are
//! the project's own fixtures, repeated: a ~5 KB article (the size the browser analyses on
//! page load) and 1 MB and 10 MB texts (to see that time stays linear in size).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn corpus(bytes: usize) -> String {
    let a = include_str!("../tests/fixtures/plain.txt");
    let b = include_str!("../tests/fixtures/crlf_emoji.txt");
    let mut s = String::with_capacity(bytes + a.len() + b.len());
    while s.len() < bytes {
        s.push_str(a);
        s.push('\n');
        s.push_str(b);
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    // build the lexicon index once, outside the measurements
    claimlens::analyze("warm-up");
    let mut g = c.benchmark_group("analyze");
    for (name, size) in [("article_5k", 5_000), ("text_1m", 1_000_000), ("text_10m", 10_000_000)] {
        let text = corpus(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if size > 100_000 {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::new("json", name), &text, |b, t| b.iter(|| claimlens::analyze(t).to_json()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
