"""Structural checks on digits: Chinese resident ID numbers (GB 11643 check digit) and card numbers (Luhn)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_ID_RE = re.compile(r"(?<!\d)\d{17}[\dx](?![\dx])")
_CARD_RE = re.compile(r"(?<!\d)\d{16,19}(?![\dx])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10x98765432"



def is_id_number(s: str) -> bool:
    """An 18-character 居民身份证号 (GB 11643): check digit and a real birth date.

    The check digit catches most OCR misreads and random 18-digit strings
    (order numbers, tracking numbers), so a leak is only suggested for a
    number that really has the shape of an ID.
    """
    s = s.lower()
    if len(s) != 18 or not s[:17].isdigit() or not (s[17].isdigit() or s[17] == "x"):
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != s[17]:
        return False
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100 and s[0] in "123456789"


def luhn_ok(digits: str) -> bool:
    """The Luhn check every major card scheme (UnionPay, Visa, Mastercard) uses."""
    total = 0
    for k, ch in enumerate(reversed(digits)):
        d = int(ch)
        if k % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_id_numbers(norm: str) -> list[str]:
    """Valid ID numbers in normalised text (lower-case ``x``)."""
    return [m.group() for m in _ID_RE.finditer(norm) if is_id_number(m.group())]


def find_card_numbers(norm: str, context_words: Iterable[str] = (), context_chars: int = 6) -> list[str]:
    """Bank card numbers in normalised text: Luhn-valid, or named as a card by the text.

    Some numbers a message calls 卡号 fail Luhn (an OCR misread of one digit, or
    a card scheme without it); the wording already says what it is. A valid ID
    number is never also reported as a card.
    """
    words = tuple(context_words)
    out = []
    for m in _CARD_RE.finditer(norm):
        digits = m.group()
        if len(digits) == 18 and is_id_number(digits):
            continue
        before = norm[max(0, m.start() - context_chars) : m.start()]
        if luhn_ok(digits) or any(w in before for w in words):
            out.append(digits)
    return out
