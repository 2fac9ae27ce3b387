//! `dechrome diff OLD NEW`: cleans both pages and shows what changed in the document.
//!
//! With two directories, files are paired by relative path and each is reported as added,
//! removed, changed or unchanged. Exit 0 when the documents are the same, 1 when they
//! differ, 2 on trouble (as `diff` does).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde_json::json;

use super::clean::{clean_one, thread_pool};
use super::inputs::{is_input_file, kind_of, Kind};
use super::{usage_error, ColorArg, FormatArg, InputFormatArg};
use dechrome::diff::DocumentDiff;
use dechrome::{Cleaner, Options};

/// Arguments of `dechrome diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old page (file, or `-` for stdin), or a directory of pages.
    pub old: PathBuf,
    /// The new page, or a directory of pages.
    pub new: PathBuf,
    /// Colour and word-level highlights.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Output: a unified diff, or the hunks as JSON.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Lines of context around each change.
    #[arg(long, short = 'U', value_name = "N", default_value_t = 3)]
    pub context: usize,
    /// How to read inputs.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// Worker threads for directories (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Largest input in bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_input_bytes: usize,
    /// No summary line on stderr (directories).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `dechrome diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Unified diff.
    Text,
    /// JSON: status, counts and hunks.
    Json,
}

/// How one file pair compares.
enum PairStatus {
    Unchanged,
    Changed(DocumentDiff),
    Added,
    Removed,
    Failed(String),
}

impl PairStatus {
    fn name(&self) -> &'static str {
        match self {
            PairStatus::Unchanged => "unchanged",
            PairStatus::Changed(_) => "changed",
            PairStatus::Added => "added",
            PairStatus::Removed => "removed",
            PairStatus::Failed(_) => "error",
        }
    }
}

fn read_input(path: &Path) -> Result<(Vec<u8>, Option<String>), String> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .map_err(|e| format!("<stdin>: {e}"))?;
        return Ok((buf, None));
    }
    std::fs::read(path)
        .map(|b| (b, Some(path.to_string_lossy().into_owned())))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn clean_path(cleaner: &Cleaner, path: &Path) -> Result<String, String> {
    let (bytes, name) = read_input(path)?;
    clean_one(
        cleaner,
        &bytes,
        name.as_deref(),
        None,
        None,
        FormatArg::Text,
        false,
    )
    .map_err(|e| format!("{}: {e}", name.as_deref().unwrap_or("<stdin>")))
}

/// Runs `dechrome diff`.
pub fn run(args: DiffArgs) -> ExitCode {
    let cleaner = Cleaner::new(Options {
        input_format: args.input_format.into(),
        max_input_bytes: args.max_input_bytes,
        ..Options::default()
    });
    let color = args.format == DiffFormat::Text && args.color.enabled();
    match (args.old.is_dir(), args.new.is_dir()) {
        (true, true) => run_dirs(&args, &cleaner, color),
        (false, false) => run_files(&args, &cleaner, color),
        _ => usage_error("diff compares two files or two directories, not one of each"),
    }
}

fn run_files(args: &DiffArgs, cleaner: &Cleaner, color: bool) -> ExitCode {
    if args.old == Path::new("-") && args.new == Path::new("-") {
        return usage_error("only one of OLD and NEW can be stdin");
    }
    let (old, new) = match (
        clean_path(cleaner, &args.old),
        clean_path(cleaner, &args.new),
    ) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(2);
        }
    };
    let diff = DocumentDiff::between(&old, &new, args.context);
    let old_label = args.old.display().to_string();
    let new_label = args.new.display().to_string();
    let out = match args.format {
        DiffFormat::Text => diff.to_unified(&old_label, &new_label, color),
        DiffFormat::Json => {
            let (inserted, deleted) = diff.counts();
            let value = json!({
                "old": old_label,
                "new": new_label,
                "status": if diff.is_empty() { "unchanged" } else { "changed" },
                "inserted": inserted,
                "deleted": deleted,
                "hunks": diff.hunks,
            });
            format!("{value:#}\n")
        }
    };
    print_out(&out);
    if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Input files under `dir`, by relative path.
