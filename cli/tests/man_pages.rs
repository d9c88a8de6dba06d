//! Every generated man page reads as a page: `man -l` renders it with a DESCRIPTION
//! and EXAMPLES section (as Podman's pages have), and `coracle help COMMAND` shows
//! the same examples.

use std::path::Path;
use std::process::Command;

#[test]
fn every_man_page_renders_with_description_and_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let pages: Vec<String> = coracle_cli::docs::generate()
        .unwrap()
        .into_iter()
        .map(|(rel, _)| rel)
        .filter(|rel| rel.starts_with("man/"))
        .collect();
    assert!(pages.len() > 40, "{pages:?}");
    for rel in pages {
        let out = Command::new("man")
            .arg("-l")
            .arg(root.join(&rel))
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .expect("man(1) is needed for this test (package man-db)");
        assert!(out.status.success(), "man -l {rel}: {out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXAMPLES"] {
            assert!(
                text.lines().any(|l| l.trim_end() == section),
                "{rel} has no {section} section:\n{text}"
            );
        }
        let examples = text.split("\nEXAMPLES").nth(1).unwrap_or_default();
        assert!(
            examples
                .lines()
                .filter(|l| l.trim_start().starts_with("$ ") && l.contains("coracle "))
                .count()
                >= 2,
            "{rel}: fewer than two examples:\n{examples}"
        );
    }
}

#[test]
fn help_command_shows_the_description_and_examples() {
    let help = coracle_cli::help::page("run").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_coracle"))
        .args(["help", "run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let first_sentence = help.description.split('.').next().unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(first_sentence), "{text}");
    for (_, line) in help.examples {
        assert!(flat.contains(line), "{line} missing from:\n{text}");
    }
}
