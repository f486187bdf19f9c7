//! The main window's panes, folders | list | reader, split by dividers the user drags
//! (or moves with the keys of `keys::Action::NarrowList`/`WidenList`). Where they were left, and the window's size, are kept in
//! `window.toml` in the data folder and restored at start-up.
//!
//! A drag sends a resize for every mouse move, so the file is written once the dividers
//! have been still for [`SAVE_DELAY`], not on each move, and by a task, not in `update`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use iced::widget::container;
use iced::widget::pane_grid::{self, Axis, Configuration, Node, Split};
use iced::{Element, Length, Size, Task, Theme};
use serde::{Deserialize, Serialize};

use crate::mail::paths::Paths;
use crate::mail::store::fsutil::write_atomic;

/// The file format this build writes; it reads any version, keeping what it knows.
pub const LAYOUT_VERSION: u32 = 1;
/// How long the dividers and the window stay still before their place is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// The share of the window's width the folder pane may take.
const FOLDERS: (f32, f32) = (0.08, 0.45);
/// The share of the rest (list and reader) the list may take.
const LIST: (f32, f32) = (0.15, 0.85);
/// How far one press of the narrow/widen keys moves the list's divider.
pub const NUDGE: f32 = 0.05;
/// Smallest window kept: the app's minimum size. Largest: beyond any real screen.
const WINDOW_MIN: Size = Size::new(480.0, 520.0);
const WINDOW_MAX: f32 = 16_384.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Folders,
    List,
    Reader,
}

/// What `window.toml` holds. Missing, unknown or nonsense values are tolerated:
/// [`Saved::load`] falls back to defaults and clamps.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub version: u32,
    /// The folder pane's share of the window's width.
    pub folders: f32,
    /// The list's share of the width right of the folders.
    pub list: f32,
    pub width: Option<f32>,
    pub height: Option<f32>,
}

