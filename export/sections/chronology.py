"""The chronology: every entry of the timeline in time order, grouped by day.

One row per timeline entry (a message seen on three overlapping screenshots
is one row citing all three exhibits). An entry whose screenshot shows its
day but not its minute (an inbox row with 昨天) is listed on that day, after
the day's timed entries, marked "time not shown"; entries showing neither are
listed last under "time unknown": the dossier never claims a date or a minute
the evidence does not show.

The table is cut into chunks at day boundaries because ReportLab re-measures
the remainder of a table on every page it splits; one 5,000-row table would
make the layout quadratic.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from casefile.campaigns import Campaign, campaign_of_entry
from casefile.model import LABEL_SEP
from casefile.timeline import TimelineEntry
from export import styles as st
from export.data import is_night
from export.document import mark
from export.fonts import BOLD, REGULAR
from export.phone_words import entry_phone_note, sender_shown, shows_phones
from export.sections import Context, grid
from export.text import para
from ocr.model import ME, Kind

CHUNK_ROWS = 120
_MARK_HEX = "#2f5d8a"  # styles.ACCENT: whose phone and the mass-text mark, in the headings' colour
# Plain-string cells: time in the body size, the narrow columns smaller.
_SMALL = [
    ("FONTSIZE", (0, 1), (-1, -1), 7.5),
    ("LEADING", (0, 1), (-1, -1), 10.5),
    ("FONTSIZE", (0, 1), (0, -1), 8.5),
]


def _groups(entries: tuple[TimelineEntry, ...]) -> Iterator[tuple[date | None, list[TimelineEntry]]]:
    dated: dict[date, list[TimelineEntry]] = {}
    undated: list[TimelineEntry] = []
    for e in entries:
        day = e.day
        if day is None:
            undated.append(e)
        else:
            dated.setdefault(day, []).append(e)
    for d in sorted(dated):
        yield d, dated[d]
    if undated:
        yield None, undated


def chronology(ctx: Context) -> list[Flowable]:
    return [f for part in chronology_parts(ctx) for f in part]


def chronology_parts(ctx: Context) -> Iterator[list[Flowable]]:
    """The section in pieces (its heading, then one table of at most CHUNK_ROWS rows at a time),
    so that a year of messages is laid out while it is made, never held whole in memory."""
    yield [mark(Paragraph(para(ctx.L("sec_chronology")), ctx.styles.h1), "chronology", ctx.L("sec_chronology"), 0)]
    if not ctx.data.entries:
        yield [Paragraph(para(ctx.L("no_messages")), ctx.styles.body)]
        return
    widths = [34.0, 80.0, 44.0, 0.0, 62.0, 44.0]
    widths[3] = st.FRAME_W - sum(widths)
    head = [ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_time", "col_sender", "col_kind", "col_text", "col_tags", "col_exhibit")]
    rows: list[list[object]] = [head]
    extra: list[tuple[object, ...]] = []
    # whose phone, and which mass text, only when the case holds other people's phones
    marks = _Marks(shows_phones(ctx.data.phones), campaign_of_entry(ctx.data.campaigns))

    def table() -> list[Flowable]:
        nonlocal rows, extra
        out = [grid(rows, widths, extra=[*_SMALL, *extra])] if len(rows) > 1 else []
        rows, extra = [head], []
        return out

    for day, group in _groups(ctx.data.entries):
        if len(rows) > 1 and len(rows) + len(group) > CHUNK_ROWS:
            yield table()
        banner = (
            ctx.L("day_heading", day=day.isoformat(), weekday=ctx.weekday(day), n=len(group))
            if day is not None
            else ctx.L("day_heading", day=ctx.L("unknown_time"), weekday="", n=len(group))
        )
        r = len(rows)
        rows.append([Paragraph(para(banner), ctx.styles.day), "", "", "", "", ""])
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), st.DAY_BG)]
        for e in group:
            if len(rows) >= CHUNK_ROWS:
                yield table()
            if e.time is not None and is_night(e.time):
                extra += [("TEXTCOLOR", (0, len(rows)), (0, len(rows)), st.NIGHT), ("FONTNAME", (0, len(rows)), (0, len(rows)), BOLD)]
            rows.append(_row(ctx, e, widths, marks))
    yield table()


def _fits(text: str, width: float, size: float) -> bool:
    return "\n" not in text and stringWidth(text, REGULAR, size) <= width - 6


def _cell(ctx: Context, text: str, width: float, style: str = "cell_small") -> object:
    """A plain string when it fits on one line, else a wrapping Paragraph.

    Plain strings cost nothing to lay out; a Paragraph is measured again on
    every page split and at drawing. Most cells (times, kinds, exhibit
    numbers) are short, and with thousands of rows this decides whether a
    dossier takes seconds or minutes.
    """
    size = getattr(ctx.styles, style).fontSize
    if _fits(text, width, size):
        return text
    return ctx.P(para(text), style)


class _Marks:
    """What a row says beyond the entry when the case holds several phones."""

    __slots__ = ("campaigns", "phones")

    def __init__(self, phones: bool, campaigns: dict[int, Campaign]) -> None:
        self.phones, self.campaigns = phones, campaigns


def _row(ctx: Context, e: TimelineEntry, widths: list[float], marks: _Marks) -> list[object]:
    if e.time is not None:
        time_cell: object = e.time.strftime("%H:%M")
    elif e.day is not None:
        time_cell = ctx.P(para(ctx.L("time_not_shown")), "cell_small")
    else:
        time_cell = "—"
    who = sender_shown(ctx.labels, e.sender, e.phone)
    lines = [para(who)]
    if e.party_defined and e.party and e.party != e.sender:
        lines.append(f'<font color="#666666">{para(e.party)}</font>')
    if marks.phones and e.sender != ME:  # an owner's own message already names the phone as sender
        lines.append(f'<font color="{_MARK_HEX}">{para(entry_phone_note(ctx.labels, e))}</font>')
    sender_cell: object = ctx.P("<br/>".join(lines), "cell_small") if len(lines) > 1 else _cell(ctx, who, widths[1])
    text = e.text
    if not text:
        text = "—" if e.kind == Kind.CALL else ctx.L("no_text_message")
    campaign = marks.campaigns.get(e.index)
    text_cell = ctx.T(text)
    if campaign is not None:
        mark_text = ctx.L("campaign_mark", n=campaign.number)
        text_cell = ctx.P(f'<font color="{_MARK_HEX}"><b>{para(mark_text)}</b></font>{para(text)}')
    if e.labels:  # what the phone showed beside the party (骚扰电话, 浙江杭州 移动), quoted as read
        shown = ctx.L("labels_line", labels=LABEL_SEP.join(e.labels))
        body = text_cell.text if isinstance(text_cell, Paragraph) else para(text)
        text_cell = ctx.P(f'{body}<br/><font color="#666666">{para(shown)}</font>')
    return [
        time_cell,
        sender_cell,
        f"{ctx.kind(e.kind)}·{ctx.direction(e.direction)}",
        text_cell,
        _cell(ctx, ctx.tags(ctx.data.confirmed(e)), widths[4]),
        _cell(ctx, ", ".join(ctx.data.entry_refs(e)), widths[5]),
    ]
