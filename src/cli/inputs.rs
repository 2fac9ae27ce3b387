//! Where documents come from: single pages (files, directories, stdin), WARC files (response
//! records, and WET conversion records as text) and JSONL files (`url` plus `html` or `text`).
//!
//! Documents are handed out in input order, in chunks small enough to bound memory, so a
//! crawl of any size streams through.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use dechrome::warc::{WarcError, WarcReader};

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// From the file name, then the content.
    Auto,
    /// One HTML page per file.
    Html,
    /// One plain-text document per file.
    Text,
    /// WARC (`.warc`, `.warc.gz`): response records (and WET conversion records).
    Warc,
    /// JSON Lines: one object per line with `url` and `html` or `text`.
    Jsonl,
}

impl From<InputFormatArg> for dechrome::InputFormat {
    fn from(value: InputFormatArg) -> Self {
        match value {
            InputFormatArg::Html => dechrome::InputFormat::Html,
            InputFormatArg::Text => dechrome::InputFormat::Text,
            _ => dechrome::InputFormat::Auto,
        }
    }
}

/// How inputs are read: shared by `clean`, `learn`.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// How to read inputs.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// Largest document in bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_input_bytes: usize,
    /// Longest time one document may take, in seconds (0: no limit); a document over it is
    /// reported and the batch goes on.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub time_budget: f64,
    /// The page's URL (single-page inputs; WARC and JSONL records carry their own).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// The site of every input, for line-frequency profiles (default: the URL's host, else
    /// the name of the file's directory).
    #[arg(long, value_name = "NAME")]
    pub site: Option<String>,
}

/// One document to clean or learn from.
#[derive(Debug, Clone, Default)]
pub struct InputDoc {
    /// How errors name it: the path, or `path#record-id` / `path:line`.
    pub label: String,
    /// A file name whose extension helps sniff the format.
    pub name: Option<String>,
    /// The page's URL.
    pub url: Option<String>,
    /// The site (explicit, or the directory name); the URL's host when absent.
    pub site: Option<String>,
    /// Charset from the HTTP headers.
    pub http_charset: Option<String>,
    /// WARC record id.
    pub record_id: Option<String>,
    /// WARC date.
    pub date: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// The input file it came from (`None` for stdin) and its path relative to the
    /// directory walked (or its file name).
    pub origin: Option<(PathBuf, PathBuf)>,
    /// Index of the document inside its input file (0 for single pages).
    pub index: usize,
    /// Whether the input file holds many documents (WARC, JSONL).
    pub container: bool,
}

impl InputDoc {
    /// The document as a profile learning input (same name, URL, site and charset as
    /// cleaning will use, so line keys match).
    pub fn learn_input(&self) -> dechrome::profile::LearnInput<'_> {
        dechrome::profile::LearnInput {
            bytes: &self.bytes,
            name: self.name.as_deref(),
            url: self.url.as_deref(),
            site: self.site.as_deref(),
            http_charset: self.http_charset.as_deref(),
        }
    }
}

/// What reading skipped or failed.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReadSummary {
    /// Records that are not pages (requests, metadata, images...).
    pub skipped: usize,
    /// Inputs or records that could not be read (reported on stderr).
    pub failed: usize,
}

/// Single-page file extensions picked up when walking directories (before an optional `.gz`).
pub const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt"];
/// Many-document file extensions picked up when walking directories.
const CONTAINER_EXTENSIONS: &[&str] = &["warc", "wet", "jsonl", "ndjson"];

/// What a path holds, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One page.
    Page,
    /// WARC records.
    Warc,
    /// JSON lines.
    Jsonl,
}

/// The kind of a file from its name (and `--input-format`).
pub fn kind_of(path: &Path, format: InputFormatArg) -> Kind {
    match format {
        InputFormatArg::Warc => return Kind::Warc,
        InputFormatArg::Jsonl => return Kind::Jsonl,
        InputFormatArg::Html | InputFormatArg::Text => return Kind::Page,
        InputFormatArg::Auto => {}
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let base = name.strip_suffix(".gz").unwrap_or(&name);
    if base.ends_with(".warc") || base.ends_with(".wet") || base.ends_with(".arc") {
        Kind::Warc
    } else if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        Kind::Jsonl
    } else {
        Kind::Page
    }
}

/// Whether a directory walk picks up this file.
pub fn is_input_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    PAGE_EXTENSIONS
        .iter()
        .chain(CONTAINER_EXTENSIONS)
        .any(|ext| base.len() > ext.len() + 1 && base.ends_with(&format!(".{ext}")))
}

