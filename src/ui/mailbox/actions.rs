//! What the main window does to the accounts' stores: flags, deletes (moves are in
//! [`super::moves`]), the composer's
//! drafts and sends, search, engine reports, and adding or removing an account. Each
//! acts on the store of the account the message or folder belongs to.

use std::time::Duration;

use iced::Task;

use crate::mail::account::{Account, AccountId};
use crate::mail::imap::journal::LocalChange;
use crate::mail::store::folder::Role;
use crate::mail::store::MailStore;

use super::accounts::{self, MailRef, Mailbox};
use super::list::{Listed, Source};
use super::{composer, engine, settings, MainWindow, Message, SEARCH_LIMIT};

/// What [`MainWindow::change_messages`] did.
#[derive(Debug, Default)]
pub(super) struct Applied {
    pub done: u64,
    /// The accounts whose stores changed.
    pub touched: Vec<usize>,
    /// The place in the list of changes of the last one done.
    pub last: Option<usize>,
}

/// A change on a store with no server copy to tell (POP3, the demo): a delete goes to the
/// Trash, or for good from the Trash.
fn change_locally(
    store: &mut MailStore,
    row: &crate::mail::store::EnvelopeRow,
    change: &LocalChange,
) -> Result<(), crate::mail::store::StoreError> {
    let trash = Role::Trash.default_name();
    match change {
        LocalChange::Delete if row.folder == trash => store.remove(row.id),
        LocalChange::Delete => store.move_to(row.id, trash).map(|_| ()),
        LocalChange::Move { to } => store.move_to(row.id, to).map(|_| ()),
        LocalChange::Flag { flag, on } => store
            .set_flags(row.id, &row.flags().with(*flag, *on))
            .map(|_| ()),
    }
}

impl MainWindow {
    /// Sets (`Some`) or toggles (`None`) a flag: the file is renamed and the index
    /// updated now; the server hears of it through the account's connection.
    pub fn set_flag(&mut self, message: MailRef, flag: char, on: Option<bool>) {
        let (paths, demo) = (self.paths.as_ref(), self.offline_demo);
        let Some(mailbox) = self.accounts.get_mut(message.account) else {
            return;
        };
        let Ok(row) = mailbox.store.get(message.id) else {
            return;
        };
        let on = on.unwrap_or(!row.flags().contains(flag));
        let flags = row.flags().with(flag, on);
        if flags == *row.flags() {
            return;
        }
        let change = LocalChange::Flag { flag, on };
        let result = match mailbox.journal(paths, demo, &row, &change) {
            // Re-read: the journal updated the file and the index row itself.
            Some(Ok(())) => mailbox.store.get(message.id),
            Some(Err(error)) => {
                self.status.note = Some(error);
                return;
            }
            None => mailbox.store.set_flags(message.id, &flags),
        };
        match result {
            Ok(updated) => {
                mailbox.command(engine::Command::Changed(message.id));
                self.list.patch(message.account, &updated);
                if self.shown() == Some(message) {
                    self.reader.patch(&updated);
                }
                // Adjusted in place: recounting 100,000 rows on every read would be slow.
                if flag == crate::mail::store::Flags::SEEN {
                    self.folders.adjust_unread(
                        message.account,
                        &updated.folder,
                        if on { -1 } else { 1 },
                    );
                }
            }
            Err(error) => self.status.note = Some(error.user_message()),
        }
    }

    /// Toggles a flag on the selection. A thread row (threads grouped) acts on its whole
    /// conversation in the folder: every message gets the flag unless all had it, then
    /// all lose it ("read" while any is unread, as the row shows it).
    pub fn toggle_selected(&mut self, flag: char) {
        let groups = self.list.selected_groups(&self.accounts);
        let threads = self.list.grouped().is_some();
        for group in groups {
            let all = group.iter().all(|m| {
                self.accounts
                    .get(m.account)
                    .and_then(|b| b.store.get(m.id).ok())
                    .is_some_and(|row| row.flags().contains(flag))
            });
            for message in group {
                self.set_flag(message, flag, Some(!all));
            }
        }
        if threads {
            // Older messages of a thread are not rows: recount the thread rows.
            self.list.reload(&self.accounts);
        }
    }

