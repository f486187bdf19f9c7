//! The iced desktop app: the setup wizard for a first run, then the account's home.

pub mod account_home;
pub mod engine;
pub mod mailbox;
pub mod scale;
pub mod theme;
pub mod viewer;
pub mod wizard;

use std::process::ExitCode;

use iced::keyboard::{self, key::Named, Key};
use iced::theme::Mode;
use iced::widget::{column, container, text};
use iced::{Element, Length, Subscription, Task, Theme};

use crate::mail::account::Account;
use crate::mail::paths::Paths;
use account_home::Home;
use wizard::Wizard;

pub enum Screen {
    /// Pillarbox cannot start: a corrupt config (kept as it is) or no home folder.
    Error {
        message: String,
        hint: String,
    },
    Wizard(Box<Wizard>),
    Home(Home),
    /// The main window on every account's local store.
    Mail(Box<mailbox::MainWindow>),
}

#[derive(Clone, Debug)]
pub enum Message {
    Wizard(wizard::Message),
    Home(account_home::Message),
    Mail(mailbox::Message),
    SystemTheme(Mode),
    /// Tab or Shift+Tab pressed outside any widget that used it.
    Tab {
        backwards: bool,
    },
    /// A zoom key on a screen other than the main window (which has its own).
    Zoom(scale::Step),
    /// The desktop's text scaling factor, read at start-up.
    SystemScale(f32),
    /// A zoom key's size was remembered in the config, or why not (logged: the wizard has
    /// no status bar).
    ZoomSaved(Result<(), String>),
}

pub struct App {
    pub screen: Screen,
    paths: Option<Paths>,
    accounts: Vec<Account>,
    /// The desktop's light or dark preference.
    mode: Mode,
    /// The theme chosen in the settings; `System` follows `mode`.
    theme: crate::mail::config::Theme,
    /// Go to the main window when an account is ready (the real app; off in tests of
    /// the shell, which check the account home).
    pub open_mailbox: bool,
    /// A `mailto:` link to open in the composer as soon as the main window shows.
    pub pending_mailto: Option<crate::mail::mailto::Mailto>,
    /// The main window, kept while the wizard adds another account from it.
    parked: Option<Box<mailbox::MainWindow>>,
    /// The text size; the main window keeps a copy in step (see `update`).
    zoom: scale::Zoom,
}

/// What `run` found on disk, handed to the (pure) app.
pub enum Startup {
    Ready {
        paths: Paths,
        accounts: Vec<Account>,
    },
    Failed {
        message: String,
        hint: String,
    },
}

