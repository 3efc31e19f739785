"""Logging an exception without its message: the type and where it happened.

Why: the message of an exception raised while reading a screenshot may quote
what is on it (a phone number, a name, a debt) or the path of the file (the
user's name is often in it). The log is for a developer to find the bug, and
a user may send it to anyone: it gets the type and the frames, never the text.
The same rule as ``gui/logs.py`` for crashes, here where every layer can use it.
"""

from __future__ import annotations

import logging
import traceback


def log_error(logger: logging.Logger, what: str, exc: BaseException, level: int = logging.ERROR) -> None:
    """Log ``what`` (a fixed text with no user data) with the exception's type and frames."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.log(level, "%s (%s)\n%s", what, type(exc).__name__, frames)
