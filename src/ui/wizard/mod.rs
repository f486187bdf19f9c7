//! The setup wizard: address and password in, a checked and saved account out.
//!
//! `update` never does I/O: the check and the save run in Tasks and come back as messages,
//! each tagged with the check id it belongs to so a stale result is dropped.

pub mod advanced;
pub mod form;
pub mod progress;

use iced::task::Handle;
use iced::widget::{button, column, container, row, scrollable, text, text_input, Column};
use iced::{Element, Length, Task};

use crate::mail::account::Account;
use crate::mail::paths::Paths;
use crate::mail::tls::Timeouts;
use crate::ui::engine::{self, CheckEvent, SaveError};
use crate::ui::theme;

const SCROLL_ID: &str = "wizard-scroll";

/// Keeps the check's progress and verdict in sight: they appear at the end of the form.
fn reveal_end() -> Task<Message> {
    iced::widget::operation::snap_to_end(SCROLL_ID)
}

/// Where the wizard is in its flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    Editing,
    Checking,
    /// At least one server failed; the user may save anyway or go back.
    Failed,
    Saving,
    /// The OS has no keyring (or the password command given instead failed): the password
    /// must come from a command, typed here.
    NoKeyring(String),
    SaveFailed(String),
    Done,
}

#[derive(Clone, Debug)]
pub enum Message {
    Form(form::Message),
    Advanced(advanced::Message),
    Submit,
    Cancel,
    Check(u64, CheckEvent),
    SaveAnyway,
    BackToEdit,
    Saved(u64, Result<(), SaveError>),
    PasswordCommand(String),
    SaveWithCommand,
    Close,
}

/// What the wizard tells the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Saved(Box<Account>),
    /// The user left the wizard without saving (only offered when an account exists).
    Closed,
}

#[derive(Debug)]
pub struct Wizard {
    paths: Paths,
    timeouts: Timeouts,
    pub form: form::State,
    pub advanced: advanced::State,
    pub phase: Phase,
    pub progress: progress::State,
    /// The id of the one check whose results still count.
    pub check_id: u64,
    /// The account as it was when the current check started: what gets saved.
    pub pending: Option<Account>,
    pub password_command: String,
    /// Whether there is somewhere to go back to (an account already set up).
    pub closable: bool,
    handle: Option<Handle>,
}

impl Wizard {
    pub fn new(paths: Paths) -> Wizard {
        Wizard::with_timeouts(paths, Timeouts::default())
    }

    pub fn with_timeouts(paths: Paths, timeouts: Timeouts) -> Wizard {
        Wizard {
            paths,
            timeouts,
            form: form::State::default(),
            advanced: advanced::State::default(),
            phase: Phase::Editing,
            progress: progress::State::default(),
            check_id: 0,
            pending: None,
            password_command: String::new(),
            closable: false,
            handle: None,
        }
    }

