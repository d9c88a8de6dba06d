# Helpers for the benchmarks in bench/*.sh (source it; needs root and the test bed).
# shellcheck shell=bash

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bench_log() { printf 'bench: %s\n' "$*" >&2; }
bench_die() { bench_log "error: $*"; exit 1; }

# bench_testbed: start (or reuse) the test bed and export its env (CORACLE_TEST_*).
bench_testbed() {
    [[ $(id -u) == 0 ]] || bench_die "run as root (sudo bash $0): it uses runuser and the test bed"
    bash "$BENCH_ROOT/.ci/testbed" start >&2
    set -a
    # shellcheck disable=SC1091
    . "${CORACLE_TESTBED_DIR:-/var/tmp/coracle-testbed}/env"
    set +a
    BENCH_DIR=$CORACLE_TESTBED_DIR/bench
    mkdir -p "$BENCH_DIR"
    chmod 0755 "$BENCH_DIR"
}

# bench_coracle_bin: a world-readable copy of coracle as users install it
# (`install.sh --build`; $CORACLE_BIN to override), with the coracle-monitor built
# beside it (detached containers need it).
bench_coracle_bin() {
    local src=${CORACLE_BIN:-}
    if [[ -z $src ]]; then
        src=$(bash "$BENCH_ROOT/install.sh" --build)
    fi
    [[ -x $src ]] || bench_die "no coracle binary at $src"
    # Copied as install.sh writes a program (in 2 MiB pieces, see its
    # write_in_large_pieces): a plain copy leaves it in smaller page cache folios.
    mkdir -p "$BENCH_DIR/bin"
    dd if="$src" of="$BENCH_DIR/bin/coracle.new" bs=2M status=none
    chmod 0755 "$BENCH_DIR/bin/coracle.new"
    mv -f "$BENCH_DIR/bin/coracle.new" "$BENCH_DIR/bin/coracle"
    local monitor
    monitor=$(dirname "$src")/coracle-monitor
    [[ -x $monitor ]] && install -m 0755 "$monitor" "$BENCH_DIR/bin/coracle-monitor"
    chmod 0755 "$BENCH_DIR/bin"
    echo "$BENCH_DIR/bin/coracle"
}

# bench_userdir NAME: a fresh empty directory owned by the test user.
bench_userdir() {
    local dir=$BENCH_DIR/$1
    rm -rf "$dir"
    mkdir -p "$dir"/{home,run}
    chmod 0700 "$dir" "$dir/run"
    chown -R "$CORACLE_TEST_UID:$CORACLE_TEST_GID" "$dir"
    echo "$dir"
}

# bench_as_user DIR CMD...: run CMD as the test user, clean env, HOME/XDG_* inside DIR
# (XDG_RUNTIME_DIR is $BENCH_RUNTIME_DIR when set: see bench_runtime_dir).
bench_as_user() {
    local dir=$1
    shift
    (cd "$dir" && runuser -u "$CORACLE_TEST_USER" -- env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME="$dir/home" USER="$CORACLE_TEST_USER" LOGNAME="$CORACLE_TEST_USER" \
        XDG_DATA_HOME="$dir/home/.local/share" XDG_CONFIG_HOME="$dir/home/.config" \
        XDG_RUNTIME_DIR="${BENCH_RUNTIME_DIR:-$dir/run}" "$@")
}

# bench_runtime_dir: set BENCH_RUNTIME_DIR to a fresh short directory under /tmp owned by
# the test user. Rootless podman refuses a runroot ($XDG_RUNTIME_DIR/containers) longer
# than 50 characters in its conmon exit command, and `podman run` then hangs for 20 s.
# The directory is a tmpfs, as XDG_RUNTIME_DIR (/run/user/UID, made by logind) is on a
# normal login; this host has no logind and no tmpfs, and every block freed on its
# ext4 root (mounted with `discard`) waits for the disk. BENCH_RUNTIME_TMPFS=0 keeps it
# a plain directory on /tmp's file system.
bench_runtime_dir() {
    BENCH_RUNTIME_DIR=$(mktemp -d /tmp/coracle-bench.XXXXXX)
    if [[ ${BENCH_RUNTIME_TMPFS:-1} != 0 ]]; then
        mount -t tmpfs -o "size=512m,mode=0700,uid=$CORACLE_TEST_UID,gid=$CORACLE_TEST_GID" \
            bench-runtime "$BENCH_RUNTIME_DIR"
        bench_log "runtime directory: a tmpfs at $BENCH_RUNTIME_DIR (BENCH_RUNTIME_TMPFS=0 for none)"
    fi
    chmod 0700 "$BENCH_RUNTIME_DIR"
    chown "$CORACLE_TEST_UID:$CORACLE_TEST_GID" "$BENCH_RUNTIME_DIR"
}

# bench_runtime_dir_remove: remove BENCH_RUNTIME_DIR (and its tmpfs), if set.
bench_runtime_dir_remove() {
    [[ -n ${BENCH_RUNTIME_DIR:-} ]] || return 0
    mountpoint -q "$BENCH_RUNTIME_DIR" && umount -l "$BENCH_RUNTIME_DIR"
    rm -rf "$BENCH_RUNTIME_DIR"
}

# bench_time OUTVAR CMD...: run CMD (output to $BENCH_DIR/last.log), store wall seconds.
bench_time() {
    local -n _out=$1
    shift
    local start end
    start=$(date +%s.%N)
    if ! "$@" >"$BENCH_DIR/last.log" 2>&1; then
        tail -n 20 "$BENCH_DIR/last.log" >&2
        bench_die "command failed: $*"
    fi
    end=$(date +%s.%N)
    _out=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
}

