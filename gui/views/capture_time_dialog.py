"""When a screenshot was taken: shown with its source, and set by the user for one or several.

Why it matters enough for a dialog: every relative time on a screen (``昨天``,
``星期二``, ``5分钟前``, a bare ``14:32``) is resolved against the capture time.
A screenshot whose name carries no time gets its file's modification time,
which is often the moment it was copied; the window must say so and never
call it "taken", and the user, who knows when they took it, must be able to
say so — for a whole batch copied off the phone at once, too. The dialog only
collects the time and the screenshots; the review controller stores it
(audited, undoable) and the store resolves the messages again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, QObject, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.model import Screenshot
from ocr.model import TimeSource

STAMP = "%Y-%m-%d %H:%M:%S"


class CaptureTimeText(QObject):
    """A screenshot's capture time in words, with where it came from."""

    def source(self, src: TimeSource | None) -> str:
        if src == TimeSource.FILE_NAME:
            return self.tr("from the file name")
        if src == TimeSource.EXIF:
            return self.tr("from the photo data (EXIF)")
        if src == TimeSource.MTIME:
            return self.tr("file modification time: may not be when the screenshot was taken")
        if src == TimeSource.MANUAL:
            return self.tr("set by you")
        return self.tr("source unknown")

    def describe(self, shot: Screenshot) -> str:
        """``captured 2025-03-10 14:32:05 (from the file name)``; an mtime is never "captured"."""
        if shot.captured_at is None:
            return self.tr("capture time unknown")
        at = shot.captured_at.strftime(STAMP)
        if shot.captured_at_source == TimeSource.MTIME:
            return self.tr("%1 (file modification time: may not be when the screenshot was taken)").replace(
                "%1", at
            )
        return (
            self.tr("captured %1 (%2)").replace("%1", at).replace("%2", self.source(shot.captured_at_source))
        )


class CaptureTimeDialog(QDialog):
    """Set the capture time of the current screenshot, and of any others the user ticks."""

    def __init__(
        self, shots: Sequence[Screenshot], current_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Capture time"))
        self._words = CaptureTimeText(self)
        intro = QLabel(
            self.tr(
                "When were these screenshots taken? Times the screenshots show relative to that moment "
                "(yesterday, a weekday, 5 minutes ago, a time without a day) are worked out again. "
                "The change is recorded and can be undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        current = next((s for s in shots if s.id == current_id), None)
        start = (current.captured_at if current and current.captured_at else None) or datetime.now()
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(
            QDateTime(start.year, start.month, start.day, start.hour, start.minute, start.second)
        )
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # the source note is long: wrap it, never cut it
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        for s in shots:
            item = QListWidgetItem(f"{s.original_name}\n    {self._words.describe(s)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, s.captured_at_uncertain or s.captured_at is None)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id == current_id else Qt.CheckState.Unchecked)
        self.tick_uncertain = QPushButton(
            self.tr("Also tick all whose capture time is uncertain or unknown"), self
        )
        self.tick_uncertain.clicked.connect(self._tick_uncertain)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._update_ok)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Taken at"), self))
        row.addWidget(self.when, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Screenshots taken at this time:"), self))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.tick_uncertain)
        lay.addWidget(self.buttons)
        self.resize(560, 460)
        self._update_ok()

    def _tick_uncertain(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole + 1):
                item.setCheckState(Qt.CheckState.Checked)

    def _update_ok(self, *_: object) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_ids()))

    def chosen_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def value(self) -> datetime:
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
