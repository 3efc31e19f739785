"""The chronology: every entry of the timeline in time order, grouped by day.

One row per timeline entry (a message seen on three overlapping screenshots
is one row citing all three exhibits). Entries whose minute no screenshot
shows are listed last under "time unknown", not slotted into a day: the
dossier never claims a date the evidence does not show.

The table is cut into chunks at day boundaries because ReportLab re-measures
the remainder of a table on every page it splits; one 5,000-row table would
make the layout quadratic.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from casefile.timeline import TimelineEntry
from export import styles as st
from export.data import is_night
from export.document import mark
from export.sections import Context, grid
from export.text import para
from ocr.model import Kind

CHUNK_ROWS = 120


def _groups(entries: tuple[TimelineEntry, ...]) -> Iterator[tuple[date | None, list[TimelineEntry]]]:
    dated: dict[date, list[TimelineEntry]] = {}
    undated: list[TimelineEntry] = []
    for e in entries:
        if e.time is None:
            undated.append(e)
        else:
            dated.setdefault(e.time.date(), []).append(e)
    for d in sorted(dated):
        yield d, dated[d]
    if undated:
        yield None, undated


def chronology(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [
        mark(Paragraph(para(ctx.L("sec_chronology")), ctx.styles.h1), "chronology", ctx.L("sec_chronology"), 0)
    ]
    if not ctx.data.entries:
        return [*out, Paragraph(para(ctx.L("no_messages")), ctx.styles.body)]
    widths = [34.0, 80.0, 44.0, 0.0, 62.0, 44.0]
    widths[3] = st.FRAME_W - sum(widths)
    head = [ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_time", "col_sender", "col_kind", "col_text", "col_tags", "col_exhibit")]
    rows: list[list[object]] = [head]
    extra: list[tuple[object, ...]] = []

    def flush() -> None:
        nonlocal rows, extra
        if len(rows) > 1:
            out.append(grid(rows, widths, extra=extra))
        rows, extra = [head], []

    for day, group in _groups(ctx.data.entries):
        if len(rows) > 1 and len(rows) + len(group) > CHUNK_ROWS:
            flush()
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
                flush()
            rows.append(_row(ctx, e))
    flush()
    return out


def _row(ctx: Context, e: TimelineEntry) -> list[object]:
    if e.time is not None:
        t = e.time.strftime("%H:%M")
        time_cell = ctx.P(f'<font color="{st.NIGHT_HEX}"><b>{t}</b></font>' if is_night(e.time) else t)
    else:
        time_cell = ctx.P("—")
    who = para(ctx.sender(e.sender))
    if e.party_defined and e.party and e.party != e.sender:
        who += f'<br/><font color="#666666">{para(e.party)}</font>'
    text = e.text
    if e.kind == Kind.CALL and not text:
        text = "—"
    return [
        time_cell,
        ctx.P(who, "cell_small"),
        ctx.P(f"{para(ctx.kind(e.kind))}·{para(ctx.direction(e.direction))}", "cell_small"),
        ctx.T(text),
        ctx.P(para(ctx.tags(sorted(e.tags))), "cell_small"),
        ctx.P(para(", ".join(ctx.data.entry_refs(e))), "cell_small"),
    ]
