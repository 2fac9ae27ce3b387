//! Durable commits of output files, off the thread that writes them.
//!
//! An output is written to a temporary file beside its final path; committing it syncs its
//! data to the disk and renames it into place, so a crash or an interrupted run never leaves
//! a half-written output. The sync waits for the disk: done file by file on the writing
//! thread, it held that thread (which also hands documents out in input order) for about a
//! millisecond an output on an ext4 disk. A [`Committer`] does it on a few threads of its
//! own, which mostly sleep in the kernel, and syncs that run together share the file
//! system's journal commits. The files written are the same; only the order in which they
//! appear changes.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tempfile::NamedTempFile;

/// Commits waiting at most: each holds an open file, so the queue is bounded.
const QUEUE: usize = 64;

/// What an output holds, for the batch's counts when its commit fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// The output of one document.
    Document,
    /// The JSONL output of a many-document input (a WARC or JSONL file).
    Container,
}

/// A commit that failed: what it held and why (the message names the output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitFailure {
    /// What the output held.
    pub kind: OutputKind,
    /// The cause, naming the output path.
    pub message: String,
}

struct Job {
    tmp: NamedTempFile,
    path: PathBuf,
    kind: OutputKind,
}

/// Syncs and renames written temporary files on threads of its own.
pub struct Committer {
    sender: Option<SyncSender<Job>>,
    workers: Vec<JoinHandle<()>>,
    failures: Arc<Mutex<Vec<CommitFailure>>>,
}

impl Committer {
    /// A committer with `threads` threads (at least one).
    pub fn new(threads: usize) -> Committer {
        let (sender, receiver) = sync_channel::<Job>(QUEUE);
        let receiver = Arc::new(Mutex::new(receiver));
        let failures = Arc::new(Mutex::new(Vec::new()));
        let workers = (0..threads.max(1))
            .filter_map(|i| {
                let receiver = Arc::clone(&receiver);
                let failures = Arc::clone(&failures);
                std::thread::Builder::new()
                    .name(format!("dechrome-commit-{i}"))
                    .spawn(move || commit_jobs(&receiver, &failures))
                    .ok()
            })
            .collect::<Vec<_>>();
        Committer {
            // Without a thread (none could start), commits run on the caller's thread.
            sender: (!workers.is_empty()).then_some(sender),
            workers,
            failures,
        }
    }

    /// Syncs `tmp` and renames it to `path`, now or on a committer thread. Failures are
    /// reported by [`Committer::finish`], or here when the commit ran on this thread.
    pub fn commit(&self, tmp: NamedTempFile, path: PathBuf, kind: OutputKind) {
        let job = Job { tmp, path, kind };
        let job = match &self.sender {
            Some(sender) => match sender.send(job) {
                Ok(()) => return,
                // Every committer thread is gone (it cannot happen unless one panicked).
                Err(returned) => returned.0,
            },
            None => job,
        };
        if let Some(failure) = commit_one(job) {
            lock(&self.failures).push(failure);
        }
    }

    /// Waits for every commit asked for and returns the ones that failed, in the order
    /// they failed.
    pub fn finish(mut self) -> Vec<CommitFailure> {
        self.sender = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        std::mem::take(&mut *lock(&self.failures))
    }
}

impl Drop for Committer {
    /// A committer dropped without [`Committer::finish`] (an early return) still completes
    /// the commits it was given.
    fn drop(&mut self) {
        self.sender = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn commit_jobs(receiver: &Mutex<Receiver<Job>>, failures: &Mutex<Vec<CommitFailure>>) {
    loop {
        // The lock is held only while taking the next job.
        let job = match lock(receiver).recv() {
            Ok(job) => job,
            Err(_) => return, // the sender is gone and the queue is empty
        };
        if let Some(failure) = commit_one(job) {
            lock(failures).push(failure);
        }
    }
}

fn commit_one(job: Job) -> Option<CommitFailure> {
    let Job { tmp, path, kind } = job;
    // A failed sync is not fatal: the rename is still atomic, only less durable.
    tmp.as_file().sync_data().ok();
    tmp.persist(&path).err().map(|e| CommitFailure {
        kind,
        message: format!("cannot write {}: {}", path.display(), e.error),
    })
}

/// Locks `mutex`, also when a thread panicked while holding it (the data is a queue or a
/// list of failures, whole at every step).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_with(dir: &std::path::Path, text: &str) -> NamedTempFile {
        let mut tmp = tempfile::Builder::new()
            .prefix(".dechrome-")
            .tempfile_in(dir)
            .unwrap();
        tmp.write_all(text.as_bytes()).unwrap();
        tmp
    }

    #[test]
    fn every_commit_lands_and_failures_name_their_output() {
        let dir = tempfile::tempdir().unwrap();
        let committer = Committer::new(3);
        for i in 0..200 {
            let tmp = temp_with(dir.path(), &format!("document {i}\n"));
            committer.commit(
                tmp,
                dir.path().join(format!("{i:03}.txt")),
                OutputKind::Document,
            );
        }
        // A rename onto a directory fails.
        std::fs::create_dir(dir.path().join("taken")).unwrap();
        std::fs::write(dir.path().join("taken").join("x"), "x").unwrap();
        let tmp = temp_with(dir.path(), "lost\n");
        committer.commit(tmp, dir.path().join("taken"), OutputKind::Container);
        let failures = committer.finish();
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert_eq!(failures[0].kind, OutputKind::Container);
        assert!(failures[0].message.contains("taken"), "{failures:?}");
        for i in 0..200 {
            let text = std::fs::read_to_string(dir.path().join(format!("{i:03}.txt"))).unwrap();
            assert_eq!(text, format!("document {i}\n"));
        }
        // No temporary file is left: 200 outputs and the directory.
        let left = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, 201);
    }

    #[test]
    fn dropping_a_committer_completes_its_commits() {
        let dir = tempfile::tempdir().unwrap();
        {
            let committer = Committer::new(2);
            for i in 0..20 {
                let tmp = temp_with(dir.path(), "x");
                committer.commit(tmp, dir.path().join(format!("{i}")), OutputKind::Document);
            }
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 20);
    }
}
