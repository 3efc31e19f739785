"""What the window remembers between runs (QSettings): last case, geometry, language.

Why a module: tests point QSettings at a temporary folder, and every key lives
in one place instead of as strings scattered over widgets.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Screenproof"
APPLICATION = "Screenproof"

LANGUAGE_AUTO = "auto"
LANGUAGES = ("zh_CN", "en")


def _settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def default_case_dir() -> Path:
    """Where a first-time user's case lives when they never chose a folder."""
    return Path(platformdirs.user_data_dir(APPLICATION)) / "cases" / "default"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APPLICATION))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APPLICATION))


def last_case() -> Path | None:
    value = _settings().value("case/last", "")
    return Path(str(value)) if value else None


def set_last_case(folder: Path) -> None:
    _settings().setValue("case/last", str(folder))


def language() -> str:
    """``zh_CN``, ``en``, or ``auto`` (follow the system locale)."""
    value = str(_settings().value("ui/language", LANGUAGE_AUTO))
    return value if value in LANGUAGES else LANGUAGE_AUTO


def set_language(value: str) -> None:
    _settings().setValue("ui/language", value)


def geometry() -> tuple[QByteArray | None, QByteArray | None]:
    s = _settings()
    geo = s.value("window/geometry")
    state = s.value("window/state")
    return (
        geo if isinstance(geo, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def set_geometry(geo: QByteArray, state: QByteArray) -> None:
    s = _settings()
    s.setValue("window/geometry", geo)
    s.setValue("window/state", state)


def splitter_state(name: str) -> QByteArray | None:
    value = _settings().value(f"window/splitter/{name}")
    return value if isinstance(value, QByteArray) else None


def set_splitter_state(name: str, state: QByteArray) -> None:
    _settings().setValue(f"window/splitter/{name}", state)


OCR_ENGINES = ("auto", "rapidocr", "tesseract")


def ocr_engine() -> str:
    """``auto`` (RapidOCR when installed, else Tesseract), ``rapidocr`` or ``tesseract``."""
    value = str(_settings().value("ocr/engine", "auto"))
    return value if value in OCR_ENGINES else "auto"


def set_ocr_engine(value: str) -> None:
    _settings().setValue("ocr/engine", value)
