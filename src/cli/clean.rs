//! `dechrome clean`: pages, directories, WARC and JSONL files, to stdout or into `--out DIR`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::Args;

use super::inputs::{self, InputArgs, InputDoc, Kind};
use super::progress::Progress;
use super::{usage_error, ColorArg, FormatArg};
use dechrome::profile::{learn_counts, Bounds, LearnInput, Profile};
use dechrome::{Cleaner, Document, Options, Source};

/// Arguments of `dechrome clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Files or directories to clean; `-` or nothing reads stdin. Directories are walked
    /// for .html, .htm, .xhtml and .txt pages and .warc, .wet and .jsonl files (each also
    /// with .gz).
    pub paths: Vec<PathBuf>,
    /// Write one output file per input under this directory (mirroring relative paths; a
    /// WARC or JSONL input gives a directory of records, or one .jsonl with --format jsonl).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Show removed blocks with the reason (text: prefixed lines; json: a `removed` list).
    #[arg(long)]
    pub explain: bool,
    /// How inputs are read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Site profile.
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Worker threads for batches (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar and no summary line on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Do not write: re-clean the inputs and compare with the files already in --out DIR
    /// (as `dechrome check`); exit 1 listing every stale file with its diff.
    #[arg(long, requires = "out")]
    pub check: bool,
    /// Colour of the --check diffs.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

/// One input of a batch and where its output goes.
pub struct Job {
    /// The input file.
    pub input: PathBuf,
    /// Its output file.
    pub output: PathBuf,
}

/// `name.html.gz` → `name`, `name.txt` → `name`, `crawl.warc.gz` → `crawl`; other names
/// unchanged.
fn strip_input_extensions(name: &str) -> &str {
    let base = name.strip_suffix(".gz").unwrap_or(name);
    let extensions = inputs::PAGE_EXTENSIONS
        .iter()
        .chain(&["warc", "wet", "jsonl", "ndjson"]);
    for ext in extensions {
        if let Some(stem) = base
            .len()
            .checked_sub(ext.len() + 1)
            .filter(|&cut| base.is_char_boundary(cut))
            .and_then(|cut| {
                let (stem, suffix) = base.split_at(cut);
                suffix[1..]
                    .eq_ignore_ascii_case(ext)
                    .then_some(stem)
                    .filter(|_| suffix.starts_with('.'))
            })
        {
            return stem;
        }
    }
    base
}

/// Lists the single-page inputs and their outputs (for `check`).
pub fn collect_jobs(paths: &[PathBuf], out: &Path, ext: &str) -> Result<Vec<Job>, String> {
    Ok(inputs::list_files(paths)?
        .into_iter()
        .map(|(input, relative)| Job {
            output: output_path(out, &relative, ext),
            input,
        })
        .collect())
}

fn output_path(out: &Path, relative: &Path, ext: &str) -> PathBuf {
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = strip_input_extensions(&name);
    let mut path = out.join(relative.parent().unwrap_or(Path::new("")));
    path.push(format!("{stem}.{ext}"));
    path
}

/// Writes `contents` to `path` atomically: a temporary file in the same directory, then a
/// rename, so an interrupted run never leaves a half-written file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".dechrome-")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_data().ok();
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Cleans one input and renders it.
pub fn clean_one(
    cleaner: &Cleaner,
    bytes: &[u8],
    name: Option<&str>,
    url: Option<&str>,
    site: Option<&str>,
    format: FormatArg,
    explain: bool,
) -> Result<String, String> {
    let source = Source {
        name,
        url,
        http_charset: None,
        site,
    };
    let doc = cleaner
        .clean_bytes(bytes, &source)
        .map_err(|e| e.to_string())?;
    Ok(render(&doc, format, explain, None))
}

/// Renders a document; JSONL lines carry the record's origin.
fn render(doc: &Document, format: FormatArg, explain: bool, input: Option<&InputDoc>) -> String {
    match format.format() {
        Some(f) => doc.render(f, explain),
        None => {
            let mut value = dechrome::render::json::value(doc, explain);
            if let (Some(input), Some(object)) = (input, value.as_object_mut()) {
                object.insert("source".into(), input.label.clone().into());
                if let Some(id) = &input.record_id {
                    object.insert("warc_record_id".into(), id.clone().into());
                }
                if let Some(date) = &input.date {
                    object.insert("warc_date".into(), date.clone().into());
                }
            }
            let mut line = serde_json::to_string(&value).unwrap_or_default();
            line.push('\n');
            line
        }
    }
}

/// Builds the thread pool of a batch (`jobs` 0 or none: all cores).
pub fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start {} threads: {e}", jobs.unwrap_or(0)))
}

