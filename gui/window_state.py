"""Where the window and its splitters were left, restored at start and saved on close.

Why apart from the window: it is bookkeeping over settings, the same for every
splitter; the window only names its splitters.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QSplitter

from gui import settings

DEFAULT_SIZE = (1280, 820)  # the size the panes were laid out for; the window manager fits it to smaller screens


def restore_layout(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """The saved geometry, toolbar state and splitter positions (defaults when none or invalid)."""
    geo, state = settings.geometry()
    if geo is None or not window.restoreGeometry(geo):
        window.resize(*DEFAULT_SIZE)
    if state is not None:
        window.restoreState(state)
    for name, splitter in splitters.items():
        saved = settings.splitter_state(name)
        if saved is not None:
            splitter.restoreState(saved)


def save_layout(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    settings.set_geometry(window.saveGeometry(), window.saveState())
    for name, splitter in splitters.items():
        settings.set_splitter_state(name, splitter.saveState())
