//! Hostile inputs: deep nesting, huge attributes, floods of tiny elements, broken encodings,
//! compression bombs, truncated archives. Every input is generated here. Each test asserts
//! that cleaning does not panic, stays within a generous time bound (debug build), and has
//! the expected outcome: the text is kept, or a specific error.
//!
//! The cleaner runs without its time budget here (a debug build on a busy machine is slow,
//! and the bound is checked by the tests themselves), except in the test of the budget.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;
use std::time::{Duration, Instant};

use dechrome::{Cleaner, Document, Error, InputFormat, Options, Source};

/// Records, per thread, the largest single allocation, to show that a bomb is not inflated
/// whole.
struct LargestAllocation;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for LargestAllocation {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_size(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_size(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn note_size(size: usize) {
    let _ = LARGEST.try_with(|l| l.set(l.get().max(size)));
}

#[global_allocator]
static ALLOCATOR: LargestAllocation = LargestAllocation;

/// Generous bound for one input in a debug build.
const BOUND: Duration = Duration::from_secs(20);

const SENTENCE: &str = "The river rose slowly through the night, and by morning the old \
    stone bridge was under water for the first time in forty years.";

/// The calling thread's time on a CPU so far, from `/proc/thread-self/schedstat` (Linux;
/// `None` elsewhere). Unlike wall time it does not grow while other work holds the CPUs.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let on_cpu = stat.split_ascii_whitespace().next()?.parse::<u64>().ok()?;
    Some(Duration::from_nanos(on_cpu))
}

/// Runs `f`, asserting it finishes within [`BOUND`] of the thread's CPU time (of wall time
/// where the CPU time cannot be read). The cleaner runs on the calling thread.
fn within_bound<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let cpu_start = thread_cpu_time();
    let out = f();
    let elapsed = match (cpu_start, thread_cpu_time()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => start.elapsed(),
    };
    assert!(elapsed < BOUND, "{label}: took {elapsed:?}");
    out
}

fn clean_with(options: Options, bytes: &[u8]) -> Result<Document, Error> {
    Cleaner::new(options).clean_bytes(bytes, &Source::default())
}

/// Default options without the time budget.
fn options() -> Options {
    Options {
        time_budget: None,
        ..Options::default()
    }
}

fn clean(bytes: &[u8]) -> Result<Document, Error> {
    clean_with(options(), bytes)
}

fn html_options() -> Options {
    Options {
        input_format: InputFormat::Html,
        ..options()
    }
}

/// Cleans `html` and asserts the text is kept.
fn assert_keeps(label: &str, html: &str, text: &str) {
    let doc = within_bound(label, || clean_with(html_options(), html.as_bytes()))
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    assert!(doc.to_text().contains(text), "{label}: text lost");
}

fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    open.repeat(depth) + inner + &close.repeat(depth)
}

#[test]
fn deep_block_nesting_keeps_its_text() {
    assert_keeps(
        "100k divs",
        &nested("<div>", "</div>", 100_000, SENTENCE),
        SENTENCE,
    );
    assert_keeps(
        "100k unclosed divs",
        &("<div>".repeat(100_000) + SENTENCE),
        SENTENCE,
    );
    assert_keeps(
        "10k tables",
        &nested("<table><tr><td>", "</td></tr></table>", 10_000, SENTENCE),
        SENTENCE,
    );
    assert_keeps(
        "10k lists",
        &nested("<ul><li>", "</li></ul>", 10_000, SENTENCE),
        SENTENCE,
    );
    assert_keeps(
        "10k quotes",
        &nested("<blockquote>", "</blockquote>", 10_000, SENTENCE),
        SENTENCE,
    );
}

#[test]
fn deep_inline_nesting_keeps_its_text() {
    for (open, close) in [
        ("<b>", "</b>"),
        ("<span>", "</span>"),
        ("<font color=red>", "</font>"),
        ("<b><i><u><em>", "</em></u></i></b>"),
    ] {
        let html = nested(open, close, 100_000 / (open.len() / 3).max(1), SENTENCE);
        assert_keeps(open, &html, SENTENCE);
    }
    // Nested links close each other; the text is there (as link text, which is chrome).
    let html = nested("<a href=x>", "</a>", 100_000, SENTENCE);
    let doc = within_bound("100k links", || clean_with(html_options(), html.as_bytes())).unwrap();
    assert!(doc.blocks.iter().any(|b| b.text.contains(SENTENCE)));
}

