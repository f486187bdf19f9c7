//! The one table of keyboard shortcuts. The key handler, the help overlay and the
//! tooltips all read [`SHORTCUTS`], so what the window does, what the help says and what a
//! button's tooltip promises can never disagree.
//!
//! iced 0.14 cannot focus buttons or pick lists (Tab only reaches text fields), so every
//! action a mouse user has needs a key here for the window to be usable by keyboard alone.

use iced::keyboard::{key::Named, Key, Modifiers};
use iced::widget::{container, text, tooltip};
use iced::Element;

/// Everything a shortcut can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    New,
    Reply,
    ReplyAll,
    Forward,
    Delete,
    Archive,
    MoveTo,
    ToggleRead,
    ToggleFlag,
    SelectAll,
    OpenAttachment,
    Next,
    Previous,
    NextFolder,
    PreviousFolder,
    Inbox,
    GoToFolder,
    Search,
    Sync,
    Settings,
    /// Moves the divider between the list and the reader.
    NarrowList,
    WidenList,
    Help,
    /// Closes the help, a folder picker or the settings.
    Close,
    Send,
    SaveDraft,
    Attach,
    CloseComposer,
    /// Text (and the whole window) one step bigger, smaller, or back to the system's size.
    ZoomIn,
    ZoomOut,
    ZoomReset,
}

/// The help overlay's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Messages,
    Navigation,
    Composer,
    View,
}

/// Where a shortcut works: the composer keeps its own keys (letters are text there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Main,
    Composer,
    /// On every screen, the setup wizard included, and in the composer.
    Everywhere,
}

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyName {
    /// A character as typed: Shift is part of it ("A", "?"), so layouts that put "?"
    /// elsewhere still match.
    Char(&'static str),
    Named(Named),
}

/// A key with the modifiers it needs. `ctrl` means Cmd on macOS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chord {
    pub key: KeyName,
    pub ctrl: bool,
    pub shift: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub action: Action,
    pub chord: Chord,
}

const fn ch(action: Action, key: &'static str) -> Shortcut {
    Shortcut {
        action,
        chord: Chord {
            key: KeyName::Char(key),
            ctrl: false,
            shift: false,
        },
    }
}

const fn ctrl(action: Action, key: &'static str, shift: bool) -> Shortcut {
    Shortcut {
        action,
        chord: Chord {
            key: KeyName::Char(key),
            ctrl: true,
            shift,
        },
    }
}

const fn named(action: Action, key: Named, ctrl: bool) -> Shortcut {
    Shortcut {
        action,
        chord: Chord {
            key: KeyName::Named(key),
            ctrl,
            shift: false,
        },
    }
}

const fn ctrl_shift(action: Action, key: Named) -> Shortcut {
    Shortcut {
        action,
        chord: Chord {
            key: KeyName::Named(key),
            ctrl: true,
            shift: true,
        },
    }
}

/// Every shortcut, in the order the help lists them; an action may have several keys.
pub const SHORTCUTS: &[Shortcut] = &[
    ch(Action::New, "c"),
    ch(Action::Reply, "r"),
    ch(Action::ReplyAll, "a"),
    ch(Action::Forward, "f"),
    named(Action::Delete, Named::Delete, false),
    ch(Action::Archive, "A"),
    ch(Action::MoveTo, "m"),
    ch(Action::ToggleRead, "u"),
    ch(Action::ToggleFlag, "s"),
    ctrl(Action::SelectAll, "a", false),
    ch(Action::OpenAttachment, "o"),
    ch(Action::Next, "j"),
    named(Action::Next, Named::ArrowDown, false),
    ch(Action::Previous, "k"),
    named(Action::Previous, Named::ArrowUp, false),
    named(Action::NextFolder, Named::ArrowDown, true),
    ch(Action::NextFolder, "]"),
    named(Action::PreviousFolder, Named::ArrowUp, true),
    ch(Action::PreviousFolder, "["),
    ctrl(Action::Inbox, "1", false),
    ch(Action::GoToFolder, "g"),
    ch(Action::Search, "/"),
    named(Action::Sync, Named::F5, false),
    ctrl(Action::Settings, ",", false),
    // Not `[`/`]` (folders) nor Ctrl+arrows alone (the list's folder steps).
    ctrl_shift(Action::NarrowList, Named::ArrowLeft),
    ctrl_shift(Action::WidenList, Named::ArrowRight),
    ch(Action::Help, "?"),
    named(Action::Close, Named::Escape, false),
    named(Action::Send, Named::Enter, true),
    ctrl(Action::SaveDraft, "s", false),
    // Not Ctrl+Shift+A: a focused text field takes that as "select all".
    ctrl(Action::Attach, "f", true),
    named(Action::CloseComposer, Named::Escape, false),
    // "=" is the "+" key unshifted on an English keyboard; "+" is a key of its own on a
    // German one and on the keypad.
    ctrl(Action::ZoomIn, "=", false),
    ctrl(Action::ZoomIn, "+", false),
    ctrl(Action::ZoomOut, "-", false),
    ctrl(Action::ZoomReset, "0", false),
];

