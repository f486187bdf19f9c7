//! The real `pillarbox` binary, run with PILLARBOX_HOME in a fresh temporary folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use pillarbox::mail::account::{Protocol, Security};
use pillarbox::mail::config::Config;
use pillarbox::mail::paths::Paths;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn paths(&self) -> Paths {
        Paths::under(self.root())
    }

    fn config_file(&self) -> PathBuf {
        self.paths().config_file()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pillarbox"));
        cmd.args(["--lang", "en-GB"])
            .args(args)
            .env("PILLARBOX_HOME", self.root())
            .env_remove("PILLARBOX_KEYRING")
            .env_remove("RUST_LOG")
            // No session bus: the Secret Service is absent, as on a headless server.
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("XDG_RUNTIME_DIR", self.root().join("no-runtime"))
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        Run(self.command(args).output().unwrap())
    }

    fn run_with_stdin(&self, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Run {
        let mut cmd = self.command(args);
        cmd.envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        Run(child.wait_with_output().unwrap())
    }

    fn load(&self) -> Config {
        Config::load(&self.paths()).unwrap()
    }
}

struct Run(Output);

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    fn code(&self) -> Option<i32> {
        self.0.status.code()
    }
    #[track_caller]
    fn ok(self) -> Run {
        assert_eq!(
            self.code(),
            Some(0),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
    #[track_caller]
    fn fails_with(self, code: i32) -> Run {
        assert_eq!(
            self.code(),
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
}

/// Every regular file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn cli_version() {
    let home = Home::new();
    let run = home.run(&["--version"]).ok();
    assert_eq!(
        run.stdout().trim(),
        format!("pillarbox {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn cli_add_list_paths_remove_with_password_command() {
    let home = Home::new();
    let run = home
        .run(&[
            "account",
            "add",
            "--email",
            "Ann.Smith@BTinternet.com",
            "--password-command",
            "echo lab-password",
        ])
        .ok();
    let out = run.stdout();
    assert!(
        out.contains("Added ann.smith@btinternet.com (IMAP): incoming mail.btinternet.com:993, outgoing mail.btinternet.com:465."),
        "{out}"
    );
    assert!(out.contains("BT Email"), "{out}");

    let config = home.load();
    let [ann] = config.accounts.as_slice() else {
        panic!("{:?}", config.accounts)
    };
    assert_eq!(ann.email, "Ann.Smith@BTinternet.com");
    assert_eq!(ann.display_name, "Ann Smith");
    assert_eq!(ann.protocol, Protocol::Imap);
    assert_eq!(ann.incoming.username, "Ann.Smith@BTinternet.com");
    assert_eq!(ann.password_command.as_deref(), Some("echo lab-password"));
    assert_eq!(
        pillarbox::mail::secret::password_for(ann).unwrap().expose(),
        "lab-password"
    );

    let ca = home.root().join("lab-ca.pem");
    fs::write(&ca, "-----BEGIN CERTIFICATE-----\n").unwrap();
    home.run(&[
        "account",
        "add",
        "--email",
        "bob@btopenworld.com",
        "--name",
        "Bob Jones",
        "--pop",
        "localhost:10995",
        "--smtp",
        "localhost:10465",
        "--ca-file",
        ca.to_str().unwrap(),
        "--password-command",
        "printf 'pw\\n'",
    ])
    .ok();
    let bob = home.load().accounts[1].clone();
    assert_eq!(bob.protocol, Protocol::Pop3, "--pop alone means POP3");
    assert_eq!(bob.incoming.endpoint(), "localhost:10995");
    assert_eq!(bob.outgoing.endpoint(), "localhost:10465");
    assert_eq!(bob.incoming.security, Security::Tls);
    assert_eq!(bob.ca_file.as_deref(), Some(ca.as_path()));
    assert!(!bob.pop3.leave_on_server, "BT default: download and delete");

    let list = home.run(&["account", "list"]).ok().stdout();
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(
        lines,
        [
            "ann.smith@btinternet.com  “Ann Smith”  IMAP  in: mail.btinternet.com:993  out: mail.btinternet.com:465",
            "bob@btopenworld.com  “Bob Jones”  POP3  in: localhost:10995  out: localhost:10465",
        ]
    );

    let paths = home.run(&["paths"]).ok().stdout();
    let root = home.root().display().to_string();
    for expected in [
        format!("Settings file: {root}/config/config.toml"),
        format!("Data folder: {root}/data"),
        format!("Cache folder: {root}/cache"),
        format!("Mail for ann.smith@btinternet.com: {root}/data/mail/ann.smith@btinternet.com"),
        format!("Mail for bob@btopenworld.com: {root}/data/mail/bob@btopenworld.com"),
    ] {
        assert!(
            paths.lines().any(|l| l == expected),
            "{expected}\nin:\n{paths}"
        );
    }

    // Mail on disk survives removal.
    let mail = home.paths().mail_root(&ann.id()).join("INBOX/cur");
    fs::create_dir_all(&mail).unwrap();
    fs::write(mail.join("1.eml"), "Subject: keep me\r\n\r\nhi\r\n").unwrap();
    let out = home
        .run(&["account", "remove", "ANN.SMITH@btinternet.com"])
        .ok()
        .stdout();
    assert!(out.contains("Removed ann.smith@btinternet.com"), "{out}");
    assert!(
        out.contains(&format!("{root}/data/mail/ann.smith@btinternet.com")),
        "{out}"
    );
    assert!(mail.join("1.eml").exists());
    let left = home.load();
    assert_eq!(left.accounts.len(), 1);
    assert_eq!(left.accounts[0].email, "bob@btopenworld.com");

    let err = home
        .run(&["account", "remove", "ann.smith@btinternet.com"])
        .fails_with(1)
        .stderr();
    assert!(
        err.contains("There is no account ann.smith@btinternet.com"),
        "{err}"
    );
}

#[test]
fn cli_password_stdin_without_keyring_fails_and_saves_nothing() {
    let home = Home::new();
    let run = home
        .run_with_stdin(
            &[
                "account",
                "add",
                "--email",
                "ann@btinternet.com",
                "--password-stdin",
            ],
            &[],
            "hunter2-stdin\n",
        )
        .fails_with(1);
    let err = run.stderr();
    assert!(
        err.contains("No keyring (Secret Service) is available"),
        "{err}"
    );
    assert!(err.contains("--password-command"), "{err}");
    assert!(!err.contains("hunter2-stdin"), "{err}");
    assert!(!home.config_file().exists(), "nothing may be saved");
    assert!(
        files_under(home.root()).is_empty(),
        "{:?}",
        files_under(home.root())
    );
}

#[test]
fn cli_password_is_never_written_under_pillarbox_home() {
    let home = Home::new();
    let secret = "Zq7-unique-lab-pw-91c2";
    // The in-memory keyring: stores the password the way the OS keyring would, off disk.
    home.run_with_stdin(
        &[
            "account",
            "add",
            "--email",
            "ann@btinternet.com",
            "--password-stdin",
        ],
        &[("PILLARBOX_KEYRING", "memory")],
        &format!("{secret}\n"),
    )
    .ok();
    // And a password command reading a file outside PILLARBOX_HOME.
    let outside = tempfile::tempdir().unwrap();
    let pw_file = outside.path().join("pw");
    fs::write(&pw_file, format!("{secret}\n")).unwrap();
    home.run(&[
        "account",
        "add",
        "--email",
        "bob@talk21.com",
        "--password-command",
        &format!("cat '{}'", pw_file.display()),
    ])
    .ok();
    assert_eq!(home.load().accounts.len(), 2);

    let files = files_under(home.root());
    assert!(
        files.iter().any(|f| f.ends_with("config.toml")),
        "{files:?}"
    );
    for file in files {
        let bytes = fs::read(&file).unwrap();
        assert!(
            !contains(&bytes, secret.as_bytes()),
            "{} holds the password",
            file.display()
        );
    }
}

#[test]
fn cli_failing_password_command_saves_nothing() {
    let home = Home::new();
    let err = home
        .run(&[
            "account",
            "add",
            "--email",
            "ann@btinternet.com",
            "--password-command",
            "echo 'pass: email/bt is not in the password store.' >&2; exit 1",
        ])
        .fails_with(1)
        .stderr();
    assert!(
        err.contains("The password command for ann@btinternet.com failed (exit status 1)"),
        "{err}"
    );
    assert!(err.contains("is not in the password store"), "{err}");
    assert!(!home.config_file().exists());
}

#[test]
fn cli_add_requires_a_password_source_and_a_valid_address() {
    let home = Home::new();
    let err = home
        .run(&["account", "add", "--email", "ann@btinternet.com"])
        .fails_with(2)
        .stderr();
    assert!(err.contains("--password-stdin"), "{err}");
    let err = home
        .run(&[
            "account",
            "add",
            "--email",
            "ann at bt",
            "--password-command",
            "echo x",
        ])
        .fails_with(2)
        .stderr();
    assert!(err.contains("“ann at bt” is not an email address"), "{err}");
    let err = home
        .run(&[
            "account",
            "add",
            "--email",
            "a@b.com",
            "--imap",
            "h:99999",
            "--password-command",
            "echo x",
        ])
        .fails_with(2)
        .stderr();
    assert!(err.contains("h:99999"), "{err}");
    let err = home
        .run(&[
            "account",
            "add",
            "--email",
            "a@b.com",
            "--protocol",
            "pop3",
            "--imap",
            "h:993",
            "--password-command",
            "echo x",
        ])
        .fails_with(2)
        .stderr();
    assert!(
        err.contains("--imap does not apply to a POP3 account"),
        "{err}"
    );
    assert!(!home.config_file().exists());
}

#[test]
fn cli_duplicate_needs_replace() {
    let home = Home::new();
    let add = |extra: &[&str]| {
        let mut args = vec!["account", "add", "--email", "ann@btinternet.com"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--password-command", "echo x"]);
        home.run(&args)
    };
    add(&[]).ok();
    let err = add(&["--protocol", "pop3"]).fails_with(1).stderr();
    assert!(err.contains("already set up"), "{err}");
    assert_eq!(home.load().accounts[0].protocol, Protocol::Imap);
    let out = add(&["--protocol", "pop3", "--replace"]).ok().stdout();
    assert!(out.contains("Replaced ann@btinternet.com (POP3)"), "{out}");
    let config = home.load();
    assert_eq!(config.accounts.len(), 1);
    assert_eq!(
        config.accounts[0].incoming.endpoint(),
        "mail.btinternet.com:995"
    );
}

#[test]
fn cli_corrupt_config_is_reported_and_kept() {
    let home = Home::new();
    fs::create_dir_all(home.config_file().parent().unwrap()).unwrap();
    let damaged = b"version = 1\n[settings\ntheme = \"dark\"\n";
    fs::write(home.config_file(), damaged).unwrap();
    let err = home.run(&["account", "list"]).fails_with(1).stderr();
    assert!(err.contains("is damaged (line 2)"), "{err}");
    let err = home
        .run(&[
            "account",
            "add",
            "--email",
            "ann@btinternet.com",
            "--password-command",
            "echo x",
        ])
        .fails_with(1)
        .stderr();
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(fs::read(home.config_file()).unwrap(), damaged);
    // `paths` still shows where the file is.
    let run = home.run(&["paths"]).fails_with(1);
    assert!(run.stdout().contains("Settings file:"), "{}", run.stdout());
}

#[test]
fn cli_speaks_welsh() {
    let home = Home::new();
    let out = Command::new(env!("CARGO_BIN_EXE_pillarbox"))
        .args(["--lang", "cy", "account", "list"])
        .env("PILLARBOX_HOME", home.root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.starts_with("Does dim cyfrifon wedi’u gosod."),
        "{text}"
    );
}

#[test]
fn cli_help_is_localised() {
    let home = Home::new();
    let mut cmd = home.command(&[]);
    // `home.command` pins en-GB first; a later --lang wins, as clap takes the last one.
    cmd.args(["--lang", "cy", "account", "add", "--help"]);
    let out = cmd.output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Defnydd: pillarbox account add"), "{text}");
    assert!(text.contains("Dewisiadau:"), "{text}");
    assert!(text.contains("Cyfeiriad e-bost y cyfrif"), "{text}");
    assert!(!text.contains("The account’s email address"), "{text}");

    let en = home.run(&["--help"]).ok().stdout();
    assert!(
        en.contains("Run without a command to open the window."),
        "{en}"
    );
    assert!(
        en.contains("account  Add, list and remove accounts"),
        "{en}"
    );
}

#[test]
fn cli_errors_speak_welsh_too() {
    let home = Home::new();
    let mut cmd = home.command(&[
        "--lang",
        "cy",
        "account",
        "add",
        "--email",
        "ann@btinternet.com",
        "--password-stdin",
    ]);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"pw\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Gwall: Does dim cylch allweddi (Secret Service) ar gael"),
        "{err}"
    );
    assert!(err.contains("Awgrym: "), "{err}");

    fs::create_dir_all(home.config_file().parent().unwrap()).unwrap();
    fs::write(home.config_file(), "version = [\n").unwrap();
    let out = home.run(&["--lang", "cy", "account", "list"]).fails_with(1);
    assert!(
        out.stderr().contains("wedi’i difrodi (llinell 1)"),
        "{}",
        out.stderr()
    );
}

/// Reads one CRLF line from the server, within 10 s.
async fn read_line<S: tokio::io::AsyncBufRead + Unpin>(stream: &mut S) -> String {
    use tokio::io::AsyncBufReadExt;
    let mut line = String::new();
    let n = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_line(&mut line),
    )
    .await
    .expect("the server answers within 10 s")
    .expect("read");
    assert!(n > 0, "the server hung up");
    line
}

/// The account `account add` wrote (servers, CA file, user name, password command) logs in
/// to the lab's real IMAP and POP3 servers.
#[test]
fn cli_added_accounts_log_in_to_the_lab() {
    use pillarbox::mail::tls::{connect_tls, Timeouts};
    use tokio::io::{AsyncWriteExt, BufReader};

    let lab = crate::lab::lab();
    let home = Home::new();
    let outside = tempfile::tempdir().unwrap();
    let pw_file = outside.path().join("lab-pw");
    fs::write(&pw_file, format!("{}\n", lab.password().expose())).unwrap();
    let command = format!("cat '{}'", pw_file.display());
    let imap_user = lab.new_user("cli-imap");
    let pop_user = lab.new_user("cli-pop");
    let endpoint = |port: u16| format!("{}:{port}", lab.host());
    let ca = lab.ca_file.to_str().unwrap();
    home.run(&[
        "account",
        "add",
        "--email",
        &imap_user.email,
        "--imap",
        &endpoint(lab.imaps_port),
        "--smtp",
        &endpoint(lab.smtps_port),
        "--ca-file",
        ca,
        "--password-command",
        &command,
    ])
    .ok();
    home.run(&[
        "account",
        "add",
        "--email",
        &pop_user.email,
        "--pop",
        &endpoint(lab.pop3s_port),
        "--smtp",
        &endpoint(lab.smtps_port),
        "--ca-file",
        ca,
        "--password-command",
        &command,
    ])
    .ok();

    let config = home.load();
    let imap = config.accounts[0].clone();
    let pop = config.accounts[1].clone();
    assert_eq!(pop.protocol, Protocol::Pop3);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let timeouts = Timeouts::all(std::time::Duration::from_secs(10));

        let password = pillarbox::mail::secret::password_for(&imap).unwrap();
        let server = &imap.incoming;
        let tls = connect_tls(
            &server.host,
            server.port,
            imap.ca_file.as_deref(),
            &timeouts,
        )
        .await
        .unwrap();
        let mut s = BufReader::new(tls);
        assert!(read_line(&mut s).await.starts_with("* OK"));
        let login = format!(
            "a1 LOGIN \"{}\" \"{}\"\r\n",
            server.username,
            password.expose()
        );
        s.get_mut().write_all(login.as_bytes()).await.unwrap();
        let reply = loop {
            let line = read_line(&mut s).await;
            if line.starts_with("a1 ") {
                break line;
            }
        };
        assert!(reply.starts_with("a1 OK"), "{reply}");

        let password = pillarbox::mail::secret::password_for(&pop).unwrap();
        let server = &pop.incoming;
        let tls = connect_tls(&server.host, server.port, pop.ca_file.as_deref(), &timeouts)
            .await
            .unwrap();
        let mut s = BufReader::new(tls);
        assert!(read_line(&mut s).await.starts_with("+OK"));
        let user = format!("USER {}\r\n", server.username);
        s.get_mut().write_all(user.as_bytes()).await.unwrap();
        assert!(read_line(&mut s).await.starts_with("+OK"));
        let pass = format!("PASS {}\r\n", password.expose());
        s.get_mut().write_all(pass.as_bytes()).await.unwrap();
        let reply = read_line(&mut s).await;
        assert!(reply.starts_with("+OK"), "{reply}");
    });
}

