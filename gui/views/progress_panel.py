"""The progress line in the status bar: what is happening, "12 / 48", and Cancel.

Why in the status bar: long work must never take the window away from the
user; they keep reviewing while the rest is imported and read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget


class ProgressPanel(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(220)
        self.bar.setTextVisible(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.clicked.connect(self.cancel_requested)
        self.cancel.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel)
        self.hide()

    def show_progress(self, phase: str, done: int, total: int) -> None:
        self.label.setText(self.tr("Adding screenshots") if phase == "import" else self.tr("Reading text"))
        if total <= 0:
            self.bar.setRange(0, 0)  # busy: counting the dropped files
            self.bar.setFormat("")
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{done} / {total}")
        self.cancel.setEnabled(True)
        self.show()

    def cancelling(self) -> None:
        self.label.setText(self.tr("Stopping…"))
        self.cancel.setEnabled(False)
