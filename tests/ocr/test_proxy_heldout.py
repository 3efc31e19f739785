"""The corpus's skins in another font with another phrase bank: the issue's held-out row, on screens we can look at.

The team's held-out set (the dev skins drawn in another font, with another
phrase bank, half of them dark, more JPEG and downscaling, more screen sizes)
is kept from us; its generator is ``../shared/corpus/generate.py --variant
heldout`` and wants a bank module. ``scripts/proxy_heldout_bank.py`` is ours:
invented phrases disjoint from the dev bank, body text in WenQuanYi. The
default engine must meet the issue's target for that row, the dev targets.

Fixed seed (202, never looked at while fixing): the screens are the same on
every run, so a drop is the code's. It runs wherever ``../shared`` exists, and
fails in CI when it does not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.cmd_extract import run_extract
from ocr.engines.registry import default_engine_name

REPO = Path(__file__).resolve().parents[2]
BANK = REPO / "scripts" / "proxy_heldout_bank.py"
SEED = 202
COUNT = 24  # a quarter of each layout's share of the generator's plan; about 40 s on two cores
# The target for "synthetic with another font and phrase bank": the dev targets.
FLOORS = {"recall": 0.97, "precision": 0.97, "sender_acc": 0.97, "direction_acc": 0.98, "layout_acc": 1.0}
CER_CEILING = 0.03


def test_the_default_engine_meets_the_dev_targets_in_another_font_and_phrase_bank(
    shared_dir: Path, tmp_path: Path
) -> None:
    if default_engine_name() != "rapidocr" and os.environ.get("CI", "").lower() == "true":
        pytest.fail("the default engine is not RapidOCR: CI must install the extra 'screenproof[rapidocr]'")
    gold = tmp_path / "gold"
    made = subprocess.run(
        [sys.executable, str(shared_dir / "corpus" / "generate.py"), "--variant", "heldout", "--bank", str(BANK),
         "--seed", str(SEED), "--count", str(COUNT), "--out", str(gold)],
        capture_output=True, text=True,
    )
    assert made.returncode == 0, f"the generator failed (fonts: scripts/install-system-deps.sh test):\n{made.stderr}"
    images = sorted(p for p in gold.iterdir() if p.suffix in (".png", ".jpg"))
    assert len(images) == COUNT
    pred = tmp_path / "pred"
    assert run_extract([str(p) for p in images], str(pred), engine="auto", workers=2) == 0
    res = subprocess.run(
        [sys.executable, str(shared_dir / "corpus" / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    scores = json.loads(res.stdout)
    overall = scores["overall"]
    print(json.dumps(overall), json.dumps(scores["by_layout"]))
    bad = [f"{k} {overall[k]:.3f} < {v}" for k, v in FLOORS.items() if overall[k] < v]
    if overall["cer"] > CER_CEILING:
        bad.append(f"cer {overall['cer']:.3f} > {CER_CEILING}")
    assert not bad, f"seed {SEED}: {bad}"
