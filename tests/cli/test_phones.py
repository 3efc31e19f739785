"""The command line with several phones (issue 14): import --phone, the phone command,
list, timeline --phone, export --phone and pack --received-on, read back."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

from casefile.phones import OWN_PHONE
from casefile.store import CaseStore
from casefile.workflows import import_files
from cli.cmd_timeline import CSV_HEADER, run_timeline
from cli.cmd_timeline_phones import PHONE_CSV_HEADER
from tests.cli.test_commands import SCREENPROOF, run
from tests.images import phone_png
from tests.phones_case import (
    COLLEAGUE,
    MASS,
    MOTHER,
    MOTHER_REPLY,
    add_readings,
    make_three_phone_case,
    render_folders,
)


def _phones(case: Path) -> dict[str, str]:
    with CaseStore.open(case, create=False) as s:
        return {x.original_name: x.phone for x in s.screenshots()}


def test_import_with_one_phone_for_the_drop_and_with_folders(tmp_path: Path) -> None:
    case = tmp_path / "case"
    loose = [phone_png(tmp_path / "in" / f"m{i}.png", seed=i) for i in range(2)]
    r = run("import", "--case", case, "--no-ocr", "--phone", " 母亲 ", *loose)
    assert r.returncode == 0, r.stderr
    assert all(ln.endswith("[母亲]") for ln in r.stdout.splitlines()[:2])
    assert _phones(case) == {"m0.png": MOTHER, "m1.png": MOTHER}

    root = render_folders(tmp_path / "证据")
    phone_png(root / "loose.png", seed=50)
    r = run("import", "--case", case, "--no-ocr", "--phone-from-folders", "--phone", "父亲", root)
    assert r.returncode == 0, r.stderr
    got = _phones(case)
    assert got["own1.png"] == OWN_PHONE  # the folder 我的/ means the user's own phone
    assert got["mother1.png"] == got["mother2.png"] == MOTHER
    assert got["colleague1.png"] == COLLEAGUE
    assert got["loose.png"] == "父亲"  # a loose file takes --phone

    r = run("list", "--case", case)
    assert r.returncode == 0
    rows = {ln.split()[-1]: ln for ln in r.stdout.splitlines() if ln.endswith(".png")}
    assert f" {COLLEAGUE} " in rows["colleague1.png"] and f" {OWN_PHONE} " in rows["own1.png"]


def test_phone_command_sets_audits_and_refuses_unknown_ids(tmp_path: Path) -> None:
    case = tmp_path / "case"
    make_three_phone_case(case, tmp_path / "img").close()
    with CaseStore.open(case, create=False) as store:
        ids = {s.original_name: str(s.id) for s in store.screenshots()}
    r = run("phone", "--case", case, "--set", "父亲", ids["mother2.png"], "999")
    assert r.returncode == 2 and "no screenshot 999" in r.stderr and "Traceback" not in r.stderr
    assert _phones(case)["mother2.png"] == MOTHER  # nothing changed

    r = run("phone", "--case", case, "--set", "父亲", ids["mother2.png"], ids["mother1.png"], ids["mother1.png"])
    assert r.returncode == 0, r.stderr
    assert f"mother2.png: {MOTHER} → 父亲" in r.stdout and "2 changed to 父亲, 0 already" in r.stdout
    with CaseStore.open(case, create=False) as s:
        audit = s.screenshot_corrections(int(ids["mother1.png"]))
        assert [(a.field, a.old, a.new) for a in audit] == [("phone", MOTHER, "父亲")]
    r = run("phone", "--case", case, "--set", MOTHER, ids["mother2.png"], ids["mother1.png"])
    assert "2 changed to 母亲" in r.stdout

    r = run("phone", "--case", case)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"{OWN_PHONE}: 1 screenshots; received 2 messages, 0 calls")
    assert any(ln.startswith(f"{MOTHER}: 2 screenshots; received 2 messages, 1 calls on 3 days") for ln in lines)
    assert "被联系的亲友、同事：2（母亲、同事张某），共 5 条（次），群发 1 次" in lines[-1]

    r = run("phone", "--case", case, "3")  # ids without --set: one sentence, not a traceback
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_timeline_names_the_receiving_phone_marks_mass_texts_and_filters(tmp_path: Path) -> None:
    case = tmp_path / "case"
    make_three_phone_case(case, tmp_path / "img").close()
    out = io.StringIO()
    assert run_timeline(str(case), None, out=out) == 0
    text = out.getvalue()
    assert "接收手机" in text.splitlines()[0]
    mass_rows = [ln for ln in text.splitlines() if "〔群发1〕" in ln]
    assert len(mass_rows) == 3
    assert {"发给本人", "发给母亲", "发给同事张某"} == {w for ln in mass_rows for w in ln.split() if w.startswith("发给")}
    assert any("母亲发出" in ln and MOTHER_REPLY in ln for ln in text.splitlines())
    assert "催收方共联系了投诉人的 2 位亲友、同事（母亲、同事张某）" in text
    assert "各机主发出 2 条" in text  # the user's reply and the mother's

    out = io.StringIO()
    assert run_timeline(str(case), None, out=out, phones=["母亲"]) == 0
    rows = [ln for ln in out.getvalue().splitlines() if ln[:1].isdigit()]
    assert len(rows) == 4 and all("母亲" in ln for ln in rows)
    assert "母亲的手机：共 4 条；收到短信/聊天 2 条，来电 1 次（含未接），机主发出 1 条" in out.getvalue()

    err = io.StringIO()
    assert run_timeline(str(case), None, out=io.StringIO(), err=err, phones=["爸爸"]) == 2
    assert "爸爸" in err.getvalue() and err.getvalue().count("\n") == 1

    csv_path = tmp_path / "t.csv"
    assert run_timeline(str(case), str(csv_path), out=io.StringIO()) == 0
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert tuple(table[0]) == CSV_HEADER + PHONE_CSV_HEADER
    col = {h: i for i, h in enumerate(table[0])}
    reply = next(r for r in table[1:] if r[col["内容"]] == MOTHER_REPLY)
    assert (reply[col["发送方"]], reply[col["接收手机"]], reply[col["收发"]]) == (MOTHER, MOTHER, "母亲发出")
    mass = [r for r in table[1:] if r[col["群发"]] == "群发1"]
    assert sorted(r[col["接收手机"]] for r in mass) == sorted([OWN_PHONE, MOTHER, COLLEAGUE])
    assert all(r[col["内容"]] == MASS or "张某您好" in r[col["内容"]] for r in mass)


def test_a_case_of_the_users_own_phone_prints_no_phone_column(tmp_path: Path) -> None:
    case = tmp_path / "case"
    with CaseStore.open(case) as store:
        for _ in import_files(store, [render_folders(tmp_path / "img")]):
            pass
        add_readings(store)  # every screenshot on the user's phone: folders were not asked
    out = io.StringIO()
    assert run_timeline(str(case), str(tmp_path / "t.csv"), out=out) == 0
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        assert tuple(next(csv.reader(f))) == CSV_HEADER
    out = io.StringIO()
    assert run_timeline(str(case), None, out=out) == 0
    assert "接收手机" not in out.getvalue() and "群发" not in out.getvalue() and "本人发出 2 条" in out.getvalue()


def test_export_and_pack_limited_to_one_phone_and_head_safe(tmp_path: Path) -> None:
    case = tmp_path / "case"
    make_three_phone_case(case, tmp_path / "img").close()
    r = run("export", "--case", case, "--out", tmp_path / "m.pdf", "--phone", MOTHER)
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    squashed = "".join(text.split())
    assert "母亲手机屏幕截图" in squashed and "own1.png" not in squashed and "colleague1.png" not in squashed

    r = run("export", "--case", case, "--out", tmp_path / "x.pdf", "--phone", "父亲")
    assert r.returncode == 2 and "父亲" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.pdf").exists()

    r = run("pack", "--case", case, "--for", "nifa", "--out", tmp_path / "pack", "--received-on", MOTHER, "--name", "周杰")
    assert r.returncode == 0, r.stderr
    assert "接收手机：母亲" in r.stdout

    piped = subprocess.run(
        f"{' '.join(SCREENPROOF)} timeline --case '{case}' | head -n 1", shell=True, capture_output=True, text=True
    )
    assert piped.returncode == 0 and piped.stdout.startswith("#") and "Traceback" not in piped.stderr
