//! Arguments of `export`, `import`, `commit` and `diff`.

use std::path::PathBuf;

use clap::Args;

/// `coracle export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write the tar to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The container.
    pub container: String,
}

/// What `import` and `commit` write into the new image's configuration.
#[derive(Debug, Args)]
pub struct NewImageArgs {
    /// Apply a Dockerfile instruction to the image's configuration: CMD, ENTRYPOINT,
    /// ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME or WORKDIR (INSTRUCTION=VALUE).
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// Commit message stored in the image's history.
    #[arg(short, long)]
    pub message: Option<String>,
}

/// `coracle import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub config: NewImageArgs,
    /// Print only the image ID.
    #[arg(short, long)]
    pub quiet: bool,
    /// The tar file (plain, gzip or zstd), an http:// or https:// URL, or - for stdin.
    pub source: String,
    /// Name of the new image.
    pub reference: Option<String>,
}

/// `coracle commit`
#[derive(Debug, Args)]
pub struct CommitArgs {
    #[command(flatten)]
    pub config: NewImageArgs,
    /// Author stored in the image.
    #[arg(short, long)]
    pub author: Option<String>,
    /// Freeze the container while its layer is read.
    #[arg(short, long)]
    pub pause: bool,
    /// Print only the image ID.
    #[arg(short, long)]
    pub quiet: bool,
    /// The container.
    pub container: String,
    /// Name of the new image.
    pub image: Option<String>,
}

/// `coracle diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Output format: json.
    #[arg(long)]
    pub format: Option<String>,
    /// The container.
    pub container: String,
}
