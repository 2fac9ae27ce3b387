//! Stage 4, **decide**: weighs the detectors' verdicts, finds the main-content region, and
//! classifies every block as kept or removed, with the reasons.
//!
//! Three steps:
//! 1. per block, the verdicts are combined into a first class (good, near-good, short, bad);
//! 2. for HTML, container scoring finds the element that holds the document (as the best
//!    extractors do: prose blocks vote for their ancestors, link-heavy regions lose);
//! 3. context smoothing: a short block between good ones stays, a run of short link-heavy
//!    blocks goes, and a heading stays when document text follows it closely.
//!
//! This stage reads verdicts and features only; it never looks for phrases or markup itself.

use html5ever::local_name;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;

use serde::Serialize;

use crate::blocks::{Block, BlockKind};
use crate::detect::{Reason, Signal, SourceKind, Verdict};
use crate::dom::{Dom, NodeId, WalkEvent};
use crate::metadata::PageKinds;

/// First class of a block, from its own verdicts (jusText's classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockClass {
    /// Clearly document text.
    Good,
    /// Probably document text.
    NearGood,
    /// Too short to judge alone; context decides.
    Short,
    /// Chrome.
    Bad,
    /// Byline or date: goes to the metadata.
    Metadata,
}

/// The decision on one block.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// Whether the block is part of the document.
    pub keep: bool,
    /// The block's first class.
    pub class: BlockClass,
    /// Every reason that bore on the decision, strongest first.
    pub reasons: Vec<Reason>,
}

impl Decision {
    /// The reason to show when the block was removed: the strongest chrome reason.
    pub fn main_reason(&self) -> Option<&Reason> {
        self.reasons.first()
    }
}

/// Tunable thresholds of the decision.
#[derive(Debug, Clone)]
pub struct DecideConfig {
    /// jusText's maximum heading distance: a heading stays when good text starts within
    /// this many characters after it.
    pub max_heading_distance: usize,
}

impl Default for DecideConfig {
    fn default() -> Self {
        DecideConfig {
            max_heading_distance: 200,
        }
    }
}

/// Combined verdict weights of one block.
#[derive(Debug, Clone, Copy, Default)]
struct Weights {
    chrome: f32,
    content: f32,
    metadata: f32,
    markup_chrome: f32,
    /// Chrome evidence from every detector but link density.
    chrome_without_links: f32,
    /// Chrome evidence from every detector but link density and text density: what a block
    /// with half its text in links and few stopwords (a reference, an address, a named
    /// product with its price) still has against it when that is all.
    chrome_without_links_or_stopwords: f32,
    /// Chrome evidence from every detector but link density and labels repeated three
    /// times or more in the page: what an entry of a listing keeps (its links and the
    /// fields every entry repeats are its content).
    chrome_of_entry: f32,
    /// As `chrome_of_entry`, but without text density either: what an entry's title (a
    /// line of names and nouns, few stopwords) keeps against it.
    chrome_of_entry_title: f32,
    /// Chrome evidence from every detector but link density, text density and labels
    /// repeated in the page, however often: what a card's linked title keeps against it
    /// (see [`grid_card_titles`]).
    chrome_of_card_title: f32,
    /// Chrome evidence from every detector but labels repeated in the page: what text
    /// input needs to remove a line on its own (see `keep_text_lines`).
    chrome_unrepeated: f32,
}

impl Weights {
    /// No detector but link density calls the block chrome (nor metadata): what a listing
    /// or a page with almost no prose may keep.
    fn is_clean(&self) -> bool {
        self.markup_chrome < 0.4 && self.chrome_without_links < 0.5 && self.metadata < 0.9
    }
}

fn combine(verdicts: &[Verdict], n: usize) -> Vec<Weights> {
    let mut weights = vec![Weights::default(); n];
    for v in verdicts {
        let Some(w) = weights.get_mut(v.block) else {
            continue;
        };
        // Template evidence is applied after the page is decided (see `remove_template`).
        if v.reason.detector == TEMPLATE_DETECTOR {
            continue;
        }
        match v.signal {
            // Independent evidence adds up: 1 - Π(1 - w).
            Signal::Chrome => {
                w.chrome = 1.0 - (1.0 - w.chrome) * (1.0 - v.weight);
                if v.reason.detector != "link-density" {
                    w.chrome_without_links =
                        1.0 - (1.0 - w.chrome_without_links) * (1.0 - v.weight);
                    if v.reason.detector != "text-density" {
                        w.chrome_without_links_or_stopwords =
                            1.0 - (1.0 - w.chrome_without_links_or_stopwords) * (1.0 - v.weight);
                    }
                    // A label printed twice is a copy (a story both featured and listed, a
                    // section laid out for each screen size); three times or more, a field.
                    let field =
                        v.reason.detector == REPEATED_DETECTOR && v.weight >= REPEATED_FIELD_WEIGHT;
                    if !field {
                        w.chrome_of_entry = 1.0 - (1.0 - w.chrome_of_entry) * (1.0 - v.weight);
                        if v.reason.detector != "text-density" {
                            w.chrome_of_entry_title =
                                1.0 - (1.0 - w.chrome_of_entry_title) * (1.0 - v.weight);
                        }
                    }
                }
                if v.reason.detector != REPEATED_DETECTOR {
                    w.chrome_unrepeated = 1.0 - (1.0 - w.chrome_unrepeated) * (1.0 - v.weight);
                    if !matches!(v.reason.detector, "link-density" | "text-density") {
                        w.chrome_of_card_title =
                            1.0 - (1.0 - w.chrome_of_card_title) * (1.0 - v.weight);
                    }
                }
                if v.reason.detector == "markup" {
                    w.markup_chrome = w.markup_chrome.max(v.weight);
                }
            }
            Signal::Content => w.content = w.content.max(v.weight),
            Signal::Metadata => w.metadata = w.metadata.max(v.weight),
        }
        if v.weight >= 1.0 && v.signal == Signal::Chrome {
            w.chrome = 1.0;
            w.chrome_without_links = 1.0;
            w.chrome_without_links_or_stopwords = 1.0;
            w.chrome_of_entry = 1.0;
            w.chrome_of_entry_title = 1.0;
            w.chrome_unrepeated = 1.0;
            w.chrome_of_card_title = 1.0;
        }
    }
    weights
}

fn first_class(_block: &Block, w: &Weights) -> BlockClass {
    if w.metadata >= 0.9 {
        return BlockClass::Metadata;
    }
    if w.chrome >= 1.0 {
        return BlockClass::Bad;
    }
    let score = w.content - w.chrome;
    if w.content >= 0.8 && score >= 0.3 {
        BlockClass::Good
    } else if w.content >= 0.4 && score >= 0.0 {
        BlockClass::NearGood
    } else if w.chrome >= 0.5 {
        // Few stopwords alone (text-density's "bad") is not enough: technical text and
        // product specs have few; context decides.
        BlockClass::Bad
    } else {
        BlockClass::Short
    }
}

/// The elements that hold the document.
#[derive(Default)]
struct Region {
    /// The region's elements.
    nodes: Vec<NodeId>,
    /// A list of cards that joined the region (a listing's entries), if one did.
    cards: Option<NodeId>,
    /// The element that goes on with the region's list ([`list_continuation`]), if one
    /// did: part of the article's body.
    continuation: Option<NodeId>,
}

/// Finds the elements that hold the document: prose blocks vote for their ancestors
/// (Readability's scheme: parent full score, grandparent half, then a third…), and a
/// candidate's score is scaled down by its link density. When several strong candidates
/// share an ancestor (a document split into sections), that ancestor is the region; siblings
/// of the region that score well join it. On a discussion, the region holds all the posts
/// of the thread (see [`posts_holder`]).
fn main_region(blocks: &[Block], weights: &[Weights], dom: &Dom, kinds: PageKinds) -> Region {
    // Per element, indexed by node id: the vote (`None` for elements no block voted for),
    // the characters and link characters of its blocks.
    let n_nodes = dom.nodes.len();
    let mut score: Vec<Option<f32>> = vec![None; n_nodes];
    // The elements with a score, in the order of their first vote.
    let mut scored: Vec<NodeId> = Vec::new();
    let mut chars: Vec<(usize, usize)> = vec![(0, 0); n_nodes];
    // Text that no detector but link density calls chrome, per element.
    let mut clean_chars: Vec<usize> = vec![0; n_nodes];
    // Words of clean text (no chrome evidence but links, few links), per element.
    let mut clean_words: Vec<usize> = vec![0; n_nodes];
    // Characters of clean prose (clean text with few links), per element.
    let mut prose_chars: Vec<usize> = vec![0; n_nodes];
    let mut clean_total = 0usize;
    for (block, w) in blocks.iter().zip(weights) {
        let clean = w.is_clean();
        if clean && block.features.link_density() < 0.3 {
            clean_total += block.features.words;
            for &a in &block.ancestors {
                clean_words[a as usize] += block.features.words;
                prose_chars[a as usize] += block.features.chars;
            }
        }
        for &a in &block.ancestors {
            let e = &mut chars[a as usize];
            e.0 += block.features.chars;
            e.1 += block.features.link_chars;
            if clean {
                clean_chars[a as usize] += block.features.chars;
            }
        }
        if block.features.chars < 25
            || block.features.link_density() > 0.5
            || w.markup_chrome >= 0.7
            || w.chrome >= 1.0
            || w.metadata >= 0.9
        {
            continue;
        }
        let f = &block.features;
        let mut vote = 1.0 + f.commas.min(10) as f32 + (f.chars as f32 / 100.0).min(3.0);
        vote *= 0.5 + w.content;
        // The block's own element, its parent, grandparent… share the vote.
        let n = block.ancestors.len();
        let mut add = |a: NodeId, v: f32| {
            let s = score[a as usize].get_or_insert_with(|| {
                scored.push(a);
                0.0
            });
            *s += v;
        };
        for (level, &a) in block.ancestors.iter().rev().skip(1).take(5).enumerate() {
            let divisor = if level == 0 { 1.0 } else { (level + 1) as f32 };
            add(a, vote / divisor);
        }
        if n == 1 {
            add(block.ancestors[0], vote);
        }
    }
    let body = crate::blocks::html::find_body(dom);
    let weighted = |node: NodeId, s: f32| {
        // An element without blocks counts as (0, 0), which weighs like (1, 0).
        let (c, l) = chars[node as usize];
        s * (1.0 - l as f32 / c.max(1) as f32)
    };
    let score_of = |node: NodeId| score[node as usize];
    let mut ranked: Vec<(NodeId, f32)> = scored
        .iter()
        .filter(|&&node| Some(node) != body || scored.len() == 1)
        .filter_map(|&node| score_of(node).map(|s| (node, weighted(node, s))))
        .collect();
    // Highest score first; ties to the earlier node for determinism.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some(&(mut top, top_score)) = ranked.first() else {
        return Region::default();
    };
    let is_ancestor = |a: NodeId, n: NodeId| dom.holds(a, n);
    // Strong alternatives outside the top candidate: climb to the ancestor that holds at
    // least two of them as well.
    let alternatives: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(8)
        .filter(|(n, s)| *s >= 0.6 * top_score && !is_ancestor(*n, top) && !is_ancestor(top, *n))
        .map(|(n, _)| *n)
        .collect();
    if alternatives.len() >= 2 {
        let mut candidate = top;
        for _ in 0..3 {
            let Some(parent) = dom.node(candidate).parent else {
                break;
            };
            if Some(parent) == body {
                break;
            }
            candidate = parent;
            let held = alternatives
                .iter()
                .filter(|&&a| is_ancestor(candidate, a))
                .count();
            if held >= 2 {
                top = candidate;
                break;
            }
        }
    }
    // A section of a document cut into nested sections is one part of it.
    top = outermost_nested_section(dom, top, body);
    // Siblings that score well join the region (Readability's sibling rule).
    let top_weighted = weighted(top, score_of(top).unwrap_or(top_score));
    let threshold = (top_weighted * 0.2).max(10.0);
    let mut region = vec![top];
    // Boxes that join the region once its growth is settled.
    let mut boxes: Vec<NodeId> = Vec::new();
    // A sibling of the region's kind (its tag, most of its class names) that is mostly
    // clean prose is another box of the same document (an intro box over the body's box),
    // however short.
    let like_prose_box = |c: NodeId, of: NodeId| {
        prose_chars[c as usize] * 10 >= chars[c as usize].0 * 6
            && clean_words[c as usize] >= PROSE_BOX_MIN_WORDS
            && like_box(dom, c, of)
    };
    // The siblings of `center` that score `threshold` or more join the region; those of its
    // kind that are mostly clean prose are boxes that join it later.
    let admit_siblings =
        |center: NodeId, threshold: f32, region: &mut Vec<NodeId>, boxes: &mut Vec<NodeId>| {
            let mut child = dom
                .node(center)
                .parent
                .and_then(|p| dom.node(p).first_child);
            while let Some(c) = child {
                if c != center {
                    let s = score_of(c).map(|s| weighted(c, s)).unwrap_or(0.0);
                    if s >= threshold {
                        region.push(c);
                    } else if like_prose_box(c, center) {
                        boxes.push(c);
                    }
                }
                child = dom.node(c).next_sibling;
            }
        };
    admit_siblings(top, threshold, &mut region, &mut boxes);
    // A region alone in its wrappers (a rich-text box in a column) has its siblings one
    // level up or more: the document's other boxes, in columns of their own.
    if region.len() == 1 {
        let wrapper = box_wrapper(dom, top, body, &chars);
        if wrapper != top {
            let wrapper_weighted = score_of(wrapper)
                .map(|s| weighted(wrapper, s))
                .unwrap_or(0.0);
            let threshold = (wrapper_weighted * 0.2).max(10.0);
            admit_siblings(wrapper, threshold, &mut region, &mut boxes);
        }
    }
    // The posts of a thread (a question and its answers, a first post and its replies)
    // share their markup: the region grows to the element that holds them all.
    let thread = kinds
        .discussion
        .then(|| posts_holder(dom, top, body, &clean_words))
        .flatten();
    if let Some(thread) = thread {
        if !region
            .iter()
            .any(|&r| r == thread || is_ancestor(r, thread))
        {
            region.retain(|&r| !is_ancestor(thread, r));
            region.insert(0, thread);
            top = thread;
        }
    }
    // A list that the layout split across two columns goes on in the next sibling.
    let continuation = list_continuation(blocks, dom, top, &chars, &clean_chars)
        .filter(|rest| !region.contains(rest));
    region.extend(continuation);
    // The document's title and its lead, in a page header just before the region (`<h1>`
    // and the intro under it, above the body's sections): the header joins the region.
    if let Some(header) = title_header_before(blocks, weights, dom, top) {
        if !region.contains(&header) {
            region.insert(0, header);
        }
    }
    let mut joined_cards = None;
    // A list of cards (teasers, products, posts: elements of one kind side by side) that
    // holds far more clean text than the region is a listing page's document.
    let overlaps = |n: NodeId| {
        region
            .iter()
            .any(|&r| r == n || is_ancestor(r, n) || is_ancestor(n, r))
    };
    let region_clean: usize = region.iter().map(|&n| clean_chars[n as usize]).sum();
    if let Some((cards, _, _)) = card_list(dom, &clean_chars, &prose_chars, &|_| false) {
        if !overlaps(cards) {
            if clean_chars[cards as usize] * 2 > region_clean * 3 {
                region.push(cards);
                joined_cards = Some(cards);
            }
        } else if let Some((grid, count, cell)) =
            card_list(dom, &clean_chars, &prose_chars, &overlaps)
        {
            // The best "list" is the region itself (its paragraphs, an FAQ's folds, a
            // category's description): the page's grid is the best list outside it, when
            // it is a grid of many like cells on a page not declared an article. On a page
            // declared a collection, whose lists of entries are its document, any list of
            // like cards is one (a row of four featured stories over the latest ones).
            let grid_of_entries = (count >= CARD_GRID_MIN_CARDS && cell) || kinds.collection;
            if grid_of_entries
                && !kinds.article
                && clean_chars[grid as usize] as f32 > CARD_GRID_REGION_SHARE * region_clean as f32
            {
                region.push(grid);
                joined_cards = Some(grid);
            }
        }
    }
    // A page whose best region holds a small part of its clean text is a page of many
    // sections (a landing page, a service page): the region grows to the element that
    // holds nearly all of that text, and the detectors judge its parts.
    let clean_words_of = |n: &NodeId| clean_words[*n as usize];
    let region_clean_words: usize = region.iter().map(clean_words_of).sum();
    // A region inside a widget of folds or slides (an FAQ's accordion, a carousel of
    // quotes or cards) is one section of such a page even when it holds most of its text.
    let share = if in_folds_or_slides(dom, top) {
        WIDGET_REGION_CLEAN_SHARE
    } else if !(kinds.article || kinds.product || kinds.discussion)
        && in_page_of_sections(dom, top, body, &clean_words, clean_total)
    {
        SECTIONS_REGION_CLEAN_SHARE
    } else {
        REGION_CLEAN_SHARE
    };
    if clean_total > 0 && (region_clean_words as f32) < share * clean_total as f32 {
        let mut ancestor = dom.node(top).parent;
        while let Some(a) = ancestor {
            if Some(a) == body {
                // Sections laid side by side in the body, with no element around them.
                let sections =
                    body_sections(dom, a, &chars, &clean_chars, &clean_words, clean_total);
                let held: usize = sections.iter().map(clean_words_of).sum();
                if held > region_clean_words {
                    return Region {
                        nodes: sections,
                        cards: joined_cards,
                        continuation,
                    };
                }
                break;
            }
            if clean_words_of(&a) as f32 >= CLEAN_HOLDER_SHARE * clean_total as f32 {
                return Region {
                    nodes: vec![a],
                    cards: joined_cards,
                    continuation,
                };
            }
            ancestor = dom.node(a).parent;
        }
    }
    // A page that marks its main content (`<main>`, role="main") and whose best region is
    // a small part of it is a page of many sections (a service or product page): the whole
    // main element is the document, and the detectors judge its parts.
    let region_chars: usize = region.iter().map(|&n| chars[n as usize].0).sum();
    let mut ancestor = dom.node(top).parent;
    while let Some(a) = ancestor {
        if Some(a) == body {
            break;
        }
        let node = dom.node(a);
        let is_main = node.local_name().is_some_and(|t| *t == local_name!("main"))
            || node
                .attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"));
        if is_main {
            let main_chars = chars[a as usize].0;
            if (region_chars as f32) < MAIN_ELEMENT_SHARE * main_chars as f32 {
                return Region {
                    nodes: vec![a],
                    cards: joined_cards,
                    continuation,
                };
            }
            break;
        }
        ancestor = node.parent;
    }
    region.extend(boxes);
    Region {
        nodes: region,
        cards: joined_cards,
        continuation,
    }
}

/// Fewest clean words of a sibling box of the region's kind that joins it.
const PROSE_BOX_MIN_WORDS: usize = 30;

/// Whether two elements are boxes of one kind: the same tag, and class names of which
/// they share at least half (`rich-text intro` and `rich-text`).
fn like_box(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    let (a, b) = (dom.node(a), dom.node(b));
    if a.local_name() != b.local_name() {
        return false;
    }
    let (Some(ca), Some(cb)) = (a.attr("class"), b.attr("class")) else {
        return false;
    };
    let ta: Vec<&str> = ca.split_ascii_whitespace().collect();
    let tb: Vec<&str> = cb.split_ascii_whitespace().collect();
    let shared = ta.iter().filter(|t| tb.contains(t)).count();
    let union = ta.len() + tb.len() - shared;
    shared > 0 && shared * 2 >= union
}

/// Most wrapper levels climbed from the region to find its siblings.
const BOX_WRAPPER_LEVELS: usize = 3;

/// The outermost element that holds the region and no other text (the column around a
/// rich-text box), below the body: the region itself when its parent holds more.
fn box_wrapper(dom: &Dom, top: NodeId, body: Option<NodeId>, chars: &[(usize, usize)]) -> NodeId {
    let mut wrapper = top;
    for _ in 0..BOX_WRAPPER_LEVELS {
        match dom.node(wrapper).parent {
            Some(p) if Some(p) != body && chars[p as usize].0 == chars[wrapper as usize].0 => {
                wrapper = p
            }
            _ => break,
        }
    }
    wrapper
}

/// The region, with the element that holds the declared document text: a region that
/// holds the anchor and much more shrinks to it (its growth went past the document into
/// the page around it); the anchor joins a region that misses it.
fn anchored_region(dom: &Dom, region: Region, anchor: NodeId) -> Region {
    let holds_anchor = region
        .nodes
        .iter()
        .any(|&r| r != anchor && dom.holds(r, anchor));
    if holds_anchor {
        return Region {
            nodes: vec![anchor],
            cards: None,
            continuation: None,
        };
    }
    let mut region = region;
    let inside = region
        .nodes
        .iter()
        .any(|&r| r == anchor || dom.holds(anchor, r));
    if !inside {
        region.nodes.push(anchor);
    }
    region
}

/// Whether an element with a class name has siblings of its tag and class.
fn is_panel_among_panels(dom: &Dom, id: NodeId) -> bool {
    dom.like_siblings(id).any(|c| c != id)
}

/// Words of a declared text below which it is a teaser, no anchor.
const ANCHOR_MIN_WORDS: usize = 60;
/// Least share of a block's word triples found in the declared text for the block to be
/// part of it.
const ANCHOR_BLOCK_SHARE: f32 = 0.6;
/// Least share of the declared text's word triples that the anchor's blocks hold.
const ANCHOR_COVER_SHARE: f32 = 0.6;
/// Most words of the element around the anchor, per word of the anchor's own.
const ANCHOR_GROWTH: f32 = 2.0;
/// Most words of a declared text read (hostile input stays cheap).
const ANCHOR_MAX_WORDS: usize = 5000;

/// The lowercased words of a text, markup tags skipped (declared texts may carry them).
fn plain_words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut in_tag = false;
    text.split(move |c: char| {
        if c == '<' {
            in_tag = true;
        }
        let split = in_tag || !c.is_alphanumeric();
        if c == '>' {
            in_tag = false;
        }
        split
    })
    .filter(|w| !w.is_empty())
    .map(str::to_lowercase)
}

/// Hashes of a text's word triples, in order.
fn word_triples(text: &str, max_words: usize) -> Vec<u64> {
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    let words: Vec<String> = plain_words(text).take(max_words).collect();
    words
        .windows(3)
        .map(|w| hasher.hash_one((&w[0], &w[1], &w[2])))
        .collect()
}

/// The element that holds the page's declared document text (a product's description in
/// its structured data): the deepest ancestor of the first block made of that text whose
/// blocks hold most of it, grown while its parent adds little else. `None` when the text
/// is a teaser, or the page does not show it.
fn declared_anchor(blocks: &[Block], dom: &Dom, declared: &str) -> Option<(NodeId, Vec<usize>)> {
    let triples = word_triples(declared, ANCHOR_MAX_WORDS);
    if triples.len() + 2 < ANCHOR_MIN_WORDS {
        return None;
    }
    let wanted: rustc_hash::FxHashSet<u64> = triples.iter().copied().collect();
    // Per element: declared triples its blocks hold, and all its words.
    let mut held: HashMap<NodeId, usize> = HashMap::default();
    let mut words: HashMap<NodeId, usize> = HashMap::default();
    // The blocks made of the declared text.
    let mut parts: Vec<usize> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        for &a in &block.ancestors {
            *words.entry(a).or_default() += block.features.words;
        }
        let own = word_triples(&block.text, usize::MAX);
        if own.is_empty() {
            continue;
        }
        let hits = own.iter().filter(|t| wanted.contains(t)).count();
        if (hits as f32) < ANCHOR_BLOCK_SHARE * own.len() as f32 {
            continue;
        }
        parts.push(i);
        for &a in &block.ancestors {
            *held.entry(a).or_default() += hits;
        }
    }
    let need = ANCHOR_COVER_SHARE * wanted.len() as f32;
    let body = crate::blocks::html::find_body(dom);
    // The first element, in the order of its blocks, that holds most of the text.
    let anchor = parts
        .iter()
        .flat_map(|&i| blocks[i].ancestors.iter().rev().copied())
        .find(|&a| Some(a) != body && held.get(&a).copied().unwrap_or(0) as f32 >= need)?;
    let own_words = words.get(&anchor).copied().unwrap_or(0).max(1) as f32;
    // The anchor grows while its parent adds little else, and once from a panel to its
    // set of panels (an accordion's or a tab set's items are all the product's).
    let mut region = anchor;
    let mut in_panels = false;
    while let Some(parent) = dom.node(region).parent {
        if Some(parent) == body {
            break;
        }
        let small = words.get(&parent).copied().unwrap_or(0) as f32 <= ANCHOR_GROWTH * own_words;
        let panels = !in_panels && is_panel_among_panels(dom, region);
        if !small && !panels {
            break;
        }
        in_panels |= panels;
        region = parent;
    }
    // The blocks of the text inside the anchor (copies elsewhere are a template's), long
    // enough that their words are not the title or a label the text repeats.
    parts.retain(|&i| {
        blocks[i].features.words >= crate::blocks::PROSE_MIN_WORDS
            && blocks[i].ancestors.contains(&region)
    });
    Some((region, parts))
}

/// Least share of clean text in the element that goes on with the region's list
/// ([`list_continuation`]).
const LIST_CONTINUATION_CLEAN_SHARE: f32 = 0.8;

/// The element right after `top` (its next sibling with text) when `top` ends with a list
/// (or a line that announces one, ending in a colon) and that element starts with list
/// items and holds clean text with few links: a layout that splits the document's list into
/// columns (`<div class="columns">` after the article's `<div>`) puts the rest of the list,
/// and what follows it, in the next element.
fn list_continuation(
    blocks: &[Block],
    dom: &Dom,
    top: NodeId,
    chars: &[(usize, usize)],
    clean_chars: &[usize],
) -> Option<NodeId> {
    let mut next = dom.node(top).next_sibling;
    let rest = loop {
        let n = next?;
        let node = dom.node(n);
        if node.local_name().is_some() && chars[n as usize].0 > 0 {
            break n;
        }
        next = node.next_sibling;
    };
    let (c, l) = chars[rest as usize];
    if (clean_chars[rest as usize] as f32) < LIST_CONTINUATION_CLEAN_SHARE * c as f32
        || l as f32 > 0.3 * c as f32
    {
        return None;
    }
    let last = blocks.iter().rposition(|b| b.ancestors.contains(&top))?;
    let first = blocks.get(last + 1)?;
    let ends_list = matches!(blocks[last].kind, BlockKind::ListItem { .. })
        || blocks[last].text.trim_end().ends_with(':');
    (ends_list
        && first.ancestors.contains(&rest)
        && matches!(first.kind, BlockKind::ListItem { .. }))
    .then_some(rest)
}

/// The page's header before `top` (one of its few previous element siblings) when it
/// holds the page's first-level heading, `top` holds none, and the header holds clean prose
/// ([`TITLE_HEADER_PROSE_WORDS`]): the document's title and the lead that introduces the
/// body in `top` (a manual's page header), not a title over a byline alone.
fn title_header_before(
    blocks: &[Block],
    weights: &[Weights],
    dom: &Dom,
    top: NodeId,
) -> Option<NodeId> {
    let mut titled: Option<NodeId> = None;
    for block in blocks {
        if block.kind == (BlockKind::Heading { level: 1 }) {
            if block.ancestors.contains(&top) {
                return None;
            }
            titled = titled.or_else(|| {
                block
                    .ancestors
                    .iter()
                    .copied()
                    .find(|&a| dom.node(a).parent == dom.node(top).parent)
            });
        }
    }
    let header = titled?;
    let before = std::iter::successors(dom.node(top).prev_sibling, |&n| dom.node(n).prev_sibling)
        .filter(|&n| dom.node(n).local_name().is_some())
        .take(TITLE_HEADER_SIBLINGS)
        .any(|n| n == header);
    if !before {
        return None;
    }
    let prose: usize = blocks
        .iter()
        .zip(weights)
        .filter(|(b, w)| {
            // The header's name (`page-header`, `layout__header`) is what names it chrome
            // when nothing else does: it is the header of the document.
            b.ancestors.contains(&header)
                && w.markup_chrome < HEADER_NAME_WEIGHT
                && w.chrome_without_links < 0.5
                && w.metadata < 0.9
                && b.features.reads_as_prose()
                && b.features.link_density() < 0.3
        })
        .map(|(b, _)| b.features.words)
        .sum();
    (prose >= TITLE_HEADER_PROSE_WORDS).then_some(header)
}

