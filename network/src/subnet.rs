//! IPv4 subnets (`10.88.0.0/16`): parsing, membership and host addresses.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

use crate::error::NetworkError;

/// An IPv4 network: a base address with its host bits zero, and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4Subnet {
    base: Ipv4Addr,
    prefix: u8,
}

impl Ipv4Subnet {
    /// A subnet from its base address and prefix; host bits of `addr` are cleared.
    pub fn new(addr: Ipv4Addr, prefix: u8) -> Option<Self> {
        if !(8..=30).contains(&prefix) {
            return None;
        }
        let mask = u32::MAX << (32 - prefix);
        Some(Ipv4Subnet {
            base: Ipv4Addr::from(u32::from(addr) & mask),
            prefix,
        })
    }

    /// The network address.
    pub fn base(&self) -> Ipv4Addr {
        self.base
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    /// Whether `addr` lies in this subnet.
    pub fn contains(&self, addr: Ipv4Addr) -> bool {
        let mask = u32::MAX << (32 - self.prefix);
        u32::from(addr) & mask == u32::from(self.base)
    }

    /// Whether the two subnets share any address.
    pub fn overlaps(&self, other: &Ipv4Subnet) -> bool {
        self.contains(other.base) || other.contains(self.base)
    }

    /// The `n`-th host address (1 is the first usable one, conventionally the
    /// gateway); `None` past the last usable address (the broadcast is excluded).
    pub fn host(&self, n: u32) -> Option<Ipv4Addr> {
        let size = 1u32 << (32 - self.prefix);
        if n == 0 || n >= size - 1 {
            return None;
        }
        Some(Ipv4Addr::from(u32::from(self.base) + n))
    }

    /// How many usable host addresses the subnet has.
    pub fn host_count(&self) -> u32 {
        (1u32 << (32 - self.prefix)) - 2
    }
}

impl fmt::Display for Ipv4Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.base, self.prefix)
    }
}

impl FromStr for Ipv4Subnet {
    type Err = NetworkError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |reason| NetworkError::InvalidSubnet {
            value: s.to_string(),
            reason,
        };
        let (addr, prefix) = s.split_once('/').ok_or_else(|| bad("no /LEN"))?;
        let addr: Ipv4Addr = addr.parse().map_err(|_| bad("not an IPv4 address"))?;
        let prefix: u8 = prefix.parse().map_err(|_| bad("prefix is not a number"))?;
        let subnet = Ipv4Subnet::new(addr, prefix).ok_or_else(|| bad("prefix must be 8 to 30"))?;
        if subnet.base != addr {
            return Err(bad("host bits are set"));
        }
        Ok(subnet)
    }
}

impl serde::Serialize for Ipv4Subnet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Ipv4Subnet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let s: Ipv4Subnet = "10.88.0.0/16".parse().unwrap();
        assert_eq!(s.to_string(), "10.88.0.0/16");
        assert_eq!(s.host(1), Some(Ipv4Addr::new(10, 88, 0, 1)));
        assert_eq!(s.host(65535), None);
        assert_eq!(s.host(65534), Some(Ipv4Addr::new(10, 88, 255, 254)));
        assert!(s.contains(Ipv4Addr::new(10, 88, 3, 4)));
        assert!(!s.contains(Ipv4Addr::new(10, 89, 0, 1)));
    }

    #[test]
    fn refuses_bad_subnets() {
        for bad in [
            "10.88.0.1/16",
            "10.88.0.0",
            "10.88.0.0/33",
            "x/8",
            "10.0.0.0/4",
        ] {
            assert!(bad.parse::<Ipv4Subnet>().is_err(), "{bad}");
        }
    }

    #[test]
    fn overlap() {
        let a: Ipv4Subnet = "10.88.0.0/16".parse().unwrap();
        let b: Ipv4Subnet = "10.88.5.0/24".parse().unwrap();
        let c: Ipv4Subnet = "10.89.0.0/24".parse().unwrap();
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c));
    }
}
