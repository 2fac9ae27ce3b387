//! Stage 1, **decode**: raw bytes → UTF-8 text.
//!
//! Order of evidence (WHATWG-like): byte-order mark, then the charset given by the caller
//! (HTTP `Content-Type`), then the `<meta charset>` / `http-equiv` prescan, then a statistical
//! guess (chardetng), then UTF-8 with replacement. `.gz` input is decompressed with a bound.
//! This stage must not look at markup beyond the prescan.

/// Where the charset that decoded a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CharsetSource {
    /// A byte-order mark at the start of the input.
    Bom,
    /// The charset given by the caller (e.g. the HTTP `Content-Type` header).
    Http,
    /// A `<meta charset>` or `<meta http-equiv>` declaration found by the prescan.
    Meta,
    /// A declared label was contradicted by valid multi-byte UTF-8 content.
    Utf8Override,
    /// A statistical guess over the bytes (chardetng).
    Guess,
    /// Nothing said otherwise: UTF-8 with replacement characters.
    Default,
}

/// The result of decoding: text plus how the charset was chosen.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text (malformed sequences replaced by U+FFFD).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static encoding_rs::Encoding,
    /// Why that encoding was used.
    pub source: CharsetSource,
    /// Whether malformed sequences were replaced.
    pub had_errors: bool,
}

/// Whether the prescan for `<meta charset>` applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SniffKind {
    /// HTML: run the meta prescan.
    Html,
    /// Plain text: no meta prescan.
    Text,
}

/// Decodes `bytes` to text. Placeholder until the decode stage lands: UTF-8 lossy.
pub fn decode(bytes: &[u8], _http_charset: Option<&str>, _kind: SniffKind) -> Decoded {
    let text = String::from_utf8_lossy(bytes).into_owned();
    Decoded {
        had_errors: text.contains('\u{FFFD}'),
        text,
        encoding: encoding_rs::UTF_8,
        source: CharsetSource::Default,
    }
}

/// Errors of the decode stage.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// Decompressed data would exceed the limit.
    #[error("decompressed data exceeds {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// Corrupt or truncated gzip.
    #[error("gzip: {0}")]
    Gzip(String),
}

/// Whether `bytes` start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Placeholder until the decode stage lands.
pub fn gunzip_bounded(bytes: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Gzip(e.to_string()))?;
    if out.len() > limit {
        return Err(DecodeError::TooLarge { limit });
    }
    Ok(out)
}
