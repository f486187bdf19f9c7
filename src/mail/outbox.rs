//! The durable outbox: a message is on disk (fsynced) before any byte goes to a server, and
//! leaves the outbox only after the server's final "250" and after its Sent copy is stored.
//!
//! Layout under the account's state folder: `outbox/` is a Maildir holding the messages
//! (file names carry `,U=<n>`), and `outbox/meta/<n>.json` holds each one's envelope and
//! state, replaced atomically on every change. The meta file is created *first*, so every
//! message file has its envelope (Bcc recipients are only there, never in the headers).
//!
//! States: queued -> sending (recorded after the recipients were accepted, before DATA)
//! -> sent (after the final reply) -> removed once the Sent copy is stored. A message found
//! in "sending" at start-up was interrupted with DATA in flight: the server may or may not
//! have taken it, and we send it again. That one message may arrive twice; every other
//! message is sent exactly once.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::account::{Account, AccountId};
use super::compose::Built;
use super::drafts;
use super::paths::Paths;
use super::secret::Password;
use super::smtp::{SendError, Session};
use super::store::fsutil::{sync_dir, write_atomic};
use super::store::{Flags, Maildir, MaildirEntry, Subdir};
use super::tls::Timeouts;

/// Where one outbox message stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum State {
    Queued,
    /// DATA may be in flight (or was, when a crash left this behind).
    Sending,
    /// The server accepted it; only the Sent copy and the removal are left.
    Sent,
    /// Retried automatically after `next_attempt` unless `permanent`.
    Failed {
        permanent: bool,
    },
}

/// The sidecar of one outbox message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub message_id: String,
    pub from: String,
    pub recipients: Vec<String>,
    #[serde(flatten)]
    pub state: State,
    pub attempts: u32,
    pub last_error: Option<String>,
    /// Seconds since the epoch before which no automatic retry happens.
    pub next_attempt: Option<u64>,
    pub queued_at: u64,
}

/// A message in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub seq: u32,
    pub meta: Meta,
    pub entry: MaildirEntry,
}

#[derive(Clone, Debug)]
pub struct Outbox {
    maildir: Maildir,
    meta_dir: PathBuf,
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

const MAX_BACKOFF: Duration = Duration::from_secs(3600);

/// Waiting time before retry `attempts` (1, 2, ...): 1 min doubling up to 1 h.
pub fn backoff(attempts: u32) -> Duration {
    let exp = attempts.saturating_sub(1).min(6);
    Duration::from_secs(60u64 << exp).min(MAX_BACKOFF)
}

impl Outbox {
    /// The account's outbox, under its state folder.
    pub fn for_account(paths: &Paths, account: &AccountId) -> io::Result<Outbox> {
        Outbox::open(paths.state_dir(account).join("outbox"))
    }

    pub fn open(dir: impl Into<PathBuf>) -> io::Result<Outbox> {
        let dir = dir.into();
        let maildir = Maildir::open(&dir)?;
        let meta_dir = dir.join("meta");
        fs::create_dir_all(&meta_dir)?;
        Ok(Outbox { maildir, meta_dir })
    }

    pub fn dir(&self) -> &Path {
        self.maildir.root()
    }

    /// Takes the outbox for one flusher (the window and a `pillarbox outbox flush` may run
    /// at once; two flushers would send the same message twice). `None`: someone else has
    /// it. The OS drops the lock when its holder dies, so a killed flush never blocks.
    pub fn try_lock(&self) -> io::Result<Option<fs::File>> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir().join("flush.lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }

    fn meta_path(&self, seq: u32) -> PathBuf {
        self.meta_dir.join(format!("{seq}.json"))
    }

    /// Queues a built message durably. When this returns, a crash cannot lose it.
    pub fn enqueue(&self, built: &Built) -> io::Result<Item> {
        let meta = Meta {
            message_id: built.message_id.clone(),
            from: built.from.clone(),
            recipients: built.recipients.clone(),
            state: State::Queued,
            attempts: 0,
            last_error: None,
            next_attempt: None,
            queued_at: now_secs(),
        };
        let json = serde_json::to_vec_pretty(&meta).map_err(io::Error::other)?;
        let seq = self.claim_seq(&json)?;
        let entry =
            match self
                .maildir
                .deliver(&built.bytes, Subdir::Cur, Some(seq), &Flags::new("S"))
            {
                Ok(entry) => entry,
                Err(error) => {
                    let _ = fs::remove_file(self.meta_path(seq));
                    return Err(error);
                }
            };
        Ok(Item { seq, meta, entry })
    }

    /// Creates `meta/<n>.json` with a number no other writer holds (create_new is atomic,
    /// so two processes queueing at once can't take the same number).
    fn claim_seq(&self, json: &[u8]) -> io::Result<u32> {
        let mut seq = self.highest_seq()? + 1;
        loop {
            let path = self.meta_path(seq);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    file.write_all(json)?;
                    file.sync_all()?;
                    sync_dir(&self.meta_dir)?;
                    return Ok(seq);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => seq += 1,
                Err(e) => return Err(e),
            }
        }
    }

