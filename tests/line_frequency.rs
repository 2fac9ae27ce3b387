//! Cross-document line frequency on generated sites: several sites mixed, each a template
//! (menus, tagline, partner note, disclaimer, copyright) around distinct bodies. Template lines
//! must go, body lines must all stay, shards learned apart and merged must equal learning on
//! everything, byte for byte.

use std::collections::BTreeSet;
use std::sync::Arc;

use assert_cmd::Command;
use dechrome::profile::{learn, LearnInput, Profile};
use dechrome::{Cleaner, Options, Source};

/// A small deterministic generator (64-bit LCG), so the sites are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const NOUNS: &[&str] = &[
    "council",
    "river",
    "school",
    "harbour",
    "market",
    "bridge",
    "library",
    "museum",
    "farmer",
    "teacher",
    "station",
    "village",
    "orchard",
    "ferry",
    "clinic",
    "choir",
    "bakery",
    "garden",
    "engineer",
    "festival",
    "budget",
    "railway",
    "reservoir",
    "tram",
    "storm",
    "theatre",
];
const VERBS: &[&str] = &[
    "approved",
    "opened",
    "repaired",
    "visited",
    "planned",
    "delayed",
    "funded",
    "rebuilt",
    "welcomed",
    "closed",
    "measured",
    "praised",
    "questioned",
    "extended",
    "replaced",
];
const ADJECTIVES: &[&str] = &[
    "old", "new", "small", "busy", "quiet", "local", "northern", "wooden", "public", "early",
    "late", "second", "annual", "narrow", "bright",
];

/// A body sentence of 14–22 words that reads as prose (plenty of stopwords).
fn sentence(rng: &mut Lcg) -> String {
    let mut words = vec![
        "The".to_string(),
        rng.pick(ADJECTIVES).into(),
        rng.pick(NOUNS).into(),
        rng.pick(VERBS).into(),
        "the".into(),
        rng.pick(NOUNS).into(),
        "on".into(),
        "Monday".into(),
        "after".into(),
        "a".into(),
        rng.pick(ADJECTIVES).into(),
        "debate".into(),
        "about".into(),
        "the".into(),
        rng.pick(NOUNS).into(),
    ];
    let extra = rng.next() % 8;
    for _ in 0..extra {
        words.push(if rng.next() % 3 == 0 {
            "and".into()
        } else {
            rng.pick(NOUNS).into()
        });
    }
    // A number makes most sentences unique even with a small vocabulary; digits are folded
    // in line keys, so uniqueness must also come from the words.
    words.push(format!("near the {} {}.", rng.pick(NOUNS), rng.pick(NOUNS)));
    words.join(" ")
}

struct Site {
    host: &'static str,
    header: Vec<String>,
    footer: Vec<String>,
}

fn sites() -> Vec<Site> {
    let make = |host: &'static str, name: &str, partner: &str| Site {
        host,
        header: vec![
            format!("{name}"),
            "Home".into(),
            "Local news".into(),
            "Politics and council".into(),
            "Sport results".into(),
            format!("The voice of the valley since 1921 — {name}"),
        ],
        footer: vec![
            format!("From our partner {partner}."),
            "Continue Reading".into(),
            format!(
                "{name} is published by the Valley Press cooperative. Views expressed in letters \
                 and opinion columns are those of their authors and not of the editors, who \
                 reserve the right to shorten letters for reasons of space."
            ),
            format!("Copyright 2025 {name}. All rights reserved."),
        ],
    };
    vec![
        make("valleyherald.example", "Valley Herald", "Lakeside Times"),
        make("coastpost.example", "Coast Post", "Harbour Daily"),
        make("hilltown.example", "Hilltown Courier", "Mountain Weekly"),
    ]
}

/// A page of `site` as plain text (a WET-like record) and its body lines.
fn page(site: &Site, rng: &mut Lcg, quote: Option<&str>) -> (String, Vec<String>) {
    let mut body: Vec<String> = (0..4 + rng.next() % 5).map(|_| sentence(rng)).collect();
    if let Some(q) = quote {
        body.insert(1, q.to_string());
    }
    let mut lines = site.header.clone();
    lines.extend(body.iter().cloned());
    lines.extend(site.footer.iter().cloned());
    (lines.join("\n") + "\n", body)
}

