//! `system check` of the unpacked layers: each layer directory is listed again (in
//! the user namespace, where its owners are mapped) and compared with the file list
//! recorded when it was unpacked ([`coracle_storage::layer_files`]).

use coracle_storage::layers::LayerStore;
use coracle_storage::{layer_files, Digest, Store};
use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::{run_in_userns, run_in_userns_for};

/// How many differing paths a problem names.
const NAMED_PATHS: usize = 5;

/// A layer directory that no longer matches its recorded file list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DamagedLayer {
    /// The layer's chain ID (names its directory).
    pub chain_id: Digest,
    /// What differs.
    pub problem: String,
}

/// Every damaged layer directory; layers without a recorded list are not judged.
pub fn damaged_layers(store: &Store, plan: Option<&UserNsPlan>) -> Result<Vec<DamagedLayer>> {
    let layers = LayerStore::new(&store.root).map_err(|e| RuntimeError::Start(e.to_string()))?;
    let chains = layers
        .list()
        .map_err(|e| RuntimeError::Start(e.to_string()))?;
    run_in_userns_for(plan, move || {
        let mut out = Vec::new();
        for chain_id in chains {
            let Some(recorded) = layers.recorded_files(&chain_id) else {
                continue;
            };
            let problem = match layer_files::list(&layers.path(&chain_id)) {
                Err(e) => format!("cannot be read: {e}"),
                Ok(now) => {
                    let differ = layer_files::differences(&recorded, &now);
                    if differ.is_empty() {
                        continue;
                    }
                    let mut named: Vec<String> = differ
                        .iter()
                        .take(NAMED_PATHS)
                        .map(|p| format!("/{p}"))
                        .collect();
                    if differ.len() > NAMED_PATHS {
                        named.push(format!("and {} more", differ.len() - NAMED_PATHS));
                    }
                    format!(
                        "files differ from when it was unpacked: {}",
                        named.join(", ")
                    )
                }
            };
            out.push(DamagedLayer { chain_id, problem });
        }
        Ok(out)
    })
}

/// Remove layer directories (with their file lists), inside the user namespace.
pub fn remove_layers(store: &Store, plan: Option<&UserNsPlan>, chains: &[Digest]) -> Result<()> {
    let layers = LayerStore::new(&store.root).map_err(|e| RuntimeError::Start(e.to_string()))?;
    run_in_userns(plan, move || {
        for c in chains {
            layers.remove(c).map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}
