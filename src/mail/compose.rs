//! Building outgoing messages (lettre's builder) and deriving replies and forwards from a
//! parsed original (mail-parser).
//!
//! The envelope is taken from the draft, not from the formatted bytes: Bcc recipients are in
//! the envelope and never in the headers that leave this computer.

use std::path::Path;
use std::time::SystemTime;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::Address;
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use serde::{Deserialize, Serialize};

use super::account::Account;

/// A person: an address with an optional display name (any Unicode).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: Option<String>,
    pub email: String,
}

impl Person {
    pub fn new(name: Option<&str>, email: &str) -> Person {
        Person {
            name: name.map(str::to_string).filter(|n| !n.trim().is_empty()),
            email: email.trim().to_string(),
        }
    }

    /// `Ann Smith <ann@example.org>`, `"Smith, Ann" <ann@example.org>` or a bare address.
    pub fn parse(text: &str) -> Person {
        match text.rsplit_once('<') {
            Some((name, rest)) => Person::new(
                Some(name.trim().trim_matches('"')),
                rest.trim_end().trim_end_matches('>'),
            ),
            None => Person::new(None, text),
        }
    }

    fn mailbox(&self) -> Result<Mailbox, ComposeError> {
        let address: Address = self
            .email
            .parse()
            .map_err(|_| ComposeError::BadAddress(self.email.clone()))?;
        Ok(Mailbox::new(self.name.clone(), address))
    }
}

/// A file to attach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentSpec {
    pub file_name: String,
    /// `None`: chosen from the file name's extension.
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

impl AttachmentSpec {
    /// Reads a file from disk, naming the attachment after it.
    pub fn from_path(path: &Path) -> std::io::Result<AttachmentSpec> {
        Ok(AttachmentSpec {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "attachment".into()),
            content_type: None,
            data: std::fs::read(path)?,
        })
    }
}

/// What the user wrote (or what a reply/forward helper prepared).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub to: Vec<Person>,
    pub cc: Vec<Person>,
    pub bcc: Vec<Person>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<AttachmentSpec>,
    /// Whole original messages forwarded as `message/rfc822` parts.
    pub forwarded: Vec<Vec<u8>>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
}

impl Draft {
    pub fn recipients(&self) -> impl Iterator<Item = &Person> {
        self.to.iter().chain(&self.cc).chain(&self.bcc)
    }
}

/// A message ready to queue: its bytes (without Bcc) and its SMTP envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// With angle brackets, as in the header: `<...@domain>`.
    pub message_id: String,
    pub from: String,
    pub recipients: Vec<String>,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("\"{0}\" is not a valid email address")]
    BadAddress(String),
    #[error("the message has no recipient")]
    NoRecipient,
    #[error("the message could not be built: {0}")]
    Build(String),
}

/// The account's sender mailbox, with its display name.
pub fn sender(account: &Account) -> Person {
    Person::new(Some(&account.display_name), &account.email)
}

