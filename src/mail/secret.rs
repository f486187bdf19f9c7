//! Passwords: held only in memory, never printed, never written to a file by Pillarbox.
//!
//! An account's password comes from its `password_command` when it has one (the power
//! user's way: `pass show ...`, like mbsync's PassCmd), otherwise from the OS keyring
//! (Keychain, Windows Credential Manager, Secret Service) under service "pillarbox" and the
//! account id. There is deliberately no plain-text fallback.
//!
//! These calls block (D-Bus, child processes): from async code run them with
//! `tokio::task::spawn_blocking`.

use std::fmt;
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use keyring_core::{CredentialStore, Entry, Error as KeyringError};

use super::account::{Account, AccountId};

/// The keyring service name every Pillarbox entry is filed under.
pub const SERVICE: &str = "pillarbox";

/// How long a `password_command` may run (it may wait for a GPG agent's PIN prompt).
pub const PASSWORD_COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// A password. `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Password(String);

impl Password {
    pub fn new(secret: impl Into<String>) -> Password {
        Password(secret.into())
    }

    /// The secret itself, for the one place that sends it to a server.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first line of a command's or a pipe's output: `pass` and friends print the
    /// password on line one and may add notes below it.
    pub fn from_first_line(text: &str) -> Password {
        let line = text.split('\n').next().unwrap_or_default();
        Password::new(line.strip_suffix('\r').unwrap_or(line))
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Why a password could not be stored, found or deleted. Never contains the password.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// No OS keyring: typical of a headless Linux box without a Secret Service.
    #[error("no OS keyring (Secret Service) is available to keep the password ({detail}); set the account's password_command instead, e.g. `pass show email/ann`")]
    NoKeyring { detail: String },
    #[error("the keyring has no password for {account}")]
    NotFound { account: AccountId },
    #[error("the keyring refused access to the password for {account}: {detail}")]
    Denied { account: AccountId, detail: String },
    #[error("the keyring failed for {account}: {detail}")]
    Keyring { account: AccountId, detail: String },
    #[error("the password command for {account} could not be started: {detail}")]
    CommandSpawn { account: AccountId, detail: String },
    #[error("the password command for {account} failed ({status}): {stderr}")]
    CommandFailed {
        account: AccountId,
        status: String,
        stderr: String,
    },
    #[error("the password command for {account} did not finish within {} seconds", timeout.as_secs())]
    CommandTimedOut {
        account: AccountId,
        timeout: Duration,
    },
    #[error("the password command for {account} printed no password")]
    CommandEmpty { account: AccountId },
    #[error("the password command for {account} printed text that is not UTF-8")]
    CommandNotUtf8 { account: AccountId },
}

impl SecretError {
    /// The error in the user's language.
    pub fn user_message(&self) -> String {
        use crate::fl;
        match self {
            SecretError::NoKeyring { detail } => {
                fl!("secret-error-no-keyring", detail = detail.clone())
            }
            SecretError::NotFound { account } => {
                fl!("secret-error-not-found", account = account.0.clone())
            }
            SecretError::Denied { account, detail } => fl!(
                "secret-error-denied",
                account = account.0.clone(),
                detail = detail.clone()
            ),
            SecretError::Keyring { account, detail } => fl!(
                "secret-error-keyring",
                account = account.0.clone(),
                detail = detail.clone()
            ),
            SecretError::CommandSpawn { account, detail } => fl!(
                "secret-error-command-spawn",
                account = account.0.clone(),
                detail = detail.clone()
            ),
            SecretError::CommandFailed {
                account,
                status,
                stderr,
            } => fl!(
                "secret-error-command-failed",
                account = account.0.clone(),
                status = status.clone(),
                stderr = stderr.clone()
            ),
            SecretError::CommandTimedOut { account, timeout } => fl!(
                "secret-error-command-timeout",
                account = account.0.clone(),
                seconds = timeout.as_secs()
            ),
            SecretError::CommandEmpty { account } => {
                fl!("secret-error-command-empty", account = account.0.clone())
            }
            SecretError::CommandNotUtf8 { account } => {
                fl!("secret-error-command-not-utf8", account = account.0.clone())
            }
        }
    }

