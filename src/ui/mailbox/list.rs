//! The message list, virtualised: the scrollable is as tall as every row together, but
//! only the rows in view (plus a margin) are fetched from the index and built as widgets.
//! At 100,000 messages a scroll costs one page query and a few dozen rows.

use std::collections::BTreeSet;

use iced::keyboard::Modifiers;
use iced::widget::{button, column, container, mouse_area, row, scrollable, space, text, Column};
use iced::{Element, Font, Length, Task};

use crate::mail::store::{EnvelopeRow, Flags, MailStore, MessageId, Sort, SortKey};

/// Every row has this height, so a scroll offset maps to a row number with no layout.
pub const ROW_HEIGHT: f32 = 52.0;
/// Rows fetched above and below the visible ones, so small scrolls need no query.
const MARGIN: u64 = 40;
pub const SCROLL_ID: &str = "message-list";

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Folder(String),
    /// Search hits (already capped by the index), newest first.
    Search(String, Vec<EnvelopeRow>),
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
    rows: Vec<EnvelopeRow>,
    /// Beside `rows` when they are threads (see [`State::grouped`]), else empty.
    thread_info: Vec<ThreadInfo>,
    scroll_y: f32,
    viewport_height: f32,
    pub selected: BTreeSet<MessageId>,
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
    Selected(Option<MessageId>),
}

