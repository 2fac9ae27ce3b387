//! Single-thread throughput of dechrome over a whole page set, for `bench/compare.sh`.
//!
//! ```text
//! cargo run --release --example throughput -- DIR [--every K] [--limit N] [--only parse|clean] [--repeat R]
//! ```
//!
//! `DIR` is a WCXB-layout directory (`html/<id>.html.gz`, `ground-truth/<id>.json`) or a
//! directory of `*.html` files. Every page is read and decompressed into memory first; then, on
//! the calling thread only:
//!
//! - parse: each page is decoded to text exactly as `Cleaner::clean_bytes` decodes it (BOM,
//!   `<meta>` prescan, UTF-8 check, chardetng guess) and parsed with html5ever into dechrome's
//!   DOM (`Dom::parse`);
//! - clean: each page goes through `Cleaner::clean_bytes` and `Document::to_text`, as in
//!   `dechrome eval`.
//!
//! With `--repeat R` each phase runs R times and the fastest run is kept. The result is one JSON
//! object on standard output; sizes are decompressed bytes and MB are 10^6 bytes.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dechrome::dom::Dom;
use dechrome::{Cleaner, Options};
use serde_json::json;

#[allow(dead_code)] // The module is shared with benches/clean.rs, which uses other parts.
#[path = "../benches/support/pages.rs"]
mod pages;

const USAGE: &str =
    "usage: throughput DIR [--every K] [--limit N] [--only parse|clean] [--repeat R]";

struct Args {
    dir: PathBuf,
    selection: pages::Selection,
    parse: bool,
    clean: bool,
    repeat: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut selection = pages::Selection::default();
    let (mut parse, mut clean) = (true, true);
    let mut repeat = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let number = |name: &str, v: String| {
            v.parse::<usize>()
                .map_err(|_| format!("{name}: not a number: {v}"))
        };
        match arg.as_str() {
            "--every" => selection.every = number("--every", value("--every")?)?.max(1),
            "--limit" => selection.limit = Some(number("--limit", value("--limit")?)?),
            "--repeat" => repeat = number("--repeat", value("--repeat")?)?.max(1),
            "--only" => match value("--only")?.as_str() {
                "parse" => clean = false,
                "clean" => parse = false,
                other => return Err(format!("--only: expected parse or clean, got {other}")),
            },
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    Ok(Args {
        dir: dir.ok_or_else(|| USAGE.to_owned())?,
        selection,
        parse,
        clean,
        repeat,
    })
}

/// Times of one parse run: charset decoding and html5ever parsing (DOM drop included).
/// Never inlined, so that a profiler can restrict collection to it.
#[inline(never)]
fn time_parse(pages: &[pages::Page]) -> (Duration, Duration) {
    let (mut decoding, mut parsing) = (Duration::ZERO, Duration::ZERO);
    for page in pages {
        let start = Instant::now();
        let text = pages::decode_html(black_box(&page.bytes));
        let decoded = Instant::now();
        drop(black_box(Dom::parse(&text)));
        let parsed = Instant::now();
        decoding += decoded - start;
        parsing += parsed - decoded;
    }
    (decoding, parsing)
}

/// Time of one clean run, and how many pages failed to clean. Never inlined, so that a profiler
/// can restrict collection to it (`valgrind --tool=callgrind --toggle-collect='*time_clean*'`).
#[inline(never)]
fn time_clean(cleaner: &Cleaner, pages: &[pages::Page]) -> (Duration, usize) {
    let mut failures = 0;
    let start = Instant::now();
    for page in pages {
        match cleaner.clean_bytes(black_box(&page.bytes), &pages::source_of(page)) {
            Ok(doc) => drop(black_box(doc.to_text())),
            Err(_) => failures += 1,
        }
    }
    (start.elapsed(), failures)
}

fn rate(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        amount / seconds
    } else {
        0.0
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let source = if pages::is_wcxb(&args.dir) {
        pages::PageSource::Wcxb(args.dir.clone())
    } else {
        pages::PageSource::Fixtures(args.dir.clone())
    };
    let load_start = Instant::now();
    let pages = match pages::load(&source, args.selection) {
        Ok(pages) if !pages.is_empty() => pages,
        Ok(_) => {
            eprintln!("no pages in {source}");
            return ExitCode::from(1);
        }
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let load_seconds = load_start.elapsed().as_secs_f64();
    let count = pages.len() as f64;
    let bytes = pages::total_bytes(&pages);
    let megabytes = bytes as f64 / 1e6;

    let mut out = json!({
        "pages": pages.len(),
        "bytes": bytes,
        "load_seconds": load_seconds,
        "repeat": args.repeat,
    });
    if args.parse {
        let (decoding, parsing) = (0..args.repeat)
            .map(|_| time_parse(&pages))
            .min_by_key(|(d, p)| *d + *p)
            .unwrap_or_default();
        let (decode_s, dom_s) = (decoding.as_secs_f64(), parsing.as_secs_f64());
        let parse_s = decode_s + dom_s;
        out["decode_seconds"] = json!(decode_s);
        out["dom_parse_seconds"] = json!(dom_s);
        out["parse_seconds"] = json!(parse_s);
        out["parse_pages_per_s"] = json!(rate(count, parse_s));
        out["parse_mb_per_s"] = json!(rate(megabytes, parse_s));
    }
    if args.clean {
        let cleaner = Cleaner::new(Options::default());
        let (clean_time, failures) = (0..args.repeat)
            .map(|_| time_clean(&cleaner, &pages))
            .min_by_key(|(t, _)| *t)
            .unwrap_or_default();
        let clean_s = clean_time.as_secs_f64();
        out["clean_seconds"] = json!(clean_s);
        out["clean_failures"] = json!(failures);
        out["clean_pages_per_s"] = json!(rate(count, clean_s));
        out["clean_mb_per_s"] = json!(rate(megabytes, clean_s));
    }
    println!("{out}");
    ExitCode::SUCCESS
}
