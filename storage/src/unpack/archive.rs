//! Reading a layer's tar stream entry by entry, with every size that the image controls
//! checked before anything is buffered: PAX extended headers and GNU long names or
//! link names over [`MAX_SPECIAL`] are refused (as Go's archive/tar refuses them), and
//! so are sparse maps over the same size. Numeric fields, names and the ustar prefix are
//! parsed by the `tar` crate's header types; the framing (which block is a header,
//! which is data, what a PAX record overrides) is this module's, as in Go's reader:
//! header-only types (links, directories, devices, FIFOs) carry no data whatever their
//! size field says, and a PAX `size` record overrides the header's.

use std::io::{self, Read};

use super::pax::{self, PaxRecords};
use super::sparse::{self, SparseMap};

/// The largest PAX extended header, GNU long name or long link name, or sparse map
/// read (1 MiB, Go's `maxSpecialFileSize`).
pub(crate) const MAX_SPECIAL: u64 = 1 << 20;

/// A tar block.
pub(crate) const BLOCK: u64 = 512;

/// What is wrong with a layer's tar stream.
#[derive(Debug)]
pub(crate) enum ArchiveError {
    /// Reading (or decompressing) the stream failed.
    Io(io::Error),
    /// The stream is not a well-formed tar.
    Malformed(String),
    /// An extended header or sparse map is over [`MAX_SPECIAL`].
    TooLarge {
        /// "PAX extended header", "GNU long name", ...
        what: &'static str,
        /// Its declared size.
        size: u64,
    },
}

impl From<io::Error> for ArchiveError {
    fn from(e: io::Error) -> ArchiveError {
        ArchiveError::Io(e)
    }
}

pub(crate) fn malformed(why: impl Into<String>) -> ArchiveError {
    ArchiveError::Malformed(why.into())
}

/// One entry, with GNU long names, the entry's PAX records and its sparse map applied.
pub(crate) struct Entry {
    /// The entry's own header (type, mode, owner, time, device numbers).
    pub header: tar::Header,
    /// The path: PAX `path`, else the GNU long name, else the header's (with prefix).
    pub path: Vec<u8>,
    /// The link target: PAX `linkpath`, else the GNU long link name, else the header's.
    pub link: Option<Vec<u8>>,
    /// The records of the PAX extended header that precedes the entry, in order.
    pub pax: PaxRecords,
    /// Where the data goes in the file, for sparse entries.
    pub sparse: Option<SparseMap>,
}

/// A tar stream being read. [`Archive::next_entry`] skips whatever the caller left of
/// the previous entry's data; [`Archive::read_data`] reads the current entry's data.
pub(crate) struct Archive<R> {
    inner: R,
    /// Data bytes of the current entry not yet read.
    remaining: u64,
    /// Padding after the current entry's data.
    padding: u64,
}

impl<R: Read> Archive<R> {
    /// Read the tar stream `inner`.
    pub fn new(inner: R) -> Archive<R> {
        Archive {
            inner,
            remaining: 0,
            padding: 0,
        }
    }