    /// With threads grouped: the unread messages of the open conversation that its row
    /// in the list stands for (those in the listed folder of the reader's account).
    pub(super) fn unread_in_thread_row(&self) -> Vec<MailRef> {
        let (Some((account, folder)), Some(open)) = (self.list.grouped(), &self.reader.open) else {
            return Vec::new();
        };
        if account != self.reading {
            return Vec::new();
        }
        open.thread
            .iter()
            .filter(|r| r.folder == folder && r.is_unread())
            .map(|r| MailRef { account, id: r.id })
            .collect()
    }

    /// The mark-read delay ran out on a thread row: its conversation in the folder is
    /// read as one (the row would stay unread otherwise).
    pub(super) fn read_thread_row(&mut self) {
        let others = self.unread_in_thread_row();
        for other in &others {
            self.set_flag(*other, crate::mail::store::Flags::SEEN, Some(true));
        }
        if !others.is_empty() {
            self.list.reload(&self.accounts);
        }
    }

    /// Moves the selection to its account's Trash (or deletes it for good when already
    /// in Trash); a thread row takes its whole conversation in the folder.
    pub fn delete_selected(&mut self) {
        let selected: Vec<MailRef> = self.list.selected_messages(&self.accounts);
        if selected.is_empty() {
            return;
        }
        let changes = selected
            .into_iter()
            .map(|message| (message, LocalChange::Delete))
            .collect();
        let applied = self.change_messages(changes);
        if applied.done > 0 {
            self.status.note = Some(crate::fl!("mailbox-deleted", count = applied.done));
        }
        self.after_removal(&applied.touched);
    }

    /// Moves or deletes messages, each in its own account: through the journal for an
    /// IMAP cache (the sync repeats it on the server), else on the store itself. A move
    /// to the folder a message is already in is skipped; a failure is said in the status
    /// bar and the rest go on.
    pub(super) fn change_messages(&mut self, changes: Vec<(MailRef, LocalChange)>) -> Applied {
        let (paths, demo) = (self.paths.as_ref(), self.offline_demo);
        let mut applied = Applied::default();
        for (position, (message, change)) in changes.iter().enumerate() {
            let Some(mailbox) = self.accounts.get_mut(message.account) else {
                continue;
            };
            let row = match mailbox.store.get(message.id) {
                Ok(row) if matches!(change, LocalChange::Move { to } if *to == row.folder) => {
                    continue
                }
                Ok(row) => row,
                Err(error) => {
                    self.status.note = Some(error.user_message());
                    continue;
                }
            };
            let result = match mailbox.journal(paths, demo, &row, change) {
                Some(Ok(())) => Ok(()),
                Some(Err(error)) => {
                    self.status.note = Some(error);
                    continue;
                }
                None => change_locally(&mut mailbox.store, &row, change),
            };
            match result {
                Ok(()) => {
                    applied.done += 1;
                    applied.last = Some(position);
                    mailbox.command(engine::Command::Changed(message.id));
                    if !applied.touched.contains(&message.account) {
                        applied.touched.push(message.account);
                    }
                }
                Err(error) => self.status.note = Some(error.user_message()),
            }
        }
        applied
    }

    /// After messages left the list (deleted or moved): re-read it and the touched
    /// accounts' counts, and select what is now at the cursor, as mail clients do.
    pub(super) fn after_removal(&mut self, touched: &[usize]) {
        if let Source::Search(query, _) = &self.list.source {
            let query = query.clone();
            let hits = self.run_search(&query);
            self.list.source = Source::Search(query, hits);
        }
        let cursor = self.list.cursor;
        self.list.selected.clear();
        self.list.reload(&self.accounts);
        for &account in touched {
            if let Some(mailbox) = self.accounts.get(account) {
                self.folders.refresh(account, &mailbox.store);
            }
        }
        self.reader.clear();
        if let Some(position) = cursor.filter(|_| self.list.total > 0) {
            let position = position.min(self.list.total - 1);
            self.list.cursor = Some(position);
            if let Some(row) = self.list.row_at(position, &self.accounts) {
                let message = row.key();
                self.list.selected.clear();
                self.list.selected.insert(message);
                self.reading = message.account;
                let store = &self.accounts[message.account].store;
                self.reader.load(store, message.id, self.list.threads);
            }
        }
    }

