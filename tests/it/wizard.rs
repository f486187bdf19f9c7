//! The setup wizard and the app shell: headless `update` tests here, feeding in check and
//! save results as their Tasks would; `sim` drives the real widgets, `live` the real engine.

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

fn send(w: &mut Wizard, message: Message) -> Option<Event> {
    w.update(message).1
}

fn replay(w: &mut Wizard, messages: impl IntoIterator<Item = Message>) {
    for message in messages {
        let _ = send(w, message);
    }
}

mod live;
mod sim;

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

#[test]
fn wizard_failing_password_command_is_fixed_where_it_was_typed() {
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
    send(&mut w, Message::PasswordCommand("false".into()));
    send(&mut w, Message::SaveWithCommand);
    send(
        &mut w,
        Message::Saved(id, Err(SaveError::Failed("the command failed".into()))),
    );
    assert_eq!(w.phase, Phase::NoKeyring("the command failed".into()));
    send(&mut w, Message::PasswordCommand("pass show bt".into()));
    send(&mut w, Message::SaveWithCommand);
    assert_eq!(w.phase, Phase::Saving);
    assert_eq!(
        w.pending.as_ref().unwrap().password_command.as_deref(),
        Some("pass show bt")
    );
}

#[test]
fn app_another_account_wizard_can_go_back_home() {
    let account = pillarbox::mail::account::Account {
        email: "ann@btinternet.com".into(),
        ..Default::default()
    };
    let mut app = ready(vec![account]);
    let _ = app.update(pillarbox::ui::Message::Home(
        pillarbox::ui::account_home::Message::AddAccount,
    ));
    let messages: Vec<pillarbox::ui::Message> = {
        let mut ui = iced_test::simulator(app.view());
        ui.click("Back to my accounts").expect("a way back");
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
    let Screen::Home(home) = &app.screen else {
        panic!("back home");
    };
    assert_eq!(home.accounts.len(), 1);

    // A first run has nowhere to go back to.
    let mut first = wizard();
    assert!(send(&mut first, Message::Close).is_none());
    let mut ui = iced_test::simulator(first.view());
    assert!(ui.find("Back to my accounts").is_err());
}
