//! The mail engine: accounts, providers, TLS, secrets, protocols and the local store.
//!
//! Nothing here may depend on iced; the UI reaches the engine through plain async
//! functions and event streams (a test enforces the border).

pub mod account;
pub mod check;
pub mod compose;
pub mod config;
pub mod drafts;
pub mod eml;
pub mod errors_l10n;
pub mod imap;
pub mod mailto;
pub mod outbox;
pub mod paths;
pub mod pop3;
pub mod provider;
pub mod secret;
pub mod smtp;
pub mod starttls;
pub mod store;
pub mod tls;
