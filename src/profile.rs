//! Site profiles: in how many documents of each site each normalised line appears.
//!
//! A line that repeats across many pages of one site is template, whatever its wording. A
//! [`Profile`] counts, per site, the documents each [line key](line_key) appears in. It is
//! built by [`Profile::add_document`], combined by [`Profile::merge`] (counts add: counting
//! shards separately and merging gives exactly what counting the union gives), kept within a
//! memory bound by [`Profile::prune`], written in a compact, versioned, deterministic binary
//! form by [`Profile::to_bytes`] and read back by [`Profile::from_bytes`].
//!
//! # Bounded memory: lossy counting
//!
//! Left alone, a profile holds every distinct line of every site, so it grows with the
//! batch. [`Profile::prune`] bounds it with lossy counting (Manku and Motwani, "Approximate
//! frequency counts over data streams", VLDB 2002), per site, with bucket width
//! `w` = [`Bounds::bucket_width`] documents (ε = 1/w):
//!
//! - every kept line carries its count `c` and `missed` (Δ), an upper bound on the documents
//!   it appeared in that were not counted; its true document count lies in `[c, c + missed]`;
//! - each site carries `error`: every line absent from the site's map appeared in at most
//!   `error` of its documents, and a line first counted now starts with `missed = error`;
//! - a prune drops, in each site of `N` documents, the lines with `c + missed ≤ ⌊N / w⌋`
//!   and raises `error` to the largest `c + missed` it dropped. So `error ≤ N / w = εN`, every
//!   count under-estimates by at most εN, and every line in a share `> ε` of the site's
//!   documents is kept;
//! - a global cap, [`Bounds::max_entries`] lines across all sites (a crawl of many small
//!   sites, which per-site pruning never touches), then evicts the lines with the smallest
//!   `c + missed` first, ties by key then site name, raising their sites' `error` likewise
//!   (the only way `error` can exceed εN; it is recorded per site either way).
//!
//! Counts only ever under-estimate, so pruning can only make fewer lines template, never
//! more. Nothing is approximate until a site reaches `w` documents or the cap is reached:
//! below that, a pruned profile equals the exact one. Merging adds counts, `missed` and
//! `error` (a line absent from one side takes that side's `error` as missed), which is exact,
//! associative and commutative; pruning is a function of the profile alone, so prunes at the
//! same points (after each chunk of input, in input order) give the same profile at any
//! number of threads.
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
pub const FORMAT_VERSION: u32 = 2;
/// Longest sample text kept per key, in bytes.
pub const SAMPLE_BYTES: usize = 64;
/// The first profile format: no lossy-counting bounds (read as bounds of zero).
const FORMAT_V1: u32 = 1;
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
    /// Number of documents the line was counted in (a lower bound once pruning dropped it
    /// at some point: see the [module documentation](self)).
    pub documents: u64,
    /// At most this many documents the line appeared in were not counted (lossy counting's
    /// Δ): its true count lies in `documents ..= documents + missed`. Zero when exact.
    pub missed: u64,
    /// A sample of the line's text (the smallest seen since it was last counted from zero,
    /// cut to [`SAMPLE_BYTES`]), for people; empty when learned without samples.
    pub sample: String,
}

impl LineStats {
    /// The most documents the line can have appeared in: `documents + missed`.
    pub fn upper(&self) -> u64 {
        self.documents.saturating_add(self.missed)
    }
}

