//! The local store end to end on real files: Maildirs written as other tools would,
//! malformed mail, the index kept in line by hand edits, moves, flags, reopen.

use std::fs;
use std::path::Path;

use pillarbox::mail::account::{AccountId, Protocol};
use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::folder::maildir_path;
use pillarbox::mail::store::{
    Flags, MailStore, Maildir, MessageId, NewMessage, Sort, SortKey, Subdir,
};

fn account() -> AccountId {
    AccountId("alice@btinternet.com".into())
}

/// A realistic message; `n` makes each one distinct and dated a minute apart.
fn generated(n: u32) -> Vec<u8> {
    let day = 1 + n / 1440;
    let hour = (n / 60) % 24;
    let minute = n % 60;
    let topic = ["invoice", "holiday", "meeting", "newsletter", "parcel"][n as usize % 5];
    format!(
        "From: Sender {n} <sender{n}@example.org>\r\nTo: alice@btinternet.com\r\n\
         Subject: About the {topic} number {n}\r\n\
         Date: {day:02} Jan 2026 {hour:02}:{minute:02}:00 +0000\r\n\
         Message-ID: <gen{n}@example.org>\r\n\r\n\
         Hello Alice,\r\nthis is message {n} about the {topic}.\r\nword{n}\r\n"
    )
    .into_bytes()
}

fn malformed() -> Vec<Vec<u8>> {
    vec![
        b"".to_vec(),
        b"no headers at all, just text".to_vec(),
        b"Subject: =?UTF-8?B?broken base64?=\r\nFrom: <<<>>>\r\n\r\nbody".to_vec(),
        b"Subject: caf\xe9 8-bit\r\nDate: 99 Foo 2026\r\n\r\n\xff\xfe\x00body".to_vec(),
        b"Content-Type: multipart/mixed; boundary=x\r\nSubject: open multipart\r\n\r\n--x\r\n\
          Content-Type: text/plain\r\n\r\nnever closed"
            .to_vec(),
        {
            let mut v = b"Subject: long line\r\n\r\n".to_vec();
            v.extend(std::iter::repeat_n(b'z', 1_000_000));
            v
        },
    ]
}

fn subjects(rows: &[pillarbox::mail::store::EnvelopeRow]) -> Vec<String> {
    rows.iter().map(|r| r.subject.clone()).collect()
}

fn count_files(dir: &Path) -> usize {
    ["cur", "new"]
        .iter()
        .map(|s| fs::read_dir(dir.join(s)).unwrap().count())
        .sum()
}

#[test]
fn store_lists_searches_and_reindexes_a_hand_built_maildir() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let root = paths.mail_root(&account());
    // Written straight into the Maildir, as mbsync or a previous run would have.
    let inbox = Maildir::open(maildir_path(&root, "INBOX")).unwrap();
    for n in 0..300 {
        let flags = if n % 3 == 0 { "S" } else { "" };
        inbox
            .deliver(&generated(n), Subdir::Cur, Some(n + 1), &Flags::new(flags))
            .unwrap();
    }
    for bytes in malformed() {
        inbox
            .deliver(&bytes, Subdir::New, None, &Flags::default())
            .unwrap();
    }
    let archive = Maildir::open(maildir_path(&root, "Archive/2024")).unwrap();
    archive
        .deliver(&generated(5000), Subdir::Cur, None, &Flags::new("S"))
        .unwrap();

    // A fresh index is built from the Maildirs on open.
    let mut store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(store.count("INBOX").unwrap(), 306);
    assert_eq!(store.unread_count("INBOX").unwrap(), 306 - 100);
    assert_eq!(store.count("Archive/2024").unwrap(), 1);
    let folders: Vec<String> = store
        .folders()
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(folders, ["INBOX", "Archive/2024"]);

    // The malformed ones have no usable Date: dated by file mtime (now), so they lead.
    let first = store.list("INBOX", Sort::default(), 6, 3).unwrap();
    assert_eq!(
        subjects(&first),
        [
            "About the parcel number 299",
            "About the newsletter number 298",
            "About the meeting number 297"
        ]
    );
    assert_eq!(first[0].from.address, "sender299@example.org");
    assert_eq!(first[0].uid(), Some(300));
    let all = store.list("INBOX", Sort::default(), 0, 1000).unwrap();
    assert_eq!(all.len(), 306);
    // Malformed mail is listed, not dropped.
    assert!(all.iter().any(|r| r.subject == "open multipart"));
    assert!(all.iter().any(|r| r.subject == "long line"));
    assert!(all.iter().filter(|r| r.subject.is_empty()).count() >= 2);
    let by_subject = store
        .list(
            "INBOX",
            Sort {
                key: SortKey::Subject,
                descending: false,
            },
            0,
            1000,
        )
        .unwrap();
    let keys: Vec<String> = by_subject
        .iter()
        .map(|r| r.subject.to_lowercase())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);

    // Search as you type narrows down.
    let typed: Vec<usize> = ["w", "wo", "wor", "word", "word12", "word123"]
        .iter()
        .map(|q| store.search(q, Some("INBOX"), 1000).unwrap().len())
        .collect();
    assert_eq!(typed, [300, 300, 300, 300, 11, 1]);
    assert_eq!(store.search("holiday", None, 1000).unwrap().len(), 60);
    assert_eq!(
        store.search("never closed", None, 10).unwrap()[0].subject,
        "open multipart"
    );

    // Raw bytes come back exactly.
    let id = first[0].id;
    assert_eq!(store.read_raw(id).unwrap(), generated(299));

    // Hand edits: another tool deletes a file, flags one, adds one.
    let victim = &all[5];
    fs::remove_file(store.path_of(victim)).unwrap();
    let flagged = &all[6];
    let flagged_entry = inbox.set_flags(&flagged.entry, &Flags::new("FS")).unwrap();
    inbox
        .deliver(
            b"Subject: dropped in by hand\r\n\r\nhi",
            Subdir::New,
            None,
            &Flags::default(),
        )
        .unwrap();
    let report = store.reindex().unwrap();
    assert_eq!((report.added, report.updated, report.removed), (1, 1, 1));
    assert!(store.get(victim.id).is_err());
    assert_eq!(store.get(flagged.id).unwrap().entry, flagged_entry);
    assert_eq!(store.count("INBOX").unwrap(), 306);
    assert_eq!(store.search("dropped", None, 5).unwrap().len(), 1);
}

