//! The IMAP sync engine against the lab's real Dovecot: first sync, re-sync after every
//! kind of server change, local changes going up, offline replay, cut and stalled
//! connections, malformed mail, and IDLE.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use pillarbox::mail::account::{Account, Protocol};
use pillarbox::mail::imap::conn::{quote, Conn};
use pillarbox::mail::imap::engine::EngineSettings;
use pillarbox::mail::imap::folders;
use pillarbox::mail::imap::journal::{self, LocalChange, MessageRef};
use pillarbox::mail::imap::state::AccountState;
use pillarbox::mail::imap::{
    sync_account, utf7, ImapError, Progress, SyncEngine, SyncEventKind, SyncOptions, SyncSummary,
};
use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::index::Index;
use pillarbox::mail::store::local::INDEX_FILE;
use pillarbox::mail::store::{Flags, Maildir};
use pillarbox::mail::tls::Timeouts;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::lab::{self, Lab, LabUser};

use async_imap::imap_proto::{AttributeValue, MailboxDatum, NameAttribute, Response};

struct Fixture {
    user: LabUser,
    account: Account,
    paths: Paths,
    _home: tempfile::TempDir,
}

fn fixture(lab: &Lab, prefix: &str) -> Fixture {
    let user = lab.new_user(prefix);
    let account = lab.account(&user, Protocol::Imap);
    let home = tempfile::tempdir().unwrap();
    Fixture {
        paths: Paths::under(home.path()),
        user,
        account,
        _home: home,
    }
}

impl Fixture {
    async fn connect(&self) -> Conn {
        Conn::connect(&self.account, &self.user.password, &Timeouts::default())
            .await
            .expect("log in to the lab")
    }

    async fn try_sync_with(
        &self,
        account: &Account,
        timeouts: &Timeouts,
    ) -> Result<SyncSummary, ImapError> {
        let mut conn = Conn::connect(account, &self.user.password, timeouts).await?;
        let summary = sync_account(
            &mut conn,
            &self.paths,
            account,
            &SyncOptions::default(),
            &|_| {},
        )
        .await?;
        conn.logout().await;
        Ok(summary)
    }

    async fn sync(&self) -> SyncSummary {
        self.try_sync_with(&self.account, &Timeouts::default())
            .await
            .expect("sync")
    }

    fn apply(&self, folder: &str, uid: u32, change: LocalChange) {
        let message = MessageRef {
            folder: folder.into(),
            uid,
        };
        journal::apply(&self.paths, &self.account, &message, &change).expect("local change");
    }
}

type FolderMap = BTreeMap<String, BTreeMap<u32, (Flags, Vec<u8>)>>;

/// Every selectable folder on the server with each message's Maildir flags and bytes.
async fn server_state(conn: &mut Conn) -> FolderMap {
    let mut names = Vec::new();
    conn.run("LIST \"\" \"*\"", "list", |r| {
        if let Response::MailboxData(MailboxDatum::List(data)) = r {
            if !data
                .name_attributes
                .iter()
                .any(|a| matches!(a, NameAttribute::NoSelect))
            {
                names.push(data.name.to_string());
            }
        }
    })
    .await
    .unwrap();
    let mut out = FolderMap::new();
    for name in names {
        conn.run(&format!("EXAMINE {}", quote(&name)), "examine", |_| {})
            .await
            .unwrap();
        let mut messages = BTreeMap::new();
        conn.run("UID FETCH 1:* (UID FLAGS BODY.PEEK[])", "fetch", |r| {
            if let Response::Fetch(_, attributes) = r {
                let (mut uid, mut flags, mut body) = (0, Flags::default(), Vec::new());
                for a in attributes {
                    match a {
                        AttributeValue::Uid(u) => uid = *u,
                        AttributeValue::Flags(f) => {
                            flags = pillarbox::mail::imap::sync::maildir_flags(
                                f.iter().map(|x| x.as_ref()),
                            )
                        }
                        AttributeValue::BodySection { data, .. } => {
                            body = data.as_deref().unwrap_or_default().to_vec()
                        }
                        _ => {}
                    }
                }
                messages.insert(uid, (flags, body));
            }
        })
        .await
        .unwrap();
        out.insert(utf7::decode(&name), messages);
    }
    out
}

