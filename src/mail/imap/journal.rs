//! Local changes: written to a durable journal first, applied to the cache at once,
//! replayed to the server on the next connection.
//!
//! The journal is JSON lines, appended and fsynced. Replay removes exactly the prefix it
//! sent, so a change recorded while a replay runs is kept. If the server refuses a change
//! (the message is gone, the folder was deleted), the server's state wins and the next
//! sync brings the cache in line; a moved message is never dropped before the server
//! has it in its new folder.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;

use async_imap::imap_proto::rfc4315::UidSetMember;
use async_imap::imap_proto::{Response, ResponseCode};
use serde::{Deserialize, Serialize};

use super::conn::{quote, Conn};
use super::folders::{maildir_path, Role};
use super::indexer::{Before, Indexer};
use super::state::AccountState;
use super::ImapError;
use crate::mail::account::Account;
use crate::mail::paths::Paths;
use crate::mail::store::fsutil::{sync_dir, write_atomic};
use crate::mail::store::{Maildir, MaildirEntry};

/// A message in the cache: folder (as shown, or the server's name) and UID, written
/// `FOLDER:UID` on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRef {
    pub folder: String,
    pub uid: u32,
}

impl FromStr for MessageRef {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (folder, uid) = s
            .rsplit_once(':')
            .ok_or_else(|| format!("{s}: expected FOLDER:UID"))?;
        let uid = uid
            .parse()
            .map_err(|_| format!("{s}: expected FOLDER:UID"))?;
        if folder.is_empty() {
            return Err(format!("{s}: expected FOLDER:UID"));
        }
        Ok(MessageRef {
            folder: folder.to_string(),
            uid,
        })
    }
}

impl std::fmt::Display for MessageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.folder, self.uid)
    }
}

/// What the user did to a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocalChange {
    /// Set or clear a Maildir flag letter (S seen, F flagged, R replied...).
    Flag { flag: char, on: bool },
    /// Move to another folder (display or server name).
    Move { to: String },
    /// To the Trash, or expunged when there is no Trash or it is already there.
    Delete,
}

/// One journal line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Entry {
    Flags {
        folder: String,
        uid: u32,
        add: String,
        remove: String,
    },
    /// `key` is the file's name (without flags) in the target's cache until the server
    /// gives the message its new UID.
    Move {
        folder: String,
        uid: u32,
        to: String,
        key: String,
    },
    Expunge {
        folder: String,
        uid: u32,
    },
}

static LOCK: Mutex<()> = Mutex::new(());

pub fn journal_file(state_dir: &Path) -> PathBuf {
    state_dir.join("imap-journal.jsonl")
}

fn append(state_dir: &Path, entry: &Entry) -> Result<(), ImapError> {
    let path = journal_file(state_dir);
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let write = || -> io::Result<()> {
        std::fs::create_dir_all(state_dir)?;
        let mut file = OpenOptions::new().create(true).append(true).open(&path)?;
        let mut line = serde_json::to_vec(entry).map_err(io::Error::other)?;
        line.push(b'\n');
        file.write_all(&line)?;
        file.sync_all()?;
        sync_dir(state_dir)
    };
    write().map_err(ImapError::disk(&path))
}

/// The recorded changes not yet on the server. A torn last line (a crash mid-append) is
/// ignored: its change was never applied locally either.
pub fn pending(state_dir: &Path) -> Vec<Entry> {
    let Ok(text) = std::fs::read_to_string(journal_file(state_dir)) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}

/// Drops the first `n` entries (the ones just replayed), keeping any added since.
fn forget_prefix(state_dir: &Path, n: usize) -> Result<(), ImapError> {
    if n == 0 {
        return Ok(());
    }
    let path = journal_file(state_dir);
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let rest: Vec<Entry> = pending(state_dir).into_iter().skip(n).collect();
    let mut bytes = Vec::new();
    for entry in &rest {
        bytes.extend(
            serde_json::to_vec(entry)
                .map_err(io::Error::other)
                .map_err(ImapError::disk(&path))?,
        );
        bytes.push(b'\n');
    }
    write_atomic(&path, &bytes).map_err(ImapError::disk(&path))
}

fn find_entry(maildir: &Maildir, uid: u32) -> Result<Option<MaildirEntry>, ImapError> {
    Ok(maildir
        .list()
        .map_err(ImapError::disk(maildir.root()))?
        .into_iter()
        .find(|e| e.uid == Some(uid)))
}

