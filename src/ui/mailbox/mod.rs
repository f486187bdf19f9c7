//! The main window: folders of every account | message list | reader, a search box, a
//! status bar, the composer, and keyboard shortcuts with a help overlay (`?`).
//!
//! Everything shown comes from the local stores (index + Maildir), so no click waits on
//! the network: flag, move, delete and send change the store and the view at once, and
//! each account's background connection ([`engine`]) repeats them on the server.

pub mod accounts;
mod actions;
pub mod composer;
pub mod engine;
pub mod files;
pub mod folders;
pub mod keys;
pub mod layout;
pub mod list;
pub mod moves;
pub mod notify;
pub mod picker;
pub mod reader;
pub mod search;
pub mod settings;
mod shortcuts;
pub mod status;
pub mod wire;

use std::time::Duration;

use iced::keyboard;
use iced::widget::{button, column, container, opaque, pick_list, row, stack, text};
use iced::{Background, Border, Element, Length, Subscription, Task, Theme};

use crate::mail::account::Account;
use crate::mail::store::{Flags, MailStore};
pub use accounts::{MailRef, Mailbox};
use folders::Selection;
use list::Source;

/// How long a message stays selected before it counts as read (the default of
/// the setting).
pub const MARK_READ_DELAY: Duration = Duration::from_millis(1500);
/// Search hits shown at most (newest first).
pub const SEARCH_LIMIT: u64 = 500;

pub struct MainWindow {
    /// Every account, in the config's order; a [`MailRef`] points into this.
    pub accounts: Vec<Mailbox>,
    pub folders: folders::State,
    pub list: list::State,
    pub reader: reader::State,
    pub search: search::State,
    pub status: status::State,
    pub composer: Option<composer::State>,
    /// The account the composer sends from (and saves drafts to).
    pub composer_account: usize,
    pub settings: Option<settings::State>,
    /// Where the config lives (settings are saved there); `None` in bare tests.
    pub paths: Option<crate::mail::paths::Paths>,
    pub help: bool,
    /// The keyboard's folder picker (`m` move to, `g` go to), when open.
    pub picker: Option<picker::State>,
    /// From the settings (`mark_read_delay_secs`).
    pub mark_read_delay: Duration,
    /// Demo mode: no connection is started.
    pub offline_demo: bool,
    /// New-mail notifications (the setting and the last notice; each account keeps
    /// its own watermark).
    pub notify: notify::State,
    /// The panes' sizes, restored from and saved to `window.toml`.
    pub layout: layout::State,
    /// The theme chosen in the settings (the app shell applies it).
    pub theme: crate::mail::config::Theme,
    /// The text size (the settings' or the zoom keys' choice, else the system's).
    pub zoom: crate::ui::scale::Zoom,
    /// The account of the message in the reader.
    reading: usize,
    /// The next connection generation to hand out (never reused in a window).
    next_generation: u64,
}

#[derive(Clone, Debug)]
pub enum Message {
    Folders(folders::Message),
    List(list::Message),
    Reader(reader::Message),
    Search(search::Message),
    Status(status::Message),
    Composer(composer::Message),
    ComposeFrom(accounts::Sender),
    Settings(settings::Message),
    OpenSettings,
    /// The app's settings were read from the config for the form on `account`, or why not.
    SettingsLoaded {
        account: crate::mail::account::AccountId,
        result: Result<crate::mail::config::Settings, String>,
    },
    Key(keyboard::Event),
    /// The mark-read delay of a message ran out; with the id its account had then (an
    /// account removed meanwhile moves the others to new places).
    MarkReadDue(MailRef, crate::mail::account::AccountId),
    Engine(engine::Report),
    /// The account is out of the config (or why not); it leaves the window next.
    AccountRemoved {
        id: crate::mail::account::AccountId,
        delete_mail: bool,
        result: Result<(), String>,
    },
    /// A removed account's keyring entry (and mail, if asked) were deleted, or why not.
    Forgotten(Result<(), String>),
    ToggleHelp,
    New,
    Delete,
    ToggleRead,
    ToggleFlag,
    Archive,
    MoveTo(String),
    /// The keyboard's folder picker.
    Picker(picker::Message),
    /// A file dropped on the window (attached when the composer is open).
    FileDropped(std::path::PathBuf),
    /// Handled by the app shell: opens the setup wizard.
    AddAccount,
    Layout(layout::Message),
    /// A zoom key: text one step bigger, smaller or back to the system's size.
    Zoom(crate::ui::scale::Step),
    /// The desktop's text scaling factor, read at start-up.
    SystemScale(f32),
    /// The size chosen by a zoom key was remembered in the config, or why not.
    ZoomSaved(Result<(), String>),
}

