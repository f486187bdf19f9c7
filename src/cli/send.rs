//! `pillarbox send`, `pillarbox outbox`, `pillarbox outbox flush`, `pillarbox outbox retry`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{report_error, secret_failure, Context, EXIT_FAILURE, EXIT_USAGE};
use crate::mail::account::{Account, AccountId};
use crate::mail::compose::{self, AttachmentSpec, Draft, Person};
use crate::mail::outbox::{self, Outbox, State};
use crate::mail::paths::Paths;
use crate::mail::secret::{password_for, Password};
use crate::mail::tls::Timeouts;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The account to send from (its email address); the only account when omitted.
    #[arg(long)]
    pub account: Option<String>,
    /// A recipient ("Name <a@b>" or a@b); repeat for more.
    #[arg(long, required = true)]
    pub to: Vec<String>,
    #[arg(long)]
    pub cc: Vec<String>,
    #[arg(long)]
    pub bcc: Vec<String>,
    #[arg(long, default_value = "")]
    pub subject: String,
    /// The text of the message (or use --body-file).
    #[arg(long, conflicts_with = "body_file")]
    pub body: Option<String>,
    #[arg(long)]
    pub body_file: Option<PathBuf>,
    /// An HTML alternative of the text.
    #[arg(long)]
    pub html_file: Option<PathBuf>,
    /// A file to attach; repeat for more.
    #[arg(long)]
    pub attach: Vec<PathBuf>,
    /// Only put the message in the outbox; a later `outbox flush` sends it.
    #[arg(long)]
    pub queue_only: bool,
}

#[derive(Debug, Args)]
pub struct OutboxArgs {
    #[arg(long, global = true)]
    pub account: Option<String>,
    #[command(subcommand)]
    pub command: Option<OutboxCommand>,
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// Send everything that is due, over one connection.
    Flush {
        /// Also send messages waiting for their retry time.
        #[arg(long)]
        now: bool,
    },
    /// Put failed messages back in the queue.
    Retry,
}

/// Parses "Name <a@b>" or "a@b".
fn fail(message: String) -> ExitCode {
    report_error(&message, None);
    ExitCode::from(EXIT_FAILURE)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts")
}

pub fn run_send(args: SendArgs, ctx: &Context) -> ExitCode {
    let paths = &ctx.paths;
    let account = match account::load(ctx, args.account.as_deref()) {
        Ok(account) => account,
        Err(code) => return code,
    };
    let text = match (&args.body, &args.body_file) {
        (Some(body), _) => body.clone(),
        (None, Some(path)) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                return fail(crate::fl!(
                    "send-cli-read-failed",
                    path = path.display().to_string(),
                    detail = e.to_string()
                ))
            }
        },
        (None, None) => String::new(),
    };
    let html = match &args.html_file {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(html) => Some(html),
            Err(e) => {
                return fail(crate::fl!(
                    "send-cli-read-failed",
                    path = path.display().to_string(),
                    detail = e.to_string()
                ))
            }
        },
        None => None,
    };
    let mut attachments = Vec::new();
    for path in &args.attach {
        match AttachmentSpec::from_path(path) {
            Ok(a) => attachments.push(a),
            Err(e) => {
                return fail(crate::fl!(
                    "send-cli-read-failed",
                    path = path.display().to_string(),
                    detail = e.to_string()
                ))
            }
        }
    }
    let draft = Draft {
        to: args.to.iter().map(|t| Person::parse(t.as_str())).collect(),
        cc: args.cc.iter().map(|t| Person::parse(t.as_str())).collect(),
        bcc: args.bcc.iter().map(|t| Person::parse(t.as_str())).collect(),
        subject: args.subject.clone(),
        text,
        html,
        attachments,
        ..Draft::default()
    };
    let built = match compose::build(&account, &draft) {
        Ok(built) => built,
        Err(e) => return fail(e.to_string()),
    };
    if let Err(e) = outbox::queue(paths, &account, &built, &None) {
        return fail(crate::fl!("send-cli-outbox-failed", detail = e.to_string()));
    }
    println!(
        "{}",
        crate::fl!("send-cli-queued", id = built.message_id.clone())
    );
    if args.queue_only {
        return ExitCode::SUCCESS;
    }
    flush(paths, &account, false)
}

