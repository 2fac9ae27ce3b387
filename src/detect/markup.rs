//! Markup semantics: blocks inside navigation, headers, footers, asides, dialogs, hidden
//! elements, or elements whose class/id/role name chrome (share, related, comment, cookie,
//! sidebar, …) are chrome.
//!
//! The verdict names the element and the token that matched. An element whose name also
//! says "content" (`entry-content-sidebar`), the root elements, and wrappers that hold most
//! of the page's text are not judged by their names: those are layout, not chrome.

use html5ever::{local_name, ns, LocalName};
use rustc_hash::FxHashMap as HashMap;

use super::{Detector, Page, Signal, Verdict};
use crate::dom::{is_heading_tag, Dom, NodeData, NodeId};
use std::borrow::Cow;

/// The tokens of a class or id attribute (HTML separates them by ASCII whitespace).
fn name_tokens(value: &str) -> std::str::SplitAsciiWhitespace<'_> {
    value.split_ascii_whitespace()
}

/// Whether `name` holds `word`: [`str::contains`] for the short names of classes and ids,
/// without the setup of a searcher (which costs more than the search on a few bytes).
fn holds(name: &str, word: &str) -> bool {
    let (name, word) = (name.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    name.len() >= word.len()
        && (0..=name.len() - word.len())
            .any(|i| name[i] == first && &name[i + 1..i + word.len()] == rest)
}

/// A name token in lower case, borrowed when it has no capitals.
fn lowercased(token: &str) -> Cow<'_, str> {
    if token.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(token.to_ascii_lowercase())
    } else {
        Cow::Borrowed(token)
    }
}

/// Whether `text` ends with `suffix` (ASCII), whatever the case of its letters.
fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// `token` in lowercase with its camelCase words set apart by `-` (`customerReviews` gives
/// `customer-reviews`, `reviewsMedley` gives `reviews-medley`), so that [`name_parts`]
/// splits them as it splits `customer-reviews`. A run of capitals stays one word (`FAQList`
/// gives `faqlist`).
fn lowercased_words(token: &str) -> Cow<'_, str> {
    let bytes = token.as_bytes();
    let boundary =
        |i: usize| bytes[i].is_ascii_uppercase() && i > 0 && bytes[i - 1].is_ascii_lowercase();
    if !(1..bytes.len()).any(boundary) {
        return lowercased(token);
    }
    let mut out = String::with_capacity(token.len() + 4);
    for (i, c) in token.char_indices() {
        if c.is_ascii_uppercase() && boundary(i) {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    Cow::Owned(out)
}

/// Whether a `class` attribute names one of `words` (lowercase) as a whole word of one of
/// its tokens, split as the markup detector splits them: at `-`, `_` and where a small
/// letter meets a capital (`styles_dateAndAuthor__x1` holds `date` and `author`).
pub(crate) fn class_has_word(class: &str, words: &[&str]) -> bool {
    class
        .split_ascii_whitespace()
        .any(|token| name_parts(&lowercased_words(token)).any(|part| words.contains(&part)))
}

/// The words of a compound name token between `-` and `_` (`post_share-bar` gives `post`,
/// `share`, `bar`), empty ones skipped. Both separators are ASCII, so the token is split
/// by bytes, without decoding characters.
fn name_parts(token: &str) -> NameParts<'_> {
    NameParts { rest: token }
}

/// Iterator of [`name_parts`].
#[derive(Clone)]
struct NameParts<'a> {
    rest: &'a str,
}

impl<'a> Iterator for NameParts<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        while !self.rest.is_empty() {
            let end = self
                .rest
                .bytes()
                .position(|b| b == b'-' || b == b'_')
                .unwrap_or(self.rest.len());
            let part = &self.rest[..end];
            self.rest = self.rest.get(end + 1..).unwrap_or("");
            if !part.is_empty() {
                return Some(part);
            }
        }
        None
    }
}

/// Class/id fragments that name chrome wherever they appear in a token.
const CHROME_FRAGMENTS: &[&str] = &[
    "sidebar",
    "announcement",
    "facet",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "widget",
    "promo",
    "advert",
    "sponsor",
    "footer",
    "masthead",
    "navbar",
    "navigation",
    "menu",
    "popup",
    "modal",
    "pagination",
    "pager",
    "toolbar",
    "signup",
    "sign-up",
    "login",
    "author-bio",
    "authorbox",
    "author-box",
    "about-author",
    "recommend",
    "trending",
    "popular",
    "most-read",
    "mostread",
    "outbrain",
    "taboola",
    "disqus",
    "skip-link",
    "skiplink",
    "post-meta",
    "entry-meta",
    "article-meta",
    "postmeta",
    "byline",
    "dateline",
    "tag-list",
    "taglist",
    "tags-list",
    "post-tags",
    "entry-tags",
    "article-tags",
    "read-more",
    "readmore",
    "more-stories",
    "next-post",
    "prev-post",
    "post-nav",
    "postnav",
    "jump-to",
    // A forum's "Jump to" box, a drop-down of every board (phpBB's `jumpbox`, vBulletin's
    // `forumjump`), under each thread.
    "jumpbox",
    "forumjump",
    "table-of-contents",
    "toc-",
    "print-",
    "cta",
    "paywall",
    "banner-ad",
    "ad-slot",
    "adslot",
    "ad-container",
    "adwrap",
    "ad-wrapper",
    "dfp",
    "rail",
    "offcanvas",
    "off-canvas",
    "overlay",
    "lightbox",
    "popover",
    "search-form",
    "searchform",
    // A storefront's buy-now-pay-later widget ("4 interest-free payments of $12 with
    // Afterpay", "Pay in 3 with Klarna", a financing offer): the shop's terms, the same on
    // every product, never its description.
    "afterpay",
    "klarna",
    "financing",
    // The ad units of XenForo's ads manager (Siropu: `samItem`, `samBannerUnit`,
    // `samCodeUnit`, `samTextUnit`).
    "samitem",
    "sambannerunit",
    "samcodeunit",
    "samtextunit",
];

/// Class/id tokens that name chrome only as a whole token.
const CHROME_TOKENS: &[&str] = &[
    "ad",
    // FluxBB and PunBB name the trail over a thread `crumbs` (a whole name: `crumbsplus`,
    // `breadcrumb` are matched elsewhere).
    "crumbs",
    "ads",
    "nav",
    "tags",
    "tag",
    "meta",
    "share",
    "hidden",
    "hide",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
    "screenreader",
    "d-none",
    "invisible",
    "print",
    "noprint",
    "header",
    "aside",
    "author",
    "date",
    "timestamp",
    "rating",
    "votes",
    "tooltip",
    "navheader",
    "navfooter",
    // WordPress's links to the pages of a post split in several (`wp_link_pages`: "Pages:
    // 1 2 3"): a pager, whatever the theme calls it.
    "post-nav-links",
    "page-links",
];

/// Tokens that say an element holds the document (they cancel chrome tokens).
const CONTENT_FRAGMENTS: &[&str] = &[
    "article",
    "content",
    "entry",
    "post-body",
    "postbody",
    "story",
    "main",
    "text",
    "body",
    "blog-post",
    "prose",
    "markdown",
];

/// Class/id name parts of rich-text editors' output (Froala's `fr-view`, `widget editor`,
/// `wysiwyg`): the block holds text an editor wrote, which cancels chrome words
/// beside them (`widget`), as [`CONTENT_FRAGMENTS`] do. Whole parts only: `editorial`
/// and `editors-picks` name teaser rails.
const EDITOR_PARTS: &[&str] = &["editor", "wysiwyg", "fr-view"];

/// Whether a class/id token names a rich-text editor's output (see [`EDITOR_PARTS`]).
fn names_editor_output(token: &str) -> bool {
    EDITOR_PARTS.contains(&token) || name_parts(token).any(|p| EDITOR_PARTS.contains(&p))
}

/// Whole class/id names of page regions that are chrome as surely as `<header>` or
/// `<footer>` are.
const STRUCTURAL_NAMES: &[&str] = &[
    "header",
    "footer",
    "sidebar",
    // The side column of a page (old Reddit's `side`: the community's rules, moderators,
    // links), as a whole name.
    "side",
    "nav",
    "navigation",
    "menu",
    "masthead",
    "site-header",
    "site-footer",
    "colophon",
    "navbar",
    "topbar",
    "top-bar",
    "breadcrumb",
    "breadcrumbs",
    "crumbs",
    "pagination",
    "pager",
    // WordPress's links to the pages of a post split in several (see [`CHROME_TOKENS`]).
    "post-nav-links",
    "page-links",
    // DocBook's navigation bars above and below each page of a manual (Prev, Up, Home,
    // Next).
    "navheader",
    "navfooter",
];

/// ARIA roles of chrome regions.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "tablist",
    "toolbar",
];

/// The markup-semantics detector.
#[derive(Default)]
pub struct MarkupSemantics;

/// What one element says about its subtree.
#[derive(Clone)]
struct ElementJudgement {
    weight: f32,
    cause: String,
}

impl Detector for MarkupSemantics {
    fn name(&self) -> &'static str {
        "markup"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let Some(dom) = page.dom else {
            return;
        };
        // Text held by each element, to tell layout wrappers from chrome regions (indexed by
        // node id: cheaper than a map).
        let mut held = vec![0usize; dom.nodes.len()];
        let mut total = 0usize;
        // First-level headings held by each element, and on the page: the element that holds
        // them all holds the document's title.
        let mut titles = vec![0u16; dom.nodes.len()];
        let mut total_titles = 0u16;
        for block in page.blocks {
            total += block.features.chars;
            let title = block.kind == (crate::blocks::BlockKind::Heading { level: 1 });
            total_titles += u16::from(title);
            for &a in &block.ancestors {
                held[a as usize] += block.features.chars;
                titles[a as usize] += u16::from(title);
            }
        }
        // Each element is judged once, and elements that look alike (same tag and names, as
        // the items of a menu) share one judgement; blocks then read the judgements by
        // reference. `slot` gives, per node id, the index of its judgement (`UNJUDGED`
        // before it has one).
        const UNJUDGED: u32 = u32::MAX;
        let mut slot = vec![UNJUDGED; dom.nodes.len()];
        let mut judgements: Vec<Option<ElementJudgement>> = Vec::new();
        let mut alike: HashMap<ElementFacts<'_>, u32> = HashMap::default();
        // Found first: a page that is a thread by its structure names its posts comments
        // as a declared discussion does.
        let user_sections = UserSections::find(page, dom);
        let thread = page.kinds.discussion || user_sections.thread;
        for block in page.blocks {
            for &a in &block.ancestors {
                if slot[a as usize] == UNJUDGED {
                    let mut facts = ElementFacts::of(dom, a, Some(held[a as usize]), total, thread);
                    facts.listed =
                        held_with_its_kind(dom, a, &held, total) * 10 > total * KIND_WRAPPER_TENTHS;
                    facts.holds_title = titles[a as usize] > 0;
                    facts.deferred_page = facts.is_deferred_page(
                        held[a as usize],
                        total,
                        total_titles > 0 && titles[a as usize] == total_titles,
                    );
                    slot[a as usize] = *alike.entry(facts).or_insert_with_key(|facts| {
                        judgements.push(judge_element(facts));
                        (judgements.len() - 1) as u32
                    });
                }
            }
        }
        let mut carousels = ArticleWidgets::new(dom.nodes.len(), carousel_name, "carousel");
        let mut calls_to_action =
            ArticleWidgets::new(dom.nodes.len(), call_to_action_name, "call to action");
        let figure_caption = ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: "a figure caption, not cited by number".to_string(),
        };
        let profile_facts = ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: "a fact of a poster's profile (a short term or value of a <dl>)".to_string(),
        };
        let reads_as_article = undeclared_article(page);
        let linked_cards = if page.kinds.article || reads_as_article {
            linked_cards(page, dom, total)
        } else {
            Vec::new()
        };
        let linked_card = ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: "inside a card wrapped in one link (a heading and its pitch)".to_string(),
        };
        // The <header> elements that hold a <nav> and no first-level heading: a site's header
        // (its menu, its account links), even where the page wraps everything in <main>.
        let mut site_headers = rustc_hash::FxHashSet::default();
        for i in 0..dom.nodes.len() {
            let Ok(id) = crate::dom::NodeId::try_from(i) else {
                continue;
            };
            if dom.node(id).local_name() != Some(&local_name!("nav")) {
                continue;
            }
            let mut up = dom.node(id).parent;
            while let Some(a) = up {
                let node = dom.node(a);
                if node.local_name() == Some(&local_name!("header")) {
                    if titles[a as usize] == 0 {
                        site_headers.insert(a);
                    }
                    break;
                }
                up = node.parent;
            }
        }
        for (index, block) in page.blocks.iter().enumerate() {
            // The strongest chrome element decides; inside <article>/<main> a <header> is
            // the article's own header, so remember whether we are inside one.
            let mut found: Option<&ElementJudgement> = None;
            let mut inside_article = false;
            for &ancestor in &block.ancestors {
                let node = dom.node(ancestor);
                if matches!(
                    node.local_name(),
                    Some(&local_name!("article")) | Some(&local_name!("main"))
                ) {
                    inside_article = true;
                }
                if let Some(j) = &judgements[slot[ancestor as usize] as usize] {
                    // A tab's panel holds the document (a product's overview, its
                    // specifications): a `role="tablist"` around panels is their container,
                    // misnamed.
                    // So is a `role="tablist"` that lets several of its sections open at
                    // once (`aria-multiselectable="true"`): WAI-ARIA 1.0's accordion, as
                    // Bootstrap 3 marks its collapsible panel groups, questions and
                    // answers both inside.
                    if has_role(node, "tablist")
                        && (is_multiselectable(node)
                            || block
                                .ancestors
                                .iter()
                                .any(|&a| has_role(dom.node(a), "tabpanel")))
                    {
                        continue;
                    }
                    let article_header = inside_article
                        && node.local_name() == Some(&local_name!("header"))
                        && !site_headers.contains(&ancestor);
                    // The strongest chrome ancestor speaks (a social-links div inside a
                    // site <header> is as much chrome as the header).
                    let stronger = found.as_ref().is_none_or(|f| j.weight >= f.weight);
                    if !article_header && stronger {
                        found = Some(j);
                    }
                }
            }
            if page.kinds.article || reads_as_article {
                // An undeclared page's carousel may be its document (a landing page's
                // slides); its calls to action are the site's as on an article.
                let carousels = page.kinds.article.then_some(&mut carousels);
                for widgets in carousels.into_iter().chain([&mut calls_to_action]) {
                    if let Some(widget) = widgets.chrome_of(dom, block, &held, total) {
                        if found.is_none_or(|f| f.weight <= widget.weight) {
                            found = Some(widget);
                        }
                    }
                }
            }
            if found.is_none_or(|f| f.weight < linked_card.weight)
                && !linked_cards.is_empty()
                && block.ancestors.iter().any(|&a| linked_cards[a as usize])
            {
                found = Some(&linked_card);
            }
            if let Some(section) = user_sections.chrome_section_of(index) {
                if found.is_none_or(|f| f.weight <= USER_SECTION_WEIGHT) {
                    found = Some(section);
                }
            }
            if page.kinds.discussion
                && found.is_none_or(|f| f.weight < profile_facts.weight)
                && is_profile_fact(dom, block)
            {
                found = Some(&profile_facts);
            }
            if found.is_none_or(|f| f.weight < figure_caption.weight)
                && !page.kinds.product
                && is_figure_caption(dom, block, page.kinds.article)
            {
                found = Some(&figure_caption);
            }
            if let Some(j) = found {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    j.weight,
                    self.name(),
                    j.cause.clone(),
                ));
            }
        }
    }
}

/// Fewest words beside the heading of a card wrapped in one link for it to be a pitch (a
/// teaser's title with its one-line summary, or a banner's heading over its selling points).
const LINKED_CARD_MIN_WORDS: usize = 5;

/// Largest share, in percent, of the page's text a card wrapped in one link may hold: more
/// is a document that a site wrapped in a link.
const LINKED_CARD_MAX_SHARE: usize = 20;

/// Per node id, whether the element is a link (`<a>`) that wraps a card: a heading and
/// other text under it ([`LINKED_CARD_MIN_WORDS`] or more). In an article a whole box
/// that is one link (a course's banner, a guide's download card, another post's teaser) is
/// a pitch set into the text: the article's own headings and paragraphs are not links.
fn linked_cards(page: &Page<'_>, dom: &Dom, total: usize) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut headings = vec![0u16; n];
    let mut words = vec![0usize; n];
    let mut chars = vec![0usize; n];
    let mut any = false;
    for block in page.blocks {
        let heading = block.kind.is_heading();
        for &a in &block.ancestors {
            if dom.node(a).local_name() != Some(&local_name!("a")) {
                continue;
            }
            any = true;
            chars[a as usize] += block.features.chars;
            if heading {
                headings[a as usize] += 1;
            } else {
                words[a as usize] += block.features.words;
            }
        }
    }
    if !any {
        return Vec::new();
    }
    (0..n)
        .map(|i| {
            headings[i] > 0
                && words[i] >= LINKED_CARD_MIN_WORDS
                && chars[i] * 100 < total * LINKED_CARD_MAX_SHARE
        })
        .collect()
}

/// Whether `node` has the ARIA role `role` (compared without case or surrounding spaces).
fn has_role(node: &crate::dom::Node, role: &str) -> bool {
    node.attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case(role))
}

/// Most words of a term or value of a `<dl>` that is a fact of a poster's profile.
const PROFILE_FACT_WORDS: usize = 6;

/// Whether a block is a short term or value of a description list (`Joined` / `Jun 2016`,
/// `Posts: 138`, `Location`): on a discussion these lists sit beside each post and give
/// the poster's profile, not the post. A linked term (the poster's name) stays.
fn is_profile_fact(dom: &Dom, block: &crate::blocks::Block) -> bool {
    if block.features.words > PROFILE_FACT_WORDS {
        return false;
    }
    // The nearest term or value around the block: a linked value (a poster's town, linked
    // to a search of the members who live there) is a fact as a plain one is.
    let item = block.ancestors.iter().rev().take(3).find_map(|&a| {
        let name = dom.node(a).local_name()?;
        (*name == local_name!("dt") || *name == local_name!("dd")).then_some(name.clone())
    });
    match item {
        Some(name) if name == local_name!("dd") => true,
        Some(_) => block.features.link_density() < 0.5,
        None => false,
    }
}

/// How sure a section of comments or reviews is chrome: readers' text is prose, so names
/// alone (0.45) do not take it out.
const USER_SECTION_WEIGHT: f32 = 0.85;

/// Sections with fewer words are left to the other detectors (`Comments: 12 pages` under
/// each entry of a listing is not a comment section).
const MIN_SECTION_WORDS: usize = 12;

/// Whether `text` opens with the label "Comments:" or "Comment:" (any case): a field
/// named so, whose value follows on the same line.
fn opens_with_comments_label(text: &str) -> bool {
    let text = text.trim_start();
    ["comments:", "comment:"].iter().any(|label| {
        text.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
    })
}

/// Words of prose outside comment sections from which a page may have a document of its
/// own, so that its comment section is chrome even when the comments outweigh it (unless
/// the page is a thread under a short post, see [`is_thread`]).
const DOCUMENT_OUTSIDE_COMMENTS_WORDS: usize = 150;

/// The sections of a page written by its readers, comments and reviews, and whether each
/// is chrome.
///
/// Under an article, reader comments are not the document. On a forum topic or question
/// page (declared by structured data) a section that holds most of the text of the
/// element around it is the thread (the posts, the answers), and stays; one that is a small
/// part of a post is the comments under that post. A page with no structured data and
/// almost no prose outside its comment sections, or a short post under which the comments
/// hold more, is a thread too.
///
/// On a product's page, customer reviews are not its document (the description and
/// specifications are), unless they are nearly all of the page. Many shops declare no
/// product, so this holds on every page not declared an article or a discussion (where
/// readers' reviews can be what the page is about).
struct UserSections {
    /// For each block, the judgement of the outermost section holding it, when that
    /// section is chrome.
    chrome_of_block: Vec<Option<ElementJudgement>>,
    /// Whether the page, declared a discussion or not, is a thread by its structure: its
    /// comment sections are its document (see [`is_thread`]).
    thread: bool,
}

/// Whether a page not declared a discussion is a thread: its prose outside comment
/// sections is at most a short post (a story's summary, a link and a line) and the
/// comments under it hold more words than it, or it has almost no prose of its own.
/// An article is longer than a summary, whatever the size of its comments.
/// A page declared an article is a thread only in the first case.
fn is_thread(outside_prose_words: usize, comment_words: usize, article: bool) -> bool {
    outside_prose_words < DOCUMENT_OUTSIDE_COMMENTS_WORDS
        || (!article
            && outside_prose_words < THREAD_MAX_POST_WORDS
            && comment_words >= THREAD_COMMENT_RATIO * outside_prose_words)
}

