"""The extractor against the team's labelled corpus, scored by ``corpus/score.py``.

Two checks, each on a subset of ``dev/`` chosen by a rule (not by what passes):

* **The default engine meets the project's targets** (recall and precision
  ≥ 0.97, CER ≤ 0.03, sender ≥ 0.97, time ≥ 0.95, direction ≥ 0.98, layout
  and captured_at 1.00) on every 4th image of ``dev/`` sorted by name,
  starting with the first: 12 images, all four layouts, light and dark,
  PNG and JPEG, every style. The default engine is "auto", which is RapidOCR
  once the ``rapidocr`` extra is installed — as CI installs it. Without the
  extra the default is Tesseract, which does not meet the targets: CI fails
  (the extra is part of what CI must test), a user's clone skips.
* **Tesseract does not regress** (it is the engine every install has): every
  4th image starting with the third (the 12 images the first check does not
  use; again all four layouts and dark mode) must stay at floors set just
  under the figures it reached when the floors were set, so that losing a few
  messages or a few points of CER fails.

Both run the real CLI path (``ocr.cli.run_extract``, 2 workers), so the batch
code and the JSON shape are under test too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ocr.cli import run_extract
from ocr.engine import default_engine_name

TARGETS = {
    "recall": 0.97,
    "precision": 0.97,
    "sender_acc": 0.97,
    "time_acc": 0.95,
    "direction_acc": 0.98,
    "layout_acc": 1.0,
    "captured_at_acc": 1.0,
}
CER_TARGET = 0.03

# Tesseract (chi_sim, 5.3) on its subset when these were set: recall 0.962,
# precision 0.962, CER 0.094, sender 0.910, time 0.962, direction 0.962 (78
# gold messages: one message more lost is -0.013 and fails).
TESSERACT_FLOORS = {
    "recall": 0.95,
    "precision": 0.95,
    "sender_acc": 0.89,
    "time_acc": 0.95,
    "direction_acc": 0.95,
    "layout_acc": 1.0,
    "captured_at_acc": 1.0,
}
TESSERACT_CER_CEILING = 0.11


def _dev_images(dev: Path) -> list[Path]:
    return sorted(p for p in dev.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))


def _score(shared_dir: Path, images: list[Path], engine: str, tmp_path: Path) -> dict[str, float]:
    gold = tmp_path / "gold"
    gold.mkdir()
    for img in images:
        src = img.with_suffix(".json")
        (gold / src.name).write_bytes(src.read_bytes())
    pred = tmp_path / "pred"
    assert run_extract([str(p) for p in images], str(pred), engine=engine, workers=2) == 0
    res = subprocess.run(
        [sys.executable, str(shared_dir / "corpus" / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    scores = json.loads(res.stdout)
    print(engine, json.dumps(scores["overall"]), json.dumps(scores["by_layout"]))
    real = default_engine_name() if engine == "auto" else engine
    for img in images:  # the engine recorded is the real one, never "auto"
        assert json.loads((pred / (img.stem + ".json")).read_text(encoding="utf-8"))["engine"] == real
    return {k: float(v) for k, v in scores["overall"].items()}


def _failures(overall: dict[str, float], floors: dict[str, float], cer_ceiling: float) -> list[str]:
    bad = [f"{k} {overall[k]:.3f} < {v}" for k, v in floors.items() if overall[k] < v]
    if overall["cer"] > cer_ceiling:
        bad.append(f"cer {overall['cer']:.3f} > {cer_ceiling}")
    return bad


def test_default_engine_meets_the_targets(shared_dir: Path, tmp_path: Path) -> None:
    if default_engine_name() != "rapidocr":
        msg = "the default engine is not RapidOCR (extra 'screenproof[rapidocr]' not installed)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + ": CI must install it")
        pytest.skip(msg)
    images = _dev_images(shared_dir / "corpus" / "dev")[::4]
    overall = _score(shared_dir, images, "auto", tmp_path)
    assert not _failures(overall, TARGETS, CER_TARGET), overall


def test_tesseract_does_not_regress(shared_dir: Path, tmp_path: Path) -> None:
    images = _dev_images(shared_dir / "corpus" / "dev")[2::4]
    overall = _score(shared_dir, images, "tesseract", tmp_path)
    assert not _failures(overall, TESSERACT_FLOORS, TESSERACT_CER_CEILING), overall
