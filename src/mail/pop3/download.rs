//! The download loop: list, reconcile, fetch (streamed, durable), delete, QUIT.

use std::collections::{HashSet, VecDeque};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::ledger::Ledger;
use super::session::{Listed, Session};
use super::wire::{hex_to_uidl, uidl_to_hex};
use super::{Event, Pop3Error, Step, Summary};
use crate::mail::account::{Account, Protocol};
use crate::mail::paths::Paths;
use crate::mail::secret::Password;
use crate::mail::store::folder::{self, INBOX};
use crate::mail::store::index::folder_stamp;
use crate::mail::store::maildir::base_name;
use crate::mail::store::maildir::Delivery;
use crate::mail::store::{envelope, Flags, MailStore, Maildir, MaildirEntry, Subdir};
use crate::mail::tls::Timeouts;

pub const LEDGER_FILE: &str = "pop3-ledger";
pub const LOCK_FILE: &str = "pop3.lock";
/// Marks the UIDL in a stored message's file name: `,P=<hex uidl>`.
pub const TAG_PREFIX: &str = "P=";
/// RETRs sent ahead when the server allows pipelining.
const WINDOW: usize = 8;
/// A batch is made durable when it reaches any of these.
const BATCH_MESSAGES: usize = 64;
const BATCH_BYTES: u64 = 16 * 1024 * 1024;
const BATCH_TIME: Duration = Duration::from_secs(1);
const DAY: u64 = 24 * 60 * 60;

/// One POP3 run for one account.
pub struct Job<'a> {
    pub paths: &'a Paths,
    pub account: &'a Account,
    pub password: &'a Password,
    pub timeouts: Timeouts,
    /// "Now", for `delete_after_days` (tests move it forward).
    pub now: SystemTime,
}

impl<'a> Job<'a> {
    pub fn new(paths: &'a Paths, account: &'a Account, password: &'a Password) -> Job<'a> {
        Job {
            paths,
            account,
            password,
            timeouts: Timeouts::default(),
            now: SystemTime::now(),
        }
    }

    fn now_secs(&self) -> u64 {
        self.now
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }
}

fn disk(path: &Path) -> impl FnOnce(io::Error) -> Pop3Error + '_ {
    move |source| Pop3Error::Disk {
        path: path.to_path_buf(),
        source,
    }
}

