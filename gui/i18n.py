"""Translations: compile the Qt Linguist sources at start-up and install them.

Why compile at start-up: ``.qm`` files are build products and stay out of git,
yet a fresh clone must open in Chinese. ``lrelease`` ships inside PySide6, so
the window compiles every ``resources/i18n/*_<locale>.ts`` into a cache folder
keyed by the source's hash (a stale .qm can never be loaded) the first time,
which takes well under a second. Every ``*_<locale>`` file is loaded, because
other parts of the GUI (the timeline) keep their own translation file.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def choose_locale(setting: str, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en``: the user's setting, else Chinese whenever the system is Chinese."""
    if setting in ("zh_CN", "en"):
        return setting
    name = (system or QLocale.system()).name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def _lrelease() -> Path:
    return Path(PySide6.__file__).resolve().parent / "lrelease"


def compiled(ts: Path, cache: Path) -> Path | None:
    """The .qm for ``ts``, compiled into ``cache`` if missing; None if it cannot be built."""
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = cache / f"{ts.stem}.{digest}.qm"
    if qm.is_file():
        return qm
    cache.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".tmp.qm")
    try:
        subprocess.run(
            [str(_lrelease()), "-silent", str(ts), "-qm", str(tmp)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        tmp.replace(qm)
    except (OSError, subprocess.SubprocessError) as exc:
        log.error("could not compile translation %s: %s", ts.name, type(exc).__name__)
        return None
    for old in cache.glob(f"{ts.stem}.*.qm"):  # earlier builds of the same source
        if old != qm:
            old.unlink(missing_ok=True)
    return qm


def install(app: QCoreApplication, locale: str, cache: Path, i18n_dir: Path = I18N_DIR) -> list[QTranslator]:
    """Install Qt's own strings and every ``*_<locale>.ts`` of ours; returns the translators
    (the caller keeps them alive: Qt does not own them)."""
    if locale == "en":
        return []
    translators: list[QTranslator] = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        translators.append(qt_own)
    for ts in sorted(i18n_dir.glob(f"*_{locale}.ts")):
        qm = compiled(ts, cache)
        tr = QTranslator(app)
        if qm is not None and tr.load(str(qm)):
            app.installTranslator(tr)
            translators.append(tr)
        else:
            log.error("translation %s not loaded", ts.name)
    return translators