/// Above the weight of a name alone (`markup`'s name weight): evidence beyond the name of
/// an element.
const HEADER_NAME_WEIGHT: f32 = 0.5;

/// Most element siblings between a page's header and the region (a table of contents).
const TITLE_HEADER_SIBLINGS: usize = 3;

/// Fewest words of clean prose in a page's header for it to join the region.
const TITLE_HEADER_PROSE_WORDS: usize = 40;

/// Overrules the detectors for block `i`: sets its verdict and puts the decision
/// stage's cause first among its reasons (weight 1 for a drop, 0 for a keep).
fn overrule(
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
    i: usize,
    verdict: bool,
    cause: impl Into<String>,
) {
    keep[i] = verdict;
    let weight = if verdict { 0.0 } else { 1.0 };
    reasons[i].insert(
        0,
        (
            weight,
            Reason {
                detector: "decide",
                cause: cause.into(),
            },
        ),
    );
}

/// Adds a decision-stage reason of the given weight to a block's reasons.
fn note(reasons: &mut Vec<(f32, Reason)>, weight: f32, cause: impl Into<String>) {
    reasons.push((
        weight,
        Reason {
            detector: "decide",
            cause: cause.into(),
        },
    ));
}

/// The reason given for blocks kept by the fallback rule.
pub const FALLBACK_CAUSE: &str = "kept by the fallback for pages with almost no prose";

/// Whether a block's only chrome evidence is that up to half its text is links
/// ([`HALF_LINKED_MAX_LINKS`]) and the rest has few stopwords: in the region, that is a
/// line of the document that names what it links to (a reference with its journal, an
/// address under a linked name, a product with its price), not a menu, whose text is
/// nearly all links.
fn half_linked_text(f: &crate::blocks::Features, w: &Weights) -> bool {
    f.link_density() <= HALF_LINKED_MAX_LINKS && w.chrome_without_links_or_stopwords < 0.05
}

/// Highest link density of a half-linked line of the document ([`half_linked_text`]).
const HALF_LINKED_MAX_LINKS: f32 = 0.5;

/// The link around the block's element (`<a>` around a `<p>` or a `<div>`), if one is: the
/// link is a whole card (a service's title, its summary and "Learn more", one click
/// target), not a link in a line of text or an item of a menu.
fn card_link(dom: &Dom, block: &Block) -> Option<NodeId> {
    let (_, above) = block.ancestors.split_last()?;
    above
        .iter()
        .rev()
        .copied()
        .find(|&a| dom.node(a).local_name() == Some(&local_name!("a")))
}

/// Per block: whether it is text of a linked card of the region that has a like card
/// beside it (another linked card with the same parent or grandparent) and holds a
/// sentence of prose that asks no question: a grid or row of cards, each one click
/// target, as landing pages lay out their services, quotes and features, whose title,
/// summary and attribution are the page's text. A lone linked card is more often a banner
/// that calls to act, and a card whose sentence is a question is a teaser of the page it
/// leads to.
fn linked_card_text(blocks: &[Block], dom: &Dom, in_container: &[bool]) -> Vec<bool> {
    let links: Vec<Option<NodeId>> = blocks
        .iter()
        .zip(in_container)
        .map(|(b, &inside)| if inside { card_link(dom, b) } else { None })
        .collect();
    let mut cards: Vec<NodeId> = links.iter().flatten().copied().collect();
    cards.sort_unstable();
    cards.dedup();
    // The cards' ancestors one and two levels up, with the number of cards under each.
    let ancestors = |a: NodeId| {
        std::iter::successors(dom.node(a).parent, |&p| dom.node(p).parent)
            .take(CARD_LINK_LEVELS)
            .enumerate()
    };
    let mut under: HashMap<(usize, NodeId), usize> = HashMap::default();
    for &a in &cards {
        for key in ancestors(a) {
            *under.entry(key).or_default() += 1;
        }
    }
    let in_row = |a: NodeId| ancestors(a).any(|key| under.get(&key).is_some_and(|&n| n >= 2));
    let mut with_prose: Vec<NodeId> = blocks
        .iter()
        .zip(&links)
        .filter(|(b, _)| b.features.reads_as_prose() && !is_question(&b.text))
        .filter_map(|(_, &link)| link)
        .collect();
    with_prose.sort_unstable();
    with_prose.dedup();
    with_prose.retain(|&a| in_row(a));
    links
        .iter()
        .map(|link| link.is_some_and(|a| with_prose.binary_search(&a).is_ok()))
        .collect()
}

/// Whether the text asks a question: a linked question is the title of the page it leads
/// to (a related question, an article's teaser), not the summary of a card.
fn is_question(text: &str) -> bool {
    text.trim_end().ends_with(['?', '？', '؟'])
}

/// Levels above a linked card at which a like card shares its ancestor (the cards
/// themselves side by side, or each in a cell of a grid).
const CARD_LINK_LEVELS: usize = 2;

/// Highest link density of a sentence of prose in the region that link density alone does
/// not remove (the detector's top bracket starts here).
const LINKED_PROSE_MAX_LINKS: f32 = 0.8;

/// Most levels climbed from the best region to find the element that is one post of a
/// thread (see [`posts_holder`]).
const POST_LEVELS: usize = 5;

/// Share of the clean text of the element holding a thread's posts that the posts must
/// hold (the rest: comments under them, the poster's cards, the thread's header).
const POSTS_HOLDER_SHARE: f32 = 0.5;

/// The element that holds all the posts of a thread (a page declared a discussion) when
/// the best region is one of them (or inside one): a question and its answers, a first post and its replies are marked
/// up alike (same tag and class), so the region climbs to the nearest element around
/// `top` (itself or one of [`POST_LEVELS`] ancestors) that has twins holding clean text,
/// and grows to the innermost element holding them all. That element must not be the body
/// and its clean text must be mostly the posts' ([`POSTS_HOLDER_SHARE`]); a post is the
/// thread's whether it is the first or a reply, so the best-scored answer does not leave
/// the question out (or the reverse).
fn posts_holder(
    dom: &Dom,
    top: NodeId,
    body: Option<NodeId>,
    clean_words: &[usize],
) -> Option<NodeId> {
    // Elements with clean text, in node id order: the only ones that can be posts.
    let with_text: Vec<NodeId> = clean_words
        .iter()
        .enumerate()
        .filter(|&(_, &w)| w > 0)
        .map(|(n, _)| n as NodeId)
        .collect();
    let mut is_post = vec![false; dom.nodes.len()];
    let mut posts: Vec<NodeId> = Vec::new();
    let mut current = Some(top);
    for _ in 0..=POST_LEVELS {
        let Some(element) = current else {
            break;
        };
        if Some(element) == body {
            break;
        }
        current = dom.node(element).parent;
        let node = dom.node(element);
        let (Some(tag), Some(class)) = (node.local_name(), node.attr("class")) else {
            continue;
        };
        if class.trim().is_empty() {
            continue;
        }
        // Its twins with clean text, none inside another.
        // (`is_post` marks them by node id: a twin is inside a post when one of its
        // ancestors is marked, a walk up its ancestors rather than a scan of the posts.)
        for &p in &posts {
            is_post[p as usize] = false;
        }
        posts.clear();
        for &n in &with_text {
            let other = dom.node(n);
            if other.local_name() == Some(tag)
                && other.attr("class") == Some(class)
                && !std::iter::successors(dom.node(n).parent, |&a| dom.node(a).parent)
                    .any(|a| is_post[a as usize])
            {
                is_post[n as usize] = true;
                posts.push(n);
            }
        }
        if posts.len() < 2 {
            continue;
        }
        // The innermost element holding them all.
        let mut holder = dom.node(posts[0]).parent;
        while let Some(h) = holder {
            if posts[1..].iter().all(|&p| dom.holds(h, p)) {
                break;
            }
            holder = dom.node(h).parent;
        }
        let holder = holder?;
        if Some(holder) == body {
            return None;
        }
        let posts_words: usize = posts.iter().map(|&p| clean_words[p as usize]).sum();
        if (posts_words as f32) < POSTS_HOLDER_SHARE * clean_words[holder as usize] as f32 {
            return None;
        }
        return Some(holder);
    }
    None
}

/// Fewest cells of a grid outside the region for it to join the region when the best card
/// list is the region itself (a short rail of teasers or a menu has fewer).
const CARD_GRID_MIN_CARDS: usize = 12;

/// Least clean text of such a grid, as a share of the region's.
const CARD_GRID_REGION_SHARE: f32 = 0.25;

/// Fewest cards of one kind that make a card list.
const CARD_LIST_MIN_CARDS: usize = 4;

/// Most kinds of children an element may have to hold a card list (bounds the work on
/// elements with many unlike children).
const CARD_LIST_MAX_KINDS: usize = 16;

/// Fewest characters of clean text in a card list.
const CARD_LIST_MIN_CHARS: usize = 200;

/// A card list ranks above lists of bare links when at least 1 in this many characters of
/// its clean text is prose (clean text with few links: a summary, a price).
const CARD_LIST_PROSE_SHARE: usize = 20;

/// Whether cards with `prose` characters of prose in `clean` characters of clean text hold
/// prose (at least 1 in [`CARD_LIST_PROSE_SHARE`]) rather than bare linked titles.
fn has_prose(prose: usize, clean: usize) -> bool {
    prose * CARD_LIST_PROSE_SHARE >= clean
}

/// A card list: the element holding the cards, their number, and whether they are grid
/// cells ([`is_grid_cell`]).
type CardList = (NodeId, usize, bool);

/// The element holding the most clean text in children of one kind (same tag and class),
/// with the number of those children and whether they are grid cells ([`is_grid_cell`]),
/// among the elements `overlaps` does not exclude:
/// the grid of a listing, storefront or blog index. Cards that hold prose rank above lists
/// of bare links (an archive menu of titles, clean but for its links), which win only
/// when no list holds prose.
fn card_list(
    dom: &Dom,
    clean_chars: &[usize],
    prose_chars: &[usize],
    overlaps: &dyn Fn(NodeId) -> bool,
) -> Option<CardList> {
    // Ranked by (holds prose, clean text).
    let mut best: Option<((bool, usize), CardList)> = None;
    // Only elements with enough clean text can hold a card list.
    // In node id order (the order of the ties below).
    let parents: Vec<NodeId> = clean_chars
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c >= CARD_LIST_MIN_CHARS)
        .map(|(n, _)| n as NodeId)
        .filter(|&n| !overlaps(n))
        .collect();
    let mut groups: Vec<(&html5ever::LocalName, Option<&str>, usize, usize, usize)> = Vec::new();
    for parent in parents {
        groups.clear();
        let mut child = dom.node(parent).first_child;
        while let Some(c) = child {
            let node = dom.node(c);
            child = node.next_sibling;
            let Some(tag) = node.local_name() else {
                continue;
            };
            let text = clean_chars[c as usize];
            if text == 0 {
                continue;
            }
            let class = node.attr("class");
            if is_page_section(tag, class) {
                continue;
            }
            if groups.len() > CARD_LIST_MAX_KINDS {
                break;
            }
            match groups
                .iter_mut()
                .find(|g| g.0 == tag && same_card_class(g.1, class))
            {
                Some(g) => {
                    g.2 += 1;
                    g.3 += text;
                    g.4 += prose_chars[c as usize];
                }
                None => groups.push((tag, class, 1, text, prose_chars[c as usize])),
            }
        }
        if groups.len() > CARD_LIST_MAX_KINDS {
            continue;
        }
        for g in &groups {
            if g.2 >= CARD_LIST_MIN_CARDS
                && g.3 >= CARD_LIST_MIN_CHARS
                && best.is_none_or(|(b, _)| (has_prose(g.4, g.3), g.3) > b)
            {
                best = Some(((has_prose(g.4, g.3), g.3), (parent, g.2, is_grid_cell(g.0))));
            }
        }
    }
    best.map(|(_, node)| node)
}

/// The class names of a card that say what kind of card it is: those without a digit,
/// and neither a taxonomy name nor a position mark ([`is_per_card_name`]).
/// Names with one number each element (`post-1234`, a page builder's
/// `elementor-element-3f2a1b9`), so that cards of one kind would never match.
fn card_class_names(class: Option<&str>) -> impl Iterator<Item = &str> {
    class
        .unwrap_or("")
        .split_ascii_whitespace()
        .filter(|name| !name.bytes().any(|b| b.is_ascii_digit()) && !is_per_card_name(name))
}

/// Prefixes of class names that a CMS gives each entry after its own categories, tags,
/// format and features (WordPress's `category-recipes tag-vegan format-video
/// has-post-thumbnail`): they say what an entry is about, not what kind of card it is.
const TAXONOMY_CLASS_PREFIXES: [&str; 4] = ["category-", "tag-", "format-", "has-"];

/// Whether a class name describes one card rather than its kind: a taxonomy name
/// ([`TAXONOMY_CLASS_PREFIXES`]) or a mark of its place in the list (`first`, `last`,
/// `odd`, `even`).
fn is_per_card_name(name: &str) -> bool {
    TAXONOMY_CLASS_PREFIXES.iter().any(|p| {
        name.len() > p.len() && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    }) || ["first", "last", "odd", "even"]
        .iter()
        .any(|m| name.eq_ignore_ascii_case(m))
}

/// Whether an element is one of a page's sections (a `<section>`, or named one, as page
/// builders name the rows of a page: `elementor-section`, `et_pb_section`): sections side
/// by side are the parts of one page, not cards of a list, whatever their likeness.
fn is_page_section(tag: &html5ever::LocalName, class: Option<&str>) -> bool {
    *tag == local_name!("section") || class.is_some_and(|c| c.contains("section"))
}

/// Whether cards of this tag are the cells of a grid (`<div>`, `<article>`), not the
/// paragraphs, items, rows or folds of a document.
fn is_grid_cell(tag: &html5ever::LocalName) -> bool {
    *tag == local_name!("div") || *tag == local_name!("article")
}

/// Whether two cards' classes name the same kind of card ([`card_class_names`]).
fn same_card_class(a: Option<&str>, b: Option<&str>) -> bool {
    card_class_names(a).eq(card_class_names(b))
}

/// A page where the rules keep almost nothing (a product grid, a storefront, a page of
/// short entries) still has a document: keep every block the markup, phrase and
/// repetition detectors do not call chrome, links or not. A short document (a news brief
/// whose prose is most of the main region) is left as it is.
fn keep_by_fallback(
    blocks: &[Block],
    weights: &[Weights],
    in_container: &[bool],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    let words = |filter: &dyn Fn(usize) -> bool| -> usize {
        (0..blocks.len())
            .filter(|&i| filter(i))
            .map(|i| blocks[i].features.words)
            .sum()
    };
    let fallback: Vec<bool> = (0..blocks.len())
        .map(|i| {
            keep[i]
                || (weights[i].is_clean()
                    && blocks[i].features.words > 0
                    && !blocks[i].is_separated_link_bar())
        })
        .collect();
    let kept_words = words(&|i| keep[i]);
    let fallback_words = words(&|i| fallback[i]);
    let short_document = (0..blocks.len()).any(|i| {
        keep[i] && blocks[i].features.words >= 20 && blocks[i].features.link_density() < 0.2
    }) && words(&|i| in_container[i] && keep[i]) * 10
        >= words(&|i| in_container[i]) * 6;
    let too_little = kept_words < FALLBACK_MIN_WORDS
        || (kept_words as f32) < FALLBACK_MIN_SHARE * fallback_words as f32;
    if short_document || !too_little || fallback_words <= kept_words {
        return;
    }
    for (i, &fall) in fallback.iter().enumerate() {
        if fall && !keep[i] {
            overrule(keep, reasons, i, true, FALLBACK_CAUSE);
        }
    }
}

/// Fewer kept words than this and the page is decided again by the fallback rule.
const FALLBACK_MIN_WORDS: usize = 80;

/// A page whose kept words are under this share of what the fallback would keep is
/// decided by the fallback too.
const FALLBACK_MIN_SHARE: f32 = 0.15;

/// Below this share of the page's clean text (blocks with no chrome evidence but links and
/// few links), the best region gives way to the element that holds [`CLEAN_HOLDER_SHARE`]
/// of it (tried: 0.3 to 0.8; 0.5 to 0.8 give about the same).
const REGION_CLEAN_SHARE: f32 = 0.6;

/// Share of the page's clean text a child of the body must hold to be one of the sections
/// of a page laid out in the body itself.
const BODY_SECTION_SHARE: f32 = 0.03;

/// Characters of text with no clean text in it that end a run of sections in the body.
const BODY_CHROME_CHARS: usize = 500;

/// The sections of a page laid out in the body itself (a landing page whose `<section>`s are
/// children of `<body>`): the run of the body's children that hold clean text, around the
/// one that holds the most. The run goes on past children with no clean text but stops at
/// the page's own chrome: its header, footer, navigation or asides, or a large block of text
/// with no clean text in it (a modal, a mega-menu).
fn body_sections(
    dom: &Dom,
    body: NodeId,
    chars: &[(usize, usize)],
    clean_chars: &[usize],
    clean_words: &[usize],
    clean_total: usize,
) -> Vec<NodeId> {
    let min_words = (BODY_SECTION_SHARE * clean_total as f32).max(1.0);
    let children: Vec<NodeId> =
        std::iter::successors(dom.node(body).first_child, |&n| dom.node(n).next_sibling).collect();
    let is_section = |c: NodeId| clean_words[c as usize] as f32 >= min_words;
    let passable = |c: NodeId| {
        let node = dom.node(c);
        let chrome_tag = matches!(
            node.local_name(),
            Some(
                &local_name!("header")
                    | &local_name!("footer")
                    | &local_name!("nav")
                    | &local_name!("aside")
            )
        ) || node.attr("role").is_some_and(|r| {
            ["banner", "contentinfo", "navigation", "complementary"]
                .iter()
                .any(|x| r.trim().eq_ignore_ascii_case(x))
        });
        is_section(c)
            || !chrome_tag
                && (clean_chars[c as usize] > 0 || chars[c as usize].0 < BODY_CHROME_CHARS)
    };
    let Some(anchor) = (0..children.len())
        .filter(|&i| is_section(children[i]))
        .max_by_key(|&i| (clean_words[children[i] as usize], usize::MAX - i))
    else {
        return Vec::new();
    };
    let mut first = anchor;
    while first > 0 && passable(children[first - 1]) {
        first -= 1;
    }
    let mut last = anchor;
    while last + 1 < children.len() && passable(children[last + 1]) {
        last += 1;
    }
    children[first..=last]
        .iter()
        .copied()
        .filter(|&c| is_section(c))
        .collect()
}

/// Below this share of the page's clean text, a region inside a widget of folds or slides
/// ([`in_folds_or_slides`]) gives way to the element that holds [`CLEAN_HOLDER_SHARE`] of it
/// (tried: 0.9 and 0.95, same pages).
const WIDGET_REGION_CLEAN_SHARE: f32 = 0.9;

/// Below this share of the page's clean text, a region that is one of the named sections of
/// a page of sections ([`in_page_of_sections`]) gives way to the element that holds
/// [`CLEAN_HOLDER_SHARE`] of it (tried: 0.8 and 0.9, same figures; 0.7 and 0.8 on every
/// page lose articles and forums).
const SECTIONS_REGION_CLEAN_SHARE: f32 = 0.8;

/// Words of clean text a page needs to read as a page of sections: below it, one section
/// and a form or a promo around it are the whole page (a short article's lead and its
/// sign-up box).
const SECTIONS_MIN_WORDS: usize = 200;

/// Whether the region at `top` is one of the sections of a landing page: the nearest
/// element above it that holds [`CLEAN_HOLDER_SHARE`] of the page's clean text has at least
/// three children with [`BODY_SECTION_SHARE`] of it each, most of them `<section>`s or named
/// so (a class part `section` or `group`: `l-section`, `wp-block-group`), on a page with
/// [`SECTIONS_MIN_WORDS`] words of clean text. Such a page's document is all of its sections,
/// even when one of them holds most of the text.
fn in_page_of_sections(
    dom: &Dom,
    top: NodeId,
    body: Option<NodeId>,
    clean_words: &[usize],
    clean_total: usize,
) -> bool {
    let Some(holder) = std::iter::successors(dom.node(top).parent, |&n| dom.node(n).parent)
        .take_while(|&n| Some(n) != body)
        .find(|&n| clean_words[n as usize] as f32 >= CLEAN_HOLDER_SHARE * clean_total as f32)
    else {
        return false;
    };
    let min_words = BODY_SECTION_SHARE * clean_total as f32;
    let (mut parts, mut sections) = (0usize, 0usize);
    for c in std::iter::successors(dom.node(holder).first_child, |&n| dom.node(n).next_sibling) {
        if (clean_words[c as usize] as f32) < min_words.max(1.0) {
            continue;
        }
        parts += 1;
        let node = dom.node(c);
        let named = node
            .local_name()
            .is_some_and(|t| *t == local_name!("section"))
            || class_has_part(node.attr("class"), &["section", "group"]);
        if named {
            sections += 1;
        }
    }
    parts >= 3 && sections * 2 > parts && clean_total >= SECTIONS_MIN_WORDS
}

/// Levels above the region's element (itself included) searched for a widget's name.
const WIDGET_LEVELS: usize = 3;

/// Whether the element at `id`, its parent or grandparent is named as a widget of folds or
/// slides: a class with a part `accordion`, `faq`/`faqs`, `carousel`, `slider`, `swiper`,
/// `splide`, `slick`, `glide` or `flickity` (`pbc_accordion`, `faqs__wrapper`,
/// `swiper-wrapper`, `promo-bar__carousel`). Such a widget is one section of a page, not
/// the page's document, whatever share of the text it holds.
fn in_folds_or_slides(dom: &Dom, id: NodeId) -> bool {
    const WIDGETS: [&str; 10] = [
        "accordion",
        "faq",
        "faqs",
        "carousel",
        "slider",
        "swiper",
        "splide",
        "slick",
        "glide",
        "flickity",
    ];
    std::iter::successors(Some(id), |&n| dom.node(n).parent)
        .take(WIDGET_LEVELS)
        .any(|n| class_has_part(dom.node(n).attr("class"), &WIDGETS))
}

/// Whether `class` has one of `words` (any ASCII case) as a whole part, its parts split at
/// every character that is not an ASCII letter or digit (`faqs__wrapper` has `faqs`,
/// `slideritem` has no `slider`).
fn class_has_part(class: Option<&str>, words: &[&str]) -> bool {
    class.is_some_and(|class| {
        class
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| words.iter().any(|w| part.eq_ignore_ascii_case(w)))
    })
}

/// Share of the page's clean text an element must hold to become the region of a page of
/// many sections (tried: 0.45 to 1.0).
const CLEAN_HOLDER_SHARE: f32 = 0.9;

/// Below this share of the `<main>` element's text, the best region gives way to it.
const MAIN_ELEMENT_SHARE: f32 = 0.5;

/// Share of link text above which the main region is a listing (teasers are content).
const LISTING_LINK_SHARE: f32 = 0.3;

/// The detector whose verdicts mark labels repeated within the page.
const REPEATED_DETECTOR: &str = "repeated-in-page";

/// Weight of a repeated-in-page verdict from three sightings or more (see
/// `detect::repeated`): such a label inside a listing's entries is a field of the entries.
const REPEATED_FIELD_WEIGHT: f32 = 0.8;

/// The detector whose verdicts mark site template lines (cross-document frequency).
const TEMPLATE_DETECTOR: &str = "line-frequency";

/// Fewest words for a template line inside the document to be kept as part of it.
const TEMPLATE_KEEP_MIN_WORDS: usize = 3;

/// Prose template lines (at least this many words, few links) are removed only when at
/// least this share of the site's pages carries them.
const TEMPLATE_PROSE_SHARE: f32 = 0.8;
const TEMPLATE_PROSE_WORDS: usize = 8;

/// Fewest words of kept non-template text a page needs before its template lines are
/// removed.
const TEMPLATE_MIN_OWN_WORDS: usize = 80;

/// Removes kept blocks that are site template. A template line standing inside the
/// document — a kept, non-template block of real text before it and after it, in the main
/// region — is part of the document (a standard field of a product page, a recurring
/// sentence in documentation) and stays; template at the edges of the document (taglines,
/// partner notes, disclaimers, "continue reading") and outside it goes.
fn remove_template(
    blocks: &[Block],
    template: &[bool],
    in_container: &[bool],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    let anchor = |i: usize, keep: &[bool]| {
        keep[i] && !template[i] && in_container[i] && blocks[i].features.words >= 2
    };
    // Nearest anchors before and after each block, from the decisions before this step.
    let snapshot = keep.to_vec();
    let n = blocks.len();
    // A page whose kept text is mostly template (a product page's labelled fields, a
    // listing's standard teasers) keeps it: removing it would leave almost nothing, and the
    // template is then the page's form, not chrome around a document.
    let own = (0..n).filter(|&i| snapshot[i] && !template[i]);
    let own_words: usize = own.clone().map(|i| blocks[i].features.words).sum();
    let own_stopwords: usize = own.map(|i| blocks[i].features.stopwords).sum();
    // Words of prose, not identifiers: stopwords count where the language has a list.
    let page_has_stopwords = blocks.iter().any(|b| b.features.stopwords > 0);
    if own_words < TEMPLATE_MIN_OWN_WORDS
        || (page_has_stopwords && own_stopwords < TEMPLATE_MIN_OWN_WORDS / 8)
    {
        return;
    }
    let mut anchor_before = vec![false; n];
    let mut seen = false;
    for (i, before) in anchor_before.iter_mut().enumerate() {
        *before = seen;
        seen |= anchor(i, &snapshot);
    }
    seen = false;
    for i in (0..n).rev() {
        let inside = anchor_before[i] && seen;
        seen |= anchor(i, &snapshot);
        if !template[i] || !snapshot[i] {
            continue;
        }
        // A template heading that opens kept text of the page's own (a product page's
        // "About this game") introduces the document's section.
        let opens_own_text = blocks[i].kind.is_heading()
            && (i + 1..n)
                .find(|&j| snapshot[j])
                .is_some_and(|j| !template[j] && blocks[j].features.words >= 2);
        if opens_own_text
            || (inside && in_container[i] && blocks[i].features.words >= TEMPLATE_KEEP_MIN_WORDS)
        {
            note(&mut reasons[i], 0.0, "a template line inside the document");
        } else {
            keep[i] = false;
        }
    }
}

/// Whether `text` has letters enough for a word (at least three), not only figures and
/// signs ("$22.00", "42 21 .667").
fn has_words(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).nth(2).is_some()
}

