"""The dossier read back as a recipient would: text, pages, fonts, bookmarks, hashes, pixels."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.atomic import PARTIAL_PREFIX
from casefile.jobs import CancelToken, Progress
from casefile.model import Message, Screenshot
from casefile.store import CaseStore
from export import styles as st
from export.dossier import build_dossier
from export.errors import ExportError, ExportFailure
from export.options import DossierOptions, Section
from export.text import plain
from tests.export.conftest import GENERATED_AT, corpus_images, make_case
from tests.export.pdfcheck import fonts, ink, outline, page_texts, render, squash


@dataclass
class Built:
    store: CaseStore
    pdf: Path
    texts: list[str]
    shots: list[Screenshot]
    messages: list[Message]


def _build(store: CaseStore, pdf: Path, **kw: object) -> list[Progress]:
    return list(build_dossier(store, pdf, DossierOptions(generated_at=GENERATED_AT, **kw)))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("dossier")
    store = make_case(root / "case")
    pdf = root / "out" / "dossier.pdf"
    _build(store, pdf)
    yield Built(store, pdf, page_texts(pdf), store.screenshots(), store.messages(include_excluded=False))
    store.close()


def _pages_of(built: Built, title_prefix: str) -> int:
    return next(p for _, t, p in outline(built.pdf) if t.startswith(title_prefix))


def test_page_count_and_footer_on_every_page(built: Built) -> None:
    n = len(PdfReader(built.pdf).pages)
    assert n == len(built.texts) >= 8
    for i, text in enumerate(built.texts, 1):
        assert f"第 {i} 页 / 共 {n} 页" in text, f"page {i}"
        assert "周杰 诉 鑫盛易贷 等 催收骚扰" in text  # the case title in every header


def test_every_message_text_is_in_its_exhibit(built: Built) -> None:
    exhibit_text = squash("".join(built.texts[_pages_of(built, "证据1 ") - 1 :]))
    chronology = squash("".join(built.texts))
    for m in built.messages:
        if not m.text:
            continue
        want = squash(plain(m.text))
        assert want in exhibit_text, m.text
        assert want in chronology


def test_corrections_show_the_ocr_value(built: Built) -> None:
    corrected = next(m for m in built.messages if "text" in m.corrected)
    assert corrected.ocr is not None
    all_text = squash("".join(built.texts))
    assert squash(plain(corrected.text)) in all_text
    assert squash("OCR 识别为：" + plain(corrected.ocr.text)) in all_text
    assert "已更正" in all_text


def test_exhibit_hashes_are_the_files_hashes(built: Built) -> None:
    text = "".join(built.texts)
    by_name = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_images()}
    for s in built.shots:
        assert s.sha256 == by_name[s.original_name]
        assert s.sha256 == hashlib.sha256(built.store.original_file(s).read_bytes()).hexdigest()
        assert s.sha256 in text


def test_bookmarks_for_every_section_and_exhibit_point_at_their_pages(built: Built) -> None:
    marks = outline(built.pdf)
    titles = [t for _, t, _ in marks]
    for want in ("封面", "一、证据目录", "制作说明", "二、统计摘要", "三、时间线", "四、证据", "五、附录", "附录一", "附录二"):
        assert any(t.startswith(want) for t in titles), want
    ex_pages = []
    for k in range(1, len(built.shots) + 1):
        level, _title, page = next(m for m in marks if m[1].startswith(f"证据{k} "))
        assert level == 1
        assert f"证据{k}" in built.texts[page - 1]
        ex_pages.append(page)
    assert ex_pages == sorted(ex_pages) and len(set(ex_pages)) == len(ex_pages)


def test_index_page_numbers_are_the_real_pages(built: Built) -> None:
    page = _pages_of(built, "一、证据目录")
    # The 页码 column only: the right-most 46 pt of the text frame.
    x = int(st.MARGIN_X + st.FRAME_W - 46)
    column = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-r", "72", "-f", str(page), "-l", str(page),
         "-x", str(x), "-y", "0", "-W", "60", "-H", "842", str(built.pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    marks = outline(built.pdf)
    want = [str(next(p for _, t, p in marks if t.startswith(f"证据{k} "))) for k in range(1, len(built.shots) + 1)]
    got = [w for w in column if re.fullmatch(r"\d+(–\d+)?", w)]
    assert [g.split("–")[0] for g in got] == want
    assert "000" not in column  # the first pass's placeholder never survives


def test_fonts_embedded_subset_no_base14(built: Built) -> None:
    rows = fonts(built.pdf)
    assert rows
    for r in rows:
        assert r["emb"] == "yes" and r["sub"] == "yes" and r["uni"] == "yes", r["line"]
        assert re.match(r"[A-Z]{6}\+NotoSansSC", r["name"]), r["line"]


def test_metadata(built: Built) -> None:
    meta = PdfReader(built.pdf).metadata
    assert meta is not None
    assert meta.title == "周杰 诉 鑫盛易贷 等 催收骚扰 — 证据材料"
    assert meta.author == "周杰"
    assert meta.subject == "网络借贷催收骚扰证据材料"
    # The PDF's own dates are the cover's "generated at", not ReportLab's invariant 2000-01-01.
    assert meta.creation_date is not None
    assert meta.creation_date.astimezone() == GENERATED_AT.astimezone()


def test_cover_has_counts_version_and_manifest_hash(built: Built) -> None:
    cover = built.texts[0]
    assert "2025-06-01 09:30" in cover
    assert "Screenproof" in cover
    assert re.search(r"\b[0-9a-f]{64}\b", cover)
    assert "截图：5" in squash(cover)
    assert "辅助整理，以截图原件为准" in squash(cover)


def test_one_page_of_each_section_is_not_blank(built: Built, tmp_path: Path) -> None:
    for title in ("封面", "一、证据目录", "二、统计摘要", "三、时间线", "证据1 ", "五、附录"):
        png = render(built.pdf, _pages_of(built, title), tmp_path)
        assert ink(png) > 0.01, title


def test_exhibit_pages_carry_the_screenshot(built: Built, tmp_path: Path) -> None:
    page = _pages_of(built, "证据1 ")
    assert ink(render(built.pdf, page, tmp_path)) > 0.08  # a phone screen, not just text
    images = PdfReader(built.pdf).pages[page - 1].images
    assert images and images[0].name.lower().endswith((".jpg", ".jpeg"))


def test_same_case_twice_gives_the_same_bytes(built: Built, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    _build(built.store, again)
    assert again.read_bytes() == built.pdf.read_bytes()


def test_english_labels(built: Built, tmp_path: Path) -> None:
    pdf = tmp_path / "en.pdf"
    _build(built.store, pdf, lang="en")
    texts = page_texts(pdf)
    n = len(texts)
    assert f"Page 1 of {n}" in texts[0] and f"Page {n} of {n}" in texts[-1]
    joined = "".join(texts)
    assert "Index of exhibits" in joined and "证据目录" not in joined
    assert "Threat" in joined or "threat" in joined.lower()  # tags in English


def test_sections_can_be_left_out(built: Built, tmp_path: Path) -> None:
    pdf = tmp_path / "part.pdf"
    _build(built.store, pdf, sections=frozenset({Section.COVER, Section.EXHIBITS}))
    joined = "".join(page_texts(pdf))
    assert "证据目录" not in joined and "时间线" not in joined
    assert [t for _, t, _ in outline(pdf)][:2] == ["封面", "四、证据"]


def test_cancel_midway_leaves_nothing(built: Built, tmp_path: Path) -> None:
    target = tmp_path / "cancelled.pdf"
    token = CancelToken()
    for seen, _ in enumerate(build_dossier(built.store, target, DossierOptions(generated_at=GENERATED_AT), cancel=token), 1):
        if seen == 3:
            token.cancel()
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_earlier_dossier(built: Built, tmp_path: Path) -> None:
    target = tmp_path / "d.pdf"
    target.write_bytes(b"earlier")
    token = CancelToken()
    for p in build_dossier(built.store, target, DossierOptions(), cancel=token):
        if p.label.startswith("layout"):
            token.cancel()
    assert target.read_bytes() == b"earlier"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(PARTIAL_PREFIX)]


def test_cancel_during_layout_stops_the_pass(built: Built, tmp_path: Path) -> None:
    """The layout checks between flowables, so a big dossier stops promptly too."""
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 40  # well inside the first layout pass

    list(build_dossier(built.store, tmp_path / "x.pdf", DossierOptions(), cancel=cancel))
    assert list(tmp_path.iterdir()) == []


def test_altered_original_stops_the_export(tmp_path: Path) -> None:
    store = make_case(tmp_path / "case", corpus_images()[:2])
    shot = store.screenshots()[0]
    path = store.original_file(shot)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"x")
    target = tmp_path / "out.pdf"
    with pytest.raises(ExportError) as e:
        list(build_dossier(store, target, DossierOptions()))
    assert e.value.reason is ExportFailure.ORIGINAL_ALTERED
    assert not target.exists()
    store.close()


def test_empty_case_still_makes_a_dossier(tmp_path: Path) -> None:
    store = CaseStore.open(tmp_path / "empty")
    pdf = tmp_path / "empty.pdf"
    _build(store, pdf)
    texts = page_texts(pdf)
    assert "（未命名案件）" in texts[0]
    assert "尚无" in "".join(texts)
    store.close()


def test_a_message_without_text_is_named_in_exhibit_and_chronology(tmp_path: Path) -> None:
    """A picture or sticker has no text; a blank cell would look like a lost message."""
    images = [p for p in corpus_images() if "tencent" in p.name][:1]
    assert images
    store = make_case(tmp_path / "case", images)
    try:
        chat = next(m for m in store.messages(include_excluded=False) if m.text)
        store.correct(chat.id, "text", "")
        pdf = tmp_path / "d.pdf"
        _build(store, pdf)
        text = squash("".join(page_texts(pdf)))
        assert text.count(squash("〔无文字：图片、表情或未能识别〕")) >= 2  # its exhibit and the chronology
    finally:
        store.close()
