//! The test lab: real Dovecot and Postfix servers on loopback, started once per test process.
//!
//! ```ignore
//! let lab = lab::lab();                       // shared by every test of this process
//! let user = lab.new_user("imap-first");      // a fresh, empty mailbox
//! let account = lab.account(&user, Protocol::Imap);
//! lab.seed(&user, "INBOX", &[b"Subject: hi\r\n\r\nbody\r\n"]);
//! ```
//!
//! Tests that stop or start servers must use [`Lab::start_private`], so they never break the
//! tests running beside them. A watchdog process stops the servers and removes the lab's folder
//! once the test process is gone, however it ended (normal exit, panic, abort, kill -9).
//! `PILLARBOX_LAB_KEEP=1` keeps the folder for post-mortems (the servers still stop).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{chown, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use pillarbox::mail::account::{Account, AuthMech, Protocol, Security, Server};
use pillarbox::mail::secret::Password;

/// The folder holding lab.sh and seed.py.
pub fn lab_scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lab")
}

/// The lab shared by every test of this process, started on first use.
pub fn lab() -> &'static Lab {
    static LAB: OnceLock<Lab> = OnceLock::new();
    LAB.get_or_init(|| Lab::start("shared"))
}

static NEXT_USER: AtomicU32 = AtomicU32::new(1);
static NEXT_LAB: AtomicU32 = AtomicU32::new(1);

/// A mailbox on the lab's servers.
#[derive(Clone, Debug)]
pub struct LabUser {
    /// A unique lower-case address, e.g. `imap-first-3@btinternet.com`.
    pub email: String,
    pub password: Password,
}

/// One message written by `seed.py`, as listed in its manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seeded {
    /// The file name in the server's Maildir (`new/` or `cur/`).
    pub file: String,
    pub sha256: String,
    pub message_id: String,
    pub size: u64,
}

/// A running lab. See the module documentation.
#[derive(Debug)]
pub struct Lab {
    pub dir: PathBuf,
    pub imaps_port: u16,
    pub pop3s_port: u16,
    pub smtps_port: u16,
    /// Plain-text IMAP that offers STARTTLS (login only after it).
    pub imap_port: u16,
    /// Plain-text POP3 that offers STLS.
    pub pop3_port: u16,
    /// SMTP submission that needs STARTTLS before AUTH.
    pub submission_port: u16,
    pub ca_file: PathBuf,
    password: String,
    env: BTreeMap<String, String>,
    private: bool,
    watchdog: Option<Child>,
}

fn fail(what: &str, detail: &str) -> ! {
    panic!(
        "\n==== the Pillarbox test lab failed: {what}\n{detail}\n\
         ==== Fix: run `tests/run` as root once (it installs dovecot-core dovecot-imapd \
         dovecot-pop3d dovecot-lmtpd postfix openssl python3 and creates the `vmail` user); \
         see tests/README.md. Tests that need the lab never skip.\n"
    )
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Distinct free loopback ports: all bound at once so they differ, then released for the servers.
fn free_ports(n: usize) -> Vec<u16> {
    let listeners: Vec<_> = (0..n)
        .map(|_| {
            std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap_or_else(|e| fail("no free loopback port", &e.to_string()))
        })
        .collect();
    listeners
        .iter()
        .map(|l| l.local_addr().expect("bound socket has an address").port())
        .collect()
}

fn vmail_ids() -> (u32, u32) {
    let out = Command::new("id").args(["-u", "vmail"]).output();
    let uid = out
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or_else(|| {
            fail(
                "the mail user `vmail` does not exist",
                "Dovecot stores mail as `vmail`.",
            )
        });
    let out = Command::new("id").args(["-g", "vmail"]).output();
    let gid = out
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or_else(|| fail("the group of `vmail` is unknown", ""));
    (uid, gid)
}

fn run_checked(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| fail(what, &format!("could not run {cmd:?}: {e}")));
    if !out.status.success() {
        fail(
            what,
            &format!(
                "{cmd:?} exited with {}\n--- stdout\n{}\n--- stderr\n{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        );
    }
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Dovecot's on-disk folder name: IMAP's modified UTF-7 (RFC 3501 5.1.3), the form Dovecot 2.3
/// keeps Maildir++ folder names in.
pub fn mutf7(name: &str) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
    let mut out = String::new();
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            let chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
            for &c in &chars[..chunk.len() + 1] {
                out.push(B64[c as usize] as char);
            }
        }
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut pending, &mut out);
    out
}

