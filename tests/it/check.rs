//! The connection check against the real lab servers (and, for misbehaving servers, small
//! scripted listeners of our own on loopback).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures::StreamExt;
use pillarbox::mail::account::{Account, AuthMech, Protocol, Security, Server, ServerKind};
use pillarbox::mail::check::{
    check_account, check_account_events, check_server, CheckError, CheckEvent, Progress,
    ServerReport, Step, StepOutcome, StepState,
};
use pillarbox::mail::errors_l10n::explain_check;
use pillarbox::mail::secret::Password;
use pillarbox::mail::tls::{CertProblem, NetError, Timeouts};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::lab;

/// Runs the whole account check and records every progress event.
async fn check(account: &Account, password: &Password) -> (Vec<ServerReport>, Vec<Progress>) {
    let events = Mutex::new(Vec::new());
    let reports = check_account(account, password, &Timeouts::default(), &|p| {
        events.lock().unwrap().push(p)
    })
    .await;
    (reports, events.into_inner().unwrap())
}

fn describe(reports: &[ServerReport]) -> String {
    reports
        .iter()
        .map(|r| format!("{} {:?}: {:?} {:?}", r.endpoint(), r.kind, r.steps, r.error))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every step of the plan passed, and progress said so step by step, in order.
fn assert_all_passed(report: &ServerReport, events: &[Progress]) {
    assert!(
        report.passed(),
        "{}",
        describe(std::slice::from_ref(report))
    );
    let plan = Step::plan(report.security);
    let steps: Vec<_> = report.steps.iter().map(|s| s.step).collect();
    assert_eq!(steps, plan);
    let mine: Vec<_> = events
        .iter()
        .filter(|e| e.kind == report.kind)
        .map(|e| (e.step, e.state))
        .collect();
    let expected: Vec<_> = plan
        .iter()
        .flat_map(|step| [(*step, StepState::Started), (*step, StepState::Passed)])
        .collect();
    assert_eq!(mine, expected);
}

#[tokio::test]
async fn imap_and_smtp_account_passes_every_step() {
    let lab = lab::lab();
    let user = lab.new_user("check-imap");
    let account = lab.account(&user, Protocol::Imap);
    let (reports, events) = check(&account, &user.password).await;
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0].kind, ServerKind::Imap);
    assert_eq!(reports[0].port, lab.imaps_port);
    assert_eq!(reports[1].kind, ServerKind::Smtp);
    assert_eq!(reports[1].port, lab.smtps_port);
    for report in &reports {
        assert_all_passed(report, &events);
    }
}

#[tokio::test]
async fn pop3_and_smtp_account_passes_every_step() {
    let lab = lab::lab();
    let user = lab.new_user("check-pop");
    let account = lab.account(&user, Protocol::Pop3);
    let (reports, events) = check(&account, &user.password).await;
    assert_eq!(reports[0].kind, ServerKind::Pop3);
    assert_eq!(reports[0].port, lab.pop3s_port);
    for report in &reports {
        assert_all_passed(report, &events);
    }
}

#[tokio::test]
async fn starttls_ports_pass_every_step() {
    let lab = lab::lab();
    for protocol in [Protocol::Imap, Protocol::Pop3] {
        let user = lab.new_user("check-starttls");
        let account = lab.account_starttls(&user, protocol);
        assert_eq!(account.incoming.security, Security::Starttls);
        let (reports, events) = check(&account, &user.password).await;
        for report in &reports {
            assert_eq!(report.security, Security::Starttls);
            assert_eq!(report.outcome(Step::Starttls), Some(StepOutcome::Passed));
            assert_all_passed(report, &events);
        }
        assert_eq!(reports[1].port, lab.submission_port);
    }
}

