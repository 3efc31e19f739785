"""The pack dialog's message list: untick single messages (or a whole screenshot) to leave them out.

Why a list and not only filters: a screenshot of an inbox often holds a
relative's message or a bank's notice beside the collector's. Filters by
party, tag or date cannot single those out, so the user sees every message
of the case under its screenshot (time, sender, text) and unticks what is
not part of the complaint. The widget only holds ticks by message id; what a
pack makes of them is ``export.packs.selection`` (an unticked message is
neither transcribed nor counted, and its screenshot is still shown whole).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.model import Message, Screenshot

TEXT_CHARS = 60  # a row shows the start of the text; the tooltip holds all of it
ID_ROLE = Qt.ItemDataRole.UserRole


def _when(m: Message) -> str:
    if m.time is not None:
        return m.time.strftime("%Y-%m-%d %H:%M")
    if m.date is not None:
        return m.date.isoformat()
    return m.time_text or "—"


class MessagePicker(QWidget):
    """Screenshots with their messages, each ticked; a screenshot's box ticks or unticks all of its messages."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Sender"), self.tr("Text")])
        self.tree.setUniformRowHeights(True)
        self.all_button = QPushButton(self.tr("Select all"))
        self.none_button = QPushButton(self.tr("Select none"))
        self.count_label = QLabel()
        hint = QLabel(
            self.tr(
                "Untick messages that are not part of the complaint. They are neither transcribed nor counted; "
                "their screenshot is still shown whole, and the pack says what was left out."
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)
        self._items: dict[int, QTreeWidgetItem] = {}
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        self.tree.itemChanged.connect(self._item_changed)

    def load(self, shots: Sequence[Screenshot], messages: Iterable[Message]) -> None:
        """List the case's messages under their screenshots; a message unticked before stays unticked."""
        before = self.unticked()
        by_shot: dict[int, list[Message]] = {}
        for m in messages:
            by_shot.setdefault(m.screenshot_id, []).append(m)
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        for s in shots:
            ms = sorted(by_shot.get(s.id, ()), key=lambda m: m.position)
            if not ms:
                continue  # nothing read on it: chosen or not through the filters only
            head = [s.original_name, s.thread_title or "", s.captured_at.strftime("%Y-%m-%d %H:%M") if s.captured_at else ""]
            top = QTreeWidgetItem(["  ".join(x for x in head if x)])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for m in ms:
                text = " ".join(m.text.split())
                short = text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…"
                it = QTreeWidgetItem([_when(m), m.sender or "", short])
                it.setToolTip(2, m.text)
                it.setData(0, ID_ROLE, m.id)
                it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                it.setCheckState(0, Qt.CheckState.Unchecked if m.id in before else Qt.CheckState.Checked)
                top.addChild(it)
                self._items[m.id] = it
        self.tree.expandAll()
        fm = self.tree.fontMetrics()  # room for the time and a number (the tree's indent and box come first)
        self.tree.setColumnWidth(0, fm.horizontalAdvance("0000-00-00 00:00") + 2 * self.tree.indentation() + 32)
        self.tree.setColumnWidth(1, fm.horizontalAdvance("00000000000000") + 16)
        self.tree.blockSignals(False)
        self._count()

    @property
    def message_ids(self) -> frozenset[int]:
        return frozenset(self._items)

    def unticked(self) -> frozenset[int]:
        return frozenset(i for i, it in self._items.items() if it.checkState(0) != Qt.CheckState.Checked)

    def chosen(self) -> frozenset[int] | None:
        """The ticked messages, or None when every listed message is ticked (the list narrows nothing)."""
        off = self.unticked()
        return None if not off else self.message_ids - off

    def set_chosen(self, ids: frozenset[int] | None) -> None:
        """Tick exactly ``ids`` (None: all), as when a saved pack is reopened."""
        for i, it in self._items.items():
            on = ids is None or i in ids
            it.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_ticked(self, message_id: int, on: bool) -> None:
        self._items[message_id].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    @Slot()
    def set_all(self, on: bool) -> None:
        self.set_chosen(None if on else frozenset())

    @Slot(QTreeWidgetItem, int)
    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._count()
            self.changed.emit()

    def _count(self) -> None:
        n = len(self._items)
        self.count_label.setText(self.tr("{chosen} of {total} messages chosen").format(chosen=n - len(self.unticked()), total=n))
