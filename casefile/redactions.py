"""The boxes a user chose to black out on each screenshot, saved in the case.

Kept in ``redactions.json`` beside ``case.sqlite`` (plain JSON, written whole
and atomically), keyed by the original's SHA-256 so a box always belongs to
the exact bytes it was drawn on. Originals are never touched: a redaction is
an instruction for the export, which burns it into a *derived* copy.

Like corrections, every change is audited: each added or removed box is a row
in ``audit`` with when, who and which screenshot, and rows are only appended.
A screenshot the user never edited has no entry; the export then offers the
boxes the finder located. Once edited, the saved list is exactly what is
blacked out (a found box the user removed stays removed).

``values`` holds extra strings the user asks to mask everywhere (their home
address, a relative's name): the rules cannot find those on their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from casefile.atomic import staged_file

FILE_NAME = "redactions.json"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class RedactionBox:
    """A rectangle in the original's pixels (origin top left) and why it is there."""

    x: int
    y: int
    w: int
    h: int
    kind: str = "manual"  # id-number | card-number | phone | address | manual

    def key(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)

    def to_json(self) -> dict[str, Any]:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h, "kind": self.kind}

    @classmethod
    def from_json(cls, v: dict[str, Any]) -> RedactionBox:
        return cls(int(v["x"]), int(v["y"]), int(v["w"]), int(v["h"]), str(v.get("kind", "manual")))


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: str
    sha256: str
    action: str  # add | remove | values
    box: dict[str, Any] | None
    by: str


@dataclass(slots=True)
class Redactions:
    """Everything in ``redactions.json``."""

    boxes: dict[str, tuple[RedactionBox, ...]] = field(
        default_factory=dict
    )  # sha256 → boxes (edited shots only)
    values: tuple[str, ...] = ()
    audit: list[AuditRow] = field(default_factory=list)

    def edited(self, sha256: str) -> bool:
        return sha256 in self.boxes

    def boxes_for(self, sha256: str, found: Sequence[RedactionBox] = ()) -> tuple[RedactionBox, ...]:
        """What is blacked out on this screenshot: the user's list once edited, else what was found."""
        return self.boxes[sha256] if sha256 in self.boxes else tuple(found)


def redactions_path(case_folder: Path) -> Path:
    return Path(case_folder) / FILE_NAME


def load_redactions(case_folder: Path) -> Redactions:
    """Read the case's redactions; a case without the file has none."""
    path = redactions_path(case_folder)
    if not path.exists():
        return Redactions()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Redactions(
        boxes={sha: tuple(RedactionBox.from_json(b) for b in bs) for sha, bs in raw.get("boxes", {}).items()},
        values=tuple(str(v) for v in raw.get("values", [])),
        audit=[AuditRow(**row) for row in raw.get("audit", [])],
    )


def _write(case_folder: Path, r: Redactions) -> None:
    doc = {
        "version": FORMAT_VERSION,
        "boxes": {sha: [b.to_json() for b in bs] for sha, bs in sorted(r.boxes.items())},
        "values": list(r.values),
        "audit": [
            {"at": a.at, "sha256": a.sha256, "action": a.action, "box": a.box, "by": a.by} for a in r.audit
        ],
    }
    with staged_file(redactions_path(case_folder)) as tmp:
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def save_boxes(
    case_folder: Path,
    sha256: str,
    boxes: Iterable[RedactionBox],
    *,
    by: str = "user",
    now: datetime | None = None,
) -> Redactions:
    """Set the boxes of one screenshot, appending an audit row per box added or removed."""
    r = load_redactions(case_folder)
    new = tuple(boxes)
    old = r.boxes.get(sha256, ())
    at = (now or datetime.now()).isoformat(timespec="seconds")
    old_keys = {b.key() for b in old}
    new_keys = {b.key() for b in new}
    for b in old:
        if b.key() not in new_keys:
            r.audit.append(AuditRow(at, sha256, "remove", b.to_json(), by))
    for b in new:
        if b.key() not in old_keys:
            r.audit.append(AuditRow(at, sha256, "add", b.to_json(), by))
    r.boxes[sha256] = new
    _write(case_folder, r)
    return r


def save_values(
    case_folder: Path, values: Iterable[str], *, by: str = "user", now: datetime | None = None
) -> Redactions:
    """Set the extra strings to mask (an address); audited without repeating the strings themselves."""
    r = load_redactions(case_folder)
    r.values = tuple(v.strip() for v in values if v.strip())
    at = (now or datetime.now()).isoformat(timespec="seconds")
    r.audit.append(AuditRow(at, "", "values", {"count": len(r.values)}, by))
    _write(case_folder, r)
    return r
