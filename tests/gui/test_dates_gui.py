"""Days and capture times in the window (issue 12): the review table's date column, the capture
time said with its source, and the dialog that sets it for one or several screenshots,
re-resolving their relative times, undoably."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QDialog

from casefile.importer import import_one
from casefile.store import CaseStore
from gui import i18n
from gui.models.message_table_model import Column
from gui.views.capture_time_dialog import CaptureTimeDialog
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout
from ocr.times import apply_labels
from tests.images import phone_png

TAKEN = datetime(2025, 3, 10, 14, 40, 5)  # a Monday
LABELS = ("5分钟前", "昨天", "10月25日")
TS = i18n.I18N_DIR / "dates_zh_CN.ts"
OUR_GUI_FILES = ("gui/views/capture_time_dialog.py",)


def _seed(folder: Path, tmp_path: Path) -> list[int]:
    """Two SMS-list screenshots copied off a phone: no time in the name, only the copy's mtime."""
    ids = []
    with CaseStore.open(folder) as store:
        for i in range(2):
            r = import_one(store, phone_png(tmp_path / f"inbox{i}.png", seed=i))
            assert r.screenshot_id is not None
            shot = store.screenshot(r.screenshot_id)
            rows = [
                ExtractedMessage(Kind.SMS, Direction.INCOMING, f"9555{k}", None, f"催收{i}-{k}", time_text=t)
                for k, t in enumerate(LABELS)
            ]
            apply_labels(rows, shot.captured_at, newest_first=True)
            store.save_extraction(
                r.screenshot_id,
                Extraction(shot.original_name, Layout.SMS_INBOX, shot.captured_at, None, rows),
            )
            ids.append(r.screenshot_id)
    return ids


@pytest.fixture
def seeded(case_dir: Path, tmp_path: Path) -> list[int]:
    """Written before the window opens the case: one writer at a time (the case lock)."""
    return _seed(case_dir, tmp_path)


@pytest.fixture
def win(seeded: list[int], case_dir: Path, window):
    ids = seeded
    window.open_case(case_dir)
    window.review.show(ids[0])
    window.ids = ids
    return window


def _column(win, col: Column) -> list[str]:
    m = win.review_pane.model
    return [m.index(r, col).data() for r in range(m.rowCount())]


def test_mtime_is_said_to_be_uncertain_never_taken(win) -> None:
    sub = win.review_pane.subtitle.text()
    assert "file modification time: may not be when the screenshot was taken" in sub
    assert "taken 20" not in sub and "captured 20" not in sub


def test_capture_time_dialog_resolves_again_and_undoes(win, monkeypatch, qtbot) -> None:
    before = _column(win, Column.DATE)
    assert _column(win, Column.TIME)[1:] == ["time not shown", "time not shown"]

    def fake_exec(dialog: CaptureTimeDialog) -> int:
        # what a user does: the current screenshot is ticked; tick the uncertain ones too, set the time
        assert dialog.chosen_ids() == [win.ids[0]]
        dialog.tick_uncertain.click()
        assert sorted(dialog.chosen_ids()) == sorted(win.ids)
        dialog.when.setDateTime(
            dialog.when.dateTime().fromString("2025-03-10 14:40:05", "yyyy-MM-dd HH:mm:ss")
        )
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(CaptureTimeDialog, "exec", fake_exec)
    win.review.set_capture_time()
    assert _column(win, Column.DATE) == ["2025-03-10", "2025-03-09", "2024-10-25"]
    assert _column(win, Column.TIME)[0] == "2025-03-10 14:35"
    assert "set by you" in win.review_pane.subtitle.text()
    assert win.store.messages(win.ids[1])[1].day == date(2025, 3, 9)  # the second screenshot too, in one step
    assert win.undo_stack.count() == 1

    win.undo_stack.undo()
    assert _column(win, Column.DATE) == before
    assert "file modification time" in win.review_pane.subtitle.text()
    win.undo_stack.redo()
    assert _column(win, Column.DATE)[1] == "2025-03-09"