    /// Focus for the first field, for the app to run at start.
    pub fn focus_first<M: Send + 'static>() -> Task<M> {
        iced::widget::operation::focus(form::EMAIL_ID)
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.phase, Phase::Checking | Phase::Saving)
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Form(message) => {
                if self.is_busy() {
                    return (Task::none(), None);
                }
                let (task, event) = self.form.update(message);
                if let Some(form::Event::EmailChanged(email)) = event {
                    self.advanced.suggest(engine::suggest(&email));
                }
                (task.map(Message::Form), None)
            }
            Message::Advanced(message) => {
                if self.is_busy() {
                    return (Task::none(), None);
                }
                let (task, _) = self.advanced.update(message);
                (task.map(Message::Advanced), None)
            }
            Message::Submit => {
                let task = self.start_check();
                (Task::batch([task, reveal_end()]), None)
            }
            Message::Cancel => {
                self.stop_check();
                self.phase = Phase::Editing;
                (Task::none(), None)
            }
            Message::Check(id, event) => {
                if id != self.check_id || self.phase != Phase::Checking {
                    return (Task::none(), None);
                }
                self.progress.apply(event);
                if !self.progress.finished() {
                    return (Task::none(), None);
                }
                self.handle = None;
                if self.progress.all_passed() {
                    (self.start_save(), None)
                } else {
                    self.phase = Phase::Failed;
                    (reveal_end(), None)
                }
            }
            Message::SaveAnyway => match self.phase {
                Phase::Failed | Phase::SaveFailed(_) => (self.start_save(), None),
                _ => (Task::none(), None),
            },
            Message::BackToEdit => {
                if self.phase != Phase::Saving {
                    self.stop_check();
                    self.phase = Phase::Editing;
                }
                (Task::none(), None)
            }
            Message::Saved(id, result) => {
                if id != self.check_id || self.phase != Phase::Saving {
                    return (Task::none(), None);
                }
                match result {
                    Ok(()) => {
                        self.phase = Phase::Done;
                        (
                            Task::none(),
                            self.pending.clone().map(|a| Event::Saved(Box::new(a))),
                        )
                    }
                    Err(SaveError::NoKeyring(message)) => {
                        self.phase = Phase::NoKeyring(message);
                        (reveal_end(), None)
                    }
                    // A failing password command is fixed where it was typed.
                    Err(SaveError::Failed(message))
                        if self
                            .pending
                            .as_ref()
                            .is_some_and(|a| a.password_command.is_some()) =>
                    {
                        self.phase = Phase::NoKeyring(message);
                        (Task::none(), None)
                    }
                    Err(SaveError::Failed(message)) => {
                        self.phase = Phase::SaveFailed(message);
                        (Task::none(), None)
                    }
                }
            }
            Message::Close => {
                if !self.closable || self.phase == Phase::Saving {
                    return (Task::none(), None);
                }
                self.stop_check();
                (Task::none(), Some(Event::Closed))
            }
            Message::PasswordCommand(command) => {
                self.password_command = command;
                (Task::none(), None)
            }
            Message::SaveWithCommand => {
                let command = self.password_command.trim().to_string();
                if !matches!(self.phase, Phase::NoKeyring(_)) || command.is_empty() {
                    return (Task::none(), None);
                }
                if let Some(account) = &mut self.pending {
                    account.password_command = Some(command);
                }
                (self.start_save(), None)
            }
        }
    }

    fn start_check(&mut self) -> Task<Message> {
        if self.is_busy() {
            return Task::none();
        }
        let form_ok = self.form.validate();
        let advanced_ok = self.advanced.validate();
        if !(form_ok && advanced_ok) {
            return Task::none();
        }
        let account = self
            .advanced
            .to_account(&self.form.email, &self.form.display_name);
        self.stop_check();
        self.pending = Some(account.clone());
        self.progress = progress::State::default();
        self.phase = Phase::Checking;
        let id = self.check_id;
        let stream = engine::check(account, self.form.password.clone(), self.timeouts);
        let (task, handle) = Task::run(stream, move |event| Message::Check(id, event)).abortable();
        self.handle = Some(handle);
        task
    }

    /// Forgets any running check: aborts it and moves the id on so late results are ignored.
    fn stop_check(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.abort();
        }
        self.check_id += 1;
    }

    fn start_save(&mut self) -> Task<Message> {
        let Some(account) = self.pending.clone() else {
            return Task::none();
        };
        self.phase = Phase::Saving;
        let id = self.check_id;
        let save = engine::save(self.paths.clone(), account, self.form.password.clone());
        Task::perform(save, move |result| Message::Saved(id, result))
    }

    pub fn view(&self) -> Element<'_, Message> {
        let editable = self.phase == Phase::Editing || self.phase == Phase::Failed;
        let submit = editable.then_some(Message::Submit);
        let mut body = Column::new()
            .spacing(theme::SECTION_GAP)
            .push(
                column![
                    text(crate::fl!("wizard-title")).size(theme::TITLE_SIZE),
                    text(crate::fl!("wizard-intro")).style(theme::muted),
                ]
                .spacing(6),
            )
            .push(self.form.view(Message::Form, submit.clone()));
        if self.advanced.guessed() {
            body = body.push(
                text(crate::fl!("wizard-guessed"))
                    .size(theme::HINT_SIZE)
                    .style(theme::warning),
            );
        }
        body = body
            .push(self.advanced.view(Message::Advanced, submit))
            .push(self.actions());
        if let Some(extra) = self.phase_notice() {
            body = body.push(extra);
        }
        if self.phase != Phase::Editing {
            body = body.push(self.progress.view());
        }
        let card = container(body)
            .padding(28)
            .max_width(theme::FORM_WIDTH + 56.0)
            .style(theme::card);
        scrollable(container(card).center_x(Length::Fill).padding(24))
            .id(SCROLL_ID)
            .height(Length::Fill)
            .into()
    }

    fn actions(&self) -> Element<'_, Message> {
        let primary = |label: String, message: Option<Message>| {
            button(text(label))
                .padding([10, 18])
                .style(button::primary)
                .on_press_maybe(message)
        };
        let secondary = |label: String, message: Message| {
            button(text(label))
                .padding([10, 18])
                .style(button::secondary)
                .on_press(message)
        };
        match &self.phase {
            Phase::Editing if self.closable => row![
                primary(crate::fl!("wizard-check-and-save"), Some(Message::Submit)),
                secondary(crate::fl!("wizard-close"), Message::Close),
            ]
            .spacing(theme::GAP)
            .into(),
            Phase::Editing => {
                primary(crate::fl!("wizard-check-and-save"), Some(Message::Submit)).into()
            }
            Phase::Checking => row![
                text(crate::fl!("wizard-checking")),
                secondary(crate::fl!("wizard-cancel"), Message::Cancel),
            ]
            .spacing(theme::GAP)
            .align_y(iced::Center)
            .into(),
            Phase::Failed | Phase::SaveFailed(_) => row![
                primary(crate::fl!("wizard-check-and-save"), Some(Message::Submit)),
                secondary(crate::fl!("wizard-save-anyway"), Message::SaveAnyway),
                secondary(crate::fl!("wizard-back-to-edit"), Message::BackToEdit),
            ]
            .spacing(theme::GAP)
            .into(),
            Phase::Saving => text(crate::fl!("wizard-saving")).into(),
            Phase::NoKeyring(_) => {
                secondary(crate::fl!("wizard-back-to-edit"), Message::BackToEdit).into()
            }
            Phase::Done => text(crate::fl!("wizard-saved"))
                .style(theme::success)
                .into(),
        }
    }

    fn phase_notice(&self) -> Option<Element<'_, Message>> {
        match &self.phase {
            Phase::Failed => Some(
                text(crate::fl!("wizard-check-failed"))
                    .style(theme::error)
                    .into(),
            ),
            Phase::SaveFailed(message) => Some(text(message.clone()).style(theme::error).into()),
            Phase::NoKeyring(message) => {
                let command = text_input(
                    &crate::fl!("wizard-password-command-placeholder"),
                    &self.password_command,
                )
                .on_input(Message::PasswordCommand)
                .on_submit(Message::SaveWithCommand)
                .padding(10);
                let save = button(text(crate::fl!("wizard-save-with-command")))
                    .padding([10, 18])
                    .style(button::primary)
                    .on_press_maybe(
                        (!self.password_command.trim().is_empty())
                            .then_some(Message::SaveWithCommand),
                    );
                Some(
                    column![
                        text(message.clone()).style(theme::warning),
                        form::field(
                            crate::fl!("wizard-password-command-label"),
                            command.into(),
                            None,
                            Some(crate::fl!("wizard-password-command-help")),
                        ),
                        save,
                    ]
                    .spacing(theme::GAP)
                    .into(),
                )
            }
            _ => None,
        }
    }
}
