//! JSON rendering: metadata, body text, and with `explain` every removed block with its
//! reasons.

use serde::Serialize;

use crate::blocks::BlockKind;
use crate::detect::Reason;
use crate::metadata::Metadata;
use crate::Document;

#[derive(Serialize)]
struct RemovedBlock<'a> {
    index: usize,
    #[serde(flatten)]
    kind: BlockKind,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dom_path: Option<String>,
    reasons: &'a [Reason],
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    #[serde(flatten)]
    metadata: &'a Metadata,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    removed: Option<Vec<RemovedBlock<'a>>>,
}

/// The JSON object for `doc`, pretty-printed.
pub fn render(doc: &Document, explain: bool) -> String {
    let mut s = serde_json::to_string_pretty(&value(doc, explain)).unwrap_or_default();
    s.push('\n');
    s
}

/// The JSON value for `doc` (for JSONL writers and tests).
pub fn value(doc: &Document, explain: bool) -> serde_json::Value {
    let removed = explain.then(|| {
        doc.blocks
            .iter()
            .zip(&doc.decisions)
            .enumerate()
            .filter(|(_, (_, d))| !d.keep)
            .map(|(index, (block, decision))| RemovedBlock {
                index,
                kind: block.kind,
                text: &block.text,
                line: block.features.line,
                dom_path: doc.dom_path(index),
                reasons: &decision.reasons,
            })
            .collect()
    });
    let json = JsonDocument {
        metadata: &doc.metadata,
        text: super::text::render(doc),
        removed,
    };
    serde_json::to_value(json).unwrap_or(serde_json::Value::Null)
}
