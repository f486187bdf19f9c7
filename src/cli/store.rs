//! `pillarbox list`, `pillarbox show` and `pillarbox reindex`: the local mail store from
//! the command line, read from the index (never by parsing every file).

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::{report_error, Context};
use crate::fl;
use crate::mail::account::AccountId;
use crate::mail::config::Config;
use crate::mail::store::envelope::readable_text;
use crate::mail::store::{EnvelopeRow, MailStore, Sort, SortKey, StoreError};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The account's address; needed only when several accounts have local mail.
    #[arg(long, value_name = "ADDRESS")]
    pub account: Option<String>,
    /// The folder to list, such as INBOX, Sent or Archive/2024.
    #[arg(long, default_value = "INBOX")]
    pub folder: String,
    /// How many messages to show.
    #[arg(long, default_value_t = 50)]
    pub limit: u64,
    /// How many messages to skip first (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
    /// What to sort by.
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    pub sort: SortArg,
    /// Reverse the order (normally newest first by date, A to Z by from or subject).
    #[arg(long)]
    pub reverse: bool,
    /// Only messages matching these words (word beginnings; from:, to:, subject: and
    /// body: narrow a word to one field). Newest first.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
    /// With --search: look in every folder, not only --folder.
    #[arg(long)]
    pub all_folders: bool,
    /// List the folders with their message counts instead of messages.
    #[arg(long)]
    pub folders: bool,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Date,
    From,
    Subject,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The message's id, as `pillarbox list` shows it.
    pub id: i64,
    /// The account's address; needed only when several accounts have local mail.
    #[arg(long, value_name = "ADDRESS")]
    pub account: Option<String>,
    /// Print the stored message exactly as received, byte for byte.
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Args)]
pub struct ReindexArgs {
    /// Only this account (default: every account with local mail).
    #[arg(long, value_name = "ADDRESS")]
    pub account: Option<String>,
}

