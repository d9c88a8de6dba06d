//! The command line, defined once: parsing, `--help`, man pages and completions all
//! come from these definitions.

mod commit;
pub use commit::{CommitArgs, DiffArgs, ExportArgs, ImportArgs};
mod image_meta;
pub use image_meta::{HistoryArgs, TreeArgs};
mod upkeep;
pub use upkeep::{SystemCheckArgs, SystemDfArgs};

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod volume;
pub use volume::*;
mod pod;
pub use pod::*;
mod kube;
pub use kube::*;
mod archive;
pub use archive::{LoadArgs, SaveArgs};
mod global;
pub mod network;
mod surface;
pub use global::{EventsBackend, GlobalArgs, LogLevel};
pub use surface::{EventsArgs, TopInspectArgs, UntagArgs};
pub mod parse;

/// The whole command line: the global options and every command.
pub type Cli = TopLevel<Command>;

/// Daemonless, rootless containers.
// Generic over its commands so that `parse` can build the same top level with only
// the one command that runs (see `parse::TopOnly`).
#[derive(Debug, Parser)]
#[command(name = "coracle", version, about, long_about = None, disable_help_subcommand = true)]
pub struct TopLevel<C: Subcommand> {
    /// Options every command accepts.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// The command to run.
    #[command(subcommand)]
    pub command: C,
}

/// Top-level commands.
// Each group's subcommands are `defer`red: their flags are built only for the
// subcommand that runs (see `crate::help::bare_command`).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Run a command in a new container.
    Run(Box<RunArgs>),
    /// Create a container without starting it.
    Create(Box<RunArgs>),
    /// Start created or stopped containers (in the background).
    Start(StartArgs),
    /// List containers.
    Ps(PsArgs),
    /// Show a container's output.
    Logs(LogsArgs),
    /// Stop running containers: the stop signal, then SIGKILL after a timeout.
    Stop(StopArgs),
    /// Send a signal to running containers.
    Kill(KillArgs),
    /// Remove containers.
    Rm(RmArgs),
    /// Wait for containers to end and print their exit codes.
    Wait(WaitArgs),
    /// Stop and start containers again.
    Restart(RestartArgs),
    /// Give a container a new name.
    Rename(RenameArgs),
    /// List a container's published ports.
    Port(PortArgs),
    /// Manage the whole store.
    #[command(subcommand)]
    System(SystemCommand),
    /// Copy files between a container and the host.
    Cp(CpArgs),
    /// Show the details of containers or images.
    Inspect(TopInspectArgs),
    /// Run a command in a running container.
    Exec(ExecArgs),
    /// Show the processes of a running container.
    Top(TopArgs),
    /// Show the resource usage of running containers (from their cgroups).
    Stats(StatsArgs),
    /// Freeze every process of running containers.
    Pause(PauseArgs),
    /// Thaw paused containers.
    Unpause(PauseArgs),
    /// Run containers' health checks.
    #[command(subcommand)]
    Healthcheck(HealthcheckCommand),
    /// Manage containers.
    #[command(subcommand)]
    Container(ContainerCommand),
    /// Pull an image from a registry.
    Pull(PullArgs),
    /// Push an image to a registry.
    Push(PushArgs),
    /// List images in local storage.
    Images(ImagesArgs),
    /// Manage images.
    #[command(subcommand)]
    Image(ImageCommand),
    /// Remove one or more images.
    Rmi(RmiArgs),
    /// Add names to a local image.
    Tag(TagArgs),
    /// Log in to a registry.
    Login(LoginArgs),
    /// Log out of a registry.
    Logout(LogoutArgs),
    /// Show information about the store and the host.
    Info(FormatArgs),
    /// Show version information.
    Version(FormatArgs),
    /// Manage volumes.
    #[command(subcommand)]
    Volume(VolumeCommand),
    /// Save images to an archive (docker-archive, oci-archive, oci-dir, docker-dir).
    Save(SaveArgs),
    /// Load images from an archive (a file or standard input).
    Load(LoadArgs),
    /// Write a container's filesystem as a tar archive.
    Export(ExportArgs),
    /// Make an image of one layer from a tar archive.
    Import(ImportArgs),
    /// Make an image of a container's changes.
    Commit(CommitArgs),
    /// Show how an image was built, newest layer first.
    History(HistoryArgs),
    /// List the files a container added, changed or deleted.
    Diff(DiffArgs),
    /// Manage user-defined networks.
    #[command(subcommand)]
    Network(crate::args::network::NetworkCommand),
    /// Remove names from a local image.
    Untag(UntagArgs),
    /// Show container and image events.
    Events(EventsArgs),
    /// Manage pods: groups of containers sharing namespaces.
    #[command(subcommand)]
    Pod(PodCommand),
    /// Hand containers and pods to Kubernetes and back (YAML).
    #[command(subcommand)]
    Kube(KubeCommand),
    /// Attach to the terminal of a running container started with -t -d.
    Attach(AttachArgs),
}

