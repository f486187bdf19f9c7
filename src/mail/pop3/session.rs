//! One POP3 connection with a time limit on every step.

use std::future::Future;
use std::io;
use std::time::Duration;

use async_pop::error::ErrorKind;
use async_pop::response::capability::Capability;
use async_pop::response::list::ListResponse;
use async_pop::response::types::DataType;
use async_pop::response::uidl::UidlResponse;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use super::wire::{Shared, Unstuffer};
use super::{Pop3Error, Step};
use crate::mail::account::{Account, Security};
use crate::mail::secret::Password;
use crate::mail::tls::{self, Timeouts};

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
        match tokio::time::timeout(limit, fut).await {
            Err(_) => Err(self.timeout(step, limit)),
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(self.map_error(step, error)),
        }
    }

    fn timeout(&self, step: Step, limit: Duration) -> Pop3Error {
        Pop3Error::Timeout {
            endpoint: self.name.clone(),
            step,
            secs: limit.as_secs().max(1),
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

    fn io_error(&self, step: Step, source: io::Error) -> Pop3Error {
        Pop3Error::Connection {
            endpoint: self.name.clone(),
            step,
            source,
        }
    }
}

pub struct Session {
    client: async_pop::Client<Conn>,
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
        if server.security == Security::Starttls {
            return Err(Pop3Error::Starttls {
                endpoint: endpoint.name,
            });
        }
        let tls = tls::connect_tls(
            &server.host,
            server.port,
            account.ca_file.as_deref(),
            timeouts,
        )
        .await?;
        let conn = Shared::new(tls);
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
        let session = Session {
            pipelining: caps.contains(&Capability::Pipelining),
            has_uidl: caps.contains(&Capability::Uidl),
            client,
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
    pub async fn listing(&mut self) -> Result<Vec<Listed>, Pop3Error> {
        let limit = self.endpoint.timeouts.command;
        let list = self
            .endpoint
            .timed(Step::List, limit, self.client.list(None))
            .await?;
        let ListResponse::Multiple(list) = list else {
            return Err(self.protocol(Step::List, "a single line where a list was expected"));
        };
        let mut listed = Vec::with_capacity(list.items().len());
        for item in list.items() {
            let (Ok(msgno), Ok(size)) = (item.counter().value(), item.size().value()) else {
                return Err(self.protocol(Step::List, "a line without numbers"));
            };
            listed.push(Listed {
                msgno,
                uidl: None,
                size: size as u64,
            });
        }
        if !self.has_uidl {
            return Ok(listed);
        }
        let uidls = match self
            .endpoint
            .timed(Step::Uidl, limit, self.client.uidl(None))
            .await
        {
            Ok(UidlResponse::Multiple(uidls)) => uidls,
            Ok(UidlResponse::Single(_)) => {
                return Err(self.protocol(Step::Uidl, "a single line where a list was expected"))
            }
            // Advertised but refused: behave as a server without UIDL.
            Err(Pop3Error::Refused { reply, .. }) => {
                tracing::warn!(endpoint = %self.endpoint.name, %reply, "UIDL refused");
                self.has_uidl = false;
                return Ok(listed);
            }
            Err(other) => return Err(other),
        };
        let by_number: std::collections::HashMap<usize, String> = uidls
            .items()
            .iter()
            .filter_map(|u| Some((u.index().value().ok()?, u.id().value().ok()?)))
            .collect();
        for item in &mut listed {
            item.uidl = by_number.get(&item.msgno).cloned();
            if item.uidl.is_none() {
                return Err(self.protocol(Step::Uidl, "a message without a unique id"));
            }
        }
        Ok(listed)
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
        match tokio::time::timeout(limit, write).await {
            Err(_) => Err(self.endpoint.timeout(step, limit)),
            Ok(Err(e)) => Err(self.endpoint.io_error(step, e)),
            Ok(Ok(())) => Ok(()),
        }
    }

    /// Reads one status line: `Ok(text)` for +OK, `Err(reply)` inside Ok for -ERR.
    pub async fn read_status(&mut self, step: Step) -> Result<Result<String, String>, Pop3Error> {
        let limit = self.endpoint.timeouts.command;
        let mut line = Vec::new();
        loop {
            let buf = match tokio::time::timeout(limit, self.reader.fill_buf()).await {
                Err(_) => return Err(self.endpoint.timeout(step, limit)),
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
        sink: &mut dyn FnMut(&[u8]) -> io::Result<()>,
        on_wire: &mut dyn FnMut(u64),
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
            let buf = match tokio::time::timeout(limit, self.reader.fill_buf()).await {
                Err(_) => return Err(self.endpoint.timeout(step, limit)),
                Ok(Err(e)) => return Err(self.endpoint.io_error(step, e)),
                Ok(Ok(buf)) => buf,
            };
            let used = unstuffer.feed(buf, &mut self.out);
            self.reader.consume(used);
            wire += used as u64;
            on_wire(used as u64);
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
        let limit = self.endpoint.timeouts.command;
        self.endpoint
            .timed(Step::Quit, limit, self.client.quit())
            .await?;
        Ok(())
    }
}
