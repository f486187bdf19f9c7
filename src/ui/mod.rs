//! The iced desktop app: the setup wizard for a first run, then the account's home.

pub mod account_home;
pub mod engine;
pub mod mailbox;
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
    /// The main window on the first account's local store.
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
}

pub struct App {
    pub screen: Screen,
    paths: Option<Paths>,
    accounts: Vec<Account>,
    mode: Mode,
    /// Go to the main window when an account is ready (the real app; off in tests of
    /// the shell, which check the account home).
    pub open_mailbox: bool,
    /// A `mailto:` link to open in the composer as soon as the main window shows.
    pub pending_mailto: Option<crate::mail::mailto::Mailto>,
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
                App {
                    screen,
                    paths: Some(paths),
                    accounts,
                    mode: Mode::None,
                    open_mailbox: false,
                    pending_mailto: None,
                }
            }
            Startup::Failed { message, hint } => App {
                screen: Screen::Error { message, hint },
                paths: None,
                accounts: Vec::new(),
                mode: Mode::None,
                open_mailbox: false,
                pending_mailto: None,
            },
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
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
                        self.accounts.push(*account);
                        self.screen = Screen::Home(Home::new(paths.clone(), self.accounts.clone()));
                        if self.open_mailbox {
                            self.show_mailbox();
                        }
                    }
                    Some(wizard::Event::Closed) => {
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
                if let Some(paths) = &self.paths {
                    self.screen = Screen::Wizard(Box::new(Wizard::new(paths.clone())));
                    return Wizard::focus_first();
                }
                Task::none()
            }
            Message::Mail(message) => {
                let Screen::Mail(window) = &mut self.screen else {
                    return Task::none();
                };
                window.update(message).map(Message::Mail)
            }
            Message::SystemTheme(mode) => {
                self.mode = mode;
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
        theme::for_mode(self.mode)
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
        Subscription::batch([
            iced::system::theme_changes().map(Message::SystemTheme),
            iced::event::listen_with(tab_key),
            mail,
        ])
    }

    /// From the account home to the main window on the first account's store; stays on
    /// the home when the store cannot be opened (it says where the mail lives).
    pub fn show_mailbox(&mut self) {
        let (Screen::Home(_), Some(paths), Some(account)) =
            (&self.screen, &self.paths, self.accounts.first())
        else {
            return;
        };
        match crate::mail::store::MailStore::open_for(paths, &account.id(), account.protocol) {
            Ok(store) => {
                let mut window = mailbox::MainWindow::new(account.clone(), store, false);
                if let Ok(config) = crate::mail::config::Config::load(paths) {
                    window.mark_read_delay =
                        std::time::Duration::from_secs(config.settings.mark_read_delay_secs.into());
                }
                window.paths = Some(paths.clone());
                if let Some(link) = self.pending_mailto.take() {
                    window.composer = Some(mailbox::composer::State::from_mailto(&link));
                }
                self.screen = Screen::Mail(Box::new(window));
            }
            Err(error) => tracing::warn!("cannot open the mail store: {error}"),
        }
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
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: crate::APP_ID.to_string(),
            ..Default::default()
        },
        ..Default::default()
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
            Task::batch([iced::system::theme().map(Message::SystemTheme), focus]),
        )
    };
    let result = iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .window(window)
        .window_size(iced::Size::new(1200.0, 820.0))
        .run();
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
