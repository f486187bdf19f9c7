//! The UIDL ledger: which server messages this computer already has, and since when.
//!
//! A text file in the account's state folder, one `<hex uidl> <unix seconds>` line per
//! message, appended and fdatasync'd before that message may be deleted on the server.
//! A torn last line (killed mid-append) is dropped on open. Compaction rewrites it
//! atomically with only the UIDLs the server still lists, so it never grows past the
//! mailbox's size.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::wire::{hex_to_uidl, uidl_to_hex};
use crate::mail::store::fsutil::{sync_dir, write_atomic};

const HEADER: &str = "# pillarbox pop3 ledger v1\n";

#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    file: File,
    entries: HashMap<String, u64>,
}

impl Ledger {
    pub fn open(path: &Path) -> io::Result<Ledger> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let (entries, clean) = match fs::read_to_string(path) {
            Ok(text) => parse(&text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => (HashMap::new(), false),
            Err(e) => return Err(e),
        };
        if !clean {
            // New file, or a torn tail: rewrite so the next append starts on a fresh line.
            write_atomic(path, render(&entries).as_bytes())?;
        }
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(Ledger {
            path: path.to_path_buf(),
            file,
            entries,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// When the message was first downloaded, if it was.
    pub fn downloaded_at(&self, uidl: &str) -> Option<u64> {
        self.entries.get(uidl).copied()
    }

    /// Records a download durably (append + fdatasync).
    pub fn record(&mut self, uidl: &str, at: u64) -> io::Result<()> {
        self.append(uidl, at)?;
        self.file.sync_data()
    }

    /// Records several downloads with one fdatasync.
    pub fn record_all(&mut self, items: &[(String, u64)]) -> io::Result<()> {
        for (uidl, at) in items {
            self.append(uidl, *at)?;
        }
        self.file.sync_data()
    }

    fn append(&mut self, uidl: &str, at: u64) -> io::Result<()> {
        if self.entries.contains_key(uidl) {
            return Ok(());
        }
        self.file
            .write_all(format!("{} {at}\n", uidl_to_hex(uidl)).as_bytes())?;
        self.entries.insert(uidl.to_string(), at);
        Ok(())
    }

    /// Forgets every UIDL for which `keep` is false; rewrites the file only if that
    /// changes anything. Returns how many were dropped.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) -> io::Result<usize> {
        let before = self.entries.len();
        self.entries.retain(|uidl, _| keep(uidl));
        let dropped = before - self.entries.len();
        if dropped > 0 {
            write_atomic(&self.path, render(&self.entries).as_bytes())?;
            self.file = OpenOptions::new().append(true).open(&self.path)?;
            if let Some(dir) = self.path.parent() {
                sync_dir(dir)?;
            }
        }
        Ok(dropped)
    }
}

/// Returns the entries and whether the file was complete (header present, no torn line).
fn parse(text: &str) -> (HashMap<String, u64>, bool) {
    let mut entries = HashMap::new();
    let mut clean = text.starts_with(HEADER);
    let complete = match text.rfind('\n') {
        Some(end) => {
            clean &= end + 1 == text.len();
            &text[..end + 1]
        }
        None => {
            clean = false;
            ""
        }
    };
    for line in complete.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        let parsed = (|| {
            let uidl = hex_to_uidl(parts.next()?)?;
            let at = parts.next()?.parse().ok()?;
            Some((uidl, at))
        })();
        match parsed {
            Some((uidl, at)) => {
                entries.insert(uidl, at);
            }
            None => {
                tracing::warn!("ignoring an unreadable line in the POP3 ledger");
                clean = false;
            }
        }
    }
    (entries, clean)
}

fn render(entries: &HashMap<String, u64>) -> String {
    let mut text = String::from(HEADER);
    let mut sorted: Vec<_> = entries.iter().collect();
    sorted.sort();
    for (uidl, at) in sorted {
        text.push_str(&format!("{} {at}\n", uidl_to_hex(uidl)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_reopen_and_torn_tail_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/pop3-ledger");
        let mut ledger = Ledger::open(&path).unwrap();
        ledger.record("0000000a5f00aa01", 100).unwrap();
        ledger
            .record_all(&[("b 1".into(), 200), ("c".into(), 300)])
            .unwrap();
        drop(ledger);
        // A kill mid-append leaves half a line.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"6465").unwrap();
        drop(file);
        let mut ledger = Ledger::open(&path).unwrap();
        assert_eq!(ledger.len(), 3);
        assert_eq!(ledger.downloaded_at("b 1"), Some(200));
        ledger.record("d", 400).unwrap();
        let dropped = ledger.retain(|u| u != "c").unwrap();
        assert_eq!(dropped, 1);
        drop(ledger);
        let ledger = Ledger::open(&path).unwrap();
        assert_eq!(ledger.len(), 3);
        assert_eq!(ledger.downloaded_at("d"), Some(400));
        assert_eq!(ledger.downloaded_at("c"), None);
        assert!(fs::read_to_string(&path).unwrap().ends_with('\n'));
    }
}
