//! The main window: folders | message list | reader, a search box, a status bar, the
//! composer, and keyboard shortcuts with a help overlay (`?`).
//!
//! Everything shown comes from the local store (index + Maildir), so no click waits on
//! the network: flag, move, delete and send change the store and the view at once, and
//! the account's background connection ([`engine`]) repeats them on the server.

pub mod actions;
pub mod composer;
pub mod engine;
pub mod files;
pub mod folders;
pub mod list;
pub mod notify;
pub mod reader;
pub mod search;
pub mod settings;
pub mod status;
pub mod wire;

use std::time::Duration;

use iced::keyboard::{self, key::Named, Key, Modifiers};
use iced::widget::{button, column, container, opaque, row, stack, text, Column};
use iced::{Background, Border, Color, Element, Length, Subscription, Task, Theme};

use crate::mail::account::Account;
use crate::mail::store::folder::{Role, INBOX};
use crate::mail::store::{Flags, MailStore, MessageId};
use list::Source;

/// How long a message stays selected before it counts as read (the default of
/// the setting).
pub const MARK_READ_DELAY: Duration = Duration::from_millis(1500);
/// Search hits shown at most (newest first).
pub const SEARCH_LIMIT: u64 = 500;

pub struct MainWindow {
    pub account: Account,
    pub store: MailStore,
    pub folders: folders::State,
    pub list: list::State,
    pub reader: reader::State,
    pub search: search::State,
    pub status: status::State,
    pub composer: Option<composer::State>,
    pub settings: Option<settings::State>,
    /// Where the config lives (settings are saved there); `None` in bare tests.
    pub paths: Option<crate::mail::paths::Paths>,
    pub help: bool,
    /// From the settings (`mark_read_delay_secs`).
    pub mark_read_delay: Duration,
    /// Demo mode: no connection is started.
    pub offline_demo: bool,
    pub notify: notify::State,
    generation: u64,
    commands: Option<futures::channel::mpsc::Sender<engine::Command>>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Folders(folders::Message),
    List(list::Message),
    Reader(reader::Message),
    Search(search::Message),
    Status(status::Message),
    Composer(composer::Message),
    Settings(settings::Message),
    OpenSettings,
    Key(keyboard::Event),
    MarkReadDue(MessageId),
    Engine(engine::Report),
    ToggleHelp,
    New,
    Delete,
    ToggleRead,
    ToggleFlag,
    Archive,
    MoveTo(String),
    /// A file dropped on the window (attached when the composer is open).
    FileDropped(std::path::PathBuf),
    /// Handled by the app shell: opens the setup wizard.
    AddAccount,
}

impl MainWindow {
    pub fn new(account: Account, store: MailStore, offline_demo: bool) -> MainWindow {
        let label = format!("{} <{}>", account.display_name, account.email);
        let mut window = MainWindow {
            status: status::State::new([account.id()]),
            folders: folders::State::new(label),
            list: list::State::new(INBOX),
            reader: reader::State::default(),
            search: search::State::default(),
            composer: None,
            settings: None,
            paths: None,
            help: false,
            mark_read_delay: MARK_READ_DELAY,
            offline_demo,
            notify: notify::State::default(),
            generation: 0,
            commands: None,
            account,
            store,
        };
        window.folders.refresh(&window.store);
        window.list.reload(&window.store);
        window.notify = notify::State::new(&window.store, false);
        window
    }

