//! Detach keys (Podman's `--detach-keys`): parsing the sequence and watching the
//! caller's typed input for it, for `attach`, `start -a` and `exec -it`.

use crate::error::{Result, RuntimeError};

/// Podman's default detach keys.
pub const DEFAULT_DETACH_KEYS: &str = "ctrl-p,ctrl-q";

/// `--detach-keys`: comma-separated keys, each one printable character or `ctrl-X`
/// (X a letter or one of @ [ \ ] ^ _), as Podman takes them; "" disables
/// detaching (no bytes).
pub fn parse_detach_keys(text: &str) -> Result<Vec<u8>> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|key| match key.strip_prefix("ctrl-") {
            Some(c) if c.len() == 1 => match c.as_bytes()[0] {
                b @ (b'a'..=b'z' | b'@' | b'[' | b'\\' | b']' | b'^' | b'_') => {
                    Ok(b.to_ascii_uppercase() & 0x1f)
                }
                _ => Err(key),
            },
            None if key.len() == 1 && key.as_bytes()[0].is_ascii_graphic() => {
                Ok(key.as_bytes()[0])
            }
            _ => Err(key),
        })
        .collect::<std::result::Result<Vec<u8>, &str>>()
        .map_err(|key| {
            RuntimeError::Start(format!(
                "invalid --detach-keys {text:?}: {key:?} is not a key; use a character or ctrl-X, separated by commas (such as ctrl-p,ctrl-q)"
            ))
        })
}

/// Watches a stream of typed bytes for the detach sequence.
#[derive(Debug, Clone)]
pub struct DetachWatch {
    keys: Vec<u8>,
    matched: usize,
}

impl DetachWatch {
    /// Watch for `keys` (none: never detach).
    pub fn new(keys: Vec<u8>) -> DetachWatch {
        DetachWatch { keys, matched: 0 }
    }

    /// Feed typed bytes: what to pass on, and whether the sequence was completed
    /// (then nothing after it is passed). A partial sequence is held back until the
    /// next byte shows it is not the sequence.
    pub fn feed(&mut self, typed: &[u8]) -> (Vec<u8>, bool) {
        let mut out = Vec::with_capacity(typed.len());
        if self.keys.is_empty() {
            out.extend_from_slice(typed);
            return (out, false);
        }
        for &b in typed {
            if b == self.keys[self.matched] {
                self.matched += 1;
                if self.matched == self.keys.len() {
                    self.matched = 0;
                    return (out, true);
                }
                continue;
            }
            out.extend_from_slice(&self.keys[..self.matched]);
            self.matched = usize::from(b == self.keys[0]);
            if self.matched == 0 {
                out.push(b);
            } else if self.keys.len() == 1 {
                self.matched = 0;
                return (out, true);
            }
        }
        (out, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys_as_podman() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), [0x10, 0x11]);
        assert_eq!(parse_detach_keys("").unwrap(), Vec::<u8>::new());
        assert_eq!(
            parse_detach_keys("a,ctrl-@,ctrl-[").unwrap(),
            [b'a', 0, 0x1b]
        );
        for bad in ["ctrl-", "ctrl-pp", "ctrl-1", "ab", "p,", "ctrl-P"] {
            let e = parse_detach_keys(bad).unwrap_err().to_string();
            assert!(e.contains("--detach-keys"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_watch_passes_everything_but_the_sequence() {
        let mut w = DetachWatch::new(vec![0x10, 0x11]);
        assert_eq!(w.feed(b"ab"), (b"ab".to_vec(), false));
        // A held-back prefix is given back when the next byte differs.
        assert_eq!(w.feed(&[0x10]), (vec![], false));
        assert_eq!(w.feed(b"x"), (vec![0x10, b'x'], false));
        assert_eq!(w.feed(&[0x10, 0x10]), (vec![0x10], false));
        assert_eq!(w.feed(&[0x11, b'z']), (vec![], true));
        let mut off = DetachWatch::new(vec![]);
        assert_eq!(off.feed(&[0x10, 0x11]), (vec![0x10, 0x11], false));
        let mut one = DetachWatch::new(vec![b'q']);
        assert_eq!(one.feed(b"aqb"), (b"a".to_vec(), true));
    }
}
