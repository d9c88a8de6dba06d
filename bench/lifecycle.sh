#!/usr/bin/env bash
# Lifecycle benchmark: coracle and podman side by side in one run, as the test bed's
# unprivileged user, on the busybox fixture.
#
#   sudo bash bench/lifecycle.sh [RUNS]     (default 20 timed runs per measurement)
#
# What it measures (issue 8's targets in brackets):
#   ps        `ps` with N (50) containers running                      [podman/coracle >= 20]
#   exec      `exec CTR true` into a running container                 [podman/coracle >= 10]
#   run-rm    N × `run -d … sleep 1000`, then N × `rm -f -t 0`, wall time   [podman/coracle >= 5]
#   monitor   resident memory of one container's monitor (coracle-monitor / conmon)
#                                                                       [coracle < 1 MiB]
#   start     `run --rm --network none IMG true` against the namespace floor
#             `unshare --map-auto --map-root-user -mpfuinC --mount-proc true`
#                                                                       [coracle/floor <= 1.5]
# Env: BENCH_CONTAINERS (50), BENCH_WARMUP (3), BENCH_ROUNDS (4: alternating rounds
# of coracle's start and the floor), BENCH_HYPERFINE (hyperfine from PATH;
# empty for the bash loop), CORACLE_BIN (default: a release build).
# podman (reference only: apt-get install podman runc) runs with the flags this host
# needs, as in bench/run.sh: --runtime runc (crun 1.8 refuses cgroup v1 "hybrid"),
# --cgroup-manager=cgroupfs --events-backend=file, and a short XDG_RUNTIME_DIR.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-20}
WARMUP=${BENCH_WARMUP:-3}
N=${BENCH_CONTAINERS:-50}
HYPERFINE=${BENCH_HYPERFINE-$(command -v hyperfine || true)}

bench_side_by_side lifecycle

declare -A res

# The namespace floor: the same seven namespaces and id-map calls as a rootless run.
floor=(unshare --map-auto --map-root-user -mpfuinC --mount-proc true)

# start_and_floor CORACLE...: `run --rm` and the floor in $BENCH_ROUNDS alternating rounds
# of RUNS/ROUNDS runs each (this host's speed drifts within a run, up to twice as
# slow for a minute: a floor measured minutes apart from coracle skewed the ratio
# either way); each result is the median over all of its runs.
start_and_floor() {
    local rounds=${BENCH_ROUNDS:-4} r
    local per=$(((RUNS + rounds - 1) / rounds))
    local starts="" floors=""
    bench_check floor "${floor[@]}"
    for ((r = 1; r <= rounds; r++)); do
        starts+=$(RUNS=$per bench_measure_times "coracle-start-$r" "$@" run --rm --network none "$IMG" true)$'\n'
        floors+=$(RUNS=$per bench_measure_times "floor-$r" "${floor[@]}")$'\n'
    done
    res[coracle.start]=$(grep . <<<"$starts" | bench_median_seconds)
    res[floor]=$(grep . <<<"$floors" | bench_median_seconds)
}

for t in "${tools[@]}"; do
    read -r -a T <<<"$(tool_cmd "$t")"
    bench_check "$t pull" "${T[@]}" pull -q --tls-verify=false "$IMG"

    # start: foreground run; coracle's beside the floor (below), podman's alone
    bench_check "$t run" "${T[@]}" run --rm --network none "$IMG" true
    if [[ $t == coracle ]]; then
        start_and_floor "${T[@]}"
    else
        res[$t.start]=$(bench_measure "$t-start" "${T[@]}" run --rm --network none "$IMG" true)
    fi

    # run-rm: N detached containers, then N removals, as a script would (ps, exec and
    # the monitor's memory are measured in between, with the N containers running)
    start=$(date +%s.%N)
    for i in $(seq 1 "$N"); do
        bench_check "$t run -d" "${T[@]}" run -d --name "bench$i" "$IMG" sleep 1000
    done
    started=$(date +%s.%N)
    res[$t.ps]=$(bench_measure "$t-ps" "${T[@]}" ps)
    res[$t.exec]=$(bench_measure "$t-exec" "${T[@]}" exec bench1 true)
    mon=$(bench_as_user "$dir" "${T[@]}" inspect --format '{{.State.ConmonPid}}' bench1)
    res[$t.rss]=$(awk '/^VmRSS:/ { print $2 }' "/proc/$mon/status")
    res[$t.monitor]=$(tr '\0' ' ' <"/proc/$mon/cmdline" | cut -c1-60)
    mid=$(date +%s.%N)
    for i in $(seq 1 "$N"); do
        bench_check "$t rm -f" "${T[@]}" rm -f -t 0 "bench$i"
    done
    end=$(date +%s.%N)
    res[$t.runrm]=$(awk -v a="$start" -v b="$started" -v c="$mid" -v d="$end" \
        'BEGIN { printf "%.3f", (b - a) + (d - c) }')
    bench_log "$t: run-rm ${res[$t.runrm]} s, ps $(bench_ms "${res[$t.ps]}") ms, exec $(bench_ms "${res[$t.exec]}") ms, monitor ${res[$t.rss]} KiB"
done

echo
echo "lifecycle, $N containers, medians of $RUNS runs after $WARMUP warm-ups, as $CORACLE_TEST_USER"
echo "(coracle's run --rm and the floor: ${BENCH_ROUNDS:-4} alternating rounds of $(((RUNS + ${BENCH_ROUNDS:-4} - 1) / ${BENCH_ROUNDS:-4})) runs, each after $WARMUP warm-ups):"
printf '  %-34s %12s %12s %8s\n' measurement coracle podman ratio
row() { # LABEL KEY UNIT
    local c=${res[coracle.$2]} p=${res[podman.$2]:-}
    local cs ps ratio="n/a"
    case $3 in
    ms) cs="$(bench_ms "$c") ms"; [[ -n $p ]] && ps="$(bench_ms "$p") ms" ;;
    s) cs="$c s"; [[ -n $p ]] && ps="$p s" ;;
    KiB) cs="$c KiB"; [[ -n $p ]] && ps="$p KiB" ;;
    esac
    [[ -n $p ]] && ratio=$(bench_ratio "$p" "$c")
    printf '  %-34s %12s %12s %8s\n' "$1" "$cs" "${ps:--}" "$ratio"
}
row "ps ($N running)" ps ms
row "exec CTR true" exec ms
row "run -d + rm -f of $N" runrm s
row "monitor resident memory" rss KiB
row "run --rm IMG true" start ms
printf '  %-34s %12s\n' "floor (${floor[*]:0:7})" "$(bench_ms "${res[floor]}") ms"
echo "  ratios are podman/coracle (targets: ps >= 20, exec >= 10, run-rm >= 5)"
echo "  coracle/floor: $(bench_ratio "${res[coracle.start]}" "${res[floor]}") (target <= 1.5)"
echo "  monitors: coracle ${res[coracle.monitor]}; podman ${res[podman.monitor]:--}"
