//! The container's process: starting it in its namespaces, its init, its standard
//! streams and terminal, relaying them, signals and supervision, and its exit code.

pub mod container;
pub mod detach;
pub mod early;
pub mod exec;
pub mod exitcode;
pub mod init;
pub mod join;
pub mod limits;
pub mod namespaces;
pub mod procfs;
pub mod pty;
pub mod relay;
pub mod signals;
pub mod stdio;
pub mod teardown;
