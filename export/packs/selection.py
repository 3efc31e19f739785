"""Choosing the evidence: which screenshots and messages go into a pack, and what was left out.

A pack is never "everything": family chatter on an inbox screenshot stays out
unless chosen. The choice is plain data saved with the pack (``to_dict``), and
applying it narrows the dossier's snapshot (``export.data.collect``) without
copying any of it. A chosen screenshot is always shown whole; an unchosen
message on it stays visible on the image but is neither transcribed nor
counted. ``LeftOut`` is what the pack states about the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from casefile.model import Message, Screenshot, TagState
from casefile.parties import PartyIndex, normalise_sender
from casefile.phones import describe_phones
from casefile.store import CaseStore
from casefile.timeline import TimelineEntry
from export.data import DossierData, collect


@dataclass(frozen=True, slots=True)
class Selection:
    """Filters that all must hold (an empty filter keeps everything).

    ``screenshot_ids`` / ``message_ids``: chosen one by one (None: not narrowed).
    ``parties``: party names or raw senders. ``tags``: confirmed tags, any of them.
    ``date_from`` / ``date_to``: inclusive days; a message with no known day is
    kept only when no date range is set (it cannot be shown to fall inside one).
    ``phones``: receiving phones (``casefile.phones``): a relative complaining in
    their own name sends what reached their phone.
    """

    screenshot_ids: frozenset[int] | None = None
    message_ids: frozenset[int] | None = None
    parties: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    note: str = ""  # the user's own reason, printed with what was left out
    max_screenshots: int | None = None  # the "fewer exhibits" fix: the first N chosen, stated as left out
    phones: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[TimelineEntry]) -> Selection:
        """"Export what I see": the messages of the timeline's visible entries."""
        ids = frozenset(m for e in entries for m in e.message_ids)
        return cls(message_ids=ids)

    @property
    def narrows_messages(self) -> bool:
        return bool(
            self.message_ids is not None
            or self.parties
            or self.tags
            or self.date_from
            or self.date_to
            or self.phones
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("screenshot_ids", "message_ids", "parties", "tags", "phones"):
            d[k] = None if d[k] is None else sorted(d[k])
        for k in ("date_from", "date_to"):
            d[k] = d[k].isoformat() if d[k] else None
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Selection:
        def ids(key: str) -> frozenset[int] | None:
            v = d.get(key)
            return None if v is None else frozenset(int(x) for x in v)

        def day(key: str) -> date | None:
            v = d.get(key)
            return date.fromisoformat(v) if v else None

        return cls(
            screenshot_ids=ids("screenshot_ids"),
            message_ids=ids("message_ids"),
            parties=frozenset(d.get("parties") or ()),
            tags=frozenset(d.get("tags") or ()),
            date_from=day("date_from"),
            date_to=day("date_to"),
            note=str(d.get("note") or ""),
            max_screenshots=d.get("max_screenshots"),
            phones=frozenset(d.get("phones") or ()),
        )


@dataclass(frozen=True, slots=True)
class LeftOut:
    """What the pack did not include, and why, in figures taken from the case."""

    screenshots: int
    messages: int  # messages on the case's screenshots (not excluded in review) that are not transcribed
    messages_on_shown: int  # of those, on screenshots that are shown (visible, not transcribed)
    reasons: tuple[str, ...] = field(default=())

    def statement(self) -> str:
        if not self.screenshots and not self.messages:
            return "本材料包含案件中的全部截图与消息。"
        parts = []
        if self.screenshots:
            parts.append(f"{self.screenshots} 张截图未选入本材料")
        if self.messages:
            shown = f"（其中 {self.messages_on_shown} 条出现在已附截图上，图片完整保留，但未转录、未计数）" if self.messages_on_shown else ""
            parts.append(f"{self.messages} 条与本次投诉无关的消息未收录{shown}")
        why = f"选择依据：{'；'.join(self.reasons)}。" if self.reasons else ""
        return "；".join(parts) + "。" + why + "原始截图完整保存在案件中，可供核对。"


def select(store: CaseStore, sel: Selection) -> tuple[DossierData, LeftOut]:
    """The case narrowed to ``sel``, and what was left out; call on the store's thread."""
    index = PartyIndex.build(store.parties())
    confirmed: dict[int, set[str]] = {}
    for t in store.tags():
        if t.state == TagState.CONFIRMED:
            confirmed.setdefault(t.message_id, set()).add(t.tag)
    wanted_parties = {normalise_sender(p) or p for p in sel.parties} | set(sel.parties)
    all_shots = store.screenshots()
    phone_of = {s.id: s.phone for s in all_shots}

    def keep_message(m: Message) -> bool:
        if sel.message_ids is not None and m.id not in sel.message_ids:
            return False
        if sel.phones and phone_of.get(m.screenshot_id) not in sel.phones:
            return False
        if sel.parties:
            sender = normalise_sender(m.sender)
            party, _ = index.party_of(sender)
            if sender not in wanted_parties and party not in wanted_parties:
                return False
        if sel.tags and not (confirmed.get(m.id, set()) & sel.tags):
            return False
        if sel.date_from or sel.date_to:
            day = m.time.date() if m.time else m.date
            if day is None:
                return False
            if (sel.date_from and day < sel.date_from) or (sel.date_to and day > sel.date_to):
                return False
        return True

    live = list(store.messages(include_excluded=False))
    kept_ids = {m.id for m in live if keep_message(m)}
    with_kept = {m.screenshot_id for m in live if m.id in kept_ids}

    def wanted(s: Screenshot) -> bool:
        if sel.phones and s.phone not in sel.phones:
            return False
        if sel.screenshot_ids is not None:
            return s.id in sel.screenshot_ids
        return not sel.narrows_messages or s.id in with_kept

    first = set([s.id for s in all_shots if wanted(s)][: sel.max_screenshots])

    def keep_shot(s: Screenshot) -> bool:
        return s.id in first

    data = collect(store, keep_shot=keep_shot, keep_message=keep_message)
    shown = {x.shot.id for x in data.exhibits}
    dropped = [m for m in live if m.id not in kept_ids or m.screenshot_id not in shown]
    left = LeftOut(
        screenshots=len(all_shots) - len(shown),
        messages=len(dropped),
        messages_on_shown=sum(1 for m in dropped if m.screenshot_id in shown),
        reasons=_reasons(sel),
    )
    return data, left


def _reasons(sel: Selection) -> tuple[str, ...]:
    out = []
    if sel.screenshot_ids is not None:
        out.append(f"逐张选定的 {len(sel.screenshot_ids)} 张截图")
    if sel.message_ids is not None:
        out.append(f"逐条选定的 {len(sel.message_ids)} 条消息")
    if sel.parties:
        out.append("相关方：" + "、".join(sorted(sel.parties)))
    if sel.tags:
        out.append("标签：" + "、".join(sorted(sel.tags)))
    if sel.phones:
        out.append("接收手机：" + "、".join(describe_phones(sel.phones)))
    if sel.date_from or sel.date_to:
        a = sel.date_from.isoformat() if sel.date_from else "…"
        b = sel.date_to.isoformat() if sel.date_to else "…"
        out.append(f"日期 {a} 至 {b}")
    if sel.note:
        out.append(sel.note)
    if sel.max_screenshots is not None:
        out.append(f"为满足文件大小限制，仅附所选的前 {sel.max_screenshots} 张截图")
    return tuple(out)
