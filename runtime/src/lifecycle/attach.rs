//! `attach` and `start -a` to a detached `-t` container: its monitor listens on a
//! Unix socket in the runtime directory (`attach/ID`); the client relays the
//! caller's terminal to it and back, and watches the caller's input for the detach
//! keys (Podman's `--detach-keys`, default ctrl-p,ctrl-q): on them it closes the
//! connection and the container runs on.
//!
//! Socket paths are bound and connected through `/proc/self/fd/DIR/ID`, so that a
//! long runtime directory does not meet the 108-byte limit of a socket address.

use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::DirBuilderExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;

use rustix::event::{PollFd, PollFlags};

use crate::error::{Result, RuntimeError};
use crate::lifecycle::rundir::runtime_dir;
use crate::process::signals::{read_signals, restore_mask, signalfd, SigMask};

pub use crate::process::detach::{parse_detach_keys, DetachWatch, DEFAULT_DETACH_KEYS};

fn sockets_dir() -> PathBuf {
    runtime_dir().join("attach")
}

/// Run `work` with a short path (`/proc/self/fd/N/ID`) that names `ID` in the
/// sockets directory.
fn with_short_path<T>(
    id: &str,
    work: impl FnOnce(&str) -> std::io::Result<T>,
) -> std::io::Result<T> {
    use std::os::fd::AsRawFd;
    let dir = std::fs::File::open(sockets_dir())?;
    work(&format!("/proc/self/fd/{}/{id}", dir.as_raw_fd()))
}

/// Make container `id`'s attach socket, listening, for its monitor to inherit.
pub fn listen(id: &str) -> Result<OwnedFd> {
    let dir = sockets_dir();
    let made = std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .and_then(|()| {
            remove_socket(id);
            with_short_path(id, |p| UnixListener::bind(p))
        });
    made.map(OwnedFd::from)
        .map_err(|e| RuntimeError::io("failed to make the attach socket in", dir, e))
}

/// Forget container `id`'s attach socket.
pub fn remove_socket(id: &str) {
    let _ = std::fs::remove_file(sockets_dir().join(id));
}

/// A connection to a container's monitor, with its terminal's descriptor.
#[derive(Debug)]
pub struct Session {
    stream: UnixStream,
    terminal: OwnedFd,
}

/// Connect to the monitor of the running `-t` container `id`, which sends its
/// terminal first. Fails when the monitor does not answer (its container ended, or
/// it was started without a terminal).
pub fn connect(id: &str) -> Result<Session> {
    let refused = |e: &dyn std::fmt::Display| {
        RuntimeError::Start(format!(
            "cannot attach to container {}: its monitor does not answer ({e}); only a container started with -t and -d can be attached to",
            &id[..id.len().min(12)]
        ))
    };
    let stream = with_short_path(id, |p| UnixStream::connect(p)).map_err(|e| refused(&e))?;
    let terminal = crate::process::pty::receive_fd(stream.as_fd()).map_err(|e| refused(&e))?;
    Ok(Session { stream, terminal })
}

/// How an attached session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachEnd {
    /// The detach keys were typed: the container runs on.
    Detached,
    /// The container's terminal closed (it ended).
    Ended,
}

/// Relay the caller's terminal to the `session`'s container and back
/// until the container's output ends or the detach keys are typed. The caller's
/// terminal, if stdin is one, is in raw mode meanwhile; `input` false leaves stdin
/// alone (`--no-stdin`, or a container without `-i`).
pub fn relay(session: Session, keys: &[u8], input: bool) -> Result<AttachEnd> {
    let Session {
        mut stream,
        terminal: master,
    } = session;
    let stdin = rustix::stdio::stdin();
    let _raw = if input {
        crate::process::pty::raw_mode(stdin)?
    } else {
        None
    };
    // The terminal takes the caller's window size, now and on each SIGWINCH.
    let caller_tty = crate::process::pty::caller_terminal();
    let resize = || {
        if let Some(tty) = caller_tty {
            let _ = crate::process::pty::sync_window_size(tty, master.as_fd());
        }
    };
    resize();
    let winch = SigMask::of([libc::SIGWINCH]);
    let old_mask = winch.block()?;
    let winch_fd = signalfd(&winch, true);
    let ended = relay_until_end(&mut stream, keys, input, winch_fd.as_ref().ok(), resize);
    let _ = restore_mask(&old_mask);
    ended
}

/// [`relay`]'s loop; `winch` (a signalfd for SIGWINCH) calls `resize`.
fn relay_until_end(
    stream: &mut UnixStream,
    keys: &[u8],
    input: bool,
    winch: Option<&OwnedFd>,
    resize: impl Fn(),
) -> Result<AttachEnd> {
    let os = |action| move |e: std::io::Error| RuntimeError::Os { action, source: e };
    let stdin = rustix::stdio::stdin();
    let mut watch = DetachWatch::new(keys.to_vec());
    let mut reading_input = input;
    let mut buf = [0u8; 8192];
    let mut stdout = std::io::stdout().lock();
    loop {
        let mut fds = vec![PollFd::new(&*stream, PollFlags::IN)];
        if let Some(winch) = winch {
            fds.push(PollFd::new(winch, PollFlags::IN));
        }
        if reading_input {
            fds.push(PollFd::new(&stdin, PollFlags::IN));
        }
        match rustix::event::poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(os("wait for the container's terminal")(e.into())),
        }
        let ready: Vec<bool> = fds.iter().map(|f| !f.revents().is_empty()).collect();
        drop(fds);
        let socket_ready = ready[0];
        let winch_ready = winch.is_some() && ready[1];
        let input_ready = reading_input && ready[ready.len() - 1];
        if let (true, Some(winch)) = (winch_ready, winch) {
            let _ = read_signals(winch.as_fd());
            resize();
        }
        if input_ready {
            match rustix::io::read(stdin, &mut buf) {
                Ok(0) | Err(_) => reading_input = false,
                Ok(n) => {
                    let (pass, detached) = watch.feed(&buf[..n]);
                    if !pass.is_empty() && stream.write_all(&pass).is_err() {
                        return Ok(AttachEnd::Ended);
                    }
                    if detached {
                        return Ok(AttachEnd::Detached);
                    }
                }
            }
        }
        if socket_ready {
            match stream.read(&mut buf) {
                Ok(0) => return Ok(AttachEnd::Ended),
                Ok(n) => {
                    stdout
                        .write_all(&buf[..n])
                        .and_then(|()| stdout.flush())
                        .map_err(os("write the container's output"))?;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return Ok(AttachEnd::Ended),
            }
        }
    }
}
