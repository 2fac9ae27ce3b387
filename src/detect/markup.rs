//! Markup semantics: blocks inside navigation, headers, footers, asides, dialogs, hidden
//! elements, or elements whose class/id/role name chrome (share, related, comment, cookie,
//! sidebar, …) are chrome.
//!
//! The verdict names the element and the token that matched. An element whose name also
//! says "content" (`entry-content-sidebar`), the root elements, and wrappers that hold most
//! of the page's text are not judged by their names: those are layout, not chrome.

use html5ever::{local_name, LocalName};
use rustc_hash::FxHashMap as HashMap;

use super::{Detector, Page, Signal, Verdict};
use crate::dom::{Dom, NodeId};

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
    "search-form",
    "searchform",
];

/// Class/id tokens that name chrome only as a whole token.
const CHROME_TOKENS: &[&str] = &[
    "ad",
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

/// Whole class/id names of page regions that are chrome as surely as `<header>` or
/// `<footer>` are.
const STRUCTURAL_NAMES: &[&str] = &[
    "header",
    "footer",
    "sidebar",
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
    "pagination",
    "pager",
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
        for block in page.blocks {
            total += block.features.chars;
            for &a in &block.ancestors {
                held[a as usize] += block.features.chars;
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
        for block in page.blocks {
            for &a in &block.ancestors {
                if slot[a as usize] == UNJUDGED {
                    let facts = ElementFacts::of(dom, a, Some(held[a as usize]), total);
                    slot[a as usize] = *alike.entry(facts).or_insert_with_key(|facts| {
                        judgements.push(judge_element(facts));
                        (judgements.len() - 1) as u32
                    });
                }
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
                    let article_header =
                        inside_article && node.local_name() == Some(&local_name!("header"));
                    // The strongest chrome ancestor speaks (a social-links div inside a
                    // site <header> is as much chrome as the header).
                    let stronger = found.as_ref().is_none_or(|f| j.weight >= f.weight);
                    if !article_header && stronger {
                        found = Some(j);
                    }
                }
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

/// Whether the element at `id` is hidden from readers by its attributes.
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    hidden_by_attributes(node.attr("hidden").is_some(), node.attr("style"))
}

/// [`is_hidden`] from the element's `hidden` attribute (present or not) and `style`.
fn hidden_by_attributes(hidden: bool, style: Option<&str>) -> bool {
    if hidden {
        return true;
    }
    if let Some(style) = style {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// One automaton for all chrome fragments: names are checked in one pass.
fn chrome_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(CHROME_FRAGMENTS).expect("fragments are plain strings")
    })
}

/// One automaton for all content fragments.
fn content_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(CONTENT_FRAGMENTS).expect("fragments are plain strings")
    })
}

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

/// Class-name prefixes of page builders and CMS layout systems that wrap every element,
/// content and chrome alike (`elementor-widget-container`, `hs_cos_wrapper_widget`,
/// Amazon's `celwidget`): the word "widget" in them says nothing.
fn is_builder_wrapper(token: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "elementor-widget",
        "elementor-element",
        "hs_cos_wrapper",
        "et_pb_",
        "wp-block-",
        "vc_",
        "fl-module",
        "celwidget",
    ];
    PREFIXES.iter().any(|p| token.starts_with(p))
}

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

fn is_hiding_word(part: &str) -> bool {
    matches!(part, "hidden" | "hide")
}

/// Whether a compound name with "hidden" or "hide" in it hides only part of the element
/// or only at some widths: `overflow-hidden`, `field--label-hidden`, `hide-mobile`,
/// `elementor-hidden-tablet`, `x-hide-lg`.
fn hides_only_partly(token: &str) -> bool {
    token.split(['-', '_']).any(|p| {
        matches!(
            p,
            "overflow"
                | "label"
                | "labels"
                | "title"
                | "mobile"
                | "tablet"
                | "desktop"
                | "phone"
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
        )
    })
}

/// All that [`judge_element`] reads of an element: elements with equal facts get equal
/// judgements.
#[derive(PartialEq, Eq, Hash)]
struct ElementFacts<'a> {
    /// The tag (`None` for a node that is not an element).
    tag: Option<&'a LocalName>,
    /// Whether the element holds most of the page's text (see [`ElementFacts::of`]).
    is_wrapper: bool,
    /// Whether it has a `hidden` attribute.
    hidden: bool,
    /// Its `style`, `role`, `class` and `id` attributes.
    style: Option<&'a str>,
    role: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
}

impl<'a> ElementFacts<'a> {
    /// The facts of element `id`, which holds `held` of the page's `total` text.
    fn of(dom: &'a Dom, id: NodeId, held: Option<usize>, total: usize) -> Self {
        let node = dom.node(id);
        ElementFacts {
            tag: node.local_name(),
            // A wrapper holding most of the page's text is layout whatever its name (some
            // sites even hide the whole page with `display:none` until a script reveals it).
            is_wrapper: total > 0 && held.unwrap_or(0) * 10 > total * 6,
            hidden: node.attr("hidden").is_some(),
            style: node.attr("style"),
            role: node.attr("role"),
            class: node.attr("class"),
            id: node.attr("id"),
        }
    }
}

