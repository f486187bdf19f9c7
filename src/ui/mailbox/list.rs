//! The message list, virtualised: the scrollable is as tall as every row together, but
//! only the rows in view (plus a margin) are fetched from the index and built as widgets.
//! At 100,000 messages a scroll costs one page query and a few dozen rows.
//!
//! The unified Inbox ([`Source::AllInboxes`]) keeps only (key rank, date, account, id)
//! of every account's Inbox in memory, merged in the list's sort order, and reads the
//! rows in view by id.
//!
//! With threads on, a folder of one account lists one row per thread (grouped by the
//! index, see `Index::page_threads`); the unified Inbox and search hits stay one row
//! per message (each hit is what matched, and threads do not cross accounts).

use std::collections::BTreeSet;

use iced::keyboard::Modifiers;
use iced::widget::{button, column, container, mouse_area, row, scrollable, space, text, Column};
use iced::{Element, Font, Length, Task};

use crate::mail::store::folder::INBOX;
use crate::mail::store::{EnvelopeRow, Flags, MailStore, MessageId, Sort, SortKey};

use super::accounts::{MailRef, Mailbox};

/// Every row has this height, so a scroll offset maps to a row number with no layout.
pub const ROW_HEIGHT: f32 = 52.0;
/// Rows fetched above and below the visible ones, so small scrolls need no query.
const MARGIN: u64 = 40;
pub const SCROLL_ID: &str = "message-list";

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A folder of one account (its index in the window).
    Folder(usize, String),
    /// Search hits (already capped by the index), newest first.
    Search(String, Vec<Listed>),
    /// Every account's Inbox merged, by date.
    AllInboxes,
}

/// A row of the list and the account it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub account: usize,
    pub row: EnvelopeRow,
}

impl Listed {
    pub fn key(&self) -> MailRef {
        MailRef {
            account: self.account,
            id: self.row.id,
        }
    }
}

impl std::ops::Deref for Listed {
    type Target = EnvelopeRow;

    fn deref(&self) -> &EnvelopeRow {
        &self.row
    }
}

/// One message of the unified Inbox: only what orders it and finds it (24 bytes, so
/// 100,000 of them are 2.4 MB); its row is read when it scrolls into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Merged {
    date: i64,
    id: MessageId,
    account: u32,
    /// Where its sender or subject key stands among all the distinct keys (0 when
    /// sorting by date): the strings themselves are dropped once ranked.
    rank: u32,
}

