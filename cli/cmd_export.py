"""``screenproof export --case DIR --out FILE.pdf [--bundle DIR] [--lang zh|en]``.

The whole export runs on a server or in a script with no display. The case
is read once; the job is ``export.run.export_case``, the same the window
drives: the PDF is put in place only after the bundle is written, so a
failure or Ctrl-C leaves nothing new behind.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from casefile.explain import describe_case_error, exit_code
from casefile.faults import BUNDLE, EXPORT_FILE, WriteFailedError, from_os_error
from casefile.jobs import CancelToken
from casefile.phones import phone_name
from casefile.store import Access, CaseError, CaseStore
from cli.common import add_case_arg, add_phone_filter_arg, unknown_phones
from export.data import collect
from export.errors import ExportError, ExportFailure
from export.options import DossierOptions, parse_sections
from export.redaction.check import RedactionLeakError
from export.run import ExportProgress, ExportRequest, ExportResult, Stage, export_case

_REASONS: dict[ExportFailure, tuple[str, str]] = {
    ExportFailure.ORIGINAL_MISSING: ("an original screenshot is missing from the case", "案件中缺少原始截图文件"),
    ExportFailure.ORIGINAL_ALTERED: (
        "an original screenshot no longer matches its SHA-256 (run verify)",
        "原始截图与其 SHA-256 不符（请运行 verify）",
    ),
    ExportFailure.ORIGINAL_UNREADABLE: ("cannot read an original screenshot", "无法读取原始截图"),
    ExportFailure.TARGET_NOT_WRITABLE: ("cannot write there", "无法写入该位置"),
    ExportFailure.TARGET_EXISTS: (
        "the bundle folder exists and is not an earlier evidence bundle; choose an empty or new folder",
        "证据包文件夹已存在且不是之前生成的证据包，请选择空文件夹或新文件夹",
    ),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export the PDF dossier (and optionally the evidence bundle)")
    add_case_arg(p)
    p.add_argument("--out", metavar="FILE.pdf", required=True)
    p.add_argument("--bundle", metavar="DIR", help="also write the evidence bundle (folder and zip) here")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the dossier's labels")
    p.add_argument(
        "--redact",
        action="store_true",
        help="burn redactions (ID, card and third parties' numbers, saved boxes) into the images and mask the text;"
        " not with --bundle",
    )


    add_phone_filter_arg(p, "screenshots")


def run(args: argparse.Namespace) -> int:
    return run_export(args.case_dir, args.out, bundle=args.bundle, lang=args.lang, redact=args.redact, phones=args.phone)


def run_export(
    case_dir: str,
    out_pdf: str,
    *,
    bundle: str | None = None,
    lang: str = "zh",
    sections: str | None = None,
    generated_at: datetime | None = None,
    redact: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
    phones: Sequence[str] = (),
) -> int:
    """Export the dossier (and the bundle); 0 on success, 1 on a failed write, 2 on bad input, 130 on Ctrl-C."""
    out = out or sys.stdout
    err = err or sys.stderr
    if lang not in ("zh", "en"):
        print(f"error: --lang must be zh or en, not {lang!r}", file=err)
        return 2
    try:
        options = DossierOptions(lang=lang, sections=parse_sections(sections), generated_at=generated_at)  # type: ignore[arg-type]
    except ValueError as e:
        print(f"error: {e}", file=err)
        return 2
    if redact and bundle is not None:
        print(
            "error: --redact cannot be used with --bundle: the bundle holds the unredacted originals"
            " / 遮盖导出不能同时生成证据包（证据包包含未遮盖的原件）",
            file=err,
        )
        return 2
    pdf_path = Path(out_pdf).expanduser()
    bundle_dir = Path(bundle).expanduser() if bundle is not None else None
    cancel = CancelToken()
    result: ExportResult | None = None
    stage = Stage.DOSSIER
    try:
        with CaseStore.open(case_dir, create=False, access=Access.READ) as store:
            wanted = frozenset(phone_name(p) for p in phones)
            if (refusal := unknown_phones(sorted(wanted), store.phones())) is not None:
                print(refusal, file=err)
                return 2
            data = collect(store, keep_shot=(lambda s: s.phone in wanted) if wanted else None)
            folder = store.paths.folder
        request = ExportRequest(
            pdf=pdf_path, options=options, bundle_dir=bundle_dir, redact_case=folder if redact else None
        )
        for item in _shown(export_case(data, request, cancel), err):
            if isinstance(item, ExportResult):
                result = item
            else:
                stage = item.stage
    except CaseError as e:
        print(describe_case_error(e), file=err)
        return exit_code(e)
    except ExportError as e:
        en, zh = _REASONS[e.reason]
        print(f"error: {e.path or ''}: {en} / {zh} {e.detail}".rstrip(), file=err)
        return 2 if e.reason is ExportFailure.TARGET_EXISTS else 1
    except RedactionLeakError as e:
        print(
            f"error: {e.path}: a masked value was still readable ({e.where}); the file was removed"
            " / 遮盖检查未通过，文件已删除",
            file=err,
        )
        return 1
    except OSError as e:
        # Every file is staged under a hidden name and renamed only when whole, so a failed
        # write leaves nothing half-written under a real name (and an older dossier intact).
        what, where = (BUNDLE, bundle_dir.parent) if stage is Stage.BUNDLE and bundle_dir else (EXPORT_FILE, pdf_path.parent)
        print(WriteFailedError(what, where, from_os_error(e)).describe(), file=err)
        return 1
    except KeyboardInterrupt:
        cancel.cancel()
        print("\ncancelled; nothing was written / 已取消，未写入任何文件", file=err)
        return 130
    if result is None:
        return 130
    print(f"{result.pdf}  ({result.pdf.stat().st_size // 1024} KB)", file=out)
    if result.bundle_dir is not None:
        print(f"{result.bundle_dir}/  {result.bundle_zip}", file=out)
    print(f"manifest SHA-256 / 证据清单: {result.manifest_sha256}", file=out)
    return 0


def _shown(job: Iterator[ExportProgress | ExportResult], err: TextIO) -> Iterator[ExportProgress | ExportResult]:
    """Pass the job's items through, showing progress on a terminal (not in logs or pipes)."""
    tty = hasattr(err, "isatty") and err.isatty()
    try:
        for item in job:
            if tty and isinstance(item, ExportProgress) and item.progress.total:
                p = item.progress
                err.write(f"\r{p.done}/{p.total} {item.stage:<8} {p.label:<24}")
                err.flush()
            yield item
    finally:
        close = getattr(job, "close", None)
        if close is not None:
            close()  # on Ctrl-C this runs the job's clean-up (the temporary PDF) now
        if tty:
            err.write("\r" + " " * 40 + "\r")
