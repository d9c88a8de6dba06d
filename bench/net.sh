#!/usr/bin/env bash
# Network benchmark: coracle and podman side by side in one run, as the test bed's
# unprivileged user, on the busybox fixture.
#
#   sudo bash bench/net.sh [RUNS]     (default 20 timed runs per measurement)
#
# What it measures (issue 9's targets in brackets):
#   start     `run --rm IMG true` on the default network, with one container already
#             on it (the shared rootless namespace and pasta are up)   [podman/coracle >= 3]
#   publish   1 GiB from the host into `nc -l` in a container through `-p`, MB/s
#                                                                      [coracle >= podman]
#   c2c       1 GiB from one container to another on the default network, MB/s (reported)
# Env: BENCH_WARMUP (3), BENCH_HYPERFINE (hyperfine from PATH; empty for the bash
# loop), CORACLE_BIN (default: a release build). podman runs with the flags this host
# needs (see bench/lifecycle.sh).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-20}
WARMUP=${BENCH_WARMUP:-3}
HYPERFINE=${BENCH_HYPERFINE-$(command -v hyperfine || true)}
SIZE=$((1 << 30))

bench_testbed
IMG=$CORACLE_TEST_REGISTRY/busybox:latest
BENCH_USERDIR=$(bench_userdir net)
dir=$BENCH_USERDIR
bench_runtime_dir
CORACLE=$(bench_coracle_bin)
C=("$CORACLE" --root "$dir/coracle")
have_podman=false
command -v podman >/dev/null && have_podman=true
P=(podman --runtime runc --cgroup-manager=cgroupfs --events-backend=file
    --root "$dir/podman" --runroot "$BENCH_RUNTIME_DIR/podman")

cleanup() {
    bench_as_user "$dir" "${C[@]}" rm -a -f -t 0 >/dev/null 2>&1 || true
    if $have_podman; then
        bench_as_user "$dir" "${P[@]}" rm -a -f -t 0 >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" "$BENCH_RUNTIME_DIR"
}
trap cleanup EXIT

declare -A res
tools=(coracle)
$have_podman && tools+=(podman) || bench_log "podman is not installed: no podman column"
tool_cmd() { if [[ $1 == coracle ]]; then echo "${C[*]}"; else echo "${P[*]}"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# mbps SECONDS: MB/s for $SIZE bytes.
mbps() { awk -v s="$1" -v b="$SIZE" 'BEGIN { printf "%.0f", b / s / 1e6 }'; }

for t in "${tools[@]}"; do
    read -r -a T <<<"$(tool_cmd "$t")"
    bench_check "$t pull" "${T[@]}" pull -q --tls-verify=false "$IMG"
    bench_check "$t keeper" "${T[@]}" run -d --name keeper "$IMG" sleep 1000
    res[$t.start]=$(bench_measure "$t-start" "${T[@]}" run --rm "$IMG" true)

    # publish: the host writes 1 GiB into nc -l behind -p
    port=$(free_port)
    bench_check "$t sink" "${T[@]}" run -d --name sink -p "$port:8080" "$IMG" sh -c 'nc -l -p 8080 >/dev/null'
    sleep 1
    bench_time secs bench_as_user "$dir" bash -c "head -c $SIZE /dev/zero >/dev/tcp/127.0.0.1/$port"
    res[$t.publish]=$(mbps "$secs")

    # c2c: one container writes 1 GiB to another's nc -l
    bench_check "$t c2c sink" "${T[@]}" run -d --name c2c "$IMG" sh -c 'nc -l -p 9000 >/dev/null'
    ip=$(bench_as_user "$dir" "${T[@]}" inspect -f '{{.NetworkSettings.IPAddress}}' c2c 2>/dev/null || true)
    [[ -n $ip ]] || ip=$(bench_as_user "$dir" "${T[@]}" exec c2c ip -4 -o addr show eth0 | awk '{ split($4, a, "/"); print a[1] }')
    sleep 1
    bench_time secs bench_as_user "$dir" "${T[@]}" run --rm "$IMG" sh -c "head -c $SIZE /dev/zero | nc $ip 9000"
    res[$t.c2c]=$(mbps "$secs")
    bench_as_user "$dir" "${T[@]}" rm -f -t 0 keeper sink c2c >/dev/null 2>&1 || true
    bench_log "$t: start $(bench_ms "${res[$t.start]}") ms, publish ${res[$t.publish]} MB/s, c2c ${res[$t.c2c]} MB/s"
done

echo
echo "network, medians of $RUNS runs after $WARMUP warm-ups, as $CORACLE_TEST_USER:"
printf '  %-40s %12s %12s %8s\n' measurement coracle podman ratio
p_start=${res[podman.start]:-}
printf '  %-40s %12s %12s %8s\n' "run --rm IMG true (default network)" "$(bench_ms "${res[coracle.start]}") ms" \
    "${p_start:+$(bench_ms "$p_start") ms}" "${p_start:+$(bench_ratio "$p_start" "${res[coracle.start]}")}"
printf '  %-40s %12s %12s %8s\n' "1 GiB host -> container through -p" "${res[coracle.publish]} MB/s" \
    "${res[podman.publish]:+${res[podman.publish]} MB/s}" "${res[podman.publish]:+$(bench_ratio "${res[coracle.publish]}" "${res[podman.publish]}")}"
printf '  %-40s %12s %12s %8s\n' "1 GiB container -> container" "${res[coracle.c2c]} MB/s" \
    "${res[podman.c2c]:+${res[podman.c2c]} MB/s}" "${res[podman.c2c]:+$(bench_ratio "${res[coracle.c2c]}" "${res[podman.c2c]}")}"
echo "  start ratio is podman/coracle (target >= 3); throughput ratios coracle/podman (target >= 1 for -p)"
