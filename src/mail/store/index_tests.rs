use super::*;
use crate::mail::store::folder;
use crate::mail::store::Maildir;

fn msg(subject: &str, from: &str, date: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: bob@btinternet.com\r\nSubject: {subject}\r\nDate: {date}\r\n{extra}\r\n{body}\r\n"
    )
    .into_bytes()
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    index: Index,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("mail");
    let index = Index::open(&dir.path().join("state/index.sqlite")).unwrap();
    assert!(index.was_rebuilt());
    Fixture {
        root,
        index,
        _dir: dir,
    }
}

impl Fixture {
    fn add(&mut self, folder: &str, bytes: &[u8], flags: &str) -> MessageId {
        let md = Maildir::open(folder::maildir_path(&self.root, folder)).unwrap();
        let entry = md
            .deliver(bytes, Subdir::Cur, None, &Flags::new(flags))
            .unwrap();
        self.index.upsert_bytes(folder, &entry, bytes).unwrap()
    }
}

#[test]
fn insert_count_page_sort() {
    let mut f = fixture();
    let a = f.add(
        "INBOX",
        &msg(
            "Beta",
            "Zed <z@x>",
            "Mon, 2 Mar 2026 10:00:00 +0000",
            "",
            "one",
        ),
        "S",
    );
    let b = f.add(
        "INBOX",
        &msg(
            "Re: alpha",
            "amy@x",
            "Tue, 3 Mar 2026 10:00:00 +0000",
            "",
            "two",
        ),
        "",
    );
    let c = f.add(
        "INBOX",
        &msg(
            "Gamma",
            "Bob <b@x>",
            "Sun, 1 Mar 2026 10:00:00 +0000",
            "",
            "three",
        ),
        "",
    );
    f.add(
        "Sent",
        &msg("Out", "me@x", "Sun, 1 Mar 2026 10:00:00 +0000", "", "x"),
        "S",
    );
    assert_eq!(f.index.count("INBOX").unwrap(), 3);
    assert_eq!(f.index.unread_count("INBOX").unwrap(), 2);
    assert_eq!(f.index.count("Nope").unwrap(), 0);
    let ids = |rows: Vec<EnvelopeRow>| rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(
        ids(f.index.page("INBOX", Sort::default(), 0, 10).unwrap()),
        [b, a, c]
    );
    assert_eq!(
        ids(f.index.page("INBOX", Sort::default(), 1, 1).unwrap()),
        [a]
    );
    let by = |key, descending| Sort { key, descending };
    assert_eq!(
        ids(f
            .index
            .page("INBOX", by(SortKey::Date, false), 0, 10)
            .unwrap()),
        [c, a, b]
    );
    // "amy@x" < "bob" < "zed"
    assert_eq!(
        ids(f
            .index
            .page("INBOX", by(SortKey::From, false), 0, 10)
            .unwrap()),
        [b, c, a]
    );
    // "Re: alpha" sorts as "alpha".
    assert_eq!(
        ids(f
            .index
            .page("INBOX", by(SortKey::Subject, false), 0, 10)
            .unwrap()),
        [b, a, c]
    );
    assert_eq!(
        ids(f
            .index
            .page("INBOX", by(SortKey::Subject, true), 0, 10)
            .unwrap()),
        [c, a, b]
    );
    let row = f.index.get(a).unwrap().unwrap();
    assert_eq!(row.subject, "Beta");
    assert_eq!(row.from.name, "Zed");
    assert_eq!(row.to, "bob@btinternet.com");
    assert_eq!(row.folder, "INBOX");
    assert!(!row.is_unread());
    assert_eq!(row.preview, "one");
    let folders = f.index.folders().unwrap();
    assert_eq!(
        folders[0],
        FolderInfo {
            name: "INBOX".into(),
            count: 3,
            unread: 2
        }
    );
    assert_eq!(
        folders[1],
        FolderInfo {
            name: "Sent".into(),
            count: 1,
            unread: 0
        }
    );
}

