//! Validated sha256 content digests.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256};

use crate::error::{Result, StorageError};

/// A validated content digest "sha256:<64 lowercase hex>". serde as a string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest(String);

impl Digest {
    /// Parse and validate `algorithm:hex`; only sha256 is supported.
    pub fn parse(s: &str) -> Result<Digest> {
        let invalid = |why: &str| StorageError::InvalidDigest(format!("{s}: {why}"));
        let (algo, hex) = s
            .split_once(':')
            .ok_or_else(|| invalid("missing algorithm prefix"))?;
        if algo != "sha256" {
            return Err(invalid(&format!("unsupported digest algorithm {algo}")));
        }
        if hex.len() != 64 {
            return Err(invalid(&format!(
                "expected 64 hex characters, found {}",
                hex.len()
            )));
        }
        if !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(invalid("not lowercase hex"));
        }
        Ok(Digest(s.to_owned()))
    }

    /// The sha256 digest of `data`.
    pub fn of_bytes(data: &[u8]) -> Digest {
        Digest::from_sha256(&Sha256::digest(data))
    }

    /// Build a digest from the 32 raw bytes a sha256 hasher produced.
    pub fn from_sha256(hasher_output: &[u8]) -> Digest {
        Digest(format!("sha256:{}", hex::encode(hasher_output)))
    }

    /// The 64 hex characters.
    pub fn hex(&self) -> &str {
        &self.0["sha256:".len()..]
    }

    /// The full "sha256:..." form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Digest {
    type Err = StorageError;
    fn from_str(s: &str) -> Result<Digest> {
        Digest::parse(s)
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Digest, D::Error> {
        let s = String::deserialize(d)?;
        Digest::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    #[test]
    fn parses_valid_digest() {
        let d = Digest::parse(&format!("sha256:{HEX}")).unwrap();
        assert_eq!(d.hex(), HEX);
        assert_eq!(d.as_str(), format!("sha256:{HEX}"));
        assert_eq!(d.to_string().parse::<Digest>().unwrap(), d);
    }

    #[test]
    fn of_bytes_is_sha256() {
        assert_eq!(Digest::of_bytes(b"hello").hex(), HEX);
    }

    #[test]
    fn rejects_bad_hex() {
        let upper = format!("sha256:{}", HEX.to_uppercase());
        let err = Digest::parse(&upper).unwrap_err().to_string();
        assert!(err.contains(&upper), "{err}");
        assert!(Digest::parse(&format!("sha256:{}g", &HEX[..63])).is_err());
    }

    #[test]
    fn rejects_bad_length() {
        assert!(Digest::parse(&format!("sha256:{}", &HEX[..63])).is_err());
        assert!(Digest::parse(&format!("sha256:{HEX}0")).is_err());
        assert!(Digest::parse(HEX).is_err());
    }

    #[test]
    fn rejects_other_algorithm() {
        let err = Digest::parse(&format!("sha512:{HEX}"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("unsupported digest algorithm sha512"), "{err}");
    }

    #[test]
    fn serde_roundtrip_validates() {
        let d = Digest::of_bytes(b"x");
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, format!("\"{d}\""));
        assert_eq!(serde_json::from_str::<Digest>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Digest>("\"sha256:abc\"").is_err());
    }
}