    fn highest_seq(&self) -> io::Result<u32> {
        let mut highest = 0;
        for dirent in fs::read_dir(&self.meta_dir)? {
            let name = dirent?.file_name();
            if let Some(seq) = name
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .and_then(|n| n.parse::<u32>().ok())
            {
                highest = highest.max(seq);
            }
        }
        Ok(highest)
    }

    /// Every message in the outbox, oldest first. Meta files left without a message by a
    /// crash inside [`Outbox::enqueue`] (older than a minute, so not a concurrent enqueue)
    /// are cleaned up: their enqueue never returned, so nobody was told they were queued.
    pub fn list(&self) -> io::Result<Vec<Item>> {
        let mut items = Vec::new();
        let mut with_message = std::collections::HashSet::new();
        for entry in self.maildir.list()? {
            let Some(seq) = entry.uid else { continue };
            let Some(meta) = self.read_meta(seq)? else {
                continue;
            };
            with_message.insert(seq);
            items.push(Item { seq, meta, entry });
        }
        for dirent in fs::read_dir(&self.meta_dir)? {
            let dirent = dirent?;
            let Some(seq) = dirent
                .file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let stale = dirent
                .metadata()
                .and_then(|m| m.modified())
                .map(|t| t.elapsed().unwrap_or_default() > Duration::from_secs(60))
                .unwrap_or(false);
            if !with_message.contains(&seq) && stale {
                let _ = fs::remove_file(dirent.path());
            }
        }
        items.sort_by_key(|item| item.seq);
        Ok(items)
    }

    fn read_meta(&self, seq: u32) -> io::Result<Option<Meta>> {
        match fs::read(self.meta_path(seq)) {
            Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn read(&self, item: &Item) -> io::Result<Vec<u8>> {
        self.maildir.read(&item.entry)
    }

    /// Records a new state durably (atomic replace + fsync).
    pub fn save(&self, item: &Item) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(&item.meta).map_err(io::Error::other)?;
        write_atomic(&self.meta_path(item.seq), &json)
    }

    pub fn set_state(&self, item: &mut Item, state: State) -> io::Result<()> {
        item.meta.state = state;
        self.save(item)
    }

    /// Removes a message for good: the message file first, then its meta.
    pub fn remove(&self, item: &Item) -> io::Result<()> {
        self.maildir.remove(&item.entry)?;
        match fs::remove_file(self.meta_path(item.seq)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        sync_dir(&self.meta_dir)
    }

    /// Puts failed messages (also permanently failed ones, after the user fixed them)
    /// back in the queue for the next flush.
    pub fn retry_all(&self) -> io::Result<usize> {
        let mut count = 0;
        for mut item in self.list()? {
            if matches!(item.meta.state, State::Failed { .. }) || item.meta.next_attempt.is_some() {
                item.meta.state = State::Queued;
                item.meta.next_attempt = None;
                self.save(&item)?;
                count += 1;
            }
        }
        Ok(count)
    }

    /// Whether a message should be tried now.
    pub fn is_due(item: &Item, now: u64) -> bool {
        match item.meta.state {
            State::Queued | State::Sending => item.meta.next_attempt.is_none_or(|t| t <= now),
            State::Failed { permanent } => {
                !permanent && item.meta.next_attempt.is_none_or(|t| t <= now)
            }
            State::Sent => false,
        }
    }
}

/// The local Sent or Drafts Maildir of an account (POP3 accounts keep these locally).
pub fn local_folder(paths: &Paths, account: &Account, folder: &str) -> io::Result<Maildir> {
    Maildir::open(paths.mail_root(&account.id()).join(folder))
}

/// What the UI hears while the outbox is worked on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Queued {
        account: AccountId,
        message_id: String,
    },
    Sending {
        account: AccountId,
        message_id: String,
    },
    Sent {
        account: AccountId,
        message_id: String,
    },
    Failed {
        account: AccountId,
        message_id: String,
        /// Localised, with a hint.
        error: String,
        permanent: bool,
    },
}

/// Where events go (a channel the UI subscribes to, or nowhere).
pub type Events = Option<tokio::sync::mpsc::UnboundedSender<Event>>;

fn emit(events: &Events, event: Event) {
    if let Some(tx) = events {
        let _ = tx.send(event);
    }
}

/// What a flush did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlushReport {
    pub sent: usize,
    /// Will be retried (network, 4xx, time-outs, a refused password).
    pub deferred: usize,
    /// Refused for good: (Message-ID, localised reason naming the recipient or cause).
    pub failed: Vec<(String, String)>,
    /// Sent copies stored (or skipped because the provider keeps them).
    pub sent_copies: usize,
    /// A problem with the whole session or account (e.g. wrong password, server down).
    pub account_error: Option<String>,
    /// The Sent copy could not be stored; the messages wait in the outbox as "sent".
    pub sent_copy_error: Option<String>,
    /// Messages left in the outbox after the flush.
    pub remaining: usize,
    /// Another flush of this outbox was running; this one did nothing.
    pub busy: bool,
}

