//! The window by keyboard alone, on real demo stores: the shortcut table walked entry by
//! entry, folder navigation across accounts, the `m`/`g` folder picker, the composer's
//! Ctrl+Enter and Ctrl+S, and the rule that letters belong to text fields.

use iced::keyboard::{key::Named, Key, Modifiers};
use pillarbox::mail::store::Sort;
use pillarbox::ui::mailbox::folders::Selection;
use pillarbox::ui::mailbox::keys::{self, Action, Context, SHORTCUTS};
use pillarbox::ui::mailbox::{composer, engine, list, picker, MainWindow, Message};

use crate::support::{press, window};

fn letter(w: &mut MainWindow, c: &str) {
    let _ = w.shortcut(Key::Character(c.into()), Modifiers::default());
}

#[test]
fn keys_every_table_entry_is_reachable_and_unambiguous() {
    pillarbox::i18n::init(Some("en-GB"));
    for shortcut in SHORTCUTS {
        let (key, modifiers) = shortcut.chord.press();
        assert_eq!(
            keys::lookup(&key, modifiers, shortcut.action.context()),
            Some(shortcut.action),
            "{:?} does not reach {:?}",
            shortcut.chord,
            shortcut.action
        );
        // A shortcut works only where it belongs: composer keys do nothing in the list,
        // and the zoom keys work in both.
        let other = match shortcut.action.context() {
            Context::Main => Context::Composer,
            Context::Composer => Context::Main,
            Context::Everywhere => {
                for context in [Context::Main, Context::Composer] {
                    assert_eq!(
                        keys::lookup(&key, modifiers, context),
                        Some(shortcut.action)
                    );
                }
                continue;
            }
        };
        assert_ne!(
            keys::lookup(&key, modifiers, other),
            Some(shortcut.action),
            "{:?} leaks out of its context",
            shortcut.action
        );
    }
    // No two entries of one context share a key (keys for everywhere share every context).
    for (i, a) in SHORTCUTS.iter().enumerate() {
        for b in &SHORTCUTS[i + 1..] {
            let overlap = a.action.context() == b.action.context()
                || a.action.context() == Context::Everywhere
                || b.action.context() == Context::Everywhere;
            assert!(
                a.chord != b.chord || !overlap,
                "{:?} and {:?} share {:?}",
                a.action,
                b.action,
                a.chord
            );
        }
    }
}

#[test]
fn keys_letters_need_no_modifier_and_ctrl_letters_are_other_keys() {
    pillarbox::i18n::init(Some("en-GB"));
    let s = Key::Character("s".into());
    assert_eq!(
        keys::lookup(&s, Modifiers::default(), Context::Main),
        Some(Action::ToggleFlag)
    );
    assert_eq!(keys::lookup(&s, Modifiers::COMMAND, Context::Main), None);
    assert_eq!(keys::lookup(&s, Modifiers::ALT, Context::Main), None);
    assert_eq!(
        keys::lookup(&s, Modifiers::COMMAND, Context::Composer),
        Some(Action::SaveDraft)
    );
    // Shift is part of the character: "A" archives, "a" replies to all.
    let upper = Key::Character("A".into());
    assert_eq!(
        keys::lookup(&upper, Modifiers::SHIFT, Context::Main),
        Some(Action::Archive)
    );
    // Ctrl+Shift+F attaches whether or not the platform upper-cases the letter.
    for f in ["f", "F"] {
        let key = Key::Character(f.into());
        assert_eq!(
            keys::lookup(
                &key,
                Modifiers::COMMAND | Modifiers::SHIFT,
                Context::Composer
            ),
            Some(Action::Attach)
        );
    }
    // Shift+arrow still means "next", extending the selection.
    assert_eq!(
        keys::lookup(
            &Key::Named(Named::ArrowDown),
            Modifiers::SHIFT,
            Context::Main
        ),
        Some(Action::Next)
    );
    assert_eq!(
        keys::lookup(
            &Key::Named(Named::ArrowDown),
            Modifiers::COMMAND,
            Context::Main
        ),
        Some(Action::NextFolder)
    );
}

#[test]
fn keys_labels_and_tooltips_come_from_the_table() {
    pillarbox::i18n::init(Some("en-GB"));
    assert_eq!(keys::keys_of(Action::Next), "j / ↓");
    assert_eq!(keys::keys_of(Action::Archive), "Shift+A");
    assert_eq!(keys::keys_of(Action::Send), "Ctrl+Enter");
    assert_eq!(keys::keys_of(Action::Attach), "Ctrl+Shift+F");
    assert_eq!(keys::keys_of(Action::Delete), "Del");
    let tip = keys::tip_text(Action::SaveDraft).replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(tip, "Save as a draft (Ctrl+S)");
    // Every action has a key and a name, and the help lists each once.
    let rows = keys::help_rows();
    let listed: usize = rows.iter().map(|(_, r)| r.len()).sum();
    let mut unique: Vec<Action> = Vec::new();
    for shortcut in SHORTCUTS {
        if !unique.contains(&shortcut.action) {
            unique.push(shortcut.action);
        }
    }
    assert_eq!(listed, unique.len());
    for (keys, name) in rows.iter().flat_map(|(_, r)| r) {
        assert!(!keys.is_empty() && !name.is_empty());
    }
}

