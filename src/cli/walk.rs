//! A directory walk in sorted order that holds little per file.
//!
//! The files of a directory are visited in order of their names (byte order), the contents
//! of a subdirectory where its name sorts, so a batch is processed in the same order on
//! every machine. Each open directory keeps its entries' names in one buffer, sorted
//! through a table of offsets: about 9 bytes a file beside its name, so that a flat
//! directory of a million pages is listed in a few tens of megabytes. Symbolic links are
//! followed; a link back to a directory being walked is reported once and not entered.

use std::ffi::OsStr;
use std::fs::FileType;
use std::path::{Path, PathBuf};

/// Deepest directory nesting walked (a guard where loops cannot be detected).
const MAX_DEPTH: usize = 256;

/// What a directory entry is, as far as the walk cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    File,
    Dir,
    /// A symbolic link, or a type the directory listing did not give: looked up on visit.
    Unknown,
    Other,
}

impl EntryKind {
    fn of(file_type: FileType) -> Self {
        if file_type.is_file() {
            EntryKind::File
        } else if file_type.is_dir() {
            EntryKind::Dir
        } else if file_type.is_symlink() {
            EntryKind::Unknown
        } else {
            EntryKind::Other
        }
    }
}

/// One entry of [`SortedDir`]: where its name is in the buffer, and its kind.
#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    len: u32,
    kind: EntryKind,
}

/// The entries of one directory, sorted by name, and how far the walk got in them.
struct SortedDir {
    path: PathBuf,
    /// Identity of the directory (device and inode on Unix), to notice loops.
    identity: Option<(u64, u64)>,
    names: Vec<u8>,
    entries: Vec<Entry>,
    next: usize,
}

impl SortedDir {
    fn read(path: PathBuf, identity: Option<(u64, u64)>) -> Result<Self, String> {
        let failed = |e: std::io::Error| format!("{}: {e}", path.display());
        let mut names = Vec::new();
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(&path).map_err(failed)? {
            let entry = entry.map_err(failed)?;
            let kind = entry.file_type().map_or(EntryKind::Unknown, EntryKind::of);
            let name = entry.file_name();
            let bytes = name.as_encoded_bytes();
            let (Ok(start), Ok(len)) = (u32::try_from(names.len()), u32::try_from(bytes.len()))
            else {
                return Err(format!("{}: too many entries to list", path.display()));
            };
            names.extend_from_slice(bytes);
            entries.push(Entry { start, len, kind });
        }
        let name_of = |e: &Entry| &names[e.start as usize..(e.start + e.len) as usize];
        entries.sort_unstable_by(|a, b| name_of(a).cmp(name_of(b)));
        entries.shrink_to_fit();
        names.shrink_to_fit();
        Ok(SortedDir {
            path,
            identity,
            names,
            entries,
            next: 0,
        })
    }

    /// The next entry's path and kind.
    fn next_entry(&mut self) -> Option<(PathBuf, EntryKind)> {
        let entry = *self.entries.get(self.next)?;
        self.next += 1;
        let bytes = &self.names[entry.start as usize..(entry.start + entry.len) as usize];
        // SAFETY: `bytes` is exactly what `as_encoded_bytes` gave for one name read in this
        // process (names are stored whole, one after another), which is what
        // `from_encoded_bytes_unchecked` requires.
        let name = unsafe { OsStr::from_encoded_bytes_unchecked(bytes) };
        Some((self.path.join(name), entry.kind))
    }
}

/// Identity of the directory at `path` (device and inode), following links.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

/// Elsewhere loops are only stopped by [`MAX_DEPTH`].
#[cfg(not(unix))]
fn identity(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// The files under `root`, in sorted order (see the module documentation). Errors name
/// the directory or link that could not be read; the walk goes on after them.
pub fn sorted_files(root: &Path) -> SortedFiles {
    SortedFiles {
        root: root.to_path_buf(),
        stack: Vec::new(),
        started: false,
    }
}

/// Iterator of [`sorted_files`].
pub struct SortedFiles {
    root: PathBuf,
    stack: Vec<SortedDir>,
    started: bool,
}

impl SortedFiles {
    /// Opens the directory at `path` below the current one, unless it is one of the
    /// directories being walked (a loop through a link) or too deep.
    fn enter(&mut self, path: PathBuf) -> Result<(), String> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(format!("{}: directories nested too deep", path.display()));
        }
        let id = identity(&path);
        if id.is_some() && self.stack.iter().any(|d| d.identity == id) {
            return Err(format!(
                "{}: a link back to a directory being walked (not followed)",
                path.display()
            ));
        }
        self.stack.push(SortedDir::read(path, id)?);
        Ok(())
    }
}

impl Iterator for SortedFiles {
    type Item = Result<PathBuf, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.started {
            self.started = true;
            if let Err(e) = self.enter(self.root.clone()) {
                return Some(Err(e));
            }
        }
        loop {
            let top = self.stack.last_mut()?;
            let Some((path, mut kind)) = top.next_entry() else {
                self.stack.pop();
                continue;
            };
            if kind == EntryKind::Unknown {
                kind = match std::fs::metadata(&path) {
                    Ok(meta) => EntryKind::of(meta.file_type()),
                    Err(e) => return Some(Err(format!("{}: {e}", path.display()))),
                };
            }
            match kind {
                EntryKind::File => return Some(Ok(path)),
                EntryKind::Dir => {
                    if let Err(e) = self.enter(path) {
                        return Some(Err(e));
                    }
                }
                EntryKind::Unknown | EntryKind::Other => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(root: &Path) -> Vec<String> {
        sorted_files(root)
            .map(|r| match r {
                Ok(p) => p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                Err(e) => format!("error: {}", e.contains("link back")),
            })
            .collect()
    }

    #[test]
    fn files_come_in_name_order_with_subdirectories_where_they_sort() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.html",
            "a/z.html",
            "a/c/d.html",
            "C.html",
            "a0.html",
            "a/b.txt",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        assert_eq!(
            walk(dir.path()),
            [
                "C.html",
                "a/b.txt",
                "a/c/d.html",
                "a/z.html",
                "a0.html",
                "b.html"
            ]
        );
    }

    #[test]
    fn an_unreadable_root_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let all: Vec<_> = sorted_files(&missing).collect();
        assert_eq!(all.len(), 1);
        assert!(all[0].as_ref().unwrap_err().contains("missing"));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_but_a_loop_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site/sub")).unwrap();
        std::fs::write(dir.path().join("site/sub/page.html"), "x").unwrap();
        std::fs::write(dir.path().join("elsewhere.html"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("site"), dir.path().join("site/sub/up"))
            .unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("elsewhere.html"),
            dir.path().join("site/linked.html"),
        )
        .unwrap();
        let root = dir.path().join("site");
        assert_eq!(walk(&root), ["linked.html", "sub/page.html", "error: true"]);
    }
}
