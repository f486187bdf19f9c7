//! The worker behind the main window, wired to the real engines: the IMAP sync engine
//! (its own task, so a slow outbox flush never stalls its reads), a periodic POP3
//! download, and the SMTP outbox. Everything it learns becomes a [`Report`].
//!
//! It is a plain async function so tests can drive it without iced.

use std::time::Duration;

use futures::channel::mpsc;
use futures::{SinkExt, StreamExt};

use super::engine::{Command, Key, Report};
use super::status::Connection;
use crate::mail::account::{Account, Protocol};
use crate::mail::imap::engine::{self as imap_engine, EngineSettings};
use crate::mail::imap::{Progress, SyncEventKind};
use crate::mail::outbox;
use crate::mail::paths::Paths;
use crate::mail::pop3;
use crate::mail::secret::{self, Password};
use crate::mail::tls::Timeouts;

/// Where reports go, stamped with the worker's account and generation.
struct Out {
    key: Key,
    tx: mpsc::Sender<Report>,
}

impl Out {
    async fn send(&mut self, report: Report) {
        // The window may be gone; the worker is then dropped with its subscription.
        let _ = self.tx.send(report).await;
    }

    async fn status(&mut self, connection: Connection) {
        let report = Report::Status {
            account: self.key.account.clone(),
            generation: self.key.generation,
            connection,
        };
        self.send(report).await;
    }

    async fn error(&mut self, message: String, hint: String) {
        self.status(Connection::Error { message, hint }).await;
    }

    async fn changed(&mut self) {
        let report = Report::StoreChanged {
            account: self.key.account.clone(),
            generation: self.key.generation,
        };
        self.send(report).await;
    }

    async fn note(&mut self, text: String) {
        let report = Report::Note {
            account: self.key.account.clone(),
            generation: self.key.generation,
            text,
        };
        self.send(report).await;
    }
}

/// Stops the engine task when the worker goes (new settings, window closed).
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs one account's connection until the command channel closes. Without `paths`
/// (the offline demo) there is nothing to connect to.
pub async fn run(key: Key, mut commands: mpsc::Receiver<Command>, tx: mpsc::Sender<Report>) {
    let mut out = Out { key, tx };
    let Some(paths) = out.key.paths.clone() else {
        while commands.next().await.is_some() {
            out.error(
                crate::fl!("status-no-engine"),
                crate::fl!("status-no-engine-hint"),
            )
            .await;
        }
        return;
    };
    let account = (*out.key.config).clone();
    let Some(password) = password(&account, &mut commands, &mut out).await else {
        return;
    };
    match account.protocol {
        Protocol::Imap => imap(&account, &password, &paths, &mut commands, &mut out).await,
        Protocol::Pop3 => pop(&account, &password, &paths, &mut commands, &mut out).await,
    }
}

/// The password, from the keyring or the password command (both may block: off the
/// async threads). On failure, waits for a retry; `None` when the window went away.
async fn password(
    account: &Account,
    commands: &mut mpsc::Receiver<Command>,
    out: &mut Out,
) -> Option<Password> {
    loop {
        let lookup = account.clone();
        match tokio::task::spawn_blocking(move || secret::password_for(&lookup)).await {
            Ok(Ok(password)) => return Some(password),
            Ok(Err(error)) => out.error(error.user_message(), error.hint()).await,
            Err(error) => {
                out.error(
                    crate::fl!("wire-error-internal", detail = error.to_string()),
                    crate::fl!("wire-hint-retry"),
                )
                .await
            }
        }
        commands.next().await?;
    }
}