#[test]
fn add_flags_move_remove_keep_files_and_index_in_step() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut store = MailStore::open_for(&paths, &account(), Protocol::Pop3).unwrap();
    let root = paths.mail_root(&account());
    for name in ["INBOX", "Sent", "Drafts", "Trash"] {
        assert!(root.join(name).join("cur").is_dir(), "{name}");
    }
    let id = store
        .add(
            "INBOX",
            NewMessage::Bytes(&generated(1)),
            Some(9),
            &Flags::default(),
        )
        .unwrap();
    let row = store.get(id).unwrap();
    assert_eq!(row.entry.subdir, Subdir::New);
    assert!(store.path_of(&row).is_file());
    assert_eq!(store.unread_count("INBOX").unwrap(), 1);

    let row = store.set_flags(id, &Flags::new("S")).unwrap();
    assert_eq!(row.entry.subdir, Subdir::Cur);
    assert!(row.entry.file_name.ends_with(":2,S"));
    assert!(store.path_of(&row).is_file());
    assert_eq!(store.unread_count("INBOX").unwrap(), 0);

    let moved = store.move_to(id, "Trash").unwrap();
    assert_eq!(moved.id, id);
    assert_eq!(moved.folder, "Trash");
    assert_eq!(moved.flags().as_str(), "S");
    assert_eq!(moved.uid(), None);
    assert_eq!(count_files(&root.join("INBOX")), 0);
    assert_eq!(count_files(&root.join("Trash")), 1);
    assert_eq!(store.read_raw(id).unwrap(), generated(1));
    assert_eq!(store.search("holiday", Some("Trash"), 5).unwrap()[0].id, id);

    // A message a sync already streamed into the Maildir.
    let inbox = store.maildir("INBOX").unwrap();
    let entry = inbox
        .deliver(&generated(2), Subdir::Cur, Some(10), &Flags::new("S"))
        .unwrap();
    let id2 = store
        .add(
            "INBOX",
            NewMessage::Committed(&entry),
            None,
            &Flags::default(),
        )
        .unwrap();
    assert_eq!(store.get(id2).unwrap().uid(), Some(10));

    store.remove(id).unwrap();
    assert_eq!(count_files(&root.join("Trash")), 0);
    assert!(store.get(id).is_err());

    // Ids survive a reopen; a lost index is rebuilt from the Maildirs.
    drop(store);
    let store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(
        store.get(id2).unwrap().subject,
        "About the meeting number 2"
    );
    drop(store);
    fs::remove_file(paths.state_dir(&account()).join("index.sqlite")).unwrap();
    let store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(store.count("INBOX").unwrap(), 1);
    assert_eq!(
        store.list("INBOX", Sort::default(), 0, 5).unwrap()[0].uid(),
        Some(10)
    );
}

