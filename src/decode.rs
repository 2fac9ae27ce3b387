//! Stage 1, **decode**: raw bytes → UTF-8 text.
//!
//! Order of evidence (WHATWG-like): byte-order mark, then the charset given by the caller
//! (HTTP `Content-Type`), then the `<meta charset>` / `http-equiv` prescan, then a statistical
//! guess (chardetng), then UTF-8 with replacement. A declared legacy charset on bytes that
//! are valid multi-byte UTF-8 is overridden (wrong labels are common in crawls). `.gz` input
//! is decompressed with a bound. This stage must not look at markup beyond the prescan.

use std::io::Read;

use encoding_rs::Encoding;

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
    /// The decoded text (malformed sequences replaced by U+FFFD, NUL by a space).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
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

/// How many bytes the meta prescan reads. WHATWG says 1024; real pages put long scripts
/// and comments first, so we look a little further.
const PRESCAN_BYTES: usize = 4096;

/// Decodes `bytes` to text, choosing the charset as the module documentation says.
pub fn decode(bytes: &[u8], http_charset: Option<&str>, kind: SniffKind) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, CharsetSource::Bom);
    }
    let declared = http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Http))
        .or_else(|| match kind {
            SniffKind::Html => prescan_meta(bytes).map(|e| (e, CharsetSource::Meta)),
            SniffKind::Text => None,
        });
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        Some((encoding, source)) if encoding == encoding_rs::UTF_8 => {
            if valid_utf8 || !clearly_not_utf8(bytes) {
                finish(bytes, encoding_rs::UTF_8, source)
            } else {
                finish(bytes, guess(bytes), CharsetSource::Guess)
            }
        }
        Some((encoding, source)) => {
            if valid_utf8 && !bytes.is_ascii() {
                finish(bytes, encoding_rs::UTF_8, CharsetSource::Utf8Override)
            } else {
                finish(bytes, encoding, source)
            }
        }
        None if valid_utf8 => finish(bytes, encoding_rs::UTF_8, CharsetSource::Default),
        None => finish(bytes, guess(bytes), CharsetSource::Guess),
    }
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Whether bytes labelled UTF-8 are really something else: more than one malformed
/// sequence per hundred non-ASCII bytes. A page with a stray bad byte stays UTF-8; a legacy
/// page mislabelled as UTF-8 has almost nothing but malformed sequences.
fn clearly_not_utf8(bytes: &[u8]) -> bool {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii == 0 {
        return false;
    }
    let mut errors = 0usize;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        errors += 1;
        let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        rest = &rest[skip.min(rest.len())..];
        if rest.is_empty() {
            break;
        }
    }
    errors * 100 > non_ascii
}

fn finish(bytes: &[u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut text = text.into_owned();
    // NUL is never text: parsers treat it specially and plain text dumps carry it as junk.
    if memchr::memchr(0, text.as_bytes()).is_some() {
        text = text.replace('\0', " ");
    }
    repair_double_encoded_utf8(&mut text);
    Decoded {
        text,
        encoding,
        source,
        had_errors,
    }
}

/// How many double-encoded sequences holding a C1 control character a text needs before
/// it is repaired. C1 controls (U+0080–U+009F) never occur in written text, but UTF-8 that
/// was read as Latin-1 and encoded again turns every curly quote and dash into one
/// (`’` → `â\u{80}\u{99}`); a few of them are proof enough, and a single stray one is not.
const MOJIBAKE_MIN_EVIDENCE: usize = 3;

/// Puts back, in place, UTF-8 that was decoded as Latin-1 and encoded again (`â\u{80}\u{99}`
/// → `’`, `Ã©` → `é`), unless the text shows too little of it to be sure. Only runs of
/// Latin-1 characters that form one valid multi-byte UTF-8 sequence are replaced, so real
/// accented text next to them is kept. Each repaired character is shorter than the run it
/// replaces (a byte where there were two), so the text is rewritten in its own buffer: a
/// multi-megabyte page is not held twice.
fn repair_double_encoded_utf8(text: &mut String) {
    if c1_control_count(text, MOJIBAKE_MIN_EVIDENCE) < MOJIBAKE_MIN_EVIDENCE {
        return;
    }
    let c1_sequences = double_encoded_sequences(text)
        .filter(|&(start, end, _)| {
            text[start..end]
                .chars()
                .any(|c| ('\u{80}'..='\u{9f}').contains(&c))
        })
        .take(MOJIBAKE_MIN_EVIDENCE)
        .count();
    if c1_sequences < MOJIBAKE_MIN_EVIDENCE {
        return;
    }
    let runs: Vec<(usize, usize, String)> = double_encoded_sequences(text).collect();
    let mut bytes = std::mem::take(text).into_bytes();
    let mut write = 0;
    let mut last = 0;
    for (start, end, repaired) in runs {
        bytes.copy_within(last..start, write);
        write += start - last;
        bytes[write..write + repaired.len()].copy_from_slice(repaired.as_bytes());
        write += repaired.len();
        last = end;
    }
    bytes.copy_within(last.., write);
    write += bytes.len() - last;
    bytes.truncate(write);
    // Whole characters were replaced by whole characters, so this is UTF-8; the lossy
    // fallback only keeps the function total.
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
}

/// How many C1 control characters (U+0080–U+009F) `text` holds, counting up to `enough`:
/// a byte search (each is `C2 80`–`C2 9F` in UTF-8), so that the common page, which has
/// none, costs one `memchr` pass instead of a walk over its characters.
fn c1_control_count(text: &str, enough: usize) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xC2, bytes)
        .filter(|&at| bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .take(enough)
        .count()
}

