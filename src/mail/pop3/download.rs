//! The download loop: list, reconcile, fetch (streamed, durable), delete, QUIT.

use std::collections::{HashSet, VecDeque};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::ledger::Ledger;
use super::session::{Listed, Session};
use super::wire::{hex_to_uidl, uidl_to_hex};
use super::{Event, Pop3Error, Step, Summary};
use crate::mail::account::Account;
use crate::mail::paths::Paths;
use crate::mail::secret::Password;
use crate::mail::store::maildir::base_name;
use crate::mail::store::{Flags, Maildir, Subdir};
use crate::mail::tls::Timeouts;

pub const LEDGER_FILE: &str = "pop3-ledger";
pub const LOCK_FILE: &str = "pop3.lock";
/// Marks the UIDL in a stored message's file name: `,P=<hex uidl>`.
pub const TAG_PREFIX: &str = "P=";
/// RETRs sent ahead when the server allows pipelining.
const WINDOW: usize = 8;
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
    let _lock = lock(&state_dir.join(LOCK_FILE), &id.0)?;
    let mail_root = job.paths.mail_root(&id);
    let inbox_path = mail_root.join("INBOX");
    let inbox = Maildir::open(&inbox_path).map_err(disk(&inbox_path))?;

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
    reconcile(&mut ledger, &mail_root, &on_server, job.now_secs())
        .map_err(disk(&ledger_path))?;
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
        match message.uidl.as_deref().and_then(|u| ledger.downloaded_at(u)) {
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

    enum Pending {
        Retr(usize),
        Dele,
    }
    let window = if session.pipelining() { WINDOW } else { 1 };
    let mut pending: VecDeque<Pending> = VecDeque::new();
    let mut next = 0;
    let mut in_flight = 0;
    let mut bytes_done = 0u64;
    let mut commands = String::new();
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
            break;
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
        let body_start = bytes_done;
        let written = session
            .read_body(
                Step::Retr,
                &mut |piece| delivery.write_all(piece),
                &mut |n| bytes_done += n,
            )
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
        // Progress counts the listed sizes, so that it ends exactly at the total.
        bytes_done = body_start + message.size;
        let tag = message
            .uidl
            .as_deref()
            .map(|u| format!("{TAG_PREFIX}{}", uidl_to_hex(u)));
        delivery
            .commit_tagged(Subdir::New, None, tag.as_deref(), &Flags::default())
            .map_err(disk(&inbox_path))?;
        if let Some(u) = &message.uidl {
            ledger.record(u, now).map_err(disk(&ledger_path))?;
        }
        summary.downloaded += 1;
        summary.bytes += decoded;
        on_event(Event::Downloaded {
            done: summary.downloaded,
            total: to_fetch.len(),
            bytes_done,
            bytes_total,
        });
        if delete_new {
            commands.push_str(&format!("DELE {}\r\n", message.msgno));
            pending.push_back(Pending::Dele);
        } else {
            kept += 1;
        }
    }
    session.quit().await?;
    summary.deleted = marked;
    summary.kept = kept;
    on_event(Event::Committed { deleted: marked });
    Ok(summary)
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
                    if on_server.contains(uidl.as_str()) && ledger.downloaded_at(&uidl).is_none()
                    {
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

/// The account's folders: every direct child of the mail root that is a Maildir.
fn maildirs(mail_root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut folders = Vec::new();
    let entries = match fs::read_dir(mail_root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(folders),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        if path.join("cur").is_dir() || path.join("new").is_dir() {
            folders.push(path);
        }
    }
    Ok(folders)
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
