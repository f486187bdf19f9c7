//! The accounts of the main window: each with its own local store and its own background
//! connection. A message id is only unique within one store, so the window addresses
//! messages as [`MailRef`]: the account's place in the window and the id.

use futures::channel::mpsc;

use crate::mail::account::{Account, AccountId, Protocol};
use crate::mail::paths::Paths;
use crate::mail::store::{EnvelopeRow, MailStore, MessageId};

use super::{engine, notify};

/// One account shown in the window.
#[derive(Debug)]
pub struct Mailbox {
    pub account: Account,
    pub store: MailStore,
    /// Which worker's reports count: a new one (settings saved) gets a new number, and
    /// numbers are never reused in a window, so a removed and re-added account's old
    /// worker cannot speak for the new one.
    pub generation: u64,
    pub commands: Option<mpsc::Sender<engine::Command>>,
    /// What of this account's mail has been accounted for by notifications.
    pub watch: notify::Watch,
}

/// A message of one of the window's accounts (its index in `MainWindow::accounts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MailRef {
    pub account: usize,
    pub id: MessageId,
}

impl Mailbox {
    pub fn new(account: Account, store: MailStore, generation: u64) -> Mailbox {
        Mailbox {
            watch: notify::Watch::new(&store),
            account,
            store,
            generation,
            commands: None,
        }
    }

    /// "Name <address>", or the address alone for an account without a name.
    pub fn label(&self) -> String {
        label(&self.account)
    }

    pub fn command(&mut self, command: engine::Command) {
        if let Some(sender) = &mut self.commands {
            // A full queue means the worker is busy; the next sync catches up anyway.
            let _ = sender.try_send(command);
        }
    }

    /// For a message of an IMAP account's cache: records the change in the durable journal
    /// the sync replays to the server, and applies it to the cache. `None` where there is
    /// no server copy to tell (POP3 and the demo), so the caller changes the store itself.
    pub fn journal(
        &self,
        paths: Option<&Paths>,
        offline_demo: bool,
        row: &EnvelopeRow,
        change: &crate::mail::imap::journal::LocalChange,
    ) -> Option<Result<(), String>> {
        use crate::mail::imap::journal::{self, MessageRef};
        let paths = paths?;
        if offline_demo || self.account.protocol != Protocol::Imap {
            return None;
        }
        let message = MessageRef {
            folder: row.folder.clone(),
            uid: row.uid()?,
        };
        Some(journal::apply(paths, &self.account, &message, change).map_err(|e| e.user_message()))
    }
}

pub fn label(account: &Account) -> String {
    if account.display_name.trim().is_empty() {
        account.email.clone()
    } else {
        format!("{} <{}>", account.display_name, account.email)
    }
}

/// The composer's From choice: an account by its place in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sender {
    pub account: usize,
    pub label: String,
}

impl std::fmt::Display for Sender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Takes the account out of the config (locked read-modify-write, so a CLI change made
/// meanwhile is kept). Local files and the keyring are left to [`forget`].
pub fn remove_from_config(paths: &Paths, id: &AccountId) -> Result<(), String> {
    let id = id.clone();
    crate::mail::config::Config::update(paths, move |config| {
        // Already gone (removed from the command line meanwhile) is what was asked.
        if config.account(&id).is_some() {
            config.remove_account(&id)?;
        }
        Ok(())
    })
    .map(|_| ())
    .map_err(|e| e.user_message())
}

/// After the account left the config and the window: its keyring password goes, and its
/// downloaded mail too when asked (index, sync state and outbox with it). Both may take
/// long (a keyring over D-Bus, 100,000 files), so this runs off the UI thread.
pub async fn forget(paths: Paths, account: Account, delete_mail: bool) -> Result<(), String> {
    let work = move || -> Result<(), String> {
        if delete_mail {
            let id = account.id();
            for dir in [paths.mail_root(&id), paths.state_dir(&id)] {
                match std::fs::remove_dir_all(&dir) {
                    Ok(()) => {}
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                    Err(error) => {
                        return Err(crate::fl!(
                            "settings-remove-files-failed",
                            path = dir.display().to_string(),
                            error = error.to_string()
                        ))
                    }
                }
            }
        }
        match crate::mail::secret::delete_password(&account) {
            // No keyring at all: no password can have been kept in one.
            Ok(_) | Err(crate::mail::secret::SecretError::NoKeyring { .. }) => Ok(()),
            Err(error) => Err(error.user_message()),
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|error| Err(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::secret::{password_for, store_password, use_mock_store, Password};

    #[test]
    fn forgetting_deletes_the_password_and_the_mail_only_when_asked() {
        use_mock_store();
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::under(home.path());
        let account = crate::mail::provider::account_for("gone@example.org", "", Protocol::Pop3);
        let store = MailStore::open_for(&paths, &account.id(), Protocol::Pop3).unwrap();
        drop(store);
        let runtime = tokio::runtime::Runtime::new().unwrap();
        store_password(&account, &Password::new("pw")).unwrap();
        runtime
            .block_on(forget(paths.clone(), account.clone(), false))
            .unwrap();
        assert!(password_for(&account).is_err(), "the password is gone");
        assert!(paths.mail_root(&account.id()).join("INBOX").exists());
        assert!(paths.state_dir(&account.id()).exists());

        store_password(&account, &Password::new("pw")).unwrap();
        runtime
            .block_on(forget(paths.clone(), account.clone(), true))
            .unwrap();
        assert!(password_for(&account).is_err());
        assert!(!paths.mail_root(&account.id()).exists());
        assert!(!paths.state_dir(&account.id()).exists());
    }
}
