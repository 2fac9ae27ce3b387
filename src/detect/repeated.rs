//! Lines repeated within one page: a short block whose folded text occurs several times on
//! the page (a category label over every teaser, "Reply" under every comment, a menu printed
//! in both header and footer) is template, whatever its wording.
//!
//! Only short blocks count: a long paragraph that repeats is a quote or a duplicated
//! summary, which this detector leaves to others. Table rows are not counted (cells repeat
//! "Yes" and "—" legitimately).

use rustc_hash::FxHashMap as HashMap;

use super::{fold, Detector, Page, Signal, Verdict};
use crate::blocks::BlockKind;

/// Longest block, in words, that counts as a repeated label.
const MAX_WORDS: usize = 6;

/// The repeated-in-page detector.
pub struct RepeatedInPage;

impl Detector for RepeatedInPage {
    fn name(&self) -> &'static str {
        "repeated-in-page"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let mut counts: HashMap<String, Vec<usize>> = HashMap::default();
        for (index, block) in page.blocks.iter().enumerate() {
            if block.features.words == 0
                || block.features.words > MAX_WORDS
                || matches!(block.kind, BlockKind::TableRow { .. } | BlockKind::Code)
            {
                continue;
            }
            let key = fold(&block.text);
            if key.is_empty() {
                continue;
            }
            counts.entry(key).or_default().push(index);
        }
        for indices in counts.values() {
            if indices.len() < 2 {
                continue;
            }
            let linked = |i: usize| page.blocks[i].features.link_density() >= 0.5;
            let n = indices.len();
            // Two sightings are weak evidence, three or more strong.
            let weight = if n >= 3 { 0.8 } else { 0.55 };
            for &index in indices {
                // A section heading repeated by the page's own table of contents (as links)
                // is the heading, not a template label.
                let block = &page.blocks[index];
                if block.kind.is_heading() && !linked(index) && indices.iter().any(|&o| linked(o)) {
                    continue;
                }
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    weight,
                    self.name(),
                    format!("occurs {n} times on the page"),
                ));
            }
        }
        out.sort_by_key(|v| v.block);
    }
}
