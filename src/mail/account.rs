//! What an account is: its identity, its servers and its protocol options.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How mail comes in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    /// Keeps the server, webmail and every device in sync (recommended).
    #[default]
    Imap,
    /// Downloads the Inbox to this computer.
    Pop3,
}

/// How a connection is secured. There is deliberately no plain-text variant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// TLS from the first byte ("SSL/TLS"; ports 993, 995, 465).
    #[default]
    Tls,
    /// A plain-text greeting upgraded with STARTTLS/STLS; fails closed if the upgrade fails.
    Starttls,
}

/// How the password is presented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMech {
    #[default]
    Plain,
    Login,
}

/// Which kind of server a [`Server`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServerKind {
    Imap,
    Pop3,
    Smtp,
}

impl ServerKind {
    pub fn default_port(self, security: Security) -> u16 {
        match (self, security) {
            (ServerKind::Imap, Security::Tls) => 993,
            (ServerKind::Imap, Security::Starttls) => 143,
            (ServerKind::Pop3, Security::Tls) => 995,
            (ServerKind::Pop3, Security::Starttls) => 110,
            (ServerKind::Smtp, Security::Tls) => 465,
            (ServerKind::Smtp, Security::Starttls) => 587,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ServerKind::Imap => "IMAP",
            ServerKind::Pop3 => "POP3",
            ServerKind::Smtp => "SMTP",
        }
    }
}

/// One server endpoint with its credentials' user name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub auth: AuthMech,
    pub username: String,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            host: String::new(),
            port: 993,
            security: Security::Tls,
            auth: AuthMech::Plain,
            username: String::new(),
        }
    }
}

impl Server {
    pub fn endpoint(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// POP3 behaviour. The default is BT's: download, then delete from the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pop3Options {
    pub leave_on_server: bool,
    /// With `leave_on_server`, delete from the server once a message is this many days old.
    pub delete_after_days: Option<u32>,
    /// The server folder POP3 reads from (always the Inbox for BT).
    pub folder: String,
}

impl Default for Pop3Options {
    fn default() -> Self {
        Pop3Options {
            leave_on_server: false,
            delete_after_days: None,
            folder: "INBOX".into(),
        }
    }
}

/// A configured mail account. Holds no secret: the password lives in the OS keyring
/// or is produced by `password_command`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Account {
    pub email: String,
    pub display_name: String,
    pub protocol: Protocol,
    /// The IMAP or POP3 server, according to `protocol`.
    pub incoming: Server,
    pub outgoing: Server,
    pub pop3: Pop3Options,
    /// Extra trusted CA certificates (PEM) for a private server.
    pub ca_file: Option<PathBuf>,
    /// A command whose standard output is the password, instead of the keyring.
    pub password_command: Option<String>,
    /// Minutes between background checks of folders not watched by IDLE (and POP3).
    pub check_interval_minutes: u32,
    /// The provider files sent mail in the Sent folder itself, so no copy is APPENDed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub server_saves_sent: bool,
}

impl Default for Account {
    fn default() -> Self {
        Account {
            email: String::new(),
            display_name: String::new(),
            protocol: Protocol::Imap,
            incoming: Server::default(),
            outgoing: Server {
                port: 465,
                ..Server::default()
            },
            pop3: Pop3Options::default(),
            ca_file: None,
            password_command: None,
            check_interval_minutes: 5,
            server_saves_sent: false,
        }
    }
}

/// A stable account key: the address in lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AccountId(pub String);

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Account {
    pub fn id(&self) -> AccountId {
        AccountId(self.email.trim().to_lowercase())
    }

    pub fn incoming_kind(&self) -> ServerKind {
        match self.protocol {
            Protocol::Imap => ServerKind::Imap,
            Protocol::Pop3 => ServerKind::Pop3,
        }
    }

    /// The domain part of the address, lower case.
    pub fn domain(&self) -> Option<String> {
        domain_of(&self.email)
    }
}

/// The domain of an address, if it looks like one (`local@domain.tld`).
pub fn domain_of(email: &str) -> Option<String> {
    let (local, domain) = email.trim().rsplit_once('@')?;
    if local.is_empty() || domain.is_empty() || !domain.contains('.') || domain.contains(' ') {
        return None;
    }
    Some(domain.to_lowercase())
}

/// Whether a string is plausibly an email address (the wizard's first check).
pub fn is_valid_email(email: &str) -> bool {
    let email = email.trim();
    domain_of(email).is_some()
        && !email.chars().any(char::is_whitespace)
        && email.matches('@').count() == 1
        && !email.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_validation() {
        assert_eq!(
            domain_of("Ann@BTInternet.com").as_deref(),
            Some("btinternet.com")
        );
        assert_eq!(domain_of("ann@localhost"), None);
        assert!(is_valid_email("ann.smith@talk21.com"));
        assert!(!is_valid_email("ann smith@talk21.com"));
        assert!(!is_valid_email("@talk21.com"));
        assert!(!is_valid_email("ann@@talk21.com"));
    }

    #[test]
    fn id_is_lower_case_address() {
        let account = Account {
            email: " Ann@BTInternet.com ".into(),
            ..Account::default()
        };
        assert_eq!(account.id().0, "ann@btinternet.com");
    }
}
