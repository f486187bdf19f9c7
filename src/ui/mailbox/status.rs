//! The status bar: per account, online, syncing with progress, offline or an error with
//! a retry button; and a line for the last thing that happened (saved, sent, deleted).

use iced::widget::{button, progress_bar, row, space, text, Row};
use iced::{Element, Length, Task};

use crate::mail::account::AccountId;

#[derive(Clone, Debug, PartialEq)]
pub enum Connection {
    /// The demo, or before the account's connection has reported.
    Offline,
    Online,
    Syncing {
        done: u64,
        total: u64,
    },
    Error {
        message: String,
        hint: String,
    },
}

#[derive(Debug)]
pub struct State {
    pub accounts: Vec<(AccountId, Connection)>,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Retry(AccountId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Retry(AccountId),
}

impl State {
    pub fn new(accounts: impl IntoIterator<Item = AccountId>) -> State {
        State {
            accounts: accounts
                .into_iter()
                .map(|id| (id, Connection::Offline))
                .collect(),
            note: None,
        }
    }

    /// Records a report; one for an account that is no longer shown is dropped.
    pub fn set(&mut self, account: &AccountId, connection: Connection) -> bool {
        match self.accounts.iter_mut().find(|(id, _)| id == account) {
            Some((_, slot)) => {
                *slot = connection;
                true
            }
            None => false,
        }
    }

    pub fn get(&self, account: &AccountId) -> Option<&Connection> {
        self.accounts
            .iter()
            .find(|(id, _)| id == account)
            .map(|(_, c)| c)
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Retry(id) => (Task::none(), Some(Event::Retry(id))),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut bar = Row::new().spacing(12).padding([4, 10]);
        for (id, connection) in &self.accounts {
            let label = text(id.0.clone()).size(12).style(super::muted);
            let state: Element<'_, Message> = match connection {
                Connection::Offline => text(crate::fl!("status-offline")).size(12).into(),
                Connection::Online => text(crate::fl!("status-online")).size(12).into(),
                Connection::Syncing { done, total } => row![
                    text(crate::fl!(
                        "status-syncing",
                        done = done.to_string(),
                        total = total.to_string()
                    ))
                    .size(12),
                    progress_bar(0.0..=(*total).max(1) as f32, *done as f32)
                        .length(120)
                        .girth(6),
                ]
                .spacing(6)
                .into(),
                Connection::Error { message, hint } => row![
                    text(crate::fl!("status-error", message = message.clone()))
                        .size(12)
                        .style(super::danger),
                    text(hint.clone()).size(12).style(super::muted),
                    button(text(crate::fl!("status-retry")).size(12))
                        .padding([2, 8])
                        .on_press(Message::Retry(id.clone())),
                ]
                .spacing(6)
                .into(),
            };
            bar = bar.push(row![label, state].spacing(6));
        }
        bar = bar.push(space().width(Length::Fill));
        if let Some(note) = &self.note {
            bar = bar.push(text(note.clone()).size(12));
        }
        bar.into()
    }
}