/// Most words of prose outside the comment sections of a page that is a thread when its
/// comments outweigh that prose (a story's summary above its comments).
const THREAD_MAX_POST_WORDS: usize = 300;

/// How many times the words outside its comment sections the comments of a thread hold.
const THREAD_COMMENT_RATIO: usize = 2;

/// The comment and review sections of a page, as its markup names them, and the words
/// each holds: what [`UserSections`] judges. The survey does not depend on what the page
/// is declared to be beyond an article, so a page surveys its sections once
/// ([`Page::sections`]) for both readings of its kinds.
#[derive(Default)]
pub(crate) struct SectionSurvey {
    /// For each block, the outermost section holding it.
    section_of_block: Vec<Option<NodeId>>,
    /// Each section's words, kind and name, by its element.
    sections: HashMap<NodeId, SectionStats>,
    /// Words held by the element around each section (indexed by node id).
    parent_words: Vec<Option<usize>>,
    /// Words of all the page's blocks.
    total_words: usize,
    /// Whether the page is a thread by its structure (see [`is_thread`]).
    thread: bool,
}

impl SectionSurvey {
    /// Whether the page is a thread by its structure (see [`is_thread`]).
    pub(crate) fn thread(&self) -> bool {
        self.thread
    }
}

/// Words in one section, its kind and name, and the element that holds it.
struct SectionStats {
    words: usize,
    /// Blocks in the section.
    blocks: usize,
    /// Whether its first block opens with the label "Comments:" (see [`opens_with_comments_label`]).
    labelled: bool,
    kind: UserSection,
    name: String,
    parent: Option<NodeId>,
}

impl SectionSurvey {
    /// Surveys the page's comment and review sections (see [`SectionSurvey`]).
    pub(crate) fn of(page: &Page<'_>, dom: &Dom) -> Self {
        let mut section_of_block: Vec<Option<NodeId>> = Vec::with_capacity(page.blocks.len());
        // Per node id: whether the element was named yet and is a section (cheaper than a
        // map: every block looks up each of its ancestors).
        const UNNAMED: u8 = 0;
        const PLAIN: u8 = 1;
        const SECTION: u8 = 2;
        let mut named = vec![UNNAMED; dom.nodes.len()];
        let mut sections: HashMap<NodeId, SectionStats> = HashMap::default();
        let mut outside_prose_words = 0usize;
        let mut total_words = 0usize;
        for block in page.blocks {
            total_words += block.features.words;
            let mut section = None;
            let mut in_chrome_tag = false;
            for (depth, &a) in block.ancestors.iter().enumerate() {
                if named[a as usize] == UNNAMED {
                    named[a as usize] = match user_section_name(dom, a) {
                        Some((kind, name)) => {
                            sections.insert(
                                a,
                                SectionStats {
                                    words: 0,
                                    blocks: 0,
                                    labelled: false,
                                    kind,
                                    name,
                                    parent: depth.checked_sub(1).map(|d| block.ancestors[d]),
                                },
                            );
                            SECTION
                        }
                        None => PLAIN,
                    };
                }
                if named[a as usize] == SECTION {
                    if let Some(stats) = sections.get_mut(&a) {
                        if stats.blocks == 0 {
                            stats.labelled = opens_with_comments_label(&block.text);
                        }
                        stats.words += block.features.words;
                        stats.blocks += 1;
                    }
                    section = Some(a);
                    break;
                }
                in_chrome_tag |= matches!(
                    dom.node(a).local_name(),
                    Some(
                        &local_name!("nav")
                            | &local_name!("header")
                            | &local_name!("footer")
                            | &local_name!("aside")
                    )
                );
            }
            if section.is_none() && !in_chrome_tag && block.features.words >= 8 {
                outside_prose_words += block.features.words;
            }
            section_of_block.push(section);
        }
        if sections.is_empty() {
            return SectionSurvey::default();
        }
        let comment_words: usize = sections
            .values()
            .filter(|s| s.kind == UserSection::Comments)
            .map(|s| s.words)
            .sum();
        let thread = comment_words >= MIN_SECTION_WORDS
            && (is_thread(outside_prose_words, comment_words, page.kinds.article)
                || sections.iter().any(|(&id, s)| {
                    s.kind == UserSection::Comments
                        && s.words >= MIN_SECTION_WORDS
                        && names_forum_posts(dom, id)
                }));
        // Words held by the element around each section (indexed by node id).
        let mut parent_words: Vec<Option<usize>> = vec![None; dom.nodes.len()];
        for parent in sections.values().filter_map(|s| s.parent) {
            parent_words[parent as usize] = Some(0);
        }
        for block in page.blocks {
            for &a in &block.ancestors {
                if let Some(words) = &mut parent_words[a as usize] {
                    *words += block.features.words;
                }
            }
        }
        SectionSurvey {
            section_of_block,
            sections,
            parent_words,
            total_words,
            thread,
        }
    }
}

impl UserSections {
    /// Judges the surveyed sections for a page of `page.kinds` (see [`Page::sections`]).
    fn find(page: &Page<'_>, dom: &Dom) -> Self {
        let survey = page.sections(dom);
        if survey.sections.is_empty() {
            return UserSections {
                chrome_of_block: Vec::new(),
                thread: false,
            };
        }
        let SectionSurvey {
            section_of_block,
            sections,
            parent_words,
            total_words,
            thread,
        } = survey;
        let (total_words, thread) = (*total_words, *thread);
        let substantial_comments = sections
            .values()
            .filter(|s| s.kind == UserSection::Comments && s.words >= MIN_SECTION_WORDS)
            .count();
        let is_chrome = |s: &SectionStats| {
            // A single line "Comments: 12 pages, 3 figures" is a field of an entry (an
            // author's remark on a paper), not readers' comments.
            if s.words < MIN_SECTION_WORDS || (s.blocks == 1 && s.labelled) {
                return false;
            }
            match s.kind {
                UserSection::Reviews => {
                    (page.kinds.product || !(page.kinds.article || page.kinds.discussion))
                        && s.words * 10 < total_words * 6
                }
                UserSection::Comments if page.kinds.discussion => {
                    // Comments under posts come one section per post, each a small part of
                    // its post; the thread is one section, most of what holds it.
                    let around = s.parent.and_then(|p| parent_words[p as usize]);
                    substantial_comments > 1 || around.is_some_and(|around| s.words * 2 < around)
                }
                UserSection::Comments => !thread,
            }
        };
        let mut judged: HashMap<NodeId, Option<ElementJudgement>> = HashMap::default();
        let chrome_of_block = section_of_block
            .iter()
            .map(|section| {
                let section = (*section)?;
                judged
                    .entry(section)
                    .or_insert_with(|| {
                        let stats = &sections[&section];
                        let what = match stats.kind {
                            UserSection::Comments => "comment section",
                            UserSection::Reviews => "customer reviews",
                        };
                        is_chrome(stats).then(|| ElementJudgement {
                            weight: USER_SECTION_WEIGHT,
                            cause: format!("inside the {what} \"{}\"", stats.name),
                        })
                    })
                    .clone()
            })
            .collect();
        UserSections {
            chrome_of_block,
            thread,
        }
    }

    fn chrome_section_of(&self, block: usize) -> Option<&ElementJudgement> {
        self.chrome_of_block.get(block)?.as_ref()
    }
}

/// Words of a comment section's name that say its entries are a forum's posts (forum
/// software names the list of a topic's replies `comments` too: `DiscussionBoard`,
/// `cTopic`, `forum-posts`).
const FORUM_POSTS_NAMES: &[&str] = &["topic", "forum", "board"];

/// Whether the element `id`, a comment section, is also named as a forum topic's posts
/// (see [`FORUM_POSTS_NAMES`]): the page is then a thread even when it declares itself an
/// article, and the comments are its document.
fn names_forum_posts(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    ["id", "class"].iter().any(|&attr| {
        node.attr(attr).is_some_and(|value| {
            name_tokens(value).any(|token| {
                name_parts(&lowercased_words(token)).any(|p| FORUM_POSTS_NAMES.contains(&p))
            })
        })
    })
}

/// Whether a page not declared a discussion reads as one by its structure: comment
/// sections under at most a short post (see [`is_thread`]). Its posts are then judged as a
/// discussion's are (vote counts, posters' profiles, labels repeated on every post).
pub fn reads_as_thread(page: &Page<'_>, dom: &Dom) -> bool {
    !page.kinds.discussion && (page.sections(dom).thread || marks_posts(dom))
}

/// Fewest elements that name their author in `data-author` for a page to read as a thread.
const MIN_AUTHORED_POSTS: usize = 2;

/// Fewest elements named a poster's rank for a page to read as a thread.
const MIN_POSTER_RANKS: usize = 2;

/// Whether the markup marks a forum's posts, whatever the page declares (one pass over the
/// elements' attributes):
/// - at least [`MIN_POSTER_RANKS`] elements are named a poster's title or rank (see
///   [`names_poster_rank`]): forum software prints one beside each post (XenForo's
///   `userTitle`, phpBB's `profile-rank`);
/// - or at least [`MIN_AUTHORED_POSTS`] elements name their author in a non-empty
///   `data-author` attribute: forum software marks each post so for its quote button
///   (XenForo's `article.message`, `li.message`; old Reddit's comments).
fn marks_posts(dom: &Dom) -> bool {
    let (mut ranks, mut authors) = (0, 0);
    dom.nodes.iter().any(|node| {
        let NodeData::Element { attrs, .. } = &node.data else {
            return false;
        };
        for attr in attrs {
            if attr.name.ns != ns!() {
                continue;
            }
            match &*attr.name.local {
                "class" => {
                    ranks +=
                        usize::from(attr.value.split_ascii_whitespace().any(names_poster_rank));
                }
                "data-author" => authors += usize::from(!attr.value.trim().is_empty()),
                _ => {}
            }
        }
        ranks >= MIN_POSTER_RANKS || authors >= MIN_AUTHORED_POSTS
    })
}

/// Widgets that are chrome on an article page whatever their prose, found by the names of
/// their elements: carousels (`swiper`, `splide`, `carousel`, `slick`…) hold teasers of
/// other articles; calls to action (`call-to-action`, `calltoaction`) pitch the site's
/// product or ask the reader to act. Judgements are cached per element.
struct ArticleWidgets {
    /// Per node id: 0 before the element is judged, 1 when it is no such widget, 2 when it
    /// is one (its judgement is then in `found`).
    state: Vec<u8>,
    found: HashMap<NodeId, ElementJudgement>,
    /// The widget's name on an element, if it is one.
    name_of: fn(&Dom, NodeId) -> Option<String>,
    /// What the widget is, for the reason ("carousel").
    what: &'static str,
}

impl ArticleWidgets {
    fn new(nodes: usize, name_of: fn(&Dom, NodeId) -> Option<String>, what: &'static str) -> Self {
        ArticleWidgets {
            state: vec![0; nodes],
            found: HashMap::default(),
            name_of,
            what,
        }
    }

    fn chrome_of(
        &mut self,
        dom: &Dom,
        block: &crate::blocks::Block,
        held: &[usize],
        total: usize,
    ) -> Option<&ElementJudgement> {
        let outer = *block.ancestors.iter().find(|&&a| {
            if self.state[a as usize] == 0 {
                // A widget that holds most of the page is its layout.
                let wrapper = held.get(a as usize).copied().unwrap_or(0) * 10 > total * 6;
                let name = if wrapper {
                    None
                } else {
                    (self.name_of)(dom, a)
                };
                self.state[a as usize] = match name {
                    Some(name) => {
                        self.found.insert(
                            a,
                            ElementJudgement {
                                weight: USER_SECTION_WEIGHT,
                                cause: format!(
                                    "inside the {} \"{name}\" of an article page",
                                    self.what
                                ),
                            },
                        );
                        2
                    }
                    None => 1,
                };
            }
            self.state[a as usize] == 2
        })?;
        self.found.get(&outer)
    }
}

/// Fewest words of prose (blocks of [`UNDECLARED_PROSE_BLOCK_WORDS`] or more, few links)
/// for a page that declares no kind to read as an article.
const UNDECLARED_ARTICLE_PROSE_WORDS: usize = 400;

/// Fewest words of a block counted as prose by [`undeclared_article`].
const UNDECLARED_PROSE_BLOCK_WORDS: usize = 15;

/// Whether a page that declares no kind reads as an article: it names an author and a
/// date, has a top-level heading, and runs to a few hundred words of prose.
fn undeclared_article(page: &Page<'_>) -> bool {
    let k = &page.kinds;
    if k.article || k.product || k.discussion || k.collection || k.products > 0 || !k.dated {
        return false;
    }
    if page.author.is_none()
        || !page
            .blocks
            .iter()
            .any(|b| matches!(b.kind, crate::blocks::BlockKind::Heading { level: 1 }))
    {
        return false;
    }
    let prose: usize = page
        .blocks
        .iter()
        .filter(|b| {
            b.features.words >= UNDECLARED_PROSE_BLOCK_WORDS && b.features.link_density() < 0.3
        })
        .map(|b| b.features.words)
        .sum();
    prose >= UNDECLARED_ARTICLE_PROSE_WORDS
}

/// Spellings of "call to action" in class and id names (`wprm-call-to-action`,
/// `calltoactionbox_component`, `call_to_action`). Its abbreviation `cta` names one too as a
/// whole part of a name (`footer-CTA__left`, `post-cta-wrapper`, `blog_cta-holder`), not
/// inside a word (`factual`).
const CALL_TO_ACTION_NAMES: &[&str] = &["call-to-action", "calltoaction", "call_to_action"];

/// The class or id of `id` that names a call to action (see [`CALL_TO_ACTION_NAMES`]).
fn call_to_action_name(dom: &Dom, id: NodeId) -> Option<String> {
    let node = dom.node(id);
    ["class", "id"].iter().find_map(|attr| {
        name_tokens(node.attr(attr)?).find_map(|token| {
            let token = lowercased(token);
            (CALL_TO_ACTION_NAMES.iter().any(|n| token.contains(n))
                || name_parts(&token).any(|p| p == "cta"))
            .then(|| token.into_owned())
        })
    })
}

fn carousel_name(dom: &Dom, id: NodeId) -> Option<String> {
    let node = dom.node(id);
    if matches!(
        node.local_name()?,
        &local_name!("body")
            | &local_name!("html")
            | &local_name!("main")
            | &local_name!("article")
    ) {
        return None;
    }
    name_tokens(node.attr("class")?).find_map(|token| {
        let token = lowercased(token);
        name_parts(&token)
            .any(|p| {
                matches!(
                    p,
                    "swiper" | "splide" | "carousel" | "slick" | "slider" | "glide" | "flickity"
                )
            })
            .then(|| token.into_owned())
    })
}

/// Sections of a page written by its readers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum UserSection {
    /// Comments under an article, or the posts of a thread.
    Comments,
    /// Customer reviews of a product.
    Reviews,
}

/// What the element at `id` is named as a section of readers' text, and the class or id
/// that says so: comments (`comments`, `comment-list`, `comments-area`, `respond`,
/// `disqus_thread`) or reviews (`reviews`, `review-list`, `product-reviews`). Links,
/// buttons and icons (`comments-link`, `fa-comments`), state names (`no-comments`,
/// `has-comments`) and review stars and summaries are not sections.
fn user_section_name(dom: &Dom, id: NodeId) -> Option<(UserSection, String)> {
    let node = dom.node(id);
    let tag = node.local_name()?;
    if !matches!(
        *tag,
        local_name!("div")
            | local_name!("section")
            | local_name!("ol")
            | local_name!("ul")
            | local_name!("aside")
            | local_name!("footer")
    ) {
        return None;
    }
    ["id", "class"].iter().find_map(|&attr| {
        name_tokens(node.attr(attr)?).find_map(|token| {
            // Long ids are anchors made from headings (`respond-to-review-comments`).
            if attr == "id" && token.bytes().filter(|&b| b == b'-' || b == b'_').count() >= 3 {
                return None;
            }
            let plain = lowercased(token);
            if let Some(kind) = section_named(&plain) {
                return Some((kind, plain.into_owned()));
            }
            // Names in camelCase (`customerReviews`, `reviewsMedley`) name review sections
            // as their dashed forms do. Comment sections are not read so: on threads,
            // camelCase `comment…` names are mostly parts of each post.
            if !holds(token, "eview") {
                return None;
            }
            let words = lowercased_words(token);
            (section_named(&words) == Some(UserSection::Reviews))
                .then(|| (UserSection::Reviews, token.to_string()))
        })
    })
}

/// Parts of a name that make it no readers' section: links, buttons, counters, states,
/// forms, titles, review stars and summaries, and the publisher's quotes of the press
/// (`editorial-reviews`).
const NOT_A_SECTION: &[&str] = &[
    "no",
    "has",
    "not",
    "icon",
    "fa",
    "count",
    "counter",
    "link",
    "enabled",
    "disabled",
    "showing",
    "open",
    "closed",
    "number",
    "num",
    "css",
    "button",
    "btn",
    "toggle",
    "testimonial",
    "testimonials",
    "form",
    "register",
    "social",
    "login",
    "signup",
    "title",
    "heading",
    "rss",
    "write",
    "summary",
    "star",
    "stars",
    "rating",
    "editorial",
];

/// Nouns that, after `comment` or `review`, name a section (`review-list`).
const SECTION_NOUNS: &[&str] = &[
    "list",
    "section",
    "area",
    "wrap",
    "wrapper",
    "thread",
    "container",
    "block",
    "tab",
    "pane",
    "panel",
    "feature",
    "accordion",
    "preview",
];

/// The kind of readers' section a lowercase name token (`comments-area`, `review-list`)
/// names, if any.
fn section_named(token: &str) -> Option<UserSection> {
    if matches!(token, "respond" | "disqus_thread") {
        return Some(UserSection::Comments);
    }
    // Taxonomy classes of a post (`category-camera-reviews`) name its subject.
    if ["category-", "tag-", "tags-", "post_tag-"]
        .iter()
        .any(|p| token.starts_with(p))
    {
        return None;
    }
    // Most names are about neither: skip them before splitting.
    if !(holds(token, "comment") || holds(token, "review")) {
        return None;
    }
    let parts = name_parts(token);
    if parts.clone().any(|p| NOT_A_SECTION.contains(&p)) {
        return None;
    }
    // The noun may be written on to the singular (`commentlist`, `commentarea`).
    let names = |plural: &str, singular: &str| {
        parts.clone().any(|p| {
            p == plural
                || p.strip_prefix(singular)
                    .is_some_and(|noun| SECTION_NOUNS.contains(&noun))
        }) || parts
            .clone()
            .zip(parts.clone().skip(1))
            .any(|(a, b)| a == singular && SECTION_NOUNS.contains(&b))
    };
    if names("comments", "comment") {
        Some(UserSection::Comments)
    } else if names("reviews", "review") {
        Some(UserSection::Reviews)
    } else {
        None
    }
}

/// Whether `block` is the caption of a figure (`<figcaption>`, or WordPress's classic
/// caption, `<p class="wp-caption-text" id="caption-attachment-…">`) that the text does not
/// refer to by number: a credit ("Photo: …") or a line under a picture is about the
/// picture, not part of the document. Numbered captions ("Figure 3. …", "Listing 9-1: …",
/// "图2") are cited by the text and stay.
fn is_figure_caption(dom: &Dom, block: &crate::blocks::Block, article: bool) -> bool {
    let named_caption =
        (article || block.features.links == 0) && block.features.words <= MAX_NAMED_CAPTION_WORDS;
    let is_caption_element = |a: &NodeId| {
        let node = dom.node(*a);
        let class = node.attr("class");
        node.local_name() == Some(&local_name!("figcaption"))
            || class.is_some_and(|c| name_tokens(c).any(|t| t == "wp-caption-text"))
            || node
                .attr("id")
                .is_some_and(|id| id.starts_with("caption-attachment-"))
            || named_caption
                && class.is_some_and(|c| {
                    caption_word_matcher().is_match(c) && name_tokens(c).any(names_picture_caption)
                })
    };
    (block.ancestors.iter().rev().take(4).any(is_caption_element)
        || (block.features.words <= MAX_NAMED_CAPTION_WORDS
            && ends_with_picture_credit(&block.text))
        || is_picture_link_caption(dom, block))
        && !starts_with_numbered_label(&block.text)
}

/// Whether a block is the caption of a gallery's picture: its text is all inside a link to
/// the picture's file (`<a class="lightbox" href="…/pack-red-1536.webp"><img><p>Red</p></a>`,
/// a lightbox gallery's tile), the label under a picture that opens larger, not a line of
/// the document (a link to a picture inside a sentence is part of the sentence).
fn is_picture_link_caption(dom: &Dom, block: &crate::blocks::Block) -> bool {
    block.features.link_chars >= block.features.chars
        && block.features.words <= MAX_NAMED_CAPTION_WORDS
        && block
            .ancestors
            .iter()
            .rev()
            .take(PICTURE_LINK_LEVELS)
            .any(|&a| {
                let node = dom.node(a);
                node.local_name() == Some(&local_name!("a"))
                    && node.attr("href").is_some_and(links_to_picture)
            })
}

