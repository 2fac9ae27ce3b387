//! A streaming reader of WARC 1.0 / 1.1 files (web archives, as written by crawlers).
//!
//! [`WarcReader`] yields one [`Record`] at a time and never holds more than one record's
//! block in memory; a record whose block is over [`WarcReader::with_max_record_bytes`] is
//! skipped (its bytes are read and dropped) and reported as [`WarcError::TooLarge`].
//! Gzip input (`.warc.gz`, one gzip member per record or one member for the whole file) is
//! detected from its magic bytes by [`WarcReader::from_reader`].
//!
//! Damaged input is reported, not fatal where it can be helped: after a malformed record the
//! reader scans forward to the next line starting with `WARC/1.` and goes on; an input that
//! ends inside a record yields one [`WarcError::Truncated`] and then ends.
//!
//! [`Record::http_response`] parses the HTTP status line and headers of a `response`
//! record and de-chunks a `Transfer-Encoding: chunked` body.
//!
//! ```
//! use dechrome::warc::WarcReader;
//!
//! let block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello</p>";
//! let warc = format!(
//!     "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/\r\n\
//!      Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{}\r\n\r\n",
//!     block.len(),
//!     block
//! );
//! let mut reader = WarcReader::from_reader(warc.as_bytes());
//! let record = reader.next().unwrap().unwrap();
//! assert_eq!(record.target_uri.as_deref(), Some("https://example.com/"));
//! let http = record.http_response().unwrap();
//! assert_eq!(http.status, 200);
//! assert_eq!(&http.body[..], b"<p>Hello</p>");
//! assert!(record.is_html());
//! assert!(reader.next().is_none());
//! ```
//!
//! [`WarcReader`]: crate::warc::WarcReader
//! [`WarcReader::with_max_record_bytes`]: crate::warc::WarcReader::with_max_record_bytes
//! [`WarcReader::from_reader`]: crate::warc::WarcReader::from_reader
//! [`Record`]: crate::warc::Record
//! [`Record::http_response`]: crate::warc::Record::http_response
//! [`WarcError::TooLarge`]: crate::warc::WarcError::TooLarge
//! [`WarcError::Truncated`]: crate::warc::WarcError::Truncated

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Default largest record block kept in memory: 64 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// Longest header line accepted (a longer one makes the record malformed).
const MAX_LINE_BYTES: usize = 64 * 1024;

/// Largest header section of one record.
const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// The prefix of a WARC version line, which starts every record.
const VERSION_PREFIX: &[u8] = b"WARC/1.";

/// Errors of reading a WARC file. Offsets count bytes of the uncompressed stream.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    /// Reading or decompressing the input failed. Iteration stops.
    #[error("cannot read WARC input: {0}")]
    Io(#[from] io::Error),
    /// A record's version line or headers are malformed. The reader resynchronises on the
    /// next `WARC/1.` line and iteration goes on.
    #[error("malformed WARC record at byte {offset}: {reason}")]
    Malformed {
        /// Offset of the start of the bad record (or of the unexpected data).
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// A record's block is over the configured limit; it was skipped and iteration goes on.
    #[error("WARC record {} is {size} bytes, over the limit of {limit} bytes", display_id(.record_id))]
    TooLarge {
        /// `WARC-Record-ID` of the skipped record.
        record_id: Option<String>,
        /// Its `Content-Length`.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The input ends inside a record. Iteration stops.
    #[error("WARC input ends inside record {} (starting at byte {offset})", display_id(.record_id))]
    Truncated {
        /// `WARC-Record-ID` of the unfinished record, if its headers were read.
        record_id: Option<String>,
        /// Offset of the start of the unfinished record.
        offset: u64,
    },
}

fn display_id(id: &Option<String>) -> &str {
    id.as_deref().unwrap_or("(without id)")
}

/// One WARC record: its named headers, all headers, and its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// `WARC-Type`: `warcinfo`, `response`, `resource`, `request`, `metadata`, `revisit`, ...
    pub warc_type: String,
    /// `WARC-Record-ID`, as written (usually `<urn:uuid:...>`).
    pub record_id: Option<String>,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// `Content-Type` of the block (for a `response`, usually `application/http; msgtype=response`).
    pub content_type: Option<String>,
    /// Every header in order, names as written, values trimmed (continuation lines joined
    /// with a space).
    pub headers: Vec<(String, String)>,
    /// The block: exactly `Content-Length` bytes.
    pub block: Vec<u8>,
}

impl Record {
    /// The value of the first header called `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The HTTP response in the block of a `response` record whose content type is
    /// `application/http` (or absent, with a block starting with `HTTP/`). `None` for other
    /// records and for blocks without an HTTP status line.
    pub fn http_response(&self) -> Option<HttpResponse<'_>> {
        if !self.warc_type.eq_ignore_ascii_case("response") {
            return None;
        }
        match self.content_type.as_deref() {
            Some(ct) if !starts_with_ignore_case(ct.trim_start(), "application/http") => None,
            None if !self.block.starts_with(b"HTTP/") => None,
            _ => HttpResponse::parse(&self.block),
        }
    }

    /// Whether the record holds an HTML page: an HTTP response whose `Content-Type`
    /// mentions `html` (`text/html`, `application/xhtml+xml`) or, without a content type, a
    /// body starting with `<`. A `resource` record is judged the same way from its own
    /// content type and block. Other records are not pages.
    pub fn is_html(&self) -> bool {
        if let Some(http) = self.http_response() {
            return http.is_html();
        }
        if self.warc_type.eq_ignore_ascii_case("resource") {
            return html_by_type_or_sniff(self.content_type.as_deref(), &self.block);
        }
        false
    }
}

/// The HTTP response stored in a `response` record, borrowing from its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse<'a> {
    /// Status code (e.g. 200).
    pub status: u16,
    /// Every header that is valid UTF-8, in order, name and value trimmed.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The `Content-Type` header.
    pub content_type: Option<&'a str>,
    /// The `Content-Encoding` header (the body is left encoded: `gzip` stays gzip).
    pub content_encoding: Option<&'a str>,
    /// The `Transfer-Encoding` header, as sent. A `chunked` body is de-chunked in
    /// [`HttpResponse::body`].
    pub transfer_encoding: Option<&'a str>,
    /// The body: borrowed from the block, or owned when it had to be de-chunked.
    pub body: Cow<'a, [u8]>,
}

