//! POP3 download-and-delete against the real Dovecot lab: byte-identical copies, no loss,
//! no duplicates, also when the process is killed or the connection cut at random points.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use pillarbox::mail::account::{Account, Protocol};
use pillarbox::mail::paths::Paths;
use pillarbox::mail::pop3::{self, Event, Job, Pop3Error, Step, Summary, LEDGER_FILE};
use pillarbox::mail::secret::Password;
use pillarbox::mail::store::MailStore;
use pillarbox::mail::tls::Timeouts;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::lab::{self, Lab, LabUser};

/// A throwaway Pillarbox home plus the account pointing at the lab user.
struct Client {
    _home: tempfile::TempDir,
    paths: Paths,
    account: Account,
    password: Password,
}

impl Client {
    fn new(lab: &Lab, user: &LabUser) -> Client {
        let home = tempfile::tempdir().unwrap();
        Client {
            paths: Paths::under(home.path()),
            _home: home,
            account: lab.account(user, Protocol::Pop3),
            password: user.password.clone(),
        }
    }

    fn home(&self) -> &Path {
        self._home.path()
    }

    fn inbox(&self) -> PathBuf {
        self.paths.mail_root(&self.account.id()).join("INBOX")
    }

    /// How many messages the envelope index lists in INBOX.
    fn indexed(&self) -> u64 {
        MailStore::open(&self.paths, &self.account.id())
            .unwrap()
            .count("INBOX")
            .unwrap()
    }

    async fn run_at(&self, now: SystemTime, timeouts: Timeouts) -> Result<Summary, Pop3Error> {
        let mut job = Job::new(&self.paths, &self.account, &self.password);
        job.now = now;
        job.timeouts = timeouts;
        let mut events = Vec::new();
        let result = pop3::download(&job, &mut |e: Event| events.push(e)).await;
        if let Ok(summary) = &result {
            // Progress ends where it said it would.
            let Some(Event::Listed { to_download, .. }) = events.first() else {
                panic!("no Listed event: {events:?}");
            };
            assert_eq!(*to_download, summary.downloaded);
            assert!(matches!(events.last(), Some(Event::Committed { .. })));
            if summary.downloaded > 0 {
                let done = events.iter().rev().find_map(|e| match e {
                    Event::Downloaded {
                        done,
                        total,
                        bytes_done,
                        bytes_total,
                    } => Some((*done, *total, *bytes_done, *bytes_total)),
                    _ => None,
                });
                let (done, total, bytes_done, bytes_total) = done.unwrap();
                assert_eq!(done, total);
                assert_eq!(bytes_done, bytes_total);
            }
        }
        result
    }

    async fn run(&self) -> Result<Summary, Pop3Error> {
        self.run_at(SystemTime::now(), Timeouts::default()).await
    }
}

/// Every message file (contents) in a Maildir's new/ and cur/, sorted.
fn maildir_contents(dir: &Path) -> Vec<Vec<u8>> {
    let mut all = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries {
            all.push(fs::read(entry.unwrap().path()).unwrap());
        }
    }
    all.sort();
    all
}

fn count_files(dir: &Path) -> usize {
    ["new", "cur"]
        .iter()
        .map(|sub| fs::read_dir(dir.join(sub)).map(|d| d.count()).unwrap_or(0))
        .sum()
}

/// Asserts `local` holds each of `expected` exactly once, and nothing else.
fn assert_exactly_once(local: &Path, expected: &[Vec<u8>]) {
    let got = maildir_contents(local);
    let mut counts: BTreeMap<&[u8], i64> = BTreeMap::new();
    for m in expected {
        *counts.entry(m).or_default() += 1;
    }
    for m in &got {
        *counts.entry(m).or_default() -= 1;
    }
    let missing = counts.values().filter(|c| **c > 0).count();
    let extra = counts.values().filter(|c| **c < 0).count();
    assert_eq!(
        (missing, extra, got.len()),
        (0, 0, expected.len()),
        "local store differs from the server's messages (missing, extra/duplicated, count)"
    );
}

/// A small xorshift generator: no extra crate, and the seed is printed for replays.
struct Rng(u64);