#[test]
fn keys_folder_steps_cross_account_sections() {
    let mut f = crate::support::two_accounts(200, 150);
    let w = &mut f.window;
    assert_eq!(w.folders.selected, Selection::AllInboxes);
    let order = w.folder_order();
    let first_of_second = order
        .iter()
        .position(|s| s.account() == Some(1))
        .expect("the second account has folders");
    // Ctrl+↓ from "All Inboxes" goes through the first account into the second.
    for expected in &order[1..=first_of_second] {
        press(w, Action::NextFolder);
        assert_eq!(&w.folders.selected, expected);
    }
    assert_eq!(w.folders.selected.account(), Some(1));
    assert_eq!(
        w.list.source,
        list::Source::Folder(1, "INBOX".to_string()),
        "the list follows the folder"
    );
    // "[" (previous) goes back over the boundary into the first account's last folder.
    letter(w, "[");
    assert_eq!(w.folders.selected, order[first_of_second - 1]);
    assert_eq!(w.folders.selected.account(), Some(0));
    // Ctrl+1 goes home: the unified Inbox.
    press(w, Action::Inbox);
    assert_eq!(w.folders.selected, Selection::AllInboxes);
    assert_eq!(w.list.source, list::Source::AllInboxes);
    // Previous at the top stays there.
    press(w, Action::PreviousFolder);
    assert_eq!(w.folders.selected, Selection::AllInboxes);
}

#[test]
fn keys_m_filters_folders_and_enter_moves_the_selection() {
    let mut f = window(300);
    let w = &mut f.window;
    // Nothing selected: nothing to move, no picker.
    letter(w, "m");
    assert!(w.picker.is_none());
    let _ = w.update(Message::List(list::Message::Clicked(0)));
    let id = w.list.single_selection().unwrap().id;
    letter(w, "m");
    let state = w.picker.as_ref().expect("m opens the picker");
    assert_eq!(state.purpose, picker::Purpose::Move);
    assert!(
        state
            .visible()
            .iter()
            .all(|c| c.target != Selection::Folder(0, "INBOX".into())),
        "the folder shown is not offered"
    );
    // Typing goes to the field (a message of its own); letters are not shortcuts.
    let _ = w.update(Message::Picker(picker::Message::Filter("ARCH".into())));
    let visible: Vec<String> = w
        .picker
        .as_ref()
        .unwrap()
        .visible()
        .iter()
        .map(|c| c.label.clone())
        .collect();
    assert_eq!(visible, ["Archive"]);
    let _ = w.shortcut(Key::Named(Named::Enter), Modifiers::default());
    assert!(w.picker.is_none(), "picking closes the picker");
    assert_eq!(w.accounts[0].store.get(id).unwrap().folder, "Archive");
    assert!(crate::support::note(w).contains("Moved 1 message"));

    // Escape closes without moving; Down moves the highlight.
    let _ = w.update(Message::List(list::Message::Clicked(0)));
    let id = w.list.single_selection().unwrap().id;
    letter(w, "m");
    let _ = w.shortcut(Key::Named(Named::ArrowDown), Modifiers::default());
    assert_eq!(w.picker.as_ref().unwrap().cursor, 1);
    let _ = w.shortcut(Key::Named(Named::Escape), Modifiers::default());
    assert!(w.picker.is_none());
    assert_eq!(w.accounts[0].store.get(id).unwrap().folder, "INBOX");
}

#[test]
fn keys_g_goes_to_a_folder_by_name() {
    let mut f = window(300);
    let w = &mut f.window;
    letter(w, "g");
    assert_eq!(w.picker.as_ref().unwrap().purpose, picker::Purpose::Go);
    let _ = w.update(Message::Picker(picker::Message::Filter("sen".into())));
    let _ = w.update(Message::Picker(picker::Message::Submit));
    assert!(w.picker.is_none());
    assert_eq!(w.folders.selected, Selection::Folder(0, "Sent".into()));
    assert_eq!(w.list.source, list::Source::Folder(0, "Sent".into()));
    // A filter nothing matches picks nothing and keeps the picker open.
    letter(w, "g");
    let _ = w.update(Message::Picker(picker::Message::Filter("zzzz".into())));
    let _ = w.update(Message::Picker(picker::Message::Submit));
    assert!(w.picker.is_some());
    assert_eq!(w.folders.selected, Selection::Folder(0, "Sent".into()));
}

