"""Counterparties: the user groups numbers and names under one party.

Why: one lender harasses through its 106… gateway and several collectors'
mobiles; counted per number, the pattern looks diluted. Grouped as "某某贷",
the timeline and the dossier count per party. The dialog only shows and asks;
``gui.controllers.tag_actions`` writes to the store.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.model import Party
from casefile.parties import normalise_sender
from casefile.store import CaseStore
from gui.controllers import tag_actions
from ocr.model import ME

NAME_ROLE = int(Qt.ItemDataRole.UserRole)


def case_senders(store: CaseStore) -> list[str]:
    """Every distinct sender of the case (normalised, as the timeline shows them), and party members."""
    found = {normalise_sender(m.sender) for m in store.messages(include_excluded=False)}
    for p in store.parties():
        found.update(p.members)
    return sorted(s for s in found if s and s != ME)


class PartiesDialog(QDialog):
    """List, create, edit and delete parties; ``preselect`` pre-checks senders for a new party."""

    def __init__(
        self, store: CaseStore, preselect: Iterable[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partiesDialog")
        self.setWindowTitle(self.tr("Counterparties"))
        self.store = store
        self.changed = False
        self._editing: str | None = None

        self.party_list = QListWidget(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Name of the party, e.g. the lender"))
        self.sender_list = QListWidget(self)
        self.new_button = QPushButton(self.tr("New party"), self)
        self.save_button = QPushButton(self.tr("Save party"), self)
        self.delete_button = QPushButton(self.tr("Delete party"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Parties"), self))
        left.addWidget(self.party_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Name"), self))
        right.addWidget(self.name_edit)
        right.addWidget(QLabel(self.tr("Numbers and names that belong to this party"), self))
        right.addWidget(self.sender_list, 1)
        right.addWidget(self.save_button)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)

        self.party_list.currentItemChanged.connect(self._party_chosen)
        self.new_button.clicked.connect(lambda: self.start_new(()))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_current)
        self.resize(640, 420)
        self._fill_parties()
        self.start_new(preselect)

    # -- showing ------------------------------------------------------------------------

    def _fill_parties(self, select: str | None = None) -> None:
        self.party_list.blockSignals(True)
        self.party_list.clear()
        for p in self.store.parties():
            item = QListWidgetItem(
                self.tr("%1 (%2)").replace("%1", p.name).replace("%2", "、".join(p.members))
            )
            item.setData(NAME_ROLE, p.name)
            self.party_list.addItem(item)
            if p.name == select:
                self.party_list.setCurrentItem(item)
        self.party_list.blockSignals(False)
        self.delete_button.setEnabled(select is not None)

    def _fill_senders(self, checked: Iterable[str]) -> None:
        wanted = set(checked)
        self.sender_list.clear()
        owner = {m: p.name for p in self.store.parties() for m in p.members}
        for s in sorted(set(case_senders(self.store)) | wanted):
            label = s
            if s in owner and owner[s] != self._editing:
                label = self.tr("%1 (now in %2)").replace("%1", s).replace("%2", owner[s])
            item = QListWidgetItem(label)
            item.setData(NAME_ROLE, s)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s in wanted else Qt.CheckState.Unchecked)
            self.sender_list.addItem(item)

    def start_new(self, preselect: Iterable[str]) -> None:
        """An empty form for a new party, with ``preselect`` checked."""
        self._editing = None
        self.party_list.clearSelection()
        self.party_list.setCurrentRow(-1)
        self.delete_button.setEnabled(False)
        self.name_edit.clear()
        self._fill_senders(preselect)
        self.name_edit.setFocus()

    def edit_party(self, name: str) -> None:
        party = self._party(name)
        if party is None:
            return
        self._editing = party.name
        self.name_edit.setText(party.name)
        self._fill_senders(party.members)
        self.delete_button.setEnabled(True)

    def _party_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.edit_party(str(current.data(NAME_ROLE)))

    def _party(self, name: str) -> Party | None:
        return next((p for p in self.store.parties() if p.name == name), None)

    def checked_senders(self) -> list[str]:
        out = []
        for i in range(self.sender_list.count()):
            item = self.sender_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(NAME_ROLE)))
        return out

    def set_checked(self, senders: Iterable[str]) -> None:
        wanted = set(senders)
        for i in range(self.sender_list.count()):
            item = self.sender_list.item(i)
            on = str(item.data(NAME_ROLE)) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # -- asking -------------------------------------------------------------------------

    def save(self) -> bool:
        name = self.name_edit.text().strip()
        members = self.checked_senders()
        if not name or not members:
            QMessageBox.information(
                self,
                self.tr("Counterparties"),
                self.tr("Give the party a name and tick at least one sender."),
            )
            return False
        tag_actions.save_party(self.store, name, members, old_name=self._editing)
        self.changed = True
        self._editing = name
        self._fill_parties(select=name)
        self._fill_senders(members)
        return True

    def delete_current(self) -> None:
        if self._editing is None:
            return
        tag_actions.remove_party(self.store, self._editing)
        self.changed = True
        self._fill_parties()
        self.start_new(())
