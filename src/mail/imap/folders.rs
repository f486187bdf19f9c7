//! Server folders: LIST with SPECIAL-USE (RFC 6154) and STATUS, roles, local names.

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use async_imap::imap_proto::{MailboxDatum, NameAttribute, Response, StatusAttribute};

use super::conn::{quote, Conn};
use super::utf7;
use super::ImapError;

/// What a folder is for, from SPECIAL-USE or, failing that, its name: the store's roles,
/// so the sync state, the index and the UI speak of the same thing.
pub use crate::mail::store::folder::Role;

/// A folder's counters from STATUS (or SELECT).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FolderStatus {
    pub messages: u32,
    pub uidnext: u32,
    pub uidvalidity: u32,
    pub highestmodseq: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteFolder {
    /// The name as the server spells it (modified UTF-7), for commands.
    pub name: String,
    /// The name for people.
    pub display: String,
    pub delimiter: Option<char>,
    pub role: Option<Role>,
    pub selectable: bool,
    pub status: Option<FolderStatus>,
}

fn role_from_attributes(attributes: &[NameAttribute<'_>]) -> Option<Role> {
    attributes.iter().find_map(|a| match a {
        NameAttribute::Sent => Some(Role::Sent),
        NameAttribute::Drafts => Some(Role::Drafts),
        NameAttribute::Trash => Some(Role::Trash),
        NameAttribute::Junk => Some(Role::Junk),
        NameAttribute::Archive => Some(Role::Archive),
        _ => None,
    })
}

/// Common names of folders on servers without SPECIAL-USE, at any level (`INBOX/Junk`
/// on servers that keep everything under INBOX). INBOX itself is known by its name.
fn role_from_name(display: &str) -> Option<Role> {
    let lower = display.to_lowercase();
    let leaf = lower.rsplit(['/', '.']).next().unwrap_or(&lower);
    Role::from_well_known_name(leaf).filter(|role| *role != Role::Inbox)
}

fn status_from(attributes: &[StatusAttribute]) -> FolderStatus {
    let mut status = FolderStatus::default();
    for attribute in attributes {
        match attribute {
            StatusAttribute::Messages(n) => status.messages = *n,
            StatusAttribute::UidNext(n) => status.uidnext = *n,
            StatusAttribute::UidValidity(n) => status.uidvalidity = *n,
            StatusAttribute::HighestModSeq(n) => status.highestmodseq = Some(*n),
            _ => {}
        }
    }
    status
}

/// Lists every folder with its counters, in as few round trips as the server allows:
/// one LIST-STATUS (RFC 5819) where offered, else LIST then pipelined STATUS commands.
pub async fn list(conn: &mut Conn) -> Result<Vec<RemoteFolder>, ImapError> {
    let special_use = conn.has("SPECIAL-USE");
    let list_status = conn.has("LIST-STATUS");
    let condstore = conn.has("CONDSTORE");
    let items = if condstore {
        "MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ"
    } else {
        "MESSAGES UIDNEXT UIDVALIDITY"
    };
    let mut returns = Vec::new();
    if special_use {
        returns.push("SPECIAL-USE".to_string());
    }
    if list_status {
        returns.push(format!("STATUS ({items})"));
    }
    let command = if returns.is_empty() {
        "LIST \"\" \"*\"".to_string()
    } else {
        format!("LIST \"\" \"*\" RETURN ({})", returns.join(" "))
    };
    let mut folders: Vec<RemoteFolder> = Vec::new();
    let mut statuses: Vec<(String, FolderStatus)> = Vec::new();
    conn.run(&command, "list folders", |response| {
        collect(response, &mut folders, &mut statuses)
    })
    .await?;
    if !list_status {
        let mut tags = Vec::new();
        for folder in folders.iter().filter(|f| f.selectable) {
            let cmd = format!("STATUS {} ({items})", quote(&folder.name));
            tags.push(conn.send(&cmd, "status").await?);
        }
        for tag in tags {
            conn.finish(&tag, "status", |response| {
                collect(response, &mut folders, &mut statuses)
            })
            .await?;
        }
    }
    for (name, status) in statuses {
        if let Some(folder) = folders.iter_mut().find(|f| f.name == name) {
            folder.status = Some(status);
        }
    }
    Ok(folders)
}

fn collect(
    response: &Response<'_>,
    folders: &mut Vec<RemoteFolder>,
    statuses: &mut Vec<(String, FolderStatus)>,
) {
    match response {
        Response::MailboxData(MailboxDatum::List(data)) => {
            let name: &str = &data.name;
            let name = if name.eq_ignore_ascii_case("INBOX") {
                "INBOX".to_string()
            } else {
                name.to_string()
            };
            let display = utf7::decode(&name);
            let role = if name == "INBOX" {
                Some(Role::Inbox)
            } else {
                role_from_attributes(&data.name_attributes).or_else(|| role_from_name(&display))
            };
            let selectable = !data.name_attributes.iter().any(|a| {
                matches!(a, NameAttribute::NoSelect)
                    || matches!(a, NameAttribute::Extension(Cow::Borrowed(e)) if e.eq_ignore_ascii_case("\\NonExistent"))
                    || matches!(a, NameAttribute::Extension(Cow::Owned(e)) if e.eq_ignore_ascii_case("\\NonExistent"))
            });
            folders.push(RemoteFolder {
                name,
                display,
                delimiter: data.delimiter.as_deref().and_then(|d| d.chars().next()),
                role,
                selectable,
                status: None,
            });
        }
        Response::MailboxData(MailboxDatum::Status { mailbox, status }) => {
            let name: &str = mailbox;
            let name = if name.eq_ignore_ascii_case("INBOX") {
                "INBOX".to_string()
            } else {
                name.to_string()
            };
            statuses.push((name, status_from(status)));
        }
        _ => {}
    }
}

/// The local folder name for a server folder (the store's scheme: levels joined
/// with '/', INBOX in capitals).
pub fn local_name(display: &str, delimiter: Option<char>) -> String {
    crate::mail::store::folder::local_name(display, delimiter)
}

/// Where a folder's Maildir lives under the account's mail root.
pub fn maildir_path(root: &Path, local: &str) -> PathBuf {
    crate::mail::store::folder::maildir_path(root, local)
}

/// Moves one folder's messages (its cur/new/tmp, not sub-folders that may live inside
/// its directory) to another place, for a folder renamed on the server.
pub fn move_cache(from: &Path, to: &Path) -> io::Result<()> {
    if !from.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    for sub in ["cur", "new", "tmp"] {
        let (old, new) = (from.join(sub), to.join(sub));
        if !old.exists() {
            continue;
        }
        if new.exists() {
            // Only an empty leftover can be in the way; never overwrite messages.
            let _ = std::fs::remove_dir(&new);
        }
        std::fs::rename(&old, &new)?;
    }
    crate::mail::store::fsutil::sync_dir(to)?;
    let _ = std::fs::remove_dir(from);
    if let Some(parent) = from.parent() {
        crate::mail::store::fsutil::sync_dir(parent)?;
    }
    Ok(())
}

/// Removes one folder's cached messages, keeping any sub-folders inside its directory.
pub fn remove_cache(dir: &Path) -> io::Result<()> {
    for sub in ["cur", "new", "tmp"] {
        match std::fs::remove_dir_all(dir.join(sub)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let _ = std::fs::remove_dir(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_and_paths() {
        assert_eq!(local_name("INBOX", Some('/')), "INBOX");
        assert_eq!(local_name("Archive.2024", Some('.')), "Archive/2024");
        let root = Path::new("/m");
        assert_eq!(
            maildir_path(root, "Archive/2024"),
            Path::new("/m/Archive/2024")
        );
        assert!(maildir_path(root, "../x").starts_with(root));
        assert_eq!(role_from_name("Sent Items"), Some(Role::Sent));
        assert_eq!(role_from_name("INBOX/Junk"), Some(Role::Junk));
        // The same names as the store's guess, with the IMAP nesting rule.
        assert_eq!(
            role_from_name("Deleted Items"),
            Role::guess("Deleted Items")
        );
        assert_eq!(role_from_name("Projects/Sent"), Some(Role::Sent));
        assert_eq!(Role::guess("Projects/Sent"), None);
        assert_eq!(role_from_name("INBOX"), None);
        assert_eq!(role_from_name("Newsletters"), None);
    }
}
