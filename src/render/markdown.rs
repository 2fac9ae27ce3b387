//! Markdown rendering: headings, lists (nested by depth), quotes, tables, code fences.

use crate::blocks::{Block, BlockKind};
use crate::Document;

/// Escapes characters that would start Markdown syntax at the beginning of a line.
fn escape_line_start(text: &str) -> String {
    let trimmed = text.trim_start();
    let needs = trimmed.starts_with(['#', '>', '-', '+', '*', '|', '`'])
        || trimmed
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if needs {
        format!("\\{trimmed}")
    } else {
        trimmed.to_string()
    }
}

fn table_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| c.replace('|', "\\|").replace('\n', " "))
        .collect();
    format!("| {} |", cells.join(" | "))
}

fn render_block(block: &Block, prev: Option<&Block>, out: &mut String) {
    let same_group = |a: &Block, b: &Block| {
        matches!(
            (a.kind, b.kind),
            (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
                | (BlockKind::TableRow { .. }, BlockKind::TableRow { .. })
                | (BlockKind::Quote, BlockKind::Quote)
        )
    };
    if let Some(p) = prev {
        if same_group(p, block) {
            out.push('\n');
            if block.kind == BlockKind::Quote {
                out.push_str(">\n");
            }
        } else {
            out.push_str("\n\n");
        }
    }
    match block.kind {
        BlockKind::Heading { level } => {
            let marker = format!("{} ", "#".repeat(level.clamp(1, 6) as usize));
            // A heading of a text input keeps its marker in its text.
            if !block.text.starts_with(&marker) {
                out.push_str(&marker);
            }
            out.push_str(&block.text.replace('\n', " "));
        }
        BlockKind::ListItem {
            ordered,
            depth,
            number,
        } => {
            let indent = "  ".repeat(depth.saturating_sub(1) as usize);
            let marker = if ordered {
                format!("{number}. ")
            } else {
                "- ".to_string()
            };
            let text = block.text.replace('\n', " ");
            let text = text.trim();
            // An item of a text input keeps its marker in its text.
            let marked = if ordered {
                text.strip_prefix(&number.to_string())
                    .is_some_and(|rest| rest.starts_with(". ") || rest.starts_with(") "))
            } else {
                ["- ", "* ", "• "].iter().any(|m| text.starts_with(m))
            };
            if marked {
                out.push_str(&format!("{indent}{text}"));
            } else {
                out.push_str(&format!("{indent}{marker}{text}"));
            }
        }
        BlockKind::Quote => {
            let lines: Vec<String> = block.text.lines().map(|l| format!("> {l}")).collect();
            out.push_str(&lines.join("\n"));
        }
        BlockKind::TableRow { header } => {
            let starts_table = !prev.is_some_and(|p| matches!(p.kind, BlockKind::TableRow { .. }));
            let n = block.cells.len().max(1);
            let separator = format!("|{}", " --- |".repeat(n));
            // Markdown tables need a header row; a table without one gets an empty one.
            if starts_table && !header {
                out.push_str(&format!("|{}\n{separator}\n", "   |".repeat(n)));
            }
            out.push_str(&table_row(&block.cells));
            if starts_table && header {
                out.push('\n');
                out.push_str(&separator);
            }
        }
        BlockKind::Code => {
            let fence = if block.text.contains("```") {
                "~~~~"
            } else {
                "```"
            };
            out.push_str(&format!("{fence}\n{}\n{fence}", block.text));
        }
        BlockKind::Caption => {
            out.push('*');
            out.push_str(&block.text.replace('\n', " "));
            out.push('*');
        }
        BlockKind::Paragraph => {
            let lines: Vec<String> = block.text.lines().map(escape_line_start).collect();
            // A line break inside a paragraph is a hard break in Markdown.
            out.push_str(&lines.join("  \n"));
        }
    }
}

/// The document as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for (_, block) in doc.kept_blocks() {
        render_block(block, prev, &mut out);
        prev = Some(block);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
