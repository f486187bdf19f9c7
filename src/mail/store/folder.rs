//! Folder names: server names (IMAP, any delimiter) to account-local names to Maildir
//! paths that mutt, neomutt and notmuch can read.
//!
//! A local name is the server name with the delimiter replaced by `/`, `INBOX` always in
//! capitals: `INBOX`, `Sent`, `Archive/2024`. On disk each level is a folder holding its
//! own `cur/new/tmp` and its children (mbsync's `SubFolders Verbatim` layout), so
//! `Archive/2024` is `<mail root>/Archive/2024/{cur,new,tmp}`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Separator of levels in a local folder name.
pub const SEP: char = '/';
/// The one folder every account has.
pub const INBOX: &str = "INBOX";
/// Stands in for a `/` inside one level of a server name whose delimiter is not `/`
/// (U+2215 DIVISION SLASH looks the same in a folder list).
const SLASH_STANDIN: char = '\u{2215}';

/// Special-use roles (RFC 6154) the UI gives icons and the engine uses for sent mail,
/// drafts and deletes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Inbox,
    Sent,
    Drafts,
    Trash,
    Junk,
    Archive,
}

/// Folder names (lowercase) that mean a role, from the mail programs and servers people
/// come from: Outlook's "Sent Items" and "Deleted Items", Apple's "Sent Messages", and so on.
const WELL_KNOWN: &[(&str, Role)] = &[
    ("inbox", Role::Inbox),
    ("sent", Role::Sent),
    ("sent items", Role::Sent),
    ("sent messages", Role::Sent),
    ("sent mail", Role::Sent),
    ("sentmail", Role::Sent),
    ("outbox sent", Role::Sent),
    ("drafts", Role::Drafts),
    ("draft", Role::Drafts),
    ("trash", Role::Trash),
    ("deleted", Role::Trash),
    ("deleted items", Role::Trash),
    ("deleted messages", Role::Trash),
    ("bin", Role::Trash),
    ("wastebasket", Role::Trash),
    ("junk", Role::Junk),
    ("spam", Role::Junk),
    ("junk e-mail", Role::Junk),
    ("junk email", Role::Junk),
    ("bulk mail", Role::Junk),
    ("bulk", Role::Junk),
    ("archive", Role::Archive),
    ("archives", Role::Archive),
    ("all mail", Role::Archive),
];

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Inbox,
        Role::Sent,
        Role::Drafts,
        Role::Trash,
        Role::Junk,
        Role::Archive,
    ];

    /// From an IMAP LIST attribute such as `\Sent` (case-insensitive, backslash optional).
    pub fn from_special_use(attribute: &str) -> Option<Role> {
        let attr = attribute.trim_start_matches('\\').to_ascii_lowercase();
        Some(match attr.as_str() {
            "inbox" => Role::Inbox,
            "sent" => Role::Sent,
            "drafts" => Role::Drafts,
            "trash" => Role::Trash,
            "junk" => Role::Junk,
            "archive" | "all" => Role::Archive,
            _ => return None,
        })
    }

    /// A guess from a folder's name, for servers that do not announce special use.
    /// Only top-level folders count: `Projects/Sent` is not the Sent folder.
    pub fn guess(local_name: &str) -> Option<Role> {
        if local_name.contains(SEP) {
            return None;
        }
        Role::from_well_known_name(local_name)
    }

    /// The role a single folder name stands for in mail programs and on servers
    /// (`Sent Items` -> Sent), whatever its place in the tree: callers add their own
    /// nesting rule ([`Role::guess`]; the IMAP sync looks at the last level).
    pub fn from_well_known_name(name: &str) -> Option<Role> {
        let name = name.trim().to_lowercase();
        WELL_KNOWN
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, role)| *role)
    }

    /// The local folder Pillarbox creates for this role when the server has none
    /// (POP3 accounts).
    pub fn default_name(self) -> &'static str {
        match self {
            Role::Inbox => INBOX,
            Role::Sent => "Sent",
            Role::Drafts => "Drafts",
            Role::Trash => "Trash",
            Role::Junk => "Junk",
            Role::Archive => "Archive",
        }
    }
}

