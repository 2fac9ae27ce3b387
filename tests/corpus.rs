//! The fixture corpus: every page under `corpus/` has insta snapshots of its text output and
//! of its JSON output with reasons, and a sidecar (`<fixture>.expect`) naming the lines that
//! must survive and the chrome that must go, so a wrong snapshot cannot be accepted silently.
//!
//! Sidecar lines: `keep: substring`, `drop: substring`, `keep-line: exact line`,
//! `drop-line: exact line`, `url: URL`, `title: expected title`; `#` starts a comment.

use std::path::{Path, PathBuf};

use dechrome::{Cleaner, Document, Options, Source};

#[derive(Default)]
struct Expectations {
    url: Option<String>,
    title: Option<String>,
    keep: Vec<String>,
    drop: Vec<String>,
    keep_line: Vec<String>,
    drop_line: Vec<String>,
}

fn sidecar(path: &Path) -> Option<Expectations> {
    let mut name = path.as_os_str().to_owned();
    name.push(".expect");
    let text = std::fs::read_to_string(PathBuf::from(name)).ok()?;
    let mut e = Expectations::default();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            panic!("{}: bad sidecar line {line:?}", path.display());
        };
        let value = value.trim().to_string();
        match key.trim() {
            "url" => e.url = Some(value),
            "title" => e.title = Some(value),
            "keep" => e.keep.push(value),
            "drop" => e.drop.push(value),
            "keep-line" => e.keep_line.push(value),
            "drop-line" => e.drop_line.push(value),
            other => panic!("{}: unknown sidecar key {other:?}", path.display()),
        }
    }
    Some(e)
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        let is_fixture = [".html", ".htm", ".xhtml", ".txt", ".html.gz", ".txt.gz"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if entry.file_type().is_file() && is_fixture {
            found.push(entry.path().to_path_buf());
        }
    }
    found
}

fn clean(path: &Path, url: Option<&str>) -> Document {
    let cleaner = Cleaner::new(Options {
        keep_dom_paths: true,
        ..Options::default()
    });
    let bytes = std::fs::read(path).unwrap();
    let name = path.to_string_lossy();
    cleaner
        .clean_bytes(
            &bytes,
            &Source {
                name: Some(&name),
                url,
                http_charset: None,
                site: None,
            },
        )
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn corpus_has_enough_fixtures_each_with_a_sidecar() {
    let all = fixtures();
    for path in &all {
        let e =
            sidecar(path).unwrap_or_else(|| panic!("{} has no .expect sidecar", path.display()));
        assert!(
            e.keep.len() + e.keep_line.len() >= 3 && e.drop.len() + e.drop_line.len() >= 2,
            "{}: a sidecar needs at least 3 keep and 2 drop lines",
            path.display()
        );
    }
    assert!(all.len() >= 40, "only {} fixtures", all.len());
}

#[test]
fn fixtures_meet_their_expectations() {
    let mut failures = Vec::new();
    for path in fixtures() {
        let Some(e) = sidecar(&path) else { continue };
        let doc = clean(&path, e.url.as_deref());
        let text = doc.to_text();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        for k in &e.keep {
            if !text.contains(k.as_str()) {
                failures.push(format!("{rel}: lost   {k:?}"));
            }
        }
        for k in &e.keep_line {
            if !lines.contains(&k.as_str()) {
                failures.push(format!("{rel}: lost line {k:?}"));
            }
        }
        for d in &e.drop {
            if text.contains(d.as_str()) {
                failures.push(format!("{rel}: leaked {d:?}"));
            }
        }
        for d in &e.drop_line {
            if lines.contains(&d.as_str()) {
                failures.push(format!("{rel}: leaked line {d:?}"));
            }
        }
        if let Some(title) = &e.title {
            if doc.metadata.title.as_deref() != Some(title.as_str()) {
                failures.push(format!(
                    "{rel}: title {:?}, expected {title:?}",
                    doc.metadata.title
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../corpus", "**/*.{html,htm,xhtml,txt}", |path| {
            let e = sidecar(path).unwrap_or_default();
            let doc = clean(path, e.url.as_deref());
            insta::assert_snapshot!("text", doc.to_text());
            insta::assert_snapshot!("json", doc.to_json(true));
        });
    });
}

#[test]
fn cleaning_fixture_output_again_changes_nothing() {
    let cleaner = Cleaner::default();
    for path in fixtures() {
        let e = sidecar(&path).unwrap_or_default();
        let once = clean(&path, e.url.as_deref()).to_text();
        let twice = cleaner.clean_text(&once, None).to_text();
        assert_eq!(twice, once, "{}: not idempotent", path.display());
    }
}

#[test]
fn output_is_identical_across_runs() {
    for path in fixtures() {
        let a = clean(&path, None).to_json(true);
        let b = clean(&path, None).to_json(true);
        assert_eq!(a, b, "{}", path.display());
    }
}
