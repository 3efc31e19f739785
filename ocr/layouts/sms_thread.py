"""SMS conversation screens: Android (Material 3, MIUI, Samsung) and iOS Messages.

Incoming bubbles are grey/white on the left, outgoing ones coloured on the
right; the title bar shows the other party's number or contact name, which is
every incoming message's sender. Samsung prints a clock beside each bubble and
only the date in its separators; the shared bubble logic combines the two.
"""

from __future__ import annotations

from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.bubbles import parse_thread
from ocr.model import Kind, Layout
from ocr.page import Page, analyse


class SmsThreadParser:
    layout = Layout.SMS_THREAD

    def parse(self, ctx: PageContext) -> PageResult:
        page = ctx.notes.get("page")
        if not isinstance(page, Page):
            page = analyse(ctx.image)
        return parse_thread(ctx, page, Kind.SMS)


PARSER = SmsThreadParser()
