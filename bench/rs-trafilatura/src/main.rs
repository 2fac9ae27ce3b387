//! Runs rs-trafilatura over a WCXB-layout directory and writes its text, one UTF-8 file per
//! page, for `dechrome eval DATASET --predictions DIR` (see bench/anchors.sh).
//!
//! usage: extract-rs-trafilatura DATASET_DIR OUT_DIR
//!
//! Writes OUT_DIR/rs-trafilatura/<id>.txt for every page id (the sorted stems of
//! ground-truth/*.json): `content_text` of `extract_bytes_with_options` with the default options
//! and the page's URL. A page it finds nothing in, or fails on, gets an empty file.

use std::io::Read;
use std::path::{Path, PathBuf};

fn page_ids(dataset: &Path) -> std::io::Result<Vec<String>> {
    let mut ids: Vec<String> = std::fs::read_dir(dataset.join("ground-truth"))?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json")
                .filter(|stem| !stem.is_empty())
                .map(str::to_owned)
        })
        .collect();
    ids.sort();
    Ok(ids)
}

fn load(dataset: &Path, id: &str) -> Result<(Option<String>, Vec<u8>), String> {
    let truth = std::fs::read(dataset.join("ground-truth").join(format!("{id}.json")))
        .map_err(|e| e.to_string())?;
    let url = serde_json::from_slice::<serde_json::Value>(&truth)
        .ok()
        .and_then(|v| v.get("url").and_then(|u| u.as_str()).map(str::to_owned));
    let gz = std::fs::File::open(dataset.join("html").join(format!("{id}.html.gz")))
        .map_err(|e| e.to_string())?;
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut html)
        .map_err(|e| e.to_string())?;
    Ok((url, html))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: extract-rs-trafilatura DATASET_DIR OUT_DIR");
        std::process::exit(2);
    }
    let dataset = PathBuf::from(&args[1]);
    let out = PathBuf::from(&args[2]).join("rs-trafilatura");
    let ids = match page_ids(&dataset) {
        Ok(ids) => ids,
        Err(e) => {
            eprintln!("{}: {e}", dataset.display());
            std::process::exit(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {e}", out.display());
        std::process::exit(2);
    }
    let mut failures = 0;
    for id in &ids {
        let text = load(&dataset, id).and_then(|(url, html)| {
            let options = rs_trafilatura::Options {
                url,
                ..rs_trafilatura::Options::default()
            };
            std::panic::catch_unwind(|| {
                rs_trafilatura::extract_bytes_with_options(&html, &options)
                    .map(|result| result.content_text)
                    .map_err(|e| e.to_string())
            })
            .unwrap_or_else(|_| Err("panicked".to_owned()))
        });
        let text = text.unwrap_or_else(|e| {
            failures += 1;
            eprintln!("rs-trafilatura: {id}: {e}");
            String::new()
        });
        let path = out.join(format!("{id}.txt"));
        let tmp = out.join(format!("{id}.txt.tmp"));
        if let Err(e) = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, &path)) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
    }
    eprintln!(
        "rs-trafilatura: {} pages written to {}, {failures} failed",
        ids.len(),
        out.display()
    );
}
