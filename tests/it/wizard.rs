//! The setup wizard and the app shell: headless `update` tests and iced_test simulator tests.
//! Nothing here touches the network: check and save results are fed in as the Tasks would.

use pillarbox::mail::account::{Protocol, Security, ServerKind};
use pillarbox::mail::paths::Paths;
use pillarbox::ui::engine::{CheckEvent, Failure, SaveError, ServerResult, StepState};
use pillarbox::ui::wizard::advanced::{self, SecurityChoice, Side};
use pillarbox::ui::wizard::{form, Event, Message, Phase, Wizard};
use pillarbox::ui::{App, Screen, Startup};

fn en() {
    pillarbox::i18n::init_for_tests("en-GB");
}

fn wizard() -> Wizard {
    en();
    Wizard::new(Paths::under(std::path::Path::new(
        "/nonexistent-pillarbox-test",
    )))
}

/// Types `text` one character at a time, as the text input reports it.
fn type_email(wizard: &mut Wizard, text: &str) {
    let mut typed = String::new();
    for c in text.chars() {
        typed.push(c);
        send(wizard, Message::Form(form::Message::Email(typed.clone())));
    }
}

fn fill(wizard: &mut Wizard, email: &str, password: &str) {
    type_email(wizard, email);
    send(
        wizard,
        Message::Form(form::Message::Password(password.into())),
    );
}

fn step(server: ServerKind, state: StepState) -> CheckEvent {
    CheckEvent::Step {
        server,
        endpoint: "mail.btinternet.com:993".into(),
        step: "Secure connection".into(),
        state,
    }
}

fn ok(server: ServerKind) -> ServerResult {
    ServerResult {
        server,
        endpoint: "mail.btinternet.com:993".into(),
        failure: None,
    }
}

fn failed(server: ServerKind) -> ServerResult {
    ServerResult {
        failure: Some(Failure {
            message: "mail.btinternet.com:465: connection refused".into(),
            hint: "Check the server name and port.".into(),
        }),
        ..ok(server)
    }
}

#[test]
fn wizard_bt_address_fills_bt_servers() {
    for domain in ["btinternet.com", "btopenworld.com", "talk21.com"] {
        let mut w = wizard();
        let email = format!("ann.smith@{domain}");
        type_email(&mut w, &email);
        let a = &w.advanced;
        assert_eq!(a.incoming.host.value, "mail.btinternet.com", "{domain}");
        assert_eq!(a.incoming.port.value, "993");
        assert_eq!(a.incoming.security.value, Security::Tls);
        assert_eq!(a.incoming.username.value, email);
        assert_eq!(a.outgoing.host.value, "mail.btinternet.com");
        assert_eq!(a.outgoing.port.value, "465");
        assert_eq!(a.outgoing.security.value, Security::Tls);
        assert!(!a.guessed(), "BT is a known provider");
        assert!(!a.open, "advanced stays collapsed for a known provider");
    }
}

#[test]
fn wizard_pop3_choice_fills_bt_pop3_server() {
    let mut w = wizard();
    type_email(&mut w, "ann@btinternet.com");
    send(
        &mut w,
        Message::Advanced(advanced::Message::Protocol(Protocol::Pop3)),
    );
    assert_eq!(w.advanced.incoming.host.value, "mail.btinternet.com");
    assert_eq!(w.advanced.incoming.port.value, "995");
    let account = w.advanced.to_account("ann@btinternet.com", "Ann");
    assert_eq!(account.protocol, Protocol::Pop3);
    assert_eq!(account.incoming.port, 995);
    assert_eq!(account.outgoing.port, 465);
}

#[test]
fn wizard_unknown_domain_gets_guesses() {
    let mut w = wizard();
    type_email(&mut w, "bob@example.org");
    assert!(w.advanced.guessed());
    assert_eq!(w.advanced.incoming.host.value, "imap.example.org");
    assert_eq!(w.advanced.incoming.port.value, "993");
    assert_eq!(w.advanced.outgoing.host.value, "smtp.example.org");
    assert_eq!(w.advanced.outgoing.username.value, "bob@example.org");
}

