"""Who a message is from, as one key: normalised senders and user-defined parties.

A collector rarely uses one number. The user groups numbers and names into a
``Party`` ("安心花 催收"), and every count, filter and frequency rule works on
that party, so twenty numbers sending five messages each show as the one
harasser they are. Senders are compared normalised (numbers without spaces,
dashes or a ``+86`` prefix) because the same number is printed differently by
an SMS app, a call log and a chat contact card.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from casefile.model import Party
from ocr.model import ME

_SEPARATORS = re.compile(r"[\s\-()（）.·]+")
_NUMBER = re.compile(r"\+?\d{3,}")
_CN_PREFIX = re.compile(r"^(?:\+86|0086)(\d+)$")
_CN_MOBILE_86 = re.compile(r"^86(1\d{10})$")


@lru_cache(maxsize=8192)
def normalise_sender(sender: str | None) -> str:
    """The comparable form of a sender: ``""`` when unknown, ``me`` for the user.

    Numbers lose separators and the China country prefix (``+86 138 0013 8000``
    → ``13800138000``, ``+86 755 8345 6789`` → ``075583456789``), so one number
    printed three ways counts as one. Names are NFKC-normalised without white
    space, nothing more: two different names must stay two parties unless the
    user groups them.
    """
    if sender is None:
        return ""
    s = unicodedata.normalize("NFKC", sender).strip()
    if not s:
        return ""
    if s.casefold() == ME:
        return ME
    compact = _SEPARATORS.sub("", s)
    if _NUMBER.fullmatch(compact):
        m = _CN_PREFIX.match(compact)
        if m:
            rest = m.group(1)
            if rest.startswith("1") and len(rest) == 11:
                return rest
            return rest if rest.startswith("0") else "0" + rest
        m = _CN_MOBILE_86.match(compact)
        if m:
            return m.group(1)
        return compact
    return re.sub(r"\s+", "", s)


def is_number(sender: str) -> bool:
    """Whether a normalised sender is a phone number (counted "per number")."""
    return bool(_NUMBER.fullmatch(sender))


@dataclass(frozen=True, slots=True)
class PartyIndex:
    """Normalised sender → party name, built once per timeline."""

    by_sender: dict[str, str]

    @classmethod
    def build(cls, parties: Iterable[Party] = ()) -> PartyIndex:
        """Index every member of every party by its normalised form.

        The store guarantees a raw sender belongs to one party; two raw spellings
        of one number could still sit in two parties, and then the party listed
        first (the store lists by name) wins, so the result is deterministic.
        """
        out: dict[str, str] = {}
        for p in parties:
            for member in p.members:
                key = normalise_sender(member)
                if key and key != ME:
                    out.setdefault(key, p.name)
        return cls(out)

    def party_of(self, sender: str) -> tuple[str, bool]:
        """(party, defined): the user's party holding ``sender``, else the sender itself."""
        name = self.by_sender.get(sender)
        if name is not None:
            return name, True
        return sender, False
