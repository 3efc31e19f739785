"""The pack dialog writes a real pack (read back), refuses over a limit, and keeps the edited letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.store import CaseStore
from export.packs.saved import load_pack
from gui.tasks import TaskRunner
from gui.views.pack_dialog import PackDialog
from tests.export.pdfcheck import page_texts, squash
from tests.gui.helpers import collection_case


@pytest.fixture
def store(tmp_path: Path):
    s = collection_case(tmp_path, 3)
    yield s
    s.close()


def _dialog(qtbot, store: CaseStore, runner: TaskRunner, out: Path, preset: str) -> PackDialog:
    d = PackDialog(store, runner)
    qtbot.addWidget(d)
    d.recipient.setCurrentIndex(d.recipient.findData(preset))
    d.out_edit.setText(str(out))
    return d


def test_dialog_writes_a_platform_pack_with_the_edited_letter(qtbot, store, runner, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    d = _dialog(qtbot, store, runner, out, "platform")
    d.draft_letter()
    assert "来电 0 次" in d.editor.edits["facts"].toPlainText() and "发送消息 9 条" in d.editor.edits["facts"].toPlainText()
    d.editor.edits["other_bodies"].setPlainText("已向12378反映，编号 A-1。")
    d.start()
    qtbot.waitUntil(lambda: not d.running, timeout=60000)
    assert d.written, d.status.text()
    text = squash("".join(page_texts(out / "01_投诉书.pdf")))
    assert "已向12378反映，编号A-1。" in text
    saved = load_pack(out)
    assert saved.letter is not None and saved.letter.parts["other_bodies"] == "已向12378反映，编号 A-1。"
    # reopening: the saved letter goes back into the editor unchanged
    d.editor.set_letter(saved.letter)
    assert d.editor.letter().parts == saved.letter.parts


def test_dialog_refuses_over_the_limit_before_writing(qtbot, store, runner, tmp_path: Path) -> None:
    out = tmp_path / "reg"
    d = _dialog(qtbot, store, runner, out, "regulator")
    assert d.limit_spin.value() == 10  # the preset's default, shown and editable
    d.limit_spin.setValue(0.01)
    d.start()
    qtbot.waitUntil(lambda: not d.running, timeout=60000)
    assert d.plan is not None and not d.plan.ok
    assert not out.exists()
    assert "拆分为多个编号文件" in d.status.text() and "--fix" not in d.status.text()


def test_public_pack_is_written_redacted(qtbot, store, runner, tmp_path: Path) -> None:
    out = tmp_path / "public"
    d = _dialog(qtbot, store, runner, out, "public")
    assert not d.draft_button.isEnabled()  # the public pack has a short account, not a letter
    d.start()
    qtbot.waitUntil(lambda: not d.running, timeout=120000)
    assert (out / "遮盖记录.txt").exists(), d.status.text()
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in (out / "图片").iterdir())


def test_every_string_of_the_pack_windows_has_a_chinese_translation(qtbot, store, tmp_path: Path) -> None:
    import re

    from PySide6.QtCore import QCoreApplication, QTranslator

    from gui import i18n

    ts = i18n.I18N_DIR / "packs_zh_CN.ts"
    source = ts.read_text(encoding="utf-8")
    for f in ("gui/views/pack_dialog.py", "gui/views/letter_editor.py", "gui/views/message_picker.py"):
        text = (Path(__file__).resolve().parents[2] / f).read_text(encoding="utf-8")
        for call in re.findall(r'self\.tr\(\s*((?:"[^"]*"\s*)+)\)', text):
            s = "".join(re.findall(r'"([^"]*)"', call)).replace("&", "&amp;")
            assert f"<source>{s}</source>" in source, s
    qm = i18n.compiled(ts, tmp_path)
    assert qm is not None
    tr = QTranslator()
    assert tr.load(str(qm))
    QCoreApplication.installTranslator(tr)
    try:
        d = PackDialog(store)
        qtbot.addWidget(d)
        assert d.windowTitle() == "生成投诉材料"
        assert d.write_button.text() == "生成材料"
    finally:
        QCoreApplication.removeTranslator(tr)


def test_file_menu_opens_the_pack_dialog_with_the_timeline_filter(window, monkeypatch) -> None:
    from gui.views import pack_dialog

    opened: list[PackDialog] = []

    def fake_exec(self: PackDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(pack_dialog.PackDialog, "exec", fake_exec)
    actions = [a for a in window.menuBar().actions()[0].menu().actions() if "pack" in a.text().lower()]
    assert len(actions) == 1
    actions[0].trigger()
    assert len(opened) == 1
    # the timeline's visible entries are offered as "export what I see"
    assert opened[0].from_timeline.isEnabled() == (window.timeline is not None)


def test_reopening_a_pack_folder_brings_back_choice_and_letter(qtbot, store, runner, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    d = _dialog(qtbot, store, runner, out, "police")
    d.party_edit.setText("10690123456789")
    d.draft_letter()
    d.editor.edits["requests"].setPlainText("请依法处理。")
    d.start()
    qtbot.waitUntil(lambda: not d.running, timeout=60000)
    assert d.written, d.status.text()
    again = PackDialog(store, runner)
    qtbot.addWidget(again)
    again.out_edit.setText(str(out))
    assert again.load_saved()
    assert again.preset().id == "police"
    assert again.party_edit.text() == "10690123456789"
    assert again.editor.letter().parts["requests"] == "请依法处理。"


def test_cancel_while_laying_out_writes_nothing(qtbot, store, runner, tmp_path: Path, monkeypatch) -> None:
    import time

    from gui.views import pack_dialog

    real_plan = pack_dialog.plan_pack

    def plan_after_cancel(data, left, req):
        deadline = time.monotonic() + 20
        while not req.cancel():  # the dialog's Cancel must reach the job
            assert time.monotonic() < deadline
            time.sleep(0.01)
        return real_plan(data, left, req)  # the real layout, now told to stop

    monkeypatch.setattr(pack_dialog, "plan_pack", plan_after_cancel)
    out = tmp_path / "cancelled"
    d = _dialog(qtbot, store, runner, out, "court")
    d.start()
    assert d.running and d.close_button.text() == "Cancel" and d.progress.isVisible() is not None
    d.close_or_cancel()
    qtbot.waitUntil(lambda: not d.running, timeout=60000)
    assert not out.exists() and d.plan is None
    assert d.status.text() == "Cancelled; nothing was written."
    assert d.close_button.text() == "Close"


def test_unticked_messages_are_left_out_of_the_pack(qtbot, store, runner, tmp_path: Path) -> None:
    """Two messages unticked in the window: not transcribed, not counted, stated; their screenshot shown whole."""
    from pypdf import PdfReader

    out = tmp_path / "pack"
    d = _dialog(qtbot, store, runner, out, "platform")
    first = store.screenshots()[0]
    on_first = [m for m in store.messages() if m.screenshot_id == first.id]
    assert len(d.picker.message_ids) == 9 and d.picker.chosen() is None
    dropped = {on_first[1].id, on_first[2].id}
    for i in dropped:
        d.picker.set_ticked(i, False)
    assert d.picker.count_label.text() == "7 of 9 messages chosen"
    assert d.selection().message_ids == d.picker.message_ids - dropped
    d.start()
    qtbot.waitUntil(lambda: not d.running, timeout=60000)
    assert d.written, d.status.text()
    facts = squash("".join(page_texts(out / "01_投诉书.pdf")))
    assert "发送消息7条" in facts  # the letter counts only the chosen messages
    body = squash("".join(page_texts(out / "02_时间线与证据.pdf")))
    for m in on_first:
        stamp = f"{m.time:%H:%M}"
        day = f"{m.time:%Y-%m-%d}"
        assert (f"{day}{stamp}" in body or f"{day}\u00a0{stamp}" in body) == (m.id not in dropped), (m.id, stamp)
    method = (out / "制作说明.txt").read_text(encoding="utf-8")
    assert "2 条与本次投诉无关的消息未收录（其中 2 条出现在已附截图上" in method
    assert "共附截图 3 张" in method  # the screenshot with unticked messages is still attached
    reader = PdfReader(str(out / "02_时间线与证据.pdf"))
    sizes = [im.image.size for page in reader.pages for im in page.images if im.image is not None]
    w, h = first.width, first.height
    assert any(abs(iw / ih - w / h) < 0.01 for iw, ih in sizes)  # whole, never cropped
    assert load_pack(out).selection.message_ids == d.picker.message_ids - dropped
    # reopening the folder brings the same ticks back
    again = PackDialog(store, runner)
    qtbot.addWidget(again)
    again.out_edit.setText(str(out))
    assert again.load_saved()
    assert again.picker.unticked() == dropped


def test_details_typed_once_are_kept_in_the_case_for_the_next_pack(qtbot, store, runner, tmp_path: Path) -> None:
    from casefile.complainant import load_complainant

    d = _dialog(qtbot, store, runner, tmp_path / "a", "police")
    assert d.name_edit.text() == "张三"  # the case's complainant
    d.phone_edit.setText("13700001111")
    d.address_edit.setText("广东省深圳市南山区科技园路18号")
    d.draft_letter()
    assert "通讯地址：广东省深圳市南山区科技园路18号" in d.editor.edits["complainant"].toPlainText()
    kept = load_complainant(store)
    assert (kept.phone, kept.address) == ("13700001111", "广东省深圳市南山区科技园路18号")
    again = _dialog(qtbot, store, runner, tmp_path / "b", "nifa")
    assert again.phone_edit.text() == "13700001111" and again.address_edit.text() == kept.address
    again.draft_letter()
    assert "联系电话：13700001111" in again.editor.edits["complainant"].toPlainText()


def test_unticking_a_screenshot_leaves_it_and_its_messages_out(qtbot, store, runner, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from export.packs.selection import select

    d = _dialog(qtbot, store, runner, tmp_path / "p", "platform")
    top = d.picker.tree.topLevelItem(2)
    assert top is not None
    top.setCheckState(0, Qt.CheckState.Unchecked)  # the screenshot's box unticks all of its messages
    assert len(d.picker.unticked()) == 3 and d.picker.count_label.text() == "6 of 9 messages chosen"
    data, left = select(store, d.selection())
    assert len(data.exhibits) == 2 and data.timeline.counts.messages == 6
    assert left.screenshots == 1 and "1 张截图未选入本材料" in left.statement()
    d.picker.none_button.click()
    assert d.picker.chosen() == frozenset()
    d.picker.all_button.click()
    assert d.picker.chosen() is None and d.selection().message_ids is None