    pub fn title(&self) -> String {
        let unread = self.folders.unread(INBOX);
        if unread > 0 {
            crate::fl!("mailbox-title-unread", count = unread)
        } else {
            crate::fl!("app-name")
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Folders(message) => {
                let (task, event) = self.folders.update(message);
                if let Some(folders::Event::Selected(name)) = event {
                    self.search.query.clear();
                    self.reader.clear();
                    let show = self.list.show(Source::Folder(name), &self.store);
                    return Task::batch([task.map(Message::Folders), show.map(Message::List)]);
                }
                task.map(Message::Folders)
            }
            Message::List(message) => {
                let (task, event) = self.list.update(message, &self.store);
                let more = self.on_list_event(event);
                Task::batch([task.map(Message::List), more])
            }
            Message::Reader(message) => {
                let (task, event) = self.reader.update(message);
                let more = match event {
                    Some(reader::Event::Reply) => self.open_reply(false),
                    Some(reader::Event::ReplyAll) => self.open_reply(true),
                    Some(reader::Event::Forward) => self.open_forward(),
                    None => Task::none(),
                };
                Task::batch([task.map(Message::Reader), more])
            }
            Message::Search(message) => {
                let (task, event) = self.search.update(message);
                let more = match event {
                    Some(search::Event::Query(query)) => {
                        let hits = self
                            .store
                            .search(&query, None, SEARCH_LIMIT)
                            .unwrap_or_default();
                        self.reader.clear();
                        self.list.show(Source::Search(query, hits), &self.store)
                    }
                    Some(search::Event::Cleared) => {
                        let folder = self.folders.selected.clone();
                        self.list.show(Source::Folder(folder), &self.store)
                    }
                    None => Task::none(),
                };
                Task::batch([task.map(Message::Search), more.map(Message::List)])
            }
            Message::Status(message) => {
                let (task, event) = self.status.update(message);
                if let Some(status::Event::Retry(_)) = event {
                    self.command(engine::Command::SyncNow);
                }
                task.map(Message::Status)
            }
            Message::Composer(message) => self.composer_update(message),
            Message::OpenSettings => {
                let current = self
                    .paths
                    .as_ref()
                    .and_then(|p| crate::mail::config::Config::load(p).ok())
                    .map(|c| c.settings)
                    .unwrap_or_default();
                self.settings = Some(settings::State::new(&self.account, current));
                Task::none()
            }
            Message::Settings(message) => {
                let Some(state) = &mut self.settings else {
                    return Task::none();
                };
                let (task, event) = state.update(message, self.paths.as_ref(), &self.account);
                match event {
                    Some(settings::Event::Saved(account, saved)) => {
                        self.account = *account;
                        self.folders.account_label =
                            format!("{} <{}>", self.account.display_name, self.account.email);
                        crate::i18n::init(saved.language.as_deref());
                        self.mark_read_delay =
                            Duration::from_secs(saved.mark_read_delay_secs.into());
                        self.notify.enabled = saved.notifications;
                        self.settings = None;
                        self.status.note = Some(crate::fl!("settings-saved"));
                        // A new worker with the new account settings replaces the old.
                        self.restart_connection();
                    }
                    Some(settings::Event::Closed) => self.settings = None,
                    None => {}
                }
                task.map(Message::Settings)
            }
            Message::Key(event) => self.key(event),
            Message::MarkReadDue(id) => {
                // Stale when the reader moved on before the delay ran out.
                if self.reader.shown() == Some(id) {
                    self.set_flag(id, Flags::SEEN, Some(true));
                }
                Task::none()
            }
            Message::Engine(report) => self.engine_update(report),
            Message::ToggleHelp => {
                self.help = !self.help;
                Task::none()
            }
            Message::New => {
                self.composer = Some(composer::State::new());
                Task::none()
            }
            Message::Delete => {
                self.delete_selected();
                Task::none()
            }
            Message::ToggleRead => {
                for id in self.list.selected.clone() {
                    self.set_flag(id, Flags::SEEN, None);
                }
                Task::none()
            }
            Message::ToggleFlag => {
                for id in self.list.selected.clone() {
                    self.set_flag(id, Flags::FLAGGED, None);
                }
                Task::none()
            }
            Message::Archive => {
                let archive = self.archive_folder();
                self.move_selected(&archive);
                Task::none()
            }
            Message::MoveTo(folder) => {
                self.move_selected(&folder);
                Task::none()
            }
            Message::FileDropped(path) => self.composer_update(composer::Message::Dropped(path)),
            Message::AddAccount => Task::none(),
        }
    }

