//! The main window's layout and list grouping, headless on real stores: threads as one
//! row each (and what the actions on a thread row touch), pane sizes that are saved and
//! restored, and the theme chosen in settings.

use iced::keyboard::{key::Named, Key, Modifiers};
use pillarbox::mail::account::AccountId;
use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::{Flags, MailStore, NewMessage, SortKey};
use pillarbox::ui::mailbox::keys::Action;
use pillarbox::ui::mailbox::layout::{self, Saved};
use pillarbox::ui::mailbox::{list, MailRef, MainWindow, Message};

/// A store with one conversation of three messages (one unread) and two lone ones.
use crate::support::{list_msg, press, run_task};

fn conversation_store(dir: &std::path::Path) -> MailStore {
    let paths = Paths::under(dir);
    let mut store = MailStore::open(&paths, &AccountId("test".into())).unwrap();
    let messages = [
        ("plan", "ann@example.org", "1", "<a@x>", "", "S"),
        ("lunch", "bob@example.org", "2", "<l@x>", "", "S"),
        ("Re: plan", "cai@example.org", "3", "<b@x>", "<a@x>", ""),
        ("notes", "dee@example.org", "4", "<n@x>", "", "S"),
        ("Re: plan", "eve@example.org", "5", "<c@x>", "<b@x>", "S"),
    ];
    for (subject, from, day, id, parent, flags) in messages {
        let mut bytes = format!(
            "From: {from}\r\nTo: me@example.org\r\nSubject: {subject}\r\n\
             Date: Mon, {day} Mar 2026 10:00:00 +0000\r\nMessage-ID: {id}\r\n"
        );
        if !parent.is_empty() {
            bytes.push_str(&format!("In-Reply-To: {parent}\r\n"));
        }
        bytes.push_str("\r\nHello\r\n");
        store
            .add(
                "INBOX",
                NewMessage::Bytes(bytes.as_bytes()),
                None,
                &Flags::new(flags),
            )
            .unwrap();
    }
    store
}

fn window(dir: &std::path::Path) -> MainWindow {
    pillarbox::i18n::init(Some("en-GB"));
    MainWindow::new(pillarbox::demo::account(), conversation_store(dir), true)
}

fn subjects(w: &mut MainWindow) -> Vec<String> {
    (0..w.list.total)
        .map(|p| w.list.row_at(p, &w.accounts).unwrap().subject.clone())
        .collect()
}

/// The window on the conversation store, threads on, the conversation's row selected.
fn thread_selected(dir: &std::path::Path) -> (MainWindow, Vec<MailRef>) {
    let mut w = window(dir);
    w.paths = Some(Paths::under(dir));
    list_msg(&mut w, list::Message::ToggleThreads);
    list_msg(&mut w, list::Message::Clicked(0));
    let newest = w.list.single_selection().unwrap();
    let store = &w.accounts[0].store;
    let thread = store.get(newest.id).unwrap().thread_id;
    let members = store
        .index()
        .thread(thread)
        .unwrap()
        .iter()
        .map(|r| MailRef {
            account: 0,
            id: r.id,
        })
        .collect::<Vec<_>>();
    assert_eq!(members.len(), 3);
    (w, members)
}

fn folder_of(w: &MainWindow, message: MailRef) -> String {
    w.accounts[0].store.get(message.id).unwrap().folder
}

