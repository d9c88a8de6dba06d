//! The image of a pod's infra container, made locally instead of pulled (the role of
//! Podman's `localhost/podman-pause`): one layer holding only the directories the
//! runtime mounts on. The infra process is coracle's own pause, which never execs, so
//! the image needs no binary.

use std::io::{Seek, Write};

use coracle_storage::{ImageSummary, Store};

use super::{commit_image, store_layer, ComposeError, Draft};

/// The name the infra image is stored under.
pub const INFRA_IMAGE: &str = "localhost/coracle-infra:latest";

/// The directories of the infra image's only layer.
const DIRS: [&str; 5] = ["dev", "etc", "proc", "sys", "tmp"];

/// A fixed creation time, so that every store makes the same image id.
const CREATED: &str = "1970-01-01T00:00:00Z";

/// The stored infra image, made first when the store has none.
pub fn ensure_infra_image(store: &Store) -> Result<ImageSummary, ComposeError> {
    if let Some(found) = store.db.find_by_name(INFRA_IMAGE)? {
        return Ok(found);
    }
    let io_err = |what| move |e| ComposeError::Io(what, e);
    let mut file = tempfile::tempfile_in(&store.root).map_err(io_err("create a temp file"))?;
    {
        let mut builder = tar::Builder::new(&mut file);
        for dir in DIRS {
            let mut header = tar::Header::new_ustar();
            header.set_entry_type(tar::EntryType::Directory);
            header.set_mode(if dir == "tmp" { 0o1777 } else { 0o755 });
            header.set_size(0);
            builder
                .append_data(&mut header, format!("{dir}/"), std::io::empty())
                .map_err(io_err("write the infra layer"))?;
        }
        builder.finish().map_err(io_err("write the infra layer"))?;
    }
    file.flush().map_err(io_err("write the infra layer"))?;
    file.rewind().map_err(io_err("rewind the infra layer"))?;
    let layer = store_layer(store, file)?;
    let draft = Draft {
        base_config: None,
        base_layers: Vec::new(),
        created_by: "coracle pod infra".into(),
        layer,
        changes: Vec::new(),
        created: CREATED.into(),
        comment: None,
        author: None,
        architecture: crate::platform::Platform::host().architecture,
    };
    let record = commit_image(store, &draft, Some(INFRA_IMAGE))?;
    store
        .db
        .image_by_id(&record.id)?
        .ok_or_else(|| ComposeError::BadBaseConfig("the infra image vanished".into()))
}
