//! The options every command accepts (Podman's global options), kept apart from the
//! command definitions.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// How much coracle tells on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum LogLevel {
    /// Only errors (Podman's `panic` and `fatal` mean the same here).
    #[value(alias = "panic", alias = "fatal")]
    Error,
    /// Errors and warnings (the default).
    Warn,
    /// Also what coracle does.
    Info,
    /// Also the details: registry requests, the store, container starts.
    Debug,
    /// Everything.
    Trace,
}

/// Where events are recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventsBackend {
    /// Append JSON lines to events/events.log in the runtime directory.
    File,
    /// Record nothing (`events` then shows nothing).
    None,
    /// The systemd journal (coracle has no journal backend: an error).
    Journald,
}

/// Options every command accepts.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Store directory (default: $XDG_DATA_HOME/coracle).
    #[arg(long, global = true, env = "CORACLE_ROOT", value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Runtime state directory: exit files and the events log (default:
    /// $XDG_RUNTIME_DIR/coracle).
    #[arg(long, global = true, env = "CORACLE_RUNROOT", value_name = "DIR")]
    pub runroot: Option<PathBuf>,

    /// Directory for coracle's temporary state (exit files and the events log);
    /// overrides --runroot for them, as Podman keeps them under its tmpdir.
    #[arg(long, global = true, value_name = "DIR")]
    pub tmpdir: Option<PathBuf>,

    /// Storage driver: overlay (the only one coracle has).
    #[arg(long, global = true, value_name = "DRIVER")]
    pub storage_driver: Option<String>,

    /// Storage options, e.g. ignore_chown_errors=true (as storage.conf).
    #[arg(long, global = true, value_name = "OPT")]
    pub storage_opt: Vec<String>,

    /// Cgroup manager: cgroupfs (coracle writes the cgroup tree itself).
    #[arg(long, global = true, value_name = "MANAGER")]
    pub cgroup_manager: Option<String>,

    /// Where events go: file (default) or none.
    #[arg(
        long,
        global = true,
        env = "CORACLE_EVENTS_BACKEND",
        value_name = "BACKEND"
    )]
    pub events_backend: Option<EventsBackend>,

    /// Messages on stderr from this level up: error, warn, info, debug, trace.
    #[arg(long, global = true, default_value = "warn", value_name = "LEVEL")]
    pub log_level: LogLevel,

    /// Print nothing on stdout (a container's own output is not affected).
    #[arg(long, global = true)]
    pub noout: bool,

    /// Write coracle's stdout to FILE instead (a container's own output is not
    /// affected).
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "noout")]
    pub out: Option<PathBuf>,

    /// Remote service URL (coracle has no remote service: an error).
    #[arg(long, global = true, value_name = "URL")]
    pub url: Option<String>,

    /// Remote connection name (coracle has no remote service: an error).
    #[arg(long, global = true, value_name = "NAME")]
    pub connection: Option<String>,

    /// Use a remote service (coracle has none: an error).
    #[arg(long, global = true)]
    pub remote: bool,
}
