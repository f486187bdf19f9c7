//! A Maildir that never loses a message: every delivery is written to `tmp/`, fsynced,
//! renamed into `new/` or `cur/`, and the folder is fsynced before we report success.
//!
//! File names follow the convention other tools read: `<unique>[,U=<uid>]:2,<flags>`,
//! flags sorted (D F P R S T), as mbsync writes them.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::fsutil::sync_dir;

/// Maildir flags, kept sorted as the spec requires.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(String);

impl Flags {
    pub const DRAFT: char = 'D';
    pub const FLAGGED: char = 'F';
    pub const PASSED: char = 'P';
    pub const REPLIED: char = 'R';
    pub const SEEN: char = 'S';
    pub const TRASHED: char = 'T';

    pub fn new(chars: &str) -> Flags {
        let mut flags: Vec<char> = chars.chars().filter(|c| "DFPRST".contains(*c)).collect();
        flags.sort_unstable();
        flags.dedup();
        Flags(flags.into_iter().collect())
    }

    pub fn contains(&self, flag: char) -> bool {
        self.0.contains(flag)
    }

    pub fn with(&self, flag: char, on: bool) -> Flags {
        let mut chars: String = self.0.chars().filter(|c| *c != flag).collect();
        if on {
            chars.push(flag);
        }
        Flags::new(&chars)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Which sub-folder a message sits in: `new/` (not yet seen by any client) or `cur/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subdir {
    New,
    Cur,
}

impl Subdir {
    fn name(self) -> &'static str {
        match self {
            Subdir::New => "new",
            Subdir::Cur => "cur",
        }
    }
}

/// One message file as found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaildirEntry {
    pub subdir: Subdir,
    /// The whole file name, including `,U=` and `:2,` parts.
    pub file_name: String,
    pub uid: Option<u32>,
    pub flags: Flags,
}

impl MaildirEntry {
    /// The name without its `:2,flags` suffix: stable across flag changes.
    pub fn key(&self) -> &str {
        base_name(&self.file_name)
    }
}

/// The part of a Maildir file name before the info (`:2,...`).
pub fn base_name(file_name: &str) -> &str {
    file_name
        .split_once(INFO_SEP)
        .map(|(base, _)| base)
        .unwrap_or(file_name)
}

/// ':' can't appear in Windows file names; other Windows Maildir tools use ';' or '!'.
#[cfg(unix)]
pub const INFO_SEP: &str = ":2,";
#[cfg(not(unix))]
pub const INFO_SEP: &str = ";2,";

fn parse_name(file_name: &str, subdir: Subdir) -> MaildirEntry {
    let (base, flags) = match file_name.split_once(INFO_SEP) {
        Some((base, flags)) => (base, Flags::new(flags)),
        None => (file_name, Flags::default()),
    };
    let uid = base
        .split(',')
        .skip(1)
        .find_map(|part| part.strip_prefix("U=")?.parse().ok());
    MaildirEntry {
        subdir,
        file_name: file_name.to_string(),
        uid,
        flags,
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A name no other delivery on this machine will produce.
fn unique_base() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "{}.M{}P{}Q{}.pillarbox",
        now.as_secs(),
        now.subsec_micros(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

#[derive(Clone, Debug)]
pub struct Maildir {
    root: PathBuf,
}

/// A message being written into `tmp/`. Nothing is visible until [`Delivery::commit`].
pub struct Delivery {
    file: File,
    tmp_path: PathBuf,
    base: String,
    maildir: Maildir,
    written: u64,
}

impl Write for Delivery {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Delivery {
    pub fn bytes_written(&self) -> u64 {
        self.written
    }

    /// Makes the message durable and visible: fsync file, rename, fsync folder.
    pub fn commit(
        self,
        subdir: Subdir,
        uid: Option<u32>,
        flags: &Flags,
    ) -> io::Result<MaildirEntry> {
        self.commit_tagged(subdir, uid, None, flags)
    }

    /// As [`Delivery::commit`], with `tag` (no '/', ',' or ':') added to the name as
    /// `,<tag>`: the rename then records atomically where the message came from
    /// (POP3 keeps its UIDL there, so a crash can't make it download a message twice).
    pub fn commit_tagged(
        mut self,
        subdir: Subdir,
        uid: Option<u32>,
        tag: Option<&str>,
        flags: &Flags,
    ) -> io::Result<MaildirEntry> {
        self.sync()?;
        let maildir = self.maildir.clone();
        let entry = self.publish(subdir, uid, tag, flags)?;
        maildir.sync_subdir(subdir)?;
        Ok(entry)
    }

    /// Flushes the bytes written so far to disk (fsync); the message stays invisible.
    /// Split from [`Delivery::publish`] so a batch of messages can be synced in parallel.
    pub fn sync(&mut self) -> io::Result<()> {
        self.file.sync_all()
    }

    /// Renames the message into `subdir` WITHOUT syncing the folder: call
    /// [`Delivery::sync`] before and [`Maildir::sync_subdir`] after (once per batch)
    /// before relying on it. `tag` as in [`Delivery::commit_tagged`].
    pub fn publish(
        self,
        subdir: Subdir,
        uid: Option<u32>,
        tag: Option<&str>,
        flags: &Flags,
    ) -> io::Result<MaildirEntry> {
        drop(self.file);
        let mut base = match uid {
            Some(uid) => format!("{},U={uid}", self.base),
            None => self.base,
        };
        if let Some(tag) = tag {
            base = format!("{base},{tag}");
        }
        let file_name = match subdir {
            // Messages in new/ carry no info part, per the Maildir spec.
            Subdir::New => base,
            Subdir::Cur => format!("{base}{INFO_SEP}{}", flags.as_str()),
        };
        let target_dir = self.maildir.root.join(subdir.name());
        fs::rename(&self.tmp_path, target_dir.join(&file_name))?;
        Ok(parse_name(&file_name, subdir))
    }

    /// Throws the partial message away.
    pub fn abort(self) {
        drop(self.file);
        let _ = fs::remove_file(&self.tmp_path);
    }
}

impl Maildir {
    /// Opens (creating if needed) the Maildir at `root`.
    pub fn open(root: impl Into<PathBuf>) -> io::Result<Maildir> {
        let root = root.into();
        for sub in ["cur", "new", "tmp"] {
            fs::create_dir_all(root.join(sub))?;
        }
        Ok(Maildir { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Makes renames into `subdir` durable (fsync of the folder).
    pub fn sync_subdir(&self, subdir: Subdir) -> io::Result<()> {
        sync_dir(&self.root.join(subdir.name()))
    }

    /// Starts writing a message into `tmp/`.
    pub fn begin(&self) -> io::Result<Delivery> {
        let base = unique_base();
        let tmp_path = self.root.join("tmp").join(&base);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp_path)?;
        Ok(Delivery {
            file,
            tmp_path,
            base,
            maildir: self.clone(),
            written: 0,
        })
    }

    /// Stores a whole message durably and returns its entry.
    pub fn deliver(
        &self,
        bytes: &[u8],
        subdir: Subdir,
        uid: Option<u32>,
        flags: &Flags,
    ) -> io::Result<MaildirEntry> {
        let mut delivery = self.begin()?;
        if let Err(error) = delivery.write_all(bytes) {
            delivery.abort();
            return Err(error);
        }
        delivery.commit(subdir, uid, flags)
    }

    /// Every message in `new/` and `cur/`.
    pub fn list(&self) -> io::Result<Vec<MaildirEntry>> {
        let mut entries = Vec::new();
        for subdir in [Subdir::New, Subdir::Cur] {
            for dirent in fs::read_dir(self.root.join(subdir.name()))? {
                let dirent = dirent?;
                let name = dirent.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                entries.push(parse_name(&name, subdir));
            }
        }
        Ok(entries)
    }

    /// The entry for a file name found in `subdir` (flags and UID read from the name).
    pub fn entry(&self, file_name: &str, subdir: Subdir) -> MaildirEntry {
        parse_name(file_name, subdir)
    }

    pub fn path_of(&self, entry: &MaildirEntry) -> PathBuf {
        self.root.join(entry.subdir.name()).join(&entry.file_name)
    }

    pub fn read(&self, entry: &MaildirEntry) -> io::Result<Vec<u8>> {
        fs::read(self.path_of(entry))
    }

    /// Changes a message's flags (moving it to `cur/`), returning its new entry.
    pub fn set_flags(&self, entry: &MaildirEntry, flags: &Flags) -> io::Result<MaildirEntry> {
        let new_name = format!("{}{INFO_SEP}{}", entry.key(), flags.as_str());
        if entry.subdir == Subdir::Cur && new_name == entry.file_name {
            return Ok(entry.clone());
        }
        let cur = self.root.join("cur");
        fs::rename(self.path_of(entry), cur.join(&new_name))?;
        sync_dir(&cur)?;
        if entry.subdir == Subdir::New {
            sync_dir(&self.root.join("new"))?;
        }
        Ok(parse_name(&new_name, Subdir::Cur))
    }

    pub fn remove(&self, entry: &MaildirEntry) -> io::Result<()> {
        match fs::remove_file(self.path_of(entry)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }?;
        sync_dir(&self.root.join(entry.subdir.name()))
    }

    /// Removes leftovers in `tmp/` from an interrupted delivery (never a committed message).
    pub fn clean_tmp(&self) -> io::Result<usize> {
        let mut removed = 0;
        for dirent in fs::read_dir(self.root.join("tmp"))? {
            fs::remove_file(dirent?.path())?;
            removed += 1;
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deliver_list_flag_remove() {
        let dir = tempfile::tempdir().unwrap();
        let md = Maildir::open(dir.path().join("INBOX")).unwrap();
        let a = md
            .deliver(
                b"Subject: a\r\n\r\nA",
                Subdir::Cur,
                Some(7),
                &Flags::new("SF"),
            )
            .unwrap();
        assert_eq!(a.flags.as_str(), "FS");
        assert_eq!(a.uid, Some(7));
        let b = md
            .deliver(b"Subject: b\r\n\r\nB", Subdir::New, None, &Flags::default())
            .unwrap();
        assert_eq!(md.list().unwrap().len(), 2);
        let b2 = md.set_flags(&b, &Flags::new("S")).unwrap();
        assert_eq!(b2.subdir, Subdir::Cur);
        assert_eq!(b2.key(), b.key());
        assert_eq!(md.read(&b2).unwrap(), b"Subject: b\r\n\r\nB");
        md.remove(&a).unwrap();
        let left = md.list().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].flags, Flags::new("S"));
        assert!(fs::read_dir(dir.path().join("INBOX/tmp"))
            .unwrap()
            .next()
            .is_none());
    }
}
