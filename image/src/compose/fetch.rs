//! `import URL`: the archive downloaded over HTTP(S) into a temp file of the store.

use std::fs::File;
use std::io::{Seek, Write};
use std::time::Duration;

use coracle_storage::Store;

use super::ComposeError;

/// Download `url` into a new temp file of the store, rewound for reading. A status
/// other than success is an error naming it.
pub async fn download(store: &Store, url: &str) -> Result<File, ComposeError> {
    let failed = |e: &dyn std::fmt::Display| ComposeError::Download {
        url: url.to_string(),
        why: e.to_string(),
    };
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(30))
        .read_timeout(Duration::from_secs(120))
        .user_agent(crate::client::USER_AGENT)
        .build()
        .map_err(|e| failed(&e))?;
    let mut response = client.get(url).send().await.map_err(|e| failed(&e))?;
    if !response.status().is_success() {
        return Err(failed(&format!(
            "the server answered {}",
            response.status()
        )));
    }
    let io_err = |what| move |e| ComposeError::Io(what, e);
    let mut file = tempfile::tempfile_in(&store.root).map_err(io_err("create a temp file"))?;
    while let Some(chunk) = response.chunk().await.map_err(|e| failed(&e))? {
        file.write_all(&chunk)
            .map_err(io_err("write the download"))?;
    }
    file.rewind().map_err(io_err("rewind the download"))?;
    Ok(file)
}