/// Lists input files: explicit files as given, directories walked in sorted order. Each
/// comes with its path relative to the walked directory (or its file name).
pub fn list_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    input_files(paths).collect()
}

/// The input files of [`list_files`], one at a time: a batch of a million files is never
/// held as a list (the walk holds the names of the open directories, compactly).
pub fn input_files(
    paths: &[PathBuf],
) -> impl Iterator<Item = Result<(PathBuf, PathBuf), String>> + '_ {
    paths.iter().flat_map(|path| {
        let walk: Box<dyn Iterator<Item = Result<(PathBuf, PathBuf), String>>> =
            match std::fs::metadata(path) {
                Err(e) => Box::new(std::iter::once(Err(format!("{}: {e}", path.display())))),
                Ok(meta) if meta.is_dir() => Box::new(super::walk::sorted_files(path).filter_map(
                    move |file| match file {
                        Err(e) => Some(Err(e)),
                        Ok(file) => {
                            if !is_input_file(&file) {
                                return None;
                            }
                            let relative = file.strip_prefix(path).unwrap_or(&file).to_path_buf();
                            Some(Ok((file, relative)))
                        }
                    },
                )),
                Ok(_) => {
                    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
                    Box::new(std::iter::once(Ok((path.clone(), name))))
                }
            };
        walk
    })
}

/// Whether the inputs are only stdin.
pub fn is_stdin(paths: &[PathBuf]) -> bool {
    paths.is_empty() || paths == [PathBuf::from("-")]
}

/// Documents per chunk and bytes per chunk: bounds memory while keeping every core busy.
const CHUNK_DOCUMENTS: usize = 64;
const CHUNK_BYTES: usize = 32 << 20;

/// Collects documents into chunks and hands each full chunk to the consumer.
struct Chunker<'f> {
    chunk: Vec<InputDoc>,
    bytes: usize,
    max_documents: usize,
    consumer: &'f mut dyn FnMut(Vec<InputDoc>),
    stop: &'f dyn Fn() -> bool,
}

impl Chunker<'_> {
    fn push(&mut self, doc: InputDoc) -> bool {
        self.bytes += doc.bytes.len();
        self.chunk.push(doc);
        if self.chunk.len() >= self.max_documents || self.bytes >= CHUNK_BYTES {
            self.flush();
        }
        !(self.stop)()
    }

    fn flush(&mut self) {
        if !self.chunk.is_empty() {
            (self.consumer)(std::mem::take(&mut self.chunk));
            self.bytes = 0;
        }
    }
}

/// Reads every document of `paths` (stdin when empty or `-`) in input order and hands them
/// to `consumer` in chunks. Failures to read are reported on stderr and counted; reading
/// stops early when `stop` says so (Ctrl-C).
pub fn for_each_chunk(
    paths: &[PathBuf],
    args: &InputArgs,
    stop: &dyn Fn() -> bool,
    mut consumer: impl FnMut(&[InputDoc]),
) -> Result<ReadSummary, String> {
    read_documents(paths, args, stop, CHUNK_DOCUMENTS, &mut |chunk| {
        consumer(&chunk)
    })
}

/// Reads every document of `paths` in input order and hands each one to `consumer` as soon
/// as it is read; see [`for_each_chunk`].
pub fn for_each_document(
    paths: &[PathBuf],
    args: &InputArgs,
    stop: &dyn Fn() -> bool,
    mut consumer: impl FnMut(InputDoc),
) -> Result<ReadSummary, String> {
    read_documents(paths, args, stop, 1, &mut |chunk| {
        chunk.into_iter().for_each(&mut consumer)
    })
}

