"""``screenproof list --case DIR``: the screenshots of a case, each capture time with its source and
whose phone it came from (本人 for the user's own)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from casefile.store import Access, CaseStore
from cli.cmd_timeline import display_width
from cli.common import add_case_arg

# Where a capture time came from; a file modification time may not be when it was taken.
_CAPTURE_SOURCE = {"file name": "文件名", "exif": "EXIF", "mtime": "文件修改时间?", "manual": "用户设定"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the screenshots of a case")
    add_case_arg(p)


def run(args: argparse.Namespace) -> int:
    return cmd_list(Path(args.case_dir))


PHONE_WIDTH = 8  # display columns for the phone: 本人, 母亲, 同事张某 line up; longer names push the file name


def _phone_cell(phone: str) -> str:
    return phone + " " * max(0, PHONE_WIDTH - display_width(phone))


def cmd_list(case_dir: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with CaseStore.open(case_dir, create=False, access=Access.READ) as store:
        shots = store.screenshots()
        counts = Counter(m.screenshot_id for m in store.messages(include_excluded=False))
        for s in shots:
            when = s.captured_at.strftime("%Y-%m-%d %H:%M") if s.captured_at else "????-??-?? ??:??"
            when += f" [{_CAPTURE_SOURCE.get(str(s.captured_at_source), '?')}]" if s.captured_at else " [   ]"
            print(
                f"{s.id:4d}  {when}  {s.ocr_status!s:8s} {s.layout or '-'!s:12s} {counts[s.id]:3d} msg  "
                f"{s.sha256[:12]}  {_phone_cell(s.phone)}  {s.original_name}",
                file=out,
            )
        print(f"{len(shots)} screenshots / 共 {len(shots)} 张截图", file=out)
    return 0
