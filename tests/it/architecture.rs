//! The engine (`src/mail/`) never depends on the UI toolkit: the UI and the CLI share it, and it
//! is tested without a display.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// "iced" as a word or a path (`iced::`, `iced_test`) in code, not inside "noticed" or
/// "invoiced", and not in a comment (the engine's docs may well say it never uses iced).
fn mentions_iced(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    let lower = code.to_lowercase();
    let bytes = lower.as_bytes();
    lower.match_indices("iced").any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + 4).copied();
        !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

#[test]
fn the_iced_detector_finds_uses_not_words() {
    assert!(mentions_iced("use iced::widget;"));
    assert!(mentions_iced("    iced_test::simulator(view)"));
    assert!(mentions_iced("let theme = Iced::Theme::Dark; // x"));
    assert!(mentions_iced("#[cfg(feature = \"iced\")]"));
    assert!(!mentions_iced("//! Nothing here may depend on iced"));
    assert!(!mentions_iced(
        "// we noticed the invoiced, sliced, priced mail"
    ));
}

#[test]
fn the_mail_engine_never_mentions_iced() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/mail");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 3, "src/mail has its modules: {files:?}");
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let text = fs::read_to_string(path).unwrap();
            text.lines()
                .enumerate()
                .filter(|(_, line)| mentions_iced(line))
                .map(|(n, line)| format!("{}:{}: {}", path.display(), n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "src/mail must not depend on iced (the UI lives in src/ui):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_mail_engine_never_reaches_into_the_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/mail");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let text = fs::read_to_string(path).unwrap();
            text.lines()
                .enumerate()
                .filter(|(_, line)| {
                    let code = line.split("//").next().unwrap_or_default();
                    code.contains("crate::ui") || code.contains("pillarbox::ui")
                })
                .map(|(n, line)| format!("{}:{}: {}", path.display(), n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "src/mail must not use the UI (the UI uses the engine, never the reverse):\n{}",
        offenders.join("\n")
    );
}
