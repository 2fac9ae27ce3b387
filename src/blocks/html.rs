//! HTML → blocks: one pass over the [`Dom`] that cuts text at block-level elements.
//!
//! Elements that never carry document text (scripts, styles, forms controls, hidden
//! elements, embedded media) are skipped here, because no later stage could use them.
//! Nothing else is judged: navigation and footers become blocks like any other, and the
//! detectors decide about them.

use html5ever::{local_name, LocalName};

use super::{measure, Block, BlockKind};
use crate::dom::{is_heading_tag, Dom, NodeData, NodeId, WalkEvent};

/// Whether `tag` starts a new block (text before and after it belongs to other blocks).
pub fn is_block_level(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("caption")
            | local_name!("center")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("html")
            | local_name!("legend")
            | local_name!("li")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr")
            | local_name!("ul")
    )
}

/// Whether the subtree of `tag` never holds document text.
fn is_skipped_tag(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("head")
            | local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("progress")
            | local_name!("meter")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("select")
            | local_name!("option")
            | local_name!("button")
            | local_name!("input")
            | local_name!("textarea")
            | local_name!("map")
    )
}

/// Whether an inline element's text is hidden from sighted readers: a `hidden` attribute,
/// `display:none`, or a class that moves it off screen for screen readers only (`sr-only`,
/// `visually-hidden`, `screen-reader-text`, `a-offscreen`) or hides it at every width
/// (`hidden`, `d-none` with no `md:inline`-like class). Such spans inside a visible
/// block add words nobody sees ("Rated 4.5 out of 5 stars", a price said twice).
fn hides_inline_text(node: &crate::dom::Node) -> bool {
    const HIDING: [&[u8]; 6] = [
        b"sr-only",
        b"visually-hidden",
        b"visuallyhidden",
        b"screen-reader-text",
        b"screen-reader-only",
        b"offscreen",
    ];
    let ends_with = |t: &[u8], end: &[u8]| {
        t.len() >= end.len() && t[t.len() - end.len()..].eq_ignore_ascii_case(end)
    };
    node.attr("class").is_some_and(|class| {
        let tokens = || class.split_ascii_whitespace();
        tokens().any(|t| HIDING.iter().any(|h| ends_with(t.as_bytes(), h)) || names_screen_reader_text(t))
            // `hidden`, `d-none`, unless another class shows it at some width
            // (`hidden md:inline`, `d-none d-lg-inline`).
            || tokens().any(|t| matches!(t, "hidden" | "d-none"))
                && !tokens().any(|t| t.contains(':') || t.starts_with("d-") && t != "d-none")
    }) || node.attr("hidden").is_some()
        || node
            .attr("style")
            .is_some_and(|s| crate::dom::style_declares(s, b"display", b"none"))
}

/// Whether an inline element is the bubble of a tooltip or popover laid over the text on
/// hover (`role="tooltip"`, `tooltiptext`, `tooltip__content`, `Term_tooltipBubble`,
/// `popover-body`): the explanation of a term glossed inside a sentence, which a reader sees
/// only on demand and which would otherwise be read in the middle of that sentence. The
/// element that opens it (`tooltip`, `tooltip-icon`, `tooltip-trigger`) holds the visible
/// word, and stays; so does a bubble that starts its block (an icon's only label), which
/// the caller checks.
fn is_inline_tooltip_bubble(node: &crate::dom::Node) -> bool {
    node.attr("class").is_some_and(|class| {
        class.split_ascii_whitespace().any(|token| {
            // Most class names name no overlay: ruled out in one pass, without allocating.
            if !crate::dom::contains_any_ignore_ascii_case(token.as_bytes(), &[b"tip", b"popover"])
            {
                return false;
            }
            let token = token
                .to_ascii_lowercase()
                .replace("tool-tip", "tooltip")
                .replace("tool_tip", "tooltip");
            let Some(at) = ["tooltip", "popover"]
                .iter()
                .find_map(|w| token.find(w).map(|i| i + w.len()))
            else {
                return false;
            };
            let rest = &token[at..];
            TOOLTIP_BUBBLE_PARTS.iter().any(|p| rest.contains(p))
                && !TOOLTIP_TRIGGER_PARTS.iter().any(|p| rest.contains(p))
        })
    })
}

/// Whether an element is a tooltip by ARIA (`role="tooltip"`): shown on hover or focus only.
fn has_tooltip_role(node: &crate::dom::Node) -> bool {
    node.attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("tooltip"))
}

/// Words after `tooltip`/`popover` in a class name that name the bubble's own box.
const TOOLTIP_BUBBLE_PARTS: &[&str] = &["text", "content", "bubble", "body"];

/// Words after `tooltip`/`popover` in a class name that name the element opening it.
const TOOLTIP_TRIGGER_PARTS: &[&str] = &[
    "icon", "trigger", "toggle", "link", "label", "btn", "button",
];

/// The element sibling next to `id` (before it or after it), skipping the spaces between.
fn element_beside(dom: &Dom, id: NodeId, after: bool) -> Option<NodeId> {
    let step = |n: NodeId| {
        let node = dom.node(n);
        if after {
            node.next_sibling
        } else {
            node.prev_sibling
        }
    };
    let mut sibling = step(id);
    while let Some(s) = sibling {
        match &dom.node(s).data {
            NodeData::Text(t) if t.trim().is_empty() => sibling = step(s),
            NodeData::Element { .. } => return Some(s),
            _ => return None,
        }
    }
    None
}

/// Whether an element is a struck-out or inserted figure (`<del>`, `<ins>`, `<s>`: an old
/// price and the new one) hidden from screen readers (`aria-hidden="true"`).
fn is_hidden_price_change(node: &crate::dom::Node) -> bool {
    node.local_name().is_some_and(|t| {
        matches!(
            *t,
            local_name!("del") | local_name!("ins") | local_name!("s")
        )
    }) && node
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Whether an element's text holds a figure (a digit): a price, a count.
fn holds_figure(dom: &Dom, id: NodeId) -> bool {
    dom.text_content(id).bytes().any(|b| b.is_ascii_digit())
}

/// Whether a screen-reader-only element says in words the price that the struck-out or
/// inserted figure just before it shows to the eye and hides from screen readers
/// ([`is_hidden_price_change`]; WooCommerce's
/// `<del aria-hidden="true">$30</del><span class="screen-reader-text">Original price was:
/// $30.00.</span>`): the spoken form is the figure's text, the one every reader gets.
fn speaks_hidden_figure(dom: &Dom, id: NodeId) -> bool {
    element_beside(dom, id, false).is_some_and(|shown| {
        is_hidden_price_change(dom.node(shown)) && holds_figure(dom, shown) && holds_figure(dom, id)
    })
}

/// Whether an element is the shown copy of a figure that the screen-reader text after it
/// says in words ([`speaks_hidden_figure`]): the figure is read once, in its spoken form.
fn is_shown_figure_spoken_after(dom: &Dom, id: NodeId) -> bool {
    is_hidden_price_change(dom.node(id))
        && element_beside(dom, id, true).is_some_and(|spoken| {
            hides_inline_text(dom.node(spoken)) && speaks_hidden_figure(dom, spoken)
        })
}

/// The length of the first copy when a line is one text twice over, glued or spaced
/// (`Fresh ways to fryFresh ways to fry`, `$19.99 $19.99`, `Best Overall Best Overall`):
/// the copy shown at one screen width and the one shown at another, or the copy shown and
/// the one read out, both in the markup. A copy of one word with no figure is left alone
/// (a name or a word said twice on purpose: `Bora Bora`, `Talk Talk`), and so is a long one
/// ([`DOUBLED_COPY_MAX_WORDS`]) and a copy that is itself said twice (a ticker, left whole
/// for the repetition detector).
fn doubled_half(text: &str) -> Option<usize> {
    let half = twice_over(text)?;
    let first = &text[..half];
    if first.len() < DOUBLED_COPY_MIN_BYTES || twice_over(first).is_some() {
        return None;
    }
    let words = first.split_whitespace().count();
    (words <= DOUBLED_COPY_MAX_WORDS && (words >= 2 || first.bytes().any(|b| b.is_ascii_digit())))
        .then_some(half)
}

/// The length of the first copy when `text` is one text twice, glued or with one space
/// between.
fn twice_over(text: &str) -> Option<usize> {
    let len = text.len();
    let (half, rest) = if len % 2 == 0 {
        (len / 2, len / 2)
    } else if text.as_bytes()[len / 2] == b' ' {
        (len / 2, len / 2 + 1)
    } else {
        return None;
    };
    (half > 0
        && text.is_char_boundary(half)
        && text.is_char_boundary(rest)
        && !text[..half].ends_with(' ')
        && text[..half] == text[rest..])
        .then_some(half)
}

/// Fewest bytes of a copy for a line said twice to be read once ([`doubled_half`]).
const DOUBLED_COPY_MIN_BYTES: usize = 4;

/// Most words of a copy for a line said twice to be read once: labels, titles and prices
/// are shown twice for two screen widths, not paragraphs (a run of one word repeated, a
/// placeholder's filler, is no copy).
const DOUBLED_COPY_MAX_WORDS: usize = 12;

/// Whether `node` is a heading by ARIA (`role="heading"`): site builders wrap an
/// accordion's button in `<p role="heading" aria-level="3">` as WAI-ARIA's pattern asks.
fn has_heading_role(node: &crate::dom::Node) -> bool {
    node.attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("heading"))
}

