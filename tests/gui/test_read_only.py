"""A case another window is changing, or on a medium that cannot be written: the window opens it
read-only, says why in a banner, and offers no action that would change it."""

from __future__ import annotations

import errno
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from casefile import lock as case_lock
from casefile.faults import DATABASE, ORIGINAL, Problem, WriteFailedError
from casefile.store import CaseStore, ReadOnlyBecause
from gui import i18n, messages
from tests.gui.conftest import GUI_DATA
from tests.gui.helpers import seed_case

TS = i18n.I18N_DIR / "robust_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]{4}")


def test_robust_translations_are_complete() -> None:
    tree = ET.parse(TS)
    entries = list(tree.iter("message"))
    assert len(entries) >= 20
    for m in entries:
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None and (tr.text or "").strip(), m.findtext("source")
    # every source is used by the code (no dead entries that would hide a typo in a source)
    code = "".join(p.read_text(encoding="utf-8") for p in Path(i18n.__file__).parent.rglob("*.py"))
    code = code.replace('"\n            "', "").replace('"\n        "', "").replace("\\n", "\n")
    for m in entries:
        src = m.findtext("source") or ""
        assert src in code, src


@pytest.fixture
def seeded(case_dir: Path) -> Path:
    seed_case(case_dir, sorted(GUI_DATA.glob("*.png"))[:2])
    return case_dir


def _press_open_read_only(monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "Open read-only"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_a_case_open_elsewhere_opens_read_only_with_a_banner(gui_app, qtbot, monkeypatch, seeded, tmp_path):
    from gui.app import build_window

    asked: list[str] = []
    _press_open_read_only(monkeypatch, asked)
    other = CaseStore.open(seeded)  # "another window": it holds the writer lock
    try:
        w = build_window(seeded)
        qtbot.addWidget(w)
        w.show()
        assert len(asked) == 1 and "another Screenproof window" in asked[0]
        assert w.store is not None and w.store.read_only is ReadOnlyBecause.BUSY
        assert w.read_only_banner.isVisible()
        assert "another Screenproof window" in w.read_only_banner.text()
        assert "(read-only)" in w.windowTitle()
        assert not w.act_import.isEnabled() and not w.act_case_details.isEnabled()
        assert not w.review_pane.act_delete.isEnabled() and not w.review_pane.act_merge.isEnabled()
        assert not w.acceptDrops()
        assert len(w.shots.shot_ids()) == 2, "the case is shown"
        w.grab().save(str(tmp_path / "read-only-window.png"))
        w.close()
    finally:
        other.close()
    # Once the other window has closed, the case opens for writing again.
    w = build_window(seeded)
    qtbot.addWidget(w)
    assert w.store is not None and w.store.writable and not w.read_only_banner.isVisibleTo(w)
    assert w.act_import.isEnabled()
    w.close()


def test_a_write_protected_case_opens_read_only_without_asking(gui_app, qtbot, monkeypatch, seeded):
    from gui.app import build_window

    def refuse(folder: Path, *, wait: float = 0.0) -> case_lock.Lock:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(case_lock, "acquire", refuse)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("no question for a read-only medium"))
    w = build_window(seeded)
    qtbot.addWidget(w)
    assert w.store is not None and w.store.read_only is ReadOnlyBecause.NOT_WRITABLE
    assert "write-protected" in w.read_only_banner.text()
    assert not w.act_read_again.isEnabled()
    w.close()


def test_disk_problems_are_said_in_both_languages(gui_app, tmp_path: Path) -> None:
    english = messages.write_failed(WriteFailedError(ORIGINAL, tmp_path, Problem.NO_SPACE))
    assert str(tmp_path) in english and "disk is full" in english and "unchanged" in english
    translators = i18n.install(gui_app, "zh_CN", tmp_path / "qm")
    try:
        for problem in Problem:
            zh = messages.write_failed(WriteFailedError(DATABASE, tmp_path, problem))
            assert CJK.search(zh) and str(tmp_path) in zh, zh
        for because in ReadOnlyBecause:
            assert CJK.search(messages.read_only_banner(because))
        assert "另一个" in messages.case_busy()
        damaged = messages.case_damaged(tmp_path)
        assert "SHA-256" in damaged and str(tmp_path / "originals") in damaged and CJK.search(damaged)
    finally:
        for t in translators:
            gui_app.removeTranslator(t)


def test_a_full_disk_during_a_drop_is_one_dialog_and_the_case_is_unchanged(
    window, qtbot, monkeypatch, screenshots, case_dir
) -> None:
    from tests.faults.helpers import case_is_sound, enospc_under
    from tests.gui.helpers import drop

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    with enospc_under(monkeypatch, case_dir / "originals"), qtbot.waitSignal(window.imports.finished, timeout=60_000):
        drop(window, screenshots[:3])
    assert len(shown) == 1, shown
    assert "disk is full" in shown[0] and str(case_dir.resolve() / "originals") in shown[0]
    assert window.store is not None and window.store.screenshots() == []
    window.close()
    assert case_is_sound(case_dir) == 0


def test_a_full_database_during_a_correction_is_a_dialog(window, qtbot, monkeypatch, screenshots, case_dir):
    from tests.gui.helpers import seed_case

    window.close()
    seed_case(case_dir, screenshots[:1])
    from gui.app import build_window

    w = build_window(case_dir)
    qtbot.addWidget(w)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    assert w.store is not None
    mid = w.store.messages()[0].id
    pages = w.store._conn.execute("PRAGMA page_count").fetchone()[0]
    w.store._conn.execute(f"PRAGMA max_page_count = {pages}")
    from gui.crash import show_crash

    try:
        for i in range(2000):
            w.review.edit(mid, "text", f"改 {i} " + "长" * 300)
    except WriteFailedError as exc:  # what Qt would hand to the excepthook
        show_crash(type(exc), exc, exc.__traceback__)
    assert shown and "Your change to the case could not be saved" in shown[0] and "unchanged" in shown[0]
    w.close()