#[test]
fn wizard_invalid_address_and_empty_password_show_field_errors_and_do_not_check() {
    let mut w = wizard();
    type_email(&mut w, "not an address");
    let id = w.check_id;
    send(&mut w, Message::Submit);
    assert_eq!(w.phase, Phase::Editing);
    assert_eq!(w.check_id, id, "no check was started");
    assert!(w.pending.is_none());
    assert_eq!(
        w.form.email_error.as_deref(),
        Some("This does not look like an email address (for example, you@btinternet.com).")
    );
    assert_eq!(
        w.form.password_error.as_deref(),
        Some("Enter your password.")
    );

    // Editing a field clears its error; the other stays until fixed.
    type_email(&mut w, "ann@btinternet.com");
    assert!(w.form.email_error.is_none());
    assert!(w.form.password_error.is_some());
    send(&mut w, Message::Submit);
    assert_eq!(w.phase, Phase::Editing, "still no password");
}

#[test]
fn wizard_bad_port_is_an_error_at_the_field_and_opens_advanced() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "pw");
    send(
        &mut w,
        Message::Advanced(advanced::Message::Port(Side::Outgoing, "99999".into())),
    );
    send(&mut w, Message::Submit);
    assert_eq!(w.phase, Phase::Editing);
    assert!(w.advanced.open);
    assert_eq!(
        w.advanced.outgoing.port_error.as_deref(),
        Some("Enter a port number between 1 and 65535.")
    );
    assert!(w.advanced.incoming.port_error.is_none());
}

#[test]
fn wizard_successful_check_saves_and_emits_the_account() {
    let mut w = wizard();
    fill(&mut w, "Ann@BTInternet.com", "secret");
    send(&mut w, Message::Submit);
    assert_eq!(w.phase, Phase::Checking);
    let id = w.check_id;
    for event in [
        step(ServerKind::Imap, StepState::Running),
        step(ServerKind::Smtp, StepState::Running),
        step(ServerKind::Imap, StepState::Passed),
        step(ServerKind::Smtp, StepState::Passed),
    ] {
        let out = send(&mut w, Message::Check(id, event));
        assert!(out.is_none());
    }
    assert_eq!(w.phase, Phase::Checking);
    assert_eq!(w.progress.servers.len(), 2);
    assert_eq!(
        w.progress.servers[0].steps,
        vec![("Secure connection".to_string(), StepState::Passed)]
    );

    send(
        &mut w,
        Message::Check(
            id,
            CheckEvent::Done(vec![ok(ServerKind::Imap), ok(ServerKind::Smtp)]),
        ),
    );
    assert_eq!(w.phase, Phase::Saving, "all passed: save starts by itself");
    let event = send(&mut w, Message::Saved(id, Ok(())));
    let Some(Event::Saved(account)) = event else {
        panic!("expected a Saved event, got {event:?}");
    };
    assert_eq!(account.email, "Ann@BTInternet.com");
    assert_eq!(account.id().0, "ann@btinternet.com");
    assert_eq!(account.display_name, "Ann", "defaults to the local part");
    assert_eq!(account.incoming.endpoint(), "mail.btinternet.com:993");
    assert_eq!(account.outgoing.endpoint(), "mail.btinternet.com:465");
    assert_eq!(w.phase, Phase::Done);
}

#[test]
fn wizard_failed_check_offers_save_anyway_which_saves() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "secret");
    send(&mut w, Message::Submit);
    let id = w.check_id;
    send(
        &mut w,
        Message::Check(
            id,
            CheckEvent::Done(vec![ok(ServerKind::Imap), failed(ServerKind::Smtp)]),
        ),
    );
    assert_eq!(w.phase, Phase::Failed);
    // Nothing saves by itself after a failure.
    let event = send(&mut w, Message::Saved(id, Ok(())));
    assert!(event.is_none());

    send(&mut w, Message::SaveAnyway);
    assert_eq!(w.phase, Phase::Saving);
    let event = send(&mut w, Message::Saved(id, Ok(())));
    assert!(matches!(event, Some(Event::Saved(a)) if a.email == "ann@btinternet.com"));
}

#[test]
fn wizard_back_to_edit_after_failure_unlocks_the_form() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "secret");
    send(&mut w, Message::Submit);
    let id = w.check_id;
    send(
        &mut w,
        Message::Check(
            id,
            CheckEvent::Done(vec![failed(ServerKind::Imap), ok(ServerKind::Smtp)]),
        ),
    );
    send(&mut w, Message::BackToEdit);
    assert_eq!(w.phase, Phase::Editing);
    type_email(&mut w, "ann@talk21.com");
    assert_eq!(w.form.email, "ann@talk21.com");
}

