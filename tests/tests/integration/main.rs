//! All black-box integration tests, in one binary (one harness: `coracle_tests`).
//! Needs the test bed: `sudo bash .ci/testbed start`, and `cargo build -p coracle-cli`.

mod archives;
mod auth;
mod cgroups;
mod commit;
mod cp;
mod detach;
mod exec;
mod hostile_layers;
mod hostile_mounts;
mod hygiene;
mod images;
mod kube;
mod lifecycle;
mod monitor;
mod namespaces;
mod network;
mod network_fallback;
mod network_root;
mod networks_cli;
mod pods;
mod procflags;
mod pull;
mod query;
mod run;
mod run_rm;
mod runtime_files;
mod surface;
mod terminal;
mod testbed;
mod userns;
mod util;
mod volumes;
