"""The court list's 页码 when an exhibit spans several pages (a long screenshot)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path

from casefile.importer import import_one
from casefile.model import CaseInfo
from casefile.store import CaseStore
from export.packs.presets import load_presets
from export.packs.selection import Selection, select
from export.packs.writer import PackRequest, plan_pack, write_pack
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.export.pdfcheck import page_texts
from tests.images import phone_png

TALL = (360, 5200)  # a long screenshot: the dossier cuts it over several A4 pages


def test_page_ranges_follow_a_long_screenshot(tmp_path: Path) -> None:
    store = CaseStore.open(tmp_path / "case")
    store.set_case_info(CaseInfo(title="长截图", complainant="张三", respondent="安心借"))
    for i, size in enumerate([(360, 780), TALL, (360, 780)]):
        png = phone_png(tmp_path / "src" / f"Screenshot_2025030{i + 1}_0900.png", "催收", size=size, seed=i)
        sid = import_one(store, png).screenshot_id
        assert sid is not None
        msg = ExtractedMessage(
            Kind.SMS, Direction.INCOMING, "10690123456789", datetime(2025, 3, 1 + i, 9, 0),
            f"请立即还款 {i}", confidence=0.9, time_source=TimeSource.SEPARATOR,
        )
        store.save_extraction(sid, Extraction(png.name, Layout.SMS_THREAD, None, "10690123456789", [msg]))
    data, left = select(store, Selection())
    store.close()
    plan = plan_pack(data, left, PackRequest(load_presets()["court"], Selection(), None, datetime(2026, 12, 1, 9, 0)))
    out = tmp_path / "court"
    write_pack(plan, out)
    pages = page_texts(out / "02_证据.pdf")
    starts = {int(n): i for i, t in enumerate(pages, 1) for n in re.findall(r"^证据(\d+) ", t, flags=re.M)}
    assert starts[3] - starts[2] >= 2  # exhibit 2 really spans pages
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "01_证据目录.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    listed = dict(re.findall(r"^(\d+)\s.*?\s(\d+(?:–\d+)?)\s+原件（", text, flags=re.M))
    assert listed["1"] == str(starts[1])
    assert listed["2"] == f"{starts[2]}–{starts[3] - 1}"
    assert listed["3"] == (str(starts[3]) if starts[3] == len(pages) else f"{starts[3]}–{len(pages)}")
