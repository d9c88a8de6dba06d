//! Link flags of the `coracle` program (not of `coracle-monitor`).
//!
//! Every coracle command is a short-lived process that runs code spread over a
//! program of about 13 MiB, and on Linux the time it spends mapping that code and
//! unmapping it at exit is a large part of a short command (up to 1.7 ms of a
//! `run --rm` here, more than flag parsing and the store together: see
//! bench/RESULTS.md). Two things make that smaller:
//!
//! - **The code segment starts on a 2 MiB boundary**, both in the file and in memory.
//!   When the page cache holds the file in 2 MiB folios, the kernel then maps each
//!   2 MiB of code with a single page-table entry instead of 512 (see install.sh,
//!   which writes the program so that the page cache starts out that way). The cost:
//!   the file grows by the padding (about 1.3 MiB); the program's load address, still
//!   randomised, is a multiple of 2 MiB; and a command's resident memory counts the
//!   2 MiB mappings in full (they are the shared page cache, not memory of its own).
//! - **The functions the common commands run come first** (`hot-functions.txt`, made
//!   by `bench/hot-functions.sh`), so that they share pages. This matters once the
//!   kernel has evicted the program and read it back through page faults, one 4 KiB
//!   page at a time, which is how a program runs after a reboot. The list is only an
//!   order: a name that no longer exists is skipped, and code it does not name keeps
//!   its place after it. Only LLD takes the list, so it is given only where LLD is
//!   known to link (rustc 1.90 and later on x86_64 Linux, no linker chosen in the
//!   flags or the configuration).
//!
//! The monitor is left as it is: it lives as long as its container, and a 2 MiB
//! mapping would count in full in its resident memory, which is kept under 1 MiB.

use std::path::Path;
use std::process::Command;

/// The list of hot functions, beside this file.
const HOT_FUNCTIONS: &str = "hot-functions.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={HOT_FUNCTIONS}");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os != "linux" {
        return;
    }
    for flag in ["-Wl,-z,max-page-size=0x200000", "-Wl,-z,separate-code"] {
        link_arg(flag);
    }
    let list =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join(HOT_FUNCTIONS);
    if links_with_rust_lld() && list.is_file() {
        // -Xlinker passes each word as it is (a path may hold a comma).
        for word in [
            "--symbol-ordering-file",
            &list.display().to_string(),
            "--no-warn-symbol-ordering",
        ] {
            link_arg("-Xlinker");
            link_arg(word);
        }
    }
}

/// One argument for the linker driver when it links `coracle`.
fn link_arg(arg: &str) {
    println!("cargo:rustc-link-arg-bin=coracle={arg}");
}

/// Whether rustc links this target with its own LLD: x86_64 Linux from rustc 1.90 on,
/// unless a linker was chosen (`RUSTC_LINKER` is set then) or the flags change the
/// linker or its flavour.
fn links_with_rust_lld() -> bool {
    if std::env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu") {
        return false;
    }
    if std::env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags.split('\u{1f}').any(|flag| {
        flag.contains("linker") || flag.contains("fuse-ld") || flag.contains("link-self-contained")
    }) {
        return false;
    }
    rustc_minor_version().is_some_and(|minor| minor >= 90)
}

/// The minor version of the rustc building this crate (`rustc 1.95.0 (…)` → 95).
fn rustc_minor_version() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let output = Command::new(rustc).arg("-V").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}
