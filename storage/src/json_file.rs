//! Records kept as one JSON file each (volumes, pods): read with a size bound, and
//! written through a temporary file in the same directory and a rename, so that a
//! crash leaves the old record or the new one, never half of one.

use std::io::{self, Read, Write};
use std::path::Path;

/// The bytes of `path`; more than `max` of them is `InvalidData` ("larger than …").
pub fn read_bounded(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut out)?;
    if out.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {max} bytes"),
        ));
    }
    Ok(out)
}

/// Replace (or create) `path` with `bytes`: written and synced under a temporary
/// name beside it, then renamed into place.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map(drop).map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_records_read_back_within_their_bound() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        write_replacing(&path, b"{\"a\":1}").unwrap();
        write_replacing(&path, b"{\"a\":2}").unwrap();
        assert_eq!(read_bounded(&path, 64).unwrap(), b"{\"a\":2}");
        let big = read_bounded(&path, 3).unwrap_err();
        assert_eq!(big.kind(), io::ErrorKind::InvalidData);
        // Only the record is left: no temporary file.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
