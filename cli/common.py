"""What several commands share: the OCR engine options."""

from __future__ import annotations

import argparse


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