#[test]
fn upsert_same_key_keeps_id() {
    let mut f = fixture();
    let md = Maildir::open(folder::maildir_path(&f.root, "INBOX")).unwrap();
    let bytes = msg("s", "a@x", "Mon, 2 Mar 2026 10:00:00 +0000", "", "b");
    let entry = md
        .deliver(&bytes, Subdir::New, Some(5), &Flags::default())
        .unwrap();
    let id = f.index.upsert_bytes("INBOX", &entry, &bytes).unwrap();
    let seen = md.set_flags(&entry, &Flags::new("S")).unwrap();
    assert_eq!(f.index.upsert_bytes("INBOX", &seen, &bytes).unwrap(), id);
    let row = f.index.get(id).unwrap().unwrap();
    assert_eq!(row.entry, seen);
    assert_eq!(row.uid(), Some(5));
    assert_eq!(f.index.find_uid("INBOX", 5).unwrap().unwrap().id, id);
    assert_eq!(
        f.index.find_key("INBOX", entry.key()).unwrap().unwrap().id,
        id
    );
    assert_eq!(f.index.count("INBOX").unwrap(), 1);
    assert_eq!(
        f.index.uid_map("INBOX").unwrap(),
        [(5, id, Flags::new("S"))]
    );
    assert!(f.index.uid_map("Other").unwrap().is_empty());
}

#[test]
fn search_prefix_fields_and_folder() {
    let mut f = fixture();
    let a = f.add(
        "INBOX",
        &msg(
            "Quarterly invoice",
            "Billing <billing@bt.com>",
            "Mon, 2 Mar 2026 10:00:00 +0000",
            "",
            "Your bill is ready",
        ),
        "",
    );
    let b = f.add(
        "INBOX",
        &msg(
            "Caf\u{e9} meeting",
            "Si\u{e2}n <sian@x>",
            "Tue, 3 Mar 2026 10:00:00 +0000",
            "",
            "See you at the caf\u{e9}",
        ),
        "",
    );
    let c = f.add(
        "Archive/2024",
        &msg(
            "Old invoice",
            "billing@bt.com",
            "Sun, 1 Mar 2026 10:00:00 +0000",
            "",
            "paid",
        ),
        "",
    );
    let ids = |q: &str, folder: Option<&str>| {
        f.index
            .search(q, folder, 50)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("inv", None), [a, c]);
    assert_eq!(ids("i", None), [a, c]);
    assert_eq!(ids("invoice", Some("INBOX")), [a]);
    assert_eq!(ids("invoice", Some("Archive/2024")), [c]);
    assert_eq!(ids("cafe", None), [b], "diacritics folded");
    assert_eq!(ids("sian", None), [b]);
    assert_eq!(ids("from:bt.com", None), [a, c]);
    assert_eq!(
        ids("bt.com", None).len(),
        3,
        "every To is at btinternet.com"
    );
    assert_eq!(ids("from:billing paid", None), [c]);
    assert_eq!(ids("subject:bill", None), Vec::<i64>::new());
    assert_eq!(ids("body:bill", None), [a]);
    assert_eq!(ids("to:bob", None).len(), 3);
    assert_eq!(ids("inv zzz", None), Vec::<i64>::new());
    for nasty in [
        "",
        "   ",
        "\"",
        "AND",
        "NEAR(",
        "*",
        "-x",
        "a:b:c",
        "from:",
        "'); DROP TABLE messages; --",
    ] {
        f.index.search(nasty, None, 10).unwrap();
    }
}

#[test]
fn threads_join_in_any_order_and_merge() {
    let mut f = fixture();
    let date = "Mon, 2 Mar 2026 10:00:00 +0000";
    // The grandchild arrives first, then an unrelated message, then the root.
    let c = f.add(
        "INBOX",
        &msg(
            "Re: Re: plan",
            "c@x",
            date,
            "Message-ID: <c@x>\r\nReferences: <a@x> <b@x>\r\nIn-Reply-To: <b@x>\r\n",
            "3",
        ),
        "",
    );
    let z = f.add(
        "INBOX",
        &msg("other", "z@x", date, "Message-ID: <z@x>\r\n", "z"),
        "",
    );
    let a = f.add(
        "Sent",
        &msg("plan", "a@x", date, "Message-ID: <a@x>\r\n", "1"),
        "",
    );
    let b = f.add(
        "INBOX",
        &msg(
            "Re: plan",
            "b@x",
            date,
            "Message-ID: <b@x>\r\nIn-Reply-To: <a@x>\r\n",
            "2",
        ),
        "",
    );
    let t = |f: &Fixture, id| f.index.get(id).unwrap().unwrap().thread_id;
    assert_eq!(t(&f, a), t(&f, c));
    assert_eq!(t(&f, b), t(&f, c));
    assert_ne!(t(&f, z), t(&f, c));
    let thread: Vec<_> = f
        .index
        .thread(t(&f, a))
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(thread.len(), 3);
    // Two threads bridged by a later message merge into one.
    let p = f.add(
        "INBOX",
        &msg("p", "p@x", date, "Message-ID: <p@x>\r\n", "p"),
        "",
    );
    let q = f.add(
        "INBOX",
        &msg("q", "q@x", date, "Message-ID: <q@x>\r\n", "q"),
        "",
    );
    assert_ne!(t(&f, p), t(&f, q));
    let r = f.add(
        "INBOX",
        &msg(
            "r",
            "r@x",
            date,
            "Message-ID: <r@x>\r\nReferences: <p@x> <q@x>\r\n",
            "r",
        ),
        "",
    );
    assert_eq!(t(&f, p), t(&f, q));
    assert_eq!(t(&f, q), t(&f, r));
}

