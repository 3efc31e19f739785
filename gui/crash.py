"""The one dialog for what we did not expect, and a sentence for what we did.

Why its own module: the excepthook installed at start-up (``gui.app``) and the
window's controllers (a failed import job) both report through here; keeping
it out of ``gui.app`` means the window never imports the module that builds
the window.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from casefile.faults import WriteFailedError
from casefile.store import CaseError
from gui import logs, messages, settings
from gui.views.dialogs import CrashDialog

log = logging.getLogger(__name__)


def show_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Report ``exc`` to the user; logs only the frames and the type.

    What we do expect from the user's environment (a full disk, a read-only or
    busy case) gets its own sentence instead of a crash report.
    """
    if isinstance(exc, CaseError | WriteFailedError) and QCoreApplication.instance() is not None:
        log.warning("case problem: %s", getattr(exc, "problem", ""))
        QMessageBox.warning(
            QApplication.activeWindow(), QCoreApplication.translate("Messages", "Screenproof"),
            messages.case_problem(exc),
        )
        return
    logs.log_exception(exc_type, tb)
    if QCoreApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    active = QApplication.activeWindow()
    dialog = CrashDialog(logs.report(exc_type, exc, tb), settings.log_dir() / logs.LOG_NAME, active)
    dialog.exec()
