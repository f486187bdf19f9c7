//! A TCP relay between a client and a lab port that can misbehave on demand: cut every
//! connection, cut after so many bytes from the server, or go silent while keeping the
//! connection open. TLS passes through untouched (the client still talks to `localhost`, which
//! the lab certificate names), so this tests real protocol code against real servers with the
//! network faults users meet: a dropped Wi-Fi mid-download, a NAT that silently forgets a
//! connection.
//!
//! ```ignore
//! let proxy = FaultProxy::start(lab.imaps_port);
//! let mut account = lab.account(&user, Protocol::Imap);
//! account.incoming.port = proxy.port;
//! proxy.cut_after_server_bytes(Some(200_000)); // each connection dies after 200 KB downstream
//! proxy.stall(true);                           // bytes stop flowing both ways; sockets stay open
//! proxy.cut_all();                             // RST-like close of every open connection
//! proxy.refuse(true);                          // new connections are closed at once
//! ```

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

#[derive(Default)]
struct State {
    stalled: AtomicBool,
    refusing: AtomicBool,
    stopped: AtomicBool,
    /// Bytes the server may send on each connection before it is cut; u64::MAX for no limit.
    server_budget: AtomicU64,
    accepted: AtomicUsize,
    open: Mutex<Vec<(TcpStream, TcpStream)>>,
}

/// See the module documentation. Stops relaying (and closes everything) when dropped.
pub struct FaultProxy {
    pub port: u16,
    state: Arc<State>,
}

impl FaultProxy {
    /// Relays 127.0.0.1:`port` (the proxy's) to 127.0.0.1:`target`.
    pub fn start(target: u16) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the fault proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let state = Arc::new(State {
            server_budget: AtomicU64::new(u64::MAX),
            ..State::default()
        });
        let accept_state = state.clone();
        thread::spawn(move || {
            for client in listener.incoming() {
                if accept_state.stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                accept_state.accepted.fetch_add(1, Ordering::SeqCst);
                if accept_state.refusing.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                relay(&accept_state, client, server);
            }
        });
        FaultProxy { port, state }
    }

    /// Closes every open connection now (both directions); new ones are still accepted.
    pub fn cut_all(&self) {
        let mut open = self.state.open.lock().unwrap();
        for (client, server) in open.drain(..) {
            let _ = client.shutdown(Shutdown::Both);
            let _ = server.shutdown(Shutdown::Both);
        }
    }

    /// While true, no byte is relayed in either direction but every socket stays open: the
    /// peer sees a silent server (or client), as after a NAT drop.
    pub fn stall(&self, on: bool) {
        self.state.stalled.store(on, Ordering::SeqCst);
    }

    /// While true, new connections are accepted and closed at once.
    pub fn refuse(&self, on: bool) {
        self.state.refusing.store(on, Ordering::SeqCst);
    }

    /// Each connection (current and future) is cut once the server has sent it this many
    /// bytes; `None` lifts the limit.
    pub fn cut_after_server_bytes(&self, limit: Option<u64>) {
        self.state
            .server_budget
            .store(limit.unwrap_or(u64::MAX), Ordering::SeqCst);
    }

    /// How many connections the proxy has accepted so far (refused ones included).
    pub fn connections(&self) -> usize {
        self.state.accepted.load(Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.state.stopped.store(true, Ordering::SeqCst);
        self.cut_all();
        // Wake the accept loop so it sees `stopped`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn relay(state: &Arc<State>, client: TcpStream, server: TcpStream) {
    let (Ok(c2), Ok(s2), Ok(c3), Ok(s3)) = (
        client.try_clone(),
        server.try_clone(),
        client.try_clone(),
        server.try_clone(),
    ) else {
        return;
    };
    state.open.lock().unwrap().push((c3, s3));
    let up = state.clone();
    thread::spawn(move || pump(&up, client, server, false));
    let down = state.clone();
    thread::spawn(move || pump(&down, s2, c2, true));
}

/// Copies `from` to `to` until either side closes, honouring stall and the server budget.
fn pump(state: &State, mut from: TcpStream, mut to: TcpStream, from_server: bool) {
    let _ = from.set_read_timeout(Some(Duration::from_millis(50)));
    let mut sent: u64 = 0;
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        if state.stopped.load(Ordering::SeqCst) {
            break;
        }
        if state.stalled.load(Ordering::SeqCst) {
            // Leave the bytes in the kernel's buffers: nothing is read, nothing is lost.
            thread::sleep(Duration::from_millis(20));
            continue;
        }
        let mut chunk = buf.len();
        if from_server {
            let budget = state.server_budget.load(Ordering::SeqCst);
            if sent >= budget {
                break;
            }
            chunk = chunk.min((budget - sent).min(usize::MAX as u64) as usize);
        }
        match from.read(&mut buf[..chunk]) {
            Ok(0) => break,
            Ok(n) => {
                // Bytes read just as the stall began are held back, not sent and not lost.
                while state.stalled.load(Ordering::SeqCst) && !state.stopped.load(Ordering::SeqCst)
                {
                    thread::sleep(Duration::from_millis(20));
                }
                if to.write_all(&buf[..n]).is_err() {
                    break;
                }
                sent += n as u64;
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}
