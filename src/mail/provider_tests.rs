use super::*;

fn server(host: &str, port: u16, security: Security, username: &str) -> Server {
    Server {
        host: host.into(),
        port,
        security,
        auth: AuthMech::Plain,
        username: username.into(),
    }
}

#[test]
fn every_bundled_file_parses_with_incoming_and_smtp() {
    let all = bundled();
    assert!(
        all.len() >= 10,
        "expected the bundled providers, got {}",
        all.len()
    );
    for (name, parsed) in all {
        let provider = parsed.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            provider.imap.is_some() || provider.pop3.is_some(),
            "{name}: no incoming server"
        );
        assert!(!provider.smtp.host.is_empty(), "{name}: no SMTP host");
        assert!(!provider.domains.is_empty(), "{name}: no domains");
        assert_eq!(
            format!("{}.xml", provider.id),
            name,
            "file name and provider id should agree"
        );
    }
}

#[test]
fn no_domain_is_claimed_twice() {
    let mut seen = std::collections::HashMap::new();
    for (name, parsed) in bundled() {
        for domain in parsed.unwrap().domains {
            if let Some(other) = seen.insert(domain.clone(), name.clone()) {
                panic!("{domain} is in both {other} and {name}");
            }
        }
    }
}

#[test]
fn bt_domains_all_map_to_mail_btinternet_com() {
    for email in [
        "ann@btinternet.com",
        "Bob.Jones@BTOpenworld.com",
        "carol@talk21.com",
    ] {
        let s = lookup(email).unwrap();
        assert!(!s.guessed, "{email}");
        assert_eq!(s.id, "btinternet.com");
        assert_eq!(s.display_name, "BT Email");
        let user = email.trim();
        assert_eq!(
            s.imap,
            Some(server("mail.btinternet.com", 993, Security::Tls, user))
        );
        assert_eq!(
            s.pop3,
            Some(server("mail.btinternet.com", 995, Security::Tls, user))
        );
        assert_eq!(
            s.smtp,
            server("mail.btinternet.com", 465, Security::Tls, user)
        );
        assert_eq!(s.recommended_protocol(), Protocol::Imap);
    }
}

#[test]
fn btconnect_is_not_the_bt_email_preset() {
    let s = lookup("shop@btconnect.com").unwrap();
    assert!(s.guessed);
    assert_ne!(s.id, "btinternet.com");
}

#[test]
fn unknown_domain_gets_guesses() {
    let s = lookup("me@example.org").unwrap();
    assert!(s.guessed);
    assert_eq!(s.domain, "example.org");
    assert_eq!(
        s.imap,
        Some(server(
            "imap.example.org",
            993,
            Security::Tls,
            "me@example.org"
        ))
    );
    assert_eq!(
        s.pop3,
        Some(server(
            "pop.example.org",
            995,
            Security::Tls,
            "me@example.org"
        ))
    );
    assert_eq!(
        s.smtp,
        server("smtp.example.org", 465, Security::Tls, "me@example.org")
    );
}

#[test]
fn invalid_addresses_give_none() {
    for bad in [
        "",
        "ann",
        "ann@",
        "@btinternet.com",
        "a b@bt.com",
        "a@@bt.com",
    ] {
        assert_eq!(lookup(bad), None, "{bad:?}");
    }
}

#[test]
fn each_bundled_provider_is_found_by_each_of_its_domains() {
    for (_, parsed) in bundled() {
        let provider = parsed.unwrap();
        for domain in &provider.domains {
            let s = lookup(&format!("someone@{domain}")).unwrap();
            assert!(!s.guessed, "{domain}");
            assert_eq!(s.id, provider.id, "{domain}");
            assert_eq!(s.smtp.host, provider.smtp.host);
        }
    }
}

