//! Evaluation of a cleaner against a dataset in the WCXB benchmark layout.
//!
//! A WCXB directory holds `html/<id>.html.gz` (the page as fetched, gzip-compressed, in its original
//! encoding) and `ground-truth/<id>.json` (the expected main text, snippets it must and must not
//! contain, and the page type). [`run_eval`] loads every page, times a caller-supplied cleaning
//! function over all of them in parallel, and scores each prediction with the WCXB metric:
//! word-level precision, recall and F1 over the multiset of lowercased `\w+` tokens, averaged over
//! pages, plus the share of `with` snippets found and of `without` snippets leaked. Results are
//! given overall and per page type, with throughput, and [`EvalReport::worst_pages`] shows where
//! the worst pages went wrong. When the cleaner also hands over what it removed and why
//! ([`Prediction::removed`]), [`EvalReport::missed_by_reason`] totals the ground-truth text each
//! reason removed. [`run_eval_on_files`] scores another extractor's output files the same way.
//!
//! This module only measures. It must not clean pages itself, must not decide anything about how
//! pages should be cleaned, and must not copy benchmark data anywhere: it reads the dataset in
//! place and keeps only what scoring needs in memory.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::{json, Value};

/// Name of the directory holding the compressed pages.
const HTML_DIR: &str = "html";
/// Name of the directory holding the ground-truth JSON files.
const GROUND_TRUTH_DIR: &str = "ground-truth";
/// Page type used when a ground-truth file does not give one.
const UNKNOWN_PAGE_TYPE: &str = "unknown";
/// Upper bound on a decompressed page, so that a corrupt or hostile `.gz` cannot exhaust memory.
/// The largest page of the WCXB dev split is about 5 MB.
const MAX_PAGE_BYTES: u64 = 256 * 1024 * 1024;
/// A passage is reported as missed (or leaked) when more than this share of its tokens is
/// estimated to be absent from the prediction (or from the ground truth).
const MOSTLY_ABSENT: f64 = 0.5;
/// How many missed and leaked passages a worst page shows.
const PASSAGES_PER_WORST_PAGE: usize = 3;
/// Passages are shortened to about this many characters for display.
const PASSAGE_DISPLAY_CHARS: usize = 160;
/// How many failures the text report lists before summarising the rest (the JSON has all).
const FAILURES_SHOWN: usize = 20;
/// Fewest tokens of a removed passage for it to be matched against the ground truth: shorter
/// ones ("Menu", "Read more") occur in too many texts by chance to be evidence.
const MISSED_PASSAGE_MIN_TOKENS: usize = 3;

/// Errors that stop an evaluation: the directory is not a WCXB dataset. A single unreadable page
/// is not an error; it is recorded as a [`Failure`].
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The directory lacks the WCXB structure (missing subdirectory, no ground-truth files).
    #[error("{}: not a WCXB dataset: {reason}", path.display())]
    NotWcxbLayout {
        /// The path that was expected to be part of the layout.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The directory of another extractor's predictions ([`run_eval_on_files`]) is not a directory.
    #[error("{}: not a directory of predictions (`<id>.txt` per page)", path.display())]
    NoPredictions {
        /// The path given for the predictions.
        path: PathBuf,
    },
    /// A directory of the layout exists but could not be listed.
    #[error("{}: cannot list directory: {source}", path.display())]
    ListDirectory {
        /// The directory that could not be listed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
}

/// Settings of an evaluation run.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// How many of the lowest-F1 pages to analyse into [`EvalReport::worst`]; 0 for none.
    pub worst: usize,
    /// Evaluate only the first N ids (in sorted order), for quick runs; `None` for all.
    pub limit: Option<usize>,
    /// How many of the reasons whose removals cost the most ground-truth text to list in
    /// [`EvalReport::missed_by_reason`]; 0 for none. Needs a cleaner that fills
    /// [`Prediction::removed`].
    pub by_reason: usize,
}

/// What a cleaner returned for one page: the text to score and, optionally, what it removed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prediction {
    /// The text as the cleaner prints it; this is what is scored.
    pub text: String,
    /// The passages the cleaner removed, each with its reason, in page order; empty when the
    /// cleaner does not say (then [`EvalReport::missed_by_reason`] has nothing to count).
    pub removed: Vec<RemovedPassage>,
}

impl From<String> for Prediction {
    fn from(text: String) -> Self {
        Prediction {
            text,
            removed: Vec::new(),
        }
    }
}

/// One passage a cleaner removed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedPassage {
    /// The cleaner's reason, e.g. `link-density: 0.92 of the text is links`. Numbers and quoted
    /// text in it are masked when reasons are totalled, so that one rule is one row.
    pub reason: String,
    /// The removed text.
    pub text: String,
}

/// The ground-truth text that removals for one reason cost, over a whole run.
#[derive(Debug, Clone, PartialEq)]
pub struct ReasonLoss {
    /// The reason, its numbers replaced by `N` and its quoted names by `…`
    /// (`link-density: N of the text is links`, `markup: inside <div> named "…"`).
    pub reason: String,
    /// Pages where it removed ground-truth text.
    pub pages: usize,
    /// Ground-truth tokens it removed.
    pub words: usize,
    /// Tokens it removed that the ground truth does not hold (or holds no more copies of): the
    /// chrome it rightly removed, to weigh against `words`.
    pub right_words: usize,
    /// Mean recall over all scored pages that keeping those passages would add (each page's
    /// removed ground-truth tokens over its ground-truth tokens, averaged over every page).
    pub recall_lost: f64,
    /// The same, per page type, averaged over the pages of that type; types it cost nothing are
    /// absent.
    pub by_type: BTreeMap<String, f64>,
    /// Ids of the pages where it removed the most ground-truth tokens, most first (up to
    /// [`REASON_EXAMPLE_PAGES`]).
    pub example_pages: Vec<String>,
}

/// How many page ids a [`ReasonLoss`] names.
pub const REASON_EXAMPLE_PAGES: usize = 5;

/// One page as handed to the cleaning function.
#[derive(Debug, Clone, Copy)]
pub struct PageInput<'a> {
    /// The WCXB page id (the file stem, e.g. `"0001"`).
    pub id: &'a str,
    /// The URL the page was fetched from, if the ground truth gives one.
    pub url: Option<&'a str>,
    /// The decompressed page bytes, in the page's original encoding.
    pub html: &'a [u8],
}

/// Word-level scores of one prediction against one ground truth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordScores {
    /// Share of prediction tokens that are matched in the ground truth.
    pub precision: f64,
    /// Share of ground-truth tokens that are matched in the prediction.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Number of tokens in the prediction.
    pub prediction_tokens: usize,
    /// Number of tokens in the ground truth.
    pub ground_truth_tokens: usize,
}

/// Scores of one page.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// The WCXB page id.
    pub id: String,
    /// The page type (`_internal.page_type.primary`), or `"unknown"`.
    pub page_type: String,
    /// The page URL, if known.
    pub url: Option<String>,
    /// Word-level precision, recall and F1.
    pub scores: WordScores,
    /// How many `with` snippets the prediction contains.
    pub with_found: usize,
    /// How many `with` snippets the prediction contains once typographic quotes are folded to
    /// ASCII on both sides (a diagnostic: many snippets were typed with `'` where the page has
    /// `’`; the benchmark's metric is `with_found`).
    pub with_found_quotes_folded: usize,
    /// How many non-empty `with` snippets the ground truth lists.
    pub with_total: usize,
    /// How many `without` snippets the prediction contains (leaked boilerplate).
    pub without_leaked: usize,
    /// How many non-empty `without` snippets the ground truth lists.
    pub without_total: usize,
    /// Length of the prediction in bytes of UTF-8.
    pub prediction_bytes: usize,
    /// Whether the ground truth has no `main_content` field at all (scored as empty text).
    pub ground_truth_missing: bool,
    /// The cleaning error, if the cleaner failed (the page is then scored as an empty prediction).
    pub clean_error: Option<String>,
}

/// Where in the run a page failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureStage {
    /// The page or its ground truth could not be read; the page is not scored.
    Load,
    /// The cleaner returned an error or panicked; the page is scored as an empty prediction.
    Clean,
}

impl FailureStage {
    fn as_str(self) -> &'static str {
        match self {
            FailureStage::Load => "load",
            FailureStage::Clean => "clean",
        }
    }
}

/// A page that could not be loaded or cleaned.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The WCXB page id.
    pub id: String,
    /// Whether loading or cleaning failed.
    pub stage: FailureStage,
    /// What went wrong (for load failures, names the file).
    pub cause: String,
}

/// Means over a group of pages (all pages, or one page type).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregate {
    /// Number of scored pages in the group.
    pub pages: usize,
    /// Mean word-level precision over the pages.
    pub precision: f64,
    /// Mean word-level recall over the pages.
    pub recall: f64,
    /// Mean word-level F1 over the pages.
    pub f1: f64,
    /// Mean over pages that list `with` snippets of the share found; 0 if no page lists any.
    pub with_found_rate: f64,
    /// [`Aggregate::with_found_rate`] with typographic quotes folded to ASCII on both sides
    /// (see [`PageResult::with_found_quotes_folded`]).
    pub with_found_rate_quotes_folded: f64,
    /// Number of pages that list at least one `with` snippet.
    pub with_pages: usize,
    /// Mean over pages that list `without` snippets of the share leaked; 0 if no page lists any.
    pub without_leaked_rate: f64,
    /// Number of pages that list at least one `without` snippet.
    pub without_pages: usize,
    /// Number of pages whose ground-truth text is empty or missing.
    pub empty_ground_truth_pages: usize,
}

