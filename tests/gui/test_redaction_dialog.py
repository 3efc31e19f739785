"""The 遮盖 dialog on a real screenshot: found boxes offered, a box drawn and one removed, saved and audited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from casefile.redactions import load_redactions
from casefile.store import CaseStore
from export.redaction.offer import collectors_from, offer_job
from gui.tasks import TaskRunner
from gui.views.redaction_dialog import RedactionDialog
from tests.gui.helpers import stop_runner
from tests.redaction.conftest import make_case, render_screenshot


@pytest.fixture
def runner(gui_app, qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    stop_runner(r)


def _dialog(case: Path, runner: TaskRunner) -> RedactionDialog:
    with CaseStore.open(case, create=False) as store:
        (shot,) = store.screenshots()
        messages = store.messages()
        original = store.original_file(shot)
        job = offer_job(
            case, original, shot.sha256, [m.text for m in messages], collectors_from(messages, [])
        )
    return RedactionDialog(case, shot.sha256, original, job, runner)


def test_add_and_remove_boxes_saved_and_audited(qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    case = make_case(tmp_path / "case", render_screenshot(tmp_path / "shot.png"))
    original_bytes = {p: p.read_bytes() for p in (case / "originals").rglob("*") if p.is_file()}
    d = _dialog(case, runner)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.ready, timeout=60000)
    found = list(d.boxes)
    assert {b.kind for b in found} >= {"id-number", "card-number", "phone"}
    assert d.list.count() == len(found)

    # draw a box with the mouse on the empty lower part of the image
    view = d.canvas.viewport()
    a = d.canvas.mapFromScene(600, 820)
    b = d.canvas.mapFromScene(900, 880)
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(view, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    QTest.mouseMove(view, b)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert len(d.boxes) == len(found) + 1
    drawn = d.boxes[-1]
    assert drawn.kind == "manual" and 580 <= drawn.x <= 620 and 250 <= drawn.w <= 350

    # remove the phone box
    phone_row = next(i for i, bx in enumerate(d.boxes) if bx.kind == "phone")
    d.list.item(phone_row).setSelected(True)
    QTest.mouseClick(d.remove_button, Qt.MouseButton.LeftButton)
    assert all(bx.kind != "phone" for bx in d.boxes)

    d.save()
    saved = load_redactions(case)
    (sha,) = saved.boxes
    assert saved.boxes[sha] == tuple(d.boxes)
    actions = [(row.action, row.box["kind"] if row.box else None) for row in saved.audit]
    assert ("add", "manual") in actions and ("add", "id-number") in actions
    assert ("add", "phone") not in actions  # removed before saving: never part of the saved set
    raw = json.loads((case / "redactions.json").read_text(encoding="utf-8"))
    assert raw["version"] == 1
    # originals untouched
    assert {p: p.read_bytes() for p in (case / "originals").rglob("*") if p.is_file()} == original_bytes

    # reopened: the saved boxes are offered (no OCR), removing one more is audited as a removal
    d2 = _dialog(case, runner)
    qtbot.addWidget(d2)
    qtbot.waitUntil(lambda: d2.ready, timeout=60000)
    assert d2.boxes == list(d.boxes)
    d2.list.item(0).setSelected(True)
    d2.remove_selected()
    d2.save()
    again = load_redactions(case)
    assert again.audit[-1].action == "remove"
    assert len(again.boxes[sha]) == len(d.boxes) - 1


def test_export_dialog_redact_checkbox(qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    """Ticking 遮盖 drops the bundle and writes a dossier with no redacted value in its text."""
    from pypdf import PdfReader

    from gui.views.export_dialog import ExportDialog
    from tests.redaction.conftest import CARD, ID_NUMBER, THIRD_PARTY

    case = make_case(tmp_path / "case", render_screenshot(tmp_path / "shot.png"))
    with CaseStore.open(case, create=False) as store:
        d = ExportDialog(store, runner)
        qtbot.addWidget(d)
        pdf = tmp_path / "out" / "redacted.pdf"
        d.pdf_edit.setText(str(pdf))
        d.show()
        d.redact_box.setChecked(True)
        assert not d.bundle_box.isChecked() and not d.bundle_box.isEnabled()
        req = d.request()
        assert req.bundle_dir is None and req.redact_case == case
        d.start_export()
        qtbot.waitUntil(lambda: not d.running, timeout=120000)
    assert pdf.exists(), d.status_label.text()
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages)
    assert "已遮盖" in text
    for secret in (ID_NUMBER, CARD, THIRD_PARTY):
        assert secret not in text
    assert not list(pdf.parent.glob("*bundle*"))


def test_redaction_strings_in_chinese(gui_app, tmp_path: Path) -> None:
    """Every tr() string of the dialog and its hooks has a Chinese translation that Qt loads."""
    import re

    from PySide6.QtCore import QCoreApplication

    from gui import i18n

    ts = i18n.I18N_DIR / "redaction_zh_CN.ts"
    source = (Path(i18n.__file__).parent / "views" / "redaction_dialog.py").read_text(encoding="utf-8")
    wanted = set(re.findall(r'self\.tr\(\s*"([^"]+)"', source))
    translators = i18n.install(gui_app, "zh_CN", tmp_path)
    try:
        assert i18n.compiled(ts, tmp_path) is not None
        for text in wanted:
            if "%n" not in text:
                assert QCoreApplication.translate("RedactionDialog", text) != text, text
        assert QCoreApplication.translate("RedactionDialog", "Redact") == "遮盖"
        assert QCoreApplication.translate("MainWindow", "&Redact…") == "遮盖(&R)…"
        found = QCoreApplication.translate("RedactionDialog", "%n box(es) saved earlier.", "", 2)
        assert found == "之前保存的遮盖框 2 个。"
    finally:
        for t in translators:
            gui_app.removeTranslator(t)


def test_the_kept_address_is_offered_and_a_typed_value_boxed_and_saved(qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    from tests.redaction.conftest import ADDRESS, ADDRESS_LINES, render_address_screenshot

    case = make_case(tmp_path / "case", render_address_screenshot(tmp_path / "addr.png"), ADDRESS_LINES)
    with CaseStore.open(case, create=False) as store:
        (shot,) = store.screenshots()
        messages = store.messages()
        original = store.original_file(shot)
    job = offer_job(case, original, shot.sha256, [m.text for m in messages], collectors_from(messages, []), extra=[ADDRESS])
    d = RedactionDialog(case, shot.sha256, original, job, runner, extra=[ADDRESS])
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.ready and d.reading is not None, timeout=60000)
    address = [b for b in d.boxes if b.kind == "address"]
    assert {b.y < 100 for b in address} == {True, False}  # both lines the address runs over
    assert all(b.y < 300 for b in d.boxes)  # nothing on 找李四谈谈 yet
    d.value_edit.setText("李四")
    QTest.keyClick(d.value_edit, Qt.Key.Key_Return)
    named = [b for b in d.boxes if b.y > 350]
    assert len(named) == 1 and named[0].kind == "address"
    assert 60 < named[0].x < 100 and named[0].x + named[0].w > 165  # 李四 after 找 (44 px glyphs from x=40)
    assert "1" in d.status.text()
    d.save()
    saved = load_redactions(case)
    assert saved.values == ("李四",) and saved.boxes[shot.sha256] == tuple(d.boxes)
    assert ADDRESS not in json.dumps([row.box for row in saved.audit], ensure_ascii=False)  # values never in the audit