    /// What the user can do about it, in their language.
    pub fn hint(&self) -> String {
        use crate::fl;
        match self {
            SecretError::NoKeyring { .. } => fl!("secret-error-no-keyring-hint"),
            SecretError::NotFound { .. } => fl!("secret-error-not-found-hint"),
            SecretError::Denied { .. } => fl!("secret-error-denied-hint"),
            SecretError::Keyring { .. } => fl!("secret-error-keyring-hint"),
            SecretError::CommandSpawn { .. }
            | SecretError::CommandFailed { .. }
            | SecretError::CommandTimedOut { .. }
            | SecretError::CommandEmpty { .. }
            | SecretError::CommandNotUtf8 { .. } => fl!("secret-error-command-hint"),
        }
    }
}

/// The in-memory store selected by [`use_mock_store`], if any.
static MOCK: Mutex<Option<Arc<CredentialStore>>> = Mutex::new(None);

/// Uses an in-memory store for the rest of the process instead of the OS keyring: for
/// tests, and for `PILLARBOX_KEYRING=memory`. Nothing is written to disk; everything is
/// forgotten at exit.
pub fn use_mock_store() {
    let mut mock = MOCK.lock().unwrap_or_else(|p| p.into_inner());
    if mock.is_none() {
        let store: Arc<CredentialStore> =
            keyring_core::mock::Store::new().expect("the in-memory store always starts");
        *mock = Some(store);
    }
}

/// Whether the in-memory store is in use.
pub fn using_mock_store() -> bool {
    MOCK.lock().unwrap_or_else(|p| p.into_inner()).is_some()
}

fn entry(id: &AccountId) -> Result<Entry, SecretError> {
    let mock = MOCK.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let made = match mock {
        Some(store) => Entry::new_in_store(&store, SERVICE, &id.0),
        None => {
            if let Err(e) = keyring::Entry::store_status() {
                return Err(SecretError::NoKeyring {
                    detail: e.to_string(),
                });
            }
            keyring::Entry::new(SERVICE, &id.0).map(|e| e.inner)
        }
    };
    made.map_err(|e| keyring_error(id, e))
}

/// Maps keyring errors by hand: some variants carry secret bytes in their `Debug`.
fn keyring_error(id: &AccountId, error: KeyringError) -> SecretError {
    let account = id.clone();
    let detail = error.to_string();
    match error {
        KeyringError::NoEntry => SecretError::NotFound { account },
        KeyringError::NoDefaultStore => SecretError::NoKeyring { detail },
        KeyringError::NoStorageAccess(_) => SecretError::Denied { account, detail },
        // A session bus without a Secret Service answers "ServiceUnknown".
        KeyringError::PlatformFailure(_)
            if detail.contains("ServiceUnknown") || detail.contains("org.freedesktop.secrets") =>
        {
            SecretError::NoKeyring { detail }
        }
        _ => SecretError::Keyring { account, detail },
    }
}

/// Keeps `password` in the keyring for `account` (replacing any earlier one).
pub fn store_password(account: &Account, password: &Password) -> Result<(), SecretError> {
    let id = account.id();
    entry(&id)?
        .set_password(password.expose())
        .map_err(|e| keyring_error(&id, e))
}

/// The password for `account`: its `password_command` output when set, else the keyring's.
pub fn password_for(account: &Account) -> Result<Password, SecretError> {
    match account
        .password_command
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        Some(command) => run_password_command(&account.id(), command, PASSWORD_COMMAND_TIMEOUT),
        None => {
            let id = account.id();
            entry(&id)?
                .get_password()
                .map(Password::new)
                .map_err(|e| keyring_error(&id, e))
        }
    }
}

/// Removes `account`'s keyring entry. Returns whether there was one.
pub fn delete_password(account: &Account) -> Result<bool, SecretError> {
    let id = account.id();
    match entry(&id)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(KeyringError::NoEntry) => Ok(false),
        Err(e) => Err(keyring_error(&id, e)),
    }
}

/// Runs `command` through the platform shell and takes the first line of its output.
pub fn run_password_command(
    account: &AccountId,
    command: &str,
    timeout: Duration,
) -> Result<Password, SecretError> {
    let mut cmd = shell(command);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        // Its own process group, so a timeout can stop the whole pipeline, not just `sh`.
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(|e| SecretError::CommandSpawn {
        account: account.clone(),
        detail: e.to_string(),
    })?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());

    let started = Instant::now();
    // Short first naps: a password command usually ends within a millisecond or two,
    // and every sync starts by waiting for it. Longer ones later keep the loop cheap.
    let mut nap = Duration::from_micros(200);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= timeout => {
                kill_tree(&mut child);
                return Err(SecretError::CommandTimedOut {
                    account: account.clone(),
                    timeout,
                });
            }
            Ok(None) => {
                thread::sleep(nap);
                nap = (nap * 2).min(Duration::from_millis(10));
            }
            Err(e) => {
                kill_tree(&mut child);
                return Err(SecretError::CommandSpawn {
                    account: account.clone(),
                    detail: e.to_string(),
                });
            }
        }
    };
    // The shell has exited; a background child still holding the pipes must not hang us.
    let rest = timeout
        .saturating_sub(started.elapsed())
        .max(Duration::from_secs(1));
    let out = stdout.recv_timeout(rest).unwrap_or_default();
    let err = stderr
        .recv_timeout(Duration::from_secs(1))
        .unwrap_or_default();

    if !status.success() {
        let stderr = String::from_utf8_lossy(&err);
        let stderr: String = stderr.trim().chars().take(500).collect();
        let status = match status.code() {
            Some(code) => format!("exit status {code}"),
            None => "killed by a signal".to_string(),
        };
        return Err(SecretError::CommandFailed {
            account: account.clone(),
            status,
            stderr,
        });
    }
    let text = String::from_utf8(out).map_err(|_| SecretError::CommandNotUtf8 {
        account: account.clone(),
    })?;
    let password = Password::from_first_line(&text);
    if password.is_empty() {
        return Err(SecretError::CommandEmpty {
            account: account.clone(),
        });
    }
    Ok(password)
}

fn shell(command: &str) -> Command {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        // raw_arg: cmd.exe parses its own command line; Rust's quoting would garble it.
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        let mut cmd = Command::new("cmd");
        cmd.arg("/C")
            .raw_arg(command)
            .creation_flags(CREATE_NO_WINDOW);
        cmd
    }
    #[cfg(not(windows))]
    {
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(command);
        cmd
    }
}

/// Reads a pipe to its end on a thread, so a chatty command never blocks on a full pipe.
fn drain(pipe: Option<impl Read + Send + 'static>) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    if let Some(mut pipe) = pipe {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            let _ = tx.send(buf);
        });
    }
    rx
}

fn kill_tree(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        // The group id is the child's pid (process_group(0) above).
        let _ = Command::new("kill")
            .args(["-KILL", "--"])
            .arg(format!("-{}", child.id()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(windows)]
    {
        // /T takes the command's own children down with it.
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID"])
            .arg(child.id().to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
#[path = "secret_tests.rs"]
mod tests;
