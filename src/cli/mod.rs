//! The command line: `pillarbox` opens the window; subcommands script the engine.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod send;

#[derive(Debug, Parser)]
#[command(name = "pillarbox", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a message and send it (through the outbox).
    Send(send::SendArgs),
    /// Show the outbox, or flush it.
    Outbox(send::OutboxArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::i18n::init(None);
    let paths = match crate::mail::paths::Paths::from_env() {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Some(Command::Send(args)) => send::run_send(args, &paths),
        Some(Command::Outbox(args)) => send::run_outbox(args, &paths),
        None => ExitCode::SUCCESS,
    }
}
