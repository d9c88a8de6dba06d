//! `coracle login` and `coracle logout`

use anyhow::{bail, Context as _, Result};
use coracle_image::auth::{self, Credentials};
use coracle_image::client::verify_login;

use super::prompt::{ask, ask_secret, read_stdin_line};
use crate::args::{LoginArgs, LogoutArgs};
use crate::context::{io_runtime, Context};

/// Strip a scheme and trailing path so "https://host:5000/" becomes "host:5000".
fn registry_key(input: &str) -> String {
    let s = input
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    s.split('/').next().unwrap_or(s).to_string()
}

/// Check credentials with the registry and store them in the auth file.
pub fn login(ctx: &Context, args: LoginArgs) -> Result<i32> {
    let registry = registry_key(&args.registry);
    if args.password.is_some() && args.password_stdin {
        bail!("--password and --password-stdin are mutually exclusive");
    }
    let username = match args.username {
        Some(u) => u,
        None => ask("Username", "--username")?,
    };
    let password = match (args.password, args.password_stdin) {
        (Some(p), _) => p,
        (None, true) => read_stdin_line().context("cannot read the password")?,
        (None, false) => ask_secret("Password", "--password-stdin")?,
    };
    if username.is_empty() || password.is_empty() {
        bail!("username and password must not be empty");
    }
    let creds = Credentials { username, password };
    let conf = ctx.registries()?;
    let transport = super::transport(&args.registry_args, None)?;
    io_runtime()?.block_on(verify_login(
        &registry, &creds, &ctx.paths, &conf, &transport,
    ))?;
    let path = auth::auth_file_path(&ctx.paths, args.registry_args.authfile.as_deref());
    auth::store(&path, &registry, &creds)?;
    crate::output::print("Login Succeeded!\n");
    Ok(0)
}

/// Remove stored credentials.
pub fn logout(ctx: &Context, args: LogoutArgs) -> Result<i32> {
    let path = auth::auth_file_path(&ctx.paths, args.authfile.as_deref());
    if args.all {
        auth::remove_all(&path)?;
        crate::output::print("Removed login credentials for all registries\n");
        return Ok(0);
    }
    let registry = registry_key(args.registry.as_deref().unwrap_or_default());
    if !auth::remove(&path, &registry)? {
        bail!("not logged into {registry}");
    }
    crate::output::print(&format!("Removed login credentials for {registry}\n"));
    Ok(0)
}
