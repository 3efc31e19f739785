"""A full disk at every write site: one sentence naming what and where, exit 1, the case as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casefile.faults import DATABASE, ORIGINAL, Problem, WriteFailedError
from casefile.importer import Outcome, import_one
from casefile.store import CaseStore
from cli import main as cli
from tests.faults.helpers import (
    CAN_UNSHARE,
    SCREENPROOF,
    case_is_sound,
    enospc_under,
    images,
    in_namespace,
)
from tests.gui.helpers import fake_extraction
from tests.images import noise_png


def _main(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _seeded(tmp_path: Path, n: int = 3) -> Path:
    case = tmp_path / "case"
    with CaseStore.open(case) as store:
        for p in images(tmp_path / "in", n):
            r = import_one(store, p)
            assert r.screenshot_id is not None
            store.save_extraction(r.screenshot_id, fake_extraction(p.name))
    return case


def test_a_real_full_disk_during_import(tmp_path: Path) -> None:
    """A 3 MB file system, three 1.4 MB screenshots: the third does not fit."""
    if not CAN_UNSHARE:  # no mount namespace here: the same run with the disk's refusal injected
        _full_disk_injected(tmp_path)
        return
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        noise_png(src / f"IMG_{i}.png", seed=i)
    disk = tmp_path / "disk"
    disk.mkdir()
    after = tmp_path / "after"
    setup = (
        f"mount -t tmpfs -o size=3m tmpfs {disk}; "
        f"set +e; {' '.join(SCREENPROOF)} import --no-ocr --case {disk}/case {src} > {tmp_path}/out 2> {tmp_path}/err; "
        f"echo $? > {tmp_path}/rc; cp -a {disk}/case {after}"
    )
    r = in_namespace(setup, ["true"])
    assert r.returncode == 0, r.stderr
    code = int((tmp_path / "rc").read_text())
    err = (tmp_path / "err").read_text(encoding="utf-8")
    out = (tmp_path / "out").read_text(encoding="utf-8")
    assert code == 1, (out, err)
    assert "Traceback" not in err and "OperationalError" not in err
    (line,) = err.strip().splitlines()
    assert "the disk is full" in line and "磁盘已满" in line and f"{disk}/case" in line, line
    assert "imported / 已导入" in out, "what fitted was imported and reported"
    assert 1 <= case_is_sound(after) < 3


def _full_disk_injected(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.faults.helpers import REPO, env

    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        noise_png(src / f"IMG_{i}.png", seed=i)
    case = tmp_path / "case"
    boot = (
        "import errno, os, sys\n"
        "real = os.fsync\n"
        "n = [0]\n"
        "def fsync(fd):\n"
        "    if '/originals/' in os.readlink(f'/proc/self/fd/{fd}'):\n"
        "        n[0] += 1\n"
        "        if n[0] > 2:\n"
        "            raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
        "from cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    r = subprocess.run([sys.executable, "-c", boot, "import", "--no-ocr", "--case", str(case), str(src)],
                       capture_output=True, text=True, env=env(), cwd=REPO, timeout=180)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert "the disk is full" in line and "磁盘已满" in line, line
    assert 1 <= case_is_sound(case) < 3


def test_enospc_storing_an_original(tmp_path: Path, monkeypatch, capsys) -> None:
    case = tmp_path / "case"
    CaseStore.open(case).close()
    with enospc_under(monkeypatch, case / "originals") as refused:
        code, _out, err = _main(capsys, "import", "--no-ocr", "--case", case, *images(tmp_path / "in", 2))
    assert refused, "the fault was hit"
    assert code == 1
    (line,) = err.strip().splitlines()
    assert line == (
        f"error: cannot write the copy of the screenshot in {case.resolve() / 'originals'}: the disk is full; "
        f"free some space and try again / 无法在 {case.resolve() / 'originals'} 写入截图的副本：磁盘已满，请清理空间后重试"
    )
    assert case_is_sound(case) == 0
    assert list((case / "originals").iterdir()) == []


def _full_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store opened for writing gets a database that cannot grow (SQLITE_FULL, as on a full disk)."""
    real = CaseStore._open_write.__func__  # type: ignore[attr-defined]

    def opened(cls, folder, db, lock):
        store = real(cls, folder, db, lock)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")
        return store

    monkeypatch.setattr(CaseStore, "_open_write", classmethod(opened))


