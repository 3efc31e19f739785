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

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from casefile.citations import CITATIONS_PATH, Citation, CitationsError, DataFileError, load_citations
from casefile.model import Message, Party, Screenshot, Tag, TagState
from casefile.parties import is_number, normalise_sender
from casefile.snapshot import CaseSnapshot, read_snapshot
from casefile.store import CaseStore
from casefile.timeline import Timeline, TimelineEntry, build_timeline, normalise_text
from ocr.model import ME, Direction, Kind

log = logging.getLogger(__name__)

RULES_PATH = Path(__file__).resolve().parent.parent / "resources" / "rules" / "tags.json"

CHECKS = ("id-number", "card-number", "night-time", "calls-per-day", "per-day-frequency")
# Who sent a message, as far as the case can tell: the user, a known official
# number, someone the user saved under a kinship or friendship name, a contact
# name that says collector, a bare number, or anything else (a name we cannot
# place). Rules list the sides they never look at (``except_senders``).
SIDES = ("me", "official", "own_circle", "collector", "number", "unknown")
_VOCAB_REF = re.compile(r"\{([a-z_]+)\}")
_ID_RE = re.compile(r"(?<!\d)\d{17}[\dx](?![\dx])")
_CARD_RE = re.compile(r"(?<!\d)\d{16,19}(?![\dx])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10x98765432"
_RULE_ID = re.compile(r"[a-z0-9_\-]+")
_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")

Suggestion = tuple[int, str, str]  # (message id, tag, rule id)


class RulesError(DataFileError):
    """The rules file is missing or malformed: the user's (or an editor's) input."""


@dataclass(frozen=True, slots=True)
class RuleExample:
    """A message a rule must (``positive``) or must not match, kept beside the rule."""

    text: str
    positive: bool
    sender: str = "10690001"
    direction: Direction = Direction.INCOMING
    kind: Kind = Kind.SMS


@dataclass(frozen=True, slots=True)
class TagRule:
    id: str
    tag: str
    label: str
    description: str
    basis: str
    keywords: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    check: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    directions: frozenset[Direction] = frozenset({Direction.INCOMING})
    kinds: frozenset[Kind] = frozenset(Kind)
    except_senders: frozenset[str] = frozenset()
    except_phrases: tuple[str, ...] = ()
    except_regexes: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)
    citations: tuple[str, ...] = ()
    examples: tuple[RuleExample, ...] = field(default=(), compare=False, repr=False)
    context_words: tuple[str, ...] = ()  # card-number: words that name a card (normalised)
    requires_any: tuple[str, ...] = ()  # cheap pre-test: the text must contain one of these
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @property
    def source(self) -> str:
        """How the store records who suggested a tag."""
        return f"rule:{self.id}"


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[TagRule, ...]
    official_numbers: frozenset[str] = frozenset()
    official_prefixes: tuple[str, ...] = ()
    path: Path | None = None
    own_circle_names: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    collector_names: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    citations: Mapping[str, Citation] = field(default_factory=dict, compare=False, repr=False)
    tag_labels: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def tag_label(self, tag: str) -> str:
        """A tag's English name: the file's ``tag_labels``, else its first rule's label up to a colon."""
        if tag in self.tag_labels:
            return self.tag_labels[tag]
        first = next((r.label for r in self.rules if r.tag == tag), tag)
        return first.split(":", 1)[0]

    def citations_of(self, tag: str) -> tuple[Citation, ...]:
        """Every citation of every rule of ``tag``, once each, in rule order."""
        ids = dict.fromkeys(c for r in self.rules if r.tag == tag for c in r.citations)
        return tuple(self.citations[c] for c in ids if c in self.citations)

    def rules_of(self, tag: str) -> tuple[TagRule, ...]:
        return tuple(r for r in self.rules if r.tag == tag)

    def is_official(self, sender: str) -> bool:
        """Whether a (normalised) sender is a known court/police/procuratorate number."""
        return sender in self.official_numbers or any(sender.startswith(p) for p in self.official_prefixes)

    def sender_side(self, sender: str) -> str:
        """Which side a normalised sender is on (one of ``SIDES``).

        A saved name that says collector (催收-张经理, 骚扰电话) wins over a
        kinship word in it; 妈妈 or 刘露阳（女朋友） is the user's own circle. A
        name we cannot place (焦鹏, 王主管) stays ``unknown``: context decides.
        """
        if sender == ME:
            return "me"
        if sender and self.is_official(sender):
            return "official"
        if sender and self.collector_names is not None and self.collector_names.search(sender):
            return "collector"
        if sender and self.own_circle_names is not None and self.own_circle_names.search(sender):
            return "own_circle"
        if sender and is_number(sender):
            return "number"
        return "unknown"

    def rule(self, rule_id: str) -> TagRule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @property
    def night_window(self) -> tuple[time, time]:
        """The rules' night window (start, end), e.g. 22:00–08:00: what every label prints."""
        for r in self.rules:
            if r.check == "night-time":
                return _hhmm(r.params["from"]), _hhmm(r.params["until"])
        return time(22, 0), time(8, 0)

    def is_night(self, t: datetime) -> bool:
        """Whether ``t`` falls in the night window of the rules' ``night-time`` check.

        The window lives in the rules file, so the timeline view's shading, the
        dossier's night counts and the 夜间 tag can never disagree.
        """
        start, end = self.night_window
        return _in_window(t.time(), start, end)

    @property
    def tag_names(self) -> tuple[str, ...]:
        """Each tag once, in rule order: the GUI's tag filter and the dossier's legend."""
        return tuple(dict.fromkeys(r.tag for r in self.rules))


