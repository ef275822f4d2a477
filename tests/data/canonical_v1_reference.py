#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Independent reference encoder for the canonical event encoding v1 (docs/canonical-encoding.md).

Writes canonical-v1-event.hex, the vector tests/unit/canonicalencoding_test.cpp compares the C++
encoder against. Run: python3 tests/data/canonical_v1_reference.py > tests/data/canonical-v1-event.hex
"""
import struct


def u8(v): return struct.pack(">B", v)
def u32(v): return struct.pack(">I", v)
def i64(v): return struct.pack(">q", v)
def s(text): b = text.encode("utf-8"); return u32(len(b)) + b


def encode(e):
    out = b"QAE" + u8(1) + i64(e["seq"]) + i64(e["recorded_at"])
    out += u8(1) + i64(e["occurred_at"]) if e.get("occurred_at") is not None else u8(0)
    out += s(e["actor"]["id"]) + s(e["actor"]["name"]) + u32(len(e["actor"]["roles"]))
    out += b"".join(s(r) for r in e["actor"]["roles"])
    out += s(e["action"])
    o = e["object"]
    out += s(o["type"]) + s(o["id"]) + s(o["version"]) + s(o["title"])
    out += s(e["outcome"]) + s(e["reason"]) + u32(len(e["changes"]))
    out += b"".join(s(c["field"]) + s(c["old"]) + s(c["new"]) for c in e["changes"])
    out += s(e["signature_meaning"]) + s(e["session"])
    h = e["host"]
    out += s(h["app"]) + s(h["version"]) + s(h["workstation"])
    attrs = sorted(e["attributes"].items(), key=lambda kv: kv[0].encode("utf-8"))
    out += u32(len(attrs)) + b"".join(s(k) + s(v) for k, v in attrs)
    return out


EVENT = {
    "seq": 42, "recorded_at": 1767225600123456, "occurred_at": 1767000000000000,
    "actor": {"id": "u42", "name": "Zoë Ångström", "roles": ["qa_manager", "author"]},
    "action": "edit",
    "object": {"type": "procedure", "id": "SOP-017", "version": "C", "title": "Kalibrierung – Drehmoment"},
    "outcome": "success", "reason": "Annual review\nper CAPA-9",
    "changes": [{"field": "interval_days", "old": "365", "new": "180"}, {"field": "owner", "old": "", "new": "u7"}],
    "signature_meaning": "", "session": "sess-1",
    "host": {"app": "qms-desk", "version": "4.2.0", "workstation": "WS-LAB-3"},
    "attributes": {"site": "Linz", "dept": "QA"},
}

if __name__ == "__main__":
    print(encode(EVENT).hex())
