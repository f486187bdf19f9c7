//! The lab itself works: every listener speaks its protocol over TLS with the lab's CA, the one
//! lab password logs in, a wrong one is refused, and mail sent through SMTP lands in the
//! recipient's server Maildir.

use std::time::Duration;

use pillarbox::mail::tls::{connect_tcp, connect_tls, handshake, NetError, Timeouts};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};

use crate::lab::{lab, mutf7, FaultProxy, Lab};

fn timeouts() -> Timeouts {
    Timeouts::all(Duration::from_secs(10))
}

/// A line-oriented conversation over any stream, with a time limit on every read.
struct Talk<S> {
    stream: BufReader<S>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Talk<S> {
    fn new(stream: S) -> Self {
        Talk {
            stream: BufReader::new(stream),
        }
    }

    async fn line(&mut self) -> String {
        let mut line = String::new();
        let n = tokio::time::timeout(Duration::from_secs(10), self.stream.read_line(&mut line))
            .await
            .expect("server answered within 10 s")
            .expect("read from server");
        assert!(n > 0, "server closed the connection");
        line
    }

    async fn send(&mut self, text: &str) {
        self.stream
            .get_mut()
            .write_all(format!("{text}\r\n").as_bytes())
            .await
            .expect("write to server");
        self.stream.get_mut().flush().await.expect("flush");
    }

    /// Reads lines until one starts with `prefix`; returns it.
    async fn until(&mut self, prefix: &str) -> String {
        loop {
            let line = self.line().await;
            if line.starts_with(prefix) {
                return line;
            }
        }
    }

    /// SMTP: reads a (multi-line) reply and returns its last line.
    async fn smtp_reply(&mut self) -> String {
        loop {
            let line = self.line().await;
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                return line;
            }
        }
    }

    fn into_inner(self) -> S {
        self.stream.into_inner()
    }
}

fn plain_auth(user: &str, password: &str) -> String {
    use std::io::Write;
    let mut raw = Vec::new();
    write!(raw, "\0{user}\0{password}").unwrap();
    base64(&raw)
}