/// Levels above a caption's block at which the link to its picture may hold it.
const PICTURE_LINK_LEVELS: usize = 5;

/// Whether a link's target is a picture file (its path ends in a picture's extension, before
/// any query or fragment).
fn links_to_picture(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let Some((_, extension)) = path.rsplit_once('.') else {
        return false;
    };
    ["jpg", "jpeg", "png", "webp", "gif", "avif"]
        .iter()
        .any(|e| extension.eq_ignore_ascii_case(e))
}

/// Longest block (in words) that a caption named by its class (not `<figcaption>`) may be.
const MAX_NAMED_CAPTION_WORDS: usize = 50;

/// Whether a class token names a picture's caption or credit: `caption` or `credit(s)`
/// next to a word for a picture or for the post it illustrates (`photo-caption`,
/// `article-caption`, `imgCaption`, `photo-credit`, `image_credits`, `background-credits`),
/// the line under a picture outside `<figcaption>`. `caption` alone is also a type size
/// (`caption-s`, `wt-text-caption`) and a product card's label (`product-caption`), and
/// `credit` alone a credit card's box, so neither names a caption on its own.
fn names_picture_caption(token: &str) -> bool {
    const PICTURE: &[&str] = &[
        "photo",
        "image",
        "img",
        "picture",
        "pic",
        "media",
        "figure",
        "thumbnail",
        "background",
        "article",
        "post",
        "entry",
    ];
    const CAPTION: &[&str] = &["caption", "captions", "credit", "credits"];
    let token = lowercased_words(token);
    let mut previous = "";
    for part in name_parts(&token) {
        if (CAPTION.contains(&part) && PICTURE.contains(&previous))
            || (PICTURE.contains(&part) && CAPTION.contains(&previous))
        {
            return true;
        }
        if matches!(
            part,
            "imgcaption"
                | "photocaption"
                | "imagecaption"
                | "photocredit"
                | "photocredits"
                | "imagecredit"
                | "imagecredits"
        ) {
            return true;
        }
        previous = part;
    }
    false
}

/// Whether `text` ends with a picture's credit: a marker ("Photo:", "Photo by", "Credit:",
/// "Picture credit:", "Foto:") followed by at most [`MAX_CREDIT_NAME_WORDS`] words that
/// start with a capital (a photographer, an agency), or an agency's name ("… /Getty
/// Images"), or is an agency's credit naming the agency first ("Getty Images / Jane Doe",
/// [`opens_credit`]). A caption under a picture, outside any caption element, ends so; prose
/// does not.
fn ends_with_picture_credit(text: &str) -> bool {
    // A credit's marker or agency sits in the last words; most blocks have none there.
    let tail_names_a_picture = credit_stem_matcher().is_match(last_words(text, CREDIT_TAIL_WORDS));
    if !tail_names_a_picture {
        return false;
    }
    const MARKERS: &[&str] = &[
        "photo:",
        "photos:",
        "photo by",
        "photograph:",
        "picture:",
        "picture credit:",
        "image:",
        "image by",
        "image credit:",
        "photo credit:",
        "credit:",
        "credits:",
        "foto:",
        "bild:",
    ];
    const AGENCIES: &[&str] = &[
        "getty images",
        "getty",
        "shutterstock",
        "unsplash",
        "istock",
    ];
    let lower = text
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // The agency after a photographer's name or a "via": "Jane Doe/Getty Images",
    // "Jane Doe via Getty Images", "Image used under license from Shutterstock".
    let credits_agency = |a: &&str| {
        lower.strip_suffix(*a).is_some_and(|before| {
            let before = before.trim_end();
            before.ends_with(['/', '|', ':', '©'])
                || before.ends_with(" via")
                || before.ends_with(" from")
        })
    };
    if AGENCIES.iter().any(credits_agency) || AGENCIES.iter().any(|a| opens_credit(&lower, a)) {
        return true;
    }
    let Some((at, marker)) = MARKERS
        .iter()
        .filter_map(|m| lower.rfind(m).map(|at| (at, m.len())))
        .max()
    else {
        return false;
    };
    // The name is read in `lower`, its capital in the same tail of `text` (lowercasing
    // that changed a length makes the tail unreadable, and the block no credit).
    let rest = &lower[at + marker..];
    let tail = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    let original = tail
        .get(tail.len().saturating_sub(rest.len())..)
        .unwrap_or("");
    let words = rest.split_whitespace().count();
    (1..=MAX_CREDIT_NAME_WORDS).contains(&words)
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "'’-/&,()".contains(c))
        && original
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
}

/// Whether `lower` (a lowercased block) is an agency's credit that names the agency first:
/// `agency` then a separator and a photographer's short name ("Getty Images / Jane Doe",
/// "Shutterstock | John Roe"), the whole block no longer than a credit.
fn opens_credit(lower: &str, agency: &str) -> bool {
    lower.strip_prefix(agency).is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.starts_with(['/', '|'])
            && (1..=MAX_CREDIT_NAME_WORDS).contains(&rest[1..].split_whitespace().count())
    })
}

/// Most words in the name a picture's credit ends with ([`ends_with_picture_credit`]).
const MAX_CREDIT_NAME_WORDS: usize = 6;

/// Last words of a block searched for a credit's marker or agency: the name's words, the
/// marker's two and one to spare.
const CREDIT_TAIL_WORDS: usize = MAX_CREDIT_NAME_WORDS + 3;

/// Words that start every credit marker and agency name of [`ends_with_picture_credit`],
/// searched whatever their case.
fn credit_stem_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "photo",
                "picture",
                "image",
                "credit",
                "foto",
                "bild",
                "getty",
                "shutterstock",
                "unsplash",
                "istock",
            ])
            .expect("stems are plain strings")
    })
}

/// The last `n` words of `text` (split at ASCII whitespace), or all of it.
fn last_words(text: &str, n: usize) -> &str {
    let bytes = text.as_bytes();
    let (mut words, mut in_word) = (0, false);
    for i in (0..bytes.len()).rev() {
        if !bytes[i].is_ascii_whitespace() {
            in_word = true;
        } else if in_word {
            in_word = false;
            words += 1;
            if words == n {
                // An ASCII byte is a character boundary.
                return &text[i + 1..];
            }
        }
    }
    text
}

/// The words without which no class names a picture's caption ([`names_picture_caption`]),
/// searched whatever their case: most classes hold neither.
fn caption_word_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["caption", "credit"])
            .expect("words are plain strings")
    })
}

/// Whether `text` starts with a word and a number ("Figure 1", "Fig. 2", "Listing 9-3",
/// "Abbildung 4", "图2").
fn starts_with_numbered_label(text: &str) -> bool {
    let text = text.trim_start();
    let word_end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    let word = &text[..word_end];
    if word.is_empty() || word.chars().count() > 12 {
        return false;
    }
    text[word_end..]
        .trim_start_matches(['.', ' ', '\u{a0}'])
        .starts_with(|c: char| c.is_ascii_digit())
}

/// How sure an author box or legal small print is chrome: their prose would otherwise
/// stand on its own.
const BESIDE_THE_DOCUMENT_WEIGHT: f32 = 0.85;

/// Whether a class or id names a box about the author (`author-bio`, `about-the-author`,
/// `authorDescription` of CSS modules, `author_card`, `contributor-bio`, a theme's
/// `author-section` or `author-promo` with the author's photo and bio): the words must be
/// next to each other, so `research-card_authors` (the author list of a card) is not one.
/// The boxes of the common author-box plugins of WordPress (Simple Author Box's
/// `saboxplugin-wrap`, Starbox's `abh_box`) are named after the plugin.
fn names_author_box(token: &str) -> bool {
    const NAMES: &[&str] = &[
        "authorbio",
        "authorbox",
        "authordesc",
        "authorcard",
        "authorprofile",
        "authordetails",
        "authorpromo",
        "authorsection",
        "aboutauthor",
        "abouttheauthor",
        "contributorbio",
        "contributorshortbio",
    ];
    const PLUGIN_BOXES: &[&str] = &["saboxplugin-wrap", "abh_box"];
    if PLUGIN_BOXES.contains(&token) {
        return true;
    }
    if !holds(token, "author") && !holds(token, "contributor") {
        return false;
    }
    let joined: String = token.chars().filter(|c| !matches!(c, '-' | '_')).collect();
    NAMES.iter().any(|n| joined.contains(n))
}

/// Whether a class or id names a box offering the article for republication
/// (`republication_tracker_tool`, `republish-content-container`, `republish-modal`).
fn names_republication_box(token: &str) -> bool {
    holds(token, "republish") || holds(token, "republication")
}

/// Whether a class or id names a consent notice or preference centre: `cookie-consent`,
/// `onetrust-consent-sdk`, `gdpr-banner`, `cookie-notice`, `cmp-consent-sdk`. A section
/// about cookies in a document (`#cookies`) is not one, nor a recipe site's
/// `cookie-recipes` grid: "cookie" needs a word of a notice beside it.
fn names_consent_notice(token: &str) -> bool {
    if holds(token, "consent") || holds(token, "gdpr") {
        return true;
    }
    let parts = name_parts(token);
    let says = |words: &[&str]| parts.clone().any(|p| words.contains(&p));
    says(&["onetrust", "optanon"])
        || (says(&["cookie", "cookies"])
            && says(&[
                "banner",
                "notice",
                "bar",
                "popup",
                "modal",
                "law",
                "policy",
                "settings",
                "preferences",
                "dialog",
                "overlay",
            ]))
}

/// Whether a class or id names legal small print: `disclaimer`, `legal-disclaimers`,
/// `disclaimer-affiliate`, `footer-legal`, `sms-legal-message` (not a `disclaimer-toggle`
/// button, nor WordPress's `has-legal-font-size` text-size preset). "Disclosure" is not one:
/// themes name their collapsible panels so.
fn names_small_print(token: &str) -> bool {
    let parts = name_parts(token);
    parts
        .clone()
        .any(|p| matches!(p, "disclaimer" | "disclaimers" | "legal"))
        && !parts.clone().any(|p| {
            matches!(
                p,
                "menu" | "toggle" | "button" | "btn" | "trigger" | "font" | "size"
            )
        })
}

/// Class names by which CSS frameworks and sites leave an element out of the printed page
/// (Bootstrap 4/5's `d-print-none`, Bootstrap 3's `hidden-print`, Foundation's
/// `hide-for-print`, and the common `no-print`): the site itself says the element is no
/// part of the document (a menu, a share bar, a video player, a promo). Not MediaWiki's
/// `noprint`: wikis give it to the notices at the head of an article (a stub, a template
/// message), which are read with the article.
const PRINT_EXCLUSIONS: &[&str] = &[
    "d-print-none",
    "hidden-print",
    "hide-for-print",
    "no-print",
    "do-not-print",
    "donotprint",
];

/// Whether a lower-cased class leaves its element out of the printed page (see
/// [`PRINT_EXCLUSIONS`]).
fn excludes_from_print(token: &str) -> bool {
    PRINT_EXCLUSIONS.contains(&token) || token.ends_with(TAILWIND_PRINT_HIDDEN)
}

/// Tailwind's print variant of `hidden` (`print:hidden`, or with a prefix of the theme's,
/// `hx:print:hidden`): the element is left out of print, as with [`PRINT_EXCLUSIONS`].
const TAILWIND_PRINT_HIDDEN: &str = "print:hidden";

/// Class names that the embed codes of social networks give the quote they write into a
/// page (`<blockquote class="twitter-tweet">`, Instagram's `instagram-media`, TikTok's
/// `tiktok-embed`, Bluesky's `bluesky-embed`, Threads' `text-post-media`, Mastodon's
/// `mastodon-embed`, Reddit's `reddit-embed-bq`): a post of another page, shown beside the
/// document as a picture is.
const SOCIAL_EMBEDS: &[&str] = &[
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "bluesky-embed",
    "text-post-media",
    "mastodon-embed",
    "reddit-embed-bq",
];

/// Whether a class names a post embedded from a social network (see [`SOCIAL_EMBEDS`]).
fn names_social_embed(token: &str) -> bool {
    SOCIAL_EMBEDS.contains(&token)
}

/// Whether the element at `id` is hidden from readers by its attributes.
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    hidden_by_attributes(hidden_attribute(node), node.attr("style"))
}

/// Whether the element carries a `hidden` attribute that hides it from readers. React's
/// streaming renderer sends the document's late parts in `<div hidden id="S:…">` and a
/// script moves them into place at once: those are not hidden.
fn hidden_attribute(node: &crate::dom::Node) -> bool {
    node.attr("hidden").is_some() && !node.attr("id").is_some_and(|id| id.starts_with("S:"))
}

/// Attributes of Vue's conditional rendering, left in a page served as an in-DOM template
/// (Vue renders the branch whose condition holds and removes these attributes; a page
/// rendered on the server carries none).
const TEMPLATE_BRANCH_ATTRIBUTES: &[&str] = &["v-if", "v-else-if", "v-else"];

/// How sure a conditional branch of a template is chrome: a form's success and error
/// messages, a cart's states, a menu's panels; shown, if ever, on a condition the raw page
/// does not meet.
const TEMPLATE_BRANCH_WEIGHT: f32 = 0.85;

/// Whether the element is a conditional branch of a script's template (see
/// [`TEMPLATE_BRANCH_ATTRIBUTES`]).
fn is_template_branch(node: &crate::dom::Node) -> bool {
    TEMPLATE_BRANCH_ATTRIBUTES
        .iter()
        .any(|a| node.attr(a).is_some())
}

/// Whether the element is a panel of tabs or of an accordion (WAI-ARIA: `role="tabpanel"`,
/// or a region labelled by the tab or button that opens it): hidden until a reader opens it,
/// but the document's own text, as the visible panel is. Dialogs and menus labelled by
/// their buttons are not panels.
fn is_collapsed_panel(node: &crate::dom::Node) -> bool {
    let role = node.attr("role").map(str::trim).unwrap_or("");
    role.eq_ignore_ascii_case("tabpanel")
        || node.attr("aria-labelledby").is_some()
            && (role.is_empty() || role.eq_ignore_ascii_case("region"))
        || node
            .attr("class")
            .is_some_and(|c| name_tokens(c).any(names_panel))
}

/// Whether the element comes right after a `<button>` (a disclosure: the question of an
/// accordion and its answer, hidden until the button opens it).
fn follows_its_toggle(dom: &Dom, node: &crate::dom::Node) -> bool {
    let previous = std::iter::successors(node.prev_sibling, |&n| dom.node(n).prev_sibling)
        .map(|n| dom.node(n))
        .find(|n| n.local_name().is_some());
    previous.is_some_and(|n| {
        n.local_name().is_some_and(|t| *t == local_name!("button"))
            || n.attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("button"))
    })
}

/// Whether a class hides its element from readers (`hidden`, `d-none`, `sr-only`…).
fn is_hiding_class(token: &str) -> bool {
    matches!(
        token,
        "hidden" | "sr-only" | "visually-hidden" | "screen-reader-text" | "d-none" | "invisible"
    ) || token == SCREEN_READER_BLIND
        || is_prefixed_hiding_class(token)
        || names_unseen_field(token)
}

/// Whether a class names a form field no reader sees: one whose visibility is set to
/// hidden (`visibility-hidden`, Gravity Forms' `gfield_visibility_hidden`), or a honeypot,
/// the field form plugins hide from people to catch the bots that fill it in
/// (`gfield--type-honeypot`, `honeypot-field`; WPForms' `wpforms-field-hp`, Ninja Forms'
/// `nf-form-hp`). Its label and its note ("This field is
/// for validation purposes…") are no part of the page a reader sees.
fn names_unseen_field(token: &str) -> bool {
    let mut previous = "";
    name_parts(token).any(|p| {
        let unseen = p == "honeypot"
            || (previous == "visibility" && p == "hidden")
            || (matches!(previous, "field" | "form") && p == "hp");
        previous = p;
        unseen
    })
}

/// The screen-reader-only class of Korean sites (Naver's convention, followed by Kakao,
/// Samsung and most Korean-built pages, in any language): `blind` moves its text off
/// screen, as `sr-only` does (a video's description read out in place of the video, a
/// button's label). Sighted readers never see it, and it is no part of the document.
const SCREEN_READER_BLIND: &str = "blind";

/// Whether a lower-cased class is a framework's hiding utility: a prefix of at most four
/// letters glued to `hide` or `hidden` (`ipsHide`, `jsHidden`, `uHidden`).
fn is_prefixed_hiding_class(token: &str) -> bool {
    let stem = token
        .strip_suffix("hidden")
        .or_else(|| token.strip_suffix("hide"));
    stem.is_some_and(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether a class names the panel of tabs or of an accordion: `tab-pane`, `tab__content`,
/// `accordion-body`, `faq-answer` (not the `tabs` bar or an `accordion-toggle`).
fn names_panel(token: &str) -> bool {
    let token = lowercased(token);
    let parts = name_parts(&token);
    let opener = parts
        .clone()
        .any(|p| matches!(p, "tab" | "tabs" | "accordion" | "collapsible" | "faq"));
    opener
        && parts.clone().any(|p| {
            matches!(
                p,
                "pane" | "panel" | "content" | "body" | "answer" | "collapse"
            )
        })
}

/// [`is_hidden`] from the element's `hidden` attribute (present or not) and `style`.
fn hidden_by_attributes(hidden: bool, style: Option<&str>) -> bool {
    hidden
        || style.is_some_and(|s| {
            crate::dom::style_declares(s, b"display", b"none")
                || crate::dom::style_declares(s, b"visibility", b"hidden")
        })
}

/// One automaton for all chrome fragments: names are checked in one pass.
fn chrome_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(CHROME_FRAGMENTS).expect("fragments are plain strings")
    })
}

/// Words that hold a chrome fragment by accident (`blogindex` holds "login", `trails`
/// holds "rail", `selectable` holds "cta"): a fragment inside one of them says nothing when
/// the word begins a part of the name (`rightrail` is still a rail).
const FALSE_FRIENDS: &[&str] = &[
    "blogin",
    "trail",
    "selecta",
    "interacta",
    "rectangle",
    "nectar",
];

/// Whole class names of layout wrappers that hold a chrome panel and the document side by
/// side: Shopify's storefront themes wrap the vertical filter panel and the product grid of
/// a collection in one `facets-vertical` box (the panel itself is named `facets-wrapper`).
const LAYOUT_WRAPPERS: &[&str] = &["facets-vertical"];

/// Whether a class/id token holds a chrome fragment outside the words that hold one by
/// accident.
fn names_chrome_fragment(token: &str) -> bool {
    if LAYOUT_WRAPPERS.contains(&token) {
        return false;
    }
    let begins_part = |at: usize| at == 0 || matches!(token.as_bytes()[at - 1], b'-' | b'_');
    chrome_matcher().find_iter(token).any(|m| {
        !FALSE_FRIENDS.iter().any(|word| {
            token
                .match_indices(word)
                .any(|(at, _)| begins_part(at) && at <= m.start() && m.end() <= at + word.len())
        })
    })
}

/// One automaton for all content fragments.
fn content_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(CONTENT_FRAGMENTS).expect("fragments are plain strings")
    })
}

/// How sure a consent notice's text is chrome: as sure as a dialog's.
const CONSENT_NOTICE_WEIGHT: f32 = 0.9;

/// Whether a class names a taxonomy term the element is filed under (`tag-economy`,
/// `category-news`, `product_tag-cups`, `product_cat-mugs`): CMSs put these on posts and
/// product cards (next to `hentry`, `type-post`, `status-publish`), and the word "tag" in
/// them says nothing about chrome.
fn is_taxonomy_label(token: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "tag-",
        "tags-",
        "category-",
        "product_tag-",
        "product_cat-",
        "post_tag-",
    ];
    PREFIXES
        .iter()
        .any(|p| token.len() > p.len() && token.starts_with(p))
}

/// Classes that hide an element only until its entrance animation plays, when it scrolls
/// into view: Elementor's `elementor-invisible`, which its script removes. The element is
/// seen.
const ANIMATION_WAIT_CLASSES: &[&str] = &["elementor-invisible"];

/// Last words of class names that say what an element may do or has (a product card's
/// `subscription-eligible`, `sharing-enabled`): a state of the element, not what it is.
const STATE_SUFFIXES: &[&str] = &["eligible", "enabled"];

/// Whether a class/id token names a state of its element (see [`STATE_SUFFIXES`]): the
/// chrome word in it qualifies the element, it does not name a widget.
fn names_a_state(token: &str) -> bool {
    name_parts(token).count() >= 2
        && name_parts(token)
            .last()
            .is_some_and(|p| STATE_SUFFIXES.contains(&p))
}

/// Name parts of a listing's own kind, as store and blog software names the header (title
/// and description) it prints over a category, collection or archive (`category-header`,
/// `collection-header`, WordPress themes' `archive-header`).
const LISTING_KIND_PARTS: &[&str] = &["category", "collection", "archive", "taxonomy"];

