"""``screenproof``: the command line, and the door to the window.

Every command goes through ``main``, so no traceback ever reaches the user:
the user's environment (a busy or read-only case, a full disk) gets its one
sentence naming the file and the reason; a closed pipe (``| head``) ends
quietly; anything unexpected prints one line and the path of the log, where
the type and the frames are written (never the message: it may quote
evidence). With no command the window opens, as its own program
(``python -m gui``), so this package never imports Qt or ``gui``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from cli import (
    cmd_export,
    cmd_extract,
    cmd_import,
    cmd_list,
    cmd_ocr,
    cmd_pack,
    cmd_phone,
    cmd_timeline,
    cmd_verify,
)

# Tesseract is 6x slower with OpenMP threads fighting over two cores (STACK.md).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# One module per command, in the order ``--help`` lists them; each has add_parser(sub) and run(args).
COMMANDS: tuple[ModuleType, ...] = (
    cmd_import,
    cmd_ocr,
    cmd_list,
    cmd_phone,
    cmd_verify,
    cmd_extract,
    cmd_timeline,
    cmd_export,
    cmd_pack,
)

# What a shell reports for a command killed by SIGPIPE (128 + 13): ``screenproof timeline | head``
# ended by ``head`` is not an error worth a message.
BROKEN_PIPE_STATUS = 141
# Ctrl-C, as a shell reports it (128 + SIGINT).
INTERRUPTED_STATUS = 130
LOG_NAME = "screenproof.log"  # the window's log file (gui/logs.py), so support asks for one file


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="screenproof",
        description="Organise screenshots of debt-collection harassment into evidence. 催收骚扰截图证据整理。",
    )
    p.add_argument("--case", metavar="DIR", help="case folder (opens the window on it when no command is given)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        return open_window(Path(args.case) if args.case else None)
    from casefile.explain import describe_case_error, exit_code
    from casefile.faults import WriteFailedError
    from casefile.store import CaseError

    try:
        return int(dispatch(args))
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
        return INTERRUPTED_STATUS
    except Exception as e:  # noqa: BLE001 - the last guard: the user gets one line, the log the frames
        log_file = _log_unexpected(e)
        _say(
            f"error: an unexpected problem stopped Screenproof ({type(e).__name__}); what was finished is kept. "
            f"Details for support: {log_file} / 意外错误，操作已停止，已完成的部分已保存。详细信息：{log_file}"
        )
        return 1


def dispatch(args: argparse.Namespace) -> int:
    """Run the command ``args`` names (tests replace this to reach the guard)."""
    for command in COMMANDS:
        if command.__name__.rsplit(".", 1)[-1] == f"cmd_{args.command}":
            return int(command.run(args))
    raise SystemExit(f"unknown command {args.command}")


def open_window(case: Path | None) -> int:
    """Start the window as its own process (``python -m gui``) and return its exit status."""
    argv = [sys.executable, "-m", "gui"] + (["--case", str(case)] if case is not None else [])
    try:
        return subprocess.call(argv)
    except KeyboardInterrupt:
        return INTERRUPTED_STATUS
    except OSError as e:
        _say(f"error: cannot start the window ({e.strerror}) / 无法打开窗口")
        return 1


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
    """Append the type and frames (never the message) to the user's log; return its path."""
    import logging
    import traceback

    import platformdirs

    try:
        folder = Path(platformdirs.user_log_dir("Screenproof"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return "(no log: the log folder cannot be written)"
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log = logging.getLogger("screenproof.crash")
    log.addHandler(handler)
    try:
        log.error("unexpected %s\n%s", type(e).__name__, "".join(traceback.format_tb(e.__traceback__)))
    finally:
        log.removeHandler(handler)
        handler.close()
    return path


if __name__ == "__main__":
    sys.exit(main())
