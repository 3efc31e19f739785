"""The presets file: every recipient, each limit with its source and how sure it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.citations import load_citations
from export.packs.presets import MB, PRESET_IDS, PRESETS_PATH, PresetsError, load_presets


def test_every_recipient_with_its_limit_source_and_status() -> None:
    presets = load_presets()
    assert tuple(presets) == PRESET_IDS
    assert presets["nifa"].max_file_bytes == 2 * MB and presets["nifa"].split and presets["nifa"].limit_status == "S"
    assert presets["regulator"].max_file_bytes == 10 * MB and presets["regulator"].limit_status == "U"
    assert presets["police"].max_file_bytes == 20 * MB and set(presets["police"].formats) == {"pdf", "jpg", "png"}
    assert presets["court"].redact is False and presets["public"].redact is True
    assert "未经核实" in presets["regulator"].limit_text()
    citations = load_citations()
    for p in presets.values():
        assert p.source.startswith("CHANNELS.md")
        assert all(c in citations for c in p.citations), p.id
        assert p.notes, p.id


def test_an_edited_limit_and_a_broken_file(tmp_path: Path) -> None:
    assert load_presets()["regulator"].with_limit(3).max_file_bytes == 3 * MB
    raw = json.loads(PRESETS_PATH.read_text(encoding="utf-8"))
    raw["presets"] = raw["presets"][:-1]
    bad = tmp_path / "presets.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(PresetsError, match="missing presets") as e:
        load_presets(bad)
    assert e.value.path == bad
