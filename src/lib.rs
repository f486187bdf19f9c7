//! Pillarbox: a fast, safe desktop mail client.
//!
//! `mail` is the engine and never touches iced; `ui` is the iced app; `cli` is the
//! scriptable front end over the same engine.

pub mod cli;
pub mod demo;
pub mod i18n;
pub mod logging;
pub mod mail;
pub mod ui;

/// The application id shared by the window, the desktop file and the bundle.
pub const APP_ID: &str = "org.pillarbox.Pillarbox";

pub fn main() -> std::process::ExitCode {
    cli::main()
}
