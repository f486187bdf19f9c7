//! The single integration-test binary: every area adds its module here.
//! Tests talk to the real servers of the lab (`tests/lab/`), never to mocks.

mod cli;
