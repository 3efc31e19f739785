"""The log file and the crash report.

Why: a user cannot describe a bug, but they can send a file. The log rotates
(at most ~4 MB) under the platform log folder shown in Help → About, and it
carries ids, hashes and exception types, never message text, phone numbers or
names: evidence of harassment is private. The crash report shown to the user
has the traceback (they choose what to share); the log gets only its frames.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

LOG_NAME = "screenproof.log"


def setup(folder: Path) -> Path:
    """Send logging to a rotating file in ``folder``; returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_screenproof", False):
            root.removeHandler(h)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._screenproof = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text of the crash dialog: versions and the full traceback."""
    from PySide6 import __version__ as pyside_version

    head = (
        f"Screenproof crash report\nPython {platform.python_version()} · PySide6 {pyside_version} · "
        f"{platform.platform()}\n\n"
    )
    return head + "".join(traceback.format_exception(exc_type, exc, tb))


def log_exception(exc_type: type[BaseException], tb: TracebackType | None) -> None:
    """Log where it happened and what type it was, without the message (it may quote evidence)."""
    frames = "".join(traceback.format_tb(tb))
    logging.getLogger("screenproof.crash").error("unexpected %s\n%s", exc_type.__name__, frames)


def python_info() -> str:
    return f"Python {sys.version.split()[0]}"