/// `coracle container …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ContainerCommand {
    /// Run a command in a new container.
    Run(Box<RunArgs>),
    /// Create a container without starting it.
    Create(Box<RunArgs>),
    /// Start created or stopped containers (in the background).
    Start(StartArgs),
    /// List containers.
    #[command(name = "ls", visible_alias = "list", alias = "ps")]
    List(PsArgs),
    /// Show a container's output.
    Logs(LogsArgs),
    /// Stop running containers.
    Stop(StopArgs),
    /// Send a signal to running containers.
    Kill(KillArgs),
    /// Remove containers.
    Rm(RmArgs),
    /// Wait for containers to end and print their exit codes.
    Wait(WaitArgs),
    /// Stop and start containers again.
    Restart(RestartArgs),
    /// Give a container a new name.
    Rename(RenameArgs),
    /// List a container's published ports.
    Port(PortArgs),
    /// Remove every stopped container.
    Prune(ContainerPruneArgs),
    /// Show the details of containers.
    Inspect(ObjectInspectArgs),
    /// Exit 0 if a container exists, 1 if not.
    Exists(ContainerExistsArgs),
    /// Record ended containers' exits, remove --rm ones, apply restart policies
    /// (what a container's monitor runs when the container ends).
    Cleanup(ContainerCleanupArgs),
    /// Copy files between a container and the host.
    Cp(CpArgs),
    /// Run a command in a running container.
    Exec(ExecArgs),
    /// Show the processes of a running container.
    Top(TopArgs),
    /// Show the resource usage of running containers (from their cgroups).
    Stats(StatsArgs),
    /// Freeze every process of running containers.
    Pause(PauseArgs),
    /// Thaw paused containers.
    Unpause(PauseArgs),
    /// Attach to the terminal of a running container started with -t -d.
    Attach(AttachArgs),
}

/// `coracle healthcheck …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HealthcheckCommand {
    /// Run a container's health check once and record the result (exit 0 healthy,
    /// 1 unhealthy).
    Run(HealthcheckRunArgs),
}

/// `coracle healthcheck run`
#[derive(Debug, Args)]
pub struct HealthcheckRunArgs {
    /// Container (name or id).
    pub container: String,
}

/// `coracle stats`
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Containers (names or ids; default: every running container).
    pub containers: Vec<String>,
    /// Every container, not only running ones (ended ones are skipped).
    #[arg(short, long)]
    pub all: bool,
    /// Print the figures once instead of refreshing them.
    #[arg(long)]
    pub no_stream: bool,
    /// Seconds between refreshes.
    #[arg(short, long, default_value_t = 5, value_name = "SECONDS")]
    pub interval: u64,
    /// Go template or json.
    #[arg(long)]
    pub format: Option<String>,
    /// Do not truncate ids.
    #[arg(long)]
    pub no_trunc: bool,
}

/// `coracle pause` and `coracle unpause`
#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Containers (names or ids).
    #[arg(required_unless_present = "all")]
    pub containers: Vec<String>,
    /// Every running (for pause) or paused (for unpause) container.
    #[arg(short, long)]
    pub all: bool,
}

