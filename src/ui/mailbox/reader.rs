//! The reading pane: headers, the text of the message (HTML turned into plain text, so
//! nothing remote is ever fetched), the real target of every link, and attachments with
//! their size and Open, Save (to Downloads) and Save as… (a native dialog). With threads
//! on, the whole conversation is shown.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, scrollable, space, text, Column};
use iced::{Element, Length, Task};
use mail_parser::{MessageParser, MimeHeaders};

use super::files;
use super::keys::{tip, Action};
use crate::mail::store::envelope::readable_text;
use crate::mail::store::{EnvelopeRow, MailStore, MessageId};
use crate::ui::blocking;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub size: usize,
    /// Index among the message's attachments (mail-parser order).
    pub index: usize,
}

#[derive(Debug)]
pub struct Opened {
    pub row: EnvelopeRow,
    pub text: String,
    /// (link text, real target), as the HTML said; the text may lie about the target.
    pub links: Vec<(String, String)>,
    pub attachments: Vec<Attachment>,
    /// Earlier messages of the conversation (threads on), oldest first.
    pub thread: Vec<EnvelopeRow>,
    raw: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct State {
    pub open: Option<Opened>,
    pub notice: Option<String>,
    /// A message in no folder (an .eml file on its own): no account to reply from.
    pub read_only: bool,
}

/// Where an attachment was saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    /// No file dialog could be shown: it went to the Downloads folder instead.
    pub fallback: bool,
}

#[derive(Clone, Debug)]
pub enum Message {
    Save(usize),
    SaveAs(usize),
    /// `None`: the dialog was cancelled.
    Saved(Result<Option<Saved>, String>),
    Open(usize),
    Opened(Result<PathBuf, String>),
    Reply,
    ReplyAll,
    Forward,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Reply,
    ReplyAll,
    Forward,
}

impl State {
    pub fn shown(&self) -> Option<MessageId> {
        self.open.as_ref().map(|o| o.row.id)
    }

    pub fn raw(&self) -> Option<&[u8]> {
        self.open.as_ref().map(|o| o.raw.as_slice())
    }

    pub fn clear(&mut self) {
        self.open = None;
        self.notice = None;
    }

    /// Reads and shows a message from the local store (no network).
    pub fn load(&mut self, store: &MailStore, id: MessageId, with_thread: bool) {
        self.notice = None;
        let (Ok(row), Ok(raw)) = (store.get(id), store.read_raw(id)) else {
            self.open = None;
            self.notice = Some(crate::fl!("reader-missing"));
            return;
        };
        let (links, attachments) = parts(&raw);
        let thread = if with_thread {
            store
                .index()
                .thread(row.thread_id)
                .unwrap_or_default()
                .into_iter()
                .filter(|r| r.id != id)
                .collect()
        } else {
            Vec::new()
        };
        self.open = Some(Opened {
            text: readable_text(&raw),
            row,
            links,
            attachments,
            thread,
            raw,
        });
    }

    /// Shows a message that is in no folder, from its bytes (see `crate::mail::eml`),
    /// read-only: headers, text, links and attachments with Save, but no replying.
    pub fn from_bytes(row: EnvelopeRow, raw: Vec<u8>) -> State {
        let (links, attachments) = parts(&raw);
        State {
            open: Some(Opened {
                text: readable_text(&raw),
                row,
                links,
                attachments,
                thread: Vec::new(),
                raw,
            }),
            notice: None,
            read_only: true,
        }
    }

