//! STARTTLS (IMAP, SMTP) and STLS (POP3): a plain-text greeting, then an upgrade to TLS.
//!
//! Fails closed: a server that does not offer the upgrade, refuses it, or answers anything
//! unexpected ends the connection with an error; nothing is ever sent in the clear after the
//! greeting except the upgrade request itself. Bytes that arrive between the server's "go
//! ahead" and the handshake are refused too: they could be a man-in-the-middle's injected
//! answers that would otherwise be read as if they had come through TLS (CVE-2011-0411 class).

use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use crate::mail::account::ServerKind;
use crate::mail::tls::{self, NetError, Timeouts};

/// Longest line we accept from a server before the upgrade (RFC 5321 allows 512; be generous).
const MAX_LINE: u64 = 8 * 1024;
/// Most lines in one reply (untagged IMAP data, SMTP continuation lines) before we give up.
const MAX_LINES: usize = 200;

/// Reads CRLF-terminated lines with a time limit and a length limit, naming the step on failure.
pub struct LineReader<S> {
    inner: BufReader<S>,
    host: String,
    port: u16,
    limit: std::time::Duration,
}

impl<S: AsyncRead + AsyncWrite + Unpin> LineReader<S> {
    pub fn new(stream: S, host: &str, port: u16, timeouts: &Timeouts) -> Self {
        LineReader {
            inner: BufReader::new(stream),
            host: host.to_string(),
            port,
            limit: timeouts.command,
        }
    }

    /// One line without its line ending.
    pub async fn read_line(&mut self, step: &'static str) -> Result<String, NetError> {
        let mut line = Vec::new();
        let mut limited = (&mut self.inner).take(MAX_LINE);
        let read = limited.read_until(b'\n', &mut line);
        let count = tls::timed(step, self.limit, read)
            .await
            .map_err(|elapsed| NetError::timed_out(&self.host, self.port, elapsed))?
            .map_err(|source| self.io(source))?;
        if count == 0 {
            return Err(self.io(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            )));
        }
        if !line.ends_with(b"\n") {
            return Err(self.protocol(step, "a line from the server is too long".into()));
        }
        while matches!(line.last(), Some(b'\n' | b'\r')) {
            line.pop();
        }
        Ok(String::from_utf8_lossy(&line).into_owned())
    }

    /// Sends one command line (CRLF is added).
    pub async fn send_line(&mut self, step: &'static str, line: &str) -> Result<(), NetError> {
        let stream = self.inner.get_mut();
        let write = async {
            stream.write_all(line.as_bytes()).await?;
            stream.write_all(b"\r\n").await?;
            stream.flush().await
        };
        tls::timed(step, self.limit, write)
            .await
            .map_err(|elapsed| NetError::timed_out(&self.host, self.port, elapsed))?
            .map_err(|source| self.io(source))
    }

    /// A whole SMTP reply (RFC 5321 4.2): `250-first`, `250-more`, `250 last`.
    pub async fn read_smtp_reply(&mut self, step: &'static str) -> Result<SmtpReply, NetError> {
        let mut lines = Vec::new();
        let mut code = None;
        loop {
            let line = self.read_line(step).await?;
            let bytes = line.as_bytes();
            let parsed = (bytes.len() >= 3 && bytes[..3].iter().all(u8::is_ascii_digit))
                .then(|| line[..3].parse::<u16>().ok())
                .flatten();
            let Some(this_code) = parsed else {
                return Err(self.protocol(step, format!("not an SMTP reply: {line}")));
            };
            if *code.get_or_insert(this_code) != this_code {
                return Err(self.protocol(step, format!("mixed reply codes: {line}")));
            }
            let more = bytes.get(3) == Some(&b'-');
            lines.push(line.get(4..).unwrap_or("").to_string());
            if !more {
                break;
            }
            if lines.len() > MAX_LINES {
                return Err(self.protocol(step, "the reply never ends".into()));
            }
        }
        Ok(SmtpReply {
            code: code.unwrap_or_default(),
            lines,
        })
    }

    /// Whether the server has sent bytes we have not read yet.
    pub fn has_buffered(&self) -> bool {
        !self.inner.buffer().is_empty()
    }

    pub fn into_inner(self) -> S {
        self.inner.into_inner()
    }

    pub fn io(&self, source: std::io::Error) -> NetError {
        NetError::Io {
            host: self.host.clone(),
            port: self.port,
            source,
        }
    }

    pub fn protocol(&self, step: &'static str, message: String) -> NetError {
        NetError::Protocol {
            host: self.host.clone(),
            port: self.port,
            step,
            message,
        }
    }
}

