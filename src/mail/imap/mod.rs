//! IMAP: keeps a local Maildir cache of every server folder in sync, both ways.
//!
//! - [`conn`]: TLS connection with a time limit on every read and write, login, raw commands.
//! - [`folders`]: LIST with SPECIAL-USE, folder roles, local folder names.
//! - [`sync`]: the per-folder sync (first fetch, CONDSTORE re-sync, expunges, UIDVALIDITY).
//! - [`journal`]: local changes (flags, move, delete) recorded durably, replayed to the server.
//! - [`engine`]: the long-running session (IDLE on the Inbox, polling, commands, events).

pub mod conn;
pub mod engine;
pub mod folders;
mod indexer;
pub mod journal;
pub mod state;
pub mod sync;
pub mod utf7;
mod writer;

use std::io;
use std::path::PathBuf;

pub use engine::{Command, SyncEngine, SyncEvent, SyncEventKind};
pub use journal::{LocalChange, MessageRef};
pub use sync::{sync_account, FolderSummary, Progress, SyncOptions, SyncSummary};

use crate::mail::tls::NetError;

/// A failure during IMAP work. Every network variant names the server and the step.
#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error(transparent)]
    Net(#[from] NetError),
    #[error("{endpoint}: login as {user} refused: {message}")]
    Login {
        endpoint: String,
        user: String,
        message: String,
    },
    #[error("{endpoint}: no answer within {secs} s during {step}")]
    Timeout {
        endpoint: String,
        step: String,
        secs: u64,
    },
    #[error("{endpoint}: connection lost during {step}: {message}")]
    Lost {
        endpoint: String,
        step: String,
        message: String,
    },
    #[error("{endpoint}: the server refused {step}: {message}")]
    Refused {
        endpoint: String,
        step: String,
        message: String,
    },
    #[error("{endpoint}: unexpected answer during {step}: {message}")]
    Protocol {
        endpoint: String,
        step: String,
        message: String,
    },
    #[error("{endpoint}: there is no folder {folder}")]
    NoFolder { endpoint: String, folder: String },
    #[error("local mail store {path}: {source}")]
    Disk { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Store(#[from] crate::mail::store::StoreError),
    #[error("no message {0} in the local cache")]
    NoMessage(String),
    #[error("the sync was stopped")]
    Stopped,
}

impl ImapError {
    pub(crate) fn from_io(endpoint: &str, step: &str, error: io::Error) -> ImapError {
        if error.kind() == io::ErrorKind::TimedOut {
            let secs = error
                .to_string()
                .split_whitespace()
                .find_map(|w| w.parse().ok())
                .unwrap_or(0);
            return ImapError::Timeout {
                endpoint: endpoint.to_string(),
                step: step.to_string(),
                secs,
            };
        }
        ImapError::Lost {
            endpoint: endpoint.to_string(),
            step: step.to_string(),
            message: error.to_string(),
        }
    }

    pub(crate) fn from_imap(
        endpoint: &str,
        step: &str,
        error: async_imap::error::Error,
    ) -> ImapError {
        use async_imap::error::Error;
        match error {
            Error::Io(e) => ImapError::from_io(endpoint, step, e),
            Error::ConnectionLost => ImapError::Lost {
                endpoint: endpoint.to_string(),
                step: step.to_string(),
                message: "the server closed the connection".into(),
            },
            Error::No(message) | Error::Bad(message) => ImapError::Refused {
                endpoint: endpoint.to_string(),
                step: step.to_string(),
                message,
            },
            other => ImapError::Protocol {
                endpoint: endpoint.to_string(),
                step: step.to_string(),
                message: other.to_string(),
            },
        }
    }

    pub(crate) fn disk(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> ImapError {
        let path = path.into();
        move |source| ImapError::Disk { path, source }
    }

    /// Whether trying again later may help (network trouble), as opposed to a refused
    /// login or a broken local disk.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ImapError::Net(_) | ImapError::Timeout { .. } | ImapError::Lost { .. }
        )
    }

    /// A localised sentence for the user: what went wrong and what to do.
    pub fn user_message(&self) -> String {
        match self {
            ImapError::Net(e) => crate::fl!("sync-error-network", detail = e.to_string()),
            ImapError::Login { endpoint, user, .. } => crate::fl!(
                "sync-error-login",
                server = endpoint.clone(),
                user = user.clone()
            ),
            ImapError::Timeout { endpoint, step, .. } => crate::fl!(
                "sync-error-timeout",
                server = endpoint.clone(),
                step = step.clone()
            ),
            ImapError::Lost { endpoint, step, .. } => crate::fl!(
                "sync-error-lost",
                server = endpoint.clone(),
                step = step.clone()
            ),
            ImapError::Disk { path, source } => crate::fl!(
                "sync-error-disk",
                path = path.display().to_string(),
                detail = source.to_string()
            ),
            other => crate::fl!("sync-error-other", detail = other.to_string()),
        }
    }
}
