//! The configuration file: settings and accounts, as TOML at `Paths::config_file()`.
//!
//! Reading is tolerant (unknown keys are ignored, missing ones take defaults) so that an
//! older or newer Pillarbox can share the file. Writing is atomic, and a file we could not
//! read is never replaced behind the user's back: it may hold their only copy of settings.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::account::{Account, AccountId};
use super::paths::Paths;
use super::secret::{self, Password, SecretError};
use super::store::fsutil::write_atomic;

/// The file format version this build reads and writes.
pub const CONFIG_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the desktop's light or dark preference.
    #[default]
    System,
    Light,
    Dark,
}

/// A theme this build doesn't know (added by a later 1.x) falls back to `System` rather
/// than making the whole file unreadable.
impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Theme, D::Error> {
        Ok(match String::deserialize(deserializer)?.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        })
    }
}

/// Application-wide preferences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// A language tag such as "cy" or "en-GB"; `None` follows the system.
    pub language: Option<String>,
    /// Desktop notifications for new mail.
    pub notifications: bool,
    /// Default minutes between background checks for new accounts.
    pub check_interval_minutes: u32,
    /// Seconds a message stays selected before it is marked read; 0 marks at once.
    pub mark_read_delay_secs: u32,
    /// Load pictures from the internet in messages (off: they can track reading).
    pub load_remote_images: bool,
    /// Ask before deleting messages.
    pub confirm_delete: bool,
    /// Detail of the log file: a level ("info", "debug") or filter directives; `None` is
    /// "info". `RUST_LOG` overrides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_level: Option<String>,
    /// The size of text (and of the whole window's layout) in percent; `None` follows the
    /// desktop's text scaling. Kept within [`TEXT_SCALE_RANGE`] when read.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text_scale_within_range"
    )]
    pub text_scale_percent: Option<u16>,
}

/// Text sizes the window accepts, in percent: smaller is unreadable, larger leaves no room
/// for the mail.
pub const TEXT_SCALE_RANGE: std::ops::RangeInclusive<u16> = 50..=300;

/// A size out of range (edited by hand) is brought to the nearest end rather than making
/// the whole file unreadable.
fn text_scale_within_range<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u16>, D::Error> {
    let value = Option::<i64>::deserialize(deserializer)?;
    Ok(value.map(|percent| {
        let (low, high) = (*TEXT_SCALE_RANGE.start(), *TEXT_SCALE_RANGE.end());
        percent.clamp(low.into(), high.into()) as u16
    }))
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            language: None,
            notifications: true,
            check_interval_minutes: 5,
            mark_read_delay_secs: 2,
            load_remote_images: false,
            confirm_delete: true,
            log_level: None,
            text_scale_percent: None,
        }
    }
}

/// Everything in `config.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub version: u32,
    pub settings: Settings,
    pub accounts: Vec<Account>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: CONFIG_VERSION,
            settings: Settings::default(),
            accounts: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file exists but is not valid TOML for a Pillarbox config.
    #[error("{path} is damaged (line {line}): {message}")]
    Corrupt {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// Written by a newer Pillarbox; reading it could lose what we don't understand.
    #[error("{path} is version {found}, but this Pillarbox only knows version {supported} or older; update Pillarbox")]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// `save` would overwrite a file that could not be read.
    #[error("not saving: {path} could not be read and would be lost; move it aside first")]
    WouldOverwriteUnreadable { path: PathBuf },
    /// Another writer held the config for longer than we wait.
    #[error("{path} is being changed by another Pillarbox; try again")]
    Locked { path: PathBuf },
    #[error("the account {0} already exists")]
    DuplicateAccount(AccountId),
    #[error("there is no account {0}")]
    NoSuchAccount(AccountId),
    #[error("could not write the configuration: {0}")]
    Serialize(String),
}