    /// Searches the selected folder's account, or every account from the unified
    /// Inbox; hits newest first, at most [`SEARCH_LIMIT`] in all.
    pub(super) fn run_search(&self, query: &str) -> Vec<Listed> {
        let searched: Vec<usize> = match self.folders.selected.account() {
            Some(account) => vec![account],
            None => (0..self.accounts.len()).collect(),
        };
        let mut hits: Vec<Listed> = Vec::new();
        for account in searched {
            let Some(mailbox) = self.accounts.get(account) else {
                continue;
            };
            let rows = mailbox
                .store
                .search(query, None, SEARCH_LIMIT)
                .unwrap_or_default();
            hits.extend(rows.into_iter().map(|row| Listed { account, row }));
        }
        hits.sort_by_key(|hit| std::cmp::Reverse((hit.row.date, hit.row.id)));
        hits.truncate(SEARCH_LIMIT as usize);
        hits
    }

    /// A reply goes out from the account the message came to.
    pub(super) fn open_reply(&mut self, all: bool) -> Task<Message> {
        if let (Some(open), Some(mailbox)) = (&self.reader.open, self.accounts.get(self.reading)) {
            self.composer = Some(composer::State::reply(
                &mailbox.account,
                &open.row,
                &open.text,
                all,
            ));
            self.composer_account = self.reading;
        }
        Task::none()
    }

    pub(super) fn open_forward(&mut self) -> Task<Message> {
        if let Some(open) = &self.reader.open {
            self.composer = Some(composer::State::forward(&open.row, &open.text));
            self.composer_account = self.reading;
        }
        Task::none()
    }

    pub(super) fn composer_update(&mut self, message: composer::Message) -> Task<Message> {
        let sender = self.composer_account;
        let (Some(composer), Some(mailbox)) = (&mut self.composer, self.accounts.get_mut(sender))
        else {
            return Task::none();
        };
        let (task, event) = composer.update(message, &mailbox.account);
        match event {
            Some(composer::Event::Lookup(prefix)) => {
                // The sending account's correspondents first, then the others'.
                let mut found = super::address_completions(&mailbox.store, &prefix);
                for (index, other) in self.accounts.iter().enumerate() {
                    if index != sender && found.len() < 8 {
                        for address in super::address_completions(&other.store, &prefix) {
                            if found.len() < 8 && !found.contains(&address) {
                                found.push(address);
                            }
                        }
                    }
                }
                composer.completions = found;
            }
            Some(composer::Event::SaveDraft(bytes)) => {
                match engine::save_draft(&mut mailbox.store, &bytes) {
                    Ok(_) => self.status.note = Some(crate::fl!("composer-draft-saved")),
                    Err(error) => {
                        composer.dirty = true;
                        composer.error = Some(error.user_message());
                    }
                }
                if composer.confirm_close && !composer.dirty {
                    self.composer = None;
                }
                self.folders.refresh(sender, &mailbox.store);
            }
            Some(composer::Event::Send(bytes)) => {
                let queued = match &self.paths {
                    Some(paths) => {
                        engine::queue_send(paths, &mailbox.account, &bytes, composer.envelope())
                            .map(|_| ())
                            .map_err(|e| crate::fl!("wire-queue-failed", detail = e.to_string()))
                    }
                    None => engine::queue_local(&mut mailbox.store, &bytes)
                        .map(|_| ())
                        .map_err(|e| e.user_message()),
                };
                match queued {
                    Ok(()) => {
                        self.composer = None;
                        self.status.note = Some(crate::fl!("composer-queued"));
                        self.folders.refresh(sender, &mailbox.store);
                        mailbox.command(engine::Command::Send);
                    }
                    Err(error) => {
                        composer.dirty = true;
                        composer.error = Some(error);
                    }
                }
            }
            Some(composer::Event::Closed) => self.composer = None,
            None => {}
        }
        task.map(Message::Composer)
    }