#[test]
fn a_file_written_without_its_index_row_is_found_on_next_open() {
    // The crash window: the Maildir write is durable, the app dies before the index
    // row. Nothing is lost: the next open's refresh picks the file up.
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let store = MailStore::open(&paths, &account()).unwrap();
    store
        .maildir("INBOX")
        .unwrap()
        .deliver(&generated(7), Subdir::New, Some(7), &Flags::default())
        .unwrap();
    assert_eq!(store.count("INBOX").unwrap(), 0);
    drop(store);
    let store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(
        store.list("INBOX", Sort::default(), 0, 1).unwrap()[0].uid(),
        Some(7)
    );
}

#[test]
fn nested_and_awkward_folder_names_round_trip_on_disk() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut store = MailStore::open(&paths, &account()).unwrap();
    for name in [
        "Archive/2024",
        "Clients/A:B?",
        "cur",
        ".dot",
        "Cyfarfodydd/\u{2764}",
    ] {
        store
            .add(
                name,
                NewMessage::Bytes(&generated(3)),
                None,
                &Flags::new("S"),
            )
            .unwrap();
    }
    let root = paths.mail_root(&account());
    assert!(root.join("Clients/A%3AB%3F/cur").is_dir());
    assert!(root.join("%63ur/cur").is_dir());
    drop(store);
    fs::remove_file(paths.state_dir(&account()).join("index.sqlite")).unwrap();
    let store = MailStore::open(&paths, &account()).unwrap();
    let mut names: Vec<String> = store
        .folders()
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".dot",
            "Archive/2024",
            "Clients/A:B?",
            "Cyfarfodydd/\u{2764}",
            "INBOX",
            "cur"
        ]
    );
    assert_eq!(store.count("Clients/A:B?").unwrap(), 1);
}

mod cli {
    use super::*;
    use std::process::{Command, Output};

    fn run(home: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pillarbox"))
            .args(["--lang", "en-GB"])
            .args(args)
            .env("PILLARBOX_HOME", home)
            .output()
            .unwrap()
    }

    fn stdout(o: &Output) -> String {
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn stderr(o: &Output) -> String {
        String::from_utf8_lossy(&o.stderr).into_owned()
    }

    #[test]
    fn list_show_reindex_from_the_command_line() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::under(home.path());
        let none = run(home.path(), &["list"]);
        assert_eq!(none.status.code(), Some(1));
        assert!(
            stderr(&none).contains("There is no local mail yet."),
            "{}",
            stderr(&none)
        );

        let root = paths.mail_root(&account());
        let inbox = Maildir::open(maildir_path(&root, "INBOX")).unwrap();
        for n in 0..5 {
            inbox
                .deliver(&generated(n), Subdir::Cur, Some(n + 1), &Flags::new("S"))
                .unwrap();
        }
        let odd = b"Subject: caf\xe9\r\n\r\n\x00\xffbinary-ish body\r\n".to_vec();
        inbox
            .deliver(&odd, Subdir::New, None, &Flags::default())
            .unwrap();

        let list = run(home.path(), &["list", "--limit", "3", "--sort", "subject"]);
        assert!(list.status.success(), "{}", stderr(&list));
        let out = stdout(&list);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].contains("Subject"), "{out}");
        assert!(lines[1].contains("About the holiday number 1"), "{out}");
        assert!(lines[3].contains("About the meeting number 2"), "{out}");
        assert!(
            out.contains("Showing 3 of 6 messages in INBOX (1 unread)."),
            "{out}"
        );

        let json = run(home.path(), &["list", "--json", "--search", "parcel"]);
        let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["subject"], "About the parcel number 4");
        assert_eq!(rows[0]["from"]["address"], "sender4@example.org");
        assert_eq!(rows[0]["uid"], 5);
        assert_eq!(rows[0]["date_utc"], "2026-01-01T00:04:00Z");
        let id = rows[0]["id"].as_i64().unwrap().to_string();

        let show = run(home.path(), &["show", &id]);
        let out = stdout(&show);
        assert!(
            out.starts_with("From: Sender 4 <sender4@example.org>\n"),
            "{out}"
        );
        assert!(
            out.contains("Subject: About the parcel number 4\n"),
            "{out}"
        );
        assert!(out.contains("this is message 4 about the parcel."), "{out}");

        // --raw gives the stored bytes exactly, even non-UTF-8 ones.
        let store = MailStore::open(&paths, &account()).unwrap();
        let odd_id = store.search("binary", None, 1).unwrap()[0].id;
        drop(store);
        let raw = run(home.path(), &["show", &odd_id.to_string(), "--raw"]);
        assert_eq!(raw.stdout, odd);

        let missing = run(home.path(), &["show", "999999"]);
        assert_eq!(missing.status.code(), Some(1));
        assert!(stderr(&missing).contains("There is no message with id 999999."));

        let welsh = Command::new(env!("CARGO_BIN_EXE_pillarbox"))
            .args(["--lang", "cy", "list", "--folders"])
            .env("PILLARBOX_HOME", home.path())
            .output()
            .unwrap();
        assert_eq!(stdout(&welsh).trim(), "INBOX: 6 neges, 1 heb eu darllen");

        fs::remove_file(
            fs::read_dir(maildir_path(&root, "INBOX").join("cur"))
                .unwrap()
                .next()
                .unwrap()
                .unwrap()
                .path(),
        )
        .unwrap();
        let reindex = run(home.path(), &["reindex"]);
        assert!(reindex.status.success());
        assert_eq!(
            stdout(&reindex).trim(),
            "Index of alice@btinternet.com updated: 1 folder; 0 added, 0 changed, 1 removed, 5 unchanged."
        );
        let other = run(home.path(), &["list", "--account", "nobody@btinternet.com"]);
        assert_eq!(other.status.code(), Some(1));
        assert!(stderr(&other).contains("alice@btinternet.com"));
    }
}

