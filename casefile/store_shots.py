"""Case details, settings and screenshots: the ``screenshots``, ``case_info`` and
``settings`` tables of ``CaseStore``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from casefile.model import CAPTURED_AT, CaseInfo, OcrStatus, Screenshot
from casefile.phones import OWN_PHONE, describe_phones, phone_name
from casefile.store_core import StoreCore, now
from casefile.store_values import decode_capture
from ocr.model import Layout, TimeSource, parse_iso


@dataclass(frozen=True, slots=True)
class NewScreenshot:
    sha256: str
    original_name: str
    original_path: str
    ext: str
    size_bytes: int
    width: int
    height: int
    format: str
    captured_at: datetime | None
    captured_at_source: TimeSource | None
    phone: str = OWN_PHONE


class ShotsStore(StoreCore):
    """Case details, settings and the screenshots' rows (originals are stored before them)."""

    # -- case details and settings --------------------------------------------

    def case_info(self) -> CaseInfo:
        r = self._conn.execute("SELECT title, complainant, respondent, notes FROM case_info").fetchone()
        return CaseInfo(*r)

    def set_case_info(self, info: CaseInfo) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE case_info SET title=?, complainant=?, respondent=?, notes=?",
                (info.title, info.complainant, info.respondent, info.notes),
            )

    def setting(self, key: str, default: str | None = None) -> str | None:
        r = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return r[0] if r else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    # -- screenshots ----------------------------------------------------------

    _SHOT_COLS = (
        "id, sha256, original_name, original_path, ext, size_bytes, width, height, format, imported_at, "
        "captured_at, captured_at_source, layout, thread_title, ocr_status, ocr_engine, ocr_version, "
        "ocr_error, reviewed, purpose, "
        "(SELECT old FROM screenshot_corrections sc WHERE sc.screenshot_id = screenshots.id "
        f"AND sc.field = '{CAPTURED_AT}' ORDER BY sc.id LIMIT 1), phone"
    )

    @staticmethod
    def _shot(r: tuple[Any, ...]) -> Screenshot:
        return Screenshot(
            id=r[0],
            sha256=r[1],
            original_name=r[2],
            original_path=r[3],
            ext=r[4],
            size_bytes=r[5],
            width=r[6],
            height=r[7],
            format=r[8],
            imported_at=datetime.fromisoformat(r[9]),
            captured_at=parse_iso(r[10]),
            captured_at_source=TimeSource(r[11]) if r[11] else None,
            layout=Layout(r[12]) if r[12] else None,
            thread_title=r[13],
            ocr_status=OcrStatus(r[14]),
            ocr_engine=r[15],
            ocr_version=r[16],
            ocr_error=r[17],
            reviewed=bool(r[18]),
            purpose=r[19],
            captured_at_before=decode_capture(r[20])[0],
            captured_at_source_before=decode_capture(r[20])[1],
            phone=r[21],
        )

    def screenshot_id_for(self, sha256: str) -> int | None:
        r = self._conn.execute("SELECT id FROM screenshots WHERE sha256=?", (sha256,)).fetchone()
        return int(r[0]) if r else None

    def add_screenshot(self, s: NewScreenshot) -> int:
        """Record an original that is already stored; the caller stores the file first."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO screenshots (sha256, original_name, original_path, ext, size_bytes, width, height, "
                "format, imported_at, captured_at, captured_at_source, phone) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    s.sha256,
                    s.original_name,
                    s.original_path,
                    s.ext,
                    s.size_bytes,
                    s.width,
                    s.height,
                    s.format,
                    now().isoformat(),
                    s.captured_at.isoformat() if s.captured_at else None,
                    str(s.captured_at_source) if s.captured_at_source else None,
                    phone_name(s.phone),
                ),
            )
            return int(cur.lastrowid or 0)

    def screenshots(self) -> list[Screenshot]:
        """All screenshots in a stable order: capture time (unknown last), then import order."""
        rows = self._conn.execute(
            f"SELECT {self._SHOT_COLS} FROM screenshots ORDER BY captured_at IS NULL, captured_at, id"
        ).fetchall()
        return [self._shot(r) for r in rows]

    def screenshot(self, screenshot_id: int) -> Screenshot:
        r = self._conn.execute(
            f"SELECT {self._SHOT_COLS} FROM screenshots WHERE id=?", (screenshot_id,)
        ).fetchone()
        if r is None:
            raise KeyError(screenshot_id)
        return self._shot(r)

    def original_file(self, shot: Screenshot) -> Path:
        return self.paths.originals / shot.stored_name

    def screenshots_to_read(self, *, redo: bool = False) -> list[Screenshot]:
        if redo:
            return self.screenshots()
        return [s for s in self.screenshots() if s.ocr_status != OcrStatus.DONE]

    def phones(self) -> list[str]:
        """Every phone owner with a screenshot in the case: the user's own first, then by name."""
        return describe_phones(r[0] for r in self._conn.execute("SELECT DISTINCT phone FROM screenshots"))

    def set_reviewed(self, screenshot_id: int, reviewed: bool) -> None:
        with self.transaction() as c:
            c.execute("UPDATE screenshots SET reviewed=? WHERE id=?", (int(reviewed), screenshot_id))

    def set_purpose(self, screenshot_id: int, purpose: str) -> None:
        with self.transaction() as c:
            c.execute("UPDATE screenshots SET purpose=? WHERE id=?", (purpose, screenshot_id))
