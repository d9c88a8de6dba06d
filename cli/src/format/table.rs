//! Column alignment as Podman does it: Go's `text/tabwriter` with
//! `NewWriter(out, 12, 2, 2, ' ', 0)` (containers/common `report.NewWriterDefault`).

use std::io::Write;

use tabwriter::TabWriter;

/// Go's minwidth: a column is at least this wide, padding included.
const MIN_WIDTH: usize = 12;
/// Spaces added after the widest cell of a column.
const PADDING: usize = 2;

/// Align rows of tab-separated cells like Go's text/tabwriter as Podman
/// configures it, returning the text (each row ending in `\n`).
///
/// Each cell but a row's last one is padded with spaces to its column's width:
/// the widest cell of the column plus 2, and at least 12. As in Go, a column
/// spans only consecutive rows that have a cell in it, and a row's last cell is
/// not part of any column.
pub fn align(rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let text: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    align_text(text)
}

/// [`align`] for rows already joined: each ends in `\n`, its cells separated by tabs.
pub fn align_text(text: String) -> String {
    if let Some(aligned) = align_even(&text) {
        return aligned;
    }
    // The tabwriter crate pads to max(minwidth, cell) + padding; Go to
    // max(minwidth, cell + padding): the same widths with minwidth less padding.
    let mut tw = TabWriter::new(Vec::new())
        .minwidth(MIN_WIDTH - PADDING)
        .padding(PADDING);
    // Writing to a Vec cannot fail; fall back to the unaligned text if it ever does.
    if tw
        .write_all(text.as_bytes())
        .and_then(|()| tw.flush())
        .is_err()
    {
        return text;
    }
    match tw.into_inner() {
        Ok(bytes) => {
            let mut out = String::from_utf8_lossy(&bytes).into_owned();
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out
        }
        Err(_) => text,
    }
}

/// The common table, aligned directly (what tabwriter gives, a fifth of its cost):
/// printable ASCII only (a cell's width is its length), every line ending in `\n`
/// and having the same number of cells, at least two (so each column spans every
/// line). `None` for any other text.
fn align_even(text: &str) -> Option<String> {
    let body = text.strip_suffix('\n')?;
    let widths = even_widths(body.as_bytes())?;
    let mut out = String::with_capacity(text.len() * 2);
    let mut column = 0;
    let mut start = 0;
    for (i, b) in body.bytes().chain([b'\n']).enumerate() {
        if b != b'\t' && b != b'\n' {
            continue;
        }
        out.push_str(&body[start..i]);
        if b == b'\t' {
            out.extend(std::iter::repeat_n(
                ' ',
                widths[column] - (i - start) + PADDING,
            ));
            column += 1;
        } else {
            out.push('\n');
            column = 0;
        }
        start = i + 1;
    }
    Some(out)
}

/// The width of each column but the last of an even table (see [`align_even`]), in
/// one pass over its bytes; `None` when the lines are not such a table.
fn even_widths(body: &[u8]) -> Option<Vec<usize>> {
    let mut widths: Vec<usize> = Vec::new();
    let mut first_line = true;
    let mut column = 0;
    let mut start = 0;
    for (i, b) in body.iter().copied().chain([b'\n']).enumerate() {
        match b {
            b'\t' => {
                if column == widths.len() {
                    if !first_line {
                        return None;
                    }
                    widths.push(MIN_WIDTH - PADDING);
                }
                widths[column] = widths[column].max(i - start);
                column += 1;
                start = i + 1;
            }
            b'\n' => {
                if column != widths.len() || widths.is_empty() {
                    return None;
                }
                first_line = false;
                column = 0;
                start = i + 1;
            }
            b' '..=b'~' => {}
            _ => return None,
        }
    }
    Some(widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What tabwriter makes of `text` (the path [`align_even`] shortens).
    fn tabwriter(text: &str) -> String {
        let mut tw = TabWriter::new(Vec::new())
            .minwidth(MIN_WIDTH - PADDING)
            .padding(PADDING);
        tw.write_all(text.as_bytes()).unwrap();
        tw.flush().unwrap();
        let mut out = String::from_utf8(tw.into_inner().unwrap()).unwrap();
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }

    #[test]
    fn even_tables_are_aligned_as_tabwriter_does() {
        // Tables of 2 to 7 columns, cells empty, short and wider than the minimum.
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut even = 0;
        for _ in 0..300 {
            let columns = 2 + next(6) as usize;
            let lines = 1 + next(6) as usize;
            let mut text = String::new();
            for _ in 0..lines {
                let cells: Vec<String> = (0..columns)
                    .map(|_| {
                        "abc xyz-0123456789"
                            .chars()
                            .cycle()
                            .take(next(16) as usize)
                            .collect()
                    })
                    .collect();
                text.push_str(&cells.join("\t"));
                text.push('\n');
            }
            assert_eq!(align_text(text.clone()), tabwriter(&text), "{text:?}");
            even += usize::from(align_even(&text).is_some());
        }
        assert_eq!(even, 300);
    }

    #[test]
    fn other_tables_go_to_tabwriter() {
        for text in [
            "a\tb\nc\n",
            "a\tb\n\nc\td\n",
            "a\tb\nc\td",
            "only one cell\n",
            "caf\u{e9}\tb\nc\td\n",
            "a\x1b[1m\tb\nc\td\n",
            "a\r\tb\nc\td\n",
        ] {
            assert!(align_even(text).is_none(), "{text:?}");
            assert_eq!(align_text(text.to_string()), tabwriter(text), "{text:?}");
        }
    }

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn columns_are_at_least_twelve_wide() {
        let out = align(&rows(&[
            "REPOSITORY\tTAG\tIMAGE ID",
            "docker.io/library/alpine\tlatest\tc059bfaa849c",
        ]));
        assert_eq!(
            out,
            "REPOSITORY                TAG         IMAGE ID\n\
             docker.io/library/alpine  latest      c059bfaa849c\n"
        );
    }

    #[test]
    fn last_cell_is_not_padded() {
        assert_eq!(
            align(&rows(&["a\tb", "cc\td"])),
            "a           b\ncc          d\n"
        );
        assert_eq!(align(&rows(&["only", "lines"])), "only\nlines\n");
    }

    #[test]
    fn wide_cells_get_two_spaces() {
        let out = align(&rows(&["abcdefghijklmn\tx"]));
        assert_eq!(out, "abcdefghijklmn  x\n");
    }

    #[test]
    fn trailing_tab_pads_last_column() {
        assert_eq!(align(&rows(&["a\t"])), "a           \n");
    }

    #[test]
    fn column_blocks_break_on_rows_without_the_column() {
        let out = align(&rows(&["averyveryverylongcell\tx", "no tabs here", "a\ty"]));
        assert_eq!(
            out,
            "averyveryverylongcell  x\nno tabs here\na           y\n"
        );
    }

    #[test]
    fn empty_input_gives_empty_text() {
        assert_eq!(align(&[]), "");
    }

    #[test]
    fn unicode_cells_align_by_width() {
        let out = align(&rows(&["héllo\tx", "ab\ty"]));
        assert_eq!(out, "héllo       x\nab          y\n");
    }
}
