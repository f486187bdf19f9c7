//! Envelope index benchmark (not a test): builds a Maildir of N generated messages
//! (100,000 by default), indexes it from scratch, then times count, the first page, a
//! page deep in the list and a search-as-you-type sequence.
//!
//! `cargo bench --bench index -- --dir /tmp/pb-bench [--count 100000]`
//! `tests/bench/index.sh` runs this and notmuch on the same Maildir and prints ratios.
//! Output lines are `metric<TAB>milliseconds` so the script can read them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pillarbox::mail::account::AccountId;
use pillarbox::mail::paths::Paths;
use pillarbox::mail::store::local::INDEX_FILE;
use pillarbox::mail::store::{MailStore, Sort, SortKey};

const WORDS: &[&str] = &[
    "the",
    "and",
    "meeting",
    "invoice",
    "holiday",
    "parcel",
    "delivery",
    "account",
    "password",
    "broadband",
    "router",
    "payment",
    "thanks",
    "tomorrow",
    "weekend",
    "family",
    "garden",
    "council",
    "school",
    "doctor",
    "appointment",
    "birthday",
    "party",
    "dinner",
    "train",
    "ticket",
    "booking",
    "hotel",
    "flight",
    "insurance",
    "renewal",
    "offer",
    "discount",
    "newsletter",
    "update",
    "security",
    "statement",
    "balance",
    "order",
    "confirmation",
    "refund",
    "receipt",
    "photos",
    "church",
    "choir",
    "rugby",
    "football",
    "cricket",
    "club",
    "minutes",
    "agenda",
    "report",
    "draft",
    "review",
    "project",
    "budget",
    "quarter",
    "plan",
    "Cardiff",
    "Swansea",
    "London",
    "Manchester",
    "Edinburgh",
    "Bristol",
    "Leeds",
    "cwtch",
    "please",
    "could",
    "would",
    "attached",
    "see",
    "below",
    "regards",
    "best",
    "wishes",
    "morning",
    "afternoon",
    "evening",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
];
const NAMES: &[&str] = &[
    "Alice", "Bob", "Carys", "Dafydd", "Eleri", "Fiona", "Gareth", "Huw", "Ioan", "Jane", "Kate",
    "Llinos", "Megan", "Nia", "Owain", "Peter", "Rhys", "Sian", "Tomos", "Wyn",
];
const SURNAMES: &[&str] = &[
    "Jones",
    "Williams",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Smith",
    "Brown",
    "Taylor",
    "Wilson",
    "Price",
    "Griffiths",
    "Owen",
    "Edwards",
    "James",
];

/// A small deterministic generator (xorshift) so every run builds the same mail.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards the start of the list, as word use is.
    fn zipf<'a>(&mut self, list: &[&'a str]) -> &'a str {
        let a = self.below(list.len());
        let b = self.below(list.len());
        list[a.min(b)]
    }
}

