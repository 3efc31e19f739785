"""Which ``tr()`` strings of the window's sources are missing from the zh_CN translation files.

Why by class: Qt looks a string up under the class that called ``self.tr``,
so a string translated under another class's name is still shown in English.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from gui import i18n


def known_translations() -> set[tuple[str | None, str | None]]:
    """(context, source) of every finished translation in every ``*_zh_CN.ts``."""
    known: set[tuple[str | None, str | None]] = set()
    for ts in i18n.I18N_DIR.glob("*_zh_CN.ts"):
        for ctx in ET.parse(ts).iter("context"):
            for m in ctx.iter("message"):
                tr = m.find("translation")
                assert tr is not None and tr.get("type") is None and "".join(tr.itertext()).strip(), ts.name
                known.add((ctx.findtext("name"), m.findtext("source")))
    return known


def untranslated(files: list[str]) -> list[tuple[str, str]]:
    """(class, string) of each ``self.tr("…")`` in ``files`` (relative to ``gui/``) with no translation."""
    known = known_translations()
    gui = Path(i18n.__file__).parent
    missing = []
    for f in files:
        tree = ast.parse((gui / f).read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for call in ast.walk(cls):
                if (
                    isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
                    and call.args and isinstance(call.args[0], ast.Constant)
                    and (cls.name, call.args[0].value) not in known
                ):
                    missing.append((cls.name, str(call.args[0].value)))
    return missing
