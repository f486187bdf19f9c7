//! The provider database: which servers serve which address.
//!
//! Providers are data, not code: Mozilla autoconfig (clientConfig v1.1) XML files under
//! `assets/providers/`, embedded in the binary and parsed on first use. Adding a provider
//! is dropping in one more file. An unknown domain gets the conventional guesses.

use std::sync::LazyLock;

use rust_embed::RustEmbed;

use super::account::{
    domain_of, is_valid_email, Account, AuthMech, Pop3Options, Protocol, Security, Server,
    ServerKind,
};

#[derive(RustEmbed)]
#[folder = "assets/providers/"]
struct Bundled;

/// What the database knows about an address's provider, with user names already filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderSettings {
    /// The provider's id in the database (e.g. "btinternet.com"), or the domain when guessed.
    pub id: String,
    /// The provider's name for people ("BT Email"); the domain when guessed.
    pub display_name: String,
    /// The address's domain, lower case.
    pub domain: String,
    pub imap: Option<Server>,
    pub pop3: Option<Server>,
    pub smtp: Server,
    /// The provider's advice for POP3 (`pop3/leaveMessagesOnServer`), when it gives one.
    pub leave_on_server: Option<bool>,
    /// True when nothing was known and the servers are conventional guesses.
    pub guessed: bool,
}

impl ProviderSettings {
    /// The recommended protocol: IMAP when offered, POP3 otherwise.
    pub fn recommended_protocol(&self) -> Protocol {
        if self.imap.is_some() || self.pop3.is_none() {
            Protocol::Imap
        } else {
            Protocol::Pop3
        }
    }

    /// The incoming server for `protocol`, if the provider offers it.
    pub fn incoming(&self, protocol: Protocol) -> Option<&Server> {
        match protocol {
            Protocol::Imap => self.imap.as_ref(),
            Protocol::Pop3 => self.pop3.as_ref(),
        }
    }
}

/// A provider as written in its file, before an address fills in the user names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderTemplate {
    pub id: String,
    pub display_name: String,
    pub domains: Vec<String>,
    pub imap: Option<ServerTemplate>,
    pub pop3: Option<ServerTemplate>,
    pub smtp: ServerTemplate,
    pub leave_on_server: Option<bool>,
}

/// A server whose user name may hold `%EMAILADDRESS%`, `%EMAILLOCALPART%`, `%EMAILDOMAIN%`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerTemplate {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub auth: AuthMech,
    pub username: String,
}

impl ServerTemplate {
    fn fill(&self, email: &str) -> Server {
        let email = email.trim();
        let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
        Server {
            host: self.host.clone(),
            port: self.port,
            security: self.security,
            auth: self.auth,
            username: self
                .username
                .replace("%EMAILADDRESS%", email)
                .replace("%EMAILLOCALPART%", local)
                .replace("%EMAILDOMAIN%", domain),
        }
    }
}

impl ProviderTemplate {
    fn settings_for(&self, email: &str, domain: String) -> ProviderSettings {
        ProviderSettings {
            id: self.id.clone(),
            display_name: self.display_name.clone(),
            domain,
            imap: self.imap.as_ref().map(|s| s.fill(email)),
            pop3: self.pop3.as_ref().map(|s| s.fill(email)),
            smtp: self.smtp.fill(email),
            leave_on_server: self.leave_on_server,
            guessed: false,
        }
    }
}

/// Why a provider file could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProviderError {
    #[error("{file}: not well-formed XML: {message}")]
    Xml { file: String, message: String },
    #[error("{file}: no <emailProvider> inside <clientConfig>")]
    NoProvider { file: String },
    #[error("{file}: the provider lists no <domain>")]
    NoDomain { file: String },
    #[error("{file}: no usable IMAP or POP3 server (SSL or STARTTLS with a password)")]
    NoIncoming { file: String },
    #[error("{file}: no usable SMTP server (SSL or STARTTLS with a password)")]
    NoOutgoing { file: String },
}

/// Parses one clientConfig v1.1 document. `file` only names it in errors.
///
/// Servers that would send the password in clear (`socketType` plain) or that only take
/// OAuth2 are skipped: Pillarbox never offers them. The first usable server of each type
/// wins, as the format lists them in order of preference.
pub fn parse_client_config(file: &str, xml: &str) -> Result<ProviderTemplate, ProviderError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| ProviderError::Xml {
        file: file.into(),
        message: e.to_string(),
    })?;
    let provider = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("emailProvider"))
        .filter(|_| doc.root_element().has_tag_name("clientConfig"))
        .ok_or_else(|| ProviderError::NoProvider { file: file.into() })?;

    let id = provider.attribute("id").unwrap_or_default().to_string();
    let domains: Vec<String> = children_named(provider, "domain")
        .map(|d| text_of(d).to_lowercase())
        .filter(|d| !d.is_empty())
        .collect();
    if domains.is_empty() {
        return Err(ProviderError::NoDomain { file: file.into() });
    }
    let display_name = children_named(provider, "displayName")
        .next()
        .map(text_of)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.clone());

    let mut imap = None;
    let mut pop3 = None;
    let mut leave_on_server = None;
    for server in children_named(provider, "incomingServer") {
        match server.attribute("type") {
            Some("imap") if imap.is_none() => imap = parse_server(server),
            Some("pop3") if pop3.is_none() => {
                pop3 = parse_server(server);
                if pop3.is_some() {
                    leave_on_server = children_named(server, "pop3")
                        .flat_map(|p| children_named(p, "leaveMessagesOnServer"))
                        .next()
                        .map(|n| text_of(n).eq_ignore_ascii_case("true"));
                }
            }
            _ => {}
        }
    }
    if imap.is_none() && pop3.is_none() {
        return Err(ProviderError::NoIncoming { file: file.into() });
    }
    let smtp = children_named(provider, "outgoingServer")
        .filter(|s| s.attribute("type") == Some("smtp"))
        .find_map(parse_server)
        .ok_or_else(|| ProviderError::NoOutgoing { file: file.into() })?;

    Ok(ProviderTemplate {
        id: if id.is_empty() {
            domains[0].clone()
        } else {
            id
        },
        display_name,
        domains,
        imap,
        pop3,
        smtp,
        leave_on_server,
    })
}

