//! What the window does for each action of the shortcut table ([`keys`]), the folder
//! picker's wiring, and the help overlay drawn from the same table.

use std::collections::BTreeSet;

use iced::keyboard::{key::Named, Key, Modifiers};
use iced::widget::{button, container, row, scrollable, text, Column};
use iced::{Background, Color, Element, Length, Task};

use super::folders::{self, Selection};
use super::keys::{self, Action, Context};
use super::picker::{self, Purpose};
use super::{composer, engine, layout, list, reader, search, MainWindow, Message};
use crate::ui::scale::Step;

impl MainWindow {
    /// A key press nobody else used (text fields keep the keys they type with), with
    /// Shift applied to characters ("A", "?") but not Ctrl.
    pub fn shortcut(&mut self, key: Key, modifiers: Modifiers) -> Task<Message> {
        if let Some(action) = keys::lookup(&key, modifiers, Context::Everywhere) {
            return self.perform(action, modifiers);
        }
        if self.composer.is_some() {
            return match keys::lookup(&key, modifiers, Context::Composer) {
                Some(action) => self.perform(action, modifiers),
                None => Task::none(),
            };
        }
        if let Some(picker) = &mut self.picker {
            match key.as_ref() {
                Key::Named(Named::ArrowDown) => picker.step(1),
                Key::Named(Named::ArrowUp) => picker.step(-1),
                Key::Named(Named::Enter) => return self.picker_update(picker::Message::Submit),
                Key::Named(Named::Escape) => return self.picker_update(picker::Message::Close),
                _ => {}
            }
            return Task::none();
        }
        match keys::lookup(&key, modifiers, Context::Main) {
            Some(action) => self.perform(action, modifiers),
            None => Task::none(),
        }
    }

    /// Does what a shortcut's action means, as its button would.
    pub fn perform(&mut self, action: Action, modifiers: Modifiers) -> Task<Message> {
        match action {
            Action::New => self.update(Message::New),
            Action::Reply => self.open_reply(false),
            Action::ReplyAll => self.open_reply(true),
            Action::Forward => self.open_forward(),
            Action::Delete => self.update(Message::Delete),
            Action::Archive => self.update(Message::Archive),
            Action::MoveTo => self.open_picker(Purpose::Move),
            Action::ToggleRead => self.update(Message::ToggleRead),
            Action::ToggleFlag => self.update(Message::ToggleFlag),
            Action::SelectAll => self.select_all(),
            Action::OpenAttachment => {
                let first = self
                    .reader
                    .open
                    .as_ref()
                    .and_then(|o| o.attachments.first())
                    .map(|a| a.index);
                match first {
                    Some(index) => self.update(Message::Reader(reader::Message::Open(index))),
                    None => Task::none(),
                }
            }
            Action::Next => self.step_list(1, modifiers.shift()),
            Action::Previous => self.step_list(-1, modifiers.shift()),
            Action::NextFolder => self.step_folder(1),
            Action::PreviousFolder => self.step_folder(-1),
            Action::Inbox => {
                // "All Inboxes" with several accounts, else the Inbox.
                let inbox = folders::default_selection(self.accounts.len());
                self.update(Message::Folders(folders::Message::Select(inbox)))
            }
            Action::GoToFolder => self.open_picker(Purpose::Go),
            Action::Search => search::State::focus(),
            Action::Sync => {
                // Every account: F5 means "check my mail".
                for mailbox in &mut self.accounts {
                    mailbox.command(engine::Command::SyncNow);
                }
                Task::none()
            }
            Action::Settings => self.update(Message::OpenSettings),
            Action::NarrowList => {
                self.update(Message::Layout(layout::Message::Nudge(-layout::NUDGE)))
            }
            Action::WidenList => {
                self.update(Message::Layout(layout::Message::Nudge(layout::NUDGE)))
            }
            Action::Help => self.update(Message::ToggleHelp),
            Action::Close => {
                // The topmost thing first: the help over the settings.
                if self.help {
                    self.help = false;
                } else if self.settings.is_some() {
                    return self.settings_update(super::settings::Message::Close);
                }
                Task::none()
            }
            Action::Send => self.composer_update(composer::Message::Send),
            Action::SaveDraft => self.composer_update(composer::Message::SaveDraft),
            Action::Attach => self.composer_update(composer::Message::Browse),
            Action::CloseComposer => self.composer_update(composer::Message::Close),
            Action::ZoomIn => self.update(Message::Zoom(Step::Bigger)),
            Action::ZoomOut => self.update(Message::Zoom(Step::Smaller)),
            Action::ZoomReset => self.update(Message::Zoom(Step::System)),
        }
    }

