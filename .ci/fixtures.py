#!/usr/bin/env python3
"""Build the coracle test-bed fixture images as OCI image layouts (stdlib only).

Every tar entry is written explicitly with fixed mtimes, owners and sorted order,
so the output is byte-for-byte deterministic for a given /bin/busybox.

Usage:
  fixtures.py all OUTDIR             build every fixture layout into OUTDIR/<name>
  fixtures.py unique OUTDIR MARKER   busybox + one layer with /etc/coracle-unique = MARKER
  fixtures.py big OUTDIR [--layers N] [--mib M]
                                     N (5) gzip layers of ~M (200) MiB each, half random
  fixtures.py push LAYOUT HOST:PORT NAME
                                     push LAYOUT's image as NAME:latest over plain HTTP
                                     (for images skopeo refuses to copy)
Each layout holds one tag, "latest" (annotation org.opencontainers.image.ref.name).

Fixture contents (paths in the final, flattened root filesystem):

busybox:latest - 1 gzip layer
  /bin/busybox (0755), /bin/<applet> -> busybox for every `busybox --list` applet
  /etc/passwd: root:x:0:0, app:x:1000:1000, nobody:x:65534:65534; /etc/group alike
  /etc/hostname "coracle", /tmp (1777), /root (0700), /home/app (1000:1000),
  /dev /proc /sys /run /var (0755). Config: Cmd ["sh"], Env PATH=..., WorkingDir /.

multilayer:latest - busybox layer + 3 gzip layers:
  layer 1 adds                         | layer 2               | layer 3
  /data/kept.txt "kept\n"              |                       | rewrites it: "layer3\n"
  /data/deleted.txt "deleted\n"        | .wh.deleted.txt       |
  /opaque/old.txt, /opaque/sub/old2.txt| .wh..wh..opq,         |
                                       | /opaque/new.txt "new\n"
  /removeme/file.txt                   |                       | /.wh.removeme
  /links/file.txt "hardlink\n"         |                       |
  /links/hard.txt  hardlink of file.txt|                       |
  /links/abs -> /data/kept.txt         |                       |
  /links/rel -> ../data/kept.txt       |                       |
  /bin/suid 04755 "#!/bin/sh\necho suid\n"                     |
  /home/app/owned.txt 1000:1000 0640 "app\n"                   |
  /nobody.txt 65534:65534 0644 "nobody\n"                      |
  /fifo FIFO 0644                      |                       |
  /xattr.txt "xattr\n" + user.coracle=test (PAX SCHILY.xattr) |
                                       | /data/added.txt "added\n" | /etc/coracle-layers "3\n"
  Final: /data/{kept.txt="layer3\n",added.txt}; no /data/deleted.txt; /opaque holds only
  new.txt; no /removeme; links/file.txt and links/hard.txt share one inode.

multiarch:latest - OCI index: linux/amd64 and linux/arm64 images, each busybox +
  a layer with /etc/coracle-arch "amd64\n" / "arm64\n" (same host busybox in both).
zstd:latest - busybox layer as tar+zstd (application/vnd.oci.image.layer.v1.tar+zstd).
uncompressed:latest - busybox layer as plain tar (application/vnd.oci.image.layer.v1.tar).
docker:latest - busybox, pushed by .ci/testbed with `skopeo copy --format v2s2`.
traversal:latest - busybox + layer with a regular file "../../escape" ("escaped\n").
symlink-escape:latest - busybox + layer with symlink "evil" -> /tmp then file "evil/pwned".
tiocsti:latest - busybox + layer with /bin/tiocsti (0755), TIOCSTI_C below compiled by
  `gcc -static -O2 -s` (deterministic for a given gcc; .ci/testbed hashes its version):
  `tiocsti LINE TARGET...` pushes LINE and a newline into each TARGET (a path, opened
  read-write, or an fd number) with ioctl(TIOCSTI), prints "TARGET: injected" or
  "TARGET: refused ...", and exits with the number of targets that took every byte.

Hostile images (each must be refused, or unpacked harmlessly):
hostile-crosslayer:latest - busybox + layer 1: symlink "up" -> ../../tmp + layer 2: file
  "up/file" ("crosslayer\n") with no entry for "up" itself.
hostile-blockdev:latest - busybox + layer with a block device "disk" (8,0, like /dev/sda),
  a character device "dev/mem-copy" (1,1, like /dev/mem) and a whiteout-style 0/0
  character device "dev/whiteout-like".
hostile-pax:latest - one layer, no busybox: its first entry has a 64 MiB PAX extended
  header (one "comment" record), then a file "after-pax"; gzip keeps the blob at ~65 KB.
hostile-sparse:latest - busybox + layer with two sparse files of 4 GiB apparent size and
  a few bytes of data each: "sparse-gnu" (old GNU format, type S) and "sparse-pax"
  (PAX 1.0: the map at the start of the data). Runs: 4 KiB starting "head\n" at 0,
  4 KiB starting "middle\n" at 2 GiB, "tail\n" ending at 4 GiB.
hostile-fill:latest - one layer, no busybox: "fill" is 24 MiB of a repeated 4 KiB random
  block (not zeros, so it cannot stay sparse); the gzip blob is ~100 KB.
hostile-bigconfig:latest - busybox, with an image configuration of 4 MiB + 1 KiB (a
  label "padding"): over the 4 MiB limit on configurations.
hostile-etc-abs, hostile-etc-rel, hostile-dev, hostile-proc, hostile-data, hostile-run:latest -
  one shared layer: busybox without /etc, /dev, /proc and /run; one more layer putting back
  what the image keeps as it was, and one symlink pointing out of the root on the host
  (targets under /tmp, which the test user can create, so a leak shows):
  /etc -> /tmp/coracle-hostile-etc-abs          /etc -> ../(x24)tmp/coracle-hostile-etc-rel
  /dev -> /tmp/coracle-hostile-dev              /proc -> ../(x24)tmp/coracle-hostile-proc
  /data -> /tmp/coracle-hostile-data (hostile-data keeps /etc, /dev and /proc)
  /run -> /tmp/coracle-hostile-run (where /run/.containerenv is made)
hostile-cp:latest - busybox + layer with "out -> ../(x24)tmp/coracle-cp-escape"
  and the directory "tmp/coracle-cp-escape" (holding "inside", "inside\n"): inside the
  container the link leads to that directory, on the host to /tmp/coracle-cp-escape, so
  a `cp` that lets the host follow the link shows there.
"""

