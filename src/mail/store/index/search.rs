//! Full-text search as you type, newest first.

use rusqlite::{params, Connection, OptionalExtension};

use super::{row_to_envelope, EnvelopeRow, Index, Result, COLUMNS};

impl Index {
    /// Search as you type: every word of `query` must match a word prefix in the sender,
    /// recipients, subject or body. `from:`, `to:`, `subject:` and `body:` narrow a word
    /// to one field. Newest first.
    pub fn search(
        &self,
        query: &str,
        folder: Option<&str>,
        limit: u64,
    ) -> Result<Vec<EnvelopeRow>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let folder_id: Option<i64> = match folder {
            Some(name) => match self
                .conn
                .prepare_cached("SELECT id FROM folders WHERE name = ?1")?
                .query_row([name], |r| r.get(0))
                .optional()?
            {
                Some(id) => Some(id),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        // Newest first straight from the full-text index (its rowids sort by date), so
        // a one-letter query over 100,000 messages stops after `limit` hits instead of
        // sorting them all.
        let mut hits = self
            .conn
            .prepare_cached("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC")?;
        let mut rows = hits.query([&fts])?;
        let sql = format!(
            "SELECT {COLUMNS}, m.folder_id FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE m.search_rowid = ?1"
        );
        let mut fetch = self.conn.prepare_cached(&sql)?;
        let mut found = Vec::new();
        let mut examined = 0;
        while let Some(row) = rows.next()? {
            if found.len() as u64 >= limit {
                break;
            }
            examined += 1;
            if let (Some(folder_id), true) = (folder_id, examined > STREAM_BUDGET) {
                // Most hits are in other folders: let SQLite walk this folder instead.
                drop(rows);
                return self.search_in_folder(&fts, folder_id, limit);
            }
            let rowid: i64 = row.get(0)?;
            let hit = fetch
                .query_row([rowid], |r| Ok((row_to_envelope(r)?, r.get::<_, i64>(18)?)))
                .optional()?;
            if let Some((envelope, in_folder)) = hit {
                if folder_id.is_none_or(|f| f == in_folder) {
                    found.push(envelope);
                }
            }
        }
        Ok(found)
    }

    fn search_in_folder(&self, fts: &str, folder_id: i64, limit: u64) -> Result<Vec<EnvelopeRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE m.folder_id = ?2 \
             AND m.search_rowid IN (SELECT rowid FROM search WHERE search MATCH ?1) \
             ORDER BY m.search_rowid DESC LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![fts, folder_id, limit as i64], row_to_envelope)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Hits looked at one by one before a folder-limited search switches to a plan that
/// reads the folder's own messages.
const STREAM_BUDGET: usize = 2000;

/// A free full-text rowid that sorts with the message date: the date in the high bits,
/// a counter below for messages of the same second.
pub(super) fn search_rowid_for(conn: &Connection, date: i64) -> Result<i64> {
    const SAME_SECOND: i64 = 1 << 20;
    // Dates outside years 0..100000 are nonsense; clamping keeps the shift in range.
    let base = date.clamp(-(1 << 41), 1 << 41) * SAME_SECOND;
    let top: Option<i64> = conn
        .prepare_cached(
            "SELECT max(search_rowid) FROM messages WHERE search_rowid >= ?1 AND search_rowid < ?2",
        )?
        .query_row([base, base + SAME_SECOND], |r| r.get(0))?;
    match top {
        None => Ok(base),
        Some(top) if top + 1 < base + SAME_SECOND => Ok(top + 1),
        // A million messages in one second: reuse a gap left by a removal.
        Some(_) => {
            let mut candidate = base;
            let mut taken =
                conn.prepare_cached("SELECT 1 FROM messages WHERE search_rowid = ?1")?;
            while taken.exists([candidate])? {
                candidate += 1;
            }
            Ok(candidate)
        }
    }
}

/// Turns what the user typed into an FTS5 query of quoted prefix terms, so no input can
/// be an FTS syntax error. `None` when there is nothing to search for.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    for word in input.split_whitespace() {
        let (column, word) = match word.split_once(':') {
            Some((field, rest)) => match field.to_ascii_lowercase().as_str() {
                "from" => (Some("from_text"), rest),
                "to" | "cc" => (Some("to_text"), rest),
                "subject" => (Some("subject"), rest),
                "body" => (Some("body"), rest),
                _ => (None, word),
            },
            None => (None, word),
        };
        // Split as the unicode61 tokenizer would, so "o'brien" or "bt.com" still match.
        for token in word.split(|c: char| !c.is_alphanumeric()) {
            if token.is_empty() {
                continue;
            }
            let quoted = format!("\"{token}\"*");
            terms.push(match column {
                Some(col) => format!("{col} : {quoted}"),
                None => quoted,
            });
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}
