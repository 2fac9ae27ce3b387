//! Page sets for the benchmarks, shared by `benches/clean.rs` and `examples/throughput.rs`
//! (both include this file with `#[path]`).
//!
//! Pages are read and decompressed before any timing starts, so that only the work under test
//! is measured. A WCXB-layout directory gives its pages in the order `dechrome eval` uses
//! (the sorted stems of `ground-truth/*.json`, each read from `html/<id>.html.gz`); the fixture
//! corpus gives `corpus/html/*.html` in name order.

use std::io::Read;
use std::path::{Path, PathBuf};

use dechrome::decode;

/// Upper bound on one decompressed page, as in `dechrome eval`.
const MAX_PAGE_BYTES: usize = 256 * 1024 * 1024;

/// Environment variable naming a WCXB-layout directory to benchmark on.
pub const BENCH_DIR_VAR: &str = "DECHROME_BENCH_DIR";

/// One page, in memory, as the cleaner receives it.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page id (WCXB id, or the fixture's file name).
    pub id: String,
    /// The page's URL, when the ground truth gives one.
    pub url: Option<String>,
    /// The page bytes after gzip decompression, in the page's own charset.
    pub bytes: Vec<u8>,
}

/// Which pages to take from a WCXB directory.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    /// Take every `every`-th id of the sorted list, starting with the first (1 for all).
    pub every: usize,
    /// Stop after this many pages.
    pub limit: Option<usize>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            every: 1,
            limit: None,
        }
    }
}

/// Where a page set came from.
#[derive(Debug, Clone)]
pub enum PageSource {
    /// A WCXB-layout directory.
    Wcxb(PathBuf),
    /// The fixture corpus of the repository.
    Fixtures(PathBuf),
}

impl std::fmt::Display for PageSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageSource::Wcxb(dir) => write!(f, "WCXB pages in {}", dir.display()),
            PageSource::Fixtures(dir) => write!(f, "fixture pages in {}", dir.display()),
        }
    }
}

/// The repository's root directory (where `Cargo.toml` is).
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The page set to benchmark on: the directory in [`BENCH_DIR_VAR`] if set (it must then be a
/// WCXB layout), else `../shared/bench/wcxb-dev` beside the repository if present, else the
/// fixture corpus `corpus/html`, which is always there.
pub fn default_source() -> Result<PageSource, String> {
    if let Some(dir) = std::env::var_os(BENCH_DIR_VAR) {
        let dir = PathBuf::from(dir);
        if !is_wcxb(&dir) {
            return Err(format!(
                "{BENCH_DIR_VAR}={}: not a WCXB directory (needs html/ and ground-truth/)",
                dir.display()
            ));
        }
        return Ok(PageSource::Wcxb(dir));
    }
    let shared = manifest_dir().join("../shared/bench/wcxb-dev");
    if is_wcxb(&shared) {
        return Ok(PageSource::Wcxb(shared));
    }
    Ok(PageSource::Fixtures(manifest_dir().join("corpus/html")))
}

/// Whether `dir` has the WCXB layout (`html/` and `ground-truth/` subdirectories).
pub fn is_wcxb(dir: &Path) -> bool {
    dir.join("html").is_dir() && dir.join("ground-truth").is_dir()
}

/// Loads the pages of `source`; `selection` applies to WCXB directories only.
pub fn load(source: &PageSource, selection: Selection) -> Result<Vec<Page>, String> {
    match source {
        PageSource::Wcxb(dir) => load_wcxb(dir, selection),
        PageSource::Fixtures(dir) => load_fixtures(dir),
    }
}

/// Loads the pages of a WCXB directory: ids are the sorted stems of `ground-truth/*.json`, as
/// in `dechrome eval`; the URL comes from the ground truth's `url` field.
pub fn load_wcxb(dir: &Path, selection: Selection) -> Result<Vec<Page>, String> {
    let truth_dir = dir.join("ground-truth");
    let mut ids: Vec<String> = std::fs::read_dir(&truth_dir)
        .map_err(|e| format!("{}: {e}", truth_dir.display()))?
        .filter_map(|entry| {
            let name = entry.ok()?.file_name();
            let id = name.to_str()?.strip_suffix(".json")?;
            (!id.is_empty()).then(|| id.to_owned())
        })
        .collect();
    ids.sort();
    let every = selection.every.max(1);
    let limit = selection.limit.unwrap_or(usize::MAX);
    ids.into_iter()
        .step_by(every)
        .take(limit)
        .map(|id| {
            let truth_path = truth_dir.join(format!("{id}.json"));
            let truth =
                std::fs::read(&truth_path).map_err(|e| format!("{}: {e}", truth_path.display()))?;
            let url = serde_json::from_slice::<serde_json::Value>(&truth)
                .ok()
                .and_then(|v| v.get("url")?.as_str().map(str::to_owned))
                .filter(|u| !u.is_empty());
            let html_path = dir.join("html").join(format!("{id}.html.gz"));
            let gz =
                std::fs::read(&html_path).map_err(|e| format!("{}: {e}", html_path.display()))?;
            let bytes = decode::gunzip_bounded(&gz, MAX_PAGE_BYTES)
                .map_err(|e| format!("{}: {e}", html_path.display()))?;
            Ok(Page { id, url, bytes })
        })
        .collect()
}

/// Loads every `*.html` file of `dir` (the fixture corpus), sorted by name.
pub fn load_fixtures(dir: &Path) -> Result<Vec<Page>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let mut bytes = Vec::new();
            std::fs::File::open(&path)
                .and_then(|mut f| f.read_to_end(&mut bytes))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let id = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Page {
                id,
                url: None,
                bytes,
            })
        })
        .collect()
}

/// Decodes a page to text the way `Cleaner::clean_bytes` does for an HTML page without an HTTP
/// charset: gzip first if the bytes are still compressed, then BOM, `<meta>` prescan, UTF-8
/// check and statistical guess.
pub fn decode_html(bytes: &[u8]) -> String {
    let owned;
    let bytes = if decode::is_gzip(bytes) {
        owned = decode::gunzip_bounded(bytes, MAX_PAGE_BYTES).unwrap_or_default();
        &owned[..]
    } else {
        bytes
    };
    decode::decode(bytes, None, decode::SniffKind::Html).text
}

/// The [`dechrome::Source`] that `dechrome eval` passes for `page`.
pub fn source_of(page: &Page) -> dechrome::Source<'_> {
    dechrome::Source {
        name: Some("page.html"),
        url: page.url.as_deref(),
        http_charset: None,
        site: None,
    }
}

/// Total size of `pages` in bytes.
pub fn total_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|p| p.bytes.len() as u64).sum()
}
