//! Keeps the envelope index (`store::index`) in step with what a sync or a local
//! change did to the Maildirs.
//!
//! The index is a cache of the Maildirs and heals itself on open (it rescans folders
//! whose mtime changed), so a failure here is logged, not fatal: the mail is on disk.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::writer::Written;
use crate::mail::account::AccountId;
use crate::mail::paths::Paths;
use crate::mail::store::index::{folder_stamp, Index};
use crate::mail::store::local::INDEX_FILE;
use crate::mail::store::MaildirEntry;

/// What a sync did to one folder.
#[derive(Default)]
pub struct Changes {
    /// UIDVALIDITY changed: every old row goes.
    pub reset: bool,
    pub added: Vec<Written>,
    pub flags: Vec<MaildirEntry>,
    pub removed: Vec<u32>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.reset && self.added.is_empty() && self.flags.is_empty() && self.removed.is_empty()
    }
}

/// Folder stamps taken before a local change (see [`Indexer::local_change`]).
pub struct Before(Vec<(String, Option<String>)>);

impl Before {
    pub fn take(root: &Path, folders: &[&str]) -> Before {
        Before(
            folders
                .iter()
                .map(|f| (f.to_string(), folder_stamp(root, f)))
                .collect(),
        )
    }
}

/// Records what a sync did in the index. When dropped, it compares the folders it
/// changed with the disk once more, so their stamps are current and the next start of
/// the app need not read them (a sync writes files and indexes them at different
/// moments, so it cannot know the stamps itself).
pub struct Indexer {
    path: PathBuf,
    root: PathBuf,
    index: Option<Index>,
    broken: bool,
    touched: BTreeSet<String>,
}

impl Drop for Indexer {
    fn drop(&mut self) {
        let (Some(index), false) = (self.index.as_mut(), self.touched.is_empty()) else {
            return;
        };
        let folders: Vec<&str> = self.touched.iter().map(String::as_str).collect();
        if let Err(error) = index.refresh_folders(&self.root, &folders) {
            tracing::warn!(%error, "message index not refreshed; it will catch up when opened");
        }
    }
}

impl Indexer {
    pub fn new(paths: &Paths, account: &AccountId) -> Indexer {
        Indexer {
            path: paths.state_dir(account).join(INDEX_FILE),
            root: paths.mail_root(account),
            index: None,
            broken: false,
            touched: BTreeSet::new(),
        }
    }

    /// Opened on first use, so a sync with nothing to do never touches it.
    fn index(&mut self) -> Option<&mut Index> {
        if self.index.is_none() && !self.broken {
            match Index::open(&self.path) {
                Ok(index) => self.index = Some(index),
                Err(error) => {
                    tracing::warn!(%error, "message index unavailable; it will catch up when opened");
                    self.broken = true;
                }
            }
        }
        self.index.as_mut()
    }

    /// Records one folder's changes in one transaction.
    pub fn apply(&mut self, folder: &str, changes: &Changes) {
        if changes.is_empty() {
            return;
        }
        let Some(index) = self.index() else {
            return;
        };
        let result = apply_in(index, folder, changes);
        self.touched.insert(folder.to_string());
        if let Err(error) = result {
            tracing::warn!(%folder, %error, "message index not updated; it will catch up when opened");
        }
    }

    /// A local flag change, move or removal (`entry` None: removed), made on disk since
    /// `before` was taken of the folders it touched.
    pub fn local_change(
        &mut self,
        folder: &str,
        uid: u32,
        target: Option<(&str, &MaildirEntry)>,
        before: Before,
    ) {
        let root = self.root.clone();
        let Some(index) = self.index() else {
            return;
        };
        let result = (|| -> Result<(), crate::mail::store::index::IndexError> {
            let Some(row) = index.find_uid(folder, uid)? else {
                return Ok(());
            };
            let mut batch = index.batch()?;
            match target {
                Some((to, entry)) if to == folder => batch.set_flags(row.id, entry)?,
                Some((to, entry)) => batch.move_to(row.id, to, entry)?,
                None => batch.remove(row.id)?,
            }
            for (name, stamp) in &before.0 {
                let after = folder_stamp(&root, name);
                batch.advance_stamp(name, stamp.as_deref(), after.as_deref())?;
            }
            batch.commit()
        })();
        if let Err(error) = result {
            tracing::warn!(%folder, %error, "message index not updated; it will catch up when opened");
        }
    }

    /// A folder renamed on the server: its rows follow the files to `new`.
    pub fn folder_renamed(&mut self, old: &str, new: &str, entries: &[MaildirEntry]) {
        self.touched.insert(old.to_string());
        self.touched.insert(new.to_string());
        let Some(index) = self.index() else {
            return;
        };
        let result = (|| -> Result<(), crate::mail::store::index::IndexError> {
            let ids: HashMap<u32, i64> = index
                .uid_map(old)?
                .into_iter()
                .map(|(uid, id, _)| (uid, id))
                .collect();
            for entry in entries {
                if let Some(id) = entry.uid.and_then(|uid| ids.get(&uid)) {
                    index.move_to(*id, new, entry)?;
                }
            }
            Ok(())
        })();
        if let Err(error) = result {
            tracing::warn!(%old, %new, %error, "message index not updated; it will catch up when opened");
        }
    }

    /// A folder deleted on the server: its rows go.
    pub fn folder_removed(&mut self, old: &str) {
        let changes = Changes {
            reset: true,
            ..Changes::default()
        };
        self.apply(old, &changes);
    }

    /// After a replayed move: the cached copy got its new UID in `folder` (`entry`), or
    /// was dropped (None) for the sync to fetch.
    pub fn replayed_move(&mut self, folder: &str, old_key: &str, entry: Option<&MaildirEntry>) {
        self.touched.insert(folder.to_string());
        let Some(index) = self.index() else {
            return;
        };
        let result = index
            .find_key(folder, old_key)
            .and_then(|row| match (row, entry) {
                (Some(row), Some(entry)) => index.set_flags(row.id, entry),
                (Some(row), None) => index.remove(row.id),
                (None, _) => Ok(()),
            });
        if let Err(error) = result {
            tracing::warn!(%folder, %error, "message index not updated; it will catch up when opened");
        }
    }
}

fn apply_in(
    index: &mut Index,
    folder: &str,
    changes: &Changes,
) -> Result<(), crate::mail::store::index::IndexError> {
    let ids: HashMap<u32, i64> =
        if changes.reset || !changes.flags.is_empty() || !changes.removed.is_empty() {
            index
                .uid_map(folder)?
                .into_iter()
                .map(|(uid, id, _)| (uid, id))
                .collect()
        } else {
            HashMap::new()
        };
    let mut batch = index.batch()?;
    if changes.reset {
        for id in ids.values() {
            batch.remove(*id)?;
        }
    }
    for uid in &changes.removed {
        if let Some(id) = ids.get(uid) {
            batch.remove(*id)?;
        }
    }
    for entry in &changes.flags {
        if let Some(id) = entry.uid.and_then(|uid| ids.get(&uid)) {
            batch.set_flags(*id, entry)?;
        }
    }
    for written in &changes.added {
        batch.upsert(folder, &written.entry, &written.envelope)?;
    }
    batch.commit()
}
