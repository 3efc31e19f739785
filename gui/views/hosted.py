"""Widgets written by other parts of the team, imported only when they exist.

Why tolerant: the timeline view and the export dialog land on their own
schedule; the window must start (and its tests pass) with or without them.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

log = logging.getLogger(__name__)


def timeline_view(parent: QWidget, runner: Any) -> Any | None:
    """A ``TimelineView`` (``set_store``, ``refresh``, ``openMessageRequested``) or None.

    It gets the window's TaskRunner so that merging a large case's timeline
    runs in a worker (about a second for 20,000 messages) instead of freezing
    the window.
    """
    try:
        from gui.views.timeline_view import TimelineView
    except ImportError as exc:
        log.info("timeline view not available: %s", type(exc).__name__)
        return None
    return TimelineView(parent, runner=runner)


def export_dialog(store: Any, runner: Any, parent: QWidget) -> QDialog | None:
    try:
        from gui.views.export_dialog import ExportDialog
    except ImportError as exc:
        log.info("export dialog not available: %s", type(exc).__name__)
        return None
    dialog: QDialog = ExportDialog(store, runner, parent)
    return dialog