/// Decides every block. `verdicts` may come in any order; `kinds` is what the page's
/// structured data declares it to be.
pub fn decide(
    blocks: &[Block],
    verdicts: &[Verdict],
    dom: Option<&Dom>,
    source: SourceKind,
    kinds: PageKinds,
    declared: Option<&str>,
    config: &DecideConfig,
) -> Vec<Decision> {
    let n = blocks.len();
    let mut weights = combine(verdicts, n);
    let mut classes: Vec<BlockClass> = blocks
        .iter()
        .zip(&weights)
        .map(|(b, w)| first_class(b, w))
        .collect();

    // Reasons per block, strongest first (stable for equal weights: detector order).
    let mut reasons: Vec<Vec<(f32, Reason)>> = vec![Vec::new(); n];
    for v in verdicts {
        if let Some(r) = reasons.get_mut(v.block) {
            let signed = if v.signal == Signal::Content {
                -v.weight
            } else {
                v.weight
            };
            r.push((signed, v.reason.clone()));
        }
    }

    // The blocks of the declared document text, in the element that holds it.
    let mut declared_parts: Vec<usize> = Vec::new();
    // Main container (HTML): blocks outside it lose a class step, blocks inside gain one.
    // The element that holds the declared document text anchors it.
    let Region {
        nodes: region,
        cards,
        continuation,
    } = match (source, dom) {
        (SourceKind::Html, Some(dom)) => {
            // Verdicts that leave the region alone are set aside while it is chosen.
            let region = if verdicts.iter().any(|v| v.region_neutral) {
                let kept: Vec<Verdict> = verdicts
                    .iter()
                    .filter(|v| !v.region_neutral)
                    .cloned()
                    .collect();
                main_region(blocks, &combine(&kept, n), dom, kinds)
            } else {
                main_region(blocks, &weights, dom, kinds)
            };
            let anchor = declared
                .and_then(|text| declared_anchor(blocks, dom, text))
                .map(|(anchor, parts)| {
                    declared_parts = parts;
                    anchor
                });
            match anchor {
                Some(anchor) => anchored_region(dom, region, anchor),
                None => region,
            }
        }
        _ => Region::default(),
    };
    let mut in_container = vec![true; n];
    if !region.is_empty() {
        for (i, block) in blocks.iter().enumerate() {
            in_container[i] = block.ancestors.iter().any(|a| region.contains(a));
        }
        // A region that is mostly links is a listing: its teaser titles are its content,
        // so link density no longer counts against blocks inside it.
        let (chars, links) =
            (0..n)
                .filter(|&i| in_container[i])
                .fold((0usize, 0usize), |(c, l), i| {
                    (
                        c + blocks[i].features.chars,
                        l + blocks[i].features.link_chars,
                    )
                });
        // The cards of a listing that joined the region are entries too, whatever else
        // the region holds.
        let listing = links as f32 > LISTING_LINK_SHARE * chars.max(1) as f32;
        let in_cards = |i: usize| cards.is_some_and(|c| blocks[i].ancestors.contains(&c));
        // Long lists of bare short links (a shop's brands, a site's cities) are menus.
        let menu = menu_lists(blocks, kinds, &in_container);
        // Labels laid over a card's picture ("Sale", "Only 3 left!") are badges, not fields
        // of the entry.
        let overlay: Vec<bool> = match dom {
            Some(dom)
                if (listing || cards.is_some())
                    && !(is_one_product(kinds) || kinds.article || kinds.discussion) =>
            {
                (0..n)
                    .map(|i| in_container[i] && is_picture_overlay(&blocks[i], dom))
                    .collect()
            }
            _ => vec![false; n],
        };
        if listing || cards.is_some() {
            // The labels every entry repeats (each job's "Full-time", each product's brand,
            // each trail's difficulty) are fields of the entries, but not on a page declared
            // one product, a discussion or an article, whose repeated labels around the
            // document are its template (a price block per variant, "Reply" per post). A
            // page that declares several products side by side is a grid of offers: its
            // cards are entries.
            let fields = !(is_one_product(kinds) || kinds.discussion || kinds.article);
            // A block that is one long run of short links (a language picker, a tag
            // cloud) is a menu, not an entry.
            // A page declared one product lists nothing: what link density calls chrome
            // in its region (a breadcrumb, a "see all details" link, a promotion's link,
            // the titles of other products) keeps that evidence; the product's own linked
            // list items (its variants, its documents) still stay as the region's links.
            let one_product = is_one_product(kinds);
            let linked_chrome: Vec<bool> = weights
                .iter()
                .map(|w| one_product && w.chrome > w.chrome_without_links)
                .collect();
            for i in (0..n).filter(|&i| {
                in_container[i]
                    && (listing || in_cards(i))
                    && !is_link_cloud(&blocks[i])
                    && !menu[i]
                    && !linked_chrome[i]
                    && !overlay[i]
            }) {
                // An entry's title is a line of names and nouns: few stopwords are no
                // evidence against it (a line of code, an address, a contact bar or a
                // sentence still counts them).
                let f = &blocks[i].features;
                let text = blocks[i].text.trim();
                let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
                let title = !f.ends_sentence
                    && !text.contains(['<', '{', '=', '@', '\n', '|'])
                    && digits * 10 < text.len()
                    && f.words >= 3;
                weights[i].chrome = if fields && title {
                    weights[i].chrome_of_entry_title
                } else if fields {
                    weights[i].chrome_of_entry
                } else {
                    weights[i].chrome_without_links
                };
                classes[i] = first_class(&blocks[i], &weights[i]);
                // The entries of a listing are its content, however short, and so are
                // the dates and authors of its entries.
                if matches!(
                    classes[i],
                    BlockClass::Short | BlockClass::NearGood | BlockClass::Metadata
                ) && weights[i].chrome < 0.3
                {
                    classes[i] = BlockClass::Good;
                }
                note(
                    &mut reasons[i],
                    0.0,
                    "inside a listing region, where links are content",
                );
            }
            // A label laid over a card's picture is a badge, not an entry's field.
            for i in (0..n).filter(|&i| overlay[i] && (listing || in_cards(i))) {
                classes[i] = BlockClass::Bad;
                note(
                    &mut reasons[i],
                    1.0,
                    "a label laid over the picture of a card (inside its <figure>)",
                );
            }
        }
        // A page not declared an article, product or discussion: a landing page, whose
        // cards are its sections.
        let landing = !(kinds.article || kinds.product || kinds.discussion);
        let linked_cards = match dom {
            Some(dom) if landing => linked_card_text(blocks, dom, &in_container),
            _ => vec![false; n],
        };
        for i in 0..n {
            let class = classes[i];
            if in_container[i] {
                // Items and headings of the document that are links (its table of
                // contents, a list of the products it names) and have no other chrome
                // evidence are document text there.
                // So are sentences of the document that cite the pages they name (a
                // paragraph with many inline links still reads as prose; menus and teaser
                // lists do not), unless they are almost all links, and the text of a row of
                // linked cards on a landing page ([`linked_card_text`]).
                let f = &blocks[i].features;
                let linked_prose = f.link_density() < LINKED_PROSE_MAX_LINKS && f.reads_as_prose();
                // A bar of links set apart by `|` or `·` is a menu, even set as a heading.
                let only_links = !overlay[i]
                    && ((weights[i].chrome_without_links < 0.05
                        && !menu[i]
                        && !blocks[i].is_separated_link_bar()
                        && (linked_prose
                            || linked_cards[i]
                            || matches!(blocks[i].kind, BlockKind::ListItem { .. })
                            || blocks[i].kind.is_heading()))
                        || half_linked_text(f, &weights[i]));
                let class = if class == BlockClass::Bad && only_links {
                    BlockClass::NearGood
                } else {
                    class
                };
                if class == BlockClass::NearGood {
                    classes[i] = BlockClass::Good;
                } else if class == BlockClass::Short && weights[i].chrome < 0.5 {
                    // Real text in the region is document text even when its language
                    // has few stopwords on our lists; short labels still need context.
                    // Items of a list in the region with no chrome evidence at all are
                    // the document's own list, however short.
                    let clean_item = matches!(blocks[i].kind, BlockKind::ListItem { .. })
                        && weights[i].chrome < 0.05
                        && blocks[i].features.link_density() < 0.3;
                    classes[i] = if clean_item
                        || blocks[i].features.chars >= crate::detect::text_density::LENGTH_LOW
                    {
                        BlockClass::Good
                    } else {
                        BlockClass::NearGood
                    };
                }
            } else if matches!(
                class,
                BlockClass::Good | BlockClass::NearGood | BlockClass::Short
            ) {
                // Outside the region only strong prose stands on its own (page builders
                // split a document across many sections); other blocks lose a step and
                // context decides: a heading or short item between good paragraphs stays,
                // rails and teasers among chrome go.
                let strong = class == BlockClass::Good && weights[i].chrome < 0.3;
                if !strong {
                    classes[i] = match class {
                        BlockClass::Good | BlockClass::NearGood => BlockClass::NearGood,
                        _ => BlockClass::Short,
                    };
                    note(&mut reasons[i], 0.5, "outside the main content region");
                }
            }
        }
    }

    let keep = match source {
        SourceKind::Html => smooth(blocks, &classes, &weights, &in_container, config),
        SourceKind::Text => {
            let (keep, extra) = keep_text_lines(blocks, &weights);
            for (i, cause) in extra {
                note(&mut reasons[i], 0.5, cause);
            }
            keep
        }
    };

    // Short lines of the region with no chrome evidence at all and no links (a landing
    // page's taglines between its buttons and cards) are the page's own text, whatever
    // their neighbours are. A line of figures (a card's price, a row of a score table) is
    // no tagline: its neighbours decide.
    let mut keep = keep;
    // The text the page declares as its document (a product's description) is document
    // text where the page shows it, whatever its markup (a drawer, a collapsed panel).
    for &i in &declared_parts {
        if !keep[i] {
            overrule(
                &mut keep,
                &mut reasons,
                i,
                true,
                "the page's declared description",
            );
        }
    }
    if source == SourceKind::Html && !region.is_empty() {
        for i in 0..n {
            let f = &blocks[i].features;
            if !keep[i]
                && in_container[i]
                && classes[i] == BlockClass::NearGood
                && weights[i].chrome < 0.01
                && f.link_chars == 0
                && f.words >= 2
                && has_words(&blocks[i].text)
            {
                keep[i] = true;
            }
        }
        // The value of a field stays with its kept label (a grid of specifications:
        // `Board type` / `Straight`, `Weight` / `653 g`), short and figures as it may be.
        for i in 1..n {
            if !keep[i]
                && keep[i - 1]
                && matches!(classes[i], BlockClass::Short | BlockClass::NearGood)
                && weights[i].chrome < 0.5
                && crate::detect::repeated::is_field_value(blocks, i)
            {
                keep[i] = true;
            }
        }
    }

    if let (SourceKind::Html, Some(dom)) = (source, dom) {
        keep_rows_of_kept_tables(blocks, dom, &weights, &in_container, &mut keep);
        keep_cells_of_kept_rows(blocks, dom, &weights, &in_container, &mut keep);
        if !region.is_empty() {
            keep_plain_lists(blocks, dom, &weights, &mut keep, &mut reasons);
        }
    }

    // Card titles: a linked heading in the region whose card goes on with a kept summary
    // (same parent element) is the title of a teaser that is itself content.
    for i in 0..n.saturating_sub(1) {
        let (b, next) = (&blocks[i], &blocks[i + 1]);
        if keep[i] || !in_container[i] || !b.kind.is_heading() {
            continue;
        }
        let same_card = b.ancestors.len() >= 2
            && next.ancestors.len() >= 2
            && next.ancestors.contains(&b.ancestors[b.ancestors.len() - 2]);
        if weights[i].chrome_without_links < 0.3
            && keep[i + 1]
            && next.features.link_density() < 0.2
            && same_card
        {
            overrule(
                &mut keep,
                &mut reasons,
                i,
                true,
                "the linked title of a kept teaser",
            );
        }
    }

    // On a page declared an article, product or discussion, teasers with a summary are
    // its related rails, whose titles are no entries of the page.
    if !(kinds.product || kinds.discussion || kinds.article) {
        keep_linked_entry_titles(blocks, &weights, &in_container, &mut keep, &mut reasons);
    }

    if source == SourceKind::Html {
        keep_by_fallback(blocks, &weights, &in_container, &mut keep, &mut reasons);
    }

    let mut template = vec![false; n];
    let mut template_share = vec![0.0f32; n];
    for v in verdicts {
        if v.reason.detector == TEMPLATE_DETECTOR && v.signal == Signal::Chrome {
            if let Some(t) = template.get_mut(v.block) {
                *t = true;
                template_share[v.block] = v.weight;
            }
        }
    }
    if template.iter().any(|&t| t) {
        // Prose that only part of the site's pages carry (a standard notice on some
        // product pages) is the page's own text more often than chrome.
        for i in 0..n {
            let b = &blocks[i].features;
            if template[i]
                && template_share[i] < TEMPLATE_PROSE_SHARE
                && b.words >= TEMPLATE_PROSE_WORDS
                && b.link_density() < 0.3
            {
                template[i] = false;
            }
        }
        remove_template(blocks, &template, &in_container, &mut keep, &mut reasons);
    }

    if source == SourceKind::Html {
        if let Some(dom) = dom {
            // The linked titles of a grid's cards ([`grid_card_titles`]) stay unless what
            // closes the body would take them too; the body is found without them.
            let titles = if kinds.product || kinds.discussion || kinds.article || kinds.dated {
                Vec::new()
            } else {
                grid_card_titles(blocks, dom, &weights, &keep)
            };
            let with_titles = (!titles.is_empty()).then(|| {
                let mut with = keep.clone();
                let mut scratch = reasons.clone();
                for &i in &titles {
                    with[i] = true;
                }
                drop_after_body(blocks, dom, kinds, continuation, &mut with, &mut scratch);
                drop_teaser_summaries(blocks, dom, &mut with, &mut scratch);
                with
            });
            drop_after_body(blocks, dom, kinds, continuation, &mut keep, &mut reasons);
            drop_teaser_summaries(blocks, dom, &mut keep, &mut reasons);
            if let Some(with) = with_titles {
                for &i in titles.iter().filter(|&&i| with[i]) {
                    overrule(
                        &mut keep,
                        &mut reasons,
                        i,
                        true,
                        "the linked title of a card in a grid",
                    );
                }
            }
        }
    }

    if source == SourceKind::Html {
        // Entries of a listing share fields; a page declared a product, discussion or
        // article has no entries (see `fields` above).
        let entries = !(kinds.product || kinds.discussion || kinds.article);
        // One product's page prints its short lines again too (its name over the gallery
        // and in the buy box, a tagline per screen size, a sticky bar's copy of the title):
        // a copy of a line of a few words is a copy there.
        let min_words = if is_one_product(kinds) && !kinds.discussion {
            PRODUCT_REPEATED_LINE_WORDS
        } else {
            REPEATED_PASSAGE_WORDS
        };
        drop_repeated_passages(
            blocks,
            dom,
            entries,
            min_words,
            &in_container,
            &mut keep,
            &mut reasons,
        );
        drop_variants_of_dropped_notices(blocks, &mut keep, &mut reasons);
        // A thread's one-line replies are posts: only other pages lose title lines.
        drop_headings_of_dropped_sections(
            blocks,
            (!kinds.discussion).then_some(&weights[..]),
            &mut keep,
            &mut reasons,
        );
        keep_repeated_labels_of_kept_text(blocks, &mut keep, &mut reasons);
    }

    let mut decisions = Vec::with_capacity(n);
    for i in 0..n {
        let mut r = std::mem::take(&mut reasons[i]);
        r.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut list: Vec<Reason> = r.into_iter().map(|(_, reason)| reason).collect();
        if !keep[i] && list.is_empty() {
            list.push(Reason {
                detector: "decide",
                cause: "short block among chrome".to_string(),
            });
        }
        decisions.push(Decision {
            keep: keep[i],
            class: classes[i],
            reasons: list,
        });
    }
    decisions
}

/// Most words of a label ending in a colon that [`keep_repeated_labels_of_kept_text`] keeps.
const REPEATED_LABEL_WORDS: usize = 8;

/// How a quote's attribution ends ("Ana said:", "Ana wrote:"): the label of a quoted
/// post, not of the text that follows.
const QUOTE_ATTRIBUTION_ENDINGS: &[&str] = &[
    "said:",
    "wrote:",
    "says:",
    "writes:",
    "schrieb:",
    "escribió:",
    "a écrit :",
    "a écrit:",
    "ha scritto:",
];

/// A short label ending in a colon ("Advantages:", "Deliverables include:") that went only
/// for being printed several times on the page goes back when the text right after it is
/// kept: each of a page's reviewed items or packages has its own "Advantages:" over its
/// own list, and a label repeats with the entries it introduces. Quote attributions
/// ("Ana wrote:") and template keys (`breadcrumb_1:`) stay out.
fn keep_repeated_labels_of_kept_text(
    blocks: &[Block],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    // Texts the page keeps, and its titles (`<h1>`), folded: a heading with such a copy
    // (the page's title, again in capitals over its first section) is printed already.
    let mut kept: Option<std::collections::HashSet<String>> = None;
    for i in 0..blocks.len().saturating_sub(1) {
        if keep[i] || !keep[i + 1] || matches!(blocks[i + 1].kind, BlockKind::Quote) {
            continue;
        }
        if reasons[i].is_empty()
            || !reasons[i]
                .iter()
                .all(|(_, r)| r.detector == "repeated-in-page")
        {
            continue;
        }
        let text = blocks[i].text.trim();
        let words = text.split_whitespace().count();
        // A heading between kept text heads the section after it, as a label does: each
        // reviewed item's "Pros" and "Cons".
        let heading = heading_level(&blocks[i]) >= 2
            && heading_level(&blocks[i]) <= 6
            && i > 0
            && keep[i - 1]
            && heading_level(&blocks[i + 1]) > heading_level(&blocks[i])
            && blocks[i].features.link_chars == 0
            && blocks[i].text.chars().any(char::is_alphabetic);
        if !(heading || text.ends_with(':') || text.ends_with('：'))
            || !(1..=REPEATED_LABEL_WORDS).contains(&words)
            || text.contains('_')
            || text.contains('\n')
        {
            continue;
        }
        let lower = text.to_lowercase();
        if QUOTE_ATTRIBUTION_ENDINGS.iter().any(|e| lower.ends_with(e)) {
            continue;
        }
        let kept = kept.get_or_insert_with(|| {
            blocks
                .iter()
                .zip(keep.iter())
                .filter(|(b, &k)| k || b.kind == (BlockKind::Heading { level: 1 }))
                .map(|(b, _)| b.text.trim().to_lowercase())
                .collect()
        });
        if heading && kept.contains(&lower) {
            continue;
        }
        overrule(
            keep,
            reasons,
            i,
            true,
            "a repeated label of the kept text after it",
        );
    }
}

/// The element that holds a heading's section: the deepest ancestor of block `i` (its own
/// element aside) that holds a neighbouring block too, as its depth, when every other block
/// inside it (blocks of one element are contiguous in document order) is `dropped`. The
/// scan stops at the first block that is not.
fn dropped_section(blocks: &[Block], i: usize, dropped: impl Fn(usize) -> bool) -> Option<usize> {
    let own = &blocks[i].ancestors;
    let shares = |k: usize, depth: usize| blocks[k].ancestors.get(depth) == Some(&own[depth]);
    let depth = (0..own.len().saturating_sub(1))
        .rev()
        .find(|&d| (i > 0 && shares(i - 1, d)) || (i + 1 < blocks.len() && shares(i + 1, d)))?;
    let mut k = i;
    while k > 0 && shares(k - 1, depth) {
        k -= 1;
        if !dropped(k) {
            return None;
        }
    }
    let mut k = i + 1;
    while k < blocks.len() && shares(k, depth) {
        if !dropped(k) {
            return None;
        }
        k += 1;
    }
    Some(depth)
}

/// Share of a page's kept words in prose (sentences with few links) that makes it a page of
/// prose, whose dropped sections' headings go too (tried on wcxb-dev: 0.5 to 0.8; the same
/// leaks fall at 0.5 as with no gate, and landing pages lose fewer headlines).
const SECTIONED_PROSE_SHARE: f32 = 0.5;

/// A block's heading level (1 for `<h1>`), 7 for a block that is no heading.
fn heading_level(block: &Block) -> u8 {
    match block.kind {
        BlockKind::Heading { level } => level,
        _ => 7,
    }
}

/// Most sections of one rank side by side in one element whose headings
/// [`drop_headings_of_dropped_sections`] drops: more are a run of cards, whose titles are
/// entries even when their fields went (tried on wcxb-dev: 1, 2, 3, 5, any; 3 best).
const MAX_DROPPED_SECTIONS_SIDE_BY_SIDE: usize = 3;

/// A section heading (`<h2>` to `<h6>`, not a link) whose section lost every other block (a
/// rail's "Trending now" over its dropped teasers, a closing call to action's "Ready to get
/// started?" over its dropped button) titles nothing the page keeps, and goes with its
/// section, on a page of prose ([`SECTIONED_PROSE_SHARE`]). The section is the deepest
/// element around the heading that holds a neighbouring block. A heading that the next kept
/// text goes on from (a lower rank, or no heading) stays unless its own element goes on with
/// dropped blocks. The page's title (`<h1>`) stays whatever its header lost (a byline, a
/// date), and so do the titles of a run of cards ([`MAX_DROPPED_SECTIONS_SIDE_BY_SIDE`]).
/// With `title_lines` (the blocks' weights; not on a thread) a plain line that reads as a
/// title ([`is_title_line`]) goes as a heading does, when its section went for more than its
/// links and the page has at most [`MAX_DROPPED_TITLE_LINES`] such lines, each printed once.
fn drop_headings_of_dropped_sections(
    blocks: &[Block],
    title_lines: Option<&[Weights]>,
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    // A landing page's sections are a headline over a button or a row of cards, and its
    // headlines are its text: only a page of prose titles its sections with text.
    let (mut prose, mut total) = (0usize, 0usize);
    for (block, _) in blocks.iter().zip(keep.iter()).filter(|(_, &k)| k) {
        total += block.features.words;
        if block.features.reads_as_prose() {
            prose += block.features.words;
        }
    }
    if (prose as f32) < SECTIONED_PROSE_SHARE * total as f32 {
        return;
    }
    // The next kept block after each block.
    let mut next_kept = vec![None; blocks.len()];
    for i in (0..blocks.len().saturating_sub(1)).rev() {
        next_kept[i] = if keep[i + 1] {
            Some(i + 1)
        } else {
            next_kept[i + 1]
        };
    }
    // (heading, the element around its section)
    let mut found: Vec<(usize, Option<NodeId>)> = Vec::new();
    for i in 0..blocks.len() {
        let heading = matches!(blocks[i].kind, BlockKind::Heading { level } if level >= 2);
        if !keep[i]
            || !(heading || (title_lines.is_some() && is_title_line(&blocks[i])))
            || blocks[i].features.link_chars > 0
        {
            continue;
        }
        let level = heading_level(&blocks[i]);
        // A heading that the next kept text goes on from (a lower rank, or no heading) still
        // titles it, unless its own element goes on with dropped blocks (a section's
        // headline over its dropped button, outside the heading's own wrapper).
        let titles_next = next_kept[i].is_some_and(|k| heading_level(&blocks[k]) > level);
        let parent = blocks[i]
            .ancestors
            .len()
            .checked_sub(2)
            .map(|d| blocks[i].ancestors[d]);
        let followed_in_parent =
            i + 1 < blocks.len() && parent.is_some_and(|p| blocks[i + 1].ancestors.contains(&p));
        if titles_next && !followed_in_parent {
            continue;
        }
        // A plain line right under a dropped byline or date line is the body of the post
        // that line heads (a one-line reply under its author and date), not a title: a title
        // stands over its byline.
        if !heading
            && i > 0
            && !keep[i - 1]
            && !blocks[i].text.contains(':')
            && reasons[i - 1].iter().any(|(_, r)| r.detector == "byline")
        {
            continue;
        }
        // A title line's section may hold other title lines (a column of boxes, each a
        // line over its dropped links).
        let Some(depth) = dropped_section(blocks, i, |k| {
            (!keep[k] && !blocks[k].kind.is_heading())
                || (!heading && keep[k] && is_title_line(&blocks[k]))
        }) else {
            continue;
        };
        // A title line goes only with a section that went for more than its links (a
        // landing page's tagline over its row of customers' logos is its text).
        if let (false, Some(weights)) = (heading, title_lines) {
            let section = blocks[i].ancestors[depth];
            let evidence = |k: &usize| {
                blocks[*k].ancestors.get(depth) == Some(&section)
                    && weights[*k].chrome_without_links >= TITLE_LINE_SECTION_CHROME
            };
            let around =
                i.saturating_sub(SECTION_LOOKAROUND)..(i + SECTION_LOOKAROUND).min(blocks.len());
            if !around.filter(|&k| k != i).any(|k| evidence(&k)) {
                continue;
            }
        }
        let outer = depth.checked_sub(1).map(|d| blocks[i].ancestors[d]);
        found.push((i, outer));
    }
    // How many found headings of each rank share each element around their sections.
    let mut runs: HashMap<(Option<NodeId>, u8), usize> = HashMap::default();
    for &(i, outer) in &found {
        *runs.entry((outer, heading_level(&blocks[i]))).or_default() += 1;
    }
    // Title lines: a page with more of them is a grid of cards whose lines are fields
    // (a name, a price, a label), and a line printed twice is a field too.
    let lines: Vec<usize> = found
        .iter()
        .map(|&(i, _)| i)
        .filter(|&i| !blocks[i].kind.is_heading())
        .collect();
    let lone_line = |i: usize| {
        lines.len() <= MAX_DROPPED_TITLE_LINES
            && blocks.iter().filter(|b| b.text == blocks[i].text).count() == 1
    };
    for &(i, outer) in &found {
        if runs[&(outer, heading_level(&blocks[i]))] > MAX_DROPPED_SECTIONS_SIDE_BY_SIDE {
            continue;
        }
        if !blocks[i].kind.is_heading() && !lone_line(i) {
            continue;
        }
        overrule(
            keep,
            reasons,
            i,
            false,
            "the heading of a section dropped whole",
        );
    }
}

/// Most title lines ([`is_title_line`]) of dropped sections on one page that
/// [`drop_headings_of_dropped_sections`] drops: more are the fields of a grid of cards.
const MAX_DROPPED_TITLE_LINES: usize = 3;

/// Most words of a title line.
const TITLE_LINE_WORDS: usize = 8;

/// Chrome evidence besides links that a block of a title line's section needs for the
/// section to have gone for more than its links.
const TITLE_LINE_SECTION_CHROME: f32 = 0.4;

/// Blocks on each side of a title line searched for that evidence.
const SECTION_LOOKAROUND: usize = 8;

/// Whether a paragraph reads as a section's title set in plain text (a box's "Support our
/// work" over its dropped button, a rail's "More posts" over its dropped teasers): one line
/// of two to [`TITLE_LINE_WORDS`] words, mostly letters, that ends no sentence.
fn is_title_line(block: &Block) -> bool {
    let f = &block.features;
    if !matches!(block.kind, BlockKind::Paragraph)
        || !(2..=TITLE_LINE_WORDS).contains(&f.words)
        || f.ends_sentence
    {
        return false;
    }
    let text = block.text.trim();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    !text.contains('\n') && letters * 2 > text.chars().count()
}

/// Words a linked entry title may have: fewer is a label, more is a teaser paragraph.
const ENTRY_TITLE_WORDS: std::ops::RangeInclusive<usize> = 3..=30;

/// Blocks after a linked entry title searched for its kept summary.
const ENTRY_SUMMARY_LOOKAHEAD: usize = 3;

/// Blocks of a card searched for a second copy of its title.
const ENTRY_CARD_BLOCKS: usize = 12;

/// Most blocks of a card whose list items other cards list too: a plan or a package with
/// its features.
const PLAN_CARD_BLOCKS: usize = 40;

/// Words a kept block needs to be an entry's summary rather than a field.
const ENTRY_SUMMARY_WORDS: usize = 8;

/// Entry titles that are a single link in a plain element (a blog index's `<header><a>`,
/// a course list's `<div><a>`): in the region, when the same card (the title's parent or
/// grandparent element) opens with it and goes on within a few blocks with a kept summary
/// that is not links, the title belongs to an entry that is itself content. The heading form of the
/// rule (`Card titles` in [`decide`]) needs the summary right after; here a meta line
/// (date, section, comment count) may come between.
fn keep_linked_entry_titles(
    blocks: &[Block],
    weights: &[Weights],
    in_container: &[bool],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    for i in 0..blocks.len() {
        let b = &blocks[i];
        let f = &b.features;
        if keep[i]
            || !in_container[i]
            || f.links != 1
            || f.link_density() < 0.9
            || !ENTRY_TITLE_WORDS.contains(&f.words)
            || weights[i].chrome_without_links >= 0.3
            || b.ancestors.len() < 3
        {
            continue;
        }
        // The card is the nearest of the parent and grandparent that holds the next block.
        // A title opens its card; a link after the card's text is its call to action.
        let Some(next) = blocks.get(i + 1) else {
            continue;
        };
        let Some(&card) = b.ancestors[b.ancestors.len() - 3..b.ancestors.len() - 1]
            .iter()
            .rev()
            .find(|a| next.ancestors.contains(a))
        else {
            continue;
        };
        if i > 0 && blocks[i - 1].ancestors.contains(&card) {
            continue;
        }
        // A link laid over the whole card (for the screen reader, or to make the card
        // clickable) repeats the title the card prints further on.
        let repeated = blocks
            .iter()
            .skip(i + 1)
            .take(ENTRY_CARD_BLOCKS)
            .take_while(|later| later.ancestors.contains(&card))
            .any(|later| later.text == b.text);
        if repeated {
            continue;
        }
        let summary = blocks
            .iter()
            .enumerate()
            .skip(i + 1)
            .take(ENTRY_SUMMARY_LOOKAHEAD)
            .take_while(|(_, next)| next.ancestors.contains(&card))
            .any(|(j, next)| {
                keep[j]
                    && next.features.words >= ENTRY_SUMMARY_WORDS
                    && next.features.link_density() < 0.2
            });
        if summary {
            overrule(keep, reasons, i, true, "the linked title of a kept entry");
        }
    }
}

/// Fewest cards of one kind side by side whose linked titles [`grid_card_titles`] keeps.
const GRID_CARD_MIN_CARDS: usize = 5;

/// Least share of the page's kept words that a grid's titles must add.
const GRID_CARD_TITLES_SHARE: f32 = 0.03;

/// Levels above a title's element searched for the card that holds it.
const GRID_CARD_LEVELS: usize = 5;

