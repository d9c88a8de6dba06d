//! Arguments of `image history` and `image tree`.

use clap::Args;

/// `coracle image history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Do not truncate IDs and commands.
    #[arg(long)]
    pub no_trunc: bool,
    /// Print only the IDs.
    #[arg(short, long)]
    pub quiet: bool,
    /// Output format: json, or a Go template such as '{{.ID}} {{.CreatedBy}}'.
    #[arg(long)]
    pub format: Option<String>,
    /// The image.
    pub image: String,
}

/// `coracle image tree`
#[derive(Debug, Args)]
pub struct TreeArgs {
    /// The image.
    pub image: String,
}
