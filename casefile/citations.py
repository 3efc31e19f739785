"""The laws, regulations and standards a tag can cite, as data (``resources/rules/citations.json``).

A cited rule is a claim about the law, so it is held in one place with its
exact name, number and article, its kind (a recommended national standard or
an industry guideline is not law), the date it took effect, and whether its
text was verified. Tag rules refer to citations by id; the window and the
dossier print only what this file says, always with the kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

CITATIONS_PATH = Path(__file__).resolve().parent.parent / "resources" / "rules" / "citations.json"
KINDS = ("法律", "行政法规", "部门规章", "国家标准（推荐性）", "行业自律规范")
NOT_LAW = frozenset({"国家标准（推荐性）", "行业自律规范"})
_ID = re.compile(r"[a-z0-9_]+")


class DataFileError(Exception):
    """A data file under ``resources/`` is missing or malformed: an editor's input, named with its path."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CitationsError(DataFileError):
    """The citations file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Citation:
    id: str
    name: str  # exact title, without 《》
    kind: str  # one of KINDS
    verified: bool
    status: str  # V / S / U as CHANNELS.md marks it
    source: str
    number: str | None = None  # a standard's number (GB/T 45251—2025)
    edition: str | None = None  # 2025年修订: which text of a revised law
    article: str | None = None  # as the source gives it; None = not verified, never guessed
    issuer: str | None = None
    in_force_from: date | None = None
    dated: date | None = None  # a date the source gives without saying which
    quote: str | None = None
    points: tuple[str, ...] = ()
    note: str | None = None

    @property
    def is_law(self) -> bool:
        return self.kind not in NOT_LAW

    @property
    def title(self) -> str:
        """``GB/T 45251—2025《…》`` or ``《中华人民共和国刑法》第293条之一``: the name as cited."""
        head = f"{self.number}" if self.number else ""
        issuer = f"{self.issuer}" if self.issuer and not self.number else ""
        edition = f"（{self.edition}）" if self.edition else ""
        return f"{head}{issuer}《{self.name}》{edition}{self.article or ''}"

    @property
    def short(self) -> str:
        """``GB/T 45251—2025《…》（国家标准（推荐性））``: the title and its kind, never one without the other."""
        return f"{self.title}（{self.kind}）"

    def status_text(self) -> str:
        """Kind, date and verification in one parenthesis, for the window and the dossier."""
        parts = [self.kind]
        if self.in_force_from is not None:
            parts.append(f"{self.in_force_from.isoformat()}起{'实施' if self.kind == '国家标准（推荐性）' else '施行'}")
        elif self.dated is not None:
            parts.append(f"日期{self.dated.isoformat()}")
        if self.kind in NOT_LAW:
            parts.append("不是法律")
        if not self.article:
            parts.append("条款号未核实")
        if self.verified:
            parts.append("已与法律文本核对")
        else:
            parts.append("未经核实，仅见二手来源" if self.status == "S" else "未经核实")
        return "（" + "；".join(parts) + "）"

    def display(self) -> str:
        return self.title + self.status_text()


def load_citations(path: str | Path | None = None) -> Mapping[str, Citation]:
    """Read and check the citations file: id → Citation, in file order."""
    p = Path(path) if path is not None else CITATIONS_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise CitationsError(p, f"cannot read the citations file: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CitationsError(p, f"not valid JSON: {e}") from e
    return parse_citations(data, p)


def parse_citations(data: Any, path: Path | None = None) -> Mapping[str, Citation]:
    where = path or Path("<citations>")
    if not isinstance(data, dict) or not isinstance(data.get("citations"), list):
        raise CitationsError(where, "expected an object with a 'citations' list")
    out: dict[str, Citation] = {}
    for k, raw in enumerate(data["citations"]):
        c = _parse(raw, k, where)
        if c.id in out:
            raise CitationsError(where, f"citation id '{c.id}' appears twice")
        out[c.id] = c
    return MappingProxyType(out)


def _parse(raw: Any, k: int, where: Path) -> Citation:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not _ID.fullmatch(raw["id"]):
        raise CitationsError(where, f"citation #{k + 1}: needs an 'id' of lower-case letters, digits and '_'")
    cid = raw["id"]

    def text(key: str, required: bool = False) -> str | None:
        v = raw.get(key)
        if v is None and not required:
            return None
        if not isinstance(v, str) or not v.strip():
            raise CitationsError(where, f"citation '{cid}': '{key}' must be a non-empty string")
        return v.strip()

    def day(key: str) -> date | None:
        v = raw.get(key)
        if v is None:
            return None
        try:
            return date.fromisoformat(str(v))
        except ValueError as e:
            raise CitationsError(where, f"citation '{cid}': '{key}' must be YYYY-MM-DD") from e

    kind = text("kind", True)
    if kind not in KINDS:
        raise CitationsError(where, f"citation '{cid}': kind '{kind}' is not one of {', '.join(KINDS)}")
    if not isinstance(raw.get("verified"), bool):
        raise CitationsError(where, f"citation '{cid}': 'verified' must be true or false")
    status = text("status", True)
    if status not in ("V", "S", "U"):
        raise CitationsError(where, f"citation '{cid}': status must be V, S or U")
    if raw["verified"] != (status == "V"):
        raise CitationsError(where, f"citation '{cid}': 'verified' is true exactly when status is V")
    points = raw.get("points") or []
    if not isinstance(points, list) or not all(isinstance(x, str) for x in points):
        raise CitationsError(where, f"citation '{cid}': 'points' must be a list of strings")
    name = text("name", True)
    assert name is not None and kind is not None and status is not None
    return Citation(
        id=cid,
        name=name.strip("《》"),
        kind=kind,
        verified=raw["verified"],
        status=status,
        source=text("source", True) or "",
        number=text("number"),
        edition=text("edition"),
        article=text("article"),
        issuer=text("issuer"),
        in_force_from=day("in_force_from"),
        dated=day("dated"),
        quote=text("quote"),
        points=tuple(points),
        note=text("note"),
    )
