//! # dechrome
//!
//! Strips site chrome — navigation, share bars, "Continue Reading", related-article teasers,
//! comment prompts, cookie notices, "Latest / Trending" rails, copyright footers — from
//! crawled web pages and leaves the document: title, headings, paragraphs, lists, quotes,
//! tables and code, as clean text, Markdown or JSON.
//!
//! The pipeline, one module per stage:
//! [`decode`] (bytes → text) → [`blocks`] (text → blocks with features) →
//! [`detect`] (verdicts with reasons) → [`decide`] (keep or remove) → [`render`].
//!
//! ```
//! let html = r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article><h1>Bridge reopens</h1>
//!   <p>The old stone bridge over the river reopened on Monday after nine months of repairs,
//!   and the first people to cross it were children from the school on the hill.</p></article>
//!   <footer>© 2024 Town Paper. All rights reserved.</footer></body></html>"#;
//! let doc = dechrome::Cleaner::default().clean_html(html, None);
//! let text = doc.to_text();
//! assert!(text.contains("Bridge reopens"));
//! assert!(text.contains("nine months of repairs"));
//! assert!(!text.contains("All rights reserved"));
//! ```

pub mod blocks;
pub mod decide;
pub mod decode;
pub mod detect;
pub mod diff;
pub mod dom;
pub mod eval;
pub mod lang;
pub mod metadata;
pub mod profile;
mod recheck;
pub mod render;
/// Streaming reader of WARC 1.0/1.1 web archives (plain or gzipped), with HTTP response
/// parsing for `response` records.
pub mod warc;

use blocks::{Block, BlockKind};
use decide::{DecideConfig, Decision};
use detect::{Detector, Page, PageKinds, Reason, SourceKind};
use dom::Dom;
pub use metadata::Metadata;
pub use render::Format;

/// Errors from cleaning one input. The caller adds the path or record id.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input (or of the decompressed input so far).
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input could not be decompressed.
    #[error("cannot decompress: {0}")]
    Decompress(String),
    /// The input is binary data, not a page.
    #[error("binary data, not a text or HTML page")]
    Binary,
    /// Cleaning took longer than [`Options::time_budget`].
    #[error(
        "cleaning took longer than the time budget of {limit:?} (stopped at the {stage} stage)"
    )]
    TimedOut {
        /// The stage during or after which the budget was found spent: `decode`, `parse`, `blocks`
        /// or `detectors`.
        stage: &'static str,
        /// The budget.
        limit: std::time::Duration,
    },
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide from the file name, then from the content.
    #[default]
    Auto,
    /// HTML.
    Html,
    /// Plain text, one block per line.
    Text,
}

/// Settings of a [`Cleaner`].
#[derive(Debug, Clone)]
pub struct Options {
    /// How to read inputs.
    pub input_format: InputFormat,
    /// Largest input accepted, in bytes (after decompression).
    pub max_input_bytes: usize,
    /// Record each block's DOM path, for explanations.
    pub keep_dom_paths: bool,
    /// Thresholds of the decision stage.
    pub decide: DecideConfig,
    /// Line counts of sites (cross-document line frequency); none by default.
    pub profile: Option<std::sync::Arc<profile::Profile>>,
    /// When a line's frequency on its site makes it template.
    pub frequency: profile::FrequencyThresholds,
    /// Longest time [`Cleaner::clean_bytes`] may spend on one input before giving up with
    /// [`Error::TimedOut`]; `None` for no limit. Checked between stages and while parsing.
    pub time_budget: Option<std::time::Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            input_format: InputFormat::Auto,
            max_input_bytes: 64 * 1024 * 1024,
            keep_dom_paths: false,
            decide: DecideConfig::default(),
            profile: None,
            frequency: profile::FrequencyThresholds::default(),
            time_budget: Some(std::time::Duration::from_secs(10)),
        }
    }
}

/// The time one input may still take.
struct Budget {
    start: std::time::Instant,
    limit: Option<std::time::Duration>,
}

impl Budget {
    fn unlimited() -> Budget {
        Budget {
            start: std::time::Instant::now(),
            limit: None,
        }
    }

    fn deadline(&self) -> Option<std::time::Instant> {
        self.limit.and_then(|l| self.start.checked_add(l))
    }

    /// `Err(TimedOut)` when the budget is spent by the end of `stage`.
    fn check(&self, stage: &'static str) -> Result<(), Error> {
        match self.limit {
            Some(limit) if self.start.elapsed() > limit => Err(Error::TimedOut { stage, limit }),
            _ => Ok(()),
        }
    }
}

/// Where an input came from: helps choose its format and charset.
#[derive(Debug, Clone, Copy, Default)]
pub struct Source<'a> {
    /// File name or path (its extension helps sniff the format).
    pub name: Option<&'a str>,
    /// The page's URL.
    pub url: Option<&'a str>,
    /// Charset from the HTTP `Content-Type` header.
    pub http_charset: Option<&'a str>,
    /// The site the page belongs to, for line-frequency profiles; when absent, the URL's
    /// host (see [`site_of_url`]).
    pub site: Option<&'a str>,
}

impl Source<'_> {
    /// The site of this source: [`Source::site`], else the URL's host, else empty.
    pub fn site_name(&self) -> String {
        match (self.site, self.url) {
            (Some(site), _) => site.to_string(),
            (None, Some(url)) => site_of_url(url).unwrap_or_default(),
            (None, None) => String::new(),
        }
    }
}

