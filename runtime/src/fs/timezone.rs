//! `--tz`: the zone file bound onto the container's /etc/localtime. The zone is
//! looked up on the host (its zoneinfo, or its own /etc/localtime for `local`); the
//! copy lives in the container's directory and is bound like the other generated
//! /etc files, onto a target resolved inside the root.

use std::path::{Component, Path, PathBuf};

use crate::error::{Result, RuntimeError};

/// Where the host keeps its zone files.
pub const ZONEINFO: &str = "/usr/share/zoneinfo";

/// Zone files are small; anything larger is not one.
const MAX_ZONE_FILE: u64 = 1 << 20;

/// The host file for `--tz ZONE`: `local` is the host's /etc/localtime; any other
/// zone (`UTC`, `Asia/Tokyo`) must be a plain relative name of a zone file under
/// [`ZONEINFO`].
pub fn zone_file(zone: &str) -> Result<PathBuf> {
    let bad = |why: String| RuntimeError::Start(format!("invalid --tz {zone:?}: {why}"));
    let path = if zone == "local" {
        PathBuf::from("/etc/localtime")
    } else {
        let relative = Path::new(zone);
        if zone.is_empty()
            || !relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            return Err(bad(
                "give a zone name such as UTC or Europe/Berlin, or local".into(),
            ));
        }
        Path::new(ZONEINFO).join(relative)
    };
    match std::fs::metadata(&path) {
        Ok(m) if m.is_file() && m.len() <= MAX_ZONE_FILE => Ok(path),
        Ok(_) => Err(bad(format!("{} is not a zone file", path.display()))),
        Err(e) => Err(bad(format!(
            "no zone file {} on this host ({e}); install tzdata or pick another zone",
            path.display()
        ))),
    }
}

/// Copy the zone file of `zone` into `dir` as `localtime`; returns the copy.
pub fn copy_zone(zone: &str, dir: &Path) -> Result<PathBuf> {
    let source = zone_file(zone)?;
    let target = dir.join("localtime");
    std::fs::copy(&source, &target)
        .map_err(|e| RuntimeError::io("failed to copy the zone file to", &target, e))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_stay_in_zoneinfo() {
        for bad in [
            "",
            "../../etc/passwd",
            "/etc/passwd",
            "Europe/../../x",
            "./UTC",
        ] {
            assert!(zone_file(bad).is_err(), "{bad}");
        }
        assert!(zone_file("No/Such_Zone").is_err());
        if Path::new(ZONEINFO).join("UTC").is_file() {
            assert_eq!(zone_file("UTC").unwrap(), Path::new(ZONEINFO).join("UTC"));
        }
    }
}
