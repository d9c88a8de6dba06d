//! The long help of every command: a DESCRIPTION paragraph and EXAMPLES, kept in one
//! table ([`pages`]) apart from the flag definitions and applied to the clap
//! command when it is built, so `coracle help COMMAND`, `coracle COMMAND --help`
//! and the man pages show the same text. A new command gets its row in
//! `pages.rs`; the test below fails for any command without one.

mod pages;

use clap::{Command, CommandFactory};

use crate::args::Cli;
pub use pages::PAGES;

/// One example: what it shows, and the command line.
pub type Example = (&'static str, &'static str);

/// The long help of one command (and of its aliases under other groups).
pub struct Page {
    /// The command paths it documents, without "coracle": "run", "container run";
    /// "" is coracle itself.
    pub paths: &'static [&'static str],
    /// What the command does, in a paragraph or more (blank lines between them).
    pub description: &'static str,
    /// At least two examples.
    pub examples: &'static [Example],
}

/// The page of the command at `path` ("image inspect"; "" for coracle itself).
pub fn page(path: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.paths.contains(&path))
}

/// The examples as `--help` shows them after the options.
pub fn examples_text(page: &Page) -> String {
    let mut text = String::from("Examples:\n");
    for (what, line) in page.examples {
        text.push_str(&format!("  {what}\n    $ {line}\n\n"));
    }
    text.trim_end().to_string()
}

/// The whole command line definition with every page's text applied.
pub fn command() -> Command {
    apply(bare_command(), "")
}

/// The command line without the long help texts: what parsing needs when no help is
/// asked for. Walking every subcommand to attach the pages costs several times a
/// `ps`, so [`for_args`] picks this one unless help is wanted.
pub fn bare_command() -> Command {
    Cli::command().disable_help_subcommand(false)
}

/// The command to parse `args` (the program's arguments, without its name) with:
/// the pages attached only when help may be printed (`-h`, `--help`, `help`).
pub fn for_args(args: &[std::ffi::OsString]) -> Command {
    let wants_help = args
        .iter()
        .any(|a| a == "-h" || a == "--help" || a == "help");
    if wants_help {
        command()
    } else {
        bare_command()
    }
}

fn apply(mut cmd: Command, path: &str) -> Command {
    if let Some(page) = page(path) {
        cmd = cmd
            .long_about(page.description)
            .after_long_help(examples_text(page));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| apply(sub, &sub_path));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_attached_only_when_help_is_asked_for() {
        let has_page = |args: &[&str]| {
            let words: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            let cmd = for_args(&words);
            let run = cmd.find_subcommand("run").expect("run exists");
            run.get_after_long_help().is_some()
        };
        assert!(!has_page(&["ps", "-a"]));
        assert!(!has_page(&["run", "--rm", "img", "true"]));
        assert!(has_page(&["run", "--help"]));
        assert!(has_page(&["ps", "-h"]));
        assert!(has_page(&["help", "run"]));
    }

    fn paths(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            paths(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_has_a_description_and_two_examples() {
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        assert!(all.len() > 40, "{all:?}");
        let mut lacking = Vec::new();
        for path in &all {
            match page(path) {
                Some(p) if p.description.len() >= 80 && p.examples.len() >= 2 => {
                    for (what, line) in p.examples {
                        assert!(
                            !what.is_empty() && line.contains("coracle "),
                            "{path}: example {line:?}"
                        );
                    }
                }
                _ => lacking.push(path.clone()),
            }
        }
        assert!(
            lacking.is_empty(),
            "commands without a page (cli/src/help/pages.rs): {lacking:?}"
        );
    }

    #[test]
    fn every_page_documents_existing_commands_once() {
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        let mut seen = std::collections::HashSet::new();
        for page in PAGES {
            for path in page.paths {
                assert!(all.iter().any(|p| p == path), "no command {path:?}");
                assert!(seen.insert(*path), "{path:?} has two pages");
            }
        }
    }

    #[test]
    fn help_shows_the_page() {
        let mut cmd = command();
        let run = cmd.find_subcommand_mut("run").unwrap();
        let help = run.render_long_help().to_string();
        assert!(help.contains(page("run").unwrap().examples[0].1), "{help}");
        assert!(help.contains("Examples:"), "{help}");
    }
}