pub fn run_list(args: ListArgs, ctx: &Context) -> ExitCode {
    let store = match open_one(ctx, args.account.as_deref()) {
        Ok(store) => store,
        Err(code) => return code,
    };
    if args.folders {
        return list_folders(&store, args.json);
    }
    let sort = Sort {
        key: match args.sort {
            SortArg::Date => SortKey::Date,
            SortArg::From => SortKey::From,
            SortArg::Subject => SortKey::Subject,
        },
        descending: (args.sort == SortArg::Date) != args.reverse,
    };
    let rows = match &args.search {
        Some(query) => {
            let folder = (!args.all_folders).then_some(args.folder.as_str());
            store.search(query, folder, args.limit)
        }
        None => store.list(&args.folder, sort, args.offset, args.limit),
    };
    let rows = match rows {
        Ok(rows) => rows,
        Err(error) => return failure(&error),
    };
    if args.json {
        let list: Vec<_> = rows.iter().map(row_json).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    if rows.is_empty() {
        match &args.search {
            Some(query) => println!("{}", fl!("store-no-results", query = query.clone())),
            None => println!(
                "{}",
                fl!("store-empty-folder", folder = args.folder.clone())
            ),
        }
        return ExitCode::SUCCESS;
    }
    print_table(&rows, args.all_folders && args.search.is_some());
    if args.search.is_none() {
        if let (Ok(total), Ok(unread)) =
            (store.count(&args.folder), store.unread_count(&args.folder))
        {
            println!(
                "{}",
                fl!(
                    "store-page-info",
                    shown = rows.len(),
                    total = total,
                    folder = args.folder.clone(),
                    unread = unread
                )
            );
        }
    }
    ExitCode::SUCCESS
}

pub fn run_show(args: ShowArgs, ctx: &Context) -> ExitCode {
    let store = match open_one(ctx, args.account.as_deref()) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let row = match store.get(args.id) {
        Ok(row) => row,
        Err(error) => return failure(&error),
    };
    let bytes = match store.read_raw(args.id) {
        Ok(bytes) => bytes,
        Err(error) => return failure(&error),
    };
    let mut out = std::io::stdout().lock();
    if args.raw {
        // A closed pipe (`| head`) is not an error worth reporting.
        let _ = out.write_all(&bytes).and_then(|_| out.flush());
        return ExitCode::SUCCESS;
    }
    let mut text = String::new();
    let mut line = |label: String, value: &str| {
        if !value.is_empty() {
            text.push_str(&format!("{label}: {value}\n"));
        }
    };
    line(fl!("store-label-from"), &row.from.to_string());
    line(fl!("store-label-to"), &row.to);
    line(fl!("store-label-cc"), &row.cc);
    line(fl!("store-label-date"), &format_date(row.date, false));
    line(fl!("store-label-subject"), &subject_or_placeholder(&row));
    line(fl!("store-label-folder"), &row.folder);
    if row.has_attachments {
        text.push_str(&fl!("store-label-attachments"));
        text.push('\n');
    }
    text.push('\n');
    text.push_str(readable_text(&bytes).trim_end());
    text.push('\n');
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}

pub fn run_reindex(args: ReindexArgs, ctx: &Context) -> ExitCode {
    let paths = &ctx.paths;
    let accounts = match &args.account {
        Some(address) => match find_account(ctx, address) {
            Ok(id) => vec![id],
            Err(code) => return code,
        },
        None => known_accounts(ctx),
    };
    if accounts.is_empty() {
        report(&fl!("store-no-accounts"), &fl!("store-no-accounts-hint"));
        return ExitCode::FAILURE;
    }
    for account in accounts {
        let result =
            MailStore::open_for_reindex(paths, &account).and_then(|mut store| store.reindex());
        match result {
            Ok(r) => println!(
                "{}",
                fl!(
                    "store-reindexed",
                    account = account.0.clone(),
                    folders = r.folders,
                    added = r.added,
                    updated = r.updated,
                    removed = r.removed,
                    unchanged = r.unchanged
                )
            ),
            Err(error) => return failure(&error),
        }
    }
    ExitCode::SUCCESS
}

fn list_folders(store: &MailStore, as_json: bool) -> ExitCode {
    let folders = match store.folders() {
        Ok(folders) => folders,
        Err(error) => return failure(&error),
    };
    if as_json {
        let list: Vec<_> = folders
            .iter()
            .map(|f| json!({"name": f.name, "count": f.count, "unread": f.unread}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    } else {
        for f in folders {
            println!(
                "{}",
                fl!(
                    "store-folder-line",
                    folder = f.name,
                    count = f.count,
                    unread = f.unread
                )
            );
        }
    }
    ExitCode::SUCCESS
}

fn print_table(rows: &[EnvelopeRow], with_folder: bool) {
    let mut out = String::new();
    out.push_str(&format!(
        "{:>7}  {:<16}  {:<5}  {:<24}  {}\n",
        fl!("store-col-id"),
        fl!("store-col-date"),
        fl!("store-col-flags"),
        fl!("store-col-from"),
        fl!("store-col-subject"),
    ));
    for row in rows {
        let subject = if with_folder {
            format!("[{}] {}", row.folder, subject_or_placeholder(row))
        } else {
            subject_or_placeholder(row)
        };
        out.push_str(&format!(
            "{:>7}  {:<16}  {:<5}  {}  {}\n",
            row.id,
            format_date(row.date, false),
            flag_marks(row),
            fit(row.from.display(), 24),
            subject
        ));
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
}

/// mutt-like marks: N unread, F flagged, R replied, @ attachments.
fn flag_marks(row: &EnvelopeRow) -> String {
    use crate::mail::store::Flags;
    let flags = row.flags();
    [
        (row.is_unread(), 'N'),
        (flags.contains(Flags::FLAGGED), 'F'),
        (flags.contains(Flags::REPLIED), 'R'),
        (row.has_attachments, '@'),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, c)| *c)
    .collect()
}

/// Pads or cuts `text` to `width` characters.
fn fit(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text}{}", " ".repeat(width - count))
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}\u{2026}")
    }
}

fn subject_or_placeholder(row: &EnvelopeRow) -> String {
    if row.subject.is_empty() {
        fl!("store-no-subject")
    } else {
        row.subject.clone()
    }
}