/// The site of a URL: its host, lowercased, without a leading `www.`.
///
/// ```
/// assert_eq!(dechrome::site_of_url("https://WWW.Example.org:8080/a?b").as_deref(), Some("example.org"));
/// assert_eq!(dechrome::site_of_url("not a url"), None);
/// ```
pub fn site_of_url(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next()?
    } else {
        host_port.split(':').next()?
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// A cleaned document: metadata, every block with its decision.
#[derive(Debug, Clone)]
pub struct Document {
    /// Metadata (url, title, author, date, site name, language).
    pub metadata: Metadata,
    /// Every block of the page, kept or not, in document order.
    pub blocks: Vec<Block>,
    /// The decision on each block (same order as `blocks`).
    pub decisions: Vec<Decision>,
    /// DOM path of each block, when [`Options::keep_dom_paths`] is set.
    pub dom_paths: Vec<String>,
}

impl Document {
    /// Kept blocks with their indices.
    pub fn kept_blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .zip(&self.decisions)
            .filter(|(_, d)| d.keep)
            .map(|(b, _)| b)
    }

    /// The clean text.
    pub fn to_text(&self) -> String {
        render::text::render(self)
    }

    /// Index of the document's title heading: the first kept block, when it is a heading of
    /// level 1 or 2 whose text is the page's declared title (or the start of it, as in
    /// `Title | Site`). `None` when the text does not open with the title.
    pub fn title_heading(&self) -> Option<usize> {
        let (index, block) = self.kept_blocks().next()?;
        if !matches!(block.kind, BlockKind::Heading { level } if level <= 2) {
            return None;
        }
        let title = detect::fold(self.metadata.title.as_deref()?);
        let heading = detect::fold(&block.text);
        (!heading.is_empty() && title.starts_with(&heading)).then_some(index)
    }

    /// The clean text without its title heading ([`Document::title_heading`]): the body, as
    /// benchmarks that keep the title in a field of its own score it.
    pub fn body_text(&self) -> String {
        let Some(title) = self.title_heading() else {
            return self.to_text();
        };
        let (text, line_blocks) = render::text::render_lines(self);
        let mut body = String::with_capacity(text.len());
        let mut started = false;
        for (line, block) in text.split('\n').zip(&line_blocks) {
            started |= block.is_some_and(|b| b != title);
            if started {
                body.push_str(line);
                body.push('\n');
            }
        }
        body
    }

    /// The clean document as Markdown.
    pub fn to_markdown(&self) -> String {
        render::markdown::render(self)
    }

    /// The document as JSON; `explain` lists every removed block with its reasons.
    pub fn to_json(&self, explain: bool) -> String {
        render::json::render(self, explain)
    }

    /// Renders in `format`.
    pub fn render(&self, format: Format, explain: bool) -> String {
        render::render(self, format, explain)
    }

    /// DOM path of block `index` (e.g. `body > div.main > article > p`), if recorded.
    pub fn dom_path(&self, index: usize) -> Option<String> {
        self.dom_paths.get(index).filter(|p| !p.is_empty()).cloned()
    }
}

/// The cleaning pipeline. Build once, use for many documents (it is `Sync`).
pub struct Cleaner {
    options: Options,
    detectors: Vec<Box<dyn Detector>>,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new(Options::default())
    }
}