#[test]
fn wizard_stale_check_results_are_ignored() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "secret");
    send(&mut w, Message::Submit);
    let first = w.check_id;
    send(&mut w, Message::Cancel);
    assert_eq!(w.phase, Phase::Editing);

    // A result of the cancelled check changes nothing.
    send(
        &mut w,
        Message::Check(first, CheckEvent::Done(vec![failed(ServerKind::Imap)])),
    );
    assert_eq!(w.phase, Phase::Editing);

    // Edit and re-run: only the new check's results count.
    send(
        &mut w,
        Message::Form(form::Message::Password("corrected".into())),
    );
    send(&mut w, Message::Submit);
    let second = w.check_id;
    assert_ne!(first, second);
    send(
        &mut w,
        Message::Check(first, step(ServerKind::Imap, StepState::Failed)),
    );
    send(
        &mut w,
        Message::Check(first, CheckEvent::Done(vec![failed(ServerKind::Imap)])),
    );
    assert_eq!(w.phase, Phase::Checking);
    assert!(w.progress.servers.is_empty());
    let event = send(&mut w, Message::Saved(first, Ok(())));
    assert!(event.is_none());

    send(
        &mut w,
        Message::Check(
            second,
            CheckEvent::Done(vec![ok(ServerKind::Imap), ok(ServerKind::Smtp)]),
        ),
    );
    assert_eq!(w.phase, Phase::Saving);
}

#[test]
fn wizard_fields_are_locked_while_checking() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "secret");
    send(&mut w, Message::Submit);
    send(
        &mut w,
        Message::Form(form::Message::Email("eve@example.org".into())),
    );
    send(
        &mut w,
        Message::Advanced(advanced::Message::Host(Side::Incoming, "evil".into())),
    );
    assert_eq!(w.form.email, "ann@btinternet.com");
    assert_eq!(w.advanced.incoming.host.value, "mail.btinternet.com");
    let id = w.check_id;
    send(&mut w, Message::Submit);
    assert_eq!(
        w.check_id, id,
        "a second submit does not start a second check"
    );
}

#[test]
fn wizard_user_edited_fields_survive_later_address_edits() {
    let mut w = wizard();
    type_email(&mut w, "ann@example.org");
    send(&mut w, Message::Advanced(advanced::Message::Toggle));
    send(
        &mut w,
        Message::Advanced(advanced::Message::Host(
            Side::Incoming,
            "mx.private.test".into(),
        )),
    );
    send(
        &mut w,
        Message::Advanced(advanced::Message::Security(
            Side::Outgoing,
            SecurityChoice(Security::Starttls),
        )),
    );
    assert_eq!(
        w.advanced.outgoing.port.value, "587",
        "port follows the mode while untouched"
    );

    type_email(&mut w, "ann@btinternet.com");
    let a = &w.advanced;
    assert_eq!(a.incoming.host.value, "mx.private.test", "user's host kept");
    assert_eq!(
        a.incoming.username.value, "ann@btinternet.com",
        "untouched field follows"
    );
    assert_eq!(a.outgoing.host.value, "mail.btinternet.com");
    assert_eq!(
        a.outgoing.security.value,
        Security::Starttls,
        "user's choice kept"
    );

    // A protocol switch refills only the untouched incoming fields.
    send(
        &mut w,
        Message::Advanced(advanced::Message::Protocol(Protocol::Pop3)),
    );
    assert_eq!(w.advanced.incoming.host.value, "mx.private.test");
    assert_eq!(w.advanced.incoming.port.value, "995");
}

