//! coracle-image: image references, registry configuration and credentials,
//! the registry client, manifests, and the pull and push pipelines.

pub mod archive;
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
pub mod record;
pub mod reference;
pub mod registries;
pub mod sink;
pub mod transfer_error;
pub mod transport;

pub use error::ImageError;
pub use reference::Reference;
pub use transfer_error::TransferError;
