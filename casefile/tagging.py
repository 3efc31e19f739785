"""Tag suggestions from rules kept as data (``resources/rules/tags.json``).

Which words count as a threat, which numbers are official, how many calls a
day are too many: these change with practice and with the guideline a user
cites, so they live in a JSON file anyone can extend without code. This module
only knows how to apply the few kinds of rule (keywords, context patterns built
from a shared vocabulary, exclusions, the sender's side, and five named
structural checks) and never decides for the user: it *suggests*, and
``CaseStore.suggest_tags`` never overrides a tag the user confirmed or removed.

A keyword alone is not a finding: 朋友 in a couple's chat is not a collector
contacting friends. Text rules therefore read context (who is contacted, by
whom, and why) and skip senders on the user's own side (family and friends
the user saved under a kinship name, the user's own messages, official
numbers). Every rule carries positive and negative examples in the data file;
a test runs them, so a rule edit that breaks one fails loudly.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from casefile.id_numbers import find_card_numbers, find_id_numbers, is_id_number, luhn_ok
from casefile.model import Message, Party, Screenshot, Tag, TagState
from casefile.night import in_window, parse_hhmm
from casefile.parties import normalise_sender
from casefile.rules import (
    CHECKS,
    RULES_PATH,
    SIDES,
    RuleExample,
    RulesError,
    RuleSet,
    Suggestion,
    TagRule,
    load_rules,
    parse_rules,
)
from casefile.snapshot import CaseSnapshot, read_snapshot
from casefile.store import CaseStore
from casefile.timeline import Timeline, TimelineEntry, build_timeline, normalise_text
from ocr.model import Direction, Kind

# Loading the rules and the digit checks moved to casefile.rules and casefile.id_numbers;
# their names stay importable from here.
__all__ = [
    "CHECKS",
    "RULES_PATH",
    "SIDES",
    "RuleExample",
    "RuleSet",
    "RulesError",
    "Suggestion",
    "SuggestionInput",
    "TagRule",
    "apply_suggestions",
    "compute_suggestions",
    "find_card_numbers",
    "find_id_numbers",
    "is_id_number",
    "load_rules",
    "luhn_ok",
    "parse_rules",
    "record_suggestions",
    "rule_matches",
    "setting_keys",
    "suggest_tags",
    "suggestion_input",
    "with_suggestions",
]

log = logging.getLogger(__name__)

# -- suggesting ----------------------------------------------------------------------------------


def suggest_tags(
    source: Timeline | Iterable[Message],
    rules: RuleSet,
    settings: Mapping[str, str | None] | None = None,
) -> list[Suggestion]:
    """Every (message id, tag, rule id) the rules suggest, in timeline order.

    Works on timeline entries so a message seen on three screenshots counts
    once towards a frequency and its tag goes to every reading. A tag the user
    already decided on (confirmed or removed, on any reading of the entry) is
    not suggested; a tag two rules agree on is reported for the first rule in
    the file. Pure: nothing is written.
    """
    timeline = source if isinstance(source, Timeline) else build_timeline(list(source))
    settings = settings or {}
    entries = timeline.entries
    hits: dict[int, list[TagRule]] = defaultdict(list)
    for rule in rules.rules:
        for e in _matching(rule, entries, rules, settings):
            hits[e.index].append(rule)
    out: list[Suggestion] = []
    seen: set[tuple[int, str]] = set()
    for idx in sorted(hits):
        e = entries[idx]
        for rule in hits[idx]:
            state = e.tag_states.get(rule.tag)
            if state is not None and state != TagState.SUGGESTED:
                continue
            for mid in e.message_ids:
                if (mid, rule.tag) not in seen:
                    seen.add((mid, rule.tag))
                    out.append((mid, rule.tag, rule.id))
    log.info("tag rules: %d suggestions over %d entries", len(out), len(entries))
    return out


def _matching(
    rule: TagRule, entries: tuple[TimelineEntry, ...], rules: RuleSet, settings: Mapping[str, str | None]
) -> list[TimelineEntry]:
    if rule.check == "night-time":
        return _night(rule, entries)
    if rule.check == "calls-per-day":
        return _over_per_day(
            rule, entries, calls=True, limit=int(rule.params["max"]),
            connected_only=rule.params.get("count") == "connected", per_number=rule.params.get("per") == "number",
        )
    if rule.check == "per-day-frequency":
        return _over_per_day(rule, entries, calls=False, limit=_frequency_limit(rule, settings))
    out = []
    for e in entries:
        if e.direction not in rule.directions or e.kind not in rule.kinds:
            continue
        if rule.except_senders and rules.sender_side(e.sender) in rule.except_senders:
            continue
        if _text_rule_matches(rule, e.norm_text):
            out.append(e)
    return out


def _text_rule_matches(rule: TagRule, norm: str) -> bool:
    if rule.requires_any and not any(w in norm for w in rule.requires_any):
        return False
    for phrase in rule.except_phrases:
        norm = norm.replace(phrase, "\x00")
    for rx in rule.except_regexes:
        norm = rx.sub("\x00", norm)
    return _text_matches(rule, norm)


def rule_matches(
    rule: TagRule,
    rules: RuleSet,
    text: str,
    *,
    sender: str = "10690001",
    direction: Direction = Direction.INCOMING,
    kind: Kind = Kind.SMS,
) -> bool:
    """Whether one text rule matches one message: what a rule's examples are checked with.

    Time and frequency checks look at many messages and have no single-message answer.
    """
    if rule.check in ("night-time", "calls-per-day", "per-day-frequency"):
        raise ValueError(f"rule '{rule.id}' is a {rule.check} check, not a text rule")
    if direction not in rule.directions or kind not in rule.kinds:
        return False
    if rule.except_senders and rules.sender_side(normalise_sender(sender)) in rule.except_senders:
        return False
    return _text_rule_matches(rule, normalise_text(text))


def _text_matches(rule: TagRule, norm: str) -> bool:
    if rule.check == "id-number":
        return bool(find_id_numbers(norm))
    if rule.check == "card-number":
        return bool(find_card_numbers(norm, rule.context_words, int(rule.params.get("context_chars", 6))))
    return rule.pattern is not None and rule.pattern.search(norm) is not None


def _night(rule: TagRule, entries: tuple[TimelineEntry, ...]) -> list[TimelineEntry]:
    start = parse_hhmm(rule.params["from"])
    end = parse_hhmm(rule.params["until"])
    out = []
    for e in entries:
        if not e.received or e.time is None or e.kind not in rule.kinds:
            continue
        if in_window(e.time.time(), start, end):
            out.append(e)
    return out


def _over_per_day(
    rule: TagRule,
    entries: tuple[TimelineEntry, ...],
    *,
    calls: bool,
    limit: int,
    connected_only: bool = False,
    per_number: bool = False,
) -> list[TimelineEntry]:
    """Every item of a (party, day) whose count passes the limit: the day is the pattern.

    An item counts on the day its screen shows, also a list row that shows the
    day but not the minute; items without a known day or sender are left out:
    a day or a party is never guessed for a frequency claim. ``connected_only``
    counts answered calls (a standard that limits 拨通 calls says nothing about
    missed ones); ``per_number`` counts one number, not the user's party.
    """
    groups: dict[tuple[str, date], list[TimelineEntry]] = defaultdict(list)
    for e in entries:
        day = e.day
        if not e.received or day is None or not e.party or (e.kind == Kind.CALL) != calls:
            continue
        if connected_only and e.direction != Direction.INCOMING:
            continue
        key = e.sender if per_number else e.party
        if not key:
            continue
        groups[(key, day)].append(e)
    return [e for g in groups.values() if len(g) > limit for e in g]


def _frequency_limit(rule: TagRule, settings: Mapping[str, str | None]) -> int:
    default = int(rule.params["default"])
    key = rule.params.get("setting")
    raw = settings.get(key) if isinstance(key, str) else None
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        log.warning("setting %s is not a whole number; using %d", key, default)
        return default
    return value if value >= 0 else default


# -- recording -----------------------------------------------------------------------------------


def setting_keys(rules: RuleSet) -> list[str]:
    """The case settings the rules read (so a caller can fetch just those)."""
    return [k for r in rules.rules if isinstance(k := r.params.get("setting"), str)]


def with_suggestions(timeline: Timeline, tags: Iterable[Tag], suggestions: Iterable[Suggestion]) -> Timeline:
    """The timeline as it would look after recording ``suggestions``, without writing.

    For read-only views (the ``timeline`` command) that should show what the
    rules find without changing the case.
    """
    existing = list(tags)
    have = {(t.message_id, t.tag) for t in existing}
    now = datetime.now().replace(microsecond=0)
    extra = [
        Tag(mid, tag, TagState.SUGGESTED, f"rule:{rid}", now)
        for mid, tag, rid in suggestions
        if (mid, tag) not in have
    ]
    return timeline.with_tags([*existing, *extra])


@dataclass(frozen=True)
class SuggestionInput:
    """What the rules need, read from the store on its own thread.

    The case snapshot (``casefile.snapshot``: records and the timeline, built
    once per change of the case and shared with the view and the dossier) plus
    the settings the rules read. Plain records, so ``compute_suggestions`` can
    run in a worker while the GUI thread keeps the store.
    """

    snapshot: CaseSnapshot
    settings: Mapping[str, str | None]

    @property
    def messages(self) -> tuple[Message, ...]:
        return self.snapshot.messages

    @property
    def screenshots(self) -> tuple[Screenshot, ...]:
        return self.snapshot.screenshots

    @property
    def parties(self) -> tuple[Party, ...]:
        return self.snapshot.parties

    @property
    def tags(self) -> tuple[Tag, ...]:
        return self.snapshot.tags


def suggestion_input(store: CaseStore, rules: RuleSet) -> SuggestionInput:
    return SuggestionInput(read_snapshot(store), {k: store.setting(k) for k in setting_keys(rules)})


def compute_suggestions(inp: SuggestionInput, rules: RuleSet) -> list[tuple[int, str, str]]:
    return suggest_tags(inp.snapshot.timeline, rules, inp.settings)


def record_suggestions(store: CaseStore, suggestions: Iterable[tuple[int, str, str]]) -> int:
    """Store rule suggestions (message, tag, rule id); returns how many are new."""
    n = store.suggest_tags((mid, tag, f"rule:{rid}") for mid, tag, rid in suggestions)
    log.info("tag rules: %d new suggestions recorded", n)
    return n


def apply_suggestions(store: CaseStore, rules: RuleSet | None = None) -> int:
    """Run the rules over the case and record their suggestions; returns how many are new.

    Goes through ``CaseStore.suggest_tags``, which never overrides a tag the
    user confirmed or removed, so running this after every review is safe.
    """
    rules = rules or load_rules()
    return record_suggestions(store, compute_suggestions(suggestion_input(store, rules), rules))
