//! Desktop notifications for new Inbox mail.
//!
//! Only mail that arrives while the window is open counts: the watermark starts at the
//! newest message of the store at start-up, and until the connection first reports it is online
//! (the catch-up sync after start, or the first sync of a new account with thousands of
//! messages) every change only moves the watermark on. The watermark covers every folder
//! because moves keep a message's id: mail that arrived elsewhere (a server rule filed
//! it) and is later moved to the Inbox by the user is not news. Reading the text is a pure
//! function of the new rows; sending it is a task whose errors are only logged.

use iced::Task;

use super::{engine, status, MainWindow, Message};
use crate::mail::store::folder::INBOX;
use crate::mail::store::{EnvelopeRow, MailStore, MessageId};

#[derive(Debug, Default)]
pub struct State {
    /// The newest message (any folder) already accounted for.
    pub watermark: MessageId,
    /// Set once the connection is online: earlier changes are the backlog.
    pub armed: bool,
    /// From the settings (`notifications`).
    pub enabled: bool,
    /// The last notice given (what the window last told the desktop).
    pub last: Option<Notice>,
}

/// What a notification says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub summary: String,
    pub body: String,
}

impl State {
    pub fn new(store: &MailStore, enabled: bool) -> State {
        State {
            watermark: last_id(store),
            armed: false,
            enabled,
            last: None,
        }
    }

    /// Called when the store changed: the notice for unread Inbox mail that arrived
    /// since the last call, if it is time to tell. The watermark always moves on.
    pub fn arrivals(&mut self, store: &MailStore) -> Option<Notice> {
        let last = last_id(store);
        let since = self.watermark;
        self.watermark = self.watermark.max(last);
        if !self.armed || !self.enabled || last <= since {
            return None;
        }
        let (count, newest) = store.index().unread_since(INBOX, since, 1).ok()?;
        let notice = text(count, newest.first())?;
        self.last = Some(notice.clone());
        Some(notice)
    }
}

impl MainWindow {
    /// A report from the connection; after a store change, the desktop hears of new
    /// mail (never in the demo).
    pub(super) fn engine_update(&mut self, report: engine::Report) -> Task<Message> {
        let online = matches!(
            &report,
            engine::Report::Status {
                connection: status::Connection::Online,
                ..
            }
        );
        let changed = matches!(&report, engine::Report::StoreChanged { .. });
        if !self.engine_report(report) {
            return Task::none();
        }
        self.notify.armed |= online;
        if !changed {
            return Task::none();
        }
        match self.notify.arrivals(&self.store) {
            Some(notice) if !self.offline_demo => send(notice),
            _ => Task::none(),
        }
    }
}

fn last_id(store: &MailStore) -> MessageId {
    store.index().last_id().ok().flatten().unwrap_or(0)
}

/// The text for `count` new messages, `newest` being the latest of them.
pub fn text(count: u64, newest: Option<&EnvelopeRow>) -> Option<Notice> {
    match (count, newest) {
        (0, _) | (_, None) => None,
        (1, Some(row)) => {
            let subject = if row.subject.trim().is_empty() {
                crate::fl!("mailbox-no-subject")
            } else {
                row.subject.clone()
            };
            Some(Notice {
                summary: crate::fl!(
                    "notify-one",
                    sender = row.from.display().to_string(),
                    subject = subject
                ),
                body: row.preview.clone(),
            })
        }
        (count, Some(row)) => Some(Notice {
            summary: crate::fl!("notify-many", count = count),
            body: crate::fl!("notify-latest", sender = row.from.display().to_string()),
        }),
    }
}

/// Shows the notice on the desktop; a missing notification service is only logged.
pub fn send<M: Send + 'static>(notice: Notice) -> Task<M> {
    Task::future(async move {
        let result = tokio::task::spawn_blocking(move || {
            notify_rust::Notification::new()
                .appname(&crate::fl!("app-name"))
                .summary(&notice.summary)
                .body(&notice.body)
                .show()
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
        .await;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!("desktop notification failed: {error}"),
            Err(error) => tracing::warn!("desktop notification task failed: {error}"),
        }
    })
    .discard()
}
