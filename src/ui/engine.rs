//! The UI's one door into the engine: provider lookup, the connection check and saving.
//!
//! Everything here is plain data or async work meant to run inside a `Task`; the screens
//! never call the engine directly, so their `update` stays pure and testable headless.

use futures::channel::mpsc;
use futures::{SinkExt, Stream, StreamExt};

use crate::mail::account::{Account, Protocol, Security, Server, ServerKind};
use crate::mail::config::{self, Config, SaveAccountError};
use crate::mail::paths::Paths;
use crate::mail::provider::{self, ProviderSettings};
use crate::mail::secret::Password;
use crate::mail::secret::SecretError;
use crate::mail::tls::{self, Timeouts};

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

/// Checks the incoming and outgoing servers in parallel, reporting each step as it goes.
pub fn check(
    account: Account,
    password: Password,
    timeouts: Timeouts,
) -> impl Stream<Item = CheckEvent> {
    let (sender, receiver) = mpsc::unbounded();
    let work = async move {
        let incoming = check_server(
            account.incoming_kind(),
            account.incoming.clone(),
            &account,
            &password,
            &timeouts,
            sender.clone(),
        );
        let outgoing = check_server(
            ServerKind::Smtp,
            account.outgoing.clone(),
            &account,
            &password,
            &timeouts,
            sender.clone(),
        );
        let (a, b) = futures::join!(incoming, outgoing);
        let mut sender = sender;
        let _ = sender.send(CheckEvent::Done(vec![a, b])).await;
    };
    // The work drives the channel; the receiver ends once every sender is dropped.
    futures::stream::select(
        futures::stream::once(work).filter_map(|()| async { None }),
        receiver,
    )
}

async fn check_server(
    kind: ServerKind,
    server: Server,
    account: &Account,
    _password: &Password,
    timeouts: &Timeouts,
    mut progress: mpsc::UnboundedSender<CheckEvent>,
) -> ServerResult {
    let endpoint = server.endpoint();
    let step_name = crate::fl!("wizard-step-secure");
    let report = |state| {
        let _ = progress.unbounded_send(CheckEvent::Step {
            server: kind,
            endpoint: endpoint.clone(),
            step: step_name.clone(),
            state,
        });
    };
    report(StepState::Running);
    let outcome = match server.security {
        Security::Tls => tls::connect_tls(
            &server.host,
            server.port,
            account.ca_file.as_deref(),
            timeouts,
        )
        .await
        .map(drop),
        Security::Starttls => tls::connect_tcp(&server.host, server.port, timeouts)
            .await
            .map(drop),
    };
    report(if outcome.is_ok() {
        StepState::Passed
    } else {
        StepState::Failed
    });
    let _ = progress.close().await;
    ServerResult {
        server: kind,
        endpoint: server.endpoint(),
        failure: outcome.err().map(|error| Failure {
            message: error.to_string(),
            hint: crate::fl!("wizard-hint-generic"),
        }),
    }
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
