//! Drafts and the Sent copy: where a message is kept besides the server that sends it.
//!
//! IMAP accounts APPEND to the server's folders found by LIST's special-use attributes
//! (RFC 6154), falling back to the usual names and creating the folder when none exists.
//! POP3 accounts keep Sent and Drafts as local Maildirs: their server has only an Inbox.

use futures::TryStreamExt;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use super::account::{Account, Protocol};
use super::compose::{self, Draft};
use super::outbox::local_folder;
use super::paths::Paths;
use super::secret::Password;
use super::store::{Flags, Subdir};
use super::tls::{self, NetError, Timeouts};

#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error(transparent)]
    Net(#[from] NetError),
    #[error("{host}:{port}: the server refused the user name or password: {reply}")]
    Login {
        host: String,
        port: u16,
        reply: String,
    },
    #[error("{host}:{port}: {step} failed: {message}")]
    Imap {
        host: String,
        port: u16,
        step: &'static str,
        message: String,
    },
    #[error("{host}:{port}: no answer within {secs} s during {step}")]
    Timeout {
        host: String,
        port: u16,
        step: &'static str,
        secs: u64,
    },
    #[error("the local folder could not be written: {0}")]
    Local(#[from] std::io::Error),
    #[error("the draft could not be built: {0}")]
    Compose(#[from] compose::ComposeError),
}

impl FolderError {
    pub fn user_message(&self) -> String {
        let detail = self.to_string();
        match self {
            FolderError::Login { .. } => crate::fl!("send-error-auth", detail = detail),
            _ => crate::fl!("send-error-folder", detail = detail),
        }
    }
}

/// Which special folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Sent,
    Drafts,
}

impl Special {
    fn usual_names(self) -> &'static [&'static str] {
        match self {
            Special::Sent => &["Sent", "Sent Items", "Sent Messages", "Sent Mail"],
            Special::Drafts => &["Drafts", "Draft"],
        }
    }

    fn local_name(self) -> &'static str {
        match self {
            Special::Sent => "Sent",
            Special::Drafts => "Drafts",
        }
    }
}

type ImapSession = async_imap::Session<TlsStream<TcpStream>>;

/// A logged-in IMAP session used for APPENDs (Sent copies, drafts).
pub struct Folders {
    session: ImapSession,
    host: String,
    port: u16,
    timeouts: Timeouts,
}

impl std::fmt::Debug for Folders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Folders({}:{})", self.host, self.port)
    }
}

