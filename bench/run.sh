#!/usr/bin/env bash
# Start-up benchmark of `run`: coracle vs podman vs the bare namespace floor, all as the
# unprivileged test user of the test bed, on the busybox fixture.
#
#   sudo bash bench/run.sh [RUNS]        (default 30 measured runs each, 3 warm-ups)
#
# Environment: BENCH_TOOLS (default "coracle podman floor": the columns to measure;
# e.g. BENCH_TOOLS="podman floor" when no coracle with `run` exists), CORACLE_BIN
# (default: a release build of coracle-cli), BENCH_WARMUP (default 3), BENCH_HYPERFINE
# (default: hyperfine from PATH; set it empty to use the loop below).
#
# Timing: hyperfine -N (no shell) when installed, else a bash loop run as the test user
# that reads $EPOCHREALTIME around each run (the same clock as `date +%s%N`, without
# forking `date` inside the timed span).
#
# The floor is `unshare --map-auto --map-root-user -mpf --mount-proc true`: the same
# user, mount and pid namespaces and the same newuidmap/newgidmap calls, nothing else.
#
# podman (reference only, never a project dependency: apt-get install podman runc) on
# this host (Debian 12, podman 4.3.1, cgroup v1 "hybrid", no systemd), as found on
# 2026-11-23:
#   - the default runtime crun 1.8 fails: "crun: cgroups in hybrid mode not supported,
#     drop all controllers from cgroupv2" (also with --cgroups=disabled); runc works, so
#     podman runs with --runtime runc (runc rejects --cgroups=disabled);
#   - --cgroup-manager=cgroupfs --events-backend=file are what podman falls back to
#     without systemd anyway; they are passed to avoid the fallback warnings;
#   - XDG_RUNTIME_DIR must be short: podman's conmon exit command (`podman container
#     cleanup --rm`) gets --runroot $XDG_RUNTIME_DIR/containers and refuses one longer
#     than 50 characters; `podman run` then waits for its 20 s conmon timeout on every
#     run. So every tool here gets XDG_RUNTIME_DIR=/tmp/coracle-bench.XXXXXX.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-30}
WARMUP=${BENCH_WARMUP:-3}
HYPERFINE=${BENCH_HYPERFINE-$(command -v hyperfine || true)}
read -r -a TOOLS <<<"${BENCH_TOOLS:-coracle podman floor}"
wants() { [[ " ${TOOLS[*]} " == *" $1 "* ]]; }

bench_testbed
IMG=$CORACLE_TEST_REGISTRY/busybox:latest
dir=$(bench_userdir run)
bench_runtime_dir
cleanup() {
    # podman's rootless pause process lives as long as its runtime directory is used.
    local pid
    if pid=$(cat "$BENCH_RUNTIME_DIR/libpod/tmp/pause.pid" 2>/dev/null); then
        kill "$pid" 2>/dev/null || true
    fi
    # podman leaves files owned by subordinate ids: remove them as root.
    rm -rf "$dir"
    bench_runtime_dir_remove
}
trap cleanup EXIT

BENCH_USERDIR=$dir
check() { bench_check "$@"; }
measure() { bench_measure "$@"; }

declare -A median cmdline
if wants coracle; then
    CORACLE=$(bench_coracle_bin)
    bench_as_user "$dir" "$CORACLE" run --help >/dev/null 2>&1 ||
        bench_die "$CORACLE has no \`run\` command (\`coracle run --help\` failed): build one that has, set CORACLE_BIN, or measure without it: BENCH_TOOLS=\"podman floor\""
    check "coracle pull" "$CORACLE" pull -q --tls-verify=false "$IMG"
    check "coracle run" "$CORACLE" run --rm --network none "$IMG" true
    cmd=("$CORACLE" run --rm --network none "$IMG" true)
    cmdline[coracle]="coracle run --rm --network none $IMG true"
    median[coracle]=$(measure coracle "${cmd[@]}")
fi
if wants podman; then
    if command -v podman >/dev/null; then
        PODMAN=(podman --runtime runc --cgroup-manager=cgroupfs --events-backend=file)
        check "podman pull" "${PODMAN[@]}" pull -q --tls-verify=false "$IMG"
        check "podman run" "${PODMAN[@]}" run --rm --network none "$IMG" true
        cmd=("${PODMAN[@]}" run --rm --network none "$IMG" true)
        cmdline[podman]="${cmd[*]}"
        median[podman]=$(measure podman "${cmd[@]}")
    else
        bench_log "podman is not installed: no podman column (apt-get install podman runc)"
    fi
fi
if wants floor; then
    cmd=(unshare --map-auto --map-root-user -mpf --mount-proc true)
    check floor "${cmd[@]}"
    cmdline[floor]="${cmd[*]}"
    median[floor]=$(measure floor "${cmd[@]}")
fi

printf '\nrun --rm --network none busybox true: median of %s runs after %s warm-ups, as %s\n' \
    "$RUNS" "$WARMUP" "$CORACLE_TEST_USER"
for t in coracle podman floor; do
    [[ -n ${median[$t]:-} ]] || continue
    printf '  %-8s %9.2f ms   %s\n' "$t" "$(awk -v s="${median[$t]}" 'BEGIN { print s * 1000 }')" "${cmdline[$t]}"
done
if [[ -n ${median[podman]:-} && -n ${median[coracle]:-} ]]; then
    printf '  podman/coracle: %s   (target >= 10)\n' "$(bench_ratio "${median[podman]}" "${median[coracle]}")"
fi
if [[ -n ${median[coracle]:-} && -n ${median[floor]:-} ]]; then
    printf '  coracle/floor:  %s   (target <= 3)\n' "$(bench_ratio "${median[coracle]}" "${median[floor]}")"
fi
if [[ -n ${median[podman]:-} && -n ${median[floor]:-} ]]; then
    printf '  podman/floor:   %s\n' "$(bench_ratio "${median[podman]}" "${median[floor]}")"
fi