/// Downloads new messages into the account's local INBOX Maildir and deletes them on the
/// server (or leaves them, per `account.pop3`). See the module docs for the crash analysis.
///
/// Writes to disk with blocking calls: run it on its own thread or a current-thread runtime.
pub async fn download(
    job: &Job<'_>,
    on_event: &mut (dyn FnMut(Event) + Send),
) -> Result<Summary, Pop3Error> {
    let id = job.account.id();
    let state_dir = job.paths.state_dir(&id);
    fs::create_dir_all(&state_dir).map_err(disk(&state_dir))?;
    let _lock = lock_soon(&state_dir.join(LOCK_FILE), &id.0).await?;
    let mut store = MailStore::open_for(job.paths, &id, Protocol::Pop3)?;
    let mail_root = store.mail_root().to_path_buf();
    let inbox = store.maildir(INBOX)?;
    let inbox_path = inbox.root().to_path_buf();
    clean_stale_tmp(&inbox_path.join("tmp"));

    let mut session = Session::connect(job.account, job.password, &job.timeouts).await?;
    let listed = session.listing().await?;
    let endpoint = session.endpoint().to_string();
    let options = &job.account.pop3;
    let uidl = session.has_uidl();
    if !uidl {
        if options.leave_on_server {
            // Quit politely; nothing was marked for deletion.
            let _ = session.quit().await;
            return Err(Pop3Error::NoUidlLeave { endpoint });
        }
        tracing::warn!(
            %endpoint,
            "the server has no UIDL: downloading and deleting every message; \
             a crash before QUIT's reply can bring a message in twice"
        );
    }

    let ledger_path = state_dir.join(LEDGER_FILE);
    let mut ledger = Ledger::open(&ledger_path).map_err(disk(&ledger_path))?;
    let on_server: HashSet<&str> = listed.iter().filter_map(|m| m.uidl.as_deref()).collect();
    reconcile(&mut ledger, &mail_root, &on_server, job.now_secs()).map_err(disk(&ledger_path))?;
    // Compaction: a UIDL the server no longer lists will never be seen again.
    ledger
        .retain(|u| on_server.contains(u))
        .map_err(disk(&ledger_path))?;

    let now = job.now_secs();
    let expired = |at: u64| match options.delete_after_days {
        Some(days) => now.saturating_sub(at) >= u64::from(days) * DAY,
        None => false,
    };
    let delete_new = !options.leave_on_server || options.delete_after_days == Some(0);
    let mut to_fetch: Vec<&Listed> = Vec::new();
    let mut to_delete: Vec<usize> = Vec::new();
    let mut kept = 0;
    for message in &listed {
        match message
            .uidl
            .as_deref()
            .and_then(|u| ledger.downloaded_at(u))
        {
            Some(at) if !options.leave_on_server || expired(at) => to_delete.push(message.msgno),
            Some(_) => kept += 1,
            None => to_fetch.push(message),
        }
    }
    let bytes_total: u64 = to_fetch.iter().map(|m| m.size).sum();
    on_event(Event::Listed {
        on_server: listed.len(),
        to_download: to_fetch.len(),
        bytes_total,
        uidl,
    });

    let mut summary = Summary {
        on_server: listed.len(),
        uidl,
        kept,
        ..Summary::default()
    };
    let mut marked = 0;
    // Messages already safe here: DELE them all at once (or one by one without PIPELINING).
    for chunk in to_delete.chunks(if session.pipelining() { 256 } else { 1 }) {
        let commands: String = chunk.iter().map(|n| format!("DELE {n}\r\n")).collect();
        session.send(commands.as_bytes(), Step::Dele).await?;
        for _ in chunk {
            expect_ok(&mut session, Step::Dele).await?;
            marked += 1;
        }
    }

    let window = if session.pipelining() { WINDOW } else { 1 };
    let mut pending: VecDeque<Pending> = VecDeque::new();
    let mut batch = Batch::default();
    let mut next = 0;
    let mut in_flight = 0;
    let mut commands = String::new();
    let mut progress = Progress {
        done: 0,
        total: to_fetch.len(),
        bytes_done: 0,
        bytes_total,
    };
    loop {
        while next < to_fetch.len()
            && in_flight < window
            && (session.pipelining() || pending.is_empty())
        {
            commands.push_str(&format!("RETR {}\r\n", to_fetch[next].msgno));
            pending.push_back(Pending::Retr(next));
            next += 1;
            in_flight += 1;
        }
        if !commands.is_empty() {
            session.send(commands.as_bytes(), Step::Retr).await?;
            commands.clear();
        }
        let Some(item) = pending.pop_front() else {
            if batch.is_empty() {
                break;
            }
            // The last messages: make them durable, then their DELEs go out.
            let committed = batch
                .commit(
                    &inbox,
                    &mut store,
                    &mut ledger,
                    now,
                    &mut progress,
                    on_event,
                )
                .await?;
            queue_deletes(
                &committed,
                delete_new,
                &mut summary,
                &mut commands,
                &mut pending,
            );
            continue;
        };
        let index = match item {
            Pending::Dele => {
                expect_ok(&mut session, Step::Dele).await?;
                marked += 1;
                continue;
            }
            Pending::Retr(index) => index,
        };
        in_flight -= 1;
        let message = to_fetch[index];
        if let Err(reply) = session.read_status(Step::Retr).await? {
            // Gone meanwhile (another client): nothing to save, nothing to delete.
            tracing::warn!(%endpoint, msgno = message.msgno, %reply, "RETR refused; skipping");
            continue;
        }
        let mut delivery = inbox.begin().map_err(disk(&inbox_path))?;
        let written = session
            .read_body(Step::Retr, &mut |piece| delivery.write_all(piece))
            .await;
        let decoded = match written {
            Ok(Ok((decoded, _wire))) => decoded,
            Ok(Err(source)) => {
                delivery.abort();
                return Err(Pop3Error::Disk {
                    path: inbox_path.clone(),
                    source,
                });
            }
            Err(error) => {
                delivery.abort();
                return Err(error);
            }
        };
        batch.add(delivery, message, decoded);
        let last_in_flight = in_flight == 0 && next == to_fetch.len();
        if batch.is_full() || last_in_flight {
            let committed = batch
                .commit(
                    &inbox,
                    &mut store,
                    &mut ledger,
                    now,
                    &mut progress,
                    on_event,
                )
                .await?;
            queue_deletes(
                &committed,
                delete_new,
                &mut summary,
                &mut commands,
                &mut pending,
            );
        }
    }
    session.quit().await?;
    summary.deleted = marked;
    on_event(Event::Committed { deleted: marked });
    Ok(summary)
}

