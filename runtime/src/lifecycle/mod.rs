//! A container's life as a whole: from an image and the user's options to a running
//! container, and its clean-up.

pub mod launch;