#[tokio::test]
async fn login_mechanism_passes_and_fails_like_plain() {
    let lab = lab::lab();
    let user = lab.new_user("check-authlogin");
    let mut account = lab.account(&user, Protocol::Imap);
    account.incoming.auth = AuthMech::Login;
    account.outgoing.auth = AuthMech::Login;
    let (reports, events) = check(&account, &user.password).await;
    for report in &reports {
        assert_all_passed(report, &events);
    }
    let (reports, _) = check(&account, &Password::new("wrong")).await;
    for report in &reports {
        assert!(
            matches!(report.error, Some(CheckError::AuthFailed { .. })),
            "{}",
            describe(&reports)
        );
    }
}

#[tokio::test]
async fn wrong_password_fails_at_login_with_app_password_hint() {
    pillarbox::i18n::init_for_tests("en-GB");
    let lab = lab::lab();
    let user = lab.new_user("check-badpw");
    for protocol in [Protocol::Imap, Protocol::Pop3] {
        let account = lab.account(&user, protocol);
        let (reports, _) = check(&account, &Password::new("not-the-password")).await;
        for report in &reports {
            assert!(!report.passed());
            assert_eq!(report.outcome(Step::Greeting), Some(StepOutcome::Passed));
            assert_eq!(
                report.outcome(Step::Authenticate),
                Some(StepOutcome::Failed)
            );
            let error = report.error.as_ref().expect("an error");
            assert!(
                matches!(error, CheckError::AuthFailed { port, .. } if *port == report.port),
                "{}",
                describe(&reports)
            );
            let text = explain_check(error);
            assert!(text.message.contains(&report.endpoint()), "{text:?}");
            assert!(text.message.contains("Logging in"), "{text:?}");
            assert!(text.hint.contains("app password"), "{text:?}");
        }
    }
}

#[tokio::test]
async fn untrusted_certificate_is_refused_at_tls_naming_its_subject() {
    pillarbox::i18n::init_for_tests("en-GB");
    let lab = lab::lab();
    let user = lab.new_user("check-untrusted");
    let mut account = lab.account(&user, Protocol::Imap);
    account.ca_file = None;
    let (reports, _) = check(&account, &user.password).await;
    for report in &reports {
        assert_eq!(report.outcome(Step::Connect), Some(StepOutcome::Passed));
        assert_eq!(report.outcome(Step::Tls), Some(StepOutcome::Failed));
        assert_eq!(report.outcome(Step::Greeting), Some(StepOutcome::Skipped));
        match report.error.as_ref().and_then(CheckError::net) {
            Some(NetError::Certificate {
                subject, problem, ..
            }) => {
                assert!(subject.contains("mail.btinternet.com"), "{subject}");
                assert_eq!(problem, &CertProblem::UnknownIssuer);
            }
            other => panic!("expected a refused certificate, got {other:?}"),
        }
        let text = explain_check(report.error.as_ref().unwrap());
        assert!(text.message.contains("mail.btinternet.com"), "{text:?}");
        assert!(text.message.contains(&report.endpoint()), "{text:?}");
        assert!(text.hint.contains("CA certificate file"), "{text:?}");
    }
}

#[tokio::test]
async fn certificate_for_other_names_is_refused_naming_the_valid_ones() {
    pillarbox::i18n::init_for_tests("en-GB");
    let lab = lab::lab();
    let user = lab.new_user("check-wrongname");
    let mut account = lab.account(&user, Protocol::Pop3);
    // Linux routes 0.0.0.0 to the local host, so this reaches the lab under a name
    // (an IP address) that its certificate does not list.
    account.incoming.host = "0.0.0.0".into();
    account.outgoing.host = "0.0.0.0".into();
    let (reports, _) = check(&account, &user.password).await;
    for report in &reports {
        assert_eq!(report.outcome(Step::Tls), Some(StepOutcome::Failed));
        match report.error.as_ref().and_then(CheckError::net) {
            Some(NetError::Certificate {
                problem: CertProblem::WrongName { presented },
                ..
            }) => {
                assert!(presented.iter().any(|n| n == "mail.btinternet.com"));
                assert!(presented.iter().any(|n| n == "localhost"));
            }
            other => panic!("expected a wrong-name certificate, got {other:?}"),
        }
        let text = explain_check(report.error.as_ref().unwrap());
        assert!(text.message.contains("not for 0.0.0.0"), "{text:?}");
        assert!(text.message.contains("localhost"), "{text:?}");
    }
}

