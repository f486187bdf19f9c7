//! Settings: the accounts (add with the wizard, pick one to edit, remove after a
//! confirmation), the edited account's name, check interval and POP3 leave-on-server,
//! and the app's theme, language, text size and notifications. Saved with `Config::update`
//! (locked read-modify-write), so a CLI change made meanwhile is kept, by a task: the
//! window applies the result when it comes back.

use iced::widget::{button, checkbox, column, container, pick_list, row, text, text_input};
use iced::{Element, Length, Task};

use crate::mail::account::{Account, AccountId, Protocol};
use crate::mail::config::{Config, Settings, Theme};
use crate::mail::paths::Paths;

/// Writes the account and the app's settings into the config (locked read-modify-write,
/// so a CLI change made meanwhile is kept) on a blocking thread.
fn write_task(paths: Paths, account: Account, settings: Settings) -> Task<Message> {
    let write = move || {
        let id = account.id();
        let (to_save, new_settings) = (account.clone(), settings.clone());
        Config::update(&paths, move |config| {
            config.settings = new_settings;
            if let Some(slot) = config.account_mut(&id) {
                *slot = to_save;
            }
            Ok(())
        })
        .map_err(|e| e.user_message())?;
        Ok((Box::new(account), settings))
    };
    crate::ui::off_thread(write, Message::Written)
}

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

/// A text size: the system's (showing what that is now) or a percentage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSizeChoice {
    pub percent: Option<u16>,
    pub system: u16,
}

impl std::fmt::Display for TextSizeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.percent {
            None => crate::fl!("settings-text-size-system", percent = self.system),
            Some(percent) => crate::fl!("settings-text-size-percent", percent = percent),
        })
    }
}

/// A removal waiting for the user's yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub account: usize,
    /// Also delete the downloaded mail (kept by default: re-adding the account finds it).
    pub delete_mail: bool,
    /// Where that mail is, to say so.
    pub location: String,
}

#[derive(Debug)]
pub struct State {
    /// Every account of the window (id and label, in its order) and the one the form edits.
    pub accounts: Vec<(AccountId, String)>,
    pub editing: usize,
    pub removal: Option<Removal>,
    pub settings: Settings,
    pub display_name: String,
    pub interval: String,
    pub leave_on_server: bool,
    pub protocol: Protocol,
    pub error: Option<String>,
    /// The desktop's text size in percent, to name the "System" choice.
    pub system_text_percent: u16,
}

#[derive(Clone, Debug)]
pub enum Message {
    DisplayName(String),
    Interval(String),
    LeaveOnServer(bool),
    Theme(ThemeChoice),
    Language(LanguageChoice),
    Notifications(bool),
    TextSize(TextSizeChoice),
    Edit(usize),
    Remove(usize),
    DeleteMail(bool),
    ConfirmRemove,
    CancelRemove,
    AddAccount,
    Save,
    /// The config was written (the new account and settings), or why not. The window
    /// handles it, whether or not the form is still open.
    Written(Result<(Box<Account>, Settings), String>),
    Close,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Edit another account (the window opens the form on it).
    Edit(usize),
    /// Confirmed: remove this account.
    Remove {
        account: usize,
        delete_mail: bool,
    },
    AddAccount,
    Closed,
}

impl State {
    /// The form on `account`, the `editing`th of `accounts` (labels).
    pub fn new(
        account: &Account,
        settings: Settings,
        accounts: Vec<(AccountId, String)>,
        editing: usize,
    ) -> State {
        State {
            accounts,
            editing,
            removal: None,
            settings,
            display_name: account.display_name.clone(),
            interval: account.check_interval_minutes.to_string(),
            leave_on_server: account.pop3.leave_on_server,
            protocol: account.protocol,
            error: None,
            system_text_percent: 100,
        }
    }