/// Judges one element by its tag, role and class/id names.
fn judge_element(facts: &ElementFacts<'_>) -> Option<ElementJudgement> {
    let tag = facts.tag?;
    if matches!(
        *tag,
        local_name!("html") | local_name!("body") | local_name!("main") | local_name!("article")
    ) {
        return None;
    }
    let is_wrapper = facts.is_wrapper;
    if hidden_by_attributes(facts.hidden, facts.style) && !is_wrapper {
        return Some(ElementJudgement {
            weight: 0.55,
            cause: "hidden by its attributes".to_string(),
        });
    }
    let tag_weight = match *tag {
        local_name!("nav") => Some(0.8),
        local_name!("aside") => Some(0.7),
        local_name!("footer") => Some(0.7),
        local_name!("header") => Some(0.6),
        local_name!("dialog") => Some(0.9),
        _ => None,
    };
    if let Some(weight) = tag_weight {
        if !is_wrapper {
            return Some(ElementJudgement {
                weight,
                cause: format!("inside <{tag}>"),
            });
        }
    }
    if let Some(role) = facts.role {
        let role = role.trim().to_ascii_lowercase();
        if CHROME_ROLES.contains(&role.as_str()) && !is_wrapper {
            return Some(ElementJudgement {
                weight: 0.75,
                cause: format!("inside role=\"{role}\""),
            });
        }
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
    let tokens: Vec<&str> = names.split_whitespace().collect();
    // `hidden md:block` (utility CSS) hides an element on small screens only.
    let shown_at_some_width = tokens.iter().any(|t| is_responsive_display(t));
    let hidden = !shown_at_some_width
        && tokens.iter().any(|t| {
            matches!(
                *t,
                "hidden"
                    | "sr-only"
                    | "visually-hidden"
                    | "screen-reader-text"
                    | "d-none"
                    | "invisible"
            )
        });
    if hidden {
        return Some(ElementJudgement {
            weight: 0.9,
            cause: "hidden by its class".to_string(),
        });
    }
    if is_wrapper {
        return None;
    }
    // One search over all the names: a fragment holds no whitespace, so it can only match
    // inside a token.
    let says_content = content_matcher().is_match(&names);
    if says_content {
        return None;
    }
    let filed_item = tokens
        .iter()
        .any(|t| *t == "hentry" || t.starts_with("type-") || t.starts_with("status-"));
    let chrome = tokens.iter().find_map(|t| {
        if (filed_item && is_taxonomy_label(t))
            || is_builder_wrapper(t)
            || (shown_at_some_width && is_hiding_word(t))
        {
            return None;
        }
        if CHROME_TOKENS.contains(t) {
            return Some(t.to_string());
        }
        // Split compound names (`post_share-bar`, `shareBar` lowercased) on separators.
        let parts_match = t.split(['-', '_']).any(|p| {
            CHROME_TOKENS.contains(&p)
                && p.len() > 2
                && !(is_hiding_word(p) && hides_only_partly(t))
        });
        if parts_match {
            return Some(t.to_string());
        }
        chrome_matcher().is_match(t).then(|| t.to_string())
    })?;
    // Names are weaker evidence than tags and roles: alone they do not remove good prose.
    // The structural names of whole page regions are as strong as the tags they stand for.
    let structural = STRUCTURAL_NAMES.contains(&chrome.as_str());
    Some(ElementJudgement {
        weight: if structural { 0.6 } else { 0.45 },
        cause: format!("inside <{tag}> named \"{chrome}\""),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::html::blocks_from_dom;
    use crate::detect::SourceKind;
    use crate::lang::PageLanguage;

    fn verdicts(html: &str) -> Vec<(String, String)> {
        let dom = Dom::parse(html);
        let blocks = blocks_from_dom(&dom);
        let page = Page {
            blocks: &blocks,
            dom: Some(&dom),
            language: PageLanguage::guess(""),
            source: SourceKind::Html,
            title: None,
            frequency: None,
        };
        let mut out = Vec::new();
        MarkupSemantics.detect(&page, &mut out);
        out.iter()
            .map(|v| (blocks[v.block].text.clone(), v.reason.cause.clone()))
            .collect()
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
    fn builder_wrappers_and_partial_hiding_are_not_chrome() {
        let v = verdicts(
            "<div class='elementor-widget-container'><p>Service text one.</p></div>\
             <div class='overflow-hidden'><p>Service text two.</p></div>\
             <div class='hidden md:block'><p>Service text three.</p></div>\
             <div class='hide-mobile'><p>Service text four.</p></div>\
             <div class='is-hidden'><p>Gone one.</p></div>\
             <div class='hidden'><p>Gone two.</p></div><p>Other text filler here.</p>",
        );
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Gone one.", "Gone two."], "{v:?}");
    }
}
