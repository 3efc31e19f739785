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

from collections.abc import Callable, Iterator, Sequence
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
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.complainant import load_complainant
from casefile.jobs import CancelToken
from casefile.redactions import RedactionBox, load_redactions, save_boxes, save_values
from casefile.store import CaseStore
from export.redaction.finding import Sensitive, sensitive_values
from export.redaction.offer import Offer, Reading, collectors_from, offer_job
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
        extra: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redact"))
        self.extra = tuple(extra)  # the complainant's ID number and address, kept in the case
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
        # A value the rules cannot find (an address written another way, a relative's name): masked
        # in every text copy of every redacted export, and boxed here wherever the OCR lines hold it.
        self.reading: Reading | None = None
        self.new_values: list[str] = []  # saved in the case with the boxes
        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText(self.tr("Add a value to mask everywhere (an address, a name)"))
        self.value_button = QPushButton(self.tr("Mask this value"), self)
        self.value_button.clicked.connect(self.add_value)
        self.value_edit.returnPressed.connect(self.add_value)
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
        side.addWidget(self.value_edit)
        side.addWidget(self.value_button)
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
        elif isinstance(item, Reading):
            self.set_reading(item)

    def set_reading(self, reading: Reading) -> None:
        """The OCR lines arrived: box the values typed so far, and on a screenshot edited before, the
        values masked everywhere (the export adds those to the saved boxes too)."""
        self.reading = reading
        typed = [v for v in self._values() if v.kind == "address"]
        self._add_found(reading.boxes_for(typed))

    def _values(self) -> list[Sensitive]:
        """The case's values to mask everywhere, with the ones typed here."""
        saved = load_redactions(self.case_folder).values
        return sensitive_values([], extra=[*saved, *self.extra, *self.new_values])

    def _add_found(self, found: list[RedactionBox]) -> int:
        have = {b.key() for b in self.boxes}
        new = [b for b in found if b.key() not in have]
        self.boxes += list({b.key(): b for b in new}.values())
        self._refill()
        return len({b.key() for b in new})

    def add_value(self) -> None:
        """Mask the typed value everywhere (saved with the boxes); box it here where the OCR lines hold it."""
        value = self.value_edit.text().strip()
        if not value:
            return
        self.value_edit.clear()
        if value not in self.new_values:
            self.new_values.append(value)
        if self.reading is None:
            self.status.setText(self.tr("The value will be boxed when the screenshot has been read."))
            return
        n = self._add_found(self.reading.boxes_for(sensitive_values([], extra=[value])))
        self.status.setText(
            self.tr("%n box(es) added for the value; it is masked in every text copy too.", "", n)
            if n
            else self.tr("The value was not found on this screenshot; it is still masked in every text copy.")
        )

    def _failed(self, error: object) -> None:
        self.status.setText(self.tr("Could not read the screenshot: %1").replace("%1", str(error)))
        self.ready = True  # the user can still draw boxes by hand
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def set_offer(self, offer: Offer) -> None:
        keys = {b.key() for b in offer.boxes}
        self.boxes = list(offer.boxes) + [b for b in self.boxes if b.key() not in keys]  # added while it was read
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
            "address": self.tr("address or typed value"),
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
            if self.new_values:
                old = load_redactions(self.case_folder).values
                save_values(self.case_folder, [*old, *(v for v in self.new_values if v not in old)])
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
    extra = load_complainant(store).to_mask()
    job = offer_job(
        store.paths.folder, original, shot.sha256, texts, collectors_from(messages, store.parties()), extra=extra
    )
    dialog = RedactionDialog(store.paths.folder, shot.sha256, original, job, runner, parent, extra)
    return dialog.exec()
