//! The command line of `coracle volume …` and `coracle system reset`.

use clap::{Args, Subcommand};

/// `coracle volume …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum VolumeCommand {
    /// Create a volume (a random name when none is given); print its name.
    Create(VolumeCreateArgs),
    /// List volumes.
    #[command(name = "ls", visible_alias = "list")]
    List(VolumeListArgs),
    /// Show the details of volumes as JSON.
    Inspect(VolumeInspectArgs),
    /// Exit 0 if a volume exists, 1 if not.
    Exists(VolumeExistsArgs),
    /// Remove volumes (exit 2 when one is in use, unless -f).
    #[command(visible_alias = "remove")]
    Rm(VolumeRmArgs),
    /// Remove every volume no container uses.
    Prune(VolumePruneArgs),
}

/// `coracle volume create`
#[derive(Debug, Args)]
pub struct VolumeCreateArgs {
    /// The volume's name (default: 64 random hex digits).
    pub name: Option<String>,
    /// Volume driver (only local).
    #[arg(short, long, default_value = "local")]
    pub driver: String,
    /// Label KEY=VALUE (may be given several times).
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Driver option: o=uid=N,gid=N,nocopy (may be given several times).
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// Succeed without change when the volume exists.
    #[arg(long)]
    pub ignore: bool,
}

/// `coracle volume ls`
#[derive(Debug, Args)]
pub struct VolumeListArgs {
    /// Print names only.
    #[arg(short, long)]
    pub quiet: bool,
    /// Filter: name=, label=KEY[=VALUE], dangling=true|false, driver= (may be repeated).
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Go template or json.
    #[arg(long)]
    pub format: Option<String>,
    /// Print no header row.
    #[arg(short, long)]
    pub noheading: bool,
}

/// `coracle volume inspect`
#[derive(Debug, Args)]
pub struct VolumeInspectArgs {
    /// Volumes (names, or unique starts of names).
    #[arg(required_unless_present = "all")]
    pub names: Vec<String>,
    /// Every volume.
    #[arg(short, long)]
    pub all: bool,
    /// Go template instead of JSON.
    #[arg(short, long)]
    pub format: Option<String>,
}

/// `coracle volume exists`
#[derive(Debug, Args)]
pub struct VolumeExistsArgs {
    /// The volume's name.
    pub name: String,
}

/// `coracle volume rm`
#[derive(Debug, Args)]
pub struct VolumeRmArgs {
    /// Volumes (names, or unique starts of names).
    #[arg(required_unless_present = "all")]
    pub names: Vec<String>,
    /// Every volume.
    #[arg(short, long)]
    pub all: bool,
    /// Remove the containers using a volume first (running ones are stopped).
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for a forced stop before SIGKILL.
    #[arg(short = 't', long = "time", value_name = "SECONDS", requires = "force")]
    pub time: Option<u32>,
}

/// `coracle volume prune`
#[derive(Debug, Args)]
pub struct VolumePruneArgs {
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
    /// Filter: label=KEY[=VALUE], name= (may be repeated).
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

/// `coracle system reset`
#[derive(Debug, Args)]
pub struct SystemResetArgs {
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub force: bool,
}