impl<'a> HttpResponse<'a> {
    /// Parses an HTTP response (status line, headers, blank line, body) from `bytes`.
    /// Interim `1xx` responses before the final one are skipped. A header section that
    /// runs to the end of `bytes` gives an empty body. `None` without a status line.
    pub fn parse(bytes: &'a [u8]) -> Option<HttpResponse<'a>> {
        let head = parse_head(bytes)?;
        let transfer_encoding = find_borrowed(&head.headers, "transfer-encoding");
        let body = match transfer_encoding {
            Some(te) if is_chunked(te) => match dechunk(head.body) {
                Some(owned) => Cow::Owned(owned),
                // Some crawlers store the body de-chunked but keep the header.
                None => Cow::Borrowed(head.body),
            },
            _ => Cow::Borrowed(head.body),
        };
        Some(HttpResponse {
            status: head.status,
            content_type: find_borrowed(&head.headers, "content-type"),
            content_encoding: find_borrowed(&head.headers, "content-encoding"),
            transfer_encoding,
            headers: head.headers,
            body,
        })
    }

    /// The value of the first header called `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&'a str> {
        find_borrowed(&self.headers, name)
    }

    /// The `charset` parameter of the `Content-Type` header, unquoted.
    pub fn charset(&self) -> Option<&'a str> {
        let ct = self.content_type?;
        ct.split(';').skip(1).find_map(|param| {
            let (name, value) = param.split_once('=')?;
            if !name.trim().eq_ignore_ascii_case("charset") {
                return None;
            }
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            (!value.is_empty()).then_some(value)
        })
    }

    /// Whether the body is HTML: the `Content-Type` mentions `html` or, without a content
    /// type, the body starts (after whitespace and a byte-order mark) with `<`.
    pub fn is_html(&self) -> bool {
        html_by_type_or_sniff(self.content_type, &self.body)
    }
}

/// A streaming reader of WARC records; an [`Iterator`] of `Result<Record, WarcError>`.
///
/// After [`WarcError::Io`] or [`WarcError::Truncated`] the iterator ends; after
/// [`WarcError::Malformed`] or [`WarcError::TooLarge`] it goes on with the next record.
pub struct WarcReader<R: BufRead> {
    input: Input<R>,
    max_record_bytes: u64,
    /// A version line found while resynchronising or reading headers: the next record.
    pending_start: Option<u64>,
    /// An error to report before anything else (from gzip detection).
    pending_error: Option<io::Error>,
    /// Start and id of the record being read, for [`WarcError::Truncated`].
    current: (u64, Option<String>),
    line: Vec<u8>,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader of an uncompressed WARC stream. For input that may be gzipped, use
    /// [`WarcReader::from_reader`].
    pub fn new(reader: R) -> Self {
        WarcReader {
            input: Input {
                inner: reader,
                offset: 0,
            },
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            pending_start: None,
            pending_error: None,
            current: (0, None),
            line: Vec::new(),
            done: false,
        }
    }

    /// Sets the largest block kept in memory; a larger record is skipped and reported as
    /// [`WarcError::TooLarge`]. Default [`DEFAULT_MAX_RECORD_BYTES`].
    pub fn with_max_record_bytes(mut self, limit: u64) -> Self {
        self.max_record_bytes = limit;
        self
    }

    /// The largest block kept in memory.
    pub fn max_record_bytes(&self) -> u64 {
        self.max_record_bytes
    }

    /// Bytes of the uncompressed stream consumed so far.
    pub fn offset(&self) -> u64 {
        self.input.offset
    }

    /// The underlying reader.
    pub fn into_inner(self) -> R {
        self.input.inner
    }

    /// Reads the next record. `Ok(None)` at the end of the input.
    fn read_record(&mut self) -> Result<Option<Record>, WarcError> {
        let start = match self.pending_start.take() {
            Some(start) => start,
            None => loop {
                let start = self.input.offset;
                self.current = (start, None);
                match self.input.read_line(&mut self.line, MAX_LINE_BYTES)? {
                    Line::Eof => return Ok(None),
                    Line::Full | Line::Partial if is_blank(&self.line) => continue,
                    Line::Full if self.line.starts_with(VERSION_PREFIX) => break start,
                    Line::Partial if self.line.starts_with(VERSION_PREFIX) => {
                        return Err(WarcError::Truncated {
                            record_id: None,
                            offset: start,
                        });
                    }
                    Line::Full | Line::Partial | Line::TooLong => {
                        return Err(self.resync(start, "expected a WARC/1.x version line"));
                    }
                }
            },
        };
        self.current = (start, None);

        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0usize;
        loop {
            let line_start = self.input.offset;
            match self.input.read_line(&mut self.line, MAX_LINE_BYTES)? {
                // A line cut by the end of the input is not trusted (it may hold half an id).
                Line::Eof | Line::Partial => {
                    return Err(WarcError::Truncated {
                        record_id: find_header(&headers, "warc-record-id").map(str::to_string),
                        offset: start,
                    })
                }
                Line::TooLong => return Err(self.resync(start, "header line too long")),
                Line::Full => {}
            }
            header_bytes = header_bytes.saturating_add(self.line.len());
            if header_bytes > MAX_HEADER_BYTES {
                return Err(self.resync(start, "header section too long"));
            }
            if is_blank(&self.line) {
                break;
            }
            if self.line.starts_with(VERSION_PREFIX) {
                // The next record begins: this one lost its blank line and block.
                self.pending_start = Some(line_start);
                return Err(WarcError::Malformed {
                    offset: start,
                    reason: "headers end without a blank line".to_string(),
                });
            }
            let text = String::from_utf8_lossy(trim_eol(&self.line));
            if text.starts_with([' ', '\t']) {
                match headers.last_mut() {
                    Some((_, value)) => {
                        let more = text.trim();
                        if !more.is_empty() {
                            if !value.is_empty() {
                                value.push(' ');
                            }
                            value.push_str(more);
                        }
                        continue;
                    }
                    None => return Err(self.resync(start, "continuation line before any header")),
                }
            }
            let Some((name, value)) = text.split_once(':') else {
                let reason = format!("header line without a colon: {:?}", clip(&text, 80));
                return Err(self.resync(start, &reason));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(self.resync(start, "header line without a name"));
            }
            headers.push((name.to_string(), value.trim().to_string()));
            if name.eq_ignore_ascii_case("warc-record-id") && self.current.1.is_none() {
                self.current.1 = Some(value.trim().to_string());
            }
        }

        let record_id = find_header(&headers, "warc-record-id").map(str::to_string);
        let Some(length) = find_header(&headers, "content-length") else {
            return Err(self.resync(start, "no Content-Length header"));
        };
        let Ok(length) = length.parse::<u64>() else {
            let reason = format!("bad Content-Length {:?}", clip(length, 40));
            return Err(self.resync(start, &reason));
        };

        let warc_type = find_header(&headers, "warc-type").map(str::to_string);
        if length > self.max_record_bytes || warc_type.is_none() {
            let skipped = self.input.skip(length)?;
            if skipped < length {
                return Err(WarcError::Truncated {
                    record_id,
                    offset: start,
                });
            }
            return Err(match warc_type {
                None => WarcError::Malformed {
                    offset: start,
                    reason: "no WARC-Type header".to_string(),
                },
                Some(_) => WarcError::TooLarge {
                    record_id,
                    size: length,
                    limit: self.max_record_bytes,
                },
            });
        }

        let mut block = Vec::new();
        self.input.read_exactly(length, &mut block)?;
        if (block.len() as u64) < length {
            return Err(WarcError::Truncated {
                record_id,
                offset: start,
            });
        }
        Ok(Some(Record {
            warc_type: warc_type.unwrap_or_default(),
            target_uri: find_header(&headers, "warc-target-uri").map(str::to_string),
            date: find_header(&headers, "warc-date").map(str::to_string),
            content_type: find_header(&headers, "content-type").map(str::to_string),
            record_id,
            headers,
            block,
        }))
    }

