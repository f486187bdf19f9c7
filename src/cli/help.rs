//! `--help` in the user's language: clap's texts are replaced from Fluent by key.
//!
//! A command's description is `cli-about-<path>` (`cli-about` for `pillarbox` itself,
//! `cli-about-account-add` for `pillarbox account add`); an option's is `cli-arg-<path>-<id>`
//! or, for options shared by every command, `cli-arg-<id>`. When a key is missing the English
//! text from the code's doc comment stays, so an area can add its keys after its commands.

use clap::Command;

use crate::i18n::LANGUAGE_LOADER;

fn text(key: &str) -> Option<String> {
    LANGUAGE_LOADER.has(key).then(|| LANGUAGE_LOADER.get(key))
}

/// clap takes headings as `&'static str` only; a handful are leaked once per run.
fn heading(key: &str) -> Option<&'static str> {
    text(key).map(|t| &*Box::leak(t.into_boxed_str()))
}

/// Headings and the usage label, looked up once per run.
struct Labels {
    usage: String,
    commands: Option<&'static str>,
    options: Option<&'static str>,
    arguments: Option<&'static str>,
}

/// The command tree with its help texts and headings localised.
pub fn localize(mut command: Command) -> Command {
    command.build();
    let labels = Labels {
        usage: text("cli-help-usage").unwrap_or_else(|| "Usage:".into()),
        commands: heading("cli-help-commands"),
        options: heading("cli-help-options"),
        arguments: heading("cli-help-arguments"),
    };
    localize_built(command, "", &labels)
}

fn localize_built(mut command: Command, path: &str, labels: &Labels) -> Command {
    let about_key = if path.is_empty() {
        "cli-about".to_string()
    } else {
        format!("cli-about-{path}")
    };
    let about = text(&about_key).or_else(|| {
        if command.get_name() == "help" {
            // clap's own `help` subcommand, at any level.
            text("cli-about-help")
        } else {
            // `pillarbox help account add` describes `account add`.
            let real = path.replacen("help-", "", 1);
            (real != path)
                .then(|| text(&format!("cli-about-{real}")))
                .flatten()
        }
    });
    if let Some(about) = about {
        command = command.about(about).long_about(None);
    }
    let usage = &labels.usage;
    command = command.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
    ));
    if let Some(commands) = labels.commands {
        command = command.subcommand_help_heading(commands);
    }
    let args: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let scoped = if path.is_empty() {
            format!("cli-arg-{id}")
        } else {
            format!("cli-arg-{path}-{id}")
        };
        let help = text(&scoped).or_else(|| text(&format!("cli-arg-{id}")));
        let heading = if positional {
            labels.arguments
        } else {
            labels.options
        };
        command = command.mut_arg(&id, |mut arg| {
            if let Some(help) = help {
                arg = arg.help(help).long_help(None);
            }
            if let Some(heading) = heading {
                arg = arg.help_heading(heading);
            }
            arg
        });
    }
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub_path = if path.is_empty() {
            name
        } else {
            format!("{path}-{name}")
        };
        localize_built(sub, &sub_path, labels)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every description and option of every command a user can see has a key, so
    /// a Welsh user's `--help` has no English left in it but clap's own words.
    #[test]
    fn core_commands_have_help_keys() {
        let mut missing = Vec::new();
        let mut root = super::super::Cli::command();
        root.build();
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            let about = if path.is_empty() {
                "cli-about".to_string()
            } else {
                format!("cli-about-{path}")
            };
            if cmd.get_name() == "help" {
                if !LANGUAGE_LOADER.has("cli-about-help") {
                    missing.push("cli-about-help".into());
                }
                return;
            }
            if !LANGUAGE_LOADER.has(&about) {
                missing.push(about);
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().to_string();
                let scoped = if path.is_empty() {
                    format!("cli-arg-{id}")
                } else {
                    format!("cli-arg-{path}-{id}")
                };
                if !LANGUAGE_LOADER.has(&scoped) && !LANGUAGE_LOADER.has(&format!("cli-arg-{id}")) {
                    missing.push(scoped);
                }
            }
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                let sub_path = if path.is_empty() {
                    name.to_string()
                } else {
                    format!("{path}-{name}")
                };
                if sub.is_hide_set() {
                    continue; // test-only commands are not shown to users
                }
                walk(sub, &sub_path, missing);
            }
        }
        walk(&root, "", &mut missing);
        assert!(missing.is_empty(), "missing help keys: {missing:?}");
    }

    #[test]
    fn help_is_rendered_from_fluent() {
        let help = localize(super::super::Cli::command())
            .find_subcommand_mut("account")
            .unwrap()
            .find_subcommand_mut("add")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            help.contains(&LANGUAGE_LOADER.get("cli-arg-account-add-email")),
            "{help}"
        );
        assert!(
            help.contains(&LANGUAGE_LOADER.get("cli-help-options")),
            "{help}"
        );
    }
}