impl App {
    pub fn new(startup: Startup) -> App {
        match startup {
            Startup::Ready { paths, accounts } => {
                let screen = if accounts.is_empty() {
                    Screen::Wizard(Box::new(Wizard::new(paths.clone())))
                } else {
                    Screen::Home(Home::new(paths.clone(), accounts.clone()))
                };
                // The choice in the config applies from the first frame; a config that
                // cannot be read was reported already by `startup`.
                let settings = crate::mail::config::Config::load(&paths)
                    .map(|c| c.settings)
                    .unwrap_or_default();
                let (theme, chosen) = (settings.theme, settings.text_scale_percent);
                App {
                    screen,
                    paths: Some(paths),
                    accounts,
                    mode: Mode::None,
                    theme,
                    open_mailbox: false,
                    pending_mailto: None,
                    parked: None,
                    zoom: scale::Zoom::with_chosen(chosen),
                }
            }
            Startup::Failed { message, hint } => App {
                screen: Screen::Error { message, hint },
                paths: None,
                accounts: Vec::new(),
                mode: Mode::None,
                theme: Default::default(),
                open_mailbox: false,
                pending_mailto: None,
                parked: None,
                zoom: scale::Zoom::default(),
            },
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let from_window = matches!(message, Message::Mail(_));
        let task = self.dispatch(message);
        // The main window keeps its own zoom (it also runs alone, as the demo): whichever
        // side the message went to has the newer size.
        if let Screen::Mail(window) = &mut self.screen {
            if from_window {
                self.zoom = window.zoom;
            } else {
                window.zoom = self.zoom;
            }
        }
        task
    }

    /// What iced scales the window by: the text size in force.
    pub fn scale_factor(&self) -> f32 {
        match &self.screen {
            Screen::Mail(window) => window.scale_factor(),
            _ => self.zoom.factor(),
        }
    }

    fn dispatch(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Wizard(message) => {
                let Screen::Wizard(wizard) = &mut self.screen else {
                    return Task::none();
                };
                let (task, event) = wizard.update(message);
                let Some(paths) = &self.paths else {
                    return task.map(Message::Wizard);
                };
                match event {
                    Some(wizard::Event::Saved(account)) => {
                        self.accounts.retain(|a| a.id() != account.id());
                        self.accounts.push((*account).clone());
                        if let Some(window) = self.parked.take() {
                            return Task::batch([
                                task.map(Message::Wizard),
                                self.back_to_mailbox(window, Some(*account)),
                            ]);
                        }
                        self.screen = Screen::Home(Home::new(paths.clone(), self.accounts.clone()));
                        if self.open_mailbox {
                            self.show_mailbox();
                        }
                    }
                    Some(wizard::Event::Closed) => {
                        if let Some(window) = self.parked.take() {
                            return Task::batch([
                                task.map(Message::Wizard),
                                self.back_to_mailbox(window, None),
                            ]);
                        }
                        self.screen = Screen::Home(Home::new(paths.clone(), self.accounts.clone()));
                        if self.open_mailbox {
                            self.show_mailbox();
                        }
                    }
                    None => {}
                }
                task.map(Message::Wizard)
            }
            Message::Home(message) => {
                let Screen::Home(home) = &mut self.screen else {
                    return Task::none();
                };
                let (task, event) = home.update(message);
                if let (Some(account_home::Event::AddAccount), Some(paths)) = (event, &self.paths) {
                    let mut wizard = Wizard::new(paths.clone());
                    wizard.closable = true;
                    self.screen = Screen::Wizard(Box::new(wizard));
                    return Wizard::focus_first();
                }
                task.map(Message::Home)
            }
            Message::Mail(mailbox::Message::AddAccount) => {
                let Some(paths) = &self.paths else {
                    return Task::none();
                };
                let mut wizard = Wizard::new(paths.clone());
                // From the main window the wizard can be closed to go back to it.
                let placeholder = Screen::Error {
                    message: String::new(),
                    hint: String::new(),
                };
                let screen = std::mem::replace(&mut self.screen, placeholder);
                if let Screen::Mail(window) = screen {
                    wizard.closable = true;
                    self.parked = Some(window);
                }
                self.screen = Screen::Wizard(Box::new(wizard));
                Wizard::focus_first()
            }
            Message::Mail(message) => {
                let Screen::Mail(window) = &mut self.screen else {
                    return self.update_parked(message);
                };
                let settings = matches!(
                    message,
                    mailbox::Message::Settings(_) | mailbox::Message::AccountRemoved { .. }
                );
                let task = window.update(message).map(Message::Mail);
                // Saved settings apply at once, and stay when the screen changes.
                self.theme = window.theme;
                if settings {
                    // An account may have been edited or removed there.
                    self.accounts = window.accounts.iter().map(|m| m.account.clone()).collect();
                    if self.accounts.is_empty() {
                        // The last one went: set up a new one, as on a first run.
                        if let Some(paths) = &self.paths {
                            self.screen = Screen::Wizard(Box::new(Wizard::new(paths.clone())));
                            return Task::batch([task, Wizard::focus_first()]);
                        }
                    }
                }
                task
            }
            Message::SystemTheme(mode) => {
                self.mode = mode;
                Task::none()
            }
            Message::Zoom(step) => {
                // The main window zooms by its own keys.
                if matches!(self.screen, Screen::Mail(_)) || !self.zoom.step(step) {
                    return Task::none();
                }
                match &self.paths {
                    Some(paths) => {
                        scale::save_task(paths.clone(), self.zoom.chosen, Message::ZoomSaved)
                    }
                    None => Task::none(),
                }
            }
            Message::SystemScale(factor) => {
                self.zoom.system = factor;
                if let Screen::Mail(window) = &mut self.screen {
                    let _ = window.update(mailbox::Message::SystemScale(factor));
                }
                Task::none()
            }
            Message::ZoomSaved(result) => {
                if let Err(error) = result {
                    tracing::warn!("could not remember the text size: {error}");
                }
                Task::none()
            }
            Message::Tab { backwards } => {
                if backwards {
                    iced::widget::operation::focus_previous()
                } else {
                    iced::widget::operation::focus_next()
                }
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match &self.screen {
            Screen::Wizard(wizard) => wizard.view().map(Message::Wizard),
            Screen::Home(home) => home.view().map(Message::Home),
            Screen::Mail(window) => window.view().map(Message::Mail),
            Screen::Error { message, hint } => container(
                column![
                    text(crate::fl!("app-error-title")).size(theme::TITLE_SIZE),
                    text(message.clone()).style(theme::error),
                    text(hint.clone()).style(theme::muted),
                ]
                .spacing(theme::GAP)
                .max_width(theme::FORM_WIDTH),
            )
            .center(Length::Fill)
            .padding(32)
            .into(),
        }
    }

    pub fn theme(&self) -> Theme {
        theme::for_setting(self.theme, self.mode)
    }

    pub fn title(&self) -> String {
        match &self.screen {
            Screen::Mail(window) => window.title(),
            _ => crate::fl!("app-name"),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mail = match &self.screen {
            Screen::Mail(window) => window.subscription().map(Message::Mail),
            _ => Subscription::none(),
        };
        let zoom = match &self.screen {
            Screen::Mail(_) => Subscription::none(),
            _ => iced::event::listen_with(zoom_key),
        };
        Subscription::batch([
            iced::system::theme_changes().map(Message::SystemTheme),
            iced::event::listen_with(tab_key),
            mail,
            zoom,
        ])
    }

    /// From the account home to the main window on every account's store. An account
    /// whose store cannot be opened is left out (logged); when none opens, the home
    /// stays (it says where the mail lives).
    pub fn show_mailbox(&mut self) {
        let (Screen::Home(_), Some(paths)) = (&self.screen, &self.paths) else {
            return;
        };
        let mut opened = Vec::new();
        for account in &self.accounts {
            match crate::mail::store::MailStore::open_for(paths, &account.id(), account.protocol) {
                Ok(store) => opened.push((account.clone(), store)),
                Err(error) => {
                    tracing::warn!(account = %account.id().0, "cannot open the mail store: {error}")
                }
            }
        }
        if opened.is_empty() {
            return;
        }
        let mut window = mailbox::MainWindow::with_accounts(opened, false);
        if let Ok(config) = crate::mail::config::Config::load(paths) {
            window.mark_read_delay =
                std::time::Duration::from_secs(config.settings.mark_read_delay_secs.into());
            window.notify.enabled = config.settings.notifications;
            self.theme = config.settings.theme;
            self.zoom.chosen = config.settings.text_scale_percent;
        }
        window.theme = self.theme;
        window.zoom = self.zoom;
        window.layout = mailbox::layout::State::restore(paths);
        window.paths = Some(paths.clone());
        if let Some(link) = self.pending_mailto.take() {
            window.composer = Some(mailbox::composer::State::from_mailto(&link));
        }
        self.screen = Screen::Mail(Box::new(window));
    }

    /// A message for the main window while the wizard is over it: the answers of tasks
    /// the window started (an account's removal from the config, a save) are still its,
    /// and dropping them would leave it showing what is no longer so.
    fn update_parked(&mut self, message: mailbox::Message) -> Task<Message> {
        let Some(window) = &mut self.parked else {
            return Task::none();
        };
        let task = window.update(message).map(Message::Mail);
        self.accounts = window.accounts.iter().map(|m| m.account.clone()).collect();
        if self.accounts.is_empty() {
            // No window to go back to: the wizard is now a first run's.
            self.parked = None;
            if let Screen::Wizard(wizard) = &mut self.screen {
                wizard.closable = false;
            }
        }
        task
    }

    /// Back from the wizard to the main window it was opened from, with the account it
    /// set up (if any) added.
    fn back_to_mailbox(
        &mut self,
        mut window: Box<mailbox::MainWindow>,
        added: Option<Account>,
    ) -> Task<Message> {
        let mut task = Task::none();
        if let (Some(account), Some(paths)) = (added, &self.paths) {
            match crate::mail::store::MailStore::open_for(paths, &account.id(), account.protocol) {
                Ok(store) => task = window.add_account(account, store).map(Message::Mail),
                Err(error) => {
                    window.status.note = Some(error.user_message());
                }
            }
        }
        self.screen = Screen::Mail(window);
        task
    }
}

fn tab_key(
    event: iced::Event,
    status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    match (event, status) {
        (
            iced::Event::Keyboard(keyboard::Event::KeyPressed {
                key: Key::Named(Named::Tab),
                modifiers,
                ..
            }),
            iced::event::Status::Ignored,
        ) => Some(Message::Tab {
            backwards: modifiers.shift(),
        }),
        _ => None,
    }
}

/// The zoom keys, even when a field took them: they work on every screen.
fn zoom_key(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    mailbox::keys::zoom_key(&event)
        .and_then(scale::Step::for_action)
        .map(Message::Zoom)
}

/// Reads what the app needs from disk. A corrupt config is reported, never rewritten.
pub fn startup() -> Startup {
    match Paths::from_env() {
        Ok(paths) => match engine::load_accounts(&paths) {
            Ok(accounts) => Startup::Ready { paths, accounts },
            Err(failure) => Startup::Failed {
                message: failure.message,
                hint: failure.hint,
            },
        },
        Err(error) => Startup::Failed {
            message: error.to_string(),
            hint: crate::fl!("app-error-home-hint"),
        },
    }
}

/// Opens the window: the wizard on a first run, else the account home.
pub fn run() -> ExitCode {
    run_with(None)
}

/// Opens the window; with a `mailto:` link, its composer too (after the wizard on a
/// first run).
pub fn run_with(mailto: Option<crate::mail::mailto::Mailto>) -> ExitCode {
    let window = iced::window::Settings {
        min_size: Some(iced::Size::new(480.0, 520.0)),
        ..window_settings()
    };
    let boot = move || {
        let mut app = App::new(startup());
        app.open_mailbox = true;
        app.pending_mailto = mailto.clone();
        app.show_mailbox();
        let focus = match app.screen {
            Screen::Wizard(_) => Wizard::focus_first(),
            _ => Task::none(),
        };
        (
            app,
            Task::batch([
                iced::system::theme().map(Message::SystemTheme),
                Task::perform(scale::system_factor(), Message::SystemScale),
                focus,
            ]),
        )
    };
    // The size the window was left at, kept with the pane sizes.
    let size = Paths::from_env()
        .ok()
        .and_then(|paths| {
            mailbox::layout::Saved::load(&mailbox::layout::Saved::path(&paths)).window_size()
        })
        .unwrap_or(iced::Size::new(1200.0, 820.0));
    let result = iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .scale_factor(App::scale_factor)
        .window(window)
        .window_size(size)
        .run();
    exit_code(result)
}

/// Runs blocking work (a file written, the config updated) on tokio's blocking threads:
/// `update` must never wait on the disk.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|error| Err(error.to_string()))
}

/// [`blocking`] as a task whose result comes back as a message.
pub(crate) fn off_thread<T: Send + 'static, M: Send + 'static>(
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
    done: impl FnOnce(Result<T, String>) -> M + Send + 'static,
) -> Task<M> {
    Task::perform(blocking(work), done)
}

/// What every Pillarbox window shares: on Linux the app id, by which the desktop finds
/// its icon and groups its windows.
pub(crate) fn window_settings() -> iced::window::Settings {
    iced::window::Settings {
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: crate::APP_ID.to_string(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// How a window's run ended, for the process: a failure to open it is said on stderr.
pub(crate) fn exit_code(result: iced::Result) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}",
                crate::fl!("app-error-window", error = error.to_string())
            );
            ExitCode::FAILURE
        }
    }
}
