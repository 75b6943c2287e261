//! An import on two threads: one reads the file into receipts (parsing,
//! joining rows, cleaning the customer's details), the other — the one
//! holding the database connection — stores them in the import's
//! transaction. Receipts go across in batches over a bounded channel, so
//! memory stays the same for a file of any length.
//!
//! Either side stopping stops the other: an error or a cancel while
//! reading is sent to the writer, which returns it (and the transaction is
//! rolled back); when writing fails, the channel closes and reading ends.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

use phonenumber::country;

use super::receipt::{Loader, Receipt, Rejected};
use super::sink::{Sink, stored_customer};
use super::table::Input;
use super::{Plan, cancelled, load};
use crate::db::receipts::{ImportCounts, StoredCustomer};
use crate::error::Result;

/// Rows read before a batch is handed over (and progress can move on).
const BATCH_ROWS: u64 = 512;
/// Batches read ahead of the writer at most.
const BATCHES_AHEAD: usize = 4;

/// A receipt with its customer as stored.
struct Ready {
    receipt: Receipt,
    customer: StoredCustomer,
}

#[derive(Default)]
struct Batch {
    receipts: Vec<Ready>,
    rejected: Vec<Rejected>,
    /// Rows of the file read when the batch was handed over.
    rows: u64,
}

/// The reading side: a loader that hands what it receives over in batches.
struct Batcher<'a> {
    batch: Batch,
    writer: SyncSender<Result<Batch>>,
    /// Batches the writer has stored, to be used again.
    spare: Receiver<Batch>,
    country: country::Id,
    cancel: &'a AtomicBool,
}

impl Batcher<'_> {
    fn hand_over(&mut self) -> Result<()> {
        // A batch the writer is done with is emptied here, on the thread
        // that allocated its receipts (freeing them there costs less).
        let mut next = self.spare.try_recv().unwrap_or_default();
        next.receipts.clear();
        next.rejected.clear();
        next.rows = self.batch.rows;
        let batch = std::mem::replace(&mut self.batch, next);
        // The writer is gone only after it failed; its error is the one reported.
        self.writer.send(Ok(batch)).map_err(|_| cancelled())
    }
}

impl Loader for Batcher<'_> {
    fn push(&mut self, receipt: Receipt) -> Result<()> {
        let customer = stored_customer(&receipt.customer, self.country);
        self.batch.receipts.push(Ready { receipt, customer });
        Ok(())
    }

    fn reject(&mut self, rejected: Rejected) {
        self.batch.rejected.push(rejected);
    }

    fn rows_read(&mut self, rows: u64) -> Result<()> {
        self.batch.rows = rows;
        if rows.is_multiple_of(BATCH_ROWS) {
            if self.cancel.load(Ordering::Relaxed) {
                return Err(cancelled());
            }
            self.hand_over()?;
        }
        Ok(())
    }
}

/// Reads the file on a second thread and stores it through `sink` on this
/// one; returns what was stored and the rejected rows.
pub fn run(
    input: &Input,
    plan: &Plan,
    country: country::Id,
    sink: Sink<'_, '_>,
) -> Result<(ImportCounts, Vec<Rejected>)> {
    let (to_writer, from_reader) = sync_channel(BATCHES_AHEAD);
    let (to_reader, spare) = channel();
    let cancel = sink.cancel_flag();
    std::thread::scope(|s| {
        let reader = std::thread::Builder::new().name("import-read".into());
        let reader = reader.spawn_scoped(s, move || {
            let mut batcher = Batcher {
                batch: Batch::default(),
                writer: to_writer,
                spare,
                country,
                cancel,
            };
            let read = load(input, plan, &mut batcher).and_then(|()| batcher.hand_over());
            if let Err(e) = read {
                let _ = batcher.writer.send(Err(e));
            }
        });
        let reader = match reader {
            Ok(reader) => reader,
            Err(e) => return Err(input.io_error(e)),
        };
        let written = write(from_reader, &to_reader, sink);
        if let Err(panic) = reader.join() {
            std::panic::resume_unwind(panic);
        }
        written
    })
}

/// The writing side: stores every batch until the reader is done.
fn write(
    batches: Receiver<Result<Batch>>,
    stored: &Sender<Batch>,
    mut sink: Sink<'_, '_>,
) -> Result<(ImportCounts, Vec<Rejected>)> {
    for batch in batches {
        let mut batch = batch?;
        sink.store(batch.receipts.iter().map(|r| (&r.receipt, &r.customer)))?;
        for rejected in batch.rejected.drain(..) {
            sink.reject(rejected);
        }
        sink.rows_read(batch.rows)?;
        // Once reading is over nobody takes it back; then it is dropped here.
        let _ = stored.send(batch);
    }
    sink.finish()?;
    Ok((sink.counts, sink.errors))
}
