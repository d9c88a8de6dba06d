//! Content-addressed blob files under `<root>/blobs/sha256/<hex>`.
//!
//! Bytes are written to `<root>/blobs/tmp/<hex>.<pid>.<random>.tmp`, hashed while
//! written, and renamed into place only after verification, so a file under its
//! final name is always complete and correct.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sha2::{Digest as _, Sha256};
use tempfile::NamedTempFile;

use crate::digest::Digest;
use crate::error::{Result, StorageError};

/// The blob directory of a store.
#[derive(Clone, Debug)]
pub struct BlobStore {
    dir: PathBuf,
    tmp: PathBuf,
    /// Set once this process has removed dead processes' temp files, which it does
    /// before its first own temp file (commands that write no blob never list them).
    cleaned: OnceLock<()>,
}

impl BlobStore {
    /// Open (creating if needed) `<root>/blobs/sha256` and `<root>/blobs/tmp`.
    pub fn new(root: &Path) -> Result<BlobStore> {
        let dir = root.join("blobs").join("sha256");
        let tmp = root.join("blobs").join("tmp");
        for d in [&dir, &tmp] {
            if !d.is_dir() {
                fs::create_dir_all(d).map_err(|e| StorageError::io(d, e))?;
            }
        }
        Ok(BlobStore {
            dir,
            tmp,
            cleaned: OnceLock::new(),
        })
    }

    /// The temp directory, once dead processes' leftovers are gone from it
    /// (best effort: a file that cannot be removed now is tried again next time).
    fn temp_dir(&self) -> &Path {
        self.cleaned.get_or_init(|| {
            let _ = self.clean_stale_temp();
        });
        &self.tmp
    }

    /// Where the blob with digest `d` lives (whether or not it exists).
    pub fn path(&self, d: &Digest) -> PathBuf {
        self.dir.join(d.hex())
    }

    /// Whether the blob is stored (a file under its final name is always complete).
    pub fn contains(&self, d: &Digest) -> bool {
        self.path(d).is_file()
    }

    /// Size in bytes of a stored blob.
    pub fn size(&self, d: &Digest) -> Option<u64> {
        fs::metadata(self.path(d))
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    }

    /// Start writing a blob; bytes are hashed and counted as they are written.
    pub fn create(&self, expected: &Digest, expected_size: Option<u64>) -> Result<BlobWriter> {
        let file = tempfile::Builder::new()
            .prefix(&format!("{}.{}.", expected.hex(), std::process::id()))
            .suffix(".tmp")
            .rand_bytes(8)
            .tempfile_in(self.temp_dir())
            .map_err(|e| StorageError::io(&self.tmp, e))?;
        Ok(BlobWriter {
            file: BufWriter::with_capacity(64 * 1024, file),
            hasher: Sha256::new(),
            written: 0,
            expected: expected.clone(),
            expected_size,
            target: self.path(expected),
        })
    }

    /// Verify and store bytes in one go.
    pub fn put(&self, expected: &Digest, data: &[u8]) -> Result<()> {
        let mut w = self.create(expected, Some(data.len() as u64))?;
        w.write_all(data)
            .map_err(|e| StorageError::io(w.temp_path(), e))?;
        w.commit()
    }

    /// Read a whole blob into memory.
    pub fn read(&self, d: &Digest) -> Result<Vec<u8>> {
        let p = self.path(d);
        fs::read(&p).map_err(|e| StorageError::io(p, e))
    }

    /// Open a blob for reading.
    pub fn open(&self, d: &Digest) -> Result<File> {
        let p = self.path(d);
        File::open(&p).map_err(|e| StorageError::io(p, e))
    }

