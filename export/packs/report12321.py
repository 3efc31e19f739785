"""The 12321 report: per reported number, everything the web form asks for, ready to copy.

12321 wants the number in full, each SMS copied verbatim with its time, each
call's time and duration, and screenshots showing them (CHANNELS.md §1.2, S3).
The form is filled by hand, so the pack gives one text block per item; the
screenshots go as image files (the originals' bytes, unredacted: 12321 needs
the collectors' numbers in full).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from casefile.parties import is_number, normalise_sender
from casefile.timeline import TimelineEntry
from export.data import DossierData, Exhibit
from ocr.model import Direction, Kind

VERBATIM_NOTE = "以下短信文字由软件从截图识别，提交前请与截图逐字核对（12321 要求“不得修改原文”）。"


@dataclass(frozen=True, slots=True)
class Item:
    number: str
    kind: Kind
    direction: Direction
    time: str
    text: str
    duration_s: int | None
    exhibits: tuple[int, ...]

    def block(self) -> str:
        """What to paste into the form for this one item."""
        if self.kind == Kind.CALL:
            dur = "未接通" if self.direction == Direction.MISSED else (
                f"{self.duration_s} 秒" if self.duration_s is not None else "截图未显示"
            )
            lines = [f"被举报号码：{self.number}", "类型：骚扰电话", f"来电时间：{self.time}", f"通话时长：{dur}"]
        else:
            lines = [f"被举报号码：{self.number}", "类型：垃圾短信", f"接收时间：{self.time}", f"短信内容：{self.text}"]
        lines.append("截图：" + "、".join(f"证据{n}" for n in self.exhibits))
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class NumberReport:
    number: str
    items: tuple[Item, ...]
    exhibits: tuple[Exhibit, ...]

    def text(self) -> str:
        sms = sum(1 for i in self.items if i.kind != Kind.CALL)
        calls = len(self.items) - sms
        head = [f"12321 举报 — 号码 {self.number}", f"短信 {sms} 条，来电 {calls} 次。", VERBATIM_NOTE, ""]
        body = [f"—— 第 {k} 项 ——\n{it.block()}\n" for k, it in enumerate(self.items, 1)]
        return "\n".join(head + body)


def reports(data: DossierData) -> list[NumberReport]:
    """One report per phone number that sent SMS or called, in order of first contact."""
    by_number: dict[str, list[TimelineEntry]] = defaultdict(list)
    for e in data.entries:
        number = normalise_sender(e.sender)
        if e.received and number and is_number(number) and e.kind in (Kind.SMS, Kind.CALL):
            by_number[number].append(e)
    out = []
    for number, entries in by_number.items():
        items = []
        shots: list[int] = []
        for e in entries:
            nums = tuple(sorted({x.number for sid in e.screenshot_ids if (x := data.exhibit_of_shot(sid))}))
            shots += [n for n in nums if n not in shots]
            when = e.time.strftime("%Y-%m-%d %H:%M") if e.time else (e.date.isoformat() if e.date else "截图未显示")
            items.append(Item(number, e.kind, e.direction, when, e.text, e.duration_s, nums))
        exhibits = tuple(x for x in data.exhibits if x.number in shots)
        out.append(NumberReport(number, tuple(items), exhibits))
    return out
