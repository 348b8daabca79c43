//! WAL checkpoints on a thread of their own while an ingest writes.
//!
//! A checkpoint copies the pages that commits appended to the WAL into the
//! store file. Run by the writing connection (SQLite's auto-checkpoint), it
//! holds up the next batch: 7 % of a 10,000-article ingest's CPU, most of
//! it the kernel copying pages (BENCHMARKS.md, twenty-second sitting). Here
//! a second connection checkpoints (`PASSIVE`: it never blocks the writer)
//! after each batch commit while the writer goes on with the next batch.
//!
//! The WAL starts again from its beginning only when a write transaction
//! begins with every frame copied; a writer that never waits would begin
//! each batch before the last one's checkpoint ends, and the WAL would grow
//! to the size of the store. So every [`RESTART_EVERY`] batches the writer
//! waits, before beginning the next, until the checkpoints it asked for
//! are done. What a crash keeps is unchanged: a checkpoint only copies
//! committed pages, and SQLite serialises it with the writer.

use std::path::Path;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags};

use crate::{Context, StoreError, BUSY_TIMEOUT};

/// Batch commits between two waits for the checkpoints (see the module
/// documentation): the WAL holds about this many batches' pages at most.
pub(crate) const RESTART_EVERY: usize = 4;

/// The checkpointing thread and the writer's side of its channels.
#[derive(Debug)]
pub(crate) struct Checkpointer {
    /// One message a commit to checkpoint (dropped to stop the thread).
    nudge: Option<Sender<()>>,
    /// One message a commit checkpointed.
    done: Receiver<()>,
    /// Commits sent and not yet acknowledged.
    pending: usize,
    /// Commits since the writer last waited.
    since_wait: usize,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Opens a second connection to the store at `path` and starts the
    /// thread that checkpoints through it.
    pub(crate) fn start(path: &Path) -> Result<Checkpointer, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .ctx("setting the checkpointer's busy timeout")?;
        let (nudge, nudges) = channel::<()>();
        let (ack, done) = channel::<()>();
        let thread = std::thread::Builder::new()
            .name("store-checkpoint".into())
            .spawn(move || run(&conn, &nudges, &ack))
            .map_err(|e| StoreError::Thread(e.to_string()))?;
        Ok(Checkpointer {
            nudge: Some(nudge),
            done,
            pending: 0,
            since_wait: 0,
            thread: Some(thread),
        })
    }

    /// After a commit: asks for its pages to be checkpointed.
    pub(crate) fn committed(&mut self) {
        if self.nudge.as_ref().is_some_and(|n| n.send(()).is_ok()) {
            self.pending += 1;
            self.since_wait += 1;
        }
    }

    /// Before a batch begins: every [`RESTART_EVERY`] commits, waits until
    /// the checkpoints asked for are done, so that the batch restarts the
    /// WAL from its beginning.
    pub(crate) fn before_batch(&mut self) {
        while self.pending > 0 && self.done.try_recv().is_ok() {
            self.pending -= 1;
        }
        if self.since_wait < RESTART_EVERY {
            return;
        }
        while self.pending > 0 && self.done.recv().is_ok() {
            self.pending -= 1;
        }
        // A stopped thread acknowledges nothing more.
        self.pending = 0;
        self.since_wait = 0;
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // The thread ends at its channel's end, after the checkpoints asked
        // for; its connection closes with it.
        self.nudge = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The thread: for each commit (those queued meanwhile taken together),
/// one `PASSIVE` checkpoint, then one acknowledgement a commit. A failed
/// checkpoint leaves its pages to the next one, or to the writer's own
/// when it closes.
fn run(conn: &Connection, nudges: &Receiver<()>, ack: &Sender<()>) {
    while nudges.recv().is_ok() {
        let mut commits = 1;
        while nudges.try_recv().is_ok() {
            commits += 1;
        }
        // An error (a busy store) leaves the pages to the next checkpoint.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        for _ in 0..commits {
            if ack.send(()).is_err() {
                return;
            }
        }
    }
}
