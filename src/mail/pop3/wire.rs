//! Byte-level pieces of the POP3 session: a stream shared between async-pop and our own
//! streaming RETR reader, and the decoder that turns a multi-line reply into message bytes.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// One connection, used by async-pop (greeting, CAPA, login) and by our own reader for
/// everything after. Only one side reads at a time: POP3 replies come in order and we
/// never call async-pop while our own commands are still unanswered.
pub struct Shared<S>(Arc<Mutex<Inner<S>>>);

struct Inner<S> {
    stream: S,
    /// Bytes served before the stream's own: after STLS, the greeting async-pop expects
    /// (it was read on the plain connection, before the handshake).
    replay: Vec<u8>,
}

impl<S> Clone for Shared<S> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<S> Shared<S> {
    pub fn new(stream: S) -> Shared<S> {
        Shared::with_replay(stream, Vec::new())
    }

    pub fn with_replay(stream: S, replay: Vec<u8>) -> Shared<S> {
        Shared(Arc::new(Mutex::new(Inner { stream, replay })))
    }

    fn lock(&self) -> io::Result<std::sync::MutexGuard<'_, Inner<S>>> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("connection state poisoned"))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Shared<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let mut inner = self.lock()?;
        if !inner.replay.is_empty() {
            let n = inner.replay.len().min(buf.remaining());
            buf.put_slice(&inner.replay[..n]);
            inner.replay.drain(..n);
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        let room = buf.remaining();
        match Pin::new(&mut inner.stream).poll_read(cx, buf) {
            // async-pop loops on a zero-byte read without ever yielding, which would spin
            // forever (and defeat every timeout) when the server hangs up: make EOF an error.
            Poll::Ready(Ok(())) if room > 0 && buf.filled().len() == before => {
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the server closed the connection",
                )))
            }
            other => other,
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Shared<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let mut inner = self.lock()?;
        Pin::new(&mut inner.stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let mut inner = self.lock()?;
        Pin::new(&mut inner.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let mut inner = self.lock()?;
        Pin::new(&mut inner.stream).poll_shutdown(cx)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    LineStart,
    /// A line began with '.'.
    Dot,
    /// A line began with ".\r": the terminator if '\n' follows.
    DotCr,
    InLine,
    Done,
}

/// Decodes the body of a multi-line reply as it streams in, in constant memory: removes
/// dot-stuffing and stops at the terminating ".CRLF". Everything else is kept as sent,
/// CRLF line ends included: the stored file is the message exactly as the server sent
/// it, the same bytes an IMAP client stores.
#[derive(Debug)]
pub struct Unstuffer {
    state: State,
}

impl Default for Unstuffer {
    fn default() -> Self {
        Unstuffer {
            state: State::LineStart,
        }
    }
}

impl Unstuffer {
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// Feeds bytes; appends decoded message bytes to `out`. Returns how many input bytes
    /// were consumed: fewer than `input.len()` only once the terminator has been seen
    /// (the rest belongs to the next reply).
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> usize {
        let mut i = 0;
        while i < input.len() {
            match self.state {
                State::Done => return i,
                State::InLine => {
                    // The common case: copy through the end of the line in one go.
                    let rest = &input[i..];
                    match rest.iter().position(|b| *b == b'\n') {
                        Some(end) => {
                            out.extend_from_slice(&rest[..=end]);
                            i += end + 1;
                            self.state = State::LineStart;
                        }
                        None => {
                            out.extend_from_slice(rest);
                            i = input.len();
                        }
                    }
                }
                State::LineStart => {
                    if input[i] == b'.' {
                        self.state = State::Dot;
                        i += 1;
                    } else {
                        self.state = State::InLine;
                    }
                }
                State::Dot => match input[i] {
                    b'\r' => {
                        self.state = State::DotCr;
                        i += 1;
                    }
                    // A lone ".\n": some servers end lines with bare LF; accept it as the end.
                    b'\n' => {
                        self.state = State::Done;
                        i += 1;
                    }
                    // The stuffed dot is dropped; what follows is data.
                    _ => self.state = State::InLine,
                },
                State::DotCr => {
                    if input[i] == b'\n' {
                        self.state = State::Done;
                        i += 1;
                    } else {
                        out.push(b'\r');
                        self.state = State::InLine;
                    }
                }
            }
        }
        i
    }
}

/// Encodes a UIDL for a file name: hex, so any of POP3's 0x21-0x7E characters survives
/// ('/', ':' and ',' can't appear in a Maildir name).
pub fn uidl_to_hex(uidl: &str) -> String {
    uidl.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn hex_to_uidl(hex: &str) -> Option<String> {
    if !hex.len().is_multiple_of(2) || hex.is_empty() {
        return None;
    }
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_chunks(wire: &[u8], chunk: usize) -> (Vec<u8>, usize) {
        let mut un = Unstuffer::default();
        let mut out = Vec::new();
        let mut used = 0;
        for piece in wire.chunks(chunk) {
            used += un.feed(piece, &mut out);
            if un.is_done() {
                break;
            }
        }
        assert!(un.is_done(), "terminator not seen");
        (out, used)
    }

    #[test]
    fn unstuffs_at_any_split() {
        let wire =
            b"Subject: x\r\n\r\n..leading dot\r\n..\r\nnot end\r\nbare\rcr\r\n...\r\n.\r\n+OK next";
        let want = b"Subject: x\r\n\r\n.leading dot\r\n.\r\nnot end\r\nbare\rcr\r\n..\r\n";
        for chunk in 1..wire.len() {
            let (out, used) = decode_in_chunks(wire, chunk);
            assert_eq!(out, want, "chunk {chunk}");
            assert_eq!(&wire[used..], b"+OK next", "chunk {chunk}");
        }
    }

    #[test]
    fn empty_message_and_dot_cr_data() {
        assert_eq!(decode_in_chunks(b".\r\n", 1).0, b"");
        assert_eq!(decode_in_chunks(b".\rx\r\n.\r\n", 2).0, b"\rx\r\n");
    }

    #[test]
    fn uidl_hex_round_trip() {
        let uidl = "00000001/5f:2,a~";
        let hex = uidl_to_hex(uidl);
        assert!(hex.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(hex_to_uidl(&hex).as_deref(), Some(uidl));
        assert_eq!(hex_to_uidl("abc"), None);
    }
}
