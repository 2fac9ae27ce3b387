//! Chrome phrases: blocks that are (or start with) a known chrome phrase — "Continue
//! Reading", "Share this", "Related posts", "Leave a comment", "All rights reserved" — in
//! many languages.
//!
//! The phrases are data (`data/chrome_phrases.tsv`), not code: adding a language is adding
//! rows. Matching is on folded text (see [`super::fold`]), so case, digits and punctuation
//! ("Comments (12)", "Read more »") do not matter.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::{fold, Detector, Page, Signal, SourceKind, Verdict};
use crate::blocks::{Block, BlockKind};

const PHRASE_TABLE: &str = include_str!("../../data/chrome_phrases.tsv");

/// How a phrase must sit in a block to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// The block is exactly the phrase.
    Line,
    /// The block starts with the phrase (short blocks only).
    Start,
    /// The phrase is anywhere in the block (short blocks only).
    Any,
}

struct Phrase {
    folded: String,
    placement: Placement,
    category: String,
}

struct Lexicon {
    /// Whole-block phrases by folded text.
    lines: HashMap<String, String>,
    /// Prefix and anywhere phrases.
    partial: Vec<Phrase>,
    /// Every non-empty partial phrase in one automaton: pattern `i` is
    /// `partial[pattern_phrase[i]]`. Finds, in one pass, the few phrases worth checking.
    matcher: aho_corasick::AhoCorasick,
    /// Index in `partial` of each pattern of `matcher`.
    pattern_phrase: Vec<usize>,
    /// Partial phrases that fold to nothing (checked on every block; normally none).
    empty: Vec<usize>,
    /// How a form's consent clause starts ("by clicking", "en cliquant").
    consent_starts: Vec<String>,
    /// The first words of [`Lexicon::consent_starts`], each once.
    consent_first_words: Vec<String>,
    /// The agreeing part of a consent clause ("you agree", "stimme ich"), padded with spaces
    /// to match whole words.
    agreements: Vec<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lines = HashMap::default();
        let mut partial = Vec::new();
        let mut consent_starts = Vec::new();
        let mut agreements = Vec::new();
        for row in PHRASE_TABLE.lines() {
            if row.starts_with('#') || row.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = row.split('\t').collect();
            let [_, placement, category, phrase] = cols[..] else {
                continue;
            };
            let folded = fold(phrase);
            let placement = match placement {
                "consent" => {
                    consent_starts.push(folded);
                    continue;
                }
                "agreement" => {
                    agreements.push(format!(" {folded} "));
                    continue;
                }
                "line" => Placement::Line,
                "start" => Placement::Start,
                "any" => Placement::Any,
                _ => continue,
            };
            if placement == Placement::Line {
                lines.insert(folded, category.to_string());
            } else {
                partial.push(Phrase {
                    folded,
                    placement,
                    category: category.to_string(),
                });
            }
        }
        let (empty, pattern_phrase): (Vec<usize>, Vec<usize>) =
            (0..partial.len()).partition(|&i| partial[i].folded.is_empty());
        let matcher =
            aho_corasick::AhoCorasick::new(pattern_phrase.iter().map(|&i| &partial[i].folded))
                .expect("phrases are plain strings");
        Lexicon {
            lines,
            partial,
            matcher,
            pattern_phrase,
            empty,
            consent_first_words: {
                let mut words: Vec<String> = consent_starts
                    .iter()
                    .filter_map(|s: &String| s.split(' ').next().map(str::to_string))
                    .collect();
                words.sort();
                words.dedup();
                words
            },
            consent_starts,
            agreements,
        }
    })
}

/// Longest block (in words) that a `start` or `any` phrase may mark as chrome: longer
/// blocks that merely begin with "Read more" or mention a copyright are prose.
const MAX_PARTIAL_WORDS: usize = 25;

/// Longest block (in words) that a disclaimer or disclosure phrase may mark as chrome: the
/// site's notice that its pages are no medical advice, or that it earns a commission on the
/// links in them, runs to a few sentences, and its wording ("not a substitute for medical
/// advice", "we may earn a commission") is the notice's own, not an article's.
const MAX_DISCLAIMER_WORDS: usize = 80;

/// Categories whose `start` and `any` phrases mark blocks up to [`MAX_DISCLAIMER_WORDS`]:
/// besides disclaimers and disclosures, a cookie notice that starts "We use cookies…" and
/// goes on to say what for and how to refuse them.
const LONG_CATEGORIES: &[&str] = &["disclaimer", "disclosure", "cookies", OFFER_TERMS_CATEGORY];

/// Category of an offer's fine print ("While supplies last", "Terms apply", "Use coupon code
/// SPRING at checkout", "Subject to credit approval"): the shop's promotion beside its grid
/// of priced cards, chrome on a shop's page only (see [`shows_prices`]); an article on the
/// deal or a service's page of offers quotes the same terms as its own text.
const OFFER_TERMS_CATEGORY: &str = "terms";

/// Fewest blocks that are a price alone for a page to be a shop's grid of offers.
const SHOP_PRICES: usize = 20;

/// Whether a page shows prices as blocks of their own, [`SHOP_PRICES`] or more: a shop's
/// grid of priced cards.
fn shows_prices(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .filter(|b| b.features.words <= 4 && super::teaser_cards::is_price(&b.text))
        .nth(SHOP_PRICES - 1)
        .is_some()
}

/// Longest block (in words) that a `credit` phrase may mark as chrome: a picture's credit
/// names an agency or a photographer ("Photo: Jane Doe/Getty Images"); a longer block that
/// starts "Image: …" is a caption that describes.
const MAX_CREDIT_WORDS: usize = 10;

/// Categories whose lines are judged inside the region that holds them and leave its
/// choice alone: an offer's deadline ("Sale ends March 30") printed on every card of a
/// shop's grid is the shop's pressure, yet the grid of cards is still the listing.
const REGION_NEUTRAL_CATEGORIES: &[&str] = &["deadline", OFFER_TERMS_CATEGORY];

/// Category of a site's appeal to its readers to fund it ("please consider pitching in",
/// "become a patron"): see [`MAX_APPEAL_WORDS`].
const APPEAL_CATEGORY: &str = "donation";

/// Longest block (in words) that a `donation` phrase may mark as chrome: the appeal that
/// closes an article says why the site needs its readers' money and how to give it, in two
/// or three sentences that run past [`MAX_PARTIAL_WORDS`]; its wording ("support our
/// journalism", "become a patron") is the appeal's own, not an article's.
const MAX_APPEAL_WORDS: usize = 60;

/// Stems that every phrase of the [`APPEAL_CATEGORY`] holds, matched without ASCII case (a
/// test keeps the table to them): a block past [`MAX_PARTIAL_WORDS`] without one cannot be
/// an appeal.
const APPEAL_STEMS: &[&str] = &[
    "donat",
    "donaci",
    "dollar you give",
    "patr",
    "ko fi",
    "ko-fi",
    "support",
    "pitching",
    "unterst",
    "soutenez",
    "apoy",
    "apóy",
    "sostieni",
    "steun",
];

/// Whether `text` holds one of the [`APPEAL_STEMS`] (one scan of the raw text, no fold).
fn may_be_an_appeal(text: &str) -> bool {
    static STEMS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(APPEAL_STEMS)
                .expect("the appeal stems form a valid automaton")
        })
        .is_match(text)
}

/// Longest block (in words) a partial phrase of `category` may mark as chrome.
fn max_partial_words(category: &str) -> usize {
    if category == "credit" {
        return MAX_CREDIT_WORDS;
    }
    if category == APPEAL_CATEGORY {
        return MAX_APPEAL_WORDS;
    }
    if LONG_CATEGORIES.contains(&category) {
        MAX_DISCLAIMER_WORDS
    } else {
        MAX_PARTIAL_WORDS
    }
}

/// Longest block (in words) that a newsletter's `any` phrase ("delivered right to your
/// inbox") may mark as chrome when the block also names a newsletter: the pitch that closes
/// an article says what the letter brings, where it lands and how to sign up, in two or
/// three sentences that run past [`MAX_PARTIAL_WORDS`]; the two together are the pitch's
/// own wording, not an article's.
const MAX_PITCH_WORDS: usize = 45;

/// Whether `text` names a newsletter (ASCII case aside): the word is the same in English,
/// German, French, Dutch and Italian.
fn names_a_newsletter(text: &str) -> bool {
    const WORD: &[u8] = b"newsletter";
    text.as_bytes()
        .windows(WORD.len())
        .any(|w| w.eq_ignore_ascii_case(WORD))
}

/// Longest block (in words) a phrase may mark as chrome in a block of `text`: the
/// category's limit, raised to [`MAX_PITCH_WORDS`] for a newsletter phrase found anywhere
/// in a block that names a newsletter.
fn phrase_word_limit(phrase: &Phrase, text: &str) -> usize {
    let limit = max_partial_words(&phrase.category);
    if phrase.category == "newsletter"
        && phrase.placement == Placement::Any
        && names_a_newsletter(text)
    {
        limit.max(MAX_PITCH_WORDS)
    } else {
        limit
    }
}

/// Stems that every phrase of the [`LONG_CATEGORIES`] holds, matched without ASCII case (a
/// test keeps the table to them): a longer block without one cannot be a disclaimer or a
/// disclosure.
const DISCLAIMER_STEMS: &[&str] = &[
    "medic",
    "médic",
    "medis",
    "ärztl",
    "arzt",
    "disease",
    "commission",
    "affiliate",
    "associate",
    "qualifying purchase",
    "links on our site",
    "cookie",
    "seeing this ad",
    "supplies last",
    "stocks last",
    "apply",
    "credit approval",
    "combin",
    "kombinierbar",
    "cumulable",
    "other offers",
    "coupon",
    "promo",
    "offer expires",
    "vorrat reicht",
    "limite des stocks",
    "agotar existencias",
    "aplican",
    "esaurimento scorte",
    "voorraad strekt",
];

/// Whether `text` holds one of the [`DISCLAIMER_STEMS`] (one scan of the raw text, no fold).
fn may_be_a_disclaimer(text: &str) -> bool {
    static STEMS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(DISCLAIMER_STEMS)
                .expect("the disclaimer stems form a valid automaton")
        })
        .is_match(text)
}

/// Category of a forum poster's rank printed beside each post ("Moderator", "New member",
/// "Staff member"): chrome on a thread only (see [`ChromePhrases`]).
const RANK_CATEGORY: &str = "rank";

/// The chrome-phrase detector.
#[derive(Default)]
pub struct ChromePhrases;

/// Whether, in `text`, the `n`-th word is followed by a break (punctuation, a digit, an
/// arrow, the end) rather than by more words: "Read more: …" is a link label, "Read more
/// carefully" is prose.
fn followed_by_break(text: &str, n: usize) -> bool {
    let mut seen = 0;
    let mut in_word = false;
    let mut rest = "";
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            if !in_word {
                if seen == n {
                    rest = &text[i..];
                    break;
                }
                in_word = true;
            }
        } else if in_word {
            in_word = false;
            seen += 1;
            if seen == n {
                rest = &text[i..];
                break;
            }
        }
    }
    match rest.trim_start().chars().next() {
        None => true,
        Some(c) => !c.is_alphabetic(),
    }
}

/// Categories whose prefixes are common words ("read more", "related", "share on"): a
/// prefix match needs a break after the phrase or a link-heavy block. Other categories'
/// phrases ("from our partner", "we use cookies") are specific enough on their own.
fn needs_break(category: &str) -> bool {
    matches!(
        category,
        "navigation" | "related" | "products" | "social" | "ads" | "copyright" | "credit"
    )
}

/// Matches `text` against the lexicon: the category, the phrase, and whether the whole
/// block is the phrase; `None` when nothing matches.
pub fn match_phrase(text: &str, words: usize, link_density: f32) -> Option<(String, String, bool)> {
    match_phrase_with(text, words, link_density, || fold(text))
}

/// [`match_phrase`] with the text's fold given by `folded`, called only when needed (a
/// block's fold cached by its page, [`Page::folded`]).
fn match_phrase_with<S: AsRef<str>>(
    text: &str,
    words: usize,
    link_density: f32,
    folded: impl FnOnce() -> S,
) -> Option<(String, String, bool)> {
    // Past the short limit only disclaimers, newsletter pitches and appeals can match
    // (whole-line phrases are far shorter): a block that names none of them skips the fold.
    let pitch = || words <= MAX_PITCH_WORDS && names_a_newsletter(text);
    let appeal = || words <= MAX_APPEAL_WORDS && may_be_an_appeal(text);
    if words > MAX_PARTIAL_WORDS && !may_be_a_disclaimer(text) && !pitch() && !appeal() {
        return None;
    }
    let lex = lexicon();
    let folded = folded();
    let folded = folded.as_ref();
    if folded.is_empty() {
        return None;
    }
    if let Some(category) = lex.lines.get(folded) {
        return Some((category.clone(), folded.to_string(), true));
    }
    if text.contains('©') && words <= MAX_PARTIAL_WORDS {
        return Some(("copyright".into(), "©".into(), false));
    }
    if words > MAX_DISCLAIMER_WORDS {
        return None;
    }
    // The phrases found anywhere in the folded text (a prefix phrase only at its start), in
    // table order: the first that passes its checks below wins, as if every phrase of the
    // table were tried in turn.
    let mut candidates: Vec<usize> = lex.empty.clone();
    for found in lex.matcher.find_overlapping_iter(folded) {
        let index = lex.pattern_phrase[found.pattern().as_usize()];
        if found.start() == 0 || lex.partial[index].placement == Placement::Any {
            candidates.push(index);
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    for phrase in candidates.iter().map(|&i| &lex.partial[i]) {
        if words > phrase_word_limit(phrase, text) {
            continue;
        }
        let hit = match phrase.placement {
            Placement::Start => {
                folded.starts_with(&phrase.folded)
                    && folded[phrase.folded.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ' ')
                    && (!needs_break(&phrase.category)
                        || link_density > 0.5
                        || followed_by_break(text, phrase.folded.split(' ').count()))
            }
            Placement::Any => folded.contains(&phrase.folded),
            Placement::Line => false,
        };
        if hit {
            return Some((phrase.category.clone(), phrase.folded.clone(), false));
        }
    }
    None
}

/// How the typesetters' dummy text starts, folded: a theme's or page builder's block that
/// still holds "Lorem ipsum dolor sit amet, consectetur…" was never filled in (a slide, a
/// tab, a card left with its sample copy), and is no document's text.
const PLACEHOLDER_START: &str = "lorem ipsum dolor";

/// Whether a block is dummy text ([`PLACEHOLDER_START`]), outside code (a sample in a
/// manual shows it on purpose).
fn is_placeholder_text(block: &Block) -> bool {
    let text = block.text.trim_start();
    if block.kind == BlockKind::Code
        || !text
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("lorem"))
    {
        return false;
    }
    // The first words are enough (char-safe: cut at a character boundary).
    let head = match text.char_indices().nth(PLACEHOLDER_HEAD_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    };
    fold(head).starts_with(PLACEHOLDER_START)
}

/// Characters of a block read to find [`PLACEHOLDER_START`] (its words with room for
/// odd spacing and punctuation).
const PLACEHOLDER_HEAD_CHARS: usize = 40;

/// Longest consent clause, in words: the fine print under a form runs long, an article
/// paragraph that happens to start "By clicking…" runs longer.
const MAX_CONSENT_WORDS: usize = 250;

/// How sure a consent clause is chrome: enough to remove it wherever it stands, short of
/// decisive so that it still votes for the region its form sits in (a form inside the
/// document's own layout).
const CONSENT_WEIGHT: f32 = 0.9;

/// The first word of `text` as [`fold`] would give it, when it is all ASCII letters
/// (`None` when a non-ASCII character comes before or in it).
fn ascii_first_word(text: &str) -> Option<&[u8]> {
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii() || b.is_ascii_alphabetic())?;
    if !bytes[start].is_ascii() {
        return None;
    }
    let len = bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len() - start);
    if bytes.get(start + len).is_some_and(|b| !b.is_ascii()) {
        return None;
    }
    Some(&bytes[start..start + len])
}

/// Bytes of a block's start folded to rule a consent clause out.
const CONSENT_HEAD_BYTES: usize = 96;

