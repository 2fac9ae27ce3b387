//! Criterion benchmarks of dechrome's throughput: `cargo bench --bench clean`.
//!
//! Two groups, both over the same preloaded page set and reported as bytes of input per second:
//!
//! - `parse`: html5ever alone. `dom_parse` runs [`dechrome::dom::Dom::parse`] on pages already
//!   decoded to text; `decode_and_parse` adds the charset decoding that cleaning does first.
//! - `clean`: the whole pipeline, `Cleaner::clean_bytes` then `Document::to_text`.
//!
//! Pages: a deterministic sample of a WCXB-layout directory (every 10th page id in sorted order;
//! `DECHROME_BENCH_EVERY` changes the stride) from `DECHROME_BENCH_DIR` or
//! `../shared/bench/wcxb-dev`, else the fixture pages `corpus/html/*.html`. Each benchmark
//! iteration handles every page of the set once; each benchmark takes 10 such samples, so the
//! whole run takes about a minute.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use dechrome::dom::Dom;
use dechrome::{Cleaner, Options};

#[allow(dead_code)] // The module is shared with examples/throughput.rs, which uses other parts.
#[path = "support/pages.rs"]
mod pages;

/// Default stride of the sample of a WCXB directory.
const DEFAULT_EVERY: usize = 10;

fn load_pages() -> Vec<pages::Page> {
    let source = pages::default_source().unwrap_or_else(|e| panic!("{e}"));
    let every = std::env::var("DECHROME_BENCH_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_EVERY);
    let selection = pages::Selection { every, limit: None };
    let pages = pages::load(&source, selection).unwrap_or_else(|e| panic!("{e}"));
    assert!(!pages.is_empty(), "no pages in {source}");
    eprintln!(
        "benchmarking on {} pages ({} bytes) of {source}",
        pages.len(),
        pages::total_bytes(&pages)
    );
    pages
}

/// Samples per benchmark: criterion's minimum, since each iteration handles the whole set.
const SAMPLES: usize = 10;

/// Benchmarks `pass` (one pass over the page set) as `name` in `group`. One untimed pass first
/// sets the warm-up and measurement times, so that the [`SAMPLES`] flat samples fit without
/// criterion asking for a longer target time.
/// Under `cargo test --benches` (no `--bench` argument) criterion runs each benchmark once and
/// the untimed pass is skipped.
fn bench_pass(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, mut pass: impl FnMut()) {
    if !std::env::args().any(|arg| arg == "--bench") {
        group.bench_function(name, |b| b.iter(&mut pass));
        return;
    }
    let start = Instant::now();
    pass();
    let once = start.elapsed();
    group
        .warm_up_time(once.max(Duration::from_millis(100)))
        .measurement_time((once * (SAMPLES as u32 + 2)).max(Duration::from_millis(500)));
    group.bench_function(name, |b| b.iter(&mut pass));
}

fn benches(c: &mut Criterion) {
    let pages = load_pages();
    let bytes = pages::total_bytes(&pages);
    let texts: Vec<String> = pages.iter().map(|p| pages::decode_html(&p.bytes)).collect();

    let mut group = c.benchmark_group("parse");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(SAMPLES)
        .throughput(Throughput::Bytes(bytes));
    bench_pass(&mut group, "dom_parse", || {
        for text in &texts {
            black_box(Dom::parse(black_box(text)));
        }
    });
    bench_pass(&mut group, "decode_and_parse", || {
        for page in &pages {
            let text = pages::decode_html(black_box(&page.bytes));
            black_box(Dom::parse(&text));
        }
    });
    group.finish();

    let cleaner = Cleaner::new(Options::default());
    let mut group = c.benchmark_group("clean");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(SAMPLES)
        .throughput(Throughput::Bytes(bytes));
    bench_pass(&mut group, "clean_bytes_to_text", || {
        for page in &pages {
            let doc = cleaner.clean_bytes(black_box(&page.bytes), &pages::source_of(page));
            black_box(doc.map(|d| d.to_text()).ok());
        }
    });
    group.finish();
}

criterion_group!(clean_benches, benches);
criterion_main!(clean_benches);
