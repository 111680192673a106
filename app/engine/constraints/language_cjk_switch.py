"""A reply-language case written in Japanese or Chinese with no default said beside it:
"英語で話しかけられたら英語で返す", "英語で問い合わせが来たら英語で返信してください", "如果用英文提问就用英文回答",
"客人用英语留言的话，请用英语回复".

Read clause by clause, the case's reply language became the whole reply's ("Always reply in English"), or nothing was
read and the brief's own language was kept alone ("Always reply in Japanese") beside the brief's clause. The default
is the one plain language the brief states elsewhere, or else the language the brief is written in.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.language import CJK_NAMES, lookup

_REPLY = r"(?:返す|返して|返信|返答|回答|返事|答え|対応|書いて|書く|回复|回覆|回答|答复|答覆|回应|回應|交流|沟通|溝通)"
_SWITCH = re.compile(
    # "英語で話しかけられたら英語で返す", "英語の問い合わせには英語で対応", "英語で来た場合は英語で返信"
    rf"(?P<case>{CJK_NAMES})(?:で|の)[^。、,\n]{{0,16}}?(?:たら|れば|場合は?|なら|ときは|時は|には)[、,]?\s*"
    rf"(?:[^。、,\n]{{0,6}}?)(?P<reply>{CJK_NAMES})で[^。\n]{{0,4}}?{_REPLY}|"
    # "如果用英文提问就用英文回答", "客人用英语留言的话，请用英语回复", "若对方说粤语，就用粤语回答"
    rf"(?:如果|若是|要是|假如|若|当|當)?[^。；;，,\n]{{0,10}}?(?:用|说|說|写|寫|以)(?P<case2>{CJK_NAMES})"
    rf"[^。；;，,\n]{{0,10}}?[，,]?\s*(?:的话|的話)?[，,]?\s*(?:就|则|則|请|請|也)?\s*(?:用|使用|以)(?P<reply2>{CJK_NAMES})"
    rf"[^。\n]{{0,2}}?{_REPLY}"
)


class CjkSwitch(NamedTuple):
    """A case read from one field's text: the user's language, the reply's, and where the case is said."""

    case: tuple[str, str]
    reply: tuple[str, str]
    start: int
    end: int


def find_cjk_switch(text: str) -> CjkSwitch | None:
    """The first reply-language case (with no default of its own) the text states."""
    for match in _SWITCH.finditer(text):
        case = lookup(match.group("case") or match.group("case2") or "")
        reply = lookup(match.group("reply") or match.group("reply2") or "")
        if case is not None and reply is not None:
            return CjkSwitch(case, reply, match.start(), match.end())
    return None
