"""What the user chose in the export dialog, as one immutable value."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from export.labels import Lang


class Section(enum.StrEnum):
    """The parts of the dossier, in the order they are printed."""

    COVER = "cover"
    INDEX = "index"
    SUMMARY = "summary"
    CHRONOLOGY = "chronology"
    EXHIBITS = "exhibits"
    APPENDIX = "appendix"


ALL_SECTIONS: frozenset[Section] = frozenset(Section)


@dataclass(frozen=True, slots=True)
class DossierOptions:
    """Everything that changes the dossier's content.

    ``generated_at`` is the one moment printed on the cover; pass it to get a
    byte-identical PDF from the same case twice (None means "now", to the
    minute). ``image_dpi`` and ``jpeg_quality`` trade legibility against a
    file small enough to e-mail: the originals travel in the bundle, the PDF
    only needs to be readable on paper and screen.
    """

    lang: Lang = "zh"
    sections: frozenset[Section] = ALL_SECTIONS
    generated_at: datetime | None = None
    author: str | None = None  # PDF metadata; defaults to the complainant
    image_dpi: int = 150
    jpeg_quality: int = 70
    label_overrides: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 30 <= self.image_dpi <= 600:
            raise ValueError(f"image_dpi out of range: {self.image_dpi}")
        if not 20 <= self.jpeg_quality <= 95:
            raise ValueError(f"jpeg_quality out of range: {self.jpeg_quality}")
        bad = set(self.sections) - ALL_SECTIONS
        if bad:
            raise ValueError(f"unknown sections: {bad}")

    def has(self, section: Section) -> bool:
        return section in self.sections


def parse_sections(spec: str | None) -> frozenset[Section]:
    """``"cover,index,exhibits"`` → sections; None or ``"all"`` → every section."""
    if spec is None or spec.strip().lower() in {"", "all"}:
        return ALL_SECTIONS
    out = set()
    for part in spec.split(","):
        name = part.strip().lower()
        if name:
            try:
                out.add(Section(name))
            except ValueError:
                raise ValueError(
                    f"unknown section {name!r}; choose from {', '.join(s.value for s in Section)}"
                ) from None
    return frozenset(out)
