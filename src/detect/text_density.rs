//! Text and stopword density: long blocks of running prose (many words, many stopwords,
//! sentence punctuation) are document text; long blocks with almost no stopwords are lists
//! of names, tags or products.
//!
//! Classes follow jusText's published defaults: a block under 70 characters is *short* (no
//! verdict: context decides), 200 or more with stopword density ≥ 0.32 is *good*, in
//! between with density ≥ 0.30 is *near-good*; under 0.30 is *bad*. For languages with no
//! stopword list (Chinese, Japanese, Thai) length and sentence punctuation stand in.

use super::{Detector, Page, Signal, Verdict};

/// Shorter blocks (in [`crate::lang::weighted_len`] characters) get no verdict.
pub const LENGTH_LOW: usize = 70;
/// Blocks this long with enough stopwords are good.
pub const LENGTH_HIGH: usize = 200;
/// Stopword density for near-good.
pub const STOPWORDS_LOW: f32 = 0.30;
/// Stopword density for good.
pub const STOPWORDS_HIGH: f32 = 0.32;

/// The text-density detector.
pub struct TextDensity;

impl Detector for TextDensity {
    fn name(&self) -> &'static str {
        "text-density"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let has_stopwords = page.language.has_stopwords();
        for (index, block) in page.blocks.iter().enumerate() {
            let f = &block.features;
            if f.chars < LENGTH_LOW || f.link_density() > 0.5 {
                continue;
            }
            let density = f.stopword_density();
            let prose_like = if has_stopwords {
                density
            } else {
                // Without a stopword list, sentence punctuation is the best sign of prose.
                if f.ends_sentence || f.commas >= 2 {
                    STOPWORDS_HIGH
                } else {
                    STOPWORDS_LOW - 0.05
                }
            };
            let (signal, weight, class) = if prose_like >= STOPWORDS_HIGH && f.chars >= LENGTH_HIGH
            {
                (Signal::Content, 0.8, "good")
            } else if prose_like >= STOPWORDS_LOW {
                (Signal::Content, 0.5, "near-good")
            } else if f.chars >= LENGTH_HIGH && f.commas >= 3 && f.ends_sentence {
                // Long punctuated text with few stopwords: technical prose, still text.
                (Signal::Content, 0.4, "near-good")
            } else {
                (Signal::Chrome, 0.3, "bad")
            };
            let cause = if has_stopwords {
                format!("{class}: {} chars, stopword density {density:.2}", f.chars)
            } else {
                format!("{class}: {} chars, no stopword list", f.chars)
            };
            out.push(Verdict::new(index, signal, weight, self.name(), cause));
        }
    }
}
