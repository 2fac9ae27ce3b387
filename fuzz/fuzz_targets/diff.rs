//! Two documents from one input (split at its first 0xFF byte, or in the middle) through
//! `DocumentDiff::between` and the unified diff, plain and coloured.
#![no_main]

use dechrome::diff::DocumentDiff;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&context, data)) = data.split_first() else {
        return;
    };
    let split = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let old = String::from_utf8_lossy(&data[..split]);
    let new = String::from_utf8_lossy(&data[(split + 1).min(data.len())..]);
    let diff = DocumentDiff::between(&old, &new, (context % 8) as usize);
    let (inserted, deleted) = diff.counts();
    if old == new {
        assert!(diff.is_empty());
    }
    assert_eq!(diff.is_empty(), deleted == 0 && inserted == 0);
    let _ = diff.to_unified("old", "new", false);
    let _ = diff.to_unified("old", "new", true);
});
