//! What the cache knows about each server folder, written atomically after the
//! messages it describes are on disk.
//!
//! Which UIDs are cached is not stored here: it is read from the Maildir names
//! (`,U=<uid>`), so the state can never list a message that isn't on disk.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::folders::Role;
use crate::mail::store::fsutil::write_atomic;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FolderState {
    /// The folder's name for people (modified UTF-7 decoded).
    pub display: String,
    /// The Maildir folder under the account's mail root.
    pub local: String,
    pub role: Option<Role>,
    pub delimiter: Option<char>,
    pub uidvalidity: u32,
    /// Every UID below this was seen by the last complete sync.
    pub uidnext: u32,
    pub highestmodseq: Option<u64>,
    pub messages: u32,
    /// False from the moment the first message of a new UIDVALIDITY is written until the
    /// folder has been fully fetched once; an incomplete folder is compared UID by UID.
    pub complete: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountState {
    pub version: u32,
    /// By the server's (raw, modified UTF-7) folder name.
    pub folders: BTreeMap<String, FolderState>,
}

impl AccountState {
    pub fn file(state_dir: &Path) -> PathBuf {
        state_dir.join("imap-state.json")
    }

    /// Reads the state; a missing or unreadable file means "nothing known": the next sync
    /// compares every folder UID by UID, which is slower but loses and duplicates nothing.
    pub fn load(state_dir: &Path) -> AccountState {
        let path = Self::file(state_dir);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                tracing::warn!(path = %path.display(), %error, "sync state unreadable; rebuilding");
                AccountState::default()
            }),
            Err(_) => AccountState::default(),
        }
    }

    pub fn save(&self, state_dir: &Path) -> io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        write_atomic(&Self::file(state_dir), &bytes)
    }

    /// The server name of the folder shown as `display` (or with that raw name).
    pub fn find(&self, display: &str) -> Option<(&String, &FolderState)> {
        self.folders
            .iter()
            .find(|(raw, f)| f.display == display || raw.as_str() == display)
            .or_else(|| {
                self.folders
                    .iter()
                    .find(|(_, f)| f.display.eq_ignore_ascii_case(display))
            })
    }

    pub fn with_role(&self, role: Role) -> Option<(&String, &FolderState)> {
        self.folders.iter().find(|(_, f)| f.role == Some(role))
    }
}
