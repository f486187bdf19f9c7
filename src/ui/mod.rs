//! The iced desktop app.

pub mod mailbox;

/// Opens the window. A placeholder until the UI lands: the UI helper replaces this.
pub fn run() -> std::process::ExitCode {
    eprintln!("{}", crate::fl!("cli-ui-unavailable"));
    std::process::ExitCode::FAILURE
}
