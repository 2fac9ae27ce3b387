//! `dechrome learn PATH... --out site.profile` and `dechrome profile merge|show`: site
//! profiles for cross-document line frequency.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::clean::{thread_pool, write_atomically};
use super::inputs::{self, InputArgs, InputDoc};
use super::usage_error;
use dechrome::profile::{learn, Bounds, LearnInput, Profile};
use dechrome::{Cleaner, Options};

/// Arguments of `dechrome learn`.
#[derive(Debug, Args)]
pub struct LearnArgs {
    /// Files, directories, WARC or JSONL files to count (`-` reads stdin).
    pub paths: Vec<PathBuf>,
    /// Where to write the profile.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// How documents are read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// No summary line on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `dechrome profile`.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// What to do with profiles.
    #[command(subcommand)]
    pub command: ProfileCommand,
}

/// Subcommands of `dechrome profile`.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Merge profiles learned on shards: counts add (exact; the order does not matter), then
    /// one prune bounds the result.
    Merge {
        /// Profiles to merge.
        #[arg(required = true)]
        profiles: Vec<PathBuf>,
        /// Where to write the merged profile.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Print the top template lines of each site with their document frequency.
    Show {
        /// The profile.
        profile: PathBuf,
        /// Only this site.
        #[arg(long)]
        site: Option<String>,
        /// Lines per site.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
}

/// Reads a profile file, naming it in the error.
pub fn read_profile(path: &Path) -> Result<Profile, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Profile::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs `dechrome learn`.
pub fn run(args: LearnArgs) -> ExitCode {
    let cleaner = Cleaner::new(Options {
        input_format: args.input.input_format.into(),
        max_input_bytes: args.input.max_input_bytes,
        time_budget: args.input.budget(),
        ..Options::default()
    });
    let pool = match thread_pool(args.jobs) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    let started = std::time::Instant::now();
    let mut profile = Profile::default();
    let bounds = Bounds::default();
    let mut failed = 0usize;
    let mut documents = 0usize;
    let mut bytes = 0u64;
    let result = inputs::for_each_chunk(&args.paths, &args.input, &|| false, |chunk| {
        let docs: Vec<LearnInput<'_>> = chunk.iter().map(InputDoc::learn_input).collect();
        let (shard, errors) = pool.install(|| learn(&cleaner, &docs));
        profile.absorb(shard);
        // After each chunk (formed in input order): the same profile at any -j.
        profile.prune(&bounds);
        for (i, e) in errors {
            failed += 1;
            eprintln!("dechrome: {}: {e}", chunk[i].label);
        }
        documents += chunk.len();
        bytes += chunk.iter().map(|d| d.bytes.len() as u64).sum::<u64>();
    });
    match result {
        Ok(summary) => failed += summary.failed,
        Err(e) => {
            eprintln!("dechrome: {e}");
            return ExitCode::from(1);
        }
    }
    if let Err(e) = write_atomically(&args.out, &profile.to_bytes()) {
        eprintln!("dechrome: cannot write {}: {e}", args.out.display());
        return ExitCode::from(1);
    }
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "dechrome: learned {} sites, {} lines from {documents} documents ({:.1} MB) in {seconds:.2}s, {failed} failed{}",
            profile.sites.len(),
            profile.len(),
            bytes as f64 / 1e6,
            approximate_note(&profile),
        );
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `""` when every count is exact, else how far counts may fall short.
fn approximate_note(profile: &Profile) -> String {
    let pruned: Vec<u64> = profile
        .sites
        .values()
        .map(|s| s.error)
        .filter(|&e| e > 0)
        .collect();
    match pruned.iter().max() {
        None => String::new(),
        Some(most) => format!(
            " (bounded: counts of {} sites may fall short by up to {most} documents)",
            pruned.len()
        ),
    }
}

/// Runs `dechrome profile`.
pub fn run_profile(args: ProfileArgs) -> ExitCode {
    match args.command {
        ProfileCommand::Merge { profiles, out } => {
            let mut merged = Profile::default();
            for path in &profiles {
                match read_profile(path) {
                    Ok(p) => merged.absorb(p),
                    Err(e) => {
                        eprintln!("dechrome: {e}");
                        return ExitCode::from(1);
                    }
                }
            }
            // Once, on the sum: the order of the files does not matter.
            merged.prune(&Bounds::default());
            if let Err(e) = write_atomically(&out, &merged.to_bytes()) {
                eprintln!("dechrome: cannot write {}: {e}", out.display());
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        ProfileCommand::Show { profile, site, top } => {
            let profile = match read_profile(&profile) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("dechrome: {e}");
                    return ExitCode::from(1);
                }
            };
            let mut out = String::new();
            for (name, counts) in &profile.sites {
                if site.as_ref().is_some_and(|s| s != name) {
                    continue;
                }
                let label = if name.is_empty() { "(no site)" } else { name };
                let bound = if counts.error > 0 {
                    format!(
                        " (pruned: counts may fall short by up to {} documents)",
                        counts.error
                    )
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "{label}: {} documents, {} distinct lines{bound}\n",
                    counts.documents,
                    counts.lines.len()
                ));
                for (_, stats) in counts.top(top) {
                    out.push_str(&format!(
                        "  {:>6} {:>5.1}%  {}\n",
                        stats.documents,
                        100.0 * stats.documents as f64 / counts.documents.max(1) as f64,
                        stats.sample
                    ));
                }
            }
            print!("{out}");
            if site.is_some() && out.is_empty() {
                eprintln!("dechrome: no such site in the profile");
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
    }
}