#[test]
fn known_providers_public_endpoints() {
    let cases = [
        ("a@gmail.com", "imap.gmail.com", "smtp.gmail.com", 465),
        ("a@googlemail.com", "imap.gmail.com", "smtp.gmail.com", 465),
        (
            "a@hotmail.co.uk",
            "outlook.office365.com",
            "smtp-mail.outlook.com",
            587,
        ),
        (
            "a@yahoo.co.uk",
            "imap.mail.yahoo.com",
            "smtp.mail.yahoo.com",
            465,
        ),
        ("a@me.com", "imap.mail.me.com", "smtp.mail.me.com", 587),
        (
            "a@fastmail.com",
            "imap.fastmail.com",
            "smtp.fastmail.com",
            465,
        ),
        ("a@gmx.co.uk", "imap.gmx.com", "mail.gmx.com", 465),
        ("a@gmx.de", "imap.gmx.net", "mail.gmx.net", 465),
        ("a@aol.com", "imap.aol.com", "smtp.aol.com", 465),
        ("a@zohomail.com", "imap.zoho.com", "smtp.zoho.com", 465),
        (
            "a@ntlworld.com",
            "imap.virginmedia.com",
            "smtp.virginmedia.com",
            465,
        ),
        (
            "a@blueyonder.co.uk",
            "imap.virginmedia.com",
            "smtp.virginmedia.com",
            465,
        ),
        ("a@sky.com", "imap.tools.sky.com", "smtp.tools.sky.com", 465),
    ];
    for (email, imap, smtp, smtp_port) in cases {
        let s = lookup(email).unwrap();
        assert_eq!(s.imap.as_ref().unwrap().host, imap, "{email}");
        assert_eq!(s.imap.as_ref().unwrap().port, 993, "{email}");
        assert_eq!(s.smtp.host, smtp, "{email}");
        assert_eq!(s.smtp.port, smtp_port, "{email}");
        let expected = if smtp_port == 587 {
            Security::Starttls
        } else {
            Security::Tls
        };
        assert_eq!(s.smtp.security, expected, "{email}");
    }
}

#[test]
fn username_placeholders_are_filled() {
    let s = lookup("Jo.Bloggs@icloud.com").unwrap();
    assert_eq!(s.imap.unwrap().username, "Jo.Bloggs");
    assert_eq!(s.smtp.username, "Jo.Bloggs@icloud.com");
    assert_eq!(s.pop3, None, "iCloud offers no POP3");

    let t = ServerTemplate {
        host: "h".into(),
        port: 1,
        security: Security::Tls,
        auth: AuthMech::Plain,
        username: "%EMAILLOCALPART%+x@%EMAILDOMAIN%".into(),
    };
    assert_eq!(t.fill("ann@example.com").username, "ann+x@example.com");
}

const TEMPLATE: &str = r#"<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="example.net">
    <domain>example.net</domain>
    <domain>Example.ORG</domain>
    <displayName>Example</displayName>
    INCOMING
    OUTGOING
  </emailProvider>
</clientConfig>"#;

fn doc(incoming: &str, outgoing: &str) -> String {
    TEMPLATE
        .replace("INCOMING", incoming)
        .replace("OUTGOING", outgoing)
}

fn srv(tag: &str, kind: &str, host: &str, port: u16, socket: &str, auth: &[&str]) -> String {
    let auth: String = auth
        .iter()
        .map(|a| format!("<authentication>{a}</authentication>"))
        .collect();
    format!(
        "<{tag} type=\"{kind}\"><hostname>{host}</hostname><port>{port}</port>\
         <socketType>{socket}</socketType><username>%EMAILLOCALPART%</username>{auth}</{tag}>"
    )
}

#[test]
fn plain_and_oauth_only_servers_are_skipped() {
    let xml = doc(
        &[
            srv(
                "incomingServer",
                "imap",
                "plain.example.net",
                143,
                "plain",
                &["password-cleartext"],
            ),
            srv(
                "incomingServer",
                "imap",
                "oauth.example.net",
                993,
                "SSL",
                &["OAuth2"],
            ),
            srv(
                "incomingServer",
                "imap",
                "good.example.net",
                143,
                "STARTTLS",
                &["OAuth2", "password-cleartext"],
            ),
            srv(
                "incomingServer",
                "pop3",
                "pop.example.net",
                110,
                "plain",
                &["password-cleartext"],
            ),
        ]
        .concat(),
        &[
            srv(
                "outgoingServer",
                "smtp",
                "bad.example.net",
                25,
                "plain",
                &["password-cleartext"],
            ),
            srv(
                "outgoingServer",
                "smtp",
                "smtp.example.net",
                587,
                "STARTTLS",
                &["password-cleartext"],
            ),
        ]
        .concat(),
    );
    let p = parse_client_config("t.xml", &xml).unwrap();
    assert_eq!(p.domains, ["example.net", "example.org"]);
    let imap = p.imap.unwrap();
    assert_eq!(imap.host, "good.example.net");
    assert_eq!(imap.security, Security::Starttls);
    assert_eq!(p.pop3, None);
    assert_eq!(p.smtp.host, "smtp.example.net");
    assert_eq!(p.smtp.port, 587);
}

