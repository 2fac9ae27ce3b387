//! Language knowledge shared by the feature and detector stages: word tokens, stopword
//! lists (from the `stop-words` crate, never typed by hand), a cheap page-language guess, and
//! length measures that work for scripts written without spaces (Chinese, Japanese, Thai).
//!
//! This module only measures text; it decides nothing.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Languages whose stopword lists take part in the page-language guess, as ISO 639-1 codes.
/// Order matters only for ties (earlier wins), so the most common crawl languages come first.
pub const STOPWORD_LANGUAGES: &[&str] = &[
    "en", "de", "fr", "es", "it", "pt", "ru", "nl", "pl", "sv", "da", "no", "fi", "tr", "cs", "hu",
    "ro", "uk", "id", "ca", "el", "bg", "hr", "sk", "sl", "ar", "fa", "vi",
];

/// For each stopword, a bit set of the languages (indices into [`STOPWORD_LANGUAGES`]) that
/// list it.
fn stopword_table() -> &'static HashMap<&'static str, u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&'static str, u32> = HashMap::default();
        for (index, code) in STOPWORD_LANGUAGES.iter().enumerate() {
            let Some(words) = stop_words::lookup(code) else {
                continue;
            };
            for word in words {
                // The ISO lists carry some one-letter and digit entries that would make every
                // token look like a stopword; they are not evidence of prose.
                if word.chars().count() < 2 || word.chars().any(|c| c.is_numeric()) {
                    continue;
                }
                *table.entry(word).or_insert(0) |= 1 << index;
            }
        }
        table
    })
}

/// Length in bytes of the longest stopword in the table.
fn longest_stopword() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| stopword_table().keys().map(|w| w.len()).max().unwrap_or(0))
}

/// Whether `c` belongs to a script written without spaces between words.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xAC00..=0xD7AF // Hangul syllables (spaced, but dense: count like CJK)
        | 0x0E00..=0x0E7F // Thai
        | 0x0E80..=0x0EFF // Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x20000..=0x2FFFF)
}

