"""The Tesseract engine: the one place in the program that calls pytesseract.

Why it looks like this (STACK.md §3):

* Debian's libtesseract links OpenMP, which makes one page take 4–5 s instead
  of 0.7 s on two cores unless ``OMP_THREAD_LIMIT=1`` is in the environment of
  the tesseract subprocess. It is set here, before any call, so no caller can
  forget it.
* chi_sim "words" are one or two characters and come with spaces between them;
  the unit of evidence is the *line* (``image_to_data`` level 4), with the
  invented spaces removed (``ocr.text``).
* A missing binary or a missing ``chi_sim`` is the user's environment, not our
  bug: it raises :class:`EngineMissing` with the Debian packages to install,
  once, at construction, instead of failing on every image.
* Every call has a timeout, so a pathological image cannot hang a batch.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ocr.engines.errors import EngineCrashed, EngineMissing, EngineTimeout
from ocr.engines.settings import engine_settings
from ocr.model import Box
from ocr.recognition import Line
from ocr.text import clean_line

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

log = logging.getLogger(__name__)

DEBIAN_PACKAGES = "tesseract-ocr tesseract-ocr-chi-sim"
INSTALL_HINT = f"sudo apt install {DEBIAN_PACKAGES}"
# Lines whose character-weighted confidence is below this are noise (STACK.md
# §3: real text scores 87–97, garbage 0–50). It is a floor, not the bar:
# ``ocr.regions`` holds loose text to 40 and lets a bubble keep a weak line
# beside a confident one. A line of a masked ID number
# (``1301**********0405）名下``) scores about 34, and it is the evidence.
#
# Words are never filtered one by one: chi_sim gives correct but rare
# characters (鑫, 盛, and even 秒, 元 in some contexts) a confidence of 0, and
# dropping them loses evidence. Measured on dev/realworld with a word floor of
# 25 against none: CER 0.054/0.251 against 0.039/0.243, precision 0.991/0.831
# against 0.994/0.892 (a line of garbage keeps its low words and so falls
# under the line floor as a whole).
LINE_MIN_CONF = 20.0

# Tesseract drops a text row whose few blobs look like noise to its layout
# analysis before the recogniser sees it (``textord_noise_rejrows``). A short
# bubble's lone line of two CJK glyphs is such a row: each glyph falls apart
# into radicals (谢 = 讠 + 身 + 寸), so a perfectly clean 谢谢 comes back as no
# text at all at some sizes (0.72 of a 1170-px screen, not 0.70 or 0.73). For
# regions that are known to hold one short line the filter is switched off.
SHORT_LINE_CONFIG = "-c textord_noise_rejrows=0"


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    conf: float
    x: int
    y: int
    w: int
    h: int


class TesseractEngine:
    """``OcrEngine`` over the Debian tesseract binary (chi_sim+eng).

    ``psm`` 6 (one uniform block) suits the inputs it gets: bubble crops
    stacked into one canvas by :mod:`ocr.regions`, never a whole chat page.

    ``lang`` is ``chi_sim`` alone, not ``chi_sim+eng``: with ``eng`` loaded,
    Tesseract reads the start of a Chinese line as English whenever it sees
    brackets (``【鑫盛易贷】最后通知：`` → ``(BEA) RIA:``, ``骚扰电话`` → ``Bis``),
    and chi_sim reads digits, times and Latin letters by itself. Measured on
    the whole corpus (dev 48 / realworld 15 images), chi_sim against
    chi_sim+eng: recall 0.969/0.712 against 0.960/0.712, CER 0.074/0.254
    against 0.090/0.262, time 0.942/0.712 against 0.926/0.692, and 30 % less
    CPU (one model instead of two).
    """

    name = "tesseract"
    # Tesseract wants dark text on a clean light background and benefits from
    # one call per page (0.2 s of start-up per subprocess): see ocr.regions.
    prefers_page = False

    def __init__(
        self,
        lang: str | None = None,
        *,
        timeout_s: float = 60.0,
        psm: int | None = None,
        tesseract_cmd: str | None = None,
    ) -> None:
        # Read when an engine is made, not when the module is imported: a
        # test or a worker that sets them after import is obeyed.
        settings = engine_settings()
        if lang is None:
            lang = settings.tess_lang
        if psm is None:
            psm = settings.tess_psm
        os.environ["OMP_THREAD_LIMIT"] = "1"
        try:
            import pytesseract
        except ImportError as exc:  # a broken install of our own dependencies
            raise EngineMissing("The Python package pytesseract is missing; reinstall screenproof.") from exc
        self._pt = pytesseract
        if tesseract_cmd is not None:
            self._cmd = tesseract_cmd
        else:
            self._cmd = pytesseract.pytesseract.tesseract_cmd
        self.lang = lang
        self.timeout_s = timeout_s
        self.psm = psm
        self._version = self._probe()

    def _call(self, fn: Callable[[], object]) -> object:
        """Run one pytesseract call with our binary and map its errors to ours."""
        pt = self._pt
        saved = pt.pytesseract.tesseract_cmd
        pt.pytesseract.tesseract_cmd = self._cmd
        try:
            return fn()
        except pt.TesseractNotFoundError as exc:
            raise EngineMissing(
                f"Tesseract OCR is not installed (looked for {self._cmd!r}). Install it with: {INSTALL_HINT}"
            ) from exc
        except pt.TesseractError as exc:  # a RuntimeError too: caught before the timeout below
            raise EngineCrashed(f"tesseract crashed (status {exc.status})") from exc
        except RuntimeError as exc:  # pytesseract signals its timeout this way
            raise EngineTimeout(f"tesseract timed out after {self.timeout_s:g} s") from exc
        except OSError as exc:
            raise EngineMissing(f"Tesseract OCR could not be started ({exc}). Install it with: {INSTALL_HINT}") from exc
        finally:
            pt.pytesseract.tesseract_cmd = saved

    def _probe(self) -> str:
        if shutil.which(self._cmd) is None and not Path(self._cmd).is_file():
            raise EngineMissing(f"Tesseract OCR is not installed (no {self._cmd!r}). Install it with: {INSTALL_HINT}")
        version = str(self._call(lambda: self._pt.get_tesseract_version()))
        langs = self._call(lambda: self._pt.get_languages(config=""))
        assert isinstance(langs, list)
        missing = [lang for lang in self.lang.split("+") if lang not in langs]
        if missing:
            raise EngineMissing(
                f"Tesseract is installed but its language data {', '.join(missing)} is missing. "
                f"Install it with: {INSTALL_HINT}"
            )
        return version

    def version(self) -> str:
        return f"tesseract {self._version} ({self.lang})"

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read an image into text lines (level 4 of ``image_to_data``), top to bottom."""
        return self._read(image, "")

    def recognize_short_lines(self, image: np.ndarray) -> list[Line]:
        """Read an image of short lines (one-line bubbles), keeping rows Tesseract's noise filter drops."""
        return self._read(image, SHORT_LINE_CONFIG)

    def _read(self, image: np.ndarray, extra_config: str) -> list[Line]:
        if image.size == 0:
            return []
        config = f"--psm {self.psm} -c preserve_interword_spaces=1 {extra_config}".strip()
        # The picture reaches the binary as a file; pytesseract writes PNG unless
        # told otherwise, and compressing the canvases of stacked crops was 3 %
        # of an extraction's time (profiled over ten dev pages). PPM/PGM is
        # written uncompressed and read as fast: the same pixels, the same reading.
        picture = Image.fromarray(image)
        picture.format = "PPM"
        data = self._call(
            lambda: self._pt.image_to_data(
                picture, lang=self.lang, config=config, output_type=self._pt.Output.DICT, timeout=self.timeout_s
            )
        )
        if not isinstance(data, dict):
            raise EngineCrashed("tesseract returned no table")
        try:
            return _group_lines(data)
        except (ValueError, KeyError, IndexError, TypeError) as exc:  # output that is not Tesseract's TSV
            raise EngineCrashed(f"tesseract returned unreadable output ({type(exc).__name__})") from exc