    /// Scans forward to the next line starting with `WARC/1.` (remembered as the next
    /// record's start) or to the end of the input, and returns the error to report for the
    /// bad data at `offset`.
    fn resync(&mut self, offset: u64, reason: &str) -> WarcError {
        loop {
            let line_start = self.input.offset;
            match self.input.read_line(&mut self.line, MAX_LINE_BYTES) {
                Err(e) => return WarcError::Io(e),
                Ok(Line::Eof) => break,
                Ok(Line::Full) if self.line.starts_with(VERSION_PREFIX) => {
                    self.pending_start = Some(line_start);
                    break;
                }
                Ok(_) => {}
            }
        }
        WarcError::Malformed {
            offset,
            reason: reason.to_string(),
        }
    }
}

impl<'a> WarcReader<Box<dyn BufRead + 'a>> {
    /// A reader of a plain or gzipped WARC stream: gzip is recognised by its magic bytes
    /// (`1f 8b`), not by a file name, and every gzip member is read in turn. An error while
    /// peeking at the first bytes is reported as the first item.
    pub fn from_reader(reader: impl Read + 'a) -> Self {
        let mut buffered = BufReader::new(reader);
        let (input, error): (Box<dyn BufRead + 'a>, _) = match peek_magic(&mut buffered) {
            Ok(Magic::Gzip) => (
                Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(
                    buffered,
                ))),
                None,
            ),
            Ok(Magic::Plain) => (Box::new(buffered), None),
            Ok(Magic::Split(first)) => {
                // fill_buf gave a single byte: read the next one and put both back in front.
                let mut second = [0u8; 1];
                match read_some(&mut buffered, &mut second) {
                    Ok(n) => {
                        let head = [first, second[0]];
                        let head = io::Cursor::new(head).take(1 + n as u64);
                        let chained = BufReader::new(head.chain(buffered));
                        if n == 1 && [first, second[0]] == [0x1f, 0x8b] {
                            (
                                Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(
                                    chained,
                                ))),
                                None,
                            )
                        } else {
                            (Box::new(chained), None)
                        }
                    }
                    Err(e) => (Box::new(io::empty()), Some(e)),
                }
            }
            Err(e) => (Box::new(buffered), Some(e)),
        };
        let mut reader = WarcReader::new(input);
        reader.pending_error = error;
        reader
    }
}

