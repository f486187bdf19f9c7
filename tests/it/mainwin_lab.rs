//! The main window against the real lab: its connection worker driven directly (no
//! iced), and reading and deleting in the window reaching the IMAP server through the
//! journal.

use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::Flags;
use pillarbox::ui::mailbox::{MailRef, MainWindow};

// ---- The worker against the real lab (no iced: its async function is driven directly).

mod wired {
    use std::time::Duration;

    use futures::channel::mpsc;
    use futures::{SinkExt, StreamExt};
    use pillarbox::mail::account::{Account, Protocol};
    use pillarbox::mail::imap::conn::Conn;
    use pillarbox::mail::outbox::Outbox;
    use pillarbox::mail::paths::Paths;
    use pillarbox::mail::store::MailStore;
    use pillarbox::mail::tls::Timeouts;
    use pillarbox::ui::mailbox::status::Connection;
    use pillarbox::ui::mailbox::{composer, engine, wire, MainWindow, Message};

    use crate::lab;

    const WAIT: Duration = Duration::from_secs(60);

    struct Worker {
        commands: mpsc::Sender<engine::Command>,
        reports: mpsc::Receiver<engine::Report>,
        task: tokio::task::JoinHandle<()>,
    }

    fn start(account: &Account, paths: &Paths, generation: u64) -> Worker {
        let key = engine::Key {
            account: account.id(),
            generation,
            config: Box::new(account.clone()),
            paths: Some(paths.clone()),
        };
        let (commands, incoming) = mpsc::channel(8);
        let (tx, reports) = mpsc::channel(256);
        Worker {
            commands,
            reports,
            task: tokio::spawn(wire::run(key, incoming, tx)),
        }
    }

    impl Worker {
        /// Reports until `done` says so; every report is checked for the account and
        /// generation and handed to `seen`. Fails on silence.
        async fn until(
            &mut self,
            account: &Account,
            generation: u64,
            mut done: impl FnMut(&engine::Report) -> bool,
        ) -> Vec<engine::Report> {
            let mut all = Vec::new();
            loop {
                let report = tokio::time::timeout(WAIT, self.reports.next())
                    .await
                    .unwrap_or_else(|_| panic!("no report within {WAIT:?}; so far {all:#?}"))
                    .expect("the worker ended early");
                assert_eq!(report.account(), &account.id());
                assert_eq!(report.generation(), generation);
                if let engine::Report::Status {
                    connection: Connection::Error { message, .. },
                    ..
                } = &report
                {
                    panic!("the worker reported an error: {message}");
                }
                let stop = done(&report);
                all.push(report);
                if stop {
                    return all;
                }
            }
        }

        async fn stop(self) {
            drop(self.commands);
            tokio::time::timeout(WAIT, self.task)
                .await
                .expect("the worker ends when the window drops its commands")
                .unwrap();
        }
    }

    fn online(report: &engine::Report) -> bool {
        matches!(
            report,
            engine::Report::Status {
                connection: Connection::Online,
                ..
            }
        )
    }