import gzip
import hashlib
import io
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile

MTIME = 1700000000  # 2023-11-14T22:13:20Z
CREATED = "2023-11-14T22:13:20Z"
PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
BUSYBOX = os.environ.get("CORACLE_FIXTURE_BUSYBOX", "/bin/busybox")

MT_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
MT_INDEX = "application/vnd.oci.image.index.v1+json"
MT_CONFIG = "application/vnd.oci.image.config.v1+json"
MT_TAR = "application/vnd.oci.image.layer.v1.tar"
MT_GZIP = MT_TAR + "+gzip"
MT_ZSTD = MT_TAR + "+zstd"


def host_arch():
    m = platform.machine()
    return {"x86_64": "amd64", "aarch64": "arm64", "armv7l": "arm", "ppc64le": "ppc64le",
            "s390x": "s390x", "riscv64": "riscv64", "i686": "386"}.get(m, m)


# ---------------------------------------------------------------- tar entries

def entry(name, kind=tarfile.REGTYPE, data=b"", mode=0o644, uid=0, gid=0,
          linkname="", xattrs=None):
    """A tar entry: (TarInfo, data)."""
    ti = tarfile.TarInfo(name)
    ti.type = kind
    ti.mode = mode
    ti.uid, ti.gid = uid, gid
    ti.uname = ti.gname = ""
    ti.mtime = MTIME
    ti.linkname = linkname
    if xattrs:
        ti.pax_headers = {"SCHILY.xattr." + k: v for k, v in xattrs.items()}
    if kind == tarfile.REGTYPE:
        ti.size = len(data)
    return ti, data