/// A new Message-ID on the account's domain (so replies thread and spam filters are happy).
pub fn new_message_id(account: &Account) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    // Time, pid, a counter and a little entropy from the stack address: unique without a RNG crate.
    let salt = &now as *const _ as usize as u64;
    let domain = account
        .domain()
        .unwrap_or_else(|| "pillarbox.invalid".into());
    format!(
        "<{:x}.{:x}.{:x}.{:x}.pillarbox@{domain}>",
        now.as_secs(),
        now.subsec_nanos() as u64 ^ (salt.rotate_left(17)),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Builds the message to send: Bcc is dropped from the headers but kept in the envelope.
pub fn build(account: &Account, draft: &Draft) -> Result<Built, ComposeError> {
    build_with(account, draft, false, new_message_id(account))
}

/// Builds a draft to save: like [`build`] but keeps Bcc (so reopening shows it) and allows
/// no recipients yet.
pub fn build_draft(account: &Account, draft: &Draft) -> Result<Built, ComposeError> {
    build_with(account, draft, true, new_message_id(account))
}

fn build_with(
    account: &Account,
    draft: &Draft,
    keep_bcc: bool,
    message_id: String,
) -> Result<Built, ComposeError> {
    let from = sender(account);
    let mut builder = lettre::Message::builder()
        .from(from.mailbox()?)
        .subject(draft.subject.clone())
        .date(SystemTime::now())
        .message_id(Some(message_id.clone()))
        .user_agent(format!("Pillarbox {}", env!("CARGO_PKG_VERSION")));
    for person in &draft.to {
        builder = builder.to(person.mailbox()?);
    }
    for person in &draft.cc {
        builder = builder.cc(person.mailbox()?);
    }
    for person in &draft.bcc {
        builder = builder.bcc(person.mailbox()?);
    }
    if let Some(parent) = &draft.in_reply_to {
        builder = builder.in_reply_to(parent.clone());
    }
    if !draft.references.is_empty() {
        builder = builder.references(draft.references.join(" "));
    }
    let recipients: Vec<String> = draft.recipients().map(|p| p.email.clone()).collect();
    if recipients.is_empty() {
        if !keep_bcc {
            return Err(ComposeError::NoRecipient);
        }
        // A draft may have no recipient yet; lettre needs one for its envelope only.
        builder = builder.envelope(
            lettre::address::Envelope::new(
                Some(from.mailbox()?.email),
                vec![from.mailbox()?.email],
            )
            .map_err(|e| ComposeError::Build(e.to_string()))?,
        );
    }
    if keep_bcc {
        builder = builder.keep_bcc();
    }

    let text_part = SinglePart::builder()
        .content_type(ContentType::TEXT_PLAIN)
        .body(draft.text.clone());
    let body = match &draft.html {
        Some(html) => MultiPart::alternative().singlepart(text_part).singlepart(
            SinglePart::builder()
                .content_type(ContentType::TEXT_HTML)
                .body(html.clone()),
        ),
        None => MultiPart::mixed().singlepart(text_part),
    };
    let has_parts = !draft.attachments.is_empty() || !draft.forwarded.is_empty();
    let message = if !has_parts && draft.html.is_none() {
        builder.singlepart(
            SinglePart::builder()
                .content_type(ContentType::TEXT_PLAIN)
                .body(draft.text.clone()),
        )
    } else if !has_parts {
        builder.multipart(body)
    } else {
        let mut mixed = if draft.html.is_some() {
            MultiPart::mixed().multipart(body)
        } else {
            MultiPart::mixed().singlepart(
                SinglePart::builder()
                    .content_type(ContentType::TEXT_PLAIN)
                    .body(draft.text.clone()),
            )
        };
        for attachment in &draft.attachments {
            let mime = attachment
                .content_type
                .clone()
                .unwrap_or_else(|| mime_for(&attachment.file_name).to_string());
            let content_type = ContentType::parse(&mime)
                .unwrap_or_else(|_| ContentType::parse("application/octet-stream").unwrap());
            // Base64 always: it carries the bytes exactly (text files keep their line ends).
            let body =
                Body::new_with_encoding(attachment.data.clone(), ContentTransferEncoding::Base64)
                    .expect("base64 fits any content");
            mixed = mixed
                .singlepart(Attachment::new(attachment.file_name.clone()).body(body, content_type));
        }
        for original in &draft.forwarded {
            mixed = mixed.singlepart(rfc822_part(original));
        }
        builder.multipart(mixed)
    }
    .map_err(|e| ComposeError::Build(e.to_string()))?;

    let recipients = if recipients.is_empty() {
        Vec::new()
    } else {
        message
            .envelope()
            .to()
            .iter()
            .map(|a| a.to_string())
            .collect()
    };
    Ok(Built {
        message_id,
        from: from.email,
        recipients,
        bytes: message.formatted(),
    })
}

/// A forwarded message as a `message/rfc822` part. RFC 2046 allows only 7bit/8bit/binary
/// there; base64 is the fallback for an original whose lines are too long for 8bit.
fn rfc822_part(original: &[u8]) -> SinglePart {
    let name = MessageParser::default()
        .parse_headers(original)
        .and_then(|m| m.subject().map(|s| format!("{}.eml", safe_file_name(s))))
        .unwrap_or_else(|| "forwarded.eml".into());
    let content_type = ContentType::parse("message/rfc822").expect("a valid MIME type");
    // lettre treats bytes as binary; a UTF-8 (or ASCII) message goes in as text so 8bit fits.
    let body = match String::from_utf8(original.to_vec()) {
        Ok(text) => Body::new_with_encoding(text, ContentTransferEncoding::EightBit)
            .unwrap_or_else(Body::new),
        Err(raw) => Body::new(raw.into_bytes()),
    };
    SinglePart::builder()
        .content_type(content_type)
        .header(lettre::message::header::ContentDisposition::attachment(
            &name,
        ))
        .body(body)
}

fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .take(80)
        .collect();
    if cleaned.trim().is_empty() {
        "forwarded".into()
    } else {
        cleaned.trim().to_string()
    }
}

