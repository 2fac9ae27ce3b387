//! The command line, run as a user runs it: outputs, file layout and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;

const PAGE: &str = r##"<html><head><title>Bridge reopens | Town Paper</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge reopens</h1>
<p>The old stone bridge over the river reopened on Monday after nine months of repairs, and
the first people to cross it were children from the school on the hill.</p>
<p>Engineers replaced two of the arches and the whole of the deck, which had cracked in the
cold winter, and the council says the work came in under its budget.</p></article>
<div class="share-bar"><a href="#">Share on Facebook</a></div>
<footer>© 2024 Town Paper. All rights reserved.</footer></body></html>"##;

fn dechrome() -> Command {
    Command::cargo_bin("dechrome").unwrap()
}

/// Writes `text` gzip-compressed to `path`, as crawls and benchmarks store pages.
fn write_gzipped(path: &std::path::Path, text: &str) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    std::fs::write(path, gz.finish().unwrap()).unwrap();
}

#[test]
fn cleans_stdin_to_stdout() {
    dechrome()
        .arg("clean")
        .write_stdin(PAGE)
        .assert()
        .success()
        .stdout(predicate::str::contains("nine months of repairs"))
        .stdout(predicate::str::contains("Share on Facebook").not())
        .stdout(predicate::str::contains("All rights reserved").not());
}

#[test]
fn batch_mirrors_relative_paths_and_strips_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("a")).unwrap();
    write_gzipped(&input.join("a/0001.html.gz"), PAGE);
    std::fs::write(
        input.join("b.txt"),
        "Menu\n\nA line of text that stays in the output.\n",
    )
    .unwrap();
    std::fs::write(input.join("ignored.csv"), "x,y").unwrap();
    let out = dir.path().join("out");
    dechrome()
        .args(["clean", "--quiet", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("a/0001.txt")).unwrap();
    assert!(text.contains("Bridge reopens"));
    assert!(out.join("b.txt").exists());
    assert!(!out.join("ignored.txt").exists() && !out.join("ignored.csv.txt").exists());
}

#[test]
fn json_format_carries_metadata_and_reasons() {
    let out = dechrome()
        .args([
            "clean",
            "--format",
            "json",
            "--explain",
            "--url",
            "https://town.example/bridge",
        ])
        .write_stdin(PAGE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["url"], "https://town.example/bridge");
    assert_eq!(v["title"], "Bridge reopens | Town Paper");
    let removed = v["removed"].as_array().unwrap();
    assert!(removed.iter().any(
        |b| b["text"] == "Share on Facebook" && b["reasons"][0]["detector"].as_str().is_some()
    ));
}

#[test]
fn a_failing_input_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("good.html"), PAGE).unwrap();
    std::fs::write(input.join("broken.html.gz"), [0x1f, 0x8b, 8, 0, 1, 2, 3]).unwrap();
    let out = dir.path().join("out");
    dechrome()
        .args(["clean", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.html.gz"));
    assert!(out.join("good.txt").exists());
    assert!(!out.join("broken.txt").exists());
}

#[test]
fn usage_errors_exit_2() {
    dechrome()
        .args(["clean", "--format", "yaml"])
        .assert()
        .code(2);
    dechrome()
        .args(["clean", "a.html", "b.html"])
        .assert()
        .code(2);
    dechrome().arg("frobnicate").assert().code(2);
}

#[test]
fn a_missing_file_exits_1_with_its_path() {
    dechrome()
        .args(["clean", "no/such/page.html"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/page.html"));
}

#[test]
fn a_document_over_the_time_budget_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.html"), PAGE).unwrap();
    std::fs::write(input.join("b.html"), PAGE).unwrap();
    let out = dir.path().join("out");
    dechrome()
        .args(["clean", "--time-budget", "0.000000001", "--no-auto-profile"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.html: cleaning took longer than the time budget",
        ))
        .stderr(predicate::str::contains("0 cleaned, 0 skipped, 2 failed"));
}

/// Two inputs that map to one output name: the second fails with the output named, the
/// first is written, and an input path that cannot be read fails alone.
#[test]
fn two_inputs_for_one_output_and_a_missing_path_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.htm"), PAGE).unwrap();
    std::fs::write(input.join("a.html"), PAGE).unwrap();
    std::fs::write(input.join("b.html"), PAGE).unwrap();
    let out = dir.path().join("out");
    let missing = dir.path().join("no-such-dir");
    dechrome()
        .args(["clean", "--no-auto-profile"])
        .arg(&missing)
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-dir"))
        .stderr(predicate::str::contains(
            "a.txt is also the output of an earlier input",
        ))
        .stderr(predicate::str::contains("2 cleaned, 0 skipped, 2 failed"));
    assert!(out.join("a.txt").exists());
    assert!(out.join("b.txt").exists());
}

#[test]
fn an_output_that_cannot_be_renamed_into_place_fails_alone() {
    // A failed rename into place names its output, counts as a failure and leaves the other
    // outputs whole, with no temporary file behind.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for name in ["a", "b", "c"] {
        std::fs::write(input.join(format!("{name}.html")), PAGE).unwrap();
    }
    let out = dir.path().join("out");
    // A non-empty directory where b's output goes: renaming a file onto it fails.
    std::fs::create_dir_all(out.join("b.txt")).unwrap();
    std::fs::write(out.join("b.txt").join("keep"), "x").unwrap();
    dechrome()
        .args(["clean", "--no-auto-profile"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"))
        .stderr(predicate::str::contains("b.txt"))
        .stderr(predicate::str::contains("2 cleaned, 0 skipped, 1 failed"));
    assert!(std::fs::read_to_string(out.join("a.txt")).unwrap().len() > 10);
    assert!(std::fs::read_to_string(out.join("c.txt")).unwrap().len() > 10);
    let leftovers = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".dechrome-")
        })
        .count();
    assert_eq!(leftovers, 0, "temporary files left behind");
}