/// Whether `text` is a form's consent clause: it starts as one ("By clicking Subscribe,")
/// and goes on to agree ("you agree to our Terms"). Prose that starts the same way ("By
/// providing customers with deals, shops…") does not agree to anything.
fn is_consent_clause(text: &str, words: usize) -> bool {
    if words > MAX_CONSENT_WORDS {
        return false;
    }
    let lex = lexicon();
    // A block whose first word (ASCII) is no start's first word ("by", "en", "mit") is ruled
    // out without folding its text.
    if let Some(first) = ascii_first_word(text) {
        if !lex
            .consent_first_words
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(first))
        {
            return false;
        }
    }
    let starts = |folded: &str| {
        lex.consent_starts.iter().any(|s| {
            folded
                .strip_prefix(s.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    };
    // Folding maps characters one by one, so the fold of the text's first bytes is the start
    // of its fold: most blocks are ruled out on those bytes alone.
    let mut cut = text.len().min(CONSENT_HEAD_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = fold(&text[..cut]);
    let longest_start = lex
        .consent_starts
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0);
    let head_decides = cut == text.len() || head.len() > longest_start;
    if head_decides && !starts(&head) {
        return false;
    }
    let folded = if cut == text.len() { head } else { fold(text) };
    if !starts(&folded) {
        return false;
    }
    let padded = format!(" {folded} ");
    lex.agreements.iter().any(|a| padded.contains(a.as_str()))
}

/// Longest block, in words, in which a consent clause may follow other sentences: a
/// notice of a line or two ("To make this site work, we log data. By using it, you agree to
/// our Privacy Policy"), not a paragraph that goes on to quote terms of use.
const MAX_EMBEDDED_CONSENT_WORDS: usize = 40;

/// Least share of a short block's words that a consent clause after its first sentence must
/// hold: the block is mostly the clause, not prose that ends with one.
const EMBEDDED_CONSENT_SHARE: f32 = 0.5;

/// Whether a short block (see [`MAX_EMBEDDED_CONSENT_WORDS`]) is mostly a consent clause
/// that starts after its first sentence ("Please read the rules. By posting here you agree
/// to them."): the clause, from a sentence start to the block's end, holds at least
/// [`EMBEDDED_CONSENT_SHARE`] of its words.
fn ends_with_consent_clause(text: &str, words: usize) -> bool {
    if words > MAX_EMBEDDED_CONSENT_WORDS {
        return false;
    }
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let Some(&(next, space)) = chars.peek() else {
            break;
        };
        if !space.is_whitespace() {
            continue;
        }
        let tail = &text[next..];
        let tail_words = tail.split_whitespace().count();
        if (tail_words as f32) < EMBEDDED_CONSENT_SHARE * words as f32 {
            return false;
        }
        if is_consent_clause(tail, tail_words) {
            return true;
        }
    }
    false
}

/// Most words of the question that leads into a pitch ("Want more from the Gazette?").
const MAX_LEAD_QUESTION_WORDS: usize = 8;

/// Categories of the pitches that a short question may lead into: the site's newsletter,
/// its channels elsewhere, a button to share or save the page.
const PITCH_CATEGORIES: &[&str] = &["newsletter", "follow", "social"];

/// The phrase of a pitch that a short question leads into ("Want more from the Gazette?
/// Sign up for our newsletter", "Enjoy the post? Pin it for later!"): the question asks
/// nothing of the document, and what follows it matches a newsletter, follow or share
/// phrase as a block of its own would.
fn pitch_after_a_question(text: &str, link_density: f32) -> Option<(String, String, bool)> {
    let mut rest = text.trim_start();
    let mut asked = false;
    while let Some((question, after)) = rest.split_once('?') {
        if crate::lang::word_count(question) > MAX_LEAD_QUESTION_WORDS
            || question.contains(['.', '!'])
        {
            break;
        }
        asked = true;
        rest = after.trim_start();
    }
    if !asked || rest.is_empty() {
        return None;
    }
    let (category, phrase, _) = match_phrase(rest, crate::lang::word_count(rest), link_density)?;
    PITCH_CATEGORIES
        .contains(&category.as_str())
        .then_some((category, phrase, false))
}

/// Most words of the clause that leads into a pitch after a comma ("For daily news and
/// views, sign up for …").
const MAX_LEAD_CLAUSE_WORDS: usize = 8;

/// The phrase of a pitch that a short clause leads into after a comma ("For daily tips,
/// sign up for the Gazette newsletter.", "To stay in touch, follow us on Instagram"): what
/// follows the comma matches a newsletter, follow or share phrase as a block of its own
/// would. A newsletter's phrase must come with the word "newsletter": "Next, subscribe to
/// the events you need" is a step of a manual.
/// `words` is the text's word count: the comma splits no word, so what follows it has the
/// rest.
fn pitch_after_a_clause(
    text: &str,
    words: usize,
    link_density: f32,
) -> Option<(String, String, bool)> {
    let (lead, rest) = text.trim_start().split_once(',')?;
    if lead.contains(['.', '!', '?']) {
        return None;
    }
    let lead_words = crate::lang::word_count_up_to(lead, MAX_LEAD_CLAUSE_WORDS);
    if lead_words > MAX_LEAD_CLAUSE_WORDS {
        return None;
    }
    let rest = rest.trim_start();
    let words = words.saturating_sub(lead_words);
    // Past the longest pitch only a disclaimer could match, which is no pitch.
    if words > MAX_PITCH_WORDS {
        return None;
    }
    let (category, phrase, _) = match_phrase(rest, words, link_density)?;
    let pitch = PITCH_CATEGORIES.contains(&category.as_str())
        && (category != "newsletter" || names_a_newsletter(rest));
    pitch.then_some((category, phrase, false))
}

/// Categories of headings that open a section of chrome: "Related posts", "More from …",
/// "About the author". What stands under such a heading is teasers or a biography.
const SECTION_CATEGORIES: &[&str] = &["related", "author", "products"];

/// Categories of section headings that need no prose before them: other products ("You may
/// also like", "Customers also bought") follow a product's short description as often as a
/// long one.
const SECTION_CATEGORIES_ANYWHERE: &[&str] = &["products"];

/// Longest heading, in words, that can open a chrome section ("More from The Daily
/// Planet").
const MAX_SECTION_HEADING_WORDS: usize = 8;

/// How sure a block under a chrome section heading is chrome: a biography or a teaser's
/// summary is prose, which the heading's word alone must outweigh.
const SECTION_WEIGHT: f32 = 0.85;

/// Fewest words of prose before a heading for it to open a chrome section.
const SECTION_MIN_PROSE_BEFORE: usize = 200;

/// Fewest words of prose before a specific heading (the whole heading is a phrase of
/// several words: "You might like", "Related articles") for it to open a chrome section: a
/// rail of teasers set into an article after its first paragraphs.
const SECTION_MIN_PROSE_BEFORE_SPECIFIC: usize = 100;

/// Share of link text a rail of no prose under a label of other products ("Add the
/// essentials") needs: each card holds its price and its pickers (colours, sizes) beside its
/// linked name, and the pickers may hold more words than the names.
const PRODUCTS_RAIL_LINK_SHARE: f32 = 0.1;

/// Share of link text a section needs when its heading is not specific.
const SECTION_LINK_SHARE: f32 = 0.5;

/// Fewest words of a block that counts as prose (with few links).
const PROSE_BLOCK_WORDS: usize = 15;

/// Fewest words of a block that counts as prose before a section on a page declared a
/// discussion, whose replies are often a sentence or two.
const THREAD_PROSE_BLOCK_WORDS: usize = 5;

/// Levels above a heading searched for the element that holds its section (a heading is
/// often wrapped alone in a title `div`).
const SECTION_CLIMB: usize = 3;

/// The phrase (with its category) that makes `block` the heading of a chrome section: a
/// short heading that is a related or author phrase, or starts with one ("More from the
/// Gazette", "You might also like…"), and whether the match is specific: the whole heading
/// is a phrase of several words. A single word ("Related", "Recommended") or a heading that
/// only starts with a phrase ("Related products" in a feed specification, "See also" in a
/// manual) is not: its section must be mostly links to be chrome.
fn section_heading_phrase(page: &Page<'_>, index: usize) -> Option<(&'static str, String, bool)> {
    let block = &page.blocks[index];
    if !block.kind.is_heading() || block.features.words > MAX_SECTION_HEADING_WORDS {
        return None;
    }
    let lex = lexicon();
    let folded = page.folded(index);
    if folded.is_empty() {
        return None;
    }
    let category = |c: &str| SECTION_CATEGORIES.iter().copied().find(|s| *s == c);
    if let Some(c) = lex.lines.get(folded).and_then(|c| category(c)) {
        let specific = folded.contains(' ');
        return Some((c, folded.to_string(), specific));
    }
    lex.partial
        .iter()
        .find_map(|p| {
            let c = category(&p.category)?;
            (p.placement == Placement::Start
                && folded
                    .strip_prefix(p.folded.as_str())
                    .is_some_and(|rest| rest.starts_with(' ')))
            .then(|| (c, p.folded.clone(), false))
        })
        .or_else(|| {
            rail_lead(folded, block.features.words).map(|w| ("related", w.to_string(), false))
        })
}

/// First words of a short title over a rail of other pages of the site: "More Home Decor",
/// "More on the Team:", "Mehr Rezepte", "Plus de recettes", "Más noticias" (folded).
const RAIL_LEADS: &[&str] = &[
    "more",
    "mehr",
    "weitere",
    "plus de",
    "más",
    "altri",
    "meer",
    "mais",
    "similar",
    "recent",
    "popular",
    "latest",
    "ähnliche",
];

/// Most words of a title that opens with a rail lead ("More Topics from this Board").
const MAX_RAIL_LEAD_WORDS: usize = 6;

/// The rail lead (see [`RAIL_LEADS`]) that folded title `folded` of `words` words opens
/// with, when one or more words follow it: not a phrase the lexicon knows, so it counts only
/// where what follows is links (the section or list rules ask for that).
fn rail_lead(folded: &str, words: usize) -> Option<&'static str> {
    // A title the lexicon files elsewhere ("More to explore") keeps its judgement.
    if !(2..=MAX_RAIL_LEAD_WORDS).contains(&words) || lexicon().lines.contains_key(folded) {
        return None;
    }
    RAIL_LEADS.iter().copied().find(|lead| {
        folded.strip_prefix(lead).is_some_and(|rest| {
            rest.starts_with(' ')
                && !RAIL_LEAD_NOT_PAGES
                    .iter()
                    .any(|w| rest[1..].split(' ').next() == Some(*w))
        })
    })
}

/// Words after a rail lead that announce the document's own references, not other pages
/// of the site ("More information", "More resources:").
const RAIL_LEAD_NOT_PAGES: &[&str] = &[
    "information",
    "info",
    "details",
    "resources",
    "informationen",
    "informations",
    "información",
    "informazioni",
    "informatie",
    "informações",
];

/// The elements up to `climb` levels above `block`'s own element that also hold `next`,
/// nearest first: where a heading's section or a label's rail may end.
fn holders_with_next<'a>(
    block: &'a Block,
    next: &'a Block,
    climb: usize,
) -> impl Iterator<Item = &'a crate::dom::NodeId> + 'a {
    block
        .ancestors
        .iter()
        .rev()
        .skip(1)
        .take(climb)
        .filter(move |a| next.ancestors.contains(a))
}

/// The blocks of the section that heading `index` opens: those after it inside the element
/// that holds the heading and what follows it, up to the next heading of the same or a
/// higher level that is not a link (a teaser's title is a link).
fn section_after(blocks: &[Block], index: usize) -> std::ops::Range<usize> {
    let heading = &blocks[index];
    let level = match heading.kind {
        BlockKind::Heading { level } => level,
        _ => return index + 1..index + 1,
    };
    let Some(next) = blocks.get(index + 1) else {
        return index + 1..index + 1;
    };
    // The heading's own element is the last ancestor; its section's holder is above it.
    let mut holders = holders_with_next(heading, next, SECTION_CLIMB).peekable();
    let mut section = index + 1..index + 1;
    while let Some(&holder) = holders.next() {
        let end = blocks[index + 1..]
            .iter()
            .position(|b| {
                !b.ancestors.contains(&holder)
                    || matches!(b.kind, BlockKind::Heading { level: l } if l <= level)
                        && b.features.link_density() < 0.5
            })
            .map_or(blocks.len(), |p| index + 1 + p);
        // A parent above the heading's row that takes in prose (the document after a
        // teaser set into it) is no rail's: the row is all the section there is.
        if !section.is_empty() && blocks[section.end..end].iter().any(is_prose_block) {
            break;
        }
        section = index + 1..end;
        // A heading's row with a label beside it (a "Sponsored" tag, a "View all" link)
        // holds no section: the rail is under the row's parent.
        let words: usize = blocks[section.clone()]
            .iter()
            .map(|b| b.features.words)
            .sum();
        if words > HEADING_ROW_WORDS || holders.peek().is_none() {
            break;
        }
    }
    section
}

/// Most words beside a heading in its own row (a label, a "View all" link, a pager, a line
/// introducing the rail): an element that holds no more after the heading is the heading's
/// row, not its section (tried on wcxb-dev: 3, 8, 12, 20; each raised more pages, none
/// lower, until the parent taking in prose stopped the climb: then 20 as 8).
const HEADING_ROW_WORDS: usize = 20;

/// Most words of a biography under an author label (a few sentences about the writer).
const MAX_BIO_WORDS: usize = 150;

/// The biography that block `index` labels as a plain paragraph, not a heading (a heading
/// is judged by [`section_heading_phrase`]): a short unlinked line whose whole text is an
/// author phrase ("About the Author:", "Über den Autor") labels the paragraph after it.
/// With the phrase. (A paragraph that opens "About the author: Ana is…" was tried as a
/// biography too: on wcxb-dev its removal moved an article's body and lost more than it
/// won.)
fn author_label_bio(page: &Page<'_>, index: usize) -> Option<(String, std::ops::Range<usize>)> {
    let blocks = page.blocks;
    let label = &blocks[index];
    if label.kind.is_heading()
        || label.features.link_chars > 0
        || label.features.words > MAX_SECTION_HEADING_WORDS
    {
        return None;
    }
    let folded = page.folded(index);
    if lexicon().lines.get(folded).map(String::as_str) != Some("author") {
        return None;
    }
    let next = blocks.get(index + 1)?;
    let bio = next.kind == BlockKind::Paragraph
        && (PROSE_BLOCK_WORDS..=MAX_BIO_WORDS).contains(&next.features.words)
        && next.features.link_density() < 0.5;
    bio.then(|| (folded.to_string(), index + 1..index + 2))
}

/// Levels above a label (a related phrase in a plain element, not a heading) searched for
/// the element that holds its rail: a page builder wraps the label in a widget of its own,
/// the teasers in the next widget.
const LABEL_CLIMB: usize = 5;

/// The blocks of a rail that block `index` labels: an unlinked block, not a heading, whose
/// whole text is a related phrase of several words ("Also in the news", "More stories"),
/// and the blocks after it within the element (found a few levels up) that holds it and
/// what follows, when at least half their text is links (teasers' titles).
fn label_over_rail(
    page: &Page<'_>,
    index: usize,
    ads: bool,
    repeated: &HashMap<String, usize>,
) -> Option<(&'static str, String, std::ops::Range<usize>)> {
    let blocks = page.blocks;
    let label = &blocks[index];
    // Labels of one word ("Related") are not specific, but for an ad's ("Sponsored"); the
    // fold is paid only by short, unlinked blocks of several words (or one, where ads count).
    // An ad's label may link to the ad network's notice ("Sponsored ⓘ").
    if label.features.link_chars > 0 && !ads
        || label.features.words < if ads { 1 } else { 2 }
        || label.features.words > MAX_SECTION_HEADING_WORDS
    {
        return None;
    }
    let folded = page.folded(index);
    let category = match lexicon().lines.get(folded).map(String::as_str) {
        Some("related") if folded.contains(' ') => "related",
        Some("products") if folded.contains(' ') => "products",
        // "Sponsored" over a carousel of other products on one product's page.
        Some(ADS_CATEGORY) if ads => ADS_CATEGORY,
        _ => return None,
    };
    let next = blocks.get(index + 1)?;
    // The elements that hold the label and the block after it, nearest first: a label in a
    // carousel's header row (beside its pager) has the rail under the row's parent.
    let mut holders = holders_with_next(label, next, LABEL_CLIMB).peekable();
    let mut rail = index + 1..index + 1;
    while let Some(&holder) = holders.next() {
        // An ad's label heads its carousel only: a heading after it opens the page's own
        // section, and the next ad's label (one over each card of a grid) the next ad.
        let end = blocks[index + 1..]
            .iter()
            .enumerate()
            .position(|(k, b)| {
                !b.ancestors.contains(&holder)
                    || category == ADS_CATEGORY
                        && (b.kind.is_heading()
                            || b.features.words == label.features.words
                                && page.folded(index + 1 + k) == folded)
            })
            .map_or(blocks.len(), |p| index + 1 + p);
        if !rail.is_empty() && blocks[rail.end..end].iter().any(is_prose_block) {
            break;
        }
        rail = index + 1..end;
        let words: usize = blocks[rail.clone()].iter().map(|b| b.features.words).sum();
        // A label printed over each entry ("More like this" under every teaser) heads no
        // rail beyond its own row; an ad's label is printed over each ad.
        let once = category == ADS_CATEGORY || repeated.get(folded).is_none_or(|&n| n <= 1);
        if words > HEADING_ROW_WORDS || !once || holders.peek().is_none() {
            break;
        }
    }
    if rail.is_empty() {
        return None;
    }
    let (chars, links) = blocks[rail.clone()].iter().fold((0, 0), |(c, l), b| {
        (c + b.features.chars, l + b.features.link_chars)
    });
    // A rail of other products is cards of names, prices and pickers: no prose.
    let share = if category == "products" && !blocks[rail.clone()].iter().any(is_prose_block) {
        PRODUCTS_RAIL_LINK_SHARE
    } else {
        SECTION_LINK_SHARE
    };
    ((links as f32) >= share * chars as f32).then(|| (category, folded.to_string(), rail))
}

