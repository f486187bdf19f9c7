//! `pillarbox account add | list | remove`.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use super::{config_failure, report_error, report_warning, Context};
use super::{EXIT_FAILURE, EXIT_USAGE};
use crate::fl;
use crate::mail::account::{is_valid_email, Account, AccountId, Protocol, Security, Server};
use crate::mail::config::{save_account, Config};
use crate::mail::provider;
use crate::mail::secret::{self, Password};

#[derive(Debug, Args)]
pub struct AccountArgs {
    #[command(subcommand)]
    pub command: AccountCommand,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Set up an account: servers from the provider list, the password in the keyring.
    Add(AddArgs),
    /// List the accounts that are set up.
    List,
    /// Remove an account and its saved password (its mail stays on disk).
    Remove(RemoveArgs),
    /// Check that the account's servers can be reached and accept the password, step by step.
    Check(super::check::CheckArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProtocolArg {
    Imap,
    Pop3,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SecurityArg {
    Tls,
    Starttls,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("password").args(["password_stdin", "password_command"])))]
pub struct AddArgs {
    /// The account's email address.
    #[arg(long)]
    pub email: String,
    /// Your name as recipients see it (default: from the address).
    #[arg(long)]
    pub name: Option<String>,
    /// How mail comes in (default: IMAP, or POP3 when only --pop is given).
    #[arg(long, value_enum)]
    pub protocol: Option<ProtocolArg>,
    /// IMAP server instead of the provider's.
    #[arg(long, value_name = "HOST:PORT")]
    pub imap: Option<String>,
    /// POP3 server instead of the provider's.
    #[arg(long, value_name = "HOST:PORT")]
    pub pop: Option<String>,
    /// SMTP server instead of the provider's.
    #[arg(long, value_name = "HOST:PORT")]
    pub smtp: Option<String>,
    /// Connection security for every server of the account: tls (from the first byte) or starttls.
    #[arg(long, value_enum)]
    pub security: Option<SecurityArg>,
    /// Extra trusted CA certificates (PEM), for a private server.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Read the password from standard input (first line) and keep it in the OS keyring.
    #[arg(long)]
    pub password_stdin: bool,
    /// A command that prints the password, run each time it is needed (e.g. "pass show bt").
    #[arg(long, value_name = "CMD")]
    pub password_command: Option<String>,
    /// Replace the account if the address is already set up.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The address of the account to remove.
    pub email: String,
}

pub fn run(args: AccountArgs, ctx: &Context) -> ExitCode {
    match args.command {
        AccountCommand::Add(add_args) => add(add_args, ctx),
        AccountCommand::List => list(ctx),
        AccountCommand::Remove(remove_args) => remove(remove_args, ctx),
        AccountCommand::Check(check_args) => super::check::run(check_args, ctx),
    }
}

fn usage(message: String, hint: Option<String>) -> ExitCode {
    report_error(&message, hint.as_deref());
    ExitCode::from(EXIT_USAGE)
}

/// `HOST` or `HOST:PORT`; `[v6]:PORT` too.
fn parse_endpoint(value: &str) -> Option<(String, Option<u16>)> {
    let value = value.trim();
    let (host, port) = match value.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') || host.starts_with('[') => {
            (host, Some(port.parse::<u16>().ok().filter(|p| *p != 0)?))
        }
        _ => (value, None),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() || host.contains(char::is_whitespace) || host.contains('/') {
        return None;
    }
    Some((host.to_string(), port))
}

fn protocol_label(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::Imap => "IMAP",
        Protocol::Pop3 => "POP3",
    }
}

