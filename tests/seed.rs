//! The seed: a real crawled page as text, chrome and all. Every chrome line goes, every
//! article line stays whole. Skips when `../shared` is not beside the clone.

use std::path::PathBuf;

fn seed_path() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_8594796ade45ddec.txt");
    path.exists().then_some(path)
}

/// Lines of the seed that are chrome: site header, category labels, bylines, the
/// "Published / on" pairs, "Continue Reading", "Comments", partner attributions, rails and
/// the copyright line.
fn is_chrome_line(line: &str) -> bool {
    matches!(
        line,
        "Connect with us"
            | "Terrorism"
            | "Uran Botobekov"
            | "Anne Speckhard, Ph.D"
            | "MD Staff"
            | "Published"
            | "on"
            | "Continue Reading"
            | "Comments"
            | "Latest"
            | "Trending"
    ) || line.starts_with("From our partner")
        || line.starts_with("Copyright ©")
}

#[test]
fn seed_loses_every_chrome_line_and_keeps_every_article_line() {
    let Some(path) = seed_path() else {
        eprintln!("skipped: ../shared/seeds is not present");
        return;
    };
    let input = std::fs::read_to_string(&path).unwrap();
    let output = dechrome::clean_text(&input);
    let out_lines: std::collections::HashSet<&str> = output.lines().map(str::trim).collect();
    let mut chrome_seen = 0;
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if is_chrome_line(line) {
            chrome_seen += 1;
            assert!(!out_lines.contains(line), "chrome line survived: {line:?}");
        } else {
            assert!(out_lines.contains(line), "article line lost: {line:?}");
        }
    }
    assert!(
        chrome_seen >= 25,
        "the seed's chrome was not recognised as such"
    );
}

#[test]
fn cleaning_the_seed_output_again_changes_nothing() {
    let Some(path) = seed_path() else {
        return;
    };
    let input = std::fs::read_to_string(&path).unwrap();
    let once = dechrome::clean_text(&input);
    assert_eq!(dechrome::clean_text(&once), once);
}
