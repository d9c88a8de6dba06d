//! `import URL`: the archive downloaded over HTTP(S) into a temp file of the store.

use std::fs::File;
use std::io::{Seek, Write};
use std::time::Duration;

use coracle_storage::Store;

use super::ComposeError;

/// The largest archive `import URL` downloads (a bound on what a server may make
/// coracle write; a larger one can be downloaded by hand and imported as a file).
pub const MAX_DOWNLOAD: u64 = 32 << 30;

/// Download `url` into a new temp file of the store, rewound for reading. A status
/// other than success, or more than `MAX_DOWNLOAD` bytes, is an error naming it.
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
    let too_big = || {
        failed(&format!(
            "the archive is larger than {} GiB: download it yourself and import the file",
            MAX_DOWNLOAD >> 30
        ))
    };
    if response.content_length().is_some_and(|n| n > MAX_DOWNLOAD) {
        return Err(too_big());
    }
    let io_err = |what| move |e| ComposeError::Io(what, e);
    let mut file = tempfile::tempfile_in(&store.root).map_err(io_err("create a temp file"))?;
    let mut received: u64 = 0;
    while let Some(chunk) = response.chunk().await.map_err(|e| failed(&e))? {
        received += chunk.len() as u64;
        if received > MAX_DOWNLOAD {
            return Err(too_big());
        }
        file.write_all(&chunk)
            .map_err(io_err("write the download"))?;
    }
    file.rewind().map_err(io_err("rewind the download"))?;
    Ok(file)
}