/// Labels over a shop's machine-written summary of its reviews (folded).
const REVIEW_SUMMARY_LABELS: &[&str] = &[
    "customers say",
    "what customers say",
    "reviews summary",
    "review summary",
    "review highlights",
];

/// Most words of a review summary's label or of its note.
const AI_NOTE_WORDS: usize = 8;

/// Most blocks between a review summary's label and its note (a paragraph, or pros and
/// cons with their headings).
const AI_SUMMARY_BLOCKS: usize = 12;

/// Whether `text` is the note under a machine-written summary ("AI-generated from customer
/// reviews", "Generated by AI").
fn is_ai_summary_note(folded: &str) -> bool {
    (folded.starts_with("ai generated") || folded.starts_with("generated by ai"))
        || folded.starts_with("generated from the text of customer reviews")
}

/// Categories of a label that, alone on its line, announces a list of links to other
/// pages of the site ("Related:", "Read next", "You might also like:").
const LIST_LABEL_CATEGORIES: &[&str] = &["related", "products"];

/// The navigation phrase that, as an unlinked label rather than a link, announces links to
/// other pages ("Read more:" over a few titles).
const READ_MORE_LABEL: &str = "read more";

/// Least share of a list item's text in links for the item to be a bare link: a title that
/// points to another page, with nothing of its own.
const BARE_LINK_SHARE: f32 = 0.9;

/// Most words of a lead-in ending in a colon that announces a list of links ("You may be
/// interested in the following articles as well:"): longer than a heading, shorter than a
/// sentence of prose.
const MAX_LIST_LABEL_WORDS: usize = 12;

/// Whether `block` is a label that announces a list of links: an unlinked, short block (a
/// heading or not, not itself an item) whose whole text is a related or products phrase, or
/// "Read more"; or a lead-in of up to [`MAX_LIST_LABEL_WORDS`] that opens with such a phrase
/// and ends in a colon.
fn is_list_label(page: &Page<'_>, index: usize) -> bool {
    let block = &page.blocks[index];
    if block.features.link_chars > 0
        || block.features.words > MAX_LIST_LABEL_WORDS
        || matches!(block.kind, BlockKind::ListItem { .. })
    {
        return false;
    }
    let folded = page.folded(index);
    let lex = lexicon();
    let short = block.features.words <= MAX_SECTION_HEADING_WORDS;
    short
        && (folded == READ_MORE_LABEL
            || lex
                .lines
                .get(folded)
                .is_some_and(|c| LIST_LABEL_CATEGORIES.contains(&c.as_str())))
        // A lead-in that opens with a related phrase and ends in a colon ("Related articles
        // and links:", "More from the Gazette:") announces the list under it as well.
        || block.text.trim_end().ends_with(':')
            && lex.partial.iter().any(|p| {
                p.placement == Placement::Start
                    && LIST_LABEL_CATEGORIES.contains(&p.category.as_str())
                    && folded
                        .strip_prefix(p.folded.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
            })
        // A title over other pages ending in a colon ("More on the Team:") too.
        || block.text.trim_end().ends_with(':') && rail_lead(folded, block.features.words).is_some()
}

/// The items of the list right after the label at `index` when they are bare links (see
/// [`BARE_LINK_SHARE`]), two or more at one depth (one under a lead-in ending in a colon;
/// outside a list, a run of linked blocks of any kind): the titles of other pages the label
/// offers. Only the items the label is directly over count; a list of prose, or one link
/// among prose items, is the document's.
fn links_under_label(page: &Page<'_>, index: usize) -> Option<std::ops::Range<usize>> {
    let blocks = page.blocks;
    if !is_list_label(page, index) {
        return None;
    }
    // A heading that leads in with a colon heads a list of teasers, each a sentence around
    // its link; a colon in running text may lead in to the document's own references.
    let heading_lead_in =
        blocks[index].kind.is_heading() && blocks[index].text.trim_end().ends_with(':');
    // A list's items at the first item's depth; outside a list, blocks of any kind (the
    // linked titles of a grid of teasers).
    let depth = match blocks.get(index + 1)?.kind {
        BlockKind::ListItem { depth, .. } => Some(depth),
        _ => None,
    };
    let len = blocks[index + 1..]
        .iter()
        .take_while(|b| {
            let same = match b.kind {
                BlockKind::ListItem { depth: d, .. } => depth == Some(d),
                _ => depth.is_none(),
            };
            same && (b.features.link_density() >= BARE_LINK_SHARE
                || heading_lead_in && depth.is_some() && b.features.links > 0)
        })
        .count();
    // A lead-in ending in a colon announces its list whatever its length.
    let least = if blocks[index].text.trim_end().ends_with(':') {
        1
    } else {
        2
    };
    (len >= least).then_some(index + 1..index + 1 + len)
}

/// Whether `b` is a block of prose: [`PROSE_BLOCK_WORDS`] or more, few of them linked.
fn is_prose_block(b: &Block) -> bool {
    b.features.words >= PROSE_BLOCK_WORDS && b.features.link_density() < 0.3
}

/// Most words of a label that marks a card as a teaser ("Related", "Read also").
const CARD_LABEL_WORDS: usize = 3;

/// Most blocks of a card after its label (title, summary, byline, a count).
const CARD_LABEL_BLOCKS: usize = 8;

/// Fewest cards one label opens for it to name a field of a listing's entries.
const ENTRY_FIELD_LABEL_CARDS: usize = 4;

/// The blocks of a teaser card that block `index` labels: a short unlinked block that is a
/// related phrase ("Related") and opens an element (found within a few levels up) holding a
/// few more blocks, one of them a link: a teaser of another page set into an article.
fn labelled_card(page: &Page<'_>, index: usize) -> Option<std::ops::Range<usize>> {
    let blocks = page.blocks;
    let label = &blocks[index];
    if label.features.words > CARD_LABEL_WORDS || label.features.link_chars > 0 {
        return None;
    }
    if lexicon().lines.get(page.folded(index))?.as_str() != "related" {
        return None;
    }
    let next = blocks.get(index + 1)?;
    // An inline label's text belongs to the card element itself.
    let card = *label
        .ancestors
        .iter()
        .rev()
        .take(SECTION_CLIMB)
        .find(|a| next.ancestors.contains(a))?;
    if index > 0 && blocks[index - 1].ancestors.contains(&card) {
        return None;
    }
    // The card ends at the first block outside it; one longer than a card is none.
    let len = blocks[index + 1..]
        .iter()
        .take(CARD_LABEL_BLOCKS + 1)
        .position(|b| !b.ancestors.contains(&card))
        .unwrap_or_else(|| (blocks.len() - index - 1).min(CARD_LABEL_BLOCKS + 1));
    let range = index + 1..index + 1 + len;
    if range.len() > CARD_LABEL_BLOCKS
        || !blocks[range.clone()].iter().any(|b| b.features.links > 0)
    {
        return None;
    }
    Some(range)
}

/// Category of an advertiser's label ("Sponsored", "Ad", "Advertisement").
const ADS_CATEGORY: &str = "ads";

/// The blocks of an advertised card that block `index` labels on one product's page: a
/// short unlinked block that is an ads phrase ("Sponsored") and shares an element (found
/// within a few levels up) with the blocks beside it, before or after it, the element
/// holding a few blocks in all: another product's card (its name, its price) that the shop
/// sells placement for. On a grid of products a sponsored entry is one of the listing's.
fn advertised_card(page: &Page<'_>, index: usize) -> Option<std::ops::Range<usize>> {
    let blocks = page.blocks;
    let label = &blocks[index];
    if label.features.words > CARD_LABEL_WORDS || label.features.link_chars > 0 {
        return None;
    }
    if lexicon().lines.get(page.folded(index))?.as_str() != ADS_CATEGORY {
        return None;
    }
    let prev = index.checked_sub(1).map(|i| &blocks[i]);
    let next = blocks.get(index + 1);
    // The nearest element that holds the label and a block beside it.
    let card = *label.ancestors.iter().rev().take(LABEL_CLIMB).find(|a| {
        prev.is_some_and(|b| b.ancestors.contains(a))
            || next.is_some_and(|b| b.ancestors.contains(a))
    })?;
    let inside = |b: &Block| b.ancestors.contains(&card);
    let before = blocks[..index]
        .iter()
        .rev()
        .take(CARD_LABEL_BLOCKS + 1)
        .take_while(|b| inside(b))
        .count();
    let after = blocks[index + 1..]
        .iter()
        .take(CARD_LABEL_BLOCKS + 1)
        .take_while(|b| inside(b))
        .count();
    let start = index - before;
    let end = index + 1 + after;
    // One longer than a card is none; so is one that runs to the page's edge.
    if end - start > CARD_LABEL_BLOCKS + 1
        || start == 0
        || end == blocks.len()
        || inside(&blocks[start - 1])
        || inside(&blocks[end])
    {
        return None;
    }
    Some(start..end)
}

/// Fewest like siblings (same tag, same class) of an element that make it an entry of a
/// grid or a list.
const GRID_LIKE_SIBLINGS: usize = 2;

/// Levels above an ad's label searched for the entry of a grid that holds it.
const GRID_CLIMB: usize = 12;

/// Whether `block` sits in an entry of a grid or a list: one of its nearest elements (within
/// [`GRID_CLIMB`] levels) has [`GRID_LIKE_SIBLINGS`] siblings or more of its tag and class.
fn in_grid(dom: &crate::dom::Dom, block: &Block) -> bool {
    block.ancestors.iter().rev().take(GRID_CLIMB).any(|&a| {
        let node = dom.node(a);
        let (Some(parent), Some(tag)) = (node.parent, node.local_name()) else {
            return false;
        };
        let class = node.attr("class");
        let mut like = 0usize;
        let mut child = dom.node(parent).first_child;
        while let Some(c) = child {
            let n = dom.node(c);
            if c != a && n.local_name() == Some(tag) && n.attr("class") == class {
                like += 1;
                if like >= GRID_LIKE_SIBLINGS {
                    return true;
                }
            }
            child = n.next_sibling;
        }
        false
    })
}

/// The related or products phrase an element's ARIA label is (`aria-label="Products
/// related to this item"`, "Related articles"): a region, carousel or list the page names
/// as other pages or products, whatever its own words. Only a label of several words is
/// specific enough: a region labelled "Related" alone may hold the document's own links.
fn aria_label_phrase(dom: &crate::dom::Dom, id: crate::dom::NodeId) -> Option<String> {
    let label = dom.node(id).attr("aria-label")?;
    if crate::lang::word_count(label) > MAX_SECTION_HEADING_WORDS {
        return None;
    }
    let folded = fold(label);
    if !folded.contains(' ') {
        return None;
    }
    let category = lexicon().lines.get(&folded)?;
    LIST_LABEL_CATEGORIES
        .contains(&category.as_str())
        .then_some(folded)
}

/// Per block, the related or products phrase of the nearest ancestor whose ARIA label is
/// one ([`aria_label_phrase`]).
fn in_labelled_region(page: &Page<'_>, out: &mut Vec<Verdict>, name: &'static str) {
    let Some(dom) = page.dom else {
        return;
    };
    // The elements whose label is such a phrase, found in one pass over the elements: most
    // pages have none, and then no block's ancestors need a look.
    let labelled: rustc_hash::FxHashMap<crate::dom::NodeId, String> = (0..dom.nodes.len())
        .filter_map(|i| {
            let id = crate::dom::NodeId::try_from(i).ok()?;
            aria_label_phrase(dom, id).map(|phrase| (id, phrase))
        })
        .collect();
    if labelled.is_empty() {
        return;
    }
    for (index, block) in page.blocks.iter().enumerate() {
        let phrase = block
            .ancestors
            .iter()
            .rev()
            .find_map(|a| labelled.get(a).cloned());
        if let Some(phrase) = phrase {
            out.push(Verdict::new(
                index,
                Signal::Chrome,
                SECTION_WEIGHT,
                name,
                format!("in a region labelled \"{phrase}\""),
            ));
        }
    }
}

impl Detector for ChromePhrases {
    fn name(&self) -> &'static str {
        "chrome-phrase"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let first = out.len();
        if page.source == SourceKind::Html {
            in_labelled_region(page, out, self.name());
            // The labels of teaser cards, with the number of cards each labels: a label that
            // opens card after card of the page ("Tags" over each game of a store's genre
            // page) names a field of the page's entries, not a teaser set into a document.
            let mut card_labels: HashMap<String, usize> = HashMap::default();
            for index in 0..page.blocks.len() {
                if labelled_card(page, index).is_some() {
                    *card_labels
                        .entry(page.folded(index).to_string())
                        .or_default() += 1;
                }
            }
            // On one product's page, the cards of other products labelled as ads go with
            // their label.
            if !page.kinds.collection && page.kinds.products <= 1 {
                for index in 0..page.blocks.len() {
                    let card = advertised_card(page, index).filter(|_| {
                        !page
                            .dom
                            .is_some_and(|dom| in_grid(dom, &page.blocks[index]))
                    });
                    if let Some(card) = card {
                        for j in card.filter(|&j| j != index) {
                            out.push(Verdict::new(
                                j,
                                Signal::Chrome,
                                SECTION_WEIGHT,
                                self.name(),
                                "in a card labelled as an ad".to_string(),
                            ));
                        }
                    }
                }
            }
            // Prose words read so far: a chrome section follows a document; on a listing,
            // "Latest" or "Popular" heads the document itself.
            let mut prose_before = 0usize;
            // How often each short line is printed (labels printed over each entry).
            let mut short_lines: HashMap<String, usize> = HashMap::default();
            for (index, block) in page.blocks.iter().enumerate() {
                if (1..=MAX_SECTION_HEADING_WORDS).contains(&block.features.words) {
                    *short_lines
                        .entry(page.folded(index).to_string())
                        .or_default() += 1;
                }
            }
            // The last block judged under a section heading: an ad's label in the heading's
            // row ("Customers also bought · Sponsored") adds nothing to it.
            let mut sectioned_to = 0usize;
            // Ads ("Sponsored") label rails on a page that is not a grid of offers.
            let ads = !page.kinds.collection && page.kinds.products <= 1;
            // A thread's replies are its document however short ("Thanks, that worked").
            let prose_words = if page.kinds.discussion {
                THREAD_PROSE_BLOCK_WORDS
            } else {
                PROSE_BLOCK_WORDS
            };
            for (index, block) in page.blocks.iter().enumerate() {
                let is_prose =
                    block.features.words >= prose_words && block.features.link_density() < 0.3;
                let before = prose_before;
                if is_prose {
                    prose_before += block.features.words;
                }
                if !block.kind.is_heading() {
                    // A biography under a plain author label, once the document has begun.
                    if before >= SECTION_MIN_PROSE_BEFORE_SPECIFIC {
                        if let Some((phrase, bio)) = author_label_bio(page, index) {
                            for j in bio {
                                out.push(Verdict::new(
                                    j,
                                    Signal::Chrome,
                                    SECTION_WEIGHT,
                                    self.name(),
                                    format!("a biography under the author label \"{phrase}\""),
                                ));
                            }
                            continue;
                        }
                    }
                    // Other products ("Complete the look") follow a product's short
                    // description as often as a long one, and an ad anything: their label
                    // needs no prose before.
                    let rail =
                        label_over_rail(page, index, ads, &short_lines).filter(|(category, ..)| {
                            before >= SECTION_MIN_PROSE_BEFORE_SPECIFIC
                                || SECTION_CATEGORIES_ANYWHERE.contains(category)
                                || *category == ADS_CATEGORY
                        });
                    {
                        if let Some((category, phrase, rail)) = rail {
                            for j in rail.filter(|&j| j >= sectioned_to) {
                                out.push(Verdict::new(
                                    j,
                                    Signal::Chrome,
                                    SECTION_WEIGHT,
                                    self.name(),
                                    format!("under the {category} label \"{phrase}\""),
                                ));
                            }
                            continue;
                        }
                    }
                    if before >= SECTION_MIN_PROSE_BEFORE {
                        let entry_field = || {
                            card_labels
                                .get(page.folded(index))
                                .is_some_and(|&n| n >= ENTRY_FIELD_LABEL_CARDS)
                        };
                        if let Some(card) = labelled_card(page, index).filter(|_| !entry_field()) {
                            for j in card {
                                out.push(Verdict::new(
                                    j,
                                    Signal::Chrome,
                                    SECTION_WEIGHT,
                                    self.name(),
                                    "in a card labelled as related".to_string(),
                                ));
                            }
                        }
                    }
                    continue;
                }
                let Some((category, phrase, specific)) = section_heading_phrase(page, index) else {
                    continue;
                };
                let min_before = if specific {
                    SECTION_MIN_PROSE_BEFORE_SPECIFIC
                } else {
                    SECTION_MIN_PROSE_BEFORE
                };
                if before < min_before && !SECTION_CATEGORIES_ANYWHERE.contains(&category) {
                    continue;
                }
                let section = section_after(page.blocks, index);
                let (chars, links) = page.blocks[section.clone()]
                    .iter()
                    .fold((0, 0), |(c, l), b| {
                        (c + b.features.chars, l + b.features.link_chars)
                    });
                if !specific && (links as f32) < SECTION_LINK_SHARE * chars as f32 {
                    continue;
                }
                sectioned_to = sectioned_to.max(section.end);
                for j in section {
                    out.push(Verdict::new(
                        j,
                        Signal::Chrome,
                        SECTION_WEIGHT,
                        self.name(),
                        format!("under the {category} heading \"{phrase}\""),
                    ));
                }
            }
        }
        // A label over a list of bare links, once the document has begun: the list offers
        // other pages ("Read next", "Related:"), whatever holds it. Items the rules above
        // judged already are left to them.
        if page.source == SourceKind::Html {
            // Blocks the rules above judged, looked up once per listed item.
            let judged: rustc_hash::FxHashSet<usize> =
                out[first..].iter().map(|v| v.block).collect();
            let mut prose_before = 0usize;
            for (index, block) in page.blocks.iter().enumerate() {
                let before = prose_before;
                if is_prose_block(block) {
                    prose_before += block.features.words;
                }
                // Other products' links follow a short description as often as a long one.
                let products = || {
                    block.features.words <= MAX_SECTION_HEADING_WORDS
                        && lexicon()
                            .lines
                            .get(page.folded(index))
                            .is_some_and(|c| SECTION_CATEGORIES_ANYWHERE.contains(&c.as_str()))
                };
                if before < SECTION_MIN_PROSE_BEFORE_SPECIFIC && !products() {
                    continue;
                }
                let Some(list) = links_under_label(page, index) else {
                    continue;
                };
                // The label goes with its list: a lead-in to links is no document text
                // (one the lexicon names whole or with a break is judged below).
                let named = || {
                    match_phrase_with(
                        &block.text,
                        block.features.words,
                        block.features.link_density(),
                        || page.folded(index),
                    )
                    .is_some()
                };
                if !judged.contains(&index) && !named() {
                    out.push(Verdict::new(
                        index,
                        Signal::Chrome,
                        SECTION_WEIGHT,
                        self.name(),
                        "labels a list of links to other pages".to_string(),
                    ));
                }
                for j in list {
                    if judged.contains(&j) {
                        continue;
                    }
                    out.push(Verdict::new(
                        j,
                        Signal::Chrome,
                        SECTION_WEIGHT,
                        self.name(),
                        format!("a link under the label \"{}\"", block.text.trim()),
                    ));
                }
            }
        }
        // A shop's machine-written summary of its reviews, between its label ("Customers
        // say") and its note ("AI-generated from customer reviews"): the reviews', not the
        // product's description.
        for (index, block) in page.blocks.iter().enumerate() {
            if block.features.words > AI_NOTE_WORDS || !is_ai_summary_note(page.folded(index)) {
                continue;
            }
            let label = (index.saturating_sub(AI_SUMMARY_BLOCKS)..index)
                .rev()
                .find(|&k| {
                    page.blocks[k].features.words <= AI_NOTE_WORDS
                        && REVIEW_SUMMARY_LABELS.contains(&page.folded(k))
                });
            if let Some(label) = label {
                for j in label + 1..index {
                    out.push(Verdict::new(
                        j,
                        Signal::Chrome,
                        SECTION_WEIGHT,
                        self.name(),
                        "a machine-written summary of the reviews".to_string(),
                    ));
                }
            }
        }
        // A poster's rank beside each post is the forum's, not the thread's; elsewhere
        // "Member" or "Guest" may be the document's (a table cell, a price tier).
        let thread =
            || page.kinds.discussion || page.dom.is_some_and(|dom| page.sections(dom).thread());
        let mut shop: Option<bool> = None;
        for (index, block) in page.blocks.iter().enumerate() {
            if is_consent_clause(&block.text, block.features.words)
                || ends_with_consent_clause(&block.text, block.features.words)
            {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    CONSENT_WEIGHT,
                    self.name(),
                    "is the consent clause of a form".to_string(),
                ));
                continue;
            }
            if is_version_switcher(block) {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    1.0,
                    self.name(),
                    "is a list of versions of the page (a version switcher)".to_string(),
                ));
                continue;
            }
            if is_placeholder_text(block) {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    1.0,
                    self.name(),
                    format!("is placeholder text (\"{PLACEHOLDER_START}…\")"),
                ));
                continue;
            }
            if block.features.words > MAX_DISCLAIMER_WORDS {
                continue;
            }
            if let Some((category, phrase, whole)) = match_phrase_with(
                &block.text,
                block.features.words,
                block.features.link_density(),
                || page.folded(index),
            )
            .or_else(|| {
                is_like_summary(
                    &block.text,
                    block.features.words,
                    block.features.link_density(),
                    || page.folded(index),
                )
                .then(|| ("reactions".to_string(), "like this".to_string(), true))
            })
            .or_else(|| {
                is_app_signature(block.features.words, || page.folded(index))
                    .then(|| ("signature".to_string(), "sent from my".to_string(), true))
            })
            .or_else(|| pitch_after_a_question(&block.text, block.features.link_density()))
            .or_else(|| {
                pitch_after_a_clause(
                    &block.text,
                    block.features.words,
                    block.features.link_density(),
                )
            }) {
                if category == RANK_CATEGORY && !thread() {
                    continue;
                }
                if category == OFFER_TERMS_CATEGORY
                    && !*shop.get_or_insert_with(|| shows_prices(page.blocks))
                {
                    continue;
                }
                // A whole-block match is decisive; a prefix match on a longer block is not.
                let weight = if whole { 1.0 } else { 0.8 };
                let how = if whole { "is" } else { "contains" };
                let verdict = Verdict::new(
                    index,
                    Signal::Chrome,
                    weight,
                    self.name(),
                    format!("{how} the {category} phrase \"{phrase}\""),
                );
                out.push(if REGION_NEUTRAL_CATEGORIES.contains(&category.as_str()) {
                    verdict.region_neutral()
                } else {
                    verdict
                });
            }
        }
    }
}

