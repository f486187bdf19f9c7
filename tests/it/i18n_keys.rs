//! Every locale has exactly the messages of en-GB: a missing key would show users a raw id, a
//! stray one is a leftover nobody maintains.

use std::collections::{BTreeMap, BTreeSet};
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

/// The variables (`{ $host }`) each message uses, its attributes included: a translation that
/// drops one loses information (which server failed), one with a new name shows an error.
fn message_variables(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let ids: BTreeMap<usize, String> = message_ids(text)
        .into_iter()
        .map(|(id, line)| (line, id))
        .collect();
    let mut vars: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(id) = ids.get(&(n + 1)) {
            current = Some(id.clone());
        } else if !line.starts_with(char::is_whitespace) && !line.trim().is_empty() {
            // A comment or anything else at column 0 ends the message.
            current = None;
        }
        let Some(id) = &current else { continue };
        let entry = vars.entry(id.clone()).or_default();
        let body = if ids.contains_key(&(n + 1)) {
            line.split_once('=').map(|(_, v)| v).unwrap_or("")
        } else {
            line
        };
        let mut rest = body;
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if !name.is_empty() {
                entry.insert(name.clone());
            }
            rest = &rest[at + 1 + name.len()..];
        }
    }
    vars
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

#[test]
fn the_variable_parser_follows_messages_and_attributes() {
    let text = "\
check-failed = { $host }:{ $port } refused
    .hint = Try { $other }
# $not-a-variable in a comment
plain = No variables
count = { $n ->
    [one] one
   *[other] { $n } of { $total }
}
";
    let vars = message_variables(text);
    let names = |id: &str| vars[id].iter().cloned().collect::<Vec<_>>();
    assert_eq!(names("check-failed"), ["host", "other", "port"]);
    assert!(vars["plain"].is_empty());
    assert_eq!(names("count"), ["n", "total"]);
}

#[test]
fn translations_use_the_same_variables_as_en_gb() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let reference_dir = root.join("en-GB");
    let mut problems = Vec::new();
    for locale in fs::read_dir(&root).unwrap() {
        let locale = locale.unwrap().path();
        if !locale.is_dir() || locale == reference_dir {
            continue;
        }
        for file in fs::read_dir(&reference_dir).unwrap() {
            let file = file.unwrap().path();
            let Ok(theirs) = fs::read_to_string(locale.join(file.file_name().unwrap())) else {
                continue; // a missing file is every_locale_has_every_key_and_no_other's to report
            };
            let ours = message_variables(&fs::read_to_string(&file).unwrap());
            let theirs = message_variables(&theirs);
            for (id, vars) in &ours {
                if let Some(their_vars) = theirs.get(id) {
                    if vars != their_vars {
                        problems.push(format!(
                            "{}: {id} uses {:?} in en-GB but {:?} here",
                            locale.file_name().unwrap().to_string_lossy(),
                            vars,
                            their_vars
                        ));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "translations must keep every {{ $variable }} (and invent none):\n{}",
        problems.join("\n")
    );
}