    /// Applies a report from an account's connection; one from an account no longer in
    /// the window, or from a worker since replaced, is dropped (returns false).
    pub fn engine_report(&mut self, report: engine::Report) -> bool {
        let Some(index) = self
            .accounts
            .iter()
            .position(|m| &m.account.id() == report.account())
        else {
            return false;
        };
        let mailbox = &mut self.accounts[index];
        if report.generation() != mailbox.generation {
            return false;
        }
        match report {
            engine::Report::Ready { commands, .. } => {
                // The worker is up; "online" waits for the server to say so.
                mailbox.commands = Some(commands);
            }
            engine::Report::Status {
                account,
                connection,
                ..
            } => {
                self.status.set(&account, connection);
            }
            engine::Report::StoreChanged { .. } => {
                self.folders.refresh(index, &mailbox.store);
                // The unified Inbox merges every account: re-read it too.
                let shown = self.list.folder_account();
                if shown.is_none_or(|a| a == index) {
                    self.list.reload(&self.accounts);
                }
            }
            engine::Report::Note { text, .. } => self.status.note = Some(text),
        }
        true
    }

    /// Starts a new connection for an account (settings changed): reports of the old
    /// one go stale.
    pub fn restart_connection(&mut self, account: usize) {
        let generation = self.next_generation;
        if let Some(mailbox) = self.accounts.get_mut(account) {
            self.next_generation += 1;
            mailbox.generation = generation;
            mailbox.commands = None;
        }
    }

    /// Adds an account (set up with the wizard) with its store; its connection starts
    /// with the next subscription.
    pub fn add_account(&mut self, account: Account, store: MailStore) -> Task<Message> {
        let id = account.id();
        if let Some(index) = self.accounts.iter().position(|m| m.account.id() == id) {
            // Set up again: the new settings, a new connection.
            self.accounts[index].account = account;
            self.restart_connection(index);
        } else {
            self.accounts
                .push(Mailbox::new(account, store, self.next_generation));
            self.next_generation += 1;
            self.status
                .accounts
                .push((id, super::status::Connection::Offline));
        }
        self.reset_views().map(Message::List)
    }

    /// Removes an account: first out of the config, by a task (the file is locked and
    /// written off the UI thread), then, when that is done, out of the window (see
    /// [`Self::account_removed`]).
    pub fn remove_account(&mut self, index: usize, delete_mail: bool) -> Task<Message> {
        let (Some(mailbox), Some(paths)) = (self.accounts.get(index), self.paths.clone()) else {
            if let Some(settings) = &mut self.settings {
                settings.error = Some(crate::fl!("settings-no-home"));
            }
            return Task::none();
        };
        let id = mailbox.account.id();
        let removing = id.clone();
        crate::ui::off_thread(
            move || accounts::remove_from_config(&paths, &removing),
            move |result| Message::AccountRemoved {
                id: id.clone(),
                delete_mail,
                result,
            },
        )
    }

    /// The account left the config: now it leaves the window (its store closes and its
    /// connection stops with the subscription), and its keyring password, and its mail
    /// when asked, are deleted in the background. Found by id: other accounts may have
    /// come or gone while the config was written, moving it in the list.
    pub fn account_removed(
        &mut self,
        id: &AccountId,
        delete_mail: bool,
        result: Result<(), String>,
    ) -> Task<Message> {
        if let Err(error) = result {
            match &mut self.settings {
                Some(settings) => settings.error = Some(error),
                None => self.status.note = Some(error),
            }
            return Task::none();
        }
        let (Some(index), Some(paths)) = (
            self.accounts.iter().position(|m| &m.account.id() == id),
            self.paths.clone(),
        ) else {
            return Task::none();
        };
        let id = id.clone();
        let removed = self.accounts.remove(index);
        let account = removed.account.clone();
        drop(removed);
        self.status.accounts.retain(|(shown, _)| *shown != id);
        self.settings = None;
        // A message being written stays open: the accounts after the removed one move
        // up a place, and one written from the removed account now goes out from the
        // account before it (the new first when it was the first).
        if self.composer_account >= index {
            self.composer_account = self.composer_account.saturating_sub(1);
        }
        if self.composer.is_some() && self.accounts.is_empty() {
            self.composer = None;
        }
        let views = self.reset_views().map(Message::List);
        self.status.note = Some(if delete_mail {
            crate::fl!("settings-removed-deleted", account = id.0.clone())
        } else {
            crate::fl!(
                "settings-removed-kept",
                account = id.0.clone(),
                path = paths.mail_root(&id).display().to_string()
            )
        });
        let forget = Task::perform(
            accounts::forget(paths, account, delete_mail),
            Message::Forgotten,
        );
        Task::batch([views, forget])
    }