#[tokio::test]
async fn closed_port_is_refused_at_connect() {
    pillarbox::i18n::init_for_tests("en-GB");
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let server = Server {
        host: "127.0.0.1".into(),
        port,
        ..Server::default()
    };
    let report = check_server(
        ServerKind::Imap,
        &server,
        None,
        &Password::new("x"),
        &Timeouts::all(Duration::from_secs(5)),
        &|_| {},
    )
    .await;
    assert_eq!(report.outcome(Step::Resolve), Some(StepOutcome::Passed));
    assert_eq!(report.outcome(Step::Connect), Some(StepOutcome::Failed));
    assert!(
        matches!(
            report.error,
            Some(CheckError::Net {
                step: Step::Connect,
                error: NetError::Refused { port: p, .. }
            }) if p == port
        ),
        "{:?}",
        report.error
    );
    let text = explain_check(report.error.as_ref().unwrap());
    assert!(
        text.message.contains(&format!("127.0.0.1:{port}")),
        "{text:?}"
    );
    assert!(text.hint.contains("port number"), "{text:?}");
}

/// A server that accepts connections and never says a word.
async fn silent_server() -> (u16, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    (port, handle)
}

#[tokio::test]
async fn silent_server_times_out_at_the_greeting() {
    pillarbox::i18n::init_for_tests("en-GB");
    let (port, server) = silent_server().await;
    let limit = Duration::from_secs(2);
    for kind in [ServerKind::Imap, ServerKind::Pop3, ServerKind::Smtp] {
        let config = Server {
            host: "127.0.0.1".into(),
            port,
            security: Security::Starttls,
            ..Server::default()
        };
        let started = Instant::now();
        let report = check_server(
            kind,
            &config,
            None,
            &Password::new("x"),
            &Timeouts::all(limit),
            &|_| {},
        )
        .await;
        let took = started.elapsed();
        assert!(
            took >= limit && took < limit + Duration::from_secs(2),
            "{took:?}"
        );
        assert_eq!(report.outcome(Step::Connect), Some(StepOutcome::Passed));
        assert_eq!(report.outcome(Step::Greeting), Some(StepOutcome::Failed));
        assert!(
            matches!(
                report.error,
                Some(CheckError::Timeout {
                    step: Step::Greeting,
                    secs: 2,
                    ..
                })
            ),
            "{:?}",
            report.error
        );
        let text = explain_check(report.error.as_ref().unwrap());
        assert!(
            text.message.contains("did not answer within 2 seconds"),
            "{text:?}"
        );
        assert!(text.hint.contains("STARTTLS"), "{text:?}");
    }
    server.abort();
}

#[tokio::test]
async fn silent_server_times_out_at_the_tls_handshake() {
    let (port, server) = silent_server().await;
    let config = Server {
        host: "127.0.0.1".into(),
        port,
        ..Server::default()
    };
    let started = Instant::now();
    let report = check_server(
        ServerKind::Imap,
        &config,
        None,
        &Password::new("x"),
        &Timeouts::all(Duration::from_secs(2)),
        &|_| {},
    )
    .await;
    assert!(started.elapsed() < Duration::from_secs(4));
    assert!(
        matches!(
            report.error,
            Some(CheckError::Timeout {
                step: Step::Tls,
                ..
            })
        ),
        "{:?}",
        report.error
    );
    server.abort();
}