    fn on_list_event(&mut self, event: Option<list::Event>) -> Task<Message> {
        match event {
            Some(list::Event::Selected(Some(id))) => {
                self.reader.load(&self.store, id, self.list.threads);
                let unread = self.reader.open.as_ref().is_some_and(|o| o.row.is_unread());
                if unread {
                    // Built inside the future: the timer needs the runtime only once it runs.
                    let delay = self.mark_read_delay;
                    return Task::perform(
                        async move { tokio::time::sleep(delay).await },
                        move |_| Message::MarkReadDue(id),
                    );
                }
                Task::none()
            }
            Some(list::Event::Selected(None)) => {
                self.reader.clear();
                Task::none()
            }
            None => Task::none(),
        }
    }

    /// For a message of an IMAP account's cache: records the change in the durable journal
    /// the sync replays to the server, and applies it to the cache. `None` where there is
    /// no server copy to tell (POP3 and the demo), so the caller changes the store itself.
    fn journal(
        &mut self,
        row: &crate::mail::store::EnvelopeRow,
        change: &crate::mail::imap::journal::LocalChange,
    ) -> Option<Result<(), String>> {
        use crate::mail::account::Protocol;
        use crate::mail::imap::journal::{self, MessageRef};
        let paths = self.paths.as_ref()?;
        if self.offline_demo || self.account.protocol != Protocol::Imap {
            return None;
        }
        let message = MessageRef {
            folder: row.folder.clone(),
            uid: row.uid()?,
        };
        Some(journal::apply(paths, &self.account, &message, change).map_err(|e| e.user_message()))
    }

    /// Sets (`Some`) or toggles (`None`) a flag: the file is renamed and the index
    /// updated now; the server hears of it through the connection.
    pub fn set_flag(&mut self, id: MessageId, flag: char, on: Option<bool>) {
        let Ok(row) = self.store.get(id) else { return };
        let on = on.unwrap_or(!row.flags().contains(flag));
        let flags = row.flags().with(flag, on);
        if flags == *row.flags() {
            return;
        }
        let change = crate::mail::imap::journal::LocalChange::Flag { flag, on };
        let result = match self.journal(&row, &change) {
            // Re-read: the journal updated the file and the index row itself.
            Some(Ok(())) => self.store.get(id),
            Some(Err(message)) => {
                self.status.note = Some(message);
                return;
            }
            None => self.store.set_flags(id, &flags),
        };
        match result {
            Ok(updated) => {
                self.list.patch(&updated);
                self.reader.patch(&updated);
                // Adjusted in place: recounting 100,000 rows on every read would be slow.
                if flag == Flags::SEEN {
                    self.folders
                        .adjust_unread(&updated.folder, if on { -1 } else { 1 });
                }
                self.command(engine::Command::Changed(id));
            }
            Err(error) => self.status.note = Some(error.user_message()),
        }
    }

    /// Moves the selection to Trash (or deletes it for good when already in Trash).
    pub fn delete_selected(&mut self) {
        let ids: Vec<MessageId> = self.list.selected.iter().copied().collect();
        if ids.is_empty() {
            return;
        }
        let trash = Role::Trash.default_name();
        let mut done = 0;
        for id in &ids {
            let change = crate::mail::imap::journal::LocalChange::Delete;
            let result = match self.store.get(*id) {
                Ok(row) => match self.journal(&row, &change) {
                    Some(Ok(())) => Ok(()),
                    Some(Err(message)) => {
                        self.status.note = Some(message);
                        continue;
                    }
                    None if row.folder == trash => self.store.remove(*id),
                    None => self.store.move_to(*id, trash).map(|_| ()),
                },
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => {
                    done += 1;
                    self.command(engine::Command::Changed(*id));
                }
                Err(error) => self.status.note = Some(error.user_message()),
            }
        }
        if done > 0 {
            self.status.note = Some(crate::fl!("mailbox-deleted", count = done));
        }
        self.after_removal();
    }

    fn open_reply(&mut self, all: bool) -> Task<Message> {
        if let Some(open) = &self.reader.open {
            self.composer = Some(composer::State::reply(
                &self.account,
                &open.row,
                &open.text,
                all,
            ));
        }
        Task::none()
    }

    fn open_forward(&mut self) -> Task<Message> {
        if let Some(open) = &self.reader.open {
            self.composer = Some(composer::State::forward(&open.row, &open.text));
        }
        Task::none()
    }