/// Whether a class/id token names the header of a listing (see [`LISTING_KIND_PARTS`], or
/// a list of products: PrestaShop's `js-product-list-header`): the page's title and its
/// text about what it lists, not the site's header.
fn names_listing_header(token: &str) -> bool {
    let of_products = || {
        name_parts(token).any(|p| p == "product" || p == "products")
            && name_parts(token).any(|p| p == "list" || p == "listing")
    };
    holds(token, "header")
        && name_parts(token).any(|p| p == "header")
        && (name_parts(token).any(|p| LISTING_KIND_PARTS.contains(&p)) || of_products())
}

/// Class-name prefixes of page builders and CMS layout systems that wrap every element,
/// content and chrome alike (`elementor-widget-container`, `hs_cos_wrapper_widget`,
/// HubSpot's `widget-span widget-type-cell` layout cells, Amazon's `celwidget`): the word
/// "widget" in them says nothing.
fn is_builder_wrapper(token: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "elementor-widget",
        "elementor-element",
        "elementor-cta",
        "hs_cos_wrapper",
        "widget-span",
        "widget-type-",
        "et_pb_",
        "wp-block-",
        "vc_",
        "fl-module",
        "celwidget",
        // Bootstrap 3's off-canvas layout row, around the main column and its sidebar.
        "row-offcanvas",
    ];
    PREFIXES.iter().any(|p| token.starts_with(p))
        // HubSpot's module ids (`widget_1753110382057`).
        || token
            .strip_prefix("widget_")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A widget named as a set of tabs (`widgetTabbed`, `tabbedWidgetNarrow`, lowercased):
/// its panels hold the page's own text, shown one at a time.
fn names_tab_set_widget(token: &str) -> bool {
    holds(token, "widget") && holds(token, "tabbed")
}

/// Bootstrap's class that shows an element from some screen width on (`d-md-block`,
/// `d-lg-flex`): with `d-none`, the element is hidden on phones only.
fn is_breakpoint_display(token: &str) -> bool {
    token
        .strip_prefix("d-")
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(breakpoint, display)| {
            matches!(breakpoint, "sm" | "md" | "lg" | "xl" | "xxl")
                && matches!(
                    display,
                    "block" | "flex" | "grid" | "inline" | "inline-block" | "inline-flex" | "table"
                )
        })
}

/// Weight of an element hidden by its class but for wide screens (`d-none d-md-block`):
/// enough that its text does not vote for the main region (a desktop-only sidebar of
/// teasers does not draw the region to it), too little to remove it from the region on its
/// own (a category's description shown on desktops stays). Tried on wcxb-dev: 0.9 (as
/// hidden) loses such descriptions; 0 (as shown) lets sidebars take the region; 0.6 keeps
/// nearly nothing more; 0.45 best.
const WIDE_SCREEN_ONLY_WEIGHT: f32 = 0.45;

/// A utility class that shows an element from some screen width on (`md:block`).
fn is_responsive_display(token: &str) -> bool {
    let Some((prefix, display)) = token.rsplit_once(':') else {
        return false;
    };
    !prefix.is_empty()
        && matches!(
            display,
            "block"
                | "flex"
                | "grid"
                | "inline"
                | "inline-block"
                | "inline-flex"
                | "table"
                | "contents"
        )
}

/// Words of a class name that shows or hides its element at some screen widths
/// (`hide-mobile`, `hidden_desktop`, `visible-tablet`, `show-for-phone`).
pub(crate) const SCREEN_WIDTH_WORDS: [&str; 4] = ["mobile", "tablet", "desktop", "phone"];

fn is_hiding_word(part: &str) -> bool {
    matches!(part, "hidden" | "hide")
}

/// Whether a compound name with "hidden" or "hide" in it hides only part of the element
/// or only at some widths (`overflow-hidden`, `field--label-hidden`, `hide-mobile`,
/// `elementor-hidden-tablet`, `x-hide-lg`, a builder's `hidden-bnz77l`, `hide-scrollbar`,
/// `hide-child-opacity`), or only where scripts do not run (`no-js-hidden`).
fn hides_only_partly(token: &str) -> bool {
    // `no-js-hidden` hides the element only where scripts do not run: a browser shows it.
    let mut previous = "";
    let without_scripts = name_parts(token).any(|p| {
        let no_js = previous == "no" && p == "js";
        previous = p;
        no_js || p == "nojs"
    });
    without_scripts
        || name_parts(token).any(|p| {
            // A width in pixels (`hidden-900`) is a breakpoint.
            (p.len() >= 3 && p.bytes().all(|b| b.is_ascii_digit()))
                || is_generated_hash(p)
                || matches!(
                    p,
                    "overflow"
                        | "label"
                        | "labels"
                        | "title"
                        | "xs"
                        | "sm"
                        | "md"
                        | "lg"
                        | "xl"
                        | "xxl"
                        | "small"
                        | "medium"
                        | "large"
                        | "x"
                        | "y"
                        | "indents"
                        | "text"
                        | "scroll"
                        | "scrollbar"
                        | "scrollbars"
                        | "child"
                        | "children"
                )
                || SCREEN_WIDTH_WORDS.contains(&p)
        })
}

/// Whether a part of a name is a hash a site builder generated for one breakpoint's
/// variant (`hidden-bnz77l`: hidden at one width, shown at another): five to eight
/// letters and digits, both.
fn is_generated_hash(part: &str) -> bool {
    (5..=8).contains(&part.len())
        && part.bytes().all(|b| b.is_ascii_alphanumeric())
        && part.bytes().any(|b| b.is_ascii_digit())
        && part.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Least share of the page's text (1 in this many characters) an element must hold for its
/// like siblings to be counted with it ([`held_with_its_kind`]).
const KIND_MIN_SHARE: usize = 20;

/// Share of the page's text (in tenths) that elements of one kind side by side must hold
/// together to be the page's list, whatever their names say ([`held_with_its_kind`]).
const KIND_WRAPPER_TENTHS: usize = 4;

/// Fewest elements of one kind side by side whose text counts as one ([`held_with_its_kind`]).
const KIND_MIN_MEMBERS: usize = 3;

/// The text held by element `id` and its siblings of the same kind (same tag and
/// `class`, which it must have), when there are at least [`KIND_MIN_MEMBERS`] of them and
/// it holds a fair share of the page: the entries of a page's list (five `widget` boxes,
/// one per course category) hold the page's text together, as one wrapper would.
/// Otherwise its own text.
fn held_with_its_kind(dom: &Dom, id: NodeId, held: &[usize], total: usize) -> usize {
    let own = held[id as usize];
    if own * KIND_MIN_SHARE < total {
        return own;
    }
    let (mut sum, mut members) = (0, 0);
    for c in dom.like_siblings(id) {
        sum += held[c as usize];
        members += 1;
    }
    if members >= KIND_MIN_MEMBERS {
        sum
    } else {
        own
    }
}

/// All that [`judge_element`] reads of an element: elements with equal facts get equal
/// judgements.
#[derive(PartialEq, Eq, Hash)]
struct ElementFacts<'a> {
    /// The tag (`None` for a node that is not an element).
    tag: Option<&'a LocalName>,
    /// Whether the element holds most of the page's text (see [`ElementFacts::of`]).
    is_wrapper: bool,
    /// Whether it is one of the entries of the page's list: elements of one kind side by
    /// side that hold much of the page's text together (see [`held_with_its_kind`]).
    listed: bool,
    /// Whether it holds more of the page's text than a pager's page numbers ever do (see
    /// [`PAGER_MAX_SHARE`]).
    beyond_pager: bool,
    /// Whether it is a control group around a drop-down list (see [`labels_a_choice`]).
    labels_choice: bool,
    /// Whether it has a `hidden` attribute.
    hidden: bool,
    /// Whether it has `aria-hidden="true"` and takes no focus: screen readers skip it too,
    /// and no script reveals it to focus it.
    aria_hidden: bool,
    /// Whether it is a tab or accordion panel (see [`is_collapsed_panel`]).
    panel: bool,
    /// Whether it is the page hidden until a script shows it (see
    /// [`ElementFacts::is_deferred_page`]).
    deferred_page: bool,
    /// Whether it has a `popover` attribute: hidden until a button opens it, as a dialog.
    popover: bool,
    /// Whether it holds a first-level heading of the page.
    holds_title: bool,
    /// The picture its `aria-label` says it is (see [`depicted_by_label`]).
    depicts: Option<&'static str>,
    /// Whether it is a small form for the reader to fill in (see [`is_small_form`]).
    small_form: bool,
    /// Whether it is a group of radio buttons (see [`is_radio_group`]).
    radio_group: bool,
    /// Whether it is a conditional branch of a script's template (see
    /// [`is_template_branch`]).
    template_branch: bool,
    /// Whether the page is declared a discussion, whose posts are often named comments.
    discussion: bool,
    /// Its `component` attribute: NodeBB names the parts of a post with it
    /// (`component="post/signature"`).
    component: Option<&'a str>,
    /// Its `style`, `role`, `class` and `id` attributes.
    style: Option<&'a str>,
    role: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
}

impl<'a> ElementFacts<'a> {
    /// The facts of element `id`, which holds `held` of the page's `total` text.
    fn of(dom: &'a Dom, id: NodeId, held: Option<usize>, total: usize, discussion: bool) -> Self {
        let node = dom.node(id);
        ElementFacts {
            tag: node.local_name(),
            // A wrapper holding most of the page's text is layout whatever its name (some
            // sites even hide the whole page with `display:none` until a script reveals it).
            is_wrapper: total > 0 && held.unwrap_or(0) * 10 > total * 6,
            listed: false,
            beyond_pager: total > 0 && held.unwrap_or(0) * PAGER_MAX_SHARE > total,
            labels_choice: labels_a_choice(dom, node, held.unwrap_or(0)),
            hidden: hidden_attribute(node),
            // A hidden element that takes focus (`tabindex`) is one a script reveals and
            // focuses, a collapsed section: it is hidden from screen readers until then.
            aria_hidden: node
                .attr("aria-hidden")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
                && node.attr("tabindex").is_none(),
            panel: is_collapsed_panel(node) || follows_its_toggle(dom, node),
            deferred_page: false,
            popover: node.attr("popover").is_some(),
            holds_title: false,
            depicts: depicted_by_label(node),
            small_form: is_small_form(dom, id, held.unwrap_or(0), total),
            radio_group: is_radio_group(dom, id, held.unwrap_or(0)),
            template_branch: is_template_branch(node),
            discussion,
            component: node.attr("component"),
            style: node.attr("style"),
            role: node
                .attr("role")
                .filter(|r| !is_landmark_in_document(dom, id, r)),
            class: node.attr("class"),
            id: node.attr("id"),
        }
    }
}

/// Whether `role` names a page-level landmark (`banner`, `contentinfo`) on an element inside
/// the document (`<main>`, `<article>`, `role="main"`): the site's masthead and footer are
/// landmarks only at the top level of the page (WAI-ARIA; HTML maps a `<header>` inside
/// `<main>` or `<article>` to no landmark at all), so such a role marks a hero box or a
/// promo panel of the document that a page builder labelled, not the site's chrome.
fn is_landmark_in_document(dom: &Dom, id: NodeId, role: &str) -> bool {
    let role = role.trim();
    if !(role.eq_ignore_ascii_case("banner") || role.eq_ignore_ascii_case("contentinfo")) {
        return false;
    }
    let mut at = dom.node(id).parent;
    while let Some(a) = at {
        let node = dom.node(a);
        let tag = node.local_name();
        if tag.is_some_and(|t| &**t == "main" || &**t == "article")
            || node
                .attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        {
            return true;
        }
        at = node.parent;
    }
    false
}

/// Whether the element lets several of its items be selected or open at once
/// (`aria-multiselectable="true"`).
fn is_multiselectable(node: &crate::dom::Node) -> bool {
    node.attr("aria-multiselectable")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Words with which an `aria-label` says that its element is a picture of something
/// ("A screenshot of the app's board", "Visual demonstration of the editor", "Illustration
/// of a dashboard"), after an article. The element is then a mock-up drawn in HTML (an
/// app's window on a landing page): its text is the picture's, no part of the document.
const DEPICTION_LABELS: &[&str] = &[
    "screenshot",
    "screen shot",
    "screen capture",
    "illustration",
    "visual demonstration",
    "mockup",
    "mock-up",
    "animation of",
    "image of",
    "picture of",
    "capture d'écran",
    "captura de pantalla",
    "bildschirmfoto",
];

/// The picture an element's `aria-label` says it is ([`DEPICTION_LABELS`]). Controls and
/// links are labelled by what they do, never by what they show, and are left out.
fn depicted_by_label(node: &crate::dom::Node) -> Option<&'static str> {
    let tag = node.local_name()?;
    if matches!(
        *tag,
        local_name!("a")
            | local_name!("button")
            | local_name!("input")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("label")
            | local_name!("img")
    ) {
        return None;
    }
    let label = node.attr("aria-label")?.trim().to_lowercase();
    let label = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| label.strip_prefix(article))
        .unwrap_or(&label);
    // A whole word: "Screenshots" or "Illustrations" names a gallery of them, not one.
    DEPICTION_LABELS
        .iter()
        .find(|words| {
            label.strip_prefix(**words).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == ':' || c == ',')
            })
        })
        .copied()
}

impl ElementFacts<'_> {
    /// Whether the element, hidden by its attributes, is the page a script shows once it
    /// has loaded (a storefront's `display:none` product wrapper, a content lock): it holds
    /// every first-level heading of the page (`holds_titles`) and a large share of its text
    /// ([`DEFERRED_PAGE_SHARE`]), though the menus and rails around it may hold more.
    fn is_deferred_page(&self, held: usize, total: usize, holds_titles: bool) -> bool {
        holds_titles
            && hidden_by_attributes(self.hidden, self.style)
            && held as f32 >= DEFERRED_PAGE_SHARE * total as f32
    }
}

/// Most characters of text a control group holds (see [`labels_a_choice`]).
const CONTROL_GROUP_MAX_CHARS: usize = 40;

/// Whether `node`, holding `held` characters of text, is a control group around a
/// drop-down list: a few words (at most [`CONTROL_GROUP_MAX_CHARS`]) beside a `<select>`
/// among its children or their first elements. A listing's "Show [24] per page" or
/// "Sort by [Best selling]", a shop's "Quantity": the words of a control, whose options
/// are never text of the page either.
fn labels_a_choice(dom: &Dom, node: &crate::dom::Node, held: usize) -> bool {
    if held == 0 || held > CONTROL_GROUP_MAX_CHARS {
        return false;
    }
    let is_select =
        |n: &crate::dom::Node| n.local_name().is_some_and(|t| *t == local_name!("select"));
    let children = |n: &crate::dom::Node| {
        std::iter::successors(n.first_child, |&c| dom.node(c).next_sibling).map(|c| dom.node(c))
    };
    children(node).any(|c| {
        is_select(c)
            || children(c)
                .find(|g| g.local_name().is_some())
                .is_some_and(is_select)
    })
}

/// Largest share of the page's text (one part in this many) a pager holds: its page
/// numbers and Previous/Next links are a few words. An element named `pagination` that
/// holds more wraps the paged list itself (a storefront's grid inside
/// `pagination_container`), which its name does not make chrome.
const PAGER_MAX_SHARE: usize = 8;

/// Whether a class/id token names a date stamp (`post-date`, `date-item`, `timestamp`):
/// a few words, as a pager's are. An element so named that holds more of the page's text
/// than a pager ever does (a plan's card in a collection a site builder calls `date-item`)
/// is no stamp, and its name does not make it chrome.
fn names_a_stamp(token: &str) -> bool {
    name_parts(token).any(|p| p == "date" || p == "timestamp")
}

/// Whether a class/id token names a pager (`pagination`, `pager`, `paginate`).
fn names_pager(token: &str) -> bool {
    name_parts(token).any(|p| p.starts_with("paginat") || p == "pager")
}

/// Smallest share of the page's text a hidden element holding the document's title holds
/// to be the page hidden until a script shows it.
const DEFERRED_PAGE_SHARE: f32 = 0.25;

/// Largest share of the page's text (one part in this many) a small form holds.
const SMALL_FORM_SHARE: usize = 20;

/// How sure the text of a small form is chrome: its labels, hints and pitch ("Talk to our
/// experts", "Your email", "Fill this form to download…") ask the reader for something.
const SMALL_FORM_WEIGHT: f32 = 0.85;

/// Whether element `id`, holding `held` of the page's `total` text, is a small form for the
/// reader to fill in: a `<form>` with a field a reader types in or picks from (not only
/// hidden inputs and buttons, as the forms some sites wrap each post in) that holds a
/// small part of the page's text ([`SMALL_FORM_SHARE`]). A contact, newsletter, demo or
/// download form, a login box, a shop's variant picker: none is the document. A form that
/// wraps the page (ASP.NET's `form1`, a forum's moderation form) holds much of its text.
fn is_small_form(dom: &Dom, id: NodeId, held: usize, total: usize) -> bool {
    if dom.node(id).local_name() != Some(&local_name!("form"))
        || total == 0
        || held * SMALL_FORM_SHARE >= total
    {
        return false;
    }
    let mut field = false;
    dom.walk(id, |event| {
        if let crate::dom::WalkEvent::Enter(n) = event {
            let node = dom.node(n);
            field |= match node.local_name() {
                Some(&local_name!("textarea")) | Some(&local_name!("select")) => true,
                Some(&local_name!("input")) => !node.attr("type").is_some_and(|t| {
                    ["hidden", "submit", "button", "image", "reset"]
                        .iter()
                        .any(|k| t.trim().eq_ignore_ascii_case(k))
                }),
                _ => false,
            };
        }
        !field
    });
    field
}

/// Most characters of text a group of radio buttons holds (see [`is_radio_group`]).
const RADIO_GROUP_MAX_CHARS: usize = 100;

/// Fewest radio buttons of a group (see [`is_radio_group`]).
const RADIO_GROUP_MIN_BUTTONS: usize = 2;

/// Whether element `id`, holding `held` characters of text, is a group of radio buttons: a
/// `<fieldset>` (or an element with the ARIA `radiogroup` role) around two or more
/// `<input type="radio">` and a few words (at most [`RADIO_GROUP_MAX_CHARS`]). A shop's
/// variant picker ("Color: Sage" over its swatches, the sizes to choose from), a poll's
/// choices: the words of a control, never the document's text.
fn is_radio_group(dom: &Dom, id: NodeId, held: usize) -> bool {
    let node = dom.node(id);
    let group = node.local_name() == Some(&local_name!("fieldset"));
    if !group || held == 0 || held > RADIO_GROUP_MAX_CHARS {
        return false;
    }
    let mut buttons = 0;
    dom.walk(id, |event| {
        if let crate::dom::WalkEvent::Enter(n) = event {
            let node = dom.node(n);
            if node.local_name() == Some(&local_name!("input"))
                && node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("radio"))
            {
                buttons += 1;
            }
        }
        buttons < RADIO_GROUP_MIN_BUTTONS
    });
    buttons >= RADIO_GROUP_MIN_BUTTONS
}

/// How sure a class or id name alone makes an element chrome: names are weaker evidence
/// than tags and roles.
const NAME_WEIGHT: f32 = 0.45;

/// Whether a class names a forum member's signature (`message-signature`,
/// `ipsEntry__signature`, `signaturecontainer`, `post-signature`). Only classes: ids made
/// from headings ("PGP_signature") name a subject. Icons (`fa-file-signature`) are not.
fn names_signature(token: &str) -> bool {
    let token = lowercased(token);
    !token.starts_with("fa-")
        && holds(&token, "signature")
        && name_parts(&token).any(|p| p.starts_with("signature") || p.ends_with("signature"))
}

/// Class names of a board's notices, whole tokens: phpBB's `notice` (under a post: "Last
/// edited by …"), XenForo's `notices` list and each `notice` in it.
const BOARD_NOTICE_NAMES: &[&str] = &["notice", "notices"];

/// Whether a class token names a board's notice (see [`BOARD_NOTICE_NAMES`]).
fn names_board_notice(token: &str) -> bool {
    BOARD_NOTICE_NAMES
        .iter()
        .any(|n| token.eq_ignore_ascii_case(n))
}

/// Class names of a forum poster's title or rank, printed under the poster's name beside
/// each post, with separators and case dropped: XenForo's `userTitle` and `userBanner`,
/// vBulletin's `usertitle`, phpBB's `profile-rank`, SMF's `postgroup` and `membergroup`,
/// and the `user-rank` of other themes. (`member-title` is also a board member's job.)
const POSTER_RANK_NAMES: &[&str] = &[
    "usertitle",
    "userbanner",
    "userrank",
    "profilerank",
    "postgroup",
    "membergroup",
];

