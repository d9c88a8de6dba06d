//! Push: send a stored image's blobs (skipping those the registry has) and then its
//! manifest, byte for byte, so the pushed digest equals the stored one.

use coracle_storage::{Digest, ImageSummary, Store};
use reqwest::header::HeaderValue;

use crate::client::{RegistryClient, TransportOptions};
use crate::paths::ConfigPaths;
use crate::reference::Reference;
use crate::registries::RegistriesConf;
use crate::transfer_error::TransferError;

/// Progress lines of a push.
pub trait PushProgress {
    /// A blob is being sent, or was skipped because the registry has it.
    fn blob(&self, digest: &Digest, skipped: bool);
}

/// Push `image` to `dest`. Returns the digest of the pushed manifest.
pub async fn push(
    store: &Store,
    paths: &ConfigPaths,
    conf: &RegistriesConf,
    image: &ImageSummary,
    dest: &Reference,
    transport: &TransportOptions,
    progress: &dyn PushProgress,
) -> Result<Digest, TransferError> {
    let _lock = store.shared_lock()?;
    let rc = RegistryClient::connect(
        &dest.registry,
        Some(&dest.repository),
        paths,
        conf,
        transport,
    )
    .await?;
    let oci_ref = dest.to_oci();
    let what = dest.to_string();
    rc.client
        .auth(&oci_ref, &rc.auth, oci_client::RegistryOperation::Push)
        .await
        .map_err(|e| rc.error(&what, e))?;
    let rec = &image.record;
    let mut blobs: Vec<&Digest> = rec.layers.iter().map(|l| &l.digest).collect();
    blobs.push(&rec.config_digest);
    for digest in blobs {
        let exists = rc
            .client
            .blob_exists(&oci_ref, digest.as_str())
            .await
            .map_err(|e| rc.error(&what, e))?;
        progress.blob(digest, exists);
        if !exists {
            let data = store.blobs.read(digest)?;
            rc.client
                .push_blob(&oci_ref, data, digest.as_str())
                .await
                .map_err(|e| rc.error(&what, e))?;
        }
    }
    let manifest = store.blobs.read(&rec.manifest_digest)?;
    let content_type = HeaderValue::from_str(&rec.manifest_media_type).map_err(|_| {
        TransferError::BadManifest(format!("media type {:?}", rec.manifest_media_type))
    })?;
    rc.client
        .push_manifest_raw(&oci_ref, manifest.clone(), content_type)
        .await
        .map_err(|e| rc.error(&what, e))?;
    Ok(Digest::of_bytes(&manifest))
}