    /// Reads the app's settings from the config, by a task, for the form on the current
    /// account (a bare window without a config opens it on the defaults at once).
    pub(super) fn load_settings(&mut self) -> Task<Message> {
        let current = self.current_account();
        let Some(account) = self.accounts.get(current).map(|m| m.account.id()) else {
            return Task::none();
        };
        let Some(paths) = self.paths.clone() else {
            self.open_settings(current, Default::default());
            return Task::none();
        };
        crate::ui::off_thread(
            move || {
                crate::mail::config::Config::load(&paths)
                    .map(|config| config.settings)
                    .map_err(|error| error.user_message())
            },
            move |result| Message::SettingsLoaded { account, result },
        )
    }

    /// Opens the settings form on one account.
    pub(super) fn open_settings(&mut self, account: usize, current: crate::mail::config::Settings) {
        let Some(mailbox) = self.accounts.get(account) else {
            return;
        };
        let labels = self
            .accounts
            .iter()
            .map(|m| (m.account.id(), m.label()))
            .collect();
        let mut form = settings::State::new(&mailbox.account, current, labels, account);
        form.system_text_percent = self.zoom.system_percent();
        self.settings = Some(form);
    }

    /// The settings form's save came back. The account is found by its id: the form may
    /// have moved on to another account, or closed, while the file was written.
    fn settings_written(
        &mut self,
        result: Result<(Box<Account>, crate::mail::config::Settings), String>,
    ) -> Task<Message> {
        let (account, saved) = match result {
            Ok(written) => written,
            Err(error) => {
                match &mut self.settings {
                    Some(form) => form.error = Some(error),
                    None => self.status.note = Some(error),
                }
                return Task::none();
            }
        };
        let id = account.id();
        if let Some(index) = self.accounts.iter().position(|m| m.account.id() == id) {
            self.accounts[index].account = *account;
            let label = self.accounts[index].label();
            if let Some(section) = self.folders.sections.get_mut(index) {
                section.label = label;
            }
            // A new worker with the new account settings replaces the old.
            self.restart_connection(index);
        }
        crate::i18n::init(saved.language.as_deref());
        self.mark_read_delay = Duration::from_secs(saved.mark_read_delay_secs.into());
        self.notify.enabled = saved.notifications;
        // The app shell applies it from here at once.
        self.theme = saved.theme;
        self.zoom.chosen = saved.text_scale_percent;
        // The form that saved closes; one since opened on another account stays.
        let saved_form = self
            .settings
            .as_ref()
            .is_some_and(|f| f.accounts.get(f.editing).is_some_and(|(a, _)| *a == id));
        if saved_form {
            self.settings = None;
        }
        self.status.note = Some(crate::fl!("settings-saved"));
        Task::none()
    }

    pub(super) fn settings_update(&mut self, message: settings::Message) -> Task<Message> {
        if let settings::Message::Written(result) = message {
            return self.settings_written(result);
        }
        let Some(state) = &mut self.settings else {
            return Task::none();
        };
        let editing = state.editing;
        let Some(mailbox) = self.accounts.get(editing) else {
            return Task::none();
        };
        let (task, event) = state.update(message, self.paths.as_ref(), &mailbox.account);
        let task = task.map(Message::Settings);
        match event {
            Some(settings::Event::Edit(account)) => {
                let current = state.settings.clone();
                self.open_settings(account, current);
                task
            }
            Some(settings::Event::Remove {
                account,
                delete_mail,
            }) => Task::batch([task, self.remove_account(account, delete_mail)]),
            Some(settings::Event::AddAccount) => {
                self.settings = None;
                Task::batch([task, Task::done(Message::AddAccount)])
            }
            Some(settings::Event::Closed) => {
                self.settings = None;
                task
            }
            None => task,
        }
    }
}
