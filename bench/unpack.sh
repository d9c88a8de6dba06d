#!/usr/bin/env bash
# Unpack benchmark on one real Debian layer (bookworm minbase, ~49 MB gzip, ~6.6 k
# entries, built once with debootstrap): `coracle pull` (download, verify, unpack in the
# user namespace) against `tar -xzf` of the same blob onto the same disk, and podman's
# pull when installed, all as the test bed's unprivileged user, side by side in one run.
#
#   sudo bash bench/unpack.sh [RUNS]       (default 5 runs of each)
#
# Columns:
#   tar        `tar -xzf LAYER -C DIR` as the user (owners not kept: the floor)
#   tar-userns `unshare --map-auto --map-root-user tar -xzf …` (owners kept, as coracle)
#   coracle    `coracle pull -q` into an empty store (the blob comes over loopback HTTP)
#   podman     `podman pull -q` into an empty store
# Every run starts with `sync` so that no tool pays for another's dirty pages; none of
# them syncs at the end except coracle, which syncfs()s each layer before it renames it
# into place (its crash-safety guarantee), so coracle is charged for that write-back.
# Nothing is deleted until all runs are done: this disk is mounted with `discard`, and
# the discards of a deleted tree slow the file creations that follow by up to 8x.
#
# Needs debootstrap and network access to the Debian mirror the first time
# (apt-get install debootstrap). CORACLE_BIN picks the coracle binary.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-5}
bench_testbed
CORACLE=$(bench_coracle_bin)
DEB=$CORACLE_TESTBED_DIR/debian
REF=$CORACLE_TEST_REGISTRY/debian:bench

if [[ ! -s $DEB/layer.tar.gz ]]; then
    command -v debootstrap >/dev/null || bench_die "needs debootstrap: apt-get install debootstrap"
    bench_log "building the Debian layer with debootstrap (bookworm, minbase)"
    rm -rf "$DEB" && mkdir -p "$DEB"
    debootstrap --variant=minbase bookworm "$DEB/rootfs" http://deb.debian.org/debian >"$DEB/debootstrap.log" 2>&1 \
        || { tail -n 20 "$DEB/debootstrap.log" >&2; bench_die "debootstrap failed"; }
    # What Debian's own images leave out: device nodes, downloaded packages, package lists.
    rm -rf "$DEB"/rootfs/dev/* "$DEB"/rootfs/var/cache/apt/archives/*.deb "$DEB"/rootfs/var/lib/apt/lists/* "$DEB"/rootfs/var/cache/apt/*.bin
    tar --numeric-owner --sort=name -C "$DEB/rootfs" -czf "$DEB/layer.tar.gz.tmp" .
    mv "$DEB/layer.tar.gz.tmp" "$DEB/layer.tar.gz"
    rm -rf "$DEB/rootfs"
fi
if [[ ! -s $DEB/layout/index.json ]]; then
    python3 "$BENCH_ROOT/bench/layer_image.py" "$DEB/layout" "$DEB/layer.tar.gz"
fi
chmod 0755 "$DEB" && chmod 0644 "$DEB/layer.tar.gz"
want=$(jq -r '.manifests[0].digest' "$DEB/layout/index.json")
have=$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$REF" 2>/dev/null || true)
if [[ $have != "$want" ]]; then
    bench_log "pushing $REF"
    skopeo --insecure-policy copy -q --dest-tls-verify=false --preserve-digests "oci:$DEB/layout:latest" "docker://$REF"
fi
entries=$(tar -tzf "$DEB/layer.tar.gz" | wc -l)
bench_log "layer: $(stat -c %s "$DEB/layer.tar.gz") bytes gzip, $entries entries"

have_podman=false
if command -v podman >/dev/null; then
    have_podman=true
    bench_runtime_dir
fi
cleanup() { bench_runtime_dir_remove; }
trap cleanup EXIT

rm -rf "$BENCH_DIR"/unpack-*
declare -a t_tar=() t_tarns=() t_coracle=() t_podman=()
for run in $(seq 1 "$RUNS"); do
    dir=$(bench_userdir "unpack-$run-tar") && mkdir -p "$dir/x" && chown "$CORACLE_TEST_UID" "$dir/x"
    sync
    bench_time t bench_as_user "$dir" tar -xzf "$DEB/layer.tar.gz" -C "$dir/x"
    t_tar+=("$t")

    dir=$(bench_userdir "unpack-$run-tarns") && mkdir -p "$dir/x" && chown "$CORACLE_TEST_UID" "$dir/x"
    sync
    bench_time t bench_as_user "$dir" unshare --map-auto --map-root-user tar -xzf "$DEB/layer.tar.gz" -C "$dir/x"
    t_tarns+=("$t")

    dir=$(bench_userdir "unpack-$run-coracle")
    sync
    bench_time t bench_as_user "$dir" "$CORACLE" --root "$dir/store" pull -q --tls-verify=false "$REF"
    t_coracle+=("$t")

    line="run $run: tar ${t_tar[-1]} s, tar-userns ${t_tarns[-1]} s, coracle ${t_coracle[-1]} s"
    if $have_podman; then
        dir=$(bench_userdir "unpack-$run-podman")
        sync
        bench_time t bench_as_user "$dir" podman --root "$dir/store" --runroot "$BENCH_RUNTIME_DIR/podman" \
            --cgroup-manager=cgroupfs --events-backend=file pull -q --tls-verify=false "$REF"
        t_podman+=("$t")
        line+=", podman $t s"
    fi
    bench_log "$line"
done
rm -rf "$BENCH_DIR"/unpack-*

m_tar=$(bench_median "${t_tar[@]}")
m_tarns=$(bench_median "${t_tarns[@]}")
m_coracle=$(bench_median "${t_coracle[@]}")
echo
echo "one Debian layer ($entries entries), median of $RUNS runs:"
printf '  %-11s %8s s\n' tar "$m_tar" tar-userns "$m_tarns" coracle "$m_coracle"
if $have_podman; then
    m_podman=$(bench_median "${t_podman[@]}")
    printf '  %-11s %8s s\n' podman "$m_podman"
fi
echo "  coracle/tar: $(bench_ratio "$m_coracle" "$m_tar") (target <= 1.3)"
echo "  coracle/tar-userns: $(bench_ratio "$m_coracle" "$m_tarns")"
if $have_podman; then
    echo "  coracle/podman: $(bench_ratio "$m_coracle" "$m_podman")"
fi
