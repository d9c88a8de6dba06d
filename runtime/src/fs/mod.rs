//! The container's filesystem: image layers (unpacked, also while they download),
//! the overlay root, paths resolved inside that root, mount flags, the mounts built
//! before pivot_root, and keep-id's /etc entries.

pub mod cp;
pub mod inroot;
pub mod keep_id;
pub mod layers;
pub mod mounts_spec;
pub mod overlay;
pub mod rootfs;
pub mod stream_unpack;
