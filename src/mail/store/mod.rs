//! The local mail store: one Maildir per folder under an account's mail root.

pub mod envelope;
pub mod folder;
pub mod fsutil;
pub mod index;
pub mod maildir;

pub use maildir::{Flags, Maildir, MaildirEntry, Subdir};