impl Rng {
    fn from_time() -> Rng {
        let seed = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        eprintln!("random seed {seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_downloads_byte_identical_then_server_is_empty() {
    let lab = lab::lab();
    let user = lab.new_user("pop-basic");
    lab.seed_generated(&user, "INBOX", 40, 7);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    assert_eq!(expected.len(), 40);

    let client = Client::new(lab, &user);
    let summary = client.run().await.unwrap();
    assert_eq!(summary.downloaded, 40);
    assert_eq!(summary.deleted, 40);
    assert!(summary.uidl);
    assert_eq!(count_files(&server), 0, "server still has messages");
    assert_exactly_once(&client.inbox(), &expected);
    // The download recorded the Inbox's new stamp: opening the store reads no folder.
    let store = MailStore::open(&client.paths, &client.account.id()).unwrap();
    assert_eq!(
        store.opened_report().scanned,
        0,
        "{:?}",
        store.opened_report()
    );
    drop(store);
    assert_eq!(client.indexed(), 40);
    // POP3 accounts get their local folders.
    for folder in ["Sent", "Drafts", "Trash"] {
        assert!(client.inbox().with_file_name(folder).join("cur").is_dir());
    }

    // Nothing left: a second run is a no-op, and the ledger was compacted to nothing.
    let again = client.run().await.unwrap();
    assert_eq!((again.on_server, again.downloaded), (0, 0));
    let ledger = fs::read_to_string(
        client
            .paths
            .state_dir(&client.account.id())
            .join(LEDGER_FILE),
    )
    .unwrap();
    assert_eq!(ledger.lines().filter(|l| !l.starts_with('#')).count(), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_leave_on_server_downloads_each_message_once() {
    let lab = lab::lab();
    let user = lab.new_user("pop-leave");
    lab.seed_generated(&user, "INBOX", 12, 11);
    let server = lab.server_maildir(&user, "INBOX");
    let mut client = Client::new(lab, &user);
    client.account.pop3.leave_on_server = true;

    let first = client.run().await.unwrap();
    assert_eq!((first.downloaded, first.deleted, first.kept), (12, 0, 12));
    assert_eq!(count_files(&server), 12);
    let second = client.run().await.unwrap();
    assert_eq!((second.downloaded, second.deleted, second.kept), (0, 0, 12));

    lab.seed(
        &user,
        "INBOX",
        &[b"From: a@example.com\r\nSubject: one more\r\n\r\nNew.\r\n".as_slice()],
    );
    let third = client.run().await.unwrap();
    assert_eq!((third.downloaded, third.kept), (1, 13));
    assert_exactly_once(&client.inbox(), &maildir_contents(&server));
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_delete_after_days_deletes_only_old_downloads() {
    let lab = lab::lab();
    let user = lab.new_user("pop-days");
    lab.seed_generated(&user, "INBOX", 6, 13);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let mut client = Client::new(lab, &user);
    client.account.pop3.leave_on_server = true;
    client.account.pop3.delete_after_days = Some(3);
    let day = Duration::from_secs(24 * 3600);
    let t0 = SystemTime::now();

    let first = client.run_at(t0, Timeouts::default()).await.unwrap();
    assert_eq!((first.downloaded, first.deleted), (6, 0));
    // Two messages arrive a day later.
    lab.seed(
        &user,
        "INBOX",
        &[
            b"Subject: later 1\r\n\r\nx\r\n".as_slice(),
            b"Subject: later 2\r\n\r\ny\r\n".as_slice(),
        ],
    );
    let second = client.run_at(t0 + day, Timeouts::default()).await.unwrap();
    assert_eq!((second.downloaded, second.deleted, second.kept), (2, 0, 8));
    let third = client
        .run_at(t0 + 2 * day, Timeouts::default())
        .await
        .unwrap();
    assert_eq!((third.downloaded, third.deleted), (0, 0));
    assert_eq!(count_files(&server), 8);
    // Three days after the first download: the first six go, the later two stay.
    let fourth = client
        .run_at(t0 + 3 * day, Timeouts::default())
        .await
        .unwrap();
    assert_eq!((fourth.downloaded, fourth.deleted, fourth.kept), (0, 6, 2));
    assert_eq!(count_files(&server), 2);
    let fifth = client
        .run_at(t0 + 4 * day, Timeouts::default())
        .await
        .unwrap();
    assert_eq!((fifth.deleted, fifth.kept), (2, 0));
    assert_eq!(count_files(&server), 0);
    let mut all = expected;
    all.push(b"Subject: later 1\r\n\r\nx\r\n".to_vec());
    all.push(b"Subject: later 2\r\n\r\ny\r\n".to_vec());
    all.sort();
    assert_exactly_once(&client.inbox(), &all);
}

/// Stored files are the messages as the server sends them: dot-unstuffed, CRLF kept.
#[tokio::test(flavor = "current_thread")]
async fn pop3_odd_messages_are_stored_exactly() {
    let lab = lab::lab();
    let user = lab.new_user("pop-odd");
    let long_line = {
        let mut m = b"Subject: one long line\r\n\r\n".to_vec();
        m.extend(std::iter::repeat_n(b'x', 300_000));
        m.extend_from_slice(b"\r\n");
        m
    };
    let exact: Vec<Vec<u8>> = vec![
        // Lines starting with dots, including a lone "." that must not end the reply.
        b"Subject: dots\r\n\r\n.\r\n..\r\n.hidden\r\n...\r\n.\rx\r\nend\r\n".to_vec(),
        // No header block at all, 8-bit bytes, a NUL and a bare CR.
        b"just text \xff\xfe\x00 with a bare\rCR\r\n".to_vec(),
        // A malformed header and an unterminated MIME structure.
        b"Subject\r\n: broken\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nunfinished\r\n"
            .to_vec(),
        long_line,
    ];
    // Without a final newline, POP3 can't tell: the server adds one on the wire.
    let unterminated = b"Subject: no final newline\r\n\r\nlast line".to_vec();
    // A file with bare LF line ends travels (and so is stored) with CRLF.
    let lf_only = b"Subject: unix\n\nline\n.dot\n".to_vec();
    let mut seeded: Vec<&[u8]> = exact.iter().map(Vec::as_slice).collect();
    seeded.push(&unterminated);
    seeded.push(&lf_only);
    lab.seed(&user, "INBOX", &seeded);

    let client = Client::new(lab, &user);
    let summary = client.run().await.unwrap();
    assert_eq!(summary.downloaded, 6);
    let mut expected = exact.clone();
    let mut with_newline = unterminated.clone();
    with_newline.extend_from_slice(b"\r\n");
    expected.push(with_newline);
    expected.push(b"Subject: unix\r\n\r\nline\r\n.dot\r\n".to_vec());
    expected.sort();
    assert!(
        maildir_contents(&client.inbox()) == expected,
        "stored bytes differ"
    );
    assert_eq!(count_files(&lab.server_maildir(&user, "INBOX")), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_wrong_password_names_server_and_step() {
    let lab = lab::lab();
    let user = lab.new_user("pop-badpw");
    let mut client = Client::new(lab, &user);
    client.password = Password::new("not-the-password");
    let error = client.run().await.unwrap_err();
    let endpoint = format!("localhost:{}", lab.pop3s_port);
    match &error {
        Pop3Error::Auth { endpoint: e, .. } => assert_eq!(e, &endpoint),
        other => panic!("expected an Auth error, got {other:?}"),
    }
    assert!(error.to_string().contains(&endpoint));
    assert!(!error.hint().is_empty());
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_second_run_at_once_is_refused() {
    let lab = lab::lab();
    let user = lab.new_user("pop-busy");
    let client = Client::new(lab, &user);
    let state = client.paths.state_dir(&client.account.id());
    fs::create_dir_all(&state).unwrap();
    let held = fs::File::create(state.join(pop3::LOCK_FILE)).unwrap();
    held.lock().unwrap();
    assert!(matches!(client.run().await, Err(Pop3Error::Busy { .. })));
    drop(held);
    client.run().await.unwrap();
}

/// The crash window between the Maildir rename and the ledger write, made on purpose:
/// the messages are in the store but the ledger is gone. Nothing may be fetched again.
#[tokio::test(flavor = "current_thread")]
async fn pop3_store_without_ledger_is_reconciled_not_downloaded_again() {
    let lab = lab::lab();
    let user = lab.new_user("pop-reconcile");
    lab.seed_generated(&user, "INBOX", 8, 29);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let mut client = Client::new(lab, &user);
    client.account.pop3.leave_on_server = true;
    assert_eq!(client.run().await.unwrap().downloaded, 8);
    let ledger = client
        .paths
        .state_dir(&client.account.id())
        .join(LEDGER_FILE);
    fs::remove_file(&ledger).unwrap();
    client.account.pop3.leave_on_server = false;
    let summary = client.run().await.unwrap();
    assert_eq!((summary.downloaded, summary.deleted), (0, 8));
    assert_eq!(count_files(&server), 0);
    assert_exactly_once(&client.inbox(), &expected);
}

/// What the proxy does to the server-to-client stream once `after` bytes have passed.
#[derive(Clone, Copy, Debug)]
enum Fault {
    Cut { after: u64 },
    Stall { after: u64 },
}

/// A TCP proxy in front of the lab's POP3S port that injects `fault` into every
/// connection. The TLS bytes pass through untouched, so certificate checks still hold.
async fn faulty_proxy(upstream: u16, fault: Fault) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let server = TcpStream::connect(("127.0.0.1", upstream)).await.unwrap();
            tokio::spawn(relay(client, server, fault));
        }
    });
    port
}

async fn relay(client: TcpStream, server: TcpStream, fault: Fault) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let upward = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
    });
    let limit = match fault {
        Fault::Cut { after } | Fault::Stall { after } => after,
    };
    let mut passed = 0u64;
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match server_read.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let allowed = (limit - passed).min(n as u64) as usize;
        if client_write.write_all(&buf[..allowed]).await.is_err() {
            break;
        }
        passed += allowed as u64;
        if passed >= limit {
            if let Fault::Stall { .. } = fault {
                // Keep the connection open and silent until the client gives up.
                let mut sink = [0u8; 1];
                let _ = tokio::time::timeout(Duration::from_secs(120), async {
                    loop {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        let _ = &mut sink;
                    }
                })
                .await;
            }
            break;
        }
    }
    upward.abort();
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_stalled_server_times_out_and_nothing_is_deleted() {
    let lab = lab::lab();
    let user = lab.new_user("pop-stall");
    let mut big = b"Subject: big\r\n\r\n".to_vec();
    for i in 0..40_000 {
        big.extend_from_slice(
            format!("line {i} of a large message, padding padding\r\n").as_bytes(),
        );
    }
    lab.seed(&user, "INBOX", &[big.as_slice()]);
    let port = faulty_proxy(lab.pop3s_port, Fault::Stall { after: 300_000 }).await;
    let mut client = Client::new(lab, &user);
    client.account.incoming.port = port;
    let started = Instant::now();
    let error = client
        .run_at(SystemTime::now(), Timeouts::all(Duration::from_secs(2)))
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    match &error {
        Pop3Error::Timeout { step, endpoint, .. } => {
            assert_eq!(*step, Step::Retr);
            assert_eq!(endpoint, &format!("localhost:{port}"));
        }
        other => panic!("expected a RETR timeout, got {other:?}"),
    }
    assert_eq!(count_files(&lab.server_maildir(&user, "INBOX")), 1);
    assert_eq!(
        count_files(&client.inbox()),
        0,
        "a partial message became visible"
    );
    // Straight to the server, the same home finishes the job.
    client.account.incoming.port = lab.pop3s_port;
    assert_eq!(client.run().await.unwrap().downloaded, 1);
    assert!(
        maildir_contents(&client.inbox()) == vec![big],
        "the message differs"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_connection_cut_at_random_points_loses_and_duplicates_nothing() {
    let lab = lab::lab();
    let user = lab.new_user("pop-cut");
    lab.seed_generated(&user, "INBOX", 200, 17);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let total: u64 = expected.iter().map(|m| m.len() as u64).sum();
    let mut client = Client::new(lab, &user);
    let mut rng = Rng::from_time();
    let started = Instant::now();
    let mut rounds = 0;
    let mut cut_errors = 0;
    while rounds < 25 && started.elapsed() < Duration::from_secs(60) {
        rounds += 1;
        // Mostly small cuts (handshake, login, listing, first messages), some deep ones.
        let after = if rng.below(3) == 0 {
            rng.below(8_000)
        } else {
            rng.below(total / 4)
        };
        let port = faulty_proxy(lab.pop3s_port, Fault::Cut { after }).await;
        client.account.incoming.port = port;
        match client
            .run_at(SystemTime::now(), Timeouts::all(Duration::from_secs(10)))
            .await
        {
            Ok(_) => {}
            Err(Pop3Error::Connection { .. } | Pop3Error::Net(_)) => cut_errors += 1,
            Err(other) => panic!("round {rounds}: unexpected error {other:?}"),
        }
        let got = maildir_contents(&client.inbox());
        let mut dedup = got.clone();
        dedup.dedup();
        assert_eq!(
            dedup.len(),
            got.len(),
            "round {rounds}: a duplicate appeared"
        );
    }
    assert!(cut_errors > 0, "no cut ever hit the session");
    client.account.incoming.port = lab.pop3s_port;
    client.run().await.unwrap();
    assert_eq!(count_files(&server), 0);
    assert_exactly_once(&client.inbox(), &expected);
    eprintln!("{rounds} rounds, {cut_errors} cut sessions");
}

/// Runs the real binary and SIGKILLs it after a random delay, many times, then lets it
/// finish: every message must be there exactly once and the server empty.
#[tokio::test(flavor = "current_thread")]
async fn pop3_killed_at_random_points_loses_and_duplicates_nothing() {
    let lab = lab::lab();
    let user = lab.new_user("pop-kill");
    lab.seed_generated(&user, "INBOX", 300, 23);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let client = Client::new(lab, &user);

    let spawn = |home: &Path, leave: bool| spawn_sync(lab, &user, home, leave);
    // Calibrate: how long does a whole run take? (Leaves the server untouched.)
    let calibration = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let out = spawn(calibration.path(), true).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let full = t.elapsed();
    assert_eq!(count_files(&server), 300);

    let mut rng = Rng::from_time();
    let started = Instant::now();
    let mut rounds = 0;
    let mut killed = 0;
    while rounds < 25 && started.elapsed() < Duration::from_secs(90) {
        rounds += 1;
        // Each run skips what earlier runs saved, so aim within what is left to do.
        let left = 300 - count_files(&client.inbox()) as u64;
        // Half the remaining time: more kills land before the end, so more rounds.
        let span = (full.as_millis() as u64 * left / 600).max(50);
        let mut child = spawn(client.home(), false);
        tokio::time::sleep(Duration::from_millis(rng.below(span))).await;
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        let status = child.wait().unwrap();
        let got = maildir_contents(&client.inbox());
        let mut dedup = got.clone();
        dedup.dedup();
        assert_eq!(
            dedup.len(),
            got.len(),
            "round {rounds}: a duplicate appeared"
        );
        eprintln!("round {rounds}: {} stored", got.len());
        if status.success() {
            break;
        }
        // Until a run sends QUIT (possible only once all is stored), the server deletes nothing.
        if got.len() < 300 {
            assert_eq!(count_files(&server), 300, "round {rounds}");
        }
    }
    assert!(killed >= 3, "only {killed} kills landed");
    let out = spawn(client.home(), false).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count_files(&server), 0);
    assert_exactly_once(&client.inbox(), &expected);
    assert_eq!(client.indexed(), 300);
    eprintln!("{rounds} rounds, {killed} kills, full run {full:?}");

    // Leftovers of killed runs in tmp/ go once they are stale (36 h), not before.
    let tmp = client.inbox().join("tmp");
    fs::write(tmp.join("stale.pillarbox"), b"partial").unwrap();
    fs::write(tmp.join("young.pillarbox"), b"partial").unwrap();
    let touched = Command::new("touch")
        .args(["-d", "3 days ago"])
        .arg(tmp.join("stale.pillarbox"))
        .status()
        .unwrap();
    assert!(touched.success());
    client.run().await.unwrap();
    assert!(!tmp.join("stale.pillarbox").exists());
    assert!(tmp.join("young.pillarbox").exists());
}

/// Starts `pillarbox pop3-sync` for `user` with its own home, password on stdin.
fn spawn_sync(lab: &Lab, user: &LabUser, home: &Path, leave: bool) -> std::process::Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pillarbox"));
    command
        .arg("pop3-sync")
        .args(["--email", &user.email, "--host", lab.host()])
        .args(["--port", &lab.pop3s_port.to_string()])
        .arg("--ca-file")
        .arg(&lab.ca_file)
        .env("PILLARBOX_HOME", home)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if leave {
        command.arg("--leave-on-server");
    }
    let mut child = command.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", user.password.expose()).unwrap();
    child
}

/// Runs a sync to its end and returns its peak resident memory in KB (from wait4).
// The child is reaped by wait4, which std's wait() can't replace: it gives the rusage.
#[allow(clippy::zombie_processes)]
fn peak_rss_kb(lab: &Lab, user: &LabUser, home: &Path) -> i64 {
    let child = spawn_sync(lab, user, home, false);
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet reaped; both pointers are valid.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "pop3-sync failed"
    );
    usage.ru_maxrss
}

