//! Keyboard and labelling checks on the real wizard widgets (iced_test simulator).
//!
//! iced 0.14 has no screen-reader support, so what we can promise is: every text field has a
//! visible label right above it, Tab reaches the fields in the order they appear on screen,
//! and the fields leave Tab to the app (which moves the focus with `focus_next`).

use std::sync::{Arc, Mutex};

use iced::widget::Id;
use iced::Rectangle;
use iced_test::selector::{Candidate, Selector};
use pillarbox::mail::paths::Paths;
use pillarbox::ui::wizard::{advanced, form, Message, Wizard};

#[derive(Clone, Debug)]
enum Seen {
    Focusable(Option<Id>, Rectangle),
    Text(String, Rectangle),
}

/// Records every focusable widget and text, in the depth-first order iced's focus operations
/// walk; never selects anything, so it sees the whole tree.
#[derive(Clone)]
struct Walk(Arc<Mutex<Vec<Seen>>>);

impl Selector for Walk {
    type Output = ();

    fn select(&mut self, candidate: Candidate<'_>) -> Option<()> {
        let seen = match candidate {
            Candidate::Focusable { id, bounds, .. } => Seen::Focusable(id.cloned(), bounds),
            Candidate::Text {
                content, bounds, ..
            } => Seen::Text(content.to_string(), bounds),
            _ => return None,
        };
        self.0.lock().unwrap().push(seen);
        None
    }

    fn description(&self) -> String {
        "every focusable widget and text".into()
    }
}

fn walk(wizard: &Wizard) -> Vec<Seen> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut ui = iced_test::simulator(wizard.view());
    let _ = ui.find(Walk(seen.clone()));
    let seen = seen.lock().unwrap().clone();
    seen
}

fn open_wizard() -> Wizard {
    pillarbox::i18n::init_for_tests("en-GB");
    let mut w = Wizard::new(Paths::under(std::path::Path::new(
        "/nonexistent-pillarbox-test",
    )));
    let _ = w.update(Message::Form(form::Message::Email(
        "ann@btinternet.com".into(),
    )));
    let _ = w.update(Message::Advanced(advanced::Message::Toggle));
    assert!(w.advanced.open);
    w
}

fn focusables(seen: &[Seen]) -> Vec<(Option<Id>, Rectangle)> {
    seen.iter()
        .filter_map(|s| match s {
            Seen::Focusable(id, bounds) => Some((id.clone(), *bounds)),
            Seen::Text(..) => None,
        })
        .collect()
}

#[test]
fn tab_reaches_every_field_in_screen_order() {
    let w = open_wizard();
    let fields = focusables(&walk(&w));
    // Address, password, name; incoming host, port, user name; outgoing host, port, user
    // name; CA file.
    assert_eq!(fields.len(), 10, "{fields:?}");
    let ids: Vec<Option<Id>> = fields.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(ids[0], Some(Id::new(form::EMAIL_ID)));
    assert_eq!(ids[1], Some(Id::new(form::PASSWORD_ID)));
    assert_eq!(ids[2], Some(Id::new(form::NAME_ID)));
    assert_eq!(ids[9], Some(Id::new(advanced::CA_FILE_ID)));
    // Reading order: each next field is lower, or on the same line further right.
    for pair in fields.windows(2) {
        let (a, b) = (pair[0].1, pair[1].1);
        let same_line = (a.y - b.y).abs() < 1.0;
        assert!(
            b.y > a.y + 1.0 || (same_line && b.x > a.x),
            "focus jumps back from {a:?} to {b:?}"
        );
    }
}

#[test]
fn every_field_has_a_visible_label_right_above_it() {
    let w = open_wizard();
    let seen = walk(&w);
    let texts: Vec<(String, Rectangle)> = seen
        .iter()
        .filter_map(|s| match s {
            Seen::Text(content, bounds) => Some((content.clone(), *bounds)),
            Seen::Focusable(..) => None,
        })
        .collect();
    for (id, field) in focusables(&seen) {
        let label = texts.iter().find(|(content, text)| {
            let above = text.y + text.height <= field.y + 1.0
                && field.y - (text.y + text.height) <= 12.0
                && text.x >= field.x - 1.0
                && text.x < field.x + field.width;
            above && !content.trim().is_empty()
        });
        assert!(
            label.is_some(),
            "the field {id:?} at {field:?} has no label above it"
        );
    }
}

