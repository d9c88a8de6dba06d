//! Arguments of `coracle pod …`.

use clap::{Args, Subcommand};

/// `coracle pod …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum PodCommand {
    /// Create a pod and its infra container; print its id.
    Create(PodCreateArgs),
    /// List pods.
    #[command(name = "ps", visible_aliases = ["ls", "list"])]
    Ps(PodPsArgs),
    /// Show the details of pods as JSON.
    Inspect(PodInspectArgs),
    /// Exit 0 if a pod exists, 1 if not.
    Exists(PodExistsArgs),
    /// Start pods: the infra container first, then the others.
    Start(PodTargets),
    /// Stop every container of pods.
    Stop(PodStopArgs),
    /// Stop and start pods again.
    Restart(PodTargets),
    /// Send a signal to every running container of pods.
    Kill(PodKillArgs),
    /// Remove pods and their containers.
    #[command(visible_alias = "remove")]
    Rm(PodRmArgs),
    /// Remove every pod whose containers are all stopped.
    Prune(PodPruneArgs),
    /// Pause every running container of pods.
    Pause(PodTargets),
    /// Unpause every paused container of pods.
    Unpause(PodTargets),
    /// Show the processes of a pod's running containers.
    Top(PodTopArgs),
    /// Show the logs of a pod's containers.
    Logs(PodLogsArgs),
}

/// `coracle pod top`
#[derive(Debug, Args)]
pub struct PodTopArgs {
    /// Pod (name or id).
    pub pod: String,
    /// Descriptors (default: user,pid,ppid,pcpu,etime,tty,time,args).
    pub descriptors: Vec<String>,
}

/// `coracle pod logs`
#[derive(Debug, Args)]
pub struct PodLogsArgs {
    /// Pod (name or id).
    pub pod: String,
    /// Show only this container of the pod (name or id).
    #[arg(short, long, value_name = "CONTAINER")]
    pub container: Option<String>,
    #[command(flatten)]
    pub options: super::LogOptions,
}

/// `coracle pod create`
#[derive(Debug, Args)]
pub struct PodCreateArgs {
    /// Name of the pod (default: a generated one).
    #[arg(long)]
    pub name: Option<String>,
    /// Publish a port of the pod: [[IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL].
    #[arg(short, long = "publish", value_name = "PORT")]
    pub publish: Vec<String>,
    /// Network of the pod's infra container (its containers share it).
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,
    /// Namespaces the pod's containers share: a comma list of net, ipc, uts.
    #[arg(long, default_value = "net,ipc,uts", value_name = "NAMESPACES")]
    pub share: String,
    /// Create an infra container holding the shared namespaces.
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub infra: bool,
    /// Add a label: KEY=VALUE.
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Hostname of the pod (its containers share it).
    #[arg(long)]
    pub hostname: Option<String>,
}

/// `coracle pod ps`
#[derive(Debug, Args)]
pub struct PodPsArgs {
    /// Print only pod ids.
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not truncate ids.
    #[arg(long)]
    pub no_trunc: bool,
    /// Show the names of each pod's containers.
    #[arg(long)]
    pub ctr_names: bool,
    /// Show the status of each pod's containers.
    #[arg(long)]
    pub ctr_status: bool,
    /// Show the ids of each pod's containers.
    #[arg(long)]
    pub ctr_ids: bool,
    /// Show only pods matching KEY=VALUE: id, name, label, status.
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Do not print the header row.
    #[arg(long = "noheading")]
    pub noheading: bool,
    /// Output format: json, or a Go template such as '{{.ID}} {{.Name}} {{.Status}}'.
    #[arg(long)]
    pub format: Option<String>,
}

/// `coracle pod inspect`
#[derive(Debug, Args)]
pub struct PodInspectArgs {
    /// Pods (names or ids).
    #[arg(required = true)]
    pub pods: Vec<String>,
    /// Output format: json, or a Go template such as '{{.Name}}'.
    #[arg(short, long)]
    pub format: Option<String>,
}

/// `coracle pod exists`
#[derive(Debug, Args)]
pub struct PodExistsArgs {
    /// Pod (name or id).
    pub pod: String,
}

/// Pods named on the command line, or all of them.
#[derive(Debug, Args)]
pub struct PodTargets {
    /// Pods (names or ids).
    pub pods: Vec<String>,
    /// Every pod.
    #[arg(short, long)]
    pub all: bool,
}

/// `coracle pod stop`
#[derive(Debug, Args)]
pub struct PodStopArgs {
    #[command(flatten)]
    pub targets: PodTargets,
    /// Seconds to wait before SIGKILL.
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Ignore pods that do not exist.
    #[arg(short, long)]
    pub ignore: bool,
}

/// `coracle pod kill`
#[derive(Debug, Args)]
pub struct PodKillArgs {
    #[command(flatten)]
    pub targets: PodTargets,
    /// Signal to send (name or number).
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
}

/// `coracle pod rm`
#[derive(Debug, Args)]
pub struct PodRmArgs {
    #[command(flatten)]
    pub targets: PodTargets,
    /// Stop running containers first.
    #[arg(short, long)]
    pub force: bool,
    /// Ignore pods that do not exist.
    #[arg(short, long)]
    pub ignore: bool,
    /// Seconds to wait before SIGKILL when stopping (with -f).
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
}

/// `coracle pod prune`
#[derive(Debug, Args)]
pub struct PodPruneArgs {
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
}
