"""The command-line commands: thin loops over domain jobs that print what happened.

Output names each file and its outcome in plain English and Chinese; nothing
here decides anything the domain does not already decide.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from casefile.explain import describe_case_error, exit_code
from casefile.faults import WriteFailedError
from casefile.importer import ImportResult, Outcome, import_paths
from casefile.jobs import Progress
from casefile.lock import COMMAND_WAIT_S
from casefile.model import Screenshot
from casefile.reading import ReadResult, read_case
from casefile.store import Access, CaseError, CaseStore
from casefile.tagging import apply_suggestions


def dispatch(args: argparse.Namespace) -> int:
    try:
        if args.command == "extract":
            from ocr.cli import run_extract

            return run_extract(list(args.images), args.out, engine=args.engine, workers=args.workers or 2)
        if args.command == "timeline":
            from casefile.timeline_cli import run_timeline

            return run_timeline(args.case_dir, args.csv)
        if args.command == "export":
            from export.cli import run_export

            return run_export(args.case_dir, args.out, bundle=args.bundle, lang=args.lang)
        if args.command == "pack":
            from export.packs.cli import run_pack

            return run_pack(args)
        if args.command == "import":
            return cmd_import(Path(args.case_dir), args.paths, ocr=not args.no_ocr, engine=args.engine, workers=args.workers)
        if args.command == "list":
            return cmd_list(Path(args.case_dir))
        if args.command == "verify":
            return cmd_verify(Path(args.case_dir))
        if args.command == "ocr":
            with CaseStore.open(args.case_dir, create=False, wait=COMMAND_WAIT_S) as store:
                return _read(store, None, redo=args.redo, engine=args.engine, workers=args.workers)
    except CaseError as e:
        print(describe_case_error(e), file=sys.stderr)
        return exit_code(e)
    except WriteFailedError as e:
        print(e.describe(), file=sys.stderr)
        return exit_code(e)
    raise SystemExit(f"unknown command {args.command}")


def cmd_import(
    case_dir: Path, paths: list[str], *, ocr: bool = True, engine: str = "auto", workers: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Import, print one line per file and a summary, then read what is new (unless told not to)."""
    out = out or sys.stdout
    counts: Counter[Outcome] = Counter()
    new_ids: list[int] = []
    with CaseStore.open(case_dir, wait=COMMAND_WAIT_S) as store:
        for item in import_paths(store, paths):
            if isinstance(item, Progress):
                continue
            counts[item.outcome] += 1
            print(f"{item.path}: {item.describe()}{_detail(item)}", file=out, flush=True)
            if item.outcome is Outcome.IMPORTED and item.screenshot_id is not None:
                new_ids.append(item.screenshot_id)
        print(
            f"{counts[Outcome.IMPORTED]} imported, {counts[Outcome.DUPLICATE]} duplicates, "
            f"{counts[Outcome.REJECTED]} rejected / 导入 {counts[Outcome.IMPORTED]}，重复 "
            f"{counts[Outcome.DUPLICATE]}，拒绝 {counts[Outcome.REJECTED]}",
            file=out,
        )
        status = 0
        if ocr and new_ids:
            status = _read(store, [store.screenshot(i) for i in new_ids], engine=engine, workers=workers, out=out)
    if counts[Outcome.REJECTED] and not counts[Outcome.IMPORTED] and not counts[Outcome.DUPLICATE]:
        return 1
    return status


def _detail(item: ImportResult) -> str:
    return f" ({item.detail})" if item.outcome is Outcome.REJECTED and item.detail else ""


def _read(
    store: CaseStore, shots: list[Screenshot] | None, *, redo: bool = False, engine: str = "auto",
    workers: int | None = None, out: TextIO | None = None,
) -> int:
    from ocr.engine import EngineMissing

    out = out or sys.stdout

    try:
        for item in read_case(store, shots, redo=redo, engine=engine, workers=workers):
            if isinstance(item, ReadResult):
                shot = store.screenshot(item.screenshot_id)
                ex = item.extraction
                if ex.error:
                    print(f"{shot.original_name}: OCR failed / 识别失败: {ex.error}", file=out)
                else:
                    print(
                        f"{shot.original_name}: {ex.layout}, {len(ex.messages)} messages / {len(ex.messages)} 条",
                        file=out,
                    )
    except EngineMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    # New text may match the tag rules; suggestions never override a user's decision.
    n = apply_suggestions(store)
    if n:
        print(f"{n} tag suggestions to review / {n} 条标签建议待确认", file=out)
    return 0


_CAPTURE_SOURCE = {"file name": "文件名", "exif": "EXIF", "mtime": "文件修改时间?", "manual": "用户设定"}


def cmd_list(case_dir: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with CaseStore.open(case_dir, create=False, access=Access.READ) as store:
        shots = store.screenshots()
        counts = Counter(m.screenshot_id for m in store.messages(include_excluded=False))
        for s in shots:
            when = s.captured_at.strftime("%Y-%m-%d %H:%M") if s.captured_at else "????-??-?? ??:??"
            # the capture time's source; a file modification time may not be when it was taken
            when += f" [{_CAPTURE_SOURCE.get(str(s.captured_at_source), '?')}]" if s.captured_at else " [   ]"
            print(
                f"{s.id:4d}  {when}  {s.ocr_status!s:8s} {s.layout or '-'!s:12s} {counts[s.id]:3d} msg  "
                f"{s.sha256[:12]}  {s.original_name}",
                file=out,
            )
        print(f"{len(shots)} screenshots / 共 {len(shots)} 张截图", file=out)
    return 0


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
