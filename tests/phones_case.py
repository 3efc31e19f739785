"""A case with three phones (本人, 母亲, 同事张某) for the 爆通讯录 tests (issue 14).

Rendered screenshots in one folder per person, imported with the folders
naming the phones (as a user drops ``证据/母亲/…``), and hand-made
extractions: one mass text reaches all three phones on 2025-03-10 (the
colleague's copy with his name put in), the mother also gets a missed call
and replies, the colleague gets a second text two days later, and the mother
gets the mass text again a week later (on her phone only: not a campaign).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from casefile.phones import OWN_PHONE
from casefile.store import CaseStore
from casefile.workflows import PhoneChoice, import_files
from ocr.model import ME, Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.images import phone_png

MASS = "【安心花】您的亲属周杰在我司借款已严重逾期，请转告其立即还款，否则将上门走访。"
MASS_NAMED = "【安心花】张某您好，您的亲属周杰在我司借款已严重逾期，请转告其立即还款，否则将上门走访。"
OTHER = "【安心花】周杰您好，您本期账单已逾期15天，今日18点前不处理将移交法务部门。"
MOTHER_REPLY = "你们是谁？不要再打了"
OWN_REPLY = "我会尽快还款，请不要联系我家人"
A, B = "10690001", "10690002"
MOTHER, COLLEAGUE = "母亲", "同事张某"


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute)


def _in(sender: str, t: datetime, text: str) -> ExtractedMessage:
    return ExtractedMessage(Kind.SMS, Direction.INCOMING, sender, t, text, time_source=TimeSource.SEPARATOR, confidence=0.95)


def _out(t: datetime, text: str) -> ExtractedMessage:
    return ExtractedMessage(Kind.SMS, Direction.OUTGOING, ME, t, text, time_source=TimeSource.SEPARATOR, confidence=0.95)


# file → (phone folder, thread title, messages)
SHOTS: dict[str, tuple[str, str, list[ExtractedMessage]]] = {
    "own1.png": (OWN_PHONE, A, [_in(A, _at(10, 9, 0), MASS), _in(A, _at(10, 9, 5), OTHER), _out(_at(10, 9, 30), OWN_REPLY)]),
    "mother1.png": (
        MOTHER,
        B,
        [
            _in(B, _at(10, 9, 1), MASS),
            ExtractedMessage(Kind.CALL, Direction.MISSED, B, _at(11, 20, 0), "", time_source=TimeSource.SEPARATOR),
            _out(_at(11, 20, 5), MOTHER_REPLY),
        ],
    ),
    "colleague1.png": (COLLEAGUE, A, [_in(A, _at(10, 9, 2), MASS_NAMED), _in(A, _at(12, 8, 0), OTHER)]),
    "mother2.png": (MOTHER, A, [_in(A, _at(17, 9, 0), MASS)]),
}


def render_folders(root: Path) -> Path:
    """The screenshots in one sub-folder per person, the user's own in ``我的/``."""
    for n, (name, (phone, _title, _msgs)) in enumerate(SHOTS.items(), 1):
        folder = "我的" if phone == OWN_PHONE else phone
        phone_png(root / folder / name, text=name, seed=n)
    return root


def add_readings(store: CaseStore) -> None:
    """Save each screenshot's hand-made extraction, and group the two numbers as one party."""
    for s in store.screenshots():
        _phone, title, msgs = SHOTS[s.original_name]
        ex = Extraction(s.original_name, Layout.SMS_THREAD, None, title, list(msgs))
        ex.engine, ex.engine_version = "hand-made", "test"
        store.save_extraction(s.id, ex)
    store.set_party("安心花", [A, B])


def make_three_phone_case(folder: Path, images: Path) -> CaseStore:
    """Import the rendered folders (folders name the phones) and add the readings; the caller closes the store."""
    store = CaseStore.open(folder)
    for _ in import_files(store, [render_folders(images)], phone=PhoneChoice(from_folders=True)):
        pass
    add_readings(store)
    return store
