//! What the kernel tells about the ext4 file system a path is on, through sysfs.

use std::path::Path;

/// Whether the file system on device `dev` (a `st_dev`) is ext4 mounted without a
/// journal (sysfs's `journal_task` of the device reads `<none>`). False for other file
/// systems, and where the device or its sysfs entry cannot be found.
pub fn without_journal(dev: u64) -> bool {
    journal_task(dev).is_some_and(|task| task.trim() == "<none>")
}

/// The text of `/sys/fs/ext4/<device>/journal_task` for the file system on `dev`.
fn journal_task(dev: u64) -> Option<String> {
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
        use std::os::unix::fs::MetadataExt;
        // procfs is no block device: no link, no answer.
        let proc = std::fs::metadata("/proc/self").unwrap().dev();
        assert_eq!(journal_task(proc), None);
        assert!(!without_journal(proc));
    }
}