impl MainWindow {
    /// The window on one account.
    pub fn new(account: Account, store: MailStore, offline_demo: bool) -> MainWindow {
        MainWindow::with_accounts(vec![(account, store)], offline_demo)
    }

    /// The window on every account, each with its store.
    pub fn with_accounts(accounts: Vec<(Account, MailStore)>, offline_demo: bool) -> MainWindow {
        let count = accounts.len() as u64;
        let accounts: Vec<Mailbox> = accounts
            .into_iter()
            .enumerate()
            .map(|(n, (account, store))| Mailbox::new(account, store, n as u64))
            .collect();
        let mut window = MainWindow {
            status: status::State::new(accounts.iter().map(|m| m.account.id())),
            folders: folders::State::new(Vec::new()),
            list: list::State::new(Source::AllInboxes),
            reader: reader::State::default(),
            search: search::State::default(),
            composer: None,
            composer_account: 0,
            settings: None,
            paths: None,
            help: false,
            picker: None,
            mark_read_delay: MARK_READ_DELAY,
            offline_demo,
            notify: notify::State::default(),
            layout: layout::State::default(),
            theme: Default::default(),
            zoom: crate::ui::scale::Zoom::default(),
            reading: 0,
            next_generation: count,
            accounts,
        };
        let _ = window.reset_views();
        window
    }

    /// The title counts unread mail in every account's Inbox.
    pub fn title(&self) -> String {
        let unread = self.folders.inbox_unread();
        if unread > 0 {
            crate::fl!("mailbox-title-unread", count = unread)
        } else {
            crate::fl!("app-name")
        }
    }

    /// The message in the reader, with its account.
    pub fn shown(&self) -> Option<MailRef> {
        self.reader.shown().map(|id| MailRef {
            account: self.reading,
            id,
        })
    }

    /// The account the user is in: the selected folder's, else the open message's.
    pub fn current_account(&self) -> usize {
        self.folders
            .selected
            .account()
            .or_else(|| self.shown().map(|r| r.account))
            .unwrap_or(0)
    }

