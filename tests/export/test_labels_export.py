"""A call row's labels (the phone's mark, the number's place and carrier) in the dossier's chronology
and the bundle's CSV and JSON; a case without labels gets the files it always did."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.store import CaseStore
from export.bundle import build_bundle
from export.options import DossierOptions
from ocr.model import Extraction
from tests.export.conftest import EXPORT_DATA, GENERATED_AT, make_case
from tests.export.pdfcheck import page_texts, squash

OPTIONS = DossierOptions(generated_at=GENERATED_AT)
CALLS = EXPORT_DATA / "Screenshot_2024-10-15-12-08-05-887_com.google.android.dialer.png"
MARKS = {"18991501641": ("骚扰电话", "陕西西安 移动"), "059224003833": ("被128人标记为骚扰电话",)}


def _bundle(root: Path, *, labelled: bool) -> tuple[CaseStore, Path]:
    store = make_case(root / "case", [CALLS])
    if labelled:  # the same screenshot read again, its rows now carrying what the phone showed beside them
        ex = Extraction.from_json(json.loads(CALLS.with_suffix(".json").read_text(encoding="utf-8")))
        for m in ex.messages:
            m.labels = MARKS.get(m.sender or "", ())
        ex.engine, ex.engine_version = "hand-made", "test"
        store.save_extraction(store.screenshots()[0].id, ex)
    out = root / "bundle"
    list(build_bundle(store, out, OPTIONS))
    return store, out


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    store, out = _bundle(tmp_path_factory.mktemp("labelled"), labelled=True)
    yield out
    store.close()


def _csv(out: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO((out / "时间线.csv").read_bytes().decode("utf-8-sig"))))


def test_the_csv_has_a_labels_column_with_each_rows_labels(labelled: Path) -> None:
    rows = _csv(labelled)
    assert rows[0][-1] == "标注"
    by_sender = {r[2]: r[-1] for r in rows[1:]}
    assert by_sender["18991501641"] == "骚扰电话 · 陕西西安 移动"
    assert by_sender["059224003833"] == "被128人标记为骚扰电话"
    assert by_sender["13557820966"] == ""


def test_the_json_entries_carry_their_labels(labelled: Path) -> None:
    entries = json.loads((labelled / "时间线.json").read_text(encoding="utf-8"))["entries"]
    by_sender = {e["sender"]: e["labels"] for e in entries}
    assert by_sender["18991501641"] == ["骚扰电话", "陕西西安 移动"]
    assert by_sender["13557820966"] == []


def test_the_chronology_shows_each_calls_labels_under_it(labelled: Path) -> None:
    whole = "".join(squash(t) for t in page_texts(labelled / "证据材料.pdf"))
    start = whole.rindex("三、时间线")
    chron = whole[start : whole.index("四、证据", start)]
    assert "标注：骚扰电话·陕西西安移动" in chron
    assert "标注：被128人标记为骚扰电话" in chron
    gold = json.loads(CALLS.with_suffix(".json").read_text(encoding="utf-8"))["messages"]
    marked = sum(m["sender"] in MARKS for m in gold)
    assert chron.count("标注：") == marked  # the calls of those numbers, no other
    # the exhibit lists each reading with its labels too
    exhibits = whole[whole.index("四、证据", start) :]
    assert exhibits.count("标注：") == marked


def test_a_case_without_labels_has_no_labels_column_or_key(tmp_path: Path) -> None:
    store, out = _bundle(tmp_path, labelled=False)
    store.close()
    assert "标注" not in _csv(out)[0]
    entries = json.loads((out / "时间线.json").read_text(encoding="utf-8"))["entries"]
    assert entries and all("labels" not in e for e in entries)
    assert "标注：" not in "".join(page_texts(out / "证据材料.pdf"))
