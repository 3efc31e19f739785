"""Undo and redo of corrections, on top of the append-only audit log.

Why this shape: the case never forgets a correction, so undo cannot delete
rows. Each edit is one ``batch`` of corrections; undo appends the inverse
batch (``revert_batch``) and redo appends it again (``reapply_batch``). Every
step is written to disk the moment it happens, so a crash loses nothing, and
the audit log shows the user's whole path, undos included.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from casefile.store import CaseStore


class BatchCommand(QUndoCommand):
    """An edit that is already stored (as ``batch``) when it is pushed."""

    def __init__(
        self, store: CaseStore, text: str, batch: str, screenshot_id: int, notify: Callable[[int], None]
    ) -> None:
        super().__init__(text)
        self._store = store
        self.batch = batch
        self.screenshot_id = screenshot_id
        self._notify = notify
        self._applied_on_push = True

    def redo(self) -> None:
        if self._applied_on_push:
            self._applied_on_push = False  # QUndoStack.push calls redo(); the edit is already stored
        else:
            self._store.reapply_batch(self.batch)
        self._notify(self.screenshot_id)

    def undo(self) -> None:
        self._store.revert_batch(self.batch)
        self._notify(self.screenshot_id)
