//! Keeping the monitor's resident set small: once started, it unmaps the pages of
//! its program and libraries it touched while starting (clean file pages, shared
//! with the page cache); the relay loop faults back in only the few it runs.

/// A mapping whose pages may be dropped: file-backed, not writable, and without any
/// private (anonymous) copy of a page, so its contents are the file's.
fn droppable(smaps: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let Some(first) = fields.next() else { continue };
        if let Some((start, end)) = first.split_once('-').filter(|_| !first.ends_with(':')) {
            let perms = fields.next().unwrap_or("");
            let inode = fields.nth(2).unwrap_or("0");
            current = None;
            if inode != "0" && perms.as_bytes().get(1) == Some(&b'-') {
                if let (Ok(s), Ok(e)) = (
                    usize::from_str_radix(start, 16),
                    usize::from_str_radix(end, 16),
                ) {
                    current = Some((s, e));
                }
            }
        } else if first == "Anonymous:" {
            if let (Some(range), Some("0")) = (current.take(), fields.next()) {
                out.push(range);
            }
        }
    }
    out
}

/// Drop the clean file pages of every droppable mapping (best effort).
pub fn drop_clean_file_pages() {
    let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
        return;
    };
    for (start, end) in droppable(&smaps) {
        let _ = crate::sys::drop_pages(start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unwritten_file_mappings_are_dropped() {
        let smaps = "\
55d0-55e0 r-xp 00001000 08:01 1234 /bin/x
Rss: 64 kB
Anonymous: 0 kB
55e0-55f0 r--p 00002000 08:01 1234 /bin/x
Anonymous: 4 kB
55f0-5600 rw-p 00003000 08:01 1234 /bin/x
Anonymous: 0 kB
5600-5610 r--p 00000000 00:00 0 [anon]
Anonymous: 0 kB
";
        assert_eq!(droppable(smaps), vec![(0x55d0, 0x55e0)]);
        // Our own process has some, and dropping them leaves it working.
        drop_clean_file_pages();
        assert!(!droppable(&std::fs::read_to_string("/proc/self/smaps").unwrap()).is_empty());
    }
}
