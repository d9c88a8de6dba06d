//! Identities: subordinate id ranges and the user-namespace mapping, work done inside
//! a user namespace, and `-u USER[:GROUP]` against the container's passwd and group.

pub mod idmap;
pub mod passwd;
pub mod userns;
