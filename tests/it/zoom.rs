//! The text size: the zoom keys in the main window (whatever is open) and in the app shell
//! on the wizard, the setting in the settings form, the desktop's size as the default, and
//! what the window is scaled by (`scale_factor`) in each case.

use iced::keyboard::{Key, Modifiers};
use pillarbox::mail::config::Config;
use pillarbox::mail::paths::Paths;
use pillarbox::ui::mailbox::settings::{self, TextSizeChoice};
use pillarbox::ui::mailbox::{composer, MainWindow, Message};
use pillarbox::ui::scale::{self, Step};
use pillarbox::ui::{App, Screen, Startup};

use crate::support::{demo_home, settle, window};

fn ctrl(w: &mut MainWindow, key: &str, shift: bool) {
    let mut modifiers = Modifiers::COMMAND;
    if shift {
        modifiers |= Modifiers::SHIFT;
    }
    let _ = w.shortcut(Key::Character(key.into()), modifiers);
}

#[test]
fn zoom_keys_step_the_text_size_and_stop_at_the_ends() {
    let mut f = window(20);
    let w = &mut f.window;
    assert_eq!(w.scale_factor(), 1.0);
    ctrl(w, "=", false);
    assert_eq!(w.zoom.chosen, Some(110));
    assert_eq!(w.scale_factor(), 1.1);
    ctrl(w, "-", false);
    ctrl(w, "-", false);
    assert_eq!(w.zoom.chosen, Some(90));
    // "+" typed with Shift (an English keyboard) or without (German, the keypad).
    ctrl(w, "+", true);
    ctrl(w, "+", false);
    assert_eq!(w.zoom.chosen, Some(110));
    for _ in 0..12 {
        ctrl(w, "=", false);
    }
    assert_eq!(w.zoom.chosen, Some(200));
    for _ in 0..12 {
        ctrl(w, "-", false);
    }
    assert_eq!(w.zoom.chosen, Some(80));
    assert_eq!(w.scale_factor(), 0.8);
    // Ctrl+0: the desktop's size, whatever it is.
    let _ = w.update(Message::SystemScale(1.25));
    assert_eq!(w.scale_factor(), 0.8, "a chosen size stays");
    ctrl(w, "0", false);
    assert_eq!(w.zoom.chosen, None);
    assert_eq!(w.scale_factor(), 1.25);
    // The plain keys are not the zoom: "=" and "-" alone do nothing to it.
    let _ = w.shortcut(Key::Character("-".into()), Modifiers::default());
    assert_eq!(w.scale_factor(), 1.25);
}

#[test]
fn zoom_keys_work_in_the_composer_and_over_the_settings() {
    let mut f = window(20);
    let w = &mut f.window;
    w.composer = Some(composer::State::new());
    ctrl(w, "=", false);
    assert_eq!(w.zoom.percent(), 110);
    assert!(w.composer.is_some(), "the composer stays open");
    w.composer = None;
    // The settings form follows, so saving it does not put the old size back.
    crate::support::open_settings(w);
    ctrl(w, "=", false);
    let form = w.settings.as_ref().unwrap();
    assert_eq!(form.settings.text_scale_percent, Some(125));
}

#[test]
fn zoom_size_is_remembered_in_the_config_keeping_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let mut config = Config::default();
    config.add_account(pillarbox::demo::account()).unwrap();
    config.settings.notifications = false;
    config.save(&paths).unwrap();
    scale::save(&paths, Some(150)).unwrap();
    let saved = Config::load(&paths).unwrap();
    assert_eq!(saved.settings.text_scale_percent, Some(150));
    assert!(!saved.settings.notifications);
    assert_eq!(saved.accounts, config.accounts);
    scale::save(&paths, None).unwrap();
    assert_eq!(
        Config::load(&paths).unwrap().settings.text_scale_percent,
        None
    );
}

