"""The summary: the pattern at a glance — per-day chart, busiest days, who, what, when.

The charts are drawn with ReportLab graphics, not pasted as images, so they
stay sharp when printed and their numbers are real text. Days without contact
are drawn as empty slots: a gap is part of the pattern, and a chart that
skipped empty days would make sporadic contact look relentless.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.platypus import Flowable, Paragraph, Spacer

from export import styles as st
from export.data import is_night
from export.document import mark
from export.fonts import REGULAR
from export.sections import Context, grid
from export.sections.reach import reach_part
from export.text import para


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    total: int
    dark: int = 0  # the part drawn darker (night)


def nice_max(v: int) -> tuple[int, int]:
    """An axis maximum and step with round numbers (1, 2, 5 × 10ⁿ), at most ~5 gridlines."""
    if v <= 0:
        return 1, 1
    raw = v / 5
    mag = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    step = max(1, int(step))
    return int(math.ceil(v / step) * step), step


def bar_chart(bars: list[Bar], width: float, height: float, *, max_labels: int = 14) -> Drawing:
    d = Drawing(width, height, initialFontName=REGULAR)
    left, bottom, top_pad = 30.0, 18.0, 6.0
    plot_w, plot_h = width - left - 4, height - bottom - top_pad
    top, step = nice_max(max((b.total for b in bars), default=0))
    for v in range(0, top + 1, step):
        y = bottom + plot_h * v / top
        d.add(Line(left, y, left + plot_w, y, strokeColor=st.RULE, strokeWidth=0.3))
        d.add(String(left - 3, y - 2.5, str(v), fontName=REGULAR, fontSize=6.5, textAnchor="end", fillColor=st.MUTED))
    n = max(1, len(bars))
    slot = plot_w / n
    bar_w = max(0.6, slot * 0.72)
    every = max(1, math.ceil(n / max_labels))
    for i, b in enumerate(bars):
        x = left + i * slot + (slot - bar_w) / 2
        if b.total:
            h = plot_h * b.total / top
            d.add(Rect(x, bottom, bar_w, h, fillColor=st.ACCENT, strokeColor=None))
            if b.dark:
                d.add(Rect(x, bottom, bar_w, plot_h * b.dark / top, fillColor=st.NIGHT, strokeColor=None))
        if i % every == 0:
            d.add(
                String(x + bar_w / 2, bottom - 9, b.label, fontName=REGULAR, fontSize=6.5, textAnchor="middle", fillColor=st.INK)
            )
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=st.INK, strokeWidth=0.6))
    return d


MAX_DAY_BARS = 92  # about a quarter; longer spans are drawn per week so bars stay visible


def day_bars(ctx: Context) -> tuple[list[Bar], bool]:
    """Bars per calendar day (empty days included), or per week when the span is long."""
    per_day = ctx.data.counts.per_day
    if not per_day:
        return [], False
    night = ctx.data.night_per_day()
    first, last = min(per_day), max(per_day)
    weekly = (last - first).days + 1 > MAX_DAY_BARS
    if weekly:
        first -= timedelta(days=first.weekday())
    step = timedelta(days=7 if weekly else 1)
    out = []
    d: date = first
    while d <= last:
        days = [d + timedelta(days=k) for k in range(step.days)]
        total = sum(per_day[x].total for x in days if x in per_day)
        dark = sum(night.get(x, 0) for x in days)
        label = d.strftime("%y-%m-%d" if weekly else "%m-%d")
        out.append(Bar(label, total, dark))
        d += step
    return out, weekly


def summary(ctx: Context) -> list[Flowable]:
    data, c = ctx.data, ctx.data.counts
    out: list[Flowable] = [mark(Paragraph(para(ctx.L("sec_summary")), ctx.styles.h1), "summary", ctx.L("sec_summary"), 0)]
    if not data.entries:
        return [*out, Paragraph(para(ctx.L("no_messages")), ctx.styles.body)]
    night_total = sum(data.night_per_day().values())
    busiest = c.busiest_day
    out.append(
        Paragraph(
            para(
                ctx.L(
                    "summary_line",
                    n=c.received,
                    msgs=c.messages,
                    calls=c.calls,
                    days=c.days_with_contact,
                    night=night_total,
                    window=data.night_text,
                    max=busiest.count if busiest else 0,
                    maxday=busiest.day.isoformat() if busiest else "—",
                )
            ),
            ctx.styles.body,
        )
    )
    if c.undated.total:
        out.append(Paragraph(para(ctx.L("summary_undated", undated=c.undated.total)), ctx.styles.note))
    if data.timeline.merged_count:
        out.append(Paragraph(para(ctx.L("n_merged", n=data.timeline.merged_count)), ctx.styles.note))
    out += reach_part(ctx)  # contacts reached and mass texts, when other people's phones are in the case

    bars, weekly = day_bars(ctx)
    if bars:
        out.append(Paragraph(para(ctx.L("per_week" if weekly else "per_day")), ctx.styles.h2))
        out.append(bar_chart(bars, st.FRAME_W, 170))
        out.append(Paragraph(para(ctx.L("per_day_night", night=data.night_text)), ctx.styles.note))

    # an hour is dark when it starts inside the rules' night window (22:00–08:00: hours 22 to 7)
    hours = [Bar(f"{h}", t.total, t.total if is_night(datetime(2000, 1, 1, h)) else 0) for h, t in enumerate(c.by_hour)]
    out.append(Paragraph(para(ctx.L("by_hour")), ctx.styles.h2))
    out.append(bar_chart(hours, st.FRAME_W, 120, max_labels=24))

    # Busiest days
    night = data.night_per_day()
    top_days = sorted(c.per_day.items(), key=lambda kv: (-kv[1].total, kv[0]))[:10]
    rows = [[ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_day", "col_count", "col_calls", "col_night")]]
    for d, t in top_days:
        rows.append(
            [ctx.P(f"{d.isoformat()} {para(ctx.weekday(d))}"), ctx.P(str(t.total)), ctx.P(str(t.calls)), ctx.P(str(night.get(d, 0)))]
        )
    out.append(Paragraph(para(ctx.L("busiest_days")), ctx.styles.h2))
    w = st.FRAME_W
    out.append(grid(rows, [w * 0.4, w * 0.2, w * 0.2, w * 0.2]))

    # Per sender (party)
    rows = [[ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_sender", "col_count", "col_messages", "col_calls")]]
    for party, t in c.per_party.items():
        rows.append([ctx.T(ctx.sender(party)), ctx.P(str(t.total)), ctx.P(str(t.messages)), ctx.P(str(t.calls))])
    out.append(Paragraph(para(ctx.L("per_sender")), ctx.styles.h2))
    out.append(grid(rows, [w * 0.4, w * 0.2, w * 0.2, w * 0.2]))

    # Per tag
    out.append(Paragraph(para(ctx.L("per_tag")), ctx.styles.h2))
    tags = data.tag_counts()
    if tags:
        rows = [[ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_tag", "col_count", "col_citations")]]
        for tag, n in tags:
            cited = "<br/>".join(para(c.short) for c in data.tag_citations.get(tag, ()))
            rows.append([ctx.T(ctx.tag(tag)), ctx.P(str(n)), ctx.P(cited or para(ctx.L("no_citation")), "cell_small")])
        out.append(grid(rows, [w * 0.18, w * 0.1, w * 0.72]))
    else:
        out.append(Paragraph(para(ctx.L("no_tags")), ctx.styles.note))
    if data.unconfirmed_entries:
        out.append(Paragraph(para(ctx.L("tags_confirmed_note", suggested=data.unconfirmed_entries)), ctx.styles.note))
    out.append(Spacer(1, 6))
    return out
