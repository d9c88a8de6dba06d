//! The `coracle` command line: argument parsing and output only; the work is done by
//! the image, storage, runtime and network crates.

pub mod args;
pub mod commands;
pub mod context;
pub mod docs;
pub mod format;
pub mod output;
pub mod progress;

use clap::Parser;

/// Exit status for coracle's own errors (Podman's convention).
pub const EXIT_ERROR: i32 = 125;

/// Parse the command line, run the command, and return the process exit status.
pub fn run() -> i32 {
    // A detached container's monitor: coracle re-executed in its hidden internal mode
    // (never parsed by clap, so absent from --help and completions).
    let mut argv = std::env::args();
    if argv.nth(1).as_deref() == Some(coracle_runtime::monitor::MONITOR_ARG) {
        return coracle_runtime::monitor::main(&argv.collect::<Vec<_>>());
    }
    let mut argv = std::env::args();
    if argv.nth(1).as_deref() == Some(coracle_runtime::lifecycle::netns::FORWARDER_ARG) {
        return coracle_runtime::lifecycle::netns::forwarder_main(&argv.collect::<Vec<_>>());
    }
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match commands::dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            output::print_error(&err);
            EXIT_ERROR
        }
    }
}
