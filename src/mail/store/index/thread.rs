//! Threads from Message-ID, In-Reply-To and References.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension};

use super::{qualified, Envelope, EnvelopeRow, Index, MessageId, Result, Sort, SortKey};

/// A reply joins the thread of any message it references or that references it; when
/// it links two threads, they merge into the older one.
pub(super) fn assign_thread(conn: &Connection, id: MessageId, env: &Envelope) -> Result<()> {
    let mut ids: Vec<&str> = env.parent_ids().collect();
    if let Some(own) = env.message_id.as_deref() {
        ids.push(own);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut threads = BTreeSet::new();
    {
        let mut lookup =
            conn.prepare_cached("SELECT thread_id FROM thread_refs WHERE msgid = ?1")?;
        for msgid in &ids {
            if let Some(t) = lookup
                .query_row([msgid], |r| r.get::<_, i64>(0))
                .optional()?
            {
                threads.insert(t);
            }
        }
    }
    let thread = threads.first().copied().unwrap_or(id);
    for other in threads.iter().skip(1) {
        conn.execute(
            "UPDATE messages SET thread_id = ?1 WHERE thread_id = ?2",
            [thread, *other],
        )?;
        conn.execute(
            "UPDATE thread_refs SET thread_id = ?1 WHERE thread_id = ?2",
            [thread, *other],
        )?;
    }
    let mut record = conn.prepare_cached(
        "INSERT INTO thread_refs (msgid, thread_id) VALUES (?1, ?2) \
         ON CONFLICT (msgid) DO UPDATE SET thread_id = excluded.thread_id",
    )?;
    for msgid in &ids {
        record.execute(params![msgid, thread])?;
    }
    conn.prepare_cached("UPDATE messages SET thread_id = ?1 WHERE id = ?2")?
        .execute([thread, id])?;
    Ok(())
}

/// One line of a folder's list with threads grouped: the thread's newest message in
/// the folder, with how many of the thread's messages the folder holds and how many of
/// them are unread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadRow {
    pub newest: EnvelopeRow,
    pub messages: u64,
    pub unread: u64,
}

#[derive(Clone, Copy, Debug)]
struct ThreadEntry {
    newest: MessageId,
    messages: u32,
    unread: u32,
}

/// A folder's threads in list order. Grouping needs the whole folder whatever the
/// page (a thread's newest message decides where it goes), so it is done once per
/// list and change, and pages are slices of it, as `page::OrderCache` does.
pub(super) struct ThreadCache {
    folder: String,
    sort: Sort,
    version: (i64, u64),
    entries: Vec<ThreadEntry>,
}

