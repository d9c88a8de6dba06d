//! GNU sparse entries: where each run of a file's data goes. The archive holds only
//! the data runs; the unpacker seeks over the holes between them, so a 4 GiB file with
//! a few KiB of data takes a few KiB of disk. Three encodings exist (as in Go's
//! archive/tar): the old GNU format (type `S`, the map in the header and extension
//! blocks), PAX 0.0/0.1 (the map in PAX records) and PAX 1.0 (the map at the start of
//! the entry's data, in decimal lines padded to a block).

use std::io::Read;

use super::archive::{malformed, ArchiveError, BLOCK, MAX_SPECIAL};
use super::pax::{self, PaxRecords};

/// One run of data: `length` bytes from the archive go to `offset` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fragment {
    /// Where the run starts in the file.
    pub offset: u64,
    /// How many bytes it has.
    pub length: u64,
}

/// The runs of a sparse file and its full size.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SparseMap {
    /// The file's size, holes included.
    pub real_size: u64,
    /// The data runs, in file order.
    pub fragments: Vec<Fragment>,
}

impl SparseMap {
    /// An empty map of a file of `real_size` bytes.
    pub fn new(real_size: u64) -> SparseMap {
        SparseMap {
            real_size,
            fragments: Vec::new(),
        }
    }

    /// Add the non-empty slots of an old GNU header or extension block.
    pub fn extend_gnu<'a>(
        &mut self,
        slots: impl Iterator<Item = &'a tar::GnuSparseHeader>,
    ) -> Result<(), String> {
        for slot in slots.filter(|s| !s.is_empty()) {
            let offset = slot
                .offset()
                .map_err(|e| format!("bad sparse offset: {e}"))?;
            let length = slot
                .length()
                .map_err(|e| format!("bad sparse length: {e}"))?;
            self.fragments.push(Fragment { offset, length });
        }
        Ok(())
    }

    /// The runs must be in order, must not overlap, must lie inside the file, and must
    /// add up to `data_size`, the bytes the archive holds for the entry. Every run but
    /// the last must be whole blocks: GNU tar pads each run to a block where Go's
    /// reader does not, and only then do both read the same file (the `tar` crate
    /// refuses the rest too).
    pub fn validate(&self, data_size: u64) -> Result<(), String> {
        let mut end_of_previous = 0u64;
        let mut total = 0u64;
        let last = self.fragments.len().saturating_sub(1);
        for (i, f) in self.fragments.iter().enumerate() {
            if i < last && f.length % BLOCK != 0 {
                return Err("a sparse run before the last is not a whole number of blocks".into());
            }
            let end = f
                .offset
                .checked_add(f.length)
                .ok_or("sparse run past the largest file size")?;
            if f.offset < end_of_previous {
                return Err("sparse runs out of order or overlapping".into());
            }
            if end > self.real_size {
                return Err("sparse run past the end of the file".into());
            }
            end_of_previous = end;
            total = total.checked_add(f.length).ok_or("sparse runs too long")?;
        }
        if total != data_size {
            return Err(format!(
                "sparse runs hold {total} bytes but the entry has {data_size}"
            ));
        }
        Ok(())
    }
}

/// Where a PAX-format sparse entry keeps its map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PaxFormat {
    /// 0.0 (`GNU.sparse.offset`/`numbytes` pairs) or 0.1 (`GNU.sparse.map`).
    InRecords,
    /// 1.0: decimal lines at the start of the data.
    InData,
}

/// Is this a PAX-format sparse entry, and which? (Go's `readGNUSparsePAXHeaders`.)
pub(crate) fn pax_format(records: &PaxRecords) -> Result<Option<PaxFormat>, String> {
    let major = records.get("GNU.sparse.major");
    let minor = records.get("GNU.sparse.minor");
    Ok(match (major, minor) {
        (Some(b"0"), Some(b"0" | b"1")) => Some(PaxFormat::InRecords),
        (Some(b"1"), Some(b"0")) => Some(PaxFormat::InData),
        (None, None) => {
            let pairs = records.get("GNU.sparse.offset").is_some();
            (pairs || records.get("GNU.sparse.map").is_some()).then_some(PaxFormat::InRecords)
        }
        _ => return Err("unknown GNU sparse format version".into()),
    })
}

/// The map of a 0.0 or 0.1 entry.
pub(crate) fn from_records(real_size: u64, records: &PaxRecords) -> Result<SparseMap, String> {
    let mut numbers = Vec::new();
    if let Some(map) = records.get("GNU.sparse.map") {
        if !map.is_empty() {
            for n in map.split(|b| *b == b',') {
                numbers.push(pax::number(n).ok_or("bad GNU.sparse.map")?);
            }
        }
    } else {
        // 0.0: offset and numbytes records alternate, in order.
        for (key, value) in records.iter() {
            let expected = if numbers.len() % 2 == 0 {
                "GNU.sparse.offset"
            } else {
                "GNU.sparse.numbytes"
            };
            if key == b"GNU.sparse.offset" || key == b"GNU.sparse.numbytes" {
                if key != expected.as_bytes() {
                    return Err("GNU.sparse.offset and numbytes records out of order".into());
                }
                numbers.push(pax::number(value).ok_or("bad GNU.sparse record")?);
            }
        }
    }
    if numbers.len() % 2 != 0 {
        return Err("odd number of values in the sparse map".into());
    }
    if let Some(count) = records.get("GNU.sparse.numblocks") {
        let count = pax::number(count).ok_or("bad GNU.sparse.numblocks")?;
        if count != numbers.len() as u64 / 2 {
            return Err("GNU.sparse.numblocks does not match the sparse map".into());
        }
    }
    let mut map = SparseMap::new(real_size);
    map.fragments = numbers
        .chunks_exact(2)
        .map(|p| Fragment {
            offset: p[0],
            length: p[1],
        })
        .collect();
    Ok(map)
}

