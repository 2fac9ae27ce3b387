//! Single-thread throughput of dechrome over a whole page set, for `bench/compare.sh`.
//!
//! ```text
//! cargo run --release --example throughput -- DIR [--every K] [--limit N] [--only parse|rcdom|clean] [--repeat R]
//! ```
//!
//! `DIR` is a WCXB-layout directory (`html/<id>.html.gz`, `ground-truth/<id>.json`) or a
//! directory of `*.html` files. Every page is read and decompressed into memory first; then, on
//! the calling thread only:
//!
//! - parse: each page is decoded to text exactly as `Cleaner::clean_bytes` decodes it (BOM,
//!   `<meta>` prescan, UTF-8 check, chardetng guess) and parsed with html5ever into dechrome's
//!   DOM (`Dom::parse`: html5ever's tokenizer and tree builder, with dechrome's attribute cap,
//!   nesting guard and arena);
//! - rcdom: each page is decoded the same way and parsed by html5ever into its own reference
//!   DOM (`markup5ever_rcdom::RcDom`), html5ever as its documentation shows it, with nothing of
//!   dechrome's;
//! - clean: each page goes through `Cleaner::clean_bytes` and `Document::to_text`, as in
//!   `dechrome eval`.
//!
//! With `--repeat R` the phases take turns R times (parse, rcdom, clean, parse, …) and each
//! keeps its fastest run. The result is one JSON
//! object on standard output; sizes are decompressed bytes and MB are 10^6 bytes. Rates are given
//! per second of wall time (`parse_pages_per_s`, `clean_mb_per_s`, …) and, on Linux, per second
//! of the thread's CPU time (`clean_cpu_pages_per_s`, …), with the time it waited for a CPU
//! (`clean_wait_seconds`): on a busy machine the CPU-time rates are the steadier ones.

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
    "usage: throughput DIR [--every K] [--limit N] [--only parse|rcdom|clean] [--repeat R]";

struct Args {
    dir: PathBuf,
    selection: pages::Selection,
    parse: bool,
    rcdom: bool,
    clean: bool,
    repeat: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut selection = pages::Selection::default();
    let (mut parse, mut rcdom, mut clean) = (true, true, true);
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
                "parse" => (rcdom, clean) = (false, false),
                "rcdom" => (parse, clean) = (false, false),
                "clean" => (parse, rcdom) = (false, false),
                other => {
                    return Err(format!(
                        "--only: expected parse, rcdom or clean, got {other}"
                    ))
                }
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
        rcdom,
        clean,
        repeat,
    })
}

/// On-CPU time and run-queue wait of the calling thread so far, from
/// `/proc/thread-self/schedstat` (Linux; `None` elsewhere). On a shared machine the CPU time
/// is a steadier measure than wall time, and the wait shows how much other work got in the way.
fn thread_schedstat() -> Option<(Duration, Duration)> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let mut fields = stat.split_whitespace().map(|f| f.parse::<u64>().ok());
    let on_cpu = fields.next()??;
    let waiting = fields.next()??;
    Some((Duration::from_nanos(on_cpu), Duration::from_nanos(waiting)))
}

/// Figures of one timed run over the page set.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    /// Wall time of the run.
    wall: Duration,
    /// On-CPU time of the thread during the run, if known.
    cpu: Option<Duration>,
    /// Time the thread waited for a CPU during the run, if known.
    wait: Option<Duration>,
    /// Parse runs: wall time spent decoding (the rest is html5ever parsing and DOM drop).
    decode: Duration,
    /// Clean runs: pages whose cleaning failed.
    failures: usize,
}

/// Runs `work` and measures it.
fn measure(work: impl FnOnce(&mut Run)) -> Run {
    let mut run = Run::default();
    let stat_before = thread_schedstat();
    let start = Instant::now();
    work(&mut run);
    run.wall = start.elapsed();
    if let (Some(before), Some(after)) = (stat_before, thread_schedstat()) {
        run.cpu = Some(after.0.saturating_sub(before.0));
        run.wait = Some(after.1.saturating_sub(before.1));
    }
    run
}

