//! Man pages and shell completions, generated from the clap definitions and the
//! help pages of [`crate::help`].

use std::path::Path;

use clap_complete::Shell;
use roff::{bold, roman, Roff};

use crate::help;

/// Every generated file: (path relative to the repository root, contents).
pub fn generate() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let cmd = help::command();
    for (shell, name) in [
        (Shell::Bash, "coracle.bash"),
        (Shell::Zsh, "_coracle"),
        (Shell::Fish, "coracle.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "coracle", &mut buf);
        files.push((format!("completions/{name}"), buf));
    }
    man_pages(&help::docs_command(), "coracle", "", &mut files)?;
    Ok(files)
}

/// One page per command and subcommand: coracle.1, coracle-pull.1, coracle-image-inspect.1…
fn man_pages(
    cmd: &clap::Command,
    name: &str,
    path: &str,
    files: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    files.push((format!("man/{name}.1"), man_page(cmd, name, path)?));
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() {
            continue;
        }
        let sub_path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        man_pages(sub, &format!("{name}-{}", sub.get_name()), &sub_path, files)?;
    }
    Ok(())
}

/// Podman's page layout: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, SUBCOMMANDS, EXAMPLES.
fn man_page(cmd: &clap::Command, name: &str, path: &str) -> std::io::Result<Vec<u8>> {
    let page = cmd.clone().name(name.to_string());
    let man = clap_mangen::Man::new(page.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    if page.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if page.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buf)?;
    }
    if let Some(help_page) = help::page(path) {
        examples_section(help_page).to_writer(&mut buf)?;
    }
    if page.get_version().is_some() {
        man.render_version_section(&mut buf)?;
    }
    Ok(buf)
}

/// The EXAMPLES section: each example's purpose, then its command line as a
/// literal block.
fn examples_section(page: &help::Page) -> Roff {
    let mut roff = Roff::default();
    roff.control("SH", ["EXAMPLES"]);
    for (what, line) in page.examples {
        roff.control("PP", []);
        roff.text([roman(*what)]);
        roff.control("PP", []);
        roff.control("RS", ["4"]);
        roff.control("nf", []);
        roff.text([bold(format!("$ {line}"))]);
        roff.control("fi", []);
        roff.control("RE", []);
    }
    roff
}

/// Write every generated file under `root`.
pub fn write_all(root: &Path) -> std::io::Result<()> {
    for (rel, contents) in generate()? {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, contents)?;
    }
    Ok(())
}
