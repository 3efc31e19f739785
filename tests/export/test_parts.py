"""The small pure parts: safe names, text escaping, labels, chart scales, image slicing."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.platypus import Paragraph

from export.images import page_images
from export.labels import LANGS, label_keys, labels
from export.manifest import build_manifest, safe_name
from export.options import ALL_SECTIONS, DossierOptions, Section, parse_sections
from export.sections.summary import nice_max
from export.styles import make_styles
from export.text import normalise, para


@pytest.mark.parametrize(
    ("original", "ext", "want"),
    [
        ("Screenshot_20250310-143205.png", "png", "Screenshot_20250310-143205.png"),
        ("IMG_5043", "jpg", "IMG_5043.jpg"),
        ("photo.JPEG", "jpg", "photo.JPEG"),
        ("disguised.png", "jpg", "disguised.png.jpg"),
        ('a/b\\c:d*e?"f<g>h|i.png', "png", "c_d_e__f_g_h_i.png"),
        ("..\\..\\evil.png", "png", "evil.png"),
        ("tab\there\nnewline.png", "png", "tab_here_newline.png"),
        ("   .png", "png", "screenshot.png"),
        ("微信图片_20250101.jpg", "jpg", "微信图片_20250101.jpg"),
    ],
)
def test_safe_name(original: str, ext: str, want: str) -> None:
    assert safe_name(original, ext) == want


def test_safe_name_is_bounded() -> None:
    name = safe_name("截" * 300 + ".png", "png")
    assert len(name.encode("utf-8")) <= 180 and name.endswith(".png")


def test_manifest_format_and_padding() -> None:
    items = [(i, f"{i:064x}", "a.png", "png") for i in range(1, 101)]
    m = build_manifest(items)
    lines = m.text.splitlines()
    assert lines[0] == f"{1:064x}  originals/证据001_a.png"
    assert len(lines) == 100 and m.text.endswith("\n")


def test_para_escapes_markup_and_keeps_fullwidth_punctuation() -> None:
    styles = make_styles()
    text = "您好，<b>请</b> & 立即还款！（逾期）"
    markup = para(text)
    assert "&lt;b&gt;" in markup and "&amp;" in markup
    assert "，" in markup and "！" in markup and "（" in markup  # NFKC would make these ASCII
    Paragraph(markup, styles.cell)  # parses


def test_normalise_folds_compatibility_characters() -> None:
    assert normalise("⼀二") == "一二"  # Kangxi radical → ideograph the font has
    assert normalise("a\u200bb\tc") == "ab c"


def test_undrawable_characters_are_spelled_out() -> None:
    assert "[U+1F621]" in para("还钱😡")


def test_labels_complete_in_both_languages() -> None:
    for lang in LANGS:
        table = labels(lang)
        assert set(table) == label_keys()
        assert all(v for v in table.values())
    assert labels("zh", {"doc_title": "X"})["doc_title"] == "X"
    with pytest.raises(KeyError):
        labels("zh", {"no_such_label": "X"})


def test_options() -> None:
    assert parse_sections(None) == ALL_SECTIONS
    assert parse_sections("cover, exhibits") == {Section.COVER, Section.EXHIBITS}
    with pytest.raises(ValueError, match="unknown section"):
        parse_sections("cover,nope")
    with pytest.raises(ValueError):
        DossierOptions(jpeg_quality=100)


@pytest.mark.parametrize(("v", "top", "step"), [(0, 1, 1), (3, 3, 1), (7, 8, 2), (23, 25, 5), (140, 150, 50)])
def test_nice_max(v: int, top: int, step: int) -> None:
    assert nice_max(v) == (top, step)


def _png(size: tuple[int, int], mode: str = "RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def test_page_image_is_a_smaller_jpeg() -> None:
    [img] = page_images(_png((1080, 2340), "RGBA"), max_w_pt=300, max_h_pt=580, min_w_pt=170, dpi=150, quality=70)
    assert img.jpeg[:2] == b"\xff\xd8"
    assert img.height_pt == pytest.approx(580) and img.width_pt < 300
    assert img.pixels[1] <= 580 / 72 * 150 + 1


def test_long_scrolling_screenshot_is_sliced() -> None:
    parts = page_images(_png((1080, 12000)), max_w_pt=300, max_h_pt=580, min_w_pt=170, dpi=150, quality=70)
    assert len(parts) > 1
    assert all(p.height_pt <= 580 + 0.01 and p.width_pt == pytest.approx(300) for p in parts)
    assert sum(p.height_pt for p in parts) == pytest.approx(12000 * 300 / 1080, rel=0.01)
