//! The `coracle` command line: argument parsing and output only; the work is done by
//! the image, storage, runtime and network crates.

// The argument structs' doc comments are the command line's help text (clap derive),
// where `[:TAG]` is usage notation, not a rustdoc link.
#![allow(rustdoc::broken_intra_doc_links)]

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

/// Exit status for coracle's own errors (Podman's convention).
pub const EXIT_ERROR: i32 = 125;

/// Parse the command line, run the command, and return the process exit status.
pub fn run() -> i32 {
    // coracle re-executed in one of its hidden internal modes (never parsed by clap,
    // so absent from --help and completions): a detached container's monitor, the
    // DNS resolver of the rootless network namespace, a port forwarder, a checkpoint
    // of the store's write-ahead log, the cleaner of a removed container's files.
    let mut argv = std::env::args().skip(1);
    let mode = argv.next();
    let rest = || argv.collect::<Vec<_>>();
    match mode.as_deref() {
        Some(coracle_runtime::monitor::MONITOR_ARG) => {
            return coracle_runtime::monitor::main(&rest())
        }
        Some(resolver::RESOLVER_ARG) => return resolver::main(&rest()),
        Some(coracle_runtime::lifecycle::netns::FORWARDER_ARG) => {
            return coracle_runtime::lifecycle::netns::forwarder_main(&rest())
        }
        Some(coracle_runtime::lifecycle::trash::CLEAN_ARG) => {
            return coracle_runtime::lifecycle::trash::clean_main(&rest())
        }
        Some(coracle_storage::checkpoint::CHECKPOINT_ARG) => {
            // Housekeeping: it takes no core from the next command's start.
            let _ = coracle_runtime::sys::run_only_when_idle();
            return match rest().first() {
                Some(db) => i32::from(
                    coracle_storage::checkpoint::checkpoint_and_restart(db.as_ref()).is_err(),
                ),
                None => EXIT_ERROR,
            };
        }
        _ => {}
    }
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = args::parse::parse(&argv);
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let code = match commands::dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            output::print_error(&err);
            EXIT_ERROR
        }
    };
    // The command's commits grew the store's WAL enough: checkpoint it beside the
    // next commands (see coracle_storage::checkpoint).
    if let Some(db) = coracle_storage::checkpoint::due() {
        coracle_storage::checkpoint::start_beside(&db);
    }
    code
}
