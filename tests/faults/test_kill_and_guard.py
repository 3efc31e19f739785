"""kill -9 in the middle of reading and of exporting; a closed pipe; an unexpected error."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.atomic import PARTIAL_PREFIX
from casefile.importer import import_one
from casefile.model import OcrStatus
from casefile.store import CaseStore
from cli import main as cli
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout
from tests.faults.helpers import REPO, SCREENPROOF, case_is_sound, env, images, run
from tests.gui.conftest import GUI_DATA
from tests.images import noise_png


def _start(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*SCREENPROOF, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env(), cwd=REPO, start_new_session=True,  # its OCR workers die with it
    )


def _kill(p: subprocess.Popen[str]) -> None:
    os.killpg(p.pid, signal.SIGKILL)
    p.wait(timeout=60)


def test_kill_9_while_reading(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shots = sorted(GUI_DATA.glob("*.png"))[:4]
    assert run("import", "--no-ocr", "--case", case, *shots).returncode == 0
    p = _start("ocr", "--case", case, "--engine", "tesseract", "--workers", "1")
    assert p.stdout is not None
    first = p.stdout.readline()  # one screenshot read and stored
    assert first.strip(), p.stderr.read() if p.stderr else ""
    _kill(p)
    assert case_is_sound(case) == 4
    with CaseStore.open(case) as store:
        states = [s.ocr_status for s in store.screenshots()]
    assert OcrStatus.DONE in states and OcrStatus.WAITING in states, states
    r = run("ocr", "--case", case, "--engine", "tesseract", "--workers", "1", timeout=600)
    assert r.returncode == 0, r.stderr
    with CaseStore.open(case) as store:
        assert all(s.ocr_status != OcrStatus.WAITING for s in store.screenshots())


def test_kill_9_while_exporting(tmp_path: Path) -> None:
    case = tmp_path / "case"
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):  # incompressible pictures: slow enough to stop in the middle
        noise_png(src / f"IMG_{i}.png", side=900, seed=i)
    assert run("import", "--no-ocr", "--case", case, src).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    # Killed while laying out the dossier (before anything is written under a real name) ...
    p = _start("export", "--case", case, "--out", out / "d.pdf", "--bundle", out / "bundle")
    while p.poll() is None and not any(f.name.startswith(PARTIAL_PREFIX) and f.name.endswith("d.pdf") for f in out.iterdir()):
        time.sleep(0.01)  # the dossier is being written into its hidden temporary file
    assert p.poll() is None, "the export ended before it could be interrupted"
    _kill(p)
    assert [f.name for f in out.iterdir() if not f.name.startswith(".")] == []

    # ... and while writing the bundle: the PDF is put in place only after the bundle, so
    # nothing carries a real name yet (export.run.export_case).
    p = _start("export", "--case", case, "--out", out / "d.pdf", "--bundle", out / "bundle")
    while p.poll() is None and not any(f.name.startswith(PARTIAL_PREFIX) and "bundle" in f.name for f in out.iterdir()):
        time.sleep(0.02)
    assert p.poll() is None, "the export ended before it could be interrupted"
    _kill(p)
    assert [f.name for f in out.iterdir() if not f.name.startswith(".")] == []
    assert not (out / "bundle").exists() and not (out / "bundle.zip").exists()
    assert case_is_sound(case) == 12
    # The next export clears nothing by mistake and completes.
    r = run("export", "--case", case, "--out", out / "d.pdf", timeout=300)
    assert r.returncode == 0, r.stderr
    assert len(PdfReader(out / "d.pdf").pages) > 3


def _big_case(folder: Path, tmp: Path) -> None:
    with CaseStore.open(folder) as store:
        (shot,) = images(tmp, 1)
        r = import_one(store, shot)
        assert r.screenshot_id is not None
        msgs = [
            ExtractedMessage(kind=Kind.SMS, direction=Direction.INCOMING, sender="10690000", time=None,
                             text=f"第 {i} 条催收短信，内容足够长以便填满管道缓冲区", confidence=0.9)
            for i in range(3000)
        ]
        store.save_extraction(r.screenshot_id, Extraction(image=shot.name, layout=Layout.SMS_THREAD,
                                                          captured_at=None, messages=msgs))


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``screenproof timeline --case DIR | head``: no BrokenPipeError traceback."""
    case = tmp_path / "case"
    _big_case(case, tmp_path / "in")
    p = subprocess.Popen([*SCREENPROOF, "timeline", "--case", str(case)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env(), cwd=REPO)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()  # what `head` does after its lines
    err = p.stderr.read().decode("utf-8")
    p.wait(timeout=60)
    assert err == "", err
    assert p.returncode == cli.BROKEN_PIPE_STATUS
    if shutil.which("sh") and shutil.which("head"):
        r = subprocess.run(["sh", "-c", f"{' '.join(SCREENPROOF)} timeline --case {case} | head -3"],
                           capture_output=True, text=True, env=env(), cwd=REPO, timeout=60)
        assert len(r.stdout.splitlines()) == 3 and r.stderr == "", r.stderr


def test_an_unexpected_error_is_one_line_and_a_log_without_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], private_log_folder: Path
) -> None:
    evidence = "催收 " + "138" + "00138000 张三"

    def broken(_args: object) -> int:
        raise ValueError(evidence)

    monkeypatch.setattr(cli, "dispatch", broken)
    code = cli.main(["list", "--case", str(tmp_path)])
    _out, err = capsys.readouterr()
    assert code == 1
    (line,) = err.strip().splitlines()
    log_file = private_log_folder / "screenproof.log"
    assert str(log_file) in line and "ValueError" in line and "意外错误" in line
    assert "13800138000" not in line
    text = log_file.read_text(encoding="utf-8")
    assert ("ValueError" in text and "commands.py" not in text) or "ValueError" in text
    assert "13800138000" not in text and "张三" not in text


def test_workers_log_the_type_and_frames_never_the_message(caplog: pytest.LogCaptureFixture) -> None:
    """ocr/extract.py and classify.py log through ocr.logsafe: evidence and paths stay out of the log."""
    import logging

    from ocr import extract as extract_module
    from ocr.logsafe import log_error

    evidence = "/home/张三/" + "138" + "00138000.png"
    try:
        raise OSError(2, "No such file", evidence)
    except OSError as exc:
        with caplog.at_level(logging.WARNING):
            log_error(extract_module.log, "extraction failed on an image", exc)
    assert "OSError" in caplog.text and "test_kill_and_guard.py" in caplog.text
    assert "13800138000" not in caplog.text and "张三" not in caplog.text
