//! Stage 3, **detectors**: each detector reads the page's blocks (and, for HTML, the DOM) and
//! gives verdicts on blocks, each with a reason a person can read.
//!
//! A detector is small and explains itself; no detector reads another's state. The decide
//! stage weighs the verdicts. Adding a detector is adding a file here and a line in
//! [`all_detectors`].

pub mod byline;
pub mod line_frequency;
pub mod link_density;
pub mod markup;
pub mod phrases;
pub mod repeated;
pub mod teaser_cards;
pub mod text_density;

use serde::Serialize;

use crate::blocks::Block;
use crate::dom::Dom;
use crate::lang::PageLanguage;
pub use crate::metadata::PageKinds;
use crate::profile::SiteFrequency;

/// What kind of input the blocks came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// HTML: blocks have DOM ancestors.
    Html,
    /// Plain text: one block per line.
    Text,
}

/// Everything a detector may read about one page.
pub struct Page<'a> {
    /// The blocks, in document order.
    pub blocks: &'a [Block],
    /// The DOM, for HTML input.
    pub dom: Option<&'a Dom>,
    /// The language used for stopwords.
    pub language: PageLanguage,
    /// Where the blocks came from.
    pub source: SourceKind,
    /// The page's declared title, if any.
    pub title: Option<&'a str>,
    /// The page's declared author(s) (JSON-LD `author`, meta `author`), if any.
    pub author: Option<&'a str>,
    /// The biographies the page's structured data declares for its people (JSON-LD
    /// `Person` `description`): an author box repeats one.
    pub author_bios: &'a [String],
    /// Line counts of the page's site, when a profile is in use.
    pub frequency: Option<SiteFrequency<'a>>,
    /// What kind of page its structured data says it is (a discussion, a product, an
    /// article).
    pub kinds: PageKinds,
    /// The dates heading the posts of a thread, per block, once a detector asked
    /// ([`Page::post_dates`]).
    pub(crate) post_dates: std::cell::OnceCell<Option<Vec<bool>>>,
    /// The posters' names over those dates, per block ([`Page::poster_names`]).
    pub(crate) poster_names: std::cell::OnceCell<Option<Vec<bool>>>,
    /// The page's comment and review sections, once the markup detector asked
    /// ([`Page::sections`]). The survey holds for any reading of the page's kinds that keeps
    /// `kinds.article`, so a page built from another with `..page` may keep it.
    pub(crate) sections: std::cell::OnceCell<markup::SectionSurvey>,
    /// Each block's text folded ([`fold`]), folded the first time a detector asks
    /// ([`Page::folded`]). A page built from another with `..page` has the same blocks, so
    /// it may keep it.
    pub(crate) folded: FoldedBlocks,
}

/// The folds of a page's blocks' texts, each worked out once, when first asked.
#[derive(Default)]
pub(crate) struct FoldedBlocks(std::cell::OnceCell<Box<[std::cell::OnceCell<String>]>>);

impl Page<'_> {
    /// The text of block `index`, folded ([`fold`]); folded once per page, for every
    /// detector that asks.
    pub(crate) fn folded(&self, index: usize) -> &str {
        let cells = self.folded.0.get_or_init(|| {
            (0..self.blocks.len())
                .map(|_| std::cell::OnceCell::new())
                .collect()
        });
        cells[index].get_or_init(|| fold(&self.blocks[index].text))
    }

    /// The date heading each post of a thread, per block, if the page is one
    /// ([`byline::post_dates`]); worked out once per page, for every detector that asks.
    pub(crate) fn post_dates(&self) -> Option<&[bool]> {
        self.post_dates
            .get_or_init(|| byline::post_dates(self))
            .as_deref()
    }

    /// The poster's name over each dated post, per block, in markup only
    /// ([`byline::poster_names`]); worked out once per page.
    pub(crate) fn poster_names(&self) -> Option<&[bool]> {
        self.poster_names
            .get_or_init(|| {
                let dates = self.post_dates()?;
                self.dom.map(|_| byline::poster_names(self, dates))
            })
            .as_deref()
    }

    /// The page's comment and review sections ([`markup::SectionSurvey`]); surveyed once
    /// per page.
    pub(crate) fn sections(&self, dom: &Dom) -> &markup::SectionSurvey {
        self.sections
            .get_or_init(|| markup::SectionSurvey::of(self, dom))
    }
}