/// Whether a class names a forum poster's title or rank (see [`POSTER_RANK_NAMES`]): its
/// last word, or its last two words run together, is such a name (`message-userTitle`,
/// `profile-rank`); `no-profile-rank` says the rank is missing.
fn names_poster_rank(token: &str) -> bool {
    // Most class names end otherwise: tested before lowercasing, which may allocate.
    if !["title", "banner", "rank", "group"]
        .iter()
        .any(|w| ends_with_ignore_ascii_case(token, w))
    {
        return false;
    }
    let token = lowercased(token);
    if token.starts_with("no-") {
        return false;
    }
    let (mut previous, mut last) = ("", "");
    for part in name_parts(&token) {
        (previous, last) = (last, part);
    }
    // The last two words run together, compared without joining them.
    let last_two = |name: &str| {
        !previous.is_empty()
            && name.len() == previous.len() + last.len()
            && name.starts_with(previous)
            && name.ends_with(last)
    };
    POSTER_RANK_NAMES
        .iter()
        .any(|name| *name == last || last_two(name))
}

/// How sure an element hidden both by its attributes and from screen readers
/// (`aria-hidden="true"`) is chrome: no reader ever gets it, whatever its prose.
const HIDDEN_FROM_EVERY_READER_WEIGHT: f32 = 0.9;

/// Weight of the judgement on an element labelled as a picture ([`depicted_by_label`]).
const DEPICTION_WEIGHT: f32 = 0.9;

/// The class of the table of a section's settings on Adobe's Edge Delivery pages, which
/// the page's script reads and removes.
const SECTION_SETTINGS_CLASS: &str = "section-metadata";

/// Judges one element by its tag, role and class/id names.
/// The judgement on an element one of whose class names (whole, as written) `names` picks
/// out: beside the document, as `what` ("a member's signature").
fn beside_by_class_name(
    facts: &ElementFacts<'_>,
    names: fn(&str) -> bool,
    what: &str,
) -> Option<ElementJudgement> {
    let token = facts
        .class
        .into_iter()
        .flat_map(str::split_whitespace)
        .find(|t| names(t))?;
    Some(ElementJudgement {
        weight: BESIDE_THE_DOCUMENT_WEIGHT,
        cause: format!("inside <{}> named \"{token}\" ({what})", facts.tag?),
    })
}

/// Last words of a class naming an element as a drawing (`PageSection_illustration__x1Y2`,
/// `productCard__graphic`, `heroMockup`).
const ILLUSTRATION_WORDS: &[&str] = &["illustration", "graphic", "mockup"];

/// Whether a class token (as written) names an illustration drawn with markup: its last
/// word, past a build hash with digits (`__P1Yb9`), is one of [`ILLUSTRATION_WORDS`] after
/// at least one word naming what it illustrates (`hero-graphic`, `DomGraphic`), or, in a
/// component's PascalCase name, `Animation` (`PaymentsHeroAnimation`). A part inside the
/// name (`graphic-list`, `hero-graphic-container`) or a utility (`fade-animation`) is not.
fn names_illustration(token: &str) -> bool {
    // Most class names name no drawing: ruled out in one pass, without allocating.
    if !crate::dom::contains_any_ignore_ascii_case(
        token.as_bytes(),
        &[b"graphic", b"illustration", b"mockup", b"animation"],
    ) {
        return false;
    }
    let words = lowercased_words(token);
    let mut parts: Vec<&str> = name_parts(&words).collect();
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.bytes().any(|b| b.is_ascii_digit()))
    {
        parts.pop();
    }
    let [.., _, last] = parts.as_slice() else {
        return false;
    };
    ILLUSTRATION_WORDS.contains(last)
        || (*last == "animation" && token.starts_with(|c: char| c.is_ascii_uppercase()))
}

fn judge_element(facts: &ElementFacts<'_>) -> Option<ElementJudgement> {
    let tag = facts.tag?;
    if matches!(
        *tag,
        local_name!("html") | local_name!("body") | local_name!("main") | local_name!("article")
    ) {
        return None;
    }
    let is_wrapper = facts.is_wrapper;
    if hidden_by_attributes(facts.hidden, facts.style)
        && !is_wrapper
        && !facts.panel
        && !facts.deferred_page
    {
        // Hidden from sight and from screen readers alike, it is shown to no reader: a
        // copy of the page kept for machines (its Markdown source), a template.
        if facts.aria_hidden {
            return Some(ElementJudgement {
                weight: HIDDEN_FROM_EVERY_READER_WEIGHT,
                cause: "hidden from sight and from screen readers".to_string(),
            });
        }
        return Some(ElementJudgement {
            weight: 0.55,
            cause: "hidden by its attributes".to_string(),
        });
    }
    if facts.template_branch && !is_wrapper {
        return Some(ElementJudgement {
            weight: TEMPLATE_BRANCH_WEIGHT,
            cause: "a conditional branch of a script's template (v-if)".to_string(),
        });
    }
    // Adobe's Edge Delivery pages write each section's settings as a table of `<div>`s
    // (`section-metadata`: "Style", "two-column") that the page's script reads and
    // removes: nobody ever sees it.
    if facts
        .class
        .is_some_and(|c| c.split_whitespace().any(|t| t == SECTION_SETTINGS_CLASS))
        && !is_wrapper
    {
        return Some(ElementJudgement {
            weight: TEMPLATE_BRANCH_WEIGHT,
            cause: format!(
                "inside <{tag}> named \"{SECTION_SETTINGS_CLASS}\" (a section's settings)"
            ),
        });
    }
    if let Some(picture) = facts.depicts.filter(|_| !is_wrapper) {
        return Some(ElementJudgement {
            weight: DEPICTION_WEIGHT,
            cause: format!("inside <{tag}> labelled as a picture (\"{picture}\")"),
        });
    }
    // A landing page draws its product with markup: a mock-up of the app's screens (chat
    // bubbles, a backlog, a checkout form) named as the section's illustration or graphic.
    // Its words are a picture's, not the page's prose. One that holds the page's title is
    // the part of the page around its picture (a hero's heading and buttons).
    if !is_wrapper && !facts.holds_title {
        if let Some(judgement) = beside_by_class_name(facts, names_illustration, "an illustration")
        {
            return Some(judgement);
        }
    }
    let tag_weight = match *tag {
        local_name!("nav") => Some(0.8),
        local_name!("aside") => Some(0.7),
        local_name!("footer") => Some(0.85),
        local_name!("header") => Some(0.6),
        local_name!("dialog") => Some(0.9),
        // A popover (any tag) is hidden until a button opens it: a dialog, a menu, a
        // notification prompt.
        _ if facts.popover => Some(0.9),
        _ => None,
    };
    if let Some(weight) = tag_weight {
        // A footer or navigation that holds most of the page's text is a page whose
        // document was never in the markup (a script fills it in): it is still chrome.
        let never_wrapper = matches!(*tag, local_name!("footer") | local_name!("nav"));
        if !is_wrapper || never_wrapper {
            return Some(ElementJudgement {
                weight,
                cause: if facts.popover {
                    format!("inside a popover <{tag}>")
                } else {
                    format!("inside <{tag}>")
                },
            });
        }
    }
    if facts.labels_choice {
        return Some(ElementJudgement {
            weight: SMALL_FORM_WEIGHT,
            cause: format!("inside <{tag}> around a drop-down list"),
        });
    }
    if facts.small_form {
        return Some(ElementJudgement {
            weight: SMALL_FORM_WEIGHT,
            cause: "inside a small <form> with fields to fill in".to_string(),
        });
    }
    if facts.radio_group {
        return Some(ElementJudgement {
            weight: SMALL_FORM_WEIGHT,
            cause: format!("inside <{tag}> of radio buttons (a picker)"),
        });
    }
    if let Some(role) = facts.role {
        let role = role.trim().to_ascii_lowercase();
        // A tooltip is laid over the page on hover, as an overlay named so is.
        if role == "tooltip" && !is_wrapper {
            return Some(ElementJudgement {
                weight: OVERLAY_NAME_WEIGHT,
                cause: "inside role=\"tooltip\"".to_string(),
            });
        }
        if CHROME_ROLES.contains(&role.as_str()) && !is_wrapper {
            return Some(ElementJudgement {
                weight: 0.75,
                cause: format!("inside role=\"{role}\""),
            });
        }
    }
    // NodeBB names the parts of a post with a `component` attribute: its member's
    // signature is `post/signature`.
    if let Some(component) = facts
        .component
        .filter(|c| c.rsplit('/').next().is_some_and(names_signature))
    {
        return Some(ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: format!("inside <{tag}> component \"{component}\" (a member's signature)"),
        });
    }
    let mut names = String::new();
    for v in [facts.class, facts.id].into_iter().flatten() {
        let at = names.len();
        names.push_str(v);
        names[at..].make_ascii_lowercase();
        names.push(' ');
    }
    if names.trim().is_empty() {
        return None;
    }
    // A tooltip spelled as two words (`tool-tip__content`) is one.
    if names.contains("tool-tip") || names.contains("tool_tip") {
        names = names
            .replace("tool-tip", "tooltip")
            .replace("tool_tip", "tooltip");
    }
    let tokens: Vec<&str> = name_tokens(&names).collect();
    // `hidden md:block` (utility CSS) hides an element on small screens only.
    let shown_at_some_width = tokens.iter().any(|t| is_responsive_display(t));
    // `d-none d-md-block` (Bootstrap) hides it on small screens only too, but what a
    // layout shows only on wide screens is as often a sidebar as a category's description:
    // weak evidence, see [`WIDE_SCREEN_ONLY_WEIGHT`].
    let shown_from_breakpoint = tokens.iter().any(|t| is_breakpoint_display(t));
    // Screen-reader text is read by its original spelling, whose capitals split words
    // (`u-srOnly`, `VisuallyHidden_root`).
    let hidden = !shown_at_some_width
        && (tokens.iter().any(|t| is_hiding_class(t))
            || facts
                .class
                .into_iter()
                .flat_map(str::split_ascii_whitespace)
                .any(crate::blocks::html::names_screen_reader_text));
    if hidden && !facts.panel {
        if shown_from_breakpoint {
            return Some(ElementJudgement {
                weight: WIDE_SCREEN_ONLY_WEIGHT,
                cause: "hidden by its class on small screens".to_string(),
            });
        }
        return Some(ElementJudgement {
            weight: 0.9,
            cause: "hidden by its class".to_string(),
        });
    }
    // A consent banner or preference centre is a dialog about the site, however much
    // text its preference panel holds: on a page of short posts or titles it can hold most
    // of the page's text, and must not pass for the page's wrapper.
    if let Some(token) = tokens.iter().find(|t| names_consent_notice(t)) {
        return Some(ElementJudgement {
            weight: CONSENT_NOTICE_WEIGHT,
            cause: format!("inside <{tag}> named \"{token}\" (a consent notice)"),
        });
    }
    if is_wrapper {
        return None;
    }
    // On a forum thread the replies are the document, whatever the site prints.
    let print_exclusion = (!facts.discussion)
        .then(|| tokens.iter().find(|t| excludes_from_print(t)))
        .flatten();
    if let Some(token) = print_exclusion {
        return Some(ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: format!("inside <{tag}> named \"{token}\" (left out of print)"),
        });
    }
    // A code block's own names say how to highlight it or which sample it is
    // (`prettyprint-override`, `lang-py`, `sample_table_with_header_cells`), not where it
    // sits: the names of its ancestors still count.
    if matches!(*tag, local_name!("pre") | local_name!("code")) {
        return None;
    }
    // An author box is prose about the writer, not the document, whatever else its names
    // say (`author-bio-content`).
    if let Some(token) = tokens.iter().find(|t| names_author_box(t)) {
        return Some(ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: format!("inside <{tag}> named \"{token}\" (an author box)"),
        });
    }
    // A "Republish this article" box (WordPress's Republication Tracker Tool) offers the
    // article to other sites under a licence: about the site's terms, whatever else its
    // names say (`republish-content-container`).
    if let Some(token) = tokens.iter().find(|t| names_republication_box(t)) {
        return Some(ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: format!("inside <{tag}> named \"{token}\" (a republication box)"),
        });
    }
    // A forum member's signature, printed under each of their posts, is about the member:
    // beside the document, as an author box is.
    if let Some(judgement) = beside_by_class_name(facts, names_signature, "a member's signature") {
        return Some(judgement);
    }
    // A forum poster's title or rank ("Senior Member", "Moderator") is about the poster.
    if let Some(judgement) = beside_by_class_name(facts, names_poster_rank, "a poster's rank") {
        return Some(judgement);
    }
    // On a thread, a notice (phpBB's `notice` that a post was edited, XenForo's `notices`
    // of the board: rules, meetups, cookie terms) is about the board or a post's history,
    // not the discussion.
    if facts.discussion {
        if let Some(judgement) =
            beside_by_class_name(facts, names_board_notice, "a notice of the board")
        {
            return Some(judgement);
        }
    }
    // Legal small print (disclaimers, disclosures) is about the site or the offer.
    if let Some(token) = tokens.iter().find(|t| names_small_print(t)) {
        return Some(ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: format!("inside <{tag}> named \"{token}\" (small print)"),
        });
    }
    // A post embedded from a social network quotes another page, whatever its wrapper says.
    if let Some(token) = tokens.iter().find(|t| names_social_embed(t)) {
        return Some(ElementJudgement {
            weight: BESIDE_THE_DOCUMENT_WEIGHT,
            cause: format!("inside <{tag}> named \"{token}\" (an embedded social post)"),
        });
    }
    // One search over all the names: a fragment holds no whitespace, so it can only match
    // inside a token.
    // The content words of an overlay's own part (`modal-content`, `popover-body`) say
    // which part of the overlay the element is, not that it holds the document.
    let says_content = (content_matcher().is_match(&names)
        && tokens
            .iter()
            .any(|t| !names_overlay_part(t) && content_matcher().is_match(t)))
        || tokens.iter().any(|t| names_editor_output(t));
    // The entries of the page's list are its document, whatever their names say
    // (`widget` boxes, one per course category).
    if says_content || facts.listed {
        return None;
    }
    // A tab set (CivicPlus's `widget widgetTabbed`, `tabbedWidget`) shows one panel of the
    // page's text at a time: its "widget" names the component, not a box beside the
    // document.
    if tokens.iter().any(|t| names_tab_set_widget(t)) {
        return None;
    }
    let filed_item = tokens
        .iter()
        .any(|t| *t == "hentry" || t.starts_with("type-") || t.starts_with("status-"));
    let chrome = tokens.iter().find_map(|t| {
        // A utility class with a variant (`[html.sidebar-open_&]:bg-base`, `md:hidden`)
        // styles the element in some state of the page or at some width; it does not
        // name it (hiding at a width is judged above).
        if t.contains(':') {
            return None;
        }
        if (filed_item && is_taxonomy_label(t))
            || is_builder_wrapper(t)
            || names_listing_header(t)
            || names_a_state(t)
            || ANIMATION_WAIT_CLASSES.contains(t)
            || ((shown_at_some_width || facts.panel) && is_hiding_word(t))
            || (facts.panel && is_hiding_class(t))
            // On a forum thread the posts are named comments (`comment-body`,
            // `elComment`): the comment sections are judged as sections (see
            // [`UserSections`]), not by name.
            || (facts.discussion && holds(t, "comment"))
            || (facts.beyond_pager && names_pager(t))
            || (facts.beyond_pager && names_a_stamp(t))
        {
            return None;
        }
        // Utility CSS's `fixed` (`position: fixed`) pins a bar, a drawer or a dialog over
        // the page; only the whole token says so (`table-fixed`, `fixed-width` do not).
        // A side column is named `side` alone; as a part it says where something sits
        // (`left-side`, `product-side`), not what it is.
        if CHROME_TOKENS.contains(t) || *t == "fixed" || *t == "side" {
            return Some(t.to_string());
        }
        // Split compound names (`post_share-bar`, `shareBar` lowercased) on separators.
        // A heading named as the header of something (`code-header`, `section-header`) is
        // that thing's heading, not the page's header.
        let parts_match = name_parts(t).any(|p| {
            CHROME_TOKENS.contains(&p)
                && p.len() > 2
                && !(p == "header" && is_heading_tag(tag))
                && !(p == "header" && names_a_parts_header(t))
                && !(is_hiding_word(p) && (facts.panel || hides_only_partly(t)))
        });
        if parts_match {
            return Some(t.to_string());
        }
        names_chrome_fragment(t).then(|| t.to_string())
    })?;
    // Names are weaker evidence than tags and roles: alone they do not remove good prose.
    // The structural names of whole page regions are as strong as the tags they stand for.
    let structural = STRUCTURAL_NAMES.contains(&chrome.as_str());
    // An overlay (a popover, modal, popup or tooltip) is shown over the page when a button
    // or a hover asks for it: its prose (a shipping estimate explained, a badge's meaning,
    // a price-feedback form) is about the offer or the site, as a `popover` element's is.
    // The element that opens one (`icon-tooltip`, `popover-trigger`) is on the page.
    let overlay = name_parts(&chrome).any(|p| OVERLAY_NAMES.contains(&p))
        && !name_parts(&chrome).any(|p| OVERLAY_TRIGGERS.contains(&p));
    Some(ElementJudgement {
        weight: if overlay {
            OVERLAY_NAME_WEIGHT
        } else if structural {
            0.6
        } else {
            NAME_WEIGHT
        },
        cause: format!("inside <{tag}> named \"{chrome}\""),
    })
}

/// Parts before `header` in a class name that say it heads the product or one of its
/// details (`product-header`, `tech-specs__header`, `item-details-tab-header`).
const PRODUCT_PART_HEADERS: &[&str] = &[
    "product",
    "item",
    "details",
    "specs",
    "spec",
    "tab",
    "description",
    "overview",
];

/// Whether a class/id token names the header of the product or one of its details (see
/// [`PRODUCT_PART_HEADERS`]): that part's own head (its name, a listing's number), not the
/// page's header. `header` is the token's last part, right after such a part.
fn names_a_parts_header(token: &str) -> bool {
    let mut before = None;
    let mut last = "";
    for p in name_parts(token) {
        if !last.is_empty() {
            before = Some(last);
        }
        last = p;
    }
    last == "header" && before.is_some_and(|b| PRODUCT_PART_HEADERS.contains(&b))
}

/// Name parts of elements laid over the page on demand (see [`judge_element`]).
const OVERLAY_NAMES: &[&str] = &["popover", "tooltip"];

/// Words of class/id tokens that name an overlay or one of its parts (see
/// [`names_overlay_part`]).
const OVERLAY_PART_WORDS: &[&str] = &["popover", "tooltip", "modal", "popup"];

/// Whether a class/id token names a part of an overlay laid over the page on demand
/// (`modal-content`, `popover-body`, `tooltip-text`, `search-popup-content`), not the
/// element that opens it (`tooltip-trigger`, `modal-link`).
fn names_overlay_part(token: &str) -> bool {
    OVERLAY_PART_WORDS.iter().any(|w| holds(token, w))
        && !name_parts(token).any(|p| OVERLAY_TRIGGERS.contains(&p))
}

/// Name parts of the element that opens an overlay, which is on the page itself.
const OVERLAY_TRIGGERS: &[&str] = &[
    "icon", "toggle", "toggler", "trigger", "btn", "button", "link", "anchor", "target", "label",
];