    fn composer_update(&mut self, message: composer::Message) -> Task<Message> {
        let Some(composer) = &mut self.composer else {
            return Task::none();
        };
        let (task, event) = composer.update(message, &self.account);
        match event {
            Some(composer::Event::Lookup(prefix)) => {
                composer.completions = address_completions(&self.store, &prefix);
            }
            Some(composer::Event::SaveDraft(bytes)) => {
                match engine::save_draft(&mut self.store, &bytes) {
                    Ok(_) => self.status.note = Some(crate::fl!("composer-draft-saved")),
                    Err(error) => {
                        composer.dirty = true;
                        composer.error = Some(error.user_message());
                    }
                }
                if composer.confirm_close && !composer.dirty {
                    self.composer = None;
                }
                self.folders.refresh(&self.store);
            }
            Some(composer::Event::Send(bytes)) => {
                let queued = match &self.paths {
                    Some(paths) => {
                        engine::queue_send(paths, &self.account, &bytes, composer.envelope())
                            .map(|_| ())
                            .map_err(|e| crate::fl!("wire-queue-failed", detail = e.to_string()))
                    }
                    None => engine::queue_local(&mut self.store, &bytes)
                        .map(|_| ())
                        .map_err(|e| e.user_message()),
                };
                match queued {
                    Ok(()) => {
                        self.composer = None;
                        self.status.note = Some(crate::fl!("composer-queued"));
                        self.folders.refresh(&self.store);
                        self.command(engine::Command::Send);
                    }
                    Err(error) => {
                        composer.dirty = true;
                        composer.error = Some(error);
                    }
                }
            }
            Some(composer::Event::Closed) => self.composer = None,
            None => {}
        }
        task.map(Message::Composer)
    }

    fn command(&mut self, command: engine::Command) {
        if let Some(sender) = &mut self.commands {
            // A full queue means the worker is busy; the next sync catches up anyway.
            let _ = sender.try_send(command);
        }
    }

    /// Applies a report from the account's connection; stale ones are dropped.
    pub fn engine_report(&mut self, report: engine::Report) -> bool {
        if report.account() != &self.account.id() || report.generation() != self.generation {
            return false;
        }
        match report {
            engine::Report::Ready { commands, .. } => {
                // The worker is up; "online" waits for the server to say so.
                self.commands = Some(commands);
            }
            engine::Report::Status { connection, .. } => {
                self.status.set(&self.account.id(), connection);
            }
            engine::Report::StoreChanged { .. } => {
                self.folders.refresh(&self.store);
                self.list.reload(&self.store);
            }
            engine::Report::Note { text, .. } => self.status.note = Some(text),
        }
        true
    }

    /// Starts a new connection (settings changed): reports of the old one go stale.
    pub fn restart_connection(&mut self) {
        self.generation += 1;
        self.commands = None;
    }

    fn key(&mut self, event: keyboard::Event) -> Task<Message> {
        match event {
            keyboard::Event::ModifiersChanged(modifiers) => {
                self.list.modifiers = modifiers;
                Task::none()
            }
            keyboard::Event::KeyPressed { key, modifiers, .. } => self.shortcut(key, modifiers),
            _ => Task::none(),
        }
    }

