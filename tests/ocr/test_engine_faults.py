"""Engine faults at the seam, with a stand-in ``tesseract`` binary (after OCRmyPDF's
``tests/plugins/tesseract_crash.py``): it answers the version and language probes like
the real one, then crashes, hangs or prints garbage when asked to read.

Whatever the engine does on one image, ``extract`` returns an ``Extraction`` whose
error starts with ``Failure.ENGINE`` (the window says why in the user's language) and
never raises: a batch goes on past one bad image.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from ocr.engines.errors import EngineCrashed, EngineTimeout
from ocr.engines.tesseract import TesseractEngine
from ocr.extract import extract
from ocr.model import Failure
from tests.ocr.list_render import ListRow, render_list

_SCRIPT = """#!{python}
import sys, time
args = sys.argv[1:]
if "--version" in args:
    print("tesseract 5.3.0")
    sys.exit(0)
if "--list-langs" in args:
    print("List of available languages in \\"/usr/share/tesseract-ocr/5/tessdata/\\" (2):")
    print("chi_sim")
    print("eng")
    sys.exit(0)
mode = {mode!r}
if mode == "crash":
    sys.stderr.write("Segmentation fault\\n")
    sys.exit(139)
if mode == "hang":
    time.sleep(60)
    sys.exit(0)
# garbage: a TSV that is not one
with open(args[1] + ".tsv", "w", encoding="utf-8") as f:
    f.write("level\\tpage_num\\n\\x00\\x01 not a table\\n7\\n")
"""


def _fake(tmp_path: Path, mode: str) -> str:
    path = tmp_path / f"tesseract-{mode}"
    path.write_text(_SCRIPT.format(python=sys.executable, mode=mode), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.mark.parametrize(("mode", "error"), [("crash", EngineCrashed), ("hang", EngineTimeout)])
def test_a_failing_engine_raises_its_typed_reason(tmp_path: Path, mode: str, error: type[Exception]) -> None:
    eng = TesseractEngine(tesseract_cmd=_fake(tmp_path, mode), timeout_s=1)
    assert "5.3.0" in eng.version()
    with pytest.raises(error):
        eng.recognize(render_list("信息", []))


@pytest.mark.parametrize("mode", ["crash", "hang"])
def test_extract_survives_a_failing_engine(tmp_path: Path, mode: str) -> None:
    eng = TesseractEngine(tesseract_cmd=_fake(tmp_path, mode), timeout_s=1)
    x = extract(render_list("信息", [ListRow("10086", "10:21", "您本月话费账单已出")]), name="a.png", engine=eng)
    assert x.error is not None and x.error.startswith(str(Failure.ENGINE)), x.error
    assert x.messages == []


def test_extract_survives_an_engine_returning_garbage(tmp_path: Path) -> None:
    eng = TesseractEngine(tesseract_cmd=_fake(tmp_path, "garbage"), timeout_s=5)
    x = extract(render_list("信息", [ListRow("10086", "10:21", "您本月话费账单已出")]), name="a.png", engine=eng)
    # Either read as nothing or reported as the engine's failure; never an internal error.
    assert x.error is None or x.error.startswith(str(Failure.ENGINE)), x.error
    assert all(m.text.isprintable() for m in x.messages)