impl Lab {
    /// A lab of its own, for tests that stop and start servers. Stopped when dropped.
    pub fn start_private() -> Lab {
        Lab::start("private")
    }

    fn start(kind: &str) -> Lab {
        if !is_root() {
            fail(
                "not running as root",
                "Dovecot and Postfix are started as root (they drop privileges themselves).",
            );
        }
        let n = NEXT_LAB.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("pillarbox-lab-{}-{kind}-{n}", std::process::id()));
        let script = lab_scripts().join("lab.sh");
        let mut last_error = String::new();
        // Another process may take a port between our probe and the servers' bind: retry.
        for _attempt in 0..3 {
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir)
                .unwrap_or_else(|e| fail("cannot create the lab folder", &format!("{dir:?}: {e}")));
            // The watchdog comes first so a lab half-started by a dying process is still stopped.
            let watchdog = spawn_watchdog(&script, &dir);
            let ports = free_ports(6);
            let out = Command::new(&script)
                .arg("start")
                .arg(&dir)
                .args(ports.iter().map(u16::to_string))
                .stdin(Stdio::null())
                .output()
                .unwrap_or_else(|e| fail("cannot run tests/lab/lab.sh", &e.to_string()));
            if out.status.success() {
                let env = parse_env(&String::from_utf8_lossy(&out.stdout));
                return Lab::from_env(env, kind == "private", Some(watchdog));
            }
            last_error = format!(
                "lab.sh start exited with {}\n--- stdout\n{}\n--- stderr\n{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let _ = Command::new(&script).arg("stop").arg(&dir).output();
            let mut watchdog = watchdog;
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
        fail("the servers did not start", &last_error)
    }

    fn from_env(env: BTreeMap<String, String>, private: bool, watchdog: Option<Child>) -> Lab {
        let get = |key: &str| -> String {
            env.get(key)
                .cloned()
                .unwrap_or_else(|| fail("lab.sh printed no value", key))
        };
        let port = |key: &str| -> u16 {
            get(key)
                .parse()
                .unwrap_or_else(|_| fail("lab.sh printed a bad port", key))
        };
        Lab {
            dir: PathBuf::from(get("LAB_DIR")),
            imaps_port: port("IMAPS_PORT"),
            pop3s_port: port("POP3S_PORT"),
            smtps_port: port("SMTPS_PORT"),
            imap_port: port("IMAP_PORT"),
            pop3_port: port("POP3_PORT"),
            submission_port: port("SUBMISSION_PORT"),
            ca_file: PathBuf::from(get("CA_FILE")),
            password: get("LAB_PASSWORD"),
            env,
            private,
            watchdog,
        }
    }