/// Wall-clock figures of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Throughput {
    /// Time spent reading, decompressing and parsing the dataset.
    pub load_time: Duration,
    /// Wall time of the cleaning phase alone.
    pub clean_time: Duration,
    /// Number of pages handed to the cleaner.
    pub documents: usize,
    /// Total decompressed bytes handed to the cleaner.
    pub bytes: u64,
    /// Number of threads of the rayon pool that ran the cleaner.
    pub threads: usize,
}

impl Throughput {
    /// Documents cleaned per second of wall time (0 if no time was measured).
    pub fn documents_per_second(&self) -> f64 {
        per_second(self.documents as f64, self.clean_time)
    }

    /// Megabytes (10^6 bytes) of input cleaned per second of wall time (0 if no time was measured).
    pub fn megabytes_per_second(&self) -> f64 {
        per_second(self.bytes as f64 / 1e6, self.clean_time)
    }
}

fn per_second(amount: f64, time: Duration) -> f64 {
    let seconds = time.as_secs_f64();
    if seconds > 0.0 {
        amount / seconds
    } else {
        0.0
    }
}

/// The outcome of an evaluation run.
#[derive(Debug, Clone)]
pub struct EvalReport {
    /// Per-page results, in id order. Pages that failed to load are absent (see `failures`).
    pub pages: Vec<PageResult>,
    /// Means over all scored pages.
    pub overall: Aggregate,
    /// Means per page type, keyed by type name.
    pub by_type: BTreeMap<String, Aggregate>,
    /// Pages that failed to load or to clean, in id order (load failures first).
    pub failures: Vec<Failure>,
    /// Timing and volume of the run.
    pub throughput: Throughput,
    /// The `options.worst` lowest-F1 pages with their missed and leaked passages.
    pub worst: Vec<WorstPage>,
    /// Where the predictions were read from when they are files another extractor wrote
    /// ([`run_eval_on_files`]); `None` when a cleaner made them. With files, `throughput` times
    /// reading them, not any extraction.
    pub predictions_dir: Option<PathBuf>,
    /// The `options.by_reason` reasons whose removals cost the most ground-truth text, most
    /// costly first (see [`EvalReport::missed_by_reason`]).
    pub missed_by_reason: Vec<ReasonLoss>,
    /// Texts kept for passage analysis, aligned with `pages`.
    texts: Vec<PageTexts>,
}

/// The texts of one page needed to explain its score.
#[derive(Debug, Clone)]
struct PageTexts {
    prediction: String,
    ground_truth: String,
    /// Per reason (masked as in [`ReasonLoss::reason`]), in reason order: ground-truth tokens
    /// removed, and other tokens removed.
    missed_by_reason: Vec<(String, usize, usize)>,
}

/// A low-scoring page with the passages that explain its score.
#[derive(Debug, Clone)]
pub struct WorstPage {
    /// The WCXB page id.
    pub id: String,
    /// The page type.
    pub page_type: String,
    /// The page URL, if known.
    pub url: Option<String>,
    /// Word-level precision, recall and F1 of the page.
    pub scores: WordScores,
    /// Up to 3 ground-truth passages mostly absent from the prediction, largest first, shortened.
    pub missed: Vec<String>,
    /// Up to 3 prediction passages mostly absent from the ground truth, largest first, shortened.
    pub leaked: Vec<String>,
    /// The cleaning error, if the cleaner failed on this page.
    pub clean_error: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Tokens and word-level scores
// ---------------------------------------------------------------------------------------------

/// Whether `c` is a word character in the sense of Python's `re` `\w` on `str`: Unicode
/// alphanumeric or underscore. (Rust's alphabetic property also covers a few combining vowel
/// signs that Python does not; the difference is negligible for scoring.)
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The maximal runs of word characters in `text`, as slices, not lowercased.
fn word_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|run| !run.is_empty())
}

/// Lowercases a token, borrowing it when it is already lowercase (the common case), since
/// predictions of a poor cleaner can hold millions of tokens.
fn lowercase_token(token: &str) -> Cow<'_, str> {
    let already_lowercase = token.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut lowered = c.to_lowercase();
            lowered.next() == Some(c) && lowered.next().is_none()
        }
    });
    if already_lowercase {
        Cow::Borrowed(token)
    } else {
        Cow::Owned(token.to_lowercase())
    }
}

/// The WCXB tokens of `text`: every `\w+` match, lowercased, in order. A run of CJK characters is
/// one token, as in the benchmark.
pub fn word_tokens(text: &str) -> Vec<String> {
    word_runs(text)
        .map(|token| lowercase_token(token).into_owned())
        .collect()
}

/// Multiset of lowercased tokens with the total count.
struct TokenCounts<'a> {
    counts: HashMap<Cow<'a, str>, u32>,
    total: usize,
}

impl<'a> TokenCounts<'a> {
    fn of(text: &'a str) -> Self {
        let mut counts: HashMap<Cow<'a, str>, u32> = HashMap::new();
        let mut total = 0;
        for token in word_runs(text) {
            *counts.entry(lowercase_token(token)).or_insert(0) += 1;
            total += 1;
        }
        TokenCounts { counts, total }
    }

    fn count(&self, token: &str) -> u32 {
        self.counts.get(token).copied().unwrap_or(0)
    }

    /// Σ over tokens of min(count here, count there).
    fn overlap(&self, other: &TokenCounts<'_>) -> usize {
        // Iterate over the smaller map: the result is symmetric.
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        small
            .counts
            .iter()
            .map(|(token, &count)| count.min(large.count(token)) as usize)
            .sum()
    }
}

/// Word-level precision, recall and F1 of `prediction` against `ground_truth` (the WCXB metric).
///
/// With overlap = Σ_t min(count_pred(t), count_gt(t)): precision = overlap / |pred| and
/// recall = overlap / |gt|, F1 their harmonic mean (0 when both are 0).
///
/// Edge cases, chosen so that only a correct answer scores: if both texts have no tokens, P, R and
/// F1 are all 1 (nothing was expected and nothing was produced). If exactly one side has no tokens,
/// P, R and F1 are all 0: an empty prediction for a page with content found nothing, and any output
/// for a page whose main content is empty is entirely wrong.
pub fn word_scores(prediction: &str, ground_truth: &str) -> WordScores {
    let predicted = TokenCounts::of(prediction);
    let expected = TokenCounts::of(ground_truth);
    scores_from_counts(&predicted, &expected)
}

fn scores_from_counts(predicted: &TokenCounts<'_>, expected: &TokenCounts<'_>) -> WordScores {
    let prediction_tokens = predicted.total;
    let ground_truth_tokens = expected.total;
    let (precision, recall, f1) = match (prediction_tokens, ground_truth_tokens) {
        (0, 0) => (1.0, 1.0, 1.0),
        (0, _) | (_, 0) => (0.0, 0.0, 0.0),
        (pred_total, gt_total) => {
            let overlap = predicted.overlap(expected) as f64;
            let precision = overlap / pred_total as f64;
            let recall = overlap / gt_total as f64;
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            (precision, recall, f1)
        }
    };
    WordScores {
        precision,
        recall,
        f1,
        prediction_tokens,
        ground_truth_tokens,
    }
}

// ---------------------------------------------------------------------------------------------
// Snippets
// ---------------------------------------------------------------------------------------------

/// Text prepared for snippet matching: lowercased, whitespace runs collapsed to one space, trimmed.
/// Both the prediction and each snippet go through this, so line breaks and case do not matter.
fn normalise_for_snippets(text: &str) -> String {
    let lowered = text.to_lowercase();
    let mut normalised = String::with_capacity(lowered.len());
    for word in lowered.split_whitespace() {
        if !normalised.is_empty() {
            normalised.push(' ');
        }
        normalised.push_str(word);
    }
    normalised
}

/// `text` with typographic single and double quotes (’ ‘ ‚ ‛ ′, “ ” „ ‟ ″) replaced by `'` and
/// `"`. Used only for the diagnostic [`PageResult::with_found_quotes_folded`].
fn fold_typographic_quotes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            c => c,
        })
        .collect()
}