    fn inbox_count(paths: &Paths, account: &Account) -> u64 {
        MailStore::open(paths, &account.id())
            .unwrap()
            .count("INBOX")
            .unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mainwin_worker_imap_syncs_seeded_mail_and_goes_online() {
        pillarbox::i18n::init(Some("en-GB"));
        let lab = lab::lab();
        let user = lab.new_user("wire-imap");
        lab.seed_generated(&user, "INBOX", 25, 11);
        let account = lab.account(&user, Protocol::Imap);
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());

        let mut worker = start(&account, &paths, 4);
        let reports = worker.until(&account, 4, online).await;
        assert!(
            reports.iter().any(|r| matches!(
                r,
                engine::Report::Status {
                    connection: Connection::Syncing { .. },
                    ..
                }
            )),
            "the status bar shows syncing first: {reports:#?}"
        );
        assert!(
            reports
                .iter()
                .any(|r| matches!(r, engine::Report::StoreChanged { .. })),
            "the window is told to re-read its views"
        );
        assert_eq!(inbox_count(&paths, &account), 25);

        // The window replaces its worker (settings saved: a new generation); mail that
        // came meanwhile (delivered through the server, as in real life) arrives.
        worker.stop().await;
        let mut conn = Conn::connect(&account, &lab.password(), &Timeouts::default())
            .await
            .unwrap();
        for n in 0..3 {
            let bytes = format!(
                "From: Ann <ann@btinternet.com>\r\nTo: {}\r\nSubject: wired {n}\r\n\
                 Message-ID: <{n}.wired@lab>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nHello {n}.\r\n",
                user.email
            );
            conn.append("INBOX", &[], bytes.as_bytes()).await.unwrap();
        }
        conn.logout().await;
        let mut worker = start(&account, &paths, 5);
        worker.until(&account, 5, online).await;
        assert_eq!(inbox_count(&paths, &account), 28);
        worker.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mainwin_worker_pop3_downloads_and_goes_online() {
        pillarbox::i18n::init(Some("en-GB"));
        let lab = lab::lab();
        let user = lab.new_user("wire-pop");
        lab.seed_generated(&user, "INBOX", 12, 21);
        let account = lab.account(&user, Protocol::Pop3);
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());

        let mut worker = start(&account, &paths, 1);
        let reports = worker.until(&account, 1, online).await;
        assert!(reports
            .iter()
            .any(|r| matches!(r, engine::Report::StoreChanged { .. })));
        assert_eq!(inbox_count(&paths, &account), 12);
        assert!(
            lab.server_messages(&user, "INBOX").is_empty(),
            "downloaded mail is deleted on the server (leave_on_server is off)"
        );

        lab.seed_generated(&user, "INBOX", 2, 22);
        worker
            .commands
            .send(engine::Command::SyncNow)
            .await
            .unwrap();
        worker.until(&account, 1, online).await;
        assert_eq!(inbox_count(&paths, &account), 14);
        worker.stop().await;
    }

