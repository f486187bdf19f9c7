//! Moving the selection between folders: "Move to…" (any folder of the selection's
//! account) and Archive (each message to its own account's Archive). A message only ever
//! moves within its account: folder names mean nothing across accounts. Like delete, the
//! store changes at once; IMAP accounts record the move in the journal the connection
//! replays to the server.

use iced::widget::{button, pick_list, row, text};
use iced::Element;

use super::folders::{self, Selection};
use super::keys::{tip, Action};
use super::{MailRef, MainWindow, Message};
use crate::mail::imap::journal::LocalChange;
use crate::mail::store::folder::{Role, INBOX};

/// A folder in the "Move to…" list: the index name, shown by its localised name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    label: String,
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

impl MainWindow {
    /// The account "Move to…" works in: the selection's, when it is all of one account
    /// (a mixed selection from the unified Inbox has no common folders); with nothing
    /// selected, the selected folder's.
    pub fn move_account(&self) -> Option<usize> {
        let mut accounts = self.list.selected.iter().map(|r| r.account);
        match accounts.next() {
            Some(first) => accounts.all(|a| a == first).then_some(first),
            None => self.folders.selected.account(),
        }
    }

    /// Folders the selection can go to: every folder of its account but the one shown.
    pub fn move_targets(&self) -> Vec<Target> {
        let Some(account) = self.move_account() else {
            return Vec::new();
        };
        let shown = match &self.folders.selected {
            Selection::Folder(a, name) if *a == account => Some(name.as_str()),
            Selection::Folder(..) => None,
            Selection::AllInboxes => Some(INBOX),
        };
        let Some(section) = self.folders.sections.get(account) else {
            return Vec::new();
        };
        section
            .folders
            .iter()
            .filter(|f| Some(f.name.as_str()) != shown)
            .map(|f| Target {
                name: f.name.clone(),
                label: folders::display_name(&f.name),
            })
            .collect()
    }

    /// An account's Archive: the folder its index knows in that role, else the default
    /// name (created on first use in a local store).
    pub fn archive_folder(&self, account: usize) -> String {
        self.folders
            .sections
            .get(account)
            .and_then(|s| {
                s.folders
                    .iter()
                    .find(|f| Role::guess(&f.name) == Some(Role::Archive))
            })
            .map_or_else(
                || Role::Archive.default_name().to_string(),
                |f| f.name.clone(),
            )
    }

    /// Moves the selected messages to `target` of their account ("Move to…"); a mixed
    /// selection is left alone, as the list offered no folder for it. A thread row
    /// takes its whole conversation in the folder.
    pub fn move_selected(&mut self, target: &str) {
        let Some(account) = self.move_account() else {
            return;
        };
        let moves: Vec<(MailRef, String)> = self
            .list
            .selected_messages(&self.accounts)
            .iter()
            .filter(|r| r.account == account)
            .map(|r| (*r, target.to_string()))
            .collect();
        self.move_messages(moves);
    }

    /// Archives the selection, each message in its own account's Archive (a thread row
    /// with its whole conversation in the folder).
    pub fn archive_selected(&mut self) {
        let moves: Vec<(MailRef, String)> = self
            .list
            .selected_messages(&self.accounts)
            .iter()
            .map(|r| (*r, self.archive_folder(r.account)))
            .collect();
        self.move_messages(moves);
    }

    /// Moves each message within its account; the list and the counts follow at once.
    fn move_messages(&mut self, moves: Vec<(MailRef, String)>) {
        let changes: Vec<(MailRef, LocalChange)> = moves
            .into_iter()
            .map(|(message, to)| (message, LocalChange::Move { to }))
            .collect();
        let applied = self.change_messages(changes.clone());
        let Some((_, LocalChange::Move { to })) = applied.last.and_then(|at| changes.get(at))
        else {
            return;
        };
        self.status.note = Some(crate::fl!(
            "mailbox-moved",
            count = applied.done,
            folder = folders::display_name(to)
        ));
        self.after_removal(&applied.touched);
    }

    /// The toolbar's Archive button and "Move to…" list.
    pub fn move_controls(&self) -> Element<'_, Message> {
        let any = !self.list.selected.is_empty();
        row![
            tip(
                button(text(crate::fl!("mailbox-archive")))
                    .style(button::secondary)
                    .on_press_maybe(any.then_some(Message::Archive)),
                Action::Archive
            ),
            tip(
                pick_list(self.move_targets(), None::<Target>, |target: Target| {
                    Message::MoveTo(target.name)
                })
                .placeholder(crate::fl!("mailbox-move-to")),
                Action::MoveTo
            ),
        ]
        .spacing(8)
        .into()
    }
}

/// Files dropped on the window, for the composer.
pub(super) fn dropped_file(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    match event {
        iced::Event::Window(iced::window::Event::FileDropped(path)) => {
            Some(Message::FileDropped(path))
        }
        _ => None,
    }
}
