//! The "Advanced" part of the wizard: servers, protocol and a private CA file.
//!
//! Provider lookups fill these fields as the address is typed, but a field the user edited
//! is theirs: later lookups never overwrite it.

use std::fmt;
use std::path::PathBuf;

use iced::widget::{button, column, pick_list, radio, row, text, text_input, Column};
use iced::{Element, Length, Task};

use super::form::field;
use crate::mail::account::{Account, Protocol, Security, Server, ServerKind};
use crate::ui::engine::Suggested;
use crate::ui::theme;

pub const CA_FILE_ID: &str = "wizard-ca-file";

/// A value that remembers whether the user typed it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edited<T> {
    pub value: T,
    pub by_user: bool,
}

impl<T> Edited<T> {
    /// A suggestion: taken only if the user has not set the field.
    fn suggest(&mut self, value: T) {
        if !self.by_user {
            self.value = value;
        }
    }

    fn set(&mut self, value: T) {
        self.value = value;
        self.by_user = true;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Incoming,
    Outgoing,
}

#[derive(Clone, Debug, Default)]
pub struct ServerFields {
    pub host: Edited<String>,
    pub port: Edited<String>,
    pub security: Edited<Security>,
    pub username: Edited<String>,
    pub host_error: Option<String>,
    pub port_error: Option<String>,
}

impl ServerFields {
    fn suggest(&mut self, server: &Server) {
        self.host.suggest(server.host.clone());
        self.port.suggest(server.port.to_string());
        self.security.suggest(server.security);
        self.username.suggest(server.username.clone());
    }

    fn validate(&mut self) -> bool {
        self.host_error = self
            .host
            .value
            .trim()
            .is_empty()
            .then(|| crate::fl!("wizard-error-host-empty"));
        self.port_error = parse_port(&self.port.value)
            .is_none()
            .then(|| crate::fl!("wizard-error-port"));
        self.host_error.is_none() && self.port_error.is_none()
    }

    fn to_server(&self, template: Server, email: &str) -> Server {
        let username = self.username.value.trim();
        Server {
            host: self.host.value.trim().to_string(),
            port: parse_port(&self.port.value).unwrap_or(template.port),
            security: self.security.value,
            username: if username.is_empty() {
                email.trim().to_string()
            } else {
                username.to_string()
            },
            ..template
        }
    }
}

fn parse_port(port: &str) -> Option<u16> {
    port.trim().parse::<u16>().ok().filter(|p| *p != 0)
}

#[derive(Debug)]
pub struct State {
    pub open: bool,
    pub protocol: Edited<Protocol>,
    pub incoming: ServerFields,
    pub outgoing: ServerFields,
    pub ca_file: String,
    /// The latest provider suggestion, kept so a protocol switch can refill the incoming server.
    pub suggested: Option<Suggested>,
}

impl Default for State {
    fn default() -> Self {
        let fields = |kind: ServerKind| ServerFields {
            port: Edited {
                value: kind.default_port(Security::Tls).to_string(),
                by_user: false,
            },
            ..ServerFields::default()
        };
        State {
            open: false,
            protocol: Edited::default(),
            incoming: fields(ServerKind::Imap),
            outgoing: fields(ServerKind::Smtp),
            ca_file: String::new(),
            suggested: None,
        }
    }
}

#[derive(Clone, Debug)]
pub enum Message {
    Toggle,
    Protocol(Protocol),
    Host(Side, String),
    Port(Side, String),
    Security(Side, SecurityChoice),
    Username(Side, String),
    CaFile(String),
}

/// A security mode as the pick list shows it, localised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecurityChoice(pub Security);

impl fmt::Display for SecurityChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self.0 {
            Security::Tls => crate::fl!("wizard-security-tls"),
            Security::Starttls => crate::fl!("wizard-security-starttls"),
        })
    }
}

const SECURITY_CHOICES: [SecurityChoice; 2] = [
    SecurityChoice(Security::Tls),
    SecurityChoice(Security::Starttls),
];