struct Corpus {
    docs: Vec<(String, String, Vec<String>)>, // url, text, body lines
}

fn corpus() -> Corpus {
    let mut rng = Lcg(42);
    let quote = "A library open on Sunday is the cheapest youth centre a town can ever have, said \
                 the mayor in a speech that many papers printed.";
    let mut docs = Vec::new();
    for i in 0..60 {
        let site = &sites()[i % 3];
        // One quote recurs on a few pages of one site: it is body text, not template.
        let q = (i % 3 == 0 && i % 12 == 0).then_some(quote);
        let (text, body) = page(site, &mut rng, q);
        docs.push((format!("https://{}/story/{i}", site.host), text, body));
    }
    Corpus { docs }
}

fn learn_all(docs: &[(String, String, Vec<String>)]) -> Profile {
    let inputs: Vec<LearnInput<'_>> = docs
        .iter()
        .map(|(url, text, _)| LearnInput {
            bytes: text.as_bytes(),
            name: Some("page.txt"),
            url: Some(url),
            site: None,
            http_charset: None,
        })
        .collect();
    let (profile, errors) = learn(&Cleaner::default(), &inputs);
    assert!(errors.is_empty());
    profile
}

#[test]
fn template_lines_go_and_every_body_line_stays() {
    let corpus = corpus();
    let profile = learn_all(&corpus.docs);
    assert_eq!(profile.sites.len(), 3);
    let cleaner = Cleaner::new(Options {
        profile: Some(Arc::new(profile)),
        ..Options::default()
    });
    let template: BTreeSet<String> = sites()
        .iter()
        .flat_map(|s| s.header.iter().chain(&s.footer).cloned())
        .collect();
    let (mut removed_template, mut removed_body, mut kept_template, mut lost_body) =
        (0usize, 0usize, 0usize, Vec::new());
    for (url, text, body) in &corpus.docs {
        let doc = cleaner
            .clean_bytes(
                text.as_bytes(),
                &Source {
                    name: Some("page.txt"),
                    url: Some(url),
                    ..Source::default()
                },
            )
            .unwrap();
        for (block, decision) in doc.blocks.iter().zip(&doc.decisions) {
            let is_template = template.contains(&block.text);
            match (is_template, decision.keep) {
                (true, false) => removed_template += 1,
                (true, true) => kept_template += 1,
                (false, false) => removed_body += 1,
                (false, true) => {}
            }
            if !is_template && !decision.keep {
                lost_body.push(block.text.clone());
            }
        }
        let clean = doc.to_text();
        for line in body {
            assert!(clean.contains(line.as_str()), "{url} lost {line:?}");
        }
    }
    let precision = removed_template as f64 / (removed_template + removed_body).max(1) as f64;
    let recall = removed_template as f64 / (removed_template + kept_template).max(1) as f64;
    eprintln!(
        "template removal: precision {precision:.4}, recall {recall:.4} ({removed_template} removed, {kept_template} kept, {removed_body} body lines removed)"
    );
    assert!(
        precision >= 0.99 && recall >= 0.99,
        "precision {precision:.3} recall {recall:.3}; lost body: {lost_body:?}"
    );
}

#[test]
fn removal_reason_names_the_detector_and_the_frequency() {
    let corpus = corpus();
    let cleaner = Cleaner::new(Options {
        profile: Some(Arc::new(learn_all(&corpus.docs))),
        keep_dom_paths: true,
        ..Options::default()
    });
    let (url, text, _) = &corpus.docs[4];
    let doc = cleaner.clean_text(text, Some(url));
    let explained = doc.render(dechrome::Format::Text, true);
    assert!(
        explained.contains(
            "- [line-frequency: on 20 of 20 pages of coastpost.example] From our partner Harbour Daily."
        ),
        "{explained}"
    );
}

