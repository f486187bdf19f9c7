//! A made-up mailbox for trying the window with no account and no network
//! (`pillarbox --demo [N]`), and for the UI benchmark.
//!
//! Engine side only (no iced). Messages are realistic enough to exercise the UI: threads
//! with In-Reply-To/References, attachments, HTML with links and a remote image, names
//! in Welsh, Polish, Chinese, Greek and more, and a spread of read/flagged states.

use std::fs;
use std::path::{Path, PathBuf};

use crate::mail::account::{Account, AccountId, Protocol};
use crate::mail::paths::Paths;
use crate::mail::store::envelope;
use crate::mail::store::maildir::{Subdir, INFO_SEP};
use crate::mail::store::{Flags, MailStore, MaildirEntry, StoreError};

/// The demo account's address (never contacted: the demo has no network).
pub const DEMO_EMAIL: &str = "demo@btinternet.com";

const PEOPLE: &[(&str, &str)] = &[
    ("Siân Llywelyn", "sian.llywelyn@btinternet.com"),
    ("Dafydd ap Gwilym", "dafydd@example.cymru"),
    ("Zoë Brontë", "zoe.bronte@example.co.uk"),
    ("José García", "jose.garcia@example.es"),
    ("Małgorzata Wiśniewska", "gosia@example.pl"),
    ("王伟", "wang.wei@example.cn"),
    ("Νίκος Παπαδόπουλος", "nikos@example.gr"),
    ("Øystein Ødegård", "oystein@example.no"),
    ("Aoife Ní Bhriain", "aoife@example.ie"),
    ("Priya Sharma", "priya.sharma@example.in"),
    ("Jürgen Müller", "juergen@example.de"),
    ("BT Email", "noreply@bt.com"),
    ("Council Tax Office", "counciltax@example.gov.uk"),
    ("Gareth Evans", "gareth.evans@btopenworld.com"),
    ("Fatima Zahra", "fatima@example.ma"),
    ("Eleanor Hughes", "eleanor.hughes@talk21.com"),
];

const SUBJECTS: &[&str] = &[
    "Your broadband bill is ready",
    "Dinner on Saturday?",
    "Photos from the eisteddfod",
    "Meeting notes – quarterly review",
    "Parcel delivery update",
    "Cyfarfod y pwyllgor nos Fawrth",
    "Holiday plans for August",
    "Invoice 2291 attached",
    "Re-arranged doctor appointment",
    "School trip permission form",
    "Train tickets to Cardiff",
    "Garden centre voucher",
    "Your council tax statement",
    "Birthday party for Mam-gu",
    "Quick question about the router",
    "Newsletter: autumn walks in Eryri",
];

const LINES: &[&str] = &[
    "Hope you are well and the week has been kind to you.",
    "I have attached the document we talked about on the phone.",
    "Could you let me know by Friday whether that works for you?",
    "Diolch yn fawr am dy help ddoe – roedd yn wych.",
    "The train leaves Cardiff Central at 09:12, platform 3.",
    "Please find the figures below; the totals are in pounds sterling (£).",
    "We will be at the café next to the library from about two o'clock.",
    "Remember to bring wellies, the path by the river is muddy.",
    "Your payment of £42.50 has been received, thank you.",
    "Let me know if anything in the notes looks wrong.",
];

const FOLDERS: &[(&str, u32)] = &[
    ("INBOX", 80),
    ("Archive", 8),
    ("Sent", 6),
    ("Drafts", 1),
    ("Junk", 3),
    ("Trash", 2),
];

/// A small deterministic generator: the same N gives the same mailbox every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The demo account (an IMAP BT account that is never connected).
pub fn account() -> Account {
    crate::mail::provider::account_for(DEMO_EMAIL, "Demo", Protocol::Imap)
}

/// A fresh folder under the system temp dir for a demo home. The caller removes it.
pub fn temp_home() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("pillarbox-demo-{}", std::process::id()));
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Fills the demo account's store under `paths` with `count` messages and returns it.
/// Files are written without fsync: demo mail is throwaway, and 100,000 fsyncs would
/// make the benchmark measure the disk instead of Pillarbox.
pub fn generate(paths: &Paths, count: usize) -> Result<MailStore, StoreError> {
    generate_for(paths, &account().id(), count, 0x5eed_1234_abcd_0001)
}

