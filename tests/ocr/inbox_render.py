"""An SMS conversation list drawn here (PIL + the bundled Noto Sans SC).

Each row is an avatar circle, the other party (bold), the time at the right
end of that line and a grey snippet under it, with a divider between rows:
the common Android shape. Tests state the rows they need; ``row_box`` says
where a row was drawn, in image pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
W, H = 1080, 2400
TOP = 330  # under the status bar and the title
ROW_H = 210
TEXT_X = 200


@dataclass(frozen=True)
class ListRow:
    name: str
    time: str
    snippet: str


def render_sms_list(rows: list[ListRow], title: str = "信息") -> np.ndarray:
    """BGR pixels of a 1080×2400 message list."""
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype(str(FONTS / "NotoSansSC-Bold.ttf"), 50)
    body = ImageFont.truetype(str(FONTS / "NotoSansSC-Regular.ttf"), 42)
    small = ImageFont.truetype(str(FONTS / "NotoSansSC-Regular.ttf"), 38)
    d.text((40, 20), "12:08", font=small, fill=(0, 0, 0))
    d.text((40, 150), title, font=ImageFont.truetype(str(FONTS / "NotoSansSC-Bold.ttf"), 72), fill=(0, 0, 0))
    for i, row in enumerate(rows):
        y = TOP + i * ROW_H
        d.ellipse((40, y + 40, 160, y + 160), fill=(90 + 30 * i % 120, 140, 200))
        d.text((TEXT_X, y + 38), row.name, font=bold, fill=(20, 20, 20))
        tw = d.textlength(row.time, font=small)
        d.text((W - 40 - tw, y + 48), row.time, font=small, fill=(120, 120, 120))
        d.text((TEXT_X, y + 118), row.snippet, font=body, fill=(110, 110, 110))
        d.line((TEXT_X, y + ROW_H - 2, W, y + ROW_H - 2), fill=(230, 230, 230), width=2)
    return np.asarray(img)[:, :, ::-1].copy()


def row_box(index: int, count: int = 1) -> tuple[int, int, int, int]:
    """(x, y, w, h) around ``count`` rows from ``index``, as a user would draw it."""
    y = TOP + index * ROW_H + 10
    return (20, y, W - 40, count * ROW_H - 20)
