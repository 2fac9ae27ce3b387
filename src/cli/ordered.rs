//! Work on a thread pool as documents are read, results handed back in input order.
//!
//! Chunked processing (read 64 documents, clean them in parallel, write them) makes every
//! chunk wait for its slowest page while the other cores idle. Here a reading thread
//! submits each document to the pool as soon as it is read, and the calling thread
//! delivers results as soon as every earlier one is delivered. Reading and delivering run
//! on separate threads, so a delivery that waits on the disk (an output file synced
//! before its rename) does not stop reading. A reorder window bounds how far reading may
//! run ahead of delivery, in documents and in bytes, so memory stays bounded whatever the
//! batch size.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

use super::inputs::{self, InputArgs, InputDoc, ReadSummary};

/// Input bytes that may be read but not yet delivered (one larger document is always let
/// in when nothing else is waiting).
const WINDOW_BYTES: usize = 32 << 20;

/// Documents that may be read but not yet delivered, per thread of the pool.
const WINDOW_DOCUMENTS_PER_THREAD: usize = 32;

/// Reads the documents of `paths` on a reading thread, runs `work` on each in `threads`
/// worker threads, and calls `deliver` with each document and its result in input order,
/// on the calling thread. When `deliver` returns `false`, no more documents are read or
/// delivered. A panic in `work` (a bug) becomes an `Err` for that document, and the batch
/// goes on.
pub fn process_in_order<R: Send>(
    threads: usize,
    paths: &[std::path::PathBuf],
    args: &InputArgs,
    stop: &(dyn Fn() -> bool + Sync),
    work: impl Fn(&InputDoc) -> R + Sync,
    mut deliver: impl FnMut(InputDoc, Result<R, String>) -> bool,
) -> Result<ReadSummary, String> {
    // Plain threads that block on a queue: idle rayon workers spin looking for work, and
    // that spinning took the CPU the reading thread needed.
    let threads = threads.max(1);
    let window = Window::new(WINDOW_DOCUMENTS_PER_THREAD * threads, WINDOW_BYTES);
    let work = &work;
    let (job_sender, job_receiver) =
        mpsc::sync_channel::<(u64, InputDoc)>(WINDOW_DOCUMENTS_PER_THREAD * threads);
    let job_receiver = Mutex::new(job_receiver);
    let (sender, receiver) = mpsc::channel::<(u64, InputDoc, Result<R, String>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let job_receiver = &job_receiver;
            scope.spawn(move || loop {
                let job = match job_receiver.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => return,
                };
                let Ok((sequence, doc)) = job else {
                    return;
                };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&doc)))
                    .map_err(|panic| {
                        let message = panic
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| panic.downcast_ref::<String>().cloned())
                            .unwrap_or_default();
                        format!("internal error (please report it): {message}")
                    });
                // The receiver lives until every worker has returned.
                let _ = sender.send((sequence, doc, result));
            });
        }
        drop(sender);

        let window = &window;
        let reader = scope.spawn(move || {
            let mut next_sequence = 0u64;
            let stop_reading = || stop() || window.is_closed();
            let read = inputs::for_each_document(paths, args, &stop_reading, |doc| {
                if !window.admit(doc.bytes.len()) {
                    return;
                }
                let sequence = next_sequence;
                next_sequence += 1;
                // The queue holds at most a window of jobs, so this never blocks for
                // long; it fails only if every worker is gone.
                if job_sender.send((sequence, doc)).is_err() {
                    window.close();
                }
            });
            // Dropping the sender lets the workers finish, which ends delivery.
            drop(job_sender);
            read
        });

        let mut pending = BTreeMap::new();
        let mut next_to_deliver = 0u64;
        // Ends when every worker has returned, that is once reading has ended and every
        // submitted document has its result.
        while let Ok((sequence, doc, result)) = receiver.recv() {
            pending.insert(sequence, (doc, result));
            while let Some((doc, result)) = pending.remove(&next_to_deliver) {
                next_to_deliver += 1;
                let bytes = doc.bytes.len();
                if !window.is_closed() && !deliver(doc, result) {
                    window.close();
                }
                window.release(bytes);
            }
        }
        reader
            .join()
            .unwrap_or_else(|_| Err("internal error (please report it): the reader failed".into()))
    })
}