#[test]
fn text_after_deep_nesting_is_outside_it() {
    let html = nested("<div>", "</div>", 50_000, "<p>inner</p>")
        + "<article><h1>Title</h1><p>"
        + SENTENCE
        + "</p></article>";
    assert_keeps("after 50k divs", &html, SENTENCE);
}

#[test]
fn reopened_formatting_elements_stay_cheap() {
    // Every unclosed <b> with its own attributes is re-opened in each later paragraph.
    let mut html = String::new();
    for i in 0..20_000 {
        html.push_str(&format!("<p><b id=b{i}>word{i} "));
        html.push_str(SENTENCE);
        html.push_str("</p>");
    }
    assert_keeps("20k re-opened <b>", &html, "word19999");
}

#[test]
fn huge_attribute_lists() {
    let attrs: String = (0..100_000)
        .map(|i| format!(" data-a{i}=\"{i}\""))
        .collect();
    assert_keeps(
        "100k attributes",
        &format!("<p{attrs}>{SENTENCE}</p>"),
        SENTENCE,
    );
    // Unterminated, and on the body, twice.
    let html = format!("<body{attrs}><body{attrs}><p>{SENTENCE}</p><p{attrs}");
    assert_keeps("100k attributes, unterminated", &html, SENTENCE);
    let value = "v".repeat(1 << 20);
    assert_keeps(
        "1 MB attribute value",
        &format!("<p title=\"{value}\" class='{value}'>{SENTENCE}</p>"),
        SENTENCE,
    );
}

/// A million takes about 40 s in a debug build (6 s in release, all stages linear), so the
/// test cleans 200,000.
#[test]
fn many_tiny_paragraphs() {
    let html = "<p>a</p>".repeat(200_000) + "<p>" + SENTENCE + "</p>";
    assert_keeps("200k paragraphs", &html, SENTENCE);
}

#[test]
fn nul_bytes() {
    // NUL between every character: binary.
    let mut bytes = Vec::new();
    for b in format!("<p>{SENTENCE}</p>").bytes() {
        bytes.push(b);
        bytes.push(0);
    }
    let r = within_bound("NUL everywhere", || clean(&bytes));
    assert!(matches!(r, Err(Error::Binary)), "{r:?}");
    // NULs sprinkled through a page (and through its tags) are dropped or spaced.
    let page = format!("<html><bo\0dy><p>{SENTENCE}</p>\0<p>\0x\0</p><di\0v a=\0>\0</div>");
    let doc = within_bound("some NULs", || clean(page.as_bytes())).unwrap();
    assert!(doc.to_text().contains(SENTENCE));
    // Only NULs.
    let r = within_bound("only NULs", || clean(&[0u8; 100_000]));
    assert!(matches!(r, Err(Error::Binary)), "{r:?}");
}