/// The runs of `text` that are one multi-byte UTF-8 sequence written as Latin-1 characters:
/// (byte start, byte end, the character they stand for).
fn double_encoded_sequences(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((start, lead)) = chars.next() {
            let continuation_count = match u32::from(lead) {
                0xC2..=0xDF => 1,
                0xE0..=0xEF => 2,
                0xF0..=0xF4 => 3,
                _ => continue,
            };
            let mut bytes = vec![u32::from(lead) as u8];
            let mut end = start + lead.len_utf8();
            while bytes.len() <= continuation_count {
                match chars.peek() {
                    Some(&(at, c)) if ('\u{80}'..='\u{bf}').contains(&c) => {
                        bytes.push(u32::from(c) as u8);
                        end = at + c.len_utf8();
                        chars.next();
                    }
                    _ => break,
                }
            }
            if bytes.len() == continuation_count + 1 {
                if let Ok(decoded) = String::from_utf8(bytes) {
                    return Some((start, end, decoded));
                }
            }
        }
        None
    })
}

/// The charset named by a `<meta charset>` or `<meta http-equiv="Content-Type">` in the
/// first `PRESCAN_BYTES` (4 KiB) bytes, comments skipped.
pub fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(b"<!--") {
            i = find(head, i + 4, b"-->").map_or(head.len(), |end| end + 3);
            continue;
        }
        if head[i] == b'<' && head.len() > i + 5 && head[i + 1..i + 5].eq_ignore_ascii_case(b"meta")
        {
            let end = find(head, i, b">").unwrap_or(head.len());
            if let Some(encoding) = charset_in_meta_tag(&head[i + 5..end]) {
                // WHATWG: a UTF-16 label in meta means UTF-8 (the bytes were ASCII-readable).
                if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                    return Some(encoding_rs::UTF_8);
                }
                if encoding == encoding_rs::X_USER_DEFINED {
                    return Some(encoding_rs::WINDOWS_1252);
                }
                return Some(encoding);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Reads the attributes of one meta tag: `charset=…`, or `http-equiv=content-type` with a
/// `content=…charset=…`.
fn charset_in_meta_tag(attrs: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(attrs).to_ascii_lowercase();
    let mut charset = None;
    let mut content = None;
    let mut http_equiv_content_type = false;
    for (name, value) in parse_attributes(&text) {
        match name.as_str() {
            "charset" => charset = Some(value),
            "content" => content = Some(value),
            "http-equiv" => http_equiv_content_type = value.trim() == "content-type",
            _ => {}
        }
    }
    if let Some(label) = charset {
        return Encoding::for_label(label.trim().as_bytes());
    }
    if http_equiv_content_type {
        if let Some(label) = content.as_deref().and_then(charset_from_content_type) {
            return Encoding::for_label(label.as_bytes());
        }
    }
    None
}

/// Splits `name=value` pairs (quoted with `"` or `'`, or bare) from a tag's attribute text.
fn parse_attributes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '=' && chars[i] != '/' {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') {
                let quote = chars[i];
                i += 1;
                while i < chars.len() && chars[i] != quote {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        if name.is_empty() {
            i += 1;
        } else {
            out.push((name, value));
        }
    }
    out
}

/// The `charset=` parameter of a `Content-Type` value (quoted or not, any case).
pub fn charset_from_content_type(value: &str) -> Option<&str> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = value[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then_some(label)
}

/// Whether `bytes` start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses gzip (all members) holding at most `limit` bytes of output, so a gzip bomb
/// is stopped at the limit instead of filling memory.
pub fn gunzip_bounded(bytes: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(limit as u64 + 1);
    decoder
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Gzip(e.to_string()))?;
    if out.len() > limit {
        return Err(DecodeError::TooLarge { limit });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Городской совет утвердил бюджет на следующий год. Больше всего денег \
        получат школы и ремонт старого моста через реку, который закрыли прошлой весной. \
        Жители района давно просили отремонтировать мост, потому что объезд занимает почти час.";

    #[test]
    fn utf8_and_utf16_boms_win() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("héllo".as_bytes());
        let d = decode(&bytes, Some("windows-1252"), SniffKind::Html);
        assert_eq!((d.text.as_str(), d.source), ("héllo", CharsetSource::Bom));
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "hé".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None, SniffKind::Text).text, "hé");
    }

    #[test]
    fn meta_charset_variants_are_found() {
        for head in [
            r#"<meta charset="windows-1251">"#,
            "<META CHARSET=windows-1251>",
            "<meta charset='windows-1251' />",
            r#"<meta content="text/html; charset=windows-1251" http-equiv="Content-Type">"#,
            r#"<!-- <meta charset="utf-8"> --><meta http-equiv=content-type content="text/html;charset=windows-1251">"#,
        ] {
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
            let mut page = head.as_bytes().to_vec();
            page.extend_from_slice(&bytes);
            let d = decode(&page, None, SniffKind::Html);
            assert_eq!(d.source, CharsetSource::Meta, "{head}");
            assert!(d.text.contains("Городской совет"), "{head}");
        }
    }

    #[test]
    fn http_charset_beats_meta() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let mut page = br#"<meta charset="iso-8859-2">"#.to_vec();
        page.extend_from_slice(&bytes);
        let d = decode(&page, Some("windows-1251"), SniffKind::Html);
        assert_eq!(d.source, CharsetSource::Http);
        assert!(d.text.contains("бюджет"));
    }

    #[test]
    fn cjk_legacy_charsets_decode_with_meta() {
        let zh = "市政府今天宣布，新的公园将在明年春天开放，市民可以免费参观。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(zh);
        let mut page = br#"<meta charset="gb2312">"#.to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page, None, SniffKind::Html).text.contains(zh));
        let ja = "市役所は来年の春に新しい公園を開くと発表しました。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(ja);
        let mut page =
            br#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#.to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page, None, SniffKind::Html).text.contains(ja));
    }

    #[test]
    fn unlabelled_windows_1251_is_guessed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let d = decode(&bytes, None, SniffKind::Html);
        assert_eq!(d.source, CharsetSource::Guess);
        assert_eq!(d.text, RUSSIAN);
    }

    #[test]
    fn wrong_latin1_label_on_utf8_bytes_is_overridden() {
        let page = "<meta charset=\"iso-8859-1\"><p>Le café était fermé.</p>";
        let d = decode(page.as_bytes(), None, SniffKind::Html);
        assert_eq!(d.source, CharsetSource::Utf8Override);
        assert!(d.text.contains("café était fermé"));
    }

    #[test]
    fn utf8_label_on_legacy_bytes_falls_back_to_a_guess() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let mut page = br#"<meta charset="utf-8">"#.to_vec();
        page.extend_from_slice(&bytes);
        let d = decode(&page, None, SniffKind::Html);
        assert_eq!(d.source, CharsetSource::Guess);
        assert!(d.text.contains("Городской"));
    }

    #[test]
    fn double_encoded_utf8_is_repaired_when_c1_controls_prove_it() {
        let original = "<p>It’s “done” — café, naïve.</p>";
        let latin1: String = original.bytes().map(char::from).collect();
        let d = decode(latin1.as_bytes(), None, SniffKind::Html);
        assert_eq!(d.text, original);
        // One stray sequence is not proof; accented Latin-1 text without C1 is left alone.
        let stray = "<p>Itâ\u{80}\u{99}s Ã©tÃ©</p>";
        assert_eq!(decode(stray.as_bytes(), None, SniffKind::Html).text, stray);
        let plain = "<p>Â¿Qué? Ãœber, São Paulo.</p>";
        assert_eq!(decode(plain.as_bytes(), None, SniffKind::Html).text, plain);
    }

    #[test]
    fn c1_controls_are_counted_up_to_enough() {
        // `’` and `“` read as Latin-1 are two C1 controls each.
        assert_eq!(c1_control_count("â\u{80}\u{99} â\u{80}\u{9c} \u{9f}", 9), 5);
        assert_eq!(c1_control_count("\u{80}\u{81}\u{82}\u{83}", 2), 2);
        // No-break space and other Latin-1 symbols share the lead byte, not the range.
        assert_eq!(c1_control_count("a\u{a0}b © « » ° ¿", 3), 0);
    }

    #[test]
    fn content_type_charset_is_parsed() {
        assert_eq!(
            charset_from_content_type("text/html; charset=UTF-8"),
            Some("UTF-8")
        );
        assert_eq!(
            charset_from_content_type("text/html;Charset=\"windows-1251\""),
            Some("windows-1251")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }

    #[test]
    fn gzip_roundtrips_and_truncation_is_an_error() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello page").unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        assert_eq!(gunzip_bounded(&gz, 100).unwrap(), b"hello page");
        assert!(matches!(
            gunzip_bounded(&gz[..gz.len() - 6], 100),
            Err(DecodeError::Gzip(_))
        ));
    }

    #[test]
    fn gzip_bomb_stops_at_the_limit() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..100 {
            enc.write_all(&zeros).unwrap();
        }
        let gz = enc.finish().unwrap();
        assert!(matches!(
            gunzip_bounded(&gz, 1 << 20),
            Err(DecodeError::TooLarge { .. })
        ));
    }

    #[test]
    fn garbage_never_panics_and_nul_becomes_space() {
        let mut seed = 7u32;
        for len in [0, 1, 5, 100, 5000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (seed >> 16) as u8
                })
                .collect();
            let _ = decode(&bytes, Some("nonsense"), SniffKind::Html);
            let _ = prescan_meta(b"<meta charset=");
        }
        assert_eq!(decode(b"a\0b", None, SniffKind::Text).text, "a b");
    }
}
