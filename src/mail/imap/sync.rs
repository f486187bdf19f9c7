//! Sync of server folders into the local Maildir cache.
//!
//! Per folder: skip it when STATUS shows nothing changed; otherwise SELECT, discard
//! the cache if UIDVALIDITY changed (RFC 4549), list the UIDs the cache lacks, fetch
//! them newest first in pipelined batches, update flags (CONDSTORE CHANGEDSINCE when
//! offered) and remove what the server expunged. The folder's state is saved last.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;

use async_imap::imap_proto::{AttributeValue, MailboxDatum, Response, ResponseCode};

use super::conn::{quote, Conn};
use super::folders::{self, RemoteFolder};
use super::indexer::{Changes, Indexer};
use super::journal;
use super::state::{AccountState, FolderState};
use super::writer::{Writer, Written};
use super::ImapError;
use crate::mail::account::Account;
use crate::mail::paths::Paths;
use crate::mail::store::{Flags, Maildir, MaildirEntry};

#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// Sync only this folder (display or server name).
    pub folder: Option<String>,
    /// Most messages per UID FETCH.
    pub batch_messages: usize,
    /// Most bytes (RFC822.SIZE) per UID FETCH.
    pub batch_bytes: u64,
    /// FETCH commands sent ahead of the one being read.
    pub pipeline: usize,
    /// Messages written to disk at once.
    pub writers: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            folder: None,
            batch_messages: 1000,
            batch_bytes: 32 * 1024 * 1024,
            pipeline: 2,
            writers: 16,
        }
    }
}

/// What a sync did to one folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderSummary {
    pub folder: String,
    pub added: usize,
    pub removed: usize,
    pub flags_changed: usize,
    /// Messages in the folder after the sync.
    pub total: usize,
    pub bytes: u64,
    /// Nothing had changed: the folder was not even selected.
    pub unchanged: bool,
    /// UIDVALIDITY changed and the cache was rebuilt.
    pub reset: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncSummary {
    pub folders: Vec<FolderSummary>,
    pub folders_added: Vec<String>,
    pub folders_removed: Vec<String>,
    pub folders_renamed: Vec<(String, String)>,
    /// Local changes sent to the server before syncing.
    pub replayed: usize,
}

impl SyncSummary {
    pub fn added(&self) -> usize {
        self.folders.iter().map(|f| f.added).sum()
    }
}

/// Progress for a UI: sent as messages arrive and as folders finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    Fetching {
        folder: String,
        done: usize,
        total: usize,
        bytes: u64,
        total_bytes: u64,
    },
    FolderDone(FolderSummary),
}

pub type Reporter<'a> = &'a (dyn Fn(Progress) + Send + Sync);

/// Maildir flags for IMAP system flags. Keywords have no place in a Maildir name.
pub fn maildir_flags<'a>(imap: impl IntoIterator<Item = &'a str>) -> Flags {
    let mut chars = String::new();
    for flag in imap {
        match flag.to_ascii_lowercase().as_str() {
            "\\seen" => chars.push(Flags::SEEN),
            "\\answered" => chars.push(Flags::REPLIED),
            "\\flagged" => chars.push(Flags::FLAGGED),
            "\\deleted" => chars.push(Flags::TRASHED),
            "\\draft" => chars.push(Flags::DRAFT),
            "$forwarded" => chars.push(Flags::PASSED),
            _ => {}
        }
    }
    Flags::new(&chars)
}

/// The IMAP flag for a Maildir flag letter.
pub fn imap_flag(maildir: char) -> Option<&'static str> {
    Some(match maildir {
        Flags::SEEN => "\\Seen",
        Flags::REPLIED => "\\Answered",
        Flags::FLAGGED => "\\Flagged",
        Flags::TRASHED => "\\Deleted",
        Flags::DRAFT => "\\Draft",
        Flags::PASSED => "$Forwarded",
        _ => return None,
    })
}

