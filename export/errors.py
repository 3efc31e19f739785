"""Typed export failures; the GUI's messages module turns each reason into a sentence.

These are the user's environment (a missing or altered original, a folder
that cannot be written), not bugs: the export stops before writing anything
that would claim a hash the files no longer have.
"""

from __future__ import annotations

import enum
from pathlib import Path


class ExportFailure(enum.StrEnum):
    ORIGINAL_MISSING = "original_missing"
    ORIGINAL_ALTERED = "original_altered"
    ORIGINAL_UNREADABLE = "original_unreadable"
    TARGET_NOT_WRITABLE = "target_not_writable"
    TARGET_EXISTS = "target_exists"  # a bundle folder that is not an earlier bundle


class ExportError(Exception):
    def __init__(self, reason: ExportFailure, path: Path | None = None, detail: str = "") -> None:
        super().__init__(f"{reason}: {path or ''} {detail}".strip())
        self.reason = reason
        self.path = path
        self.detail = detail