/// Counts for one site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteProfile {
    /// Documents counted for this site.
    pub documents: u64,
    /// Every line absent from `lines` appeared in at most this many documents of the site
    /// (zero until pruning dropped a line; see the [module documentation](self)).
    pub error: u64,
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
        self.absorb(other.clone());
    }

    /// Adds `other`'s counts: counts and `missed` add; a line absent from one side was seen
    /// there at most that side's `error` times, which its `missed` takes on.
    fn absorb(&mut self, other: SiteProfile) {
        let (my_error, their_error) = (self.error, other.error);
        self.documents = self.documents.saturating_add(other.documents);
        self.error = my_error.saturating_add(their_error);
        if their_error > 0 {
            for (key, stats) in self.lines.iter_mut() {
                if !other.lines.contains_key(key) {
                    stats.missed = stats.missed.saturating_add(their_error);
                }
            }
        }
        for (key, stats) in other.lines {
            match self.lines.entry(key) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    let mut stats = stats;
                    stats.missed = stats.missed.saturating_add(my_error);
                    v.insert(stats);
                }
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    let entry = o.get_mut();
                    entry.documents = entry.documents.saturating_add(stats.documents);
                    entry.missed = entry.missed.saturating_add(stats.missed);
                    if entry.sample.is_empty()
                        || (!stats.sample.is_empty() && stats.sample < entry.sample)
                    {
                        entry.sample = stats.sample;
                    }
                }
            }
        }
    }

    /// Lossy counting's step for a site of `N` documents: drops the lines with
    /// `documents + missed ≤ ⌊N / bucket_width⌋` and raises `error` to the largest bound
    /// dropped. Returns the number of lines dropped.
    fn prune_bucket(&mut self, bucket_width: u64) -> usize {
        let bucket = self.documents / bucket_width.max(1);
        if bucket == 0 {
            return 0;
        }
        let before = self.lines.len();
        let mut dropped_bound = 0;
        self.lines.retain(|_, stats| {
            let upper = stats.upper();
            let keep = upper > bucket;
            if !keep {
                dropped_bound = dropped_bound.max(upper);
            }
            keep
        });
        self.error = self.error.max(dropped_bound);
        before - self.lines.len()
    }

    /// Gives back the memory of a map that pruning emptied for the most part.
    fn shrink(&mut self) {
        if self.lines.capacity() > 4 * self.lines.len() + 64 {
            self.lines.shrink_to_fit();
        }
    }
}

/// How large [`Profile::prune`] lets a profile grow (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounds {
    /// Lossy counting's bucket width `w` in documents of a site (ε = 1 / w): counts
    /// under-estimate by at most `documents / w`, and lines on at least one in `w` of a site's
    /// documents are kept.
    pub bucket_width: u64,
    /// Most lines kept across all sites after a prune.
    pub max_entries: usize,
}

impl Default for Bounds {
    /// `w` = 100 (ε = 1%, far below the 30% share a template line needs) and 100,000 lines
    /// (about 6 MB of counts without samples).
    fn default() -> Self {
        Bounds {
            bucket_width: 100,
            max_entries: 100_000,
        }
    }
}

/// What a [`Profile::prune`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PruneStats {
    /// Lines dropped by lossy counting's per-site step.
    pub dropped: usize,
    /// Lines evicted by the global cap.
    pub evicted: usize,
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
        "profile format version {0} is not supported (this build reads versions 1 to {FORMAT_VERSION})"
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
            samples: true,
        }
    }

    /// [`Profile::document`] keeping no sample texts (counts only: what cleaning reads).
    pub fn document_counts(&mut self, site: &str) -> DocumentCounter<'_> {
        let mut counter = self.document(site);
        counter.samples = false;
        counter
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
    samples: bool,
}

impl DocumentCounter<'_> {
    /// Counts `line` (once per document).
    pub fn line(&mut self, line: &str) {
        let site_profile = &mut *self.site;
        let Some(key) = line_key(line) else {
            return;
        };
        // A line first counted now may have been seen before and dropped.
        let missed = site_profile.error;
        let entry = site_profile.lines.entry(key).or_insert_with(|| LineStats {
            documents: 0,
            missed,
            sample: String::new(),
        });
        if self.seen.insert(key) {
            entry.documents += 1;
        }
        if self.samples {
            let sample = cut_sample(line);
            if entry.sample.is_empty() || sample < entry.sample.as_str() {
                entry.sample = sample.to_string();
            }
        }
    }
}

impl Profile {
    /// Adds every count of `other`: learning on shards and merging equals learning on all
    /// (counts, `missed` and `error` add; exact, in any order; pruning is separate).
    pub fn merge(&mut self, other: &Profile) {
        for (name, site) in &other.sites {
            match self.sites.get_mut(name) {
                None => {
                    self.sites.insert(name.clone(), site.clone());
                }
                Some(mine) => mine.merge(site),
            }
        }
    }

    /// [`Profile::merge`], taking `other` by value (no copies of its texts).
    pub fn absorb(&mut self, other: Profile) {
        for (name, site) in other.sites {
            match self.sites.get_mut(&name) {
                None => {
                    self.sites.insert(name, site);
                }
                Some(mine) => mine.absorb(site),
            }
        }
    }

