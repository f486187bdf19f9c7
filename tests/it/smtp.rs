//! Sending against the lab's real Postfix (SMTPS, submission with STARTTLS) and Dovecot:
//! delivery, Bcc, Sent copies, drafts, refusals, a server outage and a killed batch.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mail_parser::{MessageParser, MimeHeaders};
use pillarbox::mail::account::{Account, Protocol};
use pillarbox::mail::compose::{self, AttachmentSpec, Draft, Person};
use pillarbox::mail::config::Config;
use pillarbox::mail::drafts;
use pillarbox::mail::outbox::{self, Event, Outbox, State};
use pillarbox::mail::paths::Paths;
use pillarbox::mail::secret::Password;
use pillarbox::mail::tls::Timeouts;

use crate::lab::{self, Lab, LabUser};

const WAIT: Duration = Duration::from_secs(30);

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn timeouts() -> Timeouts {
    Timeouts::all(Duration::from_secs(10))
}

fn message_id_of(raw: &[u8]) -> String {
    MessageParser::default()
        .parse_headers(raw)
        .and_then(|m| m.message_id().map(str::to_string))
        .unwrap_or_default()
}

fn header_block(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    text.split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Queues `draft` and flushes the outbox once.
fn send(
    paths: &Paths,
    account: &Account,
    password: &Password,
    draft: &Draft,
) -> (compose::Built, outbox::FlushReport) {
    let built = compose::build(account, draft).unwrap();
    outbox::queue(paths, account, &built, &None).unwrap();
    let report = rt()
        .block_on(outbox::flush(
            paths,
            account,
            password,
            &timeouts(),
            false,
            &None,
        ))
        .unwrap();
    (built, report)
}

fn simple(to: &LabUser, subject: &str) -> Draft {
    Draft {
        to: vec![Person::new(None, &to.email)],
        subject: subject.into(),
        text: format!("{subject}\n"),
        ..Draft::default()
    }
}

#[test]
fn smtp_delivers_utf8_attachment_and_bcc_intact_and_files_imap_sent_copy() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-sender");
    let to = lab.new_user_at("smtp-to", "btopenworld.com");
    let cc = lab.new_user_at("smtp-cc", "talk21.com");
    let bcc = lab.new_user("smtp-bcc");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    account.display_name = "Siân Llŷr-Ōtani".into();

    let png: Vec<u8> = (0..40_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let draft = Draft {
        to: vec![Person::new(Some("Zoë Ångström"), &to.email)],
        cc: vec![Person::new(Some("Carys Ŵyn"), &cc.email)],
        bcc: vec![Person::new(Some("Cudd Bcc"), &bcc.email)],
        subject: "Cyfarfod — café ☕ résumé".into(),
        text: "Bore da,\nsee the map.\n".into(),
        html: Some("<p>Bore da, <b>see the map</b>.</p>".into()),
        attachments: vec![AttachmentSpec {
            file_name: "map ü.png".into(),
            content_type: None,
            data: png.clone(),
        }],
        ..Draft::default()
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let built = compose::build(&account, &draft).unwrap();
    outbox::queue(&paths, &account, &built, &Some(tx.clone())).unwrap();
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            false,
            &Some(tx),
        ))
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    assert_eq!(report.sent_copies, 1, "{report:?}");
    assert_eq!(report.remaining, 0);

    let mut events = Vec::new();
    while let Ok(event) = rx.try_recv() {
        events.push(event);
    }
    let id = built.message_id.clone();
    let acct = account.id();
    assert_eq!(
        events,
        vec![
            Event::Queued {
                account: acct.clone(),
                message_id: id.clone()
            },
            Event::Sending {
                account: acct.clone(),
                message_id: id.clone()
            },
            Event::Sent {
                account: acct,
                message_id: id.clone()
            },
        ]
    );

    for user in [&to, &cc, &bcc] {
        let got = lab.wait_for_messages(user, "INBOX", 1, WAIT);
        assert_eq!(got.len(), 1, "{} got exactly one", user.email);
        let raw = &got[0];
        let headers = header_block(raw);
        assert!(
            !headers.to_lowercase().contains("\nbcc:"),
            "Bcc header leaked: {headers}"
        );
        assert!(
            !headers.contains(&bcc.email),
            "the Bcc address leaked into {headers}"
        );
        let msg = MessageParser::default().parse(raw).unwrap();
        assert_eq!(msg.subject(), Some("Cyfarfod — café ☕ résumé"));
        assert_eq!(msg.message_id(), Some(id.trim_matches(['<', '>'])));
        let from = msg.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("Siân Llŷr-Ōtani"));
        assert_eq!(from.address(), Some(sender.email.as_str()));
        assert_eq!(
            msg.to().unwrap().first().unwrap().name(),
            Some("Zoë Ångström")
        );
        assert_eq!(msg.cc().unwrap().first().unwrap().name(), Some("Carys Ŵyn"));
        assert_eq!(
            msg.body_html(0).unwrap(),
            "<p>Bore da, <b>see the map</b>.</p>"
        );
        assert!(msg.body_text(0).unwrap().starts_with("Bore da,"));
        let part = msg.attachment(0).expect("the attachment arrived");
        assert_eq!(part.attachment_name(), Some("map ü.png"));
        assert_eq!(part.content_type().unwrap().ctype(), "image");
        assert_eq!(part.content_type().unwrap().subtype(), Some("png"));
        assert_eq!(part.contents(), png.as_slice(), "attachment bytes intact");
    }

    let sent = lab.server_messages(&sender, "Sent");
    assert_eq!(sent.len(), 1, "one Sent copy on the server");
    assert_eq!(message_id_of(&sent[0]), id.trim_matches(['<', '>']));
    assert!(!header_block(&sent[0]).contains(&bcc.email));
    assert!(Outbox::for_account(&paths, &account.id())
        .unwrap()
        .list()
        .unwrap()
        .is_empty());
}

