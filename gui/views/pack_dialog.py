"""The pack dialog: choose a recipient, choose the evidence, edit the letter, write the pack.

Why it looks like this: the user knows whom they are writing to, not which
files that body wants. So the dialog starts from the recipient (each preset
shows its limit and how sure that limit is), lets them narrow the evidence
(by party, tag and dates, or "what the timeline shows"), drafts the letter for
them to edit, and plans every file in the background before writing any:
a file over the limit is reported with the fixes to choose, never cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.complainant import Complainant, load_complainant, save_complainant
from casefile.jobs import CancelToken
from casefile.store import CaseError, CaseStore
from casefile.timeline import TimelineEntry
from export.data import DossierData
from export.packs.case_redactor import case_redactor
from export.packs.files import Fix
from export.packs.letter import Applicant, draft
from export.packs.presets import MB, Preset, load_presets
from export.packs.redaction_port import Redactor
from export.packs.saved import SavedPackError, load_pack
from export.packs.selection import LeftOut, Selection, select
from export.packs.writer import PACK_JSON, PackCancelledError, PackRequest, Plan, plan_pack, write_pack
from gui.tasks import Task, TaskRunner
from gui.views.phone_widgets import PhoneFilter

NO_LETTER = ("12321", "court", "public")  # these packs carry items, a list or a short account instead


def pack_job(data: DossierData, left: LeftOut, req: PackRequest, out_dir: Path) -> Iterator[object]:
    """Plan in memory, then write only a plan that fits (a worker; touches no store).
    Cancelled while laying out: the job just ends, nothing written."""
    try:
        plan = plan_pack(data, left, req)
    except PackCancelledError:
        return
    yield plan
    if plan.ok and not (req.cancel and req.cancel()):
        yield write_pack(plan, out_dir)


class PackDialog(QDialog):
    def __init__(
        self,
        store: CaseStore,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        visible: Iterable[TimelineEntry] | None = None,
        redactor: Redactor | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner if runner is not None else TaskRunner(self)
        self._visible = tuple(visible) if visible is not None else None
        self._redactor = redactor
        self._task: Task | None = None
        self._kept_note = ""  # why the details typed here could not be kept in the case, if they could not
        self.plan: Plan | None = None
        self.written: list[Path] = []
        self.presets = load_presets()
        self.setWindowTitle(self.tr("Write a complaint pack"))
        self.setMinimumWidth(640)

        self.recipient = QComboBox()
        # The longest recipient name would set the tab's minimum width; it elides instead.
        self.recipient.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recipient.setMinimumContentsLength(20)
        for p in self.presets.values():
            self.recipient.addItem(f"{p.name} — {p.name_en}", p.id)
        self.limit_label = QLabel()
        self.limit_label.setWordWrap(True)
        self.limit_spin = QDoubleSpinBox()  # the defaults are editable: no channel publishes its limit
        self.limit_spin.setRange(0, 1000)
        self.limit_spin.setDecimals(2)
        self.limit_spin.setSuffix(" MB")
        self.limit_spin.setSpecialValueText(self.tr("no limit"))
        self.from_timeline = QCheckBox(self.tr("Only what the timeline shows now"))
        self.from_timeline.setEnabled(self._visible is not None)
        self.party_edit = QLineEdit()
        self.party_edit.setPlaceholderText(self.tr("parties or numbers, separated by commas"))
        self.tag_edit = QLineEdit()
        self.tag_edit.setPlaceholderText(self.tr("confirmed tags, separated by commas"))
        self.phone_choice = PhoneFilter(for_packs=True)  # a relative's own complaint: what reached their phone
        self.phone_choice.set_phones([(p, None) for p in store.phones()])
        self.from_edit = QLineEdit()
        self.to_edit = QLineEdit()
        for e in (self.from_edit, self.to_edit):
            e.setPlaceholderText("YYYY-MM-DD")
        self.split_box = QCheckBox(self.tr("Split into numbered files to meet the limit"))
        self.quality_box = QCheckBox(self.tr("Lower image quality (still legible)"))
        self.max_spin = QSpinBox()
        self.max_spin.setRange(0, 100000)
        self.max_spin.setSpecialValueText(self.tr("all"))
        me = load_complainant(store)  # entered once, kept in the case, reused by every pack
        self.name_edit = QLineEdit(me.name)
        self.phone_edit = QLineEdit(me.phone)
        self.id_edit = QLineEdit(me.id_number)
        self.address_edit = QLineEdit(me.address)
        self.out_edit = QLineEdit(str(self._default_folder()))
        self.draft_button = QPushButton(self.tr("Draft the letter from the case"))

        from gui.views.letter_editor import LetterEditor
        from gui.views.message_picker import MessagePicker

        self.editor = LetterEditor()
        self.picker = MessagePicker()
        self.picker.load(store.screenshots(), store.messages(include_excluded=False))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the layout's length is not known in advance
        self.progress.hide()
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(self.tr("Write the pack"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self._layout()
        self.recipient.currentIndexChanged.connect(self._preset_changed)
        self.draft_button.clicked.connect(self.draft_letter)
        self.write_button.clicked.connect(self.start)
        self.out_edit.editingFinished.connect(self.load_saved)
        self.close_button.clicked.connect(self.close_or_cancel)
        self._preset_changed()

    def _layout(self) -> None:
        choose = QGroupBox(self.tr("Evidence to include"))
        f = QFormLayout(choose)
        f.addRow(self.from_timeline)
        f.addRow(self.tr("Parties"), self.party_edit)
        f.addRow(self.tr("Tags"), self.tag_edit)
        f.addRow(self.phone_choice.label(), self.phone_choice)
        f.addRow(self.tr("From"), self.from_edit)
        f.addRow(self.tr("To"), self.to_edit)
        f.addRow(self.tr("At most this many screenshots"), self.max_spin)
        fixes = QGroupBox(self.tr("If a file is over the limit"))
        v = QVBoxLayout(fixes)
        v.addWidget(self.split_box)
        v.addWidget(self.quality_box)
        you = QGroupBox(self.tr("About you"))
        y = QFormLayout(you)
        why = QLabel(
            self.tr("Kept in the case for every pack; the ID number and address are masked in redacted copies.")
        )
        why.setWordWrap(True)
        y.addRow(why)
        y.addRow(self.tr("Name"), self.name_edit)
        y.addRow(self.tr("Phone"), self.phone_edit)
        y.addRow(self.tr("ID number"), self.id_edit)
        y.addRow(self.tr("Address"), self.address_edit)
        first = QWidget()
        a = QVBoxLayout(first)
        top = QFormLayout()
        top.addRow(self.tr("Recipient"), self.recipient)
        top.addRow("", self.limit_label)
        top.addRow(self.tr("Per-file limit"), self.limit_spin)
        top.addRow(self.tr("Write into folder"), self.out_edit)
        for w in (choose, fixes, you):
            a.addWidget(w)
        a.insertLayout(0, top)
        second = self.letter_tab = QWidget()
        b = QVBoxLayout(second)
        b.addWidget(self.draft_button)
        b.addWidget(self.editor, 1)
        self.tabs = QTabWidget()
        # On a small laptop screen the first tab is taller than the dialog: it scrolls
        # instead of squeezing the wrapped limit text into overlapping lines.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it wraps, never scrolls sideways
        scroll.setWidget(first)
        self.tabs.addTab(scroll, self.tr("Recipient and evidence"))
        self.tabs.addTab(self.picker, self.tr("Messages"))
        self.tabs.addTab(second, self.tr("Letter"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)

    def _default_folder(self) -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(docs) if docs and Path(docs).is_dir() else Path.home()
        return base / f"{self.tr('Complaint pack')} {date.today():%Y-%m-%d}"

    def preset(self) -> Preset:
        """The chosen recipient's preset with the per-file limit as edited here."""
        p = self.presets[str(self.recipient.currentData())]
        mb = self.limit_spin.value()
        return p.with_limit(mb if mb > 0 else None)

    @Slot()
    def _preset_changed(self) -> None:
        p = self.presets[str(self.recipient.currentData())]
        self.limit_spin.setValue(p.max_file_bytes / MB if p.max_file_bytes else 0)
        self.limit_label.setText(self.tr("Limit: {limit}. Source: {source}").format(limit=p.limit_text(), source=p.source))
        self.split_box.setChecked(p.split)
        self.draft_button.setEnabled(p.id not in NO_LETTER)
        self.id_edit.setEnabled(p.ask_id_number)

    def selection(self) -> Selection:
        def items(e: QLineEdit) -> frozenset[str]:
            return frozenset(x.strip() for x in e.text().replace("，", ",").split(",") if x.strip())

        def day(e: QLineEdit) -> date | None:
            return date.fromisoformat(e.text().strip()) if e.text().strip() else None

        base = Selection.from_entries(self._visible) if self.from_timeline.isChecked() and self._visible else Selection()
        return Selection(
            screenshot_ids=base.screenshot_ids,
            message_ids=self._picked(base.message_ids),
            parties=items(self.party_edit),
            tags=items(self.tag_edit),
            date_from=day(self.from_edit),
            date_to=day(self.to_edit),
            max_screenshots=self.max_spin.value() or None,
            phones=self.phone_choice.phones(),
        )

    def _picked(self, ids: frozenset[int] | None) -> frozenset[int] | None:
        """The timeline's messages (if chosen) less those unticked in the message list."""
        picked = self.picker.chosen()
        if picked is None:
            return ids
        return picked if ids is None else ids & picked

    @Slot()
    def load_saved(self) -> bool:
        """A folder holding an earlier pack: its recipient, choice and edited letter come back."""
        folder = Path(self.out_edit.text().strip()).expanduser()
        if not (folder / PACK_JSON).is_file():
            return False
        try:
            saved = load_pack(folder)
        except SavedPackError as e:
            self.status.setText(self.tr("The saved pack cannot be read: {reason}").format(reason=str(e)))
            return False
        i = self.recipient.findData(saved.preset)
        if i >= 0:
            self.recipient.setCurrentIndex(i)
        sel = saved.selection
        self.party_edit.setText(", ".join(sorted(sel.parties)))
        self.tag_edit.setText(", ".join(sorted(sel.tags)))
        self.phone_choice.select(sel.phones)
        self.from_edit.setText(sel.date_from.isoformat() if sel.date_from else "")
        self.to_edit.setText(sel.date_to.isoformat() if sel.date_to else "")
        self.max_spin.setValue(sel.max_screenshots or 0)
        self.from_timeline.setChecked(False)  # the saved message ids already hold what the timeline showed then
        self.picker.set_chosen(sel.message_ids)
        self.split_box.setChecked(Fix.SPLIT in saved.fixes or self.preset().split)
        self.quality_box.setChecked(Fix.QUALITY in saved.fixes)
        if saved.letter is not None:
            self.editor.set_letter(saved.letter)
        self.status.setText(self.tr("Reopened the pack saved in this folder."))
        return True

    def _applicant(self) -> Applicant:
        """The details as typed here, kept in the case first (so the next pack and the redaction have them)."""
        me = Complainant(self.name_edit.text(), self.phone_edit.text(), self.id_edit.text(), self.address_edit.text())
        try:
            save_complainant(self._store, me)
        except CaseError as e:  # a read-only case: the pack is still written with what was typed
            self._kept_note = "\n" + self.tr("Your details were not kept in the case: {reason}").format(reason=str(e))
            self.status.setText(self._kept_note.strip())
        else:
            self._kept_note = ""
        return me

    @Slot()
    def draft_letter(self) -> None:
        try:
            data, _ = select(self._store, self.selection())
        except ValueError:
            self.status.setText(self.tr("A date is not in the form YYYY-MM-DD."))
            return
        self.editor.set_letter(draft(data, self.preset(), self._applicant(), date.today()))
        self.tabs.setCurrentWidget(self.letter_tab)

    @Slot()
    def start(self) -> None:
        """Read the choice here (the store is this thread's); plan and write in the background."""
        if self._task is not None:
            return
        p = self.preset()
        applicant = self._applicant()  # kept in the case before the redactor reads what to mask
        redactor = self._redactor
        if p.redact and redactor is None:
            redactor = case_redactor(self._store)  # what to mask, read here; the OCR runs in the job
        try:
            data, left = select(self._store, self.selection())
        except ValueError:
            self.status.setText(self.tr("A date is not in the form YYYY-MM-DD."))
            return
        if not data.exhibits:
            self.status.setText(self.tr("No screenshot matches the choice; nothing was written."))
            return
        letter = None
        if p.id not in NO_LETTER:
            if self.editor.is_empty():
                self.editor.set_letter(draft(data, p, applicant, date.today()))
            letter = self.editor.letter()
        fixes = frozenset(f for f, box in ((Fix.SPLIT, self.split_box), (Fix.QUALITY, self.quality_box)) if box.isChecked())
        out = Path(self.out_edit.text().strip()).expanduser()
        self.status.setText(self.tr("Laying out the pack and checking the size of every file…") + self._kept_note)
        self.write_button.setEnabled(False)
        self.progress.show()
        self.close_button.setText(self.tr("Cancel"))
        sel, now = self.selection(), datetime.now().replace(second=0, microsecond=0)

        def job(cancel: CancelToken) -> Iterator[object]:
            req = PackRequest(p, sel, letter, now, fixes, redactor, lambda: cancel.cancelled)
            return pack_job(data, left, req, out)

        def wire(task: Task) -> None:
            task.result.connect(self._on_result)
            task.error.connect(self._on_error)
            task.finished.connect(self._on_finished)

        self._task = self._runner.start("pack", job, wire)

    @Slot(object)
    def _on_result(self, item: object) -> None:
        if isinstance(item, Plan):
            self.plan = item
            if not item.ok:
                lines = [t.describe(cli=False) for t in item.too_big]
                self.status.setText(self.tr("Nothing was written. Choose a fix and try again:") + "\n" + "\n".join(lines))
        elif isinstance(item, list):
            self.written = item
            self.status.setText(self.tr("Written: {n} files in {folder}").format(n=len(item), folder=self.out_edit.text()))

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        self.status.setText(self.tr("The pack was not written: {reason}").format(reason=str(exc)))

    @Slot()
    def _on_finished(self) -> None:
        cancelled = self._task is not None and self._task.cancelled
        self._task = None
        self.write_button.setEnabled(True)
        self.progress.hide()
        self.close_button.setText(self.tr("Close"))
        if cancelled:
            self.status.setText(self.tr("Cancelled; nothing was written."))

    @Slot()
    def close_or_cancel(self) -> None:
        """Cancel a pack being laid out (nothing is written), else close the dialog."""
        if self._task is not None:
            self._task.cancel()
        else:
            self.reject()

    @property
    def running(self) -> bool:
        return self._task is not None
