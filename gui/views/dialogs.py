"""The window's small dialogs: case details, split, set-for-all, import summary, crash, about.

Why together: each is a form with no behaviour beyond collecting values; the
controllers decide what the values mean.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.model import CaseInfo


def _buttons(dialog: QDialog, ok: bool = True) -> QDialogButtonBox:
    flags = QDialogButtonBox.StandardButton.Close
    if ok:
        flags = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    box = QDialogButtonBox(flags, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class CaseDetailsDialog(QDialog):
    """Title, complainant, the platform(s) harassing them, notes: the dossier's cover."""

    def __init__(self, info: CaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case details"))
        self.title = QLineEdit(info.title, self)
        self.title.setPlaceholderText(self.tr("e.g. Harassment by the collectors of XX Loan"))
        self.complainant = QLineEdit(info.complainant, self)
        self.complainant.setPlaceholderText(self.tr("Your name"))
        self.respondent = QPlainTextEdit(info.respondent, self)
        self.respondent.setPlaceholderText(self.tr("One lending platform or company per line"))
        self.respondent.setFixedHeight(90)
        self.notes = QPlainTextEdit(info.notes, self)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Complainant"), self.complainant)
        form.addRow(self.tr("Platform(s)"), self.respondent)
        form.addRow(self.tr("Notes"), self.notes)
        v = QVBoxLayout(self)
        v.addLayout(form)
        v.addWidget(_buttons(self))
        self.resize(520, 420)

    def info(self) -> CaseInfo:
        return CaseInfo(
            title=self.title.text().strip(),
            complainant=self.complainant.text().strip(),
            respondent=self.respondent.toPlainText().strip(),
            notes=self.notes.toPlainText().strip(),
        )


class SplitDialog(QDialog):
    """Split one bubble: each line of the text becomes its own message."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split message"))
        hint = QLabel(
            self.tr("Press Enter where one message ends and the next begins. Each line becomes a message.")
        )
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit(text, self)
        v = QVBoxLayout(self)
        v.addWidget(hint)
        v.addWidget(self.edit)
        v.addWidget(_buttons(self))
        self.resize(480, 300)

    def parts(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]


class SetAllDialog(QDialog):
    """Set the sender and/or the time of every message of one screenshot (a misread title)."""

    def __init__(self, sender: str, time: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sender and time for all messages"))
        self.use_sender = QCheckBox(self.tr("Sender"), self)
        self.sender_edit = QLineEdit(sender, self)
        self.use_time = QCheckBox(self.tr("Time"), self)
        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        t = time or datetime.now().replace(second=0)
        self.time_edit.setDateTime(QDateTime(t.year, t.month, t.day, t.hour, t.minute, 0))
        self.use_sender.setChecked(True)
        self.sender_edit.textEdited.connect(lambda _t: self.use_sender.setChecked(True))
        self.time_edit.dateTimeChanged.connect(lambda _t: self.use_time.setChecked(True))
        hint = QLabel(self.tr("Tick what to change. Every message on this screenshot gets the same value."))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.use_sender, self.sender_edit)
        form.addRow(self.use_time, self.time_edit)
        v = QVBoxLayout(self)
        v.addWidget(hint)
        v.addLayout(form)
        v.addWidget(_buttons(self))

    def values(self) -> tuple[str | None, datetime | None]:
        """(sender or None to leave, time or None to leave)."""
        sender = self.sender_edit.text().strip() if self.use_sender.isChecked() else None
        time = None
        if self.use_time.isChecked():
            qdt = self.time_edit.dateTime()
            d, tm = qdt.date(), qdt.time()
            time = datetime(d.year(), d.month(), d.day(), tm.hour(), tm.minute())
        return sender or None, time


class ImportSummaryDialog(QDialog):
    """One summary after an import: counts, and each file not added with its reason."""

    def __init__(self, headline: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        self.headline.setObjectName("summaryHeadline")
        v = QVBoxLayout(self)
        v.addWidget(self.headline)
        self.problems = QListWidget(self)
        if problems:
            v.addWidget(QLabel(self.tr("Not added or not read:"), self))
            self.problems.addItems(problems)
            v.addWidget(self.problems)
        else:
            self.problems.hide()
        v.addWidget(_buttons(self, ok=False))
        self.resize(520, 320 if problems else 140)


class CrashDialog(QDialog):
    """Something we did not expect: say so calmly, keep the case safe, offer the report."""

    def __init__(self, report: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        text = QLabel(
            self.tr(
                "Screenproof ran into a problem it did not expect. Your case and every correction "
                "saved so far are safe.\n\nIf you want to help fix it, copy the report below and send it "
                "to whoever gave you Screenproof. The log file is %1."
            ).replace("%1", str(log_file)),
            self,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = QPlainTextEdit(report, self)
        self.report.setReadOnly(True)
        copy = QPushButton(self.tr("Copy report"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        box = _buttons(self, ok=False)
        box.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        v = QVBoxLayout(self)
        v.addWidget(text)
        v.addWidget(self.report, 1)
        v.addWidget(box)
        self.resize(640, 420)


def show_about(parent: QWidget, version: str, log_file: Path, case_folder: Path | None) -> None:
    """Help → About: the version, the log file and the open case folder (the window's strings)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    text = (
        tr("<h3>Screenproof %1</h3>").replace("%1", version)
        + tr("<p>Organises screenshots of harassment by debt collectors into an evidence dossier.</p>")
        + tr("<p>Log file:<br><code>%1</code></p>").replace("%1", str(log_file))
    )
    if case_folder is not None:
        text += tr("<p>Case folder:<br><code>%1</code></p>").replace("%1", str(case_folder))
    QMessageBox.about(parent, tr("About Screenproof"), text)
