//! Threads from Message-ID, In-Reply-To and References.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension};

use super::{Envelope, MessageId, Result};

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
