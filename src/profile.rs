//! Site profiles: in how many documents of each site each normalised line appears.
//!
//! A line that repeats across many pages of one site is template, whatever its wording. A
//! [`Profile`] counts, per site, the documents each [line key](line_key) appears in. It is
//! built by [`Profile::add_document`], combined by [`Profile::merge`] (counting shards
//! separately and merging gives exactly what counting the union gives), written in a compact,
//! versioned, deterministic binary form by [`Profile::to_bytes`] and read back by
//! [`Profile::from_bytes`].
//!
//! ```
//! use dechrome::profile::{line_key, Profile};
//! let mut profile = Profile::default();
//! for body in ["First story", "Second story", "Third story"] {
//!     profile.add_document("example.org", ["Subscribe to our newsletter", body]);
//! }
//! let site = profile.site("example.org").unwrap();
//! assert_eq!(site.documents, 3);
//! assert_eq!(site.count(line_key("SUBSCRIBE to our newsletter!").unwrap()), 3);
//! assert_eq!(site.count(line_key("First story").unwrap()), 1);
//! let bytes = profile.to_bytes();
//! assert_eq!(Profile::from_bytes(&bytes).unwrap(), profile);
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};

/// First bytes of a profile file.
pub const MAGIC: &[u8; 8] = b"DCPROF\0\0";
/// Version of the profile format written by this build.
pub const FORMAT_VERSION: u32 = 1;
/// Longest sample text kept per key, in bytes.
pub const SAMPLE_BYTES: usize = 64;
/// Largest profile body accepted when reading, after decompression.
const MAX_BODY_BYTES: u64 = 4 << 30;

/// The key of a line: its text with case, digits, punctuation and whitespace folded,
/// hashed with xxh3 (64 bits). Lines with no letters have no key.
pub fn line_key(text: &str) -> Option<u64> {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| {
        let mut folded = buffer.borrow_mut();
        crate::detect::fold_into(text, &mut folded);
        (!folded.is_empty()).then(|| xxhash_rust::xxh3::xxh3_64(folded.as_bytes()))
    })
}

/// One line's statistics on a site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineStats {
    /// Number of documents the line appears in.
    pub documents: u64,
    /// A sample of the line's text (the smallest seen, cut to [`SAMPLE_BYTES`]), for people.
    pub sample: String,
}

/// Counts for one site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteProfile {
    /// Documents counted for this site.
    pub documents: u64,
    /// Per line key, its statistics.
    pub lines: HashMap<u64, LineStats>,
}

impl SiteProfile {
    /// In how many documents the line with `key` appears.
    pub fn count(&self, key: u64) -> u64 {
        self.lines.get(&key).map_or(0, |s| s.documents)
    }

    /// The lines in most documents first (ties by sample text, then key), at most `n`.
    pub fn top(&self, n: usize) -> Vec<(u64, &LineStats)> {
        let mut all: Vec<(u64, &LineStats)> = self.lines.iter().map(|(k, s)| (*k, s)).collect();
        all.sort_by(|a, b| {
            b.1.documents
                .cmp(&a.1.documents)
                .then_with(|| a.1.sample.cmp(&b.1.sample))
                .then_with(|| a.0.cmp(&b.0))
        });
        all.truncate(n);
        all
    }

    fn merge(&mut self, other: &SiteProfile) {
        self.documents += other.documents;
        for (key, stats) in &other.lines {
            let entry = self.lines.entry(*key).or_default();
            entry.documents += stats.documents;
            if entry.sample.is_empty() || (!stats.sample.is_empty() && stats.sample < entry.sample)
            {
                entry.sample = stats.sample.clone();
            }
        }
    }
}

/// Line counts for many sites.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    /// Per site (a host name such as `example.org`, or a directory name), its counts.
    pub sites: BTreeMap<String, SiteProfile>,
}

/// Errors reading a profile file.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// Not a dechrome profile.
    #[error("not a dechrome profile (bad magic bytes)")]
    NotAProfile,
    /// Written by a newer dechrome.
    #[error(
        "profile format version {0} is not supported (this build reads version {FORMAT_VERSION})"
    )]
    Version(u32),
    /// The file is damaged or cut short.
    #[error("damaged profile: {0}")]
    Damaged(String),
}

