//! coracle-image: image references, registry configuration and credentials,
//! the registry client, manifests, and the pull and push pipelines.

pub mod auth;
pub mod certs;
pub mod client;
pub mod compose;
pub mod error;
pub mod lookup;
pub mod manifest;
pub mod paths;
pub mod platform;
pub mod pull;
pub mod push;
pub mod reference;
pub mod registries;
pub mod sink;
pub mod transfer_error;

pub use error::ImageError;
pub use reference::Reference;
pub use transfer_error::TransferError;