#[test]
fn wizard_no_keyring_offers_password_command() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "secret");
    send(&mut w, Message::Submit);
    let id = w.check_id;
    send(
        &mut w,
        Message::Check(
            id,
            CheckEvent::Done(vec![ok(ServerKind::Imap), ok(ServerKind::Smtp)]),
        ),
    );
    send(
        &mut w,
        Message::Saved(id, Err(SaveError::NoKeyring("No keyring".into()))),
    );
    assert_eq!(w.phase, Phase::NoKeyring("No keyring".into()));

    // An empty command is refused.
    send(&mut w, Message::SaveWithCommand);
    assert_eq!(w.phase, Phase::NoKeyring("No keyring".into()));

    send(&mut w, Message::PasswordCommand("pass show mail/bt".into()));
    send(&mut w, Message::SaveWithCommand);
    assert_eq!(w.phase, Phase::Saving);
    let event = send(&mut w, Message::Saved(id, Ok(())));
    let Some(Event::Saved(account)) = event else {
        panic!("expected Saved");
    };
    assert_eq!(
        account.password_command.as_deref(),
        Some("pass show mail/bt")
    );
}

#[test]
fn wizard_save_failure_is_shown_and_can_be_retried() {
    let mut w = wizard();
    fill(&mut w, "ann@btinternet.com", "secret");
    send(&mut w, Message::Submit);
    let id = w.check_id;
    send(
        &mut w,
        Message::Check(
            id,
            CheckEvent::Done(vec![ok(ServerKind::Imap), ok(ServerKind::Smtp)]),
        ),
    );
    send(
        &mut w,
        Message::Saved(id, Err(SaveError::Failed("disk full".into()))),
    );
    assert_eq!(w.phase, Phase::SaveFailed("disk full".into()));
    send(&mut w, Message::SaveAnyway);
    assert_eq!(w.phase, Phase::Saving);
}

fn ready(accounts: Vec<pillarbox::mail::account::Account>) -> App {
    en();
    App::new(Startup::Ready {
        paths: Paths::under(std::path::Path::new("/nonexistent-pillarbox-test")),
        accounts,
    })
}

#[test]
fn app_starts_with_wizard_then_home_after_save() {
    let mut app = ready(Vec::new());
    assert!(matches!(app.screen, Screen::Wizard(_)));
    let mut send = |m: Message| {
        let _ = app.update(pillarbox::ui::Message::Wizard(m));
    };
    let mut typed = String::new();
    for c in "ann@btinternet.com".chars() {
        typed.push(c);
        send(Message::Form(form::Message::Email(typed.clone())));
    }
    send(Message::Form(form::Message::Password("pw".into())));
    send(Message::Submit);
    let Screen::Wizard(w) = &app.screen else {
        panic!()
    };
    let id = w.check_id;
    let mut send = |m: Message| {
        let _ = app.update(pillarbox::ui::Message::Wizard(m));
    };
    send(Message::Check(
        id,
        CheckEvent::Done(vec![ok(ServerKind::Imap), ok(ServerKind::Smtp)]),
    ));
    send(Message::Saved(id, Ok(())));
    let Screen::Home(home) = &app.screen else {
        panic!("the home screen follows a save");
    };
    assert_eq!(home.accounts.len(), 1);
    assert_eq!(home.accounts[0].email, "ann@btinternet.com");
}

#[test]
fn app_with_an_account_opens_home_and_a_broken_config_shows_the_error() {
    let account = pillarbox::mail::account::Account {
        email: "ann@btinternet.com".into(),
        ..Default::default()
    };
    assert!(matches!(ready(vec![account]).screen, Screen::Home(_)));
    let app = App::new(Startup::Failed {
        message: "config.toml line 3: expected `=`".into(),
        hint: "left as it is".into(),
    });
    assert!(matches!(app.screen, Screen::Error { .. }));
    let mut ui = iced_test::simulator(app.view());
    assert!(ui.find("Pillarbox cannot start").is_ok());
    assert!(ui.find("config.toml line 3: expected `=`").is_ok());
}

// --- iced_test simulator: the real widgets, driven by simulated input ---

fn send(w: &mut Wizard, message: Message) -> Option<Event> {
    w.update(message).1
}

fn replay(w: &mut Wizard, messages: impl IntoIterator<Item = Message>) {
    for message in messages {
        let _ = send(w, message);
    }
}

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

