//! Times the cleaner on generated hostile pages (deep nesting, many paragraphs).
//!
//! ```text
//! cargo run --release --example hostile_timings -- [CASE [DEPTH]]
//! ```
//!
//! With no case, runs every case at its default size. Cases: `div`, `b`, `span`, `table`,
//! `ul`, `a`, `font`, `mixed-inline`, `select`, `paragraphs`.

use std::time::Instant;

fn nested(open: &str, close: &str, depth: usize, text: &str) -> String {
    let mut html = String::with_capacity((open.len() + close.len()) * depth + text.len());
    for _ in 0..depth {
        html.push_str(open);
    }
    html.push_str(text);
    for _ in 0..depth {
        html.push_str(close);
    }
    html
}

fn page(case: &str, n: usize) -> String {
    let text = "The deepest sentence of the page, which must survive the cleaning.";
    match case {
        "div" => nested("<div>", "</div>", n, text),
        "b" => nested("<b>", "</b>", n, text),
        "span" => nested("<span>", "</span>", n, text),
        "table" => nested("<table><tr><td>", "</td></tr></table>", n, text),
        "ul" => nested("<ul><li>", "</li></ul>", n, text),
        "a" => nested("<a href=x>", "</a>", n, text),
        "font" => nested("<font>", "</font>", n, text),
        "mixed-inline" => nested("<b><i><u><em>", "</em></u></i></b>", n / 4, text),
        "select" => nested("<select>", "</select>", n, text),
        "unclosed-div" => "<div>".repeat(n) + text,
        "unclosed-b" => "<b>".repeat(n) + text,
        "paragraphs" => "<p>a</p>".repeat(n) + "<p>" + text + "</p>",
        "attributes" => {
            let mut html = String::from("<p");
            for i in 0..n {
                html.push_str(&format!(" a{i}=\"{i}\""));
            }
            html + ">" + text + "</p>"
        }
        "attribute-value" => format!("<p title=\"{}\">{text}</p>", "x".repeat(n)),
        "reconstruct" => {
            let mut html = String::new();
            for i in 0..n {
                html.push_str(&format!("<p><b id={i}>a</p>"));
            }
            html + "<p>" + text + "</p>"
        }
        "long-line" => "x".repeat(n) + " " + text,
        other => panic!("unknown case {other}"),
    }
}

fn run(case: &str, n: usize) {
    let html = page(case, n);
    let cleaner = dechrome::Cleaner::new(dechrome::Options {
        time_budget: None,
        ..dechrome::Options::default()
    });
    let start = Instant::now();
    let result = cleaner.clean_bytes(html.as_bytes(), &dechrome::Source::default());
    let elapsed = start.elapsed();
    let kept = match &result {
        Ok(doc) => doc.to_text().contains("deepest sentence"),
        Err(_) => false,
    };
    let outcome = match result {
        Ok(_) => "ok".to_string(),
        Err(e) => format!("error: {e}"),
    };
    println!(
        "{case:>14} x{n:<8} {:>9.3} s  text kept: {kept}  ({outcome})",
        elapsed.as_secs_f64()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cases = [
        ("div", 100_000),
        ("b", 100_000),
        ("span", 100_000),
        ("table", 10_000),
        ("ul", 10_000),
        ("a", 100_000),
        ("font", 100_000),
        ("mixed-inline", 100_000),
        ("select", 100_000),
        ("unclosed-div", 100_000),
        ("unclosed-b", 100_000),
        ("paragraphs", 1_000_000),
        ("attributes", 100_000),
        ("attribute-value", 1_000_000),
        ("reconstruct", 10_000),
        ("long-line", 5_000_000),
    ];
    match args.as_slice() {
        [] => {
            for (case, n) in cases {
                run(case, n);
            }
        }
        [case] => {
            let n = cases
                .iter()
                .find(|(c, _)| c == case)
                .map(|(_, n)| *n)
                .unwrap_or(100_000);
            run(case, n);
        }
        [case, n, ..] => run(case, n.parse().expect("a depth")),
    }
}
