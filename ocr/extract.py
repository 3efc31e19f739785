"""One screenshot → one :class:`~ocr.model.Extraction`. The package's front door.

A batch of evidence must not stop at one bad file: an unreadable image, a
file that is not an image, a blank screen or an engine failure on one image
come back as an ``Extraction`` with ``error`` set (or with no messages). The
one exception that escapes is :class:`~ocr.engines.errors.EngineMissing`: it is the
same for every image, and the user must be told once what to install.
"""

from __future__ import annotations

import io
import logging
import os
import time
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
from PIL import ExifTags, Image, ImageOps

from ocr import capture_time, ledger, long_page, page_dates, times
from ocr.engines.errors import EngineFailed, EngineMissing
from ocr.engines.registry import get_engine
from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.classify import layout_scores, parser_for, ranked, rescore_with
from ocr.logsafe import log_error
from ocr.model import Extraction, Failure, Layout, TimeSource
from ocr.page import Page, analyse
from ocr.preprocess import to_bgr
from ocr.recognition import OcrEngine, PageMemo

log = logging.getLogger(__name__)

# Below this many pixels on the short side there is nothing a phone screen could show.
MIN_SIDE = 64

try:  # HEIC from iPhones photographing another phone; optional at run time.
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - a declared dependency, absent only in odd installs
    pass


class ImageUnreadable(ValueError):  # noqa: N818
    """The bytes are not an image we can decode."""


def load_image(source: str | Path | bytes | np.ndarray) -> tuple[np.ndarray, Image.Image | None]:
    """Decode to BGR uint8 (EXIF orientation applied), plus the PIL image for metadata.

    Pillow decodes (HEIC, WebP, AVIF, and EXIF rotation), OpenCV does the rest.
    Raises :class:`ImageUnreadable`, or ``FileNotFoundError`` for a path that
    does not exist (a different thing to tell the user).
    """
    if isinstance(source, np.ndarray):
        if source.dtype != np.uint8 or source.ndim not in (2, 3):
            raise ImageUnreadable(f"{Failure.UNREADABLE} (an array that is not 8-bit)")
        return to_bgr(source), None
    try:
        opened = Image.open(io.BytesIO(source)) if isinstance(source, bytes) else Image.open(source)
        opened.load()
        meta: Image.Image = opened
        # Pixels are copied only where needed (exif_transpose and convert copy even when
        # nothing changes): a 1080 × 20,000 capture is 65 MB a copy, and six copies were made.
        upright: Image.Image = _upright(opened)
        rgb = np.asarray(upright if upright.mode == "RGB" else upright.convert("RGB"))
    except FileNotFoundError:
        raise  # not a bad image: the caller says "not found"
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(f"{Failure.UNREADABLE} ({type(exc).__name__})") from exc
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), meta


def _upright(im: Image.Image) -> Image.Image:
    """``im`` turned as its EXIF orientation says; ``im`` itself (no copy) when it is upright."""
    if im.getexif().get(ExifTags.Base.Orientation, 1) in (0, 1):
        return im
    return ImageOps.exif_transpose(im) or im


def _resolve_engine(engine: OcrEngine | str | None) -> OcrEngine:
    if engine is None or isinstance(engine, str):
        return get_engine(engine or "auto")  # "auto": RapidOCR when installed, else Tesseract
    return engine


def extract(
    image: str | Path | bytes | np.ndarray,
    captured_at: datetime | None = None,
    *,
    name: str | None = None,
    engine: OcrEngine | str | None = None,
    layout: Layout | None = None,
) -> Extraction:
    """Read one screenshot.

    ``captured_at`` defaults to what the file name, then EXIF, states (never the
    mtime of a path here: a copied file's mtime is the copy's, and a wrong
    "capture day" would silently shift every relative time). ``name`` is the
    file name to report and to read the capture time from when ``image`` is
    bytes or an array. ``layout`` reads the page as that layout instead of
    guessing (the window's 核对 → 按…重新识别 when the guess was wrong).
    """
    if name is None:
        name = Path(image).name if isinstance(image, (str, Path)) else ""
    eng = _resolve_engine(engine)  # EngineMissing escapes on purpose
    out = Extraction(image=name, layout=None, captured_at=captured_at, engine=eng.name)
    try:
        out.engine_version = eng.version()
    except Exception:  # noqa: BLE001 - a version string is not worth failing for
        out.engine_version = eng.name
    if captured_at is not None:
        out.captured_at_source = TimeSource.MANUAL
    t0 = time.perf_counter()
    try:
        img, meta = load_image(image)
    except ImageUnreadable as exc:
        out.error = str(exc)
        if captured_at is None and name:
            ct = capture_time.establish(name)
            if ct:
                out.captured_at, out.captured_at_source = ct.value, ct.source
        return out
    except FileNotFoundError as exc:
        out.error = f"{Failure.NOT_FOUND} ({exc.filename})"
        return out
    if captured_at is None:
        ct = capture_time.establish(name, meta)
        if ct:
            out.captured_at, out.captured_at_source = ct.value, ct.source
    del meta  # its pixels are a second copy of the page: not held while reading
    h, w = img.shape[:2]
    if min(h, w) < MIN_SIDE:
        out.error = str(Failure.TOO_SMALL)
        return out
    try:
        _read_page(img, name, eng, layout, out)
    except EngineMissing:
        raise
    except EngineFailed as exc:
        out.error = f"{Failure.ENGINE}: {exc}"
    except Exception as exc:  # noqa: BLE001 - logged by type and frames (ocr.logsafe)
        log_error(log, "extraction failed on an image", exc)
        out.error = f"{Failure.INTERNAL}: {type(exc).__name__}"
    log.debug("extracted %d messages in %.2fs", len(out.messages), time.perf_counter() - t0)
    return out


