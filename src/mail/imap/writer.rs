//! Durable message writes off the network task.
//!
//! Each message is written by `Maildir::deliver` (tmp, fsync, rename, fsync folder) on a
//! blocking thread. Several run at once: an fsync costs milliseconds on its own, but the
//! file system commits concurrent ones together, which is what makes a first sync fast
//! without weakening durability. Memory in flight is bounded by bytes, not count.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::ImapError;
use crate::mail::store::{envelope, Envelope, Flags, Maildir, MaildirEntry, Subdir};

/// Kibibytes of message data allowed in flight between the network and the disk.
const MAX_KIB_IN_FLIGHT: u32 = 64 * 1024;

pub struct Writer {
    maildir: Maildir,
    tasks: JoinSet<Result<Written, ImapError>>,
    slots: Arc<Semaphore>,
    kib: Arc<Semaphore>,
    written: Vec<Written>,
    error: Option<ImapError>,
}

/// A message on disk, with its envelope for the index (parsed on the writer thread,
/// while the bytes are still in memory).
pub struct Written {
    pub uid: u32,
    pub entry: MaildirEntry,
    pub size: u64,
    pub envelope: Envelope,
}

impl Writer {
    pub fn new(maildir: Maildir, parallel: usize) -> Writer {
        Writer {
            maildir,
            tasks: JoinSet::new(),
            slots: Arc::new(Semaphore::new(parallel.max(1))),
            kib: Arc::new(Semaphore::new(MAX_KIB_IN_FLIGHT as usize)),
            written: Vec::new(),
            error: None,
        }
    }

    /// Queues one message; waits while too much is in flight. Reports an earlier write's
    /// failure as soon as it is seen.
    pub async fn submit(
        &mut self,
        uid: u32,
        flags: Flags,
        bytes: Vec<u8>,
    ) -> Result<(), ImapError> {
        self.reap()?;
        let kib = ((bytes.len() / 1024) as u32 + 1).min(MAX_KIB_IN_FLIGHT);
        let kib_permit = self
            .kib
            .clone()
            .acquire_many_owned(kib)
            .await
            .expect("semaphore never closed");
        let slot = self
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("semaphore never closed");
        let maildir = self.maildir.clone();
        self.tasks.spawn_blocking(move || {
            let _permits = (kib_permit, slot);
            let entry = maildir
                .deliver(&bytes, Subdir::Cur, Some(uid), &flags)
                .map_err(ImapError::disk(maildir.root()))?;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            Ok(Written {
                uid,
                entry,
                size: bytes.len() as u64,
                envelope: envelope::parse(&bytes, now),
            })
        });
        Ok(())
    }

    fn reap(&mut self) -> Result<(), ImapError> {
        while let Some(done) = self.tasks.try_join_next() {
            match flatten(done) {
                Ok(written) => self.written.push(written),
                Err(error) => {
                    // Reported now and again by finish(), which the caller always runs.
                    let report = ImapError::Disk {
                        path: self.maildir.root().to_path_buf(),
                        source: std::io::Error::other(error.to_string()),
                    };
                    self.error.get_or_insert(error);
                    return Err(report);
                }
            }
        }
        Ok(())
    }

    /// What has been written so far, without waiting (failures are kept for `finish`).
    pub fn take_done(&mut self) -> Vec<Written> {
        while let Some(done) = self.tasks.try_join_next() {
            match flatten(done) {
                Ok(written) => self.written.push(written),
                Err(error) => {
                    self.error.get_or_insert(error);
                }
            }
        }
        std::mem::take(&mut self.written)
    }

    /// Waits for every queued write; returns what was written (even when one failed)
    /// and the first failure.
    pub async fn finish(&mut self) -> (Vec<Written>, Result<(), ImapError>) {
        let mut first_error = self.error.take();
        while let Some(done) = self.tasks.join_next().await {
            match flatten(done) {
                Ok(entry) => self.written.push(entry),
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        let written = std::mem::take(&mut self.written);
        match first_error {
            Some(error) => (written, Err(error)),
            None => (written, Ok(())),
        }
    }
}

fn flatten(
    done: Result<Result<Written, ImapError>, tokio::task::JoinError>,
) -> Result<Written, ImapError> {
    done.map_err(|e| ImapError::Disk {
        path: Default::default(),
        source: std::io::Error::other(e.to_string()),
    })?
}
