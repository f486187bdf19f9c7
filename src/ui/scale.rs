//! The size of text: the desktop's text scaling (read once at start-up, off the UI
//! thread), the user's own choice from the settings or the zoom keys, and the steps those
//! keys take. iced scales the whole window by [`Zoom::factor`], on top of the monitor's
//! DPI, so layout grows with the text and nothing gets clipped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use crate::mail::config::{Config, TEXT_SCALE_RANGE};
use crate::mail::paths::Paths;

/// The sizes the zoom keys step through, in percent.
pub const STEPS: [u16; 8] = [80, 90, 100, 110, 125, 150, 175, 200];

/// The text size in force: the user's choice, else the system's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zoom {
    /// The desktop's text scaling factor (1.0 until it has been read).
    pub system: f32,
    /// The user's size in percent (`Settings::text_scale_percent`); `None` follows the
    /// system.
    pub chosen: Option<u16>,
}

impl Default for Zoom {
    fn default() -> Self {
        Zoom {
            system: 1.0,
            chosen: None,
        }
    }
}

/// Which way a zoom key goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Bigger,
    Smaller,
    /// Back to the system's size.
    System,
}

impl Step {
    /// The step of a zoom key's action.
    pub fn for_action(action: crate::ui::mailbox::keys::Action) -> Option<Step> {
        use crate::ui::mailbox::keys::Action;
        match action {
            Action::ZoomIn => Some(Step::Bigger),
            Action::ZoomOut => Some(Step::Smaller),
            Action::ZoomReset => Some(Step::System),
            _ => None,
        }
    }
}

impl Zoom {
    pub fn with_chosen(chosen: Option<u16>) -> Zoom {
        Zoom {
            chosen,
            ..Zoom::default()
        }
    }

    /// The system's size in whole percent, within the range the window accepts.
    pub fn system_percent(&self) -> u16 {
        clamp_percent((self.system * 100.0).round())
    }

    /// The size in force, in percent.
    pub fn percent(&self) -> u16 {
        self.chosen.unwrap_or_else(|| self.system_percent())
    }

    /// What iced scales the window by.
    pub fn factor(&self) -> f32 {
        f32::from(self.percent()) / 100.0
    }

    /// Applies a zoom key. Returns whether the size changed (and so is worth saving); at
    /// either end of the steps the key does nothing.
    pub fn step(&mut self, step: Step) -> bool {
        let now = self.percent();
        let next = match step {
            Step::Bigger => STEPS.iter().copied().find(|&p| p > now).map(Some),
            Step::Smaller => STEPS.iter().rev().copied().find(|&p| p < now).map(Some),
            Step::System => Some(None),
        };
        match next {
            Some(chosen) if chosen != self.chosen => {
                self.chosen = chosen;
                true
            }
            _ => false,
        }
    }
}

fn clamp_percent(percent: f32) -> u16 {
    let (low, high) = (*TEXT_SCALE_RANGE.start(), *TEXT_SCALE_RANGE.end());
    if percent.is_nan() {
        return 100;
    }
    percent.clamp(f32::from(low), f32::from(high)) as u16
}

/// Remembers the size in the config (a locked read-modify-write, so nothing else in the
/// file is lost). Blocking: run it off the UI thread, see [`save_task`].
pub fn save(paths: &Paths, chosen: Option<u16>) -> Result<(), String> {
    Config::update(paths, |config| {
        config.settings.text_scale_percent = chosen;
        Ok(())
    })
    .map(|_| ())
    .map_err(|error| error.user_message())
}

/// The order zoom keys were pressed in, and per config file the last of them written
/// there (per file: a save to one home must never hide a newer one to another).
static SAVES_ASKED: AtomicU64 = AtomicU64::new(0);
static SAVE_WRITTEN: Mutex<Option<HashMap<PathBuf, u64>>> = Mutex::new(None);

/// [`save`] on a blocking thread; the result comes back as a message. Keys pressed in a
/// quick run start saves that may finish in any order: one older than what is already on
/// disk is dropped, so the file ends with the last size, not a random one.
pub fn save_task<M: Send + 'static>(
    paths: Paths,
    chosen: Option<u16>,
    done: impl FnOnce(Result<(), String>) -> M + Send + 'static,
) -> iced::Task<M> {
    let order = SAVES_ASKED.fetch_add(1, Ordering::SeqCst) + 1;
    crate::ui::off_thread(move || save_in_order(&paths, chosen, order), done)
}

