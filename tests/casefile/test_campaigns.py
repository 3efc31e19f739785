"""Mass texts to the contact list grouped as campaigns, and the contacts reached (issue 14)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from casefile.campaigns import CAMPAIGN_SIMILARITY, campaign_of_entry, find_campaigns
from casefile.model import Message, Party
from casefile.phones import OWN_PHONE
from casefile.reach import contacts_reached, counts_per_phone
from casefile.text_compare import normalise_text, similarity
from casefile.timeline import Timeline, build_timeline
from ocr.model import ME, Direction, Kind
from tests.casefile.test_timeline import COLLECTOR, at, msg, shot

MASS = "【安心花】您的亲属周杰在我司借款已严重逾期，请转告其立即还款，否则将上门走访。"
# The same template with the recipient's name put in, as mass senders do.
MASS_NAMED = "【安心花】张某您好，您的亲属周杰在我司借款已严重逾期，请转告其立即还款，否则将上门走访。"
OTHER = "【安心花】周杰您好，您本期账单已逾期15天，今日18点前不处理将移交法务部门。"
PHONES = {1: OWN_PHONE, 2: "母亲", 3: "同事张某", 4: "母亲"}


def _three_phones(messages: list[Message]) -> Timeline:
    shots = [replace(shot(sid), phone=phone) for sid, phone in PHONES.items()]
    return build_timeline(messages, shots, parties=[Party(1, "安心花", ("10690001", "10690002"))])


def _case() -> list[Message]:
    return [
        # the user's phone: the mass text, another text, a reply
        msg(1, 1, 0, MASS, at(10, 9, 0)),
        msg(2, 1, 1, OTHER, at(10, 9, 5)),
        msg(3, 1, 2, "我会尽快还款，请不要联系我家人", at(10, 9, 30), sender=ME, direction=Direction.OUTGOING),
        # the mother's phone: the same text from another number of the party a minute later, and a call
        msg(11, 2, 0, MASS, at(10, 9, 1), sender="10690002"),
        msg(12, 2, 1, "", at(11, 20, 0), kind=Kind.CALL, direction=Direction.MISSED),
        msg(13, 2, 2, "你们是谁？不要再打了", at(11, 20, 5), sender=ME, direction=Direction.OUTGOING),
        # the colleague's phone: the template with his name, and the next day's text that is not a campaign
        msg(21, 3, 0, MASS_NAMED, at(10, 9, 2)),
        msg(22, 3, 1, OTHER, at(12, 8, 0)),
        # the mother's second screenshot: the same text a week later reached only her
        msg(31, 4, 0, MASS, at(17, 9, 0)),
    ]


def test_the_named_template_is_near_identical_and_a_different_text_is_not() -> None:
    assert similarity(normalise_text(MASS), normalise_text(MASS_NAMED)) >= CAMPAIGN_SIMILARITY
    assert similarity(normalise_text(MASS), normalise_text(OTHER)) < CAMPAIGN_SIMILARITY


def test_a_mass_text_on_three_phones_is_one_campaign_listing_who_received_it() -> None:
    tl = _three_phones(_case())
    campaigns = find_campaigns(tl.entries)
    assert len(campaigns) == 1
    c = campaigns[0]
    assert (c.number, c.party, c.day) == (1, "安心花", date(2025, 3, 10))
    assert c.phones == (OWN_PHONE, "同事张某", "母亲")
    assert sorted(m for e in c.entries for m in e.message_ids) == [1, 11, 21]
    assert (c.first_time, c.last_time) == (at(10, 9, 0), at(10, 9, 2))
    assert set(c.senders) == {COLLECTOR, "10690002"}
    assert [e.time for e in c.received_on("母亲")] == [at(10, 9, 1)]
    marks = campaign_of_entry(campaigns)
    assert {tl.entries[i].message_ids[0] for i in marks} == {1, 11, 21}


def test_no_campaign_on_one_phone_across_days_or_between_parties() -> None:
    # The same text twice on one phone is a repeat, not a campaign.
    one_phone = [msg(1, 1, 0, MASS, at(10, 9)), msg(2, 1, 1, MASS, at(10, 10))]
    assert find_campaigns(_three_phones(one_phone).entries) == ()
    # Two phones but two days: not "within a day".
    two_days = [msg(1, 1, 0, MASS, at(10, 9)), msg(2, 2, 0, MASS, at(11, 9))]
    assert find_campaigns(_three_phones(two_days).entries) == ()
    # Two phones, one day, two unrelated senders.
    two_senders = [msg(1, 1, 0, MASS, at(10, 9)), msg(2, 2, 0, MASS, at(10, 9), sender="95588")]
    assert find_campaigns(_three_phones(two_senders).entries) == ()
    # Short texts are not claimed as mass texts.
    short = [msg(1, 1, 0, "在吗", at(10, 9)), msg(2, 2, 0, "在吗", at(10, 9))]
    assert find_campaigns(_three_phones(short).entries) == ()
    # A text whose day is unknown cannot be "within a day".
    undated = [msg(1, 1, 0, MASS, None), msg(2, 2, 0, MASS, None)]
    assert find_campaigns(_three_phones(undated).entries) == ()


def test_counts_per_receiving_phone_and_contacts_reached() -> None:
    tl = _three_phones(_case())
    per = counts_per_phone(tl.entries)
    assert list(per) == [OWN_PHONE, "同事张某", "母亲"]
    assert (per[OWN_PHONE].messages, per[OWN_PHONE].calls, per[OWN_PHONE].outgoing) == (2, 0, 1)
    # On the mother's phone her own reply is "outgoing": hers, not contact and not the user's.
    assert (per["母亲"].messages, per["母亲"].calls, per["母亲"].outgoing) == (2, 1, 1)
    assert (per["同事张某"].messages, per["同事张某"].calls) == (2, 0)

    reach = contacts_reached(tl.entries)
    assert reach.count == 2
    assert reach.names == ("母亲", "同事张某")  # most contact first
    mother, colleague = reach.people
    assert (mother.items, mother.messages, mother.calls, mother.days) == (3, 2, 1, 3)
    assert (mother.first_day, mother.last_day) == (date(2025, 3, 10), date(2025, 3, 17))
    assert mother.parties == ("安心花",)
    assert (colleague.items, colleague.days, colleague.first_day, colleague.last_day) == (
        2,
        2,
        date(2025, 3, 10),
        date(2025, 3, 12),
    )
    assert reach.items == 5
    assert (reach.first_day, reach.last_day) == (date(2025, 3, 10), date(2025, 3, 17))
    assert len(reach.campaigns) == 1


def test_a_person_whose_screenshots_show_nothing_received_is_not_reached() -> None:
    only_replies = [
        msg(1, 1, 0, MASS, at(10, 9)),
        msg(2, 2, 0, "请问你是哪位", at(10, 9), sender=ME, direction=Direction.OUTGOING),
    ]
    reach = contacts_reached(_three_phones(only_replies).entries)
    assert reach.count == 0 and reach.items == 0 and reach.first_day is None


def test_many_copies_stay_one_campaign_per_party_and_day() -> None:
    # 300 copies of one text on two phones over ten days: ten campaigns, each with both phones.
    msgs: list[Message] = []
    mid = 0
    for day in range(1, 11):
        for k in range(15):
            for sid in (1, 2):
                mid += 1
                msgs.append(msg(mid, sid, float(mid), MASS, at(day, 8 + k % 12, k)))
    campaigns = find_campaigns(_three_phones(msgs).entries)
    assert [c.day.day for c in campaigns] == list(range(1, 11))
    assert all(c.phones == (OWN_PHONE, "母亲") and len(c.entries) == 30 for c in campaigns)