// --- the save Task's real work: config file and password storage ---

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(files_under(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn wizard_save_with_password_command_writes_the_config_and_no_password() {
    en();
    let home = tempfile::tempdir().expect("tempdir");
    let paths = Paths::under(home.path());
    let mut w = Wizard::new(paths.clone());
    fill(&mut w, "cmd-user@btinternet.com", "s3cret-in-memory");
    send(&mut w, Message::Submit);
    let mut account = w.pending.clone().expect("checked account");
    account.password_command = Some("printf s3cret-in-memory".into());
    let result = block_on(pillarbox::ui::engine::save(
        paths.clone(),
        account,
        pillarbox::mail::secret::Password::new("s3cret-in-memory"),
    ));
    assert_eq!(result, Ok(()));
    let accounts = pillarbox::ui::engine::load_accounts(&paths).expect("config loads");
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].email, "cmd-user@btinternet.com");
    assert_eq!(accounts[0].incoming.endpoint(), "mail.btinternet.com:993");
    assert_eq!(
        accounts[0].password_command.as_deref(),
        Some("printf s3cret-in-memory")
    );
    // The command is kept, but the password itself never lands on disk.
    for file in files_under(home.path()) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let stripped = text.replace("printf s3cret-in-memory", "");
        assert!(
            !stripped.contains("s3cret-in-memory"),
            "password in {}",
            file.display()
        );
    }
}

#[test]
fn wizard_save_without_a_keyring_saves_nothing_and_says_so() {
    en();
    let home = tempfile::tempdir().expect("tempdir");
    let paths = Paths::under(home.path());
    let account =
        pillarbox::mail::provider::account_for("no-keyring@btinternet.com", "", Protocol::Imap);
    let result = block_on(pillarbox::ui::engine::save(
        paths.clone(),
        account,
        pillarbox::mail::secret::Password::new("pw"),
    ));
    if keyring::Entry::store_status().is_ok() {
        // A desktop with a keyring: the account is saved (and removed again).
        assert_eq!(result, Ok(()));
        let account =
            pillarbox::mail::provider::account_for("no-keyring@btinternet.com", "", Protocol::Imap);
        let _ = pillarbox::mail::secret::delete_password(&account);
        return;
    }
    let Err(SaveError::NoKeyring(text)) = result else {
        panic!("expected NoKeyring, got {result:?}");
    };
    assert!(text.to_lowercase().contains("keyring"), "{text}");
    assert!(
        !paths.config_file().exists(),
        "nothing saved without the password"
    );
    assert!(pillarbox::ui::engine::load_accounts(&paths)
        .expect("loads")
        .is_empty());
}

#[test]
fn app_corrupt_config_shows_the_error_and_keeps_the_file() {
    en();
    let home = tempfile::tempdir().expect("tempdir");
    let paths = Paths::under(home.path());
    std::fs::create_dir_all(&paths.config_dir).unwrap();
    let corrupt = "version = 1\n[[accounts]\nemail = \"x\"\n";
    std::fs::write(paths.config_file(), corrupt).unwrap();
    let failure = pillarbox::ui::engine::load_accounts(&paths).expect_err("corrupt");
    let app = App::new(Startup::Failed {
        message: failure.message.clone(),
        hint: failure.hint.clone(),
    });
    assert!(matches!(app.screen, Screen::Error { .. }));
    assert!(
        failure.message.contains("config.toml"),
        "{}",
        failure.message
    );
    let mut ui = iced_test::simulator(app.view());
    assert!(ui.find(failure.message.as_str()).is_ok());
    drop(ui);
    assert_eq!(
        std::fs::read_to_string(paths.config_file()).unwrap(),
        corrupt
    );
}

// --- the wizard driving the real engine against the lab's servers ---

/// Types the lab's servers into the wizard as a user would in Advanced settings.
fn wizard_for_lab(
    paths: Paths,
    user: &crate::lab::LabUser,
    protocol: Protocol,
) -> (Wizard, pillarbox::mail::account::Account) {
    let lab = crate::lab::lab();
    let target = lab.account(user, protocol);
    en();
    let mut w = Wizard::new(paths);
    fill(&mut w, &user.email, user.password.expose());
    let mut adv = |m: advanced::Message| send(&mut w, Message::Advanced(m));
    adv(advanced::Message::Toggle);
    adv(advanced::Message::Protocol(protocol));
    adv(advanced::Message::Host(
        Side::Incoming,
        target.incoming.host.clone(),
    ));
    adv(advanced::Message::Port(
        Side::Incoming,
        target.incoming.port.to_string(),
    ));
    adv(advanced::Message::Host(
        Side::Outgoing,
        target.outgoing.host.clone(),
    ));
    adv(advanced::Message::Port(
        Side::Outgoing,
        target.outgoing.port.to_string(),
    ));
    let ca = target.ca_file.clone().expect("lab CA");
    adv(advanced::Message::CaFile(ca.display().to_string()));
    (w, target)
}