/// A server folder name (already decoded from modified UTF-7) to a local name.
/// `delimiter` is the server's hierarchy delimiter (`None`: a flat namespace).
pub fn local_name(server_name: &str, delimiter: Option<char>) -> String {
    let levels: Vec<String> = match delimiter {
        Some(d) => server_name.split(d).map(str::to_string).collect(),
        None => vec![server_name.to_string()],
    };
    let mut levels: Vec<String> = levels
        .into_iter()
        .map(|level| {
            if delimiter == Some(SEP) {
                level
            } else {
                level.replace(SEP, &SLASH_STANDIN.to_string())
            }
        })
        .collect();
    // RFC 3501: INBOX is case-insensitive, and so is its use as a parent (INBOX.Sub).
    if levels
        .first()
        .is_some_and(|l| l.eq_ignore_ascii_case(INBOX))
    {
        levels[0] = INBOX.to_string();
    }
    levels.join(&SEP.to_string())
}

/// The inverse of [`local_name`]: the server name to ask for, given its delimiter.
pub fn server_name(local: &str, delimiter: Option<char>) -> String {
    match delimiter {
        Some(SEP) | None => local.to_string(),
        Some(d) => local
            .split(SEP)
            .map(|level| level.replace(SLASH_STANDIN, "/"))
            .collect::<Vec<_>>()
            .join(&d.to_string()),
    }
}

/// Where a local folder's Maildir lives under the account's mail root.
pub fn maildir_path(mail_root: &Path, local: &str) -> PathBuf {
    let mut path = mail_root.to_path_buf();
    for level in local.split(SEP).filter(|l| !l.is_empty()) {
        path.push(escape_level(level));
    }
    path
}

/// Every local folder with a Maildir under `mail_root`, sorted, INBOX first.
pub fn discover(mail_root: &Path) -> std::io::Result<Vec<String>> {
    let mut found = Vec::new();
    if mail_root.is_dir() {
        walk(mail_root, "", &mut found)?;
    }
    found.sort_by(|a, b| (a != INBOX, a).cmp(&(b != INBOX, b)));
    Ok(found)
}

fn walk(dir: &Path, prefix: &str, found: &mut Vec<String>) -> std::io::Result<()> {
    for dirent in fs::read_dir(dir)? {
        let dirent = dirent?;
        if !dirent.file_type()?.is_dir() {
            continue;
        }
        let raw = dirent.file_name().to_string_lossy().into_owned();
        // Escaped names never start with a dot: dot folders belong to other tools (.notmuch).
        if raw.starts_with('.') || MAILDIR_SUBDIRS.contains(&raw.as_str()) {
            continue;
        }
        let name = if prefix.is_empty() {
            unescape_level(&raw)
        } else {
            format!("{prefix}{SEP}{}", unescape_level(&raw))
        };
        let path = dirent.path();
        if MAILDIR_SUBDIRS.iter().all(|s| path.join(s).is_dir()) {
            found.push(name.clone());
        }
        walk(&path, &name, found)?;
    }
    Ok(())
}

const MAILDIR_SUBDIRS: [&str; 3] = ["cur", "new", "tmp"];

