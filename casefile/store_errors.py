"""Why a case could not be opened or written, and how it was opened.

Kept apart from the store so the window's messages (``gui/messages.py``) and
``casefile.explain`` name these without the store's SQL; ``casefile.store``
re-exports every name.
"""

from __future__ import annotations

import enum
from pathlib import Path

from casefile.faults import Problem


class CaseProblem(enum.StrEnum):
    """Why a case could not be opened or written; gui/messages.py has a sentence for each."""

    CANNOT_OPEN = "cannot_open"  # the folder cannot be read or created
    NOT_A_CASE = "not_a_case"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    BUSY = "busy"  # another window or command is writing it
    NOT_WRITABLE = "not_writable"  # a read-only medium or folder: it can still be opened read-only
    READ_ONLY = "read_only"  # a write was attempted on a case opened read-only
    WRITE_FAILED = "write_failed"  # the disk refused a write (full, quota...): see ``fault``


class CaseError(Exception):
    """A case folder that cannot be opened or written (the user's environment)."""

    def __init__(
        self, folder: Path, reason: str, problem: CaseProblem = CaseProblem.CANNOT_OPEN,
        fault: Problem | None = None,
    ) -> None:
        super().__init__(f"{folder}: {reason}")
        self.folder = folder
        self.reason = reason
        self.problem = problem
        self.fault = fault


class Access(enum.StrEnum):
    WRITE = "write"  # holds the case's writer lock (the window, import, ocr)
    READ = "read"  # no lock, no writes: list, verify, timeline, export, a read-only window


class ReadOnlyBecause(enum.StrEnum):
    """Why a case is open read-only, for the window's banner."""

    ASKED = "asked"  # a reader (a command) or the user chose it
    BUSY = "busy"  # another window is writing it
    NOT_WRITABLE = "not_writable"  # the folder or medium cannot be written
