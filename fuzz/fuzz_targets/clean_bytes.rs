//! Arbitrary bytes through `Cleaner::clean_bytes` (HTML and sniffed format, with a charset
//! label chosen by the first byte), every renderer, and the text output cleaned again.
#![no_main]

use dechrome::{Cleaner, Format, InputFormat, Options, Source};
use libfuzzer_sys::fuzz_target;

const CHARSETS: [Option<&str>; 8] = [
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("shift_jis"),
    Some("utf-16le"),
    Some("gb18030"),
    Some("iso-2022-jp"),
    Some("x-user-defined"),
];

fuzz_target!(|data: &[u8]| {
    let charset = CHARSETS[data.first().map_or(0, |b| *b as usize % CHARSETS.len())];
    for format in [InputFormat::Html, InputFormat::Auto] {
        let cleaner = Cleaner::new(Options {
            input_format: format,
            keep_dom_paths: true,
            time_budget: None,
            ..Options::default()
        });
        let source = Source {
            name: None,
            url: Some("https://example.com/page"),
            http_charset: charset,
        };
        let Ok(doc) = cleaner.clean_bytes(data, &source) else {
            continue;
        };
        let text = doc.to_text();
        let _ = doc.to_markdown();
        let _ = doc.to_json(true);
        let _ = doc.render(Format::Text, true);
        for i in 0..doc.blocks.len() {
            let _ = doc.dom_path(i);
        }
        // Loose idempotence: the clean text, cleaned again as text, does not panic and
        // keeps something when there was something.
        let again = cleaner.clean_text(&text, None);
        let again_text = again.to_text();
        if text.trim().is_empty() {
            assert!(again_text.trim().is_empty());
        }
    }
});