/// A 25 MB message is written as it arrives: peak memory is that of a run of small
/// messages, not 25 MB (let alone twice that) more.
#[tokio::test(flavor = "current_thread")]
async fn pop3_large_message_streams_in_flat_memory() {
    let lab = lab::lab();
    let small = lab.new_user("pop-mem-small");
    lab.seed_generated(&small, "INBOX", 3, 37);
    let big = lab.new_user("pop-mem-big");
    lab.seed_generated_with(&big, "INBOX", 3, 37, &["--huge-mb", "25"]);
    let expected = maildir_contents(&lab.server_maildir(&big, "INBOX"));
    assert!(expected.iter().any(|m| m.len() > 25_000_000));

    let small_home = tempfile::tempdir().unwrap();
    let small_rss = peak_rss_kb(lab, &small, small_home.path());
    let big_home = tempfile::tempdir().unwrap();
    let big_rss = peak_rss_kb(lab, &big, big_home.path());
    eprintln!("peak RSS: small messages {small_rss} KB, with a 25 MB message {big_rss} KB");
    assert!(
        big_rss < small_rss + 8 * 1024,
        "memory grew with message size: {small_rss} KB -> {big_rss} KB"
    );
    let inbox = Paths::under(big_home.path())
        .mail_root(&pillarbox::mail::account::AccountId(big.email.clone()))
        .join("INBOX");
    assert_exactly_once(&inbox, &expected);
}

