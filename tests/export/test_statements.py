"""Every statement the dossier makes about the case is generated from the case, read back from the PDF.

The cover and the 制作说明 state how many screenshots the complainant reviewed,
which engine read them, what "night" means and which tags were found; each
exhibit states its own engine and review status. A dossier is evidence, so
each of these is checked here against the store, not against a fixed text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from casefile.citations import load_citations
from casefile.importer import ImportResult, import_paths
from casefile.model import CaseInfo, Screenshot, TagState
from casefile.store import CaseStore
from casefile.tagging import apply_suggestions, load_rules
from casefile.timeline import build_timeline
from export.data import collect
from export.dossier import build_dossier
from export.options import DossierOptions
from ocr.model import Direction, Extraction, Kind
from tests.export.conftest import GENERATED_AT, corpus_images
from tests.export.pdfcheck import outline, page_texts, squash

RAPID = "rapidocr 3.10.0 (onnxruntime 1.32.0; PP-OCRv6_det_small.onnx, PP-OCRv6_rec_small.onnx)"
TESSERACT = "tesseract 5.3.0 (chi_sim)"
COLLECTOR = "王主管"


@dataclass
class Case:
    store: CaseStore
    pdf: Path
    texts: list[str]
    shots: list[Screenshot]


def _make(folder: Path) -> CaseStore:
    """Corpus screenshots read by two engines, two of five reviewed, rules run, some tags decided."""
    store = CaseStore.open(folder)
    store.set_case_info(CaseInfo(title="周杰 诉 鑫盛易贷", complainant="周杰", respondent="鑫盛易贷"))
    results = [r for r in import_paths(store, corpus_images()) if isinstance(r, ImportResult)]
    for k, r in enumerate(results):
        ex = Extraction.from_json(json.loads(r.path.with_suffix(".json").read_text(encoding="utf-8")))
        ex.engine, ex.engine_version = ("tesseract", TESSERACT) if k == 1 else ("rapidocr", RAPID)
        assert r.screenshot_id is not None
        store.save_extraction(r.screenshot_id, ex)
    shots = store.screenshots()
    store.set_reviewed(shots[0].id, True)
    store.set_reviewed(shots[2].id, True)
    chat = next(s for s in shots if s.layout is not None and s.layout.value == "chat_thread")
    # 07:30 is night in the rules' 22:00–08:00 window (and was not in the 22:00–07:00 the labels used to print)
    store.add_message(chat.id, kind=Kind.CHAT, direction=Direction.INCOMING, sender=COLLECTOR,
                      time=datetime(2024, 11, 27, 7, 30), text="后果自负！")
    assert apply_suggestions(store) > 0
    msgs = store.messages(include_excluded=False)
    threat = next(m for m in msgs if m.text.startswith("你这属于恶意拖欠"))
    store.set_tag(threat.id, "威胁", TagState.CONFIRMED)
    early = next(m for m in msgs if m.text == "后果自负！")
    store.set_tag(early.id, "夜间", TagState.CONFIRMED)  # 威胁 on it stays a suggestion
    return store


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    root = tmp_path_factory.mktemp("statements")
    store = _make(root / "case")
    pdf = root / "dossier.pdf"
    list(build_dossier(store, pdf, DossierOptions(generated_at=GENERATED_AT)))
    yield Case(store, pdf, page_texts(pdf), store.screenshots())
    store.close()


def _section(case: Case, title: str) -> str:
    marks = outline(case.pdf)
    start = next(p for _, t, p in marks if t.startswith(title))
    later = [p for _, t, p in marks if p > start]
    end = min(later) if later else len(case.texts) + 1
    return squash("".join(case.texts[start - 1 : max(start, end - 1)]))


def test_review_status_is_counted_on_the_cover_and_in_the_method(case: Case) -> None:
    reviewed = sum(1 for s in case.shots if s.reviewed)
    total = len(case.shots)
    assert (reviewed, total) == (2, 5)
    cover = squash(case.texts[0])
    assert f"已逐条核对的截图：{reviewed}/{total}" in cover
    assert f"{total}张截图中{reviewed}张已由投诉人逐条核对，{total - reviewed}张尚未核对" in cover
    method = _section(case, "制作说明")
    assert f"{total}张截图中，{reviewed}张已由投诉人逐条核对，{total - reviewed}张尚未核对" in method
    everything = squash("".join(case.texts))
    assert "并经用户逐条核对" not in everything  # the old blanket claim


def test_each_exhibit_names_its_engine_and_its_review_status(case: Case) -> None:
    for n, shot in enumerate(case.shots, 1):
        page = _section(case, f"证据{n}")
        assert squash(shot.ocr_version) in page, n
        assert ("已由投诉人逐条核对" in page) == shot.reviewed, n
        assert ("尚未经投诉人核对" in page) == (not shot.reviewed), n
    method = _section(case, "制作说明")
    assert squash(RAPID) in method and squash(TESSERACT) in method


def test_the_night_window_printed_is_the_one_counted(case: Case) -> None:
    start, end = load_rules().night_window
    window = f"{start:%H:%M}–{end:%H:%M}"
    assert window == "22:00–08:00"
    everything = squash("".join(case.texts))
    assert "22:00–07:00" not in everything
    summary = _section(case, "二、统计摘要")
    tl = build_timeline(case.store.messages(include_excluded=False), case.shots, tags=case.store.tags())
    night = sum(1 for e in tl.entries if e.received and e.time is not None and load_rules().is_night(e.time))
    assert night >= 1
    assert f"夜间（{window}）{night}条" in summary
    assert f"深色部分为夜间（{window}）" in summary
    assert f"夜间指{window}" in _section(case, "制作说明")


def test_only_confirmed_tags_are_printed_and_counted(case: Case) -> None:
    tags = case.store.tags()
    confirmed = {t.tag for t in tags if t.state == TagState.CONFIRMED}
    suggested_only = {t.tag for t in tags if t.state == TagState.SUGGESTED} - confirmed
    assert confirmed == {"威胁", "夜间"} and suggested_only  # the rules suggested more than the user confirmed
    exhibits = squash("".join(case.texts[_page(case, "四、证据") - 1 : _page(case, "五、附录") - 1]))
    name = "(?:" + "|".join(map(re.escape, load_rules().tag_names)) + ")"
    printed = {t for line in re.findall(f"标签：({name}(?:、{name})*)", exhibits) for t in line.split("、")}
    assert printed == confirmed
    index = _section(case, "一、证据目录")
    for tag in suggested_only:
        assert tag not in index, tag  # 证明目的 "内容涉及：" names confirmed tags only
    data = collect(case.store)
    assert dict(data.tag_counts()) == {"威胁": 1, "夜间": 1}
    summary = _section(case, "二、统计摘要")
    assert f"另有{data.unconfirmed_entries}条记录带有未经确认的规则建议，未计入" in summary
    method = _section(case, "制作说明")
    assert f"只有经投诉人确认的标签才列入本材料并计入统计（{data.confirmed_entries}条记录）" in method
    assert f"未经确认的建议（{data.unconfirmed_entries}条记录）不列入" in method


def test_each_confirmed_tag_shows_its_citations_with_their_kind(case: Case) -> None:
    rules = load_rules()
    appendix = _section(case, "附录三")
    summary = _section(case, "二、统计摘要")
    for tag in ("威胁", "夜间"):
        cited = rules.citations_of(tag)
        assert cited, tag
        for c in cited:
            assert squash(c.title + c.status_text()) in appendix, c.id
            assert squash(f"{c.title}（{c.kind}）") in summary, c.id
    gbt = load_citations()["gbt45251_2025"]
    assert squash("GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》（国家标准（推荐性）") in appendix
    assert gbt.kind == "国家标准（推荐性）" and "不是法律" in appendix
    # a tag nobody confirmed cites nothing in the dossier
    assert "附录三" in appendix and "标签“侮辱”" not in appendix


def _page(case: Case, title: str) -> int:
    return next(p for _, t, p in outline(case.pdf) if t.startswith(title))
