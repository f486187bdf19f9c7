//! The main window's file and folder actions on a real store: files dropped on the
//! composer, new-mail notifications, and moving messages between folders (locally and,
//! for IMAP, through the journal to the lab's real Dovecot).

use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::local::NewMessage;
use pillarbox::mail::store::{Flags, MailStore};
use pillarbox::ui::mailbox::status::Connection;
use pillarbox::ui::mailbox::{
    composer, engine, list, notify, reader, MailRef, MainWindow, Message,
};

use crate::support::{clicked, plain, replay, window};

fn mail(n: usize, from: &str, subject: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: me@example.org\r\nSubject: {subject}\r\n\
         Message-ID: <{n}.actions@test>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nBody {n}.\r\n"
    )
    .into_bytes()
}

// ---- Composer: files dropped on the window.

#[test]
fn mainwin_actions_a_dropped_file_is_attached_with_its_size() {
    let mut f = window(20);
    let path = f.dir.path().join("Adroddiad.pdf");
    std::fs::write(&path, vec![7u8; 1234]).unwrap();

    // No composer open: a drop means nothing.
    let _ = f.window.update(Message::FileDropped(path.clone()));
    assert!(f.window.composer.is_none());

    let _ = f.window.update(Message::New);
    let _ = f.window.update(Message::FileDropped(path.clone()));
    let composer = f.window.composer.as_ref().unwrap();
    assert_eq!(composer.attachments.len(), 1);
    assert_eq!(composer.attachments[0].name, "Adroddiad.pdf");
    assert_eq!(composer.attachments[0].size, 1234);
    assert_eq!(composer.error, None);
    assert!(composer.dirty, "an attachment is an unsaved change");

    // Dropping it again doesn't attach it twice; the message carries it.
    let _ = f.window.update(Message::FileDropped(path));
    let composer = f.window.composer.as_ref().unwrap();
    assert_eq!(composer.attachments.len(), 1);
    let bytes = composer.build(&f.window.accounts[0].account).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Adroddiad.pdf"), "{text}");

    let _ = f
        .window
        .update(Message::Composer(composer::Message::RemoveAttachment(0)));
    assert!(f.window.composer.as_ref().unwrap().attachments.is_empty());
}

#[test]
fn mainwin_actions_a_missing_or_folder_drop_is_a_field_error() {
    let mut f = window(20);
    let _ = f.window.update(Message::New);
    let missing = f.dir.path().join("gone.txt");
    let _ = f.window.update(Message::FileDropped(missing.clone()));
    let composer = f.window.composer.as_ref().unwrap();
    assert!(composer.attachments.is_empty());
    let error = composer.error.clone().expect("a field error");
    assert!(error.contains("There is no file"), "{error}");
    assert!(error.contains(&missing.display().to_string()), "{error}");

    // A folder is not a file to attach.
    let _ = f
        .window
        .update(Message::FileDropped(f.dir.path().to_path_buf()));
    let composer = f.window.composer.as_ref().unwrap();
    assert!(composer.attachments.is_empty());
    assert!(composer.error.is_some());
}

// ---- Notifications for new Inbox mail.

fn store_changed(w: &mut MainWindow) {
    let report = engine::Report::StoreChanged {
        account: w.accounts[0].account.id(),
        generation: 0,
    };
    let _ = w.update(Message::Engine(report));
}

fn online(w: &mut MainWindow) {
    let report = engine::Report::Status {
        account: w.accounts[0].account.id(),
        generation: 0,
        connection: Connection::Online,
    };
    let _ = w.update(Message::Engine(report));
}

fn deliver(w: &mut MainWindow, n: usize, from: &str, subject: &str, flags: &str) {
    w.accounts[0]
        .store
        .add(
            "INBOX",
            NewMessage::Bytes(&mail(n, from, subject)),
            None,
            &Flags::new(flags),
        )
        .unwrap();
}