    /// Rebuilds the folder pane and the list after the accounts changed, on the
    /// default selection (the unified Inbox with several accounts).
    fn reset_views(&mut self) -> Task<list::Message> {
        self.folders = folders::State::new(self.accounts.iter().map(Mailbox::label).collect());
        for (index, mailbox) in self.accounts.iter().enumerate() {
            self.folders.refresh(index, &mailbox.store);
        }
        self.list.account_labels = self
            .accounts
            .iter()
            .map(|m| m.account.email.clone())
            .collect();
        self.search.query.clear();
        self.reader.clear();
        let source = source_for(&self.folders.selected);
        self.list.show(source, &self.accounts)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Folders(message) => {
                let (task, event) = self.folders.update(message);
                if let Some(folders::Event::Selected(selection)) = event {
                    self.search.query.clear();
                    self.reader.clear();
                    let show = self.list.show(source_for(&selection), &self.accounts);
                    return Task::batch([task.map(Message::Folders), show.map(Message::List)]);
                }
                task.map(Message::Folders)
            }
            Message::List(message) => {
                let (task, event) = self.list.update(message, &self.accounts);
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
                        let hits = self.run_search(&query);
                        self.reader.clear();
                        self.list.show(Source::Search(query, hits), &self.accounts)
                    }
                    Some(search::Event::Cleared) => {
                        let source = source_for(&self.folders.selected);
                        self.list.show(source, &self.accounts)
                    }
                    None => Task::none(),
                };
                Task::batch([task.map(Message::Search), more.map(Message::List)])
            }
            Message::Status(message) => {
                let (task, event) = self.status.update(message);
                if let Some(status::Event::Retry(id)) = event {
                    if let Some(mailbox) = self.accounts.iter_mut().find(|m| m.account.id() == id) {
                        mailbox.command(engine::Command::SyncNow);
                    }
                }
                task.map(Message::Status)
            }
            Message::Composer(message) => self.composer_update(message),
            Message::ComposeFrom(sender) => {
                if sender.account < self.accounts.len() {
                    self.composer_account = sender.account;
                }
                Task::none()
            }
            Message::OpenSettings => self.load_settings(),
            Message::SettingsLoaded { account, result } => {
                // Found by id: an account removed meanwhile moves the others.
                let index = self.accounts.iter().position(|m| m.account.id() == account);
                match (index, result) {
                    (Some(index), Ok(current)) => self.open_settings(index, current),
                    (None, _) => {}
                    (Some(_), Err(error)) => self.status.note = Some(error),
                }
                Task::none()
            }
            Message::Settings(message) => self.settings_update(message),
            Message::Key(event) => self.key(event),
            Message::MarkReadDue(message, account) => {
                // Stale when the reader moved on before the delay ran out, or when the
                // place now holds another account (one before it was removed).
                let same = self
                    .accounts
                    .get(message.account)
                    .is_some_and(|m| m.account.id() == account);
                if same && self.shown() == Some(message) {
                    self.set_flag(message, Flags::SEEN, Some(true));
                    self.read_thread_row();
                }
                Task::none()
            }
            Message::Engine(report) => self.engine_update(report),
            Message::AccountRemoved {
                id,
                delete_mail,
                result,
            } => self.account_removed(&id, delete_mail, result),
            Message::Forgotten(result) => {
                if let Err(error) = result {
                    self.status.note = Some(error);
                }
                Task::none()
            }
            Message::ToggleHelp => {
                self.help = !self.help;
                Task::none()
            }
            Message::New => {
                self.composer_account = self.current_account();
                self.composer = Some(composer::State::new());
                Task::none()
            }
            Message::Delete => {
                self.delete_selected();
                Task::none()
            }
            Message::ToggleRead => {
                self.toggle_selected(Flags::SEEN);
                Task::none()
            }
            Message::ToggleFlag => {
                self.toggle_selected(Flags::FLAGGED);
                Task::none()
            }
            Message::Archive => {
                self.archive_selected();
                Task::none()
            }
            Message::MoveTo(folder) => {
                self.move_selected(&folder);
                Task::none()
            }
            Message::Picker(message) => self.picker_update(message),
            Message::FileDropped(path) => self.composer_update(composer::Message::Dropped(path)),
            Message::AddAccount => Task::none(),
            Message::Layout(message) => {
                let (task, event) = self.layout.update(message, self.paths.as_ref());
                if let Some(layout::Event::SaveFailed(error)) = event {
                    self.status.note = Some(error);
                }
                task.map(Message::Layout)
            }
            Message::Zoom(step) => self.zoom(step),
            Message::SystemScale(factor) => {
                self.zoom.system = factor;
                if let Some(settings) = &mut self.settings {
                    settings.system_text_percent = self.zoom.system_percent();
                }
                Task::none()
            }
            Message::ZoomSaved(result) => {
                if let Err(error) = result {
                    self.status.note = Some(error);
                }
                Task::none()
            }
        }
    }

    fn on_list_event(&mut self, event: Option<list::Event>) -> Task<Message> {
        match event {
            Some(list::Event::Selected(Some(message))) => {
                let Some(mailbox) = self.accounts.get(message.account) else {
                    return Task::none();
                };
                self.reading = message.account;
                self.reader
                    .load(&mailbox.store, message.id, self.list.threads);
                let unread = self.reader.open.as_ref().is_some_and(|o| o.row.is_unread())
                    || !self.unread_in_thread_row().is_empty();
                if unread {
                    // Built inside the future: the timer needs the runtime only once it runs.
                    let delay = self.mark_read_delay;
                    let account = mailbox.account.id();
                    return Task::perform(
                        async move { tokio::time::sleep(delay).await },
                        move |_| Message::MarkReadDue(message, account),
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

    fn key(&mut self, event: keyboard::Event) -> Task<Message> {
        match event {
            keyboard::Event::ModifiersChanged(modifiers) => {
                self.list.modifiers = modifiers;
                Task::none()
            }
            // Shift applied ("A", "?"), Ctrl not: the table names keys as typed.
            keyboard::Event::KeyPressed {
                modified_key,
                modifiers,
                ..
            } => self.shortcut(modified_key, modifiers),
            _ => Task::none(),
        }
    }

    /// What iced scales the window by: the text size in force.
    pub fn scale_factor(&self) -> f32 {
        self.zoom.factor()
    }

    /// Applies a zoom key and remembers the size, without waiting for the file.
    fn zoom(&mut self, step: crate::ui::scale::Step) -> Task<Message> {
        if !self.zoom.step(step) {
            return Task::none();
        }
        // An open settings form must not save the old size back over it.
        if let Some(settings) = &mut self.settings {
            settings.settings.text_scale_percent = self.zoom.chosen;
        }
        match &self.paths {
            Some(paths) => {
                crate::ui::scale::save_task(paths.clone(), self.zoom.chosen, Message::ZoomSaved)
            }
            None => Task::none(),
        }
    }

    /// One long-lived connection per account, keyed on its id and generation.
    pub fn subscription(&self) -> Subscription<Message> {
        let keys = Subscription::batch([
            keyboard::listen().map(Message::Key),
            iced::window::resize_events()
                .map(|(_, size)| Message::Layout(layout::Message::WindowResized(size))),
            iced::event::listen_with(shortcuts::zoom_in_field),
        ]);
        // Dropped files only mean something to an open composer.
        let drops = if self.composer.is_some() {
            iced::event::listen_with(moves::dropped_file)
        } else {
            Subscription::none()
        };
        let escape = if self.picker.is_some() {
            iced::event::listen_with(shortcuts::escape_in_field)
        } else {
            Subscription::none()
        };
        if self.offline_demo {
            return Subscription::batch([keys, drops, escape]);
        }
        let connections = self.accounts.iter().map(|mailbox| {
            engine::connection(&mailbox.account, self.paths.as_ref(), mailbox.generation)
                .map(Message::Engine)
        });
        Subscription::batch([keys, drops, escape].into_iter().chain(connections))
    }

    pub fn view(&self) -> Element<'_, Message> {
        use keys::{tip, tool, Action};
        let toolbar = row![
            tool(
                crate::fl!("mailbox-new"),
                button::primary,
                Message::New,
                Action::New
            ),
            tool(
                crate::fl!("mailbox-delete"),
                button::secondary,
                Message::Delete,
                Action::Delete
            ),
            tool(
                crate::fl!("mailbox-read-unread"),
                button::secondary,
                Message::ToggleRead,
                Action::ToggleRead
            ),
            tool(
                crate::fl!("mailbox-flag"),
                button::secondary,
                Message::ToggleFlag,
                Action::ToggleFlag
            ),
            self.move_controls(),
            tip(self.search.view().map(Message::Search), Action::Search),
            tool(
                crate::fl!("mailbox-settings"),
                button::text,
                Message::OpenSettings,
                Action::Settings
            ),
            // The demo has no wizard to go to.
            button(text(crate::fl!("mailbox-add-account")))
                .style(button::text)
                .on_press_maybe((!self.offline_demo).then_some(Message::AddAccount)),
            // A glyph alone says nothing to someone who doesn't know it: name it on hover.
            tool(
                "?".to_string(),
                button::text,
                Message::ToggleHelp,
                Action::Help
            ),
        ]
        .spacing(8)
        .padding(8)
        .align_y(iced::Alignment::Center);
        let panes = layout::view(self);
        let main = column![
            toolbar,
            panes,
            container(self.status.view().map(Message::Status)).width(Length::Fill),
        ];
        match (&self.picker, self.help) {
            (Some(picker), _) => stack![main, picker.view().map(Message::Picker)].into(),
            (None, true) => stack![main, opaque(shortcuts::help_overlay())].into(),
            (None, false) => main.into(),
        }
    }

    /// The composer, under a From picker when there is more than one account to send from.
    fn composer_view<'a>(&'a self, composer: &'a composer::State) -> Element<'a, Message> {
        let editor = composer.view().map(Message::Composer);
        if self.accounts.len() < 2 {
            return editor;
        }
        let senders: Vec<accounts::Sender> = self
            .accounts
            .iter()
            .enumerate()
            .map(|(account, mailbox)| accounts::Sender {
                account,
                label: mailbox.label(),
            })
            .collect();
        let chosen = senders.get(self.composer_account).cloned();
        column![
            row![
                text(crate::fl!("composer-from")).size(13).width(80),
                pick_list(senders, chosen, Message::ComposeFrom),
            ]
            .spacing(8)
            .padding([8, 16])
            .align_y(iced::Alignment::Center),
            editor,
        ]
        .into()
    }
}

/// What the list shows for a folder pane selection.
fn source_for(selection: &Selection) -> Source {
    match selection {
        Selection::AllInboxes => Source::AllInboxes,
        Selection::Folder(account, name) => Source::Folder(*account, name.clone()),
    }
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
    if let Some(paths) = &paths {
        window.layout = layout::State::restore(paths);
        if let Ok(config) = crate::mail::config::Config::load(paths) {
            window.theme = config.settings.theme;
        }
    }
    let size = window
        .layout
        .saved()
        .window_size()
        .unwrap_or(iced::Size::new(1280.0, 800.0));
    window.paths = paths;
    let cell = std::cell::RefCell::new(Some(window));
    let boot = move || {
        let window = cell.borrow_mut().take().expect("the window boots once");
        let system = Task::perform(crate::ui::scale::system_factor(), Message::SystemScale);
        (window, system)
    };
    let result = iced::application(boot, MainWindow::update, MainWindow::view)
        .title(MainWindow::title)
        .subscription(MainWindow::subscription)
        // No desktop preference is read here: "System" is the light theme.
        .theme(|w: &MainWindow| crate::ui::theme::for_setting(w.theme, iced::theme::Mode::None))
        .window_size(size)
        .scale_factor(MainWindow::scale_factor)
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