impl Cleaner {
    /// A cleaner with `options` and every detector.
    pub fn new(options: Options) -> Self {
        Cleaner {
            options,
            detectors: detect::all_detectors(),
        }
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Decompresses, checks and decodes raw bytes; gives the format and the text.
    fn prepare(
        &self,
        bytes: &[u8],
        source: &Source<'_>,
        budget: &Budget,
    ) -> Result<(InputFormat, String), Error> {
        let limit = self.options.max_input_bytes;
        let owned;
        let bytes = if decode::is_gzip(bytes) {
            owned = decode::gunzip_bounded(bytes, limit).map_err(|e| match e {
                decode::DecodeError::TooLarge { limit } => Error::TooLarge {
                    size: limit + 1,
                    limit,
                },
                other => Error::Decompress(other.to_string()),
            })?;
            &owned[..]
        } else {
            bytes
        };
        if bytes.len() > limit {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit,
            });
        }
        if looks_binary(bytes) {
            return Err(Error::Binary);
        }
        let format = match self.options.input_format {
            InputFormat::Auto => sniff_format(source.name, bytes),
            other => other,
        };
        let kind = match format {
            InputFormat::Text => decode::SniffKind::Text,
            _ => decode::SniffKind::Html,
        };
        let decoded = decode::decode(bytes, source.http_charset, kind);
        budget.check("decode")?;
        Ok((format, decoded.text))
    }

    fn budget(&self) -> Budget {
        Budget {
            start: std::time::Instant::now(),
            limit: self.options.time_budget,
        }
    }

    /// Cleans raw bytes: decompresses gzip, decodes the charset, sniffs the format.
    pub fn clean_bytes(&self, bytes: &[u8], source: &Source<'_>) -> Result<Document, Error> {
        let budget = self.budget();
        let (format, text) = self.prepare(bytes, source, &budget)?;
        let site = source.site_name();
        match format {
            InputFormat::Text => self.clean_text_within(&text, source.url, &site, &budget),
            _ => self.clean_html_within(&text, source.url, &site, &budget),
        }
    }

    /// The lines a site profile counts for this input: the text of every block (HTML) or
    /// every line (text), before any decision.
    pub fn profile_lines(&self, bytes: &[u8], source: &Source<'_>) -> Result<Vec<String>, Error> {
        let mut lines = Vec::new();
        self.for_each_profile_line(bytes, source, |line| lines.push(line.to_string()))?;
        Ok(lines)
    }

    /// Calls `f` with each line a site profile counts for this input (see
    /// [`Cleaner::profile_lines`]), without collecting them.
    pub fn for_each_profile_line(
        &self,
        bytes: &[u8],
        source: &Source<'_>,
        mut f: impl FnMut(&str),
    ) -> Result<(), Error> {
        let budget = self.budget();
        let (format, text) = self.prepare(bytes, source, &budget)?;
        match format {
            // The text reader makes a block of each non-empty line; keys fold away the
            // markers it strips, so the lines themselves will do (and cost far less).
            InputFormat::Text => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .for_each(f),
            _ => {
                let dom = Dom::parse_document(&text, budget.deadline()).ok_or(Error::TimedOut {
                    stage: "parse",
                    limit: budget.limit.unwrap_or_default(),
                })?;
                blocks::html::blocks_from_dom(&dom)
                    .iter()
                    .for_each(|b| f(&b.text))
            }
        }
        Ok(())
    }

    /// The counts of `site` in the profile in use. A site the profile does not know gets
    /// nothing, unless the profile holds a single site (a profile learned for this job).
    fn site_frequency<'a>(&'a self, site: &'a str) -> Option<profile::SiteFrequency<'a>> {
        let profile = self.options.profile.as_deref()?;
        let (name, counts) = match profile.sites.get_key_value(site) {
            Some(found) => found,
            None if profile.sites.len() == 1 => profile.sites.iter().next()?,
            None => return None,
        };
        Some(profile::SiteFrequency {
            site: name,
            profile: counts,
            thresholds: &self.options.frequency,
        })
    }

    /// Cleans an HTML page (with no time budget).
    pub fn clean_html(&self, html: &str, url: Option<&str>) -> Document {
        let site = url.and_then(site_of_url).unwrap_or_default();
        match self.clean_html_within(html, url, &site, &Budget::unlimited()) {
            Ok(doc) => doc,
            Err(_) => unreachable!("only a time budget fails"),
        }
    }

    fn clean_html_within(
        &self,
        html: &str,
        url: Option<&str>,
        site: &str,
        budget: &Budget,
    ) -> Result<Document, Error> {
        let dom = Dom::parse_document(html, budget.deadline()).ok_or(Error::TimedOut {
            stage: "parse",
            limit: budget.limit.unwrap_or_default(),
        })?;
        budget.check("parse")?;
        let mut blocks = blocks::html::blocks_from_dom(&dom);
        budget.check("blocks")?;
        let declared = metadata::declared(&dom);
        let (language, mut word_counts) =
            page_language_with(&mut blocks, declared.metadata.language.as_deref(), |_| None);
        let title = declared
            .headline
            .as_deref()
            .or(declared.metadata.title.as_deref());
        let page = Page {
            blocks: &blocks,
            dom: Some(&dom),
            language,
            source: SourceKind::Html,
            title,
            author: declared.metadata.author.as_deref(),
            author_bios: &declared.person_descriptions,
            frequency: self.site_frequency(site),
            kinds: declared.kinds,
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        let page = Page {
            kinds: PageKinds {
                discussion: declared.kinds.discussion
                    || detect::markup::reads_as_thread(&page, &dom)
                    || detect::repeated::shows_poster_profiles(&page),
                ..declared.kinds
            },
            // What the first reading worked out assumed its kinds: worked out afresh. The
            // survey of comment sections assumed only `kinds.article`, which is the same.
            post_dates: Default::default(),
            poster_names: Default::default(),
            ..page
        };
        // A product's declared description is the document's anchor, on one product's page.
        let declared_text = declared
            .product_description
            .as_deref()
            .filter(|_| page.kinds.product && page.kinds.products <= 1);
        let mut decisions = self.run_detectors(&page, declared_text);
        budget.check("detectors")?;
        let mut meta = declared.metadata.clone();
        meta.url = url.map(str::to_string);
        if meta.language.is_none() {
            meta.language = language.code().map(str::to_string);
        }
        let titles = title_texts(&meta, declared.headline.as_deref());
        keep_title_heading(&blocks, &mut decisions, &titles, page.kinds, &dom);
        drop_chrome_before_title(&blocks, &mut decisions, &titles);
        fill_from_bylines(&blocks, &decisions, &mut meta);
        let mut dom_paths = if self.options.keep_dom_paths {
            blocks.iter().map(|b| dom_path(&dom, b)).collect()
        } else {
            Vec::new()
        };
        if let Some(body) = &declared.article_body {
            use_structured_body(body, &mut blocks, &mut decisions, &mut dom_paths, &language);
            // The blocks are no longer those counted.
            word_counts.clear();
        }
        let mut doc = Document {
            metadata: meta,
            blocks,
            decisions,
            dom_paths,
        };
        // Removing a line can make its neighbours read as chrome: a few rounds reach the
        // fixed point on nearly every page.
        self.recheck_as_text(&mut doc, &mut word_counts, url, budget)?;
        Ok(doc)
    }

    /// Cleans plain text (one block per line), with no time budget.
    pub fn clean_text(&self, text: &str, url: Option<&str>) -> Document {
        let site = url.and_then(site_of_url).unwrap_or_default();
        match self.clean_text_within(text, url, &site, &Budget::unlimited()) {
            Ok(doc) => doc,
            Err(_) => unreachable!("only a time budget fails"),
        }
    }

    fn clean_text_within(
        &self,
        text: &str,
        url: Option<&str>,
        site: &str,
        budget: &Budget,
    ) -> Result<Document, Error> {
        self.clean_text_with(text, url, self.site_frequency(site), budget)
    }

    /// Cleans plain text with the site's line frequencies, if any.
    fn clean_text_with(
        &self,
        text: &str,
        url: Option<&str>,
        frequency: Option<profile::SiteFrequency<'_>>,
        budget: &Budget,
    ) -> Result<Document, Error> {
        let blocks = blocks::text::blocks_from_text(text);
        budget.check("blocks")?;
        self.clean_text_blocks(blocks, |_| None, url, frequency, budget)
    }

    /// Cleans the blocks of a plain text, whose [`lang::WordCounts`] `known` may give.
    fn clean_text_blocks(
        &self,
        mut blocks: Vec<Block>,
        known: impl Fn(usize) -> Option<lang::WordCounts>,
        url: Option<&str>,
        frequency: Option<profile::SiteFrequency<'_>>,
        budget: &Budget,
    ) -> Result<Document, Error> {
        let (language, _) = page_language_with(&mut blocks, None, known);
        let page = Page {
            blocks: &blocks,
            dom: None,
            language,
            source: SourceKind::Text,
            title: None,
            author: None,
            author_bios: &[],
            frequency,
            kinds: PageKinds::default(),
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        let decisions = self.run_detectors(&page, None);
        budget.check("detectors")?;
        let mut meta = Metadata {
            url: url.map(str::to_string),
            language: language.code().map(str::to_string),
            ..Metadata::default()
        };
        fill_from_bylines(&blocks, &decisions, &mut meta);
        Ok(Document {
            metadata: meta,
            blocks,
            decisions,
            dom_paths: Vec::new(),
        })
    }

    /// Runs the detectors and decides; `declared` is the document's text as the page's
    /// structured data gives it (a product's description), if any.
    fn run_detectors(&self, page: &Page<'_>, declared: Option<&str>) -> Vec<Decision> {
        let mut verdicts = Vec::new();
        for detector in &self.detectors {
            detector.detect(page, &mut verdicts);
        }
        decide::decide(
            page.blocks,
            &verdicts,
            page.dom,
            page.source,
            page.kinds,
            declared,
            &self.options.decide,
        )
    }
}

/// Cleans an HTML page with default options and returns its clean text.
pub fn clean_html(html: &str) -> String {
    Cleaner::default().clean_html(html, None).to_text()
}

/// Cleans plain text with default options and returns its clean text.
pub fn clean_text(text: &str) -> String {
    Cleaner::default().clean_text(text, None).to_text()
}

/// The language whose stopwords count: declared by the page if we have its list, else
/// guessed from the text. Fills each block's stopword count in that language (one pass over
/// the words does both).
/// `known` gives the [`lang::WordCounts`] of blocks already read (by block index); the
/// counts of every block are returned too.
fn page_language_with(
    blocks: &mut [Block],
    declared: Option<&str>,
    known: impl Fn(usize) -> Option<lang::WordCounts>,
) -> (lang::PageLanguage, Vec<lang::WordCounts>) {
    // The guess reads a sample: the texts of blocks with little link text, in order, until
    // they make over 20,000 bytes (each counted with a line break).
    let mut sample_len = 0;
    let mut sample_full = false;
    let mut tally = lang::LanguageTally::default();
    let counts: Vec<lang::WordCounts> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let counts = known(i).unwrap_or_else(|| lang::word_counts(&b.text));
            if !sample_full && b.features.link_density() < 0.5 {
                if sample_len > 20_000 {
                    sample_full = true;
                } else {
                    sample_len += b.text.len() + 1;
                    tally.add(&counts.tally);
                }
            }
            counts
        })
        .collect();
    let guessed = tally.language();
    let language = match declared.and_then(lang::PageLanguage::from_code) {
        // A declared language whose stopwords do not appear at all is a template default
        // (`lang="en"` on a Spanish page): trust the text.
        Some(d) if guessed.code().is_none() || guessed == d => d,
        _ => guessed,
    };
    for (block, counts) in blocks.iter_mut().zip(&counts) {
        block.features.stopwords = language.stopwords_in(&counts.stopwords);
    }
    (language, counts)
}

