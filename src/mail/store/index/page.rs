//! Paging through a folder's list, fast at any depth.
//!
//! Near the top, SQL's OFFSET over the covering (folder, key, date, id) index is quick.
//! Deep in a 100,000-message folder it would walk 90,000 index entries per page, so
//! there the ids of the whole folder in list order are kept in memory (8 bytes each)
//! and a page is a slice of them. The copy is dropped whenever anything commits to the
//! index, from this connection or any other (SQLite's `data_version`).

use rusqlite::{params, OptionalExtension};

use super::{
    qualified, row_to_envelope, EnvelopeRow, Index, MessageId, Result, Sort, SortKey, COLUMNS,
};

/// Below this offset SQL's OFFSET is as fast as the cache would be.
const DIRECT_OFFSET: u64 = 2_000;

pub(super) struct OrderCache {
    folder: String,
    sort: Sort,
    version: (i64, u64),
    /// Filled on the second deep page of the same list: a one-off deep page (the
    /// command line) is cheaper with OFFSET than reading the whole order.
    ids: Option<Vec<MessageId>>,
}

impl OrderCache {
    #[cfg(test)]
    pub(super) fn has_ids(&self) -> bool {
        self.ids.is_some()
    }
}

impl Index {
    /// One page of a folder's list, `limit` rows from position `offset`.
    pub fn page(
        &self,
        folder: &str,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<EnvelopeRow>> {
        if offset < DIRECT_OFFSET {
            return self.page_direct(folder, sort, offset, limit);
        }
        let version = self.version()?;
        let mut cache = self.order_cache.borrow_mut();
        let same = |c: &OrderCache| c.folder == folder && c.sort == sort && c.version == version;
        match cache.as_mut() {
            Some(c) if same(c) => {
                if c.ids.is_none() {
                    c.ids = Some(self.ordered_ids(folder, sort)?);
                }
            }
            _ => {
                *cache = Some(OrderCache {
                    folder: folder.to_string(),
                    sort,
                    version,
                    ids: None,
                });
                drop(cache);
                return self.page_direct(folder, sort, offset, limit);
            }
        }
        let ids = cache
            .as_ref()
            .and_then(|c| c.ids.as_ref())
            .expect("filled above");
        let start = (offset as usize).min(ids.len());
        let end = start.saturating_add(limit as usize).min(ids.len());
        self.rows_by_ids(&ids[start..end])
    }

    pub(super) fn page_direct(
        &self,
        folder: &str,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<EnvelopeRow>> {
        let order = sort.order_by();
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE m.id IN (SELECT id FROM messages \
                 WHERE folder_id = (SELECT id FROM folders WHERE name = ?1) \
                 ORDER BY {order} LIMIT ?2 OFFSET ?3) \
             ORDER BY {}",
            qualified(order)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![folder, limit as i64, offset as i64],
            row_to_envelope,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes when anything commits: other connections bump `data_version`, this one
    /// bumps its total change count.
    pub(super) fn version(&self) -> Result<(i64, u64)> {
        let data_version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, self.conn.total_changes()))
    }

    fn ordered_ids(&self, folder: &str, sort: Sort) -> Result<Vec<MessageId>> {
        let sql = format!(
            "SELECT id FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?1) \
             ORDER BY {}",
            sort.order_by()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt.query_map([folder], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Every message of a folder as (date, id), newest first: all a list merged from
    /// several folders (the unified Inbox) needs to order them, read from the covering
    /// index without touching the rows' text.
    pub fn dated_ids(&self, folder: &str) -> Result<Vec<(i64, MessageId)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, id FROM messages WHERE folder_id = (SELECT id FROM folders WHERE name = ?1) \
             ORDER BY date DESC, id DESC",
        )?;
        let rows = stmt.query_map([folder], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every message of a folder as (sort key, date, id) for `key`, in no particular
    /// order: what a list merged from several folders needs to order them as one
    /// folder's list is ordered. The key is the same column the folder's list sorts by
    /// (empty for date), read from the covering index without touching the rows' text.
    pub fn keyed_ids(&self, folder: &str, key: SortKey) -> Result<Vec<(String, i64, MessageId)>> {
        let column = match key {
            SortKey::Date => "''",
            SortKey::From => "from_sort",
            SortKey::Subject => "subject_sort",
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {column}, date, id FROM messages \
             WHERE folder_id = (SELECT id FROM folders WHERE name = ?1)"
        ))?;
        let rows = stmt.query_map([folder], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn rows_by_ids(&self, ids: &[MessageId]) -> Result<Vec<EnvelopeRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM messages m JOIN folders f ON f.id = m.folder_id \
             WHERE m.id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = stmt.query_row([id], row_to_envelope).optional()? {
                rows.push(row);
            }
        }
        Ok(rows)
    }
}