/// Sends what is due in the outbox; the outcome goes to the status line.
async fn flush(account: &Account, password: &Password, paths: &Paths, force: bool, out: &mut Out) {
    // The flush future is not `Send` and writes with blocking calls: its own thread.
    let (account, password, paths) = (account.clone(), password.clone(), paths.clone());
    let report = tokio::task::spawn_blocking(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        runtime.block_on(outbox::flush(
            &paths,
            &account,
            &password,
            &Timeouts::default(),
            force,
            &None,
        ))
    })
    .await
    .unwrap_or_else(|error| Err(std::io::Error::other(error.to_string())));
    match report {
        Ok(report) => {
            if report.sent > 0 {
                out.note(crate::fl!("wire-sent", count = report.sent)).await;
                out.changed().await;
            }
            if let Some(error) = report.account_error {
                out.note(crate::fl!("wire-send-failed", detail = error))
                    .await;
            }
            for (_, reason) in report.failed {
                out.note(crate::fl!("wire-send-failed", detail = reason))
                    .await;
            }
        }
        Err(error) => {
            out.note(crate::fl!("wire-send-failed", detail = error.to_string()))
                .await
        }
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

async fn imap(
    account: &Account,
    password: &Password,
    paths: &Paths,
    commands: &mut mpsc::Receiver<Command>,
    out: &mut Out,
) {
    let (engine_tx, engine_rx) = tokio::sync::mpsc::channel(16);
    let (event_tx, mut events) = tokio::sync::mpsc::channel(256);
    let _engine = AbortOnDrop(tokio::spawn(imap_engine::run(
        account.clone(),
        password.clone(),
        paths.clone(),
        EngineSettings::for_account(account),
        engine_rx,
        event_tx,
    )));
    flush(account, password, paths, false, out).await;
    let mut connected_once = false;
    loop {
        tokio::select! {
            event = events.recv() => {
                let Some(event) = event else { break };
                match event.kind {
                    SyncEventKind::Connecting => {
                        out.status(Connection::Syncing { done: 0, total: 0 }).await
                    }
                    SyncEventKind::Connected => {
                        // Back online: whatever waited in the outbox goes now.
                        if connected_once {
                            flush(account, password, paths, false, out).await;
                        }
                        connected_once = true;
                    }
                    SyncEventKind::Progress(Progress::Fetching { done, total, .. }) => {
                        out.status(Connection::Syncing { done: count(done), total: count(total) })
                            .await
                    }
                    SyncEventKind::Progress(Progress::FolderDone(_))
                    | SyncEventKind::NewMail { .. } => out.changed().await,
                    SyncEventKind::Synced(_) => {
                        out.changed().await;
                        out.status(Connection::Online).await;
                    }
                    SyncEventKind::Idle => out.status(Connection::Online).await,
                    SyncEventKind::Error { message, transient } => {
                        let hint = if transient {
                            crate::fl!("wire-hint-retry")
                        } else {
                            crate::fl!("wire-hint-settings")
                        };
                        out.error(message, hint).await;
                    }
                    SyncEventKind::Stopped => break,
                }
            }
            command = commands.next() => match command {
                None => {
                    let _ = engine_tx.send(imap_engine::Command::Stop).await;
                    break;
                }
                Some(Command::SyncNow) => {
                    // A full queue means a sync is already on its way.
                    let _ = engine_tx.try_send(imap_engine::Command::SyncNow);
                    flush(account, password, paths, true, out).await;
                }
                Some(Command::Changed(_)) => {
                    let _ = engine_tx.try_send(imap_engine::Command::SyncNow);
                }
                Some(Command::Send) => flush(account, password, paths, false, out).await,
            }
        }
    }
}

async fn pop(
    account: &Account,
    password: &Password,
    paths: &Paths,
    commands: &mut mpsc::Receiver<Command>,
    out: &mut Out,
) {
    let interval = Duration::from_secs(60 * u64::from(account.check_interval_minutes.max(1)));
    flush(account, password, paths, false, out).await;
    loop {
        download(account, password, paths, out).await;
        let next = tokio::time::Instant::now() + interval;
        loop {
            tokio::select! {
                _ = tokio::time::sleep_until(next) => break,
                command = commands.next() => match command {
                    None => return,
                    Some(Command::SyncNow) => {
                        flush(account, password, paths, true, out).await;
                        break;
                    }
                    Some(Command::Send) => flush(account, password, paths, false, out).await,
                    // POP3 has no server-side flags or folders to tell.
                    Some(Command::Changed(_)) => {}
                }
            }
        }
    }
}

/// One POP3 run. The download writes with blocking calls, so it gets its own thread
/// and a small runtime; its progress comes back over a channel.
async fn download(account: &Account, password: &Password, paths: &Paths, out: &mut Out) {
    out.status(Connection::Syncing { done: 0, total: 0 }).await;
    let (tx, mut progress) = tokio::sync::mpsc::unbounded_channel();
    let (account2, password2, paths2) = (account.clone(), password.clone(), paths.clone());
    let handle = tokio::task::spawn_blocking(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let job = pop3::Job::new(&paths2, &account2, &password2);
        let mut on_event = move |event: pop3::Event| {
            let _ = tx.send(event);
        };
        Ok::<_, std::io::Error>(runtime.block_on(pop3::download(&job, &mut on_event)))
    });
    while let Some(event) = progress.recv().await {
        match event {
            pop3::Event::Listed { to_download, .. } => {
                out.status(Connection::Syncing {
                    done: 0,
                    total: count(to_download),
                })
                .await
            }
            pop3::Event::Downloaded { done, total, .. } => {
                out.status(Connection::Syncing {
                    done: count(done),
                    total: count(total),
                })
                .await
            }
            pop3::Event::Committed { .. } => {}
        }
    }
    match handle.await {
        Ok(Ok(Ok(summary))) => {
            if summary.downloaded > 0 || summary.deleted > 0 {
                out.changed().await;
            }
            out.status(Connection::Online).await;
        }
        Ok(Ok(Err(error))) => out.error(error.localized(), error.hint()).await,
        Ok(Err(error)) => {
            out.error(
                crate::fl!("wire-error-internal", detail = error.to_string()),
                crate::fl!("wire-hint-retry"),
            )
            .await
        }
        Err(error) => {
            out.error(
                crate::fl!("wire-error-internal", detail = error.to_string()),
                crate::fl!("wire-hint-retry"),
            )
            .await
        }
    }
}
