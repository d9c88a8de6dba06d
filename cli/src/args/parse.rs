//! Parsing the command line without building all of it. clap's definition of every
//! command costs more than a `ps`: each of the ~50 top-level commands is made, and
//! the global options are copied into each when the top level is built. So when the
//! first word after the global options names a command, the top level is built
//! with that one command only and parsed. Whatever that parse cannot take as it is
//! (help, a version request, any error, a word that names no command) is parsed
//! again by the whole definition, so what the user sees never depends on the path.

use std::ffi::{OsStr, OsString};

use clap::{Args, CommandFactory, FromArgMatches, Subcommand};

use super::{
    Cli, ExecArgs, LogsArgs, PsArgs, RmArgs, RunArgs, StartArgs, StopArgs, TopInspectArgs, TopLevel,
};

/// The top level with its global options and no command: a command is added to it.
type TopOnly = TopLevel<NoCommand>;

/// No command at all (the type parameter of `TopOnly`).
#[derive(Debug, Subcommand)]
pub enum NoCommand {}

/// Parse `argv` (the program's name first), as clap does from the whole definition.
pub fn parse(argv: &[OsString]) -> Result<Cli, clap::Error> {
    if let Some(parsed) = parse_one(argv) {
        return parsed;
    }
    let words = argv.get(1..).unwrap_or_default();
    let mut command = crate::help::for_args(words);
    let parsed = command
        .try_get_matches_from_mut(argv)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    // The command line's definition (every subcommand and flag, about a megabyte of
    // small allocations) is not freed: the process ends after one command anyway, and
    // freeing it cost a third of `coracle --version`'s instructions.
    std::mem::forget(command);
    parsed
}

/// The parse with only the named command built, or `None` when the whole definition
/// must parse `argv`. A bare version request (`coracle --version`) is answered by
/// the top level alone: its text is the top level's name and version.
fn parse_one(argv: &[OsString]) -> Option<Result<Cli, clap::Error>> {
    let words = argv.get(1..)?;
    if words.iter().any(|w| is_help_word(w)) {
        return None;
    }
    let mut top = TopOnly::command();
    let found = command_word(&top, words);
    let outcome = match found {
        Found::Command(name) => {
            let one = match frequent(name) {
                Some(one) => one,
                None => {
                    let all = Cli::command();
                    let one = all.find_subcommand(name)?.clone();
                    std::mem::forget(all);
                    one
                }
            };
            top = top.subcommand(one);
            top.try_get_matches_from_mut(argv)
                .and_then(|matches| Cli::from_arg_matches(&matches))
                .ok()
                .map(Ok)
        }
        Found::Nothing => match top.try_get_matches_from_mut(argv) {
            Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => Some(Err(e)),
            _ => None,
        },
        Found::Unknown => None,
    };
    std::mem::forget(top);
    outcome
}

/// The commands scripts run most often, made straight from their flag structs:
/// taking one from `Cli::command()` makes all the others first (half of a `ps`'s
/// parse). Each is the whole definition's command (a test compares them).
fn frequent(name: &str) -> Option<clap::Command> {
    let (name, augment): (&'static str, fn(clap::Command) -> clap::Command) = match name {
        "ps" => ("ps", PsArgs::augment_args),
        "run" => ("run", RunArgs::augment_args),
        "exec" => ("exec", ExecArgs::augment_args),
        "rm" => ("rm", RmArgs::augment_args),
        "start" => ("start", StartArgs::augment_args),
        "stop" => ("stop", StopArgs::augment_args),
        "inspect" => ("inspect", TopInspectArgs::augment_args),
        "logs" => ("logs", LogsArgs::augment_args),
        _ => return None,
    };
    Some(augment(clap::Command::new(name)))
}

/// What the words after the global options start with.
enum Found<'a> {
    /// A word that may name a command.
    Command(&'a str),
    /// No word besides global options (and perhaps `--version`).
    Nothing,
    /// Something the whole definition must judge: `--`, a short option, an option
    /// that is not global, a word that is not UTF-8.
    Unknown,
}

/// The first word of `words` that is neither a global option of `top` nor such an
/// option's value.
fn command_word<'a>(top: &clap::Command, words: &'a [OsString]) -> Found<'a> {
    let mut rest = words.iter();
    while let Some(word) = rest.next() {
        let Some(word) = word.to_str() else {
            return Found::Unknown;
        };
        let Some(option) = word.strip_prefix("--") else {
            if word.starts_with('-') {
                return Found::Unknown;
            }
            return Found::Command(word);
        };
        let (long, inline_value) = match option.split_once('=') {
            Some((long, _)) => (long, true),
            None => (option, false),
        };
        if long == "version" && !inline_value {
            continue;
        }
        let Some(arg) = top.get_arguments().find(|a| a.get_long() == Some(long)) else {
            return Found::Unknown;
        };
        if arg.get_action().takes_values() && !inline_value && rest.next().is_none() {
            return Found::Unknown;
        }
    }
    Found::Nothing
}

