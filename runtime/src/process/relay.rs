//! Copying a container's streams to and from the caller, one non-blocking step at a
//! time inside somebody else's poll loop: the foreground supervisor
//! ([`crate::process::signals::supervise`]) drives it today; the detached lifecycle's monitor
//! can drive the same pipes into its log.
//!
//! A [`Relay`] owns the container-side fds (the pipes of [`crate::process::stdio::ParentEnds`],
//! or a pty master) and borrows the caller-side ones (stdin, stdout, stderr, or any
//! other sink). A loop asks [`Relay::interest`] what to poll, polls it together with
//! its own fds, hands the results back to [`Relay::dispatch`], and once the container
//! has exited calls [`Relay::drain`] so that nothing it wrote is lost.

use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::time::{Duration, Instant};

use rustix::event::{poll, PollFd, PollFlags, Timespec};
use rustix::io::Errno;

use coracle_monitor::log::{LogWriter, Stream};

use crate::process::detach::DetachWatch;
use crate::process::pty;
use crate::process::stdio::ParentEnds;

/// Size of one read.
const CHUNK: usize = 16 * 1024;

/// Writes all of `data` to `fd`, waiting when `fd` is non-blocking and full.
fn write_all(fd: BorrowedFd<'_>, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        match rustix::io::write(fd, data) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => data = &data[n..],
            Err(Errno::INTR) => {}
            Err(Errno::AGAIN) => {
                let mut p = [PollFd::from_borrowed_fd(fd, PollFlags::OUT)];
                poll(&mut p, None)?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Makes `fd` non-blocking (reads and writes must never stall the loop).
fn set_nonblocking(fd: BorrowedFd<'_>) -> io::Result<()> {
    let flags = rustix::fs::fcntl_getfl(fd)?;
    rustix::fs::fcntl_setfl(fd, flags | rustix::fs::OFlags::NONBLOCK)?;
    Ok(())
}

/// One stream from the container (a pipe's read end or the pty master) to a sink.
struct Output<'a> {
    from: OwnedFd,
    to: BorrowedFd<'a>,
    /// No EOF (or EIO: a pty whose slaves are all closed) yet.
    open: bool,
    /// The sink still accepts data; once it fails, output is read and dropped so the
    /// container never blocks on a full pipe.
    sink_ok: bool,
    /// Which stream it is, for the log.
    stream: Stream,
}

impl Output<'_> {
    /// Copies one chunk (into `log` too); marks the stream closed at EOF or on an error.
    fn pump(&mut self, log: Option<&mut LogWriter>) {
        let mut buf = [0u8; CHUNK];
        match rustix::io::read(&self.from, &mut buf) {
            Ok(0) => self.open = false,
            Ok(n) => {
                if self.sink_ok {
                    self.sink_ok = write_all(self.to, &buf[..n]).is_ok();
                }
                // A full disk must not stop the relay.
                if let Some(log) = log {
                    let _ = log.write_chunk(self.stream, &buf[..n]);
                }
            }
            Err(Errno::AGAIN | Errno::INTR) => {}
            Err(_) => self.open = false,
        }
    }
}

/// How the end of the caller's input reaches the container.
#[derive(Clone, Copy, Debug, PartialEq)]
enum InputEnd {
    /// A pty: type the terminal's EOF character (see [`pty::eof_bytes`]).
    TerminalEof,
    /// A pipe: close it.
    Close,
}

/// The caller's input to the container (`-i`).
struct Input<'a> {
    from: BorrowedFd<'a>,
    /// The container's side; None once closed.
    to: Option<OwnedFd>,
    /// `from` is still read.
    reading: bool,
    /// Read from `from`, not yet accepted by `to`.
    pending: Vec<u8>,
    /// The last byte read (for the terminal's EOF sequence).
    last_byte: Option<u8>,
    end: InputEnd,
    /// `--detach-keys` of `exec -it`: typing them ends the input and the relay.
    detach: Option<DetachWatch>,
    /// The detach keys were typed.
    detached: bool,
}

