//! One SMTP session with the account's outgoing server, on lettre's SMTP connection.
//!
//! We drive lettre's `AsyncSmtpConnection` command by command instead of its pooled
//! transport because the outbox must record "sending" durably between the last RCPT and
//! DATA, must know *which* recipient a server refused, and sends a whole batch on one
//! session. TLS is ours (`tls::connect_tls`): the same verifier and CA-file handling as IMAP
//! and POP3, and errors that name the refused certificate. Every step has a time limit.

use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::Address;

use super::account::{Account, AuthMech, Security};
use super::secret::Password;
use super::tls::{self, NetError, Timeouts};

/// Why a message (or the whole session) could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error(transparent)]
    Net(#[from] NetError),
    #[error("{host}:{port}: the server refused the user name or password: {reply}")]
    Auth {
        host: String,
        port: u16,
        reply: String,
    },
    #[error("{host}:{port}: the server refused the recipient {recipient}: {reply}")]
    RecipientRejected {
        host: String,
        port: u16,
        recipient: String,
        reply: String,
    },
    #[error("{host}:{port}: the server refused the sender {sender}: {reply}")]
    SenderRejected {
        host: String,
        port: u16,
        sender: String,
        reply: String,
    },
    #[error("{host}:{port}: the server refused the message: {reply}")]
    MessageRejected {
        host: String,
        port: u16,
        reply: String,
    },
    #[error("{host}:{port}: the server asked to try again later during {step}: {reply}")]
    TryLater {
        host: String,
        port: u16,
        step: &'static str,
        reply: String,
    },
    #[error("{host}:{port}: no answer within {secs} s during {step}")]
    Timeout {
        host: String,
        port: u16,
        step: &'static str,
        secs: u64,
    },
    #[error("{host}:{port}: the SMTP session failed during {step}: {message}")]
    Protocol {
        host: String,
        port: u16,
        step: &'static str,
        message: String,
    },
    #[error("{host}:{port}: an address is not valid for SMTP: {address}")]
    BadAddress {
        host: String,
        port: u16,
        address: String,
    },
}

impl SendError {
    /// A permanent failure will fail the same way again: stop retrying, tell the user.
    pub fn is_permanent(&self) -> bool {
        matches!(
            self,
            SendError::RecipientRejected { .. }
                | SendError::SenderRejected { .. }
                | SendError::MessageRejected { .. }
                | SendError::BadAddress { .. }
                | SendError::Auth { .. }
        ) || matches!(self, SendError::Net(NetError::Certificate { .. }))
    }

    /// Whether the failure belongs to the account or session (every queued message would
    /// meet it), not to one message.
    pub fn is_session_wide(&self) -> bool {
        !matches!(
            self,
            SendError::RecipientRejected { .. }
                | SendError::SenderRejected { .. }
                | SendError::MessageRejected { .. }
                | SendError::BadAddress { .. }
        )
    }

    /// The localised explanation with a hint of what to do.
    pub fn user_message(&self) -> String {
        let detail = self.to_string();
        match self {
            SendError::Auth { .. } => crate::fl!("send-error-auth", detail = detail),
            SendError::RecipientRejected { recipient, .. } => crate::fl!(
                "send-error-recipient",
                recipient = recipient.clone(),
                detail = detail
            ),
            SendError::SenderRejected { .. } => crate::fl!("send-error-sender", detail = detail),
            SendError::MessageRejected { .. } => {
                crate::fl!("send-error-message", detail = detail)
            }
            SendError::Net(NetError::Certificate { .. }) => {
                crate::fl!("send-error-certificate", detail = detail)
            }
            _ => crate::fl!("send-error-temporary", detail = detail),
        }
    }
}

/// Our TLS stream handed to lettre, which only needs to read and write it.
#[derive(Debug)]
struct Stream<S>(S);

impl<S: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for Stream<S> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl<S: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for Stream<S> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for Stream<tokio_rustls::client::TlsStream<tokio::net::TcpStream>> {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl AsyncTokioStream for Stream<tokio::net::TcpStream> {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.peer_addr()
    }
}

/// A logged-in SMTP session. Send as many messages as needed, then [`Session::quit`].
pub struct Session {
    conn: AsyncSmtpConnection,
    host: String,
    port: u16,
    timeouts: Timeouts,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Session({}:{})", self.host, self.port)
    }
}

fn hello_name() -> ClientId {
    // A fixed, honest name: the machine's host name leaks private details and is often not
    // a FQDN, which strict servers refuse in EHLO.
    ClientId::Domain("pillarbox.localdomain".into())
}