    /// Keyboard shortcuts; text fields keep their keys (only ignored keys reach here).
    pub fn shortcut(&mut self, key: Key, modifiers: Modifiers) -> Task<Message> {
        if self.composer.is_some() {
            if key == Key::Named(Named::Escape) {
                return self.composer_update(composer::Message::Close);
            }
            return Task::none();
        }
        let extend = modifiers.shift();
        let step = |window: &mut MainWindow, delta: i64| {
            let (task, event) = window.list.step(delta, extend, &window.store);
            let more = window.on_list_event(event);
            Task::batch([task.map(Message::List), more])
        };
        match key.as_ref() {
            Key::Named(Named::ArrowDown) => step(self, 1),
            Key::Named(Named::ArrowUp) => step(self, -1),
            Key::Named(Named::Delete) => self.update(Message::Delete),
            Key::Named(Named::F5) => {
                self.command(engine::Command::SyncNow);
                Task::none()
            }
            Key::Named(Named::Escape) => {
                self.help = false;
                Task::none()
            }
            Key::Character(c) => match c {
                "j" => step(self, 1),
                "k" => step(self, -1),
                "c" => self.update(Message::New),
                "r" => self.open_reply(false),
                "a" => self.open_reply(true),
                "f" => self.open_forward(),
                "u" => self.update(Message::ToggleRead),
                "s" => self.update(Message::ToggleFlag),
                "A" => self.update(Message::Archive),
                "/" => search::State::focus(),
                "?" => self.update(Message::ToggleHelp),
                _ => Task::none(),
            },
            _ => Task::none(),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().map(Message::Key);
        // Dropped files only mean something to an open composer.
        let drops = if self.composer.is_some() {
            iced::event::listen_with(actions::dropped_file)
        } else {
            Subscription::none()
        };
        if self.offline_demo {
            return Subscription::batch([keys, drops]);
        }
        Subscription::batch([
            keys,
            drops,
            engine::connection(&self.account, self.paths.as_ref(), self.generation)
                .map(Message::Engine),
        ])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let toolbar = row![
            button(text(crate::fl!("mailbox-new"))).on_press(Message::New),
            button(text(crate::fl!("mailbox-delete")))
                .style(button::secondary)
                .on_press(Message::Delete),
            button(text(crate::fl!("mailbox-read-unread")))
                .style(button::secondary)
                .on_press(Message::ToggleRead),
            button(text(crate::fl!("mailbox-flag")))
                .style(button::secondary)
                .on_press(Message::ToggleFlag),
            self.move_controls(),
            self.search.view().map(Message::Search),
            button(text(crate::fl!("mailbox-settings")))
                .style(button::text)
                .on_press(Message::OpenSettings),
            // The demo has no wizard to go to.
            button(text(crate::fl!("mailbox-add-account")))
                .style(button::text)
                .on_press_maybe((!self.offline_demo).then_some(Message::AddAccount)),
            // A glyph alone says nothing to someone who doesn't know it: name it on hover.
            iced::widget::tooltip(
                button(text("?"))
                    .style(button::text)
                    .on_press(Message::ToggleHelp),
                container(text(crate::fl!("mailbox-help-title")).size(13))
                    .padding(6)
                    .style(container::rounded_box),
                iced::widget::tooltip::Position::Bottom,
            ),
        ]
        .spacing(8)
        .padding(8)
        .align_y(iced::Alignment::Center);
        let right: Element<'_, Message> = match (&self.settings, &self.composer) {
            (Some(settings), _) => settings.view().map(Message::Settings),
            (None, Some(composer)) => composer.view().map(Message::Composer),
            (None, None) => self.reader.view().map(Message::Reader),
        };
        let panes = row![
            container(self.folders.view().map(Message::Folders))
                .width(220)
                .height(Length::Fill)
                .style(card),
            container(self.list.view().map(Message::List))
                .width(Length::FillPortion(2))
                .height(Length::Fill),
            container(right)
                .width(Length::FillPortion(3))
                .height(Length::Fill)
                .style(card),
        ]
        .spacing(1);
        let main = column![
            toolbar,
            panes,
            container(self.status.view().map(Message::Status)).width(Length::Fill),
        ];
        if self.help {
            stack![main, opaque(help_overlay())].into()
        } else {
            main.into()
        }
    }
}

fn help_overlay<'a>() -> Element<'a, Message> {
    let keys = [
        ("c", crate::fl!("mailbox-help-new")),
        ("r", crate::fl!("mailbox-help-reply")),
        ("a", crate::fl!("mailbox-help-reply-all")),
        ("f", crate::fl!("mailbox-help-forward")),
        ("Del", crate::fl!("mailbox-help-delete")),
        ("Shift+A", crate::fl!("mailbox-help-archive")),
        ("u", crate::fl!("mailbox-help-read")),
        ("s", crate::fl!("mailbox-help-flag")),
        ("j / ↓", crate::fl!("mailbox-help-next")),
        ("k / ↑", crate::fl!("mailbox-help-previous")),
        ("/", crate::fl!("mailbox-help-search")),
        ("F5", crate::fl!("mailbox-help-sync")),
        ("?", crate::fl!("mailbox-help-help")),
    ];
    let mut list = Column::new()
        .spacing(6)
        .push(text(crate::fl!("mailbox-help-title")).size(20));
    for (key, what) in keys {
        list = list.push(row![text(key).width(80), text(what)].spacing(12));
    }
    list = list.push(button(text(crate::fl!("mailbox-help-close"))).on_press(Message::ToggleHelp));
    container(container(list).padding(24).style(card))
        .center(Length::Fill)
        .style(|_| container::Style {
            background: Some(Background::Color(Color::from_rgba(0.0, 0.0, 0.0, 0.35))),
            ..Default::default()
        })
        .into()
}