#[test]
fn smtp_pop3_account_keeps_sent_copy_locally() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-pop-sender");
    let to = lab.new_user("smtp-pop-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let account = lab.account(&sender, Protocol::Pop3);
    let (built, report) = send(&paths, &account, &sender.password, &simple(&to, "pop sent"));
    assert_eq!((report.sent, report.sent_copies), (1, 1), "{report:?}");
    lab.wait_for_messages(&to, "INBOX", 1, WAIT);
    let local = outbox::local_folder(&paths, &account, "Sent").unwrap();
    let entries = local.list().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].flags.contains('S'));
    assert_eq!(local.read(&entries[0]).unwrap(), built.bytes);
    assert!(
        lab.server_files(&sender, "Sent").is_empty(),
        "no server Sent for POP3"
    );
}

#[test]
fn smtp_provider_that_saves_sent_gets_no_copy() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-nocopy");
    let to = lab.new_user("smtp-nocopy-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    account.server_saves_sent = true;
    let (_, report) = send(&paths, &account, &sender.password, &simple(&to, "no copy"));
    assert_eq!(report.sent, 1, "{report:?}");
    lab.wait_for_messages(&to, "INBOX", 1, WAIT);
    assert!(lab.server_files(&sender, "Sent").is_empty());
    assert_eq!(report.remaining, 0);
}

#[test]
fn smtp_starttls_submission_sends() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-starttls");
    let to = lab.new_user("smtp-starttls-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account_starttls(&sender, Protocol::Imap);
    account.server_saves_sent = true;
    let (built, report) = send(
        &paths,
        &account,
        &sender.password,
        &simple(&to, "over starttls"),
    );
    assert_eq!(report.sent, 1, "{report:?}");
    let got = lab.wait_for_messages(&to, "INBOX", 1, WAIT);
    assert_eq!(
        message_id_of(&got[0]),
        built.message_id.trim_matches(['<', '>'])
    );
}

#[test]
fn smtp_wrong_password_stays_queued_with_clear_error() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-badpw");
    let to = lab.new_user("smtp-badpw-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let account = lab.account(&sender, Protocol::Imap);
    pillarbox::i18n::init_for_tests("en-GB");
    let wrong = Password::new("not-the-password");
    let (built, report) = send(&paths, &account, &wrong, &simple(&to, "bad password"));
    assert_eq!(report.sent, 0);
    assert_eq!(report.deferred, 1);
    let error = report.account_error.expect("the account error is reported");
    assert!(error.contains("password"), "{error}");
    assert!(
        error.contains(&format!("{}:{}", lab.host(), lab.smtps_port)),
        "{error}"
    );
    assert!(error.contains("app password"), "the hint is there: {error}");

    let outbox = Outbox::for_account(&paths, &account.id()).unwrap();
    let items = outbox.list().unwrap();
    assert_eq!(items.len(), 1, "still queued");
    assert_eq!(items[0].meta.message_id, built.message_id);
    assert_eq!(items[0].meta.last_error.as_deref(), Some(error.as_str()));
    std::thread::sleep(Duration::from_millis(500));
    assert!(lab.server_files(&to, "INBOX").is_empty());

    // With the right password (a user's "send now"), it goes, once.
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            true,
            &None,
        ))
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    lab.wait_for_messages(&to, "INBOX", 1, WAIT);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(lab.server_files(&to, "INBOX").len(), 1);
}

