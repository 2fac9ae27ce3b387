//! Arbitrary text through `Cleaner::clean_text` and every renderer, and the same string as
//! HTML through `Cleaner::clean_html`.
#![no_main]

use dechrome::{Cleaner, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cleaner = Cleaner::default();
    let doc = cleaner.clean_text(&text, None);
    let out = doc.to_text();
    let _ = doc.to_markdown();
    let _ = doc.to_json(true);
    let _ = doc.render(Format::Text, true);
    let _ = cleaner.clean_text(&out, None).to_text();
    let doc = cleaner.clean_html(&text, Some("https://example.com/"));
    let _ = doc.to_markdown();
});
