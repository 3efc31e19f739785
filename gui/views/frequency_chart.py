"""Messages per day as a bar chart, drawn with QPainter (QtCharts is not in Essentials).

Why a chart above a list: "forty messages every day for three weeks" is the
evidence, and no single message shows it. Every calendar day in the range gets
a bar (a quiet day is a zero, not a gap), night-time messages are stacked in a
darker colour, and days at or above the high-frequency line are drawn in a warm
colour so a reader sees the pattern before reading a word. Clicking a bar asks
the timeline to jump to that day.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from casefile.patterns import DayBar

DAY_COLOUR = QColor("#9db2cf")
NIGHT_COLOUR = QColor("#4b3f8f")
HIGH_COLOUR = QColor("#d27b55")
GRID_COLOUR = QColor("#e3e6ea")
AXIS_TEXT = QColor("#6b737d")
CURRENT_BG = QColor(75, 63, 143, 48)
HOVER_BG = QColor(0, 0, 0, 14)


class FrequencyChart(QWidget):
    """A per-day bar chart; ``day_clicked(date)`` when the user clicks a bar."""

    day_clicked = Signal(object)  # datetime.date

    MARGIN_LEFT = 40
    MARGIN_RIGHT = 12
    MARGIN_TOP = 26
    MARGIN_BOTTOM = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[DayBar] = []
        self._threshold = 0
        self._night = ("22:00", "08:00")
        self._current: date | None = None
        self._hover = -1
        self._empty_text = ""
        self.setMouseTracking(True)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Contact received per day"))

    # -- data -------------------------------------------------------------------------

    def set_days(
        self, bars: Sequence[DayBar], high_threshold: int, night: tuple[str, str] = ("22:00", "08:00")
    ) -> None:
        """Show ``bars`` (consecutive days); days with ``total >= high_threshold`` are 高频;
        ``night`` is the window the dark part of each bar counts, for the legend."""
        self._bars = list(bars)
        self._threshold = high_threshold
        self._night = night
        self._hover = -1
        self.update()

    def set_empty_text(self, text: str) -> None:
        """What to say when there is no bar (no case yet, or nothing passes the filters)."""
        self._empty_text = text
        self.update()

    def empty_text(self) -> str:
        return self._empty_text or self.tr("No messages with a known time yet")

    def set_current_day(self, day: date | None) -> None:
        if day != self._current:
            self._current = day
            self.update()

    def bars(self) -> list[DayBar]:
        return list(self._bars)

    def current_day(self) -> date | None:
        return self._current

    def sizeHint(self) -> QSize:
        return QSize(640, 150)

    # -- geometry -----------------------------------------------------------------------

    def _plot(self) -> QRectF:
        return QRectF(
            self.MARGIN_LEFT,
            self.MARGIN_TOP,
            max(1.0, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
            max(1.0, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM),
        )

    def bar_rect(self, i: int) -> QRectF:
        """The full-height column of day ``i`` (what a click hits)."""
        plot = self._plot()
        w = plot.width() / max(1, len(self._bars))
        return QRectF(plot.left() + i * w, plot.top(), w, plot.height())

    def index_at(self, x: float) -> int:
        plot = self._plot()
        if not self._bars or x < plot.left() - 2 or x > plot.right() + 2:
            return -1
        w = plot.width() / len(self._bars)
        return min(len(self._bars) - 1, max(0, int((x - plot.left()) / w)))

    def _scale_max(self) -> int:
        peak = max((b.total for b in self._bars), default=0)
        peak = max(peak, self._threshold if self._threshold and peak >= self._threshold * 0.6 else 0, 1)
        step = _nice_step(peak / 3)
        return int(math.ceil(peak / step) * step)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(self.rect(), self.palette().base())
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        fm = QFontMetrics(small)
        self._paint_title(p, fm)
        if not self._bars:
            p.setPen(AXIS_TEXT)
            p.drawText(self._plot(), Qt.AlignmentFlag.AlignCenter, self.empty_text())
            p.end()
            return
        plot = self._plot()
        top = self._scale_max()
        self._paint_grid(p, fm, plot, top)
        self._paint_bars(p, plot, top)
        self._paint_threshold(p, fm, plot, top)
        self._paint_axis(p, fm, plot)
        p.end()

    def _paint_title(self, p: QPainter, fm: QFontMetrics) -> None:
        title = QFont(p.font())
        title.setBold(True)
        p.save()
        p.setFont(title)
        p.setPen(self.palette().text().color())
        p.drawText(QPointF(self.MARGIN_LEFT, fm.ascent() + 4), self.tr("Contact received per day"))
        p.restore()
        night = self.tr("Night ({start}–{end})").format(start=self._night[0], end=self._night[1])
        items = [(DAY_COLOUR, self.tr("Daytime")), (NIGHT_COLOUR, night)]
        if self._threshold:
            items.append((HIGH_COLOUR, self.tr("High-frequency day (≥ %n)", "", self._threshold)))
        x = float(self.width() - self.MARGIN_RIGHT)
        y = 4
        for colour, label in reversed(items):
            tw = fm.horizontalAdvance(label)
            x -= tw
            p.setPen(AXIS_TEXT)
            p.drawText(QPointF(x, y + fm.ascent()), label)
            x -= 14
            p.fillRect(QRectF(x, y + (fm.height() - 10) / 2, 10, 10), colour)
            x -= 14

    def _paint_grid(self, p: QPainter, fm: QFontMetrics, plot: QRectF, top: int) -> None:
        step = _nice_step(top / 3)
        v = 0.0
        while v <= top + 1e-9:
            y = plot.bottom() - v / top * plot.height()
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(AXIS_TEXT)
            label = str(int(v))
            p.drawText(
                QRectF(0, y - fm.height() / 2, self.MARGIN_LEFT - 6, fm.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            v += step

    def _paint_bars(self, p: QPainter, plot: QRectF, top: int) -> None:
        n = len(self._bars)
        w = plot.width() / n
        gap = 1.0 if w >= 4 else 0.0
        for i, b in enumerate(self._bars):
            col = self.bar_rect(i)
            if b.day == self._current:
                p.fillRect(col, CURRENT_BG)
            elif i == self._hover:
                p.fillRect(col, HOVER_BG)
            if b.total <= 0:
                continue
            x = col.left() + gap / 2
            bw = max(1.0, col.width() - gap)
            h_total = max(1.0, b.total / top * plot.height())
            h_night = b.night / top * plot.height() if b.total else 0.0
            day_colour = HIGH_COLOUR if self._threshold and b.total >= self._threshold else DAY_COLOUR
            p.fillRect(QRectF(x, plot.bottom() - h_total, bw, h_total - h_night), day_colour)
            if h_night > 0:
                p.fillRect(QRectF(x, plot.bottom() - h_night, bw, h_night), NIGHT_COLOUR)

    def _paint_threshold(self, p: QPainter, fm: QFontMetrics, plot: QRectF, top: int) -> None:
        if not self._threshold or self._threshold > top:
            return
        y = plot.bottom() - self._threshold / top * plot.height()
        pen = QPen(HIGH_COLOUR, 1, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def _paint_axis(self, p: QPainter, fm: QFontMetrics, plot: QRectF) -> None:
        p.setPen(QPen(AXIS_TEXT, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        n = len(self._bars)
        w = plot.width() / n
        short_range = n <= 45
        last_right = -1e9
        for i, b in enumerate(self._bars):
            if short_range:
                every = max(1, math.ceil(fm.horizontalAdvance("00/00") * 1.6 / w))
                if i % every:
                    continue
                label = self.tr("{month}/{day}", "axis day label; keep the {names}").format(
                    month=b.day.month, day=b.day.day
                )
            else:
                if b.day.day != 1 and i != 0:
                    continue
                label = self.tr("{year}-{month:02}", "axis month label; keep the {names}").format(
                    year=b.day.year, month=b.day.month
                )
            x = plot.left() + i * w
            tw = fm.horizontalAdvance(label)
            if x < last_right + 8 or x + tw > self.width():
                continue
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            p.drawText(QPointF(x + 2, plot.bottom() + 3 + fm.ascent()), label)
            last_right = x + tw

    # -- interaction -----------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self.index_at(event.position().x())
        if i != self._hover:
            self._hover = i
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            i = self.index_at(event.position().x())
            if i >= 0:
                day = self._bars[i].day
                self.set_current_day(day)
                self.day_clicked.emit(day)
                event.accept()
                return
        super().mousePressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            i = self.index_at(e.pos().x())
            if i < 0:
                QToolTip.hideText()
            else:
                QToolTip.showText(e.globalPos(), self.bar_tooltip(self._bars[i]), self)
            return True
        return super().event(e)

    def bar_tooltip(self, b: DayBar) -> str:
        day = self.tr("{year}-{month:02}-{day:02}", "tooltip date; keep the {names}").format(
            year=b.day.year, month=b.day.month, day=b.day.day
        )
        text = day + "\n" + self.tr("%n message(s)", "", b.total)
        if b.night:
            text += "\n" + self.tr("%n at night", "", b.night)
        if self._threshold and b.total >= self._threshold:
            text += "\n" + self.tr("High-frequency day")
        return text + "\n" + self.tr("Click to show this day")


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten: gridlines a reader can count along."""
    if raw <= 1:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return float(m * mag)
    return float(10 * mag)
