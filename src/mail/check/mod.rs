//! The connection check: can this account reach its servers and log in?
//!
//! Each server is checked step by step (resolve, connect, TLS and certificate, greeting, or for
//! STARTTLS the plain greeting then the upgrade, then authentication), every step under a time
//! limit, and every step is reported as it starts and ends so the wizard and the CLI can show
//! progress. The incoming and outgoing servers are checked at the same time.
//!
//! ```ignore
//! // In a UI task: one stream of progress, then the verdict.
//! let events = check_account_events(account, password, Timeouts::default());
//! // CheckEvent::Progress(Progress { kind, step, state }) as each step starts and ends, then
//! // CheckEvent::Finished(reports); for a failed report, `errors_l10n::explain_check(error)`
//! // gives the localised message (naming host:port and the step) and the hint.
//! ```

mod imap;
mod pop3;
mod smtp;

use std::fmt;
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use futures::Stream;

use crate::mail::account::{Account, Security, Server, ServerKind};
use crate::mail::secret::Password;
use crate::mail::starttls::PlainConnection;
use crate::mail::tls::{self, NetError, Timeouts};

/// One step of a server check, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Looking the host name up.
    Resolve,
    /// Opening the TCP connection.
    Connect,
    /// The TLS handshake and the certificate check (implicit TLS).
    Tls,
    /// The server's greeting (and, for SMTP, its answer to EHLO).
    Greeting,
    /// The STARTTLS/STLS upgrade with its handshake and certificate check.
    Starttls,
    /// Logging in with the user name and password.
    Authenticate,
}

