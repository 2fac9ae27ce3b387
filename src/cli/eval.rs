//! `dechrome eval DATASET_DIR`: accuracy on a WCXB-layout benchmark.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dechrome::eval::{
    run_eval_on_files, run_eval_two_pass, EvalOptions, PageInput, Prediction, RemovedPassage,
};
use dechrome::profile::{learn, LearnInput};
use dechrome::{Cleaner, Options, Source};

/// Arguments of `dechrome eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Dataset directory: `html/<id>.html.gz` and `ground-truth/<id>.json`.
    pub dataset: PathBuf,
    /// List the N pages with the lowest F1, with their biggest missed and leaked passages.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub worst: usize,
    /// List the N reasons whose removals cost the most ground-truth text: pages, words, and the
    /// mean recall keeping that text would add, overall and per page type.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        conflicts_with = "predictions"
    )]
    pub by_reason: usize,
    /// Evaluate only the first N pages (quick runs).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when overall or per-type F1 falls below the floors in this JSON file
    /// (`{"overall": 0.77, "article": 0.92}`): the accuracy regression gate of CI.
    #[arg(long, value_name = "FILE")]
    pub floor: Option<PathBuf>,
    /// Do not learn site profiles from the dataset's own pages (by URL host) before cleaning.
    #[arg(long)]
    pub no_site_profile: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Score another extractor's output instead of cleaning: one UTF-8 file `<id>.txt` per
    /// page in DIR (empty when it found nothing); a missing file counts as a failure.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["no_site_profile", "without_title"])]
    pub predictions: Option<PathBuf>,
    /// Score the text without its opening title heading: WCXB keeps a page's title in a field
    /// of its own, outside `main_content`, and extractors that print no title are scored so.
    #[arg(long)]
    pub without_title: bool,
}

/// Runs `dechrome eval`.
pub fn run(args: EvalArgs) -> ExitCode {
    let cleaner = std::sync::OnceLock::new();
    let options = EvalOptions {
        worst: args.worst,
        limit: args.limit,
        by_reason: args.by_reason,
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return super::usage_error(&format!("cannot start threads: {e}")),
    };
    let report = pool.install(|| {
        if let Some(dir) = &args.predictions {
            return run_eval_on_files(&args.dataset, &options, dir);
        }
        let learn = |pages: &[PageInput<'_>]| {
            let profile = (!args.no_site_profile).then(|| {
                let docs: Vec<LearnInput<'_>> = pages
                    .iter()
                    .map(|p| LearnInput {
                        bytes: p.html,
                        name: Some("page.html"),
                        url: p.url,
                        site: None,
                        http_charset: None,
                    })
                    .collect();
                std::sync::Arc::new(learn(&Cleaner::default(), &docs).0)
            });
            let _ = cleaner.set(Cleaner::new(Options {
                profile,
                ..Options::default()
            }));
        };
        run_eval_two_pass(&args.dataset, &options, learn, |page: &PageInput| {
            let source = Source {
                name: Some("page.html"),
                url: page.url,
                http_charset: None,
                site: None,
            };
            let Some(cleaner) = cleaner.get() else {
                return Err("no cleaner".to_string());
            };
            cleaner
                .clean_bytes(page.html, &source)
                .map(|doc| Prediction {
                    text: if args.without_title {
                        doc.body_text()
                    } else {
                        doc.to_text()
                    },
                    removed: if args.by_reason > 0 {
                        removed_passages(&doc)
                    } else {
                        Vec::new()
                    },
                })
                .map_err(|e| e.to_string())
        })
    });
    match report {
        Ok(report) => {
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report.to_json()).unwrap_or_default()
                );
            } else {
                print!("{report}");
            }
            match &args.floor {
                Some(path) => check_floor(&report, path),
                None => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            eprintln!("dechrome: {e}");
            ExitCode::from(1)
        }
    }
}

/// The blocks `doc` removed, each with its strongest reason (as `--explain` shows it).
fn removed_passages(doc: &dechrome::Document) -> Vec<RemovedPassage> {
    doc.blocks
        .iter()
        .zip(&doc.decisions)
        .filter(|(_, decision)| !decision.keep)
        .map(|(block, decision)| RemovedPassage {
            reason: decision
                .main_reason()
                .map_or_else(|| "unknown".to_owned(), ToString::to_string),
            text: block.text.clone(),
        })
        .collect()
}

/// Compares the report's F1 with the floors recorded in `path`.
fn check_floor(report: &dechrome::eval::EvalReport, path: &std::path::Path) -> ExitCode {
    let floors: std::collections::BTreeMap<String, f64> = match std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(f) => f,
        Err(e) => {
            eprintln!("dechrome: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let mut below = Vec::new();
    for (name, floor) in &floors {
        let f1 = if name == "overall" {
            Some(report.overall.f1)
        } else {
            report.by_type.get(name).map(|a| a.f1)
        };
        match f1 {
            Some(f1) if f1 + 1e-9 >= *floor => {
                eprintln!("dechrome: {name} F1 {f1:.4} ≥ floor {floor:.4}")
            }
            Some(f1) => below.push(format!("{name} F1 {f1:.4} < floor {floor:.4}")),
            None => below.push(format!("{name}: no pages of this type")),
        }
    }
    if below.is_empty() {
        ExitCode::SUCCESS
    } else {
        for b in &below {
            eprintln!("dechrome: accuracy regression: {b}");
        }
        ExitCode::from(1)
    }
}
