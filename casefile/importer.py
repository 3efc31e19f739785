"""Bringing files into a case: read once, hash, sniff, store the original, record.

The work is split so that the GUI can keep the store on its own thread:
``prepare`` (read, hash, decode-check, write the original) touches only the
file system and may run in a worker; ``record`` writes the database row and
runs where the store lives. The original is stored before its row exists, so
a crash leaves at worst an unrecorded original (adopted by the next import of
the same bytes), never a row without its file.
"""

from __future__ import annotations

import enum
import io
import os
import sqlite3
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from casefile.faults import ORIGINAL, WriteFailedError, from_os_error
from casefile.jobs import Progress
from casefile.originals import sha256_bytes, store_original
from casefile.phones import OWN_PHONE, folder_suggestion, phone_name
from casefile.store import CaseStore, NewScreenshot
from ocr.capture_time import establish
from ocr.model import TimeSource

try:  # HEIC (iPhone camera photos) only where the optional decoder is installed.
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - depends on the installation
    HEIC_SUPPORTED = False

# A long scrolling screenshot is ~1440 x 30000 = 43 MP; anything far past that
# is not a screenshot and decoding it could exhaust memory (a decompression bomb).
MAX_PIXELS = 80_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# Pillow format → stored extension.
ACCEPTED_FORMATS = {"PNG": "png", "JPEG": "jpg", "MPO": "jpg", "WEBP": "webp", "BMP": "bmp", "HEIF": "heic"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".heic", ".heif"}


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class RejectReason(enum.StrEnum):
    """Why a file was not imported; gui/messages.py turns each into a sentence."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    FILE_TOO_LARGE = "file_too_large"
    TOO_MANY_PIXELS = "too_many_pixels"
    NOT_AN_IMAGE = "not_an_image"
    UNSUPPORTED_FORMAT = "unsupported_format"
    HEIC_UNSUPPORTED = "heic_unsupported"
    CORRUPT = "corrupt"
    CASE_NOT_WRITABLE = "case_not_writable"


# Plain-language English and Chinese for the command line; the window uses
# Qt's translations of the same reasons (gui/messages.py).
REASON_TEXT: dict[RejectReason, tuple[str, str]] = {
    RejectReason.NOT_FOUND: ("file not found", "文件不存在"),
    RejectReason.UNREADABLE: ("cannot read the file (permissions or disk error)", "无法读取文件（权限或磁盘错误）"),
    RejectReason.EMPTY: ("the file is empty (0 bytes)", "文件为空（0 字节）"),
    RejectReason.FILE_TOO_LARGE: ("the file is larger than 200 MB, not a screenshot", "文件超过 200 MB，不是截图"),
    RejectReason.TOO_MANY_PIXELS: ("the image is too large (over 80 million pixels)", "图片尺寸过大（超过 8000 万像素）"),
    RejectReason.NOT_AN_IMAGE: ("not an image file", "不是图片文件"),
    RejectReason.UNSUPPORTED_FORMAT: (
        "image format not supported (use PNG, JPEG, WebP, BMP or HEIC)",
        "不支持的图片格式（请使用 PNG、JPEG、WebP、BMP 或 HEIC）",
    ),
    RejectReason.HEIC_UNSUPPORTED: (
        "HEIC images need the pillow-heif package",
        "HEIC 图片需要安装 pillow-heif",
    ),
    RejectReason.CORRUPT: ("the image is damaged or incomplete", "图片已损坏或不完整"),
    RejectReason.CASE_NOT_WRITABLE: ("cannot write into the case folder", "无法写入案件文件夹"),
}


class ImportRejectedError(Exception):
    def __init__(self, path: Path, reason: RejectReason, detail: str = "") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file that passed every check and whose original is already stored."""

    path: Path
    sha256: str
    ext: str
    size_bytes: int
    width: int
    height: int
    format: str
    captured_at_value: str | None
    captured_at_source: TimeSource | None
    # The person the file's folder suggests (``证据/妈妈/1.png`` → 妈妈), None for a
    # loose file; only used when the user asks for it (``casefile.phones``).
    folder_phone: str | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    outcome: Outcome
    reason: RejectReason | None = None
    detail: str = ""
    screenshot_id: int | None = None
    sha256: str | None = None

    def describe(self) -> str:
        """One line for the terminal: outcome and, for a rejection, the reason in both languages."""
        if self.outcome is Outcome.REJECTED and self.reason is not None:
            en, zh = REASON_TEXT[self.reason]
            return f"rejected: {en} / {zh}"
        if self.outcome is Outcome.DUPLICATE:
            return "duplicate: the same file is already in the case / 重复：案件中已有相同文件"
        return "imported / 已导入"


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders recursively (skipping hidden entries); keep named files as given.

    A file the user named explicitly is always reported on, whatever it is; inside
    a folder, hidden files (``.DS_Store``, ``.thumbnails``) are skipped silently.
    """
    return [p for p, _ in collect_with_folders(paths)]


def collect_with_folders(paths: Iterable[str | Path]) -> list[tuple[Path, str | None]]:
    """``collect_files`` with the phone owner each file's folder suggests (``folder_suggestion``)."""
    out: list[tuple[Path, str | None]] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        path = Path(root) / f
                        out.append((path, folder_suggestion(path, p)))
        else:
            out.append((p, None))
    return out


