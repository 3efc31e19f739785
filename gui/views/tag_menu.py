"""The tag context menu shared by the review table and the timeline.

Why one module: rules only *suggest* tags (a threat, a call at night); the
user must be able to confirm or remove each one, and add a tag a rule missed,
in the same words wherever a message is shown. The menu only asks: each
action calls ``gui.controllers.tag_actions`` and then ``on_changed`` so the
caller refreshes its view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from casefile.citations import NOT_LAW
from casefile.model import TagState
from casefile.store import CaseStore
from gui.controllers import tag_actions


class TagMenu(QMenu):
    """A QMenu with its tag actions reachable by tag (tests trigger them directly)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagMenu")
        self.confirm_actions: dict[str, QAction] = {}
        self.remove_actions: dict[str, QAction] = {}
        self.add_menu = QMenu(self.tr("Add tag"), self)
        self.add_menu.setObjectName("addTagMenu")
        self.basis_menus: dict[str, QMenu] = {}

    def confirm_text(self, tag: str) -> str:
        return self.tr("Confirm “%1”").replace("%1", tag)

    def remove_text(self, tag: str) -> str:
        return self.tr("Remove “%1”").replace("%1", tag)

    def none_text(self) -> str:
        return self.tr("No tags defined by the rules")

    def basis_text(self, tag: str) -> str:
        return self.tr("What “%1” cites").replace("%1", tag)

    def suggested_text(self) -> str:
        return self.tr("Suggested by a rule: not in the dossier until you confirm it")

    def no_basis_text(self) -> str:
        return self.tr("No verified rule on file for this tag")

    def not_law_text(self) -> str:
        return self.tr("A recommended standard or an industry guideline is not law.")


def build_tag_menu(
    parent: QWidget | None,
    store: CaseStore,
    message_ids: Iterable[int],
    tag_states: Mapping[str, TagState],
    on_changed: Callable[[], None],
    tag_names: Iterable[str] | None = None,
) -> TagMenu:
    """Confirm/remove for each tag the message has, and "Add tag" with the rules' tags.

    ``message_ids`` are all readings of one message, so a decision applies to
    the message wherever it was seen. Removed tags are offered again under
    "Add tag" only: the user's "no" stands until the user says otherwise.
    """
    ids = tuple(message_ids)
    menu = TagMenu(parent)

    def setter(tag: str, state: TagState) -> Callable[[], None]:
        def run() -> None:
            tag_actions.set_tag(store, ids, tag, state)
            on_changed()

        return run

    shown = {t: s for t, s in tag_states.items() if s is not TagState.REMOVED}
    for tag in sorted(shown):
        if shown[tag] is TagState.SUGGESTED:
            a = menu.addAction(menu.confirm_text(tag))
            a.triggered.connect(setter(tag, TagState.CONFIRMED))
            menu.confirm_actions[tag] = a
        r = menu.addAction(menu.remove_text(tag))
        r.triggered.connect(setter(tag, TagState.REMOVED))
        menu.remove_actions[tag] = r
        _add_basis(menu, tag, suggested=shown[tag] is TagState.SUGGESTED)
    if shown:
        menu.addSeparator()
    menu.addMenu(menu.add_menu)
    names = tuple(tag_names) if tag_names is not None else tag_actions.rule_tag_names()
    for tag in names:
        if tag in shown:
            continue
        a = menu.add_menu.addAction(tag)
        a.triggered.connect(setter(tag, TagState.CONFIRMED))
    if menu.add_menu.isEmpty():
        menu.add_menu.addAction(menu.none_text()).setEnabled(False)
    return menu


def _add_basis(menu: TagMenu, tag: str, *, suggested: bool) -> None:
    """A submenu naming what the tag cites, each with its kind (法律, 国家标准（推荐性）…).

    The user decides whether a message threatens or discloses; the window says
    on what the tag rests, and never lets a standard pass for law.
    """
    sub = menu.addMenu(menu.basis_text(tag))
    sub.setObjectName("basisMenu")
    sub.setToolTipsVisible(True)
    menu.basis_menus[tag] = sub
    if suggested:
        sub.addAction(menu.suggested_text()).setEnabled(False)
        sub.addSeparator()
    cited = tag_actions.tag_citations(tag)
    if not cited:
        sub.addAction(menu.no_basis_text()).setEnabled(False)
    for c in cited:
        a = sub.addAction(c.line)
        a.setToolTip(c.detail)
        a.setEnabled(False)
    if any(c.kind in NOT_LAW for c in cited):
        sub.addSeparator()
        sub.addAction(menu.not_law_text()).setEnabled(False)
