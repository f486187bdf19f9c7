//! Main window benchmark (not a test) on a demo store of N messages (100,000 default).
//!
//! `cargo bench --bench ui -- [--dir /tmp/pillarbox-ui-bench] [--count 100000]`
//!
//! The store is generated once into `--dir` and reused. Measured in process, with the
//! real widgets laid out and drawn by iced's headless renderer (tiny-skia, the same
//! one the window uses without a GPU):
//! - first frame: open the store, build the window, lay out, draw and rasterise the
//!   Inbox at 1280x800 (renderer start and font loading included; window creation not);
//! - RSS after that;
//! - one update + view + layout cycle when scrolling deep into the list and when
//!   selecting a message (which reads and shows it in the reader);
//! - search as you type: the update for each keystroke of a word (index query included).
//!
//! `--after own|foreign` changes the store between generating it and the first frame,
//! as happens between two runs of the app: `own`, the app's own writes (messages marked
//! read, one saved, one deleted: the index keeps up, so the open reads no folder);
//! `foreign`, a message dropped into the Inbox's `new/` by another program (the open
//! compares the whole Inbox with the index).
//!
//! Prints `metric<TAB>value<TAB>target<TAB>value/target` lines.

use std::time::{Duration, Instant};

use iced::mouse::{self, ScrollDelta};
use iced::{Event, Theme};
use iced_test::core::renderer::Headless;
use iced_test::runtime::user_interface::{self, UserInterface};
use pillarbox::mail::store::MailStore;
use pillarbox::ui::mailbox::{list, search, MainWindow, Message};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn report(metric: &str, value: f64, target: f64, unit: &str) {
    println!(
        "{metric}\t{value:.2} {unit}\t{target} {unit}\t{:.2}",
        value / target
    );
}

/// Draws frames as the app does after each update: one long-lived renderer and layout
/// cache, the view built, laid out, drawn, and rasterised at scale 1 (1280x800).
struct Frames {
    renderer: iced::Renderer,
    cache: Option<user_interface::Cache>,
    theme: Theme,
}

