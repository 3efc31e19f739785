"""Files within a recipient's size limit: measure before writing, split, and say what cannot fit.

Everything is laid out in memory first; a limit that cannot be met is
reported before a single file is written, with the fixes that would meet it
(split into numbered files, lower image quality within legibility, fewer
exhibits). Nothing is ever cut silently: a fix is applied only when chosen.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from export.data import DossierData, Exhibit

# Legibility floors for "lower image quality": below 100 dpi or JPEG quality 40 the
# small grey timestamps of a chat screenshot stop being readable on a printed A4 page.
MIN_DPI = 100
MIN_QUALITY = 40
LOWER_DPI = 110  # the "lower quality" fix: close to the floor, still legible
LOWER_QUALITY = 50
SPLIT_MARGIN = 1.15  # plan groups this much below the limit: per-file overhead (fonts, header pages)


class Fix:
    SPLIT = "split"
    QUALITY = "quality"
    FEWER = "fewer"


@dataclass(frozen=True, slots=True)
class TooBig:
    """A file that does not fit, and the fixes offered."""

    name: str
    size: int
    limit: int
    fixes: tuple[str, ...]

    def describe(self, cli: bool = True) -> str:
        """One line naming the file, its size, the limit and the fixes (with their flags on the command line)."""
        offers = {
            Fix.SPLIT: ("拆分为多个编号文件", " (--fix split)"),
            Fix.QUALITY: (f"降低图片质量（不低于 {MIN_DPI} dpi / JPEG {MIN_QUALITY}，仍可辨认）", " (--fix quality)"),
            Fix.FEWER: ("减少所附截图", " (--max-exhibits N)"),
        }
        fixes = "；".join(offers[f][0] + (offers[f][1] if cli else "") for f in self.fixes)
        return (
            f"{self.name}: {self.size / 1048576:.1f} MB 超过每个文件 {self.limit / 1048576:g} MB 的限制 / "
            f"over the {self.limit / 1048576:g} MB limit. 可选：{fixes}"
        )


def fixes_for(n_exhibits: int, can_split: bool) -> tuple[str, ...]:
    out = [Fix.QUALITY]
    if can_split and n_exhibits > 1:
        out.insert(0, Fix.SPLIT)
    if n_exhibits > 1:
        out.append(Fix.FEWER)
    return tuple(out)


def with_exhibits(data: DossierData, exhibits: tuple[Exhibit, ...]) -> DossierData:
    """The snapshot showing only ``exhibits`` (numbers kept, so a split file cites the same 证据 N)."""
    return replace(data, exhibits=exhibits)


def split_groups(
    exhibits: tuple[Exhibit, ...], render: Callable[[tuple[Exhibit, ...]], bytes], whole: int, limit: int
) -> list[tuple[tuple[Exhibit, ...], bytes]]:
    """Consecutive groups of exhibits whose rendered file fits ``limit``; a single exhibit
    that does not fit stays alone (the caller reports it: never dropped)."""
    k = max(2, math.ceil(whole * SPLIT_MARGIN / limit))
    size = math.ceil(len(exhibits) / k)
    out: list[tuple[tuple[Exhibit, ...], bytes]] = []
    todo = [exhibits[i : i + size] for i in range(0, len(exhibits), size)]
    while todo:
        group = todo.pop(0)
        pdf = render(group)
        if len(pdf) <= limit or len(group) == 1:
            out.append((group, pdf))
        else:
            half = len(group) // 2
            todo[:0] = [group[:half], group[half:]]
    return out
