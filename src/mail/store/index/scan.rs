//! Bringing the index in line with the Maildirs on disk.

use std::collections::HashMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use rusqlite::params;

use super::{
    folder_id_in, remove_in, set_entry_in, upsert_in, Index, IndexError, ReindexReport, Result,
    IMMEDIATE,
};
use crate::mail::store::envelope;
use crate::mail::store::folder;
use crate::mail::store::maildir::{Maildir, Subdir};

impl Index {
    /// Makes the index match the Maildirs under `mail_root`: a file with no row is
    /// parsed and added, a row whose file is gone is removed, a renamed file (flags
    /// changed by mutt, say) updates its row. Files already indexed are not re-read.
    pub fn reindex(&mut self, mail_root: &Path) -> Result<ReindexReport> {
        self.scan(mail_root, true, None)
    }

    /// As [`Index::reindex`], but reads only folders whose `cur/` or `new/` changed
    /// since they were last compared (their mtimes differ): cheap enough to run on
    /// every open, and it catches what another tool or an interrupted write left.
    pub fn refresh(&mut self, mail_root: &Path) -> Result<ReindexReport> {
        self.scan(mail_root, false, None)
    }

    /// As [`Index::refresh`] for just these folders (those a sync changed): afterwards
    /// their stamps are current, so the next open need not look at them again.
    pub fn refresh_folders(&mut self, mail_root: &Path, folders: &[&str]) -> Result<ReindexReport> {
        self.scan(mail_root, false, Some(folders))
    }

