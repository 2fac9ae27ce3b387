//! Plain-text rendering, and the explained view that shows removed blocks beside kept ones.

use std::borrow::Cow;

use crate::blocks::{Block, BlockKind};
use crate::Document;

/// Whether `block` continues the previous kept block on the next line (no blank line):
/// consecutive list items and table rows of a page, and lines that were adjacent in text
/// input. Text input keeps its own layout: numbered paragraphs with blank lines between
/// them (`8. Can meditation help?`) read as list items, but stay apart.
fn joins(prev: &Block, block: &Block) -> bool {
    if block.features.line.is_some() {
        return block.joins_previous;
    }
    let list = |b: &Block| matches!(b.kind, BlockKind::ListItem { .. });
    let row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
    (list(prev) && list(block)) || (row(prev) && row(block))
}

/// Text of one block as it appears in text output.
pub fn block_text(block: &Block) -> String {
    output_text(block).into_owned()
}

/// [`block_text`], borrowed from the block when its text needs no change.
fn output_text(block: &Block) -> Cow<'_, str> {
    match block.kind {
        BlockKind::TableRow { .. } => Cow::Owned(
            block
                .cells
                .iter()
                .map(|c| c.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\t")
                .trim()
                .to_string(),
        ),
        _ => without_trailing_spaces(&block.text),
    }
}

/// Most blank lines in a row that text input keeps (a code block's spacing): longer runs
/// inside a block are cut to this, so cleaning the output again keeps it.
const MAX_BLANK_LINES: usize = 2;

/// `text` with the spaces at the end of each line removed (a code block's lines keep their
/// indentation) and runs of blank lines cut to [`MAX_BLANK_LINES`]: what text input reads
/// back, so cleaning the output again keeps it.
fn without_trailing_spaces(text: &str) -> Cow<'_, str> {
    let mut blank_run = 0;
    let needs_work = text.lines().any(|l| {
        blank_run = if l.is_empty() { blank_run + 1 } else { 0 };
        l.ends_with(char::is_whitespace) || blank_run > MAX_BLANK_LINES
    });
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run > MAX_BLANK_LINES {
            continue;
        }
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// The document's clean text: kept blocks, a blank line between them, a newline at the end
/// (an empty document gives an empty string).
pub fn render(doc: &Document) -> String {
    render_lines(doc).0
}

/// The clean text (as [`render`]) and, for each of its lines in order, the index of the
/// block it comes from (`None` for a blank line).
pub fn render_lines(doc: &Document) -> (String, Vec<Option<usize>>) {
    // Room for every kept text and a blank line after each: the text is copied once.
    let mut out = String::with_capacity(doc.kept_blocks().map(|(_, b)| b.text.len() + 2).sum());
    let mut line_blocks: Vec<Option<usize>> = Vec::new();
    let mut prev: Option<(usize, &Block)> = None;
    for (i, block) in doc.kept_blocks() {
        let text = output_text(block);
        if text.is_empty() {
            continue;
        }
        if let Some((pi, p)) = prev {
            // Lines of text input join only if nothing was removed between them, and
            // keep the blank lines they had, up to two (a code block's spacing).
            let adjacent = pi + 1 == i || !block.joins_previous;
            let blank_lines = if adjacent && joins(p, block) {
                0
            } else if pi + 1 == i && block.blank_lines_before > 1 {
                block.blank_lines_before.min(MAX_BLANK_LINES)
            } else {
                1
            };
            out.push('\n');
            for _ in 0..blank_lines {
                out.push('\n');
                line_blocks.push(None);
            }
        }
        out.push_str(&text);
        line_blocks.extend(std::iter::repeat_n(Some(i), text.split('\n').count()));
        prev = Some((i, block));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, line_blocks)
}

/// Every block, kept ones as they are and removed ones prefixed with `- [reason]`, so a
/// person sees at a glance what went and why.
pub fn render_explained(doc: &Document) -> String {
    let mut out = String::new();
    for (block, decision) in doc.blocks.iter().zip(&doc.decisions) {
        let text = output_text(block).replace('\n', " ");
        if decision.keep {
            out.push_str("  ");
            out.push_str(&text);
        } else {
            let reason = decision
                .main_reason()
                .map(|r| r.to_string())
                .unwrap_or_else(|| "removed".to_string());
            out.push_str(&format!("- [{reason}] {text}"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_spaces_go_and_blank_runs_are_cut_to_what_text_input_keeps() {
        assert_eq!(without_trailing_spaces("a  \n  b"), "a\n  b");
        assert_eq!(
            without_trailing_spaces("a\n\n\n\n\nb\n\nc"),
            "a\n\n\nb\n\nc"
        );
        assert_eq!(without_trailing_spaces("a\n \n\t\n\nb"), "a\n\n\nb");
        assert_eq!(without_trailing_spaces("plain"), "plain");
    }

    #[test]
    fn a_code_block_with_long_blank_runs_cleans_to_the_same_text_twice() {
        let html = "<html><body><article><h1>Boot log of the old workstation</h1>\
                    <p>The machine printed this when it started, and we kept the whole log \
                    because the memory line matters for the port that follows.</p>\
                    <pre>BootRom Version 1.1\nMemory Size: 128 MB\n\n\n\n\nBoot path: scsi.6.0\
                    \n\n\n\nAutoboot from primary path enabled.</pre>\
                    <p>After the log the kernel took over and the console came up as expected, \
                    which is where the real work of the port began.</p></article></body></html>";
        let cleaner = crate::Cleaner::default();
        let once = render(&cleaner.clean_html(html, None));
        assert!(once.contains("128 MB\n\n\nBoot path"), "{once}");
        let twice = render(&cleaner.clean_text(&once, None));
        assert_eq!(once, twice);
    }
}
