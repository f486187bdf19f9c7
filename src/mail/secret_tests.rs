use super::*;
use crate::mail::account::Account;

fn account(email: &str) -> Account {
    Account {
        email: email.into(),
        ..Account::default()
    }
}

fn id(email: &str) -> AccountId {
    AccountId(email.into())
}

#[test]
fn debug_redacts() {
    let pw = Password::new("hunter2");
    assert!(!format!("{pw:?}").contains("hunter2"));
    assert_eq!(pw.expose(), "hunter2");
}

#[test]
fn first_line_only_without_its_newline() {
    assert_eq!(Password::from_first_line("s3cret\n").expose(), "s3cret");
    assert_eq!(
        Password::from_first_line("s3cret\r\nnotes: x\n").expose(),
        "s3cret"
    );
    assert_eq!(
        Password::from_first_line(" spaced pw \n").expose(),
        " spaced pw "
    );
    assert!(Password::from_first_line("\nsecond").is_empty());
}

#[test]
fn mock_store_round_trip_keyed_by_account_id() {
    use_mock_store();
    assert!(using_mock_store());
    let ann = account("Ann.Round@BTinternet.com");
    let same = account("ann.round@btinternet.com");
    let other = account("someone-else@btinternet.com");
    assert!(matches!(
        password_for(&ann),
        Err(SecretError::NotFound { account }) if account.0 == "ann.round@btinternet.com"
    ));
    store_password(&ann, &Password::new("first pw")).unwrap();
    assert_eq!(password_for(&same).unwrap().expose(), "first pw");
    store_password(&same, &Password::new("second pw")).unwrap();
    assert_eq!(password_for(&ann).unwrap().expose(), "second pw");
    assert!(matches!(
        password_for(&other),
        Err(SecretError::NotFound { .. })
    ));
    assert!(delete_password(&ann).unwrap());
    assert!(!delete_password(&ann).unwrap(), "deleting twice is fine");
    assert!(matches!(
        password_for(&ann),
        Err(SecretError::NotFound { .. })
    ));
}

#[test]
fn password_command_wins_over_the_keyring() {
    use_mock_store();
    let mut a = account("cmd-wins@btinternet.com");
    store_password(&a, &Password::new("from keyring")).unwrap();
    a.password_command = Some("printf 'from command\\nline two\\n'".into());
    assert_eq!(password_for(&a).unwrap().expose(), "from command");
    a.password_command = Some("   ".into());
    assert_eq!(password_for(&a).unwrap().expose(), "from keyring");
}

#[cfg(unix)]
#[test]
fn password_command_failure_reports_status_and_stderr() {
    let err = run_password_command(
        &id("fail@btinternet.com"),
        "echo 'gpg: decryption failed: No secret key' >&2; exit 2",
        Duration::from_secs(10),
    )
    .unwrap_err();
    match &err {
        SecretError::CommandFailed {
            account,
            status,
            stderr,
        } => {
            assert_eq!(account.0, "fail@btinternet.com");
            assert_eq!(status, "exit status 2");
            assert_eq!(stderr, "gpg: decryption failed: No secret key");
        }
        other => panic!("expected CommandFailed, got {other:?}"),
    }
    assert!(err.to_string().contains("No secret key"), "{err}");
}

#[cfg(unix)]
#[test]
fn password_command_not_found_is_a_failure() {
    let err = run_password_command(
        &id("nf@btinternet.com"),
        "/nonexistent/pillarbox-pass-helper",
        Duration::from_secs(10),
    )
    .unwrap_err();
    assert!(
        matches!(&err, SecretError::CommandFailed { status, .. } if status == "exit status 127"),
        "{err:?}"
    );
}

#[cfg(unix)]
#[test]
fn password_command_timeout_kills_the_whole_pipeline() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("still-running");
    let started = Instant::now();
    // The inner sleep would create the marker if it survived the timeout.
    let command = format!("(sleep 3; touch '{}'); echo late", marker.display());
    let err = run_password_command(
        &id("slow@btinternet.com"),
        &command,
        Duration::from_millis(300),
    )
    .unwrap_err();
    let took = started.elapsed();
    assert!(
        matches!(err, SecretError::CommandTimedOut { .. }),
        "{err:?}"
    );
    assert!(took < Duration::from_secs(2), "took {took:?}");
    thread::sleep(Duration::from_secs(4));
    assert!(!marker.exists(), "the command's children were left running");
}

#[cfg(unix)]
#[test]
fn password_command_empty_output_is_an_error() {
    let err =
        run_password_command(&id("e@btinternet.com"), "true", Duration::from_secs(10)).unwrap_err();
    assert!(matches!(err, SecretError::CommandEmpty { .. }), "{err:?}");
}

#[test]
fn errors_never_contain_the_password() {
    let secret = "Tr0ub4dor&3";
    let err = run_password_command(
        &id("x@btinternet.com"),
        &format!("echo {secret} >/dev/null; exit 1"),
        Duration::from_secs(10),
    )
    .unwrap_err();
    assert!(!err.to_string().contains(secret));
    assert!(!format!("{err:?}").contains(secret));
}

#[test]
fn no_keyring_message_offers_password_command() {
    let err = SecretError::NoKeyring {
        detail: "no session bus".into(),
    };
    let text = err.to_string();
    assert!(text.contains("password_command"), "{text}");
    assert!(text.contains("Secret Service"), "{text}");
}

#[test]
fn keyring_errors_map_without_secret_bytes() {
    let ann = id("ann@btinternet.com");
    let mapped = keyring_error(&ann, KeyringError::BadEncoding(b"hunter2".to_vec()));
    assert!(!format!("{mapped:?}").contains("hunter2"));
    assert!(matches!(
        keyring_error(&ann, KeyringError::NoEntry),
        SecretError::NotFound { .. }
    ));
    assert!(matches!(
        keyring_error(&ann, KeyringError::NoDefaultStore),
        SecretError::NoKeyring { .. }
    ));
}
