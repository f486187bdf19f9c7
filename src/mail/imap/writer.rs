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
use crate::mail::store::{Flags, Maildir, MaildirEntry, Subdir};

/// Kibibytes of message data allowed in flight between the network and the disk.
const MAX_KIB_IN_FLIGHT: u32 = 64 * 1024;

pub struct Writer {
    maildir: Maildir,
    tasks: JoinSet<Result<(u32, MaildirEntry), ImapError>>,
    slots: Arc<Semaphore>,
    kib: Arc<Semaphore>,
    written: Vec<(u32, MaildirEntry)>,
}

impl Writer {
    pub fn new(maildir: Maildir, parallel: usize) -> Writer {
        Writer {
            maildir,
            tasks: JoinSet::new(),
            slots: Arc::new(Semaphore::new(parallel.max(1))),
            kib: Arc::new(Semaphore::new(MAX_KIB_IN_FLIGHT as usize)),
            written: Vec::new(),
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
            maildir
                .deliver(&bytes, Subdir::Cur, Some(uid), &flags)
                .map(|entry| (uid, entry))
                .map_err(ImapError::disk(maildir.root()))
        });
        Ok(())
    }

    fn reap(&mut self) -> Result<(), ImapError> {
        while let Some(done) = self.tasks.try_join_next() {
            self.written.push(flatten(done)?);
        }
        Ok(())
    }

    /// Waits for every queued write; returns what was written since the last call.
    pub async fn finish(&mut self) -> Result<Vec<(u32, MaildirEntry)>, ImapError> {
        let mut first_error = None;
        while let Some(done) = self.tasks.join_next().await {
            match flatten(done) {
                Ok(entry) => self.written.push(entry),
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        match first_error {
            Some(error) => Err(error),
            None => Ok(std::mem::take(&mut self.written)),
        }
    }
}

fn flatten(
    done: Result<Result<(u32, MaildirEntry), ImapError>, tokio::task::JoinError>,
) -> Result<(u32, MaildirEntry), ImapError> {
    done.map_err(|e| ImapError::Disk {
        path: Default::default(),
        source: std::io::Error::other(e.to_string()),
    })?
}