/// Calls `f` with every word token of `text`: a maximal run of alphanumeric characters or
/// `_` (the `\w+` of most benchmarks), with each character of a script written without
/// spaces counted as a token of its own.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        // ASCII fast path: no ASCII character belongs to an unspaced script.
        let (is_word, unspaced) = if c.is_ascii() {
            (c.is_ascii_alphanumeric() || c == '_', false)
        } else {
            let is_word = c.is_alphanumeric();
            (is_word, is_word && is_unspaced_script(c))
        };
        if unspaced {
            if let Some(s) = start.take() {
                f(&text[s..i]);
            }
            f(&text[i..i + c.len_utf8()]);
        } else if is_word {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            f(&text[s..i]);
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// Number of word tokens in `text` (see [`for_each_word`]).
pub fn word_count(text: &str) -> usize {
    // ASCII fast path (most blocks): count where a run of word bytes starts.
    if text.is_ascii() {
        let mut in_word = false;
        return text
            .bytes()
            .filter(|&b| {
                let is_word = b.is_ascii_alphanumeric() || b == b'_';
                let starts = is_word && !in_word;
                in_word = is_word;
                starts
            })
            .count();
    }
    let mut n = 0;
    for_each_word(text, |_| n += 1);
    n
}

/// Number of word tokens in `text` up to `limit`: past it, `limit + 1` (an ASCII text stops
/// being read there).
pub fn word_count_up_to(text: &str, limit: usize) -> usize {
    if text.is_ascii() {
        let mut in_word = false;
        let mut n = 0;
        for b in text.bytes() {
            let is_word = b.is_ascii_alphanumeric() || b == b'_';
            if is_word && !in_word {
                n += 1;
                if n > limit {
                    break;
                }
            }
            in_word = is_word;
        }
        return n;
    }
    word_count(text).min(limit + 1)
}

/// A length measure comparable across scripts: characters, with a character of a script
/// written without spaces weighted as three (about what it carries next to a Latin letter),
/// and whitespace not counted.
pub fn weighted_len(text: &str) -> usize {
    if text.is_ascii() {
        // ASCII fast path: every non-whitespace byte counts one.
        return text
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
            .count();
    }
    text.chars()
        .map(|c| {
            if c.is_whitespace() {
                0
            } else if is_unspaced_script(c) {
                3
            } else {
                1
            }
        })
        .sum()
}

/// What a page-language guess has seen so far (see [`stopword_counts`]): stopword hits per
/// language, word tokens, and tokens of scripts written without spaces.
#[derive(Debug, Clone, Default)]
pub struct LanguageTally {
    hits: [u32; 32],
    tokens: u32,
    unspaced: u32,
}

impl LanguageTally {
    /// Adds what another text added to its tally.
    pub fn add(&mut self, other: &LanguageTally) {
        for (hits, more) in self.hits.iter_mut().zip(&other.hits) {
            *hits += more;
        }
        self.tokens += other.tokens;
        self.unspaced += other.unspaced;
    }

    /// The language guessed from the texts seen: the list with the most hits wins; fewer
    /// than 3 hits (or mostly unspaced script) gives no language. Seeing one text gives
    /// [`PageLanguage::guess`] of that text.
    pub fn language(&self) -> PageLanguage {
        if self.unspaced * 2 > self.tokens {
            return PageLanguage { index: None };
        }
        let best = (0..STOPWORD_LANGUAGES.len())
            .max_by_key(|&i| (self.hits[i], std::cmp::Reverse(i)))
            .filter(|&i| self.hits[i] >= 3);
        PageLanguage { index: best }
    }
}

/// The stopwords of one text for every language of [`STOPWORD_LANGUAGES`], from
/// [`stopword_counts`].
#[derive(Debug, Clone, Copy, Default)]
pub struct StopwordCounts([u32; 32]);

/// The stopword counts of `text` and what its words add to a language guess: the two
/// results of [`stopword_counts`], kept per block so that the same text need not be read
/// twice.
#[derive(Debug, Clone, Default)]
pub struct WordCounts {
    /// Stopwords per language.
    pub stopwords: StopwordCounts,
    /// What the text adds to a page's language guess.
    pub tally: LanguageTally,
}

/// The [`WordCounts`] of `text`.
pub fn word_counts(text: &str) -> WordCounts {
    let mut tally = LanguageTally::default();
    let stopwords = stopword_counts(text, Some(&mut tally));
    WordCounts { stopwords, tally }
}

/// Counts the stopwords of `text` for every language at once, as
/// [`PageLanguage::count_stopwords`] counts them for one; with a `tally`, also adds the
/// text's words to it as [`PageLanguage::guess`] counts them. Guessing a page's language and
/// counting its blocks' stopwords then takes one pass over the words.
pub fn stopword_counts(text: &str, mut tally: Option<&mut LanguageTally>) -> StopwordCounts {
    let table = stopword_table();
    let longest = longest_stopword();
    let mut counts = [0u32; 32];
    let mut lower = String::new();
    for_each_word(text, |w| {
        if let Some(t) = tally.as_deref_mut() {
            t.tokens += 1;
        }
        let (bits, countable, guessable) = if w.is_ascii() {
            // ASCII lowercasing keeps the length: longer words cannot be stopwords.
            if w.len() > longest {
                return;
            }
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            (table.get(lower.as_str()).copied(), true, true)
        } else {
            let unspaced = w.chars().next().is_some_and(is_unspaced_script);
            if unspaced {
                if let Some(t) = tally.as_deref_mut() {
                    t.unspaced += 1;
                }
            }
            // The count skips words longer than every stopword before lowercasing them.
            let countable = w.len() <= longest;
            if !countable && (unspaced || tally.is_none()) {
                return;
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            (table.get(lower.as_str()).copied(), countable, !unspaced)
        };
        let Some(bits) = bits else {
            return;
        };
        let mut rest = bits;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if countable {
                counts[i] += 1;
            }
            if guessable {
                if let Some(t) = tally.as_deref_mut() {
                    t.hits[i] += 1;
                }
            }
        }
    });
    StopwordCounts(counts)
}

/// The language guessed for a page, used to count stopwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLanguage {
    /// Index into [`STOPWORD_LANGUAGES`], or `None` when no list fits (e.g. Chinese).
    index: Option<usize>,
}

