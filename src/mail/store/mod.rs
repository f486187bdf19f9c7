//! The local mail store: one Maildir per folder under an account's mail root.

pub mod envelope;
pub mod folder;
pub mod fsutil;
pub mod index;
pub mod local;
pub mod maildir;

pub use envelope::{Envelope, Mailbox};
pub use folder::Role;
pub use index::{EnvelopeRow, FolderInfo, Index, MessageId, Sort, SortKey};
pub use local::{MailStore, NewMessage, StoreError};
pub use maildir::{Flags, Maildir, MaildirEntry, Subdir};
