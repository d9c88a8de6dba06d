//! Container directories made ahead of need.
//!
//! A new container's directory (`<store>/containers/<id>` with [`CONTAINER_SUBDIRS`])
//! is made while its process waits for it. On ext4 without a journal new
//! directories there are spread over the block groups
//! ([`crate::fs::ext4::mark_top_directory_without_journal`]), so the first of them
//! usually lands in a group whose bitmaps the kernel must first read from the disk:
//! two synchronous reads in the middle of a `run`. So the child that deletes a
//! removed container's directory ([`crate::lifecycle::trash`]) also keeps [`SPARES`]
//! empty ones ready in `<store>/spare`, at its idle priority, and a new container
//! takes one with a rename, which allocates nothing.
//!
//! A spare is made under its name ending in `.partial` and renamed to its
//! final name (64 hex digits, as a container id) once whole: a container never takes
//! a half-made one. Spares are made fresh, never a used container's directory, so
//! nothing passes from one container to another. Two commands that want the same
//! spare race on the rename, which only one wins; the other takes the next or makes
//! its own. A partial spare left by a child that was killed midway is deleted by
//! the next child that makes spares, once it is a minute old.

use std::fs::DirEntry;
use std::path::{Path, PathBuf};
use std::time::Duration;

use coracle_storage::Store;

/// How many spares the deleting child keeps ready.
pub const SPARES: usize = 2;

/// The subdirectories of a container's directory: the overlay's upper and work
/// directories and the container's own files.
pub const CONTAINER_SUBDIRS: [&str; 3] = ["upper", "work", "userdata"];

/// The end of the name of a spare being made.
const PARTIAL_SUFFIX: &str = ".partial";

/// The age after which a partial spare is taken for a leftover.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// `<store root>/spare`: the spares.
pub fn spare_dir(store_root: &Path) -> PathBuf {
    store_root.join("spare")
}

/// Move a ready spare to `dest` (a new container's directory, which does not exist
/// yet); false when none could be taken (the caller then makes the directories).
pub fn take(store: &Store, dest: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(spare_dir(&store.root)) else {
        return false;
    };
    entries
        .flatten()
        .filter(is_ready)
        .any(|entry| std::fs::rename(entry.path(), dest).is_ok())
}

/// Make spares in `<store_root>/spare` until [`SPARES`] are ready, after deleting
/// stale partial ones. Best effort: what fails is left for the next time.
pub fn replenish(store_root: &Path) {
    let dir = spare_dir(store_root);
    match std::fs::create_dir(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(_) => return,
    }
    crate::fs::ext4::mark_top_directory_without_journal(&dir);
    let mut ready = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            if is_ready(&entry) {
                ready += 1;
            } else if is_stale_partial(&entry) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    for _ in ready..SPARES {
        if make_one(&dir).is_err() {
            break;
        }
    }
}

/// Make one spare in `dir`: under a partial name, renamed once whole.
fn make_one(dir: &Path) -> std::io::Result<()> {
    let name = coracle_storage::containers::new_container_id();
    let partial = dir.join(format!("{name}{PARTIAL_SUFFIX}"));
    std::fs::create_dir(&partial)?;
    let made = CONTAINER_SUBDIRS
        .iter()
        .try_for_each(|sub| std::fs::create_dir(partial.join(sub)))
        .and_then(|()| std::fs::rename(&partial, dir.join(&name)));
    if made.is_err() {
        let _ = std::fs::remove_dir_all(&partial);
    }
    made
}

/// A ready spare: a directory named as a container id.
fn is_ready(entry: &DirEntry) -> bool {
    let name = entry.file_name();
    let name = name.as_encoded_bytes();
    name.len() == 64
        && name.iter().all(u8::is_ascii_hexdigit)
        && entry.file_type().is_ok_and(|t| t.is_dir())
}

/// A partial spare older than [`STALE_AFTER`].
fn is_stale_partial(entry: &DirEntry) -> bool {
    entry
        .file_name()
        .as_encoded_bytes()
        .ends_with(PARTIAL_SUFFIX.as_bytes())
        && entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_AFTER))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replenish_makes_whole_spares_up_to_the_count_and_keeps_fresh_partial_ones() {
        let root = tempfile::tempdir().unwrap();
        let dir = spare_dir(root.path());
        std::fs::create_dir(&dir).unwrap();
        // A partial spare being made by another child right now: not ready, kept.
        std::fs::create_dir(dir.join(format!("abc{PARTIAL_SUFFIX}"))).unwrap();
        replenish(root.path());
        let names = entries(&dir);
        let ready: Vec<_> = names.iter().filter(|n| n.len() == 64).collect();
        assert_eq!(ready.len(), SPARES, "{names:?}");
        assert!(names.contains(&format!("abc{PARTIAL_SUFFIX}")), "{names:?}");
        for name in ready {
            assert_eq!(entries(&dir.join(name)), ["upper", "userdata", "work"]);
        }
        // Enough already: nothing more is made.
        replenish(root.path());
        assert_eq!(entries(&dir).len(), SPARES + 1);
    }

    #[test]
    fn replenish_deletes_stale_partial_spares() {
        let root = tempfile::tempdir().unwrap();
        let dir = spare_dir(root.path());
        let stale = dir.join(format!("old{PARTIAL_SUFFIX}"));
        std::fs::create_dir_all(stale.join("upper")).unwrap();
        let old = std::time::SystemTime::now() - 2 * STALE_AFTER;
        std::fs::File::open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        replenish(root.path());
        assert!(!stale.exists());
        assert_eq!(entries(&dir).len(), SPARES);
    }

    #[test]
    fn a_spare_is_taken_once_and_only_whole_directories_count() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::open(root.path()).unwrap();
        let dir = spare_dir(&store.root);
        std::fs::create_dir(&dir).unwrap();
        // Neither a file named as an id nor a partial spare is ever taken.
        std::fs::write(dir.join("a".repeat(64)), b"").unwrap();
        std::fs::create_dir(dir.join(format!("{}{PARTIAL_SUFFIX}", "b".repeat(64)))).unwrap();
        let containers = store.root.join("containers");
        std::fs::create_dir_all(&containers).unwrap();
        assert!(!take(&store, &containers.join("first")));
        make_one(&dir).unwrap();
        assert!(take(&store, &containers.join("first")));
        assert_eq!(
            entries(&containers.join("first")),
            ["upper", "userdata", "work"]
        );
        assert!(!take(&store, &containers.join("second")));
    }
}