/// Records a change durably, then applies it to the cache.
pub fn apply(
    paths: &Paths,
    account: &Account,
    message: &MessageRef,
    change: &LocalChange,
) -> Result<(), ImapError> {
    let id = account.id();
    let state_dir = paths.state_dir(&id);
    let root = paths.mail_root(&id);
    let state = AccountState::load(&state_dir);
    let no_folder = |folder: &str| ImapError::NoFolder {
        endpoint: account.incoming.endpoint(),
        folder: folder.to_string(),
    };
    let (raw, folder) = state
        .find(&message.folder)
        .ok_or_else(|| no_folder(&message.folder))?;
    let maildir =
        Maildir::open(maildir_path(&root, &folder.local)).map_err(ImapError::disk(&root))?;
    let entry = find_entry(&maildir, message.uid)?
        .ok_or_else(|| ImapError::NoMessage(message.to_string()))?;
    let target = match change {
        LocalChange::Flag { flag, on } => {
            let flags = entry.flags.with(*flag, *on);
            if flags == entry.flags {
                return Ok(());
            }
            let (add, remove) = if *on {
                (flag.to_string(), String::new())
            } else {
                (String::new(), flag.to_string())
            };
            append(
                &state_dir,
                &Entry::Flags {
                    folder: raw.clone(),
                    uid: message.uid,
                    add,
                    remove,
                },
            )?;
            let before = Before::take(&root, &[&folder.local]);
            let renamed = maildir
                .set_flags(&entry, &flags)
                .map_err(ImapError::disk(maildir.root()))?;
            Indexer::new(paths, &id).local_change(
                &folder.local,
                message.uid,
                Some((&folder.local, &renamed)),
                before,
            );
            return Ok(());
        }
        LocalChange::Move { to } => state.find(to).ok_or_else(|| no_folder(to))?,
        LocalChange::Delete => match state.with_role(Role::Trash) {
            Some(trash) if folder.role != Some(Role::Trash) => trash,
            _ => {
                append(
                    &state_dir,
                    &Entry::Expunge {
                        folder: raw.clone(),
                        uid: message.uid,
                    },
                )?;
                let before = Before::take(&root, &[&folder.local]);
                maildir
                    .remove(&entry)
                    .map_err(ImapError::disk(maildir.root()))?;
                Indexer::new(paths, &id).local_change(&folder.local, message.uid, None, before);
                return Ok(());
            }
        },
    };
    let (to_raw, to_folder) = target;
    if to_raw == raw {
        return Ok(());
    }
    // The moved file keeps its unique name minus the old UID, which means nothing in
    // the target folder.
    let key: String = entry
        .key()
        .split(',')
        .filter(|part| !part.starts_with("U="))
        .collect::<Vec<_>>()
        .join(",");
    append(
        &state_dir,
        &Entry::Move {
            folder: raw.clone(),
            uid: message.uid,
            to: to_raw.clone(),
            key: key.clone(),
        },
    )?;
    let target_dir =
        Maildir::open(maildir_path(&root, &to_folder.local)).map_err(ImapError::disk(&root))?;
    let new_path = target_dir.root().join("cur").join(format!(
        "{key}{}{}",
        crate::mail::store::maildir::INFO_SEP,
        entry.flags.as_str()
    ));
    let old_path = maildir.path_of(&entry);
    let before = Before::take(&root, &[&folder.local, &to_folder.local]);
    std::fs::rename(&old_path, &new_path).map_err(ImapError::disk(&old_path))?;
    sync_dir(&target_dir.root().join("cur")).map_err(ImapError::disk(target_dir.root()))?;
    if let Some(parent) = old_path.parent() {
        sync_dir(parent).map_err(ImapError::disk(parent))?;
    }
    let moved = MaildirEntry {
        subdir: crate::mail::store::Subdir::Cur,
        file_name: new_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        uid: None,
        flags: entry.flags.clone(),
    };
    Indexer::new(paths, &id).local_change(
        &folder.local,
        message.uid,
        Some((&to_folder.local, &moved)),
        before,
    );
    Ok(())
}

