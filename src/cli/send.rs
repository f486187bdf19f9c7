//! `pillarbox send`, `pillarbox outbox`, `pillarbox outbox flush`, `pillarbox outbox retry`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::mail::account::Account;
use crate::mail::compose::{self, AttachmentSpec, Draft, Person};
use crate::mail::outbox::{self, Outbox, State};
use crate::mail::paths::Paths;
use crate::mail::secret::Password;
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
fn person(text: &str) -> Person {
    match text.rsplit_once('<') {
        Some((name, rest)) => Person::new(
            Some(name.trim().trim_matches('"')),
            rest.trim_end().trim_end_matches('>'),
        ),
        None => Person::new(None, text),
    }
}

fn fail(message: String) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts")
}

pub fn run_send(args: SendArgs, paths: &Paths) -> ExitCode {
    let account = match account::load(paths, args.account.as_deref()) {
        Ok(account) => account,
        Err(message) => return fail(message),
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
        to: args.to.iter().map(|t| person(t)).collect(),
        cc: args.cc.iter().map(|t| person(t)).collect(),
        bcc: args.bcc.iter().map(|t| person(t)).collect(),
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

pub fn run_outbox(args: OutboxArgs, paths: &Paths) -> ExitCode {
    let account = match account::load(paths, args.account.as_deref()) {
        Ok(account) => account,
        Err(message) => return fail(message),
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
        Err(message) => return fail(message),
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

/// Finding the account and its password.
// Until the core helper's `config::Config` and `secret::password_for` are on main, this reads
// the same config file (its `[[accounts]]` tables) and runs the account's password command.
mod account {
    use super::*;

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct ConfigFile {
        accounts: Vec<Account>,
    }

    pub fn load(paths: &Paths, email: Option<&str>) -> Result<Account, String> {
        let path = paths.config_file();
        let text = std::fs::read_to_string(&path).map_err(|e| {
            crate::fl!(
                "send-cli-no-config",
                path = path.display().to_string(),
                detail = e.to_string()
            )
        })?;
        let config: ConfigFile = toml::from_str(&text).map_err(|e| {
            crate::fl!(
                "send-cli-no-config",
                path = path.display().to_string(),
                detail = e.to_string()
            )
        })?;
        let wanted = email.map(|e| e.trim().to_lowercase());
        let mut matching = config
            .accounts
            .into_iter()
            .filter(|a| wanted.as_ref().is_none_or(|w| &a.id().0 == w));
        match (matching.next(), matching.next()) {
            (Some(account), None) => Ok(account),
            (Some(_), Some(_)) => Err(crate::fl!("send-cli-which-account")),
            (None, _) => Err(crate::fl!(
                "send-cli-no-account",
                email = email.unwrap_or_default().to_string()
            )),
        }
    }

    pub fn password(account: &Account) -> Result<Password, String> {
        let Some(command) = &account.password_command else {
            return Err(crate::fl!("send-cli-no-password"));
        };
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .stdin(std::process::Stdio::null())
            .output()
            .map_err(|e| crate::fl!("send-cli-password-command", detail = e.to_string()))?;
        if !output.status.success() {
            return Err(crate::fl!(
                "send-cli-password-command",
                detail = String::from_utf8_lossy(&output.stderr).trim().to_string()
            ));
        }
        let text = String::from_utf8_lossy(&output.stdout);
        Ok(Password::new(text.trim_end_matches(['\r', '\n'])))
    }
}
