//! Shared harness for the black-box integration tests.
//!
//! The tests run as root against the test bed started by `sudo bash .ci/testbed start`
//! (two local registries, fixture images, the unprivileged user `coracle-test`) and run
//! the `coracle` binary as that user inside a private [`Sandbox`]. The binary is taken
//! from `$CORACLE_BIN` or `<target>/debug/coracle`: build it first with
//! `cargo build -p coracle-cli` (`.ci/run` does).

mod bed;
mod binary;
mod registry;
mod run;
mod sandbox;

pub use bed::{parse_env, testbed, TestBed};
pub use binary::coracle_bin;
pub use registry::{
    push_unique_image, registry_blob_path, skopeo, skopeo_inspect, skopeo_raw_manifest, UniqueImage,
};
pub use run::{run_root, Run};
pub use sandbox::Sandbox;