/// How a forum's summary of the members who liked a post ends, folded ("Ann and 3 others
/// like this.", XenForo, vBSEO, SMF; "Ann gefällt das.", "Ann aime ceci.", "Ann vindt dit
/// leuk."): the software's line under a post, listing who reacted, never the post's text.
const LIKE_SUMMARY_ENDS: &[&str] = &[
    " like this",
    " likes this",
    " gefällt das",
    " gefällt dies",
    " aime ceci",
    " aiment ceci",
    " aime ça",
    " aiment ça",
    " le gusta esto",
    " les gusta esto",
    " vindt dit leuk",
    " vinden dit leuk",
];

/// Most words of a like summary (a few names and a count).
const LIKE_SUMMARY_WORDS: usize = 20;

/// Whether a block is a forum's like summary: short, ending with one of the
/// [`LIKE_SUMMARY_ENDS`] and a full stop, its names links (members' profiles) or its
/// start a count ("1 person likes this."). Prose that ends "…like this." links no names.
fn is_like_summary<S: AsRef<str>>(
    text: &str,
    words: usize,
    link_density: f32,
    folded: impl FnOnce() -> S,
) -> bool {
    if words > LIKE_SUMMARY_WORDS || !text.trim_end().ends_with('.') {
        return false;
    }
    let folded = folded();
    let folded = folded.as_ref();
    let padded = format!(" {folded}");
    if !LIKE_SUMMARY_ENDS.iter().any(|end| padded.ends_with(end)) {
        return false;
    }
    link_density >= 0.25
        || text
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
}

/// How a mobile app's signature under a forum post starts, folded ("Sent from my iPhone
/// using Tapatalk", "Gesendet von meinem … mit Tapatalk", "Envoyé de mon … en utilisant
/// Tapatalk"), each with the word that names the app after the device: both halves are
/// needed, since "Sent from my…" alone starts prose too.
const APP_SIGNATURES: &[(&str, &str)] = &[
    ("sent from my ", " using "),
    ("gesendet von meinem ", " mit "),
    ("envoyé de mon ", " en utilisant "),
    ("envoyé de mon ", " avec "),
    ("enviado desde mi ", " usando "),
    ("enviado de meu ", " usando "),
    ("inviato dal mio ", " utilizzando "),
    ("inviato dal mio ", " con "),
    ("verzonden vanaf mijn ", " met "),
    ("verstuurd vanaf mijn ", " met "),
    ("wysłane z mojego ", " przy użyciu "),
];

/// Most words of an app's signature (the device's and the app's names are short).
const APP_SIGNATURE_WORDS: usize = 12;

/// Whether a block is a mobile app's signature ([`APP_SIGNATURES`]).
fn is_app_signature<S: AsRef<str>>(words: usize, folded: impl FnOnce() -> S) -> bool {
    if words > APP_SIGNATURE_WORDS {
        return false;
    }
    let folded = folded();
    let folded = folded.as_ref();
    APP_SIGNATURES.iter().any(|(start, app)| {
        folded
            .strip_prefix(start)
            .is_some_and(|rest| rest.contains(app))
    })
}

/// Fewest versions a version switcher lists.
const VERSION_SWITCHER_MIN_VERSIONS: usize = 4;

/// Most words of the label before a version switcher's list ("Supported versions:").
const VERSION_SWITCHER_LABEL_WORDS: usize = 3;

/// Whether a word names a version of a manual or a release: digits, with dots between
/// numbers and an optional `v` (`17`, `9.6`, `v1.34`), or a branch's name (`current`,
/// `latest`, `stable`, `dev`…).
fn is_version_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let number = lower.strip_prefix('v').unwrap_or(&lower);
    (!number.is_empty()
        && number
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
        || matches!(
            lower.as_str(),
            "current"
                | "latest"
                | "stable"
                | "dev"
                | "devel"
                | "development"
                | "master"
                | "main"
                | "nightly"
        )
}

/// Whether a word of a label says that versions follow: "version"/"versions" and their
/// spellings in other languages, "release"/"releases".
fn names_versions(word: &str) -> bool {
    let lower = word.trim_end_matches(':').to_lowercase();
    matches!(
        lower.as_str(),
        "version"
            | "versions"
            | "versión"
            | "versiones"
            | "versione"
            | "versioni"
            | "versão"
            | "versões"
            | "versie"
            | "versies"
            | "release"
            | "releases"
    )
}