/// Postfix's end-of-session lines for sessions that logged in, e.g.
/// "disconnect from localhost[127.0.0.1] ehlo=1 auth=1 mail=5 rcpt=5 data=5 quit=1 commands=18".
/// (Connection probes of the lab's start-up never log in.)
fn smtp_sessions(lab: &Lab) -> Vec<String> {
    std::fs::read_to_string(lab.dir.join("log/postfix.log"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("disconnect from") && l.contains(" auth="))
        .map(str::to_string)
        .collect()
}

fn postfix(lab: &Lab, args: &[&str]) {
    let conf = lab.dir.join("postfix");
    let out = Command::new(args[0])
        .arg("-c")
        .arg(&conf)
        .args(&args[1..])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn smtp_rejected_recipient_fails_permanently_naming_it() {
    // A private lab whose Postfix refuses one mailbox with "550 5.1.1 ... no such user",
    // as a provider does for an unknown address.
    let lab = Lab::start_private();
    let map = lab.dir.join("postfix/pillarbox-reject.regexp");
    std::fs::write(&map, "/^nobody-here-/ REJECT 5.1.1 no such user here\n").unwrap();
    let restriction = format!(
        "smtpd_recipient_restrictions=check_recipient_access regexp:{}, permit_sasl_authenticated, reject",
        map.display()
    );
    postfix(&lab, &["postconf", "-e", &restriction]);
    postfix(&lab, &["postfix", "reload"]);
    std::thread::sleep(Duration::from_millis(500));

    let sender = lab.new_user("smtp-reject");
    let good = lab.new_user("smtp-reject-good");
    let rejected = format!("nobody-here-{}@btinternet.com", std::process::id());
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    account.server_saves_sent = true;
    pillarbox::i18n::init_for_tests("en-GB");
    let draft = Draft {
        to: vec![
            Person::new(None, &good.email),
            Person::new(Some("Neb"), &rejected),
        ],
        subject: "to a missing mailbox".into(),
        text: "hello\n".into(),
        ..Draft::default()
    };
    let bad = simple(&good, "sent after the refused one on the same session");
    let built = compose::build(&account, &draft).unwrap();
    outbox::queue(&paths, &account, &built, &None).unwrap();
    let after = compose::build(&account, &bad).unwrap();
    outbox::queue(&paths, &account, &after, &None).unwrap();
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            false,
            &None,
        ))
        .unwrap();
    assert_eq!(report.sent, 1, "the next message still goes: {report:?}");
    assert_eq!(report.failed.len(), 1, "{report:?}");
    let (id, reason) = &report.failed[0];
    assert_eq!(id, &built.message_id);
    assert!(reason.contains(&rejected), "names the recipient: {reason}");
    assert!(
        reason.contains("550") || reason.contains("5.1.1"),
        "{reason}"
    );

    let outbox = Outbox::for_account(&paths, &account.id()).unwrap();
    let items = outbox.list().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].meta.state, State::Failed { permanent: true });
    // Not retried automatically, even with time passing.
    assert!(!Outbox::is_due(&items[0], outbox::now_secs() + 100_000));
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            true,
            &None,
        ))
        .unwrap();
    assert_eq!((report.sent, report.failed.len()), (0, 0), "{report:?}");
    let got = lab.wait_for_messages(&good, "INBOX", 1, WAIT);
    std::thread::sleep(Duration::from_millis(500));
    let ids: Vec<_> = lab
        .server_messages(&good, "INBOX")
        .iter()
        .map(|m| message_id_of(m))
        .collect();
    assert_eq!(got.len(), 1);
    assert_eq!(
        ids,
        vec![after.message_id.trim_matches(['<', '>']).to_string()]
    );
}

