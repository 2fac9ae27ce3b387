//! Plain text → blocks: text that was already extracted from pages (one block per line, as
//! crawlers' text dumps and Common Crawl WET records have it).
//!
//! Each non-empty line is a block; whether a blank line preceded it is kept so the text
//! renderer can give the same layout back. Line shapes give the kind: `- item` and `1. item`
//! are list items, `# Title` a heading. No markup exists here, so markup features stay empty.

use super::{measure, Block, BlockKind};

/// Builds blocks from plain text.
pub fn blocks_from_text(text: &str) -> Vec<Block> {
    blocks_from_text_with(text, |_, _| None)
}

/// Builds blocks from plain text; `known(index, line)` may give the measures of a line (its
/// 0-based index and its text without indentation) already taken elsewhere, which must be
/// what [`measure`] gives for it.
pub(crate) fn blocks_from_text_with(
    text: &str,
    known: impl Fn(usize, &str) -> Option<super::Features>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut blank_before = true;
    let mut blank_lines = 0;
    for (index, raw_line) in text.lines().enumerate() {
        let line = raw_line.trim_end();
        if line.trim_start().is_empty() {
            blank_before = true;
            blank_lines += 1;
            continue;
        }
        // An indented line (code, a tree drawn in text) keeps its indentation; its shape
        // is read without it.
        let kind = line_kind(line.trim_start());
        let trimmed = line.trim_start();
        let mut features = known(index, trimmed).unwrap_or_else(|| measure(trimmed, 0));
        features.line = Some(index + 1);
        blocks.push(Block {
            kind,
            text: line.to_string(),
            cells: Vec::new(),
            features,
            node: None,
            ancestors: Vec::new(),
            joins_previous: !blank_before,
            blank_lines_before: blank_lines,
        });
        blank_before = false;
        blank_lines = 0;
    }
    blocks
}

/// The kind a line's shape says. Markers (`# `, `- `, `1. `) stay in the
/// text: they are what the reader sees, and a page's paragraph that starts with `# ` must
/// come out of a second cleaning as it went in.
fn line_kind(line: &str) -> BlockKind {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        return BlockKind::Heading {
            level: hashes as u8,
        };
    }
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") {
        return BlockKind::ListItem {
            ordered: false,
            depth: 1,
            number: 1,
        };
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
    {
        let number = line[..digits].parse().unwrap_or(1);
        return BlockKind::ListItem {
            ordered: true,
            depth: 1,
            number,
        };
    }
    if line.starts_with("> ") {
        return BlockKind::Quote;
    }
    BlockKind::Paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_a_block_and_blank_lines_are_remembered() {
        let b = blocks_from_text("Title\n\nFirst line\nsecond line\n\n\nLast");
        let texts: Vec<_> = b
            .iter()
            .map(|b| (b.text.as_str(), b.joins_previous))
            .collect();
        assert_eq!(
            texts,
            [
                ("Title", false),
                ("First line", false),
                ("second line", true),
                ("Last", false)
            ]
        );
        assert_eq!(b[3].features.line, Some(7));
    }

    #[test]
    fn line_shapes_give_kinds() {
        let b = blocks_from_text("# Head\n- item\n2. second\n> quoted\nplain");
        assert_eq!(b[0].kind, BlockKind::Heading { level: 1 });
        assert_eq!(b[0].text, "# Head");
        assert!(matches!(
            b[1].kind,
            BlockKind::ListItem { ordered: false, .. }
        ));
        assert!(matches!(
            b[2].kind,
            BlockKind::ListItem {
                ordered: true,
                number: 2,
                ..
            }
        ));
        assert_eq!(b[3].kind, BlockKind::Quote);
        assert_eq!(b[4].kind, BlockKind::Paragraph);
    }
}
