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
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use pillarbox::mail::account::{Account, AuthMech, Protocol, Security, Server};
use pillarbox::mail::secret::Password;

mod mailbox;
pub mod proxy;
pub use mailbox::{mutf7, Seeded};
pub use proxy::FaultProxy;

/// The folder holding lab.sh and seed.py.
pub fn lab_scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lab")
}

/// The lab shared by every test of this process, started on first use.
pub fn lab() -> &'static Lab {
    // A failed start is remembered: every later test fails at once with the same message
    // instead of trying (and waiting) again.
    static LAB: OnceLock<Result<Lab, String>> = OnceLock::new();
    let started = LAB.get_or_init(|| {
        std::panic::catch_unwind(|| Lab::start("shared")).map_err(|payload| {
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into())
        })
    });
    match started {
        Ok(lab) => lab,
        Err(message) => panic!("the shared lab failed to start earlier:{message}"),
    }
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

/// A running lab. See the module documentation.
pub struct Lab {
    pub dir: PathBuf,
    pub imaps_port: u16,
    pub pop3s_port: u16,
    pub smtps_port: u16,
    /// The address of the plain IMAP and POP3 ports (127.0.0.2; the certificate names it).
    pub starttls_host: String,
    /// Plain-text IMAP on `starttls_host`: offers STARTTLS, refuses a login before it.
    pub imap_port: u16,
    /// Plain-text POP3 on `starttls_host`: offers STLS, refuses USER/PASS before it.
    pub pop3_port: u16,
    /// SMTP submission that needs STARTTLS before AUTH.
    pub submission_port: u16,
    pub ca_file: PathBuf,
    password: String,
    env: BTreeMap<String, String>,
    private: bool,
    watchdog: Option<Child>,
}

// By hand, like every Debug near a password: the lab password stays out of test output.
impl std::fmt::Debug for Lab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lab")
            .field("dir", &self.dir)
            .field("imaps_port", &self.imaps_port)
            .field("pop3s_port", &self.pop3s_port)
            .field("smtps_port", &self.smtps_port)
            .field("starttls_host", &self.starttls_host)
            .field("imap_port", &self.imap_port)
            .field("pop3_port", &self.pop3_port)
            .field("submission_port", &self.submission_port)
            .field("private", &self.private)
            .finish_non_exhaustive()
    }
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

fn run_checked(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| fail(what, &format!("could not run {cmd:?}: {e}")));
    // Not `fail`: a lab tool refusing a test's arguments needs no install hint.
    assert!(
        out.status.success(),
        "{what}: {cmd:?} exited with {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
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
        if n == 1 {
            sweep_abandoned_labs();
        }
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
            starttls_host: get("STARTTLS_HOST"),
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

    /// As [`Lab::account`] on the plain-text ports that upgrade with STARTTLS / STLS: IMAP or
    /// POP3 on `starttls_host`, SMTP submission on `localhost`.
    pub fn account_starttls(&self, user: &LabUser, protocol: Protocol) -> Account {
        let incoming_port = match protocol {
            Protocol::Imap => self.imap_port,
            Protocol::Pop3 => self.pop3_port,
        };
        let mut account = self.account_with(
            user,
            protocol,
            Security::Starttls,
            incoming_port,
            self.submission_port,
        );
        account.incoming.host = self.starttls_host.clone();
        account
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

/// Stops and removes labs left behind by test processes that died with their watchdog (a
/// killed container, a reboot of the session), so they don't pile up in the temp folder.
fn sweep_abandoned_labs() {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("pillarbox-lab-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<i32>().ok())
        else {
            continue;
        };
        // SAFETY: kill with signal 0 only checks that the process exists.
        let owner_alive = unsafe { libc::kill(pid, 0) } == 0;
        // A young folder may belong to a watchdog that is cleaning up right now.
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(120));
        if !owner_alive && old {
            let _ = Command::new(lab_scripts().join("lab.sh"))
                .arg("stop")
                .arg(entry.path())
                .stdin(Stdio::null())
                .output();
            let _ = fs::remove_dir_all(entry.path());
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