pub fn run_outbox(args: OutboxArgs, ctx: &Context) -> ExitCode {
    let paths = &ctx.paths;
    let account = match account::load(ctx, args.account.as_deref()) {
        Ok(account) => account,
        Err(code) => return code,
    };
    match args.command {
        Some(OutboxCommand::Flush { now }) => flush(paths, &account, now),
        Some(OutboxCommand::Retry) => {
            match Outbox::for_account(paths, &account.id()).and_then(|o| o.retry_all()) {
                Ok(count) => {
                    println!("{}", crate::fl!("send-cli-retried", count = count));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(crate::fl!("send-cli-outbox-failed", detail = e.to_string())),
            }
        }
        None => list(paths, &account),
    }
}

fn list(paths: &Paths, account: &Account) -> ExitCode {
    let items = match Outbox::for_account(paths, &account.id()).and_then(|o| o.list()) {
        Ok(items) => items,
        Err(e) => return fail(crate::fl!("send-cli-outbox-failed", detail = e.to_string())),
    };
    if items.is_empty() {
        println!("{}", crate::fl!("send-cli-outbox-empty"));
    }
    for item in items {
        let state = match item.meta.state {
            State::Queued => crate::fl!("send-state-queued"),
            State::Sending => crate::fl!("send-state-sending"),
            State::Sent => crate::fl!("send-state-sent"),
            State::Failed { permanent: true } => crate::fl!("send-state-failed"),
            State::Failed { permanent: false } => crate::fl!("send-state-retrying"),
        };
        println!(
            "{}\t{}\t{}\t{}",
            state,
            item.meta.message_id,
            item.meta.recipients.join(", "),
            item.meta.last_error.unwrap_or_default()
        );
    }
    ExitCode::SUCCESS
}

fn flush(paths: &Paths, account: &Account, now: bool) -> ExitCode {
    let password = match account::password(account) {
        Ok(password) => password,
        Err(code) => return code,
    };
    let report = runtime().block_on(outbox::flush(
        paths,
        account,
        &password,
        &Timeouts::default(),
        now,
        &None,
    ));
    let report = match report {
        Ok(report) => report,
        Err(e) => return fail(crate::fl!("send-cli-outbox-failed", detail = e.to_string())),
    };
    println!(
        "{}",
        crate::fl!(
            "send-cli-flushed",
            sent = report.sent,
            deferred = report.deferred,
            failed = report.failed.len(),
            remaining = report.remaining
        )
    );
    if report.busy {
        eprintln!("{}", crate::fl!("send-cli-busy"));
    }
    for (id, reason) in &report.failed {
        eprintln!("{id}: {reason}");
    }
    if let Some(error) = &report.account_error {
        eprintln!("{error}");
    }
    if let Some(error) = &report.sent_copy_error {
        eprintln!("{error}");
    }
    if report.failed.is_empty() && report.deferred == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Finding the account (in the config) and its password (keyring or password command).
mod account {
    use super::*;

    pub fn load(ctx: &Context, email: Option<&str>) -> Result<Account, ExitCode> {
        let config = ctx.load_config()?;
        let wanted = email.map(|e| AccountId(e.trim().to_lowercase()));
        let found = match &wanted {
            Some(id) => config.account(id).cloned(),
            None if config.accounts.len() == 1 => config.accounts.first().cloned(),
            None if config.accounts.len() > 1 => {
                report_error(&crate::fl!("send-cli-which-account"), None);
                return Err(ExitCode::from(EXIT_USAGE));
            }
            None => None,
        };
        found.ok_or_else(|| {
            report_error(
                &crate::fl!(
                    "send-cli-no-account",
                    email = email.unwrap_or_default().to_string()
                ),
                None,
            );
            ExitCode::from(EXIT_FAILURE)
        })
    }

    pub fn password(account: &Account) -> Result<Password, ExitCode> {
        password_for(account).map_err(|e| secret_failure(&e))
    }
}
