"""The complainant's address (and any typed value) found as people write it, masked in text and boxed on images."""

from __future__ import annotations

from pathlib import Path

from export.redaction.address import address_pattern, tails
from export.redaction.burn import mask_text
from export.redaction.finding import Sensitive, find_boxes, locate, sensitive_values
from export.redaction.redactor import default_reader, read_lines
from ocr.model import Box
from ocr.recognition import Line
from tests.redaction.conftest import ADDRESS, ID_NUMBER, render_address_screenshot


def test_the_address_matches_as_people_write_it() -> None:
    pat = address_pattern(ADDRESS)
    for written in (
        ADDRESS,
        "广东深圳南山区科技园路18号",  # without 省 and 市
        "深圳市南山区科技园路18号",
        "南山区科技园路18号",  # from the district on
        "广东省深圳市\n南山区科技园路 18 号",  # over two lines, spaced
    ):
        m = pat.search(f"地址：{written}，下午去")
        assert m is not None and "18" in m.group(), written
    assert pat.search("18号楼下见") is None  # a short tail alone is too common to mask
    assert pat.search("广东省深圳市福田区") is None  # another district of the same city is not the address
    assert tails(ADDRESS)[0] == ADDRESS and "科技园路18号" in tails(ADDRESS)


def test_every_written_form_is_masked_in_text() -> None:
    values = sensitive_values([], extra=[ADDRESS, ID_NUMBER])
    assert {(v.kind, v.value) for v in values} == {("address", ADDRESS), ("id-number", ID_NUMBER)}
    text = "你住广东深圳南山区科技园路18号吧？\n再不还就去南山区科技园路\n18号找你。身份证" + ID_NUMBER
    masked = mask_text(text, values)
    assert "科技园" not in masked and "18号" not in masked and ID_NUMBER not in masked
    assert "你住" in masked and "找你" in masked


def _line(text: str, x: int, y: int, w: int, h: int = 40) -> Line:
    return Line(text, 0.9, Box(x, y, w, h))


def test_an_address_split_over_two_lines_is_boxed_on_both() -> None:
    lines = [
        _line("收到请回复", 40, 20, 400),
        _line("我们已到广东省深圳市", 40, 100, 800),  # 10 CJK glyphs, 80 px each
        _line("南山区科技园路18号", 40, 150, 680),  # 7 CJK + 2 digits = 16 units, ~42 px each
        _line("门口", 40, 400, 160),  # far below: a new bubble
    ]
    boxes = locate(Sensitive("address", ADDRESS), lines, 1080, 900)
    on = sorted({b.y for b in boxes})
    assert len(on) == 2  # the two lines the address runs over, nothing else
    first = next(b for b in boxes if b.y < 100)
    assert 300 < first.x < 380 and first.x + first.w >= 840  # from 广 (the 5th glyph) to the line's end
    second = [b for b in boxes if b.y > 140]
    assert min(b.x for b in second) <= 40 and max(b.x + b.w for b in second) >= 720


def test_a_rendered_split_address_is_found_by_ocr(tmp_path: Path) -> None:
    path = render_address_screenshot(tmp_path / "addr.png")
    lines, w, h = read_lines(path.read_bytes(), default_reader())
    boxes = find_boxes(lines, w, h, sensitive_values([], extra=[ADDRESS]))
    assert boxes and all(b.kind == "address" for b in boxes)
    assert any(b.y < 100 and b.x > 250 for b in boxes)  # 广东深圳 at the end of the first line (after 明天上门，地址)
    assert any(100 <= b.y < 200 and b.x <= 60 and b.x + b.w > 400 for b in boxes)  # the street on the second
    assert all(b.y < 300 for b in boxes)  # 找李四谈谈 is untouched


def test_redacted_export_masks_the_kept_address(tmp_path: Path) -> None:
    """The address kept in the case is masked in the text and burned into the image of a redacted export."""
    import numpy as np
    from PIL import Image
    from pypdf import PdfReader

    from casefile.complainant import Complainant, save_complainant
    from casefile.store import CaseStore
    from cli.main import main
    from export.data import collect
    from export.redaction.session import RedactionSession
    from tests.redaction.conftest import ADDRESS_LINES, make_case

    case = make_case(tmp_path / "case", render_address_screenshot(tmp_path / "addr.png"), ADDRESS_LINES)
    with CaseStore.open(case, create=False) as store:
        save_complainant(store, Complainant("周杰", address=ADDRESS))
        data = collect(store)
    out = tmp_path / "r.pdf"
    assert main(["export", "--case", str(case), "--out", str(out), "--redact"]) == 0
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "科技园" not in text and "广东深圳" not in text and "李四" in text
    assert "已遮盖" in text
    session = RedactionSession.start(data, case)
    try:
        (ex,) = session.data.exhibits
        assert ex.derived is not None and ex.masked_areas >= 2  # both lines of the address
        after = np.asarray(Image.open(ex.derived).convert("RGB"))
        assert (after[130:160, 60:400] == 0).all()  # the street line is burned black
        assert (after[400:450, 40:300] != 0).any()  # the name line is not
    finally:
        session.close()


def test_a_typed_number_is_matched_with_or_without_its_dashes() -> None:
    values = sensitive_values([], extra=["0755-86001234"])
    masked = mask_text("座机 0755 8600 1234，或 075586001234", values)
    assert "8600" not in masked and masked.count("*") >= 12  # both forms masked (the one pattern keeps the ends)
