"""Mass texts and contacts reached on 20,000 entries from three phones (issue 14).

Run: .venv/bin/python -m benchmarks.bench_campaigns [N_ENTRIES]
Target: find_campaigns < 2 s and contacts_reached < 0.5 s for 20,000 entries
(they run once per dossier and per `timeline` command; the timeline build
itself is ~1 s). The case is a hard one: five numbers of one collector sending
40 templates that differ by a number (so every pair of texts of a day is
compared), each text to the user, the mother and a colleague, over 100 days.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta

from casefile import campaigns
from casefile.campaigns import find_campaigns
from casefile.reach import contacts_reached
from casefile.timeline import build_timeline
from tests.casefile.test_timeline import msg, shot

PHONES = ("本人", "母亲", "同事张某")
TEMPLATE = "【安心花{k}】您的亲属周杰在我司借款已严重逾期第{k}期，请转告其立即还款，否则将上门走访。"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rnd = random.Random(1)
    shots = [replace(shot(s), phone=PHONES[s % 3]) for s in range(1, n // 10 + 2)]
    texts = [TEMPLATE.format(k=k) for k in range(40)]
    start = datetime(2025, 1, 1)
    messages = [
        msg(
            i + 1,
            1 + i // 10,
            float(i % 10),
            rnd.choice(texts) + str(rnd.randrange(3)),
            start + timedelta(minutes=rnd.randrange(100 * 24 * 60)),
            sender=f"1069000{rnd.randrange(5)}",
        )
        for i in range(n)
    ]
    tl = build_timeline(messages, shots, merge=False)
    campaigns._alike.cache_clear()  # a cold cache, as on the first export
    t0 = time.perf_counter()
    found = find_campaigns(tl.entries)
    t1 = time.perf_counter()
    reach = contacts_reached(tl.entries, found)
    t2 = time.perf_counter()
    print(f"{len(tl.entries):,} entries on {len(PHONES)} phones")
    print(f"campaigns {(t1 - t0) * 1000:7.1f} ms  ({(t1 - t0) / 2.0:.2f}x of the 2 s target)  {len(found)} campaigns")
    print(f"reach     {(t2 - t1) * 1000:7.1f} ms  ({(t2 - t1) / 0.5:.2f}x of the 0.5 s target)  {reach.count} people, {reach.items:,} items")


if __name__ == "__main__":
    main()
