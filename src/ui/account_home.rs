//! The screen after setup: the saved account, its servers and where its mail lives.

use iced::widget::{button, column, container, scrollable, text, Column};
use iced::{Element, Length, Task};

use crate::mail::account::{Account, Protocol, Security, Server};
use crate::mail::paths::Paths;
use crate::ui::theme;

#[derive(Debug)]
pub struct Home {
    pub accounts: Vec<Account>,
    paths: Paths,
}

#[derive(Clone, Debug)]
pub enum Message {
    AddAccount,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    AddAccount,
}

impl Home {
    pub fn new(paths: Paths, accounts: Vec<Account>) -> Home {
        Home { accounts, paths }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::AddAccount => (Task::none(), Some(Event::AddAccount)),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut body = Column::new()
            .spacing(theme::SECTION_GAP)
            .push(text(crate::fl!("app-home-title")).size(theme::TITLE_SIZE));
        for account in &self.accounts {
            body = body.push(
                container(self.account_view(account))
                    .padding(20)
                    .width(Length::Fill)
                    .style(theme::card),
            );
        }
        body = body.push(
            button(text(crate::fl!("app-home-add-account")))
                .padding([10, 18])
                .style(button::secondary)
                .on_press(Message::AddAccount),
        );
        scrollable(
            container(body.max_width(theme::FORM_WIDTH))
                .center_x(Length::Fill)
                .padding(32),
        )
        .height(Length::Fill)
        .into()
    }

    fn account_view<'a>(&self, account: &'a Account) -> Element<'a, Message> {
        let protocol = match account.protocol {
            Protocol::Imap => crate::fl!("app-home-protocol-imap"),
            Protocol::Pop3 => crate::fl!("app-home-protocol-pop3"),
        };
        column![
            text(account.display_name.clone()).size(20),
            text(account.email.clone()).style(theme::muted),
            text(protocol),
            text(server_line(
                account.incoming_kind().label(),
                &account.incoming
            )),
            text(server_line("SMTP", &account.outgoing)),
            text(crate::fl!(
                "app-home-mail-folder",
                path = self.paths.mail_root(&account.id()).display().to_string()
            ))
            .size(theme::HINT_SIZE)
            .style(theme::muted),
        ]
        .spacing(6)
        .into()
    }
}

fn server_line(kind: &str, server: &Server) -> String {
    let security = match server.security {
        Security::Tls => crate::fl!("wizard-security-tls"),
        Security::Starttls => crate::fl!("wizard-security-starttls"),
    };
    crate::fl!(
        "app-home-server",
        kind = kind,
        endpoint = server.endpoint(),
        security = security
    )
}
