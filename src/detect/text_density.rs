//! Text and stopword density: long blocks of running prose (many words, many stopwords,
//! sentence punctuation) are document text; long blocks with almost no stopwords are lists
//! of names, tags or products.
//!
//! Classes follow jusText's published defaults: a block under 70 characters is *short* (no
//! verdict: context decides), 200 or more with stopword density ≥ 0.32 is *good*, in
//! between with density ≥ 0.30 is *near-good*; under 0.30 is *bad*. For languages with no
//! stopword list (Chinese, Japanese, Thai) length and sentence punctuation stand in.

use super::{Detector, Page, Signal, Verdict};
use crate::blocks::BlockKind;

/// Share of a block's visible characters that are hexadecimal digits or dashes from which
/// it is a run of identifiers (in English prose about a third are: a–f are common letters).
const HEX_SHARE: f32 = 0.9;

/// Share of a block's visible characters that are decimal digits from which its hexadecimal
/// text is identifiers rather than words.
const HEX_DIGIT_SHARE: f32 = 0.3;

/// Whether a block's text is machine identifiers strung together (UUIDs, hashes): what some
/// shops print in hidden or obfuscated spans, never a reader's text. A table of plain
/// numbers is not: the identifiers mix the letters a–f with their digits.
fn is_machine_identifiers(text: &str) -> bool {
    let (mut visible, mut hex, mut digits, mut hex_letters) = (0usize, 0usize, 0usize, 0usize);
    // Prose stops the scan early: once the characters that are not hexadecimal pass a tenth
    // of the text's length, they are over a tenth of its visible characters too.
    let most_other = text.len() / 10;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if visible - hex > most_other {
            return false;
        }
        visible += 1;
        if c.is_ascii_digit() {
            digits += 1;
            hex += 1;
        } else if matches!(c, 'a'..='f' | 'A'..='F') {
            hex_letters += 1;
            hex += 1;
        } else if c == '-' {
            hex += 1;
        }
    }
    let share = |n: usize| n as f32 / visible.max(1) as f32;
    visible > 0
        && share(hex) >= HEX_SHARE
        && share(digits) >= HEX_DIGIT_SHARE
        && share(hex_letters) >= HEX_DIGIT_SHARE / 2.0
}

/// Whether a block's whole text is the address of an image file
/// (`https://cdn.example.com/img/tee_thumb.jpg?v=2`): a theme's thumbnail map or a lazy
/// loader's data printed as text, never a reader's sentence.
fn is_image_address(text: &str) -> bool {
    let t = text.trim();
    if t.contains(char::is_whitespace)
        || !(t.starts_with("http://") || t.starts_with("https://") || t.starts_with("//"))
    {
        return false;
    }
    let path = t.split(['?', '#']).next().unwrap_or(t);
    let Some((_, extension)) = path.rsplit_once('.') else {
        return false;
    };
    IMAGE_EXTENSIONS
        .iter()
        .any(|e| extension.eq_ignore_ascii_case(e))
}

/// File extensions of images.
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp"];

/// Whether a block's whole text is a bare count: digits with thousands separators and an
/// optional `k`/`M` suffix (`3`, `1,204`, `26.2k`), or a post's number (`#7`). On a
/// discussion such a block is a vote, reaction or post counter beside a post, or the post's
/// permalink number, never the posts' text. A few counts side by side (a reputation
/// and its badges, `6,796 8 34 47`; up to [`BARE_COUNTS_MAX`]) are such counters too.
fn is_bare_count(text: &str) -> bool {
    let mut counts = text.split_whitespace();
    let first_ok = counts.next().is_some_and(is_one_count);
    // `#7` numbers a post; a post's number is one count, not one of several.
    let rest: Vec<&str> = counts.collect();
    first_ok
        && rest.len() < BARE_COUNTS_MAX
        && (rest.is_empty() || !text.trim_start().starts_with('#'))
        && rest.iter().all(|c| !c.starts_with('#') && is_one_count(c))
}

/// Most counts of a block of bare counts (see [`is_bare_count`]).
const BARE_COUNTS_MAX: usize = 4;

