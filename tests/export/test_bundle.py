"""The evidence bundle: originals byte for byte, sha256sum -c, chronology files, zip."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.jobs import CancelToken
from casefile.store import CaseStore
from export.bundle import build_bundle, zip_path_for
from export.errors import ExportError, ExportFailure
from export.options import DossierOptions
from tests.export.conftest import GENERATED_AT, corpus_images, make_case
from tests.export.pdfcheck import page_texts, squash

OPTIONS = DossierOptions(generated_at=GENERATED_AT)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CaseStore, Path]]:
    root = tmp_path_factory.mktemp("bundle")
    store = make_case(root / "case")
    out = root / "out" / "证据包"
    list(build_bundle(store, out, OPTIONS))
    yield store, out
    store.close()


def test_sha256sum_check_passes(bundled: tuple[CaseStore, Path]) -> None:
    _, out = bundled
    r = subprocess.run(["sha256sum", "-c", "manifest.sha256"], cwd=out, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count(": OK") == len(corpus_images())


def test_originals_are_byte_identical(bundled: tuple[CaseStore, Path]) -> None:
    _, out = bundled
    copies = sorted((out / "originals").iterdir())
    assert len(copies) == len(corpus_images())
    by_hash = {hashlib.sha256(p.read_bytes()).hexdigest(): p.read_bytes() for p in corpus_images()}
    for c in copies:
        data = c.read_bytes()
        assert by_hash[hashlib.sha256(data).hexdigest()] == data
        assert c.name.startswith("证据0")
    # the exhibit number keeps the user's file name
    assert any(c.name == "证据05_IMG_5043.jpg" or c.name.endswith("_IMG_5043.jpg") for c in copies)


def test_manifest_hash_is_the_one_on_the_cover(bundled: tuple[CaseStore, Path]) -> None:
    _, out = bundled
    digest = hashlib.sha256((out / "manifest.sha256").read_bytes()).hexdigest()
    cover = page_texts(out / "证据材料.pdf")[0]
    assert digest in squash(cover)


def test_chronology_csv_has_bom_and_every_entry(bundled: tuple[CaseStore, Path]) -> None:
    store, out = bundled
    raw = (out / "时间线.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "序号"
    data = json.loads((out / "时间线.json").read_text(encoding="utf-8"))
    assert len(rows) - 1 == len(data["entries"]) > 0
    texts = {m.text for m in store.messages(include_excluded=False)}
    assert {e["text"] for e in data["entries"]} <= texts
    assert all(f.startswith("originals/") for e in data["entries"] for f in e["files"])


def test_zip_holds_the_same_files(bundled: tuple[CaseStore, Path]) -> None:
    _, out = bundled
    with zipfile.ZipFile(zip_path_for(out)) as z:
        assert z.testzip() is None
        names = sorted(z.namelist())
        on_disk = sorted(f"{out.name}/{p.relative_to(out).as_posix()}" for p in out.rglob("*") if p.is_file())
        assert names == on_disk
        for n in names:
            assert z.read(n) == (out.parent / n).read_bytes()


def test_bundle_is_deterministic_and_replaces_an_earlier_bundle(bundled: tuple[CaseStore, Path]) -> None:
    store, out = bundled
    before = zip_path_for(out).read_bytes()
    list(build_bundle(store, out, OPTIONS))  # over the earlier bundle: allowed
    assert zip_path_for(out).read_bytes() == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".screenproof-partial")]


def test_refuses_a_folder_that_is_not_a_bundle(bundled: tuple[CaseStore, Path], tmp_path: Path) -> None:
    store, _ = bundled
    target = tmp_path / "Documents"
    target.mkdir()
    (target / "my-thesis.docx").write_bytes(b"precious")
    with pytest.raises(ExportError) as e:
        list(build_bundle(store, target, OPTIONS))
    assert e.value.reason is ExportFailure.TARGET_EXISTS
    assert (target / "my-thesis.docx").read_bytes() == b"precious"


def test_cancel_leaves_no_folder_and_no_zip(bundled: tuple[CaseStore, Path], tmp_path: Path) -> None:
    store, _ = bundled
    target = tmp_path / "b"
    token = CancelToken()
    for i, _ in enumerate(build_bundle(store, target, OPTIONS, cancel=token)):
        if i == 3:
            token.cancel()
    assert list(tmp_path.iterdir()) == []


def test_bundle_can_reuse_a_written_pdf(tmp_path: Path) -> None:
    store = make_case(tmp_path / "case", corpus_images()[:1])
    pdf = tmp_path / "given.pdf"
    pdf.write_bytes(b"%PDF-1.4 stand-in")
    list(build_bundle(store, tmp_path / "b", OPTIONS, pdf=pdf))
    assert (tmp_path / "b" / "证据材料.pdf").read_bytes() == b"%PDF-1.4 stand-in"
    store.close()
