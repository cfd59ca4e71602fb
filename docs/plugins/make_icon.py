#!/usr/bin/env python3
"""Writes a plugin icon: a 512x512 PNG (rounded square, one colour, a ring of dots).

Standard library only, so it runs anywhere Python 3 does:
    python3 docs/plugins/make_icon.py plugins/my-plugin/assets/icon.png "#2f6fde" 4
The colour is the background; the number is how many dots sit on the ring (1-12).
"""
import math
import struct
import sys
import zlib

SIZE = 512


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)  # filter type 0 per scanline

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    path, colour, dots = sys.argv[1], sys.argv[2].lstrip("#"), int(sys.argv[3])
    bg = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
    c, radius, corner = SIZE / 2, 150, 96
    centres = [(c + radius * math.cos(2 * math.pi * k / dots - math.pi / 2),
                c + radius * math.sin(2 * math.pi * k / dots - math.pi / 2)) for k in range(dots)]
    rows = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            # rounded-square mask
            dx, dy = max(corner - x, x - (SIZE - 1 - corner), 0), max(corner - y, y - (SIZE - 1 - corner), 0)
            if dx * dx + dy * dy > corner * corner:
                row += (0, 0, 0, 0)
                continue
            d = math.hypot(x - c, y - c)
            on_ring = abs(d - radius) < 10
            on_dot = any(math.hypot(x - px, y - py) < 46 for px, py in centres)
            on_hub = d < 40
            row += (255, 255, 255, 255) if (on_ring or on_dot or on_hub) else (*bg, 255)
        rows.append(row)
    png(path, rows)


if __name__ == "__main__":
    main()