impl ConfigError {
    /// The error in the user's language.
    pub fn user_message(&self) -> String {
        match self {
            ConfigError::Io { path, source } => crate::fl!(
                "config-error-io",
                path = path.display().to_string(),
                detail = source.to_string()
            ),
            ConfigError::Corrupt {
                path,
                line,
                message,
            } => crate::fl!(
                "config-error-corrupt",
                path = path.display().to_string(),
                line = line.to_string(),
                detail = message.clone()
            ),
            ConfigError::TooNew {
                path,
                found,
                supported,
            } => crate::fl!(
                "config-error-too-new",
                path = path.display().to_string(),
                found = found.to_string(),
                supported = supported.to_string()
            ),
            ConfigError::WouldOverwriteUnreadable { path } => {
                crate::fl!("config-error-overwrite", path = path.display().to_string())
            }
            ConfigError::Locked { path } => {
                crate::fl!("config-error-locked", path = path.display().to_string())
            }
            ConfigError::DuplicateAccount(id) => {
                crate::fl!("config-error-duplicate", account = id.0.clone())
            }
            ConfigError::NoSuchAccount(id) => {
                crate::fl!("config-error-no-account", account = id.0.clone())
            }
            ConfigError::Serialize(detail) => {
                crate::fl!("config-error-serialize", detail = detail.clone())
            }
        }
    }

    /// What the user can do about it, in their language.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            ConfigError::Io { .. } => crate::fl!("config-error-io-hint"),
            ConfigError::Corrupt { .. } => crate::fl!("config-error-corrupt-hint"),
            ConfigError::TooNew { .. } => crate::fl!("config-error-too-new-hint"),
            ConfigError::WouldOverwriteUnreadable { .. } => {
                crate::fl!("config-error-overwrite-hint")
            }
            ConfigError::Locked { path } => crate::fl!(
                "config-error-locked-hint",
                lock = format!("{}.lock", path.display())
            ),
            ConfigError::DuplicateAccount(_) => crate::fl!("config-error-duplicate-hint"),
            ConfigError::NoSuchAccount(_) => crate::fl!("config-error-no-account-hint"),
            ConfigError::Serialize(_) => return None,
        })
    }
}