#[test]
fn mixed_and_invalid_encodings() {
    let mut page = Vec::new();
    page.extend_from_slice(b"<html><body><p>");
    page.extend_from_slice(SENTENCE.as_bytes());
    page.extend_from_slice(" Caf\u{e9} na\u{ef}ve \u{2014} \u{65e5}\u{672c}.</p><p>".as_bytes());
    // Latin-1: "Café à la crème"
    page.extend_from_slice(b"Caf\xe9 \xe0 la cr\xe8me, d\xe9j\xe0 vu.</p><p>");
    // Shift-JIS: 日本語のテキスト
    page.extend_from_slice(b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67");
    page.extend_from_slice(b"</p></body></html>");
    let doc = within_bound("mixed encodings", || clean(&page)).unwrap();
    assert!(doc.to_text().contains("stone bridge was under water"));

    // Invalid UTF-8 everywhere: lone continuation bytes, overlong forms, surrogates, cut
    // sequences, bytes that never appear in UTF-8.
    let junk: &[&[u8]] = &[
        b"\x80",
        b"\xbf\xbf",
        b"\xc0\xaf",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xe2\x82",
        b"\xff\xfe",
        b"\xf8\x88\x80\x80\x80",
    ];
    let mut page = b"<meta charset=utf-8><p>".to_vec();
    for (i, word) in SENTENCE.split(' ').enumerate() {
        page.extend_from_slice(word.as_bytes());
        page.push(b' ');
        page.extend_from_slice(junk[i % junk.len()]);
        page.push(b' ');
    }
    page.extend_from_slice(b"</p>");
    let doc = within_bound("invalid UTF-8", || clean(&page)).unwrap();
    assert!(doc.to_text().contains("river"));
    for (i, junk) in junk.iter().enumerate() {
        within_bound("junk alone", || clean(junk))
            .map(|_| ())
            .unwrap_or_else(|e| {
                assert!(matches!(e, Error::Binary), "{i}: {e}");
            });
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

#[test]
fn gzip_bomb_is_too_large_without_inflating_it_all() {
    // 64 members of 16 MiB of spaces: 1 GiB inflated from about 1 MB.
    let member = gzip(&vec![b' '; 16 << 20]);
    let bomb: Vec<u8> = member
        .iter()
        .copied()
        .cycle()
        .take(member.len() * 64)
        .collect();
    assert!(bomb.len() < 2 << 20);
    let defaults = options();
    let limit = defaults.max_input_bytes;
    LARGEST.with(|l| l.set(0));
    let r = within_bound("gzip bomb", || clean_with(defaults, &bomb));
    let largest = LARGEST.with(Cell::get);
    assert!(
        matches!(r, Err(Error::TooLarge { limit: l, .. }) if l == limit),
        "{r:?}"
    );
    assert!(
        largest <= 2 * limit + 4096,
        "allocated {largest} bytes at once"
    );
    // A small limit stops it sooner.
    let small = Options {
        max_input_bytes: 1 << 20,
        ..options()
    };
    let r = within_bound("gzip bomb, 1 MB limit", || clean_with(small, &bomb));
    assert!(matches!(r, Err(Error::TooLarge { .. })), "{r:?}");
}

#[test]
fn truncated_and_corrupt_gzip() {
    let page = format!("<html><body><p>{SENTENCE}</p></body></html>").repeat(50);
    let zipped = gzip(page.as_bytes());
    for cut in [
        2,
        10,
        11,
        zipped.len() / 2,
        zipped.len() - 4,
        zipped.len() - 1,
    ] {
        let r = within_bound("truncated gzip", || clean(&zipped[..cut]));
        assert!(matches!(r, Err(Error::Decompress(_))), "cut {cut}: {r:?}");
    }
    let mut corrupt = zipped.clone();
    corrupt[zipped.len() / 2] ^= 0xff;
    let r = within_bound("corrupt gzip", || clean(&corrupt));
    assert!(r.is_err() || r.is_ok_and(|d| d.blocks.len() < 1000));
    // The magic number alone.
    let r = within_bound("gzip magic only", || clean(&[0x1f, 0x8b]));
    assert!(matches!(r, Err(Error::Decompress(_))), "{r:?}");
}

fn warc_record(id: usize, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id:08}>\r\n\
         WARC-Target-URI: http://example.com/{id}\r\nContent-Type: application/http; \
         msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[test]
fn truncated_warc() {
    use dechrome::warc::{WarcError, WarcReader};
    let page = format!("<html><body><article><p>{SENTENCE}</p></article></body></html>");
    let mut warc = warc_record(1, &page);
    let first_len = warc.len();
    warc.extend(warc_record(2, &page));
    let gz = {
        let mut g = gzip(&warc[..first_len]);
        g.extend(gzip(&warc[first_len..]));
        g
    };
    let cleaner = Cleaner::new(options());
    // Plain: cut in the second record's headers, block, and end. Gzipped: cut in the second
    // member's data (what was inflated before the cut may hold the whole record) and trailer.
    for (input, cuts) in [
        (
            &warc,
            vec![first_len + 10, first_len + 120, warc.len() - 10],
        ),
        (&gz, vec![gz.len() - 4, gz.len() - 10, gz.len() - 40]),
    ] {
        for cut in cuts {
            let records: Vec<_> = within_bound("truncated WARC", || {
                WarcReader::from_reader(&input[..cut]).take(10).collect()
            });
            assert!(records.len() <= 3, "cut {cut}: {records:?}");
            let first = records[0].as_ref().expect("first record is whole");
            let response = first.http_response().expect("an HTTP response");
            let doc = cleaner
                .clean_bytes(&response.body, &Source::default())
                .unwrap();
            assert!(doc.to_text().contains(SENTENCE));
            for record in records[1..].iter().flatten() {
                assert!(record.http_response().is_some_and(|r| r.is_html()));
            }
            let last = records.last().unwrap();
            assert!(
                matches!(last, Err(WarcError::Truncated { .. } | WarcError::Io(_))),
                "cut {cut}: {last:?}"
            );
        }
    }
    // Cut inside the very first header line; garbage; nothing.
    for input in [
        &warc[..5],
        b"WARC/1.0\r\nContent-Len".as_slice(),
        b"".as_slice(),
    ] {
        let n = within_bound("tiny WARC", || {
            WarcReader::from_reader(input).take(10).count()
        });
        assert!(n <= 1);
    }
}

#[test]
fn empty_and_blank_inputs() {
    for input in [
        &b""[..],
        b" ",
        b"\n\n\n",
        b"\t \r\n \x0c ",
        &[b' '; 1 << 20],
    ] {
        let doc = within_bound("blank", || clean(input)).unwrap();
        assert!(doc.to_text().trim().is_empty());
        let doc = within_bound("blank html", || clean_with(html_options(), input)).unwrap();
        assert!(doc.to_text().trim().is_empty());
    }
    let blank_html = "<html><head></head><body>".to_string() + &" \n".repeat(100_000);
    let doc = within_bound("blank body", || clean(blank_html.as_bytes())).unwrap();
    assert!(doc.to_text().trim().is_empty());
}

#[test]
fn five_megabyte_line_without_spaces() {
    let line = "x".repeat(5 << 20);
    let doc = within_bound("5 MB text line", || {
        clean_with(
            Options {
                input_format: InputFormat::Text,
                ..options()
            },
            line.as_bytes(),
        )
    })
    .unwrap();
    assert_eq!(doc.to_text().trim().len(), line.len());
    let word = &line[..1 << 20];
    let page = format!("<p>{word}</p><p>{SENTENCE}</p>");
    let doc = within_bound("1 MB html word", || clean(page.as_bytes())).unwrap();
    assert!(doc.blocks.iter().any(|b| b.text.len() == word.len()));
    // A 1 MB line of CJK text (no spaces by nature).
    let cjk = "日本語の文章".repeat(60_000);
    let doc = within_bound("CJK line", || clean(cjk.as_bytes())).unwrap();
    assert!(!doc.blocks.is_empty());
}

#[test]
fn page_of_only_script() {
    let js = "var x = '<p>not text</p>'; if (a < b && c > d) { x += \"</div>\"; }\n".repeat(20_000);
    for page in [
        format!("<script>{js}</script>"),
        format!("<html><head><script>{js}</script></head></html>"),
        format!("<script>{js}"),
        format!("<script><!--<script>{js}"),
    ] {
        let doc = within_bound("only script", || clean(page.as_bytes())).unwrap();
        assert!(!doc.to_text().contains("not text"), "{:.40}", page);
    }
}

#[test]
fn time_budget_gives_a_clear_error() {
    let html = "<p>a</p>".repeat(100_000);
    let spent = Options {
        time_budget: Some(Duration::ZERO),
        ..Options::default()
    };
    let r = clean_with(spent, html.as_bytes());
    match r {
        Err(e @ Error::TimedOut { stage, limit }) => {
            assert_eq!(limit, Duration::ZERO);
            assert!(["decode", "parse", "blocks", "detectors"].contains(&stage));
            let message = e.to_string();
            assert!(message.contains("time budget"), "{message}");
            assert!(message.contains(stage), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(clean_with(options(), html.as_bytes()).is_ok());
    assert!(Options::default().time_budget.is_some());
}