/// A TLS-terminating proxy in front of the lab's POP3S port that makes Dovecot look like
/// an old server without UIDL: it drops UIDL from CAPA and answers the command itself
/// with -ERR. Everything else goes to the real server.
async fn no_uidl_proxy(lab: &Lab) -> u16 {
    use rustls_pki_types::pem::PemObject;
    use std::sync::Arc;
    use tokio::io::{AsyncBufReadExt, BufReader};
    use tokio_rustls::rustls;

    let tls_dir = lab.dir.join("tls");
    let certs = rustls_pki_types::CertificateDer::pem_file_iter(tls_dir.join("server.crt"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = rustls_pki_types::PrivateKeyDer::from_pem_file(tls_dir.join("server.key")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (upstream_port, ca_file) = (lab.pop3s_port, lab.ca_file.clone());
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let client = acceptor.accept(tcp).await.unwrap();
            let server = pillarbox::mail::tls::connect_tls(
                "localhost",
                upstream_port,
                Some(&ca_file),
                &Timeouts::default(),
            )
            .await
            .unwrap();
            let (client_read, client_write) = tokio::io::split(client);
            let (server_read, mut server_write) = tokio::io::split(server);
            let client_write = Arc::new(tokio::sync::Mutex::new(client_write));
            let to_client = client_write.clone();
            tokio::spawn(async move {
                let mut lines = BufReader::new(server_read);
                let mut line = Vec::new();
                while lines.read_until(b'\n', &mut line).await.unwrap_or(0) > 0 {
                    if !line.eq_ignore_ascii_case(b"UIDL\r\n") {
                        to_client.lock().await.write_all(&line).await.unwrap();
                    }
                    line.clear();
                }
            });
            tokio::spawn(async move {
                let mut lines = BufReader::new(client_read);
                let mut line = Vec::new();
                while lines.read_until(b'\n', &mut line).await.unwrap_or(0) > 0 {
                    if line.to_ascii_uppercase().starts_with(b"UIDL") {
                        let reply = b"-ERR Unknown command: UIDL\r\n";
                        client_write.lock().await.write_all(reply).await.unwrap();
                    } else if server_write.write_all(&line).await.is_err() {
                        break;
                    }
                    line.clear();
                }
            });
        }
    });
    port
}

