"""``screenproof export`` from the command line, and one dossier from real OCR output."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from casefile.importer import ImportResult, import_paths
from casefile.store import CaseStore
from cli.cmd_export import run_export
from cli.main import main
from export.dossier import build_dossier
from export.options import DossierOptions
from export.text import plain
from tests.export.conftest import EXPORT_DATA, GENERATED_AT, corpus_images, make_case
from tests.export.pdfcheck import page_texts, squash


def test_run_export_writes_pdf_and_bundle(tmp_path: Path) -> None:
    make_case(tmp_path / "case", corpus_images()[:2]).close()
    out, err = io.StringIO(), io.StringIO()
    code = run_export(
        str(tmp_path / "case"), str(tmp_path / "d.pdf"), bundle=str(tmp_path / "b"), lang="en",
        generated_at=GENERATED_AT, out=out, err=err,
    )
    assert code == 0, err.getvalue()
    assert (tmp_path / "d.pdf").is_file() and (tmp_path / "b" / "dossier.pdf").is_file()
    assert (tmp_path / "b" / "dossier.pdf").read_bytes() == (tmp_path / "d.pdf").read_bytes()
    assert (tmp_path / "b.zip").is_file()
    assert "manifest SHA-256" in out.getvalue()


def test_run_export_reports_bad_input(tmp_path: Path) -> None:
    err = io.StringIO()
    assert run_export(str(tmp_path / "nope"), str(tmp_path / "d.pdf"), err=err) == 2
    assert "not a Screenproof case" in err.getvalue()
    assert run_export(str(tmp_path), str(tmp_path / "d.pdf"), sections="cover,bogus", err=err) == 2
    assert not (tmp_path / "d.pdf").exists()


def test_a_failed_bundle_leaves_no_pdf(tmp_path: Path) -> None:
    """The CLI used to write the PDF before the bundle; now a failed bundle leaves nothing new."""
    make_case(tmp_path / "case", corpus_images()[:1]).close()
    out = tmp_path / "out"
    (out / "b").mkdir(parents=True)
    (out / "b" / "mine.txt").write_text("not a bundle")
    err = io.StringIO()
    code = run_export(str(tmp_path / "case"), str(out / "d.pdf"), bundle=str(out / "b"), err=err)
    assert code == 2
    assert "is not an earlier evidence bundle" in err.getvalue() and str(out / "b") in err.getvalue()
    assert sorted(p.name for p in out.iterdir()) == ["b"]
    assert [p.name for p in (out / "b").iterdir()] == ["mine.txt"]


def test_screenproof_export_command(tmp_path: Path) -> None:
    make_case(tmp_path / "case", corpus_images()[:1]).close()
    assert main(["export", "--case", str(tmp_path / "case"), "--out", str(tmp_path / "x.pdf")]) == 0
    assert page_texts(tmp_path / "x.pdf")


def test_dossier_from_real_ocr(tmp_path: Path) -> None:
    """The whole flow on two corpus screenshots: import, Tesseract, dossier, text back out."""
    from ocr.extract import extract

    images = [EXPORT_DATA / "Screenshot_20241022_153101_com.android.mms.png", EXPORT_DATA / "Screenshot_20241128_234702_com.tencent.mm.jpg"]
    for p in images:
        shutil.copy(p, tmp_path / p.name)
    store = CaseStore.open(tmp_path / "case")
    results = [r for r in import_paths(store, [tmp_path / p.name for p in images]) if isinstance(r, ImportResult)]
    for r in results:
        assert r.screenshot_id is not None
        shot = store.screenshot(r.screenshot_id)
        ex = extract(store.original_file(shot), shot.captured_at, name=shot.original_name)
        store.save_extraction(shot.id, ex)
    msgs = store.messages(include_excluded=False)
    assert msgs, "the OCR read nothing from two clear screenshots"
    pdf = tmp_path / "ocr.pdf"
    list(build_dossier(store, pdf, DossierOptions(generated_at=GENERATED_AT)))
    text = squash("".join(page_texts(pdf)))
    for m in msgs:
        if m.text:
            assert squash(plain(m.text)) in text, m.text
    store.close()
