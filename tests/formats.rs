//! Crawl formats through the command line: WARC (plain and multi-member gzip, from files and
//! stdin), WET text records, JSONL in and out; input order and thread-count independence.

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;

fn dechrome() -> Command {
    Command::cargo_bin("dechrome").unwrap()
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1><p>{body}</p><p>{body} The council will meet again in the \
         spring to decide on the second part of the plan, after a public consultation.</p>\
         </article><footer>© 2025 Town Paper. All rights reserved.</footer></body></html>"
    )
}

/// One WARC record with `block` as its content.
fn record(warc_type: &str, uri: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2025-03-11T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(uri: &str, id: &str, mime: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    record(
        "response",
        uri,
        id,
        "application/http; msgtype=response",
        &http,
    )
}

/// A small crawl: warcinfo, request, three HTML responses (one in windows-1252 declared by
/// the HTTP header), an image, and a redirect.
fn crawl_records() -> Vec<Vec<u8>> {
    let latin = page("Caf\u{e9} reopens", "The caf\u{e9} by the harbour reopened on Monday after a long winter of repairs to its roof and kitchen.");
    let (latin_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
    vec![
        record("warcinfo", "", "0", "application/warc-fields", b"software: test\r\n"),
        record(
            "request",
            "https://paper.example/a",
            "1",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: paper.example\r\n\r\n",
        ),
        response(
            "https://paper.example/a",
            "2",
            "text/html; charset=utf-8",
            page("Bridge reopens", "The old stone bridge over the river reopened on Monday after nine months of repairs.").as_bytes(),
        ),
        response(
            "https://paper.example/b",
            "3",
            "text/html; charset=windows-1252",
            &latin_bytes,
        ),
        response("https://paper.example/logo.png", "4", "image/png", b"\x89PNG\r\n\x1a\nxxxx"),
        response(
            "https://paper.example/c",
            "5",
            "text/html",
            page("Ferry fares rise", "Ferry fares will rise by five percent in April, the operator said on Tuesday, citing the cost of fuel.").as_bytes(),
        ),
    ]
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(r).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

fn jsonl(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn warc_gz_to_jsonl_in_input_order_with_record_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, gzip_members(&crawl_records())).unwrap();
    let output = dechrome()
        .args(["clean", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let docs = jsonl(&output.stdout);
    let urls: Vec<&str> = docs.iter().map(|d| d["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "https://paper.example/a",
            "https://paper.example/b",
            "https://paper.example/c"
        ]
    );
    assert_eq!(docs[0]["warc_record_id"], "<urn:uuid:2>");
    assert_eq!(docs[0]["warc_date"], "2025-03-11T08:00:00Z");
    assert_eq!(docs[0]["title"], "Bridge reopens");
    let text = docs[1]["text"].as_str().unwrap();
    assert!(text.contains("The café by the harbour"), "{text}");
    assert!(!text.contains("All rights reserved"));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("3 cleaned, 3 skipped, 0 failed"),
        "{stderr}"
    );
}

#[test]
fn warc_from_stdin_plain_and_gzip_give_the_same_output() {
    let plain: Vec<u8> = crawl_records().concat();
    let gz = gzip_members(&crawl_records());
    let a = dechrome()
        .args(["clean", "--format", "jsonl", "-q"])
        .write_stdin(plain)
        .output()
        .unwrap();
    let b = dechrome()
        .args(["clean", "--format", "jsonl", "-q", "-"])
        .write_stdin(gz)
        .output()
        .unwrap();
    assert!(a.status.success() && b.status.success());
    let (a, b) = (jsonl(&a.stdout), jsonl(&b.stdout));
    assert_eq!(a.len(), 3);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x["text"], y["text"]);
    }
}

#[test]
fn warc_with_out_dir_writes_one_file_per_record_or_one_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("crawl.warc.gz"), gzip_members(&crawl_records())).unwrap();
    let out = dir.path().join("out");
    dechrome()
        .arg("clean")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(out.join("crawl"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["000000.txt", "000001.txt", "000002.txt"]);
    let out2 = dir.path().join("out2");
    dechrome()
        .args(["clean", "--format", "jsonl"])
        .arg(&input)
        .arg("--out")
        .arg(&out2)
        .assert()
        .success();
    let lines = std::fs::read_to_string(out2.join("crawl.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 3);
}

#[test]
fn text_output_of_a_warc_to_stdout_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, crawl_records().concat()).unwrap();
    dechrome()
        .arg("clean")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format jsonl"));
}

