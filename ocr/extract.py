"""One screenshot → one :class:`~ocr.model.Extraction`. The package's front door.

A batch of evidence must not stop at one bad file: an unreadable image, a
file that is not an image, a blank screen or an engine failure on one image
come back as an ``Extraction`` with ``error`` set (or with no messages). The
one exception that escapes is :class:`~ocr.engine.EngineMissing`: it is the
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
from PIL import Image, ImageOps

from ocr import capture_time
from ocr.engine import EngineFailed, EngineMissing, get_engine
from ocr.layouts.base import PageContext
from ocr.layouts.classify import classify, parser_for
from ocr.logsafe import log_error
from ocr.model import Extraction, Failure, Layout, TimeSource
from ocr.page import analyse
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
        upright: Image.Image = ImageOps.exif_transpose(opened) or opened
        rgb = np.asarray(upright.convert("RGB"))
    except FileNotFoundError:
        raise  # not a bad image: the caller says "not found"
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(f"{Failure.UNREADABLE} ({type(exc).__name__})") from exc
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), meta


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
    h, w = img.shape[:2]
    if min(h, w) < MIN_SIDE:
        out.error = str(Failure.TOO_SMALL)
        return out
    try:
        page = analyse(img)
        reader = PageMemo(eng, img)
        if layout is None:
            layout = classify(img, page, reader)
        out.layout = layout
        parser = parser_for(layout)
        if parser is None:
            out.error = f"{Failure.INTERNAL}: no parser for layout {layout}"
            return out
        ctx = PageContext(img, name, out.captured_at, reader, page.dark, {"page": page})
        result = parser.parse(ctx)
        out.thread_title = result.thread_title if layout in (Layout.SMS_THREAD, Layout.CHAT_THREAD) else None
        out.messages = result.messages
    except EngineMissing:
        raise
    except EngineFailed as exc:
        out.error = f"{Failure.ENGINE}: {exc}"
    except Exception as exc:  # noqa: BLE001 - logged by type and frames (ocr.logsafe)
        log_error(log, "extraction failed on an image", exc)
        out.error = f"{Failure.INTERNAL}: {type(exc).__name__}"
    log.debug("extracted %d messages in %.2fs", len(out.messages), time.perf_counter() - t0)
    return out


def default_workers() -> int:
    """One OCR process per core (Tesseract runs single-threaded, STACK.md §3)."""
    return max(1, os.cpu_count() or 1)
