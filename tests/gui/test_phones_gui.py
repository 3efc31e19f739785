"""Several phones in the window (#14, #16): asked at import, shown and changed in the list with undo,
the review pane's source phone, the timeline's receiving-phone filter, a pack limited to one phone."""

from __future__ import annotations

import ast
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog

from casefile.importer import import_one
from casefile.phones import OWN_PHONE
from casefile.store import CaseStore
from gui.models.screenshot_list_model import Roles
from gui.models.timeline_model import Column
from gui.views.pack_dialog import PackDialog
from gui.views.phone_dialog import PhoneDialog
from ocr.model import ME, Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.gui.helpers import collection_case
from tests.images import phone_png

# Where the grabs go for a person to look at (SCREENPROOF_PAGES); by default a temporary folder,
# never a path outside it: a user's clone may not be able to write anywhere else.
PAGES = Path(os.environ.get("SCREENPROOF_PAGES") or Path(tempfile.gettempdir()) / "screenproof-pages")


def _answer(monkeypatch, name: str | None, *, folders: bool = False) -> list[PhoneDialog]:
    """Answer every phone question with ``name`` (None: Cancel); returns the dialogs shown."""
    shown: list[PhoneDialog] = []

    def fake_exec(self: PhoneDialog) -> int:
        shown.append(self)
        if name is None:
            return int(QDialog.DialogCode.Rejected)
        self.combo.setEditText(name)
        self.folders.setChecked(folders)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PhoneDialog, "exec", fake_exec)
    return shown


def _no_reading(window) -> None:
    """The phone is what these tests are about: an import ends without OCR."""
    window.imports.read_waiting = lambda **_kw: window.imports._finish()


def _import(qtbot, window, paths: list[Path]) -> list[int]:
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as done:
        window.import_paths(paths)
    return done.args[0].imported


def _reading(name: str, texts: list[str], *, outgoing: bool = False, day: int = 8) -> Extraction:
    msgs = [
        ExtractedMessage(
            Kind.SMS,
            Direction.INCOMING,
            "10690123456789",
            datetime(2025, 3, day, 9, k),
            t,
            confidence=0.9,
            time_source=TimeSource.SEPARATOR,
        )
        for k, t in enumerate(texts)
    ]
    if outgoing:
        msgs.append(
            ExtractedMessage(
                Kind.SMS, Direction.OUTGOING, ME, datetime(2025, 3, day, 10, 0), "请不要再打了", confidence=0.9,
                time_source=TimeSource.SEPARATOR,
            )
        )
    return Extraction(name, Layout.SMS_THREAD, None, "10690123456789", msgs)


def _add(store: CaseStore, path: Path, texts: list[str], phone: str = OWN_PHONE, **kw: object) -> int:
    sid = import_one(store, path).screenshot_id
    assert sid is not None
    store.save_extraction(sid, _reading(path.name, texts, **kw))  # type: ignore[arg-type]
    if phone != OWN_PHONE:
        store.set_phone([sid], phone)
    return sid


def _grab(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the layout after the last change, as the user sees it
    PAGES.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(PAGES / name))


