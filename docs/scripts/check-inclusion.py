#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Recomputes one inclusion proof of a QmsAudit evidence pack (RFC 9162 2.1.3.2) from proofs.jsonl
and compares it with the root of the pack's checkpoint. Python 3 standard library only.
Usage: check-inclusion.py proofs.jsonl checkpoint [LINE]   (LINE of proofs.jsonl, from 1; default 1)"""
import base64, hashlib, json, sys

def check(ok, why):
    ok or sys.exit("FAILED: " + why)

line = int(sys.argv[3]) if len(sys.argv) > 3 else 1
proof = json.loads(open(sys.argv[1], encoding="utf-8").read().splitlines()[line - 1])
origin, size, root = open(sys.argv[2], encoding="utf-8").read().split("\n")[:3]
h = lambda data: hashlib.sha256(data).digest()
r = h(b"\x00" + base64.b64decode(proof["encoding"]))  # the leaf: the event's canonical encoding
check(r.hex() == proof["leaf_hash"], "leaf_hash is not the hash of the encoding")
check(proof["tree_size"] == int(size) and proof["leaf_index"] == proof["seq"] - 1, "not a leaf of the checkpoint's tree")
fn, sn = proof["leaf_index"], int(size) - 1
for p in map(bytes.fromhex, proof["path"]):
    check(sn > 0, "the path is too long")
    if fn & 1 or fn == sn:
        r = h(b"\x01" + p + r)
        while fn & 1 == 0 and fn != 0:
            fn, sn = fn >> 1, sn >> 1
    else:
        r = h(b"\x01" + r + p)
    fn, sn = fn >> 1, sn >> 1
check(sn == 0 and r == base64.b64decode(root), "the proof does not lead to the checkpoint's root")
print(f"OK seq {proof['seq']} is leaf {proof['leaf_index']} of the {size} events of {origin}, root {r.hex()}")