fn read_documents(
    paths: &[PathBuf],
    args: &InputArgs,
    stop: &dyn Fn() -> bool,
    max_documents: usize,
    consumer: &mut dyn FnMut(Vec<InputDoc>),
) -> Result<ReadSummary, String> {
    let mut summary = ReadSummary::default();
    let mut chunker = Chunker {
        chunk: Vec::new(),
        bytes: 0,
        max_documents,
        consumer,
        stop,
    };
    if is_stdin(paths) {
        let stdin = std::io::stdin();
        let mut reader = BufReader::with_capacity(1 << 16, stdin.lock());
        let kind = match args.input_format {
            InputFormatArg::Auto => sniff_stream(&mut reader),
            other => kind_of(Path::new("-"), other),
        };
        read_stream(
            kind,
            Box::new(reader),
            None,
            args,
            &mut chunker,
            &mut summary,
        );
        chunker.flush();
        return Ok(summary);
    }
    for file in input_files(paths) {
        if stop() {
            break;
        }
        let (path, relative) = match file {
            Ok(file) => file,
            Err(e) => {
                // A path that cannot be listed fails alone; the batch goes on.
                summary.failed += 1;
                eprintln!("dechrome: {e}");
                continue;
            }
        };
        let kind = kind_of(&path, args.input_format);
        let origin = Some((path.clone(), relative));
        if kind == Kind::Page {
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let doc = page_doc(bytes, origin, args);
                    chunker.push(doc);
                }
                Err(e) => {
                    summary.failed += 1;
                    eprintln!("dechrome: {}: {e}", path.display());
                }
            }
            continue;
        }
        match std::fs::File::open(&path) {
            Ok(file) => {
                let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, file));
                read_stream(kind, reader, origin, args, &mut chunker, &mut summary);
            }
            Err(e) => {
                summary.failed += 1;
                eprintln!("dechrome: {}: {e}", path.display());
            }
        }
    }
    chunker.flush();
    Ok(summary)
}

/// WARC or JSONL from the first bytes of stdin; else one page.
fn sniff_stream(reader: &mut impl BufRead) -> Kind {
    let Ok(head) = reader.fill_buf() else {
        return Kind::Page;
    };
    if head.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        // A gzip stream: a WARC when its first member starts with a WARC version line.
        let mut peek = [0u8; 5];
        let mut decoder = flate2::bufread::GzDecoder::new(head);
        if decoder.read_exact(&mut peek).is_ok() && &peek == b"WARC/" {
            return Kind::Warc;
        }
        return Kind::Page;
    }
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        Kind::Jsonl
    } else {
        Kind::Page
    }
}

/// The site of a file in a directory: the directory's name.
fn directory_site(origin: &Option<(PathBuf, PathBuf)>) -> Option<String> {
    let (path, _) = origin.as_ref()?;
    let parent = path.parent()?;
    let parent = if parent.as_os_str().is_empty() {
        std::env::current_dir().ok()?
    } else {
        parent.to_path_buf()
    };
    let name = parent.canonicalize().ok().unwrap_or(parent);
    name.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// The site of a single-page input: `--site`, else (without `--url`) its directory's name.
pub fn page_site(path: Option<&Path>, args: &InputArgs) -> Option<String> {
    args.site.clone().or_else(|| {
        if args.url.is_some() {
            None
        } else {
            directory_site(&path.map(|p| (p.to_path_buf(), PathBuf::new())))
        }
    })
}

fn page_doc(bytes: Vec<u8>, origin: Option<(PathBuf, PathBuf)>, args: &InputArgs) -> InputDoc {
    let label = origin
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |(p, _)| p.display().to_string());
    let site = page_site(origin.as_ref().map(|(p, _)| p.as_path()), args);
    InputDoc {
        name: origin
            .as_ref()
            .map(|(p, _)| p.to_string_lossy().into_owned()),
        label,
        url: args.url.clone(),
        site,
        bytes,
        origin,
        ..InputDoc::default()
    }
}

fn read_stream(
    kind: Kind,
    mut reader: Box<dyn BufRead + '_>,
    origin: Option<(PathBuf, PathBuf)>,
    args: &InputArgs,
    chunker: &mut Chunker<'_>,
    summary: &mut ReadSummary,
) {
    let source_label = origin
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |(p, _)| p.display().to_string());
    match kind {
        Kind::Page => {
            let mut bytes = Vec::new();
            let limit = args.max_input_bytes as u64 + 1;
            match reader.by_ref().take(limit).read_to_end(&mut bytes) {
                Ok(_) => {
                    chunker.push(page_doc(bytes, origin, args));
                }
                Err(e) => {
                    summary.failed += 1;
                    eprintln!("dechrome: {source_label}: {e}");
                }
            }
        }
        Kind::Warc => read_warc(reader, origin, &source_label, args, chunker, summary),
        Kind::Jsonl => read_jsonl(reader, origin, &source_label, args, chunker, summary),
    }
}