/// A plain-text server that greets like `kind` and answers from `script`; returns every line it
/// received from the client.
async fn plain_server(
    greeting: &'static str,
    script: fn(&str) -> Option<&'static str>,
) -> (u16, tokio::task::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let mut reader = BufReader::new(stream);
        reader
            .get_mut()
            .write_all(greeting.as_bytes())
            .await
            .unwrap();
        let mut received = Vec::new();
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let line = line.trim_end().to_string();
            let answer = script(&line);
            received.push(line);
            match answer {
                Some(answer) => reader.get_mut().write_all(answer.as_bytes()).await.unwrap(),
                None => break,
            }
        }
        received
    });
    (port, handle)
}

async fn check_plain(kind: ServerKind, port: u16) -> ServerReport {
    let config = Server {
        host: "127.0.0.1".into(),
        port,
        security: Security::Starttls,
        username: "ann@btinternet.com".into(),
        ..Server::default()
    };
    check_server(
        kind,
        &config,
        None,
        &Password::new("secret-pw"),
        &Timeouts::all(Duration::from_secs(5)),
        &|_| {},
    )
    .await
}

fn assert_failed_closed(report: &ServerReport, received: &[String]) {
    assert_eq!(report.outcome(Step::Greeting), Some(StepOutcome::Passed));
    assert_eq!(report.outcome(Step::Starttls), Some(StepOutcome::Failed));
    assert_eq!(
        report.outcome(Step::Authenticate),
        Some(StepOutcome::Skipped)
    );
    assert!(
        matches!(
            report.error,
            Some(CheckError::Net {
                step: Step::Starttls,
                error: NetError::NoStarttls { .. }
            })
        ),
        "{:?}",
        report.error
    );
    let all = received.join("\n");
    for secret in [
        "secret-pw",
        "ann@btinternet.com",
        "LOGIN",
        "AUTH",
        "USER",
        "PASS",
    ] {
        assert!(!all.contains(secret), "sent in the clear: {all}");
    }
}

#[tokio::test]
async fn imap_server_without_starttls_fails_closed() {
    let (port, server) = plain_server(
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] plain only\r\n",
        |line| {
            Some(if line.contains("STARTTLS") {
                "P1 BAD unknown command\r\n"
            } else {
                "* BAD what?\r\n"
            })
        },
    )
    .await;
    let report = check_plain(ServerKind::Imap, port).await;
    let received = server.await.unwrap();
    assert_eq!(received, vec!["P1 STARTTLS"]);
    assert_failed_closed(&report, &received);
}

#[tokio::test]
async fn pop3_server_without_stls_fails_closed() {
    let (port, server) =
        plain_server("+OK plain only\r\n", |_| Some("-ERR unknown command\r\n")).await;
    let report = check_plain(ServerKind::Pop3, port).await;
    let received = server.await.unwrap();
    assert_eq!(received, vec!["STLS"]);
    assert_failed_closed(&report, &received);
}

#[tokio::test]
async fn smtp_server_without_starttls_fails_closed() {
    let (port, server) = plain_server("220 plain.example ESMTP\r\n", |line| {
        Some(if line.starts_with("EHLO") {
            "250-plain.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n"
        } else {
            "502 unknown command\r\n"
        })
    })
    .await;
    let report = check_plain(ServerKind::Smtp, port).await;
    let received = server.await.unwrap();
    assert_eq!(received.len(), 1, "{received:?}");
    assert!(received[0].starts_with("EHLO "), "{received:?}");
    assert_failed_closed(&report, &received);
}

#[tokio::test]
async fn event_stream_reports_progress_then_the_verdict() {
    let lab = lab::lab();
    let user = lab.new_user("check-events");
    let account = lab.account(&user, Protocol::Imap);
    let events: Vec<CheckEvent> =
        check_account_events(account, user.password.clone(), Timeouts::default())
            .collect()
            .await;
    let (last, progress) = events.split_last().expect("events");
    let CheckEvent::Finished(reports) = last else {
        panic!("the stream must end with the verdict: {last:?}");
    };
    assert!(
        reports.iter().all(ServerReport::passed),
        "{}",
        describe(reports)
    );
    // Five steps, started and passed, on each of two servers.
    assert_eq!(progress.len(), 2 * 5 * 2);
    assert!(progress
        .iter()
        .all(|e| matches!(e, CheckEvent::Progress(_))));
}

