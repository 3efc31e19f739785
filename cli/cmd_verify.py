"""``screenproof verify --case DIR``: re-hash every original; exit 1 if any is missing or altered."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from casefile.store import Access, CaseStore
from cli.common import add_case_arg


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="re-hash every original; exit 1 if any is missing or altered")
    add_case_arg(p)


def run(args: argparse.Namespace) -> int:
    return cmd_verify(Path(args.case_dir))


def cmd_verify(case_dir: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with CaseStore.open(case_dir, create=False, access=Access.READ) as store:
        shots = store.screenshots()
        problems = store.verify()
        names = {s.sha256: s.original_name for s in shots}
        for p in problems:
            if p.problem == "missing":
                print(f"MISSING / 缺失: {p.stored_name} ({names.get(p.sha256, '')})", file=out)
            else:
                print(
                    f"ALTERED / 已被改动: {p.stored_name} ({names.get(p.sha256, '')}) now hashes to {p.actual_sha256}",
                    file=out,
                )
        ok = len(shots) - len(problems)
        print(f"{ok} of {len(shots)} originals intact / {len(shots)} 个原件中 {ok} 个完好", file=out)
    return 1 if problems else 0
