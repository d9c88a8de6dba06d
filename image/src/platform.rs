//! Platforms (`--platform os/arch[/variant]`) in Go's naming, as registries use,
//! parsed and normalised as Podman (containerd's platforms package) does.

use std::fmt;

use crate::error::{ImageError, Result};

/// An OS, CPU architecture and optional variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform {
    /// Operating system, e.g. linux.
    pub os: String,
    /// Architecture, e.g. amd64, arm64.
    pub architecture: String,
    /// Variant, e.g. v7.
    pub variant: Option<String>,
}

const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

const KNOWN_ARCH: &[&str] = &[
    "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64",
    "ppc64le", "riscv64", "s390x", "sparc64", "wasm",
];

fn valid_part(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

fn normalize_os(os: &str) -> String {
    match os.to_ascii_lowercase().as_str() {
        "macos" => "darwin".into(),
        other => other.into(),
    }
}

/// Architecture aliases onto Go's names, and variants onto their canonical form
/// (arm64 "v8" and amd64 "v1" are no variant; a bare arm is v7).
fn normalize_arch(arch: &str, variant: Option<&str>) -> (String, Option<String>) {
    let arch = arch.to_ascii_lowercase();
    let variant = variant
        .map(str::to_ascii_lowercase)
        .filter(|v| !v.is_empty());
    let (a, v): (&str, Option<String>) = match (arch.as_str(), variant.as_deref()) {
        ("i386", _) => ("386", None),
        ("x86_64" | "x86-64" | "amd64", Some("v1")) => ("amd64", None),
        ("x86_64" | "x86-64" | "amd64", _) => ("amd64", variant),
        ("aarch64" | "arm64", Some("8" | "v8" | "v8.0")) => ("arm64", None),
        ("aarch64" | "arm64", Some("9" | "9.0" | "v9.0")) => ("arm64", Some("v9".into())),
        ("aarch64" | "arm64", _) => ("arm64", variant),
        ("armhf", _) => ("arm", Some("v7".into())),
        ("armel", _) => ("arm", Some("v6".into())),
        ("arm", None | Some("7")) => ("arm", Some("v7".into())),
        ("arm", Some(n @ ("5" | "6" | "8"))) => ("arm", Some(format!("v{n}"))),
        (other, _) => (other, variant),
    };
    (a.to_string(), v)
}

/// A variant's level where newer levels run older code (arm v5..v8, amd64 v1..v4).
fn level(arch: &str, variant: Option<&str>) -> Option<u32> {
    let n = |v: &str| v.strip_prefix('v').and_then(|n| n.parse::<u32>().ok());
    match (arch, variant) {
        ("arm", Some(v)) => n(v),
        ("amd64", None) => Some(1),
        ("amd64", Some(v)) => n(v),
        _ => None,
    }
}

impl Platform {
    /// Parse `os/arch[/variant]`, `os`, `arch` or `local`, as `podman --platform` does:
    /// a lone OS gets the host's architecture, a lone architecture the host's OS.
    pub fn parse(s: &str) -> Result<Platform> {
        let bad = || ImageError::InvalidPlatform(s.to_string());
        let trimmed = s.trim_matches('/');
        if trimmed == "local" {
            return Ok(Platform::host());
        }
        let parts: Vec<&str> = trimmed.split('/').collect();
        if !(1..=3).contains(&parts.len()) || !parts.iter().all(|p| valid_part(p)) {
            return Err(bad());
        }
        if parts.len() == 1 {
            let os = normalize_os(parts[0]);
            if KNOWN_OS.contains(&os.as_str()) {
                return Ok(Platform {
                    os,
                    ..Platform::host()
                });
            }
            let (architecture, variant) = normalize_arch(parts[0], None);
            if !KNOWN_ARCH.contains(&architecture.as_str()) {
                return Err(bad());
            }
            let variant = variant.filter(|_| !parts[0].eq_ignore_ascii_case("arm"));
            return Ok(Platform {
                os: Platform::host().os,
                architecture,
                variant,
            });
        }
        let (architecture, variant) = normalize_arch(parts[1], parts.get(2).copied());
        // A bare "arm" names no variant, so it matches any.
        let variant = variant.filter(|_| parts.len() == 3 || !parts[1].eq_ignore_ascii_case("arm"));
        Ok(Platform {
            os: normalize_os(parts[0]),
            architecture,
            variant,
        })
    }

    /// The platform this process runs on.
    pub fn host() -> Platform {
        let little = cfg!(target_endian = "little");
        let (architecture, variant) = match std::env::consts::ARCH {
            "x86_64" => ("amd64", None),
            "aarch64" => ("arm64", None),
            "arm" => ("arm", Some("v7".to_string())),
            "x86" => ("386", None),
            "powerpc64" if little => ("ppc64le", None),
            "powerpc64" => ("ppc64", None),
            "mips64" if little => ("mips64le", None),
            "mips" if little => ("mipsle", None),
            "loongarch64" => ("loong64", None),
            "sparc64" => ("sparc64", None),
            other => (other, None),
        };
        Platform {
            os: std::env::consts::OS.to_string(),
            architecture: architecture.to_string(),
            variant,
        }
    }

    /// Does an index entry's platform match? OS and architecture must be equal (after
    /// normalising aliases). Without a variant here any variant matches; with one, the
    /// entry's must be equal (arm64 "v8" equals none) or, for arm and amd64, an older
    /// level this one runs (arm v7 runs v6 and v5), as Podman falls back.
    pub fn matches(&self, os: &str, architecture: &str, variant: Option<&str>) -> bool {
        let (want_arch, want_variant) = normalize_arch(&self.architecture, self.variant.as_deref());
        let (arch, variant) = normalize_arch(architecture, variant);
        if normalize_os(&self.os) != normalize_os(os) || want_arch != arch {
            return false;
        }
        if self.variant.is_none() {
            return true;
        }
        match (
            level(&arch, want_variant.as_deref()),
            level(&arch, variant.as_deref()),
        ) {
            (Some(want), Some(have)) => have <= want,
            _ => want_variant == variant,
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.variant {
            Some(v) => write!(f, "{}/{}/{}", self.os, self.architecture, v),
            None => write!(f, "{}/{}", self.os, self.architecture),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Platform {
        Platform::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_normalises_and_prints() {
        let host = Platform::host();
        let cases = [
            ("linux/arm64", "linux/arm64"),
            ("linux/arm/v7", "linux/arm/v7"),
            ("linux/arm", "linux/arm"),
            ("linux/arm/7", "linux/arm/v7"),
            ("linux/armhf", "linux/arm/v7"),
            ("linux/armel", "linux/arm/v6"),
            ("linux/aarch64", "linux/arm64"),
            ("linux/arm64/v8", "linux/arm64"),
            ("linux/arm64/9", "linux/arm64/v9"),
            ("linux/x86_64", "linux/amd64"),
            ("Linux/AMD64", "linux/amd64"),
            ("linux/amd64/v1", "linux/amd64"),
            ("linux/amd64/v3", "linux/amd64/v3"),
            ("linux/i386", "linux/386"),
            ("linux/s390x", "linux/s390x"),
            ("linux/ppc64le/", "linux/ppc64le"),
            ("windows/amd64", "windows/amd64"),
            ("arm64", &format!("{}/arm64", host.os)),
            ("aarch64", &format!("{}/arm64", host.os)),
            ("armhf", &format!("{}/arm/v7", host.os)),
            ("arm", &format!("{}/arm", host.os)),
            ("linux", &format!("linux/{}", host.architecture)),
        ];
        for (input, want) in cases {
            let got = p(input).to_string();
            let want = match host.variant.as_deref() {
                Some(v) if input == "linux" => format!("{want}/{v}"),
                _ => want.to_string(),
            };
            assert_eq!(got, want, "{input}");
        }
        assert_eq!(p("local"), host);
        assert_eq!(p("linux/arm/v7").variant.as_deref(), Some("v7"));
        assert_eq!(p("linux/arm").variant, None);
    }

    #[test]
    fn bad_platforms_name_the_input() {
        for bad in ["", "/", "a/b/c/d", "linux/ar m", "notanarch", "linux//v7"] {
            let e = Platform::parse(bad)
                .map(|p| format!("{bad:?} -> {p}"))
                .unwrap_err()
                .to_string();
            assert!(e.contains(&format!("{bad:?}")), "{e}");
            assert!(e.contains("OS/ARCH"), "{e}");
        }
    }

    #[test]
    fn host_uses_go_names() {
        let h = Platform::host();
        assert_eq!(h.os, std::env::consts::OS);
        let want = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            other => other,
        };
        if matches!(std::env::consts::ARCH, "x86_64" | "aarch64") {
            assert_eq!(h.architecture, want);
            assert_eq!(h.variant, None);
        }
        assert!(KNOWN_ARCH.contains(&h.architecture.as_str()), "{h}");
        assert!(h.matches(&h.os, &h.architecture, h.variant.as_deref()));
    }

    #[test]
    fn matching() {
        let arm64 = p("linux/arm64");
        assert!(arm64.matches("linux", "arm64", Some("v8")));
        assert!(arm64.matches("linux", "arm64", None));
        assert!(arm64.matches("linux", "aarch64", None));
        assert!(!arm64.matches("linux", "amd64", None));
        assert!(!arm64.matches("windows", "arm64", None));
        let v8 = Platform {
            os: "linux".into(),
            architecture: "arm64".into(),
            variant: Some("v8".into()),
        };
        assert!(v8.matches("linux", "arm64", None));
        assert!(v8.matches("linux", "arm64", Some("v8")));
        assert!(!v8.matches("linux", "arm64", Some("v9")));
        let v7 = p("linux/arm/v7");
        assert!(v7.matches("linux", "arm", Some("v7")));
        assert!(v7.matches("linux", "arm", None), "a bare arm entry is v7");
        assert!(v7.matches("linux", "arm", Some("v6")), "v7 runs v6");
        assert!(!v7.matches("linux", "arm", Some("v8")));
        let v6 = p("linux/arm/v6");
        assert!(!v6.matches("linux", "arm", Some("v7")));
        assert!(!v6.matches("linux", "arm", None));
        assert!(p("linux/arm").matches("linux", "arm", Some("v5")));
        let amd = p("linux/amd64");
        assert!(amd.matches("linux", "amd64", Some("v3")), "no variant: any");
        let amd2 = p("linux/amd64/v2");
        assert!(amd2.matches("linux", "amd64", None));
        assert!(!amd2.matches("linux", "amd64", Some("v3")));
        let s390 = p("linux/s390x");
        assert!(!s390.matches("linux", "amd64", None));
    }
}
