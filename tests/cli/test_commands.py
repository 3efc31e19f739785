"""The command line as a user runs it: real processes, real files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from casefile.originals import sha256_file
from casefile.store import CaseStore
from ocr.engines.registry import default_engine_name
from tests.images import noise_png, phone_png

SCREENPROOF = [sys.executable, "-m", "cli"]


def run(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SCREENPROOF, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def test_import_list_verify_and_a_flipped_byte(tmp_path: Path) -> None:
    case = tmp_path / "我的 案件"
    good = phone_png(tmp_path / "in" / "Screenshot_20250310-143205.png", seed=1)
    phone_png(tmp_path / "in" / "b.png", seed=2)
    (tmp_path / "in" / "empty.png").write_bytes(b"")
    r = run("import", "--case", case, "--no-ocr", tmp_path / "in", good)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert any("empty.png: rejected: the file is empty" in ln and "文件为空" in ln for ln in lines)
    assert any(ln.endswith("Screenshot_20250310-143205.png: duplicate: the same file is already in the case / 重复：案件中已有相同文件") for ln in lines)
    assert lines[-1].startswith("2 imported, 1 duplicates, 1 rejected")

    r = run("list", "--case", case)
    assert r.returncode == 0
    assert "2025-03-10 14:32" in r.stdout and "Screenshot_20250310-143205.png" in r.stdout
    # each capture time says where it came from; b.png has only its file's modification time
    assert "2025-03-10 14:32 [文件名]" in r.stdout and "[文件修改时间?]" in r.stdout
    assert "2 screenshots" in r.stdout

    r = run("verify", "--case", case)
    assert r.returncode == 0 and "2 of 2 originals intact" in r.stdout

    victim = next((case / "originals").glob("*.png"))
    victim.chmod(0o644)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    r = run("verify", "--case", case)
    assert r.returncode == 1
    assert f"ALTERED / 已被改动: {victim.name}" in r.stdout
    assert "1 of 2 originals intact" in r.stdout

    victim.unlink()
    r = run("verify", "--case", case)
    assert r.returncode == 1 and "MISSING / 缺失" in r.stdout


def test_only_rejections_exit_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "x.png"
    bad.write_text("no")
    r = run("import", "--case", tmp_path / "c", "--no-ocr", bad)
    assert r.returncode == 1
    assert "not an image file / 不是图片文件" in r.stdout


def test_list_of_a_folder_that_is_not_a_case(tmp_path: Path) -> None:
    r = run("list", "--case", tmp_path / "nope")
    assert r.returncode == 2
    assert "not a Screenproof case" in r.stderr


def test_killed_import_leaves_a_consistent_case(tmp_path: Path) -> None:
    """SIGKILL in the middle of importing large files: the case opens and verifies clean."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(40):
        noise_png(src / f"{i:02d}.png", seed=i)
    case = tmp_path / "case"
    proc = subprocess.Popen(
        [*SCREENPROOF, "import", "--case", str(case), "--no-ocr", str(src)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    for _ in range(5):  # let a few files land, then kill in the middle of the next ones
        proc.stdout.readline()
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    rows = sqlite3.connect(case / "case.sqlite").execute("SELECT sha256, ext FROM screenshots").fetchall()
    print("rows at kill:", len(rows))
    assert 5 <= len(rows) < 40
    with CaseStore.open(case) as store:
        assert store.verify() == [], "every recorded original is present and intact"
        for f in store.paths.originals.iterdir():
            assert not f.name.startswith(".partial-"), "partial files are cleaned on open"
            assert sha256_file(f) == f.stem, "no half-written original under a real name"
    # The interrupted import can simply be run again: the rest arrives, nothing twice.
    r = run("import", "--case", case, "--no-ocr", src)
    assert r.returncode == 0
    with CaseStore.open(case) as store:
        assert len(store.screenshots()) == 40
        assert store.verify() == []


def test_import_reads_new_screenshots_and_stores_the_extraction(tmp_path: Path) -> None:
    """`import` without --no-ocr: real Tesseract reads the new screenshot into the case."""
    import json

    data = Path(__file__).resolve().parent.parent / "data" / "ocr"
    image = data / "Screenshot_20250103_214124_com.android.mms.jpg"
    gold = json.loads(image.with_suffix(".json").read_text(encoding="utf-8"))
    case = tmp_path / "case"
    r = run("import", "--case", case, "--workers", "1", image, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"{image.name}: sms_thread, " in r.stdout
    with CaseStore.open(case) as store:
        (shot,) = store.screenshots()
        assert shot.ocr_status == "done" and shot.layout == gold["layout"]
        assert shot.ocr_engine == default_engine_name() and shot.ocr_version  # the real engine, never "auto"
        msgs = store.messages(shot.id)
        assert len(msgs) == len(gold["messages"])
        assert all(m.box is not None for m in msgs)
    # Reading again only happens when asked to.
    r = run("ocr", "--case", case)
    assert r.returncode == 0 and "sms_thread" not in r.stdout
    r = run("ocr", "--case", case, "--redo", "--workers", "1", timeout=300)
    assert r.returncode == 0 and "sms_thread" in r.stdout