#[test]
fn panes_threads_toggle_groups_a_conversation_into_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let w = &mut window(dir.path());
    assert_eq!(w.list.total, 5);
    assert_eq!(
        w.list.thread_info(0),
        None,
        "single messages have no counts"
    );

    list_msg(w, list::Message::ToggleThreads);
    assert!(w.list.threads);
    assert_eq!(w.list.total, 3, "three messages of one thread make one row");
    // Newest first, the thread where its newest message (the 5th) is.
    assert_eq!(subjects(w), ["Re: plan", "notes", "lunch"]);
    let info = w.list.thread_info(0).unwrap();
    assert_eq!((info.messages, info.unread), (3, 1));
    assert_eq!(w.list.thread_info(1).unwrap().messages, 1);
    let newest = w.list.row_at(0, &w.accounts).unwrap().clone();
    assert_eq!(newest.account, 0);
    assert_eq!(newest.from.address, "eve@example.org");

    // Selecting the thread opens the conversation in the reader.
    list_msg(w, list::Message::Clicked(0));
    let open = w.reader.open.as_ref().unwrap();
    assert_eq!(open.row.id, newest.id);
    assert_eq!(open.thread.len() + 1, 3);
    // Reading the conversation reads the thread row: its older unread message too.
    let unread = w.accounts[0]
        .store
        .index()
        .thread(newest.thread_id)
        .unwrap()
        .into_iter()
        .find(|r| r.is_unread())
        .unwrap();
    assert_ne!(unread.id, newest.id);
    let demo = w.accounts[0].account.id();
    let _ = w.update(Message::MarkReadDue(newest.key(), demo));
    assert!(!w.accounts[0].store.get(unread.id).unwrap().is_unread());
    assert_eq!(w.list.thread_info(0).unwrap().unread, 0);
    assert_eq!(w.folders.unread(0, "INBOX"), 0);

    // Arrows move over thread rows.
    let _ = w.shortcut(Key::Named(Named::ArrowDown), Modifiers::default());
    assert_eq!(w.list.cursor, Some(1));
    assert_eq!(w.shown(), w.list.single_selection());
    assert_eq!(
        w.accounts[0]
            .store
            .get(w.list.single_selection().unwrap().id)
            .unwrap()
            .subject,
        "notes"
    );

    // Sorting still works grouped: by subject A to Z (reply prefixes ignored).
    list_msg(w, list::Message::Sort(SortKey::Subject));
    assert_eq!(w.list.total, 3);
    assert_eq!(subjects(w), ["lunch", "notes", "Re: plan"]);
    list_msg(w, list::Message::Sort(SortKey::From));
    assert_eq!(subjects(w), ["lunch", "notes", "Re: plan"], "bob, dee, eve");
    list_msg(w, list::Message::Sort(SortKey::Date));
    assert_eq!(subjects(w), ["Re: plan", "notes", "lunch"]);

    // A selected message stays selected through the toggle, as its thread's row.
    list_msg(w, list::Message::ToggleThreads);
    assert_eq!(w.list.total, 5, "toggling back lists every message");
    assert_eq!(w.list.thread_info(0), None);
    let older_reply = (0..5)
        .find(|p| w.list.row_at(*p, &w.accounts).unwrap().from.address == "cai@example.org")
        .unwrap();
    list_msg(w, list::Message::Clicked(older_reply));
    list_msg(w, list::Message::ToggleThreads);
    assert_eq!(w.list.single_selection(), Some(newest.key()));
    assert_eq!(w.shown(), Some(newest.key()));
}

#[test]
fn panes_thread_row_flag_and_read_cover_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, members) = thread_selected(dir.path());
    let w = &mut w;
    let flags = |w: &MainWindow, flag: char| -> Vec<bool> {
        members
            .iter()
            .map(|m| {
                w.accounts[0]
                    .store
                    .get(m.id)
                    .unwrap()
                    .flags()
                    .contains(flag)
            })
            .collect()
    };
    // `s` flags every message of the thread, not only the newest; again unflags all.
    press(w, Action::ToggleFlag);
    assert_eq!(flags(w, Flags::FLAGGED), [true; 3]);
    press(w, Action::ToggleFlag);
    assert_eq!(flags(w, Flags::FLAGGED), [false; 3]);

    // `u` on a row with an unread message reads the whole conversation (the row shows
    // it unread), then makes it all unread.
    assert_eq!(flags(w, Flags::SEEN), [true, false, true]);
    press(w, Action::ToggleRead);
    assert_eq!(flags(w, Flags::SEEN), [true; 3]);
    assert_eq!(w.list.thread_info(0).unwrap().unread, 0);
    assert_eq!(w.folders.unread(0, "INBOX"), 0);
    press(w, Action::ToggleRead);
    assert_eq!(flags(w, Flags::SEEN), [false; 3]);
    assert_eq!(w.list.thread_info(0).unwrap().unread, 3);
    assert_eq!(w.folders.unread(0, "INBOX"), 3);

    // Threads off: the same key touches the selected message alone.
    list_msg(w, list::Message::ToggleThreads);
    let one = w.list.single_selection().unwrap();
    press(w, Action::ToggleFlag);
    let flagged: Vec<bool> = flags(w, Flags::FLAGGED);
    assert_eq!(flagged.iter().filter(|f| **f).count(), 1);
    assert!(w.accounts[0]
        .store
        .get(one.id)
        .unwrap()
        .flags()
        .contains(Flags::FLAGGED));
}

