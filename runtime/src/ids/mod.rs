//! Identities: subordinate id ranges and the user-namespace mapping, work done inside
//! a user namespace, the mapping a container asks for (`usermap`), and `-u USER[:GROUP]`
//! against the container's passwd and group.

pub mod auto;
pub mod idmap;
pub mod nested;
pub mod passwd;
pub mod usermap;
pub mod userns;
