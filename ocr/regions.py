"""Read many regions of one page with as few engine calls as possible.

Layout parsers find the pieces of a page (bubbles, separators, the title) and
want the text of each. Two strategies, chosen by the engine:

* Tesseract (``prefers_page`` false): each region is cut out, scaled and
  binarised on its own (dark mode, coloured bubbles), and all of them are
  stacked into ONE canvas for ONE tesseract call. Each recognised line is
  mapped back to the region whose slot holds its centre. A subprocess per
  crop would cost ~0.2 s each (STACK.md §3); the canvas costs one.
* RapidOCR (``prefers_page`` true): it reads whole pages, dark mode and
  colours included, better than crops; the page is read once and lines are
  assigned to the region that contains their centre.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ocr.model import Box
from ocr.preprocess import prepare_crop, stitch, upscale_factor
from ocr.recognition import Line, OcrEngine, PageMemo, short_line_reader


@dataclass(frozen=True, slots=True)
class Region:
    """A rectangle of the page to read; ``pad`` pixels of context are added around it."""

    box: Box
    pad: int = 0
    # Extra scale on top of the page's (canvas reading only): a second reading
    # of the same pixels at another size, for text that matters too much to
    # trust one Tesseract reading (the thread title names every message's sender).
    zoom: float = 1.0
    # A message bubble keeps lines the engine read with low confidence as long
    # as one of its lines is confident (a masked ID number reads weakly, and
    # it is the evidence); a bubble with no confident line holds a picture or
    # a sticker, not text. Other regions (loose text, list rows, titles) hold
    # every line to STRONG_LINE, because there icons and avatars read as text.
    weak_lines_ok: bool = False


# Below this confidence a line is only kept inside a bubble with a confident line.
STRONG_LINE = 0.40


def _clip(box: Box, pad: int, w: int, h: int) -> tuple[int, int, int, int]:
    x0 = max(0, box.x - pad)
    y0 = max(0, box.y - pad)
    x1 = min(w, box.x + box.w + pad)
    y1 = min(h, box.y + box.h + pad)
    return x0, y0, x1, y1


def read_regions(
    engine: OcrEngine, image: np.ndarray, regions: list[Region], *, short_lines: bool = False
) -> list[list[Line]]:
    """The lines of each region (page coordinates), in the order given.

    ``short_lines``: every region holds one short line (a canvas-reading
    engine then keeps rows it would drop as noise, see ``short_line_reader``).
    """
    if not regions:
        return []
    if engine.prefers_page:
        read = _read_by_page(engine, image, regions)
    else:
        read = read_by_canvas(engine, image, regions, short_lines=short_lines)
    out: list[list[Line]] = []
    for region, lines in zip(regions, read, strict=True):
        strong = [ln for ln in lines if ln.confidence >= STRONG_LINE]
        out.append(lines if region.weak_lines_ok and strong else strong)
    if isinstance(engine, PageMemo) and image is engine.page:
        engine.report([ln for lst in out for ln in lst])
    return out


def read_by_canvas(
    engine: OcrEngine, image: np.ndarray, regions: list[Region], *, short_lines: bool = False
) -> list[list[Line]]:
    h, w = image.shape[:2]
    scale = upscale_factor(w)
    crops: list[np.ndarray] = []
    origins: list[tuple[int, int]] = []
    scales: list[float] = []
    keep: list[int] = []
    for i, r in enumerate(regions):
        x0, y0, x1, y1 = _clip(r.box, r.pad, w, h)
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        crops.append(prepare_crop(image[y0:y1, x0:x1], scale * r.zoom))
        origins.append((x0, y0))
        scales.append(scale * r.zoom)
        keep.append(i)
    out: list[list[Line]] = [[] for _ in regions]
    if not crops:
        return out
    gap = max(30, int(48 * scale))
    canvas = stitch(crops, scales, gap=gap)
    lines = (short_line_reader(engine) if short_lines else engine.recognize)(canvas.image)
    for line in lines:
        cy = line.box.y + line.box.h / 2
        for slot_i, (sx, sy, sw, sh) in enumerate(canvas.slots):
            if sy - gap / 2 <= cy < sy + sh + gap / 2:
                ox, oy = origins[slot_i]
                k = scales[slot_i]
                bx = ox + (max(line.box.x, sx) - sx) / k
                by = oy + (max(line.box.y, sy) - sy) / k
                bw = min(line.box.w, sx + sw - line.box.x) / k
                bh = min(line.box.y + line.box.h, sy + sh) - max(line.box.y, sy)
                box = Box(int(bx), int(by), max(1, int(bw)), max(1, int(bh / k)))
                out[keep[slot_i]].append(Line(line.text, line.confidence, box))
                break
    return out


def _read_by_page(engine: OcrEngine, image: np.ndarray, regions: list[Region]) -> list[list[Line]]:
    lines = engine.recognize(image)
    out: list[list[Line]] = [[] for _ in regions]
    for line in lines:
        cx = line.box.x + line.box.w / 2
        cy = line.box.y + line.box.h / 2
        best = -1
        best_area = None
        for i, r in enumerate(regions):
            b = r.box
            p = r.pad
            if b.x - p <= cx <= b.x + b.w + p and b.y - p <= cy <= b.y + b.h + p:
                area = b.w * b.h
                if best_area is None or area < best_area:
                    best, best_area = i, area
        if best >= 0:
            out[best].append(line)
    for lst in out:
        lst.sort(key=lambda ln: (ln.box.y, ln.box.x))
    return out


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """Group lines into visual rows (an engine may split one row at a comma), left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.box.y + ln.box.h / 2):
        cy = line.box.y + line.box.h / 2
        if rows:
            last = rows[-1]
            ly = sum(ln.box.y + ln.box.h / 2 for ln in last) / len(last)
            lh = max(ln.box.h for ln in last)
            if abs(cy - ly) < 0.5 * max(lh, line.box.h):
                last.append(line)
                continue
        rows.append([line])
    for row in rows:
        row.sort(key=lambda ln: ln.box.x)
    return rows


def row_texts(lines: list[Line]) -> list[str]:
    """One text per visual row."""
    from ocr.text import join_cjk

    return [join_cjk(" ".join(ln.text for ln in row)) for row in rows_of(lines)]