/// `coracle exec`
#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct ExecArgs {
    /// Container (name or id).
    pub container: String,
    /// Command and arguments.
    #[arg(required = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
    /// Keep standard input open.
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-terminal (from the container's devpts).
    #[arg(short, long)]
    pub tty: bool,
    /// Run the command in the background; print nothing.
    #[arg(short, long)]
    pub detach: bool,
    /// Keys that detach from an -it session and leave its process running (default
    /// ctrl-p,ctrl-q; "" disables detaching).
    #[arg(long, value_name = "SEQUENCE")]
    pub detach_keys: Option<String>,
    /// Set environment variables: KEY=VALUE, or KEY to copy it from the caller.
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file (KEY=VALUE lines).
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// User to run as: USER[:GROUP], names or numbers (default: the container's).
    #[arg(short, long)]
    pub user: Option<String>,
    /// Working directory inside the container (default: the container's).
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Give the process every capability.
    #[arg(long)]
    pub privileged: bool,
}

/// `coracle top`
#[derive(Debug, Args)]
pub struct TopArgs {
    /// Container (name or id).
    pub container: String,
    /// Descriptors (default: user,pid,ppid,pcpu,etime,tty,time,args).
    pub descriptors: Vec<String>,
}

/// `coracle start`
#[derive(Debug, Args)]
pub struct StartArgs {
    /// Containers (names or ids).
    #[arg(required = true)]
    pub containers: Vec<String>,
    /// Attach to the container once started (one container): its terminal with -t,
    /// else its output until it ends; exit with its exit code.
    #[arg(short, long)]
    pub attach: bool,
    /// Keys that detach from the terminal with --attach (default ctrl-p,ctrl-q; ""
    /// disables detaching).
    #[arg(long, value_name = "SEQUENCE", requires = "attach")]
    pub detach_keys: Option<String>,
}

/// `coracle attach`
#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Container (name or id).
    pub container: String,
    /// Keys that detach from the terminal and leave the container running (default
    /// ctrl-p,ctrl-q; "" disables detaching).
    #[arg(long, value_name = "SEQUENCE")]
    pub detach_keys: Option<String>,
    /// Do not pass the caller's input to the container.
    #[arg(long)]
    pub no_stdin: bool,
}

/// `coracle ps`
#[derive(Debug, Default, Args)]
pub struct PsArgs {
    /// Show all containers (default: only running ones).
    #[arg(short, long)]
    pub all: bool,
    /// Print only container ids.
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not truncate ids.
    #[arg(long)]
    pub no_trunc: bool,
    /// Show only the latest container.
    #[arg(short, long)]
    pub latest: bool,
    /// Show the N latest containers.
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,
    /// Show the size of each container's writable layer.
    #[arg(short, long)]
    pub size: bool,
    /// Show only containers matching KEY=VALUE: id, name, status, label, ancestor,
    /// exited, before, since (same keys OR, different keys AND; labels all AND).
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Sort by created, id, image, names, runningfor, size or status.
    #[arg(long, default_value = "created", value_parser = ["command", "created", "id", "image", "names", "runningfor", "size", "status"])]
    pub sort: String,
    /// Do not print the header row.
    #[arg(long = "noheading")]
    pub noheading: bool,
    /// Output format: json, or a Go template such as '{{.ID}} {{.Names}} {{.Status}}'.
    #[arg(long)]
    pub format: Option<String>,
    /// Show the pod each container belongs to.
    #[arg(short, long)]
    pub pod: bool,
}

/// `coracle logs`
#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Containers (names or ids).
    #[arg(required = true)]
    pub containers: Vec<String>,
    #[command(flatten)]
    pub options: LogOptions,
}

/// What `logs` and `pod logs` show of each container's log.
#[derive(Debug, Args)]
pub struct LogOptions {
    /// Keep printing new output until the containers end.
    #[arg(short, long)]
    pub follow: bool,
    /// Print only the last N lines.
    #[arg(long, value_name = "N")]
    pub tail: Option<usize>,
    /// Show only output since TIME: RFC 3339, Unix seconds, or a duration such as 10m.
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show only output before TIME: RFC 3339, Unix seconds, or a duration such as 10m.
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Prefix each line with the container's name (default with several: its short id).
    #[arg(short, long)]
    pub names: bool,
    /// Prefix each line with its timestamp.
    #[arg(short, long)]
    pub timestamps: bool,
}

