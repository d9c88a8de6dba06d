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

#[cfg(test)]
mod tests {
    use super::*;

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
