//! Properties that hold for any page: cleaning is deterministic, clean text re-cleaned is
//! unchanged, and no input makes the cleaner panic.

use proptest::prelude::*;

/// Pieces real pages are made of: prose, headings, lists, links, chrome.
fn piece() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "council",
        "bridge",
        "river",
        "of",
        "and",
        "said",
        "on",
        "Monday",
        "repairs",
        "school",
        "a",
        "to",
        "work",
        "budget",
        "engineers",
        "winter",
        "children",
        "town",
        "new",
    ]);
    let sentence = prop::collection::vec(word, 4..30).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    });
    prop_oneof![
        prop::collection::vec(sentence.clone(), 1..5)
            .prop_map(|s| format!("<p>{}</p>", s.join(" "))),
        sentence
            .clone()
            .prop_map(|s| format!("<h2>{}</h2>", s.trim_end_matches('.'))),
        prop::collection::vec(sentence.clone(), 1..4).prop_map(|items| format!(
            "<ul>{}</ul>",
            items
                .iter()
                .map(|i| format!("<li>{i}</li>"))
                .collect::<String>()
        )),
        sentence
            .clone()
            .prop_map(|s| format!("<p><a href=\"/x\">{s}</a></p>")),
        Just("<nav><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav>".to_string()),
        Just("<div class=\"share\">Share this</div>".to_string()),
        Just("<footer>© 2024 Town. All rights reserved.</footer>".to_string()),
        Just("<p>Continue Reading</p>".to_string()),
        "[ -~]{0,40}".prop_map(|s| s),
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..25).prop_map(|pieces| {
        format!(
            "<html><body><article>{}</article></body></html>",
            pieces.join("\n")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn clean_text_recleaned_is_unchanged(html in page()) {
        let once = dechrome::clean_html(&html);
        let twice = dechrome::clean_text(&once);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn same_input_same_output(html in page()) {
        let cleaner = dechrome::Cleaner::default();
        let a = cleaner.clean_html(&html, None).to_json(true);
        let b = cleaner.clean_html(&html, None).to_json(true);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let cleaner = dechrome::Cleaner::default();
        let _ = cleaner.clean_bytes(&bytes, &dechrome::Source::default());
    }
}
