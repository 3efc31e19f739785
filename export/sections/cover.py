"""The cover: what the case is, how big it is, and the hash that binds the files to the paper."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from export import styles as st
from export.document import mark
from export.fonts import REGULAR
from export.sections import Context
from export.text import para


def cover(ctx: Context) -> list[Flowable]:
    d = ctx.data
    c = d.counts
    title = d.case.title.strip() or ctx.L("untitled_case")
    period = d.period
    period_text = (
        ctx.L("period_value", a=period[0].isoformat(), b=period[1].isoformat()) if period else ctx.L("unknown")
    )
    respondents = "<br/>".join(para(r) for r in d.case.respondents) or para(ctx.L("unknown"))
    counts = [
        (ctx.L("n_screenshots"), len(d.exhibits)),
        (ctx.L("n_messages"), c.messages),
        (ctx.L("n_calls"), c.calls),
        (ctx.L("n_outgoing"), c.outgoing),
        (ctx.L("n_senders"), len(d.senders)),
        (ctx.L("n_days"), c.days_with_contact),
        (ctx.L("n_reviewed"), ctx.L("n_reviewed_value", reviewed=d.reviewed_exhibits, total=len(d.exhibits))),
    ]
    colon = para(ctx.L("colon"))
    count_rows = "<br/>".join(f"{para(k)}{colon}<b>{v}</b>" for k, v in counts)
    rows = [
        [ctx.P(para(ctx.L("complainant")), "label"), ctx.P(para(d.case.complainant) or para(ctx.L("unknown")), "body")],
        [ctx.P(para(ctx.L("respondent")), "label"), ctx.P(respondents, "body")],
        [ctx.P(para(ctx.L("period")), "label"), ctx.P(para(period_text), "body")],
        [ctx.P(para(ctx.L("counts")), "label"), ctx.P(count_rows, "body")],
        [
            ctx.P(para(ctx.L("generated")), "label"),
            ctx.P(para(ctx.L("generated_value", at=ctx.when(ctx.generated_at), version=d.version)), "body"),
        ],
        [
            ctx.P(para(ctx.L("manifest_hash")), "label"),
            ctx.P(f"<b>{d.manifest.sha256}</b><br/>{para(ctx.L('manifest_hash_note_redacted' if d.redacted else 'manifest_hash_note'))}", "small"),
        ],
    ]
    table = Table(rows, colWidths=[110, st.FRAME_W - 110])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, st.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    note = Table([[ctx.P(para(ctx.L("cover_note", **d.statement_values())), "small")]], colWidths=[st.FRAME_W])
    note.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BOX", (0, 0), (-1, -1), 0.6, st.ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), st.HEAD_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    heading = Paragraph(para(title), ctx.styles.title)
    return [
        Spacer(1, 90),
        mark(heading, "cover", ctx.L("sec_cover"), 0),
        Paragraph(para(ctx.L("cover_heading")), ctx.styles.subtitle),
        Spacer(1, 16),
        table,
        Spacer(1, 28),
        note,
    ]