/// Most words of a card's linked title.
const GRID_CARD_TITLE_WORDS: usize = 15;

/// Fewest words of the title of a card that is one link, named nothing.
const GRID_LINK_CARD_TITLE_MIN_WORDS: usize = 3;

/// Whether the element is an image (`<img>`, `<picture>`).
fn is_image(dom: &Dom, n: NodeId) -> bool {
    dom.node(n)
        .local_name()
        .is_some_and(|t| *t == local_name!("img") || *t == local_name!("picture"))
}

/// The linked titles of a grid of cards (a category's products, a storefront's tiles)
/// that the page does not keep: a card is an element with an image among at least
/// [`GRID_CARD_MIN_CARDS`] like siblings (same tag and kind of class), and its title is its
/// longest line that is all link, a few words set as a heading or in an element named a
/// title, with no chrome evidence but its links, its shortness and its copies (a tile's
/// label printed again in the menu). On a page not declared an article, product or
/// discussion, nor dated, such a grid outside the region the listing rules recognise is
/// still the page's entries, when its titles are more than a sliver of the page's text
/// ([`GRID_CARD_TITLES_SHARE`]); a title the page keeps elsewhere is left out. A grid of
/// cards that are each one link around the image and the card's lines, none named a title
/// (a rank, a rating count, the maker and model, a price), is titled by each card's longest
/// line of [`GRID_LINK_CARD_TITLE_MIN_WORDS`] words or more.
fn grid_card_titles(blocks: &[Block], dom: &Dom, weights: &[Weights], keep: &[bool]) -> Vec<usize> {
    // Per element: whether it holds an image.
    let mut has_image: Vec<bool> = Vec::new();
    // Per element asked: the number of like cards beside it (see [`like_cards`]).
    let mut likes: HashMap<NodeId, usize> = HashMap::default();
    // The best title per card: (card, block, words).
    let mut titles: Vec<(NodeId, usize, usize)> = Vec::new();
    // Per card: its place in `titles`.
    let mut title_of_card: HashMap<NodeId, usize> = HashMap::default();
    // Per card asked: whether an element in it is named a title (see [`holds_title_element`]).
    let mut titled: HashMap<NodeId, bool> = HashMap::default();
    // Per grid (the cards' parent): its cards titled by their longest line.
    let mut loose_cards: HashMap<NodeId, usize> = HashMap::default();
    for (i, b) in blocks.iter().enumerate() {
        let f = &b.features;
        if keep[i]
            || f.link_density() < 0.9
            || f.words == 0
            || f.words > GRID_CARD_TITLE_WORDS
            || f.ends_sentence
            || weights[i].chrome_of_card_title >= 0.1
            || !has_words(&b.text)
        {
            continue;
        }
        if has_image.is_empty() {
            has_image = vec![false; dom.nodes.len()];
            for (n, _) in dom.nodes.iter().enumerate() {
                if is_image(dom, n as NodeId) {
                    let mut a = dom.node(n as NodeId).parent;
                    for _ in 0..GRID_CARD_LEVELS + 2 {
                        let Some(p) = a else { break };
                        has_image[p as usize] = true;
                        a = dom.node(p).parent;
                    }
                }
            }
        }
        let card = b
            .ancestors
            .iter()
            .rev()
            .skip(1)
            .take(GRID_CARD_LEVELS)
            .copied()
            .find(|&e| {
                has_image[e as usize]
                    && *likes.entry(e).or_insert_with(|| like_cards(dom, e)) >= GRID_CARD_MIN_CARDS
            });
        let Some(card) = card else {
            continue;
        };
        // The title is named one (`product-title`, `item__name`, `tile-label`) or set as
        // a heading: a card's other links are its calls to act and its badges.
        let named = b.kind.is_heading()
            || b.ancestors
                .iter()
                .rev()
                .take_while(|&&a| a != card)
                .any(|&a| is_title_element(dom, a));
        // A card that is one link around its image and its lines, with no element named a
        // title or set as a heading anywhere in it, is titled by its longest line of a few
        // words (a badge or a price is shorter).
        let loose = !named
            && f.words >= GRID_LINK_CARD_TITLE_MIN_WORDS
            && b.ancestors
                .iter()
                .rev()
                .take_while(|&&a| a != card)
                .chain(std::iter::once(&card))
                .any(|&a| {
                    has_image[a as usize] && dom.node(a).local_name() == Some(&local_name!("a"))
                })
            && !*titled
                .entry(card)
                .or_insert_with(|| holds_title_element(dom, card));
        if !named && !loose {
            continue;
        }
        match title_of_card.get(&card) {
            Some(&t) => {
                if f.words > titles[t].2 {
                    titles[t] = (card, i, f.words);
                }
            }
            None => {
                title_of_card.insert(card, titles.len());
                titles.push((card, i, f.words));
                if loose {
                    if let Some(parent) = dom.node(card).parent {
                        *loose_cards.entry(parent).or_default() += 1;
                    }
                }
            }
        }
    }
    // Cards titled by their longest line are a grid of such cards (a promotion's tile in a
    // grid of named products is not one).
    titles.retain(|&(card, _, _)| {
        titled.get(&card) != Some(&false)
            || dom
                .node(card)
                .parent
                .and_then(|p| loose_cards.get(&p))
                .is_some_and(|&n| n >= GRID_CARD_MIN_CARDS)
    });
    if titles.is_empty() {
        return Vec::new();
    }
    // Titles that are a sliver of what the page keeps are a side widget of a document (a
    // comparison box in a review, a row of related items), not its entries.
    let kept_words: usize = (0..blocks.len())
        .filter(|&i| keep[i])
        .map(|i| blocks[i].features.words)
        .sum();
    let title_words: usize = titles.iter().map(|t| t.2).sum();
    if (title_words as f32) < GRID_CARD_TITLES_SHARE * kept_words as f32 {
        return Vec::new();
    }
    // A title the page already keeps elsewhere (a filter's list of the same names, a copy
    // for another screen size) is a copy.
    let mut kept: HashSet<&str> = (0..blocks.len())
        .filter(|&i| keep[i])
        .map(|i| blocks[i].text.trim())
        .collect();
    titles
        .iter()
        .map(|&(_, i, _)| i)
        .filter(|&i| kept.insert(blocks[i].text.trim()))
        .collect()
}

/// Parts of class names that name a card's title.
const TITLE_CLASS_PARTS: [&[u8]; 3] = [b"title", b"name", b"label"];

/// Whether the element is a heading or its class names it a title ([`TITLE_CLASS_PARTS`]).
fn is_title_element(dom: &Dom, e: NodeId) -> bool {
    let node = dom.node(e);
    node.local_name().is_some_and(crate::dom::is_heading_tag)
        || node.attr("class").is_some_and(|c| {
            crate::dom::contains_any_ignore_ascii_case(c.as_bytes(), &TITLE_CLASS_PARTS)
        })
}

/// Whether an element inside `card` (not the card itself) is a heading or named a title
/// ([`is_title_element`]).
fn holds_title_element(dom: &Dom, card: NodeId) -> bool {
    let mut found = false;
    dom.walk(card, |event| {
        if let crate::dom::WalkEvent::Enter(n) = event {
            if n != card && is_title_element(dom, n) {
                found = true;
            }
        }
        !found
    });
    found
}

/// The number of elements of `e`'s kind (same tag, same kind of class) among its parent's
/// children, itself included; 0 for an element without a class.
fn like_cards(dom: &Dom, e: NodeId) -> usize {
    let node = dom.node(e);
    let class = node.attr("class");
    if class.is_none_or(|c| c.trim().is_empty()) {
        return 0;
    }
    let Some(parent) = node.parent else {
        return 0;
    };
    std::iter::successors(dom.node(parent).first_child, |&c| dom.node(c).next_sibling)
        .filter(|&c| {
            let other = dom.node(c);
            other.local_name() == node.local_name() && same_card_class(other.attr("class"), class)
        })
        .count()
}

/// The `<table>` element a row block belongs to, if it is a row of a data table.
fn table_of(block: &Block, dom: &Dom) -> Option<NodeId> {
    if !block.is_data_row() {
        return None;
    }
    block
        .ancestors
        .iter()
        .rev()
        .copied()
        .find(|&a| dom.node(a).local_name() == Some(&local_name!("table")))
}

/// Most words of a table cell's block that stays with its row ([`keep_cells_of_kept_rows`]).
const ROW_CELL_WORDS: usize = 10;

/// The row (`<tr>`) of the table cell that holds a block, if any.
fn row_of_cell(dom: &Dom, block: &Block) -> Option<NodeId> {
    let cell = block.ancestors.iter().rev().copied().find(|&a| {
        dom.node(a)
            .local_name()
            .is_some_and(|t| *t == local_name!("td") || *t == local_name!("th"))
    })?;
    dom.node(cell)
        .parent
        .filter(|&r| dom.node(r).local_name() == Some(&local_name!("tr")))
}

/// A table whose cells are blocks of their own (a comparison grid: a metric, then each
/// model's figure) is one record per row: a short cell of the region whose only chrome
/// evidence is that its shape repeats (`19.8 mph`, `Rest`, the figures of every row) stays
/// when another cell of its row is kept.
fn keep_cells_of_kept_rows(
    blocks: &[Block],
    dom: &Dom,
    weights: &[Weights],
    in_container: &[bool],
    keep: &mut [bool],
) {
    let rows: Vec<Option<NodeId>> = blocks
        .iter()
        .map(|b| {
            (b.features.words > 0 && !matches!(b.kind, BlockKind::TableRow { .. }))
                .then(|| row_of_cell(dom, b))
                .flatten()
        })
        .collect();
    let kept: HashSet<NodeId> = rows
        .iter()
        .zip(keep.iter())
        .filter_map(|(r, &k)| r.filter(|_| k))
        .collect();
    for i in 0..blocks.len() {
        if !keep[i]
            && in_container[i]
            && blocks[i].features.words <= ROW_CELL_WORDS
            && weights[i].chrome_unrepeated < 0.01
            && weights[i].markup_chrome == 0.0
            && rows[i].is_some_and(|r| kept.contains(&r))
        {
            keep[i] = true;
        }
    }
}

/// Whether a table row has a cell with text and no link (a figure beside a linked name):
/// a record with links, not a row of links.
fn has_unlinked_cell(dom: &Dom, block: &Block) -> bool {
    let Some(&row) = block
        .ancestors
        .iter()
        .rev()
        .find(|&&a| dom.node(a).local_name() == Some(&local_name!("tr")))
    else {
        return false;
    };
    let mut cell = dom.node(row).first_child;
    while let Some(c) = cell {
        cell = dom.node(c).next_sibling;
        if !dom
            .node(c)
            .local_name()
            .is_some_and(|t| *t == local_name!("td") || *t == local_name!("th"))
        {
            continue;
        }
        let (mut text, mut link) = (false, false);
        dom.walk(c, |event| {
            if let crate::dom::WalkEvent::Enter(n) = event {
                let node = dom.node(n);
                if node.local_name() == Some(&local_name!("a")) {
                    link = true;
                } else if let crate::dom::NodeData::Text(t) = &node.data {
                    text |= t.chars().any(char::is_alphanumeric);
                }
            }
            !link
        });
        if text && !link {
            return true;
        }
    }
    false
}

/// A data table is one record set: when its header row is kept, its rows that went only
/// for their neighbours (no chrome evidence, no links) stay with it. A long table of dated
/// figures between a figure caption and a "Related" label is the document's data however
/// short each of its rows is.
fn keep_rows_of_kept_tables(
    blocks: &[Block],
    dom: &Dom,
    weights: &[Weights],
    in_container: &[bool],
    keep: &mut [bool],
) {
    let mut kept_header: Option<NodeId> = None;
    // The table of the last row, when it is kept.
    let mut kept_row: Option<NodeId> = None;
    for i in 0..blocks.len() {
        let Some(table) = table_of(&blocks[i], dom) else {
            continue;
        };
        if matches!(blocks[i].kind, BlockKind::TableRow { header: true }) {
            kept_header = keep[i].then_some(table);
            continue;
        }
        if !keep[i]
            && in_container[i]
            && ((kept_header == Some(table)
                && weights[i].chrome < 0.01
                && blocks[i].features.link_chars == 0)
                // A record whose name links to its page (a comparison table's linked
                // product names beside their figures) stays with the kept rows above it.
                || ((kept_header == Some(table) || kept_row == Some(table))
                    && weights[i].chrome_without_links_or_stopwords < 0.01
                    && has_unlinked_cell(dom, &blocks[i])))
        {
            keep[i] = true;
        }
        kept_row = keep[i].then_some(table);
    }
}

/// Fewest plain items of a list that [`keep_plain_lists`] keeps (tried on wcxb-dev: 2, 3;
/// 2 is best: `Style: …` and `Shown: …` under a product's description).
const PLAIN_LIST_MIN_ITEMS: usize = 2;

/// Least share of a list's items that are plain (no links, no chrome evidence) for
/// [`keep_plain_lists`] to keep the plain ones (tried: 0.5, 0.75, 1.0).
const PLAIN_LIST_CLEAN_SHARE: f32 = 0.75;

/// Most words of the title line of a list that [`keep_plain_lists`] keeps.
const LIST_TITLE_WORDS: usize = 8;

/// The list (`ul`, `ol`) whose item is the block's element or the element's parent (an item
/// whose text sits in a `<p>`).
fn list_of(block: &Block, dom: &Dom) -> Option<NodeId> {
    let (&node, rest) = block.ancestors.split_last()?;
    let is_item = |id: NodeId| dom.node(id).local_name() == Some(&local_name!("li"));
    let item = if is_item(node) {
        node
    } else {
        rest.last().copied().filter(|&p| is_item(p))?
    };
    dom.node(item).parent.filter(|&list| is_list(dom, list))
}

/// A list of plain lines (no links, no chrome evidence from any detector but text density,
/// which short items lack anyway) is the document's own wherever it sits: a product's key
/// features or specifications beside the region that holds its description (`12 GB
/// memory`, `Weight: 2 kg`), a tutorial's steps, an article's list in a box of its own. It
/// needs [`PLAIN_LIST_MIN_ITEMS`] plain items, [`PLAIN_LIST_CLEAN_SHARE`] of its items;
/// only those stay, with the list's title just above it (`Key features:`). Menus are links;
/// the store's notes, prompts and hidden copies carry chrome evidence. The rows of a data
/// table count as the items of a list.
fn keep_plain_lists(
    blocks: &[Block],
    dom: &Dom,
    weights: &[Weights],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    let clean = |i: usize| {
        weights[i].chrome_without_links_or_stopwords < 0.05
            && weights[i].metadata < 0.5
            && blocks[i].features.link_chars == 0
            && has_words(&blocks[i].text)
    };
    // The lines of each list, in page order; what its items nest deeper (a tooltip, a
    // sub-list) is no line of it and keeps its own decision.
    let mut lists: HashMap<NodeId, Vec<usize>> = HashMap::default();
    let mut order: Vec<NodeId> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if let Some(list) = list_of(block, dom).or_else(|| table_of(block, dom)) {
            lists
                .entry(list)
                .or_insert_with(|| {
                    order.push(list);
                    Vec::new()
                })
                .push(i);
        }
    }
    for list in order {
        let items = &lists[&list];
        let clean_items = items.iter().filter(|&&k| clean(k)).count();
        if clean_items >= PLAIN_LIST_MIN_ITEMS
            && clean_items as f32 >= PLAIN_LIST_CLEAN_SHARE * items.len() as f32
        {
            let mut kept_some = false;
            for &k in items {
                if !keep[k] && clean(k) {
                    overrule(keep, reasons, k, true, "an item of a plain list");
                    kept_some = true;
                }
            }
            // The list's title just above it (`Key features:`) goes with it.
            let title = items[0].checked_sub(1).filter(|&t| {
                let b = &blocks[t];
                !keep[t]
                    && clean(t)
                    && b.features.words <= LIST_TITLE_WORDS
                    && (b.kind.is_heading() || b.text.trim_end().ends_with(':'))
            });
            if let (true, Some(t)) = (kept_some, title) {
                overrule(keep, reasons, t, true, "the title of a kept plain list");
            }
        }
    }
}

/// Whether a block is a cloud of links: many words, nearly all in links, with neither the
/// end nor the stopwords of a sentence, nor the commas of a list of names, whose links are
/// a word or two each (a menu of languages or tags rendered as one line). A table's row is a record, whatever its links.
fn is_link_cloud(block: &Block) -> bool {
    let f = &block.features;
    f.words >= LINK_CLOUD_MIN_WORDS
        && f.link_density() >= 0.9
        && f.words <= LINK_CLOUD_MAX_WORDS_PER_LINK * f.links
        && !f.ends_sentence
        && f.stopword_density() < 0.15
        && f.commas * 4 < f.words
        && !matches!(block.kind, BlockKind::TableRow { .. })
}

/// Fewest items of a list of bare short links that make it a menu ([`menu_lists`]).
const MENU_LIST_MIN_ITEMS: usize = 8;

/// Most words of an item of such a menu.
const MENU_ITEM_MAX_WORDS: usize = 4;

/// Largest share of an article's region such menus hold: a page mostly of lists of links
/// is an index (a list of programming languages), whose links are its document.
const MENU_MAX_SHARE: f32 = 0.3;

/// Per block: whether it is an item of a menu set into the page's region, on a page declared
/// one product or an article: a run of [`MENU_LIST_MIN_ITEMS`] or more list items in a row,
/// each one short link and nothing else ([`MENU_ITEM_MAX_WORDS`]). A shop's brands or
/// categories under a product, the cities a service covers under a guide: neither the
/// entries of a listing nor the document's own list, whatever the region's links make it.
/// On an article they are a small part of its region ([`MENU_MAX_SHARE`]).
fn menu_lists(blocks: &[Block], kinds: PageKinds, in_container: &[bool]) -> Vec<bool> {
    let mut menu = vec![false; blocks.len()];
    let product = is_one_product(kinds);
    if !(product || kinds.article) {
        return menu;
    }
    let is_item = |b: &Block| {
        matches!(b.kind, BlockKind::ListItem { .. })
            && (1..=MENU_ITEM_MAX_WORDS).contains(&b.features.words)
            && b.features.link_density() >= 0.99
    };
    let mut start = 0;
    while start < blocks.len() {
        let len = blocks[start..].iter().take_while(|b| is_item(b)).count();
        if len >= MENU_LIST_MIN_ITEMS {
            menu[start..start + len].iter_mut().for_each(|m| *m = true);
        }
        start += len.max(1);
    }
    if !product {
        let (all, listed) =
            (0..blocks.len())
                .filter(|&i| in_container[i])
                .fold((0, 0), |(all, listed), i| {
                    let words = blocks[i].features.words;
                    (all + words, listed + if menu[i] { words } else { 0 })
                });
        if listed as f32 > MENU_MAX_SHARE * all as f32 {
            menu.iter_mut().for_each(|m| *m = false);
        }
    }
    menu
}

/// Most words of a label laid over a card's picture ("New", "Only 3 left!").
const PICTURE_OVERLAY_MAX_WORDS: usize = 6;

/// Whether `block` is a short label inside a `<figure>` that holds little text outside its
/// `<figcaption>`: a card's picture with a badge laid over it ("Sale", "Only 3 left!"), not
/// a caption, nor a card built as one figure (its title and summary in it). Headings are a
/// card's title, never a label.
fn is_picture_overlay(block: &Block, dom: &Dom) -> bool {
    if block.kind.is_heading() || block.features.words > PICTURE_OVERLAY_MAX_WORDS {
        return false;
    }
    let is = |id: NodeId, tag: html5ever::LocalName| dom.node(id).local_name() == Some(&tag);
    let Some(&figure) = block
        .node
        .iter()
        .chain(block.ancestors.iter().rev())
        .find(|&&a| is(a, local_name!("figure")))
    else {
        return false;
    };
    // The caption is the figure's text, not a label over its picture.
    if block
        .node
        .iter()
        .chain(&block.ancestors)
        .any(|&a| is(a, local_name!("figcaption")) && dom.holds(figure, a))
    {
        return false;
    }
    let mut words = 0usize;
    dom.walk(figure, |event| match event {
        WalkEvent::Enter(id) => {
            if let crate::dom::NodeData::Text(t) = &dom.node(id).data {
                words += t.split_whitespace().count();
            }
            !is(id, local_name!("figcaption")) && words <= PICTURE_OVERLAY_MAX_WORDS
        }
        WalkEvent::Leave(_) => true,
    });
    words <= PICTURE_OVERLAY_MAX_WORDS
}

/// Fewest words of a link cloud (a teaser title is shorter).
const LINK_CLOUD_MIN_WORDS: usize = 30;

/// Most words per link, on average, in a link cloud: a menu's items are a word or two; a
/// row of document links ("Home Repair Program Flier") has longer titles.
const LINK_CLOUD_MAX_WORDS_PER_LINK: usize = 3;

/// Share of an article's kept words the element holding its body holds.
const BODY_SHARE: f32 = 0.7;

/// Share of the body's words in prose that makes a page not declared an article one
/// (tried on wcxb-dev: 0.3, 0.4, 0.5; 0.3 and 0.4 about the same, 0.4 further from the
/// product grids that no gate loses).
const BODY_PROSE_SHARE: f32 = 0.4;

/// Whether the page declares one product (schema.org `Product`, or a price): its page is
/// that product's, not a grid of offers.
fn is_one_product(kinds: PageKinds) -> bool {
    kinds.product && kinds.products <= 1
}

/// An article's body is the deepest element that holds most of its kept words
/// ([`BODY_SHARE`]); what the page keeps after the body's last kept block, outside it (an
/// author box, a newsletter prompt, the teasers of related articles, a disclaimer), closes
/// the page rather than the document, and goes. A page declared one product has a body
/// too, prose or not (its description, specifications and options): what follows it (the
/// reviews, a "you may also like" grid, the store's service notes) is the shop's. When the
/// body is one box of an element whose kept prose leads into it, that element's later
/// parts are the article's too (see [`PROSE_BEFORE_BODY_WORDS`]).
fn drop_after_body(
    blocks: &[Block],
    dom: &Dom,
    kinds: PageKinds,
    continuation: Option<NodeId>,
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    let (article, discussion) = (kinds.article, kinds.discussion);
    let product = is_one_product(kinds);
    let total: usize = (0..blocks.len())
        .filter(|&i| keep[i])
        .map(|i| blocks[i].features.words)
        .sum();
    if total == 0 {
        return;
    }
    let mut words = vec![0usize; dom.nodes.len()];
    // Words of prose (sentences with few links), per element.
    let mut prose = vec![0usize; dom.nodes.len()];
    for (block, _) in blocks.iter().zip(keep.iter()).filter(|(_, &k)| k) {
        let f = &block.features;
        let is_prose = f.reads_as_prose() && f.link_density() < 0.3;
        for &a in &block.ancestors {
            words[a as usize] += f.words;
            if is_prose {
                prose[a as usize] += f.words;
            }
        }
    }
    let enough = BODY_SHARE * total as f32;
    // The deepest element over the share: all such elements lie on one chain.
    let mut body: Option<(usize, NodeId)> = None;
    for (block, _) in blocks.iter().zip(keep.iter()).filter(|(_, &k)| k) {
        if let Some((depth, &a)) = block
            .ancestors
            .iter()
            .enumerate()
            .rev()
            .find(|(_, &a)| words[a as usize] as f32 >= enough && !is_text_part(dom, a))
        {
            if body.is_none_or(|(d, _)| depth > d) {
                body = Some((depth, a));
            }
        }
    }
    let Some((_, body)) = body else {
        return;
    };
    // A page declared a collection (and not an article or one product) is its entries and
    // the text around them: the category's description after the grid is its own.
    if kinds.collection && !article && !product {
        return;
    }
    // A page not declared an article or one product must show one: a body mostly of
    // prose, not a grid of cards (whose closing text is the listing's own).
    if !article
        && !product
        && (prose[body as usize] as f32) < BODY_PROSE_SHARE * words[body as usize] as f32
    {
        return;
    }
    let Some(last) = (0..blocks.len())
        .rev()
        .find(|&i| keep[i] && blocks[i].ancestors.contains(&body))
    else {
        return;
    };
    // Whether the body follows kept text closely: its first block comes at most
    // [`BODY_GAP_BLOCKS`] after the last kept block before it.
    let first = (0..=last)
        .find(|&i| blocks[i].ancestors.contains(&body))
        .unwrap_or(last);
    let close_to_text = (0..first)
        .rev()
        .find(|&j| keep[j])
        .is_some_and(|j| first - j <= BODY_GAP_BLOCKS);
    // Kept prose before the body, per element that holds the body, worked out when asked.
    let mut prose_before: HashMap<NodeId, usize> = HashMap::default();
    // The body's ancestors down to it, to find where a later block's branch leaves them.
    let chain = &blocks[last].ancestors;
    let chain = match chain.iter().position(|&a| a == body) {
        Some(d) => &chain[..=d],
        None => return,
    };
    for i in last + 1..blocks.len() {
        if keep[i] && !blocks[i].ancestors.contains(&body) {
            // Another item of a list that holds the body (the next post of a thread) is
            // the body's peer, not what closes it.
            let shared = blocks[i]
                .ancestors
                .iter()
                .zip(chain)
                .take_while(|(a, b)| a == b)
                .count();
            if shared > 0 && is_list(dom, chain[shared - 1]) {
                continue;
            }
            // On a discussion, so is the next of a run of elements of one kind (the posts
            // of a thread, each a `div.crawler-post`) when the body lies in one of them.
            if let (true, Some(&mine), Some(&theirs)) = (
                discussion,
                chain.get(shared),
                blocks[i].ancestors.get(shared),
            ) {
                if same_kind_of_item(dom, mine, theirs) {
                    continue;
                }
            }
            // In a document cut into nested sections (a manual's headings, each a
            // `<section>` in the section of the heading above it), the next section of the
            // body's parent section is the body's peer.
            if shared > 0
                && is_section(dom, chain[shared - 1])
                && chain.get(shared).is_some_and(|&n| is_section(dom, n))
                && blocks[i]
                    .ancestors
                    .get(shared)
                    .is_some_and(|&n| is_section(dom, n))
            {
                continue;
            }
            // The rest of a list the layout split into columns is the body's own.
            if continuation.is_some_and(|c| blocks[i].ancestors.contains(&c)) {
                continue;
            }
            // When the body's box sits in an element that holds kept prose just before it
            // (the article's opening paragraphs, then a group of blocks or a grid of cards
            // that outweighs them), the body is one part of the article, and the element's
            // later children are its rest. A box further down is a section of its own.
            if !product && close_to_text && shared > 0 && chain.len() - shared == 2 {
                let holder = chain[shared - 1];
                let before = *prose_before
                    .entry(holder)
                    .or_insert_with(|| kept_prose_before(blocks, keep, first, holder));
                if before >= PROSE_BEFORE_BODY_WORDS {
                    continue;
                }
            }
            overrule(
                keep,
                reasons,
                i,
                false,
                if product && !article {
                    "after the product's body"
                } else {
                    "after the article's body"
                },
            );
        }
    }
}

/// Fewest words of kept prose before an article's body, in an element that holds the body,
/// that make the body one part of the article ([`drop_after_body`]).
const PROSE_BEFORE_BODY_WORDS: usize = 20;

/// Most blocks from the last kept block before an article's body to the body's first, for
/// the body to be one part of the article ([`drop_after_body`]): more is a box of chrome
/// (a form, a promo) between the page's opening text and the body.
const BODY_GAP_BLOCKS: usize = 8;

/// Words of the kept prose blocks before block `first` inside element `holder`.
fn kept_prose_before(blocks: &[Block], keep: &[bool], first: usize, holder: NodeId) -> usize {
    (0..first)
        .filter(|&j| {
            keep[j]
                && blocks[j].ancestors.contains(&holder)
                && blocks[j].features.reads_as_prose()
                && blocks[j].features.link_density() < 0.3
        })
        .map(|j| blocks[j].features.words)
        .sum()
}

/// Words of a teaser's summary (an excerpt of the page it leads to).
const TEASER_SUMMARY_WORDS: std::ops::RangeInclusive<usize> = 15..=90;

/// Words of a teaser's linked title.
const TEASER_TITLE_WORDS: std::ops::RangeInclusive<usize> = 2..=30;

/// Blocks before a summary searched for its card's linked title.
const TEASER_TITLE_LOOKBACK: usize = 6;

/// Most element levels between a summary and the card that holds it and its title.
const TEASER_CARD_LEVELS: usize = 4;

/// Most words of a kept block that is a field of a card (a date, a category), not text.
const TEASER_FIELD_WORDS: usize = 5;

