//! On-disk cache of the compiled default profile, so only the first run compiles it.

use super::{compile, default_profile, Arch, Program, PROFILE_VERSION};
use crate::caps::CapSet;
use crate::error::Result;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The cache file for the default profile of (`PROFILE_VERSION`, `arch`, `caps`).
pub fn cache_path(cache_dir: &Path, arch: Arch, caps: &CapSet) -> PathBuf {
    let key = format!(
        "{PROFILE_VERSION}\0{}\0{:016x}",
        arch.name(),
        caps.to_mask()
    );
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    cache_dir.join(format!("seccomp-default-{hex}.bpf"))
}

/// The compiled default profile for `caps` on the host, read from `cache_dir` when a
/// valid copy is there, else compiled and stored (temp file + rename). A cache that
/// cannot be written is not an error: the compiled program is returned anyway.
pub fn cached_default(cache_dir: &Path, caps: &CapSet) -> Result<Program> {
    let arch = Arch::host()?;
    let path = cache_path(cache_dir, arch, caps);
    if let Some(program) = std::fs::read(&path)
        .ok()
        .and_then(|b| Program::from_bytes(&b))
    {
        return Ok(program);
    }
    let program = compile(&default_profile(caps, arch), arch)?;
    let _ = store(cache_dir, &path, &program);
    Ok(program)
}

fn store(cache_dir: &Path, path: &Path, program: &Program) -> std::io::Result<()> {
    std::fs::create_dir_all(cache_dir)?;
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    std::fs::write(&tmp, program.to_bytes())?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
