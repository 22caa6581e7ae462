//! Simulating without the GIL, and stopping on Ctrl-C.
//!
//! Python runs a signal's handler only when the main thread executes Python code, which it does
//! not while a batch runs in Rust. So the batch runs on a thread of its own, and the calling
//! thread, having released the GIL, waits for it while checking Python's signals a few times a
//! second (`PyErr_CheckSignals`). When a handler raises (Ctrl-C in a terminal or the notebook's
//! interrupt button: `KeyboardInterrupt`), the batch is told to stop through its cancellation
//! flag; it skips the replications not yet started and returns within about one replication's
//! time, and the exception is raised.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use pyo3::prelude::*;

/// How often the waiting thread checks Python's signals.
const POLL: Duration = Duration::from_millis(100);

/// Runs `work` on a thread of its own with the GIL released, handing it a flag that is set when
/// a Python signal handler raises; returns what `work` returned, or the handler's exception once
/// `work` has stopped.
pub fn interruptible<T: Send>(
    py: Python<'_>,
    work: impl FnOnce(&AtomicBool) -> T + Send,
) -> PyResult<T> {
    let flag = AtomicBool::new(false);
    let cancel = &flag;
    py.detach(|| {
        std::thread::scope(|scope| {
            let (done, finished) = mpsc::channel();
            let worker = scope.spawn(move || {
                let value = work(cancel);
                // The receiver lives until the worker is joined below.
                let _ = done.send(());
                value
            });
            let mut interrupted = None;
            while let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(POLL) {
                if interrupted.is_none() {
                    if let Err(err) = Python::attach(|py| py.check_signals()) {
                        cancel.store(true, Ordering::Relaxed);
                        interrupted = Some(err);
                    }
                }
            }
            let value = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match interrupted {
                Some(err) => Err(err),
                None => Ok(value),
            }
        })
    })
}
