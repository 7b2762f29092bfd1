#!/usr/bin/env python3
"""Writes the hostile-input corpus into the directory given as argv[1].

Plain Python 3 standard library only (CI has python3, not pyvips): PNG, GIF, BMP and TIFF are
built by hand with zlib and struct; JPEG and WebP variants are edits of the committed seeds in
fixtures/. Deterministic (one seeded RNG), a few hundred files, well under 50 MB.

File names say what each case is. Data-URI cases are written as `*.uri.txt` files holding the
URI text, for the caller to pass as an argument.
"""
import base64
import os
import random
import struct
import sys
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "fixtures")
RNG = random.Random(20240606)


def seed(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


class Corpus:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.bytes = 0
        os.makedirs(out, exist_ok=True)

    def write(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(self.out, name), "wb") as f:
            f.write(data)
        self.count += 1
        self.bytes += len(data)


# ---------------------------------------------------------------- PNG

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, color_type=2, depth=8, rows=None, extra=(), idat=None, ihdr_dims=None):
    """`rows(y)` gives one unfiltered row; `idat` overrides the compressed data entirely."""
    w, h = ihdr_dims or (width, height)
    ihdr = struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, 0)
    if idat is None:
        comp = zlib.compressobj(9)
        parts = []
        for y in range(height):
            parts.append(comp.compress(b"\x00" + rows(y)))
        parts.append(comp.flush())
        idat = b"".join(parts)
    body = png_chunk(b"IHDR", ihdr)
    for chunk in extra:
        body += chunk
    return b"\x89PNG\r\n\x1a\n" + body + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def gradient_row(width, channels, depth, y):
    step = 1 if depth == 8 else 2
    row = bytearray()
    for x in range(width):
        for c in range(channels):
            v = (x * 7 + y * 3 + c * 50) & 0xFF
            row += bytes([v]) if step == 1 else struct.pack(">H", v * 257)
    return bytes(row)


def fix_png_crcs(data):
    """Recomputes every chunk CRC, so a header edit reaches the parser instead of the CRC check."""
    out = bytearray(data[:8])
    pos = 8
    while pos + 8 <= len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        end = pos + 12 + length
        if end > len(data):
            out += data[pos:]
            return bytes(out)
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        out += png_chunk(kind, body)
        pos = end
    out += data[pos:]
    return bytes(out)


# ---------------------------------------------------------------- GIF

def lzw_literal(pixels, min_code=8):
    """GIF LZW that only emits literals, with a clear code often enough that widths never grow."""
    clear, eoi = 1 << min_code, (1 << min_code) + 1
    width = min_code + 1
    codes = [clear]
    run = 0
    for p in pixels:
        if run == (1 << min_code) - 4:
            codes.append(clear)
            run = 0
        codes.append(p)
        run += 1
    codes.append(eoi)
    acc = nbits = 0
    out = bytearray()
    for c in codes:
        acc |= c << nbits
        nbits += width
        while nbits >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        out.append(acc & 0xFF)
    blocks = bytearray([min_code])
    for i in range(0, len(out), 255):
        part = out[i:i + 255]
        blocks += bytes([len(part)]) + part
    return bytes(blocks + b"\x00")


def gif(screen, frames, loop=True):
    """`frames`: (left, top, width, height, pixels) with an 8-bit global palette."""
    sw, sh = screen
    palette = b"".join(bytes([i, 255 - i, (i * 3) & 0xFF]) for i in range(256))
    data = b"GIF89a" + struct.pack("<HHBBB", sw, sh, 0xF7, 0, 0) + palette
    if loop:
        data += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for left, top, w, h, pixels in frames:
        data += b"\x21\xf9\x04\x00\x02\x00\x00\x00"
        data += b"\x2c" + struct.pack("<HHHHB", left, top, w, h, 0) + lzw_literal(pixels)
    return data + b"\x3b"


# ---------------------------------------------------------------- BMP

def bmp(width, height, bpp=24, pixels=b"", info_size=40, compression=0, colours_used=0, offset=None, palette=b""):
    header_len = 14 + info_size
    off = offset if offset is not None else header_len + len(palette)
    if info_size == 12:
        info = struct.pack("<IHHHH", 12, width & 0xFFFF, height & 0xFFFF, 1, bpp)
    else:
        info = struct.pack("<IiiHHIIiiII", info_size, width, height, 1, bpp, compression, len(pixels), 2835, 2835, colours_used, 0)
        info += b"\x00" * (info_size - len(info))
    file_header = b"BM" + struct.pack("<IHHI", (header_len + len(palette) + len(pixels)) & 0xFFFFFFFF, 0, 0, off & 0xFFFFFFFF)
    return file_header + info + palette + pixels


