use super::*;
use mail_parser::{MessageParser, MimeHeaders};

fn account() -> Account {
    Account {
        email: "siân@btinternet.com".replace('â', "a"),
        display_name: "Siân Llŷr".into(),
        ..Account::default()
    }
}

fn parse(bytes: &[u8]) -> mail_parser::Message<'_> {
    MessageParser::default().parse(bytes).expect("parses")
}

fn draft() -> Draft {
    Draft {
        to: vec![Person::new(Some("Zoë Ångström"), "zoe@btopenworld.com")],
        cc: vec![Person::new(None, "carys@talk21.com")],
        bcc: vec![Person::new(Some("Secret Søren"), "soren@btinternet.com")],
        subject: "Café menu — naïve résumé ✉".into(),
        text: "Bore da!\nThe menu is attached.\n".into(),
        attachments: vec![AttachmentSpec {
            file_name: "bwydlen ü.pdf".into(),
            content_type: None,
            data: (0..=255u8).cycle().take(5000).collect(),
        }],
        ..Draft::default()
    }
}

#[test]
fn builds_utf8_headers_attachment_and_hides_bcc() {
    let built = build(&account(), &draft()).unwrap();
    let raw = String::from_utf8_lossy(&built.bytes);
    assert!(
        raw.is_ascii(),
        "headers are RFC 2047 encoded, bodies transfer-encoded"
    );
    assert!(!raw.to_lowercase().contains("bcc"), "no Bcc header: {raw}");
    assert!(
        !raw.contains("soren@"),
        "the Bcc address is not in the bytes"
    );
    assert_eq!(
        built.recipients,
        vec![
            "zoe@btopenworld.com",
            "carys@talk21.com",
            "soren@btinternet.com"
        ]
    );
    assert_eq!(built.from, "sian@btinternet.com");
    assert!(built.message_id.ends_with("@btinternet.com>"));

    let msg = parse(&built.bytes);
    assert_eq!(msg.subject(), Some("Café menu — naïve résumé ✉"));
    let from = msg.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Siân Llŷr"));
    assert_eq!(
        msg.to().unwrap().first().unwrap().name(),
        Some("Zoë Ångström")
    );
    assert_eq!(
        msg.message_id(),
        Some(built.message_id.trim_matches(['<', '>']))
    );
    assert!(msg.date().is_some());
    // Text goes out in canonical CRLF form.
    assert_eq!(
        msg.body_text(0).unwrap().replace("\r\n", "\n").trim_end(),
        draft().text.trim_end()
    );
    let attachment = msg.attachment(0).unwrap();
    assert_eq!(attachment.attachment_name(), Some("bwydlen ü.pdf"));
    assert_eq!(attachment.content_type().unwrap().subtype(), Some("pdf"));
    assert_eq!(
        attachment.contents(),
        draft().attachments[0].data.as_slice()
    );
}

#[test]
fn html_alternative_and_text_attachment_bytes_exact() {
    let mut d = draft();
    d.html = Some("<p>Bore <b>da</b>!</p>".into());
    d.attachments = vec![AttachmentSpec {
        file_name: "notes.txt".into(),
        content_type: None,
        data: b"line one\nline two\n".to_vec(),
    }];
    let built = build(&account(), &d).unwrap();
    let msg = parse(&built.bytes);
    assert_eq!(msg.body_html(0).unwrap(), "<p>Bore <b>da</b>!</p>");
    assert!(msg.body_text(0).unwrap().starts_with("Bore da!"));
    let attachment = msg.attachment(0).unwrap();
    assert_eq!(attachment.contents(), b"line one\nline two\n");
    assert_eq!(attachment.content_type().unwrap().ctype(), "text");
}

#[test]
fn no_recipient_is_an_error_but_a_draft_may_have_none() {
    let empty = Draft {
        subject: "later".into(),
        ..Draft::default()
    };
    assert!(matches!(
        build(&account(), &empty),
        Err(ComposeError::NoRecipient)
    ));
    assert!(build_draft(&account(), &empty).is_ok());
    let bad = Draft {
        to: vec![Person::new(None, "not an address")],
        ..Draft::default()
    };
    assert!(matches!(
        build(&account(), &bad),
        Err(ComposeError::BadAddress(a)) if a == "not an address"
    ));
}

const ORIGINAL: &str = "From: =?utf-8?q?Gw=C3=A8n?= <gwen@btopenworld.com>\r\n\
To: Siân <sian@btinternet.com>, Dai <dai@talk21.com>\r\n\
Cc: Mair <mair@btinternet.com>, SIAN@btinternet.com\r\n\
Subject: =?utf-8?q?Cyfarfod_yfory?=\r\n\
Date: Tue, 24 Nov 2026 09:30:00 +0000\r\n\
Message-ID: <orig-2@btopenworld.com>\r\n\
References: <root-1@btinternet.com>\r\n\
In-Reply-To: <root-1@btinternet.com>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Ydy pawb ar gael am ddeg?\r\n\
> earlier quote\r\n\
--b1\r\n\
Content-Type: image/png\r\n\
Content-Disposition: attachment; filename=\"map.png\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
iVBORw0KGgo=\r\n\
--b1--\r\n";

