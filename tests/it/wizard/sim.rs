//! iced_test simulator: the real widgets, driven by simulated input.

use super::*;

#[test]
fn wizard_ui_type_address_and_password_then_check_shows_checking() {
    let mut w = wizard();
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click(iced_test::selector::id(form::EMAIL_ID))
            .expect("email field");
        ui.typewrite("ann@btinternet.com");
        ui.click(iced_test::selector::id(form::PASSWORD_ID))
            .expect("password field");
        ui.typewrite("hunter2");
        ui.into_messages().collect()
    };
    replay(&mut w, messages);
    assert_eq!(w.form.email, "ann@btinternet.com");
    assert_eq!(w.form.password.expose(), "hunter2");
    assert_eq!(w.advanced.incoming.host.value, "mail.btinternet.com");

    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        assert!(ui.find("hunter2").is_err(), "the password is never shown");
        ui.click("Check and save").expect("the button");
        ui.into_messages().collect()
    };
    replay(&mut w, messages);
    assert_eq!(w.phase, Phase::Checking);

    let mut ui = iced_test::simulator(w.view());
    assert!(ui.find("Checking your account…").is_ok());
    assert!(ui.find("Cancel").is_ok());
    assert!(
        ui.find("Check and save").is_err(),
        "no second check while one runs"
    );
}

#[test]
fn wizard_ui_enter_submits_and_errors_show_at_the_fields() {
    let mut w = wizard();
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        ui.click(iced_test::selector::id(form::EMAIL_ID))
            .expect("email field");
        ui.typewrite("ann@");
        ui.tap_key(iced::keyboard::key::Named::Enter);
        ui.into_messages().collect()
    };
    replay(&mut w, messages);
    assert_eq!(w.phase, Phase::Editing);
    let mut ui = iced_test::simulator(w.view());
    assert!(ui
        .find("This does not look like an email address (for example, you@btinternet.com).")
        .is_ok());
    assert!(ui.find("Enter your password.").is_ok());
}

#[test]
fn wizard_ui_advanced_is_collapsed_until_opened() {
    let mut w = wizard();
    type_email(&mut w, "ann@btinternet.com");
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(w.view());
        assert!(ui.find("IMAP (recommended)").is_err());
        ui.click("▸ Advanced settings").expect("the toggle");
        ui.into_messages().collect()
    };
    replay(&mut w, messages);
    assert!(w.advanced.open);
    let mut ui = iced_test::simulator(w.view());
    assert!(ui
        .find("Keeps webmail and all your devices in sync.")
        .is_ok());
    assert!(ui
        .find("Downloads mail to this computer and deletes it from the server.")
        .is_ok());
    assert!(ui.find("Incoming mail (IMAP)").is_ok());
    drop(ui);

    // Enter in an advanced field submits too.
    send(&mut w, Message::Form(form::Message::Password("pw".into())));
    let messages: Vec<Message> = {
        // A tall window, so the last field is on screen.
        let mut ui =
            iced_test::Simulator::with_size(iced::Settings::default(), (1024.0, 1600.0), w.view());
        ui.click(iced_test::selector::id(advanced::CA_FILE_ID))
            .expect("CA field");
        ui.tap_key(iced::keyboard::key::Named::Enter);
        ui.into_messages().collect()
    };
    assert!(
        messages.iter().any(|m| matches!(m, Message::Submit)),
        "{messages:?}"
    );
}

#[test]
fn wizard_and_app_keys_are_translated_into_welsh() {
    let keys = |lang: &str| -> Vec<String> {
        pillarbox::i18n::resource_text(lang)
            .expect("language embedded")
            .lines()
            .filter_map(|line| {
                line.split_once(" = ")
                    .map(|(key, _)| key.trim().to_string())
            })
            .filter(|key| key.starts_with("wizard-") || key.starts_with("app-"))
            .collect()
    };
    let english = keys("en-GB");
    let welsh = keys("cy");
    assert!(english.len() > 50);
    let missing: Vec<_> = english.iter().filter(|k| !welsh.contains(k)).collect();
    assert!(missing.is_empty(), "missing in cy: {missing:?}");
}

#[test]
fn app_theme_follows_the_system_mode() {
    let mut app = ready(Vec::new());
    let _ = app.update(pillarbox::ui::Message::SystemTheme(iced::theme::Mode::Dark));
    let dark = app.theme().palette().background;
    let _ = app.update(pillarbox::ui::Message::SystemTheme(
        iced::theme::Mode::Light,
    ));
    let light = app.theme().palette().background;
    assert_ne!(dark, light);
    assert!(
        dark.r < 0.3 && light.r > 0.8,
        "dark {dark:?}, light {light:?}"
    );
}

#[test]
fn app_home_shows_the_account_and_offers_another() {
    let mut w = wizard();
    type_email(&mut w, "ann@btinternet.com");
    let saved = w.advanced.to_account("ann@btinternet.com", "Ann Smith");
    let mut app = ready(vec![saved]);
    let messages: Vec<pillarbox::ui::Message> = {
        let mut ui = iced_test::simulator(app.view());
        assert!(ui.find("Ann Smith").is_ok());
        assert!(ui.find("ann@btinternet.com").is_ok());
        assert!(ui.find("IMAP: mail.btinternet.com:993 (SSL/TLS)").is_ok());
        assert!(ui.find("SMTP: mail.btinternet.com:465 (SSL/TLS)").is_ok());
        ui.click("Set up another account").expect("button");
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert!(matches!(app.screen, Screen::Wizard(_)));
}
