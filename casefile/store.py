"""The one owner of a case's SQLite connection.

Everything that reads or writes the case goes through ``CaseStore``, so the data
rules hold in one place: OCR values are written once, user changes are appended
to the audit log, and originals are stored before the row that names them.
A store belongs to one thread (the GUI thread, or a command); workers are
handed paths and bytes, never the store.

``CaseStore`` is one class assembled from parts split by table group, so each
file holds one set of tables and stays readable; each part subclasses the one
before it, so every method it calls is typed and found without a cast:

- ``store_errors``: ``CaseProblem``, ``CaseError``, ``Access``, ``ReadOnlyBecause``;
- ``store_core``: opening (the writer lock, read-only copies), ``close``,
  ``revision`` and ``transaction``;
- ``store_shots``: case details, settings and screenshots (``NewScreenshot``);
- ``store_messages``: messages, corrections, undo and redo, and the capture time
  (setting it re-resolves the messages' times, and undo replays both logs);
- ``store_recovery``: OCR results, readings, unassigned lines, messages read on request;
- this module: tags, counterparties and the originals' integrity check.

Other code imports from here only: every public name of the parts is re-exported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from casefile.model import Party, Tag, TagState
from casefile.originals import VerifyProblem, verify_original
from casefile.store_core import folder_writable, now
from casefile.store_errors import Access, CaseError, CaseProblem, ReadOnlyBecause
from casefile.store_messages import CREATED
from casefile.store_recovery import FORCED_BY_USER, LINE_APPEND, LINE_NEW, RecoveryStore
from casefile.store_shots import NewScreenshot
from casefile.store_values import decode_capture, encode_capture, new_batch_id

# The names other code imports from here; the parts are an implementation detail.
__all__ = [
    "CREATED",
    "FORCED_BY_USER",
    "LINE_APPEND",
    "LINE_NEW",
    "Access",
    "CaseError",
    "CaseProblem",
    "CaseStore",
    "NewScreenshot",
    "ReadOnlyBecause",
    "decode_capture",
    "encode_capture",
    "folder_writable",
    "new_batch_id",
    "now",
]


class CaseStore(RecoveryStore):
    """A case folder: ``case.sqlite`` (WAL), ``originals/`` and ``case.lock``.

    A store opened for writing holds the case's writer lock until ``close``;
    one opened for reading never changes the case (SQLite may leave its empty
    ``-wal``/``-shm`` side files where the folder is writable), so a case on a
    write-protected stick or a disc can be listed, verified and exported.
    """

    # -- tags ---------------------------------------------------------------------

    def tags(self, message_id: int | None = None) -> list[Tag]:
        sql = "SELECT message_id, tag, state, source, at FROM tags"
        args: tuple[Any, ...] = ()
        if message_id is not None:
            sql += " WHERE message_id=?"
            args = (message_id,)
        return [
            Tag(r[0], r[1], TagState(r[2]), r[3], datetime.fromisoformat(r[4]))
            for r in self._conn.execute(sql + " ORDER BY message_id, tag", args)
        ]

    def set_tag(self, message_id: int, tag: str, state: TagState, source: str = "user") -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO tags (message_id, tag, state, source, at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(message_id, tag) DO UPDATE SET state=excluded.state, source=excluded.source, "
                "at=excluded.at",
                (message_id, tag, str(state), source, now().isoformat()),
            )

    def suggest_tags(self, suggestions: Iterable[tuple[int, str, str]]) -> int:
        """Record rule suggestions (message, tag, rule id), never overriding a user's decision."""
        n = 0
        with self.transaction() as c:
            for message_id, tag, source in suggestions:
                cur = c.execute(
                    "INSERT INTO tags (message_id, tag, state, source, at) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(message_id, tag) DO NOTHING",
                    (message_id, tag, str(TagState.SUGGESTED), source, now().isoformat()),
                )
                n += cur.rowcount
        return n

    # -- counterparties -------------------------------------------------------------

    def parties(self) -> list[Party]:
        members: dict[int, list[str]] = defaultdict(list)
        for pid, sender in self._conn.execute("SELECT party_id, sender FROM party_members ORDER BY sender"):
            members[pid].append(sender)
        return [
            Party(pid, name, tuple(members[pid]))
            for pid, name in self._conn.execute("SELECT id, name FROM parties ORDER BY name")
        ]

    def set_party(self, name: str, members: Iterable[str]) -> int:
        """Create or replace a party; a sender belongs to at most one party (moved if needed)."""
        with self.transaction() as c:
            c.execute("INSERT INTO parties(name) VALUES(?) ON CONFLICT(name) DO NOTHING", (name,))
            pid = int(c.execute("SELECT id FROM parties WHERE name=?", (name,)).fetchone()[0])
            c.execute("DELETE FROM party_members WHERE party_id=?", (pid,))
            for m in members:
                c.execute(
                    "INSERT INTO party_members(party_id, sender) VALUES(?, ?) "
                    "ON CONFLICT(sender) DO UPDATE SET party_id=excluded.party_id",
                    (pid, m),
                )
        return pid

    def remove_party(self, name: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM parties WHERE name=?", (name,))

    # -- integrity ---------------------------------------------------------------------

    def verify(self) -> list[VerifyProblem]:
        """Re-hash every original; report the missing and the altered."""
        problems = []
        for shot in self.screenshots():
            p = verify_original(self.paths.originals, shot.sha256, shot.ext)
            if p is not None:
                problems.append(p)
        return problems
