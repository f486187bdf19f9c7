//! The reader branch's actions over two accounts (real demo stores in one temp home):
//! Move to… and Archive stay within each message's account, notifications keep a
//! watermark per account and name the account, and a dropped file goes to the composer
//! of whichever account sends.

use pillarbox::mail::store::local::NewMessage;
use pillarbox::mail::store::Flags;
use pillarbox::ui::mailbox::status::Connection;
use pillarbox::ui::mailbox::{engine, MainWindow, Message};

use crate::support::{click, plain, position_of, settle, two_accounts};

fn mail(n: usize, from: &str, subject: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: me@example.org\r\nSubject: {subject}\r\n\
         Message-ID: <{n}.multi-actions@test>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nBody {n}.\r\n"
    )
    .into_bytes()
}

fn add(w: &mut MainWindow, account: usize, folder: &str, n: usize, subject: &str) -> i64 {
    w.accounts[account]
        .store
        .add(
            folder,
            NewMessage::Bytes(&mail(n, "Ann Jones <ann@example.org>", subject)),
            None,
            &Flags::new(""),
        )
        .unwrap()
}

fn store_changed(w: &mut MainWindow, account: usize) {
    let report = engine::Report::StoreChanged {
        account: w.accounts[account].account.id(),
        generation: w.accounts[account].generation,
    };
    let _ = w.update(Message::Engine(report));
}

fn online(w: &mut MainWindow, account: usize) {
    let report = engine::Report::Status {
        account: w.accounts[account].account.id(),
        generation: w.accounts[account].generation,
        connection: Connection::Online,
    };
    let _ = w.update(Message::Engine(report));
}

#[test]
fn multi_actions_move_to_offers_and_uses_the_selected_messages_account() {
    let mut f = two_accounts(300, 300);
    let w = &mut f.window;
    // Only the second account has a Projects folder.
    add(w, 1, "Projects", 1, "filed");
    store_changed(w, 1);

    let in_a = position_of(w, 0);
    click(w, in_a);
    let names =
        |w: &MainWindow| -> Vec<String> { w.move_targets().into_iter().map(|t| t.name).collect() };
    assert_eq!(w.move_account(), Some(0));
    assert!(
        !names(w).contains(&"Projects".to_string()),
        "{:?}",
        names(w)
    );
    assert!(
        !names(w).contains(&"INBOX".to_string()),
        "the unified Inbox shows the Inbox"
    );

    let in_b = position_of(w, 1);
    click(w, in_b);
    let chosen = w.shown().unwrap();
    assert_eq!(chosen.account, 1);
    assert!(names(w).contains(&"Projects".to_string()), "{:?}", names(w));

    let projects_a = w.accounts[0].store.count("Projects").unwrap_or(0);
    let total = w.list.total;
    let _ = w.update(Message::MoveTo("Projects".into()));
    assert_eq!(
        w.accounts[1].store.get(chosen.id).unwrap().folder,
        "Projects"
    );
    assert_eq!(w.accounts[1].store.count("Projects").unwrap(), 2);
    // The first account's message with the same id stays where it was.
    assert_eq!(
        w.accounts[0].store.count("Projects").unwrap_or(0),
        projects_a
    );
    assert_eq!(w.list.total, total - 1, "gone from the unified Inbox");
    assert!(crate::support::note(w).contains("Moved 1 message"));
    let projects = w.folders.sections[1]
        .folders
        .iter()
        .find(|x| x.name == "Projects")
        .unwrap();
    assert_eq!(projects.count, 2, "the pane's count followed at once");
}