impl Action {
    pub fn group(self) -> Group {
        match self {
            Action::New
            | Action::Reply
            | Action::ReplyAll
            | Action::Forward
            | Action::Delete
            | Action::Archive
            | Action::MoveTo
            | Action::ToggleRead
            | Action::ToggleFlag
            | Action::SelectAll
            | Action::OpenAttachment => Group::Messages,
            Action::Next
            | Action::Previous
            | Action::NextFolder
            | Action::PreviousFolder
            | Action::Inbox
            | Action::GoToFolder
            | Action::Search
            | Action::Sync
            | Action::Settings
            | Action::NarrowList
            | Action::WidenList
            | Action::Help
            | Action::Close => Group::Navigation,
            Action::Send | Action::SaveDraft | Action::Attach | Action::CloseComposer => {
                Group::Composer
            }
            Action::ZoomIn | Action::ZoomOut | Action::ZoomReset => Group::View,
        }
    }

    pub fn context(self) -> Context {
        match self.group() {
            Group::Composer => Context::Composer,
            Group::Messages | Group::Navigation => Context::Main,
            Group::View => Context::Everywhere,
        }
    }

    /// What the action does, in the user's language.
    pub fn name(self) -> String {
        match self {
            Action::New => crate::fl!("mailbox-help-new"),
            Action::Reply => crate::fl!("mailbox-help-reply"),
            Action::ReplyAll => crate::fl!("mailbox-help-reply-all"),
            Action::Forward => crate::fl!("mailbox-help-forward"),
            Action::Delete => crate::fl!("mailbox-help-delete"),
            Action::Archive => crate::fl!("mailbox-help-archive"),
            Action::MoveTo => crate::fl!("keys-move-to"),
            Action::ToggleRead => crate::fl!("mailbox-help-read"),
            Action::ToggleFlag => crate::fl!("mailbox-help-flag"),
            Action::SelectAll => crate::fl!("keys-select-all"),
            Action::OpenAttachment => crate::fl!("keys-open-attachment"),
            Action::Next => crate::fl!("mailbox-help-next"),
            Action::Previous => crate::fl!("mailbox-help-previous"),
            Action::NextFolder => crate::fl!("keys-next-folder"),
            Action::PreviousFolder => crate::fl!("keys-previous-folder"),
            Action::Inbox => crate::fl!("keys-inbox"),
            Action::GoToFolder => crate::fl!("keys-go-to-folder"),
            Action::Search => crate::fl!("mailbox-help-search"),
            Action::Sync => crate::fl!("mailbox-help-sync"),
            Action::Settings => crate::fl!("keys-settings"),
            Action::NarrowList => crate::fl!("keys-narrow-list"),
            Action::WidenList => crate::fl!("keys-widen-list"),
            Action::Help => crate::fl!("mailbox-help-help"),
            Action::Close => crate::fl!("keys-close"),
            Action::Send => crate::fl!("keys-send"),
            Action::SaveDraft => crate::fl!("keys-save-draft"),
            Action::Attach => crate::fl!("keys-attach"),
            Action::CloseComposer => crate::fl!("keys-close-composer"),
            Action::ZoomIn => crate::fl!("keys-zoom-in"),
            Action::ZoomOut => crate::fl!("keys-zoom-out"),
            Action::ZoomReset => crate::fl!("keys-zoom-reset"),
        }
    }
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Messages,
        Group::Navigation,
        Group::Composer,
        Group::View,
    ];

    pub fn name(self) -> String {
        match self {
            Group::Messages => crate::fl!("keys-group-messages"),
            Group::Navigation => crate::fl!("keys-group-navigation"),
            Group::Composer => crate::fl!("keys-group-composer"),
            Group::View => crate::fl!("keys-group-view"),
        }
    }
}

/// Ctrl on the platform's keyboard: Strg on a German one, ⌘ on a Mac.
fn ctrl_name() -> String {
    if cfg!(target_os = "macos") {
        "⌘".to_string()
    } else {
        crate::fl!("keys-ctrl")
    }
}

fn named_label(key: Named) -> String {
    match key {
        Named::ArrowDown => "↓".to_string(),
        Named::ArrowUp => "↑".to_string(),
        Named::ArrowLeft => "←".to_string(),
        Named::ArrowRight => "→".to_string(),
        Named::Delete => crate::fl!("keys-delete"),
        Named::Enter => crate::fl!("keys-enter"),
        Named::Escape => crate::fl!("keys-escape"),
        other => format!("{other:?}"),
    }
}

