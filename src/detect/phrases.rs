//! Chrome phrases: blocks that are (or start with) a known chrome phrase — "Continue
//! Reading", "Share this", "Related posts", "Leave a comment", "All rights reserved" — in
//! many languages.
//!
//! The phrases are data (`data/chrome_phrases.tsv`), not code: adding a language is adding
//! rows. Matching is on folded text (see [`super::fold`]), so case, digits and punctuation
//! ("Comments (12)", "Read more »") do not matter.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::{fold, Detector, Page, Signal, Verdict};

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
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lines = HashMap::default();
        let mut partial = Vec::new();
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
        }
    })
}

/// Longest block (in words) that a `start` or `any` phrase may mark as chrome: longer
/// blocks that merely begin with "Read more" or mention a copyright are prose.
const MAX_PARTIAL_WORDS: usize = 25;

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
        "navigation" | "related" | "social" | "ads" | "copyright"
    )
}

/// Matches `text` against the lexicon: the category, the phrase, and whether the whole
/// block is the phrase; `None` when nothing matches.
pub fn match_phrase(text: &str, words: usize, link_density: f32) -> Option<(String, String, bool)> {
    let lex = lexicon();
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    if let Some(category) = lex.lines.get(&folded) {
        return Some((category.clone(), folded, true));
    }
    if text.contains('©') && words <= MAX_PARTIAL_WORDS {
        return Some(("copyright".into(), "©".into(), false));
    }
    if words > MAX_PARTIAL_WORDS {
        return None;
    }
    // The phrases found anywhere in the folded text (a prefix phrase only at its start), in
    // table order: the first that passes its checks below wins, as if every phrase of the
    // table were tried in turn.
    let mut candidates: Vec<usize> = lex.empty.clone();
    for found in lex.matcher.find_overlapping_iter(&folded) {
        let index = lex.pattern_phrase[found.pattern().as_usize()];
        if found.start() == 0 || lex.partial[index].placement == Placement::Any {
            candidates.push(index);
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    for phrase in candidates.iter().map(|&i| &lex.partial[i]) {
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

impl Detector for ChromePhrases {
    fn name(&self) -> &'static str {
        "chrome-phrase"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        for (index, block) in page.blocks.iter().enumerate() {
            if block.features.words > MAX_PARTIAL_WORDS * 2 {
                continue;
            }
            if let Some((category, phrase, whole)) = match_phrase(
                &block.text,
                block.features.words,
                block.features.link_density(),
            ) {
                // A whole-block match is decisive; a prefix match on a longer block is not.
                let weight = if whole { 1.0 } else { 0.8 };
                let how = if whole { "is" } else { "contains" };
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    weight,
                    self.name(),
                    format!("{how} the {category} phrase \"{phrase}\""),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn copyright_and_partner_lines_match() {
        assert!(match_phrase("© 2024 Example Media. All rights reserved.", 7, 0.0).is_some());
        assert!(match_phrase("Copyright 2023 The Daily Bugle", 5, 0.0).is_some());
        assert!(match_phrase("From our partner Tehran Times", 5, 0.0).is_some());
        assert!(match_phrase("Alle Rechte vorbehalten.", 3, 0.0).is_some());
    }

    #[test]
    fn prose_that_mentions_a_phrase_does_not_match() {
        assert!(match_phrase("Read more carefully and you will see it.", 8, 0.0).is_none());
        let long = "Share this with care: ".to_string() + &"word ".repeat(40);
        assert!(match_phrase(&long, 44, 0.0).is_none());
        assert!(match_phrase("The latest figures show a rise.", 6, 0.0).is_none());
    }
}