/// Set by Ctrl-C: stop reading, finish what is in hand, write nothing half-done.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn install_interrupt_handler() {
    // A second handler cannot be installed (tests call run twice): ignore.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            // Second Ctrl-C: leave at once.
            std::process::exit(130);
        }
    });
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Where cleaned documents go, in input order.
struct Sink<'a> {
    out: Option<&'a Path>,
    format: FormatArg,
    stdout: std::io::StdoutLock<'static>,
    stdout_documents: usize,
    /// The open JSONL output of the current many-document input file, with its path.
    open_jsonl: Option<(PathBuf, tempfile::NamedTempFile)>,
    /// A hash of each output path written, with a hash of its input's path: two inputs
    /// mapping to one output is an error. Hashes (16 bytes an output) keep a batch of
    /// millions of files small.
    claimed: std::collections::HashMap<u64, u64>,
    stdout_closed: bool,
}

impl Sink<'_> {
    /// Writes one document's output; errors name the cause.
    fn write(&mut self, doc: &InputDoc, text: &str) -> Result<(), String> {
        let Some(out) = self.out else {
            if self.format != FormatArg::Jsonl && self.stdout_documents > 0 {
                return Err(
                    "the input holds many documents: use --format jsonl or --out DIR".into(),
                );
            }
            self.stdout_documents += 1;
            if !self.stdout_closed && self.stdout.write_all(text.as_bytes()).is_err() {
                // A closed pipe (`| head`) is not an error of ours: stop writing.
                self.stdout_closed = true;
            }
            return Ok(());
        };
        let relative = doc
            .origin
            .as_ref()
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| PathBuf::from("stdin"));
        let ext = self.format.extension();
        if doc.container && self.format == FormatArg::Jsonl {
            let path = output_path(out, &relative, ext);
            if self.open_jsonl.as_ref().map(|(p, _)| p) != Some(&path) {
                self.finish_jsonl()?;
                self.claim(&path, doc)?;
                let dir = path.parent().unwrap_or(Path::new("."));
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                let tmp = tempfile::Builder::new()
                    .prefix(".dechrome-")
                    .tempfile_in(dir)
                    .map_err(|e| format!("{}: {e}", dir.display()))?;
                self.open_jsonl = Some((path.clone(), tmp));
            }
            if let Some((path, tmp)) = &mut self.open_jsonl {
                tmp.write_all(text.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            return Ok(());
        }
        self.finish_jsonl()?;
        let path = if doc.container {
            let name = relative
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dir = out
                .join(relative.parent().unwrap_or(Path::new("")))
                .join(strip_input_extensions(&name));
            dir.join(format!("{:06}.{ext}", doc.index))
        } else {
            output_path(out, &relative, ext)
        };
        self.claim(&path, doc)?;
        write_atomically(&path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    fn claim(&mut self, path: &Path, doc: &InputDoc) -> Result<(), String> {
        let input = hash_of(&doc.label_of_file());
        match self.claimed.entry(hash_of(path)) {
            std::collections::hash_map::Entry::Occupied(first) if *first.get() != input => {
                Err(format!(
                    "its output {} is also the output of an earlier input",
                    path.display()
                ))
            }
            std::collections::hash_map::Entry::Occupied(_) => Ok(()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(input);
                Ok(())
            }
        }
    }

    /// Persists the open JSONL output, if any.
    fn finish_jsonl(&mut self) -> Result<(), String> {
        if let Some((path, tmp)) = self.open_jsonl.take() {
            tmp.as_file().sync_data().ok();
            tmp.persist(&path)
                .map_err(|e| format!("cannot write {}: {}", path.display(), e.error))?;
        }
        Ok(())
    }
}

/// A hash that is the same in every run (SipHash with fixed keys).
fn hash_of(value: &(impl std::hash::Hash + ?Sized)) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

impl InputDoc {
    /// The input file's path (or `<stdin>`), for collisions of outputs.
    fn label_of_file(&self) -> String {
        self.origin
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |(p, _)| p.display().to_string())
    }
}

fn source_of(doc: &InputDoc) -> Source<'_> {
    Source {
        name: doc.name.as_deref(),
        url: doc.url.as_deref(),
        http_charset: doc.http_charset.as_deref(),
        site: doc.site.as_deref(),
    }
}

