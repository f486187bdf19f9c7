//! What the message list needs to know about a message, read once from its bytes.
//!
//! Parsing must never lose a message: whatever the input (broken MIME, 8-bit headers,
//! missing headers, a parser panic), [`parse`] returns an [`Envelope`] with whatever could
//! be read, so the message is still listed and can be opened raw.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::UNIX_EPOCH;

use mail_parser::{Address, HeaderValue, Message, MessageParser, PartType};
use serde::Serialize;

/// Longest preview kept in the index (characters).
pub const PREVIEW_CHARS: usize = 200;
/// Most body text kept for search (bytes): enough to find a message by what it says,
/// small enough that a mailbox of newsletters does not bloat the index.
pub const BODY_TEXT_MAX: usize = 64 * 1024;

/// A name and address as shown in the list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Mailbox {
    pub name: String,
    pub address: String,
}

impl Mailbox {
    /// The name if there is one, else the address.
    pub fn display(&self) -> &str {
        if self.name.is_empty() {
            &self.address
        } else {
            &self.name
        }
    }
}

impl std::fmt::Display for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.name.is_empty(), self.address.is_empty()) {
            (true, _) => f.write_str(&self.address),
            (false, true) => f.write_str(&self.name),
            (false, false) => write!(f, "{} <{}>", self.name, self.address),
        }
    }
}

/// Joins a list of mailboxes the way a header shows them.
pub fn join_mailboxes(list: &[Mailbox]) -> String {
    list.iter()
        .map(|m| m.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Envelope {
    /// Seconds since the Unix epoch (UTC): the Date header, else the file's mtime.
    pub date: i64,
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// Decoded subject; empty when the message has none (the UI shows "(no subject)").
    pub subject: String,
    /// Without angle brackets.
    pub message_id: Option<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub has_attachments: bool,
    /// Size of the stored bytes.
    pub size: u64,
    /// A short single-line text preview of the body.
    pub preview: String,
    /// Plain text of the body (HTML turned into text), capped at [`BODY_TEXT_MAX`].
    #[serde(skip)]
    pub body_text: String,
    /// False when the MIME parser failed and only a crude header scan was possible.
    pub parsed: bool,
}

impl Envelope {
    /// Message ids this message points at, nearest parent last (References order, then
    /// In-Reply-To).
    pub fn parent_ids(&self) -> impl Iterator<Item = &str> {
        self.references
            .iter()
            .chain(self.in_reply_to.iter())
            .map(String::as_str)
    }
}

/// Parses a message; `fallback_date` is used when it has no readable Date header.
pub fn parse(bytes: &[u8], fallback_date: i64) -> Envelope {
    // mail-parser is well tested, but a panic on one odd message must not stop a sync
    // of thousands: fall back to reading the headers by hand.
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        MessageParser::default()
            .parse(bytes)
            .map(|msg| from_message(&msg, bytes.len(), fallback_date))
    }));
    match parsed {
        Ok(Some(envelope)) => envelope,
        Ok(None) | Err(_) => crude(bytes, fallback_date),
    }
}

/// Parses a message file, using its mtime when the message has no Date header.
pub fn parse_file(path: &Path) -> std::io::Result<Envelope> {
    let bytes = std::fs::read(path)?;
    let mtime = file_mtime(path);
    Ok(parse(&bytes, mtime))
}

