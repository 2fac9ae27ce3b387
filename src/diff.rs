//! Diffs of clean documents: what changed in the document between two crawls of a page,
//! with the chrome already gone, so a new "Trending" rail or a new date in the footer
//! produces no diff.
//!
//! Lines are compared with the patience algorithm (no deadline, so the same inputs always give
//! the same diff), and changed lines that replace each other get word-level emphasis.
//!
//! ```
//! let diff = dechrome::diff::DocumentDiff::between("a\nb\nc\n", "a\nB\nc\n", 3);
//! assert!(!diff.is_empty());
//! assert_eq!(diff.hunks[0].old_start, 1);
//! let text = diff.to_unified("old", "new", false);
//! assert!(text.contains("-b\n+B\n"));
//! ```

use serde::Serialize;
use similar::{Algorithm, ChangeTag, InlineChangeMode, InlineChangeOptions, TextDiff};

/// What happened to one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineChange {
    /// Present in both documents (context).
    Equal,
    /// Only in the old document.
    Delete,
    /// Only in the new document.
    Insert,
}

impl LineChange {
    /// The unified-diff prefix: ` `, `-` or `+`.
    pub fn sign(self) -> char {
        match self {
            LineChange::Equal => ' ',
            LineChange::Delete => '-',
            LineChange::Insert => '+',
        }
    }
}

/// A piece of a line; `emphasized` pieces are the words that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Whether this piece changed between the two lines it pairs.
    pub emphasized: bool,
    /// The text of the piece.
    pub text: String,
}

/// One line of a hunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// Whether the line is context, deleted or inserted.
    pub change: LineChange,
    /// The line without its newline.
    pub text: String,
    /// The line cut into pieces with word-level emphasis (only for changed lines that pair
    /// with a line on the other side; otherwise empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
}

/// A run of changes with its context lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hunk {
    /// First line of the hunk in the old document (1-based; 0 when the hunk covers no old line).
    pub old_start: usize,
    /// Number of old lines in the hunk.
    pub old_lines: usize,
    /// First line of the hunk in the new document (1-based; 0 when it covers no new line).
    pub new_start: usize,
    /// Number of new lines in the hunk.
    pub new_lines: usize,
    /// The lines, in order.
    pub lines: Vec<DiffLine>,
}

/// The difference between two clean documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct DocumentDiff {
    /// The hunks; empty when the documents are the same.
    pub hunks: Vec<Hunk>,
}

/// ANSI styles of the coloured diff.
mod style {
    pub const RESET: &str = "\x1b[0m";
    pub const HEADER: &str = "\x1b[1m";
    pub const HUNK: &str = "\x1b[36m";
    pub const DELETE: &str = "\x1b[31m";
    pub const INSERT: &str = "\x1b[32m";
    pub const DELETE_EMPHASIS: &str = "\x1b[1;97;41m";
    pub const INSERT_EMPHASIS: &str = "\x1b[1;97;42m";
    pub const END_EMPHASIS: &str = "\x1b[22;39;49m";
}

impl DocumentDiff {
    /// Compares two documents line by line, keeping `context` unchanged lines around each
    /// change.
    pub fn between(old: &str, new: &str, context: usize) -> DocumentDiff {
        if old == new {
            return DocumentDiff::default();
        }
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .diff_lines(old, new);
        let inline = *InlineChangeOptions::new()
            .algorithm(Algorithm::Patience)
            .mode(InlineChangeMode::Words)
            .semantic_cleanup(true);
        let mut hunks = Vec::new();
        for group in diff.grouped_ops(context) {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let old_range = first.old_range().start..last.old_range().end;
            let new_range = first.new_range().start..last.new_range().end;
            let mut lines = Vec::new();
            for op in &group {
                for change in diff.iter_inline_changes_with_options_deadline(op, inline, None) {
                    let kind = match change.tag() {
                        ChangeTag::Equal => LineChange::Equal,
                        ChangeTag::Delete => LineChange::Delete,
                        ChangeTag::Insert => LineChange::Insert,
                    };
                    let pieces: Vec<(bool, String)> = change
                        .iter_strings_lossy()
                        .map(|(emphasized, text)| (emphasized, text.into_owned()))
                        .collect();
                    let mut text: String = pieces.iter().map(|(_, t)| t.as_str()).collect();
                    trim_newline(&mut text);
                    let segments = if pieces.iter().any(|(emphasized, _)| *emphasized) {
                        let mut segments: Vec<Segment> = Vec::new();
                        for (emphasized, mut piece) in pieces {
                            trim_newline(&mut piece);
                            if piece.is_empty() {
                                continue;
                            }
                            match segments.last_mut() {
                                Some(last) if last.emphasized == emphasized => {
                                    last.text.push_str(&piece)
                                }
                                _ => segments.push(Segment {
                                    emphasized,
                                    text: piece,
                                }),
                            }
                        }
                        segments
                    } else {
                        Vec::new()
                    };
                    lines.push(DiffLine {
                        change: kind,
                        text,
                        segments,
                    });
                }
            }
            let start = |range: &std::ops::Range<usize>| {
                if range.is_empty() {
                    range.start
                } else {
                    range.start + 1
                }
            };
            hunks.push(Hunk {
                old_start: start(&old_range),
                old_lines: old_range.len(),
                new_start: start(&new_range),
                new_lines: new_range.len(),
                lines,
            });
        }
        DocumentDiff { hunks }
    }

