"""Burning boxes into decoded pixels, and masking the same values in text.

The fill is opaque black written into the pixel array (not an overlay, not a
PDF annotation), and the result is encoded as a *new* PNG from those pixels
alone: no EXIF, no thumbnail, no trailing bytes of the original can survive
(the "aCropalypse" and EXIF-thumbnail leaks in CHANNELS.md §5). Blur and
pixelation are never used: they can be reversed.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from casefile.redactions import RedactionBox
from export.redaction.finding import Sensitive, pattern_for

FILL = (0, 0, 0)
MASK_CHAR = "*"


@dataclass(frozen=True, slots=True)
class DerivedImage:
    """A redacted copy: where it is, what it came from, how many areas were masked."""

    path: Path
    original_sha256: str
    sha256: str
    areas: int


def burn(original: bytes, boxes: Sequence[RedactionBox]) -> bytes:
    """PNG bytes of the original's pixels with every box filled opaque; nothing else carried over."""
    with Image.open(io.BytesIO(original)) as raw:
        im = ImageOps.exif_transpose(raw)
        im.load()
    rgb = im.convert("RGB")
    clean = Image.new("RGB", rgb.size)  # a fresh image: pixels only, no info/exif/icc copied
    clean.paste(rgb)
    for b in boxes:
        clean.paste(FILL, (b.x, b.y, b.x + b.w, b.y + b.h))
    buf = io.BytesIO()
    clean.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def write_derived(
    original: bytes, original_sha256: str, boxes: Sequence[RedactionBox], folder: Path
) -> DerivedImage:
    """Burn and write ``<original sha>-redacted.png`` in ``folder`` (never beside the originals)."""
    data = burn(original, boxes)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{original_sha256[:16]}-redacted.png"
    path.write_bytes(data)
    return DerivedImage(path, original_sha256, hashlib.sha256(data).hexdigest(), len(boxes))


def mask_value(value: str) -> str:
    """The one mask pattern used in every copy: ``4403**********1234``, ``138****8000``.

    The same pattern everywhere, so partial masks on different pages cannot be
    combined into the whole number. Short values (an address) are fully masked.
    """
    digits_like = sum(c.isdigit() for c in value) >= len(value) - 1
    if not digits_like or len(value) < 11:
        return MASK_CHAR * max(3, min(len(value), 12))
    keep_head = 4 if len(value) >= 15 else 3
    return value[:keep_head] + MASK_CHAR * (len(value) - keep_head - 4) + value[-4:]


def mask_text(text: str, values: Sequence[Sensitive]) -> str:
    """``text`` with every value (separators inside it allowed) replaced by its mask."""
    for v in sorted(values, key=lambda s: -len(s.value)):  # longest first: a phone inside a card stays masked
        text = pattern_for(v).sub(mask_value(v.value), text)
    return text


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)
