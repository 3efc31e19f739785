"""The door: commands are found by name, the window is another process, bad input is one sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli import main as cli


def test_no_command_starts_the_window_as_its_own_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def call(argv: list[str]) -> int:
        calls.append(argv)
        return 7

    monkeypatch.setattr(subprocess, "call", call)
    assert cli.main(["--case", str(tmp_path)]) == 7
    assert calls == [[sys.executable, "-m", "gui", "--case", str(tmp_path)]]
    assert cli.main([]) == 7 and calls[-1] == [sys.executable, "-m", "gui"]


def test_every_command_module_is_reachable() -> None:
    parser = cli.parser()
    for name in ("import", "ocr", "list", "verify", "extract", "timeline", "export"):
        module = next(m for m in cli.COMMANDS if m.__name__ == f"cli.cmd_{name}")
        assert callable(module.run)
    args = parser.parse_args(["list", "--case", "x"])
    assert args.command == "list" and args.case_dir == "x"


def test_the_window_script_parses_its_own_arguments() -> None:
    r = subprocess.run([sys.executable, "-m", "gui", "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "--case" in r.stdout


def test_a_file_that_is_not_a_picture_is_named_with_its_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a screenshot")
    code = cli.main(["import", "--no-ocr", "--case", str(tmp_path / "case"), str(notes), str(tmp_path / "gone.png")])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{notes}: rejected: not an image file" in out
    assert f"{tmp_path / 'gone.png'}: rejected: file not found" in out
    assert "Traceback" not in out + err


def test_a_case_that_does_not_exist_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["list"], ["verify"], ["timeline"], ["ocr"], ["export", "--out", str(tmp_path / "d.pdf")]):
        code = cli.main([*command, "--case", str(tmp_path / "nope")])
        _out, err = capsys.readouterr()
        assert code == 2, command
        (line,) = err.strip().splitlines()
        assert str(tmp_path / "nope") in line and "not a Screenproof case" in line
    assert not (tmp_path / "d.pdf").exists()
