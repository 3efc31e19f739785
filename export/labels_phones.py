"""The dossier's words about phones, contacts reached and mass texts (issue 14), zh and en.

Kept beside ``export.labels`` (which merges this table into its own) so the
phone wording reads as one piece; the functions that choose among these words
are in ``export.phone_words``, shared by the dossier and the command line.
"""

from __future__ import annotations

PHONE_LABELS: dict[str, tuple[str, str]] = {
    # whose phone: on another person's phone "me" and outgoing are that person
    "own_phone": ("投诉人本人的手机", "the complainant's own phone"),
    "other_phone": ("{phone}的手机", "{phone}'s phone"),
    "received_on": ("发给{phone}", "received on {phone}'s phone"),
    "received_on_own": ("发给本人", "received on the complainant's phone"),
    "sent_by": ("{phone}发出", "sent by {phone}"),
    "sent_by_own": ("本人发出", "sent by the complainant"),
    "col_phone": ("接收手机", "Received on"),
    "source_value_phone": ("{phone}手机屏幕截图，原文件名：{name}", "Screenshot from {phone}'s phone, file {name}"),
    "purpose_value_phone": (
        "证明{who}于{when}通过{kinds}向{phone}发送{n}条信息",
        "Shows {n} message(s) from {who} to {phone} on {when} by {kinds}",
    ),
    "purpose_calls_phone": ("证明{who}于{when}致电{phone} {n} 次", "Shows {n} call(s) from {who} to {phone} on {when}"),
    # the summary: contacts reached (爆通讯录)
    "reach_heading": ("被联系的亲友、同事（通讯录联系人）", "Contacts reached (people of the complainant's circle)"),
    "reach_line": (
        "催收方共联系了投诉人的 {n} 位亲友、同事（{names}），自 {first} 至 {last}，共 {items} 条（次）；"
        "其中同一内容群发到多部手机 {campaigns} 次。",
        "The collectors contacted {n} people of the complainant's circle ({names}) from {first} to {last}: "
        "{items} items in all; the same text was sent to several phones {campaigns} times.",
    ),
    "reach_split": (
        "以上收到的 {total} 条（次）中，投诉人本人的手机收到 {own} 条（次），其他人的手机收到 {others} 条（次）。",
        "Of the {total} items received above, {own} reached the complainant's own phone and {others} other people's phones.",
    ),
    "reach_none": (
        "本案中其他人手机的截图未显示收到催收方的消息或来电。",
        "The screenshots from other people's phones show no message or call received from the collectors.",
    ),
    "reach_note": (
        "每位接收人指案件中一部来自投诉人以外的人的手机；只计该手机收到的消息和来电（含未接），不计该人自己发出的内容；"
        "重叠截图中的同一消息只计一次。",
        "Each person is a phone in the case belonging to someone other than the complainant; only messages and "
        "calls (missed included) received on that phone count, not what that person sent; a message on "
        "overlapping screenshots counts once.",
    ),
    "col_person": ("接收人", "Person"),
    "col_first_day": ("首次", "First"),
    "col_last_day": ("最近", "Last"),
    "col_items": ("条（次）", "Items"),
    "col_days": ("天数", "Days"),
    "col_from": ("联系方", "Contacted by"),
    "reach_total": ("合计 {n} 人", "{n} people"),
    # mass texts: one text to several phones
    "campaigns_heading": ("群发（同一内容发给多人）", "Mass texts (one text to several people)"),
    "campaigns_note": (
        "同一发送方（或同一所属方）在同一天发出、内容基本相同（允许称呼等个别字不同）、"
        "并由两部以上手机收到的消息，视为一次群发；时间线中以“群发N”标注。",
        "Messages from one sender (or party) on one day with nearly the same text (a name may differ), received "
        "on two or more phones, are one mass text, marked \"mass text N\" in the chronology.",
    ),
    "campaign_no": ("群发{n}", "Mass text {n}"),
    "campaign_mark": ("〔群发{n}〕", "[mass text {n}] "),
    "col_campaign": ("编号", "No."),
    "col_campaign_file": ("群发", "Mass text"),  # the bundle CSV's column, read without the table's heading
    "col_received_by": ("收到的人（时间）", "Received by (time)"),
    "received_at": ("{phone}（{time}）", "{phone} ({time})"),
}
