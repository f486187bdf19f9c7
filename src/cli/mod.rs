//! The command line: `pillarbox` opens the window; subcommands script the engine.

use std::process::ExitCode;

pub mod pop3;

pub fn main() -> ExitCode {
    let mut args = std::env::args_os();
    // Hidden, for the POP3 fault-injection tests until `sync` is wired by the CLI owner.
    if args.nth(1).is_some_and(|a| a == "pop3-sync") {
        return pop3::pop3_sync_main(std::env::args_os().skip(1));
    }
    ExitCode::SUCCESS
}