/// A word that asks for help (the whole definition, with its long texts, answers it).
fn is_help_word(word: &OsStr) -> bool {
    word == "-h" || word == "--help" || word == "help"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(line: &str) -> Vec<OsString> {
        std::iter::once("coracle")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect()
    }

    /// The whole definition's parse, as `parse` did before it had a shortcut.
    fn whole(argv: &[OsString]) -> Result<Cli, clap::Error> {
        crate::help::for_args(&argv[1..])
            .try_get_matches_from(argv)
            .and_then(|m| Cli::from_arg_matches(&m))
    }

    fn same(line: &str) {
        let argv = argv(line);
        let short = parse(&argv);
        let long = whole(&argv);
        match (short, long) {
            (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{line}"),
            (Err(a), Err(b)) => {
                assert_eq!(a.kind(), b.kind(), "{line}");
                assert_eq!(a.to_string(), b.to_string(), "{line}");
                assert_eq!(a.exit_code(), b.exit_code(), "{line}");
            }
            (a, b) => panic!("{line}: {a:?} against {b:?}"),
        }
    }

    #[test]
    fn one_command_parses_as_the_whole_definition() {
        for line in [
            "ps",
            "ps -a --no-trunc --format json",
            "--root /tmp/s ps -q",
            "--root=/tmp/s --log-level debug ps --filter name=x --sort names",
            "ps --root /tmp/s -n 3",
            "--noout ps",
            "run --rm -e A=1 img sh -c true",
            "container ls -a",
            "container list",
            "image ls",
            "system df",
            "exec -it ctr sh",
            "rm -a -f -t 0",
            "--storage-opt ignore_chown_errors=true pull img",
            "inspect --format {{.State.Status}} ctr",
        ] {
            assert!(
                matches!(parse_one(&argv(line)), Some(Ok(_))),
                "{line}: one command"
            );
            same(line);
        }
    }

    #[test]
    fn help_versions_and_errors_are_the_whole_definitions() {
        for line in [
            "",
            "--version",
            "-V",
            "--root /tmp/s --version",
            "ps --version",
            "ps --help",
            "run --rm img ps --help",
            "ps -h",
            "help ps",
            "ps --bogus",
            "ps -n",
            "nosuch",
            "--bogus ps",
            "--root",
            "-- ps",
            "container",
            "container nosuch",
            "run",
            "--log-level loud ps",
            "--noout=yes ps",
        ] {
            same(line);
        }
        let version = parse_one(&argv("--root /tmp/s --version"));
        assert!(
            matches!(version, Some(Err(e)) if e.kind() == clap::error::ErrorKind::DisplayVersion)
        );
    }

    #[test]
    fn frequent_commands_are_the_whole_definitions() {
        let all = Cli::command();
        for name in [
            "ps", "run", "exec", "rm", "start", "stop", "inspect", "logs",
        ] {
            let mut direct = frequent(name).expect("a frequent command");
            let mut derived = all.find_subcommand(name).expect("a command").clone();
            direct.build();
            derived.build();
            let args = |c: &clap::Command| format!("{:?}", c.get_arguments().collect::<Vec<_>>());
            assert_eq!(args(&direct), args(&derived), "{name}");
            assert_eq!(direct.get_name(), derived.get_name());
            assert!(derived.get_all_aliases().next().is_none(), "{name}");
            assert!(!derived.has_subcommands(), "{name}");
        }
        assert!(frequent("images").is_none());
    }

    #[test]
    fn global_options_and_their_values_are_passed_over() {
        let top = TopOnly::command();
        let found = |line: &str| match command_word(&top, &argv(line)[1..]) {
            Found::Command(name) => format!("command {name}"),
            Found::Nothing => "nothing".to_string(),
            Found::Unknown => "unknown".to_string(),
        };
        assert_eq!(found("--root ps images"), "command images");
        assert_eq!(found("--root=ps images"), "command images");
        assert_eq!(found("--noout ps"), "command ps");
        assert_eq!(found("--version"), "nothing");
        assert_eq!(found("--root"), "unknown");
        assert_eq!(found("-q ps"), "unknown");
        assert_eq!(found("--all ps"), "unknown");
    }
}
