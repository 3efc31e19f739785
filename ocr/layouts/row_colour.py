"""Colour in a list row: missed calls and unread badges are told by hue, not by text."""

from __future__ import annotations

import cv2

from ocr.layouts.list_rows import INK_THRESHOLD, ListPage


def hue_share(page: ListPage, box: tuple[int, int, int, int]) -> dict[str, float]:
    """Shares of the ink in ``box`` that is saturated red, green, blue or orange.

    Call logs mark missed calls in red and often colour the direction arrow;
    OpenCV hue is 0..180, red wraps around 0.
    """
    x0, y0, x1, y1 = box
    x0, y0 = max(0, x0), max(0, y0)
    crop = page.image[y0:y1, x0:x1]
    ink = page.ink[y0:y1, x0:x1] > INK_THRESHOLD
    n = int(ink.sum())
    if n == 0:
        return {"red": 0.0, "green": 0.0, "blue": 0.0, "orange": 0.0}
    hsv = cv2.cvtColor(crop, cv2.COLOR_BGR2HSV)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    sat = ink & (s > 90) & (v > 90)
    red = sat & ((h <= 8) | (h >= 165))
    orange = sat & (h > 8) & (h <= 25)
    green = sat & (h >= 40) & (h <= 85)
    blue = sat & (h >= 95) & (h <= 130)
    return {k: float(m.sum()) / n for k, m in (("red", red), ("green", green), ("blue", blue), ("orange", orange))}
