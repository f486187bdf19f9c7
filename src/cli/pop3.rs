//! `pillarbox sync` for POP3 accounts: download (and delete) with progress on stderr.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use crate::mail::account::{Account, Protocol, Server};
use crate::mail::paths::Paths;
use crate::mail::pop3::{self, Event, Job, Pop3Error, Summary};
use crate::mail::secret::Password;
use crate::mail::tls::Timeouts;

/// Downloads one POP3 account's new mail; prints one summary line to `out`.
/// Errors come back for the caller to print with [`report_error`].
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
        Event::Listed { uidl: false, .. } => {
            eprintln!("{}", crate::fl!("pop-no-uidl-note"));
        }
        Event::Downloaded { done, total, .. } if show_progress => {
            eprint!("\r{}", crate::fl!("pop-progress", done = done, total = total));
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
        crate::fl!(
            "pop-summary",
            account = account.email.as_str(),
            downloaded = summary.downloaded,
            deleted = summary.deleted,
            kept = summary.kept
        )
    );
    Ok(summary)
}

/// Prints an error and its hint, localised, on stderr.
pub fn report_error(error: &Pop3Error) {
    eprintln!("{}", error.localized());
    eprintln!("{}", error.hint());
}

/// `pillarbox pop3-sync`: a hidden, scriptable front end used by the fault-injection tests
/// (they kill it at random points). The password is the first line of standard input.
#[derive(Debug, Parser)]
#[command(name = "pillarbox pop3-sync", hide = true)]
struct Pop3SyncArgs {
    #[arg(long)]
    email: String,
    #[arg(long)]
    host: String,
    #[arg(long, default_value_t = 995)]
    port: u16,
    #[arg(long)]
    ca_file: Option<std::path::PathBuf>,
    #[arg(long)]
    leave_on_server: bool,
    #[arg(long)]
    delete_after_days: Option<u32>,
    /// Time limit of each network step, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
}

pub fn pop3_sync_main(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let args = match Pop3SyncArgs::try_parse_from(args) {
        Ok(args) => args,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(2);
        }
    };
    let paths = match Paths::from_env() {
        Ok(paths) => paths,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let mut line = String::new();
    if io::stdin().lock().read_line(&mut line).is_err() {
        eprintln!("no password on standard input");
        return ExitCode::from(2);
    }
    let password = Password::new(line.trim_end_matches(['\r', '\n']));
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
    match sync_pop3(&paths, &account, &password, timeouts, &mut io::stdout()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            report_error(&error);
            ExitCode::FAILURE
        }
    }
}
