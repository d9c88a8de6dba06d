#!/usr/bin/env bash
# Save/load benchmark on the ~1 GB, 5-layer image of bench/pull.sh (big:latest, built
# once by .ci/fixtures.py), coracle and podman side by side in one run, as the test
# bed's unprivileged user:
#
#   sudo bash bench/archive.sh [RUNS]       (default 3 runs of each)
#
# save: `save -o FILE big:latest` (docker-archive, the default of both) from a store
#       that holds the image.
# load: `load -i FILE` of that tool's own archive into an empty store (verify every
#       blob, unpack the layers, record the image).
# Once, untimed, each tool also loads the other's archive (they must be compatible).
# Every run starts with `sync`; nothing is deleted until all runs are done (see
# bench/unpack.sh on discards). Env: BIG_LAYERS, BIG_MIB, CORACLE_BIN.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-3}
bench_testbed
command -v podman >/dev/null || bench_die "needs podman (apt-get install podman)"
CORACLE=$(bench_coracle_bin)
bench_big_image
bench_runtime_dir
cleanup() { bench_runtime_dir_remove; rm -rf "$BENCH_DIR"/archive-*; }
trap cleanup EXIT

# podman_in DIR: set PODMAN to podman with its store in DIR and a short runroot.
podman_in() {
    PODMAN=(podman --root "$1/store" --runroot "$BENCH_RUNTIME_DIR/$(printf %s "$1" | cksum | cut -c1-8)"
        --cgroup-manager=cgroupfs --events-backend=file)
}

rm -rf "$BENCH_DIR"/archive-*
cdir=$(bench_userdir archive-coracle)
pdir=$(bench_userdir archive-podman)
bench_log "pulling $REF into one store of each"
bench_as_user "$cdir" "$CORACLE" --root "$cdir/store" pull -q --tls-verify=false "$REF" >/dev/null
podman_in "$pdir"
bench_as_user "$pdir" "${PODMAN[@]}" pull -q --tls-verify=false "$REF" >/dev/null

declare -a s_coracle=() s_podman=() l_coracle=() l_podman=()
for run in $(seq 1 "$RUNS"); do
    sync
    bench_time t bench_as_user "$cdir" "$CORACLE" --root "$cdir/store" save -o "$cdir/c$run.tar" "$REF"
    s_coracle+=("$t")
    sync
    podman_in "$pdir"
    bench_time t bench_as_user "$pdir" "${PODMAN[@]}" save -o "$pdir/p$run.tar" "$REF"
    s_podman+=("$t")

    dir=$(bench_userdir "archive-load-coracle-$run")
    sync
    bench_time t bench_as_user "$dir" "$CORACLE" --root "$dir/store" load -i "$cdir/c$run.tar"
    l_coracle+=("$t")
    dir=$(bench_userdir "archive-load-podman-$run")
    sync
    podman_in "$dir"
    bench_time t bench_as_user "$dir" "${PODMAN[@]}" load -i "$pdir/p$run.tar"
    l_podman+=("$t")
    bench_log "run $run: save coracle ${s_coracle[-1]} s, podman ${s_podman[-1]} s; load coracle ${l_coracle[-1]} s, podman ${l_podman[-1]} s"
done

bench_log "cross-loading each tool's archive with the other"
dir=$(bench_userdir archive-cross-coracle)
bench_as_user "$dir" "$CORACLE" --root "$dir/store" load -i "$pdir/p1.tar" >/dev/null \
    || bench_die "coracle cannot load podman's archive"
dir=$(bench_userdir archive-cross-podman)
podman_in "$dir"
bench_as_user "$dir" "${PODMAN[@]}" load -i "$cdir/c1.tar" >/dev/null \
    || bench_die "podman cannot load coracle's archive"

ms_c=$(bench_median "${s_coracle[@]}")
ms_p=$(bench_median "${s_podman[@]}")
ml_c=$(bench_median "${l_coracle[@]}")
ml_p=$(bench_median "${l_podman[@]}")
mib() { awk -v s="$(stat -c %s "$1")" 'BEGIN { printf "%.0f", s / 1048576 }'; }
echo
echo "save/load of $REF ($LAYERS layers x $MIB MiB), median of $RUNS runs:"
printf '  %-6s %9s %9s %12s\n' "" save load "archive"
printf '  %-6s %7s s %7s s %8s MiB\n' coracle "$ms_c" "$ml_c" "$(mib "$cdir/c1.tar")"
printf '  %-6s %7s s %7s s %8s MiB\n' podman "$ms_p" "$ml_p" "$(mib "$pdir/p1.tar")"
echo "  podman/coracle: save $(bench_ratio "$ms_p" "$ms_c")x, load $(bench_ratio "$ml_p" "$ml_c")x (target >= 2)"