/// As [`generate`], for another account's store and with another `seed`, so several
/// accounts (the unified Inbox, its tests) get different mail at different times.
pub fn generate_for(
    paths: &Paths,
    id: &AccountId,
    count: usize,
    seed: u64,
) -> Result<MailStore, StoreError> {
    let mut store = MailStore::open(paths, id)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let mut rng = Rng(seed);
    let total_weight: u32 = FOLDERS.iter().map(|(_, w)| w).sum();
    let mut roots: Vec<PathBuf> = Vec::new();
    for (name, _) in FOLDERS {
        roots.push(store.maildir(name)?.root().to_path_buf());
    }
    // Threads: a reply points at an earlier message of the same subject.
    let mut thread_heads: Vec<(String, String)> = Vec::new();
    let mut batch_items: Vec<(usize, MaildirEntry, envelope::Envelope)> = Vec::new();
    for i in 0..count {
        let mut pick = (rng.next() % total_weight as u64) as u32;
        let mut folder = 0;
        for (n, (_, weight)) in FOLDERS.iter().enumerate() {
            if pick < *weight {
                folder = n;
                break;
            }
            pick -= weight;
        }
        // Spread over the last few years, newest at the end so ids follow dates roughly.
        let age = ((count - i) as i64) * 600 + rng.below(600) as i64;
        let date = now - age;
        let message_id = format!("<demo.{i}@pillarbox.invalid>");
        let reply_to = if !thread_heads.is_empty() && rng.below(4) == 0 {
            let n = thread_heads.len();
            Some(thread_heads[n - 1 - rng.below(n.min(20))].clone())
        } else {
            None
        };
        let bytes = message(&mut rng, i, date, &message_id, reply_to.as_ref());
        if reply_to.is_none() && thread_heads.len() < 10_000 {
            let subject = header_value(&bytes, "Subject").unwrap_or_default();
            thread_heads.push((message_id.clone(), subject));
        }
        let old = i + 200 < count;
        let mut flags = String::new();
        if rng.below(25) == 0 {
            flags.push('F');
        }
        if old || rng.below(3) == 0 || FOLDERS[folder].0 != "INBOX" {
            flags.push('S');
        }
        let flags = Flags::new(&flags);
        let file_name = format!("demo{i:07}.pillarbox{INFO_SEP}{}", flags.as_str());
        let path = roots[folder].join("cur").join(&file_name);
        fs::write(&path, &bytes).map_err(|source| StoreError::Io {
            action: "save a message in",
            path: path.clone(),
            source,
        })?;
        let entry = MaildirEntry {
            subdir: Subdir::Cur,
            file_name,
            uid: None,
            flags,
        };
        batch_items.push((folder, entry, envelope::parse(&bytes, date)));
        if batch_items.len() == 5_000 || i + 1 == count {
            let mut batch = store.index_mut().batch()?;
            for (folder, entry, env) in batch_items.drain(..) {
                batch.upsert(FOLDERS[folder].0, &entry, &env)?;
            }
            batch.commit()?;
        }
    }
    // Written behind the store's back: record the folders' stamps now, as a sync
    // does, so the first open after generating does not re-read them.
    let root = store.mail_root().to_path_buf();
    store.index_mut().refresh(&root)?;
    Ok(store)
}

/// Opens (or creates with `count` messages) a demo store under `home`: the benchmark
/// reuses one store between runs instead of generating 100,000 messages every time.
pub fn open_or_generate(home: &Path, count: usize) -> Result<(Paths, MailStore), StoreError> {
    let paths = Paths::under(home);
    let id = account().id();
    let marker = home.join(format!("demo-{count}.done"));
    if marker.exists() {
        let store = MailStore::open(&paths, &id)?;
        return Ok((paths, store));
    }
    let store = generate(&paths, count)?;
    let _ = fs::write(&marker, b"");
    Ok((paths, store))
}

fn header_value(bytes: &[u8], name: &str) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let prefix = format!("{name}: ");
    text.lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix(&prefix).map(str::to_string))
}

