#!/usr/bin/env bash
# Build every fuzz target, then run each one for SECONDS (default 20), one after the
# other, seeded from fuzz/corpus/<target>. New inputs go to a scratch corpus (the
# committed seeds stay as they are); a crash, a hang (> 10 s for one input) or a leak
# of memory past 2 GiB fails the run, with the input saved in fuzz/artifacts/<target>/.
#
#   bash fuzz/run-all.sh [SECONDS] [TARGET...]     (needs nightly and cargo-fuzz)
#
# Prints one summary line per target: "fuzz TARGET: N runs in S s, cov: E edges, ...".
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"
SECONDS_EACH=${1:-20}
shift || true

# The dev profile (see Cargo.toml) unless FUZZ_PROFILE=release.
profile=${FUZZ_PROFILE:-dev}
case $profile in
dev) cargo +nightly fuzz build --dev; out_dir=debug ;;
release) cargo +nightly fuzz build; out_dir=release ;;
*) echo "run-all.sh: FUZZ_PROFILE must be dev or release" >&2; exit 2 ;;
esac
mapfile -t targets < <(if (($#)); then printf '%s\n' "$@"; else cargo +nightly fuzz list; fi)
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin_dir=$HERE/target/$host/$out_dir
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failed=()
for target in "${targets[@]}"; do
    mkdir -p "$scratch/$target" "$HERE/artifacts/$target"
    log=$scratch/$target.log
    # Files are capped at 64 MiB (a write past it fails with EFBIG instead of
    # killing the process), so a hostile sparse entry cannot fill this machine.
    set +e
    (
        trap '' XFSZ
        ulimit -f $((64 * 1024))
        exec "$bin_dir/$target" "$scratch/$target" "$HERE/corpus/$target" \
            -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$HERE/artifacts/$target/" -print_final_stats=1
    ) >"$log" 2>&1
    code=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    corpus=$(find "$scratch/$target" -type f | wc -l)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    if ((code == 0)); then
        echo "fuzz $target: ${runs:-?} runs in ${SECONDS_EACH} s, ${cov:-cov: ?} edges, $corpus new corpus inputs, ok"
    else
        echo "fuzz $target: FAILED (exit $code) after ${runs:-?} runs; the input is in fuzz/artifacts/$target/:"
        grep -E 'panicked|ERROR|SUMMARY|Test unit written|Base64' "$log" | head -n 20 | sed 's/^/    /'
        failed+=("$target")
    fi
done
if ((${#failed[@]})); then
    echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}"
    exit 1
fi