/// How a batch gets its site profile: `--profile FILE`, else learned from the batch itself.
#[derive(Debug, Clone, Args)]
pub struct ProfileArgs {
    /// A site profile (from `dechrome learn`): lines frequent on a page's site are removed.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Do not learn a profile from the batch itself (by default a batch with enough pages of
    /// one site is read twice: once to count lines, once to clean).
    #[arg(long)]
    pub no_auto_profile: bool,
    /// Fewest pages of a site before line frequency judges its lines.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub min_site_pages: u64,
}

impl ProfileArgs {
    /// The thresholds these arguments ask for.
    pub fn thresholds(&self) -> dechrome::profile::FrequencyThresholds {
        dechrome::profile::FrequencyThresholds {
            min_site_documents: self.min_site_pages.max(1),
            ..Default::default()
        }
    }

    /// The profile of a batch: read from `--profile`, or learned from the inputs when some
    /// site has enough pages (not for stdin, which cannot be read twice).
    pub fn load(
        &self,
        paths: &[PathBuf],
        input: &InputArgs,
        pool: &rayon::ThreadPool,
    ) -> Result<Option<Profile>, String> {
        if let Some(path) = &self.profile {
            return super::learn::read_profile(path).map(Some);
        }
        if self.no_auto_profile || !batch_can_learn(paths, input, self.min_site_pages) {
            return Ok(None);
        }
        let cleaner = Cleaner::new(Options {
            input_format: input.input_format.into(),
            max_input_bytes: input.max_input_bytes,
            time_budget: input.budget(),
            ..Options::default()
        });
        let mut profile = Profile::default();
        let bounds = Bounds::default();
        inputs::for_each_chunk(paths, input, &interrupted, |chunk| {
            let docs: Vec<LearnInput<'_>> = chunk.iter().map(InputDoc::learn_input).collect();
            // Unreadable documents are reported by the cleaning pass. Counts only: cleaning
            // never reads samples.
            let (shard, _) = pool.install(|| learn_counts(&cleaner, &docs));
            profile.absorb(shard);
            // Chunks are formed in input order whatever the number of threads, so pruning
            // here keeps the profile the same at any -j.
            profile.prune(&bounds);
        })?;
        release_freed_memory();
        let enough = profile
            .sites
            .values()
            .any(|s| s.documents >= self.min_site_pages.max(1));
        Ok(enough.then_some(profile))
    }
}

/// Hands the heap pages the first pass freed back to the system. glibc keeps freed memory
/// in each thread's arena; without this the cleaning pass allocates on top of what the
/// learning pass left (on wcxb-dev: 97 MB peak instead of 56 MB).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    extern "C" {
        fn malloc_trim(pad: usize) -> std::os::raw::c_int;
    }
    // SAFETY: malloc_trim takes no pointers and only returns free pages of glibc's heap to
    // the kernel; it locks each arena, so other threads may allocate meanwhile.
    unsafe {
        malloc_trim(0);
    }
}

/// Elsewhere the allocator keeps its own policy.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

/// Whether the batch may hold enough pages of one site for a first pass to pay.
fn batch_can_learn(paths: &[PathBuf], input: &InputArgs, min_pages: u64) -> bool {
    if inputs::is_stdin(paths) {
        return false;
    }
    let mut pages = 0u64;
    for file in inputs::input_files(paths) {
        let Ok((path, _)) = file else {
            return false;
        };
        pages += 1;
        if pages >= min_pages || inputs::kind_of(&path, input.input_format) != Kind::Page {
            return true;
        }
    }
    false
}