/// Counts how many of `snippets` occur in `normalised_prediction` (already normalised), and how
/// many snippets were checked. Snippets that are empty after normalisation are skipped: they would
/// match anything and say nothing.
fn count_snippets(normalised_prediction: &str, snippets: &[String]) -> (usize, usize) {
    let mut present = 0;
    let mut checked = 0;
    for snippet in snippets {
        let needle = normalise_for_snippets(snippet);
        if needle.is_empty() {
            continue;
        }
        checked += 1;
        if normalised_prediction.contains(&needle) {
            present += 1;
        }
    }
    (present, checked)
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// What the ground-truth file of a page says, tolerant of missing and null fields.
#[derive(Debug, Clone, Default, PartialEq)]
struct GroundTruth {
    url: Option<String>,
    page_type: String,
    /// `None` when `ground_truth.main_content` is absent or null.
    main_content: Option<String>,
    with: Vec<String>,
    without: Vec<String>,
}

/// A page read from disk, ready to clean and score.
struct LoadedPage {
    id: String,
    html: Vec<u8>,
    truth: GroundTruth,
}

fn string_at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v str> {
    path.iter()
        .try_fold(value, |node, key| node.get(key))
        .and_then(Value::as_str)
}

/// Reads a list of snippets; non-string entries are ignored.
fn strings_at(value: &Value, path: &[&str]) -> Vec<String> {
    path.iter()
        .try_fold(value, |node, key| node.get(key))
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn parse_ground_truth(bytes: &[u8]) -> Result<GroundTruth, String> {
    let document: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if !document.is_object() {
        return Err("top level is not a JSON object".to_owned());
    }
    let url = string_at(&document, &["url"])
        .or_else(|| string_at(&document, &["ground_truth", "url"]))
        .filter(|url| !url.is_empty())
        .map(str::to_owned);
    let page_type = string_at(&document, &["_internal", "page_type", "primary"])
        .filter(|name| !name.is_empty())
        .unwrap_or(UNKNOWN_PAGE_TYPE)
        .to_owned();
    Ok(GroundTruth {
        url,
        page_type,
        main_content: string_at(&document, &["ground_truth", "main_content"]).map(str::to_owned),
        with: strings_at(&document, &["ground_truth", "with"]),
        without: strings_at(&document, &["ground_truth", "without"]),
    })
}

fn read_gzip(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut html = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut html)
        .map_err(|e| format!("{}: cannot decompress: {e}", path.display()))?;
    if html.len() as u64 > MAX_PAGE_BYTES {
        return Err(format!(
            "{}: decompresses to more than {MAX_PAGE_BYTES} bytes",
            path.display()
        ));
    }
    Ok(html)
}

fn load_page(dataset_dir: &Path, id: &str) -> Result<LoadedPage, String> {
    let truth_path = dataset_dir
        .join(GROUND_TRUTH_DIR)
        .join(format!("{id}.json"));
    let truth_bytes =
        std::fs::read(&truth_path).map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let truth = parse_ground_truth(&truth_bytes)
        .map_err(|cause| format!("{}: {cause}", truth_path.display()))?;
    let html = read_gzip(&dataset_dir.join(HTML_DIR).join(format!("{id}.html.gz")))?;
    Ok(LoadedPage {
        id: id.to_owned(),
        html,
        truth,
    })
}

/// Checks the layout and lists the page ids (stems of `ground-truth/*.json`), sorted.
fn list_page_ids(dataset_dir: &Path) -> Result<Vec<String>, EvalError> {
    for sub in [GROUND_TRUTH_DIR, HTML_DIR] {
        let path = dataset_dir.join(sub);
        if !path.is_dir() {
            return Err(EvalError::NotWcxbLayout {
                path,
                reason: format!("missing directory `{sub}/`"),
            });
        }
    }
    let truth_dir = dataset_dir.join(GROUND_TRUTH_DIR);
    let list_error = |source| EvalError::ListDirectory {
        path: truth_dir.clone(),
        source,
    };
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&truth_dir).map_err(list_error)? {
        let entry = entry.map_err(list_error)?;
        let file_name = entry.file_name();
        // Non-UTF-8 names cannot be WCXB ids; skip them rather than guess.
        if let Some(id) = file_name.to_str().and_then(|n| n.strip_suffix(".json")) {
            if !id.is_empty() {
                ids.push(id.to_owned());
            }
        }
    }
    if ids.is_empty() {
        return Err(EvalError::NotWcxbLayout {
            path: truth_dir,
            reason: "no `.json` ground-truth files".to_owned(),
        });
    }
    ids.sort();
    Ok(ids)
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/// Runs the cleaner, turning an error or a panic into an error message, so that one bad page
/// cannot abort a benchmark run.
fn clean_one<F, P>(clean: &F, input: &PageInput<'_>) -> Result<Prediction, String>
where
    F: Fn(&PageInput) -> Result<P, String>,
    P: Into<Prediction>,
{
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| clean(input))) {
        Ok(result) => result.map(Into::into),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic payload".to_owned());
            Err(format!("cleaner panicked: {message}"))
        }
    }
}