fn cut_sample(text: &str) -> &str {
    let text = text.trim();
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Profile {
    /// Counts one document of `site`: each distinct line key among `lines` once.
    pub fn add_document<'a>(&mut self, site: &str, lines: impl IntoIterator<Item = &'a str>) {
        let mut counter = self.document(site);
        for line in lines {
            counter.line(line);
        }
    }

    /// Starts counting one document of `site`; feed it lines with [`DocumentCounter::line`].
    pub fn document(&mut self, site: &str) -> DocumentCounter<'_> {
        let site_profile = match self.sites.get_mut(site) {
            Some(_) => self.sites.get_mut(site),
            None => Some(self.sites.entry(site.to_string()).or_default()),
        };
        let site_profile = site_profile.expect("the site was just inserted");
        site_profile.documents += 1;
        DocumentCounter {
            site: site_profile,
            seen: HashSet::new(),
        }
    }
}

impl Profile {
    /// Takes back a document counted with [`Profile::document`] that gave no lines.
    fn uncount_empty_document(&mut self, site: &str) {
        if let Some(counts) = self.sites.get_mut(site) {
            counts.documents = counts.documents.saturating_sub(1);
            if counts.documents == 0 && counts.lines.is_empty() {
                self.sites.remove(site);
            }
        }
    }
}

/// Counts the lines of one document (see [`Profile::document`]).
pub struct DocumentCounter<'a> {
    site: &'a mut SiteProfile,
    seen: HashSet<u64>,
}

impl DocumentCounter<'_> {
    /// Counts `line` (once per document).
    pub fn line(&mut self, line: &str) {
        let site_profile = &mut *self.site;
        let seen = &mut self.seen;
        {
            let Some(key) = line_key(line) else {
                return;
            };
            let sample = cut_sample(line);
            let entry = site_profile.lines.entry(key).or_default();
            if seen.insert(key) {
                entry.documents += 1;
            }
            if entry.sample.is_empty() || sample < entry.sample.as_str() {
                entry.sample = sample.to_string();
            }
        }
    }
}

impl Profile {
    /// Adds every count of `other`: learning on shards and merging equals learning on all.
    pub fn merge(&mut self, other: &Profile) {
        for (name, site) in &other.sites {
            self.sites.entry(name.clone()).or_default().merge(site);
        }
    }