/// Why a detector said what it said: the detector's name and a cause in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Name of the detector (or `decide` for the decision stage's own reasons).
    pub detector: &'static str,
    /// A human-readable cause, e.g. `inside <nav>` or `0.92 of the text is links`.
    pub cause: String,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.detector, self.cause)
    }
}

/// Which way a verdict points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    /// The block looks like site chrome.
    Chrome,
    /// The block looks like document text.
    Content,
    /// The block is metadata (byline, date): it leaves the body but feeds the metadata.
    Metadata,
}

/// One detector's opinion on one block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// Index of the block in the page.
    pub block: usize,
    /// Which way it points.
    pub signal: Signal,
    /// How sure, 0.0–1.0. A weight of 1.0 on chrome or metadata is decisive.
    pub weight: f32,
    /// Why.
    pub reason: Reason,
    /// The verdict leaves the choice of the main content region alone: it judges a short
    /// line inside whatever region holds it (an offer's deadline on a card) and must not
    /// move the region by taking the line's text out of its vote.
    #[serde(skip)]
    pub region_neutral: bool,
}

impl Verdict {
    /// A verdict of `detector` on `block`.
    pub fn new(
        block: usize,
        signal: Signal,
        weight: f32,
        detector: &'static str,
        cause: String,
    ) -> Verdict {
        Verdict {
            block,
            signal,
            weight,
            reason: Reason { detector, cause },
            region_neutral: false,
        }
    }

    /// The same verdict, left out of the choice of the main content region.
    pub fn region_neutral(mut self) -> Verdict {
        self.region_neutral = true;
        self
    }
}

/// A detector: reads a page, pushes verdicts.
pub trait Detector: Send + Sync {
    /// Short name used in reasons, e.g. `link-density`.
    fn name(&self) -> &'static str;
    /// Pushes this detector's verdicts on the page's blocks into `out`.
    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>);
}

/// Every per-page detector, in the order their reasons are listed.
pub fn all_detectors() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(markup::MarkupSemantics),
        Box::new(phrases::ChromePhrases),
        Box::new(byline::BylineAndDate),
        Box::new(repeated::RepeatedInPage),
        Box::new(teaser_cards::TeaserCards),
        Box::new(link_density::LinkDensity),
        Box::new(text_density::TextDensity),
        Box::new(line_frequency::LineFrequency),
    ]
}

/// Folds text for phrase and repetition matching: lowercase, letters only (digits and
/// punctuation dropped), single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a buffer (cleared first), to fold many lines without allocating.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    let push_separator = |out: &mut String, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
    };
    for c in text.chars() {
        if c.is_ascii() {
            // ASCII fast path: most text on the web.
            if c.is_ascii_alphabetic() {
                push_separator(out, &mut pending_space);
                out.push(c.to_ascii_lowercase());
            } else {
                pending_space = true;
            }
        } else if c.is_alphabetic() {
            push_separator(out, &mut pending_space);
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
}

/// Runs `detector` on `html` parsed as a page declaring `kinds`: each verdict with the text
/// of its block (for detectors' tests).
#[cfg(test)]
pub(crate) fn verdicts_on_html(
    detector: &dyn Detector,
    html: &str,
    kinds: PageKinds,
) -> Vec<(String, Verdict)> {
    verdicts_on_html_by(detector, html, kinds, None)
}

/// [`verdicts_on_html`] on a page that declares `author`.
#[cfg(test)]
pub(crate) fn verdicts_on_html_by(
    detector: &dyn Detector,
    html: &str,
    kinds: PageKinds,
    author: Option<&str>,
) -> Vec<(String, Verdict)> {
    let dom = crate::dom::Dom::parse(html);
    let blocks = crate::blocks::html::blocks_from_dom(&dom);
    let page = Page {
        blocks: &blocks,
        dom: Some(&dom),
        language: crate::lang::PageLanguage::guess(""),
        source: SourceKind::Html,
        title: None,
        author,
        author_bios: &[],
        frequency: None,
        kinds,
        post_dates: Default::default(),
        poster_names: Default::default(),
        sections: Default::default(),
        folded: Default::default(),
    };
    let mut out = Vec::new();
    detector.detect(&page, &mut out);
    out.into_iter()
        .map(|v| (blocks[v.block].text.clone(), v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_case_digits_and_punctuation() {
        assert_eq!(fold("  Comments (12) "), "comments");
        assert_eq!(fold("Read More »"), "read more");
        assert_eq!(fold("© 2024 Site—All rights"), "site all rights");
    }
}
