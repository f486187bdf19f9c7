//! Files on the user's side: native dialogs (through the XDG portal on Linux, so no GTK
//! is needed), saving attachments durably, and opening them with the system's handler.
//! Everything here blocks or waits on the user, so it runs inside tasks.

use std::path::{Path, PathBuf};

use crate::mail::store::fsutil::write_atomic;

/// Whether a native file dialog can be shown. rfd answers "cancelled" both when the
/// user cancels and when there is nothing to show a dialog with, so the second case is
/// told apart beforehand: on Linux that needs a D-Bus session (the portal) or zenity.
pub fn dialogs_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    bus || on_path("zenity")
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// A file name from a message, safe to create: only its last path component, no
/// control characters, never empty, `.` or `..` (a hostile name cannot leave the folder).
pub fn safe_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        "attachment".to_string()
    } else {
        cleaned
    }
}

/// The Downloads folder, or home without one.
pub fn downloads_dir() -> Result<PathBuf, String> {
    directories::UserDirs::new()
        .and_then(|d| d.download_dir().map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
        .ok_or_else(|| crate::fl!("reader-no-downloads"))
}

/// Writes `bytes` into `dir` under the safe form of `name`, never over an existing file
/// (`1-name`, `2-name`... instead); durable (temporary file, fsync, rename).
pub fn save_into(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let safe = safe_name(name);
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    // The name is claimed by creating the file (which fails if anything has it): a test
    // for existence first would let two saves running at once pick the same name, and
    // the later would replace the earlier.
    let mut path = dir.join(&safe);
    let mut n = 1;
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(_) => break,
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                path = dir.join(format!("{n}-{safe}"));
                n += 1;
            }
            Err(error) => return Err(error.to_string()),
        }
    }
    if let Err(error) = write_atomic(&path, bytes) {
        let _ = std::fs::remove_file(&path);
        return Err(error.to_string());
    }
    Ok(path)
}

/// Writes `bytes` durably to a path the user chose (the dialog asked about replacing).
pub fn save_at(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    write_atomic(path, bytes).map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
}

/// A new folder only this user can read, for files handed to other programs.
pub fn private_temp_dir() -> Result<PathBuf, String> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("pillarbox-{}-{stamp}", std::process::id()));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    // `create` (not `create_all`) fails on an existing path: nobody can plant it first.
    builder.create(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// Whether opening a file of this name could run a program rather than show a
/// document. Such attachments are only saved: the user opens them knowingly.
pub fn runs_code(name: &str) -> bool {
    const RISKY: [&str; 24] = [
        "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "cpl", "hta", "jar", "js", "jse",
        "vbs", "vbe", "wsf", "ps1", "lnk", "reg", "desktop", "sh", "command", "app", "appimage",
    ];
    let safe = safe_name(name).to_lowercase();
    safe.rsplit_once('.')
        .is_some_and(|(_, ext)| RISKY.contains(&ext.trim_end_matches(['.', ' '])))
}

/// Saves the file in a private temporary folder and opens it with the system's
/// handler. The copy stays: the viewer may read it for as long as it is open.
pub fn open_copy(name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let dir = private_temp_dir()?;
    let path = save_into(&dir, name, bytes)?;
    open::that_detached(&path).map_err(|e| e.to_string())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_mail_cannot_climb_out_of_the_folder() {
        assert_eq!(safe_name("../../x"), "x");
        assert_eq!(safe_name("..\\..\\evil.exe"), "evil.exe");
        assert_eq!(safe_name("/etc/passwd"), "passwd");
        assert_eq!(safe_name(".."), "attachment");
        assert_eq!(safe_name("dir/"), "attachment");
        assert_eq!(safe_name("a\u{0}b\nc.txt"), "abc.txt");
        assert_eq!(safe_name("Adroddiad ŵ.pdf"), "Adroddiad ŵ.pdf");
    }

    #[test]
    fn programs_are_not_opened_documents_are() {
        assert!(runs_code("invoice.pdf.exe"));
        assert!(runs_code("Setup.EXE"));
        assert!(runs_code("../x/launch.desktop"));
        assert!(runs_code("run.sh"));
        assert!(!runs_code("invoice.pdf"));
        assert!(!runs_code("photo.jpeg"));
        assert!(!runs_code("README"));
    }

    #[test]
    fn the_fallback_saves_inside_the_folder_without_overwriting() {
        let dir = tempfile::tempdir().unwrap();
        let first = save_into(dir.path(), "../../x", b"one").unwrap();
        assert_eq!(first, dir.path().join("x"));
        let second = save_into(dir.path(), "x", b"two").unwrap();
        assert_eq!(second, dir.path().join("1-x"));
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        assert_eq!(std::fs::read(&second).unwrap(), b"two");
        // Nothing was written next to the folder.
        assert!(!dir.path().parent().unwrap().join("x").exists());
    }

    #[test]
    fn saves_running_at_once_never_share_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let saves: Vec<_> = (0..8u8)
            .map(|n| {
                let (dir, barrier) = (dir.path().to_path_buf(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    save_into(&dir, "image.png", &[n; 64 * 1024]).unwrap()
                })
            })
            .collect();
        let paths: Vec<PathBuf> = saves.into_iter().map(|s| s.join().unwrap()).collect();
        let mut distinct = paths.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 8, "{paths:?}");
        for (n, path) in paths.iter().enumerate() {
            assert_eq!(std::fs::read(path).unwrap(), vec![n as u8; 64 * 1024]);
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_folder_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = private_temp_dir().unwrap();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        std::fs::remove_dir(&dir).unwrap();
        assert_eq!(mode & 0o777, 0o700);
    }
}
