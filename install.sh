#!/usr/bin/env bash
# Build coracle and coracle-monitor as users run them, and install them.
#
#   bash install.sh            cargo install both programs (into ~/.cargo/bin, or
#                              $CARGO_INSTALL_ROOT/bin)
#   bash install.sh --build    only build them; prints the path of the coracle binary
#                              (coracle-monitor is beside it), for the benchmarks and CI
#
# On glibc the programs are linked statically, as position-independent executables
# (static-pie: the address space is still randomised). Every coracle command is a
# short-lived process, and without the dynamic loader (mapping libc, libm and
# libgcc_s, resolving their symbols and running their constructors) a command starts
# in two thirds of the time: `ps` of 50 containers takes a fifth less. glibc resolves
# host names and users itself in a static program (its built-in "files" and "dns"
# sources). The flag is given for the target only (hence --target), not for build
# scripts and procedural macros, which must stay dynamic libraries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

host=$(rustc -vV | sed -n 's/^host: //p')
[[ -n $host ]] || { echo "install.sh: rustc -vV names no host target" >&2; exit 1; }
flags=${RUSTFLAGS:-}
if [[ $host == *-linux-gnu* ]]; then
    flags="$flags -C target-feature=+crt-static"
fi

case ${1:-} in
--build)
    RUSTFLAGS=$flags cargo build --release --locked -p coracle-cli --target "$host" >&2
    echo "$PWD/target/$host/release/coracle"
    ;;
"")
    RUSTFLAGS=$flags cargo install --locked --path cli --target "$host"
    ;;
*)
    echo "usage: bash install.sh [--build]" >&2
    exit 2
    ;;
esac