fn list_inputs(dir: &Path) -> Result<BTreeMap<PathBuf, PathBuf>, String> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(true)
    {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.file_type().is_file()
            && is_input_file(entry.path())
            && kind_of(entry.path(), InputFormatArg::Auto) == Kind::Page
        {
            let relative = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_path_buf();
            files.insert(relative, entry.path().to_path_buf());
        }
    }
    Ok(files)
}

fn run_dirs(args: &DiffArgs, cleaner: &Cleaner, color: bool) -> ExitCode {
    let (old_files, new_files) = match (list_inputs(&args.old), list_inputs(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(2);
        }
    };
    let mut pairs: BTreeMap<&Path, (Option<&Path>, Option<&Path>)> = BTreeMap::new();
    for (relative, path) in &old_files {
        pairs.entry(relative.as_path()).or_default().0 = Some(path.as_path());
    }
    for (relative, path) in &new_files {
        pairs.entry(relative.as_path()).or_default().1 = Some(path.as_path());
    }
    let pairs: Vec<(&Path, Option<&Path>, Option<&Path>)> =
        pairs.into_iter().map(|(r, (o, n))| (r, o, n)).collect();
    let pool = match thread_pool(args.jobs) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    let statuses: Vec<PairStatus> = pool.install(|| {
        pairs
            .par_iter()
            .map(|(_, old, new)| match (old, new) {
                (Some(old), Some(new)) => {
                    match (clean_path(cleaner, old), clean_path(cleaner, new)) {
                        (Ok(o), Ok(n)) => {
                            let diff = DocumentDiff::between(&o, &n, args.context);
                            if diff.is_empty() {
                                PairStatus::Unchanged
                            } else {
                                PairStatus::Changed(diff)
                            }
                        }
                        (Err(e), _) | (_, Err(e)) => PairStatus::Failed(e),
                    }
                }
                (Some(_), None) => PairStatus::Removed,
                _ => PairStatus::Added,
            })
            .collect()
    });

    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for status in &statuses {
        *counts.entry(status.name()).or_default() += 1;
    }
    let mut out = String::new();
    match args.format {
        DiffFormat::Text => {
            for ((relative, _, _), status) in pairs.iter().zip(&statuses) {
                let relative = relative.display();
                match status {
                    PairStatus::Changed(diff) => {
                        let (inserted, deleted) = diff.counts();
                        out.push_str(&format!("changed: {relative} (+{inserted} -{deleted})\n"));
                        out.push_str(&diff.to_unified(
                            &args.old.join(relative.to_string()).display().to_string(),
                            &args.new.join(relative.to_string()).display().to_string(),
                            color,
                        ));
                    }
                    PairStatus::Failed(e) => eprintln!("dechrome: {e}"),
                    other => out.push_str(&format!("{}: {relative}\n", other.name())),
                }
            }
        }
        DiffFormat::Json => {
            let files: Vec<serde_json::Value> = pairs
                .iter()
                .zip(&statuses)
                .map(|((relative, _, _), status)| {
                    let mut value = json!({
                        "path": relative.to_string_lossy(),
                        "status": status.name(),
                    });
                    match status {
                        PairStatus::Changed(diff) => {
                            let (inserted, deleted) = diff.counts();
                            value["inserted"] = json!(inserted);
                            value["deleted"] = json!(deleted);
                            value["hunks"] = json!(diff.hunks);
                        }
                        PairStatus::Failed(e) => value["error"] = json!(e),
                        _ => {}
                    }
                    value
                })
                .collect();
            let value = json!({
                "old": args.old.display().to_string(),
                "new": args.new.display().to_string(),
                "summary": counts,
                "files": files,
            });
            out = format!("{value:#}\n");
        }
    }
    print_out(&out);
    let count = |name: &str| counts.get(name).copied().unwrap_or(0);
    if !args.quiet {
        eprintln!(
            "dechrome: {} changed, {} added, {} removed, {} unchanged, {} failed",
            count("changed"),
            count("added"),
            count("removed"),
            count("unchanged"),
            count("error")
        );
    }
    if count("error") > 0 {
        ExitCode::from(2)
    } else if count("changed") + count("added") + count("removed") > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error of ours.
fn print_out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}