fn message(n: usize, rng: &mut Rng) -> Vec<u8> {
    let first = rng.zipf(NAMES);
    let last = rng.zipf(SURNAMES);
    let subject: Vec<&str> = (0..3 + rng.below(5)).map(|_| rng.zipf(WORDS)).collect();
    let reply = n > 10 && rng.below(3) == 0;
    let parent = if reply { n - 1 - rng.below(10) } else { 0 };
    // Five years of mail, about a message every 26 minutes, oldest first.
    let date = 1_640_995_200 + n as i64 * 1_577;
    let mut text = format!(
        "From: {first} {last} <{}.{}@example.org>\r\nTo: bench@btinternet.com\r\n\
         Subject: {}{}\r\nDate: {}\r\nMessage-ID: <m{n}@bench.example>\r\n",
        first.to_lowercase(),
        last.to_lowercase(),
        if reply { "Re: " } else { "" },
        subject.join(" "),
        rfc2822(date),
    );
    if reply {
        text.push_str(&format!(
            "In-Reply-To: <m{parent}@bench.example>\r\nReferences: <m{parent}@bench.example>\r\n"
        ));
    }
    text.push_str("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
    text.push_str(&format!("Hello {first},\r\n\r\n"));
    for _ in 0..8 + rng.below(25) {
        let line: Vec<&str> = (0..6 + rng.below(8)).map(|_| rng.zipf(WORDS)).collect();
        text.push_str(&line.join(" "));
        text.push_str("\r\n");
    }
    text.push_str(&format!("\r\nref{n}\r\n"));
    text.into_bytes()
}

fn rfc2822(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil-from-days (H. Hinnant), to avoid a date crate for a benchmark.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{day} {} {year} {:02}:{:02}:{:02} +0000",
        MONTHS[(month - 1) as usize],
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn generate(inbox: &Path, count: usize) {
    let cur = inbox.join("cur");
    let existing = fs::read_dir(&cur).map(|d| d.count()).unwrap_or(0);
    if existing == count {
        eprintln!("using the {count} messages already in {}", inbox.display());
        return;
    }
    let _ = fs::remove_dir_all(inbox);
    for sub in ["cur", "new", "tmp"] {
        fs::create_dir_all(inbox.join(sub)).unwrap();
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    for n in 0..count {
        let bytes = message(n, &mut rng);
        let flags = if rng.below(10) < 7 { "S" } else { "" };
        let name = format!("{}.M{n}P1.bench,U={}:2,{flags}", 1_700_000_000 + n, n + 1);
        // Test data, not user mail: no fsync per file.
        fs::File::create(cur.join(name))
            .and_then(|mut f| f.write_all(&bytes))
            .unwrap();
    }
    eprintln!(
        "generated {count} messages in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Median of `runs` timings of `f`, in milliseconds.
fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2].as_secs_f64() * 1000.0
}

fn report(metric: &str, ms: f64) {
    println!("{metric}\t{ms:.3}");
}

/// The queries a person types, one key at a time.
pub const TYPED: &[&str] = &[
    "m",
    "me",
    "mee",
    "meet",
    "meeti",
    "meetin",
    "meeting",
    "meeting c",
    "meeting ca",
    "meeting car",
    "meeting card",
    "meeting cardi",
    "meeting cardif",
    "meeting cardiff",
    "r",
    "re",
    "ref",
    "ref4",
    "ref42",
    "ref424",
    "ref4242",
    "from:s",
    "from:si",
    "from:sian",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("/tmp/pillarbox-bench");
    let mut count = 100_000;
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this too, without
    // it, and then a tiny run in a temporary folder only proves the benchmark works.
    let mut benching = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dir" => dir = PathBuf::from(args.next().expect("--dir needs a folder")),
            "--count" => count = args.next().and_then(|n| n.parse().ok()).expect("--count N"),
            "--bench" => benching = true,
            other => panic!("unknown argument {other}"),
        }
    }
    let _smoke_dir;
    if !benching {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        dir = tmp.path().to_path_buf();
        _smoke_dir = tmp;
        count = 300;
    }
    let paths = Paths::under(&dir.join("home"));
    let account = AccountId("bench@btinternet.com".into());
    let root = paths.mail_root(&account);
    generate(&root.join("INBOX"), count);
    let index_file = paths.state_dir(&account).join(INDEX_FILE);
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", index_file.display()));
    }

    let started = Instant::now();
    let store = MailStore::open(&paths, &account).unwrap();
    report("index_build", started.elapsed().as_secs_f64() * 1000.0);
    let size = |suffix: &str| {
        fs::metadata(format!("{}{suffix}", index_file.display()))
            .map(|m| m.len() as f64 / 1e6)
            .unwrap_or(0.0)
    };
    let maildir_mb: f64 = fs::read_dir(root.join("INBOX/cur"))
        .unwrap()
        .map(|d| d.unwrap().metadata().unwrap().len() as f64 / 1e6)
        .sum();
    eprintln!(
        "index size: {:.1} MB (+ {:.1} MB log) for {maildir_mb:.1} MB of mail",
        size(""),
        size("-wal")
    );
    assert_eq!(store.count("INBOX").unwrap(), count as u64);
    drop(store);

    let started = Instant::now();
    let mut store = MailStore::open(&paths, &account).unwrap();
    report("open", started.elapsed().as_secs_f64() * 1000.0);
    report("count", time_ms(21, || store.count("INBOX").unwrap()));
    report(
        "unread_count",
        time_ms(21, || store.unread_count("INBOX").unwrap()),
    );
    report("folders", time_ms(21, || store.folders().unwrap()));
    let sort = Sort::default();
    report(
        "page_first",
        time_ms(21, || store.list("INBOX", sort, 0, 50).unwrap()),
    );
    let deep = (count as u64 * 9 / 10).saturating_sub(50);
    // The first deep page after a change builds the folder's id order.
    let t = Instant::now();
    store.list("INBOX", sort, deep, 50).unwrap();
    report("page_deep_cold", t.elapsed().as_secs_f64() * 1000.0);
    report(
        "page_deep",
        time_ms(21, || store.list("INBOX", sort, deep, 50).unwrap()),
    );
    report(
        "page_last",
        time_ms(21, || {
            store.list("INBOX", sort, count as u64 - 50, 50).unwrap()
        }),
    );
    for (name, key) in [("from", SortKey::From), ("subject", SortKey::Subject)] {
        let sort = Sort {
            key,
            descending: false,
        };
        report(
            &format!("page_deep_by_{name}"),
            time_ms(21, || store.list("INBOX", sort, deep, 50).unwrap()),
        );
    }
    let mut worst: f64 = 0.0;
    let mut total = 0.0;
    for query in TYPED {
        let ms = time_ms(5, || store.search(query, Some("INBOX"), 50).unwrap());
        let hits = store.search(query, Some("INBOX"), 50).unwrap().len();
        eprintln!("  search {query:?}: {ms:.2} ms ({hits} shown)");
        report(&format!("search:{query}"), ms);
        worst = worst.max(ms);
        total += ms;
    }
    report("search_worst", worst);
    report("search_mean", total / TYPED.len() as f64);

    // Incremental work: a full re-scan with nothing changed (what an open does after
    // the folder changed), a refresh with nothing changed, flag changes.
    report("reindex_nochange", time_ms(3, || store.reindex().unwrap()));
    report(
        "refresh_nochange",
        time_ms(3, || store.index_mut().refresh(&root).unwrap()),
    );
    let ids: Vec<_> = store
        .list("INBOX", sort, 0, 100)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    let flags = pillarbox::mail::store::Flags::new("FS");
    let t = Instant::now();
    for id in &ids {
        store.set_flags(*id, &flags).unwrap();
    }
    report(
        "set_flags_each",
        t.elapsed().as_secs_f64() * 1000.0 / ids.len() as f64,
    );
}
