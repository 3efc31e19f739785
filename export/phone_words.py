"""Whose phone, in words: shared by the dossier and the command line.

On another person's phone "me" and "outgoing" are that person, not the user:
the sender shown for an outgoing item on 母亲's phone is 母亲, and an item
received there was 发给母亲 ("received on 母亲's phone"). These functions
take the label table (``export.labels.labels``), so the dossier's language and
a caller's overrides apply; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from casefile.entries import TimelineEntry
from casefile.phones import is_own
from casefile.reach import Reach
from ocr.model import ME, Direction

Labels = Mapping[str, str]


def shows_phones(phones: Iterable[str]) -> bool:
    """Whether the output names receiving phones: as soon as one is not the user's own.

    A case of the user's own screenshots only reads as it always did.
    """
    return any(not is_own(p) for p in phones)


def phone_label(L: Labels, phone: str) -> str:  # noqa: N803
    """``母亲的手机`` / ``the complainant's own phone``."""
    return L["own_phone"] if is_own(phone) else L["other_phone"].format(phone=phone)


def owner_shown(L: Labels, phone: str) -> str:  # noqa: N803
    """A phone's owner as printed: 本人 (``me`` in English) for the user's own, else the name given."""
    return L["me"] if is_own(phone) else phone


def sender_shown(L: Labels, sender: str | None, phone: str) -> str:  # noqa: N803
    """The sender as printed: ``me`` on a phone is that phone's owner."""
    if not sender:
        return L["unknown"]
    return owner_shown(L, phone) if sender == ME else sender


def received_on(L: Labels, phone: str) -> str:  # noqa: N803
    return L["received_on_own"] if is_own(phone) else L["received_on"].format(phone=phone)


def sent_by(L: Labels, phone: str) -> str:  # noqa: N803
    return L["sent_by_own"] if is_own(phone) else L["sent_by"].format(phone=phone)


def entry_phone_note(L: Labels, e: TimelineEntry) -> str:  # noqa: N803
    """``发给母亲`` for what reached a phone, ``母亲发出`` for what its owner sent."""
    return sent_by(L, e.phone) if e.direction == Direction.OUTGOING else received_on(L, e.phone)


def reach_sentence(reach: Reach) -> str:
    """The letter's line on 爆通讯录, in Chinese (the letters are written in Chinese); "" when nobody was reached."""
    if not reach.count:
        return ""
    span = (
        f"自 {reach.first_day.isoformat()} 至 {reach.last_day.isoformat()}，"
        if reach.first_day is not None and reach.last_day is not None
        else ""
    )
    line = f"截图显示，对方还联系了本人的 {reach.count} 位亲友、同事（{'、'.join(reach.names)}），{span}共 {reach.items} 条（次）"
    if reach.campaigns:
        line += f"，其中同一内容群发到多人手机 {len(reach.campaigns)} 次"
    return line + "。"
