"""The messages of one screenshot as an editable table (direction, sender, day, time, text, tags).

Why edits leave through a signal: the model only shows; an edit is a request
(``edit_requested``) that the review controller turns into an audited,
undoable correction through ``casefile``, after which the model is refilled
from the store. So the table can never show a value the case does not hold.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from casefile.model import LABEL_SEP, Message, Tag, TagState
from casefile.phones import OWN_PHONE, is_own
from ocr.model import ME, Direction, Kind

_Index = QModelIndex | QPersistentModelIndex

# Below this the OCR was unsure; such cells are tinted and F3 jumps to them.
LOW_CONFIDENCE = 0.6
LOW_BRUSH = QColor("#fde9b6")
CORRECTED_COLOR = QColor("#1d4f91")
TIME_FORMAT = "%Y-%m-%d %H:%M"


class Column(enum.IntEnum):
    DIRECTION = 0
    SENDER = 1
    DATE = 2  # the day the screen shows, also where it shows no minute (an inbox row with 昨天)
    TIME = 3
    TEXT = 4
    TAGS = 5


FIELD_OF: dict[Column, str] = {
    Column.DIRECTION: "direction",
    Column.SENDER: "sender",
    Column.DATE: "date",
    Column.TIME: "time",
    Column.TEXT: "text",
}
EDIT_ROLE_RAW = int(Qt.ItemDataRole.UserRole) + 10  # the typed value, for delegates
EDIT_ROLE_DAY = EDIT_ROLE_RAW + 1  # the item's day: where a time editor starts when no minute is shown


def field_confidence(m: Message, field: str) -> float:
    """The OCR's confidence in one field; a person's value is certain."""
    if field in m.corrected or m.ocr is None:
        return 1.0
    if field in m.field_confidence:
        return float(m.field_confidence[field])
    if field == "text":
        return float(m.confidence)
    return 1.0


def is_low(m: Message, field: str) -> bool:
    if field == "sender" and not m.sender:
        return False
    if field == "time" and m.time is None:
        return m.day is None  # an unknown time needs a look, unless the screen shows only the day
    if field == "date":
        return m.day is None
    return field_confidence(m, field) < LOW_CONFIDENCE


LOW_COLUMNS = (Column.SENDER, Column.TIME, Column.TEXT)  # the fields "next unsure field" visits


def low_cells(messages: Sequence[Message]) -> list[tuple[int, int]]:
    """(row, column) of every unsure field, in table order."""
    return [(r, int(c)) for r, m in enumerate(messages) for c in LOW_COLUMNS if is_low(m, FIELD_OF[c])]


class MessageTableModel(QAbstractTableModel):
    edit_requested = Signal(int, str, object)  # message id, field, new value

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Message] = []
        self._tags: dict[int, list[Tag]] = {}
        self.fallback_day: date | None = None  # where a date editor starts for an unknown day
        self.phone = OWN_PHONE  # whose phone the shown screenshot is from: "me" on it is that person

    def set_messages(self, messages: list[Message], tags: list[Tag] | None = None) -> None:
        """Show these messages (the excluded ones are hidden: undo brings them back)."""
        self.beginResetModel()
        self._rows = [m for m in messages if not m.excluded]
        self._tags = {}
        for t in tags or []:
            self._tags.setdefault(t.message_id, []).append(t)
        self.endResetModel()

    def message_at(self, row: int) -> Message | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, message_id: int) -> int:
        for i, m in enumerate(self._rows):
            if m.id == message_id:
                return i
        return -1

    def messages(self) -> list[Message]:
        return list(self._rows)

    def direction_text(self, d: Direction) -> str:
        return {
            Direction.INCOMING: self.tr("Received"),
            Direction.OUTGOING: self.tr("Sent"),
            Direction.MISSED: self.tr("Missed call"),
        }[d]

    # -- Qt ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.DIRECTION: self.tr("Direction"),
            Column.SENDER: self.tr("Sender"),
            Column.DATE: self.tr("Date"),
            Column.TIME: self.tr("Time"),
            Column.TEXT: self.tr("Text"),
            Column.TAGS: self.tr("Tags"),
        }[Column(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        col = Column(index.column())
        field = FIELD_OF.get(col)
        if role == Qt.ItemDataRole.DisplayRole and col is Column.TEXT and not m.text and m.kind is not Kind.CALL:
            # A picture or sticker (or a bubble OCR could not read): say so, and
            # leave the editor empty for the user's description.
            return self.tr("(no text: a picture, a sticker, or not read)")
        if role == Qt.ItemDataRole.EditRole and col is Column.DATE:
            # A QDate gives Qt's date editor; an unknown day starts from the capture day.
            d = m.day or (self.fallback_day or date.today())
            return QDate(d.year, d.month, d.day)
        if role == Qt.ItemDataRole.DisplayRole and col in (Column.DIRECTION, Column.SENDER):
            return self._as_owner(m, col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(m, col)
        if role == EDIT_ROLE_DAY:
            return m.day
        if role == EDIT_ROLE_RAW and field is not None:
            return m.day if field == "date" else getattr(m, field)
        if role == Qt.ItemDataRole.BackgroundRole and field is not None and is_low(m, field):
            return QBrush(LOW_BRUSH)
        if role == Qt.ItemDataRole.ForegroundRole and field is not None and field in m.corrected:
            return QBrush(CORRECTED_COLOR)
        if role == Qt.ItemDataRole.FontRole and field is not None and field in m.corrected:
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and field is not None:
            return self._tooltip(m, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.DIRECTION, Column.TIME):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _as_owner(self, m: Message, col: Column) -> str:
        """On another person's phone, what "I" sent was sent by them: shown so (the stored value
        stays "me", and an editor starts from it)."""
        mine = m.direction is Direction.OUTGOING or m.sender == ME
        if is_own(self.phone) or not mine:
            return self._display(m, col)
        if col is Column.DIRECTION:
            return self.tr("Sent by %1").replace("%1", self.phone)
        return self.phone

    def _display(self, m: Message, col: Column) -> str:
        if col is Column.DIRECTION:
            return self.direction_text(m.direction)
        if col is Column.SENDER:
            return m.sender or ""
        if col is Column.DATE:
            return m.day.isoformat() if m.day else self.tr("unknown")
        if col is Column.TIME:
            if m.time is None and m.day is not None:
                return self.tr("time not shown")
            return m.time.strftime(TIME_FORMAT) if m.time else self.tr("unknown")
        if col is Column.TEXT:
            return m.text
        tags = [t for t in self._tags.get(m.id, []) if t.state is not TagState.REMOVED]
        return "、".join(t.tag + ("?" if t.state is TagState.SUGGESTED else "") for t in tags)

    def _tooltip(self, m: Message, field: str) -> str:
        lines: list[str] = []
        if field in m.corrected and m.ocr is not None:
            ocr_value = getattr(m.ocr, field)
            if isinstance(ocr_value, datetime):
                shown = ocr_value.strftime(TIME_FORMAT)
            elif isinstance(ocr_value, date):
                shown = ocr_value.isoformat()
            elif isinstance(ocr_value, Direction):
                shown = self.direction_text(ocr_value)
            else:
                shown = str(ocr_value) if ocr_value else self.tr("(nothing)")
            lines.append(self.tr("Corrected by you. The OCR read: %1").replace("%1", shown))
        elif m.ocr is None:
            lines.append(self.tr("Added by you"))
        elif field == "time" and m.time is None and m.day is not None:
            lines.append(self.tr("The screenshot shows only the day of this item, not the time."))
        elif is_low(m, field):
            if field == "date":
                lines.append(self.tr("The screenshot does not show the day of this item."))
            elif field == "time" and m.time is None:
                lines.append(self.tr("The time could not be read; please enter it."))
            else:
                pct = round(field_confidence(m, field) * 100)
                lines.append(
                    self.tr("The OCR is unsure here (%1% confident); please check.").replace("%1", str(pct))
                )
        if field == "sender" and m.labels:  # what the phone showed beside the number, as read
            lines.append(self.tr("Labels shown by the phone: %1").replace("%1", LABEL_SEP.join(m.labels)))
        return "\n".join(lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if Column(index.column()) in FIELD_OF:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Turn an edit into a request; the controller stores it and refills the table."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = FIELD_OF.get(Column(index.column()))
        if field is None:
            return False
        m = self._rows[index.row()]
        if field == "sender" and isinstance(value, str):
            value = value.strip() or None
        if field == "text" and isinstance(value, str):
            value = value.strip()
        if field == "time" and isinstance(value, str):
            value = parse_time(value)
            if value is None:
                return False
        if field == "date":
            value = _as_date(value)
            if value is None:
                return False
        if value == (m.day if field == "date" else getattr(m, field)):
            return False
        self.edit_requested.emit(m.id, field, value)
        return True


def _as_date(value: object) -> date | None:
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        t = parse_time(value.strip() + " 00:00")
        return t.date() if t else None
    return None


def parse_time(text: str) -> datetime | None:
    """Accept the few ways people type a date and time; None if it is none of them."""
    text = text.strip().replace("/", "-").replace("：", ":")
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y.%m.%d %H:%M"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None
