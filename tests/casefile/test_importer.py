"""The importer against every kind of file a stressed user might drop."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from casefile import importer
from casefile.faults import ORIGINAL, Problem, WriteFailedError
from casefile.importer import Outcome, RejectReason, collect_files, import_one, import_paths
from casefile.jobs import Progress
from casefile.store import CaseStore
from ocr.model import TimeSource
from tests.images import image_bytes, phone_png


def _results(store: CaseStore, *paths: Path | str) -> list[importer.ImportResult]:
    return [r for r in import_paths(store, paths) if not isinstance(r, Progress)]


def _originals(store: CaseStore) -> list[Path]:
    return sorted(store.paths.originals.iterdir())


def test_png_is_stored_byte_for_byte_under_its_hash(store: CaseStore, tmp_path: Path) -> None:
    src = phone_png(tmp_path / "Screenshot_20250310-143205.png")
    (r,) = _results(store, src)
    assert r.outcome is Outcome.IMPORTED
    data = src.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    assert r.sha256 == sha
    stored = store.paths.originals / f"{sha}.png"
    assert stored.read_bytes() == data
    assert not os.access(stored, os.W_OK) or os.geteuid() == 0  # read-only (root ignores modes)
    assert stored.stat().st_mode & 0o222 == 0
    shot = store.screenshot(r.screenshot_id or 0)
    assert (shot.width, shot.height, shot.format, shot.size_bytes) == (360, 780, "PNG", len(data))
    assert shot.captured_at == datetime(2025, 3, 10, 14, 32, 5)
    assert shot.captured_at_source is TimeSource.FILE_NAME
    assert shot.original_name == src.name


@pytest.mark.parametrize(
    ("fmt", "ext", "save"),
    [("JPEG", "jpg", {"quality": 80}), ("WEBP", "webp", {}), ("BMP", "bmp", {}), ("HEIF", "heic", {})],
)
def test_accepted_formats(store: CaseStore, tmp_path: Path, fmt: str, ext: str, save: dict) -> None:
    src = tmp_path / f"shot.{ext}"
    src.write_bytes(image_bytes(fmt, **save))
    (r,) = _results(store, src)
    assert r.outcome is Outcome.IMPORTED, r
    assert store.screenshot(r.screenshot_id or 0).ext == ext


def test_same_bytes_twice_is_a_duplicate_and_writes_nothing(store: CaseStore, tmp_path: Path) -> None:
    a = phone_png(tmp_path / "a.png")
    b = tmp_path / "copy of a.png"
    b.write_bytes(a.read_bytes())
    first, second = _results(store, a, b)
    assert first.outcome is Outcome.IMPORTED
    assert second.outcome is Outcome.DUPLICATE
    assert second.screenshot_id == first.screenshot_id
    assert len(store.screenshots()) == 1
    assert len(_originals(store)) == 1
    (again,) = _results(store, a)
    assert again.outcome is Outcome.DUPLICATE


def test_chinese_and_spaces_in_paths(store: CaseStore, tmp_path: Path) -> None:
    src = phone_png(tmp_path / "催收 证据" / "微信 截图（1）.png")
    (r,) = _results(store, src)
    assert r.outcome is Outcome.IMPORTED
    assert store.screenshot(r.screenshot_id or 0).original_name == "微信 截图（1）.png"


def _reject(store: CaseStore, path: Path) -> importer.ImportResult:
    before = _originals(store)
    r = import_one(store, path)
    assert r.outcome is Outcome.REJECTED
    assert _originals(store) == before, "a rejected file must leave nothing behind"
    assert "rejected:" in r.describe()
    return r


def test_empty_file(store: CaseStore, tmp_path: Path) -> None:
    p = tmp_path / "empty.png"
    p.write_bytes(b"")
    assert _reject(store, p).reason is RejectReason.EMPTY


def test_truncated_png(store: CaseStore, tmp_path: Path) -> None:
    data = phone_png(tmp_path / "whole.png").read_bytes()
    p = tmp_path / "truncated.png"
    p.write_bytes(data[: len(data) // 2])
    assert _reject(store, p).reason is RejectReason.CORRUPT


def test_truncated_jpeg(store: CaseStore, tmp_path: Path) -> None:
    data = image_bytes("JPEG", size=(400, 800))
    p = tmp_path / "truncated.jpg"
    p.write_bytes(data[: len(data) // 3])
    assert _reject(store, p).reason is RejectReason.CORRUPT


def test_corrupt_body_behind_a_valid_header(store: CaseStore, tmp_path: Path) -> None:
    data = bytearray(phone_png(tmp_path / "ok.png").read_bytes())
    for i in range(60, len(data) - 20):
        data[i] = (data[i] * 7 + 13) % 256
    p = tmp_path / "garbled.png"
    p.write_bytes(bytes(data))
    assert _reject(store, p).reason is RejectReason.CORRUPT


def test_not_an_image(store: CaseStore, tmp_path: Path) -> None:
    p = tmp_path / "notes.png"
    p.write_text("这不是图片 this is text", encoding="utf-8")
    assert _reject(store, p).reason is RejectReason.NOT_AN_IMAGE


def test_unsupported_image_format(store: CaseStore, tmp_path: Path) -> None:
    p = tmp_path / "anim.gif"
    p.write_bytes(image_bytes("GIF"))
    r = _reject(store, p)
    assert r.reason is RejectReason.UNSUPPORTED_FORMAT
    assert r.detail == "GIF"


def test_decompression_bomb(store: CaseStore, tmp_path: Path) -> None:
    p = tmp_path / "bomb.png"
    Image.new("1", (12000, 8000)).save(p)  # 96 MP in a few kB
    assert p.stat().st_size < 200_000
    assert _reject(store, p).reason is RejectReason.TOO_MANY_PIXELS


def test_file_too_large_is_refused_before_reading(
    store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1000)
    p = phone_png(tmp_path / "big.png", size=(600, 600), seed=3)
    assert _reject(store, p).reason is RejectReason.FILE_TOO_LARGE


def test_missing_file(store: CaseStore, tmp_path: Path) -> None:
    assert _reject(store, tmp_path / "gone.png").reason is RejectReason.NOT_FOUND


def test_unreadable_file(store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file modes, so the permission error is injected at the read.
    p = phone_png(tmp_path / "locked.png")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self == p:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    r = _reject(store, p)
    assert r.reason is RejectReason.UNREADABLE
    assert "Permission denied" in r.detail


def test_case_folder_not_writable(store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_a: object, **_k: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importer, "store_original", full)
    # Not the file's fault: the import stops with one sentence about the case, not a rejection per file.
    with pytest.raises(WriteFailedError) as caught:
        import_one(store, phone_png(tmp_path / "a.png"))
    assert caught.value.problem is Problem.NO_SPACE and caught.value.what == ORIGINAL
    assert "disk is full" in caught.value.describe() and "磁盘已满" in caught.value.describe()
    assert store.screenshots() == []


def test_bad_files_do_not_stop_the_rest(store: CaseStore, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    phone_png(folder / "1.png", seed=1)
    (folder / "2.png").write_bytes(b"")
    (folder / "3.txt").write_text("hello")
    phone_png(folder / "sub" / "4.png", seed=4)
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    phone_png(folder / ".hidden" / "5.png", seed=5)
    results = _results(store, folder)
    by_name = {r.path.name: r for r in results}
    assert set(by_name) == {"1.png", "2.png", "3.txt", "4.png"}
    assert by_name["1.png"].outcome is Outcome.IMPORTED
    assert by_name["4.png"].outcome is Outcome.IMPORTED
    assert by_name["2.png"].reason is RejectReason.EMPTY
    assert by_name["3.txt"].reason is RejectReason.NOT_AN_IMAGE
    assert len(store.screenshots()) == 2


def test_collect_files_keeps_explicit_files_and_sorts_folders(tmp_path: Path) -> None:
    phone_png(tmp_path / "d" / "b.png")
    phone_png(tmp_path / "d" / "a.png")
    explicit = tmp_path / ".hidden.png"
    explicit.write_bytes(b"x")
    got = collect_files([tmp_path / "d", explicit])
    assert [p.name for p in got] == ["a.png", "b.png", ".hidden.png"]


def test_cancel_stops_between_files(store: CaseStore, tmp_path: Path) -> None:
    files = [phone_png(tmp_path / f"{i}.png", seed=i) for i in range(5)]
    seen: list[importer.ImportResult] = []
    for item in import_paths(store, files, cancel=lambda: len(seen) >= 2):
        if isinstance(item, importer.ImportResult):
            seen.append(item)
    assert len(seen) == 2
    assert len(store.screenshots()) == 2
    assert store.verify() == []


def test_capture_time_falls_back_to_exif_then_mtime(store: CaseStore, tmp_path: Path) -> None:
    im = Image.new("RGB", (50, 100))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2024:12:30 21:05:09"
    with_exif = tmp_path / "photo.jpg"
    im.save(with_exif, exif=exif)
    plain = phone_png(tmp_path / "plain.png", seed=9)
    os.utime(plain, (1_700_000_000, 1_700_000_000))
    r1, r2 = _results(store, with_exif, plain)
    s1 = store.screenshot(r1.screenshot_id or 0)
    s2 = store.screenshot(r2.screenshot_id or 0)
    assert (s1.captured_at, s1.captured_at_source) == (datetime(2024, 12, 30, 21, 5, 9), TimeSource.EXIF)
    assert s2.captured_at == datetime.fromtimestamp(1_700_000_000)
    assert s2.captured_at_source is TimeSource.MTIME