    fn scan(
        &mut self,
        mail_root: &Path,
        force: bool,
        only: Option<&[&str]>,
    ) -> Result<ReindexReport> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| IndexError::Io { path, source }
        };
        let mut on_disk = folder::discover(mail_root).map_err(io(mail_root))?;
        if let Some(only) = only {
            on_disk.retain(|name| only.contains(&name.as_str()));
        }
        let mut report = ReindexReport {
            folders: on_disk.len(),
            ..ReindexReport::default()
        };
        // Decide what needs work before taking the write lock, so an open with nothing
        // changed never waits for a sync that is writing.
        let mut known: HashMap<String, (i64, Option<String>)> = self
            .conn
            .prepare("SELECT name, id, stamp FROM folders")?
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(only) = only {
            known.retain(|name, _| only.contains(&name.as_str()));
        }
        let vanished: Vec<i64> = known
            .iter()
            .filter(|(name, _)| !on_disk.contains(name))
            .map(|(_, (id, _))| *id)
            .collect();
        // The stamp is read before listing: a change during the scan leaves a newer
        // mtime, so the next refresh looks again.
        let todo: Vec<(&String, Option<String>, [bool; 2])> = on_disk
            .iter()
            .map(|name| (name, stamp_of(&folder::maildir_path(mail_root, name))))
            .filter_map(|(name, stamp)| {
                let stored = known.get(name).and_then(|(_, stored)| stored.as_deref());
                let changed = if force {
                    [true, true]
                } else {
                    changed_subdirs(stored, stamp.as_deref())
                };
                (changed != [false, false]).then_some((name, stamp, changed))
            })
            .collect();
        if vanished.is_empty() && todo.is_empty() {
            return Ok(report);
        }
        let tx = self.conn.transaction_with_behavior(IMMEDIATE)?;
        for folder_id in vanished {
            let ids: Vec<i64> = tx
                .prepare("SELECT id FROM messages WHERE folder_id = ?1")?
                .query_map([folder_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                remove_in(&tx, id)?;
                report.removed += 1;
            }
            tx.execute("DELETE FROM folders WHERE id = ?1", [folder_id])?;
        }
        for (name, stamp, [new_changed, cur_changed]) in todo {
            report.scanned += 1;
            let path = folder::maildir_path(mail_root, name);
            let folder_id = folder_id_in(&tx, name)?;
            let maildir = Maildir::open(&path).map_err(io(&path))?;
            // Only the subfolders whose mtime moved: a message delivered into new/ by
            // another program does not make us list the 80,000 files of cur/.
            // Most files are unchanged: match them by name first, cheaply; only the
            // rest need their Maildir key (a flag change renames a file).
            let mut indexed: HashMap<(bool, String), i64> = HashMap::new();
            // One query per subfolder: new/ alone is served by a small partial index
            // (messages_in_new) instead of reading every row of a big folder.
            for (in_cur, changed) in [(false, new_changed), (true, cur_changed)] {
                if !changed {
                    continue;
                }
                let sql = if in_cur {
                    "SELECT file_name, id FROM messages WHERE folder_id = ?1 AND in_cur = 1"
                } else {
                    "SELECT file_name, id FROM messages WHERE folder_id = ?1 AND in_cur = 0"
                };
                let mut stmt = tx.prepare(sql)?;
                let rows = stmt.query_map([folder_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                for row in rows {
                    let (file_name, id): (String, i64) = row?;
                    indexed.insert((in_cur, file_name), id);
                }
            }
            let mut unmatched = Vec::new();
            let subdirs = [(Subdir::New, new_changed), (Subdir::Cur, cur_changed)];
            for subdir in subdirs
                .into_iter()
                .filter(|(_, changed)| *changed)
                .map(|(s, _)| s)
            {
                let dir = path.join(if subdir == Subdir::Cur { "cur" } else { "new" });
                for dirent in std::fs::read_dir(&dir).map_err(io(&dir))? {
                    let name = dirent.map_err(io(&dir))?.file_name();
                    let name = name.to_string_lossy();
                    if name.starts_with('.') {
                        continue;
                    }
                    let key = (subdir == Subdir::Cur, name.into_owned());
                    if indexed.remove(&key).is_some() {
                        report.unchanged += 1;
                    } else {
                        unmatched.push(maildir.entry(&key.1, subdir));
                    }
                }
            }
            let mut by_key: HashMap<String, i64> = HashMap::new();
            for ((_, file_name), id) in indexed {
                by_key.insert(
                    crate::mail::store::maildir::base_name(&file_name).to_string(),
                    id,
                );
            }
            for entry in unmatched {
                if let Some(id) = by_key.remove(entry.key()) {
                    set_entry_in(&tx, id, &entry)?;
                    report.updated += 1;
                    continue;
                }
                let file = maildir.path_of(&entry);
                // A file removed between list and read is simply not added.
                let Ok(bytes) = std::fs::read(&file) else {
                    continue;
                };
                let envelope = envelope::parse(&bytes, envelope::file_mtime(&file));
                upsert_in(&tx, name, &entry, &envelope)?;
                report.added += 1;
            }
            for id in by_key.into_values() {
                remove_in(&tx, id)?;
                report.removed += 1;
            }
            tx.execute(
                "UPDATE folders SET stamp = ?1 WHERE id = ?2",
                params![stamp, folder_id],
            )?;
        }
        tx.commit()?;
        if report.added + report.removed >= OPTIMIZE_AFTER {
            self.optimize()?;
        }
        Ok(report)
    }
}

/// Changes after which a reindex compacts the index (see [`Index::optimize`]).
const OPTIMIZE_AFTER: usize = 5_000;

impl Index {
    /// Compacts after a large change (a first sync, a rebuild): merges the full-text
    /// index's segments, which keeps search fast, and gives the write-ahead log's space
    /// back to the disk. Takes seconds at 100,000 messages; not needed after small changes.
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute("INSERT INTO search (search) VALUES ('optimize')", [])?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// A local folder's stamp (the mtimes of its `cur/` and `new/`), taken before and after
/// a change this process makes so the index can record it (see
/// [`super::Batch::advance_stamp`]).
pub fn folder_stamp(mail_root: &Path, folder: &str) -> Option<String> {
    stamp_of(&folder::maildir_path(mail_root, folder))
}

/// Which of `[new/, cur/]` changed between a stored stamp and the current one (see
/// [`stamp_of`]); both when either is unknown.
fn changed_subdirs(stored: Option<&str>, now: Option<&str>) -> [bool; 2] {
    match (
        stored.and_then(|s| s.split_once(':')),
        now.and_then(|s| s.split_once(':')),
    ) {
        (Some((cur_then, new_then)), Some((cur_now, new_now))) => {
            [new_then != new_now, cur_then != cur_now]
        }
        _ => [true, true],
    }
}

/// The mtimes (ns) of a Maildir's `cur/` and `new/`: they change whenever a message is
/// added, removed or renamed there. `None` when unreadable (then always scan).
fn stamp_of(maildir: &Path) -> Option<String> {
    let mtime = |sub: &str| -> Option<u128> {
        let modified = std::fs::metadata(maildir.join(sub)).ok()?.modified().ok()?;
        Some(modified.duration_since(UNIX_EPOCH).ok()?.as_nanos())
    };
    Some(format!("{}:{}", mtime("cur")?, mtime("new")?))
}
