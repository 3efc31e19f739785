"""Starting the window: fonts, language, logging, crash dialog, and which case to open.

Why each step:
* The bundled Noto Sans SC is loaded and made the application font, so Chinese
  renders on a machine with no CJK fonts at all (STACK.md §1: tofu otherwise).
* Chinese is the default when the system is Chinese (a setting overrides), and
  the translations are compiled at start-up (``gui.i18n``) so a fresh clone
  opens in Chinese without a build step.
* Errors the user cannot act on go to a rotating log (ids and hashes only) and
  one crash dialog with a copyable report, instead of a silent exit.
* The case: the one given, else the last one, else a default case in the
  platform data folder, so a first-time user can just drop screenshots.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from gui import i18n, logs, settings
from gui.crash import show_crash
from gui.main_window import MainWindow
from gui.qtfix import guard_refcounts

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")

STYLE = """
#reviewTitle { font-size: 13pt; font-weight: 600; color: #1f2933; }
#reviewSubtitle { color: #5b6470; }
#emptyHint { color: #5b6470; font-size: 12pt; }
#summaryHeadline { font-size: 11pt; }
QTableView#messageTable { gridline-color: #e3e5e8; selection-background-color: #cfe0f7; selection-color: #111; }
QHeaderView::section { padding: 4px 6px; background: #f4f5f7; border: none; border-bottom: 1px solid #dcdfe3; }
QListView#screenshotList { border: none; border-right: 1px solid #dcdfe3; }
QToolBar { border: none; spacing: 4px; }
QToolButton { padding: 3px 8px; border-radius: 4px; }
QToolButton:hover { background: #e6ebf2; }
QToolButton:checked { background: #d6e4f7; }
#readOnlyBanner { background: #fff4ce; color: #5c4400; padding: 8px 12px; border-bottom: 1px solid #e8d48a; }
"""

_state: dict[str, object] = {}


def load_fonts() -> str | None:
    """Register the bundled CJK font; returns its family (None if the files are missing)."""
    family = None
    for name in FONT_FILES:
        path = RESOURCES / "fonts" / name
        if not path.is_file():
            continue
        fid = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        if families and family is None:
            family = families[0]
    if family is None:
        log.error("bundled font not found under %s", RESOURCES / "fonts")
    return family


def prepare_app(app: QApplication) -> list[object]:
    """Everything a QApplication needs before the window: names, font, translators, style.
    Returns the translators (keep them alive)."""
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Screenproof")
    family = load_fonts()
    if family is not None:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        font.setStyleHint(QFont.StyleHint.SansSerif)
        app.setFont(font)
    icon = RESOURCES / "icons" / "screenproof.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyleSheet(STYLE)
    locale = i18n.choose_locale(settings.language())
    translators = i18n.install(app, locale, settings.cache_dir() / "i18n")
    log.info("language %s, %d translator(s)", locale, len(translators))
    return list(translators)


def build_window(case_dir: Path | None) -> MainWindow:
    """The window on the chosen case (the given one, the last one, or the default one)."""
    window = MainWindow(logs.setup(settings.log_dir()))
    candidates: list[tuple[Path, bool]] = []
    if case_dir is not None:
        candidates.append((case_dir, True))
    else:
        last = settings.last_case()
        if last is not None and (last / "case.sqlite").exists():
            candidates.append((last, False))
        candidates.append((settings.default_case_dir(), True))
    for folder, create in candidates:
        if window.open_case(folder, create=create):
            break
    return window


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    show_crash(exc_type, exc, tb)


def run(case_dir: Path | None, *, argv: list[str] | None = None) -> int:
    """Start the application and its window; returns the exit status."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    guard_refcounts()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv)
    )
    logs.setup(settings.log_dir())
    _state["translators"] = prepare_app(app)
    sys.excepthook = _excepthook
    window = build_window(case_dir)
    window.show()
    _state["window"] = window
    log.info("window shown")
    return int(app.exec())
