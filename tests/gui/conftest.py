"""GUI test set-up: a private settings/data folder, the bundled font, Qt warnings fail.

Why: the window remembers things (QSettings, the default case under the user
data folder); tests must never read or write the developer's real ones, so
the XDG folders point into a session temporary directory before Qt starts.
Any Qt warning fails a test in this folder (DESIGN.md), except the offscreen
plugin's harmless note about size hints.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="screenproof-gui-tests-"))
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[_var] = str(_HOME / _sub)

from gui.qtfix import guard_refcounts  # noqa: E402 - after the environment is set

guard_refcounts()

GUI_DATA = Path(__file__).resolve().parent.parent / "data" / "gui"
IGNORED_QT_MESSAGES = ["This plugin does not support propagateSizeHints", "propagateSizeHints"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*IGNORED_QT_MESSAGES))


@pytest.fixture(scope="session")
def gui_app(qapp):
    """The QApplication prepared as ``gui.app.run`` prepares it (font, style), in English."""
    from gui import app, settings

    settings.set_language("en")
    app.prepare_app(qapp)
    return qapp


@pytest.fixture
def runner(qtbot) -> Iterator:
    """A task runner for a dialog under test, stopped (its worker joined) after the test."""
    from gui.tasks import TaskRunner
    from tests.gui.helpers import stop_runner

    r = TaskRunner()
    yield r
    stop_runner(r)


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    return tmp_path / "case"


@pytest.fixture
def window(gui_app, qtbot, case_dir: Path) -> Iterator:
    from gui.app import build_window

    w = build_window(case_dir)
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.runner.shutdown()
    w.close()


@pytest.fixture
def screenshots(tmp_path: Path) -> list[Path]:
    """The ten corpus screenshots, copied so a test may drop or delete them freely."""
    out = tmp_path / "drop"
    out.mkdir()
    for p in sorted(GUI_DATA.glob("*.[pj][np]g")):
        shutil.copy2(p, out / p.name)
    return sorted(out.iterdir())