/// The cache, read from disk: by folder, UID -> flags and bytes. Fails on a file without
/// a UID or on two files with the same UID.
fn local_state(paths: &Paths, account: &Account) -> FolderMap {
    let state = AccountState::load(&paths.state_dir(&account.id()));
    let root = paths.mail_root(&account.id());
    let mut out = FolderMap::new();
    for folder in state.folders.values() {
        let maildir = Maildir::open(folders::maildir_path(&root, &folder.local)).unwrap();
        let mut messages = BTreeMap::new();
        for entry in maildir.list().unwrap() {
            let uid = entry.uid.unwrap_or_else(|| {
                panic!(
                    "{}: a cached file without UID: {}",
                    folder.display, entry.file_name
                )
            });
            let bytes = maildir.read(&entry).unwrap();
            let old = messages.insert(uid, (entry.flags.clone(), bytes));
            assert!(old.is_none(), "{}: UID {uid} cached twice", folder.display);
        }
        out.insert(folder.display.clone(), messages);
    }
    out
}

/// The envelope index agrees with the cache: same UIDs and flags per folder. Opened
/// without the store's refresh-on-open, so it shows what the sync itself recorded.
fn assert_index_matches_cache(f: &Fixture) {
    let state_dir = f.paths.state_dir(&f.account.id());
    let state = AccountState::load(&state_dir);
    let index = Index::open(&state_dir.join(INDEX_FILE)).unwrap();
    let local = local_state(&f.paths, &f.account);
    for folder in state.folders.values() {
        let indexed: BTreeMap<u32, Flags> = index
            .uid_map(&folder.local)
            .unwrap()
            .into_iter()
            .map(|(uid, _, flags)| (uid, flags))
            .collect();
        let cached: BTreeMap<u32, Flags> = local[&folder.display]
            .iter()
            .map(|(uid, (flags, _))| (*uid, flags.clone()))
            .collect();
        assert_eq!(
            indexed, cached,
            "{}: index differs from the cache",
            folder.display
        );
        assert_eq!(
            index.count(&folder.local).unwrap() as usize,
            cached.len(),
            "{}: index has extra rows",
            folder.display
        );
    }
}

/// Cache == server: same folders, same UIDs, same flags, byte-identical messages; and
/// the index == cache.
async fn assert_in_sync(f: &Fixture) {
    assert_index_matches_cache(f);
    // The sync recorded the stamps of what it wrote: opening the store lists no folder
    // with messages again (a never-written, empty one may still be looked at).
    let store = pillarbox::mail::store::MailStore::open(&f.paths, &f.account.id()).unwrap();
    let opened = store.opened_report();
    assert_eq!(
        (
            opened.unchanged,
            opened.added,
            opened.updated,
            opened.removed
        ),
        (0, 0, 0, 0),
        "opening after the sync re-read its folders: {opened:?}"
    );
    drop(store);
    let mut conn = f.connect().await;
    let server = server_state(&mut conn).await;
    conn.logout().await;
    let local = local_state(&f.paths, &f.account);
    assert_eq!(
        server.keys().collect::<Vec<_>>(),
        local.keys().collect::<Vec<_>>(),
        "folders differ"
    );
    for (folder, messages) in &server {
        let cached = &local[folder];
        assert_eq!(
            messages.keys().collect::<Vec<_>>(),
            cached.keys().collect::<Vec<_>>(),
            "{folder}: UIDs differ"
        );
        for (uid, (flags, bytes)) in messages {
            let (local_flags, local_bytes) = &cached[uid];
            assert_eq!(flags, local_flags, "{folder} UID {uid}: flags differ");
            assert!(
                bytes == local_bytes,
                "{folder} UID {uid}: bytes differ ({} vs {})",
                bytes.len(),
                local_bytes.len()
            );
        }
    }
}

fn message(n: usize, subject: &str) -> Vec<u8> {
    format!(
        "From: Ann <ann@btinternet.com>\r\nTo: Bob <bob@btopenworld.com>\r\nSubject: {subject}\r\n\
         Message-ID: <{n}.{subject}@lab>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nBody {n} of {subject}.\r\n"
    )
    .into_bytes()
}

async fn create(conn: &mut Conn, name: &str) {
    conn.run(
        &format!("CREATE {}", quote(&utf7::encode(name))),
        "create",
        |_| {},
    )
    .await
    .unwrap();
}

