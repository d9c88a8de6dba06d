//! `--format` output: Go templates over JSON items, with Podman's `table` prefix
//! (a header row and aligned columns). `--format json` is handled by callers.

pub mod table;
pub mod template;

use std::collections::BTreeMap;

use template::action_end;
pub use template::{Template, TemplateError};

/// Render `format` (a user's --format value, possibly starting with "table ") for
/// each item, one output line per item; with "table", a header line first (headers
/// from `headers` for known field names, else the upper-cased field name).
/// Returns the whole output text ending in "\n" (empty string for no items and no
/// table).
///
/// As Podman does: the literal two-character sequences `\t` and `\n` outside
/// actions become a tab and a newline; with "table", spaces outside actions
/// separate columns too; a newline is added when the format lacks one; and the
/// output's tab-separated cells are aligned as by Go's tabwriter.
pub fn render_items(
    format: &str,
    items: &[serde_json::Value],
    headers: &BTreeMap<&str, &str>,
) -> Result<String, TemplateError> {
    let (is_table, body) = match format.strip_prefix("table ") {
        Some(body) => (true, body),
        None => (false, format),
    };
    let tpl = Template::parse(&normalize(body, is_table))?;
    let mut text = if is_table {
        tpl.header(headers)
    } else {
        String::new()
    };
    for item in items {
        text.push_str(&tpl.render(item)?);
    }
    Ok(align_lines(&text))
}

/// Align rendered lines whose cells are separated by tabs, as [`render_items`]
/// does with a template's output.
pub fn align_lines(text: &str) -> String {
    // Text whose every line ends in `\n` is already the rows joined: aligned as it
    // is (splitting it into lines would also drop a `\r` before a `\n`).
    if !text.is_empty() && text.ends_with('\n') && !text.contains('\r') {
        return table::align_text(text.to_string());
    }
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    table::align(&rows)
}

/// Apply Podman's command-line munging to the text between actions: `\t` and `\n`
/// escapes, and (for tables) space as a column separator; end with a newline.
fn normalize(src: &str, is_table: bool) -> String {
    let mut out = String::with_capacity(src.len() + 1);
    let push_text = |out: &mut String, text: &str| {
        let text = text.replace("\\t", "\t").replace("\\n", "\n");
        out.push_str(&if is_table {
            text.replace(' ', "\t")
        } else {
            text
        });
    };
    let mut rest = src;
    while let Some(start) = rest.find("{{") {
        push_text(&mut out, &rest[..start]);
        let end = action_end(&rest[start..]).map_or(rest.len(), |e| start + e);
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    push_text(&mut out, rest);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn aligned_lines_are_the_aligned_rows_of_their_cells() {
        for text in [
            "",
            "\n",
            "ID\tNAME\na-much-longer-id\tx\n",
            "a\tb\tc\nd\n\ne\tf\n",
            "no newline\tat the end",
            "carriage\r\nreturn\tkept\r\n",
        ] {
            let rows: Vec<Vec<String>> = text
                .lines()
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect();
            assert_eq!(align_lines(text), table::align(&rows), "{text:?}");
        }
    }

    fn items() -> Vec<serde_json::Value> {
        vec![
            json!({"ID": "c059bfaa849c", "Repository": "docker.io/library/alpine", "Tag": "latest", "Names": ["a", "b"]}),
            json!({"ID": "f1e2d3", "Repository": "quay.io/x", "Tag": "3.19", "Names": []}),
        ]
    }

    fn no_headers() -> BTreeMap<&'static str, &'static str> {
        BTreeMap::new()
    }

    #[test]
    fn one_line_per_item() {
        let out = render_items("{{.ID}}", &items(), &no_headers()).unwrap();
        assert_eq!(out, "c059bfaa849c\nf1e2d3\n");
    }

    #[test]
    fn no_items_no_table_is_empty() {
        assert_eq!(render_items("{{.ID}}", &[], &no_headers()).unwrap(), "");
    }

    #[test]
    fn table_with_no_items_prints_the_header() {
        assert_eq!(
            render_items("table {{.ID}}", &[], &no_headers()).unwrap(),
            "ID\n"
        );
    }

    #[test]
    fn backslash_t_is_a_tab_and_columns_align() {
        let out = render_items("{{.ID}}\\t{{.Tag}}", &items(), &no_headers()).unwrap();
        assert_eq!(out, "c059bfaa849c  latest\nf1e2d3        3.19\n");
    }

    #[test]
    fn backslash_n_is_a_newline() {
        let out = render_items("{{.ID}}\\n--", &items()[..1], &no_headers()).unwrap();
        assert_eq!(out, "c059bfaa849c\n--\n");
    }

    #[test]
    fn escapes_inside_actions_are_left_to_the_template() {
        let out = render_items(
            "{{join .Names \"\\t\"}}|{{join .Names \" \"}}",
            &items()[..1],
            &no_headers(),
        );
        // "\t" in a Go string literal is a tab, which then separates two cells.
        assert_eq!(out.unwrap(), "a           b|a b\n");
    }

    #[test]
    fn table_header_and_alignment() {
        let mut headers = BTreeMap::new();
        headers.insert("ID", "IMAGE ID");
        let out = render_items(
            "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}",
            &items(),
            &headers,
        )
        .unwrap();
        assert_eq!(
            out,
            "REPOSITORY                TAG         IMAGE ID\n\
             docker.io/library/alpine  latest      c059bfaa849c\n\
             quay.io/x                 3.19        f1e2d3\n"
        );
    }

    #[test]
    fn table_spaces_separate_columns() {
        let out = render_items("table {{.ID}} {{.Tag}}", &items(), &no_headers()).unwrap();
        assert_eq!(
            out,
            "ID            TAG\nc059bfaa849c  latest\nf1e2d3        3.19\n"
        );
    }

    #[test]
    fn errors_propagate() {
        let e = render_items("{{.Nope}}", &items(), &no_headers()).unwrap_err();
        assert_eq!(e.to_string(), "template: no field \"Nope\" in {{.Nope}}");
        let e = render_items("table {{.ID", &items(), &no_headers()).unwrap_err();
        assert!(e.to_string().contains("unclosed action"), "{e}");
    }

    #[test]
    fn normalize_keeps_actions_intact() {
        assert_eq!(
            normalize("a\\tb {{ \"x }} y\" }} c", true),
            "a\tb\t{{ \"x }} y\" }}\tc\n"
        );
        assert_eq!(normalize("{{.A}}\n", false), "{{.A}}\n");
        assert_eq!(normalize("{{.A", false), "{{.A\n");
        assert_eq!(normalize("", false), "\n");
        assert_eq!(normalize("{{/* \" */}} x", true), "{{/* \" */}}\tx\n");
    }
}