/// `coracle stop`
#[derive(Debug, Args)]
pub struct StopArgs {
    /// Containers (names or ids).
    #[arg(required_unless_present_any = ["all", "cidfile"])]
    pub containers: Vec<String>,
    /// Seconds to wait before SIGKILL (default: the container's --stop-timeout, 10).
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Stop every running container.
    #[arg(short, long)]
    pub all: bool,
    /// Ignore containers that do not exist.
    #[arg(short, long)]
    pub ignore: bool,
    /// Read a container id from this file (may be given several times).
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
}

/// `coracle kill`
#[derive(Debug, Args)]
pub struct KillArgs {
    /// Containers (names or ids).
    #[arg(required_unless_present = "all")]
    pub containers: Vec<String>,
    /// Signal to send: a name (KILL, SIGTERM) or number.
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    /// Signal every running container.
    #[arg(short, long)]
    pub all: bool,
}

/// `coracle rm`
#[derive(Debug, Args)]
pub struct RmArgs {
    /// Containers (names or ids).
    #[arg(required_unless_present_any = ["all", "cidfile"])]
    pub containers: Vec<String>,
    /// Read a container id from this file (may be given several times).
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Also remove, first, every container that depends on the ones named.
    #[arg(long)]
    pub depend: bool,
    /// Remove the containers' anonymous volumes too.
    #[arg(short, long)]
    pub volumes: bool,
    /// Stop running containers first (SIGKILL unless -t gives them time).
    #[arg(short, long)]
    pub force: bool,
    /// Remove every container.
    #[arg(short, long)]
    pub all: bool,
    /// Ignore containers that do not exist.
    #[arg(short, long)]
    pub ignore: bool,
    /// Seconds to wait for a forced stop before SIGKILL.
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
}

/// `coracle wait`
#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Containers (names or ids).
    #[arg(required = true)]
    pub containers: Vec<String>,
    /// State to wait for: created, running, paused, exited, stopped, removing (several
    /// may be given: any one ends the wait; default stopped).
    #[arg(long, value_name = "STATE", value_parser = ["configured", "created", "exited", "initialized", "paused", "removing", "running", "stopped", "stopping"])]
    pub condition: Vec<String>,
}

/// `coracle restart`
#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Containers (names or ids).
    #[arg(required_unless_present_any = ["all", "running"])]
    pub containers: Vec<String>,
    /// Seconds to wait before SIGKILL (default: the container's --stop-timeout, 10).
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Restart every container.
    #[arg(short, long)]
    pub all: bool,
    /// Restart only the running containers (with --all).
    #[arg(long)]
    pub running: bool,
}

/// `coracle rename`
#[derive(Debug, Args)]
pub struct RenameArgs {
    /// Container (name or id).
    pub container: String,
    /// Its new name.
    pub name: String,
}

/// `coracle port`
#[derive(Debug, Args)]
pub struct PortArgs {
    /// Container (name or id).
    #[arg(required_unless_present = "all")]
    pub container: Option<String>,
    /// Only this private port: PORT[/PROTO].
    pub port: Option<String>,
    /// List the ports of every container.
    #[arg(short, long)]
    pub all: bool,
}

/// `coracle container prune`
#[derive(Debug, Args)]
pub struct ContainerPruneArgs {
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
    /// Prune only containers matching KEY=VALUE: label, label!, until.
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

/// `coracle system …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SystemCommand {
    /// Remove stopped containers and dangling images.
    Prune(SystemPruneArgs),
    /// Remove every container, image and volume: the whole store.
    Reset(SystemResetArgs),
    /// Verify every blob against its digest and every unpacked layer against its
    /// recorded file list.
    Check(SystemCheckArgs),
    /// Show the disk space used by images, containers and volumes.
    Df(SystemDfArgs),
    /// Show information about the store and the host.
    Info(FormatArgs),
    /// Show container and image events.
    Events(EventsArgs),
}

/// `coracle system prune`
#[derive(Debug, Args)]
pub struct SystemPruneArgs {
    /// Remove every image no container uses, not only dangling ones.
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
}

