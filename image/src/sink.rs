//! The hook that lets a pull hand each layer's bytes to an unpacker while they
//! download, so that download and unpack are one streaming pipeline. The image crate
//! only copies bytes and reports whether the blob verified; unpacking (which needs
//! the user namespace) lives in the runtime crate.

use std::pin::Pin;

use coracle_storage::Digest;
use futures_util::future::BoxFuture;
use tokio::io::AsyncWrite;

/// A layer about to be downloaded.
#[derive(Clone, Debug)]
pub struct LayerStart {
    /// The compressed blob's digest.
    pub digest: Digest,
    /// Its media type (says the compression).
    pub media_type: String,
    /// The uncompressed digest the image configuration gives it.
    pub diff_id: Digest,
    /// Its chain ID (names the unpacked layer directory).
    pub chain_id: Digest,
    /// The chain IDs of the layers below it, nearest first.
    pub lower: Vec<Digest>,
}

/// Where one layer's compressed bytes go, and how to end it.
pub struct LayerFeed {
    /// Receives every byte of the blob, in order, as it arrives.
    pub writer: Pin<Box<dyn AsyncWrite + Send>>,
    /// Called once the blob is complete and was verified (`true`) or failed (`false`),
    /// after `writer` is dropped. Resolves when the unpacked layer is committed
    /// (`Ok`) or discarded; an unpack failure comes back as the error message.
    pub finish: Box<dyn FnOnce(bool) -> BoxFuture<'static, Result<(), String>> + Send>,
}

/// Receives layers as a pull downloads them.
pub trait LayerSink: Send + Sync {
    /// Called when a layer's download starts. `Ok(None)` when the layer needs no
    /// unpacking (it is already there); an error fails the pull.
    fn begin(&self, layer: &LayerStart) -> Result<Option<LayerFeed>, String>;
}

impl LayerFeed {
    /// A feed that writes into a pipe (its write end), ended by `finish`. Must be
    /// called inside the tokio runtime that runs the pull.
    pub fn pipe<F>(write_end: std::os::fd::OwnedFd, finish: F) -> std::io::Result<LayerFeed>
    where
        F: FnOnce(bool) -> BoxFuture<'static, Result<(), String>> + Send + 'static,
    {
        let writer = tokio::net::unix::pipe::Sender::from_owned_fd(write_end)?;
        Ok(LayerFeed {
            writer: Box::pin(writer),
            finish: Box::new(finish),
        })
    }
}