/// One SMTP reply: the code and the text of each line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmtpReply {
    pub code: u16,
    pub lines: Vec<String>,
}

impl SmtpReply {
    pub fn is_positive(&self) -> bool {
        (200..400).contains(&self.code)
    }

    /// The reply as one line, for error messages.
    pub fn text(&self) -> String {
        format!("{} {}", self.code, self.lines.join(" / "))
    }

    /// EHLO keywords in upper case (`AUTH PLAIN LOGIN`, `STARTTLS`, ...), without the greeting line.
    pub fn ehlo_keywords(&self) -> Vec<String> {
        self.lines
            .iter()
            .skip(1)
            .map(|line| line.trim().to_ascii_uppercase())
            .collect()
    }
}

/// The name we give in EHLO: the address literal of our end of the connection (RFC 5321 4.1.3),
/// which tells the server nothing it does not already know.
pub fn ehlo_name(local: Option<std::net::SocketAddr>) -> String {
    match local.map(|addr| addr.ip()) {
        Some(std::net::IpAddr::V4(ip)) => format!("[{ip}]"),
        Some(std::net::IpAddr::V6(ip)) => format!("[IPv6:{ip}]"),
        None => "[127.0.0.1]".into(),
    }
}

/// A plain-text connection that has not been upgraded yet.
pub struct PlainConnection {
    kind: ServerKind,
    host: String,
    port: u16,
    timeouts: Timeouts,
    reader: LineReader<TcpStream>,
    greeted: bool,
}

impl PlainConnection {
    pub fn new(
        tcp: TcpStream,
        kind: ServerKind,
        host: &str,
        port: u16,
        timeouts: &Timeouts,
    ) -> Self {
        PlainConnection {
            kind,
            host: host.to_string(),
            port,
            timeouts: *timeouts,
            reader: LineReader::new(tcp, host, port, timeouts),
            greeted: false,
        }
    }

    /// Reads the server's plain-text greeting and returns its text.
    pub async fn greeting(&mut self) -> Result<String, NetError> {
        const STEP: &str = "greeting";
        let greeting = match self.kind {
            ServerKind::Imap => {
                let line = self.reader.read_line(STEP).await?;
                if !line.starts_with("* OK") {
                    // PREAUTH leaves no chance to upgrade before commands; BYE is a refusal.
                    return Err(self.reader.protocol(STEP, line));
                }
                line
            }
            ServerKind::Pop3 => {
                let line = self.reader.read_line(STEP).await?;
                if !line.starts_with("+OK") {
                    return Err(self.reader.protocol(STEP, line));
                }
                line
            }
            ServerKind::Smtp => {
                let reply = self.reader.read_smtp_reply(STEP).await?;
                if reply.code != 220 {
                    return Err(self.reader.protocol(STEP, reply.text()));
                }
                reply.text()
            }
        };
        self.greeted = true;
        Ok(greeting)
    }