fn encoded_name(name: &str) -> String {
    if name.is_ascii() {
        format!("\"{name}\"")
    } else {
        format!("=?UTF-8?B?{}?=", base64(name.as_bytes()))
    }
}

fn message(
    rng: &mut Rng,
    i: usize,
    date: i64,
    message_id: &str,
    reply_to: Option<&(String, String)>,
) -> Vec<u8> {
    let (from_name, from_addr) = *rng.pick(PEOPLE);
    let subject = match reply_to {
        Some((_, subject)) if subject.starts_with("Re: ") => subject.clone(),
        Some((_, subject)) => format!("Re: {subject}"),
        None => format!("{} #{}", rng.pick(SUBJECTS), i % 997),
    };
    let mut out = String::new();
    out.push_str(&format!(
        "From: {} <{from_addr}>\r\n",
        encoded_name(from_name)
    ));
    out.push_str("To: Demo <demo@btinternet.com>\r\n");
    if rng.below(5) == 0 {
        let (n, a) = *rng.pick(PEOPLE);
        out.push_str(&format!("Cc: {} <{a}>\r\n", encoded_name(n)));
    }
    out.push_str(&format!("Subject: {subject}\r\n"));
    out.push_str(&format!("Date: {}\r\n", rfc2822(date)));
    out.push_str(&format!("Message-ID: {message_id}\r\n"));
    if let Some((parent, _)) = reply_to {
        out.push_str(&format!(
            "In-Reply-To: {parent}\r\nReferences: {parent}\r\n"
        ));
    }
    out.push_str("MIME-Version: 1.0\r\n");
    let mut body = String::new();
    for _ in 0..(2 + rng.below(5)) {
        let line: &&str = rng.pick(LINES);
        body.push_str(line);
        body.push_str("\r\n");
    }
    body.push_str(&format!("\r\n{from_name}\r\n"));
    match rng.below(6) {
        0 => {
            // An attachment: a small text "invoice".
            let boundary = format!("=_demo_{i}");
            out.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
            ));
            out.push_str(&format!(
                "--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\
                 Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
            ));
            let payload = format!("Invoice {i}\nTotal: £{}.{:02}\n", 10 + i % 90, i % 100);
            out.push_str(&format!(
                "--{boundary}\r\nContent-Type: text/plain; name=\"invoice-{i}.txt\"\r\n\
                 Content-Disposition: attachment; filename=\"invoice-{i}.txt\"\r\n\
                 Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--{boundary}--\r\n",
                base64(payload.as_bytes())
            ));
        }
        1 => {
            // HTML only, with a link whose text hides its target and a remote image.
            out.push_str("Content-Type: text/html; charset=utf-8\r\n\r\n");
            out.push_str(&format!(
                "<html><body><p>{}</p><p><a href=\"https://tracking.example.net/c/{i}\">\
                 View your account</a></p><img src=\"https://tracking.example.net/pixel/{i}.gif\">\
                 </body></html>\r\n",
                body.replace("\r\n", "<br>")
            ));
        }
        _ => {
            out.push_str("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
            out.push_str(&body);
        }
    }
    out.into_bytes()
}

pub fn rfc2822(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%a, %-d %b %Y %H:%M:%S +0000")
        .to_string()
}

pub fn base64(bytes: &[u8]) -> String {
    use ::base64::Engine;
    ::base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(rfc2822(0), "Thu, 1 Jan 1970 00:00:00 +0000");
        assert_eq!(rfc2822(951_782_400), "Tue, 29 Feb 2000 00:00:00 +0000");
    }

    #[test]
    fn demo_store_has_threads_attachments_and_every_folder() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        let store = generate(&paths, 400).unwrap();
        let folders = store.folders().unwrap();
        let total: u64 = folders.iter().map(|f| f.count).sum();
        assert_eq!(total, 400);
        assert!(folders.iter().any(|f| f.name == "Sent" && f.count > 0));
        let inbox = store.list("INBOX", Default::default(), 0, 400).unwrap();
        assert!(inbox.iter().any(|r| r.has_attachments));
        assert!(inbox.iter().any(|r| r.from.name == "王伟"));
        assert!(inbox
            .iter()
            .any(|r| store.index().thread(r.thread_id).unwrap().len() > 1));
        assert!(inbox.iter().any(|r| r.is_unread()));
    }
}
