"""The review pane's recovery tools when the OCR guessed wrong, driven like a user with real Tesseract:
Read as… re-reads with the chosen layout (audited), a box drawn over a missed message is read,
a dimmed unassigned line becomes a message, and the window says how sure the layout guess is.

Screens are drawn by the test (tests/ocr/chat_render.py, tests/ocr/inbox_render.py); the file names
carry the capture time (2025-03-10 12:08), as a phone names its screenshots.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from casefile.importer import import_one
from casefile.model import Origin
from casefile.store import CREATED, FORCED_BY_USER, CaseStore
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout, UnassignedLine
from tests.ocr.inbox_render import ListRow, render_sms_list, row_box
from tests.ocr.list_cases import similarity
from tests.ocr.list_render import ListRow as CallRow
from tests.ocr.list_render import render_list
from tests.ocr.test_region import TITLE, _chat_with_separator

from .helpers import drop

OCR_TIMEOUT_MS = 300_000
CHAT_NAME = "Screenshot_20250310_120800_com.tencent.mm.png"
LIST_NAME = "Screenshot_20250310_120800_com.android.mms.png"
ROWS = [
    ListRow("10690123456", "10:05", "您的借款已逾期3天，请立即还款"),
    ListRow("王经理", "昨天", "明天上午再不还款就上门"),
    ListRow("95188", "3月8日", "验证码123456"),
]
MISSED_TEXT = "不还就找你家里人"
MISSED_BOX = Box(196, 770, 384, 60)  # where _chat_with_separator drew the third bubble's text


def _write(path: Path, image) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    assert cv2.imwrite(str(path), image)
    return path


def _seed(case_dir: Path, image_path: Path, reading: Extraction) -> int:
    """A case holding one screenshot with a hand-made reading (what a parser that missed things gave)."""
    with CaseStore.open(case_dir) as store:
        r = import_one(store, image_path)
        assert r.screenshot_id is not None
        store.save_extraction(r.screenshot_id, reading)
        return r.screenshot_id


def _chat_reading(*, unassigned: list[UnassignedLine] | None = None, scores: dict[str, float] | None = None):
    """The first two bubbles only: the third (under the 下午3:05 separator) was missed."""
    return Extraction(
        image=CHAT_NAME,
        layout=Layout.CHAT_THREAD,
        captured_at=datetime(2025, 3, 10, 12, 8),
        thread_title=TITLE,
        messages=[
            ExtractedMessage(Kind.CHAT, Direction.INCOMING, TITLE, None, "你今天必须还钱", Box(196, 330, 340, 60), 0.95),
            ExtractedMessage(Kind.CHAT, Direction.OUTGOING, "me", None, "我下周一定还", Box(640, 510, 300, 60), 0.95),
        ],
        unassigned=unassigned or [],
        layout_scores=scores or {},
        engine="tesseract",
    )


def _drag(view, start: Box) -> None:
    """Press, move and release the left button over ``start`` (image pixels), as a user draws."""
    a = view.mapFromScene(QPointF(start.x, start.y))
    b = view.mapFromScene(QPointF(start.x + start.w, start.y + start.h))
    vp = view.viewport()
    for kind, pos, buttons in (
        (QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, (a + b) / 2, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, b, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(vp, event)


@pytest.fixture
def chat_case(case_dir: Path, tmp_path: Path) -> int:
    path = _write(tmp_path / "drop" / CHAT_NAME, _chat_with_separator())
    lines = [UnassignedLine(MISSED_TEXT, MISSED_BOX, 0.9)]
    return _seed(case_dir, path, _chat_reading(unassigned=lines, scores={"chat_thread": 0.55, "sms_thread": 0.5}))


def test_a_box_drawn_over_a_missed_bubble_is_read_and_added(chat_case, window, qtbot) -> None:
    pane, ctrl = window.review_pane, window.review
    ctrl.engine = "tesseract"
    assert ctrl.current == chat_case and pane.model.rowCount() == 2
    pane.act_add.trigger()
    assert pane.image.is_drawing()
    with qtbot.waitSignal(ctrl.box_read, timeout=OCR_TIMEOUT_MS) as got:
        _drag(pane.image, Box(150, 640, 620, 240))  # the 下午3:05 separator and the bubble under it
        assert pane.image.has_pending()  # the box stays drawn while it is read
    ids = got.args[0]
    assert len(ids) == 1
    m = window.store.message(ids[0])
    assert m.origin is Origin.MANUAL_FROM_OCR
    assert similarity(m.text, MISSED_TEXT) >= 0.85, m.text
    assert (m.sender, m.direction, m.kind) == (TITLE, Direction.INCOMING, Kind.CHAT)
    assert m.time == datetime(2025, 3, 10, 15, 5)
    assert m.ocr is not None and m.ocr.text == m.text  # what the OCR read is kept as the OCR value
    assert [c.field for c in window.store.corrections(ids[0])] == [CREATED]
    assert [r.text for r in [pane.model.message_at(i) for i in range(3)]][2] == m.text  # below the others
    assert pane.selected_ids() == ids
    assert not pane.image.has_pending() and not pane.image.is_drawing()

    # still editable like any message, and one undo step takes it away
    pane.model.setData(pane.model.index(2, 3), "不还就找你家里人！", Qt.ItemDataRole.EditRole)
    assert window.store.message(ids[0]).ocr.text == m.text
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert pane.model.rowCount() == 2


def test_reading_a_box_can_be_cancelled(chat_case, window, qtbot) -> None:
    """The status bar's Cancel stops a box being read: nothing is added, the drawn box goes away."""
    pane, ctrl = window.review_pane, window.review
    ctrl.engine = "tesseract"
    got: list[list[int]] = []
    ctrl.box_read.connect(got.append)
    pane.act_add.trigger()
    with qtbot.waitSignal(ctrl.running_changed, timeout=OCR_TIMEOUT_MS, check_params_cb=lambda on: not on):
        _drag(pane.image, Box(150, 640, 620, 240))
        assert ctrl.reading_box and window.progress.isVisible()
        window.progress.cancel.click()
    assert got == [] and pane.model.rowCount() == 2
    assert not pane.image.has_pending() and not window.progress.isVisible()
    assert window.undo_stack.count() == 0


