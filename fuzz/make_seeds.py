#!/usr/bin/env python3
"""Write the seed corpus of every fuzz target into corpus/<target>/ (deterministic:
re-running it reproduces the committed files). Stdlib only.

    python3 fuzz/make_seeds.py
"""
import io
import json
import os
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "..", ".ci"))
import fixtures  # noqa: E402  (the test bed's tar helpers)
MTIME = 1700000000
DIGEST = "sha256:" + "ab" * 32


def put(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ------------------------------------------------------------------ reference
for i, ref in enumerate([
    "busybox",
    "busybox:1.36",
    "docker.io/library/busybox:latest",
    "localhost:5000/a/b@" + DIGEST,
    "quay.io/ns/img:v1.2-rc_3@" + DIGEST,
    "[::1]:5000/img:tag",
    "127.0.0.1:5000/deep/er/path/name",
    "Upper/Case",
    "a//b",
    "img@sha512:" + "cd" * 64,
]):
    put("reference", f"seed-{i:02}", ref)

# ------------------------------------------------------------------ manifest
# The first byte picks the Content-Type (see fuzz_targets/manifest.rs).
def desc(media_type, size=1234, **extra):
    return dict(mediaType=media_type, digest=DIGEST, size=size, **extra)

OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
manifests = {
    "oci-manifest": (1, dict(schemaVersion=2, mediaType="application/vnd.oci.image.manifest.v1+json",
                             config=desc(OCI_CONFIG), layers=[desc(OCI_LAYER), desc(OCI_LAYER + "+zstd")],
                             annotations={"a": "b"})),
    "oci-index": (0, dict(schemaVersion=2, mediaType="application/vnd.oci.image.index.v1+json", manifests=[
        desc("application/vnd.oci.image.manifest.v1+json", platform=dict(os="linux", architecture="amd64")),
        desc("application/vnd.oci.image.manifest.v1+json",
             platform={"os": "linux", "architecture": "arm64", "variant": "v8", "os.features": ["x"]}),
        desc("application/vnd.oci.image.manifest.v1+json", platform=dict(os="unknown", architecture="unknown")),
    ])),
    "docker-v2s2": (3, dict(schemaVersion=2, mediaType="application/vnd.docker.distribution.manifest.v2+json",
                            config=desc("application/vnd.docker.container.image.v1+json"),
                            layers=[desc("application/vnd.docker.image.rootfs.diff.tar.gzip")])),
    "docker-list": (4, dict(schemaVersion=2, manifests=[
        desc("application/vnd.docker.distribution.manifest.v2+json",
             platform=dict(os="linux", architecture="arm", variant="v7"))])),
    "schema1": (5, dict(schemaVersion=1, name="x", tag="latest", fsLayers=[])),
    "config": (0, dict(architecture="amd64", os="linux", created="2023-11-14T22:13:20Z",
                       config=dict(Env=["PATH=/bin"], Cmd=["sh"], Entrypoint=None, WorkingDir="/",
                                   User="1000:1000", ExposedPorts={"80/tcp": {}}, Labels={"k": "v"}),
                       rootfs=dict(type="layers", diff_ids=[DIGEST]),
                       history=[dict(created_by="x", empty_layer=True)])),
}
for name, (pick, doc) in manifests.items():
    put("manifest", name, bytes([pick]) + json.dumps(doc).encode())

# ------------------------------------------------------------------ registries.conf
put("registries_conf", "v2", """unqualified-search-registries = ["registry.fedoraproject.org", "docker.io"]
short-name-mode = "enforcing"

[[registry]]
prefix = "example.com/foo"
location = "internal.example.com/bar"
insecure = true

[[registry]]
location = "*.example.org"
blocked = true

[[registry]]
location = "127.0.0.1:5000"
insecure = true

[aliases]
"busybox" = "docker.io/library/busybox"
"fedora" = "registry.fedoraproject.org/fedora"
""")
put("registries_conf", "v1", """[registries.search]
registries = ['docker.io', 'quay.io']

[registries.insecure]
registries = ['localhost:5000']

[registries.block]
registries = ['evil.example.com']
""")
put("registries_conf", "empty-alias", """short-name-mode = "permissive"
[aliases]
"busybox" = ""
""")

# ------------------------------------------------------------------ auth.json
import base64

def b64(s):
    return base64.b64encode(s.encode()).decode()

put("auth_json", "podman", json.dumps({"auths": {
    "docker.io": {"auth": b64("user:pass")},
    "https://index.docker.io/v1/": {"auth": b64("hub:word")},
    "quay.io/a/b": {"auth": b64("repo:scoped:colon")},
    "127.0.0.1:5000": {"auth": ""}}}))
put("auth_json", "docker-config", json.dumps({"auths": {"quay.io": {"auth": "!!notbase64"}},
                                             "credHelpers": {"gcr.io": "gcloud"}, "credsStore": "desktop"}))
put("auth_json", "legacy-dockercfg", json.dumps({"https://index.docker.io/v1/": {"auth": b64("old:style"),
                                                                                "email": "x@y"}}))
put("auth_json", "not-user-pass", json.dumps({"auths": {"docker.io": {"auth": b64("nocolon")}}}))
put("auth_json", "auths-not-object", '{"auths": [1, 2]}')

# ------------------------------------------------------------------ template
for i, tpl in enumerate([
    "{{.ID}}",
    "table {{.Repository}}\\t{{.Tag}} {{.ID}}",
    "{{json .}}",
    "{{range .Names}}{{.}},{{end}}",
    '{{if eq .Tag "latest"}}yes{{else}}no{{end}}',
    '{{join .Names ","}} {{truncate .ID 4}} {{upper .Repository}} {{lower .Tag}} {{title .Tag}}',
    '{{pad .Tag 10 "*"}} {{split .Repository "/"}} {{index .Labels "k"}} {{len .Names}}',
    '{{with .State}}{{.Status}}/{{.Pid}}{{end}}\\n{{printf "%d" .Size}}',
    '{{define "x"}}[{{.}}]{{end}}{{template "x" .Tag}}',
    '{{$x := .Names}}{{range $i, $n := $x}}{{$i}}={{$n}} {{end}}',
    '{{.State.Status}}\x00{"State": {"Status": "exited", "Pid": 0}, "Names": []}',
    '{{.Missing}}',
    # Found by this target: a huge pad width once aborted on its allocation.
    '{{pad .Tag 11 0555555555555555555}}',
]):
    put("template", f"seed-{i:02}", tpl)

# ------------------------------------------------------------------ unpack
# A flags byte comes first (see fuzz_targets/unpack.rs): 0 one layer, 1 cp mode,
# 2 two layers (then a 2-byte count of the lower layer's 512-byte blocks).
def put_tar(name, archive, flags=0):
    put("unpack", name, bytes([flags]) + archive)


def put_layers(name, lower, upper):
    assert len(lower) % 512 == 0
    put("unpack", name, bytes([2]) + (len(lower) // 512).to_bytes(2, "little") + lower + upper)


def tar_bytes(entries, fmt=tarfile.PAX_FORMAT):
    """entries: (TarInfo keyword arguments, data or None)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for fields, data in entries:
            info = tarfile.TarInfo(fields.pop("name"))
            info.mtime = MTIME
            info.mode = fields.pop("mode", 0o644)
            info.uname = info.gname = ""
            for k, v in fields.items():
                setattr(info, k, v)
            if data is not None:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
            else:
                t.addfile(info)
    return trimmed(buf.getvalue())


def trimmed(archive):
    """Drop tarfile's padding to a 10 KiB record: the members, then two zero blocks."""
    body = archive.rstrip(b"\0")
    body += b"\0" * ((-len(body)) % 512)
    return body + b"\0" * 1024

D, F, L, S = tarfile.DIRTYPE, tarfile.REGTYPE, tarfile.LNKTYPE, tarfile.SYMTYPE

put_tar("whiteouts", tar_bytes([
    (dict(name="./", type=D, mode=0o755), None),
    (dict(name="a", type=D, mode=0o755), None),
    (dict(name="a/keep", type=F), b"kept\n"),
    (dict(name="a/.wh.gone", type=F), b""),
    (dict(name="a/.wh..wh..opq", type=F), b""),
    (dict(name=".wh.removed", type=F), b""),
    (dict(name=".wh..wh.plnk", type=D, mode=0o700), None),
    (dict(name=".wh..wh.plnk/123", type=F), b"aufs"),
    (dict(name="a/.wh.", type=F), b""),
], fmt=tarfile.USTAR_FORMAT))

put_tar("links", tar_bytes([
    (dict(name="d", type=D, mode=0o755), None),
    (dict(name="d/file", type=F, mode=0o4755), b"#!/bin/sh\n"),
    (dict(name="d/hard", type=L, linkname="d/file"), None),
    (dict(name="d/rel", type=S, linkname="../d/file"), None),
    (dict(name="d/abs", type=S, linkname="/etc/passwd"), None),
    (dict(name="up", type=S, linkname="../../../tmp"), None),
    (dict(name="up/escape", type=F), b"escaped\n"),
    (dict(name="hard-to-link", type=L, linkname="up"), None),
    (dict(name="hard-out", type=L, linkname="../outside"), None),
    (dict(name="d/file", type=D, mode=0o755), None),
], fmt=tarfile.USTAR_FORMAT))

put_tar("pax", tar_bytes([
    (dict(name="p/" + "long-name-" * 12 + "end", type=F,
          pax_headers={"uid": "1000", "gid": "1000", "mtime": "1700000000.123456789",
                       "SCHILY.xattr.user.coracle": "test",
                       "SCHILY.xattr.user.overlay.opaque": "y",
                       "SCHILY.xattr.security.capability": "\x01\x00\x00\x02"}), b"pax\n"),
    (dict(name="p/link", type=S, linkname="t/" + "x" * 150,
          pax_headers={"linkpath": "t/" + "x" * 150}), None),
    (dict(name="p/neg", type=F, pax_headers={"mtime": "-1.5", "uid": "4294967295"}), b""),
]))
# A global PAX header as the first member.
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT,
                  pax_headers={"comment": "global", "mtime": "1"}) as t:
    info = tarfile.TarInfo("g")
    info.mtime = MTIME
    t.addfile(info, io.BytesIO(b""))
put_tar("pax-global", trimmed(buf.getvalue()))

put_tar("gnu-longnames", tar_bytes([
    (dict(name="g/" + "n" * 120, type=F), b"gnu\n"),
    (dict(name="g/" + "h" * 120, type=L, linkname="g/" + "n" * 120), None),
    (dict(name="g/s", type=S, linkname="/" + "k" * 120), None),
], fmt=tarfile.GNU_FORMAT))

put_tar("special", tar_bytes([
    (dict(name="dev", type=D, mode=0o755), None),
    (dict(name="dev/fifo", type=tarfile.FIFOTYPE), None),
    (dict(name="dev/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3), None),
    (dict(name="dev/sda", type=tarfile.BLKTYPE, devmajor=8, devminor=0), None),
    (dict(name="dev/whiteout", type=tarfile.CHRTYPE, devmajor=0, devminor=0), None),
], fmt=tarfile.USTAR_FORMAT))

put_tar("traversal", tar_bytes([
    (dict(name="../escape", type=F), b"x"),
    (dict(name="/abs", type=F), b"x"),
    (dict(name="a/../../b", type=F), b"x"),
], fmt=tarfile.USTAR_FORMAT))


# Sparse entries, built as the test bed builds its hostile sparse fixtures.
put_tar("sparse-gnu",
    fixtures.gnu_sparse_entry("sparse", 1 << 20, [(0, b"head"), (1 << 19, b"middle"), ((1 << 20) - 4, b"tail")])
    + b"\0" * 1024)
put_tar("sparse-pax",
    fixtures.pax_sparse_entry("sparse", 1 << 20, [(0, b"head"), ((1 << 20) - 4, b"tail")])
    + b"\0" * 1024)

# cp mode: the whiteout names are plain names, owners 1:1.
with open(os.path.join(HERE, "corpus", "unpack", "whiteouts"), "rb") as f:
    put_tar("whiteouts-cp", f.read()[1:], flags=1)

# Two layers: a symlink in the lower one, a file through it in the upper one (refused),
# and a layer that replaces the link with a directory first (fine).
lower = tar_bytes([
    (dict(name="up", type=S, linkname="../../tmp"), None),
    (dict(name="etc", type=D, mode=0o755), None),
    (dict(name="etc/gone", type=F), b"x"),
], fmt=tarfile.USTAR_FORMAT)
put_layers("layers-symlink-parent", lower, tar_bytes([
    (dict(name="up/file", type=F), b"through the link\n"),
], fmt=tarfile.USTAR_FORMAT))
put_layers("layers-replaced-link", lower, tar_bytes([
    (dict(name="up", type=D, mode=0o755), None),
    (dict(name="up/file", type=F), b"in a directory\n"),
    (dict(name="etc/.wh.gone", type=F), b""),
    (dict(name="etc/.wh..wh..opq", type=F), b""),
], fmt=tarfile.USTAR_FORMAT))


# ------------------------------------------------------------------ dns_packet
def dns_query(qid, name, qtype=1, flags=0x0100, qdcount=1):
    out = qid.to_bytes(2, "big") + flags.to_bytes(2, "big") + qdcount.to_bytes(2, "big") + bytes(6)
    for label in name.split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0" + qtype.to_bytes(2, "big") + (1).to_bytes(2, "big")


put("dns_packet", "a_bare", dns_query(1, "web"))
put("dns_packet", "a_in_domain", dns_query(2, "www.dns.podman"))
put("dns_packet", "aaaa", dns_query(3, "web", qtype=28))
put("dns_packet", "edns_opt", dns_query(4, "example.org")[:11] + b"\1" + dns_query(4, "example.org")[12:]
    + b"\0\0\x29\x10\0\0\0\0\0\0\0")
put("dns_packet", "two_questions", dns_query(5, "a", qdcount=2) + b"\1b\0\0\1\0\1")
put("dns_packet", "pointer_in_question", dns_query(6, "x")[:12] + b"\xc0\x0c\0\1\0\1")
put("dns_packet", "response_with_answer", dns_query(7, "web", flags=0x8180)[:7] + b"\1"
    + dns_query(7, "web")[8:] + b"\xc0\x0c\0\1\0\1\0\0\0\x3c\0\4\x0a\x59\0\2")