impl Session {
    /// Connects (implicit TLS, or STARTTLS which must succeed), reads the greeting, EHLO,
    /// and authenticates with the account's mechanism.
    pub async fn connect(
        account: &Account,
        password: &Password,
        timeouts: &Timeouts,
    ) -> Result<Session, SendError> {
        let server = &account.outgoing;
        let (host, port) = (server.host.clone(), server.port);
        let ca = account.ca_file.as_deref();
        let greeting_step = "greeting";
        let conn = match server.security {
            Security::Tls => {
                let tls = tls::connect_tls(&host, port, ca, timeouts).await?;
                let conn = with_timeout(
                    &host,
                    port,
                    greeting_step,
                    timeouts.command,
                    AsyncSmtpConnection::connect_with_transport(
                        Box::new(Stream(tls)),
                        &hello_name(),
                    ),
                )
                .await?;
                conn.map_err(|e| classify(&host, port, greeting_step, e))?
            }
            Security::Starttls => {
                let tcp = tls::connect_tcp(&host, port, timeouts).await?;
                let mut conn = with_timeout(
                    &host,
                    port,
                    greeting_step,
                    timeouts.command,
                    AsyncSmtpConnection::connect_with_transport(
                        Box::new(Stream(tcp)),
                        &hello_name(),
                    ),
                )
                .await?
                .map_err(|e| classify(&host, port, greeting_step, e))?;
                if !conn.server_info().supports_feature(Extension::StartTls) {
                    return Err(NetError::NoStarttls { host, port }.into());
                }
                let params = starttls_parameters(&host, ca)
                    .map_err(|e| classify(&host, port, "STARTTLS", e))?;
                with_timeout(
                    &host,
                    port,
                    "STARTTLS",
                    timeouts.handshake,
                    conn.starttls(params, &hello_name()),
                )
                .await?
                .map_err(|e| classify(&host, port, "STARTTLS", e))?;
                conn
            }
        };
        let mut session = Session {
            conn,
            host,
            port,
            timeouts: *timeouts,
        };
        session.authenticate(account, password).await?;
        Ok(session)
    }

    async fn authenticate(
        &mut self,
        account: &Account,
        password: &Password,
    ) -> Result<(), SendError> {
        let mechanism = match account.outgoing.auth {
            AuthMech::Plain => Mechanism::Plain,
            AuthMech::Login => Mechanism::Login,
        };
        let username = if account.outgoing.username.is_empty() {
            account.email.clone()
        } else {
            account.outgoing.username.clone()
        };
        let credentials = Credentials::new(username, password.expose().to_string());
        let (host, port) = (self.host.clone(), self.port);
        let result = with_timeout(
            &host,
            port,
            "AUTH",
            self.timeouts.command,
            self.conn.auth(&[mechanism], &credentials),
        )
        .await?;
        match result {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(SendError::Auth {
                host,
                port,
                reply: reply_text(&e),
            }),
            Err(e) => Err(classify(&host, port, "AUTH", e)),
        }
    }

