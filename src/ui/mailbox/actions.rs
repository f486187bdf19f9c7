//! Moving the selection between folders: "Move to…" (any folder of the account) and
//! Archive. Like delete, the store changes at once; IMAP accounts record the move in
//! the journal the connection replays to the server.

use iced::widget::{button, pick_list, row, text};
use iced::Element;

use super::{engine, folders, list::Source, MainWindow, Message, SEARCH_LIMIT};
use crate::mail::imap::journal::LocalChange;
use crate::mail::store::folder::Role;
use crate::mail::store::MessageId;

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
    /// Folders the selection can go to: every folder but the one shown.
    pub fn move_targets(&self) -> Vec<Target> {
        self.folders
            .folders
            .iter()
            .filter(|f| f.name != self.folders.selected)
            .map(|f| Target {
                name: f.name.clone(),
                label: folders::display_name(&f.name),
            })
            .collect()
    }

    /// The account's Archive: the folder the index knows in that role, else the default
    /// name (created on first use in a local store).
    pub fn archive_folder(&self) -> String {
        self.folders
            .folders
            .iter()
            .find(|f| Role::guess(&f.name) == Some(Role::Archive))
            .map_or_else(
                || Role::Archive.default_name().to_string(),
                |f| f.name.clone(),
            )
    }

    /// Moves the selected messages to `target`; the list and the counts follow at once.
    pub fn move_selected(&mut self, target: &str) {
        let ids: Vec<MessageId> = self.list.selected.iter().copied().collect();
        let mut done: u64 = 0;
        for id in ids {
            let row = match self.store.get(id) {
                Ok(row) if row.folder == target => continue,
                Ok(row) => row,
                Err(error) => {
                    self.status.note = Some(error.user_message());
                    continue;
                }
            };
            let change = LocalChange::Move {
                to: target.to_string(),
            };
            let result = match self.journal(&row, &change) {
                Some(Ok(())) => Ok(()),
                Some(Err(message)) => {
                    self.status.note = Some(message);
                    continue;
                }
                None => self.store.move_to(id, target).map(|_| ()),
            };
            match result {
                Ok(()) => {
                    done += 1;
                    self.command(engine::Command::Changed(id));
                }
                Err(error) => self.status.note = Some(error.user_message()),
            }
        }
        if done == 0 {
            return;
        }
        self.status.note = Some(crate::fl!(
            "mailbox-moved",
            count = done,
            folder = folders::display_name(target)
        ));
        self.after_removal();
    }

    /// After messages left the list: re-read it and the counts, and select what is now
    /// at the cursor, as mail clients do.
    pub(super) fn after_removal(&mut self) {
        if let Source::Search(query, _) = &self.list.source {
            let hits = self
                .store
                .search(query, None, SEARCH_LIMIT)
                .unwrap_or_default();
            self.list.source = Source::Search(query.clone(), hits);
        }
        let cursor = self.list.cursor;
        self.list.selected.clear();
        self.list.reload(&self.store);
        self.folders.refresh(&self.store);
        self.reader.clear();
        if let Some(position) = cursor.filter(|_| self.list.total > 0) {
            let position = position.min(self.list.total - 1);
            self.list.cursor = Some(position);
            if let Some(row) = self.list.row_at(position, &self.store) {
                let id = row.id;
                self.list.selected.clear();
                self.list.selected.insert(id);
                self.reader.load(&self.store, id, self.list.threads);
            }
        }
    }

    /// The toolbar's Archive button and "Move to…" list.
    pub fn move_controls(&self) -> Element<'_, Message> {
        let any = !self.list.selected.is_empty();
        row![
            button(text(crate::fl!("mailbox-archive")))
                .style(button::secondary)
                .on_press_maybe(any.then_some(Message::Archive)),
            pick_list(self.move_targets(), None::<Target>, |target: Target| {
                Message::MoveTo(target.name)
            })
            .placeholder(crate::fl!("mailbox-move-to")),
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