#[test]
fn smtp_server_down_stays_queued_then_delivers_once_over_one_session() {
    let lab = Lab::start_private();
    let sender = lab.new_user("smtp-down");
    let to = lab.new_user("smtp-down-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let account = lab.account(&sender, Protocol::Imap);
    pillarbox::i18n::init_for_tests("en-GB");

    lab.stop_smtp();
    let mut ids = Vec::new();
    for n in 0..5 {
        let built = compose::build(&account, &simple(&to, &format!("outage {n}"))).unwrap();
        outbox::queue(&paths, &account, &built, &None).unwrap();
        ids.push(built.message_id.trim_matches(['<', '>']).to_string());
    }
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            false,
            &None,
        ))
        .unwrap();
    assert_eq!((report.sent, report.deferred), (0, 5), "{report:?}");
    let error = report.account_error.unwrap();
    assert!(
        error.contains(&format!("{}:{}", lab.host(), lab.smtps_port)),
        "{error}"
    );
    assert!(error.contains("Outbox"), "says it is kept: {error}");
    let outbox = Outbox::for_account(&paths, &account.id()).unwrap();
    let items = outbox.list().unwrap();
    assert_eq!(items.len(), 5);
    assert!(items
        .iter()
        .all(|i| i.meta.state == State::Failed { permanent: false }
            && i.meta.next_attempt.is_some()
            && i.meta.attempts == 1));
    // Not due before the back-off time.
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            false,
            &None,
        ))
        .unwrap();
    assert_eq!((report.sent, report.deferred), (0, 0));

    lab.start_smtp();
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            true,
            &None,
        ))
        .unwrap();
    assert_eq!((report.sent, report.remaining), (5, 0), "{report:?}");
    lab.wait_for_messages(&to, "INBOX", 5, WAIT);
    std::thread::sleep(Duration::from_secs(1));
    let mut got: Vec<_> = lab
        .server_messages(&to, "INBOX")
        .iter()
        .map(|m| message_id_of(m))
        .collect();
    got.sort();
    ids.sort();
    assert_eq!(got, ids, "each delivered exactly once");
    // Postfix writes its log asynchronously.
    let start = Instant::now();
    while smtp_sessions(&lab).is_empty() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let sessions = smtp_sessions(&lab);
    assert_eq!(
        sessions.len(),
        1,
        "five messages, one SMTP session: {sessions:?}"
    );
    assert!(
        sessions[0].contains(" mail=5 ") && sessions[0].contains(" data=5 "),
        "{sessions:?}"
    );
}

fn write_config(paths: &Paths, account: &Account) {
    let mut config = Config::default();
    config.add_account(account.clone()).unwrap();
    config.save(paths).unwrap();
}

