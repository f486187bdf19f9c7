//! One POP3 connection with a time limit on every step.

use std::future::Future;
use std::io;
use std::time::Duration;

use async_pop::error::ErrorKind;
use async_pop::response::capability::Capability;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use super::wire::{Shared, Unstuffer};
use super::{Pop3Error, Step};
use crate::mail::account::{Account, Security};
use crate::mail::secret::Password;
use crate::mail::tls::{self, NetError, Timeouts};

type Conn = Shared<TlsStream<TcpStream>>;

/// Decoded bytes are handed to the sink in pieces of about this size.
const CHUNK: usize = 64 * 1024;
/// RFC 2449: a status line is at most 512 octets; be generous, but bounded.
const MAX_STATUS_LINE: usize = 4096;

/// One message as the server lists it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub msgno: usize,
    pub uidl: Option<String>,
    pub size: u64,
}

#[derive(Clone, Debug)]
struct Endpoint {
    name: String,
    timeouts: Timeouts,
}

impl Endpoint {
    async fn timed<T, F>(&self, step: Step, limit: Duration, fut: F) -> Result<T, Pop3Error>
    where
        F: Future<Output = Result<T, async_pop::error::Error>>,
    {
        match tls::timed(step, limit, fut).await {
            Err(elapsed) => Err(self.timed_out(elapsed)),
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(self.map_error(step, error)),
        }
    }

    fn timed_out(&self, elapsed: tls::Elapsed<Step>) -> Pop3Error {
        Pop3Error::Timeout {
            endpoint: self.name.clone(),
            step: elapsed.step,
            secs: elapsed.secs,
        }
    }

    fn map_error(&self, step: Step, error: async_pop::error::Error) -> Pop3Error {
        let endpoint = self.name.clone();
        match error.kind() {
            ErrorKind::ServerError(reply) if step == Step::Login => Pop3Error::Auth {
                endpoint,
                reply: reply.trim().to_string(),
            },
            ErrorKind::ServerError(reply) => Pop3Error::Refused {
                endpoint,
                step,
                reply: reply.trim().to_string(),
            },
            ErrorKind::Io(io_error) => Pop3Error::Connection {
                endpoint,
                step,
                source: io::Error::new(io_error.kind(), io_error.to_string()),
            },
            other => Pop3Error::Protocol {
                endpoint,
                step,
                message: format!("{other:?}: {}", error.message()),
            },
        }
    }

    fn protocol(&self, step: Step, message: &str) -> Pop3Error {
        Pop3Error::Protocol {
            endpoint: self.name.clone(),
            step,
            message: message.trim().to_string(),
        }
    }

    fn io_error(&self, step: Step, source: io::Error) -> Pop3Error {
        Pop3Error::Connection {
            endpoint: self.name.clone(),
            step,
            source,
        }
    }
}

/// Plain connection, greeting, STLS, handshake (RFC 2595). Fails closed: no +OK to STLS
/// means no login at all. The greeting is replayed to async-pop over TLS.
async fn stls(account: &Account, endpoint: &Endpoint) -> Result<Conn, Pop3Error> {
    let server = &account.incoming;
    let timeouts = &endpoint.timeouts;
    let mut tcp = tls::connect_tcp(&server.host, server.port, timeouts).await?;
    let greeting = plain_line(&mut tcp, endpoint, Step::Greeting).await?;
    if !greeting.starts_with(b"+OK") {
        return Err(endpoint.protocol(Step::Greeting, &String::from_utf8_lossy(&greeting)));
    }
    let sent = tls::timed(Step::Stls, timeouts.command, tcp.write_all(b"STLS\r\n")).await;
    match sent {
        Err(elapsed) => return Err(endpoint.timed_out(elapsed)),
        Ok(Err(e)) => return Err(endpoint.io_error(Step::Stls, e)),
        Ok(Ok(())) => {}
    }
    if !plain_line(&mut tcp, endpoint, Step::Stls)
        .await?
        .starts_with(b"+OK")
    {
        return Err(NetError::NoStarttls {
            host: server.host.clone(),
            port: server.port,
        }
        .into());
    }
    let tls = tls::handshake(
        tcp,
        &server.host,
        server.port,
        account.ca_file.as_deref(),
        timeouts,
    )
    .await?;
    Ok(Shared::with_replay(tls, greeting))
}

/// One line from the plain connection, read a byte at a time so that nothing meant for
/// the TLS handshake is consumed.
async fn plain_line(
    tcp: &mut TcpStream,
    endpoint: &Endpoint,
    step: Step,
) -> Result<Vec<u8>, Pop3Error> {
    let limit = endpoint.timeouts.command;
    let read = async {
        let mut line = Vec::new();
        while !line.ends_with(b"\n") && line.len() < MAX_STATUS_LINE {
            let mut byte = [0u8; 1];
            if tcp.read(&mut byte).await? == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the server closed the connection",
                ));
            }
            line.push(byte[0]);
        }
        Ok(line)
    };
    match tls::timed(step, limit, read).await {
        Err(elapsed) => Err(endpoint.timed_out(elapsed)),
        Ok(Err(e)) => Err(endpoint.io_error(step, e)),
        Ok(Ok(line)) => Ok(line),
    }
}