/// Longest schema.org `position` (in digits) read as an ordinal for machines.
const MAX_ORDINAL_DIGITS: usize = 6;

/// Whether an inline element is a schema.org `position` given as text
/// (`<span itemprop="position">3</span>`): the ordinal of an item in its list for machines
/// (a post's number in the crawler view of a Discourse thread), printed beside what it
/// numbers but no word of it.
fn is_machine_ordinal(dom: &Dom, id: NodeId) -> bool {
    dom.node(id)
        .attr("itemprop")
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("position"))
        && {
            let text = dom.text_content(id);
            let digits = text.trim();
            !digits.is_empty()
                && digits.len() <= MAX_ORDINAL_DIGITS
                && digits.bytes().all(|b| b.is_ascii_digit())
        }
}

/// Class of the lines of a code sample that mdBook hides until the reader asks for them
/// (`<span class="boring">`: the setup a listing repeats from the one before).
const HIDDEN_CODE_LINE_CLASS: &str = "boring";

/// Whether an inline element of preformatted text is a code line hidden until asked for
/// (see [`HIDDEN_CODE_LINE_CLASS`]).
fn hides_code_line(node: &crate::dom::Node) -> bool {
    node.attr("class").is_some_and(|class| {
        class
            .split_ascii_whitespace()
            .any(|t| t == HIDDEN_CODE_LINE_CLASS)
    })
}

