//! A container's life as a whole: [`launch`] creates it from an image and a saved
//! spec, starts it in the foreground and settles its end; [`control`] reads its state
//! truthfully and stops, signals, waits for and removes it; [`exec`] runs a
//! further process in a running one, and [`top`] lists its processes. Detached containers are
//! held by [`crate::monitor`].

pub mod control;
pub mod exec;
pub mod launch;
pub mod top;
