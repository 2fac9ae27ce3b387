//! A byte-scanning HTML tokenizer for the common case, feeding html5ever's tree builder.
//!
//! html5ever's tokenizer reads tag and attribute names a character at a time, through a
//! queue of buffers, and is about half of the cleaning's instructions. Most of a page is
//! plain: text between tags, tags with quoted attributes, comments, a usual doctype. This
//! scanner finds the next `<` or `&` with `memchr`, reads a tag's names and values as slices,
//! and hands html5ever's tree builder the tokens html5ever's tokenizer would have made
//! (WHATWG HTML §13.2.5), so the tree is the same.
//!
//! Whatever is rarer than it is worth reading here makes the scanner stop with
//! [`Stop::Unsupported`] (a NUL byte, a CDATA section, an escaped `<!--` inside a script, a
//! `<plaintext>`, an unusual doctype, a tag or a comment the input ends in): the caller then
//! parses the whole page again with html5ever's own tokenizer. Tests check that both give
//! the same tree on every fixture and on pages made to hit each state.

use std::time::Instant;

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{ns, Attribute, LocalName, QualName};

/// Why the scanner stopped before the end of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// The input holds something the scanner leaves to html5ever's tokenizer; the tree
    /// builder has been fed part of the page and must be thrown away.
    Unsupported(&'static str),
    /// The deadline passed.
    Deadline,
}

/// Bytes scanned between two looks at the clock.
const DEADLINE_STRIDE: usize = 16 * 1024;

/// Feeds `html` (CR and CRLF already turned into LF) to `sink` as html5ever's tokenizer
/// would, then the end of file, and calls `sink.end()`. Stops early, having fed part of the
/// page, on input it does not read ([`Stop::Unsupported`]) or when `deadline` has passed.
pub(super) fn scan<S: TokenSink>(
    html: &str,
    sink: &S,
    deadline: Option<Instant>,
) -> Result<(), Stop> {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    if memchr::memchr2(0, b'\r', html.as_bytes()).is_some() {
        return Err(Stop::Unsupported("NUL or CR in the input"));
    }
    let mut scanner = Scanner {
        html,
        bytes: html.as_bytes(),
        pos: 0,
        sink,
        last_start_tag: None,
        deadline,
        next_check: DEADLINE_STRIDE,
    };
    scanner.run()?;
    let _ = sink.process_token(Token::EOFToken, 1);
    sink.end();
    Ok(())
}

/// What the tree builder asked the tokenizer to read next.
enum Mode {
    Data,
    Raw(RawKind),
}

struct Scanner<'a, S: TokenSink> {
    html: &'a str,
    bytes: &'a [u8],
    pos: usize,
    sink: &'a S,
    /// The name of the last start tag emitted (an "appropriate end tag" closes raw text).
    last_start_tag: Option<LocalName>,
    deadline: Option<Instant>,
    next_check: usize,
}

use super::is_html_space as is_space;

/// The index of the first byte from `i` on that is not a space (or the input's end).
fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    i
}

/// The index of the first byte from `i` on for which `ends` holds (or the input's end).
fn run_until(b: &[u8], mut i: usize, ends: impl Fn(u8) -> bool) -> usize {
    while b.get(i).is_some_and(|&c| !ends(c)) {
        i += 1;
    }
    i
}

