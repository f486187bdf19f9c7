//! Where Pillarbox keeps its files.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::account::AccountId;

/// Config, data and cache folders. `PILLARBOX_HOME` puts all three under one folder
/// (portable installs and tests); otherwise the platform's conventional places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub cache_dir: PathBuf,
}

#[derive(Debug, thiserror::Error)]
#[error("no home folder could be found; set PILLARBOX_HOME to a folder for Pillarbox's files")]
pub struct NoHome;

impl Paths {
    pub fn from_env() -> Result<Paths, NoHome> {
        if let Some(home) = std::env::var_os("PILLARBOX_HOME").filter(|h| !h.is_empty()) {
            return Ok(Paths::under(Path::new(&home)));
        }
        let dirs = ProjectDirs::from("org", "Pillarbox", "Pillarbox").ok_or(NoHome)?;
        Ok(Paths {
            config_dir: dirs.config_dir().to_path_buf(),
            data_dir: dirs.data_dir().to_path_buf(),
            cache_dir: dirs.cache_dir().to_path_buf(),
        })
    }

    pub fn under(root: &Path) -> Paths {
        Paths {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
            cache_dir: root.join("cache"),
        }
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    /// The root of one account's local mail store (one Maildir per folder below it).
    pub fn mail_root(&self, account: &AccountId) -> PathBuf {
        self.data_dir.join("mail").join(sanitize(&account.0))
    }

    /// Per-account sync state, indexes and journals.
    pub fn state_dir(&self, account: &AccountId) -> PathBuf {
        self.data_dir.join("state").join(sanitize(&account.0))
    }

    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }
}

/// A file-name-safe form of an address: keeps it readable, drops path separators.
fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '\0' => '_',
            c => c,
        })
        .collect()
}
