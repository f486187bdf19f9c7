use super::*;

fn env(bytes: &[u8]) -> Envelope {
    parse(bytes, 1_000)
}

#[test]
fn plain_message() {
    let e = env(b"From: \"Alice Smith\" <alice@btinternet.com>\r\n\
To: bob@btopenworld.com, Carol <carol@example.org>\r\n\
Cc: dave@example.org\r\n\
Subject: Tea on Sunday?\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
Message-ID: <abc@host>\r\n\r\n\
Hello Bob,\r\n\r\nAre you free?\r\n");
    assert_eq!(e.from.name, "Alice Smith");
    assert_eq!(e.from.address, "alice@btinternet.com");
    assert_eq!(e.to.len(), 2);
    assert_eq!(e.to[1].to_string(), "Carol <carol@example.org>");
    assert_eq!(e.cc[0].address, "dave@example.org");
    assert_eq!(e.subject, "Tea on Sunday?");
    assert_eq!(e.date, 1_772_532_000);
    assert_eq!(e.message_id.as_deref(), Some("abc@host"));
    assert_eq!(e.preview, "Hello Bob, Are you free?");
    assert!(e.body_text.contains("Are you free?"));
    assert!(!e.has_attachments);
    assert!(e.parsed);
}

#[test]
fn rfc2047_subject_and_names_are_decoded() {
    let e = env(b"From: =?UTF-8?Q?Si=C3=A2n_Jones?= <sian@example.org>\r\n\
Subject: =?UTF-8?B?Q3lmYXJmb2Q6IGJvcmUgZGE=?= =?ISO-8859-1?Q?_caf=E9?=\r\n\r\nx");
    assert_eq!(e.from.name, "Si\u{e2}n Jones");
    assert_eq!(e.subject, "Cyfarfod: bore da caf\u{e9}");
}

#[test]
fn missing_headers_use_fallbacks() {
    let e = env(b"\r\njust a body\r\n");
    assert_eq!(e.subject, "");
    assert_eq!(e.from, Mailbox::default());
    assert_eq!(e.date, 1_000);
    assert_eq!(e.message_id, None);
}

#[test]
fn empty_and_garbage_input() {
    for bytes in [
        &b""[..],
        b"\0\0\0\xff\xfe",
        b":::\r\n::\r\n",
        b"\r\n\r\n\r\n",
    ] {
        let e = env(bytes);
        assert_eq!(e.size, bytes.len() as u64);
        assert_eq!(e.date, 1_000);
    }
}

#[test]
fn bad_date_falls_back() {
    let e = env(b"Date: sometime next week\r\nSubject: s\r\n\r\nb");
    assert_eq!(e.date, 1_000);
    assert_eq!(e.subject, "s");
}

#[test]
fn eight_bit_headers_do_not_break_parsing() {
    let mut bytes =
        b"Subject: caf\xe9 \xc3\xa9t\xc3\xa9\r\nFrom: J\xf6rg <j@example.de>\r\n\r\nbody".to_vec();
    bytes.extend_from_slice(b"\xff\xfe more");
    let e = env(&bytes);
    assert_eq!(e.subject, "caf\u{e9} \u{c3}\u{a9}t\u{c3}\u{a9}");
    assert_eq!(e.from.address, "j@example.de");
    assert!(e.body_text.contains("body"));
}

#[test]
fn broken_mime_boundary_still_gives_text() {
    let e = env(
        b"Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n\
--XYZ\r\nContent-Type: text/plain\r\n\r\nthe only part, never closed\r\n--WRONG\r\nnoise",
    );
    assert_eq!(e.subject, "broken");
    assert!(e.body_text.contains("never closed"), "{:?}", e.body_text);
}

#[test]
fn multipart_missing_boundary_parameter() {
    let e = env(b"Subject: nob\r\nContent-Type: multipart/mixed\r\n\r\nsome text here");
    assert_eq!(e.subject, "nob");
}

#[test]
fn html_only_body_becomes_text() {
    let e = env(
        b"Subject: h\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
<html><body><p>Hello <b>there</b> &amp; welcome</p><script>x</script></body></html>",
    );
    assert!(e.body_text.contains("Hello"), "{:?}", e.body_text);
    assert!(e.body_text.contains("welcome"));
    assert!(!e.body_text.contains("<b>"));
    assert!(e.preview.starts_with("Hello"));
}

#[test]
fn attachment_detected_and_inline_image_not() {
    let with = env(
        b"Subject: a\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n\
--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"bill.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n",
    );
    assert!(with.has_attachments);
    assert_eq!(with.preview, "see attached");
    let inline = env(
        b"Subject: a\r\nContent-Type: multipart/related; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/html\r\n\r\n<p>logo</p><img src=\"cid:logo\">\r\n\
--b\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\nContent-Disposition: inline\r\n\
Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n",
    );
    assert!(!inline.has_attachments);
}

#[test]
fn threading_headers() {
    let e = env(b"Message-ID: <c@x>\r\nIn-Reply-To: <b@x>\r\nReferences: <a@x> <b@x>\r\n\r\n");
    assert_eq!(e.references, vec!["a@x", "b@x"]);
    assert_eq!(e.in_reply_to, vec!["b@x"]);
    assert_eq!(e.parent_ids().collect::<Vec<_>>(), ["a@x", "b@x", "b@x"]);
}

#[test]
fn huge_line_and_body_are_capped() {
    let mut bytes = b"Subject: long\r\n\r\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 3 * 1024 * 1024));
    let e = env(&bytes);
    assert_eq!(e.subject, "long");
    assert!(e.body_text.len() <= BODY_TEXT_MAX);
    assert!(e.preview.chars().count() <= PREVIEW_CHARS);
    let mut header = b"Subject: ".to_vec();
    header.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
    header.extend_from_slice(b"\r\n\r\nbody");
    assert_eq!(env(&header).subject.len(), 2 * 1024 * 1024);
}

#[test]
fn twenty_five_megabyte_attachment() {
    let mut bytes = b"Subject: big\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nthe video\r\n\
--b\r\nContent-Type: video/mp4\r\nContent-Disposition: attachment; filename=v.mp4\r\n\
Content-Transfer-Encoding: base64\r\n\r\n"
        .to_vec();
    let line = [b'Q'; 76];
    while bytes.len() < 25 * 1024 * 1024 {
        bytes.extend_from_slice(&line);
        bytes.extend_from_slice(b"\r\n");
    }
    bytes.extend_from_slice(b"--b--\r\n");
    let e = env(&bytes);
    assert!(e.has_attachments);
    assert_eq!(e.preview, "the video");
    assert_eq!(e.size, bytes.len() as u64);
}

#[test]
fn crude_fallback_reads_headers() {
    let e = crude(
        b"Subject: hi\r\nFrom: x@y\r\nMessage-ID: <m@y>\r\n\r\nbody text",
        5,
    );
    assert_eq!(e.subject, "hi");
    assert_eq!(e.from.address, "x@y");
    assert_eq!(e.message_id.as_deref(), Some("m@y"));
    assert_eq!(e.preview, "body text");
    assert!(!e.parsed);
}

#[test]
fn preview_skips_quotes_and_folds() {
    assert_eq!(
        preview_of("> old\n\nnew   words\n> more\nend"),
        "new words end"
    );
    let long = "word ".repeat(200);
    assert_eq!(preview_of(&long).chars().count(), PREVIEW_CHARS);
}

#[test]
fn subject_control_chars_folded() {
    let e = env(b"Subject: a\tb =?UTF-8?Q?c=0Ad?=\r\n\r\n");
    assert_eq!(e.subject, "a b c d");
}

#[test]
fn mutated_messages_never_panic_or_lose_size() {
    let base: &[u8] = b"From: \"A\" <a@x>\r\nTo: b@y\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n\
Content-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n--b2\r\n\
Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
caf=E9 =\r\nsoft break\r\n--b2\r\nContent-Type: text/html\r\n\r\n<p>x &amp; y</p>\r\n--b2--\r\n\
--b1\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\ninner body\r\n\
--b1\r\nContent-Type: application/octet-stream; name=a.bin\r\n\
Content-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgc=\r\n--b1--\r\n";
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let mut bytes = base.to_vec();
        for _ in 0..1 + next() % 8 {
            let at = (next() as usize) % bytes.len();
            match next() % 4 {
                0 => bytes[at] = next() as u8,
                1 => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, b"\r\n-=:<>\"?\0\xff"[(next() % 11) as usize]),
                _ => bytes.truncate(at),
            }
            if bytes.is_empty() {
                break;
            }
        }
        let e = parse(&bytes, 7);
        assert_eq!(e.size, bytes.len() as u64);
        assert!(e.body_text.len() <= BODY_TEXT_MAX);
        let _ = readable_text(&bytes);
    }
}