/// A WCXB-layout dataset of one page, `PAGE` as an article whose ground truth is
/// `main_content` (set into a JSON string as it is), under `dir/wcxb`.
fn wcxb_dataset(dir: &std::path::Path, main_content: &str) -> std::path::PathBuf {
    let dataset = dir.join("wcxb");
    std::fs::create_dir_all(dataset.join("html")).unwrap();
    std::fs::create_dir_all(dataset.join("ground-truth")).unwrap();
    write_gzipped(&dataset.join("html/0001.html.gz"), PAGE);
    std::fs::write(
        dataset.join("ground-truth/0001.json"),
        format!(
            r#"{{"ground_truth": {{"main_content": "{main_content}"}},
            "_internal": {{"page_type": {{"primary": "article"}}}}}}"#
        ),
    )
    .unwrap();
    dataset
}

#[test]
fn eval_totals_the_ground_truth_text_each_reason_removed() {
    let dir = tempfile::tempdir().unwrap();
    // This ground truth also keeps the footer line, which dechrome removes as chrome.
    let dataset = wcxb_dataset(
        dir.path(),
        "Bridge reopens. Engineers replaced two of the arches. © 2024 Town Paper. All rights reserved.",
    );
    let output = dechrome()
        .args(["eval", "--json", "--by-reason", "5"])
        .arg(&dataset)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = report["missed_by_reason"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["words"], 6);
    assert_eq!(rows[0]["pages"], 1);
    let reason = rows[0]["reason"].as_str().unwrap();
    assert!(reason.contains("footer"), "{reason}");
    assert!(!reason.contains("2024"), "{reason}");

    let text = dechrome()
        .args(["eval", "--by-reason", "5"])
        .arg(&dataset)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("ground-truth text removed, by reason"));
    dechrome()
        .args(["eval", "--by-reason", "5", "--predictions"])
        .arg(dir.path())
        .arg(&dataset)
        .assert()
        .code(2);
}

#[test]
fn eval_scores_another_tools_files_and_refuses_cleaning_flags_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = wcxb_dataset(dir.path(), "bridge reopened on monday");
    let predictions = dir.path().join("other-tool");
    std::fs::create_dir_all(&predictions).unwrap();
    // Four of the six predicted words are in the ground truth, and all of its words are found.
    std::fs::write(
        predictions.join("0001.txt"),
        "Bridge reopened on Monday: share this",
    )
    .unwrap();

    let output = dechrome()
        .args(["eval", "--json", "--predictions"])
        .arg(&predictions)
        .arg(&dataset)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let f1 = report["overall"]["f1"].as_f64().unwrap();
    let precision = 4.0 / 6.0;
    assert!(
        (f1 - 2.0 * precision / (precision + 1.0)).abs() < 1e-9,
        "{f1}"
    );
    assert_eq!(report["predictions_dir"], predictions.display().to_string());

    dechrome()
        .args(["eval", "--without-title", "--predictions"])
        .arg(&predictions)
        .arg(&dataset)
        .assert()
        .code(2);
    dechrome()
        .args(["eval", "--predictions"])
        .arg(dir.path().join("missing"))
        .arg(&dataset)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing"));
}
