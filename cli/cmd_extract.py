"""``screenproof extract IMAGE... [--out DIR] [--engine NAME]`` without the rest of the app.

Output format: with ``--out``, one ``<stem>.json`` per image in DIR (the shape
of ``corpus/SCHEMA.md``, plus boxes and confidences), which is what
``score.py GOLD_DIR DIR`` reads. Without it, one JSON object per image on
stdout, one per line (JSON Lines), in the order the images finish, so that
a long run can be piped and read as it goes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.common import add_engine_args
from ocr.batch import extract_paths
from ocr.engines.errors import EngineMissing


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="print (or write) the extraction JSON of images, no case needed")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--out", metavar="DIR", help="write <stem>.json per image into DIR")
    add_engine_args(p)


def run(args: argparse.Namespace) -> int:
    return run_extract(list(args.images), args.out, engine=args.engine, workers=args.workers or 2)


def run_extract(paths: list[str], out_dir: str | None, engine: str = "auto", workers: int = 2) -> int:
    """Extract every image; 0 when all were read, 1 when some failed, 2 when the engine is missing."""
    files = [Path(p) for p in paths]
    target = Path(out_dir) if out_dir else None
    if target is not None:
        target.mkdir(parents=True, exist_ok=True)
    failures = 0
    try:
        for path, ex in extract_paths(files, engine=engine, workers=workers):
            if ex.error:
                failures += 1
                print(f"{path.name}: {ex.error}", file=sys.stderr)
            doc = ex.to_json()
            if target is not None:
                tmp = target / (path.stem + ".json.tmp")
                tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
                tmp.replace(target / (path.stem + ".json"))
            else:
                sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
                sys.stdout.flush()
    except EngineMissing as exc:
        print(exc.message, file=sys.stderr)
        return 2
    return 1 if failures else 0
