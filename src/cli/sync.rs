//! `pillarbox sync [--account ADDR] [--folder NAME]`: syncs IMAP accounts into the
//! local cache and prints what changed in each folder; POP3 accounts download their Inbox.

use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::{report_error, secret_failure, Context, EXIT_FAILURE};
use crate::fl;
use crate::mail::account::{Account, Protocol};
use crate::mail::config::Config;
use crate::mail::imap::conn::Conn;
use crate::mail::imap::{sync_account, ImapError, Progress, SyncOptions, SyncSummary};
use crate::mail::secret;
use crate::mail::tls::Timeouts;

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Sync only this account (its address).
    #[arg(long, value_name = "ADDR")]
    pub account: Option<String>,
    /// Sync only this folder.
    #[arg(long, value_name = "NAME")]
    pub folder: Option<String>,
}

/// The IMAP accounts a command applies to: the one named, or all of them.
pub fn imap_accounts(config: &Config, wanted: Option<&str>) -> Result<Vec<Account>, ExitCode> {
    match wanted {
        Some(address) => {
            let wanted = address.trim().to_lowercase();
            let Some(account) = config.accounts.iter().find(|a| a.id().0 == wanted) else {
                report_error(&fl!("sync-unknown-account", account = address), None);
                return Err(ExitCode::from(EXIT_FAILURE));
            };
            if account.protocol != Protocol::Imap {
                report_error(&fl!("sync-not-imap", account = address), None);
                return Err(ExitCode::from(EXIT_FAILURE));
            }
            Ok(vec![account.clone()])
        }
        None => {
            let accounts: Vec<Account> = config
                .accounts
                .iter()
                .filter(|a| a.protocol == Protocol::Imap)
                .cloned()
                .collect();
            if accounts.is_empty() {
                report_error(&fl!("sync-no-account"), None);
                return Err(ExitCode::from(EXIT_FAILURE));
            }
            Ok(accounts)
        }
    }
}

/// The accounts `pillarbox sync` fetches for: the one named, or every account (IMAP and POP3).
fn sync_accounts(config: &Config, wanted: Option<&str>) -> Result<Vec<Account>, ExitCode> {
    let Some(address) = wanted else {
        if config.accounts.is_empty() {
            report_error(&fl!("sync-no-any-account"), None);
            return Err(ExitCode::from(EXIT_FAILURE));
        }
        return Ok(config.accounts.clone());
    };
    let wanted = address.trim().to_lowercase();
    match config.accounts.iter().find(|a| a.id().0 == wanted) {
        Some(account) => Ok(vec![account.clone()]),
        None => {
            report_error(&fl!("sync-unknown-account", account = address), None);
            Err(ExitCode::from(EXIT_FAILURE))
        }
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime can be built")
}

pub fn run(args: SyncArgs, ctx: &Context) -> ExitCode {
    let config = match ctx.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let accounts = match sync_accounts(&config, args.account.as_deref()) {
        Ok(accounts) => accounts,
        Err(code) => return code,
    };
    let runtime = runtime();
    let mut failed = false;
    for account in accounts {
        if account.protocol == Protocol::Pop3 {
            // POP3 has one folder: --folder does not apply.
            failed |= super::pop3::sync_account(ctx, &account) != ExitCode::SUCCESS;
            continue;
        }
        let password = match secret::password_for(&account) {
            Ok(password) => password,
            Err(error) => return secret_failure(&error),
        };
        let options = SyncOptions {
            folder: args.folder.clone(),
            ..SyncOptions::default()
        };
        let started = Instant::now();
        let result = runtime.block_on(async {
            let mut conn = Conn::connect(&account, &password, &Timeouts::default()).await?;
            let summary =
                sync_account(&mut conn, &ctx.paths, &account, &options, &show_progress).await?;
            conn.logout().await;
            Ok::<_, ImapError>(summary)
        });
        match result {
            Ok(summary) => print_summary(&summary, started.elapsed().as_secs_f64()),
            Err(error) => {
                report_error(&error.user_message(), None);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

/// Progress on one updating line, only when someone is watching the terminal.
fn show_progress(progress: Progress) {
    use std::io::{IsTerminal, Write};
    let mut stderr = std::io::stderr();
    if !stderr.is_terminal() {
        return;
    }
    match progress {
        Progress::Fetching {
            folder,
            done,
            total,
            ..
        } => {
            let _ = write!(
                stderr,
                "\r{}\x1b[K",
                fl!("sync-progress", folder = folder, done = done, total = total)
            );
        }
        Progress::FolderDone(_) => {
            let _ = write!(stderr, "\r\x1b[K");
        }
    }
    let _ = stderr.flush();
}

fn print_summary(summary: &SyncSummary, secs: f64) {
    if summary.replayed > 0 {
        println!("{}", fl!("sync-replayed", count = summary.replayed));
    }
    for folder in &summary.folders_added {
        println!("{}", fl!("sync-folder-added", folder = folder.clone()));
    }
    for (from, to) in &summary.folders_renamed {
        println!(
            "{}",
            fl!("sync-folder-renamed", from = from.clone(), to = to.clone())
        );
    }
    for folder in &summary.folders_removed {
        println!("{}", fl!("sync-folder-removed", folder = folder.clone()));
    }
    for folder in &summary.folders {
        if folder.unchanged {
            println!(
                "{}",
                fl!(
                    "sync-folder-unchanged",
                    folder = folder.folder.clone(),
                    total = folder.total
                )
            );
        } else {
            println!(
                "{}",
                fl!(
                    "sync-folder-line",
                    folder = folder.folder.clone(),
                    total = folder.total,
                    added = folder.added,
                    removed = folder.removed,
                    flags = folder.flags_changed
                )
            );
        }
    }
    let bytes: u64 = summary.folders.iter().map(|f| f.bytes).sum();
    println!(
        "{}",
        fl!(
            "sync-summary",
            folders = summary.folders.len(),
            added = summary.added(),
            bytes = crate::i18n::format::format_size(bytes),
            secs = format!("{secs:.2}")
        )
    );
}
