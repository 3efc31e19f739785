"""The main window: a shell that lays out the parts and routes menus to controllers.

Why so thin: every decision lives in a controller (import pipeline, review
edits) or in ``casefile``; this file only builds widgets, menus and the status
bar, opens cases, and accepts files dropped anywhere on the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.store import CaseStore
from gui import messages, settings
from gui.controllers.case_opener import open_case_store
from gui.controllers.import_controller import ImportController, ImportTally, summary
from gui.controllers.phone_controller import PhoneController
from gui.controllers.review_controller import ReviewController
from gui.crash import show_crash
from gui.models.message_table_model import MessageTableModel
from gui.models.screenshot_list_model import ScreenshotListModel
from gui.tasks import TaskRunner
from gui.views.dialogs import CaseDetailsDialog, ImportSummaryDialog, show_about
from gui.views.export_dialog import ExportDialog
from gui.views.parties_dialog import PartiesDialog
from gui.views.phone_widgets import SourcePhoneBar, above
from gui.views.progress_panel import ProgressPanel
from gui.views.review_pane import ReviewPane
from gui.views.screenshot_list import ScreenshotList
from gui.views.timeline_view import TimelineView
from gui.window_state import restore_layout, save_layout
from ocr.engines.registry import available_engines
from ocr.model import Layout

log = logging.getLogger(__name__)
VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.log_file = log_file
        self.store: CaseStore | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.last_tally: ImportTally | None = None
        self.setAcceptDrops(True)

        self.runner = TaskRunner(self)
        self.shots = ScreenshotListModel(self)
        self.shot_list = ScreenshotList(self)
        self.shot_list.setModel(self.shots)
        self.undo_stack = QUndoStack(self)
        self.review_pane = ReviewPane(MessageTableModel(self), self)
        self.review_pane.image.setAcceptDrops(False)
        self.review = ReviewController(self.review_pane, self.shots, self.undo_stack, self, runner=self.runner)
        self.imports = ImportController(self.runner, self.shots, self)
        self.imports.engine = settings.ocr_engine()
        self.phone_bar = SourcePhoneBar(self)  # whose phone a drop comes from; asked when unclear
        self.phones = PhoneController(self.phone_bar, self.undo_stack, self._phones_changed, self, self.shot_list)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.review_pane, self.tr("Review"))
        # Merging a large case's timeline runs on the window's TaskRunner (about a second for 20,000 messages).
        self.timeline = TimelineView(self, runner=self.runner)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.timeline.openMessageRequested.connect(self.open_message)
        self.timeline.tagsChanged.connect(self._timeline_tags_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(above(self.phone_bar, self.shot_list))
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1100])
        # Says why a case is read-only (a write-protected stick, another window) and how to change it.
        self.read_only_banner = QLabel(self)
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.progress = ProgressPanel(self)
        self.case_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addWidget(self.case_label)
        self._build_menus()
        self._edit_triggers = self.review_pane.table.editTriggers()
        self._connect()
        restore_layout(self, self._splitters())

    # -- building -------------------------------------------------------------------------

    def _action(
        self,
        menu: object,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        menu.addAction(a)  # type: ignore[attr-defined]
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(self.tr("&File"))
        self.act_import = self._action(
            f, self.tr("&Import screenshots…"), self.choose_files, QKeySequence.StandardKey.Open
        )
        self.act_import_folder = self._action(f, self.tr("Import a &folder…"), self.choose_folder)
        f.addSeparator()
        self._action(f, self.tr("&Open case folder…"), self.choose_case)
        self._action(f, self.tr("&New case folder…"), self.new_case)
        self.act_case_details = self._action(f, self.tr("Case &details…"), self.edit_case_details)
        f.addSeparator()
        self._action(f, self.tr("&Export dossier…"), self.export_dossier, "Ctrl+E")
        self.act_redact = self._action(f, self.tr("&Redact…"), self.redact_screenshot)
        self._action(f, self.tr("Write a complaint &pack…"), self.write_pack)
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        e = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        e.addAction(undo)
        e.addAction(redo)
        self.act_undo, self.act_redo = undo, redo

        r = bar.addMenu(self.tr("&Review"))
        self._action(r, self.tr("&Next screenshot"), lambda: self.step(1), "Alt+Down")
        self._action(r, self.tr("&Previous screenshot"), lambda: self.step(-1), "Alt+Up")
        self.act_reviewed_next = self._action(
            r, self.tr("Mark as reviewed and go to the &next"), self.mark_reviewed_next, "Ctrl+Return"
        )
        self._action(r, self.tr("Next &unsure field"), self.review.next_low_confidence, "F3")
        r.addSeparator()
        self.act_read_again = self._action(r, self.tr("&Read screenshots again"), self.read_again)
        self.act_set_capture = self._action(r, self.tr("Set &capture time…"), self.review.set_capture_time)
        self.phones.add_to(r)  # Change source phone… for the screenshots selected in the list
        r.addMenu(self.review_pane.read_as_menu)
        self._engine_menu(r.addMenu(self.tr("Text recognition &engine")))
        r.addSeparator()
        self.act_parties = self._action(r, self.tr("&Counterparties…"), self.edit_parties)

        v = bar.addMenu(self.tr("&View"))
        lang = v.addMenu(self.tr("&Language"))
        for code, label in (("auto", self.tr("As the system")), ("zh_CN", "中文"), ("en", "English")):
            a = self._action(lang, label, lambda _c=False, c=code: self.set_language(c))
            a.setCheckable(True)
            a.setChecked(settings.language() == code)

        h = bar.addMenu(self.tr("&Help"))
        self._action(h, self.tr("&About Screenproof"), self.about)
        self._action(h, self.tr("Open the &log folder"), self.open_log_folder)

    def _engine_menu(self, menu: QMenu) -> None:
        """Tesseract is always there; RapidOCR only with its extra. The choice applies to the next reading."""
        installed = available_engines()
        group = QActionGroup(self)
        choices = (
            ("auto", self.tr("Automatic (the most accurate installed)")),
            ("rapidocr", self.tr("RapidOCR: more accurate on real screenshots")),
            ("tesseract", self.tr("Tesseract: about three times faster")),
        )
        for code, label in choices:
            a = self._action(menu, label, lambda _c=False, c=code: self.set_ocr_engine(c))
            a.setCheckable(True)
            a.setChecked(settings.ocr_engine() == code)
            a.setEnabled(code == "auto" or code in installed)
            a.setData(code)
            group.addAction(a)
        self.engine_actions = group

    def set_ocr_engine(self, code: str) -> None:
        settings.set_ocr_engine(code)
        self.imports.engine = code
        self.statusBar().showMessage(self.tr("New and re-read screenshots will use this engine."), 8000)

    def _connect(self) -> None:
        self.shot_list.selectionModel().currentChanged.connect(self._list_current_changed)
        self.review.current_changed.connect(self._select_in_list)
        self.review.changed.connect(self._case_changed)
        self.review.status.connect(lambda t: self.statusBar().showMessage(t, 8000))
        self.imports.progress.connect(self.progress.show_progress)
        self.imports.running_changed.connect(lambda on: None if on else self.progress.hide())
        self.imports.shots_changed.connect(self._shot_arrived)
        self.imports.finished.connect(self._import_finished)
        self.imports.engine_missing.connect(self._engine_missing)
        self.imports.failed.connect(self._job_failed)
        self.progress.cancel_requested.connect(self._cancel)
        self.review_pane.read_as_requested.connect(self.read_as)
        self.review.progress.connect(self.progress.show_progress)
        self.review.running_changed.connect(lambda on: None if on or self.imports.running else self.progress.hide())

    # -- cases ----------------------------------------------------------------------------

    def open_case(self, folder: Path, *, create: bool = True) -> bool:
        """Open (or create) a case folder; on failure say why and keep the current case.

        A case another window is changing can be opened read-only (the user is
        asked); one whose folder cannot be written opens read-only with a banner.
        The case already open here is shown again, not opened a second time (this
        window holds its lock; a second writer would be refused).
        """
        if self.store is not None and self.store.paths.folder.resolve() == folder.resolve():
            store: CaseStore | None = self.store
        else:
            store = open_case_store(self, folder, create=create)
        if store is None:
            return False
        self.runner.shutdown()
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        settings.set_last_case(store.paths.folder)
        self.imports.set_store(store)
        self.phones.set_store(store)
        self.review.set_store(store)
        self.timeline.set_store(store)
        self._update_title()
        ids = self.shots.shot_ids()
        if ids:
            self.review.show(ids[0])
        self._show_access(store)
        if store.writable and any(s.ocr_status == "waiting" for s in store.screenshots()):
            self.imports.read_waiting()
        return True

    def _edit_actions(self) -> list[QAction]:
        pane = self.review_pane
        return [
            self.act_import, self.act_import_folder, self.act_case_details, self.act_read_again,
            self.act_parties, self.act_reviewed_next, self.act_undo, self.act_redo,
            pane.act_add, pane.act_delete, pane.act_split, pane.act_merge, pane.act_set_all, pane.act_reviewed,
            self.act_set_capture, *pane.read_as_actions.values(),
        ]

    def _show_access(self, store: CaseStore) -> None:
        """Read-only: a banner saying why, and every action that would change the case disabled."""
        writable = store.writable
        if store.read_only is not None:
            self.read_only_banner.setText(messages.read_only_banner(store.read_only))
        self.read_only_banner.setVisible(not writable)
        for action in self._edit_actions():
            action.setEnabled(writable)
        self.review_pane.table.setEditTriggers(
            self._edit_triggers if writable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.review_pane.read_as_button.setEnabled(writable)
        self.review_pane.editable = writable
        self.setAcceptDrops(writable)

    def _update_title(self) -> None:
        if self.store is None:
            return
        info = self.store.case_info()
        name = info.title or self.store.paths.folder.name
        if not self.store.writable:
            name = self.tr("%1 (read-only)").replace("%1", name)
        self.setWindowTitle(self.tr("%1 — Screenproof").replace("%1", name))
        self.case_label.setText(self.tr("Case: %1").replace("%1", str(self.store.paths.folder)))

    def choose_case(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open case folder"))
        if folder:
            self.open_case(Path(folder), create=False)

    def new_case(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose an empty folder for the new case"))
        if folder and self.open_case(Path(folder), create=True):
            self.edit_case_details()

    def edit_case_details(self) -> None:
        if self.store is None:
            return
        dialog = CaseDetailsDialog(self.store.case_info(), self)
        if dialog.exec():
            self.store.set_case_info(dialog.info())
            self._update_title()

    def export_dossier(self) -> None:
        if self.store is None:
            return
        ExportDialog(self.store, self.runner, self).exec()

    def redact_screenshot(self) -> None:
        """遮盖…: the boxes to black out on the current screenshot (export/redaction burns them)."""
        if self.store is not None and self.store.writable and self.review.current is not None:
            from gui.views.redaction_dialog import open_redaction_dialog

            open_redaction_dialog(self.store, self.review.current, self.runner, self)

    def write_pack(self) -> None:
        if self.store is not None:
            from gui.views.pack_dialog import PackDialog

            visible = self.timeline.model.visible_entries()  # "export what I see": the timeline's filter
            PackDialog(self.store, self.runner, self, visible=visible).exec()

    # -- importing --------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if self.store is not None and self.store.writable and paths:
            phone = self.phones.choice_for(paths)  # None: the user cancelled the question
            if phone is not None:
                self.imports.import_paths(paths, phone)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import screenshots"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.heic);;All files (*)"),
        )
        self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of screenshots"))
        if folder:
            self.import_paths([Path(folder)])

    def read_again(self) -> None:
        if self.review.current is not None:
            self.imports.read_waiting(again=[self.review.current])

    def read_as(self, layout: Layout) -> None:
        """核对 → 按…重新识别: read the shown screenshot again as the layout the user chose."""
        if self.review.current is None:
            return
        if self.imports.running:
            self.statusBar().showMessage(self.tr("Still reading; try again when it has finished."), 8000)
            return
        self.imports.read_waiting(again=[self.review.current], layout=layout)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _shot_arrived(self, screenshot_id: int) -> None:
        self.review.reload(screenshot_id)
        if self.review.current is None:
            self.review.show(screenshot_id)
        if self.tabs.currentWidget() is self.timeline:
            self.timeline.refresh()

    def _import_finished(self, tally: ImportTally) -> None:
        self.last_tally = tally
        self.timeline.refresh()
        if not tally.imported and not tally.rejected and not tally.duplicates:
            return
        headline, problems = summary(tally)
        self.statusBar().showMessage(headline, 15000)
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        self.summary_dialog = ImportSummaryDialog(headline, problems, self)
        self.summary_dialog.show()  # not modal: the user can keep working

    def _cancel(self) -> None:
        self.progress.cancelling()
        self.imports.cancel()
        self.review.cancel_reading()

    def _engine_missing(self) -> None:
        QMessageBox.warning(self, self.tr("Text recognition is not installed"), messages.engine_missing())

    def _job_failed(self, exc: BaseException) -> None:
        show_crash(type(exc), exc, exc.__traceback__)  # a full disk or a busy case gets its sentence there

    # -- review -----------------------------------------------------------------------------

    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shot = self.shots.shot_at(current.row())
        if shot is not None:
            self.review.show(shot.id)

    def _select_in_list(self, screenshot_id: int) -> None:
        row = self.shots.row_of(screenshot_id)
        if row >= 0 and self.shot_list.currentIndex().row() != row:
            self.shot_list.selectionModel().setCurrentIndex(
                self.shots.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.shot_list.scrollTo(self.shots.index(row))

    def _case_changed(self, screenshot_id: int) -> None:
        self.imports.refresh_list()
        self.timeline.refresh()

    def _phones_changed(self, _screenshot_id: int) -> None:
        self._case_changed(_screenshot_id)
        self._timeline_tags_changed()  # the shown screenshot's source phone

    def _timeline_tags_changed(self) -> None:
        if self.review.current is not None:
            self.review.reload(self.review.current)

    def edit_parties(self) -> None:
        """Group numbers and names into counterparties, then recount the timeline per party."""
        if self.store is None:
            return
        dialog = PartiesDialog(self.store, (), self)
        dialog.exec()
        if dialog.changed:
            self.timeline.refresh()

    def step(self, delta: int) -> None:
        ids = self.shots.shot_ids()
        if not ids:
            return
        i = ids.index(self.review.current) + delta if self.review.current in ids else 0
        self.review.show(ids[max(0, min(i, len(ids) - 1))])

    def mark_reviewed_next(self) -> None:
        if self.review.current is not None:
            self.review.set_reviewed(True)
            self.step(1)

    def open_message(self, message_id: int) -> None:
        """The timeline asked for a message: show its screenshot and select its row."""
        if self.store is None:
            return
        try:
            m = self.store.message(message_id)
        except KeyError:
            return
        self.tabs.setCurrentWidget(self.review_pane)
        self.review.show(m.screenshot_id)
        self.review_pane.select_message(message_id)

    # -- settings, help, closing --------------------------------------------------------------

    def set_language(self, code: str) -> None:
        settings.set_language(code)
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language is used the next time Screenproof starts.")
        )

    def about(self) -> None:
        show_about(self, VERSION, self.log_file, self.store.paths.folder if self.store is not None else None)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter, "review": self.review_pane.splitter}

    def closeEvent(self, event: QCloseEvent) -> None:
        save_layout(self, self._splitters())
        self.runner.shutdown()
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
