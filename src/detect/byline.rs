//! Bylines and date lines: "By Ana Ruiz", "Published on 3 May 2024", "Updated 2 hours ago",
//! and an author's name standing next to such a line (WordPress themes print the name, then
//! "Published", then "on", then the date, each in its own element).
//!
//! These blocks leave the body and feed the metadata (author, date). Date vocabulary is
//! data (`data/date_words.tsv`).

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::{fold, Detector, Page, Signal, SourceKind, Verdict};
use crate::blocks::{Block, BlockKind};

const DATE_WORDS: &str = include_str!("../../data/date_words.tsv");

/// Lowercase words that can make up a date line (months, weekdays, clock and relative-time
/// words, and the connectives around them).
fn date_vocabulary() -> &'static (HashSet<&'static str>, HashSet<&'static str>) {
    static VOCAB: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut anchors = HashSet::default();
        let mut fillers = HashSet::default();
        for row in DATE_WORDS.lines() {
            if row.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = row.split('\t').collect();
            let [_, kind, words] = cols[..] else {
                continue;
            };
            let set = if kind == "month" || kind == "weekday" || kind == "time" {
                &mut anchors
            } else {
                &mut fillers
            };
            set.extend(words.split(' '));
        }
        (anchors, fillers)
    })
}

/// Words that introduce an author ("By Ana Ruiz"), folded.
const AUTHOR_PREFIXES: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "story by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "автор",
    "от",
    "作者",
    "文",
];

/// Words that mark a date next to an author name.
const DATE_MARKERS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "on",
    "published on",
    "last updated",
    "veröffentlicht",
    "aktualisiert",
    "publié",
    "publicado",
    "pubblicato",
    "опубликовано",
];

/// Verbs that open a sentence about a person right after their name ("Ana Ruiz is a
/// reporter…", "… has covered…", "… writes about…"), lowercase, in a few languages.
const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "have",
    "had",
    "writes",
    "wrote",
    "covers",
    "covered",
    "joined",
    "holds",
    "lives",
    "loves",
    "works",
    "worked",
    "serves",
    "specializes",
    "specialises",
    "leads",
    "founded",
    "brings",
    "graduated",
    "received",
    "earned",
    "ist",
    "war",
    "hat",
    "schreibt",
    "arbeitet",
    "lebt",
    "est",
    "a",
    "écrit",
    "travaille",
    "vit",
    "es",
    "ha",
    "escribe",
    "trabaja",
    "vive",
    "è",
    "scrive",
    "lavora",
    "werkt",
    "schrijft",
    "woont",
];

/// Most words of a paragraph about the author after the document (a biography is a few
/// sentences, up to some 120 words on magazine sites; a longer paragraph that opens with
/// the name is more likely the document's; tried 80, 120, 150 on wcxb-dev).
const MAX_BIO_WORDS: usize = 120;

/// Most words of a biography under its author card (the name on a line of its own, a role):
/// the card says what the paragraph is, so a longer one than [`MAX_BIO_WORDS`] is still
/// about the author.
const MAX_CARD_BIO_WORDS: usize = 200;

/// Least share of the page's prose (blocks of [`PROSE_WORDS`] words or more) that must stand
/// before a paragraph about the author: a biography follows the document.
const BIO_AFTER_SHARE: usize = 75;

/// Fewest words of a block counted as prose when placing a biography.
const PROSE_WORDS: usize = 20;

/// How sure a paragraph about the author after the document is chrome.
const BIO_WEIGHT: f32 = 0.9;

/// Marks a biography may open with before the name: a parenthesis ("(Ana Ruiz is an
/// attorney…)"), or the asterisk or dagger of a note under the byline ("*Ana Ruiz, MD, is…").
const BIO_OPENERS: &[char] = &['(', '[', '*', '†'];

/// Whether `text` opens with `name` and then a verb of a biography ("Ana Ruiz is…",
/// "Ana Ruiz, our garden editor, has…"), after a [`BIO_OPENERS`] mark or none.
fn is_bio_of(text: &str, name: &str) -> bool {
    let text = text.trim_start().trim_start_matches(BIO_OPENERS);
    let Some(rest) = text
        .strip_prefix(name)
        .or_else(|| after_name_with_nickname(text, name))
    else {
        return false;
    };
    let rest = match rest.strip_prefix(',') {
        // An apposition after the name, then the verb.
        Some(r) => match r.split_once(',') {
            Some((apposition, after)) if apposition.split_whitespace().count() <= 10 => after,
            _ => return false,
        },
        None if rest.starts_with(char::is_whitespace) => rest,
        None => return false,
    };
    let verb = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    BIO_VERBS.contains(&verb.as_str())
}

/// Most words of a nickname in parentheses between a first and a last name
/// ("Robert (Bob) Lee", "Maria (Mia Rose) Lopez").
const MAX_NICKNAME_WORDS: usize = 2;

/// What follows the full name `name` ("Ludo Fourrage") written in `text` with a nickname
/// in parentheses after the first name ("Ludovic (Ludo) Fourrage is…"): a biography gives
/// the full given name once and the byline the short one, or the other way round
/// ("Robert (Bob) Lee" for Robert Lee). `None` when `text` does not open that way.
fn after_name_with_nickname<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let (given, surname) = name.split_once(char::is_whitespace)?;
    let (first, rest) = text.split_once(" (")?;
    let (nickname, rest) = rest.split_once(") ")?;
    let rest = rest.strip_prefix(surname.trim_start())?;
    (nickname.split_whitespace().count() <= MAX_NICKNAME_WORDS
        && !first.contains(char::is_whitespace)
        && (first == given || nickname == given))
        .then_some(rest)
}

/// Fewest characters of a first name that may stand for its author alone ("Ana" is
/// three); shorter ones are initials.
const MIN_GIVEN_NAME_CHARS: usize = 3;

/// The first name of a full name of two words or more ("Ana" of "Ana Ruiz"), when it is a
/// capitalised word of letters; `None` for a one-word name (a publisher's), an initial or
/// an acronym ("QCY Official" is a brand's account, not a person).
fn given_name(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    (first.chars().count() >= MIN_GIVEN_NAME_CHARS
        && first.chars().all(char::is_alphabetic)
        && first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase))
    .then_some(first)
}

