//! Where log lines go: a daily file in `Paths::log_dir()` (kept for [`KEEP_FILES`] days) and
//! stderr.
//!
//! Detail: `RUST_LOG` wins when set; otherwise `settings.log_level` (a level such as "debug",
//! or full filter directives such as "pillarbox::mail::pop3=trace") for the file, and
//! warnings only on stderr. Only Pillarbox's own code logs below `warn` by default: the
//! protocol crates' trace output may quote server traffic, and the file must never hold a
//! password or a message body.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Log files kept: one per day, so about a week.
pub const KEEP_FILES: usize = 7;
/// The file level when neither `RUST_LOG` nor the settings choose one.
pub const DEFAULT_FILE_LEVEL: &str = "info";

/// Log targets that are never useful and always noisy: i18n-embed reports locales such as
/// "C" as errors, and we fall back to en-GB quietly anyway.
const QUIET: &str = "i18n_embed::requester=off";

/// The filter directives for the log file.
pub fn file_directives(rust_log: Option<&str>, setting: Option<&str>) -> String {
    if let Some(env) = rust_log.filter(|v| !v.trim().is_empty()) {
        return format!("{env},{QUIET}");
    }
    let setting = setting
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or(DEFAULT_FILE_LEVEL);
    if setting.contains('=') || setting.contains(',') {
        // Full directives: the user asked for exactly this.
        format!("warn,{setting},{QUIET}")
    } else {
        format!("warn,pillarbox={setting},{QUIET}")
    }
}

/// The filter directives for stderr: warnings unless `RUST_LOG` says otherwise.
pub fn stderr_directives(rust_log: Option<&str>) -> String {
    match rust_log.filter(|v| !v.trim().is_empty()) {
        Some(env) => format!("{env},{QUIET}"),
        None => format!("warn,{QUIET}"),
    }
}

fn filter(directives: &str) -> EnvFilter {
    // A typo in the level must not stop Pillarbox: fall back to the defaults.
    EnvFilter::try_new(directives).unwrap_or_else(|_| EnvFilter::new(format!("warn,{QUIET}")))
}

/// The daily-rotated file appender in `dir` (created when missing).
pub fn file_appender(dir: &Path) -> Result<RollingFileAppender, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("pillarbox")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))
}

/// The log file, opened on the first line logged: a command that logs nothing (a failed
/// `account add`, say) leaves no folder or file behind.
pub struct LazyFile {
    dir: PathBuf,
    file: Mutex<Option<Option<RollingFileAppender>>>,
}

impl LazyFile {
    pub fn new(dir: &Path) -> LazyFile {
        LazyFile {
            dir: dir.to_path_buf(),
            file: Mutex::new(None),
        }
    }
}

impl<'a> MakeWriter<'a> for LazyFile {
    type Writer = LazyWriter<'a>;

    fn make_writer(&'a self) -> LazyWriter<'a> {
        LazyWriter(self)
    }
}

pub struct LazyWriter<'a>(&'a LazyFile);

impl io::Write for LazyWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // One lock per formatted line: lines from different threads never interleave.
        let mut file = self.0.file.lock().unwrap_or_else(|e| e.into_inner());
        if file.is_none() {
            match file_appender(&self.0.dir) {
                Ok(appender) => *file = Some(Some(appender)),
                Err(detail) => {
                    *file = Some(None);
                    drop(file);
                    // Said once, outside the lock (Fluent may log); logging never stops
                    // Pillarbox.
                    let path = self.0.dir.display().to_string();
                    eprintln!(
                        "{}",
                        crate::fl!("log-file-error", path = path, detail = detail)
                    );
                    return Ok(buf.len());
                }
            }
        }
        match file.as_mut() {
            Some(Some(appender)) => appender.write(buf),
            _ => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut file = self.0.file.lock().unwrap_or_else(|e| e.into_inner());
        match file.as_mut() {
            Some(Some(appender)) => appender.flush(),
            _ => Ok(()),
        }
    }
}

/// Installs the global subscriber. `log_dir` is `None` when there is no home folder; then
/// only stderr gets the log. Calling it twice keeps the first.
pub fn init(log_dir: Option<&Path>, setting: Option<&str>) {
    let rust_log = std::env::var("RUST_LOG").ok();
    let rust_log = rust_log.as_deref();
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter(&stderr_directives(rust_log)));
    let file = log_dir.map(|dir| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(LazyFile::new(dir))
            .with_filter(filter(&file_directives(rust_log, setting)))
    });
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_log_wins_over_the_setting() {
        assert_eq!(
            file_directives(Some("debug"), Some("trace")),
            "debug,i18n_embed::requester=off"
        );
        assert_eq!(
            stderr_directives(Some("pillarbox=debug")),
            "pillarbox=debug,i18n_embed::requester=off"
        );
    }

    #[test]
    fn a_level_applies_to_pillarbox_only() {
        assert_eq!(
            file_directives(None, Some(" debug ")),
            "warn,pillarbox=debug,i18n_embed::requester=off"
        );
        assert_eq!(
            file_directives(Some(""), None),
            "warn,pillarbox=info,i18n_embed::requester=off"
        );
        assert_eq!(
            file_directives(None, Some("pillarbox::mail::pop3=trace")),
            "warn,pillarbox::mail::pop3=trace,i18n_embed::requester=off"
        );
        assert_eq!(stderr_directives(None), "warn,i18n_embed::requester=off");
    }

    #[test]
    fn every_default_parses() {
        for d in [
            file_directives(None, None),
            file_directives(None, Some("trace")),
            stderr_directives(None),
        ] {
            EnvFilter::try_new(&d).unwrap();
        }
    }

    #[test]
    fn the_appender_writes_into_the_log_dir() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("data/logs");
        let mut appender = file_appender(&logs).unwrap();
        appender.write_all(b"a line\n").unwrap();
        appender.flush().unwrap();
        let files: Vec<_> = std::fs::read_dir(&logs)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(
            files[0].starts_with("pillarbox.") && files[0].ends_with(".log"),
            "{files:?}"
        );
    }

    #[test]
    fn the_file_appears_with_the_first_line_only() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("data/logs");
        let lazy = LazyFile::new(&logs);
        let _writer = lazy.make_writer();
        assert!(!logs.exists(), "nothing logged, nothing created");
        lazy.make_writer().write_all(b"first\n").unwrap();
        lazy.make_writer().write_all(b"second\n").unwrap();
        lazy.make_writer().flush().unwrap();
        let files: Vec<_> = std::fs::read_dir(&logs).unwrap().collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        assert_eq!(text, "first\nsecond\n");
    }

    #[test]
    fn an_unwritable_log_dir_does_not_stop_the_program() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, b"a file where the folder should be").unwrap();
        let lazy = LazyFile::new(&blocker.join("logs"));
        for _ in 0..3 {
            lazy.make_writer().write_all(b"dropped\n").unwrap();
        }
        lazy.make_writer().flush().unwrap();
        assert!(blocker.is_file());
    }
}
