//! Link flags of the `coracle` program (not of `coracle-monitor`).
//!
//! Every coracle command is a short-lived process that runs code spread over a
//! program of about 13 MiB, and on Linux the time it spends mapping that code and
//! unmapping it at exit is a large part of a short command (up to 1.7 ms of a
//! `run --rm` here, more than flag parsing and the store together: see
//! bench/RESULTS.md). When the code's segment starts on a 2 MiB boundary, both in the
//! file and in memory, and the page cache holds the file in 2 MiB folios, the kernel
//! maps each 2 MiB of code with a single page-table entry instead of 512 (see
//! install.sh, which writes the program so that the page cache starts out that way).
//! Without large folios nothing changes. The cost: the file grows by the padding
//! (about 1.5 MiB); the program's load address, still randomised, is a multiple of
//! 2 MiB; and a command's resident memory counts the 2 MiB mappings in full (they
//! are the shared page cache, not memory of its own).
//!
//! The monitor is left as it is: it lives as long as its container, and a 2 MiB
//! mapping would count in full in its resident memory, which is kept under 1 MiB.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        for flag in ["-Wl,-z,max-page-size=0x200000", "-Wl,-z,separate-code"] {
            println!("cargo:rustc-link-arg-bin=coracle={flag}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
