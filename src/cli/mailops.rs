//! `pillarbox flag ID +seen|-seen|+flagged|-flagged`, `move ID FOLDER`, `delete ID`.
//!
//! The change is journalled and applied to the cache at once, then sent to the server
//! straight away when it can be reached; otherwise the next sync sends it.

use std::process::ExitCode;

use clap::Args;

use super::sync::{imap_accounts, runtime};
use super::{report_error, Context, EXIT_FAILURE, EXIT_USAGE};
use crate::fl;
use crate::mail::imap::conn::Conn;
use crate::mail::imap::journal::{self, LocalChange, MessageRef};
use crate::mail::imap::state::AccountState;
use crate::mail::imap::ImapError;
use crate::mail::secret;
use crate::mail::tls::Timeouts;

#[derive(Debug, Args)]
pub struct FlagArgs {
    /// The message, as FOLDER:UID (e.g. INBOX:42).
    pub id: MessageRef,
    /// +seen, -seen, +flagged or -flagged (several allowed).
    #[arg(required = true, allow_hyphen_values = true)]
    pub changes: Vec<String>,
    #[arg(long, value_name = "ADDR")]
    pub account: Option<String>,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The message, as FOLDER:UID.
    pub id: MessageRef,
    /// The folder to move it to.
    pub folder: String,
    #[arg(long, value_name = "ADDR")]
    pub account: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The message, as FOLDER:UID. It goes to the Trash (or is removed when already there).
    pub id: MessageRef,
    #[arg(long, value_name = "ADDR")]
    pub account: Option<String>,
}

fn parse_flag(change: &str) -> Option<LocalChange> {
    let (on, name) = match change.split_at_checked(1)? {
        ("+", name) => (true, name),
        ("-", name) => (false, name),
        _ => return None,
    };
    let flag = match name.to_lowercase().as_str() {
        "seen" | "read" => 'S',
        "flagged" | "starred" => 'F',
        "answered" | "replied" => 'R',
        _ => return None,
    };
    Some(LocalChange::Flag { flag, on })
}

pub fn run_flag(args: FlagArgs, ctx: &Context) -> ExitCode {
    let mut changes = Vec::new();
    for text in &args.changes {
        match parse_flag(text) {
            Some(change) => changes.push(change),
            None => {
                report_error(&fl!("mailops-bad-flag", flag = text.clone()), None);
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    apply(ctx, args.account.as_deref(), &args.id, &changes)
}

pub fn run_move(args: MoveArgs, ctx: &Context) -> ExitCode {
    let change = LocalChange::Move { to: args.folder };
    apply(ctx, args.account.as_deref(), &args.id, &[change])
}

pub fn run_delete(args: DeleteArgs, ctx: &Context) -> ExitCode {
    apply(
        ctx,
        args.account.as_deref(),
        &args.id,
        &[LocalChange::Delete],
    )
}

fn apply(
    ctx: &Context,
    account: Option<&str>,
    id: &MessageRef,
    changes: &[LocalChange],
) -> ExitCode {
    let config = match ctx.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let accounts = match imap_accounts(&config, account) {
        Ok(accounts) => accounts,
        Err(code) => return code,
    };
    let account = &accounts[0];
    for change in changes {
        if let Err(error) = journal::apply(&ctx.paths, account, id, change) {
            report_error(&error.user_message(), None);
            return ExitCode::from(EXIT_FAILURE);
        }
    }
    // Now try to tell the server; failing that, the journal keeps the change.
    let pushed = secret::password_for(account)
        .map_err(|e| e.user_message())
        .and_then(|password| {
            runtime()
                .block_on(async {
                    let mut conn = Conn::connect(account, &password, &Timeouts::default()).await?;
                    let state = AccountState::load(&ctx.paths.state_dir(&account.id()));
                    journal::replay(&mut conn, &ctx.paths, account, &state).await?;
                    conn.logout().await;
                    Ok::<_, ImapError>(())
                })
                .map_err(|e| e.user_message())
        });
    match pushed {
        Ok(()) => println!("{}", fl!("mailops-done", message = id.to_string())),
        Err(detail) => println!("{}", fl!("mailops-queued", detail = detail)),
    }
    ExitCode::SUCCESS
}
