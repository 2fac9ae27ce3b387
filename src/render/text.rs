//! Plain-text rendering, and the explained view that shows removed blocks beside kept ones.

use crate::blocks::{Block, BlockKind};
use crate::Document;

/// Whether `block` continues the previous kept block on the next line (no blank line):
/// consecutive list items, table rows, and lines that were adjacent in text input.
fn joins(prev: &Block, block: &Block) -> bool {
    let list = |b: &Block| matches!(b.kind, BlockKind::ListItem { .. });
    let row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
    block.joins_previous || (list(prev) && list(block)) || (row(prev) && row(block))
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
        _ => block.text.clone(),
    }
}

/// The document's clean text: kept blocks, a blank line between them, a newline at the end
/// (an empty document gives an empty string).
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let mut prev: Option<(usize, &Block)> = None;
    for (i, block) in doc.kept_blocks() {
        let text = block_text(block);
        if text.is_empty() {
            continue;
        }
        if let Some((pi, p)) = prev {
            // Lines of text input join only if nothing was removed between them.
            let adjacent = pi + 1 == i || !block.joins_previous;
            out.push_str(if adjacent && joins(p, block) {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&text);
        prev = Some((i, block));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
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
