//! Settings: the account's name, check interval and POP3 leave-on-server, and the app's
//! theme, language and notifications. Saved with `Config::update` (locked read-modify-
//! write), so a CLI change made meanwhile is kept.

use iced::widget::{button, checkbox, column, container, pick_list, row, text, text_input};
use iced::{Element, Length, Task};

use crate::mail::account::{Account, Protocol};
use crate::mail::config::{Config, Settings, Theme};
use crate::mail::paths::Paths;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageChoice(pub Option<String>);

impl std::fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.as_deref() {
            None => f.write_str(&crate::fl!("settings-language-system")),
            // Each language by its own name, so a reader of it can find it in any language.
            Some("cy") => f.write_str("Cymraeg"),
            Some("fr") => f.write_str("Français"),
            Some("de") => f.write_str("Deutsch"),
            Some(_) => f.write_str("English (UK)"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThemeChoice(pub Theme);

impl std::fmt::Display for ThemeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Theme::System => crate::fl!("settings-theme-system"),
            Theme::Light => crate::fl!("settings-theme-light"),
            Theme::Dark => crate::fl!("settings-theme-dark"),
        })
    }
}

#[derive(Debug)]
pub struct State {
    pub settings: Settings,
    pub display_name: String,
    pub interval: String,
    pub leave_on_server: bool,
    pub protocol: Protocol,
    pub error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    DisplayName(String),
    Interval(String),
    LeaveOnServer(bool),
    Theme(ThemeChoice),
    Language(LanguageChoice),
    Notifications(bool),
    Save,
    Close,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Saved: the new account and settings.
    Saved(Box<Account>, Settings),
    Closed,
}

impl State {
    pub fn new(account: &Account, settings: Settings) -> State {
        State {
            settings,
            display_name: account.display_name.clone(),
            interval: account.check_interval_minutes.to_string(),
            leave_on_server: account.pop3.leave_on_server,
            protocol: account.protocol,
            error: None,
        }
    }

    /// Applies the form to `account` and the config file. Pure but for the file.
    pub fn save(&self, paths: &Paths, account: &Account) -> Result<(Account, Settings), String> {
        let minutes: u32 = match self.interval.trim().parse() {
            Ok(m) if (1..=1440).contains(&m) => m,
            _ => return Err(crate::fl!("settings-bad-interval")),
        };
        let mut updated = account.clone();
        updated.display_name = self.display_name.trim().to_string();
        updated.check_interval_minutes = minutes;
        updated.pop3.leave_on_server = self.leave_on_server;
        let settings = self.settings.clone();
        let id = account.id();
        let (to_save, new_settings) = (updated.clone(), settings.clone());
        Config::update(paths, move |config| {
            config.settings = new_settings;
            if let Some(slot) = config.account_mut(&id) {
                *slot = to_save;
            }
            Ok(())
        })
        .map_err(|e| e.user_message())?;
        Ok((updated, settings))
    }

    pub fn update(
        &mut self,
        message: Message,
        paths: Option<&Paths>,
        account: &Account,
    ) -> (Task<Message>, Option<Event>) {
        self.error = None;
        match message {
            Message::DisplayName(v) => self.display_name = v,
            Message::Interval(v) => self.interval = v,
            Message::LeaveOnServer(v) => self.leave_on_server = v,
            Message::Theme(choice) => self.settings.theme = choice.0,
            Message::Language(choice) => self.settings.language = choice.0,
            Message::Notifications(v) => self.settings.notifications = v,
            Message::Close => return (Task::none(), Some(Event::Closed)),
            Message::Save => {
                let Some(paths) = paths else {
                    self.error = Some(crate::fl!("settings-no-home"));
                    return (Task::none(), None);
                };
                match self.save(paths, account) {
                    Ok((account, settings)) => {
                        return (
                            Task::none(),
                            Some(Event::Saved(Box::new(account), settings)),
                        )
                    }
                    Err(error) => self.error = Some(error),
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let label = |s: String| text(s).size(13).width(180);
        let themes = [Theme::System, Theme::Light, Theme::Dark].map(ThemeChoice);
        let languages = [
            LanguageChoice(None),
            LanguageChoice(Some("en-GB".into())),
            LanguageChoice(Some("cy".into())),
            LanguageChoice(Some("fr".into())),
            LanguageChoice(Some("de".into())),
        ];
        let mut form = column![
            text(crate::fl!("settings-title")).size(20),
            row![
                label(crate::fl!("settings-display-name")),
                text_input("", &self.display_name)
                    .on_input(Message::DisplayName)
                    .padding(6),
            ]
            .spacing(8),
            row![
                label(crate::fl!("settings-interval")),
                text_input("5", &self.interval)
                    .on_input(Message::Interval)
                    .padding(6)
                    .width(80),
            ]
            .spacing(8),
        ]
        .spacing(12);
        if self.protocol == Protocol::Pop3 {
            form = form.push(
                checkbox(self.leave_on_server)
                    .label(crate::fl!("settings-leave-on-server"))
                    .on_toggle(Message::LeaveOnServer),
            );
        }
        form = form
            .push(
                row![
                    label(crate::fl!("settings-theme")),
                    pick_list(
                        themes,
                        Some(ThemeChoice(self.settings.theme)),
                        Message::Theme
                    ),
                ]
                .spacing(8),
            )
            .push(
                row![
                    label(crate::fl!("settings-language")),
                    pick_list(
                        languages,
                        Some(LanguageChoice(self.settings.language.clone())),
                        Message::Language
                    ),
                ]
                .spacing(8),
            )
            .push(
                checkbox(self.settings.notifications)
                    .label(crate::fl!("settings-notifications"))
                    .on_toggle(Message::Notifications),
            )
            .push(
                row![
                    button(text(crate::fl!("settings-save"))).on_press(Message::Save),
                    button(text(crate::fl!("settings-close")))
                        .style(button::secondary)
                        .on_press(Message::Close),
                ]
                .spacing(8),
            );
        if let Some(error) = &self.error {
            form = form.push(text(error.clone()).style(super::danger));
        }
        container(form.padding(16).max_width(640))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}
