"""A reply language with a case, written in Chinese or Japanese: "如果客人用粤语留言，就用粤语回复；否则用普通话",
"英語で書いてきたら英語で返信し、それ以外は日本語で". The default is the "otherwise" language, the case a switch."""

from __future__ import annotations

import re

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.language import CJK_NAMES, lookup
from app.engine.constraints.language_cases import describe_cases
from app.engine.constraints.model import Constraint

_CASES = re.compile(
    rf"(?:如果|若是|要是|假如|若)[^。；;\n]{{0,20}}?用(?P<case>{CJK_NAMES})[^。；;\n]{{0,12}}?[，,]?\s*(?:就|则|則|请|請)?"
    rf"用(?P<reply>{CJK_NAMES})(?:回复|回覆|回答|答复)[^。\n]{{0,12}}?[；;，,]\s*(?:否则|否則|不然|其他情况|其他情況)[，,]?\s*"
    rf"(?:就|则|則)?用(?P<default>{CJK_NAMES})|"
    rf"(?P<case2>{CJK_NAMES})で[^。、\n]{{0,12}}?(?:たら|れば|場合は?)[、,]?\s*(?P<reply2>{CJK_NAMES})で"
    rf"[^。\n]{{0,16}}?[、,；;]\s*(?:それ以外|そうでなければ|ほか|他)(?:の場合)?[はで]?[、,]?\s*(?P<default2>{CJK_NAMES})"
)


def with_cjk_language_cases(fields: list[Field], found: list[Constraint]) -> list[Constraint]:
    """The constraints with a CJK reply-language case stated once, in place of the plain languages around it."""
    if any(c.kind == "language" and c.values for c in found):
        return found
    for field in fields:
        match = _CASES.search(field.text)
        if match is None:
            continue
        case, reply, default = (
            lookup(match.group(g) or match.group(f"{g}2") or "") for g in ("case", "reply", "default")
        )
        if case is None or reply is None or default is None or reply == default:
            continue
        rule = Constraint(
            kind="language", text=describe_cases(default[0], ((case[0], reply[0]),), False),
            span=field.span(match.start(), match.end()), value=default[0], code=default[1], values=[reply[0]],
        )  # fmt: skip
        return [c for c in found if c.kind != "language"] + [rule]
    return found
