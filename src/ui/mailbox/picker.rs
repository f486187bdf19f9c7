//! The keyboard's folder picker: `m` (move the selection to a folder) and `g` (go to a
//! folder). A text field, focused at once, filters the folders as one types; Up/Down
//! move the highlight, Enter picks, Escape closes. The pick lists and folder buttons
//! cannot take the keyboard focus in iced 0.14, so this is how a keyboard user reaches
//! them.

use iced::widget::{button, column, container, opaque, text, text_input, Column};
use iced::{Background, Color, Element, Length, Task};

use super::folders::{self, Selection};
use super::MainWindow;

pub const INPUT_ID: &str = "folder-picker";

/// What picking a folder does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Move,
    Go,
}

/// One folder on offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub target: Selection,
}

#[derive(Debug)]
pub struct State {
    pub purpose: Purpose,
    pub filter: String,
    /// The highlighted row among the filtered choices.
    pub cursor: usize,
    choices: Vec<Choice>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Filter(String),
    Submit,
    Pick(usize),
    Close,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Picked(Purpose, Selection),
    Closed,
}

impl State {
    pub fn new(purpose: Purpose, choices: Vec<Choice>) -> State {
        State {
            purpose,
            filter: String::new(),
            cursor: 0,
            choices,
        }
    }

    pub fn focus<M: Send + 'static>() -> Task<M> {
        iced::widget::operation::focus(INPUT_ID)
    }

    /// The choices whose name contains the filter (any case), in pane order.
    pub fn visible(&self) -> Vec<&Choice> {
        let needle = self.filter.trim().to_lowercase();
        self.choices
            .iter()
            .filter(|c| {
                let name = match &c.target {
                    Selection::Folder(_, name) => name.to_lowercase(),
                    Selection::AllInboxes => String::new(),
                };
                c.label.to_lowercase().contains(&needle) || name.contains(&needle)
            })
            .collect()
    }

    /// Moves the highlight (Up/Down), staying on the list.
    pub fn step(&mut self, delta: i64) {
        let count = self.visible().len() as i64;
        if count > 0 {
            self.cursor = (self.cursor as i64 + delta).clamp(0, count - 1) as usize;
        }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Filter(filter) => {
                self.filter = filter;
                self.cursor = 0;
                None
            }
            Message::Submit => self.pick(self.cursor),
            Message::Pick(index) => self.pick(index),
            Message::Close => Some(Event::Closed),
        }
    }

    fn pick(&self, index: usize) -> Option<Event> {
        let choice = self.visible().get(index).map(|c| c.target.clone())?;
        Some(Event::Picked(self.purpose, choice))
    }

    pub fn view(&self) -> Element<'_, Message> {
        let title = match self.purpose {
            Purpose::Move => crate::fl!("keys-move-to"),
            Purpose::Go => crate::fl!("keys-go-to-folder"),
        };
        let mut list = Column::new().spacing(2);
        let visible = self.visible();
        if visible.is_empty() {
            list = list.push(text(crate::fl!("keys-picker-none")).style(super::muted));
        }
        for (index, choice) in visible.into_iter().enumerate() {
            list = list.push(
                button(text(choice.label.clone()))
                    .width(Length::Fill)
                    .style(if index == self.cursor {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Pick(index)),
            );
        }
        let panel = column![
            text(title).size(18),
            text_input(&crate::fl!("keys-picker-placeholder"), &self.filter)
                .id(INPUT_ID)
                .on_input(Message::Filter)
                .on_submit(Message::Submit)
                .padding(6),
            iced::widget::scrollable(list).height(Length::Shrink),
            text(crate::fl!("keys-picker-hint"))
                .size(12)
                .style(super::muted),
        ]
        .spacing(8)
        .width(360);
        let boxed = container(panel)
            .padding(16)
            .max_height(480)
            .style(super::card);
        let dimmed = container(boxed)
            .center(Length::Fill)
            .style(|_| container::Style {
                background: Some(Background::Color(Color::from_rgba(0.0, 0.0, 0.0, 0.35))),
                ..Default::default()
            });
        opaque(dimmed)
    }
}

impl MainWindow {
    /// The folders `m` or `g` offers: the selection's account's for a move (as "Move
    /// to…" does), every account's for going, labelled with the account when there are
    /// several.
    pub fn picker_choices(&self, purpose: Purpose) -> Vec<Choice> {
        match purpose {
            Purpose::Move => self
                .move_targets()
                .into_iter()
                .filter_map(|t| {
                    let account = self.move_account()?;
                    Some(Choice {
                        label: t.to_string(),
                        target: Selection::Folder(account, t.name),
                    })
                })
                .collect(),
            Purpose::Go => {
                let several = self.folders.sections.len() > 1;
                let mut choices = Vec::new();
                if several {
                    choices.push(Choice {
                        label: crate::fl!("mailbox-all-inboxes"),
                        target: Selection::AllInboxes,
                    });
                }
                for (account, section) in self.folders.sections.iter().enumerate() {
                    for folder in &section.folders {
                        let name = folders::display_name(&folder.name);
                        let label = if several {
                            crate::fl!(
                                "keys-picker-in",
                                folder = name,
                                account = section.label.clone()
                            )
                        } else {
                            name
                        };
                        choices.push(Choice {
                            label,
                            target: Selection::Folder(account, folder.name.clone()),
                        });
                    }
                }
                choices
            }
        }
    }
}
