//! The server side of the lab's mailboxes: where Dovecot keeps them, putting mail straight in,
//! and reading what the servers hold, for assertions.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{chown, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::Ordering;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{fail, lab_scripts, run_checked, Lab, LabUser, NEXT_USER};

/// One message written by `seed.py`, as listed in its manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seeded {
    /// The file name in the server's Maildir (`new/` or `cur/`).
    pub file: String,
    pub sha256: String,
    pub message_id: String,
    pub size: u64,
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

/// A Maildir timestamp later than every one handed out before in this process.
fn next_stamp() -> u64 {
    static LAST: Mutex<u64> = Mutex::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    *last = (*last + 1).max(now);
    *last
}

impl Lab {
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
        let plain: Vec<(&[u8], &str)> = messages.iter().map(|m| (*m, "")).collect();
        self.seed_inner(user, folder, &plain, false)
    }

    /// As [`Lab::seed`], each message with Maildir flags (`"S"` seen, `"FS"` flagged and seen,
    /// `""` none; letters D F P R S T), written to `cur/` as an IMAP server would keep them.
    pub fn seed_with_flags(
        &self,
        user: &LabUser,
        folder: &str,
        messages: &[(&[u8], &str)],
    ) -> Vec<PathBuf> {
        self.seed_inner(user, folder, messages, true)
    }

    fn seed_inner(
        &self,
        user: &LabUser,
        folder: &str,
        messages: &[(&[u8], &str)],
        in_cur: bool,
    ) -> Vec<PathBuf> {
        let (uid, gid) = vmail_ids();
        let maildir = self.ensure_maildir(user, folder);
        messages
            .iter()
            .map(|(bytes, flags)| {
                // Dovecot numbers the files of one sync in the order of their leading
                // timestamp: strictly increasing stamps keep UIDs in seeding order, even
                // across calls within one second.
                let stamp = next_stamp();
                let mut name = format!(
                    "{stamp}.M{}P{}.pillarbox-lab,S={}",
                    NEXT_USER.fetch_add(1, Ordering::Relaxed),
                    std::process::id(),
                    bytes.len()
                );
                if in_cur {
                    let mut sorted: Vec<char> = flags.chars().collect();
                    sorted.sort_unstable();
                    sorted.dedup();
                    name.push_str(":2,");
                    name.extend(sorted);
                }
                let tmp = maildir.join("tmp").join(&name);
                let mut file = fs::File::create(&tmp).unwrap_or_else(|e| panic!("{tmp:?}: {e}"));
                file.write_all(bytes).expect("write seeded message");
                file.sync_all().expect("fsync seeded message");
                chown(&tmp, Some(uid), Some(gid)).expect("chown seeded message");
                let dest = maildir.join(if in_cur { "cur" } else { "new" }).join(&name);
                fs::rename(&tmp, &dest).expect("move seeded message into place");
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

    /// Disconnects every IMAP and POP3 session of `user` (`doveadm kick`): a server-side cut
    /// that touches no other test.
    pub fn kick(&self, user: &LabUser) {
        self.doveadm(&["kick", &user.email]);
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
        // Dovecot renames files (new/ to cur/, flag changes) while clients work: a file that
        // vanished between listing and reading means "list again", not "one message fewer".
        for _ in 0..50 {
            let read: Result<Vec<Vec<u8>>, _> = self
                .server_files(user, folder)
                .iter()
                .map(fs::read)
                .collect();
            match read {
                Ok(messages) => return messages,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(e) => panic!("reading {}'s {folder} on the server: {e}", user.email),
            }
        }
        panic!("{}'s {folder} kept changing while being read", user.email)
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
