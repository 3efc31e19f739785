"""The pack's own pages: the letter, the court's 证据目录, and the 制作说明 text.

Laid out with the dossier's engine (``export.document.layout``), fonts and
table look, so a pack reads like the dossier it came from. The exhibits
themselves are the dossier's EXHIBITS section, written by ``writer``.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from export.data import DossierData
from export.document import PageFrame, layout, page_range
from export.labels import labels
from export.options import DossierOptions, Section
from export.packs.letter import PARTS, Letter, heading
from export.packs.presets import Preset
from export.packs.selection import LeftOut
from export.sections import Context, grid
from export.sections.index import exhibit_name, suggest_purpose
from export.styles import make_styles
from export.text import para

# A4 less the dossier's margins: the width the tables share.
TEXT_W = 170 * mm
COURT_WIDTHS = [11 * mm, 42 * mm, 36 * mm, 49 * mm, 14 * mm, 18 * mm]  # 170 mm: the text width
COURT_HEAD = ("序号", "证据名称", "证据来源", "证明对象", "页码", "原件/复印件")


def context(data: DossierData, generated: datetime) -> Context:
    options = DossierOptions(lang="zh", sections=frozenset({Section.EXHIBITS}), generated_at=generated)
    return Context(data, options, labels("zh"), make_styles(), {}, generated)


def frame(data: DossierData, title: str, generated: datetime) -> PageFrame:
    case = data.case.title.strip() or "未命名案件"
    return PageFrame(
        header=case,
        header_right=title,
        footer="第 {n} 页 / 共 {m} 页",
        title=f"{case} — {title}",
        author=data.case.complainant.strip() or "Screenproof",
        subject=title,
        creator=f"Screenproof {data.version}",
        keywords=("Screenproof", f"manifest-sha256:{data.manifest.sha256}"),
        lang="zh-CN",
        created=generated,
    )


def letter_pdf(letter: Letter, data: DossierData, generated: datetime) -> bytes:
    """The letter as the user edited it, every part in order; nothing added."""
    st = make_styles()
    story: list[Flowable] = [Paragraph(para(letter.parts.get("title", "")), st.h1), Spacer(1, 4 * mm)]
    for key, zh, _ in PARTS[1:]:
        body = letter.parts.get(key, "").strip()
        if not body:
            continue
        if key != "signature":
            story.append(Paragraph(para(heading(letter.kind, key, zh)), st.h2))
        story += [Paragraph(para(line) or "&nbsp;", st.body) for line in body.splitlines()]
    pdf, _ = layout(story, frame(data, letter.kind, generated))
    return pdf


def evidence_list_pdf(
    data: DossierData, pages: dict[str, int], generated: datetime, exhibits_file: str, submitter: str = ""
) -> bytes:
    """证据目录 (证据规定第19条): one row per exhibit, 页码 in ``exhibits_file`` as laid out."""
    ctx = context(data, generated)
    st = ctx.styles
    head = [
        Paragraph("证据目录", st.h1),
        Paragraph(para(f"案件名称：{data.case.title.strip()}　　案号：______"), st.body),
        Paragraph(para(f"提交人：{submitter or data.case.complainant}　　提交日期：{generated:%Y-%m-%d}"), st.body),
        Paragraph(para(f"页码指 {exhibits_file} 中的页码；电子数据原件（原始截图文件）见 originals/ 文件夹。"), st.note),
        Spacer(1, 3 * mm),
    ]
    rows: list[list[object]] = [[ctx.P(h, "cell_head") for h in COURT_HEAD]]
    for ex in data.exhibits:
        rows.append(
            [
                ctx.T(str(ex.number)),
                ctx.T(exhibit_name(ctx, ex)),
                ctx.T(f"投诉人手机截图（原文件 {ex.shot.original_name}，SHA-256 {ex.shot.sha256[:16]}…）"),
                ctx.T(suggest_purpose(ctx, ex)),
                ctx.T(page_range(pages, f"ex{ex.number}", f"ex{ex.number}-end")),
                ctx.T("原件（电子数据）"),
            ]
        )
    tail = [
        Spacer(1, 6 * mm),
        Paragraph(para("截图的文字整理仅为辅助，以截图原件为准；原始文件及其 SHA-256 见 manifest.sha256。"), st.note),
        Spacer(1, 10 * mm),
        Paragraph(para("提交人（签名或盖章）：　　　　　　　　日期："), st.body),
    ]
    pdf, _ = layout([*head, grid(rows, COURT_WIDTHS), *tail], frame(data, "证据目录", generated))
    return pdf


def method_text(preset: Preset, data: DossierData, left: LeftOut, files: list[str], redaction: str = "") -> str:
    """制作说明: how the pack was made, what was left out, and that the screenshots govern."""
    lines = [
        f"制作说明（{preset.name}）",
        "",
        f"本材料由 Screenproof {data.version} 根据投诉人导入的手机截图整理，共附截图 {len(data.exhibits)} 张。",
        "截图的文字整理由软件识别生成，仅为辅助阅读；证据以截图原件为准。",
        left.statement(),
        f"原始截图未作任何修改；其 SHA-256 见 manifest.sha256（证据清单哈希 {data.manifest.sha256}）。"
        if preset.hash_manifest
        else "原始截图未作任何修改，保存在案件中。",
        f"文件大小限制：{preset.limit_text()}；依据：{preset.source}。",
    ]
    if redaction:
        lines.append(redaction)
    if preset.notes:
        lines += ["", "提交须知（来源与核实情况见括号）："] + [f"  {n}" for n in preset.notes]
    lines += ["", "本材料包含的文件："] + [f"  {f}" for f in files]
    return "\n".join(lines) + "\n"
