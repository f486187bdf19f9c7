//! POP3: download the Inbox to this computer, then (by default) delete it on the server,
//! without ever losing or duplicating a message.
//!
//! # Order of work, and why it is crash-safe
//! For each new message: `RETR` streamed into `INBOX/tmp/` -> fsync -> rename into
//! `INBOX/new/` with the UIDL (hex) in the file name (`,P=<hex>`) -> fsync the folder ->
//! append the UIDL to the ledger + fdatasync -> index it -> `DELE`. Messages go through
//! this in batches (up to 64 messages, 16 MB or 1 s): their fsyncs run in parallel while
//! the next messages stream in, then one folder fsync and one ledger fdatasync cover the
//! batch, and only then are its `DELE`s sent. `QUIT` is sent only after every reply has
//! been read and the ledger is on disk; POP3 servers apply `DELE` only at `QUIT`.
//!
//! Crash points:
//! - before the rename: the message is not in the store, nothing is deleted on the server
//!   (no QUIT); the next run downloads it again. A leftover in `tmp/` is never listed.
//! - after the rename, before the ledger line: the next run reconciles the ledger from the
//!   `,P=` names in the store before deciding anything, so the message is not fetched twice.
//! - after the ledger, before the index row: the store's refresh indexes the file later.
//! - after DELE, before QUIT, or with the connection cut: the server keeps everything;
//!   the ledger knows the messages, so the next run deletes them without a new download.
//! - after QUIT was sent, before its reply: the server did or did not delete; either way
//!   the ledger knows the messages still listed, so they are deleted, not fetched again.
//! - two runs at once (window and command line): a lock file in the state folder.
//!
//! A server without UIDL can't be tracked: download-and-delete still works (a crash
//! between the rename and QUIT's reply can then bring a message in twice), and
//! leave-on-server is refused with [`Pop3Error::NoUidlLeave`].
//!
//! # Streaming, and what async-pop does
//! async-pop's `retr` collects a whole message in memory (and refuses anything over
//! 20 MB), and its reply decoder keeps waiting for as many bytes as the longest earlier
//! reply that arrived in pieces (`decode_needs` is never reset), which hangs a short reply
//! after a long LIST. So async-pop does the greeting, CAPA and login (AUTH PLAIN or
//! USER/PASS) and is then dropped; LIST, UIDL, RETR, DELE and QUIT go through our own
//! reader on the same connection ([`wire::Shared`]). A message is decoded as it arrives
//! (dot-unstuffing only: the file is the message as the server sent it, CRLF included)
//! and written in 64 KB pieces: memory does not grow with message size or count.
//! With PIPELINING, up to 8 `RETR`s are in flight so the connection never idles.

mod download;
pub mod ledger;
mod session;
pub mod wire;

use std::io;
use std::path::PathBuf;

pub use download::{download, Job, LEDGER_FILE, LOCK_FILE, TAG_PREFIX};

use crate::mail::tls::NetError;

/// A protocol step, named in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Greeting,
    Stls,
    Login,
    Uidl,
    List,
    Retr,
    Dele,
    Quit,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Step::Greeting => "greeting",
            Step::Stls => "STLS",
            Step::Login => "login",
            Step::Uidl => "UIDL",
            Step::List => "LIST",
            Step::Retr => "RETR",
            Step::Dele => "DELE",
            Step::Quit => "QUIT",
        })
    }
}

/// Why a POP3 download stopped. Every network variant names host:port and the step.
/// Whatever the error, nothing was deleted on the server unless QUIT was answered.
#[derive(Debug, thiserror::Error)]
pub enum Pop3Error {
    #[error(transparent)]
    Net(#[from] NetError),
    #[error("{endpoint}: no answer within {secs} s during {step}")]
    Timeout {
        endpoint: String,
        step: Step,
        secs: u64,
    },
    #[error("{endpoint}: the server refused the login: {reply}")]
    Auth { endpoint: String, reply: String },
    #[error("{endpoint}: the server refused {step}: {reply}")]
    Refused {
        endpoint: String,
        step: Step,
        reply: String,
    },
    #[error("{endpoint}: unexpected reply during {step}: {message}")]
    Protocol {
        endpoint: String,
        step: Step,
        message: String,
    },
    #[error("{endpoint}: connection lost during {step}: {source}")]
    Connection {
        endpoint: String,
        step: Step,
        source: io::Error,
    },
    #[error(
        "{endpoint}: the server can't identify messages (no UIDL), so they can't be left on it"
    )]
    NoUidlLeave { endpoint: String },
    #[error("could not write {path}: {source}")]
    Disk { path: PathBuf, source: io::Error },
    #[error("another download for {account} is already running")]
    Busy { account: String },
    #[error(transparent)]
    Store(#[from] crate::mail::store::StoreError),
}

