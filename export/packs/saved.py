"""Reopening a pack: the choice, the preset and the edited letter saved in its ``pack.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from export.packs.letter import Letter
from export.packs.selection import Selection
from export.packs.writer import PACK_JSON


@dataclass(frozen=True, slots=True)
class SavedPack:
    preset: str
    max_file_bytes: int | None
    generated_at: datetime
    fixes: frozenset[str]
    selection: Selection
    letter: Letter | None


class SavedPackError(Exception):
    """A pack.json that cannot be read; the message names the file."""


def load_pack(folder: Path) -> SavedPack:
    path = Path(folder) / PACK_JSON
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        return SavedPack(
            preset=str(d["preset"]),
            max_file_bytes=d.get("max_file_bytes"),
            generated_at=datetime.fromisoformat(d["generated_at"]),
            fixes=frozenset(d.get("fixes") or ()),
            selection=Selection.from_dict(d.get("selection") or {}),
            letter=Letter.from_dict(d["letter"]) if d.get("letter") else None,
        )
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise SavedPackError(f"{path}: {type(e).__name__}: {e}") from e