/// Runs `dechrome clean`.
pub fn run(args: CleanArgs) -> ExitCode {
    install_interrupt_handler();
    let stdin_only = inputs::is_stdin(&args.paths);
    if args.out.is_some() && stdin_only {
        return usage_error("--out DIR needs input paths");
    }
    if args.input.url.is_some() && args.paths.len() > 1 {
        return usage_error("--url applies to one page only");
    }
    if args.out.is_none() && args.format != FormatArg::Jsonl {
        let many = args.paths.len() > 1 || args.paths.iter().any(|p| p.is_dir());
        if many {
            return usage_error("several inputs need --out DIR (or --format jsonl)");
        }
        if let [path] = args.paths.as_slice() {
            if inputs::kind_of(path, args.input.input_format) != Kind::Page {
                return usage_error(&format!(
                    "{} holds many documents: give --format jsonl or --out DIR",
                    path.display()
                ));
            }
        }
    }
    let pool = match thread_pool(args.jobs) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    let frequency = args.profile.thresholds();
    let profile = match args.profile.load(&args.paths, &args.input, &pool) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(2);
        }
    };
    let cleaner = Cleaner::new(Options {
        input_format: args.input.input_format.into(),
        max_input_bytes: args.input.max_input_bytes,
        time_budget: args.input.budget(),
        keep_dom_paths: args.explain,
        profile: profile.map(Arc::new),
        frequency,
        ..Options::default()
    });

    if args.check {
        if let Some(out) = &args.out {
            return super::check::check(&super::check::CheckSpec {
                sources: &args.paths,
                clean_dir: out,
                cleaner: &cleaner,
                format: args.format,
                explain: args.explain,
                input: &args.input,
                jobs: args.jobs,
                color: args.color.enabled(),
                quiet: args.quiet,
            });
        }
    }

    let started = std::time::Instant::now();
    // One page to stdout needs no progress bar.
    let progress =
        Progress::new(args.quiet || (args.out.is_none() && args.format != FormatArg::Jsonl));
    let mut sink = Sink {
        out: args.out.as_deref(),
        format: args.format,
        stdout: std::io::stdout().lock(),
        stdout_documents: 0,
        open_jsonl: None,
        claimed: std::collections::HashMap::new(),
        stdout_closed: false,
    };
    let mut cleaned = 0usize;
    let mut failed = 0usize;
    let mut usage_failure = false;
    let read = super::ordered::process_in_order(
        pool.current_num_threads(),
        &args.paths,
        &args.input,
        &interrupted,
        |doc| {
            cleaner
                .clean_bytes(&doc.bytes, &source_of(doc))
                .map(|d| render(&d, args.format, args.explain, Some(doc)))
                .map_err(|e| e.to_string())
        },
        |doc, result| {
            let bytes = doc.bytes.len();
            match result
                .and_then(|r| r)
                .and_then(|text| sink.write(&doc, &text))
            {
                Ok(()) => cleaned += 1,
                Err(e) if e.starts_with("the input holds many") => {
                    usage_failure = true;
                    eprintln!("dechrome: {}: {e}", doc.label);
                    return false;
                }
                Err(e) => {
                    failed += 1;
                    progress.println(&format!("dechrome: {}: {e}", doc.label));
                }
            }
            progress.advance(bytes);
            true
        },
    );
    let _ = sink.stdout.flush();
    if let Err(e) = sink.finish_jsonl() {
        failed += 1;
        eprintln!("dechrome: {e}");
    }
    progress.finish();
    let summary = match read {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(1);
        }
    };
    if usage_failure {
        return ExitCode::from(2);
    }
    failed += summary.failed;
    let batch = !stdin_only || cleaned + failed != 1;
    if !args.quiet && (args.out.is_some() || (batch && args.format == FormatArg::Jsonl)) {
        eprintln!(
            "dechrome: {cleaned} cleaned, {} skipped, {failed} failed, in {:.2}s",
            summary.skipped,
            started.elapsed().as_secs_f64()
        );
    }
    if interrupted() {
        eprintln!("dechrome: interrupted; every output written is complete");
        return ExitCode::from(130);
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_extensions_are_stripped_for_output_names() {
        assert_eq!(strip_input_extensions("0001.html.gz"), "0001");
        assert_eq!(strip_input_extensions("page.HTM"), "page");
        assert_eq!(strip_input_extensions("notes.txt"), "notes");
        assert_eq!(strip_input_extensions("crawl.warc.gz"), "crawl");
        assert_eq!(strip_input_extensions("data.csv"), "data.csv");
        assert_eq!(
            output_path(Path::new("out"), Path::new("a/0001.html.gz"), "txt"),
            PathBuf::from("out/a/0001.txt")
        );
    }
}