/// Builds the account the flags describe, or the exit code of a usage error.
fn account_from_args(args: &AddArgs) -> Result<Account, ExitCode> {
    let email = args.email.trim();
    if !is_valid_email(email) {
        return Err(usage(
            fl!("cli-invalid-email", email = email),
            Some(fl!("cli-invalid-email-hint")),
        ));
    }
    let protocol = match args.protocol {
        Some(ProtocolArg::Imap) => Protocol::Imap,
        Some(ProtocolArg::Pop3) => Protocol::Pop3,
        None if args.pop.is_some() && args.imap.is_none() => Protocol::Pop3,
        None => Protocol::Imap,
    };
    let (incoming_value, other_flag, other_value) = match protocol {
        Protocol::Imap => (&args.imap, "--pop", &args.pop),
        Protocol::Pop3 => (&args.pop, "--imap", &args.imap),
    };
    if other_value.is_some() {
        return Err(usage(
            fl!(
                "cli-wrong-protocol-server",
                flag = other_flag,
                protocol = protocol_label(protocol)
            ),
            Some(fl!("cli-wrong-protocol-server-hint")),
        ));
    }

    let mut account =
        provider::account_for(email, args.name.as_deref().unwrap_or_default(), protocol);
    let security = args.security.map(|s| match s {
        SecurityArg::Tls => Security::Tls,
        SecurityArg::Starttls => Security::Starttls,
    });
    let incoming_kind = account.incoming_kind();
    override_server(
        &mut account.incoming,
        incoming_value.as_deref(),
        security,
        incoming_kind,
    )?;
    override_server(
        &mut account.outgoing,
        args.smtp.as_deref(),
        security,
        crate::mail::account::ServerKind::Smtp,
    )?;

    if let Some(ca) = &args.ca_file {
        // Absolute, so the account works whatever folder Pillarbox is later started from.
        match std::fs::read(ca).and_then(|_| std::path::absolute(ca)) {
            Ok(path) => account.ca_file = Some(path),
            Err(e) => {
                report_error(
                    &fl!(
                        "cli-ca-file-unreadable",
                        path = ca.display().to_string(),
                        detail = e.to_string()
                    ),
                    None,
                );
                return Err(ExitCode::from(EXIT_USAGE));
            }
        }
    }
    account.password_command = args
        .password_command
        .clone()
        .filter(|c| !c.trim().is_empty());
    Ok(account)
}

fn override_server(
    server: &mut Server,
    value: Option<&str>,
    security: Option<Security>,
    kind: crate::mail::account::ServerKind,
) -> Result<(), ExitCode> {
    let mut explicit_port = None;
    if let Some(value) = value {
        let Some((host, port)) = parse_endpoint(value) else {
            return Err(usage(fl!("cli-invalid-endpoint", value = value), None));
        };
        server.host = host;
        explicit_port = port;
    }
    if let Some(security) = security {
        server.security = security;
        server.port = kind.default_port(security);
    } else if value.is_some() && explicit_port.is_none() {
        server.port = kind.default_port(server.security);
    }
    if let Some(port) = explicit_port {
        server.port = port;
    }
    Ok(())
}

fn read_password_stdin() -> Result<Password, ExitCode> {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        report_error(
            &fl!("cli-password-stdin-failed", detail = e.to_string()),
            None,
        );
        return Err(ExitCode::from(EXIT_FAILURE));
    }
    let password = Password::from_first_line(&text);
    // The copy of the raw input is dropped here; only the Password lives on.
    drop(text);
    if password.is_empty() {
        return Err(usage(fl!("cli-password-stdin-empty"), None));
    }
    Ok(password)
}

