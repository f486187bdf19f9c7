//! The first part of the wizard: address, password and the name shown to recipients.

use iced::widget::{column, text, text_input, Column};
use iced::{Element, Task};

use crate::mail::account::is_valid_email;
use crate::mail::secret::Password;
use crate::ui::theme;

pub const EMAIL_ID: &str = "wizard-email";
pub const PASSWORD_ID: &str = "wizard-password";
pub const NAME_ID: &str = "wizard-name";

#[derive(Debug, Default)]
pub struct State {
    pub email: String,
    pub password: Password,
    pub display_name: String,
    pub email_error: Option<String>,
    pub password_error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Email(String),
    Password(String),
    DisplayName(String),
}

/// What the wizard must react to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The address changed: look up its provider again.
    EmailChanged(String),
}

impl State {
    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Email(email) => {
                self.email = email;
                self.email_error = None;
                (Task::none(), Some(Event::EmailChanged(self.email.clone())))
            }
            Message::Password(password) => {
                self.password = Password::new(password);
                self.password_error = None;
                (Task::none(), None)
            }
            Message::DisplayName(name) => {
                self.display_name = name;
                (Task::none(), None)
            }
        }
    }

    /// Sets the field errors; true when the fields are fit to check.
    pub fn validate(&mut self) -> bool {
        self.email_error = if self.email.trim().is_empty() {
            Some(crate::fl!("wizard-error-email-empty"))
        } else if !is_valid_email(&self.email) {
            Some(crate::fl!("wizard-error-email-invalid"))
        } else {
            None
        };
        self.password_error = self
            .password
            .is_empty()
            .then(|| crate::fl!("wizard-error-password-empty"));
        self.email_error.is_none() && self.password_error.is_none()
    }

    /// `submit` is the message Enter sends; `None` while the form is locked (checking).
    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        map: impl Fn(Message) -> M + Copy + 'a,
        submit: Option<M>,
    ) -> Element<'a, M> {
        let editable = submit.is_some();
        let email = text_input(&crate::fl!("wizard-email-placeholder"), &self.email)
            .id(EMAIL_ID)
            .on_input_maybe(editable.then_some(move |s| map(Message::Email(s))))
            .on_submit_maybe(submit.clone())
            .padding(10);
        let password = text_input(
            &crate::fl!("wizard-password-placeholder"),
            self.password.expose(),
        )
        .id(PASSWORD_ID)
        .secure(true)
        .on_input_maybe(editable.then_some(move |s| map(Message::Password(s))))
        .on_submit_maybe(submit.clone())
        .padding(10);
        let name = text_input(&crate::fl!("wizard-name-placeholder"), &self.display_name)
            .id(NAME_ID)
            .on_input_maybe(editable.then_some(move |s| map(Message::DisplayName(s))))
            .on_submit_maybe(submit)
            .padding(10);
        column![
            field(
                crate::fl!("wizard-email-label"),
                email.into(),
                self.email_error.as_deref(),
                None
            ),
            field(
                crate::fl!("wizard-password-label"),
                password.into(),
                self.password_error.as_deref(),
                Some(crate::fl!("wizard-password-help")),
            ),
            field(
                crate::fl!("wizard-name-label"),
                name.into(),
                None,
                Some(crate::fl!("wizard-name-help"))
            ),
        ]
        .spacing(theme::GAP)
        .into()
    }
}

/// A labelled input with its error (or help) right under it.
pub fn field<'a, M: 'a>(
    label: String,
    input: Element<'a, M>,
    error: Option<&'a str>,
    help: Option<String>,
) -> Element<'a, M> {
    let mut col = Column::new().spacing(4).push(text(label)).push(input);
    if let Some(error) = error {
        col = col.push(text(error).size(theme::HINT_SIZE).style(theme::error));
    } else if let Some(help) = help {
        col = col.push(text(help).size(theme::HINT_SIZE).style(theme::muted));
    }
    col.into()
}