/// A UID set in IMAP syntax, runs collapsed: `3:7,9,12:13`.
pub fn uid_set(uids: &[u32]) -> String {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = String::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

/// Syncs the account over an open connection: replays local changes, reconciles the
/// folder list, then syncs each folder (the Inbox first).
pub async fn sync_account(
    conn: &mut Conn,
    paths: &Paths,
    account: &Account,
    options: &SyncOptions,
    progress: Reporter<'_>,
) -> Result<SyncSummary, ImapError> {
    let id = account.id();
    let state_dir = paths.state_dir(&id);
    let root = paths.mail_root(&id);
    let mut state = AccountState::load(&state_dir);
    let mut summary = SyncSummary {
        replayed: journal::replay(conn, paths, account, &state).await?,
        ..SyncSummary::default()
    };
    let remote = folders::list(conn).await?;
    let mut indexer = Indexer::new(paths, &id);
    let before = state.clone();
    reconcile_folders(&root, &mut state, &remote, &mut summary, &mut indexer)?;
    // Unchanged folders cost no disk write (two fsyncs): a no-change re-sync stays a
    // handful of round trips.
    if state != before {
        state
            .save(&state_dir)
            .map_err(ImapError::disk(AccountState::file(&state_dir)))?;
    }

    let mut order: Vec<&RemoteFolder> = remote.iter().filter(|f| f.selectable).collect();
    order.sort_by_key(|f| (f.name != "INBOX", f.display.clone()));
    if let Some(wanted) = &options.folder {
        order.retain(|f| &f.display == wanted || &f.name == wanted);
        if order.is_empty() {
            return Err(ImapError::NoFolder {
                endpoint: conn.endpoint().to_string(),
                folder: wanted.clone(),
            });
        }
    }
    for folder in order {
        let result = sync_folder(
            conn,
            &root,
            &state_dir,
            &mut state,
            folder,
            options,
            progress,
            &mut indexer,
        )
        .await;
        let done = match result {
            Ok(done) => done,
            // Deleted (or made unselectable) since LIST: the next sync's LIST drops it.
            Err(ImapError::Refused { step, message, .. }) if step.starts_with("select ") => {
                tracing::warn!(%step, %message, "folder skipped");
                continue;
            }
            Err(error) => return Err(error),
        };
        progress(Progress::FolderDone(done.clone()));
        summary.folders.push(done);
    }
    Ok(summary)
}

/// Mirrors the server's folder list: new folders get a state entry, renamed ones
/// (same UIDVALIDITY under a new name) keep their cache, deleted ones lose it.
fn reconcile_folders(
    root: &Path,
    state: &mut AccountState,
    remote: &[RemoteFolder],
    summary: &mut SyncSummary,
    indexer: &mut Indexer,
) -> Result<(), ImapError> {
    let names: HashSet<&str> = remote
        .iter()
        .filter(|f| f.selectable)
        .map(|f| f.name.as_str())
        .collect();
    let gone: Vec<String> = state
        .folders
        .keys()
        .filter(|n| !names.contains(n.as_str()))
        .cloned()
        .collect();
    for old in gone {
        let old_state = state.folders.remove(&old).expect("listed above");
        let renamed_to = remote.iter().find(|f| {
            f.selectable
                && !state.folders.contains_key(&f.name)
                && old_state.uidvalidity != 0
                && f.status.map(|s| s.uidvalidity) == Some(old_state.uidvalidity)
        });
        let old_dir = folders::maildir_path(root, &old_state.local);
        match renamed_to {
            Some(new) => {
                let local = folders::local_name(&new.display, new.delimiter);
                let new_dir = folders::maildir_path(root, &local);
                folders::move_cache(&old_dir, &new_dir).map_err(ImapError::disk(&old_dir))?;
                let moved = Maildir::open(&new_dir)
                    .and_then(|m| m.list())
                    .map_err(ImapError::disk(&new_dir))?;
                indexer.folder_renamed(&old_state.local, &local, &moved);
                summary
                    .folders_renamed
                    .push((old_state.display.clone(), new.display.clone()));
                state.folders.insert(
                    new.name.clone(),
                    FolderState {
                        display: new.display.clone(),
                        local,
                        role: new.role,
                        delimiter: new.delimiter,
                        ..old_state
                    },
                );
            }
            None => {
                folders::remove_cache(&old_dir).map_err(ImapError::disk(&old_dir))?;
                indexer.folder_removed(&old_state.local);
                summary.folders_removed.push(old_state.display);
            }
        }
    }
    for folder in remote.iter().filter(|f| f.selectable) {
        let entry = state.folders.entry(folder.name.clone()).or_insert_with(|| {
            summary.folders_added.push(folder.display.clone());
            FolderState {
                display: folder.display.clone(),
                local: folders::local_name(&folder.display, folder.delimiter),
                ..FolderState::default()
            }
        });
        entry.role = folder.role;
        entry.delimiter = folder.delimiter;
        entry.display = folder.display.clone();
    }
    Ok(())
}

/// SELECT's answer.
#[derive(Debug, Default)]
struct Selected {
    exists: u32,
    uidvalidity: u32,
    uidnext: Option<u32>,
    highestmodseq: Option<u64>,
}

async fn select(conn: &mut Conn, name: &str, condstore: bool) -> Result<Selected, ImapError> {
    let command = if condstore {
        format!("SELECT {} (CONDSTORE)", quote(name))
    } else {
        format!("SELECT {}", quote(name))
    };
    let mut selected = Selected::default();
    let step = format!("select {}", super::utf7::decode(name));
    conn.run(&command, &step, |response| match response {
        Response::MailboxData(MailboxDatum::Exists(n)) => selected.exists = *n,
        Response::Data { outcome, .. } | Response::Done { outcome, .. } => match outcome.code {
            Some(ResponseCode::UidValidity(v)) => selected.uidvalidity = v,
            Some(ResponseCode::UidNext(v)) => selected.uidnext = Some(v),
            Some(ResponseCode::HighestModSeq(v)) => selected.highestmodseq = Some(v),
            _ => {}
        },
        _ => {}
    })
    .await?;
    Ok(selected)
}

/// A FETCH response's UID, flags, size and body, whichever were present.
struct FetchItem<'a> {
    uid: Option<u32>,
    flags: Option<Flags>,
    size: Option<u32>,
    body: Option<&'a [u8]>,
}

