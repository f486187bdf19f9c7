//! The composer: To/Cc/Bcc with address completion from the index, subject, body,
//! attachments; new, reply, reply-all and forward (pre-filled and quoted); save as draft
//! or send to the outbox. Closing with unsaved text asks first. Files are attached by
//! path, through a native picker ("Attach…") or by dropping them on the window.

use std::path::{Path, PathBuf};

use iced::widget::{
    button, column, container, row, space, text, text_editor, text_input, Column, Row,
};
use iced::{Element, Length, Task};

use super::keys::{self, tip, Action};
use crate::mail::account::Account;
use crate::mail::store::EnvelopeRow;

/// The body's widget id (tests click it to type there).
pub const BODY_ID: &str = "composer-body";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    To,
    Cc,
    Bcc,
}

/// A file to attach, as checked when it was added (it is read again on send).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attached {
    pub path: PathBuf,
    pub name: String,
    pub size: u64,
}

#[derive(Debug)]
pub struct State {
    pub to: String,
    pub cc: String,
    pub bcc: String,
    pub subject: String,
    pub body: text_editor::Content,
    pub attachments: Vec<Attached>,
    pub attach_path: String,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// Edited since the last save or send.
    pub dirty: bool,
    pub confirm_close: bool,
    /// Suggestions for the address being typed, and the field they are for.
    pub completions: Vec<String>,
    completing: Option<Field>,
    pub error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Address(Field, String),
    Subject(String),
    Body(text_editor::Action),
    AttachPath(String),
    Attach,
    /// Opens the native file picker.
    Browse,
    /// Files chosen in the picker (none when it was cancelled).
    Picked(Vec<PathBuf>),
    /// A file dropped on the window.
    Dropped(PathBuf),
    RemoveAttachment(usize),
    Complete(String),
    SaveDraft,
    Send,
    Close,
    Discard,
    KeepEditing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Look up addresses starting with this (the parent answers with `completions`).
    Lookup(String),
    SaveDraft(Vec<u8>),
    Send(Vec<u8>),
    Closed,
}

impl State {
    pub fn new() -> State {
        State {
            to: String::new(),
            cc: String::new(),
            bcc: String::new(),
            subject: String::new(),
            body: text_editor::Content::new(),
            attachments: Vec::new(),
            attach_path: String::new(),
            in_reply_to: None,
            references: Vec::new(),
            dirty: false,
            confirm_close: false,
            completions: Vec::new(),
            completing: None,
            error: None,
        }
    }

    /// A reply (or reply to all) to `row`, whose text is `original`, quoted.
    pub fn reply(account: &Account, row: &EnvelopeRow, original: &str, all: bool) -> State {
        let mut state = State::new();
        state.to = row.from.to_string();
        if all {
            let me = account.email.to_lowercase();
            let others: Vec<&str> = row
                .to
                .split(", ")
                .chain(row.cc.split(", "))
                .map(str::trim)
                .filter(|a| !a.is_empty() && !a.to_lowercase().contains(&me))
                .collect();
            state.cc = others.join(", ");
        }
        state.subject = prefixed("Re: ", &row.subject);
        if let Some(id) = &row.message_id {
            state.in_reply_to = Some(id.clone());
            state.references = vec![id.clone()];
        }
        let date = crate::i18n::format::format_date_time(row.date);
        let quoted: String = original.lines().map(|l| format!("> {l}\n")).collect();
        let intro = crate::fl!(
            "composer-quote-intro",
            date = date,
            sender = row.from.display().to_string()
        );
        state.body = text_editor::Content::with_text(&format!("\n\n{intro}\n{quoted}"));
        state
    }

    /// A new message filled in from a `mailto:` link. Not dirty: closing it untouched
    /// loses nothing the user typed.
    pub fn from_mailto(link: &crate::mail::mailto::Mailto) -> State {
        let mut state = State::new();
        state.to = link.to.join(", ");
        state.cc = link.cc.join(", ");
        state.bcc = link.bcc.join(", ");
        state.subject = link.subject.clone();
        state.body = text_editor::Content::with_text(&link.body);
        if let Some(id) = &link.in_reply_to {
            state.in_reply_to = Some(id.clone());
            state.references = vec![id.clone()];
        }
        state
    }

