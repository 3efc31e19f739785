"""The dossier's own words, in Chinese and English, as data.

Why a table here and not Qt translations: the dossier is written by
``export``, which must run headless and never import Qt, and its language is
the *reader's* (a court, a regulator), not necessarily the window's. The GUI
passes a language code; a caller may override single labels
(``DossierOptions.label_overrides``) without touching this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from export.labels_phones import PHONE_LABELS

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_TABLE: dict[str, tuple[str, str]] = {
    # document
    "doc_title": ("证据材料", "Evidence dossier"),
    "doc_subject": ("网络借贷催收骚扰证据材料", "Evidence of debt-collection harassment"),
    "untitled_case": ("（未命名案件）", "(untitled case)"),
    "page_of": ("第 {n} 页 / 共 {m} 页", "Page {n} of {m}"),
    "unknown": ("未知", "unknown"),
    "none": ("无", "none"),
    # section titles (also the bookmarks)
    "sec_cover": ("封面", "Cover"),
    "sec_index": ("一、证据目录", "1. Index of exhibits"),
    "sec_method": ("制作说明", "How this dossier was made"),
    "sec_summary": ("二、统计摘要", "2. Summary"),
    "sec_chronology": ("三、时间线", "3. Chronology"),
    "sec_exhibits": ("四、证据", "4. Exhibits"),
    "sec_appendix": ("五、附录", "5. Appendix"),
    "sec_manifest": ("附录一：原始文件哈希清单", "Appendix A: hashes of the original files"),
    "sec_corrections": ("附录二：更正记录", "Appendix B: correction log"),
    "sec_citations": ("附录三：标签所引规范", "Appendix C: rules the tags cite"),
    "citations_intro": (
        "以下为本材料中经投诉人确认的标签所引的法律、规章、标准和行业规范，每条注明类别、施行日期和核实情况。"
        "推荐性国家标准和行业自律规范不是法律，违反它们本身不等于违法；是否违法由有关机关认定。",
        "The laws, regulations, standards and industry rules cited by the tags the complainant confirmed, each "
        "with its kind, date in force and whether its text was verified. A recommended national standard or an "
        "industry guideline is not law, and departing from one is not in itself unlawful; whether a law was "
        "broken is for the authorities to decide.",
    ),
    "citation_tag": ("标签“{tag}”（{n} 条记录）", "Tag “{tag}” (entries: {n})"),
    "citation_quote": ("原文（据来源转引）：“{text}”", "Text (as quoted by the source): “{text}”"),
    "citation_points": ("要点（据来源，非原文）：{text}", "Points (per the source, not the text): {text}"),
    "citation_note": ("说明：{text}", "Note: {text}"),
    "citation_source": ("来源：{text}", "Source: {text}"),
    # cover
    "cover_heading": ("证据材料", "Evidence dossier"),
    "complainant": ("投诉人 / 申请人", "Complainant"),
    "respondent": ("被投诉平台", "Respondent platform(s)"),
    "period": ("时间范围", "Period covered"),
    "period_value": ("{a} 至 {b}", "{a} to {b}"),
    "counts": ("数量", "Counts"),
    "n_screenshots": ("截图", "Screenshots"),
    "n_messages": ("收到的消息（短信、聊天）", "Messages received (SMS, chat)"),
    "n_outgoing": ("本人发出的消息和电话", "Sent by the complainant"),
    "n_calls": ("来电（含未接）", "Calls received (incl. missed)"),
    "n_merged": (
        "同一消息出现在多张重叠截图中的，只计一次（共合并 {n} 条重复识别）。",
        "A message shown on several overlapping screenshots counts once ({n} duplicate readings merged).",
    ),
    "n_senders": ("发送方 / 号码", "Senders / numbers"),
    "n_days": ("涉及天数", "Days with contact"),
    "n_reviewed": ("已逐条核对的截图", "Screenshots reviewed by the complainant"),
    "n_reviewed_value": ("{reviewed} / {total}", "{reviewed} of {total}"),
    "generated": ("生成时间", "Generated"),
    "generated_value": ("{at}，Screenproof {version}", "{at}, Screenproof {version}"),
    "manifest_hash": ("证据清单 SHA-256", "SHA-256 of the evidence manifest"),
    "manifest_hash_note": (
        "即证据包中 manifest.sha256 文件的 SHA-256 值，该文件列出每个原始截图文件的 SHA-256。",
        "The SHA-256 of manifest.sha256 in the evidence bundle, which lists the SHA-256 of every original screenshot.",
    ),
    "cover_note": (
        "本材料由 Screenproof 软件根据用户导入的手机截图辅助整理。文字内容经 OCR 识别；{total} 张截图中 {reviewed} 张已由投诉人逐条核对，"
        "{unreviewed} 张尚未核对（各证据页注明）。文字内容仅供辅助整理，以截图原件为准。",
        "Compiled with Screenproof from phone screenshots imported by the user. Text was read by OCR; {reviewed} of "
        "{total} screenshots were reviewed message by message by the complainant, {unreviewed} not yet (each exhibit "
        "says which). The text is an aid only — the screenshots themselves govern.",
    ),
    # index
    "col_no": ("序号", "No."),
    "col_name": ("证据名称", "Exhibit"),
    "col_source": ("证据来源", "Source"),
    "col_purpose": ("证明目的", "What it shows"),
    "col_pages": ("页码", "Page"),
    "exhibit": ("证据{n}", "Exhibit {n}"),
    "exhibit_short": ("证据", "Ex."),
    "source_value": ("申请人手机屏幕截图，原文件名：{name}", "Screenshot from the complainant's phone, file {name}"),
    "name_value": ("{layout}截图（{who}，{when}）", "{layout} screenshot ({who}, {when})"),
    "name_value_nowho": ("{layout}截图（{when}）", "{layout} screenshot ({when})"),
    "layout_sms_thread": ("短信对话", "SMS conversation"),
    "layout_sms_inbox": ("短信列表", "SMS inbox"),
    "layout_chat_thread": ("聊天记录", "Chat"),
    "layout_call_log": ("通话记录", "Call log"),
    "layout_none": ("手机", "Phone"),
    "purpose_value": (
        "证明{who}于{when}通过{kinds}向投诉人发送{n}条信息",
        "Shows {n} message(s) from {who} on {when} by {kinds}",
    ),
    "purpose_calls": ("证明{who}于{when}致电投诉人 {n} 次", "Shows {n} call(s) from {who} on {when}"),
    "purpose_tags": ("，内容涉及：{tags}", "; content: {tags}"),
    "purpose_empty": ("证明截图所示内容", "Shows what the screenshot shows"),
    "list_sep": ("、", ", "),
    "colon": ("：", ": "),
    "method_items": (
        "截图原件：每张截图按导入时的原始文件逐字节保存，未做任何修改；证据包 originals 文件夹中的文件即原件，"
        "本文件中的图片为便于阅读而压缩的副本。\n"
        "文字整理：截图中的文字由 OCR（光学字符识别）自动识别，识别引擎、版本和模型逐张注明于证据页（本材料所用：{engines}）。"
        "{total} 张截图中，{reviewed} 张已由投诉人逐条核对，{unreviewed} 张尚未核对，各证据页注明核对状态；用户更正过的字段在证据页中标出，"
        "原识别结果与更正记录见附录二。文字整理仅为辅助，以截图原件为准。\n"
        "标签：标签由本软件的规则建议，只有经投诉人确认的标签才列入本材料并计入统计（{confirmed} 条记录）；"
        "未经确认的建议（{suggested} 条记录）不列入。标签所引规范及其类别见附录三；推荐性国家标准和行业自律规范不是法律。\n"
        "时间：消息时间取自截图中显示的时间；截图时间取自文件名、EXIF 或文件修改时间，来源逐一注明。无法确定的时间标为“未知”，不作推测。"
        "夜间指 {night}（本软件标签规则所设时段）。\n"
        "本材料不能证明：截图之外的通信内容；发送号码的实际使用人身份；截图未显示的时间。发送方与平台的对应关系由投诉人提供。\n"
        "核验方法：在证据包文件夹中运行 sha256sum -c manifest.sha256（Windows：certutil -hashfile 文件名 SHA256），"
        "每个原始文件应显示“成功/OK”；manifest.sha256 本身的 SHA-256 应与封面所载数值一致。",
        "Originals: every screenshot is kept byte for byte as imported, unaltered; the files in the bundle's "
        "originals folder are the originals, the images in this PDF are compressed copies for reading.\n"
        "Text: the text was read by OCR (optical character recognition); the engine, version and models are named "
        "on each exhibit page (used here: {engines}). Of {total} screenshots, {reviewed} were reviewed message by "
        "message by the complainant and {unreviewed} not yet; each exhibit page says which. Fields the user "
        "corrected are marked on the exhibit pages, and the OCR reading and every correction are listed in "
        "Appendix B. The text is an aid only; the screenshots govern.\n"
        "Tags: the software's rules only suggest tags; only tags the complainant confirmed are printed and counted "
        "here ({confirmed} entries); unconfirmed suggestions ({suggested} entries) are left out. What each tag "
        "cites, and its kind, is listed in Appendix C; a recommended national standard or an industry guideline is "
        "not law.\n"
        "Times: message times are those shown on the screenshot; a screenshot's capture time comes from its file "
        "name, EXIF data or file date, each with its source. Times that cannot be established are shown as "
        "unknown, never guessed. Night means {night} (the window set in the software's tag rules).\n"
        "What this does not prove: communication not shown on the screenshots; who actually used a sending "
        "number; times the screenshots do not show. Which sender belongs to which platform is the complainant's "
        "statement.\n"
        "How to check: in the bundle folder run sha256sum -c manifest.sha256 (Windows: certutil -hashfile FILE "
        "SHA256); every original must report OK, and the SHA-256 of manifest.sha256 itself must equal the value "
        "on the cover.",
    ),
    # summary
    "per_day": ("每日消息数量", "Messages per day"),
    "per_week": ("每周消息数量（时间跨度较长，按周汇总，标注为每周一）", "Messages per week (long period; labelled by Monday)"),
    "col_messages": ("短信、聊天", "SMS, chat"),
    "col_calls": ("来电", "Calls"),
    "per_day_night": ("深色部分为夜间（{night}）", "dark part: at night ({night})"),
    "by_hour": ("按时段分布（小时）", "By hour of day"),
    "busiest_days": ("最频繁的日期", "Busiest days"),
    "per_sender": ("按发送方", "By sender"),
    "per_tag": ("按标签", "By tag"),
    "col_day": ("日期", "Day"),
    "col_count": ("数量", "Count"),
    "col_night": ("其中夜间", "At night"),
    "col_sender": ("发送方", "Sender"),
    "col_party": ("所属方", "Party"),
    "col_tag": ("标签", "Tag"),
    "unknown_time": ("时间未知", "Time unknown"),
    "no_messages": ("本案尚无已识别的消息。", "The case has no messages yet."),
    "no_tags": ("尚无经投诉人确认的标签。", "No tags confirmed by the complainant yet."),
    "tags_confirmed_note": (
        "只统计经投诉人确认的标签；另有 {suggested} 条记录带有未经确认的规则建议，未计入。",
        "Only tags the complainant confirmed are counted; {suggested} more entries carry unconfirmed rule suggestions, not counted.",
    ),
    "col_citations": ("所引规范（类别）", "Cited rules (kind)"),
    "no_citation": ("尚无可核实的规范条文", "no verified rule on file"),
    "summary_line": (
        "共收到 {n} 条（短信、聊天 {msgs} 条，来电 {calls} 次），分布于 {days} 天；夜间（{window}）{night} 条；"
        "单日最多 {max} 条（{maxday}）。",
        "{n} items received ({msgs} messages, {calls} calls) over {days} days; {night} at night ({window}); "
        "at most {max} on one day ({maxday}).",
    ),
    "summary_undated": (
        "另有 {undated} 条截图未显示具体时间，计入总数，但不计入每日和时段统计。",
        "{undated} more whose time the screenshots do not show: in the total, not in the per-day or per-hour counts.",
    ),
    # chronology
    "col_time": ("时间", "Time"),
    "col_kind": ("类型", "Kind"),
    "col_direction": ("方向", "Dir."),
    "col_text": ("内容", "Text"),
    # A row's labels as the phone showed them (place, carrier, its own mark): quoted, never judged.
    "col_labels": ("标注", "Labels"),
    "labels_line": ("标注：{labels}", "Labels: {labels}"),
    "col_tags": ("标签", "Tags"),
    "col_exhibit": ("证据", "Exhibit"),
    "day_heading": ("{day} {weekday}（{n} 条）", "{day} {weekday} ({n})"),
    "kind_sms": ("短信", "SMS"),
    "kind_chat": ("聊天", "Chat"),
    "kind_call": ("电话", "Call"),
    "dir_incoming": ("收到", "in"),
    "dir_outgoing": ("发出", "out"),
    "dir_missed": ("未接", "missed"),
    "me": ("本人", "me"),
    "weekdays": ("星期一,星期二,星期三,星期四,星期五,星期六,星期日", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"),
    # exhibits
    "file_name": ("文件名", "File name"),
    "captured_at": ("截图时间", "Captured"),
    "captured_source": ("{at}（来源：{source}）", "{at} (from {source})"),
    "imported_at": ("导入时间", "Imported"),
    "sha256": ("SHA-256（原件）", "SHA-256 (original)"),
    "ocr_engine": ("文字识别", "Text read by"),
    "ocr_not_run": ("尚未识别", "not read yet"),
    "review_status": ("核对状态", "Review"),
    "reviewed_yes": ("已由投诉人逐条核对", "reviewed message by message by the complainant"),
    "reviewed_no": ("尚未经投诉人核对", "not yet reviewed by the complainant"),
    "image_size": ("原件", "Original"),
    "image_size_value": ("{w}×{h} 像素，{fmt}，{size}", "{w}×{h} px, {fmt}, {size}"),
    "thread": ("对话", "Thread"),
    "redacted": ("已遮盖", "Redacted"),
    # A redacted copy replaces items 1 and 6 of method_items: it carries no originals and no bundle.
    "method_redacted_originals": (
        "截图原件：每张截图按导入时的原始文件逐字节保存在投诉人的案件中，未做任何修改；本材料为遮盖件，不附原件，"
        "本文件中的图片为遮盖后重新生成并压缩的副本。每张原件的 SHA-256 逐张列于证据页，遮盖图另注其自身的 SHA-256。",
        "Originals: every screenshot is kept byte for byte as imported in the complainant's case, unaltered; this "
        "redacted copy carries no originals, and its images are compressed copies made after masking. The SHA-256 "
        "of each original is listed on its exhibit page, beside that of the redacted image.",
    ),
    "method_redacted_check": (
        "核验方法：原件保存在投诉人的案件中，未作改动，可应要求提供；对原件运行 sha256sum 文件名"
        "（Windows：certutil -hashfile 文件名 SHA256），结果应与证据页所列原件的 SHA-256 一致。",
        "How to check: the originals stay unaltered in the complainant's case and can be provided on request; "
        "sha256sum FILE (Windows: certutil -hashfile FILE SHA256) on an original must give the SHA-256 listed "
        "on its exhibit page.",
    ),
    "manifest_hash_note_redacted": (
        "即原始截图文件清单的 SHA-256 值；本遮盖件不附原件，原件及清单保存在投诉人的案件中。",
        "The SHA-256 of the list of original screenshot files; this redacted copy carries no originals, which stay "
        "in the complainant's case with that list.",
    ),
    "method_redacted": (
        "本材料为遮盖件：{shots} 张截图共遮盖{n}处（身份证号、银行卡号、第三人电话等），遮盖直接写入图像像素，"
        "文字整理中相同内容以 * 代替；原件未作改动，可供核对，每张遮盖图注明原件与遮盖图的 SHA-256。",
        "This is a redacted copy: {n} areas masked on {shots} screenshots (ID and card numbers, third parties' "
        "numbers); the masking is burned into the image pixels and the transcription shows the same values as *. "
        "The originals are unchanged and available for checking; each redacted image states the SHA-256 of its "
        "original and of itself.",
    ),
    "redacted_value": (
        "已遮盖{n}处，原件可供核对；下为遮盖后图像的 SHA-256",
        "{n} areas masked; the original is available for checking. SHA-256 of the redacted image:",
    ),
    "transcription": ("文字整理（辅助，以截图为准）", "Transcription (an aid; the screenshot governs)"),
    "no_transcription": ("（未识别到文字）", "(no text read)"),
    "no_text_message": ("〔无文字：图片、表情或未能识别〕", "[no text: a picture, a sticker, or not read]"),
    "ocr_failed": ("（OCR 未能读取：{error}）", "(OCR could not read it: {error})"),
    "corrected_mark": ("已更正", "corrected"),
    "ocr_was": ("OCR 识别为：{value}", "OCR read: {value}"),
    "manual_mark": ("用户手动添加", "added by the user"),
    "image_part": ("（截图第 {i}/{n} 段）", "(part {i} of {n})"),
    "transcription_part": (
        "第 {i}/{n} 段文字整理（辅助，以截图为准）",
        "Transcription of part {i} of {n} (an aid; the screenshot governs)",
    ),
    "src_separator": ("截图中的时间分隔", "time separator on screen"),
    "src_row": ("截图中的条目时间", "time shown in the row"),
    "src_file name": ("文件名", "file name"),
    "src_exif": ("EXIF", "EXIF"),
    "src_mtime": ("文件修改时间", "file date"),
    "src_manual": ("用户填写", "entered by the user"),
    "field_kind": ("类型", "kind"),
    "field_direction": ("方向", "direction"),
    "field_sender": ("发送方", "sender"),
    "field_time": ("时间", "time"),
    "field_text": ("内容", "text"),
    "field_excluded": ("排除", "excluded"),
    "field_box": ("位置", "position"),
    "field_created": ("手动添加", "added by hand"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # appendix
    "col_file": ("文件（证据包内）", "File (in the bundle)"),
    "col_field": ("字段", "Field"),
    "col_ocr_value": ("OCR 识别值 / 原值", "OCR / previous value"),
    "col_new_value": ("更正后", "Corrected"),
    "col_when": ("更正时间", "When"),
    "col_message": ("消息", "Message"),
    "no_corrections": ("无更正。", "No corrections."),
    "manifest_intro": (
        "以下为 manifest.sha256 的内容，可在证据包文件夹中用 sha256sum -c manifest.sha256 核验。",
        "The content of manifest.sha256; check it in the bundle folder with sha256sum -c manifest.sha256.",
    ),
    "manifest_intro_redacted": (
        "以下为原始截图文件的 SHA-256 清单。本遮盖件不附原件；原件未作改动，保存在投诉人的案件中，可据此核对。",
        "The SHA-256 of every original screenshot file. This redacted copy carries no originals; they stay "
        "unaltered in the complainant's case and can be checked against this list.",
    ),
    "col_file_redacted": ("原件文件名", "Original file"),
    # dates: days without minutes, capture times and where they came from (issue 12)
    "time_not_shown": ("时间未显示", "time not shown"),
    "day_time_not_shown": ("{day} 时间未显示", "{day}, time not shown"),
    "field_date": ("日期", "date"),
    "captured_mtime": (
        "{at}（来源：文件修改时间，可能不是截图时间）",
        "{at} (file modification time: may not be when the screenshot was taken)",
    ),
    "captured_manual": ("{at}（来源：申请人设定；原为 {was}）", "{at} (set by the complainant; was {was})"),
    "method_dates": (
        "时间精度：本材料共 {n} 条记录，其中 {minute} 条截图显示了具体时刻；{day} 条截图只显示日期、未显示时刻，"
        "列于该日有具体时刻的记录之后，标注“时间未显示”，计入每日统计，不计入时段和夜间统计；"
        "{none} 条截图既未显示日期也未显示时刻，列于“时间未知”。",
        "Time precision: of {n} entries, {minute} show the minute on the screenshot; {day} show the day but not the "
        "minute: they are listed after that day's timed entries, marked \"time not shown\", counted per day but not "
        "per hour or at night; {none} show neither day nor minute and are listed under \"time unknown\".",
    ),
    "method_capture": (
        "截图时间：{file} 张取自文件名，{exif} 张取自 EXIF，{mtime} 张取自文件修改时间（可能不是截图时间），"
        "{manual} 张由申请人设定，{unknown} 张未知。“昨天”“星期二”“x分钟前”等相对时间按截图时间换算；"
        "截图时间未知时不作换算。",
        "Capture times: {file} from the file name, {exif} from EXIF, {mtime} from the file modification time "
        "(may not be when the screenshot was taken), {manual} set by the complainant, {unknown} unknown. Relative "
        "times (yesterday, a weekday, minutes ago) are resolved against the capture time, and not at all without one.",
    ),
    # bundle files
    "bundle_pdf": ("证据材料.pdf", "dossier.pdf"),
    "bundle_csv": ("时间线.csv", "chronology.csv"),
    "bundle_json": ("时间线.json", "chronology.json"),
    "bundle_readme": ("说明.txt", "README.txt"),
}


_TABLE.update(PHONE_LABELS)  # whose phone, contacts reached, mass texts (issue 14)


def labels(lang: Lang, overrides: Mapping[str, str] | None = None) -> Mapping[str, str]:
    """The label table for ``lang``, read-only, with the caller's overrides applied."""
    if lang not in LANGS:
        raise ValueError(f"unknown dossier language: {lang!r}")
    i = LANGS.index(lang)
    out = {k: v[i] for k, v in _TABLE.items()}
    if overrides:
        unknown = set(overrides) - set(out)
        if unknown:
            raise KeyError(f"unknown dossier labels: {sorted(unknown)}")
        out.update(overrides)
    return MappingProxyType(out)


def label_keys() -> frozenset[str]:
    return frozenset(_TABLE)
