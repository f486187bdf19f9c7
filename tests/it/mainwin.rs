//! The main window on a real demo store (Maildir + SQLite index in a temp folder):
//! headless `update` tests of each pane and iced_test simulator tests of the widgets.

use iced::keyboard::{key::Named, Key, Modifiers};
use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::{Flags, Sort, SortKey};
use pillarbox::ui::mailbox::{
    composer, engine, list, reader, search, MailRef, MainWindow, Message,
};

use crate::support::{list_msg, replay, settle, window};

#[test]
fn mainwin_opens_on_the_inbox_with_only_a_window_of_rows() {
    let mut f = window(3000);
    let w = &mut f.window;
    let inbox = w.accounts[0].store.count("INBOX").unwrap();
    assert!(inbox > 2000, "demo inbox has {inbox}");
    assert_eq!(w.list.total, inbox);
    assert!(
        w.list.rows_in_memory() < 150,
        "only visible rows and a margin are fetched, not {}",
        w.list.rows_in_memory()
    );
    // The folder pane lists special folders first, Inbox at the top, with counts.
    let names: Vec<&str> = w.folders.sections[0]
        .folders
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(&names[..3], &["INBOX", "Drafts", "Sent"]);
    assert_eq!(
        w.folders.unread(0, "INBOX"),
        w.accounts[0].store.unread_count("INBOX").unwrap()
    );
    assert!(w.title().contains("unread"));
    // A row deep in the list is fetched by offset when needed.
    let deep = w.list.row_at(inbox - 1, &w.accounts).unwrap().clone();
    let oldest = w.accounts[0]
        .store
        .list("INBOX", Sort::default(), inbox - 1, 1)
        .unwrap();
    assert_eq!(deep.id, oldest[0].id);
    assert!(w.list.rows_in_memory() < 150);
}

#[test]
fn mainwin_selection_click_shift_and_ctrl() {
    let mut f = window(300);
    let w = &mut f.window;
    let first: Vec<MailRef> = w.accounts[0]
        .store
        .list("INBOX", Sort::default(), 0, 6)
        .unwrap()
        .iter()
        .map(|r| MailRef {
            account: 0,
            id: r.id,
        })
        .collect();
    list_msg(w, list::Message::Clicked(0));
    assert_eq!(
        w.list.selected.iter().copied().collect::<Vec<_>>(),
        vec![first[0]]
    );
    assert_eq!(w.shown(), Some(first[0]));

    w.list.modifiers = Modifiers::SHIFT;
    list_msg(w, list::Message::Clicked(3));
    assert_eq!(w.list.selected.len(), 4);
    assert!(first[..4].iter().all(|id| w.list.selected.contains(id)));
    assert_eq!(w.reader.shown(), None, "several selected: nothing to read");

    w.list.modifiers = Modifiers::CTRL;
    list_msg(w, list::Message::Clicked(1));
    assert_eq!(w.list.selected.len(), 3);
    assert!(!w.list.selected.contains(&first[1]));

    // Arrows move a single selection; shift+arrow extends it.
    w.list.modifiers = Modifiers::default();
    list_msg(w, list::Message::Clicked(2));
    let _ = w.shortcut(Key::Named(Named::ArrowDown), Modifiers::default());
    assert_eq!(w.list.single_selection(), Some(first[3]));
    let _ = w.shortcut(Key::Character("k".into()), Modifiers::default());
    assert_eq!(w.list.single_selection(), Some(first[2]));
    let _ = w.shortcut(Key::Named(Named::ArrowDown), Modifiers::SHIFT);
    let _ = w.shortcut(Key::Named(Named::ArrowDown), Modifiers::SHIFT);
    assert_eq!(w.list.selected.len(), 3);
}