    /// Whether the documents are the same.
    pub fn is_empty(&self) -> bool {
        self.hunks.is_empty()
    }

    /// Numbers of inserted and deleted lines.
    pub fn counts(&self) -> (usize, usize) {
        let mut inserted = 0;
        let mut deleted = 0;
        for line in self.hunks.iter().flat_map(|h| &h.lines) {
            match line.change {
                LineChange::Insert => inserted += 1,
                LineChange::Delete => deleted += 1,
                LineChange::Equal => {}
            }
        }
        (inserted, deleted)
    }

    /// The diff in unified format (`--- old`, `+++ new`, `@@ -a,b +c,d @@`), with ANSI
    /// colours and word-level emphasis when `color` is set. Empty when the documents are
    /// the same.
    pub fn to_unified(&self, old_label: &str, new_label: &str, color: bool) -> String {
        let mut out = String::new();
        if self.is_empty() {
            return out;
        }
        let paint = |out: &mut String, style: &str, text: &str| {
            if color {
                out.push_str(style);
                out.push_str(text);
                out.push_str(style::RESET);
            } else {
                out.push_str(text);
            }
        };
        paint(&mut out, style::HEADER, &format!("--- {old_label}"));
        out.push('\n');
        paint(&mut out, style::HEADER, &format!("+++ {new_label}"));
        out.push('\n');
        for hunk in &self.hunks {
            paint(
                &mut out,
                style::HUNK,
                &format!(
                    "@@ -{} +{} @@",
                    range_label(hunk.old_start, hunk.old_lines),
                    range_label(hunk.new_start, hunk.new_lines)
                ),
            );
            out.push('\n');
            for line in &hunk.lines {
                let (base, emphasis) = match line.change {
                    LineChange::Equal => ("", ""),
                    LineChange::Delete => (style::DELETE, style::DELETE_EMPHASIS),
                    LineChange::Insert => (style::INSERT, style::INSERT_EMPHASIS),
                };
                if !color || line.change == LineChange::Equal {
                    out.push(line.change.sign());
                    out.push_str(&line.text);
                } else {
                    out.push_str(base);
                    out.push(line.change.sign());
                    if line.segments.is_empty() {
                        out.push_str(&line.text);
                    } else {
                        for segment in &line.segments {
                            if segment.emphasized {
                                out.push_str(emphasis);
                                out.push_str(&segment.text);
                                out.push_str(style::END_EMPHASIS);
                                out.push_str(base);
                            } else {
                                out.push_str(&segment.text);
                            }
                        }
                    }
                    out.push_str(style::RESET);
                }
                out.push('\n');
            }
        }
        out
    }
}

/// `start,len` as in unified diffs (`start` alone when the length is 1).
fn range_label(start: usize, len: usize) -> String {
    if len == 1 {
        start.to_string()
    } else {
        format!("{start},{len}")
    }
}

fn trim_newline(text: &mut String) {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_documents_have_no_hunks() {
        let diff = DocumentDiff::between("a\n\nb\n", "a\n\nb\n", 3);
        assert!(diff.is_empty());
        assert_eq!(diff.to_unified("x", "y", true), "");
    }

    #[test]
    fn changed_paragraph_is_one_hunk_with_word_emphasis() {
        let old = "Title\n\nThe council met on Monday.\n\nEnd.\n";
        let new = "Title\n\nThe council met on Tuesday.\n\nEnd.\n";
        let diff = DocumentDiff::between(old, new, 1);
        assert_eq!(diff.hunks.len(), 1);
        let hunk = &diff.hunks[0];
        assert_eq!((hunk.old_start, hunk.old_lines), (2, 3));
        let deleted = hunk
            .lines
            .iter()
            .find(|l| l.change == LineChange::Delete)
            .unwrap();
        assert_eq!(deleted.text, "The council met on Monday.");
        let emphasized: Vec<&str> = deleted
            .segments
            .iter()
            .filter(|s| s.emphasized)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(emphasized, ["Monday."]);
        assert_eq!(diff.counts(), (1, 1));
        let plain = diff.to_unified("old", "new", false);
        assert_eq!(
            plain,
            "--- old\n+++ new\n@@ -2,3 +2,3 @@\n \n-The council met on Monday.\n+The council met on Tuesday.\n \n"
        );
        let colored = diff.to_unified("old", "new", true);
        assert!(colored.contains("\x1b[1;97;41mMonday"));
    }

    #[test]
    fn insertion_into_empty_document() {
        let diff = DocumentDiff::between("", "new line\n", 3);
        let hunk = &diff.hunks[0];
        assert_eq!((hunk.old_start, hunk.old_lines), (0, 0));
        assert_eq!((hunk.new_start, hunk.new_lines), (1, 1));
        assert!(diff.to_unified("a", "b", false).contains("@@ -0,0 +1 @@"));
    }
}
