"""Reading a PDF back the way a recipient's tools would: poppler and pypdf."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from PIL import Image, ImageStat
from pypdf import PdfReader


def page_texts(pdf: Path) -> list[str]:
    n = len(PdfReader(pdf).pages)
    return [
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(i), "-l", str(i), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for i in range(1, n + 1)
    ]


def squash(s: str) -> str:
    """Text without white space: wrapping inserts line breaks anywhere in Chinese."""
    return re.sub(r"\s+", "", s)


def fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni id gen
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3], "line": line})
    return rows


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) for every bookmark, in order."""
    r = PdfReader(pdf)
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for it in items:
            if isinstance(it, list):
                walk(it, level + 1)
            else:
                page = r.get_destination_page_number(it)
                assert page is not None
                out.append((level, str(it.title), page + 1))

    walk(r.outline, 0)
    return out


def render(pdf: Path, page: int, out_dir: Path, dpi: int = 40) -> Path:
    prefix = out_dir / f"p{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    return prefix.with_suffix(".png")


def ink(png: Path) -> float:
    """Share of pixels that are not near-white: 0 for a blank page."""
    with Image.open(png) as im:
        g = im.convert("L").point(lambda v: 255 if v < 230 else 0)
        return ImageStat.Stat(g).mean[0] / 255
