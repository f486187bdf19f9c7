//! The command line: `pillarbox` opens the window; subcommands script the engine.
//!
//! Interim wiring of the store commands until the core helper's CLI lands on main; on
//! merge, keep core's version and add the three `Command` variants and dispatch arms.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::mail::paths::Paths;

pub mod store;

#[derive(Debug, Parser)]
#[command(name = "pillarbox", version)]
pub struct Cli {
    /// Language for messages, such as cy or en-GB.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the messages of a folder (or search them, or list the folders).
    List(store::ListArgs),
    /// Show one message: its headers and text, or with --raw its exact bytes.
    Show(store::ShowArgs),
    /// Bring the message index in line with the Maildir folders on disk.
    Reindex(store::ReindexArgs),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    crate::i18n::init(cli.lang.as_deref());
    crate::i18n::LANGUAGE_LOADER.set_use_isolating(false);
    let Some(command) = cli.command else {
        return ExitCode::SUCCESS;
    };
    let Ok(paths) = Paths::from_env() else {
        eprintln!("no home folder could be found; set PILLARBOX_HOME");
        return ExitCode::FAILURE;
    };
    match command {
        Command::List(args) => store::run_list(args, &paths),
        Command::Show(args) => store::run_show(args, &paths),
        Command::Reindex(args) => store::run_reindex(args, &paths),
    }
}
