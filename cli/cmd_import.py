"""``screenproof import --case DIR PATH...``: import files and folders, then read what is new.

One line per file names it and its outcome (imported, duplicate, or rejected
with the reason) in English and Chinese, then a summary. The stages are
``casefile.workflows``' — the same the window drives.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from casefile.importer import ImportResult, Outcome
from casefile.lock import COMMAND_WAIT_S
from casefile.phones import OWN_PHONE, is_own, phone_name
from casefile.store import CaseStore
from casefile.workflows import PhoneChoice, import_files, to_read
from cli.cmd_ocr import read_and_suggest
from cli.common import add_case_arg, add_engine_args


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import screenshots (files or folders) into a case")
    add_case_arg(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-ocr", action="store_true", help="import only; read the screenshots later")
    p.add_argument(
        "--phone",
        metavar="NAME",
        default=OWN_PHONE,
        help=f"whose phone the files came from, for the whole import (default {OWN_PHONE}, your own; e.g. 母亲)",
    )
    p.add_argument(
        "--phone-from-folders",
        action="store_true",
        help="a file under a sub-folder (妈妈/1.png) takes the folder's name as its phone; loose files take --phone",
    )
    add_engine_args(p)


def run(args: argparse.Namespace) -> int:
    return cmd_import(
        Path(args.case_dir),
        args.paths,
        ocr=not args.no_ocr,
        engine=args.engine,
        workers=args.workers,
        phone=PhoneChoice(phone_name(args.phone), from_folders=args.phone_from_folders),
    )


def cmd_import(
    case_dir: Path,
    paths: list[str],
    *,
    ocr: bool = True,
    engine: str = "auto",
    workers: int | None = None,
    out: TextIO | None = None,
    phone: PhoneChoice | None = None,
) -> int:
    """Import, print one line per file and a summary, then read what waits (unless told not to).

    Exit 1 when every file was rejected; otherwise the reading's status.
    """
    out = out or sys.stdout
    counts: Counter[Outcome] = Counter()
    with CaseStore.open(case_dir, wait=COMMAND_WAIT_S) as store:
        for item in import_files(store, paths, phone=phone):
            if not isinstance(item, ImportResult):
                continue
            counts[item.outcome] += 1
            print(f"{item.path}: {item.describe()}{_detail(item)}{_phone(store, item)}", file=out, flush=True)
        print(
            f"{counts[Outcome.IMPORTED]} imported, {counts[Outcome.DUPLICATE]} duplicates, "
            f"{counts[Outcome.REJECTED]} rejected / 导入 {counts[Outcome.IMPORTED]}，重复 "
            f"{counts[Outcome.DUPLICATE]}，拒绝 {counts[Outcome.REJECTED]}",
            file=out,
        )
        status = 0
        if ocr:
            shots = to_read(store)
            if shots:
                status = read_and_suggest(store, shots, engine=engine, workers=workers, out=out)
    if counts[Outcome.REJECTED] and not counts[Outcome.IMPORTED] and not counts[Outcome.DUPLICATE]:
        return 1
    return status


def _phone(store: CaseStore, item: ImportResult) -> str:
    """`` [母亲]`` after a screenshot from someone else's phone (a duplicate shows the phone it kept)."""
    if item.screenshot_id is None or item.outcome is Outcome.REJECTED:
        return ""
    phone = store.screenshot(item.screenshot_id).phone
    return "" if is_own(phone) else f" [{phone}]"


def _detail(item: ImportResult) -> str:
    return f" ({item.detail})" if item.outcome is Outcome.REJECTED and item.detail else ""