    /// [`Profile::merge`], taking `other` by value (no copies of its texts).
    pub fn absorb(&mut self, other: Profile) {
        for (name, site) in other.sites {
            match self.sites.get_mut(&name) {
                None => {
                    self.sites.insert(name, site);
                }
                Some(mine) => {
                    mine.documents += site.documents;
                    for (key, stats) in site.lines {
                        match mine.lines.entry(key) {
                            std::collections::hash_map::Entry::Vacant(v) => {
                                v.insert(stats);
                            }
                            std::collections::hash_map::Entry::Occupied(mut o) => {
                                let entry = o.get_mut();
                                entry.documents += stats.documents;
                                if entry.sample.is_empty()
                                    || (!stats.sample.is_empty() && stats.sample < entry.sample)
                                {
                                    entry.sample = stats.sample;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The counts of `site`.
    pub fn site(&self, site: &str) -> Option<&SiteProfile> {
        self.sites.get(site)
    }

    /// Number of distinct (site, line) entries.
    pub fn len(&self) -> usize {
        self.sites.values().map(|s| s.lines.len()).sum()
    }

    /// Whether the profile counts nothing.
    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
    }

    /// The profile file: magic, version, then a gzip body of sites in name order, each with
    /// its lines in key order (keys delta-encoded as varints). The same counts always give
    /// the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::new();
        put_varint(&mut body, self.sites.len() as u64);
        for (name, site) in &self.sites {
            put_bytes(&mut body, name.as_bytes());
            put_varint(&mut body, site.documents);
            put_varint(&mut body, site.lines.len() as u64);
            let mut keys: Vec<&u64> = site.lines.keys().collect();
            keys.sort_unstable();
            let mut previous = 0u64;
            for key in keys {
                let stats = &site.lines[key];
                put_varint(&mut body, key - previous);
                previous = *key;
                put_varint(&mut body, stats.documents);
                put_bytes(&mut body, stats.sample.as_bytes());
            }
        }
        let mut out = Vec::with_capacity(body.len() / 2 + 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // mtime 0 and no file name: the gzip header carries nothing that varies.
        let mut encoder = flate2::GzBuilder::new()
            .mtime(0)
            .write(out, flate2::Compression::fast());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&body);
        encoder.finish().unwrap_or_default()
    }

    /// Reads a profile file written by [`Profile::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Profile, ProfileError> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(ProfileError::NotAProfile);
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if version != FORMAT_VERSION {
            return Err(ProfileError::Version(version));
        }
        let mut body = Vec::new();
        flate2::read::GzDecoder::new(&bytes[12..])
            .take(MAX_BODY_BYTES)
            .read_to_end(&mut body)
            .map_err(|e| ProfileError::Damaged(e.to_string()))?;
        let mut reader = Reader {
            bytes: &body,
            at: 0,
        };
        let mut profile = Profile::default();
        let sites = reader.varint()?;
        for _ in 0..sites {
            let name = reader.string()?;
            let documents = reader.varint()?;
            let count = reader.varint()?;
            // Each line takes at least 3 bytes: never trust a count for an allocation.
            let mut lines = HashMap::with_capacity((count as usize).min(reader.remaining() / 3));
            let mut key = 0u64;
            for _ in 0..count {
                key = key
                    .checked_add(reader.varint()?)
                    .ok_or_else(|| ProfileError::Damaged("line keys overflow".into()))?;
                let line_documents = reader.varint()?;
                let sample = reader.string()?;
                lines.insert(
                    key,
                    LineStats {
                        documents: line_documents,
                        sample,
                    },
                );
            }
            profile.sites.insert(name, SiteProfile { documents, lines });
        }
        if reader.remaining() != 0 {
            return Err(ProfileError::Damaged("trailing bytes".into()));
        }
        Ok(profile)
    }
}

/// One document to learn from.
#[derive(Debug, Clone, Copy)]
pub struct LearnInput<'a> {
    /// Raw bytes (any charset, maybe gzip).
    pub bytes: &'a [u8],
    /// File name (helps sniff the format).
    pub name: Option<&'a str>,
    /// The page's URL (its host is the site when `site` is absent).
    pub url: Option<&'a str>,
    /// The site, when known otherwise (a directory name).
    pub site: Option<&'a str>,
    /// Charset from the HTTP headers (as cleaning will use it, so keys match).
    pub http_charset: Option<&'a str>,
}

/// Learns a profile from `docs` on the current rayon pool. Documents that cannot be read
/// (too large, binary) are skipped; their indices come back with the error. The profile is
/// the same whatever the number of threads.
pub fn learn(
    cleaner: &crate::Cleaner,
    docs: &[LearnInput<'_>],
) -> (Profile, Vec<(usize, crate::Error)>) {
    use rayon::prelude::*;
    let (profile, mut errors) = docs
        .par_iter()
        .enumerate()
        .fold(
            || (Profile::default(), Vec::new()),
            |(mut profile, mut errors), (i, doc)| {
                let source = crate::Source {
                    name: doc.name,
                    url: doc.url,
                    http_charset: doc.http_charset,
                    site: doc.site,
                };
                let site = source.site_name();
                let mut counter = profile.document(&site);
                let result =
                    cleaner.for_each_profile_line(doc.bytes, &source, |line| counter.line(line));
                if let Err(e) = result {
                    // Unreadable: nothing was counted but the document itself.
                    profile.uncount_empty_document(&site);
                    errors.push((i, e));
                }
                (profile, errors)
            },
        )
        .reduce(
            || (Profile::default(), Vec::new()),
            |(mut a, mut ea), (b, eb)| {
                a.absorb(b);
                ea.extend(eb);
                (a, ea)
            },
        );
    errors.sort_by_key(|(i, _)| *i);
    (profile, errors)
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn varint(&mut self) -> Result<u64, ProfileError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .bytes
                .get(self.at)
                .ok_or_else(|| ProfileError::Damaged("cut short".into()))?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ProfileError::Damaged("varint too long".into()))
    }

    fn string(&mut self) -> Result<String, ProfileError> {
        let len = self.varint()?;
        if len > self.remaining() as u64 {
            return Err(ProfileError::Damaged("cut short".into()));
        }
        let start = self.at;
        self.at += len as usize;
        String::from_utf8(self.bytes[start..self.at].to_vec())
            .map_err(|_| ProfileError::Damaged("text is not UTF-8".into()))
    }
}

/// When a line's document frequency makes it template.
#[derive(Debug, Clone, PartialEq)]
pub struct FrequencyThresholds {
    /// Fewest documents a site needs before any of its lines is judged.
    pub min_site_documents: u64,
    /// Fewest documents a line must appear in.
    pub min_documents: u64,
    /// Smallest share of the site's documents a line must appear in.
    pub min_share: f64,
    /// Lines longer than this many words are template only when they appear on nearly every
    /// page ([`FrequencyThresholds::long_line_share`]).
    pub long_line_words: usize,
    /// The share a long line needs.
    pub long_line_share: f64,
}

impl Default for FrequencyThresholds {
    fn default() -> Self {
        FrequencyThresholds {
            min_site_documents: 5,
            min_documents: 3,
            min_share: 0.3,
            long_line_words: 25,
            long_line_share: 0.8,
        }
    }
}

/// A site's counts with the thresholds that judge them: what the line-frequency detector
/// reads for one page.
#[derive(Debug, Clone, Copy)]
pub struct SiteFrequency<'a> {
    /// The site's name.
    pub site: &'a str,
    /// Its counts.
    pub profile: &'a SiteProfile,
    /// The thresholds.
    pub thresholds: &'a FrequencyThresholds,
}

impl SiteFrequency<'_> {
    /// The number of documents the line appears in, when that makes it template.
    pub fn template_count(&self, text: &str, words: usize) -> Option<u64> {
        let t = self.thresholds;
        let total = self.profile.documents;
        if total < t.min_site_documents {
            return None;
        }
        let count = self.profile.count(line_key(text)?);
        let share = count as f64 / total as f64;
        let needed = if words > t.long_line_words {
            t.long_line_share
        } else {
            t.min_share
        };
        (count >= t.min_documents && share >= needed).then_some(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_digits_punctuation_and_space() {
        assert_eq!(line_key("Page 2 of 10"), line_key("page 3   of 11."));
        assert_eq!(
            line_key("© 2024 Town Paper"),
            line_key("© 2025 town  paper.")
        );
        assert_ne!(line_key("Town Paper"), line_key("Town Papers"));
        assert_eq!(line_key("2024 — 12:30"), None);
    }

    #[test]
    fn a_line_counts_once_per_document() {
        let mut p = Profile::default();
        p.add_document("a", ["Menu", "Menu", "Body"]);
        assert_eq!(p.site("a").unwrap().count(line_key("menu").unwrap()), 1);
    }

    #[test]
    fn merge_equals_learning_on_the_union() {
        let docs: Vec<(&str, Vec<&str>)> = vec![
            ("a", vec!["Home", "News", "Story one"]),
            ("b", vec!["Login", "Story two"]),
            ("a", vec!["HOME", "News!", "Story three"]),
            ("a", vec!["Home", "Story four", "zzz"]),
            ("b", vec!["Login", "Story five", "aaa"]),
        ];
        let mut all = Profile::default();
        for (site, lines) in &docs {
            all.add_document(site, lines.iter().copied());
        }
        let mut left = Profile::default();
        let mut right = Profile::default();
        for (i, (site, lines)) in docs.iter().enumerate() {
            let shard = if i % 2 == 0 { &mut left } else { &mut right };
            shard.add_document(site, lines.iter().copied());
        }
        let mut merged = right.clone();
        merged.merge(&left);
        assert_eq!(merged, all);
        let mut absorbed = left.clone();
        absorbed.absorb(right);
        assert_eq!(absorbed, all);
        assert_eq!(merged.to_bytes(), all.to_bytes());
    }

    #[test]
    fn bytes_round_trip_and_reject_damage() {
        let mut p = Profile::default();
        p.add_document("example.org", ["Subscribe", "Ünïcödé line", "x"]);
        let bytes = p.to_bytes();
        assert_eq!(Profile::from_bytes(&bytes).unwrap(), p);
        assert!(matches!(
            Profile::from_bytes(b"not a profile"),
            Err(ProfileError::NotAProfile)
        ));
        let mut newer = bytes.clone();
        newer[8] = 9;
        assert!(matches!(
            Profile::from_bytes(&newer),
            Err(ProfileError::Version(9))
        ));
        for cut in 12..bytes.len() {
            assert!(Profile::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn thresholds_need_enough_pages_and_share() {
        let mut p = Profile::default();
        for i in 0..10 {
            let body = [
                "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
                "kappa",
            ][i]
                .to_string()
                + " story";
            let lines = if i < 2 {
                vec!["Menu", "Rare teaser", body.as_str()]
            } else {
                vec!["Menu", body.as_str()]
            };
            p.add_document("s", lines);
        }
        let thresholds = FrequencyThresholds::default();
        let f = SiteFrequency {
            site: "s",
            profile: p.site("s").unwrap(),
            thresholds: &thresholds,
        };
        assert_eq!(f.template_count("Menu", 1), Some(10));
        assert_eq!(f.template_count("Rare teaser", 2), None);
        assert_eq!(f.template_count("delta story", 2), None);
        let strict = FrequencyThresholds {
            min_site_documents: 11,
            ..FrequencyThresholds::default()
        };
        let f = SiteFrequency {
            thresholds: &strict,
            ..f
        };
        assert_eq!(f.template_count("Menu", 1), None);
    }
}
