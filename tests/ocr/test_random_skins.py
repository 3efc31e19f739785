"""The extractor on phone screens it has never seen: fresh random skins on every run.

Every run draws a new *master seed* (``os.urandom``) and renders
``PER_LAYOUT`` screens of each layout with random skins (tests/ocr/skins),
extracts them with the default engine and with Tesseract, and scores them
with the corpus scorer's rules (tests/ocr/scoring.py). A failure prints the
master seed; ``SCREENPROOF_SKIN_SEED=<seed> pytest tests/ocr/test_random_skins.py``
replays exactly the same screens, and ``scripts/skin_score.py --seed <seed>``
writes them out for ``score.py``.

The floors are what the parsers achieve today minus the spread between seeds,
not the issue's targets: they stop a regression; raise them with every gain.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ocr.engines.registry import default_engine_name
from tests.ocr import scoring
from tests.ocr.skins import FAMILIES, LAYOUTS, render
from tests.ocr.skins.run import Rendered, extract_batch, render_batch, score_batch, worst_images

# Screens per layout and run: 16 screens, about 60 s for both engines on two
# cores (RapidOCR ~3.5 s, Tesseract ~1.3 s a screen on one core).
PER_LAYOUT = 4

# Issue 11's targets: recall ≥ 0.95 and CER ≤ 0.03 with the default engine,
# recall ≥ 0.93 and CER ≤ 0.05 with Tesseract. Today's parsers are far from
# them on skins they were not fitted to, so the floors are today's figures
# minus the spread of 16-screen batches: measured with
#   scripts/skin_score.py --seed 1 2 3 4 5 6 7 8 9 10 --per-layout 4 --engine ENGINE
# (160 screens = ten batches of this test's size; mean, standard deviation and
# worst of the ten batches given below), floor ≈ mean − 3 sd, rounded down.
# Raise them with every gain.
# Measured after faint bubbles, silhouette avatars and clocks under bubbles
# (issue 11, Dec 2026, branch x-skins), one worker, ten batches each: RapidOCR on
# master seeds 1-10, Tesseract on 1-10 (160 screens per engine; seeds 6-10 drawn
# fresh, never looked at while fixing). Floor = mean - 3 sd, ceiling = mean + 3 sd,
# rounded outwards. Earlier floors in brackets.
DEFAULT_RECALL_FLOOR = 0.90  # (0.86) RapidOCR: batches mean 0.971, sd 0.024, worst 0.922
DEFAULT_CER_CEILING = 0.16  # (0.23) RapidOCR: batches mean 0.035, sd 0.039, worst 0.129
TESSERACT_RECALL_FLOOR = 0.84  # (0.82) Tesseract: batches mean 0.934, sd 0.031, worst 0.896
TESSERACT_CER_CEILING = 0.19  # (0.27) Tesseract: batches mean 0.068, sd 0.040, worst 0.143
# Per layout, seeds 1-5 (Tesseract / RapidOCR; recall, CER, layout):
# sms_thread 0.957 0.020 1.00 / 0.965 0.022 0.90; sms_inbox 0.982 0.044 1.00 / 0.994 0.010 1.00;
# chat_thread 0.911 0.032 1.00 / 0.984 0.024 1.00; call_log 0.943 0.546 0.90 / 0.977 0.000 1.00.
# Seeds 6-10: sms_thread 0.835 0.141 0.85 / 0.874 0.114 0.85 (One UI bubbles 4 levels
# from the page in a JPEG are still missed); chat_thread 0.891 0.036 0.95 / 0.973 0.008 0.95.

SEED_ENV = "SCREENPROOF_SKIN_SEED"


def _master_seed() -> int:
    given = os.environ.get(SEED_ENV, "").strip()
    if given:
        return int(given)
    return int.from_bytes(os.urandom(4), "big")


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, list[Rendered], Path]]:
    master = _master_seed()
    root = tmp_path_factory.mktemp("skins")
    batch = render_batch(master, PER_LAYOUT, root / "gold")
    yield master, batch, root


def _check(master: int, batch: list[Rendered], preds: dict[Path, dict[str, Any]], engine: str,
           recall_floor: float, cer_ceiling: float) -> None:
    res = score_batch(batch, preds)
    overall = res["overall"]
    report = (
        f"\n{engine} on {len(batch)} random screens, master seed {master} "
        f"(replay: {SEED_ENV}={master} pytest {Path(__file__).name}; "
        f"images: python scripts/skin_score.py --seed {master} --per-layout {PER_LAYOUT} --out DIR)\n"
        + scoring.format_table(res) + "\nworst screens:\n  " + "\n  ".join(worst_images(batch, preds))
    )
    print(report)
    bad = []
    if overall["recall"] < recall_floor:
        bad.append(f"recall {overall['recall']:.3f} < floor {recall_floor}")
    if overall["cer"] > cer_ceiling:
        bad.append(f"CER {overall['cer']:.3f} > ceiling {cer_ceiling}")
    assert not bad, "; ".join(bad) + report


def test_default_engine_on_random_skins(screens: tuple[int, list[Rendered], Path]) -> None:
    if default_engine_name() != "rapidocr" and os.environ.get("CI", "").lower() == "true":
        pytest.fail("the default engine is not RapidOCR: CI must install the extra 'screenproof[rapidocr]'")
    master, batch, root = screens
    engine = default_engine_name()
    preds = extract_batch(batch, engine, root / f"pred-{engine}")
    if engine == "rapidocr":
        _check(master, batch, preds, engine, DEFAULT_RECALL_FLOOR, DEFAULT_CER_CEILING)
    else:  # a clone without the rapidocr extra: the default is Tesseract, held to its own floors
        _check(master, batch, preds, engine, TESSERACT_RECALL_FLOOR, TESSERACT_CER_CEILING)


def test_tesseract_on_random_skins(screens: tuple[int, list[Rendered], Path]) -> None:
    master, batch, root = screens
    preds = extract_batch(batch, "tesseract", root / "pred-tesseract")
    _check(master, batch, preds, "tesseract", TESSERACT_RECALL_FLOOR, TESSERACT_CER_CEILING)


# ---------------------------------------------------------------------------
# The renderer's labels keep SCHEMA.md's rules (no OCR: fast)
# ---------------------------------------------------------------------------

_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_every_layout_and_family_renders_with_labels_that_keep_the_schema() -> None:
    master = _master_seed()
    seen: set[tuple[str, str]] = set()
    for i in range(28):
        layout = LAYOUTS[i % 4]
        screen = render(master * 1000 + i, layout)
        gold = screen.gold
        where = f"seed {master * 1000 + i} ({SEED_ENV}={master})"
        seen.add((layout, gold["render"]["family"]))
        assert gold["layout"] == layout and gold["messages"], where
        assert screen.image.width in range(300, 1441), where
        if gold["captured_at"] is not None:  # the capture time is in the file name, to the second
            stamp = gold["captured_at"].replace("-", "").replace("T", "").replace(":", "")
            assert stamp in re.sub(r"\D", "", screen.name), where
        if layout in ("sms_inbox", "call_log"):
            assert gold["thread_title"] is None, where
        else:
            assert gold["thread_title"], where
        for m in gold["messages"]:
            assert m["kind"] == {"sms_thread": "sms", "sms_inbox": "sms", "chat_thread": "chat",
                                 "call_log": "call"}[layout], where
            assert m["direction"] in (("incoming", "outgoing", "missed") if layout == "call_log"
                                      else ("incoming", "outgoing")), where
            assert m["time"] is None or _MINUTE.match(m["time"]), where
            assert m["date"] is None or _DAY.match(m["date"]), where
            if m["time"] is not None:
                assert m["date"] == m["time"][:10], where
                assert gold["captured_at"] is None or m["time"] <= gold["captured_at"][:16], where
            if m["direction"] == "outgoing" and layout != "call_log":
                assert m["sender"] == "me", where
            else:  # a number is written without spaces or dashes (SCHEMA.md)
                assert m["sender"] and m["sender"] != "me", where
                if re.fullmatch(r"[\d +\-]+", m["sender"]):
                    assert re.fullmatch(r"\+?\d+", m["sender"]), where
            assert not m["text"].endswith("…"), where
            if layout != "call_log":
                assert m["text"], where
    assert {layout for layout, _ in seen} == set(LAYOUTS)
    assert len({family for _, family in seen}) >= 6, seen
    assert {family for _, family in seen} <= set(FAMILIES)


def test_the_same_seed_draws_the_same_screen() -> None:
    a, b = render(424242, "call_log"), render(424242, "call_log")
    assert a.gold == b.gold and a.name == b.name
    assert a.image.tobytes() == b.image.tobytes()