const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Makes one level of a folder name safe as a file name on Linux, macOS and Windows,
/// reversibly: unsafe characters become `%XX` (UTF-8 bytes), as do a leading dot
/// (hidden, and Maildir++'s marker), trailing dots and spaces (Windows drops them), the
/// first letter of `cur`/`new`/`tmp` (they would clash with the Maildir's own folders)
/// and of Windows device names (`CON`, `NUL`...).
pub fn escape_level(level: &str) -> String {
    let mut out = String::with_capacity(level.len());
    let chars: Vec<char> = level.chars().collect();
    let lower = level.to_ascii_lowercase();
    let stem = lower.split('.').next().unwrap_or("");
    let escape_first =
        MAILDIR_SUBDIRS.contains(&lower.as_str()) || WINDOWS_RESERVED.contains(&stem);
    let trailing_from = chars
        .iter()
        .rposition(|c| *c != '.' && *c != ' ')
        .map_or(0, |i| i + 1);
    for (i, &c) in chars.iter().enumerate() {
        let unsafe_char = matches!(
            c,
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' | '%'
        ) || c.is_control()
            || (i == 0 && (c == '.' || escape_first))
            || i >= trailing_from;
        if unsafe_char {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The inverse of [`escape_level`]; a stray `%` not followed by two hex digits is kept.
pub fn unescape_level(escaped: &str) -> String {
    let bytes = escaped.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes IMAP's modified UTF-7 (RFC 3501 5.1.3). `None` for malformed input, so a
/// caller can fall back to the raw name rather than show garbage.
pub fn decode_imap_utf7(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find('-')?;
        let encoded = &after[..end];
        if encoded.is_empty() {
            out.push('&');
        } else {
            out.push_str(&decode_utf16_b64(encoded)?);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Encodes a name into IMAP's modified UTF-7, for sending folder names to the server.
pub fn encode_imap_utf7(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        out.push_str(&b64_encode(&bytes));
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut pending, &mut out);
    out
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        let digits = chunk.len() + 1;
        for i in 0..digits {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn decode_utf16_b64(encoded: &str) -> Option<String> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut bytes = Vec::new();
    for c in encoded.bytes() {
        let v = B64.iter().position(|&b| b == c)? as u32;
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            bytes.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_names_map_to_local_and_back() {
        assert_eq!(local_name("inbox", Some('.')), "INBOX");
        assert_eq!(
            local_name("INBOX.Archive.2024", Some('.')),
            "INBOX/Archive/2024"
        );
        assert_eq!(local_name("Archive/2024", Some('/')), "Archive/2024");
        assert_eq!(local_name("a/b", Some('.')), "a\u{2215}b");
        assert_eq!(local_name("Flat.name", None), "Flat.name");
        for (server, delim) in [
            ("INBOX.Archive.2024", Some('.')),
            ("Archive/2024", Some('/')),
            ("Work.a/b", Some('.')),
            ("Flat.name", None),
        ] {
            assert_eq!(server_name(&local_name(server, delim), delim), server);
        }
    }

    #[test]
    fn escaping_is_safe_and_reversible() {
        let cases = [
            ("INBOX", "INBOX"),
            ("Sent Items", "Sent Items"),
            ("a:b", "a%3Ab"),
            ("what?", "what%3F"),
            ("50% off", "50%25 off"),
            (".hidden", "%2Ehidden"),
            ("dots...", "dots%2E%2E%2E"),
            ("space ", "space%20"),
            ("cur", "%63ur"),
            ("NEW", "%4EEW"),
            ("con", "%63on"),
            ("nul.txt", "%6Eul.txt"),
            ("tab\there", "tab%09here"),
            ("Cyfarfodydd \u{2764}", "Cyfarfodydd \u{2764}"),
            ("back\\slash|pipe*", "back%5Cslash%7Cpipe%2A"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(escape_level(raw), escaped, "{raw}");
            assert_eq!(unescape_level(escaped), raw);
        }
        assert_eq!(unescape_level("100%"), "100%");
        assert_eq!(unescape_level("%zz"), "%zz");
    }

    #[test]
    fn nested_paths_and_discovery() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["INBOX", "Archive/2024", "Archive/a:b", "cur", "Sent"] {
            super::super::Maildir::open(maildir_path(dir.path(), name)).unwrap();
        }
        assert!(dir.path().join("Archive/2024/cur").is_dir());
        assert!(dir.path().join("%63ur/new").is_dir());
        // "Archive" itself only holds children: not a Maildir, not listed.
        assert_eq!(
            discover(dir.path()).unwrap(),
            ["INBOX", "Archive/2024", "Archive/a:b", "Sent", "cur"]
        );
    }

    #[test]
    fn modified_utf7() {
        let cases = [
            ("INBOX", "INBOX"),
            ("Entw&APw-rfe", "Entw\u{fc}rfe"),
            ("&-", "&"),
            ("Tom &- Jerry", "Tom & Jerry"),
            ("&ZeVnLIqe-", "\u{65e5}\u{672c}\u{8a9e}"),
            ("&2D3eAA-", "\u{1f600}"),
        ];
        for (encoded, decoded) in cases {
            assert_eq!(decode_imap_utf7(encoded).as_deref(), Some(decoded));
            assert_eq!(encode_imap_utf7(decoded), encoded);
        }
        assert_eq!(decode_imap_utf7("&AP"), None);
        assert_eq!(decode_imap_utf7("&A!-"), None);
    }

    #[test]
    fn roles() {
        assert_eq!(Role::from_special_use("\\Sent"), Some(Role::Sent));
        assert_eq!(Role::from_special_use("\\Junk"), Some(Role::Junk));
        assert_eq!(Role::from_special_use("\\HasChildren"), None);
        assert_eq!(Role::guess("Sent Items"), Some(Role::Sent));
        assert_eq!(Role::guess("Deleted Items"), Some(Role::Trash));
        assert_eq!(Role::guess("Projects/Sent"), None);
        for role in Role::ALL {
            assert_eq!(Role::guess(role.default_name()), Some(role));
        }
    }
}
