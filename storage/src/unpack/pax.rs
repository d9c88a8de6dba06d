//! PAX extended header records: `"%d %s=%s\n"`, the length counting the whole record.
//! Values are bytes (xattr values may hold newlines), so records are split by their
//! length, never by newlines.

/// The records of one PAX header, in the order they appear.
#[derive(Debug, Default)]
pub(crate) struct PaxRecords(Vec<(Vec<u8>, Vec<u8>)>);

impl PaxRecords {
    /// The value of the last record named `key`.
    pub fn get(&self, key: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key.as_bytes())
            .map(|(_, v)| v.as_slice())
    }

    /// Every record, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.0.iter().map(|(k, v)| (k.as_slice(), v.as_slice()))
    }
}

/// Parse the data of a PAX header.
pub(crate) fn parse(mut data: &[u8]) -> Result<PaxRecords, String> {
    let bad = |why: &str| format!("malformed PAX record: {why}");
    let mut records = Vec::new();
    while !data.is_empty() {
        let space = data
            .iter()
            .take(20)
            .position(|b| *b == b' ')
            .ok_or_else(|| bad("no length"))?;
        let len = number(&data[..space]).ok_or_else(|| bad("bad length"))?;
        let len = usize::try_from(len).map_err(|_| bad("bad length"))?;
        if len <= space + 1 || len > data.len() {
            return Err(bad("length out of range"));
        }
        let (record, rest) = data.split_at(len);
        data = rest;
        let body = record[space + 1..]
            .strip_suffix(b"\n")
            .ok_or_else(|| bad("no newline at its end"))?;
        let equals = body
            .iter()
            .position(|b| *b == b'=')
            .ok_or_else(|| bad("no \"=\""))?;
        if equals == 0 {
            return Err(bad("empty key"));
        }
        records.push((body[..equals].to_vec(), body[equals + 1..].to_vec()));
    }
    Ok(PaxRecords(records))
}

/// A decimal number of digits only (no sign, no spaces).
pub(crate) fn number(text: &[u8]) -> Option<u64> {
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(text).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_split_by_length_and_keep_newlines_in_values() {
        let value = b"a\nb";
        let body = format!("SCHILY.xattr.user.x={}\n", String::from_utf8_lossy(value));
        let mut data = format!("{} {body}", body.len() + 3).into_bytes();
        data.extend(b"12 path=abc\n");
        let r = parse(&data).unwrap();
        assert_eq!(r.get("SCHILY.xattr.user.x"), Some(value.as_slice()));
        assert_eq!(r.get("path"), Some(b"abc".as_slice()));
        assert_eq!(r.iter().count(), 2);
    }

    #[test]
    fn the_last_record_of_a_key_wins() {
        let r = parse(b"10 size=1\n10 size=2\n").unwrap();
        assert_eq!(r.get("size"), Some(b"2".as_slice()));
        assert_eq!(r.get("none"), None);
    }

    #[test]
    fn malformed_records_are_refused() {
        for bad in [
            &b"x size=1\n"[..],
            b"99 size=1\n",
            b"10 size=1x",
            b"9 size1\n\n",
            b"6 =12\n",
            b"1 \n",
            b"-5 a=b\n",
        ] {
            assert!(parse(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn numbers_are_plain_decimal() {
        assert_eq!(number(b"4294967296"), Some(1 << 32));
        for bad in [&b""[..], b"+1", b" 1", b"1.5", b"99999999999999999999999"] {
            assert_eq!(number(bad), None);
        }
    }
}