fn save_in_order(paths: &Paths, chosen: Option<u16>, order: u64) -> Result<(), String> {
    let mut written = SAVE_WRITTEN.lock().unwrap_or_else(PoisonError::into_inner);
    let newest = written
        .get_or_insert_with(HashMap::new)
        .entry(paths.config_file())
        .or_insert(0);
    if *newest > order {
        return Ok(());
    }
    save(paths, chosen)?;
    *newest = order;
    Ok(())
}

/// `gsettings get org.gnome.desktop.interface text-scaling-factor` prints `1.25`.
pub fn parse_gsettings(output: &str) -> Option<f32> {
    // Older versions print a typed GVariant: "double 1.25".
    let value = output.trim().trim_start_matches("double").trim();
    sane(value.parse().ok()?)
}

/// `reg query HKCU\Software\Microsoft\Accessibility /v TextScaleFactor` prints the value
/// in percent, as hex: `    TextScaleFactor    REG_DWORD    0x7d`.
pub fn parse_reg(output: &str) -> Option<f32> {
    let line = output
        .lines()
        .find(|line| line.trim_start().starts_with("TextScaleFactor"))?;
    let hex = line.split_whitespace().last()?;
    let digits = hex.strip_prefix("0x").or_else(|| hex.strip_prefix("0X"))?;
    let percent = u32::from_str_radix(digits, 16).ok()?;
    sane(percent as f32 / 100.0)
}

/// KDE's font settings force a DPI (`forceFontDPI=120`); 96 is the unscaled size and 0
/// means "not forced".
pub fn parse_kde_fonts(text: &str) -> Option<f32> {
    let value = text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "forceFontDPI").then(|| value.trim())
    })?;
    let dpi: f32 = value.parse().ok()?;
    if dpi <= 0.0 {
        return None;
    }
    sane(dpi / 96.0)
}

/// A factor worth applying: a garbled value must not shrink the window to nothing.
fn sane(factor: f32) -> Option<f32> {
    (factor.is_finite() && factor > 0.0).then(|| f32::from(clamp_percent(factor * 100.0)) / 100.0)
}

/// The desktop's text scaling factor; 1.0 when there is none or it cannot be read.
pub async fn system_factor() -> f32 {
    let found = probe().await;
    tracing::debug!(?found, "desktop text scaling");
    found.unwrap_or(1.0)
}

#[cfg(all(unix, not(target_os = "macos")))]
async fn probe() -> Option<f32> {
    let desktop = std::env::var("XDG_CURRENT_DESKTOP").unwrap_or_default();
    if desktop.contains("KDE") {
        if let Some(factor) = kde_fonts() {
            return Some(factor);
        }
    }
    // Cinnamon keeps its own copy of GNOME's setting.
    let schema = if desktop.contains("Cinnamon") {
        "org.cinnamon.desktop.interface"
    } else {
        "org.gnome.desktop.interface"
    };
    let output = run("gsettings", &["get", schema, "text-scaling-factor"]).await;
    output
        .as_deref()
        .and_then(parse_gsettings)
        .or_else(kde_fonts)
}

/// Plasma 5 keeps the setting in `kcmfonts`, Plasma 6 in `kcmfontsrc`.
#[cfg(all(unix, not(target_os = "macos")))]
fn kde_fonts() -> Option<f32> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|dir| !dir.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".config"))
        })?;
    ["kcmfontsrc", "kcmfonts"].iter().find_map(|name| {
        let text = std::fs::read_to_string(config.join(name)).ok()?;
        parse_kde_fonts(&text)
    })
}

#[cfg(windows)]
async fn probe() -> Option<f32> {
    let output = run(
        "reg",
        &[
            "query",
            r"HKCU\Software\Microsoft\Accessibility",
            "/v",
            "TextScaleFactor",
        ],
    )
    .await?;
    parse_reg(&output)
}

/// macOS has no separate text scaling: its display scaling is the monitor's DPI.
#[cfg(not(any(windows, all(unix, not(target_os = "macos")))))]
async fn probe() -> Option<f32> {
    None
}