def bmp_rows(width, height, bpp=24):
    row = (width * bpp // 8 + 3) & ~3
    line = bytes((x * 5) & 0xFF for x in range(row))
    return line * height


# ---------------------------------------------------------------- TIFF

SHORT, LONG, UNDEFINED, ASCII = 3, 4, 7, 2
TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 16: 8}


def tiff(pages, ifd_loop=False):
    """`pages`: list of dicts of tag -> (type, values | bytes, [count override]) plus '_data'.

    Strip data is placed before each IFD; StripOffsets are filled in here.
    """
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    ifd_offsets = []
    next_pointer_positions = []
    for page in pages:
        data = page.get("_data", b"")
        data_offset = len(out)
        out += data
        if len(out) % 2:
            out += b"\x00"
        tags = {k: v for k, v in page.items() if not isinstance(k, str)}
        tags.setdefault(273, (LONG, [data_offset]))
        tags.setdefault(279, (LONG, [len(data)]))
        ifd_offset = len(out)
        ifd_offsets.append(ifd_offset)
        entries = sorted(tags.items())
        extra_at = ifd_offset + 2 + 12 * len(entries) + 4
        extra = bytearray()
        body = struct.pack("<H", len(entries))
        for tag, spec in entries:
            kind, values = spec[0], spec[1]
            if isinstance(values, (bytes, bytearray)):
                raw = bytes(values)
                count = len(raw)
            else:
                fmt = {SHORT: "<H", LONG: "<I", 1: "<B"}[kind]
                raw = b"".join(struct.pack(fmt, v) for v in values)
                count = len(values)
            if len(spec) > 2:
                count = spec[2]
            if len(raw) <= 4:
                body += struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\x00")
            else:
                body += struct.pack("<HHII", tag, kind, count, extra_at + len(extra))
                extra += raw
                if len(extra) % 2:
                    extra += b"\x00"
        next_pointer_positions.append(len(out) + len(body))
        out += body + b"\x00\x00\x00\x00" + extra
    struct.pack_into("<I", out, 4, ifd_offsets[0])
    for i, pos in enumerate(next_pointer_positions[:-1]):
        struct.pack_into("<I", out, pos, ifd_offsets[i + 1])
    if ifd_loop:
        struct.pack_into("<I", out, next_pointer_positions[-1], ifd_offsets[0])
    return bytes(out)


