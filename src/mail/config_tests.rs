use super::*;
use crate::mail::account::{Protocol, Security, Server};

thread_local! {
    /// Makes this thread's next `Config::save` calls fail after the file was read, as a full
    /// disk would.
    pub(super) static FAIL_WRITES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub(super) fn full() -> Config {
    let mut bt =
        crate::mail::provider::account_for("ann.smith@btinternet.com", "Ann Smith", Protocol::Imap);
    bt.check_interval_minutes = 10;
    let mut pop = crate::mail::provider::account_for("bob@talk21.com", "", Protocol::Pop3);
    pop.pop3.leave_on_server = true;
    pop.pop3.delete_after_days = Some(14);
    pop.password_command = Some("pass show mail/bob".into());
    pop.ca_file = Some(PathBuf::from("/etc/ssl/private-ca.pem"));
    pop.outgoing = Server {
        host: "smtp.example.net".into(),
        port: 587,
        security: Security::Starttls,
        ..Server::default()
    };
    Config {
        version: 1,
        settings: Settings {
            theme: Theme::Dark,
            language: Some("cy".into()),
            notifications: false,
            check_interval_minutes: 15,
            mark_read_delay_secs: 0,
            load_remote_images: true,
            confirm_delete: false,
            log_level: None,
            text_scale_percent: Some(125),
        },
        accounts: vec![bt, pop],
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn read_fixture(name: &str) -> Config {
    let path = fixture(name);
    Config::parse(&path, &fs::read_to_string(&path).unwrap()).unwrap()
}

/// A Paths under a fresh temporary folder, with `text` as its config file when given.
fn home_with(text: Option<&[u8]>) -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    if let Some(text) = text {
        fs::create_dir_all(&paths.config_dir).unwrap();
        fs::write(paths.config_file(), text).unwrap();
    }
    (dir, paths)
}

#[test]
fn full_golden_loads_to_the_expected_config() {
    assert_eq!(read_fixture("v1-full.toml"), full());
}

#[test]
fn saved_output_equals_the_golden_file_byte_for_byte() {
    let (_dir, paths) = home_with(None);
    full().save(&paths).unwrap();
    let saved = fs::read(paths.config_file()).unwrap();
    let golden = fs::read(fixture("v1-full.toml")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&saved),
        String::from_utf8_lossy(&golden)
    );
}

#[test]
fn save_then_load_round_trips() {
    let (_dir, paths) = home_with(None);
    let config = full();
    config.save(&paths).unwrap();
    assert_eq!(Config::load(&paths).unwrap(), config);
    // And again over an existing file.
    let mut changed = config.clone();
    changed.settings.theme = Theme::Light;
    changed.remove_account(&changed.accounts[0].id()).unwrap();
    changed.save(&paths).unwrap();
    assert_eq!(Config::load(&paths).unwrap(), changed);
}

#[test]
fn minimal_file_takes_defaults_for_missing_fields() {
    let config = read_fixture("v1-minimal.toml");
    assert_eq!(config.settings, Settings::default());
    let [account] = config.accounts.as_slice() else {
        panic!("one account expected, got {:?}", config.accounts)
    };
    let expected = Account {
        email: "ann@btinternet.com".into(),
        incoming: Server {
            host: "mail.btinternet.com".into(),
            ..Server::default()
        },
        ..Account::default()
    };
    assert_eq!(*account, expected);
    assert_eq!(account.incoming.port, 993);
    assert_eq!(account.outgoing.port, 465);
    assert_eq!(account.protocol, Protocol::Imap);
    assert_eq!(account.check_interval_minutes, 5);
}

#[test]
fn unknown_keys_are_ignored() {
    let config = read_fixture("v1-unknown-keys.toml");
    assert_eq!(config.settings.theme, Theme::Light);
    assert!(config.settings.notifications);
    assert_eq!(config.settings.mark_read_delay_secs, 2);
    assert_eq!(config.accounts.len(), 1);
    assert_eq!(config.accounts[0].display_name, "Ann");
    assert_eq!(
        config.accounts[0].incoming.endpoint(),
        "mail.btinternet.com:993"
    );
}

#[test]
fn missing_file_is_the_default_config() {
    let (_dir, paths) = home_with(None);
    assert_eq!(Config::load(&paths).unwrap(), Config::default());
    assert!(
        !paths.config_file().exists(),
        "loading must not create the file"
    );
}

#[test]
fn empty_file_is_the_default_config() {
    let (_dir, paths) = home_with(Some(b""));
    assert_eq!(Config::load(&paths).unwrap(), Config::default());
}

#[test]
fn corrupt_file_names_the_line_and_is_never_overwritten() {
    let bytes = fs::read(fixture("corrupt.toml")).unwrap();
    let (_dir, paths) = home_with(Some(&bytes));
    match Config::load(&paths) {
        Err(ConfigError::Corrupt {
            path,
            line,
            message,
        }) => {
            assert_eq!(path, paths.config_file());
            assert_eq!(line, 5, "the bad value is on line 5: {message}");
            assert!(!message.is_empty());
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    let err = Config::default().save(&paths).unwrap_err();
    assert!(
        matches!(err, ConfigError::WouldOverwriteUnreadable { .. }),
        "{err:?}"
    );
    assert_eq!(
        fs::read(paths.config_file()).unwrap(),
        bytes,
        "file untouched"
    );
}

#[test]
fn unknown_theme_names_fall_back_to_system() {
    let (_dir, paths) = home_with(Some(b"[settings]\ntheme = \"high-contrast\"\n"));
    assert_eq!(Config::load(&paths).unwrap().settings.theme, Theme::System);
}

#[test]
fn wrong_types_are_corrupt_not_defaulted() {
    let (_dir, paths) = home_with(Some(b"version = 1\n[settings]\ntheme = 7\n"));
    assert!(matches!(
        Config::load(&paths),
        Err(ConfigError::Corrupt { line: 3, .. })
    ));
}

#[test]
fn a_file_saved_by_notepad_still_loads() {
    let text = "\u{feff}version = 1\r\n[settings]\r\ntheme = \"dark\"\r\n";
    let (_dir, paths) = home_with(Some(text.as_bytes()));
    assert_eq!(Config::load(&paths).unwrap().settings.theme, Theme::Dark);
}

#[test]
fn non_utf8_file_is_corrupt() {
    let (_dir, paths) = home_with(Some(b"version = 1\n\xff\xfe\n"));
    assert!(matches!(
        Config::load(&paths),
        Err(ConfigError::Corrupt { .. })
    ));
}

#[test]
fn reset_corrupt_moves_the_file_aside_and_allows_saving() {
    let bytes = fs::read(fixture("corrupt.toml")).unwrap();
    let (_dir, paths) = home_with(Some(&bytes));
    let aside = Config::reset_corrupt(&paths).unwrap().unwrap();
    let name = aside.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("config.toml.corrupt-20"), "{name}");
    assert_eq!(fs::read(&aside).unwrap(), bytes, "the damaged file is kept");
    assert!(!paths.config_file().exists());
    Config::default().save(&paths).unwrap();
    assert_eq!(Config::load(&paths).unwrap(), Config::default());
    // A second reset in the same second must not clobber the first copy.
    fs::write(paths.config_file(), b"junk = [").unwrap();
    let second = Config::reset_corrupt(&paths).unwrap().unwrap();
    assert_ne!(second, aside);
    assert_eq!(fs::read(&aside).unwrap(), bytes);
    assert_eq!(Config::reset_corrupt(&paths).unwrap(), None);
}

#[test]
fn newer_version_is_a_clear_error_and_is_not_overwritten() {
    let bytes = fs::read(fixture("v2-newer.toml")).unwrap();
    let (_dir, paths) = home_with(Some(&bytes));
    let err = Config::load(&paths).unwrap_err();
    assert!(
        matches!(
            err,
            ConfigError::TooNew {
                found: 2,
                supported: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("update Pillarbox"), "{err}");
    assert!(Config::default().save(&paths).is_err());
    assert_eq!(fs::read(paths.config_file()).unwrap(), bytes);
}

#[test]
fn save_is_atomic_and_leaves_no_temporary_files() {
    let (_dir, paths) = home_with(None);
    full().save(&paths).unwrap();
    Config::default().save(&paths).unwrap();
    let names: Vec<String> = fs::read_dir(&paths.config_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["config.toml"]);
}

#[test]
fn account_helpers_key_on_the_lower_case_address() {
    let mut config = Config::default();
    let ann = crate::mail::provider::account_for("Ann@BTinternet.com", "", Protocol::Imap);
    config.add_account(ann.clone()).unwrap();
    let mut again =
        crate::mail::provider::account_for("ann@btinternet.com", "Ann B", Protocol::Pop3);
    let err = config.add_account(again.clone()).unwrap_err();
    assert!(matches!(&err, ConfigError::DuplicateAccount(id) if id.0 == "ann@btinternet.com"));
    assert!(err.to_string().contains("ann@btinternet.com"));

    config
        .add_account(crate::mail::provider::account_for(
            "bob@talk21.com",
            "",
            Protocol::Imap,
        ))
        .unwrap();
    again.display_name = "Ann B".into();
    assert_eq!(config.upsert_account(again.clone()), Some(ann));
    assert_eq!(config.accounts[0], again, "replaced in place");
    assert_eq!(config.accounts.len(), 2);

    let id = AccountId("ann@btinternet.com".into());
    assert_eq!(config.account(&id), Some(&again));
    assert_eq!(config.remove_account(&id).unwrap(), again);
    assert!(matches!(
        config.remove_account(&id),
        Err(ConfigError::NoSuchAccount(_))
    ));
    assert_eq!(config.accounts.len(), 1);
}

#[test]
fn utc_stamps() {
    assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
    let t = UNIX_EPOCH + std::time::Duration::from_secs(1_709_210_096); // leap day 2024
    assert_eq!(utc_stamp(t), "20240229T123456Z");
}

mod save_account_tests {
    use super::*;
    use crate::mail::secret::{password_for, store_password, use_mock_store, Password};

    fn bt(email: &str) -> Account {
        crate::mail::provider::account_for(email, "", Protocol::Imap)
    }

    /// Fails this thread's config writes until the guard is dropped.
    struct BlockWrites;
    impl BlockWrites {
        fn start() -> BlockWrites {
            FAIL_WRITES.set(true);
            BlockWrites
        }
    }
    impl Drop for BlockWrites {
        fn drop(&mut self) {
            FAIL_WRITES.set(false);
        }
    }

    #[test]
    fn new_account_stores_password_then_config() {
        use_mock_store();
        let (_dir, paths) = home_with(None);
        let account = bt("save-new@btinternet.com");
        let saved =
            save_account(&paths, account.clone(), Some(&Password::new("pw1")), false).unwrap();
        assert!(!saved.replaced);
        assert_eq!(
            Config::load(&paths).unwrap().accounts,
            std::slice::from_ref(&account)
        );
        assert_eq!(saved.config.accounts, std::slice::from_ref(&account));
        assert_eq!(password_for(&account).unwrap().expose(), "pw1");
    }

    #[test]
    fn duplicate_is_refused_without_touching_the_keyring() {
        use_mock_store();
        let (_dir, paths) = home_with(None);
        let account = bt("save-dup@btinternet.com");
        save_account(&paths, account.clone(), Some(&Password::new("old")), false).unwrap();
        let err =
            save_account(&paths, account.clone(), Some(&Password::new("new")), false).unwrap_err();
        assert!(matches!(
            err,
            SaveAccountError::Config(ConfigError::DuplicateAccount(_))
        ));
        assert_eq!(password_for(&account).unwrap().expose(), "old");
        let saved =
            save_account(&paths, account.clone(), Some(&Password::new("new")), true).unwrap();
        assert!(saved.replaced);
        assert_eq!(password_for(&account).unwrap().expose(), "new");
    }

    #[test]
    fn failed_config_write_takes_a_new_password_out_again() {
        use_mock_store();
        let (_dir, paths) = home_with(None);
        let blocker = BlockWrites::start();
        let account = bt("save-rollback@btinternet.com");
        let err =
            save_account(&paths, account.clone(), Some(&Password::new("pw")), false).unwrap_err();
        assert!(
            matches!(err, SaveAccountError::Config(ConfigError::Io { .. })),
            "{err:?}"
        );
        assert!(matches!(
            password_for(&account),
            Err(SecretError::NotFound { .. })
        ));
        drop(blocker);
        assert!(!paths.config_file().exists());
    }

    #[test]
    fn failed_config_write_puts_back_the_replaced_password() {
        use_mock_store();
        let (_dir, paths) = home_with(None);
        let account = bt("save-restore@btinternet.com");
        save_account(&paths, account.clone(), Some(&Password::new("old")), false).unwrap();
        let before = fs::read(paths.config_file()).unwrap();
        let blocker = BlockWrites::start();
        let mut changed = account.clone();
        changed.display_name = "Changed".into();
        let err = save_account(&paths, changed, Some(&Password::new("new")), true).unwrap_err();
        assert!(matches!(err, SaveAccountError::Config(_)));
        assert_eq!(password_for(&account).unwrap().expose(), "old");
        assert_eq!(fs::read(paths.config_file()).unwrap(), before);
        drop(blocker);
    }

    #[test]
    fn without_a_password_it_must_already_be_obtainable() {
        use_mock_store();
        let (_dir, paths) = home_with(None);
        let mut account = bt("save-nopw@btinternet.com");
        let err = save_account(&paths, account.clone(), None, false).unwrap_err();
        assert!(matches!(
            err,
            SaveAccountError::Secret(SecretError::NotFound { .. })
        ));

        account.password_command = Some("exit 3".into());
        let err = save_account(&paths, account.clone(), None, false).unwrap_err();
        assert!(matches!(
            err,
            SaveAccountError::Secret(SecretError::CommandFailed { .. })
        ));
        assert!(!paths.config_file().exists(), "nothing saved");

        // A working command: saved, and a stale keyring entry for the address is removed.
        store_password(&account, &Password::new("stale")).unwrap();
        account.password_command = Some("echo from-command".into());
        save_account(&paths, account.clone(), None, false).unwrap();
        account.password_command = None;
        assert!(matches!(
            password_for(&account),
            Err(SecretError::NotFound { .. })
        ));
    }
}

#[test]
fn concurrent_saves_from_threads_never_mix_or_fail() {
    let (_dir, paths) = home_with(None);
    let configs: Vec<Config> = (0..6)
        .map(|i| {
            let mut c = full();
            c.settings.check_interval_minutes = i;
            c.accounts[0].display_name = "x".repeat(1000 * i as usize);
            c
        })
        .collect();
    std::thread::scope(|scope| {
        for config in &configs {
            let paths = &paths;
            scope.spawn(move || {
                for _ in 0..30 {
                    config.save(paths).unwrap();
                }
            });
        }
    });
    let saved = Config::load(&paths).unwrap();
    assert!(configs.contains(&saved));
}

#[test]
fn concurrent_updates_keep_every_change() {
    let (_dir, paths) = home_with(None);
    std::thread::scope(|scope| {
        for t in 0..4 {
            let paths = &paths;
            scope.spawn(move || {
                for i in 0..15 {
                    let email = format!("t{t}-{i}@btinternet.com");
                    let account = crate::mail::provider::account_for(&email, "", Protocol::Imap);
                    Config::update(paths, |c| c.add_account(account)).unwrap();
                }
            });
        }
    });
    assert_eq!(Config::load(&paths).unwrap().accounts.len(), 60);
    assert!(!paths.config_dir.join("config.toml.lock").exists());
}

#[test]
fn a_failed_update_writes_nothing() {
    let (_dir, paths) = home_with(None);
    full().save(&paths).unwrap();
    let before = fs::read(paths.config_file()).unwrap();
    let id = AccountId("nobody@btinternet.com".into());
    let err = Config::update(&paths, |c| {
        c.settings.theme = Theme::Light;
        c.remove_account(&id)
    })
    .unwrap_err();
    assert!(matches!(err, ConfigError::NoSuchAccount(_)));
    assert_eq!(fs::read(paths.config_file()).unwrap(), before);
}

#[test]
fn a_held_lock_makes_writers_wait_then_give_up_clearly() {
    let (_dir, paths) = home_with(None);
    let lock = ConfigLock::acquire(&paths, LOCK_WAIT).unwrap();
    let started = Instant::now();
    match ConfigLock::acquire(&paths, Duration::from_millis(200)) {
        Err(ConfigError::Locked { path }) => assert_eq!(path, paths.config_file()),
        other => panic!("expected Locked, got {:?}", other.map(|_| ())),
    }
    assert!(started.elapsed() >= Duration::from_millis(200));
    drop(lock);
    ConfigLock::acquire(&paths, Duration::from_millis(200)).unwrap();
}

#[test]
fn a_stale_lock_from_a_dead_process_is_taken_over() {
    let (_dir, paths) = home_with(None);
    fs::create_dir_all(&paths.config_dir).unwrap();
    let lock = paths.config_dir.join("config.toml.lock");
    let file = fs::File::create(&lock).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
    drop(file);
    Config::default().save(&paths).unwrap();
    assert!(!lock.exists());
}

#[test]
fn locked_error_is_localised_with_the_lock_file_in_the_hint() {
    let err = ConfigError::Locked {
        path: PathBuf::from("/home/ann/.config/pillarbox/config.toml"),
    };
    let hint = err.hint().unwrap();
    assert!(
        hint.contains("/home/ann/.config/pillarbox/config.toml.lock"),
        "{hint}"
    );
    assert!(!hint.contains("$path"), "{hint}");
}

#[test]
fn text_scale_is_optional_and_kept_within_range() {
    let path = Path::new("config.toml");
    let absent = Config::parse(path, "[settings]\ntheme = \"dark\"\n").unwrap();
    assert_eq!(absent.settings.text_scale_percent, None);
    let size = |value: &str| {
        let text = format!("[settings]\ntext_scale_percent = {value}\n");
        Config::parse(path, &text)
            .unwrap()
            .settings
            .text_scale_percent
    };
    assert_eq!(size("150"), Some(150));
    assert_eq!(size("10"), Some(50));
    assert_eq!(size("-4"), Some(50));
    assert_eq!(size("90000"), Some(300));
    // `None` is not written at all, so an older Pillarbox sees nothing new.
    let text = Config::default().to_toml().unwrap();
    assert!(!text.contains("text_scale_percent"), "{text}");
}