#[test]
fn panes_thread_row_delete_archive_and_move_take_the_conversation() {
    // Delete: all three to Trash, the list keeps the two other rows.
    let dir = tempfile::tempdir().unwrap();
    let (mut w, members) = thread_selected(dir.path());
    press(&mut w, Action::Delete);
    for m in &members {
        assert_eq!(folder_of(&w, *m), "Trash");
    }
    assert_eq!(w.accounts[0].store.count("INBOX").unwrap(), 2);
    assert_eq!(w.list.total, 2);
    assert_eq!(subjects(&mut w), ["notes", "lunch"]);

    // Archive (Shift+A).
    let dir = tempfile::tempdir().unwrap();
    let (mut w, members) = thread_selected(dir.path());
    press(&mut w, Action::Archive);
    let archive = w.archive_folder(0);
    for m in &members {
        assert_eq!(folder_of(&w, *m), archive);
    }
    assert_eq!(w.list.total, 2);

    // Move to… a folder of the account.
    let dir = tempfile::tempdir().unwrap();
    let (mut w, members) = thread_selected(dir.path());
    let _ = w.update(Message::MoveTo("Projects".into()));
    for m in &members {
        assert_eq!(folder_of(&w, *m), "Projects");
    }
    assert_eq!(w.accounts[0].store.count("INBOX").unwrap(), 2);
    // The conversation is one row there too.
    let _ = w.update(Message::Folders(
        pillarbox::ui::mailbox::folders::Message::Select(
            pillarbox::ui::mailbox::folders::Selection::Folder(0, "Projects".into()),
        ),
    ));
    assert!(w.list.threads);
    assert_eq!(w.list.total, 1);
    assert_eq!(w.list.thread_info(0).unwrap().messages, 3);
}

#[test]
fn panes_threads_group_one_accounts_folder_not_the_unified_inbox() {
    let mut f = crate::support::two_accounts(300, 200);
    let w = &mut f.window;
    assert_eq!(w.list.source, list::Source::AllInboxes);
    let all = w.list.total;
    list_msg(w, list::Message::ToggleThreads);
    // The unified Inbox and search hits list single messages even with threads on.
    assert_eq!(w.list.total, all);
    assert_eq!(w.list.thread_info(0), None);
    assert_eq!(w.list.grouped(), None);

    // The second account's Inbox groups from that account's store.
    let _ = w.update(Message::Folders(
        pillarbox::ui::mailbox::folders::Message::Select(
            pillarbox::ui::mailbox::folders::Selection::Folder(1, "INBOX".into()),
        ),
    ));
    assert_eq!(w.list.grouped(), Some((1, "INBOX")));
    let threads = w.accounts[1].store.index().count_threads("INBOX").unwrap();
    let messages = w.accounts[1].store.count("INBOX").unwrap();
    assert!(threads < messages, "the demo has conversations");
    assert_eq!(w.list.total, threads);
    let counted: u64 = (0..w.list.total)
        .map(|p| {
            let row = w.list.row_at(p, &w.accounts).unwrap();
            assert_eq!(row.account, 1, "rows carry their account");
            w.list.thread_info(p).unwrap().messages
        })
        .sum();
    assert_eq!(counted, messages);
}