/// Runs `pillarbox --lang LANG account check ADDR` with `account` saved in a fresh home.
fn run_cli_check(account: &Account, lang: &str, address: &str) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    let paths = pillarbox::mail::paths::Paths::under(home.path());
    let mut config = pillarbox::mail::config::Config::default();
    config.add_account(account.clone()).unwrap();
    config.save(&paths).unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_pillarbox"))
        .args(["--lang", lang, "account", "check", address])
        .env("PILLARBOX_HOME", home.path())
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn cli_check_prints_every_step_and_exits_zero_when_all_pass() {
    let lab = lab::lab();
    let user = lab.new_user("check-cli");
    let account = lab.account(&user, Protocol::Imap);
    assert!(
        account.password_command.is_some(),
        "the lab account brings its password"
    );
    let output = run_cli_check(&account, "en-GB", &user.email.to_uppercase());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(&format!(
            "Incoming mail (IMAP): localhost:{} (SSL/TLS)",
            lab.imaps_port
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "Outgoing mail (SMTP): localhost:{} (SSL/TLS)",
            lab.smtps_port
        )),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("✓ Logging in: passed").count(),
        2,
        "{stdout}"
    );
    assert_eq!(
        stdout
            .matches("✓ Secure connection and certificate: passed")
            .count(),
        2,
        "{stdout}"
    );
    assert!(stdout.contains("Every server passed"), "{stdout}");
}

#[test]
fn cli_check_explains_a_wrong_password_in_welsh_and_exits_one() {
    let lab = lab::lab();
    let user = lab.new_user("check-cli-cy");
    let mut account = lab.account(&user, Protocol::Pop3);
    account.password_command = Some("printf '%s' not-the-password".into());
    let output = run_cli_check(&account, "cy", &user.email);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("Yn gwirio"), "{stdout}");
    assert_eq!(
        stdout.matches("✗ Mewngofnodi: methodd").count(),
        2,
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("localhost:{}", lab.pop3s_port)),
        "{stdout}"
    );
    assert!(stdout.contains("cyfrinair ap"), "{stdout}");
    assert!(
        stdout.contains("Methodd 2 o weinyddion y gwiriad"),
        "{stdout}"
    );
    assert!(!stdout.contains("not-the-password") && !stderr.contains("not-the-password"));
}

#[test]
fn cli_check_of_an_unknown_account_fails_clearly() {
    let lab = lab::lab();
    let user = lab.new_user("check-cli-none");
    let account = lab.account(&user, Protocol::Imap);
    let output = run_cli_check(&account, "en-GB", "nobody@btinternet.com");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("There is no account nobody@btinternet.com"),
        "{stderr}"
    );
}

/// A TLS server with the lab's certificate that greets with `greeting` and answers each line
/// through `script`; returns the lines it received.
async fn scripted_tls_server(
    greeting: &'static str,
    script: fn(&str) -> Option<&'static str>,
) -> (u16, tokio::task::JoinHandle<Vec<String>>) {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    use tokio_rustls::rustls;

    let tls_dir = lab::lab().dir.join("tls");
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_file_iter(tls_dir.join("server.crt"))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
    let key = PrivateKeyDer::from_pem_file(tls_dir.join("server.key")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.unwrap();
        let tls = acceptor.accept(tcp).await.unwrap();
        let mut reader = BufReader::new(tls);
        reader
            .get_mut()
            .write_all(greeting.as_bytes())
            .await
            .unwrap();
        let mut received = Vec::new();
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let line = line.trim_end().to_string();
            let answer = script(&line);
            received.push(line);
            match answer {
                Some(answer) => {
                    if reader.get_mut().write_all(answer.as_bytes()).await.is_err() {
                        break;
                    }
                }
                None => break,
            }
        }
        received
    });
    (port, handle)
}

