//! The local mail store: one Maildir per folder under an account's mail root, and an
//! SQLite envelope index beside them (in the account's state dir).
//!
//! For the sync, POP3, outbox and UI code, [`MailStore`] is the door:
//! ```no_run
//! # use pillarbox::mail::{paths::Paths, account::AccountId};
//! # use pillarbox::mail::store::{MailStore, NewMessage, Flags, Sort};
//! # let paths = Paths::under(std::path::Path::new("/tmp/x"));
//! # let account = AccountId("a@btinternet.com".into());
//! let mut store = MailStore::open(&paths, &account)?;
//! // Durable in the Maildir first, then indexed; the id is stable for the UI and CLI.
//! let id = store.add("INBOX", NewMessage::Bytes(b"Subject: hi\r\n\r\nbody"), Some(42), &Flags::default())?;
//! let page = store.list("INBOX", Sort::default(), 0, 50)?;
//! let hits = store.search("hi", Some("INBOX"), 50)?;
//! store.set_flags(id, &Flags::new("S"))?;
//! # Ok::<(), pillarbox::mail::store::StoreError>(())
//! ```
//! A sync that streams big messages writes them with [`Maildir::begin`] into
//! `store.maildir(folder)?` and then calls `add(folder, NewMessage::Committed(&entry), ..)`;
//! for thousands at once, parse with [`envelope::parse`] and insert through
//! `store.index_mut().batch()` in one transaction. So that the next open need not read
//! the folder again, such a writer takes [`index::folder_stamp`] before writing and
//! records it with [`index::Batch::advance_stamp`] in the same batch (or, when it cannot
//! know the stamp before, calls [`Index::refresh_folders`] afterwards, as the IMAP sync
//! does). Folder names are local names
//! (`INBOX`, `Archive/2024`): see [`folder::local_name`] for IMAP names.

pub mod envelope;
pub mod folder;
pub mod fsutil;
pub mod index;
pub mod local;
pub mod maildir;

pub use envelope::{Envelope, Mailbox};
pub use folder::Role;
pub use index::{
    EnvelopeRow, FolderInfo, Index, MessageId, ReindexReport, Sort, SortKey, ThreadRow,
};
pub use local::{MailStore, NewMessage, StoreError};
pub use maildir::{Flags, Maildir, MaildirEntry, Subdir};
