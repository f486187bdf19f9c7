//! The UI's one door into the engine: provider lookup, the connection check and saving.
//!
//! Everything here is plain data or async work meant to run inside a `Task`; the screens
//! never call the engine directly, so their `update` stays pure and testable headless.

use futures::{Stream, StreamExt};

use crate::mail::account::{Account, Protocol, Server, ServerKind};
use crate::mail::check;
use crate::mail::config::{self, Config, SaveAccountError};
use crate::mail::errors_l10n;
use crate::mail::paths::Paths;
use crate::mail::provider::{self, ProviderSettings};
use crate::mail::secret::Password;
use crate::mail::secret::SecretError;
use crate::mail::tls::Timeouts;

/// Servers a provider (or a guess from the domain) suggests for an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggested {
    pub imap: Option<Server>,
    pub pop3: Option<Server>,
    pub smtp: Server,
    /// True when the domain is unknown and the names are guesses (imap.DOMAIN...).
    pub guessed: bool,
}

impl Suggested {
    pub fn incoming(&self, protocol: Protocol) -> Option<&Server> {
        match protocol {
            Protocol::Imap => self.imap.as_ref(),
            Protocol::Pop3 => self.pop3.as_ref(),
        }
    }
}

impl From<ProviderSettings> for Suggested {
    fn from(settings: ProviderSettings) -> Suggested {
        Suggested {
            imap: settings.imap,
            pop3: settings.pop3,
            smtp: settings.smtp,
            guessed: settings.guessed,
        }
    }
}

/// What the provider database knows for `email`; `None` while the address is incomplete.
pub fn suggest(email: &str) -> Option<Suggested> {
    provider::lookup(email).map(Suggested::from)
}

/// The account the provider database would set up, before the user's own field values.
pub fn base_account(email: &str, display_name: &str, protocol: Protocol) -> Account {
    provider::account_for(email, display_name, protocol)
}

/// A step's state as the wizard shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Running,
    Passed,
    Failed,
}

/// A localised error with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub hint: String,
}

/// One server's final verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerResult {
    pub server: ServerKind,
    pub endpoint: String,
    pub failure: Option<Failure>,
}

/// Progress of a running check, in arrival order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckEvent {
    Step {
        server: ServerKind,
        endpoint: String,
        /// The step's localised name ("Connecting", "Secure connection", ...).
        step: String,
        state: StepState,
    },
    Done(Vec<ServerResult>),
}

/// Checks the incoming and outgoing servers in parallel (`mail::check`), every step of each
/// reported as it starts and ends, then the verdicts with localised messages and hints.
pub fn check(
    account: Account,
    password: Password,
    timeouts: Timeouts,
) -> impl Stream<Item = CheckEvent> {
    let incoming = account.incoming.endpoint();
    let outgoing = account.outgoing.endpoint();
    check::check_account_events(account, password, timeouts).map(move |event| match event {
        check::CheckEvent::Progress(progress) => CheckEvent::Step {
            server: progress.kind,
            endpoint: match progress.kind {
                ServerKind::Smtp => outgoing.clone(),
                _ => incoming.clone(),
            },
            step: errors_l10n::step_label(progress.step),
            state: match progress.state {
                check::StepState::Started => StepState::Running,
                check::StepState::Passed => StepState::Passed,
                check::StepState::Failed => StepState::Failed,
            },
        },
        check::CheckEvent::Finished(reports) => CheckEvent::Done(
            reports
                .iter()
                .map(|report| ServerResult {
                    server: report.kind,
                    endpoint: report.endpoint(),
                    failure: report.error.as_ref().map(|error| {
                        let explained = errors_l10n::explain_check(error);
                        Failure {
                            message: explained.message,
                            hint: explained.hint,
                        }
                    }),
                })
                .collect(),
        ),
    })
}

/// Why saving did not finish. Nothing is saved then: account and password go together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// No OS keyring: the user may give a password command instead.
    NoKeyring(String),
    Failed(String),
}

/// Saves the account with its password, all or nothing (`config::save_account`). With a
/// password command the password is not stored: the command is run once to prove it works.
/// The keyring and the file system block, so the work runs on the blocking pool.
pub async fn save(paths: Paths, account: Account, password: Password) -> Result<(), SaveError> {
    let work = move || {
        let password = account.password_command.is_none().then_some(&password);
        config::save_account(&paths, account.clone(), password, true)
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(_saved)) => Ok(()),
        // The wizard explains the password command itself; the engine's hint is worded for the CLI.
        Ok(Err(error @ SaveAccountError::Secret(SecretError::NoKeyring { .. }))) => {
            Err(SaveError::NoKeyring(error.user_message()))
        }
        Ok(Err(error)) => Err(SaveError::Failed(match error.hint() {
            Some(hint) => format!("{}\n{}", error.user_message(), hint),
            None => error.user_message(),
        })),
        Err(join) => Err(SaveError::Failed(join.to_string())),
    }
}

/// The saved accounts; a config that cannot be read comes back as a localised failure.
pub fn load_accounts(paths: &Paths) -> Result<Vec<Account>, Failure> {
    Config::load(paths)
        .map(|config| config.accounts)
        .map_err(|error| Failure {
            message: error.user_message(),
            hint: error
                .hint()
                .unwrap_or_else(|| crate::fl!("app-error-config-hint")),
        })
}