async fn check_tls(kind: ServerKind, port: u16) -> ServerReport {
    let config = Server {
        host: "localhost".into(),
        port,
        security: Security::Tls,
        username: "ann@btinternet.com".into(),
        ..Server::default()
    };
    let ca_file = lab::lab().ca_file.clone();
    check_server(
        kind,
        &config,
        Some(&ca_file),
        &Password::new("secret-pw"),
        &Timeouts::all(Duration::from_secs(5)),
        &|_| {},
    )
    .await
}

#[tokio::test]
async fn smtp_server_without_a_usable_login_method_is_reported_as_such() {
    pillarbox::i18n::init_for_tests("en-GB");
    let (port, server) = scripted_tls_server("220 tls.example ESMTP\r\n", |line| {
        Some(match line {
            l if l.starts_with("EHLO") => "250-tls.example\r\n250-AUTH XOAUTH2\r\n250 8BITMIME\r\n",
            "QUIT" => "221 bye\r\n",
            _ => "502 unknown\r\n",
        })
    })
    .await;
    let report = check_tls(ServerKind::Smtp, port).await;
    let received = server.await.unwrap();
    assert_eq!(report.outcome(Step::Greeting), Some(StepOutcome::Passed));
    assert!(
        matches!(&report.error, Some(CheckError::NoAuthMechanism { offered, .. }) if offered == "XOAUTH2"),
        "{:?}",
        report.error
    );
    assert_eq!(received.len(), 2, "EHLO then QUIT only: {received:?}");
    assert_eq!(received[1], "QUIT");
    let text = explain_check(report.error.as_ref().unwrap());
    assert!(text.message.contains("XOAUTH2"), "{text:?}");
    assert!(text.hint.contains("other login method"), "{text:?}");
}

#[tokio::test]
async fn smtp_temporary_auth_failure_is_not_called_a_wrong_password() {
    let (port, server) = scripted_tls_server("220-tls.example ESMTP\r\n220 welcome\r\n", |line| {
        Some(match line {
            l if l.starts_with("EHLO") => "250-tls.example\r\n250 AUTH PLAIN LOGIN\r\n",
            l if l.starts_with("AUTH PLAIN ") => "454 4.7.0 Temporary authentication failure\r\n",
            "QUIT" => "221 bye\r\n",
            _ => "502 unknown\r\n",
        })
    })
    .await;
    let report = check_tls(ServerKind::Smtp, port).await;
    let received = server.await.unwrap();
    assert!(
        matches!(&report.error, Some(CheckError::Protocol { step: Step::Authenticate, message, .. }) if message.starts_with("454")),
        "{:?}",
        report.error
    );
    // The AUTH PLAIN line carries "\0user\0password" in base64, under TLS.
    let auth = received
        .iter()
        .find(|l| l.starts_with("AUTH PLAIN "))
        .unwrap();
    assert_eq!(auth, "AUTH PLAIN AGFubkBidGludGVybmV0LmNvbQBzZWNyZXQtcHc=");
}

#[tokio::test]
async fn refusing_greetings_fail_at_the_greeting() {
    let (port, server) = scripted_tls_server("* BYE too many connections\r\n", |_| None).await;
    let report = check_tls(ServerKind::Imap, port).await;
    server.await.unwrap();
    assert!(
        matches!(&report.error, Some(CheckError::Protocol { step: Step::Greeting, message, .. }) if message.contains("too many connections")),
        "{:?}",
        report.error
    );
    let (port, server) = scripted_tls_server("554 no service for you\r\n", |_| None).await;
    let report = check_tls(ServerKind::Smtp, port).await;
    server.await.unwrap();
    assert!(
        matches!(&report.error, Some(CheckError::Protocol { step: Step::Greeting, message, .. }) if message.contains("554")),
        "{:?}",
        report.error
    );
}