# -- loading -------------------------------------------------------------------------------


def load_rules(path: str | Path | None = None) -> RuleSet:
    """Read and check a rules file; a bad file fails loudly here, not mid-suggestion."""
    p = Path(path) if path is not None else RULES_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise RulesError(p, f"cannot read the rules file: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise RulesError(p, f"not valid JSON: {e}") from e
    return parse_rules(data, p)


def parse_rules(data: Any, path: Path | None = None, citations: Mapping[str, Citation] | None = None) -> RuleSet:
    """Check a rules document; ``citations`` defaults to the ``citations.json`` beside it (else the shipped one)."""
    where = path or Path("<rules>")
    if citations is None:
        beside = where.parent / CITATIONS_PATH.name if path is not None else CITATIONS_PATH
        try:
            citations = load_citations(beside if beside.is_file() else CITATIONS_PATH)
        except CitationsError as e:
            raise RulesError(e.path, e.reason) from e
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError(where, "expected an object with a 'rules' list")
    official = data.get("official_senders") or {}
    numbers = frozenset(normalise_sender(str(n)) for n in official.get("numbers", []))
    prefixes = tuple(normalise_sender(str(n)) for n in official.get("prefixes", []))
    vocab = _parse_vocab(data.get("vocabulary") or {}, where)
    sides = data.get("sender_sides") or {}
    if not isinstance(sides, dict):
        raise RulesError(where, "'sender_sides' must be an object")
    own = _name_pattern(sides.get("own_circle") or {}, "own_circle", where)
    collector = _name_pattern(sides.get("collector") or {}, "collector", where)
    rules: list[TagRule] = []
    seen: set[str] = set()
    for k, raw in enumerate(data["rules"]):
        rule = _parse_rule(raw, k, where, vocab)
        if rule.id in seen:
            raise RulesError(where, f"rule id '{rule.id}' appears twice")
        if unknown := [c for c in rule.citations if c not in citations]:
            raise RulesError(where, f"rule '{rule.id}': unknown citation(s) {unknown} (see {CITATIONS_PATH.name})")
        seen.add(rule.id)
        rules.append(rule)
    labels = data.get("tag_labels") or {}
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
        raise RulesError(where, "'tag_labels' must map each tag to its English name")
    return RuleSet(tuple(rules), numbers, prefixes, path, own, collector, citations, labels)


def _parse_vocab(raw: Any, where: Path) -> dict[str, str]:
    """Named word lists a pattern refers to as ``{name}``: one list, many rules."""
    if not isinstance(raw, dict):
        raise RulesError(where, "'vocabulary' must be an object of word lists")
    out: dict[str, str] = {}
    for name, words in raw.items():
        if name == "description":
            continue
        if not re.fullmatch(r"[a-z_]+", name) or not isinstance(words, list) or not words \
                or not all(isinstance(w, str) and w for w in words):
            raise RulesError(where, f"vocabulary '{name}': expected a non-empty list of strings under a lower-case name")
        out[name] = "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"
    return out


def _expand(pattern: str, vocab: Mapping[str, str], rid: str, where: Path) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in vocab:
            raise RulesError(where, f"rule '{rid}': pattern refers to unknown vocabulary '{{{m.group(1)}}}'")
        return vocab[m.group(1)]

    return _VOCAB_REF.sub(sub, pattern)


def _name_pattern(raw: Any, side: str, where: Path) -> re.Pattern[str] | None:
    words = raw.get("name_contains", []) if isinstance(raw, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise RulesError(where, f"sender_sides.{side}.name_contains must be a list of strings")
    if not words:
        return None
    return re.compile("|".join(re.escape(normalise_sender(w)) for w in sorted(words, key=len, reverse=True)))


def _parse_examples(raw: Any, rid: str, where: Path) -> tuple[RuleExample, ...]:
    ex = raw.get("examples", {})
    if not isinstance(ex, dict):
        raise RulesError(where, f"rule '{rid}': 'examples' must be an object with 'positive' and 'negative' lists")
    out: list[RuleExample] = []
    for key in ("positive", "negative"):
        items = ex.get(key, [])
        if not isinstance(items, list):
            raise RulesError(where, f"rule '{rid}': examples.{key} must be a list")
        for item in items:
            if isinstance(item, str):
                out.append(RuleExample(item, key == "positive"))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                try:
                    out.append(RuleExample(
                        item["text"], key == "positive", str(item.get("sender", "10690001")),
                        Direction(item.get("direction", "incoming")), Kind(item.get("kind", "sms")),
                    ))
                except ValueError as e:
                    raise RulesError(where, f"rule '{rid}': example: {e}") from e
            else:
                raise RulesError(where, f"rule '{rid}': an example is a text or an object with a 'text'")
    return tuple(out)


def _parse_rule(raw: Any, k: int, where: Path, vocab: Mapping[str, str] | None = None) -> TagRule:
    if not isinstance(raw, dict):
        raise RulesError(where, f"rule #{k + 1} is not an object")
    rid = raw.get("id")
    if not isinstance(rid, str) or not _RULE_ID.fullmatch(rid):
        raise RulesError(where, f"rule #{k + 1}: 'id' must be lower-case letters, digits, '_' or '-'")
    for key in ("tag", "label", "description", "basis"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RulesError(where, f"rule '{rid}': '{key}' is missing or empty")
    vocab = vocab or {}
    keywords = tuple(normalise_text(w) for w in _strings(raw, "keywords", rid, where) if normalise_text(w))
    regexes = tuple(_expand(r, vocab, rid, where) for r in _strings(raw, "regexes", rid, where))
    try:
        except_regexes = tuple(
            re.compile(_expand(r, vocab, rid, where)) for r in _strings(raw, "except_regexes", rid, where)
        )
    except re.error as e:
        raise RulesError(where, f"rule '{rid}': bad regular expression in except_regexes: {e}") from e
    except_senders = set(_strings(raw, "except_senders", rid, where))
    if raw.get("except_official"):
        except_senders.add("official")
    if unknown_sides := except_senders - set(SIDES):
        raise RulesError(where, f"rule '{rid}': unknown sender side(s) {sorted(unknown_sides)} (known: {', '.join(SIDES)})")
    check = raw.get("check")
    params = raw.get("params") or {}
    if not isinstance(params, dict):
        raise RulesError(where, f"rule '{rid}': 'params' must be an object")
    if check is not None:
        if check not in CHECKS:
            raise RulesError(where, f"rule '{rid}': unknown check '{check}' (known: {', '.join(CHECKS)})")
        if keywords or regexes:
            raise RulesError(where, f"rule '{rid}': a rule has either a 'check' or keywords/regexes")
        _check_params(check, params, rid, where)
    elif not keywords and not regexes:
        raise RulesError(where, f"rule '{rid}': needs 'keywords', 'regexes' or a 'check'")
    parts = [re.escape(w) for w in sorted(keywords, key=len, reverse=True)] + list(regexes)
    try:
        pattern = re.compile("|".join(parts)) if parts else None
    except re.error as e:
        raise RulesError(where, f"rule '{rid}': bad regular expression: {e}") from e
    try:
        directions = frozenset(Direction(d) for d in raw.get("directions", ["incoming"]))
        kinds = frozenset(Kind(x) for x in raw.get("kinds", list(Kind)))
    except ValueError as e:
        raise RulesError(where, f"rule '{rid}': {e}") from e
    return TagRule(
        id=rid,
        tag=raw["tag"].strip(),
        label=raw["label"].strip(),
        description=raw["description"].strip(),
        basis=raw["basis"].strip(),
        keywords=keywords,
        regexes=regexes,
        check=check,
        params=params,
        directions=directions,
        kinds=kinds,
        except_senders=frozenset(except_senders),
        except_phrases=tuple(normalise_text(w) for w in _strings(raw, "except_phrases", rid, where)),
        except_regexes=except_regexes,
        citations=_strings(raw, "citations", rid, where),
        examples=_parse_examples(raw, rid, where),
        context_words=tuple(normalise_text(w) for w in _strings(params, "context_words", rid, where)),
        requires_any=tuple(normalise_text(w) for w in _strings(raw, "requires_any", rid, where)),
        pattern=pattern,
    )


def _strings(raw: dict[str, Any], key: str, rid: str, where: Path) -> tuple[str, ...]:
    v = raw.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise RulesError(where, f"rule '{rid}': '{key}' must be a list of strings")
    return tuple(v)


def _check_params(check: str, params: dict[str, Any], rid: str, where: Path) -> None:
    def need_int(name: str) -> None:
        v = params.get(name)
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise RulesError(where, f"rule '{rid}': params.{name} must be a whole number ≥ 0")

    if check == "night-time":
        for name in ("from", "until"):
            if not isinstance(params.get(name), str) or not _HHMM.fullmatch(params[name]):
                raise RulesError(where, f"rule '{rid}': params.{name} must be HH:MM")
    elif check == "calls-per-day":
        need_int("max")
        if params.get("count", "received") not in ("received", "connected"):
            raise RulesError(where, f"rule '{rid}': params.count must be 'received' or 'connected'")
        if params.get("per", "party") not in ("party", "number"):
            raise RulesError(where, f"rule '{rid}': params.per must be 'party' or 'number'")
    elif check == "per-day-frequency":
        need_int("default")


# -- structural checks ------------------------------------------------------------------------


def is_id_number(s: str) -> bool:
    """An 18-character 居民身份证号 (GB 11643): check digit and a real birth date.

    The check digit catches most OCR misreads and random 18-digit strings
    (order numbers, tracking numbers), so a leak is only suggested for a
    number that really has the shape of an ID.
    """
    s = s.lower()
    if len(s) != 18 or not s[:17].isdigit() or not (s[17].isdigit() or s[17] == "x"):
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != s[17]:
        return False
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100 and s[0] in "123456789"


def luhn_ok(digits: str) -> bool:
    """The Luhn check every major card scheme (UnionPay, Visa, Mastercard) uses."""
    total = 0
    for k, ch in enumerate(reversed(digits)):
        d = int(ch)
        if k % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_id_numbers(norm: str) -> list[str]:
    """Valid ID numbers in normalised text (lower-case ``x``)."""
    return [m.group() for m in _ID_RE.finditer(norm) if is_id_number(m.group())]


def find_card_numbers(norm: str, context_words: Iterable[str] = (), context_chars: int = 6) -> list[str]:
    """Bank card numbers in normalised text: Luhn-valid, or named as a card by the text.

    Some numbers a message calls 卡号 fail Luhn (an OCR misread of one digit, or
    a card scheme without it); the wording already says what it is. A valid ID
    number is never also reported as a card.
    """
    words = tuple(context_words)
    out = []
    for m in _CARD_RE.finditer(norm):
        digits = m.group()
        if len(digits) == 18 and is_id_number(digits):
            continue
        before = norm[max(0, m.start() - context_chars) : m.start()]
        if luhn_ok(digits) or any(w in before for w in words):
            out.append(digits)
    return out


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
    start = _hhmm(rule.params["from"])
    end = _hhmm(rule.params["until"])
    out = []
    for e in entries:
        if not e.received or e.time is None or e.kind not in rule.kinds:
            continue
        if _in_window(e.time.time(), start, end):
            out.append(e)
    return out


def _in_window(t: time, start: time, end: time) -> bool:
    """``start``–``end`` may wrap midnight (22:00–08:00)."""
    return (t >= start or t < end) if start > end else (start <= t < end)


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


def _hhmm(s: str) -> time:
    h, m = s.split(":")
    return time(int(h), int(m))


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
