"""A pack: planned in memory (sizes known before anything is written), then written whole.

``plan_pack`` lays out every file of the chosen preset and measures it;
a file over the recipient's limit becomes a ``TooBig`` with the fixes that
would meet it, and ``write_pack`` refuses a plan that has any. The pack is
assembled in a hidden folder beside the target and renamed into place, so a
failed or refused pack leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Generator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from casefile.atomic import temp_path
from export.data import DossierData, Exhibit
from export.dossier import read_original, render_dossier
from export.options import DossierOptions, Section
from export.packs import documents, files
from export.packs.files import Fix, TooBig
from export.packs.letter import Letter
from export.packs.presets import Preset
from export.packs.public import build_public
from export.packs.redaction_port import Redactor
from export.packs.report12321 import reports
from export.packs.selection import LeftOut, Selection

PACK_JSON = "pack.json"  # the choice, the preset and the letter, to reopen and edit the pack
PACK_FORMAT = 1
T = TypeVar("T")
# A pack's PDFs hold one or two of the dossier's sections: "四、证据" would point at a
# part one to three that is not there, so the headings go unnumbered.
# CHANNELS.md §1.7 and §5 (V): courts need the originals, so the court pack is never
# redacted; privacy there is asked for as confidential handling.
COURT_PRIVACY = (
    "法院材料未作遮盖（法院需要核对原件）。证据涉及个人隐私的，可申请法院保密、不公开质证"
    "（《中华人民共和国民事诉讼法》第71条，已与法律文本核对）。"
)
PACK_LABELS = {"sec_chronology": "时间线", "sec_exhibits": "证据"}


class PackCancelledError(Exception):
    """The user cancelled while the pack was being laid out; nothing was written."""


class PackRefusedError(Exception):
    """The pack cannot be written as asked; the message says why and what would fix it."""


@dataclass(frozen=True, slots=True)
class PackRequest:
    preset: Preset
    selection: Selection
    letter: Letter | None
    generated_at: datetime
    fixes: frozenset[str] = frozenset()
    redactor: Redactor | None = None
    cancel: Callable[[], bool] | None = None  # checked between pages of every file laid out


@dataclass(slots=True)
class Plan:
    request: PackRequest
    files: list[tuple[str, bytes]] = field(default_factory=list)
    too_big: list[TooBig] = field(default_factory=list)
    court_pages: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the 制作说明 must also say (never a silent cut)

    @property
    def ok(self) -> bool:
        return not self.too_big

    def sizes(self) -> dict[str, int]:
        return {n: len(b) for n, b in self.files}


def _run(gen: Generator[Any, None, T]) -> T:
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def render(
    data: DossierData,
    sections: set[Section],
    options: DossierOptions,
    pages: dict[str, int] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> bytes:
    """One PDF of the dossier's ``sections`` for ``data``, in memory (the size is known before writing)."""
    opts = replace(options, sections=frozenset(sections))
    pdf = _run(render_dossier(data, opts, pages=pages, cancel=cancel))
    if pdf is None:
        raise PackCancelledError
    return pdf


def plan_pack(data: DossierData, left: LeftOut, req: PackRequest) -> Plan:
    """Every file of the pack, laid out in memory and measured; nothing is written."""
    p = req.preset
    plan = Plan(req)
    quality = Fix.QUALITY in req.fixes
    options = DossierOptions(
        generated_at=req.generated_at,
        image_dpi=files.LOWER_DPI if quality else 150,
        jpeg_quality=files.LOWER_QUALITY if quality else 70,
        label_overrides=PACK_LABELS,
    )
    if p.id == "12321":
        _plan_12321(plan, data)
    elif p.id == "public":
        few = p.max_images or 6
        pub = build_public(data, req.redactor, few)
        if len(data.exhibits) > few:
            plan.notes.append(
                f"公开投诉只附所选截图中的前 {few} 张（已遮盖）；其余 {len(data.exhibits) - few} 张未附，原件保存在案件中。"
            )
        plan.files += [("投诉内容.txt", pub.account.encode("utf-8")), ("遮盖记录.txt", pub.record.encode("utf-8"))]
        plan.files += [(f"图片/{name}", img.data) for name, img in pub.images]
    elif p.id == "court":
        pdf = render(data, {Section.EXHIBITS}, options, plan.court_pages, req.cancel)
        plan.files.append(("02_证据.pdf", pdf))
        plan.files.insert(0, ("01_证据目录.pdf", documents.evidence_list_pdf(data, plan.court_pages, req.generated_at, "02_证据.pdf")))
        _originals(plan, data)
        plan.notes.append(COURT_PRIVACY)
    else:
        _plan_letter_pack(plan, data, options)
    _check_limits(plan, data)
    names = [n for n, _ in plan.files]
    redaction = ""
    if p.id == "public":
        redaction = "公开材料中的图片与文字已遮盖个人信息（见 遮盖记录.txt），原件未作修改，可供核对。"
    method = documents.method_text(p, data, left, names, "\n".join([*plan.notes, redaction]).strip())
    plan.files.append(("制作说明.txt", method.encode("utf-8")))
    plan.files.append((PACK_JSON, _pack_json(req)))
    if p.hash_manifest:
        plan.files.append(("manifest.sha256", _manifest(plan.files)))
    return plan


