"""Finding a home address as people and OCR actually write it.

A stored address ("广东省深圳市南山区科技园路1号") rarely appears verbatim:
people leave out 省 and 市 ("广东深圳南山区…"), start from the district or the
street ("南山区科技园路1号"), and a chat bubble or OCR breaks it over two
lines. So an address is matched as any of its tails after an administrative
boundary, with 省/市 optional and any white space (a line break too) between
its characters. Masking more than the exact string is safe; missing the
street part is a leak.
"""

from __future__ import annotations

import re

# Words people leave out when they write an address ("广东深圳" for "广东省深圳市").
OPTIONAL_CHARS = "省市"
# An address read from one of these on is still the user's (自治区 ends in 区).
BOUNDARY_CHARS = "省市区县旗镇乡"
# A tail shorter than this ("1号", "8栋") is too common to mask on its own.
MIN_TAIL_CHARS = 5


# What people and OCR put between the parts of a value ("0755-1234 5678", a line break): optional.
_GAP = r"[\s\-\u2010-\u2015]*"


def compact(value: str) -> str:
    """The value without white space or dashes: those are matched as optional gaps."""
    return re.sub(r"[\s\-\u2010-\u2015]+", "", value)


def tails(value: str) -> list[str]:
    """The address, then each part of it that starts after an administrative boundary, longest first."""
    v = compact(value)
    out = [v]
    for i, ch in enumerate(v[:-1]):
        rest = v[i + 1 :]
        if ch in BOUNDARY_CHARS and len(rest) >= MIN_TAIL_CHARS and rest not in out:
            out.append(rest)
    return out


def _chars(tail: str) -> str:
    parts = []
    for i, ch in enumerate(tail):
        inner = 0 < i < len(tail) - 1  # the first and last characters are what anchors the match
        parts.append(f"(?:{re.escape(ch)})?" if inner and ch in OPTIONAL_CHARS else re.escape(ch))
    return _GAP.join(parts)


def address_pattern(value: str) -> re.Pattern[str]:
    """Any tail of the address, 省/市 optional inside it, white space, dashes and line breaks allowed anywhere."""
    return re.compile("|".join(_chars(t) for t in tails(value)), re.IGNORECASE)