impl Input<'_> {
    /// Reads one chunk into `pending`; at the end of input queues the terminal's EOF
    /// or closes the pipe once `pending` is written.
    fn pump(&mut self) {
        let mut buf = [0u8; CHUNK];
        match rustix::io::read(self.from, &mut buf) {
            Ok(n) if n > 0 => {
                let (typed, detached) = match self.detach.as_mut() {
                    Some(watch) => watch.feed(&buf[..n]),
                    None => (buf[..n].to_vec(), false),
                };
                self.pending.extend_from_slice(&typed);
                self.last_byte = typed.last().copied().or(self.last_byte);
                if detached {
                    self.detached = true;
                    self.reading = false;
                }
            }
            Err(Errno::AGAIN | Errno::INTR) => {}
            _ => {
                self.reading = false;
                if let (InputEnd::TerminalEof, Some(to)) = (self.end, &self.to) {
                    let eof = pty::eof_bytes(to.as_fd(), self.last_byte);
                    self.pending.extend_from_slice(&eof);
                }
                self.close_when_done();
            }
        }
    }

    /// Writes as much of `pending` as the container takes now. A container that
    /// closed its side stops the input.
    fn flush(&mut self) {
        let Some(to) = &self.to else { return };
        match rustix::io::write(to, &self.pending) {
            Ok(n) => {
                self.pending.drain(..n);
                self.close_when_done();
            }
            Err(Errno::AGAIN | Errno::INTR) => {}
            Err(_) => {
                self.pending.clear();
                self.reading = false;
                self.to = None;
            }
        }
    }

    /// Drops the container's side once the input ended and everything is written.
    fn close_when_done(&mut self) {
        if !self.reading && self.pending.is_empty() {
            self.to = None;
        }
    }
}

/// Which part of the relay one polled fd belongs to.
#[derive(Clone, Copy)]
enum Slot {
    Output(usize),
    InputTarget,
    InputSource,
}

/// The streams of one container and where they go. See the module documentation.
pub struct Relay<'a> {
    outputs: Vec<Output<'a>>,
    /// Where the output is logged besides (a foreground container's k8s-file log).
    log: Option<LogWriter>,
    input: Option<Input<'a>>,
    /// A `-t` container's pty master (its first output), for the window size.
    terminal: bool,
}

