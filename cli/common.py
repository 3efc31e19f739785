"""What several commands share: the OCR engine options."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence


def add_engine_args(p: argparse.ArgumentParser) -> None:
    """``--engine`` and ``--workers`` for every command that reads screenshots."""
    p.add_argument(
        "--engine",
        default="auto",
        help="OCR engine: auto (default: rapidocr when installed, else tesseract), tesseract or rapidocr",
    )
    p.add_argument("--workers", type=int, default=None, help="parallel OCR processes (default: all cores)")


def add_case_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--case", metavar="DIR", required=True, dest="case_dir", help="the case folder")


def add_phone_filter_arg(p: argparse.ArgumentParser, what: str) -> None:
    """``--phone NAME`` (alias ``--received-on``), repeatable: only what these people's phones show."""
    p.add_argument(
        "--phone",
        "--received-on",
        action="append",
        default=[],
        metavar="NAME",
        help=f"only {what} from this person's phone, e.g. 母亲 (本人 for your own; repeatable; `phone` lists them)",
    )


def unknown_phones(wanted: Iterable[str], case_phones: Sequence[str]) -> str | None:
    """The one-sentence error for phones the case does not hold, or None when all are there."""
    missing = [p for p in dict.fromkeys(wanted) if p not in case_phones]
    if not missing:
        return None
    names = "、".join(missing)
    return (
        f"error: no screenshot of this case came from {names}'s phone; its phones are {'、'.join(case_phones)}"
        f" / 案件中没有来自“{names}”手机的截图"
    )
