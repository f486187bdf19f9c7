//! One IMAP connection: implicit TLS, greeting, login, then raw tagged commands.
//!
//! async-imap gives us the framing and the parser; the commands themselves are sent
//! raw so that we can pipeline them, read response codes (COPYUID, HIGHESTMODSEQ) and
//! see every untagged response instead of losing some in a bounded side channel.

use std::collections::HashSet;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use async_imap::imap_proto::{Capability, Response, Status};
use async_imap::{Client, Session};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;
use tokio_rustls::client::TlsStream;

use super::ImapError;
use crate::mail::account::Account;
use crate::mail::secret::Password;
use crate::mail::tls::{self, Timeouts};

/// A stream that fails with `TimedOut` when the peer stays silent (or won't take our
/// bytes) for longer than the current limit. The limit is shared so IDLE can lengthen it.
pub struct TimedStream<S> {
    inner: S,
    limit_ms: Arc<AtomicU64>,
    read_sleep: Option<(u64, Pin<Box<Sleep>>)>,
    write_sleep: Option<(u64, Pin<Box<Sleep>>)>,
}

impl<S> fmt::Debug for TimedStream<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TimedStream")
            .field("limit_ms", &self.limit_ms.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// Polls the silence deadline, starting it on first use. A changed limit (entering or
/// leaving IDLE) restarts it, so a short command limit never inherits IDLE's long one.
fn poll_deadline(
    slot: &mut Option<(u64, Pin<Box<Sleep>>)>,
    limit_ms: &AtomicU64,
    cx: &mut Context<'_>,
) -> Poll<io::Error> {
    let ms = limit_ms.load(Ordering::Relaxed);
    let limit = Duration::from_millis(ms);
    if slot.as_ref().is_none_or(|(armed, _)| *armed != ms) {
        *slot = Some((ms, Box::pin(tokio::time::sleep(limit))));
    }
    let (_, sleep) = slot.as_mut().expect("armed above");
    match sleep.as_mut().poll(cx) {
        Poll::Ready(()) => {
            *slot = None;
            Poll::Ready(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no answer within {} s", limit.as_secs().max(1)),
            ))
        }
        Poll::Pending => Poll::Pending,
    }
}

/// Passes an I/O poll through; while it is pending, the silence deadline runs, and an
/// answer stops it.
fn within_deadline<T>(
    poll: Poll<io::Result<T>>,
    slot: &mut Option<(u64, Pin<Box<Sleep>>)>,
    limit_ms: &AtomicU64,
    cx: &mut Context<'_>,
) -> Poll<io::Result<T>> {
    match poll {
        Poll::Ready(result) => {
            *slot = None;
            Poll::Ready(result)
        }
        Poll::Pending => poll_deadline(slot, limit_ms, cx).map(Err),
    }
}

use std::future::Future;

