//! Stage 2, **blocks**: a document becomes a flat sequence of blocks — heading, paragraph,
//! list item, quote, table row, code, caption — each with the features the detectors read.
//!
//! HTML goes through [`html::blocks_from_dom`]; plain text through [`text::blocks_from_text`].
//! Both produce the same [`Block`] type, so every later stage is shared. This stage measures;
//! it never decides what is content.

pub mod html;
pub mod text;

use serde::Serialize;

use crate::dom::NodeId;
use crate::lang::{self, PageLanguage};

/// What a block is, as far as its markup (or line shape) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum BlockKind {
    /// A heading, level 1 to 6.
    Heading {
        /// 1 for `<h1>` … 6 for `<h6>`.
        level: u8,
    },
    /// A paragraph or any other run of text.
    Paragraph,
    /// An item of a list.
    ListItem {
        /// Whether the list is numbered.
        ordered: bool,
        /// Nesting depth, 1 for a top-level list.
        depth: u8,
        /// 1-based position in a numbered list.
        number: u32,
    },
    /// Text inside a block quotation.
    Quote,
    /// One row of a data table; the cells are in [`Block::cells`].
    TableRow {
        /// Whether the row holds header cells.
        header: bool,
    },
    /// Preformatted text or code, whitespace kept.
    Code,
    /// A figure or table caption.
    Caption,
}

impl BlockKind {
    /// Whether this is a heading.
    pub fn is_heading(&self) -> bool {
        matches!(self, BlockKind::Heading { .. })
    }
}

/// Fewest words of a block that [`Features::reads_as_prose`].
pub const PROSE_MIN_WORDS: usize = 8;
/// Fewest words of a block that [`Features::is_linked_card_prose`].
pub const LINKED_CARD_PROSE_WORDS: usize = 150;
/// Lowest stopword share of a block that [`Features::reads_as_prose`].
pub const PROSE_MIN_STOPWORDS: f32 = 0.3;

/// Measurements of one block.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Features {
    /// Length measure comparable across scripts (see [`lang::weighted_len`]).
    pub chars: usize,
    /// The same measure over text inside links.
    pub link_chars: usize,
    /// Links (`<a>` elements) that start in the block (0 for text input).
    pub links: usize,
    /// Word tokens.
    pub words: usize,
    /// Stopwords among the word tokens (0 when the page language has no list).
    pub stopwords: usize,
    /// Commas and other clause punctuation, a sign of prose.
    pub commas: usize,
    /// Whether the text ends like a sentence (`.`, `!`, `?`, `…`, `。`, `:` …).
    pub ends_sentence: bool,
    /// Depth of the block's element in the DOM (0 for text input).
    pub depth: usize,
    /// For text input: 1-based line number of the block's first line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Features {
    /// Share of the text inside links, 0.0–1.0.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            (self.link_chars as f32 / self.chars as f32).min(1.0)
        }
    }

    /// Whether the text reads as a sentence of prose, whatever its links: it ends like a
    /// sentence, has at least [`PROSE_MIN_WORDS`] words and a stopword share of at least
    /// [`PROSE_MIN_STOPWORDS`] (false on pages whose language has no stopword list).
    pub fn reads_as_prose(&self) -> bool {
        self.ends_sentence
            && self.words >= PROSE_MIN_WORDS
            && self.stopword_density() >= PROSE_MIN_STOPWORDS
    }

    /// Whether the text is a long run of prose inside one link: a card wrapped in its link
    /// (a newsletter issue's whole text on its index), not a menu or a teaser's summary.
    pub fn is_linked_card_prose(&self) -> bool {
        self.words >= LINKED_CARD_PROSE_WORDS && self.links <= 1 && self.reads_as_prose()
    }

    /// Share of word tokens that are stopwords, 0.0–1.0.
    pub fn stopword_density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stopwords as f32 / self.words as f32
        }
    }
}

/// One block of a document.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The text, whitespace collapsed (except in code); may hold `\n` from line breaks.
    pub text: String,
    /// Cells of a table row (empty for other kinds).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
    /// Measurements.
    pub features: Features,
    /// Element that owns the text (HTML input only).
    #[serde(skip)]
    pub node: Option<NodeId>,
    /// Element ancestors from the root down to [`Block::node`] (HTML input only).
    #[serde(skip)]
    pub ancestors: Vec<NodeId>,
    /// For text input: the block followed its predecessor with no blank line between.
    #[serde(skip)]
    pub joins_previous: bool,
    /// For text input: how many blank lines came before the block (none when it joins its
    /// predecessor), so a code block's double blank lines come out as they went in.
    #[serde(skip)]
    pub blank_lines_before: usize,
}

/// Fewest links, and fewest separators between them, of a [`Block::is_separated_link_bar`].
const LINK_BAR_MIN_LINKS: usize = 4;
const LINK_BAR_MIN_SEPARATORS: usize = 3;

/// Least share of a link bar's text in its links.
const LINK_BAR_MIN_LINK_DENSITY: f32 = 0.5;

impl Block {
    /// Whether the block is a bar of short links set apart by `|`, `·` or `•` ("new | past |
    /// comments | ask", "2 points by jane 3 hours ago | hide | discuss"): a menu of the
    /// site's actions, never the document, though some of its text is not linked.
    pub fn is_separated_link_bar(&self) -> bool {
        let f = &self.features;
        f.links >= LINK_BAR_MIN_LINKS
            && f.link_density() >= LINK_BAR_MIN_LINK_DENSITY
            && self
                .text
                .chars()
                .filter(|c| matches!(c, '|' | '·' | '•'))
                .count()
                >= LINK_BAR_MIN_SEPARATORS
    }

