"""What ``screenproof timeline`` adds when a case holds other people's phones (issue 14).

A column naming the receiving phone (发给母亲; on the mother's phone her own
messages are 母亲发出), the mass-text mark (〔群发N〕), and after the summary
the contacts reached. A case of the user's own screenshots prints what it
always did: ``PhoneView.shown`` is false there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from casefile.campaigns import Campaign, campaign_of_entry, find_campaigns
from casefile.counts import count_entries
from casefile.entries import TimelineEntry
from casefile.phones import is_own
from casefile.reach import contacts_reached
from casefile.timeline import Timeline
from export.labels import labels
from export.phone_words import entry_phone_note, sender_shown, shows_phones
from ocr.model import ME

PHONE_CSV_HEADER = ("接收手机", "收发", "群发")
_ZH = labels("zh")


@dataclass(frozen=True)
class PhoneView:
    """The case's phones and mass texts, as the command's output names them."""

    shown: bool
    campaigns: tuple[Campaign, ...] = ()
    by_entry: dict[int, Campaign] = field(default_factory=dict)

    @classmethod
    def of(cls, timeline: Timeline, case_phones: Sequence[str]) -> PhoneView:
        if not shows_phones(case_phones):
            return cls(False)
        campaigns = find_campaigns(timeline.entries)
        return cls(True, campaigns, campaign_of_entry(campaigns))

    def note(self, e: TimelineEntry) -> str:
        """``发给母亲`` / ``母亲发出``."""
        return entry_phone_note(_ZH, e)

    def mark(self, e: TimelineEntry) -> str:
        c = self.by_entry.get(e.index)
        return _ZH["campaign_mark"].format(n=c.number) if c is not None else ""

    def sender(self, e: TimelineEntry) -> str:
        """The sender column: the phone's owner for what they sent (``me`` stays ``me`` on the user's phone)."""
        return e.phone if e.sender == ME and not is_own(e.phone) else e.sender

    def csv_cells(self, e: TimelineEntry) -> list[str]:
        c = self.by_entry.get(e.index)
        return [e.phone, self.note(e), _ZH["campaign_no"].format(n=c.number) if c is not None else ""]


def format_filtered_summary(entries: Sequence[TimelineEntry], phones: Sequence[str]) -> str:
    """The counts of what the chosen phones received (the whole case's are in the plain summary)."""
    c = count_entries(entries)
    lines = [
        "",
        f"{'、'.join(phones)}的手机：共 {len(entries)} 条；收到短信/聊天 {c.messages} 条，来电 {c.calls} 次（含未接），"
        f"机主发出 {c.outgoing} 条",
    ]
    if c.first_day and c.last_day:
        lines.append(f"自 {c.first_day.isoformat()} 至 {c.last_day.isoformat()}，{c.days_with_contact} 天有联系")
    return "\n".join(lines) + "\n"


def format_reach(timeline: Timeline, view: PhoneView) -> str:
    """The contacts reached and the mass texts, when the case holds other people's phones."""
    if not view.shown:
        return ""
    reach = contacts_reached(timeline.entries, view.campaigns)
    if not reach.count:
        return "\n" + _ZH["reach_none"] + "\n"
    lines = [
        "",
        _ZH["reach_line"].format(
            n=reach.count,
            names="、".join(reach.names),
            first=reach.first_day.isoformat() if reach.first_day else "?",
            last=reach.last_day.isoformat() if reach.last_day else "?",
            items=reach.items,
            campaigns=len(reach.campaigns),
        ),
    ]
    for p in reach.people:
        span = f"{p.first_day.isoformat()} 至 {p.last_day.isoformat()}" if p.first_day and p.last_day else "日期未知"
        lines.append(f"  {p.phone}：{p.items} 条（次）（短信/聊天 {p.messages}，来电 {p.calls}），{p.days} 天，{span}")
    for c in reach.campaigns:
        who = "、".join(
            f"{phone} {'/'.join(e.time.strftime('%H:%M') for e in c.received_on(phone) if e.time) or '?'}" for phone in c.phones
        )
        sender = "、".join(sender_shown(_ZH, s, "") for s in c.senders)
        lines.append(f"  {_ZH['campaign_no'].format(n=c.number)} {c.day.isoformat()} {sender} → {who}：{' '.join(c.text.split())}")
    return "\n".join(lines) + "\n"