/// Whether a block is a documentation site's version switcher: links to the same page in
/// other versions of the manual, written as a list of versions ("17 / 16 / 15 / 14",
/// "v1.34 v1.33 v1.32 v1.31"), alone or after a short label naming them ("Supported
/// versions:"). A list of bare numbers is a version list only under such a label or when
/// most of its numbers are dotted (`9.6`, `3.12`): a pager's or an archive's numbers are not.
fn is_version_switcher(block: &Block) -> bool {
    let f = &block.features;
    if f.links < VERSION_SWITCHER_MIN_VERSIONS || matches!(block.kind, BlockKind::TableRow { .. }) {
        return false;
    }
    let words: Vec<&str> = block
        .text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | ',' | '·' | '•' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.iter().position(|w| is_version_word(w)) else {
        return false;
    };
    let label = &words[..first];
    if label.len() > VERSION_SWITCHER_LABEL_WORDS || label.last().is_some_and(|w| !w.ends_with(':'))
    {
        return false;
    }
    let versions = &words[first..];
    if versions.len() < VERSION_SWITCHER_MIN_VERSIONS
        || !versions.iter().all(|w| is_version_word(w))
    {
        return false;
    }
    let dotted = versions.iter().filter(|w| w.contains('.')).count();
    label.iter().any(|w| names_versions(w)) || dotted * 2 > versions.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The category of the phrase that `line` matches, as a block of its own words with no
    /// links; panics naming the line when none matches.
    fn category_of(line: &str) -> String {
        match_phrase(line, crate::lang::word_count(line), 0.0)
            .unwrap_or_else(|| panic!("{line}"))
            .0
    }

    fn section_verdicts(html: &str) -> Vec<(String, String)> {
        crate::detect::verdicts_on_html(&ChromePhrases, html, crate::detect::PageKinds::default())
            .into_iter()
            .filter(|(_, v)| v.reason.cause.starts_with("under the"))
            .map(|(text, v)| (text, v.reason.cause))
            .collect()
    }

    /// An article body of a few hundred words, so that sections after it are judged.
    fn article_body() -> String {
        let sentence = "The river rose slowly through the night, and by morning the lower \
                        fields of the valley were under water once again this year. ";
        format!(
            "<article><h1>Floods</h1><p>{}</p><p>{}</p></article>",
            sentence.repeat(6),
            sentence.repeat(6)
        )
    }

    #[test]
    fn dummy_text_left_in_a_template_is_chrome() {
        let html = "<div class='slide'><p>Lorem ipsum dolor sit amet, consectetur adipiscing \
                    elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></div>\
                    <p>Lorem Ipsum is the dummy text printers have used since the 1500s.</p>\
                    <pre><code>lorem ipsum dolor sit amet</code></pre>";
        let v: Vec<(String, String)> = crate::detect::verdicts_on_html(
            &ChromePhrases,
            html,
            crate::detect::PageKinds::default(),
        )
        .into_iter()
        .map(|(text, v)| (text, v.reason.cause))
        .collect();
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.starts_with("Lorem ipsum dolor sit amet"), "{v:?}");
        assert!(v[0].1.starts_with("is placeholder text"), "{v:?}");
    }

    #[test]
    fn blocks_under_an_author_or_related_heading_are_chrome() {
        let html = format!(
            "<main>{}<div class='box'><div class='title'><h3>About the Author</h3></div>\
             <p>Jo Marsh is a reporter who has covered rivers and weather for ten years.</p></div>\
             <section><h2>More from the Valley Courier</h2>\
             <h3><a href='/a'>Bridge reopens after repairs</a></h3><p>Traffic is back to normal.</p></section>\
             <section><h2>Notes</h2><p>The gauges were read at six.</p></section></main>",
            article_body()
        );
        let v = section_verdicts(&html);
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jo Marsh is a reporter who has covered rivers and weather for ten years.",
                "Bridge reopens after repairs",
                "Traffic is back to normal."
            ]
        );
        assert_eq!(v[0].1, "under the author heading \"about the author\"");
    }

    #[test]
    fn a_title_opening_with_a_rail_lead_over_links_is_chrome() {
        // "More <topic>" over a grid of linked titles, after the document.
        let html = format!(
            "<main>{}<div class='rail'><h2>More Garden Projects</h2><ul>\
             <li><a href='/a'>A trellis from old ladders</a></li>\
             <li><a href='/b'>Painting clay pots for spring</a></li></ul></div></main>",
            article_body()
        );
        let texts: Vec<String> = section_verdicts(&html)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            texts,
            [
                "A trellis from old ladders",
                "Painting clay pots for spring"
            ]
        );
        // "Más …:" as a lead-in over a list of bare links.
        let html = format!(
            "<main>{}<h4>Más sobre el valle:</h4><ul><li><a href='/c'>Las presas del norte</a>\
             </li></ul><p>Filed under weather.</p></main>",
            article_body()
        );
        let links = judged_texts(&html, "a link under the label");
        assert_eq!(links, ["Las presas del norte"]);
        // The same lead over the document's own prose, over its references, or a title the
        // lexicon files elsewhere, is not.
        for title in [
            "More Garden Projects",
            "More information",
            "More to explore",
        ] {
            let html = format!(
                "<main>{}<h2>{title}</h2><p>{}</p><ul><li><a href='/a'>A trellis</a></li>\
                 <li><a href='/b'>Clay pots</a></li></ul></main>",
                article_body(),
                "The ladders were sanded and painted before the vines went up. ".repeat(3)
            );
            assert!(section_verdicts(&html).is_empty(), "{title}");
        }
        for title in ["More information:", "More to explore:"] {
            let html = format!(
                "<main>{}<p>{title}</p><ul><li><a href='/a'>A trellis</a></li></ul></main>",
                article_body()
            );
            assert!(
                judged_texts(&html, "a link under the label").is_empty(),
                "{title}"
            );
        }
    }

    #[test]
    fn widget_labels_and_states_are_phrases() {
        let category =
            |text: &str| match_phrase(text, crate::lang::word_count(text), 0.0).map(|(c, ..)| c);
        for (text, expected) in [
            ("More in this category", "navigation"),
            ("More from this author", "navigation"),
            ("Link copied!", "status"),
            ("No items found.", "status"),
            ("(Visited 4,210 times, 17 visits today)", "status"),
            ("Post Views: 88", "status"),
            ("Beitragsaufrufe: 1.024", "status"),
            ("This slideshow requires JavaScript.", "browser"),
            ("Press ESC to close", "navigation"),
            ("Expand all", "navigation"),
            ("Staff Writer", "byline"),
            ("Share post on:", "social"),
            ("More articles you might enjoy", "related"),
            ("Photo illustration: Ana Ruiz for the Courier", "credit"),
            ("Other ways to connect with Jo", "follow"),
            ("See all comments (12)", "comments"),
        ] {
            assert_eq!(category(text).as_deref(), Some(expected), "{text}");
        }
        // Whole-line phrases do not take a sentence that starts like them.
        assert_eq!(
            category("Expand all the folders before you copy them."),
            None
        );
    }

    #[test]
    fn a_biography_under_a_plain_author_label_is_chrome() {
        let bios = |html: &str| judged_texts(html, "a biography under");
        let bio = "Jo Marsh is a reporter who has covered rivers, floods and the weather of \
                   the valley for ten years.";
        // A label paragraph, then the biography.
        let html = format!(
            "<main>{}<p>About the Author:</p><p>{bio}</p><p>Filed under weather.</p></main>",
            article_body()
        );
        assert_eq!(bios(&html), [bio]);
        let html = format!(
            "<main>{}<p>Über den Autor</p><p>{bio}</p></main>",
            article_body()
        );
        assert_eq!(bios(&html), [bio]);
        // Before the document has begun, or a label over no paragraph, is left alone.
        assert!(bios(&format!("<main><p>About the author</p><p>{bio}</p></main>")).is_empty());
        let html = format!(
            "<main>{}<p>About the author</p><h2>Next steps</h2></main>",
            article_body()
        );
        assert!(bios(&html).is_empty());
        // A paragraph that only opens with the phrase is no label.
        let html = format!(
            "<main>{}<p>About the author: {bio}</p></main>",
            article_body()
        );
        assert!(bios(&html).is_empty());
    }

    #[test]
    fn a_rail_under_a_specific_heading_is_chrome_after_the_first_paragraphs() {
        let sentence = "The river rose slowly through the night, and by morning the lower \
                        fields of the valley were under water once again this year. ";
        let rail = |heading: &str| {
            format!(
                "<article><h1>Floods</h1><p>{}</p><div><h3>{heading}</h3>\
                 <h3><a href='/a'>Bridge reopens after repairs</a></h3></div>\
                 <p>{}</p></article>",
                sentence.repeat(6),
                sentence.repeat(6)
            )
        };
        let v = section_verdicts(&rail("You might like"));
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Bridge reopens after repairs"]);
        // A single word needs the whole document before it.
        assert!(section_verdicts(&rail("Related")).is_empty());
    }

    #[test]
    fn invitations_to_explore_more_or_posts_to_enjoy_open_a_rail_after_an_article() {
        for heading in [
            "Explore more",
            "Other Posts You May Enjoy",
            "You’ll Also Love…",
            "Related articles that may interest you",
        ] {
            let html = format!(
                "<main>{}<section><h2>{heading}</h2>\
                 <h3><a href='/a'>Bridge reopens after repairs</a></h3>\
                 <p>Traffic is back to normal on the old bridge.</p></section></main>",
                article_body()
            );
            let v = section_verdicts(&html);
            let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(
                texts,
                [
                    "Bridge reopens after repairs",
                    "Traffic is back to normal on the old bridge."
                ],
                "{heading}"
            );
        }
    }

    /// Whether `line`, in a `<tag>` after an article's body, is flagged as chrome.
    fn chrome_after_article(tag: &str, line: &str) -> bool {
        let html = format!("<main>{}<{tag}>{line}</{tag}></main>", article_body());
        crate::detect::verdicts_on_html(&ChromePhrases, &html, crate::detect::PageKinds::default())
            .into_iter()
            .any(|(text, _)| text == line)
    }

    #[test]
    fn a_promise_to_keep_the_reader_informed_is_a_newsletter_pitch() {
        let chrome = |line: &str| chrome_after_article("h3", line);
        for line in [
            "Stay informed with the Riverside Gazette",
            "Stay up to date on harbour news and the tide tables",
            "Bleiben Sie informiert",
            "Blijf op de hoogte van het nieuws uit de haven",
        ] {
            assert!(chrome(line), "{line}");
        }
        // An article's advice to stay up to date, named without what on, stays.
        assert!(!chrome("3. Stay Up-to-Date"));
    }

    #[test]
    fn a_short_question_leading_into_a_newsletter_or_share_pitch_is_chrome() {
        let chrome = |line: &str| chrome_after_article("p", line);
        for line in [
            "Want more from the Gazette? Sign up for our newsletter and read smarter.",
            "Enjoy the post? Pin it for later!",
            "Love rivers? Live by the sea? Follow us on Instagram for weekly photos.",
        ] {
            assert!(chrome(line), "{line}");
        }
        // A question of the document's answered, or a long question, stays.
        assert!(!chrome("Why did the river rise? Rain fell for a week."));
        assert!(!chrome(
            "What should a town do when the river rises every single spring and the old \
             walls no longer hold? Sign up for the council's flood alerts."
        ));
    }

    #[test]
    fn the_next_page_and_offers_of_more_of_the_site_open_a_rail_after_an_article() {
        let rail = |heading: &str| {
            format!(
                "<main>{}<h3>{heading}</h3><ul>\
                 <li><a href='/a'>Bridge reopens after repairs</a></li>\
                 <li><a href='/b'>How to read a river gauge</a></li></ul></main>",
                article_body()
            )
        };
        for heading in [
            "Up Next",
            "Check out next:",
            "Explore More Flood Safety Guides",
            "Learn More in Our River Series:",
        ] {
            let v = section_verdicts(&rail(heading));
            let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(
                texts,
                ["Bridge reopens after repairs", "How to read a river gauge"],
                "{heading}"
            );
        }
        // A heading that only starts with the offer opens a section of prose as the document's.
        let prose = format!(
            "<main>{}<h3>Explore more of the valley</h3><p>{}</p></main>",
            article_body(),
            "The upper trail follows the river past the old mill and the weir. ".repeat(3)
        );
        assert!(section_verdicts(&prose).is_empty());
    }

    #[test]
    fn bare_links_right_under_a_read_next_label_are_chrome_and_prose_items_are_not() {
        let page = |label: &str, items: &str| {
            format!(
                "<main>{}<p>{label}</p><ul>{items}</ul><p>{}</p></main>",
                article_body(),
                "The gauges on the old bridge were read at six in the morning. ".repeat(4)
            )
        };
        let links = "<li><a href='/a'>Bridge reopens after repairs</a></li>\
                     <li><a href='/b'>How to read a river gauge</a></li>";
        let labelled = |html: &str| judged_texts(html, "a link under the label");
        // A lead-in that opens with a related phrase and ends in a colon announces them too.
        for label in [
            "Read next",
            "Read more:",
            "Related:",
            "Related guides and links:",
            "More from the Riverside Gazette:",
        ] {
            assert_eq!(
                labelled(&page(label, links)),
                ["Bridge reopens after repairs", "How to read a river gauge"],
                "{label}"
            );
        }
        // A sentence that leads into links, or items with prose of their own, are the
        // document's.
        assert!(labelled(&page("Read more in the two guides below:", links)).is_empty());
        assert!(labelled(&page("More from the Riverside Gazette", links)).is_empty());
        let prose = "<li><a href='/a'>Bridge</a>: it reopens after repairs on Monday.</li>\
                     <li><a href='/b'>Gauges</a>: how to read them when the river rises.</li>";
        assert!(labelled(&page("Related:", prose)).is_empty());
    }

    #[test]
    fn stock_states_and_offer_deadlines_are_chrome() {
        for (line, want) in [
            ("Backorder", "shop"),
            ("On back-order", "shop"),
            ("Back ordered", "shop"),
            ("Sale ends Sunday at midnight", "deadline"),
            ("Offer ends 12/31", "deadline"),
            ("Offer valid until stocks last", "deadline"),
            ("Price valid through June 3", "deadline"),
            ("Ends in 02:11:45", "deadline"),
            (
                "You’re seeing this ad because of what you searched for. Sellers can join the \
              program to show their products here, in a slot marked as paid for, on the \
              results pages.",
                "disclosure",
            ),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A sentence about an offer is the shop's prose.
        let prose = "Offer valid only in stores that stock the full range of our garden tools, \
                     from spades and rakes to the small hand trowels, and for members who joined.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn an_offers_deadline_leaves_the_region_alone() {
        let html = "<main><div class='card'><h3>Lamp</h3><p>Sale ends Friday</p></div></main>";
        let v = crate::detect::verdicts_on_html(
            &ChromePhrases,
            html,
            crate::detect::PageKinds::default(),
        );
        let deadline = v
            .iter()
            .find(|(t, _)| t == "Sale ends Friday")
            .expect("the deadline is judged");
        assert!(deadline.1.region_neutral);
        // Other phrases still weigh in the choice of the region.
        let html = "<main><p>Out of stock</p></main>";
        let v = crate::detect::verdicts_on_html(
            &ChromePhrases,
            html,
            crate::detect::PageKinds::default(),
        );
        assert!(v.iter().all(|(_, v)| !v.region_neutral));
    }

    #[test]
    fn an_advertised_card_goes_with_its_label_unless_it_is_an_entry_of_a_grid() {
        let ad = |name: &str| {
            format!(
                "<div class='banner'><div><div class='info'><p>{name}</p><p>$12.99</p></div>\
                 <div class='tag'><p>Sponsored</p></div></div></div>"
            )
        };
        let product = "<h1>Oak side table</h1><p>A small table of solid oak, oiled by hand.</p>";
        let advertised = |html: &str| {
            crate::detect::verdicts_on_html(
                &ChromePhrases,
                html,
                crate::detect::PageKinds::default(),
            )
            .into_iter()
            .filter(|(_, v)| v.reason.cause == "in a card labelled as an ad")
            .map(|(t, _)| t)
            .collect::<Vec<_>>()
        };
        let html = format!(
            "<main>{product}{}<p>Shipping and returns.</p></main>",
            ad("Desk lamp")
        );
        assert_eq!(advertised(&html), ["Desk lamp", "$12.99"]);
        // A grid's sponsored entry is one of the listing's entries.
        let grid = format!(
            "<main>{product}<ul><li>{}</li><li>{}</li><li>{}</li></ul><p>Page 2</p></main>",
            ad("Desk lamp"),
            "<div class='banner'><p>Floor lamp</p><p>$40</p></div>",
            "<div class='banner'><p>Wall lamp</p><p>$30</p></div>"
        );
        assert!(advertised(&grid).is_empty());
    }

    #[test]
    fn a_long_lead_in_goes_with_the_links_it_announces() {
        let verdicts = |label: &str, items: &str| -> Vec<(String, String)> {
            let html = format!(
                "<main>{}<h4>{label}</h4>{items}<p>{}</p></main>",
                article_body(),
                "The gauges on the old bridge were read at six in the morning. ".repeat(4)
            );
            crate::detect::verdicts_on_html(
                &ChromePhrases,
                &html,
                crate::detect::PageKinds::default(),
            )
            .into_iter()
            .map(|(t, v)| (t, v.reason.cause))
            .collect()
        };
        let label = "You might be interested in these stories from the valley as well:";
        // Linked titles in a grid of teasers, not a list.
        let grid = "<div><a href='/a'><h5>Bridge reopens after repairs</h5></a>\
                    <a href='/b'><h5>How to read a river gauge</h5></a></div>";
        let v = verdicts(label, grid);
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                label,
                "Bridge reopens after repairs",
                "How to read a river gauge"
            ],
            "{v:?}"
        );
        assert_eq!(v[0].1, "labels a list of links to other pages");
        // Under a heading that leads in with a colon, items that are each a sentence around
        // a link are teasers too; without the colon they are the document's.
        let teasers = "<ul><li><p>See how the <a href='/a'>bridge reopened</a> after a year \
                       of repairs.</p></li><li><p>Learn <a href='/b'>how to read a gauge</a> \
                       when the river rises.</p></li></ul>";
        assert_eq!(verdicts(label, teasers).len(), 3);
        assert!(verdicts("You might be interested in the stories below", teasers).is_empty());
    }

    #[test]
    fn a_card_labelled_related_inside_an_article_is_chrome() {
        let html = format!(
            "<main>{}<div class='card'><span><label>Related</label></span>\
             <div><h5><a href='/a'>Bridge reopens after repairs</a></h5>\
             <p>Traffic is back to normal.</p></div></div><p>The gauges were read at six.</p></main>",
            article_body()
        );
        let v = crate::detect::verdicts_on_html(
            &ChromePhrases,
            &html,
            crate::detect::PageKinds::default(),
        );
        let texts: Vec<&str> = v
            .iter()
            .filter(|(_, v)| v.reason.cause == "in a card labelled as related")
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            texts,
            ["Bridge reopens after repairs", "Traffic is back to normal."]
        );
    }

    #[test]
    fn a_label_over_each_entry_of_a_listing_is_a_field_of_the_entries() {
        // A store's genre page: each game's card has its "Tags" line; the label opens
        // card after card, so the tags are a field of the entries.
        let game = |name: &str| {
            format!(
                "<div class='game'><p>{name} is a game of trade and exploration across a \
                 wide archipelago of islands, ports and hidden coves waiting to be found \
                 by patient captains.</p><div class='tags'><span>Tags</span>\
                 <div><a href='/t/sail'>Sailing</a> <a href='/t/trade'>Trading</a> \
                 <a href='/t/open'>Open World</a></div></div></div>"
            )
        };
        let names = [
            "Tidewater",
            "Saltmarsh",
            "Driftwood",
            "Longshore",
            "Harbourlight",
        ];
        let labelled = |count: usize| {
            let html = format!(
                "<main>{}{}</main>",
                article_body(),
                names[..count].iter().map(|n| game(n)).collect::<String>()
            );
            crate::detect::verdicts_on_html(
                &ChromePhrases,
                &html,
                crate::detect::PageKinds::default(),
            )
            .into_iter()
            .filter(|(_, v)| v.reason.cause == "in a card labelled as related")
            .count()
        };
        assert_eq!(labelled(5), 0);
        // Under an article, a card or two labelled so are teasers of other pages.
        assert_eq!(labelled(2), 2);
    }

    #[test]
    fn other_products_under_their_heading_are_chrome_after_a_short_description() {
        let html = "<main><h1>Canvas Tote</h1><p>A sturdy bag for the market.</p>\
                    <section><h2>Customers also bought</h2>\
                    <h3><a href='/a'>Linen Apron</a></h3><p>$24.00</p></section>\
                    <section><h2>Care</h2><p>Wash cold, dry flat.</p></section></main>";
        let v = section_verdicts(html);
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Linen Apron", "$24.00"]);
        assert_eq!(
            v[0].1,
            "under the products heading \"customers also bought\""
        );
    }

    #[test]
    fn a_heading_in_a_row_with_a_label_opens_the_rail_below_the_row() {
        // The heading shares its row with a "Sponsored" tag; the cards are in the row's
        // parent, under the row.
        let html = "<main><h1>Canvas Tote</h1><p>A sturdy bag for the market.</p>\
                    <div class='rail'><div class='row'><div class='col'>\
                    <h2>Customers also bought</h2><span>Sponsored</span></div></div>\
                    <ol><li><a href='/a'>Linen Apron</a> <span>$24.00</span></li>\
                    <li><a href='/b'>Cotton Bag</a> <span>$18.00</span></li></ol></div>\
                    <section><h2>Care</h2><p>Wash cold, dry flat.</p></section></main>";
        let v = section_verdicts(html);
        let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Sponsored", "Linen Apron $24.00", "Cotton Bag $18.00"]
        );
    }

    #[test]
    fn a_region_labelled_as_other_products_is_chrome() {
        let page = |label: &str| {
            format!(
                "<main><h1>Canvas Tote</h1><p>A sturdy bag for the market.</p>\
                 <div aria-label='{label}' aria-roledescription='carousel'><ol>\
                 <li><a href='/a'>Linen Apron</a> <span>$24.00</span></li>\
                 <li><a href='/b'>Cotton Bag</a> <span>$18.00</span></li></ol></div>\
                 <p>Wash cold, dry flat.</p></main>"
            )
        };
        let labelled = |html: &str| judged_texts(html, "in a region labelled");
        assert_eq!(
            labelled(&page("Products related to this item")),
            ["Linen Apron $24.00", "Cotton Bag $18.00"]
        );
        // A label of one word, or one that names the document's own part, is no rail's.
        assert!(labelled(&page("Related")).is_empty());
        assert!(labelled(&page("Product details")).is_empty());
    }

    #[test]
    fn accessories_and_add_ons_offered_beside_a_product_are_other_products() {
        for heading in [
            "Add the essentials",
            "Choose your add-ons",
            "You may also need",
        ] {
            let html = format!(
                "<main><h1>Steel Tumbler</h1><p>Keeps coffee hot on the road.</p>\
                 <section><h2>{heading}</h2><h3><a href='/lid'>Straw Lid</a></h3>\
                 <p>Snaps on in a second.</p></section></main>"
            );
            let v = section_verdicts(&html);
            let texts: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(texts, ["Straw Lid", "Snaps on in a second."], "{heading}");
        }
        // A service's own add-ons, under a bare heading, are its offer.
        let service = "<main><h1>Resume writing</h1><p>We rewrite your resume.</p>\
                       <section><h2>Add-ons</h2><h3>Cover letter</h3>\
                       <p>A letter to match.</p></section></main>";
        assert!(section_verdicts(service).is_empty());
    }

    #[test]
    fn sections_before_any_prose_or_under_a_vague_heading_of_prose_stay() {
        // A listing's "Latest" heads its document.
        let listing = "<main><h2>Latest news</h2><h3><a href='/a'>Bridge reopens</a></h3>\
                       <p>Traffic is back to normal on the old bridge.</p></main>";
        assert!(section_verdicts(listing).is_empty());
        // "Related" over prose (a section of the document about related work) stays.
        let related = format!(
            "<main>{}<section><h2>Related</h2><p>Earlier papers on the problem are listed \
             in the survey by the same authors.</p></section></main>",
            article_body()
        );
        assert!(section_verdicts(&related).is_empty());
    }

    #[test]
    fn whole_lines_match_in_many_languages() {
        for line in [
            "Continue Reading",
            "Read more »",
            "Connect with us",
            "Comments (3)",
            "Weiterlesen",
            "Lire la suite",
            "Leer más",
            "Читать далее",
            "阅读全文",
            "続きを読む",
            "Latest",
            "Trending",
        ] {
            assert!(match_phrase(line, 2, 0.0).is_some(), "{line}");
        }
    }

    #[test]
    fn forum_attachment_labels_and_bot_footers_match() {
        for line in [
            "View attachment 4021",
            "View attachment 4021 View attachment 4022",
            "I am a bot, and this comment was posted by a script.",
            "Beep. This action was performed automatically. Ask the team with questions.",
        ] {
            assert!(
                match_phrase(line, crate::lang::word_count(line), 0.0).is_some(),
                "{line}"
            );
        }
        let prose = "I am a botanist, and this garden is where I spend most of my days.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn storefront_grid_controls_match_with_their_counts() {
        for line in [
            "Loaded 296 results",
            "Showing 1 - 24 of 296 results",
            "514 items",
            "1-12 of 40 products",
            "Compare",
            "Loading...",
            "New Arrival",
            "Recently Viewed",
            "Per page",
            "Add to Wishlist",
        ] {
            assert!(match_phrase(line, 4, 0.0).is_some(), "{line}");
        }
        // Prose about results or items is not a control.
        for text in ["The results were clear", "Items on sale this week"] {
            assert!(match_phrase(text, 4, 0.0).is_none(), "{text}");
        }
    }

    #[test]
    fn a_pager_position_and_pairing_headings_match_as_whole_lines() {
        for line in [
            "Page 2 of 9",
            "Slide 1 of 5",
            "Seite 3 von 12",
            "Pairs well with",
            "See similar items",
        ] {
            assert!(match_phrase(line, 4, 0.0).is_some(), "{line}");
        }
        // A sentence about pages is no pager.
        assert!(match_phrase("Page 2 of the report lists the sites", 8, 0.0).is_none());
    }

    #[test]
    fn calls_to_action_and_form_labels_match_as_whole_lines() {
        for line in [
            "Learn more",
            "Learn More →",
            "Close",
            "Email address",
            "View all",
            "Shop now",
        ] {
            assert!(match_phrase(line, 2, 1.0).is_some(), "{line}");
        }
        let text = "Learn more about how the close of the harbour changed trade";
        assert!(match_phrase(text, 11, 0.0).is_none());
    }

    #[test]
    fn forum_furniture_around_the_posts_is_chrome() {
        for (line, want) in [
            ("Similar threads", "related"),
            ("Similar Topics", "related"),
            ("Return to \u{201c}Troubleshooting\u{201d}", "navigation"),
            ("Results 1 to 18 of 18", "navigation"),
            ("Click to expand...", "navigation"),
            ("You must log in or # to comment.", "comments"),
            (
                "Hello! It looks like you're interested in this conversation, but you don't have an account yet.",
                "account",
            ),
            ("Sent from my SM-G991B using Tapatalk", "signature"),
            ("Sign up to request clarification on this question.", "comments"),
            ("Log in to reply", "comments"),
            ("Sign in to comment on this answer", "comments"),
            ("Join to see the lens and settings of this photo", "account"),
            ("Inicia sesión para comentar", "comments"),
            ("Register for free to compare the rankings side by side", "account"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A step of a recipe or a story's sentence is prose.
        for prose in [
            "Return to the oven for ten minutes until the crust is golden.",
            "Sent from my hometown to a school in the capital, she learned fast.",
            "Register to join the spring walks of the club",
        ] {
            assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        }
    }

    #[test]
    fn like_summaries_and_app_signatures_under_posts_are_chrome() {
        assert!(is_like_summary(
            "Oskar, Petra and 2 others like this.",
            6,
            0.6,
            || fold("Oskar, Petra and 2 others like this.")
        ));
        assert!(is_like_summary("Mirela likes this.", 3, 0.5, || fold(
            "Mirela likes this."
        )));
        assert!(is_like_summary("3 people like this.", 3, 0.0, || fold(
            "3 people like this."
        )));
        assert!(is_like_summary(
            "Oskar und Petra gefällt das.",
            5,
            0.5,
            || fold("Oskar und Petra gefällt das.")
        ));
        assert!(is_like_summary(
            "Oskar et Petra aiment ceci.",
            5,
            0.5,
            || fold("Oskar et Petra aiment ceci.")
        ));
        // A sentence of a post that ends the same way links no names.
        assert!(!is_like_summary(
            "My cat really likes this.",
            5,
            0.0,
            || fold("My cat really likes this.")
        ));
        assert!(!is_like_summary(
            "Everyone likes this brand",
            4,
            0.5,
            || fold("Everyone likes this brand")
        ));
        for line in [
            "Sent from my Pixel 9 using Tapatalk",
            "Sent from my phone using the Garden Club app",
            "Gesendet von meinem Handy mit Tapatalk",
            "Envoyé de mon téléphone en utilisant Tapatalk",
            "Enviado desde mi móvil usando Tapatalk",
            "Inviato dal mio telefono utilizzando Tapatalk",
            "Verzonden vanaf mijn telefoon met Tapatalk",
        ] {
            assert!(
                is_app_signature(crate::lang::word_count(line), || fold(line)),
                "{line}"
            );
        }
        for prose in [
            "Sent from my aunt, the parcel held two old letters.",
            "Sent from my desk using a pigeon was how I imagined the job, but it took more than that to settle in.",
        ] {
            assert!(!is_app_signature(crate::lang::word_count(prose), || fold(prose)), "{prose}");
        }
    }

    #[test]
    fn a_landing_pages_teaser_and_trial_buttons_are_bare_link_labels() {
        for line in [
            "Read blog",
            "Watch demo →",
            "Read case study",
            "Read the article",
            "Request a demo",
            "Try for free",
            "Start your free trial",
            "Demo anfordern",
        ] {
            let (category, _, whole) = match_phrase(line, crate::lang::word_count(line), 0.0)
                .unwrap_or_else(|| panic!("{line}"));
            assert_eq!((category.as_str(), whole), ("navigation", true), "{line}");
        }
        // The same words in a sentence are prose.
        for prose in [
            "Read the article our editors wrote last spring before you decide.",
            "Try for free the new ferry route between the islands this summer.",
        ] {
            assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        }
    }

    #[test]
    fn accessibility_skip_links_match_in_many_languages() {
        for (line, words) in [
            ("Skip navigation links", 3),
            ("Jump to navigation", 3),
            ("Zum Hauptinhalt springen", 3),
            ("Direkt zum Inhalt", 3),
            ("Passer au contenu principal", 4),
            ("Saltar al contenido", 3),
            ("Vai al contenuto", 3),
            ("Ga naar de inhoud", 4),
            ("Pular para o conteúdo", 4),
        ] {
            assert!(match_phrase(line, words, 0.0).is_some(), "{line}");
        }
    }

    #[test]
    fn a_rail_under_a_related_label_in_its_own_widget_is_chrome() {
        let html = format!(
            "<main>{}<div><div class='widget'><div class='label'>Related articles</div></div>\
             <div class='widget'><h3><a href='/a'>Bridge reopens after repairs</a></h3>\
             <h3><a href='/b'>Council meets on Friday</a></h3></div></div></main>",
            article_body()
        );
        let v = crate::detect::verdicts_on_html(
            &ChromePhrases,
            &html,
            crate::detect::PageKinds::default(),
        );
        let texts: Vec<&str> = v
            .iter()
            .filter(|(_, v)| v.reason.cause.starts_with("under the related label"))
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            texts,
            ["Bridge reopens after repairs", "Council meets on Friday"]
        );
    }

    /// The texts of the blocks judged under a label (not a heading) of `category`.
    fn under_label(html: &str, category: &str) -> Vec<String> {
        judged_texts(html, &format!("under the {category} label"))
    }

    /// The texts of the blocks the detector judges, on a page declaring nothing, with a
    /// cause that holds `cause`.
    fn judged_texts(html: &str, cause: &str) -> Vec<String> {
        crate::detect::verdicts_on_html(&ChromePhrases, html, crate::detect::PageKinds::default())
            .into_iter()
            .filter(|(_, v)| v.reason.cause.contains(cause))
            .map(|(text, _)| text)
            .collect()
    }

    #[test]
    fn a_rail_under_a_products_label_goes_without_prose_before_it() {
        // A short product page: a name, a price, a line; then other products' links.
        let html = "<main><h1>Walnut desk lamp</h1><p>$89</p><p>Warm light for late reading.</p>\
             <div><div class='row'><div class='label'>Complete the look</div></div>\
             <div class='row'><p><a href='/a'>Brass reading chair</a></p>\
             <p><a href='/b'>Linen side table</a></p></div></div></main>";
        assert_eq!(
            under_label(html, "products"),
            ["Brass reading chair", "Linen side table"]
        );
    }

    #[test]
    fn add_ons_with_their_prices_and_pickers_go_under_a_products_label_but_prose_does_not() {
        // Each add-on: its linked name, its price and the colours to pick from, which hold
        // more words than the names do.
        let card = |href: &str, name: &str| {
            format!(
                "<div class='addon'><input type='checkbox' id='{href}'>\
                 <label for='{href}'><a href='/{href}'>{name}</a></label><p>$12.00</p>\
                 <p>Colour: Grey</p><p>Harbour Grey</p><p>Meadow Green</p></div>"
            )
        };
        let html = format!(
            "<main><h1>Steel travel mug</h1><p>$30</p><p>Hot for hours.</p>\
             <div class='addons'><p class='title'>Add the essentials</p>{}{}</div></main>",
            card("lid", "Spare lid"),
            card("straw", "Straw set")
        );
        let judged = under_label(&html, "products");
        assert!(judged.iter().any(|t| t == "Spare lid"), "{judged:?}");
        assert!(judged.iter().any(|t| t == "Meadow Green"), "{judged:?}");
        // A paragraph of prose with a link under such a label is no rail of products.
        let prose = "<main><h1>Steel travel mug</h1><p>$30</p><p>Hot for hours.</p>\
             <div class='more'><p class='title'>Pairs well with</p>\
             <p>A slice of <a href='/cake'>lemon cake</a>, or the <a href='/tea'>breakfast \
             tea</a> we blend in our own kitchen from leaves picked on the hills each spring.</p>\
             <p>Harbour Grey</p><p>Meadow Green</p></div></main>";
        assert!(under_label(prose, "products").is_empty());
    }

    #[test]
    fn a_list_of_links_under_a_products_label_goes_without_prose_before_it() {
        // The label sits deep in a widget of its own, the links in a list after it.
        let html = "<main><h1>Walnut desk lamp</h1><p>$89</p><p>Warm light for late reading.</p>\
             <div><div><div><div><div><div><div><p>Customers also bought</p></div></div></div>\
             </div></div></div></div><ul><li><a href='/a'>Brass reading chair</a></li>\
             <li><a href='/b'>Linen side table</a></li></ul></main>";
        let linked = |html: &str| judged_texts(html, "a link under the label");
        assert_eq!(linked(html), ["Brass reading chair", "Linen side table"]);
        // A label of another kind still needs the document's prose before it.
        assert!(linked(&html.replace("Customers also bought", "Related:")).is_empty());
    }

    #[test]
    fn a_carousel_under_a_linked_sponsored_label_goes_up_to_the_next_heading() {
        let html = "<main><h1>Trail kettle</h1><p>A steel kettle for two cups.</p>\
             <div class='carousel'><div class='head'><a href='/adinfo'>Sponsored</a></div>\
             <div class='cards'><p><a href='/x'>Camp stove with wind shield</a></p>\
             <p><a href='/y'>Folding mug, set of two</a></p>\
             <h2>Care of the kettle</h2><p>Rinse it after each use and let it dry open.</p>\
             </div></div></main>";
        assert_eq!(
            under_label(html, "ads"),
            ["Camp stove with wind shield", "Folding mug, set of two"]
        );
        // One word of another kind ("Related") labels no rail.
        let related = html.replace("<a href='/adinfo'>Sponsored</a>", "Related");
        assert!(under_label(&related, "related").is_empty());
    }

    #[test]
    fn an_ads_label_over_each_card_takes_its_own_card_only() {
        let card = |title: &str| {
            format!(
                "<div class='card'><div><a href='/adinfo'>Sponsored</a></div>\
                 <p><a href='/{title}'>{title}</a></p></div>"
            )
        };
        let html = format!(
            "<main><h1>Trail kettle</h1><p>A steel kettle for two cups.</p>\
             <div class='grid'>{}{}</div></main>",
            card("Camp stove"),
            card("Folding mug")
        );
        assert_eq!(under_label(&html, "ads"), ["Camp stove", "Folding mug"]);
    }

    #[test]
    fn a_label_in_a_carousels_header_row_heads_the_cards_below_the_row() {
        // The label shares its row with the carousel's pager; the cards are in the row's
        // parent, under the row.
        let carousel = |label: &str| {
            format!(
                "<main><h1>Trail kettle</h1><p>A steel kettle for two cups.</p>\
                 <div class='carousel'><div class='head'><div class='col'>{label}</div>\
                 <div class='col'><span>Page 1 of 2</span></div></div>\
                 <div class='cards'><p><a href='/x'>Camp stove with wind shield</a></p>\
                 <p><a href='/y'>Folding mug, set of two</a></p></div></div></main>"
            )
        };
        assert_eq!(
            under_label(&carousel("Complete the look"), "products"),
            [
                "Page 1 of 2",
                "Camp stove with wind shield",
                "Folding mug, set of two"
            ]
        );
        // A label printed over each entry of a list heads its own row only (here a pager,
        // no links: no rail).
        let twice = carousel("Complete the look").replace(
            "</main>",
            "<div class='x'><div class='head'><div>Complete the look</div></div></div></main>",
        );
        assert!(under_label(&twice, "products").is_empty());
    }

    #[test]
    fn sign_up_prompts_and_sponsor_labels_match_and_the_document_offer_does_not() {
        for (line, words) in [
            ("Sign up to receive regular emails like this", 8),
            ("Sign up now and get the best stories every week.", 10),
            (
                "The best of the Courier, delivered to your inbox every morning",
                11,
            ),
            ("Die wichtigsten Nachrichten direkt in Ihr Postfach", 7),
            ("Sponsored by", 2),
            ("BROUGHT TO YOU BY", 4),
            ("This newsletter is sponsored by", 5),
            ("En partenariat avec", 3),
        ] {
            assert!(match_phrase(line, words, 0.0).is_some(), "{line}");
        }
        for (text, words) in [
            (
                "Sign up as a supporting member for forty dollars a year.",
                11,
            ),
            (
                "The study was sponsored by the city and two universities.",
                10,
            ),
            ("Sponsored by the council, the bridge reopened in May.", 9),
        ] {
            assert!(match_phrase(text, words, 0.0).is_none(), "{text}");
        }
    }

    #[test]
    fn script_and_browser_notices_match_and_prose_about_scripts_does_not() {
        for (line, words) in [
            ("You need to enable JavaScript to run this app.", 9),
            (
                "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.",
                15,
            ),
            ("You must enable JavaScript to shop on our store", 9),
            (
                "We're sorry but Atlas doesn't work properly without JavaScript enabled. Please enable it to continue.",
                15,
            ),
            ("Bitte aktivieren Sie JavaScript, um diese Seite zu nutzen.", 9),
            ("Veuillez activer JavaScript dans votre navigateur.", 6),
            ("JavaScriptを有効にしてください。", 1),
            (
                "Your version of Internet Explorer is not longer supported. Please upgrade your browser.",
                13,
            ),
            ("Please update your browser to view this site.", 8),
        ] {
            assert!(
                match_phrase(line, words, 0.0).is_some_and(|(c, _, _)| c == "browser"),
                "{line}"
            );
        }
        for text in [
            "JavaScript is required knowledge for this course, along with some HTML.",
            "Enable the JavaScript console in your browser's developer tools",
            "Internet Explorer was the default browser of Windows for two decades.",
        ] {
            assert!(match_phrase(text, 11, 0.0).is_none(), "{text}");
        }
    }

    #[test]
    fn copyright_and_partner_lines_match() {
        assert!(match_phrase("© 2024 Example Media. All rights reserved.", 7, 0.0).is_some());
        assert!(match_phrase("Copyright 2023 The Daily Bugle", 5, 0.0).is_some());
        assert!(match_phrase("From our partner Tehran Times", 5, 0.0).is_some());
        assert!(match_phrase("Alle Rechte vorbehalten.", 3, 0.0).is_some());
    }

    #[test]
    fn consent_clauses_of_forms_match_in_any_length_and_prose_does_not() {
        let clause = "By clicking Join, you agree to receive the Harbour Weekly and our \
                      partners' offers by email. You can unsubscribe at any time; rates may \
                      apply. See our Terms and Privacy Notice for how we keep your data.";
        let words = clause.split_whitespace().count();
        assert!(words > MAX_PARTIAL_WORDS * 2 - 20, "{words}");
        assert!(is_consent_clause(clause, words));
        assert!(is_consent_clause(
            "En cliquant sur S'inscrire, vous acceptez nos conditions.",
            8
        ));
        assert!(is_consent_clause(
            "Mit dem Absenden des Formulars stimme ich der Datenschutzerklärung zu.",
            10
        ));
        // Prose that starts the same way agrees to nothing.
        assert!(!is_consent_clause(
            "By providing customers with useful offers, shops keep them coming back.",
            11
        ));
        // "agree" inside another word is not an agreement.
        assert!(!is_consent_clause(
            "By clicking twice you agreeably open the folder.",
            8
        ));
    }

    #[test]
    fn terms_agreed_to_by_using_a_site_are_consent_clauses() {
        assert!(is_consent_clause(
            "By using Harbour Maps, you agree to our Privacy Policy.",
            9
        ));
        assert!(is_consent_clause(
            "By posting to this board you agree to abide by its rules.",
            11
        ));
        assert!(is_consent_clause(
            "En utilisant ce site, vous acceptez nos conditions.",
            7
        ));
        // Prose about using something agrees to nothing.
        assert!(!is_consent_clause(
            "By using a trait bound, the method applies to more types.",
            11
        ));
    }

    #[test]
    fn a_short_block_mostly_made_of_a_consent_clause_is_one() {
        let notice = "To run this site we keep a log. By using Harbour Maps, you agree to \
                      our Privacy Policy and cookie policy.";
        let words = notice.split_whitespace().count();
        assert!(!is_consent_clause(notice, words));
        assert!(ends_with_consent_clause(notice, words));
        // A clause at the end of a longer first part is the prose's own.
        let prose = "Tenants who sign the lease before the end of the month get the first \
                     week free and a parking space. By signing up you agree.";
        assert!(!ends_with_consent_clause(
            prose,
            prose.split_whitespace().count()
        ));
        // A paragraph that goes on is prose, whatever it ends with.
        let long = "word ".repeat(30) + "end. By using it, you agree to the terms of it all.";
        assert!(!ends_with_consent_clause(
            &long,
            long.split_whitespace().count()
        ));
    }

    #[test]
    fn consent_clauses_are_chrome_verdicts() {
        let html = "<main><p>By submitting this form, I consent to be contacted by the \
                    clinic about my appointment.</p><p>By clicking the gear icon the \
                    settings open.</p></main>";
        let v = crate::detect::verdicts_on_html(
            &ChromePhrases,
            html,
            crate::detect::PageKinds::default(),
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.starts_with("By submitting"));
        assert_eq!(v[0].1.reason.cause, "is the consent clause of a form");
    }

    #[test]
    fn prose_that_mentions_a_phrase_does_not_match() {
        assert!(match_phrase("Read more carefully and you will see it.", 8, 0.0).is_none());
        let long = "Share this with care: ".to_string() + &"word ".repeat(40);
        assert!(match_phrase(&long, 44, 0.0).is_none());
        assert!(match_phrase("The latest figures show a rise.", 6, 0.0).is_none());
    }

    #[test]
    fn subscription_notices_and_calls_to_follow_are_chrome() {
        for (line, want) in [
            (
                "Thanks for subscribing! Look out for your first issue soon.",
                "newsletter",
            ),
            (
                "Was this newsletter forwarded to you? Sign up to get it.",
                "newsletter",
            ),
            (
                "This article is exclusive to Plus subscribers",
                "newsletter",
            ),
            (
                "Unlock this article — plus analysis and alerts.",
                "newsletter",
            ),
            ("Merci pour votre inscription !", "newsletter"),
            (
                "Follow us on Telegram, Facebook and X for the latest news.",
                "follow",
            ),
            (
                "Follow me on Instagram for new recipes every week!",
                "follow",
            ),
            ("Síguenos en Instagram para más recetas.", "follow"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A sentence where the words come later is prose.
        let prose = "Readers who follow us on this trip will see the river rise.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn share_prompts_naming_a_network_and_a_recipe_card_s_cook_mode_are_chrome() {
        for (line, want) in [
            ("Share on Pinterest", "social"),
            ("Share this on:", "social"),
            ("Pin this for later!", "social"),
            ("Stay connected with me!", "follow"),
            ("Cook Mode", "browser"),
            (
                "Prevent your screen from going dark while you cook.",
                "browser",
            ),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // Prose that shares or pins something is no prompt.
        let prose = "Pin this hem before you sew it, then press the seam flat.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_recipe_card_s_prompt_to_rate_or_share_the_dish_is_chrome() {
        for line in [
            "Tried this recipe? Tag us on Instagram with #oursundaytable!",
            "Did you make this recipe? Please leave a star rating below.",
            "Rezept ausprobiert? Dann zeig uns dein Foto!",
            "¿Has hecho esta receta? ¡Déjanos un comentario!",
            "Vous avez testé cette recette ? Laissez une note.",
        ] {
            assert_eq!(category_of(line), "rating", "{line}");
        }
        // A step that says what was made is the recipe's.
        let prose = "Once you have made this recipe twice, try it with rye flour.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_pitch_after_a_short_lead_clause_is_chrome() {
        let pitch = |text: &str| {
            crate::detect::verdicts_on_html(
                &ChromePhrases,
                &format!("<p>{text}</p>"),
                crate::detect::PageKinds::default(),
            )
            .into_iter()
            .map(|(_, v)| v.reason.cause)
            .next()
        };
        let cause = pitch("For daily tips and tales, sign up for the Gazette newsletter.");
        assert_eq!(
            cause.as_deref(),
            Some("contains the newsletter phrase \"sign up for\"")
        );
        let cause = pitch("To stay in touch, follow us on Instagram.");
        assert_eq!(
            cause.as_deref(),
            Some("contains the follow phrase \"follow us on\"")
        );
        // A step of a manual subscribes to something else than a newsletter.
        assert_eq!(pitch("Next, subscribe to the events your app needs."), None);
    }

    #[test]
    fn the_title_of_a_table_of_contents_alone_is_navigation() {
        for line in ["Contents", "Contents:", "Inhaltsverzeichnis", "Sommaire"] {
            assert_eq!(category_of(line), "navigation", "{line}");
        }
        let prose = "Contents of the box: a tent, two poles and a bag of pegs.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_cookie_notice_of_a_few_sentences_is_chrome_and_prose_on_cookies_is_not() {
        let notice = "We use cookies to make this site work, to keep it secure and to \
                      measure how it is used. Cookies let us remember your choices and show \
                      you offers that fit. You can refuse them in your browser's settings at \
                      any time.";
        let words = crate::lang::word_count(notice);
        assert!(words > MAX_PARTIAL_WORDS, "{words}");
        let (category, _, _) = match_phrase(notice, words, 0.0).expect("a cookie notice");
        assert_eq!(category, "cookies");
        let prose = "Bakers who use cookies as a base for tarts press the crumbs into the tin \
                     with the back of a spoon, then chill the tin for an hour before they fill \
                     it with cream.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_disclosure_that_the_site_earns_commissions_is_chrome() {
        for notice in [
            "We earn a commission for products bought through some links in this guide.",
            "Harbour Reviews is supported by commissions from the shops listed on our site.",
            "Buy through the links below and we earn a small commission at no cost to you.",
        ] {
            let words = crate::lang::word_count(notice);
            let (category, _, _) = match_phrase(notice, words, 0.0).expect(notice);
            assert_eq!(category, "disclosure", "{notice}");
        }
    }

    #[test]
    fn a_readers_appeal_of_a_few_sentences_is_chrome_and_prose_on_giving_is_not() {
        for appeal in [
            "If reporting like this helps you understand your town, please consider pitching \
             in whatever you can afford. Every gift keeps our newsroom's work free to read \
             for neighbors, students, and local officials alike, with no paywall and no ads \
             in the way.",
            "Like this blog? Become a patron on Patreon or buy a mug from our shop. Each \
             pledge pays for the parts we test and the hours we spend writing the reviews \
             you read here every week.",
            "Enjoying this piece? Consider supporting our journalism with a subscription, \
             which funds the reporters who travel, interview, and check every fact before \
             a story goes out to readers around the world.",
            "Unterstützen Sie unseren Journalismus mit einem kleinen monatlichen Beitrag.",
        ] {
            let words = crate::lang::word_count(appeal);
            let (category, _, _) = match_phrase(appeal, words, 0.0).expect(appeal);
            assert_eq!(category, "donation", "{appeal}");
        }
        assert_eq!(category_of("Donate now"), "donation");
        let prose = "The charity says monthly giving is steadier than gala nights, and that \
                     supporters who pledge small sums stay for years, which lets it plan \
                     its school programs well ahead of each new term.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        let other = "Please consider supporting the food bank on Main Street this winter.";
        assert!(match_phrase(other, crate::lang::word_count(other), 0.0).is_none());
        let long = "Support our mission to plant trees. ".to_string() + &"word ".repeat(60);
        assert!(match_phrase(&long, crate::lang::word_count(&long), 0.0).is_none());
    }

    #[test]
    fn closing_offers_vote_replies_and_shop_bar_offers_match() {
        for (line, want) in [
            ("If you liked this post, you might also like:", "related"),
            ("If you enjoyed this article you may also like", "related"),
            (
                "Curious about more boxes? Check out all our meal kit reviews.",
                "related",
            ),
            (
                "We are sorry that this post was not useful for you!",
                "rating",
            ),
            ("Let us improve this post!", "rating"),
            ("Free US shipping on orders of $35 or more", "shop"),
            ("Hassle-free returns within 60 days", "shop"),
            (
                "A reader-run site: your support is greatly appreciated!",
                "donation",
            ),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        for prose in [
            "If you liked this one, the sequel is even darker and funnier.",
            "Returns were not hassle at all, the shop wrote back within a day.",
        ] {
            assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        }
    }

    #[test]
    fn every_appeal_phrase_holds_a_stem_that_lets_long_blocks_through() {
        let lex = lexicon();
        let appeals: Vec<&str> = lex
            .partial
            .iter()
            .filter(|p| p.category == APPEAL_CATEGORY)
            .map(|p| p.folded.as_str())
            .collect();
        assert!(!appeals.is_empty());
        for phrase in appeals {
            assert!(may_be_an_appeal(phrase), "{phrase}");
        }
        assert!(!may_be_an_appeal("The river rose overnight."));
    }

    #[test]
    fn every_disclaimer_or_disclosure_phrase_holds_a_stem_that_lets_long_blocks_through() {
        let lex = lexicon();
        let disclaimers: Vec<&str> = lex
            .partial
            .iter()
            .filter(|p| LONG_CATEGORIES.contains(&p.category.as_str()))
            .map(|p| p.folded.as_str())
            .collect();
        assert!(!disclaimers.is_empty());
        for phrase in disclaimers {
            assert!(may_be_a_disclaimer(phrase), "{phrase}");
        }
        assert!(!may_be_a_disclaimer("The river rose overnight."));
    }

    #[test]
    fn an_affiliate_disclosure_of_a_few_sentences_is_chrome_and_prose_on_affiliates_is_not() {
        let notice = "Disclosure: some of the links in this guide are affiliate links. If you \
                      click through and buy something, we may earn a commission at no extra \
                      cost to you. It never changes which gear we pick, and we test \
                      everything we recommend ourselves.";
        let words = crate::lang::word_count(notice);
        assert!(words > MAX_PARTIAL_WORDS, "{words}");
        let (category, _, _) = match_phrase(notice, words, 0.0).expect("a disclosure");
        assert_eq!(category, "disclosure");
        let prose = "Affiliate programs pay a creator a share of each sale made through their \
                     links, so a blog about gear can grow into a small business once its \
                     readers trust its picks enough to buy what it recommends to them.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_medical_disclaimer_of_a_few_sentences_is_chrome() {
        let notice = "Disclaimer: This article is intended for educational and informational \
                      purposes only and is not a substitute for medical advice. Always consult \
                      a qualified healthcare professional before making significant changes to \
                      your diet or treatment.";
        let words = crate::lang::word_count(notice);
        assert!(words > MAX_PARTIAL_WORDS, "{words}");
        let (category, _, _) = match_phrase(notice, words, 0.0).expect("the notice matches");
        assert_eq!(category, "disclaimer");
        // Other categories keep the short limit: a long paragraph that mentions a newsletter's
        // thanks is prose.
        let long = "Thanks for subscribing ".to_string() + &"word ".repeat(40);
        assert!(match_phrase(&long, 43, 0.0).is_none());
    }

    #[test]
    fn a_newsletter_pitch_of_a_few_sentences_is_chrome() {
        let pitch = "Hungry for more? The Sunday Table newsletter brings our best recipes, \
                     kitchen tips and seasonal menus, delivered right to your inbox every \
                     weekend. Sign up now and never wonder again what to cook for dinner.";
        let words = crate::lang::word_count(pitch);
        assert!(
            words > MAX_PARTIAL_WORDS && words <= MAX_PITCH_WORDS,
            "{words}"
        );
        let (category, _, _) = match_phrase(pitch, words, 0.0).expect("the pitch matches");
        assert_eq!(category, "newsletter");
        // Without the newsletter named, a paragraph that mentions mail reaching an inbox
        // keeps the short limit.
        let prose = pitch.replace("newsletter", "column");
        assert!(match_phrase(&prose, words, 0.0).is_none());
        // Nor does a long paragraph that names a newsletter.
        let long = pitch.to_string() + &" word".repeat(20);
        assert!(match_phrase(&long, crate::lang::word_count(&long), 0.0).is_none());
    }

    #[test]
    fn a_podcast_players_links_a_donation_appeal_and_a_rating_widget_are_chrome() {
        for (line, want) in [
            (
                "Podcast: Play in new window | Download (Duration: 13:55) | Embed",
                "podcast",
            ),
            (
                "If you enjoyed this, please consider making a donation to the project.",
                "donation",
            ),
            ("How useful was this post?", "rating"),
            ("Click on a star to rate it!", "rating"),
            ("No votes so far! Be the first to rate this post.", "rating"),
            ("Was this page helpful?", "rating"),
            ("War dieser Artikel hilfreich?", "rating"),
            ("Cette page vous a-t-elle été utile ?", "rating"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        let prose = "Donations to the shelter rose this winter, the director said.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        let prose = "We asked readers whether this page was helpful, and most said yes.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn print_buttons_session_prompts_and_bare_link_labels_are_chrome() {
        for (line, want) in [
            ("Print This Page", "social"),
            ("PIN FOR LATER", "social"),
            ("Share this story on", "social"),
            ("You're not signed in!", "account"),
            ("Your cart is empty", "account"),
            ("Open in Desktop App", "account"),
            ("Votre panier est vide", "account"),
            ("Sign in or Join", "account"),
            ("Log in / Register", "account"),
            ("See details", "navigation"),
            ("More info", "navigation"),
            ("Where to buy", "navigation"),
            ("Ask an Expert", "navigation"),
            ("Press ? to show this help", "navigation"),
            ("Image Unavailable", "shop"),
            ("Star rating", "rating"),
        ] {
            let words = crate::lang::word_count(line);
            let (category, _, whole) =
                match_phrase(line, words, 0.0).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((category.as_str(), whole), (want, true), "{line}");
        }
        // Only the bare label: a sentence around the same words is prose.
        for prose in [
            "Where to buy a used car without being cheated, step by step.",
            "See details of the 2024 budget in the table below.",
        ] {
            assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        }
    }

    #[test]
    fn follow_headings_and_audio_offers_are_chrome() {
        for (line, want) in [
            ("Stay Connected:", "follow"),
            ("Bleiben Sie in Verbindung", "follow"),
            ("Listen to the audio version", "podcast"),
            ("Listen to this article (5 min)", "podcast"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        for prose in [
            "Stay connected to your family while travelling with a cheap eSIM plan.",
            // A manual's section of that name is the document's.
            "Keyboard shortcuts",
        ] {
            assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
        }
    }

    #[test]
    fn a_shops_stock_and_delivery_lines_are_chrome() {
        for line in [
            "Out of stock",
            "SOLD OUT",
            "Notify me when back in stock",
            "Returns & exchanges accepted",
            "Free shipping from $50",
            "Ships from: Portugal",
            "Ausverkauft",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        // A sentence about stock or shipping is the shop's prose.
        let prose = "Out of stock items are restocked every Monday, so check back then for the \
                     colours you missed and the sizes that sold first.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_prompt_to_sign_in_before_using_a_feature_is_chrome() {
        for line in [
            "Log in to save to favorites",
            "Sign in to view additional items selected just for you.",
            "Log in to set a price alert on this product.",
            "Sign in to continue",
        ] {
            assert_eq!(category_of(line), "account", "{line}");
        }
        // An instruction to sign in to another service is the text's own.
        let step = "Log in to your developer console and click on Create Application.";
        assert!(match_phrase(step, crate::lang::word_count(step), 0.0).is_none());
    }

    #[test]
    fn an_image_viewers_hints_are_chrome() {
        for line in [
            "Click to enlarge",
            "Roll over image to zoom in",
            "Click to see full view",
            "Press enter or click to view image in full size",
            "Zum Vergrößern klicken",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        // A sentence that tells the reader to enlarge a figure is the text's own.
        let prose = "Click to enlarge the map below and follow the trail from the car park to \
                     the summit cairn.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_buy_boxs_delivery_payment_and_guarantee_lines_are_chrome() {
        for line in [
            "Arrives today",
            "Pickup tomorrow",
            "Check nearby",
            "Sold and shipped by Example Mart",
            "In 50+ people's carts",
            "More ways to pay",
            "Checking payment options...",
            "Low Price Guarantee",
            "Final Sale items cannot be returned, canceled, or exchanged",
            "Add to Wish List",
            "Free 90-day returns",
            "Express Delivery Available",
            "Duties and Taxes Paid",
            "Just a few left. Order soon!",
            "VAT included (where applicable), plus shipping",
            "This seller usually responds within a few hours.",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        for line in ["Loading Reviews...", "(No reviews yet) Write a Review"] {
            assert_eq!(category_of(line), "rating", "{line}");
        }
        // The product's own delivery story is prose.
        let prose = "Every sofa arrives today's way: assembled, wrapped in recycled felt and \
                     carried to the room you choose by two of our own drivers.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_buy_boxs_loyalty_financing_and_visitor_lines_are_chrome() {
        for line in [
            "Members earn 240 points on this purchase.",
            "Collect 35 points with",
            "12 people are viewing this right now",
            "or 4 payments of",
            "$21/month with 24 month financing*",
            "Up to 12 month financing available* with $250 minimum purchase.",
            "Members Get Free Shipping on orders over $60",
            "Standard Delivery (3-5 Working Days)",
            "Add a protection plan from $39.99",
            "3 Year Protection Plan -",
            "Video Chat with a Camping Expert - Live",
            "Unable to fetch price Last checked",
            "Compared to the selling price when the item was first listed",
            "$7 Flat Rate | Free Shipping $120+",
            "Special Financing – Ends Mar 3",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        for line in [
            "Thank you for submitting a review!",
            "Loading Questions...",
            "Customers say it fits true to size",
        ] {
            assert_eq!(category_of(line), "rating", "{line}");
        }
        assert_eq!(category_of("Ask Our Experts 555-010-2030"), "navigation");
        assert_eq!(
            category_of("This website uses affiliate links."),
            "disclosure"
        );
        for line in ["As seen on Instagram", "Outfit inspiration"] {
            assert_eq!(category_of(line), "products", "{line}");
        }
        // A product's own story about points and payments is prose.
        let prose = "Every member earns points on this purchase and on each refill of the \
                     kettle, which pay for the descaling kit after a year.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn form_closers_newsletter_polls_and_lead_magnets_are_chrome() {
        for (line, category) in [
            ("Close form", "navigation"),
            ("close modal", "navigation"),
            ("How was this issue?", "newsletter"),
            ("What did you think of today's issue?", "newsletter"),
            ("Get the FREE eBook!", "newsletter"),
            ("SHARE YOUR STORY", "comments"),
        ] {
            assert_eq!(category_of(line), category, "{line}");
        }
        // A sentence that starts like a closer is the text's own.
        let prose = "Close the form with the lid of the mould and let the clay dry for a \
                     whole day before firing.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_shops_free_shipping_offer_with_its_terms_is_chrome() {
        for line in [
            "Free Shipping on Domestic Orders $75+",
            "Free shipping on all orders above 100$",
            "Free Shipping On Every Order above 125 GBP/EUR/CHF",
            "Free returns within 30 days of your purchase.",
            "Free shipping worldwide",
            "Free Shipping Sitewide",
            "Kostenloser Versand ab 50 €",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        // What the product itself offers, and the offer as a sentence, are the document's.
        for prose in [
            "Free shipping on all bedding",
            "Free delivery and free returns",
            "Free shipping on orders is something we have offered since our first year of \
             business, and we intend to keep it that way for every customer we serve.",
        ] {
            assert!(
                match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none(),
                "{prose}"
            );
        }
    }

    #[test]
    fn an_offers_fine_print_is_chrome_on_a_grid_of_priced_cards_only() {
        let terms = "Spring sale on all lamps. Offer limited to one per household, while \
                     supplies last. Use coupon code BLOOM at checkout; terms apply.";
        assert_eq!(category_of(terms), OFFER_TERMS_CATEGORY);
        let grid: String = (1..=SHOP_PRICES)
            .map(|k| format!("<li><a href=\"/p/{k}\">Lamp model {k}</a><p>${k}9.00</p></li>"))
            .collect();
        let page = format!(
            "<main><h1>Lamps</h1><p>{terms}</p><ul>{grid}</ul>\
             <p>Our lamps are made in a small workshop by people who care about light.</p></main>"
        );
        assert_eq!(judged_texts(&page, "terms phrase"), vec![terms.to_string()]);
        // An article about the same deal quotes the terms as its own text.
        let article = format!(
            "<article><h1>The lamp sale is on</h1><p>{terms}</p><p>$19.00</p>\
             <p>We tried three of the lamps and liked the smallest best.</p></article>"
        );
        assert!(judged_texts(&article, "terms phrase").is_empty());
    }

    #[test]
    fn a_listings_filter_bar_count_and_search_rail_are_chrome_as_whole_lines() {
        for line in [
            "Filter & Sort",
            "Sort + Filter",
            "Displaying 1 to 24 (of 204 products)",
            "Showing 1 to 12 of 80 results",
            "Trending Searches",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        let prose = "Filter and sort the results by price to find the set for your table.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn pagers_jump_links_item_links_and_pickers_are_chrome_as_whole_lines() {
        for (line, want) in [
            ("Back to Project", "navigation"),
            ("Back to results", "navigation"),
            ("Back to Product", "navigation"),
            ("← Back to all jobs", "navigation"),
            ("BACK TO MY SHOP:", "navigation"),
            ("Zurück zur Übersicht", "navigation"),
            ("Viewing page 2 of 7", "navigation"),
            ("Next Page", "navigation"),
            ("Read entire review", "navigation"),
            ("See full item description", "navigation"),
            ("Toggle caption", "navigation"),
            ("Download", "navigation"),
            ("Feedback", "navigation"),
            ("Sort options", "shop"),
            ("Showing 12 of 40", "shop"),
            ("Viewing 1 - 24 of 310 products", "shop"),
            ("Quantity:", "shop"),
            ("Qty", "shop"),
            ("Like Loading...", "comments"),
            ("Your Answer", "comments"),
            ("Stay informed with our weekly digest", "newsletter"),
            ("Embed", "social"),
            ("Trusted by", "ads"),
            ("Article Sources:", "related"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A link that opens the whole item, whatever the item is named.
        let link = "Read the full Fiat Panda review";
        let found = match_phrase(link, crate::lang::word_count(link), 1.0).map(|m| m.0);
        assert_eq!(found.as_deref(), Some("navigation"));
        // In a sentence the same words are the document's.
        for prose in [
            "Back to the harbour we went, with the quantity of fish we had promised.",
            "Download the form, fill in the quantity you need and send us your feedback.",
        ] {
            assert!(
                match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none(),
                "{prose}"
            );
        }
    }

    #[test]
    fn a_product_cards_badges_and_buttons_are_chrome_as_whole_lines() {
        for line in [
            "Top Rated",
            "Best Seller",
            "More options",
            "Add to Compare",
            "Choose options",
            "Quick shop",
            "3 new colors",
            "Meilleures ventes",
        ] {
            assert_eq!(category_of(line), "shop", "{line}");
        }
        // In a sentence the same words are the shop's prose.
        let prose = "Our top rated kettle is also the best seller of the season.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_storefronts_card_buttons_offers_and_filter_titles_are_chrome_as_whole_lines() {
        for (line, want) in [
            ("Quick look", "shop"),
            ("See options", "shop"),
            ("More options from $458.99 - $760.88", "shop"),
            ("Financing options", "shop"),
            ("Featured Brands", "shop"),
            ("Refine your results", "shop"),
            ("Type to search products", "shop"),
            ("Rate this book", "rating"),
            ("Clear rating", "rating"),
            ("Expand/Collapse All Filters", "shop"),
            ("Show caption", "navigation"),
            ("Related pages", "related"),
            ("Related Services", "related"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A card's price label holds the price the listing shows.
        assert!(match_phrase("Current price $24.97", 3, 0.0).is_none());
        // In a sentence the same words are the shop's prose.
        let prose = "We refine your results by hand and offer financing options on every sofa.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn review_summary_labels_and_other_product_rails_are_chrome() {
        for (line, want) in [
            ("Customers say", "rating"),
            ("AI-generated from customer reviews", "rating"),
            ("KI-generiert aus dem Text von Kundenrezensionen", "rating"),
            ("Frequently Purchased With", "products"),
            ("Customers frequently viewed", "products"),
            ("Seller's other items", "products"),
            ("Get the look", "products"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A sentence that quotes customers is a review or the shop's prose.
        let prose = "Customers say it fits true to size, so order your usual size.";
        assert!(match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none());
    }

    #[test]
    fn a_machine_written_review_summary_is_chrome_between_its_label_and_note() {
        for (line, want) in [
            ("Reviews summary", "rating"),
            ("Review summary", "rating"),
            ("Generated by AI", "rating"),
            ("Ratings and Reviews", "rating"),
            ("Ratings & Reviews", "rating"),
            ("Also available in: Large, Small", "products"),
        ] {
            assert_eq!(category_of(line), want, "{line}");
        }
        // A sentence about reviews is no review heading.
        let sentence = "Customer reviews of the hotel were mixed";
        assert!(match_phrase(sentence, crate::lang::word_count(sentence), 0.0).is_none());
        let summaries = |html: &str| judged_texts(html, "machine-written summary");
        let page = |note: &str| {
            format!(
                "<main><h1>Oak cutting board</h1><p>End-grain oak, oiled by hand in our shop.</p>\
                 <div class='reviews'><h3>Review highlights</h3>\
                 <p>Buyers like the weight and the finish; a few wish it were wider.</p>\
                 <ul><li>Sturdy</li><li>Easy to clean</li></ul>{note}\
                 <p>Great board, I use it daily.</p></div></main>"
            )
        };
        assert_eq!(
            summaries(&page("<small>AI-generated from customer reviews</small>")),
            [
                "Buyers like the weight and the finish; a few wish it were wider.",
                "Sturdy",
                "Easy to clean"
            ]
        );
        // A sentence about reviews or editions is prose.
        for prose in [
            "Reviews for the new album were mixed, though most critics liked the closing song.",
            "Also available in paperback from your local bookshop and from our own shop online.",
        ] {
            assert!(
                match_phrase(prose, crate::lang::word_count(prose), 0.0).is_none(),
                "{prose}"
            );
        }
        // Without the note, the paragraph under the label may be the shop's own words.
        assert!(summaries(&page("")).is_empty());
    }

    #[test]
    fn a_posters_rank_is_chrome_on_a_thread_only() {
        let html = "<div class='post'><a href='/u/ana'>ana_r</a><div>Senior Member</div>\
                    <p>Mine held up well above the lakes, but I pitched it behind rocks.</p></div>";
        let rank = |kinds| {
            crate::detect::verdicts_on_html(&ChromePhrases, html, kinds)
                .into_iter()
                .any(|(text, v)| text == "Senior Member" && v.reason.cause.contains("rank"))
        };
        let thread = crate::detect::PageKinds {
            discussion: true,
            ..Default::default()
        };
        assert!(rank(thread));
        assert!(!rank(crate::detect::PageKinds::default()));
        let words = crate::lang::word_count("Nouveau membre");
        let (category, _, _) = match_phrase("Nouveau membre", words, 0.0).expect("a rank");
        assert_eq!(category, RANK_CATEGORY);
    }

    #[test]
    fn a_related_section_follows_a_thread_of_short_replies() {
        // Fourteen replies of eight words: 112 words, none long enough to count as prose on an
        // article, all of them the thread's document.
        let replies: String = (0..14)
            .map(|i| {
                format!("<div class='post'><p>Reply {i} says the fix worked here too.</p></div>")
            })
            .collect();
        let html = format!(
            "<main><h1>Tent pole snapped</h1>{replies}\
             <div class='block'><h3>Similar threads</h3><div class='body'>\
             <div><a href='/t/1'>Pole splint sizes</a></div>\
             <div><a href='/t/2'>Best repair sleeve</a></div></div></div></main>"
        );
        let under = |kinds| -> Vec<String> {
            crate::detect::verdicts_on_html(&ChromePhrases, &html, kinds)
                .into_iter()
                .filter(|(_, v)| v.reason.cause.starts_with("under the related heading"))
                .map(|(text, _)| text)
                .collect()
        };
        let thread = crate::detect::PageKinds {
            discussion: true,
            ..Default::default()
        };
        assert_eq!(under(thread), ["Pole splint sizes", "Best repair sleeve"]);
        // On a page not declared a thread, short lines are no document yet.
        assert!(under(crate::detect::PageKinds::default()).is_empty());
    }

    #[test]
    fn a_manuals_version_switcher_is_chrome_but_not_a_pager() {
        let verdicts = |html: &str| judged_texts(html, "version switcher");
        let links = |items: &[&str], sep: &str| -> String {
            items
                .iter()
                .map(|v| format!("<a href='/manual/{v}/page.html'>{v}</a>"))
                .collect::<Vec<_>>()
                .join(sep)
        };
        // Under a label that names versions, bare numbers are versions.
        let labelled = format!(
            "<div>Maintained versions: {}</div><p>The manual's own text about widgets.</p>",
            links(&["current", "8", "7", "6"], " / ")
        );
        assert_eq!(verdicts(&labelled).len(), 1, "{labelled}");
        // Dotted numbers are versions without a label.
        let dotted = format!(
            "<div>{}</div>",
            links(&["4.2", "4.1", "4.0", "3.9", "dev"], " ")
        );
        assert_eq!(verdicts(&dotted).len(), 1, "{dotted}");
        // A pager's numbers, a list of years, or prose with numbers are not.
        let pager = format!("<div>{}</div>", links(&["1", "2", "3", "4", "5"], " "));
        assert!(verdicts(&pager).is_empty(), "{pager}");
        let years = format!(
            "<div>Archives: {}</div>",
            links(&["2021", "2022", "2023", "2024"], " / ")
        );
        assert!(verdicts(&years).is_empty(), "{years}");
        let prose = format!(
            "<p>Upgrade from the old releases {} to the new one.</p>",
            links(&["1.1", "1.2", "1.3", "1.4"], ", ")
        );
        assert!(verdicts(&prose).is_empty(), "{prose}");
    }
}
