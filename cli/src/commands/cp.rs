//! `coracle cp`: copy between a container (running or stopped) and the host, as
//! `podman cp` does. Which argument names the container is decided here; the copy
//! itself is [`coracle_runtime::fs::cp`].

use std::path::PathBuf;

use anyhow::{bail, Result};
use coracle_runtime::fs::cp::{self, CopyOptions, HostEnd};

use crate::args::CpArgs;
use crate::commands::containers::find;
use crate::context::Context;

/// One argument of `cp`.
#[derive(Debug, PartialEq, Eq)]
enum End {
    /// `CONTAINER:PATH`.
    Container { name: String, path: String },
    /// A host path or `-`.
    Host(HostEnd),
}

/// `-` is a stream; a path starting with `/` or `.` is the host's (so that a host
/// path holding a colon can be written `./a:b`); otherwise `NAME:PATH` names a
/// container. A container path is taken from the container's root.
fn parse_end(arg: &str) -> End {
    if arg == "-" {
        return End::Host(HostEnd::Stream);
    }
    if !arg.starts_with(['/', '.']) {
        if let Some((name, path)) = arg.split_once(':') {
            if !name.is_empty() {
                let path = if path.starts_with('/') {
                    path.to_string()
                } else {
                    format!("/{path}")
                };
                return End::Container {
                    name: name.to_string(),
                    path,
                };
            }
        }
    }
    End::Host(HostEnd::Path(PathBuf::from(arg)))
}

/// Run `coracle cp`.
pub fn cp(ctx: &Context, args: CpArgs) -> Result<i32> {
    let opts = CopyOptions {
        archive: args.archive,
        overwrite: args.overwrite,
    };
    let (source, dest) = (parse_end(&args.source), parse_end(&args.dest));
    let store = ctx.store()?;
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    match (source, dest) {
        (End::Host(src), End::Container { name, path }) => {
            let record = find(&store, &name)?;
            cp::copy_in(&store, &record, plan.as_ref(), &src, &path, opts)?;
        }
        (End::Container { name, path }, End::Host(dst)) => {
            let record = find(&store, &name)?;
            cp::copy_out(&store, &record, plan.as_ref(), &path, &dst, opts)?;
        }
        (End::Container { .. }, End::Container { .. }) => {
            bail!("copying between two containers is not supported: copy to the host first")
        }
        (End::Host(_), End::Host(_)) => bail!(
            "one of {:?} and {:?} must name a container as CONTAINER:PATH",
            args.source,
            args.dest
        ),
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_end_is_the_container() {
        let ctr = |n: &str, p: &str| End::Container {
            name: n.into(),
            path: p.into(),
        };
        assert_eq!(parse_end("c1:/etc/hosts"), ctr("c1", "/etc/hosts"));
        assert_eq!(parse_end("c1:etc"), ctr("c1", "/etc"));
        assert_eq!(parse_end("-"), End::Host(HostEnd::Stream));
        assert_eq!(
            parse_end("./a:b"),
            End::Host(HostEnd::Path(PathBuf::from("./a:b")))
        );
        assert_eq!(
            parse_end("/tmp/x:y"),
            End::Host(HostEnd::Path(PathBuf::from("/tmp/x:y")))
        );
        assert_eq!(
            parse_end("file"),
            End::Host(HostEnd::Path(PathBuf::from("file")))
        );
    }
}