/// Queues a message durably and announces it. Sending happens in [`flush`].
pub fn queue(paths: &Paths, account: &Account, built: &Built, events: &Events) -> io::Result<Item> {
    let item = Outbox::for_account(paths, &account.id())?.enqueue(built)?;
    emit(
        events,
        Event::Queued {
            account: account.id(),
            message_id: built.message_id.clone(),
        },
    );
    Ok(item)
}

/// Sends every due message over one SMTP session, then stores the Sent copies. Call on
/// start-up, on reconnect and after queueing. `force` ignores retry times (a user's
/// "send now").
pub async fn flush(
    paths: &Paths,
    account: &Account,
    password: &Password,
    timeouts: &Timeouts,
    force: bool,
    events: &Events,
) -> io::Result<FlushReport> {
    let outbox = Outbox::for_account(paths, &account.id())?;
    let id = account.id();
    let mut report = FlushReport::default();
    let Some(_lock) = outbox.try_lock()? else {
        report.busy = true;
        report.remaining = outbox.list()?.len();
        return Ok(report);
    };
    let now = now_secs();
    let due: Vec<Item> = outbox
        .list()?
        .into_iter()
        .filter(|item| {
            Outbox::is_due(item, now)
                || (force
                    && !matches!(
                        item.meta.state,
                        State::Sent | State::Failed { permanent: true }
                    ))
        })
        .collect();

    if !due.is_empty() {
        match Session::connect(account, password, timeouts).await {
            Err(error) => {
                let message = error.user_message();
                // A refused password is not retried every minute: that can lock the account.
                let hold = matches!(error, SendError::Auth { .. }).then_some(MAX_BACKOFF);
                for mut item in due {
                    defer(&outbox, &mut item, &message, hold, &id, events)?;
                    report.deferred += 1;
                }
                report.account_error = Some(message);
            }
            Ok(mut session) => {
                let mut queue = due.into_iter();
                while let Some(mut item) = queue.next() {
                    if !session.is_usable() {
                        report.deferred += 1 + queue.len();
                        break;
                    }
                    let bytes = outbox.read(&item)?;
                    let message_id = item.meta.message_id.clone();
                    let (from, rcpts) = (item.meta.from.clone(), item.meta.recipients.clone());
                    let mut marked = item.clone();
                    let result = session
                        .send(&from, &rcpts, &bytes, || {
                            emit(
                                events,
                                Event::Sending {
                                    account: id.clone(),
                                    message_id: message_id.clone(),
                                },
                            );
                            outbox.set_state(&mut marked, State::Sending)
                        })
                        .await;
                    item.meta.state = marked.meta.state;
                    match result {
                        Ok(()) => {
                            if account.server_saves_sent {
                                // Nothing left to do with it: removing it is the durable record.
                                outbox.remove(&item)?;
                                report.sent_copies += 1;
                            } else {
                                item.meta.attempts += 1;
                                item.meta.last_error = None;
                                item.meta.next_attempt = None;
                                outbox.set_state(&mut item, State::Sent)?;
                            }
                            report.sent += 1;
                            emit(
                                events,
                                Event::Sent {
                                    account: id.clone(),
                                    message_id,
                                },
                            );
                        }
                        Err(error) if !error.is_session_wide() => {
                            let message = error.user_message();
                            item.meta.attempts += 1;
                            item.meta.last_error = Some(message.clone());
                            item.meta.next_attempt = None;
                            outbox.set_state(&mut item, State::Failed { permanent: true })?;
                            emit(
                                events,
                                Event::Failed {
                                    account: id.clone(),
                                    message_id: message_id.clone(),
                                    error: message.clone(),
                                    permanent: true,
                                },
                            );
                            report.failed.push((message_id, message));
                        }
                        Err(error) => {
                            // The session broke (network, time-out, 4xx): this one and the
                            // rest wait for the next flush.
                            let message = error.user_message();
                            defer(&outbox, &mut item, &message, None, &id, events)?;
                            report.deferred += 1 + queue.len();
                            report.account_error = Some(message);
                            break;
                        }
                    }
                }
                session.quit().await;
            }
        }
    }

    store_sent_copies(paths, account, password, timeouts, &outbox, &mut report).await?;
    report.remaining = outbox.list()?.len();
    Ok(report)
}