/// One parse run: each page decoded as `clean_bytes` decodes it, then parsed (DOM drop
/// included). Never inlined, so that a profiler can restrict collection to it.
#[inline(never)]
fn time_parse(pages: &[pages::Page]) -> Run {
    measure(|run| {
        for page in pages {
            let start = Instant::now();
            let text = pages::decode_html(black_box(&page.bytes));
            run.decode += start.elapsed();
            drop(black_box(Dom::parse(&text)));
        }
    })
}

/// One run of html5ever alone: each page decoded as in [`time_parse`], then parsed into
/// html5ever's reference DOM (`RcDom`), which is then dropped. Never inlined, for profilers.
#[inline(never)]
fn time_rcdom(pages: &[pages::Page]) -> Run {
    use html5ever::tendril::TendrilSink;
    measure(|run| {
        for page in pages {
            let start = Instant::now();
            let text = pages::decode_html(black_box(&page.bytes));
            run.decode += start.elapsed();
            let dom = html5ever::parse_document(
                markup5ever_rcdom::RcDom::default(),
                html5ever::ParseOpts::default(),
            )
            .one(text.as_str());
            drop(black_box(dom));
        }
    })
}

/// One clean run. Never inlined, so that a profiler can restrict collection to it
/// (`valgrind --tool=callgrind --toggle-collect='*time_clean*'`).
#[inline(never)]
fn time_clean(cleaner: &Cleaner, pages: &[pages::Page]) -> Run {
    measure(|run| {
        for page in pages {
            match cleaner.clean_bytes(black_box(&page.bytes), &pages::source_of(page)) {
                Ok(doc) => drop(black_box(doc.to_text())),
                Err(_) => run.failures += 1,
            }
        }
    })
}

/// Adds the figures of `run` to `out` under `{phase}_…` keys.
fn report(out: &mut serde_json::Value, phase: &str, run: &Run, pages: f64, megabytes: f64) {
    let wall = run.wall.as_secs_f64();
    out[format!("{phase}_seconds")] = json!(wall);
    out[format!("{phase}_pages_per_s")] = json!(rate(pages, wall));
    out[format!("{phase}_mb_per_s")] = json!(rate(megabytes, wall));
    if let (Some(cpu), Some(wait)) = (run.cpu, run.wait) {
        let cpu = cpu.as_secs_f64();
        out[format!("{phase}_cpu_seconds")] = json!(cpu);
        out[format!("{phase}_wait_seconds")] = json!(wait.as_secs_f64());
        out[format!("{phase}_cpu_pages_per_s")] = json!(rate(pages, cpu));
        out[format!("{phase}_cpu_mb_per_s")] = json!(rate(megabytes, cpu));
    }
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
    // The phases take turns, round after round, and each keeps its fastest run: a swing in
    // the machine's speed then touches every phase alike instead of one phase's runs.
    let cleaner = Cleaner::new(Options::default());
    let (mut parse, mut rcdom, mut clean): (Option<Run>, Option<Run>, Option<Run>) =
        (None, None, None);
    let faster =
        |best: Option<Run>, run: Run| Some(best.filter(|b| b.wall <= run.wall).unwrap_or(run));
    for _ in 0..args.repeat.max(1) {
        if args.parse {
            parse = faster(parse, time_parse(&pages));
        }
        if args.rcdom {
            rcdom = faster(rcdom, time_rcdom(&pages));
        }
        if args.clean {
            clean = faster(clean, time_clean(&cleaner, &pages));
        }
    }
    if let Some(run) = parse {
        out["decode_seconds"] = json!(run.decode.as_secs_f64());
        out["dom_parse_seconds"] = json!((run.wall.saturating_sub(run.decode)).as_secs_f64());
        report(&mut out, "parse", &run, count, megabytes);
    }
    if let Some(run) = rcdom {
        report(&mut out, "rcdom", &run, count, megabytes);
    }
    if let Some(run) = clean {
        out["clean_failures"] = json!(run.failures);
        report(&mut out, "clean", &run, count, megabytes);
    }
    println!("{out}");
    ExitCode::SUCCESS
}