impl Chord {
    /// How the key is written on screen, with the modifier names of the user's language.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if self.ctrl {
            parts.push(ctrl_name());
        }
        let key = match self.key {
            KeyName::Char(c) => {
                // "A" is typed with Shift: say so, as the keycap shows "A" either way.
                let upper = c.chars().all(char::is_uppercase);
                if self.shift || upper {
                    parts.push(crate::fl!("keys-shift"));
                }
                if self.ctrl || upper {
                    c.to_uppercase()
                } else {
                    c.to_string()
                }
            }
            KeyName::Named(key) => {
                if self.shift {
                    parts.push(crate::fl!("keys-shift"));
                }
                named_label(key)
            }
        };
        parts.push(key);
        parts.join("+")
    }

    /// The key press this chord means, as iced reports it (for tests and the table walk).
    pub fn press(&self) -> (Key, Modifiers) {
        let mut modifiers = Modifiers::empty();
        if self.ctrl {
            modifiers |= Modifiers::COMMAND;
        }
        let key = match self.key {
            KeyName::Char(c) => {
                if self.shift || c.chars().all(char::is_uppercase) {
                    modifiers |= Modifiers::SHIFT;
                }
                let typed = if self.shift {
                    c.to_uppercase()
                } else {
                    c.to_string()
                };
                Key::Character(typed.into())
            }
            KeyName::Named(key) => {
                if self.shift {
                    modifiers |= Modifiers::SHIFT;
                }
                Key::Named(key)
            }
        };
        (key, modifiers)
    }

    /// Whether a key press (with its modifiers applied, but Ctrl) is this chord.
    fn matches(&self, key: &Key, modifiers: Modifiers, shift_extends: bool) -> bool {
        if modifiers.alt() || modifiers.command() != self.ctrl {
            return false;
        }
        match (self.key, key.as_ref()) {
            (KeyName::Char(want), Key::Character(got)) => {
                if self.ctrl && !want.chars().all(char::is_alphabetic) {
                    // Shift is how some keyboards type "+" and others not: the character
                    // alone says which key it was.
                    want == got
                } else if self.ctrl {
                    // With Ctrl held Shift may or may not change the character: compare
                    // the letter and the Shift key separately.
                    want.eq_ignore_ascii_case(got) && modifiers.shift() == self.shift
                } else if want.chars().all(|c| c.is_alphabetic()) {
                    // Letters by the Shift key, not by the case typed: with Caps Lock on,
                    // "a" arrives as "A" and must still mean reply-all, not archive.
                    let shifted = self.shift || want.chars().all(char::is_uppercase);
                    want.to_lowercase() == got.to_lowercase() && modifiers.shift() == shifted
                } else {
                    want == got
                }
            }
            (KeyName::Named(want), Key::Named(got)) => {
                want == got && (shift_extends || modifiers.shift() == self.shift)
            }
            _ => false,
        }
    }
}

/// The action a key press means in `context`, if any; the keys of
/// [`Context::Everywhere`] work in every context.
pub fn lookup(key: &Key, modifiers: Modifiers, context: Context) -> Option<Action> {
    SHORTCUTS
        .iter()
        .filter(|s| s.action.context() == context || s.action.context() == Context::Everywhere)
        .find(|s| {
            // Shift+arrow extends the selection instead of being another shortcut.
            let extends = matches!(s.action, Action::Next | Action::Previous);
            s.chord.matches(key, modifiers, extends)
        })
        .map(|s| s.action)
}

/// A zoom key pressed anywhere, even in a text field that took it (which may type the
/// "=" it also is: iced gives it to the field first).
pub fn zoom_key(event: &iced::Event) -> Option<Action> {
    match event {
        iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
            modified_key,
            modifiers,
            ..
        }) => lookup(modified_key, *modifiers, Context::Everywhere),
        _ => None,
    }
}

/// Every key of an action, as shown ("j / ↓").
pub fn keys_of(action: Action) -> String {
    SHORTCUTS
        .iter()
        .filter(|s| s.action == action)
        .map(|s| s.chord.label())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The help overlay's contents: each group with its actions and their keys, in table
/// order, each action once.
pub fn help_rows() -> Vec<(Group, Vec<(String, String)>)> {
    Group::ALL
        .into_iter()
        .map(|group| {
            let mut seen: Vec<Action> = Vec::new();
            let mut rows = Vec::new();
            for shortcut in SHORTCUTS.iter().filter(|s| s.action.group() == group) {
                if !seen.contains(&shortcut.action) {
                    seen.push(shortcut.action);
                    rows.push((keys_of(shortcut.action), shortcut.action.name()));
                }
            }
            (group, rows)
        })
        .collect()
}

/// A tooltip's text: the action and its keys.
pub fn tip_text(action: Action) -> String {
    crate::fl!(
        "keys-tooltip",
        action = action.name(),
        keys = keys_of(action)
    )
}

/// A button for an action, its key named on hover.
pub fn tool<'a, M: Clone + 'a>(
    label: String,
    style: fn(&iced::Theme, iced::widget::button::Status) -> iced::widget::button::Style,
    message: M,
    action: Action,
) -> Element<'a, M> {
    let button = iced::widget::button(text(label))
        .style(style)
        .on_press(message);
    tip(button, action)
}

/// Wraps a control in a tooltip naming its action and key.
pub fn tip<'a, M: 'a>(content: impl Into<Element<'a, M>>, action: Action) -> Element<'a, M> {
    tooltip(
        content,
        container(text(tip_text(action)).size(13))
            .padding(6)
            .style(container::rounded_box),
        tooltip::Position::Bottom,
    )
    .into()
}
