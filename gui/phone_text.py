"""How the window names a phone: the user's own as "本人"/"me", anyone else as the user typed them.

Why one place: the list, the review pane, the timeline and the dialogs must
call the same phone the same way, and the stored name of the user's own phone
(``casefile.phones.OWN_PHONE``) is Chinese data, not English display text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from casefile.phones import describe_phones, is_own

_CONTEXT = "PhoneText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def owner(phone: str) -> str:
    """The person a phone belongs to, as a reader says it: "me"/"本人", or the typed name."""
    return _tr("me") if is_own(phone) else phone


def source_line(phone: str) -> str:
    """The review pane's "来源手机：母亲"."""
    if is_own(phone):
        return _tr("Source phone: my own")
    return _tr("Source phone: %1").replace("%1", phone)


def sent_to(phone: str) -> str:
    """A timeline row's receiving phone: "发给母亲" / "to 母亲"."""
    return _tr("to %1").replace("%1", owner(phone))


def own_choice() -> str:
    """The own phone as an item of a phone list (a dialog, a filter)."""
    return _tr("本人 (my own phone)")


def phone_chip(phone: str) -> str:
    """The short tag a screenshot row carries: "母亲的手机" / "my phone"."""
    if is_own(phone):
        return _tr("my phone")
    return _tr("%1's phone").replace("%1", phone)


def source_note(phone: str, case_phones: Sequence[str]) -> list[str]:
    """The review pane's source line, when there is something to say: the case holds several
    phones, or this screenshot is from someone else's (a one-phone case stays as it was)."""
    return [source_line(phone)] if len(case_phones) > 1 or not is_own(phone) else []


def imported_from(counts: dict[str, int]) -> str:
    """The import summary's "(来源手机：母亲 3 张、本人 2 张)", own phone first."""
    parts = [_tr("%1: %2").replace("%1", owner(p)).replace("%2", str(counts[p])) for p in describe_phones(counts)]
    return _tr("(source phone: %1)").replace("%1", _tr(", ").join(parts))