impl PageLanguage {
    /// A language from its ISO 639-1 code (e.g. from `<html lang>`), if we have its list.
    pub fn from_code(code: &str) -> Option<PageLanguage> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        STOPWORD_LANGUAGES
            .iter()
            .position(|c| *c == primary)
            .map(|index| PageLanguage { index: Some(index) })
    }

    /// Guesses the language from the stopwords in `sample`: the list with the most hits
    /// wins; fewer than 3 hits (or mostly unspaced script) gives no language.
    pub fn guess(sample: &str) -> PageLanguage {
        let mut tally = LanguageTally::default();
        stopword_counts(sample, Some(&mut tally));
        tally.language()
    }

    /// The stopwords of this language among `counts` (0 when the language has no list):
    /// what [`PageLanguage::count_stopwords`] counts in the same text.
    pub fn stopwords_in(&self, counts: &StopwordCounts) -> usize {
        self.index.map_or(0, |i| counts.0[i] as usize)
    }

    /// ISO 639-1 code of the language, if known.
    pub fn code(&self) -> Option<&'static str> {
        self.index.map(|i| STOPWORD_LANGUAGES[i])
    }

    /// Whether lowercased `word` is a stopword of this language.
    pub fn is_stopword(&self, lowercase_word: &str) -> bool {
        match self.index {
            Some(i) => stopword_table()
                .get(lowercase_word)
                .is_some_and(|bits| bits & (1 << i) != 0),
            None => false,
        }
    }

    /// Counts (words, stopwords) in `text`.
    pub fn count_stopwords(&self, text: &str) -> (usize, usize) {
        let mut words = 0;
        let mut stops = 0;
        let mut lower = String::new();
        for_each_word(text, |w| {
            words += 1;
            if self.index.is_some() {
                // Words longer than every stopword cannot be one.
                if w.len() > longest_stopword() {
                    return;
                }
                lowercase_into(w, &mut lower);
                if self.is_stopword(&lower) {
                    stops += 1;
                }
            }
        });
        (words, stops)
    }

    /// Whether stopword density means anything for this page.
    pub fn has_stopwords(&self) -> bool {
        self.index.is_some()
    }
}

/// `word` in lower case, into `out` (cleared first): a fast path for ASCII words, so a
/// loop over many words needs no allocation per word.
pub fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_keep_underscores() {
        let mut words = Vec::new();
        for_each_word("It's a_b, 42 cats!", |w| words.push(w.to_string()));
        assert_eq!(words, ["It", "s", "a_b", "42", "cats"]);
    }

    #[test]
    fn ascii_word_count_agrees_with_the_word_tokens() {
        for text in [
            "",
            "   ",
            "It's a_b, 42 cats!",
            "  lead, then-rest: (x) y_ 9",
            "__init__ x86-64 a.b.c",
            "end",
        ] {
            let mut tokens = 0;
            for_each_word(text, |_| tokens += 1);
            assert_eq!(word_count(text), tokens, "{text:?}");
            for limit in 0..4 {
                assert_eq!(word_count_up_to(text, limit), tokens.min(limit + 1));
            }
        }
    }

    #[test]
    fn each_cjk_character_is_a_word() {
        assert_eq!(word_count("北京欢迎你 ok"), 6);
        assert_eq!(weighted_len("北京 ok"), 8);
    }

    #[test]
    fn guesses_common_languages_from_stopwords() {
        let en =
            "The council said that it would not be able to finish the bridge before the winter.";
        let de = "Der Rat sagte, dass die Brücke nicht vor dem Winter fertig werden kann, weil es regnet.";
        let fr = "Le conseil a dit que le pont ne sera pas terminé avant l'hiver, car il pleut beaucoup.";
        let ru = "Совет заявил, что мост не будет готов до зимы, потому что идут дожди и не хватает денег.";
        assert_eq!(PageLanguage::guess(en).code(), Some("en"));
        assert_eq!(PageLanguage::guess(de).code(), Some("de"));
        assert_eq!(PageLanguage::guess(fr).code(), Some("fr"));
        assert_eq!(PageLanguage::guess(ru).code(), Some("ru"));
        assert_eq!(
            PageLanguage::guess("北京欢迎你，今天天气很好。").code(),
            None
        );
    }

    #[test]
    fn counts_for_every_language_match_counts_for_one() {
        let texts = [
            "The cat sat on the mat with a hat",
            "Der Rat sagte, dass die Brücke nicht vor dem Winter fertig werden kann.",
            "Совет заявил, что мост не будет готов до зимы",
            "ΚΑΙ Η ΑΘΗΝΑ ΣΤΗΝ ΟΔΟ ΚΑΙ ΤΟΥΣ ΑΝΘΡΩΠΟΥΣ",
            "北京欢迎你 and the ẞ KELVIN \u{212A} İstanbul de la",
            "",
        ];
        for text in texts {
            let mut tally = LanguageTally::default();
            let counts = stopword_counts(text, Some(&mut tally));
            assert_eq!(tally.language(), PageLanguage::guess(text), "{text}");
            for code in STOPWORD_LANGUAGES {
                let lang = PageLanguage::from_code(code).unwrap();
                assert_eq!(
                    lang.stopwords_in(&counts),
                    lang.count_stopwords(text).1,
                    "{code}: {text}"
                );
            }
        }
    }

    #[test]
    fn counts_stopwords_in_english_prose() {
        let lang = PageLanguage::from_code("en-GB").unwrap();
        let (words, stops) = lang.count_stopwords("The cat sat on the mat with a hat");
        assert_eq!(words, 9);
        assert!(stops >= 4, "{stops}");
    }
}
