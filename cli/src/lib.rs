//! The `coracle` command line: argument parsing and output only; the work is done by
//! the image, storage, runtime and network crates.

pub mod args;
pub mod commands;
pub mod context;
pub mod docs;
pub mod format;
pub mod globals;
pub mod help;
pub mod logger;
pub mod output;
pub mod progress;
pub mod resolver;

use clap::FromArgMatches;

/// Exit status for coracle's own errors (Podman's convention).
pub const EXIT_ERROR: i32 = 125;

/// Parse the command line, run the command, and return the process exit status.
pub fn run() -> i32 {
    // A detached container's monitor: coracle re-executed in its hidden internal mode
    // (never parsed by clap, so absent from --help and completions).
    // coracle's DNS resolver, started by the rootless network namespace's holder.
    if std::env::args().nth(1).as_deref() == Some(resolver::RESOLVER_ARG) {
        return resolver::main(&std::env::args().skip(2).collect::<Vec<_>>());
    }
    let mut argv = std::env::args();
    if argv.nth(1).as_deref() == Some(coracle_runtime::monitor::MONITOR_ARG) {
        return coracle_runtime::monitor::main(&argv.collect::<Vec<_>>());
    }
    let mut argv = std::env::args();
    if argv.nth(1).as_deref() == Some(coracle_runtime::lifecycle::netns::FORWARDER_ARG) {
        return coracle_runtime::lifecycle::netns::forwarder_main(&argv.collect::<Vec<_>>());
    }
    let words: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let parsed = help::for_args(&words)
        .try_get_matches()
        .and_then(|matches| args::Cli::from_arg_matches(&matches));
    let cli = match parsed {
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