#[test]
fn panes_resize_is_kept_saved_after_a_pause_and_restored() {
    use iced::widget::pane_grid;
    let dir = tempfile::tempdir().unwrap();
    let w = &mut window(dir.path());
    let paths = Paths::under(dir.path());
    w.paths = Some(paths.clone());
    let file = Saved::path(&paths);
    let before = w.layout.saved();
    assert_eq!(before, Saved::default());

    // The splits the grid was built with: the outer one (folders) first.
    let splits: Vec<pane_grid::Split> = w.layout.panes.layout().splits().copied().collect();
    assert_eq!(splits.len(), 2);
    let outer = match w.layout.panes.layout() {
        pane_grid::Node::Split { id, .. } => *id,
        pane_grid::Node::Pane(_) => unreachable!(),
    };
    let inner = splits.into_iter().find(|s| *s != outer).unwrap();
    let resize = |w: &mut MainWindow, split, ratio| {
        let _ = w.update(Message::Layout(layout::Message::Resized(
            pane_grid::ResizeEvent { split, ratio },
        )));
    };
    resize(w, outer, 0.25);
    let first = w.layout.generation();
    resize(w, inner, 0.55);
    assert_eq!(w.layout.saved().folders, 0.25);
    assert_eq!(w.layout.saved().list, 0.55);
    // Dragged too far: held at the edge of the range.
    resize(w, outer, 0.99);
    assert!(w.layout.saved().folders < 0.5);
    resize(w, outer, 0.25);
    let _ = w.update(Message::Layout(layout::Message::WindowResized(
        iced::Size::new(1400.0, 900.0),
    )));

    // No write during the drag; the timer of an earlier move is stale.
    assert!(!file.exists());
    let _ = w.update(Message::Layout(layout::Message::SaveDue(first)));
    assert!(!file.exists(), "a stale timer writes nothing");
    let latest = w.layout.generation();
    let write = w.update(Message::Layout(layout::Message::SaveDue(latest)));
    assert!(
        !file.exists(),
        "the file is written by a task, not inside update"
    );
    for done in run_task(write) {
        let _ = w.update(done);
    }
    assert!(w.status.note.is_none(), "{:?}", w.status.note);
    let saved = Saved::load(&file);
    assert_eq!(saved, w.layout.saved());
    assert_eq!((saved.folders, saved.list), (0.25, 0.55));
    assert_eq!(saved.window_size(), Some(iced::Size::new(1400.0, 900.0)));

    // The keyboard moves the list's divider too (from the shortcut table; `]` is the
    // next folder, not the divider).
    press(w, Action::WidenList);
    assert!((w.layout.saved().list - 0.60).abs() < 1e-4);
    press(w, Action::NarrowList);
    press(w, Action::NarrowList);
    assert!((w.layout.saved().list - 0.50).abs() < 1e-4);
    let _ = w.shortcut(Key::Character("]".into()), Modifiers::default());
    assert!((w.layout.saved().list - 0.50).abs() < 1e-4);

    // Restored at start-up by the app shell.
    let restored = layout::State::restore(&paths).saved();
    assert_eq!(restored, saved);

    // A write that fails is said in the status bar when the task comes back.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"").unwrap();
    w.paths = Some(Paths::under(&blocked));
    resize(w, outer, 0.3);
    let latest = w.layout.generation();
    let write = w.update(Message::Layout(layout::Message::SaveDue(latest)));
    assert!(w.status.note.is_none());
    for done in run_task(write) {
        let _ = w.update(done);
    }
    assert!(w.status.note.is_some(), "the failed save is reported");
}

#[test]
fn panes_restore_clamps_garbage_and_survives_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("window.toml");
    std::fs::write(
        &file,
        "version = 7\nfolders = 3.5\nlist = -1.0\nwidth = 1e9\nheight = 10.0\nfuture = \"x\"\n",
    )
    .unwrap();
    let saved = Saved::load(&file);
    assert!(saved.folders > 0.0 && saved.folders < 0.5, "{saved:?}");
    assert!(saved.list > 0.1 && saved.list < 0.9, "{saved:?}");
    let size = saved.window_size().unwrap();
    assert!(size.width <= 16_384.0 && size.height >= 520.0, "{size:?}");

    std::fs::write(&file, "folders = \"wide\"\n[[[").unwrap();
    assert_eq!(Saved::load(&file), Saved::default());
    std::fs::write(&file, "folders = nan\nlist = 0.3\n").unwrap();
    let saved = Saved::load(&file);
    assert_eq!((saved.folders, saved.list), (Saved::default().folders, 0.3));
    assert_eq!(saved.window_size(), None);
    assert_eq!(
        Saved::load(&dir.path().join("missing.toml")),
        Saved::default()
    );
    // A clamped state builds a grid with the clamped ratios.
    let state = layout::State::from_saved(Saved {
        folders: 0.0,
        list: 1.0,
        ..Saved::default()
    });
    assert!(state.saved().folders >= 0.08 && state.saved().list <= 0.85);
}

