"""Whose phone screenshots came from: asked at import, shown above the list, changed for a selection.

Why this shape: the store records the phone (``casefile.phones``); this
controller decides when to ask. A plain drop into a case holding only one
phone goes to the phone shown above the list without a question (the common
case stays one step, and the line says where it went). A drop with sub-folders
(``妈妈/…``) or into a case that already holds several phones asks once for the
whole drop, because there a wrong guess is likely. A change for a selection is
one audited batch and one step on the undo stack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from casefile.phones import OWN_PHONE, sub_folder_phones
from casefile.store import CaseStore
from casefile.workflows import PhoneChoice
from gui.controllers.undo import BatchCommand
from gui.views.phone_dialog import PhoneDialog
from gui.views.phone_widgets import SourcePhoneBar
from gui.views.screenshot_list import ScreenshotList

log = logging.getLogger(__name__)


class PhoneController(QObject):
    """Asks whose phone an import is from, and changes it for screenshots already in the case.

    ``notify(screenshot_id)`` runs after a change, its undo and its redo: the
    window refreshes the list, the review pane and the timeline.
    """

    def __init__(
        self,
        bar: SourcePhoneBar,
        undo: QUndoStack,
        notify: Callable[[int], None],
        parent: QWidget,
        shot_list: ScreenshotList | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self.undo = undo
        self._notify = notify
        self._parent = parent
        self.store: CaseStore | None = None
        self.menu_action: QAction | None = None  # Review → Change source phone… (see add_to)
        bar.change_requested.connect(self.choose_default)
        self.shot_list = shot_list
        if shot_list is not None:
            shot_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            shot_list.customContextMenuRequested.connect(self._list_menu)

    def set_store(self, store: CaseStore | None) -> None:
        self.store = store
        self.bar.set_phone(OWN_PHONE)
        self.bar.setEnabled(store is not None and store.writable)
        if self.menu_action is not None:
            self.menu_action.setEnabled(store is not None and store.writable)

    def add_to(self, menu: QMenu) -> QAction:
        """The same change from a menu (right-clicking the list is easy to miss)."""
        self.menu_action = menu.addAction(self.tr("Change source phone…"))
        self.menu_action.setObjectName("changePhoneMenuAction")
        self.menu_action.triggered.connect(self._change_selected)
        return self.menu_action

    def _change_selected(self) -> None:
        if self.shot_list is not None:
            self.change_phone(self.shot_list.selected_ids())

    def _dialog(self, current: str, suggestions: Sequence[str] = (), count: int = 0) -> PhoneDialog:
        phones = self.store.phones() if self.store is not None else []
        return PhoneDialog(phones, current, suggestions, self._parent, count=count)

    def choice_for(self, paths: Sequence[Path]) -> PhoneChoice | None:
        """The phone for a drop: without a question when nothing suggests a mix-up; None: cancelled."""
        if self.store is None:
            return None
        suggestions = sub_folder_phones(paths)
        if not suggestions and len(self.store.phones()) <= 1:
            return PhoneChoice(name=self.bar.phone)
        dialog = self._dialog(self.bar.phone, suggestions)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            log.info("import cancelled at the phone question")
            return None
        choice = dialog.choice()
        self.bar.set_phone(choice.name)
        return choice

    def choose_default(self) -> None:
        """The bar's Change…: whose phone the next plain drops come from."""
        dialog = self._dialog(self.bar.phone)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.bar.set_phone(dialog.name())

    def change_phone(self, screenshot_ids: Sequence[int]) -> None:
        """Ask, then record the new phone for these screenshots (one undo step)."""
        if self.store is None or not screenshot_ids or not self.store.writable:
            return
        current = self.store.screenshot(screenshot_ids[0]).phone
        dialog = self._dialog(current, count=len(screenshot_ids))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply(screenshot_ids, dialog.name())

    def apply(self, screenshot_ids: Sequence[int], name: str) -> bool:
        """Record ``name`` as the phone of these screenshots; False when nothing changed."""
        if self.store is None or not screenshot_ids:
            return False
        batch = self.store.set_phone(screenshot_ids, name)
        if not self.store.screenshot_corrections(batch=batch):
            return False  # the same phone as before: nothing to undo
        n = len(screenshot_ids)
        text = self.tr("Change the source phone of %n screenshot(s)", "", n)
        log.info("source phone changed for %d screenshot(s)", n)
        self.undo.push(BatchCommand(self.store, text, batch, screenshot_ids[0], self._notify))
        return True

    def context_menu(self, menu: QMenu, screenshot_ids: Sequence[int]) -> None:
        """Add "Change source phone…" for the selected screenshots to the list's menu."""
        act = menu.addAction(self.tr("Change source phone…"))
        act.setObjectName("changePhoneAction")
        act.setEnabled(bool(screenshot_ids) and self.store is not None and self.store.writable)
        ids = list(screenshot_ids)
        act.triggered.connect(lambda: self.change_phone(ids))

    def list_menu(self) -> QMenu:
        """The screenshot list's context menu for its selection (the caller shows and deletes it)."""
        menu = QMenu(self._parent)
        self.context_menu(menu, self.shot_list.selected_ids() if self.shot_list is not None else [])
        return menu

    def _list_menu(self, pos: QPoint) -> None:
        if self.shot_list is None:
            return
        menu = self.list_menu()
        menu.exec(self.shot_list.viewport().mapToGlobal(pos))
        menu.deleteLater()
