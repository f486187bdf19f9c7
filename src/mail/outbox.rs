//! The durable outbox: a message is on disk (fsynced) before any byte goes to a server, and
//! leaves the outbox only after the server's final "250" and after its Sent copy is stored.
//!
//! Layout under the account's state folder: `outbox/` is a Maildir holding the messages
//! (file names carry `,U=<n>`), and `outbox/meta/<n>.json` holds each one's envelope and
//! state, replaced atomically. The meta file is created *first*, so every message file has
//! its envelope (Bcc recipients are only there, never in the headers).
//!
//! States: queued -> sending (recorded after the recipients were accepted, before DATA)
//! -> sent (after the final reply) -> done and removed once the Sent copy is stored. A
//! message found in "sending" at start-up was interrupted with DATA in flight: the server
//! may or may not have taken it, and it is sent again. That one message may arrive twice;
//! every other message is sent exactly once.
//!
//! While a batch is sent, state changes go to an append-only `outbox/journal` (one fsync per
//! message, carrying the previous message's "sent" with the next one's "sending") instead of
//! rewriting meta files (two fsyncs each); the flush folds the journal into the meta files
//! at its end. A journal record names the message file (never reused) and the meta
//! generation it applies to, so a later meta write always wins over an older record.

use std::collections::{HashMap, HashSet};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::account::{Account, AccountId};
use super::compose::Built;
use super::paths::Paths;
use super::store::fsutil::{sync_dir, write_atomic};
use super::store::{Flags, Maildir, MaildirEntry, Subdir};

