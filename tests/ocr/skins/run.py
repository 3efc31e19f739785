"""Render a batch of random screens, extract them, score them: shared by the CI test and the script.

A batch is named by one *master seed*: screen ``i`` is ``render(master *
SEEDS_PER_MASTER + i, LAYOUTS[i % 4])``, so every layout gets the same
number of screens and one number replays the whole batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocr.batch import extract_paths
from tests.ocr import scoring
from tests.ocr.skins.screen import LAYOUTS, render

SEEDS_PER_MASTER = 100_000  # screens per master seed: far more than any batch draws


@dataclass(frozen=True)
class Rendered:
    image: Path
    gold: dict[str, Any]


def screen_seed(master: int, i: int) -> int:
    return master * SEEDS_PER_MASTER + i


def render_batch(master: int, per_layout: int, folder: Path, layouts: tuple[str, ...] = LAYOUTS) -> list[Rendered]:
    """Write ``per_layout`` screens of each layout (images + gold JSON) into ``folder``."""
    out = []
    for i in range(per_layout * len(layouts)):
        screen = render(screen_seed(master, i), layouts[i % len(layouts)])
        path = screen.save(folder)
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        out.append(Rendered(path, gold))
    return out


def extract_batch(batch: list[Rendered], engine: str, pred_dir: Path, workers: int = 2) -> dict[Path, dict[str, Any]]:
    """Extract every image with ``engine`` (one process per worker); write and return the JSON."""
    pred_dir.mkdir(parents=True, exist_ok=True)
    preds: dict[Path, dict[str, Any]] = {}
    for path, ex in extract_paths([r.image for r in batch], engine=engine, workers=workers):
        doc = ex.to_json()
        (pred_dir / (path.stem + ".json")).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        preds[path] = doc
    return preds


def score_batch(batch: list[Rendered], preds: dict[Path, dict[str, Any]], group: str = "layout") -> dict[str, Any]:
    return scoring.score_pairs([(r.gold, preds.get(r.image)) for r in batch], group=group)


def worst_images(batch: list[Rendered], preds: dict[Path, dict[str, Any]], k: int = 6) -> list[str]:
    """The ``k`` screens with the most lost characters: name, seed, family, recall, CER, layout read."""
    rows = []
    for r in batch:
        pred = preds.get(r.image)
        c = scoring.score_image(r.gold, pred)
        s = scoring.summarise(c)
        render_info = r.gold.get("render", {})
        rows.append((c["cer_err"], f"{r.image.name} seed={render_info.get('seed')} {render_info.get('family')} "
                     f"{r.gold['layout']}→{(pred or {}).get('layout')} recall={s['recall']:.2f} "
                     f"cer={s['cer']:.2f} sender={s['sender_acc']:.2f}"))
    rows.sort(key=lambda x: -x[0])
    return [text for _, text in rows[:k]]