    fn step_list(&mut self, delta: i64, extend: bool) -> Task<Message> {
        let (task, event) = self.list.step(delta, extend, &self.accounts);
        let more = self.on_list_event(event);
        Task::batch([task.map(Message::List), more])
    }

    /// Every folder in the pane's order: "All Inboxes" first, then each account's.
    pub fn folder_order(&self) -> Vec<Selection> {
        let mut order = Vec::new();
        if self.folders.sections.len() > 1 {
            order.push(Selection::AllInboxes);
        }
        for (account, section) in self.folders.sections.iter().enumerate() {
            for folder in &section.folders {
                order.push(Selection::Folder(account, folder.name.clone()));
            }
        }
        order
    }

    /// The next or previous folder in the pane, across account sections; stops at the ends.
    fn step_folder(&mut self, delta: i64) -> Task<Message> {
        let order = self.folder_order();
        let Some(last) = order.len().checked_sub(1) else {
            return Task::none();
        };
        let next = match order.iter().position(|s| *s == self.folders.selected) {
            Some(at) => (at as i64 + delta).clamp(0, last as i64) as usize,
            None => 0,
        };
        if order[next] == self.folders.selected {
            return Task::none();
        }
        let selection = order[next].clone();
        self.update(Message::Folders(folders::Message::Select(selection)))
    }

    /// Selects every message of the list (fetched a window at a time, as scrolling does).
    fn select_all(&mut self) -> Task<Message> {
        let all: BTreeSet<_> = self.list.all_keys(&self.accounts).into_iter().collect();
        self.list.selected = all;
        let single = self.list.single_selection();
        self.on_list_event(Some(list::Event::Selected(single)))
    }

    fn open_picker(&mut self, purpose: Purpose) -> Task<Message> {
        if purpose == Purpose::Move && self.list.selected.is_empty() {
            return Task::none();
        }
        let choices = self.picker_choices(purpose);
        self.picker = Some(picker::State::new(purpose, choices));
        self.help = false;
        picker::State::focus()
    }

    pub(super) fn picker_update(&mut self, message: picker::Message) -> Task<Message> {
        let Some(state) = &mut self.picker else {
            return Task::none();
        };
        match state.update(message) {
            Some(picker::Event::Picked(Purpose::Move, Selection::Folder(_, name))) => {
                self.picker = None;
                self.update(Message::MoveTo(name))
            }
            Some(picker::Event::Picked(_, selection)) => {
                self.picker = None;
                self.update(Message::Folders(folders::Message::Select(selection)))
            }
            Some(picker::Event::Closed) => {
                self.picker = None;
                Task::none()
            }
            None => Task::none(),
        }
    }
}

/// Escape in the picker's field: the field takes it (to let go of the focus), but there
/// it means "close", as everywhere else in the window.
pub(super) fn escape_in_field(
    event: iced::Event,
    status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    match (event, status) {
        (
            iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
                key: Key::Named(Named::Escape),
                ..
            }),
            iced::event::Status::Captured,
        ) => Some(Message::Picker(picker::Message::Close)),
        _ => None,
    }
}

/// A zoom key a text field took: it still zooms (the keys work everywhere).
pub(super) fn zoom_in_field(
    event: iced::Event,
    status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    if status != iced::event::Status::Captured {
        return None;
    }
    keys::zoom_key(&event)
        .and_then(Step::for_action)
        .map(Message::Zoom)
}

/// Every shortcut of the table, grouped.
pub(super) fn help_overlay<'a>() -> Element<'a, Message> {
    let mut list = Column::new()
        .spacing(6)
        .push(text(crate::fl!("mailbox-help-title")).size(20));
    for (group, rows) in keys::help_rows() {
        list =
            list.push(container(text(group.name()).size(15).style(super::accent)).padding([6, 0]));
        for (key, what) in rows {
            list = list.push(row![text(key).width(170), text(what)].spacing(12));
        }
    }
    let close = keys::tip(
        button(text(crate::fl!("mailbox-help-close"))).on_press(Message::ToggleHelp),
        Action::Close,
    );
    let panel = Column::new()
        .spacing(12)
        .push(scrollable(list).height(Length::Shrink))
        .push(close);
    container(
        container(panel)
            .padding(24)
            .max_height(720)
            .style(super::card),
    )
    .center(Length::Fill)
    .style(|_| container::Style {
        background: Some(Background::Color(Color::from_rgba(0.0, 0.0, 0.0, 0.35))),
        ..Default::default()
    })
    .into()
}
