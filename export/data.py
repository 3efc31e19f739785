"""A snapshot of everything the dossier prints, read from the store in one go.

Why a snapshot: the store belongs to one thread (SQLite connections refuse
other threads), while laying out hundreds of pages and recompressing hundreds
of images must run in a worker. ``collect`` runs where the store lives and
takes a fraction of a second; ``DossierData`` is plain frozen data plus paths
to the originals, safe to hand to any thread. It also fixes the order of
everything once, so two exports of the same case number the exhibits and
entries identically.

``chronology`` is the one adapter over ``casefile.timeline``: ordering, merging
of overlapping screenshots, tags and counts are decided there, not here.
"""

from __future__ import annotations

import functools
import importlib.metadata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from casefile.citations import Citation
from casefile.counts import Counts
from casefile.model import (
    CaseInfo,
    Correction,
    Message,
    OcrStatus,
    Party,
    Screenshot,
    ScreenshotCorrection,
    TagState,
)
from casefile.snapshot import read_snapshot
from casefile.store import CaseStore
from casefile.tagging import RulesError, RuleSet, load_rules
from casefile.timeline import Timeline, TimelineEntry, build_timeline
from export.manifest import Manifest, build_manifest


@dataclass(frozen=True, slots=True)
class Exhibit:
    """One screenshot as exhibit ``number``, with its messages in on-screen order."""

    number: int
    shot: Screenshot
    original: Path
    bundle_name: str
    messages: tuple[Message, ...]  # not excluded, on-screen order
    corrections: Mapping[int, tuple[Correction, ...]]  # per message id
    tags: Mapping[int, tuple[str, ...]]  # tags the user CONFIRMED, per message id (suggestions are not findings)
    # A redacted export shows a derived copy (export.redaction) instead of the original.
    derived: Path | None = None
    derived_sha256: str = ""
    masked_areas: int = 0

    def ref(self, message_id: int) -> str:
        """``3-2``: the second message of exhibit 3, as the chronology cites it."""
        for i, m in enumerate(self.messages, 1):
            if m.id == message_id:
                return f"{self.number}-{i}"
        return str(self.number)


@dataclass(frozen=True, slots=True)
class DossierData:
    case: CaseInfo
    exhibits: tuple[Exhibit, ...]
    timeline: Timeline
    refs: Mapping[int, str]  # message id → "3-2"
    message_exhibit: Mapping[int, int]  # every message id, excluded too → exhibit number
    corrections: tuple[Correction, ...]  # every audit row, in the order made
    parties: tuple[Party, ...]
    manifest: Manifest
    version: str
    tag_labels: Mapping[str, str] = field(default_factory=dict)  # Chinese tag → English label
    tag_citations: Mapping[str, tuple[Citation, ...]] = field(default_factory=dict)  # tag → what its rules cite
    night_window: tuple[str, str] = ("22:00", "08:00")  # from the rules file, as every label prints it

    @staticmethod
    def confirmed(entry: TimelineEntry) -> tuple[str, ...]:
        """The tags the user confirmed on an entry: the only tags the dossier states.

        Rules only suggest; a suggestion nobody confirmed is not a finding, so
        it is neither printed nor counted (the window still shows it, marked).
        """
        return tuple(sorted(t for t, s in entry.tag_states.items() if s == TagState.CONFIRMED))

    @property
    def night_text(self) -> str:
        return f"{self.night_window[0]}–{self.night_window[1]}"

    @property
    def unconfirmed_entries(self) -> int:
        """Entries with a rule's suggestion the user neither confirmed nor removed (not printed)."""
        return sum(1 for e in self.entries if any(s == TagState.SUGGESTED for s in e.tag_states.values()))

    @property
    def confirmed_entries(self) -> int:
        return sum(1 for e in self.entries if self.confirmed(e))

    @property
    def reviewed_exhibits(self) -> int:
        """Screenshots the user marked as reviewed (checked message by message)."""
        return sum(1 for x in self.exhibits if x.shot.reviewed)

    @property
    def engines(self) -> tuple[str, ...]:
        """Each distinct engine description (engine, version, models) that read an exhibit, in exhibit order."""
        return tuple(dict.fromkeys(engine_text(x.shot) for x in self.exhibits if engine_text(x.shot)))

    def statement_values(self) -> dict[str, object]:
        """The figures the 制作说明 and the cover note state, all taken from the case."""
        return {
            "total": len(self.exhibits),
            "reviewed": self.reviewed_exhibits,
            "unreviewed": len(self.exhibits) - self.reviewed_exhibits,
            "engines": "; ".join(self.engines) or "—",
            "confirmed": self.confirmed_entries,
            "suggested": self.unconfirmed_entries,
            "night": self.night_text,
        }
    # capture times the user set (and undid), in the order made: part of the audit trail
    screenshot_corrections: tuple[ScreenshotCorrection, ...] = ()
    # A redacted copy (export.redaction): no originals travel with it, so the 制作说明 says where they are.
    redacted: bool = False

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        return self.timeline.entries

    @property
    def counts(self) -> Counts:
        return self.timeline.counts

    def exhibit_of_shot(self, screenshot_id: int) -> Exhibit | None:
        for e in self.exhibits:
            if e.shot.id == screenshot_id:
                return e
        return None

    def entry_refs(self, entry: TimelineEntry) -> list[str]:
        return [self.refs[m] for m in entry.message_ids if m in self.refs]

    @property
    def senders(self) -> list[str]:
        """Distinct other parties the user received contact from."""
        return sorted({e.sender for e in self.entries if e.received and e.sender})

    @property
    def period(self) -> tuple[date, date] | None:
        days = [d for e in self.entries if (d := e.day) is not None]
        if not days:
            caps = [x.shot.captured_at.date() for x in self.exhibits if x.shot.captured_at]
            days = caps
        return (min(days), max(days)) if days else None

    def tag_counts(self) -> list[tuple[str, int]]:
        """Confirmed tags, most frequent first (each entry once); suggestions are not counted."""
        c: Counter[str] = Counter()
        for e in self.entries:
            c.update(self.confirmed(e))
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))

    def night_per_day(self) -> dict[date, int]:
        out: dict[date, int] = defaultdict(int)
        for e in self.entries:
            if e.received and e.time is not None and is_night(e.time):
                out[e.time.date()] += 1
        return dict(out)