impl Folders {
    pub async fn connect(
        account: &Account,
        password: &Password,
        timeouts: &Timeouts,
    ) -> Result<Folders, FolderError> {
        let server = &account.incoming;
        let (host, port) = (server.host.clone(), server.port);
        let tls = tls::connect_tls(&host, port, account.ca_file.as_deref(), timeouts).await?;
        let mut client = async_imap::Client::new(tls);
        let timed_out = |elapsed: tls::Elapsed<&'static str>| FolderError::Timeout {
            host: host.clone(),
            port,
            step: elapsed.step,
            secs: elapsed.secs,
        };
        tls::timed("greeting", timeouts.command, client.read_response())
            .await
            .map_err(timed_out)?
            .map_err(|e| FolderError::Imap {
                host: host.clone(),
                port,
                step: "greeting",
                message: e.to_string(),
            })?;
        let username = if server.username.is_empty() {
            account.email.as_str()
        } else {
            server.username.as_str()
        };
        let session = tls::timed(
            "LOGIN",
            timeouts.command,
            client.login(username, password.expose()),
        )
        .await
        .map_err(timed_out)?
        .map_err(|(e, _client)| FolderError::Login {
            host: host.clone(),
            port,
            reply: e.to_string(),
        })?;
        Ok(Folders {
            session,
            host,
            port,
            timeouts: *timeouts,
        })
    }

    fn error(&self, step: &'static str, e: impl std::fmt::Display) -> FolderError {
        FolderError::Imap {
            host: self.host.clone(),
            port: self.port,
            step,
            message: e.to_string(),
        }
    }

    fn timed_out(&self, elapsed: tls::Elapsed<&'static str>) -> FolderError {
        FolderError::Timeout {
            host: self.host.clone(),
            port: self.port,
            step: elapsed.step,
            secs: elapsed.secs,
        }
    }

    /// The folder with the special-use attribute, else one with a usual name, else a new
    /// folder with the usual name.
    pub async fn find(&mut self, which: Special) -> Result<String, FolderError> {
        let limit = self.timeouts.command;
        let listed: Result<Vec<(String, bool)>, FolderError> = tls::timed("LIST", limit, async {
            let stream = self
                .session
                .list(Some(""), Some("*"))
                .await
                .map_err(|e| e.to_string())?;
            let names: Vec<_> = stream.try_collect().await.map_err(|e| e.to_string())?;
            Ok::<_, String>(
                names
                    .iter()
                    .map(|n| {
                        let special = n.attributes().iter().any(|a| {
                            matches!(
                                (which, a),
                                (Special::Sent, async_imap::types::NameAttribute::Sent)
                                    | (Special::Drafts, async_imap::types::NameAttribute::Drafts)
                            )
                        });
                        (n.name().to_string(), special)
                    })
                    .collect(),
            )
        })
        .await
        .map_err(|elapsed| self.timed_out(elapsed))?
        .map_err(|e| self.error("LIST", e));
        let listed = listed?;
        if let Some((name, _)) = listed.iter().find(|(_, special)| *special) {
            return Ok(name.clone());
        }
        for usual in which.usual_names() {
            if let Some((name, _)) = listed.iter().find(|(n, _)| n.eq_ignore_ascii_case(usual)) {
                return Ok(name.clone());
            }
        }
        let name = which.local_name();
        tls::timed("CREATE", limit, self.session.create(name))
            .await
            .map_err(|elapsed| self.timed_out(elapsed))?
            .map_err(|e| self.error("CREATE", e))?;
        Ok(name.to_string())
    }

    pub async fn append(
        &mut self,
        folder: &str,
        flags: &str,
        bytes: &[u8],
    ) -> Result<(), FolderError> {
        let limit =
            self.timeouts.command + self.timeouts.command * (bytes.len() / 1_000_000) as u32;
        tls::timed(
            "APPEND",
            limit,
            self.session.append(folder, Some(flags), None, bytes),
        )
        .await
        .map_err(|elapsed| self.timed_out(elapsed))?
        .map_err(|e| self.error("APPEND", e))
    }

    /// Every message in a folder, by UID (for reopening drafts).
    pub async fn fetch_all(&mut self, folder: &str) -> Result<Vec<(u32, Vec<u8>)>, FolderError> {
        let limit = self.timeouts.command;
        tls::timed("SELECT", limit, self.session.select(folder))
            .await
            .map_err(|elapsed| self.timed_out(elapsed))?
            .map_err(|e| self.error("SELECT", e))?;
        let fetched: Result<Vec<(u32, Vec<u8>)>, String> = tls::timed("FETCH", limit, async {
            let stream = self
                .session
                .uid_fetch("1:*", "(UID BODY.PEEK[])")
                .await
                .map_err(|e| e.to_string())?;
            let fetches: Vec<_> = stream.try_collect().await.map_err(|e| e.to_string())?;
            Ok(fetches
                .iter()
                .filter_map(|f| Some((f.uid?, f.body()?.to_vec())))
                .collect())
        })
        .await
        .map_err(|elapsed| self.timed_out(elapsed))?;
        fetched.map_err(|e| self.error("FETCH", e))
    }

    /// Deletes one message by UID from the selected folder (an old draft version).
    pub async fn delete_uid(&mut self, uid: u32) -> Result<(), FolderError> {
        let limit = self.timeouts.command;
        let result: Result<(), String> = tls::timed("EXPUNGE", limit, async {
            let stream = self
                .session
                .uid_store(uid.to_string(), "+FLAGS.SILENT (\\Deleted)")
                .await
                .map_err(|e| e.to_string())?;
            let _: Vec<_> = stream.try_collect().await.map_err(|e| e.to_string())?;
            let stream = self
                .session
                .uid_expunge(uid.to_string())
                .await
                .map_err(|e| e.to_string())?;
            let _: Vec<_> = stream.try_collect().await.map_err(|e| e.to_string())?;
            Ok(())
        })
        .await
        .map_err(|elapsed| self.timed_out(elapsed))?;
        result.map_err(|e| self.error("EXPUNGE", e))
    }

    pub async fn logout(mut self) {
        let _ = tls::timed("LOGOUT", self.timeouts.command, self.session.logout()).await;
    }
}