/// `coracle cp`
#[derive(Debug, Args)]
pub struct CpArgs {
    /// What to copy: CONTAINER:PATH, a host path, or - (a tar stream on stdin).
    pub source: String,
    /// Where to: CONTAINER:PATH, a host path, or - (a tar stream on stdout).
    pub dest: String,
    /// Files copied into the container belong to its user; --archive=false keeps
    /// the source's owners.
    #[arg(short, long, default_value_t = true, action = clap::ArgAction::Set,
          num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub archive: bool,
    /// Allow replacing a directory with a non-directory and the other way round.
    #[arg(long)]
    pub overwrite: bool,
}

/// `coracle container exists`
#[derive(Debug, Args)]
pub struct ContainerExistsArgs {
    /// Container to look for.
    pub container: String,
}

/// `coracle container cleanup`
#[derive(Debug, Args)]
pub struct ContainerCleanupArgs {
    /// Containers (names or ids).
    #[arg(required = true)]
    pub containers: Vec<String>,
}

/// `coracle image …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ImageCommand {
    /// Show the details of images.
    Inspect(InspectArgs),
    /// Exit 0 if an image is in local storage, 1 if not.
    Exists(ExistsArgs),
    /// List images in local storage.
    #[command(visible_alias = "ls", alias = "list")]
    Images(ImagesArgs),
    /// Pull an image from a registry.
    Pull(PullArgs),
    /// Push an image to a registry.
    Push(PushArgs),
    /// Remove one or more images.
    #[command(name = "rm")]
    Rm(RmiArgs),
    /// Add names to a local image.
    Tag(TagArgs),
    /// Remove unused images.
    Prune(PruneArgs),
    /// Save images to an archive.
    Save(SaveArgs),
    /// Load images from an archive.
    Load(LoadArgs),
    /// Show how an image was built, newest layer first.
    History(HistoryArgs),
    /// Show an image's layers and which other images end at each.
    Tree(TreeArgs),
    /// Remove names from a local image.
    Untag(UntagArgs),
}

/// How to reach a registry (shared by pull, push and login).
#[derive(Debug, Args, Clone, Default)]
pub struct RegistryArgs {
    /// Require HTTPS and verify certificates (default: as registries.conf says).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub tls_verify: Option<bool>,
    /// Directory of CA certificates (*.crt) for the registry.
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json).
    #[arg(long, env = "REGISTRY_AUTH_FILE", value_name = "FILE")]
    pub authfile: Option<PathBuf>,
}

/// `coracle pull`
#[derive(Debug, Args)]
pub struct PullArgs {
    /// Image to pull: NAME[:TAG|@DIGEST].
    pub image: String,
    /// Print only the image ID.
    #[arg(short, long)]
    pub quiet: bool,
    /// Platform to select from a manifest list: OS/ARCH[/VARIANT] (default: the host's).
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
    /// Architecture to select (overrides the one in --platform).
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// Credentials USER[:PASSWORD] for this pull.
    #[arg(long, value_name = "USER[:PASSWORD]")]
    pub creds: Option<String>,
    /// How many blobs to download at once.
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub max_parallel: u16,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// `coracle push`
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Local image to push.
    pub image: String,
    /// Destination (default: the image name itself).
    pub destination: Option<String>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Credentials USER[:PASSWORD] for this push.
    #[arg(long, value_name = "USER[:PASSWORD]")]
    pub creds: Option<String>,
    /// Write the pushed manifest's digest to this file.
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// `coracle images`
#[derive(Debug, Args)]
pub struct ImagesArgs {
    /// Show all images (coracle keeps no intermediate images, so the same list).
    #[arg(short, long)]
    pub all: bool,
    /// Print only image IDs.
    #[arg(short, long)]
    pub quiet: bool,
    /// Show digests.
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate IDs.
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header row.
    #[arg(short, long = "noheading")]
    pub noheading: bool,
    /// Output format: json, or a Go template such as '{{.Repository}}:{{.Tag}}'.
    #[arg(long)]
    pub format: Option<String>,
    /// Show only images whose name matches this (REPOSITORY[:TAG]).
    pub name: Option<String>,
    /// Filter: reference=PATTERN, dangling=true|false, label=KEY[=VALUE],
    /// before=IMAGE, since=IMAGE.
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

/// `coracle image inspect`
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Images to inspect.
    #[arg(required = true)]
    pub images: Vec<String>,
    /// Output format: json (default), or a Go template such as '{{.Digest}}'.
    #[arg(short, long)]
    pub format: Option<String>,
}

/// `coracle inspect` and `coracle container inspect`
#[derive(Debug, Args)]
pub struct ObjectInspectArgs {
    /// Containers (or, for `inspect`, images too): names or ids.
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Output format: json (default), or a Go template such as '{{.State.Status}}'.
    #[arg(short, long)]
    pub format: Option<String>,
}

/// `coracle image exists`
#[derive(Debug, Args)]
pub struct ExistsArgs {
    /// Image to look for.
    pub image: String,
}

/// `coracle rmi`
#[derive(Debug, Args)]
pub struct RmiArgs {
    /// Images to remove (names or IDs).
    pub images: Vec<String>,
    /// Remove an image even when it has several names, and ignore missing images.
    #[arg(short, long)]
    pub force: bool,
    /// Remove all images.
    #[arg(short, long)]
    pub all: bool,
}

/// `coracle tag`
#[derive(Debug, Args)]
pub struct TagArgs {
    /// Existing image.
    pub image: String,
    /// New names.
    #[arg(required = true)]
    pub names: Vec<String>,
}

/// `coracle image prune`
#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Remove all unused images, not only dangling (unnamed) ones.
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
}

