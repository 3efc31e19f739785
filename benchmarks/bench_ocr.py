"""Speed of the extractor against the same engine's raw whole-page call, for both engines, in one run.

Usage: ``.venv/bin/python benchmarks/bench_ocr.py [IMAGE_DIR] [--n N] [--engine NAME ...] [--batch]``
(default: ``../shared/corpus/dev``, else ``tests/data/ocr``; engines: tesseract
and rapidocr when installed).

For each engine, on the same images in the same run (so machine load cancels
out), one core's work (``OMP_THREAD_LIMIT=1``, one onnxruntime thread, as in a
batch worker):

* s/image of the engine's raw whole-page call, the plain reading a naive
  extractor would make: for Tesseract the binary on the file
  (``tesseract IMAGE - -l LANG``, its default page segmentation), for RapidOCR
  one call of the library on the whole page (same models and settings);
* s/image of ``ocr.extract`` (engine created once, warmed up), timed image
  by image alternately with the raw call, so that a change of load on a
  shared machine hits both;
* the ratio extractor / raw (issue 11's target: ≤ 1.2);
* the same ratio in CPU seconds (this process and its Tesseract
  subprocesses): on a machine shared with other work, wall time stretches
  with the load and the wall ratio with it, CPU time much less;
* with ``--batch``, batch throughput with 1 and 2 worker processes (``ocr.batch``).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
# One onnxruntime thread, as in a batch worker: every figure is then one core's
# work, comparable with single-threaded Tesseract and with "batch 1 worker".
os.environ["SCREENPROOF_ORT_THREADS"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr.batch import extract_paths
from ocr.engines.rapidocr import rapidocr_installed
from ocr.engines.registry import get_engine
from ocr.extract import extract
from ocr.recognition import OcrEngine

# Issue 11: the extractor may cost at most this many times the engine's own reading.
TARGET_RATIO = 1.2


def _images(folder: Path, n: int) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))
    return files[:n]


def _raw_call(engine: OcrEngine) -> Callable[[Path], object]:
    """The engine's plain whole-page reading of one file."""
    if engine.name == "tesseract":
        lang = getattr(engine, "lang", "chi_sim")
        return lambda p: subprocess.run(["tesseract", str(p), "-", "-l", lang], capture_output=True, check=True)
    import cv2

    rapid = engine._ocr  # type: ignore[attr-defined]  # the RapidOCR object the engine drives
    return lambda p: rapid(cv2.imread(str(p)))


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished subprocesses (Tesseract)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _bench(name: str, images: list[Path], batch: bool) -> float:
    """Raw call and extractor image by image, alternately, so a change of machine load hits both."""
    engine = get_engine(name)
    raw_call = _raw_call(engine)
    raw_call(images[0])  # warm-up: model load
    extract(images[0], engine=engine)  # warm-up: imports
    raw = ours = raw_cpu = ours_cpu = 0.0
    for p in images:
        c0, t0 = _cpu(), time.perf_counter()
        raw_call(p)
        c1, t1 = _cpu(), time.perf_counter()
        extract(p, engine=engine)
        c2, t2 = _cpu(), time.perf_counter()
        raw += t1 - t0
        ours += t2 - t1
        raw_cpu += c1 - c0
        ours_cpu += c2 - c1
    raw /= len(images)
    ours /= len(images)
    ratio = ours / raw
    print(f"{engine.name:9s} raw whole page {raw:5.2f} s/image, extractor {ours:5.2f} s/image, "
          f"ratio {ratio:.2f} ({'within' if ratio <= TARGET_RATIO else 'over'} the {TARGET_RATIO} target)")
    print(f"{'':9s} CPU: raw {raw_cpu / len(images):5.2f} s/image, extractor {ours_cpu / len(images):5.2f} s/image, "
          f"ratio {ours_cpu / raw_cpu:.2f}")
    if batch:
        for workers in (1, 2):
            t0 = time.perf_counter()
            n = sum(1 for _ in extract_paths(images, engine=engine.name, workers=workers))
            wall = time.perf_counter() - t0
            print(f"{'':9s} batch {workers} worker(s): {wall / n:.2f} s/image ({n / wall:.2f} images/s, incl. start-up)")
    return ratio


def main() -> int:
    repo = Path(__file__).resolve().parent.parent
    default = repo.parent / "shared" / "corpus" / "dev"
    if not default.is_dir():
        default = repo / "tests" / "data" / "ocr"
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(default))
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--engine", nargs="+", default=None, help="tesseract and/or rapidocr (default: both installed)")
    ap.add_argument("--batch", action="store_true", help="also time ocr.batch with 1 and 2 workers")
    a = ap.parse_args()
    engines = a.engine or (["tesseract", "rapidocr"] if rapidocr_installed() else ["tesseract"])
    images = _images(Path(a.folder), a.n)
    print(f"{len(images)} images from {a.folder}, one core per engine")
    ratios = {name: _bench(name, images, a.batch) for name in engines}
    print("ratios extractor / raw: " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
