"""What went wrong in the user's environment, as a small set of typed problems.

Why: a full disk, a quota, a write-protected stick and a file name that is too
long each need a different sentence ("free some space", "choose another
folder"...), and the command line and the window must say the same thing.
The OS and SQLite report them as numbers (errno, SQLite result codes); they
are turned into one ``Problem`` here and into words by the presenters
(``describe`` for the terminal, ``gui/messages.py`` for the window).
"""

from __future__ import annotations

import enum
import errno
import sqlite3
from pathlib import Path


class Problem(enum.StrEnum):
    NO_SPACE = "no_space"
    QUOTA = "quota"
    READ_ONLY = "read_only"  # write-protected medium, or a folder the user may not write
    PERMISSION = "permission"
    NAME_TOO_LONG = "name_too_long"
    IO = "io"  # a failing disk or a removed stick
    OTHER = "other"


_ERRNO: dict[int, Problem] = {
    errno.ENOSPC: Problem.NO_SPACE,
    errno.EDQUOT: Problem.QUOTA,
    errno.EROFS: Problem.READ_ONLY,
    errno.EACCES: Problem.PERMISSION,
    errno.EPERM: Problem.PERMISSION,
    errno.ENAMETOOLONG: Problem.NAME_TOO_LONG,
    errno.EIO: Problem.IO,
    errno.ENXIO: Problem.IO,
    errno.ENODEV: Problem.IO,
}
if hasattr(errno, "EFBIG"):
    _ERRNO[errno.EFBIG] = Problem.NO_SPACE  # a file-size limit (FAT32 sticks: 4 GB) reads as "no room"

# SQLite primary result codes (sqlite3.h): what a failed write of the database means.
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_PERM = 3


def from_os_error(e: OSError) -> Problem:
    return _ERRNO.get(e.errno or 0, Problem.OTHER)


def from_sqlite_error(e: sqlite3.Error) -> Problem | None:
    """The environment problem behind a SQLite error, or None when it is not one (a bug, a damaged file)."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return Problem.NO_SPACE
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return Problem.READ_ONLY
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return Problem.IO
    return None


# Plain English and Chinese for the terminal; the window has Qt translations of the same.
PROBLEM_TEXT: dict[Problem, tuple[str, str]] = {
    Problem.NO_SPACE: ("the disk is full; free some space and try again", "磁盘已满，请清理空间后重试"),
    Problem.QUOTA: ("your disk quota is used up; free some space and try again", "磁盘配额已用完，请清理空间后重试"),
    Problem.READ_ONLY: (
        "the disk or folder is write-protected; choose another place",
        "该磁盘或文件夹受写保护，请选择其他位置",
    ),
    Problem.PERMISSION: (
        "you may not write there; choose another place",
        "没有写入该位置的权限，请选择其他位置",
    ),
    Problem.NAME_TOO_LONG: (
        "the file name or folder path is too long; choose a shorter one",
        "文件名或文件夹路径过长，请选择较短的",
    ),
    Problem.IO: (
        "the disk reported an error (was it removed?); check it and try again",
        "磁盘读写出错（是否已被拔出？），请检查后重试",
    ),
    Problem.OTHER: ("the system refused the write", "系统拒绝了写入"),
}


class WriteFailedError(Exception):
    """Something could not be written; ``what`` and ``where`` name it for the user.

    The case is unchanged: every writer stages its file or transaction, so a
    failed write leaves the previous state (see ``casefile.atomic``).
    """

    def __init__(self, what: str, where: Path, problem: Problem) -> None:
        super().__init__(f"{what}: {problem}")
        self.what = what
        self.where = where
        self.problem = problem

    def describe(self) -> str:
        """One line for the terminal, in English and Chinese."""
        en, zh = PROBLEM_TEXT[self.problem]
        what_en, what_zh = WHAT_TEXT.get(self.what, (self.what, self.what))
        return f"error: cannot write {what_en} in {self.where}: {en} / 无法在 {self.where} 写入{what_zh}：{zh}"


# What was being written, named for the terminal (the window has its own translations).
ORIGINAL = "original"
DATABASE = "database"
EXPORT_FILE = "export"
BUNDLE = "bundle"
CSV_FILE = "csv"
WHAT_TEXT: dict[str, tuple[str, str]] = {
    ORIGINAL: ("the copy of the screenshot", "截图的副本"),
    DATABASE: ("the case database", "案件数据库"),
    EXPORT_FILE: ("the dossier", "证据材料"),
    BUNDLE: ("the evidence bundle", "证据包"),
    CSV_FILE: ("the CSV file", "CSV 文件"),
}
