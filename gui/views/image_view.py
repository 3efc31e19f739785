"""The screenshot itself, with each message's box: fit, zoom, pan, draw.

A phone screen opens whole (fit to height); a long scrolling screenshot
(长截图, 1080 × 6,000–20,000 px) opens fit to its width at its top, scrolled
pixel by pixel: fitted whole it would be a strip of unreadable text.

Why a QGraphicsView: boxes are scene items in image pixels, so zooming and
panning never move them off their text, and a click on a box maps straight to
its message. Drawing mode lets the user outline a message the OCR missed.
Lines the OCR read but placed in no message are drawn dimmed, so nothing read
is hidden: a click on one offers to make it a message.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPoint, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QWidget,
)

from ocr.long_page import is_long
from ocr.model import Box

BOX_PEN = QColor(40, 110, 200, 150)
LOW_PEN = QColor(214, 137, 16, 220)
SELECTED_PEN = QColor(220, 60, 40)
SELECTED_FILL = QColor(220, 60, 40, 40)
DRAW_PEN = QColor(30, 150, 80)
PENDING_FILL = QColor(30, 150, 80, 40)
# Unassigned lines: grey and faint, so they never compete with the messages' boxes.
LINE_PEN = QColor(120, 90, 160, 200)
LINE_FILL = QColor(120, 90, 160, 18)  # barely tinted: the text under it must stay legible
LINE_HOVER_FILL = QColor(30, 150, 80, 50)
BOX_PAD = 5
# Fitting a long screenshot to the view's width never enlarges it past this: a narrow
# crop blown up further only blurs, and its text is already as big as on the phone.
MAX_FIT_ZOOM = 1.5
# One wheel notch (angle 120) scrolls this many screen pixels, animated over SCROLL_MS:
# a few lines of a chat, so the eye can follow instead of the view jumping by a page.
WHEEL_NOTCH_PX = 120
SCROLL_MS = 140
# Space kept free around the fitted image (screen pixels), so its frame stays visible.
FIT_MARGIN = 8


class MessageBoxItem(QGraphicsRectItem):
    """One message's rectangle; remembers which message it belongs to."""

    def __init__(self, message_id: int, box: Box, low: bool) -> None:
        # A little air around the text, so the outline never covers the first or last stroke.
        super().__init__(QRectF(box.x - BOX_PAD, box.y - BOX_PAD, box.w + 2 * BOX_PAD, box.h + 2 * BOX_PAD))
        self.message_id = message_id
        self.low = low
        self.set_highlighted(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_highlighted(self, on: bool) -> None:
        color = SELECTED_PEN if on else (LOW_PEN if self.low else BOX_PEN)
        pen = QPen(color, 3 if on else 2)
        pen.setCosmetic(True)
        if self.low and not on:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(QBrush(SELECTED_FILL) if on else QBrush(Qt.BrushStyle.NoBrush))
        self.setZValue(2 if on else 1)


class UnassignedLineItem(QGraphicsRectItem):
    """A line no message took: dimmed, with its text as tooltip; a click offers to use it."""

    def __init__(self, line_id: int, box: Box, text: str) -> None:
        super().__init__(QRectF(box.x - 3, box.y - 3, box.w + 6, box.h + 6))
        self.line_id = line_id
        pen = QPen(LINE_PEN, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QBrush(LINE_FILL))
        self.setToolTip(text)
        self.setZValue(0.5)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setBrush(QBrush(LINE_HOVER_FILL))

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setBrush(QBrush(LINE_FILL))


class ImageView(QGraphicsView):
    box_clicked = Signal(int)  # message id
    line_clicked = Signal(int, QPoint)  # unassigned line id, global position of the click
    box_drawn = Signal(object)  # ocr.model.Box in image pixels
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageView")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("#eceef1"))
        self._pixmap: QGraphicsPixmapItem | None = None
        self._boxes: dict[int, MessageBoxItem] = {}
        self._lines: dict[int, UnassignedLineItem] = {}
        self._pending: QGraphicsRectItem | None = None
        self._selected: set[int] = set()
        self._drawing = False
        self._draw_start: QPointF | None = None
        self._draw_item: QGraphicsRectItem | None = None
        self._fit = True
        # The wheel's smooth scroll: one animation, retargeted as notches arrive.
        self._scroll_anim = QVariantAnimation(self)
        self._scroll_anim.setDuration(SCROLL_MS)
        self._scroll_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._scroll_anim.valueChanged.connect(lambda v: self.verticalScrollBar().setValue(round(float(v))))

    # -- content ---------------------------------------------------------------

    def set_image(self, pixmap: QPixmap | None) -> None:
        self._scene.clear()
        self._boxes = {}
        self._lines = {}
        self._pending = None
        self._selected = set()
        self._pixmap = None
        self._draw_item = None
        if pixmap is None or pixmap.isNull():
            self._scene.setSceneRect(QRectF())
            return
        self._pixmap = self._scene.addPixmap(pixmap)
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.setSceneRect(QRectF(pixmap.rect()))
        self.fit_height()

    def has_image(self) -> bool:
        return self._pixmap is not None

    def set_boxes(self, boxes: list[tuple[int, Box, bool]]) -> None:
        """(message id, box, low confidence) for each message that has a box."""
        for item in self._boxes.values():
            self._scene.removeItem(item)
        self._boxes = {}
        for mid, box, low in boxes:
            item = MessageBoxItem(mid, box, low)
            self._scene.addItem(item)
            self._boxes[mid] = item
        self.highlight(self._selected, scroll=False)

    def set_unassigned(self, lines: list[tuple[int, Box, str]]) -> None:
        """(line id, box, text) for each line the OCR read that no message took."""
        for item in self._lines.values():
            self._scene.removeItem(item)
        self._lines = {}
        if self._pixmap is None:
            return
        for lid, box, text in lines:
            item = UnassignedLineItem(lid, box, text)
            self._scene.addItem(item)
            self._lines[lid] = item

    def line_ids(self) -> list[int]:
        return list(self._lines)

    def line_item(self, line_id: int) -> UnassignedLineItem | None:
        return self._lines.get(line_id)

    def show_pending(self, box: Box | None) -> None:
        """Keep a drawn box on screen while it is being read (None: remove it)."""
        if self._pending is not None:
            self._scene.removeItem(self._pending)
            self._pending = None
        if box is None or self._pixmap is None:
            return
        pen = QPen(DRAW_PEN, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._pending = self._scene.addRect(QRectF(box.x, box.y, box.w, box.h), pen, QBrush(PENDING_FILL))
        self._pending.setZValue(3)

    def has_pending(self) -> bool:
        return self._pending is not None

    def box_ids(self) -> list[int]:
        return list(self._boxes)

    def box_item(self, message_id: int) -> MessageBoxItem | None:
        return self._boxes.get(message_id)

    def highlight(self, message_ids: set[int], *, scroll: bool = True) -> None:
        self._selected = set(message_ids)
        for mid, item in self._boxes.items():
            item.set_highlighted(mid in self._selected)
        if scroll and message_ids:
            chosen = [self._boxes[m] for m in message_ids if m in self._boxes]
            if chosen:
                self._scroll_anim.stop()
                # The topmost selected box: on a long screenshot, where the reader starts reading.
                r = min(chosen, key=lambda b: b.rect().y()).sceneBoundingRect()
                if not self.viewport().rect().contains(self.mapFromScene(r).boundingRect()):
                    # Out of view: brought to the middle, with the bubbles before and after it.
                    self.centerOn(r.center())
                self.ensureVisible(QRectF(r.x(), r.y(), r.width(), 1), 40, 60)  # its top, at least

    def is_long(self) -> bool:
        """A scrolling capture, much taller than a phone screen (``ocr.long_page``)."""
        if self._pixmap is None:
            return False
        r = self._scene.sceneRect()
        return is_long(round(r.height()), round(r.width()))

    # -- zoom ----------------------------------------------------------------------

    def fit_height(self) -> None:
        """Show the whole height of the screenshot, as a phone shows it; a long one fit to its width."""
        self._fit = True
        if self._pixmap is None:
            return
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.height() <= 0 or view.height() <= 0:
            return
        if self.is_long():
            self._fit_width(rect.top())
            return
        self.resetTransform()
        scale = min((view.height() - 8) / rect.height(), (view.width() - 8) / max(rect.width(), 1) * 3)
        scale = max(scale, 0.02)
        self.scale(scale, scale)
        self.centerOn(rect.center().x(), rect.top())
        self.zoom_changed.emit(self.zoom())

    def _fit_width(self, top: float) -> None:
        """Fit the width, then show the rows from scene row ``top`` down."""
        rect = self._scene.sceneRect()
        self.resetTransform()
        scale = min(MAX_FIT_ZOOM, max(0.02, (self.viewport().width() - FIT_MARGIN) / max(rect.width(), 1)))
        self.scale(scale, scale)
        self.scroll_to_row(top)
        self.zoom_changed.emit(self.zoom())

    def scroll_to_row(self, top: float) -> None:
        """Put scene row ``top`` at the top of the view (clamped to the image)."""
        half = self.viewport().height() / max(self.zoom(), 1e-6) / 2
        self.centerOn(self._scene.sceneRect().center().x(), top + half)

    def top_row(self) -> float:
        """The scene row at the top of the view."""
        return float(self.mapToScene(QPoint(0, 0)).y())

    def zoom(self) -> float:
        return float(self.transform().m11())

    def zoom_by(self, factor: float) -> None:
        new = self.zoom() * factor
        if not 0.05 <= new <= 8.0:
            return
        self._fit = False
        self.scale(factor, factor)
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        pixels = event.pixelDelta()
        if not pixels.isNull():  # a touchpad: the image moves exactly as the fingers do
            self._scroll_anim.stop()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - pixels.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - pixels.y())
        else:
            angle = event.angleDelta()
            if angle.x():
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - round(angle.x() / 120 * WHEEL_NOTCH_PX))
            if angle.y():
                self.scroll_smoothly(-angle.y() / 120 * WHEEL_NOTCH_PX)
        event.accept()

    def scroll_smoothly(self, dy: float) -> None:
        """Glide ``dy`` screen pixels down (up when negative), from where a running glide is heading."""
        bar = self.verticalScrollBar()
        running = self._scroll_anim.state() == QVariantAnimation.State.Running
        start = float(self._scroll_anim.endValue()) if running else float(bar.value())
        target = min(float(bar.maximum()), max(float(bar.minimum()), start + dy))
        self._scroll_anim.stop()
        self._scroll_anim.setStartValue(float(bar.value()))
        self._scroll_anim.setEndValue(target)
        self._scroll_anim.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        top = self.top_row() if self._pixmap is not None else 0.0
        super().resizeEvent(event)
        if self._fit and self.is_long():
            self._fit_width(top)  # keep the place being read, at the new width
        elif self._fit:
            self.fit_height()

    # -- clicking and drawing --------------------------------------------------------

    def set_drawing(self, on: bool) -> None:
        self._drawing = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor)

    def is_drawing(self) -> bool:
        return self._drawing

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing and self._pixmap is not None:
            self._draw_start = self.mapToScene(event.position().toPoint())
            pen = QPen(DRAW_PEN, 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._draw_item = self._scene.addRect(QRectF(self._draw_start, self._draw_start), pen)
            self._draw_item.setZValue(3)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            while item is not None and not isinstance(item, (MessageBoxItem, UnassignedLineItem)):
                item = item.parentItem()
            if isinstance(item, MessageBoxItem):
                self.box_clicked.emit(item.message_id)
                event.accept()
                return
            if isinstance(item, UnassignedLineItem):
                self.line_clicked.emit(item.line_id, event.globalPosition().toPoint())
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._draw_item is not None and self._draw_start is not None:
            now = self.mapToScene(event.position().toPoint())
            self._draw_item.setRect(QRectF(self._draw_start, now).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._draw_item is not None:
            rect = self._draw_item.rect().intersected(self._scene.sceneRect())
            self._scene.removeItem(self._draw_item)
            self._draw_item = None
            self._draw_start = None
            self.set_drawing(False)
            if rect.width() >= 8 and rect.height() >= 8:
                self.box_drawn.emit(Box(int(rect.x()), int(rect.y()), int(rect.width()), int(rect.height())))
            event.accept()
            return
        super().mouseReleaseEvent(event)
