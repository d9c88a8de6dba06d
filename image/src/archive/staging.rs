//! Unpacking an archive's tar stream into a private staging directory: every regular
//! file is stored under a number (never under a name from the archive) and hashed as
//! it is written, so its digest is known without reading it again; symbolic and hard
//! links are kept as aliases between archive names. Counts, name lengths and extended
//! headers are bounded (the layer unpacker's tar reader does the framing).

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use coracle_storage::unpack::tar_files::{TarFiles, TarItem};
use coracle_storage::Digest;
use sha2::{Digest as _, Sha256};

use crate::transfer_error::TransferError;

/// The most entries an archive may have.
const MAX_ENTRIES: usize = 100_000;
/// The longest entry name accepted.
const MAX_NAME: usize = 4096;
/// How many links are followed to find a file.
const MAX_LINK_HOPS: usize = 16;

/// A regular file of the archive, on disk in the staging directory.
#[derive(Clone, Debug)]
pub struct StagedFile {
    /// Where its bytes are.
    pub path: PathBuf,
    /// The sha256 of those bytes, computed while they were written.
    pub digest: Digest,
    /// Its size.
    pub size: u64,
}

/// The files of an unpacked archive, by their normalised archive names.
#[derive(Debug, Default)]
pub struct Staged {
    files: HashMap<String, StagedFile>,
    links: HashMap<String, String>,
}

impl Staged {
    /// The file an archive name (normalised as in the archive) stands for, links followed.
    pub fn file(&self, name: &str) -> Option<&StagedFile> {
        let mut name = normalise(name, "")?;
        for _ in 0..MAX_LINK_HOPS {
            if let Some(f) = self.files.get(&name) {
                return Some(f);
            }
            name = self.links.get(&name)?.clone();
        }
        None
    }
}

/// Unpack `input` (a plain tar stream) into `dir`.
pub fn stage(input: impl Read, dir: &Path) -> Result<Staged, TransferError> {
    let mut archive = TarFiles::new(input);
    let mut staged = Staged::default();
    let mut buf = vec![0u8; 1 << 20];
    let mut count = 0usize;
    while let Some(item) = archive.next_item().map_err(bad)? {
        count += 1;
        if count > MAX_ENTRIES {
            return Err(bad(format!("more than {MAX_ENTRIES} entries")));
        }
        let (raw, link) = match item {
            TarItem::Other => continue,
            TarItem::File { name } => (name, None),
            TarItem::Link { name, target, hard } => (name, Some((target, hard))),
        };
        if raw.len() > MAX_NAME {
            return Err(bad(format!("an entry name is over {MAX_NAME} bytes")));
        }
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let Some(name) = normalise(&raw, "") else {
            return Err(bad(format!("entry {raw:?} leaves the archive")));
        };
        if let Some((target, hard)) = link {
            let target = String::from_utf8_lossy(&target).into_owned();
            // A symbolic link is relative to its directory; a hard link names an entry.
            let base = if hard {
                ""
            } else {
                name.rsplit_once('/').map_or("", |(d, _)| d)
            };
            let resolved = normalise(&target, base)
                .ok_or_else(|| bad(format!("link {raw:?} points out of the archive")))?;
            staged.files.remove(&name);
            staged.links.insert(name, resolved);
            continue;
        }
        let path = dir.join(format!("{count}"));
        let (digest, size) = copy_hashed(&mut archive, &path, &mut buf)
            .map_err(|e| bad(format!("reading entry {raw:?}: {e}")))?;
        staged.links.remove(&name);
        staged.files.insert(name, StagedFile { path, digest, size });
    }
    Ok(staged)
}

/// Copy `input` into a new file at `path`, hashing it; returns the digest and size.
fn copy_hashed<R: Read>(
    input: &mut TarFiles<R>,
    path: &Path,
    buf: &mut [u8],
) -> io::Result<(Digest, u64)> {
    let mut out = File::create_new(path)?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    loop {
        let n = match input.read(buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])?;
        size += n as u64;
    }
    Ok((Digest::from_sha256(&hasher.finalize()), size))
}

/// `name` relative to the archive root (joined to `base` unless absolute), with "."
/// and empty parts dropped and ".." resolved; None when it climbs out of the root.
fn normalise(name: &str, base: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let joined = if name.starts_with('/') {
        name.to_string()
    } else {
        format!("{base}/{name}")
    };
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

fn bad(reason: impl Into<String>) -> TransferError {
    TransferError::BadArchive(reason.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_inside_the_root() {
        assert_eq!(normalise("./a//b/", "").as_deref(), Some("a/b"));
        assert_eq!(normalise("../c", "x/y").as_deref(), Some("x/c"));
        assert_eq!(normalise("/abs", "x").as_deref(), Some("abs"));
        assert_eq!(normalise("../../etc/passwd", "x"), None);
    }

    #[test]
    fn files_and_links_are_staged_with_digests() {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(5);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "dir/a.tar", &b"hello"[..]).unwrap();
        let mut l = tar::Header::new_gnu();
        l.set_entry_type(tar::EntryType::Symlink);
        l.set_size(0);
        b.append_link(&mut l, "other/layer.tar", "../dir/a.tar")
            .unwrap();
        let bytes = b.into_inner().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let staged = stage(&bytes[..], dir.path()).unwrap();
        let f = staged.file("other/layer.tar").unwrap();
        assert_eq!(f.size, 5);
        assert_eq!(f.digest, Digest::of_bytes(b"hello"));
        assert!(staged.file("./dir/a.tar").is_some());
        assert!(staged.file("missing").is_none());
    }

    #[test]
    fn a_link_out_of_the_archive_is_refused() {
        let mut b = tar::Builder::new(Vec::new());
        let mut l = tar::Header::new_gnu();
        l.set_entry_type(tar::EntryType::Symlink);
        l.set_size(0);
        b.append_link(&mut l, "x", "../../etc/passwd").unwrap();
        let bytes = b.into_inner().unwrap();
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            stage(&bytes[..], dir.path()),
            Err(TransferError::BadArchive(_))
        ));
    }
}
