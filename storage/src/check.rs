//! `system check` of the blobs and image records: every stored blob is hashed again
//! and compared with the digest it is named by, every blob an image refers to must
//! be there, and each image's configuration must list a diff ID per layer.

use std::collections::BTreeMap;

use crate::digest::Digest;
use crate::error::{Result, StorageError};
use crate::Store;

/// A damaged or missing blob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlobDamage {
    /// The blob.
    pub digest: Digest,
    /// What is wrong with it.
    pub problem: String,
}

/// The blobs that are damaged (content not matching the digest; skipped when
/// `quick`) or missing although an image refers to them, sorted by digest.
pub fn damaged_blobs(store: &Store, quick: bool) -> Result<Vec<BlobDamage>> {
    let mut out: BTreeMap<Digest, String> = BTreeMap::new();
    for image in store.db.list_images()? {
        let r = &image.record;
        let wanted = [&r.manifest_digest, &r.config_digest]
            .into_iter()
            .chain(r.layers.iter().map(|l| &l.digest));
        for d in wanted {
            if !store.blobs.contains(d) {
                out.insert(
                    d.clone(),
                    format!(
                        "missing (image {} refers to it)",
                        &r.id[..12.min(r.id.len())]
                    ),
                );
            }
        }
    }
    if !quick {
        for d in store.blobs.list()? {
            match store.blobs.verify(&d) {
                Ok(()) => {}
                Err(StorageError::DigestMismatch { actual, .. }) => {
                    out.insert(
                        d,
                        format!("content does not match its digest (it hashes to {actual})"),
                    );
                }
                Err(e) => {
                    out.insert(d, format!("cannot be read: {e}"));
                }
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|(digest, problem)| BlobDamage { digest, problem })
        .collect())
}

/// Images whose records do not hold together: a configuration that is not JSON or
/// lists a different number of diff IDs than the image has layers. (Images whose
/// blobs are missing or damaged are [`damaged_blobs`]'s.) Returns (id, problem).
pub fn inconsistent_images(store: &Store) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for image in store.db.list_images()? {
        let r = &image.record;
        let Ok(bytes) = store.blobs.read(&r.config_digest) else {
            continue;
        };
        let problem = match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Err(e) => format!("its configuration is not JSON: {e}"),
            Ok(config) => {
                let ids = config["rootfs"]["diff_ids"].as_array().map_or(0, Vec::len);
                if ids == r.layers.len() {
                    continue;
                }
                format!(
                    "its configuration lists {ids} diff IDs for {} layers",
                    r.layers.len()
                )
            }
        };
        out.push((r.id.clone(), problem));
    }
    Ok(out)
}

/// The ids of the images that refer to any of `digests`.
pub fn images_using(store: &Store, digests: &[Digest]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for image in store.db.list_images()? {
        let r = &image.record;
        let uses = |d: &Digest| {
            *d == r.manifest_digest
                || *d == r.config_digest
                || r.layers.iter().any(|l| l.digest == *d)
        };
        if digests.iter().any(uses) {
            out.push(r.id.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ImageRecord, LayerRef};

    #[test]
    fn a_changed_byte_and_a_missing_blob_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let put = |s: &str| {
            let d = Digest::of_bytes(s.as_bytes());
            store.blobs.put(&d, s.as_bytes()).unwrap();
            d
        };
        let (config, manifest, layer) = (put("config"), put("manifest"), put("layer"));
        let gone = Digest::of_bytes(b"gone");
        let layers = [&layer, &gone]
            .iter()
            .map(|d| LayerRef {
                digest: (*d).clone(),
                size: 1,
                media_type: "t".into(),
            })
            .collect();
        let rec = ImageRecord {
            id: config.hex().into(),
            digest: manifest.clone(),
            manifest_digest: manifest.clone(),
            manifest_media_type: "m".into(),
            config_digest: config.clone(),
            created: None,
            architecture: "amd64".into(),
            os: "linux".into(),
            variant: None,
            size: 3,
            layers,
            added: 0,
        };
        store.db.commit_image(&rec, Some("r/a:1"), None).unwrap();
        assert_eq!(
            damaged_blobs(&store, false).unwrap().len(),
            1,
            "only the missing one"
        );
        std::fs::write(store.blobs.path(&layer), "lAyer").unwrap();
        let found = damaged_blobs(&store, false).unwrap();
        let digests: Vec<&Digest> = found.iter().map(|d| &d.digest).collect();
        let mut expected = vec![&layer, &gone];
        expected.sort();
        assert_eq!(digests, expected);
        assert_eq!(
            damaged_blobs(&store, true).unwrap().len(),
            1,
            "quick skips hashing"
        );
        assert_eq!(
            images_using(&store, &[layer]).unwrap(),
            vec![rec.id.clone()]
        );
        assert!(images_using(&store, &[Digest::of_bytes(b"x")])
            .unwrap()
            .is_empty());
        // The configuration blob ("config") is no JSON at all.
        let found = inconsistent_images(&store).unwrap();
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("not JSON"), "{found:?}");
    }
}
