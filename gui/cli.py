"""``screenproof``: the command line, and the door to the window.

It lives in the top layer because it dispatches to every other one
(``casefile`` for import/verify, ``ocr`` for extract, ``export`` for the
dossier, ``gui`` for the window); Qt is imported only when the window opens,
so every other command runs on a machine with no display.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Tesseract is 6x slower with OpenMP threads fighting over two cores (STACK.md).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="screenproof",
        description="Organise screenshots of debt-collection harassment into evidence. 催收骚扰截图证据整理。",
    )
    p.add_argument("--case", metavar="DIR", help="case folder (opens the window on it when no command is given)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import screenshots (files or folders) into a case")
    imp.add_argument("--case", metavar="DIR", required=True, dest="case_dir")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--no-ocr", action="store_true", help="import only; read the screenshots later")
    _engine_args(imp)

    ls = sub.add_parser("list", help="list the screenshots of a case")
    ls.add_argument("--case", metavar="DIR", required=True, dest="case_dir")

    ver = sub.add_parser("verify", help="re-hash every original; exit 1 if any is missing or altered")
    ver.add_argument("--case", metavar="DIR", required=True, dest="case_dir")

    ocr = sub.add_parser("ocr", help="read the screenshots of a case that are not read yet")
    ocr.add_argument("--case", metavar="DIR", required=True, dest="case_dir")
    ocr.add_argument("--redo", action="store_true", help="read every screenshot again")
    _engine_args(ocr)

    ext = sub.add_parser("extract", help="print (or write) the extraction JSON of images, no case needed")
    ext.add_argument("images", nargs="+", metavar="IMAGE")
    ext.add_argument("--out", metavar="DIR", help="write <stem>.json per image into DIR")
    _engine_args(ext)

    tl = sub.add_parser("timeline", help="print the chronology of a case, or write it as CSV")
    tl.add_argument("--case", metavar="DIR", required=True, dest="case_dir")
    tl.add_argument("--csv", metavar="FILE")

    exp = sub.add_parser("export", help="export the PDF dossier (and optionally the evidence bundle)")
    exp.add_argument("--case", metavar="DIR", required=True, dest="case_dir")
    exp.add_argument("--out", metavar="FILE.pdf", required=True)
    exp.add_argument("--bundle", metavar="DIR", help="also write the evidence bundle (folder and zip) here")
    exp.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the dossier's labels")

    from export.packs.cli import add_pack_parser

    add_pack_parser(sub)
    return p


def _engine_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--engine",
        default="auto",
        help="OCR engine: auto (default: rapidocr when installed, else tesseract), tesseract or rapidocr",
    )
    p.add_argument("--workers", type=int, default=None, help="parallel OCR processes (default: all cores)")


def main(argv: Sequence[str] | None = None) -> int:
    """Every command goes through here, so no traceback ever reaches the user.

    The user's environment (a busy or read-only case, a full disk) gets its one
    sentence and exit 1; a closed pipe (``| head``) ends quietly; anything
    unexpected prints one line and the path of the log, where the type and the
    frames are written (never the message: it may quote evidence).
    """
    args = _parser().parse_args(argv)
    if args.command is None:
        from gui.app import run  # Qt only when the window is wanted

        return run(Path(args.case) if args.case else None)
    from casefile.explain import describe_case_error, exit_code
    from casefile.faults import WriteFailedError
    from casefile.store import CaseError
    from gui import commands

    try:
        return int(commands.dispatch(args))
    except CaseError as e:
        _say(describe_case_error(e))
        return exit_code(e)
    except WriteFailedError as e:
        _say(e.describe())
        return exit_code(e)
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE_STATUS
    except KeyboardInterrupt:
        _say("cancelled / 已取消")
        return 130
    except Exception as e:  # noqa: BLE001 - the last guard: the user gets one line, the log the frames
        log_file = _log_unexpected(e)
        _say(
            f"error: an unexpected problem stopped Screenproof ({type(e).__name__}); what was finished is kept. "
            f"Details for support: {log_file} / 意外错误，操作已停止，已完成的部分已保存。详细信息：{log_file}"
        )
        return 1


# What a shell reports for a command killed by SIGPIPE (128 + 13): ``screenproof timeline | head``
# ended by ``head`` is not an error worth a message.
BROKEN_PIPE_STATUS = 141


def _say(line: str) -> None:
    with contextlib.suppress(OSError):
        print(line, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """Point stdout at the null device, so Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _log_unexpected(e: BaseException) -> Path | str:
    import logging

    import platformdirs

    from gui import logs

    try:
        path = logs.setup(Path(platformdirs.user_log_dir("Screenproof")))
    except OSError:
        return "(no log: the log folder cannot be written)"
    logs.log_exception(type(e), e.__traceback__)
    logging.shutdown()
    return path


if __name__ == "__main__":
    sys.exit(main())