# A reading that leaves more than half of the page's text outside its
# messages has likely read the page as the wrong layout: the runner-up of the
# other family (thread against list) is tried, and kept only when it explains
# most of the page and clearly more than the first (a thread of blurred
# bubbles explains little either way, and stays a thread).
POOR_COVERAGE = 0.5
COVERAGE_MARGIN = 0.2


def _parse(
    layout: Layout, img: np.ndarray, name: str, out: Extraction, reader: PageMemo, page: Page, notes: dict[str, object]
) -> PageResult:
    ctx = PageContext(img, name, out.captured_at, reader, page.dark, {"page": page, **notes})
    return parser_for(layout).parse(ctx)


def _read_page(img: np.ndarray, name: str, eng: OcrEngine, forced: Layout | None, out: Extraction) -> None:
    """Score the layouts, parse with the best (or the forced one), keep what no message took."""
    if long_page.is_long(*img.shape[:2]):  # 长截图: screen-sized tiles, bounded time and memory
        long_page.read_long(img, out, lambda t, o, lay: _read_page(t, name, eng, lay, o), forced)
        return
    page = analyse(img)
    reader = PageMemo(eng, img)
    notes: dict[str, object] = {}
    scores = layout_scores(img, page, reader, notes)
    out.layout_scores = {str(k): v for k, v in scores.items()}
    order = ranked(scores)
    layout = forced or order[0]
    result = _parse(layout, img, name, out, reader, page, notes)
    if forced is None:
        cov = ledger.coverage(page, result.messages)
        if cov < POOR_COVERAGE:
            threads = (Layout.SMS_THREAD, Layout.CHAT_THREAD)
            other = next(lay for lay in order if (lay in threads) != (layout in threads))
            alt = _parse(other, img, name, out, reader, page, notes)
            alt_cov = ledger.coverage(page, alt.messages)
            log.debug("coverage %.2f as %s, %.2f as %s", cov, layout, alt_cov, other)
            if alt_cov >= POOR_COVERAGE and alt_cov > cov + COVERAGE_MARGIN and len(alt.messages) >= len(result.messages):
                layout, result = other, alt
    if forced is None and layout in _LISTS:
        layout, result, scores = _second_look(layout, result, scores, img, name, out, reader, page, notes)
    out.layout_scores = {str(k): v for k, v in scores.items()}
    out.layout = layout
    page_dates.apply_day_headers(reader.lines_read(), result.messages)
    times.apply_labels(result.messages, out.captured_at, newest_first=layout in (Layout.SMS_INBOX, Layout.CALL_LOG))
    out.thread_title = result.thread_title if layout in (Layout.SMS_THREAD, Layout.CHAT_THREAD) else None
    out.messages = result.messages
    out.unassigned = ledger.unassigned(reader.lines_read(), page, out.messages)
    if not out.messages and not out.unassigned:
        # Nothing parsed and nothing left over: whatever text the page holds
        # is kept, title bar included (a crop may start with its content).
        out.unassigned = ledger.unassigned(reader.recognize(img), page, [], keep_chrome=True)


_LISTS = (Layout.SMS_INBOX, Layout.CALL_LOG)


def _second_look(
    layout: Layout, result: PageResult, scores: dict[Layout, float], img: np.ndarray, name: str, out: Extraction,
    reader: PageMemo, page: Page, notes: dict[str, object],
) -> tuple[Layout, PageResult, dict[Layout, float]]:
    """SMS list or call log, decided again on the words of the rows the parser read.

    The other list parser reads the page only when the rows' words say it is
    the other list (a call log's marks and durations, an inbox's snippets);
    its reading is kept when it finds as many rows.
    """
    rescored = rescore_with(notes, reader.lines_read(), page)
    if rescored is None:
        return layout, result, scores
    other = Layout.CALL_LOG if layout is Layout.SMS_INBOX else Layout.SMS_INBOX
    if rescored[other] <= rescored[layout]:
        return layout, result, rescored
    alt = _parse(other, img, name, out, reader, page, notes)
    log.debug("rows read as %s, their words say %s", layout, other)
    if len(alt.messages) >= len(result.messages):
        return other, alt, rescored
    return layout, result, scores


def default_workers() -> int:
    """One OCR process per core (Tesseract runs single-threaded, STACK.md §3)."""
    return max(1, os.cpu_count() or 1)