def d(name, mode=0o755, uid=0, gid=0):
    return entry(name + "/", tarfile.DIRTYPE, mode=mode, uid=uid, gid=gid)


def f(name, text, mode=0o644, uid=0, gid=0, xattrs=None):
    data = text.encode() if isinstance(text, str) else text
    return entry(name, data=data, mode=mode, uid=uid, gid=gid, xattrs=xattrs)


def sym(name, target):
    return entry(name, tarfile.SYMTYPE, mode=0o777, linkname=target)


def hard(name, target):
    return entry(name, tarfile.LNKTYPE, linkname=target)


def fifo(name, mode=0o644):
    return entry(name, tarfile.FIFOTYPE, mode=mode)


def dev(name, kind, major, minor, mode=0o600):
    ti, data = entry(name, kind, mode=mode)
    ti.devmajor, ti.devminor = major, minor
    return ti, data


def tar_bytes(entries, sort=True):
    """Serialize entries (sorted by name unless sort=False) into an uncompressed tar."""
    if sort:
        entries = sorted(entries, key=lambda e: e[0].name)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for ti, data in entries:
            tar.addfile(ti, io.BytesIO(data) if ti.type == tarfile.REGTYPE else None)
    return buf.getvalue()


# ---------------------------------------------------------------- OCI layout

