"""Editors for the message table: a choice for direction, a date-time field for time.

Why: free text for these two fields invites values the case cannot store
(``昨天``, a misspelt direction); a constrained editor makes the wrong thing
impossible instead of reporting it afterwards.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractItemModel, QDateTime, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.models.message_table_model import EDIT_ROLE_DAY, EDIT_ROLE_RAW, MessageTableModel
from ocr.model import Direction

_Index = QModelIndex | QPersistentModelIndex


class DirectionDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        for d in Direction:
            label = model.direction_text(d) if isinstance(model, MessageTableModel) else str(d)
            combo.addItem(label, str(d))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(EDIT_ROLE_RAW)
        i = editor.findData(str(value))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, Direction(str(editor.currentData())), Qt.ItemDataRole.EditRole)


class TimeDelegate(QStyledItemDelegate):
    """A minute-precision date-time editor; an unknown time starts from ``fallback``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fallback: datetime | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        edit = QDateTimeEdit(parent)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QDateTimeEdit)
        value = index.data(EDIT_ROLE_RAW)
        start = value if isinstance(value, datetime) else (self.fallback or datetime.now().replace(second=0))
        day = index.data(EDIT_ROLE_DAY)
        if not isinstance(value, datetime) and isinstance(day, date):
            start = datetime.combine(day, start.time())  # the screen shows the day: start on it
        editor.setDateTime(QDateTime(start.year, start.month, start.day, start.hour, start.minute, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QDateTimeEdit)
        qdt = editor.dateTime()
        d, t = qdt.date(), qdt.time()
        model.setData(
            index, datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), Qt.ItemDataRole.EditRole
        )
