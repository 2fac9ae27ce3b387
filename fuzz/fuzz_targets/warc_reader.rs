//! Arbitrary bytes as a WARC file (plain or gzipped): every record, its HTTP response and
//! its HTML check.
#![no_main]

use dechrome::warc::WarcReader;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for record in WarcReader::from_reader(data) {
        let Ok(record) = record else {
            continue;
        };
        let _ = record.header("content-length");
        let _ = record.is_html();
        if let Some(response) = record.http_response() {
            let _ = response.charset();
            let _ = response.is_html();
            let _ = response.header("content-type");
            assert!(
                response.body.len() <= record.block.len()
                    || response.content_encoding.is_some()
                    || response.transfer_encoding.is_some()
            );
        }
    }
});
