"""Phone screenshots with randomised skins, and their gold labels (SCHEMA.md).

``render(seed, layout=None, family=None) -> Screen`` draws one screen; the
same seed always draws the same screen, so a failure found with a random seed
can be replayed. See ``screen.py`` for what is drawn and ``skin.py`` for what
varies.
"""

from __future__ import annotations

from tests.ocr.skins.screen import FAMILIES, LAYOUTS, Screen, render

__all__ = ["FAMILIES", "LAYOUTS", "Screen", "render"]