def engine_text(shot: Screenshot) -> str:
    """What read a screenshot, as recorded: ``rapidocr 3.10.0 (onnxruntime …; PP-OCRv6_det_small.onnx, …)``."""
    if shot.ocr_status == OcrStatus.WAITING:
        return ""
    return shot.ocr_version or shot.ocr_engine


def is_night(t: datetime) -> bool:
    """The night window of the rules file, the same one the 夜间 tag and the window use."""
    return _rules().is_night(t)


@functools.cache
def _rules() -> RuleSet:
    try:
        return load_rules()
    except RulesError:
        return RuleSet(rules=())  # RuleSet.is_night falls back to 22:00–08:00


def app_version() -> str:
    try:
        return importlib.metadata.version("screenproof")
    except importlib.metadata.PackageNotFoundError:  # running from a bare checkout
        return "0+unknown"


def chronology(
    messages: Sequence[Message], shots: Sequence[Screenshot], parties: Sequence[Party], store: CaseStore
) -> Timeline:
    """The adapter over ``casefile.timeline``: the chronology the dossier prints."""
    return build_timeline(messages, shots, parties=parties, tags=store.tags())


def collect(
    store: CaseStore,
    *,
    keep_shot: Callable[[Screenshot], bool] | None = None,
    keep_message: Callable[[Message], bool] | None = None,
) -> DossierData:
    """Read the case once; call it on the thread that owns the store.

    ``keep_shot`` and ``keep_message`` narrow the snapshot to what a complaint
    pack chose (``export.packs.selection``): a screenshot left out is not an
    exhibit; a message left out is neither transcribed nor counted, while its
    screenshot (when chosen) is still shown whole.
    """
    snap = read_snapshot(store)  # the timeline the view and the tags use, built once per change
    shots = [s for s in snap.screenshots if keep_shot is None or keep_shot(s)]  # exhibit order
    chosen = {s.id for s in shots}
    # excluded ones keep their exhibit number
    every_message = [m for m in store.messages(include_excluded=True) if m.screenshot_id in chosen]
    parties = snap.parties
    if keep_shot is None and keep_message is None:
        all_messages, timeline = list(snap.messages), snap.timeline
    else:  # a pack's choice: its own timeline of what it chose
        all_messages = [
            m for m in snap.messages if m.screenshot_id in chosen and (keep_message is None or keep_message(m))
        ]
        timeline = chronology(all_messages, shots, parties, store)
    corrections = store.corrections()

    by_shot: dict[int, list[Message]] = defaultdict(list)
    for m in all_messages:
        by_shot[m.screenshot_id].append(m)
    corr_by_msg: dict[int, list[Correction]] = defaultdict(list)
    for c in corrections:
        corr_by_msg[c.message_id].append(c)
    entry_tags = {mid: DossierData.confirmed(e) for e in timeline.entries for mid in e.message_ids}

    manifest = build_manifest([(i, s.sha256, s.original_name, s.ext) for i, s in enumerate(shots, 1)])
    exhibits: list[Exhibit] = []
    refs: dict[int, str] = {}
    for number, (shot, entry) in enumerate(zip(shots, manifest.entries, strict=True), 1):
        msgs = tuple(sorted(by_shot.get(shot.id, []), key=lambda m: (m.position, m.id)))
        for i, m in enumerate(msgs, 1):
            refs[m.id] = f"{number}-{i}"
        exhibits.append(
            Exhibit(
                number=number,
                shot=shot,
                original=store.original_file(shot),
                bundle_name=entry.bundle_name,
                messages=msgs,
                corrections={m.id: tuple(corr_by_msg.get(m.id, ())) for m in msgs},
                tags={m.id: entry_tags.get(m.id, ()) for m in msgs},
            )
        )
    number_of = {e.shot.id: e.number for e in exhibits}
    return DossierData(
        case=store.case_info(),
        exhibits=tuple(exhibits),
        timeline=timeline,
        refs=refs,
        message_exhibit={m.id: number_of[m.screenshot_id] for m in every_message if m.screenshot_id in number_of},
        corrections=tuple(corrections),
        parties=tuple(parties),
        manifest=manifest,
        version=app_version(),
        tag_labels=_tag_labels(),
        tag_citations={t: _rules().citations_of(t) for t in _rules().tag_names},
        night_window=_night_window(),
        screenshot_corrections=tuple(store.screenshot_corrections()),
    )


def _night_window() -> tuple[str, str]:
    start, end = _rules().night_window
    return f"{start:%H:%M}", f"{end:%H:%M}"


def _tag_labels() -> dict[str, str]:
    """English names of the tags, from the rules file; a broken rules file only loses them."""
    rules = _rules()
    return {t: rules.tag_label(t) for t in rules.tag_names}
