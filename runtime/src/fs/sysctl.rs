//! `--sysctl`: each value written into the container's own /proc/sys (its IPC and
//! network namespaces' files), after /proc is mounted and before it is made
//! read-only. The file is resolved inside the container's root, never by a host
//! path.

use std::io;
use std::path::PathBuf;

use crate::fs::inroot::Root;

/// The /proc/sys file of a checked key (`kernel.shmmax` → `/proc/sys/kernel/shmmax`).
fn proc_path(key: &str) -> PathBuf {
    let mut path = PathBuf::from("/proc/sys");
    path.extend(key.split('.'));
    path
}

/// Write `value` into the container's /proc/sys file of `key` (ENOENT: this
/// kernel has no such setting).
pub fn write(root: &Root, key: &str, value: &str) -> io::Result<()> {
    let fd = root.open_write(&proc_path(key))?;
    let written = rustix::io::write(&fd, value.as_bytes())?;
    if written != value.len() {
        return Err(io::Error::new(io::ErrorKind::WriteZero, "short write"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_proc_sys() {
        assert_eq!(
            proc_path("net.ipv4.ip_forward"),
            PathBuf::from("/proc/sys/net/ipv4/ip_forward")
        );
    }
}
