//! The command line: `pillarbox` alone opens the window; subcommands script the engine.
//!
//! Each area owns one file, `src/cli/<area>.rs`, with a clap `Args` struct and
//! `pub fn run(args, &Context) -> ExitCode`, and adds one variant to [`Command`] and one
//! arm to [`dispatch`]. Everything a user reads goes through Fluent (`cli-` keys); `--help`
//! texts come from `cli-about-<command path>` and `cli-arg-<command path>-<arg id>` keys when
//! present (see [`help`]), the doc comments otherwise.
//!
//! Environment: `PILLARBOX_HOME` (all files under one folder), `RUST_LOG` (log detail on
//! stderr and in the log file, see [`crate::logging`]), and `PILLARBOX_KEYRING=memory` for tests: passwords go to an
//! in-memory store that is forgotten when the command ends (never to a file).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::fl;
use crate::mail::account::{Account, AccountId};
use crate::mail::config::{Config, ConfigError};
use crate::mail::paths::Paths;

pub mod account;
pub mod check;
pub mod help;
pub mod mailops;
pub mod open;
pub mod paths;
pub mod pop3;
pub mod send;
pub mod store;
pub mod sync;

#[derive(Debug, Parser)]
#[command(
    name = "pillarbox",
    version,
    about = "A fast, safe mail client for BT Email and any IMAP/POP3/SMTP provider. \
             Run without a command to open the window."
)]
pub struct Cli {
    /// Language for messages, such as cy or en-GB (default: the settings, then the system's).
    #[arg(long, global = true, value_name = "LANG", overrides_with = "lang")]
    pub lang: Option<String>,

    /// Open the window on N made-up messages (default 300) in a temporary folder, with no network.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "300")]
    pub demo: Option<usize>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// A `mailto:` link, as the desktop passes it when an email link is clicked, or a
    /// message file (path or `file:` URL) to show.
    #[command(external_subcommand)]
    Link(Vec<String>),
    /// Open a saved message (an .eml file) in a window, read-only.
    Open(open::OpenArgs),
    /// Add, list and remove accounts.
    Account(account::AccountArgs),
    /// Show where Pillarbox keeps its settings and mail.
    Paths(paths::PathsArgs),
    /// Write a message and send it (through the Outbox).
    Send(send::SendArgs),
    /// Show the Outbox, send what is waiting in it, or retry failed messages.
    Outbox(send::OutboxArgs),
    /// Fetch new mail: sync IMAP accounts into the local cache, download POP3 accounts.
    Sync(sync::SyncArgs),
    /// Mark a message read/unread or flagged/unflagged (ID is FOLDER:UID).
    Flag(mailops::FlagArgs),
    /// Move a message to another folder.
    Move(mailops::MoveArgs),
    /// Delete a message (to the Trash, or for good when already there).
    Delete(mailops::DeleteArgs),
    /// List the messages of a folder (or search them, or list the folders).
    List(store::ListArgs),
    /// Show one message: its headers and text, or with --raw its exact bytes.
    Show(store::ShowArgs),
    /// Bring the message index in line with the Maildir folders on disk.
    Reindex(store::ReindexArgs),
    /// Download one POP3 mailbox described on the command line (for fault-injection tests).
    #[command(name = "pop3-sync", hide = true)]
    Pop3Sync(pop3::Pop3SyncArgs),
}

/// What every subcommand gets: where the files are.
#[derive(Clone, Debug)]
pub struct Context {
    pub paths: Paths,
}

impl Context {
    /// Loads the config, or prints why it can't be read and gives the exit code.
    pub fn load_config(&self) -> Result<Config, ExitCode> {
        Config::load(&self.paths).map_err(|e| config_failure(&e))
    }

    /// The accounts a command works on: the one named by `--account ADDR`, or all of them.
    /// Prints why and gives the exit code when the address is not set up.
    pub fn accounts(&self, only: Option<&str>) -> Result<Vec<Account>, ExitCode> {
        let config = self.load_config()?;
        match only {
            None => Ok(config.accounts),
            Some(email) => {
                let id = AccountId(email.trim().to_lowercase());
                match config.account(&id) {
                    Some(account) => Ok(vec![account.clone()]),
                    None => Err(config_failure(&ConfigError::NoSuchAccount(id))),
                }
            }
        }
    }
}

/// Exit status for a command that failed at run time.
pub const EXIT_FAILURE: u8 = 1;
/// Exit status for a command given wrong arguments (as clap uses).
pub const EXIT_USAGE: u8 = 2;

/// Prints a localised error and an optional hint to stderr.
pub fn report_error(message: &str, hint: Option<&str>) {
    eprintln!("{}", fl!("cli-error", message = message));
    if let Some(hint) = hint {
        eprintln!("{}", fl!("cli-hint", hint = hint));
    }
}

pub fn report_warning(message: &str) {
    eprintln!("{}", fl!("cli-warning", message = message));
}

pub fn config_failure(error: &ConfigError) -> ExitCode {
    report_error(&error.user_message(), error.hint().as_deref());
    ExitCode::from(EXIT_FAILURE)
}

