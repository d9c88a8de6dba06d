//! coracle-runtime: namespaces, id mapping, process start, pty, exec, capabilities
//! and seccomp. The container-start path is synchronous and single-threaded: it never
//! runs inside the tokio runtime that registry I/O uses (see the design notes).
//!
//! Building blocks for the rootless container start, each with one job:
//! - [`idmap`]: subordinate ids and the user-namespace uid/gid maps;
//! - [`caps`]: capability sets (`--cap-add/--cap-drop/--privileged`) and applying them;
//! - [`seccomp`]: the default profile, JSON profiles, BPF compilation, cache, install;
//! - [`passwd`]: `-u USER[:GROUP]` against the container's /etc/passwd and /etc/group;
//! - [`stdio`]: the container's standard streams (pipes, `/dev/null`) and fd hygiene;
//! - [`pty`]: `-t`'s pty from the container's own devpts, handed over a socket;
//! - [`relay`]: copying the container's streams to and from the caller;
//! - [`mounts_spec`]: parsing of `-v`, `--mount`, `--tmpfs` and `--device`;
//! - [`inroot`]: paths resolved and created inside the container's root only;
//! - [`overlay`]: the root filesystem (kernel overlay, or fuse-overlayfs from a helper
//!   outside the container's PID namespace);
//! - [`exitcode`]: the exit code of `coracle run`.
//!
//! Order inside the container process, after mounts and pivot_root, right before exec:
//! 1. `prctl(PR_SET_KEEPCAPS, 1)` so the permitted set survives the user switch;
//! 2. [`seccomp::install`] while CAP_SYS_ADMIN (in the user namespace) is still held
//!    (or [`seccomp::set_no_new_privs`] first, then install at any point);
//! 3. setgroups / setresgid / setresuid to the [`passwd::ExecUser`];
//! 4. [`caps::apply`];
//! 5. execve; map its errno with [`exitcode::exec_error_code`].

pub mod caps;
pub mod container;
pub mod error;
pub mod exitcode;
pub mod idmap;
pub mod init;
pub mod inroot;
pub mod keep_id;
pub mod launch;
pub mod layers;
pub mod mounts_spec;
pub mod overlay;
pub mod passwd;
pub mod pty;
pub mod relay;
pub mod rootfs;
pub mod seccomp;
pub mod signals;
pub mod stdio;
pub mod stream_unpack;
pub mod sys;
pub mod userns;

pub use error::{Result, RuntimeError};
