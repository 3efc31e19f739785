"""The evidence bundle: a folder and a .zip with the dossier, every original and the chronology.

Layout of ``out_dir`` (and of the zip, under the folder's name)::

    证据材料.pdf            the dossier (or dossier.pdf in English)
    manifest.sha256        sha256sum format, the originals only; its own hash is on the cover
    originals/证据01_….png  every original, byte for byte
    时间线.csv / .json      the chronology (CSV in UTF-8 with BOM, so Excel in China reads it)
    说明.txt                how to check it

The folder is assembled under a hidden temporary name beside ``out_dir`` and
renamed into place at the end, the zip likewise: a cancelled or failed export
leaves neither a half folder nor a half zip. Every original is re-hashed as it
is copied, so a bundle can never contain a file whose hash differs from the
one the dossier prints. The zip is deterministic (sorted entries, fixed
timestamps) so the same case gives the same zip.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from casefile.atomic import PARTIAL_PREFIX, fsync_dir, remove_tree, staged_file, temp_path
from casefile.campaigns import Campaign, campaign_of_entry
from casefile.jobs import Progress
from casefile.model import LABEL_SEP
from casefile.originals import sha256_file
from casefile.store import CaseStore
from casefile.timeline import TimelineEntry
from export.data import DossierData, collect
from export.document import DossierCancelledError
from export.dossier import dossier_steps, read_original, render_dossier
from export.errors import ExportError, ExportFailure
from export.labels import labels
from export.manifest import MANIFEST_NAME, ORIGINALS_DIR
from export.options import DossierOptions
from export.phone_words import sender_shown, shows_phones

Cancel = Callable[[], bool]
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_path_for(out_dir: Path) -> Path:
    """``…/证据包`` → ``…/证据包.zip`` (beside the folder, never inside it)."""
    return out_dir.with_name(out_dir.name + ".zip")


def build_bundle(
    store: CaseStore,
    out_dir: Path,
    options: DossierOptions,
    *,
    cancel: Cancel | None = None,
    pdf: Path | None = None,
) -> Iterator[Progress]:
    """Read the case and write the bundle folder ``out_dir`` and ``out_dir.zip``.

    ``pdf``: an already written dossier of this case to include instead of
    laying it out again (the command line writes --out first, then the bundle).
    """
    yield Progress(0, 1, "case")
    data = collect(store)
    yield from write_bundle(data, out_dir, options, cancel=cancel, pdf=pdf)


def write_bundle(
    data: DossierData,
    out_dir: Path,
    options: DossierOptions,
    *,
    cancel: Cancel | None = None,
    pdf: Path | None = None,
) -> Iterator[Progress]:
    """Write the bundle from a snapshot; touches no store, safe in a worker."""
    out_dir = Path(out_dir)
    cancelled: Cancel = cancel if cancel is not None else (lambda: False)
    L = labels(options.lang, options.label_overrides)  # noqa: N806
    _check_target(out_dir)
    n = len(data.exhibits)
    total = n + (0 if pdf is not None else dossier_steps(data, options)) + 3
    stage = temp_path(out_dir)
    try:
        (stage / ORIGINALS_DIR).mkdir(parents=True)
        for i, (ex, entry) in enumerate(zip(data.exhibits, data.manifest.entries, strict=True), 1):
            if cancelled():
                return
            _write(stage / entry.bundle_name, read_original(ex))
            yield Progress(i, total, f"original {ex.number}")
        _write(stage / MANIFEST_NAME, data.manifest.text.encode("utf-8"))
        _write(stage / L["bundle_csv"], chronology_csv(data, L))
        _write(stage / L["bundle_json"], chronology_json(data, options))

        if pdf is not None:
            # Copied and hashed as a stream: a year's dossier is ~100 MB.
            shutil.copyfile(pdf, stage / L["bundle_pdf"])
            pdf_sha = sha256_file(stage / L["bundle_pdf"])
        else:
            job = render_dossier(data, options, cancel=cancelled)
            while True:
                try:
                    p = next(job)
                except StopIteration as stop:
                    rendered: bytes | None = stop.value
                    break
                yield Progress(n + p.done, total, p.label)
            if rendered is None:
                return
            _write(stage / L["bundle_pdf"], rendered)
            pdf_sha = hashlib.sha256(rendered).hexdigest()
            del rendered
        _write(stage / L["bundle_readme"], readme(data, L, pdf_sha).encode("utf-8"))
        yield Progress(total - 2, total, "files")
        if cancelled():
            return
        try:
            with staged_file(zip_path_for(out_dir)) as tmp_zip:
                write_zip(stage, tmp_zip, out_dir.name, options.generated_at, cancelled)
        except DossierCancelledError:
            return
        yield Progress(total - 1, total, "zip")
        _swap_into_place(stage, out_dir)
        yield Progress(total, total, "written")
    finally:
        remove_tree(stage)


def _check_target(out_dir: Path) -> None:
    """Refuse to replace a folder that is not an earlier bundle: it may hold the user's files."""
    if out_dir.exists():
        if not out_dir.is_dir():
            raise ExportError(ExportFailure.TARGET_EXISTS, out_dir, "not a folder")
        entries = list(out_dir.iterdir())
        if entries and not (out_dir / MANIFEST_NAME).is_file():
            raise ExportError(ExportFailure.TARGET_EXISTS, out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(ExportFailure.TARGET_NOT_WRITABLE, out_dir.parent, str(e)) from e


def _swap_into_place(stage: Path, out_dir: Path) -> None:
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f"{PARTIAL_PREFIX}old-{out_dir.name}")
        remove_tree(old)
        out_dir.rename(old)
    stage.rename(out_dir)
    fsync_dir(out_dir.parent)
    if old is not None:
        remove_tree(old)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