#[test]
fn truncated_warc_keeps_earlier_records_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc.gz");
    let whole = gzip_members(&crawl_records());
    std::fs::write(&path, &whole[..whole.len() - 40]).unwrap();
    let output = dechrome()
        .args(["clean", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(jsonl(&output.stdout).len(), 2);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("cut.warc.gz"), "{stderr}");
}

#[test]
fn wet_conversion_records_are_cleaned_as_text() {
    let text = "Home\nNews\nSport\nThe old stone bridge over the river reopened on Monday after \
                nine months of repairs, and the first people to cross it were children.\n\
                Share this article\n";
    let wet = record(
        "conversion",
        "https://paper.example/a",
        "9",
        "text/plain",
        text.as_bytes(),
    );
    let output = dechrome()
        .args(["clean", "--format", "jsonl", "--input-format", "warc"])
        .write_stdin(wet)
        .output()
        .unwrap();
    assert!(output.status.success());
    let docs = jsonl(&output.stdout);
    let clean = docs[0]["text"].as_str().unwrap();
    assert!(clean.contains("nine months of repairs"));
    assert!(!clean.contains("Share this article"), "{clean}");
}

#[test]
fn jsonl_in_jsonl_out_and_bad_lines_are_reported() {
    let input = [
        serde_json::json!({"url": "https://a.example/1", "html": page("One", "The first story is about a library that opened a new reading room for children and their parents.")}).to_string(),
        "not json".to_string(),
        serde_json::json!({"url": "https://a.example/2"}).to_string(),
        serde_json::json!({"url": "https://a.example/3", "text": "A plain text document that was extracted already, with a sentence long enough to stay in the output."}).to_string(),
    ]
    .join("\n");
    let output = dechrome()
        .args(["clean", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let docs = jsonl(&output.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["url"], "https://a.example/3");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("<stdin>:2: not a JSON object"), "{stderr}");
    assert!(
        stderr.contains("<stdin>:3: no \"html\" or \"text\" field"),
        "{stderr}"
    );
}

#[test]
fn output_is_byte_identical_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut records = Vec::new();
    for i in 0..150 {
        records.push(response(
            &format!("https://paper.example/{i}"),
            &i.to_string(),
            "text/html",
            page(
                &format!("Story number {i}"),
                &format!("Story {i} tells how the town of number {i} rebuilt its harbour wall after the winter storms, with help from volunteers."),
            )
            .as_bytes(),
        ));
    }
    std::fs::write(input.join("big.warc.gz"), gzip_members(&records)).unwrap();
    let run = |jobs: &str| {
        dechrome()
            .args(["clean", "--format", "jsonl", "-q", "-j", jobs])
            .arg(input.join("big.warc.gz"))
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    assert_eq!(jsonl(&one).len(), 150);
}

#[test]
fn text_markers_survive_a_second_cleaning_and_are_not_doubled_in_markdown() {
    // A page's paragraph that starts with "# " is text, and stays so when cleaned again.
    let once = dechrome::clean_html("<html><body><article><p># a</p></article></body></html>");
    assert_eq!(once, "# a\n");
    assert_eq!(dechrome::clean_text(&once), once);
    // Markdown of a text input writes each marker once.
    let text = "# The harbour reopens\n\nThe harbour reopened on Monday after three weeks of \
                repairs to the eastern wall, the port authority said.\n\n- ferries resume\n\
                - the fish market opens at six\n";
    let out = dechrome()
        .args(["clean", "-", "--format", "markdown"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("# The harbour reopens"), "{out}");
    assert!(!out.contains("# # "), "{out}");
    assert!(out.contains("- ferries resume"), "{out}");
    assert!(!out.contains("- - "), "{out}");
}
