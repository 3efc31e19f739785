"""Small phone widgets: the receiving-phone filter (timeline, packs) with its counts, the room
the timeline's type column needs for "发给母亲", and the source-phone bar above the screenshot list.

Why separate: the timeline view, the pack dialog and the window each need a
few lines to offer phones; the widgets (and their translations) live here so
those files stay small and unchanged in their own strings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QToolButton, QVBoxLayout, QWidget

from casefile.phones import OWN_PHONE, describe_phones
from casefile.timeline import TimelineEntry
from gui.models.timeline_model import Column, TimelineModel
from gui.phone_text import own_choice, sent_to
from ocr.model import Direction, Kind

WIDEST_KIND_COLUMN = 280  # px: a 40-character name is elided beyond this, the message text keeps its room


def phone_counts(entries: Iterable[TimelineEntry]) -> list[tuple[str, int]]:
    """Entries per receiving phone, the user's own first: what the filter's items show."""
    counts = Counter(e.phone for e in entries)
    return [(p, counts[p]) for p in describe_phones(counts)]


def widen_for_phones(table: QTableView, model: TimelineModel) -> None:
    """Room in the type column for "短信 · 发给同事张某" once the rows name their receiving phone."""
    if not model.several_phones:
        return
    fm = table.fontMetrics()
    longest = model.kind_text(Kind.CALL, Direction.MISSED)
    need = max(fm.horizontalAdvance(f"{longest} · {sent_to(p)}") for p in {e.phone for e in model.timeline.entries})
    header = table.horizontalHeader()
    header.resizeSection(Column.KIND, max(header.sectionSize(Column.KIND), min(need + 24, WIDEST_KIND_COLUMN)))


class PhoneFilter(QComboBox):
    """"All phones" or one receiving phone, each with its count; hidden while the case has one phone.

    ``for_packs``: the pack dialog's wording ("every receiving phone"), shown
    even with one phone so the choice is visible where it matters.
    """

    def __init__(self, parent: QWidget | None = None, *, for_packs: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("phoneFilter")
        self._for_packs = for_packs
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(260)
        self.setToolTip(self.tr("Whose phone received the messages"))
        self.set_phones([])

    def label(self) -> str:
        return self.tr("Receiving phone")

    def set_phones(self, phones: Sequence[tuple[str, int | None]]) -> None:
        """The phones to offer, with counts (None: no count); the choice is kept when still offered."""
        keep = self.currentData()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("Every receiving phone") if self._for_packs else self.tr("All phones"), None)
            for name, n in phones:
                text = own_choice() if name == OWN_PHONE else name
                self.addItem(text if n is None else f"{text}  ({n:,})", name)
            i = self.findData(keep) if keep is not None else 0
            self.setCurrentIndex(max(0, i))
        finally:
            self.blockSignals(False)
        if not self._for_packs:
            self.setVisible(len(phones) > 1 or self.currentIndex() > 0)
        if keep is not None and self.currentData() != keep:
            self.currentIndexChanged.emit(self.currentIndex())

    def phones(self) -> frozenset[str]:
        name = self.currentData()
        return frozenset({name}) if name else frozenset()

    def select(self, phones: frozenset[str]) -> None:
        """Show one phone of ``phones`` chosen (the bar offers one); empty: all."""
        name = min(phones, default=None)
        i = self.findData(name) if name is not None else 0
        self.setCurrentIndex(max(0, i))


class SourcePhoneBar(QWidget):
    """Above the screenshot list: whose phone the next import comes from, and a way to change it.

    Why visible all the time: on a case with only the user's own phone a plain
    drop is imported without a question (the common case must stay one step);
    this line says where it goes, and "Other person…" is where a relative's
    screenshots start.
    """

    change_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePhoneBar")
        self.phone = OWN_PHONE
        self.text = QLabel()
        self.text.setStyleSheet("color: #5b6470;")
        self.button = QToolButton()
        self.button.setObjectName("sourcePhoneButton")
        self.button.setText(self.tr("Change…"))
        self.button.setToolTip(self.tr("Screenshots from your mother's or a colleague's phone? Say whose they are."))
        self.button.clicked.connect(self.change_requested)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.button)
        self.set_phone(OWN_PHONE)

    def set_phone(self, phone: str) -> None:
        self.phone = phone
        shown = own_choice() if phone == OWN_PHONE else phone
        self.text.setText(self.tr("New screenshots from: %1").replace("%1", shown))


def above(bar: QWidget, widget: QWidget) -> QWidget:
    """``bar`` on top of ``widget`` in one pane (the source-phone line over the screenshot list)."""
    pane = QWidget(widget.parentWidget())
    column = QVBoxLayout(pane)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(bar)
    column.addWidget(widget, 1)
    return pane