/// Every account's Inbox in `sort` order: one query per account reading the sort
/// key, date and id only, then one sort. Within an account the order is the same as
/// that Inbox's own list (key, then date, then id); accounts interleave by key, then
/// date, then account.
fn merge_inboxes(boxes: &[Mailbox], sort: Sort) -> Vec<Merged> {
    let keyed: Vec<Vec<(String, i64, MessageId)>> = boxes
        .iter()
        .map(|mailbox| mailbox.store.keyed_ids(INBOX, sort.key).unwrap_or_default())
        .collect();
    let mut keys: Vec<&str> = keyed.iter().flatten().map(|(k, _, _)| k.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut merged: Vec<Merged> = keyed
        .iter()
        .enumerate()
        .flat_map(|(account, rows)| {
            let keys = &keys;
            rows.iter().map(move |(key, date, id)| Merged {
                date: *date,
                id: *id,
                account: account as u32,
                rank: keys.binary_search(&key.as_str()).unwrap_or(0) as u32,
            })
        })
        .collect();
    merged.sort_unstable_by(|a, b| {
        let order = (a.rank, a.date, a.account, a.id).cmp(&(b.rank, b.date, b.account, b.id));
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
    merged
}

fn listed(account: usize, rows: Vec<EnvelopeRow>) -> Vec<Listed> {
    rows.into_iter()
        .map(|row| Listed { account, row })
        .collect()
}

#[derive(Debug)]
pub struct State {
    pub source: Source,
    pub sort: Sort,
    /// Conversation view: a folder lists one row per thread (its newest message), and
    /// selecting one shows the whole thread in the reader.
    pub threads: bool,
    pub total: u64,
    /// Position of `rows[0]` in the whole list.
    window_start: u64,
    rows: Vec<Listed>,
    /// Beside `rows` when they are threads (see [`State::grouped`]), else empty.
    thread_info: Vec<ThreadInfo>,
    /// The unified Inbox's order, when it is shown.
    merged: Vec<Merged>,
    /// Each account's name, shown on its rows when there is more than one.
    pub account_labels: Vec<String>,
    scroll_y: f32,
    viewport_height: f32,
    pub selected: BTreeSet<MailRef>,
    /// Where shift-selection extends from, and where the keyboard cursor is.
    anchor: Option<u64>,
    pub cursor: Option<u64>,
    pub modifiers: Modifiers,
}

/// What a thread row shows beside its newest message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThreadInfo {
    /// Messages of the thread in this folder.
    pub messages: u64,
    pub unread: u64,
}

#[derive(Clone, Debug)]
pub enum Message {
    Scrolled(scrollable::Viewport),
    Clicked(u64),
    Sort(SortKey),
    ToggleThreads,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The selection changed; `Some` when exactly one message is selected.
    Selected(Option<MailRef>),
}

impl State {
    pub fn new(source: Source) -> State {
        State {
            source,
            sort: Sort::default(),
            threads: false,
            total: 0,
            window_start: 0,
            rows: Vec::new(),
            thread_info: Vec::new(),
            merged: Vec::new(),
            account_labels: Vec::new(),
            scroll_y: 0.0,
            // Until the scrollable reports its size: tall enough for a large screen.
            viewport_height: 1600.0,
            selected: BTreeSet::new(),
            anchor: None,
            cursor: None,
            modifiers: Modifiers::default(),
        }
    }

    /// Shows another folder or search result from the top.
    pub fn show(&mut self, source: Source, boxes: &[Mailbox]) -> Task<Message> {
        self.source = source;
        self.selected.clear();
        self.anchor = None;
        self.cursor = None;
        self.scroll_y = 0.0;
        self.reload(boxes);
        iced::widget::operation::scroll_to(SCROLL_ID, scrollable::AbsoluteOffset { x: 0.0, y: 0.0 })
    }

    /// Re-reads the count and the rows in view (after a change in the store).
    pub fn reload(&mut self, boxes: &[Mailbox]) {
        self.merged = match self.source {
            Source::AllInboxes => merge_inboxes(boxes, self.sort),
            _ => Vec::new(),
        };
        self.total = match &self.source {
            Source::Folder(account, name) if self.threads => {
                store_of(boxes, *account).map_or(0, |s| s.index().count_threads(name).unwrap_or(0))
            }
            Source::Folder(account, name) => {
                store_of(boxes, *account).map_or(0, |s| s.count(name).unwrap_or(0))
            }
            Source::Search(_, hits) => hits.len() as u64,
            Source::AllInboxes => self.merged.len() as u64,
        };
        self.rows.clear();
        self.fetch_window(boxes);
        // Keep only the selected messages that still exist (deleted or moved away).
        let folder = match &self.source {
            Source::Folder(_, name) => Some(name.as_str()),
            Source::AllInboxes => Some(INBOX),
            Source::Search(..) => None,
        };
        if let Some(name) = folder {
            let shown = self.folder_account();
            self.selected.retain(|r| {
                shown.is_none_or(|a| a == r.account)
                    && store_of(boxes, r.account)
                        .is_some_and(|s| s.get(r.id).is_ok_and(|row| row.folder == name))
            });
        }
        if let Some(cursor) = self.cursor {
            if self.total == 0 {
                self.cursor = None;
            } else if cursor >= self.total {
                self.cursor = Some(self.total - 1);
            }
        }
    }

    pub fn rows_in_memory(&self) -> usize {
        self.rows.len()
    }

    pub fn folder(&self) -> Option<&str> {
        match &self.source {
            Source::Folder(_, name) => Some(name),
            Source::Search(..) | Source::AllInboxes => None,
        }
    }

    /// The account whose folder is shown (none for a search or the unified Inbox).
    pub fn folder_account(&self) -> Option<usize> {
        match &self.source {
            Source::Folder(account, _) => Some(*account),
            Source::Search(..) | Source::AllInboxes => None,
        }
    }

    /// The account and folder whose threads are listed, when threads are on: search
    /// hits and the unified Inbox stay single messages.
    pub fn grouped(&self) -> Option<(usize, &str)> {
        match &self.source {
            Source::Folder(account, name) if self.threads => Some((*account, name)),
            _ => None,
        }
    }

    /// The thread counts of the row at `position`, when threads are grouped and the row
    /// is fetched.
    pub fn thread_info(&self, position: u64) -> Option<ThreadInfo> {
        let i = position.checked_sub(self.window_start)?;
        self.thread_info.get(i as usize).copied()
    }

    /// What an action on the selection acts on, one group per selected row: a thread
    /// row stands for every message of its thread in the listed folder, any other row
    /// for its message alone.
    pub fn selected_groups(&self, boxes: &[Mailbox]) -> Vec<Vec<MailRef>> {
        let Some((account, folder)) = self.grouped() else {
            return self.selected.iter().map(|r| vec![*r]).collect();
        };
        self.selected
            .iter()
            .map(|r| {
                let thread = store_of(boxes, r.account)
                    .filter(|_| r.account == account)
                    .and_then(|s| {
                        let row = s.get(r.id).ok()?;
                        s.index().thread(row.thread_id).ok()
                    })
                    .unwrap_or_default();
                let mut group: Vec<MailRef> = thread
                    .iter()
                    .filter(|m| m.folder == folder)
                    .map(|m| MailRef { account, id: m.id })
                    .collect();
                if !group.contains(r) {
                    group.push(*r);
                }
                group
            })
            .collect()
    }

    /// Every message the selection stands for (see [`State::selected_groups`]).
    pub fn selected_messages(&self, boxes: &[Mailbox]) -> Vec<MailRef> {
        let mut all: Vec<MailRef> = self.selected_groups(boxes).concat();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// `limit` rows from list position `start`. A unified Inbox row whose message went
    /// away since the merge (deleted from elsewhere) makes the merge be done again, so
    /// positions keep matching rows.
    fn fetch(&mut self, boxes: &[Mailbox], start: u64, limit: u64) -> Vec<Listed> {
        self.thread_info.clear();
        if let Some((account, folder)) = self.grouped() {
            let threads = store_of(boxes, account)
                .and_then(|s| s.index().page_threads(folder, self.sort, start, limit).ok())
                .unwrap_or_default();
            self.thread_info = threads
                .iter()
                .map(|t| ThreadInfo {
                    messages: t.messages,
                    unread: t.unread,
                })
                .collect();
            return threads
                .into_iter()
                .map(|t| Listed {
                    account,
                    row: t.newest,
                })
                .collect();
        }
        match &self.source {
            Source::Folder(account, name) => store_of(boxes, *account)
                .map(|s| {
                    listed(
                        *account,
                        s.list(name, self.sort, start, limit).unwrap_or_default(),
                    )
                })
                .unwrap_or_default(),
            Source::Search(_, hits) => hits
                .iter()
                .skip(start as usize)
                .take(limit as usize)
                .cloned()
                .collect(),
            Source::AllInboxes => {
                let mut again = true;
                loop {
                    let wanted = self.merged.iter().skip(start as usize).take(limit as usize);
                    let expected = wanted.len();
                    let rows: Vec<Listed> = wanted
                        .filter_map(|m| {
                            let account = m.account as usize;
                            let row = store_of(boxes, account)?.get(m.id).ok()?;
                            Some(Listed { account, row })
                        })
                        .collect();
                    if rows.len() == expected || !again {
                        return rows;
                    }
                    again = false;
                    self.merged = merge_inboxes(boxes, self.sort);
                    self.total = self.merged.len() as u64;
                }
            }
        }
    }

    fn visible_range(&self) -> (u64, u64) {
        let first = (self.scroll_y / ROW_HEIGHT).floor().max(0.0) as u64;
        let count = (self.viewport_height / ROW_HEIGHT).ceil() as u64 + 1;
        (first, (first + count).min(self.total))
    }

    /// Fetches the rows around the visible ones unless they are already here.
    fn fetch_window(&mut self, boxes: &[Mailbox]) {
        let (first, end) = self.visible_range();
        let have_end = self.window_start + self.rows.len() as u64;
        if !self.rows.is_empty() && first >= self.window_start && end <= have_end {
            return;
        }
        let start = first.saturating_sub(MARGIN);
        let limit = (end - first.min(end)) + 2 * MARGIN;
        self.window_start = start;
        self.rows = self.fetch(boxes, start, limit);
    }

    /// Every row's message, without reading the rows: one id query for a folder, the
    /// merge for the unified Inbox, the hits for a search. (Thread rows still read their
    /// newest messages, a page at a time.)
    pub fn all_keys(&mut self, boxes: &[Mailbox]) -> Vec<MailRef> {
        if self.grouped().is_none() {
            match &self.source {
                Source::Folder(account, name) => {
                    let ids = store_of(boxes, *account)
                        .and_then(|s| s.dated_ids(name).ok())
                        .unwrap_or_default();
                    return ids
                        .into_iter()
                        .map(|(_, id)| MailRef {
                            account: *account,
                            id,
                        })
                        .collect();
                }
                Source::Search(_, hits) => return hits.iter().map(Listed::key).collect(),
                Source::AllInboxes => {
                    return self
                        .merged
                        .iter()
                        .map(|m| MailRef {
                            account: m.account as usize,
                            id: m.id,
                        })
                        .collect()
                }
            }
        }
        (0..self.total)
            .filter_map(|position| self.row_at(position, boxes).map(Listed::key))
            .collect()
    }

    /// The row at a list position, fetching it when it is out of the window.
    pub fn row_at(&mut self, position: u64, boxes: &[Mailbox]) -> Option<&Listed> {
        if position >= self.total {
            return None;
        }
        let in_window =
            position >= self.window_start && position < self.window_start + self.rows.len() as u64;
        if !in_window {
            self.window_start = position.saturating_sub(MARGIN);
            self.rows = self.fetch(boxes, self.window_start, 2 * MARGIN + 1);
        }
        self.rows.get((position - self.window_start) as usize)
    }

    /// Updates a row in place (flag change) so the list shows it at once.
    pub fn patch(&mut self, account: usize, updated: &EnvelopeRow) {
        let same = |r: &&mut Listed| r.account == account && r.row.id == updated.id;
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| r.account == account && r.row.id == updated.id)
        {
            // A thread row counts its unread messages: follow the change of this one.
            if let Some(info) = self.thread_info.get_mut(i) {
                match (self.rows[i].is_unread(), updated.is_unread()) {
                    (true, false) => info.unread = info.unread.saturating_sub(1),
                    (false, true) => info.unread += 1,
                    _ => {}
                }
            }
            self.rows[i].row = updated.clone();
        }
        if let Source::Search(_, hits) = &mut self.source {
            if let Some(listed) = hits.iter_mut().find(same) {
                listed.row = updated.clone();
            }
        }
    }

    pub fn single_selection(&self) -> Option<MailRef> {
        (self.selected.len() == 1)
            .then(|| self.selected.iter().next().copied())
            .flatten()
    }

    pub fn update(
        &mut self,
        message: Message,
        boxes: &[Mailbox],
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Scrolled(viewport) => {
                self.scroll_y = viewport.absolute_offset().y;
                self.viewport_height = viewport.bounds().height;
                self.fetch_window(boxes);
                (Task::none(), None)
            }
            Message::Clicked(position) => {
                let event = self.click(position, boxes);
                (Task::none(), event)
            }
            Message::Sort(key) => {
                if self.sort.key == key {
                    self.sort.descending = !self.sort.descending;
                } else {
                    self.sort = Sort {
                        key,
                        descending: key == SortKey::Date,
                    };
                }
                let source = self.source.clone();
                let task = self.show(source, boxes);
                (task, Some(Event::Selected(None)))
            }
            Message::ToggleThreads => {
                self.threads = !self.threads;
                let selected = self.single_selection();
                // Rows change number and order: the list starts again from the top, and
                // a selected message stays selected as its thread's row.
                let keep = match (selected, self.grouped()) {
                    (Some(message), Some((_, folder))) => {
                        Some(newest_of_thread(boxes, folder, message))
                    }
                    (selected, _) => selected,
                };
                let task = self.show(self.source.clone(), boxes);
                self.selected.extend(keep);
                (task, Some(Event::Selected(keep)))
            }
        }
    }

    fn click(&mut self, position: u64, boxes: &[Mailbox]) -> Option<Event> {
        let id = self.row_at(position, boxes)?.key();
        if self.modifiers.shift() {
            let anchor = self.anchor.unwrap_or(position);
            let (lo, hi) = (anchor.min(position), anchor.max(position));
            if !self.modifiers.command() {
                self.selected.clear();
            }
            for p in lo..=hi {
                if let Some(row) = self.row_at(p, boxes) {
                    let id = row.key();
                    self.selected.insert(id);
                }
            }
        } else if self.modifiers.command() {
            if !self.selected.remove(&id) {
                self.selected.insert(id);
            }
            self.anchor = Some(position);
        } else {
            self.selected.clear();
            self.selected.insert(id);
            self.anchor = Some(position);
        }
        self.cursor = Some(position);
        Some(Event::Selected(self.single_selection()))
    }

    /// Moves the cursor by `delta` rows (arrows, j/k); with `extend` the selection grows.
    pub fn step(
        &mut self,
        delta: i64,
        extend: bool,
        boxes: &[Mailbox],
    ) -> (Task<Message>, Option<Event>) {
        if self.total == 0 {
            return (Task::none(), None);
        }
        let current = self.cursor.map(|c| c as i64).unwrap_or(-1);
        let next = (current + delta).clamp(0, self.total as i64 - 1) as u64;
        let saved = self.modifiers;
        self.modifiers = Modifiers::default();
        if extend {
            self.modifiers = Modifiers::SHIFT;
        }
        let event = self.click(next, boxes);
        self.modifiers = saved;
        (self.scroll_into_view(next), event)
    }

    fn scroll_into_view(&self, position: u64) -> Task<Message> {
        let top = position as f32 * ROW_HEIGHT;
        let y = if top < self.scroll_y {
            top
        } else if top + ROW_HEIGHT > self.scroll_y + self.viewport_height {
            top + ROW_HEIGHT - self.viewport_height
        } else {
            return Task::none();
        };
        iced::widget::operation::scroll_to(SCROLL_ID, scrollable::AbsoluteOffset { x: 0.0, y })
    }

    pub fn view(&self) -> Element<'_, Message> {
        let sort_button = |key: SortKey, label: String| {
            let arrow = match (self.sort.key == key, self.sort.descending) {
                (true, true) => " ↓",
                (true, false) => " ↑",
                _ => "",
            };
            button(text(format!("{label}{arrow}")).size(13))
                .style(if self.sort.key == key {
                    button::primary
                } else {
                    button::text
                })
                .padding([4, 8])
                .on_press(Message::Sort(key))
        };
        let threads = button(text(crate::fl!("mailbox-threads")).size(13))
            .style(if self.threads {
                button::primary
            } else {
                button::text
            })
            .padding([4, 8])
            .on_press(Message::ToggleThreads);
        let header = row![
            sort_button(SortKey::Date, crate::fl!("mailbox-sort-date")),
            sort_button(SortKey::From, crate::fl!("mailbox-sort-sender")),
            sort_button(SortKey::Subject, crate::fl!("mailbox-sort-subject")),
        ]
        .push(space().width(Length::Fill))
        .push(threads)
        .spacing(4)
        .padding([6, 8]);

        let body: Element<'_, Message> = if self.total == 0 {
            container(text(crate::fl!("mailbox-empty")).style(super::muted))
                .center(Length::Fill)
                .into()
        } else {
            let (first, end) = self.visible_range();
            let mut rows = Column::new().push(space().height(first as f32 * ROW_HEIGHT));
            for position in first..end {
                let Some(row) = position
                    .checked_sub(self.window_start)
                    .and_then(|i| self.rows.get(i as usize))
                else {
                    rows = rows.push(space().height(ROW_HEIGHT));
                    continue;
                };
                rows = rows.push(self.row_view(position, row));
            }
            let below = self.total.saturating_sub(end) as f32 * ROW_HEIGHT;
            rows = rows.push(space().height(below));
            scrollable(rows.width(Length::Fill))
                .id(SCROLL_ID)
                .on_scroll(Message::Scrolled)
                .height(Length::Fill)
                .into()
        };
        column![header, body].into()
    }

    fn row_view<'a>(&'a self, position: u64, listed: &'a Listed) -> Element<'a, Message> {
        let row = &listed.row;
        let thread = self.thread_info(position);
        // A thread is unread while any of its messages is.
        let unread = thread.map_or(row.is_unread(), |t| t.unread > 0);
        let bold = Font {
            weight: iced::font::Weight::Bold,
            ..Font::DEFAULT
        };
        let mut marks = String::new();
        if unread {
            marks.push('•');
        }
        if row.flags().contains(Flags::FLAGGED) {
            marks.push('!');
        }
        if row.has_attachments {
            marks.push('+');
        }
        let from = text(row.from.display().to_string())
            .size(14)
            .font(if unread { bold } else { Font::DEFAULT })
            .wrapping(text::Wrapping::None);
        let subject = if row.subject.is_empty() {
            crate::fl!("mailbox-no-subject")
        } else {
            row.subject.clone()
        };
        let count: Element<'a, Message> = match thread {
            Some(t) if t.messages > 1 => container(
                text(crate::fl!("mailbox-thread-count", count = t.messages))
                    .size(12)
                    .style(super::muted),
            )
            .padding([0, 6])
            .style(container::rounded_box)
            .into(),
            _ => space().width(0).into(),
        };
        let line1 = row![
            text(marks).size(14).width(24).style(super::accent),
            container(from).width(Length::Fill).clip(true),
            count,
            text(format_date(row.date)).size(12).style(super::muted),
        ]
        .spacing(6);
        let mut line2 = row![
            space().width(24),
            container(text(subject).size(13).wrapping(text::Wrapping::None))
                .width(Length::Fill)
                .clip(true),
        ]
        .spacing(6);
        // With several accounts, say whose mail each row is.
        if self.account_labels.len() > 1 {
            if let Some(label) = self.account_labels.get(listed.account) {
                line2 = line2.push(
                    text(label.as_str())
                        .size(11)
                        .style(super::muted)
                        .wrapping(text::Wrapping::None),
                );
            }
        }
        let selected = self.selected.contains(&listed.key());
        let cursor = self.cursor == Some(position);
        mouse_area(
            container(column![line1, line2].spacing(2))
                .padding([6, 10])
                .height(ROW_HEIGHT)
                .width(Length::Fill)
                .style(move |theme| super::row_style(theme, selected, cursor)),
        )
        .on_press(Message::Clicked(position))
        .into()
    }
}

/// A list date in the user's language and time zone: the time for today's mail, then
/// "Yesterday", the day and month, or the full date (see `i18n::format`).
pub fn format_date(secs: i64) -> String {
    crate::i18n::format::format_date(secs)
}

/// The newest message in `folder` of the thread that `message` belongs to.
fn newest_of_thread(boxes: &[Mailbox], folder: &str, message: MailRef) -> MailRef {
    let newest = store_of(boxes, message.account).and_then(|s| {
        let row = s.get(message.id).ok()?;
        let thread = s.index().thread(row.thread_id).ok()?;
        // Oldest first: the last one in the folder is the newest.
        thread
            .iter()
            .rev()
            .find(|r| r.folder == folder)
            .map(|r| r.id)
    });
    MailRef {
        account: message.account,
        id: newest.unwrap_or(message.id),
    }
}

fn store_of(boxes: &[Mailbox], account: usize) -> Option<&MailStore> {
    boxes.get(account).map(|b| &b.store)
}
