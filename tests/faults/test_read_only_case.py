"""A case on a write-protected stick or disc: readers work, writers get one sentence; a damaged
database is told apart from an unwritable one and says how to rebuild from the originals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casefile.importer import import_one
from casefile.store import Access, CaseError, CaseProblem, CaseStore, ReadOnlyBecause
from tests.faults.helpers import (
    CAN_UNSHARE,
    IS_ROOT,
    SCREENPROOF,
    case_is_sound,
    images,
    in_namespace,
    no_traceback,
    run,
    run_as_if_read_only,
)
from tests.gui.helpers import fake_extraction


def _case(tmp_path: Path, n: int = 3) -> Path:
    case = tmp_path / "case"
    with CaseStore.open(case) as store:
        for p in images(tmp_path / "in", n):
            r = import_one(store, p)
            assert r.screenshot_id is not None
            store.save_extraction(r.screenshot_id, fake_extraction(p.name))
    return case


def _read_only_run(case: Path, mount: Path, *args: str | Path) -> tuple[int, str, str]:
    """Run a command on ``case`` seen through a read-only mount at ``mount``: a real read-only bind
    mount where a mount namespace is allowed, chmod when not root, else the OS's refusals injected."""
    if CAN_UNSHARE:
        mount.mkdir(exist_ok=True)
        r = in_namespace(f"mount --bind -o ro {case} {mount}", [*SCREENPROOF, *args])
        return r.returncode, r.stdout, r.stderr
    real_args = [str(a).replace(str(mount), str(case)) for a in args]
    if IS_ROOT:
        r = run_as_if_read_only(*real_args)
        return r.returncode, r.stdout, r.stderr
    for p in [case, *case.rglob("*")]:
        p.chmod(p.stat().st_mode & ~0o222)
    try:
        r = run(*real_args)
    finally:
        for p in [case, *case.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)
    return r.returncode, r.stdout, r.stderr


def _contents(case: Path) -> list[tuple[str, bytes]]:
    """Every file and its bytes, but SQLite's empty side files (a reader may create them where it can)."""
    side = ("case.sqlite-wal", "case.sqlite-shm")
    return sorted(
        (p.name, p.read_bytes()) for p in case.rglob("*") if p.is_file() and p.name not in side
    )


def test_readers_work_on_a_write_protected_case(tmp_path: Path) -> None:
    case = _case(tmp_path)
    before = _contents(case)
    ro = tmp_path / "stick"
    code, out, err = _read_only_run(case, ro, "verify", "--case", ro)
    assert code == 0, err
    assert "3 of 3 originals intact / 3 个原件中 3 个完好" in out
    code, out, err = _read_only_run(case, ro, "list", "--case", ro)
    assert code == 0 and "3 screenshots" in out, err
    code, out, err = _read_only_run(case, ro, "timeline", "--case", ro)
    assert code == 0 and "message 0" in out, err
    code, out, err = _read_only_run(case, ro, "export", "--case", ro, "--out", tmp_path / "out" / "d.pdf",
                                    "--bundle", tmp_path / "out" / "bundle")
    assert code == 0, err
    assert (tmp_path / "out" / "d.pdf").stat().st_size > 1000
    # Writers: one sentence, exit 1, the case untouched.
    code, out, err = _read_only_run(case, ro, "import", "--no-ocr", "--case", ro, *images(tmp_path / "more", 1, 9))
    assert code == 1 and "Traceback" not in err
    assert "cannot be written" in err and "无法写入" in err and len(err.strip().splitlines()) == 1, err
    assert _contents(case) == before, "nothing was written into the case"
    assert case_is_sound(case) == 3


def test_a_write_protected_case_with_changes_still_in_its_wal(tmp_path: Path) -> None:
    """A case copied while Screenproof had it open: the last changes live in case.sqlite-wal."""
    case = _case(tmp_path, 2)
    store = CaseStore.open(case)
    store._conn.execute("PRAGMA wal_autocheckpoint=0")
    r = import_one(store, images(tmp_path / "late", 1, 7)[0])
    assert r.screenshot_id is not None
    copy = tmp_path / "copy"
    shutil.copytree(case, copy)  # with the WAL, as a copy made while the window is open
    store.close()
    (copy / "case.sqlite-shm").unlink()
    assert (copy / "case.sqlite-wal").stat().st_size > 0
    ro = tmp_path / "disc"
    code, out, err = _read_only_run(copy, ro, "list", "--case", ro)
    assert code == 0, err
    assert "3 screenshots" in out, "the change in the WAL is seen"
    code, out, err = _read_only_run(copy, ro, "verify", "--case", ro)
    assert code == 0 and "3 of 3 originals intact" in out


def test_a_store_opened_for_reading_refuses_writes(tmp_path: Path) -> None:
    case = _case(tmp_path, 1)
    with CaseStore.open(case, access=Access.READ) as store:
        assert store.read_only is ReadOnlyBecause.ASKED
        with pytest.raises(CaseError) as caught:
            store.set_reviewed(store.screenshots()[0].id, True)
        assert caught.value.problem is CaseProblem.READ_ONLY


def test_an_older_case_is_read_without_being_migrated(tmp_path: Path, monkeypatch) -> None:
    """A reader may not change the case, even to bring it to this version: it reads a private copy."""
    from casefile import schema
    from casefile import store_core as store_module  # where opening reads the version

    case = _case(tmp_path, 1)
    db = case / "case.sqlite"
    before = db.read_bytes()
    newer = [*schema.MIGRATIONS, "CREATE TABLE later_feature (x INTEGER);"]  # this program is one version on
    monkeypatch.setattr(schema, "MIGRATIONS", newer)
    monkeypatch.setattr(schema, "CURRENT_VERSION", len(newer))
    monkeypatch.setattr(store_module, "CURRENT_VERSION", len(newer))
    with CaseStore.open(case, access=Access.READ) as store:
        assert len(store.screenshots()) == 1
        assert store._snapshot is not None and store._snapshot.is_dir()
        snapshot = store._snapshot
    assert not snapshot.exists(), "the private copy is removed on close"
    assert db.read_bytes() == before
    wal = case / "case.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0, "at most SQLite's empty side file"
    with CaseStore.open(case) as store:  # a writer migrates the case itself
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == len(newer)


def test_damaged_and_unwritable_are_told_apart(tmp_path: Path) -> None:
    case = _case(tmp_path, 2)
    (case / "case.sqlite").write_bytes(b"\0" * 4096)  # a disk error zeroed the database
    for cmd in ("list", "verify", "import"):
        args = ["--no-ocr"] if cmd == "import" else []
        r = run(cmd, *args, "--case", case, *(images(tmp_path / "x", 1, 5) if cmd == "import" else []))
        no_traceback(r)
        assert r.returncode == 2
        assert "damaged" in r.stderr and "已损坏" in r.stderr
        assert str(case / "originals") in r.stderr and "SHA-256" in r.stderr
        assert "cannot be written" not in r.stderr
    # The rebuild the message describes works: the originals, by hash, into a new case.
    r = run("import", "--no-ocr", "--case", tmp_path / "rebuilt", case / "originals")
    assert r.returncode == 0, r.stderr
    assert case_is_sound(tmp_path / "rebuilt") == 2
    with CaseStore.open(tmp_path / "rebuilt") as store:
        assert {s.sha256 for s in store.screenshots()} == {p.stem for p in (case / "originals").iterdir()}
