"""``tests/ocr/scoring.py`` agrees with the corpus's ``score.py``, figure for figure.

The randomised-skin test scores with the test tree's copy (CI must not depend
on ``../shared`` for it), so the copy is checked against the original on the
dev corpus: real extractions of two dev images, and every dev label (and eight randomised-skin labels) damaged
in the ways extractors go wrong (missed and extra messages, edited texts,
senders with a ``+86`` prefix or dashes, shifted minutes, a missing ``date``
key, flipped directions, a wrong layout, a missing prediction file).
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from ocr.extract import extract
from tests.ocr import scoring
from tests.ocr.skins import LAYOUTS, render


def _damage(gold: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    if rng.random() < 0.05:
        return None  # no prediction file at all
    pred = copy.deepcopy(gold)
    pred.pop("render", None)
    msgs: list[dict[str, Any]] = pred["messages"]
    out: list[dict[str, Any]] = []
    for m in msgs:
        r = rng.random()
        if r < 0.1:
            continue  # missed
        if r < 0.2:
            text = m.get("text") or ""
            k = rng.randrange(len(text) + 1)
            m["text"] = text[:k] + rng.choice(["x", "", "口"]) + text[k + 1 :]
        if rng.random() < 0.15 and m.get("sender") not in (None, "me"):
            m["sender"] = rng.choice(["+86", "0086", ""]) + "-".join(str(m["sender"]))
        if rng.random() < 0.15 and m.get("time"):
            m["time"] = m["time"][:-1] + str((int(m["time"][-1]) + 1) % 10)
        if rng.random() < 0.1:
            m.pop("date", None)
        if rng.random() < 0.1:
            m["direction"] = "outgoing" if m.get("direction") == "incoming" else "incoming"
        out.append(m)
        if rng.random() < 0.08:
            out.append({"kind": m.get("kind"), "direction": "incoming", "sender": "?", "time": None,
                        "text": rng.choice(["下午2:32", "短信", (m.get("text") or "")[: 6]])})
    pred["messages"] = out
    if rng.random() < 0.1:
        pred["layout"] = "sms_thread" if gold["layout"] != "sms_thread" else "chat_thread"
    if rng.random() < 0.1:
        pred["captured_at"] = None
    if rng.random() < 0.1:
        pred["thread_title"] = None
    return pred


def _score_py(shared: Path, gold: Path, pred: Path) -> dict[str, Any]:
    res = subprocess.run(
        [sys.executable, str(shared / "corpus" / "score.py"), str(gold), str(pred), "--json", "--per-image"],
        capture_output=True, text=True, check=True,
    )
    out: dict[str, Any] = json.loads(res.stdout)
    return out


def _ours(gold_dir: Path, pred_dir: Path) -> tuple[dict[str, Any], dict[str, dict[str, float]]]:
    pairs = []
    per_image: dict[str, dict[str, float]] = {}
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pf = pred_dir / gf.name
        pred = json.loads(pf.read_text(encoding="utf-8")) if pf.exists() else None
        pairs.append((gold, pred))
        per_image[gf.stem] = scoring.summarise(scoring.score_image(gold, pred))
    return scoring.score_pairs(pairs), per_image


def _assert_same(theirs: dict[str, Any], ours: dict[str, Any], where: str) -> None:
    for k, v in theirs.items():
        if isinstance(v, float):
            assert abs(v - ours[k]) < 1e-12, f"{where}: {k} score.py {v} != ours {ours[k]}"
        elif k in ours:
            assert v == ours[k], f"{where}: {k} score.py {v} != ours {ours[k]}"


def test_scoring_agrees_with_score_py_on_dev(shared_dir: Path, tmp_path: Path) -> None:
    dev = shared_dir / "corpus" / "dev"
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    labels = sorted(dev.glob("*.json"))
    assert len(labels) >= 40
    rng = random.Random(11)
    for gf in labels:
        (gold_dir / gf.name).write_bytes(gf.read_bytes())
        pred = _damage(json.loads(gf.read_text(encoding="utf-8")), rng)
        if pred is not None:
            (pred_dir / gf.name).write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    for seed in range(8):  # the randomised skins' labels read the same way
        screen = render(seed, LAYOUTS[seed % 4])
        stem = f"skin{seed}_" + screen.name.rsplit(".", 1)[0]
        (gold_dir / f"{stem}.json").write_text(json.dumps(screen.gold, ensure_ascii=False), encoding="utf-8")
        pred = _damage(screen.gold, rng)
        if pred is not None:
            (pred_dir / f"{stem}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    # two real extractions (a call log and an inbox: keys on sender + text, and snippets)
    for stem in ("Screenshot_2024-10-15-12-08-05-887_com.google.android.dialer",
                 "Screenshot_2024-11-02-20-00-16-450_com.android.mms"):
        image = next(p for p in dev.iterdir() if p.stem == stem and p.suffix != ".json")
        doc = extract(image, engine="tesseract").to_json()
        (pred_dir / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    theirs = _score_py(shared_dir, gold_dir, pred_dir)
    ours, per_image = _ours(gold_dir, pred_dir)
    _assert_same(theirs["overall"], ours["overall"], "overall")
    assert list(theirs["by_layout"]) == list(ours["by_layout"])
    for layout, figures in theirs["by_layout"].items():
        _assert_same(figures, ours["by_layout"][layout], layout)
    assert len(theirs["images"]) == len(per_image)
    for row in theirs["images"]:
        _assert_same(row, per_image[row["image"]], row["image"])
    # the damage was real: the check compared something other than perfect scores
    assert ours["overall"]["recall"] < 0.97 and ours["overall"]["missing_predictions"] >= 1