#[test]
fn mainwin_sort_by_sender_and_subject_follows_the_index() {
    let mut f = window(300);
    let w = &mut f.window;
    list_msg(w, list::Message::Sort(SortKey::From));
    assert_eq!(w.list.sort.key, SortKey::From);
    assert!(!w.list.sort.descending, "senders sort A to Z first");
    let names: Vec<String> = (0..20)
        .map(|p| {
            w.list
                .row_at(p, &w.accounts)
                .unwrap()
                .from
                .display()
                .to_lowercase()
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    list_msg(w, list::Message::Sort(SortKey::From));
    assert!(w.list.sort.descending, "a second click reverses");
    list_msg(w, list::Message::Sort(SortKey::Subject));
    let expected = w.accounts[0]
        .store
        .list(
            "INBOX",
            Sort {
                key: SortKey::Subject,
                descending: false,
            },
            0,
            1,
        )
        .unwrap();
    assert_eq!(w.list.row_at(0, &w.accounts).unwrap().id, expected[0].id);
}

#[test]
fn mainwin_threads_toggle_shows_the_conversation() {
    let mut f = window(300);
    let w = &mut f.window;
    // Find a message with replies.
    let position = (0..w.list.total)
        .find(|p| {
            let row = w.list.row_at(*p, &w.accounts).unwrap().clone();
            w.accounts[0]
                .store
                .index()
                .thread(row.thread_id)
                .unwrap()
                .len()
                > 1
        })
        .expect("the demo has threads");
    list_msg(w, list::Message::Clicked(position));
    assert!(w.reader.open.as_ref().unwrap().thread.is_empty());
    list_msg(w, list::Message::ToggleThreads);
    assert!(w.list.threads);
    assert!(!w.reader.open.as_ref().unwrap().thread.is_empty());
}

#[test]
fn mainwin_mark_read_after_delay_and_stale_timer_dropped() {
    let mut f = window(300);
    let w = &mut f.window;
    let unread: Vec<u64> = (0..w.list.total)
        .filter(|p| w.list.row_at(*p, &w.accounts).unwrap().is_unread())
        .take(2)
        .collect();
    list_msg(w, list::Message::Clicked(unread[0]));
    let first = w.shown().unwrap();
    list_msg(w, list::Message::Clicked(unread[1]));
    let second = w.shown().unwrap();
    let before = w.folders.unread(0, "INBOX");
    // The first timer fires after the reader moved on: stale, dropped.
    let demo = w.accounts[0].account.id();
    let _ = w.update(Message::MarkReadDue(first, demo.clone()));
    assert!(w.accounts[0].store.get(first.id).unwrap().is_unread());
    let _ = w.update(Message::MarkReadDue(second, demo));
    let row = w.accounts[0].store.get(second.id).unwrap();
    assert!(!row.is_unread());
    assert!(
        w.accounts[0]
            .store
            .path_of(&row)
            .to_string_lossy()
            .ends_with('S'),
        "the Maildir file carries the flag"
    );
    assert_eq!(w.folders.unread(0, "INBOX"), before - 1);
    // u toggles it back at once, s flags.
    let _ = w.shortcut(Key::Character("u".into()), Modifiers::default());
    assert!(w.accounts[0].store.get(second.id).unwrap().is_unread());
    let _ = w.shortcut(Key::Character("s".into()), Modifiers::default());
    assert!(w.accounts[0]
        .store
        .get(second.id)
        .unwrap()
        .flags()
        .contains(Flags::FLAGGED));
    assert!(w
        .reader
        .open
        .as_ref()
        .unwrap()
        .row
        .flags()
        .contains(Flags::FLAGGED));
}

#[test]
fn mainwin_search_as_you_type_and_clear() {
    let mut f = window(300);
    let w = &mut f.window;
    let _ = w.update(Message::Search(search::Message::Changed("Mülle".into())));
    let list::Source::Search(_, hits) = &w.list.source else {
        panic!("search results shown");
    };
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|r| r.from.name == "Jürgen Müller"
        || r.to.contains("Müller")
        || r.cc.contains("Müller")));
    assert_eq!(w.list.total, hits.len() as u64);
    let _ = w.update(Message::Search(search::Message::Changed(String::new())));
    assert_eq!(w.list.folder(), Some("INBOX"));
    assert_eq!(w.list.total, w.accounts[0].store.count("INBOX").unwrap());
}