    /// Fills the language-dependent features (stopwords) once the page language is known.
    pub fn count_stopwords(&mut self, language: &PageLanguage) {
        let (_, stops) = language.count_stopwords(&self.text);
        self.features.stopwords = stops;
    }

    /// Whether the block is a row of a data table with at least two cells: a record
    /// ("1/1/2013 | +13.1%"), whatever its cells hold.
    pub fn is_data_row(&self) -> bool {
        matches!(self.kind, BlockKind::TableRow { .. }) && self.cells.len() >= 2
    }
}

/// Measures `text` into the language-independent features of a block.
pub(crate) fn measure(text: &str, link_chars: usize) -> Features {
    let (chars, words, commas) = count_text(text);
    let ends_sentence = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？', ':', '؟', '।']);
    Features {
        chars,
        link_chars: link_chars.min(chars),
        links: 0,
        words,
        stopwords: 0,
        commas,
        ends_sentence,
        depth: 0,
        line: None,
    }
}

/// [`lang::weighted_len`], [`lang::word_count`] and the count of commas and other clause
/// punctuation of `text`, in one pass.
fn count_text(text: &str) -> (usize, usize, usize) {
    let (mut chars, mut words, mut commas) = (0, 0, 0);
    let mut in_word = false;
    for c in text.chars() {
        if c.is_ascii() {
            let b = c as u8;
            chars += usize::from(!matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
            commas += usize::from(matches!(b, b',' | b';'));
            let is_word = b.is_ascii_alphanumeric() || b == b'_';
            words += usize::from(is_word && !in_word);
            in_word = is_word;
            continue;
        }
        let unspaced = lang::is_unspaced_script(c);
        chars += if c.is_whitespace() {
            0
        } else if unspaced {
            3
        } else {
            1
        };
        commas += usize::from(matches!(c, '，' | '、' | '،' | '؛'));
        // As `lang::for_each_word`: a character of an unspaced script is a word of its own.
        if c.is_alphanumeric() {
            if unspaced {
                words += 1;
                in_word = false;
            } else {
                words += usize::from(!in_word);
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    (chars, words, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_counts_match_the_separate_measures() {
        for text in [
            "Hello, world; it's 42_a b\tc\r\nd\x0Be\x0Cf",
            "",
            "   ",
            "a",
            "__ ,,; x_y-z",
            "北京欢迎你，今天ok天气很好。 ab北c",
            "Ça va\u{a0}? Ärger\u{2003}über naïve café、x؛y،z",
            "สวัสดีครับ 안녕하세요 ١٢٣ ²³ x\u{301}y",
        ] {
            let (chars, words, commas) = count_text(text);
            assert_eq!(chars, lang::weighted_len(text), "{text:?}");
            assert_eq!(words, lang::word_count(text), "{text:?}");
            let expected = text
                .chars()
                .filter(|c| matches!(c, ',' | ';' | '，' | '、' | '،' | '؛'))
                .count();
            assert_eq!(commas, expected, "{text:?}");
        }
    }
}

#[cfg(test)]
mod link_bar_tests {
    use crate::dom::Dom;

    fn first_block(html: &str) -> super::Block {
        super::html::blocks_from_dom(&Dom::parse(html))
            .into_iter()
            .next()
            .expect("a block")
    }

    #[test]
    fn links_set_apart_by_bars_are_a_link_bar() {
        let bar = first_block(
            "<p>9 votes by <a href=/u/kim>kim</a> <a href=/i/1>2 hours ago</a> | \
             <a href=/h/1>hide</a> | <a href=/f/1>flag</a> | <a href=/i/1>reply</a></p>",
        );
        assert!(bar.is_separated_link_bar());
        let dots = first_block(
            "<p><a href=/a>Home</a> · <a href=/b>Blog</a> · <a href=/c>Shop</a> · \
             <a href=/d>About</a></p>",
        );
        assert!(dots.is_separated_link_bar());
        // Prose with a few links and a pipe or two is not a bar.
        let prose = first_block(
            "<p>We compared <a href=/a>the first</a> and <a href=/b>the second</a> model | \
             the results held, and <a href=/c>this table</a> | <a href=/d>that one</a> | \
             show the numbers from every run we made over the winter months.</p>",
        );
        assert!(!prose.is_separated_link_bar());
    }

    #[test]
    fn a_row_of_links_set_apart_by_bars_is_a_link_bar() {
        // A table's row is a record, but it counts the links of its cells: a site laid out
        // in a table puts its menu and each entry's actions in rows.
        let rows = super::html::blocks_from_dom(&Dom::parse(
            "<table><tr><td><a href=/>Otter Board</a> <a href=/n>new</a> | \
                 <a href=/p>past</a> | <a href=/a>ask</a> | <a href=/s>submit</a></td>\
                 <td><a href=/l>login</a></td></tr>\
                 <tr><td>Hazel</td><td>1987</td><td>Rivers of the north</td></tr></table>",
        ));
        assert!(matches!(rows[0].kind, super::BlockKind::TableRow { .. }));
        assert_eq!(rows[0].features.links, 6);
        assert!(rows[0].is_separated_link_bar());
        assert_eq!(rows[1].features.links, 0);
        assert!(!rows[1].is_separated_link_bar());
    }
}