    /// The host name to connect to; the lab's certificate is valid for it.
    pub fn host(&self) -> &'static str {
        "localhost"
    }

    /// The one password every lab address logs in with.
    pub fn password(&self) -> Password {
        Password::new(self.password.clone())
    }

    /// The lab's `KEY=VALUE` description (ports, CA file, config paths), as lab.sh printed it.
    pub fn env(&self) -> &BTreeMap<String, String> {
        &self.env
    }

    /// A fresh address at btinternet.com with an empty mailbox, unique within this process.
    pub fn new_user(&self, prefix: &str) -> LabUser {
        self.new_user_at(prefix, "btinternet.com")
    }

    /// As [`Lab::new_user`], at another lab domain (btopenworld.com, talk21.com).
    pub fn new_user_at(&self, prefix: &str, domain: &str) -> LabUser {
        let local: String = prefix
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let n = NEXT_USER.fetch_add(1, Ordering::Relaxed);
        LabUser {
            email: format!("{local}-{n}@{domain}"),
            password: self.password(),
        }
    }

    /// An account for `user` on the lab's implicit-TLS ports, trusting the lab's CA. Its
    /// `password_command` prints the lab password, so no keyring is needed.
    pub fn account(&self, user: &LabUser, protocol: Protocol) -> Account {
        let incoming_port = match protocol {
            Protocol::Imap => self.imaps_port,
            Protocol::Pop3 => self.pop3s_port,
        };
        self.account_with(
            user,
            protocol,
            Security::Tls,
            incoming_port,
            self.smtps_port,
        )
    }

    /// As [`Lab::account`] on the plain-text ports that upgrade with STARTTLS / STLS.
    pub fn account_starttls(&self, user: &LabUser, protocol: Protocol) -> Account {
        let incoming_port = match protocol {
            Protocol::Imap => self.imap_port,
            Protocol::Pop3 => self.pop3_port,
        };
        self.account_with(
            user,
            protocol,
            Security::Starttls,
            incoming_port,
            self.submission_port,
        )
    }

    fn account_with(
        &self,
        user: &LabUser,
        protocol: Protocol,
        security: Security,
        incoming_port: u16,
        outgoing_port: u16,
    ) -> Account {
        let server = |port| Server {
            host: self.host().to_string(),
            port,
            security,
            auth: AuthMech::Plain,
            username: user.email.clone(),
        };
        let mut account = Account {
            email: user.email.clone(),
            display_name: format!("Lab user {}", user.email),
            protocol,
            incoming: server(incoming_port),
            outgoing: server(outgoing_port),
            ca_file: Some(self.ca_file.clone()),
            password_command: Some(format!("printf '%s' '{}'", self.password)),
            ..Account::default()
        };
        account.pop3.leave_on_server = false;
        account
    }

    /// The user's home on the server (Dovecot creates it on first login or delivery).
    pub fn server_home(&self, user: &LabUser) -> PathBuf {
        self.dir.join("mail").join(user.email.to_lowercase())
    }

    /// The server-side Maildir of a folder: the Maildir root for INBOX, else the Maildir++
    /// folder `.A.B` for `A/B` (names in modified UTF-7, as Dovecot writes them).
    pub fn server_maildir(&self, user: &LabUser, folder: &str) -> PathBuf {
        let root = self.server_home(user).join("Maildir");
        if folder.eq_ignore_ascii_case("INBOX") {
            return root;
        }
        let on_disk = folder.split('/').map(mutf7).collect::<Vec<_>>().join(".");
        root.join(format!(".{on_disk}"))
    }

    /// Creates the folder's Maildir (and the user's home) owned by vmail, as Dovecot would.
    fn ensure_maildir(&self, user: &LabUser, folder: &str) -> PathBuf {
        let (uid, gid) = vmail_ids();
        let maildir = self.server_maildir(user, folder);
        let home = self.server_home(user);
        let root = home.join("Maildir");
        let mut dirs = vec![home, root.clone()];
        if maildir != root {
            dirs.push(maildir.clone());
        }
        for sub in ["cur", "new", "tmp"] {
            dirs.push(maildir.join(sub));
        }
        for dir in dirs {
            if !dir.exists() {
                fs::create_dir(&dir).unwrap_or_else(|e| panic!("create {dir:?}: {e}"));
                fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
                    .unwrap_or_else(|e| panic!("chmod {dir:?}: {e}"));
                chown(&dir, Some(uid), Some(gid)).unwrap_or_else(|e| panic!("chown {dir:?}: {e}"));
            }
        }
        if maildir != root {
            let marker = maildir.join("maildirfolder");
            if !marker.exists() {
                fs::File::create(&marker).unwrap_or_else(|e| panic!("create {marker:?}: {e}"));
                chown(&marker, Some(uid), Some(gid)).unwrap_or_else(|e| panic!("chown: {e}"));
            }
        }
        maildir
    }

    /// Writes messages straight into the server's Maildir (`new/`, owned by vmail), in order,
    /// so Dovecot gives them ascending UIDs. Returns their file paths.
    pub fn seed(&self, user: &LabUser, folder: &str, messages: &[&[u8]]) -> Vec<PathBuf> {
        let (uid, gid) = vmail_ids();
        let maildir = self.ensure_maildir(user, folder);
        let base = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock after 1970")
            .as_secs();
        let seq = NEXT_USER.fetch_add(1, Ordering::Relaxed);
        messages
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                let name = format!(
                    "{}.M{seq}{i:06}P{}.pillarbox-lab,S={}",
                    base + i as u64,
                    std::process::id(),
                    bytes.len()
                );
                let tmp = maildir.join("tmp").join(&name);
                let mut file = fs::File::create(&tmp).unwrap_or_else(|e| panic!("{tmp:?}: {e}"));
                file.write_all(bytes).expect("write seeded message");
                file.sync_all().expect("fsync seeded message");
                chown(&tmp, Some(uid), Some(gid)).expect("chown seeded message");
                let dest = maildir.join("new").join(&name);
                fs::rename(&tmp, &dest).expect("move seeded message into new/");
                dest
            })
            .collect()
    }

    /// Writes `n` realistic generated messages (tests/lab/seed.py; the same `seed` and `n` give
    /// the same bytes) and has Dovecot index them. Returns seed.py's manifest.
    pub fn seed_generated(&self, user: &LabUser, folder: &str, n: usize, seed: u64) -> Vec<Seeded> {
        self.seed_generated_with(user, folder, n, seed, &[])
    }

    /// As [`Lab::seed_generated`] with extra seed.py options, e.g. `["--flags-random"]` or
    /// `["--huge-mb", "40"]`.
    pub fn seed_generated_with(
        &self,
        user: &LabUser,
        folder: &str,
        n: usize,
        seed: u64,
        extra: &[&str],
    ) -> Vec<Seeded> {
        let maildir = self.ensure_maildir(user, folder);
        let k = NEXT_USER.fetch_add(1, Ordering::Relaxed);
        let manifest = self.dir.join("manifests").join(format!("seed-{k}.jsonl"));
        run_checked(
            Command::new("python3")
                .arg(lab_scripts().join("seed.py"))
                .arg("--maildir")
                .arg(&maildir)
                .args(["--n", &n.to_string(), "--seed", &seed.to_string()])
                .arg("--manifest")
                .arg(&manifest)
                .args(["--owner", "vmail"])
                .args(extra),
            "seed.py failed",
        );
        self.doveadm(&["index", "-u", &user.email, folder]);
        read_manifest(&manifest)
    }

    /// Runs `doveadm -c <lab config> ARGS...` and returns its output; panics on failure.
    pub fn doveadm(&self, args: &[&str]) -> String {
        run_checked(
            Command::new("doveadm")
                .arg("-c")
                .arg(self.dir.join("dovecot.conf"))
                .args(args),
            "doveadm failed",
        )
    }

    /// How many messages Dovecot counts in a server folder (it syncs with the Maildir first).
    pub fn message_count(&self, user: &LabUser, folder: &str) -> usize {
        let out = self.doveadm(&[
            "-f",
            "tab",
            "mailbox",
            "status",
            "-u",
            &user.email,
            "messages",
            folder,
        ]);
        // Tab format: a header line, then "<mailbox>\t<messages>".
        out.lines()
            .last()
            .and_then(|line| line.rsplit('\t').next())
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("doveadm mailbox status printed {out:?}"))
    }

    /// The message files of a server folder (`new/` and `cur/`), sorted by name.
    pub fn server_files(&self, user: &LabUser, folder: &str) -> Vec<PathBuf> {
        let maildir = self.server_maildir(user, folder);
        let mut files = Vec::new();
        for sub in ["new", "cur"] {
            if let Ok(entries) = fs::read_dir(maildir.join(sub)) {
                for entry in entries.flatten() {
                    if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                        files.push(entry.path());
                    }
                }
            }
        }
        files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        files
    }

    /// The bytes of every message in a server folder, sorted by file name.
    pub fn server_messages(&self, user: &LabUser, folder: &str) -> Vec<Vec<u8>> {
        self.server_files(user, folder)
            .iter()
            .filter_map(|path| fs::read(path).ok())
            .collect()
    }

    /// Waits until a server folder holds at least `n` messages (SMTP delivery is asynchronous)
    /// and returns them; panics after `limit` with what it saw.
    pub fn wait_for_messages(
        &self,
        user: &LabUser,
        folder: &str,
        n: usize,
        limit: Duration,
    ) -> Vec<Vec<u8>> {
        let start = Instant::now();
        loop {
            let messages = self.server_messages(user, folder);
            if messages.len() >= n {
                return messages;
            }
            if start.elapsed() > limit {
                let log = fs::read_to_string(self.dir.join("log/postfix.log")).unwrap_or_default();
                let tail: Vec<_> = log.lines().rev().take(15).collect();
                panic!(
                    "{} has {} of {n} expected messages in {folder} after {limit:?}; postfix log tail:\n{}",
                    user.email,
                    messages.len(),
                    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn lab_sh(&self, command: &str) {
        assert!(
            self.private,
            "{command} on the shared lab would break other tests: use Lab::start_private()"
        );
        run_checked(
            Command::new(lab_scripts().join("lab.sh"))
                .arg(command)
                .arg(&self.dir),
            command,
        );
    }

    /// Stops Dovecot (IMAP, POP3, and SMTP's auth and delivery). Private labs only.
    pub fn stop_dovecot(&self) {
        self.lab_sh("stop-dovecot");
    }

    /// Starts Dovecot again on the same ports and returns once they accept connections.
    pub fn start_dovecot(&self) {
        self.lab_sh("start-dovecot");
    }

    /// Stops Postfix (both submission ports). Private labs only.
    pub fn stop_smtp(&self) {
        self.lab_sh("stop-postfix");
    }

    /// Starts Postfix again on the same ports.
    pub fn start_smtp(&self) {
        self.lab_sh("start-postfix");
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        // Only private labs are ever dropped; the shared one is left to its watchdog.
        let _ = Command::new(lab_scripts().join("lab.sh"))
            .arg("stop")
            .arg(&self.dir)
            .stdin(Stdio::null())
            .output();
        if std::env::var_os("PILLARBOX_LAB_KEEP").is_none() {
            let _ = fs::remove_dir_all(&self.dir);
        }
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
    }
}

fn parse_env(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|line| line.split_once('='))
        .filter(|(k, _)| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        })
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A detached process that outlives us by a moment: once our pid is gone it stops the lab's
/// servers and removes its folder. It has its own session, so a Ctrl-C to the test run does not
/// reach it before it has cleaned up.
fn spawn_watchdog(script: &Path, dir: &Path) -> Child {
    let keep = if std::env::var_os("PILLARBOX_LAB_KEEP").is_some() {
        "1"
    } else {
        ""
    };
    let body = r#"
        trap '' INT HUP TERM
        while kill -0 "$1" 2>/dev/null; do sleep 0.3; done
        "$2" stop "$3" >/dev/null 2>&1
        [ -n "$4" ] || rm -rf "$3"
    "#;
    let mut cmd = Command::new("/bin/sh");
    cmd.arg("-c")
        .arg(body)
        .arg("pillarbox-lab-watchdog")
        .arg(std::process::id().to_string())
        .arg(script)
        .arg(dir)
        .arg(keep)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: setsid is async-signal-safe and touches no memory of the parent.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    cmd.spawn()
        .unwrap_or_else(|e| fail("cannot start the lab watchdog", &e.to_string()))
}

fn read_manifest(path: &Path) -> Vec<Seeded> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("manifest {path:?}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("manifest line {line}: {e}"));
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            Seeded {
                file: s("file"),
                sha256: s("sha256"),
                message_id: s("message_id"),
                size: v["size"].as_u64().unwrap_or_default(),
            }
        })
        .collect()
}
