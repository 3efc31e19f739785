"""The complainant's own details, entered once and kept in the case.

Every letter asks for the same name, phone, ID number and address, and the
redaction must mask the ID number and the home address wherever they appear.
So they live in the case, not in each pack: the name is the case's
``case_info.complainant`` (the cover already prints it), the rest are keys of
the ``settings`` table (no schema change). They are never guessed from the
screenshots: only what the user typed is stored.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from casefile.store import CaseStore

# settings keys; the name is case_info.complainant
PHONE_KEY = "complainant.phone"
ID_NUMBER_KEY = "complainant.id_number"
ADDRESS_KEY = "complainant.address"


@dataclass(frozen=True, slots=True)
class Complainant:
    name: str = ""
    phone: str = ""
    id_number: str = ""
    address: str = ""

    def merged(self, other: Complainant) -> Complainant:
        """``other``'s non-empty fields over these (a value given for one pack fills in, never blanks out)."""
        return Complainant(*(o.strip() or s for s, o in zip(dataclasses.astuple(self), dataclasses.astuple(other), strict=True)))

    def to_mask(self) -> tuple[str, ...]:
        """What the redaction masks everywhere: the ID number and the home address (never the name: it
        signs the letter; never the phone: the recipient must be able to call back)."""
        return tuple(v for v in (self.id_number.strip(), self.address.strip()) if v)


def load_complainant(store: CaseStore) -> Complainant:
    return Complainant(
        name=store.case_info().complainant,
        phone=store.setting(PHONE_KEY) or "",
        id_number=store.setting(ID_NUMBER_KEY) or "",
        address=store.setting(ADDRESS_KEY) or "",
    )


def save_complainant(store: CaseStore, c: Complainant) -> bool:
    """Store ``c`` in one transaction; False when nothing changed (no write, no revision bump)."""
    c = Complainant(c.name.strip(), c.phone.strip(), c.id_number.strip(), c.address.strip())
    if c == load_complainant(store):
        return False
    with store.transaction():
        info = store.case_info()
        if info.complainant != c.name:
            store.set_case_info(dataclasses.replace(info, complainant=c.name))
        for key, value in ((PHONE_KEY, c.phone), (ID_NUMBER_KEY, c.id_number), (ADDRESS_KEY, c.address)):
            store.set_setting(key, value)
    return True