/// Whether the first bytes look like binary data rather than text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.is_empty() {
        return false;
    }
    // UTF-16 text has many NULs but starts with a BOM.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 10 > head.len()
}

/// Chooses HTML or text from the file name, then from the first bytes.
fn sniff_format(name: Option<&str>, bytes: &[u8]) -> InputFormat {
    if let Some(name) = name {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        if lower.ends_with(".txt") || lower.ends_with(".wet") {
            return InputFormat::Text;
        }
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return InputFormat::Html;
        }
    }
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{FEFF}').trim_start();
    let markup = [
        "<!doctype",
        "<html",
        "<head",
        "<body",
        "<div",
        "<p>",
        "<meta",
        "<!--",
    ];
    if trimmed.starts_with('<') || markup.iter().any(|m| head.contains(m)) {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// A path like `body > div#main > article > p` for explanations.
fn dom_path(dom: &Dom, block: &Block) -> String {
    let mut parts = Vec::new();
    for &a in &block.ancestors {
        let node = dom.node(a);
        let Some(tag) = node.local_name() else {
            continue;
        };
        let mut part = tag.to_string();
        if let Some(id) = node.attr("id").map(str::trim).filter(|s| !s.is_empty()) {
            part.push('#');
            part.push_str(id);
        } else if let Some(class) = node.attr("class") {
            for c in class.split_whitespace().take(2) {
                part.push('.');
                part.push_str(c);
            }
        }
        parts.push(part);
    }
    parts.join(" > ")
}

/// The page's title heading (h1/h2 matching the declared title) stays when it stands just
/// before the kept text: it is the document's title even when it sits outside the content
/// container. Its lead may stay with it ([`keep_title_lead`]). `titles`: the page's
/// declared titles ([`title_texts`]).
fn keep_title_heading(
    blocks: &[Block],
    decisions: &mut [Decision],
    titles: &[String],
    kinds: metadata::PageKinds,
    dom: &dom::Dom,
) {
    let Some(first_kept) = decisions.iter().position(|d| d.keep) else {
        return;
    };
    if titles.is_empty() {
        return;
    }
    let is_title = |b: &Block| is_title_heading(b, titles);
    let candidate = blocks[..first_kept]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, b)| is_title(b))
        .map(|(i, _)| i)
        // Kept text before it (an embedded post over a shop's item) leaves the page's
        // first-level title where the region rule alone dropped it.
        .or_else(|| {
            blocks.iter().zip(decisions.iter()).position(|(b, d)| {
                b.kind == (BlockKind::Heading { level: 1 })
                    && is_title(b)
                    && !d.keep
                    && d.reasons.iter().all(|r| {
                        (r.detector == "decide" && r.cause == OUTSIDE_REGION)
                            || r.detector == "text-density"
                    })
            })
        });
    if let Some(i) = candidate {
        decisions[i].keep = true;
        decisions[i].reasons.insert(
            0,
            Reason {
                detector: "decide",
                cause: "the document's title".to_string(),
            },
        );
    }
    // The page's title, or its first-level heading, opening the kept text titles it too.
    let opening = &blocks[first_kept];
    let title = candidate.or_else(|| {
        (is_title(opening) || opening.kind == (BlockKind::Heading { level: 1 }))
            .then_some(first_kept)
    });
    if let Some(i) = title {
        keep_title_lead(blocks, decisions, i, kinds, dom);
    }
}

