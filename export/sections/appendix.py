"""The appendix: the hash of every original, and every correction a person made.

The correction log is the audit trail in full (including messages later
excluded, and corrections that were undone by a later one), because a
reviewer who doubts one transcription must be able to see every change and
when it was made.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from casefile.model import Correction
from casefile.store import CREATED, decode_capture
from export import styles as st
from export.document import mark
from export.sections import Context, grid
from export.text import para
from ocr.model import Direction, Kind


def _value(ctx: Context, c: Correction, raw: str | None) -> str:
    if raw is None:
        return "—"
    if c.field == "excluded":
        return ctx.L("yes") if raw == "1" else ctx.L("no")
    if c.field == "kind":
        try:
            return ctx.kind(Kind(raw))
        except ValueError:
            return raw
    if c.field == "direction":
        try:
            return ctx.direction(Direction(raw))
        except ValueError:
            return raw
    if c.field == "time":
        return raw.replace("T", " ")
    if c.field == "sender":
        return ctx.sender(raw)
    return raw


def appendix(ctx: Context) -> list[Flowable]:
    d = ctx.data
    out: list[Flowable] = [mark(Paragraph(para(ctx.L("sec_appendix")), ctx.styles.h1), "appendix", ctx.L("sec_appendix"), 0)]
    out.append(mark(Paragraph(para(ctx.L("sec_manifest")), ctx.styles.h2), "manifest", ctx.L("sec_manifest"), 1))
    out.append(Paragraph(para(ctx.L("manifest_intro_redacted" if d.redacted else "manifest_intro")), ctx.styles.note))
    out.append(Paragraph(f"{para(ctx.L('manifest_hash'))}{para(ctx.L('colon'))}<b>{d.manifest.sha256}</b>", ctx.styles.small))
    out.append(Spacer(1, 4))
    rows = [[ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_no", "col_file_redacted" if d.redacted else "col_file", "sha256")]]
    for e in d.manifest.entries:
        rows.append([ctx.P(str(e.number)), ctx.T(e.bundle_name, "cell_small"), ctx.P(e.sha256, "cell_mono")])
    out.append(grid(rows, [30, st.FRAME_W - 30 - 285, 285], zebra=True))

    out.append(Spacer(1, 12))
    out.append(mark(Paragraph(para(ctx.L("sec_corrections")), ctx.styles.h2), "corrections", ctx.L("sec_corrections"), 1))
    if not d.corrections and not d.screenshot_corrections:
        out.append(Paragraph(para(ctx.L("no_corrections")), ctx.styles.note))
        return [*out, *citations(ctx)]
    rows = [
        [ctx.P(para(ctx.L(k)), "cell_head") for k in ("col_message", "col_field", "col_ocr_value", "col_new_value", "col_when")]
    ]
    for c in d.corrections:
        ref = d.refs.get(c.message_id)
        if ref is None:
            n = d.message_exhibit.get(c.message_id)
            ref = f"{n} (#{c.message_id})" if n is not None else f"#{c.message_id}"
        field = ctx.L("field_created") if c.field == CREATED else ctx.L(f"field_{c.field}") if f"field_{c.field}" in ctx.labels else c.field
        rows.append(
            [
                ctx.P(para(ref), "cell_small"),
                ctx.P(para(field), "cell_small"),
                ctx.T(_value(ctx, c, c.old), "cell_small"),
                ctx.T(_value(ctx, c, c.new), "cell_small"),
                ctx.P(c.at.strftime("%Y-%m-%d %H:%M:%S"), "cell_small"),
            ]
        )
    number_of = {ex.shot.id: ex.number for ex in d.exhibits}
    for sc in d.screenshot_corrections:  # a capture time the complainant set (issue 12)
        n = number_of.get(sc.screenshot_id)
        rows.append(
            [
                ctx.P(para(ctx.L("exhibit", n=n) if n is not None else f"#{sc.screenshot_id}"), "cell_small"),
                ctx.P(para(ctx.L("captured_at")), "cell_small"),
                ctx.T(_capture_value(ctx, sc.old), "cell_small"),
                ctx.T(_capture_value(ctx, sc.new), "cell_small"),
                ctx.P(sc.at.strftime("%Y-%m-%d %H:%M:%S"), "cell_small"),
            ]
        )
    w = st.FRAME_W - 50 - 50 - 80
    out.append(grid(rows, [50, 50, w / 2, w / 2, 80], zebra=True))
    return [*out, *citations(ctx)]


def citations(ctx: Context) -> list[Flowable]:
    """附录三: what each confirmed tag cites, exactly as resources/rules/citations.json holds it.

    Only tags the complainant confirmed are listed, so the dossier never cites
    a rule for a finding it does not make; every citation carries its kind, so
    a recommended standard can never pass for law.
    """
    out: list[Flowable] = [Spacer(1, 12)]
    out.append(mark(Paragraph(para(ctx.L("sec_citations")), ctx.styles.h2), "citations", ctx.L("sec_citations"), 1))
    tags = ctx.data.tag_counts()
    if not tags:
        return [*out, Paragraph(para(ctx.L("no_tags")), ctx.styles.note)]
    out.append(Paragraph(para(ctx.L("citations_intro")), ctx.styles.note))
    for tag, n in tags:
        out.append(Paragraph(f"<b>{para(ctx.L('citation_tag', tag=ctx.tag(tag), n=n))}</b>", ctx.styles.body))
        cited = ctx.data.tag_citations.get(tag, ())
        if not cited:
            out.append(Paragraph(para(ctx.L("no_citation")), ctx.styles.note))
        for c in cited:
            lines = [f"<b>{para(c.title)}</b>{para(c.status_text())}"]
            if c.quote:
                lines.append(para(ctx.L("citation_quote", text=c.quote)))
            if c.points:
                lines.append(para(ctx.L("citation_points", text=ctx.L("list_sep").join(c.points))))
            if c.note:
                lines.append(para(ctx.L("citation_note", text=c.note)))
            out.append(Paragraph("<br/>".join(lines), ctx.styles.small))
            out.append(Spacer(1, 3))
    return out


def _capture_value(ctx: Context, raw: str | None) -> str:
    at, source = decode_capture(raw)
    if at is None:
        return "—"
    src = ctx.L(f"src_{source.value}") if source is not None else ctx.L("unknown")
    return ctx.L("captured_source", at=at.strftime("%Y-%m-%d %H:%M:%S"), source=src)