    /// Re-hash the stored file; `Err(DigestMismatch)` if it is corrupt.
    pub fn verify(&self, d: &Digest) -> Result<()> {
        let p = self.path(d);
        let mut f = self.open(d)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(StorageError::io(p, e)),
            };
            hasher.update(&buf[..n]);
        }
        let actual = Digest::from_sha256(&hasher.finalize());
        if &actual != d {
            return Err(StorageError::DigestMismatch {
                expected: d.clone(),
                actual,
            });
        }
        Ok(())
    }

    /// A private directory next to the blobs (same filesystem), removed when dropped:
    /// where an archive is unpacked before its files become blobs by [`adopt`](Self::adopt).
    pub fn staging_dir(&self) -> Result<tempfile::TempDir> {
        tempfile::Builder::new()
            .prefix(&format!("staging.{}.", std::process::id()))
            .tempdir_in(self.temp_dir())
            .map_err(|e| StorageError::io(&self.tmp, e))
    }

    /// Move `file` (on the blob store's filesystem, e.g. under [`staging_dir`](Self::staging_dir))
    /// into place as blob `d`. The caller hashed every byte of it as it wrote the file
    /// and found `d`; the size is checked here again. An existing blob is kept.
    pub fn adopt(&self, file: &Path, d: &Digest, size: u64) -> Result<()> {
        let target = self.path(d);
        if target.is_file() {
            return Ok(());
        }
        let f = File::open(file).map_err(|e| StorageError::io(file, e))?;
        let actual = f.metadata().map_err(|e| StorageError::io(file, e))?.len();
        if actual != size {
            return Err(StorageError::SizeMismatch {
                digest: d.clone(),
                expected: size,
                actual,
            });
        }
        f.sync_all().map_err(|e| StorageError::io(file, e))?;
        fs::rename(file, &target).map_err(|e| StorageError::io(&target, e))
    }

    /// Delete a blob; a missing blob is not an error.
    pub fn remove(&self, d: &Digest) -> Result<()> {
        let p = self.path(d);
        match fs::remove_file(&p) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StorageError::io(p, e)),
            _ => Ok(()),
        }
    }

    /// Remove temp files whose owning pid (in the name) is no longer alive; returns how many.
    pub fn clean_stale_temp(&self) -> Result<usize> {
        let entries = fs::read_dir(&self.tmp).map_err(|e| StorageError::io(&self.tmp, e))?;
        let mut removed = 0;
        for entry in entries {
            let entry = entry.map_err(|e| StorageError::io(&self.tmp, e))?;
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(temp_owner) else {
                continue;
            };
            if pid_alive(pid) {
                continue;
            }
            match fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(StorageError::io(entry.path(), e)),
            }
        }
        Ok(removed)
    }

    /// All digests stored (for gc/tests), sorted.
    pub fn list(&self) -> Result<Vec<Digest>> {
        let entries = fs::read_dir(&self.dir).map_err(|e| StorageError::io(&self.dir, e))?;
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| StorageError::io(&self.dir, e))?;
            if let Some(d) = entry
                .file_name()
                .to_str()
                .and_then(|n| Digest::parse(&format!("sha256:{n}")).ok())
            {
                out.push(d);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// The pid encoded in a temp file name `<hex>.<pid>.<random>.tmp`.
fn temp_owner(name: &str) -> Option<i32> {
    let mut parts = name.strip_suffix(".tmp")?.split('.');
    let (_hex, pid, _rand) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process with this pid exists (EPERM means it exists but is not ours).
fn pid_alive(pid: i32) -> bool {
    match rustix::process::Pid::from_raw(pid) {
        Some(p) => !matches!(
            rustix::process::test_kill_process(p),
            Err(rustix::io::Errno::SRCH)
        ),
        None => false,
    }
}

/// A blob being written; implements [`std::io::Write`]. Dropping it uncommitted deletes the temp file.
#[derive(Debug)]
pub struct BlobWriter {
    file: BufWriter<NamedTempFile>,
    hasher: Sha256,
    written: u64,
    expected: Digest,
    expected_size: Option<u64>,
    target: PathBuf,
}

impl BlobWriter {
    /// Number of bytes accepted so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    fn temp_path(&self) -> PathBuf {
        self.file.get_ref().path().to_path_buf()
    }

    /// Check size and sha256, then fsync and rename the file into place.
    ///
    /// If the final file already exists (another writer won the race) the temp
    /// file is just dropped. On mismatch the temp file is deleted.
    pub fn commit(self) -> Result<()> {
        let temp = self.temp_path();
        let file = self
            .file
            .into_inner()
            .map_err(|e| StorageError::io(&temp, e.into_error()))?;
        if let Some(expected) = self.expected_size {
            if expected != self.written {
                return Err(StorageError::SizeMismatch {
                    digest: self.expected,
                    expected,
                    actual: self.written,
                });
            }
        }
        let actual = Digest::from_sha256(&self.hasher.finalize());
        if actual != self.expected {
            return Err(StorageError::DigestMismatch {
                expected: self.expected,
                actual,
            });
        }
        if self.target.is_file() {
            return Ok(());
        }
        file.as_file()
            .sync_all()
            .map_err(|e| StorageError::io(&temp, e))?;
        match file.persist_noclobber(&self.target) {
            Ok(_) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => return Ok(()),
            Err(e) => return Err(StorageError::io(&self.target, e.error)),
        }
        let dir = self.target.parent().unwrap_or(Path::new("."));
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StorageError::io(dir, e))
    }
}