# bench_median NUMBERS...: the median.
bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_ratio A B: A / B with 2 decimals.
bench_ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

# bench_check NAME CMD...: run CMD once as the test user in $BENCH_USERDIR; on failure
# show its output and die.
bench_check() {
    local name=$1 out
    shift
    if ! out=$(bench_as_user "$BENCH_USERDIR" "$@" 2>&1); then
        printf '%s\n' "$out" | tail -n 15 >&2
        bench_die "$name failed: $*"
    fi
}

# bench_measure NAME CMD...: time CMD as the test user in $BENCH_USERDIR ($WARMUP
# warm-ups, then $RUNS runs), print the median in seconds. hyperfine -N when $HYPERFINE
# is set, else a bash loop that reads $EPOCHREALTIME around each run.
bench_measure() {
    local times
    times=$(bench_measure_times "$@") || exit 1
    bench_median_seconds <<<"$times"
}

# bench_median_seconds: the median of the times (seconds) on stdin, one a line, to the
# microsecond.
bench_median_seconds() {
    sort -g | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.6f\n", m }'
}

# bench_measure_times NAME CMD...: as bench_measure, but print every run's time in
# seconds, one a line.
bench_measure_times() {
    local name=$1 us
    shift
    bench_log "measuring $name: $*"
    if [[ -n ${HYPERFINE:-} ]]; then
        bench_as_user "$BENCH_USERDIR" "$HYPERFINE" -N --warmup "$WARMUP" --runs "$RUNS" \
            --export-json "$BENCH_USERDIR/$name.json" -n "$name" "$(printf '%q ' "$@")" >&2
        jq -r '.results[0].times[]' "$BENCH_USERDIR/$name.json"
        return
    fi
    # shellcheck disable=SC2016
    us=$(bench_as_user "$BENCH_USERDIR" bash -c '
        w=$1 n=$2
        shift 2
        for ((i = 0; i < w + n; i++)); do
            s=${EPOCHREALTIME/./}
            "$@" >/dev/null 2>&1 || { echo "run failed: $*" >&2; exit 1; }
            e=${EPOCHREALTIME/./}
            ((i < w)) || echo $((e - s))
        done' loop "$WARMUP" "$RUNS" "$@") || bench_die "$name failed: $*"
    printf '%s\n' $us | awk '{ printf "%.6f\n", $1 / 1e6 }'
}

# bench_ms SECONDS: milliseconds with 2 decimals.
bench_ms() { awk -v s="$1" 'BEGIN { printf "%.2f", s * 1000 }'; }

# bench_big_image: build (once) and push the ~1 GB image of bench/pull.sh; sets BIG
# (its OCI layout), REF (big:latest on the plain registry), LAYERS and MIB
# (BIG_LAYERS x BIG_MIB, default 5 x 200 MiB).
bench_big_image() {
    LAYERS=${BIG_LAYERS:-5}
    MIB=${BIG_MIB:-200}
    BIG=$CORACLE_TESTBED_DIR/big
    REF=$CORACLE_TEST_REGISTRY/big:latest
    if [[ $(cat "$BIG/stamp" 2>/dev/null) != "$LAYERS $MIB" ]]; then
        bench_log "building big image: $LAYERS layers x $MIB MiB (takes a while)"
        rm -rf "$BIG"
        python3 "$BENCH_ROOT/.ci/fixtures.py" big "$BIG" --layers "$LAYERS" --mib "$MIB"
        echo "$LAYERS $MIB" >"$BIG/stamp"
    fi
    local want have
    want=$(jq -r '.manifests[0].digest' "$BIG/index.json")
    have=$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$REF" 2>/dev/null || true)
    if [[ $have != "$want" ]]; then
        bench_log "pushing $REF"
        skopeo --insecure-policy copy -q --dest-tls-verify=false --preserve-digests "oci:$BIG:latest" "docker://$REF"
    fi
}

# bench_side_by_side NAME: the common set-up of a coracle-vs-podman benchmark on the
# busybox fixture, as the test user. Sets IMG, dir (a fresh user directory), C and P
# (the two tools' command lines, each with a store of its own under $dir), have_podman
# and tools, defines tool_cmd TOOL, and removes every container, podman's pause process
# and the directories when the script exits.
bench_side_by_side() {
    bench_testbed
    IMG=$CORACLE_TEST_REGISTRY/busybox:latest
    BENCH_USERDIR=$(bench_userdir "$1")
    dir=$BENCH_USERDIR
    bench_runtime_dir
    CORACLE=$(bench_coracle_bin)
    C=("$CORACLE" --root "$dir/coracle")
    have_podman=false
    command -v podman >/dev/null && have_podman=true
    P=(podman --runtime runc --cgroup-manager=cgroupfs --events-backend=file
        --root "$dir/podman" --runroot "$BENCH_RUNTIME_DIR/podman")
    tools=(coracle)
    $have_podman && tools+=(podman) || bench_log "podman is not installed: no podman column"
    trap bench_side_by_side_cleanup EXIT
}

bench_side_by_side_cleanup() {
    bench_as_user "$dir" "${C[@]}" rm -a -f -t 0 >/dev/null 2>&1 || true
    if $have_podman; then
        bench_as_user "$dir" "${P[@]}" rm -a -f -t 0 >/dev/null 2>&1 || true
        local pid
        if pid=$(cat "$BENCH_RUNTIME_DIR/libpod/tmp/pause.pid" 2>/dev/null); then
            kill "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$dir"
    bench_runtime_dir_remove
}

# tool_cmd TOOL: the command line of coracle or podman, as one string.
tool_cmd() { if [[ $1 == coracle ]]; then echo "${C[*]}"; else echo "${P[*]}"; fi; }
