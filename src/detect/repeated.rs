//! Lines repeated within one page: a short block whose folded text occurs several times on
//! the page (a category label over every teaser, "Reply" under every comment, a menu printed
//! in both header and footer) is template, whatever its wording.
//!
//! Only short blocks count: a long paragraph that repeats is a quote or a duplicated
//! summary, which this detector leaves to others. Table rows are not counted (cells repeat
//! "Yes" and "—" legitimately), nor are labels that repeat once per card of one list (each
//! product card of a grid says "Color" and "Free shipping": the fields of the cards). A
//! price keeps its digits: the prices of a rail's cards do not make the product's own price
//! a label; so does a measured field (`Memory: 16 GB RAM` is not `Memory: 4 GB RAM`).

use rustc_hash::FxHashMap as HashMap;

use super::{fold, Detector, Page, Signal, Verdict};
use crate::blocks::BlockKind;
use crate::dom::Dom;

/// Longest block, in words, that counts as a repeated label.
const MAX_WORDS: usize = 6;

/// The key under which copies of a label are counted: its folded text, but a price keeps
/// its digits ("EUR 29.00" and "EUR 38.50" are not one label).
pub(crate) fn label_key(text: &str) -> String {
    label_key_with(text, || fold(text))
}

/// [`label_key`] with the text's fold given by the caller (a page's cached one).
fn label_key_with(text: &str, folded: impl FnOnce() -> String) -> String {
    if super::teaser_cards::is_price(text) {
        text.trim().to_lowercase()
    } else {
        folded()
    }
}

/// Most words of the label of a field line.
const FIELD_LABEL_WORDS: usize = 3;

/// Most words of the value of a field line.
const FIELD_VALUE_WORDS: usize = 6;

/// Most fields of one block read as field lines (`Posts: 116 Threads: 23 Joined: Feb 2019`).
const MAX_FIELDS: usize = 6;

/// The labels of a short field line, `Label: value` (`Posts: 138`, `Joined: Jun 2016`,
/// `Location: Leeds`), or of a block of such fields in a row (`Posts: 116 Threads: 23`): a
/// first label of at most [`FIELD_LABEL_WORDS`] words without digits, each further label
/// one such word ending in a colon, and values of one to [`FIELD_VALUE_WORDS`] words, the
/// first not the rest of an address or a path (`https://…`, `C:\…`).
pub(crate) fn field_labels(text: &str) -> Option<Vec<&str>> {
    let (first, rest) = text.trim().split_once(':')?;
    let first = first.trim();
    let rest = rest.trim_start();
    if !(1..=FIELD_LABEL_WORDS).contains(&first.split_whitespace().count())
        || !is_label_text(first)
        || rest.starts_with(['/', '\\'])
    {
        return None;
    }
    let mut labels = vec![first];
    let mut value_words = 0;
    for word in rest.split_whitespace() {
        match word.strip_suffix(':') {
            Some(label) if is_label_text(label) => {
                if value_words == 0 || labels.len() == MAX_FIELDS {
                    return None;
                }
                labels.push(label);
                value_words = 0;
            }
            _ => {
                value_words += 1;
                if value_words > FIELD_VALUE_WORDS {
                    return None;
                }
            }
        }
    }
    // A list of things (`Pros: light, quiet, cheap`) is what someone wrote, not a fact of
    // a profile.
    (value_words > 0 && rest.matches(',').count() <= 1).then_some(labels)
}

/// Whether a field's label reads as one: two letters or more, and nothing but letters,
/// spaces and `.`, `/`, `-`, `'` (no digits: `Size 10:` is no label).
fn is_label_text(label: &str) -> bool {
    label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '/' | '-' | '\''))
}

/// The key under which a field line is counted: its folded labels, each followed by a
/// colon (a label alone is counted apart from field lines).
fn fields_key(labels: &[&str]) -> String {
    let mut key = String::new();
    for label in labels {
        key.push_str(&fold(label));
        key.push(':');
    }
    key
}

/// Labels of the date a poster joined the forum, as forum software prints them beside every
/// post (folded).
const MEMBER_SINCE_LABELS: &[&str] = &[
    "joined",
    "join date",
    "registered",
    "member since",
    "registration date",
    "beigetreten",
    "registriert",
    "registriert seit",
    "mitglied seit",
    "anmeldedatum",
    "inscrit",
    "inscrit le",
    "inscription",
    "membre depuis",
    "date d inscription",
    "registrado",
    "miembro desde",
    "fecha de registro",
    "registrato",
    "iscritto",
    "iscritto il",
    "membro dal",
    "membro desde",
    "lid sinds",
    "geregistreerd",
    "registrerad",
    "medlem sedan",
    "dołączył",
    "rejestracja",
    "зарегистрирован",
    "регистрация",
    "katılım",
    "kayıt tarihi",
];

/// Labels of a poster's counts as forum software prints them beside every post, the value a
/// number (folded): messages written, likes and points earned.
const POSTER_COUNT_LABELS: &[&str] = &[
    "messages",
    "posts",
    "likes received",
    "reaction score",
    "trophy points",
    "best answers",
    "reputation",
    "beiträge",
    "mensajes",
    "messaggi",
    "berichten",
    "inlägg",
    "posty",
    "сообщения",
    "сообщений",
    "mesajlar",
];

/// Fewest posts that show their poster's profile for a page to read as a thread.
const MIN_PROFILES: usize = 3;

/// Which profile label a folded label is, if any: every join-date label counts as one (the
/// first of [`MEMBER_SINCE_LABELS`]), a count label as itself.
fn profile_label(folded: &str) -> Option<&'static str> {
    if MEMBER_SINCE_LABELS.contains(&folded) {
        return Some(MEMBER_SINCE_LABELS[0]);
    }
    POSTER_COUNT_LABELS
        .iter()
        .copied()
        .find(|&label| label == folded)
}

/// Whether a page shows a poster's profile beside each of several posts: one profile label
/// (the date a member joined, `Joined: Feb 2019`, `Registriert: 12.03.2011`, or a count,
/// `Messages: 1,046`, `Trophy Points: 113`) given with a value with digits at least
/// [`MIN_PROFILES`] times, as a field line or as a label alone whose value is the next block
/// (a `<dt>` and its `<dd>`), or two such labels twice each (two posts, each with its
/// poster's join date and post count). Forum software prints them whatever the page
/// declares; no article or shop writes them.
pub fn shows_poster_profiles(page: &Page<'_>) -> bool {
    let mut seen: HashMap<&'static str, usize> = HashMap::default();
    let mut sighting = |label: &'static str| {
        let count = seen.entry(label).or_insert(0);
        *count += 1;
        *count >= MIN_PROFILES
            || (*count >= 2 && seen.values().filter(|&&count| count >= 2).count() >= 2)
    };
    for (index, block) in page.blocks.iter().enumerate() {
        if block.features.words > MAX_FIELDS * (FIELD_LABEL_WORDS + FIELD_VALUE_WORDS) {
            continue;
        }
        if !block.text.contains(|c: char| c.is_ascii_digit()) {
            // A label alone, its value the next block.
            if block.features.words > FIELD_LABEL_WORDS {
                continue;
            }
            let valued = page.blocks.get(index + 1).is_some_and(|next| {
                next.features.words <= FIELD_VALUE_WORDS
                    && next.text.contains(|c: char| c.is_ascii_digit())
            });
            if valued {
                if let Some(label) = profile_label(page.folded(index)) {
                    if sighting(label) {
                        return true;
                    }
                }
            }
            continue;
        }
        let Some(labels) = field_labels(&block.text) else {
            continue;
        };
        for label in labels {
            if let Some(label) = profile_label(&fold(label)) {
                if sighting(label) {
                    return true;
                }
            }
        }
    }
    false
}

/// The repeated-in-page detector.
pub struct RepeatedInPage;