    fn compose_and_send(w: &mut MainWindow, to: &str, subject: &str) {
        let _ = w.update(Message::New);
        let _ = w.update(Message::Composer(composer::Message::Address(
            composer::Field::To,
            to.to_string(),
        )));
        let _ = w.update(Message::Composer(composer::Message::Subject(
            subject.to_string(),
        )));
        let _ = w.update(Message::Composer(composer::Message::Send));
        assert!(
            w.composer.is_none(),
            "queued: the composer closes ({:?})",
            w.composer.as_ref().and_then(|c| c.error.clone())
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mainwin_send_from_the_composer_reaches_the_recipient() {
        pillarbox::i18n::init(Some("en-GB"));
        let lab = lab::lab();
        let user = lab.new_user("wire-from");
        let to = lab.new_user("wire-to");
        let bcc = lab.new_user("wire-bcc");
        let account = lab.account(&user, Protocol::Imap);
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let store = MailStore::open(&paths, &account.id()).unwrap();
        let mut w = MainWindow::new(account.clone(), store, false);
        w.paths = Some(paths.clone());

        // Queued before any worker runs: durable in the account's outbox.
        compose_and_send(&mut w, &to.email, "Wired first");
        let outbox = Outbox::for_account(&paths, &account.id()).unwrap();
        assert_eq!(outbox.list().unwrap().len(), 1);

        // The worker sends it on start.
        let mut worker = start(&account, &paths, 0);
        let sent = |r: &engine::Report| matches!(r, engine::Report::Note { text, .. } if text.contains("sent"));
        for report in worker.until(&account, 0, sent).await {
            w.engine_report(report);
        }
        assert!(w.status.note.as_deref().unwrap().contains("1 message sent"));
        let got = tokio::task::spawn_blocking({
            let to = to.clone();
            move || lab::lab().wait_for_messages(&to, "INBOX", 1, WAIT)
        })
        .await
        .unwrap();
        assert!(String::from_utf8_lossy(&got[0]).contains("Subject: Wired first"));

        // With the worker known to the window, sending goes straight out, Bcc included.
        let (commands, mut forwarded) = mpsc::channel(8);
        w.engine_report(engine::Report::Ready {
            account: account.id(),
            generation: 0,
            commands,
        });
        let _ = w.update(Message::New);
        let _ = w.update(Message::Composer(composer::Message::Address(
            composer::Field::Bcc,
            bcc.email.clone(),
        )));
        let _ = w.update(Message::Composer(composer::Message::Address(
            composer::Field::To,
            to.email.clone(),
        )));
        let _ = w.update(Message::Composer(composer::Message::Subject(
            "Wired second".into(),
        )));
        let _ = w.update(Message::Composer(composer::Message::Send));
        assert!(w.composer.is_none());
        let command = forwarded.next().await.unwrap();
        assert!(matches!(command, engine::Command::Send));
        worker.commands.send(command).await.unwrap();
        worker.until(&account, 0, sent).await;
        for (who, subject) in [(&to, "Wired second"), (&bcc, "Wired second")] {
            let who = who.clone();
            let n = if who.email == to.email { 2 } else { 1 };
            let got = tokio::task::spawn_blocking(move || {
                lab::lab().wait_for_messages(&who, "INBOX", n, WAIT)
            })
            .await
            .unwrap();
            assert!(got
                .iter()
                .any(|m| String::from_utf8_lossy(m).contains(&format!("Subject: {subject}"))));
            assert!(got
                .iter()
                .all(|m| !String::from_utf8_lossy(m).contains("Bcc:")));
        }
        assert!(
            outbox.list().unwrap().is_empty(),
            "sent messages leave the outbox"
        );
        worker.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mainwin_worker_imap_sync_now_syncs_again() {
        pillarbox::i18n::init(Some("en-GB"));
        let lab = lab::lab();
        let user = lab.new_user("wire-now");
        lab.seed_generated(&user, "INBOX", 5, 31);
        let account = lab.account(&user, Protocol::Imap);
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let mut worker = start(&account, &paths, 0);
        worker.until(&account, 0, online).await;
        // Drain the reports of the first sync (up to its IDLE), then ask for another.
        tokio::time::sleep(Duration::from_secs(1)).await;
        while let Ok(Some(_)) =
            tokio::time::timeout(Duration::from_millis(200), worker.reports.next()).await
        {}
        worker
            .commands
            .send(engine::Command::SyncNow)
            .await
            .unwrap();
        let reports = worker.until(&account, 0, online).await;
        assert!(
            reports
                .iter()
                .any(|r| matches!(r, engine::Report::StoreChanged { .. })),
            "sync now runs a sync that re-reads the views: {reports:#?}"
        );
        worker.stop().await;
    }
}

/// Reading and deleting in the window go to the server: through the durable journal that
/// the next sync replays, not just into the local copy (which a sync would undo).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mainwin_read_and_delete_reach_the_imap_server() {
    use pillarbox::mail::imap::journal;
    pillarbox::i18n::init(Some("en-GB"));
    let lab = crate::lab::lab();
    let user = lab.new_user("mainwin-journal");
    lab.seed_generated(&user, "INBOX", 6, 5);
    let account = lab.account(&user, pillarbox::mail::account::Protocol::Imap);
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let password = lab.password();
    let sync = || crate::support::imap_sync(&account, &password, &paths);
    sync().await;
    let server_seen = || {
        let cur = lab.server_maildir(&user, "INBOX").join("cur");
        std::fs::read_dir(cur)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.rsplit_once(":2,")
                            .is_some_and(|(_, f)| f.contains('S'))
                    })
                    .count()
            })
            .unwrap_or(0)
    };
    let seen_before = server_seen();

    let store = pillarbox::mail::store::MailStore::open(&paths, &account.id()).unwrap();
    let mut w = MainWindow::new(account.clone(), store, false);
    w.paths = Some(paths.clone());
    let rows = w.accounts[0]
        .store
        .list("INBOX", Default::default(), 0, 10)
        .unwrap();
    let unread = rows
        .iter()
        .find(|r| !r.flags().contains(Flags::SEEN))
        .expect("an unread message")
        .id;
    w.set_flag(
        MailRef {
            account: 0,
            id: unread,
        },
        Flags::SEEN,
        Some(true),
    );
    assert!(w.accounts[0]
        .store
        .get(unread)
        .unwrap()
        .flags()
        .contains(Flags::SEEN));
    assert!(
        !journal::pending(&paths.state_dir(&account.id())).is_empty(),
        "the change is in the journal"
    );
    sync().await;
    assert_eq!(
        server_seen(),
        seen_before + 1,
        "the server has the \\Seen flag"
    );
    assert!(journal::pending(&paths.state_dir(&account.id())).is_empty());

    // Delete goes to the server's Trash.
    let victim = w.accounts[0]
        .store
        .list("INBOX", Default::default(), 0, 1)
        .unwrap()[0]
        .id;
    w.list.selected.insert(MailRef {
        account: 0,
        id: victim,
    });
    w.delete_selected();
    sync().await;
    assert_eq!(lab.message_count(&user, "INBOX"), 5);
    assert_eq!(lab.message_count(&user, "Trash"), 1);
}
