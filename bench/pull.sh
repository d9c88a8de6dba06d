#!/usr/bin/env bash
# Pull benchmark on a ~1 GB, 5-layer image served by the test bed's plain registry:
# coracle and podman (when installed) both download, verify and unpack; skopeo copy to
# dir: only downloads and verifies (the floor of the transfer itself).
#
#   sudo bash bench/pull.sh [RUNS]          (default 3 runs of each tool)
#
# Env: BIG_LAYERS (5) and BIG_MIB (200 per layer) size the image, built once into
# $CORACLE_TESTBED_DIR/big by .ci/fixtures.py and pushed as big:latest;
# CORACLE_BIN picks the coracle binary (default: cargo build --release).
# Memory: GNU time's maximum resident set size (`apt-get install time`): the largest of
# the tool's processes, not their sum (coracle: the CLI or its unpack helper).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-3}
LAYERS=${BIG_LAYERS:-5}
MIB=${BIG_MIB:-200}

bench_testbed
CORACLE=$(bench_coracle_bin)
BIG=$CORACLE_TESTBED_DIR/big
REF=$CORACLE_TEST_REGISTRY/big:latest
SKOPEO=(skopeo --insecure-policy)

if [[ $(cat "$BIG/stamp" 2>/dev/null) != "$LAYERS $MIB" ]]; then
    bench_log "building big image: $LAYERS layers x $MIB MiB (takes a while)"
    rm -rf "$BIG"
    python3 "$BENCH_ROOT/.ci/fixtures.py" big "$BIG" --layers "$LAYERS" --mib "$MIB"
    echo "$LAYERS $MIB" >"$BIG/stamp"
fi
want=$(jq -r '.manifests[0].digest' "$BIG/index.json")
have=$("${SKOPEO[@]}" inspect --tls-verify=false --format '{{.Digest}}' "docker://$REF" 2>/dev/null || true)
if [[ $have != "$want" ]]; then
    bench_log "pushing $REF"
    "${SKOPEO[@]}" copy -q --dest-tls-verify=false --preserve-digests "oci:$BIG:latest" "docker://$REF"
fi
size=$(jq '[.layers[].size] | add' "$BIG/blobs/sha256/${want#sha256:}")
bench_log "image $REF: $(awk -v s="$size" 'BEGIN { printf "%.0f MiB compressed", s / 1048576 }')"

declare -a t_coracle=() t_skopeo=() t_podman=() m_coracle_rss=() m_skopeo_rss=() m_podman_rss=()
TIME=(/usr/bin/time -f %M -o)
[[ -x /usr/bin/time ]] || bench_die "GNU time is missing: apt-get install time"
# peak_mib FILE: GNU time's last line (KiB) in MiB.
peak_mib() { awk 'END { printf "%.0f", $1 / 1024 }' "$1"; }
for run in $(seq 1 "$RUNS"); do
    dir=$(bench_userdir coracle)
    bench_time t bench_as_user "$dir" "${TIME[@]}" "$dir/rss" \
        "$CORACLE" --root "$dir/store" pull -q --tls-verify=false "$REF"
    t_coracle+=("$t")
    m_coracle_rss+=("$(peak_mib "$dir/rss")")
    bench_log "run $run: coracle $t s, ${m_coracle_rss[-1]} MiB"

    rm -rf "$BENCH_DIR/skopeo" && mkdir -p "$BENCH_DIR/skopeo"
    bench_time t "${TIME[@]}" "$BENCH_DIR/skopeo.rss" \
        "${SKOPEO[@]}" copy -q --src-tls-verify=false "docker://$REF" "dir:$BENCH_DIR/skopeo"
    t_skopeo+=("$t")
    m_skopeo_rss+=("$(peak_mib "$BENCH_DIR/skopeo.rss")")
    bench_log "run $run: skopeo $t s, ${m_skopeo_rss[-1]} MiB"

    if command -v podman >/dev/null; then
        dir=$(bench_userdir podman)
        bench_time t bench_as_user "$dir" "${TIME[@]}" "$dir/rss" \
            podman --root "$dir/store" --runroot "$dir/run/podman" \
            --cgroup-manager=cgroupfs --events-backend=file pull -q --tls-verify=false "$REF"
        t_podman+=("$t")
        m_podman_rss+=("$(peak_mib "$dir/rss")")
        bench_log "run $run: podman $t s, ${m_podman_rss[-1]} MiB"
    fi
done
rm -rf "$BENCH_DIR/coracle" "$BENCH_DIR/skopeo" "$BENCH_DIR/podman"

m_coracle=$(bench_median "${t_coracle[@]}")
m_skopeo=$(bench_median "${t_skopeo[@]}")
echo
echo "pull of $REF ($LAYERS layers x $MIB MiB), median of $RUNS runs:"
printf '  %-8s %8s s  %6s MiB peak RSS\n' \
    coracle "$m_coracle" "$(bench_median "${m_coracle_rss[@]}")" \
    skopeo "$m_skopeo" "$(bench_median "${m_skopeo_rss[@]}")"
if ((${#t_podman[@]})); then
    m_podman=$(bench_median "${t_podman[@]}")
    printf '  %-8s %8s s  %6s MiB peak RSS\n' podman "$m_podman" "$(bench_median "${m_podman_rss[@]}")"
fi
echo "  coracle/skopeo: $(bench_ratio "$m_coracle" "$m_skopeo")"
if ((${#t_podman[@]})); then
    echo "  coracle/podman: $(bench_ratio "$m_coracle" "$m_podman")"
fi