impl Index {
    /// One page of a folder's threads, `limit` of them from position `offset`, in the
    /// order of `sort` applied to each thread's newest message.
    pub fn page_threads(
        &self,
        folder: &str,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ThreadRow>> {
        let entries = self.thread_entries(folder, sort)?;
        let start = (offset as usize).min(entries.len());
        let end = start.saturating_add(limit as usize).min(entries.len());
        let slice = &entries[start..end];
        let ids: Vec<MessageId> = slice.iter().map(|e| e.newest).collect();
        let rows = self.rows_by_ids(&ids)?;
        // rows_by_ids skips a row deleted in between; match by id, not by position.
        Ok(slice
            .iter()
            .filter_map(|e| {
                let newest = rows.iter().find(|r| r.id == e.newest)?.clone();
                Some(ThreadRow {
                    newest,
                    messages: e.messages.into(),
                    unread: e.unread.into(),
                })
            })
            .collect())
    }

    /// How many threads have messages in `folder`.
    pub fn count_threads(&self, folder: &str) -> Result<u64> {
        // Counting needs the grouping a page needs next: keep the list's order when it
        // is the same folder (only a change made the copy stale), so a reload groups once.
        let sort = match self.thread_cache.borrow().as_ref() {
            Some(c) if c.folder == folder => c.sort,
            _ => Sort::default(),
        };
        Ok(self.thread_entries(folder, sort)?.len() as u64)
    }

    fn thread_entries(
        &self,
        folder: &str,
        sort: Sort,
    ) -> Result<std::cell::Ref<'_, [ThreadEntry]>> {
        let version = self.version()?;
        let fresh = self
            .thread_cache
            .borrow()
            .as_ref()
            .is_some_and(|c| c.folder == folder && c.sort == sort && c.version == version);
        if !fresh {
            // SQLite fills the bare column `id` of an aggregate query from the row that
            // holds the MAX: the thread's newest message. The grouping reads only the
            // (folder, thread, date, seen) index; sorting by sender or subject then looks
            // up just the newest messages.
            let grouped = "SELECT id, MAX(date) AS date, COUNT(*) AS messages, \
                    SUM(seen = 0) AS unread FROM messages \
                WHERE folder_id = (SELECT id FROM folders WHERE name = ?1) GROUP BY thread_id";
            let sql = match sort.key {
                SortKey::Date => format!(
                    "SELECT id, messages, unread FROM ({grouped}) ORDER BY {}",
                    sort.order_by()
                ),
                SortKey::From | SortKey::Subject => format!(
                    "SELECT m.id, g.messages, g.unread FROM ({grouped}) g \
                     JOIN messages m ON m.id = g.id ORDER BY {}",
                    qualified(sort.order_by())
                ),
            };
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let entries = stmt
                .query_map([folder], |r| {
                    Ok(ThreadEntry {
                        newest: r.get(0)?,
                        messages: r.get(1)?,
                        unread: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            *self.thread_cache.borrow_mut() = Some(ThreadCache {
                folder: folder.to_string(),
                sort,
                version,
                entries,
            });
        }
        Ok(std::cell::Ref::map(self.thread_cache.borrow(), |c| {
            c.as_ref().map(|c| c.entries.as_slice()).unwrap_or(&[])
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::envelope;
    use super::*;
    use crate::mail::store::{Flags, MaildirEntry, Subdir};

    /// Adds a message with `headers` dated `date`, read when `flags` has S.
    fn add(index: &mut Index, folder: &str, n: u32, date: i64, headers: &str, flags: &str) -> i64 {
        let entry = MaildirEntry {
            subdir: Subdir::Cur,
            file_name: format!("k{n}:2,{flags}"),
            uid: Some(n),
            flags: Flags::new(flags),
        };
        let bytes = format!("{headers}\r\n\r\nbody");
        let mut env = envelope::parse(bytes.as_bytes(), 0);
        env.date = date;
        index.upsert(folder, &entry, &env).unwrap()
    }

    fn open() -> (tempfile::TempDir, Index) {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::open(&dir.path().join("index.sqlite")).unwrap();
        (dir, index)
    }

    #[test]
    fn threads_group_to_their_newest_message_with_counts() {
        let (_dir, mut index) = open();
        let a = add(
            &mut index,
            "INBOX",
            1,
            100,
            "Subject: plan\r\nFrom: zed@x\r\nMessage-ID: <a@x>",
            "S",
        );
        let lone = add(
            &mut index,
            "INBOX",
            2,
            150,
            "Subject: alone\r\nFrom: amy@x\r\nMessage-ID: <l@x>",
            "S",
        );
        let b = add(
            &mut index,
            "INBOX",
            3,
            200,
            "Subject: Re: plan\r\nFrom: bob@x\r\nMessage-ID: <b@x>\r\nIn-Reply-To: <a@x>",
            "",
        );
        // A reply in another folder belongs to the conversation but not to this list.
        add(
            &mut index,
            "Sent",
            4,
            300,
            "Subject: Re: plan\r\nFrom: me@x\r\nIn-Reply-To: <b@x>",
            "S",
        );
        let c = add(
            &mut index,
            "INBOX",
            5,
            250,
            "Subject: Re: plan\r\nFrom: cat@x\r\nIn-Reply-To: <b@x>",
            "S",
        );
        assert_eq!(index.count("INBOX").unwrap(), 4);
        assert_eq!(index.count_threads("INBOX").unwrap(), 2);

        let page = index.page_threads("INBOX", Sort::default(), 0, 10).unwrap();
        let got: Vec<_> = page
            .iter()
            .map(|t| (t.newest.id, t.messages, t.unread))
            .collect();
        // Newest first by each thread's newest message; the plan thread has one unread.
        assert_eq!(got, [(c, 3, 1), (lone, 1, 0)]);
        assert_eq!(index.count_threads("INBOX").unwrap(), 2, "from the cache");
        let oldest_first = Sort {
            key: SortKey::Date,
            descending: false,
        };
        let ids = |rows: Vec<ThreadRow>| rows.iter().map(|t| t.newest.id).collect::<Vec<_>>();
        assert_eq!(
            ids(index.page_threads("INBOX", oldest_first, 0, 10).unwrap()),
            [lone, c]
        );
        // By sender, of the newest message: amy (alone) before cat (plan).
        let by_from = Sort {
            key: SortKey::From,
            descending: false,
        };
        assert_eq!(
            ids(index.page_threads("INBOX", by_from, 0, 10).unwrap()),
            [lone, c]
        );
        let by_from_desc = Sort {
            key: SortKey::From,
            descending: true,
        };
        assert_eq!(
            ids(index.page_threads("INBOX", by_from_desc, 0, 10).unwrap()),
            [c, lone]
        );
        // Paging.
        assert_eq!(
            ids(index.page_threads("INBOX", Sort::default(), 1, 10).unwrap()),
            [lone]
        );
        assert!(index
            .page_threads("INBOX", Sort::default(), 5, 10)
            .unwrap()
            .is_empty());

        // A change is seen at once: the newest goes, the thread shows the next one.
        index.remove(c).unwrap();
        let page = index.page_threads("INBOX", Sort::default(), 0, 10).unwrap();
        assert_eq!(page[0].newest.id, b);
        assert_eq!((page[0].messages, page[0].unread), (2, 1));
        index.remove(b).unwrap();
        index.remove(lone).unwrap();
        assert_eq!(index.count_threads("INBOX").unwrap(), 1);
        assert_eq!(
            ids(index.page_threads("INBOX", Sort::default(), 0, 10).unwrap()),
            [a]
        );
        assert_eq!(index.count_threads("Nowhere").unwrap(), 0);
        assert!(index
            .page_threads("Nowhere", Sort::default(), 0, 10)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn thread_pages_are_slices_of_the_whole_grouping() {
        let (_dir, mut index) = open();
        // 300 messages in 100 threads of three.
        for n in 0..300u32 {
            let thread = n % 100;
            let headers = if n < 100 {
                format!(
                    "Subject: t{thread}\r\nFrom: p{}@x\r\nMessage-ID: <t{thread}@x>",
                    n % 7
                )
            } else {
                format!(
                    "Subject: Re: t{thread}\r\nFrom: p{}@x\r\nIn-Reply-To: <t{thread}@x>",
                    n % 7
                )
            };
            add(
                &mut index,
                "INBOX",
                n,
                i64::from((n * 7919) % 1000),
                &headers,
                "S",
            );
        }
        assert_eq!(index.count_threads("INBOX").unwrap(), 100);
        for key in [SortKey::Date, SortKey::From, SortKey::Subject] {
            let sort = Sort {
                key,
                descending: key == SortKey::Date,
            };
            let all = index.page_threads("INBOX", sort, 0, 1000).unwrap();
            assert_eq!(all.len(), 100);
            assert!(all.iter().all(|t| t.messages == 3));
            let mut pieced = Vec::new();
            for offset in (0..100).step_by(30) {
                pieced.extend(index.page_threads("INBOX", sort, offset, 30).unwrap());
            }
            assert_eq!(pieced, all, "{sort:?}");
            if key == SortKey::Date {
                // Each thread's newest message, newest first.
                assert!(all.windows(2).all(|w| w[0].newest.date >= w[1].newest.date));
                for t in &all {
                    let newest = index
                        .thread(t.newest.thread_id)
                        .unwrap()
                        .iter()
                        .map(|r| r.date)
                        .max();
                    assert_eq!(Some(t.newest.date), newest);
                }
            }
        }
    }
}
