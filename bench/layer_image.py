#!/usr/bin/env python3
"""Wrap one gzip-compressed tar layer into an OCI image layout (for bench/unpack.sh).

Usage: layer_image.py OUTDIR LAYER.tar.gz

The layer blob is copied as it is; its diff ID is the sha256 of the decompressed tar.
The layout gets one tag, "latest", like the test bed's fixtures (.ci/fixtures.py, whose
Layout class this reuses).
"""

import gzip
import hashlib
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".ci"))
import fixtures  # noqa: E402


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    out, layer = argv
    diff = hashlib.sha256()
    with gzip.open(layer, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            diff.update(chunk)
    lay = fixtures.Layout(out)
    tmp = os.path.join(out, "layer.tmp")
    shutil.copyfile(layer, tmp)
    desc = lay.blob_file(tmp, fixtures.MT_GZIP)
    lay.tag(lay.image([(desc, "sha256:" + diff.hexdigest())], cmd=("bash",)))


if __name__ == "__main__":
    main(sys.argv[1:])
