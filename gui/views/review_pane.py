"""The review pane: the screenshot on the left, its messages in a table on the right.

Why both at once: the user corrects what the OCR read by looking at the
original, so the image and the table stay in step: selecting a row outlines
its bubble and scrolls to it, clicking a bubble selects its row. The pane
only shows and asks; the review controller does the storing.

When the OCR guessed wrong the pane offers the way back, best first: read the
screenshot again as another layout (Read as…), click a dimmed line the OCR
read but placed nowhere, draw a box over a missed message to have it read,
and, last, type.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.model import LABEL_SEP, Screenshot
from gui.models.message_table_model import Column, MessageTableModel, is_low
from gui.views.delegates import DirectionDelegate, TimeDelegate
from gui.views.image_view import ImageView
from ocr.model import Box, Layout


class ReviewPane(QWidget):
    add_requested = Signal(object)  # Box drawn on the image
    delete_requested = Signal(list)  # message ids
    split_requested = Signal(int)
    merge_requested = Signal(list)
    set_all_requested = Signal()
    reviewed_toggled = Signal(bool)
    tag_menu_requested = Signal(int, QPoint)  # message id, global position: the controller builds the menu
    read_as_requested = Signal(object)  # ocr.model.Layout: read the screenshot again as this layout
    line_to_message_requested = Signal(int)  # unassigned line id: make it a new message
    line_to_selected_requested = Signal(int, int)  # unassigned line id, message id: add it to that text

    def __init__(self, model: MessageTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPane")
        self.model = model
        self.image = ImageView(self)
        self.table = QTableView(self)
        self.table.setObjectName("messageTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.time_delegate = TimeDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.DIRECTION, DirectionDelegate(self.table))
        self.table.setItemDelegateForColumn(Column.TIME, self.time_delegate)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        model.modelReset.connect(self._fit_columns)
        model.modelReset.connect(self._show_labels)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.title = QLabel(self)
        self.title.setObjectName("reviewTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("reviewSubtitle")
        self.subtitle.setWordWrap(True)
        self.layout_note = QLabel(self)
        self.layout_note.setObjectName("layoutNote")
        self.layout_note.setWordWrap(True)
        self.layout_note.setTextFormat(Qt.TextFormat.PlainText)
        self.editable = True  # False on a read-only case: the line menu then only shows what was read
        self.read_as_menu = QMenu(self.tr("Read &as…"), self)
        self.read_as_actions: dict[Layout, QAction] = {}
        group = QActionGroup(self)
        for layout, label in (
            (Layout.SMS_THREAD, self.tr("Text message thread")),
            (Layout.SMS_INBOX, self.tr("Text message list")),
            (Layout.CHAT_THREAD, self.tr("Chat (WeChat, QQ…)")),
            (Layout.CALL_LOG, self.tr("Call log")),
        ):
            a = self.read_as_menu.addAction(label)
            a.setData(str(layout))
            a.setCheckable(True)  # the layout the screenshot is read as now carries the check
            group.addAction(a)
            a.triggered.connect(lambda _c=False, lay=layout: self.read_as_requested.emit(lay))
            self.read_as_actions[layout] = a
        self.read_as_button = QToolButton(self)
        self.read_as_button.setObjectName("readAsButton")
        self.read_as_button.setText(self.tr("Read as…"))
        self.read_as_button.setToolTip(
            self.tr("The screenshot was read as the wrong kind of screen? Read it again as another kind.")
        )
        self.read_as_button.setMenu(self.read_as_menu)
        self.read_as_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.line_menu: QMenu | None = None  # the open menu of a clicked unassigned line

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("reviewSplitter")
        split.addWidget(self.image)
        split.addWidget(self._table_with_labels())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([420, 640])
        self.splitter = split

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        body = QWidget(self)
        v = QVBoxLayout(body)
        v.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        titles.addWidget(self.layout_note)
        head.addLayout(titles, 1)
        head.addWidget(self.read_as_button, 0, Qt.AlignmentFlag.AlignTop)
        v.addLayout(head)
        v.addWidget(self.toolbar)
        v.addWidget(split, 1)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.stack)

        self.image.box_clicked.connect(self.select_message)
        self.image.line_clicked.connect(self.show_line_menu)
        self.image.box_drawn.connect(self.add_requested)
        self.image.box_drawn.connect(lambda _b: self.act_add.setChecked(False))
        self.show_empty(self.tr("Drag screenshots here, or choose File → Import screenshots (Ctrl+O)."))

    def _build_actions(self) -> None:
        tb = self.toolbar

        def act(
            text: str, tip: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
        ) -> QAction:
            a = QAction(text, self)
            a.setToolTip(tip)
            a.setStatusTip(tip)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tb.addAction(a)
            return a

        self.act_zoom_in = act(
            self.tr("Zoom in"), self.tr("Enlarge the screenshot (Ctrl + mouse wheel)"), "Ctrl+="
        )
        self.act_zoom_out = act(self.tr("Zoom out"), self.tr("Shrink the screenshot"), "Ctrl+-")
        self.act_fit = act(
            self.tr("Fit"),
            self.tr("Show the whole screenshot; a long scrolling screenshot fills the width, from its top"),
            "Ctrl+0",
        )
        tb.addSeparator()
        self.act_add = act(
            self.tr("Add missed message"),
            self.tr(
                "Draw a box around a message the OCR missed: it is read and added for you to check "
                "(a box over several rows of a list gives one message per row)"
            ),
        )
        self.act_add.setCheckable(True)
        self.act_delete = act(
            self.tr("Delete"),
            self.tr("Remove a wrongly read message (it stays in the correction record)"),
            QKeySequence.StandardKey.Delete,
        )
        self.act_split = act(self.tr("Split"), self.tr("Split one bubble that holds several messages"))
        self.act_merge = act(self.tr("Merge"), self.tr("Join the selected rows into one message"))
        self.act_set_all = act(
            self.tr("Sender/time for all…"),
            self.tr("Set the sender or the time of every message on this screenshot at once"),
        )
        tb.addSeparator()
        self.act_reviewed = act(self.tr("Reviewed"), self.tr("Mark this screenshot as checked by you"))
        self.act_reviewed.setCheckable(True)

        self.act_zoom_in.triggered.connect(lambda: self.image.zoom_by(1.25))
        self.act_zoom_out.triggered.connect(lambda: self.image.zoom_by(0.8))
        self.act_fit.triggered.connect(self.image.fit_height)
        self.act_add.toggled.connect(self.image.set_drawing)
        self.act_delete.triggered.connect(lambda: self._emit_ids(self.delete_requested, 1))
        self.act_split.triggered.connect(self._split)
        self.act_merge.triggered.connect(lambda: self._emit_ids(self.merge_requested, 2))
        self.act_set_all.triggered.connect(self.set_all_requested)
        self.act_reviewed.triggered.connect(self.reviewed_toggled)

    # -- showing --------------------------------------------------------------------

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.image.set_image(None)

    def show_screenshot(self, shot: Screenshot, pixmap: QPixmap | None, subtitle: str) -> None:
        self.stack.setCurrentIndex(1)
        self.title.setText(shot.original_name)
        self.subtitle.setText(subtitle)
        self.image.set_image(pixmap)
        self.act_reviewed.setChecked(shot.reviewed)
        self.time_delegate.fallback = shot.captured_at
        self.refresh_boxes()

    def set_current_layout(self, layout: Layout | None) -> None:
        for lay, a in self.read_as_actions.items():
            a.setChecked(lay is layout)

    def set_layout_note(self, text: str, unsure: bool) -> None:
        """How sure the layout guess is, beside Read as… (empty: nothing to say)."""
        self.layout_note.setText(text)
        self.layout_note.setVisible(bool(text))
        # The subtitle's grey when the guess is sure; amber, like an unsure cell, when it is not.
        self.layout_note.setStyleSheet("color: #a15c00;" if unsure else "color: #5b6470;")

    def set_unassigned(self, lines: list[tuple[int, Box, str]]) -> None:
        self.image.set_unassigned(lines)

    def show_line_menu(self, line_id: int, global_pos: QPoint) -> QMenu:
        """What to do with a line the OCR read but placed in no message (a non-blocking menu)."""
        if self.line_menu is not None:
            self.line_menu.close()
            self.line_menu.deleteLater()
        item = self.image.line_item(line_id)
        menu = QMenu(self)
        shown = (item.toolTip() if item is not None else "").strip()
        if len(shown) > 40:
            shown = shown[:39] + "…"
        head = menu.addAction(self.tr("Read: “%1”").replace("%1", shown))
        head.setEnabled(False)
        new = menu.addAction(self.tr("Make it a new message"))
        new.triggered.connect(lambda: self.line_to_message_requested.emit(line_id))
        new.setEnabled(self.editable)
        selected = self.selected_ids()
        add = menu.addAction(self.tr("Add it to the selected message's text"))
        add.setEnabled(self.editable and len(selected) == 1)
        if self.editable and len(selected) == 1:
            add.triggered.connect(lambda: self.line_to_selected_requested.emit(line_id, selected[0]))
        self.line_menu = menu
        menu.popup(global_pos)
        return menu

    def set_reviewed_checked(self, on: bool) -> None:
        self.act_reviewed.setChecked(on)

    def refresh_boxes(self) -> None:
        boxes: list[tuple[int, Box, bool]] = []
        for m in self.model.messages():
            if m.box is not None:
                boxes.append((m.id, m.box, any(is_low(m, f) for f in ("sender", "text"))))
        self.image.set_boxes(boxes)

    def _fit_columns(self) -> None:
        for col in (Column.DIRECTION, Column.SENDER, Column.TIME):
            self.table.resizeColumnToContents(col)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col) + 12, 220))

    # -- selection ------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for r in rows:
            m = self.model.message_at(r)
            if m is not None:
                out.append(m.id)
        return out

    def select_message(self, message_id: int, column: int = Column.TEXT) -> bool:
        row = self.model.row_of(message_id)
        if row < 0:
            return False
        idx = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(idx)
        return True

    def select_cell(self, row: int, column: int) -> None:
        idx = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(idx)
        self.table.setFocus()

    def current_cell(self) -> tuple[int, int]:
        idx: QModelIndex = self.table.currentIndex()
        return (idx.row(), idx.column()) if idx.isValid() else (-1, -1)

    def edit_text_of(self, message_id: int) -> None:
        row = self.model.row_of(message_id)
        if row >= 0:
            self.select_cell(row, Column.TEXT)
            self.table.edit(self.model.index(row, Column.TEXT))

    def _table_selection_changed(self) -> None:
        self.image.highlight(set(self.selected_ids()))
        self._show_labels()

    def _table_with_labels(self) -> QWidget:
        """The table, and under it a read-only line with the selected row's labels.

        What the phone printed beside the number (骚扰电话, 浙江杭州 移动) is OCR
        output the user should see next to the row, but it is not a field they
        correct: a line of its own, not a column, keeps it out of the editing.
        """
        self.labels_note = QLabel(self)
        self.labels_note.setObjectName("labelsNote")
        self.labels_note.setTextFormat(Qt.TextFormat.PlainText)
        self.labels_note.setWordWrap(True)
        self.labels_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels_note.setToolTip(
            self.tr(
                "What the phone showed beside the number: its place or carrier, or the phone's own mark. "
                "Kept as read; it cannot be edited."
            )
        )
        self.labels_note.hide()
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.table, 1)
        v.addWidget(self.labels_note)
        return box

    def _show_labels(self) -> None:
        """The one selected message's labels (``标注：骚扰电话 · 浙江杭州 移动``); hidden for none or several."""
        ids = self.selected_ids()
        m = self.model.message_at(self.model.row_of(ids[0])) if len(ids) == 1 else None
        if m is None or not m.labels:
            self.labels_note.hide()
            self.labels_note.clear()
            return
        self.labels_note.setText(self.tr("Labels: %1").replace("%1", LABEL_SEP.join(m.labels)))
        self.labels_note.show()

    def _emit_ids(self, signal: SignalInstance, minimum: int) -> None:
        ids = self.selected_ids()
        if len(ids) >= minimum:
            signal.emit(ids)

    def _context_menu(self, pos: QPoint) -> None:
        m = self.model.message_at(self.table.indexAt(pos).row())
        if m is not None:
            self.tag_menu_requested.emit(m.id, self.table.viewport().mapToGlobal(pos))

    def _split(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.split_requested.emit(ids[0])