impl Step {
    /// The steps a server with this security goes through.
    pub fn plan(security: Security) -> &'static [Step] {
        match security {
            Security::Tls => &[
                Step::Resolve,
                Step::Connect,
                Step::Tls,
                Step::Greeting,
                Step::Authenticate,
            ],
            Security::Starttls => &[
                Step::Resolve,
                Step::Connect,
                Step::Greeting,
                Step::Starttls,
                Step::Authenticate,
            ],
        }
    }

    /// A short English name, for logs and `Display` (users see `errors_l10n::step_label`).
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Resolve => "resolve",
            Step::Connect => "connect",
            Step::Tls => "TLS handshake",
            Step::Greeting => "greeting",
            Step::Starttls => "STARTTLS",
            Step::Authenticate => "authentication",
        }
    }

    /// The step a `NetError`'s step name stands for, when it is one of ours.
    pub fn from_name(name: &str) -> Option<Step> {
        [
            Step::Resolve,
            Step::Connect,
            Step::Tls,
            Step::Greeting,
            Step::Starttls,
            Step::Authenticate,
        ]
        .into_iter()
        .find(|step| step.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a server check failed. Every variant names the server (host:port) and the step.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// Reaching the server failed (resolve, connect, TLS, certificate, STARTTLS, lost connection).
    #[error("{error}")]
    Net {
        step: Step,
        #[source]
        error: NetError,
    },
    /// The server refused the user name or password.
    #[error("{host}:{port}: the user name or password was refused: {server_message}")]
    AuthFailed {
        host: String,
        port: u16,
        server_message: String,
    },
    /// The server offers no login method we can use (e.g. IMAP LOGINDISABLED, SMTP without AUTH).
    #[error("{host}:{port}: no supported way to log in (the server offers: {offered})")]
    NoAuthMechanism {
        host: String,
        port: u16,
        offered: String,
    },
    /// The server answered, but not as the protocol says.
    #[error("{host}:{port}: unexpected answer during {step}: {message}")]
    Protocol {
        host: String,
        port: u16,
        step: Step,
        message: String,
    },
    /// The server said nothing within the time limit.
    #[error("{host}:{port}: no answer within {secs} s during {step}")]
    Timeout {
        host: String,
        port: u16,
        step: Step,
        secs: u64,
    },
}

impl CheckError {
    /// The step that failed.
    pub fn step(&self) -> Step {
        match self {
            CheckError::Net { step, .. }
            | CheckError::Protocol { step, .. }
            | CheckError::Timeout { step, .. } => *step,
            CheckError::AuthFailed { .. } | CheckError::NoAuthMechanism { .. } => {
                Step::Authenticate
            }
        }
    }

    /// The underlying network error, if that is what failed.
    pub fn net(&self) -> Option<&NetError> {
        match self {
            CheckError::Net { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// How one step ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepOutcome {
    Passed,
    Failed,
    /// Not run, because an earlier step failed.
    Skipped,
}

/// One step's result and how long it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepResult {
    pub step: Step,
    pub outcome: StepOutcome,
    pub elapsed: Duration,
}

/// What happened to one server.
#[derive(Debug)]
pub struct ServerReport {
    pub kind: ServerKind,
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Every planned step, in order; those after a failure are `Skipped`.
    pub steps: Vec<StepResult>,
    /// The reason, when a step failed.
    pub error: Option<CheckError>,
}

impl ServerReport {
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.steps.iter().all(|s| s.outcome == StepOutcome::Passed)
    }

    pub fn endpoint(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    pub fn outcome(&self, step: Step) -> Option<StepOutcome> {
        self.steps
            .iter()
            .find(|s| s.step == step)
            .map(|s| s.outcome)
    }
}

/// A step starting or ending on one server, for live progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub kind: ServerKind,
    pub step: Step,
    pub state: StepState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Started,
    Passed,
    Failed,
}

/// Progress or the final reports, for a UI that consumes one stream.
#[derive(Debug)]
pub enum CheckEvent {
    Progress(Progress),
    Finished(Vec<ServerReport>),
}

/// Checks the account's incoming and outgoing servers at the same time; reports come back in
/// that order. `progress` is called from the checking task as each step starts and ends.
pub async fn check_account(
    account: &Account,
    password: &Password,
    timeouts: &Timeouts,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> Vec<ServerReport> {
    let ca_file = account.ca_file.as_deref();
    let incoming = check_server(
        account.incoming_kind(),
        &account.incoming,
        ca_file,
        password,
        timeouts,
        progress,
    );
    let outgoing = check_server(
        ServerKind::Smtp,
        &account.outgoing,
        ca_file,
        password,
        timeouts,
        progress,
    );
    let (incoming, outgoing) = futures::join!(incoming, outgoing);
    vec![incoming, outgoing]
}

/// `check_account` as a stream of events ending with `CheckEvent::Finished`: handy for a UI task.
pub fn check_account_events(
    account: Account,
    password: Password,
    timeouts: Timeouts,
) -> impl Stream<Item = CheckEvent> + Send + 'static {
    use futures::StreamExt;
    let (sender, receiver) = futures::channel::mpsc::unbounded();
    let work = async move {
        let progress = |event: Progress| {
            let _ = sender.unbounded_send(CheckEvent::Progress(event));
        };
        let reports = check_account(&account, &password, &timeouts, &progress).await;
        let _ = sender.unbounded_send(CheckEvent::Finished(reports));
    };
    // The receiver ends when `work` finishes and drops the sender.
    futures::stream::select(
        receiver,
        futures::stream::once(work).filter_map(|()| futures::future::ready(None)),
    )
}

/// Checks one server: every step of `Step::plan(server.security)`, stopping at the first failure.
pub async fn check_server(
    kind: ServerKind,
    server: &Server,
    ca_file: Option<&Path>,
    password: &Password,
    timeouts: &Timeouts,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> ServerReport {
    let mut run = Run {
        ctx: Ctx {
            kind,
            host: server.host.trim().to_string(),
            port: server.port,
            timeouts: *timeouts,
        },
        progress,
        done: Vec::new(),
    };
    let result = run_server(&mut run, server, ca_file, password).await;
    let error = result.err();
    if let Some(error) = &error {
        tracing::info!(server = kind.label(), %error, "connection check failed");
    }
    let mut steps = run.done;
    for step in Step::plan(server.security) {
        if !steps.iter().any(|s| s.step == *step) {
            steps.push(StepResult {
                step: *step,
                outcome: StepOutcome::Skipped,
                elapsed: Duration::ZERO,
            });
        }
    }
    ServerReport {
        kind,
        host: run.ctx.host,
        port: run.ctx.port,
        security: server.security,
        steps,
        error,
    }
}

async fn run_server(
    run: &mut Run<'_>,
    server: &Server,
    ca_file: Option<&Path>,
    password: &Password,
) -> Result<(), CheckError> {
    let Ctx {
        kind,
        host,
        port,
        timeouts,
    } = run.ctx.clone();
    let login = Login {
        username: server.username.trim(),
        password,
        mech: server.auth,
    };
    // The first TLS configuration reads the system's root certificates (tens of ms, more in a
    // debug build): do that on a blocking thread while the name is looked up and connected.
    let _warm = tokio::task::spawn_blocking(|| {
        let _ = tls::client_config(None);
    });
    let addrs = run
        .step(Step::Resolve, async {
            tls::resolve(&host, port, &timeouts)
                .await
                .map_err(net(Step::Resolve))
        })
        .await?;
    let tcp = run
        .step(Step::Connect, async {
            tls::connect_addrs(&host, port, &addrs, &timeouts)
                .await
                .map_err(net(Step::Connect))
        })
        .await?;
    match server.security {
        Security::Tls => {
            let stream = run
                .step(Step::Tls, async {
                    tls::handshake(tcp, &host, port, ca_file, &timeouts)
                        .await
                        .map_err(net(Step::Tls))
                })
                .await?;
            match kind {
                ServerKind::Imap => imap::session(run, stream, true, &login).await,
                ServerKind::Pop3 => pop3::session(run, stream, true, &login).await,
                ServerKind::Smtp => smtp::session(run, stream, true, &login).await,
            }
        }
        Security::Starttls => {
            let mut plain = PlainConnection::new(tcp, kind, &host, port, &timeouts);
            let ctx = run.ctx.clone();
            run.step(
                Step::Greeting,
                ctx.limited(Step::Greeting, async {
                    plain.greeting().await.map_err(net(Step::Greeting))
                }),
            )
            .await?;
            let stream = run
                .step(Step::Starttls, async {
                    // Bounded by the command limit per line plus the handshake limit.
                    plain.upgrade(ca_file).await.map_err(net(Step::Starttls))
                })
                .await?;
            match kind {
                ServerKind::Imap => imap::session(run, stream, false, &login).await,
                ServerKind::Pop3 => pop3::session(run, stream, false, &login).await,
                ServerKind::Smtp => smtp::session(run, stream, false, &login).await,
            }
        }
    }
}

/// The credentials for the authentication step.
struct Login<'a> {
    username: &'a str,
    password: &'a Password,
    mech: crate::mail::account::AuthMech,
}

/// Files a network error under `step`; timeouts and protocol surprises get their own variants.
fn net(step: Step) -> impl Fn(NetError) -> CheckError {
    move |error| match error {
        NetError::Timeout {
            host, port, secs, ..
        } => CheckError::Timeout {
            host,
            port,
            step,
            secs,
        },
        NetError::Protocol {
            host,
            port,
            message,
            ..
        } => CheckError::Protocol {
            host,
            port,
            step,
            message,
        },
        error => CheckError::Net { step, error },
    }
}

/// Where one server's check is going: used to build errors and limits inside step futures.
#[derive(Clone, Debug)]
struct Ctx {
    kind: ServerKind,
    host: String,
    port: u16,
    timeouts: Timeouts,
}

impl Ctx {
    /// Runs `work` under the command time limit; a silent server becomes `CheckError::Timeout`.
    async fn limited<T>(
        &self,
        step: Step,
        work: impl Future<Output = Result<T, CheckError>>,
    ) -> Result<T, CheckError> {
        tls::timed(step, self.timeouts.command, work)
            .await
            .unwrap_or_else(|elapsed| {
                Err(CheckError::Timeout {
                    host: self.host.clone(),
                    port: self.port,
                    step: elapsed.step,
                    secs: elapsed.secs,
                })
            })
    }

    fn protocol(&self, step: Step, message: impl Into<String>) -> CheckError {
        CheckError::Protocol {
            host: self.host.clone(),
            port: self.port,
            step,
            message: message.into(),
        }
    }

    fn auth_failed(&self, server_message: impl Into<String>) -> CheckError {
        CheckError::AuthFailed {
            host: self.host.clone(),
            port: self.port,
            server_message: server_message.into(),
        }
    }

    fn io(&self, step: Step, source: std::io::Error) -> CheckError {
        CheckError::Net {
            step,
            error: NetError::Io {
                host: self.host.clone(),
                port: self.port,
                source,
            },
        }
    }

    fn closed(&self, step: Step) -> CheckError {
        self.io(
            step,
            std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            ),
        )
    }

    /// Closing politely is not part of the verdict, but must not hang either.
    async fn farewell(&self, work: impl Future<Output = ()>) {
        let limit = self.timeouts.command.min(Duration::from_secs(5));
        let _ = tls::timed((), limit, work).await;
    }
}

/// The state of one server's check: its context and what has been reported so far.
struct Run<'a> {
    ctx: Ctx,
    progress: &'a (dyn Fn(Progress) + Send + Sync),
    done: Vec<StepResult>,
}