impl<S: TokenSink> Scanner<'_, S> {
    fn run(&mut self) -> Result<(), Stop> {
        let mut mode = Mode::Data;
        while self.pos < self.bytes.len() {
            if self.pos >= self.next_check {
                if self.deadline.is_some_and(|d| Instant::now() > d) {
                    return Err(Stop::Deadline);
                }
                self.next_check = self.pos + DEADLINE_STRIDE;
            }
            mode = match mode {
                Mode::Data => self.data()?,
                Mode::Raw(kind) => self.raw(kind)?,
            };
        }
        Ok(())
    }

    /// Feeds the tree builder a token that cannot change what the tokenizer reads next.
    fn emit(&self, token: Token) {
        let _ = self.sink.process_token(token, 1);
    }

    fn text(&self, from: usize, to: usize) {
        if from < to {
            self.emit(Token::CharacterTokens(StrTendril::from_slice(
                &self.html[from..to],
            )));
        }
    }

    fn text_str(&self, text: &str) {
        if !text.is_empty() {
            self.emit(Token::CharacterTokens(StrTendril::from_slice(text)));
        }
    }

    /// The data state: text up to the next `<` or `&`, then what that starts.
    fn data(&mut self) -> Result<Mode, Stop> {
        let start = self.pos;
        let Some(at) = memchr::memchr2(b'<', b'&', &self.bytes[start..]) else {
            self.text(start, self.bytes.len());
            self.pos = self.bytes.len();
            return Ok(Mode::Data);
        };
        let at = start + at;
        self.text(start, at);
        if self.bytes[at] == b'&' {
            let (decoded, next) = self.char_ref(at, false);
            self.parse_error_at_reference(at, decoded.as_ref(), next);
            match decoded {
                Some(chars) => self.text_str(chars.encode(&mut [0; 8])),
                None => self.text(at, at + 1),
            }
            self.pos = next;
            return Ok(Mode::Data);
        }
        self.markup(at)
    }

    /// At a `<` in the data state.
    fn markup(&mut self, at: usize) -> Result<Mode, Stop> {
        let b = self.bytes;
        match b.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(at + 1, TagKind::StartTag),
            Some(b'/') => match b.get(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(at + 2, TagKind::EndTag),
                Some(b'>') => {
                    // `</>` is dropped, with the parse error html5ever's tokenizer reports
                    // (see [`Scanner::parse_error`]).
                    self.parse_error();
                    self.pos = at + 3;
                    Ok(Mode::Data)
                }
                Some(_) => self.bogus_comment(at + 2),
                None => Err(Stop::Unsupported("input ends in `</`")),
            },
            Some(b'!') => {
                let rest = &b[at + 2..];
                if rest.starts_with(b"--") {
                    self.comment(at + 4)
                } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
                    self.doctype(at + 9)
                } else if rest.len() < 7 || rest.starts_with(b"[CDATA[") {
                    Err(Stop::Unsupported("CDATA or a short markup declaration"))
                } else {
                    self.bogus_comment(at + 2)
                }
            }
            Some(b'?') => self.bogus_comment(at + 1),
            _ => {
                // A `<` that opens nothing is text.
                self.text(at, at + 1);
                self.pos = at + 1;
                Ok(Mode::Data)
            }
        }
    }

    /// A comment whose text starts at `from` (after `<!--`).
    fn comment(&mut self, from: usize) -> Result<Mode, Stop> {
        let b = self.bytes;
        let (data_end, next) = if b[from..].starts_with(b">") {
            (from, from + 1)
        } else if b[from..].starts_with(b"->") {
            (from, from + 2)
        } else {
            let mut search = from;
            loop {
                let Some(k) = memchr::memmem::find(&b[search..], b"--") else {
                    return Err(Stop::Unsupported("input ends in a comment"));
                };
                let k = search + k;
                match b.get(k + 2) {
                    Some(b'>') => break (k, k + 3),
                    Some(b'!') if b.get(k + 3) == Some(&b'>') => break (k, k + 4),
                    Some(_) => search = k + 1,
                    None => return Err(Stop::Unsupported("input ends in a comment")),
                }
            }
        };
        self.emit(Token::CommentToken(StrTendril::from_slice(
            &self.html[from..data_end],
        )));
        self.pos = next;
        Ok(Mode::Data)
    }

    /// A bogus comment (`<?…>`, `<!…>`, `</1…>`) whose text starts at `from`.
    fn bogus_comment(&mut self, from: usize) -> Result<Mode, Stop> {
        let Some(end) = memchr::memchr(b'>', &self.bytes[from..]) else {
            return Err(Stop::Unsupported("input ends in a bogus comment"));
        };
        let end = from + end;
        self.emit(Token::CommentToken(StrTendril::from_slice(
            &self.html[from..end],
        )));
        self.pos = end + 1;
        Ok(Mode::Data)
    }

    /// A doctype, after `<!DOCTYPE`: `<!DOCTYPE name>`, with a public and/or a system
    /// identifier in quotes. Any other shape is left to html5ever.
    fn doctype(&mut self, from: usize) -> Result<Mode, Stop> {
        const ODD: Stop = Stop::Unsupported("an unusual doctype");
        let b = self.bytes;
        let skip = |i: usize| skip_spaces(b, i);
        if !b.get(from).is_some_and(|&c| is_space(c)) {
            return Err(ODD);
        }
        let name_start = skip(from);
        let mut i = run_until(b, name_start, |c| is_space(c) || c == b'>');
        if i == name_start || i >= b.len() {
            return Err(ODD);
        }
        let name = self.html[name_start..i].to_ascii_lowercase();
        let quoted = |i: usize| -> Result<(StrTendril, usize), Stop> {
            let quote = b[i];
            let end = memchr::memchr2(quote, b'>', &b[i + 1..]).ok_or(ODD)? + i + 1;
            if b[end] != quote {
                return Err(ODD);
            }
            Ok((StrTendril::from_slice(&self.html[i + 1..end]), end + 1))
        };
        let is_quote = |i: usize| matches!(b.get(i), Some(b'"' | b'\''));
        let mut doctype = Doctype {
            name: Some(StrTendril::from_slice(&name)),
            public_id: None,
            system_id: None,
            force_quirks: false,
        };
        i = skip(i);
        if b.get(i) != Some(&b'>') {
            let keyword = b.get(i..i + 6).ok_or(ODD)?;
            let public = keyword.eq_ignore_ascii_case(b"public");
            if !public && !keyword.eq_ignore_ascii_case(b"system") {
                return Err(ODD);
            }
            i = skip(i + 6);
            if !is_quote(i) {
                return Err(ODD);
            }
            let (id, after) = quoted(i)?;
            i = skip(after);
            if public {
                doctype.public_id = Some(id);
                if is_quote(i) {
                    let (system, after) = quoted(i)?;
                    doctype.system_id = Some(system);
                    i = skip(after);
                }
            } else {
                doctype.system_id = Some(id);
            }
            if b.get(i) != Some(&b'>') {
                return Err(ODD);
            }
        }
        self.emit(Token::DoctypeToken(doctype));
        self.pos = i + 1;
        Ok(Mode::Data)
    }

    /// A start or end tag whose name starts at `name_start`.
    fn tag(&mut self, name_start: usize, kind: TagKind) -> Result<Mode, Stop> {
        const CUT: Stop = Stop::Unsupported("input ends in a tag");
        let b = self.bytes;
        let mut i = run_until(b, name_start, |c| is_space(c) || c == b'/' || c == b'>');
        if i >= b.len() {
            return Err(CUT);
        }
        let name = lowercase_name(&self.html[name_start..i]);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut had_duplicate_attributes = false;
        let mut self_closing = false;
        loop {
            i = skip_spaces(b, i);
            match b.get(i) {
                None => return Err(CUT),
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    if i >= b.len() {
                        return Err(CUT);
                    }
                    continue;
                }
                Some(_) => {}
            }
            // An attribute name: its first character may be `=`.
            let attr_start = i;
            i = run_until(b, i + 1, |c| is_space(c) || matches!(c, b'/' | b'>' | b'='));
            let attr_name = lowercase_name(&self.html[attr_start..i]);
            i = skip_spaces(b, i);
            let mut value = StrTendril::new();
            if b.get(i) == Some(&b'=') {
                i = skip_spaces(b, i + 1);
                match b.get(i) {
                    None => return Err(CUT),
                    Some(&quote @ (b'"' | b'\'')) => {
                        let from = i + 1;
                        let end = memchr::memchr(quote, &b[from..]).ok_or(CUT)? + from;
                        value = self.attribute_value(from, end);
                        i = end + 1;
                    }
                    Some(b'>') => {}
                    Some(_) => {
                        let from = i;
                        i = run_until(b, i, |c| is_space(c) || c == b'>');
                        if i >= b.len() {
                            return Err(CUT);
                        }
                        value = self.attribute_value(from, i);
                    }
                }
            }
            if attrs.iter().any(|a| a.name.local == attr_name) {
                had_duplicate_attributes = true;
            } else {
                attrs.push(Attribute {
                    name: QualName::new(None, ns!(), attr_name),
                    value,
                });
            }
        }
        self.pos = i;
        if kind == TagKind::StartTag {
            self.last_start_tag = Some(name.clone());
        }
        let result = self.sink.process_token(
            Token::TagToken(Tag {
                kind,
                name,
                self_closing,
                attrs,
                had_duplicate_attributes,
            }),
            1,
        );
        match result {
            TokenSinkResult::RawData(kind) => Ok(Mode::Raw(kind)),
            TokenSinkResult::Plaintext => Err(Stop::Unsupported("<plaintext>")),
            _ => Ok(Mode::Data),
        }
    }

    /// An attribute's value between `from` and `to`, character references decoded.
    fn attribute_value(&self, from: usize, to: usize) -> StrTendril {
        let raw = &self.html[from..to];
        if memchr::memchr(b'&', raw.as_bytes()).is_none() {
            return StrTendril::from_slice(raw);
        }
        let mut value = String::with_capacity(raw.len());
        let mut i = from;
        while let Some(at) = memchr::memchr(b'&', &self.bytes[i..to]) {
            let at = i + at;
            value.push_str(&self.html[i..at]);
            let (decoded, next) = self.char_ref(at, true);
            match decoded {
                Some(chars) => value.push_str(chars.encode(&mut [0; 8])),
                None => value.push('&'),
            }
            // A reference never reads past the value's end: its characters are letters,
            // digits, `#` and `;`, and the value ends at a quote, a space or `>`.
            i = next.min(to);
        }
        value.push_str(&self.html[i..to]);
        StrTendril::from_slice(&value)
    }

    /// Tells the tree builder of a parse error where html5ever's tokenizer reports one. The
    /// error itself changes nothing, but it is a token: a newline right after `<pre>`,
    /// `<listing>` or `<textarea>` is dropped only when it is the very next token
    /// (`<textarea>&#xA` keeps its newline, `<textarea>&#xA;` does not).
    fn parse_error(&self) {
        self.emit(Token::ParseError(std::borrow::Cow::Borrowed(
            "parse error (byte scanner)",
        )));
    }

    /// [`Scanner::parse_error`] for a character reference in text (at `at`, read up to
    /// `next`) that html5ever's tokenizer reports: a numeric one without digits, without its
    /// `;` or for a character the standard forbids, a named one without its `;`. (A name
    /// that is no reference, `&foo;`, is an error too, but its text starts with `&`, so no
    /// newline can follow it as the next token.)
    fn parse_error_at_reference(&self, at: usize, decoded: Option<&Decoded>, next: usize) {
        let b = self.bytes;
        let error = match (b.get(at + 1), decoded) {
            (Some(b'#'), None) => true,
            (Some(b'#'), Some(_)) => {
                b[next - 1] != b';' || {
                    // The value as written, before html5ever's replacements.
                    let digits = &self.html[at + 2..next];
                    let (digits, base) = match digits.strip_prefix(['x', 'X']) {
                        Some(hex) => (hex, 16),
                        None => (digits, 10),
                    };
                    let n = u32::from_str_radix(digits.trim_end_matches(';'), base).ok();
                    n.is_none_or(|n| {
                        matches!(
                            n,
                            0x00..=0x08
                                | 0x0B
                                | 0x0D..=0x1F
                                | 0x7F..=0x9F
                                | 0xD800..=0xDFFF
                                | 0xFDD0..=0xFDEF
                        ) || n > 0x10FFFF
                            || n & 0xFFFE == 0xFFFE
                    })
                }
            }
            (_, Some(_)) => b[next - 1] != b';',
            (_, None) => false,
        };
        if error {
            self.parse_error();
        }
    }

    /// The character reference at `at` (an `&`): its characters, if it is one, and where
    /// reading goes on (after the reference, or after the `&` when it is none).
    fn char_ref(&self, at: usize, in_attribute: bool) -> (Option<Decoded>, usize) {
        let b = self.bytes;
        let none = (None, at + 1);
        match b.get(at + 1) {
            Some(b'#') => {
                let mut i = at + 2;
                let hex = matches!(b.get(i), Some(b'x' | b'X'));
                if hex {
                    i += 1;
                }
                let base = if hex { 16 } else { 10 };
                let digits_start = i;
                let mut n: u32 = 0;
                let mut too_big = false;
                while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(base)) {
                    n = n.wrapping_mul(base);
                    if n > 0x10FFFF {
                        too_big = true;
                    }
                    n = n.wrapping_add(d);
                    i += 1;
                }
                if i == digits_start {
                    return none;
                }
                if b.get(i) == Some(&b';') {
                    i += 1;
                }
                (Some(Decoded::one(numeric_char(n, too_big))), i)
            }
            Some(c) if c.is_ascii_alphanumeric() => {
                // The longest name in the table: every prefix of a name is a key (with no
                // characters when only a prefix).
                let mut end = at + 1;
                let mut found: Option<((u32, u32), usize)> = None;
                while end < b.len() && b[end].is_ascii() {
                    end += 1;
                    match NAMED_ENTITIES.get(&self.html[at + 1..end]) {
                        Some(&m) => {
                            if m.0 != 0 {
                                found = Some((m, end));
                            }
                        }
                        None => break,
                    }
                }
                let Some(((c1, c2), name_end)) = found else {
                    return none;
                };
                if in_attribute
                    && b[name_end - 1] != b';'
                    && b.get(name_end)
                        .is_some_and(|&c| c == b'=' || c.is_ascii_alphanumeric())
                {
                    return none;
                }
                let first = char::from_u32(c1).unwrap_or('\u{fffd}');
                let second = (c2 != 0).then(|| char::from_u32(c2).unwrap_or('\u{fffd}'));
                (Some(Decoded { first, second }), name_end)
            }
            _ => none,
        }
    }

    /// Raw text (RCDATA, RAWTEXT or script data) up to the appropriate end tag.
    fn raw(&mut self, kind: RawKind) -> Result<Mode, Stop> {
        let references = match kind {
            RawKind::Rcdata => true,
            RawKind::Rawtext => false,
            RawKind::ScriptData => return self.script(),
            RawKind::ScriptDataEscaped(_) => return Err(Stop::Unsupported("escaped script")),
        };
        let b = self.bytes;
        let end_name = self.last_start_tag.clone();
        let mut from = self.pos;
        let mut i = self.pos;
        loop {
            let found = if references {
                memchr::memchr2(b'<', b'&', &b[i..])
            } else {
                memchr::memchr(b'<', &b[i..])
            };
            let Some(at) = found else {
                self.text(from, b.len());
                self.pos = b.len();
                return Ok(Mode::Data);
            };
            let at = i + at;
            if b[at] == b'&' {
                let (decoded, next) = self.char_ref(at, false);
                if let Some(chars) = decoded {
                    self.text(from, at);
                    self.parse_error_at_reference(at, Some(&chars), next);
                    self.text_str(chars.encode(&mut [0; 8]));
                    from = next;
                }
                i = next;
                continue;
            }
            if end_name
                .as_ref()
                .is_some_and(|name| closes_raw_text(b, at, name.as_bytes()))
            {
                self.text(from, at);
                return self.tag(at + 2, TagKind::EndTag);
            }
            i = at + 1;
        }
    }

    /// Script data up to its end tag: all of it text.
    fn script(&mut self) -> Result<Mode, Stop> {
        let name = self.last_start_tag.clone();
        let name = name.as_ref().map_or(&b""[..], |n| n.as_bytes());
        let end = script_end(self.bytes, self.pos, name);
        self.text(self.pos, end);
        if end < self.bytes.len() {
            return self.tag(end + 2, TagKind::EndTag);
        }
        self.pos = end;
        Ok(Mode::Data)
    }
}