    /// Asks for the upgrade, makes sure the server agreed and sent nothing else, then runs the
    /// verifying TLS handshake. After this, IMAP and POP3 servers send no new greeting, and an
    /// SMTP client must say EHLO again.
    pub async fn upgrade(
        mut self,
        ca_file: Option<&Path>,
    ) -> Result<TlsStream<TcpStream>, NetError> {
        const STEP: &str = "STARTTLS";
        if !self.greeted {
            self.greeting().await?;
        }
        let agreed = match self.kind {
            ServerKind::Imap => {
                self.reader.send_line(STEP, "P1 STARTTLS").await?;
                let mut answer = None;
                for _ in 0..MAX_LINES {
                    let line = self.reader.read_line(STEP).await?;
                    if line.starts_with("* ") {
                        continue;
                    }
                    answer = Some(line);
                    break;
                }
                let Some(line) = answer else {
                    return Err(self.reader.protocol(STEP, "no answer to STARTTLS".into()));
                };
                if !line.starts_with("P1 ") {
                    return Err(self.reader.protocol(STEP, line));
                }
                line[3..].to_ascii_uppercase().starts_with("OK")
            }
            ServerKind::Pop3 => {
                self.reader.send_line(STEP, "STLS").await?;
                self.reader.read_line(STEP).await?.starts_with("+OK")
            }
            ServerKind::Smtp => {
                let local = self.reader.inner.get_ref().local_addr().ok();
                self.reader
                    .send_line(STEP, &format!("EHLO {}", ehlo_name(local)))
                    .await?;
                let ehlo = self.reader.read_smtp_reply(STEP).await?;
                if ehlo.code != 250 {
                    return Err(self.reader.protocol(STEP, ehlo.text()));
                }
                if !ehlo.ehlo_keywords().iter().any(|k| k == "STARTTLS") {
                    return Err(self.no_starttls());
                }
                self.reader.send_line(STEP, "STARTTLS").await?;
                self.reader.read_smtp_reply(STEP).await?.code == 220
            }
        };
        if !agreed {
            return Err(self.no_starttls());
        }
        if self.reader.has_buffered() {
            return Err(self.reader.protocol(
                STEP,
                "the server sent data before the encrypted connection began".into(),
            ));
        }
        let tcp = self.reader.into_inner();
        tls::handshake(tcp, &self.host, self.port, ca_file, &self.timeouts).await
    }

    fn no_starttls(&self) -> NetError {
        NetError::NoStarttls {
            host: self.host.clone(),
            port: self.port,
        }
    }
}

/// Connects, reads the plain greeting and upgrades: the STARTTLS counterpart of `tls::connect_tls`.
pub async fn connect_starttls(
    kind: ServerKind,
    host: &str,
    port: u16,
    ca_file: Option<&Path>,
    timeouts: &Timeouts,
) -> Result<TlsStream<TcpStream>, NetError> {
    let tcp = tls::connect_tcp(host, port, timeouts).await?;
    let mut plain = PlainConnection::new(tcp, kind, host, port, timeouts);
    plain.greeting().await?;
    plain.upgrade(ca_file).await
}

/// A stream that first yields `prefix`, then reads from `inner`.
///
/// After STLS a POP3 server sends no new greeting, but async-pop's `new()` waits for one: hand
/// it `Prefixed::pop3_after_stls(tls)` so it reads a local "+OK" instead of hanging.
#[derive(Debug)]
pub struct Prefixed<S> {
    prefix: Vec<u8>,
    offset: usize,
    inner: S,
}

impl<S> Prefixed<S> {
    pub fn new(prefix: impl Into<Vec<u8>>, inner: S) -> Self {
        Prefixed {
            prefix: prefix.into(),
            offset: 0,
            inner,
        }
    }