    /// Shows a flag change without reloading the body.
    pub fn patch(&mut self, row: &EnvelopeRow) {
        if let Some(open) = &mut self.open {
            if open.row.id == row.id {
                open.row = row.clone();
            }
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Save(index) => {
                let Some(raw) = self.raw().map(<[u8]>::to_vec) else {
                    return (Task::none(), None);
                };
                let task = Task::perform(
                    blocking(move || {
                        let (name, bytes) = attachment(&raw, index)?;
                        let path = files::save_into(&files::downloads_dir()?, &name, &bytes)?;
                        Ok(Some(Saved {
                            path,
                            fallback: false,
                        }))
                    }),
                    Message::Saved,
                );
                (task, None)
            }
            Message::SaveAs(index) => {
                let Some(raw) = self.raw().map(<[u8]>::to_vec) else {
                    return (Task::none(), None);
                };
                let task = save_as(
                    raw,
                    index,
                    files::dialogs_available(),
                    files::downloads_dir(),
                );
                (Task::perform(task, Message::Saved), None)
            }
            Message::Saved(result) => {
                match result {
                    Ok(Some(saved)) => {
                        let path = saved.path.display().to_string();
                        self.notice = Some(if saved.fallback {
                            crate::fl!("reader-saved-no-dialog", path = path)
                        } else {
                            crate::fl!("reader-saved", path = path)
                        });
                    }
                    Ok(None) => {}
                    Err(error) => {
                        self.notice = Some(crate::fl!("reader-save-failed", error = error))
                    }
                }
                (Task::none(), None)
            }
            Message::Open(index) => {
                let Some(raw) = self.raw().map(<[u8]>::to_vec) else {
                    return (Task::none(), None);
                };
                let task = Task::perform(
                    blocking(move || {
                        let (name, bytes) = attachment(&raw, index)?;
                        if files::runs_code(&name) {
                            return Err(crate::fl!("reader-open-risky"));
                        }
                        files::open_copy(&name, &bytes)
                    }),
                    Message::Opened,
                );
                (task, None)
            }
            Message::Opened(result) => {
                self.notice = Some(match result {
                    Ok(path) => crate::fl!("reader-opened", path = path.display().to_string()),
                    Err(error) => crate::fl!("reader-open-failed", error = error),
                });
                (Task::none(), None)
            }
            Message::Reply => (Task::none(), Some(Event::Reply)),
            Message::ReplyAll => (Task::none(), Some(Event::ReplyAll)),
            Message::Forward => (Task::none(), Some(Event::Forward)),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let Some(open) = &self.open else {
            let hint = self
                .notice
                .clone()
                .unwrap_or_else(|| crate::fl!("reader-nothing"));
            return container(text(hint).style(super::muted))
                .center(Length::Fill)
                .into();
        };
        let row = &open.row;
        let action = |label: String, message: Message| {
            button(text(label).size(13))
                .padding([4, 10])
                .style(button::secondary)
                .on_press(message)
        };
        let mut body = Column::new().spacing(10);
        if !self.read_only {
            body = body.push(
                row![
                    tip(
                        action(crate::fl!("reader-reply"), Message::Reply),
                        Action::Reply
                    ),
                    tip(
                        action(crate::fl!("reader-reply-all"), Message::ReplyAll),
                        Action::ReplyAll
                    ),
                    tip(
                        action(crate::fl!("reader-forward"), Message::Forward),
                        Action::Forward
                    ),
                ]
                .spacing(6),
            );
        }
        body = body.push(text(row.subject.clone()).size(20));
        body = body.push(header_line(crate::fl!("reader-from"), row.from.to_string()));
        body = body.push(header_line(crate::fl!("reader-to"), row.to.clone()));
        if !row.cc.is_empty() {
            body = body.push(header_line(crate::fl!("reader-cc"), row.cc.clone()));
        }
        body = body.push(header_line(
            crate::fl!("reader-date"),
            crate::i18n::format::format_date_time(row.date),
        ));
        if let Some(notice) = &self.notice {
            body = body.push(text(notice.clone()).size(13).style(super::accent));
        }
        if !open.attachments.is_empty() {
            let mut list = Column::new().spacing(4).push(
                text(crate::fl!("reader-attachments"))
                    .size(13)
                    .style(super::muted),
            );
            for (position, attachment) in open.attachments.iter().enumerate() {
                let opener = action(crate::fl!("reader-open"), Message::Open(attachment.index));
                // Only the first has a key ("o"): its tooltip says so.
                let opener: Element<'_, Message> = if position == 0 {
                    tip(opener, Action::OpenAttachment)
                } else {
                    opener.into()
                };
                list = list.push(
                    row![
                        text(format!(
                            "{} ({})",
                            attachment.name,
                            human_size(attachment.size)
                        ))
                        .size(13)
                        .width(Length::Fill),
                        opener,
                        action(crate::fl!("reader-save"), Message::Save(attachment.index)),
                        action(
                            crate::fl!("reader-save-as"),
                            Message::SaveAs(attachment.index)
                        ),
                    ]
                    .spacing(8),
                );
            }
            body = body.push(container(list).padding(8).style(super::card));
        }
        body = body.push(text(open.text.clone()).size(14));
        if !open.links.is_empty() {
            let mut list = Column::new().spacing(2).push(
                text(crate::fl!("reader-links"))
                    .size(13)
                    .style(super::muted),
            );
            for (label, target) in &open.links {
                list = list.push(
                    text(format!("{label} → {target}"))
                        .size(12)
                        .style(super::muted),
                );
            }
            body = body.push(list);
        }
        if !open.thread.is_empty() {
            body = body.push(
                text(crate::fl!(
                    "reader-thread",
                    count = ((open.thread.len() + 1) as u64)
                ))
                .size(13)
                .style(super::muted),
            );
            for other in &open.thread {
                body = body.push(
                    container(
                        column![
                            text(other.from.display().to_string()).size(13),
                            text(other.preview.clone()).size(12).style(super::muted),
                        ]
                        .spacing(2),
                    )
                    .padding(8)
                    .width(Length::Fill)
                    .style(super::card),
                );
            }
        }
        body = body.push(space().height(20));
        scrollable(container(body).padding(16).width(Length::Fill))
            .height(Length::Fill)
            .into()
    }
}

fn header_line<'a>(label: String, value: String) -> Element<'a, Message> {
    row![
        text(label).size(13).width(60).style(super::muted),
        text(value).size(13),
    ]
    .spacing(8)
    .into()
}

pub fn human_size(bytes: usize) -> String {
    crate::i18n::format::format_size(bytes as u64)
}