@pytest.fixture
def list_case(case_dir: Path, tmp_path: Path) -> int:
    """An SMS list whose parser found only the last row (seeded before the window takes the case's lock)."""
    path = _write(tmp_path / "drop" / LIST_NAME, render_sms_list(ROWS))
    only_last = ExtractedMessage(Kind.SMS, Direction.INCOMING, "95188", None, "验证码123456", Box(200, 800, 830, 130), 0.9)
    return _seed(case_dir, path, Extraction(LIST_NAME, Layout.SMS_INBOX, None, messages=[only_last]))


def test_a_box_over_two_list_rows_gives_two_messages(list_case, case_dir, window, qtbot) -> None:
    sid = list_case
    window.open_case(case_dir)
    pane, ctrl = window.review_pane, window.review
    ctrl.engine = "tesseract"
    assert ctrl.current == sid
    pane.act_add.trigger()
    with qtbot.waitSignal(ctrl.box_read, timeout=OCR_TIMEOUT_MS) as got:
        _drag(pane.image, Box(*row_box(0, 2)))
    ids = got.args[0]
    assert len(ids) == 2
    read = [window.store.message(i) for i in ids]
    assert [m.sender for m in read] == ["10690123456", "王经理"]
    assert read[0].time == datetime(2025, 3, 10, 10, 5)
    for m, row in zip(read, ROWS, strict=False):
        assert similarity(m.text, row.snippet) >= 0.85, (m.text, row.snippet)
    # on-screen order: the two new rows come before the one the parser found
    assert [pane.model.message_at(i).sender for i in range(3)] == ["10690123456", "王经理", "95188"]
    window.act_undo.trigger()  # one step for the whole box
    assert pane.model.rowCount() == 1


# A popup menu asks the window system to raise it and grab the keyboard, which the
# offscreen platform of the tests cannot do and says so (harmless, like size hints).
@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "This plugin does not support raise", "This plugin does not support grabbing"
)
def test_clicking_an_unassigned_line_makes_it_a_message_or_adds_it(chat_case, window, qtbot) -> None:
    pane, store = window.review_pane, window.store
    [line_id] = pane.image.line_ids()
    item = pane.image.line_item(line_id)
    assert item is not None and item.toolTip() == MISSED_TEXT
    centre = pane.image.mapFromScene(item.rect().center())
    qtbot.mouseClick(pane.image.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    menu = pane.line_menu
    assert menu is not None and menu.isVisible()
    head, new, add = menu.actions()
    assert MISSED_TEXT in head.text() and not add.isEnabled()  # no message selected yet
    new.trigger()
    menu.close()
    added = pane.model.messages()[-1]
    assert (added.text, added.sender, added.origin) == (MISSED_TEXT, TITLE, Origin.MANUAL_FROM_OCR)
    assert added.ocr is not None and added.ocr.text == MISSED_TEXT and added.ocr.sender is None
    assert pane.image.line_ids() == []  # taken: no longer shown dimmed
    window.act_undo.trigger()
    assert pane.image.line_ids() == [line_id] and pane.model.rowCount() == 2

    # or: added to the selected message's text (an audited text correction)
    first = pane.model.message_at(0).id
    pane.select_message(first)
    menu = pane.show_line_menu(line_id, QPoint(10, 10))
    _head, _new, add = menu.actions()
    assert add.isEnabled()
    add.trigger()
    menu.close()
    assert store.message(first).text == "你今天必须还钱" + MISSED_TEXT
    assert [(c.field, c.old) for c in store.corrections(first)] == [("text", "你今天必须还钱")]
    assert pane.image.line_ids() == []


def test_the_window_says_how_sure_the_layout_guess_is(chat_case, window) -> None:
    note = window.review_pane.layout_note
    assert note.isVisible()
    assert "55% sure" in note.text() and "text messages" in note.text() and "Read as" in note.text()
    assert "1 line(s) the OCR read" in note.text()  # the dimmed line is explained
    store = window.store
    store.save_extraction(chat_case, _chat_reading(scores={"chat_thread": 0.9, "sms_thread": 0.2}))
    window.review.reload(chat_case)
    assert note.text() == "Looks like chat (90% sure)."  # the new reading has no unassigned line
    assert window.review_pane.read_as_actions[Layout.CHAT_THREAD].isChecked()


def _dropped(window, qtbot, path: Path):
    """Drop one screenshot and wait for its reading (real Tesseract): the case's store and the screenshot."""
    window.imports.engine = "tesseract"
    with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS):
        drop(window, [path])
    [shot] = window.store.screenshots()
    return window.store, shot