#[tokio::test(flavor = "current_thread")]
async fn pop3_server_without_uidl_downloads_and_deletes_only() {
    let lab = lab::lab();
    let user = lab.new_user("pop-nouidl");
    lab.seed_generated(&user, "INBOX", 5, 41);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let port = no_uidl_proxy(lab).await;
    let mut client = Client::new(lab, &user);
    client.account.incoming.port = port;

    // Leaving mail on a server that can't name its messages would mean fetching it again
    // and again: refused before anything is downloaded.
    client.account.pop3.leave_on_server = true;
    match client.run().await {
        Err(Pop3Error::NoUidlLeave { endpoint }) => {
            assert_eq!(endpoint, format!("localhost:{port}"))
        }
        other => panic!("expected NoUidlLeave, got {other:?}"),
    }
    assert_eq!(count_files(&client.inbox()), 0);
    assert_eq!(count_files(&server), 5);

    client.account.pop3.leave_on_server = false;
    let summary = client.run().await.unwrap();
    assert!(!summary.uidl);
    assert_eq!((summary.downloaded, summary.deleted), (5, 5));
    assert_eq!(count_files(&server), 0);
    assert_exactly_once(&client.inbox(), &expected);
}

/// A provider on port 110: plain greeting, STLS, then the same safe download over TLS.
#[tokio::test(flavor = "current_thread")]
async fn pop3_stls_upgrades_then_downloads() {
    let lab = lab::lab();
    let user = lab.new_user("pop-stls");
    lab.seed_generated(&user, "INBOX", 5, 43);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let mut client = Client::new(lab, &user);
    client.account = lab.account_starttls(&user, Protocol::Pop3);
    let summary = client.run().await.unwrap();
    assert_eq!((summary.downloaded, summary.deleted), (5, 5));
    assert_eq!(count_files(&server), 0);
    assert_exactly_once(&client.inbox(), &expected);

    // Without the lab's CA the upgraded connection must be refused, not downgraded.
    lab.seed(&user, "INBOX", &[b"Subject: after\r\n\r\nx\r\n".as_slice()]);
    client.account.ca_file = None;
    match client.run().await {
        Err(Pop3Error::Net(pillarbox::mail::tls::NetError::Certificate { .. })) => {}
        other => panic!("expected a certificate error, got {other:?}"),
    }
    assert_eq!(count_files(&server), 1);
}

