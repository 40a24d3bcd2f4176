"""Draws the ICP Lens toolbar icon (a lens over a target) at every size the manifest needs.

Pure standard library so it runs anywhere: `python3 scripts/make-icons.py`. The PNGs are committed.
The 128 px icon is the stores' icon: Chrome's image guidelines ask for 96 px of artwork in it and 16 px of
transparent padding on each side. The toolbar's sizes fill their square, to stay legible at 16 px.
"""
import math
import struct
import zlib
from pathlib import Path

BLUE = (29, 78, 216)
WHITE = (255, 255, 255)


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    # Coordinates in 0..1. Rounded square background.
    r = 0.2
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if math.hypot(x - cx, y - cy) > r:
        return (0, 0, 0, 0)
    d = math.hypot(x - 0.44, y - 0.44)
    if 0.2 <= d <= 0.29:  # lens ring
        return (*WHITE, 255)
    if d <= 0.09:  # bull's-eye
        return (*WHITE, 255)
    # handle: a thick line from the ring towards the bottom-right corner
    t = ((x - 0.64) + (y - 0.64)) / 2
    px, py = 0.64 + t, 0.64 + t
    if 0 <= t <= 0.16 and math.hypot(x - px, y - py) <= 0.06:
        return (*WHITE, 255)
    return (*BLUE, 255)


def png(size: int, padding: int = 0) -> bytes:
    ss = 4  # supersampling for smooth edges
    art = size - 2 * padding
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(ss):
                for si in range(ss):
                    x = (i + (si + 0.5) / ss - padding) / art
                    y = (j + (sj + 0.5) / ss - padding) / art
                    p = pixel(x, y) if 0 <= x <= 1 and 0 <= y <= 1 else (0, 0, 0, 0)
                    for k in range(3):
                        acc[k] += p[k] * p[3]
                    acc[3] += p[3]
            a = acc[3] / (ss * ss)
            rgb = [int(acc[k] / acc[3]) if acc[3] else 0 for k in range(3)]
            row += bytes([*rgb, int(a)])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


out = Path(__file__).resolve().parent.parent / "public" / "icon"
out.mkdir(parents=True, exist_ok=True)
for size in (16, 32, 48, 96, 128):
    (out / f"{size}.png").write_bytes(png(size, padding=16 if size == 128 else 0))
