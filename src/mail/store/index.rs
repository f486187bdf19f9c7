//! The envelope index: one SQLite file beside the Maildirs (in the account's state dir)
//! so listing, counting and searching 100,000 messages never opens a message file.
//!
//! The Maildirs are the truth; the index is a cache that [`Index::reindex`] can rebuild
//! from them at any time. So a schema change simply drops and rebuilds, and a corrupt
//! index file is replaced.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::envelope::{self, join_mailboxes, Envelope, Mailbox};
use super::maildir::{Flags, MaildirEntry, Subdir};

mod page;
mod scan;
mod search;
mod thread;

pub use scan::folder_stamp;
pub use search::fts_query;
use search::search_rowid_for;
use thread::assign_thread;
pub use thread::ThreadRow;

/// Bump when the schema changes: an index of another version is rebuilt.
const SCHEMA_VERSION: i64 = 6;

/// Write transactions take the write lock at once: one that read first and then wrote
/// could fail at once (WAL's busy snapshot) when another process wrote meanwhile,
/// whereas a lock taken up front waits out the busy timeout.
pub(crate) const IMMEDIATE: rusqlite::TransactionBehavior =
    rusqlite::TransactionBehavior::Immediate;

/// A message's stable number in the index (for the CLI and the UI).
pub type MessageId = i64;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("the message index {path} could not be used: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the message index failed: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("could not read the mail folder {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no message with id {0}")]
    NoSuchMessage(MessageId),
}

pub type Result<T, E = IndexError> = std::result::Result<T, E>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Date,
    From,
    Subject,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// Newest first, as every mail client opens.
    fn default() -> Sort {
        Sort {
            key: SortKey::Date,
            descending: true,
        }
    }
}

impl Sort {
    fn order_by(self) -> &'static str {
        // Ties go by date then id in the same direction, so an index on
        // (folder, key, date, id) serves both directions without a sort step.
        match (self.key, self.descending) {
            (SortKey::Date, true) => "date DESC, id DESC",
            (SortKey::Date, false) => "date ASC, id ASC",
            (SortKey::From, true) => "from_sort DESC, date DESC, id DESC",
            (SortKey::From, false) => "from_sort ASC, date ASC, id ASC",
            (SortKey::Subject, true) => "subject_sort DESC, date DESC, id DESC",
            (SortKey::Subject, false) => "subject_sort ASC, date ASC, id ASC",
        }
    }
}

/// One line of the message list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvelopeRow {
    pub id: MessageId,
    /// Account-local folder name (see [`folder`]).
    pub folder: String,
    pub entry: MaildirEntry,
    pub date: i64,
    pub from: Mailbox,
    /// To and Cc as display text ("Name <addr>, ...").
    pub to: String,
    pub cc: String,
    pub subject: String,
    pub message_id: Option<String>,
    pub thread_id: i64,
    pub size: u64,
    pub has_attachments: bool,
    pub preview: String,
}

impl EnvelopeRow {
    pub fn uid(&self) -> Option<u32> {
        self.entry.uid
    }

    pub fn flags(&self) -> &Flags {
        &self.entry.flags
    }

