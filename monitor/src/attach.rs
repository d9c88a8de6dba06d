//! `coracle attach` to a detached `-t` container: the monitor listens on a Unix
//! socket (made by coracle, inherited by number) next to the container's other
//! runtime files. One client at a time (a new one replaces the old) gets a copy of
//! the terminal's output from the moment it connects (the first one also what was
//! written before it came, up to [`BACKLOG_LIMIT`]); with `-i` what it sends is
//! typed into the terminal. A new client first gets the terminal's descriptor (with
//! one byte, SCM_RIGHTS), to give it its window size. The client handles the detach
//! keys: detaching is just closing the connection, and the container runs on.

use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::os::unix::net::{UnixListener, UnixStream};

/// The attach socket and its current client.
#[derive(Debug)]
pub struct Attach {
    listener: UnixListener,
    client: Option<UnixStream>,
    /// The pty master: where a client's input goes.
    terminal: RawFd,
    /// Whether a client's input is typed in (`-i`).
    input: bool,
    /// The output until the first client came (its last [`BACKLOG_LIMIT`] bytes),
    /// for that client: `start -a` connects only once the container runs. None
    /// once a client came.
    backlog: Option<Vec<u8>>,
}

/// How much output before the first client is kept for it.
pub const BACKLOG_LIMIT: usize = 64 * 1024;

impl Attach {
    /// Take over the listening socket `fd` (inherited for this program alone) for
    /// the terminal `terminal`.
    pub fn from_fd(fd: RawFd, terminal: RawFd, input: bool) -> Attach {
        crate::sys::set_cloexec(fd);
        // SAFETY: coracle handed this descriptor over for the monitor's exclusive
        // use; it is taken once, here.
        let listener = unsafe { UnixListener::from_raw_fd(fd) };
        let _ = listener.set_nonblocking(true);
        Attach {
            listener,
            client: None,
            terminal,
            input,
            backlog: Some(Vec::new()),
        }
    }

    /// The descriptors to poll for input: the listener, then the client if any.
    pub fn fds(&self) -> Vec<RawFd> {
        let mut fds = vec![self.listener.as_raw_fd()];
        fds.extend(self.client.as_ref().map(|c| c.as_raw_fd()));
        fds
    }

    /// `fd` (one of [`Attach::fds`]) is ready: accept a client, or pass its input on
    /// (its end, or an error, drops it).
    pub fn on_ready(&mut self, fd: RawFd) {
        if fd == self.listener.as_raw_fd() {
            if let Ok((client, _)) = self.listener.accept() {
                let _ = client.set_write_timeout(Some(std::time::Duration::from_secs(1)));
                // The client sizes the terminal like its own (and on each resize).
                if crate::sys::send_fd(client.as_raw_fd(), self.terminal).is_ok() {
                    self.client = Some(client);
                    if let Some(backlog) = self.backlog.take() {
                        self.output(&backlog[backlog.len().saturating_sub(BACKLOG_LIMIT)..]);
                    }
                }
            }
            return;
        }
        let Some(client) = self.client.as_mut() else {
            return;
        };
        let mut buf = [0u8; 4096];
        match client.read(&mut buf) {
            Ok(0) => self.client = None,
            Ok(n) if self.input => {
                if write_all_fd(self.terminal, &buf[..n]).is_err() {
                    self.client = None;
                }
            }
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => self.client = None,
        }
    }

    /// A chunk of the terminal's output, for the client if any (a client that does
    /// not keep up is dropped rather than stall the container).
    pub fn output(&mut self, data: &[u8]) {
        if let Some(backlog) = self.backlog.as_mut() {
            backlog.extend_from_slice(data);
            // Trimmed now and then, not on every chunk.
            if backlog.len() > 2 * BACKLOG_LIMIT {
                backlog.drain(..backlog.len() - BACKLOG_LIMIT);
            }
        }
        if let Some(client) = self.client.as_mut() {
            if client.write_all(data).is_err() {
                self.client = None;
            }
        }
    }
}

/// Write all of `data` to the descriptor `fd`.
fn write_all_fd(fd: RawFd, mut data: &[u8]) -> std::io::Result<()> {
    while !data.is_empty() {
        // SAFETY: `data` is valid for reads of `data.len()` bytes.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::IntoRawFd;

    #[test]
    fn a_client_gets_the_backlog_then_the_output_and_types_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attach");
        let listener = UnixListener::bind(&path).unwrap();
        let (mut typed_r, typed_w) = std::io::pipe().unwrap();
        let terminal = typed_w.into_raw_fd();
        let mut attach = Attach::from_fd(listener.into_raw_fd(), terminal, true);
        attach.output(b"before ");
        let mut client = UnixStream::connect(&path).unwrap();
        let listening = attach.fds()[0];
        attach.on_ready(listening);
        assert_eq!(attach.fds().len(), 2, "the client is taken");
        attach.output(b"after");
        // The descriptor's byte, then the backlog and the output (a plain read drops
        // the descriptor itself).
        let mut got = [0u8; 13];
        client.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"tbefore after");
        client.write_all(b"typed").unwrap();
        let client_fd = attach.fds()[1];
        attach.on_ready(client_fd);
        let mut input = [0u8; 5];
        typed_r.read_exact(&mut input).unwrap();
        assert_eq!(&input, b"typed");
        drop(client);
        attach.on_ready(client_fd);
        assert_eq!(attach.fds().len(), 1, "a client that left is dropped");
        crate::sys::close(terminal);
    }

    #[test]
    fn the_backlog_keeps_the_last_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let listener = UnixListener::bind(dir.path().join("a")).unwrap();
        let mut attach = Attach::from_fd(listener.into_raw_fd(), -1, false);
        for _ in 0..3 * BACKLOG_LIMIT / 1024 {
            attach.output(&[b'x'; 1024]);
        }
        attach.output(b"end");
        let kept = attach.backlog.as_ref().unwrap();
        assert!(kept.len() <= 2 * BACKLOG_LIMIT && kept.ends_with(b"end"));
    }
}
