//! Bringing the index in line with the Maildirs on disk.

use std::collections::HashMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use rusqlite::params;

use super::{
    folder_id_in, remove_in, set_entry_in, upsert_in, Index, IndexError, ReindexReport, Result,
};
use crate::mail::store::envelope;
use crate::mail::store::folder;
use crate::mail::store::maildir::{Maildir, Subdir};

impl Index {
    /// Makes the index match the Maildirs under `mail_root`: a file with no row is
    /// parsed and added, a row whose file is gone is removed, a renamed file (flags
    /// changed by mutt, say) updates its row. Files already indexed are not re-read.
    pub fn reindex(&mut self, mail_root: &Path) -> Result<ReindexReport> {
        self.scan(mail_root, true)
    }

    /// As [`Index::reindex`], but reads only folders whose `cur/` or `new/` changed
    /// since they were last compared (their mtimes differ): cheap enough to run on
    /// every open, and it catches what another tool or an interrupted write left.
    pub fn refresh(&mut self, mail_root: &Path) -> Result<ReindexReport> {
        self.scan(mail_root, false)
    }

    fn scan(&mut self, mail_root: &Path, force: bool) -> Result<ReindexReport> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| IndexError::Io { path, source }
        };
        let on_disk = folder::discover(mail_root).map_err(io(mail_root))?;
        let mut report = ReindexReport {
            folders: on_disk.len(),
            ..ReindexReport::default()
        };
        let tx = self.conn.transaction()?;
        // Folders that vanished from disk lose their rows.
        let known: Vec<(i64, String)> = tx
            .prepare("SELECT id, name FROM folders")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (folder_id, name) in known {
            if !on_disk.contains(&name) {
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
        }
        for name in &on_disk {
            let path = folder::maildir_path(mail_root, name);
            let folder_id = folder_id_in(&tx, name)?;
            // Read before listing: a change during the scan leaves a newer mtime, so the
            // next refresh looks again.
            let stamp = stamp_of(&path);
            let stored: Option<String> = tx
                .prepare_cached("SELECT stamp FROM folders WHERE id = ?1")?
                .query_row([folder_id], |r| r.get(0))?;
            if !force && stamp.is_some() && stored == stamp {
                continue;
            }
            report.scanned += 1;
            let maildir = Maildir::open(&path).map_err(io(&path))?;
            let files = maildir.list().map_err(io(&path))?;
            let mut indexed: HashMap<String, (i64, String, bool)> = tx
                .prepare("SELECT mkey, id, file_name, in_cur FROM messages WHERE folder_id = ?1")?
                .query_map([folder_id], |r| {
                    Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for entry in files {
                match indexed.remove(entry.key()) {
                    Some((id, file_name, in_cur)) => {
                        if file_name == entry.file_name && in_cur == (entry.subdir == Subdir::Cur) {
                            report.unchanged += 1;
                        } else {
                            set_entry_in(&tx, id, &entry)?;
                            report.updated += 1;
                        }
                    }
                    None => {
                        let file = maildir.path_of(&entry);
                        // A file removed between list and read is simply not added.
                        let Ok(bytes) = std::fs::read(&file) else {
                            continue;
                        };
                        let envelope = envelope::parse(&bytes, envelope::file_mtime(&file));
                        upsert_in(&tx, name, &entry, &envelope)?;
                        report.added += 1;
                    }
                }
            }
            for (_, (id, _, _)) in indexed {
                remove_in(&tx, id)?;
                report.removed += 1;
            }
            tx.execute(
                "UPDATE folders SET stamp = ?1 WHERE id = ?2",
                params![stamp, folder_id],
            )?;
        }
        tx.commit()?;
        Ok(report)
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