impl Detector for RepeatedInPage {
    fn name(&self) -> &'static str {
        "repeated-in-page"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let mut counts: HashMap<String, Vec<usize>> = HashMap::default();
        // Whether the page shows posters' profiles, found when first needed.
        let mut profiles: Option<bool> = None;
        let post_dates = page.post_dates();
        let names = page.poster_names();
        for (index, block) in page.blocks.iter().enumerate() {
            if !matches!(block.kind, BlockKind::TableRow { .. } | BlockKind::Code) {
                if let Some(times) = repeats_one_phrase(&block.text, block.features.words) {
                    out.push(Verdict::new(
                        index,
                        Signal::Chrome,
                        1.0,
                        self.name(),
                        format!("one short phrase said {times} times over (a ticker)"),
                    ));
                    continue;
                }
            }
            if block.features.words == 0
                || matches!(block.kind, BlockKind::TableRow { .. } | BlockKind::Code)
            {
                continue;
            }
            // On a discussion a field of the poster's profile (`Posts: 138`, `Location:
            // Leeds`) is counted by its label too: its values differ from post to post.
            // (The reviews under a product say `Size: M` as the product itself does.)
            if page.kinds.discussion && !page.kinds.product {
                if let Some(labels) = field_labels(&block.text) {
                    counts.entry(fields_key(&labels)).or_default().push(index);
                }
            }
            if block.features.words > MAX_WORDS {
                continue;
            }
            // The date over each post of a thread repeats when posts share a day; it is
            // the thread's all the same.
            if post_dates.as_ref().is_some_and(|p| p[index])
                || names.as_ref().is_some_and(|n| n[index])
            {
                continue;
            }
            // A measured field keeps its figures (`Memory: 4 GB RAM` under minimum and
            // `Memory: 16 GB RAM` under recommended requirements are two facts); beside the
            // posts of a discussion a profile's counts (`Posts: 138`) are template whatever
            // the figure.
            let measured = !page.kinds.discussion
                && is_measured_field(&block.text)
                && !*profiles.get_or_insert_with(|| shows_poster_profiles(page));
            let key = if measured {
                block.text.trim().to_lowercase()
            } else {
                label_key_with(&block.text, || page.folded(index).to_string())
            };
            if key.is_empty() {
                continue;
            }
            counts.entry(key).or_default().push(index);
        }
        // Text input has no markup: its cards are runs of lines without a blank line
        // between them (what the text renderer writes for a card of a listing).
        let runs = (page.dom.is_none()).then(|| TextRuns::of(page.blocks));
        // Text input: the values of a listing's entries (a location, a tag) repeat in some
        // entries, beside each entry's own lines; see [`EntryValues`].
        let values = (page.dom.is_none()).then(|| EntryValues::of(page.blocks, &counts));
        for (key, sightings) in &counts {
            // Field lines counted by their labels are a profile's when beside several
            // posts; two may be a product's size and a review's.
            let least = if key.ends_with(':') { MIN_PROFILES } else { 2 };
            if sightings.len() < least {
                continue;
            }
            // A card that prints its title twice (an image link and a heading, a layout per
            // screen size) names one item: the copies go, and the card counts once.
            let cards = page.dom.map(|dom| one_per_card(page, dom, sightings));
            let indices = match &cards {
                Some(cards) => {
                    for &copy in &cards.copies {
                        let what = if super::teaser_cards::is_price(&page.blocks[copy].text) {
                            "price"
                        } else {
                            "title"
                        };
                        out.push(Verdict::new(
                            copy,
                            Signal::Chrome,
                            1.0,
                            self.name(),
                            format!("repeats the {what} of its card"),
                        ));
                    }
                    &cards.titles
                }
                None => sightings,
            };
            if indices.len() < 2 {
                continue;
            }
            if values
                .as_ref()
                .is_some_and(|v| v.are_values(page.blocks, indices))
            {
                continue;
            }
            let fields = match (page.dom, &runs) {
                (Some(dom), _) => in_separate_cards(page, dom, indices),
                (None, Some(runs)) => runs.in_separate_cards(indices),
                (None, None) => false,
            };
            let linked = |i: usize| page.blocks[i].features.link_density() >= 0.5;
            // On a discussion the cards are posts, and a plain label printed in three or
            // more of them (a member title, `Quote`) is the template's; a poster's name
            // repeats too, but as a link to the profile, and a greeting or a thanks that
            // several posters write ends with punctuation (`Hello,`, `Thanks!`).
            let template_of_posts = page.kinds.discussion
                && indices.len() >= 3
                && !indices.iter().any(|&i| linked(i))
                && !page.blocks[indices[0]]
                    .text
                    .trim_end()
                    .ends_with([',', '!', '.', '?']);
            if fields && !template_of_posts {
                continue;
            }
            // A grid of cards printed again for each tab or toggle (monthly and annual
            // plans, one grid per audience): the first grid's labels are its cards' fields,
            // the later grids' go.
            let first_grid = if page.kinds.discussion {
                0
            } else {
                page.dom
                    .map_or(0, |dom| first_grid_of_copies(page, dom, indices))
            };
            if first_grid > 0 {
                let n = indices.len();
                for &index in &indices[first_grid..] {
                    out.push(Verdict::new(
                        index,
                        Signal::Chrome,
                        0.8,
                        self.name(),
                        format!("occurs {n} times on the page"),
                    ));
                }
                continue;
            }
            // A field that each section of the document gives (`Team size: 50`, a
            // `Key features` heading under each product of a round-up) is its text.
            if !page.kinds.discussion
                && page
                    .dom
                    .is_some_and(|dom| in_separate_sections(dom, page.blocks, indices))
            {
                continue;
            }
            // The values of a grid of fields (`Palm rest included` / `No`, `Low profile` /
            // `No`) repeat under labels that differ: they are the fields' values.
            if values_of_fields(page.blocks, indices) {
                continue;
            }
            let n = indices.len();
            // Two sightings are weak evidence, three or more strong.
            let weight = if n >= 3 { 0.8 } else { 0.55 };
            // A section printed twice (a layout per screen size, a tab and its accordion)
            // is the page's: its first copy stays, the second goes. Whether or not the
            // page declares a product (a spec table, an article's section on a page with
            // no structured data), but not on a discussion, whose twin sections are the
            // thread's counts (replies, views) printed in its header and its sidebar. In
            // plain text, where no link shows a menu, only on a declared product.
            let first_copy = (n == 2
                && !page.kinds.discussion
                && (page.kinds.product || page.dom.is_some())
                && page.kinds.products <= 1
                && !indices.iter().any(|&i| linked(i))
                && twin_run(page.blocks, indices[0], indices[1]) >= TWIN_RUN_MIN)
                .then_some(indices[0])
                .or_else(|| {
                    // The first of a spec line's copies is the spec (see [`is_spec_line`]).
                    (!page.kinds.discussion
                        && is_spec_line(page.blocks, indices[0])
                        && !*profiles.get_or_insert_with(|| shows_poster_profiles(page)))
                    .then_some(indices[0])
                });
            // A line whose other copies are all quoted or clamped excerpts (a reply quoting
            // the post it answers, or previewing it) is the post's own text: quoting it
            // makes no template of it.
            let quoted_post = page.dom.and_then(|dom| {
                let mut unquoted = indices
                    .iter()
                    .filter(|&&o| !in_quote_or_excerpt(dom, &page.blocks[o]));
                let post = unquoted.next().copied();
                unquoted.next().is_none().then_some(post).flatten()
            });
            for &index in indices {
                if first_copy == Some(index) && !shows_a_price(&page.blocks[index].text) {
                    continue;
                }
                if quoted_post == Some(index) {
                    continue;
                }
                // A section heading repeated by the page's own table of contents (as links)
                // is the heading, not a template label.
                let block = &page.blocks[index];
                if block.kind.is_heading() && !linked(index) && indices.iter().any(|&o| linked(o)) {
                    continue;
                }
                // A heading of the page whose other copies are all in its menus, sidebar
                // or footer (a category tile's title the menu lists too) is the heading.
                if block.kind.is_heading()
                    && page.dom.is_some_and(|dom| {
                        !in_page_chrome(dom, block)
                            && indices
                                .iter()
                                .filter(|&&o| o != index)
                                .all(|&o| in_page_chrome(dom, &page.blocks[o]))
                    })
                {
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

/// Whether a block sits in a quotation (`<blockquote>`, `<q>`) or in an excerpt clamped
/// to a line or a few (`line-clamp-1`: a reply's preview of the post it answers).
fn in_quote_or_excerpt(dom: &Dom, block: &crate::blocks::Block) -> bool {
    block.ancestors.iter().any(|&a| {
        let node = dom.node(a);
        node.local_name().is_some_and(crate::dom::is_quotation_tag)
            || node.attr("class").is_some_and(|c| {
                c.split_ascii_whitespace()
                    .any(|n| n.starts_with("line-clamp"))
            })
    })
}

/// Whether a block sits in the page's chrome elements: a `<nav>`, `<footer>`, `<header>`
/// or `<aside>`.
fn in_page_chrome(dom: &Dom, block: &crate::blocks::Block) -> bool {
    block.ancestors.iter().any(|&a| {
        dom.node(a)
            .local_name()
            .is_some_and(|t| matches!(&**t, "nav" | "footer" | "header" | "aside"))
    })
}

/// Whether each sighting of a text sits in a different section of one flat document body:
/// all are children of one element (or items of lists that are), and between two sightings
/// that element holds a heading of its own and a line longer than a label (the sections of
/// a round-up, each giving the same fields), headings each time or none. A menu
/// printed twice has no prose between its copies in one element.
fn in_separate_sections(dom: &Dom, blocks: &[crate::blocks::Block], indices: &[usize]) -> bool {
    // The element whose children hold the block: its parent, or the parent of its list.
    let body_of = |b: &crate::blocks::Block| {
        let a = &b.ancestors;
        let parent = *a.get(a.len().checked_sub(2)?)?;
        let in_list = dom
            .node(parent)
            .local_name()
            .is_some_and(|n| matches!(&**n, "ul" | "ol"));
        if in_list {
            a.get(a.len().checked_sub(3)?).copied()
        } else {
            Some(parent)
        }
    };
    let Some(body) = body_of(&blocks[indices[0]]) else {
        return false;
    };
    // Headings each time or none: a contents list that repeats the headings is no field.
    let heading = blocks[indices[0]].kind.is_heading();
    if indices
        .iter()
        .any(|&i| body_of(&blocks[i]) != Some(body) || blocks[i].kind.is_heading() != heading)
    {
        return false;
    }
    indices.windows(2).all(|pair| {
        let between = &blocks[pair[0] + 1..pair[1]];
        let own = |b: &&crate::blocks::Block| body_of(b) == Some(body);
        between.iter().filter(own).any(|b| b.kind.is_heading())
            && between
                .iter()
                .filter(own)
                .any(|b| b.features.words > MAX_WORDS)
    })
}

/// Whether each of the blocks at `indices` is the value of a field ([`is_field_value`]) and
/// their labels all differ. A label printed again in each card of a template has the same
/// block before it.
fn values_of_fields(blocks: &[crate::blocks::Block], indices: &[usize]) -> bool {
    let mut labels: Vec<&str> = Vec::with_capacity(indices.len());
    for &i in indices {
        if !is_field_value(blocks, i) || labels.contains(&blocks[i - 1].text.as_str()) {
            return false;
        }
        labels.push(&blocks[i - 1].text);
    }
    true
}

/// Whether block `i` is the value of a field: the second of the two blocks of one row
/// element (a label and its value of a few words each, laid out side by side: `Board type`
/// / `Straight`), the row holding no block before the label nor after the value. A value
/// is no sentence and no label (it ends without a full stop or a colon).
pub(crate) fn is_field_value(blocks: &[crate::blocks::Block], i: usize) -> bool {
    let Some(label) = i.checked_sub(1).map(|l| &blocks[l]) else {
        return false;
    };
    let value = &blocks[i];
    if label.features.words == 0
        || label.features.words > MAX_WORDS
        || label.features.link_density() >= 0.5
        || value.features.words > MAX_WORDS
        || value.text.trim_end().ends_with([':', '.', '!', '?'])
    {
        return false;
    }
    // The row: the deepest element around both.
    let shared = label
        .ancestors
        .iter()
        .zip(&value.ancestors)
        .take_while(|(a, b)| a == b)
        .count();
    let Some(&row) = shared.checked_sub(1).map(|d| &value.ancestors[d]) else {
        return false;
    };
    let inside = |b: Option<&crate::blocks::Block>| b.is_some_and(|b| b.ancestors.contains(&row));
    shared < label.ancestors.len()
        && shared < value.ancestors.len()
        && !inside(i.checked_sub(2).map(|p| &blocks[p]))
        && !inside(blocks.get(i + 1))
}

/// Fewest blocks in a row that two copies of a section share to be one section printed
/// twice rather than a label repeated.
const TWIN_RUN_MIN: usize = 3;

/// How many blocks in a row, around the blocks `a` and `b` (`a` before `b`), read the same
/// at `a` and at `b`, counted up to [`TWIN_RUN_MIN`]: whether the page prints one section
/// twice. The first copy ends before the second begins. The count stops at the minimum, so
/// a page printed twice whole costs a few comparisons per block, not a run per block.
fn twin_run(blocks: &[crate::blocks::Block], a: usize, b: usize) -> usize {
    let same = |x: usize, y: usize| {
        let (bx, by) = (&blocks[x], &blocks[y]);
        bx.features.words > 0 && bx.text.len() == by.text.len() && bx.text == by.text
    };
    let mut back = 0;
    while back < TWIN_RUN_MIN && back < a && same(a - back - 1, b - back - 1) {
        back += 1;
    }
    let mut forward = 0;
    while back + forward < TWIN_RUN_MIN
        && a + forward < b
        && b + forward < blocks.len()
        && same(a + forward, b + forward)
    {
        forward += 1;
    }
    back + forward
}

/// Whether a line shows a price or an amount of money (`$98.00`, `GBP: $110.82`): the
/// price widget of a section printed twice (a currency switcher, a sticky buy bar) is not
/// the product's text.
fn shows_a_price(text: &str) -> bool {
    super::teaser_cards::is_price(text) || text.contains(['$', '€', '£', '¥', '₹'])
}

/// Whether block `i` is a line of a spec list: an item of a list that reads as a field
/// line (`Memory: 8 GB RAM`, `Network: Broadband Internet connection`), beside an item of
/// the same list that is a field line under another label. Specs given for each variant
/// (a game's minimum and recommended systems, a product's sizes) share some of their
/// lines word for word; the first copy is the document's, as the first copy of a section
/// printed twice is.
fn is_spec_line(blocks: &[crate::blocks::Block], i: usize) -> bool {
    let block = &blocks[i];
    let list = |b: &crate::blocks::Block| {
        matches!(b.kind, BlockKind::ListItem { .. })
            .then(|| b.ancestors.len().checked_sub(2).map(|d| b.ancestors[d]))
            .flatten()
    };
    let (Some(own_list), Some(labels)) = (list(block), field_labels(&block.text)) else {
        return false;
    };
    // The item beside it may give a long value (`Processor: AMD FX 4350 or Equivalent,
    // Intel Core i3 6300 or Equivalent`): its label is what makes it a field.
    let other_field = |j: usize| {
        blocks.get(j).is_some_and(|b| {
            list(b) == Some(own_list)
                && leading_label(&b.text).is_some_and(|l| fold(l) != fold(labels[0]))
        })
    };
    (i > 0 && other_field(i - 1)) || other_field(i + 1)
}

/// The label of a line that opens with one (`Processor: …`, `Graphics: …`): at most
/// [`FIELD_LABEL_WORDS`] words of letters before a colon, and a value after it, however
/// long.
fn leading_label(text: &str) -> Option<&str> {
    let (label, value) = text.trim().split_once(':')?;
    let label = label.trim();
    ((1..=FIELD_LABEL_WORDS).contains(&label.split_whitespace().count())
        && is_label_text(label)
        && !value.trim().is_empty())
    .then_some(label)
}

/// Whether a block is a field line whose value has a figure (`Memory: 16 GB RAM`,
/// `Weight: 218 g`): a measured fact, which another field with the same label but another
/// figure does not repeat.
fn is_measured_field(text: &str) -> bool {
    field_labels(text).is_some_and(|labels| labels.len() == 1)
        && text
            .split_once(':')
            .is_some_and(|(_, value)| value.contains(|c: char| c.is_ascii_digit()))
}

/// Fewest times a block says its one phrase to be a ticker.
const TICKER_MIN_TIMES: usize = 4;

/// Longest phrase, in words, a ticker repeats.
const TICKER_MAX_PHRASE_WORDS: usize = 4;

/// Most words of a block tested for a ticker (a ticker is one line of a banner).
const TICKER_MAX_WORDS: usize = 200;

/// How many times a block says one short phrase over and over and nothing else ("Book
/// Now * Book Now * Book Now * Book Now…", "Swatch Swatch Swatch Swatch"): a scrolling ticker or a row of
/// icons' labels is a banner, not a sentence. Words are compared without case and
/// punctuation; a phrase of up to [`TICKER_MAX_PHRASE_WORDS`] words said at least
/// [`TICKER_MIN_TIMES`] times.
fn repeats_one_phrase(text: &str, words: usize) -> Option<usize> {
    if !(TICKER_MIN_TIMES..=TICKER_MAX_WORDS).contains(&words) {
        return None;
    }
    let words_of = || {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    // The first word comes back within the next phrase's length, or there is no ticker:
    // most blocks are ruled out here without collecting their words.
    let mut head = words_of();
    let first = head.next()?;
    if !head
        .take(TICKER_MAX_PHRASE_WORDS)
        .any(|w| w.eq_ignore_ascii_case(first))
    {
        return None;
    }
    let tokens: Vec<&str> = words_of().collect();
    let len = tokens.len();
    (1..=TICKER_MAX_PHRASE_WORDS).find_map(|n| {
        let times = len / n;
        (len % n == 0
            && times >= TICKER_MIN_TIMES
            && tokens.chunks(n).skip(1).all(|c| {
                c.iter()
                    .zip(&tokens[..n])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            }))
        .then_some(times)
    })
}

/// The runs of adjacent lines of text input (no blank line between them), and which of
/// them hold a line longer than any label.
struct TextRuns {
    /// Per block, the index of its run.
    run_of: Vec<usize>,
    /// Per run, whether it holds a line of more than [`MAX_WORDS`] words.
    has_text: Vec<bool>,
}

impl TextRuns {
    fn of(blocks: &[crate::blocks::Block]) -> TextRuns {
        let mut run_of = Vec::with_capacity(blocks.len());
        let mut has_text: Vec<bool> = Vec::new();
        for block in blocks {
            if !block.joins_previous || has_text.is_empty() {
                has_text.push(false);
            }
            let run = has_text.len() - 1;
            has_text[run] |= block.features.words > MAX_WORDS;
            run_of.push(run);
        }
        TextRuns { run_of, has_text }
    }

    /// Whether each sighting sits in a different run that holds text besides labels: the
    /// fields of a listing's entries as the text renderer writes them (`Acme Ltd` /
    /// `one line of summary` / `Full-time`), which cleaning the clean text again must keep.
    /// A menu printed twice is a run of labels alone, and stays template.
    fn in_separate_cards(&self, indices: &[usize]) -> bool {
        let mut runs: Vec<usize> = indices.iter().map(|&i| self.run_of[i]).collect();
        runs.dedup();
        runs.len() == indices.len() && runs.iter().all(|&r| self.has_text[r])
    }
}

/// Fewest words of an entry's own line (its title) beside a value.
const OWN_LINE_WORDS: usize = MAX_WORDS + 1;

/// The repeated lines of text input, to tell the values of a listing's entries from its
/// template: a value (`Remote, Canada only`, `Python`) is printed by some entries, each time
/// beside a line of the entry's own (its title), while the template's labels and buttons
/// (`Apply now`) are printed by every entry, the most repeated line of the page.
struct EntryValues {
    /// Per block, whether its text occurs more than once on the page.
    repeated: Vec<bool>,
    /// The most sightings of one text on the page.
    most: usize,
}

impl EntryValues {
    fn of(blocks: &[crate::blocks::Block], counts: &HashMap<String, Vec<usize>>) -> EntryValues {
        // Longer lines are not counted as labels: a paragraph printed twice (a stacked
        // article's author note) is no entry's own line either.
        let mut texts: HashMap<&str, usize> = HashMap::default();
        for block in blocks {
            *texts.entry(block.text.trim()).or_default() += 1;
        }
        let mut repeated: Vec<bool> = blocks.iter().map(|b| texts[b.text.trim()] > 1).collect();
        let mut most = 0;
        for sightings in counts.values().filter(|s| s.len() >= 2) {
            most = most.max(sightings.len());
            for &i in sightings {
                if let Some(r) = repeated.get_mut(i) {
                    *r = true;
                }
            }
        }
        EntryValues { repeated, most }
    }

    /// Whether the sightings are values of entries: fewer than the page's most repeated
    /// line, and each beside a line that occurs once (a menu printed again has only
    /// repeated lines around its items).
    fn are_values(&self, blocks: &[crate::blocks::Block], indices: &[usize]) -> bool {
        let own = |j: usize| {
            blocks
                .get(j)
                .is_some_and(|b| b.features.words >= OWN_LINE_WORDS)
                && !self.repeated.get(j).copied().unwrap_or(true)
        };
        indices.len() >= 3
            && indices.len() < self.most
            && indices.iter().all(|&i| (i > 0 && own(i - 1)) || own(i + 1))
    }
}

/// Most blocks from the first sighting of a text in a card to the last for the sightings
/// to be one title printed twice (a product card holds a handful of blocks).
const CARD_SPAN_BLOCKS: usize = 12;

/// Most levels above a block searched for the card that holds it.
const CARD_DEPTH: usize = 10;

/// Most children of one element looked at for siblings of a card.
const CARD_SIBLINGS_SCANNED: usize = 64;

/// The sightings of a text, one per card: per card the title that stays (the copy that
/// is not a link, else its heading) and the other copies.
struct OnePerCard {
    titles: Vec<usize>,
    copies: Vec<usize>,
}

/// Splits the sightings of a text (in document order) into one title per card and the
/// copies a card prints again, close by.
fn one_per_card(page: &Page<'_>, dom: &Dom, sightings: &[usize]) -> OnePerCard {
    let mut groups: Vec<(Option<crate::dom::NodeId>, Vec<usize>)> = Vec::new();
    for &i in sightings {
        let card = card_of(dom, &page.blocks[i].ancestors);
        match groups.last_mut() {
            Some((Some(c), group)) if card == Some(*c) && i - group[0] <= CARD_SPAN_BLOCKS => {
                group.push(i)
            }
            _ => groups.push((card, vec![i])),
        }
    }
    let mut titles = Vec::with_capacity(groups.len());
    let mut copies = Vec::new();
    for (_, group) in groups {
        // Only a card that links its title (to the item it shows) is one item named
        // twice; the rows of a variant table repeat their labels as fields. A card that
        // prints one price twice (a store theme's regular and sale slots, one of them
        // hidden by the style sheet) shows one price.
        let linked = group
            .iter()
            .any(|&i| page.blocks[i].features.link_density() >= 0.5);
        let one_price = group.len() >= 2
            && group
                .iter()
                .all(|&i| super::teaser_cards::is_price(&page.blocks[i].text));
        if !linked && !one_price {
            titles.extend(group);
            continue;
        }
        // The copy that is text rather than a link, then a heading, then the first.
        let title = group
            .iter()
            .copied()
            .min_by_key(|&i| {
                let block = &page.blocks[i];
                (
                    block.features.link_density() >= 0.5,
                    !block.kind.is_heading(),
                    i,
                )
            })
            .unwrap_or(group[0]);
        titles.push(title);
        copies.extend(group.into_iter().filter(|&i| i != title));
    }
    OnePerCard { titles, copies }
}

/// The card that holds a block: the nearest element (the block's own included) that has a
/// class and at least two siblings of the same tag and class, as the cards of a grid do.
fn card_of(dom: &Dom, ancestors: &[crate::dom::NodeId]) -> Option<crate::dom::NodeId> {
    for &e in ancestors.iter().rev().take(CARD_DEPTH) {
        let node = dom.node(e);
        let (Some(tag), Some(class)) = (node.local_name(), node.attr("class")) else {
            continue;
        };
        if class.trim().is_empty() {
            continue;
        }
        let Some(parent) = node.parent else {
            continue;
        };
        let mut like = 0;
        let mut child = dom.node(parent).first_child;
        let mut scanned = 0;
        while let Some(c) = child {
            let n = dom.node(c);
            if n.local_name() == Some(tag) && n.attr("class") == Some(class) {
                like += 1;
                if like >= 3 {
                    return Some(e);
                }
            }
            scanned += 1;
            if scanned >= CARD_SIBLINGS_SCANNED {
                break;
            }
            child = n.next_sibling;
        }
    }
    None
}

/// The ancestor paths of the blocks `indices` and how many ancestors they all share (0 when
/// there are no blocks).
fn ancestor_paths<'p>(
    page: &'p Page<'_>,
    indices: &[usize],
) -> (Vec<&'p [crate::dom::NodeId]>, usize) {
    let paths: Vec<&[crate::dom::NodeId]> = indices
        .iter()
        .map(|&i| page.blocks[i].ancestors.as_slice())
        .collect();
    let common = paths.first().map_or(0, |first| {
        paths
            .iter()
            .map(|p| {
                first
                    .iter()
                    .zip(p.iter())
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .min()
            .unwrap_or(0)
    });
    (paths, common)
}

/// Whether each sighting of a text sits in a different card of one list: below one common
/// element, in children of that element with the same tag and class.
fn in_separate_cards(page: &Page<'_>, dom: &Dom, indices: &[usize]) -> bool {
    let (paths, common) = ancestor_paths(page, indices);
    if common == 0 {
        return false;
    }
    let mut cards = Vec::with_capacity(paths.len());
    for (path, &i) in paths.iter().zip(indices) {
        let Some(&card) = path.get(common) else {
            return false;
        };
        // The card must hold more than the label itself: an element of its own around
        // the label, or, for a linked title that is the card's own inline text (`<li><a>
        // Name</a><div>$20</div></li>`), the next block.
        if path.len() <= common + 1
            && !(page.blocks[i].features.link_density() >= 0.5
                && page
                    .blocks
                    .get(i + 1)
                    .is_some_and(|next| next.ancestors.contains(&card)))
        {
            return false;
        }
        cards.push(card);
    }
    let kind = |id| {
        let node = dom.node(id);
        (node.local_name(), node.attr("class"))
    };
    let first_kind = kind(cards[0]);
    let mut seen = cards.clone();
    seen.sort_unstable();
    seen.dedup();
    seen.len() == cards.len() && cards.iter().all(|&c| kind(c) == first_kind)
}

/// Fewest cards of a grid in which a label repeats for the grid printed again to be a grid
/// of cards ([`first_grid_of_copies`]).
const GRID_MIN_CARDS: usize = 2;

/// How many of the sightings of a label (in document order) belong to the first of several
/// copies of one grid of cards, 0 if they are no such thing: the sightings fall in two or
/// more sibling elements of one tag below their common element (the copies: a grid per
/// tab, per billing period, per screen size), each copy holding at least
/// [`GRID_MIN_CARDS`] sightings, each in a separate card of that copy
/// ([`in_separate_cards`]). A feature line of plan cards (`Dark Web Monitoring`) is a
/// field of each card; a menu printed twice holds each label once per copy.
fn first_grid_of_copies(page: &Page<'_>, dom: &Dom, indices: &[usize]) -> usize {
    let (paths, common) = ancestor_paths(page, indices);
    if common == 0 {
        return 0;
    }
    // The sightings grouped by copy, in document order.
    let mut groups: Vec<(crate::dom::NodeId, Vec<usize>)> = Vec::new();
    let mut copies: rustc_hash::FxHashSet<crate::dom::NodeId> = Default::default();
    for (path, &i) in paths.iter().zip(indices) {
        let Some(&copy) = path.get(common) else {
            return 0;
        };
        match groups.last_mut() {
            Some((c, group)) if *c == copy => group.push(i),
            _ => {
                if !copies.insert(copy) {
                    return 0;
                }
                groups.push((copy, vec![i]));
            }
        }
    }
    let tag = dom.node(groups[0].0).local_name();
    // A label that links (a product card's badge, a teaser's title) is a card of a rail.
    let linked = indices
        .iter()
        .any(|&i| page.blocks[i].features.link_density() >= 0.5);
    let grids = !linked
        && groups.len() >= 2
        && groups.iter().all(|(copy, group)| {
            dom.node(*copy).local_name() == tag
                && group.len() >= GRID_MIN_CARDS
                && in_separate_cards(page, dom, group)
        })
        && copies_first(page.blocks, (groups[0].0, groups[0].1[0]), (groups[1].0, groups[1].1[0]))
        // Plans and offers state their price; a review list printed per filter tab does not.
        && texts_inside(page.blocks, groups[0].0, groups[0].1[0])
            .iter()
            .any(|t| shows_a_price(t));
    if grids {
        groups[0].1.len()
    } else {
        0
    }
}

/// Least share of a grid's lines that another grid gives word for word for the two to be
/// copies of one grid (the plans of a toggle differ in their prices, the rows of one grid
/// in most of their lines: names, prices, ratings).
const GRID_COPY_SHARE: f32 = 0.6;

/// Most blocks of a grid compared with another ([`copies_first`]).
const GRID_BLOCKS_SCANNED: usize = 400;

/// The texts of the blocks inside `element`, the run of blocks around block `at`.
fn texts_inside(
    blocks: &[crate::blocks::Block],
    element: crate::dom::NodeId,
    at: usize,
) -> Vec<&str> {
    let inside = |j: usize| blocks[j].ancestors.contains(&element);
    let start = (0..=at)
        .rev()
        .take(GRID_BLOCKS_SCANNED)
        .take_while(|&j| inside(j))
        .last()
        .unwrap_or(at);
    (start..blocks.len())
        .take(GRID_BLOCKS_SCANNED)
        .take_while(|&j| inside(j))
        .filter(|&j| blocks[j].features.words > 0)
        .map(|j| blocks[j].text.as_str())
        .collect()
}

/// Whether the element `second.0` (around block `second.1`) copies the element `first.0`
/// (around block `first.1`): at least [`GRID_COPY_SHARE`] of its lines are lines of the
/// first.
fn copies_first(
    blocks: &[crate::blocks::Block],
    first: (crate::dom::NodeId, usize),
    second: (crate::dom::NodeId, usize),
) -> bool {
    let original = texts_inside(blocks, first.0, first.1);
    let copy = texts_inside(blocks, second.0, second.1);
    let shared = copy.iter().filter(|t| original.contains(t)).count();
    !copy.is_empty() && shared as f32 >= GRID_COPY_SHARE * copy.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeated(html: &str) -> Vec<String> {
        crate::detect::verdicts_on_html(&RepeatedInPage, html, Default::default())
            .into_iter()
            .map(|(text, _)| text)
            .collect()
    }

    #[test]
    fn a_grid_of_plans_printed_per_toggle_keeps_its_first_copy() {
        let plan = |name: &str, price: &str| {
            format!(
                "<div class='plan'><h4>{name}</h4><p>{price}</p>\
                 <ul><li>Email support</li><li>Daily backups</li></ul></div>"
            )
        };
        let grid = |a: &str, b: &str| {
            format!(
                "<div class='grid'>{}{}</div>",
                plan("Starter", a),
                plan("Business", b)
            )
        };
        let html = format!(
            "<html><body><main><h1>Pricing</h1><p>A long enough introduction to our plans.</p>\
             <div class='toggle'><div id='monthly'>{}</div><div id='yearly'>{}</div></div>\
             </main></body></html>",
            grid("$9 per month", "$29 per month"),
            grid("$90 per year", "$290 per year")
        );
        let got = repeated(&html);
        // Two copies of each feature line go (the yearly grid's), two stay.
        assert_eq!(got.iter().filter(|t| *t == "Daily backups").count(), 2);
        // Without prices the copies are no plans (a review list per filter tab): all go.
        let html = html.replace('$', "");
        let got = repeated(&html);
        assert_eq!(got.iter().filter(|t| *t == "Daily backups").count(), 4);
    }

    #[test]
    fn a_spec_line_shared_by_two_spec_lists_keeps_its_first_copy() {
        let specs = |os: &str, cpu: &str| {
            format!(
                "<ul><li>OS: {os}</li><li>Processor: {cpu}</li><li>Memory: 8 GB RAM</li>\
                 <li>Network: Broadband Internet connection</li></ul>"
            )
        };
        let html = format!(
            "<html><body><main><h1>A game</h1><p>A long enough description of the game.</p>\
             <div class='minimum'><h3>Minimum</h3>{}</div>\
             <div class='recommended'><h3>Recommended</h3>{}</div></main></body></html>",
            specs("Windows 10", "Dual core 2 GHz"),
            specs("Windows 11", "Quad core 3 GHz")
        );
        let got = repeated(&html);
        assert_eq!(got.iter().filter(|t| *t == "Memory: 8 GB RAM").count(), 1);
        assert_eq!(
            got.iter()
                .filter(|t| *t == "Network: Broadband Internet connection")
                .count(),
            1
        );
        // A label repeated in a menu is no spec line: every copy goes.
        let menu = "<ul><li>Shop</li><li>Help: contact us</li></ul>";
        let html = format!(
            "<html><body><header>{menu}</header><p>Text.</p><footer>{menu}</footer></body></html>"
        );
        assert_eq!(
            repeated(&html)
                .iter()
                .filter(|t| *t == "Help: contact us")
                .count(),
            2
        );
    }

    #[test]
    fn a_posters_counts_beside_each_post_are_template_whatever_their_figures() {
        let post = |name: &str, posts: &str, joined: &str| {
            format!(
                "{name}\nPosts: {posts}\nJoined: {joined}\n\nA reply long enough to be a \
                 post of the thread about the Sunday bus timetable.\n\nQuote\nReply\n\n"
            )
        };
        let v = repeated_in_text(&format!(
            "Sunday buses\n\n{}{}{}",
            post("oldgardener", "1204", "Mar 2011"),
            post("mira_k", "87", "Jan 2022"),
            post("tobias", "560", "Aug 2016")
        ));
        assert_eq!(
            v.iter().filter(|t| t.contains("Posts:")).count(),
            3,
            "{v:?}"
        );
    }

    #[test]
    fn a_spec_line_between_long_fields_keeps_its_first_copy() {
        let specs = |cpu: &str| {
            format!(
                "<ul><li>Requires a 64-bit processor and operating system</li>\
                 <li>OS: Windows 10</li><li>Processor: {cpu}</li></ul>"
            )
        };
        let html = format!(
            "<html><body><main><h1>A game</h1><p>A long enough description of the game.</p>\
             <div class='minimum'><h3>Minimum</h3>{}</div>\
             <div class='recommended'><h3>Recommended</h3>{}</div></main></body></html>",
            specs("Dual core at 2 GHz or an equivalent chip from another maker of the time"),
            specs("Quad core at 3 GHz or an equivalent chip from another maker of the time")
        );
        let got = repeated(&html);
        assert_eq!(
            got.iter().filter(|t| *t == "OS: Windows 10").count(),
            1,
            "{got:?}"
        );
    }

    #[test]
    fn spec_lines_with_other_figures_are_other_facts() {
        let specs = |memory: &str| {
            format!(
                "<ul><li>OS: A recent system</li><li>Memory: {memory} GB RAM</li>\
                 <li>Storage: 70 GB available space</li></ul>"
            )
        };
        let html = format!(
            "<html><body><main><h1>A game</h1><p>A long enough description of the game.</p>\
             <div class='minimum'><h3>Minimum</h3>{}</div>\
             <div class='recommended'><h3>Recommended</h3>{}</div></main></body></html>",
            specs("4"),
            specs("16")
        );
        let got = repeated(&html);
        // The memory lines differ by their figure: neither is a copy of the other.
        assert!(!got.iter().any(|t| t.starts_with("Memory")), "{got:?}");
        // The storage line printed twice is one fact: its second copy goes.
        assert_eq!(
            got.iter()
                .filter(|t| *t == "Storage: 70 GB available space")
                .count(),
            1
        );
    }

    #[test]
    fn a_product_section_printed_twice_keeps_its_first_copy_but_no_price() {
        let section = "<h3>Specifications</h3><p>Manufacturer</p><p>Acme</p><p>$12.00</p>";
        // One copy in the page's body, one in a drawer for small screens: not two cards.
        let html = format!(
            "<html><body><main><h1>A</h1><p>A long enough description of the product.</p>\
             {section}</main><aside><div><p>Menu</p>{section}</div></aside></body></html>"
        );
        let kinds = crate::detect::PageKinds {
            product: true,
            ..Default::default()
        };
        let got: Vec<String> = crate::detect::verdicts_on_html(&RepeatedInPage, &html, kinds)
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        assert_eq!(got.iter().filter(|t| *t == "Specifications").count(), 1);
        assert_eq!(got.iter().filter(|t| *t == "Acme").count(), 1);
        assert_eq!(got.iter().filter(|t| *t == "$12.00").count(), 2);
    }

    #[test]
    fn a_section_printed_twice_keeps_its_first_copy_on_an_undeclared_page() {
        let section = "<h3>Specifications</h3><p>Manufacturer</p><p>Acme</p>";
        let html = format!(
            "<html><body><main><h1>A</h1><p>A long enough description of the product.</p>\
             {section}</main><aside><div><p>Menu</p>{section}</div></aside></body></html>"
        );
        let got = repeated(&html);
        assert_eq!(got.iter().filter(|t| *t == "Specifications").count(), 1);
        assert_eq!(got.iter().filter(|t| *t == "Acme").count(), 1);
        // On a discussion both copies go.
        let kinds = crate::detect::PageKinds {
            discussion: true,
            ..Default::default()
        };
        let got: Vec<String> = crate::detect::verdicts_on_html(&RepeatedInPage, &html, kinds)
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        assert_eq!(got.iter().filter(|t| *t == "Acme").count(), 2);
    }

    #[test]
    fn a_field_given_under_each_heading_of_a_round_up_is_text() {
        let entry = |name: &str| {
            format!(
                "<h3>{name}</h3><p>Team size: 50 employees</p>\
                 <p>{name} is an agency that builds brands for small shops and cafes.</p>"
            )
        };
        let html = format!(
            "<h1>Best agencies</h1><div class='body'>{}{}{}</div>\
             <div><p>Share this</p></div><footer><p>Share this</p></footer>",
            entry("Acme"),
            entry("Bolt"),
            entry("Cobalt")
        );
        assert_eq!(repeated(&html), ["Share this", "Share this"]);
    }

    #[test]
    fn a_list_item_given_under_each_heading_of_a_round_up_is_text() {
        // One entry's list numbered, the others not: no grid of like cards.
        let entry = |name: &str, list: &str| {
            format!(
                "<h2>{name}</h2><p>{name} is an agency that builds brands for small shops.</p>\
                 <{list}><li>Starter plan</li><li>Rating: 4.5</li></{list}>"
            )
        };
        let html = format!(
            "<h1>Best agencies</h1><div class='body'>{}{}{}</div>\
             <div><p>Share this</p></div><footer><p>Share this</p></footer>",
            entry("Acme", "ol"),
            entry("Bolt", "ul"),
            entry("Cobalt", "ul")
        );
        assert_eq!(repeated(&html), ["Share this", "Share this"]);
    }

    #[test]
    fn values_repeated_under_different_labels_are_fields() {
        let r = repeated(
            "<h1>K2 keyboard</h1><p>A compact wireless keyboard reviewed over three weeks of use.</p>\
             <section><div><div>Palm rest included</div><div>No</div></div></section>\
             <aside><div><div>Low profile</div><div>No</div></div></aside>\
             <div><p>Share this</p></div><footer><p>Share this</p></footer>",
        );
        assert_eq!(r, ["Share this", "Share this"]);
    }

    #[test]
    fn field_lines_give_their_labels() {
        assert_eq!(field_labels("Posts: 138"), Some(vec!["Posts"]));
        assert_eq!(
            field_labels("Member since: Jun 2016"),
            Some(vec!["Member since"])
        );
        assert_eq!(
            field_labels("Posts: 116 Threads: 23 Joined: Feb 2019 Reputation: 7"),
            Some(vec!["Posts", "Threads", "Joined", "Reputation"])
        );
        // An address, a path, a list, a sentence and a label without a value are not.
        for text in [
            "https://example.com/a",
            "C:\\Program Files\\Git",
            "Pros: light, quiet, cheap",
            "Note: this only works when the service is started with the flag.",
            "Posts:",
            "2: the second step",
        ] {
            assert_eq!(field_labels(text), None, "{text}");
        }
    }

    #[test]
    fn a_page_with_a_join_date_beside_each_post_reads_as_a_thread() {
        let post = |name: &str, joined: &str| {
            format!(
                "<div class='post'><dl><dt>{name}</dt><dd>Posts: 12</dd>\
                 <dd>Joined: {joined}</dd><dd>Location: {name}ville</dd></dl>\
                 <p>Some words of the post by {name}, long enough to read as prose.</p></div>"
            )
        };
        let html = format!(
            "<main>{}{}{}</main>",
            post("ann", "Feb 2019"),
            post("bo", "Mar 2011"),
            post("cy", "Jan 2024")
        );
        let dom = crate::dom::Dom::parse(&html);
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        let page = Page {
            blocks: &blocks,
            dom: Some(&dom),
            language: crate::lang::PageLanguage::guess(""),
            source: crate::detect::SourceKind::Html,
            title: None,
            author: None,
            author_bios: &[],
            frequency: None,
            kinds: Default::default(),
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        assert!(shows_poster_profiles(&page));
        // On a discussion the fields are counted by their labels, whatever their values.
        let kinds = crate::detect::PageKinds {
            discussion: true,
            ..Default::default()
        };
        let v: Vec<String> = crate::detect::verdicts_on_html(&RepeatedInPage, &html, kinds)
            .into_iter()
            .map(|(text, _)| text)
            .filter(|text| text.starts_with("Location"))
            .collect();
        assert_eq!(
            v,
            [
                "Location: annville",
                "Location: boville",
                "Location: cyville"
            ]
        );
        // Two posts are enough when each shows two profile labels (a join date and a post
        // count), not when each shows one.
        let two = format!(
            "<main>{}{}</main>",
            post("ann", "Feb 2019"),
            post("bo", "Mar 2011")
        );
        let joined_only = |name: &str, joined: &str| {
            format!(
                "<div class='post'><dl><dt>{name}</dt><dd>Joined: {joined}</dd>\
                 <dd>Location: {name}ville</dd></dl>\
                 <p>Some words of the post by {name}, long enough to read as prose.</p></div>"
            )
        };
        let two_joined = format!(
            "<main>{}{}</main>",
            joined_only("ann", "Feb 2019"),
            joined_only("bo", "Mar 2011")
        );
        for (html, thread) in [(two, true), (two_joined, false)] {
            let dom = crate::dom::Dom::parse(&html);
            let blocks = crate::blocks::html::blocks_from_dom(&dom);
            let page = Page {
                blocks: &blocks,
                dom: Some(&dom),
                post_dates: Default::default(),
                poster_names: Default::default(),
                sections: Default::default(),
                folded: Default::default(),
                ..page
            };
            assert_eq!(shows_poster_profiles(&page), thread);
        }
    }

    #[test]
    fn on_a_discussion_a_plain_label_of_every_post_is_template_a_greeting_is_not() {
        let post = |name: &str| {
            format!(
                "<div class='post'><a href='/u/{name}'>{name}</a><h5>Member</h5>\
                 <p>Hello,</p><p>Some words of the post by {name}, long enough to read.</p></div>"
            )
        };
        let html = format!("<main>{}{}{}</main>", post("ann"), post("bo"), post("cy"));
        let kinds = crate::detect::PageKinds {
            discussion: true,
            ..Default::default()
        };
        let v: Vec<String> = crate::detect::verdicts_on_html(&RepeatedInPage, &html, kinds)
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        assert_eq!(v, ["Member", "Member", "Member"]);
        // Elsewhere the same labels are the fields of cards.
        assert!(repeated(&html).is_empty());
    }

    #[test]
    fn a_line_whose_other_copies_are_quoted_is_the_posts_own() {
        let html = "<main><div class='post'><p>Long post about the otters of the river, \
             how many we counted this spring and where.</p><p>Any tips on where to look</p></div>\
             <div class='post'><blockquote><p>Any tips on where to look</p></blockquote>\
             <p>Try the old mill at dawn.</p></div>\
             <div class='post'><div class='preview line-clamp-1'><p>Any tips on where to look</p></div>\
             <p>The ford is better in June.</p></div></main>";
        let kinds = crate::detect::PageKinds {
            discussion: true,
            ..Default::default()
        };
        let v: Vec<String> = crate::detect::verdicts_on_html(&RepeatedInPage, html, kinds)
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        // The quoted and the clamped copies still count as copies; the post's line stays.
        assert_eq!(
            v,
            ["Any tips on where to look", "Any tips on where to look"]
        );
        // Three plain copies are a template's line.
        let plain = html
            .replace("<blockquote>", "<div>")
            .replace("</blockquote>", "</div>")
            .replace("line-clamp-1", "box");
        let v: Vec<String> = crate::detect::verdicts_on_html(&RepeatedInPage, &plain, kinds)
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        assert_eq!(v.len(), 3, "{v:?}");
    }

    #[test]
    fn a_ticker_that_says_one_phrase_over_and_over_is_chrome_a_refrain_is_not() {
        assert_eq!(
            repeats_one_phrase("Book Now * Book Now * Book Now * Book Now *", 8),
            Some(4)
        );
        assert_eq!(
            repeats_one_phrase("Swatch Swatch Swatch Swatch Swatch", 5),
            Some(5)
        );
        assert_eq!(
            repeats_one_phrase("Deadlines, deadlines, deadlines.", 3),
            None
        );
        assert_eq!(
            repeats_one_phrase("Book now and book now or later now", 8),
            None
        );
    }

    #[test]
    fn prices_differ_by_their_digits() {
        let v = repeated(
            "<p>EUR 29.00</p><div><p>EUR 38.50</p></div><section><p>EUR 12.40</p></section>\
             <header><p>EUR 5.00</p></header><footer><p>EUR 5.00</p></footer>",
        );
        assert_eq!(v, ["EUR 5.00", "EUR 5.00"]);
    }

    #[test]
    fn labels_repeated_in_header_and_footer_are_template() {
        let v = repeated(
            "<header><p>Subscribe today</p></header><article><p>Body text.</p></article>\
             <footer><p>Subscribe today</p></footer>",
        );
        assert_eq!(v, ["Subscribe today", "Subscribe today"]);
    }

    fn repeated_in_text(text: &str) -> Vec<String> {
        let blocks = crate::blocks::text::blocks_from_text(text);
        let page = Page {
            blocks: &blocks,
            dom: None,
            language: crate::lang::PageLanguage::guess(""),
            source: crate::detect::SourceKind::Text,
            title: None,
            author: None,
            author_bios: &[],
            frequency: None,
            kinds: Default::default(),
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        let mut out = Vec::new();
        RepeatedInPage.detect(&page, &mut out);
        out.into_iter()
            .map(|v| blocks[v.block].text.clone())
            .collect()
    }

    #[test]
    fn values_of_some_entries_of_clean_text_are_not_template() {
        // Each line apart (as HTML cards render): `Rust` is a value of some entries,
        // each beside the entry's description; `Star` is on every entry, the template's.
        let entry =
            |name: &str, about: &str, tag: &str| format!("{name}\n\n{about}\n\n{tag}\n\nStar\n\n");
        let text = [
            entry(
                "ferrous",
                "A small parser for tide tables written over a winter.",
                "Rust",
            ),
            entry(
                "quillmoor",
                "Draws the maps of a field guide from plain notes.",
                "Zig",
            ),
            entry(
                "tidewater",
                "Plans the routes of the harbour ferries each morning.",
                "Rust",
            ),
            entry(
                "orchard",
                "Keeps the ledger of a farm cooperative in one file.",
                "Go",
            ),
            entry(
                "lantern",
                "Lights a status page from the logs of a small shop.",
                "Rust",
            ),
        ]
        .concat();
        let v = repeated_in_text(&text);
        assert_eq!(v, ["Star"; 5], "{v:?}");
    }

    #[test]
    fn fields_of_the_entries_of_clean_text_are_not_template() {
        let v = repeated_in_text(
            "Jobs\n\nDesigner\n\nTidewater Maps\nShape the route planner used by crews.\nRemote\n\n\
             Illustrator\n\nQuillmoor Press\nDraw the maps of a small field guide.\nRemote\n\n\
             Editor\n\nOrchard Ledger\nEdit the guides of a farm cooperative.\nRemote\n",
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_menu_printed_twice_in_text_is_template() {
        let v = repeated_in_text(
            "News\nSport\nWeather\n\nThe council met on Tuesday to vote on the tram line.\n\n\
             News\nSport\nWeather\n",
        );
        assert_eq!(v.len(), 6, "{v:?}");
    }

    #[test]
    fn a_card_that_links_its_title_twice_keeps_one_copy() {
        let card = |name: &str| {
            format!(
                "<li class='item'><a class='media' href='/p'>{name}</a>\
                 <h3 class='title'><a href='/p'>{name}</a></h3><p>$12</p></li>"
            )
        };
        let html = format!(
            "<ul class='grid'>{}{}{}</ul>",
            card("Trail bottle"),
            card("Camp mug"),
            card("Steel flask")
        );
        let verdicts = crate::detect::verdicts_on_html(&RepeatedInPage, &html, Default::default());
        // One copy per card goes (the image link); the heading stays with no verdict.
        assert_eq!(verdicts.len(), 3, "{verdicts:?}");
        assert!(
            verdicts.iter().all(|(_, v)| v.weight >= 1.0),
            "{verdicts:?}"
        );
    }

    #[test]
    fn a_card_that_prints_its_price_twice_keeps_one_copy() {
        let card = |name: &str| {
            format!(
                "<li class='item'><h3>{name}</h3><div class='price'>\
                 <div class='regular'>$19.99</div><div class='sale'>$19.99</div></div></li>"
            )
        };
        let html = format!(
            "<ul class='grid'>{}{}{}</ul>",
            card("Trail bottle"),
            card("Camp mug"),
            card("Steel flask")
        );
        let verdicts = crate::detect::verdicts_on_html(&RepeatedInPage, &html, Default::default());
        // The second copy in each card goes; the first is a field of the cards.
        assert_eq!(verdicts.len(), 3, "{verdicts:?}");
        assert!(
            verdicts
                .iter()
                .all(|(_, v)| v.reason.cause == "repeats the price of its card"),
            "{verdicts:?}"
        );
    }

    #[test]
    fn a_label_printed_twice_in_one_card_without_a_link_is_still_repeated() {
        let row = |label: &str| {
            format!("<div class='row'><p>{label}</p><span>Qty</span><p>{label}</p></div>")
        };
        let v = repeated(&format!(
            "<div class='table'>{}{}{}</div>",
            row("Blue / 40L"),
            row("Black / 40L"),
            row("Green / 40L")
        ));
        assert!(v.contains(&"Blue / 40L".to_string()), "{v:?}");
    }

    #[test]
    fn linked_names_that_are_their_cards_inline_text_are_items_a_caption_is_not() {
        let card = |name: &str| {
            format!(
                "<li class='tile'><a href='/p/{name}'>{name}</a><div class='price'>$900</div></li>"
            )
        };
        let v = repeated(&format!(
            "<ul class='grid'>{}{}{}</ul>",
            card("Ridge Kayak 140"),
            card("Ridge Kayak 145"),
            card("Harbor Canoe")
        ));
        assert!(!v.iter().any(|t| t.starts_with("Ridge Kayak")), "{v:?}");
        let listing = |file: &str| {
            format!("<div class='listing'>Filename: {file}<pre>fn main() {{}}</pre></div>")
        };
        let v = repeated(&format!(
            "<div class='chapter'>{}{}</div>",
            listing("src/main.rs"),
            listing("src/main.rs")
        ));
        assert!(v.iter().any(|t| t.starts_with("Filename")), "{v:?}");
    }

    #[test]
    fn a_heading_whose_other_copies_are_in_menus_and_footer_is_the_heading() {
        let v = repeated(
            "<nav><ul><li><a href='/c/kettles'>Kettles</a></li>\
             <li><a href='/c/pans'>Pans</a></li></nav>\
             <div class='tiles'><div class='tile'><a href='/c/kettles'><h2>Kettles</h2></a>\
             <p>Twelve kinds</p></div><div class='tile'><a href='/c/pans'><h2>Pans</h2></a>\
             <p>Nine kinds</p></div></div>\
             <footer><ul><li><a href='/c/kettles'>Kettles</a></li>\
             <li><a href='/c/pans'>Pans</a></li></ul></footer>",
        );
        assert!(!v.is_empty(), "{v:?}");
        assert_eq!(v.iter().filter(|t| *t == "Kettles").count(), 2, "{v:?}");
    }

    #[test]
    fn fields_of_the_cards_of_one_list_are_not_template() {
        let v = repeated(
            "<ul class='grid'>\
             <li class='card'><h3>Trail bottle</h3><p>Free shipping</p></li>\
             <li class='card'><h3>Camp mug</h3><p>Free shipping</p></li>\
             <li class='card'><h3>Steel flask</h3><p>Free shipping</p></li></ul>",
        );
        assert!(v.is_empty(), "{v:?}");
    }
}
