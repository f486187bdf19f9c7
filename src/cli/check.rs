//! `pillarbox account check ADDR`: checks every server of an account, step by step.
//!
//! Exit status 0 only when every server passed every step.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{report_error, secret_failure, Context, EXIT_FAILURE};
use crate::fl;
use crate::mail::account::{Account, AccountId};
use crate::mail::check::{check_account, ServerReport, StepOutcome};
use crate::mail::errors_l10n::{
    explain_check, outcome_label, security_label, server_label, step_label,
};
use crate::mail::secret::{self, Password};
use crate::mail::tls::Timeouts;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The account's email address.
    #[arg(value_name = "ADDR")]
    pub address: String,
    /// Seconds to wait for each step (default: 10 to look up, 15 to connect, 30 per command).
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: Option<u64>,
}

pub fn run(args: CheckArgs, ctx: &Context) -> ExitCode {
    let config = match ctx.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let id = AccountId(args.address.trim().to_lowercase());
    let Some(account) = config.account(&id).cloned() else {
        report_error(&fl!("check-cli-no-account", email = id.0.as_str()), None);
        return ExitCode::from(EXIT_FAILURE);
    };
    let password = match secret::password_for(&account) {
        Ok(password) => password,
        Err(error) => return secret_failure(&error),
    };
    let timeouts = match args.timeout {
        Some(secs) => Timeouts::all(Duration::from_secs(secs)),
        None => Timeouts::default(),
    };
    println!(
        "{}",
        fl!("check-cli-checking", email = account.email.as_str())
    );
    let reports = match run_check(&account, &password, &timeouts) {
        Ok(reports) => reports,
        Err(error) => {
            report_error(&error.to_string(), None);
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    print!("{}", render(&account.email, &reports));
    if reports.iter().all(ServerReport::passed) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILURE)
    }
}

fn run_check(
    account: &Account,
    password: &Password,
    timeouts: &Timeouts,
) -> std::io::Result<Vec<ServerReport>> {
    // Both servers are checked concurrently inside one task: one thread is enough.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    Ok(
        runtime.block_on(check_account(account, password, timeouts, &|progress| {
            tracing::debug!(?progress, "check progress");
        })),
    )
}

/// The report as printed: one block per server, every step with its outcome, then the
/// explanation and hint of a failure, then the verdict.
pub fn render(email: &str, reports: &[ServerReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let _ = writeln!(
            out,
            "\n{}",
            fl!(
                "check-cli-server",
                server = server_label(report.kind),
                endpoint = report.endpoint(),
                security = security_label(report.security)
            )
        );
        for step in &report.steps {
            let mark = match step.outcome {
                StepOutcome::Passed => "✓",
                StepOutcome::Failed => "✗",
                StepOutcome::Skipped => "-",
            };
            let line = if step.outcome == StepOutcome::Skipped {
                fl!(
                    "check-cli-step-skipped",
                    mark = mark,
                    step = step_label(step.step),
                    outcome = outcome_label(step.outcome)
                )
            } else {
                fl!(
                    "check-cli-step",
                    mark = mark,
                    step = step_label(step.step),
                    outcome = outcome_label(step.outcome),
                    ms = step.elapsed.as_millis().to_string()
                )
            };
            let _ = writeln!(out, "  {line}");
        }
        if let Some(error) = &report.error {
            let text = explain_check(error);
            let _ = writeln!(out, "  {}", text.message);
            let _ = writeln!(out, "  {}", fl!("cli-hint", hint = text.hint));
        }
    }
    let failed = reports.iter().filter(|r| !r.passed()).count();
    let verdict = if failed == 0 {
        fl!("check-cli-all-passed", email = email)
    } else {
        fl!("check-cli-some-failed", count = failed)
    };
    let _ = writeln!(out, "\n{verdict}");
    out
}
