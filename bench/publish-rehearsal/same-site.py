#!/usr/bin/env python3
"""Checks that a bucket kept by s3rver holds exactly a built site: the same keys, and the same bytes (by MD5). The
build's own hidden files (its manifest) are not part of the site.
   same-site.py <built site folder> <s3rver bucket folder>"""
import hashlib
import os
import sys

site, bucket = sys.argv[1:3]
SUFFIX = "._S3rver_object"


def files(root, keep):
    for folder, _, names in os.walk(root):
        for name in names:
            key = os.path.relpath(os.path.join(folder, name), root)
            if keep(key):
                yield key


built = {key: hashlib.md5(open(os.path.join(site, key), "rb").read()).hexdigest()
         for key in files(site, lambda key: not key.startswith("."))}
stored = {key[:-len(SUFFIX)]: open(os.path.join(bucket, key + ".md5")).read().strip()
          for key in files(bucket, lambda key: key.endswith(SUFFIX))}
missing = sorted(built.keys() - stored.keys())
extra = sorted(stored.keys() - built.keys())
different = sorted(key for key in built.keys() & stored.keys() if built[key] != stored[key])
if missing or extra or different:
    for label, keys in (("missing", missing), ("not in the site", extra), ("different bytes", different)):
        if keys:
            print(f"error: {len(keys)} {label} in the bucket, the first {keys[0]}", file=sys.stderr)
    sys.exit(1)
print(f"  the bucket holds exactly the whole site the build job built: {len(built)} files, byte for byte")
