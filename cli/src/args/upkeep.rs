//! Arguments of `system check`.

use clap::Args;

/// `coracle system check`
#[derive(Debug, Args)]
pub struct SystemCheckArgs {
    /// Remove damaged images (unless containers use them) and damaged layer
    /// directories; a later pull or run restores them.
    #[arg(short, long)]
    pub repair: bool,
    /// With --repair, also remove the containers that use damaged images.
    #[arg(short, long)]
    pub force: bool,
    /// Skip hashing every blob (only missing blobs and layer file lists are checked).
    #[arg(short, long)]
    pub quick: bool,
}

/// `coracle system df`
#[derive(Debug, Args)]
pub struct SystemDfArgs {
    /// Show every image, container and volume.
    #[arg(short, long)]
    pub verbose: bool,
    /// Output format: json, or a Go template such as '{{.Type}} {{.Size}}'.
    #[arg(long, conflicts_with = "verbose")]
    pub format: Option<String>,
}
