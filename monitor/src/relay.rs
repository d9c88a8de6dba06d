//! Copying a container's output into its log until every stream reached its end (in
//! a PID namespace all of them close when its init dies).

use std::os::fd::RawFd;
use std::time::Instant;

use crate::attach::Attach;
use crate::health::Periodic;
use crate::log::{LogWriter, Stream};
use crate::sys;

/// When the container must be killed (`--timeout`): its pid and the moment.
#[derive(Clone, Copy, Debug)]
pub struct Deadline {
    /// The container's init.
    pub pid: i32,
    /// When it is killed.
    pub at: Instant,
}

/// Relay each `(fd, stream)` into `log` until all ended; closes the descriptors.
/// With a `deadline`, the container is killed (SIGKILL) when it passes, and the
/// relay goes on until the streams end; returns whether that happened. A `health`
/// job is started each time its interval has passed. An `attach` socket's client
/// gets a copy of the output and may type into the terminal.
pub fn relay_to_log(
    streams: &[(RawFd, Stream)],
    log: &mut LogWriter,
    mut deadline: Option<Deadline>,
    mut health: Option<&mut Periodic>,
    mut attach: Option<&mut Attach>,
) -> bool {
    let mut open: Vec<(RawFd, Stream)> = streams.to_vec();
    let mut buf = [0u8; 8192];
    let mut killed = false;
    while !open.is_empty() {
        let mut fds: Vec<RawFd> = open.iter().map(|(fd, _)| *fd).collect();
        let attach_fds = attach.as_deref().map(Attach::fds).unwrap_or_default();
        fds.extend(&attach_fds);
        let ms_until = |at: Instant| {
            let left = at.saturating_duration_since(Instant::now());
            left.as_millis().min(i32::MAX as u128) as libc::c_int
        };
        if let Some(job) = health.as_deref_mut() {
            job.run_if_due();
        }
        let next_check = health.as_deref().map_or(-1, |job| ms_until(job.next()));
        let timeout_ms = deadline.map_or(-1, |d| ms_until(d.at));
        let wait_ms = match (timeout_ms, next_check) {
            (-1, n) => n,
            (t, -1) => t,
            (t, n) => t.min(n),
        };
        if let (Some(d), 0) = (deadline, timeout_ms) {
            sys::kill_hard(d.pid);
            killed = true;
            deadline = None;
            continue;
        }
        let ready = match sys::poll_readable(&fds, wait_ms) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        if let Some(attach) = attach.as_deref_mut() {
            for (i, fd) in attach_fds.iter().enumerate() {
                if ready[open.len() + i] {
                    attach.on_ready(*fd);
                }
            }
        }
        let mut ended = Vec::new();
        for (slot, &(fd, stream)) in open.iter().enumerate() {
            if !ready[slot] {
                continue;
            }
            match sys::read(fd, &mut buf) {
                Ok(0) => ended.push(slot),
                // A full disk must not stop the container: keep draining.
                Ok(n) => {
                    let _ = log.write_chunk(stream, &buf[..n]);
                    if let Some(attach) = attach.as_deref_mut() {
                        attach.output(&buf[..n]);
                    }
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock
                    ) => {}
                // EIO: the pty's last slave closed.
                Err(_) => ended.push(slot),
            }
        }
        for slot in ended.into_iter().rev() {
            sys::close(open.remove(slot).0);
        }
    }
    for (fd, _) in open {
        sys::close(fd);
    }
    killed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::fd::IntoRawFd;

    #[test]
    fn both_streams_are_logged_until_they_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let (out_r, mut out_w) = std::io::pipe().unwrap();
        let (err_r, mut err_w) = std::io::pipe().unwrap();
        out_w.write_all(b"hi\n").unwrap();
        err_w.write_all(b"oops\n").unwrap();
        drop((out_w, err_w));
        let mut log = LogWriter::open(Some(&path), None).unwrap();
        relay_to_log(
            &[
                (out_r.into_raw_fd(), Stream::Stdout),
                (err_r.into_raw_fd(), Stream::Stderr),
            ],
            &mut log,
            None,
            None,
            None,
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(" stdout F hi\n"), "{text}");
        assert!(text.contains(" stderr F oops\n"), "{text}");
    }
}
