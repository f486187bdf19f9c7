//! One account's local mail: its Maildirs plus the envelope index over them.
//!
//! Order of writes is the safety rule: the Maildir file is durable (fsync, rename, folder
//! fsync) before the index row is written, and an index row is removed only after its
//! file. If the app dies in between, [`MailStore::reindex`] (run on open when the index
//! is new) brings the index back in line; no message is ever only in the index.

use std::path::{Path, PathBuf};

use super::envelope::{self, Envelope};
use super::folder::{self, Role, INBOX};
use super::index::{
    folder_stamp, EnvelopeRow, FolderInfo, Index, IndexError, MessageId, ReindexReport, Sort,
    SortKey,
};
use super::maildir::{Flags, Maildir, MaildirEntry, Subdir};
use crate::mail::account::{AccountId, Protocol};
use crate::mail::paths::Paths;

/// File name of the index inside the account's state dir.
pub const INDEX_FILE: &str = "index.sqlite";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no message with id {0}")]
    NoSuchMessage(MessageId),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// What went wrong, in the user's language.
    pub fn user_message(&self) -> String {
        match self {
            StoreError::Index(IndexError::NoSuchMessage(id)) | StoreError::NoSuchMessage(id) => {
                crate::fl!("store-error-no-message", id = id.to_string())
            }
            StoreError::Index(IndexError::Open { path, source }) => crate::fl!(
                "store-error-index",
                path = path.display().to_string(),
                detail = source.to_string()
            ),
            StoreError::Index(IndexError::Sql(source)) => {
                crate::fl!("store-error-index-sql", detail = source.to_string())
            }
            StoreError::Index(IndexError::Io { path, source })
            | StoreError::Io { path, source, .. } => {
                crate::fl!(
                    "store-error-io",
                    path = path.display().to_string(),
                    detail = source.to_string()
                )
            }
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> String {
        match self {
            StoreError::Index(IndexError::NoSuchMessage(_)) | StoreError::NoSuchMessage(_) => {
                crate::fl!("store-error-no-message-hint")
            }
            StoreError::Index(IndexError::Open { .. } | IndexError::Sql(_)) => {
                crate::fl!("store-error-index-hint")
            }
            StoreError::Index(IndexError::Io { .. }) | StoreError::Io { .. } => {
                crate::fl!("store-error-io-hint")
            }
        }
    }
}

/// What to store for a new message.
pub enum NewMessage<'a> {
    /// Bytes still to be written (sent mail, drafts, small POP3 messages).
    Bytes(&'a [u8]),
    /// A file a sync already streamed into the folder's Maildir and committed.
    Committed(&'a MaildirEntry),
}

#[derive(Debug)]
pub struct MailStore {
    root: PathBuf,
    index: Index,
    /// What the refresh on open found (all zeros when it did not run).
    opened: ReindexReport,
}

impl MailStore {
    /// Opens an account's store under `paths`, creating the mail root and the index.
    /// POP3 accounts get local Inbox, Sent, Drafts and Trash folders.
    pub fn open(paths: &Paths, account: &AccountId) -> Result<MailStore> {
        Self::open_at(
            &paths.mail_root(account),
            &paths.state_dir(account).join(INDEX_FILE),
        )
    }

    /// As [`MailStore::open`], creating the local folders a POP3 account needs.
    pub fn open_for(paths: &Paths, account: &AccountId, protocol: Protocol) -> Result<MailStore> {
        let mut store = Self::open(paths, account)?;
        if protocol == Protocol::Pop3 {
            let roles = [Role::Inbox, Role::Sent, Role::Drafts, Role::Trash];
            let missing = roles
                .iter()
                .any(|r| !folder::maildir_path(&store.root, r.default_name()).is_dir());
            for role in roles {
                store.maildir(role.default_name())?;
            }
            if missing {
                // Stamp the new, empty folders now, so the store's own first writes to
                // them keep the index current (see [`Index::refresh`]).
                store.index.refresh(&store.root)?;
            }
        }
        Ok(store)
    }

    /// Opens without the refresh, for a caller that runs [`MailStore::reindex`] next.
    pub fn open_for_reindex(paths: &Paths, account: &AccountId) -> Result<MailStore> {
        Self::open_inner(
            &paths.mail_root(account),
            &paths.state_dir(account).join(INDEX_FILE),
            false,
        )
    }

    /// Opens a store with an explicit mail root and index file (tests, tools).
    pub fn open_at(mail_root: &Path, index_file: &Path) -> Result<MailStore> {
        Self::open_inner(mail_root, index_file, true)
    }

    fn open_inner(mail_root: &Path, index_file: &Path, refresh: bool) -> Result<MailStore> {
        std::fs::create_dir_all(mail_root).map_err(|source| StoreError::Io {
            action: "create",
            path: mail_root.to_path_buf(),
            source,
        })?;
        let index = Index::open(index_file)?;
        let mut store = MailStore {
            root: mail_root.to_path_buf(),
            index,
            opened: ReindexReport::default(),
        };
        if refresh {
            // Cheap when nothing changed (a stat per folder): the store's own writes
            // record their folder's new stamp, so only what mutt or an interrupted
            // write left since the last run makes it read a folder.
            store.opened = store.index.refresh(&store.root)?;
        }
        Ok(store)
    }

    /// What the refresh on open did: `scanned` counts the folders it had to read.
    pub fn opened_report(&self) -> &ReindexReport {
        &self.opened
    }

    fn stamp(&self, folder: &str) -> Option<String> {
        folder_stamp(&self.root, folder)
    }

    pub fn mail_root(&self) -> &Path {
        &self.root
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// For batches (see [`Index::batch`]) and other direct index work.
    pub fn index_mut(&mut self) -> &mut Index {
        &mut self.index
    }

    /// The Maildir of a local folder, created if missing.
    pub fn maildir(&self, folder: &str) -> Result<Maildir> {
        let path = folder::maildir_path(&self.root, folder);
        Maildir::open(&path).map_err(|source| StoreError::Io {
            action: "create the folder",
            path,
            source,
        })
    }

    /// Stores a message and indexes it, returning its id. With
    /// [`NewMessage::Bytes`] the file is durable before this returns.
    pub fn add(
        &mut self,
        folder: &str,
        message: NewMessage<'_>,
        uid: Option<u32>,
        flags: &Flags,
    ) -> Result<MessageId> {
        let maildir = self.maildir(folder)?;
        let mut stamps = None;
        let (entry, envelope) = match message {
            NewMessage::Bytes(bytes) => {
                // Mail we have seen (Seen flag) goes to cur/, the rest to new/ as the
                // spec asks, so mutt shows it as new too.
                let subdir = if flags.as_str().is_empty() {
                    Subdir::New
                } else {
                    Subdir::Cur
                };
                let before = self.stamp(folder);
                let entry = maildir
                    .deliver(bytes, subdir, uid, flags)
                    .map_err(|source| StoreError::Io {
                        action: "save a message in",
                        path: maildir.root().to_path_buf(),
                        source,
                    })?;
                stamps = Some((before, self.stamp(folder)));
                (entry, envelope::parse(bytes, now()))
            }
            NewMessage::Committed(entry) => {
                let path = maildir.path_of(entry);
                let envelope = envelope::parse_file(&path).map_err(|source| StoreError::Io {
                    action: "read",
                    path,
                    source,
                })?;
                (entry.clone(), envelope)
            }
        };
        let mut batch = self.index.batch()?;
        let id = batch.upsert(folder, &entry, &envelope)?;
        // A committed file was written earlier, at a stamp we no longer know.
        if let Some((before, after)) = stamps {
            batch.advance_stamp(folder, before.as_deref(), after.as_deref())?;
        }
        batch.commit()?;
        Ok(id)
    }

    /// Indexes a committed file with an envelope parsed by the caller (a sync that
    /// parses on another thread, or in a [`super::index::Batch`]).
    pub fn add_parsed(
        &mut self,
        folder: &str,
        entry: &MaildirEntry,
        envelope: &Envelope,
    ) -> Result<MessageId> {
        Ok(self.index.upsert(folder, entry, envelope)?)
    }

    pub fn get(&self, id: MessageId) -> Result<EnvelopeRow> {
        self.index.get(id)?.ok_or(StoreError::NoSuchMessage(id))
    }

    /// Where a message's file is now.
    pub fn path_of(&self, row: &EnvelopeRow) -> PathBuf {
        folder::maildir_path(&self.root, &row.folder)
            .join(match row.entry.subdir {
                Subdir::New => "new",
                Subdir::Cur => "cur",
            })
            .join(&row.entry.file_name)
    }

    /// The stored bytes, exactly as received.
    pub fn read_raw(&self, id: MessageId) -> Result<Vec<u8>> {
        let row = self.get(id)?;
        let path = self.path_of(&row);
        std::fs::read(&path).map_err(|source| StoreError::Io {
            action: "read",
            path,
            source,
        })
    }

    /// Renames the file with the new flags, then records them.
    pub fn set_flags(&mut self, id: MessageId, flags: &Flags) -> Result<EnvelopeRow> {
        let row = self.get(id)?;
        let maildir = self.maildir(&row.folder)?;
        let before = self.stamp(&row.folder);
        let entry = maildir
            .set_flags(&row.entry, flags)
            .map_err(|source| StoreError::Io {
                action: "change the flags of",
                path: self.path_of(&row),
                source,
            })?;
        let after = self.stamp(&row.folder);
        let mut batch = self.index.batch()?;
        batch.set_flags(id, &entry)?;
        batch.advance_stamp(&row.folder, before.as_deref(), after.as_deref())?;
        batch.commit()?;
        self.get(id)
    }

    /// Deletes the file, then the row.
    pub fn remove(&mut self, id: MessageId) -> Result<()> {
        let row = self.get(id)?;
        let maildir = self.maildir(&row.folder)?;
        let before = self.stamp(&row.folder);
        maildir
            .remove(&row.entry)
            .map_err(|source| StoreError::Io {
                action: "delete",
                path: self.path_of(&row),
                source,
            })?;
        let after = self.stamp(&row.folder);
        let mut batch = self.index.batch()?;
        batch.remove(id)?;
        batch.advance_stamp(&row.folder, before.as_deref(), after.as_deref())?;
        Ok(batch.commit()?)
    }

    /// Moves a message to another local folder, keeping its id, flags and UID-less name.
    /// The copy in the target is durable before the source file goes.
    pub fn move_to(&mut self, id: MessageId, target: &str) -> Result<EnvelopeRow> {
        let row = self.get(id)?;
        if row.folder == target {
            return Ok(row);
        }
        let from = self.maildir(&row.folder)?;
        let to = self.maildir(target)?;
        let source_path = self.path_of(&row);
        let bytes = std::fs::read(&source_path).map_err(|source| StoreError::Io {
            action: "read",
            path: source_path.clone(),
            source,
        })?;
        // The server UID belongs to the old folder; the sync assigns the new one.
        let target_before = self.stamp(target);
        let entry = to
            .deliver(&bytes, row.entry.subdir, None, &row.entry.flags)
            .map_err(|source| StoreError::Io {
                action: "save a message in",
                path: to.root().to_path_buf(),
                source,
            })?;
        let target_after = self.stamp(target);
        let mut batch = self.index.batch()?;
        batch.move_to(id, target, &entry)?;
        batch.advance_stamp(target, target_before.as_deref(), target_after.as_deref())?;
        batch.commit()?;
        let source_before = self.stamp(&row.folder);
        from.remove(&row.entry).map_err(|source| StoreError::Io {
            action: "delete",
            path: source_path,
            source,
        })?;
        let source_after = self.stamp(&row.folder);
        self.index.advance_stamp(
            &row.folder,
            source_before.as_deref(),
            source_after.as_deref(),
        )?;
        self.get(id)
    }

    pub fn count(&self, folder: &str) -> Result<u64> {
        Ok(self.index.count(folder)?)
    }

    pub fn unread_count(&self, folder: &str) -> Result<u64> {
        Ok(self.index.unread_count(folder)?)
    }

    pub fn list(
        &self,
        folder: &str,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<EnvelopeRow>> {
        Ok(self.index.page(folder, sort, offset, limit)?)
    }

    /// A folder's messages as (date, id), newest first (see [`Index::dated_ids`]).
    pub fn dated_ids(&self, folder: &str) -> Result<Vec<(i64, MessageId)>> {
        Ok(self.index.dated_ids(folder)?)
    }

    /// A folder's messages as (sort key, date, id) (see [`Index::keyed_ids`]).
    pub fn keyed_ids(&self, folder: &str, key: SortKey) -> Result<Vec<(String, i64, MessageId)>> {
        Ok(self.index.keyed_ids(folder, key)?)
    }

    pub fn search(
        &self,
        query: &str,
        folder: Option<&str>,
        limit: u64,
    ) -> Result<Vec<EnvelopeRow>> {
        Ok(self.index.search(query, folder, limit)?)
    }

    /// Folders on disk and in the index, with counts; INBOX first and always present.
    pub fn folders(&self) -> Result<Vec<FolderInfo>> {
        let mut folders = self.index.folders()?;
        let on_disk = folder::discover(&self.root).map_err(|source| StoreError::Io {
            action: "read",
            path: self.root.clone(),
            source,
        })?;
        for name in on_disk.into_iter().chain([INBOX.to_string()]) {
            if !folders.iter().any(|f| f.name == name) {
                folders.push(FolderInfo {
                    name,
                    count: 0,
                    unread: 0,
                });
            }
        }
        folders.sort_by(|a, b| (a.name != INBOX, &a.name).cmp(&(b.name != INBOX, &b.name)));
        Ok(folders)
    }

    pub fn reindex(&mut self) -> Result<ReindexReport> {
        Ok(self.index.reindex(&self.root)?)
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