fn row_json(row: &EnvelopeRow) -> serde_json::Value {
    json!({
        "id": row.id,
        "folder": row.folder,
        "date": row.date,
        "date_utc": format_date(row.date, true),
        "from": {"name": row.from.name, "address": row.from.address},
        "to": row.to,
        "cc": row.cc,
        "subject": row.subject,
        "flags": row.flags().as_str(),
        "unread": row.is_unread(),
        "uid": row.uid(),
        "message_id": row.message_id,
        "thread_id": row.thread_id,
        "size": row.size,
        "has_attachments": row.has_attachments,
        "preview": row.preview,
    })
}

/// UTC date as `2026-03-03 10:00` (or RFC 3339 with `iso`).
pub fn format_date(unix: i64, iso: bool) -> String {
    let pattern = if iso {
        "%Y-%m-%dT%H:%M:%SZ"
    } else {
        "%Y-%m-%d %H:%M"
    };
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format(pattern)
        .to_string()
}

fn report(message: &str, hint: &str) {
    report_error(message, Some(hint));
}

fn failure(error: &StoreError) -> ExitCode {
    report(&error.user_message(), &error.hint());
    ExitCode::FAILURE
}

/// Accounts set up in the settings plus any with a local mail root, by address. The
/// settings are optional here: mail on disk can be listed even if they can't be read.
fn known_accounts(ctx: &Context) -> Vec<AccountId> {
    let mut ids: Vec<AccountId> = Config::load(&ctx.paths)
        .map(|config| config.accounts.iter().map(|a| a.id()).collect())
        .unwrap_or_default();
    if let Ok(dir) = std::fs::read_dir(ctx.paths.data_dir.join("mail")) {
        for entry in dir.filter_map(|d| d.ok()).filter(|d| d.path().is_dir()) {
            let id = AccountId(entry.file_name().to_string_lossy().into_owned());
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids.sort_by(|a, b| a.0.cmp(&b.0));
    ids
}

fn find_account(ctx: &Context, address: &str) -> Result<AccountId, ExitCode> {
    let wanted = AccountId(address.trim().to_lowercase());
    let known = known_accounts(ctx);
    if known.contains(&wanted) {
        return Ok(wanted);
    }
    let names: Vec<String> = known.into_iter().map(|a| a.0).collect();
    report(
        &fl!("store-no-such-account", account = wanted.0.clone()),
        &fl!("store-no-such-account-hint", accounts = names.join(", ")),
    );
    Err(ExitCode::FAILURE)
}

fn open_one(ctx: &Context, address: Option<&str>) -> Result<MailStore, ExitCode> {
    let account = match address {
        Some(address) => find_account(ctx, address)?,
        None => {
            let mut known = known_accounts(ctx);
            match known.len() {
                0 => {
                    report(&fl!("store-no-accounts"), &fl!("store-no-accounts-hint"));
                    return Err(ExitCode::FAILURE);
                }
                1 => known.remove(0),
                _ => {
                    let names: Vec<String> = known.into_iter().map(|a| a.0).collect();
                    report(
                        &fl!("store-many-accounts", accounts = names.join(", ")),
                        &fl!("store-many-accounts-hint"),
                    );
                    return Err(ExitCode::FAILURE);
                }
            }
        }
    };
    // A POP3 account gets its local Inbox, Sent, Drafts and Trash on first use.
    let protocol = Config::load(&ctx.paths)
        .ok()
        .and_then(|c| c.account(&account).map(|a| a.protocol))
        .unwrap_or_default();
    MailStore::open_for(&ctx.paths, &account, protocol).map_err(|error| failure(&error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_format_in_utc() {
        assert_eq!(format_date(0, true), "1970-01-01T00:00:00Z");
        assert_eq!(format_date(1_772_532_000, false), "2026-03-03 10:00");
        assert_eq!(format_date(951_782_400, true), "2000-02-29T00:00:00Z");
        assert_eq!(format_date(-86_400, true), "1969-12-31T00:00:00Z");
    }

    #[test]
    fn fit_pads_and_cuts() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("abcdef", 4), "abc\u{2026}");
        assert_eq!(fit("Si\u{e2}n", 4), "Si\u{e2}n");
    }
}