#[test]
fn multi_actions_archive_files_each_message_in_its_own_accounts_archive() {
    let mut f = two_accounts(300, 300);
    let w = &mut f.window;
    let a = position_of(w, 0);
    let b = position_of(w, 1);
    let first = w.list.row_at(a, &w.accounts).unwrap().key();
    let second = w.list.row_at(b, &w.accounts).unwrap().key();
    w.list.selected.clear();
    w.list.selected.insert(first);
    w.list.selected.insert(second);

    // A mixed selection has no common folders to move to: the list is empty and a
    // stray MoveTo does nothing.
    assert_eq!(w.move_account(), None);
    assert!(w.move_targets().is_empty());
    let _ = w.update(Message::MoveTo("Archive".into()));
    assert_eq!(w.accounts[0].store.get(first.id).unwrap().folder, "INBOX");
    assert_eq!(w.accounts[1].store.get(second.id).unwrap().folder, "INBOX");

    let archived = [
        w.accounts[0].store.count("Archive").unwrap(),
        w.accounts[1].store.count("Archive").unwrap(),
    ];
    let total = w.list.total;
    let _ = w.update(Message::Archive);
    assert_eq!(w.accounts[0].store.get(first.id).unwrap().folder, "Archive");
    assert_eq!(
        w.accounts[1].store.get(second.id).unwrap().folder,
        "Archive"
    );
    assert_eq!(
        w.accounts[0].store.count("Archive").unwrap(),
        archived[0] + 1
    );
    assert_eq!(
        w.accounts[1].store.count("Archive").unwrap(),
        archived[1] + 1
    );
    assert_eq!(w.list.total, total - 2);
    assert!(crate::support::note(w).contains("Moved 2 messages"));
    for account in [0, 1] {
        let archive = w.folders.sections[account]
            .folders
            .iter()
            .find(|x| x.name == "Archive")
            .unwrap();
        assert_eq!(archive.count, archived[account] + 1);
    }
}

#[test]
fn multi_actions_notifications_keep_a_watermark_per_account_and_name_it() {
    // The second store is larger: its ids run past any of the first's, so one shared
    // watermark would swallow the first account's new mail.
    let mut f = two_accounts(100, 600);
    let w = &mut f.window;
    w.notify.enabled = true;
    assert!(w.accounts[1].watch.watermark > w.accounts[0].watch.watermark + 5);

    // Only the second account is online: the first's arrivals are still its backlog.
    online(w, 1);
    add(w, 0, "INBOX", 1, "backlog of A");
    store_changed(w, 0);
    assert_eq!(w.notify.last, None);

    add(w, 1, "INBOX", 2, "For Bee");
    store_changed(w, 1);
    let notice = w.notify.last.take().expect("the second account's new mail");
    assert_eq!(plain(&notice.summary), "Ann Jones — For Bee");
    assert!(
        plain(&notice.body).starts_with("To bee@example.org"),
        "{notice:?}"
    );

    online(w, 0);
    add(w, 0, "INBOX", 3, "For the demo");
    store_changed(w, 0);
    let notice = w.notify.last.take().expect("the first account's new mail");
    assert_eq!(plain(&notice.summary), "Ann Jones — For the demo");
    let demo = w.accounts[0].account.email.clone();
    assert!(
        plain(&notice.body).starts_with(&format!("To {demo}")),
        "{notice:?}"
    );
    // A change report of one account does not tell the other's mail again.
    store_changed(w, 1);
    store_changed(w, 0);
    assert_eq!(w.notify.last, None);

    // With one account left, the notice needs no account name.
    let removal = w.remove_account(1, false);
    settle(w, removal);
    add(w, 0, "INBOX", 4, "Alone");
    store_changed(w, 0);
    let notice = w.notify.last.take().expect("still told");
    assert!(!plain(&notice.body).contains("To "), "{notice:?}");
}

#[test]
fn multi_actions_a_dropped_file_goes_to_the_composer_of_the_sending_account() {
    let mut f = two_accounts(50, 50);
    let file = f.dir.path().join("plan.txt");
    std::fs::write(&file, b"the plan").unwrap();
    let w = &mut f.window;
    let b = position_of(w, 1);
    click(w, b);
    let _ = w.shortcut(
        iced::keyboard::Key::Character("r".into()),
        iced::keyboard::Modifiers::default(),
    );
    assert_eq!(
        w.composer_account, 1,
        "the reply goes out from the second account"
    );
    let _ = w.update(Message::FileDropped(file));
    let composer = w.composer.as_ref().unwrap();
    assert_eq!(composer.attachments.len(), 1);
    assert_eq!(composer.attachments[0].name, "plan.txt");
    let bytes = composer.build(&w.accounts[1].account).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("plan.txt"), "{text}");
    assert!(text.contains("From: Bee <bee@example.org>"), "{text}");
}
