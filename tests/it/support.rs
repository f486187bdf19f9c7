//! What the main-window tests share: windows on real demo stores in a temp home (one
//! account or two), a home with a config, and the small drivers each test file used to
//! repeat (list messages, shortcut presses, simulator clicks, running a task).

use iced::Task;
use pillarbox::mail::account::{Account, Protocol};
use pillarbox::mail::config::Config;
use pillarbox::mail::paths::Paths;
use pillarbox::ui::mailbox::keys::{Action, SHORTCUTS};
use pillarbox::ui::mailbox::{list, MainWindow, Message};

pub(crate) struct Fixture {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) paths: Paths,
    pub(crate) window: MainWindow,
}

/// The demo account's window on `count` generated messages. Its `paths` stay unset (a
/// bare window writes no config); the home is `Fixture::paths`.
pub(crate) fn window(count: usize) -> Fixture {
    pillarbox::i18n::init(Some("en-GB"));
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let store = pillarbox::demo::generate(&paths, count).unwrap();
    let window = MainWindow::new(pillarbox::demo::account(), store, true);
    Fixture { dir, paths, window }
}

pub(crate) fn second_account() -> Account {
    pillarbox::mail::provider::account_for("bee@example.org", "Bee", Protocol::Imap)
}

/// The demo account with `a` messages and a second one with `b`, both in the config.
pub(crate) fn two_accounts(a: usize, b: usize) -> Fixture {
    pillarbox::i18n::init(Some("en-GB"));
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let store_a = pillarbox::demo::generate(&paths, a).unwrap();
    let bee = second_account();
    let store_b = pillarbox::demo::generate_for(&paths, &bee.id(), b, 0xb0b_0002).unwrap();
    let mut config = Config::default();
    config.add_account(pillarbox::demo::account()).unwrap();
    config.add_account(bee.clone()).unwrap();
    config.save(&paths).unwrap();
    let mut window = MainWindow::with_accounts(
        vec![(pillarbox::demo::account(), store_a), (bee, store_b)],
        true,
    );
    window.paths = Some(paths.clone());
    Fixture { dir, paths, window }
}

/// A home with the demo account's store (20 messages) and a config holding that
/// account, changed by `configure` before it is saved.
pub(crate) fn demo_home(configure: impl FnOnce(&mut Config)) -> (tempfile::TempDir, Paths) {
    pillarbox::i18n::init(Some("en-GB"));
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    drop(pillarbox::demo::generate(&paths, 20).unwrap());
    let mut config = Config::default();
    config.add_account(pillarbox::demo::account()).unwrap();
    configure(&mut config);
    config.save(&paths).unwrap();
    (dir, paths)
}

pub(crate) fn list_msg(w: &mut MainWindow, message: list::Message) {
    let _ = w.update(Message::List(message));
}

pub(crate) fn click(w: &mut MainWindow, position: u64) {
    list_msg(w, list::Message::Clicked(position));
}

/// The first list position showing a message of `account`.
pub(crate) fn position_of(w: &mut MainWindow, account: usize) -> u64 {
    (0..w.list.total)
        .find(|p| w.list.row_at(*p, &w.accounts).unwrap().account == account)
        .expect("the account has mail in the list")
}

/// Presses the key the shortcut table gives `action`.
pub(crate) fn press(w: &mut MainWindow, action: Action) {
    let shortcut = SHORTCUTS.iter().find(|s| s.action == action).unwrap();
    let (key, modifiers) = shortcut.chord.press();
    let _ = w.shortcut(key, modifiers);
}

/// Text as read, without Fluent's bidi isolation marks around variables.
pub(crate) fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// The status bar's note as read (empty without one).
pub(crate) fn note(w: &MainWindow) -> String {
    plain(w.status.note.as_deref().unwrap_or_default())
}

/// What clicking the control labelled `label` in the simulator sends.
pub(crate) fn clicked(w: &MainWindow, label: &str) -> Vec<Message> {
    let mut ui = iced_test::simulator(w.view());
    ui.click(label)
        .unwrap_or_else(|_| panic!("a control labelled {label:?}"));
    ui.into_messages().collect()
}

/// Clicks the control labelled `label` in the simulator and applies what it sends.
pub(crate) fn press_button(w: &mut MainWindow, label: &str) {
    let messages = clicked(w, label);
    replay(w, messages);
}

pub(crate) fn replay(w: &mut MainWindow, messages: Vec<Message>) {
    for message in messages {
        let _ = w.update(message);
    }
}

/// Runs a task to its end on a runtime of its own, as the app would, and returns what it
/// produced (widget operations, which need a window, are skipped).
pub(crate) fn run_task<T: Send + 'static>(task: Task<T>) -> Vec<T> {
    use futures::StreamExt;
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return Vec::new();
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(
        stream
            .filter_map(|action| async move {
                match action {
                    iced_runtime::Action::Output(output) => Some(output),
                    _ => None,
                }
            })
            .collect(),
    )
}

/// Runs what `update` started and applies what comes back (one round).
pub(crate) fn settle(w: &mut MainWindow, task: Task<Message>) {
    for message in run_task(task) {
        let _ = w.update(message);
    }
}

/// One IMAP sync of `account` into the home at `paths`, as the window's connection runs it.
pub(crate) async fn imap_sync(
    account: &Account,
    password: &pillarbox::mail::secret::Password,
    paths: &Paths,
) -> pillarbox::mail::imap::SyncSummary {
    use pillarbox::mail::imap::{conn::Conn, sync_account, SyncOptions};
    let mut conn = Conn::connect(account, password, &Default::default())
        .await
        .unwrap();
    let summary = sync_account(&mut conn, paths, account, &SyncOptions::default(), &|_| {})
        .await
        .unwrap();
    conn.logout().await;
    summary
}

/// Opens the settings form, letting the task read the config as the app would.
pub(crate) fn open_settings(w: &mut MainWindow) {
    let load = w.update(Message::OpenSettings);
    settle(w, load);
}

/// Sends an app-shell message and applies what its tasks send back (one round).
pub(crate) fn app_settle(app: &mut pillarbox::ui::App, message: pillarbox::ui::Message) {
    let task = app.update(message);
    for message in run_task(task) {
        let _ = app.update(message);
    }
}
