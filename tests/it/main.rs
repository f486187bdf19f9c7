//! The integration tests: real servers on loopback (see tests/lab).

#[path = "../lab/mod.rs"]
mod lab;

mod pop3;
