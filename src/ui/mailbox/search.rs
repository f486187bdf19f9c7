//! The search box: every keystroke asks the index (full-text, word prefixes), which
//! answers in milliseconds even at 100,000 messages, so there is no search button.

use iced::widget::{button, row, text, text_input};
use iced::{Element, Length, Task};

pub const INPUT_ID: &str = "search-box";

#[derive(Debug, Default)]
pub struct State {
    pub query: String,
}

#[derive(Clone, Debug)]
pub enum Message {
    Changed(String),
    Clear,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Search for this (never empty).
    Query(String),
    /// Back to the folder.
    Cleared,
}

impl State {
    pub fn focus<M: Send + 'static>() -> Task<M> {
        iced::widget::operation::focus(INPUT_ID)
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Changed(query) => {
                self.query = query;
                let event = if self.query.trim().is_empty() {
                    Event::Cleared
                } else {
                    Event::Query(self.query.clone())
                };
                (Task::none(), Some(event))
            }
            Message::Clear => {
                self.query.clear();
                (Task::none(), Some(Event::Cleared))
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let input = text_input(&crate::fl!("mailbox-search-placeholder"), &self.query)
            .id(INPUT_ID)
            .on_input(Message::Changed)
            .padding([6, 10])
            .width(Length::Fill);
        let mut bar = row![input].spacing(6);
        if !self.query.is_empty() {
            bar = bar.push(
                button(text(crate::fl!("mailbox-search-clear")).size(13))
                    .style(button::text)
                    .on_press(Message::Clear),
            );
        }
        bar.into()
    }
}