#[test]
fn too_few_pages_of_a_site_change_nothing() {
    let corpus = corpus();
    // Four pages of one site: under the default of five.
    let few: Vec<_> = corpus
        .docs
        .iter()
        .filter(|(u, _, _)| u.contains("valleyherald"))
        .take(4)
        .cloned()
        .collect();
    let with = Cleaner::new(Options {
        profile: Some(Arc::new(learn_all(&few))),
        ..Options::default()
    });
    let without = Cleaner::default();
    for (url, text, _) in &few {
        assert_eq!(
            with.clean_text(text, Some(url)).to_text(),
            without.clean_text(text, Some(url)).to_text()
        );
    }
}

#[test]
fn shards_merged_equal_learning_on_the_union_byte_for_byte() {
    let corpus = corpus();
    let all = learn_all(&corpus.docs);
    let (a, rest) = corpus.docs.split_at(17);
    let (b, c) = rest.split_at(25);
    let mut merged = learn_all(c);
    merged.merge(&learn_all(a));
    merged.merge(&learn_all(b));
    assert_eq!(merged.to_bytes(), all.to_bytes());
    assert_eq!(Profile::from_bytes(&all.to_bytes()).unwrap(), all);
}

/// Writes the corpus as JSONL shards (url + text) under `dir`.
fn write_shards(dir: &std::path::Path, corpus: &Corpus) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    for (shard, docs) in corpus.docs.chunks(25).enumerate() {
        let path = dir.join(format!("shard-{shard}.jsonl"));
        let lines: String = docs
            .iter()
            .map(|(url, text, _)| serde_json::json!({"url": url, "text": text}).to_string() + "\n")
            .collect();
        std::fs::write(&path, lines).unwrap();
        paths.push(path);
    }
    paths
}

