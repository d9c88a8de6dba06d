#!/usr/bin/env bash
# Make cli/hot-functions.txt: the functions of the coracle program that the common
# commands run, hottest first, for the linker to place together (see cli/build.rs).
#
#   sudo bash bench/hot-functions.sh [ROUNDS]     (default 100)
#
# It samples a release build with perf (user space, 40 kHz, every CPU) while the test
# bed's unprivileged user runs ROUNDS of `run --rm`, `ps`, `ps -a --format json` and
# `exec`, and ROUNDS/5 of `run -d`, `inspect`, `logs`, `stop`, `start`, `rm -f`,
# `images` and a `run --rm` on the default network, on the busybox fixture. Every
# function sampled at least once is listed; a function too short to be sampled keeps
# its place after the list. Run it again when the list has gone stale: a new rustc or
# new dependency versions rename most functions (their names carry a hash).
# Needs: root, the test bed, perf (apt-get install linux-perf).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUNDS=${1:-100}
command -v perf >/dev/null || bench_die "perf is missing: apt-get install linux-perf"

bench_testbed
IMG=$CORACLE_TEST_REGISTRY/busybox:latest
dir=$(bench_userdir hot-functions)
bench_runtime_dir
CORACLE=$(bench_coracle_bin)
cleanup() {
    bench_as_user "$dir" "$CORACLE" rm -a -f -t 0 >/dev/null 2>&1 || true
    rm -rf "$dir"
    bench_runtime_dir_remove
}
trap cleanup EXIT

bench_as_user "$dir" "$CORACLE" pull -q --tls-verify=false "$IMG" >/dev/null
workload=$(
    cat <<EOF
set -e
c=$CORACLE
keep=\$(\$c run -d --network none $IMG sleep 1000)
for i in \$(seq $ROUNDS); do
    \$c run --rm --network none $IMG true
    \$c ps >/dev/null
    \$c ps -a --format json >/dev/null
    \$c exec \$keep true
done
for i in \$(seq $((ROUNDS / 5))); do
    id=\$(\$c run -d --network none $IMG sleep 100)
    \$c inspect \$id >/dev/null
    \$c logs \$id
    \$c stop -t 0 \$id >/dev/null
    \$c start \$id >/dev/null
    \$c rm -f -t 0 \$id >/dev/null
    \$c images >/dev/null
    \$c run --rm $IMG true
done
\$c rm -f -t 0 \$keep >/dev/null
EOF
)
data=$BENCH_DIR/hot-functions.perf
bench_log "sampling $ROUNDS rounds of the common commands"
perf record -q -o "$data" -a -e cpu-clock:u -F 40000 -- \
    bash -c "$(declare -f bench_as_user); BENCH_RUNTIME_DIR=$BENCH_RUNTIME_DIR; CORACLE_TEST_USER=$CORACLE_TEST_USER; bench_as_user $dir bash -c '$workload'"

out=$BENCH_ROOT/cli/hot-functions.txt
perf script -i "$data" --no-demangle -F ip,sym,dso 2>/dev/null |
    awk -v bin="($CORACLE)" '$NF == bin && $2 != "[unknown]" { print $2 }' |
    sort | uniq -c | sort -k1,1nr -k2 | awk '{ print $2 }' >"$out.new"
[[ -s $out.new ]] || bench_die "no samples of $CORACLE: nothing written"
mv "$out.new" "$out"
rm -f "$data"
bench_log "wrote $(wc -l <"$out") functions to $out"
