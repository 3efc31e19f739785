"""The store writes behind the tag menu and the counterparties dialog.

Why a separate module: both the review table and the timeline offer the same
tag choices, and the dialog edits parties; keeping the writes here means the
widgets only show and ask, and one merged message (several readings) is
always tagged as a whole, never reading by reading.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from casefile.model import TagState
from casefile.store import CaseStore
from casefile.tagging import RulesError, load_rules

log = logging.getLogger(__name__)


def rule_tag_names() -> tuple[str, ...]:
    """The tags the rules know, for "add tag"; none if the rules file is broken (logged)."""
    try:
        return load_rules().tag_names
    except RulesError as exc:
        log.error("tag rules could not be loaded: %s", type(exc).__name__)
        return ()


@dataclass(frozen=True, slots=True)
class CitedRule:
    """One citation as the window shows it: the short line and the full text for a tooltip."""

    line: str  # 《…》第50条 — 法律
    kind: str
    detail: str  # title with kind, date and verification, then the quoted text if the source gives it


def tag_citations(tag: str) -> tuple[CitedRule, ...]:
    """What the rules of ``tag`` cite (resources/rules/citations.json), each with its kind.

    Read fresh each time (a menu opens rarely); nothing when the rules are broken (logged).
    """
    try:
        rules = load_rules()
    except RulesError as exc:
        log.error("tag rules could not be loaded: %s", type(exc).__name__)
        return ()
    out = []
    for c in rules.citations_of(tag):
        detail = c.display() + (f"\n“{c.quote}”" if c.quote else "")
        out.append(CitedRule(c.short, c.kind, detail))
    return tuple(out)


def set_tag(store: CaseStore, message_ids: Iterable[int], tag: str, state: TagState) -> None:
    """Record the user's decision on every reading of one message, in one place."""
    for mid in dict.fromkeys(message_ids):
        store.set_tag(mid, tag, state, source="user")


def save_party(store: CaseStore, name: str, members: Iterable[str], old_name: str | None = None) -> None:
    """Create or replace a party; a rename drops the old name so no empty party lingers."""
    name = name.strip()
    if old_name and old_name != name:
        store.remove_party(old_name)
    store.set_party(name, [m for m in dict.fromkeys(members) if m])


def remove_party(store: CaseStore, name: str) -> None:
    store.remove_party(name)
