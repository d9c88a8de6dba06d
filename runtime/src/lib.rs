//! coracle-runtime: namespaces, id mapping, process start, pty, exec, capabilities
//! and seccomp. The container-start path is synchronous and single-threaded: it never
//! runs inside the tokio runtime that registry I/O uses (see the design notes).
//!
//! The modules are grouped by concern, each module with one job:
//! - [`lifecycle`]: a container's life as a whole ([`lifecycle::launch`]: from an image
//!   and options to a running container and its clean-up);
//! - [`monitor`]: the per-container monitor of a detached container and its
//!   k8s-file log ([`monitor::log`]);
//! - [`spec`]: the container's saved spec ([`spec::ContainerConfig`], namespaces as
//!   modes, restart policy, log settings);
//! - [`process`]: the container's process: [`process::container`] (clone into the
//!   namespaces, handshake, exec), [`process::init`] (`--init`), [`process::stdio`]
//!   (pipes, `/dev/null`, fd hygiene), [`process::pty`] (`-t`'s pty from the
//!   container's own devpts), [`process::relay`] (copying its streams),
//!   [`process::signals`] (the foreground supervisor), [`process::exitcode`];
//! - [`fs`]: the filesystem: [`fs::layers`] and [`fs::stream_unpack`] (unpacking),
//!   [`fs::overlay`] (kernel overlay or fuse-overlayfs), [`fs::inroot`] (paths resolved
//!   inside the root only), [`fs::mounts_spec`] (`-v`, `--mount`, `--tmpfs`,
//!   `--device`), [`fs::rootfs`] (the mounts before pivot_root), [`fs::keep_id`];
//! - [`ids`]: identities: [`ids::idmap`] (subordinate ids, uid/gid maps),
//!   [`ids::userns`] (work inside a user namespace), [`ids::passwd`] (`-u USER[:GROUP]`);
//! - [`security`]: [`security::caps`] (capability sets) and [`security::seccomp`]
//!   (profiles, BPF, cache, install);
//! - [`cgroups`]: the container's cgroup (v1 as root, v2), its limits and usage;
//! - [`sys`] and [`error`]: syscall wrappers and the crate's error type.
//!
//! Order inside the container process, after mounts and pivot_root, right before exec:
//! 1. `prctl(PR_SET_KEEPCAPS, 1)` so the permitted set survives the user switch;
//! 2. [`security::seccomp::install`] while CAP_SYS_ADMIN (in the user namespace) is still held
//!    (or [`security::seccomp::set_no_new_privs`] first, then install at any point);
//! 3. setgroups / setresgid / setresuid to the [`ids::passwd::ExecUser`];
//! 4. [`security::caps::apply`];
//! 5. execve; map its errno with [`process::exitcode::exec_error_code`].

pub mod cgroups;
pub mod error;
pub mod fs;
pub mod ids;
pub mod lifecycle;
pub mod monitor;
pub mod process;
pub mod security;
pub mod spec;
pub mod sys;

pub use error::{Result, RuntimeError};
