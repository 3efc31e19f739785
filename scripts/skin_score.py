"""Figures per layout and per skin family on randomised phone screens (tests/ocr/skins).

    python scripts/skin_score.py --seed 7 --per-layout 40 --engine rapidocr --out /tmp/skins
    python scripts/skin_score.py --seed 7 --per-layout 40 --render-only --out /tmp/skins
    python scripts/skin_score.py --seed 1 2 3 4 5 6 7 8 9 10 --per-layout 4 --engine tesseract --out /tmp/s

Renders ``--per-layout`` screens of each layout for each master seed (the
same seed always draws the same screens: a seed printed by the CI test
``tests/ocr/test_random_skins.py`` gives its screens with ``--per-layout 4``;
several seeds also print the spread between batches), writes the images and their gold JSON
into ``OUT/gold``, extracts them with the engine into ``OUT/pred-ENGINE`` and
prints the corpus scorer's figures by layout and by skin family, then the
screens that lost the most characters. ``OUT/gold`` and ``OUT/pred-ENGINE``
are what ``../shared/corpus/score.py GOLD PRED`` reads, so anyone can score
their own branch on the same screens. Run from the repository root.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract single-threaded, one process per core (STACK.md)


def main(argv: list[str] | None = None) -> int:
    from tests.ocr import scoring
    from tests.ocr.skins.run import extract_batch, render_batch, score_batch, worst_images
    from tests.ocr.skins.screen import LAYOUTS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, nargs="+", default=[1],
                    help="master seed(s) (default 1); with several, figures per seed too (the spread)")
    ap.add_argument("--per-layout", type=int, default=10, help="screens per layout (default 10)")
    ap.add_argument("--layouts", nargs="*", default=list(LAYOUTS), choices=list(LAYOUTS))
    ap.add_argument("--engine", default="auto", help="auto, tesseract or rapidocr")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", required=True, help="folder for gold/ (images + labels) and pred-ENGINE/")
    ap.add_argument("--render-only", action="store_true", help="write images and labels, extract nothing")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    a = ap.parse_args(argv)

    out = Path(a.out)
    gold_dir = out / "gold"
    if gold_dir.exists() and any(gold_dir.iterdir()):
        print(f"{gold_dir} is not empty: choose another --out", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    per_seed = {seed: render_batch(seed, a.per_layout, gold_dir, tuple(a.layouts)) for seed in a.seed}
    batch = [r for b in per_seed.values() for r in b]
    print(f"rendered {len(batch)} screens into {gold_dir} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if a.render_only:
        return 0
    from ocr.engines.registry import resolve_engine_name

    engine = resolve_engine_name(a.engine)
    t0 = time.perf_counter()
    preds = extract_batch(batch, engine, out / f"pred-{engine}", a.workers)
    took = time.perf_counter() - t0
    by_layout = score_batch(batch, preds, "layout")
    by_family = score_batch(batch, preds, "family")
    seeds = {str(seed): score_batch(b, preds)["overall"] for seed, b in per_seed.items()}
    if a.json:
        print(json.dumps({"seeds": seeds, "engine": engine, "seconds": round(took, 1), **by_layout,
                          "by_family": by_family["by_family"]}, ensure_ascii=False, indent=1))
        return 0
    print(f"engine {engine}, master seed(s) {' '.join(map(str, a.seed))}, {len(batch)} screens, extraction {took:.0f} s "
          f"({took / max(1, len(batch)):.2f} s/screen on {a.workers} workers)")
    print()
    print(scoring.format_table(by_layout, "layout"))
    print()
    print(scoring.format_table(by_family, "family"))
    print()
    if len(seeds) > 1:
        print("per master seed (the spread between batches):")
        for seed, o in seeds.items():
            print(f"  seed {seed:>10}: recall {o['recall']:.3f} precision {o['precision']:.3f} CER {o['cer']:.3f} "
                  f"sender {o['sender_acc']:.3f} layout {o['layout_acc']:.3f}")
        print()
    print("screens that lost the most characters:")
    for line in worst_images(batch, preds, 12):
        print("  " + line)
    print(f"\nscore.py: python ../shared/corpus/score.py {gold_dir} {out / f'pred-{engine}'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