/// Keeps a message queued with its error and a retry time.
fn defer(
    outbox: &Outbox,
    item: &mut Item,
    message: &str,
    hold: Option<Duration>,
    account: &AccountId,
    events: &Events,
) -> io::Result<()> {
    item.meta.attempts += 1;
    item.meta.last_error = Some(message.to_string());
    let wait = hold.unwrap_or_else(|| backoff(item.meta.attempts));
    item.meta.next_attempt = Some(now_secs() + wait.as_secs());
    // "sending" stays as it is: DATA may have reached the server; it is sent again.
    if item.meta.state != State::Sending {
        item.meta.state = State::Failed { permanent: false };
    }
    outbox.save(item)?;
    emit(
        events,
        Event::Failed {
            account: account.clone(),
            message_id: item.meta.message_id.clone(),
            error: message.to_string(),
            permanent: false,
        },
    );
    Ok(())
}

async fn store_sent_copies(
    paths: &Paths,
    account: &Account,
    password: &Password,
    timeouts: &Timeouts,
    outbox: &Outbox,
    report: &mut FlushReport,
) -> io::Result<()> {
    let sent: Vec<Item> = outbox
        .list()?
        .into_iter()
        .filter(|item| item.meta.state == State::Sent)
        .collect();
    if sent.is_empty() {
        return Ok(());
    }
    if account.server_saves_sent {
        for item in &sent {
            outbox.remove(item)?;
            report.sent_copies += 1;
        }
        return Ok(());
    }
    let mut messages = Vec::with_capacity(sent.len());
    for item in &sent {
        messages.push(outbox.read(item)?);
    }
    let mut copies = 0;
    let result = drafts::store_sent(paths, account, password, messages, timeouts, |i| {
        copies += 1;
        outbox.remove(&sent[i])
    })
    .await;
    report.sent_copies += copies;
    if let Err(error) = result {
        report.sent_copy_error = Some(error.user_message());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(id: &str) -> Built {
        Built {
            message_id: format!("<{id}@btinternet.com>"),
            from: "ann@btinternet.com".into(),
            recipients: vec!["bob@btopenworld.com".into(), "hidden@talk21.com".into()],
            bytes: format!("Message-ID: <{id}@btinternet.com>\r\nSubject: t\r\n\r\nbody\r\n")
                .into_bytes(),
        }
    }

    #[test]
    fn enqueue_list_state_remove() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(dir.path().join("outbox")).unwrap();
        let a = outbox.enqueue(&built("a")).unwrap();
        let b = outbox.enqueue(&built("b")).unwrap();
        assert_eq!((a.seq, b.seq), (1, 2));
        let mut items = outbox.list().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].meta.recipients.len(), 2);
        assert_eq!(outbox.read(&items[1]).unwrap(), built("b").bytes);

        outbox.set_state(&mut items[0], State::Sending).unwrap();
        // A new handle (a restart) sees the durable state.
        let reopened = Outbox::open(dir.path().join("outbox")).unwrap();
        assert_eq!(reopened.list().unwrap()[0].meta.state, State::Sending);
        assert!(Outbox::is_due(&reopened.list().unwrap()[0], now_secs()));

        reopened.remove(&items[0]).unwrap();
        let left = reopened.list().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].meta.message_id, "<b@btinternet.com>");
        // Numbers are never reused while a later one exists.
        assert_eq!(reopened.enqueue(&built("c")).unwrap().seq, 3);
    }

    #[test]
    fn one_flusher_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let a = Outbox::open(dir.path()).unwrap();
        let b = Outbox::open(dir.path()).unwrap();
        let held = a.try_lock().unwrap().expect("free at first");
        assert!(
            b.try_lock().unwrap().is_none(),
            "a second flusher is kept out"
        );
        drop(held);
        assert!(
            b.try_lock().unwrap().is_some(),
            "free again once the holder is gone"
        );
    }

    #[test]
    fn failed_messages_wait_for_their_retry_time() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(dir.path()).unwrap();
        let mut item = outbox.enqueue(&built("a")).unwrap();
        item.meta.attempts = 1;
        item.meta.next_attempt = Some(now_secs() + backoff(1).as_secs());
        outbox
            .set_state(&mut item, State::Failed { permanent: false })
            .unwrap();
        assert!(!Outbox::is_due(&item, now_secs()));
        assert!(Outbox::is_due(&item, now_secs() + 61));
        outbox
            .set_state(&mut item, State::Failed { permanent: true })
            .unwrap();
        assert!(!Outbox::is_due(&item, now_secs() + 100_000));
        assert_eq!(outbox.retry_all().unwrap(), 1);
        assert!(Outbox::is_due(&outbox.list().unwrap()[0], now_secs()));
        assert_eq!(backoff(1).as_secs(), 60);
        assert_eq!(backoff(3).as_secs(), 240);
        assert_eq!(backoff(30).as_secs(), 3600);
    }
}