    /// The stream, positioned after the last block read.
    pub fn inner_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// Read the current entry's data (0 at its end).
    pub fn read_data(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.remaining == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the layer ends inside an entry's data",
            ));
        }
        self.remaining -= n as u64;
        Ok(n)
    }

    /// The next entry that describes a file; `None` at the end of the archive.
    pub fn next_entry(&mut self) -> Result<Option<Entry>, ArchiveError> {
        self.skip(self.remaining + self.padding)?;
        self.remaining = 0;
        self.padding = 0;
        let mut long_name: Option<Vec<u8>> = None;
        let mut long_link: Option<Vec<u8>> = None;
        let mut records: Option<PaxRecords> = None;
        loop {
            let Some(header) = self.read_header()? else {
                if long_name.is_some() || long_link.is_some() || records.is_some() {
                    return Err(malformed("an extended header is not followed by an entry"));
                }
                return Ok(None);
            };
            let kind = header.entry_type();
            let size = header
                .entry_size()
                .map_err(|e| malformed(format!("bad size field: {e}")))?;
            let special = match kind {
                tar::EntryType::XHeader => Some("PAX extended header"),
                tar::EntryType::XGlobalHeader => Some("PAX global header"),
                tar::EntryType::GNULongName => Some("GNU long name"),
                tar::EntryType::GNULongLink => Some("GNU long link name"),
                _ => None,
            };
            if let Some(what) = special {
                let data = self.read_special(what, size)?;
                let slot = match kind {
                    // Global records describe the archive, not an entry: read and dropped.
                    tar::EntryType::XGlobalHeader => {
                        pax::parse(&data).map_err(malformed)?;
                        continue;
                    }
                    tar::EntryType::XHeader => {
                        if records.is_some() {
                            return Err(malformed("two PAX headers for one entry"));
                        }
                        records = Some(pax::parse(&data).map_err(malformed)?);
                        continue;
                    }
                    tar::EntryType::GNULongName => &mut long_name,
                    _ => &mut long_link,
                };
                if slot.is_some() {
                    return Err(malformed(format!("two {what}s for one entry")));
                }
                *slot = Some(until_nul(data));
                continue;
            }
            let records = records.unwrap_or_default();
            return self
                .entry(header, size, long_name, long_link, records)
                .map(Some);
        }
    }

    /// Finish an entry: apply the overrides, read its sparse map, set up its data.
    fn entry(
        &mut self,
        header: tar::Header,
        header_size: u64,
        long_name: Option<Vec<u8>>,
        long_link: Option<Vec<u8>>,
        records: PaxRecords,
    ) -> Result<Entry, ArchiveError> {
        let kind = header.entry_type();
        let mut size = match records.get("size") {
            Some(v) => pax::number(v).ok_or_else(|| malformed("bad PAX size record"))?,
            None => header_size,
        };
        if header_only(kind) {
            size = 0;
        }
        let mut path = records
            .get("path")
            .map(<[u8]>::to_vec)
            .or(long_name)
            .unwrap_or_else(|| header.path_bytes().into_owned());
        let link = records
            .get("linkpath")
            .map(<[u8]>::to_vec)
            .or(long_link)
            .or_else(|| header.link_name_bytes().map(|l| l.into_owned()));
        self.padding = (BLOCK - size % BLOCK) % BLOCK;
        self.remaining = size;
        if size.checked_add(self.padding).is_none() {
            return Err(malformed("entry size out of range"));
        }
        let pax_sparse = sparse::pax_format(&records).map_err(malformed)?;
        if pax_sparse.is_some() && header_only(kind) {
            return Err(malformed("a sparse map on an entry that has no data"));
        }
        let sparse = if kind == tar::EntryType::GNUSparse {
            Some(self.old_gnu_sparse(&header)?)
        } else if let Some(format) = pax_sparse {
            if let Some(name) = records.get("GNU.sparse.name") {
                path = name.to_vec();
            }
            Some(self.pax_sparse(format, &records)?)
        } else {
            None
        };
        if let Some(map) = &sparse {
            map.validate(self.remaining).map_err(malformed)?;
        }
        Ok(Entry {
            header,
            path,
            link,
            pax: records,
            sparse,
        })
    }

    /// The map of an old GNU sparse entry: in its header, continued in extension blocks
    /// that come before the data (and are not counted in its size).
    fn old_gnu_sparse(&mut self, header: &tar::Header) -> Result<SparseMap, ArchiveError> {
        let gnu = header
            .as_gnu()
            .ok_or_else(|| malformed("sparse entry without a GNU header"))?;
        let real_size = gnu
            .real_size()
            .map_err(|e| malformed(format!("bad sparse size: {e}")))?;
        let mut map = SparseMap::new(real_size);
        map.extend_gnu(gnu.sparse.iter()).map_err(malformed)?;
        let mut extended = gnu.is_extended();
        let mut read = 0;
        while extended {
            read += BLOCK;
            if read > MAX_SPECIAL {
                return Err(ArchiveError::TooLarge {
                    what: "GNU sparse map",
                    size: read,
                });
            }
            let mut ext = tar::GnuExtSparseHeader::new();
            self.inner.read_exact(ext.as_mut_bytes()).map_err(eof)?;
            map.extend_gnu(ext.sparse.iter()).map_err(malformed)?;
            extended = ext.is_extended();
        }
        Ok(map)
    }

    /// The map of a PAX-format GNU sparse entry: in its records (0.0, 0.1) or at the
    /// start of its data (1.0, counted in its size).
    fn pax_sparse(
        &mut self,
        format: sparse::PaxFormat,
        records: &PaxRecords,
    ) -> Result<SparseMap, ArchiveError> {
        let real_size = records
            .get("GNU.sparse.size")
            .or_else(|| records.get("GNU.sparse.realsize"))
            .and_then(pax::number)
            .ok_or_else(|| malformed("sparse entry without GNU.sparse.size"))?;
        match format {
            sparse::PaxFormat::InRecords => {
                sparse::from_records(real_size, records).map_err(malformed)
            }
            // The map's blocks are read through the entry's data: what remains is
            // the file's data.
            sparse::PaxFormat::InData => {
                sparse::read_map_1_0(real_size, &mut DataReader { archive: self })
            }
        }
    }

    /// The data of an extension header, refused unread when over [`MAX_SPECIAL`].
    fn read_special(&mut self, what: &'static str, size: u64) -> Result<Vec<u8>, ArchiveError> {
        if size > MAX_SPECIAL {
            return Err(ArchiveError::TooLarge { what, size });
        }
        let mut data = vec![0; size as usize];
        self.inner.read_exact(&mut data).map_err(eof)?;
        self.skip((BLOCK - size % BLOCK) % BLOCK)?;
        Ok(data)
    }

    /// The next header block, checked; `None` at the end of the archive (end of
    /// stream, or a zero block).
    fn read_header(&mut self) -> Result<Option<tar::Header>, ArchiveError> {
        let mut header = tar::Header::new_old();
        let block = header.as_mut_bytes();
        let mut filled = 0;
        while filled < block.len() {
            match self.inner.read(&mut block[filled..]) {
                Ok(0) if filled == 0 => return Ok(None),
                Ok(0) => return Err(malformed("the layer ends inside a header")),
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
        if block.iter().all(|b| *b == 0) {
            return Ok(None);
        }
        if !checksum_ok(block) {
            return Err(malformed("header checksum mismatch"));
        }
        Ok(Some(header))
    }

    /// Read and drop `n` bytes.
    fn skip(&mut self, n: u64) -> Result<(), ArchiveError> {
        if n == 0 {
            return Ok(());
        }
        let copied = io::copy(&mut (&mut self.inner).take(n), &mut io::sink())?;
        if copied < n {
            return Err(malformed("the layer ends inside an entry's data"));
        }
        Ok(())
    }
}

/// Reads the current entry's data through the archive (for the 1.0 sparse map).
pub(crate) struct DataReader<'a, R> {
    archive: &'a mut Archive<R>,
}