#[test]
fn cli_learn_merge_show_and_clean_with_a_profile() {
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap();
    let shards = write_shards(dir.path(), &corpus);
    let dechrome = || Command::cargo_bin("dechrome").unwrap();

    let whole = dir.path().join("whole.profile");
    dechrome()
        .arg("learn")
        .args(&shards)
        .arg("--out")
        .arg(&whole)
        .assert()
        .success();
    let mut parts = Vec::new();
    for (i, shard) in shards.iter().enumerate() {
        let out = dir.path().join(format!("part-{i}.profile"));
        dechrome()
            .args(["learn", "-j", "1", "-q"])
            .arg(shard)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        parts.push(out);
    }
    let merged = dir.path().join("merged.profile");
    dechrome()
        .args(["profile", "merge"])
        .args(parts.iter().rev())
        .arg("--out")
        .arg(&merged)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&merged).unwrap(),
        std::fs::read(&whole).unwrap()
    );

    let show = dechrome()
        .args([
            "profile",
            "show",
            "--site",
            "hilltown.example",
            "--top",
            "3",
        ])
        .arg(&merged)
        .output()
        .unwrap();
    let shown = String::from_utf8(show.stdout).unwrap();
    assert!(
        shown.starts_with("hilltown.example: 20 documents"),
        "{shown}"
    );
    assert!(shown.contains("20 100.0%"), "{shown}");

    // Cleaning with the profile removes the template; JSONL in, JSONL out, input order.
    let output = dechrome()
        .args(["clean", "--format", "jsonl", "--profile"])
        .arg(&merged)
        .arg(&shards[0])
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 25);
    for (value, (url, _, body)) in lines.iter().zip(&corpus.docs) {
        assert_eq!(value["url"], url.as_str());
        let text = value["text"].as_str().unwrap();
        assert!(!text.contains("From our partner"), "{text}");
        assert!(!text.contains("is published by the Valley Press"), "{text}");
        for line in body {
            assert!(text.contains(line.as_str()));
        }
    }

    // Without --profile, the batch learns by itself (enough pages per site).
    let auto = dechrome()
        .args(["clean", "--format", "jsonl"])
        .args(&shards)
        .output()
        .unwrap();
    assert!(auto.status.success());
    let auto = String::from_utf8(auto.stdout).unwrap();
    assert_eq!(auto.lines().count(), 60);
    assert!(!auto.contains("From our partner"));
    // Prose template that per-page heuristics keep: only frequency removes it.
    assert!(!auto.contains("is published by the Valley Press"));
    let off = dechrome()
        .args(["clean", "--format", "jsonl", "--no-auto-profile"])
        .args(&shards)
        .output()
        .unwrap();
    assert!(String::from_utf8(off.stdout)
        .unwrap()
        .contains("is published by the Valley Press"));

    // A damaged profile is a clear error.
    std::fs::write(
        dir.path().join("bad.profile"),
        b"DCPROF\0\0\x01\0\0\0garbage",
    )
    .unwrap();
    dechrome()
        .args(["clean", "--profile"])
        .arg(dir.path().join("bad.profile"))
        .arg(&shards[0])
        .args(["--format", "jsonl"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.profile: damaged profile"));
}

/// Pages of one site, enough for lossy counting to prune (more than 100 documents): a menu
/// and a footer on every page, a section note on every fourth, body lines of their own.
fn write_big_site(dir: &std::path::Path, pages: usize) {
    let site = dir.join("bigsite");
    std::fs::create_dir_all(&site).unwrap();
    let mut rng = Lcg(7);
    for i in 0..pages {
        let mut text = String::from("Home | News | Sport | Weather\n\n");
        if i % 4 == 0 {
            text.push_str("Read more from the sport desk every weekend\n\n");
        }
        for _ in 0..6 {
            let words: Vec<&str> = (0..9).map(|_| rng.pick(NOUNS)).collect();
            text.push_str(&words.join(" "));
            text.push_str(".\n\n");
        }
        text.push_str("Copyright The Big Site Company. All rights reserved.\n");
        std::fs::write(site.join(format!("page-{i:04}.txt")), text).unwrap();
    }
}

#[test]
fn pruned_learning_is_the_same_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    write_big_site(dir.path(), 700);
    let dechrome = || Command::cargo_bin("dechrome").unwrap();
    let mut profiles = Vec::new();
    for jobs in ["1", "2", "3"] {
        let out = dir.path().join(format!("j{jobs}.profile"));
        dechrome()
            .args(["learn", "-q", "-j", jobs])
            .arg(dir.path().join("bigsite"))
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        profiles.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(profiles[0], profiles[1]);
    assert_eq!(profiles[0], profiles[2]);
    let profile = Profile::from_bytes(&profiles[0]).unwrap();
    let site = profile.site("bigsite").unwrap();
    assert_eq!(site.documents, 700);
    // Lossy counting pruned the body lines, within its bound of 700 / 100 documents...
    assert!(site.error > 0 && site.error <= 7, "{}", site.error);
    assert!(site.lines.len() < 2_000, "{}", site.lines.len());
    // ...and kept the template exact.
    let count = |text: &str| site.count(dechrome::profile::line_key(text).unwrap());
    assert_eq!(count("Home | News | Sport | Weather"), 700);
    assert_eq!(count("Read more from the sport desk every weekend"), 175);
    let show = dechrome()
        .args(["profile", "show", "--top", "1"])
        .arg(dir.path().join("j1.profile"))
        .output()
        .unwrap();
    let shown = String::from_utf8(show.stdout).unwrap();
    assert!(shown.contains("counts may fall short by up to"), "{shown}");

    // The batch's own profile is pruned the same way at any -j: the same cleaned output.
    let mut outputs = Vec::new();
    for jobs in ["1", "2"] {
        let out = dechrome()
            .args(["clean", "--format", "jsonl", "--explain", "-q", "-j", jobs])
            .arg(dir.path().join("bigsite"))
            .output()
            .unwrap();
        assert!(out.status.success());
        outputs.push(out.stdout);
    }
    assert_eq!(outputs[0], outputs[1]);
    let text = String::from_utf8(outputs[0].clone()).unwrap();
    assert_eq!(text.lines().count(), 700);
    assert!(text.contains("line-frequency"), "the template is removed");
}
