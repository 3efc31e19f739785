"""The faster page-analysis steps give what the plain computations give (issue 11's speed target).

Each fast path is compared with the straightforward computation it replaced,
on random arrays drawn here (seeded, so a failure replays).
"""

from __future__ import annotations

import cv2
import numpy as np

from ocr.preprocess import dominant_color
from ocr.shapes import component_runs


def _plain_mode(img: np.ndarray, mask: np.ndarray | None = None) -> tuple[int, int, int]:
    """The mode of the colours quantised to 8 levels, averaged, with numpy: the definition."""
    px = img.reshape(-1, 3) if mask is None else img[mask > 0]
    if len(px) == 0:
        return (0, 0, 0)
    if len(px) > 200_000:
        px = px[:: len(px) // 200_000 + 1]
    q = (px // 8).astype(np.int64)
    keys = q[:, 0] * 1024 + q[:, 1] * 32 + q[:, 2]
    top = int(np.argmax(np.bincount(keys, minlength=32 * 1024)))
    m = px[keys == top].mean(axis=0)
    return (int(m[0]), int(m[1]), int(m[2]))


def test_dominant_color_is_the_plain_mode_on_views_masks_and_flat_fills() -> None:
    rng = np.random.default_rng(11)
    for _ in range(300):
        h, w = (int(v) for v in rng.integers(1, 200, 2))
        page = rng.integers(0, 256, (h + 10, w + 10, 3), dtype=np.uint8)
        img = page[4 : 4 + h, 3 : 3 + w]  # a view into a larger page, as blocks are
        if rng.random() < 0.3:
            img[:] = img[0, 0]  # one flat colour: the mean is an exact integer
        elif rng.random() < 0.5:
            img[:] = (img // 64) * 64 + rng.integers(0, 9, img.shape).astype(np.uint8)  # a few crowded bins
        mask = (rng.random((h, w)) < rng.random()).astype(np.uint8)
        assert dominant_color(img, mask) == _plain_mode(img, mask)
        assert dominant_color(img) == _plain_mode(img)
    big = rng.integers(0, 256, (600, 500, 3), dtype=np.uint8)  # over 200,000 pixels: sampled
    big[::3] = (250, 250, 250)
    assert dominant_color(big) == _plain_mode(big)


def test_component_runs_give_the_whole_masks_components_in_its_order() -> None:
    rng = np.random.default_rng(12)
    for _ in range(100):
        h, w = (int(v) for v in rng.integers(1, 200, 2))
        mask = (rng.random((h, w)) < rng.random() * 0.2).astype(np.uint8) * 255
        mask[rng.random(h) < 0.5] = 0  # empty rows between runs, at odd and even rows
        for connectivity in (4, 8):
            _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=connectivity)
            runs = [
                (x, top + y, bw, bh, area)
                for top, _, run_stats in component_runs(mask, connectivity)
                for x, y, bw, bh, area in run_stats[1:].tolist()
            ]
            assert runs == [tuple(r) for r in stats[1:].tolist()]


def test_component_runs_labels_mark_each_components_pixels() -> None:
    mask = np.zeros((40, 30), np.uint8)
    mask[3:9, 2:10] = 255
    mask[5:7, 20:28] = 255
    mask[21:30, 4:6] = 255
    found = []
    for top, labels, stats in component_runs(mask, 4):
        for i in range(1, len(stats)):
            x, y, bw, bh = (int(v) for v in stats[i, :4])
            assert (labels[y : y + bh, x : x + bw] == i).all()  # rectangles: every pixel of the box
            found.append((x, top + y, bw, bh))
    assert found == [(2, 3, 8, 6), (20, 5, 8, 2), (4, 21, 2, 9)]
