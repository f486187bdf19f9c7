//! Fluent keys and the code that uses them stay in step: every en-GB key is used somewhere in
//! `src/` (a key nobody shows is a translation nobody should pay for), and the views in
//! `src/ui/` never show a string literal to the user (it would stay English in Welsh).
//!
//! Keys are looked up by their literal id (`fl!("key")`, `tr!(l, "key")`, and `text("key")`
//! in `src/cli/help.rs`). The only keys built at run time are the `--help` texts
//! `cli-about-<command>` and `cli-arg-<command>-<option>` (see `src/cli/help.rs`): those are
//! checked against the real clap command tree instead, so a key for a command that no longer
//! exists still fails.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

/// Source with comments removed and each string literal replaced by `"#N"`, plus the
/// literals' contents (escapes kept as written: keys and view texts need no unescaping).
struct Lexed {
    code: String,
    literals: Vec<String>,
}

fn lex(src: &str) -> Lexed {
    let chars: Vec<char> = src.chars().collect();
    let mut code = String::with_capacity(src.len());
    let mut literals = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            code.push(' ');
        } else if c == '"'
            || (c == 'r'
                && (at(i + 1) == '"' || at(i + 1) == '#')
                && !at(i.wrapping_sub(1)).is_alphanumeric())
        {
            // A normal or raw string literal.
            let raw = c == 'r';
            let mut hashes = 0;
            if raw {
                i += 1;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                if at(i) != '"' {
                    // `r#ident`, not a string.
                    code.push('r');
                    code.extend(std::iter::repeat_n('#', hashes));
                    continue;
                }
            }
            i += 1;
            let mut text = String::new();
            while let Some(&ch) = chars.get(i) {
                if !raw && ch == '\\' {
                    text.push(ch);
                    text.push(at(i + 1));
                    i += 2;
                    continue;
                }
                if ch == '"' && (0..hashes).all(|k| at(i + 1 + k) == '#') {
                    i += 1 + hashes;
                    break;
                }
                text.push(ch);
                i += 1;
            }
            code.push_str(&format!("\"#{}\"", literals.len()));
            literals.push(text);
        } else if c == '\'' {
            // A char literal ('x', '\n', '\'') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                code.push_str("' '");
            } else if at(i + 2) == '\'' {
                i += 3;
                code.push_str("' '");
            } else {
                code.push(c);
                i += 1;
            }
        } else {
            code.push(c);
            i += 1;
        }
    }
    Lexed { code, literals }
}

/// The code before the first `#[cfg(test)]`: tests may name keys and show literals freely.
fn without_tests(src: &str) -> &str {
    src.find("#[cfg(test)]").map_or(src, |at| &src[..at])
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().unwrap().to_string_lossy();
            if !name.ends_with("_tests.rs") && name != "tests.rs" {
                out.push(path);
            }
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn en_gb_keys() -> Vec<String> {
    let text = fs::read_to_string(root().join("i18n/en-GB/pillarbox.ftl")).unwrap();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with(char::is_whitespace))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_string()))
        .filter(|id| {
            id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect()
}

/// The `--help` keys the clap tree can look up (see `src/cli/help.rs`).
fn help_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut cli = pillarbox::cli::Cli::command();
    cli.build();
    fn walk(cmd: &clap::Command, path: &str, keys: &mut BTreeSet<String>) {
        keys.insert(if path.is_empty() {
            "cli-about".to_string()
        } else {
            format!("cli-about-{path}")
        });
        for arg in cmd.get_arguments() {
            let id = arg.get_id().to_string();
            keys.insert(format!("cli-arg-{id}"));
            if !path.is_empty() {
                keys.insert(format!("cli-arg-{path}-{id}"));
            }
        }
        for sub in cmd.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            walk(sub, &sub_path, keys);
        }
    }
    walk(&cli, "", &mut keys);
    keys
}

#[test]
fn every_en_gb_key_is_used_in_the_code() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut literals = BTreeSet::new();
    for file in &files {
        let src = fs::read_to_string(file).unwrap();
        literals.extend(lex(without_tests(&src)).literals);
    }
    let help = help_keys();
    let unused: Vec<String> = en_gb_keys()
        .into_iter()
        .filter(|key| {
            let dynamic = key.starts_with("cli-about") || key.starts_with("cli-arg-");
            let built = dynamic && help.contains(key);
            !(literals.contains(key) || built)
        })
        .collect();
    assert!(
        unused.is_empty(),
        "en-GB keys that no code in src/ uses (remove them from every locale, or use them):\n{}",
        unused.join("\n")
    );
}

/// Calls whose arguments are shown on screen; `push` and the layout macros take `&str` as
/// text too.
const SHOWN: &[&str] = &[
    "text",
    "Text::new",
    "rich_text",
    "span",
    "button",
    "tooltip",
    "placeholder",
    "text_input",
    "checkbox",
    "label",
    "radio",
    "toggler",
    "pick_list",
    "combo_box",
    "push",
    "column!",
    "row!",
    "title",
];

/// Shown literals that need no translation. Anything without a letter (glyphs such as
/// "✓", "▸", "—", or a bare "{}" format) passes by itself.
const ALLOWED: &[&str] = &["IMAP", "POP3", "SMTP", "SSL/TLS", "STARTTLS"];

/// The top-level arguments of the call whose opening bracket is at `open`.
fn arguments(code: &str, open: usize) -> Vec<String> {
    let mut depth = 0;
    let mut args = vec![String::new()];
    for ch in code[open..].chars() {
        match ch {
            '(' | '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                args.push(String::new());
                continue;
            }
            _ => {}
        }
        args.last_mut().unwrap().push(ch);
    }
    args
}

