"""Whose phone a screenshot came from (issue 14): stored at import, suggested by
folders, changed for a selection with an audit record and undo, kept through a
migration, and never merged across phones in the timeline."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from casefile.phones import OWN_PHONE, folder_suggestion, phone_name
from casefile.schema import CURRENT_VERSION, MIGRATIONS, split_statements
from casefile.store import CaseStore
from casefile.timeline import TimelineFilter, build_timeline
from casefile.workflows import PhoneChoice, import_files
from tests.casefile.test_timeline import THREAD, on_shot, shot
from tests.images import phone_png


def _import(store: CaseStore, paths: list[Path], choice: PhoneChoice | None = None) -> None:
    for _ in import_files(store, paths, phone=choice):
        pass


def test_phone_names_are_normalised_and_own_words_mean_the_user() -> None:
    assert phone_name("  母亲 ") == "母亲"
    assert phone_name("同事  张某") == "同事 张某"
    assert phone_name("") == OWN_PHONE
    assert phone_name(None) == OWN_PHONE
    assert phone_name("Me") == OWN_PHONE
    assert len(phone_name("长" * 100)) == 40


def test_folder_suggestion_is_the_first_folder_below_the_dropped_one(tmp_path: Path) -> None:
    root = tmp_path / "证据"
    assert folder_suggestion(root / "妈妈" / "a.png", root) == "妈妈"
    assert folder_suggestion(root / "妈妈" / "2025" / "a.png", root) == "妈妈"
    assert folder_suggestion(root / "a.png", root) is None  # a loose file: only the user knows
    assert folder_suggestion(root / "我的" / "a.png", root) == OWN_PHONE
    assert folder_suggestion(tmp_path / "elsewhere" / "a.png", root) is None


def test_import_records_one_choice_for_the_whole_drop(store: CaseStore, tmp_path: Path) -> None:
    files = [phone_png(tmp_path / f"s{i}.png", seed=i) for i in range(3)]
    _import(store, files, PhoneChoice("母亲"))
    assert [s.phone for s in store.screenshots()] == ["母亲"] * 3
    _import(store, [phone_png(tmp_path / "mine.png", seed=9)])
    assert sorted(s.phone for s in store.screenshots()) == ["本人", "母亲", "母亲", "母亲"]
    assert store.phones() == ["本人", "母亲"]


def test_folders_suggest_the_phone_when_asked(store: CaseStore, tmp_path: Path) -> None:
    root = tmp_path / "证据"
    phone_png(root / "妈妈" / "a.png", seed=1)
    phone_png(root / "同事张某" / "b.png", seed=2)
    phone_png(root / "loose.png", seed=3)
    _import(store, [root], PhoneChoice(OWN_PHONE, from_folders=True))
    got = {s.original_name: s.phone for s in store.screenshots()}
    assert got == {"a.png": "妈妈", "b.png": "同事张某", "loose.png": OWN_PHONE}

    other = tmp_path / "other"
    phone_png(other / "爸爸" / "c.png", seed=4)
    _import(store, [other], PhoneChoice("父亲"))  # not asked: the one choice wins
    assert {s.original_name: s.phone for s in store.screenshots()}["c.png"] == "父亲"


def test_a_duplicate_keeps_its_first_phone(store: CaseStore, tmp_path: Path) -> None:
    f = phone_png(tmp_path / "a.png", seed=1)
    _import(store, [f], PhoneChoice("母亲"))
    _import(store, [f], PhoneChoice("父亲"))
    assert [s.phone for s in store.screenshots()] == ["母亲"]


def test_changing_the_phone_of_a_selection_is_audited_and_undoable(store: CaseStore, tmp_path: Path) -> None:
    _import(store, [phone_png(tmp_path / f"s{i}.png", seed=i) for i in range(3)])
    a, b, c = (s.id for s in store.screenshots())
    batch = store.set_phone([a, b], "  母亲 ")
    assert {s.id: s.phone for s in store.screenshots()} == {a: "母亲", b: "母亲", c: OWN_PHONE}
    audit = store.screenshot_corrections(batch=batch)
    assert [(x.screenshot_id, x.field, x.old, x.new) for x in audit] == [
        (a, "phone", OWN_PHONE, "母亲"),
        (b, "phone", OWN_PHONE, "母亲"),
    ]
    undo = store.revert_batch(batch)
    assert {s.phone for s in store.screenshots()} == {OWN_PHONE}
    store.reapply_batch(batch)
    assert store.screenshot(a).phone == "母亲"
    # The log only grows: the change, its undo and its redo are all there.
    assert len(store.screenshot_corrections(a)) == 3
    assert store.screenshot_corrections(batch=undo)[0].new == OWN_PHONE
    # Setting the same owner again writes nothing.
    store.set_phone([a], "母亲")
    assert len(store.screenshot_corrections(a)) == 3


def test_a_case_from_before_phones_opens_with_every_screenshot_on_the_users_phone(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    (folder / "originals").mkdir(parents=True)
    conn = sqlite3.connect(folder / "case.sqlite", isolation_level=None)
    for script in MIGRATIONS[:3]:
        for statement in split_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO screenshots (id, sha256, original_name, original_path, ext, size_bytes, width, height, format, "
        "imported_at) VALUES (1, ?, 's.png', '/tmp/s.png', 'png', 1, 1, 1, 'PNG', '2025-03-10T15:00:00')",
        ("c" * 64,),
    )
    conn.close()
    with CaseStore.open(folder) as s:
        assert s.screenshot(1).phone == OWN_PHONE
    assert sqlite3.connect(folder / "case.sqlite").execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION


def test_the_same_thread_on_two_phones_is_two_sets_of_entries_never_merged() -> None:
    mine = replace(shot(1), phone=OWN_PHONE)
    mother = replace(shot(2), phone="母亲")
    again = replace(shot(3), phone="母亲")  # the mother scrolled: overlaps her first screenshot
    msgs = on_shot(1, 100, THREAD) + on_shot(2, 200, THREAD) + on_shot(3, 300, THREAD[2:])
    tl = build_timeline(msgs, [mine, mother, again])
    assert len(tl.entries) == 2 * len(THREAD)
    by_phone = {p: [e for e in tl.entries if e.phone == p] for p in (OWN_PHONE, "母亲")}
    assert len(by_phone[OWN_PHONE]) == len(by_phone["母亲"]) == len(THREAD)
    assert all(set(e.screenshot_ids) <= {2, 3} for e in by_phone["母亲"])
    assert sum(e.merged for e in by_phone["母亲"]) == len(THREAD) - 2  # her overlap still merges

    only_mother = tl.filter(TimelineFilter(phones=frozenset({"母亲"})))
    assert [e.phone for e in only_mother] == ["母亲"] * len(THREAD)
