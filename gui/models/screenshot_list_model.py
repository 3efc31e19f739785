"""The screenshot list: every screenshot of the case with its status and thumbnail,
followed by the files of this session's imports that were not added, with why.

Why a model of its own: the list must stay put while OCR results stream in
(rows are updated or inserted, never reset unless the order itself changed),
so the user can keep scrolling and reviewing during a long import.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QPixmap

from casefile.importer import RejectReason
from casefile.model import OcrStatus, Screenshot
from gui import messages
from gui.phone_text import owner, phone_chip

_Index = QModelIndex | QPersistentModelIndex


class ShotStatus(enum.StrEnum):
    WAITING = "waiting"
    READING = "reading"
    NEEDS_REVIEW = "needs_review"
    REVIEWED = "reviewed"
    FAILED = "failed"
    REJECTED = "rejected"


class Roles(enum.IntEnum):
    STATUS = int(Qt.ItemDataRole.UserRole) + 1
    STATUS_TEXT = STATUS + 1
    SHOT_ID = STATUS + 2
    THUMBNAIL = STATUS + 3
    DETAIL = STATUS + 4
    PHONE = STATUS + 5  # whose phone it came from ("" while the case holds one phone)


@dataclass(slots=True)
class Row:
    shot: Screenshot | None = None
    path: Path | None = None  # a rejected file (no screenshot)
    reason: RejectReason | None = None
    message_count: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return ("shot", str(self.shot.id)) if self.shot else ("file", str(self.path))


class ScreenshotListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._reading: set[int] = set()
        self._thumbs: dict[str, QPixmap] = {}
        self._several_phones = False  # rows name their phone only when the case holds more than one

    # -- feeding --------------------------------------------------------------

    def sync(self, shots: list[Screenshot], counts: dict[int, int] | None = None) -> None:
        """Bring the screenshot rows in line with the store without resetting the view
        when only statuses changed or screenshots were added."""
        counts = counts or {}
        self._several_phones = len({s.phone for s in shots}) > 1
        rejected = [r for r in self._rows if r.shot is None]
        old_ids = [r.shot.id for r in self._rows if r.shot is not None]
        new_ids = [s.id for s in shots]
        new_rows = [Row(shot=s, message_count=counts.get(s.id, 0)) for s in shots]
        if old_ids == new_ids:
            for i, row in enumerate(new_rows):
                self._rows[i] = row
            if new_rows:
                self.dataChanged.emit(self.index(0), self.index(len(new_rows) - 1))
            return
        if _is_subsequence(old_ids, new_ids):
            present = set(old_ids)
            for i, row in enumerate(new_rows):
                assert row.shot is not None
                if row.shot.id in present:
                    self._rows[i] = row
                    continue
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()
            if new_rows:
                self.dataChanged.emit(self.index(0), self.index(len(new_rows) - 1))
            return
        self.beginResetModel()
        self._rows = new_rows + rejected
        self.endResetModel()

    def add_rejected(self, path: Path, reason: RejectReason) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Row(path=path, reason=reason))
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._reading = set()
        self._thumbs = {}
        self.endResetModel()

    def set_reading(self, ids: set[int]) -> None:
        """Which screenshots the OCR is working on right now (shown as "reading")."""
        changed = ids ^ self._reading
        self._reading = set(ids)
        for i, r in enumerate(self._rows):
            if r.shot is not None and r.shot.id in changed:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx)

    def set_thumbnail(self, sha256: str, image: QImage) -> None:
        self._thumbs[sha256] = QPixmap.fromImage(image)
        for i, r in enumerate(self._rows):
            if r.shot is not None and r.shot.sha256 == sha256:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx, [Roles.THUMBNAIL])

    def has_thumbnail(self, sha256: str) -> bool:
        return sha256 in self._thumbs

    # -- reading ----------------------------------------------------------------

    def row_of(self, screenshot_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.shot is not None and r.shot.id == screenshot_id:
                return i
        return -1

    def shot_at(self, row: int) -> Screenshot | None:
        return self._rows[row].shot if 0 <= row < len(self._rows) else None

    def shot_ids(self) -> list[int]:
        return [r.shot.id for r in self._rows if r.shot is not None]

    def status(self, row: int) -> ShotStatus:
        r = self._rows[row]
        if r.shot is None:
            return ShotStatus.REJECTED
        s = r.shot
        if s.id in self._reading:
            return ShotStatus.READING
        if s.ocr_status == OcrStatus.WAITING:
            return ShotStatus.WAITING
        if s.ocr_status == OcrStatus.FAILED:
            return ShotStatus.FAILED
        return ShotStatus.REVIEWED if s.reviewed else ShotStatus.NEEDS_REVIEW

    def status_text(self, status: ShotStatus) -> str:
        return {
            ShotStatus.WAITING: self.tr("Waiting to be read"),
            ShotStatus.READING: self.tr("Reading…"),
            ShotStatus.NEEDS_REVIEW: self.tr("Needs review"),
            ShotStatus.REVIEWED: self.tr("Reviewed"),
            ShotStatus.FAILED: self.tr("Could not be read"),
            ShotStatus.REJECTED: self.tr("Not added"),
        }[status]

    def _detail(self, row: int) -> str:
        r = self._rows[row]
        status = self.status(row)
        if status is ShotStatus.REJECTED and r.reason is not None:
            return messages.reject_reason(r.reason)
        if status is ShotStatus.FAILED and r.shot is not None:
            return messages.ocr_failed(r.shot.original_name, r.shot.ocr_error)
        if status in (ShotStatus.NEEDS_REVIEW, ShotStatus.REVIEWED):
            return self.tr("%n message(s)", "", r.message_count)
        return ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if r.shot is not None:
                return r.shot.original_name
            return r.path.name if r.path else ""
        if role == Roles.STATUS:
            return self.status(index.row())
        if role == Roles.STATUS_TEXT:
            return self.status_text(self.status(index.row()))
        if role == Roles.DETAIL:
            return self._detail(index.row())
        if role == Roles.SHOT_ID:
            return r.shot.id if r.shot else None
        if role == Roles.PHONE:
            return phone_chip(r.shot.phone) if r.shot is not None and self._several_phones else ""
        if role == Roles.THUMBNAIL:
            return self._thumbs.get(r.shot.sha256) if r.shot else None
        if role == Qt.ItemDataRole.ToolTipRole:
            name = r.shot.original_name if r.shot else (str(r.path) if r.path else "")
            detail = self._detail(index.row())
            if r.shot is not None and self._several_phones:
                name += "\n" + self.tr("From the phone of: %1").replace("%1", owner(r.shot.phone))
            text = f"{name}\n{self.status_text(self.status(index.row()))}"
            return f"{text}: {detail}" if detail else text
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _is_subsequence(small: list[int], big: list[int]) -> bool:
    it = iter(big)
    return all(x in it for x in small)
