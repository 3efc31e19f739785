""""Whose phone are these from?": one question for a whole drop, or for a selection of screenshots.

Why a question and not a guess: collectors write to the borrower's mother and
colleagues (爆通讯录), and those people's screenshots are the proof of it. Only
the user knows whose phone a picture came from; the answer changes what "me"
means on it. The dialog only collects the answer; the controller applies it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from casefile.phones import MAX_PHONE_NAME, OWN_PHONE, describe_phones, phone_name
from casefile.workflows import PhoneChoice
from gui.phone_text import own_choice

DIALOG_WIDTH = 460  # room for a sentence of explanation in two or three lines
SHOWN_SUGGESTIONS = 6  # sub-folder names listed in the check box; more are summed up as "…"


class PhoneDialog(QDialog):
    """The person whose phone held the screenshots: chosen from the case's phones or typed.

    ``suggestions``: names of the dropped folders' sub-folders (``妈妈/…``); when
    there are any, a check box offers to take each file's phone from its folder.
    ``count`` > 0 asks about that many screenshots already in the case (a change).
    """

    def __init__(
        self,
        phones: Sequence[str],
        current: str = OWN_PHONE,
        suggestions: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        count: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneDialog")
        changing = count > 0
        self.setWindowTitle(self.tr("Change source phone") if changing else self.tr("Source phone"))
        if changing:
            question = self.tr("Whose phone did the %n selected screenshot(s) come from?", "", count)
        else:
            question = self.tr("Whose phone are these screenshots from?")
        self.question = QLabel(question)
        self.question.setStyleSheet("font-weight: 600;")
        self.explain = QLabel(
            self.tr(
                "Collectors often write to your family and colleagues too; their screenshots prove it. "
                "On a screenshot from someone else's phone, “me” and “sent” mean that person."
            )
        )
        self.explain.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setObjectName("phoneCombo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.combo.lineEdit()
        assert edit is not None  # an editable combo box always has one
        edit.setMaxLength(MAX_PHONE_NAME)
        edit.setPlaceholderText(self.tr("or type a name, e.g. 母亲, 同事张某"))
        for name in describe_phones([OWN_PHONE, *phones]):
            self.combo.addItem(own_choice() if name == OWN_PHONE else name, name)
        self.select(current)
        self.folders = QCheckBox()
        self.folders.setObjectName("useFolderNames")
        self.suggestions = list(dict.fromkeys(suggestions))
        if self.suggestions:
            shown = "、".join(self.suggestions[:SHOWN_SUGGESTIONS])
            if len(self.suggestions) > SHOWN_SUGGESTIONS:
                shown += "…"
            self.folders.setText(self.tr("Use the sub-folder names as the phone: %1").replace("%1", shown))
            self.folders.setToolTip(
                self.tr("A file in a sub-folder such as 妈妈/ takes that name; files directly in the folder take the name above.")
            )
        self.folders.setVisible(bool(self.suggestions))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Change") if changing else self.tr("Import"))
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.question)
        lay.addWidget(self.explain)
        lay.addWidget(self.combo)
        lay.addWidget(self.folders)
        lay.addSpacing(6)
        lay.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(DIALOG_WIDTH)
        # A wrapped label does not ask for its height inside a dialog: give it the lines it needs.
        margins = lay.contentsMargins().left() + lay.contentsMargins().right()
        self.explain.setMinimumHeight(self.explain.heightForWidth(DIALOG_WIDTH - margins))

    def select(self, name: str) -> None:
        """Show ``name`` chosen: one of the list, or typed in."""
        i = self.combo.findData(phone_name(name))
        if i >= 0:
            self.combo.setCurrentIndex(i)
        else:
            self.combo.setEditText(name)

    def name(self) -> str:
        """The stored form of the chosen or typed name (an item's shown text maps back to its name)."""
        text = self.combo.currentText().strip()
        i = self.combo.findText(text, Qt.MatchFlag.MatchExactly)
        if i >= 0:
            return str(self.combo.itemData(i))
        return phone_name(text)

    def choice(self) -> PhoneChoice:
        return PhoneChoice(name=self.name(), from_folders=self.folders.isChecked() and bool(self.suggestions))
