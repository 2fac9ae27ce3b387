//! Stage 5, **render**: the kept blocks of a [`Document`] as text, Markdown or JSON.
//!
//! Renderers read decisions; they never change them. Text output is stable under
//! re-cleaning: its layout (blank line between blocks, single newline inside lists and
//! tables) is exactly what the text reader turns back into the same blocks.

pub mod json;
pub mod markdown;
pub mod text;

use crate::Document;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text: blocks separated by blank lines.
    #[default]
    Text,
    /// Markdown: headings, lists, quotes, tables, code fences.
    Markdown,
    /// JSON: metadata and body (and removed blocks with reasons when explaining).
    Json,
}

/// Renders `doc` in `format`; `explain` adds every removed block with its reason.
pub fn render(doc: &Document, format: Format, explain: bool) -> String {
    match format {
        Format::Text if explain => text::render_explained(doc),
        Format::Text => text::render(doc),
        Format::Markdown => markdown::render(doc),
        Format::Json => json::render(doc, explain),
    }
}
