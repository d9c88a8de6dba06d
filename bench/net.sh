#!/usr/bin/env bash
# Network benchmark: coracle and podman side by side in one run, as the test bed's
# unprivileged user, on the busybox fixture.
#
#   sudo bash bench/net.sh [RUNS]     (default 20 timed runs per measurement)
#
# What it measures (issue 9's targets in brackets):
#   start     `run --rm IMG true` on the default network, with one container already
#             on it (the shared rootless namespace and pasta are up)   [podman/coracle >= 3]
#   publish   1 GiB from busybox httpd in a container to curl on the host through `-p`,
#             MB/s (median of 3 after a warm-up transfer)
#                                                                      [coracle >= podman]
#   c2c       1 GiB from one container's httpd to another's wget on the default network,
#             MB/s (reported; podman 4.3's rootless default network has no such path)
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

bench_side_by_side net

declare -A res
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# mbps SECONDS: MB/s for $SIZE bytes.
mbps() { awk -v s="$1" -v b="$SIZE" 'BEGIN { printf "%.0f", b / s / 1e6 }'; }

for t in "${tools[@]}"; do
    read -r -a T <<<"$(tool_cmd "$t")"
    bench_check "$t pull" "${T[@]}" pull -q --tls-verify=false "$IMG"
    bench_check "$t keeper" "${T[@]}" run -d --name keeper "$IMG" sleep 1000
    res[$t.start]=$(bench_measure "$t-start" "${T[@]}" run --rm "$IMG" true)

    # A web server with a sparse 1 GiB file (busybox nc is too small a tool to
    # carry a stream): read through -p from the host, and from another container.
    serve='mkdir -p /www && dd if=/dev/zero of=/www/big bs=1 count=0 seek='$SIZE' 2>/dev/null && httpd -f -p 8080 -h /www'
    port=$(free_port)
    bench_check "$t web" "${T[@]}" run -d --name web -p "$port:8080" "$IMG" sh -c "$serve"
    sleep 1
    # One warm-up transfer (the first read of the file costs more), then the median
    # of three.
    times=()
    for i in 0 1 2 3; do
        bench_time secs bench_as_user "$dir" curl -sf -o /dev/null "http://127.0.0.1:$port/big"
        ((i == 0)) || times+=("$secs")
    done
    res[$t.publish]=$(mbps "$(bench_median "${times[@]}")")

    # c2c: only where containers have addresses on a shared network (podman 4.3's
    # rootless default is slirp4netns: none).
    ip=$(bench_as_user "$dir" "${T[@]}" inspect -f '{{.NetworkSettings.IPAddress}}' web 2>/dev/null || true)
    if [[ -n $ip ]]; then
        times=()
        for i in 0 1 2; do
            bench_time secs bench_as_user "$dir" "${T[@]}" run --rm "$IMG" wget -q -O /dev/null "http://$ip:8080/big"
            times+=("$secs")
        done
        res[$t.c2c]=$(mbps "$(bench_median "${times[@]}")")
    else
        res[$t.c2c]=n/a
    fi
    bench_as_user "$dir" "${T[@]}" rm -f -t 0 keeper web >/dev/null 2>&1 || true
    bench_log "$t: start $(bench_ms "${res[$t.start]}") ms, publish ${res[$t.publish]} MB/s, c2c ${res[$t.c2c]} MB/s"
done

echo
echo "network, medians of $RUNS runs after $WARMUP warm-ups, as $CORACLE_TEST_USER:"
printf '  %-40s %12s %12s %8s\n' measurement coracle podman ratio
p_start=${res[podman.start]:-}
printf '  %-40s %12s %12s %8s\n' "run --rm IMG true (default network)" "$(bench_ms "${res[coracle.start]}") ms" \
    "${p_start:+$(bench_ms "$p_start") ms}" "${p_start:+$(bench_ratio "$p_start" "${res[coracle.start]}")}"
printf '  %-40s %12s %12s %8s\n' "1 GiB container -> host through -p" "${res[coracle.publish]} MB/s" \
    "${res[podman.publish]:+${res[podman.publish]} MB/s}" "${res[podman.publish]:+$(bench_ratio "${res[coracle.publish]}" "${res[podman.publish]}")}"
printf '  %-40s %12s %12s %8s\n' "1 GiB container -> container" "${res[coracle.c2c]} MB/s" \
    "${res[podman.c2c]:-}" ""
echo "  start ratio is podman/coracle (target >= 3); throughput ratios coracle/podman (target >= 1 for -p)"