mod flush;
pub use flush::{flush, queue, Event, Events, FlushReport};

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
    /// How many times this meta file was written; journal records name the one they follow.
    #[serde(default)]
    pub generation: u64,
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
            generation: 0,
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

    /// Every message in the outbox, oldest first, with the journal applied. Meta files
    /// left without a message by a crash inside [`Outbox::enqueue`] (older than a minute, so
    /// not a concurrent enqueue) are cleaned up: their enqueue never returned, so nobody was
    /// told they were queued. Messages the journal marks done are removed.
    pub fn list(&self) -> io::Result<Vec<Item>> {
        Ok(self.list_journaled()?.0)
    }

    /// As [`Outbox::list`], also naming the messages whose state came from the journal.
    fn list_journaled(&self) -> io::Result<(Vec<Item>, HashSet<u32>)> {
        let journal = self.read_journal()?;
        let mut items = Vec::new();
        let mut done = Vec::new();
        let mut journaled = HashSet::new();
        let mut with_message = HashSet::new();
        for entry in self.maildir.list()? {
            let Some(seq) = entry.uid else { continue };
            let Some(mut meta) = self.read_meta(seq)? else {
                continue;
            };
            with_message.insert(seq);
            match journal.get(entry.key()) {
                Some((generation, word)) if *generation == meta.generation => {
                    match word.as_str() {
                        "sending" => meta.state = State::Sending,
                        "sent" => meta.state = State::Sent,
                        _ => {
                            done.push(Item { seq, meta, entry });
                            continue;
                        }
                    }
                    journaled.insert(seq);
                }
                _ => {}
            }
            items.push(Item { seq, meta, entry });
        }
        self.remove_all(&done)?;
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
        Ok((items, journaled))
    }

    fn journal_path(&self) -> PathBuf {
        self.dir().join("journal")
    }

    /// Appends state records (`"sending"`, `"sent"`, `"done"`) and makes them durable with
    /// one fsync. Only the holder of [`Outbox::try_lock`] writes the journal.
    pub fn journal(&self, records: &[(&Item, &str)]) -> io::Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        for (item, word) in records {
            text.push_str(&format!(
                "{} {} {word}\n",
                item.entry.key(),
                item.meta.generation
            ));
        }
        let path = self.journal_path();
        let created = !path.exists();
        let mut file = OpenOptions::new().create(true).append(true).open(&path)?;
        file.write_all(text.as_bytes())?;
        file.sync_data()?;
        if created {
            sync_dir(self.dir())?;
        }
        Ok(())
    }

    /// The last record per message file. A torn last line (a crash mid-append) is ignored.
    fn read_journal(&self) -> io::Result<HashMap<String, (u64, String)>> {
        let text = match fs::read_to_string(self.journal_path()) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HashMap::new()),
            Err(e) => return Err(e),
        };
        let mut records = HashMap::new();
        for line in text.lines() {
            let mut parts = line.split(' ');
            let (Some(key), Some(generation), Some(word), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Ok(generation) = generation.parse::<u64>() else {
                continue;
            };
            if matches!(word, "sending" | "sent" | "done") {
                records.insert(key.to_string(), (generation, word.to_string()));
            }
        }
        Ok(records)
    }

    /// Folds the journal into the meta files and empties it (the flush's last step).
    pub fn compact(&self) -> io::Result<()> {
        if !self.journal_path().exists() {
            return Ok(());
        }
        let (items, journaled) = self.list_journaled()?;
        for mut item in items {
            if journaled.contains(&item.seq) {
                self.save(&mut item)?;
            }
        }
        let file = OpenOptions::new().write(true).open(self.journal_path())?;
        file.set_len(0)?;
        file.sync_all()
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

    /// Records a new state durably (atomic replace + fsync). Supersedes journal records.
    pub fn save(&self, item: &mut Item) -> io::Result<()> {
        item.meta.generation += 1;
        let json = serde_json::to_vec_pretty(&item.meta).map_err(io::Error::other)?;
        write_atomic(&self.meta_path(item.seq), &json)
    }

    pub fn set_state(&self, item: &mut Item, state: State) -> io::Result<()> {
        item.meta.state = state;
        self.save(item)
    }

    /// Removes a message for good: the message file first, then its meta.
    pub fn remove(&self, item: &Item) -> io::Result<()> {
        self.remove_all(std::slice::from_ref(item))
    }

    /// Removes messages with one folder fsync per folder, not one per message.
    pub fn remove_all(&self, items: &[Item]) -> io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let gone = |result: io::Result<()>| match result {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
        for item in items {
            gone(fs::remove_file(self.maildir.path_of(&item.entry)))?;
        }
        sync_dir(&self.dir().join("cur"))?;
        if items.iter().any(|i| i.entry.subdir == Subdir::New) {
            sync_dir(&self.dir().join("new"))?;
        }
        for item in items {
            gone(fs::remove_file(self.meta_path(item.seq)))?;
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
                self.save(&mut item)?;
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
    fn journal_records_apply_until_the_meta_is_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(dir.path()).unwrap();
        let a = outbox.enqueue(&built("a")).unwrap();
        let b = outbox.enqueue(&built("b")).unwrap();
        let c = outbox.enqueue(&built("c")).unwrap();
        outbox.journal(&[(&a, "sending")]).unwrap();
        outbox.journal(&[(&a, "sent"), (&b, "sending")]).unwrap();
        outbox.journal(&[(&c, "done")]).unwrap();
        // A crash mid-append leaves a torn line: ignored.
        let mut file = OpenOptions::new()
            .append(true)
            .open(dir.path().join("journal"))
            .unwrap();
        file.write_all(b"1234.M5P6Q7.pillarbox,U=9 0 sen").unwrap();
        drop(file);

        let items = Outbox::open(dir.path()).unwrap().list().unwrap();
        let states: Vec<_> = items.iter().map(|i| i.meta.state.clone()).collect();
        assert_eq!(
            states,
            vec![State::Sent, State::Sending],
            "c is done and removed"
        );
        assert!(!outbox.meta_path(c.seq).exists());

        // A meta write after the record wins over it.
        let mut b2 = items[1].clone();
        b2.meta.state = State::Sending;
        outbox
            .set_state(&mut b2, State::Failed { permanent: true })
            .unwrap();
        assert_eq!(
            outbox.list().unwrap()[1].meta.state,
            State::Failed { permanent: true }
        );

        outbox.compact().unwrap();
        assert_eq!(fs::metadata(dir.path().join("journal")).unwrap().len(), 0);
        let states: Vec<_> = outbox
            .list()
            .unwrap()
            .into_iter()
            .map(|i| i.meta.state)
            .collect();
        assert_eq!(states, vec![State::Sent, State::Failed { permanent: true }]);
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