/// A saved draft: where it lives, so saving again replaces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftRef {
    Imap { folder: String, uid: Option<u32> },
    Local { file_name: String },
}

/// Saves a draft (IMAP: APPEND to Drafts with \Draft; POP3: the local Drafts Maildir).
/// `replaces` is the earlier version of this draft, removed once the new one is stored.
pub async fn save_draft(
    paths: &Paths,
    account: &Account,
    password: &Password,
    draft: &Draft,
    replaces: Option<&DraftRef>,
    timeouts: &Timeouts,
) -> Result<DraftRef, FolderError> {
    let built = compose::build_draft(account, draft)?;
    match account.protocol {
        Protocol::Pop3 => {
            let maildir = local_folder(paths, account, Special::Drafts.local_name())?;
            let entry = maildir.deliver(&built.bytes, Subdir::Cur, None, &Flags::new("DS"))?;
            if let Some(DraftRef::Local { file_name }) = replaces {
                if let Some(old) = maildir
                    .list()?
                    .into_iter()
                    .find(|e| &e.file_name == file_name)
                {
                    maildir.remove(&old)?;
                }
            }
            Ok(DraftRef::Local {
                file_name: entry.file_name,
            })
        }
        Protocol::Imap => {
            let mut folders = Folders::connect(account, password, timeouts).await?;
            let folder = folders.find(Special::Drafts).await?;
            folders
                .append(&folder, "(\\Draft \\Seen)", &built.bytes)
                .await?;
            if let Some(DraftRef::Imap {
                folder: old_folder,
                uid: Some(uid),
            }) = replaces
            {
                let old_folder = old_folder.clone();
                folders
                    .session
                    .select(&old_folder)
                    .await
                    .map_err(|e| folders.error("SELECT", e))?;
                folders.delete_uid(*uid).await?;
            }
            folders.logout().await;
            Ok(DraftRef::Imap { folder, uid: None })
        }
    }
}

/// Every saved draft, ready to edit again.
pub async fn list_drafts(
    paths: &Paths,
    account: &Account,
    password: &Password,
    timeouts: &Timeouts,
) -> Result<Vec<(DraftRef, Draft)>, FolderError> {
    match account.protocol {
        Protocol::Pop3 => {
            let maildir = local_folder(paths, account, Special::Drafts.local_name())?;
            let mut drafts = Vec::new();
            for entry in maildir.list()? {
                if let Some(draft) = compose::reopen(&maildir.read(&entry)?) {
                    drafts.push((
                        DraftRef::Local {
                            file_name: entry.file_name,
                        },
                        draft,
                    ));
                }
            }
            Ok(drafts)
        }
        Protocol::Imap => {
            let mut folders = Folders::connect(account, password, timeouts).await?;
            let folder = folders.find(Special::Drafts).await?;
            let messages = folders.fetch_all(&folder).await?;
            folders.logout().await;
            Ok(messages
                .into_iter()
                .filter_map(|(uid, raw)| {
                    Some((
                        DraftRef::Imap {
                            folder: folder.clone(),
                            uid: Some(uid),
                        },
                        compose::reopen(&raw)?,
                    ))
                })
                .collect())
        }
    }
}

/// Stores Sent copies: IMAP APPEND (\Seen) to the Sent folder over one session; POP3
/// into the local Sent Maildir. Calls `stored` after each durable copy so the caller can
/// drop that message from the outbox at once.
pub async fn store_sent(
    paths: &Paths,
    account: &Account,
    password: &Password,
    messages: Vec<Vec<u8>>,
    timeouts: &Timeouts,
    mut stored: impl FnMut(usize) -> std::io::Result<()>,
) -> Result<(), FolderError> {
    if messages.is_empty() {
        return Ok(());
    }
    match account.protocol {
        Protocol::Pop3 => {
            let maildir = local_folder(paths, account, Special::Sent.local_name())?;
            for (i, bytes) in messages.iter().enumerate() {
                maildir.deliver(bytes, Subdir::Cur, None, &Flags::new("S"))?;
                stored(i)?;
            }
            Ok(())
        }
        Protocol::Imap => {
            let mut folders = Folders::connect(account, password, timeouts).await?;
            let folder = folders.find(Special::Sent).await?;
            for (i, bytes) in messages.iter().enumerate() {
                folders.append(&folder, "(\\Seen)", bytes).await?;
                stored(i)?;
            }
            folders.logout().await;
            Ok(())
        }
    }
}