#[test]
fn text_fields_leave_tab_to_the_app() {
    let w = open_wizard();
    let mut ui = iced_test::simulator(w.view());
    ui.click(iced_test::selector::id(form::EMAIL_ID))
        .expect("the address field");
    let status = ui.tap_key(iced::keyboard::key::Named::Tab);
    assert_eq!(
        status,
        iced::event::Status::Ignored,
        "a field that captured Tab would trap keyboard users"
    );
}

/// Every text of a main-window view, in tree order.
fn texts_of(w: &pillarbox::ui::mailbox::MainWindow) -> Vec<String> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut ui = iced_test::simulator(w.view());
    let _ = ui.find(Walk(seen.clone()));
    let seen = seen.lock().unwrap().clone();
    seen.into_iter()
        .filter_map(|s| match s {
            Seen::Text(content, _) => Some(content),
            Seen::Focusable(..) => None,
        })
        .collect()
}

fn demo_window(count: usize) -> (tempfile::TempDir, pillarbox::ui::mailbox::MainWindow) {
    let f = crate::support::window(count);
    (f.dir, f.window)
}

#[test]
fn the_help_overlay_lists_every_shortcut_of_the_table() {
    use pillarbox::ui::mailbox::keys::{Group, SHORTCUTS};
    let (_dir, mut w) = demo_window(50);
    w.help = true;
    let texts = texts_of(&w);
    for group in Group::ALL {
        assert!(texts.contains(&group.name()), "no heading {:?}", group);
    }
    for shortcut in SHORTCUTS {
        let label = shortcut.chord.label();
        assert!(
            texts
                .iter()
                .any(|t| t.split(" / ").any(|part| part == label)),
            "the help does not show {label}"
        );
        assert!(
            texts.contains(&shortcut.action.name()),
            "the help does not name {:?}",
            shortcut.action
        );
    }
}

#[test]
fn ctrl_enter_in_the_message_body_sends_instead_of_adding_a_line() {
    use iced::keyboard::{self, key::Named, Key, Modifiers};
    use pillarbox::ui::mailbox::{composer, Message as Mail};
    let (_dir, mut w) = demo_window(50);
    let _ = w.update(Mail::New);
    let mut ui = iced_test::simulator(w.view());
    ui.click(iced_test::selector::id(composer::BODY_ID))
        .expect("the body");
    let ctrl_enter = iced::Event::Keyboard(keyboard::Event::KeyPressed {
        key: Key::Named(Named::Enter),
        modified_key: Key::Named(Named::Enter),
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers: Modifiers::COMMAND,
        repeat: false,
        text: Some("\r".into()),
    });
    let status = ui.simulate([ctrl_enter]);
    assert_eq!(status, [iced::event::Status::Captured]);
    let messages: Vec<Mail> = ui.into_messages().collect();
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, Mail::Composer(composer::Message::Send))),
        "{messages:?}"
    );
    assert!(
        !messages
            .iter()
            .any(|m| matches!(m, Mail::Composer(composer::Message::Body(a)) if a.is_edit())),
        "no new line typed: {messages:?}"
    );
}

#[test]
fn letters_typed_in_a_field_never_reach_the_shortcuts() {
    use iced::keyboard::key::Named;
    use pillarbox::ui::mailbox::{picker, search};
    let (_dir, mut w) = demo_window(50);
    let mut ui = iced_test::simulator(w.view());
    ui.click(iced_test::selector::id(search::INPUT_ID))
        .expect("the search box");
    // `keyboard::listen` only hears ignored keys: a captured "s" cannot flag a message.
    assert_eq!(ui.typewrite("s"), iced::event::Status::Captured);
    drop(ui);
    // In the folder picker's field, letters filter but Up/Down are left to the window,
    // which moves the highlight with them.
    let _ = w.update(pillarbox::ui::mailbox::Message::List(
        pillarbox::ui::mailbox::list::Message::Clicked(0),
    ));
    let _ = w.shortcut(
        iced::keyboard::Key::Character("m".into()),
        Default::default(),
    );
    assert!(w.picker.is_some());
    let mut ui = iced_test::simulator(w.view());
    ui.click(iced_test::selector::id(picker::INPUT_ID))
        .expect("the picker's field");
    assert_eq!(ui.typewrite("a"), iced::event::Status::Captured);
    assert_eq!(ui.tap_key(Named::ArrowDown), iced::event::Status::Ignored);
}