/// Addresses from the index that start with `prefix` (senders and recipients).
pub fn address_completions(store: &MailStore, prefix: &str) -> Vec<String> {
    let needle = prefix.to_lowercase();
    let mut found: Vec<String> = Vec::new();
    let query = format!("from:{prefix}");
    for row in store.search(&query, None, 200).unwrap_or_default() {
        let candidate = row.from.to_string();
        let matches = row.from.address.to_lowercase().starts_with(&needle)
            || row
                .from
                .name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w.starts_with(&needle));
        if matches && !found.contains(&candidate) {
            found.push(candidate);
        }
        if found.len() >= 8 {
            break;
        }
    }
    found
}

pub fn muted(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(
            theme
                .extended_palette()
                .background
                .strong
                .text
                .scale_alpha(0.7),
        ),
    }
}

pub fn accent(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().primary),
    }
}

pub fn danger(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().danger),
    }
}

pub fn card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weak.color)),
        border: Border {
            radius: 4.0.into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

pub fn row_style(theme: &Theme, selected: bool, cursor: bool) -> container::Style {
    let palette = theme.extended_palette();
    let background = if selected {
        Some(Background::Color(palette.primary.weak.color))
    } else {
        None
    };
    container::Style {
        background,
        text_color: selected.then_some(palette.primary.weak.text),
        border: Border {
            width: if cursor { 1.0 } else { 0.0 },
            color: palette.primary.strong.color,
            radius: 2.0.into(),
        },
        ..Default::default()
    }
}

/// `pillarbox --demo [N]`: the window on N generated messages in a temp folder, with
/// no network and nothing written outside that folder (removed on exit).
pub fn run_demo(count: usize) -> std::process::ExitCode {
    let home = match crate::demo::temp_home() {
        Ok(home) => home,
        Err(error) => {
            eprintln!(
                "{}",
                crate::fl!("mailbox-demo-failed", error = error.to_string())
            );
            return std::process::ExitCode::FAILURE;
        }
    };
    let paths = crate::mail::paths::Paths::under(&home);
    let store = match crate::demo::generate(&paths, count) {
        Ok(store) => store,
        Err(error) => {
            let _ = std::fs::remove_dir_all(&home);
            eprintln!(
                "{}",
                crate::fl!("mailbox-demo-failed", error = error.user_message())
            );
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = run_window(crate::demo::account(), store, Some(paths), true);
    let _ = std::fs::remove_dir_all(&home);
    result
}

/// Opens the main window on one account's store.
pub fn run_window(
    account: Account,
    store: MailStore,
    paths: Option<crate::mail::paths::Paths>,
    offline_demo: bool,
) -> std::process::ExitCode {
    let mut window = MainWindow::new(account, store, offline_demo);
    window.paths = paths;
    let cell = std::cell::RefCell::new(Some(window));
    let boot = move || {
        let window = cell.borrow_mut().take().expect("the window boots once");
        (window, Task::none())
    };
    let result = iced::application(boot, MainWindow::update, MainWindow::view)
        .title(MainWindow::title)
        .subscription(MainWindow::subscription)
        .theme(|_: &MainWindow| crate::ui::theme::for_mode(iced::theme::Mode::None))
        .window_size(iced::Size::new(1280.0, 800.0))
        .run();
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}",
                crate::fl!("mailbox-window-failed", error = error.to_string())
            );
            std::process::ExitCode::FAILURE
        }
    }
}
