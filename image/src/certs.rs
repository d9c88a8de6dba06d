//! CA certificates for a registry, from certs.d directories (containers-certs.d(5)).
//! Client certificate/key pairs (*.cert, *.key) are not used.

use std::path::{Path, PathBuf};

use crate::error::{ImageError, Result};
use crate::paths::ConfigPaths;

/// Docker's per-host certificate directory, also read by Podman.
const DOCKER_CERTS_D: &str = "/etc/docker/certs.d";

/// The directories searched for host\[:port\], in order: only `cert_dir` when given
/// (--cert-dir), else config_home/containers/certs.d/HOST, etc_containers/certs.d/HOST
/// and /etc/docker/certs.d/HOST.
pub fn cert_dirs(paths: &ConfigPaths, host_port: &str, cert_dir: Option<&Path>) -> Vec<PathBuf> {
    match cert_dir {
        Some(d) => vec![d.to_path_buf()],
        None => vec![
            paths.config_home.join("containers/certs.d").join(host_port),
            paths.etc_containers.join("certs.d").join(host_port),
            Path::new(DOCKER_CERTS_D).join(host_port),
        ],
    }
}

/// PEM bytes of every *.crt file in those directories (directory order, then file
/// name order). Missing directories are fine, as in Podman; unreadable ones are errors.
pub fn ca_certificates(
    paths: &ConfigPaths,
    host_port: &str,
    cert_dir: Option<&Path>,
) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for dir in cert_dirs(paths, host_port, cert_dir) {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(ImageError::io(&dir, e)),
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "crt") && p.is_file())
            .collect();
        files.sort();
        for f in files {
            out.push(std::fs::read(&f).map_err(|e| ImageError::io(&f, e))?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, s: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    }

    #[test]
    fn directory_order() {
        let p = ConfigPaths::under(Path::new("/r"));
        assert_eq!(
            cert_dirs(&p, "h:1", None),
            [
                PathBuf::from("/r/home/.config/containers/certs.d/h:1"),
                PathBuf::from("/r/etc/containers/certs.d/h:1"),
                PathBuf::from("/etc/docker/certs.d/h:1"),
            ]
        );
        assert_eq!(
            cert_dirs(&p, "h:1", Some(Path::new("/mine"))),
            [PathBuf::from("/mine")]
        );
    }

    #[test]
    fn reads_crt_files_in_order() {
        let d = tempfile::tempdir().unwrap();
        let p = ConfigPaths::under(d.path());
        let user = p.config_home.join("containers/certs.d/h:1");
        let sys = p.etc_containers.join("certs.d/h:1");
        write(&user.join("b.crt"), "U2");
        write(&user.join("a.crt"), "U1");
        write(&user.join("client.cert"), "C");
        write(&user.join("client.key"), "K");
        write(&user.join("sub.crt/x.crt"), "nested");
        write(&sys.join("ca.crt"), "S");
        write(&p.etc_containers.join("certs.d/h/other.crt"), "wrong host");
        assert_eq!(
            ca_certificates(&p, "h:1", None).unwrap(),
            [b"U1".to_vec(), b"U2".to_vec(), b"S".to_vec()]
        );
        assert!(ca_certificates(&p, "other:2", None).unwrap().is_empty());
        // --cert-dir replaces the search; a missing one is fine (as Podman).
        assert_eq!(
            ca_certificates(&p, "h:1", Some(&sys)).unwrap(),
            [b"S".to_vec()]
        );
        let missing = d.path().join("missing");
        assert!(ca_certificates(&p, "h:1", Some(&missing))
            .unwrap()
            .is_empty());
        // A --cert-dir that is a file is an error naming it.
        let file = sys.join("ca.crt");
        let e = ca_certificates(&p, "h:1", Some(&file))
            .unwrap_err()
            .to_string();
        assert!(e.contains("ca.crt"), "{e}");
    }
}
