//! The `dechrome` command line: a thin layer over the library.
//!
//! Exit codes: 0 when every input was cleaned, 1 when any input failed (each failure is
//! reported on stderr with its path and cause, and the rest of the batch is still written),
//! 2 for usage errors.

pub mod check;
pub mod clean;
pub mod diff;
pub mod eval;
pub mod inputs;
pub mod learn;
pub mod ordered;
pub mod progress;
pub mod walk;

pub use inputs::InputFormatArg;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Strip site chrome from crawled pages and keep the document.
#[derive(Debug, Parser)]
#[command(name = "dechrome", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean pages: one to stdout, or many into --out DIR.
    Clean(clean::CleanArgs),
    /// Count lines per site into a profile (cross-document line frequency).
    Learn(learn::LearnArgs),
    /// Merge or show site profiles.
    Profile(learn::ProfileArgs),
    /// Show what changed in the document between two pages (or two directories of pages).
    Diff(diff::DiffArgs),
    /// Re-clean sources and compare with committed clean output (for CI).
    Check(check::CheckArgs),
    /// Measure accuracy on a WCXB-layout benchmark directory.
    Eval(eval::EvalArgs),
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorArg {
    /// Whether to write ANSI colours to stdout.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text, blocks separated by blank lines.
    Text,
    /// Markdown.
    Markdown,
    /// JSON with metadata.
    Json,
    /// JSON Lines: one compact object per document (url, WARC record id, date, title,
    /// text, metadata), in input order.
    Jsonl,
}

impl FormatArg {
    /// The library format (`None` for JSONL, which the command line writes itself).
    pub fn format(self) -> Option<dechrome::Format> {
        match self {
            FormatArg::Text => Some(dechrome::Format::Text),
            FormatArg::Markdown => Some(dechrome::Format::Markdown),
            FormatArg::Json => Some(dechrome::Format::Json),
            FormatArg::Jsonl => None,
        }
    }

    /// File extension of outputs in this format.
    pub fn extension(self) -> &'static str {
        match self {
            FormatArg::Text => "txt",
            FormatArg::Markdown => "md",
            FormatArg::Json => "json",
            FormatArg::Jsonl => "jsonl",
        }
    }
}

/// A usage error: reported, exit 2.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("dechrome: {message}");
    ExitCode::from(2)
}

/// Runs the command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Clean(args) => clean::run(args),
        Command::Learn(args) => learn::run(args),
        Command::Profile(args) => learn::run_profile(args),
        Command::Diff(args) => diff::run(args),
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
    }
}
