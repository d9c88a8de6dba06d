//! What confines the container process: capabilities and seccomp.

pub mod caps;
pub mod seccomp;
