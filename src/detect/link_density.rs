//! Link density: the share of a block's text inside links. Navigation, teaser lists, tag
//! clouds and "related" rails are mostly links; prose is not.
//!
//! Thresholds follow the published ones: boilerpipe's 0.33 for a block to be boilerplate,
//! Readability's 0.5 for removal whatever else the block has. A heading that is all link is
//! a teaser title.

use super::{Detector, Page, Signal, Verdict};
use crate::blocks::BlockKind;

/// Fewest paragraphs in a row, each one link and nothing else, that make a list of links
/// set into an article ("Costs in Austin", "Costs in Boston", … one per line).
const LINK_RUN_MIN: usize = 3;

/// Most words of a paragraph of such a run: a link's title, not a passage.
const LINK_RUN_MAX_WORDS: usize = 15;

/// Least link density of a paragraph of such a run.
const LINK_RUN_MIN_DENSITY: f32 = 0.99;

/// How sure a paragraph of a run of bare links in an article is chrome: the article's own
/// paragraphs are sentences with a link here and there, not one link each.
const LINK_RUN_WEIGHT: f32 = 0.85;

/// Name of the evidence of a run of bare links: not link density alone, which a
/// document's region outweighs.
pub const LINK_RUN_DETECTOR: &str = "link-run";

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
        if page.kinds.article {
            link_runs(page, out);
        }
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

/// Whether `block` is a paragraph that is one short link and nothing else.
fn is_bare_link_paragraph(block: &crate::blocks::Block) -> bool {
    block.kind == BlockKind::Paragraph
        && block.features.words > 0
        && block.features.words <= LINK_RUN_MAX_WORDS
        && block.features.link_density() >= LINK_RUN_MIN_DENSITY
}

/// On an article page, runs of [`LINK_RUN_MIN`] or more paragraphs in a row that are each a
/// bare link: a list of links to other pages laid out as paragraphs (a site's index of
/// its city pages, a grid of topic links), which no article's prose is.
fn link_runs(page: &Page<'_>, out: &mut Vec<Verdict>) {
    let blocks = page.blocks;
    let mut start = 0;
    while start < blocks.len() {
        if !is_bare_link_paragraph(&blocks[start]) {
            start += 1;
            continue;
        }
        let end = blocks[start..]
            .iter()
            .position(|b| !is_bare_link_paragraph(b))
            .map_or(blocks.len(), |p| start + p);
        if end - start >= LINK_RUN_MIN {
            for index in start..end {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    LINK_RUN_WEIGHT,
                    LINK_RUN_DETECTOR,
                    format!(
                        "one of {} paragraphs in a row that are each a link",
                        end - start
                    ),
                ));
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::PageKinds;

    /// The blocks given a verdict of a run of bare links, on an article page or not.
    fn link_run_lines(html: &str, article: bool) -> Vec<String> {
        let kinds = PageKinds {
            article,
            ..Default::default()
        };
        crate::detect::verdicts_on_html(&LinkDensity, html, kinds)
            .into_iter()
            .filter(|(_, v)| v.reason.detector == LINK_RUN_DETECTOR)
            .map(|(text, _)| text)
            .collect()
    }

    const PROSE: &str = "<p>The valley road climbs past the mill and the old school before it \
                         reaches the pass, where the view opens over three lakes.</p>";

    #[test]
    fn a_run_of_paragraphs_that_are_each_a_link_is_chrome_on_an_article_page() {
        let links = "<p><a href='/a'>Walks near Lakeford</a></p>\
                     <p><a href='/b'>Walks near Millbrook</a></p>\
                     <p><a href='/c'>Walks near Stonebridge</a></p>";
        let html = format!("<article>{PROSE}{links}{PROSE}</article>");
        assert_eq!(
            link_run_lines(&html, true),
            [
                "Walks near Lakeford",
                "Walks near Millbrook",
                "Walks near Stonebridge"
            ]
        );
        // A listing's entries are its document.
        assert!(link_run_lines(&html, false).is_empty());
    }

    #[test]
    fn two_linked_paragraphs_or_a_linked_list_are_no_run() {
        let two = "<p><a href='/a'>Walks near Lakeford</a></p>\
                   <p><a href='/b'>Walks near Millbrook</a></p>";
        let list = "<ul><li><a href='/a'>Walks near Lakeford</a></li>\
                    <li><a href='/b'>Walks near Millbrook</a></li>\
                    <li><a href='/c'>Walks near Stonebridge</a></li></ul>";
        let mixed = "<p><a href='/a'>Walks near Lakeford</a></p>\
                     <p>See the <a href='/b'>map of Millbrook</a> for the paths.</p>\
                     <p><a href='/c'>Walks near Stonebridge</a></p>";
        for links in [two, list, mixed] {
            let html = format!("<article>{PROSE}{links}{PROSE}</article>");
            assert!(link_run_lines(&html, true).is_empty(), "{links}");
        }
    }
}
