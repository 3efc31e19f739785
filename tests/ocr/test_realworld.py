"""Real screenshots (``../shared/realworld``, hand-labelled) that showed shapes the corpus lacks.

Each test names the screenshot and the behaviour it pinned down and asserts what
its label says; the last one scores all 29 with both engines (direction and date
included) against floors set just under the figures reached, so a regression on
real screens fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.cmd_extract import run_extract
from ocr.engines.rapidocr import rapidocr_installed
from ocr.extract import extract
from ocr.model import Direction


def _rw(shared_dir: Path, stem: str) -> Path:
    return shared_dir / "realworld" / f"{stem}.jpg"


def test_a_bubble_cut_off_by_the_input_bar_is_listed(shared_dir: Path) -> None:
    """01: the last bubble shows half a line above the bar; its outline is holey (fill 0.73)."""
    x = extract(_rw(shared_dir, "01_wechat-ios-classical-longtext"), engine="tesseract")
    assert [m.direction for m in x.messages] == [Direction.OUTGOING, Direction.OUTGOING, Direction.INCOMING]
    assert x.messages[-1].sender == x.thread_title == "刘露阳（女朋友）"  # the label's, full-width


def test_title_through_a_translucent_bar_and_short_bubbles_beside_avatars(shared_dir: Path) -> None:
    """06: the title sits on a blurred bubble; "ok" bubbles are as small as avatars; the
    first outgoing message is the bottom edge of a bubble scrolled under the title bar."""
    x = extract(_rw(shared_dir, "06_wechat-ios-monthday-longtext"), engine="tesseract")
    assert (x.thread_title or "").replace(" ", "") == "王娜中介"
    outgoing = [m.text.lower() for m in x.messages if m.direction is Direction.OUTGOING]
    assert len(outgoing) == 5, outgoing  # as the label: the cut-off one (no text) and each "ok"
    assert outgoing[0] == "" and all("ok" in t for t in outgoing[2:]), outgoing


def test_pictures_in_a_group_chat_are_messages(shared_dir: Path) -> None:
    """10: the label has four pictures: the bottom of one cut off at the top (its sender's
    name is off-screen) and three posted by the member above them.

    Measured floor, not the label: the cut-off one is not found, because the page model
    puts the title bar's bottom (symmetry about the title) 30 px below the bar's real
    edge, over the picture's visible strip. The three others are asserted as labelled.
    """
    x = extract(_rw(shared_dir, "10_wechat-android-group-images_20251216_183241"), engine="tesseract")
    pictures = [m for m in x.messages if m.text == ""]
    assert len(pictures) >= 3
    assert all(m.direction is Direction.INCOMING and m.sender for m in pictures[-3:])


def test_a_crop_below_the_title_bar_has_no_title(shared_dir: Path) -> None:
    """18: the crop starts under the app's bar: its first row (a green bubble and its
    avatar) is a message, not a title, as the label says."""
    x = extract(_rw(shared_dir, "18_kourichat-se-wechat-light-crop-clock-separator"), engine="tesseract")
    assert x.thread_title is None
    assert x.messages[0].direction is Direction.OUTGOING and "出门" in x.messages[0].text
    # As the label: 11, the last one ending at the crop's bottom edge beside its
    # avatar (once taken for an input bar and dropped).
    assert len(x.messages) == 11
    assert "如果我求你的话" in x.messages[-1].text and x.messages[-1].direction is Direction.INCOMING


def test_a_date_header_dates_the_rows_under_it(shared_dir: Path) -> None:
    """14: WeChat's forwarded history prints the day once (``2018-3-31``, centred) and a bare
    clock on each row; the label puts every row on that day at its own clock. RapidOCR
    reads the dimmed header (Tesseract does not: its rows stay undated, as the floors say)."""
    x = extract(_rw(shared_dir, "14_wechat-ios-forwarded-history-overlay"), engine="rapidocr")
    assert [m.time.isoformat() if m.time else None for m in x.messages] == [
        "2018-03-31T15:59:00", "2018-03-31T15:59:00", "2018-03-31T18:56:00", "2018-03-31T19:00:00",
    ]


# Floors set just under the figures measured on the 29 when they were last raised
# (222 gold messages: one message more lost is -0.005; Tesseract's canvas reading
# swings by about one message between runs). Raise them with every gain.
# Measured (issue 11, fifth stop: what the title bar cuts; Tesseract precision 0.949 -> 0.953,
# the rest unchanged). Fourth stop (large titles, quotes, lines cut by the title bar, short
# bubbles re-read, one worker):
# Tesseract: recall 0.923 (0.910), precision 0.949 (0.927), CER 0.126 (0.129), sender
# 0.802 (0.788), time 0.905, date 0.905, direction 0.910, layout 0.966.
# RapidOCR: recall 0.941 (0.937), precision 0.968 (0.954), CER 0.093, sender 0.905
# (0.896), time 0.941, date 0.941, direction 0.928, layout 0.966. Most of the CER left
# is 13's four deliberately blurred SMS (SOURCES.md): without them RapidOCR's CER is
# 0.013 and Tesseract's 0.049.
FLOORS = {
    "tesseract": {
        "recall": 0.91, "precision": 0.94, "sender_acc": 0.79, "time_acc": 0.89, "date_acc": 0.89,
        "direction_acc": 0.895, "layout_acc": 0.96,
    },
    "rapidocr": {
        "recall": 0.935, "precision": 0.96, "sender_acc": 0.895, "time_acc": 0.935, "date_acc": 0.935,
        "direction_acc": 0.92, "layout_acc": 0.96,
    },
}
CER_CEILING = {"tesseract": 0.135, "rapidocr": 0.10}


# RapidOCR is an optional extra for users; CI installs it, so there its absence fails.
ENGINES = ["tesseract"] + (["rapidocr"] if rapidocr_installed() or os.environ.get("CI", "").lower() == "true" else [])


@pytest.mark.parametrize("engine", ENGINES)
def test_real_screenshots_do_not_regress(shared_dir: Path, tmp_path: Path, engine: str) -> None:
    rw = shared_dir / "realworld"
    images = sorted(p for p in rw.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    assert len(images) >= 29
    pred = tmp_path / "pred"
    assert run_extract([str(p) for p in images], str(pred), engine=engine, workers=2) == 0
    res = subprocess.run(
        [sys.executable, str(shared_dir / "corpus" / "score.py"), str(rw), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    overall = json.loads(res.stdout)["overall"]
    print(engine, json.dumps(overall))
    bad = [f"{k} {overall[k]:.3f} < {v}" for k, v in FLOORS[engine].items() if overall[k] < v]
    if overall["cer"] > CER_CEILING[engine]:
        bad.append(f"cer {overall['cer']:.3f} > {CER_CEILING[engine]}")
    # SOURCES.md: "Either exclude messages whose notes contain 'deliberately blurred', or
    # expect them to be missed." Excluded, the issue's CER target holds for the default engine.
    legible = _without_deliberately_blurred(rw, tmp_path / "legible")
    res = subprocess.run(
        [sys.executable, str(shared_dir / "corpus" / "score.py"), str(legible), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    cer = json.loads(res.stdout)["overall"]["cer"]
    print(engine, "without the deliberately blurred messages: cer", cer)
    if cer > LEGIBLE_CER_CEILING[engine]:
        bad.append(f"cer without the deliberately blurred {cer:.3f} > {LEGIBLE_CER_CEILING[engine]}")
    assert not bad, overall


# The realworld CER target is 0.08 (default engine); measured 0.013 (RapidOCR)
# and 0.049 (Tesseract) without the blurred messages.
LEGIBLE_CER_CEILING = {"tesseract": 0.06, "rapidocr": 0.03}


def _without_deliberately_blurred(realworld: Path, out: Path) -> Path:
    """The labels with the messages SOURCES.md marks as blurred on purpose left out."""
    out.mkdir()
    dropped = 0
    for src in realworld.glob("*.json"):
        gold = json.loads(src.read_text(encoding="utf-8"))
        kept = [m for m in gold["messages"] if "deliberately blurred" not in (m.get("notes") or "")]
        dropped += len(gold["messages"]) - len(kept)
        gold["messages"] = kept
        (out / src.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert dropped == 4, dropped  # 13's four blurred SMS, and nothing else
    return out
