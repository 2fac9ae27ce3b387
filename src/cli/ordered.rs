//! Work on a thread pool as documents are read, results handed back in input order.
//!
//! Chunked processing (read 64 documents, clean them in parallel, write them) makes every
//! chunk wait for its slowest page while the other cores idle. Here the reading thread
//! submits each document to the pool as soon as it is read and writes results as soon as
//! every earlier one is written; a reorder window bounds how far reading may run ahead of
//! writing, in documents and in bytes, so memory stays bounded whatever the batch size.

use std::collections::BTreeMap;
use std::sync::mpsc;

use super::inputs::{self, InputArgs, InputDoc, ReadSummary};

/// Input bytes that may be read but not yet written (one larger document is always let in
/// when nothing else is waiting).
const WINDOW_BYTES: usize = 32 << 20;

/// Documents that may be read but not yet written, per thread of the pool.
const WINDOW_DOCUMENTS_PER_THREAD: usize = 32;

/// Reads the documents of `paths`, runs `work` on each in `threads` worker threads, and
/// calls `deliver` with each document and its result in input order, on the calling
/// thread. When `deliver` returns `false`, no more documents are submitted or delivered. A panic in `work` (a bug)
/// becomes an `Err` for that document, and the batch goes on.
pub fn process_in_order<R: Send>(
    threads: usize,
    paths: &[std::path::PathBuf],
    args: &InputArgs,
    stop: &dyn Fn() -> bool,
    work: impl Fn(&InputDoc) -> R + Sync,
    mut deliver: impl FnMut(InputDoc, Result<R, String>) -> bool,
) -> Result<ReadSummary, String> {
    // Plain threads that block on a queue: idle rayon workers spin looking for work, and
    // that spinning took the CPU the reading thread needed.
    let threads = threads.max(1);
    let window_documents = WINDOW_DOCUMENTS_PER_THREAD * threads;
    let work = &work;
    let (job_sender, job_receiver) = mpsc::sync_channel::<(u64, InputDoc)>(window_documents);
    let job_receiver = std::sync::Mutex::new(job_receiver);
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
        let mut window = Window {
            receiver,
            pending: BTreeMap::new(),
            next_to_deliver: 0,
            in_flight: 0,
            in_flight_bytes: 0,
            open: true,
        };
        let mut next_sequence = 0u64;
        let read = inputs::for_each_document(paths, args, stop, |doc| {
            if !window.open {
                return;
            }
            while window.in_flight > 0
                && (window.in_flight >= window_documents
                    || window.in_flight_bytes + doc.bytes.len() > WINDOW_BYTES)
            {
                window.receive_one(&mut deliver);
                if !window.open {
                    return;
                }
            }
            // Deliver whatever is already done without waiting.
            window.receive_ready(&mut deliver);
            window.in_flight += 1;
            window.in_flight_bytes += doc.bytes.len();
            let sequence = next_sequence;
            next_sequence += 1;
            // The queue holds at most a window of jobs, so this never blocks for long; it
            // fails only if every worker is gone.
            if job_sender.send((sequence, doc)).is_err() {
                window.open = false;
            }
        });
        drop(job_sender);
        while window.in_flight > 0 {
            window.receive_one(&mut deliver);
        }
        read
    })
}

/// Results received but not yet delivered, and the counts that bound them.
struct Window<R> {
    receiver: mpsc::Receiver<(u64, InputDoc, R)>,
    pending: BTreeMap<u64, (InputDoc, R)>,
    next_to_deliver: u64,
    in_flight: usize,
    in_flight_bytes: usize,
    open: bool,
}

impl<R> Window<R> {
    /// Waits for one result, then delivers every result that is next in input order.
    fn receive_one(&mut self, deliver: &mut impl FnMut(InputDoc, R) -> bool) {
        let Ok((sequence, doc, result)) = self.receiver.recv() else {
            // Every worker is gone, so nothing is in flight any more.
            self.in_flight = 0;
            self.in_flight_bytes = 0;
            return;
        };
        self.pending.insert(sequence, (doc, result));
        self.deliver_in_order(deliver);
    }

    /// Takes every result that is already done, without waiting, and delivers what it can.
    fn receive_ready(&mut self, deliver: &mut impl FnMut(InputDoc, R) -> bool) {
        while let Ok((sequence, doc, result)) = self.receiver.try_recv() {
            self.pending.insert(sequence, (doc, result));
        }
        self.deliver_in_order(deliver);
    }

    fn deliver_in_order(&mut self, deliver: &mut impl FnMut(InputDoc, R) -> bool) {
        while let Some((doc, result)) = self.pending.remove(&self.next_to_deliver) {
            self.next_to_deliver += 1;
            self.in_flight -= 1;
            self.in_flight_bytes -= doc.bytes.len();
            if self.open && !deliver(doc, result) {
                self.open = false;
            }
        }
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
