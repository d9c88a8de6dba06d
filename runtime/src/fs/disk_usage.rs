//! Apparent sizes of directory trees that may hold files of subordinate ids
//! (container upper directories, volumes): walked by descriptors, without following
//! symlinks, inside the user namespace where every directory is readable.

use std::io;
use std::os::fd::OwnedFd;
use std::path::PathBuf;

use coracle_storage::layer_files::open_dir;
use rustix::fs::{AtFlags, FileType};

use crate::error::Result;
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::run_in_userns_for;

/// The total size of the regular files and symlinks under each of `dirs` (0 for a
/// directory that is missing or cannot be read).
pub fn tree_sizes(plan: Option<&UserNsPlan>, dirs: Vec<PathBuf>) -> Result<Vec<u64>> {
    run_in_userns_for(plan, move || {
        Ok(dirs
            .iter()
            .map(|d| {
                open_dir(rustix::fs::CWD, d.as_path())
                    .and_then(|fd| size_of(&fd))
                    .unwrap_or(0)
            })
            .collect())
    })
}

fn size_of(dir: &OwnedFd) -> io::Result<u64> {
    let mut total = 0u64;
    let mut subdirs = Vec::new();
    for entry in rustix::fs::Dir::read_from(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_bytes() == b"." || name.to_bytes() == b".." {
            continue;
        }
        let st = rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW)?;
        match FileType::from_raw_mode(st.st_mode) {
            FileType::Directory => subdirs.push(name.to_owned()),
            FileType::RegularFile | FileType::Symlink => {
                total += u64::try_from(st.st_size).unwrap_or(0)
            }
            _ => {}
        }
    }
    for name in subdirs {
        total += size_of(&open_dir(dir, name.as_c_str())?)?;
    }
    Ok(total)
}
