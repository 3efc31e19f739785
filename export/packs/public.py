"""黑猫投诉 (public): a short account and a few redacted images, or a refusal.

Complaints there are published with their images (CHANNELS.md §1.8, S8), so
redaction is on by default and not optional here: with no redactor wired in
(``redaction_port``), the pack refuses before writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from export.data import DossierData
from export.dossier import read_original
from export.packs.letter import facts_of
from export.packs.redaction_port import RedactedImage, Redactor


class PublicPackRefusedError(Exception):
    """No redactor, or the acceptance check found a masked value: nothing is written."""


@dataclass(frozen=True, slots=True)
class PublicPack:
    account: str
    images: tuple[tuple[str, RedactedImage], ...]  # file name, image
    record: str  # "derived from <sha256>, N areas masked" per image


def account(data: DossierData) -> str:
    """投诉对象、投诉问题、投诉要求 and a few lines of facts: short, as the public form wants."""
    f = facts_of(data)
    target = "、".join(r.strip() for r in data.case.respondent.splitlines() if r.strip()) or "（请填写）"
    span = f"{f.first} 至 {f.last}" if f.first else "近期"
    lines = [
        f"投诉对象：{target}",
        "投诉问题：暴力催收、骚扰本人及亲友",
        "投诉要求：停止骚扰，道歉，删除通讯录信息，解释",
        "",
        f"{span}，对方共发送消息 {f.messages} 条、来电 {f.calls} 次（{f.days} 天），"
        f"其中夜间 {f.night} 条（次）" + (f"，并联系本人亲友 {f.third_party} 次" if f.third_party else "") + "。",
        "所附截图已遮盖个人信息；原件由本人保存，可供核对。",
    ]
    return "\n".join(lines) + "\n"


def build_public(data: DossierData, redactor: Redactor | None, max_images: int) -> PublicPack:
    if redactor is None:
        from export.packs.redaction_port import NO_REDACTOR

        raise PublicPackRefusedError(NO_REDACTOR)
    text = redactor.mask_text(account(data))
    images = []
    record = []
    for ex in data.exhibits[:max_images]:
        red = redactor.redact_image(read_original(ex), ex.shot.sha256)
        name = f"图{ex.number:02d}.{red.ext}"
        leaks = redactor.check(red.data, red.ext)
        if leaks:
            raise PublicPackRefusedError(f"{name}: 遮盖后仍能读出 {len(leaks)} 处被遮盖的信息，已停止导出 / masked values still present")
        images.append((name, red))
        record.append(f"{name}: derived from {red.derived_from}, {red.areas} areas masked / 已遮盖{red.areas}处，原件可供核对")
    leaks = redactor.check(text.encode("utf-8"), "txt")
    if leaks:
        raise PublicPackRefusedError("投诉内容中仍有被遮盖的信息 / masked values still in the account")
    return PublicPack(text, tuple(images), "\n".join(record) + "\n")