ZIP_CHUNK = 1 << 20


def write_zip(folder: Path, target: Path, root: str, when: datetime | None, cancelled: Cancel) -> None:
    """Deterministic zip of ``folder`` under ``root/``: sorted names, one timestamp, no extra fields."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, 0) if when and when.year >= 1980 else _ZIP_EPOCH
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w") as z:
        for p in files:
            if cancelled():
                raise DossierCancelledError
            rel = p.relative_to(folder).as_posix()
            info = zipfile.ZipInfo(f"{root}/{rel}", date_time=stamp)
            info.external_attr = 0o644 << 16
            # Images are already compressed; deflating them only costs time.
            info.compress_type = zipfile.ZIP_STORED if rel.startswith(ORIGINALS_DIR + "/") else zipfile.ZIP_DEFLATED
            info.file_size = p.stat().st_size
            with open(p, "rb") as f, z.open(info, "w") as dst:  # streamed: one original at a time
                shutil.copyfileobj(f, dst, ZIP_CHUNK)


# -- chronology files --------------------------------------------------------------------------------


def _entry_record(data: DossierData, e: TimelineEntry, campaigns: Mapping[int, Campaign] | None = None,
                  *, labels: bool = False) -> dict[str, Any]:
    """One chronology entry as the JSON and the CSV hold it; ``phone`` and ``campaign`` (issue 14)
    only when the case holds other people's phones (``campaigns`` given), ``labels`` only when a
    row of the case showed some (``_has_labels``), so a case of the user's own screenshots
    without them gives the files it always did."""
    files = []
    for sid in e.screenshot_ids:
        ex = data.exhibit_of_shot(sid)
        if ex is not None:
            files.append(ex.bundle_name)
    return {
        "index": e.index + 1,
        "time": e.time.strftime("%Y-%m-%dT%H:%M") if e.time else None,
        "date": e.day.isoformat() if e.day else None,
        "precision": str(e.precision),
        "time_source": str(e.time_source) if e.time_source else None,
        "kind": str(e.kind),
        "direction": str(e.direction),
        "sender": e.sender,
        "party": e.party,
        "text": e.text,
        "duration_s": e.duration_s,
        "tags": list(data.confirmed(e)),  # confirmed by the user; rule suggestions are not findings
        "exhibits": data.entry_refs(e),
        "files": files,
        "message_ids": list(e.message_ids),
    } | (
        {}
        if campaigns is None
        else {"phone": e.phone, "campaign": c.number if (c := campaigns.get(e.index)) is not None else None}
    ) | ({"labels": list(e.labels)} if labels else {})


def _has_labels(data: DossierData) -> bool:
    """Whether any entry shows a row's labels (place, carrier, the phone's mark): then every record has the key."""
    return any(e.labels for e in data.entries)


def _campaigns(data: DossierData) -> dict[int, Campaign] | None:
    """Entry index → mass text, or None when the case names no phone but the user's own."""
    return campaign_of_entry(data.campaigns) if shows_phones(data.phones) else None


def chronology_json(data: DossierData, options: DossierOptions) -> bytes:
    marks = _campaigns(data)
    doc = {
        "case": {
            "title": data.case.title,
            "complainant": data.case.complainant,
            "respondents": data.case.respondents,
        },
        "generator": f"Screenproof {data.version}",
        "generated_at": options.generated_at.isoformat(timespec="minutes") if options.generated_at else None,
        "manifest_sha256": data.manifest.sha256,
        "entries": [_entry_record(data, e, marks, labels=_has_labels(data)) for e in data.entries],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def chronology_csv(data: DossierData, L: Mapping[str, str]) -> bytes:  # noqa: N803
    """UTF-8 with BOM: without it Excel in China reads UTF-8 as GBK."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    marks = _campaigns(data)
    phone_cols = [L["col_phone"], L["col_campaign_file"]] if marks is not None else []
    with_labels = _has_labels(data)
    w.writerow(
        [
            L["col_no"], L["col_time"], L["col_sender"], L["col_party"], L["col_kind"], L["col_direction"],
            L["col_text"], L["col_tags"], L["col_exhibit"], L["col_file"], *phone_cols,
            *([L["col_labels"]] if with_labels else []),
        ]
    )
    for e in data.entries:
        r = _entry_record(data, e, marks)
        extra = []
        if marks is not None:
            extra = [e.phone, L["campaign_no"].format(n=r["campaign"]) if r["campaign"] else ""]
        if with_labels:
            extra.append(LABEL_SEP.join(e.labels))
        w.writerow(
            [
                r["index"],
                (r["time"] or "").replace("T", " ")
                or (L["day_time_not_shown"].format(day=r["date"]) if r["date"] else ""),
                sender_shown(L, e.sender, e.phone) if e.sender else "",
                e.party,
                L[f"kind_{e.kind.value}"],
                L[f"dir_{e.direction.value}"],
                e.text,
                L["list_sep"].join(r["tags"]),
                " ".join(r["exhibits"]),
                " ".join(r["files"]),
                *extra,
            ]
        )
    return buf.getvalue().encode("utf-8-sig")


def readme(data: DossierData, L: Mapping[str, str], pdf_sha256: str) -> str:  # noqa: N803
    lines = [
        f"{data.case.title or L['untitled_case']} — {L['doc_title']}",
        "",
        L["cover_note"].format(**data.statement_values()),
        "",
        f"{L['manifest_hash']}: {data.manifest.sha256}",
        f"SHA-256 {L['bundle_pdf']}: {pdf_sha256}",
        "",
        *L["method_items"].format(**data.statement_values()).split("\n"),
        "",
        "sha256sum -c manifest.sha256",
        "sha256sum manifest.sha256",
        "",
    ]
    return "\r\n".join(lines)