fn flush_child(home: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_pillarbox"))
        .args(["outbox", "flush"])
        .env("PILLARBOX_HOME", home)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn smtp_killed_batch_of_100_sends_each_exactly_once() {
    killed_batch(false);
}

#[test]
fn smtp_killed_batch_without_sent_copies_sends_each_exactly_once() {
    killed_batch(true);
}

fn killed_batch(server_saves_sent: bool) {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-kill");
    let to = lab.new_user("smtp-kill-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    account.server_saves_sent = server_saves_sent;
    write_config(&paths, &account);
    let mut ids = Vec::new();
    for n in 0..100 {
        let built = compose::build(&account, &simple(&to, &format!("batch {n}"))).unwrap();
        outbox::queue(&paths, &account, &built, &None).unwrap();
        ids.push(built.message_id.trim_matches(['<', '>']).to_string());
    }
    let outbox = Outbox::for_account(&paths, &account.id()).unwrap();

    // Kill the real binary once it is well into the batch.
    let mut child = flush_child(home.path());
    let start = Instant::now();
    loop {
        let left = outbox.list().unwrap();
        let done = 100 - left.len()
            + left
                .iter()
                .filter(|i| i.meta.state != State::Queued)
                .count();
        if done >= 30 {
            break;
        }
        assert!(start.elapsed() < WAIT, "the flush made no progress");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the flush ended before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let after_kill = outbox.list().unwrap();
    let in_flight = after_kill
        .iter()
        .filter(|i| i.meta.state == State::Sending)
        .count();
    assert!(in_flight <= 1, "at most one message had DATA in flight");
    // Without Sent copies a sent message leaves the outbox at once (journal "done").
    let sent_before = 100 - after_kill.len()
        + after_kill
            .iter()
            .filter(|i| i.meta.state == State::Sent)
            .count();
    let queued = after_kill
        .iter()
        .filter(|i| i.meta.state == State::Queued)
        .count();
    assert!(
        sent_before >= 29 && queued > 0,
        "killed mid-batch: {sent_before} sent, {queued} still queued"
    );

    // The restart sends the rest.
    let out = flush_child(home.path()).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(outbox.list().unwrap().is_empty());

    lab.wait_for_messages(&to, "INBOX", 100, WAIT);
    std::thread::sleep(Duration::from_secs(1));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for raw in lab.server_messages(&to, "INBOX") {
        *counts.entry(message_id_of(&raw)).or_default() += 1;
    }
    for id in &ids {
        assert!(counts.contains_key(id), "{id} was never delivered");
    }
    assert_eq!(counts.len(), 100, "nothing else arrived");
    let twice: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    eprintln!(
        "killed with {sent_before} sent, {queued} queued, {in_flight} in flight, {} delivered twice",
        twice.len()
    );
    assert!(
        twice.len() <= in_flight,
        "only the in-flight one may come twice: {twice:?}"
    );
    assert!(twice.iter().all(|(_, n)| **n == 2));
}

#[test]
fn smtp_drafts_save_replace_and_reopen() {
    let lab = lab::lab();
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    for protocol in [Protocol::Imap, Protocol::Pop3] {
        let user = lab.new_user("smtp-drafts");
        let account = lab.account(&user, protocol);
        let mut draft = Draft {
            to: vec![Person::new(Some("Ffion"), "ffion@btopenworld.com")],
            bcc: vec![Person::new(None, "hidden@talk21.com")],
            subject: "Drafft — heb orffen".into(),
            text: "Hanner brawddeg".into(),
            ..Draft::default()
        };
        let first = rt()
            .block_on(drafts::save_draft(
                &paths,
                &account,
                &user.password,
                &draft,
                None,
                &timeouts(),
            ))
            .unwrap();
        draft.text = "Brawddeg gyfan.".into();
        let listed = rt()
            .block_on(drafts::list_drafts(
                &paths,
                &account,
                &user.password,
                &timeouts(),
            ))
            .unwrap();
        assert_eq!(listed.len(), 1, "{protocol:?}");
        let (reference, _) = &listed[0];
        let first = match protocol {
            Protocol::Imap => reference.clone(),
            Protocol::Pop3 => first,
        };
        rt().block_on(drafts::save_draft(
            &paths,
            &account,
            &user.password,
            &draft,
            Some(&first),
            &timeouts(),
        ))
        .unwrap();
        let listed = rt()
            .block_on(drafts::list_drafts(
                &paths,
                &account,
                &user.password,
                &timeouts(),
            ))
            .unwrap();
        assert_eq!(
            listed.len(),
            1,
            "{protocol:?}: the old version was replaced"
        );
        let reopened = &listed[0].1;
        assert_eq!(reopened.subject, draft.subject);
        assert_eq!(reopened.to, draft.to);
        assert_eq!(reopened.bcc, draft.bcc, "a draft keeps its Bcc");
        assert_eq!(reopened.text.trim_end(), "Brawddeg gyfan.");
        if protocol == Protocol::Imap {
            let files = lab.server_files(&user, "Drafts");
            assert_eq!(files.len(), 1);
            let name = files[0].file_name().unwrap().to_string_lossy().to_string();
            assert!(
                name.contains(":2,") && name.rsplit(":2,").next().unwrap().contains('D'),
                "{name}"
            );
        }
    }
}

#[test]
fn smtp_sent_copy_failure_keeps_message_without_resending() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-copyfail");
    let to = lab.new_user("smtp-copyfail-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    // IMAP unreachable (nothing listens there), SMTP fine.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    account.incoming.port = closed.local_addr().unwrap().port();
    drop(closed);
    pillarbox::i18n::init_for_tests("en-GB");
    let (built, report) = send(
        &paths,
        &account,
        &sender.password,
        &simple(&to, "copy later"),
    );
    assert_eq!((report.sent, report.sent_copies), (1, 0), "{report:?}");
    let error = report
        .sent_copy_error
        .expect("the Sent copy failure is reported");
    assert!(
        error.contains(&format!(":{}", account.incoming.port)),
        "{error}"
    );
    let outbox = Outbox::for_account(&paths, &account.id()).unwrap();
    let items = outbox.list().unwrap();
    assert_eq!(items.len(), 1, "kept until its copy is stored");
    assert_eq!(items[0].meta.state, State::Sent);

    account.incoming.port = lab.imaps_port;
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &timeouts(),
            true,
            &None,
        ))
        .unwrap();
    assert_eq!(
        (report.sent, report.sent_copies, report.remaining),
        (0, 1, 0),
        "{report:?}"
    );
    lab.wait_for_messages(&to, "INBOX", 1, WAIT);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(lab.server_files(&to, "INBOX").len(), 1, "not sent again");
    let sent = lab.server_messages(&sender, "Sent");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        message_id_of(&sent[0]),
        built.message_id.trim_matches(['<', '>'])
    );
}

