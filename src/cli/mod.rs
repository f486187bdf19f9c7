//! The command line: `pillarbox` opens the window; subcommands script the engine.

use std::process::ExitCode;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