/// The literal an argument shows, looking through `&`, `format!(..)`, `String::from(..)`
/// and `.to_string()`-style conversions.
fn shown_literal(arg: &str, literals: &[String]) -> Option<String> {
    let mut arg = arg.trim().trim_start_matches('&').trim();
    for wrapper in ["format!(", "String::from(", "std::format!("] {
        if let Some(rest) = arg.strip_prefix(wrapper) {
            arg = rest.trim_start();
        }
    }
    let rest = arg.strip_prefix("\"#")?;
    let end = rest.find('"')?;
    let index: usize = rest[..end].parse().ok()?;
    Some(literals[index].clone())
}

/// True when a literal holds words: letters outside `{placeholders}`.
fn has_words(literal: &str) -> bool {
    let mut depth = 0;
    let mut words = false;
    for ch in literal.replace("{{", "").replace("}}", "").chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => words = true,
            _ => {}
        }
    }
    words
}

/// `(line, call, literal)` for each shown literal in `src`.
fn shown_literals(src: &str) -> Vec<(usize, String, String)> {
    let Lexed { code, literals } = lex(without_tests(src));
    let mut found = Vec::new();
    for name in SHOWN {
        let mut from = 0;
        while let Some(pos) = code[from..].find(name) {
            let start = from + pos;
            from = start + name.len();
            let before = code[..start].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                continue;
            }
            let after = code[from..].trim_start();
            let open = code.len() - after.len();
            if !(after.starts_with('(') || (name.ends_with('!') && after.starts_with('['))) {
                continue;
            }
            for arg in arguments(&code, open) {
                if let Some(literal) = shown_literal(&arg, &literals) {
                    if has_words(&literal) && !ALLOWED.contains(&literal.as_str()) {
                        let line = code[..start].matches('\n').count() + 1;
                        found.push((line, name.to_string(), literal));
                    }
                }
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_literal_finder_sees_through_comments_wrappers_and_glyphs() {
    let src = r##"
// text("in a comment")
/* button("in a block") */
fn view<'a>() {
    let c = '"';
    text(fl!("wizard-title"));
    text("Hello");
    button(text(format!("{} items", n)));
    tooltip(icon, "Delete", Position::Top);
    input.placeholder(&String::from("Search"));
    column![text(x), "Raw"];
    text("✓");
    text(format!("{}: {}", a, b));
    text("SMTP");
    my_text("not a widget");
    let id = r#"wizard-email"#;
}
#[cfg(test)]
mod tests { fn t() { text("test only"); } }
"##;
    let found: Vec<(String, String)> = shown_literals(src)
        .into_iter()
        .map(|(_, call, literal)| (call, literal))
        .collect();
    let expect = |call: &str, literal: &str| (call.to_string(), literal.to_string());
    assert_eq!(
        found,
        [
            expect("text", "Hello"),
            expect("text", "{} items"),
            expect("tooltip", "Delete"),
            expect("placeholder", "Search"),
            expect("column!", "Raw"),
        ]
    );
}

#[test]
fn views_show_no_string_literals() {
    let mut files = Vec::new();
    rust_files(&root().join("src/ui"), &mut files);
    assert!(!files.is_empty(), "src/ui has the views");
    let mut problems = Vec::new();
    for file in &files {
        let src = fs::read_to_string(file).unwrap();
        for (line, call, literal) in shown_literals(&src) {
            problems.push(format!(
                "{}:{line}: {call}(\"{literal}\")",
                file.strip_prefix(root()).unwrap().display()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "views must show Fluent messages (crate::fl!), not literals:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_lexer_keeps_keys_and_drops_comments() {
    let lexed =
        lex("let a = fl!(\"cli-error\"); // \"not-this\"\n/* \"nor-this\" */ 'x'; b\"x\\\"y\"");
    assert_eq!(lexed.literals, ["cli-error", "x\\\"y"]);
    assert!(!lexed.code.contains("not-this"));
}

/// Every visible command and option of `pillarbox` has its `--help` text in Fluent, so `--help`
/// in Welsh, French or German has no English left but clap's own words. Hidden commands are
/// for tests and stay English.
#[test]
fn every_command_and_option_has_a_help_key() {
    let keys: BTreeSet<String> = en_gb_keys().into_iter().collect();
    let mut cli = pillarbox::cli::Cli::command();
    cli.build();
    let mut missing = Vec::new();
    fn walk(cmd: &clap::Command, path: &str, keys: &BTreeSet<String>, missing: &mut Vec<String>) {
        // clap's generated `help` commands all take `cli-about-help`, as help.rs does.
        let generated_help = cmd.get_name() == "help" && !path.is_empty();
        let about = if generated_help {
            "cli-about-help".to_string()
        } else if path.is_empty() {
            "cli-about".to_string()
        } else {
            format!("cli-about-{path}")
        };
        if !keys.contains(&about) {
            missing.push(about);
        }
        if generated_help {
            return;
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().to_string();
            let scoped = format!("cli-arg-{path}-{id}");
            if !keys.contains(&scoped) && !keys.contains(&format!("cli-arg-{id}")) {
                missing.push(scoped);
            }
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            walk(sub, &sub_path, keys, missing);
        }
    }
    walk(&cli, "", &keys, &mut missing);
    assert!(
        missing.is_empty(),
        "add these keys to every locale (see src/cli/help.rs):\n{}",
        missing.join("\n")
    );
}
