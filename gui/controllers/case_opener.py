"""Opening a case folder for the window: for writing, else read-only when that makes sense.

Why apart from the window: the order of attempts (write; a busy case read-only
if the user agrees; a write-protected one read-only with a banner; otherwise a
sentence saying why) is a decision, not layout. The prompts keep the main
window's translation context, so the existing translations apply unchanged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.store import Access, CaseError, CaseProblem, CaseStore, ReadOnlyBecause
from gui import messages

log = logging.getLogger(__name__)


def open_case_store(parent: QWidget, folder: Path, *, create: bool) -> CaseStore | None:
    """The case in ``folder`` (created if asked), or None after telling the user why not."""
    try:
        return CaseStore.open(folder, create=create)
    except CaseError as exc:
        log.warning("case could not be opened for writing: %s", exc.problem)
        return _open_read_only(parent, exc)


def _open_read_only(parent: QWidget, exc: CaseError) -> CaseStore | None:
    because: ReadOnlyBecause | None = None
    if exc.problem is CaseProblem.BUSY:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Case in use"),
            messages.case_busy(),
            parent=parent,
        )
        read_only = box.addButton(
            QCoreApplication.translate("MainWindow", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        if box.clickedButton() is not read_only:
            return None
        because = ReadOnlyBecause.BUSY
    elif exc.problem is CaseProblem.NOT_WRITABLE:
        because = ReadOnlyBecause.NOT_WRITABLE
    if because is not None:
        try:
            return CaseStore.open(exc.folder, access=Access.READ, read_only_because=because)
        except CaseError as again:
            exc = again
    QMessageBox.warning(parent, QCoreApplication.translate("MainWindow", "Case folder"), messages.case_problem(exc))
    return None