    pub fn is_unread(&self) -> bool {
        !self.entry.flags.contains(Flags::SEEN)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderInfo {
    pub name: String,
    pub count: u64,
    pub unread: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReindexReport {
    /// Folders found on disk.
    pub folders: usize,
    /// Folders read and compared (all with a full reindex; only changed ones otherwise).
    pub scanned: usize,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
}

pub struct Index {
    conn: Connection,
    path: PathBuf,
    rebuilt: bool,
    order_cache: std::cell::RefCell<Option<page::OrderCache>>,
    thread_cache: std::cell::RefCell<Option<thread::ThreadCache>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

const SCHEMA: &str = "
-- stamp: the mtimes of cur/ and new/ when the folder was last compared with the index.
-- total and unread are kept by the triggers below, so counts never scan a folder.
CREATE TABLE folders (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, stamp TEXT,
    total INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id),
    mkey TEXT NOT NULL,
    file_name TEXT NOT NULL,
    in_cur INTEGER NOT NULL,
    uid INTEGER,
    flags TEXT NOT NULL,
    seen INTEGER NOT NULL,
    date INTEGER NOT NULL,
    from_name TEXT NOT NULL,
    from_addr TEXT NOT NULL,
    from_sort TEXT NOT NULL,
    to_text TEXT NOT NULL,
    cc_text TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_sort TEXT NOT NULL,
    message_id TEXT,
    thread_id INTEGER NOT NULL DEFAULT 0,
    search_rowid INTEGER NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    has_attachments INTEGER NOT NULL,
    preview TEXT NOT NULL,
    UNIQUE (folder_id, mkey)
);
CREATE INDEX messages_by_date ON messages (folder_id, date, id);
CREATE INDEX messages_by_from ON messages (folder_id, from_sort, date, id);
CREATE INDEX messages_by_subject ON messages (folder_id, subject_sort, date, id);
CREATE INDEX messages_unseen ON messages (folder_id, seen);
CREATE INDEX messages_by_uid ON messages (folder_id, uid);
CREATE INDEX messages_by_search ON messages (folder_id, search_rowid);
CREATE INDEX messages_by_thread ON messages (thread_id);
-- Grouping a folder's list by thread (see thread::ThreadCache) reads only this.
CREATE INDEX messages_by_folder_thread ON messages (folder_id, thread_id, date, seen);
CREATE INDEX messages_by_msgid ON messages (message_id);
-- The few messages still in new/, so a refresh after a delivery there by another program
-- need not read the rows of the whole folder (see also ADDED_INDEXES).
CREATE INDEX messages_in_new ON messages (folder_id, file_name) WHERE in_cur = 0;
CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
    UPDATE folders SET total = total + 1, unread = unread + (NEW.seen = 0)
    WHERE id = NEW.folder_id;
END;
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
    UPDATE folders SET total = total - 1, unread = unread - (OLD.seen = 0)
    WHERE id = OLD.folder_id;
END;
CREATE TRIGGER messages_count_update AFTER UPDATE OF seen, folder_id ON messages
WHEN OLD.seen != NEW.seen OR OLD.folder_id != NEW.folder_id BEGIN
    UPDATE folders SET total = total - 1, unread = unread - (OLD.seen = 0)
    WHERE id = OLD.folder_id;
    UPDATE folders SET total = total + 1, unread = unread + (NEW.seen = 0)
    WHERE id = NEW.folder_id;
END;
-- Every Message-ID seen (own or referenced) and the thread it belongs to, so a reply
-- that arrives before its parent still joins the same thread.
CREATE TABLE thread_refs (msgid TEXT PRIMARY KEY, thread_id INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX thread_refs_by_thread ON thread_refs (thread_id);
-- Contentless: the text lives in the message files; the index keeps only the terms.
-- Its rowid is the message's search_rowid, which sorts by date (see search_rowid_for),
-- so newest-first results stream straight out of the full-text index.
CREATE VIRTUAL TABLE search USING fts5 (
    from_text, to_text, subject, body,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
";

/// Indexes added since the schema version was last bumped, by name: an index file of the
/// same version made before them gains them on open, without a rebuild.
const ADDED_INDEXES: &[(&str, &str)] = &[(
    "messages_in_new",
    "CREATE INDEX messages_in_new ON messages (folder_id, file_name) WHERE in_cur = 0",
)];

const COLUMNS: &str = "m.id, f.name, m.mkey, m.file_name, m.in_cur, m.uid, m.flags, m.date, \
    m.from_name, m.from_addr, m.to_text, m.cc_text, m.subject, m.message_id, m.thread_id, \
    m.size, m.has_attachments, m.preview";

fn row_to_envelope(row: &Row<'_>) -> rusqlite::Result<EnvelopeRow> {
    let subdir = if row.get::<_, bool>(4)? {
        Subdir::Cur
    } else {
        Subdir::New
    };
    Ok(EnvelopeRow {
        id: row.get(0)?,
        folder: row.get(1)?,
        entry: MaildirEntry {
            subdir,
            file_name: row.get(3)?,
            uid: row.get(5)?,
            flags: Flags::new(&row.get::<_, String>(6)?),
        },
        date: row.get(7)?,
        from: Mailbox {
            name: row.get(8)?,
            address: row.get(9)?,
        },
        to: row.get(10)?,
        cc: row.get(11)?,
        subject: row.get(12)?,
        message_id: row.get(13)?,
        thread_id: row.get(14)?,
        size: row.get::<_, i64>(15)? as u64,
        has_attachments: row.get(16)?,
        preview: row.get(17)?,
    })
}

impl Index {
    /// Opens the index at `path`, creating it, or rebuilding it empty when it is of
    /// another schema version or unreadable. [`Index::was_rebuilt`] then says a
    /// [`Index::reindex`] is due.
    pub fn open(path: &Path) -> Result<Index> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        match Self::try_open(path) {
            Err(IndexError::Open { source, .. }) if is_corrupt(&source) => {
                // The index is only a cache of the Maildirs: start it again. Only for
                // a damaged file: a busy or unreadable one may be in use elsewhere.
                tracing::warn!(path = %path.display(), error = %source, "message index damaged; rebuilding");
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.as_os_str().to_owned();
                    p.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(p));
                }
                Self::try_open(path)
            }
            other => other,
        }
    }

    fn try_open(path: &Path) -> Result<Index> {
        let open_err = |source| IndexError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        // WAL + NORMAL is durable against a crash of the app; a power cut may lose the
        // last transactions, which reindex recovers from the Maildirs.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(open_err)?;
        let mut rebuilt = false;
        if version != SCHEMA_VERSION {
            rebuilt = true;
            drop_all(&conn).map_err(open_err)?;
            conn.execute_batch(SCHEMA).map_err(open_err)?;
            conn.pragma_update(None, "user_version", SCHEMA_VERSION)
                .map_err(open_err)?;
        }
        for (name, sql) in ADDED_INDEXES {
            // Looked up first: creating takes the write lock, which a sync may hold.
            let present: bool = conn
                .query_row(
                    "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .map_err(open_err)?;
            if !present {
                conn.execute_batch(sql).map_err(open_err)?;
            }
        }
        Ok(Index {
            conn,
            path: path.to_path_buf(),
            rebuilt,
            order_cache: Default::default(),
            thread_cache: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this open created the index afresh (new, other version or corrupt).
    pub fn was_rebuilt(&self) -> bool {
        self.rebuilt
    }

    /// Adds or refreshes one message. A row for the same folder and Maildir key is
    /// updated in place (its id stays); otherwise `envelope` fills a new row.
    pub fn upsert(
        &mut self,
        folder: &str,
        entry: &MaildirEntry,
        envelope: &Envelope,
    ) -> Result<MessageId> {
        let tx = self.conn.transaction_with_behavior(IMMEDIATE)?;
        let id = upsert_in(&tx, folder, entry, envelope)?;
        tx.commit()?;
        Ok(id)
    }

    /// Parses `bytes` and adds the message (see [`Index::upsert`]).
    pub fn upsert_bytes(
        &mut self,
        folder: &str,
        entry: &MaildirEntry,
        bytes: &[u8],
    ) -> Result<MessageId> {
        let envelope = envelope::parse(bytes, now());
        self.upsert(folder, entry, &envelope)
    }

    /// Starts a batch: many changes in one transaction (a first sync inserts thousands;
    /// one transaction each would be a hundred times slower). Dropped without
    /// [`Batch::commit`], nothing is kept.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch {
            tx: self.conn.transaction_with_behavior(IMMEDIATE)?,
        })
    }

    /// Records a flag change made to the Maildir file (`entry` is the renamed file).
    pub fn set_flags(&self, id: MessageId, entry: &MaildirEntry) -> Result<()> {
        set_entry_in(&self.conn, id, entry)
    }

    /// Records that the message moved to another folder (its file is now `entry` there).
    pub fn move_to(&mut self, id: MessageId, folder: &str, entry: &MaildirEntry) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(IMMEDIATE)?;
        move_in(&tx, id, folder, entry)?;
        tx.commit()?;
        Ok(())
    }

    /// [`Batch::advance_stamp`] on its own.
    pub fn advance_stamp(
        &self,
        folder: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<()> {
        advance_stamp_in(&self.conn, folder, before, after)
    }

    pub fn remove(&mut self, id: MessageId) -> Result<()> {
        remove_in(&self.conn, id)
    }

    pub fn get(&self, id: MessageId) -> Result<Option<EnvelopeRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?1"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], row_to_envelope)
            .optional()?)
    }

    /// The row for a folder's Maildir key, if indexed.
    pub fn find_key(&self, folder: &str, key: &str) -> Result<Option<EnvelopeRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE f.name = ?1 AND m.mkey = ?2"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![folder, key], row_to_envelope)
            .optional()?)
    }

    /// The row for a server UID in a folder (IMAP sync).
    pub fn find_uid(&self, folder: &str, uid: u32) -> Result<Option<EnvelopeRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE f.name = ?1 AND m.uid = ?2"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![folder, uid], row_to_envelope)
            .optional()?)
    }

    /// Every message of a folder that has a server UID, as (uid, id, flags), by UID:
    /// what an IMAP sync compares with the server's list in one go.
    pub fn uid_map(&self, folder: &str) -> Result<Vec<(u32, MessageId, Flags)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT uid, id, flags FROM messages WHERE uid IS NOT NULL \
             AND folder_id = (SELECT id FROM folders WHERE name = ?1) ORDER BY uid",
        )?;
        let rows = stmt.query_map([folder], |r| {
            Ok((r.get(0)?, r.get(1)?, Flags::new(&r.get::<_, String>(2)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn count(&self, folder: &str) -> Result<u64> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT total FROM folders WHERE name = ?1")?
            .query_row([folder], |r| r.get(0))
            .optional()?;
        Ok(n.unwrap_or(0) as u64)
    }

    pub fn unread_count(&self, folder: &str) -> Result<u64> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT unread FROM folders WHERE name = ?1")?
            .query_row([folder], |r| r.get(0))
            .optional()?;
        Ok(n.unwrap_or(0) as u64)
    }

    /// The highest message id: a watermark for "arrived since" questions. New rows get
    /// higher ids; moves keep theirs.
    pub fn last_id(&self) -> Result<Option<MessageId>> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT MAX(id) FROM messages")?
            .query_row([], |r| r.get(0))?;
        Ok(id)
    }

    /// Unread messages of `folder` with an id above `after`: how many, and the newest
    /// `limit` of them.
    pub fn unread_since(
        &self,
        folder: &str,
        after: MessageId,
        limit: u32,
    ) -> Result<(u64, Vec<EnvelopeRow>)> {
        let count: i64 = self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FROM messages m JOIN folders f ON f.id = m.folder_id \
                 WHERE f.name = ?1 AND m.id > ?2 AND m.seen = 0",
            )?
            .query_row(params![folder, after], |r| r.get(0))?;
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE f.name = ?1 AND m.id > ?2 AND m.seen = 0 ORDER BY m.id DESC LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![folder, after, limit], row_to_envelope)?;
        Ok((count as u64, rows.collect::<rusqlite::Result<_>>()?))
    }

    /// Every message of a thread, oldest first.
    pub fn thread(&self, thread_id: i64) -> Result<Vec<EnvelopeRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE m.thread_id = ?1 ORDER BY m.date, m.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([thread_id], row_to_envelope)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every folder with messages or known to the index, with counts; INBOX first.
    pub fn folders(&self) -> Result<Vec<FolderInfo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, total, unread FROM folders ORDER BY name != 'INBOX', name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FolderInfo {
                name: r.get(0)?,
                count: r.get::<_, i64>(1)? as u64,
                unread: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Changes inside one transaction, from [`Index::batch`].
pub struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
}

