//! The folder pane: special folders first (Inbox, Drafts, Sent, Archive, Junk, Trash)
//! with a marker each, then the others by name, with unread counts.

use iced::widget::{button, column, container, row, scrollable, space, text, Column};
use iced::{Element, Length, Task};

use crate::mail::store::folder::{Role, INBOX};
use crate::mail::store::{FolderInfo, MailStore};

#[derive(Debug, Default)]
pub struct State {
    pub account_label: String,
    pub folders: Vec<FolderInfo>,
    pub selected: String,
}

#[derive(Clone, Debug)]
pub enum Message {
    Select(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Selected(String),
}

/// Display order of special folders; the rest follow alphabetically.
const ORDER: [Role; 6] = [
    Role::Inbox,
    Role::Drafts,
    Role::Sent,
    Role::Archive,
    Role::Junk,
    Role::Trash,
];

fn rank(name: &str) -> usize {
    Role::guess(name)
        .and_then(|role| ORDER.iter().position(|r| *r == role))
        .unwrap_or(ORDER.len())
}

fn marker(name: &str) -> &'static str {
    match Role::guess(name) {
        Some(Role::Inbox) => "▣",
        Some(Role::Drafts) => "✎",
        Some(Role::Sent) => "➤",
        Some(Role::Archive) => "▤",
        Some(Role::Junk) => "⚠",
        Some(Role::Trash) => "✖",
        None => "▫",
    }
}

/// The localised name of a special folder; other folders keep their own name.
pub fn display_name(name: &str) -> String {
    match Role::guess(name) {
        Some(Role::Inbox) => crate::fl!("mailbox-folder-inbox"),
        Some(Role::Drafts) => crate::fl!("mailbox-folder-drafts"),
        Some(Role::Sent) => crate::fl!("mailbox-folder-sent"),
        Some(Role::Archive) => crate::fl!("mailbox-folder-archive"),
        Some(Role::Junk) => crate::fl!("mailbox-folder-junk"),
        Some(Role::Trash) => crate::fl!("mailbox-folder-trash"),
        None => name.to_string(),
    }
}

impl State {
    pub fn new(account_label: String) -> State {
        State {
            account_label,
            folders: Vec::new(),
            selected: INBOX.to_string(),
        }
    }

    /// Re-reads folders and counts from the index (cheap: one grouped query).
    pub fn refresh(&mut self, store: &MailStore) {
        let mut folders = store.folders().unwrap_or_default();
        folders.sort_by(|a, b| (rank(&a.name), &a.name).cmp(&(rank(&b.name), &b.name)));
        self.folders = folders;
    }

    /// Changes a folder's unread count after a read/unread toggle.
    pub fn adjust_unread(&mut self, name: &str, delta: i64) {
        if let Some(folder) = self.folders.iter_mut().find(|f| f.name == name) {
            folder.unread = folder.unread.saturating_add_signed(delta);
        }
    }

    pub fn unread(&self, name: &str) -> u64 {
        self.folders
            .iter()
            .find(|f| f.name == name)
            .map_or(0, |f| f.unread)
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Select(name) => {
                self.selected = name.clone();
                (Task::none(), Some(Event::Selected(name)))
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut list = Column::new().spacing(2).push(
            text(self.account_label.clone())
                .size(13)
                .style(super::muted),
        );
        for folder in &self.folders {
            let depth = folder.name.matches('/').count() as f32;
            let label = display_name(folder.name.rsplit('/').next().unwrap_or(&folder.name));
            let selected = folder.name == self.selected;
            // On the highlighted folder the button's own text colour keeps it readable.
            let count = match (folder.unread, selected) {
                (0, _) => text(""),
                (n, true) => text(n.to_string()).size(13),
                (n, false) => text(n.to_string()).size(13).style(super::accent),
            };
            list = list.push(
                button(
                    row![
                        space().width(depth * 12.0),
                        text(marker(&folder.name)).size(14).width(20),
                        text(label).size(14).width(Length::Fill),
                        count,
                    ]
                    .spacing(6),
                )
                .width(Length::Fill)
                .padding([6, 10])
                .style(if selected {
                    button::primary
                } else {
                    button::text
                })
                .on_press(Message::Select(folder.name.clone())),
            );
        }
        container(scrollable(column![list].padding(8)).height(Length::Fill))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}