def _plan_letter_pack(plan: Plan, data: DossierData, options: DossierOptions) -> None:
    req = plan.request
    letter = req.letter
    assert letter is not None, "a letter pack needs its letter (draft one first)"
    plan.files.append((f"01_{letter.kind}.pdf", documents.letter_pdf(letter, data, req.generated_at)))
    plan.files.append((f"{letter.kind}.txt", letter.text().encode("utf-8")))
    limit = req.preset.max_file_bytes
    split = limit is not None and (req.preset.split or Fix.SPLIT in req.fixes)
    if not split:
        plan.files.append(("02_时间线与证据.pdf", render(data, {Section.CHRONOLOGY, Section.EXHIBITS}, options, cancel=req.cancel)))
    else:
        assert limit is not None
        plan.files.append(("02_时间线.pdf", render(data, {Section.CHRONOLOGY}, options, cancel=req.cancel)))
        whole = render(data, {Section.EXHIBITS}, options, cancel=req.cancel)
        if len(whole) <= limit:
            plan.files.append(("03_证据.pdf", whole))
        else:
            def one(group: tuple[Exhibit, ...]) -> bytes:
                return render(files.with_exhibits(data, group), {Section.EXHIBITS}, options, cancel=req.cancel)

            groups = files.split_groups(data.exhibits, one, len(whole), limit)
            for k, (group, pdf) in enumerate(groups, 3):
                span = f"{group[0].number}-{group[-1].number}" if len(group) > 1 else f"{group[0].number}"
                plan.files.append((f"{k:02d}_证据{span}.pdf", pdf))
    if req.preset.id == "police":
        _originals(plan, data, allowed=req.preset.formats)


def _plan_12321(plan: Plan, data: DossierData) -> None:
    reps = reports(data)
    listed = sum(len(r.items) for r in reps)
    received = sum(1 for e in data.entries if e.received)
    if received > listed:
        plan.notes.append(
            f"12321 只受理号码发来的短信和来电：另有 {received - listed} 条收到的记录（聊天消息，或发送方不是号码）未列为举报项。"
        )
    for r in reps:
        plan.files.append((f"{r.number}/举报内容.txt", r.text().encode("utf-8")))
        for ex in r.exhibits:
            plan.files.append((f"{r.number}/{ex.bundle_name.split('/')[-1]}", read_original(ex)))


def _originals(plan: Plan, data: DossierData, allowed: tuple[str, ...] | None = None) -> None:
    """The originals byte for byte (courts and the police need them), as the bundle names them."""
    for ex in data.exhibits:
        if allowed is None or ex.shot.ext.lower().lstrip(".").replace("jpeg", "jpg") in allowed:
            plan.files.append((ex.bundle_name, read_original(ex)))
        else:
            plan.notes.append(
                f"证据{ex.number} 的原始文件格式（{ex.shot.ext}）不在收件机构接受的格式（{'/'.join(allowed)}）之内，"
                "未附原件文件；该截图完整显示在 PDF 中，原件保存在案件中。"
            )


def _check_limits(plan: Plan, data: DossierData) -> None:
    limit = plan.request.preset.max_file_bytes
    if limit is None:
        return
    p = plan.request.preset
    for name, blob in plan.files:
        if len(blob) > limit:
            already = set(plan.request.fixes) | ({Fix.SPLIT} if p.split else set())
            offers = tuple(f for f in files.fixes_for(len(data.exhibits), True) if f not in already)
            plan.too_big.append(TooBig(name, len(blob), limit, offers))


def _pack_json(req: PackRequest) -> bytes:
    d = {
        "format": PACK_FORMAT,
        "preset": req.preset.id,
        "max_file_bytes": req.preset.max_file_bytes,
        "generated_at": req.generated_at.isoformat(),
        "fixes": sorted(req.fixes),
        "selection": req.selection.to_dict(),
        "letter": req.letter.to_dict() if req.letter else None,
    }
    return json.dumps(d, ensure_ascii=False, indent=2).encode("utf-8")


def _manifest(entries: list[tuple[str, bytes]]) -> bytes:
    """sha256sum format: every file of the pack, so ``sha256sum -c manifest.sha256`` checks it."""
    return "".join(f"{hashlib.sha256(b).hexdigest()}  {n}\n" for n, b in entries).encode("utf-8")


def write_pack(plan: Plan, out_dir: Path) -> list[Path]:
    """Write a plan that fits; refuse (writing nothing) one that does not."""
    if not plan.ok:
        raise PackRefusedError("\n".join(t.describe() for t in plan.too_big))
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / PACK_JSON).exists():
        raise PackRefusedError(f"{out_dir}: 文件夹不是空的，也不是之前生成的材料包 / not empty and not an earlier pack")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = temp_path(out_dir)
    try:
        stage.mkdir()
        for name, blob in plan.files:
            target = stage / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        stage.rename(out_dir)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
    return [out_dir / n for n, _ in plan.files]
