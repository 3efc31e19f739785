"""The dossier places day-only items on their day and says where capture times come from (issue 12).

A real SMS-list screenshot (tests/data/export, see SOURCE.md) whose rows show
``13:54``, ``周六``, ``10月15日``, ``10月14日``: read back from the PDF, each row
is under its own day, after that day's timed items, marked 时间未显示, and the
制作说明 counts them. A copy without a time in its name is dated by its file
modification time, which the exhibit calls uncertain, never "taken".
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import datetime

import pytest

from casefile.importer import ImportResult, import_paths
from casefile.store import CaseStore
from export.dossier import build_dossier
from export.options import DossierOptions
from ocr.model import Extraction
from ocr.times import apply_labels
from tests.export.conftest import EXPORT_DATA, GENERATED_AT
from tests.export.pdfcheck import page_texts, squash

INBOX = EXPORT_DATA / "Screenshot_20241023_165018_com.google.android.apps.messaging.png"
LABELS = ["13:54", "周六", "10月15日", "10月15日", "10月14日", "10月14日"]  # as the rows show them
CHAT = EXPORT_DATA / "Screenshot_20241128_234702_com.tencent.mm.jpg"
CALLS = EXPORT_DATA / "IMG_5043.jpg"  # an iPhone capture: its time is in EXIF
SET_BY_USER = datetime(2025, 5, 13, 10, 30, 0)
COPIED_AT = datetime(2026, 12, 3, 2, 54, 0)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CaseStore, list[str]]]:
    root = tmp_path_factory.mktemp("dates")
    copy = root / "wechat.jpg"  # no time in the name, no EXIF: only the copy's mtime
    shutil.copyfile(CHAT, copy)
    os.utime(copy, (COPIED_AT.timestamp(), COPIED_AT.timestamp()))
    store = CaseStore.open(root / "case")
    results = [r for r in import_paths(store, [INBOX, copy, CALLS]) if isinstance(r, ImportResult)]
    for r in results:
        assert r.screenshot_id is not None
        source = CHAT if r.path == copy else r.path
        gold = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        ex = Extraction.from_json(gold)
        ex.engine, ex.engine_version = "hand-made", "test"
        if r.path == INBOX:
            for m, label in zip(ex.messages, LABELS, strict=True):
                m.time_text = label
            apply_labels(ex.messages, ex.captured_at, newest_first=True)
        store.save_extraction(r.screenshot_id, ex)
        if r.path == CALLS:  # the complainant corrects when this one was taken
            store.set_capture_time([r.screenshot_id], SET_BY_USER)
    pdf = root / "dossier.pdf"
    list(build_dossier(store, pdf, DossierOptions(generated_at=GENERATED_AT)))
    yield store, page_texts(pdf)
    store.close()


def _chronology(texts: list[str]) -> str:
    start = next(i for i, t in enumerate(texts) if "三、时间线" in t and "2024-10" in t)
    end = next(i for i, t in enumerate(texts) if i > start and "四、证据" in t and "证据1" in squash(t))
    return squash("".join(texts[start:end]))


def test_chronology_puts_each_row_on_its_own_day(dossier: tuple[CaseStore, list[str]]) -> None:
    _, texts = dossier
    chron = _chronology(texts)
    heads = [(m.group(1), m.start()) for m in re.finditer(r"(2024-\d\d-\d\d)星期.（\d+条）", chron)]
    days = [d for d, _ in heads]
    assert days[:4] == ["2024-10-14", "2024-10-15", "2024-10-19", "2024-10-23"], days
    bounds = dict(heads)

    def day_of(snippet: str) -> str:
        pos = chron.index(squash(snippet))
        return max((d for d, p in heads if p < pos), key=lambda d: bounds[d])

    # rows found by their sender cell, which the PDF's text keeps in row order
    assert day_of("时间未显示1068322028401") == "2024-10-15"
    assert day_of("时间未显示10694888661838") == "2024-10-15"
    assert day_of("时间未显示95223") == "2024-10-14"
    assert day_of("时间未显示爸爸") == "2024-10-19"
    assert day_of("13:5495994") == "2024-10-23"
    # day-only rows say so; on 10-23 the one timed row shows its minute
    seg_15 = chron[bounds["2024-10-15"] : bounds["2024-10-19"]]
    assert seg_15.count("时间未显示") == 2
    seg_23 = chron[bounds["2024-10-23"] :]
    assert "13:54" in seg_23


def test_method_counts_day_only_and_unknown(dossier: tuple[CaseStore, list[str]]) -> None:
    store, texts = dossier
    whole = squash("".join(texts))
    n = len(store.messages(include_excluded=False))
    # minutes: 13:54 on the list, the chat's 4, the call log's 2; the call log's other 4 rows carry
    # no day in this (older) hand-made reading
    assert f"本材料共{n}条记录，其中7条截图显示了具体时刻；5条截图只显示日期、未显示时刻" in whole
    assert "4条截图既未显示日期也未显示时刻" in whole
    assert "1张取自文件名，0张取自EXIF，1张取自文件修改时间（可能不是截图时间），1张由申请人设定，0张未知" in whole


def test_exhibits_show_day_only_rows_and_uncertain_capture_time(dossier: tuple[CaseStore, list[str]]) -> None:
    _, texts = dossier
    whole = squash("".join(texts))
    assert "2024-10-15时间未显示" in whole
    assert "2026-12-0302:54:00（来源：文件修改时间，可能不是截图时间）" in whole
    assert "拍摄" not in whole
    # a time the complainant set says what it replaced, and the change is in the correction log
    assert "2025-05-1310:30:00（来源：申请人设定；原为2025-05-1310:28:42（来源：EXIF））" in whole
    log = whole[whole.index("附录二：更正记录") :]
    assert "截图时间2025-05-1310:28:42（来源：EXIF）2025-05-1310:30:00（来源：用户填写）" in log
