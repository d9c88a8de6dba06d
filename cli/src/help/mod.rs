//! The long help of every command: a DESCRIPTION paragraph and EXAMPLES, kept in one
//! table (`pages`) apart from the flag definitions and applied to the clap
//! command when it is built, so `coracle help COMMAND`, `coracle COMMAND --help`
//! and the man pages show the same text. A new command gets its row in
//! `pages.rs`; the test below fails for any command without one.

mod pages;

use clap::builder::StyledStr;
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

/// The whole command line definition, built (every subcommand's flags added, the
/// way clap parses and completes it), with every page's text applied: for help
/// and shell completions.
pub fn command() -> Command {
    with_pages(bare_command(), Build::Whole)
}

/// The definition as the man pages show it: every subcommand with its flags, but
/// not built as a whole (no `help` subcommand in each group, the global flags only
/// on coracle's own page), with every page's text applied.
pub fn docs_command() -> Command {
    with_pages(bare_command(), Build::Leaves)
}

/// `cmd` with every page's text applied around the build of the deferred flags: a
/// subcommand's `--help` flag is worded by whether it has a long help when it is
/// built, and the build replaces the long help with its flag struct's doc comment.
fn with_pages(cmd: Command, build: Build) -> Command {
    apply(with_flags(apply(cmd, ""), build), "")
}

/// The command line without the long help texts: what parsing needs when no help is
/// asked for. Walking every subcommand to attach the pages costs several times a
/// `ps`, so [`for_args`] picks this one unless help is wanted. Each subcommand's
/// flags are deferred (`#[command(defer = true)]` in [`crate::args`]): clap adds
/// them only to the subcommand that runs, so a start does not build the flags of
/// all the others.
pub fn bare_command() -> Command {
    Cli::command().disable_help_subcommand(false)
}

/// How [`with_flags`] adds the deferred flags.
enum Build {
    /// Build the whole command, as clap does for help and completions.
    Whole,
    /// Build only each subcommand that has no subcommands, on its own.
    Leaves,
}

/// `cmd` with the deferred flags of every subcommand added, each subcommand keeping
/// its one-line description: adding a subcommand's flags applies its flag struct's
/// doc comment, which would replace the description its enum variant gave it.
fn with_flags(mut cmd: Command, build: Build) -> Command {
    let mut abouts = Vec::new();
    descriptions(&cmd, &[], &mut abouts);
    match build {
        Build::Whole => cmd.build(),
        Build::Leaves => {
            for (path, _, leaf) in &abouts {
                if *leaf {
                    cmd = with_subcommand(cmd, path, &mut |mut sub| {
                        sub.build();
                        sub
                    });
                }
            }
        }
    }
    // Every subcommand of the built tree in order (clap moves a changed subcommand
    // to the end of its list, so the ones the build added are passed over too):
    // the saved description back, the build's own where none was saved.
    let mut built = Vec::new();
    descriptions(&cmd, &[], &mut built);
    for (path, about, _) in built {
        let saved = abouts.iter().find(|(p, _, _)| *p == path);
        let about = saved.map_or(about, |(_, a, _)| a.clone());
        cmd = with_subcommand(cmd, &path, &mut |sub| match &about {
            Some(text) => sub.about(text.clone()),
            None => sub.about(None),
        });
    }
    cmd
}

/// Every subcommand under `cmd`: its path of names, one-line description, and
/// whether it has no subcommands of its own.
type Description = (Vec<String>, Option<StyledStr>, bool);

fn descriptions(cmd: &Command, path: &[String], out: &mut Vec<Description>) {
    for sub in cmd.get_subcommands() {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        let leaf = !sub.has_subcommands();
        out.push((sub_path.clone(), sub.get_about().cloned(), leaf));
        descriptions(sub, &sub_path, out);
    }
}

/// `cmd` with `change` applied to the subcommand at `path` (names from `cmd` down).
fn with_subcommand(
    cmd: Command,
    path: &[String],
    change: &mut dyn FnMut(Command) -> Command,
) -> Command {
    match path.split_first() {
        None => change(cmd),
        Some((name, rest)) => cmd.mut_subcommand(name, |sub| with_subcommand(sub, rest, change)),
    }
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

    #[test]
    fn deferred_flags_keep_each_subcommands_description() {
        for cmd in [command(), docs_command()] {
            let about = |path: &[&str]| {
                let mut c = &cmd;
                for name in path {
                    c = c.find_subcommand(name).expect("subcommand exists");
                }
                assert!(c.get_arguments().count() > 1, "{path:?} has its flags");
                c.get_about().map(|a| a.to_string()).unwrap_or_default()
            };
            assert_eq!(about(&["run"]), "Run a command in a new container");
            assert_eq!(about(&["create"]), "Create a container without starting it");
            assert_eq!(
                about(&["container", "create"]),
                "Create a container without starting it"
            );
            assert_eq!(about(&["unpause"]), "Thaw paused containers");
        }
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
