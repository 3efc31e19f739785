"""How well a box drawn over a message reads (``ocr.region``), against the labels.

Usage: ``.venv/bin/python benchmarks/region_agreement.py ENGINE LABEL.json...``
(e.g. ``tesseract ../shared/corpus/dev/IMG_5043.json``).

For every message the page parser found and matched to a label (text at
least 50 % similar), the box a user would draw (the message's box with 2 % of
the width of air) is read as one unit of the page's layout, and the reading
is compared with the label: text similarity ≥ 0.8, exact sender, exact time.
Time is only comparable for list rows and for bubbles with a time inside the
box; chat bubbles take their time from a separator outside it. Accuracy, not
speed: it lives here because it reads ``../shared``, which tests may not need.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
os.environ.setdefault("SCREENPROOF_ORT_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr.extract import extract, load_image
from ocr.model import Box
from ocr.region import read_region
from tests.ocr.list_cases import similarity

PAD_SHARE = 0.02  # the air people leave around a message when they draw a box


def main(engine: str, labels: list[Path]) -> None:
    n = ok_text = ok_sender = ok_time = 0
    for label in labels:
        gold = json.loads(label.read_text(encoding="utf-8"))["messages"]
        image_path = next(p for p in label.parent.glob(label.stem + ".*") if p.suffix != ".json")
        ex = extract(image_path, engine=engine)
        image, _meta = load_image(image_path)
        pad = int(PAD_SHARE * image.shape[1])
        used: set[int] = set()
        for m in ex.messages:
            free = [i for i in range(len(gold)) if i not in used]
            if m.box is None or not free:
                continue
            best = max(free, key=lambda i: similarity(m.text, gold[i]["text"]))
            g = gold[best]
            if similarity(m.text, g["text"]) < 0.5:
                continue
            used.add(best)
            box = Box(m.box.x - pad, m.box.y - pad, m.box.w + 2 * pad, m.box.h + 2 * pad)
            got = read_region(image, box, ex.layout, ex.captured_at, ex.thread_title, engine)
            n += 1
            if not got:
                print(f"  nothing read: {label.name}")
                continue
            r = got[0]
            ok_text += similarity(r.text, g["text"]) >= 0.8
            ok_sender += r.sender == g["sender"]
            ok_time += (r.time.strftime("%Y-%m-%dT%H:%M") if r.time else None) == g["time"]
    print(f"{engine}: boxes {n}, text>=0.8 {ok_text}, sender {ok_sender}, time {ok_time}")


if __name__ == "__main__":
    main(sys.argv[1], [Path(p) for p in sys.argv[2:]])
