//! `dechrome diff`, `dechrome check` and `clean --explain`, run as a user runs them, on the
//! fixture pairs in `corpus/pairs/` (two crawls of one page each).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn dechrome() -> Command {
    Command::cargo_bin("dechrome").unwrap()
}

fn pair(name: &str) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/pairs")
        .join(name);
    (dir.join("old.html"), dir.join("new.html"))
}

/// Runs the binary from the crate root (so paths in the output are relative and stable).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = dechrome()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn snapshot(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, value));
}

#[test]
fn edited_article_shows_only_document_changes() {
    let (code, out, _) = run(&[
        "diff",
        "--color",
        "never",
        "corpus/pairs/article-edited/old.html",
        "corpus/pairs/article-edited/new.html",
    ]);
    assert_eq!(code, 1);
    // Chrome that changed between the crawls (menu, trending rail, footer time) is absent.
    for chrome in ["Opinion", "Harbour crane", "Page generated", "Trending"] {
        assert!(
            !out.contains(chrome),
            "{chrome} leaked into the diff:\n{out}"
        );
    }
    assert!(out.contains("+One resident, who spent eight months"));
    snapshot("diff-article-edited", &out);
}

#[test]
fn edited_article_diff_as_json() {
    let (code, out, _) = run(&[
        "diff",
        "--format",
        "json",
        "corpus/pairs/article-edited/old.html",
        "corpus/pairs/article-edited/new.html",
    ]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["status"], "changed");
    assert_eq!(value["inserted"], 4);
    assert_eq!(value["deleted"], 2);
    // Word-level emphasis: "six" became "seven".
    let emphasized: Vec<&str> = value["hunks"][0]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["segments"].as_array().cloned().unwrap_or_default())
        .filter(|s| s["emphasized"] == true)
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .leak()
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(emphasized, ["six", "seven"]);
    snapshot("diff-article-edited-json", &out);
}

#[test]
fn colour_highlights_changed_words() {
    let (code, out, _) = run(&[
        "diff",
        "--color",
        "always",
        "corpus/pairs/article-edited/old.html",
        "corpus/pairs/article-edited/new.html",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("\x1b[1;97;41msix"));
    assert!(out.contains("\x1b[1;97;42mseven"));
}

#[test]
fn chrome_only_change_gives_empty_diff_and_exit_0() {
    let (old, new) = pair("chrome-only");
    dechrome()
        .args(["diff", "--color", "always"])
        .arg(&old)
        .arg(&new)
        .assert()
        .code(0)
        .stdout("");
    // The pages themselves do differ, in their chrome.
    assert_ne!(std::fs::read(&old).unwrap(), std::fs::read(&new).unwrap());
}

#[test]
fn explain_shows_every_removal_with_its_reason() {
    for name in ["article-edited", "chrome-only"] {
        let path = format!("corpus/pairs/{name}/new.html");
        let (code, out, _) = run(&["clean", "--explain", &path]);
        assert_eq!(code, 0);
        assert!(out
            .lines()
            .all(|l| l.starts_with("  ") || l.starts_with("- [")));
        snapshot(&format!("explain-{name}"), &out);
    }
}

#[test]
fn missing_input_is_exit_2() {
    let (old, _) = pair("chrome-only");
    dechrome()
        .arg("diff")
        .arg(&old)
        .arg("does/not/exist.html")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does/not/exist.html"));
}

#[test]
fn file_and_directory_is_a_usage_error() {
    let (old, _) = pair("chrome-only");
    dechrome()
        .arg("diff")
        .arg(&old)
        .arg(old.parent().unwrap())
        .assert()
        .code(2);
}

/// Two crawls of a small site: one page edited, one chrome-only change, one page gone, one new.
fn two_crawls() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let new = dir.path().join("new");
    for d in [&old, &new] {
        std::fs::create_dir_all(d.join("news")).unwrap();
    }
    let (a_old, a_new) = pair("article-edited");
    let (c_old, c_new) = pair("chrome-only");
    std::fs::copy(&a_old, old.join("news/flood.html")).unwrap();
    std::fs::copy(&a_new, new.join("news/flood.html")).unwrap();
    std::fs::copy(&c_old, old.join("news/trees.html")).unwrap();
    std::fs::copy(&c_new, new.join("news/trees.html")).unwrap();
    std::fs::copy(&c_old, old.join("gone.html")).unwrap();
    std::fs::copy(&a_new, new.join("fresh.html")).unwrap();
    dir
}