impl<'a> Relay<'a> {
    /// A container without a terminal: its stdout and stderr pipes go to `stdout` and
    /// `stderr`; with a stdin pipe (`-i`), `stdin` is copied into it and the pipe is
    /// closed at the end of `stdin`.
    pub fn pipes(
        ends: ParentEnds,
        stdin: BorrowedFd<'a>,
        stdout: BorrowedFd<'a>,
        stderr: BorrowedFd<'a>,
    ) -> io::Result<Relay<'a>> {
        for fd in [&ends.stdout, &ends.stderr].into_iter().chain(&ends.stdin) {
            set_nonblocking(fd.as_fd())?;
        }
        let output = |from: OwnedFd, to, stream| Output {
            from,
            to,
            open: true,
            sink_ok: true,
            stream,
        };
        Ok(Relay {
            outputs: vec![
                output(ends.stdout, stdout, Stream::Stdout),
                output(ends.stderr, stderr, Stream::Stderr),
            ],
            log: None,
            input: ends.stdin.map(|to| Input {
                from: stdin,
                to: Some(to),
                reading: true,
                pending: Vec::new(),
                last_byte: None,
                end: InputEnd::Close,
                detach: None,
                detached: false,
            }),
            terminal: false,
        })
    }

    /// A `-t` container: the pty `master`'s output goes to `stdout`; with `stdin`
    /// (`-i`) the caller's input is typed into the pty, ending with the terminal's EOF
    /// character.
    pub fn terminal(
        master: OwnedFd,
        stdin: Option<BorrowedFd<'a>>,
        stdout: BorrowedFd<'a>,
    ) -> io::Result<Relay<'a>> {
        set_nonblocking(master.as_fd())?;
        let input = match stdin {
            Some(from) => Some(Input {
                from,
                to: Some(master.try_clone()?),
                reading: true,
                pending: Vec::new(),
                last_byte: None,
                end: InputEnd::TerminalEof,
                detach: None,
                detached: false,
            }),
            None => None,
        };
        Ok(Relay {
            outputs: vec![Output {
                from: master,
                to: stdout,
                open: true,
                sink_ok: true,
                stream: Stream::Stdout,
            }],
            log: None,
            input,
            terminal: true,
        })
    }

    /// The same relay, writing the container's output into `log` as well.
    pub fn logging_to(self, log: Option<LogWriter>) -> Self {
        Relay { log, ..self }
    }

    /// Watch the caller's typed input for `keys` (none: never): once typed, they are
    /// not passed on and [`Relay::detached`] is true. Only for a terminal.
    pub fn detaching_on(mut self, keys: &[u8]) -> Self {
        if let Some(input) = self.input.as_mut().filter(|_| self.terminal) {
            input.detach = (!keys.is_empty()).then(|| DetachWatch::new(keys.to_vec()));
        }
        self
    }

    /// Whether the detach keys were typed.
    pub fn detached(&self) -> bool {
        self.input.as_ref().is_some_and(|i| i.detached)
    }

    /// After the detach keys: keep reading the container's terminal, discarding it,
    /// in a process of its own (a fork of this single-threaded one, in a session of
    /// its own) until no process holds the terminal any more, so that the container's
    /// processes run on; this process may then leave.
    pub fn drain_in_background(self) -> io::Result<()> {
        let Some(output) = self.outputs.into_iter().next() else {
            return Ok(());
        };
        match crate::sys::fork()? {
            0 => {
                let _ = rustix::process::setsid();
                if let Ok(null) = crate::process::stdio::ChildEnds::null() {
                    let _ = null.install();
                }
                // Nothing of the caller's (its store, its locks) stays open here.
                use std::os::fd::AsRawFd;
                let _ = crate::sys::close_fds_except(&[0, 1, 2, output.from.as_raw_fd()]);
                let _ = rustix::fs::fcntl_setfl(&output.from, rustix::fs::OFlags::empty());
                let mut buf = [0u8; CHUNK];
                loop {
                    match rustix::io::read(&output.from, &mut buf) {
                        Ok(0) => break,
                        Ok(_) | Err(Errno::INTR) => {}
                        Err(_) => break,
                    }
                }
                crate::sys::exit_now(0)
            }
            _ => Ok(()),
        }
    }

    /// The pty master of a `-t` container.
    pub fn master(&self) -> Option<BorrowedFd<'_>> {
        self.terminal.then(|| self.outputs[0].from.as_fd())
    }

    /// The caller's input when it is typed into a pty: the terminal to put in raw mode.
    pub fn terminal_input(&self) -> Option<BorrowedFd<'a>> {
        match &self.input {
            Some(input) if self.terminal => Some(input.from),
            _ => None,
        }
    }

    fn slots(&self) -> Vec<(Slot, BorrowedFd<'_>, PollFlags)> {
        let mut slots: Vec<_> = self
            .outputs
            .iter()
            .enumerate()
            .filter(|(_, o)| o.open)
            .map(|(i, o)| (Slot::Output(i), o.from.as_fd(), PollFlags::IN))
            .collect();
        if let Some(input) = &self.input {
            match &input.to {
                Some(to) if !input.pending.is_empty() => {
                    slots.push((Slot::InputTarget, to.as_fd(), PollFlags::OUT));
                }
                Some(_) if input.reading => {
                    slots.push((Slot::InputSource, input.from, PollFlags::IN));
                }
                _ => {}
            }
        }
        slots
    }

    /// The fds to poll now and for what. Pass the results, in the same order, to
    /// [`Relay::dispatch`] before calling anything else on the relay.
    pub fn interest(&self) -> Vec<(BorrowedFd<'_>, PollFlags)> {
        self.slots().into_iter().map(|(_, fd, f)| (fd, f)).collect()
    }

    /// Moves data for each fd of the last [`Relay::interest`] that `ready` (its
    /// `revents`, in the same order) says is ready.
    pub fn dispatch(&mut self, ready: &[PollFlags]) {
        let slots: Vec<Slot> = self.slots().into_iter().map(|(s, _, _)| s).collect();
        for (slot, revents) in slots.into_iter().zip(ready) {
            if revents.is_empty() {
                continue;
            }
            match slot {
                Slot::Output(i) => self.outputs[i].pump(self.log.as_mut()),
                Slot::InputTarget => {
                    if let Some(input) = self.input.as_mut() {
                        input.flush();
                    }
                }
                Slot::InputSource => {
                    if let Some(input) = self.input.as_mut() {
                        input.pump();
                    }
                }
            }
        }
    }

    /// After the container exited: copies what is left in its streams. Stops when
    /// every stream reached its end (all writers gone, which the exit of the
    /// container's PID 1 guarantees), after 100 ms without output (a writer that
    /// escaped the container), or after 5 s.
    pub fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        let quiet = Timespec {
            tv_sec: 0,
            tv_nsec: 100_000_000,
        };
        while Instant::now() < deadline {
            let open: Vec<usize> = (0..self.outputs.len())
                .filter(|i| self.outputs[*i].open)
                .collect();
            if open.is_empty() {
                return;
            }
            let mut fds: Vec<PollFd<'_>> = open
                .iter()
                .map(|i| PollFd::new(&self.outputs[*i].from, PollFlags::IN))
                .collect();
            match poll(&mut fds, Some(&quiet)) {
                Ok(0) => return,
                Ok(_) => {}
                Err(Errno::INTR) => continue,
                Err(_) => return,
            }
            let ready: Vec<bool> = fds.iter().map(|p| !p.revents().is_empty()).collect();
            drop(fds);
            for (i, ready) in open.into_iter().zip(ready) {
                if ready {
                    self.outputs[i].pump(self.log.as_mut());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A relay of fresh pipes to sink pipes; returns it with the container's ends
    /// (stdin read end, stdout and stderr write ends) and the sinks' read ends.
    struct Bed {
        container_stdin: OwnedFd,
        container_stdout: OwnedFd,
        container_stderr: OwnedFd,
        caller_stdin: OwnedFd,
        out: OwnedFd,
        err: OwnedFd,
    }

    fn pipes_bed() -> (ParentEnds, Bed, [OwnedFd; 3]) {
        let p = || rustix::pipe::pipe().unwrap();
        let ((cin_r, cin_w), (cout_r, cout_w), (cerr_r, cerr_w)) = (p(), p(), p());
        let ((in_r, in_w), (out_r, out_w), (err_r, err_w)) = (p(), p(), p());
        let ends = ParentEnds {
            stdin: Some(cin_w),
            stdout: cout_r,
            stderr: cerr_r,
        };
        let bed = Bed {
            container_stdin: cin_r,
            container_stdout: cout_w,
            container_stderr: cerr_w,
            caller_stdin: in_w,
            out: out_r,
            err: err_r,
        };
        (ends, bed, [in_r, out_w, err_w])
    }

    /// Runs poll/dispatch rounds until nothing is ready within 50 ms.
    fn settle(relay: &mut Relay<'_>) {
        loop {
            let interest = relay.interest();
            let mut fds: Vec<PollFd<'_>> = interest
                .iter()
                .map(|(fd, f)| PollFd::from_borrowed_fd(*fd, *f))
                .collect();
            let timeout = Timespec {
                tv_sec: 0,
                tv_nsec: 50_000_000,
            };
            if poll(&mut fds, Some(&timeout)).unwrap() == 0 {
                return;
            }
            let ready: Vec<PollFlags> = fds.iter().map(|p| p.revents()).collect();
            drop(fds);
            drop(interest);
            relay.dispatch(&ready);
        }
    }

    fn read_all(fd: &OwnedFd) -> Vec<u8> {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match rustix::io::read(fd, &mut buf) {
                Ok(0) | Err(_) => return out,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    }

    #[test]
    fn pipes_carry_output_input_and_the_end_of_input() {
        let (ends, bed, [in_r, out_w, err_w]) = pipes_bed();
        let mut relay = Relay::pipes(ends, in_r.as_fd(), out_w.as_fd(), err_w.as_fd()).unwrap();
        assert!(relay.master().is_none() && relay.terminal_input().is_none());
        rustix::io::write(&bed.container_stdout, b"to stdout").unwrap();
        rustix::io::write(&bed.container_stderr, b"to stderr").unwrap();
        rustix::io::write(&bed.caller_stdin, b"typed").unwrap();
        drop(bed.caller_stdin);
        settle(&mut relay);
        // The container's stdin got the input, then its end (the pipe is closed).
        assert_eq!(read_all(&bed.container_stdin), b"typed");
        // The container exits: its ends close, the drain copies the rest.
        rustix::io::write(&bed.container_stdout, b" and more").unwrap();
        drop((bed.container_stdout, bed.container_stderr));
        relay.drain();
        drop(relay);
        drop((out_w, err_w));
        assert_eq!(read_all(&bed.out), b"to stdout and more");
        assert_eq!(read_all(&bed.err), b"to stderr");
    }

    #[test]
    fn a_broken_sink_does_not_stop_the_container_output() {
        let (ends, bed, [in_r, out_w, err_w]) = pipes_bed();
        let mut relay = Relay::pipes(ends, in_r.as_fd(), out_w.as_fd(), err_w.as_fd()).unwrap();
        drop(bed.out);
        // More than a pipe holds: the relay must keep reading and dropping it.
        let data = vec![b'x'; 256 * 1024];
        let writer = std::thread::spawn(move || {
            let mut rest = &data[..];
            while !rest.is_empty() {
                let n = rustix::io::write(&bed.container_stdout, rest).unwrap();
                rest = &rest[n..];
            }
        });
        while !writer.is_finished() {
            settle(&mut relay);
        }
        writer.join().unwrap();
    }

    #[test]
    fn drain_gives_up_on_a_writer_that_stays() {
        let (ends, bed, [in_r, out_w, err_w]) = pipes_bed();
        let mut relay = Relay::pipes(ends, in_r.as_fd(), out_w.as_fd(), err_w.as_fd()).unwrap();
        rustix::io::write(&bed.container_stdout, b"last").unwrap();
        let started = Instant::now();
        relay.drain();
        assert!(started.elapsed() < Duration::from_secs(2));
        drop(relay);
        drop(out_w);
        assert_eq!(read_all(&bed.out), b"last");
    }

    #[test]
    fn a_terminal_relay_types_the_eof_character() {
        let pair = pty::open_pty().unwrap();
        let (in_r, in_w) = rustix::pipe::pipe().unwrap();
        let (out_r, out_w) = rustix::pipe::pipe().unwrap();
        let mut relay = Relay::terminal(pair.master, Some(in_r.as_fd()), out_w.as_fd()).unwrap();
        assert!(relay.master().is_some());
        assert!(relay.terminal_input().is_some());
        rustix::io::write(&in_w, b"line\npartial").unwrap();
        drop(in_w);
        settle(&mut relay);
        // Canonical mode: "line\n", then "partial" flushed by one ^D, then EOF (read 0).
        let mut buf = [0u8; 64];
        let n = rustix::io::read(&pair.slave, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"line\n");
        let n = rustix::io::read(&pair.slave, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"partial");
        assert_eq!(rustix::io::read(&pair.slave, &mut buf).unwrap(), 0);
        // Output: the echo of the input comes back through the master.
        drop(pair.slave);
        relay.drain();
        drop(relay);
        drop(out_w);
        let echoed = read_all(&out_r);
        assert!(echoed.starts_with(b"line\r\npartial"), "{echoed:?}");
    }
}