pub struct Session {
    reader: BufReader<Conn>,
    writer: Conn,
    out: Vec<u8>,
    endpoint: Endpoint,
    pipelining: bool,
    has_uidl: bool,
}

impl Session {
    /// Connects with implicit TLS, reads the greeting and CAPA, and logs in
    /// (AUTH PLAIN when offered, else USER/PASS: async-pop picks).
    pub async fn connect(
        account: &Account,
        password: &Password,
        timeouts: &Timeouts,
    ) -> Result<Session, Pop3Error> {
        let server = &account.incoming;
        let endpoint = Endpoint {
            name: server.endpoint(),
            timeouts: *timeouts,
        };
        let conn = match server.security {
            Security::Tls => Shared::new(
                tls::connect_tls(
                    &server.host,
                    server.port,
                    account.ca_file.as_deref(),
                    timeouts,
                )
                .await?,
            ),
            Security::Starttls => stls(account, &endpoint).await?,
        };
        let mut client = endpoint
            .timed(
                Step::Greeting,
                timeouts.command,
                async_pop::new(conn.clone()),
            )
            .await?;
        endpoint
            .timed(
                Step::Login,
                timeouts.command,
                client.login(&server.username, password.expose()),
            )
            .await?;
        let caps = client.capabilities().clone();
        // From here on async-pop is done: every later command goes through our reader.
        drop(client);
        let session = Session {
            pipelining: caps.contains(&Capability::Pipelining),
            has_uidl: caps.contains(&Capability::Uidl),
            reader: BufReader::with_capacity(CHUNK, conn.clone()),
            writer: conn,
            out: Vec::with_capacity(CHUNK * 2),
            endpoint,
        };
        Ok(session)
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint.name
    }

    pub fn pipelining(&self) -> bool {
        self.pipelining
    }

    /// Every message with its size and, when the server has UIDL, its unique id.
    /// Read by our own reader, not async-pop's: after a reply that arrived in several
    /// pieces, async-pop keeps waiting for as many bytes in every later reply (its
    /// `decode_needs` is never reset), so a short reply after a long LIST would hang.
    pub async fn listing(&mut self) -> Result<Vec<Listed>, Pop3Error> {
        let mut listed = Vec::new();
        for line in self
            .multiline(b"LIST\r\n", Step::List)
            .await?
            .map_err(|reply| Pop3Error::Refused {
                endpoint: self.endpoint.name.clone(),
                step: Step::List,
                reply,
            })?
        {
            let mut words = line.split_ascii_whitespace();
            let parsed = (|| Some((words.next()?.parse().ok()?, words.next()?.parse().ok()?)))();
            let Some((msgno, size)) = parsed else {
                return Err(self.protocol(Step::List, &format!("unreadable line {line:.60}")));
            };
            listed.push(Listed {
                msgno,
                uidl: None,
                size,
            });
        }
        // Asked even when CAPA doesn't mention it: old servers without CAPA have UIDL.
        let uidls = match self.multiline(b"UIDL\r\n", Step::Uidl).await? {
            Ok(lines) => lines,
            Err(reply) => {
                tracing::warn!(endpoint = %self.endpoint.name, %reply, "the server refused UIDL");
                self.has_uidl = false;
                return Ok(listed);
            }
        };
        let mut by_number = std::collections::HashMap::with_capacity(uidls.len());
        for line in &uidls {
            let mut words = line.split_ascii_whitespace();
            let parsed = (|| Some((words.next()?.parse::<usize>().ok()?, words.next()?)))();
            let Some((msgno, uidl)) = parsed else {
                return Err(self.protocol(Step::Uidl, &format!("unreadable line {line:.60}")));
            };
            by_number.insert(msgno, uidl.to_string());
        }
        for item in &mut listed {
            item.uidl = by_number.remove(&item.msgno);
            if item.uidl.is_none() {
                return Err(self.protocol(Step::Uidl, "a message without a unique id"));
            }
        }
        self.has_uidl = true;
        Ok(listed)
    }

    /// Sends a command whose +OK reply is a multi-line list, and returns its lines.
    async fn multiline(
        &mut self,
        command: &[u8],
        step: Step,
    ) -> Result<Result<Vec<String>, String>, Pop3Error> {
        self.send(command, step).await?;
        if let Err(reply) = self.read_status(step).await? {
            return Ok(Err(reply));
        }
        let mut bytes = Vec::new();
        self.read_body(step, &mut |piece| {
            bytes.extend_from_slice(piece);
            Ok(())
        })
        .await?
        .map_err(|e| self.endpoint.io_error(step, e))?;
        Ok(Ok(String::from_utf8_lossy(&bytes)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()))
    }

