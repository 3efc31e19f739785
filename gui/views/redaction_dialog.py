"""遮盖… / Redact…: the boxes to black out on one screenshot, shown on the image.

The dialog shows the boxes the rules found (ID and card numbers, third
parties' numbers; never the collectors') or the boxes saved earlier, lets the
user drag on the image to add a box and remove the selected ones, and saves
the result in the case (``casefile.redactions``, each change audited). The
original is never touched; the export burns the boxes into a derived copy.
Finding needs OCR, so it runs on the window's TaskRunner and can be cancelled
by closing the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.jobs import CancelToken
from casefile.redactions import RedactionBox, save_boxes
from casefile.store import CaseStore
from export.redaction.offer import Offer, collectors_from, offer_job
from gui.tasks import Task, TaskRunner

# A drag shorter than this (image pixels) is a click, not a box.
MIN_BOX_PX = 4


class BoxCanvas(QGraphicsView):
    """The image with the redaction boxes; a drag on the image adds a box."""

    def __init__(
        self, pixmap: QPixmap, on_drawn: Callable[[RedactionBox], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._scene.addPixmap(pixmap)
        self._scene.setSceneRect(QRectF(pixmap.rect()))
        self._on_drawn = on_drawn
        self._start: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None
        self._items: list[QGraphicsRectItem] = []

    def show_boxes(self, boxes: list[RedactionBox], selected: set[int]) -> None:
        for it in self._items:
            self._scene.removeItem(it)
        self._items = []
        for i, b in enumerate(boxes):
            it = self._scene.addRect(
                QRectF(b.x, b.y, b.w, b.h),
                QPen(QColor("#d02020" if i in selected else "#ff8c00"), 3),
                QBrush(QColor(0, 0, 0, 170)),  # a preview only: the export fills opaque
            )
            self._items.append(it)

    def fit(self) -> None:
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = self.mapToScene(event.position().toPoint())
            self._rubber = self._scene.addRect(QRectF(self._start, self._start), QPen(QColor("#d02020"), 2))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None and self._rubber is not None:
            self._rubber.setRect(
                QRectF(self._start, self.mapToScene(event.position().toPoint())).normalized()
            )
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            super().mouseReleaseEvent(event)
            return
        r = QRectF(self._start, self.mapToScene(event.position().toPoint())).normalized()
        r = r.intersected(self._scene.sceneRect())
        if self._rubber is not None:
            self._scene.removeItem(self._rubber)
        self._start, self._rubber = None, None
        if r.width() >= MIN_BOX_PX and r.height() >= MIN_BOX_PX:
            self._on_drawn(
                RedactionBox(int(r.x()), int(r.y()), round(r.width()), round(r.height()), "manual")
            )


class RedactionDialog(QDialog):
    """Add and remove the boxes of one screenshot; OK saves them in the case (audited)."""

    def __init__(
        self,
        case_folder: Path,
        sha256: str,
        original: Path,
        job: Callable[[CancelToken], Iterator[object]],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redact"))
        self.case_folder = case_folder
        self.sha256 = sha256
        self.boxes: list[RedactionBox] = []
        self.ready = False
        self.canvas = BoxCanvas(QPixmap(str(original)), self.add_box, self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._redraw)
        self.status = QLabel(self.tr("Finding numbers to redact…"), self)
        self.status.setWordWrap(True)
        hint = QLabel(
            self.tr("Drag on the image to add a box. Collectors' numbers are never redacted by default."),
            self,
        )
        hint.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

        side = QVBoxLayout()
        side.addWidget(self.status)
        side.addWidget(hint)
        side.addWidget(self.list, 1)
        side.addWidget(self.remove_button)
        row = QHBoxLayout()
        row.addWidget(self.canvas, 3)
        row.addLayout(side, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(self.buttons)
        self.resize(900, 700)
        self.task: Task = runner.start("redaction-offer", job, self._wire)

    def _wire(self, task: Task) -> None:
        task.result.connect(self._result)
        task.error.connect(self._failed)

    def _result(self, item: object) -> None:
        if isinstance(item, Offer):
            self.set_offer(item)

    def _failed(self, error: object) -> None:
        self.status.setText(self.tr("Could not read the screenshot: %1").replace("%1", str(error)))
        self.ready = True  # the user can still draw boxes by hand
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def set_offer(self, offer: Offer) -> None:
        self.boxes = list(offer.boxes)
        self.ready = True
        self.status.setText(
            self.tr("%n box(es) saved earlier.", "", len(self.boxes))
            if offer.edited
            else self.tr(
                "%n box(es) found: ID and card numbers, third parties' numbers.", "", len(self.boxes)
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._refill()

    def add_box(self, box: RedactionBox) -> None:
        self.boxes.append(box)
        self._refill()

    def remove_selected(self) -> None:
        rows = {self.list.row(it) for it in self.list.selectedItems()}
        self.boxes = [b for i, b in enumerate(self.boxes) if i not in rows]
        self._refill()

    def _kind_text(self, kind: str) -> str:
        names = {
            "id-number": self.tr("ID number"),
            "card-number": self.tr("bank card"),
            "phone": self.tr("third party's number"),
            "address": self.tr("address"),
        }
        return names.get(kind, self.tr("drawn by you"))

    def _refill(self) -> None:
        self.list.clear()
        for b in self.boxes:
            self.list.addItem(f"{self._kind_text(b.kind)}  ({b.x}, {b.y})  {b.w}×{b.h}")
        self._redraw()

    def _redraw(self) -> None:
        selected = {self.list.row(it) for it in self.list.selectedItems()}
        self.canvas.show_boxes(self.boxes, selected)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.canvas.fit()

    def save(self) -> None:
        """Save the boxes in the case; the audit records each box added or removed."""
        try:
            save_boxes(self.case_folder, self.sha256, self.boxes)
        except OSError as e:
            QMessageBox.warning(
                self,
                self.tr("Redact"),
                self.tr("Could not save the redactions in %1: %2")
                .replace("%1", str(self.case_folder))
                .replace("%2", e.strerror or str(e)),
            )
            return
        self.accept()

    def reject(self) -> None:
        self.task.cancel()
        super().reject()


def open_redaction_dialog(
    store: CaseStore, screenshot_id: int, runner: TaskRunner, parent: QWidget | None
) -> int:
    """Gather what the finder needs on the store's thread, then show the dialog (its result code)."""
    shot = store.screenshot(screenshot_id)
    messages = store.messages()
    texts = [m.text for m in messages if m.screenshot_id == screenshot_id]
    original = store.original_file(shot)
    job = offer_job(
        store.paths.folder, original, shot.sha256, texts, collectors_from(messages, store.parties())
    )
    dialog = RedactionDialog(store.paths.folder, shot.sha256, original, job, runner, parent)
    return dialog.exec()