impl State {
    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<()>) {
        match message {
            Message::Toggle => self.open = !self.open,
            Message::Protocol(protocol) => {
                self.protocol.set(protocol);
                self.refill_incoming();
            }
            Message::Host(side, host) => {
                let fields = self.side(side);
                fields.host.set(host);
                fields.host_error = None;
            }
            Message::Port(side, port) => {
                let fields = self.side(side);
                fields.port.set(port);
                fields.port_error = None;
            }
            Message::Security(side, SecurityChoice(security)) => {
                let kind = self.kind(side);
                let fields = self.side(side);
                fields.security.set(security);
                // The port follows the mode unless the user chose one.
                fields.port.suggest(kind.default_port(security).to_string());
            }
            Message::Username(side, username) => self.side(side).username.set(username),
            Message::CaFile(path) => self.ca_file = path,
        }
        (Task::none(), None)
    }

    /// New provider suggestions for a changed address.
    pub fn suggest(&mut self, suggested: Option<Suggested>) {
        if let Some(suggested) = &suggested {
            if let Some(incoming) = suggested.incoming(self.protocol.value) {
                self.incoming.suggest(incoming);
            }
            self.outgoing.suggest(&suggested.smtp);
        }
        self.suggested = suggested;
    }

    fn refill_incoming(&mut self) {
        let kind = self.kind(Side::Incoming);
        let suggested = self.suggested.clone();
        match suggested
            .as_ref()
            .and_then(|s| s.incoming(self.protocol.value))
        {
            Some(server) => self.incoming.suggest(server),
            None => self
                .incoming
                .port
                .suggest(kind.default_port(self.incoming.security.value).to_string()),
        }
    }

    fn side(&mut self, side: Side) -> &mut ServerFields {
        match side {
            Side::Incoming => &mut self.incoming,
            Side::Outgoing => &mut self.outgoing,
        }
    }

    fn kind(&self, side: Side) -> ServerKind {
        match (side, self.protocol.value) {
            (Side::Outgoing, _) => ServerKind::Smtp,
            (Side::Incoming, Protocol::Imap) => ServerKind::Imap,
            (Side::Incoming, Protocol::Pop3) => ServerKind::Pop3,
        }
    }

    pub fn guessed(&self) -> bool {
        self.suggested.as_ref().is_some_and(|s| s.guessed)
    }

    /// Field errors; opens the section when one of its fields is wrong so the error is seen.
    pub fn validate(&mut self) -> bool {
        let ok = self.incoming.validate() & self.outgoing.validate();
        if !ok {
            self.open = true;
        }
        ok
    }

    /// The account these fields describe (call after `validate`): the provider's account
    /// for the address, with the servers as the fields say.
    pub fn to_account(&self, email: &str, display_name: &str) -> Account {
        let base = crate::ui::engine::base_account(email, display_name, self.protocol.value);
        let ca_file = self.ca_file.trim();
        Account {
            incoming: self.incoming.to_server(base.incoming.clone(), email),
            outgoing: self.outgoing.to_server(base.outgoing.clone(), email),
            ca_file: (!ca_file.is_empty()).then(|| PathBuf::from(ca_file)),
            ..base
        }
    }

    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        map: impl Fn(Message) -> M + Copy + 'a,
        submit: Option<M>,
    ) -> Element<'a, M> {
        let editable = submit.is_some();
        let toggle_label = if self.open {
            crate::fl!("wizard-advanced-hide")
        } else {
            crate::fl!("wizard-advanced-show")
        };
        let toggle = button(text(toggle_label))
            .style(button::text)
            .padding([4, 0])
            .on_press(map(Message::Toggle));
        if !self.open {
            return toggle.into();
        }
        let protocol = |value: Protocol, label: String, why: String| {
            column![
                radio(label, value, Some(self.protocol.value), move |p| map(
                    Message::Protocol(p)
                )),
                text(why).size(theme::HINT_SIZE).style(theme::muted),
            ]
            .spacing(2)
        };
        let incoming_title = match self.protocol.value {
            Protocol::Imap => crate::fl!("wizard-incoming-imap"),
            Protocol::Pop3 => crate::fl!("wizard-incoming-pop3"),
        };
        let ca = text_input(&crate::fl!("wizard-ca-placeholder"), &self.ca_file)
            .id(CA_FILE_ID)
            .on_input_maybe(editable.then_some(move |s| map(Message::CaFile(s))))
            .on_submit_maybe(submit.clone())
            .padding(8);
        column![
            toggle,
            text(crate::fl!("wizard-protocol-label")),
            protocol(
                Protocol::Imap,
                crate::fl!("wizard-protocol-imap"),
                crate::fl!("wizard-protocol-imap-why")
            ),
            protocol(
                Protocol::Pop3,
                crate::fl!("wizard-protocol-pop3"),
                crate::fl!("wizard-protocol-pop3-why")
            ),
            server_view(
                incoming_title,
                &self.incoming,
                Side::Incoming,
                map,
                submit.clone(),
            ),
            server_view(
                crate::fl!("wizard-outgoing-smtp"),
                &self.outgoing,
                Side::Outgoing,
                map,
                submit.clone(),
            ),
            field(
                crate::fl!("wizard-ca-label"),
                ca.into(),
                None,
                Some(crate::fl!("wizard-ca-help"))
            ),
        ]
        .spacing(theme::GAP)
        .into()
    }
}

fn server_view<'a, M: Clone + 'a>(
    title: String,
    fields: &'a ServerFields,
    side: Side,
    map: impl Fn(Message) -> M + Copy + 'a,
    submit: Option<M>,
) -> Element<'a, M> {
    let editable = submit.is_some();
    let input = |placeholder: String, value: &'a str, on: fn(Side, String) -> Message| {
        text_input(&placeholder, value)
            .on_input_maybe(editable.then_some(move |s| map(on(side, s))))
            .on_submit_maybe(submit.clone())
            .padding(8)
    };
    let host = input(
        crate::fl!("wizard-host-placeholder"),
        &fields.host.value,
        Message::Host,
    );
    let port = input(String::new(), &fields.port.value, Message::Port).width(Length::Fixed(90.0));
    let security = pick_list(
        SECURITY_CHOICES,
        Some(SecurityChoice(fields.security.value)),
        move |c| map(Message::Security(side, c)),
    )
    .padding(8);
    let username = input(String::new(), &fields.username.value, Message::Username);
    let mut col = Column::new().spacing(6).push(text(title).size(18)).push(
        row![
            field(
                crate::fl!("wizard-host-label"),
                host.width(Length::Fill).into(),
                fields.host_error.as_deref(),
                None
            ),
            field(crate::fl!("wizard-port-label"), port.into(), None, None),
            field(
                crate::fl!("wizard-security-label"),
                security.into(),
                None,
                None
            ),
        ]
        .spacing(8),
    );
    if let Some(error) = &fields.port_error {
        col = col.push(text(error).size(theme::HINT_SIZE).style(theme::error));
    }
    col.push(field(
        crate::fl!("wizard-username-label"),
        username.into(),
        None,
        None,
    ))
    .into()
}