impl Run<'_> {
    /// Runs one step, reporting its start and end.
    async fn step<T>(
        &mut self,
        step: Step,
        work: impl Future<Output = Result<T, CheckError>>,
    ) -> Result<T, CheckError> {
        self.emit(step, StepState::Started);
        let started = Instant::now();
        let result = work.await;
        let (outcome, state) = if result.is_ok() {
            (StepOutcome::Passed, StepState::Passed)
        } else {
            (StepOutcome::Failed, StepState::Failed)
        };
        self.done.push(StepResult {
            step,
            outcome,
            elapsed: started.elapsed(),
        });
        self.emit(step, state);
        result
    }

    fn emit(&self, step: Step, state: StepState) {
        (self.progress)(Progress {
            kind: self.ctx.kind,
            step,
            state,
        });
    }
}

/// Base64 (RFC 4648, with padding) for SASL.
pub(crate) fn base64(input: &[u8]) -> String {
    use ::base64::Engine;
    ::base64::engine::general_purpose::STANDARD.encode(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(base64(b"\0ann\0pw"), "AGFubgBwdw==");
    }

    #[test]
    fn plans_start_with_the_network_and_end_with_login() {
        for security in [Security::Tls, Security::Starttls] {
            let plan = Step::plan(security);
            assert_eq!(&plan[..2], &[Step::Resolve, Step::Connect]);
            assert_eq!(plan.last(), Some(&Step::Authenticate));
        }
        assert!(Step::plan(Security::Starttls).contains(&Step::Starttls));
        assert!(!Step::plan(Security::Tls).contains(&Step::Starttls));
    }

    #[test]
    fn step_names_round_trip() {
        for step in Step::plan(Security::Tls)
            .iter()
            .chain(Step::plan(Security::Starttls))
        {
            assert_eq!(Step::from_name(step.as_str()), Some(*step));
        }
        assert_eq!(Step::from_name("no such step"), None);
    }

    #[test]
    fn event_stream_can_run_on_another_thread() {
        fn send<T: Send + 'static>(_: T) {}
        send(check_account_events(
            Account::default(),
            Password::new("x"),
            Timeouts::default(),
        ));
    }

    #[tokio::test]
    async fn unresolvable_host_fails_at_resolve_and_skips_the_rest() {
        let server = Server {
            host: "no-such-host.invalid".into(),
            port: 993,
            ..Server::default()
        };
        let events = std::sync::Mutex::new(Vec::new());
        let report = check_server(
            ServerKind::Imap,
            &server,
            None,
            &Password::new("x"),
            &Timeouts::all(Duration::from_secs(5)),
            &|p| events.lock().unwrap().push(p),
        )
        .await;
        assert!(!report.passed());
        assert_eq!(report.outcome(Step::Resolve), Some(StepOutcome::Failed));
        assert_eq!(
            report.outcome(Step::Authenticate),
            Some(StepOutcome::Skipped)
        );
        assert!(matches!(
            report.error,
            Some(CheckError::Net {
                step: Step::Resolve,
                error: NetError::Resolve { .. } | NetError::Timeout { .. }
            })
        ));
        let events = events.into_inner().unwrap();
        assert_eq!(events.len(), 2, "{events:?}");
        assert_eq!(events[1].state, StepState::Failed);
    }
}