#[test]
fn mainwin_actions_notifications_tell_of_new_mail_only() {
    let mut f = window(300);
    let w = &mut f.window;
    w.notify.enabled = true;

    // The catch-up sync after start-up (or a first sync of thousands) is the backlog.
    for n in 0..40 {
        deliver(w, n, "Old <old@example.org>", "backlog", "");
    }
    store_changed(w);
    assert_eq!(
        w.notify.last, None,
        "no notification before the first online"
    );

    online(w);
    deliver(
        w,
        100,
        "Ann Jones <ann@example.org>",
        "Lunch on Friday?",
        "",
    );
    store_changed(w);
    let one = w.notify.last.take().expect("one new message is told");
    assert_eq!(plain(&one.summary), "Ann Jones — Lunch on Friday?");

    for n in 0..3 {
        deliver(w, 200 + n, "Bob <bob@example.org>", "news", "");
    }
    store_changed(w);
    let three = w.notify.last.take().expect("three new messages are told");
    assert_eq!(plain(&three.summary), "3 new messages");
    assert!(three.body.contains("Bob"), "{}", three.body);

    // Already read elsewhere (another client), or nothing new: nothing to tell.
    deliver(w, 300, "Cat <cat@example.org>", "read", "S");
    store_changed(w);
    store_changed(w);
    assert_eq!(w.notify.last, None);

    // Mail a server rule filed elsewhere is not Inbox news, nor is it once the user
    // moves it to the Inbox.
    let filed = w.accounts[0]
        .store
        .add(
            "Archive",
            NewMessage::Bytes(&mail(500, "Eve <eve@example.org>", "filed")),
            None,
            &Flags::new(""),
        )
        .unwrap();
    store_changed(w);
    assert_eq!(w.notify.last, None);
    w.list.selected.clear();
    w.list.selected.insert(MailRef {
        account: 0,
        id: filed,
    });
    let _ = w.update(Message::MoveTo("INBOX".into()));
    assert_eq!(w.accounts[0].store.get(filed).unwrap().folder, "INBOX");
    store_changed(w);
    assert_eq!(w.notify.last, None);

    // With the setting off, new mail is not told (and not told later either).
    w.notify.enabled = false;
    deliver(w, 400, "Dai <dai@example.org>", "quiet", "");
    store_changed(w);
    w.notify.enabled = true;
    store_changed(w);
    assert_eq!(w.notify.last, None);
}

#[test]
fn mainwin_actions_notification_text_for_one_and_many() {
    let f = window(20);
    let row = f.window.accounts[0]
        .store
        .list("INBOX", Default::default(), 0, 1)
        .unwrap()
        .remove(0);
    assert_eq!(notify::text(0, Some(&row), None), None);
    assert_eq!(notify::text(2, None, None), None);
    let one = notify::text(1, Some(&row), None).unwrap();
    assert!(one.summary.contains(&row.subject), "{one:?}");
    assert!(one.summary.contains(row.from.display()), "{one:?}");
    let many = notify::text(3, Some(&row), None).unwrap();
    assert_eq!(plain(&many.summary), "3 new messages");
}

// ---- Moving messages between folders.

#[test]
fn mainwin_actions_move_changes_folder_and_counts_at_once() {
    let mut f = window(300);
    let w = &mut f.window;
    let inbox = w.accounts[0].store.count("INBOX").unwrap();
    let archive = w.accounts[0].store.count("Archive").unwrap();
    let _ = w.update(Message::List(list::Message::Clicked(0)));
    let id = w.list.selected.iter().next().unwrap().id;
    assert!(
        w.move_targets().iter().any(|t| t.name == "Archive"),
        "the Move to… list offers the Archive"
    );
    assert!(w.move_targets().iter().all(|t| t.name != "INBOX"));

    let _ = w.update(Message::MoveTo("Archive".into()));
    assert_eq!(w.accounts[0].store.get(id).unwrap().folder, "Archive");
    assert_eq!(w.list.total, inbox - 1);
    let count = |w: &MainWindow, name: &str| {
        w.folders.sections[0]
            .folders
            .iter()
            .find(|x| x.name == name)
            .map_or(0, |x| x.count)
    };
    assert_eq!(count(w, "INBOX"), inbox - 1);
    assert_eq!(count(w, "Archive"), archive + 1);
    assert!(crate::support::note(w).contains("Moved 1 message"));
    assert!(
        !w.list.selected.iter().any(|r| r.id == id),
        "the next message is selected"
    );

    // Shift+A archives the selection.
    let next = w.list.selected.iter().next().unwrap().id;
    let _ = w.shortcut(
        iced::keyboard::Key::Character("A".into()),
        iced::keyboard::Modifiers::SHIFT,
    );
    assert_eq!(w.accounts[0].store.get(next).unwrap().folder, "Archive");
    assert_eq!(count(w, "Archive"), archive + 2);
    // The move survives a fresh look at the disk.
    let reopened = MailStore::open(
        &Paths::under(f.dir.path()),
        &pillarbox::demo::account().id(),
    )
    .unwrap();
    assert_eq!(reopened.count("Archive").unwrap(), archive + 2);
}

mod lab_move {
    use pillarbox::mail::account::Protocol;
    use pillarbox::mail::imap::conn::{quote, Conn};
    use pillarbox::mail::paths::Paths;
    use pillarbox::mail::store::MailStore;
    use pillarbox::mail::tls::Timeouts;
    use pillarbox::ui::mailbox::{list, MainWindow, Message};