#[test]
fn mainwin_reply_then_send_puts_it_in_the_outbox() {
    let mut f = window(300);
    let w = &mut f.window;
    list_msg(w, list::Message::Clicked(0));
    let original = w.reader.open.as_ref().unwrap().row.clone();
    let _ = w.shortcut(Key::Character("r".into()), Modifiers::default());
    let composer = w.composer.as_ref().expect("reply opens the composer");
    assert!(composer.to.contains(&original.from.address));
    assert!(composer.subject.starts_with("Re: "));
    assert!(
        composer.body.text().contains("> "),
        "the original is quoted"
    );
    assert_eq!(composer.in_reply_to, original.message_id);

    // Closing an edited message asks first.
    let _ = w.update(Message::Composer(composer::Message::Subject(
        "Re: changed".into(),
    )));
    let _ = w.update(Message::Composer(composer::Message::Close));
    assert!(w.composer.as_ref().unwrap().confirm_close);
    let _ = w.update(Message::Composer(composer::Message::KeepEditing));

    let _ = w.update(Message::Composer(composer::Message::Send));
    assert!(w.composer.is_none(), "sent messages close the composer");
    let queued = w.accounts[0]
        .store
        .list(engine::OUTBOX, Sort::default(), 0, 10)
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].subject, "Re: changed");
    let raw = String::from_utf8(w.accounts[0].store.read_raw(queued[0].id).unwrap()).unwrap();
    assert!(raw.contains(&format!("In-Reply-To: {}", original.message_id.unwrap())));
    assert!(raw.contains("From: Demo <demo@btinternet.com>"));
}

#[test]
fn mainwin_composer_draft_completion_and_bad_address() {
    let mut f = window(300);
    let w = &mut f.window;
    let _ = w.update(Message::New);
    let addr = |w: &mut MainWindow, v: &str| {
        let _ = w.update(Message::Composer(composer::Message::Address(
            composer::Field::To,
            v.into(),
        )));
    };
    addr(w, "gos");
    let completions = w.composer.as_ref().unwrap().completions.clone();
    assert!(
        completions.iter().any(|c| c.contains("gosia@example.pl")),
        "completion from the index: {completions:?}"
    );
    let _ = w.update(Message::Composer(composer::Message::Complete(
        completions[0].clone(),
    )));
    assert!(w.composer.as_ref().unwrap().to.contains("gosia@example.pl"));
    addr(w, "not an address");
    let _ = w.update(Message::Composer(composer::Message::Send));
    assert!(w.composer.as_ref().unwrap().error.is_some());
    assert_eq!(w.accounts[0].store.count(engine::OUTBOX).unwrap(), 0);
    let drafts = w.accounts[0].store.count("Drafts").unwrap();
    let _ = w.update(Message::Composer(composer::Message::SaveDraft));
    // A bad address still blocks the draft build; fix it and save.
    addr(w, "gosia@example.pl");
    let _ = w.update(Message::Composer(composer::Message::SaveDraft));
    assert_eq!(w.accounts[0].store.count("Drafts").unwrap(), drafts + 1);
    let _ = w.update(Message::Composer(composer::Message::Close));
    assert!(w.composer.is_none(), "saved: closes without asking");
}

#[test]
fn mainwin_delete_moves_to_trash_and_selects_the_next() {
    let mut f = window(300);
    let w = &mut f.window;
    let inbox = w.list.total;
    let trash = w.accounts[0].store.count("Trash").unwrap();
    list_msg(w, list::Message::Clicked(0));
    let gone = w.list.single_selection().unwrap();
    let _ = w.shortcut(Key::Named(Named::Delete), Modifiers::default());
    assert_eq!(w.list.total, inbox - 1);
    assert_eq!(w.accounts[0].store.count("Trash").unwrap(), trash + 1);
    assert_eq!(w.accounts[0].store.get(gone.id).unwrap().folder, "Trash");
    let next = w.list.single_selection().unwrap();
    assert_ne!(next, gone);
    assert_eq!(w.shown(), Some(next));
}

