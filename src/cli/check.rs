//! `dechrome check SRC CLEAN_DIR` (and `dechrome clean SRC --out CLEAN_DIR --check`):
//! re-cleans the sources and compares with the committed clean output, for CI.
//!
//! Exit 0 when every output is current; 1 when any is stale, missing or has no source
//! (each listed, stale ones with their diff); 2 when a source cannot be cleaned or read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;

use super::clean::{clean_one, collect_jobs, thread_pool, ProfileArgs};
use super::inputs::InputArgs;
use super::{usage_error, ColorArg, FormatArg};
use dechrome::diff::DocumentDiff;
use dechrome::{Cleaner, Options};

/// Arguments of `dechrome check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The sources (a directory or a file), as given to `dechrome clean`.
    pub src: PathBuf,
    /// The committed clean output, as written by `dechrome clean SRC --out CLEAN_DIR`.
    pub clean_dir: PathBuf,
    /// Format the clean output was written in.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// The clean output was written with --explain.
    #[arg(long)]
    pub explain: bool,
    /// How inputs are read (as in the clean run).
    #[command(flatten)]
    pub input: InputArgs,
    /// Site profile (as in the clean run).
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Colour of the diffs.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// No summary line on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// What to check: shared by `dechrome check` and `dechrome clean --check`.
pub struct CheckSpec<'a> {
    /// Source files and directories.
    pub sources: &'a [PathBuf],
    /// The committed clean output directory.
    pub clean_dir: &'a Path,
    /// The cleaner, configured as the clean run was.
    pub cleaner: &'a Cleaner,
    /// Output format.
    pub format: FormatArg,
    /// Explained output.
    pub explain: bool,
    /// How inputs are read (URL, site).
    pub input: &'a InputArgs,
    /// Worker threads.
    pub jobs: Option<usize>,
    /// Colour the diffs.
    pub color: bool,
    /// No summary line.
    pub quiet: bool,
}

/// The state of one expected output.
enum Status {
    Current,
    Missing,
    Stale(String),
    Failed(String),
}

/// Runs `dechrome check`.
pub fn run(args: CheckArgs) -> ExitCode {
    if !args.clean_dir.is_dir() {
        return usage_error(&format!(
            "{}: not a directory of clean output",
            args.clean_dir.display()
        ));
    }
    let sources = std::slice::from_ref(&args.src);
    let pool = match thread_pool(args.jobs) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    let profile = match args.profile.load(sources, &args.input, &pool) {
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
        profile: profile.map(std::sync::Arc::new),
        frequency: args.profile.thresholds(),
        ..Options::default()
    });
    check(&CheckSpec {
        sources,
        clean_dir: &args.clean_dir,
        cleaner: &cleaner,
        format: args.format,
        explain: args.explain,
        input: &args.input,
        jobs: args.jobs,
        color: args.color.enabled(),
        quiet: args.quiet,
    })
}

/// Compares fresh clean output of `spec.sources` with the files in `spec.clean_dir`.
pub fn check(spec: &CheckSpec<'_>) -> ExitCode {
    let ext = spec.format.extension();
    let jobs = match collect_jobs(spec.sources, spec.clean_dir, ext) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(2);
        }
    };
    let pool = match thread_pool(spec.jobs) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    let statuses: Vec<Status> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                if super::inputs::kind_of(&job.input, spec.input.input_format)
                    != super::inputs::Kind::Page
                {
                    return Status::Failed(
                        "WARC and JSONL inputs hold many documents; check compares page files \
                         only"
                            .to_string(),
                    );
                }
                let bytes = match std::fs::read(&job.input) {
                    Ok(b) => b,
                    Err(e) => return Status::Failed(e.to_string()),
                };
                let name = job.input.to_string_lossy();
                let site = super::inputs::page_site(Some(&job.input), spec.input);
                let fresh = match clean_one(
                    spec.cleaner,
                    &bytes,
                    Some(&name),
                    spec.input.url.as_deref(),
                    site.as_deref(),
                    spec.format,
                    spec.explain,
                ) {
                    Ok(t) => t,
                    Err(e) => return Status::Failed(e),
                };
                let committed = match std::fs::read(&job.output) {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Status::Missing,
                    Err(e) => return Status::Failed(format!("{}: {e}", job.output.display())),
                };
                if committed == fresh.as_bytes() {
                    return Status::Current;
                }
                let committed = String::from_utf8_lossy(&committed);
                let label = job.output.display().to_string();
                let diff = DocumentDiff::between(&committed, &fresh, 3);
                let text = if diff.is_empty() {
                    // Differences that line diffs cannot show (bytes that are not UTF-8).
                    format!("--- {label}\n+++ {label} (fresh)\n(differs in bytes)\n")
                } else {
                    diff.to_unified(&label, &format!("{label} (fresh)"), spec.color)
                };
                Status::Stale(text)
            })
            .collect()
    });

    let mut stale = 0;
    let mut missing = 0;
    let mut failed = 0;
    let mut current = 0;
    for (job, status) in jobs.iter().zip(&statuses) {
        match status {
            Status::Current => current += 1,
            Status::Missing => {
                missing += 1;
                println!(
                    "missing: {} (from {})",
                    job.output.display(),
                    job.input.display()
                );
            }
            Status::Stale(diff) => {
                stale += 1;
                println!(
                    "stale: {} (from {})",
                    job.output.display(),
                    job.input.display()
                );
                print!("{diff}");
            }
            Status::Failed(e) => {
                failed += 1;
                eprintln!("dechrome: {}: {e}", job.input.display());
            }
        }
    }
    let expected: BTreeSet<&Path> = jobs.iter().map(|j| j.output.as_path()).collect();
    let orphans = orphan_outputs(spec.clean_dir, ext, &expected);
    for orphan in &orphans {
        println!("no source: {}", orphan.display());
    }
    if !spec.quiet {
        eprintln!(
            "dechrome: {current} current, {stale} stale, {missing} missing, {} without source, {failed} failed",
            orphans.len()
        );
    }
    if failed > 0 {
        ExitCode::from(2)
    } else if stale + missing + orphans.len() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Files of the output format under `clean_dir` that no source produces (hidden files, such
/// as an interrupted run's temporary files, are ignored).
fn orphan_outputs(clean_dir: &Path, ext: &str, expected: &BTreeSet<&Path>) -> Vec<PathBuf> {
    let mut orphans = Vec::new();
    let walker = walkdir::WalkDir::new(clean_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker.flatten() {
        let path = entry.path();
        if entry.file_type().is_file()
            && path.extension().is_some_and(|e| e == ext)
            && !expected.contains(path)
        {
            orphans.push(path.to_path_buf());
        }
    }
    orphans
}