#[test]
fn flags_move_remove() {
    let mut f = fixture();
    let bytes = msg("s", "a@x", "Mon, 2 Mar 2026 10:00:00 +0000", "", "findme");
    let id = f.add("INBOX", &bytes, "");
    let row = f.index.get(id).unwrap().unwrap();
    let md = Maildir::open(folder::maildir_path(&f.root, "INBOX")).unwrap();
    let flagged = md.set_flags(&row.entry, &Flags::new("SF")).unwrap();
    f.index.set_flags(id, &flagged).unwrap();
    assert_eq!(f.index.unread_count("INBOX").unwrap(), 0);
    assert_eq!(f.index.get(id).unwrap().unwrap().flags().as_str(), "FS");
    let archive = Maildir::open(folder::maildir_path(&f.root, "Archive")).unwrap();
    let moved = archive
        .deliver(&bytes, Subdir::Cur, None, &flagged.flags)
        .unwrap();
    f.index.move_to(id, "Archive", &moved).unwrap();
    assert_eq!(f.index.count("INBOX").unwrap(), 0);
    assert_eq!(f.index.count("Archive").unwrap(), 1);
    assert_eq!(
        f.index.search("findme", Some("Archive"), 5).unwrap()[0].id,
        id
    );
    f.index.remove(id).unwrap();
    assert!(f.index.get(id).unwrap().is_none());
    assert!(f.index.search("findme", None, 5).unwrap().is_empty());
    assert!(matches!(
        f.index.set_flags(id, &moved),
        Err(IndexError::NoSuchMessage(_))
    ));
}

#[test]
fn batch_commit_and_rollback() {
    let mut f = fixture();
    let env = envelope::parse(
        &msg("s", "a@x", "Mon, 2 Mar 2026 10:00:00 +0000", "", "b"),
        0,
    );
    let entry = |n: u32| MaildirEntry {
        subdir: Subdir::Cur,
        file_name: format!("k{n},U={n}:2,"),
        uid: Some(n),
        flags: Flags::default(),
    };
    {
        let mut batch = f.index.batch().unwrap();
        for n in 0..100 {
            batch.upsert("INBOX", &entry(n), &env).unwrap();
        }
        // Dropped without commit.
    }
    assert_eq!(f.index.count("INBOX").unwrap(), 0);
    let mut batch = f.index.batch().unwrap();
    for n in 0..100 {
        batch.upsert("INBOX", &entry(n), &env).unwrap();
    }
    batch.commit().unwrap();
    assert_eq!(f.index.count("INBOX").unwrap(), 100);
    f.index.optimize().unwrap();
    assert_eq!(f.index.search("b", None, 500).unwrap().len(), 100);
}

#[test]
fn reindex_follows_the_maildirs() {
    let mut f = fixture();
    let a = f.add(
        "INBOX",
        &msg("a", "a@x", "Mon, 2 Mar 2026 10:00:00 +0000", "", "a"),
        "",
    );
    let b = f.add(
        "INBOX",
        &msg("b", "b@x", "Mon, 2 Mar 2026 10:00:00 +0000", "", "b"),
        "",
    );
    f.add(
        "Gone",
        &msg("g", "g@x", "Mon, 2 Mar 2026 10:00:00 +0000", "", "g"),
        "",
    );
    let md = Maildir::open(folder::maildir_path(&f.root, "INBOX")).unwrap();
    // By hand, as another tool would: delete one, flag one, add one, drop a folder.
    let row_a = f.index.get(a).unwrap().unwrap();
    md.remove(&row_a.entry).unwrap();
    let row_b = f.index.get(b).unwrap().unwrap();
    let b_seen = md.set_flags(&row_b.entry, &Flags::new("S")).unwrap();
    md.deliver(
        b"Subject: new one\r\n\r\nhello",
        Subdir::New,
        None,
        &Flags::default(),
    )
    .unwrap();
    std::fs::remove_dir_all(folder::maildir_path(&f.root, "Gone")).unwrap();
    let report = f.index.reindex(&f.root).unwrap();
    assert_eq!(
        report,
        ReindexReport {
            folders: 1,
            scanned: 1,
            added: 1,
            updated: 1,
            removed: 2,
            unchanged: 0
        }
    );
    assert!(f.index.get(a).unwrap().is_none());
    assert_eq!(f.index.get(b).unwrap().unwrap().entry, b_seen);
    assert_eq!(
        f.index.search("hello", None, 5).unwrap()[0].subject,
        "new one"
    );
    assert_eq!(f.index.folders().unwrap().len(), 1);
    let again = f.index.reindex(&f.root).unwrap();
    assert_eq!(
        again,
        ReindexReport {
            folders: 1,
            scanned: 1,
            unchanged: 2,
            ..ReindexReport::default()
        }
    );
    // A refresh skips folders whose Maildir has not changed since, and reads one that has.
    let quiet = f.index.refresh(&f.root).unwrap();
    assert_eq!((quiet.folders, quiet.scanned), (1, 0));
    // Directory mtimes can be coarse: make sure the change is visible.
    std::thread::sleep(std::time::Duration::from_millis(20));
    md.deliver(
        b"Subject: later\r\n\r\nx",
        Subdir::New,
        None,
        &Flags::default(),
    )
    .unwrap();
    let busy = f.index.refresh(&f.root).unwrap();
    // Only new/ changed, so only new/ is listed (the one message already there).
    assert_eq!((busy.scanned, busy.added, busy.unchanged), (1, 1, 1));
}

