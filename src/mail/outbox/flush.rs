//! Working the outbox: one SMTP session for the batch, then the Sent copies.

use std::io;
use std::time::Duration;

use super::{backoff, now_secs, Item, Outbox, State, MAX_BACKOFF};
use crate::mail::account::{Account, AccountId};
use crate::mail::compose::Built;
use crate::mail::drafts;
use crate::mail::paths::Paths;
use crate::mail::secret::Password;
use crate::mail::smtp::{SendError, Session};
use crate::mail::tls::Timeouts;

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
                // The previous message's outcome rides on the next journal write, so a
                // message costs one fsync. A crash before that write finds it "sending"
                // and sends it again: it is the one whose DATA was (just) in flight.
                let mut pending: Option<(Item, &'static str)> = None;
                let mut finished: Vec<Item> = Vec::new();
                let mut queue = due.into_iter();
                while let Some(mut item) = queue.next() {
                    if !session.is_usable() {
                        report.deferred += 1 + queue.len();
                        break;
                    }
                    let bytes = outbox.read(&item)?;
                    let message_id = item.meta.message_id.clone();
                    let (from, rcpts) = (item.meta.from.clone(), item.meta.recipients.clone());
                    let journaled = std::cell::Cell::new(false);
                    let result = session
                        .send(&from, &rcpts, &bytes, || {
                            emit(
                                events,
                                Event::Sending {
                                    account: id.clone(),
                                    message_id: message_id.clone(),
                                },
                            );
                            let mut records: Vec<(&Item, &str)> = Vec::with_capacity(2);
                            if let Some((previous, word)) = &pending {
                                records.push((previous, word));
                            }
                            records.push((&item, "sending"));
                            outbox.journal(&records)?;
                            journaled.set(true);
                            Ok(())
                        })
                        .await;
                    if journaled.get() {
                        pending = None;
                        item.meta.state = State::Sending;
                    }
                    match result {
                        Ok(()) => {
                            if account.server_saves_sent {
                                // Nothing left to do with it once "done" is recorded.
                                finished.push(item.clone());
                                pending = Some((item, "done"));
                            } else {
                                pending = Some((item, "sent"));
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
                if let Some((previous, word)) = &pending {
                    outbox.journal(&[(previous, word)])?;
                }
                outbox.remove_all(&finished)?;
                report.sent_copies += finished.len();
                session.quit().await;
            }
        }
    }

    store_sent_copies(paths, account, password, timeouts, &outbox, &mut report).await?;
    outbox.compact()?;
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
        outbox.remove_all(&sent)?;
        report.sent_copies += sent.len();
        return Ok(());
    }
    let mut messages = Vec::with_capacity(sent.len());
    for item in &sent {
        messages.push(outbox.read(item)?);
    }
    let mut stored = Vec::new();
    let result = drafts::store_sent(paths, account, password, messages, timeouts, |i| {
        outbox.journal(&[(&sent[i], "done")])?;
        stored.push(sent[i].clone());
        Ok(())
    })
    .await;
    outbox.remove_all(&stored)?;
    report.sent_copies += stored.len();
    if let Err(error) = result {
        report.sent_copy_error = Some(error.user_message());
    }
    Ok(())
}
