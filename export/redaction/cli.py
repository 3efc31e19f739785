"""``screenproof export --redact``: the dossier with redactions burned in.

``add_redact_argument(parser)`` adds the flag to the export sub-command;
``run_redacted_export(args)`` runs it. ``--bundle`` is refused: the bundle
carries the originals byte for byte, which is the opposite of redacting.
Exit codes as ``export``: 0 written, 1 failed or leaked (nothing kept), 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the parser is built on every command: the export's imports load only when it runs
    from export.redaction.redactor import LineReader


def add_redact_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redact",
        action="store_true",
        help="burn redactions (ID, card and third parties' numbers, saved boxes) into the images and mask the text",
    )


def run_redacted_export(
    args: argparse.Namespace,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    reader: LineReader | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    from casefile.explain import describe_case_error, exit_code
    from casefile.store import Access, CaseError, CaseStore
    from export.cli import _drive
    from export.data import collect
    from export.dossier import write_dossier
    from export.errors import ExportError
    from export.options import DossierOptions
    from export.redaction.check import RedactionLeakError
    from export.redaction.session import RedactionSession

    if getattr(args, "bundle", None):
        print(
            "error: --redact cannot be used with --bundle: the bundle holds the unredacted originals"
            " / 遮盖导出不能同时生成证据包（证据包包含未遮盖的原件）",
            file=err,
        )
        return 2
    pdf = Path(args.out).expanduser()
    try:
        with CaseStore.open(args.case_dir, create=False, access=Access.READ) as store:
            data = collect(store)
            folder = store.paths.folder
        session = RedactionSession.start(data, folder, reader)
        try:
            safe = session.data
            _drive(write_dossier(safe, pdf, DossierOptions(lang=getattr(args, "lang", "zh"))), err)
            session.check(pdf)
        finally:
            session.close()
    except CaseError as e:
        print(describe_case_error(e), file=err)
        return exit_code(e)
    except RedactionLeakError as e:
        print(
            f"error: {e.path}: a masked value was still readable ({e.where}); the file was removed"
            f" / 遮盖检查未通过，文件已删除",
            file=err,
        )
        return 1
    except (ExportError, OSError, ValueError) as e:
        print(f"error: {e}", file=err)
        return 1
    n = sum(1 for x in safe.exhibits if x.derived is not None)
    print(f"{pdf}  ({pdf.stat().st_size // 1024} KB), {n} redacted images / 已遮盖图像 {n} 张", file=out)
    return 0