async fn append(conn: &mut Conn, folder: &str, flags: &[&str], bytes: &[u8]) -> u32 {
    conn.append(&utf7::encode(folder), flags, bytes)
        .await
        .unwrap()
        .expect("Dovecot answers APPENDUID")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_sync_is_byte_identical_with_folders_and_flags() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-first");
    let inbox: Vec<Vec<u8>> = (0..20).map(|n| message(n, "inbox")).collect();
    let refs: Vec<&[u8]> = inbox.iter().map(|m| m.as_slice()).collect();
    lab.seed(&f.user, "INBOX", &refs);
    let mut conn = f.connect().await;
    for folder in ["Entwürfe", "Gwaith ŵŷ & 台北", "Archive", "Trash"] {
        create(&mut conn, folder).await;
        for n in 0..3 {
            append(&mut conn, folder, &["\\Seen"], &message(n, "folder")).await;
        }
    }
    append(
        &mut conn,
        "Archive",
        &["\\Flagged", "\\Answered"],
        &message(9, "flagged"),
    )
    .await;
    conn.run("SELECT INBOX", "select", |_| {}).await.unwrap();
    conn.run("UID STORE 1:5 +FLAGS (\\Seen)", "store", |_| {})
        .await
        .unwrap();
    conn.run("UID STORE 2 +FLAGS (\\Flagged $Forwarded)", "store", |_| {})
        .await
        .unwrap();
    conn.logout().await;

    let seen = std::sync::Mutex::new(Vec::new());
    let report = |p: Progress| seen.lock().unwrap().push(p);
    let mut conn = f.connect().await;
    let summary = sync_account(
        &mut conn,
        &f.paths,
        &f.account,
        &SyncOptions::default(),
        &report,
    )
    .await
    .unwrap();
    conn.logout().await;
    assert_eq!(summary.added(), 20 + 4 * 3 + 1);
    let seen = seen.into_inner().unwrap();
    assert!(seen.contains(&Progress::FolderDone(summary.folders[0].clone())));
    let last_inbox = seen.iter().rev().find_map(|p| match p {
        Progress::Fetching {
            folder,
            done,
            total,
            bytes,
            ..
        } if folder == "INBOX" => Some((*done, *total, *bytes)),
        _ => None,
    });
    assert_eq!(last_inbox.map(|(d, t, _)| (d, t)), Some((20, 20)));
    assert_eq!(last_inbox.unwrap().2, summary.folders[0].bytes);
    assert!(summary
        .folders_added
        .contains(&"Gwaith ŵŷ & 台北".to_string()));
    assert_in_sync(&f).await;
    let local = local_state(&f.paths, &f.account);
    assert_eq!(local["INBOX"][&2].0.as_str(), "FPS");
    assert_eq!(local["Archive"][&4].0.as_str(), "FR");

    // A second sync with no change fetches nothing, selects nothing and writes nothing.
    let state_file = f.paths.state_dir(&f.account.id()).join("imap-state.json");
    let written = std::fs::metadata(&state_file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = f.sync().await;
    assert_eq!(again.added(), 0);
    assert!(again.folders.iter().all(|f| f.unchanged), "{again:?}");
    let after = std::fs::metadata(&state_file).unwrap().modified().unwrap();
    assert_eq!(after, written, "a no-change re-sync rewrote the sync state");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resync_follows_every_server_change() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-resync");
    let mut conn = f.connect().await;
    for folder in ["Old name", "Doomed", "Reset", "Parent", "Parent/Child"] {
        create(&mut conn, folder).await;
        append(&mut conn, folder, &[], &message(1, folder)).await;
    }
    for n in 0..10 {
        append(&mut conn, "INBOX", &[], &message(n, "inbox")).await;
    }
    f.sync().await;
    assert_in_sync(&f).await;
    let reset_validity =
        AccountState::load(&f.paths.state_dir(&f.account.id())).folders["Reset"].uidvalidity;

    // New mail, flag changes, expunges, and folder renamed, deleted, created, recreated.
    append(&mut conn, "INBOX", &["\\Flagged"], &message(100, "new")).await;
    lab.seed(&f.user, "INBOX", &[&message(101, "seeded")]);
    conn.run("SELECT INBOX", "select", |_| {}).await.unwrap();
    conn.run("UID STORE 1 +FLAGS (\\Seen)", "store", |_| {})
        .await
        .unwrap();
    conn.run("UID STORE 2 -FLAGS (\\Seen)", "store", |_| {})
        .await
        .unwrap();
    conn.run("UID STORE 3,4 +FLAGS (\\Deleted)", "store", |_| {})
        .await
        .unwrap();
    conn.run("EXPUNGE", "expunge", |_| {}).await.unwrap();
    conn.run("CLOSE", "close", |_| {}).await.unwrap();
    conn.run("RENAME \"Old name\" \"New name\"", "rename", |_| {})
        .await
        .unwrap();
    conn.run("RENAME \"Parent\" \"Moved\"", "rename", |_| {})
        .await
        .unwrap();
    conn.run("DELETE \"Doomed\"", "delete", |_| {})
        .await
        .unwrap();
    create(&mut conn, "Brand new").await;
    append(&mut conn, "Brand new", &["\\Seen"], &message(1, "brand")).await;
    conn.run("DELETE \"Reset\"", "delete", |_| {})
        .await
        .unwrap();
    // UIDVALIDITY is time-based in Dovecot: let a second pass so the new one differs.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    create(&mut conn, "Reset").await;
    append(&mut conn, "Reset", &[], &message(2, "other")).await;
    append(&mut conn, "Reset", &[], &message(3, "other")).await;
    conn.logout().await;

    let summary = f.sync().await;
    let mut renamed = summary.folders_renamed.clone();
    renamed.sort();
    assert_eq!(
        renamed,
        vec![
            ("Old name".into(), "New name".into()),
            ("Parent".into(), "Moved".into()),
            ("Parent/Child".into(), "Moved/Child".into()),
        ]
    );
    let summary_folder = |name: &str| summary.folders.iter().find(|x| x.folder == name).cloned();
    assert_eq!(summary_folder("Moved/Child").map(|x| x.added), Some(0));
    assert_eq!(summary.folders_removed, vec!["Doomed".to_string()]);
    assert_eq!(summary.folders_added, vec!["Brand new".to_string()]);
    let inbox = summary
        .folders
        .iter()
        .find(|x| x.folder == "INBOX")
        .unwrap();
    assert_eq!((inbox.added, inbox.removed), (2, 2));
    assert!(inbox.flags_changed >= 1, "{inbox:?}");
    let reset = summary
        .folders
        .iter()
        .find(|x| x.folder == "Reset")
        .unwrap();
    assert!(reset.reset, "UIDVALIDITY change not noticed: {reset:?}");
    assert_ne!(
        AccountState::load(&f.paths.state_dir(&f.account.id())).folders["Reset"].uidvalidity,
        reset_validity
    );
    assert!(!folders::maildir_path(&f.paths.mail_root(&f.account.id()), "Doomed").exists());
    assert_in_sync(&f).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uidvalidity_reset_by_losing_the_uidlist_refetches_the_folder() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-uidlist");
    lab.seed(&f.user, "INBOX", &[&message(1, "a"), &message(2, "b")]);
    f.sync().await;
    let before =
        AccountState::load(&f.paths.state_dir(&f.account.id())).folders["INBOX"].uidvalidity;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let maildir = lab.server_maildir(&f.user, "INBOX");
    std::fs::remove_file(maildir.join("dovecot-uidlist")).expect("remove dovecot-uidlist");
    for index in ["dovecot.index", "dovecot.index.cache", "dovecot.index.log"] {
        let _ = std::fs::remove_file(maildir.join(index));
    }
    let summary = f.sync().await;
    let after =
        AccountState::load(&f.paths.state_dir(&f.account.id())).folders["INBOX"].uidvalidity;
    assert_ne!(before, after, "Dovecot kept UIDVALIDITY");
    assert!(summary.folders[0].reset, "{summary:?}");
    assert_in_sync(&f).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_flag_move_and_delete_reach_the_server() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-local");
    let mut conn = f.connect().await;
    create(&mut conn, "Archive").await;
    create(&mut conn, "Trash").await;
    for n in 1..=5 {
        append(&mut conn, "INBOX", &[], &message(n, "local")).await;
    }
    conn.logout().await;
    f.sync().await;

    f.apply(
        "INBOX",
        1,
        LocalChange::Flag {
            flag: 'S',
            on: true,
        },
    );
    f.apply(
        "INBOX",
        1,
        LocalChange::Flag {
            flag: 'F',
            on: true,
        },
    );
    f.apply(
        "INBOX",
        2,
        LocalChange::Move {
            to: "Archive".into(),
        },
    );
    f.apply("INBOX", 3, LocalChange::Delete);
    // Applied to the cache at once.
    let root = f.paths.mail_root(&f.account.id());
    let inbox = Maildir::open(folders::maildir_path(&root, "INBOX"))
        .unwrap()
        .list()
        .unwrap();
    assert_eq!(inbox.len(), 3);
    assert_eq!(
        inbox
            .iter()
            .find(|e| e.uid == Some(1))
            .unwrap()
            .flags
            .as_str(),
        "FS"
    );
    let archived = Maildir::open(folders::maildir_path(&root, "Archive"))
        .unwrap()
        .list()
        .unwrap();
    assert_eq!(archived.len(), 1);
    assert_eq!(
        Maildir::open(folders::maildir_path(&root, "Trash"))
            .unwrap()
            .list()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        journal::pending(&f.paths.state_dir(&f.account.id())).len(),
        4
    );
    let index = Index::open(&f.paths.state_dir(&f.account.id()).join(INDEX_FILE)).unwrap();
    assert_eq!(index.count("INBOX").unwrap(), 3);
    assert_eq!(index.count("Archive").unwrap(), 1);
    assert_eq!(index.count("Trash").unwrap(), 1);
    assert_eq!(
        index
            .find_uid("INBOX", 1)
            .unwrap()
            .unwrap()
            .flags()
            .as_str(),
        "FS"
    );
    drop(index);

    let summary = f.sync().await;
    assert_eq!(summary.replayed, 4);
    assert!(journal::pending(&f.paths.state_dir(&f.account.id())).is_empty());
    // The moved copy got its new UID instead of being downloaded again.
    let archive = summary
        .folders
        .iter()
        .find(|x| x.folder == "Archive")
        .unwrap();
    assert_eq!(archive.added, 0, "{archive:?}");
    assert_in_sync(&f).await;
    let mut conn = f.connect().await;
    let server = server_state(&mut conn).await;
    assert_eq!(server["INBOX"][&1].0.as_str(), "FS");
    assert_eq!(server["INBOX"].len(), 3);
    assert_eq!(
        server["Archive"].values().next().unwrap().1,
        message(2, "local")
    );
    assert_eq!(
        server["Trash"].values().next().unwrap().1,
        message(3, "local")
    );
    conn.logout().await;

    // Deleting in the Trash removes it for good.
    let trash_uid = *server["Trash"].keys().next().unwrap();
    f.apply("Trash", trash_uid, LocalChange::Delete);
    f.sync().await;
    assert_in_sync(&f).await;
    let mut conn = f.connect().await;
    assert!(server_state(&mut conn).await["Trash"].is_empty());
    conn.logout().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_changes_are_replayed_when_the_server_returns() {
    let lab = Lab::start_private();
    let f = fixture(&lab, "imap-offline");
    let mut conn = f.connect().await;
    create(&mut conn, "Archive").await;
    for n in 1..=3 {
        append(&mut conn, "INBOX", &[], &message(n, "offline")).await;
    }
    conn.logout().await;
    f.sync().await;

    lab.stop_dovecot();
    f.apply(
        "INBOX",
        1,
        LocalChange::Flag {
            flag: 'S',
            on: true,
        },
    );
    f.apply(
        "INBOX",
        2,
        LocalChange::Move {
            to: "Archive".into(),
        },
    );
    let error = f
        .try_sync_with(&f.account, &Timeouts::all(Duration::from_secs(5)))
        .await
        .expect_err("the server is down");
    assert!(error.is_transient(), "{error}");
    assert!(
        error.to_string().contains(&f.account.incoming.endpoint()),
        "{error}"
    );
    assert_eq!(
        journal::pending(&f.paths.state_dir(&f.account.id())).len(),
        2
    );

    lab.start_dovecot();
    let summary = f.sync().await;
    assert_eq!(summary.replayed, 2);
    assert_in_sync(&f).await;
    let mut conn = f.connect().await;
    let server = server_state(&mut conn).await;
    assert_eq!(server["INBOX"][&1].0.as_str(), "S");
    assert_eq!(server["Archive"].len(), 1);
    conn.logout().await;
}

/// A TCP relay to the lab that, after `limit` bytes from the server, either drops the
/// connection (`stall == false`) or goes silent while keeping it open.
async fn faulty_proxy(upstream: u16, limit: usize, stall: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            tokio::spawn(async move {
                let server = TcpStream::connect(("127.0.0.1", upstream)).await.unwrap();
                let (mut cr, mut cw) = client.into_split();
                let (mut sr, mut sw) = server.into_split();
                tokio::spawn(async move {
                    let _ = tokio::io::copy(&mut cr, &mut sw).await;
                });
                let mut sent = 0;
                let mut buf = vec![0u8; 16 * 1024];
                loop {
                    let n = match sr.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    let n = n.min(limit.saturating_sub(sent));
                    if n == 0 {
                        break;
                    }
                    if cw.write_all(&buf[..n]).await.is_err() {
                        break;
                    }
                    sent += n;
                }
                if stall {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                }
                drop(cw);
            });
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cut_first_sync_resumes_without_loss_or_duplicates() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-cut");
    lab.seed_generated(&f.user, "INBOX", 300, 11);
    let port = faulty_proxy(lab.imaps_port, 1_000_000, false).await;
    let mut via_proxy = f.account.clone();
    via_proxy.incoming.port = port;
    let error = f
        .try_sync_with(&via_proxy, &Timeouts::default())
        .await
        .expect_err("the proxy cuts the connection");
    assert!(matches!(error, ImapError::Lost { .. }), "{error:?}");
    let partial = local_state(&f.paths, &f.account);
    let cached = partial.get("INBOX").map_or(0, |m| m.len());
    assert!(
        cached > 0 && cached < 300,
        "{cached} messages cached before the cut"
    );
    // Newest first: what arrived before the cut lies in the upper part of the UID range
    // (batches go from the top down; an oldest-first sync would have the lower part).
    let uids: Vec<u32> = partial["INBOX"].keys().copied().collect();
    let mean = uids.iter().map(|&u| u64::from(u)).sum::<u64>() / uids.len() as u64;
    assert!(mean > 150, "cached UIDs are not the newest ones: {uids:?}");
    assert!(uids[0] > 1, "the oldest message came before the cut");

    let summary = f.sync().await;
    assert_eq!(summary.added() + cached, 300);
    assert_in_sync(&f).await;
    assert_eq!(local_state(&f.paths, &f.account)["INBOX"].len(), 300);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_server_times_out_and_names_the_step() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-stall");
    lab.seed_generated(&f.user, "INBOX", 100, 12);
    let port = faulty_proxy(lab.imaps_port, 200_000, true).await;
    let mut via_proxy = f.account.clone();
    via_proxy.incoming.port = port;
    let started = std::time::Instant::now();
    let error = f
        .try_sync_with(&via_proxy, &Timeouts::all(Duration::from_secs(2)))
        .await
        .expect_err("the proxy goes silent");
    assert!(started.elapsed() < Duration::from_secs(20));
    match &error {
        ImapError::Timeout { endpoint, step, .. } => {
            assert_eq!(endpoint, &via_proxy.incoming.endpoint());
            assert!(step.contains("INBOX"), "{step}");
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    f.sync().await;
    assert_in_sync(&f).await;
}

fn malformed_messages() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        b"just a body\r\nwith no headers at all\r\n".to_vec(),
        b"Subject: caf\xe9 na\xefve \xff\r\nFrom: J\xf6rg <j@example.com>\r\n\r\n8-bit \xe9\xe8 body\r\n".to_vec(),
        b"Subject: =?utf-8?B?!!!notbase64?= =?x-unknown?Q?abc?=\r\nContent-Type: text/plain; charset=x-nonsense\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@ not base64 @@@\r\n".to_vec(),
        b"Subject: broken mime\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\npart one\r\n--b2\r\nno end boundary\r\n".to_vec(),
        b"Subject: bare LF\nX-Odd: \t\n\nbody with bare LF\n".to_vec(),
    ];
    let mut huge_line = b"Subject: huge line\r\n\r\n".to_vec();
    huge_line.extend(std::iter::repeat_n(b'x', 3 * 1024 * 1024));
    huge_line.extend(b"\r\n");
    out.push(huge_line);
    // A 25 MB attachment of pseudo-random base64.
    let mut big = b"Subject: big attachment\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x: u64 = 0x9E3779B97F4A7C15;
    while big.len() < 25 * 1024 * 1024 {
        for _ in 0..76 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            big.push(alphabet[(x % 64) as usize]);
        }
        big.extend(b"\r\n");
    }
    big.extend(b"--XX--\r\n");
    out.push(big);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_huge_messages_are_stored_intact() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-malformed");
    let messages = malformed_messages();
    let refs: Vec<&[u8]> = messages.iter().map(|m| m.as_slice()).collect();
    lab.seed(&f.user, "INBOX", &refs);
    let summary = f.sync().await;
    assert_eq!(summary.added(), messages.len());
    assert_in_sync(&f).await;
    let local = local_state(&f.paths, &f.account);
    assert!(local["INBOX"]
        .values()
        .any(|(_, b)| b.len() > 25 * 1024 * 1024));
}

async fn wait_for(
    events: &mut tokio::sync::mpsc::Receiver<pillarbox::mail::imap::SyncEvent>,
    account: &Account,
    pred: fn(&SyncEventKind) -> bool,
) -> Result<SyncEventKind, tokio::time::error::Elapsed> {
    wait_for_allowing(events, account, pred, false).await
}

async fn wait_for_allowing(
    events: &mut tokio::sync::mpsc::Receiver<pillarbox::mail::imap::SyncEvent>,
    account: &Account,
    pred: fn(&SyncEventKind) -> bool,
    errors_allowed: bool,
) -> Result<SyncEventKind, tokio::time::error::Elapsed> {
    let fut = async {
        while let Some(event) = events.recv().await {
            assert_eq!(event.account, account.id());
            if pred(&event.kind) {
                return event.kind;
            }
            if let SyncEventKind::Error { message, .. } = &event.kind {
                assert!(errors_allowed, "engine error: {message}");
            }
        }
        panic!("engine ended");
    };
    tokio::time::timeout(Duration::from_secs(20), fut).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_brings_new_mail_within_seconds() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-idle");
    lab.seed(&f.user, "INBOX", &[&message(1, "before")]);
    // IDLE renewed every 2 s: the test also proves a renewed IDLE still hears news.
    let settings = EngineSettings {
        poll_interval: Duration::from_secs(600),
        idle_renew: Duration::from_secs(2),
        ..EngineSettings::for_account(&f.account)
    };
    let (engine, mut events) = SyncEngine::spawn(
        f.account.clone(),
        f.user.password.clone(),
        f.paths.clone(),
        settings,
    );
    wait_for(&mut events, &f.account, |k| {
        matches!(k, SyncEventKind::Idle)
    })
    .await
    .expect("engine reaches IDLE");
    tokio::time::sleep(Duration::from_secs(5)).await;
    let mut conn = f.connect().await;
    let started = std::time::Instant::now();
    append(&mut conn, "INBOX", &[], &message(2, "pushed")).await;
    conn.logout().await;
    let kind = wait_for(&mut events, &f.account, |k| {
        matches!(k, SyncEventKind::NewMail { .. })
    })
    .await
    .expect("new mail within seconds");
    assert_eq!(
        kind,
        SyncEventKind::NewMail {
            folder: "INBOX".into(),
            count: 1
        }
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    let local = local_state(&f.paths, &f.account);
    assert_eq!(local["INBOX"][&2].1, message(2, "pushed"));
    engine.stop().await;
    wait_for(&mut events, &f.account, |k| {
        matches!(k, SyncEventKind::Stopped)
    })
    .await
    .expect("engine stops");
}

/// Mail that arrives while the engine idles, followed at once by "sync now" (the user
/// pressing F5), is fetched: the sync must not trust a STATUS of the selected Inbox.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_now_during_idle_fetches_what_arrived() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-idle-now");
    for n in 1..=5 {
        lab.seed(&f.user, "INBOX", &[&message(n, "before")]);
    }
    let settings = EngineSettings {
        poll_interval: Duration::from_secs(600),
        ..EngineSettings::for_account(&f.account)
    };
    let (engine, mut events) = SyncEngine::spawn(
        f.account.clone(),
        f.user.password.clone(),
        f.paths.clone(),
        settings,
    );
    wait_for(&mut events, &f.account, |k| {
        matches!(k, SyncEventKind::Idle)
    })
    .await
    .expect("engine reaches IDLE");
    let mut conn = f.connect().await;
    for n in 6..=8 {
        append(&mut conn, "INBOX", &[], &message(n, "while idle")).await;
    }
    conn.logout().await;
    engine.sync_now().await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let count = local_state(&f.paths, &f.account)
            .get("INBOX")
            .map_or(0, |m| m.len());
        if count == 8 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "only {count} of 8 messages after sync now"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    engine.stop().await;
}

#[test]
fn message_ids_parse() {
    let id: MessageRef = "Archive/2024:42".parse().unwrap();
    assert_eq!((id.folder.as_str(), id.uid), ("Archive/2024", 42));
    assert!("INBOX".parse::<MessageRef>().is_err());
    assert!(":3".parse::<MessageRef>().is_err());
    let _ = Path::new("");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_engine_reconnects_when_the_server_returns() {
    let lab = Lab::start_private();
    let f = fixture(&lab, "imap-reconnect");
    lab.seed(&f.user, "INBOX", &[&message(1, "first")]);
    let settings = EngineSettings {
        timeouts: Timeouts::all(Duration::from_secs(5)),
        poll_interval: Duration::from_secs(600),
        retry: Duration::from_millis(500),
        max_retry: Duration::from_secs(1),
        ..EngineSettings::for_account(&f.account)
    };
    let (engine, mut events) = SyncEngine::spawn(
        f.account.clone(),
        f.user.password.clone(),
        f.paths.clone(),
        settings,
    );
    wait_for(&mut events, &f.account, |k| {
        matches!(k, SyncEventKind::Idle)
    })
    .await
    .expect("engine reaches IDLE");
    lab.stop_dovecot();
    let error = wait_for(&mut events, &f.account, |k| {
        matches!(k, SyncEventKind::Error { .. })
    })
    .await
    .expect("the engine notices the server went away");
    assert!(
        matches!(
            error,
            SyncEventKind::Error {
                transient: true,
                ..
            }
        ),
        "{error:?}"
    );
    lab.seed(&f.user, "INBOX", &[&message(2, "while down")]);
    lab.start_dovecot();
    let kind = wait_for_allowing(
        &mut events,
        &f.account,
        |k| matches!(k, SyncEventKind::NewMail { .. }),
        true,
    )
    .await
    .expect("the engine reconnects and syncs");
    assert_eq!(
        kind,
        SyncEventKind::NewMail {
            folder: "INBOX".into(),
            count: 1
        }
    );
    engine.stop().await;
    wait_for_allowing(
        &mut events,
        &f.account,
        |k| matches!(k, SyncEventKind::Stopped),
        true,
    )
    .await
    .expect("engine stops");
}

fn pillarbox(home: &Path, args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pillarbox"))
        .args(["--lang", "en-GB"])
        .args(args)
        .env("PILLARBOX_HOME", home)
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_syncs_and_changes_messages() {
    let lab = lab::lab();
    let f = fixture(lab, "imap-cli");
    lab.seed(&f.user, "INBOX", &[&message(1, "cli"), &message(2, "cli")]);
    let mut conn = f.connect().await;
    create(&mut conn, "Archive").await;
    conn.logout().await;
    let home = f._home.path();
    let mut account = f.account.clone();
    account.password_command = Some(format!("printf %s {}", f.user.password.expose()));
    let config = pillarbox::mail::config::Config {
        accounts: vec![account.clone()],
        ..Default::default()
    };
    config.save(&f.paths).unwrap();

    let (ok, out, err) = pillarbox(home, &["sync"]);
    assert!(ok, "{out}\n{err}");
    assert!(out.contains("INBOX: 2 messages, 2 new"), "{out}");
    assert!(out.contains(": 2 new messages"), "{out}");
    let (ok, out, _) = pillarbox(home, &["sync", "--folder", "INBOX"]);
    assert!(ok && out.contains("INBOX: 2 messages, unchanged"), "{out}");

    let (ok, out, err) = pillarbox(home, &["flag", "INBOX:1", "+seen", "+flagged"]);
    assert!(ok && out.contains("Done"), "{out}\n{err}");
    let (ok, out, err) = pillarbox(home, &["move", "INBOX:2", "Archive"]);
    assert!(ok && out.contains("Done"), "{out}\n{err}");
    let (ok, _, err) = pillarbox(home, &["flag", "INBOX:1", "+shiny"]);
    assert!(!ok && err.contains("+shiny"), "{err}");
    let mut conn = f.connect().await;
    let server = server_state(&mut conn).await;
    conn.logout().await;
    assert_eq!(server["INBOX"][&1].0.as_str(), "FS");
    assert_eq!(server["Archive"].len(), 1);
    assert_in_sync(&f).await;

    // Failures exit non-zero with the reason.
    let (ok, _, err) = pillarbox(home, &["sync", "--account", "nobody@btinternet.com"]);
    assert!(!ok && err.contains("nobody@btinternet.com"), "{err}");
    account.password_command = Some("printf %s wrong-password".into());
    let config = pillarbox::mail::config::Config {
        accounts: vec![account],
        ..Default::default()
    };
    config.save(&f.paths).unwrap();
    let (ok, _, err) = pillarbox(home, &["sync"]);
    assert!(!ok, "a wrong password must fail");
    assert!(
        err.contains(&f.account.incoming.endpoint()) && err.contains("app password"),
        "{err}"
    );
}
