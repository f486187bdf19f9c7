//! A window on one message file (`pillarbox message.eml`, or a double click on an .eml
//! in the file manager): the reading pane on its own, read-only, with no account.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use iced::{Element, Task};

use super::mailbox::reader;
use crate::mail::eml;

pub struct Viewer {
    pub path: PathBuf,
    pub reader: reader::State,
}

#[derive(Clone, Debug)]
pub enum Message {
    Reader(reader::Message),
}

impl Viewer {
    /// `raw` has passed [`eml::load`].
    pub fn new(path: &Path, raw: Vec<u8>) -> Viewer {
        let row = eml::row(path, &raw);
        Viewer {
            path: path.to_path_buf(),
            reader: reader::State::from_bytes(row, raw),
        }
    }

    pub fn title(&self) -> String {
        let subject = self
            .reader
            .open
            .as_ref()
            .map(|o| o.row.subject.clone())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| crate::fl!("mailbox-no-subject"));
        crate::fl!("viewer-title", subject = subject)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            // Reply events cannot come: the pane is read-only.
            Message::Reader(message) => self.reader.update(message).0.map(Message::Reader),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        self.reader.view().map(Message::Reader)
    }
}

/// Opens the window on a message file already read and checked by [`eml::load`].
pub fn run(path: &Path, raw: Vec<u8>) -> ExitCode {
    let cell = std::cell::RefCell::new(Some(Viewer::new(path, raw)));
    let boot = move || {
        let viewer = cell.borrow_mut().take().expect("the window boots once");
        (viewer, Task::none())
    };
    let result = iced::application(boot, Viewer::update, Viewer::view)
        .title(Viewer::title)
        .theme(|_: &Viewer| crate::ui::theme::for_mode(iced::theme::Mode::None))
        .window(super::window_settings())
        .window_size(iced::Size::new(820.0, 760.0))
        .run();
    super::exit_code(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_viewer_shows_the_file_read_only_with_its_attachment() {
        crate::i18n::init(Some("en-GB"));
        let raw = b"From: Ann <ann@example.org>\r\nSubject: Minutes\r\n\
            MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
            --b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\
            --b\r\nContent-Type: application/pdf; name=minutes.pdf\r\n\
            Content-Disposition: attachment; filename=minutes.pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n";
        let viewer = Viewer::new(Path::new("/tmp/minutes.eml"), raw.to_vec());
        assert!(viewer.reader.read_only);
        let open = viewer.reader.open.as_ref().unwrap();
        assert!(open.text.contains("See attached."));
        assert_eq!(open.attachments.len(), 1);
        assert_eq!(open.attachments[0].name, "minutes.pdf");
        assert!(viewer.title().contains("Minutes"));
        let _ = viewer.view();
    }
}