impl Config {
    /// Reads the config. A missing file is the default config; a damaged one is an error
    /// and stays untouched on disk.
    pub fn load(paths: &Paths) -> Result<Config, ConfigError> {
        let path = paths.config_file();
        match fs::read_to_string(&path) {
            Ok(text) => Config::parse(&path, &text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Err(ConfigError::Corrupt {
                path,
                line: 1,
                message: e.to_string(),
            }),
            Err(source) => Err(ConfigError::Io { path, source }),
        }
    }

    /// Parses config text; `path` only names the file in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let corrupt = |e: toml::de::Error| ConfigError::Corrupt {
            path: path.to_path_buf(),
            line: e
                .span()
                .map(|span| 1 + text[..span.start.min(text.len())].matches('\n').count())
                .unwrap_or(1),
            message: e.message().trim().to_string(),
        };
        // Look at the version alone first: a newer file may not even parse as ours.
        #[derive(Deserialize)]
        struct Probe {
            version: Option<toml::Value>,
        }
        let probe: Probe = toml::from_str(text).map_err(corrupt)?;
        if let Some(found) = probe.version.as_ref().and_then(toml::Value::as_integer) {
            if found > i64::from(CONFIG_VERSION) {
                return Err(ConfigError::TooNew {
                    path: path.to_path_buf(),
                    found: u32::try_from(found).unwrap_or(u32::MAX),
                    supported: CONFIG_VERSION,
                });
            }
        }
        let mut config: Config = toml::from_str(text).map_err(corrupt)?;
        config.version = CONFIG_VERSION;
        Ok(config)
    }

    /// The TOML text `save` writes.
    pub fn to_toml(&self) -> Result<String, ConfigError> {
        let mut out = self.clone();
        out.version = CONFIG_VERSION;
        toml::to_string(&out).map_err(|e| ConfigError::Serialize(e.to_string()))
    }

    /// Writes the config atomically. Refuses when the file on disk cannot be read (damaged
    /// or from a newer version): see [`Config::reset_corrupt`]. To change one thing without
    /// losing another writer's change, prefer [`Config::update`].
    pub fn save(&self, paths: &Paths) -> Result<(), ConfigError> {
        let _lock = ConfigLock::acquire(paths, LOCK_WAIT)?;
        self.save_locked(paths)
    }

    fn save_locked(&self, paths: &Paths) -> Result<(), ConfigError> {
        let path = paths.config_file();
        match Config::load(paths) {
            Ok(_) => {}
            Err(ConfigError::Corrupt { .. }) | Err(ConfigError::TooNew { .. }) => {
                return Err(ConfigError::WouldOverwriteUnreadable { path })
            }
            Err(e) => return Err(e),
        }
        let text = self.to_toml()?;
        #[cfg(test)]
        if tests::FAIL_WRITES.get() {
            let source = io::Error::other("injected write failure");
            return Err(ConfigError::Io { path, source });
        }
        write_atomic(&path, text.as_bytes()).map_err(|source| ConfigError::Io { path, source })
    }

    /// Reads the file afresh, applies `change` and writes the result, with the file locked
    /// throughout: the window and a `pillarbox account add` running at once both keep their
    /// change. Nothing is written when `change` fails.
    pub fn update<T>(
        paths: &Paths,
        change: impl FnOnce(&mut Config) -> Result<T, ConfigError>,
    ) -> Result<(Config, T), ConfigError> {
        let _lock = ConfigLock::acquire(paths, LOCK_WAIT)?;
        let mut config = Config::load(paths)?;
        let out = change(&mut config)?;
        config.save_locked(paths)?;
        Ok((config, out))
    }

    /// Moves an unreadable config aside to `config.toml.corrupt-<UTC timestamp>` so that a
    /// fresh one can be saved. Returns where it went, or `None` when there was no file.
    pub fn reset_corrupt(paths: &Paths) -> Result<Option<PathBuf>, ConfigError> {
        let path = paths.config_file();
        if !path.exists() {
            return Ok(None);
        }
        let _lock = ConfigLock::acquire(paths, LOCK_WAIT)?;
        let stamp = utc_stamp(SystemTime::now());
        let mut aside = path.with_file_name(format!("config.toml.corrupt-{stamp}"));
        let mut n = 1;
        while aside.exists() {
            aside = path.with_file_name(format!("config.toml.corrupt-{stamp}-{n}"));
            n += 1;
        }
        fs::rename(&path, &aside).map_err(|source| ConfigError::Io {
            path: path.clone(),
            source,
        })?;
        if let Some(dir) = path.parent() {
            super::store::fsutil::sync_dir(dir)
                .map_err(|source| ConfigError::Io { path, source })?;
        }
        Ok(Some(aside))
    }

    pub fn account(&self, id: &AccountId) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id() == *id)
    }

    pub fn account_mut(&mut self, id: &AccountId) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id() == *id)
    }

    /// Adds a new account; an address that is already configured is an error.
    pub fn add_account(&mut self, account: Account) -> Result<(), ConfigError> {
        let id = account.id();
        if self.account(&id).is_some() {
            return Err(ConfigError::DuplicateAccount(id));
        }
        self.accounts.push(account);
        Ok(())
    }

    /// Adds or replaces (in place, keeping the order) the account with the same address.
    /// Returns the account it replaced.
    pub fn upsert_account(&mut self, account: Account) -> Option<Account> {
        match self.account_mut(&account.id()) {
            Some(existing) => Some(std::mem::replace(existing, account)),
            None => {
                self.accounts.push(account);
                None
            }
        }
    }

    /// Removes and returns the account.
    pub fn remove_account(&mut self, id: &AccountId) -> Result<Account, ConfigError> {
        let index = self
            .accounts
            .iter()
            .position(|a| a.id() == *id)
            .ok_or_else(|| ConfigError::NoSuchAccount(id.clone()))?;
        Ok(self.accounts.remove(index))
    }
}