/// Counts a committed batch into the summary and, in download-and-delete mode, queues a
/// DELE for each of its messages (they are durable on disk by now); in leave-on-server
/// mode they count as kept.
fn queue_deletes(
    committed: &[(usize, u64)],
    delete_new: bool,
    summary: &mut Summary,
    commands: &mut String,
    pending: &mut VecDeque<Pending>,
) {
    summary.downloaded += committed.len();
    for (msgno, size) in committed {
        summary.bytes += size;
        if delete_new {
            commands.push_str(&format!("DELE {msgno}\r\n"));
            pending.push_back(Pending::Dele);
        } else {
            summary.kept += 1;
        }
    }
}

enum Pending {
    Retr(usize),
    Dele,
}

struct Progress {
    done: usize,
    total: usize,
    bytes_done: u64,
    bytes_total: u64,
}

/// Messages written to `tmp/` whose fsync runs on the blocking pool while the next ones
/// stream in: ext4 folds concurrent fsyncs into one journal commit, so a batch costs
/// about one disk flush instead of three per message.
#[derive(Default)]
struct Batch {
    items: Vec<Written>,
    bytes: u64,
    started: Option<Instant>,
}

struct Written {
    synced: tokio::task::JoinHandle<io::Result<Delivery>>,
    msgno: usize,
    uidl: Option<String>,
    listed_size: u64,
    decoded: u64,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn is_full(&self) -> bool {
        self.items.len() >= BATCH_MESSAGES
            || self.bytes >= BATCH_BYTES
            || self.started.is_some_and(|t| t.elapsed() >= BATCH_TIME)
    }

    fn add(&mut self, mut delivery: Delivery, message: &Listed, decoded: u64) {
        self.started.get_or_insert_with(Instant::now);
        self.bytes += decoded;
        self.items.push(Written {
            synced: tokio::task::spawn_blocking(move || delivery.sync().map(|()| delivery)),
            msgno: message.msgno,
            uidl: message.uidl.clone(),
            listed_size: message.size,
            decoded,
        });
    }

    /// Data fsync (awaited) -> renames -> one folder fsync -> ledger lines + one
    /// fdatasync. Only then may the caller send DELE for the returned (msgno, bytes).
    async fn commit(
        &mut self,
        inbox: &Maildir,
        store: &mut MailStore,
        ledger: &mut Ledger,
        now: u64,
        progress: &mut Progress,
        on_event: &mut (dyn FnMut(Event) + Send),
    ) -> Result<Vec<(usize, u64)>, Pop3Error> {
        let inbox_path = inbox.root();
        let items = std::mem::take(&mut self.items);
        self.bytes = 0;
        self.started = None;
        let mut records = Vec::new();
        let mut entries = Vec::with_capacity(items.len());
        let mut committed = Vec::with_capacity(items.len());
        // The Inbox as it was before these renames: the index records the stamp after
        // them, so the next open of the store does not re-read the Inbox for our own mail.
        let before = folder_stamp(store.mail_root(), INBOX);
        for item in items {
            let delivery = item
                .synced
                .await
                .map_err(|e| io::Error::other(e.to_string()))
                .and_then(|r| r)
                .map_err(disk(inbox_path))?;
            let tag = item
                .uidl
                .as_deref()
                .map(|u| format!("{TAG_PREFIX}{}", uidl_to_hex(u)));
            let entry = delivery
                .publish(Subdir::New, None, tag.as_deref(), &Flags::default())
                .map_err(disk(inbox_path))?;
            if let Some(uidl) = item.uidl {
                records.push((uidl, now));
            }
            entries.push((entry, item.decoded));
            committed.push((item.msgno, item.decoded, item.listed_size));
        }
        inbox.sync_subdir(Subdir::New).map_err(disk(inbox_path))?;
        ledger.record_all(&records).map_err(disk(ledger.path()))?;
        // The files are durable: an index failure now costs nothing but a later
        // refresh (the store re-indexes what its index misses), so it doesn't stop us.
        if let Err(error) = index_batch(store, inbox, &entries, now, before) {
            tracing::warn!(%error, "could not index downloaded messages; they will be indexed later");
        }
        Ok(committed
            .into_iter()
            .map(|(msgno, decoded, listed_size)| {
                progress.done += 1;
                // Progress counts listed sizes, so it ends exactly at the total.
                progress.bytes_done += listed_size;
                on_event(Event::Downloaded {
                    done: progress.done,
                    total: progress.total,
                    bytes_done: progress.bytes_done,
                    bytes_total: progress.bytes_total,
                });
                (msgno, decoded)
            })
            .collect())
    }
}

/// At most this much of a message is parsed for the index: headers, preview and search
/// text come from the start, and a 25 MB attachment is never held in memory.
const INDEX_PREFIX: u64 = 1024 * 1024;