    /// The form applied to `account`, or why it cannot be (a bad interval).
    pub fn applied(&self, account: &Account) -> Result<(Account, Settings), String> {
        let minutes: u32 = match self.interval.trim().parse() {
            Ok(m) if (1..=1440).contains(&m) => m,
            _ => return Err(crate::fl!("settings-bad-interval")),
        };
        let mut updated = account.clone();
        updated.display_name = self.display_name.trim().to_string();
        updated.check_interval_minutes = minutes;
        updated.pop3.leave_on_server = self.leave_on_server;
        Ok((updated, self.settings.clone()))
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
            Message::TextSize(choice) => self.settings.text_scale_percent = choice.percent,
            Message::Close => return (Task::none(), Some(Event::Closed)),
            Message::Edit(account) => return (Task::none(), Some(Event::Edit(account))),
            Message::AddAccount => return (Task::none(), Some(Event::AddAccount)),
            Message::Remove(account) => {
                let location = match (paths, self.accounts.get(account)) {
                    (Some(paths), Some((id, _))) => paths.mail_root(id).display().to_string(),
                    _ => String::new(),
                };
                self.removal = Some(Removal {
                    account,
                    delete_mail: false,
                    location,
                });
            }
            Message::DeleteMail(on) => {
                if let Some(removal) = &mut self.removal {
                    removal.delete_mail = on;
                }
            }
            Message::CancelRemove => self.removal = None,
            Message::ConfirmRemove => {
                if let Some(removal) = self.removal.take() {
                    let event = Event::Remove {
                        account: removal.account,
                        delete_mail: removal.delete_mail,
                    };
                    return (Task::none(), Some(event));
                }
            }
            Message::Save => {
                let Some(paths) = paths else {
                    self.error = Some(crate::fl!("settings-no-home"));
                    return (Task::none(), None);
                };
                match self.applied(account) {
                    Ok((account, settings)) => {
                        return (write_task(paths.clone(), account, settings), None);
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            Message::Written(_) => {}
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
            self.accounts_view(),
            text(crate::fl!(
                "settings-editing",
                account = self
                    .accounts
                    .get(self.editing)
                    .map(|(_, label)| label.clone())
                    .unwrap_or_default()
            ))
            .size(15),
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
                row![
                    label(crate::fl!("settings-text-size")),
                    pick_list(
                        self.text_sizes(),
                        Some(self.text_size(self.settings.text_scale_percent)),
                        Message::TextSize
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
        container(iced::widget::scrollable(form.padding(16).max_width(640)))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }

    fn text_size(&self, percent: Option<u16>) -> TextSizeChoice {
        TextSizeChoice {
            percent,
            system: self.system_text_percent,
        }
    }

    /// "System", the zoom keys' steps, and a size set by hand in the file if it is none
    /// of those (so the list can show it).
    fn text_sizes(&self) -> Vec<TextSizeChoice> {
        let mut sizes: Vec<Option<u16>> =
            crate::ui::scale::STEPS.iter().map(|&p| Some(p)).collect();
        if !sizes.contains(&self.settings.text_scale_percent) {
            sizes.push(self.settings.text_scale_percent);
            sizes.sort();
        }
        if !sizes.contains(&None) {
            sizes.insert(0, None);
        }
        sizes.into_iter().map(|p| self.text_size(p)).collect()
    }

    /// Each account with Edit and Remove; a removal asks first, and offers to delete
    /// the downloaded mail, saying where it is.
    fn accounts_view(&self) -> Element<'_, Message> {
        let mut list = column![text(crate::fl!("settings-accounts")).size(15)].spacing(6);
        for (index, (_, label)) in self.accounts.iter().enumerate() {
            let edit = button(text(crate::fl!("settings-account-edit")).size(13))
                .style(button::text)
                .on_press_maybe((index != self.editing).then_some(Message::Edit(index)));
            let remove = button(text(crate::fl!("settings-account-remove")).size(13))
                .style(button::danger)
                .on_press(Message::Remove(index));
            list = list.push(
                row![
                    text(label.clone()).size(13).width(Length::Fill),
                    edit,
                    remove
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
            if let Some(removal) = self.removal.as_ref().filter(|r| r.account == index) {
                list = list.push(
                    container(
                        column![
                            text(crate::fl!(
                                "settings-remove-confirm",
                                account = label.clone()
                            )),
                            text(crate::fl!(
                                "settings-remove-kept",
                                path = removal.location.clone()
                            ))
                            .size(13)
                            .style(super::muted),
                            checkbox(removal.delete_mail)
                                .label(crate::fl!("settings-remove-delete-mail"))
                                .on_toggle(Message::DeleteMail),
                            row![
                                button(text(crate::fl!("settings-remove-yes")))
                                    .style(button::danger)
                                    .on_press(Message::ConfirmRemove),
                                button(text(crate::fl!("settings-remove-no")))
                                    .style(button::secondary)
                                    .on_press(Message::CancelRemove),
                            ]
                            .spacing(8),
                        ]
                        .spacing(8),
                    )
                    .padding(10)
                    .style(container::bordered_box),
                );
            }
        }
        list.push(
            button(text(crate::fl!("mailbox-add-account")).size(13))
                .style(button::secondary)
                .on_press(Message::AddAccount),
        )
        .into()
    }
}