/// Whether the `<` at `at` opens the end tag of raw text opened by `name`: `</name`
/// (any case) followed by a space, `/` or `>`.
fn closes_raw_text(b: &[u8], at: usize, name: &[u8]) -> bool {
    let name_end = at + 2 + name.len();
    b.get(at + 1) == Some(&b'/')
        && !name.is_empty()
        && b.get(at + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(name_end)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the script data starting at `from` ends: the `<` of its end tag, or the input's
/// end. Follows the script data states of the tokenizer: after `<!--` the text is
/// "escaped", and inside an escaped `<script>…</script>` ("double escaped") the script's
/// own end tag does not close it.
fn script_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    #[derive(Clone, Copy)]
    enum State {
        Plain,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    use State::*;
    // The run of ASCII letters from `i` and the index after it.
    let letters = |i: usize| {
        let j = run_until(b, i, |c| !c.is_ascii_alphabetic());
        (b.get(i..j).unwrap_or_default(), j)
    };
    let is_script = |word: &[u8], j: usize| {
        word.eq_ignore_ascii_case(b"script")
            && b.get(j)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    };
    let mut state = Plain;
    let mut i = from;
    loop {
        let next = match state {
            Plain => memchr::memchr(b'<', &b[i..]),
            Escaped | Double => memchr::memchr2(b'-', b'<', &b[i..]),
            _ => Some(0),
        };
        let Some(k) = next else {
            return b.len();
        };
        let at = i + k;
        let Some(&c) = b.get(at) else {
            return b.len();
        };
        (state, i) = match (state, c) {
            (Plain, _) => {
                if closes_raw_text(b, at, name) {
                    return at;
                }
                if b[at + 1..].starts_with(b"!--") {
                    (EscapedDashDash, at + 4)
                } else {
                    (Plain, at + 1)
                }
            }
            (Escaped | EscapedDash | EscapedDashDash, b'<') => {
                if closes_raw_text(b, at, name) {
                    return at;
                }
                match b.get(at + 1) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let (word, j) = letters(at + 1);
                        if is_script(word, j) {
                            (Double, j + 1)
                        } else {
                            (Escaped, j)
                        }
                    }
                    _ => (Escaped, at + 1),
                }
            }
            (Escaped, _) => (EscapedDash, at + 1),
            (EscapedDash, b'-') => (EscapedDashDash, at + 1),
            (EscapedDashDash, b'-') => (EscapedDashDash, at + 1),
            (EscapedDashDash, b'>') => (Plain, at + 1),
            (EscapedDash | EscapedDashDash, _) => (Escaped, at + 1),
            (Double | DoubleDash | DoubleDashDash, b'<') => {
                if b.get(at + 1) == Some(&b'/') {
                    let (word, j) = letters(at + 2);
                    if is_script(word, j) {
                        (Escaped, j + 1)
                    } else {
                        (Double, j)
                    }
                } else {
                    (Double, at + 1)
                }
            }
            (Double, _) => (DoubleDash, at + 1),
            (DoubleDash, b'-') => (DoubleDashDash, at + 1),
            (DoubleDashDash, b'-') => (DoubleDashDash, at + 1),
            (DoubleDashDash, b'>') => (Plain, at + 1),
            (DoubleDash | DoubleDashDash, _) => (Double, at + 1),
        };
    }
}

/// The one or two characters a character reference stands for.
struct Decoded {
    first: char,
    second: Option<char>,
}

impl Decoded {
    fn one(c: char) -> Decoded {
        Decoded {
            first: c,
            second: None,
        }
    }

    /// The characters, written into `buf`.
    fn encode<'b>(&self, buf: &'b mut [u8; 8]) -> &'b str {
        let mut len = self.first.encode_utf8(buf).len();
        if let Some(c) = self.second {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }
}

/// The character a numeric reference stands for, as html5ever maps it: NUL, surrogates
/// and values past U+10FFFF become U+FFFD; C1 controls become their Windows-1252 meaning.
fn numeric_char(n: u32, too_big: bool) -> char {
    match n {
        _ if too_big || n > 0x10FFFF => '\u{fffd}',
        0x00 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(n - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(n).unwrap_or('\u{fffd}')),
        _ => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// A tag or attribute name as the tokenizer gives it: ASCII capitals lowered.
fn lowercase_name(name: &str) -> LocalName {
    if name.bytes().any(|c| c.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        LocalName::from(name)
    }
}
