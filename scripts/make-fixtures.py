#!/usr/bin/env python3
"""Regenerates the small committed fixtures in fixtures/ (each named for what it proves).

Needs pyvips (pip install pyvips) on libvips 8.14. Not run by CI: the files are committed.
"""
import os
import struct
import sys

import pyvips

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def photo(width, height, seed=0, sigma=0):
    """A smooth sRGB gradient; `sigma` adds grain (kept off for PNG fixtures, which it bloats)."""
    xyz = pyvips.Image.xyz(width, height)
    x = xyz[0] / width
    y = xyz[1] / height
    r = (x * 180 + 40 + seed * 20)
    g = (y * 160 + 50)
    b = ((1 - x) * 120 + 60)
    img = r.bandjoin([g, b])
    noise = pyvips.Image.gaussnoise(width, height, mean=0, sigma=sigma) if sigma else pyvips.Image.black(width, height)
    img = (img + noise.bandjoin([noise, noise])).cast("uchar")
    return img.copy(interpretation="srgb")


def subject(img, cx, cy, radius):
    """Paints a bright disc: the 'obvious subject' a smart crop must keep."""
    xyz = pyvips.Image.xyz(img.width, img.height)
    d = ((xyz[0] - cx) ** 2 + (xyz[1] - cy) ** 2) ** 0.5
    mask = (d < radius).ifthenelse(255, 0)
    disc = pyvips.Image.black(img.width, img.height).new_from_image([255, 40, 40]).cast("uchar")
    return mask.ifthenelse(disc, img).cast("uchar").copy(interpretation="srgb")


def exif_orientation_jpeg(path, jpeg_bytes, orientation):
    """Inserts a minimal EXIF APP1 segment holding only the orientation tag."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8)
    tiff += struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    app1 = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    with open(path, "wb") as f:
        f.write(jpeg_bytes[:2] + segment + jpeg_bytes[2:])


def bmp24(path, img):
    """A bottom-up 24-bit BMP written by hand: libvips 8.14 saves BMP only through ImageMagick."""
    w, h = img.width, img.height
    data = bytes(img.write_to_memory())
    row = (w * 3 + 3) & ~3
    pixels = bytearray()
    for yy in range(h - 1, -1, -1):
        line = bytearray()
        for xx in range(w):
            i = (yy * w + xx) * 3
            line += bytes([data[i + 2], data[i + 1], data[i]])
        pixels += line + b"\x00" * (row - len(line))
    header = b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    with open(path, "wb") as f:
        f.write(header + info + pixels)


def main():
    os.makedirs(OUT, exist_ok=True)
    p = lambda name: os.path.join(OUT, name)

    # The demo's pairs.
    first = subject(photo(960, 540, sigma=4), 700, 200, 60)
    first.write_to_file(p("good-first.jpg"), Q=80, strip=True)
    photo(960, 540, seed=2, sigma=4).write_to_file(p("good-last.jpg"), Q=80, strip=True)
    # Bad pair: a sideways phone photo and a panorama whose aspect is out of bounds.
    sideways = photo(640, 480, seed=1)
    exif_orientation_jpeg(p("bad-first-sideways.jpg"), sideways.write_to_buffer(".jpg", Q=75, strip=True), 6)
    subject(photo(1500, 400, seed=3), 1380, 200, 60).write_to_file(p("bad-last-panorama.png"), compression=9)

    base = photo(400, 320)
    jpeg = base.write_to_buffer(".jpg", Q=75, strip=True)
    for o in range(1, 9):
        exif_orientation_jpeg(p(f"orientation-{o}.jpg"), jpeg, o)

    base.write_to_file(p("accepted.png"), compression=9)
    base.write_to_file(p("accepted.webp"), Q=70)
    base.write_to_file(p("accepted.tif"), compression="jpeg", Q=70)
    base.write_to_file(p("accepted.gif"))
    bmp24(p("accepted.bmp"), photo(320, 320).thumbnail_image(320))
    base.write_to_file(p("refused.heic"), compression="hevc", Q=40)
    base.write_to_file(p("refused.avif"), compression="av1", Q=40)
    base.write_to_file(p("refused.jp2"), Q=30)
    with open(p("refused.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="320"><rect width="400" height="320" fill="red"/></svg>\n')
    with open(p("jpeg-named.png"), "wb") as f:
        f.write(jpeg)

    base.icc_transform("cmyk").write_to_file(p("cmyk-with-profile.jpg"), Q=75)
    base.icc_transform("cmyk").write_to_file(p("cmyk-no-profile.jpg"), Q=75, strip=True)
    (base.cast("ushort") * 257).cast("ushort").copy(interpretation="rgb16").write_to_file(p("rgb16.png"), compression=9)
    base.colourspace("b-w").write_to_file(p("grey.png"), compression=9)
    alpha = (pyvips.Image.xyz(400, 320)[0] * 255 / 400).cast("uchar")
    base.bandjoin(alpha).copy(interpretation="srgb").write_to_file(p("alpha.png"), compression=9)
    frames = [photo(400, 320, seed=s) for s in range(3)]
    anim = pyvips.Image.arrayjoin(frames, across=1).copy()
    anim.set_type(pyvips.GValue.gint_type, "page-height", 320)
    anim.set_type(pyvips.GValue.array_int_type, "delay", [100, 100, 100])
    anim.write_to_file(p("animated-3-frames.gif"))

    truncated = photo(800, 600).write_to_buffer(".jpg", Q=80, strip=True)
    with open(p("truncated.jpg"), "wb") as f:
        f.write(truncated[: len(truncated) // 2])
    with open(p("random-bytes.bin"), "wb") as f:
        f.write(os.urandom(4096))
    open(p("empty.jpg"), "wb").close()

    # Side and aspect edges: header-only checks, so flat images keep the files tiny.
    flat = lambda w, h: pyvips.Image.black(w, h, bands=3).cast("uchar").copy(interpretation="srgb")
    for w, h in [(299, 400), (300, 400), (301, 400), (5999, 3000), (6000, 3000), (6001, 3000),
                 (400, 1000), (401, 1000), (2500, 1000), (2499, 1000), (1000, 2500), (1000, 2499),
                 (400, 299), (400, 300), (400, 301)]:
        flat(w, h).write_to_file(p(f"edge-{w}x{h}.png"), compression=9)
    return 0


if __name__ == "__main__":
    sys.exit(main())
