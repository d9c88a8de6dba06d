//! One module per command group; each turns parsed arguments into calls on the
//! library crates and prints the result.

mod attach;
mod check;
mod cleanup;
mod commit;
mod container_filter;
mod containers;
mod cp;
mod df;
mod events;
mod exec;
mod healthcheck;
mod image_filter;
mod image_meta;
mod images;
mod info;
mod inspect;
mod kube;
mod load;
mod login;
mod logs;
mod name_rules;
mod network;
mod network_settings;
mod object_inspect;
mod pause;
mod pod;
mod prompt;
mod prune;
mod ps;
mod pull;
mod push;
mod remove;
mod reset;
mod run;
mod run_process;
mod save;
mod stats;
mod volume;

use anyhow::Result;

use crate::args::{
    Cli, Command, ContainerCommand, HealthcheckCommand, ImageCommand, SystemCommand,
};
use crate::context::Context;

/// Run a parsed command line; Ok carries the exit status.
pub fn dispatch(cli: Cli) -> Result<i32> {
    crate::globals::apply(&cli.global)?;
    let mut ctx = Context::new(cli.global.root)?;
    ctx.storage_opts = cli.global.storage_opt;
    match cli.command {
        Command::Run(a) | Command::Container(ContainerCommand::Run(a)) => run::run(&ctx, *a),
        Command::Create(a) | Command::Container(ContainerCommand::Create(a)) => {
            run::create(&ctx, *a)
        }
        Command::Start(a) | Command::Container(ContainerCommand::Start(a)) => {
            containers::start(&ctx, a)
        }
        Command::Ps(a) | Command::Container(ContainerCommand::List(a)) => ps::ps(&ctx, a),
        Command::Logs(a) | Command::Container(ContainerCommand::Logs(a)) => logs::logs(&ctx, a),
        Command::Stop(a) | Command::Container(ContainerCommand::Stop(a)) => {
            containers::stop(&ctx, a)
        }
        Command::Kill(a) | Command::Container(ContainerCommand::Kill(a)) => {
            containers::kill(&ctx, a)
        }
        Command::Rm(a) | Command::Container(ContainerCommand::Rm(a)) => containers::rm(&ctx, a),
        Command::Wait(a) | Command::Container(ContainerCommand::Wait(a)) => {
            containers::wait(&ctx, a)
        }
        Command::Restart(a) | Command::Container(ContainerCommand::Restart(a)) => {
            containers::restart(&ctx, a)
        }
        Command::Rename(a) | Command::Container(ContainerCommand::Rename(a)) => {
            containers::rename(&ctx, a)
        }
        Command::Port(a) | Command::Container(ContainerCommand::Port(a)) => {
            containers::port(&ctx, a)
        }
        Command::Container(ContainerCommand::Prune(a)) => prune::container_prune(&ctx, a),
        Command::System(SystemCommand::Prune(a)) => prune::system_prune(&ctx, a),
        Command::System(SystemCommand::Reset(a)) => reset::reset(&ctx, a),
        Command::System(SystemCommand::Check(a)) => check::check(&ctx, a),
        Command::System(SystemCommand::Df(a)) => df::df(&ctx, a),
        Command::Cp(a) | Command::Container(ContainerCommand::Cp(a)) => cp::cp(&ctx, a),
        Command::Inspect(a) => object_inspect::inspect(&ctx, a),
        Command::Container(ContainerCommand::Inspect(a)) => containers::inspect(&ctx, a),
        Command::Container(ContainerCommand::Exists(a)) => containers::exists(&ctx, a),
        Command::Exec(a) | Command::Container(ContainerCommand::Exec(a)) => exec::exec(&ctx, a),
        Command::Top(a) | Command::Container(ContainerCommand::Top(a)) => exec::top(&ctx, a),
        Command::Container(ContainerCommand::Cleanup(a)) => cleanup::cleanup(&ctx, a),
        Command::Stats(a) | Command::Container(ContainerCommand::Stats(a)) => stats::stats(&ctx, a),
        Command::Pause(a) | Command::Container(ContainerCommand::Pause(a)) => {
            pause::pause(&ctx, a, true)
        }
        Command::Unpause(a) | Command::Container(ContainerCommand::Unpause(a)) => {
            pause::pause(&ctx, a, false)
        }
        Command::Healthcheck(HealthcheckCommand::Run(a)) => healthcheck::run(&ctx, a),
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => pull::run(&ctx, a),
        Command::Push(a) | Command::Image(ImageCommand::Push(a)) => push::run(&ctx, a),
        Command::Images(a) | Command::Image(ImageCommand::Images(a)) => images::run(&ctx, a),
        Command::Image(ImageCommand::Inspect(a)) => inspect::run(&ctx, a),
        Command::Image(ImageCommand::Exists(a)) => inspect::exists(&ctx, a),
        Command::Rmi(a) | Command::Image(ImageCommand::Rm(a)) => remove::rmi(&ctx, a),
        Command::Image(ImageCommand::Prune(a)) => remove::prune(&ctx, a),
        Command::Save(a) | Command::Image(ImageCommand::Save(a)) => save::save(&ctx, a),
        Command::Load(a) | Command::Image(ImageCommand::Load(a)) => load::load(&ctx, a),
        Command::Tag(a) | Command::Image(ImageCommand::Tag(a)) => remove::tag(&ctx, a),
        Command::Login(a) => login::login(&ctx, a),
        Command::Logout(a) => login::logout(&ctx, a),
        Command::Info(a) | Command::System(SystemCommand::Info(a)) => info::info(&ctx, a),
        Command::Version(a) => info::version(a),
        Command::Volume(c) => volume::dispatch(&ctx, c),
        Command::Export(a) => commit::export(&ctx, a),
        Command::Import(a) => commit::import(&ctx, a),
        Command::Commit(a) => commit::commit(&ctx, a),
        Command::Diff(a) => commit::diff(&ctx, a),
        Command::History(a) | Command::Image(ImageCommand::History(a)) => {
            image_meta::history(&ctx, a)
        }
        Command::Image(ImageCommand::Tree(a)) => image_meta::tree(&ctx, a),
        Command::Network(c) => network::dispatch(&ctx, c),
        Command::Untag(a) | Command::Image(ImageCommand::Untag(a)) => remove::untag(&ctx, a),
        Command::Events(a) | Command::System(SystemCommand::Events(a)) => events::events(&ctx, a),
        Command::Pod(c) => pod::dispatch(&ctx, c),
        Command::Kube(c) => kube::dispatch(&ctx, c),
        Command::Attach(a) | Command::Container(ContainerCommand::Attach(a)) => {
            attach::attach(&ctx, a)
        }
    }
}

/// Parse `--creds USER[:PASSWORD]`.
fn parse_creds(creds: &str) -> Result<coracle_image::auth::Credentials> {
    let (user, pass) = creds.split_once(':').unwrap_or((creds, ""));
    anyhow::ensure!(
        !user.is_empty(),
        "invalid --creds {creds:?}: the username is empty"
    );
    Ok(coracle_image::auth::Credentials {
        username: user.to_string(),
        password: pass.to_string(),
    })
}

/// Build transport options from the shared registry flags.
fn transport(
    reg: &crate::args::RegistryArgs,
    creds: Option<&str>,
) -> Result<coracle_image::client::TransportOptions> {
    Ok(coracle_image::client::TransportOptions {
        tls_verify: reg.tls_verify,
        cert_dir: reg.cert_dir.clone(),
        authfile: reg.authfile.clone(),
        credentials: creds.map(parse_creds).transpose()?,
    })
}
