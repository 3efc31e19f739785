"""The letter editor: each part of the drafted letter in its own text box, edited before export.

The draft comes from the case (``export.packs.letter.draft``); the person
sending it knows things the case does not (their ID number, the company's
address, whether they already went to another body), so every part is plain,
editable text and what is written here is what the pack prints and saves.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from export.packs.letter import PARTS, Letter, heading

_ROWS = {"title": 1, "signature": 2, "other_bodies": 2}  # text-box heights in lines; the rest get 5


class LetterEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = "投诉书"
        self._cited: tuple[str, ...] = ()
        self.edits: dict[str, QPlainTextEdit] = {}
        self._labels: dict[str, QLabel] = {}
        inner = QWidget()
        form = QFormLayout(inner)
        names = {
            "title": self.tr("Title"),
            "complainant": self.tr("You (complainant)"),
            "respondent": self.tr("Complained about"),
            "requests": self.tr("What you ask for"),
            "facts": self.tr("Facts (from the case)"),
            "rules": self.tr("Rules breached"),
            "other_bodies": self.tr("Already raised with another body?"),
            "statement": self.tr("Statement"),
            "signature": self.tr("Signature and date"),
        }
        for key, _zh, _en in PARTS:
            edit = QPlainTextEdit()
            lines = _ROWS.get(key, 5)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
            label = QLabel(names[key])
            self._labels[key] = label
            self.edits[key] = edit
            form.addRow(label, edit)
        note = QLabel(
            self.tr(
                "The transcription in the pack is an aid; the screenshots are the evidence. "
                "Rules marked 未经核实 could not be checked against the official text."
            )
        )
        note.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll, 1)
        lay.addWidget(note)

    def set_letter(self, letter: Letter) -> None:
        self._kind = letter.kind
        self._cited = letter.cited
        for key, zh, _ in PARTS:
            self.edits[key].setPlainText(letter.parts.get(key, ""))
            self._labels[key].setToolTip(heading(letter.kind, key, zh))

    def letter(self) -> Letter:
        parts = {key: self.edits[key].toPlainText() for key, _, _ in PARTS}
        return Letter(kind=self._kind, parts=parts, cited=self._cited)

    def is_empty(self) -> bool:
        return not any(e.toPlainText().strip() for e in self.edits.values())