/// Whether one word is a count: digits with `,` or `.` separators, an optional `k`/`M`
/// suffix, or a post's number (`#7`).
fn is_one_count(word: &str) -> bool {
    let t = word.strip_prefix('#').unwrap_or(word);
    let t = t.strip_suffix(['k', 'K', 'M']).unwrap_or(t);
    !t.is_empty()
        && t.len() <= 12
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Most words of a view counter (see [`is_view_count`]).
const VIEW_COUNT_WORDS: usize = 4;

/// Words that say a count is of views (`Viewed`, `views`; de `Aufrufe`, `Zugriffe`; fr
/// `vues`, `vu`; es `visitas`, `visto`; it `visualizzazioni`; pt `visualizações`; nl
/// `weergaven`, `bekeken`).
const VIEW_WORDS: &[&str] = &[
    "viewed",
    "views",
    "view",
    "aufrufe",
    "zugriffe",
    "vues",
    "vu",
    "visitas",
    "visto",
    "visualizzazioni",
    "visualizações",
    "weergaven",
    "bekeken",
];

/// Words that may go with a view count (`Viewed 6k times`; fr `fois`, es `veces`, nl `keer`).
const VIEW_FILLERS: &[&str] = &["times", "fois", "veces", "keer", "volte", "vezes", "mal"];

/// Whether a block's whole text is a view counter: one count and a word for views, with
/// at most a filler (`Viewed 6k times`, `1,204 views`, `Views: 311`, `Aufrufe 2.345`). On a
/// discussion it counts readers of the thread, no part of any post.
fn is_view_count(text: &str) -> bool {
    let (mut counts, mut views) = (0, 0);
    for word in text.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '#');
        if w.is_empty() {
            continue;
        }
        if is_one_count(w) {
            counts += 1;
        } else if VIEW_WORDS.iter().any(|v| w.eq_ignore_ascii_case(v)) {
            views += 1;
        } else if !VIEW_FILLERS.iter().any(|v| w.eq_ignore_ascii_case(v)) {
            return false;
        }
    }
    counts == 1 && views == 1
}

/// Most words of a reply's subject line.
const REPLY_SUBJECT_WORDS: usize = 20;

/// Prefixes mail and forum software put before the subject of a reply (English and Latin
/// `Re:`, German `AW:`/`Antw:`, Scandinavian `SV:`, Polish `Odp:`, Turkish `Ynt:`).
const REPLY_PREFIXES: &[&str] = &["re", "aw", "antw", "sv", "odp", "ynt"];

/// Whether a block is a reply's subject line: a reply prefix and a colon, then a subject
/// (`Re: Turning off the LEDs`, `RE:Maybe Rust (Score:5)`). On a discussion each post
/// repeats the thread's title so, which is no part of what the poster wrote.
fn is_reply_subject(text: &str) -> bool {
    let Some((prefix, subject)) = text.trim_start().split_once(':') else {
        return false;
    };
    REPLY_PREFIXES
        .iter()
        .any(|p| prefix.trim_end().eq_ignore_ascii_case(p))
        && subject.chars().any(char::is_alphabetic)
}

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
            if page.kinds.discussion
                && f.words <= 2 * BARE_COUNTS_MAX
                && matches!(
                    block.kind,
                    BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::ListItem { .. }
                )
                && is_bare_count(&block.text)
            {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    1.0,
                    self.name(),
                    "a bare count on a discussion (votes, reactions, posts)".to_string(),
                ));
                continue;
            }
            if page.kinds.discussion
                && f.words <= VIEW_COUNT_WORDS
                && block.kind != BlockKind::Code
                && is_view_count(&block.text)
            {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    1.0,
                    self.name(),
                    "a view counter on a discussion (`Viewed 6k times`, `1,204 views`)".to_string(),
                ));
                continue;
            }
            if page.kinds.discussion
                && f.words <= REPLY_SUBJECT_WORDS
                && block.kind != BlockKind::Code
                && is_reply_subject(&block.text)
            {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    0.8,
                    self.name(),
                    "a reply's subject line on a discussion (`Re: …`)".to_string(),
                ));
                continue;
            }
            if block.kind != BlockKind::Code && is_image_address(&block.text) {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    1.0,
                    self.name(),
                    "the address of an image file, not text".to_string(),
                ));
                continue;
            }
            if f.chars < LENGTH_LOW || (f.link_density() > 0.5 && !f.is_linked_card_prose()) {
                continue;
            }
            if block.kind != BlockKind::Code && is_machine_identifiers(&block.text) {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    1.0,
                    self.name(),
                    "machine identifiers, not text".to_string(),
                ));
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

