#!/usr/bin/env bash
# Build coracle and coracle-monitor as users run them, and install them.
#
#   bash install.sh            cargo install both programs (into ~/.cargo/bin, or
#                              $CARGO_INSTALL_ROOT/bin)
#   bash install.sh --build    only build them; prints the path of the coracle binary
#                              (coracle-monitor is beside it), for the benchmarks and CI
#
# On glibc the programs are linked statically, at a fixed address (a static
# executable, not position-independent). Every coracle command is a short-lived
# process, and without the dynamic loader (mapping libc, libm and libgcc_s, resolving
# their symbols and running their constructors) a command starts in two thirds of the
# time: `ps` of 50 containers takes a fifth less. At a fixed address nothing is
# relocated at start either: a position-independent coracle rewrites 21 500 pointers
# in 76 pages of its data at each start (a page fault and a copy for each page), 0.4
# ms of a `run --rm` here, and 300 KiB of each monitor's resident memory. The heap,
# the stack and every mapping but the program's own are still randomised; Debian's
# podman, runc and skopeo are built the same way (bench/RESULTS.md). glibc resolves
# host names and users itself in a static program (its built-in "files" and "dns"
# sources). The flags are given for the target only (hence --target), not for build
# scripts and procedural macros, which must stay dynamic libraries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

host=$(rustc -vV | sed -n 's/^host: //p')
[[ -n $host ]] || { echo "install.sh: rustc -vV names no host target" >&2; exit 1; }
flags=${RUSTFLAGS:-}
if [[ $host == *-linux-gnu* ]]; then
    flags="$flags -C target-feature=+crt-static -C relocation-model=static"
fi

# write_in_large_pieces FILE: write FILE anew in 2 MiB writes (a copy renamed over
# it). The page cache keeps a file in the folio sizes it was written in, where the
# file system caches files in large folios (ext4 does on recent kernels), and coracle's
# code segment starts on a 2 MiB boundary (cli/build.rs): so each 2 MiB of code is
# then mapped with one page-table entry, and a short command's start and exit do
# less work (see bench/RESULTS.md). A program read back after the kernel evicted
# it is cached in small folios again, as any program is; nothing else changes.
write_in_large_pieces() {
    local file=$1
    dd if="$file" of="$file.new" bs=2M conv=fsync status=none
    chmod --reference="$file" "$file.new"
    mv -f "$file.new" "$file"
}

case ${1:-} in
--build)
    RUSTFLAGS=$flags cargo build --release --locked -p coracle-cli --target "$host" >&2
    write_in_large_pieces "target/$host/release/coracle"
    echo "$PWD/target/$host/release/coracle"
    ;;
"")
    RUSTFLAGS=$flags cargo install --locked --path cli --target "$host"
    installed=${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin/coracle
    if [[ -f $installed ]]; then
        write_in_large_pieces "$installed"
    fi
    ;;
*)
    echo "usage: bash install.sh [--build]" >&2
    exit 2
    ;;
esac