/// A small command's standard output, or `None` when it is missing, fails or hangs.
#[cfg(any(windows, all(unix, not(target_os = "macos"))))]
async fn run(program: &str, args: &[&str]) -> Option<String> {
    // A desktop that does not answer within this has no text scaling for us: the
    // window must not wait on it.
    const PROBE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);
    let mut command = tokio::process::Command::new(program);
    command
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true);
    #[cfg(windows)]
    {
        // No console window flashing up at start-up.
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    let output = tokio::time::timeout(PROBE_TIMEOUT, command.output())
        .await
        .ok()?
        .ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsettings_output_is_read() {
        assert_eq!(parse_gsettings("1.25\n"), Some(1.25));
        assert_eq!(parse_gsettings("1.0"), Some(1.0));
        assert_eq!(parse_gsettings("double 1.5\n"), Some(1.5));
        assert_eq!(parse_gsettings("No such schema\n"), None);
        assert_eq!(parse_gsettings(""), None);
        // Out of what the window accepts: to the nearest end, never zero.
        assert_eq!(parse_gsettings("0.1"), Some(0.5));
        assert_eq!(parse_gsettings("9"), Some(3.0));
        assert_eq!(parse_gsettings("0"), None);
        assert_eq!(parse_gsettings("nan"), None);
    }

    #[test]
    fn windows_registry_output_is_read() {
        let output = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Accessibility\r\n    \
                      TextScaleFactor    REG_DWORD    0x7d\r\n\r\n";
        assert_eq!(parse_reg(output), Some(1.25));
        assert_eq!(
            parse_reg("    TextScaleFactor    REG_DWORD    0x64"),
            Some(1.0)
        );
        assert_eq!(
            parse_reg("ERROR: The system was unable to find the specified registry key or value."),
            None
        );
        assert_eq!(parse_reg("    TextScaleFactor    REG_DWORD    0xzz"), None);
    }

    #[test]
    fn kde_forced_font_dpi_is_read() {
        assert_eq!(parse_kde_fonts("[General]\nforceFontDPI=120\n"), Some(1.25));
        assert_eq!(
            parse_kde_fonts("[General]\nforceFontDPI = 144\n"),
            Some(1.5)
        );
        assert_eq!(parse_kde_fonts("[General]\nforceFontDPI=0\n"), None);
        assert_eq!(parse_kde_fonts("[General]\nhintstyle=hintslight\n"), None);
    }

    #[test]
    fn a_zoom_save_that_finishes_late_does_not_undo_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let load = || Config::load(&paths).unwrap().settings.text_scale_percent;
        // Orders far above what other tests of this process hand out.
        let base = u64::MAX / 2;
        save_in_order(&paths, Some(125), base + 2).unwrap();
        save_in_order(&paths, Some(110), base + 1).unwrap();
        assert_eq!(load(), Some(125));
        save_in_order(&paths, Some(150), base + 3).unwrap();
        assert_eq!(load(), Some(150));
    }

    #[test]
    fn a_newer_save_to_one_home_does_not_hide_an_older_one_to_another() {
        let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (a, b) = (Paths::under(first.path()), Paths::under(second.path()));
        let base = u64::MAX / 4;
        save_in_order(&a, Some(175), base + 2).unwrap();
        save_in_order(&b, Some(90), base + 1).unwrap();
        assert_eq!(
            Config::load(&b).unwrap().settings.text_scale_percent,
            Some(90)
        );
    }

    #[test]
    fn zoom_steps_and_stops_at_the_ends() {
        let mut zoom = Zoom::default();
        assert_eq!(zoom.percent(), 100);
        assert!(zoom.step(Step::Bigger));
        assert_eq!(zoom.chosen, Some(110));
        for _ in 0..20 {
            zoom.step(Step::Bigger);
        }
        assert_eq!(zoom.percent(), 200);
        assert!(!zoom.step(Step::Bigger), "past the last step");
        for _ in 0..20 {
            zoom.step(Step::Smaller);
        }
        assert_eq!(zoom.percent(), 80);
        assert!(!zoom.step(Step::Smaller));
        // Between steps (a system at 130 %), the keys go to the neighbouring steps.
        let between = Zoom {
            system: 1.3,
            chosen: None,
        };
        let (mut up, mut down) = (between, between);
        up.step(Step::Bigger);
        down.step(Step::Smaller);
        assert_eq!((up.percent(), down.percent()), (150, 125));
        // Back to the system's size, and it follows the system from then on.
        up.step(Step::System);
        assert_eq!(up.chosen, None);
        assert_eq!(up.factor(), 1.3);
        assert!(!up.step(Step::System));
    }
}