/// A file's modification time in Unix seconds (0 when unknown).
pub fn file_mtime(path: &Path) -> i64 {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The whole readable text of a message for display (HTML turned into text), not capped
/// like [`Envelope::body_text`]. Empty when nothing readable is found.
pub fn readable_text(bytes: &[u8]) -> String {
    let text = catch_unwind(AssertUnwindSafe(|| {
        let msg = MessageParser::default().parse(bytes)?;
        let mut text = collect_text(msg.text_bodies(), usize::MAX);
        if text.is_empty() {
            use mail_parser::MimeHeaders;
            text = collect_text(
                msg.attachments().filter(|p| p.attachment_name().is_none()),
                usize::MAX,
            );
        }
        Some(text)
    }));
    match text {
        Ok(Some(text)) => text,
        _ => crude(bytes, 0).body_text,
    }
}

fn from_message(msg: &Message<'_>, size: usize, fallback_date: i64) -> Envelope {
    let date = msg
        .date()
        .filter(|d| d.is_valid())
        .map(|d| d.to_timestamp())
        .unwrap_or(fallback_date);
    let from = msg
        .from()
        .and_then(|a| mailboxes(a).into_iter().next())
        .or_else(|| msg.sender().and_then(|a| mailboxes(a).into_iter().next()))
        .unwrap_or_default();
    let to = msg.to().map(mailboxes).unwrap_or_default();
    let cc = msg.cc().map(mailboxes).unwrap_or_default();
    let subject = match msg.subject() {
        Some(s) if s.contains(char::REPLACEMENT_CHARACTER) => {
            raw_header_latin1(msg, "Subject").unwrap_or_else(|| clean_line(s))
        }
        Some(s) => clean_line(s),
        None => String::new(),
    };
    let message_id = msg.message_id().map(clean_id).filter(|id| !id.is_empty());
    let in_reply_to = id_list(msg.in_reply_to());
    let references = id_list(msg.references());
    let has_attachments = msg.attachments().any(is_real_attachment);
    let body_text = body_text(msg);
    let preview = preview_of(&body_text);
    Envelope {
        date,
        from,
        to,
        cc,
        subject,
        message_id,
        in_reply_to,
        references,
        has_attachments,
        size: size as u64,
        preview,
        body_text,
        parsed: true,
    }
}

/// Inline images in an HTML body are listed as attachments by the parser; a paperclip
/// for every logo in a newsletter would be noise.
fn is_real_attachment(part: &mail_parser::MessagePart<'_>) -> bool {
    use mail_parser::MimeHeaders;
    let disposition_attachment = part
        .content_disposition()
        .is_some_and(|d| d.ctype().eq_ignore_ascii_case("attachment"));
    let inline_with_id = part.content_id().is_some() && !disposition_attachment;
    match &part.body {
        PartType::Message(_) => true,
        PartType::InlineBinary(_) => disposition_attachment,
        _ => disposition_attachment || (!inline_with_id && part.attachment_name().is_some()),
    }
}

/// Old mailers put raw 8-bit Latin-1/Windows-1252 in headers. When a header is not
/// valid UTF-8, reading its bytes as Latin-1 gives "café" rather than replacement marks.
fn raw_header_latin1(msg: &Message<'_>, name: &str) -> Option<String> {
    let header = msg
        .root_part()
        .headers
        .iter()
        .find(|h| h.name.as_str().eq_ignore_ascii_case(name))?;
    let raw = msg
        .raw_message()
        .get(header.offset_start as usize..header.offset_end as usize)?;
    if std::str::from_utf8(raw).is_ok() || raw.windows(2).any(|w| w == b"=?") {
        return None;
    }
    Some(clean_line(
        &raw.iter().map(|&b| b as char).collect::<String>(),
    ))
}

fn mailboxes(address: &Address<'_>) -> Vec<Mailbox> {
    address
        .iter()
        .map(|a| Mailbox {
            name: a.name().map(clean_line).unwrap_or_default(),
            address: a
                .address()
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
        })
        .filter(|m| !m.name.is_empty() || !m.address.is_empty())
        .collect()
}

fn id_list(value: &HeaderValue<'_>) -> Vec<String> {
    let ids: Vec<String> = match value {
        HeaderValue::Text(id) => vec![clean_id(id)],
        HeaderValue::TextList(ids) => ids.iter().map(|id| clean_id(id)).collect(),
        _ => Vec::new(),
    };
    ids.into_iter().filter(|id| !id.is_empty()).collect()
}

fn clean_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

/// Folds whitespace and control characters to single spaces: a subject with a stray
/// newline or tab must not break a one-line list.
fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn body_text(msg: &Message<'_>) -> String {
    let text = collect_text(msg.text_bodies(), BODY_TEXT_MAX);
    if !text.is_empty() {
        return text;
    }
    // A multipart whose closing boundary never comes leaves its text part among the
    // attachments; an unnamed text part there is still the body the sender wrote.
    use mail_parser::MimeHeaders;
    collect_text(
        msg.attachments().filter(|p| p.attachment_name().is_none()),
        BODY_TEXT_MAX,
    )
}

fn collect_text<'a>(
    parts: impl Iterator<Item = &'a mail_parser::MessagePart<'a>>,
    cap: usize,
) -> String {
    let mut text = String::new();
    for part in parts {
        let piece: Cow<'_, str> = match &part.body {
            PartType::Text(t) => Cow::Borrowed(t.as_ref()),
            PartType::Html(h) => Cow::Owned(mail_parser::decoders::html::html_to_text(h)),
            _ => continue,
        };
        if !text.is_empty() {
            text.push('\n');
        }
        push_capped(&mut text, &piece, cap);
        if text.len() >= cap {
            break;
        }
    }
    text
}

fn push_capped(text: &mut String, piece: &str, cap: usize) {
    let room = cap.saturating_sub(text.len());
    text.push_str(truncate_at_char(piece, room));
}

fn truncate_at_char(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The first words of the body on one line, skipping quoted lines of a reply.
pub fn preview_of(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('>') {
            continue;
        }
        for word in line.split_whitespace() {
            if out.chars().count() >= PREVIEW_CHARS {
                return out.chars().take(PREVIEW_CHARS).collect();
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out.chars().take(PREVIEW_CHARS).collect()
}

/// Last resort for bytes the parser refused: read `Name: value` lines up to the first
/// blank line, decoding what we can as UTF-8 (lossy).
fn crude(bytes: &[u8], fallback_date: i64) -> Envelope {
    let text = String::from_utf8_lossy(bytes);
    let mut envelope = Envelope {
        date: fallback_date,
        size: bytes.len() as u64,
        ..Envelope::default()
    };
    let (head, body) = match text.find("\r\n\r\n").or_else(|| text.find("\n\n")) {
        Some(i) => (&text[..i], text[i..].trim_start()),
        None => (&text[..], ""),
    };
    for line in head.lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "subject" => envelope.subject = clean_line(value),
            "from" => {
                envelope.from = Mailbox {
                    name: String::new(),
                    address: clean_line(value),
                }
            }
            "message-id" => envelope.message_id = Some(clean_id(value)),
            _ => {}
        }
    }
    let mut body_text = String::new();
    push_capped(&mut body_text, body, BODY_TEXT_MAX);
    envelope.preview = preview_of(&body_text);
    envelope.body_text = body_text;
    envelope
}

#[cfg(test)]
#[path = "envelope_tests.rs"]
mod tests;