#[test]
fn corrupt_or_old_index_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    std::fs::write(
        &path,
        b"this is not a database at all, not even close......",
    )
    .unwrap();
    let index = Index::open(&path).unwrap();
    assert!(index.was_rebuilt());
    index.conn.pragma_update(None, "user_version", 0).unwrap();
    drop(index);
    assert!(Index::open(&path).unwrap().was_rebuilt());
    assert!(!Index::open(&path).unwrap().was_rebuilt());
}

#[test]
fn fts_query_quotes_everything() {
    assert_eq!(fts_query("inv"), Some("\"inv\"*".into()));
    assert_eq!(
        fts_query("from:Bob tea"),
        Some("from_text : \"Bob\"* AND \"tea\"*".into())
    );
    assert_eq!(fts_query("o'brien"), Some("\"o\"* AND \"brien\"*".into()));
    assert_eq!(fts_query(" \" * "), None);
    assert_eq!(subject_sort_key("Re: RE: Fwd: Hello"), "hello");
}

#[test]
fn search_is_newest_first_and_folder_limited_search_survives_many_foreign_hits() {
    let mut f = fixture();
    let entry = |n: u32| MaildirEntry {
        subdir: Subdir::Cur,
        file_name: format!("k{n}:2,S"),
        uid: Some(n),
        flags: Flags::new("S"),
    };
    let mut batch = f.index.batch().unwrap();
    // Inserted in scrambled date order, many sharing one second.
    for n in 0..2500u32 {
        let mut env = envelope::parse(b"Subject: common words\r\n\r\ncommon", 0);
        env.date = 1_700_000_000 + i64::from((n * 7919) % 1000);
        batch.upsert("Big", &entry(n), &env).unwrap();
    }
    for n in 0..3u32 {
        let mut env = envelope::parse(b"Subject: common too\r\n\r\nsmall", 0);
        env.date = 1_600_000_000 + i64::from(n);
        batch.upsert("Small", &entry(10_000 + n), &env).unwrap();
    }
    batch.commit().unwrap();
    let hits = f.index.search("comm", None, 100).unwrap();
    assert_eq!(hits.len(), 100);
    assert!(hits.windows(2).all(|w| w[0].date >= w[1].date));
    assert_eq!(hits[0].date, 1_700_000_999);
    let small = f.index.search("comm", Some("Small"), 10).unwrap();
    let dates: Vec<i64> = small.iter().map(|r| r.date).collect();
    assert_eq!(dates, [1_600_000_002, 1_600_000_001, 1_600_000_000]);
    assert_eq!(
        f.index.search("comm", Some("Big"), 5000).unwrap().len(),
        2500
    );
    assert!(f
        .index
        .search("comm", Some("Nowhere"), 5)
        .unwrap()
        .is_empty());
}

