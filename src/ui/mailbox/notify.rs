//! Desktop notifications for new Inbox mail, per account.
//!
//! Only mail that arrives while the window is open counts: each account's watermark starts
//! at the newest message of its store at start-up (or when it is added), and until that
//! account's connection first reports it is online (the catch-up sync after start, or the
//! first sync of a new account with thousands of messages) every change only moves the
//! watermark on. Message ids are per store, so each account keeps its own watermark. It
//! covers every folder because moves keep a message's id: mail that arrived elsewhere (a
//! server rule filed it) and is later moved to the Inbox by the user is not news. Reading
//! the text is a pure function of the new rows; sending it is a task whose errors are
//! only logged.

use iced::Task;

use super::{engine, status, MainWindow, Message};
use crate::mail::store::folder::INBOX;
use crate::mail::store::{EnvelopeRow, MailStore, MessageId};

/// The window's part: the setting and what was last told.
#[derive(Debug, Default)]
pub struct State {
    /// From the settings (`notifications`).
    pub enabled: bool,
    /// The last notice given (what the window last told the desktop).
    pub last: Option<Notice>,
}

/// One account's part, kept in its [`super::Mailbox`].
#[derive(Debug, Default)]
pub struct Watch {
    /// The newest message (any folder of this account's store) already accounted for.
    pub watermark: MessageId,
    /// Set once this account's connection is online: earlier changes are the backlog.
    pub armed: bool,
}

/// What a notification says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub summary: String,
    pub body: String,
}

impl Watch {
    pub fn new(store: &MailStore) -> Watch {
        Watch {
            watermark: last_id(store),
            armed: false,
        }
    }

    /// Called when the store changed: how many unread Inbox messages arrived since the
    /// last call and the newest of them, if it is time to tell. The watermark always
    /// moves on, so mail that came while notifications were off is never told later.
    pub fn arrivals(&mut self, store: &MailStore, enabled: bool) -> Option<(u64, EnvelopeRow)> {
        let last = last_id(store);
        let since = self.watermark;
        self.watermark = self.watermark.max(last);
        if !self.armed || !enabled || last <= since {
            return None;
        }
        let (count, mut newest) = store.index().unread_since(INBOX, since, 1).ok()?;
        (count > 0 && !newest.is_empty()).then(|| (count, newest.remove(0)))
    }
}

impl MainWindow {
    /// A report from an account's connection; after a store change, the desktop hears of
    /// that account's new mail (never in the demo), naming the account when there are
    /// several.
    pub(super) fn engine_update(&mut self, report: engine::Report) -> Task<Message> {
        let online = matches!(
            &report,
            engine::Report::Status {
                connection: status::Connection::Online,
                ..
            }
        );
        let changed = matches!(&report, engine::Report::StoreChanged { .. });
        let index = self
            .accounts
            .iter()
            .position(|m| &m.account.id() == report.account());
        let (Some(index), true) = (index, self.engine_report(report)) else {
            return Task::none();
        };
        let several = self.accounts.len() > 1;
        let mailbox = &mut self.accounts[index];
        mailbox.watch.armed |= online;
        if !changed {
            return Task::none();
        }
        let Some((count, newest)) = mailbox.watch.arrivals(&mailbox.store, self.notify.enabled)
        else {
            return Task::none();
        };
        let account = several.then_some(mailbox.account.email.as_str());
        let Some(notice) = text(count, Some(&newest), account) else {
            return Task::none();
        };
        self.notify.last = Some(notice.clone());
        if self.offline_demo {
            Task::none()
        } else {
            send(notice)
        }
    }
}

fn last_id(store: &MailStore) -> MessageId {
    store.index().last_id().ok().flatten().unwrap_or(0)
}

/// The text for `count` new messages, `newest` being the latest of them; `account` (the
/// address they came to) is named when the window has several.
pub fn text(count: u64, newest: Option<&EnvelopeRow>, account: Option<&str>) -> Option<Notice> {
    let mut notice = match (count, newest) {
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
    }?;
    if let Some(account) = account {
        let to = crate::fl!("notify-account", account = account.to_string());
        notice.body = if notice.body.is_empty() {
            to
        } else {
            format!("{to}\n{}", notice.body)
        };
    }
    Some(notice)
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
