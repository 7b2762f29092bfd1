"""The Pillow reference for `make bench`: what a Python pipeline does for `seedance fix`.

Open, apply EXIF orientation, bring both sides under LIMIT px (aspect kept), save JPEG Q90,
then base64 the output as a data URI would need. Usage: bench_pillow.py IN OUT [LIMIT]
"""
import base64
import sys

from PIL import Image, ImageOps

Image.MAX_IMAGE_PIXELS = 400_000_000


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 5999
    with Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode != "RGB":
            image = image.convert("RGB")
        image.thumbnail((limit, limit), Image.LANCZOS)
        image.save(target, "JPEG", quality=90)
    with open(target, "rb") as saved:
        encoded = base64.b64encode(saved.read())
    sys.stdout.write(f"{len(encoded)}\n")


if __name__ == "__main__":
    main()