impl Write for BlobWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(expected) = self.expected_size {
            let actual = self.written + buf.len() as u64;
            if actual > expected {
                let err = StorageError::SizeMismatch {
                    digest: self.expected.clone(),
                    expected,
                    actual,
                };
                return Err(io::Error::new(io::ErrorKind::InvalidData, err.to_string()));
            }
        }
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, BlobStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = BlobStore::new(dir.path()).unwrap();
        (dir, s)
    }

    fn tmp_count(s: &BlobStore) -> usize {
        fs::read_dir(&s.tmp).unwrap().count()
    }

    #[test]
    fn commit_stores_verified_blob() {
        let (_d, s) = store();
        let data = b"layer bytes";
        let dg = Digest::of_bytes(data);
        let mut w = s.create(&dg, Some(data.len() as u64)).unwrap();
        w.write_all(&data[..5]).unwrap();
        w.write_all(&data[5..]).unwrap();
        assert_eq!(w.written(), data.len() as u64);
        assert!(!s.contains(&dg));
        w.commit().unwrap();
        assert!(s.contains(&dg));
        assert_eq!(s.size(&dg), Some(data.len() as u64));
        assert_eq!(s.read(&dg).unwrap(), data);
        s.verify(&dg).unwrap();
        assert_eq!(s.list().unwrap(), vec![dg.clone()]);
        assert_eq!(tmp_count(&s), 0);
        s.remove(&dg).unwrap();
        s.remove(&dg).unwrap();
        assert!(!s.contains(&dg));
    }

    #[test]
    fn mismatch_removes_temp_and_stores_nothing() {
        let (_d, s) = store();
        let dg = Digest::of_bytes(b"expected");
        let mut w = s.create(&dg, None).unwrap();
        w.write_all(b"something else").unwrap();
        assert_eq!(tmp_count(&s), 1);
        let err = w.commit().unwrap_err();
        assert!(
            matches!(&err, StorageError::DigestMismatch { actual, .. } if *actual == Digest::of_bytes(b"something else"))
        );
        assert!(err.to_string().starts_with(&format!(
            "digest mismatch for blob {dg}: registry sent content with digest sha256:"
        )));
        assert!(!s.contains(&dg));
        assert_eq!(tmp_count(&s), 0);
        assert!(s.put(&dg, b"nope").is_err());
        assert!(!s.contains(&dg));
    }

    #[test]
    fn short_blob_is_size_mismatch() {
        let (_d, s) = store();
        let dg = Digest::of_bytes(b"abc");
        let mut w = s.create(&dg, Some(4)).unwrap();
        w.write_all(b"abc").unwrap();
        assert!(matches!(
            w.commit(),
            Err(StorageError::SizeMismatch {
                expected: 4,
                actual: 3,
                ..
            })
        ));
        assert_eq!(tmp_count(&s), 0);
    }

    #[test]
    fn oversize_write_fails_early() {
        let (_d, s) = store();
        let dg = Digest::of_bytes(b"abc");
        let mut w = s.create(&dg, Some(3)).unwrap();
        w.write_all(b"ab").unwrap();
        let err = w.write_all(b"cd").unwrap_err();
        assert!(err.to_string().contains("size mismatch"), "{err}");
        assert_eq!(w.written(), 2);
        drop(w);
        assert_eq!(tmp_count(&s), 0);
        assert!(!s.contains(&dg));
    }

    #[test]
    fn corrupt_blob_fails_verify() {
        let (_d, s) = store();
        let dg = Digest::of_bytes(b"good");
        s.put(&dg, b"good").unwrap();
        fs::write(s.path(&dg), b"bad").unwrap();
        assert!(matches!(
            s.verify(&dg),
            Err(StorageError::DigestMismatch { .. })
        ));
    }

    #[test]
    fn concurrent_writers_of_same_blob_both_succeed() {
        let (_d, s) = store();
        let data = vec![7u8; 1 << 20];
        let dg = Digest::of_bytes(&data);
        let barrier = std::sync::Barrier::new(2);
        std::thread::scope(|sc| {
            let hs: Vec<_> = (0..2)
                .map(|_| {
                    sc.spawn(|| {
                        let mut w = s.create(&dg, Some(data.len() as u64)).unwrap();
                        for chunk in data.chunks(4096) {
                            w.write_all(chunk).unwrap();
                        }
                        barrier.wait();
                        w.commit()
                    })
                })
                .collect();
            for h in hs {
                h.join().unwrap().unwrap();
            }
        });
        assert_eq!(s.list().unwrap(), vec![dg.clone()]);
        s.verify(&dg).unwrap();
        assert_eq!(tmp_count(&s), 0);
    }

    #[test]
    fn stale_temp_of_dead_pid_is_removed() {
        let (_d, s) = store();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let hex = Digest::of_bytes(b"x").hex().to_owned();
        let stale = s.tmp.join(format!("{hex}.{dead}.abcdefgh.tmp"));
        let stale2 = s.tmp.join(format!("{hex}.2147483647.zz.tmp"));
        let live = s
            .tmp
            .join(format!("{hex}.{}.abcdefgh.tmp", std::process::id()));
        let other = s.tmp.join("unrelated");
        for p in [&stale, &stale2, &live, &other] {
            fs::write(p, b"partial").unwrap();
        }
        // The first blob this process writes clears dead processes' leftovers.
        let w = s.create(&Digest::of_bytes(b"y"), None).unwrap();
        assert!(!stale.exists() && !stale2.exists());
        assert!(live.exists() && other.exists() && w.temp_path().exists());
        fs::write(&stale, b"partial").unwrap();
        assert_eq!(s.clean_stale_temp().unwrap(), 1);
        assert!(!stale.exists() && live.exists() && w.temp_path().exists());
    }

    #[test]
    fn temp_owner_parses_names() {
        assert_eq!(temp_owner("abc.123.xyz.tmp"), Some(123));
        assert_eq!(temp_owner("abc.123.tmp"), None);
        assert_eq!(temp_owner("abc.x.y.tmp"), None);
        assert_eq!(temp_owner("abc.1.y"), None);
    }
}
