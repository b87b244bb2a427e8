#!/usr/bin/env python3
"""Writes srgb-v2.icc: a minimal ICC v2 display profile for sRGB (IEC 61966-2-1).

The PDF/A output intent needs an RGB profile; this one is written from the
published sRGB primaries (Bradford-adapted to D50) and a 64-point sampled
sRGB tone curve, so the project owns it outright (no third-party licence).
Run: python3 make_srgb_icc.py > srgb-v2.icc
"""
import struct
import sys


def s15(x):
    return struct.pack(">i", round(x * 65536))


def xyz(x, y, z):
    return b"XYZ " + bytes(4) + s15(x) + s15(y) + s15(z)


def text_desc(s):
    a = s.encode("ascii") + b"\0"
    # textDescriptionType: ASCII, empty Unicode, empty ScriptCode (67-byte field).
    return b"desc" + bytes(4) + struct.pack(">I", len(a)) + a + bytes(8) + bytes(3) + bytes(67)


def text(s):
    return b"text" + bytes(4) + s.encode("ascii") + b"\0"


def srgb_to_linear(v):
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def curve(n):
    vals = [round(srgb_to_linear(i / (n - 1)) * 65535) for i in range(n)]
    return b"curv" + bytes(4) + struct.pack(">I", n) + b"".join(struct.pack(">H", v) for v in vals)


def pad4(b):
    return b + bytes((4 - len(b) % 4) % 4)


trc = curve(64)
tags = [
    (b"desc", text_desc("sRGB IEC61966-2.1 (jobpack compact v2)")),
    (b"cprt", text("No copyright, use freely (CC0)")),
    (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
    (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
    (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
    (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
    (b"rTRC", trc),
    (b"gTRC", trc),
    (b"bTRC", trc),
]
table_len = 4 + 12 * len(tags)
offset = 128 + table_len
entries, data, placed = b"", b"", {}
for sig, body in tags:
    if id(body) in placed:  # the three TRCs share one curve
        off, size = placed[id(body)]
    else:
        off, size = offset + len(data), len(body)
        placed[id(body)] = (off, size)
        data += pad4(body)
    entries += sig + struct.pack(">II", off, size)
size = 128 + table_len + len(data)
header = (
    struct.pack(">I", size) + bytes(4) + struct.pack(">I", 0x02100000)
    + b"mntr" + b"RGB " + b"XYZ "
    + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
    + b"acsp" + bytes(4) + bytes(4) + bytes(4) + bytes(4) + bytes(8)
    + struct.pack(">I", 0)
    + s15(0.9642) + s15(1.0) + s15(0.8249)
    + bytes(4) + bytes(44)
)
assert len(header) == 128
sys.stdout.buffer.write(header + struct.pack(">I", len(tags)) + entries + data)
