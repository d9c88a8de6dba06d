//! Questions on the terminal: a line typed in the open, or a secret typed with echo off.

use std::io::{BufRead, IsTerminal, Write};
use std::os::fd::{AsFd, BorrowedFd};

use anyhow::{bail, Context as _, Result};
use rustix::termios::{self, LocalModes, OptionalActions, Termios};

/// Read one line from standard input, without its line ending.
pub fn read_stdin_line() -> Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read standard input")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Ask for `label` on the terminal and read the answer, shown as it is typed.
pub fn ask(label: &str, flag_hint: &str) -> Result<String> {
    need_terminal(label, flag_hint)?;
    show_question(label)?;
    read_stdin_line()
}

/// Ask for `label` on the terminal and read the answer with echo off, so what is
/// typed never appears on the screen.
pub fn ask_secret(label: &str, flag_hint: &str) -> Result<String> {
    need_terminal(label, flag_hint)?;
    let stdin = std::io::stdin();
    let answer = {
        // Echo goes off before the question shows: nothing typed after it is echoed.
        let _quiet = EchoOff::on(stdin.as_fd())?;
        show_question(label)?;
        read_stdin_line()
    };
    // The Enter that ended the answer was not echoed either.
    eprintln!();
    answer
}

/// Fail naming `flag_hint` when standard input is not a terminal to ask on.
fn need_terminal(label: &str, flag_hint: &str) -> Result<()> {
    if !std::io::stdin().is_terminal() {
        bail!("{label} is required: standard input is not a terminal, so pass {flag_hint}");
    }
    Ok(())
}

/// Print "LABEL: " on stderr.
fn show_question(label: &str) -> Result<()> {
    eprint!("{label}: ");
    std::io::stderr().flush()?;
    Ok(())
}

/// The terminal's echo, switched off until dropped (then the saved settings return).
struct EchoOff<'fd> {
    fd: BorrowedFd<'fd>,
    saved: Termios,
}

impl<'fd> EchoOff<'fd> {
    fn on(fd: BorrowedFd<'fd>) -> Result<EchoOff<'fd>> {
        let saved = termios::tcgetattr(fd).context("cannot read the terminal's settings")?;
        let mut quiet = saved.clone();
        // Line editing stays (ICANON): the answer still ends at Enter.
        quiet
            .local_modes
            .remove(LocalModes::ECHO | LocalModes::ECHONL);
        quiet.local_modes.insert(LocalModes::ICANON);
        termios::tcsetattr(fd, OptionalActions::Now, &quiet)
            .context("cannot switch the terminal's echo off")?;
        Ok(EchoOff { fd, saved })
    }
}

impl Drop for EchoOff<'_> {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(self.fd, OptionalActions::Now, &self.saved);
    }
}