/// How sure an overlay's name makes it chrome: enough to remove prose.
const OVERLAY_NAME_WEIGHT: f32 = 0.85;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::PageKinds;

    fn verdicts(html: &str) -> Vec<(String, String)> {
        verdicts_on(html, false, false)
    }

    fn verdicts_on(html: &str, discussion: bool, product: bool) -> Vec<(String, String)> {
        verdicts_of_page(html, discussion, product, false)
    }

    fn verdicts_of_page(
        html: &str,
        discussion: bool,
        product: bool,
        article: bool,
    ) -> Vec<(String, String)> {
        let kinds = PageKinds {
            discussion,
            product,
            products: u32::from(product),
            article,
            collection: false,
            dated: false,
        };
        crate::detect::verdicts_on_html(&MarkupSemantics, html, kinds)
            .into_iter()
            .map(|(text, v)| (text, v.reason.cause))
            .collect()
    }

    #[test]
    fn a_tab_list_is_chrome_but_the_panels_it_wraps_are_not() {
        let body = "<p>The main story of the page runs here, long enough to be the page's \
                    wrapper text, about the river, the bridge and the town around them.</p>"
            .repeat(4);
        let v = verdicts(&format!(
            "<div>{body}<ul role='tablist'><li role='tab'>Overview</li><li role='tab'>Specs</li></ul>\
             <div role='tablist' class='tab-content'><div role='tabpanel' id='pane-overview'>\
             <p>Keeps drinks cold until the last sip.</p></div></div></div>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Overview", "Specs"], "{v:?}");
        assert!(v.iter().all(|(_, cause)| cause.contains("tablist")));
    }

    #[test]
    fn docbook_navigation_bars_are_chrome() {
        let v = verdicts(
            "<div class=navheader><table><tr><td><a href=a.html>Prev</a></td>\
             <td><a href=b.html>Next</a></td></tr></table></div>\
             <div class=chapter><p>An index lets the server find rows without reading the \
             whole table.</p></div>",
        );
        assert!(
            v.iter()
                .any(|(t, c)| t.contains("Prev") && c.contains("navheader")),
            "{v:?}"
        );
        assert!(!v.iter().any(|(t, _)| t.contains("An index")), "{v:?}");
    }

    #[test]
    fn a_banner_role_inside_the_document_is_no_site_banner() {
        let v = verdicts(
            "<div role='banner'><p>Lumen Lamps</p></div>\
             <main><h1>Desk lamp</h1><p>A small lamp with a warm light for reading late.</p>\
             <section><div role='banner'><h2>Made to last</h2>\
             <p>The arm is cast brass and the shade is spun steel.</p></div></section>\
             <article><div role='contentinfo'><p>Assembled by hand in our workshop.</p></div>\
             </article></main>",
        );
        assert!(
            v.iter()
                .any(|(t, c)| t == "Lumen Lamps" && c == "inside role=\"banner\""),
            "{v:?}"
        );
        for kept in ["Made to last", "The arm is cast", "Assembled by hand"] {
            assert!(!v.iter().any(|(t, _)| t.starts_with(kept)), "{v:?}");
        }
    }

    #[test]
    fn a_tablist_that_opens_several_panels_is_an_accordion() {
        let v = verdicts(
            "<main><h1>Course plan</h1><p>Six weeks of lessons on drawing with ink.</p>\
             <div class='panel-group' role='tablist' aria-multiselectable='true'>\
             <div class='panel-heading' role='tab'><h4>Week one</h4></div>\
             <div class='panel-collapse'><p>Lines, hatching and the first still life.</p></div>\
             </div>\
             <ul role='tablist'><li role='tab'>Overview</li><li role='tab'>Reviews</li></ul>\
             </main>",
        );
        assert!(!v.iter().any(|(t, _)| t == "Week one"), "{v:?}");
        assert!(
            !v.iter().any(|(t, _)| t.starts_with("Lines, hatching")),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|(t, c)| t == "Overview" && c == "inside role=\"tablist\""),
            "{v:?}"
        );
    }

    #[test]
    fn a_heading_named_the_header_of_a_part_is_a_heading() {
        let v = verdicts(
            "<div class=site-header><p>Acme Tools</p></div>\
             <h4 class='code-header'>fn open(path: &str) -> File</h4>\
             <p>Opens the file at the path given.</p>",
        );
        assert!(v.iter().any(|(t, _)| t == "Acme Tools"), "{v:?}");
        assert!(!v.iter().any(|(t, _)| t.contains("fn open")), "{v:?}");
    }

    #[test]
    fn the_unseen_fields_of_a_form_are_hidden() {
        let v = verdicts(
            "<p>Tell us about your project and we will get back to you within a day.</p>\
             <div class='gfield gfield--type-honeypot'><label>Phone</label>\
             <div>This field is left empty by people.</div></div>\
             <div class='gfield gfield_visibility_hidden'><label>Campaign</label></div>\
             <div class='gfield gfield_visibility_visible'><label>Your name</label></div>\
             <div class='wpforms-field wpforms-field-hp'><label>Fax</label></div>",
        );
        let hidden: Vec<&str> = v
            .iter()
            .filter(|(_, c)| c == "hidden by its class")
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            hidden,
            [
                "Phone",
                "This field is left empty by people.",
                "Campaign",
                "Fax"
            ]
        );
    }

    #[test]
    fn pay_later_widgets_and_forum_ad_units_are_chrome() {
        let v = verdicts(
            "<p>A sturdy canvas tote with leather handles and an inner zip pocket for keys.</p>\
             <div class='product-afterpay-note'><p>Pay in four parts, no fees.</p></div>\
             <div class='klarna-placement'><p>Split it into three payments.</p></div>\
             <div class='samItem samItemBanner'><p>Earn points on every purchase today.</p></div>",
        );
        for t in [
            "Pay in four parts, no fees.",
            "Split it into three payments.",
            "Earn points on every purchase today.",
        ] {
            assert!(v.iter().any(|(x, _)| x == t), "{t}: {v:?}");
        }
        assert!(!v.iter().any(|(x, _)| x.starts_with("A sturdy")), "{v:?}");
    }

    #[test]
    fn a_consent_notice_is_chrome_even_when_it_holds_most_of_the_text() {
        // A thread of short posts under a long cookie preference panel: the panel holds
        // most of the page's text, but it is not the page's wrapper.
        let panel = "<p>These cookies let us count visits and traffic sources so that we can \
            measure and improve the performance of our site and see how visitors move.</p>"
            .repeat(6);
        let v = verdicts(&format!(
            "<div class='posts'><p>Ready for the show tonight!</p><p>Me too.</p></div>\
             <div id='cmp-consent-sdk'><div class='pc-panel'>{panel}</div></div>"
        ));
        assert_eq!(v.len(), 6, "{v:?}");
        assert!(v
            .iter()
            .all(|(text, cause)| text.starts_with("These cookies")
                && cause.contains("consent notice")));
    }

    #[test]
    fn last_words_of_a_block() {
        assert_eq!(
            last_words("a tent at dusk  Photo: Ann Lee", 3),
            "Photo: Ann Lee"
        );
        assert_eq!(last_words("Ann Lee", 3), "Ann Lee");
        assert_eq!(last_words("", 3), "");
        assert_eq!(
            last_words("né à Paris\u{a0}photo X", 2),
            "Paris\u{a0}photo X"
        );
    }

    #[test]
    fn captions_ending_with_a_credit() {
        for text in [
            "Guests pick their pastries. | Photo by Lisa Jennings",
            "A portrait of the queen in 2004 (Picture credit: Getty)",
            "A tiny house means living efficiently. Picture: Getty",
            "Antonio Guillem/Getty Images",
            "DGLimages via Getty Images",
            "Getty Images / Holger Leue",
            "Shutterstock | Jane Doe",
            "The deal ends soon Credit: Apple",
        ] {
            assert!(ends_with_picture_credit(text), "{text}");
        }
        for text in [
            "Cost per Credit: In-State | $472",
            "Cost per Credit:",
            "Supports Unsplash",
            "Getty Images / Our photo desk picks the best pictures of the year for you",
            "Edit the photo: crop it, then save it to your library",
            "Retouch photos by removing details",
        ] {
            assert!(!ends_with_picture_credit(text), "{text}");
        }
    }

    #[test]
    fn captions_named_by_class_are_chrome() {
        let v = verdicts(
            "<article><p>Body text of the article, long enough to be the document.</p>\
             <div><img src='a.jpg'><div class='photo-caption'>A tent at dusk. \
             <span class='photo-credit'>Credit: Ann Lee</span></div></div>\
             <div class='product-caption'><p>Gear bag, large</p></div>\
             <p class='caption-s'>Model library</p></article>",
        );
        let cause = "a figure caption, not cited by number".to_string();
        assert_eq!(
            v,
            vec![("A tent at dusk. Credit: Ann Lee".to_string(), cause)]
        );
        for name in [
            "photo-caption",
            "article-caption",
            "imgCaption",
            "image_credits",
            "background-credits",
        ] {
            assert!(names_picture_caption(name), "{name}");
        }
        for name in [
            "caption-s",
            "wt-text-caption",
            "product-caption",
            "credit-card",
            "caption",
        ] {
            assert!(!names_picture_caption(name), "{name}");
        }
    }

    #[test]
    fn figure_captions_are_chrome_unless_numbered() {
        let v = verdicts(
            "<article><p>Body text of the article, long enough to be the document.</p>\
             <figure><img src='a.jpg'><figcaption>A quiet harbour at dawn. Photo: Ann Lee</figcaption></figure>\
             <figure><img src='b.png'><figcaption>Figure 2. Throughput per client.</figcaption></figure>\
             <div class='wp-caption'><img src='c.jpg'><p class='wp-caption-text'>The old mill.</p></div>\
             <table><caption>Prices in 2024</caption><tr><td>1</td></tr></table></article>",
        );
        let cause = "a figure caption, not cited by number".to_string();
        assert_eq!(
            v,
            vec![
                (
                    "A quiet harbour at dawn. Photo: Ann Lee".to_string(),
                    cause.clone()
                ),
                ("The old mill.".to_string(), cause)
            ]
        );
        let product = verdicts_on(
            "<main><figure><img src='a.jpg'><figcaption>Oat protein for muscle growth.</figcaption></figure></main>",
            false,
            true,
        );
        assert!(product.is_empty());
    }

    #[test]
    fn the_captions_of_a_gallery_of_picture_links_are_chrome() {
        let v = verdicts(
            "<main><p>Our kites are sewn by hand from recycled sailcloth in a small workshop.</p>\
             <div class='gallery'><a class='lightbox' href='/up/kite-blue-1200.webp?v=2'>\
             <img src='/up/kite-blue-300.webp'><p>Harbour Blue (Nylon)</p></a>\
             <a class='lightbox' href='/up/kite-red-1200.JPG'>\
             <img src='/up/kite-red-300.jpg'><p>Ember Red (Nylon)</p></a></div>\
             <p>See the <a href='/up/seam-chart.png'>seam chart</a> before you order a size.</p>\
             <div><a href='/kites/blue'><p>Harbour Blue kite</p></a></div></main>",
        );
        let cause = "a figure caption, not cited by number".to_string();
        assert_eq!(
            v,
            vec![
                ("Harbour Blue (Nylon)".to_string(), cause.clone()),
                ("Ember Red (Nylon)".to_string(), cause)
            ]
        );
        for href in [
            "a.jpg",
            "/x/y.jpeg#top",
            "b.PNG?w=2",
            "c.webp",
            "d.gif",
            "e.avif",
        ] {
            assert!(links_to_picture(href), "{href}");
        }
        for href in ["/kites/blue", "/guide.pdf", "/jpg/", "https://example.org"] {
            assert!(!links_to_picture(href), "{href}");
        }
    }

    #[test]
    fn numbered_labels_start_with_a_word_and_a_number() {
        for label in [
            "Figure 1. Gas use",
            "Fig. 2: Map",
            "Listing 9-3: Opening a file",
            "图2 结果",
        ] {
            assert!(starts_with_numbered_label(label), "{label}");
        }
        for caption in [
            "Henry Modisett, Head of Design",
            "2024 in review",
            "Photo: Getty Images",
        ] {
            assert!(!starts_with_numbered_label(caption), "{caption}");
        }
    }

    #[test]
    fn content_fragments_hold_no_whitespace() {
        // `judge_element` searches all names at once for them.
        assert!(CONTENT_FRAGMENTS
            .iter()
            .all(|f| !f.is_empty() && !f.contains(char::is_whitespace)));
    }

    #[test]
    fn navigation_and_footer_are_chrome() {
        let v = verdicts(
            "<nav><a>Home</a></nav><article><p>Body text that is long enough.</p></article>\
             <footer>Site footer</footer><p>Some more body text to hold the page.</p>",
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0], ("Home".into(), "inside <nav>".into()));
        assert_eq!(v[1].1, "inside <footer>");
    }

    #[test]
    fn a_side_column_is_chrome_by_its_whole_name_only() {
        let v = verdicts(
            "<div class='side'><p>Read the rules before you post: be civil, stay on topic and \
             cite your sources.</p></div><h1>Tram line vote</h1>\
             <div class='left-side'><p>The council meets on Monday to vote on the new tram \
             line along the river.</p></div><p>The line would run from the station to the \
             harbour in twelve minutes, with a stop at the old market and another at the \
             hospital, and trams every six minutes at the busiest hours of the day.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.starts_with("Read the rules"), "{v:?}");
        assert_eq!(v[0].1, "inside <div> named \"side\"");
    }

    #[test]
    fn a_forums_jump_box_under_a_thread_is_chrome() {
        let v = verdicts(
            "<h1>Pump noise after winter</h1>\
             <div class='post'><p>My pond pump started humming loudly after the frost and \
             the flow dropped by half overnight.</p></div>\
             <div class='action-bar'><div class='jumpbox dropdown-container' id='jumpbox'>\
             <ul class='dropdown-contents'><li><a>Garden ponds</a></li>\
             <li><a>↳ Pumps and filters</a></li></ul></div></div>",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(
            v.iter().all(|(_, cause)| cause.contains("jumpbox")),
            "{v:?}"
        );
    }

    #[test]
    fn a_pager_is_chrome_but_a_list_wrapped_in_a_pagination_name_is_not() {
        let v = verdicts(
            "<h1>Running shirts</h1><div class='pagination_container'>\
             <div class='card'><p>Light mesh tee with flat seams and a drop hem</p></div>\
             <div class='card'><p>Merino long sleeve that keeps warm when wet</p></div></div>\
             <p>All shirts ship within two days from our own warehouse in the valley.</p>\
             <div class='pagination'><a>1</a> <a>2</a> <a>Next</a></div>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, "inside <div> named \"pagination\"");
    }

    #[test]
    fn wordpress_page_links_are_a_pager() {
        for class in ["post-nav-links", "page-links"] {
            let v = verdicts(&format!(
                "<article><h1>Ten walks by the river</h1><div class='entry-content'>\
                 <p>The first walk starts at the old mill and follows the bank for an hour \
                 past the locks and the willow meadows.</p>\
                 <p class='{class}'>Pages: <span>1</span> <a href='/2/'>2</a> \
                 <a href='/3/'>3</a></p></div></article>"
            ));
            assert_eq!(v.len(), 1, "{class}: {v:?}");
            assert!(v[0].1.contains(class), "{v:?}");
        }
    }

    #[test]
    fn a_date_is_chrome_but_a_section_named_date_is_not() {
        let v = verdicts(
            "<h1>Plans</h1><p class='post-date'>May 4, 2024</p>\
             <div class='date-item'><h2>Family plan</h2><p>$8.99 a month</p>\
             <ul><li>Credit alerts for five adults</li><li>Dark web monitoring</li>\
             <li>One million dollars of insurance</li><li>Support by phone</li></ul></div>\
             <p>All plans renew once a year at the price shown on this page.</p>\
             <p>Our agents answer the phone at any hour of the day and on every holiday.</p>\
             <p>We have kept the names and numbers of our members safe for twenty years.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "May 4, 2024");
    }

    #[test]
    fn the_words_around_a_drop_down_list_are_chrome() {
        let v = verdicts(
            "<h1>Garden kneelers</h1><p>Kneelers and back savers for long days in the beds, \
             padded and light enough to carry from row to row.</p>\
             <div class='field limiter'><label><span>Show</span></label>\
             <div class='control'><select><option>24</option></select></div>\
             <span>per page</span></div>\
             <div class='sorter'><span>Sort by</span><select><option>Price</option></select></div>",
        );
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(
            v.iter()
                .all(|(_, c)| c.ends_with("around a drop-down list")),
            "{v:?}"
        );
    }

    #[test]
    fn a_trail_named_crumbs_is_chrome() {
        let v = verdicts(
            "<ul class='crumbs'><li><a href='/'>Index</a></li><li><a href='/f/2'>Boats</a></li>\
             </ul><div class='post'><p>The hull was sanded and painted over two weekends.</p></div>",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|(_, c)| c.contains("\"crumbs\"")), "{v:?}");
    }

    #[test]
    fn holds_finds_a_word_as_contains_does() {
        for (name, word) in [
            ("comment-list", "comment"),
            ("list-comments", "comment"),
            ("comment", "comment"),
            ("commen", "comment"),
            ("", "gdpr"),
            ("xgdpr", "gdpr"),
            ("reviews", "eview"),
            ("abc", ""),
        ] {
            assert_eq!(holds(name, word), name.contains(word), "{name} / {word}");
        }
    }

    #[test]
    fn words_that_hold_a_fragment_by_accident_are_not_chrome() {
        assert!(!names_chrome_fragment("blogindex"));
        assert!(!names_chrome_fragment("trails-list"));
        assert!(!names_chrome_fragment("selectable"));
        assert!(names_chrome_fragment("login-form"));
        assert!(names_chrome_fragment("rightrail"));
        assert!(names_chrome_fragment("hero-cta"));
        assert!(!names_chrome_fragment("facets-vertical"));
        assert!(names_chrome_fragment("facets-vertical-form"));
        let v = verdicts(
            "<div class='blogindex'><p>Allocating on the stack, by the runtime team.</p></div>\
             <div class='login-box'><p>Sign in to your account</p></div>\
             <p>Some more body text to hold the page.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Sign in to your account");
    }

    #[test]
    fn a_footer_holding_most_of_the_page_is_still_chrome() {
        // A page whose listing a script fills in: the footer's link columns are most of
        // the markup's text, and they are still the footer.
        let v = verdicts(
            "<div><h1>Desks</h1><div>Loading</div></div><footer><div>About the company \
             and its many stores across the country</div><div>Shipping policy, returns, \
             warranty and the help centre</div></footer>",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(
            v.iter().all(|(_, cause)| cause == "inside <footer>"),
            "{v:?}"
        );
    }

    #[test]
    fn rich_text_editor_output_is_not_chrome_by_a_widget_name() {
        let v = verdicts(
            "<div class='widget editor pageStyles'><ul><li>Carports, decks, sheds and porches</li></ul></div>\
             <div class='widget'>Recent posts</div><p>Other text filler here.</p>",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "Recent posts");
        assert!(names_editor_output("fr-view"));
        assert!(names_editor_output("rich-editor"));
        assert!(!names_editor_output("editorial-picks"));
        assert!(!names_editor_output("editors"));
    }

    #[test]
    fn a_tab_set_widget_holds_the_page_text() {
        let v = verdicts(
            "<div class='widget widgetTabbed wide'><div class='tabbedWidget cpTabPanel'>\
             <ul><li>Fences over four feet</li></ul></div></div>\
             <div class='widget widgetSpacer'>Recent posts</div><p>Other text filler here.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Recent posts");
        assert!(names_tab_set_widget("tabbedwidgetnarrow"));
        assert!(!names_tab_set_widget("widget"));
        assert!(!names_tab_set_widget("tabbed"));
    }

    #[test]
    fn class_names_mark_share_bars_but_not_content_wrappers() {
        let v = verdicts(
            "<div class='entry-content has-sidebar'><p>Body paragraph one is here.</p>\
             <div class='share-buttons'>Share on Facebook</div></div><p>Other text filler here.</p>",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "Share on Facebook");
        assert!(v[0].1.contains("share-buttons"));
    }

    #[test]
    fn article_header_is_not_chrome() {
        let v = verdicts(
            "<header>Site</header><article><header><h1>Title</h1></header><p>Text body here.</p></article>",
        );
        assert_eq!(v, [("Site".to_string(), "inside <header>".to_string())]);
    }

    #[test]
    fn a_header_with_a_menu_inside_main_is_the_sites_and_one_with_the_title_is_not() {
        // An app that wraps the whole page in <main>: its header holds the menu, the
        // account links and the shop's motto.
        let v = verdicts(
            "<main><header><p>Gear for every trail since 1990</p><p>My basket</p>\
             <nav><a href='/tents'>Tents</a> <a href='/packs'>Packs</a></nav></header>\
             <h1>Ridge tent</h1><p>A two-person tent for three seasons.</p></main>",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&"Gear for every trail since 1990"), "{v:?}");
        assert!(texts.contains(&"My basket"), "{v:?}");
        assert!(!texts.contains(&"Ridge tent"), "{v:?}");
        // An article's header with its trail and its title is the article's.
        let v = verdicts(
            "<article><header><nav><a href='/news'>News</a></nav><h1>Bridge reopens</h1>\
             <p>By Ann Lee</p></header><p>The bridge reopened on Monday after repairs.</p>\
             </article>",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert!(!texts.contains(&"Bridge reopens"), "{v:?}");
        assert!(!texts.contains(&"By Ann Lee"), "{v:?}");
    }

    #[test]
    fn taxonomy_classes_of_a_post_are_not_chrome() {
        let v = verdicts(
            "<ul><li class='product type-product product_tag-cups product_cat-mugs'>\
             <h2>Enamel cup, twelve ounces</h2></li></ul>\
             <div class='tag-cloud'>News Sport</div><p>Other text filler here.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "News Sport");
    }

    #[test]
    fn a_class_that_names_a_state_is_not_a_widget() {
        let v = verdicts(
            "<div class='card'><div class='price subscription-eligible'>$19.99</div></div>\
             <div class='subscription-form'>Get our emails</div><p>Other text filler.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Get our emails");
    }

    #[test]
    fn the_header_of_a_category_is_the_listings_own_text() {
        let v = verdicts(
            "<div class='top-header'>Free returns on every order</div>\
             <h1>Chess sets</h1><section class='category-header'>\
             <p>Wooden sets for the club and the home, weighted and felted.</p></section>\
             <div id='js-product-list-header'><p>Every set ships with spare queens.</p></div>\
             <ul><li>Club set, walnut and maple, with a folding board</li>\
             <li>Travel set, magnetic, with a case</li></ul>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Free returns on every order");
    }

    #[test]
    fn layout_cells_named_widget_and_off_canvas_rows_are_not_chrome() {
        let v = verdicts(
            "<div class='row-offcanvas row-offcanvas-left'><div class='col-main'>\
             <p>Clinic hours are longer in the winter months this year.</p></div>\
             <div class='span12 widget-span widget-type-cell dnd-column'>\
             <p>Our teams plan each rollout with the people who run it.</p></div>\
             <section id='widget_1712345678901' class='faq-section'>\
             <p>Questions about billing go to the office on the first floor.</p></section>\
             <div class='widget'><p>Latest posts from the blog</p></div></div>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Latest posts from the blog");
    }

    #[test]
    fn illustrations_drawn_with_markup_are_beside_the_document() {
        let v = verdicts(
            "<section class='hero'><h1>Plan every launch</h1>\
             <div class='HeroSection_illustration__a1B2c'><p>Sprint board</p>\
             <p>Fix the login bug before Friday, please.</p></div></section>\
             <div class='featureCard__graphic'><p>Total due today</p></div>\
             <div class='CheckoutHeroAnimation'><p>Card number</p></div>\
             <div class='graphic-list'><p>Charts for every team we serve.</p></div>\
             <div class='fade-animation'><p>Reports arrive every morning.</p></div>\
             <div class='national-geographic'><p>Photos from the field trip.</p></div>\
             <section class='intro-graphic'><h1>Second title here</h1><p>Lead text.</p></section>\
             <p>Our planning tool keeps the whole team on one schedule.</p>",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Sprint board",
                "Fix the login bug before Friday, please.",
                "Total due today",
                "Card number"
            ],
            "{v:?}"
        );
        assert!(v[0].1.contains("an illustration"), "{v:?}");
    }

    #[test]
    fn builder_wrappers_and_partial_hiding_are_not_chrome() {
        let v = verdicts(
            "<div class='elementor-widget-container'><p>Service text one.</p></div>\
             <div class='overflow-hidden'><p>Service text two.</p></div>\
             <div class='hidden md:block'><p>Service text three.</p></div>\
             <div class='hide-mobile'><p>Service text four.</p></div>\
             <div class='hidden-900'><p>Service text five.</p></div>\
             <div class='hide-scrollbar'><p>Service text six.</p></div>\
             <div class='hide-child-opacity'><p>Service text seven.</p></div>\
             <div class='no-js-hidden'><p>Service text eight.</p></div>\
             <div class='ssr-variant hidden-bnz77l'><p>Service text nine.</p></div>\
             <div class='is-hidden'><p>Gone one.</p></div>\
             <div class='hidden'><p>Gone two.</p></div><p>Other text filler here.</p>",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Gone one.", "Gone two."], "{v:?}");
    }

    #[test]
    fn hidden_on_phones_only_is_weak_evidence() {
        let v = verdicts(
            "<div class='d-none d-md-block'><p>Wide screen text.</p></div>\
             <div class='d-none d-lg-flex'><p>Desktop text.</p></div>\
             <div class='d-none'><p>Gone text.</p></div>\
             <div class='d-none d-print-block'><p>Printed text.</p></div><p>Other text filler here.</p>",
        );
        let cause = |text: &str| {
            v.iter()
                .find(|(t, _)| t == text)
                .map(|(_, c)| c.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            cause("Wide screen text."),
            "hidden by its class on small screens"
        );
        assert_eq!(
            cause("Desktop text."),
            "hidden by its class on small screens"
        );
        assert_eq!(cause("Gone text."), "hidden by its class");
        assert_eq!(cause("Printed text."), "hidden by its class");
    }

    #[test]
    fn blind_text_is_for_screen_readers_only() {
        let v = verdicts(
            "<div class='video'><p class='blind'>A woman walks her dog by the lake at dusk \
             while the phone films her.</p></div>\
             <p class='blind-spot'>Blind spot monitoring keeps watch.</p>\
             <p>Other text filler here.</p>",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.starts_with("A woman walks"), "{v:?}");
        assert_eq!(v[0].1, "hidden by its class");
    }

    #[test]
    fn hidden_answer_after_its_button_is_a_panel() {
        let v = verdicts(
            "<div class='faq-item'><button type='button'>Can I import my books?</button>\
             <div class='hidden'><p>Yes, upload the export of your old software.</p></div></div>\
             <div class='hidden'><p>Gone.</p></div><p>Other text filler here.</p>",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Gone."], "{v:?}");
    }

    const ARTICLE_BODY: &str =
        "<p>The council met on Tuesday evening to vote on the new tram line, \
        which has been debated for three years by residents and traders alike.</p>\
        <p>Most members backed the plan after the engineers showed how the route would avoid \
        the market square and keep the old bridge open to cyclists during the works.</p>\
        <p>The first trams are expected to run in the spring of the year after next, if the \
        contracts are signed before the end of this summer as the council hopes.</p>";

    const COMMENTS: &str = "<div id='comments' class='entry-comments'><ol class='comment-list'>\
        <li class='comment'><div class='comment-content'><p>I live on that street and I \
        think the tram will be a good thing for all of us who work in town.</p></div></li>\
        <li class='comment'><div class='comment-content'><p>The works will be noisy, but \
        the bridge staying open for bikes is what matters most to me and my family.</p>\
        </div></li></ol></div>";

    #[test]
    fn comment_sections_under_an_article_are_chrome() {
        // Over 150 words of the article's own prose: the page has a document of its own.
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}{ARTICLE_BODY}{COMMENTS}</article>"
        ));
        let causes: Vec<&str> = v.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(
            causes,
            [
                "inside the comment section \"comments\"",
                "inside the comment section \"comments\""
            ],
            "{v:?}"
        );
    }

    #[test]
    fn the_thread_of_a_discussion_page_is_not_chrome() {
        // Declared a forum topic: the comment section that holds the posts is the thread.
        let v = verdicts_on(&format!("<h1>Tram line vote</h1>{COMMENTS}"), true, false);
        assert!(
            v.iter().all(|(_, c)| !c.contains("comment section")),
            "{v:?}"
        );
        // Undeclared, with no prose outside it, it is the page's text too.
        let v = verdicts(&format!("<h1>Tram line vote</h1>{COMMENTS}"));
        assert!(
            v.iter().all(|(_, c)| !c.contains("comment section")),
            "{v:?}"
        );
    }

    #[test]
    fn comments_under_a_short_story_are_a_thread_unless_it_is_declared_an_article() {
        // A story's summary of some 170 words and comments holding more than twice as many:
        // a link-sharing site's thread, whose comments are its document, names and all.
        let page = format!(
            "<div class='story'>{ARTICLE_BODY}{ARTICLE_BODY}</div>{}",
            COMMENTS.repeat(10)
        );
        let v = verdicts(&page);
        assert!(v.iter().all(|(_, c)| !c.contains("comment")), "{v:?}");
        // Declared an article, the same comments are beside the document.
        let v = verdicts_of_page(&page, false, false, true);
        assert!(
            v.iter().any(|(_, c)| c.contains("comment section")),
            "{v:?}"
        );
        // Comments that do not outweigh the story are beside it too.
        let page = format!(
            "<div class='story'>{ARTICLE_BODY}{ARTICLE_BODY}</div>{}",
            COMMENTS.repeat(3)
        );
        let v = verdicts(&page);
        assert!(
            v.iter().any(|(_, c)| c.contains("comment section")),
            "{v:?}"
        );
        // Named as a forum topic's replies, the comments are the thread even on a page
        // declared an article.
        let page = format!(
            "<div class='story'>{ARTICLE_BODY}{ARTICLE_BODY}</div>{}",
            COMMENTS
                .replace("class='entry-comments'", "class='DiscussionBoard'")
                .repeat(10)
        );
        let v = verdicts_of_page(&page, false, false, true);
        assert!(v.iter().all(|(_, c)| !c.contains("comment")), "{v:?}");
        assert!(is_thread(100, 0, true));
        assert!(!is_thread(299, 500, true));
        assert!(is_thread(299, 598, false));
        assert!(!is_thread(300, 5000, false));
    }

    #[test]
    fn posts_named_comments_on_a_discussion_page_are_not_chrome_by_name() {
        let posts = "<div id='posts'>\
             <article class='postComment'><div class='comment-inner'><p>I am walking the high \
             route in June and wonder whether a single wall tent copes with the wind.</p></div>\
             </article><article class='postComment'><div class='comment-inner'><p>Mine held up \
             well above the lakes, but I pitched it behind rocks every evening.</p></div>\
             </article></div>";
        // Posts under a long first post, so that they do not hold most of the page.
        let page = format!("<article>{ARTICLE_BODY}</article>{posts}");
        let v = verdicts_on(&page, true, false);
        assert!(v.iter().all(|(_, c)| !c.contains("comment")), "{v:?}");
        // Under an article the same names are chrome.
        let v = verdicts_on(&page, false, false);
        assert!(v.iter().any(|(_, c)| c.contains("comment")), "{v:?}");
    }

    #[test]
    fn a_members_signature_is_chrome() {
        let v = verdicts_on(
            "<h1>Which tent for the Pyrenees?</h1><article><p>Mine held up well above the \
             lakes, but I pitched it behind rocks every evening.</p>\
             <div class='post__signature'><p>Walking the long trails since the spring of the \
             year the old bridge fell.</p></div></article>",
            true,
            false,
        );
        assert!(
            v.iter()
                .any(|(t, c)| t.starts_with("Walking") && c.contains("signature")),
            "{v:?}"
        );
        assert!(!names_signature("fa-file-signature"));
        assert!(names_signature("signaturecontainer"));
    }

    #[test]
    fn a_nodebb_signature_component_is_chrome() {
        let v = verdicts_on(
            "<h1>Which tent for the Pyrenees?</h1><div component='post/content'><p>Mine held \
             up well above the lakes, but I pitched it behind rocks every evening.</p></div>\
             <div component='post/signature' class='text-xs mt-2'><p>Walking the long trails \
             since the spring of the year the old bridge fell.</p></div>",
            true,
            false,
        );
        assert!(
            v.iter()
                .any(|(t, c)| t.starts_with("Walking") && c.contains("signature")),
            "{v:?}"
        );
        assert!(v.iter().all(|(t, _)| !t.starts_with("Mine")), "{v:?}");
    }

    #[test]
    fn a_sections_settings_table_is_chrome() {
        let v = verdicts(
            "<main><div><div class='section-metadata'><div><div>Style</div>\
             <div>two-column</div></div></div><h1>Otter tours</h1><p>Walk the river banks \
             with our guides and watch the otters at dusk from the hides.</p></div></main>",
        );
        assert!(
            v.iter()
                .any(|(t, c)| t == "two-column" && c.contains("section's settings")),
            "{v:?}"
        );
        assert!(v.iter().all(|(t, _)| !t.starts_with("Walk")), "{v:?}");
    }

    #[test]
    fn a_widget_waiting_for_its_entrance_animation_is_seen() {
        let page = format!(
            "<h1>Otter tours</h1>{ARTICLE_BODY}<div class='elementor-widget \
             elementor-invisible'><p>Walk the river banks with our guides and watch the \
             otters at dusk from the hides along the water.</p></div>"
        );
        let v = verdicts(&page);
        assert!(v.iter().all(|(t, _)| !t.starts_with("Walk")), "{v:?}");
    }

    #[test]
    fn a_comments_field_of_a_listing_entry_is_no_comment_section() {
        let entry = |n: usize| {
            format!(
                "<dt>[{n}] Paper {n}</dt><dd><div class='list-title'>Title: Counting otters \
                 in the river valley with drones, part {n}</div><div class='list-comments'>\
                 Comments: 12 pages, 4 figures, accepted at the spring workshop on river \
                 wildlife and the counting of otters</div></dd>"
            )
        };
        let page = format!(
            "<h1>Recent papers</h1>{ARTICLE_BODY}{ARTICLE_BODY}<dl>{}</dl>",
            (0..4).map(entry).collect::<String>()
        );
        let v = verdicts(&page);
        assert!(
            v.iter().all(|(_, c)| !c.contains("comment section")),
            "{v:?}"
        );
        assert!(opens_with_comments_label("Comments: 12 pages"));
        assert!(!opens_with_comments_label("Commentators agree"));
    }

    #[test]
    fn a_boards_notice_is_chrome_on_a_thread() {
        let page = "<ul class='notices notices--block'><li class='notice'><div>Our summer \
                    meetup by the lake is on the second Saturday, bring your own chair and \
                    something to share.</div></li></ul><h1>Which tent for the Pyrenees?</h1>\
                    <article><p>Mine held up well above the lakes, but I pitched it behind \
                    rocks every evening.</p><div class='notice'>Last edited by ana_r on 3 \
                    May, edited 2 times in total.</div></article>";
        let v = verdicts_on(page, true, false);
        for start in ["Our summer", "Last edited"] {
            assert!(
                v.iter()
                    .any(|(t, c)| t.starts_with(start) && c.contains("a notice of the board")),
                "{start}: {v:?}"
            );
        }
        // Elsewhere (a manual's `notice` box) the name alone says less.
        let v = verdicts_on(page, false, false);
        assert!(v.iter().all(|(_, c)| !c.contains("board")), "{v:?}");
        assert!(!names_board_notice("woocommerce-notice"));
    }

    #[test]
    fn the_facts_of_a_posters_profile_are_chrome_linked_or_not() {
        let page = "<h1>Which tent for the Pyrenees?</h1><article>\
             <dl><dt><a href='/u/ana'>ana_r</a></dt>\
             <dd>Joined</dd><dd>Jun 2016</dd>\
             <dd>Location</dd><dd><a href='/members?town=Tarbes'>Tarbes</a></dd>\
             <dd>Camera: two old film bodies</dd></dl>\
             <p>Mine held up well above the lakes, but I pitched it behind rocks every \
             evening.</p></article>";
        let v = verdicts_on(page, true, false);
        let fact = |text: &str| {
            v.iter()
                .any(|(t, c)| t == text && c.contains("a fact of a poster's profile"))
        };
        // A value linked to a search of the members (a town) is a fact as a plain one is,
        // and so is a custom field of a few words.
        for text in ["Jun 2016", "Tarbes", "Camera: two old film bodies"] {
            assert!(fact(text), "{text}: {v:?}");
        }
        // The poster's linked name, a term, stays.
        assert!(!fact("ana_r"), "{v:?}");
    }

    #[test]
    fn a_posters_rank_is_chrome() {
        let v = verdicts_on(
            "<h1>Which tent for the Pyrenees?</h1><article><h4><a href='/u/ana'>ana_r</a></h4>\
             <h5 class='userTitle message-userTitle'>Walks the long trails</h5>\
             <p>Mine held up well above the lakes, but I pitched it behind rocks every \
             evening.</p></article>",
            true,
            false,
        );
        assert!(
            v.iter()
                .any(|(t, c)| t.starts_with("Walks") && c.contains("a poster's rank")),
            "{v:?}"
        );
        for name in [
            "usertitle",
            "userBanner",
            "profile-rank",
            "postgroup",
            "user-rank",
        ] {
            assert!(names_poster_rank(name), "{name}");
        }
        // A board member's job title, a section's title, a missing rank are no ranks.
        for name in [
            "board-member__title",
            "section-title",
            "no-profile-rank",
            "usergroups",
        ] {
            assert!(!names_poster_rank(name), "{name}");
        }
    }

    #[test]
    fn posters_ranks_beside_several_posts_make_a_thread() {
        let post = "<article class='message'><h4>jo</h4><h5 class='userTitle message-userTitle'>\
                    Member</h5><p>Reply text.</p></article>";
        assert!(marks_posts(&crate::dom::Dom::parse(&post.repeat(2))));
        assert!(!marks_posts(&crate::dom::Dom::parse(post)));
        assert!(!marks_posts(&crate::dom::Dom::parse(
            "<h2 class='section-title'>A</h2><h2 class='section-title'>B</h2>"
        )));
    }

    #[test]
    fn posts_that_name_their_authors_make_a_thread() {
        let post = "<li class='message' data-author='jo'><p>Reply text.</p></li>";
        let thread = format!("<ol>{}</ol>", post.repeat(2));
        assert!(marks_posts(
            &crate::dom::Dom::parse_document(&thread, None).unwrap()
        ));
        assert!(!marks_posts(
            &crate::dom::Dom::parse_document(post, None).unwrap()
        ));
        assert!(!marks_posts(&crate::dom::Dom::parse(
            "<li data-author=' '>A</li><li data-author=''>B</li>"
        )));
    }

    #[test]
    fn a_popover_is_chrome() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}</article><div popover id='notify'><h4>Allow \
             notifications</h4><p>Open the settings of your browser, find this site in the \
             list and choose whether it may send you notifications.</p></div>"
        ));
        assert!(
            v.iter()
                .any(|(t, c)| t.starts_with("Open the settings") && c.contains("popover")),
            "{v:?}"
        );
    }

    #[test]
    fn a_small_form_to_fill_in_is_chrome_but_a_form_of_hidden_inputs_is_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}{ARTICLE_BODY}<form><h4>Talk to our experts</h4>\
             <label>Your email</label><input type='email'></form>\
             <form><input type='hidden' name='id'><p>A reply printed inside a form that only \
             carries its id.</p></form></article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Talk to our experts", "Your email"], "{v:?}");
        assert!(v.iter().all(|(_, c)| c.contains("small <form>")), "{v:?}");
    }

    #[test]
    fn a_group_of_radio_buttons_is_a_picker_but_a_fieldset_of_prose_is_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<fieldset><legend>Shade: <span>Moss</span></legend>\
             <input type='radio' name='shade' id='s1'><label for='s1'>Moss</label>\
             <input type='radio' name='shade' id='s2'><label for='s2'>Clay</label></fieldset>\
             <fieldset><legend>How the kiln is loaded</legend><p>The shelves go in first, then \
             the tallest pots, and the small cups fill the gaps between them before firing \
             starts in the evening and runs through the night until the cones bend over in the \
             morning light, when the door stays shut for another whole day.</p>\
             <input type='radio' name='a'><input type='radio' name='a'></fieldset></article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Shade: Moss", "MossClay"], "{v:?}");
        assert!(v.iter().all(|(_, c)| c.contains("radio buttons")), "{v:?}");
    }

    #[test]
    fn the_header_of_a_product_or_its_details_is_no_page_header() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='item-details-tab-header'><p>Listing number: \
             4471902</p></div><div class='product-header'><p>Glazed stoneware jug, 1.2 l</p>\
             </div><div class='site-header'><p>Free pottery classes every Friday</p></div>\
             </article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Free pottery classes every Friday"], "{v:?}");
        assert!(names_a_parts_header("tech-specs__header"));
        assert!(!names_a_parts_header("page-header"));
        assert!(!names_a_parts_header("product-header-bar"));
    }

    #[test]
    fn a_conditional_branch_of_a_template_is_chrome() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div v-if='signedUp'><h3>All set</h3><p>We will write to \
             you when the new glazes arrive.</p></div><p v-else>Something went wrong, try \
             again.</p></article>"
        ));
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(v.iter().all(|(_, c)| c.contains("template")), "{v:?}");
    }

    #[test]
    fn comment_links_and_counters_are_not_sections() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='comments-link'><p>There are twelve comments \
             on this story from readers in the town and nearby villages.</p></div></article>"
        ));
        assert!(
            v.iter().all(|(_, c)| !c.contains("comment section")),
            "{v:?}"
        );
    }

    #[test]
    fn author_boxes_are_chrome_even_when_named_content() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='author-bio-content'><p>Mara writes about \
             transport and city planning and has covered the council for ten years.</p></div>\
             <div class='research-card_authors'><p>Mara Lind and Tom Reyes</p></div></article>"
        ));
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].1.contains("an author box"), "{v:?}");
    }

    #[test]
    fn tooltips_and_popovers_are_chrome_but_tables_that_show_tooltips_are_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='tooltip'>Price per kilogram, tax included.</div>\
             <div class='wt-popover'><p>Buyers pay for return shipping.</p></div>\
             <table class='js-dataTooltip'><tr><td>A row of the list.</td></tr></table></article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Price per kilogram, tax included.",
                "Buyers pay for return shipping."
            ],
            "{v:?}"
        );
    }

    #[test]
    fn an_element_with_the_tooltip_role_is_chrome() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<p>Ships in two days.</p><button>?</button>\
             <div role='tooltip' id='tip-1'><p>Orders placed before noon leave the \
             warehouse on the same day, and the carrier delivers them within two days.</p>\
             </div></article>"
        ));
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.starts_with("Orders placed"), "{v:?}");
        assert_eq!(v[0].1, "inside role=\"tooltip\"");
    }

    #[test]
    fn a_tooltip_spelled_as_two_words_is_an_overlay() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<table><tr><td>Impedance<tool-tip class='tool-tip'>\
             <div class='tool-tip__content'><p>Impedance is the resistance a pair of \
             headphones offers to the signal, measured in ohms: the higher it is, the more \
             power it needs.</p></div></tool-tip></td><td>32 ohm</td></tr></table></article>"
        ));
        assert!(
            v.iter()
                .any(|(t, c)| t.starts_with("Impedance is") && c.contains("tooltip__content")),
            "{v:?}"
        );
        assert!(!v.iter().any(|(t, _)| t == "32 ohm"), "{v:?}");
    }

    #[test]
    fn the_content_part_of_an_overlay_is_chrome_but_a_content_class_beside_it_is_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='tooltip-content'>Price per kilogram.</div>\
             <div class='popover-body'><p>Buyers pay for return shipping.</p></div>\
             <div class='tooltip-trigger-content'>What is this?</div>\
             <div class='modal-link entry-content'>See the size chart.</div></article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Price per kilogram.", "Buyers pay for return shipping."],
            "{v:?}"
        );
    }

    #[test]
    fn elements_pinned_by_the_fixed_utility_class_are_chrome() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='fixed inset-0 z-50'><p>Get ten percent off \
             your first order today.</p></div>\
             <table class='table-fixed'><tr><td>A row of the data table.</td></tr></table></article>"
        ));
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, "inside <div> named \"fixed\"", "{v:?}");
    }

    #[test]
    fn republication_boxes_are_chrome_even_when_named_content() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='below-content republication_tracker_tool'>\
             <p>You may reprint our stories for free, online or in print, under our licence \
             terms.</p></div><div class='republish-content-container'><p>Copy the text \
             below with its credit line.</p></div></article>"
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(
            v.iter().all(|(_, c)| c.contains("a republication box")),
            "{v:?}"
        );
    }

    #[test]
    fn author_box_plugins_and_contributor_bios_are_chrome() {
        for name in [
            "saboxplugin-wrap",
            "abh_box abh_box_down",
            "contributor-bio",
        ] {
            let v = verdicts(&format!(
                "<article>{ARTICLE_BODY}<div class='{name}'><p>Mara writes about transport \
                 and city planning and has covered the council for ten years.</p></div></article>"
            ));
            assert_eq!(v.len(), 1, "{name}: {v:?}");
            assert!(v[0].1.contains("an author box"), "{name}: {v:?}");
        }
        assert!(!names_author_box("abh_tabs"));
        assert!(!names_author_box("contributors"));
    }

    #[test]
    fn author_sections_and_promos_are_author_boxes() {
        for name in ["author-section", "author-promo clearfix", "authorSection"] {
            let v = verdicts(&format!(
                "<article>{ARTICLE_BODY}<div class='{name}'><p>Tomas builds boats in a small \
                 shed by the harbour and teaches joinery to anyone who asks.</p></div></article>"
            ));
            assert_eq!(v.len(), 1, "{name}: {v:?}");
            assert!(v[0].1.contains("an author box"), "{name}: {v:?}");
        }
        assert!(!names_author_box("author-name"));
    }

    #[test]
    fn customer_reviews_are_chrome_unless_the_page_is_an_article_or_thread() {
        let page = "<h1>Enamel camp mug</h1><div class='product-description'><p>A twelve \
            ounce mug of enamelled steel with a rolled rim, light enough for a pack and \
            tough enough for a fire.</p></div><section id='reviews' class='product-reviews'>\
            <div class='review'><p>I have taken this mug on every trip this year and the \
            enamel has not chipped once, even after a fall on the rocks.</p></div></section>";
        let v = verdicts_on(page, false, true);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].1.contains("customer reviews"), "{v:?}");
        // So they are on a page that declares nothing (many shops declare no product).
        let v = verdicts_on(page, false, false);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].1.contains("customer reviews"), "{v:?}");
        // On a declared article (a review of the product) or thread they stay.
        for (discussion, article) in [(false, true), (true, false)] {
            let v = verdicts_of_page(page, discussion, false, article);
            assert!(
                v.iter().all(|(_, c)| !c.contains("customer reviews")),
                "{v:?}"
            );
        }
    }

    #[test]
    fn overlays_named_popover_or_tooltip_remove_their_prose() {
        let html = "<html><body><main><h1>Stoneware mug</h1><p>A hand-thrown mug of \
            speckled stoneware, glazed inside and out, that holds twelve ounces of coffee and \
            keeps it warm through a slow morning.</p><p>Each mug is fired twice in a wood kiln, \
            so the glaze pools and runs a little differently on every piece we make.</p>\
            <div class='wt-popover'><p>Your order should arrive by this date if you buy today, \
            as we look at the carrier's transit times and the seller's processing time.</p>\
            </div></main></body></html>";
        let text = crate::clean_html(html);
        assert!(text.contains("fired twice"), "{text}");
        assert!(!text.contains("should arrive"), "{text}");
    }

    #[test]
    fn a_section_noun_written_on_to_comment_names_a_comment_section() {
        for name in ["commentarea", "commentlist", "comment-area", "comments"] {
            assert!(section_named(name) == Some(UserSection::Comments), "{name}");
        }
        // A plural with a letter more is no noun (`commentswrap` stays unread).
        for name in ["commentswrap", "commentary", "commenter"] {
            assert!(section_named(name).is_none(), "{name}");
        }
    }

    #[test]
    fn review_sections_named_in_camel_case_but_not_editorial_reviews() {
        let page = |name: &str| {
            format!(
                "<h1>Field notebook</h1><div class='product-description'><p>Ninety-six \
                 pages of waterproof paper in a stitched cover that fits a back pocket.</p>\
                 </div><div id='{name}'><div><p>I have carried this notebook through two \
                 wet seasons and the pages still take pencil in the rain.</p></div></div>"
            )
        };
        for name in ["customerReviews", "reviewsMedley"] {
            let v = verdicts_on(&page(name), false, false);
            assert!(
                v.iter().any(|(_, c)| c.contains("customer reviews")),
                "{name}: {v:?}"
            );
        }
        // The publisher's quotes of the press are the product's text; a count is no section.
        for name in ["editorialReviews", "editorial-reviews", "reviewCount"] {
            let v = verdicts_on(&page(name), false, false);
            assert!(
                v.iter().all(|(_, c)| !c.contains("customer reviews")),
                "{name}: {v:?}"
            );
        }
        assert_eq!(lowercased_words("customerReviews"), "customer-reviews");
        assert_eq!(lowercased_words("FAQList"), "faqlist");
        assert_eq!(lowercased_words("reviews"), "reviews");
    }

    #[test]
    fn consent_notices_are_chrome_but_a_section_about_cookies_is_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}</article><div id='site-consent-sdk'><p>We and our \
             partners store and read information on your device to measure visits and \
             show offers that suit you.</p></div><section class='cookie-banner'><p>Choose \
             which purposes you allow.</p></section><section id='cookies'><p>A handler \
             can set a cookie on the response before it is sent.</p></section>"
        ));
        let consent: Vec<&str> = v
            .iter()
            .filter(|(_, c)| c.contains("a consent notice"))
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(consent.len(), 2, "{v:?}");
        assert!(consent.iter().all(|t| !t.contains("handler")), "{v:?}");
    }

    #[test]
    fn a_post_embedded_from_a_social_network_is_chrome_and_a_quote_is_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<blockquote class='twitter-tweet'><p lang='en'>The new \
             bridge opens to walkers and cyclists on Saturday morning, at last.</p>&mdash; City \
             Desk (@citydesk) <a href='https://x.example/s/1'>May 2, 2025</a></blockquote>\
             <blockquote><p>The bridge was the best thing the council did in a decade, said the \
             mayor at the opening.</p></blockquote></article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The new bridge opens to walkers and cyclists on Saturday morning, at last.",
                "— City Desk (@citydesk) May 2, 2025"
            ],
            "{v:?}"
        );
        assert!(
            v.iter().all(|(_, c)| c.contains("embedded social post")),
            "{v:?}"
        );
    }

    #[test]
    fn an_element_left_out_of_print_is_beside_the_document_except_on_a_thread() {
        let html = format!(
            "<article>{ARTICLE_BODY}<div class='d-print-none player'><p>Welcome back to the \
             show. Today we talk about the river, the bridge and the town around them.</p>\
             </div></article>"
        );
        let v = verdicts(&html);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].1, "inside <div> named \"d-print-none\" (left out of print)",
            "{v:?}"
        );
        // Tailwind's print variant says the same.
        let tailwind = html.replace("d-print-none", "relative md:block print:hidden");
        let v = verdicts(&tailwind);
        assert_eq!(
            v[0].1, "inside <div> named \"print:hidden\" (left out of print)",
            "{v:?}"
        );
        // On a thread the replies are the document, whatever the site prints.
        let v = verdicts_on(&html, true, false);
        assert!(
            !v.iter().any(|(_, c)| c.contains("left out of print")),
            "{v:?}"
        );
    }

    #[test]
    fn disclaimers_are_small_print_but_disclosure_panels_are_not() {
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<div class='disclaimer-affiliate'><p>We may earn a \
             commission when you buy through the links on this page, at no cost to you.</p>\
             </div><details class='disclosure'><div class='disclosure__panel'><p>Sizes run \
             small, so order one size up if you are between two sizes.</p></div></details>\
             </article>"
        ));
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].1.contains("small print"), "{v:?}");
        // Legal notes are small print too, but a theme's text-size preset names no notes.
        let v = verdicts(&format!(
            "<article>{ARTICLE_BODY}<p class='has-legal-font-size'>The river rose two metres \
             overnight and the old bridge closed before dawn.</p><div class='sms-legal-message'>\
             <p>Message and data rates may apply. Reply STOP to cancel at any time.</p></div>\
             </article>"
        ));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Message and data rates may apply. Reply STOP to cancel at any time."],
            "{v:?}"
        );
    }

    #[test]
    fn carousels_on_an_article_page_are_chrome() {
        let page = format!(
            "<article>{ARTICLE_BODY}</article><div class='swiper'><div class='swiper-slide'>\
             <p>Our guide to the best cycle routes along the canal, with maps and the cafés \
             that open early enough for a breakfast stop.</p></div></div>"
        );
        let v = verdicts_of_page(&page, false, false, true);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].1.contains("carousel"), "{v:?}");
        // On other pages (a service page's testimonials) carousels are left to the rest.
        assert!(verdicts(&page).is_empty());
    }

    #[test]
    fn a_card_wrapped_in_one_link_on_an_article_page_is_chrome() {
        let card = "<a href='/academy/tram-course'><div class='b1'><h3>Master tram planning</h3>\
                    <ul><li>Learn for free</li><li>Expert teachers</li><li>Real cases</li></ul>\
                    <p>Our course walks you through every step of a tram project.</p></div></a>";
        let page = format!("<article>{ARTICLE_BODY}{card}{ARTICLE_BODY}</article>");
        let v = verdicts_of_page(&page, false, false, true);
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Master tram planning",
                "Learn for free",
                "Expert teachers",
                "Real cases",
                "Our course walks you through every step of a tram project."
            ],
            "{v:?}"
        );
        assert!(v
            .iter()
            .all(|(_, cause)| cause.contains("wrapped in one link")));
        // On other pages (a service's grid of linked feature cards) the cards may be the
        // document.
        assert!(verdicts(&page).is_empty());
        // A linked heading alone, or with a word or two under it, is a title, not a pitch.
        let title = "<a href='/trams'><h3>Trams of the city</h3><p>By Ana</p></a>";
        let page = format!("<article>{ARTICLE_BODY}{title}{ARTICLE_BODY}</article>");
        assert!(verdicts_of_page(&page, false, false, true).is_empty());
    }

    #[test]
    fn calls_to_action_on_an_article_page_are_chrome() {
        for name in [
            "class='wprm-call-to-action'",
            "id='call-to-action-label-x1'",
            "class='calltoactionbox_component__a1'",
        ] {
            let page = format!(
                "<article>{ARTICLE_BODY}<div {name}><p>Track every client's rankings in one \
                 dashboard and see what changed this week, with a free trial.</p></div></article>"
            );
            let v = verdicts_of_page(&page, false, false, true);
            assert_eq!(v.len(), 1, "{name}: {v:?}");
            assert!(v[0].1.contains("call to action"), "{v:?}");
            // On other pages (a service's offer of a report) a call to action may be the
            // document's.
            assert!(verdicts(&page).is_empty(), "{name}");
        }
    }

    #[test]
    fn calls_to_action_on_a_dated_authored_page_that_reads_as_an_article_are_chrome() {
        let html = format!(
            "<h1>The new tram line</h1>{}<div class='wprm-call-to-action'><p>Track every \
             client's rankings in one dashboard, with a free trial.</p></div>{}",
            ARTICLE_BODY.repeat(3),
            ARTICLE_BODY.repeat(3)
        );
        let causes = |dated: bool, author: Option<&str>| -> Vec<String> {
            let kinds = PageKinds {
                dated,
                ..PageKinds::default()
            };
            crate::detect::verdicts_on_html_by(&MarkupSemantics, &html, kinds, author)
                .into_iter()
                .map(|(_, v)| v.reason.cause)
                .collect()
        };
        let v = causes(true, Some("Ann Reed"));
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].contains("call to action"), "{v:?}");
        // Without a date or an author the page may be a service's, its offer its document.
        assert!(causes(false, Some("Ann Reed")).is_empty());
        assert!(causes(true, None).is_empty());
    }

    #[test]
    fn names_with_the_part_cta_are_calls_to_action_on_an_article_page() {
        for name in [
            "class='footer-CTA__left'",
            "class='post-cta-wrapper'",
            "id='blog_cta'",
        ] {
            let page = format!(
                "<article>{ARTICLE_BODY}<div {name}><p>Book a call with our team and get a                  plan for your next launch, free of charge.</p></div></article>"
            );
            let v = verdicts_of_page(&page, false, false, true);
            assert_eq!(v.len(), 1, "{name}: {v:?}");
            assert!(v[0].1.contains("call to action"), "{name}: {v:?}");
        }
        // Inside a word, the letters are no abbreviation.
        let page = format!(
            "<article>{ARTICLE_BODY}<div class='factual-note'><p>The bridge opened in 1932              and was widened twice since then.</p></div></article>"
        );
        assert!(verdicts_of_page(&page, false, false, true).is_empty());
    }

    #[test]
    fn an_element_hidden_from_sight_and_screen_readers_is_surely_chrome() {
        let copy = "<pre hidden aria-hidden='true' class='raw'># Floods\n\nThe river rose \
                    slowly through the night and the lower fields were under water.</pre>";
        let v = verdicts(&format!("<main>{ARTICLE_BODY}{copy}</main>"));
        assert_eq!(
            v,
            [(
                "# Floods\n\nThe river rose slowly through the night and the lower fields \
                 were under water."
                    .to_string(),
                "hidden from sight and from screen readers".to_string()
            )]
        );
        // A collapsed section a script reveals and focuses (it takes a tabindex) is only
        // hidden for now.
        let collapsed = "<div hidden aria-hidden='true' tabindex='-1'><p>The lower fields \
                         flood every spring.</p></div>";
        let v = verdicts(&format!("<main>{ARTICLE_BODY}{collapsed}</main>"));
        assert_eq!(
            v,
            [(
                "The lower fields flood every spring.".to_string(),
                "hidden by its attributes".to_string()
            )]
        );
    }

    #[test]
    fn react_streamed_parts_are_not_hidden() {
        let v = verdicts(
            "<div hidden id='S:1'><p>The second half of the article, streamed late.</p></div>\
             <div hidden id='panel-2'><p>A closed panel.</p></div><p>Other text filler.</p>",
        );
        assert_eq!(
            v,
            [(
                "A closed panel.".to_string(),
                "hidden by its attributes".to_string()
            )]
        );
    }

    #[test]
    fn a_hidden_wrapper_of_the_title_and_much_text_is_a_deferred_page() {
        let menu = "<p>Shop by category: fresh fruit, vegetables, dairy and eggs, bakery, \
                    frozen food, pantry staples, snacks, drinks and household goods.</p>";
        let product = "<h1>Toasted almond thins</h1><p>Baked in small batches with simple \
                       ingredients, these crisps are perfect on their own or with cheese.</p>";
        let v = verdicts(&format!(
            "<div class='menu'>{menu}{menu}</div><div class='wrapper' style='display: none'>\
             {product}</div><div style='display:none'><p>Email a friend about this item.</p></div>"
        ));
        assert_eq!(
            v,
            [(
                "Email a friend about this item.".to_string(),
                "hidden by its attributes".to_string()
            )]
        );
    }

    #[test]
    fn framework_hiding_utilities_hide() {
        let v = verdicts(
            "<div class='ipsPadding ipsHide'><h5>Link to post</h5><h5>Share on other sites</h5></div>\
             <p class='jsHidden'>Loading replies</p><p>The post itself, which readers see.</p>",
        );
        let hidden: Vec<&str> = v
            .iter()
            .filter(|(_, c)| c == "hidden by its class")
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            hidden,
            ["Link to post", "Share on other sites", "Loading replies"]
        );
        for name in [
            "hidden",
            "ipshide",
            "jshidden",
            "uhidden",
            "field_visibility_hidden",
            "u-visibility-hidden",
            "field--type-honeypot",
        ] {
            assert!(is_hiding_class(name), "{name}");
        }
        for name in [
            "hide",
            "hideaway",
            "ips-hide-x",
            "tooltiphidden",
            "chidden1",
            "visibility-visible",
            "hidden-visibility",
        ] {
            assert!(!is_hiding_class(name), "{name}");
        }
    }

    #[test]
    fn panel_names() {
        for name in [
            "tab-pane",
            "tab__content",
            "accordion-body",
            "faq-answer",
            "Tab-Panel",
        ] {
            assert!(names_panel(name), "{name}");
        }
        for name in [
            "tabs",
            "tab-list",
            "accordion-toggle",
            "faq-question",
            "content",
        ] {
            assert!(!names_panel(name), "{name}");
        }
    }

    #[test]
    fn closed_tab_and_accordion_panels_are_not_hidden() {
        let v = verdicts(
            "<div role='tabpanel' hidden><p>What the second tab says about pricing.</p></div>\
             <div id='a2' aria-labelledby='q2' style='display:none'><p>The answer to \
             the second question.</p></div>\
             <div class='hidden' aria-labelledby='q3' role='region'><p>The third answer.</p></div>\
             <div class='tab__content' hidden><p>What the third tab says.</p></div>\
             <div class='faq-answer d-none'><p>The fourth answer.</p></div>\
             <div role='dialog' aria-labelledby='t' hidden><p>Sign up for our letter.</p></div>\
             <div hidden><p>A closed drawer.</p></div><p>Other text filler for the page.</p>",
        );
        let hidden: Vec<&str> = v.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(
            hidden,
            ["Sign up for our letter.", "A closed drawer."],
            "{v:?}"
        );
    }

    #[test]
    fn code_blocks_and_utility_variants_are_not_named_chrome() {
        let v = verdicts(
            "<article><p>How to run two tasks at once, explained with a short example.</p>\
             <pre class='lang-py prettyprint-override'><code>import asyncio\nasyncio.run(main())</code></pre>\
             <pre class='sample_table_with_header_cells'>th, td { border: 1px solid; }</pre>\
             <div class='[html.theme-bold.sidebar-filled_&]:bg-tint-base'><pre>nvm use 20</pre></div>\
             <div class='md:hidden'><p>Shown on small screens only.</p></div>\
             <div class='sidebar'><pre>a sample in a sidebar</pre></div></article>",
        );
        let texts: Vec<&str> = v.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(texts, ["a sample in a sidebar"], "{v:?}");
    }

    #[test]
    fn a_mock_up_labelled_as_a_picture_is_chrome_but_a_labelled_link_is_not() {
        let html = "<main><h1>Plan your week</h1>\
             <p>Our planner keeps every task of the team in one calm place for everyone.</p>\
             <div aria-label='A screenshot of the planner showing a board of tasks'>\
             <p>Fix the login page before the release on Friday morning.</p>\
             <p>Draft the notes for the quarterly review with the design team.</p></div>\
             <section aria-label='Illustration of the calendar view'>\
             <p>Standup at nine, review at eleven, lunch with the new hires.</p></section>\
             <a href='/tour' aria-label='Screenshot tour of the planner'>Take the tour of the \
             planner and its many views today</a>\
             <section aria-label='Customer stories'><p>The planner saved our small team \
             hours every single week of the year.</p></section>\
             <section aria-label='Illustrations'><p>The planner drawn by the artists of our \
             community, one picture each month.</p></section></main>";
        let v = verdicts(html);
        let pictured: Vec<&str> = v
            .iter()
            .filter(|(_, c)| c.contains("labelled as a picture"))
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(pictured.len(), 3, "{v:?}");
        assert!(pictured[0].starts_with("Fix the login"), "{v:?}");
        assert!(pictured[2].starts_with("Standup"), "{v:?}");
        assert!(
            v.iter()
                .all(|(t, _)| !t.starts_with("Take the tour") && !t.starts_with("The planner")),
            "{v:?}"
        );
    }
}