fn imap_flags(letters: &str) -> String {
    letters
        .chars()
        .filter_map(super::sync::imap_flag)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sends the journal to the server. Returns how many changes were sent.
pub async fn replay(
    conn: &mut Conn,
    paths: &Paths,
    account: &Account,
    state: &AccountState,
) -> Result<usize, ImapError> {
    let id = account.id();
    let state_dir = paths.state_dir(&id);
    let entries = pending(&state_dir);
    if entries.is_empty() {
        return Ok(0);
    }
    let root = paths.mail_root(&id);
    let mut selected: Option<String> = None;
    let mut indexer = Indexer::new(paths, &id);
    let mut done = 0;
    for entry in &entries {
        let result = replay_one(conn, &root, state, entry, &mut selected, &mut indexer).await;
        match result {
            Ok(()) => {}
            // The server said no (message or folder gone): its state wins.
            Err(ImapError::Refused { message, step, .. }) => {
                tracing::warn!(%step, %message, "a local change was refused by the server");
                selected = None;
            }
            Err(error) => {
                forget_prefix(&state_dir, done)?;
                return Err(error);
            }
        }
        done += 1;
    }
    forget_prefix(&state_dir, done)?;
    Ok(done)
}

async fn replay_one(
    conn: &mut Conn,
    root: &Path,
    state: &AccountState,
    entry: &Entry,
    selected: &mut Option<String>,
    indexer: &mut Indexer,
) -> Result<(), ImapError> {
    let folder = match entry {
        Entry::Flags { folder, .. }
        | Entry::Move { folder, .. }
        | Entry::Expunge { folder, .. } => folder,
    };
    if selected.as_deref() != Some(folder.as_str()) {
        let step = format!("select {}", super::utf7::decode(folder));
        conn.run(&format!("SELECT {}", quote(folder)), &step, |_| {})
            .await?;
        *selected = Some(folder.clone());
    }
    let step = "send local changes";
    match entry {
        Entry::Flags {
            uid, add, remove, ..
        } => {
            if !add.is_empty() {
                let cmd = format!("UID STORE {uid} +FLAGS.SILENT ({})", imap_flags(add));
                conn.run(&cmd, step, |_| {}).await?;
            }
            if !remove.is_empty() {
                let cmd = format!("UID STORE {uid} -FLAGS.SILENT ({})", imap_flags(remove));
                conn.run(&cmd, step, |_| {}).await?;
            }
        }
        Entry::Expunge { uid, .. } => {
            conn.run(
                &format!("UID STORE {uid} +FLAGS.SILENT (\\Deleted)"),
                step,
                |_| {},
            )
            .await?;
            expunge(conn, *uid, step).await?;
        }
        Entry::Move { uid, to, key, .. } => {
            let mut new_uid = None;
            let mut record = |response: &Response<'_>| {
                if let Response::Data { outcome, .. } | Response::Done { outcome, .. } = response {
                    if let Some(ResponseCode::CopyUid(_, _, dst)) = &outcome.code {
                        new_uid = dst.first().map(|m| match m {
                            UidSetMember::Uid(u) => *u,
                            UidSetMember::UidRange(r) => *r.start(),
                        });
                    }
                }
            };
            if conn.has("MOVE") {
                conn.run(&format!("UID MOVE {uid} {}", quote(to)), step, &mut record)
                    .await?;
            } else {
                conn.run(&format!("UID COPY {uid} {}", quote(to)), step, &mut record)
                    .await?;
                conn.run(
                    &format!("UID STORE {uid} +FLAGS.SILENT (\\Deleted)"),
                    step,
                    |_| {},
                )
                .await?;
                expunge(conn, *uid, step).await?;
            }
            if let Some(target) = state.folders.get(to) {
                let maildir = Maildir::open(maildir_path(root, &target.local))
                    .map_err(ImapError::disk(root))?;
                let local = maildir
                    .list()
                    .map_err(ImapError::disk(maildir.root()))?
                    .into_iter()
                    .find(|e| e.key() == key);
                if let Some(local) = local {
                    match new_uid {
                        // Give the cached copy its new UID so the sync doesn't fetch it again.
                        Some(new_uid) => {
                            let name = format!(
                                "{key},U={new_uid}{}{}",
                                crate::mail::store::maildir::INFO_SEP,
                                local.flags.as_str()
                            );
                            let dir = maildir.root().join("cur");
                            std::fs::rename(maildir.path_of(&local), dir.join(&name))
                                .and_then(|_| sync_dir(&dir))
                                .map_err(ImapError::disk(&dir))?;
                            let entry = MaildirEntry {
                                subdir: crate::mail::store::Subdir::Cur,
                                file_name: name,
                                uid: Some(new_uid),
                                flags: local.flags.clone(),
                            };
                            indexer.replayed_move(&target.local, key, Some(&entry));
                        }
                        // Without COPYUID we can't tell which server message it became;
                        // the server has it, so the next sync fetches it under its UID.
                        None => {
                            maildir
                                .remove(&local)
                                .map_err(ImapError::disk(maildir.root()))?;
                            indexer.replayed_move(&target.local, key, None);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

async fn expunge(conn: &mut Conn, uid: u32, step: &str) -> Result<(), ImapError> {
    let command = if conn.has("UIDPLUS") {
        format!("UID EXPUNGE {uid}")
    } else {
        "EXPUNGE".to_string()
    };
    conn.run(&command, step, |_| {}).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(uid: u32) -> Entry {
        Entry::Flags {
            folder: "INBOX".into(),
            uid,
            add: "S".into(),
            remove: String::new(),
        }
    }

    #[test]
    fn a_torn_line_is_ignored_and_replay_keeps_later_entries() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), &flags(1)).unwrap();
        append(dir.path(), &flags(2)).unwrap();
        // A crash in the middle of an append leaves half a line.
        let mut file = OpenOptions::new()
            .append(true)
            .open(journal_file(dir.path()))
            .unwrap();
        file.write_all(b"{\"op\":\"flags\",\"fol").unwrap();
        assert_eq!(pending(dir.path()), vec![flags(1), flags(2)]);
        // Replay sent the first entry; one more was recorded meanwhile.
        std::fs::write(
            journal_file(dir.path()),
            format!(
                "{}\n{}\n{}\n",
                serde_json::to_string(&flags(1)).unwrap(),
                serde_json::to_string(&flags(2)).unwrap(),
                serde_json::to_string(&flags(3)).unwrap()
            ),
        )
        .unwrap();
        forget_prefix(dir.path(), 1).unwrap();
        assert_eq!(pending(dir.path()), vec![flags(2), flags(3)]);
    }

    #[test]
    fn message_refs_round_trip() {
        let id: MessageRef = "Gwaith ŵ:17".parse().unwrap();
        assert_eq!(id.to_string(), "Gwaith ŵ:17");
        assert!("INBOX:x".parse::<MessageRef>().is_err());
    }
}