    pub fn pop3_after_stls(inner: S) -> Self {
        Prefixed::new(&b"+OK TLS started\r\n"[..], inner)
    }

    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Prefixed<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = &mut *self;
        if this.offset < this.prefix.len() {
            let rest = &this.prefix[this.offset..];
            let n = rest.len().min(buf.remaining());
            buf.put_slice(&rest[..n]);
            this.offset += n;
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Prefixed<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Unit tests run against tiny scripted servers on loopback (the real lab covers the rest).
#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::io::AsyncReadExt;
    use tokio::net::TcpListener;

    /// A server that sends `script` lines, reading one client line before each `None`.
    async fn scripted(
        script: Vec<Option<&'static str>>,
    ) -> (u16, tokio::task::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = tokio::spawn(async move {
            let (stream, _) = listener.accept().await.unwrap();
            let mut reader = BufReader::new(stream);
            let mut received = Vec::new();
            for step in script {
                match step {
                    Some(text) => reader.get_mut().write_all(text.as_bytes()).await.unwrap(),
                    None => {
                        let mut line = String::new();
                        reader.read_line(&mut line).await.unwrap();
                        received.push(line.trim_end().to_string());
                    }
                }
            }
            let mut rest = Vec::new();
            let _ = tokio::time::timeout(Duration::from_millis(200), reader.read_to_end(&mut rest))
                .await;
            received
        });
        (port, handle)
    }

    fn quick() -> Timeouts {
        Timeouts::all(Duration::from_secs(2))
    }

    #[tokio::test]
    async fn smtp_multiline_reply_is_read_whole() {
        let (port, server) = scripted(vec![Some("220-first\r\n220-second\r\n220 last\r\n")]).await;
        let tcp = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut reader = LineReader::new(tcp, "127.0.0.1", port, &quick());
        let reply = reader.read_smtp_reply("greeting").await.unwrap();
        assert_eq!(reply.code, 220);
        assert_eq!(reply.lines, vec!["first", "second", "last"]);
        drop(reader);
        server.await.unwrap();
    }

    #[tokio::test]
    async fn smtp_reply_with_mixed_codes_is_refused() {
        let (port, server) = scripted(vec![Some("250-first\r\n251 last\r\n")]).await;
        let tcp = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut reader = LineReader::new(tcp, "127.0.0.1", port, &quick());
        let error = reader.read_smtp_reply("EHLO").await.unwrap_err();
        assert!(
            matches!(error, NetError::Protocol { step: "EHLO", .. }),
            "{error:?}"
        );
        drop(reader);
        server.await.unwrap();
    }

    #[tokio::test]
    async fn smtp_without_starttls_fails_closed() {
        let (port, server) = scripted(vec![
            Some("220 plain.example ESMTP\r\n"),
            None,
            Some("250-plain.example\r\n250 AUTH PLAIN\r\n"),
        ])
        .await;
        let error = connect_starttls(ServerKind::Smtp, "127.0.0.1", port, None, &quick())
            .await
            .unwrap_err();
        assert!(matches!(error, NetError::NoStarttls { .. }), "{error:?}");
        let received = server.await.unwrap();
        assert!(received[0].starts_with("EHLO ["), "{received:?}");
        assert_eq!(received.len(), 1, "nothing after EHLO: {received:?}");
    }

    #[tokio::test]
    async fn imap_refused_starttls_fails_closed() {
        let (port, server) =
            scripted(vec![Some("* OK hello\r\n"), None, Some("P1 BAD no\r\n")]).await;
        let error = connect_starttls(ServerKind::Imap, "127.0.0.1", port, None, &quick())
            .await
            .unwrap_err();
        assert!(matches!(error, NetError::NoStarttls { .. }), "{error:?}");
        assert_eq!(server.await.unwrap(), vec!["P1 STARTTLS"]);
    }

    #[tokio::test]
    async fn injected_data_after_go_ahead_is_refused() {
        let (port, server) = scripted(vec![
            Some("+OK ready\r\n"),
            None,
            Some("+OK begin TLS\r\n+OK injected\r\n"),
        ])
        .await;
        // Give the server time to send both lines so they sit in our buffer together.
        let tcp = tls::connect_tcp("127.0.0.1", port, &quick()).await.unwrap();
        let mut plain = PlainConnection::new(tcp, ServerKind::Pop3, "127.0.0.1", port, &quick());
        plain.greeting().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let error = plain.upgrade(None).await.unwrap_err();
        assert!(
            matches!(&error, NetError::Protocol { step: "STARTTLS", message, .. } if message.contains("before")),
            "{error:?}"
        );
        server.await.unwrap();
    }

    #[tokio::test]
    async fn prefixed_yields_prefix_then_inner() {
        let inner = std::io::Cursor::new(b"rest".to_vec());
        let mut stream = Prefixed::new(&b"+OK\r\n"[..], tokio::io::BufReader::new(inner));
        let mut all = Vec::new();
        stream.read_to_end(&mut all).await.unwrap();
        assert_eq!(all, b"+OK\r\nrest");
    }
}