fn fetch_item<'a>(attributes: &'a [AttributeValue<'a>]) -> FetchItem<'a> {
    let mut item = FetchItem {
        uid: None,
        flags: None,
        size: None,
        body: None,
    };
    for attribute in attributes {
        match attribute {
            AttributeValue::Uid(uid) => item.uid = Some(*uid),
            AttributeValue::Flags(flags) => {
                item.flags = Some(maildir_flags(flags.iter().map(|f| f.as_ref())))
            }
            AttributeValue::Rfc822Size(size) => item.size = Some(*size),
            AttributeValue::BodySection { data, .. } | AttributeValue::Rfc822(data) => {
                item.body = Some(data.as_deref().unwrap_or(b""))
            }
            _ => {}
        }
    }
    item
}

/// Runs a UID FETCH for flags (and sizes), returning uid -> (flags, size).
async fn fetch_flags(
    conn: &mut Conn,
    command: &str,
    step: &str,
    min_uid: u32,
) -> Result<HashMap<u32, (Flags, u32)>, ImapError> {
    let mut out = HashMap::new();
    conn.run(command, step, |response| {
        if let Response::Fetch(_, attributes) = response {
            let item = fetch_item(attributes);
            if let (Some(uid), Some(flags)) = (item.uid, item.flags) {
                if uid >= min_uid {
                    out.insert(uid, (flags, item.size.unwrap_or(0)));
                }
            }
        }
    })
    .await?;
    Ok(out)
}

/// Makes local flags match the server's.
fn apply_flags(
    maildir: &Maildir,
    local: &mut HashMap<u32, MaildirEntry>,
    server: &HashMap<u32, (Flags, u32)>,
    changes: &mut Changes,
) -> Result<usize, ImapError> {
    let mut changed = 0;
    for (uid, (flags, _)) in server {
        if let Some(entry) = local.get_mut(uid) {
            if &entry.flags != flags {
                *entry = maildir
                    .set_flags(entry, flags)
                    .map_err(ImapError::disk(maildir.root()))?;
                changes.flags.push(entry.clone());
                changed += 1;
            }
        }
    }
    Ok(changed)
}

fn remove_missing(
    maildir: &Maildir,
    local: &mut HashMap<u32, MaildirEntry>,
    on_server: &HashSet<u32>,
    changes: &mut Changes,
) -> Result<usize, ImapError> {
    let gone: Vec<u32> = local
        .keys()
        .filter(|uid| !on_server.contains(uid))
        .copied()
        .collect();
    for uid in &gone {
        if let Some(entry) = local.remove(uid) {
            maildir
                .remove(&entry)
                .map_err(ImapError::disk(maildir.root()))?;
            changes.removed.push(*uid);
        }
    }
    Ok(gone.len())
}

/// Syncs one folder, then tells the index what changed (also what got written before
/// a failure).
#[allow(clippy::too_many_arguments)]
async fn sync_folder(
    conn: &mut Conn,
    root: &Path,
    state_dir: &Path,
    state: &mut AccountState,
    folder: &RemoteFolder,
    options: &SyncOptions,
    progress: Reporter<'_>,
    indexer: &mut Indexer,
) -> Result<FolderSummary, ImapError> {
    let mut changes = Changes::default();
    let result = sync_folder_inner(
        conn,
        root,
        state_dir,
        state,
        folder,
        options,
        progress,
        &mut changes,
        indexer,
    )
    .await;
    if let Some(local) = state.folders.get(&folder.name).map(|f| f.local.clone()) {
        indexer.apply(&local, &changes);
    }
    result
}

#[allow(clippy::too_many_arguments)]
async fn sync_folder_inner(
    conn: &mut Conn,
    root: &Path,
    state_dir: &Path,
    state: &mut AccountState,
    folder: &RemoteFolder,
    options: &SyncOptions,
    progress: Reporter<'_>,
    changes: &mut Changes,
    indexer: &mut Indexer,
) -> Result<FolderSummary, ImapError> {
    let condstore = conn.has("CONDSTORE");
    let mut fs = state.folders.get(&folder.name).cloned().unwrap_or_default();
    let mut summary = FolderSummary {
        folder: folder.display.clone(),
        ..FolderSummary::default()
    };
    if let Some(status) = folder.status {
        let unchanged = fs.complete
            && fs.uidvalidity == status.uidvalidity
            && fs.uidnext == status.uidnext
            && fs.messages == status.messages
            && condstore
            && status.highestmodseq.is_some()
            && fs.highestmodseq == status.highestmodseq;
        if unchanged {
            summary.unchanged = true;
            summary.total = status.messages as usize;
            return Ok(summary);
        }
    }
    let dir = folders::maildir_path(root, &fs.local);
    let maildir = Maildir::open(&dir).map_err(ImapError::disk(&dir))?;
    let selected = select(conn, &folder.name, condstore).await?;
    let save = |state: &mut AccountState, fs: &FolderState| {
        state.folders.insert(folder.name.clone(), fs.clone());
        state
            .save(state_dir)
            .map_err(ImapError::disk(AccountState::file(state_dir)))
    };
    if fs.uidvalidity != selected.uidvalidity {
        // RFC 4549: the old UIDs mean nothing now. Record the new UIDVALIDITY before any
        // message of it is written, so a resumed sync knows the files belong to it.
        summary.reset = fs.uidvalidity != 0;
        // Now, before the first message of the new UIDVALIDITY is indexed.
        indexer.folder_removed(&fs.local);
        for entry in maildir.list().map_err(ImapError::disk(&dir))? {
            maildir.remove(&entry).map_err(ImapError::disk(&dir))?;
        }
        fs.uidvalidity = selected.uidvalidity;
        fs.uidnext = 0;
        fs.highestmodseq = None;
        fs.complete = false;
        save(state, &fs)?;
    }
    maildir.clean_tmp().map_err(ImapError::disk(&dir))?;
    let mut local: HashMap<u32, MaildirEntry> = maildir
        .list()
        .map_err(ImapError::disk(&dir))?
        .into_iter()
        .filter_map(|e| Some((e.uid?, e)))
        .collect();
    let from = if fs.complete { fs.uidnext.max(1) } else { 1 };
    let step_fetch = format!("fetch {}", folder.display);

    // What the server has from `from` on, with flags and sizes.
    let mut server = HashMap::new();
    let may_have_new = !fs.complete || selected.uidnext.is_none_or(|next| next > from);
    if selected.exists > 0 && may_have_new {
        server = fetch_flags(
            conn,
            &format!("UID FETCH {from}:* (UID FLAGS RFC822.SIZE)"),
            &step_fetch,
            from,
        )
        .await?;
    }
    if !fs.complete {
        let on_server: HashSet<u32> = server.keys().copied().collect();
        summary.removed += remove_missing(&maildir, &mut local, &on_server, changes)?;
    }
    summary.flags_changed += apply_flags(&maildir, &mut local, &server, changes)?;

    let mut missing: Vec<(u32, u32)> = server
        .iter()
        .filter(|(uid, _)| !local.contains_key(uid))
        .map(|(uid, (_, size))| (*uid, *size))
        .collect();
    missing.sort_unstable_by_key(|m| std::cmp::Reverse(m.0));
    if !missing.is_empty() {
        // Written messages go into the cache map and the index batch by batch, so
        // memory stays bounded however big the folder is.
        let local_name = fs.local.clone();
        let mut sink = |written: Vec<Written>| {
            if written.is_empty() {
                return;
            }
            summary.added += written.len();
            summary.bytes += written.iter().map(|w| w.size).sum::<u64>();
            for w in &written {
                local.insert(w.uid, w.entry.clone());
            }
            indexer.apply(
                &local_name,
                &Changes {
                    added: written,
                    ..Changes::default()
                },
            );
        };
        fetch_bodies(
            conn,
            &maildir,
            &folder.display,
            &missing,
            &server,
            options,
            progress,
            &mut sink,
        )
        .await?;
    }

    if fs.complete && from > 1 {
        // Flag changes on messages we already had.
        let changed_since = match (condstore, fs.highestmodseq, selected.highestmodseq) {
            (true, Some(old), Some(new)) if old == new => None,
            (true, Some(old), Some(_)) => Some(format!(" (CHANGEDSINCE {old})")),
            _ => Some(String::new()),
        };
        if let Some(modifier) = changed_since {
            if !local.is_empty() {
                let command = format!("UID FETCH 1:{} (UID FLAGS){modifier}", from - 1);
                let flag_changes = fetch_flags(conn, &command, &step_fetch, 1).await?;
                summary.flags_changed += apply_flags(&maildir, &mut local, &flag_changes, changes)?;
            }
        }
        // Expunges: everything below `from` was cached, so any difference in count means
        // the server expunged something.
        if local.len() != selected.exists as usize {
            let mut on_server = HashSet::new();
            conn.run("UID SEARCH ALL", &step_fetch, |response| {
                if let Response::MailboxData(MailboxDatum::Search(uids)) = response {
                    on_server.extend(uids.iter().copied());
                }
            })
            .await?;
            summary.removed += remove_missing(&maildir, &mut local, &on_server, changes)?;
        }
    }

    fs.uidnext = selected
        .uidnext
        .unwrap_or_else(|| local.keys().max().map_or(1, |m| m + 1));
    fs.highestmodseq = selected.highestmodseq;
    fs.messages = selected.exists;
    fs.complete = true;
    save(state, &fs)?;
    summary.total = local.len();
    Ok(summary)
}

/// Fetches the given messages (newest first) in pipelined batches and writes each one
/// durably, handing what was written to `sink` after each batch (and after a failure).
#[allow(clippy::too_many_arguments)]
async fn fetch_bodies(
    conn: &mut Conn,
    maildir: &Maildir,
    display: &str,
    missing: &[(u32, u32)],
    server: &HashMap<u32, (Flags, u32)>,
    options: &SyncOptions,
    progress: Reporter<'_>,
    sink: &mut (dyn FnMut(Vec<Written>) + Send),
) -> Result<(), ImapError> {
    // The server answers a batch in ascending UID order, so batches start small and
    // double: the newest mail lands first and quickly, later batches amortise round trips.
    let mut batches: VecDeque<Vec<u32>> = VecDeque::new();
    let mut current = Vec::new();
    let mut current_bytes = 0u64;
    let mut limit = options.batch_messages.clamp(1, 50);
    for (uid, size) in missing {
        if !current.is_empty()
            && (current.len() >= limit || current_bytes + *size as u64 > options.batch_bytes)
        {
            batches.push_back(std::mem::take(&mut current));
            current_bytes = 0;
            limit = (limit * 2).min(options.batch_messages.max(1));
        }
        current.push(*uid);
        current_bytes += *size as u64;
    }
    if !current.is_empty() {
        batches.push_back(current);
    }
    let total = missing.len();
    let total_bytes: u64 = missing.iter().map(|(_, s)| *s as u64).sum();
    let step = format!("fetch {display}");
    let mut writer = Writer::new(maildir.clone(), options.writers);
    let mut in_flight: VecDeque<String> = VecDeque::new();
    let (mut done, mut bytes) = (0usize, 0u64);
    let result: Result<(), ImapError> = async {
        loop {
            while in_flight.len() < options.pipeline.max(1) {
                let Some(batch) = batches.pop_front() else {
                    break;
                };
                let command = format!("UID FETCH {} (UID FLAGS BODY.PEEK[])", uid_set(&batch));
                in_flight.push_back(conn.send(&command, &step).await?);
            }
            let Some(tag) = in_flight.pop_front() else {
                break;
            };
            loop {
                let endpoint = conn.endpoint().to_string();
                let step_ref = &step;
                let event = conn
                    .next(&step, |response| match response {
                        Response::Done {
                            tag: done_tag,
                            status,
                            outcome,
                        } if done_tag.0 == tag => {
                            if *status != async_imap::imap_proto::Status::Ok {
                                return Some(Err(ImapError::Refused {
                                    endpoint,
                                    step: step_ref.clone(),
                                    message: outcome
                                        .information
                                        .as_deref()
                                        .unwrap_or("")
                                        .to_string(),
                                }));
                            }
                            Some(Ok(None))
                        }
                        Response::Fetch(_, attributes) => {
                            let item = fetch_item(attributes);
                            let (uid, body) = (item.uid?, item.body?);
                            let flags = item
                                .flags
                                .or_else(|| server.get(&uid).map(|(f, _)| f.clone()))
                                .unwrap_or_default();
                            Some(Ok(Some((uid, flags, body.to_vec()))))
                        }
                        _ => None,
                    })
                    .await?;
                let message = match event {
                    None => None,
                    Some(Ok(None)) => {
                        sink(writer.take_done());
                        break;
                    }
                    Some(Ok(Some(message))) => Some(message),
                    Some(Err(error)) => return Err(error),
                };
                if let Some((uid, flags, body)) = message {
                    done += 1;
                    bytes += body.len() as u64;
                    writer.submit(uid, flags, body).await?;
                    if done % 50 == 0 || done == total {
                        progress(Progress::Fetching {
                            folder: display.to_string(),
                            done,
                            total,
                            bytes,
                            total_bytes,
                        });
                    }
                }
            }
        }
        Ok(())
    }
    .await;
    // Whatever happened on the network, let the writes already queued reach the disk.
    let (written, disk) = writer.finish().await;
    sink(written);
    result.and(disk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_collapse_runs() {
        assert_eq!(uid_set(&[9, 3, 4, 5, 7, 12, 13]), "3:5,7,9,12:13");
        assert_eq!(uid_set(&[1]), "1");
        assert_eq!(uid_set(&[]), "");
    }

    #[test]
    fn flag_mapping() {
        let f = maildir_flags(["\\Seen", "\\Flagged", "$Forwarded", "custom"]);
        assert_eq!(f.as_str(), "FPS");
        assert_eq!(imap_flag('S'), Some("\\Seen"));
    }
}