    pub fn forward(row: &EnvelopeRow, original: &str) -> State {
        let mut state = State::new();
        state.subject = prefixed("Fwd: ", &row.subject);
        let header = crate::fl!("composer-forward-header");
        state.body = text_editor::Content::with_text(&format!(
            "\n\n{header}\nFrom: {}\nSubject: {}\nTo: {}\n\n{original}",
            row.from, row.subject, row.to
        ));
        state
    }

    pub fn update(
        &mut self,
        message: Message,
        account: &Account,
    ) -> (Task<Message>, Option<Event>) {
        self.error = None;
        match message {
            Message::Address(field, value) => {
                let last = value.rsplit(',').next().unwrap_or("").trim().to_string();
                match field {
                    Field::To => self.to = value,
                    Field::Cc => self.cc = value,
                    Field::Bcc => self.bcc = value,
                }
                self.dirty = true;
                self.completing = Some(field);
                if last.chars().count() >= 2 {
                    return (Task::none(), Some(Event::Lookup(last)));
                }
                self.completions.clear();
            }
            Message::Complete(address) => {
                let field = match self.completing.unwrap_or(Field::To) {
                    Field::To => &mut self.to,
                    Field::Cc => &mut self.cc,
                    Field::Bcc => &mut self.bcc,
                };
                let kept = field
                    .rsplit_once(',')
                    .map(|(head, _)| head.trim_end().to_string());
                *field = match kept {
                    Some(head) => format!("{head}, {address}, "),
                    None => format!("{address}, "),
                };
                self.completions.clear();
            }
            Message::Subject(value) => {
                self.subject = value;
                self.dirty = true;
            }
            Message::Body(action) => {
                self.dirty |= action.is_edit();
                self.body.perform(action);
            }
            Message::AttachPath(path) => self.attach_path = path,
            Message::Attach => {
                let path = PathBuf::from(self.attach_path.trim());
                match self.add_file(&path) {
                    Ok(()) => self.attach_path.clear(),
                    Err(error) => self.error = Some(error),
                }
            }
            Message::Browse => {
                if !super::files::dialogs_available() {
                    self.error = Some(crate::fl!("composer-no-dialog"));
                    return (Task::none(), None);
                }
                let title = crate::fl!("composer-attach-title");
                let pick = async move {
                    rfd::AsyncFileDialog::new()
                        .set_title(title)
                        .pick_files()
                        .await
                        .map(|files| files.iter().map(|f| f.path().to_path_buf()).collect())
                        .unwrap_or_default()
                };
                return (Task::perform(pick, Message::Picked), None);
            }
            Message::Picked(paths) => {
                for path in paths {
                    if let Err(error) = self.add_file(&path) {
                        self.error = Some(error);
                    }
                }
            }
            Message::Dropped(path) => {
                if let Err(error) = self.add_file(&path) {
                    self.error = Some(error);
                }
            }
            Message::RemoveAttachment(index) => {
                if index < self.attachments.len() {
                    self.attachments.remove(index);
                    self.dirty = true;
                }
            }
            Message::SaveDraft => match self.build(account) {
                Ok(bytes) => {
                    self.dirty = false;
                    return (Task::none(), Some(Event::SaveDraft(bytes)));
                }
                Err(error) => self.error = Some(error),
            },
            Message::Send => {
                if self.recipients().next().is_none() {
                    self.error = Some(crate::fl!("composer-no-recipients"));
                } else {
                    match self.build(account) {
                        Ok(bytes) => {
                            self.dirty = false;
                            return (Task::none(), Some(Event::Send(bytes)));
                        }
                        Err(error) => self.error = Some(error),
                    }
                }
            }
            Message::Close => {
                if self.dirty {
                    self.confirm_close = true;
                } else {
                    return (Task::none(), Some(Event::Closed));
                }
            }
            Message::Discard => return (Task::none(), Some(Event::Closed)),
            Message::KeepEditing => self.confirm_close = false,
        }
        (Task::none(), None)
    }