impl Default for Saved {
    /// About the fixed layout of earlier versions: 220 px of folders in a 1200 px
    /// window, then list and reader two to three.
    fn default() -> Saved {
        Saved {
            version: LAYOUT_VERSION,
            folders: 0.18,
            list: 0.4,
            width: None,
            height: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not write the pane sizes: {0}")]
    Serialize(#[from] toml::ser::Error),
}

impl LayoutError {
    pub fn user_message(&self) -> String {
        let error = match self {
            LayoutError::Write { source, .. } => source.to_string(),
            LayoutError::Serialize(error) => error.to_string(),
        };
        crate::fl!("layout-save-failed", error = error)
    }
}

impl Saved {
    pub fn path(paths: &Paths) -> PathBuf {
        paths.data_dir.join("window.toml")
    }

    /// The saved layout, clamped; the defaults when there is none or it is unreadable
    /// (it is only a convenience: a damaged file must not stop the app).
    pub fn load(path: &Path) -> Saved {
        let saved = match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).unwrap_or_else(|error| {
                tracing::warn!(path = %path.display(), %error, "ignoring a damaged window.toml");
                Saved::default()
            }),
            Err(_) => Saved::default(),
        };
        saved.clamped()
    }

    pub fn write(&self, path: &Path) -> Result<(), LayoutError> {
        let text = toml::to_string(&Saved {
            version: LAYOUT_VERSION,
            ..*self
        })?;
        write_atomic(path, text.as_bytes()).map_err(|source| LayoutError::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Every value in its range; NaN and the like become the default.
    pub fn clamped(self) -> Saved {
        let default = Saved::default();
        let ratio = |value: f32, (lo, hi): (f32, f32), fallback: f32| {
            if value.is_finite() {
                value.clamp(lo, hi)
            } else {
                fallback
            }
        };
        let side = |value: Option<f32>, min: f32| {
            value
                .filter(|v| v.is_finite() && *v > 0.0)
                .map(|v| v.clamp(min, WINDOW_MAX))
        };
        Saved {
            version: self.version,
            folders: ratio(self.folders, FOLDERS, default.folders),
            list: ratio(self.list, LIST, default.list),
            width: side(self.width, WINDOW_MIN.width),
            height: side(self.height, WINDOW_MIN.height),
        }
    }

    /// The window size to open with, when one was saved.
    pub fn window_size(&self) -> Option<Size> {
        Some(Size::new(self.width?, self.height?))
    }
}

pub struct State {
    pub panes: pane_grid::State<Pane>,
    window: Option<Size>,
    /// Counts changes: only the save timer of the latest one writes.
    generation: u64,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("saved", &self.saved())
            .field("generation", &self.generation)
            .finish()
    }
}

#[derive(Clone, Debug)]
pub enum Message {
    Resized(pane_grid::ResizeEvent),
    /// Moves the divider between list and reader by a share of their width.
    Nudge(f32),
    WindowResized(Size),
    /// The save timer of change number `.0` ran out.
    SaveDue(u64),
    /// The file was written (off the UI thread), or why not.
    Written(Result<(), String>),
}

#[derive(Debug)]
pub enum Event {
    /// Saving failed: the message for the status bar.
    SaveFailed(String),
}

impl Default for State {
    fn default() -> State {
        State::from_saved(Saved::default())
    }
}

impl State {
    pub fn from_saved(saved: Saved) -> State {
        let saved = saved.clamped();
        let split = |ratio, a, b| Configuration::Split {
            axis: Axis::Vertical,
            ratio,
            a: Box::new(a),
            b: Box::new(b),
        };
        let config = split(
            saved.folders,
            Configuration::Pane(Pane::Folders),
            split(
                saved.list,
                Configuration::Pane(Pane::List),
                Configuration::Pane(Pane::Reader),
            ),
        );
        State {
            panes: pane_grid::State::with_configuration(config),
            window: saved.window_size(),
            generation: 0,
        }
    }

    /// The layout saved for `paths`, or the default one.
    pub fn restore(paths: &Paths) -> State {
        State::from_saved(Saved::load(&Saved::path(paths)))
    }

    /// The outer split (folders | the rest) and the inner one (list | reader).
    fn splits(&self) -> Option<((Split, f32), (Split, f32))> {
        match self.panes.layout() {
            Node::Split { id, ratio, b, .. } => match b.as_ref() {
                Node::Split {
                    id: inner,
                    ratio: inner_ratio,
                    ..
                } => Some(((*id, *ratio), (*inner, *inner_ratio))),
                Node::Pane(_) => None,
            },
            Node::Pane(_) => None,
        }
    }

    /// What would be saved now.
    pub fn saved(&self) -> Saved {
        let default = Saved::default();
        let (folders, list) = self
            .splits()
            .map_or((default.folders, default.list), |((_, a), (_, b))| (a, b));
        Saved {
            version: LAYOUT_VERSION,
            folders,
            list,
            width: self.window.map(|s| s.width),
            height: self.window.map(|s| s.height),
        }
        .clamped()
    }

    pub fn update(
        &mut self,
        message: Message,
        paths: Option<&Paths>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Resized(pane_grid::ResizeEvent { split, ratio }) => {
                let Some(((outer, _), _)) = self.splits() else {
                    return (Task::none(), None);
                };
                let range = if split == outer { FOLDERS } else { LIST };
                self.panes.resize(split, ratio.clamp(range.0, range.1));
                (self.changed(), None)
            }
            Message::Nudge(delta) => {
                let Some((_, (inner, ratio))) = self.splits() else {
                    return (Task::none(), None);
                };
                self.panes
                    .resize(inner, (ratio + delta).clamp(LIST.0, LIST.1));
                (self.changed(), None)
            }
            Message::WindowResized(size) => {
                if self.window == Some(size) {
                    return (Task::none(), None);
                }
                self.window = Some(size);
                (self.changed(), None)
            }
            Message::SaveDue(generation) => {
                // A later change has its own timer running.
                let (true, Some(paths)) = (generation == self.generation, paths) else {
                    return (Task::none(), None);
                };
                let task = write_task(Saved::path(paths), self.saved());
                (task, None)
            }
            Message::Written(result) => (Task::none(), result.err().map(Event::SaveFailed)),
        }
    }

    /// Starts the save timer for this change; earlier timers go stale.
    fn changed(&mut self) -> Task<Message> {
        self.generation += 1;
        let generation = self.generation;
        // Built inside the future: the timer needs the runtime only once it runs.
        Task::perform(
            async move { tokio::time::sleep(SAVE_DELAY).await },
            move |_| Message::SaveDue(generation),
        )
    }

    /// The number of the latest change (its [`Message::SaveDue`] writes).
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// The order saves were asked in, and per file the latest one written.
static SAVES_ASKED: AtomicU64 = AtomicU64::new(0);
static SAVES_WRITTEN: Mutex<BTreeMap<PathBuf, u64>> = Mutex::new(BTreeMap::new());

/// Writes `saved` on a blocking thread (a slow disk must not stall the window). Two saves
/// may finish in either order; one older than what the file already holds is dropped,
/// so the file ends with the last layout.
fn write_task(path: PathBuf, saved: Saved) -> Task<Message> {
    let order = SAVES_ASKED.fetch_add(1, Ordering::SeqCst) + 1;
    let write = move || {
        let mut written = SAVES_WRITTEN.lock().unwrap_or_else(PoisonError::into_inner);
        if written.get(&path).is_some_and(|&last| last > order) {
            return Ok(());
        }
        saved.write(&path).map_err(|e| e.user_message())?;
        written.insert(path, order);
        Ok(())
    };
    crate::ui::off_thread(write, Message::Written)
}

/// The three panes. The gap between them is the divider: a bar that takes the resize
/// cursor and lights up under the pointer (see [`style`]); the keys move it too.
pub fn view(window: &super::MainWindow) -> Element<'_, super::Message> {
    use super::Message;
    let grid = iced::widget::pane_grid(&window.layout.panes, |_, pane, _| {
        pane_grid::Content::new(pane_view(window, *pane))
    })
    .spacing(6)
    .min_size(140)
    .on_resize(10, |event| Message::Layout(self::Message::Resized(event)))
    .style(style);
    container(grid).style(gaps).into()
}

fn pane_view(window: &super::MainWindow, pane: Pane) -> Element<'_, super::Message> {
    use super::Message;
    let (body, style): (Element<'_, Message>, fn(&Theme) -> container::Style) = match pane {
        Pane::Folders => (window.folders.view().map(Message::Folders), super::card),
        Pane::List => (window.list.view().map(Message::List), plain),
        Pane::Reader => {
            let body = match (&window.settings, &window.composer) {
                (Some(settings), _) => settings.view().map(Message::Settings),
                (None, Some(composer)) => window.composer_view(composer),
                (None, None) => window.reader.view().map(Message::Reader),
            };
            (body, super::card)
        }
    };
    container(body)
        .width(Length::Fill)
        .height(Length::Fill)
        .style(style)
        .into()
}

/// Behind the grid: it shows only in the gaps between the panes, so each divider is a
/// visible bar to grab (the resize cursor shows over it).
pub fn gaps(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.strong.color.into()),
        ..Default::default()
    }
}

/// A pane with no card of its own (the list) covers the gaps' colour with the window's.
pub fn plain(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        ..Default::default()
    }
}

/// The dividers: a line in the accent colour over the bar under the pointer and while
/// dragged.
pub fn style(theme: &Theme) -> pane_grid::Style {
    let palette = theme.extended_palette();
    let default = pane_grid::default(theme);
    pane_grid::Style {
        hovered_split: pane_grid::Line {
            color: palette.primary.base.color,
            width: 4.0,
        },
        picked_split: pane_grid::Line {
            color: palette.primary.strong.color,
            width: 4.0,
        },
        ..default
    }
}