/// The page's declared titles (its `<title>` or og:title, and its structured headline),
/// folded for comparison.
fn title_texts(meta: &Metadata, headline: Option<&str>) -> Vec<String> {
    [meta.title.as_deref(), headline]
        .into_iter()
        .flatten()
        .map(detect::fold)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether `b` is a heading of level 1 or 2 whose text is one of `titles` (or the start of
/// it, as in `Title | Site`).
fn is_title_heading(b: &Block, titles: &[String]) -> bool {
    matches!(b.kind, BlockKind::Heading { level } if level <= 2) && {
        let folded = detect::fold(&b.text);
        !folded.is_empty()
            && titles
                .iter()
                .any(|t| t == &folded || t.starts_with(&folded))
    }
}

/// Detectors whose chrome evidence on a kept block before the title heading marks it as
/// the site's: its links (a breadcrumb, a promotion bar, a carousel of other products) or
/// its markup (an alert box, a sticky bar).
const BEFORE_TITLE_CHROME_DETECTORS: [&str; 2] = ["link-density", "markup"];

/// Most kept words before the title heading, as a share of the kept words from the title
/// on, for the title to open the document (see [`drop_chrome_before_title`]).
const BEFORE_TITLE_MAX_SHARE: f32 = 0.5;

/// What the page keeps before its title heading (a heading matching the declared title)
/// with chrome evidence against it ([`BEFORE_TITLE_CHROME_DETECTORS`]), kept only for its
/// place (a listing region, a plain list), is the site's frame around the document: a
/// breadcrumb, a promotion banner, a carousel of other products, a wish-list button. It
/// goes when the title opens the document (the text before it is less than
/// [`BEFORE_TITLE_MAX_SHARE`] of the text from it on; a listing's title can sit under its
/// grid); what has no such evidence (a gallery caption, a product's options) stays, and
/// so does the title. `titles`: the page's declared titles ([`title_texts`]).
fn drop_chrome_before_title(blocks: &[Block], decisions: &mut [Decision], titles: &[String]) {
    if titles.is_empty() {
        return;
    }
    let Some(title) = blocks
        .iter()
        .zip(decisions.iter())
        .position(|(b, d)| d.keep && is_title_heading(b, titles))
    else {
        return;
    };
    let kept_words = |range: std::ops::Range<usize>| -> usize {
        range
            .filter(|&i| decisions[i].keep)
            .map(|i| blocks[i].features.words)
            .sum()
    };
    let (before, after) = (kept_words(0..title), kept_words(title..blocks.len()));
    if before as f32 >= BEFORE_TITLE_MAX_SHARE * after as f32 {
        return;
    }
    for d in &mut decisions[..title] {
        if d.keep
            && d.reasons
                .iter()
                .any(|r| BEFORE_TITLE_CHROME_DETECTORS.contains(&r.detector))
        {
            d.keep = false;
            d.reasons.insert(
                0,
                Reason {
                    detector: "decide",
                    cause: "chrome before the title heading".to_string(),
                },
            );
        }
    }
}

/// Class name parts of an element that holds a post (an article, a blog entry, a guide).
const POST_CLASS_PARTS: &[&str] = &[
    "article", "post", "blog", "hentry", "entry", "story", "guide", "news",
];

/// The lead under the title heading at `title` of a page that is no post (a shop
/// category's intro, `<h1>Bread makers</h1><p>Bake your own loaves…</p>` in a hero banner
/// over the grid): the paragraphs right after the title, in the title's own box, with no
/// evidence against them but their place outside the region (and what the title's box
/// holds against the title, which stays), stay with the title. A post's standfirst (a page
/// declared an article, a title in an `<article>`, a `post` or `article__header` box, or
/// in a box with a byline) is no part of its body.
fn keep_title_lead(
    blocks: &[Block],
    decisions: &mut [Decision],
    title: usize,
    kinds: metadata::PageKinds,
    dom: &dom::Dom,
) {
    if kinds.article {
        return;
    }
    let ancestors = &blocks[title].ancestors;
    let in_post = ancestors.iter().any(|&a| {
        let node = dom.node(a);
        node.local_name()
            .is_some_and(|t| *t == html5ever::local_name!("article"))
            || node.attr("class").is_some_and(|c| {
                c.split(|ch: char| !ch.is_ascii_alphanumeric())
                    .any(|p| POST_CLASS_PARTS.iter().any(|w| p.eq_ignore_ascii_case(w)))
            })
    });
    let Some(&holder) = ancestors.len().checked_sub(2).map(|k| &ancestors[k]) else {
        return;
    };
    // A byline in the title's box (a date, an author, a reading time) makes it a post's
    // header.
    let byline_box = |a: dom::NodeId| {
        dom.node(a)
            .attr("class")
            .is_some_and(|c| detect::markup::class_has_word(c, BYLINE_CLASS_WORDS))
    };
    let bylined = blocks.iter().zip(decisions.iter()).any(|(b, d)| {
        b.ancestors
            .iter()
            .position(|&a| a == holder)
            .is_some_and(|at| {
                d.reasons.iter().any(|r| r.detector == "byline")
                    || detect::byline::is_date_line(b)
                    || b.ancestors[at + 1..].iter().any(|&a| byline_box(a))
            })
    });
    if in_post || bylined {
        return;
    }
    // What the detectors hold against the title (its box's name) is no evidence against
    // its lead either.
    let against_title: Vec<Reason> = decisions[title].reasons.clone();
    for k in title + 1..blocks.len() {
        let (b, d) = (&blocks[k], &decisions[k]);
        let only_outside = d.reasons.iter().all(|r| {
            r.detector == "text-density"
                || (r.detector == "decide" && r.cause == OUTSIDE_REGION)
                || against_title.contains(r)
        });
        if d.keep
            || !b.ancestors.contains(&holder)
            || b.kind != BlockKind::Paragraph
            || !only_outside
            || b.features.link_density() >= 0.3
            || b.features.words < TITLE_LEAD_MIN_WORDS
            || b.features.stopword_density() < TITLE_LEAD_MIN_STOPWORDS
            // A sentence opens with no small letter (a line of tags, `full-ev-cars …`, does).
            || b.text.trim_start().chars().next().is_some_and(char::is_lowercase)
        {
            break;
        }
        decisions[k].keep = true;
        decisions[k].reasons.insert(
            0,
            Reason {
                detector: "decide",
                cause: "the lead under the page's title".to_string(),
            },
        );
    }
}

/// Words of a class name that call its element a post's byline.
const BYLINE_CLASS_WORDS: &[&str] = &["date", "author", "byline", "time"];

/// Fewest words of a title's lead ([`keep_title_lead`]).
const TITLE_LEAD_MIN_WORDS: usize = 5;

/// Fewest stopwords, as a share of its words, of a title's lead: a line of tags or names
/// is none.
const TITLE_LEAD_MIN_STOPWORDS: f32 = 0.1;

/// The cause a block outside the main region is noted with (see `decide`).
const OUTSIDE_REGION: &str = "outside the main content region";

/// Whether a character edging a byline field is spacing or a separator the byline shares
/// with its neighbours (`Ann Lee ·` before `5 min read`), not part of the name or date.
fn is_byline_edge(c: char) -> bool {
    c.is_whitespace() || matches!(c, '·' | '•' | '|' | '–' | '—' | ',')
}

/// Author and date from byline verdicts, where the page declared none.
fn fill_from_bylines(blocks: &[Block], decisions: &[Decision], meta: &mut Metadata) {
    for (block, decision) in blocks.iter().zip(decisions) {
        if decision.keep {
            continue;
        }
        for r in &decision.reasons {
            if r.detector != "byline" {
                continue;
            }
            if r.cause.starts_with("author") && meta.author.is_none() {
                let name = block.text.trim();
                let name = ["By ", "by ", "BY "]
                    .iter()
                    .find_map(|p| name.strip_prefix(p))
                    .unwrap_or(name);
                meta.author = Some(name.trim_matches(is_byline_edge).to_string());
            } else if r.cause.starts_with("date") && meta.date.is_none() {
                meta.date = Some(block.text.trim_matches(is_byline_edge).to_string());
            }
        }
    }
}

/// When the visible body is (nearly) empty but the page's structured data carries the
/// article, the structured body is the document.
fn use_structured_body(
    body: &str,
    blocks: &mut Vec<Block>,
    decisions: &mut Vec<Decision>,
    dom_paths: &mut Vec<String>,
    language: &lang::PageLanguage,
) {
    let body_words = lang::word_count(body);
    let kept_words: usize = blocks
        .iter()
        .zip(decisions.iter())
        .filter(|(_, d)| d.keep)
        .map(|(b, _)| b.features.words)
        .sum();
    if body_words < 50 || kept_words * 2 >= body_words {
        return;
    }
    for d in decisions.iter_mut().filter(|d| d.keep) {
        d.keep = false;
        d.reasons.retain(|r| r.cause != decide::FALLBACK_CAUSE);
        d.reasons.insert(
            0,
            Reason {
                detector: "decide",
                cause: "the page's JSON-LD articleBody replaces a thin visible body".to_string(),
            },
        );
    }
    let mut extra = blocks::text::blocks_from_text(body);
    for mut block in extra.drain(..) {
        block.count_stopwords(language);
        block.joins_previous = false;
        blocks.push(block);
        decisions.push(Decision {
            keep: true,
            class: decide::BlockClass::Good,
            reasons: vec![Reason {
                detector: "structured-data",
                cause: "JSON-LD articleBody".to_string(),
            }],
        });
        if !dom_paths.is_empty() {
            dom_paths.push(String::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str =
        "<p>The harbour committee met on Tuesday evening to weigh the plan for the \
        new breakwater, and most of the members spoke in favour of building it before winter.</p>\
        <p>Work would start in the spring, the engineer said, once the stone had been delivered \
        from the quarry on the far side of the bay and the old pier had been taken down.</p>";

    #[test]
    fn a_first_level_title_after_kept_text_stays_when_only_the_region_dropped_it() {
        let html = "<html><body><blockquote><p>Embedded post about the pan.</p></blockquote>\
                    <h1>Cast iron pan, 12 inch</h1><p>$30</p>\
                    <h1>Cast iron pan, 12 inch</h1></body></html>";
        let dom = Dom::parse_document(html, None).expect("parses");
        let blocks = blocks::html::blocks_from_dom(&dom);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(
            texts,
            [
                "Embedded post about the pan.",
                "Cast iron pan, 12 inch",
                "$30",
                "Cast iron pan, 12 inch"
            ]
        );
        let dropped = |detector: &'static str, cause: &str| Decision {
            keep: false,
            class: decide::BlockClass::Bad,
            reasons: vec![Reason {
                detector,
                cause: cause.to_string(),
            }],
        };
        let mut decisions = vec![
            Decision {
                keep: true,
                class: decide::BlockClass::Good,
                reasons: Vec::new(),
            },
            dropped("markup", "inside <nav>"),
            dropped("decide", OUTSIDE_REGION),
            dropped("decide", OUTSIDE_REGION),
        ];
        let meta = Metadata {
            title: Some("Cast iron pan, 12 inch : Oak and Iron".to_string()),
            ..Default::default()
        };
        let kinds = metadata::PageKinds::default();
        keep_title_heading(
            &blocks,
            &mut decisions,
            &title_texts(&meta, None),
            kinds,
            &dom,
        );
        // The first copy has evidence of its own against it; the region alone dropped the
        // second, which stays.
        let kept: Vec<bool> = decisions.iter().map(|d| d.keep).collect();
        assert_eq!(kept, [true, false, false, true]);
    }

    /// A pan's page: a sale link, an alert and a caption before its title, `body` after it;
    /// the decisions keep every block, the link and the alert with evidence against them.
    fn pan_page(body: &str) -> (Vec<Block>, Vec<Decision>) {
        let html = format!(
            "<html><body><p><a href=/sale>Spring sale: 20% off</a></p>\
             <p>Added to your list</p><p>Gallery: the pan on a stove</p>\
             <h1>Cast iron pan, 12 inch</h1>{body}</body></html>"
        );
        let dom = Dom::parse_document(&html, None).expect("parses");
        let blocks = blocks::html::blocks_from_dom(&dom);
        let kept = |evidence: Option<(&'static str, &str)>| Decision {
            keep: true,
            class: decide::BlockClass::Good,
            reasons: evidence
                .into_iter()
                .map(|(detector, cause)| Reason {
                    detector,
                    cause: cause.to_string(),
                })
                .collect(),
        };
        let mut decisions = vec![
            kept(Some(("link-density", "1.00 of the text is links"))),
            kept(Some(("markup", "inside <div> named \"alert\""))),
        ];
        decisions.resize_with(blocks.len(), || kept(None));
        (blocks, decisions)
    }

    #[test]
    fn chrome_kept_before_the_title_heading_goes_when_the_title_opens_the_document() {
        let meta = Metadata {
            title: Some("Cast iron pan, 12 inch | Oak and Iron".to_string()),
            ..Default::default()
        };
        let (blocks, mut decisions) = pan_page(PROSE);
        drop_chrome_before_title(&blocks, &mut decisions, &title_texts(&meta, None));
        // The sale link and the alert go; the caption, the title and its text stay.
        let keep: Vec<bool> = decisions.iter().map(|d| d.keep).collect();
        assert_eq!(keep, [false, false, true, true, true, true]);
        // Under a short text, the title closes what comes before it (a listing's title
        // under its grid): all stays.
        let (blocks, mut decisions) = pan_page("<p>Seasoned.</p>");
        drop_chrome_before_title(&blocks, &mut decisions, &title_texts(&meta, None));
        assert!(decisions.iter().all(|d| d.keep));
    }

    #[test]
    fn body_text_leaves_out_the_title_heading_and_only_it() {
        let html = format!(
            "<html><head><title>Breakwater plan approved | Harbour News</title></head><body>\
             <article><h1>Breakwater plan approved</h1>{PROSE}</article></body></html>"
        );
        let doc = Cleaner::default().clean_html(&html, None);
        assert_eq!(
            doc.title_heading().map(|i| doc.blocks[i].text.as_str()),
            Some("Breakwater plan approved")
        );
        let text = doc.to_text();
        let body = doc.body_text();
        assert!(
            text.starts_with("Breakwater plan approved\n\nThe harbour"),
            "{text}"
        );
        assert!(body.starts_with("The harbour committee"), "{body}");
        assert_eq!(format!("Breakwater plan approved\n\n{body}"), text);
    }

    #[test]
    fn body_text_is_the_text_when_it_does_not_open_with_the_title() {
        let html = format!(
            "<html><head><title>Breakwater plan approved</title></head><body>\
             <article><h2>Committee notes</h2>{PROSE}</article></body></html>"
        );
        let doc = Cleaner::default().clean_html(&html, None);
        assert_eq!(doc.title_heading(), None);
        assert_eq!(doc.body_text(), doc.to_text());
    }

    /// A shop's category page: a hero box with the title and its intro (`hero` is the
    /// class of the box), a column of filters, then the grid of products in `<main>`.
    fn category_page(hero: &str) -> String {
        let card = |n: usize| {
            format!(
                "<li class=card><a href=/p/{n}><h3>Oak kettle stand model {n}</h3></a>\
                 <p>Solid oak stand for a stovetop kettle, oiled finish, size {n}</p>\
                 <p>$4{n}.00</p></li>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let filters: String = (1..=8)
            .map(|n| format!("<li><a href=/f/{n}>Filter {n}</a></li>"))
            .collect();
        format!(
            "<html><head><title>Kettle stands | Oak and Iron</title></head><body>\
             <nav><a href=/>Home</a> <a href=/shop>Shop</a> <a href=/about>About</a></nav>\
             <div class={hero}><h1>Kettle stands</h1>\
             <p>Every stand we make is cut from one board of oak and oiled by hand.</p></div>\
             <aside><ul>{filters}</ul></aside><main><ul class=grid>{cards}</ul></main>\
             </body></html>"
        )
    }

    #[test]
    fn the_intro_under_a_category_title_stays_with_it() {
        let text = Cleaner::default()
            .clean_html(&category_page("hero"), None)
            .to_text();
        assert!(text.contains("Kettle stands"), "{text}");
        assert!(text.contains("cut from one board of oak"), "{text}");
        assert!(text.contains("Oak kettle stand model 3"), "{text}");
        // Not a paragraph in another box after the title's.
        let apart = category_page("hero").replace("</h1>", "</h1></div><div class=hero>");
        let text = Cleaner::default().clean_html(&apart, None).to_text();
        assert!(!text.contains("cut from one board of oak"), "{text}");
    }

    #[test]
    fn a_posts_standfirst_does_not_stay_with_its_title() {
        // The title's box is a post's header, or holds a byline.
        for hero in ["post-header", "article__header"] {
            let text = Cleaner::default()
                .clean_html(&category_page(hero), None)
                .to_text();
            assert!(
                !text.contains("cut from one board of oak"),
                "{hero}: {text}"
            );
        }
        let bylined = category_page("hero").replace(
            "<h1>",
            "<div class=postDate>Updated by the workshop team</div><h1>",
        );
        let text = Cleaner::default().clean_html(&bylined, None).to_text();
        assert!(!text.contains("cut from one board of oak"), "{text}");
    }

    #[test]
    fn class_names_split_into_words_at_separators_and_capitals() {
        let class = "styles_dateAndAuthor__x1 hero-box";
        for word in ["styles", "date", "and", "author", "x1", "hero", "box"] {
            assert!(detect::markup::class_has_word(class, &[word]), "{word}");
        }
        for word in ["dateandauthor", "styles_date", "hero-box", "x"] {
            assert!(!detect::markup::class_has_word(class, &[word]), "{word}");
        }
    }
}
