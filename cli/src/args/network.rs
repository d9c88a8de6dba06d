//! `coracle network …`: the arguments of the user-defined network commands.

use clap::{Args, Subcommand};

/// `coracle network …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum NetworkCommand {
    /// Create a network (a bridge with a subnet of its own).
    Create(NetworkCreateArgs),
    /// List networks.
    #[command(alias = "list")]
    Ls(NetworkLsArgs),
    /// Show networks' definitions as JSON.
    Inspect(NetworkInspectArgs),
    /// Exit 0 if the network exists, 1 if not.
    Exists(NetworkExistsArgs),
    /// Remove networks.
    #[command(alias = "remove")]
    Rm(NetworkRmArgs),
    /// Remove networks no container uses.
    Prune(NetworkPruneArgs),
    /// Attach a container to a network.
    Connect(NetworkConnectArgs),
    /// Detach a container from a network.
    Disconnect(NetworkDisconnectArgs),
}

/// `coracle network create`
#[derive(Debug, Args)]
pub struct NetworkCreateArgs {
    /// Name of the network (default: the first free podmanN).
    pub name: Option<String>,
    /// Subnet in CIDR notation, such as 10.89.5.0/24 (default: a free one of 10.89.0.0/16 on).
    #[arg(long, value_name = "CIDR")]
    pub subnet: Option<String>,
    /// Gateway address (default: the subnet's first address); needs --subnet.
    #[arg(long, value_name = "IP")]
    pub gateway: Option<String>,
    /// No route out of the network: containers reach only each other.
    #[arg(long)]
    pub internal: bool,
    /// Set a label: KEY=VALUE (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Do not answer the containers' names on this network.
    #[arg(long)]
    pub disable_dns: bool,
    /// Driver: only bridge.
    #[arg(short, long, default_value = "bridge", value_name = "DRIVER")]
    pub driver: String,
    /// Do nothing (and succeed) if a network of that name exists.
    #[arg(long)]
    pub ignore: bool,
}

/// `coracle network ls`
#[derive(Debug, Args)]
pub struct NetworkLsArgs {
    /// Print only the names.
    #[arg(short, long)]
    pub quiet: bool,
    /// Show only networks matching KEY=VALUE: name (a regular expression), driver, label, id.
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output format: json, or a Go template such as '{{.Name}} {{.Driver}}'.
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print the header row.
    #[arg(short, long = "noheading")]
    pub noheading: bool,
    /// Do not truncate the network ID.
    #[arg(long)]
    pub no_trunc: bool,
}

/// `coracle network inspect`
#[derive(Debug, Args)]
pub struct NetworkInspectArgs {
    /// Networks, by name or ID.
    #[arg(required = true)]
    pub networks: Vec<String>,
    /// Output format: json (default), or a Go template such as '{{.Subnets}}'.
    #[arg(short, long)]
    pub format: Option<String>,
}

/// `coracle network exists`
#[derive(Debug, Args)]
pub struct NetworkExistsArgs {
    /// Network name or ID.
    pub network: String,
}

/// `coracle network rm`
#[derive(Debug, Args)]
pub struct NetworkRmArgs {
    /// Networks, by name or ID.
    #[arg(required = true)]
    pub networks: Vec<String>,
    /// Also remove the containers that use the networks (stopping running ones).
    #[arg(short, long)]
    pub force: bool,
}

/// `coracle network prune`
#[derive(Debug, Args)]
pub struct NetworkPruneArgs {
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
}

/// `coracle network connect`
#[derive(Debug, Args)]
pub struct NetworkConnectArgs {
    /// The network.
    pub network: String,
    /// The container.
    pub container: String,
    /// Another name of the container on this network (repeatable).
    #[arg(long, value_name = "NAME")]
    pub alias: Vec<String>,
    /// MAC address of the container's interface on this network.
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
}

/// `coracle network disconnect`
#[derive(Debug, Args)]
pub struct NetworkDisconnectArgs {
    /// The network.
    pub network: String,
    /// The container.
    pub container: String,
    /// Accepted for Podman's sake: a disconnect always takes effect.
    #[arg(short, long)]
    pub force: bool,
}