/// Links of the HTML parts and the attachments of a message.
fn parts(raw: &[u8]) -> (Vec<(String, String)>, Vec<Attachment>) {
    let Some(message) = MessageParser::default().parse(raw) else {
        return (Vec::new(), Vec::new());
    };
    let mut links = Vec::new();
    for index in 0..message.html_body_count() {
        if let Some(html) = message.body_html(index) {
            links.extend(html_links(&html));
        }
    }
    let attachments = message
        .attachments()
        .enumerate()
        .map(|(index, part)| Attachment {
            name: part
                .attachment_name()
                .map(str::to_string)
                .unwrap_or_else(|| crate::fl!("reader-unnamed")),
            size: part.contents().len(),
            index,
        })
        .collect();
    (links, attachments)
}

/// `<a href="target">text</a>` pairs; the text is stripped of tags. A small scanner is
/// enough: nothing is rendered, we only show where each link really goes.
pub fn html_links(html: &str) -> Vec<(String, String)> {
    let lower = html.to_ascii_lowercase();
    let mut links = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<a ").map(|i| i + at) {
        let Some(tag_end) = lower[start..].find('>').map(|i| i + start) else {
            break;
        };
        let tag = &html[start..tag_end];
        let close = lower[tag_end..]
            .find("</a>")
            .map_or(html.len(), |i| i + tag_end);
        at = close.max(tag_end + 1).min(html.len());
        let Some(href) = attribute(tag, "href") else {
            continue;
        };
        let mut label = String::new();
        let mut in_tag = false;
        for c in html[tag_end + 1..close.max(tag_end + 1)].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => label.push(c),
                _ => {}
            }
        }
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        links.push((label, href));
    }
    links
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next()?,
        _ => rest.split(|c: char| c.is_whitespace()).next()?,
    };
    Some(value.replace("&amp;", "&"))
}

/// The name (as the message gives it) and the decoded bytes of attachment `index`.
fn attachment(raw: &[u8], index: usize) -> Result<(String, Vec<u8>), String> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| crate::fl!("reader-unreadable"))?;
    let part = message
        .attachments()
        .nth(index)
        .ok_or_else(|| crate::fl!("reader-unreadable"))?;
    let name = part.attachment_name().unwrap_or("attachment").to_string();
    Ok((name, part.contents().to_vec()))
}

/// Asks where to save attachment `index` (a native dialog offering its safe name in
/// Downloads) and writes it there. Without any way to show a dialog (`dialogs` false)
/// it goes to `downloads` and says so; a cancelled dialog saves nothing.
async fn save_as(
    raw: Vec<u8>,
    index: usize,
    dialogs: bool,
    downloads: Result<PathBuf, String>,
) -> Result<Option<Saved>, String> {
    let (name, bytes) = blocking(move || attachment(&raw, index)).await?;
    if !dialogs {
        let path = blocking(move || files::save_into(&downloads?, &name, &bytes)).await?;
        return Ok(Some(Saved {
            path,
            fallback: true,
        }));
    }
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title(crate::fl!("reader-save-as-title"))
        .set_file_name(files::safe_name(&name));
    if let Ok(dir) = downloads {
        dialog = dialog.set_directory(dir);
    }
    let Some(chosen) = dialog.save_file().await else {
        return Ok(None);
    };
    let path = chosen.path().to_path_buf();
    let path = blocking(move || files::save_at(&path, &bytes)).await?;
    Ok(Some(Saved {
        path,
        fallback: false,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WITH_ATTACHMENT: &[u8] = b"From: a@example.org\r\nTo: b@example.org\r\n\
        Subject: files\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n\
        --b\r\nContent-Type: application/octet-stream\r\n\
        Content-Disposition: attachment; filename=\"../../x\"\r\n\
        Content-Transfer-Encoding: base64\r\n\r\naGVsbG8gd29ybGQ=\r\n--b--\r\n";

    #[tokio::test]
    async fn save_as_without_a_dialog_falls_back_to_downloads_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let downloads = dir.path().join("Downloads");
        let saved = save_as(WITH_ATTACHMENT.to_vec(), 0, false, Ok(downloads.clone()))
            .await
            .unwrap()
            .expect("saved, not cancelled");
        assert!(saved.fallback, "the user is told no dialog was shown");
        // The hostile name lost its path: the file is inside Downloads, decoded.
        assert_eq!(saved.path, downloads.join("x"));
        assert_eq!(std::fs::read(&saved.path).unwrap(), b"hello world");
        assert!(!dir.path().join("x").exists());
        // Without a Downloads folder either, the error reaches the reader.
        let missing = save_as(WITH_ATTACHMENT.to_vec(), 0, false, Err("none".into())).await;
        assert_eq!(missing, Err("none".to_string()));
    }

    #[test]
    fn links_show_their_real_target() {
        let html = r#"<p>Hi</p><A HREF="https://evil.example/x?a=1&amp;b=2"><b>Your bank</b></a> <a name=x>no</a><a href='/rel'>r</a>"#;
        assert_eq!(
            html_links(html),
            vec![
                (
                    "Your bank".to_string(),
                    "https://evil.example/x?a=1&b=2".to_string()
                ),
                ("r".to_string(), "/rel".to_string()),
            ]
        );
    }
}
