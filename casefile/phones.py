"""Whose phone a screenshot came from: the person in the case who received what it shows.

Collectors write to the borrower's mother, colleagues and emergency contacts
(爆通讯录). Those people's screenshots are the strongest proof of it, and they
differ from the user's own in one thing: on them "me" and "outgoing" are that
person, not the user. So every screenshot carries the name of the phone's
owner, as the user calls them (母亲, 同事张某); the user's own phone is
``OWN_PHONE``. Names are free text, kept as typed apart from whitespace.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# The user's own phone: the default for every screenshot, and what a case made
# before phones were recorded holds.
OWN_PHONE = "本人"

# Long enough for "同事张某（公司前台）", short enough for a table column and a PDF line.
MAX_PHONE_NAME = 40

# Folder names that say "my own phone" rather than naming another person; a
# folder ``我的/`` or ``me/`` suggests OWN_PHONE, not a person called 我的.
_OWN_FOLDER_NAMES = frozenset({"本人", "我", "我的", "自己", "me", "mine", "my phone", "myself", "own"})


def phone_name(text: str | None) -> str:
    """The stored form of a phone owner's name: whitespace collapsed, empty → ``OWN_PHONE``."""
    name = " ".join((text or "").split())[:MAX_PHONE_NAME]
    if not name or name.casefold() in _OWN_FOLDER_NAMES:
        return OWN_PHONE
    return name


def is_own(phone: str) -> bool:
    return phone == OWN_PHONE


def folder_suggestion(path: Path, dropped: Path) -> str | None:
    """The person a file's folder suggests, for a file found under a dropped folder.

    ``证据/妈妈/1.png`` dropped as ``证据`` suggests 妈妈 (the first folder below
    the dropped one); a file directly in the dropped folder, or dropped itself,
    suggests nothing: only the user can say whose phone a loose file came from.
    """
    try:
        rel = path.relative_to(dropped)
    except ValueError:
        return None
    if len(rel.parts) < 2:
        return None
    return phone_name(rel.parts[0])


def sub_folder_phones(paths: Iterable[Path]) -> list[str]:
    """The names the dropped folders' sub-folders suggest (``证据/妈妈`` → 妈妈), own phone first.

    Only one level is listed (what ``folder_suggestion`` looks at), so this is
    quick enough to decide whether to ask at all before an import starts;
    hidden folders (``.thumbnails``) suggest nothing.
    """
    names: list[str] = []
    for p in paths:
        try:
            with os.scandir(p) as it:
                names += [phone_name(e.name) for e in it if e.is_dir() and not e.name.startswith(".")]
        except OSError:
            continue  # a file, or a folder that cannot be listed: the import reports it by name
    return describe_phones(names)


def describe_phones(phones: Iterable[str]) -> list[str]:
    """The case's phones in the order a reader expects: the user's own first, then by name."""
    names = set(phones)
    rest = sorted(n for n in names if n != OWN_PHONE)
    return ([OWN_PHONE] if OWN_PHONE in names else []) + rest