/// Whether an inline element only repeats the text just before it, for screen readers:
/// its one text is the whole text of its previous sibling, either glued to it with no
/// space between (`EUR 20.99<span class="clipped">EUR 20.99</span>`, whatever the class
/// is called; read out, the two copies make one word) or after a sibling hidden from
/// screen readers (`<span aria-hidden="true">Used</span><span>Used</span>`: the visible
/// copy and the spoken one).
fn repeats_previous_text(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    let mut prev = node.prev_sibling;
    // Spaces between the copies are skipped after a copy hidden from screen readers only.
    let mut spaced = false;
    while let Some(p) = prev {
        match &dom.node(p).data {
            NodeData::Text(t) if t.trim().is_empty() => {
                spaced = true;
                prev = dom.node(p).prev_sibling;
            }
            _ => break,
        }
    }
    let Some(prev) = prev else {
        return false;
    };
    // Cheapest tests first: most inline elements follow nothing, or text that differs.
    let Some(before) = single_text(dom, prev) else {
        return false;
    };
    let Some(text) = single_text(dom, id) else {
        return false;
    };
    let same = before.trim() == text.trim();
    if !same {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    let aria_hidden = dom
        .node(prev)
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    // Glued: no space after the first copy nor before the second.
    let glued =
        !spaced && !before.ends_with(char::is_whitespace) && !text.starts_with(char::is_whitespace);
    (glued && letters >= REPEATED_TEXT_MIN_CHARS)
        || (aria_hidden && letters >= REPEATED_HIDDEN_TEXT_MIN_CHARS)
}

/// Whether inline element `id` is an icon font's glyph written as its ligature name: Material
/// Icons and Material Symbols draw `<span class="material-icons">chevron_right</span>` as an
/// arrow, so the text is a picture's name, not a word ("Download chevron_right"). Read so when
/// the element carries an icon font's class (`material-icons`, `material-symbols-outlined`,
/// `google-material-icons`, Angular's `<mat-icon>`) and holds one lowercase name; or when any
/// other icon element (a class part `icon`, or `aria-hidden`) holds one snake_case name
/// (`expand_more`), which no sentence prints bare.
fn is_icon_ligature(dom: &Dom, id: NodeId) -> bool {
    // The text first: most inline elements hold no lone lowercase word, and then their
    // classes need no look.
    let Some(name) = single_text(dom, id).map(str::trim) else {
        return false;
    };
    if !is_ligature_name(name) {
        return false;
    }
    let node = dom.node(id);
    let snake_case = name.contains('_') && !name.ends_with('_');
    let icon_like = || {
        node.attr("aria-hidden") == Some("true")
            || node
                .attr("class")
                .is_some_and(|c| crate::dom::contains_ignore_ascii_case(c.as_bytes(), b"icon"))
    };
    snake_case && icon_like() || is_icon_font(node)
}

/// Whether an element draws its text with an icon font (`material-icons`,
/// `material-symbols-outlined`, `google-material-icons`, Angular's `<mat-icon>`).
fn is_icon_font(node: &crate::dom::Node) -> bool {
    node.local_name().is_some_and(|t| &**t == "mat-icon")
        || node.attr("class").is_some_and(|c| {
            c.split_ascii_whitespace().any(|t| {
                let t = t.as_bytes();
                crate::dom::contains_ignore_ascii_case(t, b"material-icons")
                    || crate::dom::contains_ignore_ascii_case(t, b"material-symbols")
                    || t.eq_ignore_ascii_case(b"material-icon")
                    || t.eq_ignore_ascii_case(b"mat-icon")
            })
        })
}

/// Whether `name` (trimmed) could be an icon ligature's name: one lowercase word of letters,
/// digits and `_`.
fn is_ligature_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= ICON_NAME_MAX_CHARS
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The longest icon ligature name read as a glyph (Material's longest are about 30).
const ICON_NAME_MAX_CHARS: usize = 40;

/// The text of a text node, or of a small element holding one text node (through nested
/// elements and comments), if it is one.
fn single_text(dom: &Dom, id: NodeId) -> Option<&str> {
    // Depth first with a small stack, stopping at the first node past the bound.
    let mut found: Option<&str> = None;
    let mut stack = [id; SINGLE_TEXT_MAX_NODES];
    let mut depth = 1usize;
    let mut nodes = 0usize;
    while depth > 0 {
        depth -= 1;
        let n = stack[depth];
        nodes += 1;
        if nodes > SINGLE_TEXT_MAX_NODES {
            return None;
        }
        let node = dom.node(n);
        match &node.data {
            NodeData::Text(t) => {
                if found.is_some() {
                    return None;
                }
                found = Some(t);
            }
            NodeData::Element { .. } => {
                let mut child = node.last_child;
                while let Some(c) = child {
                    *stack.get_mut(depth)? = c;
                    depth += 1;
                    child = dom.node(c).prev_sibling;
                }
            }
            _ => {}
        }
    }
    found
}

/// Most nodes in an element read as one text by [`single_text`].
const SINGLE_TEXT_MAX_NODES: usize = 8;

/// Fewest letters and digits in a glued repeat for it to be read as a screen reader's copy
/// (`hahaha` or `/12/12` are not).
const REPEATED_TEXT_MIN_CHARS: usize = 6;

/// Fewest letters and digits in a repeat after a copy hidden from screen readers.
const REPEATED_HIDDEN_TEXT_MIN_CHARS: usize = 2;

/// Whether a class token names text for screen readers only, in any spelling of the
/// usual words: `sr` then `only` or `text`, `visually` then `hidden`, `screen reader` then
/// `only` or `text`, `visible` then `sr` (`v-visible-sr`), the words split by `-`, `_` or a capital (`u-srOnly`,
/// `plp-price__sr-text`, `styles_srOnlyImg__x1`, `VisuallyHidden_root__y2`,
/// `bose-screenReaderText`). A modifier of a field's label (`field--label-visually_hidden`)
/// hides the label only.
pub(crate) fn names_screen_reader_text(token: &str) -> bool {
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let bytes = token.as_bytes();
    // Every spelling holds `sr`, `visually` or `reader` (most class names hold none):
    // rule the others out before splitting the token into words.
    let holds = |needle: &[u8]| {
        bytes
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    if !holds(b"sr") && !holds(b"visually") && !holds(b"reader") {
        return false;
    }
    // The last three words, the newest last.
    let (mut first, mut second) = ("", "");
    let mut start = 0;
    for i in 0..=bytes.len() {
        let end = i == bytes.len();
        let separator = !end && (bytes[i] == b'-' || bytes[i] == b'_');
        let capital =
            !end && i > 0 && bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase();
        if !(end || separator || capital) {
            continue;
        }
        let word = &token[start..i];
        start = if separator { i + 1 } else { i };
        if word.is_empty() {
            continue;
        }
        let sr_end = is(word, "only") || is(word, "text");
        // `field--label-visually_hidden` hides the field's label, not the field.
        let of_a_label = ["label", "labels", "title"].iter().any(|w| is(first, w));
        if (is(second, "sr") && sr_end && !of_a_label)
            || (is(second, "visually") && is(word, "hidden") && !of_a_label)
            || (is(first, "screen") && is(second, "reader") && sr_end)
            // `v-visible-sr`: visible to screen readers only.
            || (is(second, "visible") && is(word, "sr"))
        {
            return true;
        }
        (first, second) = (second, word);
    }
    // Foundation's `show-for-sr` (`u-show-for-sr`): shown for screen readers only.
    is(first, "for") && is(second, "sr")
}

/// Whether a text node is the only child of an element of its own that is not code (a
/// separator between `<code>` parts of a synopsis, `(<code>a</code>|<code>b</code>)`, is
/// set tight on purpose).
fn is_own_element(dom: &Dom, id: NodeId) -> bool {
    let Some(parent) = dom.node(id).parent else {
        return false;
    };
    let parent = dom.node(parent);
    parent.first_child == Some(id)
        && parent.last_child == Some(id)
        && matches!(&parent.data, NodeData::Element { name, .. }
            if !matches!(name.local, local_name!("code") | local_name!("kbd") | local_name!("samp")))
}

/// Whether a text node is a label ending in a colon right after a word (`Developed by:`)
/// and followed, with no space, by an inline element holding its value
/// (`Developed by:<span>Studio</span>`): the page's style spaces the two, the label and the
/// value are two words. Not inside code, where `key:<em>value</em>` is typed so, nor
/// before a footnote's mark (`tax:<sup>10</sup>`).
fn is_label_before_element(dom: &Dom, id: NodeId, text: &str) -> bool {
    let mut tail = text.chars().rev();
    if tail.next() != Some(':') || !tail.next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let node = dom.node(id);
    let Some(next) = node.next_sibling else {
        return false;
    };
    let NodeData::Element { name, .. } = &dom.node(next).data else {
        return false;
    };
    if is_block_level(&name.local)
        || matches!(
            name.local,
            local_name!("br")
                | local_name!("code")
                | local_name!("kbd")
                | local_name!("samp")
                | local_name!("sup")
                | local_name!("sub")
        )
    {
        return false;
    }
    if node.parent.is_some_and(|p| {
        matches!(&dom.node(p).data, NodeData::Element { name, .. }
            if matches!(name.local, local_name!("code") | local_name!("kbd") | local_name!("samp")))
    }) {
        return false;
    }
    single_text(dom, next).is_some_and(|t| t.chars().next().is_some_and(char::is_alphanumeric))
}

/// Whether a `<cite>` is the attribution line that opens a quotation (`<blockquote><cite>Ann
/// wrote:</cite>…`, phpBB, SMF and other forums, whose style sets it on a line of its own):
/// the first element in the `<blockquote>` or in its only wrapper.
fn opens_quotation(dom: &Dom, id: NodeId) -> bool {
    let first_element = |parent: NodeId| {
        let mut child = dom.node(parent).first_child;
        while let Some(c) = child {
            match &dom.node(c).data {
                NodeData::Element { .. } => return Some(c),
                NodeData::Text(t) if !t.trim().is_empty() => return None,
                _ => child = dom.node(c).next_sibling,
            }
        }
        None
    };
    let is_quote = |n: NodeId| dom.node(n).local_name() == Some(&local_name!("blockquote"));
    let Some(parent) = dom.node(id).parent else {
        return false;
    };
    if first_element(parent) != Some(id) {
        return false;
    }
    is_quote(parent)
        || dom
            .node(parent)
            .parent
            .is_some_and(|g| is_quote(g) && first_element(g) == Some(parent))
}

/// Whether a text node is one separator glyph alone (`•`, `·`, `|`), spaces aside.
fn is_lone_separator(text: &str) -> bool {
    let mut chars = text.trim().chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('•' | '·' | '|' | '∙' | '‧'), None)
    )
}

/// Text being gathered for the block under construction.
#[derive(Default)]
struct PendingText {
    text: String,
    link_chars: usize,
    links: usize,
}

impl PendingText {
    fn push(&mut self, raw: &str, in_link: bool, preformatted: bool) {
        // The measure is a sum over characters: only the appended part needs measuring.
        let before = self.text.len();
        if preformatted {
            self.text.push_str(raw);
        } else {
            // Collapse whitespace runs to one space, as a browser renders them. The input is
            // copied in runs: a single space after a non-space character is what collapsing
            // would write anyway, so it stays in its run; other whitespace ends the run.
            let bytes = raw.as_bytes();
            let mut run_start = 0;
            let mut after_word = false;
            let mut i = 0;
            while i < bytes.len() {
                let space_len = whitespace_len(raw, i);
                if space_len == 0 {
                    after_word = true;
                    i += 1;
                    // The rest of the run: bytes that cannot start whitespace.
                    while i < bytes.len() && !may_start_whitespace(bytes[i]) {
                        i += 1;
                    }
                    continue;
                }
                if bytes[i] == b' ' && after_word {
                    after_word = false;
                    i += 1;
                    continue;
                }
                after_word = false;
                self.text.push_str(&raw[run_start..i]);
                i += space_len;
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
                // The text is now empty or ends with a space or line break: more whitespace
                // adds nothing.
                loop {
                    let more = if i < bytes.len() {
                        whitespace_len(raw, i)
                    } else {
                        0
                    };
                    if more == 0 {
                        break;
                    }
                    i += more;
                }
                run_start = i;
            }
            self.text.push_str(&raw[run_start..]);
        }
        if in_link {
            self.link_chars += crate::lang::weighted_len(&self.text[before..]);
        }
    }

    fn push_line_break(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        self.text.push('\n');
    }
}

/// Length in bytes of the character at byte `i` of `text` if it is whitespace
/// ([`char::is_whitespace`]), else 0 (also for bytes inside a character).
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => 1,
        // Every non-ASCII whitespace character starts with one of these bytes.
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// Whether byte `b` may start a whitespace character (see [`whitespace_len`]).
fn may_start_whitespace(b: u8) -> bool {
    b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// Where the walk is, per open element.
struct Frame {
    node: NodeId,
    tag: LocalName,
    /// Whether this frame opened a list (ul/ol/menu).
    list: Option<ListFrame>,
    /// Whether the element's subtree is skipped (script, hidden…).
    skipped: bool,
    /// Length of the pending text when the element opened.
    text_start: usize,
    /// Whether this is a heading's permalink (see [`is_heading_permalink`]).
    permalink: bool,
}

struct ListFrame {
    ordered: bool,
    next_number: u32,
}

/// Builds blocks from a parsed document.
pub fn blocks_from_dom(dom: &Dom) -> Vec<Block> {
    let has_block_inside = block_descendant_flags(dom);
    let mut builder = Builder {
        dom,
        blocks: Vec::new(),
        pending: PendingText::default(),
        stack: Vec::new(),
        link_depth: 0,
        pre_depth: 0,
        row: None,
        has_block_inside,
        ids: None,
    };
    let body = find_body(dom).unwrap_or(dom.root());
    dom.walk(body, |event| builder.visit(event));
    builder.flush();
    builder.blocks
}

/// The `<body>` element, if the parser made one.
pub fn find_body(dom: &Dom) -> Option<NodeId> {
    let html = dom
        .node(dom.root())
        .first_child
        .into_iter()
        .flat_map(|first| siblings(dom, first))
        .find(|&n| dom.node(n).local_name() == Some(&local_name!("html")))?;
    let first = dom.node(html).first_child?;
    siblings(dom, first).find(|&n| dom.node(n).local_name() == Some(&local_name!("body")))
}

fn siblings(dom: &Dom, first: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    std::iter::successors(Some(first), move |&n| dom.node(n).next_sibling)
}

/// For every node: whether a block-level element is among its descendants. Computed in one
/// post-order pass so that deciding how to treat a table row costs nothing later.
fn block_descendant_flags(dom: &Dom) -> Vec<bool> {
    let mut flags = vec![false; dom.nodes.len()];
    dom.walk(dom.root(), |event| {
        if let WalkEvent::Leave(id) = event {
            let node = dom.node(id);
            // Cells are the row's own structure; only blocks inside them make it layout.
            let is_block = node.local_name().is_some_and(|t| {
                is_block_level(t) && !matches!(*t, local_name!("td") | local_name!("th"))
            });
            if is_block || flags[id as usize] {
                if let Some(parent) = node.parent {
                    flags[parent as usize] = true;
                }
            }
        }
        true
    });
    flags
}

/// A table row whose cells hold only inline content: rendered as one row block.
struct RowInProgress {
    node: NodeId,
    header: bool,
    cells: Vec<String>,
    link_chars: usize,
    /// Links in the row's cells, counted apart from the text's (see [`Block::features`]).
    links: usize,
    current: Option<PendingText>,
}

struct Builder<'a> {
    dom: &'a Dom,
    blocks: Vec<Block>,
    pending: PendingText,
    stack: Vec<Frame>,
    link_depth: usize,
    pre_depth: usize,
    row: Option<RowInProgress>,
    has_block_inside: Vec<bool>,
    /// Elements by `id`, gathered the first time a control names the panel it opens.
    ids: Option<rustc_hash::FxHashMap<&'a str, NodeId>>,
}

impl<'a> Builder<'a> {
    fn visit(&mut self, event: WalkEvent) -> bool {
        match event {
            WalkEvent::Enter(id) => self.enter(id),
            WalkEvent::Leave(id) => {
                self.leave(id);
                true
            }
        }
    }

    fn enter(&mut self, id: NodeId) -> bool {
        let dom = self.dom;
        let node = dom.node(id);
        match &node.data {
            NodeData::Text(text) => {
                let in_link = self.link_depth > 0;
                let pre = self.pre_depth > 0;
                // A separator alone in its node, between links or labels (`<a>iOS</a><span>•</span>
                // <a>Music</a>`), is spaced by the page's style, not by the markup: padded, so
                // the words on either side do not run into it. So is a label's colon before
                // the element holding its value.
                let padded;
                let text: &str = if !pre && is_lone_separator(text) && is_own_element(dom, id) {
                    padded = format!(" {} ", text.trim());
                    &padded
                } else if !pre && is_label_before_element(dom, id, text) {
                    padded = format!("{text} ");
                    &padded
                } else {
                    text
                };
                if let Some(row) = &mut self.row {
                    if let Some(cell) = &mut row.current {
                        let before = cell.link_chars;
                        cell.push(text, in_link, false);
                        row.link_chars += cell.link_chars - before;
                    }
                } else {
                    self.pending.push(text, in_link, pre);
                }
                false
            }
            NodeData::Element { name, .. } => {
                let tag = &name.local;
                if is_skipped_tag(tag) && !self.is_heading_button(tag, node)
                    || !is_block_level(tag)
                        && !self.has_block_inside[id as usize]
                        && ((hides_inline_text(node) && !speaks_hidden_figure(dom, id))
                            || has_tooltip_role(node)
                            || (is_inline_tooltip_bubble(node)
                                && self.row.is_none()
                                && !self.pending.text.trim().is_empty())
                            || is_shown_figure_spoken_after(dom, id)
                            || is_machine_ordinal(dom, id)
                            || (self.pre_depth == 0 && is_icon_ligature(dom, id))
                            || repeats_previous_text(dom, id)
                            || (self.pre_depth > 0 && hides_code_line(node))
                            || (*tag == local_name!("a") && self.is_permalink_glyph(id)))
                {
                    // Leave events still come for skipped nodes; mark them so `leave` ignores.
                    self.stack.push(Frame {
                        node: id,
                        tag: tag.clone(),
                        list: None,
                        skipped: true,
                        text_start: 0,
                        permalink: false,
                    });
                    return false;
                }
                if *tag == local_name!("br") {
                    if let Some(cell) = self.row.as_mut().and_then(|r| r.current.as_mut()) {
                        cell.push(" ", false, false);
                    } else {
                        self.pending.push_line_break();
                    }
                }
                if *tag == local_name!("img") {
                    // Image alt text is not document text; nothing to add.
                }
                if self.row.is_some() {
                    if matches!(*tag, local_name!("td") | local_name!("th")) {
                        if let Some(row) = &mut self.row {
                            row.header |= *tag == local_name!("th");
                            row.current = Some(PendingText::default());
                        }
                    }
                } else if is_block_level(tag) || self.is_custom_container(id, tag) {
                    self.flush();
                    if *tag == local_name!("tr") && !self.has_block_inside[id as usize] {
                        self.row = Some(RowInProgress {
                            node: id,
                            header: false,
                            cells: Vec::new(),
                            link_chars: 0,
                            links: 0,
                            current: None,
                        });
                    }
                }
                let permalink = *tag == local_name!("a")
                    && (self.is_heading_permalink(node) || is_disclosure_toggle(node));
                if permalink {
                    // A heading's anchor to itself is not a way off the page: its text is
                    // the heading's. Nor is a toggle that opens a panel of the page (an
                    // accordion's question): its text is the question's.
                } else if *tag == local_name!("a") {
                    self.link_depth += 1;
                    // Links in a table's cells are not counted in its text (a row is a
                    // record), but the row counts them (a bar of links laid out as a row).
                    match &mut self.row {
                        None => self.pending.links += 1,
                        Some(row) => row.links += 1,
                    }
                }
                if *tag == local_name!("pre") {
                    self.pre_depth += 1;
                }
                let list = match *tag {
                    local_name!("ul") | local_name!("menu") => Some(ListFrame {
                        ordered: false,
                        next_number: 1,
                    }),
                    local_name!("ol") => Some(ListFrame {
                        ordered: true,
                        next_number: node
                            .attr("start")
                            .and_then(|s| s.trim().parse().ok())
                            .unwrap_or(1),
                    }),
                    _ => None,
                };
                self.stack.push(Frame {
                    node: id,
                    tag: tag.clone(),
                    list,
                    skipped: false,
                    text_start: self.pending.text.len(),
                    permalink,
                });
                true
            }
            NodeData::Document => true,
            NodeData::Other => false,
        }
    }

    fn leave(&mut self, id: NodeId) {
        let Some(frame) = self.stack.last() else {
            return;
        };
        if frame.node != id {
            return; // a text node or other non-element
        }
        if frame.skipped {
            self.stack.pop();
            return;
        }
        let tag = frame.tag.clone();
        let text_start = frame.text_start;
        let permalink = frame.permalink;
        // Flush while the element is still on the stack: it owns the text.
        if let Some(row) = &mut self.row {
            if matches!(tag, local_name!("td") | local_name!("th")) {
                if let Some(cell) = row.current.take() {
                    row.cells.push(cell.text.trim().to_string());
                }
            } else if row.node == id {
                self.finish_row();
            }
        } else if is_block_level(&tag) || self.is_custom_container(id, &tag) {
            self.flush_at(id, &tag);
        }
        self.stack.pop();
        if matches!(tag, local_name!("span") | local_name!("a")) && self.row.is_none() {
            self.separate_labels(id, &tag, text_start);
        }
        if tag == local_name!("cite") && self.row.is_none() && opens_quotation(self.dom, id) {
            self.pending.push_line_break();
        }
        match tag {
            local_name!("a") if !permalink => self.link_depth = self.link_depth.saturating_sub(1),
            local_name!("pre") => self.pre_depth = self.pre_depth.saturating_sub(1),
            _ => {}
        }
        if tag == local_name!("li") {
            if let Some(list) = self.stack.iter_mut().rev().find_map(|f| f.list.as_mut()) {
                list.next_number += 1;
            }
        }
    }

    /// Whether element `id` is a custom element (`<product-card>`) holding block-level
    /// elements: a container the site styles as a box, so text on either side of it belongs
    /// to other blocks. One holding only inline content (`<relative-time>`) stays inline.
    fn is_custom_container(&self, id: NodeId, tag: &LocalName) -> bool {
        tag.contains('-') && self.has_block_inside[id as usize]
    }

    /// Whether link `id` is a heading's permalink that shows only a glyph (`¶`, `#`, `§`, an
    /// icon font's character) and no word: a control for copying the section's address that
    /// documentation generators put in every heading (`<h2>Setup<a class="headerlink"
    /// href="#setup">¶</a></h2>`) and every described API entry (`<dt id="f">f()<a
    /// href="#f">¶</a></dt>`), not part of the text. In a heading any fragment of the page
    /// counts, since the anchor often names a module or a target beside the heading.
    fn is_permalink_glyph(&self, id: NodeId) -> bool {
        let node = self.dom.node(id);
        let Some(target) = node.attr("href").and_then(|h| h.strip_prefix('#')) else {
            return false;
        };
        if target.is_empty() {
            return false;
        }
        let near = || self.stack.iter().rev().take(4);
        let anchors_here = near().any(|f| is_heading_tag(&f.tag))
            || near().any(|f| self.dom.node(f.node).attr("id") == Some(target))
            || node
                .attr("class")
                .is_some_and(|c| c.split_whitespace().any(|c| c == "headerlink"));
        if !anchors_here {
            return false;
        }
        let text = self.dom.text_content(id);
        let glyphs = text.chars().filter(|c| !c.is_whitespace()).count();
        glyphs <= 2 && !text.chars().any(char::is_alphanumeric)
    }

    /// Whether `tag` is a `<button>` inside a heading (`<h1>`–`<h6>` or `role="heading"`, at
    /// most two elements down): an accordion's header (WAI-ARIA's accordion pattern wraps
    /// each header's button in a heading), whose text is the heading of the panel it opens (a question over its
    /// answer), not a control's label. A button that names its panel (`aria-controls`)
    /// heads it only when the page holds that panel with text: a script that loads the
    /// answers on demand leaves the questions over nothing.
    fn is_heading_button(&mut self, tag: &LocalName, node: &crate::dom::Node) -> bool {
        if *tag != local_name!("button")
            || !self
                .stack
                .iter()
                .rev()
                .take(HEADING_BUTTON_DEPTH)
                .any(|f| is_heading_tag(&f.tag) || has_heading_role(self.dom.node(f.node)))
        {
            return false;
        }
        let Some(controls) = node.attr("aria-controls") else {
            return true;
        };
        let dom = self.dom;
        let ids = self.ids.get_or_insert_with(|| {
            (0..dom.nodes.len() as NodeId)
                .filter_map(|n| dom.node(n).attr("id").map(|v| (v, n)))
                .collect()
        });
        controls.split_ascii_whitespace().any(|target| {
            ids.get(target)
                .is_some_and(|&panel| has_words(&dom.text_content(panel)))
        })
    }

    /// Whether link `node` is a heading's permalink: inside an `<h1>`–`<h6>`, to the heading's
    /// own fragment (`<h2 id="setup"><a href="#setup">Setup</a></h2>`, or the id of the
    /// `<section>` it heads), the anchor documentation generators and Markdown renderers put
    /// on every section heading.
    fn is_heading_permalink(&self, node: &crate::dom::Node) -> bool {
        let Some(target) = node.attr("href").and_then(|h| h.strip_prefix('#')) else {
            return false;
        };
        if target.is_empty() {
            return false;
        }
        let Some(heading) = self
            .stack
            .iter()
            .rev()
            .take(4)
            .find(|f| is_heading_tag(&f.tag))
        else {
            return false;
        };
        // The anchor names the heading or the section the heading opens, not a post or
        // record further out (a forum reply's title links to the reply).
        let heading = self.dom.node(heading.node);
        heading.attr("id") == Some(target)
            || heading
                .parent
                .is_some_and(|p| self.dom.node(p).attr("id") == Some(target))
    }

    /// Labels set side by side in sibling `<span>`s (`<span>Contract</span><span>Remote</span>`)
    /// are laid out apart by their style: a space keeps them two words. Single letters (a
    /// word split letter by letter for an animation) stay joined. So do sibling links to
    /// different pages (a row of tags or chips, `<a>Strategy</a><a>Roguelike</a>`), but not
    /// two links to the same page, which an editor made of one word it split
    /// (`<a>Co</a><a>ntact us</a>`).
    fn separate_labels(&mut self, id: NodeId, tag: &LocalName, text_start: usize) {
        let text = &self.pending.text;
        let own = text.get(text_start..).unwrap_or("");
        // The span's last word, not only its text, must be more than a letter: a word cut
        // across spans (`…and p</span><span>roducts`) stays whole.
        let last_word = own.rsplit(char::is_whitespace).next().unwrap_or("");
        if last_word.chars().count() < 2 {
            return;
        }
        // Comments between the spans and around their text (a template engine's markers,
        // `<!--F#f_1-->`) are not there for the reader: they are skipped, and so are
        // spans wrapping the next span's text.
        let mut next = self.dom.node(id).next_sibling;
        while let Some(n) = next.filter(|&n| matches!(self.dom.node(n).data, NodeData::Other)) {
            next = self.dom.node(n).next_sibling;
        }
        let Some(next) = next else {
            return;
        };
        if self.dom.node(next).local_name() != Some(tag)
            || (*tag == local_name!("a")
                && self.dom.node(next).attr("href") == self.dom.node(id).attr("href"))
        {
            return;
        }
        let mut first = self.dom.node(next).first_child;
        for _ in 0..LABEL_TEXT_DEPTH {
            match first.map(|c| self.dom.node(c)) {
                Some(c) if matches!(c.data, NodeData::Other) => first = c.next_sibling,
                Some(c) if c.local_name() == Some(&local_name!("span")) => first = c.first_child,
                _ => break,
            }
        }
        let starts_with_word = first.is_some_and(|c| match &self.dom.node(c).data {
            NodeData::Text(t) => {
                let mut chars = t.chars();
                chars.next().is_some_and(char::is_alphanumeric)
                    && chars.next().is_some_and(char::is_alphanumeric)
            }
            _ => false,
        });
        if starts_with_word {
            self.pending.push(" ", false, false);
        }
    }

    fn finish_row(&mut self) {
        let Some(row) = self.row.take() else {
            return;
        };
        if row.cells.iter().all(|c| c.is_empty()) {
            return;
        }
        let text = row
            .cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let mut features = measure(&text, row.link_chars);
        features.depth = self.stack.len();
        features.links = row.links;
        self.blocks.push(Block {
            kind: BlockKind::TableRow { header: row.header },
            text,
            cells: row.cells,
            features,
            node: Some(row.node),
            ancestors: self.ancestors(Some(row.node)),
            joins_previous: false,
            blank_lines_before: 0,
        });
    }

    /// Text gathered so far ends a block owned by the innermost open element.
    fn flush(&mut self) {
        let owner = self.stack.last().map(|f| (f.node, f.tag.clone()));
        match owner {
            Some((node, tag)) => self.flush_at(node, &tag),
            None => self.flush_at(self.dom.root(), &local_name!("body")),
        }
    }

    fn flush_at(&mut self, owner: NodeId, owner_tag: &LocalName) {
        let pending = std::mem::take(&mut self.pending);
        if pending.text.trim().is_empty() {
            return;
        }
        let kind = self.kind_for(owner_tag);
        let ancestors = self.ancestors(Some(owner));
        let depth = ancestors.len();
        if kind == BlockKind::Code {
            let text = pending.text.trim_matches('\n').trim_end().to_string();
            let mut features = measure(&text, pending.link_chars);
            features.depth = depth;
            features.links = pending.links;
            self.push_block(kind, text, features, owner, ancestors);
            return;
        }
        // Two or more line breaks in a row separate paragraphs (old `<br><br>` markup).
        let mut text = pending.text;
        text.truncate(text.trim_end().len());
        let leading = text.len() - text.trim_start().len();
        text.drain(..leading);
        if !text.contains('\n') {
            // One line, trimmed and not empty: the block is the whole text, once.
            let mut link_chars = pending.link_chars;
            if let Some(half) = doubled_half(&text) {
                // The link measure loses what the dropped copy held.
                link_chars = link_chars.saturating_sub(crate::lang::weighted_len(&text[..half]));
                text.truncate(half);
            }
            let mut features = measure(&text, link_chars);
            features.depth = depth;
            features.links = pending.links;
            self.push_block(kind, text, features, owner, ancestors);
            return;
        }
        let parts: Vec<&str> = if text.contains("\n\n") {
            text.split("\n\n").collect()
        } else {
            vec![text.as_str()]
        };
        let total_parts = parts.len();
        for part in parts {
            let part = part
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            if part.is_empty() {
                continue;
            }
            // Share the link measure out by length when a block was split.
            let (link_chars, links) = if total_parts == 1 {
                (pending.link_chars, pending.links)
            } else {
                let whole = crate::lang::weighted_len(&text).max(1);
                let share = crate::lang::weighted_len(&part);
                (
                    pending.link_chars * share / whole,
                    pending.links * share / whole,
                )
            };
            let mut features = measure(&part, link_chars);
            features.depth = depth;
            features.links = links;
            self.push_block(kind, part, features, owner, ancestors.clone());
        }
    }

    fn push_block(
        &mut self,
        kind: BlockKind,
        text: String,
        features: super::Features,
        owner: NodeId,
        ancestors: Vec<NodeId>,
    ) {
        self.blocks.push(Block {
            kind,
            text,
            cells: Vec::new(),
            features,
            node: Some(owner),
            ancestors,
            joins_previous: false,
            blank_lines_before: 0,
        });
    }

    fn ancestors(&self, owner: Option<NodeId>) -> Vec<NodeId> {
        let mut ids: Vec<NodeId> = self.stack.iter().map(|f| f.node).collect();
        if let Some(owner) = owner {
            if let Some(pos) = ids.iter().position(|&n| n == owner) {
                ids.truncate(pos + 1);
            }
        }
        ids
    }

    fn kind_for(&self, owner_tag: &LocalName) -> BlockKind {
        let heading = match *owner_tag {
            local_name!("h1") => Some(1),
            local_name!("h2") => Some(2),
            local_name!("h3") => Some(3),
            local_name!("h4") => Some(4),
            local_name!("h5") => Some(5),
            local_name!("h6") => Some(6),
            _ => None,
        };
        if let Some(level) = heading {
            return BlockKind::Heading { level };
        }
        if self.pre_depth > 0 || *owner_tag == local_name!("pre") {
            return BlockKind::Code;
        }
        let mut depth = 0u8;
        let mut item: Option<BlockKind> = None;
        let mut quote = false;
        let mut caption = false;
        for frame in self.stack.iter().rev() {
            match frame.tag {
                local_name!("li") if item.is_none() => {
                    item = Some(BlockKind::ListItem {
                        ordered: false,
                        depth: 0,
                        number: 0,
                    })
                }
                local_name!("blockquote") => quote = true,
                local_name!("figcaption") | local_name!("caption") => caption = true,
                _ => {}
            }
            if let Some(list) = &frame.list {
                depth = depth.saturating_add(1);
                if let Some(BlockKind::ListItem {
                    ordered, number, ..
                }) = &mut item
                {
                    if *number == 0 {
                        *ordered = list.ordered;
                        *number = list.next_number;
                    }
                }
            }
        }
        if caption {
            return BlockKind::Caption;
        }
        if let Some(BlockKind::ListItem {
            ordered, number, ..
        }) = item
        {
            return BlockKind::ListItem {
                ordered,
                depth: depth.max(1),
                number: number.max(1),
            };
        }
        if quote {
            return BlockKind::Quote;
        }
        BlockKind::Paragraph
    }
}

/// Comments and wrapping spans looked through to find the first text of the span after a
/// label (a bound: hostile nesting stays cheap).
const LABEL_TEXT_DEPTH: usize = 8;

/// Whether a text has a letter or digit.
fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Levels above a `<button>` searched for the heading that makes it an accordion's header.
const HEADING_BUTTON_DEPTH: usize = 2;

/// Whether a link is a disclosure toggle rather than a way off the page: its `href` names
/// an element of the page (`#answer-3`) and it says that it works as a button (WAI-ARIA:
/// `role="button"`, or `aria-expanded` / `aria-controls` on the control that shows or hides
/// a panel), as accordion and collapse widgets (Bootstrap's `data-toggle="collapse"`) mark
/// their headers.
fn is_disclosure_toggle(node: &crate::dom::Node) -> bool {
    let Some(target) = node.attr("href").and_then(|h| h.trim().strip_prefix('#')) else {
        return false;
    };
    let role = node.attr("role").map(str::trim);
    // A tab's label (`role="tab"`) is one of a row of labels, read as the menu it is.
    !target.is_empty()
        && !role.is_some_and(|r| r.eq_ignore_ascii_case("tab"))
        && (role.is_some_and(|r| r.eq_ignore_ascii_case("button"))
            || node.attr("aria-expanded").is_some()
            || node.attr("aria-controls").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<Block> {
        blocks_from_dom(&Dom::parse(html))
    }

    #[test]
    fn the_fallback_text_of_a_gauge_is_not_shown() {
        // Browsers draw `<progress>` and `<meter>` as bars; their content is for browsers
        // that cannot, and would glue a figure to the line around it.
        let b = blocks(
            "<p>Funded so far <progress max='100' value='30'>30.37%</progress> of the goal</p>\
             <p>Battery <meter min='0' max='1' value='0.6'>60 percent</meter> left</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Funded so far of the goal", "Battery left"]);
    }

    #[test]
    fn a_toggle_that_opens_a_panel_of_the_page_is_no_link() {
        let b = blocks(
            "<div><a href='#a1' role='button'>How long does it last?</a></div>\
             <div id='a1'><p>About ten years.</p></div>\
             <div><a href='#a2' aria-expanded='false' aria-controls='a2'>Is it safe?</a></div>\
             <div><a href='#pane' role='tab' aria-controls='pane'>Details</a></div>\
             <div><a href='#top'>Back to top</a></div>\
             <div><a href='/care' role='button'>Care guide</a></div>",
        );
        let links = |text: &str| {
            b.iter()
                .find(|b| b.text == text)
                .map(|b| b.features.link_chars)
                .unwrap()
        };
        assert_eq!(links("How long does it last?"), 0);
        assert_eq!(links("Is it safe?"), 0);
        assert!(links("Details") > 0);
        assert!(links("Back to top") > 0);
        assert!(links("Care guide") > 0);
    }

    #[test]
    fn a_button_in_a_heading_heads_its_panel() {
        let b = blocks(
            "<h3><button aria-controls='p1'>What sizes are there?</button></h3>\
             <div id='p1'><p>Small, medium and large.</p></div>\
             <h3><span><button>Care</button></span></h3><p>Wash cold.</p>\
             <h3><button aria-controls='p9'>Is it loaded later?</button></h3>\
             <div><button>Add to cart</button></div>",
        );
        let texts: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert!(texts.contains(&(BlockKind::Heading { level: 3 }, "What sizes are there?")));
        assert!(texts.contains(&(BlockKind::Heading { level: 3 }, "Care")));
        assert!(!texts.iter().any(|(_, t)| t.contains("loaded later")));
        assert!(!texts.iter().any(|(_, t)| t.contains("Add to cart")));
    }

    #[test]
    fn a_button_in_an_aria_heading_heads_its_panel() {
        let b = blocks(
            "<ul><li><p role='heading' aria-level='3'><button aria-expanded='false'>\
             <span>Who can join the club?</span><div aria-hidden='true'></div></button></p>\
             <div role='region'><p>Anyone who likes long walks.</p></div></li></ul>\
             <div role='presentation'><button>Subscribe</button></div>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Who can join the club?"));
        assert!(!texts.iter().any(|t| t.contains("Subscribe")));
    }

    #[test]
    fn splits_text_at_block_elements() {
        let b = blocks("<div>Intro <p>First <b>bold</b> para.</p> Tail</div>");
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Intro", "First bold para.", "Tail"]);
    }

    #[test]
    fn kinds_follow_markup() {
        let b = blocks(
            "<h2>Head</h2><ol><li>one</li><li>two<ul><li>inner</li></ul></li></ol>\
             <blockquote><p>quoted</p></blockquote><pre>  code\n  more</pre>\
             <figure><figcaption>cap</figcaption></figure>",
        );
        let kinds: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(kinds[0], (BlockKind::Heading { level: 2 }, "Head"));
        assert_eq!(
            kinds[1].0,
            BlockKind::ListItem {
                ordered: true,
                depth: 1,
                number: 1
            }
        );
        assert_eq!(
            kinds[2].0,
            BlockKind::ListItem {
                ordered: true,
                depth: 1,
                number: 2
            }
        );
        assert_eq!(
            kinds[3],
            (
                BlockKind::ListItem {
                    ordered: false,
                    depth: 2,
                    number: 1
                },
                "inner"
            )
        );
        assert_eq!(kinds[4], (BlockKind::Quote, "quoted"));
        assert_eq!(kinds[5], (BlockKind::Code, "  code\n  more"));
        assert_eq!(kinds[6], (BlockKind::Caption, "cap"));
    }

    #[test]
    fn a_headings_permalink_to_itself_is_no_link() {
        let b = blocks(
            "<h2 id='setup'><a class='anchor' href='#setup'>Setting up</a></h2>\
             <section id='usage'><h2><a href='#usage'>Using it</a></h2><p>Text.</p></section>\
             <div id='p7'><div><h3><a href='#p7'>Re: a reply</a></h3></div></div>\
             <h2><a href='/elsewhere'>Another page</a></h2>",
        );
        assert_eq!(b[0].features.link_density(), 0.0);
        assert_eq!(b[0].features.links, 0);
        assert_eq!(b[1].features.link_density(), 0.0);
        // A link to a post further out and a link off the page stay links.
        assert_eq!(b[3].features.link_density(), 1.0);
        assert_eq!(b[4].features.link_density(), 1.0);
    }

    #[test]
    fn permalink_glyphs_of_headings_and_entries_are_no_text() {
        let b = blocks(
            "<section id='install'><h2>Installing<a class='headerlink' href='#mod-x'>\u{b6}</a></h2>\
             <p>Run the installer.</p></section>\
             <dl><dt id='f'>open(path)<a href='#f'>\u{b6}</a></dt><dd>Opens a file.</dd></dl>\
             <p>See <a class='headerlink' href='#top'>#</a> above.</p>\
             <h3>Pages<a href='#pages'>#2</a></h3>\
             <h3>Links<a href='/elsewhere'>\u{b6}</a></h3>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "Installing");
        assert_eq!(texts[2], "open(path)");
        // Only a glyph in a heading, an entry that it names or a `headerlink` goes; a word or a
        // number stays, and so does a link off the page.
        assert_eq!(texts[4], "See above.");
        assert_eq!(texts[5], "Pages#2");
        assert_eq!(texts[6], "Links\u{b6}");
    }

    #[test]
    fn a_lone_separator_and_a_label_s_colon_are_spaced_from_their_neighbours() {
        let b = blocks(
            "<p><a href='/a'>Garden</a><span>\u{2022}</span><a href='/b'>Kitchen</a></p>\
             <p><code>--mode=</code>(<code>fast</code>|<code>slow</code>)</p>\
             <div>Built by:<span>Oak Works</span></div>\
             <p>Three towns levy it:<sup>4</sup></p>\
             <p>Set <code>lang:<em>en</em></code> first.</p>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "Garden \u{2022} Kitchen");
        // A bar between parts of a synopsis is set tight on purpose.
        assert_eq!(texts[1], "--mode=(fast|slow)");
        assert_eq!(texts[2], "Built by: Oak Works");
        // Neither a footnote's mark nor code is spaced.
        assert_eq!(texts[3], "Three towns levy it:4");
        assert_eq!(texts[4], "Set lang:en first.");
    }

    #[test]
    fn the_attribution_opening_a_quotation_is_a_line_of_its_own() {
        let b = blocks(
            "<blockquote><div><cite>Mira wrote:</cite>The pump is too loud.</div></blockquote>\
             <blockquote><cite>Tom wrote:</cite> Try a foam mat.</blockquote>\
             <p>As <cite>the manual</cite> puts it, wait.</p>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "Mira wrote:\nThe pump is too loud.");
        assert_eq!(texts[1], "Tom wrote:\nTry a foam mat.");
        // A title cited in a sentence stays in it.
        assert_eq!(texts[2], "As the manual puts it, wait.");
    }

    #[test]
    fn link_text_is_measured() {
        let b = blocks("<p>Read <a href='x'>this story</a></p><p><a>all link</a></p>");
        assert!(b[0].features.link_density() > 0.5 && b[0].features.link_density() < 1.0);
        assert_eq!(b[1].features.link_density(), 1.0);
    }

    #[test]
    fn skips_inline_text_hidden_from_sighted_readers() {
        let b = blocks(
            "<p>Price <span class='a-offscreen'>$12.00</span><span>$12.00</span></p>\
             <p><span class='stars'>4.5</span><span class='sr-only'>out of 5 stars</span></p>\
             <p>Size <em style='DISPLAY : None'>XL</em><em style='display:block'>M</em></p>\
             <p>Tab <span hidden>closed</span> open</p>\
             <p>Ships <span class='hidden'>never</span><span class='hidden md:inline'>today</span></p>\
             <div class='sr-only'><p>A hidden block is judged later.</p></div>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Price $12.00",
                "4.5",
                "Size M",
                "Tab open",
                "Ships today",
                "A hidden block is judged later."
            ]
        );
    }

    #[test]
    fn skips_a_numbered_items_position_given_for_machines() {
        let b = blocks(
            "<div><span itemprop='author'>Wren</span> <time>May 2, 2024</time> \
             <span itemprop='position'>4</span></div>\
             <p>Step <span itemprop='position'>two</span> of the walk</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Wren May 2, 2024", "Step two of the walk"]);
    }

    #[test]
    fn skips_an_icon_fonts_ligature_name() {
        let b = blocks(
            "<p><a href='/f.pdf'>Get the guide <span class='material-icons'> east </span></a></p>\
             <p>Open the map<i class='material-symbols-outlined'>open_in_new</i></p>\
             <p>More<span class='btn-icon' aria-hidden='true'>unfold_more</span></p>\
             <p>Set <span class='icon-note'>snake_case</span> names <code>max_len</code> \
             and <span class='material-icons'>Spring Sale</span></p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Get the guide",
                "Open the map",
                "More",
                "Set names max_len and Spring Sale"
            ]
        );
    }

    #[test]
    fn skips_the_hidden_lines_of_a_code_sample() {
        let b = blocks(
            "<pre><code><span class=\"boring\">struct Point { x: i32 }\n</span>\
             fn origin() -> Point { Point { x: 0 } }</code></pre>\
             <p>A <span class='boring'>plain</span> word.</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["fn origin() -> Point { Point { x: 0 } }", "A plain word."]
        );
    }

    #[test]
    fn skips_a_glued_copy_of_the_text_before() {
        let b = blocks(
            "<p><span>EUR 20.99<span class='clipped'>EUR 20.99</span></span></p>\
             <p><b>Other items</b><i>Other items</i> here</p>\
             <p>Other items <span>Other items</span> to see</p>\
             <p>haha<span>haha</span></p>\
             <p><span aria-hidden='true'><!--x--><b>Used</b></span> <span>Used</span> item</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "EUR 20.99",
                "Other items here",
                "Other items Other items to see",
                "hahahaha",
                "Used item"
            ]
        );
    }

    #[test]
    fn screen_reader_classes_are_read_in_any_spelling() {
        for name in [
            "u-srOnly",
            "plp-price__sr-text",
            "styles_srOnlyImg__1Kwb5",
            "VisuallyHidden_visuallyHidden__Bw",
            "bose-screenReaderText",
            "v-visible-sr",
            "show-for-sr",
            "u-show-for-sr",
        ] {
            assert!(names_screen_reader_text(name), "{name}");
        }
        for name in [
            "field--label-visually_hidden",
            "usr-only-menu-x",
            "sronly",
            "dropdown-screenReader",
            "srcset",
            "show-for-sr-focus",
            "sr-hidden",
        ] {
            assert!(!names_screen_reader_text(name), "{name}");
        }
        let b = blocks("<p><span aria-hidden='true'>$79</span><span class='p__sr-text'>Price $ 79.00</span></p>");
        assert_eq!(b[0].text, "$79");
    }

    #[test]
    fn a_changed_price_is_read_as_screen_readers_hear_it() {
        // The struck-out and the new price are shown to the eye and hidden from screen
        // readers; the spoken words say them once each.
        let b = blocks(
            "<p><span class='price'><del aria-hidden='true'>$40</del> \
             <span class='screen-reader-text'>Original price was: $40.00.</span>\
             <ins aria-hidden='true'>$32</ins>\
             <span class='screen-reader-text'>Current price is: $32.00.</span></span></p>",
        );
        assert_eq!(
            b[0].text,
            "Original price was: $40.00.Current price is: $32.00."
        );
        // Screen-reader text after anything else, or with no figure, stays unread.
        let b = blocks(
            "<p>Kite <span aria-hidden='true'>$40</span>\
             <span class='sr-only'>Price 40 dollars</span> \
             <del aria-hidden='true'>old</del><span class='sr-only'>was old</span> \
             <del>$50</del><span class='sr-only'>was 50</span></p>",
        );
        assert_eq!(b[0].text, "Kite $40 old $50");
    }

    #[test]
    fn a_line_said_twice_over_is_read_once() {
        let b = blocks(
            "<h2><a aria-hidden='true' href='/f'><span>Kites for calm days</span></a>Kites for calm days</h2>\
             <p><span class='d'>Best for beginners</span> <span class='m'>Best for beginners</span></p>\
             <p><span>$19.99</span> <span>$19.99</span></p>\
             <p>Bora Bora</p><p>12 12 12 12</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Kites for calm days",
                "Best for beginners",
                "$19.99",
                "Bora Bora",
                "12 12 12 12"
            ]
        );
        // The link measure keeps what the copy left holds: none of it here.
        assert_eq!(b[0].features.link_chars, 0);
        assert_eq!(doubled_half("word ".repeat(30).trim()), None);
    }

    #[test]
    fn skips_scripts_and_styles() {
        let b = blocks("<p>kept</p><script>var x=1;</script><style>p{}</style><p>also kept</p>");
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["kept", "also kept"]);
    }

    #[test]
    fn sibling_span_labels_are_separate_words() {
        let b = blocks(
            "<p><span>Contract</span><span>Remote</span> and <span>W</span><span>ord</span>, \
             also <span>a p</span><span>roduct</span></p>",
        );
        assert_eq!(b[0].text, "Contract Remote and Word, also a product");
        // A template engine's comments and wrapping spans do not join a label to its value.
        let b = blocks(
            "<div><span class='name'><!--F#1--><span>Intended Audience</span><!--F/--></span>\
             <!--x--><span class='value'><!--F#2--><span>Trade</span></span></div>",
        );
        assert_eq!(b[0].text, "Intended Audience Trade");
    }

    #[test]
    fn sibling_links_to_different_pages_are_separate_words() {
        let b = blocks(
            "<div><a href='/t/puzzle'>Puzzle</a><a href='/t/co-op'>Co-op</a>\
             <a href='/t/pixel-art'>Pixel Art</a></div>",
        );
        assert_eq!(b[0].text, "Puzzle Co-op Pixel Art");
        // One word an editor split into two links to the same page stays whole.
        let b = blocks("<p><a href='/contact'>Co</a><a href='/contact'>ntact us</a> today.</p>");
        assert_eq!(b[0].text, "Contact us today.");
    }

    #[test]
    fn data_table_rows_become_row_blocks() {
        let b = blocks(
            "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ana</td><td>31</td></tr></table>",
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].kind, BlockKind::TableRow { header: true });
        assert_eq!(b[1].cells, ["Ana", "31"]);
    }

    #[test]
    fn layout_tables_keep_their_paragraphs() {
        let b = blocks("<table><tr><td><p>Para one.</p><p>Para two.</p></td></tr></table>");
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Para one.", "Para two."]);
    }

    #[test]
    fn whitespace_is_found_as_char_is_whitespace_finds_it() {
        let text: String = (0..0x3100u32)
            .chain([0xFEFF, 0x1_F600])
            .filter_map(char::from_u32)
            .collect();
        for (i, c) in text.char_indices() {
            let expected = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(whitespace_len(&text, i), expected, "{:X}", c as u32);
        }
    }

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        let mut pending = PendingText::default();
        pending.push(" a  b\u{a0}\u{3000} c\n\td ", false, false);
        pending.push(" e", false, false);
        pending.push_line_break();
        pending.push("\u{2003}f", false, false);
        assert_eq!(pending.text, "a b c d e\nf");
    }

    #[test]
    fn a_tooltip_bubble_inside_a_sentence_is_not_read() {
        let b = blocks(
            "<p>Watch the <span class='gloss'><dfn>churn</dfn><span class='gloss_tooltipBubble'>\
             <strong>Churn</strong><br>Customers who leave.<br><a href='/g/churn'>Learn more</a>\
             </span></span> each month.</p>\
             <p>Ask <span role='tooltip'>A note shown on hover.</span>us.</p>\
             <p>Try the <span class='tooltip'>hover<span class='tooltiptext'>Shown on hover\
             </span></span> word.</p>\
             <div><span class='icon-tooltip-text'>Recycled</span><button>i</button></div>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        // The element opening a bubble keeps its word; a bubble that is its block's only
        // text (an icon's label) stays.
        assert_eq!(
            texts,
            [
                "Watch the churn each month.",
                "Ask us.",
                "Try the hover word.",
                "Recycled"
            ]
        );
    }

    #[test]
    fn a_custom_element_holding_blocks_ends_the_text_before_it() {
        let b = blocks(
            "<h4>Cup style<info-tip><div>Explained at length.</div></info-tip></h4>\
             <p>Updated <relative-time>Mar 8</relative-time></p>",
        );
        let kinds: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(kinds[0], (BlockKind::Heading { level: 4 }, "Cup style"));
        assert_eq!(kinds[2], (BlockKind::Paragraph, "Updated Mar 8"));
    }

    #[test]
    fn double_line_breaks_split_paragraphs() {
        let b = blocks("<div>First line<br>same para<br><br>Second para</div>");
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First line\nsame para", "Second para"]);
    }
}