/// The MIME type for a file name's extension (the common ones; the rest are octet-stream).
pub fn mime_for(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" | "log" => "text/plain",
        "csv" => "text/csv",
        "htm" | "html" => "text/html",
        "ics" => "text/calendar",
        "vcf" => "text/vcard",
        "md" => "text/markdown",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "json" => "application/json",
        "xml" => "application/xml",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "rtf" => "application/rtf",
        "eml" => "message/rfc822",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "heic" => "image/heic",
        "tif" | "tiff" => "image/tiff",
        "bmp" => "image/bmp",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "ogg" => "audio/ogg",
        "m4a" => "audio/mp4",
        "mp4" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

// ---------- replies and forwards ----------

fn people(address: Option<&mail_parser::Address<'_>>) -> Vec<Person> {
    address
        .map(|a| {
            a.iter()
                .filter_map(|addr| Some(Person::new(addr.name(), addr.address()?)))
                .collect()
        })
        .unwrap_or_default()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(id) => vec![format!("<{id}>")],
        HeaderValue::TextList(list) => list.iter().map(|id| format!("<{id}>")).collect(),
        _ => Vec::new(),
    }
}

fn prefixed(prefix: &str, subject: &str) -> String {
    let trimmed = subject.trim();
    let lower = trimmed.to_lowercase();
    if lower.starts_with(&format!("{}:", prefix.to_lowercase())) {
        trimmed.to_string()
    } else {
        format!("{prefix}: {trimmed}")
    }
}

fn display(person: &Person) -> String {
    match &person.name {
        Some(name) => format!("{name} <{}>", person.email),
        None => person.email.clone(),
    }
}

fn original_text(original: &mail_parser::Message<'_>) -> String {
    original
        .body_text(0)
        .map(|t| t.into_owned())
        .unwrap_or_default()
}

fn date_text(original: &mail_parser::Message<'_>) -> String {
    original.date().map(|d| d.to_rfc822()).unwrap_or_default()
}