#[test]
fn reply_threads_and_quotes() {
    let original = parse(ORIGINAL.as_bytes());
    let r = reply(&account(), &original, false);
    assert_eq!(r.subject, "Re: Cyfarfod yfory");
    assert_eq!(
        r.to,
        vec![Person::new(Some("Gwèn"), "gwen@btopenworld.com")]
    );
    assert!(r.cc.is_empty());
    assert_eq!(r.in_reply_to.as_deref(), Some("<orig-2@btopenworld.com>"));
    assert_eq!(
        r.references,
        vec!["<root-1@btinternet.com>", "<orig-2@btopenworld.com>"]
    );
    assert!(r.text.contains("> Ydy pawb ar gael am ddeg?"));
    assert!(r.text.contains(">> earlier quote"));
    assert!(r.text.contains("Gwèn"));

    // Threading headers survive building.
    let built = build(&account(), &r).unwrap();
    let msg = parse(&built.bytes);
    assert_eq!(msg.in_reply_to().as_text(), Some("orig-2@btopenworld.com"));
    assert_eq!(msg.references().as_text_list().map(|l| l.len()), Some(2));
    // "Re: Re:" is not stacked.
    let again = parse(&built.bytes);
    assert_eq!(
        reply(&account(), &again, false).subject,
        "Re: Cyfarfod yfory"
    );
}

#[test]
fn reply_all_drops_own_address_and_duplicates() {
    let original = parse(ORIGINAL.as_bytes());
    let r = reply(&account(), &original, true);
    let to: Vec<_> = r.to.iter().map(|p| p.email.as_str()).collect();
    let cc: Vec<_> = r.cc.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(to, vec!["gwen@btopenworld.com", "dai@talk21.com"]);
    assert_eq!(
        cc,
        vec!["mair@btinternet.com"],
        "own address (any case) removed"
    );
}

#[test]
fn forward_inline_keeps_text_and_attachments() {
    let original = parse(ORIGINAL.as_bytes());
    let f = forward_inline(&original);
    assert_eq!(f.subject, "Fwd: Cyfarfod yfory");
    assert!(f.to.is_empty());
    assert!(f.text.contains("Ydy pawb ar gael am ddeg?"));
    assert!(f.text.contains("gwen@btopenworld.com"));
    assert_eq!(f.attachments.len(), 1);
    assert_eq!(f.attachments[0].file_name, "map.png");
    assert_eq!(f.attachments[0].content_type.as_deref(), Some("image/png"));
    assert_eq!(f.attachments[0].data, b"\x89PNG\r\n\x1a\n");
}

#[test]
fn forward_as_attachment_carries_the_original_untouched() {
    let original = parse(ORIGINAL.as_bytes());
    let mut f = forward_as_attachment(&original);
    f.to = vec![Person::new(None, "dai@talk21.com")];
    let built = build(&account(), &f).unwrap();
    let msg = parse(&built.bytes);
    let part = msg.attachment(0).expect("one attachment");
    assert!(part.is_message());
    assert_eq!(part.content_type().unwrap().ctype(), "message");
    assert_eq!(part.content_type().unwrap().subtype(), Some("rfc822"));
    let inner = part.message().unwrap();
    assert_eq!(inner.subject(), Some("Cyfarfod yfory"));
    assert_eq!(inner.message_id(), Some("orig-2@btopenworld.com"));
    assert!(String::from_utf8_lossy(&built.bytes).contains("Ydy pawb ar gael am ddeg?"));
}

#[test]
fn drafts_reopen_with_bcc_and_attachments() {
    let mut d = draft();
    d.html = Some("<p>hi</p>".into());
    d.in_reply_to = Some("<orig-2@btopenworld.com>".into());
    d.references = vec!["<orig-2@btopenworld.com>".into()];
    let built = build_draft(&account(), &d).unwrap();
    let back = reopen(&built.bytes).unwrap();
    assert_eq!(back.to, d.to);
    assert_eq!(back.cc, d.cc);
    assert_eq!(back.bcc, d.bcc, "a draft keeps its Bcc");
    assert_eq!(back.subject, d.subject);
    assert_eq!(back.text.replace("\r\n", "\n"), d.text);
    assert_eq!(back.html.as_deref(), Some("<p>hi</p>"));
    assert_eq!(back.attachments[0].data, d.attachments[0].data);
    assert_eq!(back.attachments[0].file_name, d.attachments[0].file_name);
    assert_eq!(back.in_reply_to, d.in_reply_to);
    assert_eq!(back.references, d.references);
    // A text-only draft does not grow an HTML part on reopening.
    let plain = build_draft(
        &account(),
        &Draft {
            html: None,
            attachments: vec![],
            ..d
        },
    )
    .unwrap();
    assert_eq!(reopen(&plain.bytes).unwrap().html, None);
}

#[test]
fn mime_types_and_unique_ids() {
    assert_eq!(mime_for("Report.PDF"), "application/pdf");
    assert_eq!(mime_for("photo.jpeg"), "image/jpeg");
    assert_eq!(mime_for("noext"), "application/octet-stream");
    let a = new_message_id(&account());
    let b = new_message_id(&account());
    assert_ne!(a, b);
}
