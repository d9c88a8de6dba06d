//! Finding a stored image from what a user typed: a name (short or qualified, with
//! tag or digest), a full ID, or an unambiguous ID prefix — Podman's order.

use coracle_storage::{ImageSummary, Store};

use crate::reference::Reference;
use crate::registries::RegistriesConf;
use crate::transfer_error::TransferError;

/// Why a local lookup found nothing usable.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    /// Nothing matches.
    #[error("{0}: image not known")]
    NotFound(String),
    /// An ID prefix matches several images.
    #[error("{input}: image ID prefix is ambiguous ({count} images match)")]
    Ambiguous {
        /// What the user typed.
        input: String,
        /// How many matched.
        count: usize,
    },
    /// The store failed.
    #[error(transparent)]
    Storage(#[from] coracle_storage::StorageError),
}

impl From<LookupError> for TransferError {
    fn from(e: LookupError) -> Self {
        match e {
            LookupError::Storage(s) => TransferError::Storage(s),
            other => TransferError::NotFound {
                reference: other.to_string(),
            },
        }
    }
}

/// Is `s` shaped like an image ID or ID prefix ("sha256:" optional, 3 to 64 hex digits)?
pub fn looks_like_id(s: &str) -> bool {
    let hex = s.strip_prefix("sha256:").unwrap_or(s);
    (3..=64).contains(&hex.len())
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Find the stored image `input` names.
pub fn find_image(
    store: &Store,
    conf: &RegistriesConf,
    input: &str,
) -> Result<ImageSummary, LookupError> {
    if let Some(found) = find_by_name(store, conf, input)? {
        return Ok(found);
    }
    if looks_like_id(input) {
        let mut matches = store.db.find_by_id_prefix(input)?;
        return match matches.len() {
            0 => Err(LookupError::NotFound(input.to_string())),
            1 => Ok(matches.remove(0)),
            count => Err(LookupError::Ambiguous {
                input: input.to_string(),
                count,
            }),
        };
    }
    Err(LookupError::NotFound(input.to_string()))
}

/// The names a user's input may mean in the store, most specific first.
fn find_by_name(
    store: &Store,
    conf: &RegistriesConf,
    input: &str,
) -> Result<Option<ImageSummary>, LookupError> {
    let Ok(parsed) = Reference::parse(input) else {
        return Ok(None);
    };
    let key = |r: &Reference| {
        if r.digest.is_some() {
            r.digested_name()
        } else {
            r.tagged_name()
        }
    };
    if !Reference::is_short_name(input) {
        return match key(&parsed) {
            Some(k) => Ok(store.db.find_by_name(&k)?),
            None => Ok(None),
        };
    }
    // Short name: search registries and aliases first, then localhost, then any
    // stored name whose repository ends with the short name (Podman matches those too).
    let mut candidates: Vec<String> = conf
        .resolve(input)
        .unwrap_or_default()
        .iter()
        .filter_map(key)
        .collect();
    if let Some(k) = Reference::parse(&format!("localhost/{input}"))
        .ok()
        .as_ref()
        .and_then(key)
    {
        candidates.push(k);
    }
    for c in &candidates {
        if let Some(found) = store.db.find_by_name(c)? {
            return Ok(Some(found));
        }
    }
    if parsed.digest.is_none() {
        let short_repo = input.split(':').next().unwrap_or(input);
        let tag = parsed.tag.as_deref().unwrap_or("latest");
        let names = store
            .db
            .names_with_suffix(&format!("/{short_repo}:{tag}"))?;
        if let Some(first) = names.first() {
            return Ok(store.db.find_by_name(first)?);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::looks_like_id;

    #[test]
    fn id_shapes() {
        assert!(looks_like_id("abc"));
        assert!(looks_like_id("sha256:0123456789abcdef"));
        assert!(!looks_like_id("ab"));
        assert!(!looks_like_id("busybox"));
        assert!(!looks_like_id("ABCDEF"));
        assert!(!looks_like_id(&"a".repeat(65)));
    }
}