/// The names in an author field ("Ana Ruiz, Tom Reyes and Li Wei") of `min_words` words or
/// more, capitalised.
fn author_names(field: &str, min_words: usize) -> impl Iterator<Item = &str> {
    field
        .split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(move |name| {
            name.split_whitespace().count() >= min_words
                && name.chars().count() >= 3
                && name.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Most lines of an author card over a biography: the name, then a role or a title
/// ("Contributing Writer", "Founder and CEO").
const MAX_CARD_LINES: usize = 3;

/// Most words of one line of an author card.
const MAX_CARD_LINE_WORDS: usize = 6;

/// The lines of the author card right above the biography at `bio`: the author's `name`
/// on a line of its own, and the short lines between it and the biography (a role, a
/// title), none a sentence. Empty when no line above within [`MAX_CARD_LINES`] is the name.
fn author_card_above(blocks: &[Block], bio: usize, name: &str) -> Vec<usize> {
    let mut card = Vec::new();
    for i in (bio.saturating_sub(MAX_CARD_LINES)..bio).rev() {
        let block = &blocks[i];
        if block.features.words > MAX_CARD_LINE_WORDS || block.features.ends_sentence {
            break;
        }
        card.push(i);
        if block.text.trim().eq_ignore_ascii_case(name) {
            return card;
        }
    }
    Vec::new()
}

/// The byline-and-date detector.
pub struct BylineAndDate;

/// Whether `block` reads as a date line: short, with at least one date anchor (a number, a
/// month, a weekday, a relative time) and almost nothing that is not date vocabulary.
///
/// A row of a data table with two or more cells is a record ("1/1/2013 | +13.1%"), never a
/// date line, whatever its cells hold.
pub fn is_date_line(block: &Block) -> bool {
    if block.features.words == 0 || block.features.words > 12 || block.is_data_row() {
        return false;
    }
    let (anchors, fillers) = date_vocabulary();
    let mut word_anchors = 0;
    // One- and two-letter anchors ("h", "y", "a", "de") are also initials, list letters and
    // common words: they count only next to two numbers ("10 h 30").
    let mut short_anchors = 0;
    // Durations ("11 years in the trade") use the words of relative dates ("11 years ago").
    let mut unit_anchors = 0;
    let mut numbers = 0;
    let mut other = 0;
    let mut filler_words = 0;
    let mut lower = String::new();
    // The subject of a date line written as a sentence ("This post was last updated July
    // 2021.") is no word of a date, nor one outside it.
    let mut opener = sentence_date_opener_words(&block.text);
    crate::lang::for_each_word(&block.text, |w| {
        if opener > 0 {
            opener -= 1;
            return;
        }
        // Two words outside the date vocabulary already make it no date line.
        if other >= 2 {
            return;
        }
        crate::lang::lowercase_into(w, &mut lower);
        if w.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else if anchors.contains(lower.as_str()) {
            if lower.chars().count() <= 2 && lower != "am" && lower != "pm" {
                short_anchors += 1;
            } else {
                if DURATION_UNITS.contains(&lower.as_str()) {
                    unit_anchors += 1;
                }
                word_anchors += 1;
            }
        } else if fillers.contains(lower.as_str()) {
            filler_words += 1;
        } else {
            other += 1;
        }
    });
    if other >= 2 {
        return false;
    }
    // "3 May 2024", "2 hours ago", "Monday, 10:15" — a date word with a number; "Published
    // yesterday" — a date word and at most one connective ("Monday the of of" is not a date);
    // or an all-numeric date such as 2024-05-03 or 03/05/2024.
    let duration = unit_anchors == word_anchors && other >= 1 && filler_words >= 1;
    if duration {
        return false;
    }
    ((word_anchors >= 1 || (short_anchors >= 1 && numbers >= 2)) && numbers >= 1 && other <= 1)
        || (word_anchors >= 1 && other == 0 && filler_words <= 1 && block.features.words <= 4)
        || (numbers >= 3 && other <= 1 && has_numeric_date(&block.text))
}

/// How a date line written as a sentence opens, folded: "This post was last updated July
/// 2021.", "Dieser Artikel wurde aktualisiert am 3. Mai 2024".
const SENTENCE_DATE_OPENERS: &[&str] = &[
    "this post was",
    "this page was",
    "this article was",
    "this story was",
    "this guide was",
    "this review was",
    "dieser artikel wurde",
    "diese seite wurde",
    "dieser beitrag wurde",
    "cet article a été",
    "cette page a été",
    "este artículo fue",
    "esta página fue",
    "questo articolo è stato",
];

/// The first words of the [`SENTENCE_DATE_OPENERS`].
const SENTENCE_DATE_OPENER_FIRST_WORDS: &[&str] = &[
    "this", "dieser", "diese", "cet", "cette", "este", "esta", "questo",
];

/// Words of the [`SENTENCE_DATE_OPENERS`] phrase `text` opens with (0 for none).
fn sentence_date_opener_words(text: &str) -> usize {
    // Every opener's first word is one of these (checked by a test): most lines open with
    // another word and need no folding.
    // The first word as folding sees it: the first run of letters.
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if !SENTENCE_DATE_OPENER_FIRST_WORDS
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        return 0;
    }
    let head: String = text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let folded = fold(&head);
    SENTENCE_DATE_OPENERS
        .iter()
        .find(|o| {
            folded
                .strip_prefix(**o)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .map_or(0, |o| o.split(' ').count())
}

/// Units of time that, with a number and words around them, make a duration rather than a
/// date ("11 years in the trade", "30 days of support").
const DURATION_UNITS: &[&str] = &[
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years",
];

/// Whether `text` holds a numeric date: three digit groups joined twice by the same `-`, `/`
/// or `.` (2024-05-03, 03/05/2024, 3.5.2024). Mixed joins are other numbers: a rating
/// ("4.7/5"), a fraction of a decimal.
fn has_numeric_date(text: &str) -> bool {
    text.split_whitespace().any(|token| {
        let token = token.trim_matches(|c: char| !c.is_ascii_digit());
        let Some(separator) = token.chars().find(|c| matches!(c, '-' | '/' | '.')) else {
            return false;
        };
        let groups: Vec<&str> = token.split(separator).collect();
        groups.len() == 3
            && groups
                .iter()
                .all(|g| (1..=4).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Most blocks looked past after a date line for the post it heads.
const POST_LOOKAHEAD: usize = 4;

/// Most words of a block passed over between a post's date and its text (`#7`, `New`,
/// `Quote`).
const POST_GAP_WORDS: usize = 2;

/// Fewest words of the first line of a post's text.
const POST_FIRST_WORDS: usize = 3;

/// Fewest dated posts for a page to read as a thread of them (see [`post_dates`]).
const MIN_DATED_POSTS: usize = 3;

/// Whether the date line at `index` heads a post: the next block of more than
/// [`POST_GAP_WORDS`] words, within [`POST_LOOKAHEAD`] blocks, is no date line and ends
/// like a sentence, with [`POST_FIRST_WORDS`] words or more mostly outside links (a teaser's
/// title under the date of a listing's entry does not end so). The date a
/// poster joined the forum, printed in the profile beside the post, is followed by more of
/// the profile (a post count, a location, then the post's own date); a post's date is
/// followed by what the poster wrote.
fn heads_a_post(blocks: &[Block], index: usize, date_line: &[bool]) -> bool {
    for (offset, next) in blocks
        .iter()
        .skip(index + 1)
        .take(POST_LOOKAHEAD)
        .enumerate()
    {
        let next_is_date = date_line[index + 1 + offset];
        if next.features.words <= POST_GAP_WORDS && !next_is_date {
            continue;
        }
        return !next.kind.is_heading()
            && !next_is_date
            && next.features.ends_sentence
            && next.features.words >= POST_FIRST_WORDS
            && next.features.link_density() < 0.5;
    }
    false
}

/// The date lines that head the posts of a thread, per block: on a page declared or read
/// as a discussion (or plain text, which declares nothing: the clean text of such a page
/// read back), when at least [`MIN_DATED_POSTS`] date lines head a post (see
/// [`heads_a_post`]). A post's date is the thread's, as the poster's name beside it is:
/// a reader of the thread reads who wrote each post and when. `None` on other pages.
pub(crate) fn post_dates(page: &Page<'_>) -> Option<Vec<bool>> {
    if !page.kinds.discussion && page.source != SourceKind::Text {
        return None;
    }
    let date_line: Vec<bool> = page.blocks.iter().map(is_date_line).collect();
    // A post's date is a date and nothing else ("Mar 27, 2025", "Posted 3 May 2024"); a
    // line that says what happened then ("answered Mar 26", "edited 2 hours ago") sits
    // under a post, beside its poster's card.
    let only_date = |block: &Block| {
        let (anchors, fillers) = date_vocabulary();
        let mut lower = String::new();
        let mut only = true;
        crate::lang::for_each_word(&block.text, |w| {
            crate::lang::lowercase_into(w, &mut lower);
            only &= w.chars().all(|c| c.is_ascii_digit())
                || anchors.contains(lower.as_str())
                || fillers.contains(lower.as_str());
        });
        only
    };
    let heads: Vec<bool> = (0..page.blocks.len())
        .map(|i| {
            date_line[i] && only_date(&page.blocks[i]) && heads_a_post(page.blocks, i, &date_line)
        })
        .collect();
    (heads.iter().filter(|&&h| h).count() >= MIN_DATED_POSTS).then_some(heads)
}

/// Most blocks looked back from a post's date for its poster's name.
const NAME_LOOKBACK: usize = 12;

/// Most words of a poster's name.
const NAME_MAX_WORDS: usize = 3;

/// The poster's name over each dated post of a thread, per block (`post_dates` as given by
/// [`post_dates`]). In markup, the post is the outermost element holding its date but not
/// the date of the post next to it, and its poster's name is the first short link in it
/// before the date (the name links to the poster's profile; the title, join date and post
/// count under it do not come first). Markup only: text has no posts to bound the search
/// (and the names markup kept stay in its clean text unless repeated there).
pub(crate) fn poster_names(page: &Page<'_>, post_dates: &[bool]) -> Vec<bool> {
    let blocks = page.blocks;
    let mut names = vec![false; blocks.len()];
    let dates: Vec<usize> = (0..blocks.len()).filter(|&i| post_dates[i]).collect();
    let short = |b: &Block| {
        (1..=NAME_MAX_WORDS).contains(&b.features.words)
            && b.text.trim().chars().count() >= 2
            && !b.features.ends_sentence
            && !is_date_line(b)
    };
    for (n, &d) in dates.iter().enumerate() {
        let Some(&neighbour) = dates.get(n.wrapping_sub(1)).or(dates.get(n + 1)) else {
            continue;
        };
        let own = &blocks[d].ancestors;
        let shared = own
            .iter()
            .zip(&blocks[neighbour].ancestors)
            .take_while(|(a, b)| a == b)
            .count();
        let Some(&post) = own.get(shared) else {
            continue;
        };
        let in_post = |b: &Block| b.ancestors.get(shared) == Some(&post);
        let first = (d.saturating_sub(NAME_LOOKBACK)..d)
            .filter(|&j| in_post(&blocks[j]))
            .find(|&j| short(&blocks[j]) && blocks[j].features.link_density() >= 0.5);
        if let Some(j) = first {
            names[j] = true;
        }
    }
    names
}

fn is_date_marker(page: &Page<'_>, index: usize) -> bool {
    DATE_MARKERS.contains(&page.folded(index)) || is_date_line(&page.blocks[index])
}

/// First words of titles that no name starts with: articles and question words.
const NOT_NAME_STARTS: &[&str] = &[
    "the", "a", "an", "how", "why", "what", "when", "where", "which", "who", "our", "your", "my",
    "le", "les", "une", "un", "der", "die", "das", "ein", "eine", "el", "los", "las", "il", "gli",
];

/// Whether `text` looks like a person's name (or a short staff credit): 2–5 words, each
/// capitalised apart from name particles, no sentence punctuation. `is_marker` tells whether
/// the block is a date marker (see [`is_date_marker`]), when that needs asking.
fn looks_like_name(block: &Block, is_marker: impl FnOnce() -> bool) -> bool {
    let words = block.features.words;
    if !(2..=6).contains(&words)
        || block.features.ends_sentence && !block.text.ends_with('.')
        || is_marker()
    {
        return false;
    }
    let text = block.text.trim_end_matches('.');
    if text.contains(['!', '?', ':', '“', '"']) {
        return false;
    }
    // A title starts with an article or a question word ("The Best Subwoofer", "How We
    // Test"); a name does not.
    if text
        .split_whitespace()
        .next()
        .is_some_and(|w| NOT_NAME_STARTS.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    text.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(
                w,
                "de" | "van" | "von" | "al" | "bin" | "da" | "del" | "la" | "and" | "y"
            )
    })
}

/// Whether the block starts with an author prefix ("By …") and is short.
fn is_author_line(page: &Page<'_>, index: usize) -> bool {
    let block = &page.blocks[index];
    if block.features.words > 12 || block.features.words < 2 {
        return false;
    }
    let folded = page.folded(index);
    AUTHOR_PREFIXES.iter().any(|p| {
        folded.starts_with(p) && folded[p.len()..].starts_with(' ') && {
            // The rest must look like a name (capitalised), not a sentence ("by the river").
            let rest = block.text.trim_start();
            let after: Vec<&str> = rest.split_whitespace().skip(p.split(' ').count()).collect();
            after
                .first()
                .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        }
    })
}

/// Fewest author lines ("By Ana Ruiz") on a page for it to read as a listing of credited
/// entries ([`lists_credited_entries`]).
const MIN_LISTED_BYLINES: usize = 3;

/// Whether the page lists entries that each credit their author: at least
/// [`MIN_LISTED_BYLINES`] author lines that are no headings, on a page declared neither an
/// article, a product nor a discussion (a blog's or a magazine's index, a list of reports).
/// There each author line and the name beside an entry's date say who wrote that entry:
/// they are the listing's text, as its titles are, not the page's byline. (An article's
/// rail of related stories, each with its byline, goes with the rail.)
fn lists_credited_entries(page: &Page<'_>) -> bool {
    let kinds = &page.kinds;
    if kinds.article || kinds.product || kinds.discussion {
        return false;
    }
    page.blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| !b.kind.is_heading() && is_author_line(page, i))
        .nth(MIN_LISTED_BYLINES - 1)
        .is_some()
}

impl Detector for BylineAndDate {
    fn name(&self) -> &'static str {
        "byline"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let blocks = page.blocks;
        // Whether each block is a date marker, worked out once, when first asked.
        let mut markers: Vec<Option<bool>> = vec![None; blocks.len()];
        let mut is_marker = |i: usize| *markers[i].get_or_insert_with(|| is_date_marker(page, i));
        // The names of the bylines found, to know the author's biography.
        let mut bylines: Vec<&str> = Vec::new();
        let post_dates = page.post_dates();
        let listing = lists_credited_entries(page);
        for (index, block) in blocks.iter().enumerate() {
            // A longer heading is no byline ("By The Numbers: …" opens a section), but one
            // that reads as an author line ("Written by Ana Ruiz" over an author box) still
            // names whose biography may follow.
            let long_heading = block.kind.is_heading() && block.features.words > 3;
            if long_heading && !is_author_line(page, index) {
                continue;
            }
            if is_author_line(page, index) {
                let text = block.text.trim_start();
                // The fold of the text with its leading spaces is that of the text.
                let folded = page.folded(index);
                let prefix_words = AUTHOR_PREFIXES
                    .iter()
                    .filter(|p| folded.starts_with(*p) && folded[p.len()..].starts_with(' '))
                    .map(|p| p.split(' ').count())
                    .max()
                    .unwrap_or(1);
                if let Some((start, _)) = text
                    .split_whitespace()
                    .nth(prefix_words)
                    .and_then(|w| text.find(w).map(|s| (s, w)))
                {
                    bylines.push(&text[start..]);
                }
                // An entry's credit on a listing stays with the entry.
                if long_heading || listing {
                    continue;
                }
                out.push(Verdict::new(
                    index,
                    Signal::Metadata,
                    1.0,
                    self.name(),
                    format!("author line \"{}\"", block.text),
                ));
            } else if is_date_line(block) {
                // On a discussion the date over each post is the thread's, as the poster's
                // name beside it is.
                if post_dates.as_ref().is_some_and(|p| p[index]) {
                    continue;
                }
                out.push(Verdict::new(
                    index,
                    Signal::Metadata,
                    0.9,
                    self.name(),
                    format!("date line \"{}\"", block.text),
                ));
            } else if post_dates.is_none() && looks_like_name(block, || is_marker(index)) {
                // A name right before or after a date marker is the byline.
                let next_is_date = index + 1 < blocks.len()
                    && (is_marker(index + 1) || is_author_line(page, index + 1));
                let prev_is_date = index > 0 && is_marker(index - 1);
                if (next_is_date || prev_is_date) && !listing {
                    bylines.push(block.text.trim());
                    out.push(Verdict::new(
                        index,
                        Signal::Metadata,
                        1.0,
                        self.name(),
                        format!("author name \"{}\" next to a date line", block.text),
                    ));
                }
            }
        }
        self.biographies(page, &bylines, out);
        self.declared_biographies(page, out);
    }
}

/// Words at the start of a block and a declared biography that must agree for the block to
/// be that biography (the page may write an entity the structured data escapes, or cut the
/// biography short with a "Read more" link).
const DECLARED_BIO_LEAD_WORDS: usize = 10;

/// Whether `block` (folded) is the declared biography `bio` (folded): the same words, or
/// the same first [`DECLARED_BIO_LEAD_WORDS`] words and about as many in all (within a
/// fifth, or five words).
fn is_declared_bio(block: &str, bio: &str) -> bool {
    if block == bio {
        return true;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (block.split(' ').collect(), bio.split(' ').collect());
    if a.len() < DECLARED_BIO_LEAD_WORDS || b.len() < DECLARED_BIO_LEAD_WORDS {
        return false;
    }
    let slack = (b.len() / 5).max(5);
    a[..DECLARED_BIO_LEAD_WORDS] == b[..DECLARED_BIO_LEAD_WORDS]
        && a.len().abs_diff(b.len()) <= slack
}

impl BylineAndDate {
    /// A block whose words are a biography the page's structured data declares for one of
    /// its people (the author's JSON-LD `description`) is the author box that shows it,
    /// wherever it sits and whatever its element is named: about the writer, not the
    /// document.
    fn declared_biographies(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        if page.author_bios.is_empty() {
            return;
        }
        let bios: Vec<String> = page.author_bios.iter().map(|b| fold(b)).collect();
        for (index, block) in page.blocks.iter().enumerate() {
            if block.kind.is_heading() || block.features.words < DECLARED_BIO_LEAD_WORDS {
                continue;
            }
            let folded = page.folded(index);
            if bios.iter().any(|bio| is_declared_bio(folded, bio)) {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    BIO_WEIGHT,
                    self.name(),
                    "the biography the page declares for its author".to_string(),
                ));
            }
        }
    }

    /// A short paragraph after most of the page's prose that opens with the name of the
    /// page's author (declared, or in a byline) and a verb of a biography ("Ana Ruiz is a
    /// reporter who covers…", or "Ana is…" for the declared Ana Ruiz) is about the author,
    /// not the document, even outside a box named for it; so is one under the byline,
    /// before any prose, when the name is a person's.
    fn biographies(&self, page: &Page<'_>, bylines: &[&str], out: &mut Vec<Verdict>) {
        // A declared author may be a publisher's one-word name ("ServiceTitan is…", its
        // boilerplate after a post); a byline found in the page must be a person's full
        // name ("By Design" in a menu is no author).
        let declared: Vec<&str> = page
            .author
            .into_iter()
            .flat_map(|a| author_names(a, 1))
            .collect();
        let full_names: Vec<&str> = declared
            .iter()
            .copied()
            .chain(bylines.iter().flat_map(|b| author_names(b, 2)))
            .collect();
        // A biography often calls its author by the first name alone ("Ana is a reporter
        // who…" when Ana Ruiz is the declared author; a name read off the page may be a
        // team's or a brand's, "Acme Research").
        let first_names = declared.iter().filter_map(|n| given_name(n));
        // Each name with whether it is a person's: a full name or a first name, not a
        // one-word declared author, which may be a publisher's.
        let names: Vec<(&str, bool)> = full_names
            .iter()
            .map(|n| (*n, n.contains(char::is_whitespace)))
            .chain(first_names.map(|n| (n, true)))
            .collect();
        if names.is_empty() {
            return;
        }
        let prose = |b: &Block| {
            if !b.kind.is_heading() && b.features.words >= PROSE_WORDS {
                b.features.words
            } else {
                0
            }
        };
        let total: usize = page.blocks.iter().map(prose).sum();
        let mut before = 0;
        for (index, block) in page.blocks.iter().enumerate() {
            let after_document = before * 100 >= total * BIO_AFTER_SHARE;
            // A header shows the author's biography under the byline, before any prose.
            let before_document = before == 0 && total > prose(block);
            before += prose(block);
            // A biography is a paragraph: not a quotation (a customer's words in a
            // case study), nor an item of a list (of events, of members).
            if !(after_document || before_document)
                || block.kind != BlockKind::Paragraph
                || block.features.words > MAX_CARD_BIO_WORDS
            {
                continue;
            }
            // Before the document only a person's name will do: a publisher's one-word name
            // opens its own pitch at the top of a page ("Acme is a marketplace for…").
            let Some((name, _)) = names
                .iter()
                .filter(|(_, person)| after_document || *person)
                .find(|(n, _)| is_bio_of(&block.text, n))
            else {
                continue;
            };
            let card = if after_document {
                author_card_above(page.blocks, index, name)
            } else {
                Vec::new()
            };
            if block.features.words <= MAX_BIO_WORDS || !card.is_empty() {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    BIO_WEIGHT,
                    self.name(),
                    format!(
                        "about the author \"{name}\", {} the document",
                        if after_document { "after" } else { "before" }
                    ),
                ));
                for line in card {
                    out.push(Verdict::new(
                        line,
                        Signal::Chrome,
                        BIO_WEIGHT,
                        self.name(),
                        format!("the author card of \"{name}\" over a biography"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::text::blocks_from_text;
    use crate::detect::SourceKind;
    use crate::lang::PageLanguage;

    /// Every block the detector gives a verdict on, on a text page.
    fn metadata_lines(text: &str) -> Vec<String> {
        verdict_lines(text, None, |_| true)
    }

    /// The blocks the detector calls chrome on a text page whose author is declared.
    fn chrome_lines(text: &str, author: Option<&str>) -> Vec<String> {
        verdict_lines(text, author, |v| v.signal == Signal::Chrome)
    }

    #[test]
    fn a_block_that_is_the_declared_biography_is_chrome_wherever_it_sits() {
        let bio = "Mo Lind grows roses in a walled garden and has written about pruning \
                   for twelve years, mostly in the rain.";
        let html = format!(
            "<article><h1>Pruning roses</h1><p>Cut above an outward bud in late winter, \
             when the sap has not yet risen and the frost has passed.</p>\
             <div class='x1'><p>{bio}</p></div>\
             <p>Mo Lind grows roses in a walled garden and likes the rain more than the sun.</p>\
             </article>"
        );
        let dom = crate::dom::Dom::parse(&html);
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        let bios = vec![bio.replace("  ", " ")];
        let page = Page {
            blocks: &blocks,
            dom: Some(&dom),
            language: PageLanguage::guess(""),
            source: SourceKind::Html,
            title: None,
            author: None,
            author_bios: &bios,
            frequency: None,
            kinds: Default::default(),
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        let mut out = Vec::new();
        BylineAndDate.detect(&page, &mut out);
        let chrome: Vec<&str> = out
            .iter()
            .filter(|v| v.signal == Signal::Chrome)
            .map(|v| blocks[v.block].text.as_str())
            .collect();
        assert_eq!(chrome.len(), 1);
        assert!(chrome[0].starts_with("Mo Lind grows roses in a walled garden and has"));
    }

    fn verdict_lines(
        text: &str,
        author: Option<&str>,
        keep: impl Fn(&Verdict) -> bool,
    ) -> Vec<String> {
        let blocks = blocks_from_text(text);
        let page = Page {
            blocks: &blocks,
            dom: None,
            language: PageLanguage::guess(text),
            source: SourceKind::Text,
            title: None,
            author,
            author_bios: &[],
            frequency: None,
            kinds: Default::default(),
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        let mut out = Vec::new();
        BylineAndDate.detect(&page, &mut out);
        out.iter()
            .filter(|v| keep(v))
            .map(|v| blocks[v.block].text.clone())
            .collect()
    }

    #[test]
    fn a_short_paragraph_about_the_author_after_the_document_is_chrome() {
        let body = "The council voted on Tuesday to keep the old ferry running through the \
                    winter, after a long evening of questions from the people who use it.\n\n\
                    Ana Ruiz is quoted here as a passenger who rides the ferry every single \
                    morning to the market on the other side of the bay with her bread.\n\n\
                    The ferry will run every hour from seven in the morning until nine in the \
                    evening, and the fare will stay the same for the whole of the season.\n\n";
        let bio = "Ana Ruiz is a reporter who covers the harbour and city hall.";
        let found = chrome_lines(&format!("{body}{bio}"), Some("Ana Ruiz, Tom Reyes"));
        assert_eq!(found, [bio]);
        // Without a declared author, the byline names her.
        let found = chrome_lines(&format!("By Ana Ruiz\n\n{body}{bio}"), None);
        assert_eq!(found, [bio]);
        // Another person, or no author known, is the document's.
        assert!(chrome_lines(&format!("{body}{bio}"), Some("Tom Reyes")).is_empty());
        assert!(chrome_lines(&format!("{body}{bio}"), None).is_empty());
        assert!(is_bio_of(
            "Ana Ruiz, our harbour reporter, has written…",
            "Ana Ruiz"
        ));
        assert!(!is_bio_of("Ana Ruizova is…", "Ana Ruiz"));
        // With a nickname in parentheses after the first name, either name in the byline.
        assert!(is_bio_of("Roberto (Beto) Ruiz is a reporter…", "Beto Ruiz"));
        assert!(is_bio_of(
            "Roberto (Beto) Ruiz, our editor, has written…",
            "Roberto Ruiz"
        ));
        assert!(!is_bio_of("Roberto (Beto) Ruiz is…", "Ana Ruiz"));
        assert!(!is_bio_of("Roberto (Beto) Ruizova is…", "Beto Ruiz"));
        assert!(!is_bio_of("Roberto (see below) Ruiz is…", "Beto Ruiz"));
        // A magazine's biography of some hundred words is one too; a paragraph longer than
        // a biography that opens with her name is the document's.
        let sentence = " She has reported on the harbour, the ferries and the markets of the bay.";
        let long_bio = format!("{bio}{}", sentence.repeat(6));
        let long_body = body.repeat(5);
        let found = chrome_lines(&format!("{long_body}{long_bio}"), Some("Ana Ruiz"));
        assert_eq!(found, [long_bio.as_str()]);
        let longer = format!("{bio}{}", sentence.repeat(9));
        assert!(chrome_lines(&format!("{long_body}{longer}"), Some("Ana Ruiz")).is_empty());
    }

    #[test]
    fn a_biography_by_first_name_or_under_the_byline_before_the_document_is_chrome() {
        let body = "The council voted on Tuesday to keep the old ferry running through the \
                    winter, after a long evening of questions from the people who use it.\n\n\
                    The ferry will run every hour from seven in the morning until nine in the \
                    evening, and the fare will stay the same for the whole of the season.\n\n";
        let bio = "Ana is a reporter who covers the harbour, the ferries and city hall.";
        // After the document, by her first name.
        let found = chrome_lines(&format!("{body}{bio}"), Some("Ana Ruiz"));
        assert_eq!(found, [bio]);
        // Under the byline, before any prose.
        let found = chrome_lines(&format!("By Ana Ruiz\n\n{bio}\n\n{body}"), Some("Ana Ruiz"));
        assert_eq!(found, [bio]);
        // A brand's account is no person: neither its first word nor a one-word publisher
        // opening the page is a biography.
        let pitch = "Acme is a marketplace for designers and the teams that hire them.";
        assert!(chrome_lines(&format!("{pitch}\n\n{body}"), Some("Acme")).is_empty());
        assert_eq!(given_name("QCY Official"), None);
        assert_eq!(given_name("Ana"), None);
        assert_eq!(given_name("Ana Ruiz"), Some("Ana"));
    }

    #[test]
    fn a_biography_in_parentheses_or_under_a_note_mark_is_chrome() {
        let body = "The council voted on Tuesday to keep the old ferry running through the \
                    winter, after a long evening of questions from the people who use it.\n\n\
                    The ferry will run every hour from seven in the morning until nine in the \
                    evening, and the fare will stay the same for the whole of the season.\n\n";
        for bio in [
            "(Ana Ruiz is an attorney who advises ferry operators on maritime law.)",
            "*Ana Ruiz, MD, is a physician at the harbour clinic.",
        ] {
            let found = chrome_lines(&format!("{body}{bio}"), Some("Ana Ruiz"));
            assert_eq!(found, [bio]);
        }
    }

    /// Two paragraphs of an article's body, for the tests of what follows a document.
    const FERRY_PARAGRAPHS: &str = "<p>The council voted on Tuesday to keep the old ferry \
        running through the winter, after a long evening of questions from the people who use \
        it.</p><p>The ferry will run every hour from seven in the morning until nine in the \
        evening, and the fare will stay the same for the whole of the season.</p>";

    /// The detector's verdicts on `html`, on a page of no declared kind.
    fn verdicts_of(html: &str) -> Vec<(String, Verdict)> {
        crate::detect::verdicts_on_html(&BylineAndDate, html, crate::detect::PageKinds::default())
    }

    #[test]
    fn a_biography_under_an_author_heading_after_the_document_is_chrome() {
        let body = FERRY_PARAGRAPHS;
        let html = format!(
            "<article>{body}</article><div><h3>Written by Ana Ruiz</h3><p>Ana Ruiz is a \
             reporter who covers the harbour, the ferries and city hall.</p></div>"
        );
        let v = verdicts_of(&html);
        let chrome: Vec<&str> = v
            .iter()
            .filter(|(_, v)| v.signal == Signal::Chrome)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            chrome,
            ["Ana Ruiz is a reporter who covers the harbour, the ferries and city hall."]
        );
        // The heading itself is no byline of the page.
        assert!(!v.iter().any(|(t, _)| t.starts_with("Written by")), "{v:?}");
    }

    #[test]
    fn the_name_and_role_over_a_biography_after_the_document_are_chrome() {
        let body = FERRY_PARAGRAPHS;
        let html = format!(
            "<article><p>By Ana Ruiz</p>{body}</article><div><p>Ana Ruiz</p>\
             <p>Contributing Writer</p><p>Ana Ruiz is a reporter who covers the harbour, the \
             ferries and city hall.</p></div>"
        );
        let v = verdicts_of(&html);
        let card: Vec<&str> = v
            .iter()
            .filter(|(_, v)| v.reason.cause.starts_with("the author card"))
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(card, ["Contributing Writer", "Ana Ruiz"], "{v:?}");
    }

    #[test]
    fn a_biography_longer_than_usual_under_its_author_card_is_chrome() {
        let body = FERRY_PARAGRAPHS.repeat(12);
        let bio = format!(
            "Roberto (Beto) Ruiz is a reporter who covers the harbour and city hall.{}",
            " He has written about the ferries, the markets and the fishing fleet.".repeat(12)
        );
        assert!(crate::lang::word_count(&bio) > MAX_BIO_WORDS);
        let chrome = |card: &str| -> Vec<String> {
            let html = format!(
                "<article><p>By Beto Ruiz</p>{body}</article><div>{card}<p>{bio}</p></div>"
            );
            verdicts_of(&html)
                .into_iter()
                .filter(|(_, v)| v.signal == Signal::Chrome)
                .map(|(t, _)| t)
                .collect()
        };
        let found = chrome("<p>Beto Ruiz</p><p>Founder and Editor</p>");
        assert_eq!(found, [bio.as_str(), "Founder and Editor", "Beto Ruiz"]);
        // Without the card, a paragraph that long is the document's.
        assert!(chrome("").is_empty());
    }

    #[test]
    fn every_sentence_date_opener_starts_with_a_listed_first_word() {
        for opener in SENTENCE_DATE_OPENERS {
            let first = opener.split(' ').next().unwrap_or("");
            assert!(
                SENTENCE_DATE_OPENER_FIRST_WORDS.contains(&first),
                "{opener}"
            );
        }
    }

    #[test]
    fn a_date_line_written_as_a_sentence_is_a_date_line() {
        let found = metadata_lines(
            "This post was last updated July 2021.\n\nThe bridge reopened on Monday after \
             nine months of work by the city.\n\nThis page was updated by many people.",
        );
        assert_eq!(found, ["This post was last updated July 2021."]);
    }

    #[test]
    fn finds_author_and_date_lines() {
        let found = metadata_lines(
            "Bridge reopens after repairs\n\nBy Marta Keller\n\nMarch 3, 2024 at 10:15 am\n\n\
             The bridge reopened on Monday after nine months of work by the city.",
        );
        assert_eq!(found, ["By Marta Keller", "March 3, 2024 at 10:15 am"]);
    }

    #[test]
    fn the_credits_of_a_listing_s_entries_stay_with_them() {
        let entry = |title: &str, name: &str| {
            format!(
                "<div class='entry'><h3><a href='/s'>{title}</a></h3><p>By {name}</p>\
                 <p>March 3, 2024</p><p>A short summary of the story for the index.</p></div>"
            )
        };
        let html = [
            entry("Harbour dredging starts", "Marta Keller"),
            entry("Tram line extended north", "Ivo Brandt"),
            entry("Market hall reopens", "Lena Ortiz"),
        ]
        .concat();
        let authors = |kinds: crate::detect::PageKinds| -> Vec<String> {
            crate::detect::verdicts_on_html(&BylineAndDate, &html, kinds)
                .into_iter()
                .filter(|(_, v)| v.reason.cause.starts_with("author line"))
                .map(|(t, _)| t)
                .collect()
        };
        // A listing: each credit is its entry's text; the dates stay metadata for the
        // decision to weigh.
        assert!(authors(Default::default()).is_empty());
        let dates = crate::detect::verdicts_on_html(&BylineAndDate, &html, Default::default())
            .into_iter()
            .filter(|(_, v)| v.reason.cause.starts_with("date line"))
            .count();
        assert_eq!(dates, 3);
        // Two credits are no listing, and an article's rail of credited stories is not one.
        let two = [
            entry("Harbour dredging starts", "Marta Keller"),
            entry("Tram line extended north", "Ivo Brandt"),
        ]
        .concat();
        let two_authors = crate::detect::verdicts_on_html(&BylineAndDate, &two, Default::default())
            .into_iter()
            .filter(|(_, v)| v.reason.cause.starts_with("author line"))
            .count();
        assert_eq!(two_authors, 2);
        let article = crate::detect::PageKinds {
            article: true,
            ..Default::default()
        };
        assert_eq!(authors(article).len(), 3);
    }

    #[test]
    fn name_next_to_published_marker_is_a_byline() {
        let found = metadata_lines(
            "Economy\n\nTitle of the story here\n\nJonas Weber\n\nPublished\n\non\n\nBody text.",
        );
        assert_eq!(found, ["Jonas Weber"]);
    }

    #[test]
    fn version_numbers_are_not_dates() {
        let found =
            metadata_lines("Industry 4.0\n\nDigital Transformation\n\nVersion 2.1.0 ships today.");
        assert!(found.is_empty(), "{found:?}");
        let found = metadata_lines("Published 2024-05-03\n\nBody text of the story.");
        assert_eq!(found, ["Published 2024-05-03"]);
    }

    #[test]
    fn a_rating_out_of_five_is_no_date() {
        // Three numbers, but joined by a point and a slash: a score, not a day.
        let found = metadata_lines("Overall Score\n\n4.7/5\n\nBody text of the story.");
        assert!(found.is_empty(), "{found:?}");
        for date in [
            "Updated 03/05/2024",
            "Updated 3.5.2024",
            "Updated 2024-05-03",
        ] {
            let found = metadata_lines(&format!("{date}\n\nBody text of the story."));
            assert_eq!(found, [date]);
        }
    }

    #[test]
    fn a_product_badge_is_no_date_and_its_card_title_no_author() {
        // "Just In" on a product card: "just" dates only with a time word ("Just now").
        let found = metadata_lines("Just In\n\nTrail Runner Pro\n\nMen's Road Running Shoes");
        assert!(found.is_empty(), "{found:?}");
        let found = metadata_lines("Just now\n\nBody text of the story.");
        assert_eq!(found, ["Just now"]);
    }

    #[test]
    fn prose_is_not_a_byline() {
        let found = metadata_lines(
            "By the river the town built a new school.\n\nConclusion\n\nIt was 3 days in May when the rain came.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn letters_of_an_index_are_not_dates() {
        let found = metadata_lines(
            "A\n\nA-0 System\n\nH\n\nY\n\nHaskell and other languages are listed here.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = metadata_lines("11 years in the trade\n\nBody text of the story.");
        assert!(found.is_empty(), "{found:?}");
        let found = metadata_lines("Opening: 10 h 30\n\nBody text of the story.");
        assert_eq!(found, ["Opening: 10 h 30"]);
    }

    #[test]
    fn a_row_of_a_data_table_is_no_date_line() {
        let mut blocks = blocks_from_text("3/1/2013 +13.1%");
        let row = &mut blocks[0];
        assert!(is_date_line(row));
        row.kind = BlockKind::TableRow { header: false };
        row.cells = vec!["3/1/2013".into(), "+13.1%".into()];
        assert!(!is_date_line(row));
        // A one-cell row is a line of text in a table, read as such.
        row.cells.truncate(1);
        assert!(is_date_line(row));
    }

    /// A thread of three posts written by `post` (poster, text).
    fn three_posts(post: impl Fn(&str, &str) -> String) -> String {
        [
            post(
                "wheelnut",
                "Should the tyres be stacked flat or hung on hooks?",
            ),
            post(
                "garagegran",
                "Stand them upright and turn them every month.",
            ),
            post("tyreman", "Label each one with its place on the car first."),
        ]
        .concat()
    }

    #[test]
    fn on_a_discussion_the_date_over_each_post_stays_and_the_join_date_goes() {
        let post = |name: &str, body: &str| {
            format!(
                "<article><p>{name}</p><p>Oct 25, 2017</p><p>1,234</p><p>Leeds, England</p>\
                 <p>Mar 27, 2025</p><p>#1</p><p>{body}</p>\
                 <p>answered Mar 27, 2025 at 9:40</p></article>"
            )
        };
        let html = three_posts(post);
        let causes = |discussion: bool| -> Vec<String> {
            let kinds = crate::detect::PageKinds {
                discussion,
                ..Default::default()
            };
            crate::detect::verdicts_on_html(&BylineAndDate, &html, kinds)
                .into_iter()
                .map(|(_, v)| v.reason.cause)
                .collect()
        };
        let on_thread = causes(true);
        assert!(
            !on_thread.iter().any(|c| c.contains("\"Mar 27, 2025\"")),
            "{on_thread:?}"
        );
        assert_eq!(
            on_thread
                .iter()
                .filter(|c| c.contains("Oct 25, 2017"))
                .count(),
            3,
            "{on_thread:?}"
        );
        assert_eq!(
            on_thread.iter().filter(|c| c.contains("answered")).count(),
            3,
            "{on_thread:?}"
        );
        // Elsewhere a date line is metadata wherever it stands.
        let elsewhere = causes(false);
        assert_eq!(
            elsewhere
                .iter()
                .filter(|c| c.contains("\"Mar 27, 2025\""))
                .count(),
            3,
            "{elsewhere:?}"
        );
    }

    #[test]
    fn the_poster_name_is_the_first_short_link_of_a_dated_post() {
        let post = |name: &str, body: &str| {
            format!(
                "<article class='message'><div class='user'><a href='/members/{name}'>{name}</a>\
                 <p>Member</p><p>Oct 25, 2017</p><a href='/loc/Leeds'>Leeds</a></div>\
                 <div class='main'><p>Mar 27, 2025</p><p>{body}</p></div></article>"
            )
        };
        let html = three_posts(post);
        let dom = crate::dom::Dom::parse(&html);
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        let page = Page {
            blocks: &blocks,
            dom: Some(&dom),
            language: PageLanguage::guess(""),
            source: SourceKind::Html,
            title: None,
            author: None,
            author_bios: &[],
            frequency: None,
            kinds: crate::detect::PageKinds {
                discussion: true,
                ..Default::default()
            },
            post_dates: Default::default(),
            poster_names: Default::default(),
            sections: Default::default(),
            folded: Default::default(),
        };
        let dates = post_dates(&page).expect("three dated posts");
        let names: Vec<&str> = poster_names(&page, &dates)
            .iter()
            .zip(&blocks)
            .filter(|(&n, _)| n)
            .map(|(_, b)| b.text.as_str())
            .collect();
        assert_eq!(names, ["wheelnut", "garagegran", "tyreman"]);
    }
}
