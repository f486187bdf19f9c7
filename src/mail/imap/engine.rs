//! The long-running sync session an app drives: connects, syncs everything, then
//! waits in IDLE on the Inbox (re-issued well before the 29-minute limit), polls the
//! other folders every few minutes, obeys commands and reports events. Network trouble
//! is reported and retried with a growing pause; nothing here touches a UI toolkit.

use std::time::Duration;

use async_imap::imap_proto::{MailboxDatum, Response};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::conn::Conn;
use super::sync::{self, Progress, SyncOptions, SyncSummary};
use super::ImapError;
use crate::mail::account::{Account, AccountId};
use crate::mail::paths::Paths;
use crate::mail::secret::Password;
use crate::mail::tls::Timeouts;

/// What the app asks of a running engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Sync every folder now (e.g. after a local change, or the user pressed "check").
    SyncNow,
    /// Log out and end.
    Stop,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncEvent {
    pub account: AccountId,
    pub kind: SyncEventKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncEventKind {
    Connecting,
    Connected,
    Progress(Progress),
    Synced(SyncSummary),
    /// New messages arrived in a folder (already in the cache).
    NewMail {
        folder: String,
        count: usize,
    },
    /// Waiting for news from the server.
    Idle,
    /// Something failed; `message` is localised for the user. Transient errors are retried.
    Error {
        message: String,
        transient: bool,
    },
    Stopped,
}

#[derive(Clone, Debug)]
pub struct EngineSettings {
    pub timeouts: Timeouts,
    /// IDLE is ended and re-issued after this long (servers may drop it after 29 min).
    pub idle_renew: Duration,
    /// Every folder is synced this often.
    pub poll_interval: Duration,
    /// First pause after a failure; doubled up to `max_retry`.
    pub retry: Duration,
    pub max_retry: Duration,
    pub options: SyncOptions,
}

impl EngineSettings {
    pub fn for_account(account: &Account) -> EngineSettings {
        EngineSettings {
            timeouts: Timeouts::default(),
            idle_renew: Duration::from_secs(25 * 60),
            poll_interval: Duration::from_secs(
                60 * u64::from(account.check_interval_minutes.max(1)),
            ),
            retry: Duration::from_secs(5),
            max_retry: Duration::from_secs(300),
            options: SyncOptions::default(),
        }
    }
}

/// A handle on a running engine task.
#[derive(Clone, Debug)]
pub struct SyncEngine {
    commands: mpsc::Sender<Command>,
}

impl SyncEngine {
    /// Starts the engine on the current tokio runtime.
    pub fn spawn(
        account: Account,
        password: Password,
        paths: Paths,
        settings: EngineSettings,
    ) -> (SyncEngine, mpsc::Receiver<SyncEvent>) {
        let (command_tx, command_rx) = mpsc::channel(16);
        let (event_tx, event_rx) = mpsc::channel(256);
        tokio::spawn(run(
            account, password, paths, settings, command_rx, event_tx,
        ));
        (
            SyncEngine {
                commands: command_tx,
            },
            event_rx,
        )
    }

    pub async fn sync_now(&self) {
        let _ = self.commands.send(Command::SyncNow).await;
    }

    pub async fn stop(&self) {
        let _ = self.commands.send(Command::Stop).await;
    }
}

struct Ctx {
    account: Account,
    password: Password,
    paths: Paths,
    settings: EngineSettings,
    events: mpsc::Sender<SyncEvent>,
}

impl Ctx {
    async fn emit(&self, kind: SyncEventKind) {
        let _ = self
            .events
            .send(SyncEvent {
                account: self.account.id(),
                kind,
            })
            .await;
    }

    async fn sync(&self, conn: &mut Conn, folder: Option<&str>) -> Result<SyncSummary, ImapError> {
        let options = SyncOptions {
            folder: folder.map(str::to_string),
            ..self.settings.options.clone()
        };
        let events = self.events.clone();
        let id = self.account.id();
        // Progress is best effort: never let a slow UI hold up the sync.
        let report = move |p: Progress| {
            let _ = events.try_send(SyncEvent {
                account: id.clone(),
                kind: SyncEventKind::Progress(p),
            });
        };
        let summary =
            sync::sync_account(conn, &self.paths, &self.account, &options, &report).await?;
        for folder in &summary.folders {
            if folder.added > 0 {
                self.emit(SyncEventKind::NewMail {
                    folder: folder.folder.clone(),
                    count: folder.added,
                })
                .await;
            }
        }
        self.emit(SyncEventKind::Synced(summary.clone())).await;
        Ok(summary)
    }
}

/// Why a wait ended.
enum Wake {
    InboxChanged,
    Poll,
    Renew,
    SyncNow,
    Stop,
}

/// The engine loop; `spawn` runs it as a task, or an app may run it inside its own stream.
pub async fn run(
    account: Account,
    password: Password,
    paths: Paths,
    settings: EngineSettings,
    mut commands: mpsc::Receiver<Command>,
    events: mpsc::Sender<SyncEvent>,
) {
    let ctx = Ctx {
        account,
        password,
        paths,
        settings,
        events,
    };
    let mut pause = ctx.settings.retry;
    loop {
        ctx.emit(SyncEventKind::Connecting).await;
        let result = session(&ctx, &mut commands, &mut pause).await;
        match result {
            Ok(()) => break,
            Err(error) => {
                let transient = error.is_transient();
                ctx.emit(SyncEventKind::Error {
                    message: error.user_message(),
                    transient,
                })
                .await;
                tracing::warn!(%error, "sync session ended");
                let wait = tokio::time::sleep(pause);
                pause = (pause * 2).min(ctx.settings.max_retry);
                tokio::select! {
                    _ = wait => {}
                    command = commands.recv() => match command {
                        Some(Command::SyncNow) => {}
                        Some(Command::Stop) | None => break,
                    }
                }
            }
        }
    }
    ctx.emit(SyncEventKind::Stopped).await;
}

/// One connection's life. Ok(()) means stop was asked for.
async fn session(
    ctx: &Ctx,
    commands: &mut mpsc::Receiver<Command>,
    pause: &mut Duration,
) -> Result<(), ImapError> {
    let mut conn = Conn::connect(&ctx.account, &ctx.password, &ctx.settings.timeouts).await?;
    ctx.emit(SyncEventKind::Connected).await;
    ctx.sync(&mut conn, None).await?;
    *pause = ctx.settings.retry;
    let mut next_poll = Instant::now() + ctx.settings.poll_interval;
    loop {
        ctx.emit(SyncEventKind::Idle).await;
        let wake = if conn.has("IDLE") {
            idle(&mut conn, ctx, commands, next_poll).await?
        } else {
            tokio::select! {
                _ = tokio::time::sleep_until(next_poll) => Wake::Poll,
                command = commands.recv() => match command {
                    Some(Command::SyncNow) => Wake::SyncNow,
                    Some(Command::Stop) | None => Wake::Stop,
                },
            }
        };
        match wake {
            Wake::Stop => {
                conn.logout().await;
                return Ok(());
            }
            Wake::InboxChanged => {
                ctx.sync(&mut conn, Some("INBOX")).await?;
            }
            Wake::Renew => {}
            Wake::Poll | Wake::SyncNow => {
                ctx.sync(&mut conn, None).await?;
                next_poll = Instant::now() + ctx.settings.poll_interval;
            }
        }
    }
}

/// Waits in IDLE on the Inbox until something happens there, a command comes, a poll
/// is due or it is time to renew the IDLE.
async fn idle(
    conn: &mut Conn,
    ctx: &Ctx,
    commands: &mut mpsc::Receiver<Command>,
    next_poll: Instant,
) -> Result<Wake, ImapError> {
    conn.run("SELECT INBOX", "select INBOX", |_| {}).await?;
    let step = "idle";
    let tag = conn.send("IDLE", step).await?;
    // Wait for the continuation; anything else first is ordinary untagged news.
    loop {
        let answer = conn
            .next(step, |response| match response {
                Response::Continue { .. } => Some(true),
                Response::Done { .. } => Some(false),
                _ => None,
            })
            .await?;
        match answer {
            Some(true) => break,
            Some(false) => {
                return Err(ImapError::Refused {
                    endpoint: conn.endpoint().to_string(),
                    step: step.into(),
                    message: "IDLE refused".into(),
                })
            }
            None => {}
        }
    }
    let renew_at = Instant::now() + ctx.settings.idle_renew;
    let until = renew_at.min(next_poll);
    conn.set_read_limit(Some(ctx.settings.idle_renew + Duration::from_secs(60)));
    let wake = loop {
        tokio::select! {
            changed = conn.next(step, |response| {
                matches!(
                    response,
                    Response::MailboxData(MailboxDatum::Exists(_))
                        | Response::MailboxData(MailboxDatum::Recent(_))
                        | Response::Expunge(_)
                        | Response::Vanished { .. }
                        | Response::Fetch(..)
                )
            }) => {
                if changed? {
                    break Wake::InboxChanged;
                }
            }
            _ = tokio::time::sleep_until(until) => {
                break if until == next_poll { Wake::Poll } else { Wake::Renew };
            }
            command = commands.recv() => {
                break match command {
                    Some(Command::SyncNow) => Wake::SyncNow,
                    Some(Command::Stop) | None => Wake::Stop,
                };
            }
        }
    };
    conn.set_read_limit(None);
    conn.send_raw("DONE", step).await?;
    conn.finish(&tag, step, |_| {}).await?;
    // The sync skips folders whose STATUS is unchanged, and STATUS of the selected mailbox
    // may describe this session's old view of it (RFC 3501 6.3.10): leave the Inbox so
    // mail that arrived during IDLE is seen, however the wait ended.
    if conn.has("UNSELECT") {
        conn.run("UNSELECT", "unselect INBOX", |_| {}).await?;
    } else {
        // A SELECT that fails leaves no mailbox selected (RFC 3501 6.3.1).
        let _ = conn.run("EXAMINE \"\"", "unselect INBOX", |_| {}).await;
    }
    Ok(wake)
}
