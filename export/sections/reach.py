"""The summary's 爆通讯录 part: the contacts reached, and the mass texts that reached them.

Shown only when the case holds screenshots from someone else's phone
(``export.phone_words.shows_phones``): a case of the user's own screenshots
prints exactly what it always did. The figures come from ``casefile.reach``
and ``casefile.campaigns``; this module only lays them out.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from casefile.campaigns import Campaign
from export import styles as st
from export.phone_words import owner_shown, phone_label, shows_phones
from export.sections import Context, grid
from export.text import para


def reach_part(ctx: Context) -> list[Flowable]:
    """Contacts reached (per person: first and last day, items, days) and the mass-text table."""
    data = ctx.data
    if not shows_phones(data.phones):
        return []
    reach = data.reach()
    total = data.counts.received
    out: list[Flowable] = [Paragraph(para(ctx.L("reach_heading")), ctx.styles.h2)]
    if not reach.people:
        return [*out, Paragraph(para(ctx.L("reach_none")), ctx.styles.body)]
    sep = ctx.L("list_sep")
    out.append(
        Paragraph(
            para(
                ctx.L(
                    "reach_line",
                    n=reach.count,
                    names=sep.join(reach.names),
                    first=reach.first_day.isoformat() if reach.first_day else ctx.L("unknown"),
                    last=reach.last_day.isoformat() if reach.last_day else ctx.L("unknown"),
                    items=reach.items,
                    campaigns=len(reach.campaigns),
                )
            ),
            ctx.styles.body,
        )
    )
    # the summary line above counts every phone: say how it splits
    out.append(Paragraph(para(ctx.L("reach_split", total=total, own=total - reach.items, others=reach.items)), ctx.styles.body))
    heads = ("col_person", "col_first_day", "col_last_day", "col_items", "col_messages", "col_calls", "col_days", "col_from")
    rows: list[list[object]] = [[ctx.P(para(ctx.L(k)), "cell_head") for k in heads]]
    for p in reach.people:
        rows.append(
            [
                ctx.T(p.phone),
                ctx.P(p.first_day.isoformat() if p.first_day else para(ctx.L("unknown"))),
                ctx.P(p.last_day.isoformat() if p.last_day else para(ctx.L("unknown"))),
                ctx.P(str(p.items)),
                ctx.P(str(p.messages)),
                ctx.P(str(p.calls)),
                ctx.P(str(p.days)),
                ctx.T(sep.join(ctx.sender(x) for x in p.parties[:3]) + ("…" if len(p.parties) > 3 else ""), "cell_small"),
            ]
        )
    rows.append(
        [ctx.P(f"<b>{para(ctx.L('reach_total', n=reach.count))}</b>"), "", "", ctx.P(f"<b>{reach.items}</b>"), "", "", "", ""]
    )
    w = st.FRAME_W
    out.append(grid(rows, [w * 0.17, w * 0.12, w * 0.12, w * 0.1, w * 0.1, w * 0.08, w * 0.08, w * 0.23]))
    out.append(Paragraph(para(ctx.L("reach_note")), ctx.styles.note))
    if reach.campaigns:
        out += campaigns_table(ctx, reach.campaigns)
    return out


def campaigns_table(ctx: Context, campaigns: tuple[Campaign, ...]) -> list[Flowable]:
    """One row per mass text: its text, sender, day, who received it when, and the exhibits."""
    sep = ctx.L("list_sep")
    heads = ("col_campaign", "col_text", "col_sender", "col_day", "col_received_by", "col_exhibit")
    rows: list[list[object]] = [[ctx.P(para(ctx.L(k)), "cell_head") for k in heads]]
    for c in campaigns:
        received = []
        for phone in c.phones:
            times = sep.join(e.time.strftime("%H:%M") if e.time else ctx.L("time_not_shown") for e in c.received_on(phone))
            received.append(ctx.L("received_at", phone=owner_shown(ctx.labels, phone), time=times))
        refs = [r for e in c.entries for r in ctx.data.entry_refs(e)]
        rows.append(
            [
                ctx.T(ctx.L("campaign_no", n=c.number), "cell_small"),
                ctx.T(c.text, "cell_small"),
                ctx.T(sep.join(ctx.sender(s) for s in c.senders), "cell_small"),
                ctx.P(c.day.isoformat(), "cell_small"),
                ctx.P("<br/>".join(para(r) for r in received), "cell_small"),
                ctx.T(", ".join(refs), "cell_small"),
            ]
        )
    w = st.FRAME_W
    return [
        Paragraph(para(ctx.L("campaigns_heading")), ctx.styles.h2),
        grid(rows, [w * 0.09, w * 0.36, w * 0.14, w * 0.11, w * 0.18, w * 0.12]),
        Paragraph(para(ctx.L("campaigns_note")), ctx.styles.note),
    ]


def phone_meta(ctx: Context, phone: str) -> list[tuple[str, str]]:
    """The exhibit's "received on" row, when the case names phones (escaped markup)."""
    if not shows_phones(ctx.data.phones):
        return []
    return [(ctx.L("col_phone"), para(phone_label(ctx.labels, phone)))]