def test_a_full_database_during_import(tmp_path: Path, monkeypatch, capsys) -> None:
    case = _seeded(tmp_path, 1)
    _full_database(monkeypatch)
    many = images(tmp_path / "more", 40, start=20)
    code, _out, err = _main(capsys, "import", "--no-ocr", "--case", case, *many)
    assert code == 1
    (line,) = err.strip().splitlines()
    assert "cannot write the case database" in line and "磁盘已满" in line and str(case.resolve()) in line
    monkeypatch.undo()
    n = case_is_sound(case)
    assert 1 <= n < 41
    # The originals stored before the database refused are adopted by the next import.
    code, _out, _err = _main(capsys, "import", "--no-ocr", "--case", case, *many)
    assert code == 0 and case_is_sound(case) == 41


def test_a_full_database_during_a_correction(tmp_path: Path, monkeypatch) -> None:
    case = _seeded(tmp_path, 1)
    _full_database(monkeypatch)
    with CaseStore.open(case) as store:
        m = store.messages()[0]
        # Fill the last free page, then the correction cannot be written.
        with pytest.raises(WriteFailedError) as caught:
            for i in range(10_000):
                store.correct(m.id, "text", f"修改 {i} " + "长" * 200)
        assert caught.value.what == DATABASE and caught.value.problem is Problem.NO_SPACE
        kept = store.message(m.id).text
        assert store._conn.in_transaction is False
    with CaseStore.open(case) as store:
        assert store.message(m.id).text == kept, "the failed correction left nothing behind"
        log = store.corrections(m.id)
        assert all(c.new is not None for c in log)
    assert case_is_sound(case) == 1


def test_enospc_writing_the_dossier(tmp_path: Path, monkeypatch, capsys) -> None:
    case = _seeded(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "d.pdf").write_bytes(b"%PDF-1.4 an older dossier")
    with enospc_under(monkeypatch, out_dir) as refused:
        code, _out, err = _main(capsys, "export", "--case", case, "--out", out_dir / "d.pdf")
    assert refused and code == 1
    (line,) = err.strip().splitlines()
    assert f"cannot write the dossier in {out_dir}" in line and "磁盘已满" in line, line
    assert (out_dir / "d.pdf").read_bytes() == b"%PDF-1.4 an older dossier", "the older dossier is intact"
    assert sorted(p.name for p in out_dir.iterdir()) == ["d.pdf"], "no temporary left behind"
    assert case_is_sound(case) == 3


def test_enospc_writing_the_bundle(tmp_path: Path, monkeypatch, capsys) -> None:
    case = _seeded(tmp_path)
    bundle_parent = tmp_path / "usb"
    bundle_parent.mkdir()
    with enospc_under(monkeypatch, bundle_parent) as refused:
        code, _out, err = _main(
            capsys, "export", "--case", case, "--out", tmp_path / "d.pdf", "--bundle", bundle_parent / "证据包"
        )
    assert refused and code == 1
    (line,) = err.strip().splitlines()
    assert f"cannot write the evidence bundle in {bundle_parent}" in line and "证据包" in line, line
    assert list(bundle_parent.iterdir()) == [], "no half bundle, no half zip, no staging folder"
    assert case_is_sound(case) == 3


def test_enospc_writing_the_timeline_csv(tmp_path: Path, monkeypatch, capsys) -> None:
    case = _seeded(tmp_path)
    out_dir = tmp_path / "csv"
    out_dir.mkdir()
    with enospc_under(monkeypatch, out_dir):
        code, _out, err = _main(capsys, "timeline", "--case", case, "--csv", out_dir / "t.csv")
    assert code == 1
    assert f"cannot write the CSV file in {out_dir}" in err and "磁盘已满" in err
    assert list(out_dir.iterdir()) == []


def test_other_os_errors_are_named(tmp_path: Path, monkeypatch) -> None:
    import errno

    from casefile.faults import from_os_error

    for code, problem in (
        (errno.EDQUOT, Problem.QUOTA), (errno.EACCES, Problem.PERMISSION), (errno.EROFS, Problem.READ_ONLY),
        (errno.ENAMETOOLONG, Problem.NAME_TOO_LONG),
    ):
        assert from_os_error(OSError(code, "x")) is problem
        line = WriteFailedError(ORIGINAL, tmp_path, problem).describe()
        assert str(tmp_path) in line and " / " in line
    # A real ENAMETOOLONG: an export file name longer than any file system allows.
    case = _seeded(tmp_path, 1)
    r_code = cli.main(["export", "--case", str(case), "--out", str(tmp_path / ("长" * 200 + ".pdf"))])
    assert r_code == 1
    with CaseStore.open(case) as store:
        assert [import_one(store, p).outcome for p in images(tmp_path / "in", 1)] == [Outcome.DUPLICATE]
    assert sqlite3.connect(case / "case.sqlite").execute("PRAGMA integrity_check").fetchone() == ("ok",)
