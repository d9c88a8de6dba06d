//! CA certificates for a registry, from certs.d directories (containers-certs.d(5)).

use std::path::{Path, PathBuf};

use crate::error::{ImageError, Result};
use crate::paths::ConfigPaths;

/// The directories searched for host[:port], in order.
pub fn cert_dirs(paths: &ConfigPaths, host_port: &str, cert_dir: Option<&Path>) -> Vec<PathBuf> {
    match cert_dir {
        Some(d) => vec![d.to_path_buf()],
        None => vec![
            paths.config_home.join("containers/certs.d").join(host_port),
            paths.etc_containers.join("certs.d").join(host_port),
            PathBuf::from("/etc/docker/certs.d").join(host_port),
        ],
    }
}

/// PEM bytes of every *.crt in those directories. Missing directories are fine;
/// with --cert-dir the directory must exist.
pub fn ca_certificates(
    paths: &ConfigPaths,
    host_port: &str,
    cert_dir: Option<&Path>,
) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for dir in cert_dirs(paths, host_port, cert_dir) {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && cert_dir.is_none() => continue,
            Err(e) => return Err(ImageError::io(&dir, e)),
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "crt"))
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

    #[test]
    fn reads_crt_files_in_order() {
        let d = std::env::temp_dir().join(format!("coracle-certs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        let p = ConfigPaths {
            etc_containers: d.join("etc"),
            config_home: d.join("cfg"),
            home: d.clone(),
            runtime_dir: None,
            registries_conf: None,
            auth_file: None,
        };
        let user = d.join("cfg/containers/certs.d/h:1");
        let sys = d.join("etc/certs.d/h:1");
        std::fs::create_dir_all(&user).unwrap();
        std::fs::create_dir_all(&sys).unwrap();
        std::fs::write(user.join("a.crt"), "U").unwrap();
        std::fs::write(user.join("client.key"), "K").unwrap();
        std::fs::write(sys.join("b.crt"), "S").unwrap();
        assert_eq!(
            ca_certificates(&p, "h:1", None).unwrap(),
            vec![b"U".to_vec(), b"S".to_vec()]
        );
        assert!(ca_certificates(&p, "other:2", None).unwrap().is_empty());
        assert_eq!(
            ca_certificates(&p, "x", Some(&sys)).unwrap(),
            vec![b"S".to_vec()]
        );
        let e = ca_certificates(&p, "x", Some(&d.join("missing")))
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing"), "{e}");
        let _ = std::fs::remove_dir_all(&d);
    }
}