fn children_named<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |n| n.has_tag_name(name))
}

fn text_of(node: roxmltree::Node) -> String {
    node.text().unwrap_or_default().trim().to_string()
}

fn parse_server(node: roxmltree::Node) -> Option<ServerTemplate> {
    let field = |name| children_named(node, name).next().map(text_of);
    let security = match field("socketType")?.as_str() {
        "SSL" => Security::Tls,
        "STARTTLS" => Security::Starttls,
        _ => return None,
    };
    // "plain" is the pre-1.1 spelling of password-cleartext.
    let password_ok = children_named(node, "authentication")
        .map(text_of)
        .any(|a| a == "password-cleartext" || a == "plain");
    if !password_ok {
        return None;
    }
    let host = field("hostname").filter(|h| !h.is_empty())?;
    let port = field("port")?.parse().ok().filter(|p| *p != 0)?;
    let username = field("username")
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "%EMAILADDRESS%".into());
    Some(ServerTemplate {
        host,
        port,
        security,
        auth: AuthMech::Plain,
        username,
    })
}

/// Every bundled provider file with its parse result, in file-name order (for tests and
/// diagnostics: a bundled file that fails to parse is a bug).
pub fn bundled() -> Vec<(String, Result<ProviderTemplate, ProviderError>)> {
    let mut names: Vec<String> = Bundled::iter()
        .map(|n| n.into_owned())
        .filter(|n| n.ends_with(".xml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let file = Bundled::get(&name)?;
            let parsed = match std::str::from_utf8(&file.data) {
                Ok(xml) => parse_client_config(&name, xml),
                Err(e) => Err(ProviderError::Xml {
                    file: name.clone(),
                    message: e.to_string(),
                }),
            };
            Some((name, parsed))
        })
        .collect()
}

static DATABASE: LazyLock<Vec<ProviderTemplate>> = LazyLock::new(|| {
    bundled()
        .into_iter()
        .filter_map(|(name, parsed)| match parsed {
            Ok(provider) => Some(provider),
            Err(error) => {
                tracing::error!(%name, %error, "skipping a broken bundled provider file");
                None
            }
        })
        .collect()
});

/// The settings for `email`: from the database, or guessed from the domain.
/// `None` only when `email` is not a valid address.
pub fn lookup(email: &str) -> Option<ProviderSettings> {
    if !is_valid_email(email) {
        return None;
    }
    let domain = domain_of(email)?;
    if let Some(provider) = DATABASE.iter().find(|p| p.domains.contains(&domain)) {
        return Some(provider.settings_for(email, domain));
    }
    Some(guess(email, domain))
}

/// The conventional names most providers use, all with implicit TLS and the full address.
fn guess(email: &str, domain: String) -> ProviderSettings {
    let server = |prefix: &str, kind: ServerKind| Server {
        host: format!("{prefix}.{domain}"),
        port: kind.default_port(Security::Tls),
        security: Security::Tls,
        auth: AuthMech::Plain,
        username: email.trim().to_string(),
    };
    ProviderSettings {
        id: domain.clone(),
        display_name: domain.clone(),
        imap: Some(server("imap", ServerKind::Imap)),
        pop3: Some(server("pop", ServerKind::Pop3)),
        smtp: server("smtp", ServerKind::Smtp),
        domain,
        leave_on_server: None,
        guessed: true,
    }
}

/// A ready-to-check account for `email`: servers from the database (or guesses), the
/// display name from the address's local part when `display_name` is blank.
///
/// When the provider does not offer `protocol` (iCloud has no POP3), the incoming server is
/// the conventional guess for it. An invalid address gives an account with empty host names,
/// which the connection check rejects with a clear message.
pub fn account_for(email: &str, display_name: &str, protocol: Protocol) -> Account {
    let email = email.trim();
    let display_name = match display_name.trim() {
        "" => default_display_name(email),
        name => name.to_string(),
    };
    let mut account = Account {
        email: email.to_string(),
        display_name,
        protocol,
        ..Account::default()
    };
    let Some(settings) = lookup(email) else {
        account.incoming.host.clear();
        account.incoming.port = account.incoming_kind().default_port(Security::Tls);
        account.outgoing.host.clear();
        return account;
    };
    account.incoming = match settings.incoming(protocol) {
        Some(server) => server.clone(),
        None => {
            let guessed = guess(email, settings.domain.clone());
            match protocol {
                Protocol::Imap => guessed.imap,
                Protocol::Pop3 => guessed.pop3,
            }
            .unwrap_or_default()
        }
    };
    account.outgoing = settings.smtp.clone();
    account.pop3 = Pop3Options {
        leave_on_server: settings.leave_on_server.unwrap_or(false),
        ..Pop3Options::default()
    };
    account
}

/// "ann.smith" -> "Ann Smith": a friendly starting point the user can change.
fn default_display_name(email: &str) -> String {
    let local = email.rsplit_once('@').map(|(l, _)| l).unwrap_or(email);
    local
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[path = "provider_tests.rs"]
mod tests;