#[test]
fn panes_saved_theme_applies_at_once_and_system_follows_the_desktop() {
    use pillarbox::mail::config::{Config, Theme};
    use pillarbox::ui::mailbox::settings;
    use pillarbox::ui::{App, Screen, Startup};
    let (_dir, paths) = crate::support::demo_home(|_| {});
    let mut app = App::new(Startup::Ready {
        paths: paths.clone(),
        accounts: vec![pillarbox::demo::account()],
    });
    app.open_mailbox = true;
    app.show_mailbox();
    assert!(matches!(app.screen, Screen::Mail(_)));
    let light = pillarbox::ui::theme::for_mode(iced::theme::Mode::Light);
    let dark = pillarbox::ui::theme::for_mode(iced::theme::Mode::Dark);
    let _ = app.update(pillarbox::ui::Message::SystemTheme(
        iced::theme::Mode::Light,
    ));
    assert_eq!(app.theme(), light);

    let mail = |app: &mut App, m: Message| {
        let _ = app.update(pillarbox::ui::Message::Mail(m));
    };
    let choose = |app: &mut App, theme| {
        crate::support::app_settle(app, pillarbox::ui::Message::Mail(Message::OpenSettings));
        mail(
            app,
            Message::Settings(settings::Message::Theme(settings::ThemeChoice(theme))),
        );
        let save = app.update(pillarbox::ui::Message::Mail(Message::Settings(
            settings::Message::Save,
        )));
        for message in run_task(save) {
            let _ = app.update(message);
        }
    };
    choose(&mut app, Theme::Dark);
    assert_eq!(app.theme(), dark, "dark although the desktop is light");
    assert_eq!(Config::load(&paths).unwrap().settings.theme, Theme::Dark);

    // At start-up the saved choice applies before the main window opens.
    let fresh = App::new(Startup::Ready {
        paths: paths.clone(),
        accounts: vec![pillarbox::demo::account()],
    });
    assert_eq!(fresh.theme(), dark);

    choose(&mut app, Theme::System);
    assert_eq!(app.theme(), light, "System follows the desktop");
    let _ = app.update(pillarbox::ui::Message::SystemTheme(iced::theme::Mode::Dark));
    assert_eq!(app.theme(), dark);
    choose(&mut app, Theme::Light);
    assert_eq!(app.theme(), light);
}

#[test]
fn panes_ui_dragging_a_divider_resizes_the_panes() {
    use iced::mouse;
    let dir = tempfile::tempdir().unwrap();
    let w = &mut window(dir.path());
    let before = w.layout.saved();
    // The divider right of the folders, at its share of a 1280-pixel-wide grid.
    let x = before.folders * 1280.0;
    let mut ui = iced_test::Simulator::with_size(Default::default(), (1280.0, 800.0), w.view());
    // The simulator reports events at the pointer: move it between them.
    let moved = iced::Point::new(x + 128.0, 400.0);
    ui.point_at(iced::Point::new(x, 400.0));
    ui.simulate([iced::Event::Mouse(mouse::Event::ButtonPressed(
        mouse::Button::Left,
    ))]);
    ui.point_at(moved);
    ui.simulate([
        iced::Event::Mouse(mouse::Event::CursorMoved { position: moved }),
        iced::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)),
    ]);
    let resized: Vec<Message> = ui
        .into_messages()
        .filter(|m| matches!(m, Message::Layout(layout::Message::Resized(_))))
        .collect();
    assert!(!resized.is_empty(), "the drag reports a resize");
    for message in resized {
        let _ = w.update(message);
    }
    let after = w.layout.saved();
    assert!(
        (after.folders - (before.folders + 0.1)).abs() < 0.02,
        "{before:?} -> {after:?}"
    );
    assert_eq!(after.list, before.list);
}
