//! `dechrome clean`: one page to stdout, or files and directories into `--out DIR`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;

use super::{usage_error, ColorArg, FormatArg, InputFormatArg};
use dechrome::{Cleaner, Options, Source};

/// Arguments of `dechrome clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Files or directories to clean; `-` or nothing reads stdin. Directories are walked
    /// for .html, .htm, .xhtml and .txt files (each also with .gz).
    pub paths: Vec<PathBuf>,
    /// Write one output file per input under this directory (mirroring relative paths).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Show removed blocks with the reason (text: prefixed lines; json: a `removed` list).
    #[arg(long)]
    pub explain: bool,
    /// The page's URL (one input only).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// How to read inputs.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// Worker threads for batches (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Largest input in bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_input_bytes: usize,
    /// No summary line on stderr.
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

/// File extensions cleaned when walking directories (before an optional `.gz`).
const INPUT_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt"];

/// One input of a batch and where its output goes.
pub struct Job {
    /// The input file.
    pub input: PathBuf,
    /// Its output file.
    pub output: PathBuf,
}

/// `name.html.gz` → `name`, `name.txt` → `name`; other names unchanged.
fn strip_input_extensions(name: &str) -> &str {
    let base = name.strip_suffix(".gz").unwrap_or(name);
    for ext in INPUT_EXTENSIONS {
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

/// Whether a directory walk picks up this file.
pub fn is_input_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    strip_input_extensions(name) != name.strip_suffix(".gz").unwrap_or(name)
}

/// Lists the batch: explicit files as given, directories walked in sorted order.
pub fn collect_jobs(paths: &[PathBuf], out: &Path, ext: &str) -> Result<Vec<Job>, String> {
    let mut jobs = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .follow_links(true);
            for entry in walker {
                let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
                if !entry.file_type().is_file() || !is_input_file(entry.path()) {
                    continue;
                }
                let relative = entry.path().strip_prefix(path).unwrap_or(entry.path());
                jobs.push(Job {
                    input: entry.path().to_path_buf(),
                    output: output_path(out, relative, ext),
                });
            }
        } else {
            let name = path.file_name().map(PathBuf::from).unwrap_or_default();
            jobs.push(Job {
                input: path.clone(),
                output: output_path(out, &name, ext),
            });
        }
    }
    Ok(jobs)
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
    let dir = path.parent().unwrap_or(Path::new("."));
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
    format: FormatArg,
    explain: bool,
) -> Result<String, String> {
    let source = Source {
        name,
        url,
        http_charset: None,
    };
    let doc = cleaner
        .clean_bytes(bytes, &source)
        .map_err(|e| e.to_string())?;
    Ok(doc.render(format.format(), explain))
}

/// Builds the thread pool of a batch (`jobs` 0 or none: all cores).
pub fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start {} threads: {e}", jobs.unwrap_or(0)))
}

/// Runs `dechrome clean`.
pub fn run(args: CleanArgs) -> ExitCode {
    let options = Options {
        input_format: args.input_format.into(),
        max_input_bytes: args.max_input_bytes,
        keep_dom_paths: args.explain,
        ..Options::default()
    };
    let cleaner = Cleaner::new(options);
    let stdin_only = args.paths.is_empty() || args.paths == [PathBuf::from("-")];

    let Some(out) = args.out.clone() else {
        // Single page to stdout.
        if args.paths.len() > 1 {
            return usage_error("several inputs need --out DIR");
        }
        let (bytes, name) = if stdin_only {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
                eprintln!("dechrome: <stdin>: {e}");
                return ExitCode::from(1);
            }
            (buf, None)
        } else {
            let path = &args.paths[0];
            if path.is_dir() {
                return usage_error(&format!(
                    "{} is a directory: give --out DIR",
                    path.display()
                ));
            }
            match std::fs::read(path) {
                Ok(b) => (b, Some(path.to_string_lossy().into_owned())),
                Err(e) => {
                    eprintln!("dechrome: {}: {e}", path.display());
                    return ExitCode::from(1);
                }
            }
        };
        let label = name.clone().unwrap_or_else(|| "<stdin>".to_string());
        return match clean_one(
            &cleaner,
            &bytes,
            name.as_deref(),
            args.url.as_deref(),
            args.format,
            args.explain,
        ) {
            Ok(text) => {
                let mut stdout = std::io::stdout().lock();
                if stdout
                    .write_all(text.as_bytes())
                    .and_then(|_| stdout.flush())
                    .is_err()
                {
                    // A closed pipe (`| head`) is not an error of ours.
                    return ExitCode::SUCCESS;
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("dechrome: {label}: {e}");
                ExitCode::from(1)
            }
        };
    };

    if stdin_only {
        return usage_error("--out DIR needs input paths");
    }
    if args.url.is_some() && args.paths.len() > 1 {
        return usage_error("--url applies to one page only");
    }
    let jobs = match collect_jobs(&args.paths, &out, args.format.extension()) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(1);
        }
    };
    if args.check {
        return super::check::check(&super::check::CheckSpec {
            sources: &args.paths,
            clean_dir: &out,
            cleaner: &cleaner,
            format: args.format,
            explain: args.explain,
            url: args.url.as_deref(),
            jobs: args.jobs,
            color: args.color.enabled(),
            quiet: args.quiet,
        });
    }
    let pool = match thread_pool(args.jobs) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    let started = std::time::Instant::now();
    // Two inputs that map to one output (a.html and a.txt) would overwrite each other.
    let mut first_claim: std::collections::HashMap<&Path, &Path> = std::collections::HashMap::new();
    let mut collisions: Vec<Option<String>> = Vec::with_capacity(jobs.len());
    for job in &jobs {
        match first_claim.get(job.output.as_path()) {
            Some(other) => collisions.push(Some(format!(
                "its output {} is also the output of {}",
                job.output.display(),
                other.display()
            ))),
            None => {
                first_claim.insert(&job.output, &job.input);
                collisions.push(None);
            }
        }
    }
    let results: Vec<Result<(), String>> = pool.install(|| {
        jobs.par_iter()
            .zip(collisions.par_iter())
            .map(|(job, collision)| {
                if let Some(c) = collision {
                    return Err(c.clone());
                }
                let bytes = std::fs::read(&job.input).map_err(|e| e.to_string())?;
                let name = job.input.to_string_lossy();
                let text = clean_one(
                    &cleaner,
                    &bytes,
                    Some(&name),
                    args.url.as_deref(),
                    args.format,
                    args.explain,
                )?;
                write_atomically(&job.output, text.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", job.output.display()))
            })
            .collect()
    });
    let mut failed = 0;
    for (job, result) in jobs.iter().zip(&results) {
        if let Err(e) = result {
            failed += 1;
            eprintln!("dechrome: {}: {e}", job.input.display());
        }
    }
    if !args.quiet {
        eprintln!(
            "dechrome: {} cleaned, {} failed, in {:.2}s",
            jobs.len() - failed,
            failed,
            started.elapsed().as_secs_f64()
        );
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
        assert_eq!(strip_input_extensions("data.csv"), "data.csv");
        assert_eq!(
            output_path(Path::new("out"), Path::new("a/0001.html.gz"), "txt"),
            PathBuf::from("out/a/0001.txt")
        );
    }
}