def test_read_as_rereads_with_that_layout_and_is_audited(window, qtbot, tmp_path) -> None:
    path = _write(tmp_path / "drop" / CHAT_NAME, _chat_with_separator())
    store, shot = _dropped(window, qtbot, path)
    assert shot.layout is Layout.CHAT_THREAD
    before = store.messages(shot.id)
    assert before and {m.kind for m in before} == {Kind.CHAT}
    assert window.review.current == shot.id

    action = window.review_pane.read_as_actions[Layout.SMS_THREAD]
    assert action in window.review_pane.read_as_menu.actions()
    with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS):
        action.trigger()
    shot = store.screenshot(shot.id)
    assert shot.layout is Layout.SMS_THREAD
    after = store.messages(shot.id)
    assert after and {m.kind for m in after} == {Kind.SMS}
    assert {m.id for m in after}.isdisjoint(m.id for m in before)
    readings = store.readings(shot.id)
    assert [(r.forced_layout, r.superseded) for r in readings] == [(None, True), (Layout.SMS_THREAD, False)]
    assert readings[-1].forced_by == FORCED_BY_USER and readings[-1].at >= readings[0].at
    # the superseded reading stays in the case
    kept = sqlite3.connect(store.paths.database).execute(
        "SELECT COUNT(*) FROM messages WHERE screenshot_id=? AND superseded=1", (shot.id,)
    ).fetchone()[0]
    assert kept == len(before)
    assert window.review_pane.layout_note.text() == "Read as text messages, as you chose."
    assert "text messages" in window.review_pane.subtitle.text()


def test_recovery_strings_are_translated() -> None:
    """Every tr() string of the review pane, its controller and the image view is in a zh_CN file."""
    from tests.gui.i18ncheck import untranslated

    assert untranslated(["views/review_pane.py", "controllers/review_controller.py", "views/image_view.py"]) == []


def test_a_list_read_as_the_other_list_and_back(window, qtbot, tmp_path) -> None:
    """A call log re-read as an SMS list gives SMS rows, and read as a call log again gives calls
    with their directions: each reading is audited and the earlier ones are kept superseded."""
    calls = [
        CallRow("138 0013 8000", "10:21", "内蒙古呼和浩特联通", arrow="missed"),
        CallRow("0471 6543210", "10:02", "骚扰电话", arrow="in", right="1分23秒"),
        CallRow("185 9485 3105", "昨天", "浙江杭州移动", arrow="out", right="43秒"),
    ]
    path = _write(tmp_path / "drop" / "Screenshot_20250310_120800_com.android.contacts.png", render_list("通话记录", calls))
    store, shot = _dropped(window, qtbot, path)
    assert shot.layout is Layout.CALL_LOG
    for layout, kind in ((Layout.SMS_INBOX, Kind.SMS), (Layout.CALL_LOG, Kind.CALL)):
        with qtbot.waitSignal(window.imports.finished, timeout=OCR_TIMEOUT_MS):
            window.review_pane.read_as_actions[layout].trigger()
        assert store.screenshot(shot.id).layout is layout
        msgs = store.messages(shot.id)
        assert len(msgs) == len(calls) and {m.kind for m in msgs} == {kind}
    assert [m.direction for m in store.messages(shot.id)] == [Direction.MISSED, Direction.INCOMING, Direction.OUTGOING]
    readings = store.readings(shot.id)
    assert [(r.forced_layout, r.superseded) for r in readings] == [
        (None, True), (Layout.SMS_INBOX, True), (Layout.CALL_LOG, False),
    ]
