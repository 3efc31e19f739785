"""Speed of the extractor against raw whole-page Tesseract, as ratios in one run.

Usage: ``.venv/bin/python benchmarks/bench_ocr.py [IMAGE_DIR] [--n N] [--engine NAME]``
(default: ``../shared/corpus/dev``, else ``tests/data/ocr``).

Prints, on the same images in the same run (so machine load cancels out):
* s/image of ``tesseract IMAGE - -l chi_sim+eng`` (OMP_THREAD_LIMIT=1), the
  plain call a naive extractor would make;
* s/image of ``ocr.extract`` (one process, engine created once);
* the ratio extractor / raw (target: ≤ 1);
* with ``--engine rapidocr``, also s/image of one raw RapidOCR call on the
  whole page (same models and settings, no layout logic): the extractor's own
  overhead over the engine it drives;
* batch throughput with 1 and 2 worker processes (``ocr.batch``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
# One onnxruntime thread, as in a batch worker: every figure is then one core's
# work, comparable with single-threaded Tesseract and with "batch 1 worker".
os.environ["SCREENPROOF_ORT_THREADS"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr.batch import extract_paths
from ocr.engines.registry import get_engine
from ocr.extract import extract


def _images(folder: Path, n: int) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))
    return files[:n]


def main() -> int:
    repo = Path(__file__).resolve().parent.parent
    default = repo.parent / "shared" / "corpus" / "dev"
    if not default.is_dir():
        default = repo / "tests" / "data" / "ocr"
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(default))
    ap.add_argument("--n", type=int, default=12)
    # tesseract by default: the ratio to raw tesseract is about our own overhead.
    ap.add_argument("--engine", default="tesseract", help="tesseract (default), rapidocr or auto")
    a = ap.parse_args()
    images = _images(Path(a.folder), a.n)
    print(f"{len(images)} images from {a.folder}")

    t0 = time.perf_counter()
    for p in images:
        subprocess.run(["tesseract", str(p), "-", "-l", "chi_sim+eng"], capture_output=True, check=True)
    raw = (time.perf_counter() - t0) / len(images)

    engine = get_engine(a.engine)
    a.engine = engine.name  # "auto" resolved: report the engine that ran
    extract(images[0], engine=engine)  # warm-up: model load, imports
    t0 = time.perf_counter()
    for p in images:
        extract(p, engine=engine)
    ours = (time.perf_counter() - t0) / len(images)

    print(f"raw tesseract whole page : {raw:.2f} s/image")
    print(f"extractor ({a.engine:9s})   : {ours:.2f} s/image")
    print(f"ratio extractor / raw    : {ours / raw:.2f}")
    if a.engine == "rapidocr":
        import cv2

        rapid = engine._ocr  # type: ignore[attr-defined]  # the RapidOCR object the engine drives
        t0 = time.perf_counter()
        for p in images:
            rapid(cv2.imread(str(p)))
        raw_rapid = (time.perf_counter() - t0) / len(images)
        print(f"raw rapidocr whole page  : {raw_rapid:.2f} s/image")
        print(f"ratio extractor / raw rapidocr : {ours / raw_rapid:.2f}")

    for workers in (1, 2):
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_paths(images, engine=a.engine, workers=workers))
        wall = time.perf_counter() - t0
        print(f"batch {workers} worker(s)        : {wall / n:.2f} s/image ({n / wall:.2f} images/s, incl. start-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
