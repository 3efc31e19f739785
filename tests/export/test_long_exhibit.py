"""A long scrolling screenshot in the dossier: each slice's messages printed right after that slice."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from casefile.importer import ImportResult, import_paths
from casefile.model import CaseInfo, Message, Origin
from casefile.store import CaseStore
from export.data import collect
from export.dossier import write_dossier
from export.options import DossierOptions, Section
from export.redaction.redactor import Redactor
from export.sections.segments import by_segment
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind
from tests.export.conftest import GENERATED_AT
from tests.export.pdfcheck import page_texts, squash
from tests.ocr.chat_render import Item, render_chat

ROW = 180  # chat_render draws a text row every 180 px from y = 300
N = 34
SECRET = "13800138000"  # a third party's number quoted in a bubble of the third slice
CUT_Y = 2050  # a bubble 2050..2200 crosses the first slice edge (2088 px at 300 pt wide)


def _texts() -> list[str]:
    return [f"第{i}条催收消息" if i != 25 else f"联系人{SECRET}第{i}条" for i in range(1, N + 1)]


def _long_chat(path: Path) -> Path:
    texts = _texts()
    parts = []
    for k in range(0, N, 10):
        items = [Item("in" if j % 2 == 0 else "out", t) for j, t in enumerate(texts[k : k + 10])]
        screen = render_chat("王经理", items)
        parts.append(screen[: 300 + 10 * ROW] if k == 0 else screen[300 : 300 + 10 * ROW])
    img = np.vstack(parts)
    Image.fromarray(img[:, :, ::-1]).save(path)
    return path


def _box(i: int) -> Box:
    """The i-th bubble's box; bubble 11 is moved to cross the first slice edge."""
    return Box(140, CUT_Y if i == 11 else 300 + (i - 1) * ROW, 700, 150)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_case(tmp_path_factory.mktemp("long"))


def build_case(root: Path) -> Path:
    """A case holding one 1080 × 7,500 chat screenshot and its hand-made reading."""
    shot = _long_chat(root / "Screenshot_20250501-100000.png")
    folder = root / "case"
    with CaseStore.open(folder) as store:
        store.set_case_info(CaseInfo(title="长截图 测试", complainant="周杰"))
        (r,) = [r for r in import_paths(store, [shot]) if isinstance(r, ImportResult)]
        assert r.screenshot_id is not None
        ex = Extraction(image=shot.name, layout=None, captured_at=datetime(2025, 5, 1, 10), engine="hand-made")
        ex.thread_title = "王经理"
        ex.messages = [
            ExtractedMessage(
                Kind.CHAT,
                Direction.INCOMING if i % 2 else Direction.OUTGOING,
                "王经理" if i % 2 else None,
                datetime(2025, 5, 1, 9, i),
                t,
                box=_box(i),
            )
            for i, t in enumerate(_texts(), 1)
        ]
        store.save_extraction(r.screenshot_id, ex)
    return folder


def _options() -> DossierOptions:
    return DossierOptions(generated_at=GENERATED_AT, sections=frozenset({Section.EXHIBITS}))


def _segments_of(text: str) -> dict[int, int]:
    """Exhibit message number → the slice whose label last precedes it in the reading order."""
    labels = [(m.start(), int(m.group(1))) for m in re.finditer(r"（截图第(\d+)/\d+段）", text)]
    found: dict[int, int] = {}
    for m in re.finditer(r"1-(\d+)\d{4}-\d\d-\d\d", text):
        seg = max((s for pos, s in labels if pos < m.start()), default=0)
        found.setdefault(int(m.group(1)), seg)
    return found


def test_each_slice_is_followed_by_its_own_messages(case: Path, tmp_path: Path) -> None:
    with CaseStore.open(case, create=False) as store:
        data = collect(store)
    pdf = tmp_path / "long.pdf"
    list(write_dossier(data, pdf, _options()))
    text = squash("".join(page_texts(pdf)))
    n = len(re.findall(r"（截图第\d+/(\d+)段）", text))
    assert n >= 3
    want = {i: min(n, _box(i).y // 2088 + 1) for i in range(1, N + 1)}
    assert _segments_of(text) == want
    for t in _texts():
        assert text.count(t) == 1, t  # the bubble cut by the edge is printed once, in slice 1
    assert want[11] == 1
    assert text.count("段文字整理") == len(set(want.values()))  # a slice without messages has none


def test_by_segment_keeps_every_message_once_in_order() -> None:
    def msg(i: int, y: int | None) -> Message:
        return Message(
            i, 1, float(i), Kind.CHAT, Direction.INCOMING, None, None, None, f"m{i}",
            None if y is None else Box(0, y, 10, 100), 1.0, {}, None, Origin.OCR, False,
        )

    msgs = [msg(1, None), msg(2, 10), msg(3, 1990), msg(4, None), msg(5, 2500), msg(6, 9000)]
    parts = by_segment(msgs, [(0, 2000), (2000, 4000), (4000, 5000)])
    assert [[n for n, _ in p] for p in parts] == [[1, 2, 3, 4], [5], [6]]


def test_redacted_long_exhibit_masks_the_value_beside_its_slice(case: Path, tmp_path: Path) -> None:
    with CaseStore.open(case, create=False) as store:
        data = collect(store)
    redactor = Redactor.for_data(data, case, tmp_path / "w", lambda image: [])
    masked = redactor.redact_data(data)
    pdf = tmp_path / "redacted.pdf"
    list(write_dossier(masked, pdf, _options()))
    text = squash("".join(page_texts(pdf)))
    assert SECRET not in text and "联系人138" in text
    assert _segments_of(text)[25] == 3