#[test]
fn directories_pair_files_by_relative_path() {
    let dir = two_crawls();
    let output = dechrome()
        .current_dir(dir.path())
        .args(["diff", "--color", "never", "-j", "2", "old", "new"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    let status_lines: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with([' ', '-', '+', '@']) && !l.is_empty())
        .collect();
    assert_eq!(
        status_lines,
        [
            "added: fresh.html",
            "removed: gone.html",
            "changed: news/flood.html (+4 -2)",
            "unchanged: news/trees.html",
        ]
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("1 changed, 1 added, 1 removed, 1 unchanged, 0 failed"));

    let output = dechrome()
        .current_dir(dir.path())
        .args(["diff", "--format", "json", "old", "new"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["summary"]["changed"], 1);
    assert_eq!(value["files"][2]["path"], "news/flood.html");
    assert_eq!(value["files"][2]["hunks"].as_array().unwrap().len(), 2);
}

#[test]
fn identical_directories_exit_0() {
    let dir = two_crawls();
    dechrome()
        .current_dir(dir.path())
        .args(["diff", "-q", "old", "old"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_match("(?m)^changed").unwrap().not());
}

#[test]
fn check_passes_on_current_output_and_lists_stale_missing_and_orphans() {
    let dir = two_crawls();
    let src = dir.path().join("old");
    let clean_dir = dir.path().join("clean");
    dechrome()
        .arg("clean")
        .arg(&src)
        .arg("--out")
        .arg(&clean_dir)
        .assert()
        .success();
    dechrome()
        .arg("check")
        .arg(&src)
        .arg(&clean_dir)
        .assert()
        .code(0)
        .stdout("");
    dechrome()
        .arg("clean")
        .arg(&src)
        .arg("--out")
        .arg(&clean_dir)
        .arg("--check")
        .assert()
        .code(0);

    // A stale output (edited by hand), a missing one and one without a source.
    let flood = clean_dir.join("news/flood.txt");
    let text = std::fs::read_to_string(&flood).unwrap();
    std::fs::write(&flood, text.replace("six years after", "ten years after")).unwrap();
    std::fs::remove_file(clean_dir.join("gone.txt")).unwrap();
    std::fs::write(clean_dir.join("extra.txt"), "left over\n").unwrap();
    let output = dechrome()
        .arg("check")
        .arg("--color=never")
        .arg(&src)
        .arg(&clean_dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(out.contains("stale: "), "{out}");
    assert!(out.contains("-The new flood barrier along the east bank held back the river on Sunday night, when the water rose to its highest level in ten years"));
    assert!(out.contains("+The new flood barrier along the east bank held back the river on Sunday night, when the water rose to its highest level in six years"));
    assert!(out.contains("missing: "));
    assert!(out.contains("gone.txt"));
    assert!(out.contains("no source: "));
    assert!(out.contains("extra.txt"));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("1 current, 1 stale, 1 missing, 1 without source, 0 failed"),
        "{stderr}"
    );

    // Re-cleaning brings it back to current (the orphan aside).
    std::fs::remove_file(clean_dir.join("extra.txt")).unwrap();
    dechrome()
        .arg("clean")
        .arg(&src)
        .arg("--out")
        .arg(&clean_dir)
        .assert()
        .success();
    dechrome()
        .arg("check")
        .arg(&src)
        .arg(&clean_dir)
        .assert()
        .code(0);
}

#[test]
fn check_in_json_format_compares_json_outputs() {
    let dir = two_crawls();
    let src = dir.path().join("new");
    let clean_dir = dir.path().join("clean");
    dechrome()
        .args(["clean", "--format", "json"])
        .arg(&src)
        .arg("--out")
        .arg(&clean_dir)
        .assert()
        .success();
    dechrome()
        .args(["check", "--format", "json"])
        .arg(&src)
        .arg(&clean_dir)
        .assert()
        .code(0);
    // Checked as text, every text output is missing and every json file has no source.
    dechrome()
        .arg("check")
        .arg(&src)
        .arg(&clean_dir)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("missing: "));
}