def test_a_plain_drop_into_a_one_phone_case_is_not_asked(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    _no_reading(window)
    shown = _answer(monkeypatch, "母亲")
    ids = _import(qtbot, window, [phone_png(tmp_path / "a.png", seed=1), phone_png(tmp_path / "b.png", seed=2)])
    assert shown == [] and len(ids) == 2
    assert window.store.phones() == [OWN_PHONE]
    assert "source phone" not in window.statusBar().currentMessage()  # one's own: nothing to add
    assert "本人" in window.phone_bar.text.text() or "own phone" in window.phone_bar.text.text()
    # the line above the list says where a plain drop goes, and changes it
    window.phone_bar.button.click()
    assert len(shown) == 1 and window.phone_bar.phone == "母亲"
    ids = _import(qtbot, window, [phone_png(tmp_path / "c.png", seed=3)])
    assert len(shown) == 1  # still one phone before this drop: not asked again
    assert window.store.screenshot(ids[0]).phone == "母亲"
    assert window.statusBar().currentMessage().endswith("(source phone: 母亲: 1)")


def test_a_drop_with_sub_folders_asks_once_and_uses_the_folder_names(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    _no_reading(window)
    drop = tmp_path / "证据"
    phone_png(drop / "妈妈" / "1.png", seed=1)
    phone_png(drop / "妈妈" / "2.png", seed=2)
    phone_png(drop / "同事张某" / "3.png", seed=3)
    phone_png(drop / "loose.png", seed=4)
    shown = _answer(monkeypatch, "本人", folders=True)
    ids = _import(qtbot, window, [drop])
    assert len(shown) == 1 and len(ids) == 4
    assert shown[0].suggestions == ["同事张某", "妈妈"] and shown[0].folders.isVisibleTo(shown[0])
    phones = {window.store.screenshot(i).original_name: window.store.screenshot(i).phone for i in ids}
    assert phones == {"1.png": "妈妈", "2.png": "妈妈", "3.png": "同事张某", "loose.png": OWN_PHONE}
    # the summary says whose phones the drop came from
    assert window.last_tally.phones == {"妈妈": 2, "同事张某": 1, OWN_PHONE: 1}
    assert window.statusBar().currentMessage().endswith("(source phone: me: 1, 同事张某: 1, 妈妈: 2)")

    # the case now holds several phones: a plain drop is asked about, and Cancel imports nothing
    _answer(monkeypatch, None)
    before = len(window.store.screenshots())
    window.import_paths([phone_png(tmp_path / "later.png", seed=9)])
    assert not window.imports.running and len(window.store.screenshots()) == before

    # answered with a new name typed in: every file of the drop gets it
    shown = _answer(monkeypatch, "同事李某")
    ids = _import(qtbot, window, [phone_png(tmp_path / "x.png", seed=10), phone_png(tmp_path / "y.png", seed=11)])
    assert {window.store.screenshot(i).phone for i in ids} == {"同事李某"}
    assert [shown[0].combo.itemData(i) for i in range(shown[0].combo.count())] == [
        OWN_PHONE, "同事张某", "妈妈",
    ]


def test_drops_queued_behind_a_running_import_keep_their_own_phone(window, qtbot, tmp_path: Path) -> None:
    from casefile.workflows import PhoneChoice

    _no_reading(window)
    first = [phone_png(tmp_path / f"m{i}.png", seed=i) for i in range(3)]
    second = [phone_png(tmp_path / f"c{i}.png", seed=10 + i) for i in range(2)]
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as done:
        window.imports.import_paths(first, PhoneChoice("母亲"))
        assert window.imports.running
        window.imports.import_paths(second, PhoneChoice("同事张某"))  # waits its turn
    assert len(done.args[0].imported) == 5
    phones = {s.original_name: s.phone for s in window.store.screenshots()}
    assert phones == {"m0.png": "母亲", "m1.png": "母亲", "m2.png": "母亲", "c0.png": "同事张某", "c1.png": "同事张某"}


def test_the_import_question_as_the_user_sees_it(gui_app, qtbot, tmp_path: Path) -> None:
    dialog = PhoneDialog(["母亲", "同事张某"], OWN_PHONE, ["妈妈", "同事张某"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.name() == OWN_PHONE  # the shown "本人 (my own phone)" maps back to the stored name
    dialog.combo.setEditText("  同事 王某 ")
    assert dialog.choice().name == "同事 王某" and not dialog.choice().from_folders
    dialog.combo.setCurrentIndex(dialog.combo.findData("母亲"))
    dialog.folders.setChecked(True)
    assert dialog.choice().name == "母亲" and dialog.choice().from_folders
    _grab(dialog, "gui-phones-import-dialog.png")


def test_change_the_phone_of_a_selection_then_undo_and_redo(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    store = window.store
    a = _add(store, phone_png(tmp_path / "own.png", seed=1), ["您的借款已逾期"])
    b = _add(store, phone_png(tmp_path / "m1.png", seed=2), ["请转告您儿子还款"], outgoing=True)
    c = _add(store, phone_png(tmp_path / "m2.png", seed=3), ["再不还款就上门"])
    window.imports.refresh_list()
    window.review.show(b)
    sel = window.shot_list.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    sel.select(window.shots.index(window.shots.row_of(b)), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    sel.select(window.shots.index(window.shots.row_of(c)), QItemSelectionModel.SelectionFlag.Select)
    assert window.shot_list.selected_ids() == [b, c]
    assert window.shots.index(window.shots.row_of(b)).data(Roles.PHONE) == ""  # one phone: no tag

    shown = _answer(monkeypatch, "母亲")
    menu = window.phones.list_menu()
    [act] = [x for x in menu.actions() if x.objectName() == "changePhoneAction"]
    assert act.isEnabled()
    act.trigger()
    menu.deleteLater()
    assert len(shown) == 1 and "2" in shown[0].question.text()
    assert [store.screenshot(i).phone for i in (a, b, c)] == [OWN_PHONE, "母亲", "母亲"]
    audit = store.screenshot_corrections(b)
    assert [(x.field, x.old, x.new) for x in audit] == [("phone", OWN_PHONE, "母亲")]
    assert window.shots.index(window.shots.row_of(b)).data(Roles.PHONE) == "母亲's phone"
    assert window.shots.index(window.shots.row_of(a)).data(Roles.PHONE) == "my phone"
    # the review pane: the source phone, and "me" on it is 母亲
    assert "Source phone: 母亲" in window.review_pane.subtitle.text()
    table = window.review_pane.model
    row = next(r for r in range(table.rowCount()) if table.message_at(r).direction is Direction.OUTGOING)
    assert table.index(row, 1).data() == "母亲" and table.index(row, 0).data() == "Sent by 母亲"
    assert table.index(row, 1).data(2) == ME  # the editor starts from the stored value
    window.resize(1280, 820)
    _grab(window, "gui-phones-list.png")

    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert [store.screenshot(i).phone for i in (b, c)] == [OWN_PHONE, OWN_PHONE]
    assert window.shots.index(window.shots.row_of(b)).data(Roles.PHONE) == ""
    assert "Source phone" not in window.review_pane.subtitle.text()
    window.undo_stack.redo()
    assert [store.screenshot(i).phone for i in (b, c)] == ["母亲", "母亲"]
    assert len(store.screenshot_corrections(b)) == 3  # change, undo, redo: the audit keeps the whole path

    # the same from the Review menu, for the list's selection
    from PySide6.QtGui import QAction

    menu_action = window.findChild(QAction, "changePhoneMenuAction")
    assert menu_action is not None and menu_action.isEnabled()
    _answer(monkeypatch, "同事张某")
    menu_action.trigger()
    assert [store.screenshot(i).phone for i in (a, b, c)] == [OWN_PHONE, "同事张某", "同事张某"]
    assert window.undo_stack.count() == 2


def test_timeline_filters_by_receiving_phone_with_counts(window, qtbot, tmp_path: Path) -> None:
    store = window.store
    _add(store, phone_png(tmp_path / "own.png", seed=1), ["您的借款已逾期", "今天必须还款"])
    _add(store, phone_png(tmp_path / "mum.png", seed=2), ["请转告您儿子还款", "再不还款就上门", "通知全家"], "母亲", day=9)
    _add(store, phone_png(tmp_path / "col.png", seed=3), ["你同事欠钱不还"], "同事张某", day=10)
    window.tabs.setCurrentWidget(window.timeline)
    with qtbot.waitSignal(window.timeline.loaded, timeout=30_000):
        window.timeline.refresh()
    combo = window.timeline.phone_combo
    assert combo.isVisibleTo(window.timeline)
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["All phones", "本人 (my own phone)  (2)", "同事张某  (1)", "母亲  (3)"]
    model = window.timeline.model
    rows = [model.entry(r) for r in range(model.rowCount()) if model.entry(r) is not None]
    mum = next(r for r in range(model.rowCount()) if model.entry(r) is not None and model.entry(r).phone == "母亲")
    assert model.index(mum, Column.KIND).data() == "SMS · to 母亲"
    table = window.timeline.table  # the type column makes room for the longest "to …"
    assert table.columnWidth(Column.KIND) > table.fontMetrics().horizontalAdvance("SMS · to 同事张某")
    assert len(rows) == 6
    combo.setCurrentIndex(combo.findData("母亲"))
    assert window.timeline.filter().phones == frozenset({"母亲"})
    assert model.visible_count == 3 and {e.phone for e in model.visible_entries()} == {"母亲"}
    assert "Showing 3 of 6" in window.timeline.count_label.text()
    _grab(window, "gui-phones-timeline.png")
    window.timeline.clear_filters()
    assert combo.currentIndex() == 0 and model.visible_count == 6


def test_one_phone_case_shows_no_phone_filter(window, qtbot, tmp_path: Path) -> None:
    _add(window.store, phone_png(tmp_path / "own.png", seed=1), ["您的借款已逾期"])
    with qtbot.waitSignal(window.timeline.loaded, timeout=30_000):
        window.timeline.refresh()
    assert not window.timeline.phone_combo.isVisibleTo(window.timeline)
    model = window.timeline.model
    row = next(r for r in range(model.rowCount()) if model.entry(r) is not None)
    assert model.index(row, Column.KIND).data() == "SMS · received"


def test_pack_limited_to_one_receiving_phone(gui_app, qtbot, runner, tmp_path: Path) -> None:
    store = collection_case(tmp_path, 3)
    try:
        mum = store.screenshots()[1].id
        store.set_phone([mum], "母亲")
        d = PackDialog(store, runner)
        qtbot.addWidget(d)
        d.recipient.setCurrentIndex(d.recipient.findData("police"))
        out = tmp_path / "pack"
        d.out_edit.setText(str(out))
        choice = d.phone_choice
        assert [choice.itemData(i) for i in range(choice.count())] == [None, OWN_PHONE, "母亲"]
        choice.setCurrentIndex(choice.findData("母亲"))
        assert d.selection().phones == frozenset({"母亲"})
        d.show()
        qtbot.waitExposed(d)
        _grab(d, "gui-phones-pack.png")
        d.start()
        qtbot.waitUntil(lambda: not d.running, timeout=120_000)
        assert d.written, d.status.text()
        saved = json.loads((out / "pack.json").read_text(encoding="utf-8"))
        assert saved["selection"]["phones"] == ["母亲"]
        # only what reached 母亲's phone went in, and the pack says why the rest is out
        assert [p.name for p in (out / "originals").iterdir()] == ["证据01_Screenshot_1.png"]
        assert "接收手机：母亲" in (out / "制作说明.txt").read_text(encoding="utf-8")
        # reopening the folder brings the phone back
        d2 = PackDialog(store, runner)
        qtbot.addWidget(d2)
        d2.out_edit.setText(str(out))
        assert d2.load_saved() and d2.phone_choice.currentData() == "母亲"
    finally:
        store.close()


def test_every_phone_string_has_a_chinese_translation(gui_app, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from gui import i18n
    from tests.gui.i18ncheck import known_translations, untranslated

    files = ["views/phone_dialog.py", "views/phone_widgets.py", "controllers/phone_controller.py"]
    files += ["models/screenshot_list_model.py", "models/message_table_model.py", "models/timeline_model.py"]
    assert untranslated(files) == []
    known = known_translations()
    tree = ast.parse((Path(i18n.__file__).parent / "phone_text.py").read_text(encoding="utf-8"))
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "_tr"]
    texts = [c.args[0].value for c in calls if isinstance(c.args[0], ast.Constant)]
    assert texts and [t for t in texts if ("PhoneText", t) not in known] == []
    ts = i18n.I18N_DIR / "phones_zh_CN.ts"
    qm = i18n.compiled(ts, tmp_path)
    assert qm is not None
    tr = QTranslator()
    assert tr.load(str(qm))
    QCoreApplication.installTranslator(tr)
    try:
        from gui import phone_text

        assert phone_text.sent_to("母亲") == "发给母亲"
        assert phone_text.source_line("母亲") == "来源手机：母亲"
        assert phone_text.imported_from({"母亲": 3, OWN_PHONE: 2}) == "（来源手机：本人 2 张、母亲 3 张）"
        dialog = PhoneDialog(["母亲"], OWN_PHONE, ["妈妈", "同事张某"])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.question.text() == "这些截图来自谁的手机？"
        assert dialog.combo.currentText() == "本人（我自己的手机）" and dialog.name() == OWN_PHONE
        _grab(dialog, "gui-phones-import-dialog-zh.png")
    finally:
        QCoreApplication.removeTranslator(tr)


def test_a_read_only_case_offers_no_phone_change(gui_app, qtbot, monkeypatch, case_dir: Path, tmp_path: Path) -> None:
    import errno

    from PySide6.QtGui import QAction

    from casefile import lock as case_lock
    from gui.app import build_window

    with CaseStore.open(case_dir) as store:
        _add(store, phone_png(tmp_path / "own.png", seed=1), ["您的借款已逾期"])

    def refuse(folder: Path, *, wait: float = 0.0) -> case_lock.Lock:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(case_lock, "acquire", refuse)
    w = build_window(case_dir)
    qtbot.addWidget(w)
    assert w.store is not None and not w.store.writable
    assert not w.phone_bar.isEnabled()
    menu_action = w.findChild(QAction, "changePhoneMenuAction")
    assert menu_action is not None and not menu_action.isEnabled()
    w.shot_list.selectAll()
    menu = w.phones.list_menu()
    [act] = [x for x in menu.actions() if x.objectName() == "changePhoneAction"]
    assert not act.isEnabled()
    menu.deleteLater()
    w.close()