def test_date_column_edits_are_corrections(win) -> None:
    m = win.review_pane.model
    idx = m.index(2, Column.DATE)
    read = idx.data()  # 10月25日 against the copy's mtime
    assert read.endswith("-10-25")
    assert idx.flags() & Qt.ItemFlag.ItemIsEditable
    assert isinstance(idx.data(Qt.ItemDataRole.EditRole), QDate)
    assert m.setData(idx, QDate(2024, 10, 26), Qt.ItemDataRole.EditRole)
    assert _column(win, Column.DATE)[2] == "2024-10-26"
    mid = m.message_at(2).id
    assert [c.field for c in win.store.corrections(mid)] == ["date"]
    assert read in m.index(2, Column.DATE).data(Qt.ItemDataRole.ToolTipRole)  # what the OCR read
    win.undo_stack.undo()
    assert _column(win, Column.DATE)[2] == read


def test_dialog_looks_right(win, tmp_path: Path) -> None:
    dialog = CaptureTimeDialog(win.store.screenshots(), win.ids[1], win)
    dialog.show()
    assert dialog.chosen_ids() == [win.ids[1]]
    assert dialog.value() == win.store.screenshot(win.ids[1]).captured_at
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # nothing to set
    assert dialog.grab().save(str(tmp_path / "capture_time_dialog.png"))
    dialog.close()


def _tr_literals(path: str) -> set[str]:
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            out.add(str(node.args[0].value))
    return out


def test_translations_complete_and_installed(gui_app, tmp_path: Path) -> None:
    tree = ET.parse(TS)
    sources = set()
    for m in tree.iter("message"):
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None and "".join(tr.itertext()).strip()
        sources.add(m.findtext("source"))
    root = Path(__file__).resolve().parents[2]
    for f in OUR_GUI_FILES:
        assert _tr_literals(str(root / f)) <= sources
    translators = i18n.install(gui_app, "zh_CN", tmp_path)
    try:
        assert QCoreApplication.translate("CaptureTimeText", "set by you") == "由您设定"
        assert QCoreApplication.translate("MessageTableModel", "time not shown") == "时间未显示"
        assert QCoreApplication.translate("MainWindow", "Set &capture time…") == "设定截图时间(&C)…"
    finally:
        for t in translators:
            gui_app.removeTranslator(t)


def test_timeline_view_lists_day_only_items_on_their_day(gui_app) -> None:
    """The Timeline tab: a day-only row under its own day's header, after the timed one; the chart
    counts it on that day and not at night."""
    from dataclasses import replace

    from casefile.patterns import day_bars
    from casefile.timeline import build_timeline
    from gui.models.timeline_model import DAY_ROLE, Column, TimelineModel
    from tests.casefile.test_timeline import msg, shot

    cap = datetime(2024, 11, 2, 20, 0)
    msgs = [
        msg(1, 1, 0.0, "今晚必须还款", datetime(2024, 11, 1, 23, 30), sender="95555"),
        replace(msg(2, 1, 1.0, "昨天的账单", None, sender="95566"), date=date(2024, 11, 1)),
    ]
    model = TimelineModel()
    model.set_timeline(build_timeline(msgs, [shot(1, cap, layout=Layout.SMS_INBOX, title=None)]))
    headers = model.header_rows()
    assert len(headers) == 1  # one day, not "time unknown"
    rows = [r for r in range(model.rowCount()) if r not in headers]
    assert [model.index(r, Column.TIME).data() for r in rows] == ["23:30", "time not shown"]
    assert model.index(rows[1], Column.TIME).data(DAY_ROLE) == date(2024, 11, 1)
    assert "day but not the time" in model.index(rows[1], Column.TIME).data(Qt.ItemDataRole.ToolTipRole)
    [bar] = day_bars(model.timeline.entries)
    assert (bar.day, bar.total, bar.night) == (date(2024, 11, 1), 2, 1)


def test_time_editor_of_a_day_only_row_starts_on_its_day(win) -> None:
    """Typing the minute of a 10月25日 row must not start from the capture day."""
    from PySide6.QtWidgets import QDateTimeEdit

    table = win.review_pane.table
    idx = win.review_pane.model.index(2, Column.TIME)
    delegate = table.itemDelegateForColumn(Column.TIME)
    editor = delegate.createEditor(table.viewport(), None, idx)
    delegate.setEditorData(editor, idx)
    assert isinstance(editor, QDateTimeEdit)
    assert editor.date().toString("MM-dd") == "10-25"