fn base64(data: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

async fn imap_login<S: AsyncRead + AsyncWrite + Unpin>(
    talk: &mut Talk<S>,
    user: &str,
    password: &str,
) -> String {
    talk.send(&format!("a1 LOGIN \"{user}\" \"{password}\""))
        .await;
    talk.until("a1 ").await
}

#[tokio::test]
async fn imaps_login_list_and_wrong_password() {
    let lab = lab();
    let user = lab.new_user("smoke-imap");
    let tls = connect_tls(lab.host(), lab.imaps_port, Some(&lab.ca_file), &timeouts())
        .await
        .expect("IMAPS handshake with the lab CA");
    let mut talk = Talk::new(tls);
    assert!(talk.line().await.starts_with("* OK"), "IMAP greeting");
    let ok = imap_login(&mut talk, &user.email, user.password.expose()).await;
    assert!(ok.starts_with("a1 OK"), "lab password accepted: {ok}");
    talk.send("a2 LIST \"\" \"*\"").await;
    let mut names = Vec::new();
    loop {
        let line = talk.line().await;
        if line.starts_with("a2 ") {
            assert!(line.starts_with("a2 OK"), "{line}");
            break;
        }
        names.push(line);
    }
    assert!(names.iter().any(|l| l.contains("INBOX")), "{names:?}");
    assert!(
        names.iter().any(|l| l.contains("\\Sent")),
        "BT-like special folders exist: {names:?}"
    );
    talk.send("a3 LOGOUT").await;
    talk.until("a3 OK").await;

    let tls = connect_tls(lab.host(), lab.imaps_port, Some(&lab.ca_file), &timeouts())
        .await
        .unwrap();
    let mut talk = Talk::new(tls);
    talk.line().await;
    let no = imap_login(&mut talk, &user.email, "not-the-password").await;
    assert!(no.starts_with("a1 NO"), "wrong password refused: {no}");
    let other = imap_login(&mut talk, "someone@example.org", user.password.expose()).await;
    assert!(
        other.starts_with("a1 NO"),
        "non-lab domain refused: {other}"
    );
}

#[tokio::test]
async fn tls_without_the_lab_ca_is_refused() {
    let lab = lab();
    let err = connect_tls(lab.host(), lab.imaps_port, None, &timeouts())
        .await
        .expect_err("the lab CA is not a public root");
    assert!(matches!(err, NetError::Certificate { .. }), "{err:?}");
    assert!(err.to_string().contains(&lab.imaps_port.to_string()));
}

#[tokio::test]
async fn pop3s_login_and_wrong_password() {
    let lab = lab();
    let user = lab.new_user("smoke-pop");
    lab.seed(&user, "INBOX", &[b"Subject: one\r\n\r\nfirst\r\n"]);
    let tls = connect_tls(lab.host(), lab.pop3s_port, Some(&lab.ca_file), &timeouts())
        .await
        .expect("POP3S handshake");
    let mut talk = Talk::new(tls);
    assert!(talk.line().await.starts_with("+OK"));
    talk.send(&format!("USER {}", user.email)).await;
    assert!(talk.line().await.starts_with("+OK"));
    talk.send(&format!("PASS {}", user.password.expose())).await;
    let ok = talk.line().await;
    assert!(ok.starts_with("+OK"), "{ok}");
    talk.send("STAT").await;
    let stat = talk.line().await;
    assert!(
        stat.starts_with("+OK 1 "),
        "the seeded message is visible: {stat}"
    );
    talk.send("UIDL").await;
    assert!(talk.line().await.starts_with("+OK"));
    assert!(talk.line().await.starts_with("1 "));
    assert_eq!(talk.line().await.trim_end(), ".");
    talk.send("QUIT").await;
    talk.until("+OK").await;

    let tls = connect_tls(lab.host(), lab.pop3s_port, Some(&lab.ca_file), &timeouts())
        .await
        .unwrap();
    let mut talk = Talk::new(tls);
    talk.line().await;
    talk.send(&format!("USER {}", user.email)).await;
    talk.line().await;
    talk.send("PASS wrong").await;
    let err = talk.line().await;
    assert!(err.starts_with("-ERR"), "wrong password refused: {err}");
}

#[tokio::test]
async fn plain_ports_offer_starttls_and_refuse_login_before_it() {
    let lab = lab();
    let user = lab.new_user("smoke-starttls");

    // IMAP on the plain port: no LOGIN in the clear; STARTTLS, then LOGIN.
    let host = lab.starttls_host.as_str();
    let tcp = connect_tcp(host, lab.imap_port, &timeouts()).await.unwrap();
    let mut talk = Talk::new(tcp);
    let greeting = talk.line().await;
    assert!(greeting.contains("STARTTLS"), "{greeting}");
    assert!(greeting.contains("LOGINDISABLED"), "{greeting}");
    let clear = imap_login(&mut talk, &user.email, user.password.expose()).await;
    assert!(
        !clear.starts_with("a1 OK"),
        "login in the clear refused: {clear}"
    );
    talk.send("s1 STARTTLS").await;
    assert!(talk.until("s1 ").await.starts_with("s1 OK"));
    let tls = handshake(
        talk.into_inner(),
        host,
        lab.imap_port,
        Some(&lab.ca_file),
        &timeouts(),
    )
    .await
    .expect("STARTTLS handshake (the certificate names 127.0.0.2)");
    let mut talk = Talk::new(tls);
    let ok = imap_login(&mut talk, &user.email, user.password.expose()).await;
    assert!(ok.starts_with("a1 OK"), "{ok}");

    // POP3 on the plain port: no USER in the clear; STLS then USER/PASS.
    let tcp = connect_tcp(host, lab.pop3_port, &timeouts()).await.unwrap();
    let mut talk = Talk::new(tcp);
    assert!(talk.line().await.starts_with("+OK"));
    talk.send(&format!("USER {}", user.email)).await;
    let clear = talk.line().await;
    assert!(
        clear.starts_with("-ERR"),
        "USER in the clear refused: {clear}"
    );
    talk.send("STLS").await;
    assert!(talk.line().await.starts_with("+OK"));
    let tls = handshake(
        talk.into_inner(),
        host,
        lab.pop3_port,
        Some(&lab.ca_file),
        &timeouts(),
    )
    .await
    .expect("STLS handshake");
    let mut talk = Talk::new(tls);
    talk.send(&format!("USER {}", user.email)).await;
    assert!(talk.line().await.starts_with("+OK"));
    talk.send(&format!("PASS {}", user.password.expose())).await;
    assert!(talk.line().await.starts_with("+OK"));

    // SMTP submission: AUTH is not offered before STARTTLS.
    let tcp = connect_tcp(lab.host(), lab.submission_port, &timeouts())
        .await
        .unwrap();
    let mut talk = Talk::new(tcp);
    assert!(talk.smtp_reply().await.starts_with("220"));
    talk.send("EHLO client.test").await;
    let mut ehlo = Vec::new();
    loop {
        let line = talk.line().await;
        let last = line.as_bytes().get(3) != Some(&b'-');
        ehlo.push(line);
        if last {
            break;
        }
    }
    assert!(ehlo.iter().any(|l| l.contains("STARTTLS")), "{ehlo:?}");
    assert!(!ehlo.iter().any(|l| l.contains("AUTH")), "{ehlo:?}");
    talk.send("STARTTLS").await;
    assert!(talk.smtp_reply().await.starts_with("220"));
    let tls = handshake(
        talk.into_inner(),
        lab.host(),
        lab.submission_port,
        Some(&lab.ca_file),
        &timeouts(),
    )
    .await
    .expect("SMTP STARTTLS handshake");
    let mut talk = Talk::new(tls);
    talk.send("EHLO client.test").await;
    assert!(talk.smtp_reply().await.starts_with("250"));
    talk.send(&format!(
        "AUTH PLAIN {}",
        plain_auth(&user.email, user.password.expose())
    ))
    .await;
    let auth = talk.smtp_reply().await;
    assert!(auth.starts_with("235"), "{auth}");
}

async fn smtps_session(lab: &Lab) -> Talk<impl AsyncRead + AsyncWrite + Unpin> {
    let tls = connect_tls(lab.host(), lab.smtps_port, Some(&lab.ca_file), &timeouts())
        .await
        .expect("SMTPS handshake");
    let mut talk = Talk::new(tls);
    assert!(talk.smtp_reply().await.starts_with("220"));
    talk.send("EHLO client.test").await;
    assert!(talk.smtp_reply().await.starts_with("250"));
    talk
}

#[tokio::test]
async fn smtps_delivers_to_the_recipients_maildir_and_refuses_wrong_password() {
    let lab = lab();
    let sender = lab.new_user("smoke-sender");
    let recipient = lab.new_user_at("smoke-rcpt", "talk21.com");

    let mut talk = smtps_session(lab).await;
    talk.send(&format!(
        "AUTH PLAIN {}",
        plain_auth(&sender.email, "wrong")
    ))
    .await;
    let refused = talk.smtp_reply().await;
    assert!(
        refused.starts_with("535"),
        "wrong password refused: {refused}"
    );
    talk.send("MAIL FROM:<someone@btinternet.com>").await;
    let unauth = talk.smtp_reply().await;
    // Without AUTH there is no relaying, not even to the lab's own domains.
    talk.send(&format!("RCPT TO:<{}>", recipient.email)).await;
    let rcpt = talk.smtp_reply().await;
    assert!(
        unauth.starts_with('5') || rcpt.starts_with('5'),
        "unauthenticated mail refused: {unauth} / {rcpt}"
    );

    let mut talk = smtps_session(lab).await;
    talk.send(&format!(
        "AUTH PLAIN {}",
        plain_auth(&sender.email, sender.password.expose())
    ))
    .await;
    let auth = talk.smtp_reply().await;
    assert!(auth.starts_with("235"), "{auth}");
    talk.send(&format!("MAIL FROM:<{}>", sender.email)).await;
    assert!(talk.smtp_reply().await.starts_with("250"));
    talk.send(&format!("RCPT TO:<{}>", recipient.email)).await;
    assert!(talk.smtp_reply().await.starts_with("250"));
    // Outside the lab's domains: accepted, then discarded on loopback.
    talk.send("RCPT TO:<friend@example.org>").await;
    assert!(talk.smtp_reply().await.starts_with("250"));
    talk.send("DATA").await;
    assert!(talk.smtp_reply().await.starts_with("354"));
    let marker = format!("smoke-{}", std::process::id());
    talk.send(&format!(
        "From: <{}>\r\nTo: <{}>\r\nSubject: Cyfarchion {marker}\r\nMessage-ID: <{marker}@client.test>\r\n\r\nHelo o'r labordy.\r\n.",
        sender.email, recipient.email
    ))
    .await;
    let queued = talk.smtp_reply().await;
    assert!(queued.starts_with("250"), "{queued}");
    talk.send("QUIT").await;

    // Recipients and senders that the lab refuses on purpose.
    let mut talk = smtps_session(lab).await;
    talk.send(&format!(
        "AUTH PLAIN {}",
        plain_auth(&sender.email, sender.password.expose())
    ))
    .await;
    assert!(talk.smtp_reply().await.starts_with("235"));
    talk.send("MAIL FROM:<reject-me@btinternet.com>").await;
    let sender_refused = talk.smtp_reply().await;
    talk.send("RCPT TO:<x@talk21.com>").await;
    let rcpt_after_bad_sender = talk.smtp_reply().await;
    assert!(
        sender_refused.starts_with("550") || rcpt_after_bad_sender.starts_with("550"),
        "{sender_refused} / {rcpt_after_bad_sender}"
    );
    talk.send("RSET").await;
    talk.smtp_reply().await;
    talk.send(&format!("MAIL FROM:<{}>", sender.email)).await;
    assert!(talk.smtp_reply().await.starts_with("250"));
    talk.send("RCPT TO:<reject-nobody@btinternet.com>").await;
    let rejected = talk.smtp_reply().await;
    assert!(rejected.starts_with("550"), "{rejected}");
    talk.send("RCPT TO:<defer-busy@btinternet.com>").await;
    let deferred = talk.smtp_reply().await;
    assert!(deferred.starts_with("450"), "{deferred}");
    talk.send("QUIT").await;

    let messages = lab.wait_for_messages(&recipient, "INBOX", 1, Duration::from_secs(20));
    assert_eq!(messages.len(), 1);
    let text = String::from_utf8_lossy(&messages[0]);
    assert!(
        text.contains(&format!("Message-ID: <{marker}@client.test>")),
        "{text}"
    );
    assert!(text.contains("Helo o'r labordy."));

    // The outside recipient was dropped on the floor, on loopback.
    let start = std::time::Instant::now();
    loop {
        let log = std::fs::read_to_string(lab.dir.join("log/postfix.log")).unwrap_or_default();
        if log.lines().any(|l| {
            l.contains("to=<friend@example.org>")
                && l.contains("relay=none")
                && l.contains("lab-no-outbound")
        }) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no discard of friend@example.org in the postfix log"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn seeded_messages_appear_in_order_in_their_folders() {
    let lab = lab();
    let user = lab.new_user("smoke-seed");
    let seeded = lab.seed_generated(&user, "Archive/2024", 25, 42);
    assert_eq!(seeded.len(), 25);
    let again = lab.new_user("smoke-seed-again");
    let same = lab.seed_generated(&again, "Archive/2024", 25, 42);
    let hashes = |s: &[crate::lab::Seeded]| s.iter().map(|m| m.sha256.clone()).collect::<Vec<_>>();
    assert_eq!(hashes(&seeded), hashes(&same), "same seed, same bytes");

    // Dovecot sees the folder, in Maildir++ layout, with every message.
    assert_eq!(lab.message_count(&user, "Archive/2024"), 25);
    assert!(lab
        .server_maildir(&user, "Archive/2024")
        .ends_with("Maildir/.Archive.2024"));
    let on_server = lab.server_messages(&user, "Archive/2024");
    assert_eq!(on_server.len(), 25);

    // Explicit bytes, into a folder with a non-ASCII name.
    lab.seed(
        &user,
        "Café",
        &[b"Subject: a\r\n\r\na\r\n", b"Subject: b\r\n\r\nb\r\n"],
    );
    assert_eq!(lab.message_count(&user, "Café"), 2);
    assert!(lab.server_maildir(&user, "Café").ends_with(".Caf&AOk-"));
}

#[test]
fn modified_utf7_folder_names() {
    assert_eq!(mutf7("INBOX"), "INBOX");
    assert_eq!(mutf7("Café"), "Caf&AOk-");
    assert_eq!(mutf7("A&B"), "A&-B");
    assert_eq!(mutf7("日本語"), "&ZeVnLIqe-");
}

#[test]
fn a_private_lab_survives_a_dovecot_restart() {
    let lab = Lab::start_private();
    let user = lab.new_user("smoke-private");
    lab.seed(&user, "INBOX", &[b"Subject: kept\r\n\r\nkept\r\n"]);
    lab.stop_dovecot();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let refused = rt.block_on(connect_tls(
        lab.host(),
        lab.imaps_port,
        Some(&lab.ca_file),
        &timeouts(),
    ));
    assert!(
        matches!(refused, Err(NetError::Refused { .. })),
        "{refused:?}"
    );
    lab.start_dovecot();
    assert_eq!(lab.message_count(&user, "INBOX"), 1);
    let dir = lab.dir.clone();
    drop(lab);
    assert!(!dir.exists(), "a dropped private lab removes its folder");
}

#[test]
#[should_panic(expected = "use Lab::start_private()")]
fn the_shared_lab_refuses_fault_injection() {
    lab().stop_smtp();
}

#[tokio::test]
async fn the_fault_proxy_relays_stalls_and_cuts() {
    let lab = lab();
    let user = lab.new_user("smoke-proxy");
    let proxy = FaultProxy::start(lab.imaps_port);
    let tls = connect_tls(lab.host(), proxy.port, Some(&lab.ca_file), &timeouts())
        .await
        .expect("TLS through the proxy: the certificate still names localhost");
    let mut talk = Talk::new(tls);
    assert!(talk.line().await.starts_with("* OK"));
    let ok = imap_login(&mut talk, &user.email, user.password.expose()).await;
    assert!(ok.starts_with("a1 OK"), "{ok}");

    // Stalled: the command goes nowhere and no answer comes, but nothing is closed.
    proxy.stall(true);
    talk.send("a2 NOOP").await;
    let mut line = String::new();
    let silent =
        tokio::time::timeout(Duration::from_millis(700), talk.stream.read_line(&mut line)).await;
    assert!(silent.is_err(), "no answer while stalled, got {line:?}");
    proxy.stall(false);
    assert!(
        talk.until("a2 ").await.starts_with("a2 OK"),
        "answered once resumed"
    );

    // Cut: the client sees the connection end.
    proxy.cut_all();
    talk.send("a3 NOOP").await;
    let mut rest = String::new();
    let read = tokio::time::timeout(Duration::from_secs(5), talk.stream.read_line(&mut rest))
        .await
        .expect("a cut connection ends at once");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?} {rest:?}");

    // Byte budget: the greeting is longer than 10 bytes, so the handshake itself breaks.
    proxy.cut_after_server_bytes(Some(10));
    let cut = connect_tls(lab.host(), proxy.port, Some(&lab.ca_file), &timeouts()).await;
    assert!(cut.is_err(), "handshake cut after 10 bytes");
    proxy.cut_after_server_bytes(None);
    proxy.refuse(true);
    let refused = connect_tls(lab.host(), proxy.port, Some(&lab.ca_file), &timeouts()).await;
    assert!(refused.is_err());
    assert_eq!(proxy.connections(), 3);
}

#[tokio::test]
async fn kick_disconnects_only_that_user() {
    let lab = lab();
    let kicked = lab.new_user("smoke-kicked");
    let bystander = lab.new_user("smoke-bystander");
    let mut sessions = Vec::new();
    for user in [&kicked, &bystander] {
        let tls = connect_tls(lab.host(), lab.imaps_port, Some(&lab.ca_file), &timeouts())
            .await
            .unwrap();
        let mut talk = Talk::new(tls);
        talk.line().await;
        assert!(imap_login(&mut talk, &user.email, user.password.expose())
            .await
            .starts_with("a1 OK"));
        sessions.push(talk);
    }
    lab.kick(&kicked);
    let bye = sessions[0].line().await;
    assert!(bye.starts_with("* BYE"), "{bye}");
    sessions[1].send("a2 NOOP").await;
    assert!(sessions[1].until("a2 ").await.starts_with("a2 OK"));
}

#[test]
fn lab_accounts_carry_their_password() {
    let lab = lab();
    let user = lab.new_user("smoke-account");
    let account = lab.account(&user, pillarbox::mail::account::Protocol::Imap);
    assert_eq!(account.incoming.port, lab.imaps_port);
    assert_eq!(account.outgoing.port, lab.smtps_port);
    assert_eq!(account.ca_file.as_deref(), Some(lab.ca_file.as_path()));
    let password = pillarbox::mail::secret::password_for(&account).expect("password_command runs");
    assert_eq!(password.expose(), user.password.expose());
    let pop = lab.account_starttls(&user, pillarbox::mail::account::Protocol::Pop3);
    assert_eq!(pop.incoming.port, lab.pop3_port);
    assert_eq!(pop.incoming.host, "127.0.0.2");
    assert_eq!(pop.outgoing.host, "localhost");
    assert_eq!(pop.outgoing.port, lab.submission_port);
}

/// Reads one IMAP literal `{n}\r\n<n bytes>` announced at the end of `line`.
async fn read_literal<S: AsyncRead + AsyncWrite + Unpin>(
    talk: &mut Talk<S>,
    line: &str,
) -> Vec<u8> {
    use tokio::io::AsyncReadExt;
    let open = line.rfind('{').expect("a literal");
    let n: usize = line[open + 1..]
        .trim_end_matches('}')
        .parse()
        .expect("literal length");
    let mut bytes = vec![0; n];
    talk.stream
        .read_exact(&mut bytes)
        .await
        .expect("literal bytes");
    bytes
}

#[tokio::test]
async fn seeded_files_are_byte_for_byte_what_imap_serves() {
    let lab = lab();
    let user = lab.new_user("smoke-bytes");
    let seeded = lab.seed_generated_with(&user, "INBOX", 6, 9, &["--flags-random"]);
    let files = lab.server_files(&user, "INBOX");
    assert_eq!(files.len(), 6);

    let tls = connect_tls(lab.host(), lab.imaps_port, Some(&lab.ca_file), &timeouts())
        .await
        .unwrap();
    let mut talk = Talk::new(tls);
    talk.line().await;
    imap_login(&mut talk, &user.email, user.password.expose()).await;
    talk.send("s SELECT INBOX").await;
    talk.until("s OK").await;
    for (i, entry) in seeded.iter().enumerate() {
        talk.send(&format!("f{i} UID FETCH {} (FLAGS BODY.PEEK[])", i + 1))
            .await;
        let head = talk.line().await;
        assert!(head.starts_with("* "), "{head}");
        let body = read_literal(&mut talk, head.trim_end()).await;
        assert_eq!(body.len() as u64, entry.size, "UID {} size", i + 1);
        let file = files
            .iter()
            .find(|f| f.file_name().unwrap().to_string_lossy() == entry.file)
            .expect("the manifest names the file on the server");
        let on_disk = std::fs::read(file).unwrap();
        assert_eq!(
            body, on_disk,
            "IMAP serves the seeded bytes unchanged (CRLF files)"
        );
        let text = String::from_utf8_lossy(&body);
        assert!(text.contains(&format!("Message-ID: {}", entry.message_id)));
        // Flags from the file name reach IMAP.
        let flags = entry.file.rsplit_once(":2,").map(|(_, f)| f).unwrap_or("");
        assert_eq!(
            head.contains("\\Seen"),
            flags.contains('S'),
            "{head} vs {flags}"
        );
        assert_eq!(
            head.contains("\\Flagged"),
            flags.contains('F'),
            "{head} vs {flags}"
        );
        talk.until(&format!("f{i} OK")).await;
    }
}

#[test]
fn seed_py_makes_a_huge_message_on_request() {
    let lab = lab();
    let user = lab.new_user("smoke-huge");
    let seeded = lab.seed_generated_with(&user, "INBOX", 3, 5, &["--huge-mb", "3"]);
    assert!(seeded[1].size > 3_000_000, "{:?}", seeded[1].size);
    assert!(seeded[0].size < 600_000 && seeded[2].size < 600_000);
    let sha = std::process::Command::new("sha256sum")
        .arg(&lab.server_files(&user, "INBOX")[1])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&sha.stdout).starts_with(&seeded[1].sha256));
}

