"""The export dialog runs a real export into tmp_path; Cancel leaves nothing behind.

The PDF is checked by reading it back (pypdf): pages and the Chinese title on
the cover, so a dialog that "succeeds" without a usable dossier fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.jobs import CancelToken
from casefile.store import CaseStore
from export.bundle import zip_path_for
from export.data import collect
from export.errors import ExportError, ExportFailure
from export.options import Section
from export.run import ExportProgress, ExportRequest, Stage, export_case
from gui import messages
from gui.views.export_dialog import ExportDialog
from tests.gui.helpers import collection_case


@pytest.fixture
def store(tmp_path: Path):
    s = collection_case(tmp_path, 2)
    yield s
    s.close()


@pytest.fixture
def dialog(gui_app, qtbot, store, runner, tmp_path: Path):
    d = ExportDialog(store, runner)
    qtbot.addWidget(d)
    d.pdf_edit.setText(str(tmp_path / "out" / "证据材料.pdf"))
    d.show()
    return d


def test_export_writes_the_pdf_and_the_bundle(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    pdf = tmp_path / "out" / "证据材料.pdf"
    (tmp_path / "out").mkdir()
    req = dialog.request()
    assert req.pdf == pdf
    assert req.options.lang == "zh"
    assert req.bundle_dir == tmp_path / "out" / "证据材料 - evidence bundle"
    dialog.export_button.click()
    assert dialog.running
    assert not dialog.pdf_edit.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)

    assert pdf.is_file(), dialog.status_label.text()
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3
    assert "证据材料" in reader.pages[0].extract_text()
    assert req.bundle_dir is not None and req.bundle_dir.is_dir()
    assert zip_path_for(req.bundle_dir).is_file()
    assert (req.bundle_dir / "manifest.sha256").is_file()
    assert str(pdf) in dialog.status_label.text()
    assert dialog.open_button.isVisible()
    # Nothing half-written is left beside the PDF.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [pdf.name, req.bundle_dir.name, zip_path_for(req.bundle_dir).name]
    )


def test_english_labels_and_fewer_sections(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    dialog.bundle_box.setChecked(False)
    dialog.section_boxes[Section.EXHIBITS].setChecked(False)
    dialog.section_boxes[Section.APPENDIX].setChecked(False)
    dialog.pdf_edit.setText(str(tmp_path / "dossier"))  # the .pdf is added
    req = dialog.request()
    assert req.pdf == tmp_path / "dossier.pdf"
    assert req.bundle_dir is None
    assert Section.EXHIBITS not in req.options.sections
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "dossier.pdf").pages)
    assert "Evidence dossier" in text


def test_no_section_means_no_export(dialog: ExportDialog) -> None:
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()


def test_cancel_leaves_no_file(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    dialog.start_export()
    assert dialog.running
    dialog.cancel()  # at once: the job stops at its next unit
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []
    assert dialog.status_label.text() == "Cancelled. No file was written."
    assert dialog.export_button.isEnabled()


def test_the_job_cancelled_after_the_dossier_leaves_no_file(store: CaseStore, tmp_path: Path) -> None:
    """Cancel between the dossier and the bundle: the finished PDF is not put in place."""
    from export.options import DossierOptions

    pdf = tmp_path / "out" / "a.pdf"
    pdf.parent.mkdir()
    req = ExportRequest(pdf=pdf, options=DossierOptions(), bundle_dir=tmp_path / "out" / "bundle")
    token = CancelToken()
    for item in export_case(collect(store), req, token):
        if isinstance(item, ExportProgress) and item.stage is Stage.BUNDLE:
            token.cancel()
    assert list(pdf.parent.iterdir()) == []


def test_an_altered_original_is_reported_in_words(dialog: ExportDialog, store: CaseStore, qtbot) -> None:
    shot = store.screenshots()[0]
    path = store.original_file(shot)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"x")
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    text = dialog.status_label.text()
    assert "changed after it was imported" in text, text
    assert not Path(dialog.pdf_edit.text()).exists()


def test_failure_texts_name_the_file(gui_app, tmp_path: Path) -> None:
    for reason in ExportFailure:
        text = messages.export_failed(ExportError(reason, tmp_path / "x.png"))
        assert str(tmp_path / "x.png") in text
    assert "Permission denied" in messages.export_failed(PermissionError(13, "Permission denied", "/nope"))
    assert "/out/a.pdf" in messages.export_failed(OSError(28, "No space left on device"), Path("/out/a.pdf"))
    assert "error in Screenproof" in messages.export_failed(RuntimeError("bug"))


def test_a_failed_bundle_leaves_nothing_behind(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    """The bundle's folder is someone else's: the export stops, and no new PDF is left either."""
    out = tmp_path / "out"
    bundle = dialog.request().bundle_dir
    assert bundle is not None
    bundle.mkdir(parents=True)
    (bundle / "my notes.txt").write_text("not a bundle")
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert "is not an earlier evidence bundle" in dialog.status_label.text()
    assert str(bundle) in dialog.status_label.text()
    assert sorted(p.name for p in out.iterdir()) == [bundle.name]
    assert [p.name for p in bundle.iterdir()] == ["my notes.txt"]
    assert not dialog.open_button.isVisible()