impl<S: AsyncRead + Unpin> AsyncRead for TimedStream<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let poll = Pin::new(&mut this.inner).poll_read(cx, buf);
        within_deadline(poll, &mut this.read_sleep, &this.limit_ms, cx)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for TimedStream<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        within_deadline(poll, &mut this.write_sleep, &this.limit_ms, cx)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        within_deadline(poll, &mut this.write_sleep, &this.limit_ms, cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

pub type ImapStream = TimedStream<TlsStream<TcpStream>>;

/// A logged-in IMAP session.
pub struct Conn {
    pub(crate) session: Session<ImapStream>,
    endpoint: String,
    capabilities: HashSet<String>,
    limit_ms: Arc<AtomicU64>,
    command_limit: Duration,
}

impl fmt::Debug for Conn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Conn")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

/// Quotes a string for a command (mailbox names, search strings).
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

impl Conn {
    /// Connects with implicit TLS, reads the greeting and logs in.
    pub async fn connect(
        account: &Account,
        password: &Password,
        timeouts: &Timeouts,
    ) -> Result<Conn, ImapError> {
        let server = &account.incoming;
        let endpoint = server.endpoint();
        let tls = tls::connect_tls(
            &server.host,
            server.port,
            account.ca_file.as_deref(),
            timeouts,
        )
        .await?;
        let limit_ms = Arc::new(AtomicU64::new(timeouts.command.as_millis() as u64));
        let stream = TimedStream {
            inner: tls,
            limit_ms: limit_ms.clone(),
            read_sleep: None,
            write_sleep: None,
        };
        let mut client = Client::new(stream);
        let greeting = client
            .read_response()
            .await
            .map_err(|e| ImapError::from_io(&endpoint, "greeting", e))?;
        match greeting.as_ref().map(|g| g.parsed()) {
            Some(Response::Data {
                status: Status::Ok | Status::PreAuth,
                ..
            }) => {}
            Some(Response::Data {
                status: Status::Bye,
                outcome,
                ..
            }) => {
                return Err(ImapError::Refused {
                    endpoint,
                    step: "greeting".into(),
                    message: outcome.information.as_deref().unwrap_or("").to_string(),
                })
            }
            _ => {
                return Err(ImapError::Protocol {
                    endpoint,
                    step: "greeting".into(),
                    message: "no IMAP greeting".into(),
                })
            }
        }
        let session = match client.login(&server.username, password.expose()).await {
            Ok(session) => session,
            Err((error, _client)) => {
                return Err(match error {
                    async_imap::error::Error::No(message) => ImapError::Login {
                        endpoint,
                        user: server.username.clone(),
                        message,
                    },
                    other => ImapError::from_imap(&endpoint, "login", other),
                })
            }
        };
        // Drop whatever the login produced; we keep no state from the side channel.
        while session.unsolicited_responses.try_recv().is_ok() {}
        let mut conn = Conn {
            session,
            endpoint,
            capabilities: HashSet::new(),
            limit_ms,
            command_limit: timeouts.command,
        };
        let mut caps = HashSet::new();
        conn.run("CAPABILITY", "capability", |response| {
            if let Response::Capabilities(list) = response {
                for cap in list {
                    caps.insert(match cap {
                        Capability::Imap4rev1 => "IMAP4REV1".to_string(),
                        Capability::Auth(mech) => format!("AUTH={}", mech.to_uppercase()),
                        Capability::Atom(atom) => atom.to_uppercase(),
                    });
                }
            }
        })
        .await?;
        conn.capabilities = caps;
        Ok(conn)
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Whether the server announced a capability (upper case, e.g. "CONDSTORE").
    pub fn has(&self, capability: &str) -> bool {
        self.capabilities.contains(capability)
    }

    /// Sets how long a read may wait (IDLE waits much longer than a command).
    pub fn set_read_limit(&self, limit: Option<Duration>) {
        let limit = limit.unwrap_or(self.command_limit);
        self.limit_ms
            .store(limit.as_millis() as u64, Ordering::Relaxed);
    }

    /// Sends one tagged command without waiting for its answer.
    pub async fn send(&mut self, command: &str, step: &str) -> Result<String, ImapError> {
        let id = self
            .session
            .run_command(command)
            .await
            .map_err(|e| ImapError::from_imap(&self.endpoint, step, e))?;
        Ok(id.0)
    }

    /// Sends bytes untagged (a literal's content, IDLE's DONE).
    pub async fn send_raw(&mut self, line: &str, step: &str) -> Result<(), ImapError> {
        self.session
            .run_command_untagged(line)
            .await
            .map_err(|e| ImapError::from_imap(&self.endpoint, step, e))
    }

    /// Reads the next response and hands it to `look` (the response borrows the read
    /// buffer, so it is examined in place); a closed connection is an error.
    pub async fn next<T>(
        &mut self,
        step: &str,
        look: impl FnOnce(&Response<'_>) -> T,
    ) -> Result<T, ImapError> {
        match self.session.read_response().await {
            Ok(Some(response)) => Ok(look(response.parsed())),
            Ok(None) => Err(ImapError::Lost {
                endpoint: self.endpoint.clone(),
                step: step.to_string(),
                message: "the server closed the connection".into(),
            }),
            Err(e) => Err(ImapError::from_io(&self.endpoint, step, e)),
        }
    }

    /// Reads until the tagged answer to `tag`, handing every other response to `each`.
    pub async fn finish(
        &mut self,
        tag: &str,
        step: &str,
        mut each: impl FnMut(&Response<'_>),
    ) -> Result<Option<String>, ImapError> {
        loop {
            let endpoint = self.endpoint.clone();
            let endpoint = &endpoint;
            let outcome = self
                .next(step, |response| match response {
                    Response::Done {
                        tag: done,
                        status,
                        outcome,
                    } if done.0 == tag => {
                        let info = outcome.information.as_deref().map(str::to_string);
                        Some(match status {
                            Status::Ok => {
                                each(response);
                                Ok(info)
                            }
                            _ => Err(ImapError::Refused {
                                endpoint: endpoint.clone(),
                                step: step.to_string(),
                                message: info.unwrap_or_default(),
                            }),
                        })
                    }
                    Response::Data {
                        status: Status::Bye,
                        outcome,
                    } => Some(Err(ImapError::Lost {
                        endpoint: endpoint.clone(),
                        step: step.to_string(),
                        message: outcome.information.as_deref().unwrap_or("BYE").to_string(),
                    })),
                    other => {
                        each(other);
                        None
                    }
                })
                .await?;
            if let Some(result) = outcome {
                return result;
            }
        }
    }

    /// Sends a command and reads to its tagged OK.
    pub async fn run(
        &mut self,
        command: &str,
        step: &str,
        each: impl FnMut(&Response<'_>),
    ) -> Result<Option<String>, ImapError> {
        let tag = self.send(command, step).await?;
        self.finish(&tag, step, each).await
    }

    /// Stores a message in a folder (APPEND), returning its UID when the server says
    /// (UIDPLUS). The literal is sent after the server's go-ahead, so any server works.
    pub async fn append(
        &mut self,
        folder: &str,
        flags: &[&str],
        message: &[u8],
    ) -> Result<Option<u32>, ImapError> {
        use tokio::io::AsyncWriteExt;
        let step = format!("append to {}", super::utf7::decode(folder));
        let command = format!(
            "APPEND {} ({}) {{{}}}",
            quote(folder),
            flags.join(" "),
            message.len()
        );
        let tag = self.send(&command, &step).await?;
        loop {
            let go = self
                .next(&step, |response| match response {
                    Response::Continue { .. } => Some(Ok(())),
                    Response::Done {
                        tag: done, outcome, ..
                    } if done.0 == tag => Some(Err(outcome
                        .information
                        .as_deref()
                        .unwrap_or("")
                        .to_string())),
                    _ => None,
                })
                .await?;
            match go {
                Some(Ok(())) => break,
                Some(Err(message)) => {
                    return Err(ImapError::Refused {
                        endpoint: self.endpoint.clone(),
                        step,
                        message,
                    })
                }
                None => {}
            }
        }
        let stream = self.session.get_mut();
        let written = async {
            stream.write_all(message).await?;
            stream.write_all(b"\r\n").await?;
            stream.flush().await
        }
        .await;
        written.map_err(|e| ImapError::from_io(&self.endpoint, &step, e))?;
        let mut uid = None;
        self.finish(&tag, &step, |response| {
            if let Response::Done { outcome, .. } = response {
                if let Some(async_imap::imap_proto::ResponseCode::AppendUid(_, uids)) =
                    &outcome.code
                {
                    uid = uids.first().map(|m| match m {
                        async_imap::imap_proto::rfc4315::UidSetMember::Uid(u) => *u,
                        async_imap::imap_proto::rfc4315::UidSetMember::UidRange(r) => *r.start(),
                    });
                }
            }
        })
        .await?;
        Ok(uid)
    }

    pub async fn logout(mut self) {
        let _ = self.run("LOGOUT", "logout", |_| {}).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    fn timed(
        inner: tokio::io::DuplexStream,
        ms: u64,
    ) -> (TimedStream<tokio::io::DuplexStream>, Arc<AtomicU64>) {
        let limit = Arc::new(AtomicU64::new(ms));
        (
            TimedStream {
                inner,
                limit_ms: limit.clone(),
                read_sleep: None,
                write_sleep: None,
            },
            limit,
        )
    }

    #[tokio::test]
    async fn silence_times_out_and_data_resets_the_clock() {
        let (near, mut far) = tokio::io::duplex(64);
        let (mut stream, limit) = timed(near, 300);
        let mut buf = [0u8; 8];
        // Data that keeps coming, each piece inside the limit, never times out.
        let writer = tokio::spawn(async move {
            for _ in 0..3 {
                tokio::time::sleep(Duration::from_millis(200)).await;
                far.write_all(b"x").await.unwrap();
            }
            far
        });
        for _ in 0..3 {
            assert_eq!(stream.read(&mut buf).await.unwrap(), 1);
        }
        let _far = writer.await.unwrap();
        let started = std::time::Instant::now();
        let error = stream.read(&mut buf).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(250));
        // A longer limit (IDLE) applies to the next wait at once.
        limit.store(1000, Ordering::Relaxed);
        let started = std::time::Instant::now();
        let error = stream.read(&mut buf).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(900));
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("INBOX"), "\"INBOX\"");
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
