"""``screenproof ocr --case DIR [--redo]``: read the screenshots not read yet, then suggest tags."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from casefile.lock import COMMAND_WAIT_S
from casefile.model import Screenshot
from casefile.reading import ReadResult
from casefile.store import CaseStore
from casefile.tagging import RulesError
from casefile.workflows import TagsSuggested, read, suggest_tags
from cli.common import add_case_arg, add_engine_args
from ocr.engines.errors import EngineMissing


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ocr", help="read the screenshots of a case that are not read yet")
    add_case_arg(p)
    p.add_argument("--redo", action="store_true", help="read every screenshot again")
    add_engine_args(p)


def run(args: argparse.Namespace) -> int:
    with CaseStore.open(args.case_dir, create=False, wait=COMMAND_WAIT_S) as store:
        shots = store.screenshots_to_read(redo=args.redo)
        return read_and_suggest(store, shots, engine=args.engine, workers=args.workers)


def read_and_suggest(
    store: CaseStore,
    shots: Sequence[Screenshot],
    *,
    engine: str = "auto",
    workers: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Read ``shots`` (one line each), then run the tag rules; 2 when no OCR engine is installed."""
    out = out or sys.stdout
    try:
        for item in read(store, shots, engine=engine, workers=workers):
            if isinstance(item, ReadResult):
                name = store.screenshot(item.screenshot_id).original_name
                ex = item.extraction
                if ex.error:
                    print(f"{name}: OCR failed / 识别失败: {ex.error}", file=out)
                else:
                    n = len(ex.messages)
                    print(f"{name}: {ex.layout}, {n} messages / {n} 条", file=out)
    except EngineMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        for done in suggest_tags(store):
            if isinstance(done, TagsSuggested) and done.count:
                print(f"{done.count} tag suggestions to review / {done.count} 条标签建议待确认", file=out)
    except RulesError as e:
        print(f"error: tag rules {e.path}: {e.reason}", file=sys.stderr)
        return 2
    return 0