#[cfg(test)]
mod tests {
    use super::{is_bare_count, is_image_address, is_machine_identifiers, is_view_count};

    #[test]
    fn counts_and_post_numbers_are_bare_counts() {
        for count in ["3", "1,204", "26.2k", "#7", " #12 ", "6,796834 47", "2 3"] {
            assert!(is_bare_count(count), "{count}");
        }
        // A ranked heading, a hashtag, a lone sign, a row of ranks and a list of five
        // numbers are not.
        for text in ["#1 Best pick", "#rust", "#", "7 days", "#1 #2", "1 2 3 4 5"] {
            assert!(!is_bare_count(text), "{text}");
        }
    }

    #[test]
    fn view_counters_are_told_from_text() {
        for text in [
            "Viewed 6k times",
            "1,204 views",
            "Views: 311",
            "Aufrufe 2.345",
            "12 vues",
        ] {
            assert!(is_view_count(text), "{text}");
        }
        for text in [
            "Viewed from above",
            "3 views of the bay",
            "views",
            "6k times",
            "2 3 views",
        ] {
            assert!(!is_view_count(text), "{text}");
        }
    }

    #[test]
    fn reply_subjects_are_told_from_text() {
        for text in [
            "Re: Turning off all LEDs",
            "RE:Maybe Rust (Score:5)",
            "AW: Frage",
        ] {
            assert!(super::is_reply_subject(text), "{text}");
        }
        for text in [
            "Re-entry: what to expect",
            "Rest: 5 minutes",
            "Re: 12",
            "Note: re",
        ] {
            assert!(!super::is_reply_subject(text), "{text}");
        }
    }

    #[test]
    fn an_image_address_alone_is_not_text() {
        assert!(is_image_address(
            " https://cdn.example.com/images/160x160/tee_bone_thumb.JPG?v=3 "
        ));
        assert!(is_image_address("//img.example.org/a/b.webp"));
        // A page's address, a sentence naming an image and a file name without a scheme
        // are not.
        assert!(!is_image_address("https://example.com/guide/how-to-print"));
        assert!(!is_image_address(
            "See https://example.com/plan.png for the full plan."
        ));
        assert!(!is_image_address("plan.png"));
        let html = "<html><body><main><h1>Staple tee</h1><p>A tee in heavy combed cotton, \
            cut to a regular fit and finished with double needle hems so it keeps its shape \
            after many washes.</p><p>cat_thumb_Bone:</p>\
            <p>https://cdn.example.com/images/160x160/tee_bone_thumb.jpg</p></main></body></html>";
        let text = crate::clean_html(html);
        assert!(!text.contains("tee_bone_thumb"), "{text}");
        assert!(text.contains("double needle hems"), "{text}");
    }

    #[test]
    fn strings_of_identifiers_are_not_text() {
        let ids = "4c1f0a9e-77b2-4d0c-9e1a-2b3c4d5e6f70Xa1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d \
                   9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1aQ0a1b2c3d-4e5f-4061-9273-8495a6b7c8d9";
        assert!(is_machine_identifiers(ids));
        // Prose, even about hexadecimal, a table of plain numbers and a product code are
        // not identifiers.
        assert!(!is_machine_identifiers(
            "Each device has a unique id such as 4c1f0a9e-77b2 printed on the back label."
        ));
        assert!(!is_machine_identifiers(
            "1200 1350 1475 1600 1725 1850 1975 2100 2225"
        ));
        assert!(!is_machine_identifiers(
            "Faded bed of cafe beds, a deaf face"
        ));
    }
}
