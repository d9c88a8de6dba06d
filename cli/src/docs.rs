//! Man pages and shell completions, generated from the clap definitions.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::args::Cli;

/// Every generated file: (path relative to the repository root, contents).
pub fn generate() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let cmd = Cli::command();
    for (shell, name) in [
        (Shell::Bash, "coracle.bash"),
        (Shell::Zsh, "_coracle"),
        (Shell::Fish, "coracle.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "coracle", &mut buf);
        files.push((format!("completions/{name}"), buf));
    }
    man_pages(&cmd, "coracle", &mut files)?;
    Ok(files)
}

/// One page per command and subcommand: coracle.1, coracle-pull.1, coracle-image-inspect.1…
fn man_pages(
    cmd: &clap::Command,
    name: &str,
    files: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    let page = cmd.clone().name(name.to_string());
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    files.push((format!("man/{name}.1"), buf));
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files)?;
    }
    Ok(())
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
