//! The single integration-test binary: every area adds its module here.
//! Tests talk to the real servers of the lab (`tests/lab/`), never to mocks.

#[path = "../lab/mod.rs"]
mod lab;

mod accessibility;
mod architecture;
mod check;
mod cli;
mod i18n_keys;
mod i18n_usage;
mod imap;
mod keys;
mod lab_smoke;
mod logging;
mod mainwin;
mod mainwin_actions;
mod mainwin_lab;
mod mainwin_panes;
mod multi;
mod multi_actions;
mod pop3;
mod smtp;
mod store;
mod support;
mod wizard;
mod zoom;