#[test]
fn zoom_setting_saved_in_the_form_applies_at_once() {
    let mut f = window(20);
    let w = &mut f.window;
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut config = Config::default();
    config.add_account(pillarbox::demo::account()).unwrap();
    config.save(&paths).unwrap();
    w.paths = Some(paths.clone());
    let _ = w.update(Message::SystemScale(1.5));
    crate::support::open_settings(w);
    let choice = |percent| TextSizeChoice {
        percent,
        system: 150,
    };
    // "System" names the size it stands for.
    assert!(choice(None).to_string().contains("150"));
    assert!(choice(Some(175)).to_string().contains("175"));
    let send = |w: &mut MainWindow, m: settings::Message| {
        let _ = w.update(Message::Settings(m));
    };
    send(w, settings::Message::TextSize(choice(Some(175))));
    let save = w.update(Message::Settings(settings::Message::Save));
    settle(w, save);
    assert!(w.settings.is_none());
    assert_eq!(w.scale_factor(), 1.75);
    assert_eq!(
        Config::load(&paths).unwrap().settings.text_scale_percent,
        Some(175)
    );
    crate::support::open_settings(w);
    send(w, settings::Message::TextSize(choice(None)));
    let save = w.update(Message::Settings(settings::Message::Save));
    settle(w, save);
    assert_eq!(w.scale_factor(), 1.5, "back to the system's size");
    assert_eq!(
        Config::load(&paths).unwrap().settings.text_scale_percent,
        None
    );
}

/// A home with the demo account's store and a config holding `size`.
fn home(size: Option<u16>) -> (tempfile::TempDir, App) {
    let (dir, paths) = demo_home(|config| config.settings.text_scale_percent = size);
    let app = App::new(Startup::Ready {
        paths,
        accounts: vec![pillarbox::demo::account()],
    });
    (dir, app)
}

#[test]
fn zoom_app_scale_factor_is_the_saved_size_or_the_systems() {
    use pillarbox::ui::Message as App;
    let (_dir, mut app) = home(Some(150));
    assert_eq!(app.scale_factor(), 1.5);
    let _ = app.update(App::SystemScale(1.25));
    assert_eq!(app.scale_factor(), 1.5, "an explicit size wins");
    app.open_mailbox = true;
    app.show_mailbox();
    assert!(matches!(app.screen, Screen::Mail(_)));
    assert_eq!(app.scale_factor(), 1.5);

    let (_dir, mut app) = home(None);
    assert_eq!(app.scale_factor(), 1.0);
    let _ = app.update(App::SystemScale(1.25));
    assert_eq!(app.scale_factor(), 1.25);
    app.open_mailbox = true;
    app.show_mailbox();
    let Screen::Mail(window) = &app.screen else {
        panic!("the main window opens");
    };
    assert_eq!(
        window.zoom.system, 1.25,
        "the window knows the system's size"
    );
    // Zoomed in the main window, the size carries over to the wizard, whose own zoom
    // keys (handled by the shell) carry it back.
    let _ = app.update(App::Mail(Message::Zoom(Step::Bigger)));
    assert_eq!(app.scale_factor(), 1.5);
    let _ = app.update(App::Mail(Message::AddAccount));
    assert!(matches!(app.screen, Screen::Wizard(_)));
    assert_eq!(app.scale_factor(), 1.5);
    let _ = app.update(App::Zoom(Step::Smaller));
    assert_eq!(app.scale_factor(), 1.25);
    let _ = app.update(App::Wizard(pillarbox::ui::wizard::Message::Close));
    assert!(matches!(app.screen, Screen::Mail(_)));
    assert_eq!(app.scale_factor(), 1.25);
    let Screen::Mail(window) = &app.screen else {
        unreachable!()
    };
    assert_eq!(window.zoom.chosen, Some(125));
}

#[test]
fn zoom_settings_form_has_a_text_size_row() {
    let mut f = window(20);
    let w = &mut f.window;
    crate::support::open_settings(w);
    let mut ui = iced_test::simulator(w.view());
    assert!(ui.find("Text size").is_ok(), "no Text size row");
}
