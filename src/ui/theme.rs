//! A calm, readable look: soft paper background, one quiet blue accent, generous spacing.
//! Light and dark follow the system colour scheme (iced reports it through `system::theme`).

use iced::border::Radius;
use iced::theme::{Mode, Palette};
use iced::widget::{container, text};
use iced::{color, Border, Color, Theme};

/// Space between fields and sections, in logical pixels.
pub const GAP: f32 = 12.0;
pub const SECTION_GAP: f32 = 24.0;
/// Readable line length for forms.
pub const FORM_WIDTH: f32 = 560.0;
pub const TITLE_SIZE: f32 = 26.0;
pub const HINT_SIZE: f32 = 14.0;

const LIGHT: Palette = Palette {
    background: color!(0xf7f5f0),
    text: color!(0x1f2328),
    primary: color!(0x2f6690),
    success: color!(0x2e7d4f),
    warning: color!(0x9a6700),
    danger: color!(0xb3261e),
};

const DARK: Palette = Palette {
    background: color!(0x1e2126),
    text: color!(0xe6e3dc),
    primary: color!(0x7fb3d5),
    success: color!(0x7cc49a),
    warning: color!(0xe3b341),
    danger: color!(0xf2867d),
};

/// The app theme for a system colour scheme (`Mode::None`, when unknown, reads as light).
pub fn for_mode(mode: Mode) -> Theme {
    match mode {
        Mode::Dark => Theme::custom("Pillarbox dark", DARK),
        Mode::Light | Mode::None => Theme::custom("Pillarbox light", LIGHT),
    }
}

/// The theme chosen in the settings; `System` follows the desktop's `system` mode.
pub fn for_setting(setting: crate::mail::config::Theme, system: Mode) -> Theme {
    use crate::mail::config::Theme as Setting;
    for_mode(match setting {
        Setting::System => system,
        Setting::Light => Mode::Light,
        Setting::Dark => Mode::Dark,
    })
}

/// A raised card behind a form or a summary.
pub fn card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.scale_alpha(0.35).into()),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: Radius::from(8.0),
        },
        ..container::Style::default()
    }
}

/// Quieter text for explanations under a field.
pub fn muted(theme: &Theme) -> text::Style {
    let palette = theme.palette();
    text::Style {
        color: Some(mix(palette.text, palette.background, 0.35)),
    }
}

pub fn error(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().danger),
    }
}

pub fn success(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().success),
    }
}

pub fn warning(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.palette().warning),
    }
}

fn mix(a: Color, b: Color, amount: f32) -> Color {
    Color {
        r: a.r + (b.r - a.r) * amount,
        g: a.g + (b.g - a.g) * amount,
        b: a.b + (b.b - a.b) * amount,
        a: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_pick_matching_palettes() {
        assert_eq!(for_mode(Mode::Dark).palette().background, DARK.background);
        assert_eq!(for_mode(Mode::Light).palette().background, LIGHT.background);
        assert_eq!(for_mode(Mode::None).palette().background, LIGHT.background);
    }
}