#[test]
fn keys_composer_ctrl_enter_sends_and_ctrl_s_saves() {
    let mut f = window(300);
    let w = &mut f.window;
    let drafts = w.accounts[0].store.count("Drafts").unwrap();
    letter(w, "c");
    assert!(w.composer.is_some());
    let _ = w.update(Message::Composer(composer::Message::Address(
        composer::Field::To,
        "ann@example.org".into(),
    )));
    let _ = w.update(Message::Composer(composer::Message::Subject(
        "Sent by keyboard".into(),
    )));
    // Letters are text in the composer: "s" does not flag anything behind it.
    let flagged_before = w.list.selected.clone();
    letter(w, "s");
    assert!(w.composer.is_some());
    assert_eq!(w.list.selected, flagged_before);

    let _ = w.shortcut(Key::Character("s".into()), Modifiers::COMMAND);
    assert_eq!(w.accounts[0].store.count("Drafts").unwrap(), drafts + 1);
    assert!(!w.composer.as_ref().unwrap().dirty, "saved");

    let _ = w.shortcut(Key::Named(Named::Enter), Modifiers::COMMAND);
    assert!(w.composer.is_none(), "Ctrl+Enter sends and closes");
    let queued = w.accounts[0]
        .store
        .list(engine::OUTBOX, Sort::default(), 0, 10)
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].subject, "Sent by keyboard");
}

#[test]
fn keys_composer_escape_asks_when_dirty() {
    let mut f = window(50);
    let w = &mut f.window;
    letter(w, "c");
    let _ = w.update(Message::Composer(composer::Message::Subject("x".into())));
    press(w, Action::CloseComposer);
    assert!(w.composer.as_ref().unwrap().confirm_close);
}

#[test]
fn keys_select_all_settings_and_escape() {
    let mut f = window(300);
    let w = &mut f.window;
    press(w, Action::SelectAll);
    assert_eq!(w.list.selected.len() as u64, w.list.total);
    assert!(w.list.total > 100, "beyond the fetched window");
    assert_eq!(w.reader.shown(), None);

    press(w, Action::Settings);
    assert!(w.settings.is_some(), "Ctrl+, opens the settings");
    press(w, Action::Help);
    assert!(w.help);
    // Escape closes the topmost first.
    press(w, Action::Close);
    assert!(!w.help);
    assert!(w.settings.is_some());
    press(w, Action::Close);
    assert!(w.settings.is_none());
}

#[test]
fn keys_caps_lock_letters_mean_the_unshifted_action() {
    // Caps Lock on: "a" arrives as "A" without Shift and must still mean reply-all.
    let caps = keys::lookup(
        &Key::Character("A".into()),
        Modifiers::default(),
        Context::Main,
    );
    assert_eq!(caps, Some(Action::ReplyAll));
    let shifted = keys::lookup(&Key::Character("A".into()), Modifiers::SHIFT, Context::Main);
    assert_eq!(shifted, Some(Action::Archive));
    // Caps Lock and Shift together type "a" with Shift held: still archive.
    let both = keys::lookup(&Key::Character("a".into()), Modifiers::SHIFT, Context::Main);
    assert_eq!(both, Some(Action::Archive));
}

/// Every row of the list, read one by one: what select-all must cover.
fn every_row(w: &mut MainWindow) -> std::collections::BTreeSet<pillarbox::ui::mailbox::MailRef> {
    (0..w.list.total)
        .map(|p| w.list.row_at(p, &w.accounts).unwrap().key())
        .collect()
}

#[test]
fn keys_select_all_takes_every_row_of_each_kind_of_list() {
    let mut f = crate::support::two_accounts(300, 200);
    let w = &mut f.window;
    // The unified Inbox, from its merge.
    assert_eq!(w.folders.selected, Selection::AllInboxes);
    press(w, Action::SelectAll);
    let rows = every_row(w);
    assert_eq!(w.list.selected, rows);
    assert_eq!(w.list.selected.len() as u64, w.list.total);
    // One account's folder, from one id query.
    press(w, Action::NextFolder);
    assert!(matches!(w.folders.selected, Selection::Folder(..)));
    press(w, Action::SelectAll);
    assert!(w.list.total > 0);
    let rows = every_row(w);
    assert_eq!(w.list.selected, rows);
    // Thread rows: one per conversation.
    let _ = w.update(Message::List(list::Message::ToggleThreads));
    press(w, Action::SelectAll);
    let rows = every_row(w);
    assert_eq!(w.list.selected, rows);
    assert_eq!(w.list.selected.len() as u64, w.list.total);
}
