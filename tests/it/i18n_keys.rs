//! Every locale has exactly the messages of en-GB: a missing key would show users a raw id, a
//! stray one is a leftover nobody maintains.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The ids of the messages and terms of a Fluent file, in order, with their line numbers.
/// Comments, attributes (`.label = ...`), variants and continuation lines are not ids: in
/// Fluent only a message or term starts at column 0 with `id =`.
fn message_ids(text: &str) -> Vec<(String, usize)> {
    let mut ids = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with(char::is_whitespace) {
            continue;
        }
        let Some((id, _)) = line.split_once('=') else {
            continue;
        };
        let id = id.trim_end();
        let name = id.strip_prefix('-').unwrap_or(id);
        let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            ids.push((id.to_string(), n + 1));
        }
    }
    ids
}

#[test]
fn the_parser_reads_ids_not_comments_or_attributes() {
    let text = "\
# Comment = not a key
## Section
app-name = Pillarbox
-brand = Pillarbox
check-step =
    Checking { $host }...
    with = an equals in a continuation line
wizard-next = Next
    .title = Go on
pop-count = { $n ->
    [one] one message
   *[other] { $n } messages
}
";
    let ids: Vec<String> = message_ids(text).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "app-name",
            "-brand",
            "check-step",
            "wizard-next",
            "pop-count"
        ]
    );
}

#[test]
fn every_locale_has_every_key_and_no_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let mut locales: BTreeMap<String, BTreeMap<String, Vec<(String, usize)>>> = BTreeMap::new();
    for dir in fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let locale = dir.file_name().unwrap().to_string_lossy().into_owned();
        let files = locales.entry(locale).or_default();
        for file in fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "ftl") {
                let text = fs::read_to_string(&file).unwrap();
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                files.insert(name, message_ids(&text));
            }
        }
    }
    let reference = locales
        .get("en-GB")
        .expect("i18n/en-GB is the reference locale")
        .clone();
    assert!(
        locales.len() >= 2,
        "at least en-GB and cy: {:?}",
        locales.keys()
    );
    let mut problems = Vec::new();
    for (locale, files) in &locales {
        for (file, ids) in files {
            let mut seen = BTreeMap::new();
            for (id, line) in ids {
                if let Some(first) = seen.insert(id, line) {
                    problems.push(format!(
                        "{locale}/{file}:{line}: {id} already defined on line {first}"
                    ));
                }
            }
        }
        if locale == "en-GB" {
            continue;
        }
        for (file, ids) in &reference {
            let Some(theirs) = files.get(file) else {
                problems.push(format!("{locale}/{file} is missing"));
                continue;
            };
            for (id, line) in ids {
                if !theirs.iter().any(|(t, _)| t == id) {
                    problems.push(format!("{locale}/{file}: missing {id} (en-GB line {line})"));
                }
            }
            for (id, line) in theirs {
                if !ids.iter().any(|(r, _)| r == id) {
                    problems.push(format!("{locale}/{file}:{line}: {id} is not in en-GB"));
                }
            }
        }
        for file in files.keys() {
            if !reference.contains_key(file) {
                problems.push(format!("{locale}/{file} has no en-GB counterpart"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "translations out of step (add every key to every locale, in real Welsh for cy):\n{}",
        problems.join("\n")
    );
}