/// Run only by `a_killed_test_process_leaves_no_servers_behind`, in a child process that is
/// killed with SIGKILL while it holds a lab.
#[test]
#[ignore = "a child-process entry point, run by a_killed_test_process_leaves_no_servers_behind"]
fn lab_child_killed_while_holding_a_lab() {
    let lab = Lab::start_private();
    println!("LAB_DIR={}", lab.dir.display());
    println!("LAB_PORT={}", lab.imaps_port);
    use std::io::Write;
    std::io::stdout().flush().unwrap();
    // SAFETY: kill and getpid have no preconditions; no destructor runs, like a real crash.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
}

#[test]
fn a_killed_test_process_leaves_no_servers_behind() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "lab_smoke::lab_child_killed_while_holding_a_lab",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .expect("run the child test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let value = |key: &str| {
        stdout
            .lines()
            .find_map(|l| l.split_once(key).map(|(_, v)| v.trim()))
            .unwrap_or_else(|| panic!("child printed no {key}: {stdout}"))
            .to_string()
    };
    let dir = std::path::PathBuf::from(value("LAB_DIR="));
    let port: u16 = value("LAB_PORT=").parse().unwrap();
    let start = std::time::Instant::now();
    loop {
        let listening = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
        if !dir.exists() && !listening {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "30 s after the kill: folder exists {}, port {port} listening {listening}",
            dir.exists()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn seeding_keeps_uid_order_and_flags() {
    let lab = lab();
    let user = lab.new_user("smoke-order");
    lab.seed(
        &user,
        "INBOX",
        &[b"Subject: 1\r\n\r\n1\r\n", b"Subject: 2\r\n\r\n2\r\n"],
    );
    lab.seed_with_flags(
        &user,
        "INBOX",
        &[
            (b"Subject: 3\r\n\r\n3\r\n", "S"),
            (b"Subject: 4\r\n\r\n4\r\n", "SF"),
        ],
    );
    lab.seed(&user, "INBOX", &[b"Subject: 5\r\n\r\n5\r\n"]);
    let listing = lab.doveadm(&[
        "-f",
        "tab",
        "fetch",
        "-u",
        &user.email,
        "uid flags hdr.subject",
        "mailbox",
        "INBOX",
        "all",
    ]);
    let rows: Vec<Vec<&str>> = listing
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect();
    let subjects: Vec<&str> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(subjects, ["1", "2", "3", "4", "5"], "{listing}");
    assert!(!rows[0][1].contains("\\Seen"));
    assert!(rows[2][1].contains("\\Seen") && !rows[2][1].contains("\\Flagged"));
    assert!(rows[3][1].contains("\\Seen") && rows[3][1].contains("\\Flagged"));
}

#[tokio::test]
async fn idle_hears_of_seeded_mail_quickly() {
    let lab = lab();
    let user = lab.new_user("smoke-idle");
    let tls = connect_tls(lab.host(), lab.imaps_port, Some(&lab.ca_file), &timeouts())
        .await
        .unwrap();
    let mut talk = Talk::new(tls);
    talk.line().await;
    imap_login(&mut talk, &user.email, user.password.expose()).await;
    talk.send("s SELECT INBOX").await;
    talk.until("s OK").await;
    talk.send("i IDLE").await;
    assert!(talk.line().await.starts_with('+'));
    let start = std::time::Instant::now();
    lab.seed(&user, "INBOX", &[b"Subject: new\r\n\r\nnew\r\n"]);
    let exists = tokio::time::timeout(Duration::from_secs(5), talk.until("* 1 EXISTS"))
        .await
        .expect("IDLE reports the new message within 5 s");
    assert!(
        exists.contains("EXISTS"),
        "{exists} after {:?}",
        start.elapsed()
    );
    talk.send("DONE").await;
    talk.until("i OK").await;
}
