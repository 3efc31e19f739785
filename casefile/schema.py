"""The case database's tables and the path from any older version to this one.

``PRAGMA user_version`` is the schema version. A case folder made by an older
Screenproof is migrated forward in one transaction when opened; a case made by
a newer one is refused rather than risked.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE case_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    title       TEXT NOT NULL DEFAULT '',
    complainant TEXT NOT NULL DEFAULT '',
    respondent  TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT ''
);
INSERT INTO case_info (id) VALUES (1);

CREATE TABLE screenshots (
    id                 INTEGER PRIMARY KEY,
    sha256             TEXT NOT NULL UNIQUE,
    original_name      TEXT NOT NULL,
    original_path      TEXT NOT NULL,
    ext                TEXT NOT NULL,
    size_bytes         INTEGER NOT NULL,
    width              INTEGER NOT NULL,
    height             INTEGER NOT NULL,
    format             TEXT NOT NULL,
    imported_at        TEXT NOT NULL,
    captured_at        TEXT,
    captured_at_source TEXT,
    layout             TEXT,
    thread_title       TEXT,
    ocr_status         TEXT NOT NULL DEFAULT 'waiting',
    ocr_engine         TEXT NOT NULL DEFAULT '',
    ocr_version        TEXT NOT NULL DEFAULT '',
    ocr_error          TEXT,
    ocr_at             TEXT,
    reviewed           INTEGER NOT NULL DEFAULT 0,
    purpose            TEXT NOT NULL DEFAULT ''
);

-- Messages keep what the OCR extracted. User changes live in corrections.
CREATE TABLE messages (
    id               INTEGER PRIMARY KEY,
    screenshot_id    INTEGER NOT NULL REFERENCES screenshots(id) ON DELETE CASCADE,
    position         REAL NOT NULL,
    origin           TEXT NOT NULL DEFAULT 'ocr',
    kind             TEXT NOT NULL,
    direction        TEXT NOT NULL,
    sender           TEXT,
    time             TEXT,
    time_source      TEXT,
    text             TEXT NOT NULL DEFAULT '',
    box              TEXT,
    confidence       REAL NOT NULL DEFAULT 0,
    field_confidence TEXT NOT NULL DEFAULT '{}',
    duration_s       INTEGER,
    superseded       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_by_screenshot ON messages(screenshot_id, position);

-- Append-only audit log: every user change to a message field.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    old        TEXT,
    new        TEXT,
    at         TEXT NOT NULL,
    batch      TEXT
);
CREATE INDEX corrections_by_message ON corrections(message_id, id);

CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    state      TEXT NOT NULL,
    source     TEXT NOT NULL,
    at         TEXT NOT NULL,
    UNIQUE (message_id, tag)
);

CREATE TABLE parties (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE party_members (
    party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    sender   TEXT NOT NULL UNIQUE
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


# Every message keeps the day its screen shows (SCHEMA ``date``: an inbox row showing
# only 昨天 has a day but no minute) and the time text as shown, so a corrected capture
# time can resolve 昨天 / 5分钟前 again. Existing cases: the day of every known minute
# (the only day their OCR rows allow). A user's change of a screenshot's capture time
# is audited like a message correction, in its own append-only table.
_V2_DATES = """
ALTER TABLE messages ADD COLUMN date TEXT;
ALTER TABLE messages ADD COLUMN time_text TEXT;
UPDATE messages SET date = substr(time, 1, 10) WHERE time IS NOT NULL;

CREATE TABLE screenshot_corrections (
    id            INTEGER PRIMARY KEY,
    screenshot_id INTEGER NOT NULL REFERENCES screenshots(id) ON DELETE CASCADE,
    field         TEXT NOT NULL,
    old           TEXT,
    new           TEXT,
    at            TEXT NOT NULL,
    batch         TEXT
);
CREATE INDEX screenshot_corrections_by_shot ON screenshot_corrections(screenshot_id, id);
CREATE INDEX screenshot_corrections_by_batch ON screenshot_corrections(batch);
"""


# The recovery tools of the review pane (核对 → 按…重新识别, unassigned lines).
# ``readings`` keeps every reading of a screenshot: the layout, how well each
# layout fitted (so the window can say how sure the guess is) and, when the user
# chose the layout, who and when (the audit of a forced layout). Lines the OCR
# read but placed in no message are kept per reading; a re-read supersedes them
# like messages, never deletes them. ``line_uses`` records which message took a
# line ('new': made from it, 'append': added to its text).
_V3_RECOVERY = """
CREATE TABLE readings (
    id            INTEGER PRIMARY KEY,
    screenshot_id INTEGER NOT NULL REFERENCES screenshots(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    layout        TEXT,
    layout_scores TEXT NOT NULL DEFAULT '{}',
    forced_layout TEXT,
    forced_by     TEXT,
    engine        TEXT NOT NULL DEFAULT '',
    superseded    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX readings_by_screenshot ON readings(screenshot_id, id);

CREATE TABLE unassigned_lines (
    id            INTEGER PRIMARY KEY,
    screenshot_id INTEGER NOT NULL REFERENCES screenshots(id) ON DELETE CASCADE,
    reading_id    INTEGER REFERENCES readings(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    box           TEXT NOT NULL,
    confidence    REAL NOT NULL DEFAULT 0,
    superseded    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unassigned_by_screenshot ON unassigned_lines(screenshot_id, superseded, position);

CREATE TABLE line_uses (
    id         INTEGER PRIMARY KEY,
    line_id    INTEGER NOT NULL REFERENCES unassigned_lines(id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    how        TEXT NOT NULL,
    at         TEXT NOT NULL,
    batch      TEXT
);
CREATE INDEX line_uses_by_line ON line_uses(line_id);
"""


# Whose phone each screenshot came from (issue 14, 爆通讯录 proof): the owner's
# name as the user calls them. Every screenshot of a case made before this
# version came from the user's own phone, which is the default (本人 =
# ``casefile.phones.OWN_PHONE``). A change is audited in screenshot_corrections
# (field 'phone').
_V4_PHONES = """
ALTER TABLE screenshots ADD COLUMN phone TEXT NOT NULL DEFAULT '本人';
"""


# What a row shows beside or under the party (issue 11): the number's place or carrier,
# the phone's own mark (骚扰电话), HD, a SIM badge; a JSON list of the texts as read
# (``ocr.model.ExtractedMessage.labels``). OCR output, kept as extracted and not
# correctable. Messages of older cases had none stored: an empty list.
_V5_LABELS = """
ALTER TABLE messages ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';
"""


# MIGRATIONS[i] is the SQL that takes a database at version i to version i + 1.
MIGRATIONS: list[str] = [_V1, _V2_DATES, _V3_RECOVERY, _V4_PHONES, _V5_LABELS]
CURRENT_VERSION = len(MIGRATIONS)


class SchemaTooNewError(Exception):
    """The case was written by a newer Screenproof; opening it could damage it."""

    def __init__(self, found: int) -> None:
        super().__init__(f"case schema version {found} is newer than this program's {CURRENT_VERSION}")
        self.found = found


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to CURRENT_VERSION; return the version it was at.

    Each step runs in one explicit transaction together with its user_version
    bump (``executescript`` would commit half-way), so a crash mid-migration
    leaves the old version intact.
    """
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > CURRENT_VERSION:
        raise SchemaTooNewError(found)
    for version in range(found, CURRENT_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in split_statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found


def split_statements(script: str) -> list[str]:
    """Statement boundaries found by sqlite3 itself, not a hand-written parser."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    return [s for s in statements if s]