/// Fewest cards in a row that make a rail of teasers.
const TEASER_RUN_MIN: usize = 3;

/// Whether a summary stops short of its sentence, as an excerpt cut to a length does
/// (`… the distribution of 1,500 hampers on Tuesday, December 1...`, `… can also cause`).
fn is_cut_excerpt(block: &Block) -> bool {
    let t = block.text.trim_end();
    if t.ends_with("...") || t.ends_with('…') || t.ends_with("[…]") || t.ends_with("[...]") {
        return true;
    }
    // A sentence cut mid-way reads as prose (a list of specifications does not).
    t.chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
        && !t.contains('|')
        && block.features.stopword_density() >= TEASER_PROSE_STOPWORDS
}

/// Share of stopwords of an excerpt cut mid-sentence (a line of specifications has fewer).
const TEASER_PROSE_STOPWORDS: f32 = 0.25;

/// One teaser card found by [`drop_teaser_summaries`].
struct TeaserCard {
    /// The element that holds the card's title and summary.
    card: NodeId,
    /// First and last block inside the card.
    first: usize,
    last: usize,
    /// Whether the summary is cut short.
    cut: bool,
}

/// Teaser cards of other pages kept beside the document (a "more from the blog" slider, a
/// sidebar's latest news, a "collect them all" row under a guide): each card a linked
/// title and an excerpt of the page it leads to, with at most short fields (a date, an
/// author) beside them. The titles go as links, but the excerpts read as prose. A run of
/// [`TEASER_RUN_MIN`] cards or more of one kind, most of whose excerpts are cut short
/// (an ellipsis, a sentence that stops mid-way), is a rail: the whole cards go. The items
/// of a round-up (a linked name and a description that ends its sentence) stay.
fn drop_teaser_summaries(
    blocks: &[Block],
    dom: &Dom,
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    let n = blocks.len();
    let total: usize = (0..n)
        .filter(|&i| keep[i])
        .map(|i| blocks[i].features.words)
        .sum();
    let is_title = |b: &Block| {
        b.features.link_density() >= 0.8
            && TEASER_TITLE_WORDS.contains(&b.features.words)
            && !matches!(b.kind, BlockKind::TableRow { .. } | BlockKind::Code)
    };
    let inside = |k: usize, card: NodeId| blocks[k].ancestors.contains(&card);
    let mut cards: Vec<TeaserCard> = Vec::new();
    let mut i = 0;
    while i < n {
        let b = &blocks[i];
        let summary = keep[i]
            && matches!(b.kind, BlockKind::Paragraph)
            && TEASER_SUMMARY_WORDS.contains(&b.features.words)
            && b.features.link_density() < 0.2
            && b.node.is_some();
        if !summary {
            i += 1;
            continue;
        }
        // The linked title: a few blocks before, with only fields or removed blocks
        // between.
        let mut title = None;
        for j in (i.saturating_sub(TEASER_TITLE_LOOKBACK)..i).rev() {
            if is_title(&blocks[j]) {
                title = Some(j);
                break;
            }
            if keep[j] && blocks[j].features.words > TEASER_FIELD_WORDS {
                break;
            }
        }
        let Some(t) = title else {
            i += 1;
            continue;
        };
        // The card: the deepest element over both, close above the summary.
        let common = b
            .ancestors
            .iter()
            .zip(&blocks[t].ancestors)
            .take_while(|(x, y)| x == y)
            .count();
        if common == 0 || b.ancestors.len() - common > TEASER_CARD_LEVELS {
            i += 1;
            continue;
        }
        let card = b.ancestors[common - 1];
        let mut first = t;
        while first > 0 && inside(first - 1, card) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < n && inside(last + 1, card) {
            last += 1;
        }
        // Nothing else of weight in the card: it is a teaser, not a section of text.
        let other_text = (first..=last)
            .any(|k| k != i && k != t && keep[k] && blocks[k].features.words > TEASER_FIELD_WORDS);
        if other_text || cards.last().is_some_and(|c| c.last >= first) {
            i += 1;
            continue;
        }
        cards.push(TeaserCard {
            card,
            first,
            last,
            cut: is_cut_excerpt(b),
        });
        i = last + 1;
    }
    // Words kept outside every card: the document beside the rails.
    let in_cards: usize = cards
        .iter()
        .flat_map(|c| c.first..=c.last)
        .filter(|&k| keep[k])
        .map(|k| blocks[k].features.words)
        .sum();
    let outside = total - in_cards;
    // Runs of cards of one kind with no kept text between them.
    let same_kind = |a: NodeId, b: NodeId| {
        let (na, nb) = (dom.node(a), dom.node(b));
        na.local_name().is_some()
            && na.local_name() == nb.local_name()
            && same_card_class(na.attr("class"), nb.attr("class"))
    };
    let mut start = 0;
    while start < cards.len() {
        let mut end = start + 1;
        while end < cards.len()
            && same_kind(cards[start].card, cards[end].card)
            && (cards[end - 1].last + 1..cards[end].first)
                .all(|k| !keep[k] || blocks[k].features.words <= TEASER_FIELD_WORDS)
        {
            end += 1;
        }
        let run = &cards[start..end];
        let cut = run.iter().filter(|c| c.cut).count();
        // The rail stands beside a document: more words are kept outside the cards than
        // in it (a listing's entries are its document).
        let in_run: usize = run
            .iter()
            .flat_map(|c| c.first..=c.last)
            .filter(|&k| keep[k])
            .map(|k| blocks[k].features.words)
            .sum();
        if outside < in_run {
            start = end;
            continue;
        }
        if run.len() >= TEASER_RUN_MIN && 2 * cut >= run.len() {
            for c in run {
                for k in c.first..=c.last {
                    if keep[k] {
                        overrule(
                            keep,
                            reasons,
                            k,
                            false,
                            "a teaser card of a rail (its excerpt cut short)",
                        );
                    }
                }
            }
        }
        start = end;
    }
}

/// Whether the element is part of a text (a paragraph, a list or one of its items, a
/// quotation, a table, preformatted text) rather than a container of one: an article's body
/// is never one of them.
fn is_text_part(dom: &Dom, id: NodeId) -> bool {
    dom.node(id).local_name().is_some_and(|n| {
        matches!(
            &**n,
            "p" | "ul"
                | "ol"
                | "li"
                | "dl"
                | "dd"
                | "dt"
                | "blockquote"
                | "table"
                | "thead"
                | "tbody"
                | "tr"
                | "td"
                | "th"
                | "pre"
        )
    })
}

/// Whether two sibling elements are items of one kind: the same tag and the same class
/// names ([`card_class_names`]), at least one of them.
fn same_kind_of_item(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    let (a, b) = (dom.node(a), dom.node(b));
    let (Some(tag_a), Some(tag_b)) = (a.local_name(), b.local_name()) else {
        return false;
    };
    tag_a == tag_b
        && card_class_names(a.attr("class")).next().is_some()
        && same_card_class(a.attr("class"), b.attr("class"))
}

/// Whether the element is a `<section>`.
fn is_section(dom: &Dom, id: NodeId) -> bool {
    dom.node(id).local_name() == Some(&local_name!("section"))
}

/// The outermost of the `<section>`s nested around `top` when `top` is a `<section>`
/// inside another (documentation generators cut a manual into sections by its headings,
/// each in the section of the heading above it): the best section alone is one part of
/// the document, and the intro, tables and sibling sections of the sections above it are
/// the rest. A region that is not a nested section stays as it is (landing pages lay
/// their sections side by side, not one in another).
fn outermost_nested_section(dom: &Dom, top: NodeId, body: Option<NodeId>) -> NodeId {
    let mut top = top;
    while is_section(dom, top) {
        match dom.node(top).parent {
            Some(parent) if Some(parent) != body && is_section(dom, parent) => top = parent,
            _ => break,
        }
    }
    top
}

/// Whether the element is a list (`ul`, `ol`).
fn is_list(dom: &Dom, id: NodeId) -> bool {
    dom.node(id)
        .local_name()
        .is_some_and(|n| matches!(&**n, "ul" | "ol"))
}

/// Fewest words of a kept passage that is kept only once when the page prints it again
/// (swept on wcxb-dev: 4 to 12, 20, 30; 6 and 7 are best (+0.0006 overall, article up,
/// about 95 pages of as many sites up, 67 down): layout copies of short headings, teaser
/// titles and tag lines go; below 6 more listing entry fields are lost).
const REPEATED_PASSAGE_WORDS: usize = 6;

/// Fewest words of a kept line that is kept only once on a page declared one product
/// (tried on wcxb-dev: 1, 2, 3; 3 loses fewest pages: a one- or two-word label or value,
/// `Black`, `Size`, may be a field of the product printed twice with a meaning each time).
const PRODUCT_REPEATED_LINE_WORDS: usize = 3;

/// A page that prints the same passage twice (a layout for each screen size, a summary
/// repeated in a carousel) has it once in its document: later copies of a kept block of
/// `min_words` words or more go ([`REPEATED_PASSAGE_WORDS`], or
/// [`PRODUCT_REPEATED_LINE_WORDS`] on one product's page). A copy in another tab panel than the first
/// (`role="tabpanel"`: the same note under each language's code sample of a manual) is
/// that tab's own text, and stays, unless most of its panel's words repeat earlier ones
/// (the tabs of a filter, each a subset of the "All" tab). On a page of `entries` (not
/// declared a product, discussion or article), a short copy in another entry of a list
/// than the first is that entry's field, and stays ([`in_other_entry`]). A copy none of
/// whose links go where the first's go is a note written again for another variant (each
/// language's zone of a manual), and stays ([`links_elsewhere`]), and so does a passage the
/// document restates in its own place ([`restated_in_one_body`]; `in_container`: the blocks
/// of the main region).
fn drop_repeated_passages(
    blocks: &[Block],
    dom: Option<&Dom>,
    entries: bool,
    min_words: usize,
    in_container: &[bool],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    let mut seen: HashMap<&str, usize> = HashMap::default();
    // The earlier copy of each repeated block.
    let mut copies: Vec<(usize, usize)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if !keep[i]
            || block.features.words < min_words
            || matches!(block.kind, BlockKind::TableRow { .. } | BlockKind::Code)
        {
            continue;
        }
        match seen.get(block.text.as_str()) {
            Some(&first) => copies.push((i, first)),
            None => {
                seen.insert(block.text.as_str(), i);
            }
        }
    }
    if copies.is_empty() {
        return;
    }
    // Per tab panel that holds a copy: its kept words, and the words of its copies.
    let mut panels: HashMap<NodeId, (usize, usize)> = HashMap::default();
    if let Some(dom) = dom {
        for &(i, _) in &copies {
            if let Some(panel) = tab_panel_of(dom, &blocks[i]) {
                panels.entry(panel).or_default().1 += blocks[i].features.words;
            }
        }
        if !panels.is_empty() {
            for (block, _) in blocks.iter().zip(keep.iter()).filter(|(_, &k)| k) {
                if let Some(panel) = tab_panel_of(dom, block) {
                    if let Some(p) = panels.get_mut(&panel) {
                        p.0 += block.features.words;
                    }
                }
            }
        }
    }
    for (i, first) in copies {
        if let Some(dom) = dom {
            let panel = tab_panel_of(dom, &blocks[i]);
            let own_text = panel
                .and_then(|p| panels.get(&p))
                .is_some_and(|&(words, copied)| {
                    (copied as f32) < PANEL_COPIED_SHARE * words as f32
                });
            if own_text && panel != tab_panel_of(dom, &blocks[first]) {
                continue;
            }
            if entries && in_other_entry(blocks, dom, first, i) {
                continue;
            }
            if step_of_a_sibling_list(blocks, dom, first, i) {
                continue;
            }
            if restated_in_one_body(
                blocks,
                dom,
                first,
                i,
                in_container[i] && in_container[first],
            ) {
                continue;
            }
            if links_elsewhere(dom, &blocks[first], &blocks[i]) {
                continue;
            }
        }
        overrule(
            keep,
            reasons,
            i,
            false,
            format!("repeats kept block {first} word for word"),
        );
    }
}

/// Blocks on either side of a kept block searched for a dropped variant of it.
const NOTICE_VARIANT_WINDOW: usize = 2;

/// Most levels between a notice's element and the element its variants share with it.
const NOTICE_VARIANT_LEVELS: usize = 3;

/// Most words of a notice whose variants are dropped with it (a bar's line or two).
const NOTICE_VARIANT_MAX_WORDS: usize = 40;

/// Fewest words a notice and its variant share, at their start or at their end.
const NOTICE_VARIANT_SHARED_WORDS: usize = 6;

/// How many words, ASCII case aside, `a` and `b` share at their start or at their end
/// (the longer of the two runs).
fn shared_edge_words(a: &str, b: &str) -> usize {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let same = |x: &&str, y: &&str| x.eq_ignore_ascii_case(y);
    let head = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    head.max(tail)
}

/// A bar of site-wide notices prints one notice in several variants, one per market or
/// per slide (`Free shipping on orders over $50. See our shipping page for rates`, the
/// same with `€45` or `£40`), side by side in one element: the variants differ in a
/// figure or a word and share the rest. When a nearby variant went (as a shop's phrase, say),
/// a kept block in the same element a few levels up that shares most of its words with it, at its
/// start or at its end, is that notice again, and goes too. The document's own lines
/// differ in more than a figure.
fn drop_variants_of_dropped_notices(
    blocks: &[Block],
    keep: &mut [bool],
    reasons: &mut [Vec<(f32, Reason)>],
) {
    // Dropped as a phrase of the site's (a shop's offer, a call to act): a copy of a kept
    // block or a variant hidden at some width is the document's text again.
    let dropped: Vec<bool> = keep
        .iter()
        .zip(reasons.iter())
        .map(|(k, r)| {
            !k && r
                .iter()
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .is_some_and(|(_, reason)| reason.detector == "chrome-phrase")
        })
        .collect();
    let short = |b: &Block| {
        b.features.words <= NOTICE_VARIANT_MAX_WORDS
            && !b.kind.is_heading()
            && !matches!(b.kind, BlockKind::TableRow { .. } | BlockKind::Code)
    };
    // Whether two blocks sit in one element a few levels up (each variant may have its
    // wrapper: a slide, a `<span>` per market).
    let near = |a: &Block, b: &Block| {
        let shared = a
            .ancestors
            .iter()
            .zip(&b.ancestors)
            .take_while(|(x, y)| x == y)
            .count();
        shared > 0
            && a.ancestors.len() - shared <= NOTICE_VARIANT_LEVELS
            && b.ancestors.len() - shared <= NOTICE_VARIANT_LEVELS
    };
    for i in 0..blocks.len() {
        let block = &blocks[i];
        if !keep[i] || !short(block) {
            continue;
        }
        let lo = i.saturating_sub(NOTICE_VARIANT_WINDOW);
        let hi = (i + NOTICE_VARIANT_WINDOW).min(blocks.len() - 1);
        let variant = (lo..=hi).find(|&j| {
            let other = &blocks[j];
            if j == i || !dropped[j] || !short(other) || !near(block, other) {
                return false;
            }
            let shared = shared_edge_words(&block.text, &other.text);
            let (a, b) = (block.features.words, other.features.words);
            shared >= NOTICE_VARIANT_SHARED_WORDS && shared < a.min(b) && 2 * shared >= a.max(b)
        });
        if let Some(j) = variant {
            overrule(
                keep,
                reasons,
                i,
                false,
                format!("a variant of the dropped notice in block {j}"),
            );
        }
    }
}

/// Whether the copy is an item of the first's list, or of a list beside it in one element,
/// between other items than the first's: a step the document gives again in its own place
/// (each day of a training plan opens with the same warm-up, each section of a checklist
/// ends with the same check). A layout for another screen size copies its text into
/// another element, and a carousel's cloned slides come with their neighbours cloned too.
fn step_of_a_sibling_list(blocks: &[Block], dom: &Dom, first: usize, copy: usize) -> bool {
    let (a, b) = (&blocks[first].ancestors, &blocks[copy].ancestors);
    let is_item = |path: &[NodeId]| {
        path.last()
            .is_some_and(|&n| dom.node(n).local_name() == Some(&local_name!("li")))
    };
    let n = a.len();
    let in_one_body = n >= 3
        && b.len() == n
        && is_item(a)
        && is_item(b)
        && is_list(dom, a[n - 2])
        && is_list(dom, b[n - 2])
        && (a[n - 2] == b[n - 2] || a[n - 3] == b[n - 3]);
    in_one_body && neighbours_differ(blocks, first, copy)
}

/// Whether the blocks either side of `copy` are not those either side of `first`: a copy
/// the document writes in its own place, where a layout's or a carousel's copy comes with
/// its neighbours copied too.
fn neighbours_differ(blocks: &[Block], first: usize, copy: usize) -> bool {
    let text_at = |i: Option<usize>| i.and_then(|i| blocks.get(i)).map(|b| b.text.as_str());
    text_at(first.checked_sub(1)) != text_at(copy.checked_sub(1))
        && text_at(Some(first + 1)) != text_at(Some(copy + 1))
}

/// Fewest blocks between a passage and its copy in one element for the copy to be the
/// document restating it.
const RESTATED_MIN_GAP: usize = 10;

/// Whether the document says the passage again in its own place, at least
/// [`RESTATED_MIN_GAP`] blocks further down (a summary's point restated in its section, a
/// note given again under each method of a reference): the copy sits in the same element as
/// the first (two paragraphs of one body), or, with both blocks in the main region
/// (`in_region`), at the same depth with neighbours of its own (the blocks either side of
/// it are not those either side of the first). A layout for another screen size or a
/// cloned slide puts its copy in another element, with its neighbours copied too. A
/// heading, a quotation, a line mostly of links or a lead-in ending in `:` is no restated
/// passage.
fn restated_in_one_body(
    blocks: &[Block],
    dom: &Dom,
    first: usize,
    copy: usize,
    in_region: bool,
) -> bool {
    let (a, b) = (&blocks[first].ancestors, &blocks[copy].ancestors);
    let n = a.len();
    let shared = |up: usize| n >= up && a[n - up] == b[n - up];
    b.len() == n
        && (shared(2) || (in_region && neighbours_differ(blocks, first, copy)))
        && copy >= first + RESTATED_MIN_GAP
        && !in_quote(dom, &blocks[copy])
        && !blocks[copy].kind.is_heading()
        && !blocks[copy].text.trim_end().ends_with(':')
        && blocks[copy].features.link_density() < 0.5
}

/// The targets of the links in the block's element: each `href` without its fragment
/// (a page's parts are one target; an address a script hides behind a fragment that
/// changes on each copy is one address), empty ones left out.
fn link_targets<'d>(dom: &'d Dom, block: &Block) -> Vec<&'d str> {
    let mut targets = Vec::new();
    if let Some(node) = block.node {
        dom.walk(node, |event| {
            if let WalkEvent::Enter(n) = event {
                let node = dom.node(n);
                if node.local_name().is_some_and(|t| *t == local_name!("a")) {
                    if let Some(href) = node.attr("href") {
                        let target = href.split('#').next().unwrap_or_default().trim();
                        if !target.is_empty() {
                            targets.push(target);
                        }
                    }
                }
            }
            true
        });
    }
    targets
}

/// Whether block `copy` words block `first` again but links elsewhere, none of its links
/// going where one of the first's goes: the same note written for each variant of a
/// manual (each language's zone pointing to that language's reference page). A layout
/// printed twice or a slide cloned by a carousel links where the first copy does, and so
/// does a signature under each post or a field printed again with a line of its own. A
/// title (a heading, a line mostly of links) listed twice may link its story's page and
/// then its comments, and a quotation links the post it quotes: both are the same passage
/// again.
fn links_elsewhere(dom: &Dom, first: &Block, copy: &Block) -> bool {
    if copy.features.link_density() >= 0.5 || copy.kind.is_heading() || in_quote(dom, copy) {
        return false;
    }
    let (a, b) = (link_targets(dom, first), link_targets(dom, copy));
    !a.is_empty() && !b.is_empty() && b.iter().all(|target| !a.contains(target))
}

/// Most words of a passage that entries of a list share as a field ([`in_other_entry`]):
/// a line (a product line's tagline); a longer copy is a passage printed twice.
const ENTRY_FIELD_MAX_WORDS: usize = 30;

/// Whether the block is inside a quotation (`<blockquote>`, `<q>`): a reply quoting an
/// earlier post repeats it.
fn in_quote(dom: &Dom, block: &Block) -> bool {
    block.ancestors.iter().any(|&a| {
        dom.node(a)
            .local_name()
            .is_some_and(crate::dom::is_quotation_tag)
    })
}

/// Whether block `copy` repeats block `first` as a field of another entry of one list: the
/// two blocks sit in elements of one kind ([`same_kind_of_item`]: the cards of a product
/// grid, the entries of an index, the items of a list, the rows of a table) and the copy's
/// entry has text the first's has not (its own title, its price). Variants of one product
/// share their description, and each card prints it. The like elements are the ones where
/// the two paths part, or, below them, like cards in the unnamed columns of a grid, or in
/// long like rows (carousels of cards, each card among like siblings). A slide cloned by a
/// carousel is the same card twice, and a layout for each screen size (boxes named for a
/// width: `hidden_mobile`, `hidden_desktop`) is no pair of like items.
fn in_other_entry(blocks: &[Block], dom: &Dom, first: usize, copy: usize) -> bool {
    // A link printed twice is one entry listed twice (a story in two sections of a front
    // page), or a prompt of the site's (a review or compare link), not a field two entries
    // share, unless it is a sentence (`Also taught in Spanish.`). A heading may be one (a
    // line under each entry's title, `Meetup in Lisbon`; a title two entries share, two
    // postings of one job) when the cards are siblings with a heading or two each (below).
    let block = &blocks[copy];
    if block.features.words > ENTRY_FIELD_MAX_WORDS
        || (block.features.link_density() >= 0.5
            && !block.kind.is_heading()
            && !block.text.trim_end().ends_with(['.', '!', '?']))
        || in_quote(dom, block)
    {
        return false;
    }
    // A plan's card lists its features, some the other plans' too: its entry is as long
    // as its list.
    let limit = if matches!(block.kind, BlockKind::ListItem { .. })
        && matches!(blocks[first].kind, BlockKind::ListItem { .. })
    {
        PLAN_CARD_BLOCKS
    } else {
        ENTRY_CARD_BLOCKS
    };
    // The blocks of the entry around block `at`, up to `limit + 1` of them.
    let blocks_of = |at: usize, entry: NodeId| -> Vec<&Block> {
        let start = (0..=at)
            .rev()
            .take(limit + 1)
            .take_while(|&j| blocks[j].ancestors.contains(&entry))
            .last()
            .unwrap_or(at);
        blocks[start..]
            .iter()
            .take(limit + 1)
            .take_while(|block| block.ancestors.contains(&entry))
            .collect()
    };
    let (a, b) = (&blocks[first].ancestors, &blocks[copy].ancestors);
    let shared = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // The entries are the first like elements on the two paths below where they part,
    // each a card of a few blocks: the sibling elements themselves, or, when they are
    // the rows or columns of a grid (of one tag, too long or unnamed), like cards in them.
    let mut passed_long = false;
    for (level, (&entry_a, &entry_b)) in a[shared..].iter().zip(&b[shared..]).enumerate() {
        let (node_a, node_b) = (dom.node(entry_a), dom.node(entry_b));
        if node_a.local_name().is_none() || node_a.local_name() != node_b.local_name() {
            return false;
        }
        // Bare lists side by side (each plan's or offer's `<ul>` of terms) are items of
        // one kind too.
        let bare_lists = is_list(dom, entry_a)
            && node_a.attr("class").is_none()
            && node_b.attr("class").is_none();
        // Items of one list (`<li>`, a definition list's `<dd>`, a table's `<tr>`) are
        // items of one kind, with or without a class.
        let list_items = node_a
            .local_name()
            .is_some_and(|n| matches!(&**n, "li" | "dd" | "tr"));
        let (first_blocks, copy_blocks) = (blocks_of(first, entry_a), blocks_of(copy, entry_b));
        let cards = first_blocks.len() <= limit && copy_blocks.len() <= limit;
        let like = bare_lists || list_items || same_kind_of_item(dom, entry_a, entry_b);
        if !cards && like {
            passed_long = true;
            continue;
        }
        if !like {
            // Boxes shown at one screen width each hold one layout's copy of the cards.
            let screen_only = |x: Option<&str>, y: Option<&str>| {
                x.unwrap_or("").split_ascii_whitespace().any(|t| {
                    !y.unwrap_or("").split_ascii_whitespace().any(|u| u == t)
                        && crate::detect::markup::class_has_word(
                            t,
                            &crate::detect::markup::SCREEN_WIDTH_WORDS,
                        )
                })
            };
            let (class_a, class_b) = (node_a.attr("class"), node_b.attr("class"));
            if screen_only(class_a, class_b) || screen_only(class_b, class_a) {
                return false;
            }
            continue;
        }
        let in_grid = |n: NodeId| dom.like_siblings(n).nth(1).is_some();
        if passed_long && !(in_grid(entry_a) && in_grid(entry_b)) {
            return false;
        }
        // A heading is a field of a card with a title and a line under it at most; a box
        // of several titles is a section listing stories, the same story in two of them.
        let few_headings =
            |entry: &[&Block]| entry.iter().filter(|b| b.kind.is_heading()).count() <= 2;
        if block.kind.is_heading()
            && (level > 0 || !(few_headings(&first_blocks) && few_headings(&copy_blocks)))
        {
            return false;
        }
        // A slide cloned by a carousel or a layout's copy is the same card again.
        return copy_blocks
            .iter()
            .any(|c| !first_blocks.iter().any(|f| f.text == c.text));
    }
    false
}

/// Share of a tab panel's words in copies of earlier passages above which the panel repeats
/// another (a filter's tab) rather than holding its own text.
const PANEL_COPIED_SHARE: f32 = 0.5;

/// The innermost tab panel (`role="tabpanel"`) that holds the block, if any.
fn tab_panel_of(dom: &Dom, block: &Block) -> Option<NodeId> {
    block.ancestors.iter().rev().copied().find(|&a| {
        dom.node(a)
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"))
    })
}

/// Context smoothing over first classes; returns keep flags. `in_container` tells which
/// blocks are in the main region (all of them when there is none).
fn smooth(
    blocks: &[Block],
    classes: &[BlockClass],
    weights: &[Weights],
    in_container: &[bool],
    config: &DecideConfig,
) -> Vec<bool> {
    let n = blocks.len();
    let is_anchor = |c: BlockClass| matches!(c, BlockClass::Good | BlockClass::Bad);
    let mut resolved: Vec<BlockClass> = classes.to_vec();

    // Near-good blocks become good next to good text, bad otherwise (jusText).
    let nearest = |from: usize, forward: bool, classes: &[BlockClass]| -> Option<BlockClass> {
        let mut i = from;
        loop {
            if forward {
                i += 1;
                if i >= n {
                    return None;
                }
            } else {
                if i == 0 {
                    return None;
                }
                i -= 1;
            }
            if classes[i] == BlockClass::Metadata {
                continue;
            }
            if is_anchor(classes[i]) {
                return Some(classes[i]);
            }
        }
    };
    for i in 0..n {
        if classes[i] == BlockClass::NearGood {
            let prev = nearest(i, false, classes);
            let next = nearest(i, true, classes);
            resolved[i] = if prev == Some(BlockClass::Good) || next == Some(BlockClass::Good) {
                BlockClass::Good
            } else if prev.is_none() && next.is_none() {
                // Nothing clear on the page: near-good text is the best we have.
                BlockClass::Good
            } else {
                BlockClass::Bad
            };
        }
    }
    let after_near = resolved.clone();
    for i in 0..n {
        if after_near[i] == BlockClass::Short {
            let prev = nearest(i, false, &after_near);
            let next = nearest(i, true, &after_near);
            resolved[i] = match (prev, next) {
                (Some(BlockClass::Good), Some(BlockClass::Good)) => BlockClass::Good,
                (Some(BlockClass::Good), None) | (None, Some(BlockClass::Good)) => BlockClass::Good,
                _ => BlockClass::Bad,
            };
        }
    }

    // Headings (and heading-like short lines) stay when good text follows closely.
    for i in 0..n {
        if resolved[i] != BlockClass::Bad || !heading_like(&blocks[i]) {
            continue;
        }
        if weights[i].chrome >= 0.5 || weights[i].metadata >= 0.9 {
            continue;
        }
        if !may_title_text_below(&blocks[i], in_container[i]) {
            continue;
        }
        let mut distance = 0usize;
        for j in i + 1..n {
            if resolved[j] == BlockClass::Good && !heading_like(&blocks[j]) {
                resolved[i] = BlockClass::Good;
                break;
            }
            // Chrome and bylines between a title and its text do not count as distance.
            if !matches!(classes[j], BlockClass::Bad | BlockClass::Metadata) {
                distance += blocks[j].features.chars;
            }
            if distance > config.max_heading_distance {
                break;
            }
        }
    }
    resolved.iter().map(|c| *c == BlockClass::Good).collect()
}

