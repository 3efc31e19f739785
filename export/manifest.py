"""Exhibit numbers, file names in the bundle, and the hash manifest.

The manifest ties the paper to the files: the cover prints the SHA-256 of
``manifest.sha256``, and that file lists the SHA-256 of every original under
the name it has in the bundle. Anyone can then check the chain with standard
tools (``sha256sum``, ``certutil``) without trusting this program. The
manifest therefore lists the originals only — listing the PDF would make the
hash on its own cover circular.

Bundle names keep the user's original file name (it is how they will recognise
a screenshot) behind the exhibit number, made safe for Windows, macOS, Linux,
zip and ``sha256sum -c`` (no separators, no control characters, no
backslash, which ``sha256sum`` would escape, bounded length).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

MANIFEST_NAME = "manifest.sha256"
ORIGINALS_DIR = "originals"

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_MAX_NAME_BYTES = 180  # well under the 255-byte limit of most file systems, prefix included


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    number: int
    sha256: str
    bundle_name: str  # "originals/证据01_Screenshot_….png"


@dataclass(frozen=True, slots=True)
class Manifest:
    entries: tuple[ManifestEntry, ...]

    @property
    def text(self) -> str:
        """The exact bytes of manifest.sha256 (as UTF-8), in ``sha256sum`` format."""
        return "".join(f"{e.sha256}  {e.bundle_name}\n" for e in self.entries)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def exhibit_prefix(number: int, total: int) -> str:
    """``证据01``: zero-padded so the files sort in exhibit order in any file manager."""
    width = max(2, len(str(total)))
    return f"证据{number:0{width}d}"


def safe_name(original_name: str, ext: str) -> str:
    """A file name that any file system, zip tool and ``sha256sum -c`` accepts unchanged."""
    name = unicodedata.normalize("NFC", original_name).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip().rstrip(". ")  # Windows drops trailing dots and spaces
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if suffix.lower() not in _EXT_ALIASES.get(ext.lower(), {ext.lower()}):
        # The stored format decides the extension: an image saved as .png but
        # holding JPEG bytes must open as what it is.
        stem, suffix = name, ext.lower()
    stem = stem or "screenshot"
    budget = _MAX_NAME_BYTES - len(suffix.encode()) - 1
    while len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    return f"{stem}.{suffix}"


_EXT_ALIASES = {"jpg": {"jpg", "jpeg", "jpe"}, "heic": {"heic", "heif"}}


def bundle_name(number: int, total: int, original_name: str, ext: str) -> str:
    return f"{ORIGINALS_DIR}/{exhibit_prefix(number, total)}_{safe_name(original_name, ext)}"


def build_manifest(items: Sequence[tuple[int, str, str, str]]) -> Manifest:
    """From (exhibit number, sha256, original name, ext); names made unique if two collide."""
    total = len(items)
    seen: set[str] = set()
    entries = []
    for number, sha, original, ext in items:
        name = bundle_name(number, total, original, ext)
        # The exhibit prefix already makes names unique; this only guards a
        # caller numbering two exhibits alike.
        while name.casefold() in seen:
            name = name.replace(f"{ORIGINALS_DIR}/", f"{ORIGINALS_DIR}/_", 1)
        seen.add(name.casefold())
        entries.append(ManifestEntry(number, sha, name))
    return Manifest(tuple(entries))
