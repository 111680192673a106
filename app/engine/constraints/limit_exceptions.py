"""A limit's exception: "at most 3 sentences unless they ask for the full recipe", "máximo 120 palavras por mensagem,
exceto na resolução completa", "höchstens 80 Wörter, außer bei Reparaturanleitungen",
"不超过100字,除非用户要求完整食谱".

Written as an absolute limit, such a rule cuts the very replies the brief exempts (the full solution, the recipe), so
the exception travels with the limit wherever the prompt states it.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints.limit_numbers import FoundLimit
from app.engine.constraints.model import Constraint

# The words that open an exception, in the languages briefs are written in. "no exceptions" is no exception.
EXCEPT_WORD = (
    r"(?:except(?:\s+(?:for|when|if|in|where|on))?|unless|other\s+than|apart\s+from|save\s+for|"
    r"exceto|excepto|salvo|a\s+n[ãa]o\s+ser|a\s+menos\s+que|menos\s+(?:cuando|quando)|"
    r"au(?:ß|ss)er|ausgenommen|es\s+sei\s+denn|sauf|à\s+moins\s+que|hormis|"
    r"tranne|eccetto|a\s+meno\s+che|salvo\s+che|behalve|tenzij|uitgezonderd)\b"
)
# The exempt case runs to the sentence's end, or to a rule joined after it ("…unless the guest asks for directions,
# and always end with the desk number")
_EXCEPTION_TEXT = (
    r"(?:(?!,\s*(?:and|but|then|und|aber|dann|et|mais|puis|y|pero|luego|e|ma|poi|mas|en|maar|daarna)\s)"
    r"[^.;!?()\n]){2,160}"
)
# A short tail may sit between the limit and its exception ("por mensagem", "a turn", "per reply, "), never a clause
# of its own: at most four words, no sentence mark.
_LATIN = re.compile(
    r"(?P<gap>(?:\s+[^\s.;:!?()\n,]+){0,4}?)\s*(?:,|\(|\s[-–—])?\s*(?P<exc>" + EXCEPT_WORD + _EXCEPTION_TEXT + ")",
    re.IGNORECASE,
)
# "drafts under 50 words. exception is kiln_firing - those can go to 90 words", "max. 80 Wörter. Ausnahme: Anleitungen":
# the next sentence names the limit's exception
_NEXT_SENTENCE = re.compile(
    r"\s*[.;]\s*(?P<exc>(?:the\s+)?(?:only\s+)?(?:exceptions?\s*(?:is|are|:)|ausnahmen?\s*(?:ist|sind|:)|"
    r"excepci[óo]n\s*(?:es|:)|eccezion[ei]\s*(?:è|:)|exce[çc][ãa]o\s*(?:é|:)|uitzondering\s*(?:is|:))"
    + _EXCEPTION_TEXT
    + ")",
    re.IGNORECASE,
)
_CJK = re.compile(r"[^。;;!?\n]{0,8}?[,,、(]?\s*(?P<exc>(?:除非|除了)[^。;;!?\n)]{2,80})")
# A gap that is a limit of its own or another rule ("and no emoji", "then …") keeps the exception away from this limit.
_OTHER_RULE = re.compile(r"\b(?:and|no|never|not|then|und|et|e|y|en|ohne|sans|sin|sem|senza)\b", re.IGNORECASE)
_ENGLISH = re.compile(r"(?:except|unless|other\s+than|apart\s+from|save\s+for)\b", re.IGNORECASE)


# "Except for full recipes, keep answers under 100 words", "Außer bei Anleitungen höchstens 80 Wörter": the exception
# opens the limit's sentence.
_OPENING = re.compile(r"(?P<exc>" + EXCEPT_WORD + r"[^.;:!?()\n,]{2,120}),\s*[^.;:!?\n]*$", re.IGNORECASE)


def exception_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the exception of a limit at `start`-`end` is written (right after it, or opening its sentence), with a
    bracket that follows it ("exceto na resolução completa (até 300 palavras)"); None when there is none."""
    match = _LATIN.match(text, end) or _CJK.match(text, end) or _NEXT_SENTENCE.match(text, end)
    if match is not None:
        if _OTHER_RULE.search(match.groupdict().get("gap") or ""):
            return None
        close = match.end("exc")
        bracket = re.match(r"\s*\([^()\n]{1,120}\)", text[close:])
        return match.start("exc"), close + (bracket.end() if bracket else 0)
    opening = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "; ", "! ", "? ")) + 1
    while opening < start and text[opening] in " -*•\t":
        opening += 1
    head = _OPENING.match(text[opening:start])
    return (opening, opening + head.end("exc")) if head else None


# "Apart from that, keep replies under 80 words", "except this": a word pointing back names no exempt case
_POINTER = re.compile(EXCEPT_WORD + r"\s*(?:that|this|these|those|it|dem|dies|ci[oò]|cela|eso|isso|dat)?\W*$", re.I)


def limit_exception(text: str, start: int, end: int) -> str | None:
    """The exception of a limit at `start`-`end` as the brief words it; None when there is none."""
    where = exception_span(text, start, end)
    exception = " ".join(text[where[0] : where[1]].split()).rstrip(" ,") if where else ""
    return exception if exception and not _POINTER.match(exception) else None


def without_exempt_limits(text: str, found: list[FoundLimit]) -> list[FoundLimit]:
    """The limits less those written inside another limit's exception: "max 80 words, except when they ask for more
    than 5 steps", "exceto na resolução completa (até 300 palavras)" size the exempt case, not the reply."""
    spans = [where for lim in found if (where := exception_span(text, lim.start, lim.end)) is not None]
    return [lim for lim in found if not any(a <= lim.start < b for a, b in spans)]


def with_exception(sentence: str, exception: str) -> str:
    """ "Keep the reply to at most 3 sentences." with its exception: in the brief's words when they are English,
    quoted after "except as the brief says" otherwise (words the fidelity check reads as the exception too)."""
    base = sentence.rstrip().rstrip(".")
    if _ENGLISH.match(exception):
        return f"{base}, {exception[0].lower()}{exception[1:]}."
    return f'{base}, except as the brief says: "{exception}".'


def attach_next_sentence_exceptions(task: str, found: list[Constraint]) -> None:
    """Give a limit the exception its next sentence names ("drafts under 50 words. exception is kiln_firing - those
    can go to 90 words"), and drop the limits written inside that exception (the 90 words size the exempt case)."""
    exempt: list[tuple[int, int]] = []
    for index, constraint in enumerate(found):
        span = constraint.span
        if constraint.kind != "limit" or constraint.condition or span is None or span.field != "task":
            continue
        match = _NEXT_SENTENCE.match(task, span.end)
        if match is None:
            continue
        exception = " ".join(match.group("exc").split()).rstrip(" ,")
        exempt.append((match.start("exc"), match.end("exc")))
        found[index] = msgspec.structs.replace(
            constraint, text=with_exception(constraint.text, exception), condition=exception
        )
    if exempt:
        found[:] = [
            c
            for c in found
            if not (c.kind == "limit" and c.span is not None and c.span.field == "task" and c.condition is None
                    and any(a <= c.span.start < b for a, b in exempt))
        ]  # fmt: skip
