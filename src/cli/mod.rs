//! The command line: `pillarbox` alone opens the window; subcommands script the engine.
//!
//! Each area owns one file, `src/cli/<area>.rs`, with a clap `Args` struct and
//! `pub fn run(args, &Context) -> ExitCode`, and adds one variant to [`Command`] and one
//! arm to [`dispatch`]. Everything a user reads goes through Fluent (`cli-` keys).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::fl;
use crate::mail::config::{Config, ConfigError};
use crate::mail::paths::Paths;

pub mod account;
pub mod mailops;
pub mod paths;
pub mod sync;

#[derive(Debug, Parser)]
#[command(
    name = "pillarbox",
    version,
    about = "A fast, safe mail client for BT Email and any IMAP/POP3/SMTP provider.",
    long_about = "A fast, safe mail client for BT Email and any IMAP/POP3/SMTP provider.\n\n\
                  Run without a command to open the window."
)]
pub struct Cli {
    /// Language for messages, such as cy or en-GB (default: the settings, then the system's).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, list and remove accounts.
    Account(account::AccountArgs),
    /// Show where Pillarbox keeps its settings and mail.
    Paths(paths::PathsArgs),
    /// Sync IMAP accounts into the local mail cache.
    Sync(sync::SyncArgs),
    /// Mark a message read/unread or flagged/unflagged (ID is FOLDER:UID).
    Flag(mailops::FlagArgs),
    /// Move a message to another folder.
    Move(mailops::MoveArgs),
    /// Delete a message (to the Trash, or for good when already there).
    Delete(mailops::DeleteArgs),
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version land here too, with exit code 0.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };
    init_logging();

    let paths = Paths::from_env();
    let language = cli.lang.clone().or_else(|| {
        let paths = paths.as_ref().ok()?;
        Config::load(paths).ok()?.settings.language
    });
    crate::i18n::init(language.as_deref());
    // Bidi isolation marks garble terminals and break copying paths out of the output.
    crate::i18n::LANGUAGE_LOADER.set_use_isolating(false);

    if std::env::var("PILLARBOX_KEYRING").as_deref() == Ok("memory") {
        crate::mail::secret::use_mock_store();
    }

    let Some(command) = cli.command else {
        return crate::ui::run();
    };
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
        Command::Sync(args) => sync::run(args, ctx),
        Command::Flag(args) => mailops::run_flag(args, ctx),
        Command::Move(args) => mailops::run_move(args, ctx),
        Command::Delete(args) => mailops::run_delete(args, ctx),
    }
}

/// Logs to stderr; `RUST_LOG` chooses the detail, warnings and errors by default.
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    // i18n-embed logs an error for locales such as "C"; we fall back to en-GB quietly.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,i18n_embed::requester=off"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

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
}
