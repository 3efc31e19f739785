"""证据目录 (the index of exhibits as Chinese courts expect it) and the 制作说明.

A court's 证据目录 has five columns: 序号, 证据名称, 证据来源, 证明目的, 页码.
The purpose is the user's own words when they wrote one; otherwise it is
suggested from what the exhibit holds (who, when, how, and its tags) in the
plain, factual style of such lists, so the user starts from something usable
and edits it in the app rather than in the PDF.
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Paragraph, Spacer

from casefile.model import TimePrecision
from export import styles as st
from export.data import Exhibit
from export.document import PageRef, mark
from export.options import Section
from export.sections import Context, grid
from export.text import para
from ocr.model import Kind, TimeSource


def exhibit_name(ctx: Context, ex: Exhibit) -> str:
    shot = ex.shot
    layout = ctx.L(f"layout_{shot.layout.value}" if shot.layout else "layout_none")
    who = shot.thread_title or _who(ctx, ex)
    when = _when(ctx, ex)
    if who:
        return ctx.L("name_value", layout=layout, who=who, when=when)
    return ctx.L("name_value_nowho", layout=layout, when=when)


def suggest_purpose(ctx: Context, ex: Exhibit) -> str:
    """A factual 证明目的 from the exhibit's content; the user's own text wins when set."""
    if ex.shot.purpose.strip():
        return ex.shot.purpose.strip()
    by_id = ctx.data.timeline.by_message_id
    received = [m for m in ex.messages if (e := by_id.get(m.id)) is not None and e.received]
    if not received:
        return ctx.L("purpose_empty")
    who = _who(ctx, ex) or ctx.L("unknown")
    when = _when(ctx, ex)
    calls = [m for m in received if m.kind == Kind.CALL]
    sep = ctx.L("list_sep")
    if len(calls) == len(received):
        text = ctx.L("purpose_calls", who=who, when=when, n=len(calls))
    else:
        kinds = sep.join(dict.fromkeys(ctx.kind(m.kind) for m in received if m.kind != Kind.CALL))
        text = ctx.L("purpose_value", who=who, when=when, kinds=kinds, n=len(received) - len(calls))
    tags: list[str] = []
    for m in ex.messages:
        tags.extend(t for t in ex.tags.get(m.id, ()) if t not in tags)
    if tags:
        text += ctx.L("purpose_tags", tags=ctx.tags(tags))
    return text


def _who(ctx: Context, ex: Exhibit) -> str:
    by_id = ctx.data.timeline.by_message_id
    names: list[str] = []
    for m in ex.messages:
        e = by_id.get(m.id)
        if e is not None and e.received:
            name = e.party or e.sender
            if name and name not in names:
                names.append(name)
    if len(names) > 2:
        return ctx.L("list_sep").join(names[:2]) + ("等" if ctx.options.lang == "zh" else " et al.")
    return ctx.L("list_sep").join(names)


def _when(ctx: Context, ex: Exhibit) -> str:
    days = sorted({d for m in ex.messages if (d := m.day) is not None})
    if not days and ex.shot.captured_at is not None:
        days = [ex.shot.captured_at.date()]
    if not days:
        return ctx.L("unknown")
    if days[0] == days[-1]:
        return days[0].isoformat()
    return ctx.L("period_value", a=days[0].isoformat(), b=days[-1].isoformat())


def index(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [mark(Paragraph(para(ctx.L("sec_index")), ctx.styles.h1), "index", ctx.L("sec_index"), 0)]
    with_pages = ctx.options.has(Section.EXHIBITS)
    widths = [30.0, 135.0, 120.0, 0.0, 46.0]
    widths[3] = st.FRAME_W - sum(widths)
    rows = [[ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_no", "col_name", "col_source", "col_purpose", "col_pages")]]
    for ex in ctx.data.exhibits:
        rows.append(
            [
                ctx.P(str(ex.number)),
                ctx.P(f"<b>{para(ctx.L('exhibit', n=ex.number))}</b><br/>{para(exhibit_name(ctx, ex))}"),
                ctx.T(ctx.L("source_value", name=ex.shot.original_name)),
                ctx.T(suggest_purpose(ctx, ex)),
                PageRef(f"ex{ex.number}", widths[4] - 6) if with_pages else "—",
            ]
        )
    out.append(grid(rows, widths, zebra=True))
    out.append(Spacer(1, 14))
    out.append(mark(Paragraph(para(ctx.L("sec_method")), ctx.styles.h2), "method", ctx.L("sec_method"), 1))
    items = [*_method_items(ctx), _method_dates(ctx), _method_capture(ctx)]
    if masked := [ex for ex in ctx.data.exhibits if ex.derived is not None]:  # a redacted export says so
        items.append(ctx.L("method_redacted", shots=len(masked), n=sum(ex.masked_areas for ex in masked)))
    for i, item in enumerate(items, 1):
        out.append(Paragraph(f"{i}. {para(item)}", ctx.styles.body))
    return out


def _method_items(ctx: Context) -> list[str]:
    """The fixed items; a redacted copy has no bundle, so items 1 and 6 say where the originals are instead."""
    items = ctx.L("method_items", **ctx.data.statement_values()).split("\n")
    if ctx.data.redacted:
        items[0] = ctx.L("method_redacted_originals")
        items[-1] = ctx.L("method_redacted_check")
    return items


def _method_dates(ctx: Context) -> str:
    """How many entries show the minute, only the day, or neither: the chronology's gaps, stated."""
    got = Counter(e.precision for e in ctx.data.entries)
    return ctx.L(
        "method_dates",
        n=len(ctx.data.entries),
        minute=got[TimePrecision.MINUTE],
        day=got[TimePrecision.DAY],
        none=got[TimePrecision.UNKNOWN],
    )


def _method_capture(ctx: Context) -> str:
    got = Counter(ex.shot.captured_at_source if ex.shot.captured_at else None for ex in ctx.data.exhibits)
    return ctx.L(
        "method_capture",
        file=got[TimeSource.FILE_NAME],
        exif=got[TimeSource.EXIF],
        mtime=got[TimeSource.MTIME],
        manual=got[TimeSource.MANUAL],
        unknown=got[None] + sum(n for src, n in got.items() if src not in _CAPTURE_SOURCES and src is not None),
    )


_CAPTURE_SOURCES = (TimeSource.FILE_NAME, TimeSource.EXIF, TimeSource.MTIME, TimeSource.MANUAL)