/// Set in the child process of the kill test: the home folder to write into.
const CHILD_ENV: &str = "PILLARBOX_STORE_KILL_CHILD";

#[test]
fn killed_while_storing_loses_nothing_and_leaves_no_orphans() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    if let Ok(home) = std::env::var(CHILD_ENV) {
        // The child: store messages as fast as possible, acknowledging each one only
        // after `add` returned, until killed.
        let paths = Paths::under(Path::new(&home));
        let mut store = MailStore::open(&paths, &account()).unwrap();
        let from: u32 = std::env::var("PILLARBOX_STORE_KILL_FROM")
            .unwrap()
            .parse()
            .unwrap();
        for n in from.. {
            let id = store
                .add(
                    "INBOX",
                    NewMessage::Bytes(&generated(n)),
                    Some(n + 1),
                    &Flags::default(),
                )
                .unwrap();
            println!("stored {n} {id}");
        }
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let mut acknowledged = Vec::new();
    // Several rounds into the same store, each killed at a different point, each
    // starting from what the last one left.
    for round in 0..5 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "store::killed_while_storing_loses_nothing_and_leaves_no_orphans",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, home.path())
            .env("PILLARBOX_STORE_KILL_FROM", (round * 1000).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut this_round = 0;
        while this_round < 20 + round * 17 {
            let line = lines.next().expect("child ended early").unwrap();
            if let Some(rest) = line.strip_prefix("stored ") {
                let (n, id) = rest.split_once(' ').unwrap();
                acknowledged.push((n.parse::<u32>().unwrap(), id.parse::<i64>().unwrap()));
                this_round += 1;
            }
        }
        child.kill().unwrap(); // SIGKILL: no destructor, no flush, maybe mid-write.
        child.wait().unwrap();
    }

    let paths = Paths::under(home.path());
    let store = MailStore::open(&paths, &account()).unwrap();
    for (n, id) in &acknowledged {
        let row = store.get(*id).unwrap();
        assert_eq!(row.uid(), Some(n + 1));
        assert_eq!(store.read_raw(*id).unwrap(), generated(*n));
    }
    // Every committed file has a row and every row a file, whatever the kill hit.
    let inbox = paths.mail_root(&account()).join("INBOX");
    let files = count_files(&inbox);
    assert!(files >= acknowledged.len());
    assert_eq!(store.count("INBOX").unwrap(), files as u64);
    for row in store.list("INBOX", Sort::default(), 0, 100_000).unwrap() {
        assert!(store.path_of(&row).is_file());
        let n = row.uid().unwrap() - 1;
        assert_eq!(
            store.read_raw(row.id).unwrap(),
            generated(n),
            "a torn message"
        );
    }
}

/// Directory mtimes can be coarse (a kernel tick): wait one out so a change shows.
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(20));
}

/// Generated message `n` into the Inbox through the store, as the app writes mail.
fn add_to_inbox(store: &mut MailStore, n: u32, flags: &str) -> MessageId {
    store
        .add(
            "INBOX",
            NewMessage::Bytes(&generated(n)),
            None,
            &Flags::new(flags),
        )
        .unwrap()
}