/// Evaluates `clean` on the WCXB dataset in `dataset_dir`.
///
/// All pages are loaded first (every `html/<id>.html.gz` decompressed, every ground truth
/// parsed; the ground-truth files decide which ids exist). A page whose files cannot be read is
/// recorded as a load [`Failure`] and left out of the scores. Then only the cleaning is timed:
/// `clean` runs over all pages in parallel on the rayon pool. A cleaning error (or panic) is
/// recorded as a clean [`Failure`] and scored as an empty prediction. Results are in id order, so
/// the report does not depend on scheduling.
///
/// `clean` returns the text to score (a `String`) or a [`Prediction`] that also lists what it
/// removed and why.
///
/// Fails only if `dataset_dir` is not a WCXB layout (no `html/` or `ground-truth/` directory, no
/// ground-truth files, or the ground-truth directory cannot be listed).
pub fn run_eval<F, P>(
    dataset_dir: &Path,
    options: &EvalOptions,
    clean: F,
) -> Result<EvalReport, EvalError>
where
    F: Fn(&PageInput) -> Result<P, String> + Sync,
    P: Into<Prediction>,
{
    run_eval_two_pass(dataset_dir, options, |_: &[PageInput<'_>]| {}, clean)
}

/// Scores predictions that another extractor wrote beforehand, one UTF-8 text file
/// `<predictions_dir>/<id>.txt` per page, with the same metric and report as [`run_eval`]: the
/// way to compare dechrome with other tools on one definition.
///
/// A page without its file, or whose file is not UTF-8, is a clean [`Failure`] scored as an
/// empty prediction (an extractor that found nothing should write an empty file). Fails like
/// [`run_eval`], and also when `predictions_dir` is not a directory.
pub fn run_eval_on_files(
    dataset_dir: &Path,
    options: &EvalOptions,
    predictions_dir: &Path,
) -> Result<EvalReport, EvalError> {
    if !predictions_dir.is_dir() {
        return Err(EvalError::NoPredictions {
            path: predictions_dir.to_path_buf(),
        });
    }
    let mut report = run_eval(dataset_dir, options, |page: &PageInput| {
        read_prediction(predictions_dir, page.id)
    })?;
    report.predictions_dir = Some(predictions_dir.to_path_buf());
    Ok(report)
}

/// Reads the prediction file of page `id`, naming the file in any error.
fn read_prediction(predictions_dir: &Path, id: &str) -> Result<String, String> {
    let path = predictions_dir.join(format!("{id}.txt"));
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8: {e}", path.display()))
}

/// Like [`run_eval`], with a first pass over all loaded pages before any is cleaned (e.g.
/// learning a site profile); its time counts as cleaning time.
pub fn run_eval_two_pass<L, F, P>(
    dataset_dir: &Path,
    options: &EvalOptions,
    learn: L,
    clean: F,
) -> Result<EvalReport, EvalError>
where
    L: FnOnce(&[PageInput<'_>]),
    F: Fn(&PageInput) -> Result<P, String> + Sync,
    P: Into<Prediction>,
{
    let load_start = Instant::now();
    let mut ids = list_page_ids(dataset_dir)?;
    if let Some(limit) = options.limit {
        ids.truncate(limit);
    }
    let loaded: Vec<Result<LoadedPage, Failure>> = ids
        .par_iter()
        .map(|id| {
            load_page(dataset_dir, id).map_err(|cause| Failure {
                id: id.clone(),
                stage: FailureStage::Load,
                cause,
            })
        })
        .collect();
    let mut failures = Vec::new();
    let mut pages = Vec::with_capacity(loaded.len());
    for outcome in loaded {
        match outcome {
            Ok(page) => pages.push(page),
            Err(failure) => failures.push(failure),
        }
    }
    let load_time = load_start.elapsed();

    let threads = rayon::current_num_threads();
    let clean_start = Instant::now();
    let inputs: Vec<PageInput<'_>> = pages
        .iter()
        .map(|page| PageInput {
            id: &page.id,
            url: page.truth.url.as_deref(),
            html: &page.html,
        })
        .collect();
    learn(&inputs);
    drop(inputs);
    let predictions: Vec<Result<Prediction, String>> = pages
        .par_iter()
        .map(|page| {
            let input = PageInput {
                id: &page.id,
                url: page.truth.url.as_deref(),
                html: &page.html,
            };
            clean_one(&clean, &input)
        })
        .collect();
    let clean_time = clean_start.elapsed();
    let bytes = pages.iter().map(|page| page.html.len() as u64).sum();
    let throughput = Throughput {
        load_time,
        clean_time,
        documents: pages.len(),
        bytes,
        threads,
    };

    // Scoring is not timed and can be slow for a cleaner that returns whole pages: parallel too.
    let scored: Vec<(PageResult, PageTexts)> = pages
        .into_par_iter()
        .zip(predictions.into_par_iter())
        .map(|(page, prediction)| score_page(page, prediction))
        .collect();
    let mut results = Vec::with_capacity(scored.len());
    let mut texts = Vec::with_capacity(scored.len());
    for (result, page_texts) in scored {
        if let Some(error) = &result.clean_error {
            failures.push(Failure {
                id: result.id.clone(),
                stage: FailureStage::Clean,
                cause: error.clone(),
            });
        }
        results.push(result);
        texts.push(page_texts);
    }

    let mut report = EvalReport::from_results(results, texts, failures, throughput);
    report.worst = report.worst_pages(options.worst);
    report.missed_by_reason = report.missed_by_reason(options.by_reason);
    Ok(report)
}

fn score_page(page: LoadedPage, prediction: Result<Prediction, String>) -> (PageResult, PageTexts) {
    let (prediction, removed, clean_error) = match prediction {
        Ok(Prediction { text, removed }) => (text, removed, None),
        Err(error) => (String::new(), Vec::new(), Some(error)),
    };
    let truth = page.truth;
    let ground_truth_missing = truth.main_content.is_none();
    let ground_truth = truth.main_content.unwrap_or_default();
    let scores = word_scores(&prediction, &ground_truth);
    let normalised_prediction = normalise_for_snippets(&prediction);
    let (with_found, with_total) = count_snippets(&normalised_prediction, &truth.with);
    let (with_found_quotes_folded, _) = count_snippets(
        &fold_typographic_quotes(&normalised_prediction),
        &truth
            .with
            .iter()
            .map(|s| fold_typographic_quotes(s))
            .collect::<Vec<_>>(),
    );
    let (without_leaked, without_total) = count_snippets(&normalised_prediction, &truth.without);
    let result = PageResult {
        id: page.id,
        page_type: truth.page_type,
        url: truth.url,
        scores,
        with_found,
        with_found_quotes_folded,
        with_total,
        without_leaked,
        without_total,
        prediction_bytes: prediction.len(),
        ground_truth_missing,
        clean_error,
    };
    (
        result,
        PageTexts {
            missed_by_reason: missed_by_reason(&prediction, &ground_truth, &removed),
            prediction,
            ground_truth,
        },
    )
}

impl Aggregate {
    fn of<'r>(results: impl IntoIterator<Item = &'r PageResult>) -> Aggregate {
        let mut sum = Aggregate::default();
        for result in results {
            sum.pages += 1;
            sum.precision += result.scores.precision;
            sum.recall += result.scores.recall;
            sum.f1 += result.scores.f1;
            if result.with_total > 0 {
                sum.with_pages += 1;
                sum.with_found_rate += result.with_found as f64 / result.with_total as f64;
                sum.with_found_rate_quotes_folded +=
                    result.with_found_quotes_folded as f64 / result.with_total as f64;
            }
            if result.without_total > 0 {
                sum.without_pages += 1;
                sum.without_leaked_rate +=
                    result.without_leaked as f64 / result.without_total as f64;
            }
            if result.scores.ground_truth_tokens == 0 {
                sum.empty_ground_truth_pages += 1;
            }
        }
        let mean = |total: f64, count: usize| {
            if count > 0 {
                total / count as f64
            } else {
                0.0
            }
        };
        Aggregate {
            precision: mean(sum.precision, sum.pages),
            recall: mean(sum.recall, sum.pages),
            f1: mean(sum.f1, sum.pages),
            with_found_rate: mean(sum.with_found_rate, sum.with_pages),
            with_found_rate_quotes_folded: mean(sum.with_found_rate_quotes_folded, sum.with_pages),
            without_leaked_rate: mean(sum.without_leaked_rate, sum.without_pages),
            ..sum
        }
    }

    fn to_json(&self) -> Value {
        json!({
            "pages": self.pages,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "with_found_rate": self.with_found_rate,
            "with_found_rate_quotes_folded": self.with_found_rate_quotes_folded,
            "with_pages": self.with_pages,
            "without_leaked_rate": self.without_leaked_rate,
            "without_pages": self.without_pages,
            "empty_ground_truth_pages": self.empty_ground_truth_pages,
        })
    }
}

impl PageResult {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "page_type": self.page_type,
            "url": self.url,
            "precision": self.scores.precision,
            "recall": self.scores.recall,
            "f1": self.scores.f1,
            "prediction_tokens": self.scores.prediction_tokens,
            "ground_truth_tokens": self.scores.ground_truth_tokens,
            "with_found": self.with_found,
            "with_found_quotes_folded": self.with_found_quotes_folded,
            "with_total": self.with_total,
            "without_leaked": self.without_leaked,
            "without_total": self.without_total,
            "prediction_bytes": self.prediction_bytes,
            "ground_truth_missing": self.ground_truth_missing,
            "clean_error": self.clean_error,
        })
    }
}

impl WordScores {
    fn to_json(self) -> Value {
        json!({
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "prediction_tokens": self.prediction_tokens,
            "ground_truth_tokens": self.ground_truth_tokens,
        })
    }
}

impl WorstPage {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "page_type": self.page_type,
            "url": self.url,
            "scores": self.scores.to_json(),
            "missed": self.missed,
            "leaked": self.leaked,
            "clean_error": self.clean_error,
        })
    }
}

impl EvalReport {
    fn from_results(
        pages: Vec<PageResult>,
        texts: Vec<PageTexts>,
        failures: Vec<Failure>,
        throughput: Throughput,
    ) -> EvalReport {
        let overall = Aggregate::of(&pages);
        let mut grouped: BTreeMap<&str, Vec<&PageResult>> = BTreeMap::new();
        for page in &pages {
            grouped.entry(&page.page_type).or_default().push(page);
        }
        let by_type = grouped
            .into_iter()
            .map(|(page_type, group)| (page_type.to_owned(), Aggregate::of(group)))
            .collect();
        EvalReport {
            pages,
            overall,
            by_type,
            failures,
            throughput,
            worst: Vec::new(),
            predictions_dir: None,
            missed_by_reason: Vec::new(),
            texts,
        }
    }

    /// The `n` pages with the lowest F1 (ties by id), each with its biggest missed passages
    /// (ground-truth lines mostly absent from the prediction) and biggest leaked passages
    /// (prediction lines mostly absent from the ground truth).
    ///
    /// Pages whose ground-truth text is empty or missing are not ranked: they score 0 for any
    /// non-empty output, there is nothing to miss, and they would crowd out the pages that teach
    /// something. [`Aggregate::empty_ground_truth_pages`] counts them.
    pub fn worst_pages(&self, n: usize) -> Vec<WorstPage> {
        if n == 0 {
            return Vec::new();
        }
        let mut ranked: Vec<usize> = (0..self.pages.len())
            .filter(|&i| self.pages[i].scores.ground_truth_tokens > 0)
            .collect();
        ranked.sort_by(|&a, &b| {
            let (left, right) = (&self.pages[a], &self.pages[b]);
            left.scores
                .f1
                .total_cmp(&right.scores.f1)
                .then_with(|| left.id.cmp(&right.id))
        });
        ranked
            .into_iter()
            .take(n)
            .map(|i| {
                let page = &self.pages[i];
                let (missed, leaked) = match self.texts.get(i) {
                    Some(texts) => explain_page(&texts.prediction, &texts.ground_truth),
                    None => (Vec::new(), Vec::new()),
                };
                WorstPage {
                    id: page.id.clone(),
                    page_type: page.page_type.clone(),
                    url: page.url.clone(),
                    scores: page.scores,
                    missed,
                    leaked,
                    clean_error: page.clean_error.clone(),
                }
            })
            .collect()
    }

