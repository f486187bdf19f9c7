//! The folder pane: one section per account with its special folders first (Inbox,
//! Drafts, Sent, Archive, Junk, Trash) with a marker each, then the others by name, with
//! unread counts; above them, with several accounts, "All Inboxes".

use iced::widget::{button, column, container, row, scrollable, space, text, Column};
use iced::{Element, Length, Task};

use crate::mail::store::folder::{Role, INBOX};
use crate::mail::store::{FolderInfo, MailStore};

/// What the folder pane has selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// The unified Inbox of every account.
    AllInboxes,
    /// A folder of one account (its index in the window).
    Folder(usize, String),
}

impl Selection {
    /// The account whose folder is selected; none for the unified Inbox.
    pub fn account(&self) -> Option<usize> {
        match self {
            Selection::AllInboxes => None,
            Selection::Folder(account, _) => Some(*account),
        }
    }
}

/// One account's part of the pane.
#[derive(Debug, Default)]
pub struct Section {
    pub label: String,
    pub folders: Vec<FolderInfo>,
}

#[derive(Debug)]
pub struct State {
    pub sections: Vec<Section>,
    pub selected: Selection,
}

#[derive(Clone, Debug)]
pub enum Message {
    Select(Selection),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Selected(Selection),
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

/// What opens first: the unified Inbox when there are several accounts.
pub fn default_selection(accounts: usize) -> Selection {
    if accounts > 1 {
        Selection::AllInboxes
    } else {
        Selection::Folder(0, INBOX.to_string())
    }
}

impl State {
    pub fn new(labels: Vec<String>) -> State {
        State {
            selected: default_selection(labels.len()),
            sections: labels
                .into_iter()
                .map(|label| Section {
                    label,
                    folders: Vec::new(),
                })
                .collect(),
        }
    }

    /// Re-reads an account's folders and counts from its index (cheap: one grouped query).
    pub fn refresh(&mut self, account: usize, store: &MailStore) {
        let Some(section) = self.sections.get_mut(account) else {
            return;
        };
        let mut folders = store.folders().unwrap_or_default();
        folders.sort_by(|a, b| (rank(&a.name), &a.name).cmp(&(rank(&b.name), &b.name)));
        section.folders = folders;
    }

    /// Changes a folder's unread count after a read/unread toggle.
    pub fn adjust_unread(&mut self, account: usize, name: &str, delta: i64) {
        let folder = self
            .sections
            .get_mut(account)
            .and_then(|s| s.folders.iter_mut().find(|f| f.name == name));
        if let Some(folder) = folder {
            folder.unread = folder.unread.saturating_add_signed(delta);
        }
    }

    pub fn unread(&self, account: usize, name: &str) -> u64 {
        self.sections
            .get(account)
            .and_then(|s| s.folders.iter().find(|f| f.name == name))
            .map_or(0, |f| f.unread)
    }

    /// Unread messages in every account's Inbox.
    pub fn inbox_unread(&self) -> u64 {
        (0..self.sections.len())
            .map(|account| self.unread(account, INBOX))
            .sum()
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Select(selection) => {
                self.selected = selection.clone();
                (Task::none(), Some(Event::Selected(selection)))
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut list = Column::new().spacing(2);
        if self.sections.len() > 1 {
            list = list.push(entry(
                "▣",
                crate::fl!("mailbox-all-inboxes"),
                0.0,
                self.inbox_unread(),
                Selection::AllInboxes,
                self.selected == Selection::AllInboxes,
            ));
        }
        for (account, section) in self.sections.iter().enumerate() {
            list = list.push(
                container(text(section.label.clone()).size(13).style(super::muted)).padding([6, 0]),
            );
            for folder in &section.folders {
                let depth = folder.name.matches('/').count() as f32;
                let label = display_name(folder.name.rsplit('/').next().unwrap_or(&folder.name));
                let selection = Selection::Folder(account, folder.name.clone());
                let selected = selection == self.selected;
                list = list.push(entry(
                    marker(&folder.name),
                    label,
                    depth,
                    folder.unread,
                    selection,
                    selected,
                ));
            }
        }
        container(scrollable(column![list].padding(8)).height(Length::Fill))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

fn entry<'a>(
    marker: &'static str,
    label: String,
    depth: f32,
    unread: u64,
    selection: Selection,
    selected: bool,
) -> Element<'a, Message> {
    // On the highlighted folder the button's own text colour keeps it readable.
    let count = match (unread, selected) {
        (0, _) => text(""),
        (n, true) => text(n.to_string()).size(13),
        (n, false) => text(n.to_string()).size(13).style(super::accent),
    };
    button(
        row![
            space().width(depth * 12.0),
            text(marker).size(14).width(20),
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
    .on_press(Message::Select(selection))
    .into()
}