/// As procmail or mutt would: generated message `n` straight into the Inbox's new/, no
/// index involved. Returns the Inbox's Maildir.
fn drop_into_new(paths: &Paths, n: u32) -> std::path::PathBuf {
    let inbox = maildir_path(&paths.mail_root(&account()), "INBOX");
    fs::write(
        inbox.join("new").join("1764000000.foreign.host"),
        generated(n),
    )
    .unwrap();
    inbox
}

#[test]
fn the_stores_own_writes_leave_nothing_to_rescan_on_open() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut store = MailStore::open(&paths, &account()).unwrap();
    let first = store
        .add(
            "INBOX",
            NewMessage::Bytes(&generated(0)),
            Some(1),
            &Flags::default(),
        )
        .unwrap();
    store.maildir("Archive").unwrap();
    drop(store);
    // New folders are read once, as anything the index has never compared.
    let store = MailStore::open(&paths, &account()).unwrap();
    assert!(store.opened_report().scanned >= 1);
    drop(store);

    let mut store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(store.opened_report().scanned, 0);
    let mut ids = vec![first];
    for n in 1..=20 {
        tick();
        let flags = if n % 2 == 0 {
            Flags::new("S")
        } else {
            Flags::default()
        };
        ids.push(
            store
                .add(
                    "INBOX",
                    NewMessage::Bytes(&generated(n)),
                    Some(n + 1),
                    &flags,
                )
                .unwrap(),
        );
    }
    tick();
    store.set_flags(ids[1], &Flags::new("SF")).unwrap();
    tick();
    store.move_to(ids[2], "Archive").unwrap();
    tick();
    store.remove(ids[3]).unwrap();
    drop(store);

    let store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(
        (store.opened_report().folders, store.opened_report().scanned),
        (2, 0),
        "our own writes made the open read a folder"
    );
    assert_eq!(store.count("INBOX").unwrap(), 19);
    assert_eq!(store.count("Archive").unwrap(), 1);
}

#[test]
fn a_file_another_tool_drops_into_new_is_indexed_on_open() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut store = MailStore::open(&paths, &account()).unwrap();
    // Read mail: its file goes to cur/.
    add_to_inbox(&mut store, 1, "S");
    drop(store);
    let store = MailStore::open(&paths, &account()).unwrap();
    drop(store);
    let store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(store.opened_report().scanned, 0);
    drop(store);

    tick();
    let inbox = drop_into_new(&paths, 2);
    let store = MailStore::open(&paths, &account()).unwrap();
    // Only new/ changed: cur/ (where read mail lives, most of a big Inbox) is not listed.
    assert_eq!(
        (
            store.opened_report().scanned,
            store.opened_report().added,
            store.opened_report().unchanged
        ),
        (1, 1, 0)
    );
    assert_eq!(store.count("INBOX").unwrap(), 2);
    assert!(
        subjects(&store.list("INBOX", Sort::default(), 0, 5).unwrap())
            .contains(&"About the meeting number 2".to_string())
    );
    drop(store);

    // mutt flags the read message: renamed within cur/, so cur/ is compared.
    tick();
    let cur = inbox.join("cur");
    let old = fs::read_dir(&cur).unwrap().next().unwrap().unwrap().path();
    let sep = pillarbox::mail::store::maildir::INFO_SEP;
    let renamed = old
        .to_string_lossy()
        .replace(&format!("{sep}S"), &format!("{sep}FS"));
    fs::rename(&old, &renamed).unwrap();
    let store = MailStore::open(&paths, &account()).unwrap();
    let report = store.opened_report();
    assert_eq!((report.scanned, report.updated, report.added), (1, 1, 0));
    let rows = store.list("INBOX", Sort::default(), 0, 5).unwrap();
    assert_eq!(rows.iter().filter(|r| r.flags().contains('F')).count(), 1);
}

#[test]
fn a_foreign_change_before_our_write_is_still_found_on_open() {
    // Another tool renames a file, then the store writes to the same folder: the
    // store's write must not record a stamp that hides the other tool's change.
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut store = MailStore::open(&paths, &account()).unwrap();
    add_to_inbox(&mut store, 1, "");
    drop(store);
    let mut store = MailStore::open(&paths, &account()).unwrap();
    tick();
    drop_into_new(&paths, 2);
    tick();
    add_to_inbox(&mut store, 3, "");
    assert_eq!(store.count("INBOX").unwrap(), 2);
    drop(store);
    let store = MailStore::open(&paths, &account()).unwrap();
    assert_eq!(store.opened_report().scanned, 1);
    assert_eq!(store.count("INBOX").unwrap(), 3);
}
