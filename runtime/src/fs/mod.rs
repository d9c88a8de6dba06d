//! The container's filesystem: image layers (unpacked, also while they download),
//! the overlay root, paths resolved inside that root, files replaced inside a
//! directory without following its symlinks, mount flags, the mounts built
//! before pivot_root, keep-id's /etc entries, `--tz`'s zone file and `--sysctl`'s
//! writes into the container's /proc, and whether a store's ext4 has a journal.

pub mod changes;
pub mod copy_up;
pub mod cp;
pub mod disk_usage;
pub mod ext4;
pub mod inroot;
pub mod keep_id;
pub mod layer_check;
pub mod layers;
pub mod mounts_spec;
pub mod overlay;
pub mod replace_in;
pub mod rootfs;
pub mod stream_unpack;
pub mod sysctl;
pub mod timezone;