fn add(args: AddArgs, ctx: &Context) -> ExitCode {
    if !args.password_stdin && args.password_command.is_none() {
        return usage(
            fl!("cli-password-missing"),
            Some(fl!("cli-password-missing-hint")),
        );
    }
    let account = match account_from_args(&args) {
        Ok(account) => account,
        Err(code) => return code,
    };
    let password = if args.password_stdin {
        match read_password_stdin() {
            Ok(password) => Some(password),
            Err(code) => return code,
        }
    } else {
        None
    };
    let saved = match save_account(&ctx.paths, account.clone(), password.as_ref(), args.replace) {
        Ok(saved) => saved,
        Err(e) => {
            report_error(&e.user_message(), e.hint().as_deref());
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    if password.is_some() && secret::using_mock_store() {
        report_warning(&fl!("cli-memory-keyring"));
    }

    let id = account.id().0;
    let protocol = protocol_label(account.protocol);
    let incoming = account.incoming.endpoint();
    let outgoing = account.outgoing.endpoint();
    let line = if saved.replaced {
        fl!(
            "cli-account-replaced",
            account = id,
            protocol = protocol,
            incoming = incoming,
            outgoing = outgoing
        )
    } else {
        fl!(
            "cli-account-added",
            account = id,
            protocol = protocol,
            incoming = incoming,
            outgoing = outgoing
        )
    };
    println!("{line}");
    if let Some(settings) = provider::lookup(&account.email) {
        if settings.guessed {
            println!("{}", fl!("cli-provider-guessed", domain = settings.domain));
        } else {
            println!(
                "{}",
                fl!("cli-provider-known", provider = settings.display_name)
            );
        }
    }
    if password.is_some() {
        println!("{}", fl!("cli-password-in-keyring"));
    } else {
        println!("{}", fl!("cli-password-from-command"));
    }
    ExitCode::SUCCESS
}

fn list(ctx: &Context) -> ExitCode {
    let config = match ctx.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    if config.accounts.is_empty() {
        println!("{}", fl!("cli-no-accounts"));
    }
    for account in &config.accounts {
        println!(
            "{}",
            fl!(
                "cli-account-line",
                account = account.id().0,
                name = account.display_name.clone(),
                protocol = protocol_label(account.protocol),
                incoming = account.incoming.endpoint(),
                outgoing = account.outgoing.endpoint()
            )
        );
    }
    ExitCode::SUCCESS
}

fn remove(args: RemoveArgs, ctx: &Context) -> ExitCode {
    let id = AccountId(args.email.trim().to_lowercase());
    let account = match Config::update(&ctx.paths, |config| config.remove_account(&id)) {
        Ok((_, account)) => account,
        Err(e) => return config_failure(&e),
    };
    println!(
        "{}",
        fl!(
            "cli-account-removed",
            account = id.0.clone(),
            path = ctx.paths.mail_root(&id).display().to_string()
        )
    );
    match secret::delete_password(&account) {
        Ok(true) => println!("{}", fl!("cli-account-password-deleted")),
        Ok(false) => println!("{}", fl!("cli-account-password-none")),
        // An account that uses a password command may never have had a keyring entry.
        Err(secret::SecretError::NoKeyring { .. }) if account.password_command.is_some() => {}
        Err(e) => report_warning(&fl!(
            "cli-account-keyring-cleanup-failed",
            message = e.user_message()
        )),
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        assert_eq!(
            parse_endpoint("localhost:10993"),
            Some(("localhost".into(), Some(10993)))
        );
        assert_eq!(
            parse_endpoint("mail.example.com"),
            Some(("mail.example.com".into(), None))
        );
        assert_eq!(parse_endpoint("[::1]:993"), Some(("::1".into(), Some(993))));
        assert_eq!(parse_endpoint("host:0"), None);
        assert_eq!(parse_endpoint("host:99999"), None);
        assert_eq!(parse_endpoint("host:abc"), None);
        assert_eq!(parse_endpoint(":993"), None);
        assert_eq!(parse_endpoint("two words:993"), None);
    }

    #[test]
    fn security_flag_moves_default_ports_but_not_explicit_ones() {
        use crate::mail::account::ServerKind;
        let mut s = Server {
            host: "mail.btinternet.com".into(),
            port: 993,
            ..Server::default()
        };
        override_server(&mut s, None, Some(Security::Starttls), ServerKind::Imap).unwrap();
        assert_eq!((s.port, s.security), (143, Security::Starttls));
        override_server(
            &mut s,
            Some("h:1143"),
            Some(Security::Starttls),
            ServerKind::Imap,
        )
        .unwrap();
        assert_eq!((s.host.as_str(), s.port), ("h", 1143));
        override_server(&mut s, Some("other"), None, ServerKind::Imap).unwrap();
        assert_eq!((s.host.as_str(), s.port), ("other", 143));
    }
}
