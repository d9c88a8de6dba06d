//! On-disk cache of the compiled default profile, so only the first run compiles it.
//!
//! A cache file is trusted only when it proves it is whole and current: it starts with
//! a magic, names the coracle version and profile version that wrote it, and carries
//! the SHA-256 of the program that follows; the program itself must have at least one
//! filter, every filter at least one instruction and a return as its last. Anything
//! else (a truncated or garbled file, one of another coracle version, an empty
//! program) is recompiled and rewritten, never installed.

use super::{compile, default_profile, Arch, Program, PROFILE_VERSION};
use crate::error::Result;
use crate::security::caps::CapSet;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Magic at the start of a cache file.
const CACHE_MAGIC: &[u8; 8] = b"CRSCC001";

/// The layout of the compiled program: 2 is one filter (1 was one filter per action).
const LAYOUT: u32 = 2;

/// The writer a cache file must name: this build's version, profile version and
/// program layout.
fn writer() -> String {
    format!(
        "coracle {} profile {PROFILE_VERSION} layout {LAYOUT}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Classes and operations of BPF instructions.
const BPF_RET: u16 = 0x06;
const BPF_JMP: u16 = 0x05;
const BPF_JA: u16 = 0x00;

/// The cache file for the default profile of (this coracle, `PROFILE_VERSION`, `arch`,
/// `caps`).
pub fn cache_path(cache_dir: &Path, arch: Arch, caps: &CapSet) -> PathBuf {
    let key = format!("{}\0{}\0{:016x}", writer(), arch.name(), caps.to_mask());
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
    if let Some(program) = std::fs::read(&path).ok().and_then(|b| decode(&b)) {
        return Ok(program);
    }
    let program = compile(&default_profile(caps, arch), arch)?;
    let _ = store(cache_dir, &path, &program);
    Ok(program)
}

/// A cache file's bytes for `program`.
pub(super) fn encode(program: &Program) -> Vec<u8> {
    let body = program.to_bytes();
    let writer = writer();
    let mut out = CACHE_MAGIC.to_vec();
    out.extend((writer.len() as u16).to_le_bytes());
    out.extend(writer.as_bytes());
    out.extend(Sha256::digest(&body));
    out.extend(body);
    out
}

/// The program in a cache file, when the file is valid (see the module's documentation).
pub(super) fn decode(bytes: &[u8]) -> Option<Program> {
    let rest = bytes.strip_prefix(CACHE_MAGIC.as_slice())?;
    let (len, rest) = rest.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_le_bytes(*len));
    let (written_by, rest) = rest.split_at_checked(len)?;
    if written_by != writer().as_bytes() {
        return None;
    }
    let (sum, body) = rest.split_first_chunk::<32>()?;
    if Sha256::digest(body).as_slice() != sum {
        return None;
    }
    let program = Program::from_bytes(body)?;
    let sound = !program.filters().is_empty() && program.filters().iter().all(|f| well_formed(f));
    sound.then_some(program)
}

/// A filter with at least one instruction, a return as its last, and every jump
/// landing inside it (what the kernel checks too, so a bad one is caught here, where
/// it can still be recompiled).
fn well_formed(filter: &[seccompiler::sock_filter]) -> bool {
    let len = filter.len();
    let inside = |from: usize, offset: usize| from + 1 + offset < len;
    filter.last().is_some_and(|i| i.code & 0x07 == BPF_RET)
        && filter
            .iter()
            .enumerate()
            .all(|(at, i)| match i.code & 0x07 {
                BPF_JMP if i.code & 0xf0 == BPF_JA => inside(at, i.k as usize),
                BPF_JMP => inside(at, usize::from(i.jt)) && inside(at, usize::from(i.jf)),
                _ => true,
            })
}

fn store(cache_dir: &Path, path: &Path, program: &Program) -> std::io::Result<()> {
    std::fs::create_dir_all(cache_dir)?;
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    std::fs::write(&tmp, encode(program))?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled() -> Program {
        let arch = Arch::host().unwrap();
        compile(&default_profile(&CapSet::default_set(), arch), arch).unwrap()
    }

    /// Plant `bytes` as the cache file, then check that `cached_default` ignores it:
    /// it returns the freshly compiled program and rewrites the file.
    fn recompiled_instead_of(what: &str, bytes: &[u8]) {
        let dir = tempfile::tempdir().unwrap();
        let caps = CapSet::default_set();
        let path = cache_path(dir.path(), Arch::host().unwrap(), &caps);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(
            cached_default(dir.path(), &caps).unwrap(),
            compiled(),
            "{what}"
        );
        assert_eq!(
            decode(&std::fs::read(&path).unwrap()),
            Some(compiled()),
            "{what}: the cache was not rewritten"
        );
    }

    #[test]
    fn a_valid_cache_file_round_trips() {
        let program = compiled();
        assert_eq!(decode(&encode(&program)), Some(program));
    }

    #[test]
    fn programs_without_filters_or_instructions_are_recompiled() {
        recompiled_instead_of("no filters", &encode(&Program { filters: vec![] }));
        let mut empty_filter = compiled();
        empty_filter.filters[0].clear();
        recompiled_instead_of("an empty filter", &encode(&empty_filter));
        let mut cut = compiled();
        cut.filters[0].pop();
        recompiled_instead_of("a filter cut short", &encode(&cut));
        let mut no_return = compiled();
        if let Some(last) = no_return.filters[0].last_mut() {
            last.code = 0x20;
        }
        recompiled_instead_of(
            "a filter that does not end in a return",
            &encode(&no_return),
        );
        let mut wild_jump = compiled();
        if let Some(jump) = wild_jump.filters[0]
            .iter_mut()
            .find(|i| i.code & 0x07 == BPF_JMP)
        {
            jump.jt = 255;
            jump.jf = 255;
            jump.k = 1 << 20;
        }
        recompiled_instead_of("a jump past the end", &encode(&wild_jump));
    }

    #[test]
    fn truncated_and_garbled_files_are_recompiled() {
        let good = encode(&compiled());
        recompiled_instead_of("truncated", &good[..good.len() - 8]);
        recompiled_instead_of("header only", &good[..20]);
        recompiled_instead_of("empty", b"");
        let mut flipped = good.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x40;
        recompiled_instead_of("a flipped bit in the program", &flipped);
        recompiled_instead_of("the old format", &compiled().to_bytes());
    }

    #[test]
    fn a_file_written_by_another_version_is_recompiled() {
        let good = encode(&compiled());
        let writer = writer();
        let other = writer.replace("coracle ", "coracle 0.0.0-other ");
        let mut bytes = CACHE_MAGIC.to_vec();
        bytes.extend((other.len() as u16).to_le_bytes());
        bytes.extend(other.as_bytes());
        bytes.extend(&good[CACHE_MAGIC.len() + 2 + writer.len()..]);
        recompiled_instead_of("another coracle version", &bytes);
    }
}
