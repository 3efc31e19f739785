"""Batch extraction over a process pool, cancelling, and the command-line entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.cmd_extract import run_extract
from ocr.batch import extract_paths

NAMES = [
    "wx_share_7ba81b.png",
    "Screenshot_20241221_175305_com.tencent.mm.png",
    "Screenshot_20241128_234702_com.tencent.mm.jpg",
]


def test_pool_yields_every_image(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"nope")
    paths = [data_dir / "ocr" / n for n in NAMES] + [bad]
    got = dict(extract_paths(paths, workers=2))
    assert set(got) == set(paths)
    assert got[bad].error
    assert all(got[p].messages for p in paths[:3])


def test_cancel_stops_before_work(data_dir: Path) -> None:
    paths = [data_dir / "ocr" / n for n in NAMES]
    assert list(extract_paths(paths, workers=2, cancel=lambda: True)) == []


def test_cancel_midway_stops_promptly(data_dir: Path) -> None:
    paths = [data_dir / "ocr" / n for n in NAMES] * 4
    seen = 0

    def cancel() -> bool:
        return seen >= 1

    for _ in extract_paths(paths, workers=2, cancel=cancel):
        seen += 1
    assert 1 <= seen < len(paths)


def test_cli_writes_one_json_per_image(data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in NAMES[:2]:
        shutil.copy(data_dir / "ocr" / n, src / n)
    out = tmp_path / "out"
    code = run_extract([str(p) for p in sorted(src.iterdir())], str(out), workers=2)
    assert code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(Path(n).stem + ".json" for n in NAMES[:2])
    doc = json.loads((out / "wx_share_7ba81b.json").read_text(encoding="utf-8"))
    assert doc["layout"] == "sms_thread" and doc["messages"]


def test_cli_stdout_is_json_lines(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run_extract([str(data_dir / "ocr" / NAMES[0])], None, workers=1)
    assert code == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip()]
    assert len(lines) == 1 and json.loads(lines[0])["image"] == NAMES[0]


def test_cli_unknown_engine_is_an_error(data_dir: Path) -> None:
    with pytest.raises(ValueError):
        run_extract([str(data_dir / "ocr" / NAMES[0])], None, engine="nope", workers=1)
