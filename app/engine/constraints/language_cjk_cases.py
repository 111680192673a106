"""A reply language with a case, written in Chinese or Japanese: "如果客人用粤语留言，就用粤语回复；否则用普通话",
"英語で書いてきたら英語で返信し、それ以外は日本語で", "日本語で返信。ただし英語で来たら英語で返信". The default is the
"otherwise" language (or the one stated first, before "ただし" / "但是"), the case a switch."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.language import CJK_NAMES, lookup
from app.engine.constraints.language_cases import describe_cases
from app.engine.constraints.language_cjk_switch import find_cjk_switch
from app.engine.constraints.model import BriefSpan, Constraint

_CASES = re.compile(
    rf"(?:如果|若是|要是|假如|若)[^。；;\n]{{0,20}}?用(?P<case>{CJK_NAMES})[^。；;\n]{{0,12}}?[，,]?\s*(?:就|则|則|请|請)?"
    rf"用(?P<reply>{CJK_NAMES})(?:回复|回覆|回答|答复)[^。\n]{{0,12}}?[；;，,]\s*(?:否则|否則|不然|其他情况|其他情況)[，,]?\s*"
    rf"(?:就|则|則)?用(?P<default>{CJK_NAMES})|"
    rf"(?P<case2>{CJK_NAMES})で[^。、\n]{{0,12}}?(?:たら|れば|場合は?)[、,]?\s*(?P<reply2>{CJK_NAMES})で"
    rf"[^。\n]{{0,16}}?[、,；;]\s*(?:それ以外|そうでなければ|ほか|他)(?:の場合)?[はで]?[、,]?\s*(?P<default2>{CJK_NAMES})|"
    # the default first, then its case: "日本語で返信。ただし英語で来たら英語で返信",
    # "用中文回复，但是用英语写的就用英语回复"
    rf"(?P<default3>{CJK_NAMES})で(?:返信|返答|回答|返事|答え|対応)[^。\n]{{0,8}}?[。、,]?\s*(?:ただし|但し|でも|ですが|なお)[、,]?"
    rf"\s*(?:お客様が|相手が)?(?P<case3>{CJK_NAMES})で[^。、\n]{{0,12}}?(?:たら|れば|場合は?)[、,]?\s*(?P<reply3>{CJK_NAMES})で|"
    rf"用(?P<default4>{CJK_NAMES})(?:回复|回覆|回答|答复)[^。\n]{{0,4}}?[，,。；;]\s*(?:但是|但|不过|不過|如果|若|要是)[，,]?"
    rf"[^。\n]{{0,8}}?用(?P<case4>{CJK_NAMES})[^。，,\n]{{0,8}}?[，,]?\s*(?:就|则|則|请|請)?用(?P<reply4>{CJK_NAMES})|"
    # the default named as such, then its case: "基本は日本語。お客様が英語で書いてきたら英語で返信",
    # "原則として日本語で対応、英語で問い合わせがあった場合は英語で"
    rf"(?:基本(?:的に)?は?|原則(?:として)?は?|通常は?|普段は|デフォルトは)[、,]?\s*(?P<default5>{CJK_NAMES})"
    rf"[^。\n]{{0,8}}?[。、,；;\n]\s*(?:ただし|但し|でも|なお)?[、,]?[^。、\n]{{0,12}}?(?P<case5>{CJK_NAMES})"
    rf"(?:で|の)[^。、\n]{{0,14}}?(?:たら|れば|場合は?|なら)[、,]?\s*(?P<reply5>{CJK_NAMES})|"
    # "默认用中文，客户用英文就用英文回复", "默认中文；如果对方写英文，就用英文回答"
    rf"(?:默认|默認|預設|预设|一般|通常|平时|平時)(?:情况下|情況下)?[，,]?\s*(?:用|使用|说|以)?(?P<default6>{CJK_NAMES})"
    rf"[^。\n]{{0,8}}?[，,。；;\n]\s*(?:但是|但|不过|不過)?[，,]?(?:如果|若是|要是|假如|若)?[^。，,\n]{{0,8}}?"
    rf"(?:用|写|寫|说|說)(?P<case6>{CJK_NAMES})[^。，,\n]{{0,8}}?[，,]?\s*(?:的话|的話)?[，,]?\s*(?:就|则|則|请|請)?"
    rf"(?:用|使用)(?P<reply6>{CJK_NAMES})"
)
# the reply verb after the reply language ("英語で返信", "用英文回复"): the rule's span takes it
_TAIL = re.compile(r"(?:で)?(?:返信|返答|回答|返事|対応|回复|回覆|答复|答覆)(?:する|して(?:ください|下さい)|します)?")


def _group(match: re.Match[str], name: str) -> tuple[str, str] | None:
    """The language one of the pattern's alternatives names for `name` (its groups are numbered "", 2 … 6)."""
    return lookup(next((v for k in ("", "2", "3", "4", "5", "6") if (v := match.group(name + k))), ""))


def with_cjk_language_cases(
    fields: list[Field], found: list[Constraint], own: Callable[[], tuple[str, str] | None] = lambda: None
) -> list[Constraint]:
    """The constraints with a CJK reply-language case stated once, in place of the plain languages around it (a case
    with no default of its own takes the one other language the brief states, or else `own()`)."""
    if any(c.kind == "language" and c.values for c in found):
        return found
    for field in fields:
        match = _CASES.search(field.text)
        if match is None:
            continue
        case, reply, default = (_group(match, g) for g in ("case", "reply", "default"))
        if case is None or reply is None or default is None or reply == default:
            continue
        tail = _TAIL.match(field.text, match.end())
        end = tail.end() if tail is not None else match.end()
        rule = Constraint(
            kind="language", text=describe_cases(default[0], ((case[0], reply[0]),), False),
            span=field.span(match.start(), end), value=default[0], code=default[1], values=[reply[0]],
        )  # fmt: skip
        return [c for c in found if c.kind != "language"] + [rule]
    return _with_switch(fields, found, own)


def _with_switch(
    fields: list[Field], found: list[Constraint], own: Callable[[], tuple[str, str] | None]
) -> list[Constraint]:
    """ "英語で話しかけられたら英語で返す": the case, with the brief's other language (or its own) as the default."""
    for field in fields:
        switch = find_cjk_switch(field.text)
        if switch is None:
            continue
        tail = _TAIL.match(field.text, switch.end)
        span = field.span(switch.start, tail.end() if tail is not None else switch.end)
        inside = [c for c in found if c.kind == "language" and _overlaps(c, span)]
        plain = [
            c for c in found
            if c.kind == "language" and c.code and c.value and not c.values and c not in inside
            and c.code != switch.case[1]
        ]  # fmt: skip
        default = (plain[0].value or "", plain[0].code or "") if len(plain) == 1 else own()
        if default is None or default[1] in (switch.reply[1], switch.case[1]):
            continue
        rule = Constraint(
            kind="language", text=describe_cases(default[0], ((switch.case[0], switch.reply[0]),), False),
            span=span, value=default[0], code=default[1], values=[switch.reply[0]],
        )  # fmt: skip
        return [c for c in found if c.kind != "language"] + [rule]
    return found


def _overlaps(constraint: Constraint, outer: BriefSpan) -> bool:
    span = constraint.span
    return (
        span is not None and (span.field, span.index) == (outer.field, outer.index)
        and span.start < outer.end and outer.start < span.end
    )  # fmt: skip
