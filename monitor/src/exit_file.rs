//! The exit file a monitor leaves when its container ended (as conmon's exit files
//! under Podman's `exits/` directory): the pid it watched, the exit code and the end
//! time, one line, written whole (a temporary file renamed into place).

use std::io;
use std::path::Path;

/// What the exit file records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitRecord {
    /// The host pid of the container's init the monitor watched.
    pub pid: i32,
    /// Its exit code (128+N for signal N).
    pub code: i32,
    /// When it was reaped, Unix seconds.
    pub finished: i64,
}

impl ExitRecord {
    /// Write the record at `path` atomically.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("tmp");
        std::fs::write(
            &tmp,
            format!("{} {} {}\n", self.pid, self.code, self.finished),
        )?;
        std::fs::rename(&tmp, path)
    }

    /// Read the record at `path`: `None` when there is none or it is malformed.
    pub fn read(path: &Path) -> Option<ExitRecord> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut words = text.split_whitespace();
        let record = ExitRecord {
            pid: words.next()?.parse().ok()?,
            code: words.next()?.parse().ok()?,
            finished: words.next()?.parse().ok()?,
        };
        words.next().is_none().then_some(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_malformed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("exits/abc");
        let r = ExitRecord {
            pid: 42,
            code: 3,
            finished: 1_700_000_000,
        };
        r.write(&path).unwrap();
        assert_eq!(ExitRecord::read(&path), Some(r));
        std::fs::write(&path, "42 x 1\n").unwrap();
        assert_eq!(ExitRecord::read(&path), None);
        assert_eq!(ExitRecord::read(&dir.path().join("none")), None);
    }
}
