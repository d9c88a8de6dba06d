//! Arguments of `coracle kube …`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `coracle kube …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum KubeCommand {
    /// Write Kubernetes YAML (a v1 Pod) for containers or pods.
    Generate(KubeGenerateArgs),
    /// Create pods and containers from Kubernetes YAML (kind Pod).
    Play(KubePlayArgs),
}

/// `coracle kube generate`
#[derive(Debug, Args)]
pub struct KubeGenerateArgs {
    /// Containers or pods (names or ids).
    #[arg(required = true)]
    pub targets: Vec<String>,
    /// Write a Service for the published ports too.
    #[arg(short, long)]
    pub service: bool,
    /// Write the YAML to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub filename: Option<PathBuf>,
}

/// `coracle kube play`
#[derive(Debug, Args)]
pub struct KubePlayArgs {
    /// The YAML file, or - for standard input.
    pub file: String,
}
