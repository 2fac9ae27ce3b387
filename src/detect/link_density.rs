//! Link density: the share of a block's text inside links. Navigation, teaser lists, tag
//! clouds and "related" rails are mostly links; prose is not.
//!
//! Thresholds follow the published ones: boilerpipe's 0.33 for a block to be boilerplate,
//! Readability's 0.5 for removal whatever else the block has. A heading that is all link is
//! a teaser title.

use super::{Detector, Page, Signal, Verdict};

/// The link-density detector.
pub struct LinkDensity;

impl Detector for LinkDensity {
    fn name(&self) -> &'static str {
        "link-density"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        // Many blocks share a density (all links: 1.00): each cause is formatted once.
        let mut causes: rustc_hash::FxHashMap<u32, String> = Default::default();
        // The poster's name over each post of a thread links to the poster's profile: it is
        // the thread's, as the post's date is.
        let names = page.poster_names();
        for (index, block) in page.blocks.iter().enumerate() {
            if names.as_ref().is_some_and(|n| n[index]) {
                continue;
            }
            // A long run of prose in one link is a card wrapped in its link (a newsletter
            // issue's whole text), not a menu or a teaser list.
            if block.features.is_linked_card_prose() {
                continue;
            }
            let density = block.features.link_density();
            // A bar of links set apart by `|` or `·` is a menu, though the counts and
            // names between its links are not linked.
            let weight = if density >= 0.8 || block.is_separated_link_bar() {
                0.7
            } else if density > 0.5 {
                0.55
            } else if density > 0.33 {
                0.35
            } else {
                continue;
            };
            out.push(Verdict::new(
                index,
                Signal::Chrome,
                weight,
                self.name(),
                causes
                    .entry(density.to_bits())
                    .or_insert_with(|| format!("{density:.2} of the text is links"))
                    .clone(),
            ));
        }
    }
}