impl WarcReader<Box<dyn BufRead>> {
    /// Opens a WARC file, plain or gzipped (see [`WarcReader::from_reader`]).
    pub fn open(path: impl AsRef<Path>) -> io::Result<Self> {
        Ok(WarcReader::from_reader(File::open(path)?))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Record, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if let Some(e) = self.pending_error.take() {
            self.done = true;
            return Some(Err(WarcError::Io(e)));
        }
        match self.read_record() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(WarcError::Io(e)) if e.kind() == io::ErrorKind::UnexpectedEof => {
                // A gzip member cut short.
                self.done = true;
                let (offset, record_id) = std::mem::take(&mut self.current);
                Some(Err(WarcError::Truncated { record_id, offset }))
            }
            Err(e) => {
                if matches!(e, WarcError::Io(_) | WarcError::Truncated { .. }) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

/// What the first bytes of an input say.
enum Magic {
    Gzip,
    Plain,
    /// Only one byte was available from the first fill: the first byte of the gzip magic.
    Split(u8),
}

fn peek_magic<R: BufRead>(reader: &mut R) -> io::Result<Magic> {
    let buf = loop {
        match reader.fill_buf() {
            Ok(buf) => break buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    Ok(match buf {
        [0x1f, 0x8b, ..] => Magic::Gzip,
        [0x1f] => {
            reader.consume(1);
            Magic::Split(0x1f)
        }
        _ => Magic::Plain,
    })
}

/// One `read`, retried on `Interrupted`.
fn read_some<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// How a line read ended.
enum Line {
    /// A line through its `\n`.
    Full,
    /// A last line without `\n`, cut by the end of the input.
    Partial,
    /// A line over the limit: consumed to its end, only its first bytes kept.
    TooLong,
    /// Nothing left.
    Eof,
}

/// The underlying reader with a count of consumed bytes.
struct Input<R> {
    inner: R,
    offset: u64,
}

impl<R: BufRead> Input<R> {
    /// The buffered bytes (empty at the end of the input), or `None` when the read was
    /// interrupted and should be retried.
    fn fill(&mut self) -> io::Result<Option<&[u8]>> {
        match self.inner.fill_buf() {
            Ok(buf) => Ok(Some(buf)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
        self.offset += n as u64;
    }

    /// Reads one line into `line` (cleared first), keeping at most `limit` bytes of it.
    fn read_line(&mut self, line: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
        line.clear();
        let mut too_long = false;
        let mut any = false;
        let mut ended = false;
        loop {
            let Some(buf) = self.fill()? else {
                continue;
            };
            if buf.is_empty() {
                break;
            }
            any = true;
            let (take, end) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = limit.saturating_sub(line.len());
            if take > room {
                too_long = true;
            }
            line.extend_from_slice(&buf[..take.min(room)]);
            self.consume(take);
            if end {
                ended = true;
                break;
            }
        }
        Ok(match (any, too_long, ended) {
            (false, _, _) => Line::Eof,
            (true, true, _) => Line::TooLong,
            (true, false, true) => Line::Full,
            (true, false, false) => Line::Partial,
        })
    }

    /// Appends up to `n` bytes to `out`, growing it as data arrives. Fewer at end of input.
    fn read_exactly(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<()> {
        let mut left = n;
        while left > 0 {
            let Some(buf) = self.fill()? else {
                continue;
            };
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            out.extend_from_slice(&buf[..take]);
            self.consume(take);
            left -= take as u64;
        }
        Ok(())
    }

    /// Drops up to `n` bytes; returns how many there were.
    fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let Some(buf) = self.fill()? else {
                continue;
            };
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            self.consume(take);
            left -= take as u64;
        }
        Ok(n - left)
    }
}

/// `line` without its trailing `\n` / `\r\n`.
fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

fn clip(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

fn find_header<'h, N, V>(headers: &'h [(N, V)], name: &str) -> Option<&'h str>
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    headers
        .iter()
        .find(|(n, _)| n.as_ref().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_ref())
}

/// Like [`find_header`], for headers borrowed from a block: the value keeps their lifetime.
fn find_borrowed<'a>(headers: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, v)| v)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn contains_ignore_case(s: &str, needle: &str) -> bool {
    crate::dom::contains_ignore_ascii_case(s.as_bytes(), needle.as_bytes())
}

/// HTML by content type, or without one by a body starting with `<`.
fn html_by_type_or_sniff(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type.map(str::trim).filter(|ct| !ct.is_empty()) {
        Some(ct) => contains_ignore_case(ct, "html"),
        None => {
            let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
            body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
        }
    }
}

/// The first line of `data` without its line ending, and the rest. `None` when empty.
fn next_line(data: &[u8]) -> Option<(&[u8], &[u8])> {
    if data.is_empty() {
        return None;
    }
    Some(match memchr::memchr(b'\n', data) {
        Some(i) => (trim_eol(&data[..=i]), &data[i + 1..]),
        None => (trim_eol(data), &[][..]),
    })
}

/// An HTTP response head: status, headers and the raw body after the blank line.
struct Head<'a> {
    status: u16,
    headers: Vec<(&'a str, &'a str)>,
    body: &'a [u8],
}

fn parse_head(bytes: &[u8]) -> Option<Head<'_>> {
    let mut rest = bytes;
    // Interim 1xx responses (100 Continue, 103 Early Hints) may precede the final one.
    for _ in 0..8 {
        let head = parse_one_head(rest)?;
        let interim = (100..200).contains(&head.status) && head.status != 101;
        if interim && head.body.trim_ascii_start().starts_with(b"HTTP/") {
            rest = head.body.trim_ascii_start();
            continue;
        }
        return Some(head);
    }
    None
}

fn parse_one_head(bytes: &[u8]) -> Option<Head<'_>> {
    let (status_line, mut rest) = next_line(bytes.trim_ascii_start())?;
    let status_line = std::str::from_utf8(status_line).ok()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let status = code.parse().ok()?;
    let mut headers = Vec::new();
    let mut body: &[u8] = &[];
    while let Some((line, after)) = next_line(rest) {
        rest = after;
        if line.is_empty() {
            body = after;
            break;
        }
        // Obsolete folded continuation lines and non-UTF-8 lines are dropped.
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            continue;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim();
            if !name.is_empty() {
                headers.push((name, value.trim()));
            }
        }
    }
    Some(Head {
        status,
        headers,
        body,
    })
}

/// Whether the last transfer coding is `chunked`.
fn is_chunked(transfer_encoding: &str) -> bool {
    transfer_encoding
        .rsplit(',')
        .next()
        .is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked"))
}

/// The size in a chunk-size line (`1a3f;ext=1`), `None` when it is not one.
fn chunk_size(line: &[u8]) -> Option<u64> {
    let digits = line.split(|&b| b == b';').next()?.trim_ascii();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let digits = std::str::from_utf8(digits).ok()?;
    u64::from_str_radix(digits, 16).ok()
}