/// `coracle login`
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Registry host[:port].
    pub registry: String,
    /// Username.
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password (prefer --password-stdin).
    #[arg(short, long)]
    pub password: Option<String>,
    /// Read the password from standard input.
    #[arg(long)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub registry_args: RegistryArgs,
}

/// `coracle logout`
#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Registry host[:port].
    #[arg(required_unless_present = "all")]
    pub registry: Option<String>,
    /// Remove the credentials of every registry.
    #[arg(short, long)]
    pub all: bool,
    /// Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json).
    #[arg(long, env = "REGISTRY_AUTH_FILE", value_name = "FILE")]
    pub authfile: Option<PathBuf>,
}

/// A `--format` flag alone.
#[derive(Debug, Args)]
pub struct FormatArgs {
    /// Output format: json, or a Go template.
    #[arg(short, long)]
    pub format: Option<String>,
}

/// `coracle run`
#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct RunArgs {
    /// Image to run.
    pub image: String,
    /// Command and arguments (default: the image's entrypoint and command).
    #[arg(allow_hyphen_values = true)]
    pub command: Vec<String>,
    /// Remove the container when it exits.
    #[arg(long)]
    pub rm: bool,
    /// Keep standard input open.
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-terminal.
    #[arg(short, long)]
    pub tty: bool,
    /// Run in the background, held by a monitor; print the container id.
    #[arg(short, long)]
    pub detach: bool,
    /// Write the container id to this file.
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Add a label: KEY=VALUE.
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Add an annotation: KEY=VALUE.
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Signal that stops the container (default: the image's StopSignal, else SIGTERM).
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,
    /// Seconds `stop` waits before SIGKILL (default 10).
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,
    /// Where the output of a detached container goes: k8s-file, none, passthrough.
    #[arg(long, default_value = "k8s-file", value_name = "DRIVER")]
    pub log_driver: String,
    /// Log options: path=FILE, max-size=SIZE.
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,
    /// Restart policy: no, on-failure[:N], always or unless-stopped (with -d).
    #[arg(long, default_value = "no", value_name = "POLICY")]
    pub restart: String,
    /// Name of the container.
    #[arg(long)]
    pub name: Option<String>,
    /// Hostname inside the container (default: the short container ID).
    #[arg(long)]
    pub hostname: Option<String>,
    /// Set environment variables: KEY=VALUE, or KEY to copy it from the caller.
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file (KEY=VALUE lines).
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<std::path::PathBuf>,
    /// Working directory inside the container.
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// User to run as: USER[:GROUP], names or numbers.
    #[arg(short, long)]
    pub user: Option<String>,
    /// Override the image's entrypoint.
    #[arg(long)]
    pub entrypoint: Option<String>,
    /// Run a minimal init as PID 1 that forwards signals and reaps zombies.
    #[arg(long)]
    pub init: bool,
    /// When to pull the image: always, missing, never, newer.
    #[arg(long, default_value = "missing", value_parser = ["always", "missing", "never", "newer"])]
    pub pull: String,
    /// Bind mount HOST-DIR:CONTAINER-DIR[:ro], volume NAME:CONTAINER-DIR[:ro], or anonymous volume CONTAINER-DIR.
    #[arg(short, long = "volume", value_name = "HOST:CONTAINER[:OPTIONS]")]
    pub volume: Vec<String>,
    /// Mount: type=bind,source=…,target=…[,readonly], type=tmpfs,target=… or type=image,source=IMAGE,target=… (read-only).
    #[arg(long, value_name = "type=TYPE,…")]
    pub mount: Vec<String>,
    /// Mount a tmpfs: PATH[:OPTIONS].
    #[arg(long, value_name = "PATH[:OPTIONS]")]
    pub tmpfs: Vec<String>,
    /// Add a host device (bind-mounted): HOST[:CONTAINER][:PERMISSIONS], permissions of r, w, m.
    #[arg(long, value_name = "HOST[:CONTAINER][:PERMISSIONS]")]
    pub device: Vec<String>,
    /// Mount the root filesystem read-only.
    #[arg(long)]
    pub read_only: bool,
    /// Add capabilities (or ALL).
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop capabilities (or ALL).
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Give the container every capability, no seccomp filter and no masked paths.
    #[arg(long)]
    pub privileged: bool,
    /// Security options: no-new-privileges, seccomp=unconfined, seccomp=FILE.json.
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// User namespace mode: host (default: you are root inside), keep-id[:uid=N,gid=N]
    /// (you are N inside, your own ids by default), nomap (only your subordinate ids),
    /// auto[:size=N] (N of your subordinate ids no other auto container holds; 1024).
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Memory limit (units b, k, m, g; -1 unlimited); needs cgroups.
    #[arg(short = 'm', long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// Memory plus swap limit (-1 unlimited swap; default twice --memory).
    #[arg(long, value_name = "SIZE")]
    pub memory_swap: Option<String>,
    /// Number of CPUs the container may use, such as 0.5.
    #[arg(long, value_name = "NUMBER")]
    pub cpus: Option<String>,
    /// Relative CPU weight (1024 by default).
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<String>,
    /// Maximum number of processes (-1 unlimited).
    #[arg(long, value_name = "LIMIT", allow_hyphen_values = true)]
    pub pids_limit: Option<String>,
    /// Health check command: a command line (run with /bin/sh -c), a JSON array, or none.
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,
    /// Time between the monitor's health checks (default 30s; `disable` or 0: only `healthcheck run`).
    #[arg(long, value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Failed checks in a row that make the container unhealthy (default 3).
    #[arg(long, value_name = "N")]
    pub health_retries: Option<u32>,
    /// Time a check may take (default 30s).
    #[arg(long, value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// Time after the start during which failed checks do not count (default 0s).
    #[arg(long, value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// UID map CONTAINER:FROM:SIZE, FROM counting 0 as you and 1 on as your
    /// subordinate ids (repeatable; also the GID map without --gidmap).
    #[arg(long, value_name = "CONTAINER:FROM:SIZE")]
    pub uidmap: Vec<String>,
    /// GID map CONTAINER:FROM:SIZE, as --uidmap (repeatable).
    #[arg(long, value_name = "CONTAINER:FROM:SIZE")]
    pub gidmap: Vec<String>,
    /// Map the ranges /etc/subuid gives NAME (within your own) from uid 0.
    #[arg(long, value_name = "NAME")]
    pub subuidname: Option<String>,
    /// Map the ranges /etc/subgid gives NAME (within your own) from gid 0.
    #[arg(long, value_name = "NAME")]
    pub subgidname: Option<String>,
    /// Add a supplementary group (gid or name in the container), or keep-groups to
    /// keep your own (repeatable).
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,
    /// Network: the podman network by default (bridge), none (only loopback), host,
    /// pasta[:OPTS], slirp4netns[:OPTS], container:NAME, ns:PATH, or the names of
    /// user-defined networks (repeatable, or NAME1,NAME2).
    #[arg(long, alias = "net", value_name = "MODE|NAME")]
    pub network: Vec<String>,
    /// IPC namespace: private or shareable (default), host, container:NAME or ns:PATH.
    #[arg(long, default_value = "private", value_name = "MODE")]
    pub ipc: String,
    /// PID namespace: private (default), host, container:NAME or ns:PATH.
    #[arg(long, default_value = "private", value_name = "MODE")]
    pub pid: String,
    /// UTS namespace (hostname): private (default), host, container:NAME or ns:PATH.
    #[arg(long, default_value = "private", value_name = "MODE")]
    pub uts: String,
    /// Cgroup namespace: private (default), host, container:NAME or ns:PATH.
    #[arg(long, default_value = "private", value_name = "MODE")]
    pub cgroupns: String,
    /// Platform for an implicit pull.
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
    /// Suppress the output of an implicit pull.
    #[arg(short, long)]
    pub quiet: bool,
    /// Resource limit: TYPE=SOFT[:HARD] (nofile, nproc, core, …; -1 for your hard limit).
    #[arg(long, value_name = "TYPE=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// File mode creation mask inside the container, octal (default 0022).
    #[arg(long, value_name = "MASK")]
    pub umask: Option<String>,
    /// Time zone: a zone name such as Europe/Berlin, or local for the host's.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Kill the container after this many seconds (it then exits with 255).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u32>,
    /// Pass this many of your file descriptors from 3 up to the command (foreground only).
    #[arg(long, value_name = "N")]
    pub preserve_fds: Option<u32>,
    /// Copy your whole environment into the container.
    #[arg(long)]
    pub env_host: bool,
    /// Copy your proxy variables (HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY, any case).
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub http_proxy: bool,
    /// Add a line to /etc/hosts: NAME:IP.
    #[arg(long, value_name = "NAME:IP")]
    pub add_host: Vec<String>,
    /// Set a namespaced kernel parameter: KEY=VALUE (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*).
    #[arg(long, value_name = "KEY=VALUE")]
    pub sysctl: Vec<String>,
    /// Size of /dev/shm, such as 64m (default 64m).
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Remove an existing container of the same --name first.
    #[arg(long)]
    pub replace: bool,
    /// Remove the image once the container exits, unless another container uses it (implies --rm).
    #[arg(long)]
    pub rmi: bool,
    /// Attach only these streams of a foreground container: stdin, stdout, stderr.
    #[arg(short, long, value_name = "STREAM")]
    pub attach: Vec<String>,
    /// Key sequence that detaches from a container, such as ctrl-p,ctrl-q ("" disables).
    #[arg(long, value_name = "KEYS")]
    pub detach_keys: Option<String>,
    /// Mount the volumes of another container, CONTAINER[:ro|rw].
    #[arg(long, value_name = "CONTAINER[:OPTIONS]")]
    pub volumes_from: Vec<String>,
    /// Another name of the container on its user-defined networks (repeatable).
    #[arg(long, value_name = "ALIAS")]
    pub network_alias: Vec<String>,
    /// Nameserver for the container's /etc/resolv.conf, replacing the host's (repeatable).
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// Search domain for /etc/resolv.conf, replacing the host's; . for none (repeatable).
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// resolv.conf option such as ndots:2, replacing the host's (repeatable).
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// MAC address of the container's interface on its one bridge network (the default one too).
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// Publish a port: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|/udp], ranges as 8000-8010 (repeatable).
    #[arg(short = 'p', long, value_name = "SPEC")]
    pub publish: Vec<String>,
    /// Publish every port the image exposes on a free host port.
    #[arg(short = 'P', long)]
    pub publish_all: bool,
    /// Run in the pod NAME (sharing its namespaces), or in a new pod: new:NAME.
    #[arg(long, value_name = "NAME|new:NAME")]
    pub pod: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}
