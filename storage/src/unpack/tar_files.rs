//! The files and links of a tar stream that is not a layer (an image archive), read
//! with the layer reader's bounds: PAX extended headers and GNU long names over 1 MiB
//! are refused before anything is buffered, as Go's archive/tar refuses them.

use std::io::{self, Read};

use super::archive::{Archive, ArchiveError, MAX_SPECIAL};

/// What one entry of the stream is.
#[derive(Debug, PartialEq, Eq)]
pub enum TarItem {
    /// A regular file; its data is read with [`TarFiles::read`].
    File {
        /// Its name, as in the archive.
        name: Vec<u8>,
    },
    /// A symbolic (`hard == false`) or hard link.
    Link {
        /// Its name, as in the archive.
        name: Vec<u8>,
        /// What it points at, as in the archive.
        target: Vec<u8>,
        /// Whether it is a hard link (its target names an entry).
        hard: bool,
    },
    /// A directory or another entry that holds no file data.
    Other,
}

/// A tar stream read entry by entry.
pub struct TarFiles<R> {
    archive: Archive<R>,
}

impl<R: Read> TarFiles<R> {
    /// Read the tar stream `inner`.
    pub fn new(inner: R) -> TarFiles<R> {
        TarFiles {
            archive: Archive::new(inner),
        }
    }

    /// The next entry (the rest of the previous one's data is skipped); `None` at the
    /// end. Errors are one line (a sparse file is refused: archives hold none).
    pub fn next_item(&mut self) -> Result<Option<TarItem>, String> {
        let Some(entry) = self.archive.next_entry().map_err(describe)? else {
            return Ok(None);
        };
        if entry.sparse.is_some() {
            return Err("a sparse file in an image archive".into());
        }
        let kind = entry.header.entry_type();
        Ok(Some(match kind {
            tar::EntryType::Regular | tar::EntryType::Continuous => {
                TarItem::File { name: entry.path }
            }
            tar::EntryType::Symlink | tar::EntryType::Link => TarItem::Link {
                name: entry.path,
                target: entry.link.unwrap_or_default(),
                hard: kind == tar::EntryType::Link,
            },
            _ => TarItem::Other,
        }))
    }

    /// Read the current file's data (0 at its end; an error when the stream ends inside it).
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.archive.read_data(buf)
    }
}

/// One line for a reader error.
fn describe(e: ArchiveError) -> String {
    match e {
        ArchiveError::Io(e) => format!("reading the tar: {e}"),
        ArchiveError::Malformed(why) => format!("not a valid tar: {why}"),
        ArchiveError::TooLarge { what, size } => {
            format!("{what} of {size} bytes is over the limit of {MAX_SPECIAL} bytes")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oversized_pax_header_is_refused_unread() {
        let mut h = tar::Header::new_ustar();
        h.set_entry_type(tar::EntryType::XHeader);
        h.set_size(1 << 30);
        h.set_cksum();
        let mut bytes = h.as_bytes().to_vec();
        bytes.extend_from_slice(&[0u8; 1024]);
        let err = TarFiles::new(&bytes[..]).next_item().unwrap_err();
        assert!(err.contains("over the limit"), "{err}");
    }

    #[test]
    fn files_and_links_are_listed() {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(2);
        b.append_data(&mut h, "a", &b"hi"[..]).unwrap();
        let mut l = tar::Header::new_gnu();
        l.set_entry_type(tar::EntryType::Symlink);
        l.set_size(0);
        b.append_link(&mut l, "b", "a").unwrap();
        let bytes = b.into_inner().unwrap();
        let mut files = TarFiles::new(&bytes[..]);
        assert_eq!(
            files.next_item().unwrap(),
            Some(TarItem::File {
                name: b"a".to_vec()
            })
        );
        let mut buf = [0u8; 8];
        assert_eq!(files.read(&mut buf).unwrap(), 2);
        assert_eq!(
            files.next_item().unwrap(),
            Some(TarItem::Link {
                name: b"b".to_vec(),
                target: b"a".to_vec(),
                hard: false
            })
        );
        assert_eq!(files.next_item().unwrap(), None);
    }
}