def _group_lines(data: dict[str, list[object]]) -> list[Line]:
    """Words → lines keyed by (block, paragraph, line); boxes are the union of word boxes."""
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    order: list[tuple[int, int, int]] = []
    n = len(data["text"])
    for i in range(n):
        if int(str(data["level"][i])) != 5:
            continue
        text = str(data["text"][i]).strip()
        try:
            conf = float(str(data["conf"][i]))
        except ValueError:
            conf = -1.0
        if not text or conf < 0:  # -1: not a word (block, paragraph rows)
            continue
        key = (int(str(data["block_num"][i])), int(str(data["par_num"][i])), int(str(data["line_num"][i])))
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(
            _Word(
                text,
                conf,
                int(str(data["left"][i])),
                int(str(data["top"][i])),
                int(str(data["width"][i])),
                int(str(data["height"][i])),
            )
        )
    out: list[Line] = []
    for key in order:
        words = lines[key]
        words.sort(key=lambda w: w.x)
        text = clean_line(" ".join(w.text for w in words))
        if not text:
            continue
        # Confidence weighted by characters: one bad 1-char word should not sink a long line.
        total = sum(len(w.text) for w in words)
        conf = sum(w.conf * len(w.text) for w in words) / max(total, 1)
        if conf < LINE_MIN_CONF:
            continue
        x0 = min(w.x for w in words)
        y0 = min(w.y for w in words)
        x1 = max(w.x + w.w for w in words)
        y1 = max(w.y + w.h for w in words)
        out.append(Line(text, conf / 100.0, Box(x0, y0, x1 - x0, y1 - y0)))
    out.sort(key=lambda ln: (ln.box.y + ln.box.h / 2, ln.box.x))
    return out
