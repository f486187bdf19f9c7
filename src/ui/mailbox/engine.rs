//! The main window's door to the engine: one long-lived worker per account, started
//! with `Subscription::run_with(account id, ..)`. Its first report hands the UI a
//! command sender; every later report carries the account id and the generation of
//! the worker, so reports from a worker that was replaced (settings saved: a new
//! generation starts a new worker with the new account) are dropped by the window.
//!
//! Local work (flags, moves, deletes, drafts, queueing a message to send) is done on
//! the local store at once by the window; the worker only carries it to the server.

use futures::channel::mpsc;
use futures::SinkExt;
use iced::Subscription;

use crate::mail::account::{Account, AccountId};
use crate::mail::paths::Paths;
use crate::mail::store::{MailStore, MessageId, StoreError};

use super::status::Connection;

#[derive(Clone, Debug)]
pub enum Command {
    SyncNow,
    /// A flag, move or delete already done locally, to repeat on the server.
    Changed(MessageId),
    /// A message is waiting in the outbox.
    Send,
}

#[derive(Clone, Debug)]
pub enum Report {
    Ready {
        account: AccountId,
        generation: u64,
        commands: mpsc::Sender<Command>,
    },
    Status {
        account: AccountId,
        generation: u64,
        connection: Connection,
    },
    /// New or changed mail in the local store: the window re-reads its views.
    StoreChanged { account: AccountId, generation: u64 },
    /// One line for the status bar (sent, or why sending failed), localised.
    Note {
        account: AccountId,
        generation: u64,
        text: String,
    },
}

impl Report {
    pub fn account(&self) -> &AccountId {
        match self {
            Report::Ready { account, .. }
            | Report::Status { account, .. }
            | Report::StoreChanged { account, .. }
            | Report::Note { account, .. } => account,
        }
    }

    pub fn generation(&self) -> u64 {
        match self {
            Report::Ready { generation, .. }
            | Report::Status { generation, .. }
            | Report::StoreChanged { generation, .. }
            | Report::Note { generation, .. } => *generation,
        }
    }
}

/// What a worker needs; only the account id and the generation identify it, so a
/// new generation (settings saved) replaces the old worker and nothing else does.
#[derive(Clone, Debug)]
pub struct Key {
    pub account: AccountId,
    pub generation: u64,
    /// The whole account and where its store is, for the sync engine to run with.
    pub config: Box<Account>,
    pub paths: Option<Paths>,
}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.account.hash(state);
        self.generation.hash(state);
    }
}

/// The account's background connection.
pub fn connection(
    account: &Account,
    paths: Option<&Paths>,
    generation: u64,
) -> Subscription<Report> {
    Subscription::run_with(
        Key {
            account: account.id(),
            generation,
            config: Box::new(account.clone()),
            paths: paths.cloned(),
        },
        worker,
    )
}

fn worker(key: &Key) -> impl futures::Stream<Item = Report> + use<> {
    let key = key.clone();
    iced::stream::channel(64, async move |mut out: mpsc::Sender<Report>| {
        let (commands, incoming) = mpsc::channel(64);
        let _ = out
            .send(Report::Ready {
                account: key.account.clone(),
                generation: key.generation,
                commands,
            })
            .await;
        super::wire::run(key, incoming, out).await;
    })
}

/// Queues a message in the account's outbox (durable before the composer closes, so
/// nothing typed is lost if sending fails or the app quits); the worker sends it.
/// `recipients` is the SMTP envelope: it includes Bcc, which the bytes leave out.
pub fn queue_send(
    paths: &Paths,
    account: &Account,
    bytes: &[u8],
    recipients: Vec<String>,
) -> std::io::Result<crate::mail::outbox::Item> {
    let message_id = mail_parser::MessageParser::default()
        .parse_headers(bytes)
        .and_then(|m| m.message_id().map(|id| format!("<{id}>")))
        .unwrap_or_else(|| crate::mail::compose::new_message_id(account));
    let built = crate::mail::compose::Built {
        message_id,
        from: account.email.clone(),
        recipients,
        bytes: bytes.to_vec(),
    };
    crate::mail::outbox::queue(paths, account, &built, &None)
}

/// The offline demo has no outbox to send from: the message is kept in a local
/// Outbox folder instead.
pub fn queue_local(store: &mut MailStore, bytes: &[u8]) -> Result<MessageId, StoreError> {
    use crate::mail::store::{Flags, NewMessage};
    store.add(OUTBOX, NewMessage::Bytes(bytes), None, &Flags::new("S"))
}

/// Saves a draft in the Drafts folder (replacing nothing: each save is a new version).
pub fn save_draft(store: &mut MailStore, bytes: &[u8]) -> Result<MessageId, StoreError> {
    use crate::mail::store::{Flags, NewMessage};
    store.add("Drafts", NewMessage::Bytes(bytes), None, &Flags::new("DS"))
}

pub const OUTBOX: &str = "Outbox";