fn index_batch(
    store: &mut MailStore,
    inbox: &Maildir,
    entries: &[(MaildirEntry, u64)],
    now: u64,
    before: Option<String>,
) -> Result<(), crate::mail::store::StoreError> {
    let mut parsed = Vec::with_capacity(entries.len());
    for (entry, size) in entries {
        let path = inbox.path_of(entry);
        let mut head = Vec::new();
        File::open(&path)
            .and_then(|f| f.take(INDEX_PREFIX).read_to_end(&mut head))
            .map_err(|source| crate::mail::store::StoreError::Io {
                action: "read",
                path: path.clone(),
                source,
            })?;
        let mut envelope = envelope::parse(&head, now as i64);
        envelope.size = *size;
        parsed.push((entry, envelope));
    }
    let mail_root = store.mail_root().to_path_buf();
    let mut batch = store.index_mut().batch()?;
    for (entry, envelope) in &parsed {
        batch.upsert(INBOX, entry, envelope)?;
    }
    let after = folder_stamp(&mail_root, INBOX);
    batch.advance_stamp(INBOX, before.as_deref(), after.as_deref())?;
    batch.commit()?;
    Ok(())
}

async fn expect_ok(session: &mut Session, step: Step) -> Result<(), Pop3Error> {
    match session.read_status(step).await? {
        Ok(_) => Ok(()),
        Err(reply) => Err(Pop3Error::Refused {
            endpoint: session.endpoint().to_string(),
            step,
            reply,
        }),
    }
}

/// Adds to the ledger every message the store already holds (by the `,P=` tag in its
/// name) that the ledger misses: the trace of a run killed between rename and ledger write.
fn reconcile(
    ledger: &mut Ledger,
    mail_root: &Path,
    on_server: &HashSet<&str>,
    now: u64,
) -> io::Result<()> {
    let mut missing = Vec::new();
    for folder in maildirs(mail_root)? {
        for sub in ["new", "cur"] {
            let dir = match fs::read_dir(folder.join(sub)) {
                Ok(dir) => dir,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for entry in dir {
                let name = entry?.file_name();
                let name = name.to_string_lossy();
                for tag in base_name(&name).split(',').skip(1) {
                    let Some(uidl) = tag.strip_prefix(TAG_PREFIX).and_then(hex_to_uidl) else {
                        continue;
                    };
                    if on_server.contains(uidl.as_str()) && ledger.downloaded_at(&uidl).is_none() {
                        missing.push((uidl, now));
                    }
                }
            }
        }
    }
    if !missing.is_empty() {
        tracing::info!(
            count = missing.len(),
            "recovered downloads missing from the POP3 ledger"
        );
        ledger.record_all(&missing)?;
    }
    Ok(())
}

/// Every local folder's Maildir (messages may have been moved out of the Inbox).
fn maildirs(mail_root: &Path) -> io::Result<Vec<PathBuf>> {
    Ok(folder::discover(mail_root)?
        .iter()
        .map(|name| folder::maildir_path(mail_root, name))
        .collect())
}

/// Removes what killed runs left in `tmp/`. Only files untouched for 36 hours, as the
/// Maildir spec advises: another writer may be filling a younger one right now.
fn clean_stale_tmp(tmp: &Path) {
    const STALE: Duration = Duration::from_secs(36 * 3600);
    let Ok(entries) = fs::read_dir(tmp) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Waits briefly for the lock before saying "busy": a lock just released can still be held
/// for a moment by a child process that another thread is starting (it shares our open
/// files until it execs), and a run that is finishing should not fail the next one.
async fn lock_soon(path: &Path, account: &str) -> Result<File, Pop3Error> {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        match lock(path, account) {
            Err(Pop3Error::Busy { .. }) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(25)).await;
            }
            other => return other,
        }
    }
}

/// Holds an exclusive lock on the account's POP3 state for the run; the OS drops it if
/// the process dies, so a crash never leaves a stale lock.
fn lock(path: &Path, account: &str) -> Result<File, Pop3Error> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(disk(path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(Pop3Error::Busy {
            account: account.to_string(),
        }),
        Err(fs::TryLockError::Error(source)) => Err(Pop3Error::Disk {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI runs downloads on a multi-threaded runtime: the future must be Send.
    #[test]
    fn download_future_is_send() {
        fn is_send<T: Send>(_: &T) {}
        let paths = Paths::under(Path::new("/nonexistent"));
        let account = Account::default();
        let password = Password::new("x");
        let job = Job::new(&paths, &account, &password);
        let mut on_event = |_: Event| {};
        let future = download(&job, &mut on_event);
        is_send(&future);
    }
}