#[test]
fn mainwin_stale_engine_reports_are_dropped() {
    let mut f = window(50);
    let w = &mut f.window;
    let account = w.accounts[0].account.id();
    let status = |generation| engine::Report::Status {
        account: account.clone(),
        generation,
        connection: pillarbox::ui::mailbox::status::Connection::Online,
    };
    assert!(w.engine_report(status(0)));
    assert_eq!(
        w.status.get(&account),
        Some(&pillarbox::ui::mailbox::status::Connection::Online)
    );
    w.restart_connection(0);
    assert!(
        !w.engine_report(status(0)),
        "the old connection's report is stale"
    );
    assert!(w.engine_report(status(1)));
    let other = engine::Report::StoreChanged {
        account: pillarbox::mail::account::AccountId("someone@else.com".into()),
        generation: 1,
    };
    assert!(
        !w.engine_report(other),
        "another account's report is not ours"
    );
}

#[test]
fn mainwin_reader_lists_real_link_targets_and_attachments() {
    let mut f = window(300);
    let w = &mut f.window;
    let (mut saw_link, mut saw_attachment) = (false, false);
    for position in 0..60 {
        list_msg(w, list::Message::Clicked(position));
        let open = w.reader.open.as_ref().unwrap();
        if let Some((label, target)) = open.links.first() {
            assert_eq!(label, "View your account");
            assert!(target.starts_with("https://tracking.example.net/c/"));
            assert!(!open.text.contains("<a "), "HTML shown as text");
            saw_link = true;
        }
        if let Some(attachment) = open.attachments.first() {
            assert!(attachment.name.starts_with("invoice-"));
            assert!(attachment.size > 10);
            saw_attachment = true;
        }
    }
    assert!(saw_link && saw_attachment);
    let _ = reader::Message::Save(0);
}

// --- iced_test simulator: the real widgets, driven by simulated input ---

#[test]
fn mainwin_ui_click_a_message_and_read_it() {
    let mut f = window(300);
    let w = &mut f.window;
    let row = w.list.row_at(0, &w.accounts).unwrap().clone();
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click(row.subject.as_str())
            .expect("the first row's subject");
        ui.into_messages().collect()
    };
    replay(w, messages);
    assert_eq!(w.reader.shown(), Some(row.id));
    let mut ui = iced_test::simulator(w.view());
    assert!(ui.find("Reply all").is_ok());
    assert!(
        ui.find(row.from.to_string().as_str()).is_ok(),
        "From header shown"
    );
}

#[test]
fn mainwin_ui_search_box_types_and_lists_hits() {
    let mut f = window(300);
    let w = &mut f.window;
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click(iced_test::selector::id(search::INPUT_ID))
            .expect("search box");
        ui.typewrite("eisteddfod");
        ui.into_messages().collect()
    };
    replay(w, messages);
    assert_eq!(w.search.query, "eisteddfod");
    let list::Source::Search(_, hits) = &w.list.source else {
        panic!("search shown");
    };
    assert!(!hits.is_empty());
    let subject = hits[0].subject.clone();
    let mut ui = iced_test::simulator(w.view());
    assert!(ui.find(subject.as_str()).is_ok());
}

#[test]
fn mainwin_ui_reply_and_send_then_delete() {
    let mut f = window(300);
    let w = &mut f.window;
    list_msg(w, list::Message::Clicked(0));
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click("Reply").expect("reply button");
        ui.into_messages().collect()
    };
    replay(w, messages);
    assert!(w.composer.is_some());
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click("Send").expect("send button");
        ui.into_messages().collect()
    };
    replay(w, messages);
    assert!(w.composer.is_none());
    assert_eq!(w.accounts[0].store.count(engine::OUTBOX).unwrap(), 1);

    let inbox = w.list.total;
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click("Delete").expect("delete button");
        ui.into_messages().collect()
    };
    replay(w, messages);
    assert_eq!(w.list.total, inbox - 1);
}

#[test]
fn mainwin_app_shell_opens_the_mailbox_and_add_account_goes_to_the_wizard() {
    use pillarbox::ui::{App, Screen, Startup};
    pillarbox::i18n::init(Some("en-GB"));
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    drop(pillarbox::demo::generate(&paths, 40).unwrap());
    let mut app = App::new(Startup::Ready {
        paths,
        accounts: vec![pillarbox::demo::account()],
    });
    app.open_mailbox = true;
    app.show_mailbox();
    let Screen::Mail(window) = &app.screen else {
        panic!("the main window opens for a set-up account");
    };
    assert_eq!(
        window.list.total,
        window.accounts[0].store.count("INBOX").unwrap()
    );
    assert!(app.title().contains("unread"));
    let _ = app.update(pillarbox::ui::Message::Mail(Message::AddAccount));
    assert!(matches!(app.screen, Screen::Wizard(_)));
}

