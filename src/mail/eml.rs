//! A message file (`.eml`, `message/rfc822`) opened on its own, outside any account, as
//! a file manager or `pillarbox FILE` asks: read and checked here, before a window
//! shows it, so a wrong file gets a clear error instead of an empty window.

use std::path::{Path, PathBuf};

use mail_parser::{HeaderName, MessageParser};

use super::store::envelope::{self, join_mailboxes, Envelope};
use super::store::{EnvelopeRow, Flags, MaildirEntry, Subdir};

/// Far beyond any mail server's limit: a bigger file is not a message someone was sent.
pub const MAX_SIZE: u64 = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum EmlError {
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is empty")]
    Empty { path: PathBuf },
    #[error("{path} is too large to be a message")]
    TooLarge { path: PathBuf },
    #[error("{path} is not an email message")]
    NotAMessage { path: PathBuf },
}

impl EmlError {
    pub fn path(&self) -> &Path {
        match self {
            EmlError::Read { path, .. }
            | EmlError::Empty { path }
            | EmlError::TooLarge { path }
            | EmlError::NotAMessage { path } => path,
        }
    }

    /// What went wrong, in the user's language, naming the file.
    pub fn user_message(&self) -> String {
        let file = self.path().display().to_string();
        match self {
            EmlError::Read { source, .. } => {
                crate::fl!("eml-error-read", file = file, detail = source.to_string())
            }
            EmlError::Empty { .. } => crate::fl!("eml-error-empty", file = file),
            EmlError::TooLarge { .. } => crate::fl!("eml-error-too-large", file = file),
            EmlError::NotAMessage { .. } => crate::fl!("eml-error-not-message", file = file),
        }
    }
}

/// Reads a message file and checks that it is one.
pub fn load(path: &Path) -> Result<Vec<u8>, EmlError> {
    let read = |source| EmlError::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read)?.len();
    if size > MAX_SIZE {
        return Err(EmlError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(read)?;
    check(path, &bytes)?;
    Ok(bytes)
}

/// A message starts with header fields, and at least one of them is a field mail has
/// (From, Date, Subject, Received...): a photo or a letter renamed `.eml` has none.
pub fn check(path: &Path, bytes: &[u8]) -> Result<(), EmlError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(EmlError::Empty {
            path: path.to_path_buf(),
        });
    }
    let known = MessageParser::default()
        .parse_headers(bytes)
        .is_some_and(|m| {
            m.headers()
                .iter()
                .any(|h| !matches!(h.name, HeaderName::Other(_)))
        });
    if known {
        Ok(())
    } else {
        Err(EmlError::NotAMessage {
            path: path.to_path_buf(),
        })
    }
}

/// The list row the reader shows for a message that is in no folder: the envelope
/// of its bytes, with the file's date when it has no Date header.
pub fn row(path: &Path, bytes: &[u8]) -> EnvelopeRow {
    let envelope: Envelope = envelope::parse(bytes, envelope::file_mtime(path));
    EnvelopeRow {
        id: 0,
        folder: String::new(),
        entry: MaildirEntry {
            subdir: Subdir::Cur,
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            uid: None,
            flags: Flags::new("S"),
        },
        date: envelope.date,
        to: join_mailboxes(&envelope.to),
        cc: join_mailboxes(&envelope.cc),
        from: envelope.from,
        subject: envelope.subject,
        message_id: envelope.message_id,
        thread_id: 0,
        size: bytes.len() as u64,
        has_attachments: envelope.has_attachments,
        preview: envelope.preview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_real_message_loads_with_its_envelope() {
        let dir = tempfile::tempdir().unwrap();
        let raw = b"From: =?UTF-8?Q?Si=C3=A2n?= <sian@example.cymru>\r\nTo: a@b.example\r\n\
            Subject: Cyfarfod\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n\r\nHelo\r\n";
        let path = write(dir.path(), "m.eml", raw);
        let bytes = load(&path).unwrap();
        assert_eq!(bytes, raw);
        let row = row(&path, &bytes);
        assert_eq!(row.subject, "Cyfarfod");
        assert_eq!(row.from.name, "Siân");
        assert_eq!(row.to, "a@b.example");
    }

    #[test]
    fn wrong_files_are_refused_naming_the_file() {
        crate::i18n::init(Some("en-GB"));
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8]); 4] = [
            ("empty.eml", b""),
            ("blank.eml", b" \r\n\r\n"),
            ("photo.eml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
            ("letter.eml", b"Dear Sir,\nplease find my letter.\n"),
        ];
        for (name, bytes) in cases {
            let path = write(dir.path(), name, bytes);
            let error = load(&path).unwrap_err();
            assert!(
                matches!(error, EmlError::Empty { .. } | EmlError::NotAMessage { .. }),
                "{name}: {error:?}"
            );
            assert!(error.user_message().contains(name), "{name}");
        }
        let missing = load(&dir.path().join("gone.eml")).unwrap_err();
        assert!(matches!(missing, EmlError::Read { .. }));
        assert!(missing.user_message().contains("gone.eml"));
    }
}
