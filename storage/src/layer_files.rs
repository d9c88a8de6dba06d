//! The file list of an unpacked layer, recorded when it is unpacked and compared by
//! `system check`: one line per entry with its type, mode, owner, size, mtime (not
//! for directories, whose mtimes the unpacker does not fix) and symlink target.
//! Cheap to make (one `lstat` per entry, no content read), it catches files that
//! were added, removed, replaced, resized or rewritten since.
//!
//! The tree is walked by descriptors (`O_NOFOLLOW`); run it where the layer's
//! owners are mapped (inside the user namespace) so that every directory is readable.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, FileType, Mode, OFlags};

/// Entries of a listing: escaped path → the rest of its line.
pub type Listing = BTreeMap<String, String>;

/// The listing of the tree at `dir`.
pub fn list(dir: &Path) -> io::Result<Listing> {
    let fd = open_dir(rustix::fs::CWD, dir)?;
    let mut out = Listing::new();
    walk(&fd, Path::new(""), &mut out)?;
    Ok(out)
}

/// A listing as text (one `PATH\tATTRIBUTES` line per entry, sorted).
pub fn to_text(listing: &Listing) -> String {
    listing
        .iter()
        .map(|(path, attrs)| format!("{path}\t{attrs}\n"))
        .collect()
}

/// Parse [`to_text`]'s output; None when a line is malformed.
pub fn from_text(text: &str) -> Option<Listing> {
    text.lines()
        .map(|l| {
            l.split_once('\t')
                .map(|(p, a)| (p.to_string(), a.to_string()))
        })
        .collect()
}

/// The paths where `now` differs from `recorded` (changed, missing or new), sorted.
pub fn differences(recorded: &Listing, now: &Listing) -> Vec<String> {
    let mut out: Vec<String> = recorded
        .iter()
        .filter(|(p, a)| now.get(*p) != Some(a))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(now.keys().filter(|p| !recorded.contains_key(*p)).cloned());
    out.sort();
    out
}

/// The directory `name` (relative to `at`) opened for reading its entries; a
/// symlink is refused, never followed.
pub fn open_dir(at: impl rustix::fd::AsFd, name: impl rustix::path::Arg) -> io::Result<OwnedFd> {
    Ok(rustix::fs::openat(
        at,
        name,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

fn walk(dir: &OwnedFd, rel: &Path, out: &mut Listing) -> io::Result<()> {
    let mut names: Vec<CString> = Vec::new();
    for entry in rustix::fs::Dir::read_from(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_bytes() != b"." && name.to_bytes() != b".." {
            names.push(name.to_owned());
        }
    }
    for name in names {
        let path: PathBuf = rel.join(std::ffi::OsStr::from_bytes(name.to_bytes()));
        let st = rustix::fs::statat(dir, name.as_c_str(), AtFlags::SYMLINK_NOFOLLOW)?;
        let kind = FileType::from_raw_mode(st.st_mode);
        let owner = format!("{:o} {}:{}", st.st_mode & 0o7777, st.st_uid, st.st_gid);
        let attrs = match kind {
            FileType::Directory => format!("dir {owner}"),
            FileType::Symlink => {
                let target = rustix::fs::readlinkat(dir, name.as_c_str(), Vec::new())?;
                format!("link {owner} {}", target.as_bytes().escape_ascii())
            }
            FileType::RegularFile => format!(
                "file {owner} {} {}.{:09}",
                st.st_size, st.st_mtime, st.st_mtime_nsec
            ),
            other => format!("{other:?} {owner} {}", st.st_rdev),
        };
        out.insert(
            path.as_os_str().as_bytes().escape_ascii().to_string(),
            attrs,
        );
        if kind == FileType::Directory {
            let child = open_dir(dir, name.as_c_str())?;
            walk(&child, &path, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_notice_changed_added_and_removed_files() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("a/b")).unwrap();
        std::fs::write(d.path().join("a/b/f"), "one").unwrap();
        std::fs::write(d.path().join("g"), "two").unwrap();
        std::os::unix::fs::symlink("a/b/f", d.path().join("link")).unwrap();
        let before = list(d.path()).unwrap();
        assert_eq!(from_text(&to_text(&before)).unwrap(), before);
        assert!(differences(&before, &list(d.path()).unwrap()).is_empty());
        std::fs::write(d.path().join("a/b/f"), "ONE!").unwrap();
        std::fs::remove_file(d.path().join("g")).unwrap();
        std::fs::write(d.path().join("new"), "").unwrap();
        let after = list(d.path()).unwrap();
        assert_eq!(differences(&before, &after), vec!["a/b/f", "g", "new"]);
    }
}
