"""Start-up: translations complete and compiled from source, the font, the default case, errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase

from casefile.importer import RejectReason
from gui import i18n, messages, settings
from ocr.model import Failure

TS = i18n.I18N_DIR / "screenproof_zh_CN.ts"


def test_zh_cn_has_no_unfinished_entries() -> None:
    tree = ET.parse(TS)
    unfinished = []
    for m in tree.iter("message"):
        tr = m.find("translation")
        assert tr is not None
        text = "".join(tr.itertext()).strip()
        if tr.get("type") in ("unfinished", "obsolete", "vanished") or not text:
            unfinished.append(m.findtext("source"))
    assert unfinished == []
    assert len(list(tree.iter("message"))) > 100


def test_no_format_string_inside_tr() -> None:
    """f-strings inside tr() cannot be translated (DESIGN.md): lupdate would see no literal."""
    import re

    gui = Path(i18n.__file__).parent
    bad = []
    for py in gui.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        bad += [
            f"{py.name}: {m.group(0)}"
            for m in re.finditer(r"(?:\.tr|translate)\(\s*(?:\"[^\"]*\",\s*)?f\"", text)
        ]
    assert bad == []


def test_compiled_at_start_into_cache_and_chinese_installed(gui_app, tmp_path: Path) -> None:
    qm = i18n.compiled(TS, tmp_path)
    assert qm is not None and qm.stat().st_size > 1000
    assert i18n.compiled(TS, tmp_path) == qm  # cached by content hash
    translators = i18n.install(gui_app, "zh_CN", tmp_path)
    try:
        assert QCoreApplication.translate("ScreenshotListModel", "Needs review") == "待核对"
        assert "未添加" in messages.import_summary(1, 0, 2, False)
        assert "sudo apt install tesseract-ocr tesseract-ocr-chi-sim" in messages.engine_missing()
    finally:
        for t in translators:
            gui_app.removeTranslator(t)
    assert QCoreApplication.translate("ScreenshotListModel", "Needs review") == "Needs review"


def test_locale_choice() -> None:
    assert i18n.choose_locale("auto", QLocale("zh_CN")) == "zh_CN"
    assert i18n.choose_locale("auto", QLocale("zh_TW")) == "zh_CN"
    assert i18n.choose_locale("auto", QLocale("en_US")) == "en"
    assert i18n.choose_locale("en", QLocale("zh_CN")) == "en"
    assert i18n.choose_locale("zh_CN", QLocale("de_DE")) == "zh_CN"


@pytest.mark.parametrize("reason", list(RejectReason))
def test_every_reject_reason_has_a_sentence_naming_the_file(reason: RejectReason) -> None:
    text = messages.rejected_file(Path("/x/IMG_1.png"), reason)
    assert "IMG_1.png" in text and len(text) > len("IMG_1.png") + 8


def test_bundled_font_is_the_application_font(gui_app) -> None:
    family = gui_app.font().family()
    assert "Noto Sans SC" in family
    assert "Noto Sans SC" in QFontDatabase.families()


def test_default_case_when_none_given(gui_app, qtbot, monkeypatch) -> None:
    from gui.app import build_window

    monkeypatch.setattr(settings, "last_case", lambda: None)
    w = build_window(None)
    qtbot.addWidget(w)
    try:
        assert w.store is not None
        assert w.store.paths.folder == settings.default_case_dir().resolve()
        assert w.store.paths.folder.parts[-2:] == ("cases", "default")
    finally:
        w.close()


def test_unwritable_case_folder_is_explained(gui_app, qtbot, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from gui.app import build_window

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    w = build_window(tmp_path / "ok")
    qtbot.addWidget(w)
    try:
        assert not w.open_case(blocker / "case")
        assert len(shown) == 1 and str(blocker / "case") in shown[0]
        assert w.store is not None and w.store.paths.folder == (tmp_path / "ok").resolve()
    finally:
        w.close()


def test_about_names_the_log_file(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: shown.append(text))
    window.about()
    assert str(window.log_file) in shown[0]
    assert window.log_file.parent == settings.log_dir()


def test_crash_report_and_log_carry_no_message_text(tmp_path: Path) -> None:
    import logging

    from gui import logs

    log_file = logs.setup(tmp_path)
    evidence = "催收 " + "138" + "00138000 张三"  # built at run time, as message text is
    try:
        raise ValueError(evidence)
    except ValueError as exc:
        logs.log_exception(type(exc), exc.__traceback__)
        report = logs.report(type(exc), exc, exc.__traceback__)
    for h in logging.getLogger().handlers:
        h.flush()
    assert "ValueError" in log_file.read_text(encoding="utf-8")
    assert "13800138000" not in log_file.read_text(encoding="utf-8")
    assert "13800138000" in report  # the user sees it and decides what to share


@pytest.mark.parametrize("failure", list(Failure))
def test_every_ocr_failure_is_said_in_chinese(gui_app, tmp_path: Path, failure: Failure) -> None:
    """The window says why a screenshot could not be read in the user's language, not the log's English."""
    error = f"{failure.value}: ValueError"
    english = messages.ocr_failed("IMG_1.png", error)
    assert "ValueError" not in english and len(english) > 30  # a reason, not the log detail
    translators = i18n.install(gui_app, "zh_CN", tmp_path)
    try:
        chinese = messages.ocr_failed("IMG_1.png", error)
        assert re.search(r"[\u4e00-\u9fff]{4}", chinese) and "ValueError" not in chinese, chinese
    finally:
        for t in translators:
            gui_app.removeTranslator(t)
    # An error text from an older version is still shown, as it is.
    assert "tesseract failed (status 1)" in messages.ocr_failed("IMG_1.png", "tesseract failed (status 1)")


def test_the_ocr_engine_is_chosen_in_the_window(window) -> None:
    from ocr.engines.rapidocr import rapidocr_installed

    actions = {a.data(): a for a in window.engine_actions.actions()}
    assert set(actions) == {"auto", "rapidocr", "tesseract"}
    assert actions["auto"].isChecked()
    assert actions["tesseract"].isEnabled()  # always installed
    assert actions["rapidocr"].isEnabled() == rapidocr_installed()
    try:
        actions["tesseract"].trigger()
        assert settings.ocr_engine() == "tesseract" and window.imports.engine == "tesseract"
        assert actions["tesseract"].isChecked() and not actions["auto"].isChecked()
    finally:
        settings.set_ocr_engine("auto")