fn read_warc(
    reader: Box<dyn BufRead + '_>,
    origin: Option<(PathBuf, PathBuf)>,
    source_label: &str,
    args: &InputArgs,
    chunker: &mut Chunker<'_>,
    summary: &mut ReadSummary,
) {
    let records =
        WarcReader::from_reader(reader).with_max_record_bytes(args.max_input_bytes as u64);
    let mut index = 0;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                summary.failed += 1;
                eprintln!("dechrome: {source_label}: {e}");
                if matches!(e, WarcError::Io(_) | WarcError::Truncated { .. }) {
                    break;
                }
                continue;
            }
        };
        let label = format!(
            "{source_label}#{}",
            record.record_id.as_deref().unwrap_or("(no record id)")
        );
        let (bytes, charset, name) = if record.warc_type == "conversion" {
            // WET: text already extracted from the page.
            (
                record.block.clone(),
                Some("utf-8".to_string()),
                Some("record.txt".to_string()),
            )
        } else if record.is_html() {
            let Some(response) = record.http_response() else {
                summary.skipped += 1;
                continue;
            };
            if !(200..300).contains(&response.status) {
                summary.skipped += 1;
                continue;
            }
            if let Some(encoding) = response.content_encoding {
                let encoding = encoding.trim().to_ascii_lowercase();
                if !matches!(encoding.as_str(), "" | "identity" | "gzip" | "x-gzip") {
                    summary.failed += 1;
                    eprintln!("dechrome: {label}: content encoding {encoding} is not supported");
                    continue;
                }
            }
            let charset = response.charset().map(str::to_string);
            (response.body.into_owned(), charset, None)
        } else {
            summary.skipped += 1;
            continue;
        };
        let doc = InputDoc {
            label,
            name,
            url: record.target_uri.clone(),
            site: args.site.clone(),
            http_charset: charset,
            record_id: record.record_id.clone(),
            date: record.date.clone(),
            bytes,
            origin: origin.clone(),
            index,
            container: true,
        };
        index += 1;
        if !chunker.push(doc) {
            return;
        }
    }
}

/// The fields of a JSONL input record that dechrome reads (others are ignored).
#[derive(serde::Deserialize)]
struct JsonRecord {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    site: Option<String>,
    id: Option<String>,
    warc_record_id: Option<String>,
    date: Option<String>,
}

fn read_jsonl(
    mut reader: Box<dyn BufRead + '_>,
    origin: Option<(PathBuf, PathBuf)>,
    source_label: &str,
    args: &InputArgs,
    chunker: &mut Chunker<'_>,
    summary: &mut ReadSummary,
) {
    // A gzip JSONL file is read through a decoder.
    let gz = matches!(reader.fill_buf(), Ok(head) if head.starts_with(&[0x1f, 0x8b]));
    let mut reader: Box<dyn BufRead + '_> = if gz {
        Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(reader)))
    } else {
        reader
    };
    let mut line = Vec::new();
    let mut line_number = 0usize;
    let mut index = 0usize;
    let limit = args.max_input_bytes as u64 * 2 + 1024;
    loop {
        line.clear();
        line_number += 1;
        match reader.by_ref().take(limit).read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                summary.failed += 1;
                eprintln!("dechrome: {source_label}:{line_number}: {e}");
                break;
            }
        }
        if !line.ends_with(b"\n") && line.len() as u64 >= limit {
            summary.failed += 1;
            eprintln!("dechrome: {source_label}:{line_number}: line over the size limit");
            // Skip the rest of the line.
            let mut rest = Vec::new();
            let _ = reader.read_until(b'\n', &mut rest);
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let label = format!("{source_label}:{line_number}");
        let record: JsonRecord = match serde_json::from_slice(&line) {
            Ok(v) => v,
            Err(e) => {
                summary.failed += 1;
                eprintln!("dechrome: {label}: not a JSON object with string fields: {e}");
                continue;
            }
        };
        let (bytes, name) = match (record.html, record.text) {
            (Some(html), _) => (html.into_bytes(), Some("record.html".to_string())),
            (None, Some(text)) => (text.into_bytes(), Some("record.txt".to_string())),
            (None, None) => {
                summary.failed += 1;
                eprintln!("dechrome: {label}: no \"html\" or \"text\" field");
                continue;
            }
        };
        let doc = InputDoc {
            label,
            name,
            url: record.url,
            site: args.site.clone().or(record.site),
            // JSON strings are Unicode: a <meta charset> inside must not re-decode them.
            http_charset: Some("utf-8".to_string()),
            record_id: record.id.or(record.warc_record_id),
            date: record.date,
            bytes,
            origin: origin.clone(),
            index,
            container: true,
        };
        index += 1;
        if !chunker.push(doc) {
            return;
        }
    }
}

impl InputArgs {
    /// The per-document time budget these arguments ask for.
    pub fn budget(&self) -> Option<std::time::Duration> {
        (self.time_budget > 0.0)
            .then(|| std::time::Duration::try_from_secs_f64(self.time_budget).ok())
            .flatten()
    }
}