    /// Bounds the profile (see the [module documentation](self)): lossy counting's step in
    /// each site, then the global cap of `bounds.max_entries` lines, evicting the lines with
    /// the smallest `documents + missed` first (ties by key, then site name). Deterministic:
    /// the result depends only on the profile and `bounds`.
    pub fn prune(&mut self, bounds: &Bounds) -> PruneStats {
        let mut stats = PruneStats::default();
        for site in self.sites.values_mut() {
            stats.dropped += site.prune_bucket(bounds.bucket_width);
        }
        let total = self.len();
        if total > bounds.max_entries {
            stats.evicted = self.evict(total - bounds.max_entries);
        }
        if stats.dropped + stats.evicted > 0 {
            self.sites.values_mut().for_each(SiteProfile::shrink);
        }
        stats
    }

    /// Evicts the `excess` lines with the smallest bound `documents + missed` (ties by key,
    /// then site name), raising each site's `error` to the largest bound it lost.
    fn evict(&mut self, excess: usize) -> usize {
        let mut uppers: Vec<u64> = self
            .sites
            .values()
            .flat_map(|s| s.lines.values().map(LineStats::upper))
            .collect();
        if excess == 0 || uppers.is_empty() {
            return 0;
        }
        let excess = excess.min(uppers.len());
        // The bound of the last line to go: every line below it goes, and the first lines
        // at it (by key, then site) make up the rest.
        let (_, &mut level, _) = uppers.select_nth_unstable(excess - 1);
        drop(uppers);
        let below: usize = self
            .sites
            .values()
            .map(|s| s.lines.values().filter(|l| l.upper() < level).count())
            .sum();
        let mut at_level: Vec<(u64, &str)> = self
            .sites
            .iter()
            .flat_map(|(name, s)| {
                s.lines
                    .iter()
                    .filter(|(_, l)| l.upper() == level)
                    .map(move |(key, _)| (*key, name.as_str()))
            })
            .collect();
        at_level.sort_unstable();
        let mut chosen: HashMap<String, HashSet<u64>> = HashMap::new();
        for (key, name) in at_level.into_iter().take(excess - below) {
            chosen.entry(name.to_string()).or_default().insert(key);
        }
        let mut evicted = 0;
        for (name, site) in self.sites.iter_mut() {
            let keys = chosen.get(name);
            let mut lost = 0;
            site.lines.retain(|key, l| {
                let upper = l.upper();
                let go = upper < level || (upper == level && keys.is_some_and(|k| k.contains(key)));
                if go {
                    lost = lost.max(upper);
                    evicted += 1;
                }
                !go
            });
            site.error = site.error.max(lost);
        }
        evicted
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

    /// The profile file: magic, version ([`FORMAT_VERSION`]), then a gzip body of sites in
    /// name order (name, documents, error, number of lines), each with its lines in key order
    /// (key delta-encoded, documents, missed, sample; all numbers varints). The same counts
    /// always give the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::new();
        put_varint(&mut body, self.sites.len() as u64);
        for (name, site) in &self.sites {
            put_bytes(&mut body, name.as_bytes());
            put_varint(&mut body, site.documents);
            put_varint(&mut body, site.error);
            put_varint(&mut body, site.lines.len() as u64);
            let mut keys: Vec<&u64> = site.lines.keys().collect();
            keys.sort_unstable();
            let mut previous = 0u64;
            for key in keys {
                let stats = &site.lines[key];
                put_varint(&mut body, key - previous);
                previous = *key;
                put_varint(&mut body, stats.documents);
                put_varint(&mut body, stats.missed);
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
        if version != FORMAT_VERSION && version != FORMAT_V1 {
            return Err(ProfileError::Version(version));
        }
        // Version 1 had no lossy-counting bounds: every count exact.
        let bounded = version != FORMAT_V1;
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
            let error = if bounded { reader.varint()? } else { 0 };
            let count = reader.varint()?;
            // Each line takes at least 3 bytes: never trust a count for an allocation.
            let mut lines = HashMap::with_capacity((count as usize).min(reader.remaining() / 3));
            let mut key = 0u64;
            for _ in 0..count {
                key = key
                    .checked_add(reader.varint()?)
                    .ok_or_else(|| ProfileError::Damaged("line keys overflow".into()))?;
                let line_documents = reader.varint()?;
                let missed = if bounded { reader.varint()? } else { 0 };
                let sample = reader.string()?;
                lines.insert(
                    key,
                    LineStats {
                        documents: line_documents,
                        missed,
                        sample,
                    },
                );
            }
            profile.sites.insert(
                name,
                SiteProfile {
                    documents,
                    error,
                    lines,
                },
            );
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
/// exact (not pruned) and the same whatever the number of threads.
pub fn learn(
    cleaner: &crate::Cleaner,
    docs: &[LearnInput<'_>],
) -> (Profile, Vec<(usize, crate::Error)>) {
    learn_with(cleaner, docs, true)
}

/// [`learn`] without sample texts: the counts cleaning reads, in less memory.
pub fn learn_counts(
    cleaner: &crate::Cleaner,
    docs: &[LearnInput<'_>],
) -> (Profile, Vec<(usize, crate::Error)>) {
    learn_with(cleaner, docs, false)
}

fn learn_with(
    cleaner: &crate::Cleaner,
    docs: &[LearnInput<'_>],
    samples: bool,
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
                let mut counter = if samples {
                    profile.document(&site)
                } else {
                    profile.document_counts(&site)
                };
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

    /// A site's pages: `template` lines on every page, `sometimes` on every third, and
    /// `unique` lines of the page's own.
    fn synthetic_page(i: usize, unique: usize) -> Vec<String> {
        let mut lines = vec![
            "Home News Sport".to_string(),
            "The Valley Courier since".to_string(),
        ];
        if i % 3 == 0 {
            lines.push("Section menu results and tables".to_string());
        }
        for j in 0..unique {
            lines.push(format!("story {} line {}", words(i), words(j)));
        }
        lines
    }

    /// A number spelt in letters (digits fold away in keys).
    fn words(mut n: usize) -> String {
        let mut out = String::new();
        loop {
            out.push((b'a' + (n % 26) as u8) as char);
            n /= 26;
            if n == 0 {
                return out;
            }
        }
    }

    /// Learns `pages` pages of `sites` sites in chunks of `chunk`, pruning after each.
    fn learn_pruned(pages: usize, sites: usize, chunk: usize, bounds: &Bounds) -> Profile {
        let mut profile = Profile::default();
        let mut shard = Profile::default();
        for i in 0..pages {
            let lines = synthetic_page(i, 5);
            shard.add_document(
                &format!("site{}", words(i % sites)),
                lines.iter().map(|l| l.as_str()),
            );
            if (i + 1) % chunk == 0 || i + 1 == pages {
                profile.absorb(std::mem::take(&mut shard));
                profile.prune(bounds);
            }
        }
        profile
    }

    #[test]
    fn pruning_keeps_frequent_lines_with_counts_within_the_bound() {
        let bounds = Bounds {
            bucket_width: 100,
            max_entries: usize::MAX,
        };
        let pages = 2_000;
        let pruned = learn_pruned(pages, 1, 64, &bounds);
        let exact = learn_pruned(
            pages,
            1,
            64,
            &Bounds {
                bucket_width: u64::MAX,
                max_entries: usize::MAX,
            },
        );
        let (p, e) = (pruned.site("sitea").unwrap(), exact.site("sitea").unwrap());
        assert_eq!(e.error, 0);
        assert_eq!(p.documents, pages as u64);
        let bound = p.documents / bounds.bucket_width;
        assert!(p.error <= bound, "{} > {bound}", p.error);
        // Every line on more than 1% of the pages is kept, its count within [true - εN, true].
        for (key, exact_stats) in &e.lines {
            let truth = exact_stats.documents;
            let kept = p.lines.get(key);
            if truth * bounds.bucket_width > p.documents {
                let kept = kept.expect("a frequent line is kept");
                assert!(kept.documents <= truth && truth <= kept.upper());
                assert!(truth - kept.documents <= bound);
            }
            if let Some(kept) = kept {
                assert!(kept.documents <= truth && truth <= kept.upper());
            }
        }
        // The template lines are exact: they were never dropped.
        for line in ["Home News Sport", "Section menu results and tables"] {
            let key = line_key(line).unwrap();
            assert_eq!(p.count(key), e.count(key));
        }
        assert_eq!(p.count(line_key("Home News Sport").unwrap()), pages as u64);
        // Unique lines go: what is left is at most about one bucket of pages' lines.
        assert!(p.lines.len() < 6 * 100 + 64 * 6, "{}", p.lines.len());
        assert!(e.lines.len() > 5 * pages);
    }

    #[test]
    fn below_the_bound_pruning_changes_nothing() {
        let exact = learn_pruned(
            99,
            1,
            10,
            &Bounds {
                bucket_width: u64::MAX,
                max_entries: usize::MAX,
            },
        );
        let pruned = learn_pruned(99, 1, 10, &Bounds::default());
        assert_eq!(pruned, exact);
        assert_eq!(pruned.to_bytes(), exact.to_bytes());
    }

    #[test]
    fn pruning_is_deterministic_whatever_the_map_order() {
        let bounds = Bounds {
            bucket_width: 50,
            max_entries: 700,
        };
        let a = learn_pruned(1_000, 7, 64, &bounds);
        let b = learn_pruned(1_000, 7, 64, &bounds);
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert_eq!(Profile::from_bytes(&a.to_bytes()).unwrap(), a);
        assert!(a.len() <= 700);
    }

    #[test]
    fn the_profile_stays_bounded_as_documents_grow() {
        let bounds = Bounds {
            bucket_width: 100,
            max_entries: 2_000,
        };
        let mut sizes = Vec::new();
        for pages in [500, 2_000, 8_000] {
            // Many small sites (the cap) and one big one (lossy counting).
            let many = learn_pruned(pages, pages / 4, 64, &bounds);
            assert!(many.len() <= bounds.max_entries, "{}", many.len());
            let one = learn_pruned(pages, 1, 64, &bounds);
            sizes.push(one.len());
            for site in many.sites.values() {
                for stats in site.lines.values() {
                    assert!(stats.missed <= site.error);
                }
            }
            // The lines on every page survive the cap: it evicts the smallest counts first.
            for profile in [&many, &one] {
                let key = line_key("Home News Sport").unwrap();
                let big = profile.sites.values().max_by_key(|s| s.documents).unwrap();
                assert!(big.count(key) + big.error >= big.documents);
            }
        }
        // One site: lossy counting alone keeps it from growing with the pages.
        assert!(sizes.iter().all(|&n| n < 1_000), "{sizes:?}");
    }

    #[test]
    fn merging_bounded_profiles_adds_counts_and_bounds_in_any_order() {
        let bounds = Bounds {
            bucket_width: 20,
            max_entries: usize::MAX,
        };
        let part = |offset: usize| {
            let mut p = Profile::default();
            for i in offset..offset + 150 {
                let lines = synthetic_page(i, 3);
                p.add_document("s", lines.iter().map(|l| l.as_str()));
                if i % 10 == 9 {
                    p.prune(&bounds);
                }
            }
            p
        };
        let (a, b, c) = (part(0), part(150), part(300));
        assert!(a.site("s").unwrap().error > 0);
        let mut abc = a.clone();
        abc.merge(&b);
        abc.merge(&c);
        let mut cba = c.clone();
        cba.absorb(b.clone());
        cba.absorb(a.clone());
        assert_eq!(abc.to_bytes(), cba.to_bytes());
        let s = abc.site("s").unwrap();
        assert_eq!(s.documents, 450);
        assert_eq!(
            s.error,
            a.site("s").unwrap().error + b.site("s").unwrap().error + c.site("s").unwrap().error
        );
        assert!(s.error <= 450 / 20);
        assert_eq!(s.count(line_key("Home News Sport").unwrap()), 450);
        // A line only one part kept may have been seen by the others up to their error.
        for stats in s.lines.values() {
            assert!(stats.missed <= s.error);
        }
    }

    #[test]
    fn version_1_files_read_as_exact_counts() {
        // Written by the version-1 writer: one site "a" of 2 documents, lines 5 → 2 ("x") and
        // 9 → 1 ("y").
        let mut body = Vec::new();
        put_varint(&mut body, 1);
        put_bytes(&mut body, b"a");
        put_varint(&mut body, 2);
        put_varint(&mut body, 2);
        for (delta, documents, sample) in [(5u64, 2u64, "x"), (4, 1, "y")] {
            put_varint(&mut body, delta);
            put_varint(&mut body, documents);
            put_bytes(&mut body, sample.as_bytes());
        }
        let mut file = MAGIC.to_vec();
        file.extend_from_slice(&1u32.to_le_bytes());
        let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
        encoder.write_all(&body).unwrap();
        let file = encoder.finish().unwrap();
        let profile = Profile::from_bytes(&file).unwrap();
        let site = profile.site("a").unwrap();
        assert_eq!((site.documents, site.error), (2, 0));
        assert_eq!(site.count(5), 2);
        assert_eq!(site.lines[&9].sample, "y");
        assert_eq!(site.lines[&9].missed, 0);
        assert_eq!(Profile::from_bytes(&profile.to_bytes()).unwrap(), profile);
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