#[test]
fn smtp_silent_server_times_out_naming_host_port_and_step() {
    // A server that accepts the connection and never speaks (a dead link, a black hole).
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let lab = lab::lab();
    let sender = lab.new_user("smtp-silent");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    account.outgoing.port = port;
    pillarbox::i18n::init_for_tests("en-GB");
    let built = compose::build(&account, &simple(&sender, "never")).unwrap();
    outbox::queue(&paths, &account, &built, &None).unwrap();
    let start = Instant::now();
    let report = rt()
        .block_on(outbox::flush(
            &paths,
            &account,
            &sender.password,
            &Timeouts::all(Duration::from_secs(1)),
            false,
            &None,
        ))
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(5), "gave up in time");
    let error = report.account_error.expect("a time-out is reported");
    assert!(error.contains(&format!("localhost:{port}")), "{error}");
    assert!(error.contains("TLS handshake"), "names the step: {error}");
    assert_eq!(report.deferred, 1);
    drop(silent);
}

fn pillarbox(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pillarbox"))
        .args(args)
        .env("PILLARBOX_HOME", home)
        .env("LANG", "en_GB.UTF-8")
        .args(["--lang", "en-GB"])
        .output()
        .unwrap()
}

#[test]
fn smtp_cli_send_then_outbox_shows_what_waits() {
    let lab = lab::lab();
    let sender = lab.new_user("smtp-cli");
    let to = lab.new_user("smtp-cli-to");
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut account = lab.account(&sender, Protocol::Imap);
    write_config(&paths, &account);
    let file = home.path().join("adroddiad.csv");
    std::fs::write(&file, "a,b\n1,2\n").unwrap();

    let out = pillarbox(
        home.path(),
        &[
            "send",
            "--to",
            &format!("Ceri Ŵ <{}>", to.email),
            "--subject",
            "Adroddiad ✓",
            "--body",
            "Dyma fe.",
            "--attach",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lab.wait_for_messages(&to, "INBOX", 1, WAIT);
    let msg = MessageParser::default().parse(&got[0]).unwrap();
    assert_eq!(msg.subject(), Some("Adroddiad ✓"));
    assert_eq!(msg.to().unwrap().first().unwrap().name(), Some("Ceri Ŵ"));
    let part = msg.attachment(0).unwrap();
    assert_eq!(part.attachment_name(), Some("adroddiad.csv"));
    assert_eq!(part.content_type().unwrap().subtype(), Some("csv"));
    assert_eq!(part.contents(), b"a,b\n1,2\n");
    let out = pillarbox(home.path(), &["outbox"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "The Outbox is empty."
    );

    // A wrong password: the send fails with the reason, the message waits in the Outbox.
    account.password_command = Some("printf wrong".into());
    let mut config = Config::load(&paths).unwrap();
    config.upsert_account(account.clone());
    config.save(&paths).unwrap();
    let out = pillarbox(
        home.path(),
        &["send", "--to", &to.email, "--subject", "later"],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("password"), "{stderr}");
    let out = pillarbox(home.path(), &["outbox"]);
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.starts_with("waiting to retry\t<"), "{listing}");
    assert!(listing.contains(&to.email), "{listing}");
    assert!(listing.contains("app password"), "{listing}");
}
