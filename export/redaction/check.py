"""The acceptance check every redacted export passes before it is kept.

Re-open the written PDF, extract its text (every page, plus the document
information and the bookmarks) and look for each redacted value both as
written and digits-only (text extraction can split a number with spaces or
line breaks). Also refuse ``Square``/``Redact`` annotations: an overlay box is
not a redaction. On any hit the file is deleted and ``RedactionLeakError`` names
the page (never the value: the message may end up in a log).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader

from export.redaction.burn import digits_only

_BAD_ANNOTATIONS = {"/Square", "/Redact"}


class RedactionLeakError(Exception):
    """A redacted value is still in the written file (which has been removed)."""

    def __init__(self, path: Path, where: str) -> None:
        super().__init__(f"{path}: a redacted value is still readable ({where}); the file was removed")
        self.path = path
        self.where = where


def _outline_titles(reader: PdfReader) -> list[str]:
    out: list[str] = []

    def walk(items: Sequence[object]) -> None:
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(str(getattr(it, "title", "")))

    walk(reader.outline)
    return out


def leak_in_pdf(pdf: Path, secrets: Sequence[str]) -> str | None:
    """Where the first secret appears in the PDF's text or structure, or None."""
    reader = PdfReader(str(pdf))
    wanted = [s.lower() for s in secrets if s]
    wanted_digits = [d for s in secrets if len(d := digits_only(s)) >= 7]

    def hit(text: str) -> bool:
        flat = re.sub(r"\s+", "", text).lower()
        digits = digits_only(text)
        return any(s in flat for s in wanted) or any(d in digits for d in wanted_digits)

    for n, page in enumerate(reader.pages, 1):
        if hit(page.extract_text() or ""):
            return f"page {n}"
        for a in page.get("/Annots") or []:
            if a.get_object().get("/Subtype") in _BAD_ANNOTATIONS:
                return f"page {n}: an overlay annotation"
    meta: dict[str, object] = dict(reader.metadata or {})
    if hit(" ".join(str(v) for v in meta.values())):
        return "document information"
    if hit(" ".join(_outline_titles(reader))):
        return "bookmarks"
    return None


def check_pdf(pdf: Path, secrets: Sequence[str]) -> None:
    """Raise ``RedactionLeakError`` (after deleting ``pdf``) if any secret is still in it."""
    where = leak_in_pdf(pdf, secrets)
    if where is not None:
        pdf.unlink(missing_ok=True)
        raise RedactionLeakError(pdf, where)
