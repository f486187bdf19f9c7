//! `pillarbox paths`: where the settings, data and each account's mail live.

use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::fl;

#[derive(Debug, Args)]
pub struct PathsArgs {}

pub fn run(_args: PathsArgs, ctx: &Context) -> ExitCode {
    let paths = &ctx.paths;
    let show = |p: &std::path::Path| p.display().to_string();
    println!(
        "{}",
        fl!("cli-paths-config", path = show(&paths.config_file()))
    );
    println!("{}", fl!("cli-paths-data", path = show(&paths.data_dir)));
    println!("{}", fl!("cli-paths-cache", path = show(&paths.cache_dir)));
    // The folders above are useful even when the settings can't be read.
    let config = match ctx.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    for account in &config.accounts {
        let id = account.id();
        println!(
            "{}",
            fl!(
                "cli-paths-mail",
                account = id.0.clone(),
                path = show(&paths.mail_root(&id))
            )
        );
    }
    ExitCode::SUCCESS
}