    /// Adds a file to the attachments after checking it exists and can be read; the
    /// error says which file and why, in the user's language. A file already attached
    /// is not added twice.
    pub fn add_file(&mut self, path: &Path) -> Result<(), String> {
        let shown = path.display().to_string();
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_file() => metadata,
            Ok(_) => return Err(crate::fl!("composer-no-such-file", path = shown)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(crate::fl!("composer-no-such-file", path = shown))
            }
            Err(error) => {
                return Err(crate::fl!(
                    "composer-attach-failed",
                    path = shown,
                    error = error.to_string()
                ))
            }
        };
        // Readable now, not only present: a file the send cannot read is better told now.
        if let Err(error) = std::fs::File::open(path) {
            return Err(crate::fl!(
                "composer-attach-failed",
                path = shown,
                error = error.to_string()
            ));
        }
        if self.attachments.iter().any(|a| a.path == path) {
            return Ok(());
        }
        self.attachments.push(Attached {
            path: path.to_path_buf(),
            name: path
                .file_name()
                .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned()),
            size: metadata.len(),
        });
        self.dirty = true;
        Ok(())
    }

    fn recipients(&self) -> impl Iterator<Item = &str> {
        [&self.to, &self.cc, &self.bcc]
            .into_iter()
            .flat_map(|f| f.split(','))
            .map(str::trim)
            .filter(|a| !a.is_empty())
    }

    /// The SMTP envelope: every To, Cc and Bcc address, bare.
    pub fn envelope(&self) -> Vec<String> {
        self.recipients()
            .map(|a| {
                a.rsplit_once('<')
                    .map_or(a, |(_, a)| a.trim_end_matches('>'))
                    .to_string()
            })
            .collect()
    }

    /// The message as RFC 5322 bytes (Bcc kept out of the headers).
    pub fn build(&self, account: &Account) -> Result<Vec<u8>, String> {
        for address in self.recipients() {
            let bare = address
                .rsplit_once('<')
                .map_or(address, |(_, a)| a.trim_end_matches('>'));
            if !crate::mail::account::is_valid_email(bare) {
                return Err(crate::fl!(
                    "composer-bad-address",
                    address = address.to_string()
                ));
            }
        }
        use crate::mail::compose::{self, AttachmentSpec, Draft, Person};
        let people = |field: &str| -> Vec<Person> {
            field
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(Person::parse)
                .collect()
        };
        let mut attachments = Vec::with_capacity(self.attachments.len());
        for attached in &self.attachments {
            let path = &attached.path;
            attachments.push(AttachmentSpec::from_path(path).map_err(|e| {
                crate::fl!(
                    "composer-attach-failed",
                    path = path.display().to_string(),
                    error = e.to_string()
                )
            })?);
        }
        let draft = Draft {
            to: people(&self.to),
            cc: people(&self.cc),
            bcc: people(&self.bcc),
            subject: self.subject.clone(),
            text: self.body.text(),
            attachments,
            in_reply_to: self.in_reply_to.clone(),
            references: self.references.clone(),
            ..Draft::default()
        };
        // A draft may have no recipient yet; a message to send has one (checked by Send).
        let built = if draft.to.is_empty() && draft.cc.is_empty() && draft.bcc.is_empty() {
            compose::build_draft(account, &draft)
        } else {
            compose::build(account, &draft)
        };
        built.map(|b| b.bytes).map_err(|e| e.to_string())
    }

    pub fn view(&self) -> Element<'_, Message> {
        let field = |label: String, value: &str, which: Field| {
            row![
                text(label).size(13).width(70),
                text_input("", value)
                    .on_input(move |v| Message::Address(which, v))
                    .padding(6),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
        };
        let mut form = Column::new().spacing(8).push(
            row![
                keys::tool(
                    crate::fl!("composer-send"),
                    button::primary,
                    Message::Send,
                    Action::Send
                ),
                keys::tool(
                    crate::fl!("composer-save-draft"),
                    button::secondary,
                    Message::SaveDraft,
                    Action::SaveDraft
                ),
                space().width(Length::Fill),
                keys::tool(
                    crate::fl!("composer-close"),
                    button::text,
                    Message::Close,
                    Action::CloseComposer
                ),
            ]
            .spacing(8),
        );
        if self.confirm_close {
            form = form.push(
                container(
                    row![
                        text(crate::fl!("composer-unsaved")).width(Length::Fill),
                        button(text(crate::fl!("composer-keep-editing")))
                            .style(button::secondary)
                            .on_press(Message::KeepEditing),
                        button(text(crate::fl!("composer-save-draft")))
                            .style(button::secondary)
                            .on_press(Message::SaveDraft),
                        button(text(crate::fl!("composer-discard")))
                            .style(button::danger)
                            .on_press(Message::Discard),
                    ]
                    .spacing(8)
                    .align_y(iced::Alignment::Center),
                )
                .padding(8)
                .style(super::card),
            );
        }
        form = form
            .push(field(crate::fl!("composer-to"), &self.to, Field::To))
            .push(field(crate::fl!("composer-cc"), &self.cc, Field::Cc))
            .push(field(crate::fl!("composer-bcc"), &self.bcc, Field::Bcc));
        if !self.completions.is_empty() {
            let mut chips = Row::new().spacing(6);
            for address in self.completions.iter().take(6) {
                chips = chips.push(
                    button(text(address.clone()).size(12))
                        .style(button::secondary)
                        .padding([2, 8])
                        .on_press(Message::Complete(address.clone())),
                );
            }
            form = form.push(row![space().width(78), chips]);
        }
        form = form.push(
            row![
                text(crate::fl!("composer-subject")).size(13).width(70),
                text_input("", &self.subject)
                    .on_input(Message::Subject)
                    .padding(6),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
        form = form.push(
            text_editor(&self.body)
                .id(BODY_ID)
                .on_action(Message::Body)
                .key_binding(body_keys)
                .height(Length::Fill)
                .padding(8),
        );
        let mut attachments = Row::new().spacing(6).push(
            text_input(
                &crate::fl!("composer-attach-placeholder"),
                &self.attach_path,
            )
            .on_input(Message::AttachPath)
            .on_submit(Message::Attach)
            .padding(6)
            .width(Length::FillPortion(2)),
        );
        attachments = attachments
            .push(
                button(text(crate::fl!("composer-attach")))
                    .style(button::secondary)
                    .on_press(Message::Attach),
            )
            .push(tip(
                button(text(crate::fl!("composer-browse")))
                    .style(button::secondary)
                    .on_press(Message::Browse),
                Action::Attach,
            ));
        let mut files = Column::new().spacing(4);
        for (index, attached) in self.attachments.iter().enumerate() {
            files = files.push(
                row![
                    text(format!(
                        "{} ({})",
                        attached.name,
                        crate::i18n::format::format_size(attached.size)
                    ))
                    .size(13),
                    button(text(crate::fl!("composer-remove")).size(12))
                        .style(button::text)
                        .padding([2, 8])
                        .on_press(Message::RemoveAttachment(index)),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
        }
        form = form
            .push(attachments)
            .push(
                text(crate::fl!("composer-drop-hint"))
                    .size(12)
                    .style(super::muted),
            )
            .push(files);
        if let Some(error) = &self.error {
            form = form.push(text(error.clone()).style(super::danger));
        }
        container(column![form].padding(16))
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}

/// The body keeps its keys but the composer's shortcuts: without this, Ctrl+Enter
/// would add a line instead of sending.
fn body_keys(press: text_editor::KeyPress) -> Option<text_editor::Binding<Message>> {
    // Unfocused, the window's own key handler sees the key.
    if !matches!(press.status, text_editor::Status::Focused { .. }) {
        return None;
    }
    let action = keys::lookup(
        &press.modified_key,
        press.modifiers,
        keys::Context::Composer,
    );
    let message = match action {
        Some(Action::Send) => Message::Send,
        Some(Action::SaveDraft) => Message::SaveDraft,
        Some(Action::Attach) => Message::Browse,
        // Escape first lets go of the body, as in every other field.
        Some(_) | None => return text_editor::Binding::from_key_press(press),
    };
    Some(text_editor::Binding::Custom(message))
}

fn prefixed(prefix: &str, subject: &str) -> String {
    let lower = subject.to_lowercase();
    if lower.starts_with(&prefix.to_lowercase()) {
        subject.to_string()
    } else {
        format!("{prefix}{subject}")
    }
}
