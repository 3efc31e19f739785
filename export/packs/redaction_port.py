"""The port the public (黑猫投诉) pack calls to redact; the real redactor lives in ``export/redaction``.

A pack published on the open web must never carry the user's ID number, card
numbers, address or third parties' numbers. This module only states what the
pack needs from a redactor; with none wired in, the public pack refuses with a
clear message instead of publishing anything unredacted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RedactedImage:
    """A new image (no copied metadata or thumbnail) made from an original."""

    data: bytes
    ext: str  # "jpg" or "png"
    derived_from: str  # sha256 of the original
    areas: int  # how many areas were masked


class Redactor(Protocol):
    def redact_image(self, original: bytes, sha256: str) -> RedactedImage:
        """Burn the masks into the decoded pixels and return a fresh file."""
        ...

    def mask_text(self, text: str) -> str:
        """The same values masked in text (the account, captions)."""
        ...

    def check(self, data: bytes, ext: str) -> list[str]:
        """The acceptance check: masked values still found in a written file (empty: clean)."""
        ...


NO_REDACTOR = (
    "公开投诉材料需要先遮盖个人信息，但本程序尚未提供遮盖功能，因此未生成任何文件。"
    " / The public pack needs redaction, which is not available in this build; nothing was written."
)