#[test]
fn deep_pages_match_sql_and_follow_changes_from_any_connection() {
    let mut f = fixture();
    let entry = |n: u32| MaildirEntry {
        subdir: Subdir::Cur,
        file_name: format!("k{n}:2,S"),
        uid: Some(n),
        flags: Flags::new("S"),
    };
    let mut batch = f.index.batch().unwrap();
    for n in 0..3000u32 {
        let bytes = format!("Subject: s{}\r\nFrom: p{}@x\r\n\r\nb", n % 37, n % 11);
        let mut env = envelope::parse(bytes.as_bytes(), 0);
        env.date = 1_700_000_000 + i64::from((n * 7919) % 2000);
        batch.upsert("INBOX", &entry(n), &env).unwrap();
    }
    batch.commit().unwrap();
    let ids = |rows: Vec<EnvelopeRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
    for key in [SortKey::Date, SortKey::From, SortKey::Subject] {
        for descending in [true, false] {
            let sort = Sort { key, descending };
            let all = ids(f.index.page("INBOX", sort, 0, 10_000).unwrap());
            assert_eq!(all.len(), 3000);
            // The keys a merged list orders by give the folder's own order.
            let mut keyed = f.index.keyed_ids("INBOX", key).unwrap();
            keyed.sort();
            if descending {
                keyed.reverse();
            }
            let by_key: Vec<_> = keyed.into_iter().map(|(_, _, id)| id).collect();
            assert_eq!(by_key, all, "keyed_ids {sort:?}");
            for offset in [2000, 2500, 2990, 3000, 5000] {
                let page = ids(f.index.page("INBOX", sort, offset, 20).unwrap());
                let want: Vec<_> = all.iter().skip(offset as usize).take(20).copied().collect();
                assert_eq!(page, want, "{sort:?} at {offset}");
                assert_eq!(
                    page,
                    ids(f.index.page_direct("INBOX", sort, offset, 20).unwrap())
                );
            }
        }
    }
    let sort = Sort::default();
    // Twice: the second deep page of a list fills the in-memory order.
    ids(f.index.page("INBOX", sort, 2990, 20).unwrap());
    let before = ids(f.index.page("INBOX", sort, 2990, 20).unwrap());
    assert!(f.index.order_cache.borrow().as_ref().unwrap().has_ids());
    // A change on this connection: the first of the page goes, the rest move up.
    f.index.remove(before[0]).unwrap();
    let after = ids(f.index.page("INBOX", sort, 2990, 20).unwrap());
    assert_eq!(after, before[1..]);
    ids(f.index.page("INBOX", sort, 2990, 20).unwrap());
    assert!(f.index.order_cache.borrow().as_ref().unwrap().has_ids());
    // A change from another connection (the sync in another process, say).
    let mut other = Index::open(f.index.path()).unwrap();
    let mut env = envelope::parse(b"Subject: oldest\r\n\r\nb", 0);
    env.date = 1;
    let oldest = other.upsert("INBOX", &entry(99_999), &env).unwrap();
    let last = ids(f.index.page("INBOX", sort, 2999, 20).unwrap());
    assert_eq!(last, [oldest]);
}

#[test]
fn two_connections_writing_at_once_both_succeed() {
    let mut f = fixture();
    f.add("INBOX", b"Subject: on disk\r\n\r\nx", "S");
    let path = f.index.path().to_path_buf();
    let root = f.root.clone();
    // One connection rescans (reads first, then writes), the other inserts batches.
    let scanner = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut index = Index::open(&path).unwrap();
            for _ in 0..40 {
                index.reindex(&root).unwrap();
            }
        })
    };
    let writer = std::thread::spawn(move || {
        let mut index = Index::open(&path).unwrap();
        for round in 0..40u32 {
            let mut batch = index.batch().unwrap();
            for n in 0..10u32 {
                let key = round * 100 + n;
                let entry = MaildirEntry {
                    subdir: Subdir::Cur,
                    file_name: format!("w{key}:2,"),
                    uid: Some(key),
                    flags: Flags::default(),
                };
                let env = envelope::parse(b"Subject: race\r\n\r\nx", 0);
                batch.upsert("Elsewhere", &entry, &env).unwrap();
            }
            batch.commit().unwrap();
        }
    });
    scanner.join().unwrap();
    writer.join().unwrap();
    assert_eq!(f.index.count("INBOX").unwrap(), 1);
}

#[test]
fn an_index_from_before_an_added_index_gains_it_without_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    let index = Index::open(&path).unwrap();
    index
        .conn
        .execute_batch("DROP INDEX messages_in_new")
        .unwrap();
    drop(index);
    let index = Index::open(&path).unwrap();
    assert!(!index.was_rebuilt());
    let present: bool = index
        .conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'messages_in_new'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(present);
    // And a refresh of new/ alone uses it rather than reading the folder's rows.
    let plan: String = index
        .conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT file_name, id FROM messages WHERE folder_id = 1 AND in_cur = 0",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("messages_in_new"), "{plan}");
}