/// A reply to the sender (Reply-To when set), quoting the text, threaded by
/// In-Reply-To and References. `all` adds the other recipients, minus the user's own address.
pub fn reply(account: &Account, original: &mail_parser::Message<'_>, all: bool) -> Draft {
    let own = account.email.trim().to_lowercase();
    let mut to = people(original.reply_to());
    if to.is_empty() {
        to = people(original.from());
    }
    let mut cc = Vec::new();
    if all {
        to.extend(people(original.to()));
        cc = people(original.cc());
    }
    let mut seen = std::collections::HashSet::new();
    let mut keep = |p: &Person| {
        let key = p.email.to_lowercase();
        key != own && seen.insert(key)
    };
    to.retain(&mut keep);
    cc.retain(&mut keep);
    if to.is_empty() && !cc.is_empty() {
        to = std::mem::take(&mut cc);
    }
    // Replying to one's own sent message goes back to its recipients, not to oneself.
    if to.is_empty() {
        to = people(original.to());
    }

    let mut references = ids(original.references());
    if references.is_empty() {
        references = ids(original.in_reply_to());
    }
    let parent = original.message_id().map(|id| format!("<{id}>"));
    if let Some(id) = &parent {
        references.push(id.clone());
    }
    let who = people(original.from())
        .first()
        .map(|p| p.name.clone().unwrap_or_else(|| p.email.clone()))
        .unwrap_or_default();
    let attribution = crate::fl!(
        "send-reply-attribution",
        date = date_text(original),
        name = who
    );
    let quoted: String = original_text(original)
        .lines()
        .map(|line| {
            if line.starts_with('>') {
                format!(">{line}\n")
            } else {
                format!("> {line}\n")
            }
        })
        .collect();
    Draft {
        to,
        cc,
        subject: prefixed("Re", original.subject().unwrap_or_default()),
        text: format!("\n\n{attribution}\n{quoted}"),
        in_reply_to: parent,
        references,
        ..Draft::default()
    }
}

/// A forward with the original's text and headers inline and its attachments carried over.
pub fn forward_inline(original: &mail_parser::Message<'_>) -> Draft {
    let from = people(original.from())
        .iter()
        .map(display)
        .collect::<Vec<_>>()
        .join(", ");
    let to = people(original.to())
        .iter()
        .map(display)
        .collect::<Vec<_>>()
        .join(", ");
    let header = crate::fl!(
        "send-forward-header",
        from = from,
        date = date_text(original),
        subject = original.subject().unwrap_or_default().to_string(),
        to = to
    );
    let attachments = original
        .attachments()
        .map(|part| AttachmentSpec {
            file_name: part
                .attachment_name()
                .map(str::to_string)
                .unwrap_or_else(|| "attachment".into()),
            content_type: part.content_type().map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_string(),
            }),
            data: part.contents().to_vec(),
        })
        .collect();
    Draft {
        subject: prefixed("Fwd", original.subject().unwrap_or_default()),
        text: format!("\n\n{header}\n\n{}", original_text(original)),
        attachments,
        ..Draft::default()
    }
}

/// A forward carrying the whole original, untouched, as a `message/rfc822` attachment.
pub fn forward_as_attachment(original: &mail_parser::Message<'_>) -> Draft {
    Draft {
        subject: prefixed("Fwd", original.subject().unwrap_or_default()),
        forwarded: vec![original.raw_message().to_vec()],
        ..Draft::default()
    }
}

/// Reads a saved draft back into an editable [`Draft`].
pub fn reopen(raw: &[u8]) -> Option<Draft> {
    let message = MessageParser::default().parse(raw)?;
    let attachments = message
        .attachments()
        .filter(|part| !part.is_message())
        .map(|part| AttachmentSpec {
            file_name: part
                .attachment_name()
                .map(str::to_string)
                .unwrap_or_else(|| "attachment".into()),
            content_type: part.content_type().map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_string(),
            }),
            data: part.contents().to_vec(),
        })
        .collect();
    let forwarded = message
        .attachments()
        .filter(|part| part.is_message())
        .map(|part| part.contents().to_vec())
        .collect();
    let in_reply_to = ids(message.in_reply_to()).into_iter().next();
    // mail-parser synthesises HTML from text-only mail; keep only a real HTML part.
    let html = message
        .html_bodies()
        .find(|p| p.is_text_html())
        .and_then(|p| p.text_contents())
        .map(str::to_string);
    Some(Draft {
        to: people(message.to()),
        cc: people(message.cc()),
        bcc: people(message.bcc()),
        subject: message.subject().unwrap_or_default().to_string(),
        text: original_text(&message),
        html,
        attachments,
        forwarded,
        in_reply_to,
        references: ids(message.references()),
    })
}

#[cfg(test)]
#[path = "compose_tests.rs"]
mod tests;
