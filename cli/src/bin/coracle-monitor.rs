//! The `coracle-monitor` binary: a detached container's monitor (see the
//! `coracle-monitor` crate). It links nothing but that crate and std.

fn main() {
    std::process::exit(coracle_monitor::main());
}