    use crate::lab;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mainwin_actions_imap_move_reaches_the_server_folder() {
        pillarbox::i18n::init(Some("en-GB"));
        let lab = lab::lab();
        let user = lab.new_user("actions-move");
        let account = lab.account(&user, Protocol::Imap);
        let mut conn = Conn::connect(&account, &user.password, &Timeouts::default())
            .await
            .unwrap();
        conn.run(&format!("CREATE {}", quote("Projects")), "create", |_| {})
            .await
            .unwrap();
        for n in 0..3 {
            let bytes = super::mail(n, "Ann <ann@example.org>", &format!("move {n}"));
            conn.append("INBOX", &[], &bytes).await.unwrap();
        }
        conn.logout().await;
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let sync = || crate::support::imap_sync(&account, &user.password, &paths);
        sync().await;

        let store = MailStore::open(&paths, &account.id()).unwrap();
        let mut w = MainWindow::new(account.clone(), store, false);
        w.paths = Some(paths.clone());
        assert_eq!(w.list.total, 3);
        let _ = w.update(Message::List(list::Message::Clicked(0)));
        let subject = w.reader.open.as_ref().unwrap().row.subject.clone();
        let _ = w.update(Message::MoveTo("Projects".into()));
        assert_eq!(w.list.total, 2, "gone from the Inbox at once");
        assert_eq!(w.accounts[0].store.count("Projects").unwrap(), 1);
        assert_eq!(w.accounts[0].store.count("INBOX").unwrap(), 2);
        assert!(w.status.note.as_deref().unwrap().contains("Projects"));

        let summary = sync().await;
        assert_eq!(summary.replayed, 1);
        let moved = lab.server_messages(&user, "Projects");
        assert_eq!(moved.len(), 1);
        assert!(String::from_utf8_lossy(&moved[0]).contains(&format!("Subject: {subject}")));
        assert_eq!(lab.server_messages(&user, "INBOX").len(), 2);
        // After the sync the local cache still agrees: one copy, in Projects.
        let store = MailStore::open(&paths, &account.id()).unwrap();
        assert_eq!(store.count("Projects").unwrap(), 1);
        assert_eq!(store.count("INBOX").unwrap(), 2);
    }
}

// ---- iced_test simulator: the new controls are real widgets sending these messages.

#[test]
fn mainwin_actions_ui_attachments_offer_open_save_and_save_as() {
    let mut f = window(300);
    let w = &mut f.window;
    let id = w.accounts[0]
        .store
        .list("INBOX", Default::default(), 0, 300)
        .unwrap()
        .into_iter()
        .find(|r| r.has_attachments)
        .expect("the demo has mail with attachments")
        .id;
    w.reader.load(&w.accounts[0].store, id, false);
    let save_as = clicked(w, "Save as…");
    assert!(
        matches!(
            save_as.as_slice(),
            [Message::Reader(reader::Message::SaveAs(0))]
        ),
        "{save_as:?}"
    );
    let open = clicked(w, "Open");
    assert!(
        matches!(open.as_slice(), [Message::Reader(reader::Message::Open(0))]),
        "{open:?}"
    );
    // A cancelled dialog changes nothing; a failure is said in the reader.
    let _ = w.update(Message::Reader(reader::Message::Saved(Ok(None))));
    assert_eq!(w.reader.notice, None);
    let _ = w.update(Message::Reader(reader::Message::Opened(Err(
        "no handler".into()
    ))));
    let notice = w.reader.notice.clone().unwrap();
    assert!(notice.contains("Could not open the attachment"), "{notice}");
}

#[test]
fn mainwin_actions_ui_composer_lists_files_with_size_and_remove() {
    let mut f = window(20);
    let path = f.dir.path().join("notes.txt");
    std::fs::write(&path, vec![b'x'; 2048]).unwrap();
    let w = &mut f.window;
    let _ = w.update(Message::New);
    let browse = clicked(w, "Attach…");
    assert!(
        matches!(
            browse.as_slice(),
            [Message::Composer(composer::Message::Browse)]
        ),
        "{browse:?}"
    );
    let _ = w.update(Message::FileDropped(path));
    let shown = format!("notes.txt ({})", pillarbox::i18n::format::format_size(2048));
    assert!(iced_test::simulator(w.view()).find(shown.as_str()).is_ok());
    let remove = clicked(w, "Remove");
    replay(w, remove);
    assert!(w.composer.as_ref().unwrap().attachments.is_empty());
}

#[test]
fn mainwin_actions_ui_archive_button_moves_the_selection() {
    let mut f = window(300);
    let w = &mut f.window;
    let _ = w.update(Message::List(list::Message::Clicked(0)));
    let id = w.list.selected.iter().next().unwrap().id;
    let archive = clicked(w, "Archive");
    assert!(
        matches!(archive.as_slice(), [Message::Archive]),
        "{archive:?}"
    );
    replay(w, archive);
    assert_eq!(w.accounts[0].store.get(id).unwrap().folder, "Archive");
}
