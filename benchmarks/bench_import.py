"""Import speed: 200 screenshot-sized PNGs into a fresh case (no OCR).

Run: .venv/bin/python -m benchmarks.bench_import [N]
Prints seconds in all, per file, and MB/s, so a regression in hashing or the
atomic write path shows as a ratio, not a flaky timed test.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from casefile.importer import ImportResult, Outcome, import_paths
from casefile.store import CaseStore


def make_screens(folder: Path, n: int) -> int:
    """Phone-like PNGs (1080x2400, flat colours and text-like strokes), about 100-200 kB each."""
    rnd = random.Random(1)
    total = 0
    for i in range(n):
        im = Image.new("RGB", (1080, 2400), (237, 237, 237))
        d = ImageDraw.Draw(im)
        y = 200
        while y < 2300:
            h = rnd.randint(90, 260)
            x0 = rnd.choice((40, 300))
            d.rounded_rectangle((x0, y, x0 + 700, y + h), 24, fill=(255, 255, 255))
            for line in range(y + 20, y + h - 20, 44):
                for x in range(x0 + 30, x0 + 660, 34):
                    if rnd.random() < 0.85:
                        d.rectangle((x, line, x + 26, line + 26), fill=(rnd.randint(0, 60),) * 3)
            y += h + 40
        p = folder / f"Screenshot_20250310-{i // 3600 % 24:02d}{i // 60 % 60:02d}{i % 60:02d}.png"
        im.save(p, optimize=False)
        total += p.stat().st_size
    return total


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        size = make_screens(src, n)
        t0 = time.perf_counter()
        with CaseStore.open(Path(tmp) / "case") as store:
            results = [r for r in import_paths(store, [src]) if isinstance(r, ImportResult)]
        dt = time.perf_counter() - t0
    ok = sum(r.outcome is Outcome.IMPORTED for r in results)
    print(f"imported {ok}/{n} files, {size / 1e6:.1f} MB in {dt:.2f} s: "
          f"{dt / n * 1000:.1f} ms/file, {size / 1e6 / dt:.1f} MB/s")


if __name__ == "__main__":
    main()