impl State {
    pub fn new(folder: &str) -> State {
        State {
            source: Source::Folder(folder.to_string()),
            sort: Sort::default(),
            threads: false,
            total: 0,
            window_start: 0,
            rows: Vec::new(),
            thread_info: Vec::new(),
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
    pub fn show(&mut self, source: Source, store: &MailStore) -> Task<Message> {
        self.source = source;
        self.selected.clear();
        self.anchor = None;
        self.cursor = None;
        self.scroll_y = 0.0;
        self.reload(store);
        iced::widget::operation::scroll_to(SCROLL_ID, scrollable::AbsoluteOffset { x: 0.0, y: 0.0 })
    }

    /// Re-reads the count and the rows in view (after a change in the store).
    pub fn reload(&mut self, store: &MailStore) {
        self.total = match (self.grouped(), &self.source) {
            (Some(name), _) => store.index().count_threads(name).unwrap_or(0),
            (None, source) => match source {
                Source::Folder(name) => store.count(name).unwrap_or(0),
                Source::Search(_, hits) => hits.len() as u64,
            },
        };
        self.rows.clear();
        self.fetch_window(store);
        // Keep only the selected messages that still exist (deleted or moved away).
        if let Source::Folder(name) = &self.source {
            self.selected
                .retain(|id| store.get(*id).is_ok_and(|r| &r.folder == name));
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
            Source::Folder(name) => Some(name),
            Source::Search(..) => None,
        }
    }

    /// The folder whose threads are listed, when threads are on: search hits stay
    /// single messages (each hit is what matched).
    pub fn grouped(&self) -> Option<&str> {
        match &self.source {
            Source::Folder(name) if self.threads => Some(name),
            _ => None,
        }
    }

    /// Fills `rows` (and `thread_info`) with the threads from `start`.
    fn fetch_threads(&mut self, folder: &str, start: u64, limit: u64, store: &MailStore) {
        let threads = store
            .index()
            .page_threads(folder, self.sort, start, limit)
            .unwrap_or_default();
        self.window_start = start;
        self.thread_info = threads
            .iter()
            .map(|t| ThreadInfo {
                messages: t.messages,
                unread: t.unread,
            })
            .collect();
        self.rows = threads.into_iter().map(|t| t.newest).collect();
    }

    /// The thread counts of the row at `position`, when threads are grouped and the row
    /// is fetched.
    pub fn thread_info(&self, position: u64) -> Option<ThreadInfo> {
        let i = position.checked_sub(self.window_start)?;
        self.thread_info.get(i as usize).copied()
    }

    fn visible_range(&self) -> (u64, u64) {
        let first = (self.scroll_y / ROW_HEIGHT).floor().max(0.0) as u64;
        let count = (self.viewport_height / ROW_HEIGHT).ceil() as u64 + 1;
        (first, (first + count).min(self.total))
    }

    /// Fetches the rows around the visible ones unless they are already here.
    fn fetch_window(&mut self, store: &MailStore) {
        let (first, end) = self.visible_range();
        let have_end = self.window_start + self.rows.len() as u64;
        if !self.rows.is_empty() && first >= self.window_start && end <= have_end {
            return;
        }
        let start = first.saturating_sub(MARGIN);
        let limit = (end - first.min(end)) + 2 * MARGIN;
        if let Some(folder) = self.grouped().map(str::to_string) {
            return self.fetch_threads(&folder, start, limit, store);
        }
        self.thread_info.clear();
        self.window_start = start;
        self.rows = match &self.source {
            Source::Folder(name) => store
                .list(name, self.sort, start, limit)
                .unwrap_or_default(),
            Source::Search(_, hits) => hits
                .iter()
                .skip(start as usize)
                .take(limit as usize)
                .cloned()
                .collect(),
        };
    }

    /// The row at a list position, fetching it when it is out of the window.
    pub fn row_at(&mut self, position: u64, store: &MailStore) -> Option<&EnvelopeRow> {
        if position >= self.total {
            return None;
        }
        let in_window =
            position >= self.window_start && position < self.window_start + self.rows.len() as u64;
        if let (false, Some(folder)) = (in_window, self.grouped().map(str::to_string)) {
            let start = position.saturating_sub(MARGIN);
            self.fetch_threads(&folder, start, 2 * MARGIN + 1, store);
        } else if !in_window {
            self.thread_info.clear();
            self.window_start = position.saturating_sub(MARGIN);
            self.rows = match &self.source {
                Source::Folder(name) => store
                    .list(name, self.sort, self.window_start, 2 * MARGIN + 1)
                    .unwrap_or_default(),
                Source::Search(_, hits) => hits
                    .iter()
                    .skip(self.window_start as usize)
                    .take(2 * MARGIN as usize + 1)
                    .cloned()
                    .collect(),
            };
        }
        self.rows.get((position - self.window_start) as usize)
    }

    /// Updates a row in place (flag change) so the list shows it at once.
    pub fn patch(&mut self, updated: &EnvelopeRow) {
        if let Some(i) = self.rows.iter().position(|r| r.id == updated.id) {
            // A thread row counts its unread messages: follow the change of this one.
            if let Some(info) = self.thread_info.get_mut(i) {
                match (self.rows[i].is_unread(), updated.is_unread()) {
                    (true, false) => info.unread = info.unread.saturating_sub(1),
                    (false, true) => info.unread += 1,
                    _ => {}
                }
            }
            self.rows[i] = updated.clone();
        }
        if let Source::Search(_, hits) = &mut self.source {
            if let Some(row) = hits.iter_mut().find(|r| r.id == updated.id) {
                *row = updated.clone();
            }
        }
    }

    pub fn single_selection(&self) -> Option<MessageId> {
        (self.selected.len() == 1)
            .then(|| self.selected.iter().next().copied())
            .flatten()
    }

    pub fn update(
        &mut self,
        message: Message,
        store: &MailStore,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Scrolled(viewport) => {
                self.scroll_y = viewport.absolute_offset().y;
                self.viewport_height = viewport.bounds().height;
                self.fetch_window(store);
                (Task::none(), None)
            }
            Message::Clicked(position) => {
                let event = self.click(position, store);
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
                let task = self.show(source, store);
                (task, Some(Event::Selected(None)))
            }
            Message::ToggleThreads => {
                self.threads = !self.threads;
                let selected = self.single_selection();
                // Rows change number and order: the list starts again from the top, and
                // a selected message stays selected as its thread's row.
                let keep = match (selected, self.grouped()) {
                    (Some(id), Some(folder)) => newest_of_thread(store, folder, id),
                    (selected, _) => selected,
                };
                let task = self.show(self.source.clone(), store);
                self.selected.extend(keep);
                (task, Some(Event::Selected(keep)))
            }
        }
    }

    fn click(&mut self, position: u64, store: &MailStore) -> Option<Event> {
        let id = self.row_at(position, store)?.id;
        if self.modifiers.shift() {
            let anchor = self.anchor.unwrap_or(position);
            let (lo, hi) = (anchor.min(position), anchor.max(position));
            if !self.modifiers.command() {
                self.selected.clear();
            }
            for p in lo..=hi {
                if let Some(row) = self.row_at(p, store) {
                    let id = row.id;
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
        store: &MailStore,
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
        let event = self.click(next, store);
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
            space().width(Length::Fill),
            threads,
        ]
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

    fn row_view<'a>(&self, position: u64, row: &'a EnvelopeRow) -> Element<'a, Message> {
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
        let line2 = row![
            space().width(24),
            container(text(subject).size(13).wrapping(text::Wrapping::None))
                .width(Length::Fill)
                .clip(true),
        ]
        .spacing(6);
        let selected = self.selected.contains(&row.id);
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

/// The newest message in `folder` of the thread that `id` belongs to.
fn newest_of_thread(store: &MailStore, folder: &str, id: MessageId) -> Option<MessageId> {
    let row = store.get(id).ok()?;
    let thread = store.index().thread(row.thread_id).ok()?;
    // Oldest first: the last one in the folder is the newest.
    thread
        .iter()
        .rev()
        .find(|r| r.folder == folder)
        .map(|r| r.id)
        .or(Some(id))
}

/// A list date in the user's language and time zone: the time for today's mail, then
/// "Yesterday", the day and month, or the full date (see `i18n::format`).
pub fn format_date(secs: i64) -> String {
    crate::i18n::format::format_date(secs)
}