    pub fn has_uidl(&self) -> bool {
        self.has_uidl
    }

    fn protocol(&self, step: Step, message: &str) -> Pop3Error {
        Pop3Error::Protocol {
            endpoint: self.endpoint.name.clone(),
            step,
            message: message.to_string(),
        }
    }

    /// Sends commands (already CRLF-terminated) in one write.
    pub async fn send(&mut self, commands: &[u8], step: Step) -> Result<(), Pop3Error> {
        let limit = self.endpoint.timeouts.command;
        let write = async {
            self.writer.write_all(commands).await?;
            self.writer.flush().await
        };
        match tls::timed(step, limit, write).await {
            Err(elapsed) => Err(self.endpoint.timed_out(elapsed)),
            Ok(Err(e)) => Err(self.endpoint.io_error(step, e)),
            Ok(Ok(())) => Ok(()),
        }
    }

    /// Reads one status line: `Ok(text)` for +OK, `Err(reply)` inside Ok for -ERR.
    pub async fn read_status(&mut self, step: Step) -> Result<Result<String, String>, Pop3Error> {
        let limit = self.endpoint.timeouts.command;
        let mut line = Vec::new();
        loop {
            let buf = match tls::timed(step, limit, self.reader.fill_buf()).await {
                Err(elapsed) => return Err(self.endpoint.timed_out(elapsed)),
                Ok(Err(e)) => return Err(self.endpoint.io_error(step, e)),
                Ok(Ok(buf)) => buf,
            };
            let (take, done) = match buf.iter().position(|b| *b == b'\n') {
                Some(end) => (end + 1, true),
                None => (buf.len(), false),
            };
            line.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            if done {
                break;
            }
            if line.len() > MAX_STATUS_LINE {
                return Err(self.protocol(step, "a status line without an end"));
            }
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        if let Some(rest) = text.strip_prefix("+OK") {
            Ok(Ok(rest.trim().to_string()))
        } else if let Some(rest) = text.strip_prefix("-ERR") {
            Ok(Err(rest.trim().to_string()))
        } else {
            Err(self.protocol(step, &format!("not a status line: {:.80}", text)))
        }
    }

    /// Streams the body of a multi-line reply into `sink`, decoded, in pieces of about
    /// 64 KB. A silent server fails after the command time limit *between* reads, so a
    /// large message on a slow line is fine as long as bytes keep coming.
    /// Returns (decoded bytes, wire bytes).
    pub async fn read_body(
        &mut self,
        step: Step,
        sink: &mut (dyn FnMut(&[u8]) -> io::Result<()> + Send),
    ) -> Result<Result<(u64, u64), io::Error>, Pop3Error> {
        let limit = self.endpoint.timeouts.command;
        let mut unstuffer = Unstuffer::default();
        let mut decoded = 0u64;
        let mut wire = 0u64;
        // A local write error must not leave the reply half-read on the connection:
        // remember it, keep draining, and report it at the end.
        let mut sink_error = None;
        self.out.clear();
        while !unstuffer.is_done() {
            let buf = match tls::timed(step, limit, self.reader.fill_buf()).await {
                Err(elapsed) => return Err(self.endpoint.timed_out(elapsed)),
                Ok(Err(e)) => return Err(self.endpoint.io_error(step, e)),
                Ok(Ok(buf)) => buf,
            };
            let used = unstuffer.feed(buf, &mut self.out);
            self.reader.consume(used);
            wire += used as u64;
            if self.out.len() >= CHUNK || unstuffer.is_done() {
                decoded += self.out.len() as u64;
                if sink_error.is_none() {
                    if let Err(e) = sink(&self.out) {
                        sink_error = Some(e);
                    }
                }
                self.out.clear();
            }
        }
        Ok(match sink_error {
            Some(e) => Err(e),
            None => Ok((decoded, wire)),
        })
    }

    /// Ends the session; the server applies DELE only now.
    pub async fn quit(mut self) -> Result<(), Pop3Error> {
        if !self.reader.buffer().is_empty() {
            return Err(self.protocol(Step::Quit, "unread data before QUIT"));
        }
        self.send(b"QUIT\r\n", Step::Quit).await?;
        match self.read_status(Step::Quit).await? {
            Ok(_) => {
                let limit = self.endpoint.timeouts.command;
                let _ = tls::timed(Step::Quit, limit, self.writer.shutdown()).await;
                Ok(())
            }
            Err(reply) => Err(Pop3Error::Refused {
                endpoint: self.endpoint.name.clone(),
                step: Step::Quit,
                reply,
            }),
        }
    }
}
