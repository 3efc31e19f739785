"""How the timeline list is painted: day headers, tag chips, thumbnails, the sticky header.

Why apart from the view: painting is the bulk of the code and has no state of
its own; the view wires widgets and filters, this module only draws what the
model's roles say.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui.models.timeline_model import ROW_IS_HEADER_ROLE, SUGGESTED_TAGS_ROLE, TAGS_ROLE, Column

HEADER_BG = QColor("#eef1f5")
HEADER_RULE = QColor("#d5dae1")
HEADER_TEXT = QColor("#2d3640")
ROW_RULE = QColor("#f0f1f3")
# Calm chip colours (background, text); a tag keeps its colour across runs.
CHIP_COLOURS = (
    (QColor("#fbe3dc"), QColor("#8a3b22")),
    (QColor("#e4e0f5"), QColor("#463a86")),
    (QColor("#dcefe6"), QColor("#2c6148")),
    (QColor("#fbefd2"), QColor("#7a5a12")),
    (QColor("#dde9f6"), QColor("#2f557f")),
    (QColor("#f3dcea"), QColor("#7d2f5c")),
)


def chip_colours(tag: str) -> tuple[QColor, QColor]:
    return CHIP_COLOURS[zlib.crc32(tag.encode("utf-8")) % len(CHIP_COLOURS)]


def paint_day_header(p: QPainter, rect: QRect, text: str, font: QFont) -> None:
    """One look for the in-list headers and the sticky one, so they line up exactly."""
    p.save()
    p.fillRect(rect, HEADER_BG)
    p.setPen(QPen(HEADER_RULE, 1))
    p.drawLine(rect.bottomLeft(), rect.bottomRight())
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(HEADER_TEXT)
    p.drawText(
        rect.adjusted(12, 0, -8, 0), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
    )
    p.restore()


class TimelineDelegate(QStyledItemDelegate):
    """Paints day headers across the row, tag chips, and cached thumbnails."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect = QRect(option.rect)
        if index.data(ROW_IS_HEADER_ROLE):
            if index.column() == 0:
                paint_day_header(painter, rect, str(index.data() or ""), option.font)
            return
        col = index.column()
        if col == Column.TAGS:
            self._paint_background(painter, option, index)
            self._paint_chips(
                painter, rect, list(index.data(TAGS_ROLE) or []), option.font, index.data(SUGGESTED_TAGS_ROLE) or frozenset()
            )
        elif col == Column.SHOT:
            self._paint_background(painter, option, index)
            pm = index.data(Qt.ItemDataRole.DecorationRole)
            if isinstance(pm, QPixmap) and not pm.isNull():
                self._paint_thumb(painter, rect, pm)
        else:
            super().paint(painter, option, index)
        painter.save()
        painter.setPen(QPen(ROW_RULE, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    @staticmethod
    def _paint_chips(
        p: QPainter, rect: QRect, tags: list[str], font: QFont, suggested: frozenset[str] = frozenset()
    ) -> None:
        """Confirmed tags as filled chips; a rule's unconfirmed suggestion as a dashed outline with "?"."""
        if not tags:
            return
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        fm = QFontMetrics(small)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(small)
        p.setClipRect(rect)
        h = fm.height() + 4
        y = rect.top() + (rect.height() - h) / 2
        x = rect.left() + 4.0
        for name in tags:
            tag = name + "?" if name in suggested else name
            w = fm.horizontalAdvance(tag) + 12
            if x + w > rect.right() - 2 and x > rect.left() + 4:
                p.setPen(QColor("#7a828c"))
                p.drawText(QRectF(x, y, 20, h), int(Qt.AlignmentFlag.AlignVCenter), "…")
                break
            bg, fg = chip_colours(name)
            if name in suggested:
                p.setPen(QPen(fg, 1, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(bg)
            p.drawRoundedRect(QRectF(x, y, w, h), h / 2, h / 2)
            p.setPen(fg)
            p.drawText(QRectF(x, y, w, h), int(Qt.AlignmentFlag.AlignCenter), tag)
            x += w + 4
        p.restore()

    @staticmethod
    def _paint_thumb(p: QPainter, rect: QRect, pm: QPixmap) -> None:
        target = QSize(pm.size())
        target.scale(rect.size() - QSize(6, 4), Qt.AspectRatioMode.KeepAspectRatio)
        x = rect.left() + (rect.width() - target.width()) // 2
        y = rect.top() + (rect.height() - target.height()) // 2
        p.save()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.drawPixmap(QRect(x, y, target.width(), target.height()), pm)
        p.setPen(QPen(QColor("#c9ced6"), 1))
        p.drawRect(QRect(x, y, target.width() - 1, target.height() - 1))
        p.restore()


class StickyHeader(QWidget):
    """The header of the day at the top of the list, pinned while its messages scroll by.

    It sits on the table (not its viewport, which Qt scrolls with the content)
    and lets clicks through; the next day's header pushes it up as it arrives.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.text = ""
        self.offset = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        paint_day_header(p, self.rect().translated(0, self.offset), self.text, self.font())
        p.end()


def style_table(t: QTableView, kind_label: str) -> None:
    """Row height, soft selection colours and column widths fitted to the longest usual texts."""
    pal = t.palette()  # a soft selection: the pattern, not the cursor, should draw the eye
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor("#d6e4f5"))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1f2933"))
    t.setPalette(pal)
    vh = t.verticalHeader()
    vh.setVisible(False)
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(t.fontMetrics().height() + 14)
    hh = t.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hh.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
    fm = t.fontMetrics()
    hh.resizeSection(Column.TIME, fm.horizontalAdvance("≈00:00") + 28)
    hh.resizeSection(Column.SENDER, fm.horizontalAdvance("某某金融催收（13800138000）") // 1 + 16)
    hh.resizeSection(
        Column.KIND,
        max(
            fm.horizontalAdvance("短信 · 收到"),
            fm.horizontalAdvance(kind_label),
        )
        + 24,
    )
    hh.resizeSection(Column.TAGS, 190)
    hh.resizeSection(Column.SHOT, 56)