#[test]
fn a_wrong_message_file_is_refused_naming_it_and_no_window_opens() {
    let home = Home::new();
    let letter = home.root().join("letter.eml");
    fs::write(&letter, "Dear Sir,\nthis is a letter, not an email.\n").unwrap();
    let empty = home.root().join("empty.eml");
    fs::write(&empty, "").unwrap();
    let letter_arg = letter.to_string_lossy().into_owned();
    let empty_arg = empty.to_string_lossy().into_owned();
    let missing_arg = home.root().join("gone.eml").to_string_lossy().into_owned();
    for (args, name, says) in [
        (
            vec![letter_arg.as_str()],
            "letter.eml",
            "not an email message",
        ),
        (
            vec!["open", letter_arg.as_str()],
            "letter.eml",
            "not an email message",
        ),
        (vec![empty_arg.as_str()], "empty.eml", "is empty"),
        (
            vec!["open", missing_arg.as_str()],
            "gone.eml",
            "Could not read",
        ),
    ] {
        let run = home.run(&args);
        assert_eq!(run.code(), Some(1), "{args:?}: {}", run.stderr());
        assert!(run.stderr().contains(name), "{args:?}: {}", run.stderr());
        assert!(run.stderr().contains(says), "{args:?}: {}", run.stderr());
    }
    // Neither a message file nor a link nor a command: a usage error.
    let run = home.run(&["no-such-thing"]);
    assert_eq!(run.code(), Some(2), "{}", run.stderr());
    assert!(run.stderr().contains("no-such-thing"));
}