    /// The `n` reasons whose removals cost the most ground-truth text, most costly first (ties by
    /// reason): for each, the pages and tokens it cost and the mean recall it took, overall and
    /// per page type.
    ///
    /// A removed passage counts as ground-truth text when its tokens, in order, occur in the
    /// ground truth more often than in the prediction (and than the passages already counted);
    /// passages of fewer than three tokens are not counted. Empty unless the cleaner filled
    /// [`Prediction::removed`].
    pub fn missed_by_reason(&self, n: usize) -> Vec<ReasonLoss> {
        if n == 0 {
            return Vec::new();
        }
        #[derive(Default)]
        struct Totals<'r> {
            words: usize,
            right_words: usize,
            share: f64,
            by_type: BTreeMap<&'r str, f64>,
            pages: Vec<(usize, &'r str)>,
        }
        let mut totals: BTreeMap<&str, Totals<'_>> = BTreeMap::new();
        for (page, texts) in self.pages.iter().zip(&self.texts) {
            let truth_tokens = page.scores.ground_truth_tokens;
            for (reason, words, right_words) in &texts.missed_by_reason {
                let entry = totals.entry(reason).or_default();
                entry.right_words += right_words;
                if *words == 0 || truth_tokens == 0 {
                    continue;
                }
                let share = *words as f64 / truth_tokens as f64;
                entry.words += words;
                entry.share += share;
                *entry.by_type.entry(&page.page_type).or_default() += share;
                entry.pages.push((*words, &page.id));
            }
        }
        let mean = |sum: f64, pages: usize| {
            if pages > 0 {
                sum / pages as f64
            } else {
                0.0
            }
        };
        let mut losses: Vec<ReasonLoss> = totals
            .into_iter()
            .filter(|(_, totals)| totals.words > 0)
            .map(|(reason, mut totals)| {
                // Most lost first; ties in id order (pages are in id order already).
                totals
                    .pages
                    .sort_by_key(|&(words, _)| std::cmp::Reverse(words));
                ReasonLoss {
                    reason: reason.to_owned(),
                    pages: totals.pages.len(),
                    words: totals.words,
                    right_words: totals.right_words,
                    recall_lost: mean(totals.share, self.overall.pages),
                    by_type: totals
                        .by_type
                        .into_iter()
                        .map(|(page_type, sum)| {
                            let type_pages = self.by_type.get(page_type).map_or(0, |a| a.pages);
                            (page_type.to_owned(), mean(sum, type_pages))
                        })
                        .collect(),
                    example_pages: totals
                        .pages
                        .iter()
                        .take(REASON_EXAMPLE_PAGES)
                        .map(|&(_, id)| id.to_owned())
                        .collect(),
                }
            })
            .collect();
        losses.sort_by(|a, b| {
            b.recall_lost
                .total_cmp(&a.recall_lost)
                .then_with(|| a.reason.cmp(&b.reason))
        });
        losses.truncate(n);
        losses
    }