    /// Sends one message. `before_data` runs after every recipient was accepted and before
    /// DATA: the outbox records "sending" there, durably. On a refusal the session is reset
    /// and stays usable for the next message.
    pub async fn send(
        &mut self,
        from: &str,
        recipients: &[String],
        bytes: &[u8],
        before_data: impl FnOnce() -> std::io::Result<()>,
    ) -> Result<(), SendError> {
        let (host, port) = (self.host.clone(), self.port);
        let bad = |address: &str| SendError::BadAddress {
            host: host.clone(),
            port,
            address: address.to_string(),
        };
        let sender: Address = from.parse().map_err(|_| bad(from))?;
        let rcpts: Vec<Address> = recipients
            .iter()
            .map(|r| r.parse().map_err(|_| bad(r)))
            .collect::<Result<_, _>>()?;

        let mut params = Vec::new();
        if let Some(wide) = std::iter::once(from)
            .chain(recipients.iter().map(String::as_str))
            .find(|a| !a.is_ascii())
        {
            // RFC 6531: a non-ASCII address needs the server's SMTPUTF8.
            if !self
                .conn
                .server_info()
                .supports_feature(Extension::SmtpUtfEight)
            {
                return Err(bad(wide));
            }
            params.push(MailParameter::SmtpUtfEight);
        }
        if !bytes.is_ascii() {
            if !self
                .conn
                .server_info()
                .supports_feature(Extension::EightBitMime)
            {
                return Err(SendError::MessageRejected {
                    host,
                    port,
                    reply: "the server does not accept 8-bit messages (no 8BITMIME)".into(),
                });
            }
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let limit = self.timeouts.command;
        let reply = with_timeout(
            &host,
            port,
            "MAIL FROM",
            limit,
            self.conn.command(Mail::new(Some(sender), params)),
        )
        .await?;
        if let Err(e) = reply {
            let error = if e.is_permanent() {
                SendError::SenderRejected {
                    host: host.clone(),
                    port,
                    sender: from.to_string(),
                    reply: reply_text(&e),
                }
            } else {
                classify(&host, port, "MAIL FROM", e)
            };
            return Err(self.reset(error).await);
        }
        for (rcpt, text) in rcpts.into_iter().zip(recipients) {
            let reply = with_timeout(
                &host,
                port,
                "RCPT TO",
                limit,
                self.conn.command(Rcpt::new(rcpt, Vec::new())),
            )
            .await?;
            if let Err(e) = reply {
                let error = if e.is_permanent() {
                    SendError::RecipientRejected {
                        host: host.clone(),
                        port,
                        recipient: text.clone(),
                        reply: reply_text(&e),
                    }
                } else {
                    classify(&host, port, "RCPT TO", e)
                };
                return Err(self.reset(error).await);
            }
        }
        if let Err(io) = before_data() {
            let error = SendError::Protocol {
                host: host.clone(),
                port,
                step: "recording the sending state",
                message: io.to_string(),
            };
            return Err(self.reset(error).await);
        }
        let reply = with_timeout(&host, port, "DATA", limit, self.conn.command(Data)).await?;
        if let Err(e) = reply {
            let error = classify_message(&host, port, "DATA", e);
            return Err(self.reset(error).await);
        }
        // A slow link needs longer for a big message: allow 1 MB per command period on top.
        let body_limit = limit + limit * (bytes.len() / 1_000_000) as u32;
        let reply = with_timeout(
            &host,
            port,
            "message body",
            body_limit,
            self.conn.message(bytes),
        )
        .await?;
        reply
            .map(|_| ())
            .map_err(|e| classify_message(&host, port, "message body", e))
    }

    async fn reset(&mut self, error: SendError) -> SendError {
        if !self.conn.has_broken() {
            let _ = tls::timed("RSET", self.timeouts.command, self.conn.command(Rset)).await;
        }
        error
    }

    /// Whether the connection is still usable for another message.
    pub fn is_usable(&self) -> bool {
        !self.conn.has_broken()
    }

    pub async fn quit(mut self) {
        let _ = tls::timed("QUIT", self.timeouts.command, self.conn.quit()).await;
    }
}

fn starttls_parameters(
    host: &str,
    ca_file: Option<&std::path::Path>,
) -> Result<TlsParameters, lettre::transport::smtp::Error> {
    let mut builder = TlsParameters::builder(host.to_string());
    if let Some(path) = ca_file {
        let pem = std::fs::read(path).unwrap_or_default();
        builder = builder.add_root_certificate(
            lettre::transport::smtp::client::Certificate::from_pem(&pem)?,
        );
    }
    builder.build_rustls()
}

async fn with_timeout<F: std::future::Future>(
    host: &str,
    port: u16,
    step: &'static str,
    limit: Duration,
    future: F,
) -> Result<F::Output, SendError> {
    tls::timed(step, limit, future)
        .await
        .map_err(|elapsed| SendError::Timeout {
            host: host.to_string(),
            port,
            step: elapsed.step,
            secs: elapsed.secs,
        })
}

/// The server's words, without lettre's "permanent error (550):" prefix noise.
fn reply_text(error: &lettre::transport::smtp::Error) -> String {
    match (error.status(), std::error::Error::source(error)) {
        (Some(code), Some(source)) => format!("{code} {source}"),
        _ => error.to_string(),
    }
}

fn classify(
    host: &str,
    port: u16,
    step: &'static str,
    error: lettre::transport::smtp::Error,
) -> SendError {
    if error.is_transient() {
        return SendError::TryLater {
            host: host.to_string(),
            port,
            step,
            reply: reply_text(&error),
        };
    }
    if error.is_timeout() {
        return SendError::Timeout {
            host: host.to_string(),
            port,
            step,
            secs: 0,
        };
    }
    SendError::Protocol {
        host: host.to_string(),
        port,
        step,
        message: reply_text(&error),
    }
}

fn classify_message(
    host: &str,
    port: u16,
    step: &'static str,
    error: lettre::transport::smtp::Error,
) -> SendError {
    if error.is_permanent() {
        SendError::MessageRejected {
            host: host.to_string(),
            port,
            reply: reply_text(&error),
        }
    } else {
        classify(host, port, step, error)
    }
}