/// How long a writer waits for another to finish with the config.
const LOCK_WAIT: Duration = Duration::from_secs(10);
/// A lock older than this was left by a process that died while saving.
const LOCK_STALE: Duration = Duration::from_secs(30);

/// `config.toml.lock`, held while the config is read, changed and written. A file created
/// with `create_new` works the same on every platform and across processes.
struct ConfigLock {
    path: PathBuf,
}

impl ConfigLock {
    fn acquire(paths: &Paths, wait: Duration) -> Result<ConfigLock, ConfigError> {
        let path = paths.config_dir.join("config.toml.lock");
        let io_error = |source| ConfigError::Io {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&paths.config_dir).map_err(io_error)?;
        let started = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(ConfigLock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok());
                    if age.is_some_and(|age| age > LOCK_STALE) {
                        tracing::warn!(path = %path.display(), "removing a stale config lock");
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if started.elapsed() >= wait {
                        let path = paths.config_file();
                        return Err(ConfigError::Locked { path });
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(source) => return Err(io_error(source)),
            }
        }
    }
}

impl Drop for ConfigLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// What [`save_account`] did.
#[derive(Debug)]
pub struct SavedAccount {
    /// The config as now on disk.
    pub config: Config,
    /// An account with the same address was replaced.
    pub replaced: bool,
}

/// Why [`save_account`] saved nothing.
#[derive(Debug, thiserror::Error)]
pub enum SaveAccountError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Secret(#[from] SecretError),
}

impl SaveAccountError {
    pub fn user_message(&self) -> String {
        match self {
            SaveAccountError::Config(e) => e.user_message(),
            SaveAccountError::Secret(e) => e.user_message(),
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            SaveAccountError::Config(e) => e.hint(),
            SaveAccountError::Secret(e) => Some(e.hint()),
        }
    }
}

/// Saves a new or changed account together with its password, all or nothing; the one way
/// the wizard and the CLI set up an account.
///
/// With `password`, it goes to the keyring first (no keyring: nothing is saved). Without,
/// the account's password must already be obtainable: its `password_command` is run, or the
/// keyring must hold one. Then the config is saved; if that fails, the keyring is put back
/// as it was. An existing address is an error unless `replace`.
pub fn save_account(
    paths: &Paths,
    account: Account,
    password: Option<&Password>,
    replace: bool,
) -> Result<SavedAccount, SaveAccountError> {
    let id = account.id();
    // Checked again under the lock below; this early look keeps the keyring untouched.
    let replaced = Config::load(paths)?.account(&id).is_some();
    if replaced && !replace {
        return Err(ConfigError::DuplicateAccount(id).into());
    }
    // The keyring may prompt and a password command may take a while: not under the lock.
    let previous = match password {
        Some(password) => {
            let keyring_only = Account {
                password_command: None,
                ..account.clone()
            };
            let previous = secret::password_for(&keyring_only).ok();
            secret::store_password(&account, password)?;
            Some(previous)
        }
        None => {
            secret::password_for(&account)?;
            None
        }
    };
    let result = Config::update(paths, |config| {
        let replaced = config.account(&id).is_some();
        if replaced && !replace {
            return Err(ConfigError::DuplicateAccount(id.clone()));
        }
        config.upsert_account(account.clone());
        Ok(replaced)
    });
    match result {
        Ok((config, replaced)) => {
            if password.is_none() && account.password_command.is_some() {
                // A keyring password from an earlier setup of this address would linger.
                let _ = secret::delete_password(&account);
            }
            Ok(SavedAccount { config, replaced })
        }
        Err(error) => {
            match previous {
                Some(Some(old)) => {
                    let _ = secret::store_password(&account, &old);
                }
                Some(None) => {
                    let _ = secret::delete_password(&account);
                }
                None => {}
            }
            Err(error.into())
        }
    }
}

/// `20261125T201530Z`: sortable, and safe in a file name on every platform.
fn utc_stamp(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