pub fn secret_failure(error: &crate::mail::secret::SecretError) -> ExitCode {
    report_error(&error.user_message(), Some(&error.hint()));
    ExitCode::from(EXIT_FAILURE)
}

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();

    // The language is needed before parsing, to localise --help; the log level before anything
    // worth logging.
    let paths = Paths::from_env();
    let settings = paths
        .as_ref()
        .ok()
        .and_then(|paths| Config::load(paths).ok())
        .map(|config| config.settings);
    let log_dir = paths.as_ref().ok().map(Paths::log_dir);
    crate::logging::init(
        log_dir.as_deref(),
        settings.as_ref().and_then(|s| s.log_level.as_deref()),
    );
    let language = lang_from_args(&args).or_else(|| settings?.language);
    crate::i18n::init(language.as_deref());

    let parsed = help::localize(Cli::command())
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version land here too, with exit code 0.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };

    if std::env::var("PILLARBOX_KEYRING").as_deref() == Ok("memory") {
        crate::mail::secret::use_mock_store();
    }

    if let Some(count) = cli.demo {
        return crate::ui::mailbox::run_demo(count);
    }
    let Some(command) = cli.command else {
        return crate::ui::run();
    };
    // Bidi isolation marks garble terminals and break copying paths out of the output.
    crate::i18n::LANGUAGE_LOADER.set_use_isolating(false);
    let paths = match paths {
        Ok(paths) => paths,
        Err(_) => {
            report_error(&fl!("cli-no-home"), Some(&fl!("cli-no-home-hint")));
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    dispatch(command, &Context { paths })
}

pub fn dispatch(command: Command, ctx: &Context) -> ExitCode {
    match command {
        Command::Account(args) => account::run(args, ctx),
        Command::Paths(args) => paths::run(args, ctx),
        Command::List(args) => store::run_list(args, ctx),
        Command::Show(args) => store::run_show(args, ctx),
        Command::Reindex(args) => store::run_reindex(args, ctx),
        Command::Sync(args) => sync::run(args, ctx),
        Command::Flag(args) => mailops::run_flag(args, ctx),
        Command::Move(args) => mailops::run_move(args, ctx),
        Command::Delete(args) => mailops::run_delete(args, ctx),
        Command::Pop3Sync(args) => pop3::run(args, ctx),
        Command::Send(args) => send::run_send(args, ctx),
        Command::Outbox(args) => send::run_outbox(args, ctx),
        Command::Link(words) => open_link(&words),
        Command::Open(args) => open::run(args),
    }
}

/// The last `--lang X` or `--lang=X` before any `--` (clap, too, keeps the last one).
fn lang_from_args(args: &[OsString]) -> Option<String> {
    let mut found = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            found = iter.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = Some(value.to_string());
        }
    }
    found
}

/// `pillarbox mailto:...` opens the window with the composer filled in from the link;
/// `pillarbox FILE.eml` a window on that message.
fn open_link(words: &[String]) -> ExitCode {
    match open::route(words) {
        Ok(open::Target::Compose(mailto)) => crate::ui::run_with(Some(mailto)),
        Ok(open::Target::View(path)) => open::open_message(&path),
        Err(message) => {
            report_error(&message, None);
            ExitCode::from(EXIT_USAGE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_subcommand_means_the_window() {
        let cli = Cli::try_parse_from(["pillarbox"]).unwrap();
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["pillarbox", "--lang", "cy"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.lang.as_deref(), Some("cy"));
    }

    #[test]
    fn open_and_a_bare_path_do_not_shadow_the_commands() {
        let cli = Cli::try_parse_from(["pillarbox", "open", "x.eml"]).unwrap();
        assert!(
            matches!(cli.command, Some(Command::Open(a)) if a.file == std::path::Path::new("x.eml"))
        );
        let cli = Cli::try_parse_from(["pillarbox", "paths"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Paths(_))));
        let cli = Cli::try_parse_from(["pillarbox", "/tmp/m.eml"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Link(w)) if w == ["/tmp/m.eml"]));
    }

    #[test]
    fn context_selects_accounts_by_address() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = Context {
            paths: Paths::under(dir.path()),
        };
        assert!(ctx.accounts(None).unwrap().is_empty());
        let mut config = Config::default();
        for email in ["ann@btinternet.com", "bob@talk21.com"] {
            let account =
                crate::mail::provider::account_for(email, "", crate::mail::account::Protocol::Imap);
            config.add_account(account).unwrap();
        }
        config.save(&ctx.paths).unwrap();
        assert_eq!(ctx.accounts(None).unwrap().len(), 2);
        let only = ctx.accounts(Some(" BOB@talk21.com")).unwrap();
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].email, "bob@talk21.com");
        assert!(ctx.accounts(Some("carol@talk21.com")).is_err());
    }

    #[test]
    fn lang_is_found_before_parsing() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from_args(&args(&["pillarbox", "account", "--lang", "cy", "list"])).as_deref(),
            Some("cy")
        );
        assert_eq!(
            lang_from_args(&args(&["pillarbox", "--lang=en-GB"])).as_deref(),
            Some("en-GB")
        );
        assert_eq!(
            lang_from_args(&args(&["pillarbox", "--", "--lang", "cy"])),
            None
        );
        assert_eq!(
            lang_from_args(&args(&["pillarbox", "--lang", "en-GB", "--lang=cy"])).as_deref(),
            Some("cy")
        );
        assert_eq!(lang_from_args(&args(&["pillarbox"])), None);
    }
}