/// Documents read but not yet delivered, and whether delivery still wants more.
struct Window {
    counts: Mutex<InFlight>,
    freed: Condvar,
    closed: AtomicBool,
    max_documents: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct InFlight {
    documents: usize,
    bytes: usize,
}

impl Window {
    fn new(max_documents: usize, max_bytes: usize) -> Self {
        Window {
            counts: Mutex::new(InFlight::default()),
            freed: Condvar::new(),
            closed: AtomicBool::new(false),
            max_documents,
            max_bytes,
        }
    }

    /// Waits until a document of `bytes` fits in the window and counts it in; `false`
    /// when delivery has closed the window instead.
    fn admit(&self, bytes: usize) -> bool {
        let Ok(mut counts) = self.counts.lock() else {
            return false;
        };
        while counts.documents > 0
            && (counts.documents >= self.max_documents || counts.bytes + bytes > self.max_bytes)
            && !self.is_closed()
        {
            counts = match self.freed.wait(counts) {
                Ok(c) => c,
                Err(_) => return false,
            };
        }
        if self.is_closed() {
            return false;
        }
        counts.documents += 1;
        counts.bytes += bytes;
        true
    }

    /// Counts a delivered document out of the window.
    fn release(&self, bytes: usize) {
        if let Ok(mut counts) = self.counts.lock() {
            counts.documents -= 1;
            counts.bytes -= bytes;
        }
        self.freed.notify_one();
    }

    /// Stops reading: delivery wants no more documents.
    fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        // Taking the lock orders the store before a waiting reader's next check.
        drop(self.counts.lock());
        self.freed.notify_all();
    }

    fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::inputs::InputFormatArg;

    fn args() -> InputArgs {
        InputArgs {
            input_format: InputFormatArg::Text,
            max_input_bytes: 1 << 20,
            time_budget: 0.0,
            url: None,
            site: None,
        }
    }

    /// Results come back in input order even when later documents finish first, and a
    /// panic in one document is reported for it alone.
    #[test]
    fn delivers_in_input_order_and_survives_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..300 {
            std::fs::write(dir.path().join(format!("{i:04}.txt")), format!("{i}")).unwrap();
        }
        let threads = 4;
        let mut seen = Vec::new();
        let summary = process_in_order(
            threads,
            &[dir.path().to_path_buf()],
            &args(),
            &|| false,
            |doc| {
                let n: u64 = String::from_utf8_lossy(&doc.bytes).parse().unwrap();
                // Early documents are the slow ones.
                std::thread::sleep(std::time::Duration::from_micros((300 - n) * 20));
                assert_ne!(n, 77, "document 77 fails");
                n
            },
            |_, result| {
                seen.push(result.map_err(|e| e.contains("document 77 fails")));
                true
            },
        )
        .unwrap();
        assert_eq!(summary.failed, 0);
        let expected: Vec<_> = (0..300u64)
            .map(|n| if n == 77 { Err(true) } else { Ok(n) })
            .collect();
        assert_eq!(seen, expected);
    }

    /// Reading goes on while a delivery waits (on a disk sync, say): documents after the
    /// one being delivered are read and cleaned meanwhile.
    #[test]
    fn reading_goes_on_while_a_delivery_waits() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        for i in 0..100 {
            std::fs::write(dir.path().join(format!("{i:04}.txt")), "x").unwrap();
        }
        let worked = AtomicUsize::new(0);
        let mut worked_during_first_delivery = 0;
        let mut delivered = 0;
        process_in_order(
            2,
            &[dir.path().to_path_buf()],
            &args(),
            &|| false,
            |_| {
                worked.fetch_add(1, Ordering::SeqCst);
            },
            |_, _| {
                if delivered == 0 {
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
                    while worked.load(Ordering::SeqCst) < 50 && std::time::Instant::now() < deadline
                    {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    worked_during_first_delivery = worked.load(Ordering::SeqCst);
                }
                delivered += 1;
                true
            },
        )
        .unwrap();
        assert_eq!(delivered, 100);
        assert!(
            worked_during_first_delivery >= 50,
            "{worked_during_first_delivery}"
        );
    }

    /// When delivery says stop, nothing more is delivered.
    #[test]
    fn stops_delivering_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..100 {
            std::fs::write(dir.path().join(format!("{i:04}.txt")), "x").unwrap();
        }
        let threads = 2;
        let mut delivered = 0;
        process_in_order(
            threads,
            &[dir.path().to_path_buf()],
            &args(),
            &|| false,
            |_| (),
            |_, _| {
                delivered += 1;
                delivered < 10
            },
        )
        .unwrap();
        assert_eq!(delivered, 10);
    }
}
