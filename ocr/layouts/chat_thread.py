"""Chat threads in the WeChat style, one-to-one and groups.

Each bubble has a square avatar beside it (left: them, right: me). In a group
the member's name is printed small above each incoming bubble and is that
message's sender; in a one-to-one chat the title is. The title of a group ends
with its member count, ``(48)``.
"""

from __future__ import annotations

from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.bubbles import parse_thread
from ocr.model import Kind, Layout
from ocr.page import Page, analyse


class ChatThreadParser:
    layout = Layout.CHAT_THREAD

    def parse(self, ctx: PageContext) -> PageResult:
        page = ctx.notes.get("page")
        if not isinstance(page, Page):
            page = analyse(ctx.image)
        return parse_thread(ctx, page, Kind.CHAT)


PARSER = ChatThreadParser()
