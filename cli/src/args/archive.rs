//! Flags of `save` and `load` (Podman's names).

use std::path::PathBuf;

use clap::Args;

/// `coracle save`
#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Images to save (with -m each is an image; without, further names must name the same image).
    #[arg(required = true, num_args = 1..)]
    pub images: Vec<String>,
    /// Write to this file (or directory, for oci-dir and docker-dir) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Archive format.
    #[arg(long, default_value = "docker-archive", value_parser = ["docker-archive", "oci-archive", "oci-dir", "docker-dir"])]
    pub format: String,
    /// Allow several images in one docker-archive.
    #[arg(short = 'm', long)]
    pub multi_image_archive: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `coracle load`
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Read the archive from this file instead of standard input (plain, gzip or zstd tar).
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}
