//! What the kernel tells about the ext4 file system a path is on, through sysfs.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Whether `path` is on an ext4 file system mounted without a journal (sysfs's
/// `journal_task` of its device reads `<none>`). False for other file systems, and
/// where the device or its sysfs entry cannot be found.
pub fn without_journal(path: &Path) -> bool {
    journal_task(path).is_some_and(|task| task.trim() == "<none>")
}

/// The text of `/sys/fs/ext4/<device>/journal_task` for the file system of `path`.
fn journal_task(path: &Path) -> Option<String> {
    let dev = std::fs::metadata(path).ok()?.dev();
    let (major, minor) = (rustix::fs::major(dev), rustix::fs::minor(dev));
    // `/sys/dev/block/M:m` links to the device's directory, named as ext4 names its
    // entry under /sys/fs/ext4 (vda, sda1, dm-0, loop3).
    let device = std::fs::read_link(format!("/sys/dev/block/{major}:{minor}")).ok()?;
    let name = device.file_name()?;
    let task = Path::new("/sys/fs/ext4").join(name).join("journal_task");
    // The file holds a pid or `<none>`.
    let text = std::fs::read(task).ok()?;
    (text.len() <= 64).then(|| String::from_utf8_lossy(&text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_systems_without_an_ext4_entry_have_no_answer() {
        // procfs and sysfs are no block devices: no link, no answer.
        assert_eq!(journal_task(Path::new("/proc/self")), None);
        assert!(!without_journal(Path::new("/proc/self")));
        assert!(!without_journal(Path::new("/no/such/path")));
    }
}
