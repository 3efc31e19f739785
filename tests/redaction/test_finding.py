"""Values found by the case's rules, located on a real OCR reading, burned into a new image."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from PIL import Image

from export.redaction.burn import mask_text, mask_value, write_derived
from export.redaction.finding import find_boxes, sensitive_values
from export.redaction.redactor import default_reader, read_lines
from tests.redaction.conftest import CARD, COLLECTOR, ID_NUMBER, LINES, THIRD_PARTY


def test_values_exclude_the_collector() -> None:
    found = {(s.kind, s.value) for s in sensitive_values(LINES, collectors=[COLLECTOR])}
    assert ("id-number", ID_NUMBER.lower()) in found
    assert ("card-number", CARD) in found
    assert ("phone", THIRD_PARTY) in found
    assert not any(v == COLLECTOR for _, v in found)


def test_boxes_cover_the_numbers_on_a_rendered_screenshot(shot: Path, tmp_path: Path) -> None:
    original = shot.read_bytes()
    lines, w, h = read_lines(original, default_reader())
    values = sensitive_values(LINES, collectors=[COLLECTOR])
    boxes = find_boxes(lines, w, h, values)
    kinds = {b.kind for b in boxes}
    assert {"id-number", "card-number", "phone"} <= kinds
    # the ID box starts after the label 身份证号： (5 full-width glyphs ≈ 220 px at 44 px) and covers the digits
    idb = next(b for b in boxes if b.kind == "id-number")
    assert 150 < idb.x < 300 and idb.x + idb.w > 600
    assert 150 < idb.y + idb.h / 2 < 260
    # nothing on the collector's line (y ≈ 30–80)
    assert all(b.y > 100 for b in boxes)

    sha = hashlib.sha256(original).hexdigest()
    d = write_derived(original, sha, boxes, tmp_path / "derived")
    assert shot.read_bytes() == original  # the original is untouched
    assert d.original_sha256 == sha and d.sha256 == hashlib.sha256(d.path.read_bytes()).hexdigest()
    before = np.asarray(Image.open(shot).convert("RGB"))
    after = np.asarray(Image.open(d.path).convert("RGB"))
    inside = after[idb.y : idb.y + idb.h, idb.x : idb.x + idb.w]
    assert (inside == 0).all()  # opaque fill burned into the pixels
    assert (before[idb.y : idb.y + idb.h, idb.x : idb.x + idb.w] != 0).any()
    assert (after[30:80, 40:400] == before[30:80, 40:400]).all()  # the collector's number is unchanged
    assert not Image.open(d.path).info.get("exif")
    # the redacted image reads back without the secrets
    text = "".join(ln.text for ln in read_lines(d.path.read_bytes(), default_reader())[0]).replace(" ", "")
    assert ID_NUMBER not in text and CARD not in text and THIRD_PARTY not in text
    assert COLLECTOR in text


def test_mask_pattern_is_the_same_everywhere() -> None:
    values = sensitive_values(LINES, collectors=[COLLECTOR])
    assert mask_value("440301199003071234") == "4403**********1234"
    assert mask_value(THIRD_PARTY) == "138****8000"
    masked = mask_text(f"号码 {CARD[:4]} {CARD[4:8]} {CARD[8:]} 与 {ID_NUMBER.lower()}", values)
    assert CARD not in masked.replace(" ", "") and ID_NUMBER.lower() not in masked.lower()
    assert mask_value(CARD) in masked