/// Longest line, in words, that counts as a menu item in text input.
const MENU_ITEM_WORDS: usize = 4;

/// Decisions for text input, where no markup gives a region. Text that may already be
/// clean must stay clean, so only positive evidence removes a line: a detector's chrome or
/// metadata verdict, or membership of a run of menu-like lines that holds chrome (a short
/// title between a category label and a byline must survive).
///
/// Two kinds of evidence are weak alone: a label repeated in the page and a bare date line.
/// Clean text repeats its fields (`Pros`, `Location: …` in every entry of a ranking) and
/// dates its posts, so such a line goes only when chrome confirms it: it touches a line
/// that goes (a category label above every teaser, next to `Continue Reading`), it sits in
/// a menu-like run that touches one (a poster's name, post count and join date between one
/// post's `Reply` and the next post), or another copy of the same label goes. Cleaning clean
/// output then changes nothing: with no firm chrome left, no weak line goes either.
/// Returns keep flags and the extra reasons.
fn keep_text_lines(blocks: &[Block], weights: &[Weights]) -> (Vec<bool>, Vec<(usize, String)>) {
    let n = blocks.len();
    let preformatted: Vec<bool> = blocks
        .iter()
        .map(|b| is_preformatted_line(&b.text))
        .collect();
    let firm = |i: usize| {
        !preformatted[i] && (weights[i].chrome_unrepeated >= 0.5 || weights[i].metadata >= 1.0)
    };
    let weak =
        |i: usize| !preformatted[i] && (weights[i].chrome >= 0.5 || weights[i].metadata >= 0.9);
    let mut goes: Vec<bool> = (0..n).map(firm).collect();
    let mut extra: Vec<(usize, String)> = Vec::new();
    let menu_like = |i: usize| {
        let b = &blocks[i];
        !preformatted[i]
            && b.features.words <= MENU_ITEM_WORDS
            && !b.features.ends_sentence
            && !matches!(b.kind, BlockKind::ListItem { .. })
    };
    // The copies of each label that repeats in the page (weak on repetition alone).
    let mut copies: HashMap<String, Vec<usize>> = HashMap::default();
    for i in 0..n {
        if weights[i].chrome >= 0.5 && weights[i].chrome_unrepeated < 0.5 {
            copies
                .entry(crate::detect::repeated::label_key(&blocks[i].text))
                .or_default()
                .push(i);
        }
    }
    let mut copies: Vec<Vec<usize>> = copies.into_values().filter(|c| c.len() > 1).collect();
    copies.sort_unstable();
    // Each round only adds lines; a few rounds reach the fixed point on real pages.
    for _ in 0..TEXT_ROUNDS {
        let mut changed = false;
        let mut mark = |i: usize, goes: &mut [bool], cause: &str| {
            if !goes[i] {
                goes[i] = true;
                extra.push((i, cause.to_string()));
                changed = true;
            }
        };
        // Weak lines next to a line that goes, through runs of weak lines, both ways.
        for i in 1..n {
            if weak(i) && goes[i - 1] {
                mark(i, &mut goes, "a weak chrome line next to chrome");
            }
        }
        for i in (0..n.saturating_sub(1)).rev() {
            if weak(i) && goes[i + 1] {
                mark(i, &mut goes, "a weak chrome line next to chrome");
            }
        }
        // Runs of adjacent short lines (no blank line between) that contain chrome are menus.
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && blocks[end].joins_previous && menu_like(end) {
                end += 1;
            }
            let run = start..end;
            if run.len() >= 2 && run.clone().all(menu_like) && {
                // One chrome line in a run of three or more short lines marks a menu
                // ("Home / World / Business"); a pair needs both halves to agree. A run
                // that touches chrome counts its weak lines too.
                let touches = (run.start > 0 && goes[run.start - 1]) || (end < n && goes[end]);
                let chrome = run
                    .clone()
                    .filter(|&i| goes[i] || (touches && weak(i)))
                    .count();
                chrome >= 1 && (run.len() >= 3 || chrome * 2 >= run.len())
            } {
                for i in run {
                    mark(i, &mut goes, "a line of a menu-like run that holds chrome");
                }
            }
            start = end;
        }
        // A label one of whose copies goes is the template's everywhere.
        for group in &copies {
            if group.iter().any(|&i| goes[i]) {
                for &i in group {
                    mark(
                        i,
                        &mut goes,
                        "a copy of a repeated label that goes elsewhere",
                    );
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Firm lines have their detectors' reasons; the others, the first that took them.
    let mut seen = vec![false; n];
    extra.retain(|&(i, _)| !firm(i) && !std::mem::replace(&mut seen[i], true));
    (goes.iter().map(|g| !g).collect(), extra)
}

/// Whether a line of text input is preformatted: indented (code, a quoted block) or drawn
/// with box-drawing characters (a tree, a table in text). Its words are data, not labels:
/// `on`, `by` and a line repeated in the page (`exact h1 h2` in every proof) are code there.
fn is_preformatted_line(text: &str) -> bool {
    text.starts_with([' ', '\t']) || text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c))
}

/// Most rounds of [`keep_text_lines`] (each only removes lines, so it ends; real pages
/// settle in two or three).
const TEXT_ROUNDS: usize = 8;

/// Whether a heading-like block may stay as the title of good text that follows it. In the
/// main region any heading-like line may; outside it only a heading element does: a short
/// line there that no markup calls a heading (a banner's offer, a byline, a price, a card's
/// label, a menu's caption) stands above the document's text only because the chrome
/// between them does not count as distance, and is chrome far more often than a title
/// (measured: about a third of those words are document text).
fn may_title_text_below(block: &Block, in_region: bool) -> bool {
    in_region || block.kind.is_heading()
}

/// Whether a block can be a heading: marked as one, or (for text) a short line that does not
/// end like a sentence.
fn heading_like(block: &Block) -> bool {
    match block.kind {
        BlockKind::Heading { .. } => true,
        BlockKind::Paragraph => {
            block.features.words <= 20
                && block.features.words >= 1
                && (!block.features.ends_sentence || block.text.trim_end().ends_with('?'))
                && block.features.link_density() < 0.5
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {

    /// `count` paragraphs of prose, each opening with `label` and its number.
    fn otter_paragraphs(count: usize, label: &str) -> String {
        (0..count)
            .map(|n| {
                format!(
                    "<p>{label} {n} of the guide explains how the river otters of the valley \
                     build their dens along the banks and raise their young in spring.</p>"
                )
            })
            .collect()
    }

    /// A product page whose description fills the main region and whose key features and
    /// specifications sit beside it, after the price and the buttons of its buy box.
    fn product_with_a_spec_list_beside_it(extra_item: &str) -> String {
        let description = otter_paragraphs(4, "Description part");
        format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org",
            "@type":"Product","name":"Otter Lantern"}}</script></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop</a></li>
            <li><a href="/lamps">Lamps</a></li></ul></nav>
            <h1>Otter Lantern</h1>
            <div class="buy"><p class="price">$49.00</p><button>Add to cart</button>
            <div class="bullets"><h4>Key features:</h4><ul><li>Brass frame</li>
            <li>Weight: 1.2 kg</li><li>Runs 40 hours on one charge</li>{extra_item}</ul></div>
            <button>Buy now</button></div>
            <div class="description">{description}</div>
            <footer><ul><li><a href="/about">About us</a></li><li><a href="/jobs">Jobs</a></li>
            </ul></footer></body></html>"#
        )
    }

    /// A sock's page whose region holds the description, the sock's colours as a list of
    /// links (a listing region: most of its text is links) and a lone link under them;
    /// `declared` is the page's JSON-LD.
    fn sock_page_with_linked_colours(declared: &str) -> String {
        let colours: String = [
            "Heather grey",
            "Forest green",
            "Charcoal",
            "Rust",
            "Navy",
            "Oat",
        ]
        .iter()
        .enumerate()
        .map(|(n, c)| {
            format!("<li><a href=\"/c/{n}\">{c} merino trail sock with cushioned sole</a></li>")
        })
        .collect();
        format!(
            r#"<html><head>{declared}<title>Trail Sock | Wool Works</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop</a></li></ul></nav>
            <main><h1>Trail Sock</h1><p>$18.00</p>
            <p>Knitted from soft merino wool, the trail sock keeps your feet warm and dry on long
            walks, and its cushioned sole takes the sting out of rocky paths.</p>
            <p>Every pair is made in our mill by the river and comes with a promise: if it wears
            through in the first year, we knit you another.</p>
            <ul>{colours}</ul><p><a href="/details">Full details</a></p></main>
            <footer><p>Wool Works, 12 Mill Lane</p></footer></body></html>"#
        )
    }

    #[test]
    fn linked_chrome_in_a_one_product_pages_listing_region_keeps_its_evidence() {
        let product = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"Product","name":"Trail Sock"}</script>"#;
        let text = crate::clean_html(&sock_page_with_linked_colours(product));
        assert!(text.contains("cushioned sole takes the sting"), "{text}");
        assert!(text.contains("Forest green merino trail sock"), "{text}");
        assert!(!text.contains("Full details"), "{text}");
        // Undeclared, the page may be a listing, whose links are its content.
        let text = crate::clean_html(&sock_page_with_linked_colours(""));
        assert!(text.contains("Full details"), "{text}");
    }

    #[test]
    fn a_plain_list_beside_the_region_is_the_documents() {
        let text = crate::clean_html(&product_with_a_spec_list_beside_it(""));
        assert!(text.contains("Description part 3"), "{text}");
        assert!(text.contains("Brass frame"), "{text}");
        assert!(text.contains("Weight: 1.2 kg"), "{text}");
        assert!(text.contains("Key features:"), "{text}");
        assert!(!text.contains("About us"), "{text}");
    }

    #[test]
    fn a_list_of_mostly_links_beside_the_region_is_no_plain_list() {
        let links = "<li><a href='/a'>Lantern hooks</a></li><li><a href='/b'>Lantern bags</a></li>\
                     <li><a href='/c'>Spare glass</a></li><li><a href='/d'>Wicks</a></li>";
        let text = crate::clean_html(&product_with_a_spec_list_beside_it(links));
        assert!(text.contains("Description part 3"), "{text}");
        assert!(!text.contains("Brass frame"), "{text}");
    }

    #[test]
    fn a_heading_whose_section_was_dropped_whole_goes_on_a_page_of_prose() {
        let paragraphs = otter_paragraphs(5, "Paragraph");
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1><h2>Their dens</h2>{paragraphs}\
             <section class='closing'><h2>Ready to meet the otters?</h2>\
             <a class='button' href='/tours'>Learn more</a></section></article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Their dens"), "{text}");
        assert!(text.contains("Paragraph 4"), "{text}");
        assert!(!text.contains("Ready to meet"), "{text}");
    }

    #[test]
    fn a_bar_of_links_set_as_a_heading_is_no_heading_of_the_document() {
        let before = otter_paragraphs(3, "Paragraph");
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{before}\
             <h3><a href='/recent'>Recent otter news</a> | <a href='/reviews'>Field \
             reviews</a> | <a href='/archive'>Otter archive</a> | <a href='/feed'>Feed</a></h3>\
             </article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Paragraph 2"), "{text}");
        assert!(!text.contains("Otter archive"), "{text}");
    }

    #[test]
    fn a_heading_over_its_dropped_links_goes_between_kept_paragraphs() {
        let before = otter_paragraphs(3, "Paragraph");
        let after = otter_paragraphs(3, "Later paragraph");
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{before}\
             <div class='follow'><h3>Follow the otter club</h3><p>\
             <a href='https://f.example/otters'>Facebook</a> \
             <a href='https://i.example/otters'>Instagram</a></p></div>{after}\
             </article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Later paragraph 2"), "{text}");
        assert!(!text.contains("Follow the otter club"), "{text}");
    }

    #[test]
    fn a_title_line_whose_section_was_dropped_whole_goes_on_a_page_of_prose() {
        let paragraphs = otter_paragraphs(5, "Paragraph");
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{paragraphs}\
             <div class='box'><p class='box-title'>Support the otter survey</p>\
             <a class='button' href='/donate'>Donate</a></div></article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Paragraph 4"), "{text}");
        assert!(!text.contains("Support the otter survey"), "{text}");
        // Over a row that went for its links alone (the logos of the survey's partners),
        // the line is a tagline of the page.
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{paragraphs}\
             <div class='partners'><p>Counted with four river trusts</p><div>\
             <a href='/p/1'>Vale Trust</a> <a href='/p/2'>Brook Trust</a> \
             <a href='/p/3'>Ford Trust</a></div></div></article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Counted with four river trusts"), "{text}");
    }

    #[test]
    fn a_one_line_reply_under_its_dropped_date_line_stays() {
        let post = |n: usize| {
            format!(
                "<div class='post'><div class='meta'>rivermouse{n} 2 years ago#{n}</div><p>\
                 Reply {n} says the river otters of the valley build their dens along the \
                 banks and raise their young in spring.</p></div>"
            )
        };
        let posts: String = (1..6).map(post).collect();
        let html = format!(
            "<html><body><h1>Otters of the valley</h1><div class='posts'>{posts}\
             <div class='post'><div class='meta'>rivermouse 2 years ago#6</div>\
             <p>Come on otter festival</p><div class='signature'>Walking the long trails \
             since the spring</div></div></div></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Reply 5"), "{text}");
        assert!(text.contains("Come on otter festival"), "{text}");
    }

    #[test]
    fn repeated_labels_and_headings_of_kept_text_stay() {
        let dom = crate::dom::Dom::parse(
            "<p>Advantages:</p><p>The maps are drawn by hand and show every den.</p>\
             <h3>Drawbacks</h3><p>The book is heavy to carry on long walks.</p>\
             <p>Ana wrote:</p><p>I carried it all the way to the ford.</p>\
             <p>Order now</p><p>The guide ships within two days of the order.</p>",
        );
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
        let at = |t: &str| texts.iter().position(|x| *x == t).expect(t);
        let labels = [at("Advantages:"), at("Drawbacks"), at("Ana wrote:")];
        let mut keep = vec![true; blocks.len()];
        let mut reasons: Vec<Vec<(f32, super::Reason)>> = vec![Vec::new(); blocks.len()];
        let repeated = super::Reason {
            detector: "repeated-in-page",
            cause: "occurs 3 times on the page".to_string(),
        };
        for &i in &labels {
            keep[i] = false;
            reasons[i].push((0.9, repeated.clone()));
        }
        // A line dropped for another reason stays dropped.
        let order = at("Order now");
        keep[order] = false;
        reasons[order].push((
            0.9,
            super::Reason {
                detector: "chrome-phrase",
                cause: "is the shop phrase".to_string(),
            },
        ));
        super::keep_repeated_labels_of_kept_text(&blocks, &mut keep, &mut reasons);
        assert!(keep[labels[0]] && keep[labels[1]], "{texts:?} {keep:?}");
        assert!(!keep[labels[2]] && !keep[order], "{texts:?} {keep:?}");
    }

    #[test]
    fn title_lines_of_a_column_of_dropped_boxes_go_together() {
        let paragraphs = otter_paragraphs(5, "Paragraph");
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{paragraphs}\
             <div class='column'><div><p>Follow the otter club</p></div>\
             <div class='social-icons'><a href='https://f.example/o'>Facebook</a></div>\
             <div><p>Hear the otter podcast</p></div>\
             <div class='social-icons'><a href='https://p.example/o'>Podcast</a></div>\
             </div></article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Paragraph 4"), "{text}");
        assert!(!text.contains("Follow the otter club"), "{text}");
        assert!(!text.contains("Hear the otter podcast"), "{text}");
    }

    #[test]
    fn title_lines_of_a_grid_of_cards_stay() {
        let paragraphs = otter_paragraphs(5, "Paragraph");
        let cards: String = (0..4)
            .map(|n| {
                format!(
                    "<section class='card'><p>Otter tour {n}</p>\
                     <a href='/t{n}'>Learn more</a></section>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{paragraphs}{cards}\
             </article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Otter tour 3"), "{text}");
    }

    #[test]
    fn the_titles_of_a_run_of_cards_stay_when_their_buttons_go() {
        let paragraphs = otter_paragraphs(5, "Paragraph");
        let page = |cards: usize| {
            let cards: String = (0..cards)
                .map(|n| {
                    format!(
                        "<div class='tour'><h3>Otter tour number {n}</h3>\
                         <a href='/t{n}'>Learn more</a></div>"
                    )
                })
                .collect();
            crate::clean_html(&format!(
                "<html><body><article><h1>Otters of the valley</h1>{paragraphs}\
                 <div class='tours'>{cards}</div></article></body></html>"
            ))
        };
        // Two sections side by side are two calls to action; four are a run of cards.
        let two = page(2);
        assert!(!two.contains("Otter tour number"), "{two}");
        let four = page(4);
        assert!(four.contains("Otter tour number 3"), "{four}");
    }

    #[test]
    fn a_landing_page_keeps_the_headline_over_its_button() {
        // Short lines only: no prose, so the headline over a dropped button stays.
        let html = "<html><body><main><section><h2>Garden tools for every season</h2>\
             <p>Rakes, spades and shears.</p></section><section><h2>Plans for every garden</h2>\
             <a class='button' href='/plans'>Learn more</a></section></main></body></html>";
        let text = crate::clean_html(html);
        assert!(text.contains("Plans for every garden"), "{text}");
    }

    #[test]
    fn a_grid_outside_the_region_is_the_best_list_once_the_region_is_set_aside() {
        use crate::dom::{NodeData, NodeId};
        let intro: String = (0..4)
            .map(|n| format!("<p>Paragraph {n} of the category's text tells a reader how the socks are made and sized.</p>"))
            .collect();
        let cards: String = (1..=14)
            .map(|n| {
                format!(
                    "<div class='tile'><h3>Ridge Sock {n}</h3><span>Soft wool, size {n}.</span></div>"
                )
            })
            .collect();
        let dom = crate::dom::Dom::parse(&format!(
            "<main><div class='intro'>{intro}</div><div class='grid'>{cards}</div></main>"
        ));
        // Every text is clean; prose is the text of paragraphs.
        let mut clean = vec![0; dom.nodes.len()];
        let mut prose = vec![0; dom.nodes.len()];
        for (id, node) in dom.nodes.iter().enumerate() {
            if let NodeData::Text(text) = &node.data {
                let in_p = node.parent.is_some_and(|p| {
                    dom.node(p).local_name() == Some(&html5ever::local_name!("p"))
                });
                let mut at = Some(id as NodeId);
                while let Some(a) = at {
                    clean[a as usize] += text.len();
                    prose[a as usize] += if in_p { text.len() } else { 0 };
                    at = dom.node(a).parent;
                }
            }
        }
        let class_of = |class: &str| {
            (0..dom.nodes.len() as NodeId)
                .find(|&n| dom.node(n).attr("class") == Some(class))
                .expect("the element")
        };
        let (intro, grid) = (class_of("intro"), class_of("grid"));
        // Paragraphs side by side rank first: the region's own text is the best "list".
        let (first, _, cell) = super::card_list(&dom, &clean, &prose, &|_| false).expect("a list");
        assert_eq!((first, cell), (intro, false));
        // Set aside, the grid of 14 like cells is the best list.
        let set_aside = |n: NodeId| n == intro || dom.holds(n, intro) || dom.holds(intro, n);
        let best = super::card_list(&dom, &clean, &prose, &set_aside);
        assert_eq!(best, Some((grid, 14, true)));
        assert!(super::is_grid_cell(&html5ever::local_name!("article")));
        assert!(!super::is_grid_cell(&html5ever::local_name!("li")));
    }

    /// A product page whose description sits in a drawer (`role="dialog"`), beside a
    /// seller's box of prose.
    fn product_page() -> String {
        let first = "This tent sleeps two walkers and packs down to the size of a loaf of bread, \
                     so it rides in the side pocket of most day packs without trouble.";
        let second = "Its poles are aluminium, its floor is a tough ripstop nylon, and the fly \
                      reaches the ground on every side to keep the spring rain off the inner tent. \
                      Two doors let each sleeper leave without waking the other one at dawn.";
        let json = format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org",
            "@type":"Product","name":"Ridge Tent","description":"{first} {second}"}}</script>"#
        );
        format!(
            "<html><head><title>Ridge Tent</title>{json}</head><body>\
             <nav><a href='/'>Home</a> <a href='/tents'>Tents</a></nav>\
             <main><h1>Ridge Tent</h1><p class='price'>$240</p>\
             <div class='seller'><p>Our shop has sold camping gear from a small workshop in the \
             hills since the spring of 1998, and every order leaves within two working days.</p></div>\
             <div role='dialog' class='drawer'><p>{first}</p><p>{second}</p></div></main>\
             <footer><p>All rights reserved.</p></footer></body></html>"
        )
    }

    /// The declared description of [`product_page`], as its JSON-LD gives it.
    fn declared_description() -> String {
        let page = product_page();
        let start = page.find(r#""description":""#).expect("declared") + 15;
        let end = start + page[start..].find('"').expect("closed");
        page[start..end].to_string()
    }

    #[test]
    fn a_products_declared_description_anchors_the_element_that_shows_it() {
        let html = product_page();
        let dom = crate::dom::Dom::parse(&html);
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        let (anchor, parts) =
            super::declared_anchor(&blocks, &dom, &declared_description()).expect("an anchor");
        // Both paragraphs of the drawer, and not the seller's prose, are the description.
        let texts: Vec<&str> = parts.iter().map(|&i| blocks[i].text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].starts_with("This tent sleeps") && texts[1].starts_with("Its poles"));
        assert!(parts.iter().all(|&i| blocks[i].ancestors.contains(&anchor)));
        // A region that holds the anchor and more shrinks to it; one that misses it takes it.
        let body = crate::blocks::html::find_body(&dom).expect("a body");
        let grown = super::anchored_region(
            &dom,
            super::Region {
                nodes: vec![body],
                ..Default::default()
            },
            anchor,
        );
        assert_eq!(grown.nodes, vec![anchor]);
        let nav = blocks[0]
            .ancestors
            .last()
            .copied()
            .expect("the nav's element");
        let joined = super::anchored_region(
            &dom,
            super::Region {
                nodes: vec![nav],
                ..Default::default()
            },
            anchor,
        );
        assert_eq!(joined.nodes, vec![nav, anchor]);
        // A declared text the page does not show anchors nothing.
        let other = "A cast iron pan that heats evenly on gas, on induction and in the oven, \
                     seasoned at the foundry with flax oil so that eggs slide off it from the \
                     first morning. The handle stays cool for a minute or two, the pour spouts \
                     on both sides suit either hand, and a lid of the same iron is sold apart \
                     for slow stews that need an hour or more on a low flame.";
        assert!(super::declared_anchor(&blocks, &dom, other).is_none());
    }

    /// A page with one short line printed twice among its prose (a tagline over the
    /// gallery and again in the buy box), declared one product or not.
    fn page_with_a_line_twice(declared: &str, line: &str) -> String {
        format!(
            "<html><head><title>Trail Kettle</title>{declared}</head><body><main>\
             <h1>Trail Kettle</h1>\
             <div class='gallery'><p>{line}</p></div>\
             <p>This kettle is made of thin titanium sheet, so it weighs less than an apple and \
             still holds enough water for two large mugs of tea at the end of a long day.</p>\
             <div class='buy'><p>{line}</p></div>\
             <p>The lid locks with a quarter turn, the handles fold flat against the sides, and \
             a small stove and a gas canister both fit inside it when you pack for the hills.</p>\
             </main></body></html>"
        )
    }

    /// Names of the links of [`page_with_a_menu_list`], each its own word (names that differ
    /// only in figures are one label repeated).
    const TREES: [&str; 40] = [
        "Alder",
        "Birch",
        "Cedar",
        "Dogwood",
        "Elm",
        "Fir",
        "Ginkgo",
        "Hazel",
        "Ivy",
        "Juniper",
        "Kapok",
        "Larch",
        "Maple",
        "Nutmeg",
        "Oak",
        "Pine",
        "Quince",
        "Rowan",
        "Spruce",
        "Teak",
        "Viburnum",
        "Willow",
        "Yew",
        "Zelkova",
        "Acacia",
        "Baobab",
        "Cypress",
        "Ebony",
        "Fig",
        "Guava",
        "Hemlock",
        "Ironwood",
        "Jacaranda",
        "Kauri",
        "Linden",
        "Mahogany",
        "Neem",
        "Olive",
        "Poplar",
        "Redwood",
    ];

    /// A page with a list of `items` bare links to other pages of the site after its text.
    fn page_with_a_menu_list(declared: &str, items: usize) -> String {
        let links: String = TREES[..items]
            .iter()
            .map(|name| format!("<li><a href='/trees/{name}'>{name}</a></li>"))
            .collect();
        format!(
            "<html><head><title>Trail Kettle</title>{declared}</head><body><main>\
             <h1>Trail Kettle</h1>\
             <p>This kettle is made of thin titanium sheet, so it weighs less than an apple and \
             still holds enough water for two large mugs of tea at the end of a long day.</p>\
             <p>The lid locks with a quarter turn, the handles fold flat against the sides, and \
             a small stove and a gas canister both fit inside it when you pack for the hills.</p>\
             <ul>{links}</ul></main></body></html>"
        )
    }

    /// JSON-LD that declares the kettle of the test pages one product.
    const KETTLE_PRODUCT: &str = r#"<script type="application/ld+json">{"@context":
        "https://schema.org","@type":"Product","name":"Trail Kettle"}</script>"#;

    /// JSON-LD that declares the test page about the kettle an article.
    const KETTLE_ARTICLE: &str = r#"<script type="application/ld+json">{"@context":
        "https://schema.org","@type":"Article","headline":"Trail Kettle"}</script>"#;

    /// Whether `text` has the link "Dogwood" of [`page_with_a_menu_list`] as a line.
    fn keeps_the_list(text: &str) -> bool {
        text.lines().any(|l| l.trim() == "Dogwood")
    }

    #[test]
    fn a_long_list_of_bare_links_is_a_menu_on_a_product_or_an_article_it_does_not_make() {
        // Under a product: the shop's brands or categories, which the region's links made
        // entries; a few links stay the product's. Under an article: the site's menu, but an
        // index whose list outweighs its prose is the article.
        for (declared, kept) in [(KETTLE_PRODUCT, 4), (KETTLE_ARTICLE, 40)] {
            let text = crate::clean_html(&page_with_a_menu_list(declared, 10));
            assert!(text.contains("The lid locks"), "{text}");
            assert!(!keeps_the_list(&text), "{text}");
            let text = crate::clean_html(&page_with_a_menu_list(declared, kept));
            assert!(keeps_the_list(&text), "{text}");
        }
    }

    #[test]
    fn a_line_printed_twice_is_kept_once() {
        // Seven words: a passage on any page (one product's or not), kept once.
        let line = "Boils a litre in four minutes flat";
        for declared in [KETTLE_PRODUCT, ""] {
            let text = crate::clean_html(&page_with_a_line_twice(declared, line));
            assert_eq!(text.matches(line).count(), 1, "{text}");
            assert!(text.contains("The lid locks"), "{text}");
        }
    }

    #[test]
    fn a_short_declared_description_anchors_nothing() {
        let dom = crate::dom::Dom::parse("<p>A small tent for two walkers.</p>");
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        assert!(super::declared_anchor(&blocks, &dom, "A small tent for two walkers.").is_none());
    }
    #[test]
    fn cards_numbered_one_by_one_are_one_kind() {
        use super::same_card_class;
        assert!(same_card_class(
            Some("elementor-element elementor-element-6e4d78d elementor-widget-call-to-action"),
            Some("elementor-element elementor-element-290d2ae elementor-widget-call-to-action"),
        ));
        assert!(same_card_class(
            Some("post-12 post type-post"),
            Some("post-9 post type-post")
        ));
        assert!(!same_card_class(Some("card"), Some("card card--wide")));
    }

    #[test]
    fn entries_of_other_categories_are_one_kind_of_card() {
        use super::same_card_class;
        assert!(same_card_class(
            Some("post type-post format-standard has-post-thumbnail category-dinner entry first"),
            Some("post type-post format-video category-lunch category-vegan tag-quick entry"),
        ));
        assert!(!same_card_class(Some("post entry"), Some("post teaser")));
        // A name with a letter outside ASCII where a prefix would end is read, not cut.
        assert!(!same_card_class(Some("post categoryé"), Some("post")));
    }

    #[test]
    fn page_sections_are_no_cards() {
        use super::is_page_section;
        let div = html5ever::local_name!("div");
        assert!(is_page_section(&html5ever::local_name!("section"), None));
        assert!(is_page_section(
            &div,
            Some("elementor-section elementor-top-section")
        ));
        assert!(!is_page_section(&div, Some("card")));
        assert!(!is_page_section(&div, None));
    }

    /// A page: a menu, an article of plain paragraphs and one paragraph that links most of
    /// what it names, and a footer.
    fn page(linked: &str) -> String {
        let plain = "<p>The river flooded the lower town again this spring, and the council met \
                     in the old school hall to decide what it would do about the houses on the \
                     bank, which have been flooded three times in ten years.</p>";
        format!(
            "<html><head><title>Floods</title></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>\
             <li><a href=/sport>Sport</a></li><li><a href=/about>About us</a></li></ul></nav>\
             <article><h1>The river floods again</h1>{plain}{plain}<p>{linked}</p>{plain}\
             </article><footer><a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer>\
             </body></html>"
        )
    }

    /// A shop's category page: its prose in one element, its grid of product cards in
    /// another, each card an image, a linked title and a price.
    fn category_page(head: &str, names: &[&str]) -> String {
        let cards: String = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "<div class='product-card'><a href='/p/{i}'><img src='/i/{i}.jpg' alt=''></a>\
                     <div class='product-card__body'><a href='/p/{i}'>\
                     <div class='product-title'>{n}</div></a><span>$1{i}.99</span></div></div>"
                )
            })
            .collect();
        lantern_shop(head, &cards)
    }

    /// The lantern shop's category page around a grid of `cards`, with `head` in its head.
    fn lantern_shop(head: &str, cards: &str) -> String {
        format!(
            "<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav>\
             <div class='intro'><h1>Garden lanterns</h1><p>Our garden lanterns are made by hand \
             in a small workshop, from recycled glass and brass, and each one is tested outdoors \
             through a whole winter before it reaches the shop, so that it lasts for years.</p>\
             </div><div class='grid'>{cards}</div><div class='closing'>\
             <p>Choose a hanging lantern for the porch, a standing one for the path, or a small \
             table lantern for the terrace; all of them take the same candles and spare parts.</p>\
             </div><footer><a href='/help'>Help</a></footer></body></html>"
        )
    }

    /// The products of the lantern shop's test pages.
    const LANTERNS: [&str; 6] = [
        "Brass Porch Lantern",
        "Green Glass Path Light",
        "Copper Table Lantern",
        "Tall Iron Garden Lamp",
        "Amber Hanging Lantern",
        "Blue Glass Candle Jar",
    ];

    #[test]
    fn the_linked_titles_of_a_product_grid_stay() {
        let names = LANTERNS;
        let text = crate::clean_html(&category_page("", &names));
        assert!(text.contains("Copper Table Lantern"), "{text}");
        assert!(text.contains("Blue Glass Candle Jar"), "{text}");
        // On a page declared an article, such a grid is its rail of related items.
        let article = "<script type='application/ld+json'>\
             {\"@type\":\"Article\",\"headline\":\"Garden lanterns\"}</script>";
        let text = crate::clean_html(&category_page(article, &names));
        assert!(!text.contains("Copper Table Lantern"), "{text}");
    }

    /// A shop's category page whose product cards are each one link around the image and
    /// the card's lines (a rank, a rating count, the name, a price), no line named a title.
    fn link_card_page(names: &[&str]) -> String {
        let cards: String = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "<a class='product-box' href='/p/{i}'><div class='product-box__image'>\
                     <picture><img src='/i/{i}.jpg' alt=''></picture></div>\
                     <div class='stars'>{i}4</div><div class='description'>\
                     <span class='maker'>Acme </span>{n}</div><div class='price'>$1{i}9</div></a>"
                )
            })
            .collect();
        lantern_shop("", &cards)
    }

    #[test]
    fn a_grid_of_link_cards_keeps_their_longest_lines_as_titles() {
        let names = LANTERNS;
        let text = crate::clean_html(&link_card_page(&names));
        assert!(text.contains("Copper Table Lantern"), "{text}");
        assert!(text.contains("Blue Glass Candle Jar"), "{text}");
        // The short lines beside the name (its rank, its price) are no title.
        assert!(!text.contains("$129"), "{text}");
    }

    #[test]
    fn a_promotion_tile_among_named_product_cards_is_no_title() {
        // The products' cards name their titles; one more tile is a link around an image and
        // an offer, with no title: it is a promotion, not a product of the grid.
        let names = LANTERNS;
        let promo = "<div class='product-card'><a href='/bundle'><img src='/i/b.jpg' alt=''>\
                     <p class='caps'>Bundle and save up to half off</p></a></div>";
        let page = category_page("", &names).replace(
            "</div></div></div><div class='closing'>",
            &format!("</div></div>{promo}</div><div class='closing'>"),
        );
        assert!(page.contains("Bundle and save"), "{page}");
        let text = crate::clean_html(&page);
        assert!(text.contains("Copper Table Lantern"), "{text}");
        assert!(!text.contains("Bundle and save"), "{text}");
    }

    #[test]
    fn an_entry_title_of_nouns_in_a_listing_stays() {
        // A listing of papers: each entry's title is a line of names and nouns (few
        // stopwords) in an element named "meta", under its linked identifier.
        let topics = [
            "Sparse Spectral Graph Kernels: Tight Bounds, Fast Solvers, Open Benchmarks, Tradeoffs",
            "Adaptive Mesh Refinement: Error Estimators, Parallel Schedulers, GPU Kernels, Results",
            "Bayesian Sensor Fusion: Drift Models, Kalman Variants, Field Trials, Failure Modes",
            "Neural Code Search: Token Graphs, Contrastive Losses, Cross-Repository Benchmarks",
            "Quantum Circuit Compilers: Gate Sets, Routing Heuristics, Noise Models, Benchmarks",
            "Streaming Joins: Window Semantics, Watermarks, Late Records, Memory Bounds, Tests",
        ];
        let entries: String = topics
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    "<dt><a href='/abs/{i}'>paper:{i}</a> <a href='/pdf/{i}'>pdf</a> \
                     <a href='/html/{i}'>html</a></dt><dd><div class='meta'>\
                     <div class='list-title'>Title: {t}</div><div class='list-authors'>\
                     <a href='/a/{i}'>Ana Ruiz</a>, <a href='/b/{i}'>Tom Moss</a>, \
                     <a href='/c/{i}'>Lea Park</a>, <a href='/d/{i}'>Ivo Chen</a>, \
                     <a href='/e/{i}'>Mia Roth</a></div>\
                     </div></dd>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Recent papers</h1><dl id='articles'>{entries}</dl>\
             </main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(
            text.contains("Bayesian Sensor Fusion: Drift Models"),
            "{text}"
        );
        assert!(text.contains("Streaming Joins: Window Semantics"), "{text}");
    }

    #[test]
    fn a_menu_of_short_links_in_a_listing_is_not_an_entry() {
        let languages = [
            "Afar",
            "Basque",
            "Breton",
            "Catalan",
            "Czech",
            "Danish",
            "Dutch",
            "Estonian",
            "Faroese",
            "Finnish",
            "French",
            "Galician",
            "German",
            "Greek",
            "Hungarian",
            "Icelandic",
            "Irish",
            "Italian",
            "Latvian",
            "Lithuanian",
            "Maltese",
            "Norwegian",
            "Occitan",
            "Polish",
            "Portuguese",
            "Romanian",
            "Romansh",
            "Sami",
            "Scots",
            "Serbian",
            "Slovak",
            "Slovene",
            "Sorbian",
            "Spanish",
            "Swedish",
            "Welsh",
        ];
        let picker: String = languages
            .iter()
            .map(|l| format!("<a href='/trending?lang={l}'>{l}</a> "))
            .collect();
        let fliers: String = [
            "Home Repair Program Flier",
            "Window Replacement Program Flier",
            "Eligible Repairs Fact Sheet",
            "Income Limits for This Year",
            "Rental Rehabilitation Loan Application",
            "Lead Paint Requirements for Owners",
            "Weatherization Assistance Program Guide",
            "Community Development Programs Flier",
        ]
        .iter()
        .map(|t| format!("<a href='/f.pdf'>{t}</a> "))
        .collect();
        let cards: String = (1..=6)
            .map(|i| {
                format!(
                    "<li><h3><a href='/r/{i}'>depot/tram-tool-{i}</a></h3><p>A small tool \
                     that reads the depot's timetable export number {i} and checks it.</p></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Trending</h1><div class='picker'>{picker}</div>\
             <div class='docs'>{fliers}</div><ul>{cards}</ul></main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(!text.contains("Basque"), "{text}");
        assert!(text.contains("Window Replacement Program Flier"), "{text}");
        assert!(text.contains("depot/tram-tool-4"), "{text}");
    }

    #[test]
    fn indented_and_drawn_lines_of_text_input_are_not_labels() {
        // A proof quoted four times: its indented lines repeat, and a bare `by` ends a line
        // of it; a tree drawn with box characters has `On` leaves. None of it is chrome.
        let proof = "theorem mortal (h : A) : B := by\n    intro h\n    exact h1 h2\n\n";
        let text = format!(
            "Proofs in practice\n\n{}Root\n\u{251c}\u{2500}\u{2500} Lamp\n\u{2502}   \u{251c}\u{2500}\u{2500} On\n\u{2502}   \u{2514}\u{2500}\u{2500} Off\n\nThe proof above is the whole of the argument, and each step of it is checked by the machine before the next.\n",
            proof.repeat(4)
        );
        let clean = crate::clean_text(&text);
        assert_eq!(clean.matches("    exact h1 h2").count(), 4, "{clean}");
        assert!(
            clean.contains("\u{2502}   \u{251c}\u{2500}\u{2500} On"),
            "{clean}"
        );
        assert!(super::is_preformatted_line("\tlet x = 1;"));
        assert!(!super::is_preformatted_line("By Ana Ruiz"));
    }

    #[test]
    fn a_short_line_above_the_menu_is_no_title_of_the_text_below_it() {
        // A banner's offer above the menu, outside the region: heading-like (short, no full
        // stop), and the menu between it and the article is chrome, which does not count as
        // distance. Only a heading element may stay as a title there.
        let menu: String = ["Home", "Shop", "Blog", "About us", "Contact", "Help"]
            .iter()
            .map(|m| format!("<li><a href='/{m}'>{m}</a></li>"))
            .collect();
        let prose = "<p>The river rose by two metres in one night, and the old walls held \
                     until the morning, when the water found the gap by the mill.</p>";
        let html = format!(
            "<html><body><div class='top'><p>Winter offer: two mugs for one</p></div>\
             <ul>{menu}</ul><main><article>{}</article></main></body></html>",
            prose.repeat(4)
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("the old walls held"), "{text}");
        assert!(!text.contains("Winter offer"), "{text}");
        // In the region a heading-like line still titles the text that follows it.
        let html = format!(
            "<html><body><ul>{menu}</ul><main><article><p>Winter at the mill</p>{}</article>\
             </main></body></html>",
            prose.repeat(4)
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Winter at the mill"), "{text}");
    }

    #[test]
    fn a_sentence_with_many_inline_links_in_the_region_stays() {
        // About 0.6 of the text is links: the link-density detector calls it chrome.
        let linked = "The mayor pointed to <a href=/a>the flood report from last year</a> and \
                      to <a href=/b>the plan for new walls along the river</a>, and <a href=/c>\
                      the study of the old drains</a> is also online.";
        let text = crate::clean_html(&page(linked));
        assert!(
            text.contains("the plan for new walls along the river"),
            "{text}"
        );
        assert!(!text.contains("Sport"), "{text}");
    }

    #[test]
    fn a_half_linked_reference_line_in_the_region_stays() {
        // Half of it is a link, and a reference has few stopwords: link density and text
        // density are all that speak against it.
        let reference = "<a href=/r>Lee, Anna; Park, June; Moss, Tom; Reyes, Luis (2021)</a> \
                         Flood walls, lower Rhine. Journal of River Works 12, 44-61.";
        let text = crate::clean_html(&page(reference));
        assert!(text.contains("Journal of River Works"), "{text}");
        // A menu is nearly all links: still chrome.
        assert!(!text.contains("Sport"), "{text}");
        assert!(!text.contains("Privacy"), "{text}");
    }

    #[test]
    fn a_line_that_the_cards_of_a_grid_share_stays_in_each_card() {
        let shared = "Tall pine shelving system that grows with your books, one bay at a time";
        let card = |n: usize| {
            format!(
                "<div class='card'><h3><a href=/shelf/{n}>Pine Shelf model {n}</a></h3>\
                 <p>{shared}</p><p>Width: {n}0 cm</p><p class='price'>From ${n}49</p></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let html = format!(
            "<html><head><title>Shelves</title></head><body>\
             <nav><a href=/>Home</a> <a href=/shelves>Shelves</a></nav>\
             <main><h1>Shelving</h1><div class='grid'>{cards}</div></main>\
             <footer><a href=/privacy>Privacy</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches(shared).count(), 6, "{text}");
        // A page that prints one passage twice, not in two like entries, still has it once.
        let twice = format!(
            "<html><body><main><h1>Shelving</h1><div class='wide'><p>{shared}, and more \
             words to read.</p></div><div class='narrow'><p>{shared}, and more words to \
             read.</p></div><p>Our shelves are cut from pine grown in the hills, and every \
             bay is sanded by hand before it leaves the workshop.</p></main></body></html>"
        );
        let text = crate::clean_html(&twice);
        assert_eq!(text.matches(shared).count(), 1, "{text}");
    }

    #[test]
    fn a_label_laid_over_a_cards_picture_goes() {
        // Each card's picture is a figure with a badge over the image; the one card built
        // as a figure with its caption keeps the caption.
        let card = |n: usize| {
            format!(
                "<div class='tile'><figure class='thumb'><a href=/kettle/{n}>\
                 <img src=/k{n}.jpg alt=''><span class='flag'>Only {n} left!</span></a>\
                 </figure><h3><a href=/kettle/{n}>Copper Kettle model {n}</a></h3>\
                 <p><a href=/kettle/{n}>From ${n}9</a></p></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let html = format!(
            "<html><head><title>Kettles</title></head><body>\
             <nav><a href=/>Home</a> <a href=/kettles>Kettles</a></nav>\
             <main><h1>Kettles</h1><p>Our kettles are hammered from copper sheet in a small \
             workshop by the river, and each one is tinned inside by hand before it is \
             polished and sent out to you.</p><div class='grid'>{cards}</div></main>\
             <footer><a href=/privacy>Privacy</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Copper Kettle model 4"), "{text}");
        assert!(!text.contains("left!"), "{text}");
        // A card built as one figure (its title in it) keeps its text.
        let figure_card = |n: usize| {
            format!(
                "<figure class='tile'><a href=/kettle/{n}><img src=/k{n}.jpg alt=''>\
                 <p>Copper Kettle model {n}</p><p>Hand-hammered stovetop kettle</p>\
                 <p>New</p></a></figure>"
            )
        };
        let cards: String = (1..=6).map(figure_card).collect();
        let html = html.replace(&(1..=6).map(card).collect::<String>(), &cards);
        let text = crate::clean_html(&html);
        assert!(text.contains("Copper Kettle model 4"), "{text}");
    }

    #[test]
    fn the_whole_text_of_a_card_wrapped_in_its_link_stays() {
        let issue = |n: usize| {
            let sentences: String = (1..=12)
                .map(|k| {
                    format!(
                        "In part {k} of issue {n} we look at how the small team behind the \
                         garden tools kept the shed in order, and what they learned from it. "
                    )
                })
                .collect();
            format!("<div class=issue><a href=/issues/{n}><p>{sentences}</p></a></div>")
        };
        let issues: String = (1..=3).map(issue).collect();
        let html = format!(
            "<html><head><title>Letters</title></head><body>\
             <nav><a href=/>Home</a> <a href=/issues>Issues</a> <a href=/about>About</a></nav>\
             <main><h1>Garden letters</h1><p>Every week we write to you about the garden, the \
             shed and the tools, and about the people who keep them in order.</p></main>\
             <section><h2>Past issues</h2>{issues}</section>\
             <footer><a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(
            text.contains("In part 12 of issue 2 we look at how the small team"),
            "{text}"
        );
        assert!(!text.contains("Privacy"), "{text}");
    }

    #[test]
    fn the_linked_titles_of_a_news_index_stay_with_their_summaries() {
        let entry = |n: usize| {
            format!(
                "<article><header><a href=/news/{n}>Council number {n} votes on the new river \
                 walls</a></header><div class=details>7 March - <a href=/local>Local</a> - \
                 <a href=/news/{n}#c>{n} Comments</a></div><p>The council met in the old school \
                 hall on Friday evening and, after a long debate about the cost, voted to build \
                 the walls along the lower town before the autumn rains.</p></article>"
            )
        };
        let entries: String = (1..=6).map(entry).collect();
        let html = format!(
            "<html><head><title>News</title></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>\
             <li><a href=/sport>Sport</a></li><li><a href=/about>About us</a></li></ul></nav>\
             <main><h1>Latest news</h1>{entries}</main>\
             <footer><a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(
            text.contains("Council number 4 votes on the new river walls"),
            "{text}"
        );
        assert!(!text.contains("Privacy"), "{text}");
    }

    #[test]
    fn what_an_article_keeps_after_its_body_goes() {
        let plain = "<p>The river flooded the lower town again this spring, and the council met \
                     in the old school hall to decide what it would do about the houses on the \
                     bank, which have been flooded three times in ten years.</p>";
        let html = format!(
            "<html><body><article><h1>The river floods again</h1>\
             <div class=body>{plain}{plain}{plain}{plain}</div>\
             <div class=extra><p>Ana Ruiz has written about the towns along the river for the \
             paper since she moved to the valley, and she still lives by the water.</p></div>\
             </article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("The river floods again"), "{text}");
        assert!(text.contains("three times in ten years"), "{text}");
        assert!(!text.contains("Ana Ruiz"), "{text}");
    }

    #[test]
    fn an_articles_text_after_a_box_that_outweighs_it_stays() {
        let intro = "<p>We tested the lamps in our own garden over a month of long evenings, \
                     and we wrote down how each one held up in the rain.</p>";
        let card = |n: usize| {
            format!(
                "<div class=lamp><h3>Garden lamp {n}</h3><p>A solar lamp that charges in the \
                 day and glows for most of the night, with a steel stake that holds it in soft \
                 soil and a switch under the cap for two levels of light.</p></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let html = |between: &str| {
            format!(
                "<html><body><article><h1>The best garden lamps</h1><div class=entry>{intro}\
                 {between}<div class=grid><div class=row>{cards}</div></div>\
                 <p>Whatever lamp you pick, set it where the sun reaches it at noon, and clean \
                 the panel when the leaves fall.</p></div>\
                 <div class=extra><p>Ana Ruiz has written about gardens for the paper since \
                 she moved to the valley, and she still grows her own beans.</p></div>\
                 </article></body></html>"
            )
        };
        let text = crate::clean_html(&html(""));
        assert!(text.contains("Garden lamp 6"), "{text}");
        assert!(text.contains("clean the panel"), "{text}");
        assert!(!text.contains("Ana Ruiz"), "{text}");
        // A bar of links between the opening text and the box parts them.
        let links: String = (1..=10)
            .map(|n| format!("<li><a href=/topic/{n}>Topic {n}</a></li>"))
            .collect();
        let text = crate::clean_html(&html(&format!("<ul class=topics>{links}</ul>")));
        assert!(text.contains("Garden lamp 6"), "{text}");
        assert!(!text.contains("clean the panel"), "{text}");
    }

    #[test]
    fn a_box_alone_in_its_column_has_the_other_columns_boxes_as_siblings() {
        let long = otter_paragraphs(8, "Paragraph");
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/otters>Otters</a></nav><main>\
             <h1>Otters of the valley</h1><div class=grid>\
             <div class='col col-9'><div class=rich><h2>Where they live</h2>\
             <p>Otters live by the river, in dens that they dig, and by the lakes.</p>\
             <p>They share the banks with voles and herons, and they move on in winter.</p>\
             <p>Their dens are:</p><ul><li><p>Near deep water.</p></li>\
             <li><p>Under old roots.</p></li><li><p>Hidden by reeds.</p></li></ul></div></div>\
             <div class='col col-9'><div class=rich>{long}</div></div></div></main>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Paragraph 7"), "{text}");
        assert!(text.contains("Under old roots."), "{text}");
    }

    #[test]
    fn an_intro_box_of_the_bodys_kind_joins_the_region() {
        let long = otter_paragraphs(12, "Paragraph");
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/otters>Otters</a></nav>\
             <div class=post><h1>Otters of the valley</h1>\
             <div class='rich-text body intro'><p>Why otters?</p>\
             <p>Trust us, we know.</p><p>Few animals of the river are as shy.</p><p>We spent three months by the river, and we \
             counted every otter, every den and every slide we saw there.</p></div>\
             <div class='body rich-text'>{long}</div></div></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Paragraph 11"), "{text}");
        assert!(text.contains("Trust us, we know."), "{text}");
    }

    #[test]
    fn a_box_of_another_kind_beside_the_region_does_not_join_it() {
        use super::like_box;
        use crate::dom::Dom;
        use html5ever::local_name;
        let dom = Dom::parse(
            "<div><div class='rich-text body'>a</div><div class='body rich-text intro'>b</div>\
             <div class='promo card'>c</div><div>d</div><div>e</div></div>",
        );
        let divs = dom.elements_named(&local_name!("div"));
        assert!(like_box(&dom, divs[1], divs[2]));
        assert!(!like_box(&dom, divs[1], divs[3]));
        // Without class names, boxes are of no kind.
        assert!(!like_box(&dom, divs[4], divs[5]));
    }

    #[test]
    fn the_terms_that_bare_lists_share_stay_in_each_list() {
        let terms: Vec<String> = (1..=4)
            .map(|n| format!("Term number {n} that applies to every offer we make"))
            .collect();
        let offer = |name: &str, extra: &str| {
            let items: String = terms.iter().map(|t| format!("<li>{t}</li>")).collect();
            format!("<ul><li>{name}</li>{items}<li>{extra}</li></ul>")
        };
        let html = format!(
            "<html><body><main><h1>Our offers</h1><p>Pick the offer that suits your trip, \
             and book it whenever you like, with no fee for the booking.</p>\
             <div class=offers>{}{}</div></main></body></html>",
            offer(
                "The river offer",
                "Book by the end of May for a summer trip"
            ),
            offer(
                "The lake offer",
                "Book by the end of June for an autumn trip"
            )
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("Term number 4 that applies").count(),
            2,
            "{text}"
        );
    }

    #[test]
    fn a_note_that_the_items_of_one_list_share_stays_in_each_item() {
        // Class-less `<li>` entries of one list (each voucher with its title and terms).
        let voucher = |n: usize, title: &str| {
            format!(
                "<li><a href='/vouchers/{n}'><h3>{title}</h3></a><div>\
                 <p>Show this voucher before the work starts.</p>\
                 <p>Cannot be combined with other vouchers or offers at all.</p></div></li>"
            )
        };
        let items: String = [
            "Ten percent off a new boiler",
            "Twenty pounds off a gas safety check",
            "Free radiator flush with any service",
        ]
        .iter()
        .enumerate()
        .map(|(n, title)| voucher(n, title))
        .collect();
        let html = format!(
            "<html><body><main><h1>Our vouchers</h1><p>Pick a voucher below and show it to \
             the engineer when the work starts; each one is good for a year.</p>\
             <div class=vouchers><ul>{items}</ul></div></main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("Cannot be combined with other vouchers")
                .count(),
            3,
            "{text}"
        );
        // The same with the `<dd>` entries of a definition list.
        let entry = |n: usize, title: &str| {
            format!(
                "<dt><a href='/papers/{n}'>Paper {n}</a></dt><dd><div>{title}</div>\
                 <div>Topics: River ecology (re.EC); Animal behaviour and habitats (ab.BE)</div></dd>"
            )
        };
        let entries: String = [
            "Otters counted along the lower river in spring",
            "How otters pick the sites of their holts",
            "A year of otter spraints on the upper river",
        ]
        .iter()
        .enumerate()
        .map(|(n, title)| entry(n, title))
        .collect();
        let html = format!(
            "<html><body><main><h1>New papers</h1><p>The papers below came in this week; \
             each one has its own page with the full text.</p><dl>{entries}</dl></main>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("Topics: River ecology").count(), 3, "{text}");
    }

    #[test]
    fn a_kept_tables_rows_with_linked_names_stay() {
        let before = otter_paragraphs(4, "Paragraph");
        let rows: String = ["Vale", "Brook", "Ford", "Mill"]
            .iter()
            .enumerate()
            .map(|(n, name)| {
                format!(
                    "<tr><td><a href='/holts/{n}'>{name} Otter Holt Trust</a></td>\
                     <td>{n}4 otters</td></tr>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{before}<table>\
             <tr><th>Holt</th><th>Otters counted</th></tr>{rows}</table></article>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Mill Otter Holt Trust"), "{text}");
        assert!(text.contains("34 otters"), "{text}");
    }

    #[test]
    fn the_cells_of_a_kept_row_stay_with_it() {
        let before = otter_paragraphs(4, "Paragraph");
        let rows: String = ["Length", "Weight", "Speed", "Depth"]
            .iter()
            .enumerate()
            .map(|(n, metric)| {
                format!(
                    "<tr><td><p>{metric} as we measured it</p></td><td><p>{n}1.5 units</p></td>\
                     <td><p>{n}2.5 units</p></td><td><p>{n}3.5 units</p></td></tr>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><article><h1>Otters of the valley</h1>{before}<table>{rows}</table>\
             </article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Depth as we measured it"), "{text}");
        assert!(text.contains("32.5 units"), "{text}");
    }

    #[test]
    fn the_features_that_plans_share_stay_in_each_plans_card() {
        let features: Vec<String> = (1..=14)
            .map(|n| format!("Feature number {n} that comes with every plan we sell to teams"))
            .collect();
        let plan = |name: &str, extra: &str| {
            let items: String = features.iter().map(|f| format!("<li>{f}</li>")).collect();
            format!(
                "<div class=plan><h3>{name}</h3><ul>{items}<li>{extra}</li></ul>\
                 <p class=price>Ask us for a quote</p></div>"
            )
        };
        let html = format!(
            "<html><body><main><h1>Our plans</h1><p>Pick the plan that suits your team, and \
             change it whenever you like, with no fee for the change.</p>\
             <div class=plans>{}{}</div></main></body></html>",
            plan("Basic plan", "Email help on weekdays for the whole team"),
            plan("Full plan", "Phone help at any hour for the whole team")
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("Feature number 14 that comes").count(),
            2,
            "{text}"
        );
    }

    #[test]
    fn a_heading_that_cards_share_stays_in_each_card_but_a_card_printed_twice_goes() {
        let places = ["Lisbon", "Porto", "Braga", "Faro", "Lisbon", "Evora"];
        let card = |n: usize, place: &str| {
            format!(
                "<div class=\"row event\"><p>May {n}</p><h3>Meetup number {n} of the year</h3>\
                 <h3>Garden meetup in <a href=/p/{place}>{place}, Portugal, Europe</a></h3>\
                 </div>"
            )
        };
        let mut cards: String = places
            .iter()
            .enumerate()
            .map(|(n, place)| card(n + 1, place))
            .collect();
        // The last card again, word for word: a listing that shows one entry twice.
        cards.push_str(&card(6, "Evora"));
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/events>Events</a></nav><main>\
             <h1>Garden meetups this year</h1><div class=events>{cards}</div></main>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        // A subtitle of two entries (their own titles differ) is a field of each.
        assert_eq!(
            text.matches("Garden meetup in Lisbon, Portugal, Europe")
                .count(),
            2,
            "{text}"
        );
        // The same entry twice is one entry.
        assert_eq!(
            text.matches("Garden meetup in Evora, Portugal, Europe")
                .count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn a_field_of_cards_in_unnamed_grid_columns_or_table_rows_stays_in_each() {
        let card = |n: usize| {
            format!(
                "<div class=\"col-6 col-md-3\"><div class=card><h3>Walking boot model {n}</h3>\
                 <p>Use the spring code at checkout to save more today</p>\
                 <p>${n}9.00</p></div></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let row = |town: &str| {
            format!(
                "<tr><td><p>{town}</p></td><td><p>Measured by our own survey team in May</p>\
                 </td></tr>"
            )
        };
        let rows: String = ["Alder Bay", "Birch Hill", "Cedar Falls", "Dale End"]
            .iter()
            .map(|t| row(t))
            .collect();
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav><main>\
             <h1>Walking boots</h1><div class=row>{cards}</div><table>{rows}</table></main>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("Use the spring code at checkout").count(),
            6,
            "{text}"
        );
        assert_eq!(
            text.matches("Measured by our own survey team").count(),
            4,
            "{text}"
        );
    }

    #[test]
    fn a_linked_sentence_that_cards_share_stays_in_each_but_a_linked_prompt_goes() {
        let card = |n: usize| {
            format!(
                "<div class=course><h3>Course number {n} in garden design</h3>\
                 <p>Twelve weeks of evening classes in the old school, with a visit to a \
                 garden each month and a plan of your own garden at the end.</p>\
                 <p><a href=/es/{n}>This course is also taught in Spanish.</a></p>\
                 <p><a href=/review/{n}>Be the first to review this course</a></p></div>"
            )
        };
        let cards: String = (1..=5).map(card).collect();
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/courses>Courses</a></nav><main>\
             <h1>Garden design courses</h1><div class=courses>{cards}</div></main>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("This course is also taught in Spanish.")
                .count(),
            5,
            "{text}"
        );
        assert!(
            text.matches("Be the first to review this course").count() <= 1,
            "{text}"
        );
    }

    #[test]
    fn cards_laid_out_again_for_another_screen_width_are_printed_once() {
        let boxes = |layout: &str| -> String {
            (1..=2)
                .map(|n| {
                    format!(
                        "<div class=tile><p>Big prints make a small room feel bigger</p>\
                         <p>{layout} layout, part {n}</p></div>"
                    )
                })
                .collect()
        };
        let para = "<p>We print large pictures on canvas and paper, and we ship them rolled \
                    in a tube to any address in the country within a week of the order.</p>";
        let page = |narrow: &str| {
            format!(
                "<html><body><main><h1>Large prints</h1>{para}\
                 <section class=\"box hidden_mobile\">{}</section>\
                 <section class=\"box {narrow}\">{}</section>{para}</main></body></html>",
                boxes("Wide"),
                boxes("Narrow")
            )
        };
        // A box for each screen width: the second is the first's layout again.
        let text = crate::clean_html(&page("hidden_desktop"));
        assert_eq!(
            text.matches("Big prints make a small room feel bigger")
                .count(),
            2,
            "{text}"
        );
        // Boxes of one kind side by side are two sets of entries.
        let text = crate::clean_html(&page("hidden_mobile"));
        assert_eq!(
            text.matches("Big prints make a small room feel bigger")
                .count(),
            4,
            "{text}"
        );
    }

    #[test]
    fn a_grid_of_declared_products_keeps_the_fields_its_cards_repeat() {
        let card = |n: usize| {
            let maker = if n % 2 == 1 {
                "Hill Joinery"
            } else {
                "Oak House"
            };
            format!(
                "<li class=card itemscope itemtype=\"https://schema.org/Product\">\
                 <a href=/stool-{n}><h3>Oak stool number {n} with a hand turned seat</h3></a>\
                 <div class=maker>{maker}</div>\
                 <p>A sturdy stool for the kitchen, made from oak.</p>\
                 <div class=price>${n}9.00</div></li>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        // The makers repeat in every card and in the filters: labels of the page, but
        // fields of the entries of a grid of several products.
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav>\
             <main><h1>Stools</h1><div class=filters><p>Maker</p><ul>\
             <li><a href=/m/hill>Hill Joinery</a></li><li><a href=/m/oak>Oak House</a></li>\
             </ul></div><ul class=grid>{cards}</ul></main></body></html>"
        );
        let text = crate::clean_html(&html);
        // In each of the cards that name them (the filters' copies are a menu's).
        assert_eq!(text.matches("Hill Joinery").count(), 3, "{text}");
        assert_eq!(text.matches("Oak House").count(), 3, "{text}");
    }

    #[test]
    fn a_declared_collections_short_list_of_entries_beside_the_region_joins_it() {
        let story = |n: usize| {
            format!(
                "<li class=story><h3><a href=/s{n}>River town {n} votes on the new flood \
                 wall</a></h3><p>The council met on Monday.</p></li>"
            )
        };
        let featured: String = (1..=4).map(story).collect();
        let para = "<p>The river flooded the lower town again this spring, and the council \
                    met in the old school hall to decide what it would do about the houses on \
                    the bank, which have been flooded three times in ten years.</p>";
        let page = |kind: &str| {
            format!(
                "<html><head><script type=\"application/ld+json\">{{\"@type\": \"{kind}\", \
                 \"name\": \"News\"}}</script></head><body><nav><a href=/>Home</a> \
                 <a href=/news>News</a></nav><main><h1>News</h1>\
                 <ul class=featured>{featured}</ul>\
                 <div class=latest>{para}{para}{para}{para}</div></main></body></html>"
            )
        };
        // Four items are no grid on an undeclared page: a rail beside the document.
        let text = crate::clean_html(&page("WebPage"));
        assert!(text.contains("three times in ten years"), "{text}");
        assert!(!text.contains("River town 4"), "{text}");
        // On a page declared a collection they are entries of its document.
        let text = crate::clean_html(&page("CollectionPage"));
        assert!(text.contains("three times in ten years"), "{text}");
        assert!(text.contains("River town 4 votes"), "{text}");
        assert!(text.contains("The council met on Monday."), "{text}");
    }

    #[test]
    fn a_declared_collection_keeps_its_text_after_the_entries() {
        let entry = |n: usize| {
            format!(
                "<div class=entry><h2>Walking boot {n}</h2><p>A light boot for long days on \
                 the hills, with a stiff sole that keeps its shape on rough ground and a \
                 lining that dries overnight in the hut.</p></div>"
            )
        };
        let entries: String = (1..=4).map(entry).collect();
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><main><div class=entries>{entries}</div>\
                 <div class=about><p>Our walking boots are chosen by a team that walks the \
                 valley paths every weekend, and we stock the sizes that sell out first.</p>\
                 </div></main></body></html>"
            )
        };
        // Undeclared, the closing text after a body of prose is the site's.
        let text = crate::clean_html(&page(""));
        assert!(text.contains("Walking boot 4"), "{text}");
        assert!(!text.contains("valley paths"), "{text}");
        // Declared a collection, it is the collection's own description.
        let declared = "<script type=\"application/ld+json\">\
                        {\"@type\": \"CollectionPage\", \"name\": \"Walking boots\"}</script>";
        let text = crate::clean_html(&page(declared));
        assert!(text.contains("Walking boot 4"), "{text}");
        assert!(text.contains("valley paths"), "{text}");
    }

    #[test]
    fn what_a_products_page_keeps_after_its_body_goes() {
        let specs = "<li>Seat height 45 cm, width 38 cm</li><li>Solid oak, oiled finish</li>\
                     <li>Weight 4.2 kg, load up to 120 kg</li><li>Three legs, hand turned</li>\
                     <li>Made to order in four weeks</li><li>Felt pads under each leg</li>\
                     <li>Seat dished by hand, 3 cm deep</li><li>Legs set at 12 degrees</li>\
                     <li>Wedged through tenons</li><li>Signed and dated under the seat</li>\
                     <li>Natural wax or black stain</li><li>Ships flat in a cotton bag</li>";
        let html = format!(
            "<html><head><script type=\"application/ld+json\">\
             {{\"@type\": \"Product\", \"name\": \"Oak stool\"}}</script></head>\
             <body><main><div class=item><h1>Oak stool</h1>\
             <ul class=specs>{specs}</ul></div>\
             <div class=extra><p>Our workshop in the old mill is open on Saturdays, and we \
             deliver to every town in the valley within a week of your order.</p></div>\
             </main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Oak stool"), "{text}");
        assert!(text.contains("Solid oak, oiled finish"), "{text}");
        assert!(!text.contains("old mill"), "{text}");
    }

    /// A long post of a thread (the body of [`the_replies_after_a_long_first_post_stay`] and
    /// [`the_replies_after_a_long_post_of_a_discussion_stay`]).
    const LONG_POST: &str = "<p>The river flooded the lower town again this spring, and the \
        council met in the old school hall to decide what it would do about the houses on the \
        bank, which have been flooded three times in ten years. The engineers said the old \
        walls were too low, and the drains under the square were too narrow for the water that \
        comes down from the hills after a week of rain, so the council asked them for a plan \
        that the town could pay for.</p>";

    /// A short reply after [`LONG_POST`].
    const SHORT_REPLY: &str = "<p>We live two streets from the bank and the water came into our \
        kitchen twice, so I hope the council finds the money this time.</p>";

    #[test]
    fn the_replies_after_a_long_first_post_stay() {
        let long = LONG_POST;
        let more = "The plan they brought back a month later raised the walls by a metre, \
                    widened the drains and moved the bus depot away from the lowest street.";
        let reply = SHORT_REPLY;
        // A thread as a list of posts, the first one long.
        let html = format!(
            "<html><body><main><h1>The river floods again</h1><ol>\
             <li><div class=post>{long}<p>{more}</p></div></li>\
             <li><div class=post>{reply}</div></li></ol></main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("three times in ten years"), "{text}");
        assert!(text.contains("came into our kitchen"), "{text}");
    }

    #[test]
    fn the_replies_after_a_long_post_of_a_discussion_stay() {
        let long = LONG_POST;
        let more = "The plan they brought back a month later raised the walls by a metre, \
                    widened the drains and moved the bus depot away from the lowest street. The work \
                    starts in the autumn and should be done before the winter rains come back \
                    to the valley.";
        let first = "<p>Has anyone heard what the council decided about the river walls at \
                     the meeting last night in the school hall?</p>";
        let reply = SHORT_REPLY;
        // A declared discussion whose posts are divs of one class, the second one long.
        let html = format!(
            "<html><body><main><h1>The river floods again</h1>\
             <div itemscope itemtype='http://schema.org/DiscussionForumPosting'>\
             <div class='topic-body crawler-post'><div class=post>{first}</div></div>\
             <div class='topic-body crawler-post'><div class=post>{long}<p>{more}</p></div></div>\
             <div class='topic-body crawler-post'><div class=post>{reply}</div></div>\
             </div></main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("three times in ten years"), "{text}");
        assert!(text.contains("came into our kitchen"), "{text}");
    }

    #[test]
    fn a_note_repeated_under_each_tab_stays_a_filter_tab_goes() {
        let intro = "<p>To send a message you first install the library, then write a short \
                     script that reads your account keys from the environment and calls the \
                     send method with the number to reach and the words to say.</p>";
        let note = "Use the test keys only while you build, and switch to the live keys \
                    before you go to production.";
        // Language tabs: each panel holds its own sample and the same note.
        let tab = |lang: &str| {
            format!(
                "<div role=tabpanel><pre><code>import {lang}_client\n\
                 client = {lang}_client.Client(account_id, secret_key, region)\n\
                 message = client.messages.create(to=number, sender=our_number, body=words)\n\
                 print(message.id, message.status, message.created_at)</code></pre>\
                 <p>{note}</p></div>"
            )
        };
        let html = format!(
            "<html><body><main><h1>Send a message</h1>{intro}{}{}</main></body></html>",
            tab("python"),
            tab("node")
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("switch to the live keys").count(), 2, "{text}");
        // A filter's tab that only repeats what the "All" tab holds.
        let html = format!(
            "<html><body><main><h1>Send a message</h1>{intro}\
             <div role=tabpanel><p>{note}</p><p>{note} Again.</p></div>\
             <div role=tabpanel><p>{note}</p></div></main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("switch to the live keys").count(), 2, "{text}");
    }

    #[test]
    fn a_point_restated_in_its_own_section_stays_a_layout_copy_goes() {
        let key = "Keep the seed tray on a warm sill and water it from below, so the soil \
                   stays moist without washing the seeds away.";
        let para = |n: usize| {
            format!(
                "<p>Step {n} of the guide covers the part of the season when the young plants \
                 need the most care, and it explains what to look for on the leaves before you \
                 move them on to the next stage of growing.</p>"
            )
        };
        let filler: String = (1..=10).map(para).collect();
        // The summary's point, said again in its section further down one body.
        let html = format!(
            "<html><body><main><article><h1>Growing tomatoes from seed</h1>\
             <p>{key}</p>{filler}<h2>Watering</h2><p>{key}</p>{}</article></main></body></html>",
            para(11)
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("water it from below").count(), 2, "{text}");
        // The same passage printed again by a layout for another screen size, in another
        // element, goes.
        let html = format!(
            "<html><body><main><article><h1>Growing tomatoes from seed</h1>\
             <div class=wide><p>{key}</p>{filler}</div>\
             <div class=narrow><aside><p>{key}</p></aside>{}</div></article></main></body></html>",
            para(11)
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("water it from below").count(), 1, "{text}");
    }

    #[test]
    fn a_rail_of_teasers_with_cut_excerpts_goes_with_its_excerpts() {
        let body = "<p>The lighthouse on the northern cape was restored this spring by a team of \
                    volunteers who spent three months repairing the lantern room, repainting the \
                    tower and rebuilding the keeper's cottage beside it.</p>\
                    <p>Visitors can now climb the spiral stair on weekends, and the small museum \
                    in the cottage shows the logbooks that the keepers wrote for over a century \
                    of storms, wrecks and rescues along the coast.</p>\
                    <p>The society that runs the site hopes to open the tower on weekdays as well \
                    once enough guides have been trained, and it asks anyone with old photographs \
                    of the cape to share them for the archive.</p>\
                    <p>The light itself no longer guides ships, since a modern beacon on the \
                    breakwater took over its work decades ago, but the society will switch it on \
                    each year on the night of the anniversary of its first lighting.</p>";
        let card = |slug: &str, title: &str, who: &str, what: &str, end: &str| {
            format!(
                "<div class=teaser><h3><a href='/news/{slug}'>{title}</a></h3>\
                 <div class=date>March 3, 2024</div>\
                 <div class=excerpt>The {who} met on Tuesday evening to discuss the plans for \
                 {what}, which the people of the village have asked for since the storms of \
                 the winter before last{end}</div></div>"
            )
        };
        let rail = |end: &str| {
            format!(
                "<div class=more>{}{}{}</div>",
                card(
                    "harbour-wall",
                    "Council weighs the harbour wall",
                    "town council",
                    "the new harbour wall",
                    end
                ),
                card(
                    "ferry-times",
                    "New ferry times for the summer",
                    "ferry company",
                    "a later evening crossing",
                    end
                ),
                card(
                    "school-roof",
                    "School roof repaired before term",
                    "school board",
                    "a roof over the playground",
                    end
                )
            )
        };
        // Excerpts cut short: a rail of teasers, whole cards go.
        let html = format!(
            "<html><body><main><article><h1>Lighthouse restored</h1>{body}{}</article></main>\
             </body></html>",
            rail(" and...")
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("spiral stair"), "{text}");
        assert!(!text.contains("town council met"), "{text}");
        assert!(!text.contains("ferry company met"), "{text}");
        assert!(!text.contains("New ferry times"), "{text}");
        // Excerpts that end their sentences: items of the page (a round-up), they stay.
        let html = format!(
            "<html><body><main><article><h1>Lighthouse restored</h1>{body}{}</article></main>\
             </body></html>",
            rail(".")
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("town council met"), "{text}");
        // A listing of such cards alone is the page's document.
        let html = format!(
            "<html><body><main><h1>News</h1>{}</main></body></html>",
            rail(" and...")
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("town council met"), "{text}");
    }

    #[test]
    fn a_note_written_again_for_each_variant_links_to_its_own_page() {
        let intro = "<p>To send a message you first install the library, then write a short \
                     script that reads your account keys from the environment and calls the \
                     send method with the number to reach and the words to say.</p>";
        let note = |lang: &str| {
            format!(
                "<p>The keys can also be read from the settings file of your project. For \
                 more on the settings, see <a href='/reference/{lang}#settings'>Settings</a>.</p>"
            )
        };
        // One zone per language (no entries of a list: each is named for its language),
        // each with its own sample and the note pointing to that language's reference page.
        let zone = |lang: &str| {
            format!(
                "<div class='zone {lang}'><pre><code>import {lang}_client\n\
                 client = {lang}_client.Client(account_id, secret_key, region)</code></pre>{}</div>",
                note(lang)
            )
        };
        let html = format!(
            "<html><body><main><h1>Send a message</h1>{intro}{}{}{}</main></body></html>",
            zone("python"),
            zone("node"),
            zone("java")
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("read from the settings file").count(),
            3,
            "{text}"
        );
        // The same note printed twice with the same link (a layout for each screen) is one.
        let html = format!(
            "<html><body><main><h1>Send a message</h1>{intro}<div class=wide>{}</div>\
             <div class=narrow>{}</div></main></body></html>",
            note("python"),
            note("python")
        );
        let text = crate::clean_html(&html);
        assert_eq!(
            text.matches("read from the settings file").count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn variants_of_a_dropped_shop_notice_go_and_like_lines_of_prose_stay() {
        let body = "<main><h1>Gift sets</h1><p>Our sets bring together the pieces people \
                    love most, wrapped and ready to give, at a better price than buying each \
                    one alone.</p><p>Each set ships in recyclable packaging with a note card, \
                    and every product inside is full size and fresh from the studio.</p></main>";
        let tail = "or more. Rates and delivery times for each country are on our world page";
        let html = format!(
            "<html><body><div class=\"bar\"><div class=\"slides\">\
             <span><p>Free standard shipping on orders $40 {tail}</p></span>\
             <span><p>Envio gratis en pedidos de 45 euros {tail}</p></span>\
             <span><p>Free express shipping on orders 500kr {tail}</p></span>\
             </div></div>{body}</body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(!text.contains("Rates and delivery"), "{text}");
        assert!(text.contains("recyclable packaging"), "{text}");
        // Lines of a document that share their ending, none of them a shop's phrase, stay.
        let html = format!(
            "<html><body><main><h1>Gift sets</h1><ul>\
             <li>The red set holds a balm, a cream and a mist {tail}</li>\
             <li>The blue set holds a serum, a toner and a mask {tail}</li>\
             </ul>{body}</main></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("The red set"), "{text}");
        assert!(text.contains("The blue set"), "{text}");
    }

    #[test]
    fn a_step_given_again_in_a_list_stays_a_cloned_run_goes() {
        let warm_up = "Warm up for fifteen minutes with easy jogging, then a few short strides \
                       at a quicker pace before the main part of the session.";
        let intro = "<p>This plan builds up your weekly distance slowly over ten weeks, with two \
                     hard sessions a week and long runs at the weekend so that you reach the \
                     start line fresh, strong and ready for the whole race distance.</p>";
        let html = format!(
            "<html><body><article><h1>Ten week plan</h1>{intro}<ul>\
             <li>Tuesday. Hill repeats on a steady slope near your home.</li><li>{warm_up}</li>\
             <li>Main set: eight hill repeats of one minute each, walking down to recover.</li>\
             <li>Thursday. Tempo run on a flat road or a track nearby.</li><li>{warm_up}</li>\
             <li>Main set: twenty minutes at a comfortably hard tempo pace, then jog home.</li>\
             </ul></article></body></html>"
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("Warm up for fifteen").count(), 2, "{text}");
        // A carousel that clones its slides copies a run, each copy between copies.
        let slide = |n: &str| {
            format!(
                "<li>Slide {n}: the harbour at dawn seen from the old lighthouse, with the \
                 fishing boats coming back in after a long night at sea.</li>"
            )
        };
        let html = format!(
            "<html><body><article><h1>Ten week plan</h1>{intro}<ul>{}{}{}{}{}</ul>\
             </article></body></html>",
            slide("one"),
            slide("two"),
            slide("three"),
            slide("one"),
            slide("two")
        );
        let text = crate::clean_html(&html);
        assert_eq!(text.matches("Slide two").count(), 1, "{text}");
    }

    #[test]
    fn a_page_header_with_the_title_and_a_lead_joins_the_region() {
        let para = |n: usize| {
            format!(
                "<p>Section {n} of the manual explains how the cache keeps its entries, when \
                 it drops the oldest of them, and how a program can ask it to forget one \
                 entry, with the settings that change each of these steps.</p>"
            )
        };
        let body: String = (0..8).map(para).collect();
        // A plain wrapper, and one whose own name says header (`doc__header`).
        for (head, main) in [("lead", "page-body"), ("doc__header", "doc__body")] {
            let html = format!(
                "<html><body><main><div class={head}><h1>The cache</h1>\
                 <p>The cache module keeps the results of slow calls so that a program asks \
                 for each of them once, and this page shows how to set it up, how to read \
                 from it and how to clear it when the data it holds goes stale.</p></div>\
                 <aside><a href=/a>Setup</a> <a href=/b>Reading</a></aside>\
                 <div class={main}>{body}</div></main></body></html>"
            );
            let text = crate::clean_html(&html);
            assert!(
                text.contains("keeps the results of slow calls"),
                "{head}: {text}"
            );
        }
    }

    #[test]
    fn an_faq_accordion_is_one_section_of_a_landing_page() {
        let fold = |n: usize| {
            format!(
                "<div class=faq-item><h3>Question {n} about the plan</h3><p>Answer {n}: the \
                 plan covers every visit to the clinic, the tests the doctor asks for, and the \
                 medicine you take home, with no fee at the desk and no form to send in \
                 afterwards, wherever you live.</p></div>"
            )
        };
        let card = |n: usize| {
            format!(
                "<div class=card><h3>Feature {n}</h3><p>Part {n} of the plan: a doctor who \
                 knows your history, every time you come.</p></div>"
            )
        };
        let folds: String = (0..12).map(fold).collect();
        let cards: String = (0..4).map(card).collect();
        let html = format!(
            "<html><body><header><a href=/>Home</a> <a href=/plans>Plans</a></header>\
             <div class=page><section class=features>{cards}</section>\
             <section><div class=accordion>{folds}</div></section></div>\
             <footer><a href=/a>About us</a> <a href=/b>Jobs</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Answer 11"), "{text}");
        assert!(text.contains("Part 0 of the plan"), "{text}");
        assert!(text.contains("Part 3 of the plan"), "{text}");
        // Class parts, not substrings, name the widget.
        let dom = crate::dom::Dom::parse(
            "<div class='pbc_accordion'><p>a</p></div><div class='slideritem'><p>b</p></div>",
        );
        let named = |class: &str| {
            (0..dom.nodes.len() as crate::dom::NodeId)
                .find(|&n| dom.node(n).attr("class") == Some(class))
                .expect("the element")
        };
        assert!(super::in_folds_or_slides(&dom, named("pbc_accordion")));
        assert!(!super::in_folds_or_slides(&dom, named("slideritem")));
    }

    #[test]
    fn a_section_of_a_page_of_sections_gives_way_to_all_of_them() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n}: our team reviews the data you keep, how it moves between \
                 your tools and where the reports that your managers read come from, and then \
                 we plan the dashboards that answer the questions your business asks.</p>"
            )
        };
        let step = |n: usize| {
            format!(
                "<div class=step><h4>Step {n} of the process</h4><p>In week {n} we check \
                 source number {n} and agree on its goals.</p></div>"
            )
        };
        let prose: String = (0..9).map(para).collect();
        let steps: String = (0..6).map(step).collect();
        let steps2: String = (6..12).map(step).collect();
        let html = format!(
            "<html><body><header><a href=/>Home</a> <a href=/services>Services</a></header>\
             <main><div class=entry-content>\
             <div class=wp-block-group><div class=intro><h1>Data analytics</h1>{prose}</div></div>\
             <div class=wp-block-group><h2>Our process</h2>{steps}</div>\
             <div class=wp-block-group><h2>What you get</h2>{steps2}</div>\
             </div></main>\
             <footer><a href=/a>About us</a> <a href=/b>Jobs</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Paragraph 8"), "{text}");
        assert!(text.contains("source number 0 "), "{text}");
        assert!(text.contains("source number 11 "), "{text}");
    }

    #[test]
    fn the_text_of_a_row_of_linked_cards_in_the_region_stays() {
        let card = |name: &str, does: &str| {
            format!(
                "<div class=col><a href=/{name} class=card><h3>{name} audits</h3>\
                 <p>We {does} so that your team knows where it stands before the next review \
                 comes round.</p><span>Learn more</span></a></div>"
            )
        };
        let cards = [
            card("Payroll", "check every run of the last year"),
            card("Benefits", "compare your plans with those of your peers"),
            card("Hiring", "read your job offers and contracts"),
        ]
        .concat();
        let para = |n: usize| {
            format!(
                "<p>Point {n}: our consultants have helped small firms and large employers \
                 with their people, their policies and their tools for more than twenty \
                 years, and they know the rules of every state.</p>"
            )
        };
        let prose: String = (0..8).map(para).collect();
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/services>Services</a></nav>\
             <main><h1>Human resources consulting</h1>{prose}<div class=row>{cards}</div>\
             <div class=teasers><div class=col><a href=/q1><p>Is it time to hire your first \
             manager for the sales team this year?</p></a></div><div class=col><a href=/q2>\
             <p>How often should a small firm review the pay of its staff?</p></a></div></div>\
             </main><footer><a href=/a>About us</a> <a href=/b>Jobs</a></footer></body></html>"
        );
        let text = crate::clean_html(&html);
        // Each card is one link: its title and summary are the page's text.
        assert!(text.contains("compare your plans"), "{text}");
        assert!(text.contains("Payroll audits"), "{text}");
        assert!(text.contains("Hiring audits"), "{text}");
        // Linked questions are teasers of the pages they lead to.
        assert!(!text.contains("first manager"), "{text}");
        assert!(!text.contains("Jobs"), "{text}");
    }

    /// A manual cut into nested sections, as documentation generators write it: the
    /// module's section holds its intro, a table of its tools and a section per heading.
    fn manual_page() -> String {
        let para = |n: usize| {
            format!(
                "<p>Note {n}: the function takes an iterable and returns an iterator over \
                 its items, so that a loop can read them one at a time, and it keeps no \
                 more than one item in memory while it does so.</p>"
            )
        };
        let functions: String = (0..10).map(para).collect();
        let rows: String = ["count", "cycle", "repeat"]
            .iter()
            .map(|t| format!("<tr><td>{t}()</td><td>start, step</td><td>{t}(10)</td></tr>"))
            .collect();
        format!(
            "<html><body><nav><a href=/>Home</a> <a href=/lib>Library</a></nav>\
             <div class=body><section id=tools><h1>tools: loops</h1>\
             <p>Infinite iterators:</p><table>{rows}</table>\
             <section id=functions><h2>Functions</h2>{functions}</section>\
             <section id=order><h2>Ordering</h2><p>Put the tools that filter their \
             input before those that count it, and the counters last of all.</p></section>\
             </section></div>\
             <footer><a href=/a>About us</a> <a href=/b>Jobs</a></footer></body></html>"
        )
    }

    #[test]
    fn a_section_in_sections_gives_way_to_the_outermost() {
        let text = crate::clean_html(&manual_page());
        assert!(text.contains("Note 9"), "{text}");
        // The intro and the table of the module's section, above the best section.
        assert!(text.contains("Infinite iterators"), "{text}");
        assert!(text.contains("cycle(10)"), "{text}");
        assert!(!text.contains("Jobs"), "{text}");
    }

    #[test]
    fn the_next_section_of_a_manual_is_no_close_of_its_body() {
        let text = crate::clean_html(&manual_page());
        assert!(text.contains("the counters last of all"), "{text}");
    }

    #[test]
    fn a_list_split_into_columns_goes_on_after_the_region() {
        let para = |n: usize| {
            format!(
                "<p>Part {n} of the guide explains how often a car needs its oil changed, \
                 why the schedule for severe driving is shorter, and what the owner's \
                 manual says about the checks that each service should include.</p>"
            )
        };
        let body: String = (0..6).map(para).collect();
        let html = format!(
            "<html><body><div class=page><div>{body}\
             <p>Below is a list of the parts to check.</p>\
             <ul><li>Belts</li><li>Exhaust system</li></ul></div>\
             <div class=columns><div><ul><li>Hoses</li><li>Wiper blades</li>\
             <li>Battery and cables</li></ul>\
             <h3>Plan your service</h3><p>A shop can check these parts for you at each \
             visit, and keep the car running safely and reliably for years to come.</p>\
             </div></div></div>\
             <footer><a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer>\
             </body></html>"
        );
        let text = crate::clean_html(&html);
        assert!(text.contains("Wiper blades"), "{text}");
        assert!(text.contains("Battery and cables"), "{text}");
    }
}
