"""Decoding a screenshot: EXIF orientation applied, an upright one read as it is (no copies needed)."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import ExifTags, Image

from ocr.extract import load_image


def _image() -> Image.Image:
    im = Image.new("RGB", (100, 40), (255, 255, 255))
    im.paste((200, 30, 10), (0, 0, 20, 40))  # a red band on the left
    return im


def test_an_exif_rotated_photo_is_turned_upright() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: display rotated 90° clockwise
    buf = io.BytesIO()
    _image().save(buf, format="JPEG", quality=95, exif=exif.tobytes())
    bgr, meta = load_image(buf.getvalue())
    assert meta is not None and bgr.shape[:2] == (100, 40)
    top, bottom = bgr[:10].reshape(-1, 3).mean(axis=0), bgr[-10:].reshape(-1, 3).mean(axis=0)
    assert top[2] > 150 and top[0] < 80  # the red band is on top now
    assert bottom.min() > 200


def test_an_upright_png_reads_as_opencv_reads_it() -> None:
    buf = io.BytesIO()
    _image().convert("P").save(buf, format="PNG")  # a palette PNG still comes back as BGR
    bgr, _ = load_image(buf.getvalue())
    ref = cv2.imdecode(np.frombuffer(buf.getvalue(), np.uint8), cv2.IMREAD_COLOR)
    assert ref is not None
    assert bgr.shape == ref.shape and np.array_equal(bgr, ref)
