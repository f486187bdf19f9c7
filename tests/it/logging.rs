//! The log file: it is written in the data folder, at the detail the settings ask for, and it
//! never holds a password, even at the most detailed level and when the login fails.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::lab;
use pillarbox::mail::account::{Account, Protocol};
use pillarbox::mail::config::Config;
use pillarbox::mail::paths::Paths;

/// Saves `account` (and `log_level`) in a fresh home and runs `pillarbox account check`.
fn check_with_logs(
    account: &Account,
    log_level: Option<&str>,
    rust_log: Option<&str>,
) -> (tempfile::TempDir, Output) {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut config = Config::default();
    config.settings.log_level = log_level.map(str::to_string);
    config.add_account(account.clone()).unwrap();
    config.save(&paths).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pillarbox"));
    cmd.args(["--lang", "en-GB", "account", "check", &account.email])
        .env("PILLARBOX_HOME", home.path())
        .env_remove("RUST_LOG")
        .stdin(Stdio::null());
    if let Some(filter) = rust_log {
        cmd.env("RUST_LOG", filter);
    }
    let output = cmd.output().unwrap();
    (home, output)
}

/// Every log file's text, by name.
fn log_files(home: &Path) -> Vec<(String, String)> {
    let dir = Paths::under(home).log_dir();
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no log folder {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect();
    files.sort();
    files
}

fn assert_secret_absent(files: &[(String, String)], secret: &str, stdout: &[u8], stderr: &[u8]) {
    for (name, text) in files {
        assert!(
            !text.contains(secret),
            "the password is in the log file {name}"
        );
    }
    assert!(!String::from_utf8_lossy(stdout).contains(secret));
    assert!(!String::from_utf8_lossy(stderr).contains(secret));
}

#[test]
fn a_failed_login_at_trace_level_logs_the_failure_but_never_the_password() {
    let lab = lab::lab();
    let user = lab.new_user("log-wrong");
    let mut account = lab.account(&user, Protocol::Imap);
    let secret = format!("wrong-pw-{}-Zq7", std::process::id());
    account.password_command = Some(format!("printf '%s' {secret}"));

    for (level, rust_log) in [(Some("trace"), None), (None, Some("trace"))] {
        let (home, output) = check_with_logs(&account, level, rust_log);
        assert_eq!(
            output.status.code(),
            Some(1),
            "the login must fail: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        let files = log_files(home.path());
        assert_eq!(files.len(), 1, "one file per day: {files:?}");
        let (name, text) = &files[0];
        assert!(
            name.starts_with("pillarbox.") && name.ends_with(".log"),
            "{name}"
        );
        // The check logs each failed server at info: the file has real content, so an empty
        // file cannot pass this test.
        assert!(
            text.contains("connection check failed") && text.contains("IMAP"),
            "{level:?}/{rust_log:?}: {text}"
        );
        assert!(!text.contains("\u{1b}["), "no colour codes in the file");
        assert_secret_absent(&files, &secret, &output.stdout, &output.stderr);
    }
}

#[test]
fn a_successful_login_at_trace_level_never_logs_the_password() {
    let lab = lab::lab();
    let user = lab.new_user("log-right");
    let account = lab.account(&user, Protocol::Pop3);
    let secret = lab.password();
    let (home, output) = check_with_logs(&account, None, Some("trace"));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let files = log_files(home.path());
    assert!(
        files.iter().any(|(_, text)| text.contains("TRACE")),
        "RUST_LOG=trace reaches the file: {files:?}"
    );
    assert_secret_absent(&files, secret.expose(), &output.stdout, &output.stderr);
}

#[test]
fn the_default_level_keeps_debug_lines_out_of_the_file() {
    let lab = lab::lab();
    let user = lab.new_user("log-default");
    let mut account = lab.account(&user, Protocol::Imap);
    account.password_command = Some("printf '%s' wrong".into());
    let (home, _) = check_with_logs(&account, None, None);
    let files = log_files(home.path());
    let text: String = files.iter().map(|(_, t)| t.as_str()).collect();
    assert!(text.contains(" INFO "), "{text}");
    assert!(
        !text.contains("DEBUG") && !text.contains("TRACE"),
        "info is the default: {text}"
    );
}