/// `pillarbox sync` downloads a POP3 account set up with `pillarbox account add`, exactly
/// as the app's users configure it, and prints its summary.
#[test]
fn pop3_account_is_fetched_by_pillarbox_sync() {
    let lab = lab::lab();
    let user = lab.new_user("pop-cli-sync");
    lab.seed_generated(&user, "INBOX", 12, 11);
    let server = lab.server_maildir(&user, "INBOX");
    let expected = maildir_contents(&server);
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_pillarbox"))
            .args(["--lang", "en-GB"])
            .args(args)
            .env("PILLARBOX_HOME", home.path())
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let pop = format!("{}:{}", lab.host(), lab.pop3s_port);
    let smtp = format!("{}:{}", lab.host(), lab.smtps_port);
    let password_command = format!("echo {}", lab.password().expose());
    let (ok, _, err) = run(&[
        "account",
        "add",
        "--email",
        &user.email,
        "--protocol",
        "pop3",
        "--pop",
        &pop,
        "--smtp",
        &smtp,
        "--ca-file",
        lab.ca_file.to_str().unwrap(),
        "--password-command",
        &password_command,
    ]);
    assert!(ok, "account add failed: {err}");

    let (ok, out, err) = run(&["sync"]);
    assert!(ok, "sync failed: {out}{err}");
    assert!(out.contains("12"), "no count in the summary: {out}");
    assert_eq!(count_files(&server), 0, "the server still has messages");
    let home_paths = Paths::under(home.path());
    let inbox = home_paths
        .mail_root(&pillarbox::mail::account::AccountId(
            user.email.to_lowercase(),
        ))
        .join("INBOX");
    assert_exactly_once(&inbox, &expected);

    // A second run finds nothing new and downloads nothing again.
    let (ok, out, err) = run(&["sync", "--account", &user.email]);
    assert!(ok, "second sync failed: {out}{err}");
    assert_exactly_once(&inbox, &expected);
}
