//! Arbitrary bytes as a profile file: `Profile::from_bytes` must fail cleanly or give a
//! profile that writes back to a file reading as the same profile. Half the inputs get a
//! valid header, so the fuzzer reaches the body parser quickly.
#![no_main]

use dechrome::profile::{Profile, FORMAT_VERSION, MAGIC};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else {
        return;
    };
    let bytes = if mode % 2 == 0 {
        // A valid header and a gzip body made of the input.
        let mut body = Vec::new();
        {
            use std::io::Write;
            let mut gz = flate2::write::GzEncoder::new(&mut body, flate2::Compression::fast());
            let _ = gz.write_all(data);
            let _ = gz.finish();
        }
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&body);
        bytes
    } else {
        data.to_vec()
    };
    if let Ok(profile) = Profile::from_bytes(&bytes) {
        let again = Profile::from_bytes(&profile.to_bytes()).expect("written profiles read back");
        assert_eq!(again, profile);
        for site in profile.sites.values() {
            let _ = site.top(5);
        }
    }
});
