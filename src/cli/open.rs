//! `pillarbox open FILE`, and what a bare `pillarbox WORD` means (a `mailto:` link or a
//! message file): the desktop starts us with `Exec=pillarbox %u` for both.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{report_error, EXIT_FAILURE};
use crate::fl;

#[derive(Debug, clap::Args)]
pub struct OpenArgs {
    /// The message file.
    pub file: PathBuf,
}

pub fn run(args: OpenArgs) -> ExitCode {
    open_message(&args.file)
}

/// What `pillarbox WORD` asks for, when WORD is no command.
#[derive(Debug, PartialEq)]
pub enum Target {
    /// The window with the composer filled in from the link.
    Compose(crate::mail::mailto::Mailto),
    /// A window on this message file.
    View(PathBuf),
}

/// Reads the word the desktop (`Exec=pillarbox %u`) or a user passes: a `mailto:` link,
/// a `file:` URL, or the path of a message file (one that exists, or any `.eml`, so a
/// mistyped name gets the file's own error). Err: the message to print.
pub fn route(words: &[String]) -> Result<Target, String> {
    let not_ours = || fl!("cli-not-mailto", link = words.join(" "));
    let [word] = words else {
        return Err(not_ours());
    };
    if word
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
    {
        return crate::mail::mailto::parse(word)
            .map(Target::Compose)
            .ok_or_else(not_ours);
    }
    if let Some(path) = file_url_path(word) {
        return Ok(Target::View(path));
    }
    let path = PathBuf::from(word);
    let eml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("eml"));
    if eml || path.is_file() {
        Ok(Target::View(path))
    } else {
        Err(not_ours())
    }
}

/// `file:///home/a/Mail%20x.eml` (or `file://localhost/...`) -> the local path.
fn file_url_path(word: &str) -> Option<PathBuf> {
    let rest = word
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("file://"))
        .map(|_| &word[7..])?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h)? * 16 + hex(l)?) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
    }
    #[cfg(not(unix))]
    {
        // `file:///C:/x.eml`: the drive letter follows the slash.
        let text = String::from_utf8(out).ok()?;
        Some(PathBuf::from(text.trim_start_matches('/')))
    }
}

/// Reads and checks the file first: a wrong one gets an error naming it, and no window.
pub fn open_message(path: &Path) -> ExitCode {
    match crate::mail::eml::load(path) {
        Ok(raw) => crate::ui::viewer::run(path, raw),
        Err(error) => {
            report_error(&error.user_message(), None);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_word_routes_to_the_composer_or_the_viewer() {
        crate::i18n::init(Some("en-GB"));
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(matches!(
            route(&words(&["mailto:ann@example.org?subject=Hi"])),
            Ok(Target::Compose(_))
        ));
        assert!(matches!(
            route(&words(&["MAILTO:ann@example.org"])),
            Ok(Target::Compose(_))
        ));
        assert_eq!(
            route(&words(&["Downloads/Invoice.EML"])),
            Ok(Target::View("Downloads/Invoice.EML".into()))
        );
        assert_eq!(
            route(&words(&["file:///home/ann/Mail%20saved/caf%C3%A9.eml"])),
            Ok(Target::View("/home/ann/Mail saved/café.eml".into()))
        );
        assert_eq!(
            route(&words(&["file://localhost/tmp/x.eml"])),
            Ok(Target::View("/tmp/x.eml".into()))
        );
        // An existing file of any name is shown (the desktop may pass a .msg or none).
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join("saved-message");
        std::fs::write(&saved, b"Subject: x\r\n\r\n").unwrap();
        let saved_word = saved.to_string_lossy().into_owned();
        assert_eq!(route(&[saved_word]), Ok(Target::View(saved.clone())));
        for wrong in [&["frobnicate"][..], &["a.eml", "b.eml"], &["notes.txt"]] {
            let error = route(&words(wrong)).unwrap_err();
            assert!(error.contains(wrong[0]), "{error}");
        }
    }
}
