//! `pillarbox sync` for POP3 accounts: download (and delete) with progress on stderr.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{Context, EXIT_FAILURE, EXIT_USAGE};
use crate::fl;
use crate::mail::account::{Account, Protocol, Server};
use crate::mail::paths::Paths;
use crate::mail::pop3::{self, Event, Job, Pop3Error, Summary};
use crate::mail::secret::{password_for, Password};
use crate::mail::tls::Timeouts;

/// What `pillarbox sync` runs for a POP3 account: gets the password (keyring or
/// password command), downloads, prints one summary line, reports errors localised.
pub fn sync_account(ctx: &Context, account: &Account) -> ExitCode {
    let password = match password_for(account) {
        Ok(password) => password,
        Err(error) => return super::secret_failure(&error),
    };
    match sync_pop3(
        &ctx.paths,
        account,
        &password,
        Timeouts::default(),
        &mut io::stdout(),
    ) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => failure(&error),
    }
}

/// Downloads one POP3 account's new mail; prints one summary line to `out` and progress
/// to stderr when it is a terminal.
pub fn sync_pop3(
    paths: &Paths,
    account: &Account,
    password: &Password,
    timeouts: Timeouts,
    out: &mut dyn Write,
) -> Result<Summary, Pop3Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| Pop3Error::Disk {
            path: paths.data_dir.clone(),
            source,
        })?;
    let mut job = Job::new(paths, account, password);
    job.timeouts = timeouts;
    let show_progress = io::stderr().is_terminal();
    let mut on_event = |event: Event| match event {
        Event::Listed { uidl: false, .. } => super::report_warning(&fl!("pop-no-uidl-note")),
        Event::Downloaded { done, total, .. } if show_progress => {
            eprint!("\r{}", fl!("pop-progress", done = done, total = total));
            if done == total {
                eprintln!();
            }
        }
        _ => {}
    };
    let summary = runtime.block_on(pop3::download(&job, &mut on_event))?;
    let _ = writeln!(
        out,
        "{}",
        fl!(
            "pop-summary",
            account = account.email.as_str(),
            downloaded = summary.downloaded,
            deleted = summary.deleted,
            kept = summary.kept
        )
    );
    Ok(summary)
}

/// Prints a POP3 error and its hint, localised, and gives the exit code.
pub fn failure(error: &Pop3Error) -> ExitCode {
    super::report_error(&error.localized(), Some(&error.hint()));
    ExitCode::from(EXIT_FAILURE)
}

/// `pillarbox pop3-sync` (hidden): one POP3 mailbox described on the command line, no
/// config needed. The fault-injection tests kill it at random points. The password is
/// the first line of standard input.
#[derive(Debug, Args)]
pub struct Pop3SyncArgs {
    #[arg(long)]
    email: String,
    #[arg(long)]
    host: String,
    #[arg(long, default_value_t = 995)]
    port: u16,
    #[arg(long)]
    ca_file: Option<PathBuf>,
    #[arg(long)]
    leave_on_server: bool,
    #[arg(long)]
    delete_after_days: Option<u32>,
    /// Time limit of each network step, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
}

pub fn run(args: Pop3SyncArgs, ctx: &Context) -> ExitCode {
    let mut line = String::new();
    if io::stdin().lock().read_line(&mut line).is_err() || line.is_empty() {
        super::report_error(&fl!("pop-no-password"), None);
        return ExitCode::from(EXIT_USAGE);
    }
    let password = Password::from_first_line(&line);
    let mut account = Account {
        email: args.email.clone(),
        protocol: Protocol::Pop3,
        incoming: Server {
            host: args.host,
            port: args.port,
            username: args.email,
            ..Server::default()
        },
        ca_file: args.ca_file,
        ..Account::default()
    };
    account.pop3.leave_on_server = args.leave_on_server;
    account.pop3.delete_after_days = args.delete_after_days;
    let timeouts = Timeouts::all(Duration::from_secs(args.timeout.max(1)));
    match sync_pop3(&ctx.paths, &account, &password, timeouts, &mut io::stdout()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => failure(&error),
    }
}
