//! Arguments of `coracle kube …`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `coracle kube …`
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum KubeCommand {
    /// Write Kubernetes YAML (a v1 Pod) for containers or pods.
    Generate(KubeGenerateArgs),
    /// Create pods, containers and volumes from Kubernetes YAML.
    Play(KubePlayArgs),
    /// Remove the pods and containers `kube play` created from the same YAML.
    Down(KubeDownArgs),
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
    /// Write the YAML to FILE instead of standard output (an existing FILE is
    /// refused).
    #[arg(short, long, value_name = "FILE")]
    pub filename: Option<PathBuf>,
    /// The kind to write for each target: pod or deployment.
    #[arg(
        short = 't',
        long = "type",
        value_enum,
        default_value = "pod",
        value_name = "TYPE"
    )]
    pub kind: KubeKind,
    /// The replicas of a Deployment (only with --type deployment; 1 by default).
    #[arg(short, long, value_name = "N")]
    pub replicas: Option<u32>,
}

/// What `kube generate` writes for a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KubeKind {
    /// A v1 Pod.
    Pod,
    /// An apps/v1 Deployment whose template is the Pod.
    Deployment,
}

/// `coracle kube play`
#[derive(Debug, Args)]
pub struct KubePlayArgs {
    /// The YAML file, or - for standard input.
    pub file: String,
    /// Remove the pods of the YAML first (their containers with them) and create
    /// them again.
    #[arg(long)]
    pub replace: bool,
    /// Tear down what the YAML describes instead of creating it (as `kube down`).
    #[arg(long)]
    pub down: bool,
    /// With --down: remove the volumes of the PersistentVolumeClaims too.
    #[arg(long, requires = "down")]
    pub force: bool,
    /// Start the pods' containers (--start=false only creates them).
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub start: bool,
    /// Suppress the output of image pulls.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `coracle kube down`
#[derive(Debug, Args)]
pub struct KubeDownArgs {
    /// The YAML file `kube play` was given, or - for standard input.
    pub file: String,
    /// Remove the volumes of the PersistentVolumeClaims too (kept by default).
    #[arg(long)]
    pub force: bool,
}
