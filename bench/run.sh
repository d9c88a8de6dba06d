#!/usr/bin/env bash
# Start-up benchmark of `run`: coracle vs podman vs the bare namespace floor, as the
# unprivileged test user, on the busybox fixture, with hyperfine.
#
#   sudo bash bench/run.sh [RUNS]        (default 30 runs each, 3 warm-ups)
#
# The floor is `unshare --map-auto --map-root-user -mpf --mount-proc true`: the same
# user, mount and pid namespaces and the same newuidmap/newgidmap calls, nothing else.
# podman (reference only, never a dependency) runs with --cgroup-manager=cgroupfs and
# --events-backend=file: this host has cgroup v1 and no systemd.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-30}
bench_testbed
command -v hyperfine >/dev/null || bench_die "hyperfine is not installed (apt-get install hyperfine)"
CORACLE=$(bench_coracle_bin)
IMG=$CORACLE_TEST_REGISTRY/busybox:latest
dir=$(bench_userdir run)
bench_as_user "$dir" "$CORACLE" pull -q --tls-verify=false "$IMG" >/dev/null
bench_as_user "$dir" "$CORACLE" run --rm --network none "$IMG" true \
    || bench_die "coracle run does not work here"

cmds=("$CORACLE run --rm --network none $IMG true" "unshare --map-auto --map-root-user -mpf --mount-proc true")
names=(coracle floor)
PODMAN=(podman --cgroup-manager=cgroupfs --events-backend=file)
if command -v podman >/dev/null; then
    if bench_as_user "$dir" "${PODMAN[@]}" pull -q --tls-verify=false "$IMG" >/dev/null 2>&1 &&
        bench_as_user "$dir" "${PODMAN[@]}" run --rm --network none "$IMG" true >/dev/null 2>&1; then
        cmds+=("${PODMAN[*]} run --rm --network none $IMG true")
        names+=(podman)
    else
        bench_log "podman is installed but cannot run rootless here: no podman column"
    fi
fi

json=$dir/run.json
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
bench_as_user "$dir" hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$json" "${args[@]}" >&2

median() { jq -r --arg n "$1" '.results[] | select(.command == $n) | .median' "$json"; }
c=$(median coracle)
f=$(median floor)
printf '\nrun --rm --network none busybox true, median of %s runs (seconds):\n' "$RUNS"
printf '  %-8s %.4f\n' coracle "$c" floor "$f"
printf '  coracle/floor:  %.2f   (target <= 3)\n' "$(awk -v a="$c" -v b="$f" 'BEGIN { print a / b }')"
if [[ " ${names[*]} " == *" podman "* ]]; then
    p=$(median podman)
    printf '  %-8s %.4f\n' podman "$p"
    printf '  podman/coracle: %.1f   (target >= 10)\n' "$(awk -v a="$p" -v b="$c" 'BEGIN { print a / b }')"
fi
# podman leaves its storage owned by subordinate ids: remove it as root.
rm -rf "$dir"