def tiff_page(width, height, spp=3, bps=8, sample_format=1, photometric=2, data=None, compress=True,
              extra=None, dims=None):
    if data is None:
        data = bytes((i * 13) & 0xFF for i in range(width * height * spp * bps // 8))
    page = {
        256: (LONG, [(dims or (width, height))[0]]),
        257: (LONG, [(dims or (width, height))[1]]),
        258: (SHORT, [bps] * spp),
        259: (SHORT, [8 if compress else 1]),
        262: (SHORT, [photometric]),
        277: (SHORT, [spp]),
        278: (LONG, [(dims or (width, height))[1]]),
        284: (SHORT, [1]),
        339: (SHORT, [sample_format] * spp),
        "_data": zlib.compress(data, 9) if compress else data,
    }
    page.update(extra or {})
    return page


# ---------------------------------------------------------------- JPEG

def jpeg_segments(data):
    """(marker, start, length-including-marker) for each segment up to and including SOS."""
    pos, out = 2, []
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            break
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        out.append((marker, pos, length + 2))
        if marker == 0xDA:
            break
        pos += length + 2
    return out


def jpeg_with_sof(data, height=None, width=None, precision=None, marker=None):
    b = bytearray(data)
    for m, start, _ in jpeg_segments(data):
        if m in (0xC0, 0xC1, 0xC2):
            if marker is not None:
                b[start + 1] = marker
            if precision is not None:
                b[start + 4] = precision
            if height is not None:
                struct.pack_into(">H", b, start + 5, height)
            if width is not None:
                struct.pack_into(">H", b, start + 7, width)
    return bytes(b)


def jpeg_insert(data, segments):
    return data[:2] + b"".join(segments) + data[2:]


def app(n, payload):
    return bytes([0xFF, 0xE0 + n]) + struct.pack(">H", len(payload) + 2) + payload


def exif_tiff(entries, count_override=None, next_ifd=0, ifd_at=8):
    body = bytearray(b"II*\x00" + struct.pack("<I", ifd_at))
    body += b"\x00" * (ifd_at - 8)
    body += struct.pack("<H", count_override if count_override is not None else len(entries))
    for tag, kind, count, value in entries:
        body += struct.pack("<HHII", tag, kind, count, value)
    body += struct.pack("<I", next_ifd)
    return bytes(body)


# ---------------------------------------------------------------- WebP

def riff(chunks, size_override=None):
    body = b"WEBP" + b"".join(chunks)
    size = size_override if size_override is not None else len(body)
    return b"RIFF" + struct.pack("<I", size & 0xFFFFFFFF) + body


def webp_chunk(kind, data, size_override=None):
    size = size_override if size_override is not None else len(data)
    return kind + struct.pack("<I", size & 0xFFFFFFFF) + data + (b"\x00" if len(data) % 2 else b"")


def vp8x(flags, width, height):
    return webp_chunk(b"VP8X", struct.pack("<B3x", flags) + struct.pack("<I", width - 1)[:3] + struct.pack("<I", height - 1)[:3])


def webp_vp8_chunk(data):
    pos = 12
    while pos + 8 <= len(data):
        kind, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if kind == b"VP8 ":
            return data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)
    raise SystemExit("make-hostile-corpus: no VP8 chunk in the WebP seed")


# ---------------------------------------------------------------- cases

def truncations(c, name, data, ext):
    n = len(data)
    offsets = {1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 26, 30, 33, 40, 54, 64, 100, 128, 200, 300, 512, 1024,
               n // 8, n // 4, n // 2, 3 * n // 4, n - 64, n - 8, n - 2, n - 1}
    for off in sorted(o for o in offsets if 0 < o < n):
        c.write(f"trunc-{name}-{off:07d}.{ext}", data[:off])


def bit_flips(c, name, data, ext, header_end, count=10, fix=None):
    limit = max(8, min(header_end, len(data)))
    for i in range(count):
        b = bytearray(data)
        for _ in range(1 + i % 3):
            pos = RNG.randrange(limit)
            b[pos] ^= 1 << RNG.randrange(8)
        out = bytes(b)
        if fix:
            out = fix(out)
        c.write(f"flip-{name}-{i:02d}.{ext}", out)


def seeds_cases(c):
    jpg, png_seed, webp = seed("good-first.jpg"), seed("accepted.png"), seed("accepted.webp")
    tif, gif_seed, bmp_seed = seed("accepted.tif"), seed("accepted.gif"), seed("accepted.bmp")
    cmyk = seed("cmyk-no-profile.jpg")
    sos_end = max(s + l for m, s, l in jpeg_segments(jpg))
    for name, data, ext, head in [("jpeg", jpg, "jpg", sos_end), ("png", png_seed, "png", 64),
                                  ("webp", webp, "webp", 64), ("tiff", tif, "tif", len(tif)),
                                  ("gif", gif_seed, "gif", 800), ("bmp", bmp_seed, "bmp", 54),
                                  ("cmyk", cmyk, "jpg", 64)]:
        truncations(c, name, data, ext)
        bit_flips(c, name, data, ext, head)
    bit_flips(c, "png-crcok", png_seed, "png", 33, count=12, fix=fix_png_crcs)
    # The TIFF's IFD sits at its end: flip bits there too.
    ifd = struct.unpack("<I", tif[4:8])[0]
    b = bytearray(tif)
    for i in range(8):
        v = bytearray(b)
        pos = ifd + RNG.randrange(max(1, len(tif) - ifd))
        v[pos] ^= 1 << RNG.randrange(8)
        c.write(f"flip-tiff-ifd-{i:02d}.tif", bytes(v))
    for ext in ["jpg", "png", "webp", "bmp", "tif", "gif", "bin"]:
        c.write(f"empty.{ext}", b"")
    c.write("random-4k.jpg", bytes(RNG.randrange(256) for _ in range(4096)))
    c.write("only-soi-eoi.jpg", b"\xff\xd8\xff\xd9")
    c.write("only-magic.png", b"\x89PNG\r\n\x1a\n")
    c.write("only-magic.gif", b"GIF89a")
    c.write("only-magic.webp", b"RIFF\x00\x00\x00\x00WEBP")
    c.write("only-magic.tif", b"II*\x00")
    c.write("only-magic.bmp", b"BM" + b"\x00" * 12 + struct.pack("<I", 40))
    c.write("png-named.jpg", png_seed)
    c.write("jpeg-named.gif", jpg)


def huge_dimension_cases(c):
    tiny = zlib.compress(b"\x00" * 64)
    for w, h in [(0x7FFFFFFF, 0x7FFFFFFF), (100000, 100000), (20001, 20000), (20000, 20000), (1, 0x7FFFFFFF),
                 (0, 0), (10_000_000, 1), (0xFFFFFFFF, 1)]:
        c.write(f"huge-png-{w}x{h}.png", png(1, 1, idat=tiny, ihdr_dims=(w, h)))
    # Real decompression bombs: every row present, all zero (PNG fix decodes them in full).
    zero_rgb = lambda w: (lambda y: b"\x00" * (w * 3))
    c.write("bomb-png-8000x8000-zero.png", png(8000, 8000, rows=zero_rgb(8000)))
    c.write("bomb-png-5999x5999-zero.png", png(5999, 5999, rows=zero_rgb(5999)))
    c.write("bomb-png-100000x1.png", png(100000, 1, rows=zero_rgb(100000)))
    c.write("bomb-png-1x100000.png", png(1, 100000, rows=zero_rgb(1)))
    jpg = seed("good-first.jpg")
    for w, h in [(65535, 65535), (65535, 6000), (20000, 20000), (0, 0), (1, 65535), (30000, 30000)]:
        c.write(f"huge-jpeg-sof-{w}x{h}.jpg", jpeg_with_sof(jpg, height=h, width=w))
    c.write("jpeg-sof-precision-12.jpg", jpeg_with_sof(jpg, precision=12))
    c.write("jpeg-sof-precision-0.jpg", jpeg_with_sof(jpg, precision=0))
    c.write("jpeg-sof0-as-progressive.jpg", jpeg_with_sof(jpg, marker=0xC2))
    c.write("jpeg-sof0-as-lossless.jpg", jpeg_with_sof(jpg, marker=0xC3))
    one = [(0, 0, 1, 1, [3])]
    for w, h in [(65535, 65535), (20000, 20000), (30000, 13000), (0, 0)]:
        c.write(f"huge-gif-screen-{w}x{h}.gif", gif((w, h), one))
    c.write("huge-gif-frame-65535x65535.gif", gif((400, 300), [(0, 0, 65535, 65535, [1] * 64)]))
    c.write("gif-frame-outside-screen.gif", gif((400, 300), [(65000, 65000, 400, 300, [1] * 100)]))
    webp = seed("accepted.webp")
    vp8 = webp_vp8_chunk(webp)
    for w, h in [(16777216, 16777216), (20000, 20000), (16384, 1)]:
        c.write(f"huge-webp-vp8x-{w}x{h}.webp", riff([vp8x(0, w, h), webp_chunk(b"VP8 ", vp8)]))
    for w, h in [(16383, 16383), (16383, 1), (1, 1)]:
        v = bytearray(vp8)
        struct.pack_into("<HH", v, 6, w, h)
        c.write(f"huge-webp-vp8-{w}x{h}.webp", riff([webp_chunk(b"VP8 ", bytes(v))]))
    c.write("webp-riff-size-lies.webp", riff([webp_chunk(b"VP8 ", vp8)], size_override=0xFFFFFFF0))
    c.write("webp-chunk-size-lies.webp", riff([webp_chunk(b"VP8 ", vp8, size_override=0x7FFFFFF0)]))
    small = zlib.compress(b"\x00" * 128)
    for w, h in [(1_000_000, 1_000_000), (20000, 20000), (0xFFFFFFFF, 0xFFFFFFFF), (0, 0), (10_000_000, 1)]:
        page = tiff_page(4, 4, data=b"\x00" * 48, dims=(w, h))
        page["_data"] = small
        c.write(f"huge-tiff-{w}x{h}.tif", tiff([page]))
    c.write("tiff-rowsperstrip-0.tif", tiff([tiff_page(400, 300, extra={278: (LONG, [0])})]))
    c.write("tiff-bps-0.tif", tiff([tiff_page(400, 300, extra={258: (SHORT, [0, 0, 0])})]))
    c.write("tiff-spp-200.tif", tiff([tiff_page(400, 300, extra={277: (SHORT, [200])})]))
    c.write("tiff-strip-offset-beyond.tif", tiff([tiff_page(400, 300, extra={273: (LONG, [0x7FFFFFF0])})]))
    c.write("tiff-ifd-loop.tif", tiff([tiff_page(400, 300), tiff_page(400, 300)], ifd_loop=True))
    c.write("tiff-first-ifd-beyond.tif", b"II*\x00" + struct.pack("<I", 0xFFFFFF00) + b"\x00" * 64)
    rows = bmp_rows(4, 4)
    for w, h in [(0x7FFFFFFF, 0x7FFFFFFF), (40000, 40000), (20000, 20000), (11000, 11000), (16000, 16000),
                 (1, -0x80000000), (-400, 300), (0, 300)]:
        c.write(f"huge-bmp-{w}x{h}.bmp", bmp(w, h, pixels=rows))
    palette = b"".join(bytes([i, i, i, 0]) for i in range(256))
    rle_end = b"\x00\x01"
    for w, h in [(11000, 11000), (5999, 5999), (20000, 20000)]:
        c.write(f"huge-bmp-rle8-{w}x{h}.bmp", bmp(w, h, bpp=8, compression=1, pixels=rle_end, palette=palette, colours_used=256))
    c.write("huge-bmp-core-65535x65535.bmp", bmp(65535, 65535, info_size=12, pixels=rows))
    c.write("bmp-colours-used-huge.bmp", bmp(400, 300, bpp=8, pixels=bmp_rows(400, 300, 8), colours_used=0xFFFFFFFF))
    c.write("bmp-offset-beyond.bmp", bmp(400, 300, pixels=bmp_rows(400, 300), offset=0x7FFFFFF0))
    c.write("bmp-bitfields-zero-masks.bmp", bmp(400, 300, bpp=32, compression=3, info_size=56, pixels=bmp_rows(400, 300, 32)))
    c.write("bmp-valid-400x300.bmp", bmp(400, 300, pixels=bmp_rows(400, 300)))
    c.write("bmp-valid-topdown-400x300.bmp", bmp(400, -300, pixels=bmp_rows(400, 300)))


def metadata_cases(c):
    jpg = seed("good-first.jpg")
    make = (0x010F, 2, 0x7FFFFFFF, 0xFFFFFFF0)
    orientation_huge = (0x0112, 3, 0xFFFFFFFF, 6)
    c.write("exif-entry-count-65535.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([make], count_override=65535))]))
    c.write("exif-tag-count-huge.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([make, orientation_huge]))]))
    c.write("exif-ifd-loop.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([(0x0112, 3, 1, 6)], next_ifd=8))]))
    c.write("exif-ifd-offset-huge.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([], ifd_at=8)[:4] + struct.pack("<I", 0xFFFFFFF0))]))
    c.write("exif-subifd-loop.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([(0x8769, 4, 1, 8), (0x0112, 3, 1, 8)]))]))
    many = [(0x010E + (i % 200), 2, 0xFFFF, 8) for i in range(5400)]
    c.write("exif-65k-entries.jpg", jpeg_insert(jpg, [app(1, (b"Exif\x00\x00" + exif_tiff(many))[:65533])]))
    filler = bytes(RNG.randrange(256) for _ in range(65000))
    c.write("exif-40-app1-segments.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([]) + filler[:60000])] * 40))
    c.write("exif-orientation-9.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([(0x0112, 3, 1, 9)]))]))
    c.write("exif-orientation-65535.jpg", jpeg_insert(jpg, [app(1, b"Exif\x00\x00" + exif_tiff([(0x0112, 3, 1, 65535)]))]))
    c.write("app1-length-lies.jpg", jpg[:2] + b"\xff\xe1\xff\xff" + b"Exif\x00\x00" + jpg[2:200])
    icc_header = struct.pack(">I", 0xFFFFFFFF) + b"lcms" + b"\x04\x30\x00\x00mntrRGB XYZ " + b"\x00" * 100
    c.write("icc-size-4gb.jpg", jpeg_insert(jpg, [app(2, b"ICC_PROFILE\x00\x01\x01" + icc_header)]))
    c.write("icc-chunk-1-of-255.jpg", jpeg_insert(jpg, [app(2, b"ICC_PROFILE\x00\x01\xff" + icc_header)]))
    c.write("icc-chunk-0-of-0.jpg", jpeg_insert(jpg, [app(2, b"ICC_PROFILE\x00\x00\x00" + icc_header)]))
    chunks = [app(2, b"ICC_PROFILE\x00" + bytes([i + 1, 48]) + filler[:65000]) for i in range(48)]
    c.write("icc-48-chunks-garbage-3mb.jpg", jpeg_insert(jpg, chunks))
    c.write("icc-duplicate-chunks.jpg", jpeg_insert(jpg, [app(2, b"ICC_PROFILE\x00\x01\x02" + icc_header)] * 3))
    # PNG iCCP and eXIf: a zlib bomb in the profile, a size field that lies, absurd eXIf.
    rows = lambda y: gradient_row(400, 3, 8, y)
    comp = zlib.compressobj(9)
    bomb = comp.compress(b"\x00" * (64 << 20)) + comp.flush()
    c.write("png-iccp-zlib-bomb-64mb.png", png(400, 300, rows=rows, extra=[png_chunk(b"iCCP", b"p\x00\x00" + bomb)]))
    c.write("png-iccp-garbage.png", png(400, 300, rows=rows, extra=[png_chunk(b"iCCP", b"p\x00\x00" + zlib.compress(icc_header))]))
    c.write("png-iccp-not-zlib.png", png(400, 300, rows=rows, extra=[png_chunk(b"iCCP", b"p\x00\x00" + filler[:1000])]))
    c.write("png-exif-garbage.png", png(400, 300, rows=rows, extra=[png_chunk(b"eXIf", b"II*\x00" + filler[:5000])]))
    c.write("png-exif-loop.png", png(400, 300, rows=rows, extra=[png_chunk(b"eXIf", exif_tiff([(0x0112, 3, 1, 6)], next_ifd=8))]))
    c.write("png-chunk-length-2gb.png", png(400, 300, rows=rows)[:33] + struct.pack(">I", 0x7FFFFFFF) + b"tEXt" + b"a" * 100)
    c.write("png-ztxt-bomb.png", png(400, 300, rows=rows, extra=[png_chunk(b"zTXt", b"k\x00\x00" + bomb)]))
    c.write("png-10000-text-chunks.png", png(400, 300, rows=rows, extra=[png_chunk(b"tEXt", b"k\x00v")] * 10000))
    webp = seed("accepted.webp")
    vp8 = webp_vp8_chunk(webp)
    c.write("webp-iccp-size-lies.webp", riff([vp8x(0x20, 400, 320), webp_chunk(b"ICCP", icc_header, size_override=0x7FFFFFF0), webp_chunk(b"VP8 ", vp8)]))
    c.write("webp-iccp-garbage.webp", riff([vp8x(0x20, 400, 320), webp_chunk(b"ICCP", filler[:3000]), webp_chunk(b"VP8 ", vp8)]))
    c.write("webp-exif-loop.webp", riff([vp8x(0x08, 400, 320), webp_chunk(b"VP8 ", vp8), webp_chunk(b"EXIF", exif_tiff([(0x0112, 3, 1, 6)], next_ifd=8))]))
    c.write("webp-exif-size-lies.webp", riff([vp8x(0x08, 400, 320), webp_chunk(b"VP8 ", vp8), webp_chunk(b"EXIF", b"II*\x00", size_override=0x7FFFFFF0)]))
    c.write("tiff-icc-count-4g.tif", tiff([tiff_page(400, 300, extra={34675: (UNDEFINED, icc_header, 0xFFFFFFFF)})]))
    c.write("tiff-icc-garbage.tif", tiff([tiff_page(400, 300, extra={34675: (UNDEFINED, filler[:4000])})]))
    c.write("tiff-exif-ifd-loop.tif", tiff([tiff_page(400, 300, extra={34665: (LONG, [8])})]))


def many_page_cases(c):
    first = (0, 0, 400, 300, [(x // 10) & 0xFF for x in range(400 * 300)])
    dot = (0, 0, 1, 1, [7])
    c.write("gif-500-pages.gif", gif((400, 300), [first] + [dot] * 499))
    c.write("gif-3000-pages.gif", gif((400, 300), [first] + [dot] * 2999))
    c.write("gif-500-pages-1x1.gif", gif((1, 1), [dot] * 500))
    pages = [tiff_page(400, 300)] + [tiff_page(1, 1, data=b"\x00\x00\x00", compress=False) for _ in range(499)]
    c.write("tiff-500-pages.tif", tiff(pages))
    webp = seed("accepted.webp")
    vp8 = webp_vp8_chunk(webp)
    frame = webp_chunk(b"ANMF", struct.pack("<I", 0)[:3] * 2 + struct.pack("<I", 400 - 1)[:3] + struct.pack("<I", 320 - 1)[:3]
                       + struct.pack("<I", 10)[:3] + b"\x00" + webp_chunk(b"VP8 ", vp8))
    c.write("webp-300-frames.webp", riff([vp8x(0x02, 400, 320), webp_chunk(b"ANIM", b"\x00\x00\x00\x00\x00\x00")] + [frame] * 300))


def tiff_depth_cases(c):
    w, h = 400, 300
    g16 = b"".join(struct.pack("<H", (i * 97) & 0xFFFF) for i in range(w * h * 3))
    c.write("tiff-rgb16.tif", tiff([tiff_page(w, h, bps=16, data=g16)]))
    c.write("tiff-grey16.tif", tiff([tiff_page(w, h, spp=1, bps=16, photometric=1, data=g16[:w * h * 2])]))
    c.write("tiff-rgba16.tif", tiff([tiff_page(w, h, spp=4, bps=16, data=g16 + g16[:w * h * 2], extra={338: (SHORT, [2])})]))
    f32 = b"".join(struct.pack("<f", (i % 1000) / 1000.0) for i in range(w * h * 3))
    c.write("tiff-float-rgb.tif", tiff([tiff_page(w, h, bps=32, sample_format=3, data=f32)]))
    c.write("tiff-float-grey.tif", tiff([tiff_page(w, h, spp=1, bps=32, sample_format=3, photometric=1, data=f32[:w * h * 4])]))
    specials = [float("nan"), float("inf"), float("-inf"), 1e38, -1e38, 0.5]
    fs = b"".join(struct.pack("<f", specials[i % len(specials)]) for i in range(w * h * 3))
    c.write("tiff-float-nan-inf.tif", tiff([tiff_page(w, h, bps=32, sample_format=3, data=fs)]))
    f64 = b"".join(struct.pack("<d", (i % 1000) / 1000.0) for i in range(w * h * 3))
    c.write("tiff-double-rgb.tif", tiff([tiff_page(w, h, bps=64, sample_format=3, data=f64)]))
    c.write("tiff-uint32-rgb.tif", tiff([tiff_page(w, h, bps=32, data=f32)]))
    c.write("tiff-int16-signed.tif", tiff([tiff_page(w, h, bps=16, sample_format=2, data=g16)]))
    c.write("tiff-1bit.tif", tiff([tiff_page(w, h, spp=1, bps=1, photometric=0, data=bytes(range(256)) * (w * h // 8 // 256 + 1))]))
    cmyk8 = bytes((i * 31) & 0xFF for i in range(w * h * 4))
    c.write("tiff-cmyk-no-profile.tif", tiff([tiff_page(w, h, spp=4, photometric=5, data=cmyk8)]))
    c.write("tiff-cmyk16-no-profile.tif", tiff([tiff_page(w, h, spp=4, bps=16, photometric=5, data=g16 + g16[:w * h * 2])]))
    c.write("tiff-cmyk-5-samples.tif", tiff([tiff_page(w, h, spp=5, photometric=5, data=cmyk8 + cmyk8[:w * h], extra={338: (SHORT, [0])})]))
    c.write("tiff-lab.tif", tiff([tiff_page(w, h, photometric=8, data=cmyk8[:w * h * 3])]))
    c.write("tiff-float-huge-claims-tiny-data.tif", tiff([dict(tiff_page(4, 4, bps=32, sample_format=3, data=f32[:192], dims=(19000, 19000)))]))
    c.write("cmyk-no-profile-copy.jpg", seed("cmyk-no-profile.jpg"))
    rows16 = lambda y: gradient_row(400, 4, 16, y)
    c.write("png-rgba16.png", png(400, 300, color_type=6, depth=16, rows=rows16))
    c.write("png-grey16.png", png(400, 300, color_type=0, depth=16, rows=lambda y: gradient_row(400, 1, 16, y)))


def svg_cases(c):
    c.write("svg-external-image.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="600">'
            '<image xlink:href="http://169.254.169.254/latest/meta-data/" width="800" height="600"/>'
            '<image href="file:///etc/passwd" width="10" height="10"/></svg>')
    c.write("svg-xxe.svg", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><text>&xxe;</text></svg>')
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    c.write("svg-billion-laughs.svg", f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol0 "lol">{lol}]>'
            '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><text>&lol9;</text></svg>')
    c.write("svg-huge-canvas.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="1000000" height="1000000"><rect width="1" height="1"/></svg>')
    c.write("svg-named.png", '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="red"/></svg>')
    c.write("svg-with-bom-and-space.svg", "\ufeff   \n<svg xmlns='http://www.w3.org/2000/svg' width='800' height='600'/>")


def data_uri_cases(c):
    jpg, webp = seed("good-first.jpg"), seed("accepted.webp")
    b64 = lambda d: base64.b64encode(d).decode("ascii")
    cases = {
        "lying-type-png-holds-jpeg": "data:image/png;base64," + b64(jpg),
        "lying-type-gif-holds-webp": "data:image/gif;base64," + b64(webp),
        "lying-type-text-html": "data:text/html;base64," + b64(webp),
        "good-jpeg": "data:image/jpeg;base64," + b64(jpg),
        "bad-base64-chars": "data:image/jpeg;base64," + b64(jpg)[:4000] + "!!!*" + b64(jpg)[4000:8000],
        "bad-base64-length": "data:image/jpeg;base64," + b64(jpg)[:-1],
        "bad-base64-urlsafe": "data:image/webp;base64," + base64.urlsafe_b64encode(webp).decode().replace("=", ""),
        "base64-with-newlines": "data:image/webp;base64," + "\n".join(b64(webp)[i:i + 76] for i in range(0, len(b64(webp)), 76)),
        "not-base64-at-all": "data:image/png," + "%89PNG%0D%0A",
        "no-comma": "data:image/png;base64",
        "empty-payload": "data:image/png;base64,",
        "only-scheme": "data:",
        "bare-comma": "data:,",
        "no-type": "data:;base64," + b64(webp),
        "random-bytes": "data:image/jpeg;base64," + b64(bytes(RNG.randrange(256) for _ in range(3000))),
        "truncated-jpeg": "data:image/jpeg;base64," + b64(jpg[:2000]),
        "svg-payload": "data:image/svg+xml;base64," + b64(b'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><image href="http://127.0.0.1/"/></svg>'),
        "huge-png-payload": "data:image/png;base64," + b64(png(1, 1, idat=zlib.compress(b"\x00" * 8), ihdr_dims=(100000, 100000))),
        "params-galore": "data:image/webp;charset=utf-8;name=x;;;base64;base64," + b64(webp),
        "uppercase-scheme": "DATA:image/webp;base64," + b64(webp),
        "base64-padding-only": "data:image/png;base64,====",
        "non-ascii": "data:image/png;base64,\u00e9\u00e9\u00e9\u00e9",
    }
    for name, text in cases.items():
        c.write(f"datauri-{name}.uri.txt", text)


def misc_cases(c):
    rows = lambda y: gradient_row(400, 3, 8, y)
    c.write("png-valid-400x300.png", png(400, 300, rows=rows))
    c.write("png-palette-no-plte.png", png(400, 300, color_type=3, rows=lambda y: b"\x01" * 400))
    c.write("png-bad-color-type-7.png", png(400, 300, color_type=7, rows=rows))
    c.write("png-bad-depth-3.png", png(400, 300, depth=3, rows=rows))
    c.write("png-idat-garbage.png", png(400, 300, idat=bytes(RNG.randrange(256) for _ in range(5000))))
    c.write("png-extra-after-iend.png", png(400, 300, rows=rows) + bytes(100000))
    c.write("gif-no-frames.gif", gif((400, 300), []))
    c.write("gif-lzw-garbage.gif", gif((400, 300), [])[:-1] + b"\x2c" + struct.pack("<HHHHB", 0, 0, 400, 300, 0) + b"\x08\xff" + bytes(RNG.randrange(256) for _ in range(255)) + b"\x00\x3b")
    c.write("gif-valid-400x300.gif", gif((400, 300), [(0, 0, 400, 300, [(x * 3) & 0xFF for x in range(400 * 300)])]))
    c.write("polyglot-gif-then-jpeg.gif", b"GIF89a" + seed("good-first.jpg"))
    c.write("riff-not-webp.webp", b"RIFF" + struct.pack("<I", 100) + b"WAVEfmt " + bytes(100))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-hostile-corpus.py OUTPUT_DIR")
    c = Corpus(sys.argv[1])
    for build in (seeds_cases, huge_dimension_cases, metadata_cases, many_page_cases, tiff_depth_cases,
                  svg_cases, data_uri_cases, misc_cases):
        build(c)
    print(f"make-hostile-corpus: {c.count} files, {c.bytes} bytes in {c.out}")


if __name__ == "__main__":
    main()
