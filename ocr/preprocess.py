"""OpenCV steps between a screenshot and the OCR engine. Array in, array out.

Whole-page Tesseract loses coloured bubbles and most of a dark screen
(BASELINE.md); what works is finding the page's structure first — background,
status bar, header, filled blocks (bubbles, pills, avatars) and loose text
lines on the background — and reading each piece cleaned up on its own.

Every threshold here is relative: to the image width (phones draw in
density-independent units, so width is the natural ruler) or to colour
distances from the page's own background. No pixel constant of one phone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

from ocr.model import Box
from ocr.shapes import component_runs, open_filled, waists

# Distance (max over channels) beyond which a pixel is "not background".
# JPEG at quality 70 moves flat areas by a few levels; bubble fills differ by 15+.
BG_TOLERANCE = 12
# Filled shapes can be very close to the background (white bubbles on #f4f4f4);
# after a median blur and an opening, a small tolerance is still noise-free.
BLOCK_TOLERANCE = 6
# A black component at least this many pixels on its short side (crops are
# scaled so that body text is ~30 px tall) that fills this much of its box is
# an avatar or an icon, not a glyph (a Chinese character fills 30–55 %).
SLAB_MIN_SIDE = 20
SLAB_MIN_FILL = 0.7


@dataclass(frozen=True, slots=True)
class Block:
    """A filled region on the page (bubble, pill, avatar, input box).

    ``color`` is its dominant fill (BGR); ``fill`` the share of its bounding
    box that is not background (1.0 for a rectangle, ~0.79 for a circle).
    """

    box: Box
    color: tuple[int, int, int]
    fill: float


@dataclass(frozen=True, slots=True)
class TextBand:
    """A line of text drawn straight on the page background (no bubble)."""

    box: Box


def luminance(color: tuple[int, int, int] | np.ndarray) -> float:
    """Perceived brightness of a BGR colour, 0..255."""
    b, g, r = (float(c) for c in color[:3])
    return 0.299 * r + 0.587 * g + 0.114 * b


def saturation(color: tuple[int, int, int] | np.ndarray) -> float:
    """Chroma of a BGR colour, 0..255: green/blue bubbles are high, greys ~0."""
    c = [float(v) for v in color[:3]]
    return max(c) - min(c)


def dominant_color(img: np.ndarray, mask: np.ndarray | None = None) -> tuple[int, int, int]:
    """The most frequent colour (quantised to 8 levels per channel, then averaged).

    A mode rather than a mean: a bubble full of black text is still white.
    Up to ``_MODE_SAMPLE`` pixels are counted in OpenCV (a 32³ histogram, then
    the mean of the pixels in its top bin), with no copy of the pixels; a
    larger area is sampled, every n-th pixel, as it always was.
    """
    count = img.shape[0] * img.shape[1] if mask is None else cv2.countNonZero(mask)
    if count == 0:
        return (0, 0, 0)
    if count > _MODE_SAMPLE:
        return _sampled_mode(img, mask)
    hist = cv2.calcHist([img], [0, 1, 2], mask, [32, 32, 32], [0, 256, 0, 256, 0, 256])
    # Bins in the order of the key blue·1024 + green·32 + red; argmax ties go to the lowest key.
    top = int(np.argmax(hist))
    lo = ((top >> 10) * 8, ((top >> 5) & 31) * 8, (top & 31) * 8)
    hit = cv2.inRange(img, lo, (lo[0] + 7, lo[1] + 7, lo[2] + 7))
    if mask is not None:
        hit[mask == 0] = 0
    n = cv2.countNonZero(hit)
    # cv2.mean sums exactly (integers) and multiplies by 1/n: the sums are
    # recovered exactly (their error is far under 0.5) and divided as numpy's mean divides.
    means = cv2.mean(img, mask=hit)
    return (
        int(round(means[0] * n) / n),
        int(round(means[1] * n) / n),
        int(round(means[2] * n) / n),
    )


# Above this many pixels the mode is taken on a regular sample of them.
_MODE_SAMPLE = 200_000


def _sampled_mode(img: np.ndarray, mask: np.ndarray | None) -> tuple[int, int, int]:
    px = img.reshape(-1, 3) if mask is None else img[mask > 0]
    px = px[:: len(px) // _MODE_SAMPLE + 1]
    q = (px // 8).astype(np.int32)
    keys = q[:, 0] * 1024 + q[:, 1] * 32 + q[:, 2]
    # A histogram over the 32³ keys, not np.unique (a sort): the same mode,
    # ties to the lowest key as before, in a fraction of the time.
    top = int(np.argmax(np.bincount(keys, minlength=32 * 1024)))
    m = px[keys == top].mean(axis=0)
    return (int(m[0]), int(m[1]), int(m[2]))


def to_bgr(img: np.ndarray) -> np.ndarray:
    """Any uint8 grey/BGR/BGRA array → BGR (alpha composited onto white)."""
    if img.ndim == 2:
        return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    if img.shape[2] == 4:
        alpha = img[:, :, 3:4].astype(np.float32) / 255.0
        rgb = img[:, :, :3].astype(np.float32)
        return (rgb * alpha + 255.0 * (1 - alpha)).astype(np.uint8)
    return img


def page_background(img: np.ndarray) -> tuple[int, int, int]:
    """The chat/list background colour.

    Taken from thin strips along the left and right edges of the middle of the
    page: bubbles can cover most of the area (a thread of long messages), but
    apps leave a margin of background at both sides.
    """
    h, w = img.shape[:2]
    m = max(2, int(w * 0.02))
    rows = img[int(h * 0.15) : int(h * 0.85)]
    strips = np.concatenate([rows[:, :m].reshape(-1, 3), rows[:, w - m :].reshape(-1, 3)])
    return dominant_color(strips.reshape(-1, 1, 3))


def is_dark(img: np.ndarray) -> bool:
    """Dark mode: the page background is darker than mid-grey."""
    return luminance(page_background(img)) < 110


def invert(img: np.ndarray) -> np.ndarray:
    """Dark mode → light: Tesseract is trained on dark text on light paper."""
    return cv2.bitwise_not(img)


def colour_distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """Max-channel distance between two colours: the measure :func:`distance_from` takes per pixel."""
    return max(abs(int(x) - int(y)) for x, y in zip(a, b, strict=True))


def distance_from(img: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    """Per-pixel max-channel distance from a colour (uint8).

    OpenCV's saturating ``absdiff`` and ``max`` give the same values as numpy
    on int16 (a uint8 difference never saturates), 15× faster: numpy's
    reduction over the channel axis was a tenth of a page's extraction time.
    """
    scalar = (float(color[0]), float(color[1]), float(color[2]), 0.0)
    d = cv2.absdiff(img, scalar)  # type: ignore[call-overload]  # a Scalar; OpenCV's stubs list only arrays
    b, g, r = cv2.split(d)
    return cv2.max(cv2.max(b, g), r)


def background_distance(img: np.ndarray, bg: tuple[int, int, int]) -> np.ndarray:
    """Per-pixel distance from ``bg`` after a median blur (which tames JPEG noise): what masks threshold.

    ``ocr.page`` thresholds one region's distance at several tolerances
    (blocks, faint blocks, text lines); computing it once saves two blurs of
    the page.
    """
    return distance_from(cv2.medianBlur(img, 3), bg)


def above(distance: np.ndarray, tol: int) -> np.ndarray:
    """255 where ``distance`` (uint8) exceeds ``tol``, else 0 (a binary threshold, the same test)."""
    return cv2.threshold(distance, tol, 255, cv2.THRESH_BINARY)[1]


def foreground_mask(img: np.ndarray, bg: tuple[int, int, int], tol: int = BG_TOLERANCE) -> np.ndarray:
    """255 where a pixel is not background; a median blur first tames JPEG noise."""
    return above(background_distance(img, bg), tol)


def row_bands(mask: np.ndarray, min_gap: int = 1) -> list[tuple[int, int]]:
    """Runs of rows that contain foreground, as (start, end) half-open; gaps < min_gap merge."""
    rows = mask.max(axis=1) > 0
    bands: list[tuple[int, int]] = []
    y = 0
    n = len(rows)
    while y < n:
        if rows[y]:
            s = y
            while y < n and rows[y]:
                y += 1
            if bands and s - bands[-1][1] < min_gap:
                bands[-1] = (bands[-1][0], y)
            else:
                bands.append((s, y))
        else:
            y += 1
    return bands


def find_blocks(
    img: np.ndarray,
    bg: tuple[int, int, int],
    top: int,
    bottom: int,
    tol: int = BLOCK_TOLERANCE,
    *,
    fill: bool = True,
    distance: np.ndarray | None = None,
) -> list[Block]:
    """Filled regions (bubbles, pills, avatars) between ``top`` and ``bottom``.

    Foreground is opened with a kernel wider than any text stroke, so text on
    the background vanishes and only filled shapes survive; text *inside* a
    bubble is foreground too, so a bubble survives whole. What a shape's
    outline encloses is filled first (:func:`ocr.shapes.open_filled`), unless
    ``fill`` is off (a title bar, where bold digits would turn solid).
    ``distance`` is ``background_distance`` of those rows, when the caller has it.
    """
    w = img.shape[1]
    region = img[top:bottom]
    fg = above(background_distance(region, bg) if distance is None else distance, tol)
    k = max(5, int(w * 0.022)) | 1
    if fill:
        opened = open_filled(fg, k)
    else:
        opened = cv2.morphologyEx(fg, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    out: list[Block] = []
    for run_top, labels, stats in component_runs(opened, 4):
        for i in range(1, len(stats)):
            x, ry, bw, bh = (int(v) for v in stats[i, :4])
            if bw < w * 0.04 or bh < w * 0.035:
                continue
            y = run_top + ry
            whole = (labels[ry : ry + bh, x : x + bw] == i).astype(np.uint8)
            cuts = [0, *waists(whole, w), bh] if fill else [0, bh]
            for a, b in itertools.pairwise(cuts):
                part = whole[a:b]
                cols = np.nonzero(part.any(axis=0))[0]
                if cols.size == 0:
                    continue
                px, pw = x + int(cols[0]), int(cols[-1] - cols[0] + 1)
                comp = np.ascontiguousarray(part[:, cols[0] : cols[-1] + 1])
                color = dominant_color(region[y + a : y + b, px : px + pw], comp)
                # Fill = share of the box inside the shape's outline, so text inside a
                # bubble that happens to match the page colour does not count as a hole.
                contours, _ = cv2.findContours(comp, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
                solid = np.zeros_like(comp)
                cv2.drawContours(solid, contours, -1, 1, thickness=cv2.FILLED)
                out.append(Block(Box(px, y + a + top, pw, b - a), color, float(solid.sum()) / float(pw * (b - a))))
    out.sort(key=lambda b: (b.box.y, b.box.x))
    return out


def local_contrast_mask(region: np.ndarray, w: int) -> np.ndarray:
    """Pixels that differ sharply from their neighbourhood: strokes, not backdrops.

    A translucent bar (iOS) shows the bubbles scrolled under it as soft
    coloured shapes; against the bar's colour they are "foreground", against
    their own neighbourhood they are not, while text strokes are.
    """
    grey = cv2.cvtColor(region, cv2.COLOR_BGR2GRAY) if region.ndim == 3 else region
    k = max(15, int(w * 0.03)) | 1
    local = cv2.medianBlur(grey, k)
    diff = cv2.absdiff(grey, local)
    return np.where(diff > 40, 255, 0).astype(np.uint8)


def find_text_bands(
    img: np.ndarray,
    bg: tuple[int, int, int],
    top: int,
    bottom: int,
    exclude: list[Box],
    *,
    local: bool = False,
    distance: np.ndarray | None = None,
) -> list[TextBand]:
    """Lines of text drawn on the background (separators, names, clocks).

    Foreground outside the excluded boxes (blocks) is smeared horizontally so
    the characters of one line join, then each component is one line.
    ``local`` finds the foreground by local contrast instead of by distance
    from ``bg`` (for a title bar, which may be translucent). ``distance`` is
    ``background_distance`` of those rows, when the caller has it.
    """
    w = img.shape[1]
    region = img[top:bottom]
    if local:
        fg = local_contrast_mask(region, w)
    else:
        fg = above(background_distance(region, bg) if distance is None else distance, max(BG_TOLERANCE, 20))
    pad = max(2, int(w * 0.006))
    for b in exclude:
        y0 = max(0, b.y - top - pad)
        y1 = max(0, b.y + b.h - top + pad)
        fg[y0:y1, max(0, b.x - pad) : b.x + b.w + pad] = 0
    kx = max(3, int(w * 0.03))
    ky = max(1, int(w * 0.004))
    smeared = cv2.dilate(fg, cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky)))
    out: list[TextBand] = []
    for run_top, _, stats in component_runs(smeared, 8):
        for x, ry, bw, bh in stats[1:, :4].tolist():
            y = run_top + ry
            # Undo the smear's growth.
            x0 = x + kx // 2
            x1 = x + bw - kx // 2
            y0 = y + ky // 2
            y1 = y + bh - ky // 2
            if x1 - x0 < w * 0.012 or y1 - y0 < w * 0.012 or y1 - y0 > w * 0.12:
                continue
            out.append(TextBand(Box(x0, y0 + top, x1 - x0, y1 - y0)))
    out.sort(key=lambda t: (t.box.y, t.box.x))
    return out


def upscale_factor(page_width: int, target_width: int = 800) -> float:
    """How much to scale crops for Tesseract (measured on dev/: an 800-px-wide page reads best).

    Phones draw text in dp, so the page width tells the text size: a 720-px
    screen's body text is two thirds of a 1080-px one's.
    """
    return float(min(2.0, max(0.5, target_width / max(1, page_width))))


def binarize(crop: np.ndarray) -> np.ndarray:
    """A crop → dark text on white, Otsu-thresholded (Tesseract's favourite input).

    Polarity is decided by the crop's own border: if its background is darker
    than its text (dark mode, or white text on a blue bubble), it is inverted.
    """
    grey = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    if grey.size == 0:
        return grey
    border = np.concatenate([grey[0, :], grey[-1, :], grey[:, 0], grey[:, -1]])
    bg_level = float(np.median(border))
    inner = grey.astype(np.int16)
    text_px = inner[np.abs(inner - bg_level) > 40]
    if text_px.size and float(np.median(text_px)) > bg_level:
        grey = cv2.bitwise_not(grey)
    _, bw = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Text is the minority class. Light text on a fill barely lighter than the
    # page (WeChat's white clock on a grey pill) escapes the border test above
    # and would reach Tesseract white on black.
    if float(bw.mean()) < 127.0:
        bw = cv2.bitwise_not(bw)
    return bw


def clear_non_text(bw: np.ndarray) -> np.ndarray:
    """Whiten what a binarised crop holds besides text: edge marks and solid blobs.

    A bubble's rounded corners leave the page behind them in the crop, which
    binarises into black brackets at the sides; a clipped avatar becomes a
    black slab. Tesseract reads both as characters (``|``, ``]``, ``一一一``)
    and they drag down the confidence of the real line beside them. Text never
    touches a crop's left or right edge (bubbles and rows have padding), and
    no glyph is a solid slab (a character fills under half its box).
    """
    h, w = bw.shape[:2]
    if h < 3 or w < 3:
        return bw
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.bitwise_not(bw), connectivity=8)
    corner = max(2, int(w * 0.08))
    drop = np.zeros(n, dtype=bool)
    for i in range(1, n):
        x, y, cw, ch, area = (int(v) for v in stats[i])
        at_side = x == 0 or x + cw >= w
        at_corner = (y == 0 or y + ch >= h) and (x + cw <= corner or x >= w - corner)
        slab = min(cw, ch) >= SLAB_MIN_SIDE and area >= SLAB_MIN_FILL * cw * ch
        drop[i] = at_side or at_corner or slab
    if not drop[1:].any():
        return bw
    out = bw.copy()
    out[drop[labels]] = 255
    return out


def prepare_crop(crop: np.ndarray, scale: float) -> np.ndarray:
    """Scale, binarise and clean one region for Tesseract."""
    if crop.size == 0:
        return crop
    if abs(scale - 1.0) > 0.05:
        interp = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=interp)
    return clear_non_text(binarize(crop))


@dataclass(frozen=True, slots=True)
class Canvas:
    """Several crops stacked into one image, and where each went."""

    image: np.ndarray
    slots: list[tuple[int, int, int, int]]  # (x, y, w, h) of each crop on the canvas
    scales: list[float]


def stitch(crops: list[np.ndarray], scales: list[float], gap: int = 40, pad: int = 20) -> Canvas:
    """Stack prepared (binarised) crops vertically on white with gaps between them.

    One tesseract subprocess per page instead of one per bubble: start-up and
    model load cost ~0.2 s per call (STACK.md §3), more than the reading.
    """
    width = max((c.shape[1] for c in crops), default=1) + 2 * pad
    height = sum(c.shape[0] for c in crops) + gap * max(0, len(crops) - 1) + 2 * pad
    canvas = np.full((max(1, height), width), 255, dtype=np.uint8)
    slots: list[tuple[int, int, int, int]] = []
    y = pad
    for c in crops:
        ch, cw = c.shape[:2]
        canvas[y : y + ch, pad : pad + cw] = c if c.ndim == 2 else cv2.cvtColor(c, cv2.COLOR_BGR2GRAY)
        slots.append((pad, y, cw, ch))
        y += ch + gap
    return Canvas(canvas, slots, scales)
