//! Arbitrary bytes through `Cleaner::clean_bytes` (HTML and sniffed format, with a charset
//! label chosen by the first byte), every renderer, and the text output cleaned again.
#![no_main]

use std::sync::Arc;

use dechrome::profile::Profile;
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
    let source = Source {
        name: None,
        url: Some("https://example.com/page"),
        http_charset: charset,
        site: None,
    };
    // A site profile in which every line of this page is template (the page seen on
    // 6 of 6 pages), so the line-frequency detector and the template-removal step run.
    let profile = {
        let plain = Cleaner::new(Options {
            time_budget: None,
            ..Options::default()
        });
        let mut profile = Profile::default();
        if let Ok(lines) = plain.profile_lines(data, &source) {
            for _ in 0..6 {
                profile.add_document("example.com", lines.iter().map(String::as_str));
            }
        }
        Arc::new(profile)
    };
    for (format, profile) in [
        (InputFormat::Html, None),
        (InputFormat::Auto, None),
        (InputFormat::Html, Some(profile)),
    ] {
        let cleaner = Cleaner::new(Options {
            input_format: format,
            keep_dom_paths: true,
            time_budget: None,
            profile,
            ..Options::default()
        });
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