#[test]
fn leave_messages_on_server_is_read() {
    let pop = r#"<incomingServer type="pop3"><hostname>pop.example.net</hostname><port>995</port>
        <socketType>SSL</socketType><username>%EMAILADDRESS%</username>
        <authentication>password-cleartext</authentication>
        <pop3><leaveMessagesOnServer>true</leaveMessagesOnServer></pop3></incomingServer>"#;
    let smtp = srv(
        "outgoingServer",
        "smtp",
        "smtp.example.net",
        465,
        "SSL",
        &["password-cleartext"],
    );
    let p = parse_client_config("t.xml", &doc(pop, &smtp)).unwrap();
    assert_eq!(p.leave_on_server, Some(true));
    assert_eq!(p.imap, None);
}

#[test]
fn broken_documents_are_errors() {
    let smtp = srv(
        "outgoingServer",
        "smtp",
        "smtp.example.net",
        465,
        "SSL",
        &["password-cleartext"],
    );
    let imap = srv(
        "incomingServer",
        "imap",
        "imap.example.net",
        993,
        "SSL",
        &["password-cleartext"],
    );
    assert!(matches!(
        parse_client_config("t.xml", "<clientConfig><emailProvider>"),
        Err(ProviderError::Xml { .. })
    ));
    assert!(matches!(
        parse_client_config("t.xml", "<clientConfig version=\"1.1\"/>"),
        Err(ProviderError::NoProvider { .. })
    ));
    assert!(matches!(
        parse_client_config("t.xml", &doc("", &smtp)),
        Err(ProviderError::NoIncoming { .. })
    ));
    assert!(matches!(
        parse_client_config("t.xml", &doc(&imap, "")),
        Err(ProviderError::NoOutgoing { .. })
    ));
    let no_domain = doc(&imap, &smtp)
        .replace("<domain>example.net</domain>", "")
        .replace("<domain>Example.ORG</domain>", "");
    assert!(matches!(
        parse_client_config("t.xml", &no_domain),
        Err(ProviderError::NoDomain { .. })
    ));
}

#[test]
fn account_for_bt_defaults_to_imap_and_a_name_from_the_address() {
    let a = account_for(" ann.smith@btinternet.com ", "", Protocol::Imap);
    assert_eq!(a.email, "ann.smith@btinternet.com");
    assert_eq!(a.display_name, "Ann Smith");
    assert_eq!(a.protocol, Protocol::Imap);
    assert_eq!(a.incoming.endpoint(), "mail.btinternet.com:993");
    assert_eq!(a.outgoing.endpoint(), "mail.btinternet.com:465");
    assert_eq!(a.incoming.username, "ann.smith@btinternet.com");
    assert!(
        !a.pop3.leave_on_server,
        "BT's POP3 default downloads and deletes"
    );

    let p = account_for("ann@talk21.com", "  Ann S  ", Protocol::Pop3);
    assert_eq!(p.display_name, "Ann S");
    assert_eq!(p.incoming.endpoint(), "mail.btinternet.com:995");
    assert_eq!(p.incoming_kind(), ServerKind::Pop3);
}

#[test]
fn account_for_a_missing_protocol_guesses_it() {
    let a = account_for("jo@icloud.com", "Jo", Protocol::Pop3);
    assert_eq!(a.incoming.endpoint(), "pop.icloud.com:995");
    assert_eq!(a.outgoing.endpoint(), "smtp.mail.me.com:587");
}

#[test]
fn account_for_an_invalid_address_has_no_hosts() {
    let a = account_for("nonsense", "", Protocol::Imap);
    assert!(a.incoming.host.is_empty());
    assert!(a.outgoing.host.is_empty());
}
