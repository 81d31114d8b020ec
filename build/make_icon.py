"""Draw the program's icon (resources/icons/luoshi.png and luoshi.ico): 落 in white on a 公文 red square.

Run once by hand when the icon changes (`.venv/bin/python build/make_icon.py`); the pictures are committed.
Needs a CJK font: the Noto Serif CJK of fonts-noto-cjk.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SIZE = 256


def draw() -> Image.Image:
    """Return the icon at SIZE × SIZE."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=40, fill=(200, 16, 22))  # 公文 red
    pen.line((40, SIZE - 52, SIZE - 40, SIZE - 52), fill=(255, 255, 255), width=6)  # the 版头's rule
    font = ImageFont.truetype(FONT, 168, index=2)  # the SC face of the collection
    pen.text((SIZE / 2, SIZE / 2 - 18), "落", font=font, fill=(255, 255, 255), anchor="mm")
    return image


if __name__ == "__main__":
    icon = draw()
    folder = ROOT / "resources" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    icon.save(folder / "luoshi.png")
    icon.save(folder / "luoshi.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