def prepare(path: Path, originals: Path) -> Prepared:
    """Read ``path`` once, check it is a whole, sane image, and store its bytes.

    Raises ImportRejectedError with a typed reason for anything a user could
    have dropped by mistake.
    """
    try:
        st = path.stat()
    except FileNotFoundError as e:
        raise ImportRejectedError(path, RejectReason.NOT_FOUND) from e
    except OSError as e:
        raise ImportRejectedError(path, RejectReason.UNREADABLE, str(e.strerror or e)) from e
    if path.is_dir():
        raise ImportRejectedError(path, RejectReason.NOT_AN_IMAGE, "a folder")
    if st.st_size == 0:
        raise ImportRejectedError(path, RejectReason.EMPTY)
    if st.st_size > MAX_FILE_BYTES:
        raise ImportRejectedError(path, RejectReason.FILE_TOO_LARGE)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ImportRejectedError(path, RejectReason.UNREADABLE, str(e.strerror or e)) from e
    if not data:
        raise ImportRejectedError(path, RejectReason.EMPTY)

    fmt, width, height, captured = _check_image(path, data, st.st_mtime)
    sha = sha256_bytes(data)
    ext = ACCEPTED_FORMATS[fmt]
    try:
        store_original(originals, data, sha, ext)
    except OSError as e:
        # Not this file's fault: the case cannot take any file now (full disk, write-protected
        # medium), so the import stops with one sentence instead of rejecting every file after.
        raise WriteFailedError(ORIGINAL, originals, from_os_error(e)) from e
    return Prepared(
        path=path, sha256=sha, ext=ext, size_bytes=len(data), width=width, height=height, format=fmt,
        captured_at_value=captured[0], captured_at_source=captured[1],
    )


def _check_image(path: Path, data: bytes, mtime: float) -> tuple[str, int, int, tuple[str | None, TimeSource | None]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            fmt = im.format or ""
            width, height = im.size
            if width * height > MAX_PIXELS:
                raise ImportRejectedError(path, RejectReason.TOO_MANY_PIXELS, f"{width}x{height}")
            if fmt not in ACCEPTED_FORMATS:
                raise ImportRejectedError(path, RejectReason.UNSUPPORTED_FORMAT, fmt)
            im.load()  # decodes everything: a truncated or damaged file fails here
            ct = establish(path.name, im, mtime)
    except ImportRejectedError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImportRejectedError(path, RejectReason.TOO_MANY_PIXELS, str(e)) from e
    except UnidentifiedImageError as e:
        if _looks_like_heic(data) and not HEIC_SUPPORTED:
            raise ImportRejectedError(path, RejectReason.HEIC_UNSUPPORTED) from e
        raise ImportRejectedError(path, RejectReason.NOT_AN_IMAGE) from e
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as e:
        raise ImportRejectedError(path, RejectReason.CORRUPT, str(e)) from e
    captured = (ct.value.isoformat(), ct.source) if ct else (None, None)
    return fmt, width, height, captured


def _looks_like_heic(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"}


def record(store: CaseStore, prepared: Prepared, phone: str = OWN_PHONE) -> ImportResult:
    """Add the row for a prepared file, or report it as a duplicate of one already there.

    ``phone``: whose phone the file came from. A duplicate keeps the phone it
    was first imported with (changing it is the user's audited choice).
    """
    existing = store.screenshot_id_for(prepared.sha256)
    if existing is not None:
        return ImportResult(prepared.path, Outcome.DUPLICATE, screenshot_id=existing, sha256=prepared.sha256)
    try:
        sid = _add(store, prepared, phone)
    except sqlite3.IntegrityError:
        # Recorded by someone else between the check and the insert (only possible
        # without the writer lock, e.g. an older Screenproof): the same outcome as above.
        existing = store.screenshot_id_for(prepared.sha256)
        if existing is None:
            raise
        return ImportResult(prepared.path, Outcome.DUPLICATE, screenshot_id=existing, sha256=prepared.sha256)
    return ImportResult(prepared.path, Outcome.IMPORTED, screenshot_id=sid, sha256=prepared.sha256)


def _add(store: CaseStore, prepared: Prepared, phone: str) -> int:
    return store.add_screenshot(
        NewScreenshot(
            sha256=prepared.sha256,
            original_name=prepared.path.name,
            original_path=str(prepared.path.resolve()) if prepared.path.exists() else str(prepared.path),
            ext=prepared.ext,
            size_bytes=prepared.size_bytes,
            width=prepared.width,
            height=prepared.height,
            format=prepared.format,
            captured_at=datetime.fromisoformat(prepared.captured_at_value) if prepared.captured_at_value else None,
            captured_at_source=prepared.captured_at_source,
            phone=phone_name(phone),
        )
    )


def import_one(store: CaseStore, path: Path) -> ImportResult:
    """Prepare and record one file; never raises for bad input."""
    try:
        return record(store, prepare(path, store.paths.originals))
    except ImportRejectedError as e:
        return ImportResult(path, Outcome.REJECTED, e.reason, e.detail)


def import_paths(
    store: CaseStore, paths: Iterable[str | Path], *, cancel: Callable[[], bool] | None = None
) -> Iterator[Progress | ImportResult]:
    """Import files and folders one by one, yielding progress and one result per file.

    Stops between files when ``cancel()`` is true; what was imported stays.
    """
    files = collect_files(paths)
    for i, path in enumerate(files):
        if cancel is not None and cancel():
            return
        yield Progress(i, len(files), path.name)
        yield import_one(store, path)
    yield Progress(len(files), len(files))