impl Batch<'_> {
    pub fn upsert(
        &mut self,
        folder: &str,
        entry: &MaildirEntry,
        envelope: &Envelope,
    ) -> Result<MessageId> {
        upsert_in(&self.tx, folder, entry, envelope)
    }

    pub fn set_flags(&mut self, id: MessageId, entry: &MaildirEntry) -> Result<()> {
        set_entry_in(&self.tx, id, entry)
    }

    pub fn remove(&mut self, id: MessageId) -> Result<()> {
        remove_in(&self.tx, id)
    }

    pub fn move_to(&mut self, id: MessageId, folder: &str, entry: &MaildirEntry) -> Result<()> {
        move_in(&self.tx, id, folder, entry)
    }

    /// Records that this process changed `folder` on disk from stamp `before` to `after`
    /// (see [`folder_stamp`]) and that this batch indexes the change. Only when the index
    /// was in step at `before` does it take `after`: a change by another tool that came
    /// earlier keeps the old stamp, so the next open still looks at the folder. Our own
    /// writes then cost the next open nothing.
    pub fn advance_stamp(
        &mut self,
        folder: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<()> {
        advance_stamp_in(&self.tx, folder, before, after)
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

fn is_corrupt(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

fn drop_all(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS messages_count_insert; \
         DROP TRIGGER IF EXISTS messages_count_delete; \
         DROP TRIGGER IF EXISTS messages_count_update; \
         DROP TABLE IF EXISTS search; DROP TABLE IF EXISTS thread_refs; \
         DROP TABLE IF EXISTS messages; DROP TABLE IF EXISTS folders;",
    )
}

/// `date DESC, id DESC` -> `m.date DESC, m.id DESC` for the outer query.
fn qualified(order: &str) -> String {
    order
        .split(", ")
        .map(|part| format!("m.{part}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn folder_id_in(conn: &Connection, name: &str) -> Result<i64> {
    conn.prepare_cached("INSERT INTO folders (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
        .execute([name])?;
    Ok(conn
        .prepare_cached("SELECT id FROM folders WHERE name = ?1")?
        .query_row([name], |r| r.get(0))?)
}

fn upsert_in(
    conn: &Connection,
    folder: &str,
    entry: &MaildirEntry,
    env: &Envelope,
) -> Result<MessageId> {
    let folder_id = folder_id_in(conn, folder)?;
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM messages WHERE folder_id = ?1 AND mkey = ?2")?
        .query_row(params![folder_id, entry.key()], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        // A Maildir file's bytes never change; only its name (flags, uid) does.
        set_entry_in(conn, id, entry)?;
        return Ok(id);
    }
    let to_text = join_mailboxes(&env.to);
    let cc_text = join_mailboxes(&env.cc);
    let search_rowid = search_rowid_for(conn, env.date)?;
    conn.prepare_cached(
        "INSERT INTO messages (folder_id, mkey, file_name, in_cur, uid, flags, seen, date, \
         from_name, from_addr, from_sort, to_text, cc_text, subject, subject_sort, message_id, \
         size, has_attachments, preview, search_rowid) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        folder_id,
        entry.key(),
        entry.file_name,
        entry.subdir == Subdir::Cur,
        entry.uid,
        entry.flags.as_str(),
        entry.flags.contains(Flags::SEEN),
        env.date,
        env.from.name,
        env.from.address,
        env.from.display().to_lowercase(),
        to_text,
        cc_text,
        env.subject,
        subject_sort_key(&env.subject),
        env.message_id,
        env.size as i64,
        env.has_attachments,
        env.preview,
        search_rowid,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached(
        "INSERT INTO search (rowid, from_text, to_text, subject, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        search_rowid,
        format!("{} {}", env.from.name, env.from.address),
        format!("{to_text} {cc_text}"),
        env.subject,
        env.body_text,
    ])?;
    assign_thread(conn, id, env)?;
    Ok(id)
}

fn set_entry_in(conn: &Connection, id: MessageId, entry: &MaildirEntry) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE messages SET file_name = ?1, in_cur = ?2, uid = ?3, flags = ?4, seen = ?5 \
             WHERE id = ?6",
        )?
        .execute(params![
            entry.file_name,
            entry.subdir == Subdir::Cur,
            entry.uid,
            entry.flags.as_str(),
            entry.flags.contains(Flags::SEEN),
            id
        ])?;
    if changed == 0 {
        return Err(IndexError::NoSuchMessage(id));
    }
    Ok(())
}

fn move_in(conn: &Connection, id: MessageId, folder: &str, entry: &MaildirEntry) -> Result<()> {
    let folder_id = folder_id_in(conn, folder)?;
    let changed = conn.execute(
        "UPDATE messages SET folder_id = ?1, mkey = ?2 WHERE id = ?3",
        params![folder_id, entry.key(), id],
    )?;
    if changed == 0 {
        return Err(IndexError::NoSuchMessage(id));
    }
    set_entry_in(conn, id, entry)
}

fn advance_stamp_in(
    conn: &Connection,
    folder: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<()> {
    // Equal stamps mean a change too quick for the clock to show (or none): nothing to
    // learn, and the stored stamp stays right or wrong as it was.
    if let (Some(before), Some(after)) = (before, after) {
        if before != after {
            conn.prepare_cached("UPDATE folders SET stamp = ?1 WHERE name = ?2 AND stamp = ?3")?
                .execute(params![after, folder, before])?;
        }
    }
    Ok(())
}

fn remove_in(conn: &Connection, id: MessageId) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM search WHERE rowid = (SELECT search_rowid FROM messages WHERE id = ?1)",
    )?
    .execute([id])?;
    conn.prepare_cached("DELETE FROM messages WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Sorting by subject ignores reply and forward prefixes and case, as people expect.
pub fn subject_sort_key(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_lowercase();
        let stripped = ["re:", "fw:", "fwd:", "aw:", "sv:", "ynt:", "ateb:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| s[p.len()..].trim_start());
        match stripped {
            Some(rest) => s = rest,
            None => return lower,
        }
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
