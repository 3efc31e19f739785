"""The list of screenshots on the left: thumbnail, file name, and a status chip each.

Why a delegate: status must be readable at a glance by colour and word (a
calm palette: grey waiting, blue reading, amber needs review, green reviewed,
red failed or not added) and the reason of a failure must be in the row,
not in a pop-up per file.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gui.models.screenshot_list_model import Roles, ShotStatus

THUMB_W = 44
THUMB_H = 88
PAD = 8

CHIP_COLORS: dict[ShotStatus, tuple[str, str]] = {  # background, text
    ShotStatus.WAITING: ("#e9ebef", "#4a5361"),
    ShotStatus.READING: ("#dbe8fb", "#1d4f91"),
    ShotStatus.NEEDS_REVIEW: ("#fbecc7", "#7a4d00"),
    ShotStatus.REVIEWED: ("#d9f0df", "#1e6b34"),
    ShotStatus.FAILED: ("#f9dcd8", "#9b2a1c"),
    ShotStatus.REJECTED: ("#f9dcd8", "#9b2a1c"),
}
PHONE_CHIP = ("#ece6f7", "#4b3f8f")  # whose phone: violet, apart from every status colour


class ShotDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(220, THUMB_H + 2 * PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor("#dde7f5") if selected else palette.base())
        painter.setPen(QColor("#e3e5e8"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        thumb_rect = QRect(rect.left() + PAD, rect.top() + PAD, THUMB_W, THUMB_H)
        thumb = index.data(Roles.THUMBNAIL)
        raw_status = index.data(Roles.STATUS)
        status = ShotStatus(raw_status) if raw_status else None
        if isinstance(thumb, QPixmap) and not thumb.isNull():
            scaled = thumb.size().scaled(thumb_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(thumb_rect.topLeft(), scaled)
            target.moveCenter(thumb_rect.center())
            painter.drawPixmap(target, thumb)
            painter.setPen(QColor("#c9cdd3"))
            painter.drawRect(target.adjusted(0, 0, -1, -1))
        else:
            painter.fillRect(thumb_rect, QColor("#f1f2f4"))
            painter.setPen(QColor("#c9cdd3"))
            painter.drawRect(thumb_rect.adjusted(0, 0, -1, -1))
            if status is ShotStatus.REJECTED:
                painter.setPen(QColor("#9b2a1c"))
                painter.drawText(thumb_rect, Qt.AlignmentFlag.AlignCenter, "✕")

        x = thumb_rect.right() + PAD + 2
        width = rect.right() - x - PAD
        font = option.font
        fm = QFontMetrics(font)
        y = rect.top() + PAD
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRect(x, y, width, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(name, Qt.TextElideMode.ElideMiddle, width),
        )
        y += fm.height() + 6

        if isinstance(status, ShotStatus):
            bg, fg = CHIP_COLORS[status]
            chip_text = str(index.data(Roles.STATUS_TEXT) or "")
            small = type(font)(font)
            small.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
            sfm = QFontMetrics(small)
            chip_w = min(sfm.horizontalAdvance(chip_text) + 16, width)
            chip = QRect(x, y, chip_w, sfm.height() + 6)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bg))
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(QColor(fg))
            painter.setFont(small)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, chip_text)
            phone = str(index.data(Roles.PHONE) or "")
            if phone and chip.right() + 6 < x + width:
                room = x + width - chip.right() - 6
                shown = sfm.elidedText(phone, Qt.TextElideMode.ElideRight, room - 16)
                tag = QRect(chip.right() + 6, y, min(sfm.horizontalAdvance(shown) + 16, room), chip.height())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(PHONE_CHIP[0]))
                painter.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2)
                painter.setPen(QColor(PHONE_CHIP[1]))
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, shown)
            y += chip.height() + 6
            detail = str(index.data(Roles.DETAIL) or "")
            if detail:
                painter.setPen(
                    QColor(fg) if status in (ShotStatus.FAILED, ShotStatus.REJECTED) else QColor("#5b6470")
                )
                box = QRect(x, y, width, rect.bottom() - y - 4)
                painter.drawText(
                    box,
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                    detail,
                )
        painter.restore()


class ScreenshotList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenshotList")
        self.setItemDelegate(ShotDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several: change their phone
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setMinimumWidth(220)
        self.setAlternatingRowColors(False)

    def selected_ids(self) -> list[int]:
        """The screenshots selected (rejected files have none), in list order."""
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        ids = [self.model().index(r, 0).data(Roles.SHOT_ID) for r in rows]
        return [i for i in ids if isinstance(i, int)]