/// Read a 1.0 map from the entry's data: a count, then an offset and a length per run,
/// one decimal number a line, padded to whole blocks (at most [`MAX_SPECIAL`] bytes).
pub(crate) fn read_map_1_0(
    real_size: u64,
    data: &mut impl Read,
) -> Result<SparseMap, ArchiveError> {
    let mut lines = Lines {
        data,
        buf: Vec::new(),
        pos: 0,
    };
    let count = lines.number()?;
    let mut map = SparseMap::new(real_size);
    for _ in 0..count {
        let offset = lines.number()?;
        let length = lines.number()?;
        map.fragments.push(Fragment { offset, length });
    }
    Ok(map)
}

/// Decimal lines read a block at a time, never more blocks than needed.
struct Lines<'a, R> {
    data: &'a mut R,
    buf: Vec<u8>,
    pos: usize,
}

impl<R: Read> Lines<'_, R> {
    fn number(&mut self) -> Result<u64, ArchiveError> {
        loop {
            if let Some(nl) = self.buf[self.pos..].iter().position(|b| *b == b'\n') {
                let line = &self.buf[self.pos..self.pos + nl];
                self.pos += nl + 1;
                return pax::number(line).ok_or_else(|| malformed("bad number in the sparse map"));
            }
            let read = self.buf.len() as u64 + BLOCK;
            if read > MAX_SPECIAL {
                return Err(ArchiveError::TooLarge {
                    what: "GNU sparse map",
                    size: read,
                });
            }
            let start = self.buf.len();
            self.buf.resize(start + BLOCK as usize, 0);
            self.data
                .read_exact(&mut self.buf[start..])
                .map_err(|_| malformed("the layer ends inside a sparse map"))?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> PaxRecords {
        let mut data = Vec::new();
        for line in text.lines() {
            let body = format!(" {line}\n");
            let mut len = body.len() + 1;
            while len.to_string().len() + body.len() != len {
                len += 1;
            }
            data.extend(format!("{len}{body}").bytes());
        }
        pax::parse(&data).unwrap()
    }

    #[test]
    fn formats_are_told_apart_as_go_does() {
        let f = |t: &str| pax_format(&records(t));
        assert_eq!(
            f("GNU.sparse.major=1\nGNU.sparse.minor=0"),
            Ok(Some(PaxFormat::InData))
        );
        assert_eq!(
            f("GNU.sparse.major=0\nGNU.sparse.minor=1"),
            Ok(Some(PaxFormat::InRecords))
        );
        assert_eq!(f("GNU.sparse.map=0,1"), Ok(Some(PaxFormat::InRecords)));
        assert_eq!(f("path=x"), Ok(None));
        assert!(f("GNU.sparse.major=2\nGNU.sparse.minor=0").is_err());
    }

    #[test]
    fn maps_from_records_0_0_and_0_1() {
        let m = from_records(
            100,
            &records("GNU.sparse.numblocks=2\nGNU.sparse.map=0,10,50,5"),
        )
        .unwrap();
        assert_eq!(
            m.fragments,
            vec![
                Fragment {
                    offset: 0,
                    length: 10
                },
                Fragment {
                    offset: 50,
                    length: 5
                }
            ]
        );
        let m = from_records(
            100,
            &records(
                "GNU.sparse.offset=3\nGNU.sparse.numbytes=4\nGNU.sparse.offset=9\nGNU.sparse.numbytes=1",
            ),
        )
        .unwrap();
        assert_eq!(m.fragments.len(), 2);
        assert_eq!(m.fragments[1].offset, 9);
        assert!(from_records(1, &records("GNU.sparse.map=0,1,2")).is_err());
        assert!(from_records(1, &records("GNU.sparse.numblocks=3\nGNU.sparse.map=0,1")).is_err());
        assert!(from_records(1, &records("GNU.sparse.numbytes=3")).is_err());
    }

    #[test]
    fn a_1_0_map_reads_whole_blocks_only() {
        let mut data = b"2\n0\n5\n4096\n7\n".to_vec();
        data.resize(512, 0);
        data.extend(b"file data");
        let mut r = data.as_slice();
        let m = read_map_1_0(8192, &mut r).unwrap();
        assert_eq!(m.fragments.len(), 2);
        assert_eq!(r, b"file data", "exactly one block was read");
        let mut endless = std::io::repeat(b'1');
        assert!(matches!(
            read_map_1_0(1, &mut endless),
            Err(ArchiveError::TooLarge { .. })
        ));
    }

    #[test]
    fn validation_refuses_overlaps_overruns_and_wrong_totals() {
        let map = |runs: &[(u64, u64)], size| SparseMap {
            real_size: size,
            fragments: runs
                .iter()
                .map(|&(offset, length)| Fragment { offset, length })
                .collect(),
        };
        assert!(map(&[(0, 512), (1000, 5)], 2000).validate(517).is_ok());
        assert!(map(&[], 1 << 40).validate(0).is_ok());
        assert!(
            map(&[(0, 10), (100, 5)], 200).validate(15).is_err(),
            "unaligned"
        );
        assert!(map(&[(0, 512), (5, 5)], 2000).validate(517).is_err());
        assert!(map(&[(1000, 512), (0, 10)], 2000).validate(522).is_err());
        assert!(map(&[(195, 10)], 200).validate(10).is_err());
        assert!(map(&[(0, 10)], 200).validate(11).is_err());
        assert!(map(&[(u64::MAX, 2)], u64::MAX).validate(2).is_err());
    }
}