impl<R: Read> Read for DataReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.archive.read_data(buf)
    }
}

/// Types whose size field says nothing about data (Go's `isHeaderOnlyType`).
fn header_only(kind: tar::EntryType) -> bool {
    matches!(
        kind,
        tar::EntryType::Link
            | tar::EntryType::Symlink
            | tar::EntryType::Char
            | tar::EntryType::Block
            | tar::EntryType::Directory
            | tar::EntryType::Fifo
    )
}

/// The checksum field against the unsigned and the signed sum of the block (with the
/// field itself counted as spaces), as Go's reader accepts either.
fn checksum_ok(block: &[u8; 512]) -> bool {
    let field = &block[148..156];
    let text: Vec<u8> = field
        .iter()
        .copied()
        .take_while(|b| *b != 0)
        .filter(|b| *b != b' ')
        .collect();
    let Some(stored) = std::str::from_utf8(&text)
        .ok()
        .and_then(|t| i64::from_str_radix(t, 8).ok())
    else {
        return false;
    };
    let (mut unsigned, mut signed) = (0i64, 0i64);
    for (i, b) in block.iter().enumerate() {
        let b = if (148..156).contains(&i) { b' ' } else { *b };
        unsigned += i64::from(b);
        signed += i64::from(b as i8);
    }
    stored == unsigned || stored == signed
}

/// A GNU long name's bytes up to the first NUL.
fn until_nul(mut data: Vec<u8>) -> Vec<u8> {
    if let Some(end) = data.iter().position(|b| *b == 0) {
        data.truncate(end);
    }
    data
}

/// A short read of a fixed-size block is a malformed layer, not an I/O error.
fn eof(e: io::Error) -> ArchiveError {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        malformed("the layer ends inside an extended header")
    } else {
        ArchiveError::Io(e)
    }
}