/// De-chunks a chunked body. `None` when it does not start like one (the crawler stored it
/// de-chunked already). A body cut short keeps what arrived; trailers are dropped.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut first = true;
    while let Some((line, after)) = next_line(rest) {
        let Some(size) = chunk_size(line) else {
            if first {
                return None;
            }
            break;
        };
        if size == 0 {
            break;
        }
        let take = usize::try_from(size).unwrap_or(usize::MAX).min(after.len());
        let (data, after) = after.split_at(take);
        if first {
            // Check the first chunk looks like one: its data ends where a line ends.
            let well_formed = take as u64 == size
                && (after.is_empty() || after.starts_with(b"\r\n") || after.starts_with(b"\n"));
            if !well_formed {
                return None;
            }
            first = false;
        }
        out.extend_from_slice(data);
        if (take as u64) < size {
            break;
        }
        rest = after
            .strip_prefix(b"\r\n")
            .or_else(|| after.strip_prefix(b"\n"))
            .unwrap_or(after);
    }
    if first {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Builds one record with the given line ending.
    fn record(eol: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(format!("WARC/1.1{eol}").as_bytes());
        for (name, value) in headers {
            out.extend_from_slice(format!("{name}: {value}{eol}").as_bytes());
        }
        out.extend_from_slice(format!("Content-Length: {}{eol}{eol}", block.len()).as_bytes());
        out.extend_from_slice(block);
        out.extend_from_slice(format!("{eol}{eol}").as_bytes());
        out
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    const HTML: &str = "<!doctype html><html><body><p>Hello, archive.</p></body></html>";

    fn http_block(eol: &str) -> Vec<u8> {
        format!(
            "HTTP/1.1 200 OK{eol}Content-Type: text/html; charset=\"UTF-8\"{eol}\
             Content-Length: {}{eol}Server: test{eol}{eol}{HTML}",
            HTML.len()
        )
        .into_bytes()
    }

    /// warcinfo, request, response, metadata.
    fn mixed_records(eol: &str) -> Vec<Vec<u8>> {
        let request = format!("GET / HTTP/1.1{eol}Host: example.com{eol}{eol}");
        vec![
            record(
                eol,
                &[
                    ("WARC-Type", "warcinfo"),
                    ("WARC-Record-ID", "<urn:uuid:0001>"),
                    ("WARC-Date", "2024-05-01T10:00:00Z"),
                    ("WARC-Filename", "test.warc.gz"),
                    ("Content-Type", "application/warc-fields"),
                ],
                format!("software: dechrome-test{eol}format: WARC File Format 1.1{eol}").as_bytes(),
            ),
            record(
                eol,
                &[
                    ("WARC-Type", "request"),
                    ("WARC-Record-ID", "<urn:uuid:0002>"),
                    ("WARC-Target-URI", "https://example.com/"),
                    ("WARC-Date", "2024-05-01T10:00:01Z"),
                    ("Content-Type", "application/http; msgtype=request"),
                ],
                request.as_bytes(),
            ),
            record(
                eol,
                &[
                    ("WARC-Type", "response"),
                    ("WARC-Record-ID", "<urn:uuid:0003>"),
                    ("WARC-Target-URI", "https://example.com/"),
                    ("WARC-Date", "2024-05-01T10:00:02Z"),
                    ("WARC-Concurrent-To", "<urn:uuid:0002>"),
                    ("Content-Type", "application/http; msgtype=response"),
                ],
                &http_block(eol),
            ),
            record(
                eol,
                &[
                    ("WARC-Type", "metadata"),
                    ("WARC-Record-ID", "<urn:uuid:0004>"),
                    ("WARC-Target-URI", "https://example.com/"),
                    ("Content-Type", "application/warc-fields"),
                ],
                format!("fetchTimeMs: 120{eol}").as_bytes(),
            ),
        ]
    }

    fn read_all<R: BufRead>(reader: WarcReader<R>) -> Vec<Result<Record, WarcError>> {
        // A bound, so that a reader that never ends fails the test instead of hanging.
        reader.take(10_000).collect()
    }

    fn read_bytes(bytes: &[u8]) -> Vec<Result<Record, WarcError>> {
        read_all(WarcReader::from_reader(bytes))
    }

    fn ok_records(items: Vec<Result<Record, WarcError>>) -> Vec<Record> {
        items
            .into_iter()
            .map(|r| r.expect("record, not error"))
            .collect()
    }

    fn check_mixed(records: &[Record], eol: &str) {
        let types: Vec<&str> = records.iter().map(|r| r.warc_type.as_str()).collect();
        assert_eq!(types, ["warcinfo", "request", "response", "metadata"]);
        let ids: Vec<Option<&str>> = records.iter().map(|r| r.record_id.as_deref()).collect();
        assert_eq!(
            ids,
            [
                Some("<urn:uuid:0001>"),
                Some("<urn:uuid:0002>"),
                Some("<urn:uuid:0003>"),
                Some("<urn:uuid:0004>")
            ]
        );
        let info = &records[0];
        assert_eq!(info.target_uri, None);
        assert_eq!(info.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(info.header("warc-filename"), Some("test.warc.gz"));
        assert_eq!(info.header("WARC-FILENAME"), Some("test.warc.gz"));
        assert_eq!(info.header("X-Missing"), None);
        assert_eq!(info.headers.len(), 6);
        assert_eq!(
            info.headers[5],
            ("Content-Length".into(), info.block.len().to_string())
        );
        assert!(info.http_response().is_none());
        assert!(!info.is_html());

        let request = &records[1];
        assert_eq!(request.target_uri.as_deref(), Some("https://example.com/"));
        assert!(request.block.starts_with(b"GET / HTTP/1.1"));
        assert!(request.http_response().is_none());
        assert!(!request.is_html());

        let response = &records[2];
        assert_eq!(response.block, http_block(eol));
        assert_eq!(
            response.content_type.as_deref(),
            Some("application/http; msgtype=response")
        );
        assert_eq!(
            response.header("warc-concurrent-to"),
            Some("<urn:uuid:0002>")
        );
        let http = response.http_response().expect("http response");
        assert_eq!(http.status, 200);
        assert_eq!(http.content_type, Some("text/html; charset=\"UTF-8\""));
        assert_eq!(http.charset(), Some("UTF-8"));
        assert_eq!(http.header("server"), Some("test"));
        assert_eq!(http.content_encoding, None);
        assert_eq!(http.transfer_encoding, None);
        assert_eq!(&http.body[..], HTML.as_bytes());
        assert!(matches!(http.body, Cow::Borrowed(_)));
        assert!(response.is_html());

        let meta = &records[3];
        assert_eq!(meta.block, format!("fetchTimeMs: 120{eol}").as_bytes());
        assert!(!meta.is_html());
    }

    #[test]
    fn plain_crlf_mixed_records() {
        let bytes = mixed_records("\r\n").concat();
        let records = ok_records(read_bytes(&bytes));
        check_mixed(&records, "\r\n");
        // `new` on a BufRead reads the same.
        let records = ok_records(read_all(WarcReader::new(&bytes[..])));
        check_mixed(&records, "\r\n");
    }

    #[test]
    fn plain_lf_mixed_records() {
        let bytes = mixed_records("\n").concat();
        let records = ok_records(read_bytes(&bytes));
        check_mixed(&records, "\n");
    }

    #[test]
    fn gzip_one_member_per_record() {
        let records = mixed_records("\r\n");
        let bytes: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
        assert_eq!(&bytes[..2], &[0x1f, 0x8b]);
        let read = ok_records(read_bytes(&bytes));
        check_mixed(&read, "\r\n");
    }

    #[test]
    fn gzip_single_member_for_whole_file() {
        let bytes = gzip(&mixed_records("\n").concat());
        let read = ok_records(read_bytes(&bytes));
        check_mixed(&read, "\n");
    }

    /// A reader that hands out one byte per `read`, so the first `fill_buf` sees one byte.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.is_empty()) {
                (Some((&b, rest)), false) => {
                    buf[0] = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn gzip_detected_when_first_read_gives_one_byte() {
        let plain = mixed_records("\r\n").concat();
        let gz: Vec<u8> = mixed_records("\r\n").iter().flat_map(|r| gzip(r)).collect();
        for bytes in [&plain, &gz] {
            let read = ok_records(read_all(WarcReader::from_reader(Trickle(bytes))));
            check_mixed(&read, "\r\n");
        }
        // A one-byte input that starts like gzip magic.
        let items = read_all(WarcReader::from_reader(Trickle(&[0x1f])));
        assert_eq!(items.len(), 1);
        assert!(matches!(
            items[0],
            Err(WarcError::Malformed { offset: 0, .. })
        ));
    }

    /// A reader that returns `Interrupted` before every piece of data.
    struct Interrupting<'a> {
        data: &'a [u8],
        interrupt: bool,
    }

    impl Read for Interrupting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = buf.len().min(self.data.len()).min(7);
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn interrupted_reads_are_retried() {
        let plain = mixed_records("\n").concat();
        let gz: Vec<u8> = mixed_records("\n").iter().flat_map(|r| gzip(r)).collect();
        for bytes in [&plain, &gz] {
            let input = Interrupting {
                data: bytes,
                interrupt: false,
            };
            let read = ok_records(read_all(WarcReader::from_reader(input)));
            check_mixed(&read, "\n");
        }
        let input = Interrupting {
            data: &plain,
            interrupt: false,
        };
        let read = ok_records(read_all(WarcReader::new(BufReader::new(input))));
        check_mixed(&read, "\n");
    }

    #[test]
    fn empty_input_has_no_records() {
        assert!(read_bytes(b"").is_empty());
        assert!(read_all(WarcReader::new(&b""[..])).is_empty());
        assert!(read_bytes(b"\r\n\r\n\n").is_empty());
        // An empty gzip member.
        assert!(read_bytes(&gzip(b"")).is_empty());
    }

    #[test]
    fn header_continuation_lines_are_joined() {
        let bytes = b"WARC/1.0\r\nWARC-Type: resource\r\nX-Note: first\r\n  second\r\n\tthird\r\n\
            Content-Type: text/html\r\nContent-Length: 3\r\n\r\n<p>\r\n\r\n";
        let records = ok_records(read_bytes(bytes));
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].header("x-note"), Some("first second third"));
        assert_eq!(records[0].block, b"<p>");
        // A resource record is judged by its own content type.
        assert!(records[0].is_html());
    }

    fn response_record(http: &[u8]) -> Record {
        let bytes = record(
            "\r\n",
            &[
                ("WARC-Type", "response"),
                ("WARC-Record-ID", "<urn:uuid:r>"),
                ("Content-Type", "application/http;msgtype=response"),
            ],
            http,
        );
        let mut records = ok_records(read_bytes(&bytes));
        assert_eq!(records.len(), 1);
        records.remove(0)
    }

    #[test]
    fn chunked_http_body_is_dechunked() {
        let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n\
            7\r\n<html>\n\r\n19;name=value\r\n<body>chunked body</body>\r\n0\r\nX-Trailer: 1\r\n\r\n";
        let rec = response_record(http);
        let resp = rec.http_response().unwrap();
        assert_eq!(resp.transfer_encoding, Some("chunked"));
        assert_eq!(&resp.body[..], b"<html>\n<body>chunked body</body>");
        assert!(matches!(resp.body, Cow::Owned(_)));
        assert!(rec.is_html());

        // LF-only chunk lines and a body cut short inside a chunk.
        let http = b"HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n5\nhello\nA\nworld";
        let rec = response_record(http);
        assert_eq!(&rec.http_response().unwrap().body[..], b"helloworld");
    }

    #[test]
    fn chunked_header_on_a_dechunked_body_keeps_the_body() {
        for body in [
            &b"<html><p>stored de-chunked</p></html>"[..],
            b"abc\r\nnot a chunk",
            b"",
        ] {
            let mut http = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            http.extend_from_slice(body);
            let rec = response_record(&http);
            let resp = rec.http_response().unwrap();
            assert_eq!(&resp.body[..], body);
            assert!(matches!(resp.body, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn http_parsing_edge_cases() {
        // Interim 100 Continue before the final response.
        let rec = response_record(
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nnope",
        );
        let resp = rec.http_response().unwrap();
        assert_eq!((resp.status, &resp.body[..]), (404, &b"nope"[..]));
        assert!(!rec.is_html());

        // Headers only, no blank line: empty body.
        let rec = response_record(b"HTTP/1.0 301 Moved\r\nLocation: /x");
        let resp = rec.http_response().unwrap();
        assert_eq!((resp.status, resp.header("LOCATION")), (301, Some("/x")));
        assert!(resp.body.is_empty());

        // HTTP/2 status line, no content type, body sniffed as HTML.
        let rec = response_record(b"HTTP/2 200\r\n\r\n\xEF\xBB\xBF \n<html>");
        assert!(rec.is_html());
        let rec = response_record(b"HTTP/2 200\r\n\r\n{\"json\": 1}");
        assert!(!rec.is_html());
        let rec = response_record(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml\r\nContent-Encoding: gzip\r\n\r\n",
        );
        assert!(rec.is_html());
        assert_eq!(rec.http_response().unwrap().content_encoding, Some("gzip"));
        let rec = response_record(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n<svg");
        assert!(!rec.is_html());

        // Not HTTP at all, or a bad status code.
        for bad in [
            &b"<html>no status line"[..],
            b"HTTP/1.1 2000 OK\r\n\r\n",
            b"HTTP/1.1\r\n",
            b"",
        ] {
            assert!(response_record(bad).http_response().is_none(), "{bad:?}");
        }

        // A response record with a non-HTTP content type.
        let bytes = record(
            "\n",
            &[("WARC-Type", "response"), ("Content-Type", "text/dns")],
            b"HTTP/1.1 200 OK\n\n<p>",
        );
        let rec = ok_records(read_bytes(&bytes)).remove(0);
        assert!(rec.http_response().is_none());
        assert!(!rec.is_html());
        // Without a content type, a block starting with HTTP/ is parsed.
        let bytes = record(
            "\n",
            &[("WARC-Type", "response")],
            b"HTTP/1.1 200 OK\n\n<p>",
        );
        let rec = ok_records(read_bytes(&bytes)).remove(0);
        assert!(rec.is_html());
    }

    #[test]
    fn too_large_record_is_skipped_then_next_read() {
        let big = record(
            "\r\n",
            &[
                ("WARC-Type", "resource"),
                ("WARC-Record-ID", "<urn:uuid:big>"),
            ],
            &vec![b'x'; 5000],
        );
        let small = record(
            "\r\n",
            &[
                ("WARC-Type", "resource"),
                ("WARC-Record-ID", "<urn:uuid:small>"),
            ],
            b"tiny",
        );
        let plain = [small.clone(), big.clone(), small.clone()].concat();
        let gz = [gzip(&small), gzip(&big), gzip(&small)].concat();
        for bytes in [plain, gz] {
            let reader = WarcReader::from_reader(&bytes[..]).with_max_record_bytes(1000);
            assert_eq!(reader.max_record_bytes(), 1000);
            let items = read_all(reader);
            assert_eq!(items.len(), 3);
            assert_eq!(items[0].as_ref().unwrap().block, b"tiny");
            match &items[1] {
                Err(WarcError::TooLarge {
                    record_id,
                    size,
                    limit,
                }) => {
                    assert_eq!(record_id.as_deref(), Some("<urn:uuid:big>"));
                    assert_eq!((*size, *limit), (5000, 1000));
                }
                other => panic!("expected TooLarge, got {other:?}"),
            }
            assert_eq!(
                items[2].as_ref().unwrap().record_id.as_deref(),
                Some("<urn:uuid:small>")
            );
        }
        // Exactly at the limit is kept.
        let items = read_all(WarcReader::from_reader(&big[..]).with_max_record_bytes(5000));
        assert_eq!(items[0].as_ref().unwrap().block.len(), 5000);
    }

    fn assert_truncated(item: &Result<Record, WarcError>, id: Option<&str>) {
        match item {
            Err(WarcError::Truncated { record_id, .. }) => assert_eq!(record_id.as_deref(), id),
            other => panic!("expected Truncated, got {other:?}"),
        }
    }

    #[test]
    fn truncated_mid_block_yields_earlier_records_then_stops() {
        let records = mixed_records("\r\n");
        let mut bytes = records[..2].concat();
        let cut = records[2].len() - 30;
        bytes.extend_from_slice(&records[2][..cut]);
        let mut reader = WarcReader::from_reader(&bytes[..]);
        assert_eq!(reader.next().unwrap().unwrap().warc_type, "warcinfo");
        assert_eq!(reader.next().unwrap().unwrap().warc_type, "request");
        let item = reader.next().unwrap();
        assert_truncated(&item, Some("<urn:uuid:0003>"));
        if let Err(WarcError::Truncated { offset, .. }) = item {
            assert_eq!(offset, records[..2].concat().len() as u64);
        }
        assert!(reader.next().is_none());
        assert!(reader.next().is_none());

        // Cut inside the headers, after the record id.
        let mut bytes = records[0].clone();
        bytes.extend_from_slice(&records[2][..70]);
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 2);
        assert_truncated(&items[1], Some("<urn:uuid:0003>"));

        // Cut inside the record id line: the half id is not reported.
        let bytes = [&records[0][..], &records[2][..60]].concat();
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 2);
        assert_truncated(&items[1], None);

        // Cut inside the version line.
        let bytes = [&records[0][..], b"WARC/1."].concat();
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 2);
        assert_truncated(&items[1], None);
    }

    #[test]
    fn truncated_gzip_member_yields_earlier_records_then_stops() {
        let records = mixed_records("\r\n");
        let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
        let mut bytes = members[..2].concat();
        bytes.extend_from_slice(&members[2][..members[2].len() / 2]);
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0].as_ref().unwrap().warc_type, "warcinfo");
        assert_eq!(items[1].as_ref().unwrap().warc_type, "request");
        assert!(
            matches!(items[2], Err(WarcError::Truncated { .. })),
            "{:?}",
            items[2]
        );
        // Cut within the gzip trailer (CRC and size) of the last member.
        let mut bytes = members[..3].concat();
        bytes.truncate(bytes.len() - 4);
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 4, "{items:?}");
        assert!(items[..3].iter().all(Result::is_ok));
        assert_truncated(&items[3], None);
    }

    #[test]
    fn huge_content_length_on_a_tiny_file_is_truncated() {
        let bytes =
            b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:x>\r\nContent-Length: 99999999999\r\n\r\nshort";
        for limit in [DEFAULT_MAX_RECORD_BYTES, u64::MAX] {
            let items = read_all(WarcReader::from_reader(&bytes[..]).with_max_record_bytes(limit));
            assert_eq!(items.len(), 1);
            assert_truncated(&items[0], Some("<urn:x>"));
        }
        // A Content-Length beyond u64 is malformed, not a crash.
        let bytes =
            b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 999999999999999999999999\r\n\r\nx";
        let items = read_bytes(bytes);
        assert_eq!(items.len(), 1);
        assert!(matches!(
            items[0],
            Err(WarcError::Malformed { offset: 0, .. })
        ));
    }

    #[test]
    fn garbage_between_records_is_skipped() {
        let records = mixed_records("\r\n");
        let garbage = b"this is not a record\r\nnor is this\nWARC/0.9 nope\r\n";
        let bytes = [
            &records[0][..],
            garbage,
            &records[1][..],
            &records[2][..],
            garbage,
        ]
        .concat();
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 5, "{items:?}");
        assert_eq!(items[0].as_ref().unwrap().warc_type, "warcinfo");
        match &items[1] {
            Err(WarcError::Malformed { offset, .. }) => {
                assert_eq!(*offset, records[0].len() as u64)
            }
            other => panic!("expected Malformed, got {other:?}"),
        }
        assert_eq!(items[2].as_ref().unwrap().warc_type, "request");
        assert_eq!(items[3].as_ref().unwrap().warc_type, "response");
        assert!(matches!(items[4], Err(WarcError::Malformed { .. })));

        // Garbage before the first record, and a missing trailer between records.
        let mut first = records[0].clone();
        first.truncate(first.len() - 4);
        let bytes = [&b"\x00\x01junk"[..], b"\n", &first[..], &records[1][..]].concat();
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(matches!(
            items[0],
            Err(WarcError::Malformed { offset: 0, .. })
        ));
        assert!(items[1].is_ok() && items[2].is_ok());
    }

    #[test]
    fn malformed_headers_resync_to_the_next_record() {
        let good = record("\r\n", &[("WARC-Type", "resource")], b"ok");
        let cases: [&[u8]; 6] = [
            // No colon.
            b"WARC/1.0\r\nWARC-Type: resource\r\nno colon here\r\nContent-Length: 2\r\n\r\nab\r\n\r\n",
            // No Content-Length.
            b"WARC/1.0\r\nWARC-Type: resource\r\n\r\nblock\r\n\r\n",
            // Bad Content-Length.
            b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: -4\r\n\r\nblock\r\n\r\n",
            // No WARC-Type: the block is skipped by its length.
            b"WARC/1.0\r\nContent-Length: 9\r\n\r\nWARC/1.0\n\r\n\r\n",
            // Continuation line first.
            b"WARC/1.0\r\n  continued\r\nContent-Length: 2\r\n\r\nab\r\n\r\n",
            // Empty header name.
            b"WARC/1.0\r\n: value\r\nContent-Length: 2\r\n\r\nab\r\n\r\n",
        ];
        for case in cases {
            let bytes = [&good[..], case, &good[..]].concat();
            let items = read_bytes(&bytes);
            let shown = String::from_utf8_lossy(case);
            assert_eq!(items.len(), 3, "{shown}: {items:?}");
            assert!(items[0].is_ok(), "{shown}");
            match &items[1] {
                Err(WarcError::Malformed { offset, .. }) => {
                    assert_eq!(*offset, good.len() as u64, "{shown}")
                }
                other => panic!("{shown}: expected Malformed, got {other:?}"),
            }
            assert_eq!(items[2].as_ref().unwrap().block, b"ok", "{shown}");
        }

        // Headers cut off by the next record's version line.
        let bytes = [&b"WARC/1.0\r\nWARC-Type: resource\r\n"[..], &good[..]].concat();
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(matches!(
            items[0],
            Err(WarcError::Malformed { offset: 0, .. })
        ));
        assert_eq!(items[1].as_ref().unwrap().block, b"ok");

        // An overlong header line.
        let long = "x".repeat(MAX_LINE_BYTES + 10);
        let bad = format!("WARC/1.0\r\nX-Long: {long}\r\nContent-Length: 0\r\n\r\n");
        let bytes = [bad.as_bytes(), &good[..]].concat();
        let items = read_bytes(&bytes);
        assert_eq!(items.len(), 2);
        assert!(matches!(
            items[0],
            Err(WarcError::Malformed { offset: 0, .. })
        ));
        assert!(items[1].is_ok());
    }

    #[test]
    fn lenient_record_trailers() {
        let block = b"some data";
        let head = format!(
            "WARC/1.0\nWARC-Type: resource\nContent-Length: {}\n\n",
            block.len()
        );
        let one = [head.as_bytes(), block].concat();
        for sep in [&b""[..], b"\n", b"\n\n", b"\r\n\r\n", b"\r\n\r\n\r\n\n"] {
            // Between records, and at the end of the file.
            let bytes = [&one[..], sep, &one[..], sep].concat();
            let records = ok_records(read_bytes(&bytes));
            assert_eq!(records.len(), 2, "{sep:?}");
            assert!(records.iter().all(|r| r.block == block));
        }
    }

    #[test]
    fn empty_block_and_zero_length() {
        let bytes = record("\r\n", &[("WARC-Type", "revisit")], b"");
        let records = ok_records(read_bytes(&[&bytes[..], &bytes[..]].concat()));
        assert_eq!(records.len(), 2);
        assert!(records[0].block.is_empty());
        assert!(records[0].http_response().is_none());
    }

    #[test]
    fn offsets_count_uncompressed_bytes() {
        let records = mixed_records("\n");
        let bytes = records.concat();
        let mut reader = WarcReader::new(&bytes[..]);
        reader.next().unwrap().unwrap();
        // The trailer of the first record is read with the next record.
        assert_eq!(reader.offset(), (records[0].len() - 2) as u64);
        assert_eq!(reader.by_ref().count(), 3);
        assert_eq!(reader.offset(), bytes.len() as u64);
        assert!(reader.into_inner().is_empty());
    }

    /// A reader that fails after some bytes.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk on fire"));
            }
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn io_errors_end_iteration() {
        let records = mixed_records("\r\n");
        let bytes = [&records[0][..], &records[1][..20]].concat();
        let items = read_all(WarcReader::from_reader(Failing(&bytes)));
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        assert!(matches!(&items[1], Err(WarcError::Io(e)) if e.to_string() == "disk on fire"));

        let items = read_all(WarcReader::from_reader(Failing(b"")));
        assert_eq!(items.len(), 1);
        assert!(matches!(items[0], Err(WarcError::Io(_))));

        // Corrupt gzip data after a good member.
        let bytes = [
            gzip(&records[0]),
            vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff],
        ]
        .concat();
        let items = read_bytes(&bytes);
        assert!(items[0].is_ok());
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[1].is_err());
    }

    #[test]
    fn error_messages() {
        let e = WarcError::TooLarge {
            record_id: Some("<urn:a>".into()),
            size: 10,
            limit: 5,
        };
        assert_eq!(
            e.to_string(),
            "WARC record <urn:a> is 10 bytes, over the limit of 5 bytes"
        );
        let e = WarcError::Truncated {
            record_id: None,
            offset: 7,
        };
        assert_eq!(
            e.to_string(),
            "WARC input ends inside record (without id) (starting at byte 7)"
        );
    }

    /// Every prefix of a valid file, plain and gzipped, and scrambled bytes: no panic, no
    /// endless iteration, and the records before the cut are yielded.
    #[test]
    fn never_panics_on_cut_or_scrambled_input() {
        let records = mixed_records("\r\n");
        let plain = records.concat();
        let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
        for bytes in [&plain, &gz] {
            for cut in 0..=bytes.len() {
                let items = read_bytes(&bytes[..cut]);
                // A cut in the last gzip trailer adds an error after the last record.
                assert!(items.len() <= records.len() + 1, "cut {cut}: {items:?}");
                let complete = records
                    .iter()
                    .scan(0, |end, r| {
                        *end += r.len();
                        Some(*end)
                    })
                    .filter(|&end| end <= cut + 4)
                    .count();
                if bytes == &plain {
                    // Exactly the records whose block is complete (the trailer may be cut).
                    let ok = items.iter().filter(|i| i.is_ok()).count();
                    assert_eq!(ok, complete, "cut {cut}: {items:?}");
                }
                // Only the last item may be an error.
                let errors = items.iter().filter(|i| i.is_err()).count();
                assert!(errors <= 1, "cut {cut}: {items:?}");
                if errors == 1 {
                    assert!(items.last().unwrap().is_err());
                }
            }
        }
        // Deterministic pseudo-random mutations.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut rand = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..300 {
            let mut bytes = plain.clone();
            for _ in 0..(rand() % 8 + 1) {
                let i = (rand() % bytes.len() as u64) as usize;
                bytes[i] = match rand() % 4 {
                    0 => b'\n',
                    1 => b':',
                    2 => b'9',
                    _ => rand() as u8,
                };
            }
            let items = read_bytes(&bytes);
            assert!(items.len() < 50);
            for item in items.iter().flatten() {
                let _ = item.http_response();
                let _ = item.is_html();
            }
        }
    }
}