impl Frames {
    fn new() -> Frames {
        let renderer = futures::executor::block_on(<iced::Renderer as Headless>::new(
            iced::Font::with_name("Fira Sans"),
            iced::Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("headless renderer");
        Frames {
            renderer,
            cache: Some(user_interface::Cache::default()),
            theme: pillarbox::ui::theme::for_mode(iced::theme::Mode::Light),
        }
    }

    fn draw(&mut self, window: &MainWindow) {
        let size = iced::Size::new(1280.0, 800.0);
        let mut ui = UserInterface::build(
            window.view(),
            size,
            self.cache.take().unwrap_or_default(),
            &mut self.renderer,
        );
        let style = iced::advanced::renderer::Style {
            text_color: self.theme.palette().text,
        };
        ui.draw(
            &mut self.renderer,
            &self.theme,
            &style,
            mouse::Cursor::Unavailable,
        );
        self.cache = Some(ui.into_cache());
        let _pixels = self.renderer.screenshot(
            iced::Size::new(1280, 800),
            1.0,
            self.theme.palette().background,
        );
    }
}

/// The list's scroll report for an offset, produced by the real scrollable.
fn viewport_at(window: &MainWindow, y: f32) -> Option<Message> {
    let mut ui = iced_test::simulator(window.view());
    ui.point_at(iced::Point::new(500.0, 300.0));
    ui.simulate([Event::Mouse(mouse::Event::WheelScrolled {
        delta: ScrollDelta::Pixels { x: 0.0, y: -y },
    })]);
    ui.into_messages()
        .filter(|m| matches!(m, Message::List(list::Message::Scrolled(_))))
        .last()
}

fn main() {
    pillarbox::i18n::init(Some("en-GB"));
    let count: usize = arg("--count")
        .and_then(|c| c.parse().ok())
        .unwrap_or(100_000);
    let dir = std::path::PathBuf::from(
        arg("--dir").unwrap_or_else(|| "/tmp/pillarbox-ui-bench".to_string()),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let started = Instant::now();
    let (_, mut store) = pillarbox::demo::open_or_generate(&dir, count).expect("demo store");
    eprintln!("demo store of {count} ready in {:.1?}", started.elapsed());
    match arg("--after").as_deref() {
        None => {}
        Some("own") => {
            let rows = store
                .list("INBOX", pillarbox::mail::store::Sort::default(), 0, 20)
                .unwrap();
            for row in &rows {
                let flags = row.flags().with('S', row.is_unread());
                store.set_flags(row.id, &flags).unwrap();
            }
            let saved = store
                .add(
                    "INBOX",
                    pillarbox::mail::store::NewMessage::Bytes(b"Subject: bench\r\n\r\nsaved\r\n"),
                    None,
                    &pillarbox::mail::store::Flags::default(),
                )
                .unwrap();
            store.remove(saved).unwrap();
        }
        Some("foreign") => {
            let new = pillarbox::mail::store::folder::maildir_path(store.mail_root(), "INBOX")
                .join("new");
            let name = format!("{}.bench-foreign.host", std::process::id());
            std::fs::write(
                new.join(name),
                b"Subject: dropped in\r\n\r\nby procmail\r\n",
            )
            .unwrap();
        }
        Some(other) => panic!("--after own|foreign, not {other}"),
    }
    drop(store);
    let rss_before = rss_mb();

    // First frame: from opening the store to the Inbox drawn.
    let started = Instant::now();
    let paths = pillarbox::mail::paths::Paths::under(&dir);
    let store = MailStore::open(&paths, &pillarbox::demo::account().id()).unwrap();
    let opened = started.elapsed();
    eprintln!(
        "(store open read {} of {} folders)",
        store.opened_report().scanned,
        store.opened_report().folders
    );
    let mut window = MainWindow::new(pillarbox::demo::account(), store, true);
    let built = started.elapsed();
    let mut frames = Frames::new();
    let renderer = started.elapsed();
    frames.draw(&window);
    let first_frame = started.elapsed();
    eprintln!(
        "(first frame: store open {:.1} ms, window state {:.1} ms, renderer start {:.1} ms, frame {:.1} ms)",
        ms(opened),
        ms(built - opened),
        ms(renderer - built),
        ms(first_frame - renderer)
    );
    println!("inbox messages\t{}", window.list.total);
    report(
        "first frame (open + list + draw)",
        ms(first_frame),
        300.0,
        "ms",
    );
    report("RSS after first frame", rss_mb(), 150.0, "MB");
    eprintln!("(RSS before opening the window: {rss_before:.1} MB)");

    // Scrolling: viewports at offsets spread through the whole list.
    let total_height = window.list.total as f32 * list::ROW_HEIGHT;
    let scrolls: Vec<Message> = (1..=20)
        .filter_map(|k| viewport_at(&window, total_height * k as f32 / 21.0))
        .collect();
    assert!(!scrolls.is_empty(), "the list reported its scrolling");
    let mut update_view = Duration::ZERO;
    let mut with_frame = Duration::ZERO;
    for message in &scrolls {
        let t = Instant::now();
        let _ = window.update(message.clone());
        let _element = window.view();
        update_view += t.elapsed();
        drop(_element);
        let t = Instant::now();
        frames.draw(&window);
        with_frame += t.elapsed();
    }
    let n = scrolls.len() as f64;
    report("scroll: update + view", ms(update_view) / n, 4.0, "ms");
    report(
        "scroll: frame (layout + draw + raster)",
        ms(with_frame) / n,
        16.0,
        "ms",
    );
    eprintln!(
        "rows in memory while scrolled deep: {}",
        window.list.rows_in_memory()
    );

    // Selecting: click rows in view (reads the file, fills the reader).
    let mut update_view = Duration::ZERO;
    let mut with_frame = Duration::ZERO;
    let base = window.list.cursor.unwrap_or(0);
    let picks = 20;
    for i in 0..picks {
        let message = Message::List(list::Message::Clicked(base + i));
        let t = Instant::now();
        let _ = window.update(message);
        let _element = window.view();
        update_view += t.elapsed();
        drop(_element);
        let t = Instant::now();
        frames.draw(&window);
        with_frame += t.elapsed();
    }
    report(
        "select: update + view",
        ms(update_view) / picks as f64,
        4.0,
        "ms",
    );
    report(
        "select: frame (layout + draw + raster)",
        ms(with_frame) / picks as f64,
        16.0,
        "ms",
    );

    // Threads on: the whole Inbox grouped once, then scrolled like the plain list.
    let t = Instant::now();
    let _ = window.update(Message::List(list::Message::ToggleThreads));
    drop(window.view());
    let toggled = t.elapsed();
    println!("inbox threads\t{}", window.list.total);
    report(
        "threads: toggle on (group the folder)",
        ms(toggled),
        100.0,
        "ms",
    );
    let total_height = window.list.total as f32 * list::ROW_HEIGHT;
    let scrolls: Vec<Message> = (1..=20)
        .filter_map(|k| viewport_at(&window, total_height * k as f32 / 21.0))
        .collect();
    let mut update_view = Duration::ZERO;
    let mut with_frame = Duration::ZERO;
    for message in &scrolls {
        let t = Instant::now();
        let _ = window.update(message.clone());
        drop(window.view());
        update_view += t.elapsed();
        let t = Instant::now();
        frames.draw(&window);
        with_frame += t.elapsed();
    }
    let n = scrolls.len() as f64;
    report(
        "threads scroll: update + view",
        ms(update_view) / n,
        4.0,
        "ms",
    );
    report(
        "threads scroll: frame (layout + draw + raster)",
        ms(with_frame) / n,
        16.0,
        "ms",
    );
    // A change in the store (a sync, a flag) makes the next reload group again.
    if let Some(row) = window.list.row_at(0, &window.accounts).map(|r| r.key()) {
        window.set_flag(row, pillarbox::mail::store::Flags::FLAGGED, None);
    }
    let t = Instant::now();
    window.list.reload(&window.accounts);
    report(
        "threads: reload after a change",
        ms(t.elapsed()),
        100.0,
        "ms",
    );
    let _ = window.update(Message::List(list::Message::ToggleThreads));

    // Search as you type.
    let word = "appointment";
    let mut worst = Duration::ZERO;
    let mut sum = Duration::ZERO;
    for end in 1..=word.len() {
        let t = Instant::now();
        let _ = window.update(Message::Search(search::Message::Changed(
            word[..end].to_string(),
        )));
        let _element = window.view();
        let took = t.elapsed();
        worst = worst.max(took);
        sum += took;
    }
    report(
        "search keystroke (mean)",
        ms(sum) / word.len() as f64,
        50.0,
        "ms",
    );
    report("search keystroke (worst)", ms(worst), 50.0, "ms");
    report("RSS at the end", rss_mb(), 150.0, "MB");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
