//! The read-back: an HTML page's clean text is read again as text input, and what that
//! reading removes goes, so that cleaning clean output changes nothing.

use crate::{blocks, lang, render, Budget, Cleaner, Document, Error, Reason};

/// Most times an HTML page's clean text is read back as text: removing a line can make its
/// neighbours read as chrome, and a few rounds reach the fixed point on nearly every page.
const ROUNDS: usize = 4;

impl Cleaner {
    /// Reads `doc`'s clean text back as text input until that reading removes nothing more
    /// (at most [`ROUNDS`] times); see [`Cleaner::recheck_round`].
    pub(crate) fn recheck_as_text(
        &self,
        doc: &mut Document,
        word_counts: &mut [lang::WordCounts],
        url: Option<&str>,
        budget: &Budget,
    ) -> Result<(), Error> {
        for _ in 0..ROUNDS {
            if !self.recheck_round(doc, word_counts, url, budget)? {
                break;
            }
        }
        Ok(())
    }

    /// Reads the page's clean text back as text input and removes the kept blocks all of
    /// whose lines that reading removes (a line the markup kept that, without it, is a
    /// byline or a rail's title): the text output is then what cleaning it again keeps, so
    /// cleaning clean output changes nothing.
    ///
    /// `word_counts` holds the [`lang::WordCounts`] of the page's blocks (or nothing): a
    /// line that is a block's whole text is not measured or counted again.
    fn recheck_round(
        &self,
        doc: &mut Document,
        word_counts: &mut [lang::WordCounts],
        url: Option<&str>,
        budget: &Budget,
    ) -> Result<bool, Error> {
        let (text, line_blocks) = render::text::render_lines(doc);
        if text.is_empty() {
            return Ok(false);
        }
        // The page's block whose whole text line `index` is.
        let same_block = |index: usize, line: &str| {
            let b = line_blocks.get(index).copied().flatten()?;
            (doc.blocks[b].text == line).then_some(b)
        };
        let lines = blocks::text::blocks_from_text_with(&text, |index, line| {
            let f = &doc.blocks[same_block(index, line)?].features;
            Some(blocks::Features {
                chars: f.chars,
                words: f.words,
                commas: f.commas,
                ends_sentence: f.ends_sentence,
                ..blocks::Features::default()
            })
        });
        budget.check("blocks")?;
        let known: Vec<Option<usize>> = lines
            .iter()
            .map(|l| same_block(l.features.line? - 1, l.text.trim_start()))
            .collect();
        // Without the site's line frequencies: the page was judged with them already, with
        // its markup to speak for lines that repeat across the site.
        let reread = self.clean_text_blocks(
            lines,
            |i| known[i].and_then(|b| word_counts.get(b)).cloned(),
            url,
            None,
            budget,
        )?;
        // Per block: lines read back, lines removed, and the first removal's reason.
        let mut tally: Vec<(u32, u32, Option<&Reason>)> = vec![(0, 0, None); doc.blocks.len()];
        // The removed lines of each block that keeps others: (block, line within it).
        let mut removed_lines: Vec<(usize, usize)> = Vec::new();
        let mut first_line: Vec<usize> = vec![usize::MAX; doc.blocks.len()];
        for (n, block) in line_blocks.iter().enumerate() {
            if let Some(b) = *block {
                first_line[b] = first_line[b].min(n);
            }
        }
        for (line_block, decision) in reread.blocks.iter().zip(&reread.decisions) {
            let Some(n) = line_block.features.line else {
                continue;
            };
            let Some(block) = line_blocks.get(n - 1).copied().flatten() else {
                continue;
            };
            let t = &mut tally[block];
            t.0 += 1;
            if !decision.keep {
                t.1 += 1;
                t.2 = t.2.or(decision.main_reason());
                removed_lines.push((block, n - 1 - first_line[block]));
            }
        }
        let mut changed = false;
        for (b, (lines, removed, reason)) in tally.into_iter().enumerate() {
            if removed == 0 {
                continue;
            }
            changed = true;
            if removed < lines {
                // A block of several lines (a paragraph with line breaks) loses those lines.
                let gone: Vec<usize> = removed_lines
                    .iter()
                    .filter(|(block, _)| *block == b)
                    .map(|&(_, line)| line)
                    .collect();
                let block = &mut doc.blocks[b];
                block.text = block
                    .text
                    .split('\n')
                    .enumerate()
                    .filter(|(i, _)| !gone.contains(i))
                    .map(|(_, line)| line)
                    .collect::<Vec<_>>()
                    .join("\n");
                // Its measures follow its text (a later round may reuse them).
                let measured = blocks::measure(&block.text, 0);
                let f = &mut block.features;
                f.chars = measured.chars;
                f.words = measured.words;
                f.commas = measured.commas;
                f.ends_sentence = measured.ends_sentence;
                f.link_chars = f.link_chars.min(f.chars);
                if let Some(counts) = word_counts.get_mut(b) {
                    *counts = lang::word_counts(&block.text);
                }
                continue;
            }
            let decision = &mut doc.decisions[b];
            decision.keep = false;
            let cause = reason.map_or_else(String::new, |r| format!("{}: {}", r.detector, r.cause));
            decision.reasons.insert(
                0,
                Reason {
                    detector: "text-recheck",
                    cause: format!("removed when its clean text is read as text ({cause})"),
                },
            );
        }
        Ok(changed)
    }
}