impl Pop3Error {
    /// The message for the user, in their language.
    pub fn localized(&self) -> String {
        match self {
            Pop3Error::Net(error) => crate::fl!("pop-error-network", detail = error.to_string()),
            Pop3Error::Timeout {
                endpoint,
                step,
                secs,
            } => crate::fl!(
                "pop-error-timeout",
                endpoint = endpoint.as_str(),
                step = step.to_string(),
                secs = secs.to_owned()
            ),
            Pop3Error::Auth { endpoint, reply } => crate::fl!(
                "pop-error-auth",
                endpoint = endpoint.as_str(),
                reply = reply.as_str()
            ),
            Pop3Error::Refused {
                endpoint,
                step,
                reply,
            } => crate::fl!(
                "pop-error-refused",
                endpoint = endpoint.as_str(),
                step = step.to_string(),
                reply = reply.as_str()
            ),
            Pop3Error::Protocol {
                endpoint,
                step,
                message,
            } => crate::fl!(
                "pop-error-protocol",
                endpoint = endpoint.as_str(),
                step = step.to_string(),
                detail = message.as_str()
            ),
            Pop3Error::Connection {
                endpoint,
                step,
                source,
            } => crate::fl!(
                "pop-error-connection",
                endpoint = endpoint.as_str(),
                step = step.to_string(),
                detail = source.to_string()
            ),
            Pop3Error::NoUidlLeave { endpoint } => {
                crate::fl!("pop-error-no-uidl-leave", endpoint = endpoint.as_str())
            }
            Pop3Error::Disk { path, source } => crate::fl!(
                "pop-error-disk",
                path = path.display().to_string(),
                detail = source.to_string()
            ),
            Pop3Error::Busy { account } => {
                crate::fl!("pop-error-busy", account = account.as_str())
            }
            Pop3Error::Store(error) => error.user_message(),
        }
    }

    /// What the user can do about it, in their language.
    pub fn hint(&self) -> String {
        match self {
            Pop3Error::Auth { .. } => crate::fl!("pop-hint-auth"),
            Pop3Error::Net(_)
            | Pop3Error::Timeout { .. }
            | Pop3Error::Connection { .. }
            | Pop3Error::Refused { .. }
            | Pop3Error::Protocol { .. } => crate::fl!("pop-hint-retry"),
            Pop3Error::NoUidlLeave { .. } => crate::fl!("pop-hint-no-uidl-leave"),
            Pop3Error::Disk { .. } => crate::fl!("pop-hint-disk"),
            Pop3Error::Busy { .. } => crate::fl!("pop-hint-busy"),
            Pop3Error::Store(error) => error.hint(),
        }
    }
}

/// Progress of a download, for the status bar and the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Logged in; the server lists `on_server` messages, `to_download` of them new.
    Listed {
        on_server: usize,
        to_download: usize,
        bytes_total: u64,
        uidl: bool,
    },
    /// One more message is safely on disk.
    Downloaded {
        done: usize,
        total: usize,
        bytes_done: u64,
        bytes_total: u64,
    },
    /// The server confirmed QUIT: deletions are applied.
    Committed { deleted: usize },
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub on_server: usize,
    pub downloaded: usize,
    /// Deleted on the server (confirmed by QUIT's reply).
    pub deleted: usize,
    /// Left on the server by choice (leave_on_server).
    pub kept: usize,
    /// Decoded bytes written to the store.
    pub bytes: u64,
    /// False when the server has no UIDL (download-and-delete only).
    pub uidl: bool,
}