/// Runs the check the Submit Task would run, feeding its events back like the runtime does.
fn run_check(w: &mut Wizard) {
    use futures::StreamExt;
    assert_eq!(w.phase, Phase::Checking);
    let id = w.check_id;
    let account = w.pending.clone().expect("pending account");
    let timeouts = pillarbox::mail::tls::Timeouts::all(std::time::Duration::from_secs(20));
    let events: Vec<CheckEvent> = block_on(
        pillarbox::ui::engine::check(account, w.form.password.clone(), timeouts).collect(),
    );
    assert!(
        matches!(events.last(), Some(CheckEvent::Done(_))),
        "{events:?}"
    );
    for event in events {
        send(w, Message::Check(id, event));
    }
}

#[test]
fn wizard_lab_imap_account_checks_and_saves_for_real() {
    let home = tempfile::tempdir().expect("tempdir");
    let paths = Paths::under(home.path());
    let user = crate::lab::lab().new_user("wizard-imap");
    let (mut w, target) = wizard_for_lab(paths.clone(), &user, Protocol::Imap);
    send(&mut w, Message::Submit);
    run_check(&mut w);
    assert_eq!(w.phase, Phase::Saving, "progress: {:?}", w.progress);
    assert!(w.progress.all_passed());
    let kinds: Vec<ServerKind> = w.progress.servers.iter().map(|s| s.server).collect();
    assert!(
        kinds.contains(&ServerKind::Imap) && kinds.contains(&ServerKind::Smtp),
        "{kinds:?}"
    );
    for server in &w.progress.servers {
        assert!(!server.steps.is_empty());
        assert!(
            server
                .steps
                .iter()
                .all(|(_, state)| *state == StepState::Passed),
            "{server:?}"
        );
    }

    // The save Task's work, with a password command so no keyring is needed.
    let mut account = w.pending.clone().expect("pending");
    assert_eq!(account.incoming.endpoint(), target.incoming.endpoint());
    assert_eq!(account.outgoing.endpoint(), target.outgoing.endpoint());
    account.password_command = target.password_command.clone();
    let result = block_on(pillarbox::ui::engine::save(
        paths.clone(),
        account,
        w.form.password.clone(),
    ));
    let id = w.check_id;
    let event = send(&mut w, Message::Saved(id, result));
    assert!(
        matches!(event, Some(Event::Saved(ref a)) if a.email == user.email),
        "{event:?}"
    );
    let saved = pillarbox::ui::engine::load_accounts(&paths).expect("config");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].incoming.endpoint(), target.incoming.endpoint());
}

#[test]
fn wizard_lab_unreachable_server_fails_and_save_anyway_still_works() {
    let home = tempfile::tempdir().expect("tempdir");
    let paths = Paths::under(home.path());
    let user = crate::lab::lab().new_user("wizard-offline");
    let (mut w, _) = wizard_for_lab(paths.clone(), &user, Protocol::Pop3);
    // A port nothing listens on: bind one, then free it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    send(
        &mut w,
        Message::Advanced(advanced::Message::Port(Side::Outgoing, closed.to_string())),
    );
    send(&mut w, Message::Submit);
    run_check(&mut w);
    assert_eq!(w.phase, Phase::Failed, "progress: {:?}", w.progress);
    let results = w.progress.results.clone().expect("results");
    let smtp = results
        .iter()
        .find(|r| r.server == ServerKind::Smtp)
        .expect("smtp");
    let failure = smtp.failure.as_ref().expect("smtp failed");
    assert!(
        failure.message.contains(&closed.to_string()),
        "names the port: {failure:?}"
    );
    assert!(!failure.hint.is_empty());
    let pop = results
        .iter()
        .find(|r| r.server == ServerKind::Pop3)
        .expect("pop3");
    assert!(pop.failure.is_none(), "{pop:?}");

    send(&mut w, Message::SaveAnyway);
    assert_eq!(w.phase, Phase::Saving);
}