class Layout:
    """An OCI image layout directory being written."""

    def __init__(self, path):
        self.path = path
        if os.path.exists(path):
            shutil.rmtree(path)
        os.makedirs(os.path.join(path, "blobs", "sha256"))
        with open(os.path.join(path, "oci-layout"), "w") as fh:
            json.dump({"imageLayoutVersion": "1.0.0"}, fh)

    def blob(self, data, media_type, **extra):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(self.path, "blobs", "sha256", digest), "wb") as fh:
            fh.write(data)
        return dict({"mediaType": media_type, "digest": "sha256:" + digest,
                     "size": len(data)}, **extra)

    def blob_file(self, tmp, media_type):
        """Move an already written file into the blob store."""
        h = hashlib.sha256()
        with open(tmp, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        digest = h.hexdigest()
        size = os.path.getsize(tmp)
        os.rename(tmp, os.path.join(self.path, "blobs", "sha256", digest))
        return {"mediaType": media_type, "digest": "sha256:" + digest, "size": size}

    def layer(self, tar, compression="gzip"):
        """Store one layer; returns (descriptor, diff_id)."""
        diff_id = "sha256:" + hashlib.sha256(tar).hexdigest()
        if compression == "gzip":
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
                gz.write(tar)
            return self.blob(buf.getvalue(), MT_GZIP), diff_id
        if compression == "zstd":
            out = subprocess.run(["zstd", "-q", "-c", "-3", "--no-check"], input=tar,
                                 stdout=subprocess.PIPE, check=True).stdout
            return self.blob(out, MT_ZSTD), diff_id
        return self.blob(tar, MT_TAR), diff_id

    def gzip_layer(self, write):
        """Store a gzip layer written by write(out) as a stream; returns (descriptor, diff_id)."""
        tmp = os.path.join(self.path, "layer.tmp")
        with open(tmp, "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
            out = HashingWriter(gz)
            write(out)
        return self.blob_file(tmp, MT_GZIP), "sha256:" + out.hash.hexdigest()

    def image(self, layers, arch=None, cmd=("sh",), env=(PATH_ENV,), labels=None,
              volumes=None, exposed=None):
        """Write config + manifest for (descriptor, diff_id) layers; returns manifest desc."""
        arch = arch or host_arch()
        settings = {"Env": list(env), "Cmd": list(cmd), "WorkingDir": "/"}
        if labels:
            settings["Labels"] = labels
        if volumes:
            settings["Volumes"] = {path: {} for path in volumes}
        if exposed:
            settings["ExposedPorts"] = {port: {} for port in exposed}
        config = {
            "created": CREATED,
            "architecture": arch,
            "os": "linux",
            "config": settings,
            "rootfs": {"type": "layers", "diff_ids": [diff for _, diff in layers]},
            "history": [{"created": CREATED, "created_by": "coracle fixtures.py layer %d" % i}
                        for i in range(len(layers))],
        }
        cdesc = self.blob(canon(config), MT_CONFIG)
        manifest = {"schemaVersion": 2, "mediaType": MT_MANIFEST, "config": cdesc,
                    "layers": [desc for desc, _ in layers]}
        return self.blob(canon(manifest), MT_MANIFEST,
                         platform={"architecture": arch, "os": "linux"})

    def index(self, manifests):
        """Write an image index blob listing manifest descriptors; returns its desc."""
        idx = {"schemaVersion": 2, "mediaType": MT_INDEX, "manifests": manifests}
        return self.blob(canon(idx), MT_INDEX)

    def tag(self, desc, tag="latest"):
        desc = {k: v for k, v in desc.items() if k != "platform"}
        desc["annotations"] = {"org.opencontainers.image.ref.name": tag}
        with open(os.path.join(self.path, "index.json"), "wb") as fh:
            fh.write(canon({"schemaVersion": 2, "manifests": [desc]}))


def canon(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


class HashingWriter(io.RawIOBase):
    """Writes through to inner, hashing everything (the diff_id of a streamed layer)."""

    def __init__(self, inner):
        self.inner = inner
        self.hash = hashlib.sha256()

    def writable(self):
        return True

    def write(self, b):
        self.hash.update(b)
        return self.inner.write(b)


# ---------------------------------------------------------------- hand-written tar headers

def octal(value, width):
    """A tar numeric field: zero-padded octal, NUL-terminated."""
    return b"%0*o\0" % (width - 1, value)


def header_checksum(block):
    """Fill in a header block's checksum (field counted as spaces)."""
    block[148:156] = b" " * 8
    block[148:156] = b"%06o\0 " % sum(block)
    return bytes(block)


def gnu_sparse_entry(name, real_size, runs):
    """An old GNU sparse entry (type S, map in the header; at most 4 runs), with its data."""
    assert len(runs) <= 4
    data = b"".join(run for _, run in runs)
    h = bytearray(512)
    h[0:len(name)] = name.encode()
    h[100:108] = octal(0o644, 8)
    h[108:116] = octal(0, 8)
    h[116:124] = octal(0, 8)
    h[124:136] = octal(len(data), 12)
    h[136:148] = octal(MTIME, 12)
    h[156:157] = b"S"
    h[257:265] = b"ustar  \0"
    for i, (offset, run) in enumerate(runs):
        h[386 + 24 * i:398 + 24 * i] = octal(offset, 12)
        h[398 + 24 * i:410 + 24 * i] = octal(len(run), 12)
    h[483:495] = octal(real_size, 12)
    return header_checksum(h) + pad_block(data)


def pad_block(data):
    return data + b"\0" * (-len(data) % 512)


def pax_sparse_entry(name, real_size, runs):
    """A PAX 1.0 sparse entry: GNU.sparse.* records, the map at the start of the data."""
    lines = [str(len(runs))] + ["%d\n%d" % (offset, len(run)) for offset, run in runs]
    data = pad_block(("\n".join(lines) + "\n").encode()) + b"".join(run for _, run in runs)
    ti, _ = entry("GNUSparseFile.0/" + name)
    ti.size = len(data)
    ti.pax_headers = {"GNU.sparse.major": "1", "GNU.sparse.minor": "0",
                      "GNU.sparse.name": name, "GNU.sparse.realsize": str(real_size)}
    return ti.tobuf(tarfile.PAX_FORMAT) + pad_block(data)


def pax_record(key, total):
    """One PAX record "LEN key=value\n" of exactly `total` bytes (value: 'a's)."""
    digits = len(str(total))
    value_len = total - digits - len(" %s=\n" % key)
    return ("%d %s=" % (total, key)).encode(), value_len


# ---------------------------------------------------------------- fixtures

def busybox_entries():
    with open(BUSYBOX, "rb") as fh:
        binary = fh.read()
    applets = subprocess.run([BUSYBOX, "--list"], stdout=subprocess.PIPE, check=True,
                             text=True).stdout.split()
    ents = [d("bin"), d("etc"), d("dev"), d("proc"), d("sys"), d("run"), d("var"),
            d("home"), d("home/app", uid=1000, gid=1000), d("root", 0o700),
            d("tmp", 0o1777),
            f("bin/busybox", binary, 0o755),
            f("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"
                            "app:x:1000:1000:app:/home/app:/bin/sh\n"
                            "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"),
            f("etc/group", "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n"),
            f("etc/hostname", "coracle\n")]
    ents += [sym("bin/" + a, "busybox") for a in sorted(set(applets)) if a != "busybox"]
    return ents


def build_busybox(out, compression="gzip"):
    lay = Layout(out)
    lay.tag(lay.image([lay.layer(tar_bytes(busybox_entries()), compression)]))


def build_multilayer(out):
    lay = Layout(out)
    l1 = [
        d("data"), f("data/kept.txt", "kept\n"), f("data/deleted.txt", "deleted\n"),
        d("opaque"), f("opaque/old.txt", "old\n"), d("opaque/sub"),
        f("opaque/sub/old2.txt", "old2\n"),
        d("removeme"), f("removeme/file.txt", "remove me\n"),
        d("links"), f("links/file.txt", "hardlink\n"), hard("links/hard.txt", "links/file.txt"),
        sym("links/abs", "/data/kept.txt"), sym("links/rel", "../data/kept.txt"),
        d("bin"), f("bin/suid", "#!/bin/sh\necho suid\n", 0o4755),
        d("home"), d("home/app", uid=1000, gid=1000),
        f("home/app/owned.txt", "app\n", 0o640, 1000, 1000),
        f("nobody.txt", "nobody\n", 0o644, 65534, 65534),
        fifo("fifo"),
        f("xattr.txt", "xattr\n", xattrs={"user.coracle": "test"}),
    ]
    l2 = [d("data"), f("data/.wh.deleted.txt", ""), f("data/added.txt", "added\n"),
          d("opaque"), f("opaque/.wh..wh..opq", ""), f("opaque/new.txt", "new\n")]
    l3 = [d("data"), f("data/kept.txt", "layer3\n"), f(".wh.removeme", ""),
          d("etc"), f("etc/coracle-layers", "3\n")]
    layers = [lay.layer(tar_bytes(busybox_entries()))]
    # Hardlink targets must precede links: "links/file.txt" sorts before "links/hard.txt".
    layers += [lay.layer(tar_bytes(l)) for l in (l1, l2, l3)]
    lay.tag(lay.image(layers))


def build_multiarch(out):
    lay = Layout(out)
    base = lay.layer(tar_bytes(busybox_entries()))
    manifests = []
    for arch in ("amd64", "arm64"):
        marker = lay.layer(tar_bytes([d("etc"), f("etc/coracle-arch", arch + "\n")]))
        manifests.append(lay.image([base, marker], arch=arch))
    lay.tag(lay.index(manifests))


def build_extra_layer(out, extra, sort=True):
    lay = Layout(out)
    layers = [lay.layer(tar_bytes(busybox_entries())), lay.layer(tar_bytes(extra, sort))]
    lay.tag(lay.image(layers))


TIOCSTI_C = r"""
/* tiocsti LINE TARGET...: push LINE and a newline into each TARGET's terminal input. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: tiocsti LINE TARGET...\n");
        return 125;
    }
    int injected = 0;
    size_t len = strlen(argv[1]);
    for (int i = 2; i < argc; i++) {
        const char *target = argv[i];
        char *end;
        long number = strtol(target, &end, 10);
        int fd = (*target && !*end) ? (int)number : open(target, O_RDWR | O_NOCTTY);
        if (fd < 0) {
            printf("%s: refused at open: %s\n", target, strerror(errno));
            continue;
        }
        size_t pushed = 0;
        int err = 0;
        for (size_t j = 0; j <= len; j++) {
            char c = j < len ? argv[1][j] : '\n';
            if (ioctl(fd, TIOCSTI, &c) != 0) {
                err = errno;
                break;
            }
            pushed++;
        }
        if (pushed == len + 1) {
            printf("%s: injected\n", target);
            injected++;
        } else {
            printf("%s: refused after %zu bytes: %s\n", target, pushed, strerror(err));
        }
        fflush(stdout);
    }
    return injected;
}
"""


def tiocsti_binary():
    """TIOCSTI_C compiled statically (see static_binary)."""
    return static_binary("tiocsti", TIOCSTI_C)
SPARSE_SIZE = 4 << 30
# Runs but the last are whole blocks, as GNU tar writes them (its reader pads each run).
SPARSE_RUNS = [(0, b"head\n".ljust(4096, b"h")), (2 << 30, b"middle\n".ljust(4096, b"m")),
               (SPARSE_SIZE - 5, b"tail\n")]


def build_hostile_pax(out):
    """A layer whose first entry has a 64 MiB PAX header, written as a stream."""
    lay = Layout(out)
    size = 64 << 20

    def write(tar):
        hdr = tarfile.TarInfo("PaxHeaders/after-pax")
        hdr.type, hdr.size, hdr.mtime, hdr.mode = tarfile.XHDTYPE, size, MTIME, 0o644
        tar.write(hdr.tobuf(tarfile.USTAR_FORMAT))
        prefix, left = pax_record("comment", size)
        tar.write(prefix)
        chunk = b"a" * (1 << 20)
        while left > 0:
            tar.write(chunk[:left])
            left -= min(left, len(chunk))
        tar.write(b"\n" + b"\0" * (-size % 512))
        ti, data = f("after-pax", "after\n")
        tar.write(ti.tobuf(tarfile.USTAR_FORMAT) + pad_block(data) + b"\0" * 1024)

    # Alone, so that the pull does nothing but meet the header (it is never run).
    lay.tag(lay.image([lay.gzip_layer(write)]))


def build_hostile_sparse(out):
    lay = Layout(out)
    tar = (gnu_sparse_entry("sparse-gnu", SPARSE_SIZE, SPARSE_RUNS)
           + pax_sparse_entry("sparse-pax", SPARSE_SIZE, SPARSE_RUNS) + b"\0" * 1024)
    layers = [lay.layer(tar_bytes(busybox_entries())), lay.layer(tar)]
    lay.tag(lay.image(layers))


def build_hostile_fill(out):
    """One layer that unpacks to 24 MiB of incompressible-looking, non-zero data."""
    lay = Layout(out)
    block = random.Random(7).randbytes(4096)
    size = 24 << 20

    def write(tar):
        ti, _ = f("fill", b"")
        ti.size = size
        tar.write(ti.tobuf(tarfile.USTAR_FORMAT))
        for _ in range(size // len(block)):
            tar.write(block)
        tar.write(b"\0" * 1024)

    lay.tag(lay.image([lay.gzip_layer(write)]))


def build_hostile_bigconfig(out):
    lay = Layout(out)
    layers = [lay.layer(tar_bytes(busybox_entries()))]
    lay.tag(lay.image(layers, labels={"padding": "p" * ((4 << 20) + 1024)}))
# The host paths the hostile fixtures' symlinks point to (the integration tests check
# that nothing appears there): image name -> (link in the image, target on the host).
HOSTILE_UP = "../" * 24
HOSTILE = {
    "hostile-etc-abs": ("etc", "/tmp/coracle-hostile-etc-abs"),
    "hostile-etc-rel": ("etc", HOSTILE_UP + "tmp/coracle-hostile-etc-rel"),
    "hostile-dev": ("dev", "/tmp/coracle-hostile-dev"),
    "hostile-proc": ("proc", HOSTILE_UP + "tmp/coracle-hostile-proc"),
    "hostile-data": ("data", "/tmp/coracle-hostile-data"),
    "hostile-run": ("run", "/tmp/coracle-hostile-run"),
}


def build_hostile(outdir):
    """The hostile-* fixtures: a base layer without /etc, /dev, /proc and /run, shared
    by all, and a layer restoring the others plus the one symlink out of the root."""
    top_dirs = ("etc", "dev", "proc", "run")
    base_entries = [e for e in busybox_entries() if e[0].name.split("/")[0] not in top_dirs]
    restored = {name: [e for e in busybox_entries() if e[0].name.split("/")[0] == name]
                for name in top_dirs}
    for image, (link, target) in sorted(HOSTILE.items()):
        lay = Layout(os.path.join(outdir, image))
        extra = [e for name in top_dirs if name != link for e in restored[name]]
        extra.append(sym(link, target))
        lay.tag(lay.image([lay.layer(tar_bytes(base_entries)), lay.layer(tar_bytes(extra))]))


def build_all(outdir):
    os.makedirs(outdir, exist_ok=True)
    j = lambda n: os.path.join(outdir, n)
    build_busybox(j("busybox"))
    build_busybox(j("zstd"), "zstd")
    build_busybox(j("uncompressed"), "none")
    build_multilayer(j("multilayer"))
    build_multiarch(j("multiarch"))
    build_extra_layer(j("traversal"), [f("../../escape", "escaped\n")])
    build_extra_layer(j("symlink-escape"), [sym("evil", "/tmp"), f("evil/pwned", "pwned\n")],
                      sort=False)
    build_extra_layer(j("tiocsti"), [d("bin"), f("bin/tiocsti", tiocsti_binary(), 0o755)])
    lay = Layout(j("hostile-crosslayer"))
    lay.tag(lay.image([lay.layer(tar_bytes(busybox_entries())),
                       lay.layer(tar_bytes([sym("up", "../../tmp")])),
                       lay.layer(tar_bytes([f("up/file", "crosslayer\n")]))]))
    build_extra_layer(j("hostile-blockdev"), [
        d("dev"), dev("disk", tarfile.BLKTYPE, 8, 0), dev("dev/mem-copy", tarfile.CHRTYPE, 1, 1),
        dev("dev/whiteout-like", tarfile.CHRTYPE, 0, 0)])
    build_hostile_pax(j("hostile-pax"))
    build_hostile_sparse(j("hostile-sparse"))
    build_hostile_fill(j("hostile-fill"))
    build_hostile_bigconfig(j("hostile-bigconfig"))
    build_hostile(outdir)
    build_volumes(j("volumes"))
    build_netserve(j("netserve"))
    build_extra_layer(j("hostile-cp"), [
        sym("out", HOSTILE_UP + "tmp/coracle-cp-escape"), d("tmp/coracle-cp-escape"),
        f("tmp/coracle-cp-escape/inside", "inside\n")])


def build_big(out, layers=5, mib=200):
    """Big image for benchmarks: each layer ~half urandom-like, half compressible text."""
    lay = Layout(out)
    rng = random.Random(42)
    words = [b"coracle", b"container", b"layer", b"registry", b"blob", b"digest", b"rootless"]
    descs = []
    for n in range(layers):
        tmp = os.path.join(out, "layer.tmp")

        with open(tmp, "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=1) as gz:
            hashing = HashingWriter(gz)
            with tarfile.open(fileobj=hashing, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                ti, _ = d("big%d" % n)
                tar.addfile(ti)
                for i in range(mib):
                    if i % 2:
                        data = rng.randbytes(1 << 20)
                    else:
                        line = b" ".join(rng.choice(words) for _ in range(12)) + b"\n"
                        data = (line * ((1 << 20) // len(line) + 1))[: 1 << 20]
                    ti, _ = f("big%d/chunk%04d" % (n, i), b"")
                    ti.size = len(data)
                    tar.addfile(ti, io.BytesIO(data))
        descs.append((lay.blob_file(tmp, MT_GZIP), "sha256:" + hashing.hash.hexdigest()))
        print("big: layer %d/%d done" % (n + 1, layers), file=sys.stderr)
    lay.tag(lay.image(descs))


def push(layout, registry, name):
    """Push an OCI layout's tagged image with the registry API (for images that skopeo,
    which reads at most 4 MiB of config, refuses to copy)."""
    import urllib.parse
    import urllib.request

    def request(method, url, data=None, headers=None):
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        with urllib.request.urlopen(req) as resp:
            return resp.headers

    base = "http://%s/v2/%s" % (registry, name)
    blobs = os.path.join(layout, "blobs", "sha256")
    with open(os.path.join(layout, "index.json")) as fh:
        desc = json.load(fh)["manifests"][0]
    with open(os.path.join(blobs, desc["digest"][7:]), "rb") as fh:
        manifest = fh.read()
    parsed = json.loads(manifest)
    for blob in [parsed["config"]] + parsed["layers"]:
        with open(os.path.join(blobs, blob["digest"][7:]), "rb") as fh:
            data = fh.read()
        location = request("POST", base + "/blobs/uploads/")["Location"]
        location = urllib.parse.urljoin(base + "/", location)
        sep = "&" if "?" in location else "?"
        request("PUT", location + sep + "digest=" + blob["digest"], data,
                {"Content-Type": "application/octet-stream"})
    request("PUT", base + "/manifests/latest", manifest,
            {"Content-Type": parsed["mediaType"]})


def build_volumes(out):
    """An image for volume copy-up: /etc files with owners other than root, a VOLUME
    (/srv/data) with content, and /hostile holding symlinks to a host directory
    (absolute and climbing out with ../), which a copy-up must copy as links."""
    lay = Layout(out)
    extra = [d("etc"), f("etc/app.conf", "app\n", 0o640, 1000, 1000),
             d("etc/appdir", 0o750, 1000, 100), f("etc/appdir/x", "x\n", 0o600, 1000, 100),
             d("srv"), d("srv/data", 0o775, 1000, 1000),
             f("srv/data/seed.txt", "seed\n", 0o644, 1000, 1000),
             d("hostile"), f("hostile/plain", "plain\n"),
             sym("hostile/link", "/tmp/coracle-hostile-volume"),
             sym("hostile/up", HOSTILE_UP + "tmp/coracle-hostile-volume/secret")]
    layers = [lay.layer(tar_bytes(busybox_entries())), lay.layer(tar_bytes(extra))]
    lay.tag(lay.image(layers, volumes=["/srv/data"]))


UDPECHO_C = r"""
/* udpecho PORT: answer every UDP datagram on 0.0.0.0:PORT with the same bytes. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: udpecho PORT\n");
        return 125;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)atoi(argv[1]));
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("udpecho: bind");
        return 1;
    }
    static char buf[65536];
    for (;;) {
        struct sockaddr_in from;
        socklen_t len = sizeof from;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
        if (n >= 0)
            sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&from, len);
    }
}
"""


def static_binary(name, source):
    """C source compiled statically, from a relative path in a scratch directory and
    stripped, so no path or symbol of this machine ends up in the binary."""
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, name + ".c"), "w") as fh:
            fh.write(source)
        subprocess.run(["gcc", "-static", "-O2", "-s", "-o", name, name + ".c"],
                       cwd=tmp, check=True)
        with open(os.path.join(tmp, name), "rb") as fh:
            return fh.read()


def build_netserve(out):
    """A network server image: a UDP echo program, a page for busybox httpd, and
    EXPOSEd ports for `-P`."""
    lay = Layout(out)
    extra = [d("bin"), f("bin/udpecho", static_binary("udpecho", UDPECHO_C), 0o755),
             d("www"), f("www/file", "served by netserve\n")]
    layers = [lay.layer(tar_bytes(busybox_entries())), lay.layer(tar_bytes(extra))]
    lay.tag(lay.image(layers, cmd=("httpd", "-f", "-p", "8080", "-h", "/www"),
                      exposed=["8080/tcp", "9000/udp"]))


def main(argv):
    if len(argv) >= 2 and argv[0] == "all":
        build_all(argv[1])
    elif len(argv) == 4 and argv[0] == "push":
        push(argv[1], argv[2], argv[3])
    elif len(argv) == 3 and argv[0] == "unique":
        build_extra_layer(argv[1], [d("etc"), f("etc/coracle-unique", argv[2] + "\n")])
    elif len(argv) >= 2 and argv[0] == "big":
        opts = dict(zip(argv[2::2], argv[3::2]))
        build_big(argv[1], int(opts.get("--layers", 5)), int(opts.get("--mib", 200)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
