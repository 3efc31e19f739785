"""Shared helpers for the list-layout tests (inbox, call log): load a corpus image
with its gold file and run one parser on it with real Tesseract."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from PIL import Image

from casefile.timeline import levenshtein
from ocr.capture_time import establish
from ocr.engines.registry import get_engine
from ocr.layouts.base import LayoutParser, PageContext, PageResult
from tests.images import read_bgr


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def run_parser(parser: LayoutParser, path: Path) -> tuple[PageContext, PageResult]:
    with Image.open(path) as pil:
        cap = establish(path.name, pil)
    image = read_bgr(path)
    ctx = PageContext(image, path.name, cap.value if cap else None, get_engine("tesseract"))
    return ctx, parser.parse(ctx)


def norm(s: str) -> str:
    """Roughly score.py's normalisation: NFKC, no spaces, punctuation folded away."""
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[\s,.?!:;()\[\]【】。、，？！：；（）\"'“”…]", "", s)


def similarity(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    return 1 - levenshtein(a, b) / max(len(a), len(b))