#[test]
fn mainwin_settings_save_to_the_config_and_reject_a_bad_interval() {
    use pillarbox::mail::config::{Config, Theme};
    use pillarbox::ui::mailbox::settings;
    let mut f = window(20);
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let mut config = Config::default();
    config.add_account(pillarbox::demo::account()).unwrap();
    config.save(&paths).unwrap();
    let w = &mut f.window;
    w.paths = Some(paths.clone());
    let load = w.update(Message::OpenSettings);
    assert!(
        w.settings.is_none(),
        "the config is read by the task, not inside update"
    );
    settle(w, load);
    assert!(w.settings.is_some());
    let send = |w: &mut MainWindow, m: settings::Message| {
        let _ = w.update(Message::Settings(m));
    };
    send(w, settings::Message::Interval("0".into()));
    send(w, settings::Message::Save);
    assert!(w.settings.as_ref().unwrap().error.is_some());
    assert_eq!(
        Config::load(&paths).unwrap().accounts[0].check_interval_minutes,
        5
    );
    send(w, settings::Message::Interval("15".into()));
    send(w, settings::Message::DisplayName("Dafydd".into()));
    send(
        w,
        settings::Message::Theme(settings::ThemeChoice(Theme::Dark)),
    );
    send(w, settings::Message::Notifications(false));
    let save = w.update(Message::Settings(settings::Message::Save));
    assert!(
        w.settings.is_some(),
        "open until the task has written the config"
    );
    assert_eq!(
        Config::load(&paths).unwrap().accounts[0].display_name,
        "Demo"
    );
    settle(w, save);
    assert!(w.settings.is_none(), "saved settings close");
    let saved = Config::load(&paths).unwrap();
    assert_eq!(saved.accounts[0].check_interval_minutes, 15);
    assert_eq!(saved.accounts[0].display_name, "Dafydd");
    assert_eq!(saved.settings.theme, Theme::Dark);
    assert!(!saved.settings.notifications);
    assert_eq!(w.accounts[0].account.display_name, "Dafydd");
}

/// `pillarbox mailto:...` opens the main window with the composer filled in from the link,
/// and sending it puts a real message for those recipients in the outbox.
#[test]
fn mainwin_mailto_link_opens_a_filled_composer() {
    use pillarbox::ui::{App, Screen, Startup};
    pillarbox::i18n::init(Some("en-GB"));
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    drop(pillarbox::demo::generate(&paths, 10).unwrap());
    let mut app = App::new(Startup::Ready {
        paths,
        accounts: vec![pillarbox::demo::account()],
    });
    app.open_mailbox = true;
    app.pending_mailto = pillarbox::mail::mailto::parse(
        "mailto:ann@btinternet.com?cc=bob@talk21.com&subject=Caf%C3%A9%3F&body=Hi%0D%0Athere",
    );
    app.show_mailbox();
    let Screen::Mail(window) = &app.screen else {
        panic!("the main window opens for a set-up account");
    };
    let composer = window
        .composer
        .as_ref()
        .expect("the link opens the composer");
    assert_eq!(composer.to, "ann@btinternet.com");
    assert_eq!(composer.cc, "bob@talk21.com");
    assert_eq!(composer.subject, "Café?");
    assert_eq!(composer.body.text().trim_end(), "Hi\nthere");
    assert!(
        !composer.dirty,
        "an untouched link composer closes without asking"
    );
    let bytes = composer.build(&window.accounts[0].account).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("ann@btinternet.com"), "{text}");
    assert!(app.pending_mailto.is_none(), "the link is used once");
}

/// Anything else in the link's place is refused with a clear message, not a window.
#[test]
fn mainwin_cli_refuses_what_is_not_a_mailto_link() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pillarbox"))
        .args(["--lang", "en-GB", "https://example.org/x"])
        .env("PILLARBOX_HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a mailto: link"), "{err}");
}
