//! The save Task's real work (config file, password storage) and the wizard driving the
//! real engine against the lab's servers.

use super::*;

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
        let names: Vec<&str> = server.steps.iter().map(|(name, _)| name.as_str()).collect();
        let plan: Vec<String> = pillarbox::mail::check::Step::plan(Security::Tls)
            .iter()
            .map(|step| pillarbox::mail::errors_l10n::step_label(*step))
            .collect();
        assert_eq!(names, plan, "every step shown, in order");
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

#[test]
fn wizard_lab_wrong_password_fails_at_login_with_the_app_password_hint() {
    let home = tempfile::tempdir().expect("tempdir");
    let paths = Paths::under(home.path());
    let user = crate::lab::lab().new_user("wizard-badpw");
    let (mut w, _) = wizard_for_lab(paths, &user, Protocol::Imap);
    send(
        &mut w,
        Message::Form(form::Message::Password("not-the-password".into())),
    );
    send(&mut w, Message::Submit);
    run_check(&mut w);
    assert_eq!(w.phase, Phase::Failed, "progress: {:?}", w.progress);
    let login =
        pillarbox::mail::errors_l10n::step_label(pillarbox::mail::check::Step::Authenticate);
    for server in &w.progress.servers {
        assert_eq!(
            server.steps.last(),
            Some(&(login.clone(), StepState::Failed)),
            "{server:?}"
        );
    }
    let results = w.progress.results.clone().expect("results");
    for result in &results {
        let failure = result.failure.as_ref().expect("login refused");
        assert!(failure.message.contains(&result.endpoint), "{failure:?}");
        assert!(failure.hint.contains("app password"), "{failure:?}");
    }
    // The verdict is on screen, message and hint.
    let failure = results[0].failure.clone().unwrap();
    let mut ui =
        iced_test::Simulator::with_size(iced::Settings::default(), (1024.0, 2400.0), w.view());
    assert!(ui.find(failure.message.as_str()).is_ok());
    assert!(ui.find(failure.hint.as_str()).is_ok());
    assert!(ui.find("Save anyway").is_ok());
    assert!(ui.find("Back to edit").is_ok());
}
