"""The recipients' presets, as data (``resources/packs/presets.json``).

Each preset says what its pack holds and the limits it must meet, with where
that limit comes from and how sure it is (CHANNELS.md: V / S / U). No official
upload page was found for any channel, so every size limit is a default the
user may change, never a rule we claim.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from casefile.citations import DataFileError

PRESETS_PATH = Path(__file__).resolve().parents[2] / "resources" / "packs" / "presets.json"
MB = 1024 * 1024
PRESET_IDS = ("platform", "12321", "regulator", "nifa", "police", "court", "public")


class PresetsError(DataFileError):
    """The presets file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Preset:
    id: str
    name: str
    name_en: str
    letter: str  # 投诉书 / 举报信 / 报案材料 / 证据目录 / 举报内容 / 公开投诉
    parts: tuple[str, ...]
    max_file_bytes: int | None  # None: no limit known
    formats: tuple[str, ...]
    split: bool  # split into numbered files to meet the limit, by default
    redact: bool
    hash_manifest: bool
    ask_id_number: bool
    limit_status: str  # V / S / U
    source: str
    citations: tuple[str, ...]
    max_images: int | None = None
    notes: tuple[str, ...] = ()  # 提交须知: what the recipient expects, each with its source label

    def with_limit(self, mb: float | None) -> Preset:
        """The same preset with a user's own per-file limit (the defaults are editable)."""
        return replace(self, max_file_bytes=None if mb is None else int(mb * MB))

    def limit_text(self) -> str:
        if self.max_file_bytes is None:
            return "无已知限制 / none known"
        sure = {"V": "已核实", "S": "仅见二手来源", "U": "未经核实，可修改的默认值"}[self.limit_status]
        return f"每个文件 ≤ {self.max_file_bytes / MB:g} MB（{sure}）"


def load_presets(path: Path | None = None) -> Mapping[str, Preset]:
    """id → Preset in file order; a bad file raises PresetsError naming it."""
    p = path or PRESETS_PATH
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
        out = {d["id"]: _parse(d) for d in raw["presets"]}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise PresetsError(p, f"{type(e).__name__}: {e}") from e
    missing = set(PRESET_IDS) - set(out)
    if missing:
        raise PresetsError(p, f"missing presets: {sorted(missing)}")
    return MappingProxyType(out)


def _parse(d: dict[str, Any]) -> Preset:
    mb = d["max_file_mb"]
    if d["limit_status"] not in ("V", "S", "U"):
        raise ValueError(f"{d['id']}: limit_status must be V, S or U")
    return Preset(
        id=str(d["id"]),
        name=str(d["name"]),
        name_en=str(d["name_en"]),
        letter=str(d["letter"]),
        parts=tuple(d["parts"]),
        max_file_bytes=None if mb is None else int(float(mb) * MB),
        formats=tuple(d["formats"]),
        split=bool(d["split"]),
        redact=bool(d["redact"]),
        hash_manifest=bool(d["hash_manifest"]),
        ask_id_number=bool(d["ask_id_number"]),
        limit_status=str(d["limit_status"]),
        source=str(d["source"]),
        citations=tuple(d["citations"]),
        max_images=d.get("max_images"),
        notes=tuple(str(n) for n in d.get("notes") or ()),
    )
