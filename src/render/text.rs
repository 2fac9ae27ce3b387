//! Plain-text rendering, and the explained view that shows removed blocks beside kept ones.

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
    match block.kind {
        BlockKind::TableRow { .. } => block
            .cells
            .iter()
            .map(|c| c.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\t")
            .trim()
            .to_string(),
        _ => without_trailing_spaces(&block.text),
    }
}

/// `text` with the spaces at the end of each line removed (a code block's lines keep their
/// indentation): what text input reads back, so cleaning the output again keeps it.
fn without_trailing_spaces(text: &str) -> String {
    if !text.lines().any(|l| l.ends_with(char::is_whitespace)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.trim_end());
    }
    out
}

/// The document's clean text: kept blocks, a blank line between them, a newline at the end
/// (an empty document gives an empty string).
pub fn render(doc: &Document) -> String {
    render_lines(doc).0
}

/// The clean text (as [`render`]) and, for each of its lines in order, the index of the
/// block it comes from (`None` for a blank line).
pub fn render_lines(doc: &Document) -> (String, Vec<Option<usize>>) {
    let mut out = String::new();
    let mut line_blocks: Vec<Option<usize>> = Vec::new();
    let mut prev: Option<(usize, &Block)> = None;
    for (i, block) in doc.kept_blocks() {
        let text = block_text(block);
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
                block.blank_lines_before.min(2)
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
        let text = block_text(block).replace('\n', " ");
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