    /// The report as JSON, for machines: overall and per-type aggregates, throughput, failures,
    /// worst pages, and every page's scores. Predictions are not included.
    pub fn to_json(&self) -> Value {
        let by_type: serde_json::Map<String, Value> = self
            .by_type
            .iter()
            .map(|(page_type, aggregate)| (page_type.clone(), aggregate.to_json()))
            .collect();
        let throughput = &self.throughput;
        json!({
            "overall": self.overall.to_json(),
            "by_type": by_type,
            "throughput": {
                "load_seconds": throughput.load_time.as_secs_f64(),
                "clean_seconds": throughput.clean_time.as_secs_f64(),
                "documents": throughput.documents,
                "bytes": throughput.bytes,
                "threads": throughput.threads,
                "documents_per_second": throughput.documents_per_second(),
                "megabytes_per_second": throughput.megabytes_per_second(),
            },
            "failures": self.failures.iter().map(|failure| json!({
                "id": failure.id,
                "stage": failure.stage.as_str(),
                "cause": failure.cause,
            })).collect::<Vec<_>>(),
            "worst": self.worst.iter().map(WorstPage::to_json).collect::<Vec<_>>(),
            "missed_by_reason": self.missed_by_reason.iter().map(|loss| json!({
                "reason": loss.reason,
                "pages": loss.pages,
                "words": loss.words,
                "right_words": loss.right_words,
                "recall_lost": loss.recall_lost,
                "by_type": loss.by_type,
                "example_pages": loss.example_pages,
            })).collect::<Vec<_>>(),
            "predictions_dir": self.predictions_dir.as_ref().map(|dir| dir.display().to_string()),
            "pages": self.pages.iter().map(PageResult::to_json).collect::<Vec<_>>(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Passage analysis for the worst pages
// ---------------------------------------------------------------------------------------------

/// The text's tokens, lowercased, each between single spaces, with a space at both ends: a
/// passage is in a text when its joined form is a substring of the text's.
fn joined_tokens(text: &str) -> String {
    let mut joined = String::with_capacity(text.len() + 2);
    joined.push(' ');
    for token in word_runs(text) {
        joined.push_str(&lowercase_token(token));
        joined.push(' ');
    }
    joined
}

/// Writes a cleaner's reason with each run of digits (and the `.` or `,` inside a number) as
/// `N` and each quoted text as `"…"`, so that one rule's removals are one row however many
/// links or repeats it counted and whatever class or phrase it named.
fn reason_family(reason: &str) -> String {
    let chars: Vec<char> = reason.chars().collect();
    let mut family = String::with_capacity(reason.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '"' {
            if let Some(close) = chars[i + 1..].iter().position(|&c| c == '"') {
                family.push_str("\"…\"");
                i += close + 2;
                continue;
            }
        }
        if chars[i].is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            family.push('N');
        } else {
            family.push(chars[i]);
            i += 1;
        }
    }
    family
}

/// The ground-truth tokens each reason removed from one page, and the other tokens it removed:
/// a removed passage of at least [`MISSED_PASSAGE_MIN_TOKENS`] tokens is ground truth when its
/// tokens, in order, occur in the ground truth more often than in the prediction and than the
/// removed passages already counted.
fn missed_by_reason(
    prediction: &str,
    ground_truth: &str,
    removed: &[RemovedPassage],
) -> Vec<(String, usize, usize)> {
    if removed.is_empty() || ground_truth.trim().is_empty() {
        return Vec::new();
    }
    let truth = joined_tokens(ground_truth);
    let predicted = joined_tokens(prediction);
    let mut counted: HashMap<String, usize> = HashMap::new();
    let mut totals: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for passage in removed {
        let key = joined_tokens(&passage.text);
        let tokens = key.split(' ').filter(|token| !token.is_empty()).count();
        if tokens < MISSED_PASSAGE_MIN_TOKENS {
            continue;
        }
        let in_truth = truth.matches(key.as_str()).count();
        let lost = in_truth > 0 && {
            let in_prediction = predicted.matches(key.as_str()).count();
            let already = counted.entry(key).or_insert(0);
            let lost = in_truth > in_prediction + *already;
            *already += usize::from(lost);
            lost
        };
        let entry = totals.entry(reason_family(&passage.reason)).or_default();
        if lost {
            entry.0 += tokens;
        } else {
            entry.1 += tokens;
        }
    }
    totals
        .into_iter()
        .map(|(reason, (lost, right))| (reason, lost, right))
        .collect()
}

/// A passage of text and how many tokens it has.
struct Passage<'a> {
    text: &'a str,
    tokens: usize,
}

/// Finds the passages of `ground_truth` missing from `prediction` and those of `prediction`
/// absent from `ground_truth`, each largest first, shortened for display.
fn explain_page(prediction: &str, ground_truth: &str) -> (Vec<String>, Vec<String>) {
    let predicted = TokenCounts::of(prediction);
    let expected = TokenCounts::of(ground_truth);
    let missed = absent_passages(ground_truth, &expected, &predicted);
    let leaked = absent_passages(prediction, &predicted, &expected);
    (missed, leaked)
}

/// Passages (non-blank lines) of `text` whose tokens are mostly absent from `other`.
///
/// Token presence is judged on the whole texts, not per passage, so a word that occurs more often
/// in `text` than in `other` is only partly present: each occurrence counts as absent with
/// probability deficit(t) / count(t), where deficit(t) = max(0, count(t) − other(t)). This keeps
/// common words ("the", "and") that appear elsewhere in `other` from hiding a missing paragraph
/// only as far as `other` really has enough of them.
fn absent_passages(text: &str, own: &TokenCounts<'_>, other: &TokenCounts<'_>) -> Vec<String> {
    let mut passages: Vec<Passage<'_>> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let mut tokens = 0usize;
            let mut absent = 0.0f64;
            for token in word_runs(line) {
                let token = lowercase_token(token);
                let count = own.count(&token);
                if count == 0 {
                    continue;
                }
                tokens += 1;
                let deficit = count.saturating_sub(other.count(&token));
                absent += f64::from(deficit) / f64::from(count);
            }
            (tokens > 0 && absent / tokens as f64 > MOSTLY_ABSENT)
                .then_some(Passage { text: line, tokens })
        })
        .collect();
    // Stable sort: equal sizes keep document order.
    passages.sort_by_key(|passage| std::cmp::Reverse(passage.tokens));
    passages
        .into_iter()
        .take(PASSAGES_PER_WORST_PAGE)
        .map(|passage| shorten(passage.text, PASSAGE_DISPLAY_CHARS))
        .collect()
}

/// Collapses whitespace and cuts `text` to at most `max_chars` characters, marking a cut with `…`.
fn shorten(text: &str, max_chars: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max_chars {
        return collapsed;
    }
    let mut shortened: String = collapsed
        .chars()
        .take(max_chars.saturating_sub(1))
        .collect();
    shortened.push('…');
    shortened
}

// ---------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------

fn write_aggregate_row(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    aggregate: &Aggregate,
) -> fmt::Result {
    let snippet_rate = |rate: f64, pages: usize| {
        if pages > 0 {
            format!("{:.1}%", rate * 100.0)
        } else {
            "-".to_owned()
        }
    };
    writeln!(
        f,
        "{name:<14} {pages:>6} {precision:>9.3} {recall:>7.3} {f1:>7.3} {with:>11} {without:>15}",
        pages = aggregate.pages,
        precision = aggregate.precision,
        recall = aggregate.recall,
        f1 = aggregate.f1,
        with = snippet_rate(aggregate.with_found_rate, aggregate.with_pages),
        without = snippet_rate(aggregate.without_leaked_rate, aggregate.without_pages),
    )
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<14} {:>6} {:>9} {:>7} {:>7} {:>11} {:>15}",
            "type", "pages", "precision", "recall", "F1", "with found", "without leaked"
        )?;
        write_aggregate_row(f, "overall", &self.overall)?;
        for (page_type, aggregate) in &self.by_type {
            write_aggregate_row(f, page_type, aggregate)?;
        }
        if self.overall.empty_ground_truth_pages > 0 {
            writeln!(
                f,
                "({} pages have empty ground-truth text: F1 1 only for empty output, else 0)",
                self.overall.empty_ground_truth_pages
            )?;
        }
        if self.overall.with_pages > 0
            && self.overall.with_found_rate_quotes_folded > self.overall.with_found_rate
        {
            writeln!(
                f,
                "(with found once typographic quotes are folded to ASCII on both sides: {:.1}%; many snippets have ' where the page has ’)",
                self.overall.with_found_rate_quotes_folded * 100.0
            )?;
        }
        let throughput = &self.throughput;
        if let Some(dir) = &self.predictions_dir {
            writeln!(
                f,
                "predictions: {} documents read from {} (not timed: another tool wrote them)",
                throughput.documents,
                dir.display(),
            )?;
        } else {
            writeln!(
            f,
            "cleaning: {} documents, {:.1} MB in {:.2} s wall on {} threads: {:.1} documents/s, {:.2} MB/s (loading took {:.2} s)",
            throughput.documents,
            throughput.bytes as f64 / 1e6,
            throughput.clean_time.as_secs_f64(),
            throughput.threads,
            throughput.documents_per_second(),
            throughput.megabytes_per_second(),
            throughput.load_time.as_secs_f64(),
        )?;
        }
        let load_failures = self
            .failures
            .iter()
            .filter(|failure| failure.stage == FailureStage::Load)
            .count();
        writeln!(
            f,
            "failures: {} ({} load, not scored; {} clean, scored as empty)",
            self.failures.len(),
            load_failures,
            self.failures.len() - load_failures
        )?;
        for failure in self.failures.iter().take(FAILURES_SHOWN) {
            writeln!(
                f,
                "  {} [{}] {}",
                failure.id,
                failure.stage.as_str(),
                failure.cause
            )?;
        }
        if self.failures.len() > FAILURES_SHOWN {
            writeln!(f, "  … and {} more", self.failures.len() - FAILURES_SHOWN)?;
        }
        if !self.worst.is_empty() {
            writeln!(f, "\nworst {} pages by F1:", self.worst.len())?;
            for page in &self.worst {
                write!(f, "{page}")?;
            }
        }
        if !self.missed_by_reason.is_empty() {
            writeln!(
                f,
                "\nground-truth text removed, by reason (recall lost: mean recall keeping it would add; right: other words it removed):"
            )?;
            writeln!(
                f,
                "{:>11} {:>6} {:>7} {:>8}  {:<24} reason [pages that lost most]",
                "recall lost", "pages", "words", "right", "most lost in"
            )?;
            for loss in &self.missed_by_reason {
                let most = loss
                    .by_type
                    .iter()
                    .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(page_type, lost)| format!("{page_type} {lost:.4}"))
                    .unwrap_or_default();
                writeln!(
                    f,
                    "{:>11.4} {:>6} {:>7} {:>8}  {:<24} {} [{}]",
                    loss.recall_lost,
                    loss.pages,
                    loss.words,
                    loss.right_words,
                    most,
                    loss.reason,
                    loss.example_pages.join(" ")
                )?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for WorstPage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} [{}] F1 {:.3} (P {:.3}, R {:.3}; {} predicted / {} expected tokens) {}",
            self.id,
            self.page_type,
            self.scores.f1,
            self.scores.precision,
            self.scores.recall,
            self.scores.prediction_tokens,
            self.scores.ground_truth_tokens,
            self.url.as_deref().unwrap_or("(no url)"),
        )?;
        if let Some(error) = &self.clean_error {
            writeln!(f, "  clean error: {error}")?;
        }
        for passage in &self.missed {
            writeln!(f, "  missed: {passage}")?;
        }
        for passage in &self.leaked {
            writeln!(f, "  leaked: {passage}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 1e-12
    }

    #[test]
    fn tokens_are_lowercased_unicode_word_runs() {
        assert_eq!(
            word_tokens("Hello, WORLD! snake_case x-ray 3.14 Ünïcödé"),
            [
                "hello",
                "world",
                "snake_case",
                "x",
                "ray",
                "3",
                "14",
                "ünïcödé"
            ]
        );
        assert_eq!(word_tokens("__init__ _"), ["__init__", "_"]);
        assert_eq!(word_tokens("  ...  \n--- "), Vec::<String>::new());
        assert_eq!(word_tokens("l'été dernier"), ["l", "été", "dernier"]);
    }

    #[test]
    fn cjk_run_is_one_token() {
        assert_eq!(
            word_tokens("日本語のテキスト。次の文"),
            ["日本語のテキスト", "次の文"]
        );
        assert_eq!(word_tokens("中文abc123"), ["中文abc123"]);
    }

    #[test]
    fn lowercasing_handles_non_ascii_and_final_sigma() {
        assert_eq!(
            word_tokens("ÉCOLE Straße ΟΔΟΣ"),
            ["école", "straße", "οδος"]
        );
        assert!(matches!(lowercase_token("already"), Cow::Borrowed(_)));
        assert!(matches!(lowercase_token("Capital"), Cow::Owned(_)));
        // A titlecase digraph is not uppercase but still lowercases.
        assert_eq!(lowercase_token("ǅ"), "ǆ");
    }

    #[test]
    fn multiset_scores_on_small_examples() {
        // pred: a a b c (4), gt: a b b d e (5); overlap = min(2,1)+min(1,2) = 2.
        let scores = word_scores("a a b c", "A b B d e");
        assert!(close(scores.precision, 0.5));
        assert!(close(scores.recall, 0.4));
        assert!(close(scores.f1, 2.0 * 0.5 * 0.4 / 0.9));
        assert_eq!(
            (scores.prediction_tokens, scores.ground_truth_tokens),
            (4, 5)
        );

        let perfect = word_scores("The cat, the hat.", "the CAT the hat");
        assert!(close(perfect.f1, 1.0));

        let disjoint = word_scores("alpha beta", "gamma delta");
        assert_eq!(
            (disjoint.precision, disjoint.recall, disjoint.f1),
            (0.0, 0.0, 0.0)
        );

        // Superset prediction: full recall, precision 2/6.
        let superset = word_scores("menu home one two login footer", "one two");
        assert!(close(superset.recall, 1.0));
        assert!(close(superset.precision, 1.0 / 3.0));
        assert!(close(superset.f1, 0.5));
    }

    #[test]
    fn empty_sides() {
        let both = word_scores("", " ... ");
        assert_eq!((both.precision, both.recall, both.f1), (1.0, 1.0, 1.0));
        let no_prediction = word_scores("", "some text");
        assert_eq!(
            (
                no_prediction.precision,
                no_prediction.recall,
                no_prediction.f1
            ),
            (0.0, 0.0, 0.0)
        );
        let no_truth = word_scores("some text", "");
        assert_eq!(
            (no_truth.precision, no_truth.recall, no_truth.f1),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn snippets_match_ignoring_case_and_whitespace() {
        let prediction = normalise_for_snippets("Hello\n\n  World,\tthis is\u{a0}ME.\nFooter");
        let snippets = vec![
            "hello world".to_owned(),
            "  THIS   is me.".to_owned(),
            "world, this is\nme".to_owned(),
            "not there".to_owned(),
            "   ".to_owned(),
        ];
        assert_eq!(count_snippets(&prediction, &snippets), (3, 4));
        assert_eq!(count_snippets(&prediction, &[]), (0, 0));
        assert_eq!(count_snippets("", &["x".to_owned()]), (0, 1));
    }

    #[test]
    fn typographic_quotes_fold_only_in_the_diagnostic_count() {
        let truth = GroundTruth {
            main_content: Some("It's here".to_owned()),
            with: vec![
                "it's here".to_owned(),
                "\u{201c}quoted\u{201d} words".to_owned(),
            ],
            ..GroundTruth::default()
        };
        let page = LoadedPage {
            id: "0001".to_owned(),
            html: Vec::new(),
            truth,
        };
        let (result, _) = score_page(
            page,
            Ok("It\u{2019}s here. \"Quoted\" words".to_owned().into()),
        );
        assert_eq!((result.with_found, result.with_total), (0, 2));
        assert_eq!(result.with_found_quotes_folded, 2);
        let aggregate = Aggregate::of([&result]);
        assert_eq!(aggregate.with_found_rate, 0.0);
        assert_eq!(aggregate.with_found_rate_quotes_folded, 1.0);
    }

    #[test]
    fn ground_truth_parsing_tolerates_nulls_and_missing_fields() {
        let full = br#"{"url": "https://e.com/a", "_internal": {"page_type": {"primary": "forum"}},
            "ground_truth": {"title": "T", "main_content": "Body", "with": ["w", 3, null], "without": ["x"]}}"#;
        assert_eq!(
            parse_ground_truth(full),
            Ok(GroundTruth {
                url: Some("https://e.com/a".to_owned()),
                page_type: "forum".to_owned(),
                main_content: Some("Body".to_owned()),
                with: vec!["w".to_owned()],
                without: vec!["x".to_owned()],
            })
        );
        let sparse =
            br#"{"_internal": null, "ground_truth": {"main_content": null, "with": null}}"#;
        assert_eq!(
            parse_ground_truth(sparse),
            Ok(GroundTruth {
                page_type: UNKNOWN_PAGE_TYPE.to_owned(),
                ..GroundTruth::default()
            })
        );
        let nested_url = br#"{"ground_truth": {"url": "https://e.com/b"}}"#;
        assert_eq!(
            parse_ground_truth(nested_url).map(|truth| truth.url),
            Ok(Some("https://e.com/b".to_owned()))
        );
        assert!(parse_ground_truth(b"[1, 2]").is_err());
        assert!(parse_ground_truth(b"{not json").is_err());
    }

    #[test]
    fn shorten_marks_cuts() {
        assert_eq!(shorten("a  b\n c", 10), "a b c");
        assert_eq!(shorten("abcdefghij", 5), "abcd…");
        assert_eq!(shorten("éééééé", 4), "ééé…");
    }

    #[test]
    fn passages_report_missing_and_leaked_lines() {
        let truth =
            "Intro line about rust\n\nThe missing paragraph with unique words zebra quokka\nShort";
        let prediction = "Menu Home Login\nIntro line about rust\nShort";
        let (missed, leaked) = explain_page(prediction, truth);
        assert_eq!(
            missed,
            ["The missing paragraph with unique words zebra quokka"]
        );
        assert_eq!(leaked, ["Menu Home Login"]);
    }

    fn write_page(dir: &Path, id: &str, html: &str, truth: &Value) {
        let mut encoder = flate2::write::GzEncoder::new(
            std::fs::File::create(dir.join(HTML_DIR).join(format!("{id}.html.gz"))).unwrap(),
            flate2::Compression::default(),
        );
        encoder.write_all(html.as_bytes()).unwrap();
        encoder.finish().unwrap();
        std::fs::write(
            dir.join(GROUND_TRUTH_DIR).join(format!("{id}.json")),
            serde_json::to_vec(truth).unwrap(),
        )
        .unwrap();
    }

    fn synthetic_dataset() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(HTML_DIR)).unwrap();
        std::fs::create_dir(dir.path().join(GROUND_TRUTH_DIR)).unwrap();
        // Page 1: prediction "menu one two three" vs "one two three four":
        // overlap 3, P = 3/4, R = 3/4, F1 = 3/4; with 1/2 found, without 1/1 leaked.
        write_page(
            dir.path(),
            "p1",
            "menu one two three",
            &json!({
                "url": "https://example.com/1",
                "_internal": {"page_type": {"primary": "article"}},
                "ground_truth": {"title": "One", "main_content": "One two\n\nthree four",
                    "with": ["ONE  two", "four"], "without": ["Menu"]},
            }),
        );
        // Page 2: exact match: P = R = F1 = 1; with 1/1, without 0/2.
        write_page(
            dir.path(),
            "p2",
            "alpha beta",
            &json!({
                "url": "https://example.com/2",
                "_internal": {"page_type": {"primary": "article"}},
                "ground_truth": {"main_content": "Alpha Beta", "with": ["alpha beta"],
                    "without": ["gamma", "delta"]},
            }),
        );
        // Page 3: the cleaner fails: empty prediction, P = R = F1 = 0; with 0/1; no `without`.
        write_page(
            dir.path(),
            "p3",
            "FAIL",
            &json!({
                "_internal": {"page_type": {"primary": "product"}},
                "ground_truth": {"main_content": "price 10", "with": ["price"], "without": null},
            }),
        );
        dir
    }

    fn identity_cleaner(page: &PageInput) -> Result<String, String> {
        let text = String::from_utf8_lossy(page.html).into_owned();
        if text == "FAIL" {
            Err("refused".to_owned())
        } else {
            Ok(text)
        }
    }

    #[test]
    fn reason_families_write_numbers_as_n() {
        assert_eq!(
            reason_family("link-density: 0.92 of the text is links"),
            "link-density: N of the text is links"
        );
        assert_eq!(
            reason_family("repeated-in-page: occurs 3 times on the page."),
            "repeated-in-page: occurs N times on the page."
        );
        assert_eq!(
            reason_family("byline: date line Mar 5, 2024 | 3 min read"),
            "byline: date line Mar N, N | N min read"
        );
        assert_eq!(
            reason_family("markup: inside <div> named \"sidebar-2\" (3 links)"),
            "markup: inside <div> named \"…\" (N links)"
        );
        assert_eq!(
            reason_family("an \"unclosed quote 2"),
            "an \"unclosed quote N"
        );
        assert_eq!(reason_family("kept 1,234 words"), "kept N words");
        assert_eq!(reason_family("inside <h2>"), "inside <hN>");
    }

    #[test]
    fn removals_of_ground_truth_text_are_totalled_by_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(HTML_DIR)).unwrap();
        std::fs::create_dir(dir.path().join(GROUND_TRUTH_DIR)).unwrap();
        // 12 ground-truth tokens, of which the cleaner removed 6 (one passage).
        write_page(
            dir.path(),
            "a1",
            "page",
            &json!({
                "_internal": {"page_type": {"primary": "article"}},
                "ground_truth": {"main_content":
                    "Bridge reopened on Monday after repairs. Traffic flows again across the river."},
            }),
        );
        // 6 ground-truth tokens, all removed (twice: only one copy is the document's).
        write_page(
            dir.path(),
            "b1",
            "page",
            &json!({
                "_internal": {"page_type": {"primary": "product"}},
                "ground_truth": {"main_content": "Red kettle with a steel base"},
            }),
        );
        let removed = |reason: &str, text: &str| RemovedPassage {
            reason: reason.to_owned(),
            text: text.to_owned(),
        };
        let cleaner = |page: &PageInput| -> Result<Prediction, String> {
            Ok(if page.id == "a1" {
                Prediction {
                    text: "Bridge reopened on Monday after repairs.".to_owned(),
                    removed: vec![
                        removed("markup: inside <nav>", "Home News Sport Weather"),
                        removed(
                            "link-density: 0.92 of the text is links",
                            "Traffic flows again across the river.",
                        ),
                        // Also printed once, as often as the ground truth has it: not lost.
                        removed(
                            "link-density: 1.00 of the text is links",
                            "Bridge reopened on Monday",
                        ),
                    ],
                }
            } else {
                Prediction {
                    text: String::new(),
                    removed: vec![
                        removed(
                            "decide: outside the main content region",
                            "Red kettle with a steel base",
                        ),
                        removed(
                            "decide: outside the main content region",
                            "Red kettle with a steel base",
                        ),
                        // Too short to be evidence.
                        removed("markup: inside <aside>", "steel base"),
                    ],
                }
            })
        };
        let options = EvalOptions {
            by_reason: 5,
            ..EvalOptions::default()
        };
        let report = run_eval(dir.path(), &options, cleaner).unwrap();
        let rows: Vec<(&str, usize, usize, usize, &[String])> = report
            .missed_by_reason
            .iter()
            .map(|loss| {
                (
                    loss.reason.as_str(),
                    loss.pages,
                    loss.words,
                    loss.right_words,
                    loss.example_pages.as_slice(),
                )
            })
            .collect();
        // The nav's reason removed no ground truth: not listed. The second kettle copy and the
        // printed bridge line were rightly removed.
        assert_eq!(
            rows,
            [
                (
                    "decide: outside the main content region",
                    1,
                    6,
                    6,
                    &["b1".to_owned()][..]
                ),
                (
                    "link-density: N of the text is links",
                    1,
                    6,
                    4,
                    &["a1".to_owned()][..]
                ),
            ]
        );
        // Mean over both pages: 6/6 on the product, 6/12 on the article.
        assert!(close(report.missed_by_reason[0].recall_lost, 0.5));
        assert!(close(report.missed_by_reason[0].by_type["product"], 1.0));
        assert!(close(report.missed_by_reason[1].recall_lost, 0.25));
        assert!(close(report.missed_by_reason[1].by_type["article"], 0.5));
        assert!(!report.missed_by_reason[1].by_type.contains_key("product"));

        let text = report.to_string();
        assert!(text.contains("ground-truth text removed, by reason"));
        assert!(text.contains("product 1.0000"));
        let json = report.to_json();
        assert_eq!(
            json["missed_by_reason"][1]["reason"],
            "link-density: N of the text is links"
        );
        assert_eq!(json["missed_by_reason"][0]["words"], 6);

        let top = run_eval(
            dir.path(),
            &EvalOptions {
                by_reason: 1,
                ..EvalOptions::default()
            },
            cleaner,
        )
        .unwrap();
        assert_eq!(top.missed_by_reason.len(), 1);
        let none = run_eval(dir.path(), &EvalOptions::default(), cleaner).unwrap();
        assert!(none.missed_by_reason.is_empty());
        assert!(!none.to_string().contains("by reason"));
    }

    #[test]
    fn synthetic_dataset_aggregates_exactly() {
        let dir = synthetic_dataset();
        let options = EvalOptions {
            worst: 2,
            limit: None,
            ..EvalOptions::default()
        };
        let report = run_eval(dir.path(), &options, identity_cleaner).unwrap();

        let ids: Vec<&str> = report.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2", "p3"]);
        assert_eq!(report.overall.pages, 3);
        assert!(close(report.overall.precision, (0.75 + 1.0 + 0.0) / 3.0));
        assert!(close(report.overall.recall, (0.75 + 1.0 + 0.0) / 3.0));
        assert!(close(report.overall.f1, (0.75 + 1.0 + 0.0) / 3.0));
        assert_eq!(report.overall.with_pages, 3);
        assert!(close(
            report.overall.with_found_rate,
            (0.5 + 1.0 + 0.0) / 3.0
        ));
        assert_eq!(report.overall.without_pages, 2);
        assert!(close(report.overall.without_leaked_rate, (1.0 + 0.0) / 2.0));

        let article = &report.by_type["article"];
        assert_eq!(article.pages, 2);
        assert!(close(article.f1, 0.875));
        let product = &report.by_type["product"];
        assert_eq!((product.pages, product.f1), (1, 0.0));
        assert_eq!(product.without_pages, 0);

        assert_eq!(report.failures.len(), 1);
        assert_eq!(report.failures[0].id, "p3");
        assert_eq!(report.failures[0].stage, FailureStage::Clean);
        assert_eq!(report.pages[2].clean_error.as_deref(), Some("refused"));
        assert_eq!(report.pages[2].url, None);

        assert_eq!(report.throughput.documents, 3);
        assert_eq!(
            report.throughput.bytes,
            ("menu one two three".len() + "alpha beta".len() + "FAIL".len()) as u64
        );

        let worst_ids: Vec<&str> = report.worst.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(worst_ids, ["p3", "p1"]);
        assert_eq!(report.worst[0].missed, ["price 10"]);
        assert_eq!(report.worst[1].missed, Vec::<String>::new());
        assert_eq!(report.worst[1].leaked, Vec::<String>::new());

        let text = report.to_string();
        assert!(text.contains("overall"));
        assert!(text.contains("product"));
        assert!(text.contains("p3 [clean] refused"));
        let json = report.to_json();
        assert_eq!(json["pages"].as_array().map(Vec::len), Some(3));
        assert_eq!(json["by_type"]["article"]["pages"], 2);
        assert_eq!(json["failures"][0]["stage"], "clean");

        let limited = run_eval(
            dir.path(),
            &EvalOptions {
                worst: 0,
                limit: Some(1),
                ..EvalOptions::default()
            },
            identity_cleaner,
        )
        .unwrap();
        assert_eq!(limited.pages.len(), 1);
        assert!(limited.worst.is_empty());
    }

    #[test]
    fn unreadable_page_is_a_load_failure_and_panics_are_caught() {
        let dir = synthetic_dataset();
        std::fs::write(dir.path().join(HTML_DIR).join("p2.html.gz"), b"not gzip").unwrap();
        std::fs::write(dir.path().join(GROUND_TRUTH_DIR).join("p4.json"), b"{oops").unwrap();
        let report = run_eval(dir.path(), &EvalOptions::default(), |page: &PageInput| {
            if page.id == "p1" {
                panic!("boom");
            }
            identity_cleaner(page)
        })
        .unwrap();
        let ids: Vec<&str> = report.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p3"]);
        let failures: Vec<(&str, FailureStage)> = report
            .failures
            .iter()
            .map(|f| (f.id.as_str(), f.stage))
            .collect();
        assert_eq!(
            failures,
            [
                ("p2", FailureStage::Load),
                ("p4", FailureStage::Load),
                ("p1", FailureStage::Clean),
                ("p3", FailureStage::Clean),
            ]
        );
        assert!(report.failures[0].cause.contains("p2.html.gz"));
        assert!(report.failures[1].cause.contains("p4.json"));
        assert!(report.failures[2].cause.contains("boom"));
    }

    #[test]
    fn prediction_files_score_like_a_cleaner_and_missing_ones_fail() {
        let dir = synthetic_dataset();
        let predictions = tempfile::tempdir().unwrap();
        // p1 and p2 as the identity cleaner gives them; p3 has no file.
        std::fs::write(predictions.path().join("p1.txt"), "menu one two three").unwrap();
        std::fs::write(predictions.path().join("p2.txt"), "alpha beta").unwrap();
        let options = EvalOptions::default();
        let from_files = run_eval_on_files(dir.path(), &options, predictions.path()).unwrap();
        let cleaned = run_eval(dir.path(), &options, identity_cleaner).unwrap();
        assert_eq!(from_files.overall.f1, cleaned.overall.f1);
        assert_eq!(
            from_files.by_type["article"].f1,
            cleaned.by_type["article"].f1
        );
        assert_eq!(from_files.failures.len(), 1);
        assert!(from_files.failures[0].cause.contains("p3.txt"));
        assert_eq!(
            from_files.predictions_dir.as_deref(),
            Some(predictions.path())
        );
        let text = from_files.to_string();
        assert!(text.contains("read from"), "{text}");
        assert!(!text.contains("cleaning:"), "{text}");

        std::fs::write(predictions.path().join("p2.txt"), b"caf\xe9").unwrap();
        let latin1 = run_eval_on_files(dir.path(), &options, predictions.path()).unwrap();
        assert!(latin1
            .failures
            .iter()
            .any(|f| f.cause.contains("not UTF-8")));

        let missing = predictions.path().join("nowhere");
        let error = run_eval_on_files(dir.path(), &options, &missing).unwrap_err();
        assert!(error.to_string().contains("nowhere"), "{error}");
    }

    #[test]
    fn not_a_wcxb_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let error = run_eval(dir.path(), &EvalOptions::default(), identity_cleaner).unwrap_err();
        assert!(error.to_string().contains("ground-truth"), "{error}");
        std::fs::create_dir(dir.path().join(HTML_DIR)).unwrap();
        std::fs::create_dir(dir.path().join(GROUND_TRUTH_DIR)).unwrap();
        let error = run_eval(dir.path(), &EvalOptions::default(), identity_cleaner).unwrap_err();
        assert!(error.to_string().contains("no `.json`"), "{error}");
    }

    /// Strips everything between `<` and `>` and collapses whitespace: a floor for any cleaner.
    fn strip_tags(page: &PageInput) -> Result<String, String> {
        let text = String::from_utf8_lossy(page.html);
        let mut stripped = String::with_capacity(text.len());
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    stripped.push(' ');
                }
                '>' if in_tag => in_tag = false,
                _ if !in_tag => stripped.push(c),
                _ => {}
            }
        }
        Ok(stripped.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Every block of the page kept, no decision made: the ceiling our segmentation leaves for
    /// recall and for `with` snippets (a snippet absent here is typed differently from the page,
    /// or lies in text no block holds).
    fn every_block(page: &PageInput) -> Result<String, String> {
        let decoded = crate::decode::decode(page.html, None, crate::decode::SniffKind::Html).text;
        let dom = crate::dom::Dom::parse(&decoded);
        let blocks = crate::blocks::html::blocks_from_dom(&dom);
        Ok(blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"))
    }

    /// The ceiling of [`every_block`] on the real WCXB dev split: run with
    /// `cargo test --release --lib eval -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads the WCXB dev split from ../shared/bench/wcxb-dev"]
    fn wcxb_dev_every_block() {
        let dataset = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/wcxb-dev");
        if !dataset.is_dir() {
            eprintln!("{} absent: skipped", dataset.display());
            return;
        }
        let report = run_eval(
            &dataset,
            &EvalOptions {
                worst: 0,
                limit: None,
                ..EvalOptions::default()
            },
            every_block,
        )
        .unwrap();
        println!("{report}");
        assert!(report.overall.recall > report.overall.precision);
    }

    /// Sanity check on the real WCXB dev split, which is not part of the project. Slow in a debug
    /// build (it reads ~420 MB): run with `cargo test --release --lib eval -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads the WCXB dev split from ../shared/bench/wcxb-dev"]
    fn wcxb_dev_with_tag_stripper() {
        let dataset = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/wcxb-dev");
        if !dataset.is_dir() {
            eprintln!("{} absent: skipped", dataset.display());
            return;
        }
        let limit = std::env::var("WCXB_LIMIT")
            .ok()
            .and_then(|v| v.parse().ok());
        let start = Instant::now();
        let report = run_eval(
            &dataset,
            &EvalOptions {
                worst: 5,
                limit,
                ..EvalOptions::default()
            },
            strip_tags,
        )
        .unwrap();
        println!("{report}");
        println!("total run time {:.2} s", start.elapsed().as_secs_f64());
        assert!(report.overall.recall > report.overall.precision);
    }
}
