"""Images made in the test, so the suite needs no files it cannot explain."""

from __future__ import annotations

import io
import random
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw


def phone_png(path: Path, text: str = "test", size: tuple[int, int] = (360, 780), seed: int = 0) -> Path:
    """A small screenshot-like PNG; ``seed`` makes distinct bytes."""
    im = Image.new("RGB", size, (245, 245, 245))
    d = ImageDraw.Draw(im)
    d.rectangle((20, 100, 300, 160), fill=(255, 255, 255))
    d.text((30, 120), f"{text} {seed}", fill=(0, 0, 0))
    d.point((seed % size[0], 5), fill=(seed % 255, 0, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, format="PNG")
    return path


def image_bytes(fmt: str, size: tuple[int, int] = (64, 128), **save: object) -> bytes:
    im = Image.new("RGB", size, (200, 30, 30))
    buf = io.BytesIO()
    im.save(buf, format=fmt, **save)
    return buf.getvalue()


def noise_png(path: Path, side: int = 700, seed: int = 0) -> Path:
    """An incompressible PNG (~1.4 MB at 700 px), slow enough to write that a kill lands mid-import."""
    rnd = random.Random(seed)
    im = Image.frombytes("RGB", (side, side), rnd.randbytes(side * side * 3))
    im.save(path, format="PNG", compress_level=1)
    return path


def read_bgr(path: Path) -> np.ndarray:
    """Load a test image as OpenCV does, failing loudly (cv2.imread returns None silently)."""
    image = cv2.imread(str(path))
    assert image is not None, f"cannot read test image {path}"
    return image
