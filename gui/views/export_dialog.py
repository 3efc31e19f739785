"""The export dialog: where the dossier goes, what it contains, in which language.

Why it looks like this: the person exporting is about to hand the file to a
regulator, a platform's complaint desk or a lawyer, often in a hurry and not
technical. So the dialog asks only what changes the result (file, sections,
language, whether to add the evidence bundle with the original screenshots),
runs the export in the background with a progress bar and a real Cancel, and
ends with either the path and an "Open folder" button or one sentence saying
what went wrong, in the user's language (``gui.messages.export_failed``).

The dialog is a form: it only builds an ``ExportRequest`` and drives
``export.run.export_case``, the same job the command line runs, which makes
an export all-or-nothing (the PDF is put in place only when the bundle is
written too and nobody pressed Cancel).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.store import CaseStore
from export.bundle import zip_path_for
from export.data import collect
from export.errors import ExportError
from export.labels import Lang
from export.options import ALL_SECTIONS, DossierOptions, Section
from export.run import ExportProgress, ExportRequest, Stage, export_case
from gui import messages
from gui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    """Choose and run an export of ``store``'s case; jobs run on ``runner``.

    The main window passes its one TaskRunner; without one the dialog makes its own.
    """

    def __init__(
        self, store: CaseStore, runner: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner if runner is not None else TaskRunner(self)
        self._task: Task | None = None
        self._request: ExportRequest | None = None
        self._failure: str | None = None
        self._close_when_stopped = False
        self.setWindowTitle(self.tr("Export the evidence dossier"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "The dossier is a PDF you can print or send: a cover, an index of the screenshots, "
                "counts, the timeline, and every screenshot. The evidence bundle adds the original "
                "screenshot files with their SHA-256 hashes, so anyone can check nothing was changed."
            )
        )
        intro.setWordWrap(True)

        self.pdf_edit = QLineEdit(str(self._default_pdf()))
        self.pdf_button = QPushButton(self.tr("Choose…"))
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.section_boxes: dict[Section, QCheckBox] = {}
        self.bundle_box = QCheckBox(self.tr("Also write the evidence bundle (a folder and a .zip)"))
        self.bundle_box.setChecked(True)
        self.redact_box = QCheckBox(
            self.tr("Redact (ID and card numbers, third parties' numbers; no bundle)")
        )
        self.bundle_label = QLabel()
        self.bundle_label.setStyleSheet("color: #6b737d;")
        self.bundle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Close"))  # our words, whether or not Qt's own are translated
        self.open_button.hide()
        self.export_button.setDefault(True)

        self._layout(intro)
        self._connect()
        self._update_bundle_label()

    # -- construction --------------------------------------------------------------------

    def _layout(self, intro: QLabel) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.pdf_edit, 1)
        file_row.addWidget(self.pdf_button)
        form = QFormLayout()
        form.addRow(self.tr("Save the PDF as"), file_row)
        form.addRow(self.tr("Language of the dossier"), self.lang_combo)

        sections = QGroupBox(self.tr("Contents"))
        grid = QGridLayout(sections)
        names = {
            Section.COVER: self.tr("Cover page"),
            Section.INDEX: self.tr("Index of the screenshots"),
            Section.SUMMARY: self.tr("Summary counts and chart"),
            Section.CHRONOLOGY: self.tr("Timeline of all messages"),
            Section.EXHIBITS: self.tr("The screenshots themselves"),
            Section.APPENDIX: self.tr("Appendix: file hashes and corrections"),
        }
        for i, section in enumerate(Section):
            box = QCheckBox(names[section])
            box.setChecked(True)
            self.section_boxes[section] = box
            grid.addWidget(box, i // 2, i % 2)

        bundle = QVBoxLayout()
        bundle.addWidget(self.bundle_box)
        bundle.addWidget(self.bundle_label)
        bundle.addWidget(self.redact_box)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(sections)
        lay.addLayout(bundle)
        lay.addWidget(self.progress)
        lay.addWidget(self.status_label)
        lay.addStretch(1)
        lay.addWidget(self.buttons)

    def _connect(self) -> None:
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.pdf_edit.textChanged.connect(self._update_bundle_label)
        self.bundle_box.toggled.connect(self._update_bundle_label)
        self.redact_box.toggled.connect(self._redact_toggled)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_folder)
        self.cancel_button.clicked.connect(self.cancel)
        for box in self.section_boxes.values():
            box.toggled.connect(self._update_export_enabled)

    def _redact_toggled(self, on: bool) -> None:
        """The bundle holds the originals byte for byte: never beside a redacted dossier."""
        if on:
            self.bundle_box.setChecked(False)
        self.bundle_box.setEnabled(not on)

    def _default_pdf(self) -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(docs) if docs and Path(docs).is_dir() else Path.home()
        name = self.tr("Evidence dossier") + f" {date.today():%Y-%m-%d}.pdf"
        return folder / name

    # -- what the user chose -------------------------------------------------------------------

    def request(self) -> ExportRequest:
        """The export the widgets describe now."""
        pdf = Path(self.pdf_edit.text().strip()).expanduser()
        if pdf.suffix.lower() != ".pdf":
            pdf = pdf.with_name(pdf.name + ".pdf")
        lang: Lang = "en" if self.lang_combo.currentData() == "en" else "zh"
        sections = frozenset(s for s, box in self.section_boxes.items() if box.isChecked())
        options = DossierOptions(lang=lang, sections=sections or ALL_SECTIONS)
        redact = self.redact_box.isChecked()  # a redacted export never carries the originals
        bundle = self.bundle_dir_for(pdf) if self.bundle_box.isChecked() and not redact else None
        folder = self._store.paths.folder if redact else None
        return ExportRequest(pdf=pdf, options=options, bundle_dir=bundle, redact_case=folder)

    def bundle_dir_for(self, pdf: Path) -> Path:
        """The bundle sits beside the PDF, named after it: easy to find, and never inside it."""
        return pdf.with_name(pdf.stem + self.tr(" - evidence bundle"))

    @Slot()
    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the dossier as"), self.pdf_edit.text(), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.pdf_edit.setText(path)

    @Slot()
    def _update_bundle_label(self) -> None:
        text = self.pdf_edit.text().strip()
        if self.bundle_box.isChecked() and text:
            folder = self.bundle_dir_for(Path(text).expanduser())
            self.bundle_label.setText(
                self.tr("Folder: {folder}\nZip: {zip}").format(folder=folder, zip=zip_path_for(folder))
            )
            self.bundle_label.show()
        else:
            self.bundle_label.hide()
        self._update_export_enabled()

    @Slot()
    def _update_export_enabled(self) -> None:
        chosen = any(box.isChecked() for box in self.section_boxes.values())
        self.export_button.setEnabled(self._task is None and chosen and bool(self.pdf_edit.text().strip()))

    # -- running ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None

    @Slot()
    def start_export(self) -> None:
        """Read the case here (the store is this thread's), then write in the background."""
        if self._task is not None:
            return
        request = self.request()
        if request.pdf.exists() and not self._confirm_replace(request.pdf):
            return
        try:
            data = collect(self._store)
        except ExportError as e:
            self._show_error(messages.export_failed(e, request.pdf))
            return
        self._request = request
        self._failure = None
        self._set_running(True)
        self.status_label.setText(self.tr("Writing the dossier…"))

        def wire(task: Task) -> None:
            task.result.connect(self._on_phase)
            task.error.connect(self._on_error)
            task.finished.connect(self._on_finished)

        self._task = self._runner.start("export", lambda cancel: export_case(data, request, cancel), wire)

    def _confirm_replace(self, pdf: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("{name} already exists. Replace it with the new dossier?").format(name=pdf.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def cancel(self) -> None:
        """Cancel a running export (nothing is left behind), or close the dialog."""
        if self._task is None:
            self.reject()
            return
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        for w in (
            self.pdf_edit,
            self.pdf_button,
            self.lang_combo,
            self.bundle_box,
            self.redact_box,
            *self.section_boxes.values(),
        ):
            w.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        self.progress.setVisible(running)
        if running:
            self.open_button.hide()
            self.progress.setRange(0, 0)
            self.status_label.setStyleSheet("")

    @Slot(object)
    def _on_phase(self, item: object) -> None:
        if not isinstance(item, ExportProgress) or self._task is None or self._task.cancelled:
            return
        p = item.progress
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(min(p.done, p.total))
        if item.stage is Stage.BUNDLE:
            self.status_label.setText(self.tr("Writing the evidence bundle…"))

    @Slot(object)
    def _on_error(self, error: object) -> None:
        self._failure = messages.export_failed(
            error if isinstance(error, BaseException) else RuntimeError(), self._request.pdf if self._request else None
        )
        if not isinstance(error, ExportError | OSError):
            log.error("export failed unexpectedly: %s", type(error).__name__)

    def _on_finished(self, *_args: object) -> None:
        # The token says whether it was cancelled (PySide 6.12 sometimes delivers
        # Task.finished(bool) to a Python slot without its argument).
        cancelled = self._task is not None and self._task.cancelled
        self._task = None
        self._set_running(False)
        self._update_export_enabled()
        if self._failure is not None:
            self._show_error(self._failure)
        elif cancelled:
            self.status_label.setText(self.tr("Cancelled. No file was written."))
        else:
            self._show_success()
        if self._close_when_stopped:
            super().reject()

    def _show_success(self) -> None:
        req = self._request
        assert req is not None
        text = self.tr("Done. The dossier is saved as:\n{pdf}").format(pdf=req.pdf)
        if req.bundle_dir is not None:
            text += "\n" + self.tr("The evidence bundle: {folder} and {zip}").format(
                folder=req.bundle_dir, zip=zip_path_for(req.bundle_dir).name
            )
        self.status_label.setStyleSheet("color: #2c6148;")
        self.status_label.setText(text)
        self.open_button.show()
        self.open_button.setDefault(True)

    def _show_error(self, text: str) -> None:
        self.status_label.setStyleSheet("color: #a33a22;")
        self.status_label.setText(text)

    # -- after -------------------------------------------------------------------------------------

    @Slot()
    def open_folder(self) -> None:
        if self._request is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._request.pdf.parent)))

    def reject(self) -> None:
        """Closing while exporting cancels first and closes once the job has stopped,
        so no half-written file is left behind."""
        if self._task is not None:
            self._close_when_stopped = True
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._task is not None:
            self.reject()
            return
        super().done(result)
